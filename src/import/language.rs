//! Language identification for the article body (whatlang: trigram models for
//! 70 languages, pure Rust, no model files to load).

use crate::model::languages::by_iso639_3;
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
    by_iso639_3(lang.code()).map_or(lang.code(), |l| l.tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_detected_language_has_a_tag_and_a_name() {
        for lang in Lang::all() {
            let known = by_iso639_3(lang.code());
            assert!(
                known.is_some(),
                "{lang:?} ({}) is not in model::languages",
                lang.code()
            );
        }
    }

    #[test]
    fn tags_common_languages() {
        let fr = "Le gouvernement a présenté mardi un projet de loi qui doit réformer \
                  le financement des collectivités locales, une promesse de campagne.";
        assert_eq!(detect_language(fr).as_deref(), Some("fr"));
        let ja = "北朝鮮の突然の対話提案は、南北関係の改善につながるのだろうか。慎重な見極めが必要だ。";
        assert_eq!(detect_language(ja).as_deref(), Some("ja"));
    }
}
