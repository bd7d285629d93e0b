//! Text written to attack: escape sequences and formulas in a plan reach neither a
//! terminal nor a spreadsheet as such; a file that validates cannot crash the wizard.

use std::path::Path;

use jiff::tz::TimeZone;
use outready::answer::{Answer, Value};
use outready::plan::store::load_path;
use outready::questionnaire::load::{load_file, load_text};
use outready::report::{Format, Report};

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

const SMALL: &str = "tests/fixtures/questionnaires/valid/small.json";

/// The fixture plan with hostile notes, a formula for an owner and a negative answer.
fn hostile_report() -> Report {
    let questionnaire = load_file(&fixture(SMALL)).expect("loads").questionnaire;
    let mut plan = load_path(&fixture("tests/fixtures/plans/acme.json")).expect("loads");
    plan.name = "Acme\u{1b}]0;owned\u{7}".to_string();
    let problem = plan.answers.entry("problem".to_string()).or_default();
    problem.note = Some("=HYPERLINK(\"http://example.invalid\",\"x\")\u{1b}[2J".to_string());
    let mut budget = Answer::answered(Value::Number(-250.0));
    budget.note = Some("@SUM(A1:A9)".to_string());
    plan.answers.insert("budget".to_string(), budget);
    plan.answers
        .insert("staff".to_string(), Answer::answered(Value::Number(-3.0)));
    plan.actions[0].owner = "+cmd|' /C calc'!A0".to_string();
    Report::build(&questionnaire, &plan, &TimeZone::UTC)
}

#[test]
fn markdown_and_csv_keep_the_text_but_never_a_raw_escape() {
    let report = hostile_report();
    for format in [Format::Markdown, Format::Csv] {
        let text = report.render(format).unwrap();
        assert!(!text.contains('\u{1b}'), "{format:?}:\n{text}");
        assert!(!text.contains('\u{7}'), "{format:?}");
        assert!(text.contains("␛"), "{format:?} keeps the text, shown");
    }
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_text_and_numbers_stay_numbers() {
    let text = hostile_report().render(Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let cells: Vec<&str> = rows.iter().flat_map(|row| row.iter()).collect();
    assert!(
        cells.contains(&"'=HYPERLINK(\"http://example.invalid\",\"x\")␛[2J"),
        "{text}"
    );
    assert!(cells.contains(&"'@SUM(A1:A9)"), "{text}");
    assert!(cells.contains(&"'+cmd|' /C calc'!A0"), "{text}");
    // The money answer with its unit is text that starts with a minus: made text too.
    assert!(cells.contains(&"'-250.00 per month"), "{text}");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || cell.parse::<f64>().is_ok(),
                "a live formula: {cell:?}"
            );
        }
        // Scores written by outready stay numbers.
        let score = &row[column("score")];
        assert!(score.is_empty() || score.parse::<f64>().is_ok(), "{score}");
    }
}

#[test]
fn a_recommendation_due_beyond_the_calendar_is_refused_and_never_panics() {
    let text = std::fs::read_to_string(fixture(SMALL))
        .unwrap()
        .replace("\"due_in_days\": 7", "\"due_in_days\": 4294967295");
    let problems = load_text("q.json", &text, false).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].path.ends_with("due_in_days"));

    // Even when such a file got past the checks, accepting it gives no date, not a panic.
    let mut loaded = load_text(
        "q.json",
        &std::fs::read_to_string(fixture(SMALL)).unwrap(),
        false,
    )
    .unwrap();
    for section in &mut std::sync::Arc::make_mut(&mut loaded.questionnaire).sections {
        for question in &mut section.questions {
            for advice in &mut question.recommendations {
                advice.due_in_days = u32::MAX;
            }
        }
    }
    let now: jiff::Timestamp = "2026-11-22T10:00:00Z".parse().unwrap();
    let name = outready::plan::PlanName::new("t").unwrap();
    let mut plan = outready::plan::Plan::new(&name, &loaded, now);
    let toggled = outready::wizard::actions::toggle(
        &mut plan,
        &loaded.questionnaire,
        "problem",
        "write-problem",
        now,
    );
    assert!(toggled.is_ok());
    assert_eq!(plan.actions[0].due, None);
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    for format in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
        assert!(report.render(format).is_ok());
    }
}
