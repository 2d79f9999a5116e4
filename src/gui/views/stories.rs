//! The Stories view: the threads of articles from several papers on the
//! same event, biggest and newest first, each with its size, its span of
//! dates, its papers and regions; a click lists its articles.

use crate::gui::action::{Action, Actions};
use crate::gui::state::list::ListAction;
use crate::gui::state::stories::{StoriesAction, StoriesView};
use crate::model::StorySummary;
use egui_extras::{Column, TableBuilder};

/// "2018-06-11 – 2018-06-14", or the one day.
fn span(thread: &StorySummary) -> String {
    match (&thread.first, &thread.last) {
        (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
        (Some(day), _) | (None, Some(day)) => day.clone(),
        (None, None) => String::new(),
    }
}

/// The names, the first few of them and how many more.
fn names(all: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = all.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if all.len() > SHOWN {
        text.push_str(&format!(" and {} more", all.len() - SHOWN));
    }
    text
}

/// "The Tokyo Daily, Seoul Herald  ·  East Asia & Pacific": under the
/// story's name, where a narrow window still has room for it.
fn papers_and_regions(thread: &StorySummary) -> String {
    let papers = names(&thread.sources);
    let regions = names(&thread.regions);
    match (papers.is_empty(), regions.is_empty()) {
        (_, true) => papers,
        (true, false) => regions,
        (false, false) => format!("{papers}  ·  {regions}"),
    }
}

fn empty(ui: &mut egui::Ui, view: &StoriesView) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        if !view.loaded {
            ui.spinner();
            return;
        }
        ui.weak("No stories here yet.");
        ui.weak(
            "Folio groups articles from several papers on the same event as they arrive. \
             To join two yourself, drag one article of the list onto another.",
        );
    });
}

fn threads_table(ui: &mut egui::Ui, threads: &[StorySummary], actions: &mut Actions) {
    ui.style_mut().interaction.selectable_labels = false;
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let table = TableBuilder::new(ui)
        .id_salt("story-threads")
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(70.0).at_least(60.0))
        .column(Column::initial(170.0).at_least(90.0).clip(true))
        .column(Column::remainder().at_least(140.0).clip(true));
    table
        .header(24.0, |mut header| {
            for heading in ["Articles", "Dates", "Story"] {
                header.col(|ui| {
                    ui.strong(heading);
                });
            }
        })
        .body(|body| {
            body.rows(line * 2.0 + 10.0, threads.len(), |mut row| {
                let thread = &threads[row.index()];
                row.col(|ui| {
                    ui.label(thread.size.to_string());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(span(thread)).truncate());
                });
                row.col(|ui| {
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(thread.title.as_str()).truncate());
                        ui.add(
                            egui::Label::new(egui::RichText::new(papers_and_regions(thread)).weak())
                                .truncate(),
                        );
                    });
                });
                if row
                    .response()
                    .on_hover_text("List this story's articles")
                    .clicked()
                {
                    actions.push(StoriesAction::CloseView);
                    actions.push(ListAction::ShowThread(thread.id, thread.title.clone()));
                }
            });
        });
}

pub fn show(ui: &mut egui::Ui, view: &StoriesView) -> Vec<Action> {
    let mut actions = Actions::default();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading("Stories");
            if view.loaded {
                let n = view.threads.len();
                ui.weak(format!(
                    "{n} stor{} told by several papers",
                    if n == 1 { "y" } else { "ies" }
                ));
            }
            if ui
                .button("Back to the articles")
                .on_hover_text("Close the Stories view")
                .clicked()
            {
                actions.push(StoriesAction::CloseView);
            }
        });
        ui.separator();
        if view.threads.is_empty() {
            empty(ui, view);
            return;
        }
        threads_table(ui, &view.threads, &mut actions);
    });
    actions.0
}
