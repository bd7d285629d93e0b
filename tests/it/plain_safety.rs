#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! Plain mode's hold on its plan, with the real binary: it saves to the file it opened
//! (not to the file of the plan's name), holds the plan's lock from the moment the file
//! exists, tells a second outready and writes nothing when the wizard has the plan, and
//! a plain mode killed at random instants 200 times leaves every plan and backup
//! readable and, after the next open, no temporary file.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use outready::plan::backup::backups_of;
use outready::plan::store::load_path;
use outready::tui::message::Message;
use outready::tui::session::Opening;
use outready::tui::session::{Options, Session};

fn small_questionnaire() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/questionnaires/valid/small.json")
}

/// The binary in plain mode on `data`, on the plan `plan`.
fn plain(data: &Path, plan: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_outready"));
    command
        .env("HOME", data)
        .env_remove("ACCESSIBLE")
        .env_remove("OUTREADY_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .arg("--questionnaire")
        .arg(small_questionnaire())
        .arg("--plain")
        .arg("--plan")
        .arg(plan);
    command
}

/// Runs plain mode to the end with this input; its exit code, output and errors.
fn run_plain(data: &Path, plan: &str, input: &str) -> (i32, String, String) {
    let mut child = plain(data, plan)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn wizard_options(data: &Path, plan: &str) -> Options {
    Options {
        data_dir: data.to_path_buf(),
        plan: Some(plan.to_string()),
        questionnaire: Some(small_questionnaire().display().to_string()),
        ..Options::default()
    }
}

fn staff(path: &Path) -> Option<f64> {
    load_path(path)
        .unwrap()
        .answer("staff")
        .and_then(|a| a.value.as_ref())
        .and_then(|v| v.as_number())
}

#[test]
fn plain_mode_saves_to_the_file_it_opened_not_to_the_file_of_the_plans_name() {
    let data = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run_plain(data.path(), "Acme", "4\nq\n");
    assert_eq!(code, 0, "{stderr}");
    let plans = data.path().join("plans");
    let original = plans.join("acme.json");
    let copy = plans.join("acme-copy.json");
    fs::copy(&original, &copy).unwrap();
    let before = fs::read(&original).unwrap();
    // The copy still says it is "Acme" inside.
    let (code, stdout, stderr) = run_plain(data.path(), "acme-copy", "b\n9\nq\n");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        staff(&copy),
        Some(9.0),
        "the copy opened is the one changed"
    );
    assert_eq!(
        fs::read(&original).unwrap(),
        before,
        "acme.json is untouched"
    );
    assert!(
        stdout.contains(&format!("to {}", copy.display())),
        "the goodbye names the file written: {stdout}"
    );
    assert!(
        !stdout.contains("no plan is called"),
        "the file was named: nothing to explain: {stdout}"
    );
}

#[test]
fn the_wizard_then_plain_mode_on_one_plan_the_second_is_told_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut session = Session::open(&wizard_options(data.path(), "Shared")).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    assert!(!session.handle(&mut app, Message::Confirm));
    let path = data.path().join("plans/shared.json");
    let before = fs::read(&path).unwrap();
    let (code, stdout, stderr) = run_plain(data.path(), "Shared", "7\nq\n");
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stderr.contains("is open in another outready (pid ") && stderr.contains("wrote nothing"),
        "{stderr}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    drop((session, app));
}

/// Starts plain mode on a new plan and waits until it has made the plan's file.
fn plain_holding(data: &Path, plan: &str, path: &Path) -> Child {
    let child = plain(data, plan)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !path.exists() {
        assert!(started.elapsed() < Duration::from_secs(20), "no plan file");
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

#[test]
fn plain_mode_then_the_wizard_on_one_plan_the_second_is_told_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("plans/shared.json");
    // Plain mode creates "Shared" and waits at its first question.
    let mut child = plain_holding(data.path(), "Shared", &path);
    let before = fs::read(&path).unwrap();
    let Opening::Busy(mut session, owner) =
        Session::prepare(&wizard_options(data.path(), "Shared")).unwrap()
    else {
        panic!("plain mode holds the plan it created");
    };
    assert_eq!(owner.pid, child.id());
    let mut app = session.app(Default::default()).unwrap();
    assert!(app.read_only.is_some());
    assert!(!session.handle(&mut app, Message::Confirm));
    assert!(!session.handle(&mut app, Message::Type('5')));
    assert!(!session.handle(&mut app, Message::Confirm));
    assert_eq!(fs::read(&path).unwrap(), before, "the wizard wrote nothing");
    assert!(
        session
            .farewell(&app)
            .unwrap()
            .starts_with("Nothing was saved")
    );
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
}

/// A small seeded random number generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn temporaries(plans: &Path) -> Vec<String> {
    [plans.to_path_buf(), plans.join("backups")]
        .iter()
        .filter_map(|dir| fs::read_dir(dir).ok())
        .flatten()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[test]
fn plain_mode_killed_200_times_leaves_every_file_readable_and_no_temporary_file() {
    let data = tempfile::tempdir().unwrap();
    let plans = data.path().join("plans");
    let path = plans.join("kill.json");
    let seed = std::env::var("OUTREADY_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_f00d);
    let mut rng = Rng(seed);
    // Answer the first question, step back to it, answer again: a save each time.
    let input: String = (0..20_000).map(|k| format!("{k}\nb\n")).collect();
    // Kills land from the start of a run to well past its first saves, however loaded
    // the machine: the span is twice what a whole short run takes here, now.
    let timed = Instant::now();
    run_plain(data.path(), "Timing", "1\nb\n2\nq\n");
    let span = u64::try_from(timed.elapsed().as_micros() * 2)
        .unwrap()
        .max(20_000);
    let mut saw_temporaries = 0;
    for kill in 0..200 {
        let mut child = plain(data.path(), "Kill")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let feed = input.clone();
        let writer = std::thread::spawn(move || {
            // Ends with a broken pipe when the child is killed.
            let _ = stdin.write_all(feed.as_bytes());
        });
        std::thread::sleep(Duration::from_micros(rng.below(span)));
        child.kill().unwrap();
        child.wait().unwrap();
        writer.join().unwrap();
        if path.exists() {
            load_path(&path).unwrap_or_else(|e| panic!("after kill {kill} (seed {seed}): {e}"));
        }
        for backup in backups_of(&path) {
            load_path(&backup).unwrap_or_else(|e| panic!("after kill {kill} (seed {seed}): {e}"));
        }
        saw_temporaries = saw_temporaries.max(temporaries(&plans).len());
    }
    assert!(path.exists(), "no save happened before any kill");
    assert!(!backups_of(&path).is_empty(), "no backup was ever made");
    // The next front end to open the folder clears what the kills left.
    let (code, _, stderr) = run_plain(data.path(), "Kill", "q\n");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(temporaries(&plans), Vec::<String>::new());
    eprintln!(
        "kills within {span} µs; at most {saw_temporaries} temporary files were left between kills"
    );
}

#[test]
fn front_ends_open_lock_and_save_plans_only_through_the_one_opening_path() {
    // The wizard, plain mode and the commands reach a plan file through `open` and the
    // `PlanFile` it hands back; none takes a lock, reads or writes a plan file itself.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders = vec![root.join("tui"), root.join("plain"), root.join("commands")];
    let mut files = vec![root.join("plain.rs"), root.join("tui.rs")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 20, "{files:?}");
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for call in ["PlanLock::acquire", "load_path(", "store.save(", "save_at("] {
            assert!(!text.contains(call), "{} calls {call}", file.display());
        }
    }
}
