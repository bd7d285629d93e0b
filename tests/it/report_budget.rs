//! The budget section in every report format, on the budget fixture with figures checked
//! by hand: a 12-person firm quoted 95 a user a month for 36 months.
#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

use jiff::Timestamp;
use jiff::tz::TimeZone;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::{Plan, PlanName};
use outready::questionnaire::Loaded;
use outready::questionnaire::load::load_file;
use outready::report::{Format, Report, csv::COLUMNS, json};

fn budget() -> Loaded {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/figures/budget.json");
    load_file(&path).unwrap()
}

fn plan(loaded: &Loaded, answers: &[(&str, f64)]) -> Plan {
    let now: Timestamp = "2026-11-30T09:00:00Z".parse().unwrap();
    let mut plan = Plan::new(&PlanName::new("Acme").unwrap(), loaded, now);
    plan.currency = Some("EUR".into());
    for (id, value) in answers {
        plan.set_answer(id, Answer::answered(Value::Number(*value)), now);
    }
    plan
}

const FIRM: &[(&str, f64)] = &[
    ("users", 12.0),
    ("fee", 95.0),
    ("term", 36.0),
    ("today", 20000.0),
    ("rise", 3.0),
    ("reserve", 1000.0),
];

fn report(answers: &[(&str, f64)]) -> Report {
    let loaded = budget();
    Report::build(
        &loaded.questionnaire,
        &plan(&loaded, answers),
        &TimeZone::UTC,
    )
}

#[test]
fn the_figures_are_the_ones_worked_out_by_hand() {
    let report = report(FIRM);
    let budget = report.budget.as_ref().unwrap();
    assert_eq!(budget.currency, "EUR");
    // 95 × 12 = 1,140 a month; × 12 = 13,680 a year; × 36 months = 41,040 committed;
    // 13,680 + 13,680 × 1.03 + 13,680 × 1.03² = 13,680 + 14,090.40 + 14,513.112
    // = 42,283.512; today 20,000 × 3 = 60,000; reserve 1,000 ÷ 13,680 = 7.3%.
    for (id, value, shown) in [
        ("monthly-fee", "1140", "€1,140.00"),
        ("year-one", "13680", "€13,680.00"),
        ("committed", "41040", "€41,040.00"),
        ("three-years", "42283.512", "€42,283.51"),
        ("today-three-years", "60000", "€60,000.00"),
        ("reserve-share", "7.3", "7.3%"),
    ] {
        let figure = budget.figure(id).unwrap();
        assert_eq!(
            (figure.value.as_deref(), figure.shown.as_str()),
            (Some(value), shown),
            "{id}"
        );
        assert!(figure.missing.is_empty(), "{id}");
    }
    assert_eq!(
        budget.figure("committed").unwrap().how,
        "€1,140.00 (Monthly fee) × 36 months (Minimum term)"
    );
    let headlines: Vec<&str> = budget.headlines().map(|f| f.id.as_str()).collect();
    assert_eq!(headlines, ["year-one", "committed", "three-years"]);
    // The reserve is under 10% of year one, so it is a gap, and its text says by how much.
    let gap = report
        .gaps
        .iter()
        .find(|g| g.question_id == "reserve")
        .unwrap();
    assert_eq!(gap.score, Some(0.0));
    assert_eq!(
        gap.recommendations[0].text,
        "Raise the reserve from 7.3% to at least 10% of year one."
    );
    let checklist = report
        .checklist
        .iter()
        .flat_map(|s| &s.items)
        .find(|i| i.question_id == "reserve")
        .unwrap();
    assert_eq!(checklist.answer, "€1,000.00");
}

#[test]
fn a_figure_without_its_inputs_is_not_known_and_says_what_it_needs() {
    let report = report(&[("users", 12.0)]);
    let budget = report.budget.as_ref().unwrap();
    let committed = budget.figure("committed").unwrap();
    assert_eq!(committed.value, None);
    assert_eq!(committed.shown, "not known yet");
    let missing: Vec<&str> = committed
        .missing
        .iter()
        .map(|m| m.question_id.as_str())
        .collect();
    assert_eq!(missing, ["fee", "term"]);
    assert_eq!(committed.how, "? (Monthly fee) × ? (Minimum term)");
    // Named by the questions' short labels; the question text stays beside the id.
    assert_eq!(committed.still_needed(), "Fee per user; Minimum term");
    assert_eq!(
        committed.missing[0].question,
        "What is the quoted fee per user a month?"
    );
    // A reserve with the rest unknown scores nothing: no gap is made up from a guess.
    let report = report_with_reserve_only();
    assert!(report.gaps.iter().all(|g| g.question_id != "reserve"));
}

