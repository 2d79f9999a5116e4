//! Whatever the files, every one gets a clear line and the batch goes on.

use folio::ingest::pipeline::{ImportReport, Outcome, import_paths};
use folio::library::Library;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn import(dir: &Path, paths: &[PathBuf]) -> ImportReport {
    let mut library = Library::open(&dir.join("lib.sqlite")).unwrap();
    import_paths(&mut library, paths, &AtomicBool::new(false), |_, _| {}).unwrap()
}

fn outcome_of<'a>(report: &'a ImportReport, name: &str) -> &'a Outcome {
    &report
        .files
        .iter()
        .find(|f| f.path.to_string_lossy().contains(name))
        .unwrap_or_else(|| panic!("{name} is not in the report: {report:#?}"))
        .outcome
}

fn failed_with(report: &ImportReport, name: &str, words: &str) {
    match outcome_of(report, name) {
        Outcome::Failed { reason } => assert!(reason.contains(words), "{name}: {reason}"),
        other => panic!("{name} should fail ({words}), got {other:?}"),
    }
}

fn imported(report: &ImportReport, name: &str) {
    assert!(
        matches!(outcome_of(report, name), Outcome::Imported { .. }),
        "{name}: {report:#?}"
    );
}

const PROSE: &str = "The council voted on Tuesday to rebuild the harbour wall, a project delayed for a decade. \
                     Residents said they were relieved, though the cost remains a matter of fierce debate.";

#[test]
fn the_bad_input_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = files.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let mut paths = vec![
        write("empty.txt", b""),
        write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        write("document.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"),
        write("archive.txt", b"PK\x03\x04\x14\0\0\0\x08\0"),
        write(
            "nul-bytes.txt",
            &[b"Some text\0with\0NUL\0bytes\0".repeat(50), vec![0; 100]].concat(),
        ),
        write(
            "invalid-utf8.txt",
            format!("{PROSE} Caf\u{e9}")
                .replace('\u{e9}', "\u{FFFD}")
                .as_bytes(),
        ),
        write("latin1.txt", &[PROSE.as_bytes(), b" Caf\xE9 cr\xE8me."].concat()),
        write(
            "utf16-no-bom.txt",
            &PROSE
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes())
                .collect::<Vec<u8>>(),
        ),
        write("one-long-line.txt", PROSE.repeat(60_000).as_bytes()),
        write(
            "nested.html",
            format!(
                "<html><body>{}<p>{PROSE} Deep inside.</p>{}</body></html>",
                "<div>".repeat(10_000),
                "</div>".repeat(10_000)
            )
            .as_bytes(),
        ),
    ];
    // 200 MB: refused by size before it is read, so memory stays bounded.
    let huge = files.join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    paths.push(huge);
    // A name that is not UTF-8.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xE9-clipping.txt");
        let path = files.join(name);
        std::fs::write(&path, format!("{PROSE} Named oddly.")).unwrap();
        paths.push(path);
    }
    // A file that is gone by the time it is read (a dangling link stands for it).
    #[cfg(unix)]
    {
        let gone = files.join("gone.txt");
        std::os::unix::fs::symlink(dir.path().join("deleted-meanwhile.txt"), &gone).unwrap();
        paths.push(gone);
    }

    let report = import(dir.path(), &paths);
    failed_with(&report, "empty.txt", "the file is empty");
    failed_with(&report, "image.txt", "PNG image");
    failed_with(&report, "document.txt", "PDF document");
    failed_with(&report, "archive.txt", "ZIP archive");
    failed_with(&report, "nul-bytes.txt", "binary");
    failed_with(&report, "huge.txt", "too large (200 MB; the limit is 50 MB)");
    failed_with(&report, "gone.txt", "no such file");
    imported(&report, "invalid-utf8.txt");
    imported(&report, "latin1.txt");
    imported(&report, "utf16-no-bom.txt");
    imported(&report, "one-long-line.txt");
    imported(&report, "nested.html");
    imported(&report, "-clipping.txt");
    let odd = folio::library::Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let names: Vec<Option<String>> = report
        .new_ids()
        .iter()
        .map(|id| odd.get_article(*id).unwrap().original_name)
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.as_deref() == Some("caf\u{FFFD}-clipping.txt")),
        "{names:?}"
    );
    drop(odd);
    assert_eq!(report.files.len(), paths.len(), "every file is in the report");
    assert_eq!(
        report.imported() + report.duplicates() + report.failed(),
        paths.len()
    );
}

