//! What the status bar has to say: a passing message (a backup written, a
//! restore done) and the last error.

/// How long a passing message stays in the status bar, in seconds: long
/// enough to read twice.
pub const PASSING_SECONDS: f64 = 8.0;

#[derive(Debug, Default)]
pub struct Messages {
    /// A message, until dismissed or replaced; a passing one (with the time
    /// it was said) also until [`PASSING_SECONDS`] have gone by.
    pub status: Option<String>,
    pub said_at: Option<f64>,
    /// egui's clock at the start of this frame.
    pub now: f64,
    pub error: Option<String>,
    /// The library was found damaged: the window gives way to the screen
    /// that offers a restore, and nothing more is written.
    pub damaged: Option<String>,
}

impl Messages {
    /// A passing message, said now.
    pub fn say(&mut self, message: String) {
        self.status = Some(message);
        self.said_at = Some(self.now);
    }

    /// The clock at the start of a frame: a passing message whose time is
    /// up goes. Returns how long the one shown has left, for the repaint.
    pub fn tick(&mut self, now: f64) -> Option<f64> {
        self.now = now;
        let said = self.said_at?;
        let left = said + PASSING_SECONDS - now;
        if left <= 0.0 {
            self.status = None;
            self.said_at = None;
            return None;
        }
        Some(left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passing_message_goes_and_a_lasting_one_stays() {
        let mut messages = Messages {
            status: Some("read-only".into()),
            ..Messages::default()
        };
        assert_eq!(messages.tick(100.0), None);
        assert_eq!(messages.status.as_deref(), Some("read-only"));
        messages.tick(110.0);
        messages.say("3 articles moved to the Trash".into());
        assert_eq!(messages.tick(112.0), Some(PASSING_SECONDS - 2.0));
        assert!(messages.status.is_some());
        assert_eq!(messages.tick(110.0 + PASSING_SECONDS), None);
        assert_eq!(messages.status, None);
    }
}
