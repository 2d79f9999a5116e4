//! The open article's highlights, each with its colour, comment and date:
//! in a wide window a column beside the reader, there whenever an article
//! is open (so making the first highlight squeezes nothing); in a narrow
//! one a section under the text. Clicking a quote scrolls the text to it.

use crate::gui::action::Actions;
use crate::gui::state::annotating::{AnnotateAction, Annotating};
use crate::gui::widgets::{annotation_export_menu, highlight_fill};
use crate::model::{Article, Highlight, HighlightColor};

/// Room (beside the sidebar) from which the highlights have a column of
/// their own: the list's 300 px, the reader's 440 and the column's 250.
pub const COLUMN_FROM_WIDTH: f32 = 990.0;

fn highlight_card(
    ui: &mut egui::Ui,
    annotating: &Annotating,
    article_id: i64,
    h: &Highlight,
    (may_focus, actions): (bool, &mut Actions),
) {
    let dark = ui.visuals().dark_mode;
    egui::Frame::group(ui.style())
        .fill(highlight_fill(h.color, dark).gamma_multiply(0.35))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut quote = egui::text::LayoutJob::default();
            quote.append(
                &h.quote,
                0.0,
                egui::TextFormat {
                    background: highlight_fill(h.color, dark),
                    ..egui::TextFormat::simple(
                        egui::TextStyle::Body.resolve(ui.style()),
                        ui.visuals().strong_text_color(),
                    )
                },
            );
            quote.wrap.max_rows = 4;
            let shown = ui
                .add(egui::Label::new(quote).sense(egui::Sense::click()))
                .on_hover_text("Show it in the text");
            if shown.clicked() {
                actions.push(AnnotateAction::GoTo {
                    article_id,
                    highlight: Some(h.id),
                });
            }
            if h.detached {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "No longer found in the text (it was changed); kept with its quote.",
                );
            }
            let label = ui.weak("Comment");
            let mut draft = annotating.comment_drafts.get(&h.id).cloned().unwrap_or_default();
            let comment = ui
                .add(
                    egui::TextEdit::multiline(&mut draft)
                        .hint_text("Why it matters…")
                        .desired_rows(1)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if comment.changed() {
                actions.push(AnnotateAction::CommentTyped {
                    id: h.id,
                    text: draft,
                });
            }
            // Under the text the card may be out of sight: typing into it
            // unseen would be worse than clicking it.
            if annotating.focus_comment == Some(h.id) {
                if may_focus {
                    comment.request_focus();
                }
                actions.push(AnnotateAction::CommentFocused(h.id));
            }
            if comment.lost_focus() {
                actions.push(AnnotateAction::SaveComment { id: h.id });
            }
            // Wrapped: the card never widens the column it stands in.
            ui.horizontal_wrapped(|ui| {
                ui.menu_button(format!("Colour: {}", h.color), |ui| {
                    for color in HighlightColor::ALL {
                        let item =
                            egui::Button::new(format!("Make it {color}")).fill(highlight_fill(color, dark));
                        if ui.add(item).clicked() {
                            actions.push(AnnotateAction::SetColor { id: h.id, color });
                            ui.close();
                        }
                    }
                });
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this highlight (Ctrl+Z brings it back)")
                    .clicked()
                {
                    actions.push(AnnotateAction::Delete { id: h.id });
                }
                ui.weak(h.created_at.get(..10).unwrap_or(&h.created_at));
            });
        });
}

/// The heading, with the export menu.
fn heading(ui: &mut egui::Ui, article: &Article, actions: &mut Actions) {
    ui.horizontal(|ui| {
        ui.strong(format!("Highlights ({})", article.highlights.len()));
        ui.menu_button("Export…", |ui| {
            if let Some(format) = annotation_export_menu(ui) {
                actions.push(AnnotateAction::Export {
                    whole_library: false,
                    format,
                });
            }
        });
    });
}

/// The highlights as a column at the window's edge, beside the reader;
/// with none yet, it says how to make one.
pub fn column(ui: &mut egui::Ui, article: &Article, annotating: &Annotating, actions: &mut Actions) {
    egui::Panel::right("annotations")
        .resizable(true)
        .default_size(250.0)
        .min_size(200.0)
        .max_size(320.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            if article.highlights.is_empty() {
                ui.strong("Highlights");
                ui.add_space(4.0);
                ui.weak("None yet. Select a passage of the text, then pick a colour (or press Ctrl+H).");
                return;
            }
            heading(ui, article, actions);
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for h in &article.highlights {
                        highlight_card(ui, annotating, article.id, h, (true, actions));
                        ui.add_space(6.0);
                    }
                });
        });
}

/// The highlights as a section under the text, in a narrow reader.
pub fn section(ui: &mut egui::Ui, article: &Article, annotating: &Annotating, actions: &mut Actions) {
    heading(ui, article, actions);
    ui.add_space(4.0);
    for h in &article.highlights {
        highlight_card(ui, annotating, article.id, h, (false, actions));
        ui.add_space(6.0);
    }
}
