//! The reader's text: laid out at a reading size with highlights and the
//! searched words painted behind it, in a read-only text box so a passage
//! can be selected and highlighted; the highlight buttons over it and the
//! controls that step through the searched words.

use crate::gui::action::Actions;
use crate::gui::highlight::{ReadingStyle, matches_in, reading_job};
use crate::gui::state::annotating::{AnnotateAction, Annotating};
use crate::gui::state::reader::{ReaderAction, ReaderState};
use crate::gui::views::cache::{ReadingText, ViewCache};
use crate::gui::widgets::highlight_fill;
use crate::model::{Article, HighlightColor};

/// "2 of 7 matches", Previous, Next: stepping through the searched words.
pub fn match_controls(ui: &mut egui::Ui, reader: &ReaderState, actions: &mut Actions) {
    ui.horizontal(|ui| {
        match reader.match_count {
            0 => ui.weak("The searched words are not in the text"),
            n => ui.weak(format!(
                "{} of {n} match{}",
                reader.match_cursor.min(n - 1) + 1,
                if n == 1 { "" } else { "es" }
            )),
        };
        if reader.match_count > 1 {
            if ui
                .small_button("Previous")
                .on_hover_text("Previous match (Shift+F3)")
                .clicked()
            {
                actions.push(ReaderAction::StepMatch(-1));
            }
            if ui.small_button("Next").on_hover_text("Next match (F3)").clicked() {
                actions.push(ReaderAction::StepMatch(1));
            }
        }
    });
}

/// "Highlight" in each colour, for the passage selected in the text.
pub fn highlight_bar(ui: &mut egui::Ui, annotating: &Annotating, actions: &mut Actions) {
    ui.horizontal_wrapped(|ui| {
        let selected = annotating.selection.is_some();
        let hint = if selected {
            "Highlight the selected passage"
        } else {
            "Select a passage of the text to highlight it"
        };
        // The colours say what they are for by their hover; in a narrow
        // reader the label would push the last of them onto a second line.
        if ui.available_width() >= super::NARROW_READER {
            ui.weak("Highlight:").on_hover_text(hint);
        }
        for color in HighlightColor::ALL {
            let swatch = egui::Button::new(color.as_str())
                .small()
                .fill(highlight_fill(color, ui.visuals().dark_mode))
                .selected(color == annotating.color);
            let hint = format!(
                "Highlight in {color} (Ctrl+H: the last colour used). Whole words; hold Alt for exactly the selection"
            );
            if ui.add_enabled(selected, swatch).on_hover_text(hint).clicked() {
                let exact = ui.input(|i| i.modifiers.alt);
                actions.push(AnnotateAction::Highlight { color, exact });
            }
        }
    });
}

/// What the painted text was made from, as one number: it is laid out
/// again only when that changes, not on every frame, so the window stays
/// light on long articles.
fn reading_key(article: &Article, words: &[String], style: &ReadingStyle, text_size: f32) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (
        article.id,
        &article.updated_at,
        words,
        style.current,
        text_size.to_bits(),
        style.dark,
    )
        .hash(&mut hasher);
    for h in &article.highlights {
        (h.id, h.start, h.end, &h.color, h.detached).hash(&mut hasher);
    }
    style.color.hash(&mut hasher);
    hasher.finish()
}

/// The text as laid out for this frame: the cached one, or a new one.
fn laid_out<'c>(
    cache: &'c mut ViewCache,
    article: &Article,
    words: &[String],
    style: ReadingStyle,
    text_size: f32,
) -> &'c ReadingText {
    let key = reading_key(article, words, &style, text_size);
    let text = article.meta.body.as_str();
    if cache.reading.as_ref().is_none_or(|r| r.key != key) {
        let matches = if words.is_empty() {
            Vec::new()
        } else {
            matches_in(text, words)
        };
        let job = reading_job(text, &article.highlights, &matches, &style);
        cache.reading = Some(ReadingText { key, job, matches });
    }
    cache.reading.get_or_insert_with(|| ReadingText {
        key,
        job: Default::default(),
        matches: Vec::new(),
    })
}

/// The body, drawn; what it reports back comes as actions (its text box,
/// the passage selected, what it scrolled to, how many matches it holds).
pub fn body(
    ui: &mut egui::Ui,
    (article, reader, annotating): (&Article, &ReaderState, &Annotating),
    words: &[String],
    cache: &mut ViewCache,
    actions: &mut Actions,
) {
    let text = article.meta.body.as_str();
    let current = reader.match_cursor;
    let style = ReadingStyle {
        font: egui::FontId::proportional(reader.text_size),
        color: ui.visuals().text_color(),
        dark: ui.visuals().dark_mode,
        current,
    };
    let reading = laid_out(cache, article, words, style, reader.text_size);
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
    let selection = output.cursor_range.filter(|_| response.has_focus()).map(|range| {
        let chars = range.as_sorted_char_range();
        (chars.start.0 < chars.end.0).then_some(chars.start.0..chars.end.0)
    });
    let selected = selection.clone().unwrap_or_else(|| annotating.selection.clone());
    response.context_menu(|ui| highlight_menu(ui, selected.is_some(), actions));
    // Where to scroll: the current match, or a highlight asked for.
    let to_match = (reader.scroll_to_match && !matches.is_empty()).then(|| current.min(matches.len() - 1));
    let to_highlight = annotating
        .scroll_to
        .and_then(|id| article.highlights.iter().find(|h| h.id == id))
        .filter(|_| to_match.is_none());
    let target = match (to_match, to_highlight) {
        (Some(index), _) => Some(text[..matches[index].start].chars().count()),
        (None, Some(h)) => Some(h.start),
        (None, None) => None,
    };
    if let Some(char_index) = target {
        let rect = output
            .galley
            .pos_from_cursor(egui::text::CCursor::new(char_index))
            .translate(output.galley_pos.to_vec2());
        ui.scroll_to_rect(rect, Some(egui::Align::Center));
    }
    actions.push(AnnotateAction::TextDrawn {
        text_id: response.id,
        selection,
        // Any scroll this frame serves (or overrides) the highlight asked for.
        scrolled_to: target.and(annotating.scroll_to),
    });
    actions.push(ReaderAction::Drawn {
        match_count: matches.len(),
        scrolled_to_match: reader.scroll_to_match.then_some(current),
    });
}

/// The text's right-click menu: highlight the passage selected.
fn highlight_menu(ui: &mut egui::Ui, selected: bool, actions: &mut Actions) {
    if !selected {
        ui.weak("Select a passage to highlight it");
        return;
    }
    for color in HighlightColor::ALL {
        if ui.button(format!("Highlight in {color}")).clicked() {
            let exact = ui.input(|i| i.modifiers.alt);
            actions.push(AnnotateAction::Highlight { color, exact });
            ui.close();
        }
    }
}
