//! The right pane: one article to read, its details, tags and note.

use crate::gui::AnnotateAction;
use crate::gui::details::DetailsForm;
use crate::gui::{Action, FolioApp};
use crate::model::{Article, HIGHLIGHT_COLORS, Highlight};

/// Existing tags that start with (or contain) what is typed, best first.
pub(super) fn tag_suggestions<'a>(
    typed: &str,
    known: impl Iterator<Item = &'a str>,
    taken: &[String],
) -> Vec<&'a str> {
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
            let fields: [(&str, &mut String, &str); 10] = [
                ("Title", &mut form.title, ""),
                ("Published", &mut form.published, "2018-01-05, 2018-01 or 2018"),
                ("Source", &mut form.source, "The publication"),
                ("Authors", &mut form.authors, "Separated by commas"),
                ("Section", &mut form.section, ""),
                ("Region", &mut form.region, "e.g. East Asia & Pacific"),
                ("Countries", &mut form.countries, "e.g. Japan, South Korea"),
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
    let label = ui.label("Text");
    ui.add(
        egui::TextEdit::multiline(&mut form.body)
            .desired_rows(8)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
    .on_hover_text("Correct the text; highlights find their passages again");
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
            if let Some(color) = app.facets.tag_colors.get(tag) {
                super::sidebar::color_dot(ui, color);
            }
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

/// The topics the article is filed under, and the tree to file it under more.
fn topics_row(ui: &mut egui::Ui, app: &FolioApp, article: &Article, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.weak("Topics");
        for topic in &article.topics {
            if ui
                .button(format!("{}  ×", topic.path))
                .on_hover_text(format!("Take it out of “{}”", topic.path))
                .clicked()
            {
                actions.push(Action::TakeOutOf(topic.id));
            }
        }
        ui.menu_button("File under…", |ui| {
            file_under_menu(ui, &app.facets.topics, actions)
        });
    });
    suggestions_row(ui, app, actions);
}

/// The topic tree as menus, to any depth: a topic with topics below it
/// opens onto them, itself first ("as a whole").
fn file_under_menu(ui: &mut egui::Ui, nodes: &[crate::library::TopicNode], actions: &mut Vec<Action>) {
    for node in nodes {
        if node.children.is_empty() {
            if ui.button(&node.name).clicked() {
                actions.push(Action::FileUnder(node.id));
                ui.close();
            }
            continue;
        }
        ui.menu_button(&node.name, |ui| {
            if ui.button(format!("{} (as a whole)", node.name)).clicked() {
                actions.push(Action::FileUnder(node.id));
                ui.close();
            }
            ui.separator();
            file_under_menu(ui, &node.children, actions);
        });
    }
}

/// The width of a line of button text, unwrapped.
fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    ui.fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font, egui::Color32::WHITE)
            .size()
            .x
    })
}

/// Topics Folio proposes, each with how sure it is: ✔ files the article
/// under it, ✖ says no (and it is not proposed again).
fn suggestions_row(ui: &mut egui::Ui, app: &FolioApp, actions: &mut Vec<Action>) {
    if app.suggestions.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak("Suggested");
        for suggestion in &app.suggestions {
            let percent = (suggestion.confidence * 100.0).round();
            let label = format!("✔ {}", suggestion.path);
            // A suggestion and its ✖ wrap onto the next line together: the
            // ✖ alone at the start of a line would seem to belong to nothing.
            let pair_width =
                text_width(ui, &label) + text_width(ui, "✖") + 4.0 * ui.spacing().button_padding.x;
            if ui.available_size_before_wrap().x < pair_width + ui.spacing().item_spacing.x * 2.0 {
                ui.end_row();
            }
            if ui
                .button(label)
                .on_hover_text(format!("File under “{}” ({percent}% sure)", suggestion.path))
                .clicked()
            {
                actions.push(Action::FileUnder(suggestion.topic_id));
            }
            if ui
                .small_button("✖")
                .on_hover_text(format!("Not “{}”: do not suggest it again", suggestion.path))
                .clicked()
            {
                actions.push(Action::RejectSuggestion(suggestion.topic_id));
            }
            ui.add_space(6.0);
        }
    });
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

