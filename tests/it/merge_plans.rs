#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! Merging plans: the laws of `plan::merge` as property tests (a plan merged with itself
//! is itself, the order of the inputs changes at most which answer is current, no answer
//! is lost, the inputs are unchanged), the three-way merge, and `outready merge` with
//! good and bad input, conflict copies and the git merge driver end to end.

use std::collections::BTreeSet;

use jiff::Timestamp;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::merge::{self, Source};
use outready::plan::{PLAN_FORMAT_VERSION, Plan, Position, QuestionnaireRef, Stance};
use proptest::prelude::*;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + seconds).unwrap()
}

pub fn plan(name: &str, questionnaire: &str) -> Plan {
    Plan {
        format_version: PLAN_FORMAT_VERSION,
        name: name.to_string(),
        questionnaire: QuestionnaireRef {
            id: questionnaire.into(),
            version: "1.0.0".into(),
            hash: "sha256:00".into(),
            questions: Vec::new(),
        },
        created: at(0),
        updated: at(100),
        position: Position::default(),
        answers: Default::default(),
        actions: Vec::new(),
        participants: Vec::new(),
        positions: Default::default(),
        history: Vec::new(),
        currency: None,
        agenda: None,
        extra: Default::default(),
    }
}

fn answer_strategy() -> impl Strategy<Value = Answer> {
    (
        0..4u8,
        prop::sample::select(vec!["yes", "no", "partly"]),
        0..50i64,
        prop::option::of(prop::sample::select(vec!["ask Ann", "see the contract"])),
    )
        .prop_map(|(kind, text, t, note)| {
            let mut answer = match kind {
                0 => Answer::in_state(AnswerState::Unsure),
                1 => Answer::in_state(AnswerState::NotApplicable),
                2 => Answer::answered(Value::Number(t as f64)),
                _ => Answer::answered(Value::Text(text.into())),
            };
            answer.changed = Some(at(t));
            answer.note = note.map(str::to_string);
            answer
        })
}

fn plan_strategy(name: &'static str) -> impl Strategy<Value = Plan> {
    prop::collection::btree_map(
        prop::sample::select(vec!["a", "b", "c", "d", "e"]).prop_map(str::to_string),
        answer_strategy(),
        0..5,
    )
    .prop_map(move |answers| {
        let mut plan = plan(name, "small");
        plan.answers = answers;
        plan
    })
}

fn source(label: &str, plan: &Plan) -> Source {
    Source {
        label: label.into(),
        plan: plan.clone(),
    }
}

/// Whether the result holds this answer as its answer or as the position of `label`.
fn kept(merged: &Plan, id: &str, label: &str, answer: &Answer) -> bool {
    let current = merged.answers.get(id).unwrap();
    if (current.state, &current.value) == (answer.state, &answer.value) {
        return true;
    }
    let stand = &merged.positions[id].by[label];
    let wanted = merge::stand_of(answer);
    stand.same_as(&wanted) && stand.extra == wanted.extra
}

proptest! {
    #[test]
    fn a_plan_merged_with_itself_is_itself(p in plan_strategy("Acme")) {
        let merged = merge::merge(&[source("Acme", &p), source("Acme", &p)]).unwrap();
        prop_assert_eq!(&merged.plan, &p);
        prop_assert!(merged.disputes.is_empty());
    }

    #[test]
    fn no_answer_is_lost_and_the_inputs_are_unchanged(
        a in plan_strategy("Laptop"),
        b in plan_strategy("Office"),
        c in plan_strategy("Ann"),
    ) {
        let sources = vec![source("Laptop", &a), source("Office", &b), source("Ann", &c)];
        let before = sources.clone();
        let merged = merge::merge(&sources).unwrap();
        prop_assert_eq!(&sources, &before);
        for s in &sources {
            for (id, answer) in &s.plan.answers {
                prop_assert!(kept(&merged.plan, id, &s.label, answer), "{} of {} lost", id, s.label);
            }
        }
        for dispute in &merged.disputes {
            prop_assert!(merged.plan.positions[&dispute.question].differ());
        }
    }

    #[test]
    fn the_order_of_the_inputs_changes_at_most_the_current_answer(
        a in plan_strategy("Laptop"),
        b in plan_strategy("Office"),
    ) {
        let one = merge::merge(&[source("Laptop", &a), source("Office", &b)]).unwrap();
        let two = merge::merge(&[source("Office", &b), source("Laptop", &a)]).unwrap();
        let disputed: BTreeSet<String> = one.disputes.iter().map(|d| d.question.clone()).collect();
        let other: BTreeSet<String> = two.disputes.iter().map(|d| d.question.clone()).collect();
        prop_assert_eq!(&disputed, &other);
        prop_assert_eq!(&one.plan.positions, &two.plan.positions);
        for (id, answer) in &one.plan.answers {
            let theirs = &two.plan.answers[id];
            if disputed.contains(id) {
                prop_assert_eq!(&answer.note, &theirs.note);
            } else {
                prop_assert_eq!(answer, theirs);
            }
        }
        prop_assert_eq!(one.plan.answers.len(), two.plan.answers.len());
    }
}

