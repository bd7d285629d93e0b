//! `outready questions` (text, CSV and JSON, on a fixture questionnaire so the built-in
//! wording can change freely), the completion scripts and the manual page, and each
//! subcommand's `--help` offering only the flags it takes.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

const SMALL: &str = "tests/fixtures/questionnaires/valid/small.json";

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// `outready` on an empty data folder of its own, times in UTC.
fn outready(data: &TempDir) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_outready"));
    command
        .env_clear()
        .env("HOME", data.path())
        .env("TZ", "UTC")
        .env("OUTREADY_DATA_DIR", data.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn stdout(command: &mut Command) -> String {
    let output = command.assert().success().stderr("").get_output().clone();
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn questions(format: &str, file: &Path) -> String {
    let data = tempfile::tempdir().expect("a data folder");
    stdout(outready(&data).args([
        "questions",
        "--questionnaire",
        &file.to_string_lossy(),
        "--format",
        format,
    ]))
}

#[test]
fn text_lists_every_question_in_order_with_what_it_takes() {
    let text = questions("text", &fixture(SMALL));
    insta::assert_snapshot!("questions_small_text", text);
    // Every question of the fixture, in questionnaire order.
    let loaded = outready::questionnaire::load::load_file(&fixture(SMALL)).expect("loads");
    let mut from = 0;
    for (number, (_, question)) in loaded.questionnaire.questions().enumerate() {
        let heading = format!("{}. {} [", number + 1, question.id);
        let at = text[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{heading} after byte {from}:\n{text}"));
        from += at + heading.len();
    }
}

#[test]
fn json_carries_options_and_conditions_as_data() {
    let json: serde_json::Value =
        serde_json::from_str(&questions("json", &fixture(SMALL))).expect("JSON");
    assert_eq!(json["questionnaire"]["id"], "small");
    let list = json["questions"].as_array().expect("a list");
    assert_eq!(list.len(), 12);
    let find = |id: &str| {
        list.iter()
            .find(|q| q["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let problem = find("problem");
    assert_eq!(problem["type"], "yes_no");
    assert_eq!(problem["section_id"], "goals");
    assert_eq!(problem["options"][1]["value"], "no");
    assert_eq!(problem["options"][1]["label"], "No");
    assert_eq!(problem["show_if"], serde_json::Value::Null);
    assert_eq!(find("staff")["allow_unsure"], false);
    let contingency = find("contingency");
    assert_eq!(
        contingency["show_if"],
        serde_json::json!({ "question": "outsourced", "contains": "support" })
    );
    assert_eq!(contingency["shown_when"], "outsourced includes \"support\"");
}

#[test]
fn csv_has_a_row_per_question_and_never_writes_a_formula() {
    // A questionnaire whose first question reads like a spreadsheet formula.
    let source = fs::read_to_string(fixture(SMALL)).expect("the fixture");
    let hostile = source.replacen(
        "How many people use IT in your business?",
        "=HYPERLINK(\\\"http://x\\\",\\\"click\\\")",
        1,
    );
    assert_ne!(source, hostile, "the fixture's first question moved");
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join("formula.json");
    fs::write(&file, hostile).expect("written");

    let text = questions("csv", &file);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(headers, outready::commands::questions::CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 12);
    assert_eq!(&rows[0][5], "'=HYPERLINK(\"http://x\",\"click\")");
    let problem = rows.iter().find(|r| &r[1] == "problem").expect("problem");
    assert_eq!(&problem[6], "yes = Yes; no = No");
    assert_eq!((&problem[10], &problem[11]), ("yes", "no"));
    let contingency = rows.iter().find(|r| &r[1] == "contingency").expect("row");
    assert_eq!(&contingency[12], "outsourced includes \"support\"");
}

#[test]
fn an_unknown_questionnaire_is_one_sentence_and_exit_1() {
    let data = tempfile::tempdir().expect("a data folder");
    let output = outready(&data)
        .args(["questions", "--questionnaire", "no-such-one"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.starts_with("outready: there is no questionnaire \"no-such-one\""),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn the_built_in_questionnaire_is_listed_by_default() {
    let data = tempfile::tempdir().expect("a data folder");
    let json: serde_json::Value = serde_json::from_str(&stdout(outready(&data).args([
        "questions",
        "--format",
        "json",
    ])))
    .expect("JSON");
    assert_eq!(
        json["questionnaire"]["id"],
        outready::questionnaire::DEFAULT_QUESTIONNAIRE
    );
    assert!(json["questions"].as_array().is_some_and(|q| !q.is_empty()));
}

/// The subcommands a completion script and the manual page must name.
const SUBCOMMANDS: [&str; 7] = [
    "list",
    "questionnaires",
    "questions",
    "report",
    "validate",
    "completions",
    "man",
];

#[test]
fn completions_are_generated_for_each_shell_and_name_every_subcommand() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef outready"),
        ("fish", "complete -c outready"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let data = tempfile::tempdir().expect("a data folder");
        let script = stdout(outready(&data).args(["completions", shell]));
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        for subcommand in SUBCOMMANDS {
            assert!(script.contains(subcommand), "{shell} misses {subcommand}");
        }
        // fish names long flags without their dashes (`-l format`).
        assert!(script.contains("format"), "{shell} misses the flags");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let data = tempfile::tempdir().expect("a data folder");
    outready(&data)
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn the_manual_page_is_roff_and_names_every_subcommand() {
    let data = tempfile::tempdir().expect("a data folder");
    let page = stdout(outready(&data).arg("man"));
    assert!(page.contains(".TH outready 1"));
    assert!(page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"));
    for subcommand in SUBCOMMANDS {
        assert!(page.contains(subcommand), "the page misses {subcommand}");
    }
}

#[test]
fn each_subcommand_has_a_manual_page_of_its_own() {
    let data = tempfile::tempdir().expect("a data folder");
    let page = stdout(outready(&data).args(["man", "report"]));
    assert!(page.contains(".TH outready-report 1"), "{page}");
    // Its own flags, and the global one.
    for flag in ["format", "output", "plan", "data\\-dir"] {
        assert!(page.contains(&format!("\\-\\-{flag}")), "{flag}: {page}");
    }
    let output = outready(&data)
        .args(["man", "nope"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.contains("no subcommand \"nope\"") && stderr.contains("report"),
        "{stderr}"
    );
}

fn help(args: &[&str]) -> String {
    let data = tempfile::tempdir().expect("a data folder");
    stdout(outready(&data).args(args).arg("--help"))
}

#[test]
fn each_subcommand_offers_only_the_flags_it_takes() {
    let wizard_only = ["--plan", "--plain", "--theme", "--questionnaire"];
    for subcommand in ["list", "questionnaires", "validate", "completions", "man"] {
        let text = help(&[subcommand]);
        assert!(
            text.contains("--data-dir"),
            "{subcommand}: --data-dir is global"
        );
        for flag in wizard_only {
            assert!(!text.contains(flag), "{subcommand} offers {flag}:\n{text}");
        }
    }
    let report = help(&["report"]);
    assert!(report.contains("--plan") && report.contains("--format"));
    assert!(!report.contains("--theme") && !report.contains("--plain"));
    let questions = help(&["questions"]);
    assert!(questions.contains("--questionnaire") && !questions.contains("--plan"));
    let wizard = help(&[]);
    for flag in wizard_only {
        assert!(wizard.contains(flag), "the wizard's help misses {flag}");
    }
}

#[test]
fn the_plan_may_come_before_or_after_report() {
    let data = tempfile::tempdir().expect("a data folder");
    for args in [["report", "--plan", "nope"], ["--plan", "nope", "report"]] {
        let output = outready(&data)
            .args(args)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(stderr.contains("nope"), "{args:?}: {stderr}");
    }
}
