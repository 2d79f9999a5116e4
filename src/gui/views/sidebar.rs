//! The left sidebar: the library's places (all, recent, trash), then the
//! facets — date (year → month), region, topic, source, tag, kind and
//! language — each value with the count the current choice leaves it.

use crate::gui::{Action, AnnotateAction, Browse, FolioApp, TopicEdit};
use crate::library::{FacetCount, TopicNode};
use crate::model::{Facet, FacetChoice};

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn label_with_count(label: &str, count: Option<usize>) -> (String, String) {
    match count {
        Some(count) => (
            format!("{label}  ({count})"),
            format!("{label}: {count} article{}", if count == 1 { "" } else { "s" }),
        ),
        None => (label.to_string(), label.to_string()),
    }
}

/// A place in the library (all, recent, trash).
fn entry(
    ui: &mut egui::Ui,
    current: Option<&Browse>,
    target: Browse,
    label: &str,
    count: Option<usize>,
) -> Option<Action> {
    let selected = current == Some(&target);
    let (text, hover) = label_with_count(label, count);
    ui.add(egui::Button::selectable(selected, text).truncate())
        .on_hover_text(hover)
        .clicked()
        .then_some(Action::Browse(target))
}

/// A facet's value: click to choose it (with the others chosen in its
/// facet, any of them will do) or to take it back.
fn value_entry(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    facet: Facet,
    value: &str,
    label: &str,
    count: usize,
) -> egui::Response {
    value_entry_with(ui, choice, facet, (value, label, count), "")
}

/// A facet's value with more to say in its hover text (a tag's menu).
fn value_entry_with(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    facet: Facet,
    (value, label, count): (&str, &str, usize),
    more: &str,
) -> egui::Response {
    let chosen = choice.contains(facet, value);
    let (text, hover) = label_with_count(label, Some(count));
    let hint = if chosen {
        "click to take back"
    } else {
        "click to choose"
    };
    ui.add(egui::Button::selectable(chosen, text).truncate())
        .on_hover_text(format!("{hover} ({hint}){more}"))
}

fn group(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    title: &str,
    facet: Facet,
    values: &[FacetCount],
    name_of: impl Fn(&str) -> String,
    actions: &mut Vec<Action>,
) {
    if values.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(title)
        .default_open(true)
        .show(ui, |ui| {
            for value in values {
                let label = name_of(&value.value);
                if value_entry(ui, choice, facet, &value.value, &label, value.count).clicked() {
                    actions.push(Action::ToggleFacet(facet, value.value.clone()));
                }
            }
        });
}

/// A tag's colour, as a dot before its name.
pub(super) fn color_dot(ui: &mut egui::Ui, color: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    let fill = super::reader::highlight_fill(color, !ui.visuals().dark_mode);
    ui.painter().circle_filled(rect.center(), 4.5, fill);
}

/// Tags listed at most; a longer list is found by typing in its filter.
const TAGS_LISTED: usize = 60;