#[test]
fn different_answers_become_a_dispute_with_the_newest_current() {
    let mut laptop = plan("Acme", "small");
    let mut office = plan("Acme", "small");
    let mut yes = Answer::answered(Value::Text("yes".into()));
    yes.changed = Some(at(5));
    yes.note = Some("checked the contract".into());
    let mut no = Answer::answered(Value::Text("no".into()));
    no.changed = Some(at(9));
    no.note = Some("no contract found".into());
    laptop.answers.insert("dpa".into(), yes);
    office.answers.insert("dpa".into(), no);
    let mut staff = Answer::answered(Value::Number(6.0));
    staff.changed = Some(at(1));
    laptop.answers.insert("staff".into(), staff.clone());
    let merged = merge::merge(&[source("Laptop", &laptop), source("Office", &office)]).unwrap();
    assert_eq!(
        merged.taken,
        vec![("staff".to_string(), "Laptop".to_string())]
    );
    assert_eq!(merged.disputes.len(), 1);
    assert_eq!(merged.disputes[0].current, "Office");
    let dpa = &merged.plan.answers["dpa"];
    assert_eq!(dpa.value, Some(Value::Text("no".into())));
    assert_eq!(
        dpa.note.as_deref(),
        Some("Laptop: checked the contract\nOffice: no contract found")
    );
    let positions = &merged.plan.positions["dpa"];
    assert_eq!(positions.by["Laptop"].stance, Stance::Answered);
    assert_eq!(positions.agreement(), outready::plan::Agreement::Disputed);
    let names: Vec<&str> = merged
        .plan
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, vec!["Laptop", "Office"]);
    assert_eq!(merged.plan.answers["staff"], staff);
}

#[test]
fn actions_join_by_recommendation_with_the_status_furthest_along() {
    use outready::plan::{Action, ActionStatus};
    let action = |status, owner: &str| Action {
        recommendation: "write-problem".into(),
        question: "problem".into(),
        text: None,
        find_out: false,
        owner: owner.into(),
        due: None,
        status,
        accepted: at(3),
        extra: Default::default(),
    };
    let mut old = plan("Acme", "small");
    old.actions.push(action(ActionStatus::Done, "Sam"));
    let mut new = plan("Acme", "small");
    new.updated = at(200);
    new.actions.push(action(ActionStatus::InProgress, "Ann"));
    let merged = merge::merge(&[source("Old", &old), source("New", &new)]).unwrap();
    assert_eq!(merged.plan.actions.len(), 1);
    assert_eq!(merged.plan.actions[0].status, ActionStatus::Done);
    assert_eq!(merged.plan.actions[0].owner, "Ann");
}

#[test]
fn plans_on_different_questionnaires_are_refused() {
    let error = merge::merge(&[
        source("Acme", &plan("Acme", "small")),
        source("Other", &plan("Other", "world")),
    ])
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "\"Acme\" answers the questionnaire \"small\" and \"Other\" answers \"world\": only plans on the same questionnaire can be merged"
    );
}

#[test]
fn three_way_takes_one_sided_changes_and_disputes_two_sided_ones() {
    let text = |t: &str, s| {
        let mut a = Answer::answered(Value::Text(t.into()));
        a.changed = Some(at(s));
        a
    };
    let mut base = plan("Acme", "small");
    base.answers.insert("a".into(), text("yes", 1));
    base.answers.insert("b".into(), text("yes", 1));
    base.answers.insert("c".into(), text("yes", 1));
    let mut ours = base.clone();
    ours.answers.insert("a".into(), text("no", 2));
    ours.answers.insert("c".into(), text("no", 2));
    let mut theirs = base.clone();
    theirs.answers.remove("b");
    theirs.answers.insert("c".into(), text("partly", 3));
    let merged = merge::merge3(&base, &source("ours", &ours), &source("theirs", &theirs)).unwrap();
    assert_eq!(
        merged.plan.answers["a"].value,
        Some(Value::Text("no".into()))
    );
    assert!(
        !merged.plan.answers.contains_key("b"),
        "their removal is taken"
    );
    let disputed: Vec<&str> = merged
        .disputes
        .iter()
        .map(|d| d.question.as_str())
        .collect();
    assert_eq!(disputed, vec!["c"]);
    assert_eq!(
        merged.plan.answers["c"].value,
        Some(Value::Text("partly".into()))
    );
}
