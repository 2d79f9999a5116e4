//! What a user does at the terminal: import, list, tag, note, search, trash.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    stdout: String,
    stderr: String,
    ok: bool,
}

fn folio(library: &Path, args: &[&str]) -> Run {
    run(Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--library")
        .arg(library)
        .args(args))
}

/// Runs `folio ARGS…` with the user's data folder (`XDG_DATA_HOME`) at `data`.
fn folio_on_desktop(data: &Path, args: &[&str]) -> Run {
    run(Command::new(env!("CARGO_BIN_EXE_folio"))
        .env("XDG_DATA_HOME", data)
        .args(args))
}

fn run(command: &mut Command) -> Run {
    let out = command.output().expect("folio runs");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        ok: out.status.success(),
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings")
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_deebf3aef80def1e.txt")
}

fn id_of(import_line: &str) -> i64 {
    let after = import_line.split('#').nth(1).expect("line names an id");
    after.split_whitespace().next().unwrap().parse().unwrap()
}

/// Imports the seed and the fixtures; returns the seed's id.
fn stocked_library(dir: &Path) -> (PathBuf, i64) {
    let lib = dir.join("lib.sqlite");
    let seed_path = seed();
    let run = folio(
        &lib,
        &[
            "import",
            seed_path.to_str().unwrap(),
            fixtures().to_str().unwrap(),
        ],
    );
    assert!(run.ok, "{}{}", run.stdout, run.stderr);
    let seed_line = run.stdout.lines().find(|l| l.contains("000_deebf3")).unwrap();
    (lib, id_of(seed_line))
}

#[test]
fn import_reports_every_file_and_spots_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let seed_path = seed();
    let first = folio(
        &lib,
        &[
            "import",
            seed_path.to_str().unwrap(),
            fixtures().to_str().unwrap(),
        ],
    );
    assert!(first.ok, "{}", first.stderr);
    let seed_line = first.stdout.lines().find(|l| l.contains("000_deebf3")).unwrap();
    assert!(
        seed_line.contains("imported #") && seed_line.contains("\"Japan, U.S. must seize chance"),
        "{seed_line}"
    );
    // Ten clippings under fixtures (the .json files are not importable).
    assert!(
        first.stdout.contains("10 imported, 0 duplicates, 0 failed"),
        "{}",
        first.stdout
    );

    let again = folio(&lib, &["import", seed_path.to_str().unwrap()]);
    let id = id_of(seed_line);
    assert!(
        again.stdout.contains(&format!("duplicate of #{id}")),
        "{}",
        again.stdout
    );
    assert!(
        again.stdout.contains("0 imported, 1 duplicate, 0 failed"),
        "{}",
        again.stdout
    );

    // The same text with other line ends and spacing is the same article.
    let respaced = dir.path().join("respaced.txt");
    let text = std::fs::read_to_string(seed()).unwrap().replace('\n', "\r\n  ");
    std::fs::write(&respaced, text).unwrap();
    let third = folio(&lib, &["import", respaced.to_str().unwrap()]);
    assert!(
        third.stdout.contains(&format!("duplicate of #{id}")),
        "{}",
        third.stdout
    );
}

