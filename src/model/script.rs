//! Which writing system a character belongs to: the extractors, the search
//! index and the export's citation keys all treat Chinese, Japanese and
//! Korean text apart (written without spaces between words).

/// Whether `c` is a Chinese, Japanese or Korean character (kana, hanzi and
/// kanji, hangul, half-width katakana).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9D)
}
