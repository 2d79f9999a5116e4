//! Zotero's CSL-JSON export.

use super::item::{ToolItem, string};
use crate::model::{DatePrecision, Published};
use chrono::NaiveDate;
use serde_json::Value;

/// Zotero's CSL-JSON: newspaper (and magazine, web) articles as references,
/// links without saved text.
pub fn zotero(items: &[Value]) -> Vec<ToolItem> {
    items
        .iter()
        .map(|i| {
            let parts = &i["issued"]["date-parts"][0];
            let part = |n: usize| {
                parts[n]
                    .as_i64()
                    .or_else(|| parts[n].as_str().and_then(|s| s.parse().ok()))
            };
            let published = match (part(0), part(1), part(2)) {
                (Some(y), Some(m), Some(d)) => {
                    NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32).map(Published::day)
                }
                (Some(y), Some(m), None) => {
                    NaiveDate::from_ymd_opt(y as i32, m as u32, 1).map(|date| Published {
                        date,
                        precision: DatePrecision::Month,
                        time: None,
                    })
                }
                (Some(y), None, None) => NaiveDate::from_ymd_opt(y as i32, 1, 1).map(|date| Published {
                    date,
                    precision: DatePrecision::Year,
                    time: None,
                }),
                _ => None,
            };
            let authors = i["author"]
                .as_array()
                .map(|names| {
                    names
                        .iter()
                        .filter_map(|n| {
                            string(&n["literal"]).or_else(|| {
                                let given = string(&n["given"]).unwrap_or_default();
                                string(&n["family"]).map(|f| format!("{given} {f}").trim().to_string())
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            ToolItem {
                title: string(&i["title"]),
                url: string(&i["URL"]),
                source: string(&i["container-title"]),
                section: string(&i["section"]),
                place: string(&i["publisher-place"]),
                language: string(&i["language"]),
                published,
                authors,
                ..ToolItem::default()
            }
        })
        .collect()
}
