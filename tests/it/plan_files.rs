//! Plan files on disk: every damaged and newer fixture gives its expected message (kept
//! beside it as `NAME.expected`) and is never changed; every older format loads through
//! its migration with nothing lost; `outready list` says the same and exits 1.
//!
//! To write the expected messages again after changing one on purpose:
//! `OUTREADY_BLESS=1 cargo test --test plan_files`, then read the diff.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use outready::plan::store::load_path;
use outready::plan::{PLAN_FORMAT_VERSION, PlanError, PlanStore};
use outready::tui::session::Opening;
use outready::tui::session::{Options, Session};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plans")
        .join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("test setup")
        .map(|e| e.expect("test setup").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

/// A data folder holding one fixture as a plan; returns the folder and the plan file.
fn data_dir_with(fixture: &Path) -> (tempfile::TempDir, PathBuf) {
    let data = tempfile::tempdir().expect("test setup");
    let plans = data.path().join("plans");
    fs::create_dir_all(&plans).expect("test setup");
    let path = plans.join(fixture.file_name().expect("test setup"));
    fs::copy(fixture, &path).expect("test setup");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/questionnaires/valid/small.json"),
        {
            fs::create_dir_all(data.path().join("questionnaires")).expect("test setup");
            data.path().join("questionnaires/small.json")
        },
    )
    .expect("test setup");
    (data, path)
}

