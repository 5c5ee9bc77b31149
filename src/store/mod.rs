//! The app's one store, provided by context: the files as Leptos resources, the
//! view (derived from one query signal: the URL is the state), the choropleth,
//! and the passing UI state (hover, zoom). Components read it with
//! [`use_store`] and change the view only through [`Store::dispatch`], which
//! applies a named [`Action`] (plain Rust, see `state::view`) and writes one
//! history entry.

mod file_load;
pub mod history;
pub mod load;

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::dataset::with_count;
use crate::data::indicators::{IndicatorSet, Level};
use crate::data::policies::{Footprint, Policies};
use crate::error::Error;
use crate::i18n::{Lang, Text};
use crate::map::choropleth::{choropleth, Choropleth};
use crate::map::loaded::{LoadedMap, NamedShape};
use crate::map::overlay::{overlay, Overlay};
use crate::state::{Action, Known, Notice, Query, ViewState};
use history::Entry;

pub use file_load::FileLoad;

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct Store {
    /// The page's query: the view's one source of truth.
    query: RwSignal<Query>,
    /// The query whose notices the person dismissed.
    dismissed: RwSignal<Option<Query>>,
    /// The county outlines, loaded the first time a measure targets counties.
    county_file: FileLoad<LoadedMap>,
    /// The person dismissed the county-loading notice.
    county_dismissed: RwSignal<bool>,
    /// The prefecture boundaries.
    pub map_file: FileLoad<LoadedMap>,
    /// The indicators.
    pub indicators_file: FileLoad<IndicatorSet>,
    /// The measures: fetched once the map is live (the first view does not need
    /// them), or at once when the URL names what only they know.
    pub policies_file: FileLoad<Policies>,
    /// The app has taken the page over from the prerendered first view.
    pub live: RwSignal<bool>,
    /// The shipped indicators with the count layer once the measures are in.
    base_data: Memo<Option<Arc<IndicatorSet>>>,
    /// The shipped indicators merged with the person's own tables, once any.
    user_data: RwSignal<Option<Arc<IndicatorSet>>>,
    /// The view the query names, with notices for what could not be used.
    resolved: Memo<Option<(ViewState, Vec<Notice>)>>,
    /// The map's language (known from the URL before any data).
    pub lang: Memo<Lang>,
    /// Embedded in another page (`embed=1`), read once at start.
    pub embed: bool,
    /// The indicator and period shown.
    pub shown: Memo<Option<(String, String)>>,
    /// The selected cities (adcodes), in the order chosen.
    pub cities: Memo<Vec<String>>,
    /// The prefecture drilled into (its counties shown, zoomed to it).
    pub within: Memo<Option<String>>,
    /// The measure chosen in the panel.
    pub measure: Memo<Option<String>>,
    /// Fill and class of each region drawn (the counties' for a county layer).
    pub fills: Memo<Option<Choropleth>>,
    /// The remediation layer drawn as circles over the map, if one is chosen
    /// (on the prefectures' map only).
    pub overlay: Memo<Option<Overlay>>,
    /// Whether the indicator shown is for prefectures or counties.
    pub level: Memo<Level>,
    /// The region under the pointer or keyboard focus.
    pub hovered: RwSignal<Option<String>>,
    /// The legend class under the pointer.
    pub legend_hover: RwSignal<Option<String>>,
    /// The measure under the pointer or focus.
    pub hover_measure: RwSignal<Option<String>>,
    /// Zoomed to the selected cities.
    pub zoomed: RwSignal<bool>,
    /// The toolbar's open menu or panel ("embed", "export", "classes",
    /// "load"): one at a time; Escape or a click elsewhere closes it.
    pub tool: RwSignal<Option<&'static str>>,
    /// The measure in focus (pointer first, then the chosen one) and its places.
    pub footprint: Memo<Option<Footprint>>,
    /// Prefectures the measure in focus targets (`None`: no measure in focus).
    pub highlighted: Memo<Option<Vec<String>>>,
    /// Counties of the measure in focus, drawn over the map with their names.
    pub counties: Memo<Vec<NamedShape>>,
}

