//! Calibration of the built-in questionnaire: six owners answer it (their answers are in
//! `tests/fixtures/personas/`, one question id a line), and each gets the verdict and the
//! first gaps an outsourcing specialist would give them. The expectations were written down
//! from the weights and the gap order before the tests were first run.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use outready::answer::{Answer, AnswerState, Answers, Value};
use outready::questionnaire::load::load_file;
use outready::questionnaire::{QuestionType, Questionnaire, Visibility};
use outready::scoring::{Assessment, HoldReason, assess};

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn questionnaire() -> Questionnaire {
    match load_file(&fixture("questionnaires/it-outsourcing.json")) {
        Ok(loaded) => std::sync::Arc::unwrap_or_clone(loaded.questionnaire),
        Err(problems) => panic!("the built-in questionnaire does not load: {problems:?}"),
    }
}

/// One answer as a persona file writes it: `[a, b]` for several options, `?` for "I don't
/// know yet", `n/a` for "not applicable", a number for a numeric question, else the text.
fn answer(q: &Questionnaire, id: &str, raw: &str) -> Answer {
    let question = q
        .question(id)
        .unwrap_or_else(|| panic!("persona answers unknown question {id}"));
    match raw {
        "?" => Answer::in_state(AnswerState::Unsure),
        "n/a" => Answer::in_state(AnswerState::NotApplicable),
        list if list.starts_with('[') => Answer::answered(Value::List(
            list.trim_matches(['[', ']'])
                .split(',')
                .map(|v| v.trim().to_string())
                .collect(),
        )),
        number if question.kind.is_numeric() => Answer::answered(Value::Number(
            number
                .parse()
                .unwrap_or_else(|_| panic!("{id}: {number} is not a number")),
        )),
        text => Answer::answered(Value::Text(text.to_string())),
    }
}

/// A persona's answers: its file's lines on top of its `base:` persona, less the ids its
/// `- id` lines take away.
fn persona(q: &Questionnaire, name: &str) -> Answers {
    let path = fixture(&format!("tests/fixtures/personas/{name}.txt"));
    let text = std::fs::read_to_string(&path).expect("the persona file exists");
    let mut answers = Answers::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(base) = line.strip_prefix("base:") {
            answers = persona(q, base.trim());
        } else if let Some(id) = line.strip_prefix("- ") {
            assert!(
                answers.remove(id.trim()).is_some(),
                "{name}: {id} not in base"
            );
        } else {
            let (id, raw) = line
                .split_once(" = ")
                .unwrap_or_else(|| panic!("{name}: cannot read {line:?}"));
            answers.insert(id.to_string(), answer(q, id, raw));
        }
    }
    answers
}

/// Every persona answers only questions it is shown, with answers the questionnaire can use:
/// a mistyped id or value would silently drop out of the verdict.
fn checked(q: &Questionnaire, name: &str) -> Answers {
    let answers = persona(q, name);
    let visibility = Visibility::compute(q, &answers);
    for (id, given) in &answers {
        assert!(
            visibility.shows(q, id),
            "{name} answers {id}, which it is not shown"
        );
        let question = q.question(id).expect("known question");
        if let Some(value) = given.given_value() {
            let usable = match value {
                Value::List(chosen) => {
                    question.kind == QuestionType::Multi
                        && chosen.iter().all(|v| question.option(v).is_some())
                }
                Value::Text(v) if question.kind.is_choice() => question.option(v).is_some(),
                Value::Text(_) => question.kind.is_textual(),
                Value::Number(_) => {
                    question.kind.is_numeric()
                        && (!question.is_scored() || question.score_of(value).is_some())
                }
            };
            assert!(usable, "{name}: {id} cannot take {value:?}");
        }
    }
    answers
}

fn level(a: &Assessment) -> &str {
    a.level.as_ref().map_or("", |l| l.id.as_str())
}

fn first_gaps(a: &Assessment, n: usize) -> Vec<&str> {
    a.gaps.iter().take(n).map(|g| g.question.as_str()).collect()
}

fn holds<'a>(a: &'a Assessment, reasons: &[HoldReason]) -> BTreeSet<&'a str> {
    a.holds
        .iter()
        .filter(|h| reasons.contains(&h.reason))
        .map(|h| h.question.as_str())
        .collect()
}

fn blockers(a: &Assessment) -> BTreeSet<&str> {
    holds(a, &[HoldReason::Blocker])
}

