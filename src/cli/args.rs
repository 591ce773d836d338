//! The flags shared by several commands, as clap parses them (the low level; see
//! `options.rs` for what they become). Each is declared once here and flattened into the
//! commands that need it; the names of the flags that messages mention are constants.

use clap::Args;
use std::path::PathBuf;

use boardpaper::pages::PageSet;
use boardpaper::pdf::limits::{self, Limit};

/// `--password`, named by the message of an encrypted file.
pub const PASSWORD: &str = "password";
/// `--time-limit`.
const TIME_LIMIT: &str = "time-limit";
/// `--max-stream-bytes`.
const MAX_STREAM_BYTES: &str = "max-stream-bytes";
/// `--max-document-bytes`.
const MAX_DOCUMENT_BYTES: &str = "max-document-bytes";
/// `--max-operators`.
const MAX_OPERATORS: &str = "max-operators";
/// `--max-form-depth`.
const MAX_FORM_DEPTH: &str = "max-form-depth";
/// `--max-form-invocations`.
const MAX_FORM_INVOCATIONS: &str = "max-form-invocations";
/// `--max-objects`.
const MAX_OBJECTS: &str = "max-objects";
/// `--max-pages`.
const MAX_PAGES: &str = "max-pages";
/// `--max-cmap-entries`.
const MAX_CMAP_ENTRIES: &str = "max-cmap-entries";
/// `--max-glyphs`.
const MAX_GLYPHS: &str = "max-glyphs";
/// `--max-path-segments`.
const MAX_PATH_SEGMENTS: &str = "max-path-segments";

/// The flag (without `--`) that raises a limit; messages about a limit name it.
pub fn limit_flag(limit: Limit) -> &'static str {
    match limit {
        Limit::StreamBytes => MAX_STREAM_BYTES,
        Limit::DocumentBytes => MAX_DOCUMENT_BYTES,
        Limit::OperatorsPerPage => MAX_OPERATORS,
        Limit::FormDepth => MAX_FORM_DEPTH,
        Limit::FormInvocations => MAX_FORM_INVOCATIONS,
        Limit::CmapEntries => MAX_CMAP_ENTRIES,
        Limit::GlyphsPerPage => MAX_GLYPHS,
        Limit::PathSegmentsPerPage => MAX_PATH_SEGMENTS,
        Limit::Pages => MAX_PAGES,
        Limit::Objects => MAX_OBJECTS,
        Limit::Time => TIME_LIMIT,
    }
}

/// One PDF named on the command line, with the flags that open it (text, words, tables,
/// primitives).
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// The PDF to read; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[command(flatten)]
    pub open: OpenArgs,
}

