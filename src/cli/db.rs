//! The database of `import`, opened in one place for every command that uses it.

use std::path::Path;

use boardpaper::store::Store;

use super::Failure;

/// Open the database, creating it when missing (`import`).
pub fn create(db: &Path) -> Result<Store, Failure> {
    Ok(Store::open(db)?)
}

/// Open a database that must already exist (reading commands never create one).
pub fn existing(db: &Path) -> Result<Store, Failure> {
    if !db.is_file() {
        return Err(Failure::NoDatabase(db.to_path_buf()));
    }
    Ok(Store::open(db)?)
}

/// The first 12 hex digits of a hash, enough to tell documents apart.
pub fn short_hash(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
