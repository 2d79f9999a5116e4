//! The left sidebar: the library's places (all, recent, trash), then the
//! facets — date (year → month), region, topic, source, tag, kind and
//! language — each value with the count the current choice leaves it.

use crate::gui::action::{Action, Actions};
use crate::gui::state::annotating::AnnotateAction;
use crate::gui::state::list::{Browse, ListAction, ListState};
use crate::gui::state::tags::{TagEdits, TagsAction, TopicEdit};
use crate::gui::widgets::{self, capitalised, color_dot, language_name};
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
        .then_some(Action::List(ListAction::Browse(target)))
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
    actions: &mut Actions,
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
                    actions.push(ListAction::ToggleFacet(facet, value.value.clone()));
                }
            }
        });
}

/// Tags listed at most; a longer list is found by typing in its filter.
const TAGS_LISTED: usize = 60;

/// A tag's right-click menu: rename, colour, delete.
fn tag_menu(ui: &mut egui::Ui, value: &FacetCount, color: Option<&String>, actions: &mut Actions) {
    if ui
        .button("Rename…")
        .on_hover_text("Renaming onto another tag merges the two")
        .clicked()
    {
        actions.push(TagsAction::StartRename(value.value.clone()));
        ui.close();
    }
    ui.horizontal(|ui| {
        ui.weak("Colour");
        let dark = ui.visuals().dark_mode;
        for name in crate::model::HIGHLIGHT_COLORS {
            let swatch = egui::Button::new(*name)
                .fill(widgets::highlight_fill(name, dark))
                .selected(color.map(String::as_str) == Some(*name));
            if ui.add(swatch).clicked() {
                actions.push(TagsAction::SetColor(value.value.clone(), Some(name.to_string())));
                ui.close();
            }
        }
        if color.is_some() && ui.button("none").clicked() {
            actions.push(TagsAction::SetColor(value.value.clone(), None));
            ui.close();
        }
    });
    if ui.button("Delete…").clicked() {
        actions.push(TagsAction::AskDelete(value.value.clone(), value.count));
        ui.close();
    }
}

/// One tag: its colour, its name and count, its menu; or, while it is
/// renamed, the name field.
fn tag_entry(
    ui: &mut egui::Ui,
    edits: &TagEdits,
    choice: &FacetChoice,
    value: &FacetCount,
    color: Option<&String>,
    actions: &mut Actions,
) {
    if let Some((old, typed)) = &edits.renaming
        && *old == value.value
    {
        let (typed_now, done) = name_field(ui, &format!("Rename “{old}” to"), typed);
        let name = typed_now.clone().unwrap_or_else(|| typed.clone());
        if let Some(text) = typed_now {
            actions.push(TagsAction::RenameTyped(text));
        }
        match done {
            Some(true) => actions.push(TagsAction::Rename(old.clone(), name)),
            Some(false) => actions.push(TagsAction::CancelEdit),
            None => {}
        }
        return;
    }
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
        actions.push(ListAction::ToggleFacet(Facet::Tag, value.value.clone()));
    }
    button.context_menu(|ui| tag_menu(ui, value, color, actions));
}

/// The tags, with a field that narrows them as you type (a library may
/// have thousands), each with a menu (right click) to rename it (onto
/// another tag: a merge) or delete it; a tag being renamed shows a name
/// field.
fn tags(
    ui: &mut egui::Ui,
    edits: &TagEdits,
    choice: &FacetChoice,
    (values, colors): (&[FacetCount], &std::collections::HashMap<String, String>),
    actions: &mut Actions,
) {
    if values.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Tags")
        .default_open(true)
        .show(ui, |ui| {
            let mut filter = edits.tag_filter.clone();
            if values.len() > 8 {
                let label = ui.weak("Find a tag");
                let (typed, field) = widgets::typed_line(ui, &edits.tag_filter, |t| {
                    t.hint_text(format!("among {} tags", values.len()))
                        .desired_width(f32::INFINITY)
                });
                let _field = field.labelled_by(label.id);
                if let Some(typed) = typed {
                    filter = typed.clone();
                    actions.push(TagsAction::FilterTyped(typed));
                }
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
                tag_entry(ui, edits, choice, value, colors.get(&value.value), actions);
            }
            if more > 0 {
                ui.weak(format!("and {more} more: type to find them"));
            }
        });
}

