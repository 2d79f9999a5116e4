//! The sidebar's topic tree: the topics that hold articles, are chosen or
//! are the user's own; new topics named in place; the user's own renamed
//! and moved.

use super::parts::{name_field, value_entry};
use crate::gui::action::Actions;
use crate::gui::state::list::ListAction;
use crate::gui::state::tags::{TagsAction, TopicEdit};
use crate::library::TopicNode;
use crate::model::{Facet, FacetChoice};

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
pub fn topics(
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
