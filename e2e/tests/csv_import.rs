//! Loading a CSV table in a real headless Chromium: it shows on the map at once,
//! marked as user data, and unusable rows are listed with their numbers.

use e2e::page::{Page, INDICATOR};
use serde_json::json;

fn write_temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("e2e-csv-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the CSV");
    path.display().to_string()
}

#[tokio::test]
async fn an_uploaded_table_shows_on_the_map_with_its_bad_rows_listed() {
    let page = Page::coloured(1280, 900, "/").await;
    // The reader is a worker, fetched only when a table is loaded.
    const WORKER_LOADED: &str =
        "return performance.getEntriesByType('resource').some(e => e.name.includes('/csv-worker'))";
    assert_eq!(page.js(WORKER_LOADED).await, json!(false));
    let csv = "城市,综合指数,PM2.5(μg/m³),优良天数比例(%)\n太原,4.95,41,64.4\n大同,3.72,28,81.9\n阳泉,4.73,38,72.3\n长治,4.1,35,78\n晋城,4.6,40,70\n朔州,3.9,30,80\n晋中,4.5,39,74\n运城,4.84,49,68\n忻州,4.0,33,79\n临汾,5.3,52,60\n火星,1,1,1\nLüliang,4.2,abc,77\n";
    page.pick_csv(&write_temp("notice.csv", csv.as_bytes()))
        .await;
    let status = page.wait_for(".import-status[role=status] p").await;
    page.wait_true("return !!document.querySelector('.import-problems')")
        .await;
    let text = status.text().await.expect("status");
    assert!(
        text.contains("12 rows read") && text.contains("3 indicators"),
        "{text}"
    );
    assert_eq!(
        page.js(WORKER_LOADED).await,
        json!(true),
        "read off the page's thread"
    );
    let problems = page.strings("return [...document.querySelectorAll('.import-problems tbody tr')].map(r => r.cells[0].textContent + ' ' + r.cells[2].textContent)").await;
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("12 ") && p.contains("火星")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("13 ") && p.contains("not a number")),
        "{problems:?}"
    );
    // The first loaded indicator is on the map, marked as user data.
    let selected = page.js("const s = document.querySelector('select[name=indicator]'); return [s.value, s.selectedOptions[0].parentElement.label]").await;
    let (value, group) = (
        selected[0].as_str().unwrap_or_default(),
        selected[1].as_str().unwrap_or_default(),
    );
    assert!(value.starts_with("user-"), "{selected}");
    assert!(group.contains("Your data"), "{selected}");
    let c = page.classes().await;
    assert!(
        c.values().all(|v| v != "none"),
        "every city has a composite index: {c:?}"
    );
    assert_eq!(c["141000"], "4", "Linfen 5.3 is in the top class");
    // The PM2.5 column: Lüliang's bad cell is no data.
    let pm = page.js("return [...document.querySelectorAll('select[name=indicator] option')].map(o => o.value).find(v => v.startsWith('user-pm25'))").await;
    page.choose(INDICATOR, pm.as_str().unwrap_or_default())
        .await;
    page.wait_class("141100", "none").await;
    page.finish("csv-import").await;
}

/// What Chinese Excel saves (GBK) is read as it is, and the report says so;
/// bytes that are neither UTF-8 nor GBK get a clear message.
#[tokio::test]
async fn a_gbk_file_is_read_and_other_bytes_get_a_clear_message() {
    let page = Page::coloured(1280, 900, "/").await;
    // "城市,数值\n太原,41\n运城,49\n" encoded as GBK.
    let gbk = b"\xb3\xc7\xca\xd0,\xca\xfd\xd6\xb5\n\xcc\xab\xd4\xad,41\n\xd4\xcb\xb3\xc7,49\n";
    page.pick_csv(&write_temp("gbk.csv", gbk)).await;
    let status = page.text_of(".import-status[role=status] p").await;
    assert!(
        status.contains("2 rows read") && status.contains("GBK"),
        "{status}"
    );
    let chosen = page.value_of(INDICATOR).await;
    assert!(
        chosen.as_str().is_some_and(|v| v.starts_with("user-")),
        "{chosen}"
    );
    let option = page
        .js("return document.querySelector('select[name=indicator]').selectedOptions[0].textContent")
        .await;
    assert!(
        option.as_str().is_some_and(|t| t.contains("数值")),
        "the GBK header read as Chinese: {option}"
    );
    // Neither UTF-8 nor GBK (bytes a GBK decoder refuses).
    page.pick_csv(&write_temp(
        "binary.csv",
        b"\x80\x80\xff,\x80\n\x80\x7f,1\n",
    ))
    .await;
    let alert = page.text_of(".import-error[role=alert]").await;
    assert!(alert.contains("UTF-8"), "{alert}");
    page.close().await;
}

#[tokio::test]
async fn a_dropped_file_is_loaded_too() {
    let page = Page::coloured(1280, 900, "/").await;
    page.js(
        "const dt = new DataTransfer();
         dt.items.add(new File(['adcode,水质\\n140100,0.5\\n140900,0.9\\n'], 'drop.csv', {type: 'text/csv'}));
         const zone = document.querySelector('.csv-import');
         zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
         zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
         return true;",
    )
    .await;
    page.wait_true(
        "return document.querySelector('select[name=indicator]').value.startsWith('user-')",
    )
    .await;
    let c = page.classes().await;
    assert_eq!(
        c.values().filter(|v| v.as_str() != "none").count(),
        2,
        "{c:?}"
    );
    page.close().await;
}

