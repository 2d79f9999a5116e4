//! The open article's note: rendered as Markdown to read, a text box to
//! write (saved as it is typed, after a pause).

use crate::gui::action::Actions;
use crate::gui::state::annotating::{AnnotateAction, NoteDraft};
use crate::gui::views::cache::ViewCache;

pub fn show(ui: &mut egui::Ui, note: &NoteDraft, cache: &mut ViewCache, actions: &mut Actions) {
    let heading = ui
        .horizontal(|ui| {
            let heading = ui.strong("Note");
            if note.editing {
                if ui
                    .small_button("Done")
                    .on_hover_text("Show the note as formatted text")
                    .clicked()
                {
                    actions.push(AnnotateAction::DoneNote);
                }
            } else if ui.small_button("Edit note").clicked() {
                actions.push(AnnotateAction::EditNote);
            }
            heading
        })
        .inner;
    if note.editing {
        let mut typed = note.text.clone();
        let field = ui
            .add(
                egui::TextEdit::multiline(&mut typed)
                    .hint_text("Your note on this article (Markdown), saved as you type")
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(heading.id);
        if field.changed() {
            let at = ui.input(|i| i.time);
            actions.push(AnnotateAction::NoteTyped { text: typed, at });
        }
    } else {
        egui::Frame::NONE.inner_margin(4.0).show(ui, |ui| {
            egui_commonmark::CommonMarkViewer::new().show(ui, &mut cache.markdown, &note.text);
        });
    }
}
