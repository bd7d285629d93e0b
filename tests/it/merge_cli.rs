#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! `outready merge`, `outready list` with a sync tool's conflict copy, and
//! `outready merge-driver` in a real git repository with two branches.

use std::fs;
use std::path::Path;

use outready::answer::Value;
use outready::plan::store::load_path;

use crate::support::{answer, outready};

fn stdout_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

#[test]
fn merge_takes_one_sided_answers_lists_disputes_and_leaves_the_inputs() {
    let data = tempfile::tempdir().unwrap();
    answer(data.path(), "Laptop", &["staff=6", "personal-data=no"]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    answer(data.path(), "Office", &["personal-data=yes"]);
    let laptop = fs::read(data.path().join("plans/laptop.json")).unwrap();
    let office = fs::read(data.path().join("plans/office.json")).unwrap();
    let done = outready(data.path())
        .args(["merge", "Laptop", "Office", "--into", "Acme"])
        .assert()
        .success();
    let said = stdout_of(&done);
    assert!(said.contains("Merged 2 plan(s) into \"Acme\""), "{said}");
    assert!(said.contains("from Laptop."), "{said}");
    assert!(said.contains("1 question(s) disputed:"), "{said}");
    assert!(
        said.contains("Laptop: No; Office: Yes (current: Office)"),
        "{said}"
    );
    let merged = load_path(&data.path().join("plans/acme.json")).unwrap();
    assert_eq!(merged.answers["staff"].value, Some(Value::Number(6.0)));
    assert_eq!(
        merged.answers["personal-data"].value,
        Some(Value::Text("yes".into()))
    );
    assert!(merged.positions["personal-data"].differ());
    assert_eq!(
        fs::read(data.path().join("plans/laptop.json")).unwrap(),
        laptop
    );
    assert_eq!(
        fs::read(data.path().join("plans/office.json")).unwrap(),
        office
    );
}

#[test]
fn merge_refuses_bad_input_in_one_sentence() {
    let data = tempfile::tempdir().unwrap();
    answer(data.path(), "Laptop", &["staff=6"]);
    answer(data.path(), "Office", &["staff=7"]);
    fs::write(data.path().join("plans/broken.json"), "{ oops").unwrap();
    let other = fs::read_to_string(data.path().join("plans/office.json"))
        .unwrap()
        .replace("\"id\": \"small\"", "\"id\": \"world\"");
    fs::write(data.path().join("plans/world.json"), other).unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["Laptop", "broken", "--into", "X"],
            "broken.json is damaged",
        ),
        (
            vec!["Laptop", "World", "--into", "X"],
            "only plans on the same questionnaire can be merged",
        ),
        (
            vec!["Laptop", "Nope", "--into", "X"],
            "there is no plan or file \"Nope\"",
        ),
        (
            vec!["Laptop", "Office", "--into", "World"],
            "already exists and is not one of the plans merged",
        ),
        (vec!["Laptop", "Office"], "--into NAME"),
        (
            vec!["--conflicts", "Laptop"],
            "there is no conflicting copy",
        ),
    ];
    for (arguments, wanted) in cases {
        let failed = outready(data.path())
            .arg("merge")
            .args(&arguments)
            .assert()
            .failure()
            .code(1);
        let error = String::from_utf8_lossy(&failed.get_output().stderr).into_owned();
        assert!(error.contains(wanted), "{arguments:?}: {error}");
        assert_eq!(error.lines().count(), 1, "{error}");
        assert!(!data.path().join("plans/x.json").exists());
    }
}