#[test]
fn bad_files_fail_clearly_and_the_rest_import() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let png = dir.path().join("picture.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    let soup = dir.path().join("soup.txt");
    std::fs::write(&soup, vec![0xFFu8; 5000]).unwrap();
    let missing = dir.path().join("not-there.txt");
    let good = fixtures().join("harbour_editorial_en.txt");
    let run = folio(
        &lib,
        &[
            "import",
            empty.to_str().unwrap(),
            png.to_str().unwrap(),
            soup.to_str().unwrap(),
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    let line = |name: &str| {
        run.stdout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or("")
            .to_string()
    };
    assert!(
        line("empty.txt").contains("failed: the file is empty"),
        "{}",
        run.stdout
    );
    assert!(
        line("picture.txt").contains("failed: this is a PNG image"),
        "{}",
        run.stdout
    );
    assert!(line("soup.txt").contains("failed:"), "{}", run.stdout);
    assert!(
        line("not-there.txt").contains("failed: no such file or folder"),
        "{}",
        run.stdout
    );
    assert!(
        line("harbour_editorial_en.txt").contains("imported #"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("1 imported, 0 duplicates, 4 failed"),
        "{}",
        run.stdout
    );
    let list = folio(&lib, &["list"]);
    assert!(list.stdout.contains("Port strike must end"), "{}", list.stdout);
}

#[test]
fn list_filters_combine() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, seed_id) = stocked_library(dir.path());

    let all = folio(&lib, &["list"]);
    assert!(all.stdout.contains("10 of 10 articles"), "{}", all.stdout);
    // Newest first: the 2020 op-ed before the 2018 pieces.
    let sahel = all.stdout.find("Sahel").unwrap();
    let port = all.stdout.find("Port strike").unwrap();
    assert!(sahel < port, "{}", all.stdout);

    let jan = folio(&lib, &["list", "--from", "2018-01-01", "--to", "2018-01-31"]);
    assert!(jan.stdout.contains("Japan, U.S. must seize"), "{}", jan.stdout);
    assert!(!jan.stdout.contains("Port strike"), "{}", jan.stdout);

    let asahi = folio(&lib, &["list", "--source", "the asahi shimbun"]);
    assert!(asahi.stdout.contains("1 of 1 article"), "{}", asahi.stdout);
    // A typed source is read as the search language reads `source:`: part
    // of the name finds it, and both find the same articles.
    let typed = folio(&lib, &["list", "--source", "asahi"]);
    assert!(typed.stdout.contains("1 of 1 article"), "{}", typed.stdout);
    let searched = folio(&lib, &["search", "source:asahi"]);
    assert!(
        searched.stdout.contains("Japan, U.S. must seize"),
        "{}",
        searched.stdout
    );
    let wildcard = folio(&lib, &["list", "--source", "%"]);
    assert!(wildcard.stdout.contains("0 of 0 articles"), "{}", wildcard.stdout);

    let east_asia = folio(&lib, &["list", "--region", "East Asia & Pacific"]);
    assert!(
        east_asia.stdout.contains("Japan, U.S. must seize"),
        "{}",
        east_asia.stdout
    );
    assert!(!east_asia.stdout.contains("Desalination"), "{}", east_asia.stdout);
    // A country finds the articles about it.
    let japan = folio(&lib, &["list", "--region", "Japan"]);
    assert!(
        japan.stdout.contains("Japan, U.S. must seize"),
        "{}",
        japan.stdout
    );

    folio(&lib, &["tag", &seed_id.to_string(), "+Korea"]);
    let tagged = folio(&lib, &["list", "--tag", "korea", "--from", "2018-01-01"]);
    assert!(tagged.stdout.contains("1 of 1 article"), "{}", tagged.stdout);

    let limited = folio(&lib, &["list", "--limit", "3"]);
    assert!(limited.stdout.contains("3 of 10 articles"), "{}", limited.stdout);

    let bad = folio(&lib, &["list", "--from", "last tuesday"]);
    assert!(
        !bad.ok && bad.stderr.contains("is not a date like 2018-01-05"),
        "{}",
        bad.stderr
    );
}

#[test]
fn tags_and_notes_show_up_and_are_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = stocked_library(dir.path());
    let id_s = id.to_string();

    let tagged = folio(&lib, &["tag", &id_s, "+korea", "+diplomacy", "+unread"]);
    assert!(
        tagged.stdout.contains("tags: diplomacy, korea, unread"),
        "{}",
        tagged.stdout
    );
    let untagged = folio(&lib, &["tag", &id_s, "-unread", "+Korea"]);
    assert!(
        untagged.stdout.contains("tags: diplomacy, korea"),
        "{}",
        untagged.stdout
    );

    folio(
        &lib,
        &[
            "note",
            &id_s,
            "Compare with the Yomiuri editorial of the same week.",
        ],
    );
    let show = folio(&lib, &["show", &id_s]);
    assert!(show.stdout.contains("tags: diplomacy, korea"), "{}", show.stdout);
    assert!(
        show.stdout.contains("Compare with the Yomiuri editorial"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("source: The Asahi Shimbun"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("region: East Asia & Pacific"),
        "{}",
        show.stdout
    );

    let by_note = folio(&lib, &["search", "yomiuri"]);
    assert!(by_note.stdout.contains(&format!("#{id}")), "{}", by_note.stdout);

    let missing = folio(&lib, &["tag", "99999", "+x"]);
    assert!(
        !missing.ok && missing.stderr.contains("no article with id 99999"),
        "{}",
        missing.stderr
    );
}

#[test]
fn search_ranks_and_survives_hostile_input() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = stocked_library(dir.path());
    let hits = folio(&lib, &["search", "Pyongyang", "dialogue"]);
    assert!(hits.ok);
    let first = hits.stdout.lines().next().unwrap_or("");
    assert!(first.starts_with(&format!("#{id}")), "{}", hits.stdout);
    assert!(
        hits.stdout.contains("[Pyongyang]") || hits.stdout.contains("[dialogue]"),
        "{}",
        hits.stdout
    );

    for hostile in [
        "\"unbalanced",
        "AND",
        "NOT NEAR OR",
        "*",
        ":",
        "-",
        "title:",
        "Kim's",
        "(((",
        "🙂 emoji",
        "NEAR(a b",
        "\u{7}bell",
    ] {
        let run = folio(&lib, &["search", hostile]);
        assert!(run.ok, "{hostile}: {}", run.stderr);
        assert!(!run.stderr.contains("fts5"), "{hostile}: {}", run.stderr);
    }
    let long = "word ".repeat(2000);
    assert!(folio(&lib, &["search", &long]).ok);
    let none = folio(&lib, &["search", "zzzqqqxxx"]);
    assert_eq!(none.stdout.trim(), "no matches");
}

#[test]
fn trash_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = stocked_library(dir.path());
    let id_s = id.to_string();
    let deleted = folio(&lib, &["delete", &id_s]);
    assert!(
        deleted.stdout.contains("moved to the trash"),
        "{}",
        deleted.stdout
    );
    assert!(!folio(&lib, &["list"]).stdout.contains("Japan, U.S. must seize"));
    assert!(
        folio(&lib, &["list", "--trash"])
            .stdout
            .contains("Japan, U.S. must seize")
    );
    assert!(
        !folio(&lib, &["search", "Pyongyang"])
            .stdout
            .contains(&format!("#{id} "))
    );
    folio(&lib, &["restore", &id_s]);
    assert!(folio(&lib, &["list"]).stdout.contains("Japan, U.S. must seize"));
    assert!(
        !folio(&lib, &["list", "--trash"])
            .stdout
            .contains("Japan, U.S. must seize")
    );
}

