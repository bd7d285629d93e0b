//! The four report formats for a fixture plan on the small questionnaire: snapshots of
//! each, the HTML parsed as HTML (user text escaped, nothing fetched, a bar per section),
//! the CSV read back field for field, and the JSON read back into the same report.

use std::path::Path;

use jiff::tz::TimeZone;
use outready::plan::store::load_path;
use outready::questionnaire::load::load_file;
use outready::report::{Format, Report, csv::COLUMNS, json};
use scraper::{Html, Selector};

/// The note on the "problem" question in the fixture plan.
const NOTE: &str =
    "Board says: <script>alert(\"x\")</script>, then \"quotes\", commas, and\na second line";

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The fixture plan "Acme & Sons <Ltd>" on the small questionnaire, dates read in UTC.
fn report() -> Report {
    let questionnaire = load_file(&fixture("tests/fixtures/questionnaires/valid/small.json"))
        .expect("the small questionnaire loads")
        .questionnaire;
    let plan = load_path(&fixture("tests/fixtures/plans/acme.json")).expect("the plan loads");
    Report::build(&questionnaire, &plan, &TimeZone::UTC)
}

fn select<'a>(document: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    document.select(&selector).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("acme_md", report().render(Format::Markdown).unwrap());
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!("acme_html", report().render(Format::Html).unwrap());
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!("acme_csv", report().render(Format::Csv).unwrap());
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("acme_json", report().render(Format::Json).unwrap());
}

#[test]
fn html_shows_user_text_as_text_and_runs_nothing() {
    let page = report().render(Format::Html).unwrap();
    let document = Html::parse_document(&page);
    assert!(
        select(&document, "script").is_empty(),
        "a note became a script"
    );
    let notes: Vec<String> = select(&document, ".note").iter().map(text).collect();
    let expected = format!("Note: {NOTE}");
    // The note shows on the checklist, in the gap report and in the discuss list.
    assert_eq!(
        notes.iter().filter(|n| **n == expected).count(),
        3,
        "{notes:#?}"
    );
    let title = select(&document, "h1");
    assert_eq!(text(&title[0]), "Readiness report: Acme & Sons <Ltd>");
    assert_eq!(
        text(&select(&document, "title")[0]),
        "Readiness report: Acme & Sons <Ltd> (Small test questionnaire)"
    );
}

#[test]
fn html_is_self_contained_with_a_bar_per_scored_section() {
    let report = report();
    let page = report.render(Format::Html).unwrap();
    let document = Html::parse_document(&page);
    for css in [
        "link", "img", "iframe", "object", "embed", "[src]", "[href]",
    ] {
        assert!(select(&document, css).is_empty(), "found {css}");
    }
    let style = select(&document, "head style");
    assert_eq!(style.len(), 1);
    assert!(text(&style[0]).contains("@media print"));
    assert!(!page.contains("@import") && !page.contains("url("));
    let scored = report.sections.iter().filter(|s| s.scored).count();
    assert_eq!(scored, 2);
    assert_eq!(select(&document, "svg.chart rect.bar").len(), scored);
    let marks: Vec<String> = select(&document, "table.checklist td.mark")
        .iter()
        .map(text)
        .collect();
    assert_eq!(marks.len(), 12, "one row per shown question");
    assert!(marks.contains(&"✓Met".to_string()) && marks.contains(&"✗Not met".to_string()));
}

#[test]
fn csv_reads_back_field_for_field() {
    let report = report();
    let text = report.render(Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let gap_rows: usize = report
        .gaps
        .iter()
        .map(|g| g.recommendations.len().max(1))
        .sum();
    assert_eq!(rows.len(), gap_rows + report.actions.len());

    let fields =
        |row: &csv::StringRecord| -> Vec<String> { row.iter().map(String::from).collect() };
    assert_eq!(
        fields(&rows[0]),
        [
            "gap",
            "1",
            "Goals",
            "problem",
            "Can you say in two sentences what problem outsourcing must solve?",
            "No",
            "0",
            "yes",
            "yes",
            "write-problem",
            "Write a short problem statement before contacting providers.",
            "small",
            "high",
            "you",
            "",
            "2025-03-07",
            "",
            NOTE,
            "",
            "",
            "",
        ]
    );
    let budget = rows
        .iter()
        .find(|r| &r[0] == "gap" && &r[3] == "budget")
        .unwrap();
    assert_eq!(&budget[5], "I don't know yet");
    assert_eq!(&budget[17], "Ask the accountant | finance");

    let actions: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| &r[0] == "action")
        .map(fields)
        .collect();
    assert_eq!(
        actions[1],
        [
            "action",
            "2",
            "Budget",
            "dpa",
            "Will the contract include a data processing agreement?",
            "",
            "",
            "",
            "",
            "ask-dpa",
            "Ask each provider for its standard data processing agreement.",
            "small",
            "high",
            "provider",
            "",
            "2025-03-17",
            "open",
            "",
            "",
            "",
            "",
        ]
    );
    let owners_and_status: Vec<(&str, &str)> = actions
        .iter()
        .map(|a| (a[14].as_str(), a[16].as_str()))
        .collect();
    assert_eq!(
        owners_and_status,
        [
            ("Sam Patel", "in progress"),
            ("", "open"),
            ("Alex Kim", "done"),
            ("Jo", "done"),
        ]
    );
}

#[test]
fn json_reads_back_into_the_same_report() {
    let report = report();
    let text = report.render(Format::Json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format_version"], 1);
    assert_eq!(value["plan"]["date"], "2025-03-03");
    assert_eq!(json::parse(&text).unwrap(), report);
}

#[test]
fn json_from_a_newer_outready_is_refused() {
    let error = json::parse(r#"{ "format_version": 99, "anything": [] }"#).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("newer outready (report format 99"),
        "{error}"
    );
}

#[test]
fn csv_starts_with_a_byte_order_mark_and_ends_rows_with_crlf() {
    let text = report().render(Format::Csv).unwrap();
    assert!(text.starts_with("\u{feff}kind,rank,"));
    assert!(text.ends_with(",Jo,2025-02-01,done,,,,\r\n"));
    assert!(
        text.contains("and\na second line\""),
        "a line break inside a note stays as it is"
    );
}
