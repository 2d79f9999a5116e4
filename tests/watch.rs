//! A watched folder, driven as a user drives it: `folio watch FOLDER` runs
//! while 200 files land there the ways files land (saved at once, written
//! slowly in chunks, downloaded under a temporary name and renamed, moved
//! in from elsewhere); each is imported exactly once, and renaming or
//! moving them about afterwards imports nothing more.

use folio::devtools::generate::{Articles, Plan, as_clipping};
use folio::library::{Filter, Library};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const FILES: usize = 200;

/// The watch as a child process, its output lines gathered as they come.
struct Watching {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
    errors: Arc<Mutex<Vec<String>>>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn gather(stream: impl std::io::Read + Send + 'static) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let into = lines.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            into.lock().unwrap().push(line);
        }
    });
    lines
}

impl Watching {
    fn start(library: &Path, folder: Option<&Path>) -> Watching {
        let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
        command.arg("--library").arg(library).arg("watch");
        if let Some(folder) = folder {
            command.arg(folder);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = gather(child.stdout.take().unwrap());
        let errors = gather(child.stderr.take().unwrap());
        let watching = Watching { child, lines, errors };
        watching.wait_until("the watch to start", |w| {
            w.errors.lock().unwrap().iter().any(|l| l.contains("watching"))
        });
        watching
    }

    fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Waits until `done` holds. A guard against a hang, not a measure of
    /// speed: on a machine busy with builds the watch can take a while.
    fn wait_until(&self, what: &str, done: impl Fn(&Watching) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(180);
        while Instant::now() < deadline {
            if done(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "timed out waiting for {what}; output so far:\n{}\n{}",
            self.lines().join("\n"),
            self.errors.lock().unwrap().join("\n")
        );
    }

    fn imported(&self) -> usize {
        self.lines().iter().filter(|l| l.contains(": imported #")).count()
    }
}

/// How a file lands in the folder.
#[derive(Clone, Copy)]
enum Landing {
    AtOnce,
    /// Written in chunks with pauses shorter than the watch's patience.
    Slowly,
    /// Written under a download's temporary name, renamed when complete.
    Renamed(&'static str),
    /// Written in another folder, moved in whole.
    MovedIn,
}

fn land(folder: &Path, elsewhere: &Path, name: &str, text: &str, landing: Landing) {
    let target = folder.join(name);
    match landing {
        Landing::AtOnce => std::fs::write(&target, text).unwrap(),
        Landing::Slowly => {
            let mut file = std::fs::File::create(&target).unwrap();
            let bytes = text.as_bytes();
            let chunk = bytes.len().div_ceil(4);
            for part in bytes.chunks(chunk) {
                file.write_all(part).unwrap();
                file.flush().unwrap();
                std::thread::sleep(Duration::from_millis(250));
            }
        }
        Landing::Renamed(temporary) => {
            let partial = match temporary {
                "hidden" => folder.join(format!(".{name}")),
                ending => folder.join(format!("{name}{ending}")),
            };
            let mut file = std::fs::File::create(&partial).unwrap();
            let (first, rest) = text.as_bytes().split_at(text.len() / 2);
            file.write_all(first).unwrap();
            file.flush().unwrap();
            // Longer than the watch waits for a file to settle: only the
            // name says this one is not finished.
            std::thread::sleep(Duration::from_millis(1500));
            file.write_all(rest).unwrap();
            drop(file);
            std::fs::rename(&partial, &target).unwrap();
        }
        Landing::MovedIn => {
            let outside = elsewhere.join(name);
            std::fs::write(&outside, text).unwrap();
            std::fs::rename(&outside, &target).unwrap();
        }
    }
}

/// The 200 files: names, texts, and how each lands.
fn files() -> Vec<(String, String, Landing)> {
    let mut articles = Articles::new(&Plan {
        articles: FILES,
        seed: 22,
        tags: 10,
    });
    let renamings = [".part", ".crdownload", "~", "hidden"];
    (0..FILES)
        .map(|i| {
            let (article, _) = articles.next_article();
            let landing = match i % 5 {
                0 | 1 => Landing::AtOnce,
                2 => Landing::Slowly,
                3 => Landing::Renamed(renamings[(i / 5) % renamings.len()]),
                _ => Landing::MovedIn,
            };
            let (name, text) = if i % 2 == 0 {
                (format!("clipping-{i:03}.txt"), as_clipping(&article))
            } else {
                let text = format!(
                    "---\ntitle: \"{}\"\nsource: {}\n---\n\n{}\n",
                    article.title.as_deref().unwrap_or("").replace('"', "'"),
                    article.source.as_deref().unwrap_or(""),
                    article.body
                );
                (format!("note-{i:03}.md"), text)
            };
            (name, text, landing)
        })
        .collect()
}

#[test]
fn two_hundred_files_landing_every_way_are_each_imported_once() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let folder = dir.path().join("clippings");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    let watching = Watching::start(&library, Some(&folder));

    let files = files();
    // Files land together, as a busy downloads folder sees them: the
    // slow and renamed ones overlap the rest.
    std::thread::scope(|scope| {
        for batch in files.chunks(20) {
            let (folder, elsewhere) = (&folder, &elsewhere);
            scope.spawn(move || {
                for (name, text, landing) in batch {
                    land(folder, elsewhere, name, text, *landing);
                }
            });
        }
    });
    watching.wait_until("every file imported", |w| w.imported() >= FILES);

    // Moved about afterwards: renamed in place, moved out and back in.
    for (name, _, _) in files.iter().take(10) {
        std::fs::rename(folder.join(name), folder.join(format!("renamed-{name}"))).unwrap();
    }
    for (name, _, _) in files.iter().skip(10).take(5) {
        std::fs::rename(folder.join(name), elsewhere.join(name)).unwrap();
        std::fs::rename(elsewhere.join(name), folder.join(name)).unwrap();
    }
    // A fresh file after them all: once it is in, the moves before it
    // have been looked at too (the watch hands over in order of settling).
    let (last, _) = Articles::new(&Plan {
        articles: 1,
        seed: 2022,
        tags: 1,
    })
    .next_article();
    std::fs::write(folder.join("last.txt"), as_clipping(&last)).unwrap();
    watching.wait_until("the last file", |w| {
        w.lines().iter().any(|l| l.contains("last.txt"))
    });
    std::thread::sleep(folio::ingest::watch::SETTLE * 3);

    let lines = watching.lines();
    drop(watching);
    for (name, _, _) in &files {
        let about: Vec<&String> = lines
            .iter()
            .filter(|l| Path::new(l.split(": ").next().unwrap()).file_name() == Some(name.as_ref()))
            .collect();
        assert_eq!(about.len(), 1, "{name}: {about:?}");
        assert!(about[0].contains(": imported #"), "{}", about[0]);
    }
    assert!(
        !lines.iter().any(|l| l.contains("renamed-")),
        "a renamed file is not imported again: {lines:#?}"
    );
    assert_eq!(lines.len(), FILES + 1, "one line per file: {lines:#?}");
    let library = Library::open(&library).unwrap();
    assert_eq!(library.count(&Filter::default()).unwrap(), FILES + 1);
}

#[test]
fn a_restarted_watch_takes_what_landed_meanwhile_and_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let folder = dir.path().join("clippings");
    std::fs::create_dir_all(&folder).unwrap();
    let mut articles = Articles::new(&Plan {
        articles: 3,
        seed: 5,
        tags: 1,
    });
    let mut clipping = || as_clipping(&articles.next_article().0);
    std::fs::write(folder.join("before.txt"), clipping()).unwrap();
    std::fs::write(folder.join("holiday.jpg"), b"\xff\xd8\xff\xe0 not an article").unwrap();
    let watching = Watching::start(&library, Some(&folder));
    watching.wait_until("the file already there", |w| w.imported() == 1);
    drop(watching);

    // Landed while nothing watched; the one from before renamed.
    std::fs::write(folder.join("meanwhile.txt"), clipping()).unwrap();
    std::fs::rename(folder.join("before.txt"), folder.join("before-renamed.txt")).unwrap();
    // The library remembers no folder from the command line: named again.
    let watching = Watching::start(&library, Some(&folder));
    watching.wait_until("the file that landed meanwhile", |w| w.imported() == 1);
    std::fs::write(folder.join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    watching.wait_until("a word on the picture", |w| w.lines().len() == 2);
    // Changed, it is the same picture: said once.
    std::fs::write(folder.join("photo.png"), b"\x89PNG\r\n\x1a\n, edited").unwrap();
    std::thread::sleep(folio::ingest::watch::SETTLE * 3);
    let lines = watching.lines();
    drop(watching);
    assert!(lines[0].contains("meanwhile.txt: imported #2"), "{lines:?}");
    assert!(
        lines[1].contains("photo.png: skipped: not an article format"),
        "a file landing while watched is accounted for: {lines:?}"
    );
    assert_eq!(
        lines.len(),
        2,
        "the picture found at the start is not listed: {lines:?}"
    );
}

#[test]
fn without_a_folder_the_watch_says_how_to_name_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--library")
        .arg(dir.path().join("lib.sqlite"))
        .args(["watch"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("watches no folder yet: name one (folio watch FOLDER)"),
        "{said}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--library")
        .arg(dir.path().join("lib.sqlite"))
        .arg("watch")
        .arg(dir.path().join("nowhere"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("nowhere cannot be watched"), "{said}");
}

#[test]
fn without_a_folder_named_the_watch_takes_the_one_the_library_remembers() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib.sqlite");
    let folder = dir.path().join("remembered");
    std::fs::create_dir_all(&folder).unwrap();
    {
        let mut library = Library::open(&library).unwrap();
        library
            .set_watched_folder(Some(&folio::library::WatchedFolder {
                path: folder.clone(),
                paused: true,
            }))
            .unwrap();
    }
    let watching = Watching::start(&library, None);
    let said = watching.errors.lock().unwrap().join("\n");
    assert!(said.contains(&format!("watching {}", folder.display())), "{said}");
    std::fs::write(
        folder.join("one.txt"),
        as_clipping(
            &Articles::new(&Plan {
                articles: 1,
                seed: 9,
                tags: 1,
            })
            .next_article()
            .0,
        ),
    )
    .unwrap();
    watching.wait_until("the file", |w| w.imported() == 1);
}