#[test]
fn extract_prints_the_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let seed_path = seed();
    let run = folio(
        &dir.path().join("unused.sqlite"),
        &["extract", "--json", seed_path.to_str().unwrap()],
    );
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    for field in [
        "title",
        "authors",
        "published",
        "source",
        "section",
        "region",
        "kind",
        "language",
        "url",
        "body",
    ] {
        assert!(value.get(field).is_some(), "{field} missing");
    }
    assert_eq!(value["url"], serde_json::Value::Null);
    assert!(value["authors"].is_array());
    assert!(
        !dir.path().join("unused.sqlite").exists(),
        "extract must not create a library"
    );
}

#[test]
fn help_explains_each_command() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let help = folio(&lib, &["--help"]);
    for command in [
        "import", "list", "show", "search", "tag", "note", "delete", "restore", "extract",
    ] {
        assert!(help.stdout.contains(command), "{command} missing from --help");
    }
    let import_help = folio(&lib, &["import", "--help"]);
    assert!(import_help.stdout.contains("Example"), "{}", import_help.stdout);
}

#[test]
fn extract_shows_what_a_page_without_article_text_still_tells() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("links.html");
    std::fs::write(
        &page,
        r#"<html lang="de"><head><meta property="og:title" content="Archiv"><meta property="article:published_time" content="2019-04-02"></head><body><ul><li>Start</li><li>Impressum</li></ul></body></html>"#,
    )
    .unwrap();
    let run = folio(
        &dir.path().join("unused.sqlite"),
        &["extract", "--json", page.to_str().unwrap()],
    );
    assert!(run.ok, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["title"], "Archiv");
    assert_eq!(value["published"], "2019-04-02");
    // Importing it is refused: an article needs text.
    let import = folio(
        &dir.path().join("lib.sqlite"),
        &["import", page.to_str().unwrap()],
    );
    assert!(
        import.stdout.contains("failed: no article text was found in it"),
        "{}",
        import.stdout
    );
}

