//! Body choice: every unit weighs for or against the body (prose pulls it
//! over itself; furniture, menus and other stories' cards push it away),
//! and the body is the run of units with the greatest sum, so no layout
//! has to be known. The head of the readers' comments is a wall, so that a
//! long comment does not win over a short article.

use super::Layout;
use super::code::{BOX_DRAWING, looks_like_code, looks_like_code_strictly};
use super::comments::{body_run, wall_off_comments};
use super::features::{LineFeatures, is_read_also};
use super::pictures::{picture_lines, soften_pictures};
use crate::import::lines::{Unit, is_prose, word_count};

/// The weight of a line of furniture: a menu, a share bar, a label.
const FURNITURE_WEIGHT: i64 = -150;

/// The body's first and last unit: the densest run of the units' weights,
/// or past the last unit when there is no run of prose.
pub(super) fn body_span(lines: &LineFeatures) -> (usize, usize) {
    let units = &lines.units;
    let weights: Vec<i64> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            // A dated row of a program's output table is code, not a dateline.
            let label = lines.kind_labels[i].is_some()
                || lines.date_lines[i].is_some() && !looks_like_code(&u.text)
                || lines.bylines[i].is_some();
            body_weight(u, lines.furniture[i] || label)
        })
        .collect();
    let mut weights = damp_long_lists(units, weights);
    soften_introduced_lists(units, &mut weights);
    soften_pictures(&picture_lines(units), &mut weights);
    wall_off_comments(lines, &mut weights);
    let run = body_run(&weights);
    let prose_sum = run.map_or(0, |(s, e)| weights[s..=e].iter().sum::<i64>());
    match list_post(units, &lines.furniture) {
        Some(list) if prose_sum < A_PARAGRAPH && run.is_none_or(|(s, e)| e - s < list.1 - list.0) => list,
        _ => run.unwrap_or((units.len(), units.len())),
    }
}

/// What a run of prose must weigh to be an article's text rather than a
/// few stray sentences: a paragraph.
const A_PARAGRAPH: i64 = 150;
/// How many points a post made of one list has at least.
const LIST_POST_ITEMS: usize = 12;

/// A post that is one long list (the changes of a release, a list of
/// points) and no paragraph: its longest run of list items that say
/// something (four words and more on average, no menu's one-word links,
/// no furniture), with the lines their items wrap onto.
fn list_post(units: &[Unit], furniture: &[bool]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < units.len() {
        if !units[i].bullet || furniture[i] {
            i += 1;
            continue;
        }
        let start = i;
        let (mut items, mut words) = (0, 0);
        while i < units.len() && !furniture[i] && (units[i].bullet || wraps_an_item(&units[i].text)) {
            if units[i].bullet {
                items += 1;
            }
            words += word_count(&units[i].text);
            i += 1;
        }
        let says_something = items >= LIST_POST_ITEMS && words >= 4 * items;
        if says_something && best.is_none_or(|(s, e)| e - s < i - 1 - start) {
            best = Some((start, i - 1));
        }
    }
    best
}

/// The rest of a list item that a copy wrapped onto a line of its own: a
/// few words going on in lower case ("left/right arms can be edited").
fn wraps_an_item(text: &str) -> bool {
    word_count(text) <= 8
        && text
            .trim_start()
            .starts_with(|c: char| c.is_lowercase() || c == '(')
}

/// The body's text: the units of its run, less the header's lines that
/// the run swept up (labels, datelines, bylines, the headline) and the
/// pictures' lines.
pub(super) fn body_text(lines: &LineFeatures, layout: Layout) -> String {
    let units = &lines.units;
    let pictures = picture_lines(units);
    let body: Vec<&str> = (layout.body_start..=layout.body_end.min(units.len().saturating_sub(1)))
        .filter(|&i| i < units.len())
        .filter(|&i| !lines.is_furniture_or_mark(i) && !pictures[i])
        .filter(|&i| Some(i) != layout.title_index)
        .map(|i| units[i].text.as_str())
        .collect();
    body.join("\n\n")
}

