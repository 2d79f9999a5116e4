//! The list: which part of the library it shows (the place, the facet
//! values chosen, the search, the sort, "more like this"), its rows as they
//! arrive, the sidebar's counts that come with them, and which rows are
//! selected. Its actions say which listing to ask the library for.

use super::outbox::{Effect, Outbox};
use crate::export::ExportFormat;
use crate::gui::list_model::ListModel;
use crate::gui::picker::PickedSave;
use crate::gui::selection::{ClickMode, Selection};
use crate::gui::undo::Undo;
use crate::gui::worker::Request;
use crate::library::{Facets, Filter, SavedSearch};
use crate::model::{ArticleSummary, Facet, FacetChoice, FoundIn, Sort, SortKey};

/// Which part of the library the list shows: the library's own places.
pub use crate::library::Place as Browse;

/// What the user asks of the list.
#[derive(Debug, Clone, PartialEq)]
pub enum ListAction {
    Browse(Browse),
    /// Choose a facet's value, or take it back (a chip's ×).
    ToggleFacet(Facet, String),
    /// Take back every facet value chosen.
    ClearFacets,
    /// Narrow the dates to these months (`YYYY-MM`), dragged over the timeline.
    SetDateRange(String, String),
    Search(String),
    Sort(SortKey),
    Click(i64, ClickMode),
    /// Arrow keys: move the cursor by rows; `true` extends the selection.
    Step(isize, bool),
    /// These rows (first, last) were drawn: fetch the text they lack.
    Shown(usize, usize),
    /// The list was scrolled to the cursor on this row.
    CursorShown(Option<i64>),
    /// The list was drawn from its top, as a new result set asked.
    TopShown,
    /// Every row of the list (Ctrl+A).
    SelectAll,
    /// Open the name field for saving the search.
    StartSaveSearch,
    SaveSearchTyped(String),
    CancelSaveSearch,
    SaveSearch(String),
    RunSavedSearch(SavedSearch),
    DeleteSavedSearch(i64),
    /// List the articles most like this one (id, title).
    MoreLikeThis(i64, String),
    ClearMoreLikeThis,
    /// List only the articles of this story thread (id, title).
    ShowThread(i64, String),
    /// Back from a thread to the list it was opened from.
    ClearThread,
    /// The selected rows, or the open article when none is selected.
    TrashSelected,
    RestoreSelected,
    /// Star the selected rows (or the open article), or take their stars
    /// away: `None` stars them unless every one is starred (Ctrl+D).
    StarSelected(Option<bool>),
    /// Export the selection, or the list, in this format.
    Export(ExportFormat),
}

pub struct ListState {
    pub browse: Browse,
    pub sort: Sort,
    /// The facet values chosen in the sidebar, shown as chips over the list.
    pub choice: FacetChoice,
    pub search: String,
    /// Every id in order, row text by page.
    pub rows: ListModel,
    /// Listings asked for, and the newest shown: while they differ, the
    /// list is about to change.
    asked: u64,
    shown: u64,
    /// The newest listing asked for with the sidebar's counts.
    counts_asked: u64,
    pub total: usize,
    pub facets: Facets,
    /// False until the first listing arrives: nothing is known yet.
    pub loaded: bool,
    pub selection: Selection,
    /// The list shows the articles most like this one (id, title).
    pub similar_to: Option<(i64, String)>,
    /// The list shows only this story thread's articles (id, title).
    pub thread: Option<(i64, String)>,
    /// The cursor moved by keyboard: scroll the list to it once.
    pub scroll_to_cursor: bool,
    /// A new result set arrived without the selected row in it: show it
    /// from its top once.
    pub scroll_to_top: bool,
    /// The listing that brings a new result set (a facet, a search, a
    /// sort, a place), once asked: the same results fetched again after an
    /// edit keep their place instead.
    new_results_at: Option<u64>,
    /// The name typed for the search being saved, while the field is open.
    pub saving_search: Option<String>,
    /// Set once when text in a script no installed font covers was seen.
    pub missing_font_notice: Option<String>,
    font_checked: bool,
}

impl ListState {
    pub fn new(browse: Browse, sort: Sort, choice: FacetChoice) -> ListState {
        ListState {
            browse,
            sort,
            choice,
            search: String::new(),
            rows: ListModel::default(),
            asked: 0,
            shown: 0,
            counts_asked: 0,
            total: 0,
            facets: Facets::default(),
            loaded: false,
            selection: Selection::default(),
            similar_to: None,
            thread: None,
            scroll_to_cursor: false,
            scroll_to_top: false,
            new_results_at: None,
            saving_search: None,
            missing_font_notice: None,
            font_checked: false,
        }
    }

