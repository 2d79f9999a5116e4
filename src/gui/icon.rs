//! Folio's application icon, drawn here rather than shipped as artwork: a
//! clipped page with its corner folded, a headline, lines of text and one
//! of them highlighted, on a tile in the blue of the window's selection.
//! Drawn from shapes at the size asked for, so it is sharp at 48 pixels as
//! at 256: the window and taskbar take it from here, and
//! `folio install-desktop` writes it out as PNG files for the desktop.

/// The sizes `folio install-desktop` writes into the icon theme: the large
/// one for docks and app grids, the small one drawn at its own size for
/// menus and file managers' "Open with" lists.
pub const INSTALLED_SIZES: [u32; 2] = [256, 48];

/// The shapes are laid out on a canvas this wide, then scaled.
const CANVAS: f32 = 256.0;

type Rgb = [f32; 3];

const TILE_TOP: Rgb = [38.0, 124.0, 166.0];
const TILE_BOTTOM: Rgb = [16.0, 82.0, 120.0];
const PAPER: Rgb = [250.0, 248.0, 243.0];
const FOLD: Rgb = [214.0, 207.0, 194.0];
const INK: Rgb = [38.0, 52.0, 66.0];
const TEXT: Rgb = [163.0, 170.0, 178.0];
const HIGHLIGHT: Rgb = [255.0, 206.0, 64.0];
const HIGHLIGHTED_TEXT: Rgb = [128.0, 104.0, 40.0];
const SHADOW: Rgb = [0.0, 20.0, 40.0];

/// The page, corner cut for the fold, clockwise from top left.
const PAGE: [[f32; 2]; 5] = [
    [60.0, 36.0],
    [156.0, 36.0],
    [196.0, 76.0],
    [196.0, 220.0],
    [60.0, 220.0],
];
const FOLD_TRIANGLE: [[f32; 2]; 3] = [[156.0, 36.0], [196.0, 76.0], [156.0, 76.0]];

/// The lines of text under the headline: (top, right end); the third is
/// the highlighted one.
const LINES: [(f32, f32); 5] = [
    (96.0, 178.0),
    (120.0, 178.0),
    (144.0, 170.0),
    (168.0, 178.0),
    (192.0, 138.0),
];
const HIGHLIGHTED_LINE: usize = 2;

/// The icon as straight-alpha RGBA pixels, `size` × `size`, rows top down.
pub fn rgba(size: u32) -> Vec<u8> {
    let scale = size as f32 / CANVAS;
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    for y in 0..size {
        for x in 0..size {
            // The pixel's centre on the canvas; distances on the canvas
            // times `scale` are distances in pixels, which is what edge
            // smoothing needs.
            let p = [(x as f32 + 0.5) / scale, (y as f32 + 0.5) / scale];
            pixels.extend_from_slice(&pixel(p, scale));
        }
    }
    pixels
}

/// The icon for the window and the taskbar.
pub fn icon_data() -> egui::IconData {
    const SIZE: u32 = 128;
    egui::IconData {
        rgba: rgba(SIZE),
        width: SIZE,
        height: SIZE,
    }
}

/// The icon as a PNG file's bytes.
pub fn png(size: u32) -> Result<Vec<u8>, String> {
    super::picture::encode_png(size, size, &rgba(size))
}

/// One pixel: the layers from the tile up, each laid over the last.
fn pixel(p: [f32; 2], scale: f32) -> [u8; 4] {
    let edge = |distance: f32| (0.5 - distance * scale).clamp(0.0, 1.0);
    let mut out = Layered::default();

    let tile = rounded_rect(p, [16.0, 16.0], [240.0, 240.0], 44.0);
    let t = ((p[1] - 16.0) / 224.0).clamp(0.0, 1.0);
    out.over(mix(TILE_TOP, TILE_BOTTOM, t), edge(tile));

    // A soft shadow under the page, kept inside the tile.
    let shadow = convex_polygon([p[0] - 4.0, p[1] - 8.0], &PAGE);
    let softness = 1.0 - smoothstep(-6.0, 10.0, shadow);
    out.over(SHADOW, 0.35 * softness * edge(tile));

    out.over(PAPER, edge(convex_polygon(p, &PAGE)));
    out.over(FOLD, edge(convex_polygon(p, &FOLD_TRIANGLE)));
    out.over(INK, edge(rounded_rect(p, [78.0, 56.0], [142.0, 76.0], 4.0)));
    for (i, &(top, right)) in LINES.iter().enumerate() {
        let line = rounded_rect(p, [78.0, top], [right, top + 10.0], 5.0);
        if i == HIGHLIGHTED_LINE {
            let band = rounded_rect(p, [72.0, top - 6.0], [184.0, top + 16.0], 4.0);
            out.over(HIGHLIGHT, edge(band));
            out.over(HIGHLIGHTED_TEXT, edge(line));
        } else {
            out.over(TEXT, edge(line));
        }
    }
    out.finish()
}

