//! The library's own thread. The window sends requests and draws whatever
//! answers have arrived; it never waits on SQLite or the disk.

use super::list_model::FIRST_PAGE;

/// Results a search in the window lists, best first, each with a snippet.
const SEARCH_RESULTS: usize = 200;
use crate::annotate::shared_passages::{SharedPassage, shared_passages};
use crate::export::{AnnotationFormat, ExportFormat};
use crate::ingest::pipeline::{self, ImportReport, Progress};
use crate::library::maintenance::{self, BackupFile};
use crate::library::{Annotation, AnnotationQuery, Facets, Filter, Library, LibraryError, TopicSuggestion};
use crate::model::site_rules::{Lesson, SiteRule};
use crate::model::{Article, ArticleSummary, ExtractedArticle, FoundIn, Highlight, HighlightColor};
use crate::model::{StorySummary, StoryThread};
use anyhow::Context;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// What the window asks of the library.
#[derive(Debug)]
pub enum Request {
    /// The list for a filter (and search words, when there are any), and,
    /// with `counts`, the sidebar's counts (a search or a sort leaves them as
    /// they are, so typing does not recount the library).
    Refresh {
        filter: Filter,
        search: String,
        counts: bool,
        /// Comes back with the listing, so the window knows which it shows.
        generation: u64,
    },
    Open(i64),
    Import {
        paths: Vec<PathBuf>,
        cancel: Arc<AtomicBool>,
    },
    ChangeTags {
        id: i64,
        add: Vec<String>,
        remove: Vec<String>,
    },
    SetNote {
        id: i64,
        text: String,
    },
    ChangeTopics {
        id: i64,
        add: Vec<i64>,
        remove: Vec<i64>,
    },
    RenameTag {
        old: String,
        new: String,
    },
    /// The same details set on many articles.
    EditMany {
        ids: Vec<i64>,
        changes: crate::model::DetailChanges,
    },
    /// Articles' details put back as they were, and the topic filings
    /// taken back (the undo of `EditMany`).
    RestoreDetails {
        previous: Vec<(i64, Box<crate::model::ExtractedArticle>)>,
        filed: Vec<(i64, i64)>,
    },
    /// Give a tag a colour, or take it away.
    SetTagColor {
        name: String,
        color: Option<String>,
    },
    /// A topic of the user's own, at the top or below another.
    AddTopic {
        name: String,
        parent: Option<i64>,
    },
    /// Rename one of the user's topics (onto a same-named one: a merge).
    RenameTopic {
        id: i64,
        name: String,
    },
    /// Move one of the user's topics under another, or to the top.
    MoveTopic {
        id: i64,
        parent: Option<i64>,
    },
    /// The topics to propose for an article.
    Suggestions(i64),
    /// Not this topic for this article (`false`: take the "no" back).
    RejectSuggestion {
        article: i64,
        topic: i64,
        reject: bool,
    },
    /// Adds one tag to many articles, or takes it off them.
    TagMany {
        ids: Vec<i64>,
        tag: String,
        add: bool,
        /// Sent by Undo: not itself put on the undo stack.
        undoing: bool,
    },
    DeleteTag(String),
    /// Highlight characters `start..end` of an article's text.
    AddHighlight {
        article_id: i64,
        start: usize,
        end: usize,
        color: HighlightColor,
    },
    UpdateHighlight {
        id: i64,
        color: HighlightColor,
        comment: Option<String>,
    },
    DeleteHighlight(i64),
    /// Puts back a removed highlight (undo).
    RestoreHighlight(Box<Highlight>),
    /// The library-wide list of highlights and notes.
    Annotations {
        query: AnnotationQuery,
        generation: u64,
    },
    /// Writes highlights and notes to a file: one article's, or every
    /// annotated article's.
    ExportAnnotations {
        article: Option<i64>,
        format: AnnotationFormat,
        path: PathBuf,
    },
    /// Writes these articles in this format.
    ExportArticles {
        ids: Vec<i64>,
        format: ExportFormat,
        path: PathBuf,
    },
    Trash(Vec<i64>),
    Restore(Vec<i64>),
    /// Store a pasted clipping, as the new-clipping sheet has it.
    SaveClipping(Box<crate::model::FoundArticle>),
    Star {
        ids: Vec<i64>,
        starred: bool,
    },
    /// Deletes trashed articles for good.
    Purge(Vec<i64>),
    /// What corrections taught, for its table.
    SiteRules,
    /// Forget a rule learned from corrections.
    ForgetRule(i64),
    /// Learn these again (the undo of a removal).
    Learn(Vec<Lesson>),
    UpdateDetails {
        id: i64,
        details: Box<ExtractedArticle>,
        /// What the correction teaches for the article's site or paper.
        learn: Vec<Lesson>,
        /// What an undone correction had taught, to take back.
        unlearn: Vec<Lesson>,
    },
    EmptyTrash,
    SaveSearch {
        name: String,
        query: String,
        place: crate::library::Place,
    },
    DeleteSavedSearch(i64),
    /// The articles most like this one, as the list.
    Similar {
        id: i64,
        generation: u64,
    },
    /// A backup if the newest is more than a day old.
    BackupIfDue,
    BackupNow,
    ListBackups,
    RestoreBackup(PathBuf),
    /// The text of these rows of the list.
    Rows(Vec<i64>),
    /// Answered once every earlier request is done.
    Flush(Sender<()>),
    /// A file the watched folder handed over (see `state::watch`).
    ImportLanded {
        path: PathBuf,
        at_start: bool,
    },
    /// The watched folder as it now stands (`None`: none).
    RememberWatch(Option<crate::library::WatchedFolder>),
    /// The story thread of the open article.
    StoryOf(i64),
    /// The threads with an article the filter selects, for the Stories view.
    StoryThreads {
        filter: Filter,
        limit: usize,
    },
    /// One thread's articles, as the list.
    StoryListing {
        thread: i64,
        generation: u64,
    },
    /// "Not the same story": the article leaves its thread.
    SplitStory(i64),
    /// The user says `article` tells the same story as `onto`.
    JoinStories {
        article: i64,
        onto: i64,
        /// Sent by Undo: not itself put on the undo stack.
        undoing: bool,
    },
    /// The undo of a join: the article leaves the thread it was joined to,
    /// back to the thread of `with` when it was in one.
    RestoreStory {
        article: i64,
        with: Option<i64>,
    },
    /// Two articles side by side, with the passages they share.
    Compare {
        left: i64,
        right: i64,
    },
    /// The counts behind the map or the trends chart, for what the list
    /// shows (its search already among the filter's conditions).
    Overview {
        filter: Filter,
        what: Overview,
        generation: u64,
    },
}