/// The tags, with a field that narrows them as you type (a library may
/// have thousands), each with a menu (right click) to rename it (onto
/// another tag: a merge) or delete it; a tag being renamed shows a name
/// field.
fn tags(
    ui: &mut egui::Ui,
    renaming: &mut Option<(String, String)>,
    filter: &mut String,
    choice: &FacetChoice,
    (values, colors): (&[FacetCount], &std::collections::HashMap<String, String>),
    actions: &mut Vec<Action>,
) {
    if values.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Tags")
        .default_open(true)
        .show(ui, |ui| {
            if values.len() > 8 {
                let label = ui.weak("Find a tag");
                ui.add(
                    egui::TextEdit::singleline(filter)
                        .hint_text(format!("among {} tags", values.len()))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            }
            let typed = filter.trim().to_lowercase();
            let matching: Vec<&FacetCount> = values
                .iter()
                .filter(|v| typed.is_empty() || v.value.to_lowercase().contains(&typed))
                .collect();
            if matching.is_empty() {
                ui.weak("No tag has these letters");
            }
            let more = matching.len().saturating_sub(TAGS_LISTED);
            for value in matching.into_iter().take(TAGS_LISTED) {
                if let Some((old, typed)) = renaming
                    && *old == value.value
                {
                    match name_field(ui, &format!("Rename “{old}” to"), typed) {
                        Some(true) => actions.push(Action::RenameTag(old.clone(), typed.clone())),
                        Some(false) => actions.push(Action::CancelTagEdit),
                        None => {}
                    }
                    continue;
                }
                let color = colors.get(&value.value);
                let button = ui
                    .horizontal(|ui| {
                        if let Some(color) = color {
                            color_dot(ui, color);
                        }
                        value_entry_with(
                            ui,
                            choice,
                            Facet::Tag,
                            (&value.value, &value.value, value.count),
                            "; right click to rename, colour or delete",
                        )
                    })
                    .inner;
                if button.clicked() {
                    actions.push(Action::ToggleFacet(Facet::Tag, value.value.clone()));
                }
                button.context_menu(|ui| {
                    if ui
                        .button("Rename…")
                        .on_hover_text("Renaming onto another tag merges the two")
                        .clicked()
                    {
                        actions.push(Action::StartRenameTag(value.value.clone()));
                        ui.close();
                    }
                    ui.horizontal(|ui| {
                        ui.weak("Colour");
                        let dark = ui.visuals().dark_mode;
                        for name in crate::model::HIGHLIGHT_COLORS {
                            let swatch = egui::Button::new(*name)
                                .fill(super::reader::highlight_fill(name, dark))
                                .selected(color.map(String::as_str) == Some(*name));
                            if ui.add(swatch).clicked() {
                                actions
                                    .push(Action::SetTagColor(value.value.clone(), Some(name.to_string())));
                                ui.close();
                            }
                        }
                        if color.is_some() && ui.button("none").clicked() {
                            actions.push(Action::SetTagColor(value.value.clone(), None));
                            ui.close();
                        }
                    });
                    if ui.button("Delete…").clicked() {
                        actions.push(Action::AskDeleteTag(value.value.clone(), value.count));
                        ui.close();
                    }
                });
            }
            if more > 0 {
                ui.weak(format!("and {more} more: type to find them"));
            }
        });
}

/// A name field in the sidebar: it takes the keyboard when it opens; Enter
/// keeps the name (`Some(true)`), leaving it (Escape, a click elsewhere)
/// cancels (`Some(false)`).
fn name_field(ui: &mut egui::Ui, label: &str, typed: &mut String) -> Option<bool> {
    let label = ui.weak(label);
    let field = ui
        .add(egui::TextEdit::singleline(typed).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let asked = ui.data(|d| d.get_temp::<bool>(field.id)).unwrap_or(false);
    if !asked {
        field.request_focus();
        ui.data_mut(|d| d.insert_temp(field.id, true));
    }
    if field.lost_focus() {
        ui.data_mut(|d| d.remove::<bool>(field.id));
        return Some(ui.input(|i| i.key_pressed(egui::Key::Enter)));
    }
    None
}

/// The topic name field's answer as an action.
fn topic_edit_action(entered: bool) -> Action {
    if entered {
        Action::FinishTopicEdit
    } else {
        Action::CancelTopicEdit
    }
}

/// The topics: those that hold articles, are chosen, or are the user's
/// own, as a tree. Right click adds a topic below one; the user's own
/// topics can be renamed (onto another of the same name: a merge) and moved.
fn topics(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    tree: &[TopicNode],
    edit: &mut Option<(TopicEdit, String)>,
    actions: &mut Vec<Action>,
) {
    fn shown(node: &TopicNode, choice: &FacetChoice) -> bool {
        node.count > 0
            || !node.builtin
            || choice.contains(Facet::Topic, &node.name)
            || node.children.iter().any(|c| shown(c, choice))
    }
    fn branch(
        ui: &mut egui::Ui,
        choice: &FacetChoice,
        nodes: &[TopicNode],
        roots: &[TopicNode],
        edit: &mut Option<(TopicEdit, String)>,
        actions: &mut Vec<Action>,
    ) {
        let naming_under = match edit {
            Some((TopicEdit::New(Some(parent)), _)) => Some(*parent),
            _ => None,
        };
        for node in nodes
            .iter()
            .filter(|n| shown(n, choice) || naming_under == Some(n.id))
        {
            if let Some((TopicEdit::Rename(id), typed)) = edit
                && *id == node.id
            {
                actions.extend(
                    name_field(ui, &format!("Rename “{}” to", node.name), typed).map(topic_edit_action),
                );
                continue;
            }
            let entry = value_entry(ui, choice, Facet::Topic, &node.name, &node.name, node.count);
            if entry.clicked() {
                actions.push(Action::ToggleFacet(Facet::Topic, node.name.clone()));
            }
            entry.context_menu(|ui| {
                if ui.button(format!("New topic under “{}”…", node.name)).clicked() {
                    actions.push(Action::StartNewTopic(Some(node.id)));
                    ui.close();
                }
                if node.builtin {
                    ui.weak("A built-in topic: add your own below it");
                    return;
                }
                if ui
                    .button("Rename…")
                    .on_hover_text("Renaming onto a topic of the same name beside it merges the two")
                    .clicked()
                {
                    actions.push(Action::StartRenameTopic(node.id, node.name.clone()));
                    ui.close();
                }
                ui.menu_button("Move to", |ui| {
                    if ui.button("The top of the tree").clicked() {
                        actions.push(Action::MoveTopic(node.id, None));
                        ui.close();
                    }
                    for root in roots.iter().filter(|r| r.id != node.id) {
                        if ui.button(&root.name).clicked() {
                            actions.push(Action::MoveTopic(node.id, Some(root.id)));
                            ui.close();
                        }
                    }
                });
            });
            let naming_here = naming_under == Some(node.id);
            if naming_here || node.children.iter().any(|c| shown(c, choice)) {
                ui.indent(("topic", node.id), |ui| {
                    branch(ui, choice, &node.children, roots, edit, actions);
                    if let Some((TopicEdit::New(Some(p)), typed)) = edit
                        && *p == node.id
                    {
                        actions.extend(
                            name_field(ui, &format!("New topic under “{}”", node.name), typed)
                                .map(topic_edit_action),
                        );
                    }
                });
            }
        }
    }
    egui::CollapsingHeader::new("Topics")
        .default_open(true)
        .show(ui, |ui| {
            branch(ui, choice, tree, tree, edit, actions);
            if let Some((TopicEdit::New(None), typed)) = edit {
                actions.extend(name_field(ui, "New topic", typed).map(topic_edit_action));
            } else if ui
                .small_button("New topic…")
                .on_hover_text(
                    "A topic of your own at the top of the tree; right click a topic to add one below it",
                )
                .clicked()
            {
                actions.push(Action::StartNewTopic(None));
            }
        });
}

/// Years, each opening onto its months once it (or one of them) is chosen.
fn dates(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    (years, months, days): (&[FacetCount], &[FacetCount], &[FacetCount]),
    actions: &mut Vec<Action>,
) {
    if years.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Dates")
        .default_open(true)
        .show(ui, |ui| {
            for year in years {
                let in_year: Vec<&FacetCount> = months
                    .iter()
                    .filter(|m| m.value.starts_with(&year.value))
                    .collect();
                if value_entry(ui, choice, Facet::Date, &year.value, &year.value, year.count).clicked() {
                    actions.push(Action::ToggleFacet(Facet::Date, year.value.clone()));
                }
                let open_here = choice.contains(Facet::Date, &year.value)
                    || choice.months.iter().any(|m| m.starts_with(&year.value))
                    || choice.days.iter().any(|d| d.starts_with(&year.value));
                if open_here {
                    ui.indent(("months", &year.value), |ui| {
                        for month in in_year {
                            let m: usize = month.value.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
                            let name = MONTH_NAMES.get(m.saturating_sub(1)).copied().unwrap_or("?");
                            if value_entry(ui, choice, Facet::Date, &month.value, name, month.count).clicked()
                            {
                                actions.push(Action::ToggleFacet(Facet::Date, month.value.clone()));
                            }
                            // A chosen month (or one holding a chosen day) opens onto its days.
                            let in_month: Vec<&FacetCount> = days
                                .iter()
                                .filter(|d| d.value.starts_with(&month.value))
                                .collect();
                            if !in_month.is_empty() {
                                ui.indent(("days", &month.value), |ui| {
                                    for day in in_month {
                                        let number =
                                            day.value.get(8..10).unwrap_or("").trim_start_matches('0');
                                        let label = format!("{number} {name}");
                                        if value_entry(ui, choice, Facet::Date, &day.value, &label, day.count)
                                            .clicked()
                                        {
                                            actions.push(Action::ToggleFacet(Facet::Date, day.value.clone()));
                                        }
                                    }
                                });
                            }
                        }
                    });
                }
            }
        });
}

/// Regions, each chosen one opening onto the countries its articles
/// concern.
fn regions(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    facets: &crate::library::Facets,
    actions: &mut Vec<Action>,
) {
    if facets.regions.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Regions")
        .default_open(true)
        .show(ui, |ui| {
            for region in &facets.regions {
                if value_entry(
                    ui,
                    choice,
                    Facet::Region,
                    &region.value,
                    &region.value,
                    region.count,
                )
                .clicked()
                {
                    actions.push(Action::ToggleFacet(Facet::Region, region.value.clone()));
                }
                let countries = facets.countries.iter().find(|(r, _)| *r == region.value);
                if let Some((_, countries)) = countries {
                    ui.indent(("countries", &region.value), |ui| {
                        for country in countries {
                            if value_entry(
                                ui,
                                choice,
                                Facet::Region,
                                &country.value,
                                &country.value,
                                country.count,
                            )
                            .clicked()
                            {
                                actions.push(Action::ToggleFacet(Facet::Region, country.value.clone()));
                            }
                        }
                    });
                }
            }
        });
}

pub use crate::model::languages::language_name;

pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Searches the user named: click to run again, right-click to delete.
fn saved_searches(ui: &mut egui::Ui, app: &FolioApp, actions: &mut Vec<Action>) {
    let saved = &app.facets.saved_searches;
    if saved.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Saved searches")
        .default_open(true)
        .show(ui, |ui| {
            for search in saved {
                let active = app.search == search.query;
                let response = ui
                    .add(egui::Button::selectable(active, search.name.as_str()).truncate())
                    .on_hover_text(format!("{}  (right-click to delete)", search.query));
                if response.clicked() {
                    actions.push(Action::RunSavedSearch(search.clone()));
                }
                response.context_menu(|ui| {
                    if ui.button("Delete saved search").clicked() {
                        actions.push(Action::DeleteSavedSearch(search.id));
                    }
                });
            }
        });
}

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    // While the annotations view is open, no place in the list is shown.
    let current = app.annotating.view.is_none().then(|| *app.browse());
    egui::Panel::left("sidebar")
        .resizable(true)
        .default_size(230.0)
        .min_size(200.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add_space(6.0);
                ui.strong("Library");
                // With facet values chosen, the list is no longer "all".
                let whole = app.settings.choice.is_empty();
                actions.extend(entry(
                    ui,
                    current.as_ref().filter(|_| whole),
                    Browse::All,
                    "All articles",
                    Some(app.facets.all),
                ));
                actions.extend(entry(
                    ui,
                    current.as_ref(),
                    Browse::Recent,
                    "Recently imported",
                    None,
                ));
                actions.extend(entry(
                    ui,
                    current.as_ref(),
                    Browse::Trash,
                    "Trash",
                    Some(app.facets.trash),
                ));
                let viewing = app.annotating.view.is_some();
                if ui
                    .add(egui::Button::selectable(viewing, "Annotations"))
                    .on_hover_text("Every highlight and note in the library")
                    .clicked()
                {
                    actions.push(Action::Annotate(if viewing {
                        AnnotateAction::CloseView
                    } else {
                        AnnotateAction::ShowView
                    }));
                }
                saved_searches(ui, app, &mut actions);
                ui.add_space(6.0);
                let choice = app.settings.choice.clone();
                dates(
                    ui,
                    &choice,
                    (&app.facets.years, &app.facets.months, &app.facets.days),
                    &mut actions,
                );
                regions(ui, &choice, &app.facets, &mut actions);
                topics(ui, &choice, &app.facets.topics, &mut app.topic_edit, &mut actions);
                group(
                    ui,
                    &choice,
                    "Sources",
                    Facet::Source,
                    &app.facets.sources,
                    str::to_string,
                    &mut actions,
                );
                tags(
                    ui,
                    &mut app.renaming_tag,
                    &mut app.tag_filter,
                    &choice,
                    (&app.facets.tags, &app.facets.tag_colors),
                    &mut actions,
                );
                group(
                    ui,
                    &choice,
                    "Kind",
                    Facet::Kind,
                    &app.facets.kinds,
                    capitalised,
                    &mut actions,
                );
                group(
                    ui,
                    &choice,
                    "Language",
                    Facet::Language,
                    &app.facets.languages,
                    language_name,
                    &mut actions,
                );
            });
        });
    actions
}
