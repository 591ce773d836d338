//! Why a command failed, and the one mapping from a failure to its exit status.
//!
//! Library errors say what is wrong; where a flag changes it (a password, a limit), the
//! message printed here adds the flag.

use std::fmt;
use std::path::PathBuf;

use boardpaper::export::{paper as out, schema::Violation, xlsx};
use boardpaper::pages::PageSet;
use boardpaper::paper::profile;
use boardpaper::{pdf, store};

use super::args;

/// Exit codes, stable across releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: success.
    Ok = 0,
    /// 2: the command line was wrong (clap also uses 2).
    Usage = 2,
    /// 3: a file could not be read or written.
    Io = 3,
    /// 4: the input is not a PDF.
    NotPdf = 4,
    /// 5: the PDF is damaged beyond recovery.
    Damaged = 5,
    /// 6: the PDF needs a password, or the one given is wrong.
    Password = 6,
    /// 7: a JSON file breaks the schema (`validate`).
    Invalid = 7,
    /// 8: some files of a batch failed (each is reported); the others were written.
    SomeFailed = 8,
    /// 9: an internal error (a bug: please report it with the file).
    Internal = 9,
    /// 10: no page has a text layer: the PDF is a scan and needs OCR first.
    NoText = 10,
    /// 11: a document-level limit on hostile input was passed (time, objects, bytes).
    Limit = 11,
}

