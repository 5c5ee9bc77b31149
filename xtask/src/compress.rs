//! Precompressed copies of every file of a built `dist/`: `NAME.gz` (gzip, best
//! level) and `NAME.br` (brotli, quality 11), so that a server that supports it
//! (nginx `gzip_static` / `brotli_static`, most CDNs) sends the smaller file
//! without compressing on every request. Trunk 0.21 writes none (trunk issue #91).

use std::io::Write;
use std::path::{Path, PathBuf};

/// What [`compress_dir`] wrote, in bytes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub files: usize,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    enc.finish()
}

fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        let mut w = brotli::CompressorWriter::with_params(&mut out, 1 << 16, &params);
        w.write_all(bytes)?;
        w.flush()?;
    }
    Ok(out)
}

fn files_in(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_in(&path, out)?;
        } else if !path.extension().is_some_and(|e| e == "gz" || e == "br") {
            out.push(path);
        }
    }
    Ok(())
}

/// Writes `.gz` and `.br` beside every file below `dir` (replacing older ones).
pub fn compress_dir(dir: &Path) -> Result<Sizes, String> {
    let mut files = Vec::new();
    files_in(dir, &mut files).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut sizes = Sizes::default();
    for file in files {
        let fail = |e: std::io::Error| format!("{}: {e}", file.display());
        let bytes = std::fs::read(&file).map_err(fail)?;
        let (gz, br) = (gzip(&bytes).map_err(fail)?, brotli(&bytes).map_err(fail)?);
        let beside = |ext: &str| {
            let mut name = file.clone().into_os_string();
            name.push(ext);
            PathBuf::from(name)
        };
        std::fs::write(beside(".gz"), &gz).map_err(fail)?;
        std::fs::write(beside(".br"), &br).map_err(fail)?;
        sizes.files += 1;
        sizes.raw += bytes.len() as u64;
        sizes.gzip += gz.len() as u64;
        sizes.brotli += br.len() as u64;
    }
    Ok(sizes)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn every_file_gets_a_gzip_and_a_brotli_copy_that_decode_to_it() {
        let dir = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        let sub = dir.join("data");
        std::fs::create_dir_all(&sub).expect("temp dir");
        let text = "山西 Shanxi ".repeat(500);
        std::fs::write(dir.join("index.html"), &text).expect("write");
        std::fs::write(sub.join("a.json"), b"{}").expect("write");
        let first = compress_dir(&dir).expect("compresses");
        assert_eq!(first.files, 2);
        assert!(first.brotli < first.raw && first.gzip < first.raw);
        let again = compress_dir(&dir).expect("compresses again");
        assert_eq!(again, first, "its own .gz and .br files are not compressed");
        let mut gz = String::new();
        flate2::read::GzDecoder::new(&std::fs::read(dir.join("index.html.gz")).expect("gz")[..])
            .read_to_string(&mut gz)
            .expect("gunzip");
        let mut br = String::new();
        brotli::Decompressor::new(
            &std::fs::read(dir.join("index.html.br")).expect("br")[..],
            4096,
        )
        .read_to_string(&mut br)
        .expect("unbrotli");
        assert_eq!((gz.as_str(), br.as_str()), (text.as_str(), text.as_str()));
        assert!(sub.join("a.json.br").is_file() && sub.join("a.json.gz").is_file());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
