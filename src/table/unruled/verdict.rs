//! Why a candidate region is not a table: the verdict of the unruled builder's chain, kept
//! so a person can see it (`primitives --svg` draws it over the region).

use serde::Serialize;
use std::fmt;

use crate::geom::Rect;

/// The step that turned a candidate region down, with the figures it judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rejected {
    /// The region has no lines below its header.
    TooFewLines,
    /// Fewer than two body lines have two or more segments to find columns from.
    TooFewAlignedLines,
    /// No white-space gutter separates columns (the gaps that line up are word spaces).
    NoGutter,
    /// Fewer than two body rows.
    FewBodyRows {
        /// Body rows found.
        rows: usize,
    },
    /// A list: the first column is mostly bullets or enumerators beside text.
    List {
        /// First-column cells that are markers.
        markers: usize,
        /// First-column cells.
        stubs: usize,
    },
    /// Prose: too many cells hold a run of words.
    Prose {
        /// Cells of running words.
        prose: usize,
        /// Cells with text.
        cells: usize,
    },
    /// Running text set in page columns.
    RunningText,
    /// A chart's axis labels: grid lines run through the text.
    ChartGridLines,
    /// A chart's axis labels: tick marks inside the region.
    ChartTicks {
        /// Tick marks found.
        ticks: usize,
    },
    /// Text in one column only.
    OneColumn,
    /// Too few slots hold text.
    Sparse {
        /// Slots with text.
        filled: usize,
        /// Slots in all.
        slots: usize,
    },
    /// Row boundaries could not be placed between the rows.
    RowBoundaries,
}

impl Rejected {
    /// The stable snake_case name of the reason.
    pub fn code(&self) -> &'static str {
        match self {
            Rejected::TooFewLines => "too_few_lines",
            Rejected::TooFewAlignedLines => "too_few_aligned_lines",
            Rejected::NoGutter => "no_gutter",
            Rejected::FewBodyRows { .. } => "few_body_rows",
            Rejected::List { .. } => "list",
            Rejected::Prose { .. } => "prose",
            Rejected::RunningText => "running_text",
            Rejected::ChartGridLines => "chart_grid_lines",
            Rejected::ChartTicks { .. } => "chart_ticks",
            Rejected::OneColumn => "one_column",
            Rejected::Sparse { .. } => "sparse",
            Rejected::RowBoundaries => "row_boundaries",
        }
    }
}

/// The reason in words.
impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::TooFewLines => write!(f, "no lines under the header"),
            Rejected::TooFewAlignedLines => {
                write!(f, "fewer than two body lines with several segments")
            }
            Rejected::NoGutter => write!(f, "no gutter separates columns"),
            Rejected::FewBodyRows { rows } => write!(f, "{rows} body row(s), two needed"),
            Rejected::List { markers, stubs } => {
                write!(f, "a list: {markers} of {stubs} first cells are markers")
            }
            Rejected::Prose { prose, cells } => {
                write!(f, "prose: {prose} of {cells} cells are runs of words")
            }
            Rejected::RunningText => write!(f, "running text in page columns"),
            Rejected::ChartGridLines => write!(f, "a chart: grid lines run through the text"),
            Rejected::ChartTicks { ticks } => write!(f, "a chart: {ticks} tick marks"),
            Rejected::OneColumn => write!(f, "text in one column only"),
            Rejected::Sparse { filled, slots } => {
                write!(f, "sparse: {filled} of {slots} slots hold text")
            }
            Rejected::RowBoundaries => write!(f, "row boundaries out of order"),
        }
    }
}

/// A candidate region the unruled builder turned down.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RejectedRegion {
    /// The page.
    pub page: u32,
    /// The box around the region's lines.
    pub bbox: Rect,
    /// Why.
    pub reason: Rejected,
}
