//! One integration test binary (see `autotests = false` in Cargo.toml); each file is a module.

mod broken;
mod cli;
mod common;
mod corpus;
mod diff;
mod export;
mod kent_tables;
mod mutation;
mod paper;
mod poppler;
mod regression;
mod report;
mod reports_zoo;
mod store;
mod synthetic;
mod tables;
mod zoo;
mod zoo_diff;
