//! One integration test binary (see `autotests = false` in Cargo.toml); each file is a module.

mod cli;
mod common;
mod mutation;
mod poppler;
mod synthetic;
mod tables;
