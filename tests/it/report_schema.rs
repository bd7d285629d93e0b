//! The JSON report against its schema (`assets/report.schema.json`): every JSON report
//! the tests produce validates, the fixture plan in many states, the built-in
//! questionnaire, the report the binary writes and every JSON report snapshot. The
//! schema is strict (no unknown field, every field required), so a field added to or
//! renamed in the report's types without the schema fails here; and it has teeth: the
//! shape of the older format is refused.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use jsonschema::Validator;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::store::load_path;
use outready::plan::{Plan, PlanName};
use outready::questionnaire::load::{Loaded, load_file};
use outready::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, QuestionType};
use outready::report::{Format, Report};

const SCHEMA_TEXT: &str = include_str!("../../assets/report.schema.json");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> Validator {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA_TEXT).expect("valid JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// Every problem the schema finds in a JSON text, one line each.
fn problems(validator: &Validator, text: &str) -> Vec<String> {
    let instance: serde_json::Value = serde_json::from_str(text).expect("the report is JSON");
    validator
        .iter_errors(&instance)
        .map(|e| format!("at \"{}\": {e}", e.instance_path()))
        .collect()
}

fn assert_valid(validator: &Validator, what: &str, text: &str) {
    let found = problems(validator, text);
    assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
}

fn json_of(loaded: &Loaded, plan: &Plan) -> String {
    Report::build(&loaded.questionnaire, plan, &TimeZone::UTC)
        .render(Format::Json)
        .expect("the report renders")
}

fn small() -> Loaded {
    load_file(&root().join("tests/fixtures/questionnaires/valid/small.json")).expect("loads")
}

fn acme() -> Plan {
    load_path(&root().join("tests/fixtures/plans/acme.json")).expect("the plan loads")
}

fn fresh(loaded: &Loaded) -> Plan {
    let name = PlanName::new("Schema check").expect("a plan name");
    Plan::new(
        &name,
        loaded,
        "2025-03-03T09:00:00Z".parse::<Timestamp>().expect("a time"),
    )
}

/// A value of the right kind for each type of question, and one that no longer fits.
fn fitting_value(kind: QuestionType, first_option: Option<&str>) -> Value {
    match kind {
        QuestionType::Multi => Value::List(first_option.into_iter().map(String::from).collect()),
        _ if kind.is_choice() => Value::Text(first_option.unwrap_or("x").to_string()),
        _ if kind.is_numeric() => Value::Number(1.0),
        QuestionType::Date => Value::Text("2025-06-30".to_string()),
        _ => Value::Text("Sam & Co, see http://example.com".to_string()),
    }
}

/// Every question of `loaded` answered one way: with a value, unsure, not applicable,
/// with a value that no longer fits, or only a note.
fn all_answered(loaded: &Loaded, how: &str) -> Plan {
    let mut plan = fresh(loaded);
    for (_, question) in loaded.questionnaire.questions() {
        let first = question.options.first().map(|o| o.value.as_str());
        let mut answer = match how {
            "value" => Answer::answered(fitting_value(question.kind, first)),
            "unsure" => Answer::in_state(AnswerState::Unsure),
            "na" => Answer::in_state(AnswerState::NotApplicable),
            "unfit" => Answer::answered(Value::List(vec!["gone".to_string()])),
            _ => Answer::default(),
        };
        answer.note = Some(format!("A note on {}", question.id));
        answer.discuss = true;
        plan.answers.insert(question.id.to_string(), answer);
    }
    plan
}

#[test]
fn every_report_of_the_fixture_plan_validates() {
    let validator = validator();
    let small = small();
    assert_valid(&validator, "the fixture plan", &json_of(&small, &acme()));
    let mut bare = acme();
    bare.answers.clear();
    bare.actions.clear();
    assert_valid(&validator, "nothing answered", &json_of(&small, &bare));
    for how in ["value", "unsure", "na", "unfit", "note only"] {
        let mut plan = all_answered(&small, how);
        plan.actions = acme().actions;
        assert_valid(&validator, how, &json_of(&small, &plan));
    }
}

#[test]
fn reports_of_the_built_in_questionnaire_validate() {
    let validator = validator();
    let builtin = Catalog::load(None)
        .find(DEFAULT_QUESTIONNAIRE)
        .cloned()
        .expect("the built-in questionnaire");
    assert_valid(
        &validator,
        "a new plan",
        &json_of(&builtin, &fresh(&builtin)),
    );
    for how in ["value", "unsure", "na"] {
        let plan = all_answered(&builtin, how);
        assert_valid(&validator, how, &json_of(&builtin, &plan));
    }
}

#[test]
fn the_report_the_binary_writes_validates() {
    let data = tempfile::tempdir().expect("a data folder");
    for (from, to) in [
        (
            "tests/fixtures/questionnaires/valid/small.json",
            "questionnaires/small.json",
        ),
        ("tests/fixtures/plans/acme.json", "plans/acme.json"),
    ] {
        let target = data.path().join(to);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("created");
        std::fs::copy(root().join(from), target).expect("copied");
    }
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_outready"))
        .env_clear()
        .env("HOME", data.path())
        .env("TZ", "UTC")
        .args([
            "--data-dir",
            &data.path().to_string_lossy(),
            "report",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert_valid(&validator(), "outready report --format json", &text);
}

#[test]
fn every_json_report_snapshot_validates() {
    let validator = validator();
    let dir = root().join("tests/it/snapshots");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("the snapshots") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        // A snapshot is a header between `---` lines, then what was snapshotted.
        let Some(body) = text.splitn(3, "---\n").nth(2) else {
            continue;
        };
        if body.trim_start().starts_with('{')
            && body.contains("\"format_version\"")
            && body.contains("\"verdict\"")
        {
            assert_valid(&validator, &display(&path), body);
            checked += 1;
        }
    }
    assert!(
        checked >= 1,
        "no JSON report snapshot found in {}",
        display(&dir)
    );
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn the_schema_refuses_what_the_older_format_wrote() {
    let validator = validator();
    let mut report: serde_json::Value =
        serde_json::from_str(&json_of(&small(), &acme())).expect("JSON");
    report["checklist"][1]["items"][0]["answer"] = "not answered yet".into();
    assert!(
        !problems(&validator, &report.to_string()).is_empty(),
        "an answer as a string"
    );
    let mut report: serde_json::Value =
        serde_json::from_str(&json_of(&small(), &acme())).expect("JSON");
    report["format_version"] = 1.into();
    assert!(
        !problems(&validator, &report.to_string()).is_empty(),
        "version 1"
    );
    let mut report: serde_json::Value =
        serde_json::from_str(&json_of(&small(), &acme())).expect("JSON");
    report["gaps"][0]["surprise"] = true.into();
    assert!(
        !problems(&validator, &report.to_string()).is_empty(),
        "an unknown field"
    );
    let mut report: serde_json::Value =
        serde_json::from_str(&json_of(&small(), &acme())).expect("JSON");
    report["gaps"][0]["answer"]["value"] = serde_json::Value::Null;
    assert!(
        !problems(&validator, &report.to_string()).is_empty(),
        "an answered answer without its value"
    );
}

/// A facilitated session's report: positions, a dispute agreed, one still open, a
/// history to compare with. Its workshop parts validate too.
#[test]
fn a_workshop_report_with_disagreements_and_a_history_validates() {
    use outready::plan::Stance;
    use outready::report::workshop::since::record_session;
    use outready::wizard::positions::{agree, join_team, parse_participants, record_position};
    let at = |s: &str| s.parse::<Timestamp>().expect("a time");
    let loaded = small();
    let mut plan = fresh(&loaded);
    join_team(
        &mut plan,
        parse_participants("Ann (owner), Ben (office)").expect("a team"),
    );
    let yes = || Some(Value::Text("yes".into()));
    let no = || Some(Value::Text("no".into()));
    for (question, ben) in [("personal-data", no()), ("problem", no())] {
        let when = at("2027-01-04T09:10:00Z");
        record_position(&mut plan, question, "Ann", Stance::Answered, yes(), when)
            .expect("recorded");
        record_position(&mut plan, question, "Ben", Stance::Answered, ben, when).expect("recorded");
    }
    agree(
        &mut plan,
        "personal-data",
        Answer::answered(Value::Text("yes".into())),
        at("2027-01-04T09:20:00Z"),
    );
    record_session(
        &loaded.questionnaire,
        &mut plan,
        &TimeZone::UTC,
        at("2027-01-04T17:00:00Z"),
    );
    plan.set_answer(
        "staff",
        Answer::answered(Value::Number(9.0)),
        at("2027-01-11T09:00:00Z"),
    );
    let text = json_of(&loaded, &plan);
    let report: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        report["disagreements"].as_array().map(Vec::len),
        Some(2),
        "{text}"
    );
    assert!(report["since_last_time"].is_object(), "{text}");
    assert_valid(&validator(), "the workshop report", &text);
}
