//! Compare: two articles side by side, with the passages they share.
//! While it is open, the list and the reader wait behind it as they were
//! (their selection, their scroll): the way back finds them unchanged.

use super::outbox::Outbox;
use crate::annotate::shared_passages::{SharedPassage, covered};
use crate::gui::worker::{Request, Response};
use crate::model::Article;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum CompareAction {
    /// These two articles, the first on the left.
    Open(i64, i64),
    /// The two rows selected in the list.
    OpenSelected,
    /// Back to where the user was.
    Close,
}

/// One side: its article, and the stretches of its text it shares with
/// the other (byte ranges, in order, joined where they meet).
#[derive(Debug)]
pub struct Side {
    pub article: Article,
    pub shared: Vec<Range<usize>>,
}

/// The two articles and what they share, once the library has answered.
#[derive(Debug)]
pub struct Compared {
    pub left: Side,
    pub right: Side,
    pub passages: Vec<SharedPassage>,
}

impl Compared {
    /// How many words of one side (`left`, or the right) the other side
    /// holds too: a passage the other side repeats counts here once.
    pub fn shared_words(&self, left: bool) -> usize {
        let mut seen: Vec<&Range<usize>> = Vec::new();
        let mut words = 0;
        for passage in &self.passages {
            let range = if left { &passage.left } else { &passage.right };
            if !seen.contains(&range) {
                seen.push(range);
                words += passage.words;
            }
        }
        words
    }
}

/// The comparison open (asked for, or arrived).
#[derive(Debug)]
pub struct Comparison {
    pub ids: (i64, i64),
    pub compared: Option<Compared>,
}

#[derive(Debug, Default)]
pub struct CompareState {
    pub open: Option<Comparison>,
}

impl CompareState {
    /// `selected`: the list's selected rows, in the list's order.
    pub fn apply(&mut self, action: CompareAction, selected: &[i64], out: &mut Outbox) {
        match action {
            CompareAction::Open(left, right) => self.compare(left, right, out),
            CompareAction::OpenSelected => match selected {
                [left, right] => self.compare(*left, *right, out),
                _ => out.say("Select two articles in the list to compare them side by side."),
            },
            CompareAction::Close => self.open = None,
        }
    }

    fn compare(&mut self, left: i64, right: i64, out: &mut Outbox) {
        if left == right {
            out.say("An article compared with itself shares everything: choose another.");
            return;
        }
        self.open = Some(Comparison {
            ids: (left, right),
            compared: None,
        });
        out.send(Request::Compare { left, right });
    }

    /// A request failed: a comparison still waiting for its articles
    /// (one was deleted meanwhile, say) will not get them; the way back is
    /// taken for the user, the error said in the status bar.
    pub fn failed(&mut self) {
        if self.open.as_ref().is_some_and(|c| c.compared.is_none()) {
            self.open = None;
        }
    }

    /// The articles arrived: kept when they are the pair still asked for.
    pub fn receive(&mut self, response: Response) {
        let Response::Compared {
            left,
            right,
            passages,
        } = response
        else {
            return;
        };
        let Some(open) = &mut self.open else {
            return;
        };
        if open.ids != (left.id, right.id) {
            return;
        }
        let left_shared = covered(passages.iter().map(|p| p.left.clone()).collect());
        let right_shared = covered(passages.iter().map(|p| p.right.clone()).collect());
        open.compared = Some(Compared {
            left: Side {
                article: *left,
                shared: left_shared,
            },
            right: Side {
                article: *right,
                shared: right_shared,
            },
            passages,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::state::outbox::Effect;

    fn asked(out: &Outbox) -> Vec<(i64, i64)> {
        out.0
            .iter()
            .filter_map(|e| match e {
                Effect::Send(r) => match **r {
                    Request::Compare { left, right } => Some((left, right)),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    #[test]
    fn two_selected_rows_are_compared_and_one_is_not_enough() {
        let mut compare = CompareState::default();
        let mut out = Outbox::default();
        compare.apply(CompareAction::OpenSelected, &[7], &mut out);
        assert!(compare.open.is_none());
        assert!(
            out.0
                .iter()
                .any(|e| matches!(e, Effect::Say(m) if m.contains("Select two")))
        );
        let mut out = Outbox::default();
        compare.apply(CompareAction::OpenSelected, &[7, 3], &mut out);
        assert_eq!(asked(&out), vec![(7, 3)]);
        assert_eq!(compare.open.as_ref().map(|c| c.ids), Some((7, 3)));
    }

    #[test]
    fn a_comparison_that_cannot_load_goes_back_and_an_article_is_not_compared_with_itself() {
        let mut compare = CompareState::default();
        let mut out = Outbox::default();
        compare.apply(CompareAction::Open(1, 2), &[], &mut out);
        compare.failed();
        assert!(compare.open.is_none(), "back to where the user was");
        compare.apply(CompareAction::Open(1, 1), &[], &mut out);
        assert!(compare.open.is_none(), "an article is not compared with itself");
    }
}
