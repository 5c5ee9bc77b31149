// PNG export for shanxi-eco-map: the app builds the SVG (src/map/export.rs); this
// draws it on a canvas at `scale` and downloads it through the link `linkId`.
// Kept in JavaScript because canvas bindings would add more to the wasm than
// these lines weigh.
window.shanxiExportPng = function (svgText, scale, filename, linkId) {
  return new Promise(function (resolve, reject) {
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(img.width * scale);
      canvas.height = Math.round(img.height * scale);
      var ctx = canvas.getContext("2d");
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      var url = canvas.toDataURL("image/png");
      var link = document.getElementById(linkId);
      if (link) {
        link.href = url;
        link.download = filename;
        link.click();
      }
      resolve(url);
    };
    img.onerror = function () { reject(new Error("the SVG could not be drawn")); };
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText);
  });
};