/// The weight a unit adds to a candidate body: prose pulls the body over it,
/// furniture and lists push the body away.
pub(super) fn body_weight(unit: &Unit, furniture: bool) -> i64 {
    let chars = unit.text.chars().count() as i64;
    // Code runs on through a body; a menu bar drawn with box characters
    // ("Home │ World") is still furniture.
    // A rule parts sections as a heading does; it is no menu. (A rule with
    // joints is a drawn table's, code.)
    if !unit.text.contains('┼')
        && unit
            .text
            .chars()
            .all(|c| BOX_DRAWING.contains(&c) || "-=_*~—– ".contains(c))
    {
        return -40;
    }
    let menu_bar = unit.text.contains(BOX_DRAWING) && unit.text.chars().any(char::is_alphabetic);
    if furniture && is_read_also(&unit.text) {
        return -40;
    }
    if furniture && (!looks_like_code_strictly(&unit.text) || menu_bar) {
        return FURNITURE_WEIGHT;
    }
    if is_cookie_notice(&unit.text) {
        return -60;
    }
    // A picture's file name and a headline by it, or a headline printed
    // twice on one line (the picture's text and the link's): a teaser of
    // another story.
    if opens_with_image_name(&unit.text) || is_printed_twice(&unit.text) {
        return -60 - chars / 4;
    }
    if is_prose(&unit.text) {
        let weight = chars.min(600);
        return if unit.bullet { weight / 2 } else { weight };
    }
    let words = word_count(&unit.text);
    if is_step_heading(&unit.text) {
        return 0;
    }
    if unit.bullet {
        // A clause is a point the article lists; a word or two, a menu.
        return if words >= 8 { chars / 6 } else { -60 - chars / 4 };
    }
    // Code in a technical piece sits between its paragraphs; the body runs
    // on across it (menus and share bars are never made of code).
    if looks_like_code(&unit.text) {
        return -5;
    }
    // A long line that is no sentence: a standfirst or a caption, or
    // another story's headline in a list of them.
    if words >= 12 && chars >= 80 {
        return chars / 5;
    }
    // A short sentence ("Insert the plant into the hole.") says something;
    // a label does not end like one.
    if words >= 4 && unit.text.trim_end().ends_with(['.', '!', '?']) {
        return chars / 4;
    }
    if chars < 40 { -40 } else { -30 }
}

/// The heading of one step of a how-to ("Step 3", "Étape 3"): the
/// article's own parts, which go on past it, not a label of the page.
fn is_step_heading(text: &str) -> bool {
    let mut words = text.trim().trim_end_matches(':').split_whitespace();
    let (Some(word), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    STEP_WORDS.contains(&word.to_lowercase().as_str()) && number.chars().all(|c| c.is_ascii_digit())
}

/// "Step", in the languages of our readers.
const STEP_WORDS: &[&str] = &[
    "step", "étape", "etape", "paso", "passo", "schritt", "stap", "krok", "шаг",
];

/// A site's notice that it stores cookies: it says the site uses them and
/// speaks to the reader ("This website uses cookies to improve your
/// experience"). An article about cookies does not address its reader so.
fn is_cookie_notice(text: &str) -> bool {
    // Most lines name no cookie: spare them the lowering.
    if !text.contains("ookie") && !text.contains("OOKIE") {
        return false;
    }
    let lower = text.to_lowercase();
    COOKIE_USE.iter().any(|p| lower.contains(p))
        && word_count(text) <= 120
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| READER_WORDS.contains(&w))
}

/// How a site says it uses cookies, in the languages of our readers.
const COOKIE_USE: &[&str] = &[
    "uses cookies",
    "use cookies",
    "use of cookies",
    "cookie policy",
    "cookie settings",
    "accept cookies",
    "accept all cookies",
    "utiliza cookies",
    "utilizamos cookies",
    "usamos cookies",
    "usa cookies",
    "utilise des cookies",
    "utilisons des cookies",
    "verwendet cookies",
    "verwenden cookies",
    "utilizziamo i cookie",
    "utilizza i cookie",
];

/// "You" and "your" as a notice addresses its reader.
const READER_WORDS: &[&str] = &[
    "you", "your", "vous", "votre", "vos", "usted", "tu", "su", "sie", "ihre", "ihr", "você", "seu", "sua",
    "voi", "tuo", "tua",
];

/// A text browser prints a picture it does not show as its name in
/// brackets ("[28112548-0-image-a-1] How teams will spend …"); a unit that
/// opens with one and goes on with a few words is a story's card.
fn opens_with_image_name(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix('[') else {
        return false;
    };
    let Some((name, after)) = rest.split_once(']') else {
        return false;
    };
    // A file's name, not a word ("[harry] Amy joins the team …" is an
    // emoji's), a footnote's or a link's number ("[1]", "[3]") or an
    // ellipsis ("[...]").
    let file_name =
        name.contains(|c: char| c.is_ascii_digit() || "-_.".contains(c)) || name.chars().count() >= 12;
    file_name
        && name.chars().count() >= 4
        && name.chars().any(char::is_alphabetic)
        && !name.contains(char::is_whitespace)
        && (3..=40).contains(&word_count(after))
}

