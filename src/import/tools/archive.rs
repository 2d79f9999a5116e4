//! Zip archives read within bounds: an export zip is read an entry at a
//! time, never past the size of a file Folio reads nor past a budget for
//! the whole archive.

use std::io::Read;
use std::path::Path;

/// Most bytes Folio unpacks from one archive altogether, unless the
/// archive is large enough to hold more: see [`archive_budget`].
const MAX_ARCHIVE_BYTES: u64 = 1 << 30;

/// How much an archive of `packed` bytes may unpack to: 1 GB, or twenty
/// times its size (saved pages pack to a fifth or a tenth of their size;
/// a zip bomb to a thousandth), so that a large real export is read whole
/// and a small file that unpacks to gigabytes is not.
fn archive_budget(packed: u64) -> u64 {
    MAX_ARCHIVE_BYTES.max(packed.saturating_mul(20))
}

/// A zip archive read within bounds: no entry past the size of a file
/// Folio reads ([`crate::import::MAX_FILE_BYTES`]), and no more in all than
/// [`archive_budget`]. The sizes an archive declares can lie, so the
/// bounds are on the bytes unpacked.
pub struct BoundedZip {
    zip: zip::ZipArchive<std::fs::File>,
    /// Bytes the archive may unpack to, and of them still to go.
    budget: u64,
    left: u64,
}

impl BoundedZip {
    pub fn open(path: &Path) -> Result<Self, String> {
        let packed = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        Self::open_within(path, archive_budget(packed))
    }

    fn open_within(path: &Path, budget: u64) -> Result<Self, String> {
        let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        let zip = zip::ZipArchive::new(file).map_err(|e| format!("not a zip file Folio can read: {e}"))?;
        Ok(BoundedZip {
            zip,
            budget,
            left: budget,
        })
    }

    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// The text of the entry `name`: `None` when the archive has no such
    /// entry, an error naming it when it is damaged or unpacks past a bound.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, String> {
        let mut entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("{name} in the zip could not be read: {e}")),
        };
        let limit = crate::import::MAX_FILE_BYTES.min(self.left);
        let mut bytes = Vec::new();
        if entry.size() <= limit {
            (&mut entry)
                .take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{name} in the zip could not be read: {e}"))?;
            self.left = self.left.saturating_sub(bytes.len() as u64);
        }
        let unpacked = entry.size().max(bytes.len() as u64);
        if unpacked > crate::import::MAX_FILE_BYTES {
            let limit_mb = crate::import::MAX_FILE_BYTES >> 20;
            return Err(format!(
                "{name} in the zip is too large (it unpacks to more than {limit_mb} MB; the limit is {limit_mb} MB)"
            ));
        }
        if unpacked > limit {
            return Err(format!(
                "{name} in the zip was not read: the archive unpacks to more than {} MB in all",
                self.budget >> 20
            ));
        }
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_unpacks_no_further_than_its_budget() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("parts.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        for name in ["a.txt", "b.txt", "c.txt"] {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut zip, &[b'x'; 1000]).unwrap();
        }
        zip.finish().unwrap();
        let mut archive = BoundedZip::open_within(&path, 2500).unwrap();
        assert_eq!(archive.text("a.txt").unwrap().map(|t| t.len()), Some(1000));
        assert_eq!(archive.text("missing.txt"), Ok(None));
        assert_eq!(archive.text("b.txt").unwrap().map(|t| t.len()), Some(1000));
        let refused = archive.text("c.txt").unwrap_err();
        assert!(
            refused.contains("c.txt in the zip was not read: the archive unpacks to more than"),
            "{refused}"
        );
        assert_eq!(archive_budget(10 << 20), 1 << 30);
        assert_eq!(archive_budget(100 << 20), 2000 << 20);
    }
}
