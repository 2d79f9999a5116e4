//! The top bar: File, Edit, View and Preferences menus, import buttons,
//! the search box.

use crate::gui::action::{Action, Actions};
use crate::gui::selection::ClickMode;
use crate::gui::state::annotating::AnnotateAction;
use crate::gui::state::clipping::ClippingAction;
use crate::gui::state::compare::CompareAction;
use crate::gui::state::dialogs::DialogAction;
use crate::gui::state::import::ImportAction;
use crate::gui::state::learned::LearnedAction;
use crate::gui::state::list::{ListAction, ListState};
use crate::gui::state::reader::ReaderAction;
use crate::gui::state::watch::{WatchAction, WatchState};
use crate::gui::undo::Undo;
use crate::gui::widgets;
use crate::model::HighlightColor;

/// What the "?" beside the search box says.
/// How to search: what is typed, and what it does, in two columns.
const SEARCH_HELP: &[(&str, &str)] = &[
    (
        "water sahel",
        "every word must match; the best matches come first",
    ),
    ("wat", "while you type, the last word matches the words it begins"),
    ("\"exact phrase\"", "these words in this order"),
    ("-word", "leave out articles with it (also -\"a phrase\", -tag:x)"),
    ("a OR b", "either"),
    ("title: source: author:", "in one field (also tag: topic: region:"),
    ("", "country: lang: kind: note:)"),
    (
        "before:2019-01-01",
        "published before (also after:2018-06-30, year:2018)",
    ),
    ("is:starred", "starred articles (also is:unread, is:archived)"),
];

/// Below the table.
const SEARCH_HELP_NOTES: &str = "Chinese, Japanese and Korean words are found inside longer runs of text.\n\
Example: \"six-party talks\" -china year:2018 source:asahi";

