//! PDF documents: a clipping printed to PDF reads like the clipping, a
//! folder's PDFs are imported with the original kept, and broken or hostile
//! PDFs (cut short, encrypted, scanned, empty, bombs) are each reported
//! with their reason, quickly.

use folio::import::{ExtractError, extract, read_article};
use folio::ingest::pipeline::{Outcome, import_paths};
use folio::library::{Filter, Library};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;
use std::time::Duration;

fn fixture() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/harbour_editorial_en.pdf");
    std::fs::read(path).unwrap()
}

/// A PDF made of `objects` (numbered from 1: the catalog, then the page
/// tree), with a correct cross-reference table; `trailer` adds entries to
/// the trailer.
fn pdf(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

fn stream(dict: &str, content: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", content.len()).into_bytes();
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream");
    out
}

/// Text drawn in Helvetica at `size`, one `(x, y, text)` at a time; `y`
/// from the bottom of an A4 page, as PDF counts.
fn text_ops(size: f64, runs: &[(f64, f64, &str)]) -> String {
    runs.iter()
        .map(|(x, y, text)| format!("BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n"))
        .collect()
}

/// A document of text pages, each page's content given as drawing operators.
fn text_pdf(pages: &[String]) -> Vec<u8> {
    let first_page = 4;
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    for (i, content) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                first_page + 2 * i + 1
            )
            .into_bytes(),
        );
        objects.push(stream("", content.as_bytes()));
    }
    pdf(&objects, "")
}

/// Reads `bytes` on a thread and gives up after a generous while: a read
/// that hangs fails the test instead of stalling it.
fn extract_within_a_minute(bytes: Vec<u8>) -> Result<String, String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let result = extract(&bytes, Some("document.pdf"))
            .map(|(article, _)| article.body)
            .map_err(|e| e.to_string());
        let _ = send.send(result);
    });
    receive
        .recv_timeout(Duration::from_secs(60))
        .expect("the read finished")
}

fn refused_with(bytes: Vec<u8>, words: &str) {
    match extract_within_a_minute(bytes) {
        Err(reason) => assert!(reason.contains(words), "expected {words:?}, got {reason:?}"),
        Ok(body) => panic!("expected a refusal ({words}), got a body: {body:.200}"),
    }
}

#[test]
fn a_clipping_printed_to_pdf_reads_like_the_clipping() {
    let article = read_article(fixture(), Some("harbour_editorial_en.pdf".into())).unwrap();
    let meta = &article.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Port strike must end before the harvest ships arrive")
    );
    assert_eq!(meta.source.as_deref(), Some("The Harbour Herald"));
    assert_eq!(meta.published.unwrap().date.to_string(), "2018-04-26");
    assert!(
        meta.body.starts_with("The strike at the container terminal"),
        "{}",
        meta.body
    );
    assert!(
        meta.body.ends_with("reputation of the port abroad."),
        "{}",
        meta.body
    );
    // The printer's header (date, file name) and footer (address, page
    // number), and the page's own furniture, are not the article.
    for furniture in [
        "file://",
        "1/1",
        "Related articles",
        "Copyright",
        "harbour_editorial_en.txt",
    ] {
        assert!(!meta.body.contains(furniture), "{furniture} in {}", meta.body);
    }
    assert_eq!(article.original.format, "pdf");
    assert_eq!(article.original.bytes, fixture());
}

#[test]
fn a_page_printed_from_the_web_keeps_its_address_and_its_site_s_name() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/gaceta_agua_printed.pdf");
    let bytes = std::fs::read(path).unwrap();
    let meta = read_article(bytes, Some("gaceta_agua_printed.pdf".into()))
        .unwrap()
        .meta;
    // The browser's footer names the page's address; its title, the site.
    assert_eq!(
        meta.url.as_deref(),
        Some("http://gaceta-sur.example/opinion/2024/03/12/el-agua-de-todos.html")
    );
    assert_eq!(
        meta.title.as_deref(),
        Some("El agua de todos no puede esperar otra legislatura")
    );
    assert_eq!(meta.source.as_deref(), Some("Gaceta Sur Digital"));
    // The page shows no date; its address does.
    assert_eq!(meta.published.map(|p| p.to_iso()).as_deref(), Some("2024-03-12"));
    assert!(
        meta.body.starts_with("La sequía de este invierno"),
        "{}",
        meta.body
    );
    assert!(!meta.body.contains("gaceta-sur.example"), "{}", meta.body);
}

#[test]
fn a_folder_with_a_pdf_imports_it_and_keeps_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("downloads");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("Port strike.pdf"), fixture()).unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite")).unwrap();
    let report = import_paths(&mut library, &[folder], &AtomicBool::new(false), |_, _| {}).unwrap();
    assert_eq!(report.files.len(), 1, "{report:#?}");
    let Outcome::Imported { id, title } = &report.files[0].outcome else {
        panic!("not imported: {report:#?}");
    };
    assert_eq!(title, "Port strike must end before the harvest ships arrive");
    assert_eq!(library.count(&Filter::default()).unwrap(), 1);
    let (name, bytes) = library.original(*id).unwrap().expect("the original is kept");
    assert_eq!(name.as_deref(), Some("Port strike.pdf"));
    assert_eq!(bytes, fixture());
}

