//! `folio bench-topics`: how well topic suggestions do, on a labelled set
//! of articles generated here from sentences written for this purpose (not
//! from the lexicon's word lists). Each article has three sentences of its
//! topic, two of other topics and two about nothing in particular, in a
//! shuffled order, and half have a headline that names no topic, so the
//! lexicon cannot be right by construction. The sentences and the lexicon
//! were written by the same team, which flatters the lexicon: the figures
//! are an upper bound for it, and the gain from filing is the point. Reports
//! top-1 and top-3 accuracy (at the top level of the tree) from the lexicon
//! alone, then after the user has filed 10, 50 and 100 articles.
//!
//! [`measure_labelled`] measures on a set written by hand instead
//! (`tests/fixtures/topics/`): real-looking clippings in many languages,
//! each with the one top-level topic a reader would file it under.

use super::generate::Rng;
use super::labelled_set::import_every_file;
use crate::library::{Library, NewArticle, Result, compress};
use crate::model::ExtractedArticle;
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// (top-level topic, headlines, sentences).
const TOPICS: &[(&str, &[&str], &[&str])] = &[
    (
        "politics",
        &[
            "A vote that will test the coalition",
            "The president's gamble",
            "Talks in the capital",
        ],
        &[
            "The ruling party lost its majority after two of its members crossed the floor.",
            "Ministers met their counterparts for a second round of talks on the border treaty.",
            "Voters will return to the polls in spring after the cabinet failed to pass its programme.",
            "The opposition leader accused the government of governing by decree.",
            "The summit ended with a joint statement and a promise to reopen the embassies.",
            "Parliament approved the new electoral law by a narrow margin.",
        ],
    ),
    (
        "conflict, war and peace",
        &[
            "The ceasefire is fragile",
            "After the shelling",
            "A war nobody wants to end",
        ],
        &[
            "Artillery fire resumed along the front line hours after the truce was announced.",
            "Rebel fighters seized two villages near the river and the army sent reinforcements.",
            "The talks on a ceasefire stalled over the withdrawal of troops.",
            "Thousands fled the city as the bombardment entered its third week.",
            "The agreement would see militias hand over heavy weapons to observers.",
            "Missile tests by the regime have alarmed its neighbours.",
        ],
    ),
    (
        "economy, business and finance",
        &[
            "Prices keep rising",
            "The central bank's dilemma",
            "Exporters feel the squeeze",
        ],
        &[
            "Inflation reached its highest level in a decade, squeezing household budgets.",
            "The central bank raised interest rates by half a point on Thursday.",
            "Exports fell sharply as the currency strengthened against the dollar.",
            "Investors sold shares in the country's largest banks after the report.",
            "The company reported record profits but warned of slower growth next year.",
            "Tariffs on steel and aluminium will rise from January.",
        ],
    ),
    (
        "environment",
        &[
            "The forest cannot wait",
            "A river running dry",
            "Emissions must fall faster",
        ],
        &[
            "Deforestation in the basin rose for the fourth year in a row.",
            "Carbon emissions from power plants must fall by half within the decade.",
            "The drought has left the reservoir at a third of its capacity.",
            "Scientists warn that the glaciers feeding the valley are retreating quickly.",
            "Plastic waste is choking the bay and the fishing grounds around it.",
            "The new national park will protect endangered species of birds.",
        ],
    ),
    (
        "health",
        &[
            "Hospitals at breaking point",
            "The vaccine campaign stalls",
            "A cure too costly",
        ],
        &[
            "Hospitals in the north have run out of beds as the outbreak spreads.",
            "Nurses say they are treating twice as many patients as a year ago.",
            "The vaccination campaign has reached only a third of the elderly.",
            "Doctors warn that the new drug is too expensive for most patients.",
            "Cases of cholera were confirmed in three districts this week.",
            "The ministry of health will open forty new clinics in rural areas.",
        ],
    ),
    (
        "crime, law and justice",
        &["The court has spoken", "Justice delayed", "Graft at the top"],
        &[
            "The supreme court struck down the law as unconstitutional.",
            "Prosecutors charged the former minister with taking bribes.",
            "The judge sentenced the gang leaders to twenty years in prison.",
            "Police arrested eleven people in raids on the port on Tuesday.",
            "The trial has been postponed for the third time since spring.",
            "Lawyers for the defence said they would appeal the verdict.",
        ],
    ),
    (
        "labour",
        &[
            "The dockers walk out",
            "Wages must keep up",
            "Jobs lost in the valley",
        ],
        &[
            "Dockworkers began an indefinite strike over pay and safety.",
            "The union rejected the employers' offer of a three percent wage rise.",
            "Unemployment among young people rose to one in four.",
            "The factory will lay off six hundred workers by the end of the year.",
            "Teachers and nurses joined the walkout on its second day.",
            "The minimum wage has not kept pace with the cost of living.",
        ],
    ),
    (
        "education",
        &[
            "Schools need more than promises",
            "The exam that decides everything",
            "Universities under strain",
        ],
        &[
            "Thousands of pupils still study in classrooms without heating.",
            "The university entrance exam decides the future of millions of students.",
            "Teachers say the new curriculum was written without them.",
            "Tuition fees have doubled at public universities in five years.",
            "Literacy rates in the provinces lag far behind those of the capital.",
            "The government promised a school within walking distance of every village.",
        ],
    ),
    (
        "science and technology",
        &[
            "A telescope sees further",
            "The rules for artificial intelligence",
            "Data we give away",
        ],
        &[
            "The satellite was launched on Monday and reached orbit an hour later.",
            "Researchers at the laboratory published their findings in a leading journal.",
            "The new law will regulate how companies use artificial intelligence.",
            "Millions of users' data were exposed in the breach of the online platform.",
            "Engineers hope the prototype will cut the cost of batteries by half.",
            "The space agency plans to land a probe on the moon within three years.",
        ],
    ),
    (
        "society",
        &[
            "A country growing older",
            "Housing out of reach",
            "The gap that keeps widening",
        ],
        &[
            "The birth rate fell to its lowest level since records began.",
            "Rents in the capital have risen far faster than incomes.",
            "One in five children lives below the poverty line.",
            "The census shows the population of the countryside shrinking fast.",
            "Women still earn a fifth less than men for the same work.",
            "Young families are leaving the city for the suburbs.",
        ],
    ),
    (
        "disaster, accident and emergency",
        &[
            "After the earthquake",
            "Floods again",
            "The rescue that came too late",
        ],
        &[
            "The earthquake destroyed hundreds of homes and left thousands without shelter.",
            "Rescue teams searched the rubble through the night for survivors.",
            "Floods swept through the valley after three days of torrential rain.",
            "The authorities evacuated the coast as the typhoon approached.",
            "The fire spread through the hillside villages within hours.",
            "Relief supplies have yet to reach the worst hit districts.",
        ],
    ),
    (
        "sport",
        &[
            "A final to remember",
            "The league's money problem",
            "Olympic hopes",
        ],
        &[
            "The national team won the final with a goal in the last minute.",
            "The league will cap spending on players' wages from next season.",
            "The athlete broke the record at the championship in the capital.",
            "Fans filled the stadium for the first match of the tournament.",
            "The coach was dismissed after a run of five defeats.",
            "The city will bid to host the Olympic games.",
        ],
    ),
];

