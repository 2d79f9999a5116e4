//! CSV exports as a header and rows, columns found by name.

pub fn csv_rows(text: &str) -> Result<(Vec<String>, Vec<csv::StringRecord>), String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("not a CSV file Folio can read: {e}"))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("the CSV file is damaged: {e}"))?;
    Ok((headers, rows))
}

pub fn column<'a>(headers: &[String], row: &'a csv::StringRecord, name: &str) -> Option<&'a str> {
    let at = headers.iter().position(|h| h == name)?;
    row.get(at).map(str::trim).filter(|v| !v.is_empty())
}

/// A CSV row as the object a user reads: each column by its name.
pub fn row_record(headers: &[String], row: &csv::StringRecord) -> serde_json::Value {
    serde_json::Value::Object(
        headers
            .iter()
            .zip(row.iter())
            .map(|(h, v)| (h.clone(), serde_json::Value::String(v.to_string())))
            .collect(),
    )
}

/// The text of a CSV whose line breaks were written as the two characters
/// `\n` (a program that escaped them before saving): one line holding
/// them, read with the breaks it meant. Any other text is as it is.
pub fn with_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    let one_line = !text.trim_end().contains('\n');
    if one_line && text.contains("\\n") {
        text.replace("\\n", "\n").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_line_breaks_of_a_one_line_csv_are_read_as_breaks() {
        assert_eq!(with_line_breaks("a,b\\n1,2"), "a,b\n1,2");
        // A real file with a \n in a field is read as written.
        assert_eq!(with_line_breaks("a,b\nx\\ny,2\n"), "a,b\nx\\ny,2\n");
    }
}
