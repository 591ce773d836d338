//! `boardpaper versions`: the plans stored by `import`, each with its versions in order.

use clap::{Args, ValueEnum};

use boardpaper::store::PlanVersion;

use super::db::{self, short_hash};
use super::{output, Failure};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table per plan.
    Text,
    /// A JSON list of versions.
    Json,
}

#[derive(Args, Debug)]
pub struct VersionsArgs {
    /// The database written by `import`.
    #[arg(long, value_name = "FILE", default_value = "boardpaper.db")]
    db: std::path::PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn text(versions: &[PlanVersion]) -> String {
    let mut out = String::new();
    let header = [
        "version",
        "date",
        "actions",
        "milestones",
        "pages",
        "file",
        "sha256",
    ];
    let mut start = 0;
    while let Some(first) = versions.get(start) {
        let end = versions[start..]
            .iter()
            .position(|v| v.title != first.title)
            .map_or(versions.len(), |n| start + n);
        let rows: Vec<[String; 7]> = versions[start..end]
            .iter()
            .map(|v| {
                [
                    v.version.clone().unwrap_or_else(|| "-".into()),
                    v.version_date.clone().unwrap_or_else(|| "-".into()),
                    v.actions.to_string(),
                    v.milestones.to_string(),
                    format!("{}-{}", v.pages[0], v.pages[1]),
                    v.file.clone(),
                    short_hash(&v.hash).to_string(),
                ]
            })
            .collect();
        let width = |i: usize| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .chain(header.get(i).map(|h| h.len()))
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..header.len()).map(width).collect();
        let line = |cells: &[String]| {
            let mut l = String::from(" ");
            for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
                // Counts right-aligned, text left-aligned.
                if i == 2 || i == 3 {
                    l.push_str(&format!(" {c:>w$}"));
                } else {
                    l.push_str(&format!(" {c:<w$}"));
                }
            }
            l.trim_end().to_string() + "\n"
        };
        if start > 0 {
            out.push('\n');
        }
        // A plan printed with no caption has an empty title.
        out.push_str(if first.title.trim().is_empty() {
            "(untitled plan)"
        } else {
            &first.title
        });
        out.push('\n');
        out.push_str(&line(&header.map(String::from)));
        for r in &rows {
            out.push_str(&line(r));
        }
        start = end;
    }
    out
}

pub fn run(a: VersionsArgs) -> Result<(), Failure> {
    let store = db::existing(&a.db)?;
    let versions = store.plan_versions()?;
    let bytes = match a.format {
        Format::Text if versions.is_empty() => {
            eprintln!("boardpaper: {}: no plan stored yet", a.db.display());
            return Ok(());
        }
        Format::Text => text(&versions).into_bytes(),
        Format::Json => {
            let mut b = serde_json::to_vec_pretty(&versions)
                .map_err(|e| Failure::encode("cannot encode JSON", e))?;
            b.push(b'\n');
            b
        }
    };
    output::write(None, &bytes)
}
