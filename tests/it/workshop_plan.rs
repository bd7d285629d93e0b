#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! The facilitated workshop's part of a plan on disk: format 3 and its migration from
//! format 2 with every answer kept, the history across a save and a reload (one entry a
//! day), the built-in questionnaire's quick scan, and the command line's workshop flags.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use outready::plan::store::load_path;
use outready::plan::{Agreement, PLAN_FORMAT_VERSION, PlanStore, Stance};
use outready::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, Questionnaire};
use outready::report::Report;
use outready::report::workshop::since::record_session;
use outready::wizard::ScanProgress;
use outready::wizard::positions::{agree, join_team, parse_participants, record_position};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plans/formats")
        .join(name)
}

#[test]
fn a_format_2_plan_becomes_format_3_with_every_answer_and_field_kept() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path());
    fs::create_dir_all(store.dir()).unwrap();
    let path = store.dir().join("acme.json");
    fs::copy(fixture("v2.json"), &path).unwrap();
    let plan = load_path(&path).unwrap();
    assert_eq!(plan.format_version, PLAN_FORMAT_VERSION);
    const { assert!(PLAN_FORMAT_VERSION >= 3) };
    assert_eq!(plan.answers.len(), 5);
    assert!(plan.participants.is_empty() && plan.positions.is_empty() && plan.history.is_empty());
    store.save_at(&path, &plan).unwrap();
    let old: serde_json::Value =
        serde_json::from_slice(&fs::read(fixture("v2.json")).unwrap()).unwrap();
    let new: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    for (key, value) in old.as_object().unwrap() {
        if key != "format_version" {
            assert_eq!(&new[key], value, "{key}");
        }
    }
    for absent in ["participants", "positions", "history"] {
        assert!(
            new.get(absent).is_none(),
            "{absent} is written only when there is one"
        );
    }
}

#[test]
fn a_format_3_plan_reads_its_team_positions_and_history() {
    let plan = load_path(&fixture("v3.json")).unwrap();
    let names: Vec<String> = plan.participants.iter().map(|p| p.describe()).collect();
    assert_eq!(names, ["Ann (owner)", "Ben (office)", "Cara (books)"]);
    let positions = &plan.positions["personal-data"];
    assert_eq!(positions.by["Cara"].stance, Stance::DontKnow);
    assert_eq!(positions.agreement(), Agreement::Agreed);
    assert_eq!(plan.history.len(), 1);
    assert_eq!(plan.history[0].level.as_deref(), Some("not-ready"));
}

fn builtin() -> Questionnaire {
    Catalog::load(None)
        .find(DEFAULT_QUESTIONNAIRE)
        .map(|loaded| (*loaded.questionnaire).clone())
        .unwrap()
}

#[test]
fn the_history_survives_a_save_and_reload_with_one_entry_a_day() {
    let catalog = Catalog::load(None);
    let loaded = catalog.find(DEFAULT_QUESTIONNAIRE).unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path());
    let name = outready::plan::PlanName::new("Acme").unwrap();
    let at = |t: &str| t.parse::<Timestamp>().unwrap();
    let mut plan = outready::plan::Plan::new(&name, loaded, at("2027-01-04T09:00:00Z"));
    join_team(
        &mut plan,
        parse_participants("Ann (owner), Ben (office)").unwrap(),
    );
    let zone = TimeZone::UTC;
    let yes = || Some(outready::answer::Value::Text("yes".into()));
    let no = || Some(outready::answer::Value::Text("no".into()));
    let q = "goal-problem";
    record_position(
        &mut plan,
        q,
        "Ann",
        Stance::Answered,
        yes(),
        at("2027-01-04T09:10:00Z"),
    )
    .unwrap();
    record_position(
        &mut plan,
        q,
        "Ben",
        Stance::Answered,
        no(),
        at("2027-01-04T09:11:00Z"),
    )
    .unwrap();
    record_session(
        &loaded.questionnaire,
        &mut plan,
        &zone,
        at("2027-01-04T11:00:00Z"),
    );
    store.save(&plan).unwrap();
    let mut plan = store.load(&name).unwrap();
    assert_eq!(plan.history.len(), 1);
    assert_eq!(plan.history[0].disputed, [q]);
    // A second session the same day replaces the day's entry.
    agree(
        &mut plan,
        q,
        outready::answer::Answer::answered(yes().unwrap()),
        at("2027-01-04T15:00:00Z"),
    );
    record_session(
        &loaded.questionnaire,
        &mut plan,
        &zone,
        at("2027-01-04T16:00:00Z"),
    );
    store.save(&plan).unwrap();
    let mut plan = store.load(&name).unwrap();
    assert_eq!(plan.history.len(), 1);
    assert!(plan.history[0].disputed.is_empty());
    assert_eq!(plan.history[0].at, at("2027-01-04T16:00:00Z"));
    // Another day adds one; since last time reads the one before the day of the change.
    plan.set_answer(
        "budget-today-invoices",
        outready::answer::Answer::in_state(outready::answer::AnswerState::Unsure),
        at("2027-01-11T09:00:00Z"),
    );
    record_session(
        &loaded.questionnaire,
        &mut plan,
        &zone,
        at("2027-01-11T10:00:00Z"),
    );
    store.save(&plan).unwrap();
    let plan = store.load(&name).unwrap();
    let days: Vec<String> = plan.history.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(days, ["2027-01-04", "2027-01-11"]);
    let report = Report::build(&loaded.questionnaire, &plan, &zone);
    let since = report.since_last_time.unwrap();
    assert_eq!(since.since.to_string(), "2027-01-04");
    assert_eq!(since.answers_changed.len(), 1);
}

