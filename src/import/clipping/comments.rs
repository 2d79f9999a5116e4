//! Readers' comments under an article: where their thread begins, so that
//! the body stops there however much the readers wrote. The list of
//! related news that Japanese, Chinese and Korean papers set under the
//! article ends it the same way, and so does a feed of the latest news,
//! its items stamped with how long ago they appeared.
//!
//! A head that names the thread ("12 thoughts on “…”", "Leave a Reply") is
//! a wall wherever it stands. A bare heading ("Comments", "23 Comments",
//! "2 comments:") is as often a link under the headline, so it is a wall
//! only where a reader would see a thread begin: a heading of its own (not
//! a tab among "Article | Comments") after the article's prose, with the
//! readers' signatures (a name and a date) or their "Reply" links right
//! under it.

use super::features::LineFeatures;
use super::vocabulary::{
    COMMENT_COUNT_SENTENCE, COMMENT_FORM_FIELD, COMMENT_HEADING, COMMENT_SIGNATURE, COMMENT_THREAD,
    RELATED_NEWS_HEADS, RELATIVE_TIME, REPLY_LINK,
};
use crate::import::lines::is_prose;

/// The weight of a comment thread's head: a wall the body never crosses.
pub(super) const WALL: i64 = -1_000_000;

/// How much prose must stand above a bare "Comments" heading for it to end
/// an article: a sentence or two. (A head taken for a thread too early
/// costs little: [`body_run`] passes over a run too short to be an article.)
const PROSE_ABOVE_A_THREAD: i64 = 100;
/// How far under a bare heading the first reader's signature or "Reply"
/// link is looked for: under a comment of a few paragraphs.
const SIGNATURE_REACH: usize = 10;

/// Makes walls of the units that head a thread of readers' comments, given
/// the units' weights as parts of a body.
pub(super) fn wall_off_comments(lines: &LineFeatures, weights: &mut [i64]) {
    let units = &lines.units;
    let mut prose_above = 0i64;
    for i in 0..units.len() {
        let text = units[i].text.trim();
        if COMMENT_THREAD.is_match(text)
            || COMMENT_COUNT_SENTENCE.is_match(text)
            || COMMENT_FORM_FIELD.is_match(text)
            || prose_above >= PROSE_ABOVE_A_THREAD
                && !units[i].bullet
                && (COMMENT_HEADING.is_match(text) && signed_posts_follow(lines, i)
                    || heads_related_news(text))
            || prose_above >= PROSE_ABOVE_A_FEED && opens_news_feed(lines, i)
        {
            weights[i] = WALL;
        }
        if weights[i] > 0 && is_prose(text) {
            prose_above += weights[i];
        }
    }
}

/// How much prose must stand above a feed of the latest news for it to end
/// the article: a few paragraphs, so that the article's own "Updated 2
/// hours ago" under its headline ends nothing.
const PROSE_ABOVE_A_FEED: i64 = 400;
/// How far apart two stamps of one feed stand: a headline, its picture's
/// label and a summary between them.
const FEED_ITEM_REACH: usize = 10;

/// Whether unit `i` opens a feed of the latest news under the article: a
/// stamp of how long ago its item appeared ("před 1 minutou", "3 minutes
/// ago") over a headline, not over a paragraph (a live report's posts open
/// on their text), and another such stamp soon under it.
fn opens_news_feed(lines: &LineFeatures, i: usize) -> bool {
    let units = &lines.units;
    let stamped = |j: usize| RELATIVE_TIME.is_match(units[j].text.trim());
    stamped(i)
        && units.get(i + 1).is_some_and(|next| !is_prose(&next.text))
        && (i + 2..(i + 1 + FEED_ITEM_REACH).min(units.len())).any(stamped)
}

/// The head of a Japanese, Chinese or Korean paper's list of related news
/// ("関連ニュース", "【相关新闻】"), which stands under the article: its
/// items, a headline and a sentence each, would read as more paragraphs.
fn heads_related_news(text: &str) -> bool {
    let head = text.trim_matches(|c: char| "【】[]<>〈〉:：■▼ ".contains(c));
    RELATED_NEWS_HEADS.contains(&head)
}

