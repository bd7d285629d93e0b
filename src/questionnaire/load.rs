//! Turning questionnaire text into a checked [`Questionnaire`], with every problem found
//! located by file, line and column, and JSON path. A file with wrong types is read part
//! by part, and every check runs on the parts that could be read, so one run lists every
//! problem.

use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::locate;
use super::model::Questionnaire;
use super::problem::Problem;
use super::validate;

mod parts;

use parts::{Broken, read_parts};

/// A questionnaire read from somewhere, with the hash of its exact text. Cheap to clone:
/// the front ends, the catalog and every plan open on it share one parsed questionnaire.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub questionnaire: Arc<Questionnaire>,
    /// Where it came from, for messages: a built-in file name or a path.
    pub origin: String,
    /// Whether it is built into the binary.
    pub builtin: bool,
    /// `sha256:` and the hex digest of the file's bytes; plans record it to notice change.
    pub hash: String,
    /// The text as it was read from a file (none for a built-in questionnaire), so that a
    /// copy is what was checked, without reading the file again.
    pub text: Option<Arc<str>>,
}

/// Parses and checks questionnaire text. `file` names it in problems.
///
/// Every problem found is returned, each with the line and column where it is, in the
/// order they appear in the text. A syntax error is one problem (nothing after it can be
/// trusted); a wrong type is reported once per broken part (level, section, question,
/// recommendation), and the checks still run on every part that could be read.
pub fn parse(file: &str, text: &str) -> Result<Questionnaire, Vec<Problem>> {
    let problems = match parse_typed(text) {
        Ok(mut questionnaire) => {
            questionnaire.prepare();
            let problems = validate::check(&questionnaire);
            if problems.is_empty() {
                return Ok(questionnaire);
            }
            problems
        }
        Err(Broken {
            mut problems,
            partial,
        }) => {
            // The parts that could be read are checked too, leaving out those that could
            // not (their type problem is already said).
            if let Some(partial) = partial {
                let (mut questionnaire, unread) = *partial;
                questionnaire.prepare();
                problems.extend(validate::check_partial(&questionnaire, &unread));
            }
            problems
        }
    };
    Err(placed(file, text, problems))
}

/// Names the file in every problem, finds the line and column of those that have only a
/// path, and puts them in the order of the text.
fn placed(file: &str, text: &str, mut problems: Vec<Problem>) -> Vec<Problem> {
    for problem in &mut problems {
        problem.file = file.to_string();
        if problem.line.is_none()
            && let Some(at) = locate::nearest(text, &problem.path)
        {
            problem.line = Some(at.line);
            problem.column = Some(at.column);
        }
    }
    // Stable: problems at one place keep the order the checks gave them.
    problems.sort_by_key(|p| (p.line.is_none(), p.line, p.column));
    problems
}

/// Reads the text into the questionnaire types. On a wrong type, goes on to find the
/// others, so the author can fix them all in one go.
fn parse_typed(text: &str) -> Result<Questionnaire, Broken> {
    // Most files are right: read them straight away, and only a broken one again with its
    // path tracked (slower) to say where each problem is.
    if let Ok(questionnaire) = serde_json::from_str(text) {
        return Ok(questionnaire);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let error = match serde_path_to_error::deserialize::<_, Questionnaire>(&mut deserializer) {
        Ok(questionnaire) => {
            return match deserializer.end() {
                Ok(()) => Ok(questionnaire),
                Err(error) => Err(vec![json_problem(String::new(), &error)].into()),
            };
        }
        Err(error) => error,
    };
    let path = error.path().to_string();
    let error = error.into_inner();
    if error.is_syntax() || error.is_eof() {
        return Err(vec![json_problem(String::new(), &error)].into());
    }
    let first = json_problem(if path == "." { String::new() } else { path }, &error);
    let document: serde_json::Value = match serde_json::from_str(text) {
        Ok(document) => document,
        // Broken further on: the wrong type found so far and the syntax error are all
        // that can be said.
        Err(syntax) => return Err(vec![first, json_problem(String::new(), &syntax)].into()),
    };
    // A newer format may have fields this build does not know; its version is the one
    // problem worth reporting.
    if let Some(version) = document.get("format_version").and_then(|v| v.as_u64())
        && let Some(problem) = validate::format_version(version)
    {
        return Err(vec![problem].into());
    }
    let mut broken = read_parts(&document);
    // A repeated key shows only in the text (a JSON value keeps the last one silently).
    let repeated_key = first.message.starts_with("duplicate field");
    if broken.problems.is_empty() || repeated_key {
        broken.problems.push(first);
    }
    Err(broken)
}

/// A problem from a serde_json error, at its line and column.
fn json_problem(path: String, error: &serde_json::Error) -> Problem {
    Problem {
        file: String::new(),
        line: Some(error.line()).filter(|line| *line > 0),
        // At the very end of a file serde_json says column 0; people count from 1.
        column: Some(error.column().max(1)).filter(|_| error.line() > 0),
        path,
        message: json_message(error),
    }
}

/// The message of a serde_json error without its " at line L column C" tail (the
/// problem carries line and column itself), in the words of the format.
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
        plain_types(&text)
    }
}