#[cfg(unix)]
#[test]
fn a_folder_with_a_link_loop_is_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("clippings");
    std::fs::create_dir_all(folder.join("inner")).unwrap();
    std::fs::write(folder.join("inner/a.txt"), PROSE).unwrap();
    std::os::unix::fs::symlink(&folder, folder.join("inner/loop")).unwrap();
    let report = import(dir.path(), &[folder]);
    assert_eq!(report.files.len(), 1, "{report:#?}");
    assert_eq!(report.imported(), 1);
}

#[test]
fn a_saved_page_never_reaches_the_network() {
    use std::net::TcpListener;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let at = listener.local_addr().unwrap();
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>Local page</title>
        <link rel="stylesheet" href="http://{at}/style.css"><script src="http://{at}/app.js"></script>
        <meta property="og:image" content="http://{at}/og.png"></head>
        <body><img src="http://{at}/photo.jpg"><iframe src="http://{at}/frame"></iframe>
        <article><h1>Local page</h1><p>{PROSE}</p><p>{PROSE}</p></article>
        <object data="http://{at}/plugin"></object></body></html>"#
    );
    let (article, _) = folio::import::extract(page.as_bytes(), Some("page.html")).unwrap();
    assert!(article.body.contains("harbour wall"));
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(
        listener.accept().is_err(),
        "the extractor connected to the page's server"
    );
}

/// Runs `work` on a thread and fails the test if it has not finished in
/// `seconds`: a read that waits on a pipe would otherwise hang the suite.
fn within<T: Send + 'static>(seconds: u64, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    result
        .recv_timeout(std::time::Duration::from_secs(seconds))
        .expect("finished instead of hanging")
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_get_a_line_and_the_files_beside_them_import() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("clippings");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), PROSE).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(folder.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.txt")).unwrap();
    std::fs::write(
        folder.join("z.md"),
        format!("# A second one\n\n{PROSE} And again."),
    )
    .unwrap();
    let named = vec![folder.clone(), PathBuf::from("/dev/zero")];
    let lib = dir.path().to_path_buf();
    let report = within(30, move || import(&lib, &named));
    failed_with(&report, "pipe.txt", "not a regular file: a named pipe");
    failed_with(&report, "zero.txt", "not a regular file: a device");
    failed_with(&report, "/dev/zero", "not a regular file: a device");
    imported(&report, "a.txt");
    imported(&report, "z.md");
}

