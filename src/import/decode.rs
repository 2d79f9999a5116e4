//! Bytes to text: byte-order marks, UTF-8, then a guess among legacy encodings.
//!
//! Clippings arrive from every era of the web: Shift_JIS files saved by old
//! Japanese browsers, EUC-KR from Korean papers, windows-1252 from Notepad.
//! `chardetng` is the detector Firefox uses for unlabeled pages, so its guesses
//! are tuned on exactly this kind of text.

use super::ExtractError;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// The decoded text and the name of the encoding it was read as.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Magic numbers of files users drop by mistake, so the report can say what
/// the file is instead of "not text".
const KNOWN_BINARIES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"\x7FELF", "a program (ELF executable)"),
];

pub fn decode(bytes: &[u8]) -> Result<Decoded, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    for (magic, what) in KNOWN_BINARIES {
        if bytes.starts_with(magic) {
            return Err(ExtractError::Binary((*what).to_string()));
        }
    }
    let (encoding, text) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && enc != UTF_16LE && enc != UTF_16BE {
            return Err(ExtractError::Undecodable(enc.name().to_string()));
        }
        (enc, text.into_owned())
    } else if let Some(enc) = utf16_without_bom(bytes) {
        // Before the UTF-8 test: ASCII text in UTF-16 is also valid UTF-8,
        // full of NUL characters.
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(ExtractError::Undecodable(enc.name().to_string()));
        }
        (enc, text.into_owned())
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (UTF_8, text.to_string())
    } else {
        if bytes.contains(&0) {
            return Err(ExtractError::Binary("binary data".to_string()));
        }
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
        detector.feed(bytes, true);
        let enc = detector.guess(None, Utf8Detection::Allow);
        let (text, _, had_errors) = enc.decode(bytes);
        if had_errors {
            return Err(ExtractError::Undecodable(enc.name().to_string()));
        }
        (enc, text.into_owned())
    };
    if !looks_like_text(&text) {
        return Err(ExtractError::Binary("binary data".to_string()));
    }
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// UTF-16 saved without a byte-order mark (some Windows tools do): text in
/// Latin scripts then has a zero byte in nearly every other position.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let zero_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    // Mostly zeros on one side, almost none on the other.
    if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text has few control characters and uses more than a handful of distinct
/// characters; random bytes forced through a single-byte encoding fail one or
/// the other.
fn looks_like_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    let mut distinct = std::collections::HashSet::new();
    for c in text.chars().take(20_000) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
        // Eight is all the test below asks for.
        if distinct.len() < 8 {
            distinct.insert(c);
        }
    }
    let has_letters = text.chars().take(20_000).any(char::is_alphabetic);
    control * 100 <= total && (distinct.len() >= 8 || total < 40) && has_letters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_boms_and_legacy_encodings() {
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "Éditorial".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16).unwrap().text, "Éditorial");
        assert_eq!(decode(b"\xEF\xBB\xBFhello world").unwrap().text, "hello world");

        let text = "社説：日本と米国は対話の機会を生かせ。北朝鮮の提案は唐突だった。";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let decoded = decode(&sjis).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, "Shift_JIS");
    }

    #[test]
    fn reads_utf16_without_a_bom() {
        let text = "Le gouvernement a présenté mardi un projet de loi.";
        let ascii = "Plain ASCII text saved by an old Windows tool.";
        let ascii_le: Vec<u8> = ascii.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&ascii_le).unwrap().text, ascii);
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().text, text);
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert!(matches!(decode(b""), Err(ExtractError::Empty)));
        assert!(matches!(decode(b" \n\t"), Err(ExtractError::Empty)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(ExtractError::Binary(_))
        ));
        assert!(decode(&[0xFF; 4096]).is_err());
    }
}
