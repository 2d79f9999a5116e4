//! Annotating: the passage selected in the reader, highlights' comments
//! as typed, the note being written, and the library-wide annotations
//! view; what the annotation actions change and which requests follow.

use super::outbox::{Effect, Outbox};
use crate::export::AnnotationFormat;
use crate::gui::picker::PickedSave;
use crate::gui::undo::Undo;
use crate::gui::worker::{Request, Response};
use crate::library::{Annotation, AnnotationQuery, Condition, DateTest, Filter};
use crate::model::{Article, Highlight, HighlightColor};
use std::collections::HashMap;
use std::ops::Range;

/// Seconds of quiet typing after which a note is saved.
pub const NOTE_SAVE_DELAY: f64 = 0.6;

#[derive(Debug, Clone, PartialEq)]
pub enum AnnotateAction {
    /// Highlight the passage selected in the reader, in this colour: the
    /// whole words it touches, or `exact`ly the characters selected.
    Highlight {
        color: HighlightColor,
        exact: bool,
    },
    SetColor {
        id: i64,
        color: HighlightColor,
    },
    /// A highlight's comment as typed so far.
    CommentTyped {
        id: i64,
        text: String,
    },
    /// The new highlight's comment field has the keyboard.
    CommentFocused(i64),
    /// Save what was typed as a highlight's comment.
    SaveComment {
        id: i64,
    },
    Delete {
        id: i64,
    },
    /// Open an article (when it is not open) and scroll to a highlight.
    GoTo {
        article_id: i64,
        highlight: Option<i64>,
    },
    EditNote,
    /// The note as typed so far, and when (egui seconds).
    NoteTyped {
        text: String,
        at: f64,
    },
    DoneNote,
    ShowView,
    CloseView,
    /// The view's filters, changed.
    Filter(AnnotationFilters),
    /// Ask where to save, then write Markdown or Web Annotation JSON: the
    /// open article's annotations, or the whole library's.
    Export {
        whole_library: bool,
        format: AnnotationFormat,
    },
    /// The reader's text was drawn: its text box, the passage now selected
    /// in it (when it has the keyboard), the highlight it scrolled to.
    TextDrawn {
        text_id: egui::Id,
        selection: Option<Option<Range<usize>>>,
        scrolled_to: Option<i64>,
    },
}

/// What the annotations view is narrowed to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationFilters {
    pub text: String,
    pub color: Option<HighlightColor>,
    pub tag: Option<String>,
    pub region: Option<String>,
    pub topic: Option<String>,
    pub year: Option<i32>,
}

/// The library-wide view of highlights and notes, with its filters.
#[derive(Debug, Default)]
pub struct AnnotationsView {
    pub filters: AnnotationFilters,
    pub results: Vec<Annotation>,
    asked: u64,
    shown: u64,
}

impl AnnotationsView {
    pub fn is_loading(&self) -> bool {
        self.asked != self.shown
    }
}

/// The open article's note as typed.
#[derive(Debug, Default)]
pub struct NoteDraft {
    pub text: String,
    /// The note shows its editor rather than its rendering.
    pub editing: bool,
    /// When the note was last typed in (egui time), to save after a pause.
    edited_at: Option<f64>,
    /// The article whose note edit is already on the undo stack.
    undo_for: Option<i64>,
}

#[derive(Default)]
pub struct Annotating {
    /// Characters of the article's text selected in the reader.
    pub selection: Option<Range<usize>>,
    /// The reader's text box, as last drawn.
    pub text_id: Option<egui::Id>,
    /// Scroll the reader to this highlight once.
    pub scroll_to: Option<i64>,
    /// Comments as typed, by highlight.
    pub comment_drafts: HashMap<i64, String>,
    /// Put the keyboard in this highlight's comment field once (a new one).
    pub focus_comment: Option<i64>,
    pub note: NoteDraft,
    pub view: Option<AnnotationsView>,
    /// The colour the last highlight was made in.
    pub color: HighlightColor,
}

impl Annotating {
    /// A newly opened (or reloaded) article: drafts start from what is stored.
    pub fn article_loaded(&mut self, article: &Article, same_article: bool) {
        // A reload while the note is being typed keeps what was typed.
        if !same_article || self.note.edited_at.is_none() {
            self.note.text = article.note.clone().unwrap_or_default();
            self.note.edited_at = None;
        }
        let typed = std::mem::take(&mut self.comment_drafts);
        for h in &article.highlights {
            let stored = h.comment.clone().unwrap_or_default();
            // A comment being typed survives a reload caused by another change.
            let draft = typed
                .get(&h.id)
                .filter(|_| same_article)
                .cloned()
                .unwrap_or(stored);
            self.comment_drafts.insert(h.id, draft);
        }
        if !same_article {
            let has_note = article.note.as_deref().is_some_and(|n| !n.trim().is_empty());
            self.selection = None;
            self.note.editing = !has_note;
        }
    }