/// Whether readers' posts follow unit `i`: a signature (a short line with a
/// date, "Posted by: Ann at September 10, 2012", or "Ann said...") or a
/// "Reply" link within a few units.
fn signed_posts_follow(lines: &LineFeatures, i: usize) -> bool {
    let end = (i + 1 + SIGNATURE_REACH).min(lines.units.len());
    // A list of links right under the heading is a menu ("Comments", then
    // "Weigh in", "Corrections?"): the heading was one of its links. (A
    // thread's list holds the readers' pictures, "[0cb2c76c]".)
    (i + 1..end)
        .take_while(|&j| !lines.units[j].bullet || lines.units[j].text.starts_with('['))
        .any(|j| {
            let text = lines.units[j].text.trim();
            lines.date_lines[j].is_some() || REPLY_LINK.is_match(text) || COMMENT_SIGNATURE.is_match(text)
        })
}

/// The body: the maximum-sum run of units. Readers' comments, past the
/// head of their thread (a wall), are taken only when nothing before them
/// is an article: a long thread must not win over the article it is under.
pub(super) fn body_run(weights: &[i64]) -> Option<(usize, usize)> {
    let mut runs = Vec::new();
    let mut segment_start = 0;
    for (i, w) in weights.iter().enumerate() {
        if *w == WALL || i + 1 == weights.len() {
            let end = if *w == WALL { i } else { i + 1 };
            if let Some((sum, s, e)) = densest_run(&weights[segment_start..end]) {
                runs.push((sum, segment_start + s, segment_start + e));
            }
            segment_start = i + 1;
        }
    }
    let best = runs.iter().map(|r| r.0).max()?;
    runs.into_iter()
        .find(|r| r.0 * 4 >= best || r.0 >= AN_ARTICLE)
        .map(|(_, s, e)| (s, e))
}

/// The sum of a run that is an article of its own, however long the
/// comments under it: a paragraph. (A head of the thread that
/// stands over the article, as a link, has only the headline and the menus
/// before it.)
const AN_ARTICLE: i64 = 150;

