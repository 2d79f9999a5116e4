//! The rules learned from the user's corrections (see
//! [`crate::model::site_rules`]): stored, listed, removed.

use super::{Library, Result, now};
use crate::model::site_rules::{Lesson, RuleField, Site, SiteRule};
use rusqlite::{OptionalExtension, params};

impl Library {
    /// Every rule, by place and field.
    pub fn site_rules(&self) -> Result<Vec<SiteRule>> {
        // A file at a step before the rules has learned none.
        if super::schema::current_version(&self.conn)? < super::schema::SITE_RULES_STEP {
            return Ok(Vec::new());
        }
        let mut statement = self.conn.prepare(
            "SELECT id, site_kind, site, field, value, learned_at FROM site_rules ORDER BY site, site_kind, field",
        )?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut rules = Vec::new();
        for row in rows {
            let (id, kind, site, field, value, learned_at) = row?;
            // A row this version cannot read (written by a newer Folio) is left alone.
            if let (Some(site), Some(field)) = (Site::from_keys(&kind, &site), RuleField::from_key(&field)) {
                rules.push(SiteRule {
                    id,
                    site,
                    field,
                    value,
                    learned_at,
                });
            }
        }
        Ok(rules)
    }

    /// Remembers what corrections taught; a newer lesson for the same place
    /// and field replaces the older one, which is kept for an undo.
    pub fn learn(&mut self, lessons: &[Lesson]) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        for lesson in lessons {
            tx.execute(
                "INSERT INTO site_rules (site_kind, site, field, value, learned_at) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (site_kind, site, field) DO UPDATE SET \
                     replaced = CASE WHEN value = excluded.value THEN replaced ELSE value END, \
                     value = excluded.value, learned_at = excluded.learned_at",
                params![
                    lesson.site.kind_key(),
                    lesson.site.name(),
                    lesson.field.key(),
                    lesson.value,
                    now()
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Takes back what a correction taught (its undo): the rule it made
    /// goes, or the one it replaced comes back.
    pub fn unlearn(&mut self, lessons: &[Lesson]) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        for lesson in lessons {
            let keys = params![
                lesson.site.kind_key(),
                lesson.site.name(),
                lesson.field.key(),
                lesson.value
            ];
            let replaced: Option<Option<String>> = tx
                .query_row(
                    "SELECT replaced FROM site_rules WHERE site_kind = ?1 AND site = ?2 AND field = ?3 AND value = ?4",
                    keys,
                    |r| r.get(0),
                )
                .optional()?;
            match replaced {
                // Changed since (by a later correction): that one stands.
                None => {}
                Some(Some(_)) => {
                    tx.execute(
                        "UPDATE site_rules SET value = replaced, replaced = NULL \
                         WHERE site_kind = ?1 AND site = ?2 AND field = ?3 AND value = ?4",
                        keys,
                    )?;
                }
                Some(None) => {
                    tx.execute(
                        "DELETE FROM site_rules WHERE site_kind = ?1 AND site = ?2 AND field = ?3 AND value = ?4",
                        keys,
                    )?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes a rule (from the table of what Folio learned); returns it,
    /// so the removal can be undone by learning it again.
    pub fn forget_rule(&mut self, id: i64) -> Result<Option<SiteRule>> {
        self.ensure_writable()?;
        let rule = self.site_rules()?.into_iter().find(|r| r.id == id);
        self.conn.execute("DELETE FROM site_rules WHERE id = ?", [id])?;
        Ok(rule)
    }
}
