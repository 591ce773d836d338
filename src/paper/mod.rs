//! The `paper` stage: the domain of board papers. So far: reading a milestone's status word and
//! timescale from its printed text.

pub mod document;
pub mod milestone;
pub mod model;
pub mod plan;
pub mod profile;
pub mod report;
pub mod warning;

use crate::layout;
use crate::pdf::PagePrimitives;
use crate::table::Table;

/// Read the plans in `tables`, taking each plan's caption (title, version) from the text
/// printed just above its first table.
pub fn read_plans(
    pages: &[PagePrimitives],
    tables: &[Table],
) -> (Vec<model::Plan>, Vec<plan::Unplaced>) {
    read_plans_with(pages, tables, &profile::Profile::default())
}

/// [`read_plans`] for a template described by a profile.
pub fn read_plans_with(
    pages: &[PagePrimitives],
    tables: &[Table],
    profile: &profile::Profile,
) -> (Vec<model::Plan>, Vec<plan::Unplaced>) {
    let settings = layout::Settings::default();
    let caption = |page: u32, top: f64| -> Option<String> {
        let p = pages.iter().find(|p| p.info.number == page)?;
        let lines = layout::lines(&p.glyphs, &settings);
        // The caption: the lines of the block nearest above the table (within three lines).
        let above: Vec<&layout::Line> = lines
            .iter()
            .filter(|l| l.bbox.bottom <= top + 1.0)
            .collect();
        let nearest = above
            .iter()
            .map(|l| l.bbox.bottom)
            .fold(f64::NEG_INFINITY, f64::max);
        let height = above
            .iter()
            .find(|l| l.bbox.bottom == nearest)?
            .bbox
            .height()
            .max(1.0);
        if top - nearest > 3.0 * height {
            return None;
        }
        let mut block: Vec<&&layout::Line> = above
            .iter()
            .filter(|l| nearest - l.bbox.bottom < 0.5 * height)
            .collect();
        block.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        Some(block.iter().map(|l| l.text()).collect::<Vec<_>>().join(" "))
    };
    plan::plans(tables, &caption, profile)
}
