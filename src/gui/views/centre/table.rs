//! The article list: a table of columns that sort, whose rows are drawn
//! only where they show (their text fetched as they come into view), with
//! a search's snippets under the titles.

use crate::gui::action::Actions;
use crate::gui::selection::ClickMode;
use crate::gui::state::compare::CompareAction;
use crate::gui::state::list::{ListAction, ListState};
use crate::gui::state::stories::{DraggedArticle, StoriesAction};
use crate::model::{ArticleSummary, SortKey};
use egui_extras::{Column, TableBuilder};

/// A column of the list: its heading, what it sorts by, and its cell.
struct ListColumn {
    title: &'static str,
    sort: Option<SortKey>,
    width: Column,
    cell: fn(&ArticleSummary) -> String,
}

/// Widths from which the list shows its source, its region, then its
/// tags: a column is left out rather than cut where nobody can reach it.
const WIDTH_FOR_SOURCE: f32 = 400.0;
const WIDTH_FOR_REGION: f32 = 600.0;
const WIDTH_FOR_TAGS: f32 = 760.0;

/// How many of the columns fit in `width`.
fn columns_shown(width: f32, compact: bool) -> usize {
    if width < WIDTH_FOR_SOURCE {
        2
    } else if compact || width < WIDTH_FOR_REGION {
        3
    } else if width < WIDTH_FOR_TAGS {
        4
    } else {
        5
    }
}

fn columns(shown: usize) -> Vec<ListColumn> {
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
    // Beside the open reader (or in a narrow window) the region and tags
    // are in the reader itself; the list keeps the room for titles.
    all.truncate(shown);
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
    let searching = !list.search.trim().is_empty() || list.similar_to.is_some() || list.thread.is_some();
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

/// The star before a starred article's title.
fn star_mark(ui: &mut egui::Ui) {
    ui.label(egui::RichText::new(crate::gui::widgets::STAR).color(crate::gui::widgets::star_color(ui)))
        .on_hover_text("Starred (Ctrl+D takes the star off)");
}

/// One cell of a row; the title's carries the search snippet under it.
fn cell(
    ui: &mut egui::Ui,
    column: &ListColumn,
    article: &ArticleSummary,
    list: &ListState,
    style: &RowStyle,
) {
    let title = column.title == "Title";
    let snippet = list.rows.snippet(article.id).filter(|_| title);
    let Some((snippet, place)) = snippet else {
        if title && article.starred {
            star_mark(ui);
        }
        ui.add(egui::Label::new((column.cell)(article)).truncate());
        return;
    };
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            if article.starred {
                star_mark(ui);
            }
            ui.add(egui::Label::new((column.cell)(article)).truncate());
        });
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

/// A row's right-click menu: compare it (with the other selected row, or
/// with the article open in the reader).
fn row_menu(ui: &mut egui::Ui, id: i64, list: &ListState, open: Option<i64>, actions: &mut Actions) {
    let selected = list.selection.ids();
    let pair = match selected.as_slice() {
        [a, b] if selected.contains(&id) => Some((*a, *b)),
        _ => open.filter(|&o| o != id).map(|o| (o, id)),
    };
    let label = if selected.len() == 2 && selected.contains(&id) {
        "Compare the two selected side by side"
    } else {
        "Compare with the open article"
    };
    let button = ui
        .add_enabled(
            pair.is_some(),
            egui::Button::new(label).shortcut_text("Ctrl+Shift+C"),
        )
        .on_disabled_hover_text("Select two articles, or open one and right-click another");
    if button.clicked()
        && let Some((left, right)) = pair
    {
        actions.push(CompareAction::Open(left, right));
        ui.close();
    }
}

/// A row takes an article dropped on it as the same story, and is
/// outlined while one is held over it.
fn drop_on_row(response: &egui::Response, id: i64, actions: &mut Actions) {
    if let Some(dragged) = response.dnd_hover_payload::<DraggedArticle>()
        && dragged.0 != id
    {
        let stroke = response.ctx.global_style().visuals.selection.stroke;
        response.ctx.layer_painter(response.layer_id).rect_stroke(
            response.rect,
            2.0,
            stroke,
            egui::StrokeKind::Inside,
        );
    }
    if let Some(dragged) = response.dnd_release_payload::<DraggedArticle>()
        && dragged.0 != id
    {
        actions.push(StoriesAction::Join {
            article: dragged.0,
            onto: id,
        });
    }
}

/// While a row is dragged, what dropping it does, beside the pointer.
fn drag_hint(ctx: &egui::Context) {
    if !egui::DragAndDrop::has_payload_of_type::<DraggedArticle>(ctx) {
        return;
    }
    let Some(pointer) = ctx.pointer_latest_pos() else {
        return;
    };
    egui::Area::new(egui::Id::unique("article-drag-hint"))
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(14.0, 10.0))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label("Drop on another article: the same story");
            });
        });
}

/// The article list: a table whose rows are drawn only where they show.
/// `open`: the article in the reader.
pub fn table(ui: &mut egui::Ui, list: &ListState, compact: bool, open: Option<i64>, actions: &mut Actions) {
    let shown = columns_shown(ui.available_width(), compact);
    let columns = columns(shown);
    let style = RowStyle::new(ui, list.rows.has_snippets());
    // Selectable text would take the click that selects the row.
    ui.style_mut().interaction.selectable_labels = false;
    // A scroll bar with room of its own: a floating one was drawn over the
    // last column's text.
    ui.style_mut().spacing.scroll = egui::style::ScrollStyle::solid();
    // The first and last rows drawn this frame.
    let mut visible: Option<(usize, usize)> = None;
    let mut table = TableBuilder::new(ui)
        // Widths are remembered per layout, so the wide layout's widths
        // never push columns out of sight beside the reader.
        .id_salt(("article-list", shown))
        .striped(true)
        .resizable(true)
        // Dragged onto another row (or the reader's story section), a row
        // says the two articles tell the same story.
        .sense(egui::Sense::click_and_drag())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    let cursor = list.selection.cursor();
    if list.scroll_to_top {
        table = table.vertical_scroll_offset(0.0);
        actions.push(ListAction::TopShown);
    }
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
                response.dnd_set_drag_payload(DraggedArticle(id));
                drop_on_row(&response, id, actions);
                response.context_menu(|ui| row_menu(ui, id, list, open, actions));
            });
        });
    if let Some((first, last)) = visible {
        actions.push(ListAction::Shown(first, last));
    }
    drag_hint(ui.ctx());
}
