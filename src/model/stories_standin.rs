//! STAND-IN (issue 23, compare branch): the plain types of story threads,
//! as agreed with the stories engineer, so the window's stories and
//! Compare build before their library code lands. The lead replaces this
//! file with the stories branch's types at merge.

/// Articles that report or comment on the same event, across papers.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryThread {
    pub id: i64,
    pub articles: Vec<StoryMember>,
}

/// One article of a thread, as the reader lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMember {
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub language: Option<String>,
    /// The user put it in the thread (by joining), rather than Folio.
    pub by_user: bool,
}

/// A thread as the Stories view lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StorySummary {
    pub id: i64,
    pub size: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    pub sources: Vec<String>,
    pub regions: Vec<String>,
    pub title: String,
}
