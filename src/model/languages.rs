//! The languages Folio names: the code stored with an article (BCP 47, the
//! shortest: ISO 639-1 where there is one), the ISO 639-3 code language
//! detection answers with, and the name the window shows. One table for
//! the reader that tags articles and the window that names the tags.

/// One language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    pub iso639_3: &'static str,
    /// The BCP 47 tag stored with an article.
    pub tag: &'static str,
    /// Its name in English.
    pub name: &'static str,
}

/// Every language detection can answer with, and a few more clippings
/// come in.
pub const LANGUAGES: &[Language] = &[
    Language {
        iso639_3: "epo",
        tag: "eo",
        name: "Esperanto",
    },
    Language {
        iso639_3: "eng",
        tag: "en",
        name: "English",
    },
    Language {
        iso639_3: "rus",
        tag: "ru",
        name: "Russian",
    },
    Language {
        iso639_3: "cmn",
        tag: "zh",
        name: "Chinese",
    },
    Language {
        iso639_3: "spa",
        tag: "es",
        name: "Spanish",
    },
    Language {
        iso639_3: "por",
        tag: "pt",
        name: "Portuguese",
    },
    Language {
        iso639_3: "ita",
        tag: "it",
        name: "Italian",
    },
    Language {
        iso639_3: "ben",
        tag: "bn",
        name: "Bengali",
    },
    Language {
        iso639_3: "fra",
        tag: "fr",
        name: "French",
    },
    Language {
        iso639_3: "deu",
        tag: "de",
        name: "German",
    },
    Language {
        iso639_3: "ukr",
        tag: "uk",
        name: "Ukrainian",
    },
    Language {
        iso639_3: "kat",
        tag: "ka",
        name: "Georgian",
    },
    Language {
        iso639_3: "ara",
        tag: "ar",
        name: "Arabic",
    },
    Language {
        iso639_3: "hin",
        tag: "hi",
        name: "Hindi",
    },
    Language {
        iso639_3: "jpn",
        tag: "ja",
        name: "Japanese",
    },
    Language {
        iso639_3: "heb",
        tag: "he",
        name: "Hebrew",
    },
    Language {
        iso639_3: "yid",
        tag: "yi",
        name: "Yiddish",
    },
    Language {
        iso639_3: "pol",
        tag: "pl",
        name: "Polish",
    },
    Language {
        iso639_3: "amh",
        tag: "am",
        name: "Amharic",
    },
    Language {
        iso639_3: "jav",
        tag: "jv",
        name: "Javanese",
    },
    Language {
        iso639_3: "kor",
        tag: "ko",
        name: "Korean",
    },
    Language {
        iso639_3: "nob",
        tag: "nb",
        name: "Norwegian Bokmål",
    },
    Language {
        iso639_3: "dan",
        tag: "da",
        name: "Danish",
    },
    Language {
        iso639_3: "swe",
        tag: "sv",
        name: "Swedish",
    },
    Language {
        iso639_3: "fin",
        tag: "fi",
        name: "Finnish",
    },
    Language {
        iso639_3: "tur",
        tag: "tr",
        name: "Turkish",
    },
    Language {
        iso639_3: "nld",
        tag: "nl",
        name: "Dutch",
    },
    Language {
        iso639_3: "hun",
        tag: "hu",
        name: "Hungarian",
    },
    Language {
        iso639_3: "ces",
        tag: "cs",
        name: "Czech",
    },
    Language {
        iso639_3: "ell",
        tag: "el",
        name: "Greek",
    },
    Language {
        iso639_3: "bul",
        tag: "bg",
        name: "Bulgarian",
    },
    Language {
        iso639_3: "bel",
        tag: "be",
        name: "Belarusian",
    },
    Language {
        iso639_3: "mar",
        tag: "mr",
        name: "Marathi",
    },
    Language {
        iso639_3: "kan",
        tag: "kn",
        name: "Kannada",
    },
    Language {
        iso639_3: "ron",
        tag: "ro",
        name: "Romanian",
    },
    Language {
        iso639_3: "slv",
        tag: "sl",
        name: "Slovenian",
    },
    Language {
        iso639_3: "hrv",
        tag: "hr",
        name: "Croatian",
    },
    Language {
        iso639_3: "srp",
        tag: "sr",
        name: "Serbian",
    },
    Language {
        iso639_3: "mkd",
        tag: "mk",
        name: "Macedonian",
    },
    Language {
        iso639_3: "lit",
        tag: "lt",
        name: "Lithuanian",
    },
    Language {
        iso639_3: "lav",
        tag: "lv",
        name: "Latvian",
    },
    Language {
        iso639_3: "est",
        tag: "et",
        name: "Estonian",
    },
    Language {
        iso639_3: "tam",
        tag: "ta",
        name: "Tamil",
    },
    Language {
        iso639_3: "vie",
        tag: "vi",
        name: "Vietnamese",
    },
    Language {
        iso639_3: "urd",
        tag: "ur",
        name: "Urdu",
    },
    Language {
        iso639_3: "tha",
        tag: "th",
        name: "Thai",
    },
    Language {
        iso639_3: "guj",
        tag: "gu",
        name: "Gujarati",
    },
    Language {
        iso639_3: "uzb",
        tag: "uz",
        name: "Uzbek",
    },
    Language {
        iso639_3: "pan",
        tag: "pa",
        name: "Punjabi",
    },
    Language {
        iso639_3: "aze",
        tag: "az",
        name: "Azerbaijani",
    },
    Language {
        iso639_3: "ind",
        tag: "id",
        name: "Indonesian",
    },
    Language {
        iso639_3: "tel",
        tag: "te",
        name: "Telugu",
    },
    Language {
        iso639_3: "pes",
        tag: "fa",
        name: "Persian",
    },
    Language {
        iso639_3: "mal",
        tag: "ml",
        name: "Malayalam",
    },
    Language {
        iso639_3: "ori",
        tag: "or",
        name: "Odia",
    },
    Language {
        iso639_3: "mya",
        tag: "my",
        name: "Burmese",
    },
    Language {
        iso639_3: "nep",
        tag: "ne",
        name: "Nepali",
    },
    Language {
        iso639_3: "sin",
        tag: "si",
        name: "Sinhala",
    },
    Language {
        iso639_3: "khm",
        tag: "km",
        name: "Khmer",
    },
    Language {
        iso639_3: "tuk",
        tag: "tk",
        name: "Turkmen",
    },
    Language {
        iso639_3: "aka",
        tag: "ak",
        name: "Akan",
    },
    Language {
        iso639_3: "zul",
        tag: "zu",
        name: "Zulu",
    },
    Language {
        iso639_3: "sna",
        tag: "sn",
        name: "Shona",
    },
    Language {
        iso639_3: "afr",
        tag: "af",
        name: "Afrikaans",
    },
    Language {
        iso639_3: "lat",
        tag: "la",
        name: "Latin",
    },
    Language {
        iso639_3: "slk",
        tag: "sk",
        name: "Slovak",
    },
    Language {
        iso639_3: "cat",
        tag: "ca",
        name: "Catalan",
    },
    Language {
        iso639_3: "tgl",
        tag: "tl",
        name: "Tagalog",
    },
    Language {
        iso639_3: "hye",
        tag: "hy",
        name: "Armenian",
    },
    Language {
        iso639_3: "cym",
        tag: "cy",
        name: "Welsh",
    },
    Language {
        iso639_3: "swa",
        tag: "sw",
        name: "Swahili",
    },
];

/// The language of an ISO 639-3 code.
pub fn by_iso639_3(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.iso639_3 == code)
}

/// A language's name for its stored tag (`en`, or `en-GB` by its first
/// part); the tag itself when the language is not in the table.
pub fn language_name(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    LANGUAGES
        .iter()
        .find(|l| l.tag.eq_ignore_ascii_case(primary))
        .map_or_else(|| tag.to_string(), |l| l.name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_codes_are_each_named_once() {
        for (i, language) in LANGUAGES.iter().enumerate() {
            assert!(
                LANGUAGES[i + 1..]
                    .iter()
                    .all(|l| l.tag != language.tag && l.iso639_3 != language.iso639_3),
                "{language:?} twice"
            );
        }
    }

    #[test]
    fn a_tag_is_named_by_its_language() {
        assert_eq!(language_name("fr"), "French");
        assert_eq!(language_name("en-GB"), "English");
        assert_eq!(language_name("tlh"), "tlh");
        assert_eq!(by_iso639_3("jpn").map(|l| l.tag), Some("ja"));
    }
}
