//! The pictures of the list: whether the centre shows the list, the map
//! or the trends chart, what the chart stacks its months by, and the
//! counts behind both as the library thread sends them. The counts follow
//! the list: each new listing asked for (a facet, a search, an edit) asks
//! for the counts of the picture shown too.

use super::list::ListState;
use super::outbox::{Effect, Outbox};
use crate::gui::worker::{Overview, Request};
use crate::library::{FacetCount, TrendSplit, Trends};
use std::collections::HashMap;

/// What the centre shows of the current choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Picture {
    #[default]
    List,
    Map,
    Trends,
}

impl Picture {
    pub const ALL: [Picture; 3] = [Picture::List, Picture::Map, Picture::Trends];

    pub fn label(self) -> &'static str {
        match self {
            Picture::List => "List",
            Picture::Map => "Map",
            Picture::Trends => "Trends",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum AtlasAction {
    Show(Picture),
    /// Stack the trends chart by this.
    Split(TrendSplit),
}

#[derive(Default)]
pub struct AtlasState {
    pub picture: Picture,
    pub split: TrendSplit,
    /// Articles per country, for the map.
    pub countries: HashMap<String, usize>,
    pub trends: Trends,
    /// Changes whenever new counts arrive (the map rebuilds its mesh then).
    pub counts_version: u64,
    /// The counts asked for last: for which listing of the list, and what.
    asked_for: Option<(u64, Overview)>,
    /// Requests sent; only the answer to the last is kept.
    asked: u64,
    /// The counts shown are those last asked for.
    pub current: bool,
}

impl AtlasState {
    pub fn apply(&mut self, action: AtlasAction, out: &mut Outbox) {
        match action {
            AtlasAction::Show(picture) => {
                self.picture = picture;
                if picture != Picture::List {
                    out.then(Effect::CloseAnnotations);
                }
            }
            AtlasAction::Split(split) => self.split = split,
        }
    }

    /// What the picture shown needs counted; `None` for the list.
    fn wanted(&self) -> Option<Overview> {
        match self.picture {
            Picture::List => None,
            Picture::Map => Some(Overview::Countries),
            Picture::Trends => Some(Overview::Trends(self.split)),
        }
    }

    /// Asks for the counts of the picture shown when the list has asked
    /// for a listing they have not followed yet (called every frame; it
    /// sends nothing while they are up to date).
    pub fn follow(&mut self, list: &ListState, out: &mut Outbox) {
        let Some(what) = self.wanted() else {
            return;
        };
        let now = (list.listings_asked(), what);
        if self.asked_for == Some(now) {
            return;
        }
        self.asked_for = Some(now);
        self.asked += 1;
        self.current = false;
        let mut filter = list.filter();
        // The pictures count what the list shows: the search included.
        filter
            .conditions
            .extend(crate::library::search_conditions(&list.search));
        out.send(Request::Overview {
            filter,
            what,
            generation: self.asked,
        });
    }

    pub fn counted_countries(&mut self, counts: Vec<FacetCount>, generation: u64) {
        if generation == self.asked {
            self.countries = counts.into_iter().map(|c| (c.value, c.count)).collect();
            self.arrived();
        }
    }

    pub fn counted_trends(&mut self, trends: Trends, generation: u64) {
        if generation == self.asked {
            self.trends = trends;
            self.arrived();
        }
    }

    fn arrived(&mut self) {
        self.counts_version += 1;
        self.current = true;
    }
}
