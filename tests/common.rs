//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::PathBuf;

/// A path inside the repository's `fixtures/` folder.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// The board paper (V4 plan with its covering report), 21 pages.
pub const BOARD_PAPER: &str = "mscb/mscb-board-paper-2015-06.pdf";
/// The V3 plan alone, 16 pages.
pub const PLAN_V3: &str = "mscb/mscb-plan-v3-2015-03.pdf";
