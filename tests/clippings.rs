//! Each clipping under tests/fixtures/clippings, and each saved page under
//! tests/fixtures/pages, comes with the fields a user would expect Folio to
//! find; the seed clipping from ../shared is read too.

use folio::import::extract;
use serde_json::Value;
use std::path::Path;

fn check(path: &Path, expected: &Value) -> Vec<String> {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let name = path.file_name().and_then(|n| n.to_str());
    let (article, _) = match extract(&bytes, name) {
        Ok(found) => found,
        Err(e) => return vec![format!("{}: failed: {e}", path.display())],
    };
    let got = article.to_json();
    let mut problems = Vec::new();
    let expected = expected.as_object().expect("expected file holds an object");
    for (field, want) in expected {
        let body = got["body"].as_str().unwrap_or("");
        let ok = match field.as_str() {
            "body_starts" => body.starts_with(want.as_str().unwrap_or("")),
            "body_ends" => body.ends_with(want.as_str().unwrap_or("")),
            "body_excludes" => want
                .as_array()
                .into_iter()
                .flatten()
                .all(|w| !body.contains(w.as_str().unwrap_or(""))),
            _ => &got[field] == want,
        };
        if !ok {
            let shown = match field.as_str() {
                "body_starts" | "body_ends" | "body_excludes" => {
                    Value::String(body.chars().take(300).collect())
                }
                _ => got[field].clone(),
            };
            problems.push(format!(
                "{}: {field}: expected {want}, got {shown}",
                path.display()
            ));
        }
    }
    problems
}

#[test]
fn own_clippings_extract_as_expected() {
    // `clippings` is the small library many tests import; `text_copies`
    // holds the clippings written for one rule each of the text reader.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut paths: Vec<_> = ["clippings", "text_copies"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap()).unwrap();
        problems.extend(check(path, &expected));
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} fixtures found");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Pages we wrote in the shapes news sites use (menus, share bars, "most
/// read", comments, a legacy encoding), none of them seen by the extractors'
/// authors: the fairest small check of how saved pages are read.
#[test]
fn own_saved_pages_extract_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut problems = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            let expected: Value =
                serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap()).unwrap();
            problems.extend(check(&path, &expected));
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} pages found");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn seed_editorial_extracts_exactly() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_deebf3aef80def1e.txt");
    let expected = serde_json::json!({
        "title": "Japan, U.S. must seize chance of Kim’s offer of talks with South",
        "kind": "editorial",
        "published": "2018-01-05T13:50:00",
        "source": "The Asahi Shimbun",
        "section": "International",
        "region": "East Asia & Pacific",
        "language": "en",
        "body_starts": "North Korea’s abrupt proposal",
        "body_ends": "seeking dialogue with them as well.",
        "body_excludes": ["PRINT", "English Press", "Ambassador", "Trending"],
    });
    let problems = check(&seed, &expected);
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    let bytes = std::fs::read(&seed).unwrap();
    let (article, _) = extract(&bytes, None).unwrap();
    for country in ["North Korea", "South Korea", "Japan", "United States"] {
        assert!(
            article.countries.iter().any(|c| c == country),
            "{:?}",
            article.countries
        );
    }
}

#[test]
fn legacy_encodings_and_utf16_read_the_same() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clippings");
    let japanese = std::fs::read_to_string(dir.join("toyo_shasetsu_ja.txt")).unwrap();
    let french = std::fs::read_to_string(dir.join("quotidien_editorial_fr.txt")).unwrap();
    let korean = "[사설] 대화의 기회를 놓치지 말아야\n\n2018년 1월 5일\n\n\
                  북한이 남북 대화를 제안했다. 정부는 신중하면서도 적극적으로 대응해야 하며, 미국과 일본과의 공조도 유지해야 한다.\n\n\
                  대화는 비핵화로 가는 첫걸음이 되어야 한다. 제재의 틀을 흔들지 않으면서 평화의 길을 찾는 지혜가 필요하다.\n";
    let chinese = "社论：抓住对话的机会\n\n2018年1月5日\n\n\
                   朝鲜突然提出与韩国举行对话，这一提议值得欢迎，但也需要保持谨慎，仔细观察其真实意图。\n\n\
                   各方应当保持密切沟通，在不削弱制裁效果的前提下，推动半岛无核化迈出实质性的一步。\n";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "Shift_JIS",
            encoding_rs::SHIFT_JIS.encode(&japanese).0.into_owned(),
            "南北対話の機会を生かせ",
        ),
        (
            "EUC-KR",
            encoding_rs::EUC_KR.encode(korean).0.into_owned(),
            "대화의 기회를 놓치지 말아야",
        ),
        (
            "gb18030",
            encoding_rs::GB18030.encode(chinese).0.into_owned(),
            "抓住对话的机会",
        ),
        (
            "windows-1252",
            encoding_rs::WINDOWS_1252.encode(&french).0.into_owned(),
            "Le dialogue entre Berlin et Varsovie ne doit pas s'éteindre",
        ),
        (
            "UTF-16LE",
            [0xFF, 0xFE]
                .into_iter()
                .chain(french.encode_utf16().flat_map(|u| u.to_le_bytes()))
                .collect(),
            "Le dialogue entre Berlin et Varsovie ne doit pas s'éteindre",
        ),
        (
            "UTF-8 with BOM",
            b"\xEF\xBB\xBF".iter().copied().chain(french.bytes()).collect(),
            "Le dialogue entre Berlin et Varsovie ne doit pas s'éteindre",
        ),
    ];
    for (encoding, bytes, title) in cases {
        let (article, _) = extract(&bytes, None).unwrap_or_else(|e| panic!("{encoding}: {e}"));
        assert_eq!(article.title.as_deref(), Some(title), "{encoding}");
        let year = article.published.map(|p| chrono::Datelike::year(&p.date));
        assert_eq!(year, Some(2018), "{encoding}");
    }
}

#[test]
fn the_sample_library_clippings_all_read_well() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let (article, _) = extract(&std::fs::read(&path).unwrap(), None).unwrap();
        let name = path.display();
        assert!(article.title.is_some(), "{name}: no title");
        assert!(article.published.is_some(), "{name}: no date");
        assert!(article.source.is_some(), "{name}: no source");
        assert!(article.language.is_some(), "{name}: no language");
        assert_eq!(article.body.split("\n\n").count(), 3, "{name}: {}", article.body);
        assert!(!article.body.contains("Most read"), "{name}");
        checked += 1;
    }
    assert_eq!(checked, 16);
}

/// An article about one country belongs to that country's region, however
/// seldom it names it: the region agrees with the countries found.
#[test]
fn an_article_naming_its_country_once_is_filed_in_its_region() {
    let text = "The budget cannot wait for spring\n\n\
        By the editorial board\n\n\
        The government presented its spending plan to parliament on Tuesday, and the deputies \
        of every group found something in it to dislike.\n\n\
        France has promised its partners to bring the deficit down, and this plan is the first test of \
        that promise; the ministers say the cuts will fall on administration, not on schools.\n\n\
        The opposition answers that the sums do not add up, and that the promise will be broken by \
        the autumn, as the last two were.\n";
    let (article, _) = extract(text.as_bytes(), Some("budget.txt")).unwrap();
    assert_eq!(article.countries, ["France"]);
    assert_eq!(article.region.as_deref(), Some("Europe & Central Asia"));
}
