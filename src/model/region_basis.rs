//! Where an article's region came from: the reader shows it beside the
//! region so the user can judge it (a breadcrumb is firmer than a guess
//! from the countries named, which is firmer than the paper's home).

/// The basis of an article's region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionBasis {
    /// The page's breadcrumb or section label ("Asia").
    Section(String),
    /// The countries the text names, most named first.
    Countries(Vec<String>),
    /// The paper's home country: the last, weakest hint, for a text that
    /// names no country.
    PaperHome { paper: String, country: String },
    /// The file said so (front matter, another tool's export).
    Stated,
    /// The user set it.
    Edited,
    /// The user corrected the region of an earlier article from the same
    /// site or paper (named as the table of what corrections taught names it).
    Learned(String),
}

impl RegionBasis {
    /// The form kept in the library: a word, and what it names.
    pub fn to_stored(&self) -> String {
        match self {
            RegionBasis::Section(label) => format!("section: {label}"),
            RegionBasis::Countries(countries) => format!("countries: {}", countries.join("; ")),
            RegionBasis::PaperHome { paper, country } => format!("home: {paper}; {country}"),
            RegionBasis::Stated => "stated".to_string(),
            RegionBasis::Edited => "edited".to_string(),
            RegionBasis::Learned(site) => format!("learned: {site}"),
        }
    }

    /// Reads the stored form back; `None` for anything else.
    pub fn from_stored(stored: &str) -> Option<RegionBasis> {
        let (word, rest) = stored.split_once(": ").unwrap_or((stored, ""));
        let rest = rest.trim();
        match word {
            "section" if !rest.is_empty() => Some(RegionBasis::Section(rest.to_string())),
            "countries" if !rest.is_empty() => Some(RegionBasis::Countries(
                rest.split(';')
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty())
                    .collect(),
            )),
            "home" => {
                let (paper, country) = rest.split_once(';')?;
                Some(RegionBasis::PaperHome {
                    paper: paper.trim().to_string(),
                    country: country.trim().to_string(),
                })
            }
            "stated" => Some(RegionBasis::Stated),
            "edited" => Some(RegionBasis::Edited),
            "learned" if !rest.is_empty() => Some(RegionBasis::Learned(rest.to_string())),
            _ => None,
        }
    }

    /// How the reader says it, after the region: "from the countries named:
    /// Japan, South Korea".
    pub fn describe(&self) -> String {
        match self {
            RegionBasis::Section(label) => format!("from the page's section: {label}"),
            RegionBasis::Countries(countries) => {
                format!("from the countries named: {}", countries.join(", "))
            }
            RegionBasis::PaperHome { paper, country } => {
                format!("from the paper's home: {paper} is published in {country}")
            }
            RegionBasis::Stated => "as the imported file stated it".to_string(),
            RegionBasis::Edited => "set by you".to_string(),
            RegionBasis::Learned(site) => format!("as you corrected it before for {site}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_basis_is_kept_and_read_back() {
        for basis in [
            RegionBasis::Section("Asia".into()),
            RegionBasis::Countries(vec!["Japan".into(), "South Korea".into()]),
            RegionBasis::PaperHome {
                paper: "Le Monde".into(),
                country: "France".into(),
            },
            RegionBasis::Stated,
            RegionBasis::Edited,
            RegionBasis::Learned("gaceta-sur.example".into()),
        ] {
            assert_eq!(RegionBasis::from_stored(&basis.to_stored()), Some(basis));
        }
        assert_eq!(RegionBasis::from_stored("guessed"), None);
        assert_eq!(
            RegionBasis::Countries(vec!["Japan".into(), "South Korea".into()]).describe(),
            "from the countries named: Japan, South Korea"
        );
    }
}
