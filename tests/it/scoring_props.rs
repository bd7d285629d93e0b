//! Laws of scoring, checked on random small questionnaires with random answers: scores
//! stay in 0..=1, a better answer never lowers a score or the level, and "not
//! applicable" on one question leaves every other section alone.
//!
//! The questionnaires have two unscored "driver" questions in a weight-0 profile section,
//! and every condition that shows a section or question reads a driver; a question may
//! also block on its own answer. The laws about changing one answer are stated for
//! questions no `show_if` or `blocker_if` reads, since changing a read answer may show or
//! hide other questions, which no law about means can promise anything about.

mod answers;
mod builtin;

use outready::answer::{Answer, AnswerState, Answers, Value};
use outready::questionnaire::Questionnaire;
use outready::scoring::{Assessment, assess};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Value as Json, json};

const DRIVERS: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    YesNo,
    Single,
    Scale,
    Multi,
    Number,
    Text,
}

/// How a generated question is answered; `Pick` is read per kind (an option, a set of
/// options as bits, a number).
#[derive(Debug, Clone, Copy)]
enum AnswerSpec {
    Absent,
    Pick(u8),
    Unsure,
    NotApplicable,
    Stale,
}

#[derive(Debug, Clone)]
struct QuestionSpec {
    kind: Kind,
    scores: Vec<f64>,
    weight: f64,
    critical: bool,
    allow_na: bool,
    show_if: Option<(usize, bool)>,
    blocks_on_itself: bool,
    answer: AnswerSpec,
}

#[derive(Debug, Clone)]
struct SectionSpec {
    weight: f64,
    show_if: Option<(usize, bool)>,
    questions: Vec<QuestionSpec>,
}

#[derive(Debug, Clone)]
struct Spec {
    drivers: Vec<Option<bool>>,
    sections: Vec<SectionSpec>,
}

fn answer_spec() -> impl Strategy<Value = AnswerSpec> {
    prop_oneof![
        2 => Just(AnswerSpec::Absent),
        6 => any::<u8>().prop_map(AnswerSpec::Pick),
        1 => Just(AnswerSpec::Unsure),
        1 => Just(AnswerSpec::NotApplicable),
        1 => Just(AnswerSpec::Stale),
    ]
}

fn condition() -> impl Strategy<Value = Option<(usize, bool)>> {
    proptest::option::weighted(0.25, (0..DRIVERS, any::<bool>()))
}

