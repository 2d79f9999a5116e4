//! What the status bar has to say: a passing message (a backup written, a
//! restore done) and the last error.

#[derive(Debug, Default)]
pub struct Messages {
    /// A passing message, until dismissed or replaced.
    pub status: Option<String>,
    pub error: Option<String>,
    /// The library was found damaged: the window gives way to the screen
    /// that offers a restore, and nothing more is written.
    pub damaged: Option<String>,
}
