#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! `outready compare` in every format and to a file, with bad input refused in one
//! sentence; the pure `Comparison::build`; and `outready history`.

use std::fs;
use std::path::Path;

use crate::support::{answer, outready};

fn two_providers(data: &Path) {
    answer(
        data,
        "Provider A",
        &["staff=6", "personal-data=yes", "problem=yes"],
    );
    answer(
        data,
        "Provider B",
        &["staff=6", "personal-data=no", "problem=yes"],
    );
}

fn stdout(data: &Path, args: &[&str]) -> String {
    let done = outready(data).args(args).assert().success();
    String::from_utf8_lossy(&done.get_output().stdout).into_owned()
}

#[test]
fn compare_shows_the_plans_side_by_side_in_every_format() {
    let data = tempfile::tempdir().unwrap();
    two_providers(data.path());
    let md = stdout(data.path(), &["compare", "Provider A", "Provider B"]);
    assert!(md.contains("| | Provider A | Provider B |"), "{md}");
    assert!(md.contains("| Verdict |"), "{md}");
    assert!(md.contains("## Answers that differ"), "{md}");
    let dpa_row = md
        .lines()
        .find(|l| l.contains("| Yes | No |"))
        .unwrap_or_default();
    assert!(!dpa_row.is_empty(), "{md}");
    assert!(
        !md.lines()
            .any(|l| l.starts_with("| How many") && l.contains("| 6 | 6 |")),
        "{md}"
    );
    let html = stdout(
        data.path(),
        &["compare", "Provider A", "Provider B", "--format", "html"],
    );
    assert!(
        html.contains("<svg") && html.contains("Readiness by section for each plan"),
        "{html}"
    );
    assert!(html.contains("<th>Provider B</th>"), "{html}");
    let json = stdout(
        data.path(),
        &["compare", "Provider A", "Provider B", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["plans"][1]["name"], "Provider B");
    let differing: Vec<&str> = value["differences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["questions"].as_array().unwrap())
        .map(|q| q["question_id"].as_str().unwrap())
        .collect();
    assert!(differing.contains(&"personal-data"), "{differing:?}");
    assert!(
        !differing.contains(&"staff") && !differing.contains(&"problem"),
        "{differing:?}"
    );
    let csv = stdout(
        data.path(),
        &["compare", "Provider A", "Provider B", "--format", "csv"],
    );
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        rows.iter()
            .any(|r| &r[0] == "answer" && &r[2] == "personal-data" && &r[4] == "Provider B")
    );
    let file = data.path().join("compare.html");
    outready(data.path())
        .args([
            "compare",
            "Provider A",
            "Provider B",
            "--format",
            "html",
            "--output",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    assert_eq!(fs::read_to_string(&file).unwrap(), html);
}

#[test]
fn compare_refuses_bad_input_in_one_sentence() {
    let data = tempfile::tempdir().unwrap();
    two_providers(data.path());
    let other = fs::read_to_string(data.path().join("plans/provider-b.json"))
        .unwrap()
        .replace("\"id\": \"small\"", "\"id\": \"world\"");
    fs::write(data.path().join("plans/world.json"), other).unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["Provider A", "Nope"],
            "there is no plan named \"Nope\"",
        ),
        (vec!["Provider A", "World"], "questionnaire"),
    ];
    for (arguments, wanted) in cases {
        let failed = outready(data.path())
            .arg("compare")
            .args(&arguments)
            .assert()
            .failure()
            .code(1);
        let error = String::from_utf8_lossy(&failed.get_output().stderr).into_owned();
        assert!(error.contains(wanted), "{arguments:?}: {error}");
        assert_eq!(error.lines().count(), 1, "{error}");
    }
    outready(data.path())
        .args(["compare", "Provider A"])
        .assert()
        .failure()
        .code(2);
}

#[test]
fn history_lists_the_verdict_by_day() {
    let data = tempfile::tempdir().unwrap();
    answer(data.path(), "Acme", &["staff=6"]);
    let said = stdout(data.path(), &["history", "Acme"]);
    assert!(said.contains("has no history yet"), "{said}");
    let path = data.path().join("plans/acme.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    value["history"] = serde_json::json!([
        {"date": "2027-01-03", "at": "2027-01-03T17:00:00Z", "score": 0.25, "level_label": "Not ready",
         "counts": {"shown": 12, "answered": 4, "unsure": 0, "not_applicable": 0, "unanswered": 8, "disputed": 1, "actions": 2, "actions_done": 0}},
        {"date": "2027-01-10", "at": "2027-01-10T17:00:00Z", "score": 0.5, "level_label": "Nearly",
         "counts": {"shown": 12, "answered": 10, "unsure": 0, "not_applicable": 0, "unanswered": 2, "disputed": 0, "actions": 2, "actions_done": 1}}
    ]);
    fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    let said = stdout(data.path(), &["history", "Acme"]);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 3, "{said}");
    assert!(
        lines[1].starts_with("2027-01-03") && lines[1].contains("Not ready"),
        "{said}"
    );
    assert!(
        lines[2].contains("Nearly") && lines[2].contains("10/12 answered"),
        "{said}"
    );
    let failed = outready(data.path())
        .args(["history", "Nope"])
        .assert()
        .failure()
        .code(1);
    assert!(
        String::from_utf8_lossy(&failed.get_output().stderr).contains("no plan named \"Nope\"")
    );
}

fn two_budgets(data: &Path) {
    let budget = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/figures/budget.json");
    for (plan, fee) in [("Northwind", "95"), ("Contoso", "80")] {
        outready(data)
            .arg("--questionnaire")
            .arg(&budget)
            .args([
                "answer",
                "--plan",
                plan,
                "users=12",
                "term=36",
                "today=20000",
            ])
            .arg(format!("fee={fee}"))
            .args(["rise=3", "reserve=1000"])
            .assert()
            .success();
    }
}

#[test]
fn compare_shows_the_budget_headline_figures_in_every_format() {
    let data = tempfile::tempdir().unwrap();
    two_budgets(data.path());
    let args = |format: &'static str| vec!["compare", "Northwind", "Contoso", "--format", format];
    // Year one: 95 × 12 people × 12 months, and 80 × 12 × 12.
    let (northwind, contoso) = ("13,680.00", "11,520.00");
    let md = stdout(data.path(), &args("md"));
    let year_one = md
        .lines()
        .find(|l| l.contains(northwind))
        .unwrap_or_default();
    assert!(
        year_one.starts_with("| Year-one cost |") && year_one.contains(contoso),
        "{md}"
    );
    let html = stdout(data.path(), &args("html"));
    assert!(
        html.contains(&format!("{northwind}</td>")) && html.contains(&format!("{contoso}</td>")),
        "{html}"
    );
    let json = stdout(data.path(), &args("json"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let figures = value["budget"].as_array().unwrap();
    assert_eq!(figures.len(), 3, "{json}");
    let amounts: Vec<&str> = figures[0]["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        amounts[0].ends_with(northwind) && amounts[1].ends_with(contoso),
        "{json}"
    );
    let csv = stdout(data.path(), &args("csv"));
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let budget: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "budget").collect();
    assert_eq!(budget.len(), 6, "three figures for two plans: {csv}");
    assert!(
        budget
            .iter()
            .any(|r| &r[4] == "Contoso" && r[5].ends_with(contoso)),
        "{csv}"
    );
}