fn question_spec() -> impl Strategy<Value = QuestionSpec> {
    let kind = select(vec![
        Kind::YesNo,
        Kind::Single,
        Kind::Scale,
        Kind::Multi,
        Kind::Number,
        Kind::Text,
    ]);
    let scores = proptest::collection::vec(select(vec![0.0, 0.25, 0.5, 0.75, 1.0]), 2..=4);
    (
        kind,
        scores,
        select(vec![0.0, 0.5, 1.0, 2.0, 3.0]),
        proptest::bool::weighted(0.2),
        any::<bool>(),
        condition(),
        proptest::bool::weighted(0.15),
        answer_spec(),
    )
        .prop_map(
            |(kind, scores, weight, critical, allow_na, show_if, blocks_on_itself, answer)| {
                QuestionSpec {
                    kind,
                    scores,
                    weight,
                    critical,
                    allow_na,
                    show_if,
                    blocks_on_itself,
                    answer,
                }
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    let section = (
        select(vec![0.0, 0.5, 1.0, 2.0]),
        condition(),
        proptest::collection::vec(question_spec(), 1..=5),
    )
        .prop_map(|(weight, show_if, questions)| SectionSpec {
            weight,
            show_if,
            questions,
        });
    (
        proptest::collection::vec(proptest::option::of(any::<bool>()), DRIVERS),
        proptest::collection::vec(section, 1..=4),
    )
        .prop_map(|(drivers, sections)| Spec { drivers, sections })
}

fn driver_value(a: bool) -> &'static str {
    if a { "a" } else { "b" }
}

fn on_driver((driver, a): (usize, bool)) -> Json {
    json!({ "question": format!("d{driver}"), "eq": driver_value(a) })
}

fn question_id(s: usize, q: usize) -> String {
    format!("s{s}q{q}")
}

fn question_json(id: &str, spec: &QuestionSpec) -> Json {
    let options: Vec<Json> = spec
        .scores
        .iter()
        .enumerate()
        .map(|(i, score)| json!({ "value": format!("o{i}"), "label": format!("Option {i}"), "score": score }))
        .collect();
    let mut question = json!({
        "id": id,
        "text": format!("Question {id}?"),
        "why": "Generated.",
        "weight": spec.weight,
        "critical": spec.critical,
        "allow_na": spec.allow_na,
        "recommendations": [{
            "id": format!("r-{id}"), "text": "Fix it.", "effort": "S", "impact": "M",
            "owner": "you", "due_in_days": 7
        }],
    });
    let (kind, blocker) = match spec.kind {
        Kind::YesNo => ("yes_no", json!({ "question": id, "eq": "no" })),
        Kind::Single => ("single", json!({ "question": id, "eq": "o0" })),
        Kind::Scale => ("scale", json!({ "question": id, "eq": "o0" })),
        Kind::Multi => ("multi", json!({ "question": id, "contains": "o0" })),
        Kind::Number => ("number", json!({ "question": id, "lt": 10 })),
        Kind::Text => ("text", json!({ "question": id, "eq": "blocked" })),
    };
    question["type"] = json!(kind);
    match spec.kind {
        Kind::Single | Kind::Scale | Kind::Multi => question["options"] = json!(options),
        Kind::Number => {
            question["score_bands"] = json!([
                { "max": 10, "score": spec.scores[0] },
                { "min": 10, "score": spec.scores[1] }
            ])
        }
        Kind::YesNo | Kind::Text => {}
    }
    if spec.kind == Kind::Text {
        // A text answer carries no score: its advice needs its own condition, and it can
        // only be critical through a blocker.
        question["recommendations"][0]["when"] = blocker.clone();
        if !spec.blocks_on_itself {
            question["critical"] = json!(false);
        }
    }
    if spec.blocks_on_itself {
        question["blocker_if"] = blocker;
    }
    if let Some(condition) = spec.show_if {
        question["show_if"] = on_driver(condition);
    }
    question
}

fn questionnaire(spec: &Spec) -> Questionnaire {
    let drivers: Vec<Json> = (0..DRIVERS)
        .map(|d| {
            json!({
                "id": format!("d{d}"), "type": "single", "text": "Driver?", "why": "Generated.",
                "options": [ { "value": "a", "label": "A" }, { "value": "b", "label": "B" } ]
            })
        })
        .collect();
    let mut sections = vec![json!({
        "id": "profile", "title": "Profile", "weight": 0, "questions": drivers
    })];
    for (s, section) in spec.sections.iter().enumerate() {
        let questions: Vec<Json> = section
            .questions
            .iter()
            .enumerate()
            .map(|(q, question)| question_json(&question_id(s, q), question))
            .collect();
        let mut json = json!({
            "id": format!("s{s}"), "title": format!("Section {s}"), "weight": section.weight,
            "questions": questions
        });
        if let Some(condition) = section.show_if {
            json["show_if"] = on_driver(condition);
        }
        sections.push(json);
    }
    let text = json!({
        "format_version": 1,
        "id": "generated",
        "version": "1.0.0",
        "title": "Generated",
        "levels": [
            { "id": "not-ready", "label": "Not ready", "min": 0 },
            { "id": "foundations", "label": "Foundations missing", "min": 0.4 },
            { "id": "nearly", "label": "Nearly ready", "min": 0.7 },
            { "id": "ready", "label": "Ready", "min": 0.9 }
        ],
        "sections": sections,
    })
    .to_string();
    // The laws hold for any questionnaire the format can express, so the generated ones
    // skip the authoring checks (an all-zero weighting, a scale out of order) on purpose.
    let mut questionnaire: Questionnaire =
        serde_json::from_str(&text).expect("a generated questionnaire parses");
    questionnaire.prepare();
    questionnaire
}

fn answer(spec: &QuestionSpec) -> Option<Answer> {
    let options = spec.scores.len();
    let value = match spec.answer {
        AnswerSpec::Absent => return None,
        AnswerSpec::Unsure => return Some(Answer::in_state(AnswerState::Unsure)),
        AnswerSpec::NotApplicable => return Some(Answer::in_state(AnswerState::NotApplicable)),
        AnswerSpec::Stale => Value::Text("gone".into()),
        AnswerSpec::Pick(pick) => match spec.kind {
            Kind::YesNo => Value::Text(if pick % 2 == 0 { "yes" } else { "no" }.into()),
            Kind::Single | Kind::Scale => Value::Text(format!("o{}", pick as usize % options)),
            Kind::Multi => Value::List(
                (0..options)
                    .filter(|i| pick & (1 << i) != 0)
                    .map(|i| format!("o{i}"))
                    .collect(),
            ),
            Kind::Number => Value::Number(f64::from(pick % 4) * 7.0),
            Kind::Text => Value::Text("Some words.".into()),
        },
    };
    Some(Answer::answered(value))
}

fn answers(spec: &Spec) -> Answers {
    let mut answers = Answers::new();
    for (d, driver) in spec.drivers.iter().enumerate() {
        if let Some(a) = driver {
            answers.insert(
                format!("d{d}"),
                Answer::answered(Value::Text(driver_value(*a).into())),
            );
        }
    }
    for (s, section) in spec.sections.iter().enumerate() {
        for (q, question) in section.questions.iter().enumerate() {
            if let Some(answer) = answer(question) {
                answers.insert(question_id(s, q), answer);
            }
        }
    }
    answers
}

/// The best answer a question can get: the top option, every option of a multi, a number
/// in the better band.
fn best_answer(spec: &QuestionSpec) -> Option<Answer> {
    let top = spec
        .scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(i, _)| i);
    let value = match spec.kind {
        Kind::YesNo => Value::Text("yes".into()),
        Kind::Single | Kind::Scale => Value::Text(format!("o{top}")),
        Kind::Multi => Value::List((0..spec.scores.len()).map(|i| format!("o{i}")).collect()),
        Kind::Number => Value::Number(if spec.scores[1] >= spec.scores[0] {
            20.0
        } else {
            0.0
        }),
        Kind::Text => return None,
    };
    Some(Answer::answered(value))
}

