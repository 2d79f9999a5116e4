//! The pictures of the list in the centre: the switch between the list,
//! the map and the trends chart, and the two pictures, whose clicks
//! choose a facet value as the sidebar does.

use crate::gui::action::Actions;
use crate::gui::state::atlas::{AtlasAction, AtlasState, Picture};
use crate::gui::state::list::{ListAction, ListState};
use crate::gui::widgets::{atlas, trends};
use crate::library::TrendSplit;
use crate::model::Facet;

/// List | Map | Trends, and for the chart what it stacks by.
pub(super) fn picture_switch(ui: &mut egui::Ui, pictures: &AtlasState, actions: &mut Actions) {
    // Wrapped: beside the reader the centre can be narrower than the row,
    // and a row wider than it would widen the legend and chart below too,
    // under the reader.
    ui.horizontal_wrapped(|ui| {
        for picture in Picture::ALL {
            if ui
                .selectable_label(pictures.picture == picture, picture.label())
                .clicked()
            {
                actions.push(AtlasAction::Show(picture));
            }
        }
        if pictures.picture == Picture::Trends {
            ui.separator();
            ui.weak("By");
            for split in TrendSplit::ALL {
                if ui
                    .selectable_label(pictures.split == split, split.label())
                    .on_hover_text(format!("Stack the months by {}", split.label().to_lowercase()))
                    .clicked()
                {
                    actions.push(AtlasAction::Split(split));
                }
            }
        }
        if !pictures.current && pictures.picture != Picture::List {
            ui.spinner();
        }
    });
}

/// The map of the list's articles; a click on a country chooses it.
pub(super) fn map(ui: &mut egui::Ui, pictures: &AtlasState, actions: &mut Actions) {
    if let Some(country) = atlas::show(ui, &pictures.countries, pictures.counts_version) {
        actions.push(ListAction::ToggleFacet(Facet::Region, country));
    }
}

/// The trends chart; a click on a band chooses its value.
pub(super) fn trends(ui: &mut egui::Ui, list: &ListState, pictures: &AtlasState, actions: &mut Actions) {
    let facet = match pictures.split {
        TrendSplit::Region => Facet::Region,
        TrendSplit::Topic => Facet::Topic,
        TrendSplit::Source => Facet::Source,
    };
    let what = pictures.split.label().to_lowercase();
    if let Some(value) = trends::show(ui, &pictures.trends, &what)
        && !list.choice.contains(facet, &value)
    {
        actions.push(ListAction::ToggleFacet(facet, value));
    }
}
