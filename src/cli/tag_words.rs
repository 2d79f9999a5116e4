//! The words of `folio tag`: `+name` adds, `-name` removes, a bare name
//! adds. A word that reads as an option or a file was most likely meant as
//! one (`--library other.sqlite` after a `--`, a file name a shell pattern
//! expanded): it is refused with what to write instead, rather than becoming
//! a tag nobody asked for.

use anyhow::{Result, bail};

/// The endings of the files Folio opens and writes.
const FILE_ENDINGS: &[&str] = &[
    "sqlite", "sqlite3", "db", "json", "txt", "text", "md", "markdown", "html", "htm", "xhtml", "mhtml",
    "mht", "csv", "bib", "zip", "enex", "pdf",
];

/// The tags to add and to remove.
pub(super) fn tag_changes(words: &[String]) -> Result<(Vec<String>, Vec<String>)> {
    let (mut add, mut remove) = (Vec::new(), Vec::new());
    for word in words {
        let (name, list) = match word.strip_prefix('-') {
            Some(name) => (name, &mut remove),
            None => (word.strip_prefix('+').unwrap_or(word), &mut add),
        };
        if name.trim().is_empty() {
            bail!("a tag needs a name: write +name to add it or -name to remove it");
        }
        if name.starts_with('-') {
            bail!(
                "“{word}” looks like an option, not a tag: options can go anywhere on the line \
                 (folio tag 12 +name --library other.sqlite), but not after `--`"
            );
        }
        if looks_like_path(name) {
            bail!(
                "“{word}” looks like a file, not a tag: to work on another library, write \
                 --library {name} (anywhere on the line)"
            );
        }
        list.push(name.to_string());
    }
    Ok((add, remove))
}

/// A path a shell or a user would write: from the root, the home or the
/// current folder, or a name with the ending of a file Folio reads or writes.
fn looks_like_path(name: &str) -> bool {
    let rooted = ["/", "./", "../", "~/", ".\\", "..\\", "\\"]
        .iter()
        .any(|start| name.starts_with(start))
        || name
            .get(1..3)
            .is_some_and(|drive| drive == ":\\" || drive == ":/");
    let ending = name.rsplit_once('.').is_some_and(|(stem, ending)| {
        !stem.is_empty() && FILE_ENDINGS.contains(&ending.to_lowercase().as_str())
    });
    rooted || ending
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn plus_adds_minus_removes_and_a_bare_name_adds() {
        let (add, remove) = tag_changes(&words("+korea diplomacy -unread +U.S. +9/11 +node.js")).unwrap();
        assert_eq!(add, ["korea", "diplomacy", "U.S.", "9/11", "node.js"]);
        assert_eq!(remove, ["unread"]);
    }

    #[test]
    fn options_and_files_are_refused_with_what_to_write() {
        for (word, hint) in [
            ("--library", "looks like an option"),
            ("+--json", "looks like an option"),
            ("other.sqlite", "--library other.sqlite"),
            ("+/tmp/lib", "looks like a file"),
            ("-./notes.TXT", "looks like a file"),
            ("~/folio/library.sqlite", "looks like a file"),
            ("C:\\Users\\me", "looks like a file"),
            ("+", "a tag needs a name"),
        ] {
            let error = tag_changes(&[word.to_string()]).unwrap_err().to_string();
            assert!(error.contains(hint), "{word}: {error}");
        }
    }
}
