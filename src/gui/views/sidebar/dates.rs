//! The sidebar's facets that open onto finer ones: dates (year, month,
//! day) and regions (their countries).

use super::parts::{long_list, value_entry};
use crate::gui::action::Actions;
use crate::gui::state::list::ListAction;
use crate::library::{FacetCount, Facets};
use crate::model::{DateChoice, Facet, FacetChoice, MONTH_NAMES};

/// Years, each opening onto its months once it (or one of them) is chosen.
pub fn dates(
    ui: &mut egui::Ui,
    choice: &FacetChoice,
    (years, months, days): (&[FacetCount], &[FacetCount], &[FacetCount]),
    actions: &mut Actions,
) {
    if years.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Dates")
        .default_open(true)
        .show(ui, |ui| {
            // A year holding a chosen month or day counts as chosen: it stays listed.
            let chosen_here = |year: &FacetCount| {
                choice.contains(Facet::Date, &year.value)
                    || choice
                        .dates(|d| matches!(d, DateChoice::Month(_) | DateChoice::Day(_)))
                        .iter()
                        .any(|d| d.starts_with(&year.value))
            };
            long_list(ui, "years", years, chosen_here, str::to_string, |ui, year| {
                let in_year: Vec<&FacetCount> = months
                    .iter()
                    .filter(|m| m.value.starts_with(&year.value))
                    .collect();
                if value_entry(ui, choice, Facet::Date, &year.value, &year.value, year.count).clicked() {
                    actions.push(ListAction::ToggleFacet(Facet::Date, year.value.clone()));
                }
                let open_here = chosen_here(year);
                if open_here {
                    ui.indent(("months", &year.value), |ui| {
                        for month in in_year {
                            let m: usize = month.value.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
                            let name = MONTH_NAMES.get(m.saturating_sub(1)).copied().unwrap_or("?");
                            if value_entry(ui, choice, Facet::Date, &month.value, name, month.count).clicked()
                            {
                                actions.push(ListAction::ToggleFacet(Facet::Date, month.value.clone()));
                            }
                            // A chosen month (or one holding a chosen day) opens onto its days.
                            let in_month: Vec<&FacetCount> = days
                                .iter()
                                .filter(|d| d.value.starts_with(&month.value))
                                .collect();
                            if !in_month.is_empty() {
                                ui.indent(("days", &month.value), |ui| {
                                    for day in in_month {
                                        let number =
                                            day.value.get(8..10).unwrap_or("").trim_start_matches('0');
                                        let label = format!("{number} {name}");
                                        if value_entry(ui, choice, Facet::Date, &day.value, &label, day.count)
                                            .clicked()
                                        {
                                            actions.push(ListAction::ToggleFacet(
                                                Facet::Date,
                                                day.value.clone(),
                                            ));
                                        }
                                    }
                                });
                            }
                        }
                    });
                }
            });
        });
}

/// Regions, each chosen one opening onto the countries its articles
/// concern.
pub fn regions(ui: &mut egui::Ui, choice: &FacetChoice, facets: &Facets, actions: &mut Actions) {
    if facets.regions.is_empty() {
        return;
    }
    egui::CollapsingHeader::new("Regions")
        .default_open(true)
        .show(ui, |ui| {
            for region in &facets.regions {
                if value_entry(
                    ui,
                    choice,
                    Facet::Region,
                    &region.value,
                    &region.value,
                    region.count,
                )
                .clicked()
                {
                    actions.push(ListAction::ToggleFacet(Facet::Region, region.value.clone()));
                }
                let countries = facets.countries.iter().find(|(r, _)| *r == region.value);
                if let Some((_, countries)) = countries {
                    ui.indent(("countries", &region.value), |ui| {
                        let chosen = |c: &FacetCount| choice.contains(Facet::Region, &c.value);
                        long_list(
                            ui,
                            "countries",
                            countries,
                            chosen,
                            str::to_string,
                            |ui, country| {
                                if value_entry(
                                    ui,
                                    choice,
                                    Facet::Region,
                                    &country.value,
                                    &country.value,
                                    country.count,
                                )
                                .clicked()
                                {
                                    actions
                                        .push(ListAction::ToggleFacet(Facet::Region, country.value.clone()));
                                }
                            },
                        );
                    });
                }
            }
        });
}
