//! Lists of the back matter: appendices ("Appendix A – Options appraisal", "A  Title" in two
//! columns) and background papers ("None" lists none).

use super::model::Appendix;
use crate::table::join_line;

/// Whether a list's only entry says there is nothing ("None", "N/A", "Nil").
pub(super) fn is_none(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    matches!(
        t.as_str(),
        "none" | "n/a" | "nil" | "not applicable" | "none."
    )
}

/// An appendix label: a number or a capital letter or two ("A", "12", "B1").
fn is_label(word: &str) -> bool {
    let w = word.trim_end_matches([':', '.', ',']);
    !w.is_empty()
        && w.len() <= 3
        && (w.chars().all(|c| c.is_ascii_digit())
            || (w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().skip(1).all(|c| c.is_ascii_digit())))
}

/// "Appendix A", "APPENDIX 2: Title", "Appendix B – Title": the label and the title after it
/// (empty when none), when `text` opens with an appendix label.
pub(super) fn appendix_heading(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [a, label, rest @ ..] if a.eq_ignore_ascii_case("appendix") && is_label(label) => {
            let rest: Vec<&str> = rest
                .iter()
                .copied()
                .skip_while(|w| w.chars().all(|c| matches!(c, '-' | '–' | '—' | ':')))
                .collect();
            Some((
                label.trim_end_matches([':', '.', ',']).to_string(),
                rest.join(" "),
            ))
        }
        _ => None,
    }
}

/// One row of an appendices list: "Appendix A – Title", "Appendix 1: Title", "A  Title", or
/// a title's wrapped continuation.
pub(super) fn appendix_line(list: &mut Vec<Appendix>, text: &str) {
    if is_none(text) || text.trim().is_empty() {
        return;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let (label, rest) = match words.as_slice() {
        [a, label, rest @ ..] if a.to_lowercase().starts_with("appendi") && is_label(label) => {
            (*label, rest)
        }
        [label, rest @ ..] if is_label(label) && !rest.is_empty() => (*label, rest),
        _ => {
            if let Some(last) = list.last_mut() {
                join_line(&mut last.title, text);
            }
            return;
        }
    };
    let rest: Vec<&str> = rest
        .iter()
        .copied()
        .skip_while(|w| w.chars().all(|c| matches!(c, '-' | '–' | '—' | ':')))
        .collect();
    list.push(Appendix {
        label: label.trim_end_matches([':', '.', ',']).to_string(),
        title: rest.join(" "),
        pages: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendices() {
        let mut l = Vec::new();
        appendix_line(&mut l, "Appendix A – Options appraisal");
        appendix_line(&mut l, "B      Internal Audit Charter");
        appendix_line(&mut l, "Appendix 2: Equality impact");
        appendix_line(&mut l, "assessment");
        let got: Vec<(&str, &str)> = l
            .iter()
            .map(|a| (a.label.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("A", "Options appraisal"),
                ("B", "Internal Audit Charter"),
                ("2", "Equality impact assessment")
            ]
        );
        assert!(is_none("None"));
        assert_eq!(
            appendix_heading("APPENDIX 2: Equality impact"),
            Some(("2".into(), "Equality impact".into()))
        );
        assert_eq!(appendix_heading("Appendix"), None);
        assert_eq!(appendix_heading("Appendices to this report"), None);
    }
}
