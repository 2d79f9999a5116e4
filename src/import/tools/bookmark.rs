//! What the bookmark readers share: which links are pages to keep, and
//! which folders say something about the links in them.

/// A bookmark's link, when it leads to a page: a bookmark with none, or
/// with a browser's own address (a bookmarklet, a Firefox "smart" folder),
/// is not an article, and the report says why.
pub fn page_link(url: Option<&str>) -> Result<String, String> {
    let url = url.map(str::trim).filter(|u| !u.is_empty());
    let Some(url) = url else {
        return Err("a bookmark with no link".into());
    };
    let scheme = url
        .split_once(':')
        .map(|(s, _)| s.to_lowercase())
        .unwrap_or_default();
    if matches!(
        scheme.as_str(),
        "javascript" | "place" | "about" | "chrome" | "edge" | "data" | "blob"
    ) {
        let shown: String = url.chars().take(60).collect();
        return Err(format!("a browser's own link ({shown}), not a page"));
    }
    Ok(url.to_string())
}

/// Whether a folder is one a browser makes for every bookmark (its
/// toolbar, its menu, "Other bookmarks"): where a link was put by default
/// says nothing about it, so such a folder is not made a tag. Browsers
/// mark theirs in the file where they can (Chrome's roots, Firefox's
/// `root` and `PERSONAL_TOOLBAR_FOLDER`); these names are for the files
/// that only name them.
pub fn is_browser_folder(name: &str) -> bool {
    matches!(
        name.trim().to_lowercase().as_str(),
        "bookmarks bar" | "bookmarks toolbar" | "bookmarks menu" | "other bookmarks" | "mobile bookmarks"
    )
}

/// Walks a browser's tree of bookmarks (JSON folders holding `children`):
/// `folder` tells a folder, with the name it gives its links as a tag
/// (`None` for a root every link is under), and `link` is called for each
/// other entry with the names of the folders it is in.
pub fn walk_tree(
    node: &serde_json::Value,
    folder: &dyn Fn(&serde_json::Value) -> Option<Option<String>>,
    link: &mut dyn FnMut(&serde_json::Value, &[String]),
) {
    fn walk(
        node: &serde_json::Value,
        path: &mut Vec<String>,
        folder: &dyn Fn(&serde_json::Value) -> Option<Option<String>>,
        link: &mut dyn FnMut(&serde_json::Value, &[String]),
    ) {
        for child in node["children"].as_array().into_iter().flatten() {
            match folder(child) {
                Some(name) => {
                    let named = name.is_some();
                    path.extend(name);
                    walk(child, path, folder, link);
                    if named {
                        path.pop();
                    }
                }
                None => link(child, path),
            }
        }
    }
    walk(node, &mut Vec::new(), folder, link);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_kept_and_a_browser_s_own_links_are_not() {
        assert_eq!(
            page_link(Some(" https://example.org/a ")).unwrap(),
            "https://example.org/a"
        );
        assert_eq!(page_link(None).unwrap_err(), "a bookmark with no link");
        assert!(
            page_link(Some("place:sort=8&maxResults=10"))
                .unwrap_err()
                .contains("place:sort=8")
        );
        assert!(page_link(Some("javascript:alert(1)")).is_err());
    }
}