#[test]
fn a_title_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    // A title as another tool's export or a page's markup can carry it.
    let title = "Harbour talks \u{1b}]0;PWNED\u{7} resume\u{1b}[2J";
    {
        let mut library = folio::library::Library::open(&lib).unwrap();
        let article = folio::library::NewArticle {
            meta: folio::model::ExtractedArticle {
                title: Some(title.into()),
                source: Some("The \u{9b}Harbour Herald".into()),
                body: "The harbour authority and the union agreed to resume talks.".into(),
                ..Default::default()
            },
            file_name: None,
            format: "text".into(),
            compressed_original: folio::library::compress(b"x"),
        };
        library.insert_batch(&[article]).unwrap();
    }
    for args in [vec!["list"], vec!["show", "1"], vec!["search", "harbour"]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
            .arg("--library")
            .arg(&lib)
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let controls = [0x1b, 0x07];
        assert!(
            !out.stdout.iter().any(|b| controls.contains(b))
                && !out.stdout.windows(2).any(|w| w == [0xc2, 0x9b]),
            "{args:?} printed a control character"
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("\\u{1b}]0;PWNED"), "{args:?}: {text}");
    }
    // The stored title is as it was.
    let library = folio::library::Library::open(&lib).unwrap();
    assert_eq!(library.get_article(1).unwrap().meta.title.as_deref(), Some(title));
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.txt");
    let paragraph = "The harbour authority and the union met again and agreed to resume talks over pay.\n\n";
    std::fs::write(
        &long,
        format!("Talks resume at the harbour\n\n{}", paragraph.repeat(8_000)),
    )
    .unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["extract", long.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // As `| head -1` does: read a little, then go away.
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}

#[test]
fn json_output_stays_json_whatever_the_text_holds() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><title>Harbour talks resume</title></head><body><article><h1>Harbour talks resume</h1>\
         <p>\u{84}We will not give up,\u{94} said the union after three weeks of strikes at the container \
         terminal, as the harbour authority agreed to resume talks over pay and safety.</p>\
         <p>Both sides expect an agreement before the harvest ships arrive next month.</p></article></body></html>",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["extract", "--json", page.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(
        parsed["body"].as_str().unwrap().contains('\u{84}'),
        "the text as it is"
    );
}

/// Result lines of `folio search` (each hit starts with its id).
fn hit_ids(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

#[test]
fn search_options_after_the_words_are_options() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = stocked_library(dir.path());
    let all = folio(&lib, &["search", "water"]);
    assert!(all.ok && hit_ids(&all).len() >= 2, "{}", all.stdout);

    let limited = folio(&lib, &["search", "water", "--limit", "1"]);
    assert!(limited.ok, "{}", limited.stderr);
    assert_eq!(hit_ids(&limited), hit_ids(&all)[..1], "{}", limited.stdout);

    let json = folio(&lib, &["search", "water", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(rows.as_array().unwrap().len(), hit_ids(&all).len());

    assert!(folio(&lib, &["tag", &id.to_string(), "+picked"]).ok);
    let tagged = folio(&lib, &["search", "Pyongyang", "OR", "water", "--tag", "picked"]);
    assert_eq!(hit_ids(&tagged), [format!("#{id}")], "{}", tagged.stdout);
    let trash = folio(&lib, &["search", "water", "--trash"]);
    assert_eq!(trash.stdout.trim(), "no matches");
    // A word with a dash is still a word that leaves out.
    let without = folio(&lib, &["search", "water", "-sahel", "--limit", "5"]);
    assert!(
        without.ok && hit_ids(&without).len() < hit_ids(&all).len(),
        "{}",
        without.stdout
    );
    // A misspelt option is refused, not searched for.
    let typo = folio(&lib, &["search", "water", "--limt", "2"]);
    assert!(!typo.ok && typo.stderr.contains("--limit"), "{}", typo.stderr);
}

/// `--library` after the words names the library the command works on;
/// the default library is not touched.
#[test]
fn library_after_the_words_is_the_library_worked_on() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = stocked_library(dir.path());
    let home = dir.path().join("home");
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["tag", &id.to_string(), "+afterwords", "--library"])
        .arg(&lib)
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tags = folio(&lib, &["tags"]);
    assert!(tags.stdout.contains("afterwords"), "{}", tags.stdout);
    assert!(!tags.stdout.contains("sqlite"), "{}", tags.stdout);
    assert!(!home.exists(), "the default library was not created");
}

/// After `--` every argument is a word, even one that starts with dashes;
/// before it, such a word is refused as an unknown option.
#[test]
fn a_double_dash_lets_a_word_start_with_dashes() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = stocked_library(dir.path());
    let id_s = id.to_string();
    let refused = folio(&lib, &["note", &id_s, "--- see below ---"]);
    assert!(!refused.ok, "{}", refused.stdout);
    let saved = folio(&lib, &["note", &id_s, "--", "--- see below ---"]);
    assert!(saved.ok, "{}", saved.stderr);
    let shown = folio(&lib, &["show", &id_s]);
    assert!(
        shown.stdout.contains("note:\n--- see below ---"),
        "{}",
        shown.stdout
    );
}

