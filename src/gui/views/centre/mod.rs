//! The centre: a welcome on an empty library, else the chosen facets as
//! chips, the timeline, the bar over the list and the list itself.

mod atlas;
mod bar;
mod table;

use crate::gui::action::{Action, Actions};
use crate::gui::state::atlas::{AtlasState, Picture};
use crate::gui::state::clipping::ClippingAction;
use crate::gui::state::import::ImportAction;
use crate::gui::state::list::{Browse, ListAction, ListState};
use crate::gui::widgets::{self, timeline};
use crate::model::Facet;

fn welcome(ui: &mut egui::Ui, actions: &mut Actions) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.2);
        ui.heading("Welcome to Folio");
        ui.add_space(8.0);
        ui.label("Folio keeps the articles and editorials you clip in one archive on this computer.");
        ui.label("It finds each piece's headline, date, publication, authors and region by itself,");
        ui.label("spots duplicates, and lets you browse, tag, annotate and search them.");
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 390.0).max(0.0) / 2.0);
            if ui.button("Import files…").on_hover_text("Ctrl+O").clicked() {
                actions.push(ImportAction::PickFiles);
            }
            if ui.button("Import folder…").clicked() {
                actions.push(ImportAction::PickFolder);
            }
            if ui
                .button("Paste a clipping")
                .on_hover_text("Ctrl+V: an article copied in the browser, read as Folio reads a saved page")
                .clicked()
            {
                actions.push(ClippingAction::Paste(None));
            }
        });
        ui.add_space(12.0);
        ui.weak(
            "…or drop files here: plain-text clippings, saved web pages, Markdown, a browser's bookmarks, \
             or an export of Pocket, Instapaper, Raindrop, Readwise, wallabag, Omnivore, Pinboard, Zotero, \
             Hypothesis or a Kindle.",
        );
    });
}

/// The facet values chosen, as chips to take back one by one, and a way
/// to take them all back.
fn chips(ui: &mut egui::Ui, list: &ListState, actions: &mut Actions) {
    let chosen = list.choice.chips();
    if chosen.is_empty() || list.browse == Browse::Trash {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for chip in chosen {
            let shown = match chip.facet {
                Facet::Language => widgets::language_name(&chip.value),
                Facet::Kind => widgets::capitalised(&chip.value),
                _ => chip.value.clone(),
            };
            let text = format!("{}: {shown}  ×", chip.facet.label());
            if ui
                .button(text)
                .on_hover_text(format!(
                    "Stop filtering by this {}",
                    chip.facet.label().to_lowercase()
                ))
                .clicked()
            {
                actions.push(ListAction::ToggleFacet(chip.facet, chip.value.clone()));
            }
        }
        if ui
            .small_button("Clear all")
            .on_hover_text("Show the whole library again")
            .clicked()
        {
            actions.push(ListAction::ClearFacets);
        }
    });
    ui.add_space(2.0);
}

/// The timeline strip over the list, outside the trash.
fn timeline_strip(ui: &mut egui::Ui, list: &ListState, actions: &mut Actions) {
    if list.browse == Browse::Trash || list.facets.months.len() < 2 {
        return;
    }
    let chosen = list.choice.values(Facet::Date);
    match timeline::show(ui, &list.facets.months, &chosen) {
        Some(timeline::DatePick::Month(month)) => actions.push(ListAction::ToggleFacet(Facet::Date, month)),
        Some(timeline::DatePick::Range(from, to)) => actions.push(ListAction::SetDateRange(from, to)),
        None => {}
    }
}

/// What an empty list says.
fn nothing_here(ui: &mut egui::Ui, list: &ListState) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.weak(match list.browse {
            Browse::Trash => "The trash is empty.",
            Browse::Recent => "Nothing was imported in the last seven days.",
            _ if !list.search.trim().is_empty() => "No articles match the search.",
            _ => "No articles here.",
        });
    });
}

/// `pictures`: whether the list, the map or the trends chart is shown;
/// `importing`: an import is running; `compact`: the reader is open beside
/// the list; `open`: the article open in it.
pub fn show(
    ui: &mut egui::Ui,
    list: &ListState,
    pictures: &AtlasState,
    importing: bool,
    (compact, open): (bool, Option<i64>),
) -> Vec<Action> {
    let mut actions = Actions::default();
    egui::CentralPanel::default().show(ui, |ui| {
        let empty_library = list.loaded && list.facets.all == 0 && list.facets.trash == 0;
        if empty_library && !importing && pictures.picture == Picture::List {
            welcome(ui, &mut actions);
            return;
        }
        chips(ui, list, &mut actions);
        atlas::picture_switch(ui, pictures, &mut actions);
        match pictures.picture {
            Picture::List => {}
            Picture::Map => return atlas::map(ui, pictures, &mut actions),
            Picture::Trends => return atlas::trends(ui, list, pictures, &mut actions),
        }
        timeline_strip(ui, list, &mut actions);
        bar::list_bar(ui, list, &mut actions);
        if list.loaded && list.rows.is_empty() {
            nothing_here(ui, list);
            return;
        }
        table::table(ui, list, compact, open, &mut actions);
    });
    actions.0
}