    /// How many listings were asked for: changes whenever what the list
    /// shows may have (the pictures of the list follow it).
    pub fn listings_asked(&self) -> u64 {
        self.asked
    }

    /// A listing was asked for and has not arrived yet.
    pub fn is_loading(&self) -> bool {
        self.shown < self.asked
    }

    /// The library's filter for the place browsed and the facets chosen.
    pub fn filter(&self) -> Filter {
        self.browse.filter(&self.choice, self.sort)
    }

    /// Asks for the list again, with the sidebar's counts.
    pub fn refresh(&mut self, out: &mut Outbox) {
        self.asked += 1;
        let generation = self.asked;
        self.counts_asked = generation;
        if let Some((id, _)) = &self.similar_to {
            out.send(Request::Similar { id: *id, generation });
            return;
        }
        if let Some((thread, _)) = &self.thread {
            out.send(Request::StoryListing {
                thread: *thread,
                generation,
            });
            return;
        }
        out.send(Request::Refresh {
            filter: self.filter(),
            search: self.search.clone(),
            counts: true,
            generation,
        });
    }

    /// The same place in another order or with other search words: the
    /// sidebar's counts cannot have changed.
    fn refresh_list_only(&mut self, out: &mut Outbox) {
        if self.similar_to.is_some() || self.thread.is_some() {
            return self.refresh(out);
        }
        self.asked += 1;
        out.send(Request::Refresh {
            filter: self.filter(),
            search: self.search.clone(),
            counts: false,
            generation: self.asked,
        });
    }

    /// The selected rows, or the open article when nothing is selected.
    fn selected_or(&self, open: Option<i64>) -> Vec<i64> {
        if self.selection.is_empty() {
            open.into_iter().collect()
        } else {
            self.selection.ids()
        }
    }

    /// Applies one of the list's actions; `open` is the article in the reader.
    pub fn apply(&mut self, action: ListAction, open: Option<i64>, out: &mut Outbox) {
        match action {
            ListAction::Browse(browse) => self.browse_to(browse, out),
            ListAction::ToggleFacet(facet, value) => {
                self.similar_to = None;
                self.thread = None;
                out.then(Effect::CloseAnnotations);
                if self.browse == Browse::Trash {
                    self.browse = Browse::All;
                }
                self.choice.toggle(facet, &value);
                self.selection.clear();
                self.refresh(out);
                self.new_results();
            }
            ListAction::SetDateRange(from, to) => {
                self.choice.set_months(&from, &to);
                self.selection.clear();
                self.refresh(out);
                self.new_results();
            }
            ListAction::ClearFacets => {
                self.choice = FacetChoice::default();
                self.selection.clear();
                self.refresh(out);
                self.new_results();
            }
            ListAction::Search(text) => {
                self.similar_to = None;
                self.thread = None;
                out.then(Effect::SearchChanged);
                self.search = text;
                // The counts follow the search.
                self.refresh(out);
                self.new_results();
            }
            ListAction::Sort(key) => self.sort_by(key, out),
            ListAction::Click(id, mode) => {
                self.selection.click(id, mode, self.rows.ids());
                out.then(Effect::Open(self.selection.cursor()));
            }
            ListAction::Step(delta, extend) => {
                self.selection.step(delta, extend, self.rows.ids());
                self.scroll_to_cursor = true;
                out.then(Effect::Open(self.selection.cursor()));
            }
            ListAction::Shown(first, last) => {
                let wanted = self.rows.rows_to_fetch(first..last + 1);
                if !wanted.is_empty() {
                    out.send(Request::Rows(wanted));
                }
            }
            ListAction::TopShown => self.scroll_to_top = false,
            ListAction::SelectAll => self.selection.select_all(self.rows.ids()),
            ListAction::CursorShown(cursor) => {
                if cursor == self.selection.cursor() {
                    self.scroll_to_cursor = false;
                }
            }
            ListAction::TrashSelected | ListAction::RestoreSelected => {
                self.trash_or_restore(action == ListAction::TrashSelected, open, out)
            }
            ListAction::StarSelected(star) => self.star(star, open, out),
            ListAction::Export(format) => self.export(format, out),
            action => self.apply_search(action, out),
        }
    }

