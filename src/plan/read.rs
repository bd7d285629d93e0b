//! Reading a plan file: its size checked first, its format version before the rest, older
//! formats brought up to date through `migrate`, and every failure said with the file and,
//! where it applies, the line and column. Reads only the file it is given.

use std::fs::{self, File};
use std::io::Read as _;
use std::path::Path;

use serde_json::Value;

use super::error::{MAX_PLAN_BYTES, PlanError};
use super::name::check_characters;
use super::{PLAN_FORMAT_VERSION, Plan, migrate};
use crate::questionnaire::locate;

/// Reads one plan file.
pub fn load_path(path: &Path) -> Result<Plan, PlanError> {
    let read_failed = |cause| PlanError::Read {
        path: path.to_path_buf(),
        cause,
    };
    let file = File::open(path).map_err(read_failed)?;
    let size = file.metadata().map_err(read_failed)?.len();
    if size > MAX_PLAN_BYTES {
        return Err(PlanError::TooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read one byte past the limit, so a file growing while we read is still caught.
    file.take(MAX_PLAN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_failed)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_PLAN_BYTES {
        return Err(PlanError::TooLarge {
            path: path.to_path_buf(),
            size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
        });
    }
    parse(path, &bytes)
}

/// The bytes without the UTF-8 byte-order mark some editors (Notepad) put first. For
/// every file outready reads as JSON: plans here, questionnaires too.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Parses the bytes of a plan file; `path` names it in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Plan, PlanError> {
    let bytes = without_bom(bytes);
    let plan = parse_plan(path, bytes)?;
    // A name is held to what a typed one is, so no file can put a control character or
    // a direction override on the screen through it.
    match check_characters(&plan.name) {
        Ok(()) => Ok(plan),
        Err(error) => {
            let at = place(bytes, "name");
            Err(PlanError::Damaged {
                path: path.to_path_buf(),
                line: at.0,
                column: at.1,
                message: format!("at `name`: {error}"),
            })
        }
    }
}

fn parse_plan(path: &Path, bytes: &[u8]) -> Result<Plan, PlanError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PlanError::Empty {
            path: path.to_path_buf(),
        });
    }
    // The usual case, a plan of this format, is read once, straight into its types.
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let typed = match serde_path_to_error::deserialize::<_, Plan>(&mut deserializer) {
        Ok(plan) => deserializer
            .end()
            .map(|()| plan)
            .map_err(|e| (String::new(), e)),
        Err(error) => Err((error.path().to_string(), error.into_inner())),
    };
    let type_error = match typed {
        Ok(plan) if plan.format_version == PLAN_FORMAT_VERSION => return Ok(plan),
        Ok(_) => None,
        Err(error) => Some(error),
    };
    let damaged = |line, column, message| PlanError::Damaged {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    let document: Value = serde_json::from_slice(bytes)
        .map_err(|e| damaged(e.line(), e.column().max(1), json_message(&e)))?;
    let Some(object) = document.as_object() else {
        return Err(damaged(
            1,
            1,
            format!(
                "expected a plan written as an object {{ ... }}, but found {}",
                kind_of(&document)
            ),
        ));
    };
    let version = match object.get("format_version") {
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or_default(),
        Some(other) => {
            let at = place(bytes, "format_version");
            return Err(damaged(
                at.0,
                at.1,
                format!(
                    "format_version should be a whole number, but is {}",
                    kind_of(other)
                ),
            ));
        }
        None => {
            return Err(damaged(
                1,
                1,
                "the required field `format_version` is missing".to_string(),
            ));
        }
    };
    if version > u64::from(PLAN_FORMAT_VERSION) {
        return Err(PlanError::TooNew {
            path: path.to_path_buf(),
            found: version,
        });
    }
    if version == u64::from(PLAN_FORMAT_VERSION) {
        // Valid JSON of this format with a wrong type somewhere: say where.
        let Some((field, error)) = type_error else {
            return Err(damaged(1, 1, "not a plan".to_string()));
        };
        return Err(damaged(
            error.line(),
            error.column().max(1),
            with_field(&field, &json_message(&error)),
        ));
    }
    let upgraded = migrate::upgrade(document, version).map_err(|step| {
        let at = place(bytes, &step.field);
        damaged(at.0, at.1, step.message)
    })?;
    serde_path_to_error::deserialize::<_, Plan>(upgraded).map_err(|error| {
        let field = error.path().to_string();
        let at = place(bytes, &field);
        damaged(at.0, at.1, with_field(&field, &json_message(error.inner())))
    })
}

/// Where the value at a JSON path starts in the text, as (line, column): for errors
/// found on a migrated document, which has no positions of its own.
fn place(bytes: &[u8], field: &str) -> (usize, usize) {
    let text = String::from_utf8_lossy(bytes);
    locate::nearest(&text, field).map_or((1, 1), |at| (at.line, at.column))
}

/// The message with the field it is about in front, when there is one.
fn with_field(field: &str, message: &str) -> String {
    if field.is_empty() || field == "." {
        message.to_string()
    } else {
        format!("at `{field}`: {message}")
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A serde_json message without its position (the error carries that) and in words an
/// owner can follow.
fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let text = text
        .rfind(" at line ")
        .map_or(text.as_str(), |at| &text[..at])
        .to_string();
    if error.is_eof() {
        format!("the file ends too soon, as if cut off: {text}")
    } else if error.is_syntax() {
        let text = text.replace("expected ident", "a word where a value should be");
        format!("not valid JSON: {text}")
    } else if let Some(field) = text.strip_prefix("missing field ") {
        format!("the required field {field} is missing")
    } else {
        const WORDS: [(&str, &str); 8] = [
            ("expected struct Plan", "expected a plan"),
            ("expected f64", "expected a number"),
            ("expected u32", "expected a whole number"),
            ("invalid type: sequence", "invalid type: a list"),
            ("invalid type: map", "invalid type: an object"),
            ("expected a sequence", "expected a list"),
            ("expected a map", "expected an object"),
            ("expected a string", "expected text in quotes"),
        ];
        WORDS
            .iter()
            .fold(text, |text, (from, to)| text.replace(from, to))
    }
}

/// Whether a file looks like it is a plan (for listing): `STEM.json` with a stem free of
/// dots, so temporary, damaged and backup files beside the plans are never taken for one.
pub(crate) fn is_plan_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(stem) = name.strip_suffix(".json") else {
        return false;
    };
    !stem.is_empty() && !stem.contains('.') && fs::metadata(path).is_ok_and(|m| m.is_file())
}
