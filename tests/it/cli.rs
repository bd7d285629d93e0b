//! The binary as a user runs it: subcommands, exit codes, and what lands on standard
//! output and standard error, each run in its own temporary data folder and home.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jiff::Timestamp;
use outready::answer::Answers;
use outready::plan::{Plan, PlanName, PlanStore};
use outready::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, Loaded, load};
use outready::scoring;
use outready::wizard::{self, Change, Flow};
use predicates::prelude::*;
use tempfile::TempDir;

const VALID: &str = "tests/fixtures/questionnaires/valid/small.json";
const MANY_DEFECTS: &str = "tests/fixtures/questionnaires/invalid/many-defects.json";
const SYNTAX_ERROR: &str = "tests/fixtures/questionnaires/invalid/syntax-error.json";

/// A home and a data folder of its own for one test; the home must stay empty.
struct Sandbox {
    home: TempDir,
    data: TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            home: tempfile::tempdir().expect("a temporary home"),
            data: tempfile::tempdir().expect("a temporary data folder"),
        }
    }

    fn data(&self) -> &Path {
        self.data.path()
    }

    /// `outready` with only this sandbox in its environment: no data folder chosen, a
    /// home of its own, times in UTC.
    fn bare(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_outready"));
        command
            .env_clear()
            .env("HOME", self.home.path())
            .env("TZ", "UTC")
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        command
    }

    /// `outready` on this sandbox's data folder (through `OUTREADY_DATA_DIR`).
    fn cmd(&self) -> Command {
        let mut command = self.bare();
        command.env("OUTREADY_DATA_DIR", self.data());
        command
    }

    fn store(&self) -> PlanStore {
        PlanStore::in_data_dir(self.data())
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let left: Vec<PathBuf> = fs::read_dir(self.home.path())
            .expect("the home can be read")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        assert!(left.is_empty(), "outready wrote into the home: {left:?}");
    }
}

fn builtin() -> Loaded {
    Catalog::load(None)
        .find(DEFAULT_QUESTIONNAIRE)
        .cloned()
        .expect("the built-in questionnaire")
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("a timestamp")
}

/// The answers of picking the first option of the first `count` shown questions.
fn first_options(loaded: &Loaded, count: usize) -> Answers {
    let questionnaire = &loaded.questionnaire;
    let mut answers = Answers::new();
    for _ in 0..count {
        let flow = Flow::new(questionnaire, &answers);
        let spot = flow
            .first_unanswered(questionnaire, &answers)
            .expect("a question left to answer");
        let question = &questionnaire.sections[spot.section].questions[spot.question];
        let answer = wizard::apply(question, answers.get(question.id.as_str()), Change::Pick(0))
            .expect("the first questions are answered by picking");
        answers.insert(question.id.to_string(), answer);
    }
    answers
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn one_line_error(assert: assert_cmd::assert::Assert) -> String {
    let output = assert.code(1).get_output().clone();
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 errors");
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line on stderr, got:\n{stderr}"
    );
    assert!(stderr.starts_with("outready: "), "{stderr}");
    assert!(!stderr.contains("Backtrace") && !stderr.contains("panicked"));
    stderr
}

#[test]
fn list_on_an_empty_folder_says_there_are_no_plans() {
    let sandbox = Sandbox::new();
    let plans = sandbox.data().join("plans");
    sandbox
        .cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(format!(
            "No plans yet in {}. Run `outready` to start one.\n",
            plans.display()
        ))
        .stderr("");
    assert!(!plans.exists(), "listing creates nothing");
}