#[test]
fn the_built_in_quick_scan_has_every_blocker_and_critical_question() {
    let q = builtin();
    let quick: Vec<&str> = q
        .questions()
        .filter(|(_, x)| x.quick)
        .map(|(_, x)| x.id.as_str())
        .collect();
    assert!(
        (15..=25).contains(&quick.len()),
        "{} quick questions",
        quick.len()
    );
    for (_, question) in q.questions() {
        if question.blocker_if.is_some() || question.may_be_critical() {
            assert!(
                question.quick,
                "{} decides the level but is not quick",
                question.id
            );
        }
    }
    let progress = ScanProgress::of(&q, &Default::default());
    assert!(progress.scan_shown > 0 && !progress.provisional());
}

#[test]
fn the_wizard_takes_the_workshop_flags_and_bad_participants_are_named() {
    let data = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("outready")
        .unwrap()
        .args(["--quick"])
        .env("OUTREADY_DATA_DIR", data.path())
        .output()
        .unwrap();
    // Taken by the wizard, which then says it needs a terminal (not that --quick is
    // for plain mode only).
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("--plain with them"), "{stderr}");
    assert!(stderr.contains("not a terminal"), "{stderr}");
    let output = Command::cargo_bin("outready")
        .unwrap()
        .args(["--plain", "--participants", "Ann (owner"])
        .env("OUTREADY_DATA_DIR", data.path())
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--participants: \"Ann (owner\" has a role in brackets that is not closed"),
        "{stderr}"
    );
}

#[test]
fn report_since_a_day_lists_what_changed_from_that_day() {
    let catalog = Catalog::load(None);
    let loaded = catalog.find(DEFAULT_QUESTIONNAIRE).unwrap();
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path());
    let name = outready::plan::PlanName::new("Acme").unwrap();
    let at = |t: &str| t.parse::<Timestamp>().unwrap();
    let mut plan = outready::plan::Plan::new(&name, loaded, at("2027-01-04T09:00:00Z"));
    let unsure = || outready::answer::Answer::in_state(outready::answer::AnswerState::Unsure);
    plan.set_answer("goal-problem", unsure(), at("2027-01-04T09:10:00Z"));
    plan.set_answer(
        "budget-today-invoices",
        unsure(),
        at("2027-01-11T09:10:00Z"),
    );
    store.save(&plan).unwrap();
    let report = |extra: &[&str]| {
        let output = Command::cargo_bin("outready")
            .unwrap()
            .args(["report", "--format", "json"])
            .args(extra)
            .env("OUTREADY_DATA_DIR", data.path())
            .env("TZ", "UTC")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    assert!(
        report(&[]).get("since_last_time").is_none(),
        "no history, no last session"
    );
    let since = &report(&["--since", "2027-01-10"])["since_last_time"];
    assert_eq!(since["since"], "2027-01-10");
    assert_eq!(since["last_session"], false);
    let changed: Vec<&str> = since["answers_changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["question_id"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["budget-today-invoices"]);
}