/// Which counts a picture of the list needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overview {
    Countries,
    Trends(crate::library::TrendSplit),
}

/// What the library answers.
#[derive(Debug)]
pub enum Response {
    /// What corrections taught, for its table.
    SiteRules(Vec<SiteRule>),
    /// What became of a pasted clipping; for a duplicate, the title of
    /// the article already holding its text.
    ClippingSaved {
        outcome: pipeline::Outcome,
        title: Option<String>,
    },
    /// Every id of the list in order, the first rows' text, the sidebar's
    /// counts when asked for.
    Listing {
        ids: Vec<i64>,
        rows: Vec<ArticleSummary>,
        /// For a search: each hit's snippet and where it was found.
        snippets: Vec<(i64, String, FoundIn)>,
        facets: Option<Box<Facets>>,
        generation: u64,
    },
    /// The sidebar's counts under a search, which come after its listing
    /// (of the same generation) so the results show at once.
    Counts {
        facets: Box<Facets>,
        generation: u64,
    },
    /// More rows of the current list, as it scrolls.
    Rows(Vec<ArticleSummary>),
    Opened(Box<Article>),
    /// The article could not be read (deleted meanwhile, say).
    NotOpened(i64),
    ImportProgress(Progress),
    Imported(ImportReport),
    /// An edit went through; the window refreshes what it shows.
    Changed,
    /// Many articles' details changed: what they were, and the (article,
    /// topic) filings made, for undo.
    EditedMany {
        previous: Vec<(i64, Box<crate::model::ExtractedArticle>)>,
        filed: Vec<(i64, i64)>,
    },
    /// Topics proposed for this article.
    Suggestions {
        article: i64,
        list: Vec<TopicSuggestion>,
    },
    /// A tag went on (or came off) these articles.
    TaggedMany {
        tag: String,
        add: bool,
        changed: Vec<i64>,
        undoing: bool,
    },
    /// An edit that touched only this article's annotations.
    AnnotationsChanged(i64),
    HighlightAdded(Box<Highlight>),
    Annotations {
        list: Vec<Annotation>,
        generation: u64,
    },
    /// Something (annotations, 12 articles) written to this file.
    Exported {
        path: PathBuf,
        what: String,
    },
    /// A backup was written (or, for an automatic one, was not due).
    BackedUp(Option<PathBuf>),
    Backups(Vec<BackupFile>),
    /// The library now holds a backup's content; `safety` keeps what it held.
    Restored {
        from: PathBuf,
        safety: PathBuf,
    },
    Failed(String),
    /// SQLite found the library damaged; nothing more is written to it.
    Damaged(String),
    /// What became of a file the watched folder handed over (nothing
    /// when it had been taken before).
    Landed(Vec<pipeline::FileReport>),
    /// Articles per country, for the map.
    CountryCounts {
        counts: Vec<crate::library::FacetCount>,
        generation: u64,
    },
    /// Articles per month in bands, for the trends chart.
    Trends {
        trends: crate::library::Trends,
        generation: u64,
    },
    /// The thread of this article (none: it is in no thread).
    Story {
        article: i64,
        thread: Option<StoryThread>,
    },
    StoryThreads(Vec<StorySummary>),
    /// `article` joined `onto`'s thread; it was in the thread of
    /// `was_with` before (none: in no thread), for undo.
    StoriesJoined {
        article: i64,
        was_with: Option<i64>,
        undoing: bool,
    },
    /// The background grouping of articles into story threads has caught
    /// up: the threads shown may have changed.
    StoriesGrouped,
    /// Two articles to compare, and the passages they share.
    Compared {
        left: Box<Article>,
        right: Box<Article>,
        passages: Vec<SharedPassage>,
    },
}

