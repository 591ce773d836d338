//! Opening a document (with decryption) and reading page geometry.

use std::path::Path;

use lopdf::{Dictionary, Object, ObjectId};

use super::error::{Error, Warning, WarningKind};
use super::limits::{Budget, Limit, Limits};
use super::types::PageInfo;
use crate::geom::{Matrix, Rect};

/// How far to look for the `%PDF-` header (many producers put junk before it; 7.5.2 and
/// common practice allow up to 1024 bytes).
const HEADER_SEARCH_BYTES: usize = 1024;
/// Deepest page tree we follow for inherited attributes (real trees are 2-4 deep).
const MAX_PAGE_TREE_DEPTH: usize = 64;
/// US Letter, used when a page has no usable /MediaBox (7.7.3.3 makes it required).
const DEFAULT_MEDIA_BOX: [f64; 4] = [0.0, 0.0, 612.0, 792.0];

/// How to open a document.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// The password for an encrypted file (the empty user password is always tried first).
    pub password: Option<String>,
    /// Limits on what the file may cost.
    pub limits: Limits,
}

/// An open PDF document.
pub struct Document {
    pub(crate) inner: lopdf::Document,
    name: String,
    pages: Vec<ObjectId>,
    pub(crate) limits: Limits,
    /// What the document has spent against its document-level limits.
    pub(crate) budget: Budget,
    warnings: Vec<Warning>,
    /// Fonts loaded so far, shared by all pages.
    pub(crate) fonts: super::interp::FontCache,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("name", &self.name)
            .field("pages", &self.pages.len())
            .finish()
    }
}

/// Geometry of one page, resolved through the page tree.
#[derive(Debug, Clone)]
pub(crate) struct PageGeometry {
    pub info: PageInfo,
    /// PDF user space to the displayed page frame.
    pub matrix: Matrix,
}