    /// Another article is opening: its note edits start a new undo entry.
    pub fn article_closing(&mut self) {
        self.note.undo_for = None;
    }

    /// Saves the note being typed (of the open article) now.
    pub fn save_note(&mut self, article: Option<i64>, out: &mut Outbox) {
        if let (Some(_), Some(id)) = (self.note.edited_at.take(), article) {
            out.send(Request::SetNote {
                id,
                text: self.note.text.clone(),
            });
        }
    }

    /// Saves the note once typing has paused; true while a save is due.
    pub fn note_tick(&mut self, now: f64, article: Option<i64>, out: &mut Outbox) -> bool {
        match self.note.edited_at {
            Some(edited) if now - edited > NOTE_SAVE_DELAY => {
                self.save_note(article, out);
                false
            }
            Some(_) => true,
            None => false,
        }
    }

    /// Saves a highlight's comment as typed, when it differs from the one stored.
    fn save_comment(&self, h: &Highlight, out: &mut Outbox) {
        let typed = self.comment_drafts.get(&h.id).cloned().unwrap_or_default();
        let typed = Some(typed.trim().to_string()).filter(|t| !t.is_empty());
        if typed != h.comment {
            out.remember(Undo::Highlight(Box::new(h.clone())));
            out.send(Request::UpdateHighlight {
                id: h.id,
                color: h.color,
                comment: typed,
            });
        }
    }

    /// Saves every comment typed on the article that is being left (another
    /// opened, the reader closed, the window quit): nothing typed is lost.
    pub fn save_comments(&self, article: Option<&Article>, out: &mut Outbox) {
        for h in article.map_or(&[][..], |a| &a.highlights) {
            self.save_comment(h, out);
        }
    }

    /// Undo put the open article's note back as it was.
    pub fn note_restored(&mut self, previous: &str) {
        self.note.text = previous.to_string();
        self.note.edited_at = None;
        self.note.undo_for = None;
    }

    pub fn apply(&mut self, action: AnnotateAction, article: Option<&Article>, out: &mut Outbox) {
        match action {
            AnnotateAction::Highlight { color, exact } => {
                self.highlight_selection(color, exact, article, out)
            }
            AnnotateAction::CommentTyped { id, text } => {
                self.comment_drafts.insert(id, text);
            }
            AnnotateAction::CommentFocused(id) => {
                if self.focus_comment == Some(id) {
                    self.focus_comment = None;
                }
            }
            AnnotateAction::GoTo {
                article_id,
                highlight,
            } => {
                self.scroll_to = highlight;
                if article.map(|a| a.id) != Some(article_id) {
                    out.then(Effect::Select(vec![article_id]));
                    out.then(Effect::Open(Some(article_id)));
                }
            }
            AnnotateAction::EditNote => self.note.editing = true,
            AnnotateAction::NoteTyped { text, at } => self.note_typed(text, at, article, out),
            AnnotateAction::DoneNote => {
                self.save_note(article.map(|a| a.id), out);
                self.note.editing = self.note.text.trim().is_empty();
            }
            AnnotateAction::ShowView => {
                self.view = Some(AnnotationsView::default());
                out.then(Effect::QueryAnnotations);
            }
            AnnotateAction::CloseView => self.view = None,
            AnnotateAction::Filter(filters) => {
                if let Some(view) = &mut self.view {
                    view.filters = filters;
                    out.then(Effect::QueryAnnotations);
                }
            }
            AnnotateAction::Export {
                whole_library,
                format,
            } => export(whole_library, format, article, out),
            AnnotateAction::TextDrawn {
                text_id,
                selection,
                scrolled_to,
            } => {
                self.text_id = Some(text_id);
                if let Some(selection) = selection {
                    self.selection = selection;
                }
                if scrolled_to.is_some() && scrolled_to == self.scroll_to {
                    self.scroll_to = None;
                }
            }
            action => self.change_highlight(action, article, out),
        }
    }

