//! The import report: every file named or found (every article of an
//! export), and what became of it; and how far an import has got.

use std::path::PathBuf;

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Imported {
        id: i64,
        title: String,
    },
    Duplicate {
        id: i64,
    },
    /// A link for an article the library had: what it added to it.
    Merged {
        id: i64,
        changes: Vec<String>,
    },
    Failed {
        reason: String,
    },
    /// Met in a folder and left alone on purpose (a hidden file, a file of
    /// another kind).
    Skipped {
        reason: String,
    },
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
    pub fn merged(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Merged { .. }))
    }
    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Failed { .. }))
    }
    pub fn skipped(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Skipped { .. }))
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
        let skipped = match self.skipped() {
            0 => String::new(),
            n => format!(", {n} skipped"),
        };
        // Said only when there were some: most imports merge nothing.
        let merged = match self.merged() {
            0 => String::new(),
            n => format!(", {n} merged into articles already here"),
        };
        format!(
            "{} imported{merged}, {} duplicate{}, {} failed{skipped}{}",
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

pub(super) use crate::import::files::io_reason;
