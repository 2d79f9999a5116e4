//! The keyboard: shortcuts that work anywhere in the window (import, text
//! size, undo, highlight) and the list's keys while no text field has the
//! keyboard.

use super::sidebar::parts::{sidebar_rect_key, sidebar_start_key};
use crate::gui::action::{Action, Actions};
use crate::gui::state::annotating::{AnnotateAction, Annotating};
use crate::gui::state::clipping::ClippingAction;
use crate::gui::state::compare::CompareAction;
use crate::gui::state::dialogs::DialogAction;
use crate::gui::state::import::ImportAction;
use crate::gui::state::list::{Browse, ListAction};
use crate::gui::state::reader::{ReaderAction, ReaderState};

/// What the keys depend on.
pub struct KeyFacts<'a> {
    pub reader: &'a ReaderState,
    pub annotating: &'a Annotating,
    pub browse: &'a Browse,
    /// A question about deleting for good is open.
    pub asking_purge: bool,
    /// A text field had the keyboard at the end of the last frame.
    pub was_typing: bool,
    /// Compare is open over the list and the reader.
    pub comparing: bool,
}

fn pressed(ctx: &egui::Context, key: egui::Key) -> bool {
    ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, key))
}

/// Ctrl+O, Ctrl++ and Ctrl+−, Ctrl+Z, Ctrl+H.
fn commands(ctx: &egui::Context, facts: &KeyFacts<'_>, actions: &mut Actions) {
    let text_size = facts.reader.text_size;
    // Shift first: Ctrl+O would otherwise take Ctrl+Shift+O too.
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::O)) {
        actions.push(ImportAction::PickFolder);
    }
    if pressed(ctx, egui::Key::O) {
        actions.push(ImportAction::PickFiles);
    }
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::C)) {
        actions.push(CompareAction::OpenSelected);
    }
    if pressed(ctx, egui::Key::E) {
        actions.push(DialogAction::ShowExport);
    }
    if pressed(ctx, egui::Key::Q) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
    if pressed(ctx, egui::Key::Plus) || pressed(ctx, egui::Key::Equals) {
        actions.push(ReaderAction::TextSize(text_size + 1.0));
    }
    if pressed(ctx, egui::Key::Minus) {
        actions.push(ReaderAction::TextSize(text_size - 1.0));
    }
    // The reader's text is a read-only text box (to select passages in):
    // there is nothing to type in it.
    let focused = ctx.memory(|m| m.focused());
    let reading = focused.is_some() && focused == facts.annotating.text_id;
    let typing = ctx.text_edit_focused() && !reading;
    // Ctrl+Z in a text field undoes typing there; elsewhere, the last change.
    if !typing && pressed(ctx, egui::Key::Z) {
        actions.push(Action::Undo);
    }
    // Ctrl+V outside a text field: a new clipping from what was copied
    // (the window has already read the clipboard's text for it).
    if !typing {
        let pasted = ctx.input_mut(|i| {
            let at = i.events.iter().position(|e| matches!(e, egui::Event::Paste(_)))?;
            match i.events.remove(at) {
                egui::Event::Paste(text) => Some(text),
                _ => None,
            }
        });
        if let Some(text) = pasted {
            actions.push(ClippingAction::Paste(Some(text)));
        }
    }
    // Ctrl+D, as browsers bookmark: star the selection or the open article.
    if !typing && pressed(ctx, egui::Key::D) {
        actions.push(ListAction::StarSelected(None));
    }
    // With nothing selected, the highlight says what to do first. Ctrl+Alt+H
    // highlights exactly the selection, not the whole words it touches.
    if facts.reader.article.is_some() {
        let exact =
            ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND | egui::Modifiers::ALT, egui::Key::H));
        if exact || pressed(ctx, egui::Key::H) {
            actions.push(AnnotateAction::Highlight {
                color: facts.annotating.color,
                exact,
            });
        }
    }
}

