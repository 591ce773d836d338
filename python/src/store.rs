//! `Store`: the database of `boardpaper import`, from Python: import papers, list the plan
//! versions, follow one action across them.

use pyo3::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use boardpaper::export::paper as out;
use boardpaper::store::history::{self, ActionKey};
use boardpaper::store::{self, Imported, Store};

use crate::errors::{Failure, IntoPy};
use crate::read::{Reading, Source};

/// A database of plan versions (the Python package's `Store` wraps it). One connection,
/// shared by the threads that use this object one at a time.
#[pyclass(module = "boardpaper._boardpaper", name = "Store", frozen)]
pub struct PyStore {
    store: Mutex<Store>,
    path: PathBuf,
}

/// What became of one file given to `import_`.
#[derive(Debug)]
enum Outcome {
    Imported,
    AlreadyPresent,
    Failed(String),
}

impl Outcome {
    fn as_str(&self) -> &'static str {
        match self {
            Outcome::Imported => "imported",
            Outcome::AlreadyPresent => "already_present",
            Outcome::Failed(_) => "failed",
        }
    }
}

/// Read one file and store its paper, as `boardpaper import` does: a document already stored
/// (the same bytes) is not read again; one that cannot be read is recorded in the failures
/// table, with the reason as the CLI words it (without the leading file name).
fn import_one(store: &mut Store, path: &Path, reading: &Reading) -> Result<Outcome, Failure> {
    let name = path.display().to_string();
    let source = Source::Path(path.to_path_buf());
    let bytes = match source.bytes(&name) {
        Ok(b) => b,
        Err(Failure::Io { source, .. }) => {
            let reason = format!("cannot read the file: {source}");
            store.record_failure(&name, None, &reason)?;
            return Ok(Outcome::Failed(reason));
        }
        Err(other) => return Err(other),
    };
    let hash = store::content_hash(&bytes);
    if store.hashes()?.contains(&hash) {
        return Ok(Outcome::AlreadyPresent);
    }
    let read = Source::Bytes(bytes)
        .open(&name, &reading.open_options())
        .and_then(|doc| reading.paper(&doc, None))
        .and_then(|paper| {
            let json = out::json(&paper).map_err(|source| Failure::Export {
                file: name.clone(),
                source,
            })?;
            Ok((paper, String::from_utf8_lossy(&json).into_owned()))
        });
    match read {
        Ok((paper, json)) => Ok(match store.import(&hash, &name, &paper, &json)? {
            Imported::New { .. } => Outcome::Imported,
            Imported::AlreadyPresent { .. } => Outcome::AlreadyPresent,
        }),
        Err(Failure::Pdf(e)) => {
            let message = e.to_string();
            let reason = message
                .strip_prefix(&format!("{name}: "))
                .unwrap_or(&message)
                .to_string();
            store.record_failure(&name, Some(&hash), &reason)?;
            Ok(Outcome::Failed(reason))
        }
        Err(other) => Err(other),
    }
}

#[pymethods]
impl PyStore {
    /// Open the database at `path`, creating it when missing.
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<PyStore> {
        let store = py
            .detach(|| Store::open(&path).map_err(Failure::from))
            .py(py)?;
        Ok(PyStore {
            store: Mutex::new(store),
            path,
        })
    }

    /// The database's path.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }

    /// Import PDFs: per file, `(file, "imported" | "already_present" | "failed", reason)`.
    #[pyo3(signature = (paths, *, password=None, profile=None))]
    fn import_paths(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        password: Option<String>,
        profile: Option<PathBuf>,
    ) -> PyResult<Vec<(String, &'static str, Option<String>)>> {
        py.detach(|| {
            let reading = Reading::new(password, profile)?;
            let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
            paths
                .iter()
                .map(|p| {
                    let outcome = import_one(&mut store, p, &reading)?;
                    let reason = match &outcome {
                        Outcome::Failed(r) => Some(r.clone()),
                        _ => None,
                    };
                    Ok((p.display().to_string(), outcome.as_str(), reason))
                })
                .collect::<Result<Vec<_>, Failure>>()
        })
        .py(py)
    }

    /// `boardpaper versions --format json`: every stored plan version, in order.
    fn versions(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| {
            let store = self.store.lock().unwrap_or_else(|p| p.into_inner());
            let versions = store.plan_versions()?;
            serde_json::to_string(&versions).map_err(|e| json_failure(&self.path, e))
        })
        .py(py)
    }

    /// `boardpaper history ACTION --format json`: one action across the stored versions of
    /// its plan (`plan` picks the plan by title when several have the action).
    #[pyo3(signature = (action, plan=None))]
    fn history(&self, py: Python<'_>, action: &str, plan: Option<String>) -> PyResult<String> {
        let key: ActionKey = action
            .parse()
            .map_err(pyo3::exceptions::PyValueError::new_err)?;
        py.detach(|| {
            let store = self.store.lock().unwrap_or_else(|p| p.into_inner());
            let h = history::history(&store, &key, plan.as_deref())?;
            let value = history::to_json(&h).map_err(|e| json_failure(&self.path, e))?;
            serde_json::to_string(&value).map_err(|e| json_failure(&self.path, e))
        })
        .py(py)
    }
}

/// JSON that could not be encoded: a bug, named with the database.
fn json_failure(path: &Path, e: serde_json::Error) -> Failure {
    Failure::Export {
        file: path.display().to_string(),
        source: e.into(),
    }
}
