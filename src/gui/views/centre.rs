//! The centre: a welcome on an empty library, else the article list.

use crate::gui::{Action, Browse, ClickMode, FolioApp};
use crate::model::{ArticleSummary, Facet, SortKey};
use egui_extras::{Column, TableBuilder};

fn welcome(ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
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
                actions.push(Action::PickFiles);
            }
            if ui.button("Import folder…").clicked() {
                actions.push(Action::PickFolder);
            }
        });
        ui.add_space(12.0);
        ui.weak("…or drop files here: plain-text clippings, saved web pages, Markdown, or an export of Pocket, Instapaper, wallabag, Omnivore or Zotero.");
    });
    actions
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
fn list_bar(ui: &mut egui::Ui, app: &mut FolioApp, actions: &mut Vec<Action>) {
    // Wrapped: with the reader open the bar is narrow, and tag suggestions
    // go on a second line rather than under the reader.
    ui.horizontal_wrapped(|ui| {
        let selected = app.selection.len();
        if let Some((_, title)) = &app.similar_to {
            ui.label(format!("More like “{title}”"));
            if ui
                .small_button("Back")
                .on_hover_text("Back to the list")
                .clicked()
            {
                actions.push(Action::ClearMoreLikeThis);
            }
            return;
        }
        if *app.browse() == Browse::Trash {
            ui.strong("Trash");
            ui.add_enabled_ui(selected > 0, |ui| {
                if ui
                    .button("Restore")
                    .on_hover_text("Put the selected articles back")
                    .clicked()
                {
                    actions.push(Action::RestoreSelected);
                }
                if ui
                    .button("Delete for good…")
                    .on_hover_text("Delete the selected articles for good (Delete)")
                    .clicked()
                {
                    actions.push(Action::AskPurge);
                }
            });
            if ui
                .add_enabled(app.facets.trash > 0, egui::Button::new("Empty Trash…"))
                .on_hover_text("Delete everything in the trash for good")
                .clicked()
            {
                actions.push(Action::AskEmptyTrash);
            }
        } else if selected > 1 {
            ui.label(format!("{selected} selected"));
            if ui.button("Move to Trash").on_hover_text("Delete").clicked() {
                actions.push(Action::TrashSelected);
            }
            if ui
                .button(format!("Edit {selected} articles…"))
                .on_hover_text("Set the date, source, region or kind of every selected article, or file them under a topic")
                .clicked()
            {
                actions.push(Action::StartBulkEdit);
            }
            ui.separator();
            bulk_tagging(ui, app, actions);
        }
    });
}

/// The facet values chosen, as chips to take back one by one, and a way
/// to take them all back.
fn chips(ui: &mut egui::Ui, app: &FolioApp, actions: &mut Vec<Action>) {
    let chosen = app.settings.choice.chips();
    if chosen.is_empty() || *app.browse() == Browse::Trash {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for chip in chosen {
            let shown = match chip.facet {
                Facet::Language => super::sidebar::language_name(&chip.value),
                Facet::Kind => super::sidebar::capitalised(&chip.value),
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
                actions.push(Action::ToggleFacet(chip.facet, chip.value.clone()));
            }
        }
        if ui
            .small_button("Clear all")
            .on_hover_text("Show the whole library again")
            .clicked()
        {
            actions.push(Action::ClearFacets);
        }
    });
    ui.add_space(2.0);
}

/// One tag for every selected article: typed (with the library's tags
/// offered as it is typed), then added or taken off.
fn bulk_tagging(ui: &mut egui::Ui, app: &mut FolioApp, actions: &mut Vec<Action>) {
    let label = ui.label("Tag:");
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut app.bulk_tag_input)
                .hint_text("tag for the selected")
                .desired_width(140.0),
        )
        .labelled_by(label.id);
    let typed = app.bulk_tag_input.trim().to_string();
    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !typed.is_empty() {
        actions.push(Action::TagSelected(typed.clone(), true));
    }
    ui.add_enabled_ui(!typed.is_empty(), |ui| {
        if ui
            .button("Add")
            .on_hover_text("Add this tag to every selected article")
            .clicked()
        {
            actions.push(Action::TagSelected(typed.clone(), true));
        }
        if ui
            .button("Remove")
            .on_hover_text("Take this tag off every selected article")
            .clicked()
        {
            actions.push(Action::TagSelected(typed.clone(), false));
        }
    });
    // The library's tags that match what is typed, one click to take one.
    let known = app.facets.tags.iter().map(|t| t.value.as_str());
    let offered: Vec<String> = super::reader::tag_suggestions(&typed, known, &[])
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
            app.bulk_tag_input = name;
        }
    }
}

