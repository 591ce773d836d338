//! Regressions, each holding the input that once broke us.

use boardpaper::layout;
use boardpaper::pdf::{Document, OpenOptions};

use crate::common::fixture;

/// Issue 2 (found by tests/mutation.rs): a page-tree node with `/Count 4294967295` made
/// lopdf's page iterator ask for a 51 GB allocation and abort the process. The page list is
/// now collected with a bound, so the file opens and its pages read.
#[test]
fn issue_2_hostile_page_tree_count_does_not_abort() {
    let doc = Document::open(
        &fixture("regression/page-tree-count-4294967295.pdf"),
        &OpenOptions::default(),
    )
    .expect("the damaged tree still holds readable pages");
    assert!(
        doc.page_count() >= 1 && doc.page_count() <= 21,
        "{}",
        doc.page_count()
    );
    let first = doc.page(1).expect("page 1 reads");
    assert!(!first.glyphs.is_empty());
}

/// Found by fuzz/ (target open_interpret, input kept as
/// `fixtures/regression/fuzz-layout-text-far-off-page.pdf`): page 3 draws words at
/// x = 5.8e8 pt, and `layout_text` padded each line with spaces up to that column (about
/// 100 million per line) until allocation failed and the process aborted (`text --layout`
/// exited 134). Columns are now capped, so the page lays out in bounded space.
#[test]
fn fuzz_layout_text_far_off_page_does_not_abort() {
    let doc = Document::open(
        &fixture("regression/fuzz-layout-text-far-off-page.pdf"),
        &OpenOptions::default(),
    )
    .expect("the fuzzed file opens");
    let page = doc.page(3).expect("page 3 reads");
    let far = page.glyphs.iter().filter(|g| g.bbox.x0 > 1e8).count();
    assert!(far > 100, "the far-off glyphs are still reported: {far}");
    let text = layout::layout_text(&page.glyphs, &layout::Settings::default());
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 10_000, "longest line: {longest} characters");
    assert!(text.contains("ratin"), "the far-off words are kept: {text}");
}
