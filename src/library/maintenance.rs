//! Keeping the library safe: checks, backups and restores.
//!
//! Backups go through SQLite's online backup API, never a plain copy of a
//! live file (which can catch a half-written page or miss the WAL). Each is
//! written beside its final name, verified with `integrity_check`, and only
//! then renamed into place and allowed to replace an older one.

use super::{Library, LibraryError, Result, schema};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Automatic backups kept beside the library.
pub const KEEP_BACKUPS: usize = 7;
/// How old the newest automatic backup may be before a new one is made.
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// What `folio check` found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckReport {
    /// `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    pub integrity: Vec<String>,
    /// The full-text index's own integrity check: `None` when it passed.
    pub fts_problem: Option<String>,
    /// Whether that check ran: SQLite runs it as a write, which a
    /// read-only library refuses.
    pub index_checked: bool,
    /// Live rows of `articles` with no row in the search index.
    pub missing_from_index: usize,
    /// Index rows whose article is gone.
    pub index_without_article: usize,
    /// Rows that point at an article, tag or region that does not exist.
    pub orphans: Vec<(&'static str, usize)>,
    pub articles: usize,
}

impl CheckReport {
    /// Whether the file itself is broken (not only an index out of step).
    pub fn is_damaged(&self) -> bool {
        self.integrity != ["ok"]
    }

    pub fn is_healthy(&self) -> bool {
        self.integrity == ["ok"]
            && self.fts_problem.is_none()
            && self.missing_from_index == 0
            && self.index_without_article == 0
            && self.orphans.iter().all(|(_, n)| *n == 0)
    }
}

/// A backup file and when it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub modified: SystemTime,
    pub bytes: u64,
}

/// `PRAGMA integrity_check` on a connection, as lines ("ok" when sound).
fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let lines = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(lines)
}

/// Opens a backup read-only and checks that it is a sound Folio library
/// this program can read.
pub fn verify_backup(path: &Path) -> Result<()> {
    let bad = |reason: String| LibraryError::NotALibrary {
        path: path.to_path_buf(),
        reason,
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| bad(e.to_string()))?;
    let lines = integrity(&conn).map_err(|e| bad(e.to_string()))?;
    if lines != ["ok"] {
        return Err(bad(format!("integrity check failed: {}", lines.join("; "))));
    }
    let version = schema::current_version(&conn)?;
    if version > schema::MIGRATIONS.len() as i64 {
        return Err(LibraryError::NewerFile {
            found: version,
            supported: schema::MIGRATIONS.len() as i64,
        });
    }
    let has_articles: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'",
        [],
        |r| r.get(0),
    )?;
    if has_articles == 0 {
        return Err(bad("it holds no Folio articles table".into()));
    }
    Ok(())
}

/// Copies `from` into a new file at `dest` with the backup API, verifies it,
/// and only then puts it in place.
fn write_verified_copy(from: &Connection, dest: &Path) -> Result<()> {
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| LibraryError::CreateFolder {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let partial = dest.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    {
        let mut to = Connection::open(&partial)?;
        Backup::new(from, &mut to)?.run_to_completion(1024, Duration::from_millis(0), None)?;
        // A backup is read on its own later: no WAL beside it.
        to.pragma_update(None, "journal_mode", "DELETE")?;
    }
    if let Err(e) = verify_backup(&partial) {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, dest)
        .map_err(|e| LibraryError::Invalid(format!("could not save the backup: {e}")))?;
    Ok(())
}

/// Removes the half-written copies a killed backup left in the backups
/// folder (`*.partial`, with SQLite's `-journal` beside it): only Folio
/// writes those names there.
fn remove_partial_copies(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".partial") || name.ends_with(".partial-journal") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The folder of automatic backups of a library: `backups/` beside it.
pub fn backup_folder(library: &Path) -> PathBuf {
    library.parent().unwrap_or(Path::new(".")).join("backups")
}

/// The backups in a folder, newest first.
pub fn list_backups(folder: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<BackupFile> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "sqlite"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some(BackupFile {
                path: e.path(),
                modified: meta.modified().ok()?,
                bytes: meta.len(),
            })
        })
        .collect();
    found.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| b.path.cmp(&a.path)));
    found
}

