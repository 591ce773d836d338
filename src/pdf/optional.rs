//! Optional content (ISO 32000-1, 8.11): layers a viewer shows or hides. Content in a group
//! that the document's default configuration (`/OCProperties /D`) switches off is not what
//! the page shows — a draft layer, a hidden watermark, notes for another audience — and is not
//! read. A group is off when it is in the configuration's `/OFF` array, or when `/BaseState`
//! is `/OFF` and it is not in `/ON`. A membership dictionary (OCMD) is read simply: its
//! `/VE` expression when it has one (`/And`, `/Or`, `/Not`, nested at most
//! [`EXPRESSION_DEPTH_MAX`] deep), else its `/OCGs` under its policy `/P` (`/AnyOn` by
//! default). Anything unreadable counts as shown: content is never dropped on a guess.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Nesting of a visibility expression followed; deeper is read as shown.
const EXPRESSION_DEPTH_MAX: u8 = 8;

/// Groups listed in one configuration array read at most (real files have a handful).
const GROUPS_MAX: usize = 4096;

/// The optional content groups switched off in the document's default configuration.
#[derive(Debug, Default, Clone)]
pub(crate) struct OffGroups(Vec<ObjectId>);

impl OffGroups {
    /// The groups the document's default configuration switches off; none when it has no
    /// optional content.
    pub(crate) fn of(doc: &Document) -> OffGroups {
        OffGroups(off_groups(doc).unwrap_or_default())
    }

    /// Whether the document switches nothing off (most documents).
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether content marked with `oc` (an OCG or OCMD, or a reference to one) is hidden.
    pub(crate) fn hides(&self, doc: &Document, oc: &Object) -> bool {
        !self.is_empty() && visible(doc, &self.0, oc, 0) == Some(false)
    }
}

fn off_groups(doc: &Document) -> Option<Vec<ObjectId>> {
    let catalog = doc.catalog().ok()?;
    let props = dict(doc, catalog.get(b"OCProperties").ok()?)?;
    let config = dict(doc, props.get(b"D").ok()?)?;
    let ids = |d: &Dictionary, key: &[u8]| -> Vec<ObjectId> {
        d.get(key)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .take(GROUPS_MAX)
                    .filter_map(|o| o.as_reference().ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    let base_off =
        config.get(b"BaseState").ok().and_then(|o| o.as_name().ok()) == Some(b"OFF".as_slice());
    if base_off {
        let on = ids(config, b"ON");
        Some(
            ids(props, b"OCGs")
                .into_iter()
                .filter(|g| !on.contains(g))
                .collect(),
        )
    } else {
        Some(ids(config, b"OFF"))
    }
}

/// Whether `oc` is shown; `None` when it cannot be told.
fn visible(doc: &Document, off: &[ObjectId], oc: &Object, depth: u8) -> Option<bool> {
    if depth > EXPRESSION_DEPTH_MAX {
        return None;
    }
    if let Object::Reference(id) = oc {
        let target = doc.get_object(*id).ok()?;
        if let Object::Dictionary(d) = target {
            if d.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"OCMD".as_slice()) {
                return Some(!off.contains(id));
            }
        }
        return visible(doc, off, target, depth + 1);
    }
    let d = oc.as_dict().ok()?;
    match d.get(b"Type").and_then(|t| t.as_name()).ok()? {
        b"OCMD" => membership(doc, off, d, depth),
        // A group written in place has no identity to switch off.
        _ => None,
    }
}

/// Whether the membership dictionary `d` is shown.
fn membership(doc: &Document, off: &[ObjectId], d: &Dictionary, depth: u8) -> Option<bool> {
    if let Ok(ve) = d.get(b"VE") {
        return expression(doc, off, ve, depth + 1);
    }
    let groups = match doc.dereference(d.get(b"OCGs").ok()?).ok()? {
        (_, Object::Array(a)) => a.clone(),
        (Some(id), _) => vec![Object::Reference(id)],
        _ => return None,
    };
    let states: Vec<bool> = groups
        .iter()
        .take(GROUPS_MAX)
        .filter_map(|g| g.as_reference().ok().map(|id| !off.contains(&id)))
        .collect();
    if states.is_empty() {
        return None;
    }
    let policy = d.get(b"P").and_then(|p| p.as_name()).unwrap_or(b"AnyOn");
    Some(match policy {
        b"AllOn" => states.iter().all(|&on| on),
        b"AnyOff" => states.iter().any(|&on| !on),
        b"AllOff" => states.iter().all(|&on| !on),
        _ => states.iter().any(|&on| on),
    })
}

/// The value of a visibility expression (8.11.2.2): a group, or `[/And …]`, `[/Or …]`,
/// `[/Not x]`.
fn expression(doc: &Document, off: &[ObjectId], e: &Object, depth: u8) -> Option<bool> {
    if depth > EXPRESSION_DEPTH_MAX {
        return None;
    }
    let e = match e {
        Object::Reference(id) => match doc.get_object(*id).ok()? {
            Object::Array(a) => a,
            _ => return Some(!off.contains(id)),
        },
        Object::Array(a) => a,
        _ => return None,
    };
    let (op, args) = e.split_first()?;
    let values: Vec<bool> = args
        .iter()
        .take(GROUPS_MAX)
        .map(|a| expression(doc, off, a, depth + 1))
        .collect::<Option<_>>()?;
    match op.as_name().ok()? {
        b"And" => Some(values.iter().all(|&v| v)),
        b"Or" => Some(values.iter().any(|&v| v)),
        b"Not" => match values.as_slice() {
            [v] => Some(!v),
            _ => None,
        },
        _ => None,
    }
}

/// A dictionary, through a reference.
fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(o).ok()?.1.as_dict().ok()
}