pub struct Worker {
    /// `None` only while dropping, to let the thread see the end of requests.
    requests: Option<Sender<Request>>,
    responses: Receiver<Response>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Worker {
    /// Waits for the library thread to finish what it was doing and close the
    /// library, so its lock is free when the window is gone.
    fn drop(&mut self) {
        self.requests = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Worker {
    /// Starts the thread over an open library. `wake` is called after every
    /// answer so the window repaints.
    pub fn start(mut library: Library, wake: impl Fn() + Send + 'static) -> Worker {
        let (requests, inbox) = channel::<Request>();
        let (outbox, responses) = channel::<Response>();
        let thread = std::thread::Builder::new()
            .name("folio-library".into())
            .spawn(move || {
                // Counts under a search, done once nothing else waits.
                let mut later: Option<Counting> = None;
                // Articles to group into story threads, a few at a time
                // once nothing else waits (some may wait from before).
                let mut stories_due = true;
                loop {
                    let first = match later.take() {
                        Some(counting) => match inbox.try_recv() {
                            Ok(request) => {
                                later = Some(counting);
                                request
                            }
                            Err(TryRecvError::Empty) => {
                                let answer = counting.run(&library);
                                if outbox.send(answer).is_err() {
                                    return;
                                }
                                wake();
                                continue;
                            }
                            Err(TryRecvError::Disconnected) => return,
                        },
                        None if stories_due => match inbox.try_recv() {
                            Ok(request) => request,
                            Err(TryRecvError::Empty) => {
                                stories_due = group_stories(&mut library);
                                // The threads are as they will stay: the
                                // window asks again for those it shows.
                                if !stories_due {
                                    if outbox.send(Response::StoriesGrouped).is_err() {
                                        return;
                                    }
                                    wake();
                                }
                                continue;
                            }
                            Err(TryRecvError::Disconnected) => return,
                        },
                        None => match inbox.recv() {
                            Ok(request) => request,
                            Err(_) => return,
                        },
                    };
                    let mut burst = vec![first];
                    burst.extend(inbox.try_iter());
                    // A newer listing with counts brings counts of its own.
                    if burst
                        .iter()
                        .any(|r| matches!(r, Request::Refresh { counts: true, .. }))
                    {
                        later = None;
                    }
                    // Typing a search sends a refresh per key: only the last
                    // refresh of a burst is worth running, and it sees every
                    // edit that came before it.
                    let last_refresh = burst.iter().rposition(|r| matches!(r, Request::Refresh { .. }));
                    let any_counts = burst
                        .iter()
                        .any(|r| matches!(r, Request::Refresh { counts: true, .. }));
                    if let Some(Request::Refresh { counts, .. }) = last_refresh.map(|i| &mut burst[i]) {
                        *counts |= any_counts;
                    }
                    // So too for the pictures' counts, asked after each listing.
                    let last_overview = burst.iter().rposition(|r| matches!(r, Request::Overview { .. }));
                    for (i, request) in burst.into_iter().enumerate() {
                        if matches!(request, Request::Refresh { .. }) && Some(i) != last_refresh {
                            continue;
                        }
                        if matches!(request, Request::Overview { .. }) && Some(i) != last_overview {
                            continue;
                        }
                        stories_due |= brings_articles(&request);
                        let answer = handle(&mut library, request, &outbox, &wake, &mut later);
                        if outbox.send(answer).is_err() {
                            return;
                        }
                        wake();
                    }
                }
            })
            .expect("the OS can start a thread");
        Worker {
            requests: Some(requests),
            responses,
            thread: Some(thread),
        }
    }

    pub fn send(&self, request: Request) {
        // The thread lives as long as the window; a send can only fail at exit.
        if let Some(requests) = &self.requests {
            let _ = requests.send(request);
        }
    }

    /// Waits (at most two seconds) until the requests sent so far are done:
    /// for the last note at exit.
    pub fn flush(&self) {
        let (done, wait) = channel();
        self.send(Request::Flush(done));
        let _ = wait.recv_timeout(std::time::Duration::from_secs(2));
    }

    pub fn try_recv(&self) -> Option<Response> {
        self.responses.try_recv().ok()
    }
}

/// Carries out one request. Every failure becomes one message, here.
fn handle(
    library: &mut Library,
    request: Request,
    outbox: &Sender<Response>,
    wake: &impl Fn(),
    later: &mut Option<Counting>,
) -> Response {
    answer(library, request, outbox, wake, later).unwrap_or_else(|e| {
        let damage = e
            .chain()
            .filter_map(|cause| cause.downcast_ref::<LibraryError>())
            .find_map(|error| match error {
                LibraryError::Damaged { reason } => Some(reason.clone()),
                _ => None,
            });
        match damage {
            Some(reason) => {
                // Met by a read as much as by a write: either way, stop writing.
                library.refuse_writes(reason);
                Response::Damaged(message(&e))
            }
            None => Response::Failed(message(&e)),
        }
    })
}

/// The sidebar's counts over what a search finds: slower than the search's
/// first page, so counted after it, and not at all when the user has typed
/// on meanwhile.
pub struct Counting {
    filter: Filter,
    generation: u64,
}

impl Counting {
    fn run(self, library: &Library) -> Response {
        match library.facets_for(&self.filter) {
            Ok(facets) => Response::Counts {
                facets: Box::new(facets),
                generation: self.generation,
            },
            Err(e) => Response::Failed(e.to_string()),
        }
    }
}

/// What went wrong, in words: each cause once (a library error already
/// quotes the SQLite error it wraps).
fn message(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !message.contains(&text) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&text);
        }
    }
    message
}

