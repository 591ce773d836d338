//! `diff`: what changed between two versions of a plan, and its renderings.

use pyo3::prelude::*;

use boardpaper::diff::{self, ChangeList};
use boardpaper::export::schema::validate_changes;

use crate::errors::{Failure, IntoPy};
use crate::paper::PyPaper;

/// The changes between two papers' plans (the Python package's `Changes` wraps it).
#[pyclass(module = "boardpaper._boardpaper", name = "Changes", frozen)]
pub struct PyChanges {
    list: ChangeList,
}

/// A rendering that failed: a bug, named as one.
fn bug(what: &str, e: impl std::fmt::Display) -> PyErr {
    pyo3::exceptions::PyRuntimeError::new_err(format!(
        "{what}: {e} (a bug in boardpaper: please report it)"
    ))
}

#[pymethods]
impl PyChanges {
    /// Exactly the JSON `boardpaper diff --format json` writes, validated against its schema.
    fn json(&self) -> PyResult<String> {
        let value = serde_json::to_value(&self.list).map_err(|e| bug("cannot encode JSON", e))?;
        validate_changes(&value).map_err(|v| {
            let listed: Vec<String> = v.iter().map(|v| v.to_string()).collect();
            bug("the change list breaks its schema", listed.join("; "))
        })?;
        let mut out =
            serde_json::to_string_pretty(&value).map_err(|e| bug("cannot encode JSON", e))?;
        out.push('\n');
        Ok(out)
    }

    /// `boardpaper diff --format csv`: one row per change.
    fn csv(&self) -> PyResult<String> {
        let bytes = diff::csv::render(&self.list).map_err(|e| bug("cannot write CSV", e))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// `boardpaper diff --format html`: one self-contained page, old and new side by side.
    fn html(&self) -> String {
        diff::html::render(&self.list)
    }

    /// `boardpaper diff`'s summary, without colour.
    fn text(&self) -> String {
        diff::text::render(&self.list, false)
    }

    fn __len__(&self) -> usize {
        self.list.changes.len()
    }
}

/// The changes from `old` to `new`; each must have a plan.
#[pyfunction]
#[pyo3(name = "diff")]
pub fn diff_papers(py: Python<'_>, old: &PyPaper, new: &PyPaper) -> PyResult<PyChanges> {
    let (old, new) = (&old.paper, &new.paper);
    py.detach(|| {
        for side in [old, new] {
            if side.plans.is_empty() {
                return Err(Failure::NoPlan {
                    file: side.file.clone(),
                });
            }
        }
        Ok(diff::diff_papers(old, new))
    })
    .py(py)
    .map(|list| PyChanges { list })
}