/// A tag that looks like an option or a file is refused with what to
/// write instead, and no tag changes.
#[test]
fn a_tag_that_looks_like_an_option_or_a_file_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, id) = stocked_library(dir.path());
    let id_s = id.to_string();
    let file = folio(&lib, &["tag", &id_s, "--", "+kept", "other.sqlite"]);
    assert!(!file.ok);
    assert!(
        file.stderr.contains("looks like a file") && file.stderr.contains("--library other.sqlite"),
        "{}",
        file.stderr
    );
    let option = folio(&lib, &["tag", &id_s, "--", "+kept", "--json"]);
    assert!(!option.ok);
    assert!(
        option.stderr.contains("looks like an option"),
        "{}",
        option.stderr
    );
    let tags = folio(&lib, &["tags"]);
    assert!(!tags.stdout.contains("kept"), "{}", tags.stdout);
}

/// The value of `key` in a desktop entry.
fn entry_value<'a>(entry: &'a str, key: &str) -> &'a str {
    entry
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("no {key} in\n{entry}"))
}

#[test]
fn install_desktop_puts_folio_in_the_menu_with_its_icon_and_uninstall_takes_it_out() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("share");
    let run = folio_on_desktop(&data, &["install-desktop"]);
    assert!(run.ok, "{}{}", run.stdout, run.stderr);
    let entry_path = data.join("applications/folio.desktop");
    let icon_path = data.join("icons/hicolor/256x256/apps/folio.png");
    let small_icon_path = data.join("icons/hicolor/48x48/apps/folio.png");
    for path in [&entry_path, &icon_path, &small_icon_path] {
        assert!(
            run.stdout.contains(&format!("wrote {}", path.display())),
            "{}",
            run.stdout
        );
    }

    let entry = std::fs::read_to_string(&entry_path).unwrap();
    let program = std::fs::canonicalize(env!("CARGO_BIN_EXE_folio")).unwrap();
    assert_eq!(
        entry_value(&entry, "Exec"),
        format!("{} %F", program.display()),
        "runs this program on the files opened"
    );
    assert_eq!(entry_value(&entry, "Name"), "Folio");
    assert_eq!(entry_value(&entry, "Icon"), "folio");
    assert_eq!(entry_value(&entry, "Terminal"), "false");
    assert_eq!(entry_value(&entry, "Categories"), "Office;Viewer;");
    let types: Vec<&str> = entry_value(&entry, "MimeType").split_terminator(';').collect();
    for wanted in [
        "text/plain",
        "text/html",
        "application/xhtml+xml",
        "text/markdown",
        "multipart/related",
        "application/x-mimearchive",
        "message/rfc822",
        "application/json",
        "text/csv",
        "application/zip",
        "application/pdf",
    ] {
        assert!(types.contains(&wanted), "{wanted} missing from {types:?}");
    }

    for (path, size) in [(&icon_path, 256), (&small_icon_path, 48)] {
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((frame.width, frame.height), (size, size));
        assert_eq!(frame.color_type, png::ColorType::Rgba);
        let colours: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
        assert!(
            colours.len() > 50,
            "a drawing, not a blank: {} colours",
            colours.len()
        );
        assert_eq!(pixels[3], 0, "the corner outside the rounded tile is clear");
        let centre = ((size / 2 * size + size / 2) * 4) as usize;
        assert_eq!(pixels[centre + 3], 255, "the page at the centre is opaque");
    }

    // Again (after moving the program, say): the same files, rewritten.
    let again = folio_on_desktop(&data, &["install-desktop"]);
    assert!(again.ok, "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(&entry_path).unwrap(), entry);

    let removed = folio_on_desktop(&data, &["install-desktop", "--uninstall"]);
    assert!(removed.ok, "{}", removed.stderr);
    for path in [&entry_path, &icon_path, &small_icon_path] {
        assert!(!path.exists(), "{} left behind", path.display());
        assert!(removed.stdout.contains(&format!("removed {}", path.display())));
    }
    let nothing = folio_on_desktop(&data, &["install-desktop", "--uninstall"]);
    assert!(
        nothing.ok && nothing.stdout.contains("nothing to remove"),
        "{}",
        nothing.stdout
    );
}

