//! Any bytes as a PDF: open, interpret every page (up to a few), lay the words out and read
//! the whole paper (tables, plans, report). Nothing may panic, abort or run away.
#![no_main]

use std::time::Duration;

use boardpaper::layout;
use boardpaper::pipeline;
use boardpaper::settings::Settings;
use boardpaper::pdf::{Document, Limits, OpenOptions};
use libfuzzer_sys::fuzz_target;

/// Pages interpreted per input: enough to reach cross-page logic, few enough to stay fast.
const MAX_PAGES: u32 = 8;

fuzz_target!(|data: &[u8]| {
    // Lowered limits keep each run short; the defaults are exercised by tests/broken.rs.
    let options = OpenOptions {
        password: None,
        limits: Limits {
            stream_bytes: 4 << 20,
            document_bytes: 16 << 20,
            operators_per_page: 100_000,
            form_invocations: 1_000,
            glyphs_per_page: 50_000,
            path_segments_per_page: 50_000,
            pages: 64,
            time: Some(Duration::from_secs(10)),
            ..Limits::default()
        },
    };
    let Ok(doc) = Document::from_bytes(data, "fuzz.pdf", &options) else {
        return;
    };
    for n in 1..=doc.page_count().min(MAX_PAGES) {
        let Ok(page) = doc.page(n) else { return };
        let settings = layout::Settings::default();
        let _ = layout::words(&page.glyphs, &settings);
        let _ = layout::lines(&page.glyphs, &settings);
        let _ = layout::blocks(&page.glyphs, &settings);
        let _ = layout::reading_text(&page.glyphs, &settings);
        let _ = layout::layout_text(&page.glyphs, &settings);
    }
    if doc.page_count() <= MAX_PAGES {
        let _ = pipeline::read(&doc, &Settings::default());
    }
});
