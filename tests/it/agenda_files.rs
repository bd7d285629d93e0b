//! The workshop's agenda on disk, on the command line and in reports: the plan format
//! that stores it (format 4, and format 3 read with none), `--agenda` in plain mode and
//! for the wizard (an unknown section is a usage error that names the known ones), and
//! each section's time planned against used in the Markdown, HTML and JSON reports.

use std::path::Path;

use jiff::Timestamp;
use outready::plan::store::load_path;
use outready::plan::{Agenda, Plan, PlanName};
use outready::questionnaire::load::load_file;

use crate::support::{outready, small_questionnaire};

fn clock() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().expect("a timestamp")
}

fn formats(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plans/formats")
        .join(name)
}

#[test]
fn a_format_4_plan_keeps_its_agenda_and_a_format_3_plan_gets_none() {
    let plan = load_path(&formats("v4.json")).expect("format 4 loads");
    let agenda = plan.agenda.clone().expect("its agenda");
    assert_eq!(agenda.sections.get("goals"), Some(&10));
    assert_eq!(agenda.used("goals"), 420);
    assert!(agenda.running);
    let old = load_path(&formats("v3.json")).expect("format 3 loads");
    assert_eq!(old.agenda, None);
    assert_eq!(old.answers.len(), 5);
    assert_eq!(old.participants.len(), 3);
    let data = tempfile::tempdir().expect("a folder");
    let store = outready::plan::PlanStore::in_data_dir(data.path());
    std::fs::create_dir_all(store.dir()).expect("a folder");
    let path = store.dir().join("acme.json");
    store.save_at(&path, &old).expect("saved");
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    assert!(
        written.get("agenda").is_none(),
        "written only when there is one"
    );
    store.save_at(&path, &plan).expect("saved");
    assert_eq!(load_path(&path).expect("read again"), plan);
}

#[test]
fn the_command_line_takes_an_agenda_and_names_an_unknown_section() {
    let data = tempfile::tempdir().expect("a folder");
    let run = |args: &[&str], input: &str| {
        outready(data.path())
            .arg("--questionnaire")
            .arg(small_questionnaire())
            .args(["--plan", "Acme"])
            .args(args)
            .env("TZ", "UTC")
            .write_stdin(input.to_string())
            .output()
            .expect("ran")
    };
    let bad = run(&["--plain", "--agenda", "goal=10m,money=5m"], "");
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(
        stderr.trim_end(),
        "outready: --agenda: there is no section \"goal\" in this questionnaire; its sections are: profile, goals, money"
    );
    // The wizard says the same before it finds it has no terminal.
    let bad = run(&["--agenda", "goal=10m"], "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("its sections are"));
    let bad = run(&["--plain", "--agenda", "soon"], "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("\"soon\" is not a time"));
    assert!(
        !data.path().join("plans/acme.json").exists(),
        "nothing was written"
    );
    let good = run(
        &["--plain", "--agenda", "goals=10m,money=15m"],
        "agenda\nq\n",
    );
    let stdout = String::from_utf8_lossy(&good.stdout);
    assert!(
        good.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&good.stderr)
    );
    assert!(
        stdout.contains("Agenda, the clock runs: 25 min planned."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Section 1, Your business: no time planned, 0 min used (this section)."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Section 2, Goals: 10 min planned, 0 min used."),
        "{stdout}"
    );
    let plan = load_path(&data.path().join("plans/acme.json")).expect("saved");
    let agenda = plan.agenda.expect("the agenda is in the plan");
    assert_eq!(agenda.sections.get("money"), Some(&15));
    assert!(agenda.running);
}

#[test]
fn the_report_says_the_time_planned_against_the_time_used() {
    use outready::report::{Format, Report};
    let loaded = load_file(&small_questionnaire()).expect("the small fixture loads");
    let mut plan = Plan::new(
        &PlanName::new("Acme Ltd").expect("a name"),
        &loaded,
        clock(),
    );
    let zone = jiff::tz::TimeZone::UTC;
    let none = Report::build(&loaded.questionnaire, &plan, &zone);
    assert!(none.agenda.is_empty());
    assert!(
        !none
            .render(Format::Markdown)
            .expect("md")
            .contains("Agenda")
    );
    let mut agenda = Agenda::default();
    agenda.sections.insert("goals".into(), 10);
    agenda.sections.insert("money".into(), 15);
    agenda.bank("goals", 12 * 60 + 20);
    agenda.bank("profile", 3 * 60);
    plan.agenda = Some(agenda);
    let report = Report::build(&loaded.questionnaire, &plan, &zone);
    let markdown = report.render(Format::Markdown).expect("md");
    assert!(
        markdown.contains("## Agenda: time planned and used"),
        "{markdown}"
    );
    for row in [
        "| Your business | none planned | 3 min |",
        "| Goals | 10 min | 12 min (2 min over) |",
        "| Budget | 15 min | 0 min |",
    ] {
        assert!(markdown.contains(row), "{row}\n{markdown}");
    }
    let html = report.render(Format::Html).expect("html");
    assert!(
        html.contains("<h2>Agenda: time planned and used</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<td>Goals</td><td class=\"number\">10 min</td><td class=\"number\">12 min (2 min over)</td>"),
        "{html}"
    );
    let json = report.render(Format::Json).expect("json");
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["agenda"][1]["section_id"], "goals");
    assert_eq!(value["agenda"][1]["planned_minutes"], 10);
    assert_eq!(value["agenda"][1]["used_minutes"], 12);
    assert_eq!(
        value["agenda"][0]["planned_minutes"],
        serde_json::Value::Null
    );
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../assets/report.schema.json")).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let problems: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
}
