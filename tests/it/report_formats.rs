//! The four report formats for a fixture plan on the small questionnaire: snapshots of
//! each (and of the summary page in Markdown and HTML), the HTML parsed as HTML (user
//! text escaped, nothing fetched, a bar per section), the CSV read back field for
//! field, and the JSON read back into the same report.

use std::path::Path;

use jiff::tz::TimeZone;
use outready::plan::store::load_path;
use outready::questionnaire::load::load_file;
use outready::report::{Detail, Format, Report, csv::COLUMNS, json};
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
            "Sam Patel",
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
    assert_eq!(value["format_version"], 2);
    assert_eq!(value["plan"]["date"], "2025-03-03");
    assert_eq!(json::parse(&text).unwrap(), report);
}

#[test]
fn json_from_an_older_outready_is_refused_with_what_to_do() {
    let error = json::parse(r#"{ "format_version": 1, "anything": [] }"#).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("older outready (report format 1")
            && error.to_string().contains("outready report --format json"),
        "{error}"
    );
}

#[test]
fn json_answers_carry_value_and_label_and_null_while_not_answered() {
    let text = report().render(Format::Json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let items: Vec<&serde_json::Value> = value["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|section| section["items"].as_array().unwrap())
        .collect();
    let answer = |id: &str| {
        &items
            .iter()
            .find(|item| item["question_id"] == id)
            .unwrap_or_else(|| panic!("{id}"))["answer"]
    };
    assert_eq!(
        *answer("outsourced"),
        serde_json::json!({ "state": "answered", "value": ["support", "hosting"],
                            "label": "Day-to-day support, Hosting" })
    );
    assert_eq!(
        *answer("staff"),
        serde_json::json!({ "state": "answered", "value": 12.0, "label": "12 people" })
    );
    assert_eq!(
        *answer("budget"),
        serde_json::json!({ "state": "unsure", "value": null, "label": "I don't know yet" })
    );
    assert_eq!(*answer("cost-notes"), serde_json::Value::Null);
    assert!(
        !text.contains("not answered yet"),
        "a missing value is null"
    );
}

#[test]
fn answered_means_the_same_in_every_format() {
    // 9 with a value, 1 unsure and 1 not applicable: 11 answered, in every format.
    let report = report();
    let counts = report.verdict.counts;
    assert_eq!(
        (counts.answered, counts.unsure, counts.not_applicable),
        (11, 1, 1)
    );
    assert_eq!(counts.answered + counts.unanswered, counts.shown);
    let json: serde_json::Value =
        serde_json::from_str(&report.render(Format::Json).unwrap()).unwrap();
    assert_eq!(json["verdict"]["counts"]["answered"], 11);
    for format in [Format::Markdown, Format::Html] {
        let text = report.render(format).unwrap();
        assert!(text.contains("11 of 12 answered"), "{format:?}");
    }
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

/// The fixture report with a business name, an owner and notes as people write them:
/// an ampersand, a web address, an email address, a line that starts like a heading.
fn everyday_report() -> Report {
    let questionnaire = load_file(&fixture("tests/fixtures/questionnaires/valid/small.json"))
        .expect("the small questionnaire loads")
        .questionnaire;
    let mut plan = load_path(&fixture("tests/fixtures/plans/acme.json")).expect("the plan loads");
    plan.name = "Hartley & Co".to_string();
    plan.actions[0].owner = "Sam (Hartley & Co)".to_string();
    let problem = plan.answers.entry("problem".to_string()).or_default();
    problem.note = Some(
        "See http://example.com/terms and www.example.org, or mail sam@example.com\n# 2 of 3 agreed"
            .to_string(),
    );
    Report::build(&questionnaire, &plan, &TimeZone::UTC)
}

#[test]
fn markdown_leaves_an_ampersand_alone_and_makes_no_link_of_a_web_address() {
    let text = everyday_report().render(Format::Markdown).unwrap();
    assert!(
        text.starts_with("# Readiness report: Hartley & Co\n"),
        "{text}"
    );
    assert!(!text.contains("\\&"), "an ampersand was escaped:\n{text}");
    assert!(text.contains("Sam (Hartley & Co)"));
    // The note in the gap report: each address broken where GitHub would link it, the
    // second line a hard break that cannot become a heading.
    assert!(
        text.contains(
            "Note: See http\\://example.com/terms and www\\.example.org, or mail sam\\@example.com\\\n\\# 2 of 3 agreed\n"
        ),
        "{text}"
    );
    for raw in ["http://", "www.example", "sam@"] {
        assert!(!text.contains(raw), "{raw} would become a link");
    }
    assert!(
        !text.contains("<br>"),
        "no inline HTML (markdownlint MD033)"
    );
}

#[test]
fn markdown_summary_snapshot() {
    let page = report()
        .render_detail(Format::Markdown, Detail::Summary)
        .unwrap();
    insta::assert_snapshot!("acme_summary_md", page);
}

#[test]
fn html_summary_snapshot() {
    let page = report()
        .render_detail(Format::Html, Detail::Summary)
        .unwrap();
    // The stylesheet is the same in every page; the snapshot is of the page itself.
    let body = &page[page.find("<body").expect("a body")..];
    insta::assert_snapshot!("acme_summary_html", body);
}