/// The flags of every command that opens a PDF: its password and the limits.
#[derive(Args, Debug, Clone)]
pub struct OpenArgs {
    /// Password for an encrypted PDF (the empty password is always tried first).
    #[arg(long = PASSWORD, env = "BOARDPAPER_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The flags of every command that reads papers (extract, import, diff): how to open the
/// PDFs and the profile of their plans.
#[derive(Args, Debug, Clone)]
pub struct ReadArgs {
    #[command(flatten)]
    pub open: OpenArgs,
    /// A template profile (TOML or JSON) naming column roles, row patterns and status words
    /// for plans whose headers the built-in synonyms do not know (see the README).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

/// `-q`, for the commands that print warnings or a summary to standard error.
#[derive(Args, Debug, Clone)]
pub struct QuietArgs {
    /// Print no warnings or summaries to standard error, only errors (JSON outputs keep the
    /// warnings).
    #[arg(short, long)]
    pub quiet: bool,
}

/// The help heading of the limit flags (set per flag: a struct-level heading would carry on
/// to the flags that follow in the same command).
const LIMITS_HEADING: &str = "Limits on hostile input";

/// Limits on what one hostile or broken file may cost (see `pdf::Limits` for the reasons
/// behind each default). Page-level limits cut a page short with a warning; document-level
/// ones (objects, document bytes, time) stop the file with exit code 11.
#[derive(Args, Debug, Clone)]
pub struct LimitArgs {
    /// Wall-clock seconds one file may take (0: no limit).
    #[arg(help_heading = LIMITS_HEADING, long = TIME_LIMIT, value_name = "SECS", default_value_t = limits::DEFAULT_TIME_SECS as f64)]
    pub time_limit: f64,
    /// Largest decompressed size of one stream (bytes; K, M, G suffixes allowed).
    #[arg(help_heading = LIMITS_HEADING, long = MAX_STREAM_BYTES, value_name = "BYTES", value_parser = parse_bytes, default_value = "64M")]
    pub max_stream_bytes: usize,
    /// Decompressed bytes of all content streams of one file, forms counted per drawing.
    #[arg(help_heading = LIMITS_HEADING, long = MAX_DOCUMENT_BYTES, value_name = "BYTES", value_parser = parse_bytes, default_value = "256M")]
    pub max_document_bytes: usize,
    /// Content-stream operators per page, forms included.
    #[arg(help_heading = LIMITS_HEADING, long = MAX_OPERATORS, value_name = "N", default_value_t = limits::DEFAULT_OPERATORS_PER_PAGE)]
    pub max_operators: usize,
    /// Nesting depth of form XObjects.
    #[arg(help_heading = LIMITS_HEADING, long = MAX_FORM_DEPTH, value_name = "N", default_value_t = limits::DEFAULT_FORM_DEPTH)]
    pub max_form_depth: usize,
    /// Form XObjects drawn per page.
    #[arg(help_heading = LIMITS_HEADING, long = MAX_FORM_INVOCATIONS, value_name = "N", default_value_t = limits::DEFAULT_FORM_INVOCATIONS)]
    pub max_form_invocations: usize,
    /// Objects in one file; more and the file is refused.
    #[arg(help_heading = LIMITS_HEADING, long = MAX_OBJECTS, value_name = "N", default_value_t = limits::DEFAULT_OBJECTS)]
    pub max_objects: usize,
    /// Pages read from one file (later pages are skipped with a warning).
    #[arg(help_heading = LIMITS_HEADING, long = MAX_PAGES, value_name = "N", default_value_t = limits::DEFAULT_PAGES)]
    pub max_pages: usize,
    /// Mappings read from one CMap.
    #[arg(help_heading = LIMITS_HEADING, long = MAX_CMAP_ENTRIES, value_name = "N", default_value_t = limits::DEFAULT_CMAP_ENTRIES)]
    pub max_cmap_entries: usize,
    /// Glyphs per page.
    #[arg(help_heading = LIMITS_HEADING, long = MAX_GLYPHS, value_name = "N", default_value_t = limits::DEFAULT_GLYPHS_PER_PAGE)]
    pub max_glyphs: usize,
    /// Path segments per page.
    #[arg(help_heading = LIMITS_HEADING, long = MAX_PATH_SEGMENTS, value_name = "N", default_value_t = limits::DEFAULT_PATH_SEGMENTS_PER_PAGE)]
    pub max_path_segments: usize,
}

/// A `--max-*-bytes` value that is not a byte count.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a byte count (e.g. 1048576, 512K, 64M, 1G)")]
struct NotByteCount(String);

/// A byte count such as `1048576`, `512K`, `64M` or `1G` (powers of 1024).
fn parse_bytes(s: &str) -> Result<usize, NotByteCount> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1usize << shift))
        .ok_or_else(|| NotByteCount(s.to_string()))
}

/// Page selection shared by the commands that read several pages.
#[derive(Args, Debug, Clone)]
pub struct PagesArgs {
    /// Pages to read, e.g. `1-3,7` or `5-` (default: all).
    #[arg(long, value_name = "PAGES")]
    pub pages: Option<PageSet>,
}

/// Where the output goes, for the commands that write one file.
#[derive(Args, Debug, Clone)]
pub struct OutputArgs {
    /// Write to this file instead of standard output (written atomically).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_take_suffixes() {
        assert_eq!(parse_bytes("1048576"), Ok(1 << 20));
        assert_eq!(parse_bytes("64M"), Ok(64 << 20));
        assert_eq!(parse_bytes("1g"), Ok(1 << 30));
        assert_eq!(
            parse_bytes("lots").map_err(|e| e.to_string()),
            Err("\"lots\" is not a byte count (e.g. 1048576, 512K, 64M, 1G)".to_string())
        );
        assert!(parse_bytes("").is_err());
        assert!(parse_bytes("M").is_err());
        assert!(parse_bytes("-1K").is_err());
        assert!(parse_bytes("99999999999999999999G").is_err());
    }

    #[test]
    fn page_warnings_name_the_flag_the_command_line_has() {
        // The library keeps its page warnings' text as the JSON contract has it; that text
        // must name the same flag as the command line declares.
        for limit in Limit::ALL {
            assert_eq!(
                limit.raise_hint(),
                format!("raise it with --{}", limit_flag(limit)),
                "{limit:?}"
            );
        }
    }
}