fn check_expected(fixture: &Path, message: &str) {
    let expected_file = fixture.with_extension("expected");
    if std::env::var_os("OUTREADY_BLESS").is_some() {
        fs::write(&expected_file, format!("{message}\n")).expect("test setup");
        return;
    }
    let expected = fs::read_to_string(&expected_file)
        .unwrap_or_else(|_| panic!("{} has no .expected file", fixture.display()));
    assert_eq!(message, expected.trim_end(), "{}", fixture.display());
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("test setup")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_damaged_file_is_reported_with_its_place_and_never_changed() {
    for fixture in fixtures("damaged") {
        let (data, path) = data_dir_with(&fixture);
        let before = fs::read(&path).unwrap();
        let error = load_path(&path).unwrap_err();
        assert!(error.is_damaged(), "{}: {error:?}", fixture.display());
        let message = error
            .to_string()
            .replace(&path.display().to_string(), "{file}");
        check_expected(&fixture, &message);
        assert!(message.starts_with("the plan file {file} is "), "{message}");
        assert!(message.contains("it was left untouched"), "{message}");
        let options = Options {
            data_dir: data.path().to_path_buf(),
            plan: Some(stem(&path)),
            ..Options::default()
        };
        match Session::prepare(&options).unwrap() {
            Opening::Damaged(damage) => assert_eq!(damage.path, path),
            _ => panic!(
                "{}: the wizard must not open a damaged plan",
                fixture.display()
            ),
        }
        // The most recent plan, when none is named, is the same file.
        let latest = Options {
            plan: None,
            ..options.clone()
        };
        assert!(matches!(
            Session::prepare(&latest).unwrap(),
            Opening::Damaged(_)
        ));
        assert!(Session::open(&options).is_err());
        assert_eq!(fs::read(&path).unwrap(), before, "{}", fixture.display());
    }
}

#[test]
fn a_newer_format_is_refused_untouched() {
    for fixture in fixtures("newer") {
        let (data, path) = data_dir_with(&fixture);
        let before = fs::read(&path).unwrap();
        let error = load_path(&path).unwrap_err();
        assert!(matches!(error, PlanError::TooNew { .. }), "{error:?}");
        let message = error
            .to_string()
            .replace(&path.display().to_string(), "{file}");
        check_expected(&fixture, &message);
        assert!(message.contains("made by a newer outready"), "{message}");
        let options = Options {
            data_dir: data.path().to_path_buf(),
            plan: Some(stem(&path)),
            ..Options::default()
        };
        let refused = Session::prepare(&options)
            .err()
            .expect("a newer plan is refused");
        assert!(refused.to_string().contains("made by a newer outready"));
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}

#[test]
fn the_command_line_says_the_same_and_exits_1() {
    for fixture in fixtures("damaged").into_iter().chain(fixtures("newer")) {
        let (data, path) = data_dir_with(&fixture);
        let expected = load_path(&path).unwrap_err().to_string();
        let output = Command::cargo_bin("outready")
            .unwrap()
            .arg("list")
            .env("OUTREADY_DATA_DIR", data.path())
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", fixture.display());
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains(&format!("cannot be opened: {expected}")),
            "{}: {stdout}",
            fixture.display()
        );
    }
}

#[test]
fn there_is_a_fixture_of_every_format_and_each_loads() {
    for version in 1..=PLAN_FORMAT_VERSION {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/plans/formats/v{version}.json"));
        let plan =
            load_path(&fixture).unwrap_or_else(|e| panic!("format {version} does not load: {e}"));
        assert_eq!(plan.format_version, PLAN_FORMAT_VERSION);
        assert_eq!(plan.name, "Acme Ltd");
    }
}

#[test]
fn format_1_loads_through_its_migration_with_nothing_lost() {
    let fixture = &fixtures("formats")[0];
    assert!(fixture.ends_with("v1.json"));
    let (data, path) = data_dir_with(fixture);
    let plan = load_path(&path).unwrap();
    assert_eq!(plan.answers.len(), 5);
    assert!(plan.answers.contains_key("retired-question"));
    assert_eq!(plan.actions.len(), 1);
    assert_eq!(plan.position.question.as_deref(), Some("outcomes"));
    assert!(plan.extra.contains_key("written_by_a_newer_outready"));
    assert!(
        plan.questionnaire.questions.is_empty(),
        "format 1 did not record them"
    );
    // Written back in this format, every field of the old file is still there, the same.
    PlanStore::in_data_dir(data.path())
        .save_at(&path, &plan)
        .unwrap();
    let old: serde_json::Value = serde_json::from_slice(&fs::read(fixture).unwrap()).unwrap();
    let new: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(new["format_version"], PLAN_FORMAT_VERSION);
    for (key, value) in old.as_object().unwrap() {
        if key != "format_version" {
            assert_eq!(&new[key], value, "{key}");
        }
    }
    assert_eq!(load_path(&path).unwrap(), plan);
}

#[test]
fn a_plan_or_questionnaire_starting_with_a_byte_order_mark_is_read() {
    // Notepad puts one first.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/bom.json");
    assert!(fs::read(&fixture).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let (data, path) = data_dir_with(&fixture);
    assert_eq!(load_path(&path).unwrap().name, "Acme Ltd");
    let options = Options {
        data_dir: data.path().to_path_buf(),
        plan: Some("bom".into()),
        ..Options::default()
    };
    assert!(matches!(
        Session::prepare(&options).unwrap(),
        Opening::Ready(_)
    ));
    let small = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    let with_mark = data.path().join("small-bom.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(small).unwrap());
    fs::write(&with_mark, bytes).unwrap();
    let loaded = outready::questionnaire::load::load_file(&with_mark)
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    assert_eq!(loaded.questionnaire.id, "small");
}

#[test]
fn an_operating_system_error_is_said_once() {
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path().join("plans/acme.json")).unwrap();
    for args in [
        &["report", "--plan", "acme"][..],
        &["--plain", "--plan", "acme"],
    ] {
        let output = Command::cargo_bin("outready")
            .unwrap()
            .args(args)
            .env("OUTREADY_DATA_DIR", data.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.matches("os error 21").count(),
            1,
            "{args:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

/// A data folder with one plan saved under `name`, on the small questionnaire.
fn data_with_plan(name: &str) -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("test setup");
    fs::create_dir_all(data.path().join("questionnaires")).expect("test setup");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/questionnaires/valid/small.json"),
        data.path().join("questionnaires/small.json"),
    )
    .expect("test setup");
    let loaded =
        outready::questionnaire::load::load_file(&data.path().join("questionnaires/small.json"))
            .expect("test setup");
    let plan = outready::plan::Plan::new(
        &outready::plan::PlanName::new(name).expect("test setup"),
        &loaded,
        jiff::Timestamp::now(),
    );
    PlanStore::in_data_dir(data.path())
        .save(&plan)
        .expect("test setup");
    data
}

fn opened_with(data: &Path, asked: &str) -> (Option<PathBuf>, String) {
    let options = Options {
        data_dir: data.to_path_buf(),
        plan: Some(asked.to_string()),
        ..Options::default()
    };
    let Ok(Opening::Ready(mut session)) = Session::prepare(&options) else {
        panic!("the plan opens");
    };
    let app = session.app(Default::default()).expect("test setup");
    let said = match &app.screen {
        outready::tui::app::Screen::Question(state) => state.notice.clone(),
        _ => None,
    }
    .or_else(|| app.status.as_ref().map(|s| s.text.clone()))
    .unwrap_or_default();
    (session.plan_file(), said)
}

#[test]
fn names_typed_in_either_unicode_form_open_one_plan_without_a_word() {
    let data = data_with_plan("Caf\u{e9} Lumi\u{e8}re");
    let (file, said) = opened_with(data.path(), "Cafe\u{301} Lumie\u{300}re");
    assert_eq!(
        file.unwrap(),
        data.path().join("plans/caf\u{e9}-lumi\u{e8}re.json")
    );
    assert!(!said.contains("no plan is called"), "{said}");
    assert_eq!(
        PlanStore::in_data_dir(data.path()).files().unwrap().len(),
        1
    );
}

#[test]
fn a_name_that_matched_a_plan_called_otherwise_says_which_by_its_real_name() {
    let data = data_with_plan("Provider A / Café");
    let (file, said) = opened_with(data.path(), "Provider A  Café");
    assert_eq!(
        file.unwrap(),
        data.path().join("plans/provider-a-café.json")
    );
    assert!(
        said.contains(
            "Opened the plan \"Provider A / Café\": no plan is called \"Provider A  Café\""
        ),
        "{said}"
    );
    // Plain mode says so too.
    let output = Command::cargo_bin("outready")
        .unwrap()
        .args(["--plain", "--plan", "Provider A  Café"])
        .env("OUTREADY_DATA_DIR", data.path())
        .write_stdin("q\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Opened the plan \"Provider A / Café\""),
        "{stdout}"
    );
}

#[test]
fn a_new_name_taken_by_another_plan_is_refused_by_that_plans_real_name() {
    let data = data_with_plan("Hartley & Co Accountants");
    fs::rename(
        data.path().join("plans/hartley-co-accountants.json"),
        data.path().join("hartley.json"),
    )
    .unwrap();
    // No plan: plain mode asks for a name; the plan appears meanwhile under that name
    // (whether before plain mode lists the plans or after, it is named the same way).
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_outready"))
        .args(["--plain", "--questionnaire", "small"])
        .env("OUTREADY_DATA_DIR", data.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    fs::rename(
        data.path().join("hartley.json"),
        data.path().join("plans/hartley-co-accountants.json"),
    )
    .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Hartley Co Accountants\nq\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("A plan called \"Hartley & Co Accountants\" already exists"),
        "{stdout}"
    );
}
