//! CSL-JSON, as Zotero, the CSL editor and citeproc write it: references
//! (newspaper articles, books, theses, patents, web pages…), each a link
//! without saved text. What Folio has a field for lands there; every other
//! field (the item's type, DOI, abstract, ISBN, pages, accessed date,
//! editors…) is kept whole as the article's citation, given back on a
//! CSL-JSON or BibTeX export.

use super::item::{ToolItem, string};
use crate::model::{DatePrecision, Published};
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// The CSL fields Folio keeps in fields of its own (the authors too, but
/// their structured form is kept in the citation as well: Folio stores a
/// name as one string).
const FOLIO_FIELDS: &[&str] = &[
    "title",
    "URL",
    "container-title",
    "section",
    "publisher-place",
    "language",
    "issued",
];

/// A CSL date (`{"date-parts": [[2018, 1, 5]]}`, parts as numbers or
/// strings, as precise as it says).
pub fn csl_date(date: &Value) -> Option<Published> {
    // A date CSL gives only as text ("2001-04", "Spring 2019") is read
    // when it is one Folio can hold; else it stays in the citation.
    date_parts(date).or_else(|| string(&date["raw"]).and_then(|raw| Published::from_iso(&raw)))
}

/// A date as CSL writes one, as precise as it is: `{"date-parts": [[2018, 1]]}`.
pub fn csl_date_value(p: Published) -> Value {
    use chrono::Datelike;
    let date = p.date;
    let parts = match p.precision {
        DatePrecision::Year => serde_json::json!([[date.year()]]),
        DatePrecision::Month => serde_json::json!([[date.year(), date.month()]]),
        DatePrecision::Day => serde_json::json!([[date.year(), date.month(), date.day()]]),
    };
    serde_json::json!({ "date-parts": parts })
}

fn date_parts(date: &Value) -> Option<Published> {
    let parts = &date["date-parts"][0];
    let part = |n: usize| {
        parts[n]
            .as_i64()
            .or_else(|| parts[n].as_str().and_then(|s| s.trim().parse().ok()))
    };
    let year = i32::try_from(part(0)?).ok()?;
    let month = part(1).and_then(|m| u32::try_from(m).ok());
    let day = part(2).and_then(|d| u32::try_from(d).ok());
    match (month, day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d).map(Published::day),
        (Some(m), None) => NaiveDate::from_ymd_opt(year, m, 1).map(|date| Published {
            date,
            precision: DatePrecision::Month,
            time: None,
        }),
        _ => NaiveDate::from_ymd_opt(year, 1, 1).map(|date| Published {
            date,
            precision: DatePrecision::Year,
            time: None,
        }),
    }
}

/// A CSL name as one string: a literal as it is, a person's parts in the
/// order they are spoken ("Ludwig van Beethoven Jr.").
pub fn csl_name_text(name: &Value) -> Option<String> {
    if let Some(literal) = string(&name["literal"]) {
        return Some(literal);
    }
    let parts: Vec<String> = [
        "given",
        "dropping-particle",
        "non-dropping-particle",
        "family",
        "suffix",
    ]
    .iter()
    .filter_map(|key| string(&name[*key]))
    .collect();
    (string(&name["family"]).is_some() || string(&name["given"]).is_some()).then(|| parts.join(" "))
}

/// Zotero's CSL-JSON: each item as a reference.
pub fn zotero(items: &[Value]) -> Vec<ToolItem> {
    items.iter().map(reference).collect()
}

fn reference(item: &Value) -> ToolItem {
    let authors = item["author"]
        .as_array()
        .map(|names| names.iter().filter_map(csl_name_text).collect())
        .unwrap_or_default();
    let citation: Map<String, Value> = item
        .as_object()
        .map(|fields| {
            fields
                .iter()
                .filter(|(key, value)| !FOLIO_FIELDS.contains(&key.as_str()) && !value.is_null())
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect()
        })
        .unwrap_or_default();
    ToolItem {
        title: string(&item["title"]),
        url: string(&item["URL"]),
        source: string(&item["container-title"]),
        section: string(&item["section"]),
        place: string(&item["publisher-place"]),
        language: string(&item["language"]),
        published: csl_date(&item["issued"]),
        authors,
        citation: Some(citation),
        record: Some(item.clone()),
        ..ToolItem::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dates_at_their_precision_and_names_in_spoken_order() {
        let date = |v: Value| csl_date(&v).map(|p| p.to_iso());
        assert_eq!(
            date(json!({"date-parts": [["1999", 12, 31]]})).as_deref(),
            Some("1999-12-31")
        );
        assert_eq!(
            date(json!({"date-parts": [[2020, 9]]})).as_deref(),
            Some("2020-09")
        );
        assert_eq!(date(json!({"date-parts": [["1989"]]})).as_deref(), Some("1989"));
        assert_eq!(date(json!({"raw": "2001-04"})).as_deref(), Some("2001-04"));
        assert_eq!(date(json!({"date-parts": [[2020, 13, 1]]})), None);
        assert_eq!(date(json!({"literal": "Spring"})), None);
        assert_eq!(
            csl_name_text(&json!({"family": "Beethoven", "non-dropping-particle": "van", "given": "Ludwig"}))
                .as_deref(),
            Some("Ludwig van Beethoven")
        );
        assert_eq!(
            csl_name_text(&json!({"literal": "Le Monde avec AFP"})).as_deref(),
            Some("Le Monde avec AFP")
        );
        assert_eq!(csl_name_text(&json!({})), None);
    }

    #[test]
    fn fields_folio_has_no_place_for_are_kept_as_the_citation() {
        let items = zotero(&[json!({
            "id": 7, "type": "book", "title": "Durcheinandertal", "ISBN": "978-3-257-01820-2",
            "abstract": "A novel.", "accessed": {"date-parts": [[1997, 6, 13]]},
            "author": [{"family": "Dürrenmatt", "given": "Friedrich"}]
        })]);
        let citation = items[0].citation.as_ref().unwrap();
        assert_eq!(citation["type"], "book");
        assert_eq!(citation["ISBN"], "978-3-257-01820-2");
        assert_eq!(citation["abstract"], "A novel.");
        assert_eq!(citation["accessed"], json!({"date-parts": [[1997, 6, 13]]}));
        assert!(!citation.contains_key("title"));
        assert_eq!(items[0].authors, ["Friedrich Dürrenmatt"]);
    }
}