/// The list's keys: arrows and pages move, Enter opens, F3 steps through
/// the searched words, Escape closes the reader, Delete trashes.
fn list_keys(ctx: &egui::Context, facts: &KeyFacts<'_>, actions: &mut Actions) {
    let open = facts.reader.article.is_some();
    ctx.input(|i| {
        let shift = i.modifiers.shift;
        for (key, rows) in [
            (egui::Key::ArrowDown, 1),
            (egui::Key::ArrowUp, -1),
            (egui::Key::PageDown, 20),
            (egui::Key::PageUp, -20),
        ] {
            if i.key_pressed(key) {
                actions.push(ListAction::Step(rows, shift));
            }
        }
        if i.key_pressed(egui::Key::Enter) && !open {
            actions.push(ListAction::Step(0, false));
        }
        if i.modifiers.command && i.key_pressed(egui::Key::A) {
            actions.push(ListAction::SelectAll);
        }
        if i.key_pressed(egui::Key::F3) {
            actions.push(ReaderAction::StepMatch(if shift { -1 } else { 1 }));
        }
        // Not while the details are being corrected: Esc must not throw
        // away what was typed there (Cancel does, when asked).
        if i.key_pressed(egui::Key::Escape) && open && facts.reader.details.is_none() {
            actions.push(ReaderAction::Close);
        }
        if i.key_pressed(egui::Key::Delete) {
            if *facts.browse == Browse::Trash {
                actions.push(DialogAction::AskPurge);
            } else {
                actions.push(ListAction::TrashSelected);
            }
        }
    });
}

/// The parts of the window F6 moves the keyboard between, in order.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pane {
    Search,
    Sidebar,
    List,
    Reader,
}

/// F6 and Shift+F6: the keyboard to the next (previous) part of the window:
/// the search field, the sidebar (Tab and Enter there), the list (its arrow
/// keys), the reader's text (to select a passage with Shift and the
/// arrows, then Ctrl+H).
fn next_pane(ctx: &egui::Context, facts: &KeyFacts<'_>) {
    let backwards = ctx.input_mut(|i| i.consume_key(egui::Modifiers::SHIFT, egui::Key::F6));
    if !backwards && !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F6)) {
        return;
    }
    let search: Option<egui::Id> = ctx.data(|d| d.get_temp(super::top_bar::search_field_key()));
    let reader = facts
        .annotating
        .text_id
        .filter(|_| facts.reader.article.is_some());
    let sidebar_start: Option<egui::Id> = ctx.data(|d| d.get_temp(sidebar_start_key()));
    let sidebar: Option<egui::Rect> = ctx.data(|d| d.get_temp(sidebar_rect_key()));
    let in_sidebar = |id: egui::Id| {
        ctx.read_response(id)
            .zip(sidebar)
            .is_some_and(|(response, rect)| rect.contains_rect(response.rect))
    };
    let focused = ctx.memory(|m| m.focused());
    let here = match focused {
        Some(id) if Some(id) == search => Pane::Search,
        Some(id) if Some(id) == reader => Pane::Reader,
        Some(id) if in_sidebar(id) => Pane::Sidebar,
        _ => Pane::List,
    };
    let order: Vec<Pane> = [Pane::Search, Pane::Sidebar, Pane::List, Pane::Reader]
        .into_iter()
        .filter(|p| *p != Pane::Reader || reader.is_some())
        .collect();
    let at = order.iter().position(|p| *p == here).unwrap_or(0);
    let step = if backwards { order.len() - 1 } else { 1 };
    match order[(at + step) % order.len()] {
        Pane::Search => {
            ctx.data_mut(|d| d.insert_temp(super::top_bar::find_asked(), true));
        }
        Pane::Sidebar => {
            if let Some(id) = sidebar_start {
                ctx.memory_mut(|m| m.request_focus(id));
            }
        }
        Pane::List => ctx.memory_mut(|m| {
            if let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
        }),
        Pane::Reader => {
            if let Some(id) = reader {
                ctx.memory_mut(|m| m.request_focus(id));
            }
        }
    }
}

pub fn read(ctx: &egui::Context, facts: KeyFacts<'_>) -> Vec<Action> {
    let mut actions = Actions::default();
    commands(ctx, &facts, &mut actions);
    // Over the list and the reader, Compare takes their keys: Esc is the
    // way back to them.
    if facts.comparing {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            actions.push(CompareAction::Close);
        }
        return actions.0;
    }
    next_pane(ctx, &facts);
    // List keys work only while no text field has the keyboard, nor had it
    // a moment ago: Esc or Enter that leaves a field does only that.
    if !ctx.text_edit_focused() && !facts.was_typing && !facts.asking_purge {
        list_keys(ctx, &facts, &mut actions);
    }
    actions.0
}
