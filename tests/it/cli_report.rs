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
            "# Readiness report: Acme & Sons \\<Ltd>\n",
        ))
        .stdout(predicate::str::contains("### Verdict: Not ready"))
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
        .stderr(predicate::str::contains("questionnaires, or open another plan with `--plan NAME` (`outready list` names them)\n"));
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

#[test]
fn output_dash_is_standard_output() {
    let setup = setup(true);
    let expected = setup
        .outready(&["report"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    setup
        .outready(&["report", "--output", "-"])
        .current_dir(setup.home.path())
        .assert()
        .success()
        .stderr("")
        .stdout(String::from_utf8(expected).unwrap());
    assert!(!setup.home.path().join("-").exists(), "no file named -");
}

#[test]
fn a_folder_given_as_output_is_one_sentence_and_kept() {
    let setup = setup(true);
    let folder = setup.home.path().join("reports");
    fs::create_dir_all(&folder).unwrap();
    setup
        .outready(&["report", "--output"])
        .arg(&folder)
        .assert()
        .code(1)
        .stderr(format!(
            "outready: the report could not be written to {}: {} is a folder: name a file in it, like {}\n",
            folder.display(),
            folder.display(),
            folder.join("report.md").display()
        ));
    assert!(folder.is_dir());
}

#[test]
fn a_missing_folder_is_named_in_one_sentence() {
    let setup = setup(true);
    let missing = setup.home.path().join("no-such-folder");
    setup
        .outready(&["report", "--output"])
        .arg(missing.join("report.md"))
        .assert()
        .code(1)
        .stderr(predicate::str::ends_with(format!(
            ": the folder {} does not exist: create it first, or name a file in a folder that does\n",
            missing.display()
        )));
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_followed_and_its_target_replaced_in_its_own_folder() {
    let setup = setup(true);
    let real = setup.home.path().join("shared/report.md");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    fs::write(&real, "old").unwrap();
    let link_dir = setup.home.path().join("links");
    fs::create_dir_all(&link_dir).unwrap();
    let link = link_dir.join("latest.md");
    std::os::unix::fs::symlink("../shared/report.md", &link).unwrap();
    setup
        .outready(&["report", "--output"])
        .arg(&link)
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays"
    );
    let written = fs::read_to_string(&real).unwrap();
    assert!(written.starts_with("# Readiness report: "), "{written}");
    let beside_link: Vec<_> = fs::read_dir(&link_dir).unwrap().collect();
    assert_eq!(beside_link.len(), 1, "nothing written beside the link");
    let beside_target: Vec<_> = fs::read_dir(real.parent().unwrap()).unwrap().collect();
    assert_eq!(
        beside_target.len(),
        1,
        "no temporary file left beside the target"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_written_in_place_not_replaced() {
    let setup = setup(true);
    let fifo = setup.home.path().join("report.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    setup
        .outready(&["report", "--output"])
        .arg(&fifo)
        .timeout(Duration::from_secs(20))
        .assert()
        .success();
    use std::os::unix::fs::FileTypeExt as _;
    // Checked first: a pipe replaced by a file would leave the reader waiting for good.
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a pipe"
    );
    let read = reader.join().unwrap();
    assert!(read.starts_with("# Readiness report: "), "{read}");
}

#[cfg(unix)]
#[test]
fn a_closed_standard_output_ends_quietly_with_exit_0() {
    let setup = setup(true);
    let (reader, writer) = std::io::pipe().unwrap();
    // The reader is gone before outready writes a byte, as with `| head -0`.
    drop(reader);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_outready"))
        .env_clear()
        .env("HOME", setup.home.path())
        .env("TZ", "UTC")
        .arg("--data-dir")
        .arg(&setup.data)
        .args(["report", "--format", "html"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn escape_sequences_in_a_plan_never_reach_standard_output_raw() {
    let setup = setup(true);
    let path = setup.data.join("plans/acme-sons-ltd.json");
    let hostile = fs::read_to_string(&path).unwrap().replace(
        "Ask the accountant | finance",
        "\\u001b]0;owned\\u0007\\u001b[2J",
    );
    fs::write(&path, hostile).unwrap();
    for format in ["md", "html", "csv", "json"] {
        let output = setup
            .outready(&["report", "--format", format])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(output).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{format}"
        );
        if format != "json" {
            assert!(text.contains("␛"), "{format}: the text is kept, shown");
        }
    }
}

#[test]
fn help_says_an_existing_file_is_replaced_and_dash_is_standard_output() {
    let setup = setup(true);
    let output = setup.outready(&["report", "--help"]).assert().success();
    let help = String::from_utf8(output.get_output().stdout.clone()).unwrap();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("(`-` is standard output)"), "{help}");
    assert!(help.contains("An existing file is replaced"), "{help}");
}

/// A plan answered on version 1 of the built-in questionnaire, read by `report` on
/// version 2: answers of renamed questions count under their new ids (the one opening
/// path moves them, and `report` reads a plan the same way), and nothing else is lost.
#[test]
fn a_version_1_plan_is_reported_with_its_renamed_answers_moved() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let data = home.path().join("data");
    fs::create_dir_all(data.join("plans")).expect("the fixture is set up");
    fs::copy(
        fixture("tests/fixtures/plans/it-outsourcing-v1.json"),
        data.join("plans/version-1-plan.json"),
    )
    .expect("the fixture is set up");
    let setup = Setup { home, data };
    let output = setup
        .outready(&["report", "--format", "json"])
        .output()
        .expect("outready runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the report is JSON");
    // v1's `scope-inventory` ("current") is asked as `scope-asset-list` in version 2.
    let item = report["checklist"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|section| section["items"].as_array().into_iter().flatten())
        .find(|item| item["question_id"] == "scope-asset-list")
        .unwrap_or_else(|| panic!("the checklist lists scope-asset-list: {report}"));
    assert_eq!(item["state"], "answered", "the moved answer counts: {item}");
    assert!(
        item["answer"]
            .to_string()
            .to_lowercase()
            .contains("complete"),
        "the moved answer is the one given on version 1: {item}"
    );
}

#[test]
fn detail_summary_gives_the_summary_page_alone_and_full_is_the_default() {
    let setup = setup(true);
    let run = |args: &[&str]| -> String {
        let output = setup
            .outready(args)
            .assert()
            .success()
            .stderr("")
            .get_output()
            .stdout
            .clone();
        String::from_utf8(output).unwrap()
    };
    let summary = run(&["report", "--detail", "summary"]);
    assert!(summary.starts_with("# Readiness report: Acme & Sons \\<Ltd>\n"));
    assert!(summary.contains("## Summary\n") && summary.contains("### Top actions\n"));
    for part in ["## Action plan", "## Gap report", "## Readiness checklist"] {
        assert!(!summary.contains(part), "{part} in the summary:\n{summary}");
    }
    let full = run(&["report"]);
    assert_eq!(full, run(&["report", "--detail", "full"]));
    assert!(full.starts_with(&summary[..summary.find("### In numbers").unwrap()]));
    assert!(full.contains("## Readiness checklist"));
    let html = run(&["report", "--format", "html", "--detail", "summary"]);
    assert!(html.contains("<body class=\"summary-only\">") && !html.contains("Gap report"));
}

#[test]
fn detail_summary_of_json_or_csv_is_one_sentence_and_exit_1() {
    let setup = setup(true);
    for format in ["json", "csv"] {
        setup
            .outready(&["report", "--format", format, "--detail", "summary"])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "the {format} report has no summary page"
            )));
    }
    setup
        .outready(&["report", "--detail", "short"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("summary"));
}
