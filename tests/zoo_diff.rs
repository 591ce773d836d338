//! The diff of plans of any template, apart from the reader: each version pair of the template
//! zoo (`fixtures/templates/*.changes.json`) diffed from its two truths (the plans as a
//! perfect reader gives them, loaded into the model through the paper's wire types) gives
//! exactly its change list.

use serde_json::Value;

use boardpaper::diff;
use boardpaper::export::wire;
use boardpaper::paper::document::Paper;

use crate::common::fixture;

/// A truth file's plans as a paper (its other parts play no role in a diff).
fn truth_paper(name: &str) -> Paper {
    let rel = format!("templates/{}", name.replace(".pdf", ".truth.json"));
    let bytes = std::fs::read(fixture(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let truth: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let plans: Vec<wire::Plan> = serde_json::from_value(truth["plans"].clone())
        .unwrap_or_else(|e| panic!("{rel}: plans: {e}"));
    Paper {
        file: name.to_string(),
        producer: None,
        creator: None,
        pages: truth["pages"].as_u64().unwrap_or(0) as u32,
        meeting: None,
        report: None,
        plans: plans.into_iter().map(Into::into).collect(),
        warnings: Vec::new(),
    }
}

/// A change as JSON text with its actions' `pages` left out (the change lists are written
/// from the truths without them).
fn without_pages(mut v: Value) -> String {
    for side in ["old", "new"] {
        if let Some(o) = v.get_mut(side).and_then(Value::as_object_mut) {
            o.remove("pages");
        }
    }
    v.to_string()
}

#[test]
fn zoo_version_pairs_diffed_from_their_truths_give_their_change_lists() {
    let mut names: Vec<String> = std::fs::read_dir(fixture("templates"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".changes.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "{names:?}");
    for name in names {
        let bytes = std::fs::read(fixture(&format!("templates/{name}"))).unwrap();
        let expected: Value = serde_json::from_slice(&bytes).unwrap();
        let (from, to) = (
            expected["from"].as_str().unwrap(),
            expected["to"].as_str().unwrap(),
        );
        let list = diff::diff_papers(&truth_paper(from), &truth_paper(to));
        assert_eq!((list.from.as_str(), list.to.as_str()), (from, to));
        let mut got: Vec<String> = list
            .changes
            .iter()
            .map(|c| without_pages(serde_json::to_value(c).unwrap()))
            .collect();
        let mut want: Vec<String> = expected["changes"]
            .as_array()
            .unwrap()
            .iter()
            // The truths leave out columns with no role: their changes come from the PDFs.
            .filter(|c| c["field"] != "fields")
            .map(|c| c.to_string())
            .collect();
        assert!(!want.is_empty(), "{name}");
        // The lists' orders differ (the expected ones put removals last); their contents
        // must not.
        got.sort();
        want.sort();
        assert_eq!(got, want, "{name}");
        // And the change list reads back as it was written.
        let back: Vec<diff::Change> =
            serde_json::from_value(expected["changes"].clone()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            back.len(),
            expected["changes"].as_array().map_or(0, Vec::len),
            "{name}"
        );
    }
}

/// Small hand-made plans: the rules of FORMAT.md "Change lists" for plans of any template.
/// The builders serve the sheet and store tests too.
pub(crate) mod hand_made {
    use boardpaper::diff::{diff_plans, Change, ChangeKind, Place, Value};
    use boardpaper::paper::model::{Action, Area, Field, Group, Milestone, Plan, Priority};

    pub(crate) fn action(number: &str, text: &str) -> Action {
        Action {
            number: number.into(),
            specific_action: text.into(),
            leads: vec!["Head of Service".into()],
            success_indicators: Vec::new(),
            milestones: vec![Milestone {
                text: format!("{text} – In progress – March 2025"),
                status: None,
                date: Some("March 2025".into()),
                rag: None,
                period: None,
                status_text: None,
            }],
            rag: Vec::new(),
            impact_evidence: Vec::new(),
            pages: [1, 1],
            rows: Vec::new(),
            number_implied: false,
            group: None,
            fields: Vec::new(),
        }
    }

    pub(crate) fn unnumbered(n: usize, text: &str) -> Action {
        Action {
            number_implied: true,
            ..action(&n.to_string(), text)
        }
    }

    pub(crate) fn area(number: u32, outcome: &str, actions: Vec<Action>) -> Area {
        Area {
            number,
            label: Some(format!("Outcome {number}")),
            outcome: outcome.into(),
            actions,
        }
    }

    pub(crate) fn priority(number: u32, title: &str, areas: Vec<Area>) -> Priority {
        Priority {
            number,
            label: Some(format!("Theme {number}")),
            title: title.into(),
            improvement_areas: areas,
        }
    }

    pub(crate) fn plan(priorities: Vec<Priority>) -> Plan {
        Plan {
            title: "Delivery plan".into(),
            version: None,
            version_date: None,
            columns: vec!["Ref".into(), "Action".into(), "Lead".into()],
            pages: [1, 1],
            priorities,
        }
    }

    /// A one-page paper holding `plans`.
    pub(crate) fn paper(plans: Vec<Plan>) -> boardpaper::paper::document::Paper {
        boardpaper::paper::document::Paper {
            file: "made.pdf".into(),
            producer: None,
            creator: None,
            pages: 1,
            meeting: None,
            report: None,
            plans,
            warnings: Vec::new(),
        }
    }

    /// A column with no role.
    pub(crate) fn field(heading: &str, text: &str) -> Field {
        Field {
            heading: heading.into(),
            text: text.into(),
        }
    }

    /// An action carrying every part a plan of any template may print beyond FORMAT.md's
    /// fields: a third-level group ("Project 2: Resurfacing"), two columns with no role and
    /// its first milestone's status word as printed ("Achieved").
    pub(crate) fn decorated(number: &str, text: &str) -> Action {
        let mut a = action(number, text);
        a.group = Some(boardpaper::paper::model::Group {
            label: Some("Project 2".into()),
            number: Some("2".into()),
            title: "Resurfacing".into(),
        });
        a.fields = vec![field("Comments", "Survey done."), field("Budget", "£2m")];
        if let Some(m) = a.milestones.first_mut() {
            m.status_text = Some("Achieved".into());
        }
        a
    }

    pub(crate) const ROADS: &str = "Resurface the twenty worst-rated roads in the borough";
    pub(crate) const LIGHTS: &str = "Replace every sodium street light with an LED lantern";
    pub(crate) const BUSES: &str = "Agree a new subsidised bus route to the hospital";
    pub(crate) const PARKS: &str = "Open two new pocket parks on council land";

    /// The changes' kinds and places; on the way, the list must be valid by
    /// schemas/changes.schema.json.
    fn kinds(changes: &[Change]) -> Vec<(ChangeKind, u32, u32, String, Option<String>)> {
        let list = serde_json::json!({"from": "a.pdf", "to": "b.pdf", "changes": changes});
        assert_eq!(
            boardpaper::export::schema::validate_changes(&list),
            Ok(()),
            "{list:#}"
        );
        changes
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.priority,
                    c.area,
                    c.action.clone(),
                    c.field.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn an_action_moved_to_another_group_is_one_change() {
        let old = plan(vec![
            priority(
                1,
                "Roads",
                vec![area(
                    1,
                    "Safe roads",
                    vec![action("1.1", ROADS), action("1.2", BUSES)],
                )],
            ),
            priority(
                2,
                "Transport",
                vec![area(1, "Good buses", vec![action("2.1", LIGHTS)])],
            ),
        ]);
        let new = plan(vec![
            priority(
                1,
                "Roads",
                vec![area(1, "Safe roads", vec![action("1.1", ROADS)])],
            ),
            priority(
                2,
                "Transport",
                vec![area(
                    1,
                    "Good buses",
                    vec![action("2.1", LIGHTS), action("2.2", BUSES)],
                )],
            ),
        ]);
        let changes = diff_plans(&old, &new);
        assert_eq!(
            kinds(&changes),
            [(ChangeKind::ActionMoved, 2, 1, "2.2".to_string(), None)]
        );
        let place = |p: u32, n: &str| {
            Some(Value::Place(Place {
                priority: p,
                area: 1,
                group: None,
                number: n.into(),
            }))
        };
        assert_eq!(changes[0].old, place(1, "1.2"));
        assert_eq!(changes[0].new, place(2, "2.2"));
    }

    #[test]
    fn an_action_renumbered_in_its_group_is_one_change() {
        let old = plan(vec![priority(
            1,
            "Roads",
            vec![area(
                1,
                "Safe roads",
                vec![action("1.1", ROADS), action("1.2", LIGHTS)],
            )],
        )]);
        let new = plan(vec![priority(
            1,
            "Roads",
            vec![area(
                1,
                "Safe roads",
                vec![
                    action("1.1", PARKS),
                    action("1.2", ROADS),
                    action("1.3", LIGHTS),
                ],
            )],
        )]);
        let changes = diff_plans(&old, &new);
        assert_eq!(
            kinds(&changes),
            [
                (ChangeKind::ActionAdded, 1, 1, "1.1".to_string(), None),
                (ChangeKind::ActionRenumbered, 1, 1, "1.2".to_string(), None),
                (ChangeKind::ActionRenumbered, 1, 1, "1.3".to_string(), None),
            ]
        );
        assert_eq!(changes[1].old, Some(Value::Text("1.1".into())));
    }

    #[test]
    fn unnumbered_actions_are_matched_by_content_and_not_renumbered() {
        let old = plan(vec![priority(
            1,
            "",
            vec![area(
                1,
                "",
                vec![unnumbered(1, ROADS), unnumbered(2, LIGHTS)],
            )],
        )]);
        let mut lights = unnumbered(3, LIGHTS);
        lights.leads.push("Street Lighting Engineer".into());
        let new = plan(vec![priority(
            1,
            "",
            vec![area(
                1,
                "",
                vec![unnumbered(1, BUSES), unnumbered(2, ROADS), lights],
            )],
        )]);
        let changes = diff_plans(&old, &new);
        assert_eq!(
            kinds(&changes),
            [
                (ChangeKind::ActionAdded, 1, 1, "1".to_string(), None),
                (
                    ChangeKind::FieldChanged,
                    1,
                    1,
                    "3".to_string(),
                    Some("leads".to_string())
                ),
            ]
        );
        // Counted numbers are not matched: action "1" of each version differs entirely.
        let old = plan(vec![priority(
            1,
            "",
            vec![area(1, "", vec![unnumbered(1, ROADS)])],
        )]);
        let new = plan(vec![priority(
            1,
            "",
            vec![area(1, "", vec![unnumbered(1, PARKS)])],
        )]);
        let k: Vec<ChangeKind> = diff_plans(&old, &new).iter().map(|c| c.kind).collect();
        assert_eq!(k, [ChangeKind::ActionRemoved, ChangeKind::ActionAdded]);
    }

    #[test]
    fn group_labels_and_an_inserted_priority() {
        let old = plan(vec![
            priority(
                1,
                "Roads",
                vec![area(1, "Safe roads", vec![action("1.1", ROADS)])],
            ),
            priority(
                2,
                "Transport",
                vec![area(1, "Good buses", vec![action("2.1", BUSES)])],
            ),
        ]);
        let mut new = plan(vec![
            priority(
                1,
                "Roads",
                vec![area(1, "Safe roads", vec![action("1.1", ROADS)])],
            ),
            priority(
                2,
                "Green spaces",
                vec![area(1, "More parks", vec![action("2.1", PARKS)])],
            ),
            priority(
                3,
                "Transport",
                vec![area(1, "Good buses", vec![action("3.1", BUSES)])],
            ),
        ]);
        new.priorities[0].improvement_areas[0].label = Some("Objective 1".into());
        let changes = diff_plans(&old, &new);
        assert_eq!(
            kinds(&changes),
            [
                (
                    ChangeKind::FieldChanged,
                    1,
                    1,
                    String::new(),
                    Some("label".to_string())
                ),
                (ChangeKind::ActionAdded, 2, 1, "2.1".to_string(), None),
                (
                    ChangeKind::FieldChanged,
                    3,
                    0,
                    String::new(),
                    Some("label".to_string())
                ),
                (ChangeKind::ActionRenumbered, 3, 1, "3.1".to_string(), None),
            ]
        );
        assert_eq!(changes[0].old, Some(Value::Text("Outcome 1".into())));
        assert_eq!(changes[0].new, Some(Value::Text("Objective 1".into())));
        assert_eq!(changes[2].old, Some(Value::Text("Theme 2".into())));
        assert_eq!(changes[2].new, Some(Value::Text("Theme 3".into())));
    }

    #[test]
    fn columns_with_no_role_and_third_level_groups() {
        let group = |n: &str, t: &str| Group {
            label: Some(format!("Project {n}")),
            number: Some(n.into()),
            title: t.into(),
        };
        let mut a = action("1.1", ROADS);
        a.fields = vec![field("Comments", "Survey done."), field("Budget", "£2m")];
        a.group = Some(group("1", "Resurfacing"));
        let mut b = a.clone();
        b.fields = vec![
            field("comments", "Survey done; contract let."),
            field("Ward", "All"),
        ];
        b.group = Some(group("1", "Resurfacing and repairs"));
        let old = plan(vec![priority(
            1,
            "Roads",
            vec![area(1, "Safe roads", vec![a.clone()])],
        )]);
        let new = plan(vec![priority(
            1,
            "Roads",
            vec![area(1, "Safe roads", vec![b])],
        )]);
        let changes = diff_plans(&old, &new);
        assert_eq!(kinds(&changes).len(), 4);
        let fields: Vec<(Option<String>, Option<&Value>, Option<&Value>)> = changes
            .iter()
            .map(|c| (c.field.clone(), c.old.as_ref(), c.new.as_ref()))
            .collect();
        assert_eq!(
            fields,
            [
                (
                    Some("group".into()),
                    Some(&Value::Group(group("1", "Resurfacing"))),
                    Some(&Value::Group(group("1", "Resurfacing and repairs")))
                ),
                (
                    Some("fields".into()),
                    Some(&Value::Field(field("Comments", "Survey done."))),
                    Some(&Value::Field(field(
                        "comments",
                        "Survey done; contract let."
                    )))
                ),
                (
                    Some("fields".into()),
                    None,
                    Some(&Value::Field(field("Ward", "All")))
                ),
                (
                    Some("fields".into()),
                    Some(&Value::Field(field("Budget", "£2m"))),
                    None
                ),
            ]
        );
        // Into another project of the same area: moved, with both groups in its places.
        let mut c = a.clone();
        c.group = Some(group("2", "Repairs"));
        let new = plan(vec![priority(
            1,
            "Roads",
            vec![area(1, "Safe roads", vec![c])],
        )]);
        let changes = diff_plans(&old, &new);
        assert_eq!(
            kinds(&changes),
            [(ChangeKind::ActionMoved, 1, 1, "1.1".to_string(), None)]
        );
        let json = serde_json::to_value(&changes[0]).unwrap();
        assert_eq!(json["old"]["group"]["title"], "Resurfacing");
        assert_eq!(json["new"]["group"]["number"], "2");
        // Every one of these change lists reads back as written.
        let text = serde_json::to_string(&changes).unwrap();
        let back: Vec<Change> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, changes);
    }
}
