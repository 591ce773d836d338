//! Writing results: standard output, or files written atomically (temp file + rename); a
//! paper's CSV files and workbook; the progress bar of a batch.

use std::io::{IsTerminal, Write};
use std::path::Path;

use boardpaper::export::{paper as out, xlsx};
use boardpaper::paper::document::Paper;

use super::{Failure, Usage};

/// Write `bytes` to `path` atomically, or to standard output when `path` is `None`.
/// A closed pipe on standard output is not an error.
pub fn write(path: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|_| out.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(source) => Err(Failure::Write {
                    file: "<stdout>".into(),
                    source,
                }),
            }
        }
        Some(path) => write_atomic(path, bytes),
    }
}

/// Write a file via a temporary file in the same folder, renamed into place: an interrupted
/// run leaves the old file or the new one, never half of one. The file is not forced to disk
/// (no `fsync`, as for a shell redirection or `pdftotext`): forcing a 100 KB file took 8 ms
/// on a busy machine against 0.3 ms without, and guards only against the machine itself
/// failing in that moment.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|_| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|source| Failure::Write {
        file: path.display().to_string(),
        source,
    })
}

/// Create a folder for outputs (and its parents) when missing.
pub fn create_folder(dir: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|source| Failure::Folder {
        folder: dir.to_path_buf(),
        source,
    })
}

/// A paper's `actions.csv` and `milestones.csv` in `dir` (a folder is needed: two files);
/// `file` names the paper in messages.
pub fn paper_csv(
    paper: &Paper,
    file: &str,
    dir: Option<&Path>,
    excel: bool,
) -> Result<(), Failure> {
    let dir = dir.ok_or(Usage::CsvNeedsFolder)?;
    create_folder(dir)?;
    let export = |source| Failure::Export {
        file: file.to_string(),
        source,
    };
    let actions = out::actions_csv(paper, excel).map_err(export)?;
    let milestones = out::milestones_csv(paper, excel).map_err(export)?;
    write_atomic(&dir.join("actions.csv"), &actions)?;
    write_atomic(&dir.join("milestones.csv"), &milestones)
}

/// An error when a workbook would go to a terminal (it is binary).
pub fn workbook_target(target: Option<&Path>) -> Result<(), Failure> {
    match target.is_none() && std::io::stdout().is_terminal() {
        true => Err(Usage::XlsxToTerminal.into()),
        false => Ok(()),
    }
}

/// A paper as an XLSX workbook, to `target` or standard output; `file` names the paper in
/// messages.
pub fn paper_workbook(paper: &Paper, file: &str, target: Option<&Path>) -> Result<(), Failure> {
    workbook_target(target)?;
    let bytes = xlsx::workbook(paper).map_err(|source| Failure::Workbook {
        file: file.to_string(),
        source,
    })?;
    write(target, &bytes)
}

/// A progress bar of `len` papers on standard error, hidden when that is not a terminal or
/// the user asked for quiet.
pub fn progress_bar(len: usize, quiet: bool) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || quiet {
        return indicatif::ProgressBar::hidden();
    }
    let b = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} papers {elapsed} {msg}")
    {
        b.set_style(style);
    }
    b
}