#[test]
fn columns_are_read_in_order_and_running_lines_and_broken_words_are_mended() {
    let left = "The council voted on Tuesday to rebuild the har-";
    let page = |n: usize, columns: [[&str; 3]; 2]| {
        let mut ops = text_ops(9.0, &[(40.0, 815.0, "The Harbour Herald - printed 6 December")]);
        ops += &text_ops(9.0, &[(40.0, 20.0, &format!("Page {n} of 2"))]);
        for (c, lines) in columns.iter().enumerate() {
            let x = 40.0 + c as f64 * 270.0;
            let runs: Vec<(f64, f64, &str)> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| (x, 760.0 - i as f64 * 14.0, *l))
                .collect();
            ops += &text_ops(11.0, &runs);
        }
        ops
    };
    let bytes = text_pdf(&[
        page(
            1,
            [
                [
                    left,
                    "bour wall, a project delayed for a",
                    "decade by arguments over its cost.",
                ],
                [
                    "Residents said they were relieved,",
                    "though the price of the works is",
                    "still a matter of fierce debate.",
                ],
            ],
        ),
        page(
            2,
            [
                [
                    "Construction is due to begin in the",
                    "spring, weather permitting, and will",
                    "take about two years to finish.",
                ],
                [
                    "Several councillors abstained in the",
                    "vote, saying the plan had not been",
                    "costed with enough care at all.",
                ],
            ],
        ),
    ]);
    let body = extract_within_a_minute(bytes).unwrap();
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        vec![
            "The council voted on Tuesday to rebuild the harbour wall, a project delayed for a decade by arguments over its cost.",
            "Residents said they were relieved, though the price of the works is still a matter of fierce debate.",
            "Construction is due to begin in the spring, weather permitting, and will take about two years to finish.",
            "Several councillors abstained in the vote, saying the plan had not been costed with enough care at all.",
        ],
        "{body}"
    );
}

#[test]
fn a_pdf_cut_short_is_reported_as_damaged() {
    let whole = fixture();
    for keep in [whole.len() / 2, 40, 9] {
        refused_with(whole[..keep].to_vec(), "PDF document");
    }
}

#[test]
fn an_encrypted_pdf_is_reported_as_encrypted() {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        stream("", b"\x8a\x1f\x03\x99\x42\x10\x77"),
    ];
    let hex32 = "0123456789ABCDEF".repeat(4);
    objects.push(
        format!("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{hex32}> /U <{hex32}> >>")
            .into_bytes(),
    );
    let bytes = pdf(
        &objects,
        "/Encrypt 5 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]",
    );
    refused_with(bytes, "encrypted");
}

#[test]
fn a_scanned_pdf_is_reported_as_having_no_text_layer() {
    let pixels = vec![0x80u8; 200 * 100];
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream("", b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        stream("/Type /XObject /Subtype /Image /Width 200 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8", &pixels),
    ];
    refused_with(pdf(&objects, ""), "no text layer: scanned pages are not read");
}

#[test]
fn a_pdf_of_no_pages_is_reported() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ];
    refused_with(pdf(&objects, ""), "has no pages");
}

#[test]
fn bombs_are_refused_quickly_with_a_reason() {
    // Arrays nested a hundred thousand deep.
    let mut deep = b"<< /Type /Catalog /Pages 2 0 R /Junk ".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend(std::iter::repeat_n(b']', 100_000));
    deep.extend_from_slice(b" >>");
    refused_with(
        pdf(&[deep, b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec()], ""),
        "PDF document",
    );

    // A drawing that draws itself.
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream("", b"/Fm1 Do"),
        stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Fm1 5 0 R >> >>", b"/Fm1 Do"),
    ];
    refused_with(pdf(&objects, ""), "too complex");

    // A page whose compressed content unpacks to 320 MB of zeros: made of
    // one compressed megabyte repeated, each piece flushed to stand alone.
    let mut packer = flate2::Compress::new(flate2::Compression::best(), true);
    let mut piece = Vec::with_capacity(1 << 20);
    packer
        .compress_vec(&vec![0u8; 1 << 20], &mut piece, flate2::FlushCompress::Full)
        .unwrap();
    let header = piece[..2].to_vec();
    let body = piece[2..].to_vec();
    let mut packed = header;
    for _ in 0..320 {
        packed.extend_from_slice(&body);
    }
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        stream("/Filter /FlateDecode", &packed),
    ];
    refused_with(pdf(&objects, ""), "unpack to more than");
}

#[test]
fn the_reasons_name_the_file_as_a_pdf() {
    // What the import report shows, word for word.
    let err = extract(b"%PDF-1.4\n", Some("x.pdf")).unwrap_err();
    assert!(matches!(err, ExtractError::Pdf(_)), "{err:?}");
    assert!(
        err.to_string().starts_with("the PDF document is damaged"),
        "{err}"
    );
}
