//! The table of what Folio learned from the user's corrections
//! (Preferences ▸ Learned from corrections…): open or not, the rules as the
//! library last sent them, and removing one (undoable).

use super::outbox::Outbox;
use crate::gui::undo::Undo;
use crate::gui::worker::Request;
use crate::model::site_rules::SiteRule;

#[derive(Debug, Clone, PartialEq)]
pub enum LearnedAction {
    /// Open or close the table.
    Show(bool),
    /// Forget this rule: later imports from its site are read as they come.
    Remove(i64),
}

#[derive(Debug, Default)]
pub struct LearnedRules {
    pub open: bool,
    /// The rules, once the library has sent them.
    pub rules: Option<Vec<SiteRule>>,
}

impl LearnedRules {
    pub fn apply(&mut self, action: LearnedAction, out: &mut Outbox) {
        match action {
            LearnedAction::Show(open) => {
                self.open = open;
                if open {
                    out.send(Request::SiteRules);
                }
            }
            LearnedAction::Remove(id) => {
                let Some(rules) = &mut self.rules else {
                    return;
                };
                let Some(at) = rules.iter().position(|r| r.id == id) else {
                    return;
                };
                let rule = rules.remove(at);
                out.say(format!(
                    "Folio no longer sets the {} of articles from {}",
                    rule.field.label().to_lowercase(),
                    rule.site.describe()
                ));
                out.send(Request::ForgetRule(id));
                out.remember(Undo::ForgotRule(Box::new(rule)));
            }
        }
    }

    pub fn receive(&mut self, rules: Vec<SiteRule>) {
        self.rules = Some(rules);
    }

    /// The library changed (a correction may have taught a rule, or an
    /// undo taken one back): an open table asks again.
    pub fn refresh(&self, out: &mut Outbox) {
        if self.open {
            out.send(Request::SiteRules);
        }
    }
}
