//! The left sidebar: the library's places (all, recent, trash), the
//! annotations and Stories views and the saved searches, then the facets — state
//! (starred, unread, archived), date (year
//! → month → day), region, topic, source, tag, kind and language — each
//! value with the count the current choice leaves it.

mod dates;
pub(super) mod parts;
mod tags;
mod topics;

use crate::gui::action::{Action, Actions};
use crate::gui::state::annotating::AnnotateAction;
use crate::gui::state::atlas::{AtlasAction, Picture};
use crate::gui::state::list::{Browse, ListAction, ListState};
use crate::gui::state::stories::StoriesAction;
use crate::gui::state::tags::TagEdits;
use crate::gui::widgets::{capitalised, language_name};
use crate::model::Facet;
use parts::{entry, group};

/// Searches the user named: click to run again, right-click to delete.
fn saved_searches(ui: &mut egui::Ui, list: &ListState, actions: &mut Actions) {
    let saved = &list.facets.saved_searches;
    if saved.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Saved searches")
        .default_open(true)
        .show(ui, |ui| {
            for search in saved {
                let active = list.search == search.query;
                let response = ui
                    .add(egui::Button::selectable(active, search.name.as_str()).truncate())
                    .on_hover_text(format!("{}  (right-click to delete)", search.query));
                if response.clicked() {
                    actions.push(ListAction::RunSavedSearch(search.clone()));
                }
                response.context_menu(|ui| {
                    if ui.button("Delete saved search").clicked() {
                        actions.push(ListAction::DeleteSavedSearch(search.id));
                    }
                });
            }
        });
}

/// The library's places, the annotations view, and the saved searches.
fn places(
    ui: &mut egui::Ui,
    list: &ListState,
    (viewing_annotations, viewing_stories, picture): (bool, bool, Picture),
    actions: &mut Actions,
) {
    // While the annotations or the Stories view is open, no place in the
    // list is shown.
    let current = (!viewing_annotations && !viewing_stories).then_some(&list.browse);
    ui.strong("Library");
    // With facet values chosen, the list is no longer "all".
    let whole = list.choice.is_empty();
    let facets = &list.facets;
    actions.0.extend(entry(
        ui,
        current.filter(|_| whole),
        Browse::All,
        "All articles",
        Some(facets.all),
    ));
    actions
        .0
        .extend(entry(ui, current, Browse::Recent, "Recently imported", None));
    actions
        .0
        .extend(entry(ui, current, Browse::Trash, "Trash", Some(facets.trash)));
    // The views of the whole library share a row, and the pictures of the
    // list another: the sidebar's facets stay where they were.
    let viewing = viewing_annotations || viewing_stories;
    ui.horizontal(|ui| {
        let annotations = "Every highlight and note in the library";
        if view_entry(ui, viewing_annotations, "Annotations", annotations) {
            actions.push(if viewing_annotations {
                AnnotateAction::CloseView
            } else {
                AnnotateAction::ShowView
            });
        }
        let stories = "Events several papers wrote about, each a thread of their articles";
        if view_entry(ui, viewing_stories, "Stories", stories) {
            actions.push(if viewing_stories {
                StoriesAction::CloseView
            } else {
                StoriesAction::ShowView
            });
        }
    });
    ui.horizontal(|ui| pictures(ui, viewing, picture, actions));
    saved_searches(ui, list, actions);
}

/// A view over the list (the annotations, the stories) among the places:
/// whether it was clicked (to open it, or close it when `open`).
fn view_entry(ui: &mut egui::Ui, open: bool, name: &str, hover: &str) -> bool {
    ui.add(egui::Button::selectable(open, name))
        .on_hover_text(hover)
        .clicked()
}

/// The map and the trends chart of what the list shows (the switch over
/// the list leads to them too), beside the views of the whole library.
fn pictures(ui: &mut egui::Ui, viewing: bool, picture: Picture, actions: &mut Actions) {
    for (shown, label, hint) in [
        (
            Picture::Map,
            "Atlas",
            "A map of the countries the articles concern",
        ),
        (
            Picture::Trends,
            "Trends",
            "Articles per month, by region, topic or source",
        ),
    ] {
        let on = picture == shown && !viewing;
        if ui
            .add(egui::Button::selectable(on, label))
            .on_hover_text(hint)
            .clicked()
        {
            actions.push(AtlasAction::Show(if on { Picture::List } else { shown }));
        }
    }
}

/// The facets, each a group of values with their counts.
fn facets(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits, actions: &mut Actions) {
    // An empty library has nothing to browse by (not even topics to file
    // under): the welcome beside it says how to begin.
    if list.loaded && list.facets.all == 0 && list.facets.trash == 0 {
        return;
    }
    let choice = &list.choice;
    let facets = &list.facets;
    group(
        ui,
        choice,
        "State",
        Facet::State,
        &facets.states,
        str::to_string,
        actions,
    );
    dates::dates(ui, choice, (&facets.years, &facets.months, &facets.days), actions);
    dates::regions(ui, choice, facets, actions);
    topics::topics(ui, choice, &facets.topics, edits.topic_edit.as_ref(), actions);
    group(
        ui,
        choice,
        "Sources",
        Facet::Source,
        &facets.sources,
        str::to_string,
        actions,
    );
    tags::tags(ui, edits, choice, (&facets.tags, &facets.tag_colors), actions);
    group(
        ui,
        choice,
        "Kind",
        Facet::Kind,
        &facets.kinds,
        capitalised,
        actions,
    );
    group(
        ui,
        choice,
        "Language",
        Facet::Language,
        &facets.languages,
        language_name,
        actions,
    );
}

/// `showing`: whether the annotations view and the Stories view are open,
/// and the picture of the list shown.
pub fn show(
    ui: &mut egui::Ui,
    list: &ListState,
    edits: &TagEdits,
    showing: (bool, bool, Picture),
) -> Vec<Action> {
    let mut actions = Actions::default();
    egui::Panel::left("sidebar")
        .resizable(true)
        .default_size(250.0)
        .min_size(200.0)
        .show(ui, |ui| {
            let rect = ui.max_rect();
            ui.data_mut(|d| d.insert_temp(parts::sidebar_rect_key(), rect));
            // Not shrunk to its content: the panel keeps the width it was given.
            egui::ScrollArea::vertical()
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    ui.add_space(6.0);
                    places(ui, list, showing, &mut actions);
                    ui.add_space(6.0);
                    facets(ui, list, edits, &mut actions);
                });
        });
    actions.0
}
