//! The wizard's hold on its plan: a failed save is said in one line, the answers stay and
//! the next change saves them; a second outready gets the plan read-only; a stale lock is
//! taken over; a changed questionnaire is explained once; a damaged plan is recovered from
//! its backup or set aside, never overwritten. And no network code anywhere.

use std::fs;
use std::path::{Path, PathBuf};

use outready::plan::backup::backups_of;
use outready::plan::store::load_path;
use outready::plan::{LockOwner, PlanLock};
use outready::tui::app::GateState;
use outready::tui::app::{App, Screen};
use outready::tui::message::{Effect, Message};
use outready::tui::session::Opening;
use outready::tui::session::{Options, Session};
use outready::tui::view::AppView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SMALL: &str = include_str!("../fixtures/questionnaires/valid/small.json");

/// A data folder with the small questionnaire as the user's own.
fn data_dir() -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("test setup");
    fs::create_dir_all(data.path().join("questionnaires")).expect("test setup");
    fs::write(data.path().join("questionnaires/small.json"), SMALL).expect("test setup");
    data
}

fn options(data: &Path, plan: &str) -> Options {
    Options {
        data_dir: data.to_path_buf(),
        plan: Some(plan.to_string()),
        questionnaire: Some("small".to_string()),
        ..Options::default()
    }
}

