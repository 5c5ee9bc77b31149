//! Bytes → text → records: UTF-8 decoding (with a clear word for GBK files) and
//! a small RFC 4180 reader. The tables are small, and the `csv` crate's generic
//! machinery costs more wasm than this whole module.

use super::ImportError;

/// Splits CSV text into records (RFC 4180: quotes, doubled quotes, CRLF or LF).
/// The separator is the one of `,`, tab and `;` (European Excel) the header
/// line has most of, outside quotes: the first line that has one, so that a
/// title line above the header (an official table's, or this map's caption in
/// its own CSV download) does not decide it. Returns each record with the line
/// it started on.
pub fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    const SEPARATORS: [char; 3] = [',', '\t', ';'];
    let header = text
        .lines()
        .take(10)
        .find(|l| SEPARATORS.iter().any(|d| unquoted(l, *d) > 0))
        .unwrap_or("");
    let delimiter = SEPARATORS
        .into_iter()
        .max_by_key(|d| (unquoted(header, *d), *d == ','))
        .unwrap_or(',');
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            c if c == delimiter => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(ImportError::UnclosedQuote(start));
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push((start, record));
    }
    records.retain(|(_, r)| r.iter().any(|f| !f.trim().is_empty()));
    Ok(records)
}

/// How many times `d` occurs in `line` outside double quotes.
fn unquoted(line: &str, d: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|c| {
            if *c == '"' {
                quoted = !quoted;
            }
            !quoted && *c == d
        })
        .count()
}

/// Decodes bytes as UTF-8 (a BOM is dropped), or says why not.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    // UTF-16 with its byte-order mark (Excel's "Unicode text").
    for (bom, little) in [(b"\xFF\xFE", true), (b"\xFE\xFF", false)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| {
                    if little {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            return match String::from_utf16(&units) {
                Ok(s) if !s.trim().is_empty() => Ok(s),
                Ok(_) => Err(ImportError::Empty),
                Err(_) => Err(ImportError::NotUtf8 { likely_gbk: false }),
            };
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Err(ImportError::NotUtf8 {
            likely_gbk: looks_like_gbk(bytes),
        }),
    }
}

/// Whether non-ASCII bytes pair up as GBK characters do (lead 0x81–0xFE,
/// trail 0x40–0xFE except 0x7F).
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let (mut pairs, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0x81..=0xFE).contains(&b) && (0x40..=0xFE).contains(&t) && t != 0x7F => {
                pairs += 1;
                i += 2;
            }
            _ => return false,
        }
    }
    pairs > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_reader_handles_quotes_crlf_and_tabs() {
        let r = parse_csv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",2\r\n")
            .expect("valid");
        assert_eq!(r[1].1, vec!["x, y", "say \"hi\""]);
        assert_eq!(r[2], (3, vec!["multi\nline".to_string(), "2".to_string()]));
        let t = parse_csv("城市\tPM2.5\n太原\t41\n").expect("valid");
        assert_eq!(t[1].1, vec!["太原", "41"]);
        let s = parse_csv("城市;PM2.5;来源\n太原;41,5;太原晚报\n").expect("valid");
        assert_eq!(s[1].1, vec!["太原", "41,5", "太原晚报"]);
    }

    #[test]
    fn unclosed_quotes_name_their_row() {
        assert_eq!(
            parse_csv("城市,值\n\"太原,1\n"),
            Err(ImportError::UnclosedQuote(2))
        );
    }

    #[test]
    fn decoding_drops_the_bom_and_recognises_gbk() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b"), Ok("a,b".to_string()));
        assert_eq!(decode(b"\xEF\xBB\xBF \n"), Err(ImportError::Empty));
        // "城市" in GBK.
        assert_eq!(
            decode(b"\xb3\xc7\xca\xd0"),
            Err(ImportError::NotUtf8 { likely_gbk: true })
        );
        assert_eq!(
            decode(b"\xff\xff\xff"),
            Err(ImportError::NotUtf8 { likely_gbk: false })
        );
    }

    #[test]
    fn utf16_with_its_mark_is_read() {
        let text = "城市\t值\n太原\t1\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).as_deref(), Ok(text));
        assert_eq!(decode(&be).as_deref(), Ok(text));
        assert_eq!(decode(b"\xFF\xFE"), Err(ImportError::Empty));
    }
}
