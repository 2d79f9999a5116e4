//! The clipboard as a way in: what a browser put there when the user
//! copied an article (its HTML flavour when there is one, which keeps the
//! headings, paragraphs and links that make extraction better, else its
//! text), read as a clipping. Reading may wait on the program that owns
//! the clipboard, so it is done on a thread of its own, never the
//! window's.

use crate::import::html::looks_like_html;
use crate::model::FoundArticle;

/// What the clipboard holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pasted {
    pub html: Option<String>,
    pub text: Option<String>,
}

/// Where pasted clippings come from: the system's clipboard, or a stand-in.
pub trait ClipboardSource: Send + Sync {
    /// Why this desktop has no clipboard Folio can read, if it has none.
    fn unavailable(&self) -> Option<String>;
    /// What the clipboard holds now. May block for a moment.
    fn read(&self) -> Result<Pasted, String>;
}

/// The system's clipboard (X11, Wayland, macOS, Windows).
pub struct SystemClipboard {
    unavailable: Option<String>,
}

impl SystemClipboard {
    /// Tries the clipboard once, so the menu can say when there is none
    /// (a bare X server without a clipboard owner still has one; a session
    /// without a display has not).
    pub fn new() -> SystemClipboard {
        SystemClipboard {
            unavailable: arboard::Clipboard::new()
                .err()
                .map(|e| format!("no clipboard on this desktop ({e})")),
        }
    }
}

impl Default for SystemClipboard {
    fn default() -> Self {
        Self::new()
    }
}

impl ClipboardSource for SystemClipboard {
    fn unavailable(&self) -> Option<String> {
        self.unavailable.clone()
    }

    fn read(&self) -> Result<Pasted, String> {
        let mut clipboard =
            arboard::Clipboard::new().map_err(|e| format!("no clipboard on this desktop ({e})"))?;
        let html = clipboard.get().html().ok();
        let text = clipboard.get_text().ok();
        Ok(Pasted { html, text })
    }
}

/// Stands in for a file name where the report and the original need one.
pub const PASTED: &str = "Pasted clipping";

/// The clipping a paste holds, read as an import reads a file: the HTML
/// flavour when there is one with article text in it, else the text.
/// `typed` is the text the window was handed with Ctrl+V, used when the
/// clipboard has nothing better.
pub fn clipping_from(pasted: Pasted, typed: Option<String>) -> Result<FoundArticle, String> {
    let nonblank = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    let html = nonblank(pasted.html);
    let text = nonblank(pasted.text).or(nonblank(typed));
    if let Some(html) = html {
        // A copied selection is a fragment: it is read as the page it
        // came from would be, and kept as it came.
        let page = if looks_like_html(&html) {
            html.clone()
        } else {
            format!("<html><body>{html}</body></html>")
        };
        if let Ok(mut found) = crate::import::read_article(page.into_bytes(), Some(PASTED.into())) {
            found.original.bytes = html.into_bytes();
            found.original.format = "html".into();
            return Ok(found);
        }
    }
    let text = text.ok_or("The clipboard holds no text: copy an article in the browser first.")?;
    crate::import::read_article(text.into_bytes(), Some(PASTED.into()))
        .map_err(|e| format!("Nothing on the clipboard reads as an article: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPHS: &str = "<h1>The port must reopen</h1><p>The dockers walked out at dawn and the port \
        authority answered by noon with an offer the union called an insult to every family.</p><p>Both sides \
        say the other must move first, while the grain ships wait in the roads and prices climb.</p>";

    #[test]
    fn the_html_flavour_is_read_and_kept_as_it_came() {
        let pasted = Pasted {
            html: Some(PARAGRAPHS.into()),
            text: Some("The port must reopen\n\nThe dockers walked out.".into()),
        };
        let found = clipping_from(pasted, None).unwrap();
        assert_eq!(found.meta.title.as_deref(), Some("The port must reopen"));
        assert!(found.meta.body.contains("grain ships wait in the roads"));
        assert_eq!(found.original.bytes, PARAGRAPHS.as_bytes());
        assert_eq!(found.original.format, "html");
    }

    #[test]
    fn without_html_the_text_is_read_and_nothing_says_so() {
        let text = "The port must reopen\n\nThe dockers walked out at dawn and the port authority answered by \
            noon with an offer the union called an insult to every family on the quayside.\n";
        let found = clipping_from(Pasted::default(), Some(text.into())).unwrap();
        assert!(found.meta.body.contains("dockers walked out"));
        assert!(
            clipping_from(Pasted::default(), None)
                .unwrap_err()
                .contains("holds no text")
        );
        let blank = Pasted {
            html: Some("  ".into()),
            text: Some("\n".into()),
        };
        assert!(clipping_from(blank, None).is_err());
    }
}
