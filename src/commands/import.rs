//! `outready import --plan NAME FILE`: sets answers by question id from a file, all or
//! nothing, through the same checks and the same save as `answer`. The file is a JSON
//! object (`{"id": value}`, or `{"id": {"value": ..., "note": "..."}}`; a value is a
//! string, a number, or a list of option values) or a CSV of `id,value[,note]` rows (a
//! first row `id,value,...` is a header). `.json` and `.csv` say which; any other name
//! is JSON when its first character is `{`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};
use serde_json::Value as Json;

use super::Outcome;
use super::answer::{Given, GivenValue, Target, set_all};
use crate::questionnaire::locate;

/// Sets the answers the file gives.
pub fn run(data_dir: &Path, plan: Target<'_>, file: &Path, out: &mut dyn Write) -> Result<Outcome> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("the file {} could not be read", file.display()))?;
    let (given, problems) = if is_json(file, &text) {
        read_json(&text)
    } else {
        read_csv(&text)
    };
    // A file that says nothing is a mistake, not a success.
    if given.is_empty() && problems.is_empty() {
        anyhow::bail!(
            "the file {} gives no answers: write a JSON object or CSV rows of id,value[,note]",
            file.display()
        );
    }
    set_all(data_dir, plan, given, problems, out)
}

/// Whether the file is JSON: by its extension, else by its first character.
fn is_json(file: &Path, text: &str) -> bool {
    match file
        .extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("json") => true,
        Some("csv") => false,
        _ => text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{'),
    }
}

/// The answers of a JSON object, each placed at its line; or the one syntax problem.
pub fn read_json(text: &str) -> (Vec<Given>, Vec<String>) {
    let text = text.trim_start_matches('\u{feff}');
    let object = match serde_json::from_str::<Json>(text) {
        Ok(Json::Object(object)) => object,
        Ok(_) => {
            return (
                Vec::new(),
                vec!["line 1: the file is JSON but not an object: write {\"question-id\": value, ...}".into()],
            );
        }
        Err(error) => {
            return (
                Vec::new(),
                vec![format!(
                    "line {}, column {}: the file is not valid JSON: {error}",
                    error.line(),
                    error.column()
                )],
            );
        }
    };
    let mut given = Vec::new();
    let mut problems = Vec::new();
    // In the file's order, so the problems read from the top down.
    let mut placed: Vec<_> = object
        .into_iter()
        .map(|(id, value)| (locate::find(text, &id).map(|at| at.line), id, value))
        .collect();
    placed.sort_by_key(|(line, _, _)| *line);
    for (line, id, value) in placed {
        let place = line.map_or_else(
            || format!("\"{id}\""),
            |line| format!("line {line} (\"{id}\")"),
        );
        match json_value(&value) {
            Ok((value, note)) => given.push(Given {
                place,
                id,
                value,
                note,
            }),
            Err(problem) => problems.push(format!("{place}: {problem}")),
        }
    }
    (given, problems)
}

/// The line (from 1) of the row that starts at a byte offset in the text: the reader
/// counts the empty lines it skips into the row after them.
fn line_at(text: &str, byte: u64) -> usize {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    while bytes.get(start).is_some_and(|b| *b == b'\n' || *b == b'\r') {
        start += 1;
    }
    bytes[..start].iter().filter(|b| **b == b'\n').count() + 1
}

type ValueAndNote = (Option<GivenValue>, Option<String>);

fn json_value(value: &Json) -> Result<ValueAndNote, String> {
    match value {
        Json::Object(fields) => {
            if let Some(unknown) = fields.keys().find(|k| *k != "value" && *k != "note") {
                return Err(format!(
                    "\"{unknown}\" is not a field here: give \"value\" and, if you like, \"note\""
                ));
            }
            let note = match fields.get("note") {
                None => None,
                Some(Json::String(note)) => Some(note.clone()),
                Some(_) => return Err("the note must be a string".into()),
            };
            let value = match fields.get("value") {
                None if note.is_some() => None,
                None => return Err("give a \"value\", a \"note\" or both".into()),
                Some(value) => Some(plain_value(value)?),
            };
            Ok((value, note))
        }
        value => Ok((Some(plain_value(value)?), None)),
    }
}

