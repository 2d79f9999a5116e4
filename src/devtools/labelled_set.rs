//! A labelled set of our own clippings imported as a user would, for the
//! measurements that score what Folio makes of it (`bench-topics
//! --labelled`, `bench-stories --labelled`).

use crate::ingest::pipeline::Outcome as FileOutcome;
use crate::ingest::pipeline::import_paths;
use crate::library::Library;
use anyhow::bail;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// Imports every file of the set into `library`; each file's article id.
/// A file missing, or not imported as a new article, spoils the
/// measurement and is an error.
pub fn import_every_file(library: &mut Library, paths: &[PathBuf]) -> anyhow::Result<HashMap<PathBuf, i64>> {
    for path in paths {
        if !path.is_file() {
            bail!("{} is in the manifest but not in the folder", path.display());
        }
    }
    let report = import_paths(library, paths, &AtomicBool::new(false), |_, _| {})?;
    let mut ids: HashMap<PathBuf, i64> = HashMap::new();
    for file in &report.files {
        match file.outcome {
            FileOutcome::Imported { id, .. } => {
                ids.insert(file.path.clone(), id);
            }
            ref other => bail!("{} was not imported: {other:?}", file.path.display()),
        }
    }
    Ok(ids)
}
