//! Why the reader read what it did: per table, taken as a plan or not and why; each column's
//! role and the evidence; each row's reading (group level N, action, continuation, skipped)
//! and why. `extract --explain` prints it; `no_plan_found` names each refusal.

use std::fmt;

/// The reader's account of a document's tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Explain {
    /// One per table, in document order.
    pub tables: Vec<TableExplain>,
}

/// What was made of one table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableExplain {
    /// Its pages.
    pub pages: Vec<u32>,
    /// Rows and columns.
    pub size: (usize, usize),
    /// Taken or not, and why.
    pub verdict: Verdict,
    /// The header row, when one was found.
    pub header_row: Option<usize>,
    /// Each column's role and evidence.
    pub columns: Vec<ColumnExplain>,
    /// Each body row's reading.
    pub rows: Vec<RowExplain>,
}

/// Whether a table was read as a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// A new plan.
    Plan,
    /// More of the plan before it (the same headings).
    Continues,
    /// Not a plan, and why.
    Refused(String),
}

/// One column's role.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnExplain {
    /// The header as printed.
    pub heading: String,
    /// Its role's name.
    pub role: &'static str,
    /// Why.
    pub evidence: String,
}

/// One row's reading.
#[derive(Debug, Clone, PartialEq)]
pub struct RowExplain {
    /// The row (0-based, in the joined table).
    pub row: usize,
    /// The page it starts on.
    pub page: u32,
    /// What it was read as, and why.
    pub reading: String,
}

impl TableExplain {
    /// The first page, or 0.
    pub fn page(&self) -> u32 {
        self.pages.first().copied().unwrap_or(0)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Plan => f.write_str("a plan"),
            Verdict::Continues => f.write_str("more of the plan above (same headings)"),
            Verdict::Refused(why) => write!(f, "not a plan: {why}"),
        }
    }
}

impl fmt::Display for Explain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.tables.is_empty() {
            return writeln!(f, "no tables");
        }
        for (i, t) in self.tables.iter().enumerate() {
            let pages = match (t.pages.first(), t.pages.last()) {
                (Some(a), Some(b)) if a != b => format!("pages {a}-{b}"),
                (Some(a), _) => format!("page {a}"),
                _ => "no page".into(),
            };
            writeln!(
                f,
                "table {} ({pages}, {} rows x {} columns): {}",
                i + 1,
                t.size.0,
                t.size.1,
                t.verdict
            )?;
            if let Some(h) = t.header_row {
                writeln!(f, "  header: row {h}")?;
            }
            for (j, c) in t.columns.iter().enumerate() {
                writeln!(
                    f,
                    "  column {} {:?}: {} ({})",
                    j + 1,
                    c.heading,
                    c.role,
                    c.evidence
                )?;
            }
            for r in &t.rows {
                writeln!(f, "  row {} (page {}): {}", r.row, r.page, r.reading)?;
            }
        }
        Ok(())
    }
}