/// serde names Rust types ("expected f64") and states facts; an author thinks in JSON
/// and wants to know what to do.
fn plain_types(message: &str) -> String {
    const WORDS: [(&str, &str); 6] = [
        ("expected f64", "expected a number"),
        ("expected u32", "expected a whole number of 0 or more"),
        ("expected struct Questionnaire", "expected an object"),
        ("expected struct Section", "expected an object (a section)"),
        (
            "expected struct Question",
            "expected an object (a question)",
        ),
        ("expected a sequence", "expected a list"),
    ];
    let message = WORDS.iter().fold(message.to_string(), |text, (from, to)| {
        text.replace(from, to)
    });
    if let Some(field) = message.strip_prefix("missing field ") {
        format!("the required field {field} is missing: add it")
    } else if let Some(rest) = message.strip_prefix("unknown field ")
        && let Some((field, known)) = rest.split_once(", expected ")
    {
        format!("unknown field {field}: remove it or use one of the known fields, {known}")
    } else {
        message
    }
}

/// The largest questionnaire file read, in bytes: 100,000 questions fit in a tenth of it.
pub const MAX_QUESTIONNAIRE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads, parses and checks a questionnaire file. Only a regular file is read (a device
/// or a named pipe could give text without end, or only once), and it is read once, at
/// most [`MAX_QUESTIONNAIRE_BYTES`] of it.
pub fn load_file(path: &Path) -> Result<Loaded, Vec<Problem>> {
    let origin = path.display().to_string();
    let whole = |message: String| {
        vec![Problem {
            file: origin.clone(),
            line: None,
            column: None,
            path: String::new(),
            message,
        }]
    };
    let cannot_read = |e: std::io::Error| whole(format!("cannot be read: {e}"));
    let metadata = std::fs::metadata(path).map_err(cannot_read)?;
    if !metadata.is_file() {
        let what = if metadata.is_dir() {
            "a folder"
        } else {
            "not a regular file (a device, a named pipe or a socket)"
        };
        return Err(whole(format!(
            "is {what}: give the path of a questionnaire's .json file"
        )));
    }
    let too_big = |size: u64| {
        whole(format!(
            "is {} MB, more than the {} MB a questionnaire can be",
            size.div_ceil(1024 * 1024),
            MAX_QUESTIONNAIRE_BYTES / (1024 * 1024)
        ))
    };
    if metadata.len() > MAX_QUESTIONNAIRE_BYTES {
        return Err(too_big(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::new();
    // The file may have grown since it was measured: the limit holds all the same.
    file.take(MAX_QUESTIONNAIRE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_QUESTIONNAIRE_BYTES {
        return Err(too_big(read));
    }
    let text = String::from_utf8(crate::plan::read::without_bom(&bytes).to_vec()).map_err(|e| {
        whole(format!(
            "is not UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    load_text(&origin, &text, false)
}

/// Parses and checks questionnaire text that came from `origin`.
pub fn load_text(origin: &str, text: &str, builtin: bool) -> Result<Loaded, Vec<Problem>> {
    let questionnaire = parse(origin, text)?;
    Ok(Loaded {
        questionnaire: Arc::new(questionnaire),
        origin: origin.to_string(),
        builtin,
        hash: content_hash(text),
        text: (!builtin).then(|| Arc::from(text)),
    })
}

/// Reads a questionnaire built into the binary, at start-up. Its checks ran when it was
/// built (a test puts every built-in file through them), so here it is only read, and
/// its hash comes from the build when given; a file that does not read is still reported
/// with every problem.
pub fn load_builtin(origin: &str, text: &str, hash: Option<&str>) -> Result<Loaded, Vec<Problem>> {
    let questionnaire = match serde_json::from_str::<Questionnaire>(text) {
        Ok(mut questionnaire) => {
            questionnaire.prepare();
            questionnaire
        }
        Err(_) => parse(origin, text)?,
    };
    Ok(Loaded {
        questionnaire: Arc::new(questionnaire),
        origin: origin.to_string(),
        builtin: true,
        hash: hash.map_or_else(|| content_hash(text), str::to_string),
        text: None,
    })
}

/// The content hash plans record: `sha256:` and the hex digest of the text.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../../tests/fixtures/questionnaires/valid/small.json");

    /// (line, path, part of the message) of a problem a case expects.
    type Expected = (usize, &'static str, &'static str);

    /// (line, path, part of the message) of every problem in the text.
    fn problems(text: &str) -> Vec<(Option<usize>, String, String)> {
        parse("q.json", text)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.line, p.path, p.message))
            .collect()
    }

    #[test]
    fn broken_text_gives_the_problems_it_can() {
        let cases: [(&str, String, Vec<Expected>); 7] = [
            (
                "empty",
                String::new(),
                vec![(1, "", "the file ends too soon")],
            ),
            (
                "not an object",
                "[1, 2]".into(),
                vec![(
                    1,
                    "",
                    "expected the questionnaire written as an object { ... }",
                )],
            ),
            (
                "trailing text",
                format!("{SMALL}\n}}"),
                vec![(235, "", "not valid JSON: trailing characters")],
            ),
            (
                "a newer format is refused, not picked apart",
                SMALL
                    .replace("\"format_version\": 1", "\"format_version\": 3")
                    .replace(
                        "\"title\": \"Goals\",",
                        "\"title\": \"Goals\", \"icon\": \"g\",",
                    ),
                vec![(2, "format_version", "format_version 3 is not known")],
            ),
            (
                "a repeated key, which only the text shows",
                SMALL.replace("\"id\": \"staff\",", "\"id\": \"staff\", \"id\": \"x\","),
                vec![(21, "sections[0].questions[0]", "duplicate field `id`")],
            ),
            (
                "a wrong type before a syntax error",
                SMALL
                    .replace("\"weight\": 1.5,", "\"weight\": \"high\",")
                    .replace("\"tags\": [\"security\", \"contract\"],", "\"tags\": [,"),
                vec![
                    (148, "sections[2].weight", "expected a number"),
                    (206, "", "not valid JSON"),
                ],
            ),
            (
                "a section that is not an object, and a question that is not either",
                SMALL
                    .replace(
                        "\"id\": \"staff\",\n          \"type\": \"number\",",
                        "\"id\": \"staff\",\n          \"type\": \"numeric\",",
                    )
                    .replace("\"sections\": [", "\"sections\": [ 7,"),
                vec![
                    (13, "sections[0]", "expected a section written as an object"),
                    (
                        22,
                        "sections[1].questions[0].type",
                        "unknown variant `numeric`",
                    ),
                ],
            ),
        ];
        for (name, text, expected) in cases {
            let found = problems(&text);
            assert_eq!(found.len(), expected.len(), "{name}: {found:#?}");
            for ((line, path, message), (want_line, want_path, part)) in found.iter().zip(&expected)
            {
                assert_eq!(
                    (*line, path.as_str()),
                    (Some(*want_line), *want_path),
                    "{name}"
                );
                assert!(message.contains(part), "{name}: {message:?} lacks {part:?}");
            }
        }
    }

    #[test]
    fn messages_use_the_words_of_the_format() {
        let cases = [
            (
                "invalid type: string \"x\", expected f64",
                "expected a number",
            ),
            (
                "missing field `text`",
                "the required field `text` is missing: add it",
            ),
            (
                "unknown field `colour`, expected one of `id`, `type`",
                "unknown field `colour`: remove it or use one of the known fields, one of `id`",
            ),
        ];
        for (serde, ours) in cases {
            assert!(plain_types(serde).contains(ours), "{serde}");
        }
    }
}
