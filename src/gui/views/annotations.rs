//! Beside the reader: the open article's highlights, each with its colour,
//! comment and date. Clicking a quote scrolls the text to it.

use crate::gui::views::reader::highlight_fill;
use crate::gui::{Action, AnnotateAction, FolioApp};
use crate::model::{HIGHLIGHT_COLORS, Highlight};

fn annotate(action: AnnotateAction) -> Action {
    Action::Annotate(action)
}

/// "Export…": the article's annotations as Markdown or Web Annotation JSON.
pub fn export_menu(ui: &mut egui::Ui, whole_library: bool, actions: &mut Vec<Action>) {
    if ui.button("Markdown…").clicked() {
        actions.push(annotate(AnnotateAction::Export {
            whole_library,
            json: false,
        }));
        ui.close();
    }
    if ui
        .button("Web Annotation JSON…")
        .on_hover_text("The W3C format other annotation tools read")
        .clicked()
    {
        actions.push(annotate(AnnotateAction::Export {
            whole_library,
            json: true,
        }));
        ui.close();
    }
}

fn highlight_card(
    ui: &mut egui::Ui,
    app: &mut FolioApp,
    article_id: i64,
    h: &Highlight,
    actions: &mut Vec<Action>,
) {
    let dark = ui.visuals().dark_mode;
    egui::Frame::group(ui.style())
        .fill(highlight_fill(&h.color, dark).gamma_multiply(0.35))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut quote = egui::text::LayoutJob::default();
            quote.append(
                &h.quote,
                0.0,
                egui::TextFormat {
                    background: highlight_fill(&h.color, dark),
                    italics: true,
                    ..egui::TextFormat::simple(
                        egui::TextStyle::Body.resolve(ui.style()),
                        ui.visuals().text_color(),
                    )
                },
            );
            quote.wrap.max_rows = 4;
            let shown = ui
                .add(egui::Label::new(quote).sense(egui::Sense::click()))
                .on_hover_text("Show it in the text");
            if shown.clicked() {
                actions.push(annotate(AnnotateAction::GoTo {
                    article_id,
                    highlight: Some(h.id),
                }));
            }
            if h.detached {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "No longer found in the text (it was changed); kept with its quote.",
                );
            }
            let label = ui.weak("Comment");
            let draft = app.annotating.comment_drafts.entry(h.id).or_default();
            let comment = ui
                .add(
                    egui::TextEdit::multiline(draft)
                        .hint_text("Why it matters…")
                        .desired_rows(1)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if app.annotating.focus_comment == Some(h.id) {
                comment.request_focus();
                app.annotating.focus_comment = None;
            }
            if comment.lost_focus() {
                actions.push(annotate(AnnotateAction::SaveComment { id: h.id }));
            }
            ui.horizontal(|ui| {
                ui.menu_button(format!("Colour: {}", h.color), |ui| {
                    for color in HIGHLIGHT_COLORS {
                        let item =
                            egui::Button::new(format!("Make it {color}")).fill(highlight_fill(color, dark));
                        if ui.add(item).clicked() {
                            actions.push(annotate(AnnotateAction::SetColor {
                                id: h.id,
                                color: color.to_string(),
                            }));
                            ui.close();
                        }
                    }
                });
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this highlight (Ctrl+Z brings it back)")
                    .clicked()
                {
                    actions.push(annotate(AnnotateAction::Delete { id: h.id }));
                }
                ui.weak(h.created_at.get(..10).unwrap_or(&h.created_at));
            });
        });
}

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(article) = app.article.clone() else {
        return actions;
    };
    if article.highlights.is_empty() {
        return actions;
    }
    egui::Panel::right("annotations")
        .resizable(true)
        .default_size(250.0)
        .min_size(200.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                ui.strong(format!("Highlights ({})", article.highlights.len()));
                ui.menu_button("Export…", |ui| export_menu(ui, false, &mut actions));
            });
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for h in &article.highlights {
                        highlight_card(ui, app, article.id, h, &mut actions);
                        ui.add_space(6.0);
                    }
                });
        });
    actions
}
