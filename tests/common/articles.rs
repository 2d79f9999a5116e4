//! Articles made in code, for tests that need a library of known content.

use folio::library::NewArticle;
use folio::model::{ExtractedArticle, Published};

/// An article of this source and main region, about these countries,
/// published on this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
pub fn article_about(title: &str, source: &str, region: &str, countries: &[&str], date: &str) -> NewArticle {
    NewArticle {
        meta: ExtractedArticle {
            title: Some(title.into()),
            source: Some(source.into()),
            region: Some(region.into()),
            countries: countries.iter().map(|c| c.to_string()).collect(),
            published: Published::from_iso(date),
            body: format!("{title}: its text, in words of its own."),
            ..ExtractedArticle::default()
        },
        file_name: None,
        format: "text".into(),
        compressed_original: folio::library::compress(b"x"),
    }
}