/// A name field in the sidebar, drawn from `typed`: it takes the keyboard
/// when it opens. Returns the text when it was typed in, and the answer:
/// Enter keeps the name (`Some(true)`), leaving it (Escape, a click
/// elsewhere) cancels (`Some(false)`).
fn name_field(ui: &mut egui::Ui, label: &str, typed: &str) -> (Option<String>, Option<bool>) {
    let label = ui.weak(label);
    let (text, field) = widgets::typed_line(ui, typed, |t| t.desired_width(f32::INFINITY));
    let field = field.labelled_by(label.id);
    let asked = ui.data(|d| d.get_temp::<bool>(field.id)).unwrap_or(false);
    if !asked {
        field.request_focus();
        ui.data_mut(|d| d.insert_temp(field.id, true));
    }
    if field.lost_focus() {
        ui.data_mut(|d| d.remove::<bool>(field.id));
        return (text, Some(ui.input(|i| i.key_pressed(egui::Key::Enter))));
    }
    (text, None)
}

/// The topic name field, drawn from what is typed, its answers as actions.
fn topic_name_field(ui: &mut egui::Ui, label: &str, typed: &str, actions: &mut Actions) {
    let (text, done) = name_field(ui, label, typed);
    if let Some(text) = text {
        actions.push(TagsAction::TopicNameTyped(text));
    }
    match done {
        Some(true) => actions.push(TagsAction::FinishTopicEdit),
        Some(false) => actions.push(TagsAction::CancelTopicEdit),
        None => {}
    }
}

/// Whether a topic is in the tree: it holds articles, is chosen, is the
/// user's own, or has such a topic below it.
fn shown(node: &TopicNode, choice: &FacetChoice) -> bool {
    node.count > 0
        || !node.builtin
        || choice.contains(Facet::Topic, &node.name)
        || node.children.iter().any(|c| shown(c, choice))
}

/// A topic's right-click menu: a new topic under it; the user's own are
/// renamed and moved.
fn topic_menu(ui: &mut egui::Ui, node: &TopicNode, roots: &[TopicNode], actions: &mut Actions) {
    if ui.button(format!("New topic under “{}”…", node.name)).clicked() {
        actions.push(TagsAction::StartNewTopic(Some(node.id)));
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
        actions.push(TagsAction::StartRenameTopic(node.id, node.name.clone()));
        ui.close();
    }
    ui.menu_button("Move to", |ui| {
        if ui.button("The top of the tree").clicked() {
            actions.push(TagsAction::MoveTopic(node.id, None));
            ui.close();
        }
        for root in roots.iter().filter(|r| r.id != node.id) {
            if ui.button(&root.name).clicked() {
                actions.push(TagsAction::MoveTopic(node.id, Some(root.id)));
                ui.close();
            }
        }
    });
}

/// The topics at one level of the tree, and below them.
fn branch(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    (nodes, roots): (&[TopicNode], &[TopicNode]),
    edit: Option<&(TopicEdit, String)>,
    actions: &mut Actions,
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
            topic_name_field(ui, &format!("Rename “{}” to", node.name), typed, actions);
            continue;
        }
        let entry = value_entry(ui, choice, Facet::Topic, &node.name, &node.name, node.count);
        if entry.clicked() {
            actions.push(ListAction::ToggleFacet(Facet::Topic, node.name.clone()));
        }
        entry.context_menu(|ui| topic_menu(ui, node, roots, actions));
        let naming_here = naming_under == Some(node.id);
        if naming_here || node.children.iter().any(|c| shown(c, choice)) {
            ui.indent(("topic", node.id), |ui| {
                branch(ui, choice, (&node.children, roots), edit, actions);
                if let Some((TopicEdit::New(Some(p)), typed)) = edit
                    && *p == node.id
                {
                    topic_name_field(ui, &format!("New topic under “{}”", node.name), typed, actions);
                }
            });
        }
    }
}

/// The topics: those that hold articles, are chosen, or are the user's
/// own, as a tree. Right click adds a topic below one; the user's own
/// topics can be renamed (onto another of the same name: a merge) and moved.
fn topics(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    tree: &[TopicNode],
    edit: Option<&(TopicEdit, String)>,
    actions: &mut Actions,
) {
    egui::CollapsingHeader::new("Topics")
        .default_open(true)
        .show(ui, |ui| {
            branch(ui, choice, (tree, tree), edit, actions);
            if let Some((TopicEdit::New(None), typed)) = edit {
                topic_name_field(ui, "New topic", typed, actions);
            } else if ui
                .small_button("New topic…")
                .on_hover_text(
                    "A topic of your own at the top of the tree; right click a topic to add one below it",
                )
                .clicked()
            {
                actions.push(TagsAction::StartNewTopic(None));
            }
        });
}