#[test]
fn list_shows_each_plan_and_names_the_damaged_one() {
    let sandbox = Sandbox::new();
    let loaded = builtin();
    let questionnaire = &loaded.questionnaire;
    let store = sandbox.store();

    let mut acme = Plan::new(
        &PlanName::new("Acme Ltd").expect("a name"),
        &loaded,
        at("2026-03-01T09:00:00Z"),
    );
    for (id, answer) in first_options(&loaded, 3) {
        acme.set_answer(&id, answer, at("2026-03-04T05:06:00Z"));
    }
    store.save(&acme).expect("saved");
    let empty = Plan::new(
        &PlanName::new("Empty Co").expect("a name"),
        &loaded,
        at("2025-12-31T23:59:00Z"),
    );
    store.save(&empty).expect("saved");
    let broken = store.dir().join("broken.json");
    fs::write(&broken, "{ oops").expect("written");

    // Like `validate`, `list` shows every plan and exits 1 when one cannot be read.
    let output = sandbox.cmd().arg("list").assert().code(1).stderr("");
    let text = stdout_of(output.get_output());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "a header and three plans:\n{text}");
    let header = lines[0];
    assert_eq!(
        squash(header),
        "PLAN QUESTIONNAIRE ANSWERED READINESS LAST CHANGE"
    );
    let row = |name: &str| {
        *lines
            .iter()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no row for {name}:\n{text}"))
    };

    let flow = Flow::new(questionnaire, &acme.answers);
    let (answered, total) = flow.progress(questionnaire, &acme.answers);
    assert_eq!(answered, 3);
    let level = scoring::assess(questionnaire, &acme.answers)
        .level
        .map_or("no verdict yet".to_string(), |l| {
            questionnaire.levels[l.index].label.to_string()
        });
    let acme_row = row("Acme Ltd");
    assert_eq!(
        squash(acme_row),
        squash(&format!(
            "Acme Ltd it-outsourcing 3/{total} {level} 2026-03-04 05:06"
        ))
    );
    let empty_total = Flow::new(questionnaire, &Answers::new()).shown().len();
    let empty_row = row("Empty Co");
    assert_eq!(
        squash(empty_row),
        format!("Empty Co it-outsourcing 0/{empty_total} not started 2025-12-31 23:59")
    );
    // The columns line up under their headings.
    for line in [acme_row, empty_row] {
        assert_eq!(line.find("it-outsourcing"), header.find("QUESTIONNAIRE"));
        assert_eq!(line.find("20"), header.find("LAST CHANGE"), "{line}");
    }

    let broken_row = row("broken");
    assert!(broken_row.contains("cannot be opened"), "{broken_row}");
    assert!(
        broken_row.contains("broken.json is damaged at line 1, column 3"),
        "{broken_row}"
    );
    assert_eq!(fs::read_to_string(&broken).expect("kept"), "{ oops");
}

#[test]
fn questionnaires_lists_built_in_and_user_files_and_names_a_broken_one() {
    let sandbox = Sandbox::new();
    let user_dir = sandbox.data().join("questionnaires");
    fs::create_dir_all(&user_dir).expect("folder");
    fs::copy(VALID, user_dir.join("small.json")).expect("copied");
    fs::write(user_dir.join("broken.json"), "{\"id\": ").expect("written");

    let output = sandbox
        .cmd()
        .arg("questionnaires")
        .assert()
        .success()
        .stderr("");
    let text = stdout_of(output.get_output());
    let builtin = builtin().questionnaire;
    let small = load::load_file(Path::new(VALID))
        .expect("the valid fixture loads")
        .questionnaire;
    let line_of = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .map(squash)
            .unwrap_or_else(|| panic!("no line for {id}:\n{text}"))
    };
    assert_eq!(
        line_of("it-outsourcing"),
        squash(&format!(
            "it-outsourcing {} {} {} (built-in)",
            builtin.version,
            builtin.question_count(),
            builtin.title
        ))
    );
    assert_eq!(
        line_of(&small.id),
        squash(&format!(
            "{} {} {} {} ({})",
            small.id,
            small.version,
            small.question_count(),
            small.title,
            user_dir.join("small.json").display()
        ))
    );
    let broken = user_dir.join("broken.json").display().to_string();
    assert!(
        text.contains("could not be loaded") && text.contains(&format!("{broken}:")),
        "the broken file is named:\n{text}"
    );
}

