#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! `outready answer` and `outready import`: answers set by question id, all or nothing.
//! Good input saves every answer; bad input lists every problem with its place, saves
//! nothing (the plan file unchanged byte for byte) and exits 1; a plan another process
//! holds is refused in one sentence.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use outready::answer::{AnswerState, Value};
use outready::plan::store::load_path;
use outready::plan::{Acquired, PlanLock};

fn small_questionnaire() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/questionnaires/valid/small.json")
}

/// The binary on a temporary data folder.
fn outready(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_outready"));
    command
        .env_remove("ACCESSIBLE")
        .env_remove("OUTREADY_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .arg("--questionnaire")
        .arg(small_questionnaire());
    command
}

fn plan_path(data: &Path) -> PathBuf {
    data.join("plans/acme.json")
}

/// A plan "Acme" with two answers, made by `answer` itself.
fn started(data: &Path) -> Vec<u8> {
    outready(data)
        .args(["answer", "--plan", "Acme", "staff=6", "personal-data=no"])
        .assert()
        .success()
        .stderr("");
    fs::read(plan_path(data)).unwrap()
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn answer_sets_each_kind_by_id() {
    let data = tempfile::tempdir().unwrap();
    started(data.path());
    let done = outready(data.path())
        .args([
            "answer",
            "--plan",
            "Acme",
            "outsourced=hosting, support",
            "problem=unsure",
            "outcomes=3",
            "decision-date=2027-03-31",
            "budget=1,500",
            "contingency=na",
            "budget-owner=Sam Patel",
        ])
        .assert()
        .code(1);
    // contingency does not allow "not applicable": all or nothing, so nothing changed.
    assert!(
        stderr_of(&done).contains("argument 6 (contingency=na)"),
        "{}",
        stderr_of(&done)
    );
    let done = outready(data.path())
        .args([
            "answer",
            "--plan",
            "Acme",
            "outsourced=hosting, support",
            "problem=unsure",
            "outcomes=3",
            "decision-date=2027-03-31",
            "budget=1,500",
            "budget-owner=Sam Patel",
        ])
        .assert()
        .success()
        .stderr("");
    let stdout = String::from_utf8_lossy(&done.get_output().stdout).into_owned();
    assert!(
        stdout.starts_with("Saved 6 answers to the plan \"Acme\""),
        "{stdout}"
    );
    let plan = load_path(&plan_path(data.path())).unwrap();
    let value = |id: &str| plan.answer(id).unwrap().value.clone();
    assert_eq!(
        value("outsourced"),
        Some(Value::List(vec!["support".into(), "hosting".into()])),
        "in the questionnaire's order"
    );
    assert_eq!(plan.answer("problem").unwrap().state, AnswerState::Unsure);
    assert_eq!(value("outcomes"), Some(Value::Text("3".into())));
    assert_eq!(
        value("decision-date"),
        Some(Value::Text("2027-03-31".into()))
    );
    assert_eq!(value("budget"), Some(Value::Number(1500.0)));
    assert_eq!(value("budget-owner"), Some(Value::Text("Sam Patel".into())));
    assert_eq!(
        value("staff"),
        Some(Value::Number(6.0)),
        "earlier answers stay"
    );
}

#[test]
fn a_bad_answer_lists_every_problem_with_its_argument_and_saves_nothing() {
    let data = tempfile::tempdir().unwrap();
    let before = started(data.path());
    let done = outready(data.path())
        .args([
            "answer",
            "--plan",
            "Acme",
            "staff=12",
            "staff=many",
            "nosuch=1",
            "outsourced=support,cloud",
            "problem",
            "outcomes=9",
            "decision-date=2027-02-30",
        ])
        .assert()
        .code(1)
        .stdout("");
    let stderr = stderr_of(&done);
    for wanted in [
        "argument 2 (staff=many): \"staff\" is given twice (first in argument 1 (staff=12))",
        "argument 3 (nosuch=1): there is no question \"nosuch\"",
        "argument 4 (outsourced=support,cloud): \"cloud\" is not an option of this question: give one of support, hosting, project",
        "argument 5 (problem): type a question id, = and the value, like staff=12",
        "argument 6 (outcomes=9): \"9\" is not an option",
        "argument 7 (decision-date=2027-02-30): \"2027-02-30\" is not a date",
        "nothing was saved: 6 problems to correct",
    ] {
        assert!(stderr.contains(wanted), "missing {wanted:?} in\n{stderr}");
    }
    assert_eq!(fs::read(plan_path(data.path())).unwrap(), before);
}

#[test]
fn import_takes_a_json_object_with_values_and_notes() {
    let data = tempfile::tempdir().unwrap();
    started(data.path());
    let file = data.path().join("answers.json");
    fs::write(
        &file,
        r#"{
  "staff": 14,
  "outsourced": ["support", "project"],
  "problem": {"value": "yes", "note": "agreed with Sam"},
  "personal-data": {"note": "ask the bookkeeper"}
}
"#,
    )
    .unwrap();
    outready(data.path())
        .args(["import", "--plan", "Acme"])
        .arg(&file)
        .assert()
        .success()
        .stderr("");
    let plan = load_path(&plan_path(data.path())).unwrap();
    assert_eq!(
        plan.answer("staff").unwrap().value,
        Some(Value::Number(14.0))
    );
    let problem = plan.answer("problem").unwrap();
    assert_eq!(problem.value, Some(Value::Text("yes".into())));
    assert_eq!(problem.note.as_deref(), Some("agreed with Sam"));
    let personal = plan.answer("personal-data").unwrap();
    assert_eq!(
        personal.value,
        Some(Value::Text("no".into())),
        "a note alone keeps the answer"
    );
    assert_eq!(personal.note.as_deref(), Some("ask the bookkeeper"));
}

#[test]
fn import_takes_csv_rows_told_apart_by_content() {
    let data = tempfile::tempdir().unwrap();
    started(data.path());
    let file = data.path().join("answers.txt");
    fs::write(
        &file,
        "id,value,note\nstaff,20\noutsourced,\"support,hosting\",both\ndpa,unsure,ask each provider\n",
    )
    .unwrap();
    outready(data.path())
        .args(["import", "--plan", "Acme"])
        .arg(&file)
        .assert()
        .success();
    let plan = load_path(&plan_path(data.path())).unwrap();
    assert_eq!(
        plan.answer("staff").unwrap().value,
        Some(Value::Number(20.0))
    );
    assert_eq!(
        plan.answer("outsourced").unwrap().note.as_deref(),
        Some("both")
    );
    assert_eq!(plan.answer("dpa").unwrap().state, AnswerState::Unsure);
}

#[test]
fn a_bad_import_lists_every_problem_with_its_line_and_saves_nothing() {
    let data = tempfile::tempdir().unwrap();
    let before = started(data.path());
    let json = data.path().join("bad.json");
    fs::write(
        &json,
        "{\n  \"staff\": 0,\n  \"problem\": true,\n  \"nosuch\": \"yes\",\n  \"outcomes\": \"2\"\n}\n",
    )
    .unwrap();
    let done = outready(data.path())
        .args(["import", "--plan", "Acme"])
        .arg(&json)
        .assert()
        .code(1);
    let stderr = stderr_of(&done);
    for wanted in [
        "line 2 (\"staff\"): the smallest accepted value is 1",
        "line 3 (\"problem\"): true and false are not answers",
        "line 4 (\"nosuch\"): there is no question \"nosuch\"",
        "nothing was saved: 3 problems",
    ] {
        assert!(
            stderr.to_lowercase().contains(&wanted.to_lowercase()),
            "missing {wanted:?} in\n{stderr}"
        );
    }
    let csv = data.path().join("bad.csv");
    fs::write(&csv, "staff,7\n\npersonal-data,maybe\nstaff,8\n").unwrap();
    let done = outready(data.path())
        .args(["import", "--plan", "Acme"])
        .arg(&csv)
        .assert()
        .code(1);
    let stderr = stderr_of(&done);
    assert!(
        stderr.contains("line 3: \"maybe\" is not an option"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 4: \"staff\" is given twice (first in line 1)"),
        "{stderr}"
    );
    let broken = data.path().join("broken.json");
    fs::write(&broken, "{\n  \"staff\": 7,\n}\n").unwrap();
    let done = outready(data.path())
        .args(["import", "--plan", "Acme"])
        .arg(&broken)
        .assert()
        .code(1);
    assert!(stderr_of(&done).contains("line 3, column 1: the file is not valid JSON"));
    assert_eq!(fs::read(plan_path(data.path())).unwrap(), before);
}

#[test]
fn a_plan_open_elsewhere_is_refused_in_one_sentence_and_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let before = started(data.path());
    let path = plan_path(data.path());
    let Acquired::Locked(lock) = PlanLock::acquire(&path).unwrap() else {
        panic!("the test could not take the plan's lock");
    };
    let file = data.path().join("answers.csv");
    fs::write(&file, "staff,9\n").unwrap();
    for args in [
        vec!["answer", "--plan", "Acme", "staff=9"],
        vec!["import", "--plan", "Acme", file.to_str().unwrap()],
    ] {
        let done = outready(data.path())
            .args(&args)
            .assert()
            .code(1)
            .stdout("");
        let stderr = stderr_of(&done);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("is open in another outready"), "{stderr}");
        assert_eq!(fs::read(&path).unwrap(), before);
    }
    drop(lock);
    outready(data.path())
        .args(["answer", "--plan", "Acme", "staff=9"])
        .assert()
        .success();
}

#[test]
fn answer_needs_a_plan_name() {
    let data = tempfile::tempdir().unwrap();
    let done = outready(data.path())
        .args(["answer", "staff=9"])
        .assert()
        .code(1);
    assert!(stderr_of(&done).contains("--plan NAME"));
    assert!(!data.path().join("plans").exists());
}
