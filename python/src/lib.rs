//! `boardpaper._boardpaper`: the Rust extension under the `boardpaper` Python package. It
//! calls only the core crate's public API; the Python package (`boardpaper/__init__.py`)
//! adds the friendly classes, pandas frames and docstrings.
//!
//! Every call that reads a PDF or the database releases the GIL, so a thread pool of reads
//! runs in parallel.

use pyo3::prelude::*;

mod changes;
mod errors;
mod paper;
mod read;
mod store;
mod tables;

/// The extension module.
#[pymodule]
fn _boardpaper(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<paper::PyPaper>()?;
    m.add_class::<changes::PyChanges>()?;
    m.add_class::<store::PyStore>()?;
    m.add_function(wrap_pyfunction!(paper::read, m)?)?;
    m.add_function(wrap_pyfunction!(paper::load_json, m)?)?;
    m.add_function(wrap_pyfunction!(changes::diff_papers, m)?)?;
    m.add_function(wrap_pyfunction!(tables::tables, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
