//! The atlas: the world's countries shaded by how many articles concern
//! each, World Bank regions outlined, a legend; hover names a country and
//! its count, a click picks it, drag pans, scroll or pinch zooms, a double
//! click or the reset button shows the whole world again.
//!
//! The filled and outlined map is one mesh, built when the counts, the
//! theme or the view change and reused by every other frame.

use super::atlas_shapes::{LineKind, World, world};
use egui::epaint::{Mesh, PathShape, TessellationOptions, Tessellator};
use egui::{Color32, Pos2, Rect, Sense, Stroke, pos2};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// How far in the map zooms.
const MAX_ZOOM: f32 = 24.0;
/// Colour classes of the legend, besides "none".
const CLASSES: usize = 5;

/// Where the map looks: its zoom (1 = the whole world) and the point of
/// the map at the middle of the view, in map units.
#[derive(Clone, Copy, PartialEq, Debug)]
struct View {
    zoom: f32,
    center: Pos2,
}

impl View {
    fn whole(world: &World) -> View {
        View {
            zoom: 1.0,
            center: (world.size / 2.0).to_pos2(),
        }
    }
}

/// Map units to screen points for a view of the map in `rect`.
#[derive(Clone, Copy)]
struct Projection {
    origin: Pos2,
    center: Pos2,
    scale: f32,
}

impl Projection {
    fn new(world: &World, rect: Rect, view: View) -> Projection {
        let fit = (rect.width() / world.size.x).min(rect.height() / world.size.y);
        Projection {
            origin: rect.center(),
            center: view.center,
            scale: fit * view.zoom,
        }
    }

    fn to_screen(self, p: Pos2) -> Pos2 {
        self.origin + (p - self.center) * self.scale
    }

    fn to_map(self, p: Pos2) -> Pos2 {
        self.center + (p - self.origin) / self.scale
    }
}

/// Where the atlas puts a country when a map of this size shows the whole
/// world (its first view): for tests and tools that point at a country.
pub fn country_point(map: Rect, country: &str) -> Option<Pos2> {
    let world = world();
    let shape = world.country(country)?;
    Some(Projection::new(world, map, View::whole(world)).to_screen(shape.inside))
}

/// The legend's classes: the least count of each, from 1 up to the
/// largest count, spaced evenly on a logarithmic scale.
fn class_floors(max: usize) -> Vec<usize> {
    // Few articles: a class for each count.
    if max <= CLASSES {
        return (1..=max.max(1)).collect();
    }
    let mut floors: Vec<usize> = (0..CLASSES)
        .map(|k| (max as f64).powf(k as f64 / CLASSES as f64).round().max(1.0) as usize)
        .collect();
    floors.dedup();
    floors
}

fn class_of(count: usize, floors: &[usize]) -> Option<usize> {
    (count > 0).then(|| floors.iter().rposition(|f| count >= *f).unwrap_or(0))
}

/// The fills: grey with no hue for "no articles", then a ramp that
/// starts clearly coloured, so the fewest articles never look like none.
struct Palette {
    none: Color32,
    ramp: [Color32; CLASSES],
    line: Color32,
    region_line: Color32,
    sea: Color32,
}

fn palette(dark: bool) -> Palette {
    let rgb = Color32::from_rgb;
    if dark {
        Palette {
            none: rgb(0x48, 0x48, 0x48),
            ramp: [
                rgb(0x1f, 0x4e, 0x5f),
                rgb(0x21, 0x6f, 0x87),
                rgb(0x2f, 0x93, 0xb0),
                rgb(0x62, 0xbf, 0xd3),
                rgb(0xb8, 0xe8, 0xf0),
            ],
            line: rgb(0x30, 0x30, 0x30),
            region_line: rgb(0x05, 0x05, 0x05),
            sea: rgb(0x1b, 0x1e, 0x22),
        }
    } else {
        Palette {
            none: rgb(0xe2, 0xe2, 0xe2),
            ramp: [
                rgb(0xc7, 0xe9, 0xb4),
                rgb(0x7f, 0xcd, 0xbb),
                rgb(0x41, 0xb6, 0xc4),
                rgb(0x2c, 0x7f, 0xb8),
                rgb(0x25, 0x34, 0x94),
            ],
            line: rgb(0xff, 0xff, 0xff),
            region_line: rgb(0x30, 0x30, 0x30),
            sea: rgb(0xf4, 0xf7, 0xfa),
        }
    }
}

/// The map as last built, and what it was built from.
struct Built {
    key: u64,
    mesh: Arc<Mesh>,
}

