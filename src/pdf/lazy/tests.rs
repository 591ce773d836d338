use super::*;
use std::path::{Path, PathBuf};

const LIMIT: usize = 64 * 1024 * 1024;

fn pdfs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            pdfs(&p, out);
        } else if p.extension().is_some_and(|x| x == "pdf") {
            out.push(p);
        }
    }
}

/// Every object the fast path reads is the object lopdf reads for that number, and the fast
/// path takes the ordinary files. `BOARDPAPER_LAZY_CORPUS` names one more folder to check.
#[test]
fn every_object_read_is_the_object_lopdf_reads() {
    let mut files = Vec::new();
    pdfs(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut files,
    );
    if let Some(extra) = std::env::var_os("BOARDPAPER_LAZY_CORPUS") {
        pdfs(Path::new(&extra), &mut files);
    }
    files.sort();
    let mut taken = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let Some(ours) = load(&bytes, LIMIT, 1_000_000) else {
            continue;
        };
        let theirs = lopdf::Document::load_mem(&bytes)
            .unwrap_or_else(|e| panic!("{}: lopdf fails ({e}) where we read", path.display()));
        assert!(theirs.xref_recovery.is_none(), "{}", path.display());
        for (id, object) in &ours.objects {
            assert_eq!(
                theirs.objects.get(id),
                Some(object),
                "{}: object {id:?}",
                path.display()
            );
        }
        assert_eq!(
            ours.trailer.get(b"Root").ok(),
            theirs.trailer.get(b"Root").ok()
        );
        assert_eq!(
            ours.page_iter().take(20_000).collect::<Vec<_>>(),
            theirs.page_iter().take(20_000).collect::<Vec<_>>(),
            "{}",
            path.display()
        );
        taken.push(
            path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(path)
                .display()
                .to_string(),
        );
    }
    for must in [
        "fixtures/mscb/mscb-board-paper-2015-06.pdf",
        "fixtures/mscb/mscb-plan-v3-2015-03.pdf",
    ] {
        assert!(taken.iter().any(|t| t == must), "{must} left to lopdf");
    }
    eprintln!("fast path took {} of {} files", taken.len(), files.len());
}

/// A cross-reference stream with an object stream: the structure tree (broken here) is not
/// read; the page and its font, inside the object stream, are.
#[test]
fn object_streams_and_unread_keys() {
    let mut pdf = b"%PDF-1.5\n".to_vec();
    let mut offsets = [0usize; 8];
    let mut add = |pdf: &mut Vec<u8>, n: usize, body: &[u8]| {
        offsets[n] = pdf.len();
        pdf.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    };
    add(
        &mut pdf,
        1,
        b"<</Type/Catalog/Pages 2 0 R/StructTreeRoot 5 0 R>>",
    );
    add(&mut pdf, 2, b"<</Type/Pages/Kids[3 0 R]/Count 1>>");
    add(&mut pdf, 5, b"<</Type/StructTreeRoot/K (broken");
    let objects = "<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 4 0 R>>>>>> \
                   <</Type/Font/Subtype/Type1/BaseFont/Helvetica>>";
    let second = objects.find(" <<").unwrap() + 1;
    let head = format!("3 0 4 {second} ");
    let inner = format!("{head}{objects}");
    let body = format!(
        "<</Type/ObjStm/N 2/First {}/Length {}>>stream\n{inner}\nendstream",
        head.len(),
        inner.len()
    );
    add(&mut pdf, 6, body.as_bytes());
    let xref_at = pdf.len();
    let row = |t: u8, a: usize, b: usize| [t, (a >> 8) as u8, a as u8, b as u8];
    let mut rows = Vec::new();
    rows.extend(row(0, 0, 255));
    rows.extend(row(1, offsets[1], 0));
    rows.extend(row(1, offsets[2], 0));
    rows.extend(row(2, 6, 0));
    rows.extend(row(2, 6, 1));
    rows.extend(row(1, offsets[5], 0));
    rows.extend(row(1, offsets[6], 0));
    rows.extend(row(1, xref_at, 0));
    pdf.extend_from_slice(
        format!(
            "7 0 obj\n<</Type/XRef/Size 8/W[1 2 1]/Root 1 0 R/Length {}>>stream\n",
            rows.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&rows);
    pdf.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    let doc = load(&pdf, LIMIT, 100).expect("read without lopdf");
    let font = doc.get_dictionary((4, 0)).unwrap();
    assert_eq!(
        font.get(b"BaseFont").unwrap().as_name().unwrap(),
        b"Helvetica"
    );
    assert!(
        !doc.objects.contains_key(&(5, 0)),
        "the structure tree is not read"
    );
    assert_eq!(doc.page_iter().collect::<Vec<_>>(), vec![(3, 0)]);
    // More entries than allowed: left to lopdf.
    assert!(load(&pdf, LIMIT, 7).is_none());
}
