//! Story threads: articles from several papers (in any language) that
//! report or comment on the same event, as the library groups them.

/// One thread, its articles oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryThread {
    pub id: i64,
    pub articles: Vec<StoryMember>,
}

/// An article of a thread, with what a list of the thread shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMember {
    pub id: i64,
    /// "(untitled)" when the article has no title.
    pub title: String,
    pub source: Option<String>,
    /// YYYY-MM-DD.
    pub published: Option<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// Put in this thread by the user (joined by hand), not by the grouping.
    pub by_user: bool,
}

/// A thread as the list of threads shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct StorySummary {
    pub id: i64,
    /// Its articles (in the trash they are not counted).
    pub size: usize,
    /// The first and last publication dates, YYYY-MM-DD.
    pub first: Option<String>,
    pub last: Option<String>,
    /// The papers, each once, by name.
    pub sources: Vec<String>,
    /// The articles' regions, each once, by name.
    pub regions: Vec<String>,
    /// The title of its first article, to name the thread by.
    pub title: String,
}
