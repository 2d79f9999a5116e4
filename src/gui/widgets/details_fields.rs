//! The fields of an article's details (title, date, source, authors,
//! section, region, countries, kind, language, URL) as a form: the
//! reader's "Edit details…" and the new-clipping sheet draw the same one.

use crate::gui::details::DetailsForm;

/// How a field of the details form is typed.
enum Field<'a> {
    Line(&'a str),
    /// One of a known list (value, name), or none.
    Pick(Vec<(String, String)>),
}

/// The form's fields: label, value, how it is typed.
fn form_fields(form: &mut DetailsForm) -> [(&'static str, &mut String, Field<'static>); 10] {
    let regions = crate::model::regions::WORLD_BANK_REGIONS
        .iter()
        .map(|r| (r.to_string(), r.to_string()))
        .collect();
    let kinds = crate::model::KINDS
        .iter()
        .map(|k| (k.to_string(), crate::gui::widgets::capitalised(k)))
        .collect();
    let mut languages: Vec<(String, String)> = crate::model::languages::LANGUAGES
        .iter()
        .map(|l| (l.tag.to_string(), l.name.to_string()))
        .collect();
    languages.sort_by(|a, b| a.1.cmp(&b.1));
    [
        ("Title", &mut form.title, Field::Line("")),
        (
            "Published",
            &mut form.published,
            Field::Line("2018-01-05, 2018-01 or 2018"),
        ),
        ("Source", &mut form.source, Field::Line("The publication")),
        ("Authors", &mut form.authors, Field::Line("Separated by commas")),
        ("Section", &mut form.section, Field::Line("")),
        ("Region", &mut form.region, Field::Pick(regions)),
        (
            "Countries",
            &mut form.countries,
            Field::Line("e.g. Japan, South Korea"),
        ),
        ("Kind", &mut form.kind, Field::Pick(kinds)),
        ("Language", &mut form.language, Field::Pick(languages)),
        ("URL", &mut form.url, Field::Line("")),
    ]
}

/// A choice among `options` (value, name), with "none"; a value not in the
/// list (another tool's) is kept and shown as it is.
fn pick(ui: &mut egui::Ui, label: &egui::Response, value: &mut String, options: &[(String, String)]) {
    let shown = options
        .iter()
        .find(|(v, _)| v.eq_ignore_ascii_case(value))
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| {
            if value.is_empty() {
                "—".into()
            } else {
                value.clone()
            }
        });
    let combo = egui::ComboBox::from_id_salt(("details pick", label.id))
        .selected_text(shown)
        .width(ui.available_width())
        .height(320.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, String::new(), "—");
            for (option, name) in options {
                ui.selectable_value(value, option.clone(), name);
            }
        });
    combo.response.labelled_by(label.id);
}

/// The form's fields in a grid, each labelled for screen readers and
/// tests; what is typed goes into `form`.
pub fn details_grid(ui: &mut egui::Ui, id_salt: &str, form: &mut DetailsForm) {
    egui::Grid::new(id_salt)
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (label, value, field) in form_fields(form) {
                let label = ui.label(label);
                match field {
                    Field::Line(hint) => {
                        ui.add(
                            egui::TextEdit::singleline(value)
                                .hint_text(hint)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    }
                    Field::Pick(options) => pick(ui, &label, value, &options),
                }
                ui.end_row();
            }
        });
}