#[test]
fn a_conflict_copy_is_listed_merged_and_moved_aside() {
    let data = tempfile::tempdir().unwrap();
    answer(data.path(), "Acme", &["staff=6"]);
    let plans = data.path().join("plans");
    let copy = plans.join("acme.sync-conflict-20260312-101500-ABCDEFG.json");
    let text = fs::read_to_string(plans.join("acme.json")).unwrap();
    fs::write(&copy, text.replace("\"value\": 6", "\"value\": 8")).unwrap();
    let dropbox = plans.join("acme (Ann's conflicted copy 2026-03-12).json");
    fs::write(&dropbox, &text).unwrap();
    let listed = stdout_of(&outready(data.path()).arg("list").assert().success());
    assert!(
        listed.contains("A conflicting copy of Acme from 12 March exists: outready merge --conflicts acme to join it."),
        "{listed}"
    );
    assert_eq!(
        listed.lines().filter(|l| l.starts_with("Acme")).count(),
        1,
        "{listed}"
    );
    let done = outready(data.path())
        .args(["merge", "--conflicts", "Acme"])
        .assert()
        .success();
    let said = stdout_of(&done);
    assert!(said.contains("Moved the copy to"), "{said}");
    assert!(!copy.exists() && !dropbox.exists());
    assert!(
        plans
            .join("merged/acme.sync-conflict-20260312-101500-ABCDEFG.json")
            .exists()
    );
    let merged = load_path(&plans.join("acme.json")).unwrap();
    assert!(merged.positions["staff"].differ());
    let listed = stdout_of(&outready(data.path()).arg("list").assert().success());
    assert!(!listed.contains("conflicting copy"), "{listed}");
}

fn git(repo: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(repo)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn git_merges_a_plan_through_the_driver_without_conflict_markers() {
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("git is not installed: the merge driver's end-to-end test is skipped");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    answer(data.path(), "Acme", &["staff=6", "personal-data=no"]);
    let repo = tempfile::tempdir().unwrap();
    let r = repo.path();
    git(r, &["init", "-q", "-b", "main"]);
    let driver = format!(
        "{} --data-dir {} merge-driver %O %A %B",
        env!("CARGO_BIN_EXE_outready"),
        data.path().display()
    );
    git(r, &["config", "merge.outready.driver", &driver]);
    fs::create_dir_all(r.join("plans")).unwrap();
    fs::write(r.join("plans/.gitattributes"), "*.json merge=outready\n").unwrap();
    let plan = data.path().join("plans/acme.json");
    fs::copy(&plan, r.join("plans/acme.json")).unwrap();
    git(r, &["add", "."]);
    git(r, &["commit", "-qm", "base"]);
    git(r, &["checkout", "-qb", "laptop"]);
    answer(data.path(), "Acme", &["personal-data=yes"]);
    fs::copy(&plan, r.join("plans/acme.json")).unwrap();
    git(r, &["commit", "-qam", "laptop"]);
    git(r, &["checkout", "-q", "main"]);
    fs::copy(r.join("plans/acme.json"), &plan).unwrap();
    answer(data.path(), "Acme", &["staff=9", "personal-data=unsure"]);
    fs::copy(&plan, r.join("plans/acme.json")).unwrap();
    git(r, &["commit", "-qam", "office"]);
    let said = git(r, &["merge", "-q", "--no-edit", "laptop"]);
    let text = fs::read_to_string(r.join("plans/acme.json")).unwrap();
    assert!(!text.contains("<<<<<<<"), "{said}\n{text}");
    let merged = load_path(&r.join("plans/acme.json")).unwrap();
    assert_eq!(merged.answers["staff"].value, Some(Value::Number(9.0)));
    assert!(merged.positions["personal-data"].differ(), "{said}");
    assert!(
        git(r, &["status", "--porcelain"]).trim().is_empty(),
        "merged and committed"
    );
}

#[test]
fn the_merge_summary_shows_answers_as_the_report_does() {
    let data = tempfile::tempdir().unwrap();
    for (plan, stage) in [("Beta", "draft"), ("Gamma", "signing")] {
        outready(data.path())
            .args(["answer", "--plan", plan, &format!("profile-stage={stage}")])
            .assert()
            .success();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let done = outready(data.path())
        .args(["merge", "Beta", "Gamma", "--into", "Both"])
        .assert()
        .success();
    let said = stdout_of(&done);
    assert!(
        said.contains("Beta: We have a draft contract; Gamma: About to sign"),
        "{said}"
    );
    assert!(!said.contains("Beta: draft"), "{said}");
}