fn report_with_reserve_only() -> Report {
    report(&[("reserve", 500.0)])
}

#[test]
fn markdown_and_html_show_each_figure_and_how_it_was_reached() {
    let report = report(FIRM);
    let markdown = report.render(Format::Markdown).unwrap();
    assert!(
        markdown.contains("## Budget\n\nAmounts in euro (EUR)."),
        "{markdown}"
    );
    assert!(markdown.contains("| Figure | Value | How it was reached | Still needed |"));
    assert!(markdown.contains("| Committed over the minimum term | €41,040.00 | €1,140.00 (Monthly fee) × 36 months (Minimum term) | |"), "{markdown}");
    let html = report.render(Format::Html).unwrap();
    let document = scraper::Html::parse_document(&html);
    let section = scraper::Selector::parse("section.budget").unwrap();
    let budget = document.select(&section).next().expect("a budget section");
    let svg = scraper::Selector::parse("svg.chart rect").unwrap();
    let bars: Vec<_> = budget.select(&svg).collect();
    assert_eq!(bars.len(), 2, "the three-year cost against today's");
    // Today's 60,000 is the longest bar; 42,283.51 is 0.7047 of it.
    assert_eq!(bars[1].value().attr("width"), Some("330.0"));
    assert_eq!(bars[0].value().attr("width"), Some("232.6"));
    let cells = scraper::Selector::parse("td").unwrap();
    let texts: Vec<String> = budget.select(&cells).map(|c| c.text().collect()).collect();
    assert!(texts.contains(&"€42,283.51".to_string()), "{texts:?}");
}

#[test]
fn csv_has_a_row_per_figure_with_its_exact_value_and_unit() {
    let text = report(FIRM).render(Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(COLUMNS.to_vec())
    );
    let figures: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[0] == "figure")
        .collect();
    assert_eq!(figures.len(), 6);
    let three = figures.iter().find(|r| &r[3] == "three-years").unwrap();
    assert_eq!(
        (&three[5], &three[19], &three[20]),
        ("€42,283.51", "42283.512", "money")
    );
    let share = figures.iter().find(|r| &r[3] == "reserve-share").unwrap();
    assert_eq!((&share[19], &share[20]), ("7.3", "percent"));
}

#[test]
fn json_carries_the_budget_object_and_reads_back() {
    let report = report(FIRM);
    let text = report.render(Format::Json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let figure = &value["budget"]["figures"][2];
    assert_eq!(value["budget"]["currency"], "EUR");
    assert_eq!(figure["id"], "committed");
    assert_eq!(figure["unit"], "money");
    assert_eq!(figure["value"], "41040");
    assert_eq!(figure["shown"], "€41,040.00");
    assert_eq!(
        value["budget"]["comparisons"][0]["against"],
        "today-three-years"
    );
    assert_eq!(json::parse(&text).unwrap(), report);
    let none = report_with_reserve_only().render(Format::Json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&none).unwrap();
    assert_eq!(
        value["budget"]["figures"][1]["value"],
        serde_json::Value::Null
    );
    assert_eq!(
        value["budget"]["figures"][1]["missing"][0]["question_id"],
        "fee"
    );
}

#[test]
fn not_applicable_counts_as_nothing_and_unsure_as_not_known() {
    let loaded = budget();
    let mut plan = plan(&loaded, FIRM);
    let now: Timestamp = "2026-11-30T10:00:00Z".parse().unwrap();
    plan.set_answer("reserve", Answer::in_state(AnswerState::NotApplicable), now);
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    assert_eq!(
        report
            .budget
            .as_ref()
            .unwrap()
            .figure("reserve-share")
            .unwrap()
            .shown,
        "0%"
    );
    plan.set_answer("fee", Answer::in_state(AnswerState::Unsure), now);
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    assert_eq!(
        report
            .budget
            .as_ref()
            .unwrap()
            .figure("year-one")
            .unwrap()
            .shown,
        "not known yet"
    );
}
