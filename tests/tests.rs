//! One integration test binary (see `autotests = false` in Cargo.toml); each file is a module.

mod common;
mod cli;
mod mutation;
mod poppler;
mod synthetic;
