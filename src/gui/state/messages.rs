//! What the status bar has to say: a passing message (a backup written, a
//! restore done) and the last error.

#[derive(Debug, Default)]
pub struct Messages {
    /// A passing message, until dismissed or replaced.
    pub status: Option<String>,
    pub error: Option<String>,
}
