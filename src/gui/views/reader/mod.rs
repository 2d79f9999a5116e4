//! The right pane: one article to read, its details, tags, topics, text
//! and note. Draws from the reader's, the tag editing and the annotating
//! state; returns what the user asked for.

mod filing;
mod note;
mod stories;
mod text;

use super::annotations;
use super::cache::ViewCache;
use crate::gui::action::{Action, Actions};
use crate::gui::details::DetailsForm;
use crate::gui::state::annotating::Annotating;
use crate::gui::state::list::{ListAction, ListState};
use crate::gui::state::reader::{ReaderAction, ReaderState};
use crate::gui::state::tags::TagEdits;
use crate::model::Article;

/// What the reader draws from.
pub struct ReaderView<'a> {
    pub reader: &'a ReaderState,
    pub edits: &'a TagEdits,
    pub annotating: &'a Annotating,
    pub list: &'a ListState,
    /// The open article's story thread, when it is in one.
    pub story: Option<&'a crate::model::StoryThread>,
}

fn metadata_line(article: &Article) -> String {
    let meta = &article.meta;
    let mut line: Vec<String> = Vec::new();
    if let Some(p) = meta.published {
        line.push(p.date_label());
    }
    // A region with its basis has a line of its own, under this one.
    let region = if meta.region_basis.is_some() {
        &None
    } else {
        &meta.region
    };
    line.extend(
        [&meta.source, &meta.section, region, &meta.kind]
            .into_iter()
            .flatten()
            .cloned(),
    );
    if !meta.authors.is_empty() {
        line.push(format!("by {}", meta.authors.join(", ")));
    }
    line.join("  ·  ")
}

/// "Region: East Asia & Pacific — from the countries named: Japan": where
/// the region came from, so the user can judge it. Nothing for an article
/// stored before Folio kept that.
fn region_line(article: &Article) -> Option<String> {
    let region = article.meta.region.as_deref()?;
    let basis = article.meta.region_basis.as_ref()?;
    Some(format!("Region: {region} — {}", basis.describe()))
}

/// The details form, drawn from a copy: what is typed comes back as the
/// new form. Save and Cancel come first, where they are seen; the text's
/// editor opens on request.
fn details_form(ui: &mut egui::Ui, form: &DetailsForm, actions: &mut Actions) {
    let mut typed = form.clone();
    ui.horizontal(|ui| {
        if ui.button("Save details").clicked() {
            actions.push(ReaderAction::SaveDetails);
        }
        if ui
            .button("Cancel")
            .on_hover_text("Keep the details as they were")
            .clicked()
        {
            actions.push(ReaderAction::CancelDetails);
        }
    });
    if let Some(problem) = &form.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.add_space(4.0);
    crate::gui::widgets::details_grid(ui, "details", &mut typed);
    ui.add_space(4.0);
    if typed.editing_text {
        let label = ui.label("Text");
        ui.add(
            egui::TextEdit::multiline(&mut typed.body)
                .desired_rows(12)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .on_hover_text("Correct the text; highlights find their passages again");
    } else if ui
        .button("Correct the text…")
        .on_hover_text("Edit the article's text itself; highlights find their passages again")
        .clicked()
    {
        typed.editing_text = true;
    }
    if typed != *form {
        actions.push(ReaderAction::DetailsTyped(Box::new(typed)));
    }
}

/// Edit details, Move to Trash, More like this, Close. (The text's size is
/// in the View menu and on Ctrl++ and Ctrl+−: here it wrapped the row.)
fn buttons(ui: &mut egui::Ui, article: &Article, actions: &mut Actions) {
    // In a narrow reader the short names keep the row on one line; screen
    // readers and the hover still have the whole name.
    let narrow = ui.available_width() < NARROW_READER;
    let button = |ui: &mut egui::Ui, (long, short): (&str, &str), hover: &str| -> bool {
        let response = ui.small_button(if narrow { short } else { long });
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, long));
        response.on_hover_text(format!("{long}: {hover}")).clicked()
    };
    ui.horizontal_wrapped(|ui| {
        if button(ui, ("Edit details…", "Edit…"), "correct the title, date, source…") {
            actions.push(ReaderAction::EditDetails);
        }
        star_button(ui, article.provenance.starred, actions);
        if article.deleted_at.is_none() && button(ui, ("Move to Trash", "Trash"), "the Delete key") {
            actions.push(ListAction::TrashSelected);
        }
        if button(
            ui,
            ("More like this", "Similar"),
            "the articles most like this one",
        ) {
            actions.push(ListAction::MoreLikeThis(
                article.id,
                article.title_or_untitled().to_string(),
            ));
        }
        if button(ui, ("Close", "Close"), "close the reader (Esc)") {
            actions.push(ReaderAction::Close);
        }
    });
}