    /// Saved searches, "more like this", and the search name field.
    fn apply_search(&mut self, action: ListAction, out: &mut Outbox) {
        match action {
            ListAction::StartSaveSearch => self.saving_search = Some(String::new()),
            ListAction::SaveSearchTyped(name) => self.saving_search = Some(name),
            ListAction::CancelSaveSearch => self.saving_search = None,
            ListAction::SaveSearch(name) => {
                let name = name.trim().to_string();
                if !name.is_empty() && !self.search.trim().is_empty() {
                    out.send(Request::SaveSearch {
                        name,
                        query: self.search.clone(),
                        place: self.browse,
                    });
                    self.saving_search = None;
                }
            }
            ListAction::RunSavedSearch(saved) => {
                self.similar_to = None;
                self.thread = None;
                self.selection.clear();
                out.then(Effect::Open(None));
                self.browse = saved.place;
                self.search = saved.query;
                self.refresh(out);
                self.new_results();
            }
            ListAction::DeleteSavedSearch(id) => out.send(Request::DeleteSavedSearch(id)),
            ListAction::MoreLikeThis(id, title) => {
                self.thread = None;
                self.similar_to = Some((id, title));
                self.selection.clear();
                self.refresh(out);
                self.new_results();
            }
            ListAction::ClearMoreLikeThis => {
                self.similar_to = None;
                self.thread = None;
                self.refresh(out);
                self.new_results();
            }
            ListAction::ShowThread(id, title) => {
                self.similar_to = None;
                self.thread = Some((id, title));
                self.selection.clear();
                self.refresh(out);
                self.new_results();
            }
            ListAction::ClearThread => {
                self.thread = None;
                self.refresh(out);
                self.new_results();
            }
            _ => {}
        }
    }

    fn browse_to(&mut self, browse: Browse, out: &mut Outbox) {
        self.similar_to = None;
        self.thread = None;
        out.then(Effect::CloseAnnotations);
        // A new place in the library starts with nothing open, as a mail
        // client does when another folder is chosen.
        if browse != self.browse {
            self.selection.clear();
            out.then(Effect::Open(None));
        }
        // "All articles" is the way back to the whole library.
        if browse == Browse::All {
            self.choice = FacetChoice::default();
        }
        self.browse = browse;
        self.refresh(out);
        self.new_results();
    }

    fn sort_by(&mut self, key: SortKey, out: &mut Outbox) {
        if self.sort.key == key {
            self.sort.descending = !self.sort.descending;
        } else {
            // Dates read best newest first; names alphabetically.
            self.sort = Sort {
                key,
                descending: matches!(key, SortKey::Published | SortKey::Imported),
            };
        }
        self.refresh_list_only(out);
        self.new_results();
    }

    fn trash_or_restore(&mut self, trash: bool, open: Option<i64>, out: &mut Outbox) {
        let ids = self.selected_or(open);
        if ids.is_empty() {
            return;
        }
        out.then(Effect::SaveNote);
        // The row after the ones that go takes their place, as in a mail
        // client: the reader stays open on it when one was open.
        let next = self.row_after(&ids);
        self.selection.clear();
        if let Some(next) = next {
            out.then(Effect::Select(vec![next]));
        }
        out.then(Effect::Open(next.filter(|_| open.is_some())));
        let what = crate::gui::widgets::articles(ids.len());
        if trash {
            out.say(format!("Moved {what} to the Trash (Ctrl+Z brings them back)"));
            out.remember(Undo::Trashed(ids.clone()));
            out.send(Request::Trash(ids));
        } else {
            out.say(format!("Restored {what} from the Trash"));
            out.remember(Undo::Restored(ids.clone()));
            out.send(Request::Restore(ids));
        }
    }

    /// Stars the selected rows, or the open article, or takes their stars
    /// away. Asked to toggle, it stars unless every one is starred, as a
    /// mail client flags a mixed selection. The rows show the change at
    /// once; the library follows.
    fn star(&mut self, star: Option<bool>, open: Option<i64>, out: &mut Outbox) {
        let ids = self.selected_or(open);
        if ids.is_empty() {
            return;
        }
        let starred = |id: &i64| self.rows.summary(*id).is_some_and(|row| row.starred);
        let star = star.unwrap_or_else(|| !ids.iter().all(starred));
        // The undo gives back what each had: those already so stay so.
        let changing: Vec<i64> = ids.iter().copied().filter(|id| starred(id) != star).collect();
        self.rows.set_starred(&ids, star);
        let what = crate::gui::widgets::articles(ids.len());
        out.say(if star {
            format!("Starred {what}")
        } else {
            format!("Took the star off {what}")
        });
        out.remember(Undo::Starred {
            ids: changing,
            starred: star,
        });
        out.send(Request::Star { ids, starred: star });
    }