/// A failed command. Its `Display` is the message printed after `boardpaper: `.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// A PDF could not be opened or read.
    #[error("{}", PdfMessage(.0))]
    Pdf(#[from] pdf::Error),
    /// The profile named by `--profile` cannot be used.
    #[error(transparent)]
    Profile(#[from] profile::Error),
    /// The database of `import` could not be opened, read or written.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// The command line asks for something that cannot be done.
    #[error(transparent)]
    Usage(#[from] Usage),
    /// A setting has an impossible value.
    #[error(transparent)]
    Settings(#[from] boardpaper::settings::SettingsError),
    /// An input (a JSON file, standard input) could not be read.
    #[error("{file}: cannot read: {source}")]
    Read {
        /// The input as named in messages.
        file: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// An output could not be written.
    #[error("{file}: cannot write: {source}")]
    Write {
        /// The output as named in messages (`<stdout>` for standard output).
        file: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A folder could not be searched or created.
    #[error("{}: {source}", .folder.display())]
    Folder {
        /// The folder.
        folder: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A reading command was pointed at a database that does not exist.
    #[error("{}: no such database (run `boardpaper import` first, or give --db FILE)", .0.display())]
    NoDatabase(PathBuf),
    /// A file that should hold JSON does not.
    #[error("{file}: not JSON: {source}")]
    NotJson {
        /// The file.
        file: String,
        /// The parser's reason.
        source: serde_json::Error,
    },
    /// `validate`: the JSON breaks the schema; every violation is listed.
    #[error("{file}: {} schema violation(s):\n{}", .violations.len(), listed(.violations, usize::MAX))]
    Invalid {
        /// The file.
        file: String,
        /// Where and how.
        violations: Vec<Violation>,
    },
    /// `diff`: a JSON side is not a paper written by `extract` (the first violations listed).
    #[error("{file}: not a paper written by `boardpaper extract` ({} schema violation(s)):\n{}", .violations.len(), listed(.violations, VIOLATIONS_SHOWN))]
    NotAPaper {
        /// The file.
        file: String,
        /// Where and how.
        violations: Vec<Violation>,
    },
    /// `diff`: a JSON side passes the schema but does not read back as a paper.
    #[error("{file}: cannot read the paper: {source}")]
    BadPaper {
        /// The file.
        file: String,
        /// Why.
        source: serde_json::Error,
    },
    /// `diff`: a side is neither a PDF nor an `extract` JSON.
    #[error("{file}: neither a PDF nor a JSON written by `boardpaper extract`")]
    Unrecognised {
        /// The file.
        file: String,
    },
    /// `diff`: a side has no action plan.
    #[error("{file}: no action plan found, nothing to compare")]
    NoPlan {
        /// The file.
        file: String,
    },
    /// A paper could not be exported (the JSON breaks its schema, CSV failed): a bug.
    #[error("{file}: {source}")]
    Export {
        /// The paper's file.
        file: String,
        /// What went wrong.
        source: out::Error,
    },
    /// A workbook could not be built: a bug.
    #[error("{file}: {source}")]
    Workbook {
        /// The paper's file.
        file: String,
        /// What went wrong.
        source: xlsx::Error,
    },
    /// `diff`: the change list breaks its own schema: a bug.
    #[error("the change list breaks its schema (a bug in boardpaper, please report it):\n{}", listed(.0, VIOLATIONS_SHOWN))]
    ChangesBreakSchema(Vec<Violation>),
    /// Output built in memory could not be encoded (JSON, CSV): a bug.
    #[error("{what}: {source}")]
    Encode {
        /// What was being done, or for which file.
        what: String,
        /// The encoder's reason.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Reading one file panicked: a bug, reported with the file.
    #[error(
        "{file}: internal error (a bug; please report it with the file): panicked{at}: {what}"
    )]
    Panic {
        /// The file being read.
        file: String,
        /// ` at FILE:LINE:COLUMN`, or empty when unknown.
        at: String,
        /// The panic's message.
        what: String,
    },
    /// Some files of a batch failed (each was reported as it failed).
    #[error("{failed} of {total} files failed{}", .recorded_in.as_ref().map(|db| format!(" (recorded in the failures table of {})", db.display())).unwrap_or_default())]
    SomeFailed {
        /// How many failed.
        failed: usize,
        /// How many files the batch had.
        total: usize,
        /// The database whose failures table lists them (`import`).
        recorded_in: Option<PathBuf>,
    },
}

/// The command line asks for something that cannot be done.
#[derive(Debug, thiserror::Error)]
pub enum Usage {
    /// CSV output is two files.
    #[error("CSV makes two files (actions.csv, milestones.csv): give -o DIR")]
    CsvNeedsFolder,
    /// A workbook would be written to a terminal.
    #[error("XLSX is binary: give -o FILE.xlsx or redirect standard output")]
    XlsxToTerminal,
    /// Several outputs need a folder.
    #[error("several inputs: give -o DIR for the outputs")]
    SeveralInputs,
    /// The inputs hold no PDF.
    #[error("no PDF found in the inputs")]
    NoPdf,
    /// `import` hashes and stores files; standard input has no name to store.
    #[error("import reads files, not standard input: save it to a file first")]
    ImportFromStdin,
    /// `--pages` selects no page of the document.
    #[error("{file}: no page in {set} (the document has {count} pages)")]
    NoPageSelected {
        /// The document.
        file: String,
        /// The selection.
        set: PageSet,
        /// The document's page count.
        count: u32,
    },
    /// `diff` needs two sides or a database.
    #[error("give OLD and NEW, or --db FILE --from LABEL --to LABEL")]
    DiffInputs,
}

/// How many schema violations `diff`'s messages list before "and N more".
const VIOLATIONS_SHOWN: usize = 5;

/// The first `shown` violations, one indented line each, then "and N more".
fn listed(v: &[Violation], shown: usize) -> String {
    let mut lines: Vec<String> = v.iter().take(shown).map(|v| format!("  {v}")).collect();
    if v.len() > shown {
        lines.push(format!("  and {} more", v.len() - shown));
    }
    lines.join("\n")
}

/// A PDF error as the command line prints it: the library's message, and the flag that
/// changes the outcome where there is one.
struct PdfMessage<'a>(&'a pdf::Error);

impl fmt::Display for PdfMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        match e {
            pdf::Error::PasswordRequired { .. } => {
                write!(f, "{e}; supply it with --{}", args::PASSWORD)
            }
            pdf::Error::LimitExceeded { limit, .. } => write!(
                f,
                "{e} (raise it with --{} if the file is trusted)",
                args::limit_flag(*limit)
            ),
            _ => write!(f, "{e}"),
        }
    }
}

impl Failure {
    /// The exit status of this failure (`diff` has its own: see `cli::main`).
    pub fn status(&self) -> Status {
        match self {
            Failure::Pdf(e) => match e {
                pdf::Error::Io { .. } => Status::Io,
                pdf::Error::NotPdf { .. } => Status::NotPdf,
                pdf::Error::Damaged { .. } => Status::Damaged,
                pdf::Error::PasswordRequired { .. } | pdf::Error::WrongPassword { .. } => {
                    Status::Password
                }
                pdf::Error::NoSuchPage { .. } => Status::Usage,
                pdf::Error::NoTextLayer { .. } => Status::NoText,
                pdf::Error::LimitExceeded { .. } => Status::Limit,
                _ => Status::Damaged,
            },
            Failure::Store(e) => match e {
                store::Error::NotFound { .. } | store::Error::Ambiguous { .. } => Status::Usage,
                store::Error::Json { .. } => Status::Internal,
                _ => Status::Io,
            },
            Failure::Profile(_)
            | Failure::Usage(_)
            | Failure::Settings(_)
            | Failure::NoPlan { .. } => Status::Usage,
            Failure::Read { .. }
            | Failure::Write { .. }
            | Failure::Folder { .. }
            | Failure::NoDatabase(_) => Status::Io,
            Failure::NotJson { .. }
            | Failure::Invalid { .. }
            | Failure::NotAPaper { .. }
            | Failure::BadPaper { .. } => Status::Invalid,
            Failure::Unrecognised { .. } => Status::NotPdf,
            Failure::Export { .. }
            | Failure::Workbook { .. }
            | Failure::ChangesBreakSchema(_)
            | Failure::Encode { .. }
            | Failure::Panic { .. } => Status::Internal,
            Failure::SomeFailed { .. } => Status::SomeFailed,
        }
    }

    /// Output that could not be encoded, with what was being done (`cannot encode JSON`).
    pub fn encode(
        what: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Failure {
        Failure::Encode {
            what: what.into(),
            source: Box::new(source),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use boardpaper::pdf::limits::Limit;

    #[test]
    fn exit_codes_are_stable() {
        let codes = [
            Status::Ok,
            Status::Usage,
            Status::Io,
            Status::NotPdf,
            Status::Damaged,
            Status::Password,
            Status::Invalid,
            Status::SomeFailed,
            Status::Internal,
            Status::NoText,
            Status::Limit,
        ]
        .map(|s| s as u8);
        assert_eq!(codes, [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    }

    #[test]
    fn pdf_errors_get_the_flag_that_changes_them() {
        let f = Failure::from(pdf::Error::LimitExceeded {
            file: "a.pdf".into(),
            limit: Limit::DocumentBytes,
            value: 10,
            page: Some(2),
        });
        assert_eq!(f.status(), Status::Limit);
        assert_eq!(
            f.to_string(),
            "a.pdf: page 2: limit document-bytes (10) exceeded; reading stopped \
             (raise it with --max-document-bytes if the file is trusted)"
        );
        let f = Failure::from(pdf::Error::PasswordRequired {
            file: "a.pdf".into(),
        });
        assert_eq!(f.status(), Status::Password);
        assert_eq!(
            f.to_string(),
            "a.pdf: password required: the file is encrypted; supply it with --password"
        );
        // Other errors print as the library words them.
        let e = pdf::Error::WrongPassword {
            file: "a.pdf".into(),
        };
        let message = e.to_string();
        assert_eq!(Failure::from(e).to_string(), message);
    }

    #[test]
    fn a_batch_names_the_database_that_records_its_failures() {
        let f = Failure::SomeFailed {
            failed: 1,
            total: 3,
            recorded_in: None,
        };
        assert_eq!(f.to_string(), "1 of 3 files failed");
        assert_eq!(f.status(), Status::SomeFailed);
        let f = Failure::SomeFailed {
            failed: 1,
            total: 3,
            recorded_in: Some("b.db".into()),
        };
        assert_eq!(
            f.to_string(),
            "1 of 3 files failed (recorded in the failures table of b.db)"
        );
    }

    #[test]
    fn diff_lists_five_violations_and_validate_all() {
        let v: Vec<Violation> = (0..7)
            .map(|i| Violation {
                path: format!("/x/{i}"),
                message: "bad".into(),
            })
            .collect();
        let diff = Failure::NotAPaper {
            file: "a.json".into(),
            violations: v.clone(),
        }
        .to_string();
        assert!(diff.ends_with("  /x/4: bad\n  and 2 more"), "{diff}");
        let validate = Failure::Invalid {
            file: "a.json".into(),
            violations: v,
        }
        .to_string();
        assert!(validate.ends_with("  /x/5: bad\n  /x/6: bad"), "{validate}");
        assert!(validate.starts_with("a.json: 7 schema violation(s):\n  /x/0: bad"));
    }
}
