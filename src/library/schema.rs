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
    // 4: the body moves to the end of the row, and the search index reads
    // the text from the articles instead of keeping a copy of its own.
    r#"
    -- SQLite reads a row's columns in order: with the body last, the small
    -- columns a list or a filter needs are read without walking the body's
    -- overflow pages.
    CREATE TABLE articles_v4 (
        id                  INTEGER PRIMARY KEY,
        title               TEXT,
        source              TEXT,
        authors             TEXT NOT NULL DEFAULT '[]',
        published_date      TEXT,
        published_precision TEXT,
        published_time      TEXT,
        section             TEXT,
        kind                TEXT,
        language            TEXT,
        url                 TEXT,
        region              TEXT,
        content_hash        TEXT NOT NULL UNIQUE,
        imported_at         TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        deleted_at          TEXT,
        -- From another tool: when it was saved there, whether it was read
        -- or archived, and whether only the link came (no saved text).
        saved_at            TEXT,
        read_state          TEXT,                         -- unread | archived
        link_only           INTEGER NOT NULL DEFAULT 0,
        publisher_place     TEXT,                         -- where the publication is, when a citation says
        body                TEXT NOT NULL
    );
    INSERT INTO articles_v4 (id, title, source, authors, published_date, published_precision, published_time,
                             section, kind, language, url, region, content_hash, imported_at, updated_at,
                             deleted_at, body)
        SELECT id, title, source, authors, published_date, published_precision, published_time,
               section, kind, language, url, region, content_hash, imported_at, updated_at,
               deleted_at, body
        FROM articles;
    -- A highlight whose passage cannot be found after the text changed is
    -- kept, marked detached, with its quote.
    ALTER TABLE highlights ADD COLUMN detached INTEGER NOT NULL DEFAULT 0;

    DROP TABLE articles_fts;
    DROP TABLE articles;
    ALTER TABLE articles_v4 RENAME TO articles;
    -- Lists, sorts and sidebar counts read only these columns: from this
    -- index, a few MB, instead of the table's pages, which hold the text
    -- (at 100,000 articles opening fell from 1.1 s to 0.3 s).
    CREATE INDEX articles_list ON articles(
        deleted_at, published_date, published_time, published_precision, source, region, title, imported_at
    );

    -- What search sees of an article. The index is "external content": it
    -- holds only the words, and reads this view for snippets.
    -- `notes` holds the note and the highlights' comments, in a fixed
    -- order: the index is told what to forget by reading this view again.
    CREATE VIEW article_search_text AS
        SELECT a.id AS id, a.title AS title, a.body AS body, a.source AS source,
               coalesce(n.body, '') || coalesce(
                   (SELECT char(10) || group_concat(h.comment, char(10) ORDER BY h.id)
                    FROM highlights h WHERE h.article_id = a.id AND h.comment IS NOT NULL),
                   '') AS notes
        FROM articles a LEFT JOIN notes n ON n.article_id = a.id;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, source, notes,
        content = 'article_search_text', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

    -- Words as they are being typed: "p", "pr", "pre" match every word they
    -- begin. FTS5 answers a short prefix from the main index by merging the
    -- entries of every word it begins (over a second for "a*" in 100,000
    -- articles); this index stores, for each prefix of one to three letters
    -- and each word, only which articles hold it (detail=none, no
    -- positions), which costs a fifth of the main index and answers in
    -- milliseconds.
    CREATE VIRTUAL TABLE articles_prefixes USING fts5(
        title, body, source, notes,
        content = '', contentless_delete = 1, detail = none,
        prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_prefixes(rowid, title, body, source, notes)
        SELECT id, title, body, source, notes FROM article_search_text;

    -- The index follows the view through triggers, so no code path can
    -- forget it. Each change takes the article's old text out of the
    -- index (BEFORE, while the view still shows it) and puts the new text
    -- in (AFTER). When an article is deleted its note goes by cascade after
    -- the row, and the view no longer shows it: those steps do nothing.
    CREATE TRIGGER articles_index_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.id;
        INSERT INTO articles_prefixes(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.id;
    END;
    CREATE TRIGGER articles_index_delete BEFORE DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = old.id;
        DELETE FROM articles_prefixes WHERE rowid = old.id;
    END;
    CREATE TRIGGER articles_index_update_old BEFORE UPDATE OF title, body, source ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = old.id;
    END;
    CREATE TRIGGER articles_index_update_new AFTER UPDATE OF title, body, source ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.id;
        DELETE FROM articles_prefixes WHERE rowid = new.id;
        INSERT INTO articles_prefixes(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.id;
    END;
    -- Notes and highlight comments are searched with the article. An
    -- upsert of a note that exists fires BEFORE INSERT and then the UPDATE
    -- triggers (not AFTER INSERT), so the BEFORE INSERT step runs only for
    -- a first note. Notes are written by upsert, never by INSERT OR
    -- REPLACE, whose hidden delete fires no trigger.
    CREATE TRIGGER notes_index_insert_old BEFORE INSERT ON notes
        WHEN NOT EXISTS (SELECT 1 FROM notes WHERE article_id = new.article_id) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
    END;
    CREATE TRIGGER notes_index_insert_new AFTER INSERT ON notes BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
        DELETE FROM articles_prefixes WHERE rowid = new.article_id;
        INSERT INTO articles_prefixes(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
    END;
    CREATE TRIGGER notes_index_update_old BEFORE UPDATE OF body ON notes BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
    END;
    CREATE TRIGGER notes_index_update_new AFTER UPDATE OF body ON notes BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
        DELETE FROM articles_prefixes WHERE rowid = new.article_id;
        INSERT INTO articles_prefixes(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
    END;
    CREATE TRIGGER notes_index_delete_old BEFORE DELETE ON notes BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
    END;
    CREATE TRIGGER notes_index_delete_new AFTER DELETE ON notes BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
        DELETE FROM articles_prefixes WHERE rowid = old.article_id;
        INSERT INTO articles_prefixes(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
    END;
    CREATE TRIGGER highlights_index_insert_old BEFORE INSERT ON highlights BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
    END;
    CREATE TRIGGER highlights_index_insert_new AFTER INSERT ON highlights BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
        DELETE FROM articles_prefixes WHERE rowid = new.article_id;
        INSERT INTO articles_prefixes(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
    END;
    CREATE TRIGGER highlights_index_update_old BEFORE UPDATE OF comment ON highlights BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
    END;
    CREATE TRIGGER highlights_index_update_new AFTER UPDATE OF comment ON highlights BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
        DELETE FROM articles_prefixes WHERE rowid = new.article_id;
        INSERT INTO articles_prefixes(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
    END;
    CREATE TRIGGER highlights_index_delete_old BEFORE DELETE ON highlights BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
    END;
    CREATE TRIGGER highlights_index_delete_new AFTER DELETE ON highlights BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
        DELETE FROM articles_prefixes WHERE rowid = old.article_id;
        INSERT INTO articles_prefixes(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
    END;
    "#,
    // 5: the built-in topics, the top level of IPTC Media Topics (the news
    // industry's own taxonomy) and a second level where editorials need it.
    r#"
    INSERT INTO topics(name, parent_id, builtin) VALUES
        ('arts, culture and entertainment', NULL, 1),
        ('conflict, war and peace', NULL, 1),
        ('crime, law and justice', NULL, 1),
        ('disaster, accident and emergency', NULL, 1),
        ('economy, business and finance', NULL, 1),
        ('education', NULL, 1),
        ('environment', NULL, 1),
        ('health', NULL, 1),
        ('human interest', NULL, 1),
        ('labour', NULL, 1),
        ('lifestyle and leisure', NULL, 1),
        ('politics', NULL, 1),
        ('religion', NULL, 1),
        ('science and technology', NULL, 1),
        ('society', NULL, 1),
        ('sport', NULL, 1),
        ('weather', NULL, 1);
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'armed conflict' AS name UNION ALL SELECT 'terrorism' UNION ALL SELECT 'peace process' UNION ALL SELECT 'weapons control' UNION ALL SELECT 'coup') AS c, topics p
        WHERE p.name = 'conflict, war and peace' AND p.parent_id IS NULL;
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'courts' AS name UNION ALL SELECT 'corruption' UNION ALL SELECT 'police') AS c, topics p
        WHERE p.name = 'crime, law and justice' AND p.parent_id IS NULL;
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'trade' AS name UNION ALL SELECT 'markets' UNION ALL SELECT 'energy' UNION ALL SELECT 'economic policy' UNION ALL SELECT 'public finance') AS c, topics p
        WHERE p.name = 'economy, business and finance' AND p.parent_id IS NULL;
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'climate change' AS name UNION ALL SELECT 'natural resources' UNION ALL SELECT 'pollution') AS c, topics p
        WHERE p.name = 'environment' AND p.parent_id IS NULL;
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'epidemics' AS name) AS c, topics p
        WHERE p.name = 'health' AND p.parent_id IS NULL;
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'strikes' AS name UNION ALL SELECT 'unemployment') AS c, topics p
        WHERE p.name = 'labour' AND p.parent_id IS NULL;
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'diplomacy' AS name UNION ALL SELECT 'elections' UNION ALL SELECT 'government' UNION ALL SELECT 'human rights' UNION ALL SELECT 'defence' UNION ALL SELECT 'migration policy') AS c, topics p
        WHERE p.name = 'politics' AND p.parent_id IS NULL;
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'space' AS name UNION ALL SELECT 'digital technology') AS c, topics p
        WHERE p.name = 'science and technology' AND p.parent_id IS NULL;
    INSERT INTO topics(name, parent_id, builtin)
        SELECT c.name, p.id, 1 FROM (SELECT 'demographics' AS name UNION ALL SELECT 'migration' UNION ALL SELECT 'inequality') AS c, topics p
        WHERE p.name = 'society' AND p.parent_id IS NULL;
    CREATE INDEX article_topics_topic ON article_topics(topic_id);
    "#,
    // 6: the kind and language facets count from the list index too; read
    // from the table they cost a pass over every article's text.
    r#"
    DROP INDEX IF EXISTS articles_list;
    CREATE INDEX articles_list ON articles(
        deleted_at, published_date, published_time, published_precision, source, region, title, imported_at,
        kind, language
    );
    "#,
    // 7: the index of words being typed holds each article's distinct word
    // starts as words (see `word_starts`), which costs two fifths less to
    // import than FTS5's own prefix index over every word. Both indexes
    // merge their segments in larger steps (16 at a level, not 4): import
    // 6% faster, searches measured no slower at 10,000 articles.
    r#"
    DROP TABLE articles_prefixes;
    CREATE VIRTUAL TABLE article_word_starts USING fts5(
        starts,
        content = '', contentless_delete = 1, detail = none,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO article_word_starts(rowid, starts)
        SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text;
    INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
    INSERT INTO article_word_starts(article_word_starts, rank) VALUES ('automerge', 16);
    DROP TRIGGER articles_index_insert;
    CREATE TRIGGER articles_index_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = new.id;
    END;
    DROP TRIGGER articles_index_delete;
    CREATE TRIGGER articles_index_delete BEFORE DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, source, notes)
            SELECT 'delete', id, title, body, source, notes FROM article_search_text WHERE id = old.id;
        DELETE FROM article_word_starts WHERE rowid = old.id;
    END;
    DROP TRIGGER articles_index_update_new;
    CREATE TRIGGER articles_index_update_new AFTER UPDATE OF title, body, source ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.id;
        DELETE FROM article_word_starts WHERE rowid = new.id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = new.id;
    END;
    DROP TRIGGER notes_index_insert_new;
    CREATE TRIGGER notes_index_insert_new AFTER INSERT ON notes BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
        DELETE FROM article_word_starts WHERE rowid = new.article_id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = new.article_id;
    END;
    DROP TRIGGER notes_index_update_new;
    CREATE TRIGGER notes_index_update_new AFTER UPDATE OF body ON notes BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
        DELETE FROM article_word_starts WHERE rowid = new.article_id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = new.article_id;
    END;
    DROP TRIGGER notes_index_delete_new;
    CREATE TRIGGER notes_index_delete_new AFTER DELETE ON notes BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
        DELETE FROM article_word_starts WHERE rowid = old.article_id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = old.article_id;
    END;
    DROP TRIGGER highlights_index_insert_new;
    CREATE TRIGGER highlights_index_insert_new AFTER INSERT ON highlights BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
        DELETE FROM article_word_starts WHERE rowid = new.article_id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = new.article_id;
    END;
    DROP TRIGGER highlights_index_update_new;
    CREATE TRIGGER highlights_index_update_new AFTER UPDATE OF comment ON highlights BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.article_id;
        DELETE FROM article_word_starts WHERE rowid = new.article_id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = new.article_id;
    END;
    DROP TRIGGER highlights_index_delete_new;
    CREATE TRIGGER highlights_index_delete_new AFTER DELETE ON highlights BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = old.article_id;
        DELETE FROM article_word_starts WHERE rowid = old.article_id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = old.article_id;
    END;
    "#,
    // 8: a saved search names the place it was made in with the library's
    // own words (`all`, `recent`, `trash`), not the window's JSON.
    r#"
    ALTER TABLE saved_searches RENAME COLUMN filter TO place;
    UPDATE saved_searches SET place = CASE place
        WHEN '"Recent"' THEN 'recent'
        WHEN '"Trash"' THEN 'trash'
        ELSE 'all' END;
    "#,
    // 9: the file stays readable by the SQLite of other tools. Step 4's
    // `group_concat(… ORDER BY …)` needs SQLite 3.44, and an older one
    // (Python's, Debian 12's shell at 3.40, Ubuntu 22.04's at 3.37) cannot
    // read the schema at all: "malformed database schema". The comments
    // are ordered in a subquery instead, which gives the same text, so the
    // index built from the old view stays in step with this one.
    r#"
    DROP VIEW article_search_text;
    CREATE VIEW article_search_text AS
        SELECT a.id AS id, a.title AS title, a.body AS body, a.source AS source,
               coalesce(n.body, '') || coalesce(
                   (SELECT char(10) || group_concat(comment, char(10))
                    FROM (SELECT h.comment AS comment FROM highlights h
                          WHERE h.article_id = a.id AND h.comment IS NOT NULL ORDER BY h.id)),
                   '') AS notes
        FROM articles a LEFT JOIN notes n ON n.article_id = a.id;
    "#,
    // 10: an article can be starred (a favourite, here or in the tool it
    // came from), and keeps what a citation manager said of it that Folio
    // has no field for (CSL-JSON: its type, DOI, abstract, accessed date).
    // Starred articles are few: a partial index finds them without
    // growing with the library.
    r#"
    ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN citation TEXT;
    CREATE INDEX articles_starred ON articles(id) WHERE starred = 1;
    -- A link arriving for an article the library has is merged into it,
    -- found by its address.
    CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
    "#,
    // 11: a watched folder, remembered with the library it fills (another
    // library has its own, or none), paused or not; and the files it has
    // handed over, by their content's hash (a file of another kind by its
    // path), so a file renamed or moved there again is not imported
    // again, nor a picture reported again, now or after a restart.
    r#"
    CREATE TABLE watched_folder (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        path TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE watch_seen (
        file_key TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 12: the read state other tools kept, on the articles that came from
    // them, indexed as the star is: the State facet counts from these two
    // partial indexes, never from a pass over every article (the list
    // index does not hold them). `IF NOT EXISTS`: a file made while this
    // index was briefly part of step 10 has it already.
    r#"
    CREATE INDEX IF NOT EXISTS articles_read_state ON articles(read_state) WHERE read_state IS NOT NULL;
    "#,
    // 13: what the user's corrections taught for a site or paper: later
    // articles from the same domain (or, without an address, the same
    // masthead) get the corrected source, region or kind. One value per
    // place and field; `replaced` keeps the value a newer correction
    // overwrote, so undoing that correction gives the old rule back.
    r#"
    CREATE TABLE site_rules (
        id INTEGER PRIMARY KEY,
        site_kind TEXT NOT NULL CHECK (site_kind IN ('domain', 'masthead')),
        site TEXT NOT NULL,
        field TEXT NOT NULL CHECK (field IN ('source', 'region', 'kind')),
        value TEXT NOT NULL,
        replaced TEXT,
        learned_at TEXT NOT NULL,
        UNIQUE (site_kind, site, field)
    );
    "#,
    // 14: where an article's region came from (the page's section, the
    // countries its text names, the paper's home, the file, the user), in
    // `model::region_basis`'s stored form; the reader shows it beside the
    // region. Articles from before have none: nothing is guessed for them.
    r#"
    ALTER TABLE articles ADD COLUMN region_basis TEXT;
    "#,
    // 15: story threads, articles of several papers on the same event.
    // `story_features` holds what the grouping compares of each article
    // (its day, language and terms), so a new article is compared with
    // its neighbours in time without reading their text again.
    // `story_pending` lists the articles not grouped yet (every article
    // already there, each new one, each whose text, date or language
    // changes), kept by triggers so no code path can forget one, and so
    // finding them never means a pass over the whole library. The user's corrections
    // are pairs of articles ('same' when joined by hand, 'apart' for "not
    // the same story"), kept apart from the threads so that a
    // recomputation starts from them and never undoes one.
    r#"
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        made_at TEXT NOT NULL
    );
    CREATE TABLE story_members (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        by_user    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX story_members_story ON story_members(story_id);
    CREATE TABLE story_features (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        day        INTEGER,                -- days from the common era; NULL: no day to place it by
        language   TEXT,
        terms      BLOB NOT NULL           -- one term a line (see `library::stories::features`), zlib-compressed
    );
    CREATE INDEX story_features_day ON story_features(day) WHERE day IS NOT NULL;
    CREATE TABLE story_corrections (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        other_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        verdict    TEXT NOT NULL CHECK (verdict IN ('same', 'apart')),
        made_at    TEXT NOT NULL,
        PRIMARY KEY (article_id, other_id),
        CHECK (article_id < other_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_corrections_other ON story_corrections(other_id);
    CREATE TABLE story_pending (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
    );
    INSERT INTO story_pending(article_id) SELECT id FROM articles;
    CREATE TRIGGER story_pending_new AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO story_pending(article_id) VALUES (new.id);
    END;
    -- An article whose text, date or language changes is grouped again.
    CREATE TRIGGER story_features_stale AFTER UPDATE OF title, body, published_date, published_precision, language ON articles BEGIN
        DELETE FROM story_features WHERE article_id = new.id;
        INSERT OR IGNORE INTO story_pending(article_id) VALUES (new.id);
    END;
    "#,
    // 16: a log of the articles whose list fields changed (the fields a
    // list is chosen, sorted and counted by, their tags, topics and
    // places), kept by triggers so that every writer, this connection or
    // another Folio, is heard. The index of list fields held in memory
    // (`library::article_index`) reads it to catch up with the file
    // instead of reading a million articles again.
    r#"
    CREATE TABLE article_changes (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL
    );
    CREATE TRIGGER article_changes_new AFTER INSERT ON articles BEGIN
        INSERT INTO article_changes(article_id) VALUES (new.id);
    END;
    CREATE TRIGGER article_changes_edit AFTER UPDATE OF title, source, region, kind, language, published_date,
            published_precision, published_time, imported_at, deleted_at, starred, read_state ON articles BEGIN
        INSERT INTO article_changes(article_id) VALUES (new.id);
    END;
    CREATE TRIGGER article_changes_gone AFTER DELETE ON articles BEGIN
        INSERT INTO article_changes(article_id) VALUES (old.id);
    END;
    CREATE TRIGGER article_changes_tag AFTER INSERT ON article_tags BEGIN
        INSERT INTO article_changes(article_id) VALUES (new.article_id);
    END;
    CREATE TRIGGER article_changes_untag AFTER DELETE ON article_tags BEGIN
        INSERT INTO article_changes(article_id) VALUES (old.article_id);
    END;
    CREATE TRIGGER article_changes_file AFTER INSERT ON article_topics BEGIN
        INSERT INTO article_changes(article_id) VALUES (new.article_id);
    END;
    CREATE TRIGGER article_changes_refile AFTER UPDATE ON article_topics BEGIN
        INSERT INTO article_changes(article_id) VALUES (new.article_id);
    END;
    CREATE TRIGGER article_changes_unfile AFTER DELETE ON article_topics BEGIN
        INSERT INTO article_changes(article_id) VALUES (old.article_id);
    END;
    CREATE TRIGGER article_changes_place AFTER INSERT ON article_regions BEGIN
        INSERT INTO article_changes(article_id) VALUES (new.article_id);
    END;
    CREATE TRIGGER article_changes_unplace AFTER DELETE ON article_regions BEGIN
        INSERT INTO article_changes(article_id) VALUES (old.article_id);
    END;
    -- A tag, topic or place deleted takes its links with it; the cascade's
    -- deletions fire the triggers above.
    "#,
    // 17: the article index kept between sessions (see
    // `article_index::snapshot`): a cache, ignored when stale or unreadable.
    r#"
    CREATE TABLE article_index_snapshot (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        seen   INTEGER NOT NULL,              -- the last change of article_changes it holds
        format INTEGER NOT NULL,
        data   BLOB NOT NULL
    );
    "#,
    // 18: a batch of new articles is indexed at its end (see
    // `deferred_index`): the insert trigger stands aside while it is stored.
    r#"
    DROP TRIGGER articles_index_insert;
    CREATE TRIGGER articles_index_insert AFTER INSERT ON articles WHEN NOT folio_index_deferred() BEGIN
        INSERT INTO articles_fts(rowid, title, body, source, notes)
            SELECT id, title, body, source, notes FROM article_search_text WHERE id = new.id;
        INSERT INTO article_word_starts(rowid, starts)
            SELECT id, folio_word_starts(title, body, source, notes) FROM article_search_text WHERE id = new.id;
    END;
    "#,
];

/// The steps that added what a file at an older step lacks; tests open
/// files at older steps and import into them.
pub const SITE_RULES_STEP: i64 = 13;
pub const REGION_BASIS_STEP: i64 = 14;

/// The step from which the insert trigger can leave a batch's indexing to
/// its end (see `deferred_index`).
pub const DEFERRED_INDEX_STEP: i64 = 18;
pub const STORIES_STEP: i64 = 15;
pub const CHANGE_LOG_STEP: i64 = 16;
pub const INDEX_SNAPSHOT_STEP: i64 = 17;

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
    if found as usize >= target {
        return Ok(());
    }
    // A step that rebuilds a table drops the old one; with foreign keys on,
    // that drop would cascade into the tags, notes and originals that point
    // at it. They are switched off for the steps (a pragma that cannot
    // change inside a transaction), and each step checks the links it left.
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = run_steps(conn, found as usize, target);
    if enforced {
        conn.pragma_update(None, "foreign_keys", "ON")?;
    }
    result?;
    compact_if_mostly_free(conn)
}

/// A step that rebuilds a table leaves the old pages free inside the file;
/// when they are a quarter of it or more, the file is rewritten without
/// them, so an upgrade does not double the library on disk.
fn compact_if_mostly_free(conn: &Connection) -> Result<(), LibraryError> {
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let free: i64 = conn.query_row("PRAGMA freelist_count", [], |r| r.get(0))?;
    if pages > 0 && free * 4 >= pages {
        conn.execute_batch("VACUUM")?;
    }
    Ok(())
}

fn run_steps(conn: &mut Connection, from: usize, to: usize) -> Result<(), LibraryError> {
    for (index, sql) in MIGRATIONS.iter().enumerate().take(to).skip(from) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        // Only a step that rebuilds a table (drops or renames one, with the
        // foreign keys off) can leave links broken; checking every link of
        // a million articles takes half a minute, so steps that only add
        // are not checked.
        let rebuilds = sql.contains("DROP TABLE") || sql.contains("RENAME TO");
        let broken: i64 = if rebuilds {
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?
        } else {
            0
        };
        if broken > 0 {
            // Dropping the transaction rolls the step back.
            return Err(LibraryError::Invalid(format!(
                "schema step {} left {broken} broken links; the file was left as it was",
                index + 1
            )));
        }
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