    /// The first row below the last of `going` that is not going itself, or
    /// failing that the nearest above.
    fn row_after(&self, going: &[i64]) -> Option<i64> {
        let order = self.rows.ids();
        let last = order.iter().rposition(|id| going.contains(id))?;
        let staying = |id: &&i64| !going.contains(id);
        order[last..]
            .iter()
            .find(staying)
            .or_else(|| order[..last].iter().rev().find(staying))
            .copied()
    }

    /// Exports the selected articles, or, with none selected, the list as
    /// it stands (the place browsed, the search typed).
    fn export(&mut self, format: ExportFormat, out: &mut Outbox) {
        let ids: Vec<i64> = if self.selection.is_empty() {
            self.rows.ids().to_vec()
        } else {
            let selection = &self.selection;
            self.rows
                .ids()
                .iter()
                .copied()
                .filter(|id| selection.contains(*id))
                .collect()
        };
        if ids.is_empty() {
            out.say("There is nothing in the list to export.");
            return;
        }
        out.then(Effect::AskSavePath(
            format.file_name(),
            PickedSave::Articles { ids, format },
        ));
    }

    /// The listing just asked for is a new result set.
    fn new_results(&mut self) {
        self.new_results_at = Some(self.asked);
    }

    /// A listing arrived from the library.
    pub fn listed(&mut self, listing: Listing, ctx: &egui::Context) {
        self.shown = self.shown.max(listing.generation);
        let new_results = self
            .new_results_at
            .is_some_and(|asked| listing.generation >= asked);
        self.total = listing.ids.len();
        self.rows.replace(listing.ids, listing.rows);
        self.rows.set_snippets(listing.snippets);
        if let Some(facets) = listing.facets {
            self.facets = *facets;
        }
        self.loaded = true;
        self.selection.retain_visible(self.rows.ids());
        if new_results {
            self.new_results_at = None;
            // The selected row, when it is among the new results, stays in
            // view; otherwise they are read from the top.
            match self.selection.cursor().and_then(|id| self.rows.position(id)) {
                Some(_) => self.scroll_to_cursor = true,
                None => self.scroll_to_top = true,
            }
        }
        self.check_fonts(ctx);
    }

    /// The counts under a search arrived after its results: kept when they
    /// are for the listing shown (the user has not searched on since).
    pub fn counted(&mut self, facets: Facets, generation: u64) {
        if generation == self.counts_asked {
            self.facets = facets;
        }
    }

    /// A request failed: no listing is on its way for it.
    pub fn failed(&mut self) {
        self.shown = self.asked;
    }

    /// Articles just imported: the recent ones, these selected.
    pub fn show_imported(&mut self, new: &[i64]) {
        self.browse = Browse::Recent;
        self.selection.set(new);
    }

    /// A tag was renamed: a chosen tag stays chosen under its new name.
    pub fn tag_renamed(&mut self, old: &str, new: &str) {
        self.choice.rename(Facet::Tag, old, new.trim());
    }

    pub fn tag_deleted(&mut self, name: &str) {
        self.choice.remove(Facet::Tag, name);
    }

    /// When a listing arrives, once CJK text first appears in it: can any
    /// installed font draw it?
    fn check_fonts(&mut self, ctx: &egui::Context) {
        if self.font_checked {
            return;
        }
        let sample = self
            .rows
            .titles()
            .iter()
            .flat_map(|t| t.chars())
            .find(|c| crate::model::script::is_cjk(*c));
        if let Some(c) = sample {
            self.font_checked = true;
            let drawable = ctx.fonts_mut(|f| f.has_glyph(&egui::FontId::proportional(14.0), c));
            if !drawable {
                self.missing_font_notice = Some(
                    "Some titles use Chinese, Japanese or Korean characters, but no font for them is \
                     installed. Install one (for example the Noto CJK fonts: fonts-noto-cjk) and restart Folio."
                        .to_string(),
                );
            }
        }
    }
}

/// A listing as the library thread sends it.
pub struct Listing {
    pub ids: Vec<i64>,
    pub rows: Vec<ArticleSummary>,
    pub snippets: Vec<(i64, String, FoundIn)>,
    pub facets: Option<Box<Facets>>,
    pub generation: u64,
}