/// The answer to one request, from the library's own methods (each change
/// one transaction there).
fn answer(
    library: &mut Library,
    request: Request,
    outbox: &Sender<Response>,
    wake: &impl Fn(),
    later: &mut Option<Counting>,
) -> anyhow::Result<Response> {
    Ok(match request {
        Request::Refresh {
            filter,
            search,
            counts,
            generation,
        } => listing(library, &filter, &search, counts, generation, later)?,
        Request::Open(id) => match library.get_article(id) {
            Ok(article) => Response::Opened(Box::new(article)),
            Err(_) => Response::NotOpened(id),
        },
        Request::Import { paths, cancel } => {
            let report = pipeline::import_paths(library, &paths, &cancel, |progress, _| {
                let _ = outbox.send(Response::ImportProgress(progress));
                wake();
            })?;
            Response::Imported(report)
        }
        Request::ChangeTags { id, add, remove } => {
            library.change_tags(id, &add, &remove)?;
            Response::Changed
        }
        Request::SetNote { id, text } => {
            library.set_note(id, &text)?;
            Response::Changed
        }
        // The whole library, trash and all: what the menu item says.
        Request::ExportArticles { format, path, .. } if format == ExportFormat::Json => {
            let n = crate::export::write_export(library, format, &Filter::default(), true, &path)?;
            Response::Exported {
                path,
                what: format!("The library ({})", crate::gui::widgets::articles(n)),
            }
        }
        Request::ExportArticles { ids, format, path } => {
            let articles = ids
                .iter()
                .map(|&id| library.export_article(id))
                .collect::<Result<Vec<_>, _>>()?;
            let n = crate::export::write_articles(&articles, format, &path)?;
            Response::Exported {
                path,
                what: crate::gui::widgets::articles(n),
            }
        }
        Request::RenameTag { old, new } => {
            library.rename_tag(&old, &new)?;
            Response::Changed
        }
        Request::TagMany {
            ids,
            tag,
            add,
            undoing,
        } => Response::TaggedMany {
            changed: library.tag_many(&ids, &tag, add)?,
            tag,
            add,
            undoing,
        },
        Request::EditMany { ids, changes } => {
            let edited = library.edit_many(&ids, &changes)?;
            Response::EditedMany {
                previous: edited.previous,
                filed: edited.filed,
            }
        }
        Request::RestoreDetails { previous, filed } => {
            library.undo_edit_many(&crate::library::EditedMany { previous, filed })?;
            Response::Changed
        }
        Request::SetTagColor { name, color } => {
            library.set_tag_color(&name, color.as_deref())?;
            Response::Changed
        }
        Request::AddTopic { name, parent } => {
            library.add_topic(&name, parent)?;
            Response::Changed
        }
        Request::RenameTopic { id, name } => {
            library.rename_topic(id, &name)?;
            Response::Changed
        }
        Request::MoveTopic { id, parent } => {
            library.move_topic(id, parent)?;
            Response::Changed
        }
        Request::Suggestions(article) => Response::Suggestions {
            article,
            list: library.topic_suggestions(article)?,
        },
        Request::RejectSuggestion {
            article,
            topic,
            reject,
        } => {
            if reject {
                library.reject_suggestion(article, topic)?;
            } else {
                library.unreject_suggestion(article, topic)?;
            }
            Response::Suggestions {
                article,
                list: library.topic_suggestions(article)?,
            }
        }
        Request::DeleteTag(name) => {
            library.delete_tag(&name)?;
            Response::Changed
        }
        Request::ChangeTopics { id, add, remove } => {
            library.change_topics(id, &add, &remove)?;
            Response::Changed
        }
        Request::AddHighlight {
            article_id,
            start,
            end,
            color,
        } => Response::HighlightAdded(Box::new(
            library.add_highlight(article_id, start, end, color, None)?,
        )),
        Request::UpdateHighlight { id, color, comment } => Response::AnnotationsChanged(
            library
                .update_highlight(id, color, comment.as_deref())?
                .article_id,
        ),
        Request::DeleteHighlight(id) => {
            Response::AnnotationsChanged(library.delete_highlight(id)?.article_id)
        }
        Request::RestoreHighlight(h) => {
            library.restore_highlight(&h)?;
            Response::AnnotationsChanged(h.article_id)
        }
        Request::Annotations { query, generation } => Response::Annotations {
            list: library.annotations(&query)?,
            generation,
        },
        Request::ExportAnnotations {
            article,
            format,
            path,
        } => {
            crate::export::write_annotations(library, article, format, &path)?;
            Response::Exported {
                path,
                what: "Annotations".into(),
            }
        }
        Request::Trash(ids) => {
            library.trash_many(&ids)?;
            Response::Changed
        }
        Request::Restore(ids) => {
            library.restore_many(&ids)?;
            Response::Changed
        }
        Request::SaveClipping(found) => {
            let line = pipeline::import_found(library, *found, crate::gui::clipboard::PASTED)?;
            let title = match &line.outcome {
                pipeline::Outcome::Duplicate { id } => {
                    library.get_article(*id).ok().and_then(|a| a.meta.title)
                }
                _ => None,
            };
            Response::ClippingSaved {
                outcome: line.outcome,
                title,
            }
        }
        Request::Star { ids, starred } => {
            library.star_many(&ids, starred)?;
            Response::Changed
        }
        Request::Purge(ids) => {
            library.purge_many(&ids)?;
            Response::Changed
        }
        Request::SaveSearch { name, query, place } => {
            library.save_search(&name, &query, place)?;
            Response::Changed
        }
        Request::DeleteSavedSearch(id) => {
            library.delete_saved_search(id)?;
            Response::Changed
        }
        Request::Similar { id, generation } => {
            let rows: Vec<ArticleSummary> = library
                .more_like_this(id, 50)?
                .into_iter()
                .map(|h| h.summary)
                .collect();
            Response::Listing {
                ids: rows.iter().map(|r| r.id).collect(),
                rows,
                snippets: Vec::new(),
                facets: None,
                generation,
            }
        }
        Request::Rows(ids) => Response::Rows(library.summaries(&ids)?),
        Request::EmptyTrash => {
            library.empty_trash()?;
            Response::Changed
        }
        // The daily backup is quiet: only a failure is worth a word.
        Request::BackupIfDue => {
            library.backup_if_due().context("The automatic backup failed")?;
            Response::BackedUp(None)
        }
        Request::BackupNow => {
            Response::BackedUp(Some(library.backup_rotating().context("The backup failed")?))
        }
        Request::ListBackups => Response::Backups(maintenance::list_backups(&maintenance::backup_folder(
            library.path(),
        ))),
        Request::RestoreBackup(from) => {
            let safety = library
                .restore_from(&from)
                .context("The restore failed, and the library is as it was")?;
            Response::Restored { from, safety }
        }
        Request::Flush(done) => {
            let _ = done.send(());
            Response::Changed
        }
        Request::ImportLanded { path, at_start } => {
            Response::Landed(crate::ingest::landed::import_landed(library, &path, at_start)?)
        }
        Request::RememberWatch(folder) => {
            library.set_watched_folder(folder.as_ref())?;
            Response::Changed
        }
        Request::Overview {
            filter,
            what,
            generation,
        } => match what {
            Overview::Countries => Response::CountryCounts {
                counts: library.country_counts_for(&filter)?,
                generation,
            },
            Overview::Trends(split) => Response::Trends {
                trends: library.trends_for(&filter, split)?,
                generation,
            },
        },
        Request::SiteRules => Response::SiteRules(library.site_rules()?),
        Request::ForgetRule(id) => {
            library.forget_rule(id)?;
            Response::Changed
        }
        Request::Learn(lessons) => {
            library.learn(&lessons)?;
            Response::Changed
        }
        Request::UpdateDetails {
            id,
            details,
            learn,
            unlearn,
        } => {
            let before = library.get_article(id)?;
            library.update_details(id, &details)?;
            library.unlearn(&unlearn)?;
            library.learn(&learn)?;
            // A corrected text (or its undo) carries the highlights along.
            if before.meta.body != details.body {
                library.set_body(id, &details.body)?;
            }
            Response::Changed
        }
        request => stories(library, request)?,
    })
}

