//! Opening the input named on the command line (a path or `-` for standard input).

use std::io::Read;

use boardpaper::pdf::{Document, OpenOptions, PagePrimitives, Warning};
use rayon::prelude::*;

use super::{Failure, InputArgs, PagesArgs, Status};

/// Open the PDF the user named.
pub fn open(args: &InputArgs) -> Result<Document, Failure> {
    let options = OpenOptions {
        password: args.password.clone(),
        limits: args.limits.to_limits(),
    };
    if args.file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure {
                status: Status::Io,
                message: format!("<stdin>: cannot read: {e}"),
            })?;
        Ok(Document::from_bytes(&bytes, "<stdin>", &options)?)
    } else {
        Ok(Document::open(&args.file, &options)?)
    }
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
        return Err(Failure {
            status: Status::Usage,
            message: format!(
                "{}: no page in {set} (the document has {count} pages)",
                doc.name()
            ),
        });
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
pub fn report_warnings<'a>(
    file: &str,
    warnings: impl IntoIterator<Item = &'a Warning>,
    quiet: bool,
) {
    if quiet {
        return;
    }
    for w in warnings {
        eprintln!("warning: {file}: {w}");
    }
}