/// Every question of the generated sections with its spec, as (section, id, spec); the
/// driver section is index 0 in the questionnaire, so generated section `s` is `s + 1`.
fn questions(spec: &Spec) -> Vec<(usize, String, &QuestionSpec)> {
    spec.sections
        .iter()
        .enumerate()
        .flat_map(|(s, section)| {
            section
                .questions
                .iter()
                .enumerate()
                .map(move |(q, question)| (s + 1, question_id(s, q), question))
        })
        .collect()
}

fn in_unit_range(score: Option<f64>) -> bool {
    score.is_none_or(|s| (0.0..=1.0).contains(&s))
}

fn section_scores(assessed: &Assessment) -> Vec<Option<f64>> {
    assessed.sections.iter().map(|s| s.score).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_score_stays_between_0_and_1(spec in spec()) {
        let questionnaire = questionnaire(&spec);
        let assessed = assess(&questionnaire, &answers(&spec));
        prop_assert!(in_unit_range(assessed.score));
        for section in &assessed.sections {
            prop_assert!(in_unit_range(section.score), "section {}", section.id);
            let c = section.completeness;
            prop_assert_eq!(c.answered + c.unsure + c.not_applicable + c.unanswered, c.shown);
        }
        for question in &assessed.questions {
            prop_assert!(in_unit_range(question.score), "question {}", question.id);
            prop_assert!(question.shown || question.score.is_none());
        }
        for gap in &assessed.gaps {
            prop_assert!(gap.priority.is_finite() && gap.priority >= 0.0);
        }
        let shown: usize = assessed.sections.iter().map(|s| s.completeness.shown).sum();
        prop_assert_eq!(assessed.completeness.shown, shown);
        if let (Some(level), Some(by_score)) = (&assessed.level, &assessed.level_by_score) {
            prop_assert!(level.index <= by_score.index);
        }
    }

    #[test]
    fn raising_a_counted_answer_to_its_best_never_lowers_a_score(spec in spec(), pick in any::<Index>()) {
        let questionnaire = questionnaire(&spec);
        let before_answers = answers(&spec);
        let before = assess(&questionnaire, &before_answers);
        // A question no condition reads, whose answer counts in the score now.
        let eligible: Vec<(String, &QuestionSpec)> = questions(&spec)
            .into_iter()
            .filter(|(_, id, q)| {
                !q.blocks_on_itself
                    && before.questions.iter().any(|a| &a.id == id && a.score.is_some())
            })
            .map(|(_, id, q)| (id, q))
            .collect();
        if eligible.is_empty() {
            return Ok(());
        }
        let (id, question) = pick.get(&eligible);
        let Some(best) = best_answer(question) else { return Ok(()) };
        let mut after_answers = before_answers.clone();
        after_answers.insert(id.clone(), best);
        let after = assess(&questionnaire, &after_answers);

        prop_assert!(after.score >= before.score, "overall {:?} -> {:?}", before.score, after.score);
        for (b, a) in section_scores(&before).iter().zip(section_scores(&after)) {
            prop_assert!(a >= *b, "section {:?} -> {:?}", b, a);
        }
        let index = |a: &Assessment| a.level.as_ref().map(|l| l.index);
        prop_assert!(index(&after) >= index(&before));
    }

    #[test]
    fn not_applicable_changes_no_other_section(spec in spec(), pick in any::<Index>()) {
        let questionnaire = questionnaire(&spec);
        let before_answers = answers(&spec);
        let eligible: Vec<(usize, String)> = questions(&spec)
            .into_iter()
            .filter(|(_, _, q)| q.allow_na && !q.blocks_on_itself)
            .map(|(s, id, _)| (s, id))
            .collect();
        if eligible.is_empty() {
            return Ok(());
        }
        let (section, id) = pick.get(&eligible);
        let mut after_answers = before_answers.clone();
        after_answers.insert(id.clone(), Answer::in_state(AnswerState::NotApplicable));
        let before = assess(&questionnaire, &before_answers);
        let after = assess(&questionnaire, &after_answers);
        for (s, (b, a)) in before.sections.iter().zip(&after.sections).enumerate() {
            if s != *section {
                prop_assert_eq!(b, a, "section {}", s);
            }
        }
    }
}