/// The requests of story threads and Compare.
fn stories(library: &mut Library, request: Request) -> anyhow::Result<Response> {
    Ok(match request {
        Request::StoryOf(article) => Response::Story {
            article,
            thread: library.story_of(article)?,
        },
        Request::StoryThreads { filter, limit } => {
            Response::StoryThreads(library.story_threads(&filter, limit)?)
        }
        Request::StoryListing { thread, generation } => {
            let ids: Vec<i64> = library
                .story_thread(thread)?
                .map(|t| t.articles.iter().map(|m| m.id).collect())
                .unwrap_or_default();
            Response::Listing {
                rows: library.summaries(&ids)?,
                ids,
                snippets: Vec::new(),
                facets: None,
                generation,
            }
        }
        Request::SplitStory(article) => {
            library.split_from_story(article)?;
            Response::Changed
        }
        Request::JoinStories {
            article,
            onto,
            undoing,
        } => {
            // Where it was, for the undo: the thread it leaves, by one of
            // the articles staying there.
            let was_with = library
                .story_of(article)?
                .and_then(|t| t.articles.into_iter().map(|m| m.id).find(|&m| m != article));
            library.join_stories(article, onto)?;
            Response::StoriesJoined {
                article,
                was_with,
                undoing,
            }
        }
        Request::RestoreStory { article, with } => {
            library.split_from_story(article)?;
            if let Some(with) = with {
                library.join_stories(article, with)?;
            }
            Response::Changed
        }
        Request::Compare { left, right } => {
            let (left, right) = (library.get_article(left)?, library.get_article(right)?);
            let passages = shared_passages(&left.meta.body, &right.meta.body);
            Response::Compared {
                left: Box::new(left),
                right: Box::new(right),
                passages,
            }
        }
        other => anyhow::bail!("the library thread has no answer for {other:?}"),
    })
}

