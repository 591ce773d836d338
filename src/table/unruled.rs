//! Tables drawn without rules: columns from text alignment, rows from baselines.

use super::{PageTable, Settings};
use crate::geom::Rect;
use crate::layout::Word;
use crate::pdf::PagePrimitives;

/// Unruled tables among `words` (those not inside a ruled table), avoiding the `ruled` boxes.
pub fn tables(
    _page: &PagePrimitives,
    _words: &[Word],
    _ruled: &[Rect],
    _s: &Settings,
) -> Vec<PageTable> {
    Vec::new()
}