#[test]
fn validate_says_ok_for_a_valid_file() {
    let small = load::load_file(Path::new(VALID))
        .expect("the valid fixture loads")
        .questionnaire;
    Sandbox::new()
        .cmd()
        .args(["validate", VALID])
        .assert()
        .success()
        .stdout(format!(
            "{VALID}: ok ({} {}, {} sections, {} questions)\n",
            small.id,
            small.version,
            small.sections.len(),
            small.question_count()
        ))
        .stderr("");
}

/// Checks that `text` has each problem of `file` on its own `file:line:col: ` line.
fn assert_problem_lines(text: &str, file: &str) -> usize {
    let expected = load::load_file(Path::new(file)).expect_err("a defective fixture");
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(&format!("{file}:")))
        .collect();
    assert_eq!(lines.len(), expected.len(), "one line per problem:\n{text}");
    for line in &lines {
        let rest = &line[file.len() + 1..];
        let mut parts = rest.splitn(3, ':');
        let line_no = parts.next().unwrap_or("");
        let column = parts.next().unwrap_or("");
        let message = parts.next().unwrap_or("");
        assert!(
            line_no.parse::<u32>().is_ok_and(|n| n > 0) && column.parse::<u32>().is_ok(),
            "file:line:col at the start of {line:?}"
        );
        assert!(message.len() > 2, "a message after the place: {line:?}");
    }
    lines.len()
}

#[test]
fn validate_lists_every_problem_with_its_place_and_a_summary() {
    let output = Sandbox::new()
        .cmd()
        .args(["validate", MANY_DEFECTS])
        .assert()
        .code(1)
        .stderr("");
    let text = stdout_of(output.get_output());
    let count = assert_problem_lines(&text, MANY_DEFECTS);
    assert!(
        count >= 10,
        "many defects are reported, not the first: {count}"
    );
    assert_eq!(
        text.lines().last(),
        Some(format!("{count} problems in 1 of 1 file.").as_str())
    );
    assert_eq!(text.lines().count(), count + 1, "{text}");
}

#[test]
fn validate_checks_several_files_at_once() {
    let output = Sandbox::new()
        .cmd()
        .args(["validate", VALID, MANY_DEFECTS, SYNTAX_ERROR])
        .assert()
        .code(1)
        .stderr("");
    let text = stdout_of(output.get_output());
    assert!(text.starts_with(&format!("{VALID}: ok (")), "{text}");
    let many = assert_problem_lines(&text, MANY_DEFECTS);
    let syntax = assert_problem_lines(&text, SYNTAX_ERROR);
    assert_eq!(
        text.lines().last(),
        Some(format!("{} problems in 2 of 3 files.", many + syntax).as_str())
    );
}

#[test]
fn validate_names_a_missing_file() {
    Sandbox::new()
        .cmd()
        .args(["validate", "no-such-file.json"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "no-such-file.json: cannot be read: ",
        ))
        .stdout(predicate::str::ends_with("1 problem in 1 of 1 file.\n"));
}

#[test]
fn validate_passes_every_built_in_questionnaire() {
    let mut files: Vec<String> = fs::read_dir("questionnaires")
        .expect("the questionnaires folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let output = Sandbox::new()
        .cmd()
        .arg("validate")
        .args(&files)
        .assert()
        .success()
        .stderr("");
    let text = stdout_of(output.get_output());
    for file in &files {
        assert!(text.contains(&format!("{file}: ok (")), "{file}:\n{text}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    for args in [
        &["frobnicate"][..],
        &["--frobnicate"][..],
        &["validate"][..],
        &["list", "extra"][..],
        &["--theme", "neon"][..],
    ] {
        sandbox
            .cmd()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with("error: "))
            .stderr(predicate::str::contains("try '--help'"));
    }
}

#[test]
fn a_damaged_plan_is_named_in_one_line_and_kept() {
    let sandbox = Sandbox::new();
    let plans = sandbox.data().join("plans");
    fs::create_dir_all(&plans).expect("folder");
    let damaged = plans.join("acme.json");
    let text = "{\n  \"format_version\": 1,\n  oops\n}";
    fs::write(&damaged, text).expect("written");
    let stderr = one_line_error(
        sandbox
            .cmd()
            .env("RUST_BACKTRACE", "1")
            .args(["--plan", "acme"])
            .assert()
            .stdout(""),
    );
    assert!(
        stderr.contains(&format!(
            "{} is damaged at line 3, column 3",
            damaged.display()
        )),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&damaged).expect("kept"), text);
}