/// Sentences about nothing in particular, as every article has.
const ANY: &[&str] = &[
    "The question has been debated for years.",
    "Much depends on what happens in the coming weeks.",
    "Not everyone agrees with this reading of events.",
    "It is too early to say whether the plan will work.",
    "Officials declined to comment on the details.",
    "The decision was announced late on Friday.",
    "Critics say the plan does not go far enough.",
    "There are lessons here for the rest of the region.",
    "The details will be published next month.",
    "Few expected things to move so quickly.",
];

/// A labelled article: its top-level topic and its text.
pub struct Labelled {
    pub topic: &'static str,
    pub article: ExtractedArticle,
}

/// `n` labelled articles, the same for the same seed.
pub fn labelled_set(n: usize, seed: u64) -> Vec<Labelled> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let (topic, headlines, sentences) = TOPICS[i % TOPICS.len()];
            let mut picked: Vec<&str> = (0..3).map(|_| sentences[rng.below(sentences.len())]).collect();
            // Two sentences on other topics: editorials wander.
            for _ in 0..2 {
                let other = TOPICS[(i % TOPICS.len() + 1 + rng.below(TOPICS.len() - 1)) % TOPICS.len()];
                picked.push(other.2[rng.below(other.2.len())]);
            }
            picked.extend((0..2).map(|_| ANY[rng.below(ANY.len())]));
            for j in (1..picked.len()).rev() {
                picked.swap(j, rng.below(j + 1));
            }
            let body = format!("{}\n\nArticle {i}.", picked.join(" "));
            Labelled {
                topic,
                article: ExtractedArticle {
                    // Half the headlines say nothing of the topic.
                    title: Some(if rng.chance(50) {
                        headlines[rng.below(headlines.len())].to_string()
                    } else {
                        ["Editorial", "Our view", "A word on this week", "Opinion"][rng.below(4)].to_string()
                    }),
                    body,
                    language: Some("en".into()),
                    ..ExtractedArticle::default()
                },
            }
        })
        .collect()
}

