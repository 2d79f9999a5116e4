//! Language identification for the article body (whatlang: trigram models for
//! 70 languages, pure Rust, no model files to load).

use whatlang::Lang;

/// The BCP 47 tag of the body's language, when the guess is trustworthy.
pub fn detect_language(body: &str) -> Option<String> {
    // A long body costs time but adds nothing to the guess.
    let sample: String = body.chars().take(2000).collect();
    let info = whatlang::detect(&sample)?;
    // Short texts give unreliable guesses; a wrong tag is worse than none.
    if !info.is_reliable() && sample.chars().count() < 200 {
        return None;
    }
    Some(bcp47(info.lang()).to_string())
}

/// ISO 639-1 where one exists (BCP 47 prefers the shortest code), else 639-3.
fn bcp47(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_common_languages() {
        let fr = "Le gouvernement a présenté mardi un projet de loi qui doit réformer \
                  le financement des collectivités locales, une promesse de campagne.";
        assert_eq!(detect_language(fr).as_deref(), Some("fr"));
        let ja = "北朝鮮の突然の対話提案は、南北関係の改善につながるのだろうか。慎重な見極めが必要だ。";
        assert_eq!(detect_language(ja).as_deref(), Some("ja"));
    }
}