/// Starts a new plan called `name` and answers the first question; returns the file.
fn start(data: &Path, name: &str) -> (Session, App, PathBuf) {
    let mut session = Session::open(&options(data, name)).expect("the plan opens");
    let mut app = session.app(Default::default()).expect("the wizard starts");
    assert!(matches!(app.screen, Screen::Welcome(_)));
    assert!(!session.handle(&mut app, Message::Confirm));
    let path = data.join("plans").join("acme.json");
    (session, app, path)
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// What the wizard says: the status line, and the note under the question.
fn said(app: &App) -> String {
    let notice = match &app.screen {
        Screen::Question(state) => state.notice.clone().unwrap_or_default(),
        _ => String::new(),
    };
    format!("{} {notice}", status(app))
}

fn screen_text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(AppView { app }, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_failed_save_is_said_in_one_line_kept_in_memory_and_retried() {
    let data = data_dir();
    // The plans folder cannot be made: a file is where it should be. (This fails for
    // every user, root included, unlike a read-only folder.)
    fs::write(data.path().join("plans"), "not a folder").unwrap();
    let (mut session, mut app, path) = start(data.path(), "Acme");
    let said = status(&app);
    assert!(app.status.as_ref().unwrap().is_error, "{said}");
    assert!(said.starts_with("Not saved ("), "{said}");
    assert!(said.contains("your answers are kept here"), "{said}");
    assert!(!said.contains('\n'));
    assert!(screen_text(&app).contains("✗ Not saved ("));
    // The wizard goes on: the answer is taken, in memory.
    assert!(!session.handle(&mut app, Message::Pick(0)));
    assert!(app.plan.answer("staff").is_none() || app.plan.answers.len() <= 1);
    assert!(!session.handle(&mut app, Message::Type('7')));
    assert!(!session.handle(&mut app, Message::Confirm));
    assert!(app.plan.answer("staff").is_some());
    assert!(session.unsaved());
    // Quitting now asks first; a second q quits.
    assert!(!session.handle(&mut app, Message::Quit));
    assert!(status(&app).contains("press q again"), "{}", status(&app));
    // The folder comes back; the next change saves everything.
    fs::remove_file(data.path().join("plans")).unwrap();
    assert!(!session.handle(&mut app, Message::Pick(0)));
    assert_eq!(status(&app), "Saved: everything is on disk again.");
    let saved = load_path(&path).unwrap();
    assert_eq!(saved.answers, app.plan.answers);
    assert!(saved.answer("staff").is_some());
    assert!(
        session.handle(&mut app, Message::Quit),
        "saved: q quits at once"
    );
    assert!(
        session
            .farewell(&app)
            .unwrap()
            .starts_with("Saved \"Acme\"")
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_keeps_the_answers_and_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let data = data_dir();
    let (mut session, mut app, path) = start(data.path(), "Acme");
    assert!(path.exists());
    let plans = data.path().join("plans");
    fs::set_permissions(&plans, fs::Permissions::from_mode(0o500)).unwrap();
    if fs::write(plans.join("probe"), "").is_ok() {
        // Running as root: permissions do not stop us, so there is nothing to see here.
        let _ = fs::remove_file(plans.join("probe"));
        fs::set_permissions(&plans, fs::Permissions::from_mode(0o700)).unwrap();
        return;
    }
    let before = fs::read(&path).unwrap();
    assert!(!session.handle(&mut app, Message::Type('9')));
    assert!(!session.handle(&mut app, Message::Confirm));
    assert!(
        status(&app).contains("permission denied"),
        "{}",
        status(&app)
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    fs::set_permissions(&plans, fs::Permissions::from_mode(0o700)).unwrap();
    assert!(!session.handle(&mut app, Message::Pick(1)));
    assert_eq!(load_path(&path).unwrap().answers, app.plan.answers);
}

#[test]
fn a_second_outready_gets_the_plan_read_only_and_never_writes() {
    let data = data_dir();
    let (first, first_app, path) = start(data.path(), "Acme");
    let before = fs::read(&path).unwrap();
    let Opening::Busy(mut second, owner) = Session::prepare(&options(data.path(), "Acme")).unwrap()
    else {
        panic!("the plan is open in the first session");
    };
    assert_eq!(owner.pid, std::process::id());
    let mut app = second.app(Default::default()).unwrap();
    let label = format!(
        "read-only: open in another outready (pid {})",
        std::process::id()
    );
    assert_eq!(app.read_only.as_deref(), Some(label.as_str()));
    assert!(screen_text(&app).contains("read-only: open in another outready"));
    assert!(!second.handle(&mut app, Message::Type('5')));
    assert!(!second.handle(&mut app, Message::Confirm));
    assert!(status(&app).starts_with("Read-only"), "{}", status(&app));
    assert!(second.handle(&mut app, Message::Quit));
    assert!(
        second
            .farewell(&app)
            .unwrap()
            .starts_with("Nothing was saved")
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    let lock = PlanLock::lock_path(&path);
    assert!(lock.exists());
    drop((first, first_app));
    assert!(!lock.exists(), "closing the plan removes its lock");
    let gate = GateState::busy("Acme", &owner, &lock);
    assert!(gate.paragraphs[0].contains(&format!("pid {}", std::process::id())));
    // Deleting the lock file would not free it, so nobody is told to.
    assert!(
        !gate.paragraphs[1].contains("delete"),
        "{}",
        gate.paragraphs[1]
    );
    assert!(gate.paragraphs[1].contains("as soon as that outready ends"));
}

#[cfg(unix)]
#[test]
fn a_lock_left_by_a_crashed_outready_is_taken_over() {
    let data = data_dir();
    let (session, app, path) = start(data.path(), "Acme");
    drop((session, app));
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let crashed = LockOwner {
        pid: dead,
        ..LockOwner::me()
    };
    fs::write(
        PlanLock::lock_path(&path),
        serde_json::to_vec(&crashed).unwrap(),
    )
    .unwrap();
    let opening = Session::prepare(&options(data.path(), "Acme")).unwrap();
    assert!(
        matches!(opening, Opening::Ready(_)),
        "a dead process's lock is stale"
    );
    let found: LockOwner =
        serde_json::from_slice(&fs::read(PlanLock::lock_path(&path)).unwrap()).unwrap();
    assert_eq!(found.pid, std::process::id());
}

#[test]
fn a_changed_questionnaire_is_explained_once_and_nothing_is_dropped() {
    let data = data_dir();
    let (mut session, mut app, path) = start(data.path(), "Acme");
    session.handle(&mut app, Message::Quit);
    drop((session, app));
    // As if the plan had been started on an older questionnaire: one question it did not
    // have, another (answered) that the questionnaire has since dropped.
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    value["questionnaire"]["version"] = "0.9.0".into();
    value["questionnaire"]["hash"] = "sha256:old".into();
    let seen = value["questionnaire"]["questions"].as_array_mut().unwrap();
    seen.retain(|id| id != "budget-owner");
    seen.push("retired-question".into());
    value["answers"]["retired-question"] =
        serde_json::json!({"state": "answered", "value": "kept, please"});
    fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();

    let mut session = Session::open(&options(data.path(), "Acme")).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    let told = said(&app);
    assert!(told.contains("(0.9.0 → 1.0.0)"), "{told}");
    assert!(told.contains("1 new question is marked new"), "{told}");
    assert!(told.contains("retired-question"), "{told}");
    assert_eq!(
        app.new_questions.iter().collect::<Vec<_>>(),
        vec!["budget-owner"]
    );
    assert!(!session.handle(&mut app, Message::OpenReview));
    assert!(
        screen_text(&app)
            .contains("Kept from questions no longer asked (1): retired-question: kept, please")
    );
    // The new question is marked where it is asked.
    let (s, q) = app.questionnaire().locate("budget-owner").unwrap();
    app.show_question(outready::wizard::Spot {
        section: s,
        question: q,
    });
    assert!(screen_text(&app).contains("✦ new question"));
    assert!(session.handle(&mut app, Message::Quit));
    let saved = load_path(&path).unwrap();
    assert!(saved.answers.contains_key("retired-question"));
    assert!(
        saved
            .questionnaire
            .questions
            .iter()
            .any(|id| id == "budget-owner")
    );
    assert_eq!(saved.questionnaire.version, "1.0.0");
    // Told once: the next start says nothing about it.
    drop(session);
    let mut again = Session::open(&options(data.path(), "Acme")).unwrap();
    let app = again.app(Default::default()).unwrap();
    assert!(
        !said(&app).contains("questionnaire changed"),
        "{}",
        said(&app)
    );
    assert!(app.new_questions.is_empty());
}

#[test]
fn a_truncated_plan_opens_its_newest_good_backup_and_the_damaged_file_is_kept() {
    let data = data_dir();
    let (mut session, mut app, path) = start(data.path(), "Acme");
    assert!(!session.handle(&mut app, Message::Type('4')));
    assert!(!session.handle(&mut app, Message::Confirm));
    assert!(!session.handle(&mut app, Message::Pick(0)));
    let answers = app.plan.answers.clone();
    assert!(session.handle(&mut app, Message::Quit));
    drop((session, app));
    assert!(!backups_of(&path).is_empty());
    // `truncate -s 100`, as a full disk or a crash of another program might leave it.
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(100)
        .unwrap();
    let damaged = fs::read(&path).unwrap();

    let Opening::Damaged(damage) = Session::prepare(&options(data.path(), "Acme")).unwrap() else {
        panic!("a truncated plan is damaged");
    };
    let gate = GateState::damaged(&damage);
    assert!(
        gate.paragraphs[0].contains("acme.json is damaged at line"),
        "{:?}",
        gate.paragraphs
    );
    assert_eq!(gate.choices.len(), 3);
    let good = damage.backup.clone().unwrap();
    let aside = damage.open_backup().unwrap();
    drop(damage);
    assert_eq!(
        fs::read(&aside).unwrap(),
        damaged,
        "the damaged file is kept as it was"
    );
    let restored = load_path(&path).unwrap();
    assert_eq!(restored.answers, good.plan.answers);
    assert!(!restored.answers.is_empty());
    assert!(restored.answers.len() <= answers.len());
    assert!(matches!(
        Session::prepare(&options(data.path(), "Acme")).unwrap(),
        Opening::Ready(_)
    ));
}

#[test]
fn starting_afresh_moves_the_damaged_file_aside_and_starts_a_new_plan() {
    let data = data_dir();
    let (mut session, mut app, path) = start(data.path(), "Acme");
    // A second save, so there is a backup.
    assert!(!session.handle(&mut app, Message::Type('3')));
    assert!(!session.handle(&mut app, Message::Confirm));
    drop((session, app));
    fs::write(&path, "{\"format_version\": 2, \"name\": \"Ac").unwrap();
    // Opened as the most recent plan, not by name: the fresh start takes the backup's name.
    let most_recent = Options {
        plan: None,
        ..options(data.path(), "Acme")
    };
    let Opening::Damaged(damage) = Session::prepare(&most_recent).unwrap() else {
        panic!("damaged");
    };
    assert_eq!(damage.name, "Acme");
    let aside = damage.start_afresh().unwrap();
    drop(damage);
    assert_eq!(
        fs::read_to_string(&aside).unwrap(),
        "{\"format_version\": 2, \"name\": \"Ac"
    );
    assert!(!path.exists());
    let Opening::Ready(mut session) = Session::prepare(&options(data.path(), "Acme")).unwrap()
    else {
        panic!("a fresh start opens");
    };
    let app = session.app(Default::default()).unwrap();
    assert!(matches!(app.screen, Screen::Welcome(_)));
}

#[test]
fn nothing_in_the_program_can_reach_the_network() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            for word in [
                "std::net",
                "TcpStream",
                "UdpSocket",
                "TcpListener",
                "ToSocketAddrs",
            ] {
                assert!(!text.contains(word), "{} uses {word}", path.display());
            }
        }
    }
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    for name in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "tokio",
        "isahc",
        "attohttpc",
        "h2",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{name}\"")),
            "Cargo.lock has the network crate {name}"
        );
    }
}

