//! **Optional content switched off** ([`crate::pdf::optional`]): marked content
//! `/OC /name BDC … EMC` and XObjects with `/OC` whose group the document's default view
//! hides paint nothing; their glyphs are counted in a page warning
//! ([`crate::pdf::WarningKind::HiddenLayerText`]).

use lopdf::{Dictionary, Object};

use super::Interpreter;

impl<'a> Interpreter<'a> {
    /// `BMC`, or `BDC` with its `/OC` properties' name.
    pub(super) fn marked_begin(&mut self, oc: Option<&[u8]>, res: Option<&'a Dictionary>) {
        let hides = match oc {
            Some(name) if !self.layers.is_empty() => {
                let props = res.and_then(|r| self.resource_dict(r, b"Properties"));
                self.layer_hides(props.and_then(|p| p.get(name).ok()))
            }
            _ => false,
        };
        self.nesting.begin(hides);
    }

    /// Whether optional content `oc` (an /OC entry) is switched off.
    pub(super) fn layer_hides(&self, oc: Option<&Object>) -> bool {
        match oc {
            Some(oc) if !self.layers.is_empty() => self.layers.hides(self.doc, oc),
            _ => false,
        }
    }
}
