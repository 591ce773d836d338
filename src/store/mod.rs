//! A local SQLite store of every plan version ever imported, so the history of each action can
//! be read back and any version exported or compared again.
//!
//! Documents are keyed by the sha256 of their bytes: importing the same file twice (under any
//! name) stores it once. Each document goes in as one transaction, so a crash or Ctrl-C never
//! leaves half a document. The layout (tables, keys, an example query) is documented in
//! README.md, "The import database"; [`schema::MIGRATIONS`] is its source.
//!
//! ```no_run
//! use boardpaper::store::Store;
//!
//! let store = Store::open("boardpaper.db".as_ref())?;
//! for v in store.plan_versions()? {
//!     println!("{} version {:?} ({:?}) from {}", v.title, v.version, v.version_date, v.file);
//! }
//! # Ok::<(), boardpaper::store::Error>(())
//! ```

pub mod date;
pub mod history;
mod read;
pub mod schema;
mod write;

use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::path::Path;

pub use history::{ActionKey, History, VersionEntry};
pub use read::PlanVersion;
pub use write::Imported;

/// How long a writer waits for another process's lock before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Why the store could not do what was asked. Every variant names the database.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// SQLite reported an error.
    #[error("{db}: {doing}: {source}")]
    Sqlite {
        /// The database file.
        db: String,
        /// What the store was doing.
        doing: String,
        /// SQLite's reason.
        source: rusqlite::Error,
    },
    /// The database was written by a newer boardpaper.
    #[error("{db}: schema version {found} is newer than this boardpaper knows ({known}); upgrade boardpaper")]
    TooNew {
        /// The database file.
        db: String,
        /// Its `user_version`.
        found: u32,
        /// The latest version this build knows.
        known: u32,
    },
    /// A stored document's JSON does not read back as a paper.
    #[error("{db}: document {file} (sha256 {hash}): stored JSON cannot be read: {source}")]
    Json {
        /// The database file.
        db: String,
        /// The document's file name.
        file: String,
        /// Its hash.
        hash: String,
        /// The reason.
        source: serde_json::Error,
    },
    /// Nothing stored matches the selection.
    #[error("{db}: {what}")]
    NotFound {
        /// The database file.
        db: String,
        /// What was looked for, and what there is instead.
        what: String,
    },
    /// Several stored versions match; the message lists them.
    #[error("{db}: {what}")]
    Ambiguous {
        /// The database file.
        db: String,
        /// What was looked for, and the candidates.
        what: String,
    },
}

/// A store: one SQLite connection. Writes go through it on one thread.
pub struct Store {
    conn: Connection,
    name: String,
    /// Test hook: abort the process after this many inserted rows (see `write.rs`).
    abort_after_rows: Option<u64>,
    rows_written: u64,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("db", &self.name).finish()
    }
}

/// The sha256 of `bytes`, as 64 lowercase hex digits (the key of a document).
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// Open (or create) the database at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store, Error> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| Error::Sqlite {
            db: name.clone(),
            doing: "cannot open the database".into(),
            source,
        })?;
        Store::from_connection(conn, name)
    }

    /// Use an open connection (an in-memory database in tests); `name` is used in messages.
    pub fn from_connection(mut conn: Connection, name: String) -> Result<Store, Error> {
        let sql = |doing: &str| sqlite(&name, doing);
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(sql("cannot set the busy timeout"))?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql("cannot turn on foreign keys"))?;
        let found = schema::version(&conn).map_err(sql("cannot read the schema version"))?;
        let known = schema::latest();
        if found > known {
            return Err(Error::TooNew {
                db: name,
                found,
                known,
            });
        }
        if found < known {
            schema::migrate(&mut conn, found, known).map_err(sql(&format!(
                "cannot migrate the schema from version {found} to {known}"
            )))?;
        }
        Ok(Store {
            conn,
            name,
            abort_after_rows: test_hook_abort_after_rows(),
            rows_written: 0,
        })
    }

    /// The database's name as used in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The connection, for queries this module does not offer (read-only use intended).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Wrap a SQLite error with the database and what was being done.
fn sqlite(db: &str, doing: &str) -> impl FnOnce(rusqlite::Error) -> Error {
    let db = db.to_string();
    let doing = doing.to_string();
    move |source| Error::Sqlite { db, doing, source }
}

/// `BOARDPAPER_TEST_ABORT_AFTER_ROWS=N` aborts the process after N inserted rows, in the
/// middle of a document's transaction: the crash test in `tests/store.rs` uses it. It is read
/// in every build (the tests run the `boardpaper` command, built without debug assertions as
/// the release build is); it is a test hook, never set it otherwise.
fn test_hook_abort_after_rows() -> Option<u64> {
    std::env::var("BOARDPAPER_TEST_ABORT_AFTER_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
}