/// ☆ / ★: stars the article, or takes its star off (Ctrl+D).
fn star_button(ui: &mut egui::Ui, starred: bool, actions: &mut Actions) {
    use crate::gui::widgets::{NO_STAR, STAR, star_color};
    let (mark, name) = if starred {
        (egui::RichText::new(STAR).color(star_color(ui)), "Starred")
    } else {
        (egui::RichText::new(NO_STAR), "Star")
    };
    let response = ui.add(egui::Button::new(mark).small().selected(starred));
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, starred, name));
    let hover = if starred {
        "Starred: click (or Ctrl+D) to take the star off"
    } else {
        "Star this article (Ctrl+D): starred articles are one click away under State ▸ Starred"
    };
    if response.on_hover_text(hover).clicked() {
        actions.push(ListAction::StarSelected(Some(!starred)));
    }
}

/// Narrower than this, the reader's toolbars use their short names.
pub(super) const NARROW_READER: f32 = 400.0;

/// The title, what is known of the article, where it came from.
fn header(ui: &mut egui::Ui, article: &Article, text_size: f32, actions: &mut Actions) {
    crate::gui::widgets::heavy_heading(ui, article.title_or_untitled(), text_size * 1.5);
    let metadata = metadata_line(article);
    if metadata.is_empty() {
        // A clipping that named no date or source: say so rather than
        // leave a blank line under the title.
        ui.weak("No date or source found: Edit details… adds them.");
    } else {
        ui.weak(metadata);
    }
    if let Some(line) = region_line(article) {
        ui.weak(line);
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
                actions.push(ListAction::RestoreSelected);
            }
        });
    }
}

/// Everything in the pane, top to bottom.
/// `highlights_here`: the highlights go under the text (the pane is too
/// narrow for a column of them).
fn contents(
    ui: &mut egui::Ui,
    article: &Article,
    view: &ReaderView<'_>,
    highlights_here: bool,
    cache: &mut ViewCache,
    actions: &mut Actions,
) {
    let reader = view.reader;
    let text_size = reader.text_size;
    // About 70 characters a line: the measure print typographers use.
    let measure = (text_size * 0.5 * 70.0).min(ui.available_width());
    ui.set_max_width(measure);
    ui.add_space(8.0);
    header(ui, article, text_size, actions);
    ui.add_space(4.0);
    match &reader.details {
        Some(form) => details_form(ui, form, actions),
        None => buttons(ui, article, actions),
    }
    ui.add_space(4.0);
    let facets = &view.list.facets;
    filing::tags_row(ui, article, view.edits, facets, actions);
    filing::topics_row(ui, article, &facets.topics, reader, actions);
    stories::section(ui, article, view.story, actions);
    // The text being corrected is in the form: not shown twice.
    if reader.details.as_ref().is_some_and(|f| f.editing_text) {
        return;
    }
    let words = crate::library::query::words_to_highlight(&view.list.search);
    if !words.is_empty() {
        text::match_controls(ui, reader, actions);
    }
    text::highlight_bar(ui, view.annotating, actions);
    ui.separator();
    text::body(ui, (article, reader, view.annotating), &words, cache, actions);
    ui.separator();
    if highlights_here && !article.highlights.is_empty() {
        annotations::section(ui, article, view.annotating, actions);
        ui.separator();
    }
    note::show(ui, &view.annotating.note, cache, actions);
    ui.add_space(16.0);
}

/// The reader's narrowest width, and the list's beside it.
const READER_MIN: f32 = 320.0;
const LIST_MIN: f32 = 300.0;

/// The pane at the right of the list: the reader, or what several selected
/// rows have in common. One pane, one width: switching between them moves
/// nothing. The list beside it keeps room for its dates and titles however
/// narrow the window: the pane gives way first, down to its minimum.
pub fn right_pane(ui: &egui::Ui) -> egui::Panel {
    let room = ui.available_width();
    egui::Panel::right("reader")
        .resizable(true)
        .default_size(440.0)
        .min_size(READER_MIN)
        .max_size((room - LIST_MIN).max(READER_MIN))
}

pub fn show(ui: &mut egui::Ui, view: ReaderView<'_>, cache: &mut ViewCache) -> Vec<Action> {
    let mut actions = Actions::default();
    let Some(article) = &view.reader.article else {
        return actions.0;
    };
    let beside = ui.available_width() >= annotations::COLUMN_FROM_WIDTH;
    if beside {
        // Added first, so it stands at the window's edge, beside the reader.
        annotations::column(ui, article, view.annotating, &mut actions);
    }
    right_pane(ui).show(ui, |ui| {
        // Its own scroll offset per article: each opens at its top
        // (or where a highlight or a match scrolls it).
        egui::ScrollArea::vertical()
            .id_salt(("reader", article.id))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                contents(ui, article, &view, !beside, cache, &mut actions)
            });
    });
    actions.0
}
