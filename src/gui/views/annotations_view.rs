//! The annotations view: every highlight and note in the library, newest
//! first, filtered by colour, tag, region, year and words; each leads back
//! to its article.

use crate::gui::views::reader::highlight_fill;
use crate::gui::{Action, AnnotateAction, FolioApp};
use crate::library::AnnotationKind;
use crate::model::HIGHLIGHT_COLORS;

fn requery() -> Action {
    Action::Annotate(AnnotateAction::Requery)
}

/// A drop-down of "Any" and the values; true when the choice changed.
fn choose<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<T>,
    choices: &[(T, String)],
) -> bool {
    let shown = value
        .as_ref()
        .and_then(|v| choices.iter().find(|(c, _)| c == v))
        .map_or("Any".to_string(), |(_, name)| name.clone());
    let mut changed = false;
    let label_id = ui.weak(label).id;
    egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(110.0)
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, "Any").changed();
            for (choice, name) in choices {
                changed |= ui.selectable_value(value, Some(choice.clone()), name).changed();
            }
        })
        .response
        .labelled_by(label_id);
    changed
}

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    let tags: Vec<(String, String)> = app
        .facets
        .tags
        .iter()
        .map(|t| (t.value.clone(), t.value.clone()))
        .collect();
    let regions: Vec<(String, String)> = app
        .facets
        .regions
        .iter()
        .map(|r| (r.value.clone(), r.value.clone()))
        .collect();
    let years: Vec<(i32, String)> = app
        .facets
        .years
        .iter()
        .filter_map(|y| y.value.parse().ok().map(|year| (year, y.value.clone())))
        .collect();
    let mut topics: Vec<(String, String)> = Vec::new();
    for node in app.facets.topics.iter().filter(|n| n.count > 0) {
        topics.push((node.name.clone(), node.name.clone()));
        for child in node.children.iter().filter(|c| c.count > 0) {
            topics.push((child.name.clone(), format!("  {}", child.name)));
        }
    }
    let colors: Vec<(String, String)> = HIGHLIGHT_COLORS
        .iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    egui::CentralPanel::default().show(ui, |ui| {
        let annotating = &mut app.annotating;
        let markdown = &mut annotating.markdown;
        let Some(view) = &mut annotating.view else {
            return;
        };
        ui.horizontal(|ui| {
            ui.heading("Annotations");
            ui.menu_button("Export all…", |ui| {
                crate::gui::views::annotations::export_menu(ui, true, &mut actions)
            });
            if ui
                .button("Back to the articles")
                .on_hover_text("Close the annotations view")
                .clicked()
            {
                actions.push(Action::Annotate(AnnotateAction::CloseView));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.weak("Find");
            let find = ui
                .add(
                    egui::TextEdit::singleline(&mut view.text)
                        .hint_text("words in quotes, comments, notes")
                        .desired_width(200.0),
                )
                .labelled_by(label.id);
            if find.changed() {
                actions.push(requery());
            }
            if choose(ui, "Colour", &mut view.color, &colors)
                | choose(ui, "Tag", &mut view.tag, &tags)
                | choose(ui, "Region", &mut view.region, &regions)
                | choose(ui, "Topic", &mut view.topic, &topics)
                | choose(ui, "Year", &mut view.year, &years)
            {
                actions.push(requery());
            }
        });
        ui.separator();
        if view.results.is_empty() {
            ui.add_space(16.0);
            ui.weak(if view.is_loading() {
                "Looking…"
            } else {
                "No highlights or notes here. Select a passage in the reader to highlight it."
            });
            return;
        }
        let dark = ui.visuals().dark_mode;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for annotation in &view.results {
                    let article = &annotation.article;
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let title = article.title.clone().unwrap_or_else(|| "(untitled)".into());
                        let highlight = match &annotation.kind {
                            AnnotationKind::Highlight(h) => Some(h.id),
                            AnnotationKind::Note(_) => None,
                        };
                        if ui
                            .link(egui::RichText::new(title).strong())
                            .on_hover_text("Open the article")
                            .clicked()
                        {
                            actions.push(Action::Annotate(AnnotateAction::GoTo {
                                article_id: article.id,
                                highlight,
                            }));
                        }
                        let mut byline: Vec<String> = Vec::new();
                        if let Some(source) = &article.source {
                            byline.push(source.clone());
                        }
                        if let Some(published) = article.published {
                            byline.push(published.date_label());
                        }
                        ui.weak(byline.join(" · "));
                        match &annotation.kind {
                            AnnotationKind::Highlight(h) => {
                                ui.label(
                                    egui::RichText::new(&h.quote)
                                        .italics()
                                        .background_color(highlight_fill(&h.color, dark)),
                                );
                                if let Some(comment) = &h.comment {
                                    ui.label(comment);
                                }
                            }
                            AnnotationKind::Note(text) => {
                                ui.weak("Note");
                                egui_commonmark::CommonMarkViewer::new().show_with_id(
                                    ui.make_persistent_id(("annotation-note", article.id)),
                                    ui,
                                    markdown,
                                    text,
                                );
                            }
                        }
                    });
                    ui.add_space(4.0);
                }
            });
    });
    actions
}