/// A highlight colour's background, readable under the theme's text.
pub fn highlight_fill(color: &str, dark: bool) -> egui::Color32 {
    let (light, deep) = match color {
        "green" => ((200, 235, 170), (40, 90, 40)),
        "blue" => ((185, 225, 250), (30, 70, 110)),
        "pink" => ((250, 195, 215), (110, 40, 70)),
        "purple" => ((215, 200, 240), (75, 55, 110)),
        _ => ((255, 240, 150), (100, 85, 20)),
    };
    let (r, g, b) = if dark { deep } else { light };
    egui::Color32::from_rgb(r, g, b)
}

/// Byte offset of each character of `text`, and the length at the end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect()
}

/// The text laid out for reading: highlights and searched words painted
/// behind it (the current match brightest, then the other matches, then
/// highlights, the newest on top).
fn reading_job(
    text: &str,
    highlights: &[Highlight],
    matches: &[std::ops::Range<usize>],
    current: usize,
    font: egui::FontId,
    color: egui::Color32,
    dark: bool,
) -> egui::text::LayoutJob {
    let (weak, strong) = if dark {
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
    let starts = char_starts(text);
    let byte = |char_index: usize| starts[char_index.min(starts.len() - 1)];
    let painted: Vec<(usize, usize, egui::Color32, u8)> = highlights
        .iter()
        .filter(|h| !h.detached)
        .map(|h| (byte(h.start), byte(h.end), highlight_fill(&h.color, dark), 0))
        .chain(matches.iter().enumerate().map(|(i, m)| {
            (
                m.start,
                m.end,
                if i == current { strong } else { weak },
                1 + u8::from(i == current),
            )
        }))
        .collect();
    let mut cuts: Vec<usize> = painted
        .iter()
        .flat_map(|p| [p.0, p.1])
        .chain([0, text.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = egui::text::LayoutJob::default();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        if from >= to || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
            continue;
        }
        let background = painted
            .iter()
            .enumerate()
            .filter(|(_, p)| p.0 <= from && to <= p.1)
            .max_by_key(|(order, p)| (p.3, *order))
            .map_or(egui::Color32::TRANSPARENT, |(_, p)| p.2);
        job.append(
            &text[from..to],
            0.0,
            egui::TextFormat {
                background,
                ..egui::TextFormat::simple(font.clone(), color)
            },
        );
    }
    job
}

/// The body at a reading size, in a read-only text box so a passage can be
/// selected and highlighted; returns how many search matches there are.
fn body(
    ui: &mut egui::Ui,
    app: &mut FolioApp,
    article: &Article,
    words: &[String],
    text_size: f32,
    actions: &mut Vec<Action>,
) -> usize {
    let text = article.meta.body.as_str();
    let color = ui.visuals().text_color();
    let dark = ui.visuals().dark_mode;
    let current = app.match_cursor;
    // The painted text is worked out again only when something it shows
    // changes, not on every frame: the window must stay light on long articles.
    let key = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (
            article.id,
            &article.updated_at,
            words,
            current,
            text_size.to_bits(),
            dark,
        )
            .hash(&mut hasher);
        for h in &article.highlights {
            (h.id, h.start, h.end, &h.color, h.detached).hash(&mut hasher);
        }
        color.hash(&mut hasher);
        hasher.finish()
    };
    if app.annotating.reading.as_ref().is_none_or(|r| r.key != key) {
        let matches = if words.is_empty() {
            Vec::new()
        } else {
            crate::gui::highlight::matches_in(text, words)
        };
        let job = reading_job(
            text,
            &article.highlights,
            &matches,
            current,
            egui::FontId::proportional(text_size),
            color,
            dark,
        );
        app.annotating.reading = Some(crate::gui::annotating::ReadingText { key, job, matches });
    }
    // Borrowed out of the app for this frame (put back below), not copied.
    let Some(reading) = app.annotating.reading.take() else {
        return 0;
    };
    let matches = &reading.matches;
    let mut layouter = |ui: &egui::Ui, _buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let mut job = reading.job.clone();
        job.wrap.max_width = wrap_width;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let mut shown = text;
    let output = egui::TextEdit::multiline(&mut shown)
        .id_salt(("reader-text", article.id))
        .frame(egui::Frame::NONE)
        .desired_width(f32::INFINITY)
        .layouter(&mut layouter)
        .show(ui);
    let response = &output.response.response;
    app.annotating.text_id = Some(response.id);
    if let Some(range) = output.cursor_range.filter(|_| response.has_focus()) {
        let chars = range.as_sorted_char_range();
        app.annotating.selection = (chars.start.0 < chars.end.0).then_some(chars.start.0..chars.end.0);
    }
    response.context_menu(|ui| {
        if app.annotating.selection.is_none() {
            ui.weak("Select a passage to highlight it");
            return;
        }
        for color in HIGHLIGHT_COLORS {
            if ui.button(format!("Highlight in {color}")).clicked() {
                actions.push(Action::Annotate(AnnotateAction::Highlight {
                    color: color.to_string(),
                }));
                ui.close();
            }
        }
    });
    // Where to scroll: the current match, or a highlight asked for.
    let target = if app.scroll_to_match && !matches.is_empty() {
        let at = matches[current.min(matches.len() - 1)].start;
        Some(text[..at].chars().count())
    } else {
        app.annotating
            .scroll_to
            .and_then(|id| article.highlights.iter().find(|h| h.id == id))
            .map(|h| h.start)
    };
    if let Some(char_index) = target {
        let rect = output
            .galley
            .pos_from_cursor(egui::text::CCursor::new(char_index))
            .translate(output.galley_pos.to_vec2());
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
        app.annotating.scroll_to = None;
    }
    let count = matches.len();
    app.annotating.reading = Some(reading);
    count
}