fn critical(a: &Assessment) -> BTreeSet<&str> {
    holds(a, &[HoldReason::CriticalLow, HoldReason::CriticalUnsure])
}

fn set<'a>(ids: &[&'a str]) -> BTreeSet<&'a str> {
    ids.iter().copied().collect()
}

fn stage_note<'q>(q: &'q Questionnaire, a: &Assessment) -> &'q str {
    let stage = q.stage.as_ref().expect("the questionnaire has a stage");
    a.stage
        .as_deref()
        .and_then(|value| stage.by_value.get(value))
        .map_or("", |s| s.note.as_str())
}

#[test]
fn well_prepared_is_ready_with_only_its_baseline_left() {
    let q = questionnaire();
    let a = assess(&q, &checked(&q, "well-prepared"));
    assert_eq!(level(&a), "ready", "score {:?}", a.score);
    assert!(a.holds.is_empty(), "{:?}", a.holds);
    assert_eq!(first_gaps(&a, 5), ["goal-baseline"]);
    assert!(stage_note(&q, &a).contains("sign only when no blocker is open"));
    // Its amounts are all in, leaving costs 16% of a year's fees (3,000 of 85 × 18 × 12),
    // and it has set the committed spend beside today's cost: every budget answer scores.
    for id in [
        "budget-today-invoices",
        "budget-setup-fee",
        "budget-exit-amount",
        "budget-compared",
    ] {
        let assessed = a.questions.iter().find(|x| x.id == id).expect(id);
        assert_eq!(assessed.score, Some(1.0), "{id}");
    }
}

#[test]
fn two_minor_gaps_make_nearly_ready_not_basics_missing() {
    let q = questionnaire();
    let a = assess(&q, &checked(&q, "two-minor-gaps"));
    assert_eq!(level(&a), "nearly", "score {:?}", a.score);
    assert!(a.holds.is_empty(), "{:?}", a.holds);
    assert_eq!(
        first_gaps(&a, 5),
        ["exit-triggers", "gov-warning-log", "goal-baseline"]
    );
}

#[test]
fn exploring_is_not_ready_to_sign_yet_without_blockers_from_honest_unknowns() {
    let q = questionnaire();
    let answers = checked(&q, "exploring");
    let a = assess(&q, &answers);
    assert_eq!(level(&a), "basics", "score {:?}", a.score);
    assert_eq!(a.stage.as_deref(), Some("exploring"));
    assert!(blockers(&a).is_empty(), "{:?}", blockers(&a));
    assert!(critical(&a).is_empty(), "{:?}", critical(&a));
    let note = stage_note(&q, &a);
    assert!(note.contains("not ready to sign yet") && note.contains("expected"));
    // What leads is what to get from providers: exit terms, fix targets, the contract.
    assert_eq!(
        first_gaps(&a, 5),
        [
            "exit-data-return",
            "exit-assistance",
            "sla-targets",
            "contract-schedule",
            "contract-written"
        ]
    );
    assert!(a.gaps.iter().take(5).all(|g| g.unsure));
    // The same answers with a draft contract in hand: the unknown terms now block.
    let mut draft = answers.clone();
    draft.insert(
        "profile-stage".into(),
        Answer::answered(Value::Text("draft".into())),
    );
    let with_draft = assess(&q, &draft);
    assert_eq!(level(&with_draft), "not-ready");
    assert!(
        blockers(&with_draft).is_superset(&set(&[
            "contract-schedule",
            "sec-dpa",
            "sec-ownership",
            "sla-targets",
            "exit-data-return"
        ])),
        "{:?}",
        blockers(&with_draft)
    );
}

