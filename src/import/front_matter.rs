//! YAML front matter as note-taking tools write it (and Folio's own vault):
//! flat `key: value` pairs and lists, which is all that is read, so no YAML
//! library is needed. Shared by the Markdown reader and the vault's.

/// Front matter as read: each key (lower-cased) with its values.
pub type FrontMatter = Vec<(String, Vec<String>)>;

/// Splits front matter from the rest.
pub fn front_matter(text: &str) -> (FrontMatter, &str) {
    let start = text.trim_start_matches('\u{feff}');
    let Some(rest) = start.strip_prefix("---\n") else {
        return (Vec::new(), text);
    };
    let Some(end) = rest.find("\n---") else {
        return (Vec::new(), text);
    };
    let yaml = &rest[..end];
    let after = rest[end + 4..].trim_start_matches(['-']).trim_start_matches('\n');
    let mut fields: Vec<(String, Vec<String>)> = Vec::new();
    for line in yaml.lines() {
        let trimmed = line.trim();
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some(last) = fields.last_mut() {
                last.1
                    .push(serde_json::from_str::<String>(item).unwrap_or_else(|_| unquote(item)));
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let value = value.trim();
        // A double-quoted scalar or a flow list of them, as Folio's vault
        // and most tools write them, is also JSON: read so, its escapes
        // decoded and its commas inside quotes kept.
        let values = if let Ok(list) = serde_json::from_str::<Vec<String>>(value) {
            list.into_iter().filter(|v| !v.is_empty()).collect()
        } else if let Ok(one) = serde_json::from_str::<String>(value) {
            vec![one]
        } else if value.starts_with('{') && serde_json::from_str::<serde_json::Value>(value).is_ok() {
            vec![value.to_string()]
        } else if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            list.split(',').map(unquote).filter(|v| !v.is_empty()).collect()
        } else if value.is_empty() {
            Vec::new()
        } else {
            vec![unquote(value)]
        };
        fields.push((key.trim().to_lowercase(), values));
    }
    (fields, after)
}

pub fn unquote(value: &str) -> String {
    value.trim().trim_matches(['"', '\'']).trim().to_string()
}