/// The store provided by [`Store::provide`]. Components are only ever mounted
/// under the app, which provides it; outside it this is a programming error.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// A loaded file, tracked; `None` while it loads or when it failed.
fn ready<T: Send + Sync + 'static>(file: FileLoad<T>) -> Option<Arc<T>> {
    file.ready()
}

/// A part of the resolved view, tracked.
fn part<T>(
    resolved: Memo<Option<(ViewState, Vec<Notice>)>>,
    f: impl FnOnce(&ViewState) -> T,
) -> Option<T> {
    resolved.with(|r| r.as_ref().map(|(v, _)| f(v)))
}

impl Store {
    /// Starts loading, reads the URL once and provides the store to the app.
    pub fn provide() -> Store {
        let start = history::current();
        let embed = start.embed();
        let query = RwSignal::new(start);
        let map_file: FileLoad<LoadedMap> = FileLoad::new(load::prefectures);
        let indicators_file: FileLoad<IndicatorSet> = FileLoad::new(load::indicators);
        let live = RwSignal::new(false);
        // The URL names a measure or theme, or an indicator the indicator file
        // does not have (the count layer): the view needs the measures to be
        // resolved, so they are fetched at once.
        let needs_policies = Memo::new(move |_| {
            let set = ready(indicators_file);
            query.with(|q| {
                let unknown = |key: &str| {
                    q.get(key)
                        .is_some_and(|i| set.as_ref().is_some_and(|s| s.indicator(i).is_none()))
                };
                q.get("measure").is_some()
                    || q.get("theme").is_some()
                    || unknown("indicator")
                    || unknown("overlay")
            })
        });
        // Fetched once `live` or `needs_policies` turns on (a retry loads at
        // once).
        let policies_file: FileLoad<Policies> = FileLoad::idle(load::policies);
        Effect::new(move |_| {
            if live.get() || needs_policies.get() {
                policies_file.start();
            }
        });
        let base_data = Memo::new(move |_| {
            let set = ready(indicators_file)?;
            Some(match ready(policies_file) {
                // The count layer cannot clash with the shipped ids; if it did,
                // the map goes on without it.
                Some(p) => with_count(&set, &p).map(Arc::new).unwrap_or(set),
                None => set,
            })
        });
        let user_data = RwSignal::new(None::<Arc<IndicatorSet>>);
        let data = move || user_data.get().or_else(|| base_data.get());
        // What the URL may name: the measures' ids once they are in; before, the
        // map's cities (a view that names a measure waits for them).
        let known = Memo::new(move |_| match ready(policies_file) {
            Some(p) => Some(Known::of(&p)),
            None if needs_policies.get() => None,
            None => ready(map_file).map(|m| Known {
                cities: m.adcodes(),
                ..Known::default()
            }),
        });
        let resolved = Memo::new(move |_| {
            let set = data()?;
            known.with(|k| {
                let k = k.as_ref()?;
                Some(query.with(|q| q.view(&set, k)))
            })
        });
        let lang = Memo::new(move |_| query.with(Query::lang));
        // Whether the indicator shown is for counties: then the map draws the
        // counties (loaded for it) in its prefectures' place.
        let level = Memo::new(move |_| {
            let set = data();
            resolved.with(|r| match (r, set) {
                (Some((v, _)), Some(set)) => set.level(&v.indicator),
                _ => Level::Prefecture,
            })
        });
        let county_file: FileLoad<LoadedMap> = FileLoad::idle(load::counties);
        let fills = Memo::new(move |_| {
            let map = match level.get() {
                Level::Prefecture => ready(map_file)?,
                Level::County => ready(county_file)?,
            };
            let set = data()?;
            resolved.with(|r| {
                r.as_ref().map(|(v, _)| {
                    choropleth(&set, &v.indicator, &v.period, &v.classing(), &map.adcodes())
                })
            })
        });
        let overlay = Memo::new(move |_| {
            if level.get() != Level::Prefecture {
                return None;
            }
            let map = ready(map_file)?;
            let set = data()?;
            resolved.with(|r| {
                let (v, _) = r.as_ref()?;
                overlay(
                    &set,
                    v.overlay.as_deref()?,
                    &v.period,
                    v.overlay_period.as_deref(),
                    &map.layout,
                )
            })
        });
        let shown = Memo::new(move |_| part(resolved, |v| (v.indicator.clone(), v.period.clone())));
        let cities = Memo::new(move |_| part(resolved, |v| v.cities.clone()).unwrap_or_default());
        let within = Memo::new(move |_| part(resolved, |v| v.within.clone()).flatten());
        let measure = Memo::new(move |_| part(resolved, |v| v.measure.clone()).flatten());
        let hover_measure = RwSignal::new(None::<String>);
        let footprint = Memo::new(move |_| {
            let id = hover_measure.get().or_else(|| measure.get())?;
            let p = ready(policies_file)?;
            p.measure(&id).map(|m| p.footprint(m))
        });
        // Loaded the first time a measure targets counties or a county layer
        // is shown, then kept.
        let wants_counties = Memo::new(move |before: Option<&bool>| {
            before.copied().unwrap_or(false)
                || level.get() == Level::County
                || within.with(Option::is_some)
                || footprint.with(|f| f.as_ref().is_some_and(|f| !f.counties.is_empty()))
        });
        Effect::new(move |_| {
            if wants_counties.get() && ready(map_file).is_some() {
                county_file.start();
            }
        });
        let highlighted = Memo::new(move |_| {
            footprint.with(|f| f.as_ref().map(|f| f.prefectures.iter().cloned().collect()))
        });
        let counties = Memo::new(move |_| {
            let wanted = footprint
                .with(|f| f.as_ref().map(|f| f.counties.clone()))
                .unwrap_or_default();
            county_file.with(|c| match c {
                Some(Ok(drawn)) => drawn.named(&wanted),
                _ => Vec::new(),
            })
        });
        let store = Store {
            query,
            dismissed: RwSignal::new(None),
            county_file,
            county_dismissed: RwSignal::new(false),
            map_file,
            indicators_file,
            policies_file,
            live,
            base_data,
            user_data,
            resolved,
            lang,
            embed,
            shown,
            cities,
            within,
            measure,
            fills,
            overlay,
            level,
            hovered: RwSignal::new(None),
            legend_hover: RwSignal::new(None),
            hover_measure,
            zoomed: RwSignal::new(false),
            tool: RwSignal::new(None),
            footprint,
            highlighted,
            counties,
        };
        // The address the page was opened with, in its canonical form.
        Effect::new(move |written: Option<bool>| {
            if written == Some(true) {
                return true;
            }
            resolved.with(|r| match r {
                Some((v, _)) => {
                    history::write(&v.to_query(), Entry::Replace);
                    true
                }
                None => false,
            })
        });
        history::on_back_forward(move |q| query.set(q));
        provide_context(store);
        store
    }

