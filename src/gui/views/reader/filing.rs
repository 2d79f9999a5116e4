//! The reader's tags and topics: chips to take them off, a field to add a
//! tag (with the library's tags offered), the topic tree to file under, and
//! the topics Folio proposes.

use crate::gui::action::Actions;
use crate::gui::state::reader::{ReaderAction, ReaderState, Settled};
use crate::gui::state::tags::{TagEdits, TagsAction};
use crate::gui::widgets::{self, color_dot};
use crate::library::{Facets, TopicNode};
use crate::model::Article;

pub fn tags_row(
    ui: &mut egui::Ui,
    article: &Article,
    edits: &TagEdits,
    facets: &Facets,
    actions: &mut Actions,
) {
    let mut input = edits.tag_input.clone();
    ui.horizontal_wrapped(|ui| {
        for tag in &article.tags {
            if let Some(color) = facets.tag_colors.get(tag) {
                color_dot(ui, color);
            }
            let chip = ui
                .button(format!("{tag}  ×"))
                .on_hover_text(format!("Remove the tag “{tag}”"));
            if chip.clicked() {
                actions.push(TagsAction::RemoveTag(tag.clone()));
            }
        }
        let label = ui.weak("Add tag");
        let (typed, field) = widgets::typed_line(ui, &edits.tag_input, |t| {
            // A stable id: the chips before it come and go as tags are added.
            t.id_salt("add tag")
                .hint_text("name, then Enter")
                .desired_width(120.0)
        });
        let field = field.labelled_by(label.id);
        if let Some(typed) = typed {
            input = typed.clone();
            actions.push(TagsAction::TagTyped(typed));
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            actions.push(TagsAction::AddTag(input.clone()));
            // The field keeps the keyboard for the next tag.
            field.request_focus();
        }
        // The library's tags that match, offered under the field, over
        // what is below it: nothing in the reader moves as they come and go.
        let known = facets.tags.iter().map(|t| t.value.as_str());
        let suggestions = widgets::tag_suggestions(&input, known, &article.tags);
        // Open while the field has the keyboard, or the pointer is on the
        // offers (a click there takes the keyboard from the field first).
        let pointing_id = field.id.with("offers pointed at");
        let pointing = ui.data(|d| d.get_temp::<bool>(pointing_id)).unwrap_or(false);
        let shown = egui::Popup::from_response(&field)
            .open(!suggestions.is_empty() && (field.has_focus() || pointing))
            .show(|ui| {
                ui.weak("Existing tags:");
                for name in suggestions {
                    if ui
                        .small_button(name)
                        .on_hover_text(format!("Add the tag “{name}”"))
                        .clicked()
                    {
                        actions.push(TagsAction::AddTag(name.to_string()));
                    }
                }
            });
        let pointed = shown.is_some_and(|s| s.response.contains_pointer());
        ui.data_mut(|d| d.insert_temp(pointing_id, pointed));
    });
}

/// The topics the article is filed under, the tree to file it under more,
/// and the topics proposed.
pub fn topics_row(
    ui: &mut egui::Ui,
    article: &Article,
    tree: &[TopicNode],
    reader: &ReaderState,
    actions: &mut Actions,
) {
    ui.horizontal_wrapped(|ui| {
        ui.weak("Topics");
        for topic in &article.topics {
            if ui
                .button(format!("{}  ×", topic.path))
                .on_hover_text(format!("Take it out of “{}”", topic.path))
                .clicked()
            {
                actions.push(TagsAction::TakeOutOf(topic.id));
            }
        }
        ui.menu_button("File under…", |ui| file_under_menu(ui, tree, actions));
    });
    suggestions_row(ui, reader, actions);
}

/// The topic tree as menus, to any depth: a topic with topics below it
/// opens onto them, itself first ("as a whole").
fn file_under_menu(ui: &mut egui::Ui, nodes: &[TopicNode], actions: &mut Actions) {
    for node in nodes {
        if node.children.is_empty() {
            if ui.button(&node.name).clicked() {
                actions.push(TagsAction::FileUnder(node.id));
                ui.close();
            }
            continue;
        }
        ui.menu_button(&node.name, |ui| {
            if ui.button(format!("{} (as a whole)", node.name)).clicked() {
                actions.push(TagsAction::FileUnder(node.id));
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
fn suggestions_row(ui: &mut egui::Ui, reader: &ReaderState, actions: &mut Actions) {
    let suggestions = &reader.suggestions;
    if suggestions.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak("Suggested");
        for suggestion in suggestions {
            let percent = (suggestion.confidence * 100.0).round();
            // One framed chip: the topic, then take it (✔) or not (✖). Both
            // buttons in one frame, so neither can wrap away from its topic.
            let chrome = 2.0 * text_width(ui, "✔")
                + 6.0 * ui.spacing().button_padding.x
                + 2.0 * ui.spacing().item_spacing.x;
            // A path too long for the pane is named by its last step (the
            // whole path on hover): wrapped inside its chip, it would push
            // ✖ onto a line of its own.
            let leaf = suggestion.path.rsplit(" › ").next().unwrap_or(&suggestion.path);
            let shown = if text_width(ui, &suggestion.path) + chrome > ui.available_width() {
                leaf
            } else {
                suggestion.path.as_str()
            };
            let chip_width = text_width(ui, shown) + chrome;
            if ui.available_size_before_wrap().x < chip_width {
                ui.end_row();
            }
            egui::Frame::new()
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(ui.visuals().widgets.inactive.corner_radius)
                .inner_margin(egui::Margin::symmetric(4, 0))
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.x = 2.0;
                    // Answered: kept in its place and its size, dimmed, the
                    // answer's mark alone (nothing beside it moves).
                    if let Some(settled) = reader.settled(suggestion.topic_id) {
                        let (mark, said) = match settled {
                            Settled::Filed => ("✔", "Filed under it"),
                            Settled::Refused => ("✖", "Not suggested again"),
                        };
                        ui.weak(shown).on_hover_text(said);
                        for glyph in ["✔", "✖"] {
                            // The other mark keeps its room, unseen.
                            let text = egui::RichText::new(glyph);
                            let text = if glyph == mark {
                                text
                            } else {
                                text.color(egui::Color32::TRANSPARENT)
                            };
                            ui.add_enabled(false, egui::Button::new(text).frame(false));
                        }
                        return;
                    }
                    // A guess (few words of the text point to any topic) looks
                    // like one, so that it is not taken for a finding.
                    if suggestion.confidence < crate::library::WEAK_SUGGESTION {
                        ui.label(
                            egui::RichText::new(format!("{}?", suggestion.path))
                                .italics()
                                .weak(),
                        )
                        .on_hover_text(format!(
                            "Only a guess ({percent}%): few words of the text point to a topic"
                        ));
                    } else {
                        ui.label(shown)
                            .on_hover_text(format!("{percent}% sure it belongs under “{}”", suggestion.path));
                    }
                    // Named in words for screen readers: a bare ✔ says nothing.
                    let take = format!("File under “{}”", suggestion.path);
                    let button = ui.add(egui::Button::new("✔").frame(false));
                    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &take));
                    if button.on_hover_text(&take).clicked() {
                        actions.push(TagsAction::FileUnder(suggestion.topic_id));
                    }
                    let refuse = format!("Not “{}”: do not suggest it again", suggestion.path);
                    let button = ui.add(egui::Button::new("✖").frame(false));
                    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &refuse));
                    if button.on_hover_text(&refuse).clicked() {
                        actions.push(ReaderAction::RejectSuggestion(suggestion.topic_id));
                    }
                });
            ui.add_space(6.0);
        }
    });
}
