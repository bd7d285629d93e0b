#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! `outready copy PLAN NEW [--only-business]`, and the questionnaire's `about` field it
//! reads: set on the built-in questions about one provider, refused by `validate` with
//! any other value.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use outready::plan::store::load_path;
use outready::questionnaire::model::About;

/// The small questionnaire with `dpa` about the provider, in a file of its own.
fn questionnaire(dir: &Path, about: &str) -> PathBuf {
    let small = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(small).unwrap()).unwrap();
    for section in value["sections"].as_array_mut().unwrap() {
        for question in section["questions"].as_array_mut().unwrap() {
            if question["id"] == "dpa" {
                question["about"] = about.into();
            }
        }
    }
    let file = dir.join("small-about.json");
    fs::write(&file, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    file
}

fn outready(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_outready"));
    command
        .env_remove("ACCESSIBLE")
        .env_remove("OUTREADY_DATA_DIR")
        .arg("--data-dir")
        .arg(data);
    command
}

fn started(data: &Path) -> Vec<u8> {
    let file = questionnaire(data, "provider");
    outready(data)
        .arg("--questionnaire")
        .arg(&file)
        .args(["answer", "--plan", "Provider A", "staff=6", "dpa=yes"])
        .assert()
        .success();
    fs::read(data.join("plans/provider-a.json")).unwrap()
}

#[test]
fn only_business_leaves_the_providers_answers_behind() {
    let data = tempfile::tempdir().unwrap();
    let before = started(data.path());
    let done = outready(data.path())
        .args(["copy", "Provider A", "Provider B", "--only-business"])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&done.get_output().stdout).into_owned();
    assert!(
        said.contains("1 answer(s), 1 about the provider left behind."),
        "{said}"
    );
    let copy = load_path(&data.path().join("plans/provider-b.json")).unwrap();
    assert_eq!(copy.name, "Provider B");
    assert!(copy.answers.contains_key("staff"));
    assert!(!copy.answers.contains_key("dpa"));
    assert!(copy.history.is_empty());
    assert_eq!(
        fs::read(data.path().join("plans/provider-a.json")).unwrap(),
        before
    );
    outready(data.path())
        .args(["copy", "Provider A", "Whole"])
        .assert()
        .success();
    let whole = load_path(&data.path().join("plans/whole.json")).unwrap();
    assert!(whole.answers.contains_key("dpa") && whole.answers.contains_key("staff"));
}

#[test]
fn copy_refuses_a_taken_name_and_a_missing_plan_in_one_sentence() {
    let data = tempfile::tempdir().unwrap();
    started(data.path());
    let cases = [
        (
            ["copy", "Provider A", "provider a"],
            "a plan called \"Provider A\" already exists",
        ),
        (["copy", "Nope", "New"], "there is no plan named \"Nope\""),
    ];
    for (arguments, wanted) in cases {
        let failed = outready(data.path())
            .args(arguments)
            .assert()
            .failure()
            .code(1);
        let error = String::from_utf8_lossy(&failed.get_output().stderr).into_owned();
        assert!(error.contains(wanted), "{error}");
        assert_eq!(error.lines().count(), 1, "{error}");
    }
    assert!(!data.path().join("plans/new.json").exists());
}

#[test]
fn validate_refuses_an_unknown_about() {
    let dir = tempfile::tempdir().unwrap();
    let good = questionnaire(dir.path(), "provider");
    outready(dir.path())
        .arg("validate")
        .arg(&good)
        .assert()
        .success();
    let bad = questionnaire(dir.path(), "vendor");
    let failed = outready(dir.path())
        .arg("validate")
        .arg(&bad)
        .assert()
        .failure();
    let said = String::from_utf8_lossy(&failed.get_output().stdout).into_owned()
        + &String::from_utf8_lossy(&failed.get_output().stderr);
    assert!(said.contains("vendor"), "{said}");
}

#[test]
fn the_built_in_questions_about_one_provider_say_so() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/it-outsourcing.json");
    let mut questionnaire: outready::questionnaire::Questionnaire =
        serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    questionnaire.prepare();
    let about = |id: &str| questionnaire.question(id).unwrap().about;
    assert_eq!(about("select-preferred"), About::Provider);
    assert_eq!(about("contract-min-term"), About::Provider);
    assert_eq!(about("profile-headcount"), About::Business);
    assert_eq!(about("backup-restore-test"), About::Business);
    let providers = questionnaire
        .questions()
        .filter(|(_, q)| q.about == About::Provider)
        .count();
    assert!(
        providers > 50 && providers < questionnaire.question_count(),
        "{providers}"
    );
}
