//! `extract`: a board paper read from a PDF (or loaded from the JSON `extract` wrote), and
//! its outputs: the JSON and the rows of the CSV export's sheets.

use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;
use std::path::PathBuf;

use boardpaper::export::{paper as out, schema, sheet, wire};
use boardpaper::paper::document::Paper;

use crate::errors::{Failure, IntoPy};
use crate::read::{page_set, Reading, Source};

/// A paper read by boardpaper (the Python package's `Paper` wraps it).
#[pyclass(module = "boardpaper._boardpaper", name = "Paper", frozen)]
pub struct PyPaper {
    /// The paper.
    pub paper: Paper,
}

/// A sheet's header and rows: whole numbers as `int`, everything else as `str`.
type Rows = (Vec<String>, Vec<Vec<Py<PyAny>>>);

#[pymethods]
impl PyPaper {
    /// The file the paper was read from (its last path component).
    #[getter]
    fn file(&self) -> &str {
        &self.paper.file
    }

    /// Exactly the JSON `boardpaper extract` writes, validated against the paper schema.
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        let paper = &self.paper;
        py.detach(|| {
            let bytes = out::json(paper).map_err(|source| Failure::Export {
                file: paper.file.clone(),
                source,
            })?;
            // serde_json writes UTF-8.
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        })
        .py(py)
    }

    /// The columns and rows of `actions.csv` (`which="actions"`) or `milestones.csv`
    /// (`"milestones"`).
    fn sheet(&self, py: Python<'_>, which: &str) -> PyResult<Rows> {
        let make = match which {
            "actions" => sheet::actions,
            "milestones" => sheet::milestones,
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "no sheet {other:?}: actions or milestones"
                )))
            }
        };
        let paper = &self.paper;
        let sheet = py.detach(|| make(&wire::Paper::from(paper)));
        let columns = sheet.columns.iter().map(|c| c.name.to_string()).collect();
        let mut rows = Vec::with_capacity(sheet.rows.len());
        for row in &sheet.rows {
            let mut values = Vec::with_capacity(row.len());
            for v in row {
                let number = v.number.then(|| v.text.parse::<i64>().ok()).flatten();
                values.push(match number {
                    Some(n) => n.into_py_any(py)?,
                    None => v.text.as_str().into_py_any(py)?,
                });
            }
            rows.push(values);
        }
        Ok((columns, rows))
    }

    fn __repr__(&self) -> String {
        format!(
            "<boardpaper._boardpaper.Paper {:?}: {} plan(s), {} warning(s)>",
            self.paper.file,
            self.paper.plans.len(),
            self.paper.warnings.len()
        )
    }
}

/// Read a board paper: `source` is a path or the PDF's bytes, `name` names bytes in messages,
/// `pages` selects pages (`"1-3,7"`). The GIL is released while reading.
#[pyfunction]
#[pyo3(signature = (source, *, password=None, profile=None, pages=None, name=None))]
pub fn read(
    py: Python<'_>,
    source: Source,
    password: Option<String>,
    profile: Option<PathBuf>,
    pages: Option<String>,
    name: Option<String>,
) -> PyResult<PyPaper> {
    py.detach(|| {
        let reading = Reading::new(password, profile)?;
        let pages = page_set(pages.as_deref())?;
        let name = source.name(name.as_deref());
        let doc = source.open(&name, &reading.open_options())?;
        reading.paper(&doc, pages.as_ref())
    })
    .py(py)
    .map(|paper| PyPaper { paper })
}

/// A paper from the JSON `boardpaper extract` wrote (checked against the paper schema);
/// `name` names it in messages.
#[pyfunction]
pub fn load_json(py: Python<'_>, json: Vec<u8>, name: String) -> PyResult<PyPaper> {
    py.detach(|| {
        let not_a_paper = |message: String| Failure::NotAPaper {
            file: name.clone(),
            message,
        };
        let value: serde_json::Value =
            serde_json::from_slice(&json).map_err(|e| not_a_paper(format!("not JSON: {e}")))?;
        schema::validate_paper(&value).map_err(|violations| {
            let listed: Vec<String> = violations.iter().map(|v| v.to_string()).collect();
            not_a_paper(format!(
                "not a paper written by `boardpaper extract`: {}",
                listed.join("; ")
            ))
        })?;
        wire::paper_from_value(value)
            .map_err(|e| not_a_paper(format!("cannot read the paper: {e}")))
    })
    .py(py)
    .map(|paper| PyPaper { paper })
}
