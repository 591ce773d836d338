//! `boardpaper import`: board papers in, every plan version stored in a SQLite database.
//!
//! Extraction runs in parallel (rayon); storing runs on this thread through the one
//! connection, one transaction per document, fed through a bounded channel so extraction
//! never runs far ahead of storage.

use clap::Args;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;

use boardpaper::export::paper as out;
use boardpaper::paper::document::Paper;
use boardpaper::store::{self, Imported, Store};

use super::args::{QuietArgs, ReadArgs};
use super::input::{self, Input};
use super::options::Reading;
use super::{db, guard, output, read, Failure, Usage};

/// Extracted documents waiting to be stored, per worker thread.
const QUEUE_PER_THREAD: usize = 2;

#[derive(Args, Debug)]
#[command(
    after_help = "A document already stored (the same bytes) is not read again, whatever \
the profile or the limits; the ones that failed are recorded in the database's failures table."
)]
pub struct ImportArgs {
    /// PDF files, or folders searched recursively for *.pdf.
    #[arg(value_name = "FILES_OR_DIRS", required = true)]
    inputs: Vec<PathBuf>,
    /// The database to import into (created when missing).
    #[arg(long, value_name = "FILE", default_value = "boardpaper.db")]
    db: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    quiet: QuietArgs,
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

/// Why a file failed, as recorded in the database: the failure's message without the leading
/// "FILE: " (the record names the file itself). An export failure is a bug, and says so.
fn reason(name: &str, failure: &Failure) -> String {
    if let Failure::Export { source, .. } = failure {
        return format!("internal error: {source}");
    }
    let message = failure.to_string();
    message
        .strip_prefix(&format!("{name}: "))
        .map(str::to_string)
        .unwrap_or(message)
}

/// Read one file, extract its paper and encode it as `extract` would write it.
fn read_one(bytes: &[u8], name: &str, reading: &Reading) -> Result<(Paper, String), Failure> {
    let doc = input::open_bytes(bytes, name, &reading.open())?;
    let paper = read::paper(&doc, reading)?;
    let json = out::json(&paper).map_err(|source| Failure::Export {
        file: name.to_string(),
        source,
    })?;
    let json = String::from_utf8(json).map_err(|e| Failure::encode("internal error", e))?;
    Ok((paper, json))
}

fn extract(path: &Path, reading: &Reading, claimed: &Mutex<HashSet<String>>) -> Outcome {
    let failed = |hash: Option<String>, reason: String| Outcome::Failed {
        path: path.to_path_buf(),
        hash,
        reason,
    };
    let bytes = match Input::named(path).read() {
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
        read_one(&bytes, &name, reading)
    }));
    match read {
        Ok(Ok((paper, json))) => Outcome::Extracted {
            path: path.to_path_buf(),
            hash,
            paper: Box::new(paper),
            json,
        },
        Ok(Err(f)) => failed(Some(hash), reason(&name, &f)),
        Err(_) => failed(
            Some(hash),
            "internal error (a bug: please report it with the file)".into(),
        ),
    }
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
    if a.inputs.iter().any(|i| Input::named(i) == Input::Stdin) {
        return Err(Usage::ImportFromStdin.into());
    }
    let reading = a.read.reading()?;
    // Files only: standard input was refused above.
    let files: Vec<PathBuf> = input::open_inputs(&a.inputs)?
        .into_iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p),
            Input::Stdin => None,
        })
        .collect();
    if files.is_empty() {
        return Err(Usage::NoPdf.into());
    }
    let mut store = db::create(&a.db)?;
    let claimed = Mutex::new(store.hashes()?);
    let bar = output::progress_bar(files.len(), a.quiet.quiet);
    let capacity = QUEUE_PER_THREAD * rayon::current_num_threads();
    let (sender, receiver) = sync_channel::<Outcome>(capacity);
    let (tally, stored) = std::thread::scope(|scope| {
        scope.spawn(|| {
            // A send fails only when storage gave up; stop extracting then.
            let _ = files.par_iter().try_for_each_with(sender, |tx, path| {
                // A panic is reported as an internal error of that file; the batch goes on.
                let outcome = guard(&path.display().to_string(), || {
                    Ok(extract(path, &reading, &claimed))
                })
                .unwrap_or_else(|f| Outcome::Failed {
                    path: path.clone(),
                    hash: None,
                    reason: f.to_string(),
                });
                tx.send(outcome)
            });
        });
        store_all(&mut store, receiver, &bar)
    });
    bar.finish_and_clear();
    if !a.quiet.quiet {
        eprintln!(
            "boardpaper: {}: imported {}, already present {}, failed {}",
            a.db.display(),
            tally.imported,
            tally.present,
            tally.failed.len()
        );
    }
    stored?;
    if tally.failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::SomeFailed {
            failed: tally.failed.len(),
            total: files.len(),
            recorded_in: Some(a.db.clone()),
        })
    }
}