/// "Highlight" in each colour, for the passage selected in the text.
fn highlight_bar(ui: &mut egui::Ui, app: &FolioApp, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        let selected = app.annotating.selection.is_some();
        let hint = if selected {
            "Highlight the selected passage"
        } else {
            "Select a passage of the text to highlight it"
        };
        ui.weak("Highlight:").on_hover_text(hint);
        for color in HIGHLIGHT_COLORS {
            let swatch = egui::Button::new(*color)
                .small()
                .fill(highlight_fill(color, ui.visuals().dark_mode))
                .selected(*color == app.annotating.color);
            let hint = format!("Highlight in {color} (Ctrl+H: the last colour used)");
            if ui.add_enabled(selected, swatch).on_hover_text(hint).clicked() {
                actions.push(Action::Annotate(AnnotateAction::Highlight {
                    color: color.to_string(),
                }));
            }
        }
    });
}

/// The note: rendered as Markdown to read, a text box to write.
fn note(ui: &mut egui::Ui, app: &mut FolioApp, actions: &mut Vec<Action>) {
    let heading = ui
        .horizontal(|ui| {
            let heading = ui.strong("Note");
            if app.annotating.note_editing {
                if ui
                    .small_button("Done")
                    .on_hover_text("Show the note as formatted text")
                    .clicked()
                {
                    actions.push(Action::Annotate(AnnotateAction::DoneNote));
                }
            } else if ui.small_button("Edit note").clicked() {
                actions.push(Action::Annotate(AnnotateAction::EditNote));
            }
            heading
        })
        .inner;
    if app.annotating.note_editing {
        let note = ui
            .add(
                egui::TextEdit::multiline(&mut app.note_draft)
                    .hint_text("Your note on this article (Markdown), saved as you type")
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(heading.id);
        if note.changed() {
            actions.push(Action::NoteEdited);
        }
    } else {
        egui::Frame::NONE.inner_margin(4.0).show(ui, |ui| {
            egui_commonmark::CommonMarkViewer::new().show(ui, &mut app.annotating.markdown, &app.note_draft);
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
                    let metadata = metadata_line(&article);
                    if metadata.is_empty() {
                        // A clipping that named no date or source: say so
                        // rather than leave a blank line under the title.
                        ui.weak("No date or source found: Edit details… adds them.");
                    } else {
                        ui.weak(metadata);
                    }
                    let provenance = article.provenance.describe();
                    if !provenance.is_empty() {
                        ui.weak(provenance);
                    }
                    if article.provenance.link_only
                        && let Some(url) = &article.meta.url
                    {
                        ui.hyperlink_to("Open the link in the browser", url);
                    }
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
                    topics_row(ui, app, &article, &mut actions);
                    let words = crate::library::query::words_to_highlight(&app.search);
                    if !words.is_empty() {
                        match_controls(ui, app, &mut actions);
                    }
                    highlight_bar(ui, app, &mut actions);
                    ui.separator();
                    app.match_count = body(ui, app, &article, &words, text_size, &mut actions);
                    app.scroll_to_match = false;
                    ui.separator();
                    note(ui, app, &mut actions);
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
