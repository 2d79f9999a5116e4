//! The centre: a welcome on an empty library, else the article list.

use crate::gui::action::{Action, Actions};
use crate::gui::selection::ClickMode;
use crate::gui::state::dialogs::DialogAction;
use crate::gui::state::import::ImportAction;
use crate::gui::state::list::{Browse, ListAction, ListState};
use crate::gui::state::tags::{TagEdits, TagsAction};
use crate::gui::widgets::{self, timeline};
use crate::model::{ArticleSummary, Facet, SortKey};
use egui_extras::{Column, TableBuilder};

fn welcome(ui: &mut egui::Ui, actions: &mut Actions) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.2);
        ui.heading("Welcome to Folio");
        ui.add_space(8.0);
        ui.label("Folio keeps the articles and editorials you clip in one archive on this computer.");
        ui.label("It finds each piece's headline, date, publication, authors and region by itself,");
        ui.label("spots duplicates, and lets you browse, tag, annotate and search them.");
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 260.0).max(0.0) / 2.0);
            if ui.button("Import files…").on_hover_text("Ctrl+O").clicked() {
                actions.push(ImportAction::PickFiles);
            }
            if ui.button("Import folder…").clicked() {
                actions.push(ImportAction::PickFolder);
            }
        });
        ui.add_space(12.0);
        ui.weak("…or drop files here: plain-text clippings, saved web pages, Markdown, or an export of Pocket, Instapaper, wallabag, Omnivore or Zotero.");
    });
}

/// A column of the list: its heading, what it sorts by, and its cell.
struct ListColumn {
    title: &'static str,
    sort: Option<SortKey>,
    width: Column,
    cell: fn(&ArticleSummary) -> String,
}

fn columns(compact: bool) -> Vec<ListColumn> {
    let mut all = vec![
        ListColumn {
            title: "Date",
            sort: Some(SortKey::Published),
            width: Column::initial(84.0).at_least(70.0),
            cell: |a| a.published.map(|p| p.date_label()).unwrap_or_default(),
        },
        ListColumn {
            title: "Title",
            sort: Some(SortKey::Title),
            width: Column::remainder().at_least(140.0).clip(true),
            cell: |a| a.title.clone().unwrap_or_else(|| "(untitled)".into()),
        },
        ListColumn {
            title: "Source",
            sort: Some(SortKey::Source),
            width: Column::initial(140.0).at_least(60.0).clip(true),
            cell: |a| a.source.clone().unwrap_or_default(),
        },
        ListColumn {
            title: "Region",
            sort: Some(SortKey::Region),
            width: Column::initial(130.0).at_least(60.0).clip(true),
            cell: |a| a.region.clone().unwrap_or_default(),
        },
        ListColumn {
            title: "Tags",
            sort: None,
            width: Column::initial(100.0).at_least(40.0).clip(true),
            cell: |a| a.tags.join(", "),
        },
    ];
    // Beside the open reader the region and tags are in the reader itself;
    // the list keeps the room for titles.
    if compact {
        all.truncate(3);
    }
    all
}

fn click_mode(modifiers: egui::Modifiers) -> ClickMode {
    if modifiers.shift {
        ClickMode::Range
    } else if modifiers.command {
        ClickMode::Toggle
    } else {
        ClickMode::Only
    }
}

/// The bar over the list: what is shown, and what can be done with the selection.
fn list_bar(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits, actions: &mut Actions) {
    // Wrapped: with the reader open the bar is narrow, and tag suggestions
    // go on a second line rather than under the reader.
    ui.horizontal_wrapped(|ui| {
        let selected = list.selection.len();
        if let Some((_, title)) = &list.similar_to {
            ui.label(format!("More like “{title}”"));
            if ui
                .small_button("Back")
                .on_hover_text("Back to the list")
                .clicked()
            {
                actions.push(ListAction::ClearMoreLikeThis);
            }
            return;
        }
        if list.browse == Browse::Trash {
            ui.strong("Trash");
            ui.add_enabled_ui(selected > 0, |ui| {
                if ui
                    .button("Restore")
                    .on_hover_text("Put the selected articles back")
                    .clicked()
                {
                    actions.push(ListAction::RestoreSelected);
                }
                if ui
                    .button("Delete for good…")
                    .on_hover_text("Delete the selected articles for good (Delete)")
                    .clicked()
                {
                    actions.push(DialogAction::AskPurge);
                }
            });
            if ui
                .add_enabled(list.facets.trash > 0, egui::Button::new("Empty Trash…"))
                .on_hover_text("Delete everything in the trash for good")
                .clicked()
            {
                actions.push(DialogAction::AskEmptyTrash);
            }
        } else if selected > 1 {
            ui.label(format!("{selected} selected"));
            if ui.button("Move to Trash").on_hover_text("Delete").clicked() {
                actions.push(ListAction::TrashSelected);
            }
            if ui
                .button(format!("Edit {selected} articles…"))
                .on_hover_text("Set the date, source, region or kind of every selected article, or file them under a topic")
                .clicked()
            {
                actions.push(DialogAction::StartBulkEdit);
            }
            ui.separator();
            bulk_tagging(ui, list, edits, actions);
        }
    });
}

