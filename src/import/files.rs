//! Reading a file the user named, safely: only regular files (a named pipe
//! would wait forever for a writer, a device such as `/dev/zero` never
//! ends), and never more than a limit, counted while reading: the size a
//! file claims is not trusted (a device claims 0, a file may grow).

use std::io::Read;
use std::path::Path;

/// Collections (a library export, another tool's export) may be larger
/// than one article, but not without end: a library of 100,000 articles
/// exports to about 1 GB.
pub const MAX_COLLECTION_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Why a file was not read. The text is the report's reason.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file: {0}")]
    NotRegular(&'static str),
    /// `size` is what the file claimed, when that was already too much;
    /// `None` when the limit was reached while reading.
    #[error("the file is too large ({}; the limit is {} MB)", size_words(*.size, *.limit), .limit / MB)]
    TooLarge { size: Option<u64>, limit: u64 },
    #[error("{}", io_reason(.0))]
    Io(#[from] std::io::Error),
}

const MB: u64 = 1024 * 1024;

fn size_words(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("{} MB", size / MB),
        None => format!("more than {} MB", limit / MB),
    }
}

/// What a report says of a file that could not be read.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// What kind of thing a path that is not a regular file is, in words;
/// `None` for a regular file.
pub fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a file Folio can read")
}

/// The bytes of the regular file at `path` (links followed), at most
/// `limit` of them.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)?;
    if let Some(kind) = not_regular(&meta) {
        return Err(ReadError::NotRegular(kind));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    let file = std::fs::File::open(path)?;
    // Checked again on what was opened: the path may have been replaced
    // between the look and the open.
    if let Some(kind) = not_regular(&file.metadata()?) {
        return Err(ReadError::NotRegular(kind));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// The first `count` bytes of a regular file (fewer if it is shorter), to
/// tell its format; nothing for anything else.
pub fn read_start(path: &Path, count: usize) -> Vec<u8> {
    let regular = std::fs::metadata(path).is_ok_and(|m| not_regular(&m).is_none());
    let mut start = Vec::new();
    if regular && let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(count as u64).read_to_end(&mut start);
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_folders_are_refused_by_kind_and_a_limit_holds_while_reading() {
        assert!(matches!(
            read_limited(Path::new("/dev/zero"), 1024),
            Err(ReadError::NotRegular("a device"))
        ));
        assert!(matches!(
            read_limited(Path::new("/tmp"), 1024),
            Err(ReadError::NotRegular("a folder"))
        ));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        assert!(matches!(
            read_limited(&path, 1024),
            Err(ReadError::TooLarge { limit: 1024, .. })
        ));
        assert_eq!(read_limited(&path, 4096).unwrap().len(), 2048);
        assert_eq!(read_start(&path, 10).len(), 10);
        assert!(read_start(Path::new("/dev/zero"), 10).is_empty());
    }
}