fn plain_value(value: &Json) -> Result<GivenValue, String> {
    match value {
        Json::String(text) => Ok(GivenValue::Typed(text.clone())),
        Json::Number(number) => Ok(GivenValue::Typed(number.to_string())),
        Json::Array(items) => items
            .iter()
            .map(|item| match item {
                Json::String(text) => Ok(text.clone()),
                _ => Err("a list holds option values, as strings".to_string()),
            })
            .collect::<Result<_, _>>()
            .map(GivenValue::List),
        Json::Bool(_) => Err(
            "true and false are not answers: give the option's value as a string, like \"yes\""
                .into(),
        ),
        Json::Null => Err("null is not an answer: give a value, or leave the id out".into()),
        Json::Object(_) => Err("a value cannot be an object".into()),
    }
}

/// The answers of CSV rows `id,value[,note]`, each placed at its line.
pub fn read_csv(text: &str) -> (Vec<Given>, Vec<String>) {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut given = Vec::new();
    let mut problems = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error
                    .position()
                    .map_or(index + 1, |p| line_at(text, p.byte()));
                problems.push(format!(
                    "line {line}: the row cannot be read as CSV: {error}"
                ));
                continue;
            }
        };
        let line = record
            .position()
            .map_or(index + 1, |p| line_at(text, p.byte()));
        let fields: Vec<&str> = record.iter().collect();
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if index == 0 && fields[0].trim().eq_ignore_ascii_case("id") {
            continue;
        }
        let place = format!("line {line}");
        match fields.as_slice() {
            [id, value] | [id, value, _] if !id.trim().is_empty() => {
                let note = fields.get(2).map(|n| n.to_string()).filter(|n| !n.trim().is_empty());
                let value = Some(value.trim())
                    .filter(|v| !v.is_empty() || note.is_none())
                    .map(|v| GivenValue::Typed(v.to_string()));
                given.push(Given {
                    place,
                    id: id.trim().to_string(),
                    value,
                    note,
                });
            }
            _ => problems.push(format!(
                "{place}: a row is id,value or id,value,note (quote a value with commas), this one has {} field{}",
                fields.len(),
                if fields.len() == 1 { "" } else { "s" }
            )),
        }
    }
    (given, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_answers_are_placed_at_their_lines() {
        let text = "{\n  \"staff\": 12,\n  \"outsourced\": [\"support\", \"hosting\"],\n  \"dpa\": {\"value\": \"unsure\", \"note\": \"ask\"},\n  \"problem\": true\n}\n";
        let (given, problems) = read_json(text);
        assert_eq!(given.len(), 3);
        assert_eq!(given[0].place, "line 2 (\"staff\")", "in the file's order");
        assert_eq!(given[0].value, Some(GivenValue::Typed("12".into())));
        assert_eq!(
            given[1].value,
            Some(GivenValue::List(vec!["support".into(), "hosting".into()]))
        );
        assert_eq!(given[2].note.as_deref(), Some("ask"));
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("line 5 (\"problem\"): true and false"),
            "{problems:?}"
        );
    }

    #[test]
    fn broken_json_is_one_problem_with_its_line() {
        let (given, problems) = read_json("{\n  \"staff\": 12,\n}\n");
        assert!(given.is_empty());
        assert!(
            problems[0].starts_with("line 3, column 1: the file is not valid JSON"),
            "{problems:?}"
        );
    }

    #[test]
    fn csv_rows_with_a_header_and_notes() {
        let text = "id,value,note\nstaff,12\noutsourced,\"support,hosting\",agreed\n\ndpa,,ask the bookkeeper\nbad\n";
        let (given, problems) = read_csv(text);
        assert_eq!(given.len(), 3);
        assert_eq!(given[0].place, "line 2");
        assert_eq!(
            given[1].value,
            Some(GivenValue::Typed("support,hosting".into()))
        );
        assert_eq!(given[1].note.as_deref(), Some("agreed"));
        assert_eq!(
            (given[2].value.as_ref(), given[2].place.as_str()),
            (None, "line 5")
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("line 6: a row is id,value"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_format_is_told_by_extension_then_content() {
        assert!(is_json(Path::new("a.JSON"), "staff,1"));
        assert!(!is_json(Path::new("a.csv"), "{"));
        assert!(is_json(Path::new("answers"), "\u{feff} {\"staff\": 1}"));
        assert!(!is_json(Path::new("answers.txt"), "staff,1"));
    }
}
