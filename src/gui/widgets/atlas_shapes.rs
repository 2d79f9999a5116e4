//! The world's countries as the atlas draws them, read once from the
//! embedded `assets/atlas/countries.json` (made by `assets/atlas/make.py`:
//! projected, simplified, cut into triangles and named as the gazetteer
//! names countries).

use egui::{Pos2, Rect, pos2};
use std::sync::LazyLock;

/// One country: its name and region as Folio spells them, its triangles
/// and the lines of its outline, in map units.
pub struct CountryShape {
    pub name: String,
    pub region: String,
    pub points: Vec<Pos2>,
    pub triangles: Vec<u32>,
    /// Indices into [`World::lines`].
    pub outline: Vec<usize>,
    pub bounds: Rect,
    /// A point inside the country (the middle of its largest triangle),
    /// where a label or a pointer can be put.
    pub inside: Pos2,
}

/// A line of the map drawn once: between two countries or along a coast.
pub struct MapLine {
    pub points: Vec<Pos2>,
    pub kind: LineKind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LineKind {
    /// Between two countries of one World Bank region.
    Border,
    /// Between two regions: the regions' outlines, drawn stronger.
    RegionBorder,
    Coast,
}

pub struct World {
    /// The map's extent in map units (x east, y south, from 0).
    pub size: egui::Vec2,
    pub lines: Vec<MapLine>,
    pub countries: Vec<CountryShape>,
}

#[derive(serde::Deserialize)]
struct Stored {
    width: f32,
    height: f32,
    arcs: Vec<Vec<f32>>,
    arc_kinds: Vec<u8>,
    countries: Vec<StoredCountry>,
}

#[derive(serde::Deserialize)]
struct StoredCountry {
    name: String,
    region: String,
    points: Vec<f32>,
    triangles: Vec<u32>,
    arcs: Vec<usize>,
}

fn pairs(flat: &[f32]) -> Vec<Pos2> {
    flat.chunks_exact(2).map(|p| pos2(p[0], p[1])).collect()
}

fn area(a: Pos2, b: Pos2, c: Pos2) -> f32 {
    ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0
}

impl World {
    fn read(json: &str) -> Option<World> {
        let stored: Stored = serde_json::from_str(json).ok()?;
        let lines = stored
            .arcs
            .iter()
            .zip(&stored.arc_kinds)
            .map(|(arc, kind)| MapLine {
                points: pairs(arc),
                kind: match kind {
                    1 => LineKind::RegionBorder,
                    2 => LineKind::Coast,
                    _ => LineKind::Border,
                },
            })
            .collect::<Vec<_>>();
        let countries = stored
            .countries
            .into_iter()
            .filter_map(|c| {
                let points = pairs(&c.points);
                // A triangle naming a point the country lacks would panic
                // the painter: such a country is left out whole.
                if c.triangles.iter().any(|&i| i as usize >= points.len()) || c.triangles.len() % 3 != 0 {
                    return None;
                }
                let largest = c.triangles.chunks_exact(3).max_by(|x, y| {
                    let size = |t: &[u32]| {
                        area(
                            points[t[0] as usize],
                            points[t[1] as usize],
                            points[t[2] as usize],
                        )
                    };
                    size(x).total_cmp(&size(y))
                })?;
                let corners = largest.iter().map(|&i| points[i as usize].to_vec2());
                let inside = (corners.fold(egui::Vec2::ZERO, |s, p| s + p) / 3.0).to_pos2();
                Some(CountryShape {
                    bounds: Rect::from_points(&points),
                    outline: c.arcs.into_iter().filter(|&a| a < lines.len()).collect(),
                    name: c.name,
                    region: c.region,
                    points,
                    triangles: c.triangles,
                    inside,
                })
            })
            .collect();
        Some(World {
            size: egui::vec2(stored.width, stored.height),
            lines,
            countries,
        })
    }

    /// The country at a point of the map, if any.
    pub fn country_at(&self, at: Pos2) -> Option<usize> {
        self.countries.iter().position(|country| {
            country.bounds.contains(at)
                && country.triangles.chunks_exact(3).any(|t| {
                    let [a, b, c] = [t[0], t[1], t[2]].map(|i| country.points[i as usize]);
                    in_triangle(at, a, b, c)
                })
        })
    }

    pub fn country(&self, name: &str) -> Option<&CountryShape> {
        self.countries.iter().find(|c| c.name == name)
    }
}

fn in_triangle(p: Pos2, a: Pos2, b: Pos2, c: Pos2) -> bool {
    let side = |p1: Pos2, p2: Pos2| (p.x - p2.x) * (p1.y - p2.y) - (p1.x - p2.x) * (p.y - p2.y);
    let (d1, d2, d3) = (side(a, b), side(b, c), side(c, a));
    let negative = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let positive = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(negative && positive)
}

static WORLD: LazyLock<World> = LazyLock::new(|| {
    World::read(include_str!("../../../assets/atlas/countries.json")).unwrap_or(World {
        size: egui::vec2(1.0, 1.0),
        lines: Vec::new(),
        countries: Vec::new(),
    })
});

/// The embedded map, read the first time it is asked for.
pub fn world() -> &'static World {
    &WORLD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_of_the_map_is_a_gazetteer_country_in_its_region() {
        let world = world();
        assert!(world.countries.len() > 150, "{} countries", world.countries.len());
        for country in &world.countries {
            assert_eq!(
                crate::model::regions::region_of_country(&country.name),
                Some(country.region.as_str()),
                "{}",
                country.name
            );
        }
    }

    #[test]
    fn a_country_is_found_at_its_own_inside_point() {
        let world = world();
        for name in ["Japan", "Brazil", "France", "Kenya", "Russia", "Chile"] {
            let country = world.country(name).unwrap();
            let found = world
                .country_at(country.inside)
                .map(|i| world.countries[i].name.as_str());
            assert_eq!(found, Some(name));
        }
        // The middle of the Pacific is sea.
        let pacific = pos2(world.size.x * 0.02, world.size.y * 0.5);
        assert_eq!(world.country_at(pacific), None);
    }

    #[test]
    fn a_damaged_map_is_no_map_rather_than_a_panic() {
        assert!(World::read("{").is_none());
        let bad_triangle = r#"{"width":10,"height":10,"arcs":[],"arc_kinds":[],
            "countries":[{"name":"X","region":"R","points":[0,0,1,0,0,1],"triangles":[0,1,7],"arcs":[]}]}"#;
        assert!(World::read(bad_triangle).unwrap().countries.is_empty());
    }
}
