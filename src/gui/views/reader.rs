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

/// "2 of 7 matches", Previous, Next: stepping through the searched words.
fn match_controls(ui: &mut egui::Ui, app: &FolioApp, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        match app.match_count {
            0 => ui.weak("The searched words are not in the text"),
            n => ui.weak(format!(
                "{} of {n} match{}",
                app.match_cursor.min(n - 1) + 1,
                if n == 1 { "" } else { "es" }
            )),
        };
        if app.match_count > 1 {
            if ui
                .small_button("Previous")
                .on_hover_text("Previous match (Shift+F3)")
                .clicked()
            {
                actions.push(Action::StepMatch(-1));
            }
            if ui.small_button("Next").on_hover_text("Next match (F3)").clicked() {
                actions.push(Action::StepMatch(1));
            }
        }
    });
}

/// The body at a reading size, the searched words painted, the current one
/// brighter; returns how many matches there are.
fn body(ui: &mut egui::Ui, app: &FolioApp, text: &str, words: &[String], text_size: f32) -> usize {
    let font = egui::FontId::proportional(text_size);
    let color = ui.visuals().text_color();
    let (weak, strong) = if ui.visuals().dark_mode {
        (
            egui::Color32::from_rgb(90, 80, 20),
            egui::Color32::from_rgb(170, 130, 0),
        )
    } else {
        (
            egui::Color32::from_rgb(255, 240, 150),
            egui::Color32::from_rgb(255, 190, 60),
        )
    };
    let mut seen = 0;
    for paragraph in text.split("\n\n") {
        let ranges = if words.is_empty() {
            Vec::new()
        } else {
            crate::gui::highlight::matches_in(paragraph, words)
        };
        if ranges.is_empty() {
            ui.label(egui::RichText::new(paragraph).size(text_size));
        } else {
            let mut job = egui::text::LayoutJob::default();
            let plain = egui::TextFormat::simple(font.clone(), color);
            let mut at = 0;
            let mut has_current = false;
            for range in ranges {
                job.append(&paragraph[at..range.start], 0.0, plain.clone());
                let current = seen == app.match_cursor;
                has_current |= current;
                let format = egui::TextFormat {
                    background: if current { strong } else { weak },
                    ..plain.clone()
                };
                job.append(&paragraph[range.clone()], 0.0, format);
                at = range.end;
                seen += 1;
            }
            job.append(&paragraph[at..], 0.0, plain);
            let response = ui.add(egui::Label::new(job).wrap());
            if has_current && app.scroll_to_match {
                ui.scroll_to_rect(response.rect, Some(egui::Align::Center));
            }
        }
        ui.add_space(text_size * 0.6);
    }
    seen
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
                    let words = crate::library::query::words_to_highlight(&app.search);
                    if !words.is_empty() {
                        match_controls(ui, app, &mut actions);
                    }
                    ui.separator();
                    app.match_count = body(ui, app, &article.meta.body, &words, text_size);
                    app.scroll_to_match = false;
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
