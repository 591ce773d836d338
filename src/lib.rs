//! boardpaper turns UK council board papers (PDF committee reports and their action-plan
//! appendices) into structured data.
//!
//! The pipeline flows one way, one module per stage:
//!
//! - [`pdf`]: lopdf → per-page primitives (glyphs, rules, fills) in the displayed page frame;
//! - [`layout`]: glyphs → words → lines → blocks, in reading order.
//!
//! ```no_run
//! use boardpaper::pdf::{Document, OpenOptions};
//! use boardpaper::layout;
//!
//! let doc = Document::open("fixtures/mscb/mscb-board-paper-2015-06.pdf".as_ref(), &OpenOptions::default())?;
//! let page = doc.page(5)?;
//! let words = layout::words(&page.glyphs, &layout::Settings::default());
//! println!("{} words on page 5, first: {}", words.len(), words[0].text);
//! # Ok::<(), boardpaper::pdf::Error>(())
//! ```
#![warn(missing_docs)]

pub mod colour;
pub mod dates;
pub mod diff;
pub mod export;
pub mod geom;
pub mod layout;
pub mod pages;
pub mod paper;
pub(crate) mod pattern;
pub mod pdf;
pub mod pipeline;
pub mod settings;
pub mod store;
pub mod svg;
pub mod table;
pub mod tolerance;
pub mod warning;