/// A table's own 来源 column names the source in the legend; a link to a view
/// of the loaded file, opened again, says the file is not here instead of
/// silently showing another map.
#[tokio::test]
async fn a_loaded_tables_source_shows_and_its_link_says_the_file_is_not_here() {
    let page = Page::coloured(1280, 900, "/").await;
    let csv = "城市,PM2.5(μg/m³),来源\n太原,41,太原晚报\n运城,49,运城日报\n";
    page.pick_csv(&write_temp("sourced.csv", csv.as_bytes()))
        .await;
    page.wait_true(
        "return document.querySelector('select[name=indicator]').value.startsWith('user-')",
    )
    .await;
    let source = page.text_of(".legend-source").await;
    assert!(
        source.contains("太原晚报") && source.contains("运城日报"),
        "{source}"
    );
    page.wait_true("return location.search.includes('indicator=user-')")
        .await;
    page.client.refresh().await.expect("reload");
    page.wait_for_colours().await;
    let notice = page.text_of(".notice").await;
    assert!(
        notice.contains("not on this computer") && notice.contains("不在这台电脑上"),
        "{notice}"
    );
    page.close().await;
}

/// A formula in a loaded table (its 来源 cell) goes into the table's CSV as
/// text, not as a formula a spreadsheet would run; the page shows it as text.
#[tokio::test]
async fn a_formula_in_a_loaded_table_stays_text() {
    let page = Page::coloured(1280, 900, "/").await;
    let csv = "城市,PM2.5,来源\n太原,41,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"\n运城,49,@SUM(A1)\n";
    page.pick_csv(&write_temp("formula.csv", csv.as_bytes()))
        .await;
    page.wait_true(
        "return document.querySelector('select[name=indicator]').value.startsWith('user-')",
    )
    .await;
    assert_eq!(
        page.count(".legend-source a").await,
        json!(0),
        "no link made"
    );
    page.click("details.data-table summary").await;
    // The table (and its CSV) is built once it is open: the toggle comes
    // as a task after the click.
    page.wait_true("const a = document.querySelector('.data-table a[download]'); return !!a && a.href.startsWith('data:')")
        .await;
    let text = page
        .js_async(
            "const done = arguments[arguments.length - 1];
        fetch(document.querySelector('.data-table a[download]').href).then(r => r.text()).then(done, e => done(String(e)));",
        )
        .await;
    let text = text.as_str().unwrap_or_default();
    assert!(
        text.contains("'=HYPERLINK")
            && !text.contains(",=HYPERLINK")
            && !text.contains("\"=HYPERLINK"),
        "{text}"
    );
    page.close().await;
}

/// A 30 MB file is refused at once with its size; a table of 100 000 rows is
/// read off the page's thread, its unusable rows counted, not all listed.
#[tokio::test]
async fn a_huge_file_is_refused_and_a_long_table_is_read() {
    let page = Page::coloured(1280, 900, "/").await;
    let mut big = String::from("城市,值\n");
    while big.len() < 30 * 1024 * 1024 {
        big.push_str("太原,1\n");
    }
    let huge = write_temp("huge.csv", big.as_bytes());
    page.pick_csv(&huge).await;
    let alert = page.text_of(".import-error[role=alert]").await;
    let _ = std::fs::remove_file(&huge);
    assert!(alert.contains("too big") && alert.contains("MB"), "{alert}");
    let mut long = String::from("城市,年份,值\n");
    for i in 0..100_000 {
        // Each city once per year; everything after the first 11 years of
        // rows names a place that is not on the map.
        let city = if i < 110 {
            [
                "太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾",
                "吕梁",
            ][i % 11]
        } else {
            "火星"
        };
        long.push_str(&format!("{city},{},{}\n", 2000 + i / 11, i % 97));
    }
    page.pick_csv(&write_temp("long.csv", long.as_bytes()))
        .await;
    page.wait_js_within(
        "const s = document.querySelector('.import-status[role=status] p'); return !!s && s.textContent.includes('100000 rows read')",
        json!(true),
        std::time::Duration::from_secs(90),
    )
    .await;
    let listed = page.count(".import-problems tbody tr:not(.more)").await;
    assert_eq!(listed, json!(200), "the first 200 listed");
    let more = page.text_of(".import-problems tr.more").await;
    assert!(more.contains("99690 more"), "{more}");
    page.close().await;
}

#[tokio::test]
async fn a_refused_second_table_keeps_the_first_ones_layer() {
    let page = Page::coloured(1280, 900, "/").await;
    let good = "城市,PM2.5(μg/m³)\n太原,41\n大同,28\n阳泉,38\n长治,35\n晋城,40\n朔州,30\n晋中,39\n运城,49\n忻州,33\n临汾,52\n吕梁,36\n";
    page.pick_csv(&write_temp("good.csv", good.as_bytes()))
        .await;
    page.wait_true("return location.search.includes('indicator=user-')")
        .await;
    page.wait_for_colours().await;
    let layer = page.value_of(INDICATOR).await;
    let classes = page.classes().await;
    // A second file with a header and nothing under it: refused in words.
    page.pick_csv(&write_temp("header-only.csv", "城市,SO2\n".as_bytes()))
        .await;
    page.wait_true("return (document.querySelector('.import-status') || {textContent: ''}).textContent.includes('no rows under it')")
        .await;
    assert_eq!(
        page.value_of(INDICATOR).await,
        layer,
        "still the first layer"
    );
    assert_eq!(page.classes().await, classes, "its colours unchanged");
    let options = page
        .js("return [...document.querySelectorAll('select[name=indicator] option')].filter(o => o.value.startsWith('user-')).length")
        .await;
    assert_eq!(options, json!(1), "the first layer is still offered");
    page.close().await;
}