    /// The current view, tracked; `None` until the data is loaded.
    pub fn view<T>(&self, f: impl FnOnce(&ViewState) -> T) -> Option<T> {
        part(self.resolved, f)
    }

    /// The current view, untracked (for event handlers).
    pub fn view_untracked(&self) -> Option<ViewState> {
        self.resolved
            .with_untracked(|r| r.as_ref().map(|(v, _)| v.clone()))
    }

    /// Changes the view: applies `action` and, if anything changed, writes a
    /// new history entry.
    pub fn dispatch(&self, action: Action) {
        let (Some(mut v), Some(set)) = (self.view_untracked(), self.data_untracked()) else {
            return;
        };
        if v.apply(action, &set) {
            let q = v.to_query();
            history::write(&q, Entry::Push);
            self.query.set(Query::parse(&q));
        }
    }

    /// The indicator data (shipped and the person's own), tracked.
    pub fn data(&self) -> Option<Arc<IndicatorSet>> {
        self.user_data.get().or_else(|| self.base_data.get())
    }

    fn data_untracked(&self) -> Option<Arc<IndicatorSet>> {
        untrack(|| self.data())
    }

    /// The measures, tracked.
    pub fn policies(&self) -> Option<Arc<Policies>> {
        ready(self.policies_file)
    }