/// The facet values chosen, as chips to take back one by one, and a way
/// to take them all back.
fn chips(ui: &mut egui::Ui, list: &ListState, actions: &mut Actions) {
    let chosen = list.choice.chips();
    if chosen.is_empty() || list.browse == Browse::Trash {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for chip in chosen {
            let shown = match chip.facet {
                Facet::Language => widgets::language_name(&chip.value),
                Facet::Kind => widgets::capitalised(&chip.value),
                _ => chip.value.clone(),
            };
            let text = format!("{}: {shown}  ×", chip.facet.label());
            if ui
                .button(text)
                .on_hover_text(format!(
                    "Stop filtering by this {}",
                    chip.facet.label().to_lowercase()
                ))
                .clicked()
            {
                actions.push(ListAction::ToggleFacet(chip.facet, chip.value.clone()));
            }
        }
        if ui
            .small_button("Clear all")
            .on_hover_text("Show the whole library again")
            .clicked()
        {
            actions.push(ListAction::ClearFacets);
        }
    });
    ui.add_space(2.0);
}

/// One tag for every selected article: typed (with the library's tags
/// offered as it is typed), then added or taken off.
fn bulk_tagging(ui: &mut egui::Ui, list: &ListState, edits: &TagEdits, actions: &mut Actions) {
    let label = ui.label("Tag:");
    let (typed_now, field) = widgets::typed_line(ui, &edits.bulk_tag_input, |t| {
        t.hint_text("tag for the selected").desired_width(140.0)
    });
    let field = field.labelled_by(label.id);
    let input = typed_now.clone().unwrap_or_else(|| edits.bulk_tag_input.clone());
    if let Some(text) = typed_now {
        actions.push(TagsAction::BulkTagTyped(text));
    }
    let typed = input.trim().to_string();
    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !typed.is_empty() {
        actions.push(TagsAction::TagSelected(typed.clone(), true));
    }
    ui.add_enabled_ui(!typed.is_empty(), |ui| {
        if ui
            .button("Add")
            .on_hover_text("Add this tag to every selected article")
            .clicked()
        {
            actions.push(TagsAction::TagSelected(typed.clone(), true));
        }
        if ui
            .button("Remove")
            .on_hover_text("Take this tag off every selected article")
            .clicked()
        {
            actions.push(TagsAction::TagSelected(typed.clone(), false));
        }
    });
    // The library's tags that match what is typed, one click to take one.
    let known = list.facets.tags.iter().map(|t| t.value.as_str());
    let offered: Vec<String> = widgets::tag_suggestions(&typed, known, &[])
        .into_iter()
        .filter(|name| !name.eq_ignore_ascii_case(&typed))
        .take(3)
        .map(str::to_string)
        .collect();
    for name in offered {
        if ui
            .small_button(&name)
            .on_hover_text(format!("Use the tag “{name}”"))
            .clicked()
        {
            actions.push(TagsAction::BulkTagTyped(name));
        }
    }
}

/// The timeline strip over the list, outside the trash.
fn timeline_strip(ui: &mut egui::Ui, list: &ListState, actions: &mut Actions) {
    if list.browse == Browse::Trash || list.facets.months.len() < 2 {
        return;
    }
    match timeline::show(ui, &list.facets.months) {
        Some(timeline::DatePick::Month(month)) => actions.push(ListAction::ToggleFacet(Facet::Date, month)),
        Some(timeline::DatePick::Range(from, to)) => actions.push(ListAction::SetDateRange(from, to)),
        None => {}
    }
}

/// What an empty list says.
fn nothing_here(ui: &mut egui::Ui, list: &ListState) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.weak(match list.browse {
            Browse::Trash => "The trash is empty.",
            Browse::Recent => "Nothing was imported in the last seven days.",
            _ if !list.search.trim().is_empty() => "No articles match the search.",
            _ => "No articles here.",
        });
    });
}

/// `importing`: an import is running; `compact`: the reader is open beside
/// the list.
pub fn show(
    ui: &mut egui::Ui,
    list: &ListState,
    edits: &TagEdits,
    importing: bool,
    compact: bool,
) -> Vec<Action> {
    let mut actions = Actions::default();
    egui::CentralPanel::default().show(ui, |ui| {
        let empty_library = list.loaded && list.facets.all == 0 && list.facets.trash == 0;
        if empty_library && !importing {
            welcome(ui, &mut actions);
            return;
        }
        chips(ui, list, &mut actions);
        timeline_strip(ui, list, &mut actions);
        list_bar(ui, list, edits, &mut actions);
        if list.loaded && list.rows.is_empty() {
            nothing_here(ui, list);
            return;
        }
        table(ui, list, compact, &mut actions);
    });
    actions.0
}

