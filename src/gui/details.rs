//! The form for correcting an article's details in the reader.

use crate::import::dates;
use crate::model::{Article, DetailChanges, ExtractedArticle, Published};

/// The editable fields, as the user types them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DetailsForm {
    pub title: String,
    pub published: String,
    pub source: String,
    pub authors: String,
    pub section: String,
    pub region: String,
    /// The countries the article concerns, comma separated.
    pub countries: String,
    pub kind: String,
    pub language: String,
    pub url: String,
    /// The article's text, for corrections; highlights follow the edit.
    pub body: String,
    /// The text's editor is open (it opens on request: most corrections
    /// are of the details).
    pub editing_text: bool,
    /// Why the last Save was refused, shown under the form.
    pub problem: Option<String>,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// A typed date (blank: none), or what is wrong with it.
fn parse_published(typed: &str) -> Result<Option<Published>, String> {
    match typed.trim() {
        "" => Ok(None),
        typed => Published::from_iso(typed)
            .or_else(|| dates::find_date(typed).map(|f| f.published))
            .map(Some)
            .ok_or_else(|| {
                format!("“{typed}” is not a date Folio can read; write it like 2018-01-05, 2018-01 or 2018")
            }),
    }
}

/// Details to set on many articles at once, as typed; a blank field leaves
/// each article's own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BulkForm {
    pub published: String,
    pub source: String,
    pub region: String,
    pub kind: String,
    /// A topic to file them all under, by name or path.
    pub topic: String,
    /// Why the last Apply was refused.
    pub problem: Option<String>,
}

impl BulkForm {
    pub fn to_changes(&self) -> Result<DetailChanges, String> {
        let changes = DetailChanges {
            published: parse_published(&self.published)?,
            source: optional(&self.source),
            region: optional(&self.region),
            kind: optional(&self.kind),
            topic: optional(&self.topic),
        };
        if changes == DetailChanges::default() {
            return Err("Fill in at least one field: blank fields keep each article's own.".into());
        }
        Ok(changes)
    }
}

impl DetailsForm {
    pub fn from_article(article: &Article) -> DetailsForm {
        Self::from_meta(&article.meta)
    }

    /// The form over what Folio found of an article (or what it holds).
    pub fn from_meta(m: &ExtractedArticle) -> DetailsForm {
        DetailsForm {
            title: text(&m.title),
            published: m.published.map(|p| p.to_iso()).unwrap_or_default(),
            source: text(&m.source),
            authors: m.authors.join(", "),
            section: text(&m.section),
            region: text(&m.region),
            countries: m.countries.join(", "),
            kind: text(&m.kind),
            language: text(&m.language),
            url: text(&m.url),
            body: m.body.clone(),
            editing_text: false,
            problem: None,
        }
    }

    /// The corrected details over `current` (whose tags stay), or what is
    /// wrong with the form.
    pub fn to_details(&self, current: &ExtractedArticle) -> Result<ExtractedArticle, String> {
        // Untouched, the text stays byte for byte; edited, it is trimmed.
        let body = if self.body == current.body {
            current.body.clone()
        } else if self.body.trim().is_empty() {
            return Err("The text cannot be empty: move the article to the Trash instead.".into());
        } else {
            self.body.trim().to_string()
        };
        let published = parse_published(&self.published)?;
        Ok(ExtractedArticle {
            title: optional(&self.title),
            published,
            source: optional(&self.source),
            authors: self
                .authors
                .split([',', ';'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            section: optional(&self.section),
            region: optional(&self.region),
            countries: self
                .countries
                .split([',', ';'])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect(),
            kind: optional(&self.kind),
            language: optional(&self.language),
            url: optional(&self.url),
            body,
            ..current.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_user_typed() {
        let form = DetailsForm {
            title: " A corrected title ".into(),
            published: "March 2018".into(),
            authors: "Ana Lima, Bo Chen".into(),
            body: "The body stays.".into(),
            ..DetailsForm::default()
        };
        let current = ExtractedArticle {
            body: "The body stays.".into(),
            ..ExtractedArticle::default()
        };
        let details = form.to_details(&current).unwrap();
        assert_eq!(details.title.as_deref(), Some("A corrected title"));
        assert_eq!(details.published.unwrap().to_iso(), "2018-03");
        assert_eq!(details.authors, vec!["Ana Lima", "Bo Chen"]);
        assert_eq!(details.body, "The body stays.");
        assert_eq!(details.source, None);

        let bad = DetailsForm {
            published: "someday".into(),
            body: current.body.clone(),
            ..DetailsForm::default()
        };
        assert!(bad.to_details(&current).unwrap_err().contains("not a date"));

        let corrected = DetailsForm {
            body: "  The body, corrected.\n".into(),
            ..DetailsForm::default()
        };
        assert_eq!(
            corrected.to_details(&current).unwrap().body,
            "The body, corrected."
        );
        let emptied = DetailsForm::default();
        assert!(
            emptied
                .to_details(&current)
                .unwrap_err()
                .contains("cannot be empty")
        );
    }
}