    fn highlight_selection(
        &mut self,
        color: HighlightColor,
        exact: bool,
        article: Option<&Article>,
        out: &mut Outbox,
    ) {
        let (Some(article), Some(mut range)) = (article, self.selection.clone()) else {
            out.say("Select a passage of the text to highlight first.");
            return;
        };
        if !exact {
            let (start, end) =
                crate::annotate::anchor::whole_words(&article.meta.body, range.start, range.end);
            range = start..end;
        }
        self.color = color;
        out.send(Request::AddHighlight {
            article_id: article.id,
            start: range.start,
            end: range.end,
            color,
        });
        self.selection = None;
    }

    fn note_typed(&mut self, text: String, at: f64, article: Option<&Article>, out: &mut Outbox) {
        self.note.text = text;
        self.note.edited_at = Some(at);
        if let Some(article) = article
            && self.note.undo_for != Some(article.id)
        {
            self.note.undo_for = Some(article.id);
            out.remember(Undo::Note {
                id: article.id,
                previous: article.note.clone().unwrap_or_default(),
            });
        }
    }

    /// Recolouring, commenting and removing one of the article's highlights.
    fn change_highlight(&mut self, action: AnnotateAction, article: Option<&Article>, out: &mut Outbox) {
        match action {
            AnnotateAction::SetColor { id, color } => {
                if let Some(h) = highlight(article, id) {
                    out.remember(Undo::Highlight(Box::new(h.clone())));
                    out.send(Request::UpdateHighlight {
                        id,
                        color,
                        comment: h.comment.clone(),
                    });
                }
            }
            AnnotateAction::SaveComment { id } => {
                if let Some(h) = highlight(article, id) {
                    self.save_comment(&h, out);
                }
            }
            AnnotateAction::Delete { id } => {
                if let Some(h) = highlight(article, id) {
                    out.remember(Undo::HighlightRemoved(Box::new(h.clone())));
                    out.send(Request::DeleteHighlight(id));
                }
            }
            _ => {}
        }
    }

    /// Asks the library for the annotations view's list, within the place
    /// the list shows (`browse_filter`).
    pub fn query(&mut self, browse_filter: Filter, out: &mut Outbox) {
        let Some(view) = &mut self.view else {
            return;
        };
        let wanted = &view.filters;
        let mut filter = browse_filter;
        filter.conditions.extend(
            [
                Condition::of_one(Condition::Tag, wanted.tag.as_ref()),
                Condition::of_one(Condition::Region, wanted.region.as_ref()),
                Condition::of_one(Condition::Topic, wanted.topic.as_ref()),
                wanted.year.map(|y| Condition::Published(DateTest::Year(y))),
            ]
            .into_iter()
            .flatten(),
        );
        view.asked += 1;
        out.send(Request::Annotations {
            query: AnnotationQuery {
                filter,
                color: wanted.color,
                text: wanted.text.clone(),
                limit: 500,
            },
            generation: view.asked,
        });
    }

    /// Takes in the library's answers about annotations.
    pub fn receive(&mut self, response: Response, out: &mut Outbox) {
        match response {
            Response::AnnotationsChanged(id) => {
                out.then(Effect::ReloadIf(id));
                out.then(Effect::QueryAnnotations);
            }
            Response::HighlightAdded(h) => {
                // Its comment field takes the keyboard, to write why.
                self.focus_comment = Some(h.id);
                out.then(Effect::ReloadIf(h.article_id));
                out.then(Effect::QueryAnnotations);
            }
            Response::Annotations { list, generation } => {
                if let Some(view) = &mut self.view
                    && generation >= view.shown
                {
                    view.shown = generation;
                    view.results = list;
                }
            }
            _ => {}
        }
    }
}

fn highlight(article: Option<&Article>, id: i64) -> Option<Highlight> {
    article?.highlights.iter().find(|h| h.id == id).cloned()
}

/// Asks where to write the annotations: the open article's, or the
/// whole library's.
fn export(whole_library: bool, format: AnnotationFormat, article: Option<&Article>, out: &mut Outbox) {
    let for_article = if whole_library {
        None
    } else {
        article.map(|a| a.id)
    };
    if !whole_library && for_article.is_none() {
        return;
    }
    let stem = match (article, whole_library) {
        (Some(a), false) => crate::export::file_name_for(a.title_or_untitled(), a.id, ""),
        _ => "annotations.".into(),
    };
    let name = format!("{stem}{}", format.extension());
    out.then(Effect::AskSavePath(
        name,
        PickedSave::Annotations {
            article: for_article,
            format,
        },
    ));
}