/// The newest backup of a library that passes verification.
pub fn latest_good_backup(library: &Path) -> Option<PathBuf> {
    list_backups(&backup_folder(library))
        .into_iter()
        .map(|b| b.path)
        .find(|p| verify_backup(p).is_ok())
}

fn timestamped_name(stem: &str) -> String {
    format!("{stem}-{}.sqlite", chrono::Local::now().format("%Y%m%d-%H%M%S"))
}

/// Moves a damaged library aside (with its WAL and shared-memory files) and
/// puts a verified backup in its place. The damaged file is kept, renamed,
/// so nothing is lost even if the backup turns out to be older than hoped.
/// Returns where the damaged file went.
pub fn replace_with_backup(library: &Path, backup: &Path) -> Result<PathBuf> {
    verify_backup(backup)?;
    let library = &super::resolved(library)?;
    // Held while the files move: no other Folio may open the library
    // half-way through.
    let _lock = super::take_lock(library)?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut aside_name = library.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    aside_name.push(format!(".damaged-{stamp}"));
    let aside = library.with_file_name(aside_name);
    let move_err =
        |e: std::io::Error| LibraryError::Invalid(format!("could not move the damaged library aside: {e}"));
    if library.exists() {
        std::fs::rename(library, &aside).map_err(move_err)?;
    }
    for suffix in ["-wal", "-shm"] {
        let mut side = library.as_os_str().to_os_string();
        side.push(suffix);
        let side = PathBuf::from(side);
        if side.exists() {
            let mut to = aside.as_os_str().to_os_string();
            to.push(suffix);
            std::fs::rename(&side, PathBuf::from(to)).map_err(move_err)?;
        }
    }
    let from = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    write_verified_copy(&from, library)?;
    Ok(aside)
}

/// What a restore did with what the library held.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    /// The library was sound: what it held is kept as this backup.
    SavedAsBackup(PathBuf),
    /// The library was damaged or could not be opened: it was moved here,
    /// renamed and untouched, never checked as if it were a backup.
    SetAside(PathBuf),
}

/// Puts a verified backup in place of a library. A sound library is first
/// saved as a backup of its own, so the restore can be undone; a damaged
/// one (or one that will not open) is set aside under a new name.
pub fn restore_backup(library: &Path, backup: &Path) -> Result<Restored> {
    verify_backup(backup)?;
    match Library::open(library) {
        Ok(mut open) => {
            if open.damage().is_none() {
                return open.restore_from(backup).map(Restored::SavedAsBackup);
            }
        }
        Err(LibraryError::NotALibrary { .. } | LibraryError::Damaged { .. }) => {}
        Err(e) => return Err(e),
    }
    replace_with_backup(library, backup).map(Restored::SetAside)
}

impl Library {
    /// Integrity, search-index consistency and orphan rows.
    pub fn check(&self) -> Result<CheckReport> {
        let conn = &self.conn;
        // The file's structure first: on a damaged file the index checks
        // below fail with SQLite's own words, or say nothing useful.
        let integrity = integrity(conn).unwrap_or_else(|e| match e {
            LibraryError::Damaged { reason } => vec![reason],
            other => vec![other.to_string()],
        });
        if integrity != ["ok"] {
            return Ok(CheckReport {
                integrity,
                ..CheckReport::default()
            });
        }
        let count =
            |sql: &str| -> Result<usize> { Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize) };
        let index_checked = self.read_only_reason().is_none();
        let fts_problem = if index_checked {
            // rank = 1 compares the index with the text it was built from.
            conn.execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .and_then(|_| {
                conn.execute(
                    "INSERT INTO article_word_starts(article_word_starts) VALUES ('integrity-check')",
                    [],
                )
            })
            .err()
            .map(|e| e.to_string())
        } else {
            None
        };
        let orphan_queries: [(&'static str, &str); 8] = [
            (
                "originals without an article",
                "SELECT count(*) FROM originals o WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = o.article_id)",
            ),
            (
                "articles without their original file",
                "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM originals o WHERE o.article_id = a.id)",
            ),
            (
                "tag links to a missing article or tag",
                "SELECT count(*) FROM article_tags x WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = x.article_id) OR NOT EXISTS (SELECT 1 FROM tags t WHERE t.id = x.tag_id)",
            ),
            (
                "notes without an article",
                "SELECT count(*) FROM notes n WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = n.article_id)",
            ),
            (
                "region links to a missing article or region",
                "SELECT count(*) FROM article_regions x WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = x.article_id) OR NOT EXISTS (SELECT 1 FROM regions r WHERE r.id = x.region_id)",
            ),
            (
                "topic links to a missing article or topic",
                "SELECT count(*) FROM article_topics x WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = x.article_id) OR NOT EXISTS (SELECT 1 FROM topics t WHERE t.id = x.topic_id)",
            ),
            (
                "highlights without an article",
                "SELECT count(*) FROM highlights h WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = h.article_id)",
            ),
            (
                "trigram index rows without an article",
                "SELECT count(*) FROM articles_trigram t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.rowid)",
            ),
        ];
        let mut orphans = Vec::new();
        for (what, sql) in orphan_queries {
            orphans.push((what, count(sql)?));
        }
        Ok(CheckReport {
            integrity,
            fts_problem,
            index_checked,
            missing_from_index: count(
                "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)",
            )?,
            index_without_article: count(
                "SELECT count(*) FROM articles_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id)",
            )?,
            orphans,
            articles: count("SELECT count(*) FROM articles")?,
        })
    }