#[test]
fn an_unknown_questionnaire_is_one_line() {
    let sandbox = Sandbox::new();
    let stderr = one_line_error(
        sandbox
            .cmd()
            .env("RUST_BACKTRACE", "1")
            .args(["--plan", "Acme", "--questionnaire", "no-such-questionnaire"])
            .assert(),
    );
    assert!(
        stderr.contains("no questionnaire \"no-such-questionnaire\"")
            && stderr.contains("it-outsourcing"),
        "says what is missing and what there is: {stderr}"
    );
    assert!(!sandbox.data().join("plans").exists(), "no plan was made");
}

#[test]
fn a_plan_name_that_escapes_the_folder_is_refused() {
    let sandbox = Sandbox::new();
    for name in ["../..", "/", ".."] {
        let stderr = one_line_error(
            sandbox
                .cmd()
                .env("RUST_BACKTRACE", "1")
                .args(["--plan", name])
                .assert(),
        );
        assert!(stderr.contains("cannot be used"), "{name}: {stderr}");
    }
    let left: Vec<_> = fs::read_dir(sandbox.data()).expect("data folder").collect();
    assert!(left.is_empty(), "nothing written: {left:?}");
}

#[test]
fn the_wizard_without_a_terminal_points_to_plain_and_report() {
    let sandbox = Sandbox::new();
    let stderr = one_line_error(sandbox.cmd().assert().stdout(""));
    assert!(
        stderr.contains("not a terminal")
            && stderr.contains("--plain")
            && stderr.contains("report"),
        "{stderr}"
    );
    assert!(!sandbox.data().join("plans").exists(), "no plan was made");
}

#[test]
fn data_dir_flag_beats_the_environment() {
    let sandbox = Sandbox::new();
    let other = tempfile::tempdir().expect("another data folder");
    let loaded = builtin();
    let plan = Plan::new(
        &PlanName::new("Flagged").expect("a name"),
        &loaded,
        at("2026-01-02T03:04:00Z"),
    );
    PlanStore::in_data_dir(other.path())
        .save(&plan)
        .expect("saved");

    sandbox
        .cmd()
        .arg("--data-dir")
        .arg(other.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Flagged "));
    // The same command without the flag reads the environment's folder.
    sandbox
        .cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("No plans yet in "))
        .stdout(predicate::str::contains(
            sandbox.data().display().to_string(),
        ));
    // And the flag goes after the subcommand too.
    sandbox
        .cmd()
        .arg("list")
        .arg("--data-dir")
        .arg(other.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("Flagged "));
}

#[test]
fn version_and_help() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("outready {}\n", env!("CARGO_PKG_VERSION")));
    let output = sandbox.cmd().arg("--help").assert().success().stderr("");
    let help = stdout_of(output.get_output());
    for part in [
        "Usage: outready",
        "list",
        "questionnaires",
        "validate",
        "--data-dir",
        "--plan",
        "OUTREADY_DATA_DIR",
    ] {
        assert!(help.contains(part), "help mentions {part}:\n{help}");
    }
}

#[test]
fn without_a_data_folder_the_platform_one_in_the_home_is_used() {
    let sandbox = Sandbox::new();
    sandbox
        .bare()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "No plans yet in {}",
            sandbox.home.path().display()
        )));
}

#[test]
fn an_empty_data_dir_variable_counts_as_unset() {
    let sandbox = Sandbox::new();
    sandbox
        .bare()
        .env("OUTREADY_DATA_DIR", "")
        .arg("list")
        .assert()
        .success()
        .stderr("")
        .stdout(predicate::str::starts_with(format!(
            "No plans yet in {}",
            sandbox.home.path().display()
        )));
}

