//! The right pane: one article to read, its tags and its note.

use crate::gui::{Action, FolioApp};

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(article) = app.article.clone() else {
        return actions;
    };
    egui::Panel::right("reader")
        .resizable(true)
        .default_size(440.0)
        .min_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // About 70 characters a line: the measure print typographers use.
                    let measure = (app.text_size * 0.5 * 70.0).min(ui.available_width());
                    ui.set_max_width(measure);
                    ui.add_space(8.0);
                    let meta = &article.meta;
                    ui.label(
                        egui::RichText::new(article.title_or_untitled())
                            .heading()
                            .size(app.text_size * 1.5),
                    );
                    let mut line: Vec<String> = Vec::new();
                    if let Some(p) = meta.published {
                        line.push(p.date_label());
                    }
                    line.extend(
                        [&meta.source, &meta.section, &meta.region, &meta.kind]
                            .into_iter()
                            .flatten()
                            .cloned(),
                    );
                    if !meta.authors.is_empty() {
                        line.push(format!("by {}", meta.authors.join(", ")));
                    }
                    ui.weak(line.join("  ·  "));
                    if article.deleted_at.is_some() {
                        ui.horizontal(|ui| {
                            ui.colored_label(ui.visuals().warn_fg_color, "In the trash.");
                            if ui.button("Restore").clicked() {
                                actions.push(Action::RestoreSelected);
                            }
                        });
                    }
                    ui.add_space(6.0);
                    ui.horizontal_wrapped(|ui| {
                        for tag in &article.tags {
                            let chip = ui
                                .button(format!("{tag}  ×"))
                                .on_hover_text(format!("Remove the tag “{tag}”"));
                            if chip.clicked() {
                                actions.push(Action::RemoveTag(tag.clone()));
                            }
                        }
                        let label = ui.weak("Add tag");
                        let input = ui
                            .add(
                                egui::TextEdit::singleline(&mut app.tag_input)
                                    .hint_text("name, then Enter")
                                    .desired_width(120.0),
                            )
                            .labelled_by(label.id);
                        if input.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                            actions.push(Action::AddTag(app.tag_input.clone()));
                        }
                    });
                    ui.horizontal(|ui| {
                        ui.weak("Text size");
                        ui.add(egui::Slider::new(&mut app.text_size, 12.0..=24.0).show_value(false));
                        if article.deleted_at.is_none()
                            && ui.button("Move to Trash").on_hover_text("Delete").clicked()
                        {
                            actions.push(Action::TrashSelected);
                        }
                    });
                    ui.separator();
                    for paragraph in meta.body.split("\n\n") {
                        ui.label(egui::RichText::new(paragraph).size(app.text_size));
                        ui.add_space(app.text_size * 0.6);
                    }
                    ui.separator();
                    let heading = ui.strong("Note");
                    let note = ui
                        .add(
                            egui::TextEdit::multiline(&mut app.note_draft)
                                .hint_text("Your note on this article, saved as you type")
                                .desired_rows(4)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(heading.id);
                    if note.changed() {
                        actions.push(Action::NoteEdited);
                    }
                    ui.add_space(16.0);
                });
        });
    actions
}
