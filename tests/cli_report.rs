//! `outready report` from the outside: each format to standard output, `--output` to a
//! file, the most recent plan by default, and one clear sentence with exit code 1 for an
//! unknown plan or a plan of an unknown questionnaire. Every run gets its own data
//! folder and home.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

/// A data folder with the small questionnaire and two plans: "Acme & Sons <Ltd>" (the
/// most recent) and "Other".
struct Setup {
    home: TempDir,
    data: PathBuf,
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn setup(with_questionnaire: bool) -> Setup {
    let home = tempfile::tempdir().expect("a temporary folder");
    let data = home.path().join("data");
    fs::create_dir_all(data.join("plans")).expect("the fixture is set up");
    if with_questionnaire {
        fs::create_dir_all(data.join("questionnaires")).expect("the fixture is set up");
        fs::copy(
            fixture("tests/fixtures/questionnaires/valid/small.json"),
            data.join("questionnaires/small.json"),
        )
        .expect("the fixture is set up");
    }
    let acme = fs::read_to_string(fixture("tests/fixtures/plans/acme.json"))
        .expect("the fixture is set up");
    let other = acme.replace("\"Acme & Sons <Ltd>\"", "\"Other\"");
    let older = SystemTime::now() - Duration::from_secs(3600);
    let other_path = data.join("plans/other.json");
    fs::write(&other_path, other).expect("the fixture is set up");
    fs::File::options()
        .write(true)
        .open(&other_path)
        .expect("the plan file opens")
        .set_modified(older)
        .expect("the fixture is set up");
    fs::write(data.join("plans/acme-sons-ltd.json"), acme).expect("the fixture is set up");
    Setup { home, data }
}

impl Setup {
    fn outready(&self, args: &[&str]) -> Command {
        let mut command = Command::cargo_bin("outready").expect("the fixture is set up");
        command
            .env_clear()
            .env("HOME", self.home.path())
            .env("TZ", "UTC")
            .arg("--data-dir")
            .arg(&self.data)
            .args(args);
        command
    }
}

#[test]
fn markdown_of_the_most_recent_plan_goes_to_standard_output() {
    let setup = setup(true);
    setup
        .outready(&["report"])
        .assert()
        .success()
        .stderr("")
        .stdout(predicate::str::starts_with(
            "# Readiness report: Acme \\& Sons \\<Ltd\\>\n",
        ))
        .stdout(predicate::str::contains("## Verdict: Not ready"))
        .stdout(predicate::str::contains(
            "- [x] Who approves the IT budget?",
        ));
}

#[test]
fn plan_picks_the_plan_by_name() {
    let setup = setup(true);
    setup
        .outready(&["report", "--plan", "Other"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Readiness report: Other\n"));
    setup
        .outready(&["--plan", "acme & sons <ltd>", "report", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"name\": \"Acme & Sons <Ltd>\""));
}

#[test]
fn each_format_renders_the_same_report() {
    let setup = setup(true);
    let run = |format: &str| -> String {
        let output = setup
            .outready(&["report", "--format", format])
            .assert()
            .success()
            .stderr("")
            .get_output()
            .stdout
            .clone();
        String::from_utf8(output).unwrap()
    };
    let html = run("html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    let json = run("json");
    let report = outready::report::json::parse(&json).unwrap();
    assert_eq!(report.plan.name, "Acme & Sons <Ltd>");
    assert_eq!(report.gaps.len(), 6);
    let csv = run("csv");
    assert!(csv.starts_with("\u{feff}kind,rank,section,question_id,"));
    assert_eq!(csv.matches("\r\ngap,").count(), 6);
    assert_eq!(run("md"), run("md"), "the same plan gives the same report");
}

#[test]
fn output_writes_the_file_and_says_where() {
    let setup = setup(true);
    let file = setup.home.path().join("out/report.html");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, "an older report").unwrap();
    let expected = setup
        .outready(&["report", "--format", "html"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    setup
        .outready(&["report", "--format", "html", "--output"])
        .arg(&file)
        .assert()
        .success()
        .stdout("")
        .stderr(format!(
            "outready: wrote the html report of \"Acme & Sons <Ltd>\" to {}\n",
            file.display()
        ));
    assert_eq!(fs::read(&file).unwrap(), expected);
    let left: Vec<_> = fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["report.html"], "no temporary file is left behind");
}

#[test]
fn an_unknown_plan_is_one_sentence_and_exit_1() {
    let setup = setup(true);
    setup
        .outready(&["report", "--plan", "Nope"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "outready: there is no plan named \"Nope\" (run `outready list` to see the plans)\n",
        );
}

#[test]
fn a_plan_of_an_unknown_questionnaire_is_one_sentence_and_exit_1() {
    let setup = setup(false);
    setup
        .outready(&["report"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "outready: the plan \"Acme & Sons <Ltd>\" answers the questionnaire \"small\", which is not available: put its file in ",
        ))
        .stderr(predicate::str::ends_with("questionnaires\n"));
}

#[test]
fn no_plans_at_all_is_one_sentence_and_exit_1() {
    let home = tempfile::tempdir().unwrap();
    let mut command = Command::cargo_bin("outready").unwrap();
    command
        .env_clear()
        .env("HOME", home.path())
        .arg("--data-dir")
        .arg(home.path())
        .arg("report")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "outready: there are no plans yet in ",
        ));
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let setup = setup(true);
    setup
        .outready(&["report", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'pdf'"));
}

#[test]
fn a_folder_that_cannot_take_the_file_is_one_sentence() {
    let setup = setup(true);
    let missing = setup.home.path().join("no-such-folder/report.md");
    setup
        .outready(&["report", "--output"])
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "outready: the report could not be written to {}: ",
            missing.display()
        )));
}
