//! What Folio learns from a user's corrections: when the user corrects the
//! source, region or kind of an article, the same correction is due on the
//! next article from the same site or paper. A rule remembers it for the
//! place (the site's domain, or the masthead Folio read when there is no
//! address) and is applied to later imports from there.
//!
//! Pure: the library stores the rules, the import applies them.

use crate::model::ExtractedArticle;
use crate::model::region_basis::RegionBasis;

/// A field a correction can teach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleField {
    Source,
    Region,
    Kind,
}

impl RuleField {
    pub const ALL: [RuleField; 3] = [RuleField::Source, RuleField::Region, RuleField::Kind];

    /// The word the library stores.
    pub fn key(self) -> &'static str {
        match self {
            RuleField::Source => "source",
            RuleField::Region => "region",
            RuleField::Kind => "kind",
        }
    }

    pub fn from_key(key: &str) -> Option<RuleField> {
        RuleField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The field as a person names it.
    pub fn label(self) -> &'static str {
        match self {
            RuleField::Source => "Source",
            RuleField::Region => "Region",
            RuleField::Kind => "Kind",
        }
    }

    fn of(self, meta: &ExtractedArticle) -> Option<&str> {
        match self {
            RuleField::Source => meta.source.as_deref(),
            RuleField::Region => meta.region.as_deref(),
            RuleField::Kind => meta.kind.as_deref(),
        }
    }

    fn set(self, meta: &mut ExtractedArticle, value: &str) {
        let slot = match self {
            RuleField::Source => &mut meta.source,
            RuleField::Region => &mut meta.region,
            RuleField::Kind => &mut meta.kind,
        };
        *slot = Some(value.to_string());
    }
}

/// Where articles come from, as a rule knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Site {
    /// The address's host, lower case, without `www.`: `elpais.com`.
    Domain(String),
    /// The source as Folio read it, lower case, for articles without an
    /// address (a text clipping that names its paper only in its masthead).
    Masthead(String),
}

impl Site {
    /// The place an article comes from: its domain when it has an
    /// address, else the source Folio read.
    pub fn of(meta: &ExtractedArticle) -> Option<Site> {
        Site::all_of(meta).into_iter().next()
    }

    /// Every place an article can be known by, the surer first: its
    /// domain, then its masthead.
    pub fn all_of(meta: &ExtractedArticle) -> Vec<Site> {
        let domain = meta.url.as_deref().and_then(domain_of).map(Site::Domain);
        let masthead = meta
            .source
            .as_deref()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .map(Site::Masthead);
        domain.into_iter().chain(masthead).collect()
    }

    /// How the library stores the kind of place.
    pub fn kind_key(&self) -> &'static str {
        match self {
            Site::Domain(_) => "domain",
            Site::Masthead(_) => "masthead",
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Site::Domain(name) | Site::Masthead(name) => name,
        }
    }

    pub fn from_keys(kind: &str, name: &str) -> Option<Site> {
        match kind {
            "domain" => Some(Site::Domain(name.to_string())),
            "masthead" => Some(Site::Masthead(name.to_string())),
            _ => None,
        }
    }

    /// The place as the report and the table show it.
    pub fn describe(&self) -> String {
        match self {
            Site::Domain(domain) => domain.clone(),
            Site::Masthead(masthead) => format!("the paper read as “{masthead}”"),
        }
    }
}

/// The host of an http(s) address, lower case, without `www.`, a port or
/// credentials; `None` for anything else (a `file:` address, a bare word).
pub fn domain_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).trim_end_matches('.');
    (host.contains('.') && !host.is_empty()).then(|| host.to_string())
}

/// One thing learned: later articles from `site` get `value` as `field`.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteRule {
    pub id: i64,
    pub site: Site,
    pub field: RuleField,
    pub value: String,
    /// When it was learned (RFC 3339), for the table.
    pub learned_at: String,
}

/// A rule a correction teaches, before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub site: Site,
    pub field: RuleField,
    pub value: String,
}

/// What correcting `before` into `after` teaches: each of source, region
/// and kind the user changed to a value (clearing a field teaches nothing),
/// for the place the article came from as Folio read it (a corrected
/// address names the place better than the one it replaced).
pub fn lessons(before: &ExtractedArticle, after: &ExtractedArticle) -> Vec<Lesson> {
    let place_of = ExtractedArticle {
        url: after.url.clone().or_else(|| before.url.clone()),
        source: before.source.clone(),
        ..ExtractedArticle::default()
    };
    let Some(site) = Site::of(&place_of) else {
        return Vec::new();
    };
    RuleField::ALL
        .into_iter()
        .filter_map(|field| {
            let value = field.of(after)?.trim();
            let changed = field.of(before).map(str::trim) != Some(value);
            (changed && !value.is_empty()).then(|| Lesson {
                site: site.clone(),
                field,
                value: value.to_string(),
            })
        })
        .collect()
}