#[test]
fn a_folder_walk_gives_every_file_it_meets_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("downloads");
    std::fs::create_dir_all(folder.join("page_files")).unwrap();
    std::fs::create_dir_all(folder.join(".git")).unwrap();
    std::fs::write(folder.join("page_files/style.css"), "p {}").unwrap();
    std::fs::write(folder.join("a.txt"), PROSE).unwrap();
    std::fs::write(folder.join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(folder.join("README"), PROSE).unwrap();
    std::fs::write(folder.join(".DS_Store"), b"\0\0").unwrap();
    std::fs::write(folder.join("package.json"), br#"{"name": "x"}"#).unwrap();
    let report = import(dir.path(), &[folder]);
    imported(&report, "a.txt");
    for (name, words) in [
        ("photo.png", "not an article format (.png"),
        ("README", "not an article format (no file ending"),
        (".DS_Store", "a hidden file"),
        (".git", "a hidden folder"),
        ("page_files", "saved beside a page"),
    ] {
        match outcome_of(&report, name) {
            Outcome::Skipped { reason } => assert!(reason.contains(words), "{name}: {reason}"),
            other => panic!("{name} should be skipped ({words}), got {other:?}"),
        }
    }
    // Tried as an export, since a folder may hold one: left alone, said not to be one.
    match outcome_of(&report, "package.json") {
        Outcome::Skipped { reason } => assert!(reason.contains("nor an export Folio knows"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(report.files.len(), 7, "{report:#?}");
    assert!(
        report.summary_line().contains("6 skipped"),
        "{}",
        report.summary_line()
    );
}

#[test]
fn a_saved_page_that_mentions_time_added_is_an_article_not_a_pocket_export() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        format!(
            "<html><head><title>Harbour wall vote</title><script>var a={{\"time_added=\":1}}</script></head>\
             <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
             <article><h1>Harbour wall vote</h1><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
        ),
    )
    .unwrap();
    let report = import(dir.path(), &[page]);
    assert_eq!(report.files.len(), 1, "{report:#?}");
    match outcome_of(&report, "page.html") {
        Outcome::Imported { title, .. } => assert_eq!(title, "Harbour wall vote"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pocket_exports_keep_their_last_unclosed_link_and_an_empty_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("ril_export.html");
    std::fs::write(
        &export,
        "<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>\
         <li><a href=\"https://example.org/a\" time_added=\"1700000000\" tags=\"\">It&#039;s the harbour</a></li>\
         <li><a href=\"https://example.org/b\" time_added=\"1700000100\" tags=\"x\">Cut short",
    )
    .unwrap();
    let report = import(dir.path(), &[export]);
    assert_eq!(report.imported(), 2, "{report:#?}");
    assert!(
        report
            .files
            .iter()
            .any(|f| matches!(&f.outcome, Outcome::Imported { title, .. } if title == "It's the harbour")),
        "{report:#?}"
    );
    assert!(
        report
            .files
            .iter()
            .any(|f| matches!(&f.outcome, Outcome::Imported { title, .. } if title == "Cut short")),
        "{report:#?}"
    );

    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "[]").unwrap();
    let cut = dir.path().join("wallabag.json");
    std::fs::write(
        &cut,
        r#"[{"id": 1, "title": "A", "url": "https://example.org/a", "content": "<p>text</p>"}, {"id": 2, "tit"#,
    )
    .unwrap();
    let report = import(dir.path(), &[empty, cut]);
    failed_with(&report, "wallabag.json", "damaged or cut short");
    failed_with(&report, "wallabag.json", "line 1");
    assert_eq!(report.files.len(), 2, "{report:#?}");
}

#[cfg(unix)]
#[test]
fn set_text_and_extract_read_only_regular_files_within_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.sqlite");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, PROSE).unwrap();
    let pipe = dir.path().join("pipe.txt");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(60 * 1024 * 1024)
        .unwrap();
    let folio = move |args: Vec<PathBuf>| {
        let lib = lib.clone();
        within(30, move || {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
                .arg("--library")
                .arg(&lib)
                .args(&args)
                .output()
                .unwrap();
            (
                out.status.success(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
    };
    let (ok, text) = folio(vec!["import".into(), article]);
    assert!(ok, "{text}");
    for args in [
        vec![PathBuf::from("set-text"), "1".into(), pipe.clone()],
        vec!["extract".into(), pipe.clone()],
    ] {
        let (ok, text) = folio(args.clone());
        assert!(
            !ok && text.contains("not a regular file: a named pipe"),
            "{args:?}: {text}"
        );
    }
    let (ok, text) = folio(vec!["set-text".into(), "1".into(), big]);
    assert!(
        !ok && text.contains("too large (60 MB; the limit is 50 MB)"),
        "{text}"
    );
}
