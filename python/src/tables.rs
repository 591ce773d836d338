//! `tables`: the tables of a PDF, joined across pages, with their cells, spans and fills.

use pyo3::prelude::*;

use boardpaper::export::tables::{TablesDoc, WireWarning};
use boardpaper::pipeline;

use crate::errors::{Failure, IntoPy};
use crate::read::{page_set, selected, Reading, Source};

/// Exactly the JSON `boardpaper tables` writes for `source` (a path or the PDF's bytes), from
/// the pages `pages` selects (`"1-3,7"`; all when `None`). The GIL is released while reading.
#[pyfunction]
#[pyo3(signature = (source, *, password=None, pages=None, name=None))]
pub fn tables(
    py: Python<'_>,
    source: Source,
    password: Option<String>,
    pages: Option<String>,
    name: Option<String>,
) -> PyResult<String> {
    py.detach(|| {
        let reading = Reading::new(password, None)?;
        let name = source.name(name.as_deref());
        let doc = source.open(&name, &reading.open_options())?;
        let numbers = match page_set(pages.as_deref())? {
            Some(set) => selected(&doc, &set)?,
            None => (1..=doc.page_count()).collect(),
        };
        let (tables, page_warnings) = pipeline::tables(&doc, &numbers, &reading.settings)?;
        let mut warnings: Vec<WireWarning> = doc.warnings().iter().map(WireWarning::from).collect();
        warnings.extend(page_warnings.iter().map(WireWarning::from));
        let out = TablesDoc {
            file: doc.name(),
            tables: tables.iter().map(Into::into).collect(),
            warnings,
        };
        let mut json = serde_json::to_string_pretty(&out).map_err(|e| Failure::Export {
            file: name.clone(),
            source: e.into(),
        })?;
        json.push('\n');
        Ok(json)
    })
    .py(py)
}