impl Document {
    /// Open a file. `path` is also the name used in every message. The time budget
    /// ([`Limits::time`]) starts before the file is read.
    pub fn open(path: &Path, options: &OpenOptions) -> Result<Document, Error> {
        let budget = Budget::start(&options.limits);
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            file: name.clone(),
            source,
        })?;
        Document::load(&bytes, &name, options, budget)
    }

    /// Open a document held in memory; `name` is used in messages.
    pub fn from_bytes(bytes: &[u8], name: &str, options: &OpenOptions) -> Result<Document, Error> {
        Document::load(bytes, name, options, Budget::start(&options.limits))
    }

    fn load(
        bytes: &[u8],
        name: &str,
        options: &OpenOptions,
        budget: Budget,
    ) -> Result<Document, Error> {
        let file = name.to_string();
        check_header(bytes, &file)?;
        let load = |password: Option<String>| {
            let opts = lopdf::LoadOptions {
                password,
                max_decompressed_size: Some(options.limits.stream_bytes),
                ..Default::default()
            };
            lopdf::Document::load_mem_with_options(bytes, opts)
        };
        // The objects the pages need, read directly when the file is plain; lopdf's full
        // load (with its repairs and decryption) otherwise.
        let quick = super::lazy::load(bytes, options.limits.stream_bytes, options.limits.objects);
        let mut inner = match quick.map_or_else(|| load(None), Ok) {
            Ok(doc) => doc,
            Err(lopdf::Error::Decryption(_)) | Err(lopdf::Error::InvalidPassword) => {
                return Err(Error::PasswordRequired { file })
            }
            Err(e) => {
                return Err(Error::Damaged {
                    file,
                    reason: e.to_string(),
                })
            }
        };
        if needs_password(&inner) {
            let Some(password) = options.password.clone() else {
                return Err(Error::PasswordRequired { file });
            };
            inner = match load(Some(password)) {
                Ok(doc) if !needs_password(&doc) => doc,
                Ok(_) | Err(lopdf::Error::Decryption(_)) | Err(lopdf::Error::InvalidPassword) => {
                    return Err(Error::WrongPassword { file })
                }
                Err(e) => {
                    return Err(Error::Damaged {
                        file,
                        reason: e.to_string(),
                    })
                }
            };
        }
        let exceeded = |limit: Limit, value: usize| Error::LimitExceeded {
            file: name.to_string(),
            limit,
            value: value as u64,
            page: None,
        };
        if inner.objects.len() > options.limits.objects {
            return Err(exceeded(Limit::Objects, options.limits.objects));
        }
        if let Err(e) = budget.check_time() {
            return Err(Error::LimitExceeded {
                file,
                limit: e.limit,
                value: e.value,
                page: None,
            });
        }
        let mut warnings = Vec::new();
        if inner.xref_recovery.is_some() {
            warnings.push(Warning {
                page: None,
                kind: WarningKind::XrefRecovered,
            });
        }
        // Not `get_pages()`: its collect trusts the tree's /Count as a size hint, and a damaged
        // /Count of 4294967295 asks for a 50 GB allocation. `take` bounds the hint too.
        let pages: Vec<ObjectId> = inner.page_iter().take(options.limits.pages).collect();
        if inner.page_iter().nth(options.limits.pages).is_some() {
            warnings.push(Warning {
                page: None,
                kind: WarningKind::LimitHit {
                    limit: Limit::Pages,
                    value: options.limits.pages as u64,
                },
            });
        }
        if pages.is_empty() {
            return Err(Error::Damaged {
                file,
                reason: "no pages found in the page tree".into(),
            });
        }
        Ok(Document {
            inner,
            name: file,
            pages,
            limits: options.limits.clone(),
            budget,
            warnings,
            fonts: Default::default(),
        })
    }

    /// The name given when opening.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Number of pages.
    pub fn page_count(&self) -> u32 {
        u32::try_from(self.pages.len()).unwrap_or(u32::MAX)
    }

    /// Document-level warnings (e.g. a rebuilt cross-reference table).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The /Producer of the document information dictionary, if any.
    pub fn producer(&self) -> Option<String> {
        self.info_text(b"Producer")
    }

    /// The /Creator of the document information dictionary (the program the document was
    /// made in, before conversion to PDF), if any.
    pub fn creator(&self) -> Option<String> {
        self.info_text(b"Creator")
    }

    fn info_text(&self, key: &[u8]) -> Option<String> {
        let info = self.inner.trailer.get(b"Info").ok()?;
        let info = self.inner.dereference(info).ok()?.1.as_dict().ok()?;
        match info.get(key).ok()? {
            Object::String(s, _) => Some(super::text::decode_text_string(s)),
            _ => None,
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    pub(crate) fn page_id(&self, number: u32) -> Result<ObjectId, Error> {
        number
            .checked_sub(1)
            .and_then(|i| self.pages.get(i as usize))
            .copied()
            .ok_or(Error::NoSuchPage {
                file: self.name.clone(),
                page: number,
                count: self.page_count(),
            })
    }

    /// Size and rotation of page `number` (1-based).
    pub fn page_info(&self, number: u32) -> Result<PageInfo, Error> {
        let (geometry, _) = self.geometry(number)?;
        Ok(geometry.info)
    }

    /// Geometry of a page, with problems found on the way.
    pub(crate) fn geometry(&self, number: u32) -> Result<(PageGeometry, Vec<WarningKind>), Error> {
        let id = self.page_id(number)?;
        let mut problems = Vec::new();
        let page = match self.inner.get_dictionary(id) {
            Ok(d) => Some(d),
            Err(e) => {
                // A page the tree names but whose object is lost (cut off, unparseable):
                // everything on it is gone, which must not pass as an empty page.
                problems.push(WarningKind::PageStructure {
                    problem: format!(
                        "the page object ({} {} R) cannot be read ({e}); the page is empty",
                        id.0, id.1
                    ),
                });
                None
            }
        };
        let media = self
            .inherited(page, b"MediaBox")
            .and_then(|o| self.rect(o))
            .unwrap_or_else(|| {
                if page.is_some() {
                    problems.push(WarningKind::PageStructure {
                        problem: "no usable /MediaBox; US Letter assumed".into(),
                    });
                }
                DEFAULT_MEDIA_BOX
            });
        let crop = self
            .inherited(page, b"CropBox")
            .and_then(|o| self.rect(o))
            .and_then(|c| {
                let r = [
                    c[0].max(media[0]),
                    c[1].max(media[1]),
                    c[2].min(media[2]),
                    c[3].min(media[3]),
                ];
                (r[0] < r[2] && r[1] < r[3]).then_some(r)
            })
            .unwrap_or(media);
        let raw_rotate = self
            .inherited(page, b"Rotate")
            .and_then(|o| self.inner.dereference(o).ok())
            .and_then(|(_, o)| o.as_i64().ok())
            .unwrap_or(0);
        let rotation = raw_rotate.rem_euclid(360);
        let rotation = if rotation % 90 != 0 {
            problems.push(WarningKind::PageStructure {
                problem: format!("/Rotate {raw_rotate} is not a multiple of 90; 0 used"),
            });
            0
        } else {
            rotation as u16
        };
        let [x0, y0, x1, y1] = crop;
        let (w, h) = (x1 - x0, y1 - y0);
        let (matrix, width, height) = match rotation {
            90 => (Matrix::new(0.0, 1.0, 1.0, 0.0, -y0, -x0), h, w),
            180 => (Matrix::new(-1.0, 0.0, 0.0, 1.0, x1, -y0), w, h),
            270 => (Matrix::new(0.0, -1.0, -1.0, 0.0, y1, x1), h, w),
            _ => (Matrix::new(1.0, 0.0, 0.0, -1.0, -x0, y1), w, h),
        };
        Ok((
            PageGeometry {
                info: PageInfo {
                    number,
                    width,
                    height,
                    rotation,
                },
                matrix,
            },
            problems,
        ))
    }

    /// An attribute of a page, inherited through /Parent (7.7.3.4).
    pub(crate) fn inherited<'a>(
        &'a self,
        page: Option<&'a Dictionary>,
        key: &[u8],
    ) -> Option<&'a Object> {
        let mut node = page?;
        for _ in 0..MAX_PAGE_TREE_DEPTH {
            if let Ok(v) = node.get(key) {
                return Some(v);
            }
            let parent = node.get(b"Parent").ok()?;
            node = self.inner.dereference(parent).ok()?.1.as_dict().ok()?;
        }
        None
    }

    /// A rectangle array, normalised so that x0 < x1 and y0 < y1; `None` if malformed or empty.
    fn rect(&self, o: &Object) -> Option<[f64; 4]> {
        let arr = self.inner.dereference(o).ok()?.1.as_array().ok()?;
        let mut v = [0.0; 4];
        if arr.len() != 4 {
            return None;
        }
        for (slot, item) in v.iter_mut().zip(arr) {
            let n = self.inner.dereference(item).ok()?.1;
            *slot = match n {
                Object::Integer(i) => *i as f64,
                Object::Real(r) => f64::from(*r),
                _ => return None,
            };
            if !slot.is_finite() {
                return None;
            }
        }
        let r = [
            v[0].min(v[2]),
            v[1].min(v[3]),
            v[0].max(v[2]),
            v[1].max(v[3]),
        ];
        (r[2] - r[0] > 0.0 && r[3] - r[1] > 0.0).then_some(r)
    }

    /// The page's displayed box, for callers that need the whole page as a [`Rect`].
    pub fn page_rect(&self, number: u32) -> Result<Rect, Error> {
        let i = self.page_info(number)?;
        Ok(Rect {
            x0: 0.0,
            top: 0.0,
            x1: i.width,
            bottom: i.height,
        })
    }
}

