//! The `export` stage: stable wire formats (JSON, CSV, Markdown) for what the other stages
//! produce. Wire types are separate from the model so that refactoring the model cannot
//! silently change an output format.

pub mod paper;
pub mod schema;
pub mod sheet;
pub mod tables;
pub mod wire;
pub mod xlsx;