    /// A fresh name in the backups folder: `library<label>-YYYYmmdd-HHMMSS.sqlite`,
    /// with `-2`, `-3`… after it when a backup of the same second is there.
    fn new_backup_path(&self, label: &str) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("library");
        let name = timestamped_name(&format!("{stem}{label}"));
        let first = backup_folder(&self.path).join(&name);
        let taken = |p: &PathBuf| p.symlink_metadata().is_ok();
        if !taken(&first) {
            return first;
        }
        let base = name.trim_end_matches(".sqlite");
        (2..)
            .map(|n| first.with_file_name(format!("{base}-{n}.sqlite")))
            .find(|p| !taken(p))
            .unwrap_or(first)
    }

    /// Writes a verified backup to `dest`, a new file: one already there
    /// (another backup, or the library itself) is never written over.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.symlink_metadata().is_ok() {
            return Err(LibraryError::Invalid(format!(
                "{} already exists; a backup goes to a new file, so choose another name",
                dest.display()
            )));
        }
        write_verified_copy(&self.conn, dest)
    }

    /// A new automatic backup in the backups folder; the oldest beyond
    /// [`KEEP_BACKUPS`] are removed, but only after the new one verified.
    pub fn backup_rotating(&self) -> Result<PathBuf> {
        let folder = backup_folder(&self.path);
        remove_partial_copies(&folder);
        let dest = self.new_backup_path("");
        write_verified_copy(&self.conn, &dest)?;
        for old in list_backups(&folder).into_iter().skip(KEEP_BACKUPS) {
            let _ = std::fs::remove_file(old.path);
        }
        Ok(dest)
    }

    /// Makes an automatic backup when the newest is older than a day.
    pub fn backup_if_due(&self) -> Result<Option<PathBuf>> {
        let newest = list_backups(&backup_folder(&self.path)).into_iter().next();
        let due = newest.is_none_or(|b| b.modified.elapsed().is_ok_and(|age| age >= BACKUP_INTERVAL));
        if due {
            self.backup_rotating().map(Some)
        } else {
            Ok(None)
        }
    }

    /// Replaces the library's content with a verified backup's, after saving
    /// what it holds now as a backup of its own (so a restore can be undone).
    /// Returns that safety copy.
    pub fn restore_from(&mut self, backup: &Path) -> Result<PathBuf> {
        verify_backup(backup)?;
        self.ensure_writable()?;
        let safety = self.new_backup_path("-before-restore");
        write_verified_copy(&self.conn, &safety)?;
        let from = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Backup::new(&from, &mut self.conn)?.run_to_completion(1024, Duration::from_millis(0), None)?;
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        // The backup may come from an older Folio.
        schema::migrate(&mut self.conn, None)?;
        self.drop_index();
        Ok(safety)
    }
}
