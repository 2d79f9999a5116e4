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