pub fn show(ui: &mut egui::Ui, app: &mut FolioApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        let empty_library = app.loaded && app.facets.all == 0 && app.facets.trash == 0;
        if empty_library && app.import.is_none() {
            actions.extend(welcome(ui));
            return;
        }
        chips(ui, app, &mut actions);
        super::timeline::show(ui, app, &mut actions);
        list_bar(ui, app, &mut actions);
        if app.loaded && app.list.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.weak(match app.browse() {
                    Browse::Trash => "The trash is empty.",
                    Browse::Recent => "Nothing was imported in the last seven days.",
                    _ if !app.search.trim().is_empty() => "No articles match the search.",
                    _ => "No articles here.",
                });
            });
            return;
        }
        let compact = app.article.is_some();
        let columns = columns(compact);
        let sort = app.settings.sort;
        let searching = !app.search.trim().is_empty() || app.similar_to.is_some();
        // A search shows each hit's snippet under its title.
        let with_snippets = app.list.has_snippets();
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let row_height = if with_snippets {
            line * 2.0 + 10.0
        } else {
            line + 8.0
        };
        let snippet_font = egui::FontId::proportional(line * 0.8);
        let snippet_color = ui.visuals().weak_text_color();
        let mark = if ui.visuals().dark_mode {
            egui::Color32::from_rgb(140, 110, 10)
        } else {
            egui::Color32::from_rgb(255, 226, 110)
        };
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
        if let Some(cursor) = app.selection.cursor()
            && let Some(index) = app.list.position(cursor)
            && app.scroll_to_cursor
        {
            table = table.scroll_to_row(index, None);
        }
        for column in &columns {
            table = table.column(column.width);
        }
        table
            .header(24.0, |mut header| {
                for column in &columns {
                    header.col(|ui| {
                        let arrow = match column.sort {
                            Some(key) if key == sort.key && !searching => {
                                if sort.descending {
                                    " ↓"
                                } else {
                                    " ↑"
                                }
                            }
                            _ => "",
                        };
                        match column.sort {
                            Some(key) => {
                                let heading = egui::Button::new(
                                    egui::RichText::new(format!("{}{arrow}", column.title)).strong(),
                                )
                                .frame(false);
                                if ui
                                    .add(heading)
                                    .on_hover_text(format!("Sort by {}", column.title.to_lowercase()))
                                    .clicked()
                                {
                                    actions.push(Action::Sort(key));
                                }
                            }
                            None => {
                                ui.strong(column.title);
                            }
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, app.list.len(), |mut row| {
                    let index = row.index();
                    visible = Some(visible.map_or((index, index), |(a, b)| (a.min(index), b.max(index))));
                    let id = app.list.ids()[index];
                    row.set_selected(app.selection.contains(id));
                    match app.list.row(index) {
                        Some(article) => {
                            for column in &columns {
                                row.col(|ui| {
                                    let snippet = app.list.snippet(id).filter(|_| column.title == "Title");
                                    match snippet {
                                        Some((snippet, place)) => {
                                            ui.vertical(|ui| {
                                                ui.add(egui::Label::new((column.cell)(article)).truncate());
                                                let job = crate::gui::highlight::snippet_job(
                                                    snippet,
                                                    place.label(),
                                                    snippet_font.clone(),
                                                    snippet_color,
                                                    mark,
                                                );
                                                ui.add(egui::Label::new(job).truncate());
                                            });
                                        }
                                        None => {
                                            ui.add(egui::Label::new((column.cell)(article)).truncate());
                                        }
                                    }
                                });
                            }
                        }
                        // Its text is on its way from the library.
                        None => {
                            for _ in &columns {
                                row.col(|ui| {
                                    ui.weak("…");
                                });
                            }
                        }
                    }
                    let response = row.response();
                    if response.clicked() {
                        let modifiers = response.ctx.input(|i| i.modifiers);
                        actions.push(Action::Click(id, click_mode(modifiers)));
                    }
                });
            });
        if let Some((first, last)) = visible {
            let wanted = app.list.rows_to_fetch(first..last + 1);
            if !wanted.is_empty() {
                actions.push(Action::LoadRows(wanted));
            }
        }
    });
    actions
}
