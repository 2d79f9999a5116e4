//! The reader: which article is open and how it is read (text size, the
//! searched words stepped through), the topics proposed for it, and the
//! form correcting its details. Its actions say which requests follow.

use super::outbox::{Effect, Outbox};
use crate::gui::details::DetailsForm;
use crate::gui::undo::Undo;
use crate::gui::worker::Request;
use crate::library::TopicSuggestion;
use crate::model::Article;
use crate::model::site_rules::{self, Lesson, Site};

/// What the user asks of the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum ReaderAction {
    EditDetails,
    /// The details form as typed so far.
    DetailsTyped(Box<DetailsForm>),
    SaveDetails,
    CancelDetails,
    TextSize(f32),
    Close,
    /// Move through the searched words in the text.
    StepMatch(isize),
    /// Not this suggested topic (by id) for the open article.
    RejectSuggestion(i64),
    /// The text was drawn with this many matches of the searched words,
    /// scrolled to this one (when it was asked to).
    Drawn {
        match_count: usize,
        scrolled_to_match: Option<usize>,
    },
}

/// How the user answered a proposed topic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Settled {
    Filed,
    Refused,
}

pub struct ReaderState {
    /// The article asked for (remembered between runs); `article` once it
    /// has arrived.
    pub open_article: Option<i64>,
    pub article: Option<Article>,
    pub text_size: f32,
    /// Topics proposed for the open article, in the order first shown.
    pub suggestions: Vec<TopicSuggestion>,
    /// Proposals the user has answered, kept in their place (dimmed) until
    /// another article opens: the chips beside them do not move.
    pub settled: Vec<(i64, Settled)>,
    /// The details form, while the user corrects the article's metadata.
    pub details: Option<DetailsForm>,
    /// Which match of the searched words the reader points at, how many
    /// there are (as last drawn), and whether to scroll to it.
    pub match_cursor: usize,
    pub match_count: usize,
    pub scroll_to_match: bool,
}

impl ReaderState {
    pub fn new(open_article: Option<i64>, text_size: f32) -> ReaderState {
        ReaderState {
            open_article,
            article: None,
            text_size,
            suggestions: Vec::new(),
            settled: Vec::new(),
            details: None,
            match_cursor: 0,
            match_count: 0,
            scroll_to_match: false,
        }
    }

    /// The open article's id, once it has arrived.
    pub fn article_id(&self) -> Option<i64> {
        self.article.as_ref().map(|a| a.id)
    }

    pub fn apply(&mut self, action: ReaderAction, out: &mut Outbox) {
        match action {
            ReaderAction::EditDetails => self.details = self.article.as_ref().map(DetailsForm::from_article),
            ReaderAction::DetailsTyped(form) => {
                if self.details.is_some() {
                    self.details = Some(*form);
                }
            }
            ReaderAction::CancelDetails => self.details = None,
            ReaderAction::SaveDetails => self.save_details(out),
            ReaderAction::TextSize(size) => self.text_size = size.clamp(12.0, 26.0),
            ReaderAction::Close => {
                out.then(Effect::ClearSelection);
                out.then(Effect::Open(None));
            }
            ReaderAction::StepMatch(delta) => {
                if self.match_count > 0 {
                    let n = self.match_count as isize;
                    self.match_cursor = ((self.match_cursor as isize + delta).rem_euclid(n)) as usize;
                    self.scroll_to_match = true;
                }
            }
            ReaderAction::RejectSuggestion(topic) => {
                if let Some(article) = self.article_id() {
                    self.settled.push((topic, Settled::Refused));
                    out.remember(Undo::Rejected { article, topic });
                    out.send(Request::RejectSuggestion {
                        article,
                        topic,
                        reject: true,
                    });
                }
            }
            ReaderAction::Drawn {
                match_count,
                scrolled_to_match,
            } => {
                self.match_count = match_count;
                if scrolled_to_match == Some(self.match_cursor) {
                    self.scroll_to_match = false;
                }
            }
        }
    }

    fn save_details(&mut self, out: &mut Outbox) {
        let (Some(form), Some(article)) = (&mut self.details, &self.article) else {
            return;
        };
        match form.to_details(&article.meta) {
            Ok(details) => {
                let id = article.id;
                let previous = Box::new(article.meta.clone());
                let taught = site_rules::lessons(&article.meta, &details);
                if let Some(first) = taught.first() {
                    out.say(learned_message(&taught, &first.site));
                }
                out.remember(Undo::Details {
                    id,
                    previous,
                    taught: taught.clone(),
                });
                out.send(Request::UpdateDetails {
                    id,
                    details: Box::new(details),
                    learn: taught,
                    unlearn: Vec::new(),
                });
                self.details = None;
            }
            Err(problem) => form.problem = Some(problem),
        }
    }

