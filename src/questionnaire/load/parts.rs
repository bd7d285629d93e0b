//! Reading a file that does not read into the questionnaire types part by part: one
//! type problem for each broken part, and a questionnaire of the parts that could be read
//! (with stand-ins for the rest), so that every check can still run on them.

use super::json_message;
use crate::questionnaire::model::{Question, Questionnaire, Section};
use crate::questionnaire::problem::Problem;
use crate::questionnaire::validate::Unread;

/// What is known of a file that does not read into the types: its type and syntax
/// problems, and the questionnaire made of the parts that could be read, when the top
/// level could.
pub(super) struct Broken {
    pub(super) problems: Vec<Problem>,
    /// Boxed: a questionnaire is large, and most errors carry none.
    pub(super) partial: Option<Box<(Questionnaire, Unread)>>,
}

impl From<Vec<Problem>> for Broken {
    fn from(problems: Vec<Problem>) -> Self {
        Broken {
            problems,
            partial: None,
        }
    }
}

/// Reads the top level, each level, section, question and recommendation on its own
/// with the parts below it left out: one type problem for each broken part, and a
/// questionnaire of what could be read, a stand-in (marked unread) in place of each part
/// that could not, so every path still points where it did.
pub(super) fn read_parts(document: &serde_json::Value) -> Broken {
    use serde_json::Value;

    /// The object with `key` emptied when it is a list (its items are read on their own).
    fn without(value: &Value, key: &str) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| match v {
                        Value::Array(_) if k == key => (k.clone(), Value::Array(Vec::new())),
                        _ => (k.clone(), v.clone()),
                    })
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    /// The items of the list at `key`, if it is one.
    fn items<'v>(value: &'v Value, key: &str) -> &'v [Value] {
        value
            .get(key)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }
    /// A part's id when it is text, to keep duplicate and reference checks honest.
    fn id_of(value: &Value) -> Value {
        value
            .get("id")
            .filter(|id| id.is_string())
            .cloned()
            .unwrap_or_else(|| Value::String(String::new()))
    }
    /// A stand-in of type `T` for a part that could not be read.
    fn stand_in<T: serde::de::DeserializeOwned>(mut fields: Value, like: &Value) -> Option<T> {
        if let Value::Object(map) = &mut fields {
            map.insert("id".to_string(), id_of(like));
        }
        serde_json::from_value(fields).ok()
    }

    let mut problems = Vec::new();
    let mut unread = Unread::default();
    let top = without(&without(document, "sections"), "levels");
    let questionnaire = type_problem::<Questionnaire>("", "the questionnaire", &top, &mut problems);
    let levels = items(document, "levels");
    let mut read_levels = Vec::new();
    for (k, level) in levels.iter().enumerate() {
        let read = type_problem(&format!("levels[{k}]"), "a level", level, &mut problems);
        read_levels.extend(read);
    }
    unread.levels = read_levels.len() < levels.len();
    let mut sections = Vec::new();
    for (s, section) in items(document, "sections").iter().enumerate() {
        let path = format!("sections[{s}]");
        let part = without(section, "questions");
        let read = type_problem::<Section>(&path, "a section", &part, &mut problems);
        let mut section_read = match read {
            Some(read) => read,
            None => {
                unread.sections.insert(s);
                let fields = serde_json::json!({"title": "?", "questions": []});
                match stand_in(fields, section) {
                    Some(read) => read,
                    None => return broken_only(problems),
                }
            }
        };
        for (q, question) in items(section, "questions").iter().enumerate() {
            let path = format!("{path}.questions[{q}]");
            let part = without(question, "recommendations");
            let read = type_problem::<Question>(&path, "a question", &part, &mut problems);
            let mut question_read = match read {
                Some(read) => read,
                None => {
                    unread.questions.insert((s, q));
                    let fields = serde_json::json!({"type": "text", "text": "?"});
                    match stand_in(fields, question) {
                        Some(read) => read,
                        None => return broken_only(problems),
                    }
                }
            };
            for (r, advice) in items(question, "recommendations").iter().enumerate() {
                let path = format!("{path}.recommendations[{r}]");
                let what = "a recommendation";
                let read = match type_problem(&path, what, advice, &mut problems) {
                    Some(read) => read,
                    None => {
                        unread.recommendations.insert((s, q, r));
                        let fields = serde_json::json!({
                            "text": "?", "effort": "S", "impact": "L", "owner": "you",
                            "due_in_days": 1
                        });
                        match stand_in(fields, advice) {
                            Some(read) => read,
                            None => return broken_only(problems),
                        }
                    }
                };
                question_read.recommendations.push(read);
            }
            section_read.questions.push(question_read);
        }
        sections.push(section_read);
    }
    let partial = questionnaire.map(|mut questionnaire| {
        questionnaire.levels = read_levels;
        questionnaire.sections = sections;
        Box::new((questionnaire, unread))
    });
    Broken { problems, partial }
}

/// The problems alone, when no questionnaire can be made of the parts.
fn broken_only(problems: Vec<Problem>) -> Broken {
    problems.into()
}

/// The part of the document read into its type; else its type error, at its full path,
/// goes with the problems.
fn type_problem<T: serde::de::DeserializeOwned>(
    prefix: &str,
    what: &str,
    value: &serde_json::Value,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    // serde would read a list as the fields in order and complain about the second
    // one; the real mistake is that this is not an object.
    if !value.is_object() {
        let found = match value {
            serde_json::Value::Null => "null",
            serde_json::Value::Bool(_) => "true or false",
            serde_json::Value::Number(_) => "a number",
            serde_json::Value::String(_) => "text",
            serde_json::Value::Array(_) => "a list",
            serde_json::Value::Object(_) => "an object",
        };
        problems.push(Problem::at(
            prefix,
            format!("expected {what} written as an object {{ ... }}, but found {found}"),
        ));
        return None;
    }
    let error = match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(read) => return Some(read),
        Err(error) => error,
    };
    let inner = error.path().to_string();
    let path = match (prefix, inner.as_str()) {
        (_, ".") => prefix.to_string(),
        ("", inner) => inner.to_string(),
        (prefix, inner) => format!("{prefix}.{inner}"),
    };
    problems.push(Problem::at(path, json_message(error.inner())));
    None
}
