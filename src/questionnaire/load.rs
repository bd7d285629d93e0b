//! Turning questionnaire text into a checked [`Questionnaire`], with every problem found
//! located by file, line and column or JSON path.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::model::Questionnaire;
use super::problem::Problem;
use super::validate;

/// A questionnaire read from somewhere, with the hash of its exact text.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub questionnaire: Questionnaire,
    /// Where it came from, for messages: a built-in file name or a path.
    pub origin: String,
    /// Whether it is built into the binary.
    pub builtin: bool,
    /// `sha256:` and the hex digest of the file's bytes; plans record it to notice change.
    pub hash: String,
}

/// Parses and checks questionnaire text. `file` names it in problems.
pub fn parse(file: &str, text: &str) -> Result<Questionnaire, Vec<Problem>> {
    let with_file = |mut problems: Vec<Problem>| {
        for p in &mut problems {
            p.file = file.to_string();
        }
        problems
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed: Result<Questionnaire, serde_json::Error> =
        match serde_path_to_error::deserialize(&mut deserializer) {
            Ok(q) => deserializer.end().map(|()| q),
            Err(error) => {
                let path = error.path().to_string();
                let inner = error.into_inner();
                let path = if path == "." || inner.is_syntax() || inner.is_eof() {
                    String::new()
                } else {
                    path
                };
                return Err(with_file(vec![json_problem(path, &inner)]));
            }
        };
    let mut questionnaire = match parsed {
        Ok(q) => q,
        Err(error) => return Err(with_file(vec![json_problem(String::new(), &error)])),
    };
    questionnaire.prepare();
    let problems = validate::check(&questionnaire);
    if problems.is_empty() {
        Ok(questionnaire)
    } else {
        Err(with_file(problems))
    }
}

/// A problem from a serde_json error, at its line and column.
fn json_problem(path: String, error: &serde_json::Error) -> Problem {
    Problem {
        file: String::new(),
        line: Some(error.line()),
        column: Some(error.column()),
        path,
        message: json_message(error),
    }
}

/// The message of a serde_json error without its " at line L column C" tail (the
/// problem carries line and column itself).
fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let text = match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    };
    if error.is_syntax() {
        format!("not valid JSON: {text}")
    } else if error.is_eof() {
        format!("the file ends too soon: {text}")
    } else {
        text
    }
}

/// Reads, parses and checks a questionnaire file.
pub fn load_file(path: &Path) -> Result<Loaded, Vec<Problem>> {
    let origin = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Problem {
            file: origin.clone(),
            line: None,
            column: None,
            path: String::new(),
            message: format!("cannot be read: {e}"),
        }]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        vec![Problem {
            file: origin.clone(),
            line: None,
            column: None,
            path: String::new(),
            message: format!(
                "is not UTF-8 text (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        }]
    })?;
    load_text(&origin, &text, false)
}

/// Parses and checks questionnaire text that came from `origin`.
pub fn load_text(origin: &str, text: &str, builtin: bool) -> Result<Loaded, Vec<Problem>> {
    let questionnaire = parse(origin, text)?;
    Ok(Loaded {
        questionnaire,
        origin: origin.to_string(),
        builtin,
        hash: content_hash(text),
    })
}

/// The content hash plans record: `sha256:` and the hex digest of the text.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}
