//! Choosing files to import. Behind a trait so tests can supply paths
//! without a system dialog.

use std::path::PathBuf;

pub trait PathPicker: Send + Sync {
    /// Files the user chose; `None` when cancelled or when no dialog could be shown.
    fn pick_files(&self) -> Option<Vec<PathBuf>>;
    /// A folder, under a title that says what it is for.
    fn pick_folder(&self, title: &str) -> Option<PathBuf>;
    /// Where to save a file, suggesting `file_name`, under a title that says
    /// what is saved; `None` when cancelled.
    fn save_file(&self, title: &str, file_name: &str) -> Option<PathBuf>;
}

/// The system's file chooser (through the XDG desktop portal on Linux).
pub struct SystemPicker;

impl PathPicker for SystemPicker {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        rfd::FileDialog::new()
            .set_title("Import articles")
            .add_filter(
                "Articles",
                &["txt", "html", "htm", "mhtml", "mht", "md", "markdown", "pdf"],
            )
            .add_filter(
                "Exports (Folio, Pocket, Instapaper, wallabag, Omnivore, Zotero, Pinboard, \
                 Delicious, Readability, Linkwarden, browsers' bookmarks, lists of links)",
                &["json", "csv", "zip", "html", "htm", "txt"],
            )
            // Exports with no file ending (Pinboard's, Chrome's `Bookmarks`)
            // are found here: their content tells what they are.
            .add_filter("All files", &["*"])
            .pick_files()
    }

    fn pick_folder(&self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }

    fn save_file(&self, title: &str, file_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .save_file()
    }
}

/// A desktop with no file chooser: every dialog answers with nothing. For
/// the headless frame benchmark, and for tests of the path field that
/// stands in for a chooser.
pub struct NoChooser;

impl PathPicker for NoChooser {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        None
    }
    fn pick_folder(&self, _title: &str) -> Option<PathBuf> {
        None
    }
    fn save_file(&self, _title: &str, _file_name: &str) -> Option<PathBuf> {
        None
    }
}

/// What a save dialog was opened for.
#[derive(Debug, Clone, PartialEq)]
pub enum PickedSave {
    Annotations {
        article: Option<i64>,
        format: crate::export::AnnotationFormat,
    },
    /// Articles (by id) in this format.
    Articles {
        ids: Vec<i64>,
        format: crate::export::ExportFormat,
    },
}

impl PickedSave {
    /// The dialog's title: what is being saved.
    pub fn title(&self) -> String {
        match self {
            PickedSave::Annotations { article: Some(_), .. } => "Export this article's annotations".into(),
            PickedSave::Annotations { article: None, .. } => "Export every annotation".into(),
            PickedSave::Articles { format, .. } if format.extension().is_none() => {
                "Choose a folder for the Markdown vault".into()
            }
            PickedSave::Articles { ids, format } => {
                let label = format.label().trim_end_matches('…');
                let noun = if ids.len() == 1 { "article" } else { "articles" };
                format!("Export {} {noun} — {label}", ids.len())
            }
        }
    }

    /// A folder is chosen (a Markdown vault), not a file.
    pub fn is_folder(&self) -> bool {
        matches!(self, PickedSave::Articles { format, .. } if format.extension().is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{AnnotationFormat, ExportFormat};

    #[test]
    fn each_save_dialog_says_what_it_saves() {
        let articles = |format| PickedSave::Articles {
            ids: vec![1, 2],
            format,
        };
        assert_eq!(
            articles(ExportFormat::Csv).title(),
            "Export 2 articles — Spreadsheet (CSV)"
        );
        assert_eq!(
            articles(ExportFormat::Markdown).title(),
            "Choose a folder for the Markdown vault"
        );
        assert!(articles(ExportFormat::Markdown).is_folder());
        let annotations = PickedSave::Annotations {
            article: None,
            format: AnnotationFormat::Markdown,
        };
        assert_eq!(annotations.title(), "Export every annotation");
        assert!(!annotations.is_folder());
    }
}
