//! Property tests (the fuzzing that runs in `cargo test`) for everything that reads
//! untrusted text: the plan parser, the questionnaire parser and plan names. Whatever
//! the input, no panic; a broken plan is reported with a place, never read as another
//! plan; a plan saved is the plan loaded; a plan name never leaves the plans folder.
//!
//! For a longer hunt: `PROPTEST_CASES=100000 cargo test --release --test parser_props`.

use std::path::{Component, Path};

use jiff::Timestamp;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::read::parse;
use outready::plan::{Plan, PlanError, PlanName, PlanStore};
use outready::questionnaire::load::{self, load_text};
use proptest::prelude::*;

const SMALL: &str = include_str!("../fixtures/questionnaires/valid/small.json");
const PLAN_V1: &str = include_str!("../fixtures/plans/formats/v1.json");
const PLAN_V2: &str = include_str!("../fixtures/plans/formats/v2.json");

fn a_plan(answers: Vec<(String, Answer)>, name: &str) -> Plan {
    let loaded = load_text("small.json", SMALL, false).expect("test setup");
    let now: Timestamp = "2026-11-22T10:00:00Z".parse().expect("test setup");
    let mut plan = Plan::new(&PlanName::new(name).expect("test setup"), &loaded, now);
    for (id, answer) in answers {
        plan.answers.insert(id, answer);
    }
    plan
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(Value::Number),
        ".*".prop_map(Value::Text),
        prop::collection::vec(".*", 0..4).prop_map(Value::List),
    ]
}

fn any_answer() -> impl Strategy<Value = Answer> {
    (
        prop_oneof![
            Just(AnswerState::Unanswered),
            Just(AnswerState::Answered),
            Just(AnswerState::Unsure),
            Just(AnswerState::NotApplicable),
        ],
        proptest::option::of(any_value()),
        proptest::option::of(".*"),
        any::<bool>(),
    )
        .prop_map(|(state, value, note, discuss)| Answer {
            state,
            value,
            note,
            discuss,
            ..Answer::default()
        })
}

/// The number of cases: `PROPTEST_CASES` when set (for a longer hunt), else `default`.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(cases)
}

/// Checks what the plan parser said about some bytes.
fn judged(bytes: &[u8]) -> Result<Plan, PlanError> {
    let result = parse(Path::new("plans/x.json"), bytes);
    if let Err(error) = &result {
        assert!(
            error.is_damaged() || matches!(error, PlanError::TooNew { .. }),
            "{error:?}"
        );
        if let PlanError::Damaged { line, column, .. } = error {
            assert!(*line >= 1 && *column >= 1, "{error}");
        }
        assert!(error.to_string().contains("plans/x.json"));
    }
    result
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn any_bytes_are_a_plan_or_a_located_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = judged(&bytes);
    }

    #[test]
    fn a_plan_cut_short_anywhere_is_damaged_never_another_plan(cut in 0..PLAN_V2.len()) {
        let text = &PLAN_V2.as_bytes()[..cut];
        if text.iter().all(u8::is_ascii_whitespace) || cut < PLAN_V2.trim_end().len() {
            prop_assert!(judged(text).is_err());
        }
    }

    #[test]
    fn a_plan_with_a_byte_changed_is_read_or_reported(
        at in 0..PLAN_V1.len(),
        byte in any::<u8>(),
        old in any::<bool>(),
    ) {
        let source = if old { PLAN_V1 } else { PLAN_V2 };
        let mut bytes = source.as_bytes().to_vec();
        let at = at.min(bytes.len() - 1);
        bytes[at] = byte;
        let _ = judged(&bytes);
    }

    #[test]
    fn any_text_is_a_questionnaire_or_a_list_of_problems(text in ".{0,300}") {
        if let Err(problems) = load::parse("q.json", &text) {
            prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn a_questionnaire_with_a_piece_cut_out_is_read_or_its_problems_listed(
        from in 0..SMALL.len(),
        length in 0..200usize,
    ) {
        let from = (0..=from).rev().find(|i| SMALL.is_char_boundary(*i)).unwrap_or(0);
        let to = (from + length).min(SMALL.len());
        let to = (to..=SMALL.len()).find(|i| SMALL.is_char_boundary(*i)).unwrap_or(SMALL.len());
        let text = format!("{}{}", &SMALL[..from], &SMALL[to..]);
        if let Err(problems) = load::parse("q.json", &text) {
            prop_assert!(!problems.is_empty());
            for problem in problems {
                prop_assert!(!problem.message.is_empty());
            }
        }
    }

    #[test]
    fn a_plan_name_never_leaves_the_plans_folder(name in "\\PC{0,100}|[./\\\\:a-z\u{0}-\u{1f}]{0,20}") {
        let dir = Path::new("/data");
        let store = PlanStore::in_data_dir(dir);
        if let Ok(plan_name) = PlanName::new(&name) {
            let stem = plan_name.stem();
            prop_assert!(!stem.is_empty());
            prop_assert!(stem.chars().all(|c| c.is_alphanumeric() || c == '-'), "{:?}", stem);
            let path = store.path_for(&plan_name);
            prop_assert_eq!(path.parent(), Some(store.dir()));
            prop_assert!(path.components().all(|c| matches!(c, Component::RootDir | Component::Normal(_))));
            let reserved = ["con", "prn", "aux", "nul", "com1", "lpt1"];
            prop_assert!(!reserved.contains(&stem), "{:?}", stem);
        }
    }
}

proptest! {
    // Each case syncs a file to disk: fewer of them.
    #![proptest_config(cases(48))]

    #[test]
    fn a_plan_saved_is_the_plan_loaded(
        answers in prop::collection::vec(("[a-z0-9-]{1,12}", any_answer()), 0..12),
        name in "[A-Za-z0-9][A-Za-z0-9 .&'()-]{0,30}",
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        let plan = a_plan(answers, &name);
        let path = store.save(&plan).unwrap();
        prop_assert_eq!(outready::plan::store::load_path(&path).unwrap(), plan);
    }
}