#[test]
fn a_typical_small_firm_has_basics_missing() {
    let q = questionnaire();
    let a = assess(&q, &checked(&q, "typical-small-firm"));
    assert_eq!(level(&a), "basics", "score {:?}", a.score);
    assert!(blockers(&a).is_empty(), "{:?}", blockers(&a));
    assert_eq!(
        critical(&a),
        set(&[
            "scope-key-systems",
            "contract-termination",
            "contract-review",
            "sla-targets",
            "sec-provider-accounts",
            "sec-incident-hours",
            "exit-assistance"
        ])
    );
    assert_eq!(
        first_gaps(&a, 5),
        [
            "exit-assistance",
            "sla-targets",
            "sec-provider-accounts",
            "contract-review",
            "scope-key-systems"
        ]
    );
    // The budget gaps an expert names: staff time on IT and the cost of leaving not known,
    // no reserve, no time to manage the provider, extras and the price cap unclear. The
    // amounts it knows (today's invoices, the set-up fee) are no gap.
    let budget: BTreeSet<&str> = a
        .gaps
        .iter()
        .map(|g| g.question.as_str())
        .filter(|id| id.starts_with("budget-"))
        .collect();
    assert_eq!(
        budget,
        set(&[
            "budget-today-staff-hours",
            "budget-own-hours",
            "budget-extras",
            "budget-hardware",
            "budget-price-cap",
            "budget-reserve",
            "budget-exit-amount"
        ])
    );
    let leaving = a
        .gaps
        .iter()
        .find(|g| g.question == "budget-exit-amount")
        .expect("the cost of leaving");
    assert_eq!(leaving.recommendations, ["budget-exit-cost-ask"]);
}

#[test]
fn rushing_to_sign_under_pressure_is_not_ready_led_by_the_pressure_and_the_missing_review() {
    let q = questionnaire();
    let a = assess(&q, &checked(&q, "rushing"));
    assert_eq!(level(&a), "not-ready");
    assert_eq!(
        blockers(&a),
        set(&["select-warning-signs", "contract-review"])
    );
    assert_eq!(
        first_gaps(&a, 5),
        [
            "select-warning-signs",
            "contract-review",
            "exit-assistance",
            "sla-targets",
            "scope-key-systems"
        ]
    );
    assert_eq!(a.gaps[0].recommendations, ["select-red-flags-pressure"]);
}

#[test]
fn believing_every_sales_promise_is_not_above_basics_missing() {
    let q = questionnaire();
    let a = assess(&q, &checked(&q, "believer"));
    let index = a.level.as_ref().map_or(usize::MAX, |l| l.index);
    assert!(index <= 1, "level {}", level(&a));
    assert_eq!(level(&a), "basics", "score {:?}", a.score);
    assert_eq!(
        critical(&a),
        set(&[
            "scope-key-systems",
            "select-references-checked",
            "contract-review",
            "sec-provider-accounts"
        ])
    );
    assert_eq!(
        first_gaps(&a, 5),
        [
            "contract-review",
            "sec-provider-accounts",
            "scope-key-systems",
            "select-references-checked",
            "people-joiners-leavers"
        ]
    );
}

#[test]
fn two_answers_about_to_sign_are_never_ready_while_the_decisive_questions_are_open() {
    // An owner about to sign who has said only that the problem is clear scores 100% on
    // what is answered; every blocker and critical question is still open, so the
    // verdict stays at "Not ready yet" and names what to answer first.
    let q = questionnaire();
    let mut answers = Answers::new();
    answers.insert(
        "profile-stage".into(),
        answer(&q, "profile-stage", "signing"),
    );
    answers.insert("goal-problem".into(), answer(&q, "goal-problem", "yes"));
    let a = assess(&q, &answers);
    assert_eq!(
        a.level_by_score.as_ref().map(|l| l.id.as_str()),
        Some("ready")
    );
    assert_eq!(level(&a), "basics", "score {:?}", a.score);
    let open = holds(&a, &[HoldReason::Unanswered]);
    for id in ["contract-written", "contract-review", "backup-copies"] {
        assert!(open.contains(id), "{id} is open and decisive: {open:?}");
    }
    assert!(
        !open.contains("goal-problem"),
        "an answered question is not open"
    );
    // Every critical and blocker question answered (the well-prepared firm): none open.
    let prepared = assess(&q, &checked(&q, "well-prepared"));
    assert!(holds(&prepared, &[HoldReason::Unanswered]).is_empty());
}

#[test]
fn the_summary_counts_the_open_decisive_questions_it_does_not_name() {
    let data = tempfile::tempdir().unwrap();
    crate::support::outready(data.path())
        .args([
            "answer",
            "--plan",
            "V",
            "profile-stage=signing",
            "goal-problem=yes",
        ])
        .assert()
        .success();
    let out = crate::support::outready(data.path())
        .args(["report", "--plan", "V", "--detail", "summary"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("### Verdict: Not ready yet"), "{text}");
    assert!(
        text.contains("20 decisive questions not answered yet hold the verdict"),
        "{text}"
    );
    assert!(
        text.contains(
            "… and 15 more: critical answers below half or not known yet, or decisive questions not answered yet"
        ),
        "{text}"
    );
}
