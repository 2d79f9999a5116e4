//! The right pane: one article to read, its details, tags and note.

use crate::gui::details::DetailsForm;
use crate::gui::{Action, FolioApp};
use crate::model::Article;

/// Existing tags that start with (or contain) what is typed, best first.
fn tag_suggestions<'a>(typed: &str, known: impl Iterator<Item = &'a str>, taken: &[String]) -> Vec<&'a str> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(bool, &str)> = known
        .filter(|name| !taken.iter().any(|t| t.eq_ignore_ascii_case(name)))
        .filter_map(|name| {
            let lower = name.to_lowercase();
            if lower.starts_with(&typed) {
                Some((false, name))
            } else if lower.contains(&typed) {
                Some((true, name))
            } else {
                None
            }
        })
        .collect();
    found.sort();
    found.into_iter().take(6).map(|(_, n)| n).collect()
}

fn metadata_line(article: &Article) -> String {
    let meta = &article.meta;
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
    line.join("  ·  ")
}

fn details_form(ui: &mut egui::Ui, form: &mut DetailsForm, actions: &mut Vec<Action>) {
    egui::Grid::new("details")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let fields: [(&str, &mut String, &str); 9] = [
                ("Title", &mut form.title, ""),
                ("Published", &mut form.published, "2018-01-05, 2018-01 or 2018"),
                ("Source", &mut form.source, "The publication"),
                ("Authors", &mut form.authors, "Separated by commas"),
                ("Section", &mut form.section, ""),
                ("Region", &mut form.region, "e.g. East Asia & Pacific"),
                ("Kind", &mut form.kind, "editorial, opinion, news…"),
                ("Language", &mut form.language, "en, fr, ja…"),
                ("URL", &mut form.url, ""),
            ];
            for (label, value, hint) in fields {
                let label = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
        });
    if let Some(problem) = &form.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.horizontal(|ui| {
        if ui.button("Save details").clicked() {
            actions.push(Action::SaveDetails);
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CancelDetails);
        }
    });
}

fn tags_row(ui: &mut egui::Ui, app: &mut FolioApp, article: &Article, actions: &mut Vec<Action>) {
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
    let known = app.facets.tags.iter().map(|t| t.value.as_str());
    let suggestions = tag_suggestions(&app.tag_input, known, &article.tags);
    if !suggestions.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Existing:");
            for name in suggestions {
                if ui
                    .small_button(name)
                    .on_hover_text(format!("Add the tag “{name}”"))
                    .clicked()
                {
                    actions.push(Action::AddTag(name.to_string()));
                }
            }
        });
    }
}

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(article) = app.article.clone() else {
        return actions;
    };
    let text_size = app.settings.text_size;
    egui::Panel::right("reader")
        .resizable(true)
        .default_size(440.0)
        .min_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // About 70 characters a line: the measure print typographers use.
                    let measure = (text_size * 0.5 * 70.0).min(ui.available_width());
                    ui.set_max_width(measure);
                    ui.add_space(8.0);
                    ui.label(
                        egui::RichText::new(article.title_or_untitled())
                            .heading()
                            .size(text_size * 1.5),
                    );
                    ui.weak(metadata_line(&article));
                    if article.deleted_at.is_some() {
                        ui.horizontal(|ui| {
                            ui.colored_label(ui.visuals().warn_fg_color, "In the trash.");
                            if ui.button("Restore").clicked() {
                                actions.push(Action::RestoreSelected);
                            }
                        });
                    }
                    ui.add_space(4.0);
                    match &mut app.details {
                        Some(form) => details_form(ui, form, &mut actions),
                        None => {
                            ui.horizontal_wrapped(|ui| {
                                if ui
                                    .small_button("Edit details…")
                                    .on_hover_text("Correct the title, date, source…")
                                    .clicked()
                                {
                                    actions.push(Action::EditDetails);
                                }
                                if article.deleted_at.is_none()
                                    && ui.small_button("Move to Trash").on_hover_text("Delete").clicked()
                                {
                                    actions.push(Action::TrashSelected);
                                }
                                ui.weak("Text size");
                                if ui
                                    .small_button("A−")
                                    .on_hover_text("Smaller text (Ctrl+−)")
                                    .clicked()
                                {
                                    actions.push(Action::TextSize(text_size - 1.0));
                                }
                                if ui
                                    .small_button("A+")
                                    .on_hover_text("Larger text (Ctrl++)")
                                    .clicked()
                                {
                                    actions.push(Action::TextSize(text_size + 1.0));
                                }
                                if ui
                                    .small_button("More like this")
                                    .on_hover_text("The articles most like this one")
                                    .clicked()
                                {
                                    actions.push(Action::MoreLikeThis);
                                }
                                if ui
                                    .small_button("Close")
                                    .on_hover_text("Close the reader (Esc)")
                                    .clicked()
                                {
                                    actions.push(Action::CloseReader);
                                }
                            });
                        }
                    }
                    ui.add_space(4.0);
                    tags_row(ui, app, &article, &mut actions);
                    ui.separator();
                    for paragraph in article.meta.body.split("\n\n") {
                        ui.label(egui::RichText::new(paragraph).size(text_size));
                        ui.add_space(text_size * 0.6);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_prefix_matches_first_and_skips_tags_already_on() {
        let known = ["Korea", "North Korea policy", "diplomacy", "kosovo"];
        let got = tag_suggestions("ko", known.iter().copied(), &["kosovo".to_string()]);
        assert_eq!(got, vec!["Korea", "North Korea policy"]);
        assert!(tag_suggestions("  ", known.iter().copied(), &[]).is_empty());
    }
}
