//! The schema, as numbered migrations keyed on SQLite's `user_version`.
//!
//! A migration is never edited after it has landed: files in users' hands were
//! made by it. Change the schema by appending a step.

use super::LibraryError;
use rusqlite::Connection;

/// Step N brings a file from `user_version` N-1 to N.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles, their original files, tags, notes and the full-text index.
    r#"
    CREATE TABLE articles (
        id                  INTEGER PRIMARY KEY,
        title               TEXT,
        body                TEXT NOT NULL,
        source              TEXT,
        authors             TEXT NOT NULL DEFAULT '[]',   -- JSON array
        published_date      TEXT,                         -- YYYY-MM-DD, the first day for month/year precision
        published_precision TEXT,                         -- day | month | year
        published_time      TEXT,                         -- HH:MM:SS when known
        section             TEXT,
        kind                TEXT,
        language            TEXT,
        url                 TEXT,
        region              TEXT,                         -- primary World Bank region
        content_hash        TEXT NOT NULL UNIQUE,
        imported_at         TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        deleted_at          TEXT
    );
    CREATE INDEX articles_published ON articles(published_date);
    CREATE INDEX articles_source ON articles(source);
    CREATE INDEX articles_deleted ON articles(deleted_at);

    -- What the user gave us, compressed, so a better extractor can read it
    -- again and an export can hand it back.
    CREATE TABLE originals (
        article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        file_name   TEXT,
        format      TEXT NOT NULL,
        compressed  BLOB NOT NULL
    );

    CREATE TABLE tags (
        id     INTEGER PRIMARY KEY,
        name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
        color  TEXT
    );
    CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_tags_tag ON article_tags(tag_id);

    CREATE TABLE notes (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        body       TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );

    -- rowid = articles.id; kept in step by the library in the same transaction.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, source, notes,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    "#,
    // 2: regions and countries, topics and highlights.
    r#"
    CREATE TABLE regions (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL UNIQUE,
        parent_id INTEGER REFERENCES regions(id)         -- a country's region
    );
    CREATE TABLE article_regions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        region_id  INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        is_primary INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, region_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_regions_region ON article_regions(region_id);
    INSERT OR IGNORE INTO regions(name)
        SELECT DISTINCT region FROM articles WHERE region IS NOT NULL;
    INSERT OR IGNORE INTO article_regions(article_id, region_id, is_primary)
        SELECT a.id, r.id, 1 FROM articles a JOIN regions r ON r.name = a.region;

    CREATE TABLE topics (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL,
        parent_id INTEGER REFERENCES topics(id) ON DELETE CASCADE,
        builtin   INTEGER NOT NULL DEFAULT 0,
        UNIQUE (parent_id, name)
    );
    CREATE TABLE article_topics (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        topic_id   INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
        origin     TEXT NOT NULL,                 -- user | suggested
        confidence REAL,
        rejected   INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, topic_id)
    ) WITHOUT ROWID;

    CREATE TABLE highlights (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_char  INTEGER NOT NULL,
        end_char    INTEGER NOT NULL,
        quote       TEXT NOT NULL,
        prefix      TEXT NOT NULL DEFAULT '',
        suffix      TEXT NOT NULL DEFAULT '',
        color       TEXT NOT NULL DEFAULT 'yellow',
        comment     TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE INDEX highlights_article ON highlights(article_id);
    "#,
    // 3: a trigram index for text in scripts written without spaces, and saved searches.
    r#"
    -- unicode61 reads a run of Chinese, Japanese or Korean characters as one
    -- token; the trigram index finds words inside such runs. Only articles
    -- with such text are in it, which keeps it small.
    CREATE VIRTUAL TABLE articles_trigram USING fts5(title, body, tokenize = 'trigram');
    INSERT INTO articles_trigram(rowid, title, body)
        SELECT id, coalesce(title, ''), body FROM articles
        WHERE coalesce(title, '') || body GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯]*';
    CREATE TABLE saved_searches (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        query      TEXT NOT NULL,
        filter     TEXT NOT NULL DEFAULT '{}',   -- JSON: the browse place it was saved with
        created_at TEXT NOT NULL
    );
    "#,
];

pub fn current_version(conn: &Connection) -> Result<i64, LibraryError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the file up to `target` (all migrations when `None`), one
/// transaction per step so a crash leaves the file at a whole version.
pub fn migrate(conn: &mut Connection, target: Option<usize>) -> Result<(), LibraryError> {
    let known = MIGRATIONS.len() as i64;
    let found = current_version(conn)?;
    if found > known {
        return Err(LibraryError::NewerFile {
            found,
            supported: known,
        });
    }
    let target = target.unwrap_or(MIGRATIONS.len()).min(MIGRATIONS.len());
    for (index, sql) in MIGRATIONS.iter().enumerate().take(target).skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