/// Top-1 and top-3 accuracy over these articles, at the top level.
fn accuracy(library: &Library, tested: &[(i64, &'static str)]) -> Result<(f64, f64)> {
    let (mut first, mut within_three) = (0usize, 0usize);
    for (id, topic) in tested {
        let mut tops: Vec<String> = Vec::new();
        for s in library.topic_suggestions(*id)? {
            let top = s.path.split(" › ").next().unwrap_or("").to_string();
            if !tops.contains(&top) {
                tops.push(top);
            }
        }
        first += usize::from(tops.first().is_some_and(|t| t == topic));
        within_three += usize::from(tops.iter().take(3).any(|t| t == topic));
    }
    let n = tested.len().max(1) as f64;
    Ok((first as f64 / n, within_three as f64 / n))
}

/// One line of the report: how many articles were filed, and the accuracy.
pub struct Measured {
    pub filed: usize,
    pub top1: f64,
    pub top3: f64,
}

/// Runs the measurement in a new library at `path`: the first 100
/// articles are the ones the user files, the rest are tested.
pub fn measure(path: &std::path::Path, articles: usize, seed: u64) -> Result<(usize, Vec<Measured>)> {
    let mut library = Library::open(path)?;
    let set = labelled_set(articles.max(200), seed);
    let batch: Vec<NewArticle> = set
        .iter()
        .enumerate()
        .map(|(i, l)| NewArticle {
            compressed_original: compress(l.article.body.as_bytes()),
            meta: l.article.clone(),
            file_name: Some(format!("labelled-{i:04}.txt")),
            format: "text".into(),
        })
        .collect();
    let ids: Vec<i64> = library
        .insert_batch(&batch)?
        .into_iter()
        .filter_map(|o| match o {
            Ok(crate::library::InsertOutcome::Imported { id }) => Some(id),
            _ => None,
        })
        .collect();
    let labelled: Vec<(i64, &'static str)> = ids.iter().copied().zip(set.iter().map(|l| l.topic)).collect();
    let (filing, tested) = labelled.split_at(100.min(labelled.len()));
    let mut report = Vec::new();
    let mut filed = 0;
    for target in [0, 10, 50, 100] {
        for (id, topic) in &filing[filed..target.min(filing.len())] {
            let topic_id = library.topic_id(topic)?;
            library.change_topics(*id, &[topic_id], &[])?;
        }
        filed = target.min(filing.len());
        let (top1, top3) = accuracy(&library, tested)?;
        report.push(Measured { filed, top1, top3 });
    }
    Ok((tested.len(), report))
}

/// One article of a set labelled by hand: its file, language and top-level
/// topic, and whether it was written after the lexicons were tuned (so
/// never looked at while tuning).
#[derive(Debug, Clone, PartialEq)]
pub struct HandLabelled {
    pub file: String,
    pub language: String,
    pub topic: String,
    pub unseen: bool,
}

/// Reads `manifest.tsv`: a line per article, `file<TAB>language<TAB>topic<TAB>half`
/// with half `tuning` or `unseen`; `#` starts a comment.
pub fn read_manifest(dir: &Path) -> anyhow::Result<Vec<HandLabelled>> {
    let path = dir.join("manifest.tsv");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("could not read {}", path.display()))?;
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [file, language, topic, half] = fields[..] else {
            bail!(
                "{} line {}: expected file, language, topic and half, tab-separated",
                path.display(),
                n + 1
            );
        };
        if half != "tuning" && half != "unseen" {
            bail!(
                "{} line {}: the half is `tuning` or `unseen`, not `{half}`",
                path.display(),
                n + 1
            );
        }
        cases.push(HandLabelled {
            file: file.to_string(),
            language: language.to_string(),
            topic: topic.to_string(),
            unseen: half == "unseen",
        });
    }
    Ok(cases)
}

/// How one labelled article fared: the top-level topics proposed, in order.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub case: HandLabelled,
    pub proposed: Vec<String>,
}

impl Outcome {
    pub fn first_right(&self) -> bool {
        self.proposed.first() == Some(&self.case.topic)
    }
    pub fn within_three(&self) -> bool {
        self.proposed.iter().take(3).any(|t| *t == self.case.topic)
    }
}

/// Top-1, top-3 and articles without a suggestion, over some outcomes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    pub articles: usize,
    pub first: usize,
    pub within_three: usize,
    pub without: usize,
}

impl Tally {
    pub fn of<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Tally {
        let mut tally = Tally {
            articles: 0,
            first: 0,
            within_three: 0,
            without: 0,
        };
        for o in outcomes {
            tally.articles += 1;
            tally.first += usize::from(o.first_right());
            tally.within_three += usize::from(o.within_three());
            tally.without += usize::from(o.proposed.is_empty());
        }
        tally
    }
    pub fn top1(&self) -> f64 {
        self.first as f64 / self.articles.max(1) as f64
    }
    pub fn top3(&self) -> f64 {
        self.within_three as f64 / self.articles.max(1) as f64
    }
}

/// Imports the labelled set in `dir` into a new library at `library_path`
/// as a user would (the clipping reader finds title, body and language),
/// and asks for each article's suggestions, nothing filed.
pub fn measure_labelled(dir: &Path, library_path: &Path) -> anyhow::Result<Vec<Outcome>> {
    let cases = read_manifest(dir)?;
    let mut library = Library::open(library_path)?;
    let paths: Vec<PathBuf> = cases.iter().map(|c| dir.join(&c.file)).collect();
    let ids = import_every_file(&mut library, &paths)?;
    let mut outcomes = Vec::new();
    for (case, path) in cases.into_iter().zip(paths) {
        let id = ids[&path];
        let mut proposed: Vec<String> = Vec::new();
        for s in library.topic_suggestions(id)? {
            let top = s.path.split(" › ").next().unwrap_or("").to_string();
            if !proposed.contains(&top) {
                proposed.push(top);
            }
        }
        outcomes.push(Outcome { case, proposed });
    }
    Ok(outcomes)
}
