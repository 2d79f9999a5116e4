//! Searches the user named, kept with the place they were saved in.

use crate::library::filter::Place;
use crate::library::{Library, LibraryError, Result, now};

/// A search the user named, to run again from the sidebar.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSearch {
    pub id: i64,
    pub name: String,
    pub query: String,
    /// The part of the library it was saved in, where it runs again.
    pub place: Place,
}

impl Library {
    pub fn save_search(&mut self, name: &str, query: &str, place: Place) -> Result<()> {
        self.ensure_writable()?;
        let name = name.trim();
        if name.is_empty() {
            return Err(LibraryError::Invalid("a saved search needs a name".into()));
        }
        self.conn.execute(
            "INSERT INTO saved_searches(name, query, place, created_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT(name) DO UPDATE SET query = excluded.query, place = excluded.place",
            rusqlite::params![name, query, place.as_str(), now()],
        )?;
        Ok(())
    }

    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, query, place FROM saved_searches ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(SavedSearch {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    query: r.get(2)?,
                    place: Place::from_stored(&r.get::<_, String>(3)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn delete_saved_search(&mut self, id: i64) -> Result<()> {
        self.ensure_writable()?;
        self.conn
            .execute("DELETE FROM saved_searches WHERE id = ?", [id])?;
        Ok(())
    }
}
