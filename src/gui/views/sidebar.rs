//! The left sidebar: browse by library, date (year → month), region, source
//! and tag, each with counts.

use crate::gui::{Action, AnnotateAction, Browse, FolioApp};
use crate::library::{FacetCount, TopicNode};

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

fn entry(
    ui: &mut egui::Ui,
    current: Option<&Browse>,
    target: Browse,
    label: &str,
    count: Option<usize>,
) -> Option<Action> {
    let selected = current == Some(&target);
    let text = match count {
        Some(count) => format!("{label}  ({count})"),
        None => label.to_string(),
    };
    let hover = match count {
        Some(count) => format!("{label}: {count} article{}", if count == 1 { "" } else { "s" }),
        None => label.to_string(),
    };
    ui.add(egui::Button::selectable(selected, text).truncate())
        .on_hover_text(hover)
        .clicked()
        .then_some(Action::Browse(target))
}

fn group(
    ui: &mut egui::Ui,
    current: Option<&Browse>,
    title: &str,
    values: &[FacetCount],
    make: impl Fn(&str) -> Browse,
    actions: &mut Vec<Action>,
) {
    if values.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(title)
        .default_open(true)
        .show(ui, |ui| {
            for value in values {
                actions.extend(entry(
                    ui,
                    current,
                    make(&value.value),
                    &value.value,
                    Some(value.count),
                ));
            }
        });
}

/// The tags, each with a menu (right click) to rename it (onto another
/// tag: a merge) or delete it; a tag being renamed shows a name field.
fn tags(
    ui: &mut egui::Ui,
    renaming: &mut Option<(String, String)>,
    current: Option<&Browse>,
    values: &[FacetCount],
    actions: &mut Vec<Action>,
) {
    if values.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Tags")
        .default_open(true)
        .show(ui, |ui| {
            for value in values {
                if let Some((old, typed)) = renaming
                    && *old == value.value
                {
                    let label = ui.weak(format!("Rename “{old}” to"));
                    let field = ui
                        .add(egui::TextEdit::singleline(typed).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    // The keyboard goes to the field once, when it opens.
                    let asked = ui.data(|d| d.get_temp::<bool>(field.id)).unwrap_or(false);
                    if !asked {
                        field.request_focus();
                        ui.data_mut(|d| d.insert_temp(field.id, true));
                    }
                    if field.lost_focus() {
                        ui.data_mut(|d| d.remove::<bool>(field.id));
                        let entered = ui.input(|i| i.key_pressed(egui::Key::Enter));
                        actions.push(if entered {
                            Action::RenameTag(old.clone(), typed.clone())
                        } else {
                            Action::CancelTagEdit
                        });
                    }
                    continue;
                }
                let target = Browse::Tag(value.value.clone());
                let selected = current == Some(&target);
                let button = ui
                    .add(
                        egui::Button::selectable(selected, format!("{}  ({})", value.value, value.count))
                            .truncate(),
                    )
                    .on_hover_text(format!(
                        "{}: {} article{} (right click to rename or delete)",
                        value.value,
                        value.count,
                        if value.count == 1 { "" } else { "s" }
                    ));
                if button.clicked() {
                    actions.push(Action::Browse(target));
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
                    if ui.button("Delete…").clicked() {
                        actions.push(Action::AskDeleteTag(value.value.clone(), value.count));
                        ui.close();
                    }
                });
            }
        });
}

/// The topics that hold articles, as a tree: a topic with sub-topics opens
/// onto them.
fn topics(ui: &mut egui::Ui, current: Option<&Browse>, tree: &[TopicNode], actions: &mut Vec<Action>) {
    fn branch(ui: &mut egui::Ui, current: Option<&Browse>, nodes: &[TopicNode], actions: &mut Vec<Action>) {
        for node in nodes.iter().filter(|n| n.count > 0) {
            actions.extend(entry(
                ui,
                current,
                Browse::Topic(node.name.clone()),
                &node.name,
                Some(node.count),
            ));
            if node.children.iter().any(|c| c.count > 0) {
                ui.indent(("topic", node.id), |ui| {
                    branch(ui, current, &node.children, actions)
                });
            }
        }
    }
    if tree.iter().all(|n| n.count == 0) {
        return;
    }
    egui::CollapsingHeader::new("Topics")
        .default_open(true)
        .show(ui, |ui| branch(ui, current, tree, actions));
}

/// Years, each opening onto its months.
fn dates(
    ui: &mut egui::Ui,
    current: Option<&Browse>,
    years: &[FacetCount],
    months: &[FacetCount],
    actions: &mut Vec<Action>,
) {
    if years.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Dates")
        .default_open(true)
        .show(ui, |ui| {
            for year in years {
                let y: i32 = year.value.parse().unwrap_or(0);
                let in_year: Vec<&FacetCount> = months
                    .iter()
                    .filter(|m| m.value.starts_with(&year.value))
                    .collect();
                actions.extend(entry(ui, current, Browse::Year(y), &year.value, Some(year.count)));
                let open_here = matches!(current, Some(Browse::Year(cy) | Browse::Month(cy, _)) if *cy == y);
                if open_here {
                    ui.indent(("months", y), |ui| {
                        for month in in_year {
                            let m: u32 = month.value.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
                            let name = MONTH_NAMES.get(m as usize - 1).copied().unwrap_or("?");
                            actions.extend(entry(ui, current, Browse::Month(y, m), name, Some(month.count)));
                        }
                    });
                }
            }
        });
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
    let current = app.annotating.view.is_none().then(|| app.browse().clone());
    egui::Panel::left("sidebar")
        .resizable(true)
        .default_size(230.0)
        .min_size(200.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add_space(6.0);
                ui.strong("Library");
                actions.extend(entry(
                    ui,
                    current.as_ref(),
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
                ui.add_space(6.0);
                dates(
                    ui,
                    current.as_ref(),
                    &app.facets.years,
                    &app.facets.months,
                    &mut actions,
                );
                group(
                    ui,
                    current.as_ref(),
                    "Regions",
                    &app.facets.regions,
                    |v| Browse::Region(v.to_string()),
                    &mut actions,
                );
                group(
                    ui,
                    current.as_ref(),
                    "Sources",
                    &app.facets.sources,
                    |v| Browse::Source(v.to_string()),
                    &mut actions,
                );
                topics(ui, current.as_ref(), &app.facets.topics, &mut actions);
                tags(
                    ui,
                    &mut app.renaming_tag,
                    current.as_ref(),
                    &app.facets.tags,
                    &mut actions,
                );
                saved_searches(ui, app, &mut actions);
            });
        });
    actions
}