/// The small fixture with its id replaced, written into a folder of its own.
fn small_with_id(folder: &Path, id: &str) -> PathBuf {
    let text = fs::read_to_string(VALID)
        .expect("the fixture")
        .replace("\"id\": \"small\"", &format!("\"id\": \"{id}\""));
    let path = folder.join("mine.json");
    fs::write(&path, text).expect("written");
    path
}

#[test]
fn a_questionnaire_id_that_is_a_path_is_refused_and_nothing_is_written_outside() {
    let sandbox = Sandbox::new();
    let elsewhere = tempfile::tempdir().expect("a folder");
    let escaped = elsewhere.path().join("escaped");
    for id in [
        format!("../../../../../../../..{}", escaped.display()),
        escaped.display().to_string(),
        ".hidden".to_string(),
        "Upper Case".to_string(),
        "x".repeat(65),
    ] {
        let file = small_with_id(elsewhere.path(), &id);
        let shown = sandbox
            .cmd()
            .arg("validate")
            .arg(&file)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let shown = String::from_utf8(shown).expect("UTF-8");
        assert!(
            shown.contains(":3:9: id: the questionnaire id ")
                && shown.contains("lower-case letters, digits"),
            "{id}: {shown}"
        );
        sandbox
            .cmd()
            .arg("--plain")
            .arg("--questionnaire")
            .arg(&file)
            .write_stdin("Acme\nq\n")
            .assert()
            .code(1);
        assert!(!escaped.with_extension("json").exists(), "{id}");
    }
    assert!(!sandbox.data().join("questionnaires").exists());
}

#[cfg(unix)]
#[test]
fn the_copy_of_a_questionnaire_file_is_private_whatever_the_source_allows() {
    use std::os::unix::fs::PermissionsExt as _;
    let sandbox = Sandbox::new();
    let elsewhere = tempfile::tempdir().expect("a folder");
    let source = small_with_id(elsewhere.path(), "mine");
    fs::set_permissions(&source, fs::Permissions::from_mode(0o666)).expect("chmod");
    sandbox
        .cmd()
        .arg("--plain")
        .arg("--questionnaire")
        .arg(&source)
        .write_stdin("Acme\nq\n")
        .assert()
        .success();
    let folder = sandbox.data().join("questionnaires");
    let copy = folder.join("mine.json");
    let mode = |path: &Path| fs::metadata(path).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(fs::read(&copy).unwrap(), fs::read(&source).unwrap());
    let names: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["mine.json"], "no temporary file is left");
}