/// The spec's own checker: `.ci/run` installs desktop-file-utils for it.
#[test]
#[ignore = "needs desktop-file-validate (desktop-file-utils); .ci/run installs it and runs this"]
fn the_installed_desktop_entry_passes_desktop_file_validate() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("share");
    let run = folio_on_desktop(&data, &["install-desktop"]);
    assert!(run.ok, "{}", run.stderr);
    let check = Command::new("desktop-file-validate")
        .arg(data.join("applications/folio.desktop"))
        .output()
        .expect("desktop-file-validate runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(check.status.success() && said.trim().is_empty(), "{said}");
}

#[test]
fn opening_files_that_are_not_there_or_a_mistyped_command_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let missing = dir.path().join("gone.txt");
    let run = folio(&lib, &[missing.to_str().unwrap()]);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("nothing imported") && run.stderr.contains("gone.txt: no such file or folder"),
        "{}",
        run.stderr
    );
    assert!(!lib.exists(), "no library made, no window opened");
    let typo = folio(&lib, &["serch", "water"]);
    assert!(!typo.ok);
    assert!(
        typo.stderr.contains("unrecognized subcommand 'serch'") && typo.stderr.contains("'search'"),
        "{}",
        typo.stderr
    );
}

#[test]
fn stars_are_set_listed_shown_and_carried_by_the_library_export() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, seed_id) = stocked_library(dir.path());
    let id = seed_id.to_string();
    let run = folio(&lib, &["star", &id]);
    assert!(
        run.ok && run.stdout.trim() == "1 article starred",
        "{}{}",
        run.stdout,
        run.stderr
    );
    let run = folio(&lib, &["star", &id]);
    assert_eq!(run.stdout.trim(), "0 articles starred (1 already starred)");
    let run = folio(&lib, &["list", "--starred"]);
    assert_eq!(
        run.stdout.lines().filter(|l| l.starts_with('#')).count(),
        1,
        "{}",
        run.stdout
    );
    assert!(run.stdout.starts_with(&format!("#{id} ")), "{}", run.stdout);
    assert!(folio(&lib, &["show", &id]).stdout.contains("starred: yes"));

    let export = dir.path().join("library.json");
    assert!(
        folio(
            &lib,
            &["export", "--format", "json", "-o", export.to_str().unwrap()]
        )
        .ok
    );
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    let starred: Vec<_> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["starred"] == serde_json::json!(true))
        .collect();
    assert_eq!(starred.len(), 1);

    let fresh = dir.path().join("fresh.sqlite");
    assert!(folio(&fresh, &["import", export.to_str().unwrap()]).ok);
    assert_eq!(
        folio(&fresh, &["list", "--starred"])
            .stdout
            .lines()
            .filter(|l| l.starts_with('#'))
            .count(),
        1
    );

    let run = folio(&lib, &["unstar", &id, "99999"]);
    assert!(
        !run.ok,
        "an article that is not there is an error: {}",
        run.stdout
    );
    assert_eq!(
        folio(&lib, &["list", "--starred"])
            .stdout
            .lines()
            .filter(|l| l.starts_with('#'))
            .count(),
        1,
        "all or none"
    );
    assert!(folio(&lib, &["unstar", &id]).ok);
    assert_eq!(
        folio(&lib, &["list", "--starred"])
            .stdout
            .lines()
            .filter(|l| l.starts_with('#'))
            .count(),
        0
    );
}

#[test]
fn a_clipping_piped_in_is_imported_once_with_its_page_kept() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let pipe = |input: &[u8], args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .arg("--library")
            .arg(&lib)
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let page = b"<html><head><title>Harbour Herald</title></head><body><article>\
        <h1>The port must reopen before the harvest</h1>\
        <p>The dockers walked out at dawn and the port authority answered by noon with an offer the union called an insult.</p>\
        <p>Both sides say the other must move first, while the grain ships wait in the roads and prices climb.</p>\
        </article></body></html>";
    let (ok, text) = pipe(page, &["import", "-"]);
    assert!(
        ok && text.starts_with("-: imported #1 \"The port must reopen before the harvest\""),
        "{text}"
    );
    let (_, text) = pipe(page, &["import", "-"]);
    assert!(text.starts_with("-: duplicate of #1"), "{text}");
    let (ok, text) = pipe(b"  \n", &["import", "-"]);
    assert!(
        !ok && text.contains("-: failed: standard input is empty"),
        "{text}"
    );
    // The page as it came is kept as the original.
    let library = folio::library::Library::open(&lib).unwrap();
    let (_, original) = library.original(1).unwrap().unwrap();
    assert_eq!(original, page);
}