/// Whether a line is one text printed twice in a row ("Tesla calls workers
/// back Tesla calls workers back").
fn is_printed_twice(text: &str) -> bool {
    let text = text.trim();
    let half = text.len() / 2;
    match (text.get(..half), text.get(half..half + 1), text.get(half + 1..)) {
        (Some(first), Some(" "), Some(second)) => first == second && word_count(first) >= 3,
        _ => false,
    }
}

/// A list's first items push the body away as a menu does; its later items
/// add little more. A long list inside an article (a table of contents, the
/// steps of a recipe) then parts its paragraphs no more than a short menu.
fn damp_long_lists(units: &[Unit], mut weights: Vec<i64>) -> Vec<i64> {
    let mut run = 0;
    for (unit, weight) in units.iter().zip(weights.iter_mut()) {
        if unit.bullet && *weight < 0 && *weight > FURNITURE_WEIGHT {
            run += 1;
            if run > LIST_ITEMS_AT_FULL_COST {
                *weight = (*weight).max(-15);
            }
        } else {
            run = 0;
        }
    }
    weights
}
const LIST_ITEMS_AT_FULL_COST: usize = 4;

/// A short heading that ends on a colon ("What you'll need:", "Ingredients:")
/// introduces the list under it: the article's own list (the things a
/// how-to needs), which a menu's or a share bar's label does not announce
/// so. The heading weighs nothing and its items little, so that the
/// article goes on past them; a list alone is still no body.
fn soften_introduced_lists(units: &[Unit], weights: &mut [i64]) {
    let mut i = 0;
    while i < units.len() {
        let text = units[i].text.trim();
        let introduces = !units[i].bullet
            && text.ends_with(':')
            && (1..=6).contains(&word_count(text))
            && !announces_other_pages(text)
            && weights[i] > FURNITURE_WEIGHT
            && units.get(i + 1).is_some_and(|next| next.bullet);
        if !introduces {
            i += 1;
            continue;
        }
        weights[i] = weights[i].max(0);
        i += 1;
        while i < units.len() && units[i].bullet {
            if weights[i] > FURNITURE_WEIGHT {
                weights[i] = weights[i].max(INTRODUCED_ITEM_WEIGHT);
            }
            i += 1;
        }
    }
}
const INTRODUCED_ITEM_WEIGHT: i64 = -5;

/// A heading of a list of other stories or links ("More world stories from
/// the Gazette:", "Related links:"), not of the article's own list.
fn announces_other_pages(heading: &str) -> bool {
    heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| OTHER_PAGES_WORDS.contains(&w))
}