/// The maximum-sum run of units, with its sum.
fn densest_run(weights: &[i64]) -> Option<(i64, usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let mut sum = 0i64;
    let mut start = 0usize;
    for (i, w) in weights.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += w;
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use crate::import::clipping::{PROSE, extract_clipping, read_clipping};

    /// A blog's post, then a bare "Comments" heading (or a count of the
    /// responses to the post's unquoted title) and readers' posts,
    /// each signed under it with a name and a date; the thread is longer
    /// than the post.
    #[test]
    fn a_bare_comments_heading_under_the_post_ends_it() {
        let comment = "I have lived by the harbour for forty years and the wall has been crumbling \
                       since the storm of 1987, and every council since has promised to mend it.";
        for heading in [
            "Comments",
            "13 Responses to Council agrees to rebuild the harbour wall",
        ] {
            let mut page = format!(
                "Harbour Notes\n\nCouncil agrees to rebuild the harbour wall\n\n{PROSE}\n\n{heading}\n\n"
            );
            for (n, name) in ["Ann", "Tom", "Eve", "Joe", "Kim", "Lou", "Max", "Ned"]
                .iter()
                .enumerate()
            {
                page.push_str(&format!(
                    "{comment} {comment}\n\nPosted by: {name} at September 1{n}, 2012 11:40 AM\n\n"
                ));
            }
            let article = extract_clipping(&page);
            assert!(
                article.body.ends_with("two years to finish."),
                "{heading}: {}",
                article.body
            );
            assert!(
                !article.body.contains("forty years"),
                "{heading}: {}",
                article.body
            );
        }
    }

    /// "23 Comments" under the article, a reader's name, the date and the
    /// comment, with a "Reply" link under each.
    #[test]
    fn a_count_of_comments_over_signed_posts_ends_the_article() {
        let comment = "Do you think anyone will come to carry the sandbags who only read about it on \
                       the council's page? I doubt it, and I say so as one who has carried them.";
        let mut page =
            format!("Council agrees to rebuild the harbour wall\n\nBy Ann Lee\n\n{PROSE}\n\n23 Comments\n\n");
        for day in 1..=9 {
            page.push_str(&format!(
                "Tom Hardy\n\nNovember {day}, 2012 · 8:23 PM\n\n{comment} {comment}\n\nReply to this\n\n"
            ));
        }
        let article = extract_clipping(&page);
        assert!(article.body.starts_with("The council voted"), "{}", article.body);
        assert!(article.body.ends_with("two years to finish."), "{}", article.body);
    }

    /// A short post, the comment form as a page copied as text draws it,
    /// and one reader's comment longer than the post.
    #[test]
    fn a_comment_form_ends_a_short_post_however_long_the_comment_under_it() {
        let post = "Tomatoes, ginger and cumin turn chicken legs into a Moroccan stew while you are at work.                     Click here for the recipe.";
        let comment = "After all that time browning the chicken I would also take ten more minutes to                        deglaze the pan with stock or cider, and I would double the ginger, because the                        slow cooker dulls it more than you would think, and add lemon at the very end.";
        let page = format!(
            "Today's recipe: slow-cooker chicken\n\nOctober 31, 2012\n\n{post}\n\n1 Comment\n\n\
             Name[          ]\n\nEmail[          ]\n\nComment[          ]\n\n[Post It]\n\n\
             ann2012\n\nView 20 hours ago\n\n{comment}\n"
        );
        let article = extract_clipping(&page);
        assert!(article.body.starts_with("Tomatoes, ginger"), "{}", article.body);
        assert!(!article.body.contains("deglaze"), "{}", article.body);
    }

    /// A count of the comments under the headline, over the article, is a
    /// link: the article under it is the body.
    #[test]
    fn a_count_of_comments_under_the_headline_ends_nothing() {
        let page =
            format!("Council agrees to rebuild the harbour wall\n\n2 Comments\n\nMarch 3, 2024\n\n{PROSE}");
        let article = extract_clipping(&page);
        assert!(article.body.starts_with("The council voted"), "{}", article.body);
        assert!(article.body.ends_with("two years to finish."), "{}", article.body);
    }
    /// A feed of the latest news under the article: each item's stamp says
    /// how long ago it appeared, and one item runs to several paragraphs.
    #[test]
    fn a_feed_of_the_latest_news_under_the_article_ends_it() {
        let (first, rest) = PROSE.split_once("\n\n").unwrap();
        let article = format!(
            "Council agrees to rebuild the harbour wall\n\nUpdated 2 hours ago\n\n{first}\n\n{rest}\n\n\
             The mayor said the first stones would be laid in April, once the storms of the winter had passed.\n\n"
        );
        let feed = "Latest news\n\n5 minutes ago\n\nPhoto\n\nFerry crews walk out again on the islands\n\n\
            12 minutes ago\n\nTown hall to open on Sundays\n\n\
            The town hall will open on Sundays from next month, the council said, so that residents who work \
            during the week can register births, marriages and deaths without taking a day off.\n\n\
            The change will cost the town about forty thousand pounds a year, paid from the budget for \
            libraries, which opposition councillors called a false economy.\n\n\
            Staff will work the extra day in turns, and none will be asked to work more than two Sundays a \
            month, the union said after talks with the council on Tuesday evening.\n\n";
        let body = read_clipping(&format!("{article}{feed}")).body;
        assert!(body.ends_with("the storms of the winter had passed."), "{body}");
        // A live report's posts open on their text: they are the article.
        let live = "5 minutes ago\n\nThe first ferry has left the harbour with two hundred passengers on board, \
            the operator said, and a second will follow within the hour if the weather holds.\n\n\
            12 minutes ago\n\nUnion leaders say the crews will return to work tonight after the deal was signed.\n\n";
        let body = read_clipping(&format!("{article}{live}")).body;
        assert!(body.ends_with("after the deal was signed."), "{body}");
    }
}