/// Whether the document is still locked: it declares encryption but could not be decrypted.
/// lopdf loads such a file as Ok with an empty page tree.
fn needs_password(doc: &lopdf::Document) -> bool {
    doc.is_encrypted() && (doc.encryption_state.is_none() || doc.page_iter().next().is_none())
}

fn check_header(bytes: &[u8], file: &str) -> Result<(), Error> {
    if bytes.is_empty() {
        return Err(Error::NotPdf {
            file: file.into(),
            reason: "the file is empty".into(),
        });
    }
    let head = &bytes[..bytes.len().min(HEADER_SEARCH_BYTES)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(());
    }
    let what = match head {
        [0x89, b'P', b'N', b'G', ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [b'P', b'K', 3, 4, ..] => "a ZIP archive (a .docx or .xlsx?)",
        [b'G', b'I', b'F', b'8', ..] => "a GIF image",
        [b'I', b'I', 42, 0, ..] | [b'M', b'M', 0, 42, ..] => "a TIFF image",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "an old Office document (.doc/.xls)",
        _ if head.starts_with(b"<!DOCTYPE") || head.starts_with(b"<html") => "an HTML page",
        _ => "no %PDF- header in the first 1024 bytes",
    };
    Err(Error::NotPdf {
        file: file.into(),
        reason: what.into(),
    })
}
