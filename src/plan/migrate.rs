//! Older plan formats brought up to this one: one step per version, applied to the JSON
//! document before it is read into the plan types. Every format outready ever wrote has a
//! fixture in `tests/fixtures/plans/` that a test loads through these steps.
//!
//! The formats:
//! - 1: the first.
//! - 2: `questionnaire.questions` lists the question ids of the questionnaire as the plan
//!   last saved it, so questions added later can be marked new. A format 1 plan did not
//!   record them; it gets none, and nothing is marked new the first time it opens.
//! - 3: `participants`, `positions` (each participant's position per question, and when
//!   the agreed answer was set) and `history` (one entry a day). A format 2 plan had no
//!   team and no history: it gets none, and every answer stays as it was.
//! - 4: `agenda` (the time planned for the session or per section, and the time each
//!   section has used). A format 3 plan had no agenda: it gets none, and every answer
//!   stays as it was.

use serde_json::Value;

use super::PLAN_FORMAT_VERSION;

/// Why a document could not be brought up to date, and the field concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepError {
    /// The JSON path of the field at fault (`questionnaire`), for the line and column.
    pub field: String,
    pub message: String,
}

/// Brings a plan document of format `from` up to [`PLAN_FORMAT_VERSION`].
pub fn upgrade(mut document: Value, from: u64) -> Result<Value, StepError> {
    let mut version = from;
    while version < u64::from(PLAN_FORMAT_VERSION) {
        match version {
            1 => v1_to_v2(&mut document)?,
            2 => v2_to_v3(&document)?,
            3 => v3_to_v4(&document)?,
            _ => {
                return Err(StepError {
                    field: "format_version".into(),
                    message: format!(
                        "plan format {version} is not one outready ever wrote (the first is 1)"
                    ),
                });
            }
        }
        version += 1;
        if let Some(object) = document.as_object_mut() {
            object.insert("format_version".into(), Value::from(version));
        }
    }
    Ok(document)
}

/// Format 2 added the questionnaire's question ids; format 1 did not record them.
fn v1_to_v2(document: &mut Value) -> Result<(), StepError> {
    match document.get("questionnaire") {
        Some(Value::Object(_)) => Ok(()),
        // Left for the plan types to report, with their own words for what is missing.
        None => Ok(()),
        Some(_) => Err(StepError {
            field: "questionnaire".into(),
            message:
                "`questionnaire` should be an object with the questionnaire's id, version and hash"
                    .into(),
        }),
    }
}

/// Format 3 added the team, its positions and the history, all optional; a field of
/// those names that is not a list or an object is named here.
fn v2_to_v3(document: &Value) -> Result<(), StepError> {
    let fields = [
        ("participants", Value::is_array as fn(&Value) -> bool),
        ("positions", Value::is_object),
        ("history", Value::is_array),
    ];
    for (field, fits) in fields {
        if let Some(found) = document.get(field)
            && !fits(found)
        {
            return Err(StepError {
                field: field.into(),
                message: format!(
                    "`{field}` came from a plan format that had no such field, and is not what format 3 means by it"
                ),
            });
        }
    }
    Ok(())
}

/// Format 4 added the agenda, optional; a field of that name that is not an object is
/// named here.
fn v3_to_v4(document: &Value) -> Result<(), StepError> {
    match document.get("agenda") {
        None | Some(Value::Object(_)) => Ok(()),
        Some(_) => Err(StepError {
            field: "agenda".into(),
            message: "`agenda` came from a plan format that had no such field, and is not what format 4 means by it".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn format_1_becomes_the_current_format_with_nothing_lost() {
        let v1 = json!({
            "format_version": 1,
            "name": "Acme",
            "questionnaire": {"id": "q", "version": "1.0.0", "hash": "sha256:00"},
            "answers": {"a": {"state": "answered", "value": "yes"}},
            "future": [1, 2]
        });
        let up = upgrade(v1.clone(), 1).unwrap();
        assert_eq!(up["format_version"], json!(PLAN_FORMAT_VERSION));
        assert_eq!(up["answers"], v1["answers"]);
        assert_eq!(up["future"], v1["future"]);
        assert_eq!(up["questionnaire"], v1["questionnaire"]);
    }

    #[test]
    fn format_2_becomes_format_3_with_every_answer_kept() {
        let v2 = json!({
            "format_version": 2,
            "name": "Acme",
            "questionnaire": {"id": "q", "version": "1.0.0", "hash": "sha256:00", "questions": ["a"]},
            "answers": {"a": {"state": "answered", "value": "yes", "note": "n"}},
            "actions": [{"recommendation": "r", "question": "a", "accepted": "2026-11-02T17:31:00Z"}]
        });
        let up = upgrade(v2.clone(), 2).unwrap();
        assert_eq!(up["format_version"], json!(PLAN_FORMAT_VERSION));
        for key in ["name", "questionnaire", "answers", "actions"] {
            assert_eq!(up[key], v2[key], "{key}");
        }
        let error = upgrade(json!({"format_version": 2, "history": 1}), 2).unwrap_err();
        assert_eq!(error.field, "history");
    }

    #[test]
    fn format_3_becomes_format_4_with_every_answer_and_the_team_kept() {
        let v3 = json!({
            "format_version": 3,
            "name": "Acme",
            "questionnaire": {"id": "q", "version": "1.0.0", "hash": "sha256:00", "questions": ["a"]},
            "answers": {"a": {"state": "answered", "value": "yes", "discuss": true}},
            "participants": [{"name": "Ann", "role": "owner"}],
            "history": [{"date": "2026-11-01", "at": "2026-11-01T17:00:00Z"}]
        });
        let up = upgrade(v3.clone(), 3).unwrap();
        assert_eq!(up["format_version"], json!(4));
        for key in [
            "name",
            "questionnaire",
            "answers",
            "participants",
            "history",
        ] {
            assert_eq!(up[key], v3[key], "{key}");
        }
        assert!(up.get("agenda").is_none(), "no agenda is made up");
        let error = upgrade(json!({"format_version": 3, "agenda": "90m"}), 3).unwrap_err();
        assert_eq!(error.field, "agenda");
    }

    #[test]
    fn a_format_never_written_is_refused() {
        let error = upgrade(json!({"format_version": 0}), 0).unwrap_err();
        assert_eq!(error.field, "format_version");
        assert!(error.message.contains("not one outready ever wrote"));
    }

    #[test]
    fn a_questionnaire_of_the_wrong_kind_is_named() {
        let error = upgrade(json!({"format_version": 1, "questionnaire": 3}), 1).unwrap_err();
        assert_eq!(error.field, "questionnaire");
    }
}