fn search_help(ui: &mut egui::Ui) {
    ui.set_max_width(520.0);
    egui::Grid::new("search help")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (typed, meaning) in SEARCH_HELP {
                ui.monospace(*typed);
                ui.label(*meaning);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(SEARCH_HELP_NOTES);
}

/// "Save…", then a name field, for keeping the current search in the sidebar.
fn save_search(ui: &mut egui::Ui, saving: Option<&String>, actions: &mut Actions) {
    // Whether the name field has been shown since it last opened, kept in
    // egui's memory of the window (not the app's state): it takes the
    // keyboard once, when it opens.
    let opened_key = ui.make_persistent_id("save search name shown");
    let Some(name) = saving else {
        ui.data_mut(|d| d.remove::<bool>(opened_key));
        if ui
            .small_button("Save…")
            .on_hover_text("Keep this search in the sidebar")
            .clicked()
        {
            actions.push(ListAction::StartSaveSearch);
        }
        return;
    };
    let label = ui.label("Name");
    let (typed, field) = widgets::typed_line(ui, name, |t| {
        t.id_salt("save search name")
            .hint_text("e.g. Korean talks")
            .desired_width(140.0)
    });
    let field = field.labelled_by(label.id);
    let just_opened = ui.data_mut(|d| !d.get_temp::<bool>(opened_key).unwrap_or(false));
    if just_opened {
        ui.data_mut(|d| d.insert_temp(opened_key, true));
        field.request_focus();
    }
    let name = typed.clone().unwrap_or_else(|| name.clone());
    if let Some(typed) = typed {
        actions.push(ListAction::SaveSearchTyped(typed));
    }
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if ui.small_button("Save search").clicked() || entered {
        actions.push(ListAction::SaveSearch(name));
    }
    if ui.small_button("Cancel").clicked() {
        actions.push(ListAction::CancelSaveSearch);
    }
}

fn menu_item(ui: &mut egui::Ui, label: &str, shortcut: &str) -> bool {
    ui.add(egui::Button::new(label).shortcut_text(shortcut)).clicked()
}

/// `no_clipboard`: why pasting cannot work on this desktop, if it cannot.
fn file_menu(ui: &mut egui::Ui, no_clipboard: Option<&str>, actions: &mut Actions) {
    if menu_item(ui, "Import files…", "Ctrl+O") {
        actions.push(ImportAction::PickFiles);
    }
    if menu_item(ui, "Import folder…", "Ctrl+Shift+O") {
        actions.push(ImportAction::PickFolder);
    }
    match no_clipboard {
        None => {
            if menu_item(ui, "New clipping from clipboard", "Ctrl+V") {
                actions.push(ClippingAction::Paste(None));
            }
        }
        Some(why) => {
            ui.add_enabled(false, egui::Button::new("New clipping from clipboard"))
                .on_disabled_hover_text(why);
            ui.weak(format!("({why})"));
        }
    }
    ui.separator();
    if menu_item(ui, "Export…", "Ctrl+E") {
        actions.push(DialogAction::ShowExport);
    }
    ui.menu_button("Export annotations", |ui| {
        if let Some(format) = widgets::annotation_export_menu(ui) {
            actions.push(AnnotateAction::Export {
                whole_library: true,
                format,
            });
        }
    });
    ui.separator();
    if menu_item(ui, "Back up now", "") {
        actions.push(DialogAction::BackupNow);
    }
    if menu_item(ui, "Restore from backup…", "") {
        actions.push(DialogAction::ShowBackups);
    }
    ui.separator();
    if menu_item(ui, "Quit", "Ctrl+Q") {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

fn view_menu(ui: &mut egui::Ui, text_size: f32, actions: &mut Actions) {
    if menu_item(ui, "Larger text", "Ctrl++") {
        actions.push(ReaderAction::TextSize(text_size + 1.0));
    }
    if menu_item(ui, "Smaller text", "Ctrl+−") {
        actions.push(ReaderAction::TextSize(text_size - 1.0));
    }
    ui.separator();
    ui.label("Theme");
    let mut preference = ui.ctx().options(|o| o.theme_preference);
    ui.radio_value(
        &mut preference,
        egui::ThemePreference::System,
        "Follow the system",
    );
    ui.radio_value(&mut preference, egui::ThemePreference::Light, "Light");
    ui.radio_value(&mut preference, egui::ThemePreference::Dark, "Dark");
    ui.ctx().set_theme(preference);
}

/// What corrections taught; the watched folder: choose one, pause or
/// resume it, see what landed.
fn preferences_menu(ui: &mut egui::Ui, watch: &WatchState, actions: &mut Actions) {
    if ui
        .button("Learned from corrections…")
        .on_hover_text("What Folio applies to later imports from a site whose articles you corrected")
        .clicked()
    {
        actions.push(LearnedAction::Show(true));
    }
    ui.separator();
    let choose = if watch.folder.is_some() {
        "Watch another folder…"
    } else {
        "Watch a folder…"
    };
    if ui
        .button(choose)
        .on_hover_text("Files saved into the folder are imported as they land")
        .clicked()
    {
        actions.push(WatchAction::Choose);
    }
    if watch.folder.is_none() {
        return;
    }
    let (label, action) = watch.pause_or_resume();
    if ui.button(format!("{label} watching")).clicked() {
        actions.push(action);
    }
    if ui.button("What landed in the watched folder").clicked() {
        actions.push(WatchAction::ShowList(true));
    }
    if ui.button("Stop watching").clicked() {
        actions.push(WatchAction::Stop);
    }
}

/// `undo`: what Ctrl+Z would take back, when there is anything.
fn menus(
    ui: &mut egui::Ui,
    (undo, no_clipboard): (Option<&Undo>, Option<&str>),
    (text_size, highlight): (f32, HighlightColor),
    watch: &WatchState,
    actions: &mut Actions,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, no_clipboard, actions));
        ui.menu_button("Edit", |ui| {
            let label = undo.map(Undo::label).unwrap_or_else(|| "Undo".into());
            let button = ui.add_enabled(undo.is_some(), egui::Button::new(label).shortcut_text("Ctrl+Z"));
            if button.clicked() {
                actions.push(Action::Undo);
            }
            ui.separator();
            if menu_item(ui, "Select all", "Ctrl+A") {
                actions.push(ListAction::SelectAll);
            }
            if menu_item(ui, "Move to Trash", "Delete") {
                actions.push(ListAction::TrashSelected);
            }
            if menu_item(ui, "Star or unstar", "Ctrl+D") {
                actions.push(ListAction::StarSelected(None));
            }
            if menu_item(ui, "Highlight the selected passage", "Ctrl+H") {
                actions.push(AnnotateAction::Highlight {
                    color: highlight,
                    exact: false,
                });
            }
            if menu_item(ui, "Compare the two selected", "Ctrl+Shift+C") {
                actions.push(CompareAction::OpenSelected);
            }
            if menu_item(ui, "Find…", "Ctrl+F") {
                ui.data_mut(|d| d.insert_temp(find_asked(), true));
            }
        });
        ui.menu_button("View", |ui| view_menu(ui, text_size, actions));
        ui.menu_button("Preferences", |ui| preferences_menu(ui, watch, actions));
    });
}

