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