/// The list for a filter and search words: every id, the first page of
/// rows (with snippets when searching), and the sidebar's counts if asked.
fn listing(
    library: &Library,
    filter: &Filter,
    search: &str,
    counts: bool,
    generation: u64,
    later: &mut Option<Counting>,
) -> anyhow::Result<Response> {
    let (ids, rows, snippets) = if search.trim().is_empty() {
        let ids = library.list_ids(filter)?;
        let rows = library.summaries(&ids[..ids.len().min(FIRST_PAGE)])?;
        (ids, rows, Vec::new())
    } else {
        let limited = Filter {
            limit: Some(SEARCH_RESULTS),
            ..filter.clone()
        };
        let hits = library.search_as_typed(search, &limited)?;
        let snippets = hits
            .iter()
            .map(|h| (h.summary.id, h.snippet.clone(), h.found_in))
            .collect();
        let rows: Vec<ArticleSummary> = hits.into_iter().map(|h| h.summary).collect();
        (rows.iter().map(|r| r.id).collect(), rows, snippets)
    };
    // The sidebar counts what the search finds, not only what the choice
    // leaves: after the results, once nothing else waits.
    let searching = !search.trim().is_empty();
    let facets = if counts && !searching {
        Some(Box::new(library.facets_for(filter)?))
    } else {
        None
    };
    if counts && searching {
        let mut searched = filter.clone();
        searched
            .conditions
            .extend(crate::library::search_conditions(search));
        *later = Some(Counting {
            filter: searched,
            generation,
        });
    }
    Ok(Response::Listing {
        generation,
        ids,
        rows,
        snippets,
        facets,
    })
}

/// Articles grouped into story threads in one step between requests. At
/// 100,000 articles a step of 4 articles of scattered dates takes about
/// 0.1 s (20 took 0.6 s), so a click waits at most that long behind it,
/// and an import never waits for it.
const STORY_BATCH: usize = 4;

/// Groups a few waiting articles into story threads; whether more wait.
/// A failure stops the grouping until the next import (the error shows
/// where the user acts, not here).
fn group_stories(library: &mut Library) -> bool {
    matches!(library.update_stories(STORY_BATCH), Ok(waiting) if waiting > 0)
}

/// Whether a request may bring articles to group into story threads (new
/// ones, or ones whose text, date or language changed, or back from the trash).
fn brings_articles(request: &Request) -> bool {
    matches!(
        request,
        Request::Import { .. }
            | Request::ImportLanded { .. }
            | Request::SaveClipping(_)
            | Request::UpdateDetails { .. }
            | Request::RestoreDetails { .. }
            | Request::EditMany { .. }
            | Request::Restore(_)
            | Request::RestoreBackup(_)
    )
}