/// Colour laid over colour, premultiplied while it builds up.
#[derive(Default)]
struct Layered {
    rgb: Rgb,
    alpha: f32,
}

impl Layered {
    fn over(&mut self, rgb: Rgb, coverage: f32) {
        for (channel, value) in self.rgb.iter_mut().zip(rgb) {
            *channel = value * coverage + *channel * (1.0 - coverage);
        }
        self.alpha = coverage + self.alpha * (1.0 - coverage);
    }

    /// Straight alpha, as icons are stored.
    fn finish(&self) -> [u8; 4] {
        if self.alpha <= 0.0 {
            return [0; 4];
        }
        let channel = |c: f32| (c / self.alpha).round().clamp(0.0, 255.0) as u8;
        [
            channel(self.rgb[0]),
            channel(self.rgb[1]),
            channel(self.rgb[2]),
            (self.alpha * 255.0).round() as u8,
        ]
    }
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

fn smoothstep(from: f32, to: f32, x: f32) -> f32 {
    let t = ((x - from) / (to - from)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Signed distance from `p` to a rectangle with rounded corners (negative
/// inside).
fn rounded_rect(p: [f32; 2], min: [f32; 2], max: [f32; 2], radius: f32) -> f32 {
    let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    let half = [(max[0] - min[0]) / 2.0, (max[1] - min[1]) / 2.0];
    let q = [0, 1].map(|i| (p[i] - centre[i]).abs() - half[i] + radius);
    let outside = q[0].max(0.0).hypot(q[1].max(0.0));
    outside + q[0].max(q[1]).min(0.0) - radius
}

/// Signed distance from `p` to a convex polygon given clockwise (on a
/// canvas whose y grows downwards): the farthest of its edges' lines. Exact
/// along the edges, which is where smoothing looks.
fn convex_polygon(p: [f32; 2], corners: &[[f32; 2]]) -> f32 {
    let mut distance = f32::MIN;
    for (i, a) in corners.iter().enumerate() {
        let b = corners[(i + 1) % corners.len()];
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let length = dx.hypot(dy);
        // The outward normal of a clockwise edge, y down.
        let (nx, ny) = (dy / length, -dx / length);
        distance = distance.max((p[0] - a[0]) * nx + (p[1] - a[1]) * ny);
    }
    distance
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(pixels: &[u8], size: u32, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * size + x) * 4) as usize;
        pixels[i..i + 4].try_into().unwrap()
    }

    #[test]
    fn the_corners_are_clear_and_the_page_sits_on_the_tile() {
        for size in [256, 48] {
            let pixels = rgba(size);
            assert_eq!(pixels.len(), (size * size * 4) as usize);
            assert_eq!(at(&pixels, size, 0, 0)[3], 0, "outside the rounded tile");
            assert_eq!(at(&pixels, size, size - 1, size - 1)[3], 0);
            // Between the page and the tile's left edge: the tile's blue.
            let tile = at(&pixels, size, size * 38 / 256, size / 2);
            assert!(tile[3] == 255 && tile[2] > tile[0] + 60, "{tile:?}");
            // In the page's margin, left of the lines: paper.
            let paper = at(&pixels, size, size * 66 / 256, size * 180 / 256);
            assert!(paper.iter().all(|&c| c > 235), "{paper:?}");
        }
    }

    #[test]
    fn the_highlighted_line_is_yellow() {
        let pixels = rgba(256);
        let (top, _) = LINES[HIGHLIGHTED_LINE];
        let band = at(&pixels, 256, 180, top as u32 + 4);
        assert!(band[0] > 240 && band[1] > 190 && band[2] < 100, "{band:?}");
    }

    #[test]
    fn the_folded_corner_is_cut_from_the_page() {
        let pixels = rgba(256);
        // Above the fold's diagonal: the tile, not paper.
        let cut = at(&pixels, 256, 192, 44);
        assert!(cut[2] > cut[0] + 60, "{cut:?}");
        // Below it: the fold's darker paper.
        let fold = at(&pixels, 256, 162, 70);
        assert!(fold[0] < 230 && fold[0] > 190, "{fold:?}");
    }
}
