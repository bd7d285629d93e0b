//! `outready questions`: every question of a questionnaire in order, for people who
//! script a plan by question id: its id, section, type, options with their values,
//! whether "I don't know yet" and "not applicable" are allowed, and the condition that
//! shows it. As text (through the sanitiser), CSV (every cell through the report's
//! [`cell`](crate::report::csv::cell)) or JSON (conditions as structured data).

mod condition_text;

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use super::Outcome;
use crate::cli::QuestionsFormat;
use crate::data_dir;
use crate::questionnaire::model::{Question, Section};
use crate::questionnaire::{Catalog, Condition, Questionnaire};
use crate::text_safety::{visible, visible_line};
use crate::wizard::format_number;

pub use condition_text::describe;

/// Lists the questions of the questionnaire `wanted` names (an id or a file; by default
/// the built-in one) in `format`.
pub fn run(
    data_dir: &Path,
    wanted: Option<&str>,
    format: QuestionsFormat,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let catalog = Catalog::load(Some(&data_dir::questionnaires_dir(data_dir)));
    let loaded = crate::open::questionnaire_named(&catalog, wanted)?;
    out.write_all(render(&Listing::of(&loaded.questionnaire), format)?.as_bytes())?;
    out.flush()?;
    Ok(Outcome::Success)
}

/// The listing in `format`, as it is printed: whatever the format, every control
/// character shows as a visible stand-in, since the text came from a file.
fn render(listing: &Listing<'_>, format: QuestionsFormat) -> Result<String> {
    let text = match format {
        QuestionsFormat::Text => listing.text(),
        QuestionsFormat::Csv => listing.csv()?,
        QuestionsFormat::Json => {
            let mut json = serde_json::to_string_pretty(listing)?;
            json.push('\n');
            json
        }
    };
    Ok(visible(&text).into_owned())
}

/// The questionnaire's questions as `questions` lists them (the JSON form as it is).
#[derive(Debug, Serialize)]
pub struct Listing<'a> {
    pub questionnaire: About<'a>,
    pub questions: Vec<Listed<'a>>,
}

/// Which questionnaire the list is of.
#[derive(Debug, Serialize)]
pub struct About<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub title: &'a str,
}

/// One question in the list.
#[derive(Debug, Serialize)]
pub struct Listed<'a> {
    /// Its place in the questionnaire, from 1.
    pub number: usize,
    pub id: &'a str,
    pub section_id: &'a str,
    pub section: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub text: &'a str,
    /// The options of a choice question (empty for the others).
    pub options: Vec<Choice<'a>>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<&'a str>,
    /// Whether `unsure` ("I don't know yet") is an answer here.
    pub allow_unsure: bool,
    /// Whether `na` (not applicable) is an answer here.
    pub allow_na: bool,
    /// The section's condition, when it has one: the question shows only when it holds.
    pub section_show_if: Option<&'a Condition>,
    /// The question's own condition.
    pub show_if: Option<&'a Condition>,
    /// Both conditions in words; `None` when the question always shows.
    pub shown_when: Option<String>,
}

/// An option: the value to give, and the label people see.
#[derive(Debug, Serialize)]
pub struct Choice<'a> {
    pub value: &'a str,
    pub label: &'a str,
}

/// The columns of the CSV listing.
pub const CSV_COLUMNS: [&str; 13] = [
    "number",
    "question_id",
    "section_id",
    "section",
    "type",
    "question",
    "options",
    "min",
    "max",
    "unit",
    "allow_unsure",
    "allow_na",
    "shown_when",
];

impl<'a> Listing<'a> {
    /// The list of a questionnaire's questions, in order.
    pub fn of(questionnaire: &'a Questionnaire) -> Listing<'a> {
        let questions = questionnaire
            .sections
            .iter()
            .flat_map(|section| section.questions.iter().map(move |q| (section, q)))
            .enumerate()
            .map(|(index, (section, question))| Listed::of(index + 1, section, question))
            .collect();
        Listing {
            questionnaire: About {
                id: &questionnaire.id,
                version: &questionnaire.version,
                title: &questionnaire.title,
            },
            questions,
        }
    }

    /// The list as text: a heading per section, a block per question.
    fn text(&self) -> String {
        let about = &self.questionnaire;
        let mut out = format!(
            "{} ({} version {}): {} questions\n",
            visible_line(about.title),
            visible_line(about.id),
            visible_line(about.version),
            self.questions.len()
        );
        let mut section = None;
        for question in &self.questions {
            if section != Some(question.section_id) {
                section = Some(question.section_id);
                out.push_str(&format!(
                    "\n== {} ({}) ==\n",
                    visible_line(question.section),
                    visible_line(question.section_id)
                ));
            }
            out.push('\n');
            out.push_str(&question.text_block());
        }
        out
    }

    /// The list as CSV, a row per question, in the report's CSV dialect.
    fn csv(&self) -> Result<String> {
        let rows = self.questions.iter().map(Listed::csv_cells);
        Ok(crate::report::csv::write_rows(&CSV_COLUMNS, rows)?)
    }
}

impl<'a> Listed<'a> {
    fn of(number: usize, section: &'a Section, question: &'a Question) -> Listed<'a> {
        let shown_when = match (&section.show_if, &question.show_if) {
            (None, None) => None,
            (Some(only), None) | (None, Some(only)) => Some(describe(only)),
            (Some(outer), Some(own)) => {
                Some(describe(&Condition::All(vec![outer.clone(), own.clone()])))
            }
        };
        Listed {
            number,
            id: &question.id,
            section_id: &section.id,
            section: &section.title,
            kind: question.kind.name(),
            text: &question.text,
            options: question
                .options
                .iter()
                .map(|option| Choice {
                    value: &option.value,
                    label: &option.label,
                })
                .collect(),
            min: question.min,
            max: question.max,
            unit: question.unit.as_deref(),
            allow_unsure: question.allow_unsure,
            allow_na: question.allow_na,
            section_show_if: section.show_if.as_ref(),
            show_if: question.show_if.as_ref(),
            shown_when,
        }
    }