#[test]
fn quitting_while_saves_still_fail_is_an_error_that_says_the_changes_are_not_on_disk() {
    let data = data_dir();
    fs::write(data.path().join("plans"), "not a folder").unwrap();
    let (mut session, mut app, _) = start(data.path(), "Acme");
    assert!(session.unsaved());
    assert!(!session.handle(&mut app, Message::Quit), "asked once");
    assert!(
        session.handle(&mut app, Message::Quit),
        "the second q quits"
    );
    let error = session.farewell(&app).expect_err("an error: exit 1");
    let said = format!("{error:#}");
    assert!(
        said.starts_with("the last changes to \"Acme\" are not on disk"),
        "{said}"
    );
    assert!(
        said.contains(&data.path().join("plans/acme.json").display().to_string()),
        "the file it was to be saved in: {said}"
    );
}

#[test]
fn the_plans_screen_opens_the_file_chosen_and_saves_go_there() {
    let data = data_dir();
    let (mut session, mut app, original) = start(data.path(), "Acme");
    assert!(!session.handle(&mut app, Message::Type('4')));
    assert!(!session.handle(&mut app, Message::Confirm));
    // A copy of the plan, called "Acme" inside too.
    let copy = original.with_file_name("acme-copy.json");
    fs::copy(&original, &copy).unwrap();
    let before = fs::read(&original).unwrap();
    session.perform(&mut app, Effect::LoadPlanList);
    let Screen::Plans(state) = &app.screen else {
        panic!("the plans screen");
    };
    assert_eq!(state.rows.len(), 2);
    assert_eq!(
        state.rows[state.selected].file, original,
        "this plan, by its file"
    );
    session.perform(&mut app, Effect::SwitchPlan(copy.clone()));
    assert_eq!(session.plan_file(), Some(copy.clone()));
    assert!(
        status(&app).contains("Opened plan \"Acme\""),
        "{}",
        status(&app)
    );
    // The original's lock went with it; the copy's is held.
    assert!(!PlanLock::lock_path(&original).exists());
    assert!(PlanLock::lock_path(&copy).exists());
    let (s, q) = app.questionnaire().locate("personal-data").unwrap();
    app.show_question(outready::wizard::Spot {
        section: s,
        question: q,
    });
    assert!(!session.handle(&mut app, Message::Pick(1)));
    assert_eq!(
        fs::read(&original).unwrap(),
        before,
        "acme.json is untouched"
    );
    let answer = load_path(&copy).unwrap().answer("personal-data").cloned();
    assert_eq!(
        answer.and_then(|a| a.value),
        Some(outready::answer::Value::Text("no".into()))
    );
}

#[test]
fn a_second_outready_on_the_same_plan_in_another_process_is_told_who_has_it() {
    // The lock is the operating system's: a process that holds it, not a file's word.
    let data = data_dir();
    let (session, app, path) = start(data.path(), "Acme");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_outready"))
        .args(["--plain", "--plan", "Acme"])
        .env("OUTREADY_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("pid {}", std::process::id())),
        "{stderr}"
    );
    drop((session, app));
    assert!(!PlanLock::lock_path(&path).exists());
}