/// Applies the rules for the article's place to a newly read article and
/// says, for the import report, what they changed. A region learned for a
/// paper is what it writes about when its text names no country; where the
/// text names countries, they say where the article belongs.
pub fn apply(rules: &[SiteRule], meta: &mut ExtractedArticle) -> Vec<String> {
    let mut applied = Vec::new();
    let mut decided = Vec::new();
    // A rule for the domain goes before one for the masthead: the address
    // is the surer sign of where an article comes from.
    for site in Site::all_of(meta) {
        let mut changed = Vec::new();
        for rule in rules.iter().filter(|r| r.site == site) {
            if decided.contains(&rule.field) {
                continue;
            }
            decided.push(rule.field);
            if rule.field == RuleField::Region && !meta.countries.is_empty() {
                continue;
            }
            if rule.field.of(meta) == Some(rule.value.as_str()) {
                continue;
            }
            rule.field.set(meta, &rule.value);
            if rule.field == RuleField::Region {
                meta.region_basis = Some(RegionBasis::Learned(site.describe()));
            }
            changed.push(format!("{} “{}”", rule.field.label().to_lowercase(), rule.value));
        }
        if !changed.is_empty() {
            applied.push(format!(
                "given the {}, as you corrected before for {}",
                changed.join(" and the "),
                site.describe()
            ));
        }
    }
    applied
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(url: Option<&str>, source: Option<&str>) -> ExtractedArticle {
        ExtractedArticle {
            url: url.map(str::to_string),
            source: source.map(str::to_string),
            body: "Text.".into(),
            ..ExtractedArticle::default()
        }
    }

    #[test]
    fn domains_are_hosts_without_www_or_port() {
        assert_eq!(
            domain_of("https://www.ElPais.com/opinion/x"),
            Some("elpais.com".into())
        );
        assert_eq!(
            domain_of("http://user@news.example.org:8080?q"),
            Some("news.example.org".into())
        );
        assert_eq!(domain_of("file:///home/a.html"), None);
        assert_eq!(domain_of("elpais.com"), None);
        assert_eq!(domain_of("https://localhost/"), None);
    }

    #[test]
    fn a_changed_field_is_learned_for_the_place_folio_read() {
        let before = article(None, Some("Ediciones XYZ S.A."));
        let after = ExtractedArticle {
            source: Some("El Diario".into()),
            kind: Some("editorial".into()),
            ..before.clone()
        };
        let learned = lessons(&before, &after);
        assert_eq!(learned.len(), 2, "{learned:?}");
        assert!(
            learned
                .iter()
                .all(|l| l.site == Site::Masthead("ediciones xyz s.a.".into()))
        );
        assert_eq!(learned[0].field, RuleField::Source);
        assert_eq!(learned[0].value, "El Diario");
        // Nothing changed, or a field cleared: nothing learned.
        assert!(lessons(&before, &before).is_empty());
        let cleared = ExtractedArticle {
            source: None,
            ..before.clone()
        };
        assert!(lessons(&before, &cleared).is_empty());
    }

    #[test]
    fn rules_apply_to_the_same_site_only() {
        let rule = |field, value: &str| SiteRule {
            id: 1,
            site: Site::Domain("diario.example".into()),
            field,
            value: value.into(),
            learned_at: String::new(),
        };
        let rules = [
            rule(RuleField::Source, "El Diario"),
            rule(RuleField::Region, "Europe & Central Asia"),
        ];
        let mut same = article(Some("https://www.diario.example/a"), Some("Diario Digital"));
        let said = apply(&rules, &mut same);
        assert_eq!(same.source.as_deref(), Some("El Diario"));
        assert_eq!(same.region.as_deref(), Some("Europe & Central Asia"));
        assert_eq!(
            said,
            [
                "given the source “El Diario” and the region “Europe & Central Asia”, as you corrected before for diario.example"
            ]
        );
        let mut other = article(Some("https://other.example/a"), Some("Other"));
        assert!(apply(&rules, &mut other).is_empty());
        assert_eq!(other.source.as_deref(), Some("Other"));
        // The countries a text names decide its region over the paper's habit.
        let mut abroad = article(Some("https://diario.example/b"), None);
        abroad.countries = vec!["Japan".into()];
        abroad.region = Some("East Asia & Pacific".into());
        apply(&rules, &mut abroad);
        assert_eq!(abroad.region.as_deref(), Some("East Asia & Pacific"));
    }
}
