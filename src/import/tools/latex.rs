//! The text of a BibTeX value as LaTeX prints it: accents (`{\'e}`,
//! `\"{o}`, `\c c`), escaped characters (`\&`, `\{`), named symbols
//! (`\ss`, `\textbraceleft`), ligatures of punctuation (`--`, ``` `` ```),
//! formatting commands left with their text, braces dropped. What Folio's
//! BibTeX export writes comes back as it was.

/// The combining mark an accent command puts on the letter after it.
fn accent_mark(command: &str) -> Option<char> {
    Some(match command {
        "'" => '\u{301}',
        "`" => '\u{300}',
        "^" => '\u{302}',
        "\"" => '\u{308}',
        "~" => '\u{303}',
        "=" => '\u{304}',
        "." => '\u{307}',
        "u" => '\u{306}',
        "v" => '\u{30C}',
        "H" => '\u{30B}',
        "c" => '\u{327}',
        "k" => '\u{328}',
        "r" => '\u{30A}',
        "d" => '\u{323}',
        "b" => '\u{331}',
        _ => return None,
    })
}

/// The character a command without argument names.
fn symbol(command: &str) -> Option<&'static str> {
    Some(match command {
        "i" => "ı",
        "j" => "ȷ",
        "o" => "ø",
        "O" => "Ø",
        "l" => "ł",
        "L" => "Ł",
        "ss" => "ß",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "aa" => "å",
        "AA" => "Å",
        "textbraceleft" => "{",
        "textbraceright" => "}",
        "textbackslash" => "\\",
        "textasciicircum" => "^",
        "textasciitilde" => "~",
        "textendash" => "–",
        "textemdash" => "—",
        "dots" | "ldots" | "textellipsis" => "…",
        "textquoteleft" => "‘",
        "textquoteright" => "’",
        "textquotedblleft" => "“",
        "textquotedblright" => "”",
        "guillemotleft" | "guillemetleft" => "«",
        "guillemotright" | "guillemetright" => "»",
        "textdollar" => "$",
        "textunderscore" => "_",
        "textpercent" => "%",
        "textregistered" => "®",
        "copyright" | "textcopyright" => "©",
        "texttrademark" => "™",
        "euro" | "texteuro" => "€",
        "pounds" | "textsterling" => "£",
        "S" => "§",
        "P" => "¶",
        "textdegree" => "°",
        _ => return None,
    })
}

/// Punctuation TeX joins into one character, longest first.
const LIGATURES: &[(&str, &str)] = &[
    ("---", "—"),
    ("--", "–"),
    ("``", "“"),
    ("''", "”"),
    ("<<", "«"),
    (">>", "»"),
    (",,", "„"),
    ("!`", "¡"),
    ("?`", "¿"),
];

/// A value's text as LaTeX prints it, its whitespace as TeX reads it (any
/// run one space) and its accents composed (NFC).
pub fn plain(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    // An accent waiting for the letter it goes on, and the group depth at
    // which that letter ends (`\'{e}`).
    let mut pending_accent: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' | '}' | '$' => i += 1,
            '\\' => {
                let (command, next) = command_at(&chars, i + 1);
                i = next;
                if let Some(mark) = accent_mark(&command) {
                    // The letter it goes on: the next character other than
                    // a brace or a space, or a command such as `\i`.
                    while i < chars.len() && matches!(chars[i], '{' | ' ') {
                        i += 1;
                    }
                    pending_accent = Some(mark);
                    continue;
                }
                if let Some(text) = symbol(&command) {
                    push_text(&mut out, text, &mut pending_accent);
                } else if command.chars().count() == 1 && !command.chars().all(char::is_alphabetic) {
                    // `\&`, `\%`, `\{`…; `\\` and `\ ` are spaces.
                    let text = if command == "\\" { " " } else { command.as_str() };
                    push_text(&mut out, text, &mut pending_accent);
                }
                // Any other command (`\emph`, `\textit`, `\url`) is
                // formatting: its argument is printed, it is not.
            }
            '~' => {
                push_text(&mut out, " ", &mut pending_accent);
                i += 1;
            }
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                i += 1;
            }
            _ => {
                let rest: String = chars[i..chars.len().min(i + 3)].iter().collect();
                let (text, length) = LIGATURES
                    .iter()
                    .find(|(from, _)| rest.starts_with(from))
                    .map(|(from, to)| (to.to_string(), from.chars().count()))
                    .unwrap_or_else(|| (c.to_string(), 1));
                push_text(&mut out, &text, &mut pending_accent);
                i += length;
            }
        }
    }
    if let Some(mark) = pending_accent {
        // An accent on nothing: printed alone, as TeX does.
        out.push(mark);
    }
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(out.trim())
        .into_owned()
}

/// A command's name after its backslash (letters, or one other
/// character) and where the text after it starts: the spaces after a
/// name of letters are part of the command, as TeX reads it.
fn command_at(chars: &[char], start: usize) -> (String, usize) {
    let letters = chars[start.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if letters == 0 {
        return match chars.get(start) {
            Some(&c) => (c.to_string(), start + 1),
            None => (String::new(), start),
        };
    }
    let mut next = start + letters;
    // `\c c`, `\ss` followed by a space: the space only ends the name.
    while chars.get(next).is_some_and(|c| *c == ' ') {
        next += 1;
    }
    (chars[start..start + letters].iter().collect(), next)
}

/// Text added to `out`, an accent that was waiting put on its first letter.
fn push_text(out: &mut String, text: &str, pending_accent: &mut Option<char>) {
    let mut chars = text.chars();
    if let Some(mark) = pending_accent.take() {
        match chars.next() {
            // A dotless i or j carries the accent as i or j do.
            Some('ı') => out.push('i'),
            Some('ȷ') => out.push('j'),
            Some(first) => out.push(first),
            None => {}
        }
        out.push(mark);
    }
    out.extend(chars);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_escapes_and_symbols_become_characters() {
        assert_eq!(plain("Gr{\\`e}ve au port"), "Grève au port");
        assert_eq!(plain("D{\\\"u}rrenmatt, Z\\\"{u}rich"), "Dürrenmatt, Zürich");
        assert_eq!(plain("Fran\\c{c}ois \\c cedille"), "François çedille");
        assert_eq!(plain("na\\\"{\\i}ve {\\ss} \\o{}"), "naïve ß ø");
        assert_eq!(plain("Dvo\\v{r}\\'ak"), "Dvořák");
        assert_eq!(
            plain("Ports \\& Harbours, 50\\% off"),
            "Ports & Harbours, 50% off"
        );
        assert_eq!(
            plain("{{World Health Organization}}"),
            "World Health Organization"
        );
        assert_eq!(
            plain("\\emph{Le Monde}, pp. 1--10 --- ``quoted''"),
            "Le Monde, pp. 1–10 — “quoted”"
        );
        assert_eq!(plain("two\n   lines~here"), "two lines here");
    }

    #[test]
    fn what_the_export_escapes_comes_back_as_written() {
        assert_eq!(
            plain("a \\{b\\} c \\textbraceright{} \\textbackslash{} \\textasciitilde{} \\_ \\$"),
            "a {b} c } \\ ~ _ $"
        );
        assert_eq!(plain("a -{}- b `{}`q'{}'"), "a -- b ``q''");
    }

    #[test]
    fn damaged_latex_is_text_not_a_panic() {
        for source in ["\\", "\\'", "{\\'", "}}}", "\\c", "é\\\"", "$$\\"] {
            plain(source);
        }
        assert_eq!(plain("\\'"), "\u{301}");
    }
}
