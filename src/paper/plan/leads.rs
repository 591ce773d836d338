//! Leads printed as two posts joined by "and" or "&" in one entry ("Head of Housing and Head
//! of Planning", "Parks Manager & Tree Officer"): one lead each. A post whose own name holds
//! "and" ("Head of Housing and Planning", "Waste and Recycling Manager") stays one lead.

use super::text::{first_word, is_post, POST_OPENS};

/// Whether `s` reads as a whole post of two words or more: it ends in a post's noun (with
/// `person`, a person's post only; else a body's too) or opens with a post's own word
/// ("Head of …", "Director of …", "Chief …").
fn whole_post(s: &str, person: bool) -> bool {
    s.split_whitespace().count() >= 2
        && (is_post(s, person) || POST_OPENS.contains(&first_word(s).as_str()))
}

/// Split each lead at " and " / " & " where the text before reads as a whole post and the
/// part after as a whole person's post: "Director of Place and Chief Housing Officer" is two
/// leads, "Head of Property and Estates" one (the part after is no post), "Communities and
/// Partnerships Manager" one (the part before is none).
pub fn split_joined(leads: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for lead in leads {
        let mut cur = String::new();
        let mut rest = lead.as_str();
        while let Some((at, len)) = next_joint(rest) {
            let (before, after) = (
                rest.get(..at).unwrap_or(""),
                rest.get(at + len..).unwrap_or(""),
            );
            let mut head = cur.clone();
            head.push_str(before);
            let next_part = next_joint(after).map_or(after, |(k, _)| after.get(..k).unwrap_or(""));
            if whole_post(head.trim(), false) && whole_post(next_part.trim(), true) {
                out.push(head.trim().to_string());
                cur.clear();
            } else {
                cur = head;
                cur.push_str(rest.get(at..at + len).unwrap_or(""));
            }
            rest = after;
        }
        cur.push_str(rest);
        out.push(cur.trim().to_string());
    }
    out
}

/// The next " and " or " & " in `s`: its byte offset and length.
fn next_joint(s: &str) -> Option<(usize, usize)> {
    [" and ", " & "]
        .iter()
        .filter_map(|j| s.find(j).map(|k| (k, j.len())))
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn posts_joined_by_and_are_leads_each() {
        assert_eq!(
            split_joined(v(&[
                "Head of Economy and Head of Planning",
                "Director of Place and Chief Housing Officer",
                "Housing Options Manager and Homelessness Prevention Lead",
                "Parks Manager & Tree Officer",
                "Head of Policy and Head of Finance and Head of Audit",
            ])),
            v(&[
                "Head of Economy",
                "Head of Planning",
                "Director of Place",
                "Chief Housing Officer",
                "Housing Options Manager",
                "Homelessness Prevention Lead",
                "Parks Manager",
                "Tree Officer",
                "Head of Policy",
                "Head of Finance",
                "Head of Audit",
            ])
        );
        // One post whose name holds "and": no part after or before it is a post of its own.
        let one = v(&[
            "Head of Housing and Planning",
            "Head of Property and Estates",
            "Waste and Recycling Manager",
            "Director of Children and Families",
            "Chair, Health and Wellbeing Board",
            "Head of Finance and Corporate Services",
            "Adults and Children's Services",
        ]);
        assert_eq!(split_joined(one.clone()), one);
    }
}