/// Where the page's content is, as far as optional content goes: how deep in marked content,
/// and from which depth it is hidden.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Nesting {
    /// `BMC`/`BDC` open now.
    pub depth: u32,
    /// The depth at which hidden content began (its `EMC` ends it); `None` when shown.
    pub hidden_from: Option<u32>,
}

impl Nesting {
    /// Whether what is drawn now is hidden.
    pub(crate) fn hidden(&self) -> bool {
        self.hidden_from.is_some()
    }

    /// `BMC`/`BDC`; `hides` when it opens optional content switched off.
    pub(crate) fn begin(&mut self, hides: bool) {
        self.depth = self.depth.saturating_add(1);
        if hides && self.hidden_from.is_none() {
            self.hidden_from = Some(self.depth);
        }
    }

    /// `EMC`.
    pub(crate) fn end(&mut self) {
        if self.hidden_from == Some(self.depth) {
            self.hidden_from = None;
        }
        self.depth = self.depth.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    /// A document with groups A (off) and B (on), and `config` as its default configuration.
    fn doc(config: Dictionary) -> (Document, ObjectId, ObjectId) {
        let mut doc = Document::with_version("1.7");
        let a = doc.add_object(dictionary! { "Type" => "OCG", "Name" => "A" });
        let b = doc.add_object(dictionary! { "Type" => "OCG", "Name" => "B" });
        let mut config = config;
        for (key, value) in config.iter_mut() {
            if let Object::Array(names) = value {
                *names = names
                    .iter()
                    .map(|n| match n.as_name() {
                        Ok(b"A") => Object::Reference(a),
                        Ok(_) => Object::Reference(b),
                        Err(_) => n.clone(),
                    })
                    .collect();
            }
            let _ = key;
        }
        let props = dictionary! { "OCGs" => vec![a.into(), b.into()], "D" => config };
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "OCProperties" => props });
        doc.trailer.set("Root", catalog);
        (doc, a, b)
    }

    #[test]
    fn groups_off_by_name_or_by_base_state() {
        let (d, a, b) = doc(dictionary! { "OFF" => vec![Object::Name(b"A".to_vec())] });
        let off = OffGroups::of(&d);
        assert!(off.hides(&d, &Object::Reference(a)));
        assert!(!off.hides(&d, &Object::Reference(b)));
        let (d, a, b) = doc(dictionary! {
            "BaseState" => "OFF", "ON" => vec![Object::Name(b"B".to_vec())],
        });
        let off = OffGroups::of(&d);
        assert!(off.hides(&d, &Object::Reference(a)));
        assert!(!off.hides(&d, &Object::Reference(b)));
    }

    #[test]
    fn membership_dictionaries_follow_their_policy_and_expression() {
        let (d, a, b) = doc(dictionary! { "OFF" => vec![Object::Name(b"A".to_vec())] });
        let off = OffGroups::of(&d);
        let both = vec![Object::Reference(a), Object::Reference(b)];
        let md = |p: &str| {
            Object::Dictionary(dictionary! { "Type" => "OCMD", "OCGs" => both.clone(), "P" => p })
        };
        assert!(!off.hides(&d, &md("AnyOn")));
        assert!(off.hides(&d, &md("AllOn")));
        assert!(!off.hides(&d, &md("AnyOff")));
        assert!(off.hides(&d, &md("AllOff")));
        let ve = |e: Vec<Object>| Object::Dictionary(dictionary! { "Type" => "OCMD", "VE" => e });
        let not_a = vec!["Not".into(), Object::Reference(a)];
        assert!(!off.hides(&d, &ve(not_a.clone())));
        assert!(off.hides(
            &d,
            &ve(vec![
                "And".into(),
                Object::Reference(b),
                Object::Reference(a)
            ])
        ));
        assert!(!off.hides(
            &d,
            &ve(vec!["Or".into(), Object::Reference(a), not_a.into()])
        ));
    }

    #[test]
    fn marked_content_is_hidden_until_its_own_end() {
        let mut n = Nesting::default();
        n.begin(false);
        n.begin(true);
        n.begin(false);
        assert!(n.hidden());
        n.end();
        assert!(n.hidden());
        n.end();
        assert!(!n.hidden());
        n.end();
        n.end();
        assert_eq!(n.depth, 0);
    }
}