#[cfg(unix)]
#[test]
fn a_device_or_a_named_pipe_is_refused_in_one_sentence_without_reading_it() {
    let sandbox = Sandbox::new();
    let started = std::time::Instant::now();
    sandbox
        .cmd()
        .args(["validate", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stdout(
            "/dev/zero: is not a regular file (a device, a named pipe or a socket): give the path \
             of a questionnaire's .json file\n1 problem in 1 of 1 file.\n",
        );
    let elsewhere = tempfile::tempdir().expect("a folder");
    let fifo = elsewhere.path().join("q.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let error = one_line_error(
        sandbox
            .cmd()
            .arg("--plain")
            .arg("--questionnaire")
            .arg(&fifo)
            .write_stdin("Acme\nq\n")
            .timeout(std::time::Duration::from_secs(20))
            .assert(),
    );
    assert!(error.contains("is not a regular file"), "{error}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn escape_sequences_in_files_are_shown_not_sent_to_the_terminal() {
    let sandbox = Sandbox::new();
    let user_dir = sandbox.data().join("questionnaires");
    fs::create_dir_all(&user_dir).expect("folder");
    let hostile = fs::read_to_string(VALID).expect("the fixture").replace(
        "\"version\": \"1.0.0\"",
        "\"version\": \"1\\u001b]0;owned\\u0007\"",
    );
    let named = user_dir.join("evil\u{1b}[2J.json");
    fs::write(&named, &hostile).expect("written");
    let no_escape = |output: &std::process::Output| {
        let text = stdout_of(output);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains('␛'), "shown, not dropped: {text}");
    };
    no_escape(
        sandbox
            .cmd()
            .arg("questionnaires")
            .assert()
            .success()
            .get_output(),
    );
    no_escape(
        sandbox
            .cmd()
            .arg("validate")
            .arg(&named)
            .assert()
            .code(1)
            .get_output(),
    );

    let loaded = builtin();
    let plan = Plan::new(
        &PlanName::new("Acme").expect("a name"),
        &loaded,
        at("2026-01-02T03:04:00Z"),
    );
    sandbox.store().save(&plan).expect("saved");
    let file = sandbox.data().join("plans/acme.json");
    let text = fs::read_to_string(&file).expect("saved").replace(
        "\"name\": \"Acme\"",
        "\"name\": \"Acme\\u001b]0;owned\\u0007\"",
    );
    fs::write(&file, text).expect("written");
    // A plan whose name holds control characters is refused when it is read, with the
    // place; `list` says so and never prints the name raw.
    let listed = sandbox.cmd().arg("list").assert().code(1);
    let shown =
        stdout_of(listed.get_output()) + &String::from_utf8_lossy(&listed.get_output().stderr);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(
        shown.contains("cannot contain control characters"),
        "{shown}"
    );
}

#[test]
fn list_keeps_its_columns_straight_with_wide_and_escaped_names() {
    use unicode_width::UnicodeWidthStr;
    let sandbox = Sandbox::new();
    let loaded = builtin();
    let store = sandbox.store();
    for name in ["株式会社テスト", "=HYPERLINK(\"x\")", "Plain"] {
        let plan = Plan::new(
            &PlanName::new(name).expect("a name"),
            &loaded,
            at("2026-03-01T09:00:00Z"),
        );
        store.save(&plan).expect("saved");
    }
    // A damaged file whose name has an escape: listed by its file name, shown escaped.
    fs::write(store.dir().join("Red\u{1b}[31m.json"), "{ oops").expect("written");

    let output = sandbox.cmd().arg("list").assert().code(1);
    let text = stdout_of(output.get_output());
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("Red␛[31m"), "still shown escaped:\n{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    // Every row's questionnaire starts at the column the header's does.
    let column = |line: &str, word: &str| {
        let at = line
            .find(word)
            .unwrap_or_else(|| panic!("{word} in {line}"));
        line[..at].width()
    };
    let wanted = column(lines[0], "QUESTIONNAIRE");
    for line in &lines[1..] {
        let word = if line.starts_with("Red") {
            "cannot be opened"
        } else {
            DEFAULT_QUESTIONNAIRE
        };
        assert_eq!(column(line, word), wanted, "\n{text}");
    }
    assert!(text.contains("株式会社テスト"), "{text}");
    assert!(text.contains("=HYPERLINK(\"x\")"), "{text}");
}

#[test]
fn a_questionnaire_file_that_cannot_be_read_is_one_plain_sentence() {
    let sandbox = Sandbox::new();
    let missing = sandbox.data().join("no-such.json");
    let said = one_line_error(
        sandbox
            .cmd()
            .args(["--plain", "--plan", "X", "--questionnaire"])
            .arg(&missing)
            .write_stdin("")
            .assert(),
    );
    assert!(
        said.starts_with(&format!(
            "outready: the questionnaire {}: cannot be read",
            missing.display()
        )),
        "{said}"
    );
    assert!(
        !said.contains("problem(s)") && !said.contains("the first"),
        "{said}"
    );
    assert!(!sandbox.data().join("plans").exists(), "nothing is made");
}

#[test]
fn a_questionnaire_file_with_many_problems_counts_them_and_names_the_first() {
    let sandbox = Sandbox::new();
    let said = one_line_error(
        sandbox
            .cmd()
            .args(["--plain", "--plan", "X", "--questionnaire", MANY_DEFECTS])
            .write_stdin("")
            .assert(),
    );
    assert!(said.contains("problems, the first: "), "{said}");
    assert!(said.contains("to see them all)"), "{said}");
}
