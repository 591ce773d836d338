//! Python exceptions that mirror the command line's exit codes, each naming the file (and the
//! page, where one is known), and the one mapping from the library's errors to them.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use boardpaper::export::paper as out;
use boardpaper::pages::PageSetError;
use boardpaper::paper::profile;
use boardpaper::settings::SettingsError;
use boardpaper::{pdf, store};

create_exception!(
    boardpaper,
    BoardpaperError,
    PyException,
    "Base class of boardpaper's errors; `file`, `page` (or None) and `exit_code` (the CLI's) are set."
);
create_exception!(
    boardpaper,
    PasswordRequired,
    BoardpaperError,
    "The PDF is encrypted and no password (or a wrong one) was given (CLI exit code 6)."
);
create_exception!(
    boardpaper,
    WrongPassword,
    PasswordRequired,
    "A password was given but it does not open the PDF (CLI exit code 6)."
);
create_exception!(
    boardpaper,
    NotAPdf,
    BoardpaperError,
    "The bytes are not a PDF, nor (for diff) a JSON written by extract (CLI exit code 4)."
);
create_exception!(
    boardpaper,
    Damaged,
    BoardpaperError,
    "The PDF is damaged beyond recovery (CLI exit code 5)."
);
create_exception!(
    boardpaper,
    NoTextLayer,
    BoardpaperError,
    "No page has text: the PDF is a scan and needs OCR first (CLI exit code 10)."
);
create_exception!(
    boardpaper,
    LimitExceeded,
    BoardpaperError,
    "A limit on hostile input was passed; `limit` names it, as messages do (CLI exit code 11)."
);
create_exception!(
    boardpaper,
    NotAPaper,
    BoardpaperError,
    "A JSON side of diff breaks the paper schema or does not read back (CLI exit code 7)."
);
create_exception!(
    boardpaper,
    NoPlan,
    BoardpaperError,
    "A side of diff has no action plan to compare (CLI exit code 2)."
);
create_exception!(
    boardpaper,
    StoreError,
    BoardpaperError,
    "The database could not be opened, read or written, or holds no such action (CLI exit code 2 or 3)."
);

/// Add the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("BoardpaperError", py.get_type::<BoardpaperError>())?;
    m.add("PasswordRequired", py.get_type::<PasswordRequired>())?;
    m.add("WrongPassword", py.get_type::<WrongPassword>())?;
    m.add("NotAPdf", py.get_type::<NotAPdf>())?;
    m.add("Damaged", py.get_type::<Damaged>())?;
    m.add("NoTextLayer", py.get_type::<NoTextLayer>())?;
    m.add("LimitExceeded", py.get_type::<LimitExceeded>())?;
    m.add("NotAPaper", py.get_type::<NotAPaper>())?;
    m.add("NoPlan", py.get_type::<NoPlan>())?;
    m.add("StoreError", py.get_type::<StoreError>())?;
    Ok(())
}

/// Why a call failed, built without the GIL and turned into a Python exception with it.
#[derive(Debug)]
pub enum Failure {
    /// The PDF could not be opened or read.
    Pdf(pdf::Error),
    /// The page selection is malformed, or selects no page of the document.
    Pages(String),
    /// The profile cannot be used.
    Profile(profile::Error),
    /// A setting has an impossible value.
    Settings(SettingsError),
    /// The paper could not be exported: a bug.
    Export { file: String, source: out::Error },
    /// A JSON side of diff is not a paper written by extract.
    NotAPaper { file: String, message: String },
    /// A side of diff has no plan.
    NoPlan { file: String },
    /// The database failed.
    Store(store::Error),
    /// A file could not be read.
    Io {
        file: String,
        source: std::io::Error,
    },
}

impl From<pdf::Error> for Failure {
    fn from(e: pdf::Error) -> Self {
        Failure::Pdf(e)
    }
}

impl From<store::Error> for Failure {
    fn from(e: store::Error) -> Self {
        Failure::Store(e)
    }
}

impl From<PageSetError> for Failure {
    fn from(e: PageSetError) -> Self {
        Failure::Pages(e.to_string())
    }
}

/// An exception of class `T` with `message`, its `file`, `page` and `exit_code` set.
fn raise<T: pyo3::PyTypeInfo>(
    py: Python<'_>,
    message: String,
    file: &str,
    page: Option<u32>,
    exit_code: u8,
) -> PyErr {
    let err = PyErr::new::<T, _>(message);
    let value = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail short of memory; the
    // exception is raised with its message either way.
    let _ = value.setattr("file", file);
    let _ = value.setattr("page", page);
    let _ = value.setattr("exit_code", exit_code);
    err
}

/// The Python exception for a PDF error: the class mirrors the CLI's exit code.
fn pdf_error(py: Python<'_>, e: pdf::Error) -> PyErr {
    let message = e.to_string();
    match e {
        pdf::Error::Io { file, source } => io_error(&file, &source),
        pdf::Error::NotPdf { file, .. } => raise::<NotAPdf>(py, message, &file, None, 4),
        pdf::Error::Damaged { file, .. } => raise::<Damaged>(py, message, &file, None, 5),
        pdf::Error::PasswordRequired { file } => raise::<PasswordRequired>(
            py,
            format!("{message}; pass it as password=..."),
            &file,
            None,
            6,
        ),
        pdf::Error::WrongPassword { file } => raise::<WrongPassword>(py, message, &file, None, 6),
        pdf::Error::NoSuchPage { .. } => PyValueError::new_err(message),
        pdf::Error::LimitExceeded {
            file, limit, page, ..
        } => {
            let err = raise::<LimitExceeded>(py, message, &file, page, 11);
            let _ = err.value(py).setattr("limit", limit.name());
            err
        }
        pdf::Error::NoTextLayer { file, .. } => raise::<NoTextLayer>(py, message, &file, None, 10),
        // Errors added to the library later: the CLI reads them as damage (exit code 5).
        _ => raise::<Damaged>(py, message, "", None, 5),
    }
}

/// An operating-system error as Python's `OSError` (its subclass follows the errno), with the
/// file as its `filename`.
fn io_error(file: &str, source: &std::io::Error) -> PyErr {
    let errno = source.raw_os_error().unwrap_or(0);
    PyOSError::new_err((errno, source.to_string(), file.to_string()))
}

impl Failure {
    /// The Python exception for this failure.
    pub fn into_py_err(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Pdf(e) => pdf_error(py, e),
            Failure::Pages(message) => PyValueError::new_err(message),
            Failure::Profile(e) => PyValueError::new_err(e.to_string()),
            Failure::Settings(e) => PyValueError::new_err(e.to_string()),
            Failure::Export { file, source } => PyRuntimeError::new_err(format!(
                "{file}: {source} (a bug in boardpaper: please report it with the file)"
            )),
            Failure::NotAPaper { file, message } => {
                raise::<NotAPaper>(py, format!("{file}: {message}"), &file, None, 7)
            }
            Failure::NoPlan { file } => raise::<NoPlan>(
                py,
                format!("{file}: no action plan found, nothing to compare"),
                &file,
                None,
                2,
            ),
            Failure::Store(e) => {
                let code = match e {
                    store::Error::NotFound { .. } | store::Error::Ambiguous { .. } => 2,
                    _ => 3,
                };
                raise::<StoreError>(py, e.to_string(), "", None, code)
            }
            Failure::Io { file, source } => io_error(&file, &source),
        }
    }
}

/// A result of the library turned into a Python result.
pub trait IntoPy<T> {
    /// The value, or the failure as a Python exception.
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, Failure> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|f| f.into_py_err(py))
    }
}