    /// Leaving an article whose details were being corrected: what was
    /// typed is saved, as a click on Save would; when it cannot be (a date
    /// Folio cannot read), the status bar says so rather than drop it
    /// without a word.
    fn keep_typed_details(&mut self, out: &mut Outbox) {
        let (Some(form), Some(article)) = (&self.details, &self.article) else {
            self.details = None;
            return;
        };
        let as_typed = DetailsForm {
            problem: None,
            editing_text: false,
            ..form.clone()
        };
        if as_typed == DetailsForm::from_article(article) {
            self.details = None;
            return;
        }
        let title = article.title_or_untitled().to_string();
        self.save_details(out);
        if let Some(form) = self.details.take() {
            let why = form.problem.unwrap_or_default();
            out.say(format!("The details typed for “{title}” were not saved: {why}"));
        } else {
            out.say(format!("The details typed for “{title}” were saved"));
        }
    }

    /// Opens another article (or none). The coordinator saves the note
    /// first; the details form and the match cursor start over.
    pub fn open(&mut self, id: Option<i64>, out: &mut Outbox) {
        self.keep_typed_details(out);
        self.match_cursor = 0;
        self.scroll_to_match = true;
        self.open_article = id;
        match id {
            Some(id) => out.send(Request::Open(id)),
            None => self.article = None,
        }
    }

    /// The search words changed: the first match is the current one.
    pub fn search_changed(&mut self) {
        self.match_cursor = 0;
    }

    /// The article arrived: `Some(same)` when it is the one asked for,
    /// `same` when it was already open (a reload).
    pub fn opened(&mut self, article: Article, out: &mut Outbox) -> Option<bool> {
        if Some(article.id) != self.open_article {
            return None;
        }
        let same = self.article_id() == Some(article.id);
        if !same {
            self.suggestions.clear();
            self.settled.clear();
        }
        // Proposals change as the article is filed; asked apart, so the
        // article shows at once.
        out.send(Request::Suggestions(article.id));
        self.article = Some(article);
        Some(same)
    }

    /// A remembered article that is gone: start with none open.
    pub fn not_opened(&mut self, id: i64) {
        if Some(id) == self.open_article {
            self.open_article = None;
            self.article = None;
        }
    }

    /// New proposals for the open article. Those shown before stay in
    /// their places: still proposed, or answered (filed under, or refused);
    /// new ones come after them.
    pub fn suggested(&mut self, article: i64, list: Vec<TopicSuggestion>) {
        let Some(open) = self.article.as_ref().filter(|a| a.id == article) else {
            return;
        };
        let mut merged = Vec::with_capacity(list.len());
        for old in &self.suggestions {
            if let Some(new) = list.iter().find(|n| n.topic_id == old.topic_id) {
                merged.push(new.clone());
            } else if self.settled.iter().any(|(t, _)| *t == old.topic_id) {
                merged.push(old.clone());
            } else if open.topics.iter().any(|t| t.id == old.topic_id) {
                self.settled.push((old.topic_id, Settled::Filed));
                merged.push(old.clone());
            }
        }
        for new in list {
            if !merged.iter().any(|m| m.topic_id == new.topic_id) {
                merged.push(new);
            }
        }
        self.suggestions = merged;
    }

    /// How a proposal was answered, if it was.
    pub fn settled(&self, topic: i64) -> Option<Settled> {
        self.settled.iter().find(|(t, _)| *t == topic).map(|(_, s)| *s)
    }

    /// Asks for the open article again (something about it changed).
    pub fn reload(&self, out: &mut Outbox) {
        if let Some(id) = self.open_article {
            out.send(Request::Open(id));
        }
    }
}

/// What the status bar says when a correction teaches Folio something for
/// later imports, and where the user can take it back.
fn learned_message(taught: &[Lesson], site: &Site) -> String {
    let fields: Vec<String> = taught
        .iter()
        .map(|l| format!("{} “{}”", l.field.label().to_lowercase(), l.value))
        .collect();
    format!(
        "Later articles from {} will get the {} (Preferences ▸ Learned from corrections)",
        site.describe(),
        fields.join(" and the ")
    )
}
