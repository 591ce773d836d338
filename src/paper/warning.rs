//! Recoverable trouble in the paper stage: plan rows the model cannot place, tables that
//! look like a plan no header synonym recognises, and a report's title block holding no title.

use std::fmt;

use super::plan::Unplaced;
pub use super::plan::UnplacedRow;

/// A warning from the paper stage; always about one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The page.
    pub page: u32,
    /// What happened.
    pub kind: WarningKind,
}

/// Kinds of paper warnings.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum WarningKind {
    /// A row of a plan table the model could not place.
    UnplacedRow(UnplacedRow),
    /// The document has a table big enough for a plan, but no plan was recognised in it (a plan
    /// whose headers no synonym knows needs a profile).
    NoPlanFound {
        /// The table's rows.
        rows: usize,
        /// Its columns.
        columns: usize,
        /// The texts of its first row, whitespace collapsed.
        headers: Vec<String>,
        /// Every candidate table and why it was not taken for a plan.
        refusals: Vec<String>,
    },
    /// The covering report's title block holds no title (only a time, or an address): the
    /// title is null, and this keeps what was printed.
    TitleRejected {
        /// The title block's text as printed.
        text: String,
        /// Why it is no title ("only a time").
        reason: &'static str,
    },
}

impl WarningKind {
    /// The stable snake_case name every output carries (`unplaced_row`, `no_plan_found`).
    pub fn code(&self) -> &'static str {
        match self {
            // The row is placed; one of its cells was read under one role only.
            WarningKind::UnplacedRow(UnplacedRow::MergedAcross { .. }) => "merged_across_roles",
            WarningKind::UnplacedRow(_) => "unplaced_row",
            WarningKind::NoPlanFound { .. } => "no_plan_found",
            WarningKind::TitleRejected { .. } => "title_rejected",
        }
    }
}

/// What happened, in words, without the page.
impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningKind::UnplacedRow(row) => row.fmt(f),
            WarningKind::NoPlanFound {
                rows,
                columns,
                headers,
                refusals,
            } => {
                write!(
                    f,
                    "a table of {rows} rows and {columns} columns (headers {headers:?}), but no \
                     plan was found; a profile (--profile) can name its columns"
                )?;
                for r in refusals {
                    write!(f, "; {r}")?;
                }
                Ok(())
            }
            WarningKind::TitleRejected { text, reason } => write!(
                f,
                "the report's title block reads {text:?}, which is {reason}, not a title; the \
                 title is left null"
            ),
        }
    }
}

/// "page N: " and what happened.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "page {}: {}", self.page, self.kind)
    }
}

impl From<Unplaced> for Warning {
    fn from(u: Unplaced) -> Self {
        Warning {
            page: u.page,
            kind: WarningKind::UnplacedRow(u.row),
        }
    }
}