/// Fills every country by its class and strokes every line, in screen
/// points.
fn build(
    world: &World,
    projection: Projection,
    fills: &[Color32],
    palette: &Palette,
    pixels_per_point: f32,
) -> Mesh {
    let mut mesh = Mesh::default();
    for (country, fill) in world.countries.iter().zip(fills) {
        let base = mesh.vertices.len() as u32;
        for &p in &country.points {
            mesh.colored_vertex(projection.to_screen(p), *fill);
        }
        for t in country.triangles.chunks_exact(3) {
            mesh.add_triangle(base + t[0], base + t[1], base + t[2]);
        }
    }
    let mut tessellator = Tessellator::new(
        pixels_per_point,
        TessellationOptions::default(),
        [1, 1],
        Vec::new(),
    );
    // Region borders last, over the others.
    for (kind, stroke) in [
        (LineKind::Coast, Stroke::new(0.5, palette.line)),
        (LineKind::Border, Stroke::new(0.5, palette.line)),
        (LineKind::RegionBorder, Stroke::new(1.5, palette.region_line)),
    ] {
        for line in world.lines.iter().filter(|l| l.kind == kind) {
            let points = line.points.iter().map(|&p| projection.to_screen(p)).collect();
            tessellator.tessellate_path(&PathShape::line(points, stroke), &mut mesh);
        }
    }
    mesh
}

fn count_text(count: usize) -> String {
    super::articles(count)
}

/// Draws the legend in the map's lower left corner.
fn legend(ui: &egui::Ui, rect: Rect, floors: &[usize], max: usize, palette: &Palette) {
    let painter = ui.painter().with_clip_rect(rect);
    let font = egui::TextStyle::Small.resolve(ui.style());
    let text = ui.visuals().text_color();
    let mut entries: Vec<(Color32, String)> = vec![(palette.none, "none".into())];
    for (k, floor) in floors.iter().enumerate().filter(|_| max > 0) {
        let top = floors.get(k + 1).map(|next| next - 1).unwrap_or(max);
        let label = if top == *floor {
            format!("{floor}")
        } else {
            format!("{floor}–{top}")
        };
        entries.push((palette.ramp[k + CLASSES - floors.len()], label));
    }
    let row = 15.0;
    let size = egui::vec2(92.0, row * (entries.len() as f32 + 1.0) + 8.0);
    let frame = Rect::from_min_size(pos2(rect.left() + 8.0, rect.bottom() - size.y - 8.0), size);
    painter.rect_filled(frame, 4.0, ui.visuals().extreme_bg_color.gamma_multiply(0.9));
    painter.text(
        frame.min + egui::vec2(6.0, 4.0),
        egui::Align2::LEFT_TOP,
        "Articles",
        font.clone(),
        text,
    );
    for (i, (fill, label)) in entries.iter().enumerate() {
        let top = frame.top() + 4.0 + row * (i as f32 + 1.0);
        let swatch = Rect::from_min_size(pos2(frame.left() + 6.0, top + 2.0), egui::vec2(16.0, 10.0));
        painter.rect_filled(swatch, 1.0, *fill);
        painter.rect_stroke(
            swatch,
            1.0,
            Stroke::new(0.5, palette.region_line),
            egui::StrokeKind::Inside,
        );
        painter.text(
            pos2(swatch.right() + 6.0, top),
            egui::Align2::LEFT_TOP,
            label,
            font.clone(),
            text,
        );
    }
}

