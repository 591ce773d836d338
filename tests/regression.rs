//! Regressions, each holding the input that once broke us.

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
