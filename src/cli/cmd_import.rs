//! `boardpaper import`: board papers in, every plan version stored in a SQLite database.
//!
//! Extraction runs in parallel (rayon); storing runs on this thread through the one
//! connection, one transaction per document, fed through a bounded channel so extraction
//! never runs far ahead of storage.

use clap::Args;
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;

use boardpaper::export::paper as out;
use boardpaper::paper::document::Paper;
use boardpaper::paper::profile::Profile;
use boardpaper::pdf::{Document, OpenOptions};
use boardpaper::store::{self, Imported, Store};

use super::cmd_extract::collect_inputs;
use super::{guard, Failure, LimitArgs, Status};

/// Extracted documents waiting to be stored, per worker thread.
const QUEUE_PER_THREAD: usize = 2;

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// PDF files, or folders searched recursively for *.pdf.
    #[arg(value_name = "FILES_OR_DIRS", required = true)]
    inputs: Vec<PathBuf>,
    /// The database to import into (created when missing).
    #[arg(long, value_name = "FILE", default_value = "boardpaper.db")]
    db: PathBuf,
    /// Password for encrypted PDFs (the empty password is always tried first).
    #[arg(long, env = "BOARDPAPER_PASSWORD", hide_env_values = true)]
    password: Option<String>,
    /// A template profile (TOML or JSON), as for `extract`. A document already stored is
    /// not read again, whatever the profile.
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// Print only the files that failed, not the summary.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

/// What a worker made of one file.
enum Outcome {
    /// Read and extracted: to be stored.
    Extracted {
        path: PathBuf,
        hash: String,
        paper: Box<Paper>,
        json: String,
    },
    /// Same bytes as a document stored before or met earlier in this batch.
    Duplicate,
    /// Could not be read or extracted.
    Failed {
        path: PathBuf,
        hash: Option<String>,
        reason: String,
    },
}

/// What happened to the batch.
#[derive(Default)]
struct Tally {
    imported: usize,
    present: usize,
    failed: Vec<String>,
}

/// A pdf error's text without the leading "FILE: " (the failure names the file itself).
fn reason(name: &str, message: String) -> String {
    message
        .strip_prefix(&format!("{name}: "))
        .map(str::to_string)
        .unwrap_or(message)
}

fn extract(
    path: &Path,
    options: &OpenOptions,
    profile: &Profile,
    claimed: &Mutex<HashSet<String>>,
) -> Outcome {
    let failed = |hash: Option<String>, reason: String| Outcome::Failed {
        path: path.to_path_buf(),
        hash,
        reason,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return failed(None, format!("cannot read the file: {e}")),
    };
    let hash = store::content_hash(&bytes);
    match claimed.lock() {
        // The first worker to meet a hash extracts it; every later copy is a duplicate.
        Ok(mut set) => {
            if !set.insert(hash.clone()) {
                return Outcome::Duplicate;
            }
        }
        Err(_) => {
            return failed(
                Some(hash),
                "internal error: a worker thread panicked".into(),
            )
        }
    }
    let name = path.display().to_string();
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let doc = Document::from_bytes(&bytes, &name, options)
            .map_err(|e| reason(&name, e.to_string()))?;
        let paper = boardpaper::pipeline::read(
            &doc,
            &boardpaper::settings::Settings::with_profile(profile),
        )
        .map_err(|e| reason(&name, e.to_string()))?;
        let json = out::json(&paper).map_err(|e| format!("internal error: {e}"))?;
        let json = String::from_utf8(json).map_err(|e| format!("internal error: {e}"))?;
        Ok::<_, String>((paper, json))
    }));
    match read {
        Ok(Ok((paper, json))) => Outcome::Extracted {
            path: path.to_path_buf(),
            hash,
            paper: Box::new(paper),
            json,
        },
        Ok(Err(reason)) => failed(Some(hash), reason),
        Err(_) => failed(
            Some(hash),
            "internal error (a bug: please report it with the file)".into(),
        ),
    }
}

fn progress_bar(len: usize, quiet: bool) -> indicatif::ProgressBar {
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

/// Store what the workers send, in arrival order, until they are done or the store fails.
fn store_all(
    store: &mut Store,
    results: Receiver<Outcome>,
    bar: &indicatif::ProgressBar,
) -> (Tally, Result<(), store::Error>) {
    let mut tally = Tally::default();
    for outcome in results {
        bar.inc(1);
        let stored = match outcome {
            Outcome::Duplicate => {
                tally.present += 1;
                Ok(())
            }
            Outcome::Extracted {
                path,
                hash,
                paper,
                json,
            } => {
                bar.set_message(paper.file.clone());
                let name = path.display().to_string();
                store.import(&hash, &name, &paper, &json).map(|i| match i {
                    Imported::New { .. } => tally.imported += 1,
                    Imported::AlreadyPresent { .. } => tally.present += 1,
                })
            }
            Outcome::Failed { path, hash, reason } => {
                let name = path.display().to_string();
                bar.suspend(|| eprintln!("boardpaper: {name}: {reason}"));
                tally.failed.push(name.clone());
                store.record_failure(&name, hash.as_deref(), &reason)
            }
        };
        if let Err(e) = stored {
            // Dropping the receiver stops the workers at their next send.
            return (tally, Err(e));
        }
    }
    (tally, Ok(()))
}

pub fn run(a: ImportArgs) -> Result<(), Failure> {
    if a.inputs.iter().any(|i| i.as_os_str() == "-") {
        return Err(Failure {
            status: Status::Usage,
            message: "import reads files, not standard input: save it to a file first".into(),
        });
    }
    let profile = super::load_profile(a.profile.as_deref())?;
    let files = collect_inputs(&a.inputs)?;
    if files.is_empty() {
        return Err(Failure {
            status: Status::Usage,
            message: "no PDF found in the inputs".into(),
        });
    }
    let mut store = Store::open(&a.db)?;
    let claimed = Mutex::new(store.hashes()?);
    let options = OpenOptions {
        password: a.password.clone(),
        limits: a.limits.to_limits(),
    };
    let bar = progress_bar(files.len(), a.quiet);
    let capacity = QUEUE_PER_THREAD * rayon::current_num_threads();
    let (sender, receiver) = sync_channel::<Outcome>(capacity);
    let (tally, stored) = std::thread::scope(|scope| {
        scope.spawn(|| {
            // A send fails only when storage gave up; stop extracting then.
            let _ = files.par_iter().try_for_each_with(sender, |tx, path| {
                // A panic is reported as an internal error of that file; the batch goes on.
                let outcome = guard(&path.display().to_string(), || {
                    Ok(extract(path, &options, &profile, &claimed))
                })
                .unwrap_or_else(|f| Outcome::Failed {
                    path: path.clone(),
                    hash: None,
                    reason: f.message,
                });
                tx.send(outcome)
            });
        });
        store_all(&mut store, receiver, &bar)
    });
    bar.finish_and_clear();
    let db = a.db.display();
    if !a.quiet {
        eprintln!(
            "boardpaper: {db}: imported {}, already present {}, failed {}",
            tally.imported,
            tally.present,
            tally.failed.len()
        );
    }
    stored?;
    if tally.failed.is_empty() {
        Ok(())
    } else {
        Err(Failure {
            status: Status::SomeFailed,
            message: format!(
                "{} of {} files failed (recorded in the failures table of {db})",
                tally.failed.len(),
                files.len()
            ),
        })
    }
}
