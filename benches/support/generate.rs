//! Generated material for the benchmarks: a valid questionnaire of any size that uses
//! every question type, conditions, critical questions, blockers and recommendations,
//! and a plan that answers every one of its questions.

use jiff::Timestamp;
use outready::answer::{Answer, Value};
use outready::plan::{Plan, PlanName};
use outready::questionnaire::Loaded;
use serde_json::{Value as Json, json};

/// Questions per section in a generated questionnaire.
const PER_SECTION: usize = 50;

/// The text of a questionnaire with `count` questions (a multiple of 10 keeps the mix
/// of types even).
pub fn questionnaire_text(count: usize) -> String {
    let sections: Vec<Json> = (0..count.div_ceil(PER_SECTION))
        .map(|s| {
            let questions: Vec<Json> = (s * PER_SECTION..((s + 1) * PER_SECTION).min(count))
                .map(question)
                .collect();
            json!({
                "id": format!("s{s}"),
                "title": format!("Section {s}"),
                "intro": "What this part of the deal needs.",
                "weight": 1 + s % 3,
                "questions": questions,
            })
        })
        .collect();
    let questionnaire = json!({
        "format_version": 1,
        "id": "generated",
        "version": "1.0.0",
        "title": "Generated questionnaire",
        "levels": [
            { "id": "not-ready", "label": "Not ready", "min": 0 },
            { "id": "foundations", "label": "Foundations missing", "min": 0.4 },
            { "id": "nearly", "label": "Nearly ready", "min": 0.7 },
            { "id": "ready", "label": "Ready", "min": 0.9 }
        ],
        "sections": sections,
    });
    serde_json::to_string_pretty(&questionnaire).unwrap()
}

fn recommendation(id: &str) -> Json {
    json!([{
        "id": format!("fix-{id}"),
        "text": "Write down what good looks like and agree it with the provider.",
        "effort": "S", "impact": "M", "owner": "you", "due_in_days": 14
    }])
}

fn question(n: usize) -> Json {
    let id = format!("q{n:05}");
    let text = format!("Question number {n}: is this part of the deal settled?");
    let why = "Because a vague answer here costs money later.";
    let mut q = match n % 10 {
        0 => json!({ "type": "yes_no", "critical": n.is_multiple_of(20),
            "blocker_if": { "question": id, "eq": "no" } }),
        1 => json!({ "type": "single", "options": [
            { "value": "a", "label": "Not at all", "score": 0 },
            { "value": "b", "label": "Partly", "score": 0.5 },
            { "value": "c", "label": "Fully", "score": 1 } ] }),
        2 => json!({ "type": "multi", "options": [
            { "value": "a", "label": "Support", "score": 0.4 },
            { "value": "b", "label": "Hosting", "score": 0.3 },
            { "value": "c", "label": "Security", "score": 0.3 } ],
            // Shown only when the yes/no question two before says yes.
            "show_if": { "question": format!("q{:05}", n - 2), "eq": "yes" } }),
        3 => json!({ "type": "scale", "options": [
            { "value": "0", "label": "Nothing yet", "score": 0 },
            { "value": "1", "label": "An idea", "score": 0.25 },
            { "value": "2", "label": "Partly written", "score": 0.5 },
            { "value": "3", "label": "Written", "score": 0.75 },
            { "value": "4", "label": "Agreed and in use", "score": 1 } ] }),
        4 => json!({ "type": "number", "min": 0, "max": 1000,
            "score_bands": [ { "max": 5, "score": 0.5 }, { "min": 5, "score": 1 } ] }),
        5 => json!({ "type": "money", "min": 0,
            "score_bands": [ { "max": 1, "score": 0 }, { "min": 1, "score": 1 } ] }),
        6 => json!({ "type": "percent",
            "score_bands": [ { "max": 10, "score": 0 }, { "min": 10, "score": 1 } ] }),
        7 => json!({ "type": "date", "allow_na": true }),
        8 => json!({ "type": "text" }),
        _ => json!({ "type": "long_text" }),
    };
    let scored = n % 10 <= 6;
    if let Json::Object(fields) = &mut q {
        fields.insert("id".into(), json!(id));
        fields.insert("text".into(), json!(text));
        fields.insert("why".into(), json!(why));
        if scored {
            fields.insert("recommendations".into(), recommendation(&id));
        }
    }
    q
}

/// A plan that answers every question of the questionnaire.
pub fn answered_plan(loaded: &Loaded) -> Plan {
    let now = Timestamp::now();
    let name = PlanName::new("Generated").unwrap();
    let mut plan = Plan::new(&name, loaded, now);
    for (_, question) in loaded.questionnaire.questions() {
        let n: usize = question.id[1..].parse().unwrap_or(0);
        let value = match n % 10 {
            0 => Value::Text(if n.is_multiple_of(30) { "no" } else { "yes" }.into()),
            1 => Value::Text("b".into()),
            2 => Value::List(vec!["a".into(), "c".into()]),
            3 => Value::Text("3".into()),
            4 => Value::Number(12.0),
            5 => Value::Number(1500.0),
            6 => Value::Number(12.5),
            7 => Value::Text("2027-03-31".into()),
            8 => Value::Text("Sam Patel".into()),
            _ => Value::Text("We pay per ticket today.\nThe contract ends in March.".into()),
        };
        let mut answer = Answer::answered(value);
        if n.is_multiple_of(7) {
            answer.note = Some("Ask the bookkeeper.".into());
        }
        plan.set_answer(&question.id, answer, now);
    }
    plan
}