    /// The boundaries, tracked.
    pub fn map(&self) -> Option<Arc<LoadedMap>> {
        ready(self.map_file)
    }

    /// A prefecture's Chinese and English names from the map (its code
    /// until the map is in), tracked.
    pub fn city_names(&self, code: &str) -> (String, String) {
        self.map()
            .and_then(|m| m.names(code))
            .unwrap_or_else(|| (code.to_string(), code.to_string()))
    }

    /// The county boundaries once loaded, tracked.
    pub fn county_map(&self) -> Option<Arc<LoadedMap>> {
        ready(self.county_file)
    }

    /// The boundaries the map draws now: the counties for a county layer
    /// (`None` until they are loaded), else the prefectures; tracked.
    pub fn drawn_map(&self) -> Option<Arc<LoadedMap>> {
        match self.level.get() {
            Level::Prefecture => self.map(),
            Level::County => self.county_map(),
        }
    }

    /// Adds the person's own indicators to the data and shows the first of them.
    pub fn add_user_data(&self, set: IndicatorSet, file: &str) -> Result<(), Error> {
        let first = set.indicators.first().map(|i| i.id.clone());
        let Some(current) = self.data_untracked() else {
            return Ok(());
        };
        let mut merged = (*current).clone();
        merged.merge(set, file)?;
        self.user_data.set(Some(Arc::new(merged)));
        if let Some(id) = first {
            self.dispatch(Action::ChooseIndicator(id));
        }
        Ok(())
    }

    /// What to tell the person: parts of the URL that could not be used, and
    /// files that failed to load, until dismissed.
    pub fn notices(&self) -> Vec<Notice> {
        let mut out = Vec::new();
        let dismissed = self
            .dismissed
            .with(|d| d.as_ref() == Some(&self.query.get()));
        if !dismissed {
            self.resolved.with(|r| {
                if let Some((_, n)) = r {
                    out.extend(n.iter().cloned());
                }
            });
        }
        if !self.county_dismissed.get() {
            self.county_file.with(|c| {
                if let Some(Err(e)) = c {
                    let t = e.text();
                    out.push(Text::new(
                        format!("县界未能载入：{}", t.zh),
                        format!("County boundaries could not be loaded: {}", t.en),
                    ));
                }
            });
        }
        out
    }

    /// Whether the toolbar's `name` is open, tracked.
    pub fn tool_open(&self, name: &'static str) -> bool {
        self.tool.with(|t| *t == Some(name))
    }

    /// Opens the toolbar's `name` (closing any other) or closes it.
    pub fn set_tool(&self, name: &'static str, open: bool) {
        let now = self.tool.get_untracked();
        if open && now != Some(name) {
            self.tool.set(Some(name));
        } else if !open && now == Some(name) {
            self.tool.set(None);
        }
    }

    /// Hides the current notices.
    pub fn dismiss_notices(&self) {
        self.dismissed.set(Some(self.query.get_untracked()));
        self.county_dismissed.set(true);
    }

    /// Whether the county boundaries failed to load (tracked).
    pub fn counties_failed(&self) -> bool {
        self.county_file.with(|c| matches!(c, Some(Err(_))))
    }

    /// Loads the county boundaries again, after a failure.
    pub fn retry_counties(&self) {
        self.county_dismissed.set(false);
        self.county_file.retry();
    }
}