/// Draws the map filling the space left; returns the country clicked.
/// `counts`: articles per country name; `counts_key` changes whenever
/// they do (it keeps the built map from being rebuilt on every frame).
pub fn show(ui: &mut egui::Ui, counts: &HashMap<String, usize>, counts_key: u64) -> Option<String> {
    let world = world();
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, "World map of articles by country")
    });
    let id = response.id;
    let mut view: View = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| View::whole(world));

    // Pan and zoom, the point under the pointer staying where it is.
    if response.dragged() {
        view.center -= response.drag_delta() / Projection::new(world, rect, view).scale;
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll / 300.0).exp();
        if factor != 1.0 {
            let before = Projection::new(world, rect, view).to_map(pointer);
            view.zoom = (view.zoom * factor).clamp(1.0, MAX_ZOOM);
            let after = Projection::new(world, rect, view).to_map(pointer);
            view.center += before - after;
        }
    }
    if response.double_clicked() {
        view = View::whole(world);
    }
    view.center = view.center.clamp(Pos2::ZERO, world.size.to_pos2());
    let projection = Projection::new(world, rect, view);

    let dark = ui.visuals().dark_mode;
    let palette = palette(dark);
    let max = counts.values().copied().max().unwrap_or(0);
    let floors = class_floors(max);
    let class_fill = |count: usize| match class_of(count, &floors) {
        Some(k) => palette.ramp[k + CLASSES - floors.len()],
        None => palette.none,
    };
    let pixels_per_point = ui.ctx().pixels_per_point();
    let key = {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            counts_key,
            dark,
            rect.min.x.to_bits(),
            rect.min.y.to_bits(),
            rect.max.x.to_bits(),
        )
            .hash(&mut h);
        (
            rect.max.y.to_bits(),
            view.zoom.to_bits(),
            view.center.x.to_bits(),
            view.center.y.to_bits(),
        )
            .hash(&mut h);
        pixels_per_point.to_bits().hash(&mut h);
        h.finish()
    };
    let cache_id = id.with("built");
    let mesh = match ui
        .data(|d| d.get_temp::<Arc<Built>>(cache_id))
        .filter(|b| b.key == key)
    {
        Some(built) => built.mesh.clone(),
        None => {
            let fills: Vec<Color32> = world
                .countries
                .iter()
                .map(|c| class_fill(counts.get(&c.name).copied().unwrap_or(0)))
                .collect();
            let mesh = Arc::new(build(world, projection, &fills, &palette, pixels_per_point));
            ui.data_mut(|d| {
                d.insert_temp(
                    cache_id,
                    Arc::new(Built {
                        key,
                        mesh: mesh.clone(),
                    }),
                )
            });
            mesh
        }
    };
    let painter = ui.painter().with_clip_rect(rect);
    painter.rect_filled(rect, 0.0, palette.sea);
    painter.add(egui::Shape::Mesh(mesh));

    let hovered = response
        .hover_pos()
        .and_then(|p| world.country_at(projection.to_map(p)))
        .map(|i| &world.countries[i]);
    let mut clicked = None;
    if let Some(country) = hovered {
        let stroke = Stroke::new(2.0, ui.visuals().strong_text_color());
        for &line in &country.outline {
            let points: Vec<Pos2> = world.lines[line]
                .points
                .iter()
                .map(|&p| projection.to_screen(p))
                .collect();
            painter.add(egui::Shape::line(points, stroke));
        }
        let count = counts.get(&country.name).copied().unwrap_or(0);
        let label = format!("{} — {}", country.name, count_text(count));
        let response = response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(&label);
            ui.weak(&country.region);
            ui.weak("Click to choose it");
        });
        if response.clicked() {
            clicked = Some(country.name.clone());
        }
    }
    legend(ui, rect, &floors, max, &palette);
    if counts.is_empty() {
        painter.text(
            pos2(rect.center().x, rect.top() + 16.0),
            egui::Align2::CENTER_TOP,
            "No article here names a country",
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().weak_text_color(),
        );
    }
    if view != View::whole(world) {
        let button = Rect::from_min_size(
            pos2(rect.right() - 96.0, rect.top() + 8.0),
            egui::vec2(88.0, 22.0),
        );
        if ui
            .put(button, egui::Button::new("Whole world"))
            .on_hover_text("Show the whole map again (or double-click the map)")
            .clicked()
        {
            view = View::whole(world);
        }
    }
    ui.data_mut(|d| d.insert_temp(id, view));
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_spreads_its_classes_from_one_to_the_largest_count() {
        assert_eq!(class_floors(0), [1]);
        assert_eq!(class_floors(3), [1, 2, 3]);
        let floors = class_floors(1000);
        assert_eq!(floors.first(), Some(&1));
        assert_eq!(floors.len(), CLASSES);
        assert!(floors.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(class_of(0, &floors), None);
        assert_eq!(class_of(1, &floors), Some(0));
        assert_eq!(class_of(1000, &floors), Some(CLASSES - 1));
    }

    #[test]
    fn a_country_is_pointed_at_inside_the_map() {
        let map = Rect::from_min_size(pos2(100.0, 50.0), egui::vec2(800.0, 400.0));
        let japan = country_point(map, "Japan").unwrap();
        assert!(map.contains(japan));
        // Japan lies east of Germany and north of Australia.
        let germany = country_point(map, "Germany").unwrap();
        let australia = country_point(map, "Australia").unwrap();
        assert!(japan.x > germany.x && japan.y < australia.y);
        assert_eq!(country_point(map, "Atlantis"), None);
    }
}