/// How the rows are drawn: their height, and the snippets' look.
struct RowStyle {
    height: f32,
    snippet_font: egui::FontId,
    snippet_color: egui::Color32,
    mark: egui::Color32,
}

impl RowStyle {
    fn new(ui: &egui::Ui, with_snippets: bool) -> RowStyle {
        let line = ui.text_style_height(&egui::TextStyle::Body);
        RowStyle {
            // A search shows each hit's snippet under its title.
            height: if with_snippets {
                line * 2.0 + 10.0
            } else {
                line + 8.0
            },
            snippet_font: egui::FontId::proportional(line * 0.8),
            snippet_color: ui.visuals().weak_text_color(),
            mark: if ui.visuals().dark_mode {
                egui::Color32::from_rgb(140, 110, 10)
            } else {
                egui::Color32::from_rgb(255, 226, 110)
            },
        }
    }
}

/// A column's heading: a button that sorts by it, with an arrow for the
/// current sort (none while searching: the best matches come first).
fn heading(ui: &mut egui::Ui, column: &ListColumn, list: &ListState, actions: &mut Actions) {
    let searching = !list.search.trim().is_empty() || list.similar_to.is_some();
    let sort = list.sort;
    let Some(key) = column.sort else {
        ui.strong(column.title);
        return;
    };
    let arrow = match () {
        _ if key != sort.key || searching => "",
        _ if sort.descending => " ↓",
        _ => " ↑",
    };
    let heading =
        egui::Button::new(egui::RichText::new(format!("{}{arrow}", column.title)).strong()).frame(false);
    if ui
        .add(heading)
        .on_hover_text(format!("Sort by {}", column.title.to_lowercase()))
        .clicked()
    {
        actions.push(ListAction::Sort(key));
    }
}

/// One cell of a row; the title's carries the search snippet under it.
fn cell(
    ui: &mut egui::Ui,
    column: &ListColumn,
    article: &ArticleSummary,
    list: &ListState,
    style: &RowStyle,
) {
    let snippet = list.rows.snippet(article.id).filter(|_| column.title == "Title");
    let Some((snippet, place)) = snippet else {
        ui.add(egui::Label::new((column.cell)(article)).truncate());
        return;
    };
    ui.vertical(|ui| {
        ui.add(egui::Label::new((column.cell)(article)).truncate());
        let job = crate::gui::highlight::snippet_job(
            snippet,
            place.label(),
            style.snippet_font.clone(),
            style.snippet_color,
            style.mark,
        );
        ui.add(egui::Label::new(job).truncate());
    });
}

/// The article list: a table whose rows are drawn only where they show.
fn table(ui: &mut egui::Ui, list: &ListState, compact: bool, actions: &mut Actions) {
    let columns = columns(compact);
    let style = RowStyle::new(ui, list.rows.has_snippets());
    // Selectable text would take the click that selects the row.
    ui.style_mut().interaction.selectable_labels = false;
    // The first and last rows drawn this frame.
    let mut visible: Option<(usize, usize)> = None;
    let mut table = TableBuilder::new(ui)
        // Widths are remembered per layout, so the wide layout's widths
        // never push columns out of sight beside the reader.
        .id_salt(("article-list", compact))
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    let cursor = list.selection.cursor();
    if list.scroll_to_cursor {
        if let Some(index) = cursor.and_then(|id| list.rows.position(id)) {
            table = table.scroll_to_row(index, None);
        }
        actions.push(ListAction::CursorShown(cursor));
    }
    for column in &columns {
        table = table.column(column.width);
    }
    table
        .header(24.0, |mut header| {
            for column in &columns {
                header.col(|ui| heading(ui, column, list, actions));
            }
        })
        .body(|body| {
            body.rows(style.height, list.rows.len(), |mut row| {
                let index = row.index();
                visible = Some(visible.map_or((index, index), |(a, b)| (a.min(index), b.max(index))));
                let id = list.rows.ids()[index];
                row.set_selected(list.selection.contains(id));
                for column in &columns {
                    row.col(|ui| match list.rows.row(index) {
                        Some(article) => cell(ui, column, article, list, &style),
                        // Its text is on its way from the library.
                        None => {
                            ui.weak("…");
                        }
                    });
                }
                let response = row.response();
                if response.clicked() {
                    let modifiers = response.ctx.input(|i| i.modifiers);
                    actions.push(ListAction::Click(id, click_mode(modifiers)));
                }
            });
        });
    if let Some((first, last)) = visible {
        actions.push(ListAction::Shown(first, last));
    }
}
