//! Unit tests of scoring, as tables of cases on the `small` fixture and on small
//! questionnaires written inline. Helpers here; the cases in the files beside.

mod answers;
mod gaps;
mod levels;
mod means;
mod stages;

use serde_json::{Value as Json, json};

use crate::answer::{Answer, AnswerState, Answers, Value};
use crate::questionnaire::{Questionnaire, load};

/// The fixture with every question type, a condition, a blocker and a critical question.
fn small() -> Questionnaire {
    let text = include_str!("../../tests/fixtures/questionnaires/valid/small.json");
    load::parse("small.json", text).expect("the small fixture loads")
}

/// The levels of the small fixture: 0, 0.4, 0.7, 0.9.
fn levels() -> Json {
    json!([
        { "id": "not-ready", "label": "Not ready", "min": 0 },
        { "id": "foundations", "label": "Foundations missing", "min": 0.4 },
        { "id": "nearly", "label": "Nearly ready", "min": 0.7 },
        { "id": "ready", "label": "Ready", "min": 0.9 }
    ])
}

/// A questionnaire with these levels and sections. Validation is skipped on purpose:
/// scoring must cope with whatever it is given, and these cases must not depend on rules
/// the validator may add.
fn build_with_levels(levels: Json, sections: Json) -> Questionnaire {
    let mut questionnaire: Questionnaire = serde_json::from_value(json!({
        "format_version": 1,
        "id": "inline",
        "version": "1.0.0",
        "title": "Inline",
        "levels": levels,
        "sections": sections,
    }))
    .expect("the inline questionnaire parses");
    questionnaire.prepare();
    questionnaire
}

/// A questionnaire with the small fixture's levels and these sections.
fn build(sections: Json) -> Questionnaire {
    build_with_levels(levels(), sections)
}

/// A section of the given weight.
fn section(id: &str, weight: f64, questions: Json) -> Json {
    json!({ "id": id, "title": id, "weight": weight, "questions": questions })
}

/// A single-choice question whose options are named by their score ("0.5" scores 0.5).
fn scored(id: &str, scores: &[f64]) -> Json {
    let options: Vec<Json> = scores
        .iter()
        .map(|s| json!({ "value": s.to_string(), "label": s.to_string(), "score": s }))
        .collect();
    json!({ "id": id, "type": "single", "text": id, "options": options })
}

/// [`scored`] with extra fields merged in.
fn scored_with(id: &str, scores: &[f64], extra: Json) -> Json {
    let mut question = scored(id, scores);
    if let (Some(question), Some(extra)) = (question.as_object_mut(), extra.as_object()) {
        question.extend(extra.clone());
    }
    question
}

fn pick(option: &str) -> Answer {
    Answer::answered(Value::Text(option.to_string()))
}

/// Picks the option of a [`scored`] question that scores `score`.
fn scoring(score: f64) -> Answer {
    pick(&score.to_string())
}

fn number(n: f64) -> Answer {
    Answer::answered(Value::Number(n))
}

fn list(options: &[&str]) -> Answer {
    Answer::answered(Value::List(options.iter().map(|o| o.to_string()).collect()))
}

fn unsure() -> Answer {
    Answer::in_state(AnswerState::Unsure)
}

fn na() -> Answer {
    Answer::in_state(AnswerState::NotApplicable)
}

fn plan(entries: &[(&str, Answer)]) -> Answers {
    entries
        .iter()
        .map(|(id, answer)| (id.to_string(), answer.clone()))
        .collect()
}

/// Floats equal to within rounding.
fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-12,
        (None, None) => true,
        _ => false,
    }
}
