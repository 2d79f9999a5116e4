//! The window's annotation state: the passage selected in the reader, the
//! comments being typed, the note's editor, and the library-wide
//! annotations view; and what the annotation actions do.

use super::app::{FolioApp, PickedSave};
use super::undo::Undo;
use super::worker::Request;
use crate::library::{Annotation, AnnotationQuery, Condition, DateTest};
use crate::model::Highlight;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub enum AnnotateAction {
    /// Highlight the passage selected in the reader, in this colour.
    Highlight {
        color: String,
    },
    SetColor {
        id: i64,
        color: String,
    },
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
    DoneNote,
    ShowView,
    CloseView,
    /// The view's filters changed.
    Requery,
    /// Ask where to save, then write Markdown or Web Annotation JSON: the
    /// open article's annotations, or the whole library's.
    Export {
        whole_library: bool,
        json: bool,
    },
}

/// The library-wide view of highlights and notes, with its filters.
#[derive(Debug, Default)]
pub struct AnnotationsView {
    pub text: String,
    pub color: Option<String>,
    pub tag: Option<String>,
    pub region: Option<String>,
    pub topic: Option<String>,
    pub year: Option<i32>,
    pub results: Vec<Annotation>,
    asked: u64,
    shown: u64,
}

impl AnnotationsView {
    pub fn is_loading(&self) -> bool {
        self.asked != self.shown
    }
}

/// The reader's text as last laid out for painting, and what it was made
/// from (a hash of the article, highlights, searched words and style).
#[derive(Clone)]
pub struct ReadingText {
    pub key: u64,
    pub job: egui::text::LayoutJob,
    pub matches: Vec<Range<usize>>,
}

pub struct Annotating {
    /// The reader's text as painted, kept between frames.
    pub reading: Option<ReadingText>,
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
    /// The note shows its editor rather than its rendering.
    pub note_editing: bool,
    pub markdown: egui_commonmark::CommonMarkCache,
    pub view: Option<AnnotationsView>,
    /// The colour the last highlight was made in.
    pub color: String,
}

impl Default for Annotating {
    fn default() -> Self {
        Annotating {
            reading: None,
            selection: None,
            text_id: None,
            scroll_to: None,
            comment_drafts: HashMap::new(),
            focus_comment: None,
            note_editing: false,
            markdown: Default::default(),
            view: None,
            color: "yellow".into(),
        }
    }
}

impl Annotating {
    /// A newly opened (or reloaded) article: drafts start from what is stored.
    pub fn article_loaded(&mut self, highlights: &[Highlight], same_article: bool, has_note: bool) {
        let typed = std::mem::take(&mut self.comment_drafts);
        for h in highlights {
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
            self.selection = None;
            self.note_editing = !has_note;
        }
    }
}

impl FolioApp {
    pub(super) fn annotate(&mut self, action: AnnotateAction) {
        match action {
            AnnotateAction::Highlight { color } => {
                let (Some(article), Some(range)) = (&self.article, self.annotating.selection.clone()) else {
                    self.status = Some("Select a passage of the text to highlight first.".into());
                    return;
                };
                self.annotating.color = color.clone();
                self.worker.send(Request::AddHighlight {
                    article_id: article.id,
                    start: range.start,
                    end: range.end,
                    color,
                });
                self.annotating.selection = None;
            }
            AnnotateAction::SetColor { id, color } => {
                if let Some(h) = self.highlight(id) {
                    self.push_undo(Undo::Highlight(Box::new(h.clone())));
                    self.worker.send(Request::UpdateHighlight {
                        id,
                        color,
                        comment: h.comment.clone(),
                    });
                }
            }
            AnnotateAction::SaveComment { id } => {
                let Some(h) = self.highlight(id) else {
                    return;
                };
                let typed = self
                    .annotating
                    .comment_drafts
                    .get(&id)
                    .cloned()
                    .unwrap_or_default();
                let typed = Some(typed.trim().to_string()).filter(|t| !t.is_empty());
                if typed != h.comment {
                    self.push_undo(Undo::Highlight(Box::new(h.clone())));
                    self.worker.send(Request::UpdateHighlight {
                        id,
                        color: h.color.clone(),
                        comment: typed,
                    });
                }
            }
            AnnotateAction::Delete { id } => {
                if let Some(h) = self.highlight(id) {
                    self.push_undo(Undo::HighlightRemoved(Box::new(h.clone())));
                    self.worker.send(Request::DeleteHighlight(id));
                }
            }
            AnnotateAction::GoTo {
                article_id,
                highlight,
            } => {
                self.annotating.scroll_to = highlight;
                if self.article.as_ref().map(|a| a.id) != Some(article_id) {
                    self.selection.set(&[article_id]);
                    self.open(Some(article_id));
                }
            }
            AnnotateAction::EditNote => self.annotating.note_editing = true,
            AnnotateAction::DoneNote => {
                self.save_note_now();
                self.annotating.note_editing = self.note_draft.trim().is_empty();
            }
            AnnotateAction::ShowView => {
                self.annotating.view = Some(AnnotationsView::default());
                self.query_annotations();
            }
            AnnotateAction::CloseView => self.annotating.view = None,
            AnnotateAction::Requery => self.query_annotations(),
            AnnotateAction::Export { whole_library, json } => {
                let article = if whole_library {
                    None
                } else {
                    self.article.as_ref().map(|a| a.id)
                };
                if !whole_library && article.is_none() {
                    return;
                }
                let stem = match (&self.article, whole_library) {
                    (Some(a), false) => crate::export::file_name_for(a.title_or_untitled(), a.id, ""),
                    _ => "annotations.".into(),
                };
                let name = format!("{}{}", stem, if json { "json" } else { "md" });
                self.ask_save_path(name, PickedSave::Annotations { article, json });
            }
        }
    }

    fn highlight(&self, id: i64) -> Option<Highlight> {
        self.article
            .as_ref()?
            .highlights
            .iter()
            .find(|h| h.id == id)
            .cloned()
    }

    /// Asks the library for the annotations view's list.
    pub(super) fn query_annotations(&mut self) {
        let browse_filter = self.filter();
        let Some(view) = &mut self.annotating.view else {
            return;
        };
        let mut filter = browse_filter;
        filter.conditions.extend(
            [
                Condition::of_one(Condition::Tag, view.tag.as_ref()),
                Condition::of_one(Condition::Region, view.region.as_ref()),
                Condition::of_one(Condition::Topic, view.topic.as_ref()),
                view.year.map(|y| Condition::Published(DateTest::Year(y))),
            ]
            .into_iter()
            .flatten(),
        );
        view.asked += 1;
        self.worker.send(Request::Annotations {
            query: AnnotationQuery {
                filter,
                color: view.color.clone(),
                text: view.text.clone(),
                limit: 500,
            },
            generation: view.asked,
        });
    }

    pub(super) fn annotations_arrived(&mut self, list: Vec<Annotation>, generation: u64) {
        if let Some(view) = &mut self.annotating.view
            && generation >= view.shown
        {
            view.shown = generation;
            view.results = list;
        }
    }
}