    /// The options in one line: `yes = Yes; no = No`.
    fn options_line(&self) -> String {
        self.options
            .iter()
            .map(|o| format!("{} = {}", o.value, o.label))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// What a numeric question takes, when it says: "from 0 to 100 (staff)".
    fn range(&self) -> Option<String> {
        let bound = |b: Option<f64>| b.map(format_number);
        let range = match (bound(self.min), bound(self.max)) {
            (Some(min), Some(max)) => Some(format!("from {min} to {max}")),
            (Some(min), None) => Some(format!("at least {min}")),
            (None, Some(max)) => Some(format!("at most {max}")),
            (None, None) => None,
        };
        if self.kind == "date" {
            return Some("a date, YYYY-MM-DD".to_string());
        }
        match (range, self.unit) {
            (Some(range), Some(unit)) => Some(format!("{range} ({unit})")),
            (None, Some(unit)) => Some(format!("in {unit}")),
            (range, None) => range,
        }
    }

    fn text_block(&self) -> String {
        let mut block = format!(
            "{}. {} [{}]\n   {}\n",
            self.number,
            visible_line(self.id),
            self.kind,
            visible_line(self.text)
        );
        if !self.options.is_empty() {
            block.push_str(&format!(
                "   Options: {}\n",
                visible_line(&self.options_line())
            ));
        }
        if let Some(range) = self.range() {
            block.push_str(&format!("   Takes: {}\n", visible_line(&range)));
        }
        let yes_no = |allowed: bool| if allowed { "allowed" } else { "not allowed" };
        block.push_str(&format!(
            "   \"I don't know yet\" (unsure): {}; not applicable (na): {}\n",
            yes_no(self.allow_unsure),
            yes_no(self.allow_na)
        ));
        block.push_str(&format!(
            "   Shown: {}\n",
            self.shown_when.as_deref().map_or_else(
                || "always".to_string(),
                |when| format!("when {}", visible_line(when))
            )
        ));
        block
    }

    fn csv_cells(&self) -> [String; 13] {
        let yes_no = |flag: bool| if flag { "yes" } else { "no" }.to_string();
        let number = |n: Option<f64>| n.map(format_number).unwrap_or_default();
        [
            self.number.to_string(),
            self.id.to_string(),
            self.section_id.to_string(),
            self.section.to_string(),
            self.kind.to_string(),
            self.text.to_string(),
            self.options_line(),
            number(self.min),
            number(self.max),
            self.unit.unwrap_or_default().to_string(),
            yes_no(self.allow_unsure),
            yes_no(self.allow_na),
            self.shown_when.clone().unwrap_or_default(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A questionnaire read without the loader's checks, so it can hold what a file
    /// never should: an escape sequence and a bidirectional override.
    fn hostile() -> Questionnaire {
        let mut questionnaire: Questionnaire = serde_json::from_value(serde_json::json!({
            "format_version": 1, "id": "hostile", "version": "1", "title": "T\u{1b}]0;owned\u{7}",
            "levels": [],
            "sections": [ { "id": "s", "title": "S\u{202e}x", "questions": [
                { "id": "q", "type": "yes_no", "text": "Clear\u{1b}[2J?" } ] } ]
        }))
        .expect("the questionnaire parses");
        questionnaire.prepare();
        questionnaire
    }

    #[test]
    fn every_format_shows_control_characters_and_never_prints_them() {
        let questionnaire = hostile();
        let listing = Listing::of(&questionnaire);
        for format in [
            QuestionsFormat::Text,
            QuestionsFormat::Csv,
            QuestionsFormat::Json,
        ] {
            let text = render(&listing, format).expect("renders");
            for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
                assert!(!text.contains(raw), "{format:?} prints {raw:?}:\n{text}");
            }
            // JSON escapes C0 controls itself (`\u001b`), which a program reads back.
            let shown = match format {
                QuestionsFormat::Json => "Clear\\u001b[2J?",
                _ => "Clear␛[2J?",
            };
            assert!(text.contains(shown), "{format:?}:\n{text}");
            assert!(text.contains("<U+202E>"), "{format:?}");
        }
    }
}
