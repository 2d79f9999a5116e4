//! "The same story in other papers (N)": the other articles of the open
//! article's thread, each with its date, paper and title (a click opens
//! it), *Compare* beside it and *Not the same story* to take it out. An
//! article dragged from the list and dropped here joins the thread.

use crate::gui::action::Actions;
use crate::gui::state::compare::CompareAction;
use crate::gui::state::stories::{DraggedArticle, StoriesAction};
use crate::model::languages::language_name;
use crate::model::{Article, StoryMember, StoryThread};

/// "2018-06-12 · The Korea Herald · Korean": what is known of a member.
fn member_line(member: &StoryMember, article: &Article) -> String {
    let mut line: Vec<String> = Vec::new();
    line.extend(member.published.clone());
    line.extend(member.source.clone());
    // The language only where it differs from the open article's.
    if let Some(language) = &member.language
        && article.meta.language.as_ref() != Some(language)
    {
        line.push(language_name(language));
    }
    if member.by_user {
        line.push("joined by you".into());
    }
    line.join("  ·  ")
}

/// One article of the thread: its title (a link), what is known of it,
/// and its two buttons on a line of their own, so none wraps apart from
/// the rest in a narrow reader.
fn member_row(ui: &mut egui::Ui, member: &StoryMember, article: &Article, actions: &mut Actions) {
    let title = ui.link(member.title.as_str()).on_hover_text("Open this article");
    if title.clicked() {
        actions.push(StoriesAction::Open(member.id));
    }
    let line = member_line(member, article);
    if !line.is_empty() {
        ui.weak(line);
    }
    ui.horizontal(|ui| {
        if ui
            .small_button("Compare")
            .on_hover_text("This article and that one side by side, their shared passages marked")
            .clicked()
        {
            actions.push(CompareAction::Open(article.id, member.id));
        }
        if ui
            .small_button("Not the same story")
            .on_hover_text("Take it out of this story, for good (Ctrl+Z puts it back)")
            .clicked()
        {
            actions.push(StoriesAction::NotSameStory(member.id));
        }
    });
    ui.add_space(6.0);
}

/// The section, under the article's tags and topics; nothing when the
/// article is in no thread, unless an article is being dragged to it.
pub fn section(ui: &mut egui::Ui, article: &Article, thread: Option<&StoryThread>, actions: &mut Actions) {
    let others: Vec<&StoryMember> = thread
        .map(|t| t.articles.iter().filter(|m| m.id != article.id).collect())
        .unwrap_or_default();
    let dragging = egui::DragAndDrop::has_payload_of_type::<DraggedArticle>(ui.ctx());
    if others.is_empty() && !dragging {
        return;
    }
    let frame = egui::Frame::NONE
        .inner_margin(6.0)
        .corner_radius(4.0)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke);
    let (_, dropped) = ui.dnd_drop_zone::<DraggedArticle, _>(frame, |ui| {
        ui.set_width(ui.available_width());
        if others.is_empty() {
            ui.weak("Drop the article here: it tells the same story as this one");
            return;
        }
        egui::CollapsingHeader::new(format!("The same story in other papers ({})", others.len()))
            .id_salt("same-story")
            .default_open(true)
            .show(ui, |ui| {
                for member in &others {
                    member_row(ui, member, article, actions);
                }
                if dragging {
                    ui.weak("Drop the article here: it joins this story");
                }
            });
    });
    if let Some(dragged) = dropped
        && dragged.0 != article.id
        && !others.iter().any(|m| m.id == dragged.0)
    {
        actions.push(StoriesAction::Join {
            article: dragged.0,
            onto: article.id,
        });
    }
    ui.add_space(4.0);
}
