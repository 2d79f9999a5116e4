//! The annotations view: every highlight and note in the library, newest
//! first, filtered by colour, tag, region, year and words; each leads back
//! to its article.

use super::cache::ViewCache;
use crate::gui::action::{Action, Actions};
use crate::gui::state::annotating::{AnnotateAction, AnnotationFilters, AnnotationsView};
use crate::gui::widgets::{annotation_export_menu, highlight_fill};
use crate::library::{Annotation, AnnotationKind, Facets};
use crate::model::HighlightColor;

/// A drop-down of "Any" and the values.
fn choose<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<T>,
    choices: &[(T, String)],
) {
    let shown = value
        .as_ref()
        .and_then(|v| choices.iter().find(|(c, _)| c == v))
        .map_or("Any".to_string(), |(_, name)| name.clone());
    // A label and its field wrap together, never apart: the line ends
    // before the label when the pair would not fit.
    let label_width = ui.fonts_mut(|f| {
        f.layout_no_wrap(
            label.to_string(),
            egui::TextStyle::Body.resolve(ui.style()),
            egui::Color32::WHITE,
        )
        .size()
        .x
    });
    let pair = label_width + 110.0 + 2.0 * ui.spacing().button_padding.x + 3.0 * ui.spacing().item_spacing.x;
    if ui.available_size_before_wrap().x < pair {
        ui.end_row();
    }
    let label_id = ui.weak(label).id;
    egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(110.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "Any");
            for (choice, name) in choices {
                ui.selectable_value(value, Some(choice.clone()), name);
            }
        })
        .response
        .labelled_by(label_id);
}

/// The choices each filter offers: (value, name shown).
struct Choices {
    colors: Vec<(HighlightColor, String)>,
    tags: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    topics: Vec<(String, String)>,
    years: Vec<(i32, String)>,
}

impl Choices {
    fn of(facets: &Facets) -> Choices {
        let same = |v: &String| (v.clone(), v.clone());
        let mut topics: Vec<(String, String)> = Vec::new();
        for node in facets.topics.iter().filter(|n| n.count > 0) {
            topics.push(same(&node.name));
            for child in node.children.iter().filter(|c| c.count > 0) {
                topics.push((child.name.clone(), format!("  {}", child.name)));
            }
        }
        Choices {
            colors: HighlightColor::ALL.map(|c| (c, c.to_string())).to_vec(),
            tags: facets.tags.iter().map(|t| same(&t.value)).collect(),
            regions: facets.regions.iter().map(|r| same(&r.value)).collect(),
            topics,
            years: facets
                .years
                .iter()
                .filter_map(|y| y.value.parse().ok().map(|year| (year, y.value.clone())))
                .collect(),
        }
    }
}

/// The words to find and the drop-downs, drawn from a copy: changed
/// filters come back as one action.
fn filters(ui: &mut egui::Ui, current: &AnnotationFilters, choices: &Choices, actions: &mut Actions) {
    let mut wanted = current.clone();
    ui.horizontal_wrapped(|ui| {
        ui.horizontal(|ui| {
            let label = ui.weak("Find");
            ui.add(
                egui::TextEdit::singleline(&mut wanted.text)
                    .hint_text("words in quotes, comments, notes")
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        });
        choose(ui, "Colour", &mut wanted.color, &choices.colors);
        choose(ui, "Tag", &mut wanted.tag, &choices.tags);
        choose(ui, "Region", &mut wanted.region, &choices.regions);
        choose(ui, "Topic", &mut wanted.topic, &choices.topics);
        choose(ui, "Year", &mut wanted.year, &choices.years);
    });
    if wanted != *current {
        actions.push(AnnotateAction::Filter(wanted));
    }
}

/// One highlight or note, with its article's title (a link to it).
fn annotation_card(ui: &mut egui::Ui, annotation: &Annotation, cache: &mut ViewCache, actions: &mut Actions) {
    let article = &annotation.article;
    let dark = ui.visuals().dark_mode;
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
            actions.push(AnnotateAction::GoTo {
                article_id: article.id,
                highlight,
            });
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
                // Upright and in the strong text colour: italics on a
                // tinted ground were hard to read in the dark theme.
                ui.label(
                    egui::RichText::new(&h.quote)
                        .color(ui.visuals().strong_text_color())
                        .background_color(highlight_fill(h.color, dark)),
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
                    &mut cache.markdown,
                    text,
                );
            }
        }
    });
}

pub fn show(
    ui: &mut egui::Ui,
    view: &AnnotationsView,
    facets: &Facets,
    cache: &mut ViewCache,
) -> Vec<Action> {
    let mut actions = Actions::default();
    let choices = Choices::of(facets);
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading("Annotations");
            ui.menu_button("Export all…", |ui| {
                if let Some(format) = annotation_export_menu(ui) {
                    actions.push(AnnotateAction::Export {
                        whole_library: true,
                        format,
                    });
                }
            });
            if ui
                .button("Back to the articles")
                .on_hover_text("Close the annotations view")
                .clicked()
            {
                actions.push(AnnotateAction::CloseView);
            }
        });
        filters(ui, &view.filters, &choices, &mut actions);
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
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for annotation in &view.results {
                    annotation_card(ui, annotation, cache, &mut actions);
                    ui.add_space(4.0);
                }
            });
    });
    actions.0
}
