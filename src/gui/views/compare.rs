//! Compare: two articles side by side, each scrolling on its own, the
//! passages they share underlined on both sides, their highlights and
//! the searched words painted as the reader paints them; a way back to
//! the list and the reader as they were.

use super::cache::ViewCache;
use crate::gui::action::{Action, Actions};
use crate::gui::highlight::{ReadingStyle, marked_job, matches_in, shared_mark};
use crate::gui::state::compare::{CompareAction, Compared, Comparison, Side};
use crate::model::Article;

/// What the two texts were laid out from, as one number: they are painted
/// again only when it changes.
fn texts_key(compared: &Compared, words: &[String], text_size: f32, dark: bool) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for side in [&compared.left, &compared.right] {
        (side.article.id, &side.article.updated_at, &side.shared).hash(&mut hasher);
        for h in &side.article.highlights {
            (h.id, h.start, h.end, &h.color, h.detached).hash(&mut hasher);
        }
    }
    (words, text_size.to_bits(), dark).hash(&mut hasher);
    hasher.finish()
}

fn side_job(side: &Side, words: &[String], style: &ReadingStyle) -> egui::text::LayoutJob {
    let text = side.article.meta.body.as_str();
    let matches = if words.is_empty() {
        Vec::new()
    } else {
        matches_in(text, words)
    };
    marked_job(text, &side.article.highlights, &matches, &side.shared, style)
}

/// The two texts, laid out (from the cache when nothing changed).
fn laid_out<'c>(
    cache: &'c mut ViewCache,
    compared: &Compared,
    words: &[String],
    style: &ReadingStyle,
    text_size: f32,
) -> &'c [egui::text::LayoutJob; 2] {
    let key = texts_key(compared, words, text_size, style.dark);
    if cache.compare.as_ref().is_none_or(|(k, _)| *k != key) {
        let jobs = [
            side_job(&compared.left, words, style),
            side_job(&compared.right, words, style),
        ];
        cache.compare = Some((key, jobs));
    }
    &cache.compare.get_or_insert_with(|| (key, Default::default())).1
}

/// "2018-06-12  ·  The Korea Herald  ·  Korean".
fn about(article: &Article) -> String {
    let meta = &article.meta;
    let mut line: Vec<String> = Vec::new();
    line.extend(meta.published.map(|p| p.date_label()));
    line.extend(meta.source.clone());
    line.extend(
        meta.language
            .as_deref()
            .map(crate::model::languages::language_name),
    );
    line.join("  ·  ")
}

/// "Shares 54 words with the other, in 2 passages".
fn sharing(compared: &Compared, left: bool) -> String {
    let side = if left { &compared.left } else { &compared.right };
    match side.shared.len() {
        0 => "No passage in common with the other".into(),
        n => format!(
            "{} word{} shared with the other, in {n} passage{}",
            compared.shared_words(left),
            if compared.shared_words(left) == 1 { "" } else { "s" },
            if n == 1 { "" } else { "s" }
        ),
    }
}

fn side(ui: &mut egui::Ui, (compared, left): (&Compared, bool), job: &egui::text::LayoutJob, text_size: f32) {
    let article = if left {
        &compared.left.article
    } else {
        &compared.right.article
    };
    crate::gui::widgets::heavy_heading(ui, article.title_or_untitled(), text_size * 1.25);
    let about = about(article);
    if !about.is_empty() {
        ui.weak(about);
    }
    ui.weak(sharing(compared, left));
    ui.separator();
    // A scroll bar with room of its own: a floating one was drawn over
    // the ends of the lines.
    ui.style_mut().spacing.scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::vertical()
        .id_salt(("compare", left, article.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Ragged right, as the reader sets it: the columns' own layout
            // would justify the lines and stretch the spaces.
            ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                ui.add(egui::Label::new(job.clone()).selectable(true));
            });
            ui.add_space(16.0);
        });
}

/// The bar over the two sides: the way back, and what the marks mean.
fn bar(ui: &mut egui::Ui, open: &Comparison, actions: &mut Actions) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("← Back")
            .on_hover_text("Back to the list and the reader as they were (Esc)")
            .clicked()
        {
            actions.push(CompareAction::Close);
        }
        ui.heading("Compare");
        if let Some(compared) = &open.compared {
            let stroke = shared_mark(ui.visuals().dark_mode);
            let passages = compared.passages.len();
            let text = egui::RichText::new(match passages {
                0 => "no shared passages".to_string(),
                1 => "1 shared passage, underlined".to_string(),
                n => format!("{n} shared passages, underlined"),
            })
            .underline()
            .color(if passages == 0 {
                ui.visuals().weak_text_color()
            } else {
                stroke.color
            });
            ui.label(text).on_hover_text(
                "Runs of 8 or more words both articles hold (wire copy, a quotation both printed)",
            );
        }
    });
}

pub fn show(
    ui: &mut egui::Ui,
    open: &Comparison,
    (search, text_size): (&str, f32),
    cache: &mut ViewCache,
) -> Vec<Action> {
    let mut actions = Actions::default();
    egui::CentralPanel::default().show(ui, |ui| {
        bar(ui, open, &mut actions);
        ui.separator();
        let Some(compared) = &open.compared else {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| ui.spinner());
            return;
        };
        let words = crate::library::query::words_to_highlight(search);
        let style = ReadingStyle {
            font: egui::FontId::proportional(text_size),
            color: ui.visuals().text_color(),
            dark: ui.visuals().dark_mode,
            // No match is the current one: both sides paint them alike.
            current: usize::MAX,
        };
        let jobs = laid_out(cache, compared, &words, &style, text_size);
        let top = ui.cursor().top();
        ui.columns(2, |columns| {
            side(&mut columns[0], (compared, true), &jobs[0], text_size);
            side(&mut columns[1], (compared, false), &jobs[1], text_size);
        });
        // A rule between the two sides.
        let rect = ui.min_rect();
        let x = rect.center().x;
        ui.painter().vline(
            x,
            top..=rect.bottom(),
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
    });
    actions.0
}
