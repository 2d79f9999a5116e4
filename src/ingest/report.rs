//! The import report: every file named or found (every article of an
//! export), and what became of it; and how far an import has got.

use std::path::PathBuf;

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Imported { id: i64, title: String },
    Duplicate { id: i64 },
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    pub path: PathBuf,
    pub outcome: Outcome,
    /// What else the user should know of it (a highlight kept detached).
    pub note: Option<String>,
}

/// Every file named or found, and what became of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    /// True when the user stopped the import before the end.
    pub cancelled: bool,
}

impl ImportReport {
    pub fn imported(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Imported { .. }))
    }
    pub fn duplicates(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Duplicate { .. }))
    }
    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Failed { .. }))
    }
    fn count(&self, pred: impl Fn(&Outcome) -> bool) -> usize {
        self.files.iter().filter(|f| pred(&f.outcome)).count()
    }
    /// Ids of the articles this import added.
    pub fn new_ids(&self) -> Vec<i64> {
        self.files
            .iter()
            .filter_map(|f| match f.outcome {
                Outcome::Imported { id, .. } => Some(id),
                _ => None,
            })
            .collect()
    }
    pub fn summary_line(&self) -> String {
        format!(
            "{} imported, {} duplicate{}, {} failed{}",
            self.imported(),
            self.duplicates(),
            if self.duplicates() == 1 { "" } else { "s" },
            self.failed(),
            if self.cancelled { " (cancelled)" } else { "" }
        )
    }
}

/// How far an import has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What a report line says of a file that could not be read.
pub(super) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
