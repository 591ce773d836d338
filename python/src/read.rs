//! What the Python calls read: a path or bytes, the settings a call asks for (profile), the
//! page selection, and the one place a PDF is opened and read into a paper.

use pyo3::prelude::*;
use std::path::PathBuf;

use boardpaper::pages::PageSet;
use boardpaper::paper::document::Paper;
use boardpaper::paper::profile::Profile;
use boardpaper::pdf::{Document, OpenOptions};
use boardpaper::pipeline;
use boardpaper::settings::Settings;

use crate::errors::Failure;

/// A PDF (or, for diff, a JSON) as Python gives it: bytes, or a path (`str` or `os.PathLike`).
#[derive(Debug, Clone, FromPyObject)]
pub enum Source {
    /// The file's bytes.
    Bytes(Vec<u8>),
    /// A path to the file.
    Path(PathBuf),
}

/// The name bytes have in messages and outputs when the caller gives none.
pub const BYTES: &str = "<bytes>";

impl Source {
    /// The name used in messages: the path as given, or `name` for bytes.
    pub fn name(&self, name: Option<&str>) -> String {
        match (self, name) {
            (_, Some(n)) => n.to_string(),
            (Source::Path(p), None) => p.display().to_string(),
            (Source::Bytes(_), None) => BYTES.to_string(),
        }
    }

    /// All the bytes.
    pub fn bytes(&self, name: &str) -> Result<Vec<u8>, Failure> {
        match self {
            Source::Bytes(b) => Ok(b.clone()),
            Source::Path(p) => std::fs::read(p).map_err(|source| Failure::Io {
                file: name.to_string(),
                source,
            }),
        }
    }

    /// Open as a PDF. A path is read by the library, so that its time limit counts the read.
    pub fn open(&self, name: &str, options: &OpenOptions) -> Result<Document, Failure> {
        Ok(match self {
            Source::Bytes(b) => Document::from_bytes(b, name, options)?,
            Source::Path(p) => Document::open(p, options)?,
        })
    }
}

/// How one call reads papers: the password and every setting (the built-in rules, or the
/// profile file the call names), checked once.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The password for encrypted PDFs.
    pub password: Option<String>,
    /// The settings.
    pub settings: Settings,
}

impl Reading {
    /// The reading a call asks for.
    pub fn new(password: Option<String>, profile: Option<PathBuf>) -> Result<Reading, Failure> {
        let profile = match profile {
            Some(path) => Profile::load(&path).map_err(Failure::Profile)?,
            None => Profile::default(),
        };
        let settings = Settings {
            profile,
            ..Settings::default()
        };
        settings.validate().map_err(Failure::Settings)?;
        Ok(Reading { password, settings })
    }

    /// How each PDF is opened.
    pub fn open_options(&self) -> OpenOptions {
        OpenOptions {
            password: self.password.clone(),
            limits: self.settings.limits.clone(),
        }
    }

    /// The paper in `doc`, from the pages `pages` selects (all when `None`).
    pub fn paper(&self, doc: &Document, pages: Option<&PageSet>) -> Result<Paper, Failure> {
        Ok(match pages {
            None => pipeline::read(doc, &self.settings)?,
            Some(set) => pipeline::read_selected(doc, &selected(doc, set)?, &self.settings)?,
        })
    }
}

/// A page selection as Python gives it: `"1-3,7"`; `None` for all pages.
pub fn page_set(pages: Option<&str>) -> Result<Option<PageSet>, Failure> {
    pages
        .map(|p| p.parse::<PageSet>())
        .transpose()
        .map_err(Into::into)
}

/// The pages of `doc` that `set` selects; an error naming the page count when it selects none.
pub fn selected(doc: &Document, set: &PageSet) -> Result<Vec<u32>, Failure> {
    let count = doc.page_count();
    let list = set.resolve(count);
    if list.is_empty() {
        return Err(Failure::Pages(format!(
            "{}: no page in {set} (the document has {count} pages)",
            doc.name()
        )));
    }
    Ok(list)
}