/// Where Edit ▸ Find… leaves word for the search box to take the keyboard
/// (egui's memory of the window, as focus itself is).
pub fn find_asked() -> egui::Id {
    egui::Id::NULL.with("folio: find asked")
}

/// Where the search field's id is kept between frames (for F6).
pub fn search_field_key() -> egui::Id {
    egui::Id::NULL.with("folio: search field")
}

/// The search box, its help, Clear and Save.
fn search_box(ui: &mut egui::Ui, list: &ListState, actions: &mut Actions) {
    let label = ui.label("Search");
    // Narrower in a narrow window, so that "?", Clear and Save… stay whole
    // beside it (they take about 150 points).
    let width = (ui.available_width() - 150.0).clamp(160.0, 380.0);
    let (typed, search) = widgets::typed_line(ui, &list.search, |t| {
        t.hint_text("titles, text, sources and notes (Ctrl+F)")
            .desired_width(width)
    });
    let search = search.labelled_by(label.id);
    // Where F6 finds the search field, to move the keyboard on from it.
    ui.data_mut(|d| d.insert_temp(search_field_key(), search.id));
    let asked = ui
        .data_mut(|d| d.remove_temp::<bool>(find_asked()))
        .unwrap_or(false);
    if asked || ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
        search.request_focus();
    }
    let text = typed.clone().unwrap_or_else(|| list.search.clone());
    if let Some(typed) = typed {
        actions.push(ListAction::Search(typed));
    }
    // Enter opens the best match (the field gives up the keyboard on Enter).
    if search.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && !text.trim().is_empty()
        && let Some(&first) = list.rows.ids().first()
    {
        actions.push(ListAction::Click(first, ClickMode::Only));
    }
    let help = ui.small_button("?").on_hover_text("How to search");
    egui::Popup::from_toggle_button_response(&help).show(|ui| {
        search_help(ui);
    });
    if !text.is_empty()
        && ui
            .small_button("Clear")
            .on_hover_text("Show every article again")
            .clicked()
    {
        actions.push(ListAction::Search(String::new()));
    }
    if !text.trim().is_empty() {
        save_search(ui, list.saving_search.as_ref(), actions);
    }
}

/// `highlight`: the colour Ctrl+H (Edit ▸ Highlight) highlights in.
pub fn show(
    ui: &mut egui::Ui,
    list: &ListState,
    (undo, no_clipboard): (Option<&Undo>, Option<&str>),
    (text_size, highlight): (f32, HighlightColor),
    watch: &WatchState,
) -> Vec<Action> {
    let mut actions = Actions::default();
    egui::Panel::top("toolbar").show(ui, |ui| {
        ui.add_space(2.0);
        menus(
            ui,
            (undo, no_clipboard),
            (text_size, highlight),
            watch,
            &mut actions,
        );
        ui.horizontal(|ui| {
            if ui
                .button("Import files…")
                .on_hover_text("Choose clippings, saved pages or Markdown files (Ctrl+O)")
                .clicked()
            {
                actions.push(ImportAction::PickFiles);
            }
            if ui
                .button("Import folder…")
                .on_hover_text("Import every article in a folder")
                .clicked()
            {
                actions.push(ImportAction::PickFolder);
            }
            ui.separator();
            search_box(ui, list, &mut actions);
        });
        ui.add_space(4.0);
    });
    actions.0
}