/// Years, each opening onto its months once it (or one of them) is chosen.
fn dates(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    (years, months, days): (&[FacetCount], &[FacetCount], &[FacetCount]),
    actions: &mut Actions,
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
                    actions.push(ListAction::ToggleFacet(Facet::Date, year.value.clone()));
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
                                actions.push(ListAction::ToggleFacet(Facet::Date, month.value.clone()));
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
                                            actions.push(ListAction::ToggleFacet(
                                                Facet::Date,
                                                day.value.clone(),
                                            ));
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
fn regions(ui: &mut egui::Ui, choice: &FacetChoice, facets: &crate::library::Facets, actions: &mut Actions) {
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
                    actions.push(ListAction::ToggleFacet(Facet::Region, region.value.clone()));
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
                                actions.push(ListAction::ToggleFacet(Facet::Region, country.value.clone()));
                            }
                        }
                    });
                }
            }
        });
}

/// Searches the user named: click to run again, right-click to delete.
fn saved_searches(ui: &mut egui::Ui, list: &ListState, actions: &mut Actions) {
    let saved = &list.facets.saved_searches;
    if saved.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Saved searches")
        .default_open(true)
        .show(ui, |ui| {
            for search in saved {
                let active = list.search == search.query;
                let response = ui
                    .add(egui::Button::selectable(active, search.name.as_str()).truncate())
                    .on_hover_text(format!("{}  (right-click to delete)", search.query));
                if response.clicked() {
                    actions.push(ListAction::RunSavedSearch(search.clone()));
                }
                response.context_menu(|ui| {
                    if ui.button("Delete saved search").clicked() {
                        actions.push(ListAction::DeleteSavedSearch(search.id));
                    }
                });
            }
        });
}

/// The library's places, the annotations view, and the saved searches.
fn places(ui: &mut egui::Ui, list: &ListState, viewing_annotations: bool, actions: &mut Actions) {
    // While the annotations view is open, no place in the list is shown.
    let current = (!viewing_annotations).then_some(&list.browse);
    ui.strong("Library");
    // With facet values chosen, the list is no longer "all".
    let whole = list.choice.is_empty();
    let facets = &list.facets;
    actions.0.extend(entry(
        ui,
        current.filter(|_| whole),
        Browse::All,
        "All articles",
        Some(facets.all),
    ));
    actions
        .0
        .extend(entry(ui, current, Browse::Recent, "Recently imported", None));
    actions
        .0
        .extend(entry(ui, current, Browse::Trash, "Trash", Some(facets.trash)));
    if ui
        .add(egui::Button::selectable(viewing_annotations, "Annotations"))
        .on_hover_text("Every highlight and note in the library")
        .clicked()
    {
        actions.push(if viewing_annotations {
            AnnotateAction::CloseView
        } else {
            AnnotateAction::ShowView
        });
    }
    saved_searches(ui, list, actions);
}

/// The facets, each a group of values with their counts.
fn facets(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits, actions: &mut Actions) {
    let choice = &list.choice;
    let facets = &list.facets;
    dates(ui, choice, (&facets.years, &facets.months, &facets.days), actions);
    regions(ui, choice, facets, actions);
    topics(ui, choice, &facets.topics, edits.topic_edit.as_ref(), actions);
    group(
        ui,
        choice,
        "Sources",
        Facet::Source,
        &facets.sources,
        str::to_string,
        actions,
    );
    tags(ui, edits, choice, (&facets.tags, &facets.tag_colors), actions);
    group(
        ui,
        choice,
        "Kind",
        Facet::Kind,
        &facets.kinds,
        capitalised,
        actions,
    );
    group(
        ui,
        choice,
        "Language",
        Facet::Language,
        &facets.languages,
        language_name,
        actions,
    );
}

pub fn show(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits, viewing_annotations: bool) -> Vec<Action> {
    let mut actions = Actions::default();
    egui::Panel::left("sidebar")
        .resizable(true)
        .default_size(230.0)
        .min_size(200.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add_space(6.0);
                places(ui, list, viewing_annotations, &mut actions);
                ui.add_space(6.0);
                facets(ui, list, edits, &mut actions);
            });
        });
    actions.0
}
