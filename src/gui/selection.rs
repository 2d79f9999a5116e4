//! Which rows of the list are selected, as file managers and mail clients do
//! it: a click selects one, Ctrl toggles, Shift extends from the anchor, the
//! arrow keys move. The cursor is the row shown in the reader.

use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClickMode {
    /// Plain click: this row alone.
    Only,
    /// Ctrl/Cmd-click: add or remove this row.
    Toggle,
    /// Shift-click: every row from the anchor to this one.
    Range,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    ids: BTreeSet<i64>,
    /// The row the reader shows and the arrow keys move from.
    cursor: Option<i64>,
    /// Where a Shift-click range starts.
    anchor: Option<i64>,
}

impl Selection {
    pub fn cursor(&self) -> Option<i64> {
        self.cursor
    }

    pub fn contains(&self, id: i64) -> bool {
        self.ids.contains(&id)
    }

    pub fn ids(&self) -> Vec<i64> {
        self.ids.iter().copied().collect()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn clear(&mut self) {
        *self = Selection::default();
    }

    /// Selects `ids` (say, what an import added), the first under the cursor.
    pub fn set(&mut self, ids: &[i64]) {
        self.ids = ids.iter().copied().collect();
        self.cursor = ids.first().copied();
        self.anchor = self.cursor;
    }

    /// Every row of `order`; the cursor stays where it was (on the first
    /// row when there was none).
    pub fn select_all(&mut self, order: &[i64]) {
        self.ids = order.iter().copied().collect();
        if self.cursor.is_none_or(|c| !self.ids.contains(&c)) {
            self.cursor = order.first().copied();
        }
        self.anchor = self.cursor;
    }

    /// A click on `id`; `order` is the list as shown, for ranges.
    pub fn click(&mut self, id: i64, mode: ClickMode, order: &[i64]) {
        match mode {
            ClickMode::Only => self.set(&[id]),
            ClickMode::Toggle => {
                if !self.ids.remove(&id) {
                    self.ids.insert(id);
                }
                self.cursor = Some(id);
                self.anchor = Some(id);
            }
            ClickMode::Range => {
                let anchor = self.anchor.unwrap_or(id);
                let (Some(a), Some(b)) = (
                    order.iter().position(|x| *x == anchor),
                    order.iter().position(|x| *x == id),
                ) else {
                    return self.set(&[id]);
                };
                let (lo, hi) = (a.min(b), a.max(b));
                self.ids = order[lo..=hi].iter().copied().collect();
                self.cursor = Some(id);
            }
        }
    }

    /// Moves the cursor by `delta` rows and selects that row alone; with
    /// `extend` (Shift+arrow) the range from the anchor grows instead.
    pub fn step(&mut self, delta: isize, extend: bool, order: &[i64]) -> Option<i64> {
        if order.is_empty() {
            return None;
        }
        let at = self.cursor.and_then(|c| order.iter().position(|x| *x == c));
        let next = match at {
            Some(i) => (i as isize + delta).clamp(0, order.len() as isize - 1) as usize,
            None if delta < 0 => order.len() - 1,
            None => 0,
        };
        let id = order[next];
        if extend {
            self.click(id, ClickMode::Range, order);
        } else {
            self.set(&[id]);
        }
        Some(id)
    }

    /// Drops ids that are no longer in the list (after a filter or a delete).
    pub fn retain_visible(&mut self, order: &[i64]) {
        let visible: BTreeSet<i64> = order.iter().copied().collect();
        self.ids.retain(|id| visible.contains(id));
        if self.cursor.is_some_and(|c| !visible.contains(&c)) {
            self.cursor = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &[i64] = &[10, 20, 30, 40, 50];

    #[test]
    fn click_toggle_and_range() {
        let mut s = Selection::default();
        s.click(20, ClickMode::Only, ORDER);
        s.click(40, ClickMode::Range, ORDER);
        assert_eq!(s.ids(), vec![20, 30, 40]);
        assert_eq!(s.cursor(), Some(40));
        s.click(30, ClickMode::Toggle, ORDER);
        assert_eq!(s.ids(), vec![20, 40]);
        s.click(50, ClickMode::Only, ORDER);
        assert_eq!(s.ids(), vec![50]);
    }

    #[test]
    fn arrows_move_and_extend() {
        let mut s = Selection::default();
        assert_eq!(s.step(1, false, ORDER), Some(10));
        assert_eq!(s.step(1, false, ORDER), Some(20));
        assert_eq!(s.step(1, true, ORDER), Some(30));
        assert_eq!(s.ids(), vec![20, 30]);
        assert_eq!(s.step(10, false, ORDER), Some(50));
        assert_eq!(s.step(-1, false, ORDER), Some(40));
        assert_eq!(s.step(1, false, &[]), None);
    }

    #[test]
    fn hidden_rows_leave_the_selection() {
        let mut s = Selection::default();
        s.set(&[10, 20]);
        s.retain_visible(&[20, 30]);
        assert_eq!(s.ids(), vec![20]);
        assert_eq!(s.cursor(), None);
    }
}
