//! Choosing files to import. Behind a trait so tests can supply paths
//! without a system dialog.

use std::path::PathBuf;

pub trait PathPicker: Send + Sync {
    /// Files the user chose; `None` when cancelled or when no dialog could be shown.
    fn pick_files(&self) -> Option<Vec<PathBuf>>;
    fn pick_folder(&self) -> Option<PathBuf>;
    /// Where to save a file, suggesting `file_name`; `None` when cancelled.
    fn save_file(&self, file_name: &str) -> Option<PathBuf>;
}

/// The system's file chooser (through the XDG desktop portal on Linux).
pub struct SystemPicker;

impl PathPicker for SystemPicker {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        rfd::FileDialog::new()
            .set_title("Import articles")
            .add_filter(
                "Articles",
                &["txt", "html", "htm", "mhtml", "mht", "md", "markdown"],
            )
            .add_filter(
                "Exports (Folio, Pocket, Instapaper, wallabag, Omnivore, Zotero)",
                &["json", "csv", "zip", "html"],
            )
            .add_filter("All files", &["*"])
            .pick_files()
    }

    fn pick_folder(&self) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title("Import a folder").pick_folder()
    }

    fn save_file(&self, file_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save annotations")
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
    fn pick_folder(&self) -> Option<PathBuf> {
        None
    }
    fn save_file(&self, _file_name: &str) -> Option<PathBuf> {
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
