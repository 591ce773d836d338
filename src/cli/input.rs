//! The inputs named on the command line (files, folders searched recursively, `-` for
//! standard input) and the one place the command line opens a PDF.

use std::io::Read;
use std::path::{Path, PathBuf};

use boardpaper::pdf::{Document, OpenOptions, PagePrimitives};
use rayon::prelude::*;

use super::args::PagesArgs;
use super::{Failure, Usage};

/// How deep folders are searched for PDFs (a guard against link loops).
const MAX_FOLDER_DEPTH: usize = 32;

/// The name standard input has in messages and outputs.
const STDIN: &str = "<stdin>";

/// One input: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file, as the user named it (or as found in a folder).
    File(PathBuf),
}

impl Input {
    /// The input a path names: `-` is standard input. Folders are not searched (see
    /// [`open_inputs`]).
    pub fn named(path: &Path) -> Input {
        match path.as_os_str() == "-" {
            true => Input::Stdin,
            false => Input::File(path.to_path_buf()),
        }
    }

    /// The name used in messages and outputs: the path, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => STDIN.to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// All the input's bytes.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
            }
            Input::File(p) => std::fs::read(p),
        }
    }

    /// Open the input as a PDF. A file is read by the library, so its clock (the time
    /// limit) starts before reading, as it does for standard input.
    pub fn open(&self, options: &OpenOptions) -> Result<Document, Failure> {
        match self {
            Input::File(p) => Ok(Document::open(p, options)?),
            Input::Stdin => {
                let bytes = self.read().map_err(|source| Failure::Read {
                    file: STDIN.into(),
                    source,
                })?;
                open_bytes(&bytes, STDIN, options)
            }
        }
    }
}

/// Open a PDF already read into memory; `name` is used in messages and outputs.
pub fn open_bytes(bytes: &[u8], name: &str, options: &OpenOptions) -> Result<Document, Failure> {
    Ok(Document::from_bytes(bytes, name, options)?)
}

/// Every input named: files and `-` as given, folders searched recursively for `*.pdf` in
/// name order.
pub fn open_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, Failure> {
    fn walk(dir: &Path, out: &mut Vec<Input>, depth: usize) -> std::io::Result<()> {
        if depth > MAX_FOLDER_DEPTH {
            return Ok(());
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out, depth + 1)?;
            } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
                out.push(Input::File(p));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for p in paths {
        // `-` is standard input even when a folder of that name exists.
        if p.as_os_str() != "-" && p.is_dir() {
            walk(p, &mut out, 0).map_err(|source| Failure::Folder {
                folder: p.clone(),
                source,
            })?;
        } else {
            out.push(Input::named(p));
        }
    }
    Ok(out)
}

/// The pages the user selected; an empty selection is an error naming the page count.
pub fn selected_pages(doc: &Document, pages: &PagesArgs) -> Result<Vec<u32>, Failure> {
    let count = doc.page_count();
    let set = pages
        .pages
        .clone()
        .unwrap_or_else(boardpaper::pages::PageSet::all);
    let list = set.resolve(count);
    if list.is_empty() {
        return Err(Usage::NoPageSelected {
            file: doc.name().to_string(),
            set,
            count,
        }
        .into());
    }
    Ok(list)
}

/// Interpret the pages in parallel, in page order. An error when none of them has any text
/// (a scan: exit 10) or when a document-level limit is passed (exit 11).
pub fn interpret(doc: &Document, pages: &[u32]) -> Result<Vec<PagePrimitives>, Failure> {
    let pages: Vec<_> = pages
        .par_iter()
        .map(|&n| doc.page(n))
        .collect::<Result<_, _>>()?;
    boardpaper::pdf::require_text(doc.name(), &pages)?;
    Ok(pages)
}

/// Print warnings to standard error unless quiet.
pub fn report_warnings<W: std::fmt::Display>(
    file: &str,
    warnings: impl IntoIterator<Item = W>,
    quiet: bool,
) {
    if quiet {
        return;
    }
    for w in warnings {
        eprintln!("warning: {file}: {w}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_searched_in_name_order_and_dash_is_stdin() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("b");
        std::fs::create_dir(&sub).unwrap();
        for f in ["c.pdf", "a.PDF", "notes.txt", "b/z.pdf"] {
            std::fs::write(dir.path().join(f), b"").unwrap();
        }
        let inputs = open_inputs(&[
            PathBuf::from("-"),
            dir.path().to_path_buf(),
            PathBuf::from("x.pdf"),
        ])
        .unwrap();
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::Stdin => "-".into(),
                Input::File(p) => p
                    .strip_prefix(dir.path())
                    .unwrap_or(p)
                    .display()
                    .to_string(),
            })
            .collect();
        assert_eq!(names, ["-", "a.PDF", "b/z.pdf", "c.pdf", "x.pdf"]);
        assert_eq!(Input::Stdin.name(), "<stdin>");
    }
}