/// The words of the heads of lists of other stories and links.
const OTHER_PAGES_WORDS: &[&str] = &[
    "more",
    "stories",
    "story",
    "related",
    "other",
    "also",
    "popular",
    "recommended",
    "trending",
    "latest",
    "read",
    "see",
    "news",
    "headlines",
    "links",
    "sites",
    "follow",
    "share",
    "topics",
    "tags",
    "plus",
    "autres",
    "más",
    "otras",
    "mehr",
    "weitere",
    "altri",
    "outras",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clipping::{PROSE, extract_clipping, is_furniture_line, read_clipping};
    use crate::import::lines::split_units;

    #[test]
    fn a_cookie_notice_and_other_stories_cards_are_not_the_body() {
        let notice = "This website uses cookies to improve your experience while you navigate through \
                      the website. Out of these cookies, the cookies that are categorized as necessary are \
                      stored on your browser as they are essential for the working of basic functionalities \
                      of the website, and we also use third-party cookies that help us analyse how you use it.";
        let text = format!("Council agrees to rebuild the harbour wall\n\n{PROSE}\n\nShare\n\n{notice}\n");
        let article = read_clipping(&text);
        assert!(article.body.contains("Construction is due to begin"));
        assert!(!article.body.contains("cookies"), "{}", article.body);

        // Cards of other stories: a picture's file name, then a headline.
        let mut text = format!("Council agrees to rebuild the harbour wall\n\n{PROSE}\n\nMore stories\n\n");
        for i in 0..6 {
            text.push_str(&format!(
                "[2811{i}548-0-image-a-1] Ferry crews walk out again after the talks with the operator fail \
                 for the {i}th time this year, and the island is cut off for the weekend\n\n"
            ));
        }
        let article = read_clipping(&text);
        assert!(article.body.contains("Construction is due to begin"));
        assert!(!article.body.contains("Ferry crews"), "{}", article.body);
        // An emoji's name opening a paragraph is no card.
        let paragraph = "[harry] Amy joins the harbour team today, after four years on the ferries, \
                         where she ran the timetable and the winter repairs.";
        let article = read_clipping(&format!(
            "Council agrees to rebuild the harbour wall\n\n{paragraph}\n\n{PROSE}"
        ));
        assert!(article.body.contains("Amy joins"), "{}", article.body);
    }

    #[test]
    fn a_read_also_link_between_paragraphs_is_left_out_without_ending_the_article() {
        let (first, rest) = PROSE.split_once("\n\n").unwrap();
        let text = format!(
            "This is a BETA experience. You may opt-out by clicking here\n\n\
             Council agrees to rebuild the harbour wall\n\n{first}\n\n\
             Читайте также: Суд отправил за решетку «минера»\n\n{rest}"
        );
        let article = read_clipping(&text);
        assert_eq!(
            article.title.as_deref(),
            Some("Council agrees to rebuild the harbour wall")
        );
        assert!(article.body.starts_with("The council voted"), "{}", article.body);
        assert!(
            article.body.ends_with("about two years to finish."),
            "{}",
            article.body
        );
        assert!(!article.body.contains("Читайте"));
    }

    #[test]
    fn headlines_of_other_stories_after_the_article_are_not_its_body() {
        // Each printed twice on its line (a picture's text and the link's),
        // or long without being a sentence.
        let mut text = format!("Council agrees to rebuild the harbour wall\n\n{PROSE}\n\n");
        for i in 0..5 {
            text.push_str(&format!(
                "Ferry crews walk out on the island for the {i}th time this year \
                 Ferry crews walk out on the island for the {i}th time this year\n\n\
                 Racist nicknames, thrown chairs and belittled parents: school board ousts its principal number {i}\n\n"
            ));
        }
        let body = read_clipping(&text).body;
        assert!(body.ends_with("about two years to finish."), "{body}");
        assert!(is_printed_twice(
            "Tesla calls workers back Tesla calls workers back"
        ));
        assert!(!is_printed_twice("Tesla calls workers back to the plant"));
    }

    /// A how-to: its introduction, a picture captioned twice (the second
    /// time with its credit), teasers of other how-tos, the list of what it
    /// needs, then its steps, each a heading, a sentence or two and a
    /// picture.
    #[test]
    fn a_how_to_goes_on_past_its_list_of_things_and_its_steps_pictures() {
        let mut page = String::from(
            "How to Repot an Orchid\n\nBy Ann Lee\n\n\
             Orchids outgrow their pots every two or three years, when the bark they grow in breaks down \
             and the roots begin to climb over the rim. Repotting takes half an hour, and the plant will \
             reward you with healthier leaves and, the following season, more flowers than before. Choose \
             a day after the plant has finished flowering, and give yourself room to work.\n\n\
             An orchid in its pot\n\nAn orchid in its pot (Ann Lee)\n\n\
             Other People Are Reading\n\n\
             • [a7edbb0f-8] Orchid Care Ideas\n• [619daaaa-7] How to Water an Orchid\n\n\
             What You'll Need:\n\n• Pot\n• Fresh bark\n• Scissors\n• Gloves\n• Water\n• Newspaper\n\n",
        );
        for (n, step) in [
            "Water the plant the day before, so that the roots bend without breaking.",
            "Lift the orchid out and shake off the old bark over the newspaper.",
            "Cut away the roots that are brown and soft with clean scissors.",
            "Set the plant in the new pot and fill the gaps with fresh bark.",
        ]
        .iter()
        .enumerate()
        {
            page.push_str(&format!(
                "Step {}\n\n{step}\n\nThe roots.\n\nThe roots. (Ann Lee)\n\n",
                n + 1
            ));
        }
        page.push_str("Related Searches\n\nMore Like This\n\n• Orchids\n• Ferns\n");
        let article = extract_clipping(&page);
        assert_eq!(article.title.as_deref(), Some("How to Repot an Orchid"));
        assert!(article.body.starts_with("Orchids outgrow"), "{}", article.body);
        assert!(
            article.body.ends_with("fill the gaps with fresh bark."),
            "{}",
            article.body
        );
        assert!(!article.body.contains("(Ann Lee)"), "{}", article.body);
        // A list of other stories is announced so too; it is no part of the article.
        assert!(announces_other_pages("More world stories from the Gazette:"));
        assert!(!announces_other_pages("What You'll Need:"));
        assert!(is_step_heading("Step 3") && is_step_heading("Étape 2:"));
        assert!(!is_step_heading("Step by step"));
    }

    /// A post that is one list and no paragraph: the changes of a release,
    /// some items wrapped onto a second line. A menu of one-word links is
    /// no such list.
    #[test]
    fn a_post_made_of_one_list_is_that_list() {
        let mut page = String::from("Harbour App News\n\nHarbour App 2.0 - The Winter Update\n\n");
        for n in 0..14 {
            page.push_str(&format!("+ Added tide table number {n} for the northern piers\n"));
        }
        page.push_str(
            "+ The ferry timetable can now be shown for the whole week, and\nprinted on one page\n",
        );
        page.push_str("- Removed the old harbour map\n\nNewer Older\n");
        let body = read_clipping(&page).body;
        assert!(body.starts_with("Added tide table number 0"), "{body}");
        assert!(body.contains("printed on one page"), "{body}");
        assert!(body.ends_with("Removed the old harbour map"), "{body}");
        let menu: String = (0..20).map(|n| format!("• Section {n}\n")).collect();
        assert!(list_post(&split_units(&menu), &[false; 20]).is_none());
    }

    #[test]
    fn notices_links_and_cards_are_told_from_ordinary_text() {
        assert!(is_cookie_notice(
            "This website uses cookies to improve your experience while you navigate through the website."
        ));
        assert!(!is_cookie_notice(
            "Google will phase out third-party cookies in its Chrome browser by 2022, the company said."
        ));
        assert!(is_furniture_line(
            "This is a BETA experience. You may opt-out by clicking here"
        ));
        assert!(!is_furniture_line(
            "Why you should never click here in a text message"
        ));
        assert!(opens_with_image_name(
            "[28112548-0-image-a-1] How teams will spend their week"
        ));
        for text in [
            "[1] The council's figures come from its 2019 survey.",
            "[...] and so the wall was never finished.",
            "[3]Council leaders said the wall would be rebuilt.",
        ] {
            assert!(!opens_with_image_name(text), "{text}");
        }
    }

    #[test]
    fn points_the_article_lists_stay_in_the_body_and_a_menu_does_not() {
        let text = format!(
            "Home\n\n  • World\n  • Business\n  • Sport\n\nCouncil agrees to rebuild the harbour wall after years of delay\n\n\
             {PROSE}\n\nWhat the council agreed:\n\n  \
             • the north pier is rebuilt first, before the storms of next winter\n  \
             • fishing boats keep their moorings while the work goes on around them\n\n\
             The works are paid for by the port and the county together."
        );
        let article = read_clipping(&text);
        assert!(
            article.body.contains("the north pier is rebuilt first"),
            "{}",
            article.body
        );
        assert!(article.body.contains("paid for by the port"), "{}", article.body);
        assert!(!article.body.contains("Business"), "{}", article.body);
    }

    #[test]
    fn code_between_paragraphs_stays_in_the_body() {
        let text = "How we cache the index\n\n\
            The index is rebuilt whenever a file changes, which used to take several seconds on a large folder of notes.\n\n\
            fn rebuild(index: &mut Index) {\n    index.clear();\n}\n\n\
            Now the rebuild only touches the entries of the files that changed, and the rest of the index is kept as it was.\n";
        let article = extract_clipping(text);
        assert!(
            article.body.starts_with("The index is rebuilt"),
            "{}",
            article.body
        );
        assert!(article.body.contains("index.clear();"), "{}", article.body);
        assert!(article.body.ends_with("kept as it was."), "{}", article.body);
    }

    /// A technical post: an introduction, a table of contents, then the
    /// sections, each with a query and the table it prints.
    #[test]
    fn a_table_of_contents_and_query_output_stay_inside_the_body() {
        let mut page = String::from(
            "Jane Writes\n\n  • About\n  • Subscribe\n\n\
             Finding slow queries with plain SQL\n\n\
             Many developers reach for a monitoring service before they have looked at the data they already \
             keep, and the database can answer more than they expect.\n\n\
             This post shows how to find the slowest requests of the past hour with nothing but a query \
             and a little arithmetic, step by step, on a table that most web servers already write.\n\n\
             I am not a statistician, and the methods here are the ones a first course in statistics \
             teaches; they are enough to catch the problems that matter before the users notice them.\n\n\
             Table of Contents\n\n",
        );
        for item in [
            "Preparing the data",
            "Counting requests",
            "Finding outliers",
            "Setting thresholds",
            "Removing repeats",
            "Trying other values",
            "Conclusion",
        ] {
            page.push_str(&format!("  • {item}\n"));
        }
        page.push_str(
            "\nPreparing the data\n\nThe server writes one row for every request, with its status and the time it took, \
             and a job sums the rows of each minute into a summary table that is small enough to query often.\n\n\
             SELECT\n    status_code,\n    count(*) AS entries\nFROM\n    server_log\nGROUP BY\n    status_code;\n\n\
             status_code │ entries\n────────────┼────────\n        200 │ 4084\n        404 │ 12\n\n\
             Most requests succeed, and the failures are few enough to look at one by one. The rest of this \
             post turns these counts into a measure of how unusual each minute is, and raises an alert when \
             a minute stands out from the hour before it.\n\n\
             Counting requests\n\n\
             A minute with twice the usual number of failed requests is worth a look, but a quiet night \
             makes every small change look large, so the counts have to be weighed against the spread of \
             the hour before them rather than against a fixed number.\n\n\
             That spread is the standard deviation, and the database computes it over a moving window \
             of sixty minutes for each status code with one window function.\n",
        );
        let article = extract_clipping(&page);
        assert_eq!(
            article.title.as_deref(),
            Some("Finding slow queries with plain SQL")
        );
        assert!(
            article.body.starts_with("Many developers reach"),
            "{}",
            article.body
        );
        assert!(article.body.ends_with("one window function."), "{}", article.body);
        assert!(article.body.contains("Table of Contents"), "{}", article.body);
    }

    /// A short post, then a long comment under the head of the thread; a
    /// bare count of the comments under the byline ends nothing.
    #[test]
    fn readers_comments_are_not_the_article_however_long() {
        let comment =
            "I have lived by the harbour for forty years and I can tell you that the wall has been \
            crumbling since the storm of 1987, and every council since then has promised to mend it and \
            then found something else to spend the money on, so forgive me if I wait to see the builders \
            before I believe a word of it. "
                .repeat(3);
        let page = format!(
            "Council agrees to rebuild the harbour wall\n\nBy Ann Lee\n\n11 Comments\n\n{PROSE}\n\n\
             Share this:\n\n  • Click to share on Facebook (Opens in new window)\n\n\
             3 thoughts on “Council agrees to rebuild the harbour wall”\n\n\
             Tom Hardy · March 10, 2024 at 12:20 AM\n\n{comment}\n\nReply\n"
        );
        let article = extract_clipping(&page);
        assert_eq!(
            article.title.as_deref(),
            Some("Council agrees to rebuild the harbour wall")
        );
        assert!(article.body.starts_with("The council voted"), "{}", article.body);
        assert!(article.body.ends_with("two years to finish."), "{}", article.body);
    }

    /// A weekly round-up written as lists of points under headings, with a
    /// reader's long comment under it.
    #[test]
    fn a_post_written_as_lists_of_points_is_the_body() {
        let mut page = String::from(
            "Harbour Notes\n\nThese weeks in the harbour: issue 5\n\nAnn Lee\n\nMarch 3, 2024\n\n",
        );
        for section in ["Highlights", "Works on the wall", "Ferries", "Fishing"] {
            page.push_str(&format!("{section}\n\n"));
            for n in 1..=3 {
                page.push_str(&format!(
                    "  • The {section} team finished item {n} this week, after the storm held the divers back for two days.\n"
                ));
            }
            page.push('\n');
        }
        page.push_str(
            "2 comments on “These weeks in the harbour: issue 5”\n\n\
             I have lived by the harbour for forty years, and I can tell you that the wall has been crumbling \
             since the storm of 1987; every council since then has promised to mend it and then found something \
             else to spend the money on, so forgive me if I wait to see the builders before I believe it.\n",
        );
        let article = extract_clipping(&page);
        assert_eq!(
            article.title.as_deref(),
            Some("These weeks in the harbour: issue 5")
        );
        assert!(
            article.body.contains("The Highlights team finished item 1"),
            "{}",
            article.body
        );
        assert!(
            article.body.contains("The Fishing team finished item 3"),
            "{}",
            article.body
        );
        assert!(!article.body.contains("forty years"), "{}", article.body);
    }
}
