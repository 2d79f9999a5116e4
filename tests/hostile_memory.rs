//! Reading a hostile page takes memory in proportion to its size. This is
//! the only test of its binary, so the process's peak is this page's.

#[path = "common/memory.rs"]
mod memory;

#[test]
fn a_page_of_five_million_stray_angle_brackets_reads_in_little_memory() {
    // Each stray `<` is a parse error, and the parser's tree kept a message
    // for each: 1.9 GB for 10 MB of them.
    let prose = "The council voted on Tuesday to rebuild the harbour wall, a project that has been \
                 delayed for more than a decade by arguments over its cost.";
    let page = format!(
        "<!DOCTYPE html><html><head><title>Harbour wall</title></head><body>\
         <article><h1>Harbour wall</h1><p>{prose}</p><p>{prose}</p></article><div>{}</div></body></html>",
        "<".repeat(5_000_000)
    );
    let (article, _) = folio::import::read_fields(page.as_bytes(), Some("page.html")).unwrap();
    assert!(
        article.body.contains(prose),
        "{}",
        &article.body[..article.body.len().min(200)]
    );
    let Some(peak) = memory::peak_resident_bytes() else {
        return;
    };
    println!(
        "peak memory {} MB for a page of {} MB",
        peak >> 20,
        page.len() >> 20
    );
    // The page, its text and its tree, a few times over: not hundreds of megabytes.
    let limit = 40 * page.len() as u64;
    assert!(
        peak < limit,
        "peak memory {} MB for a page of {} MB",
        peak >> 20,
        page.len() >> 20
    );
}
