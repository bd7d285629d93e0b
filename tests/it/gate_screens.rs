//! The damaged-plan and plan-in-use screens as screens of the wizard: keys reach their
//! choices through the same tables and `update` as every screen (a backup put back, a
//! fresh start, read-only, quit), the session carries the choices out on disk, and the
//! screens are drawn like the others: held to the minimum size, without colour or UTF-8
//! on a terminal that has none.

use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::{Event, KeyCode, KeyEvent};
use jiff::Timestamp;
use outready::overview::local_time;
use outready::plan::backup::backups_of;
use outready::plan::store::load_path;
use outready::plan::{LockOwner, Plan, PlanLock, PlanName};
use outready::questionnaire::Loaded;
use outready::questionnaire::load::load_file;
use outready::tui::app::{App, Choice, GateKind, GateState, Screen};
use outready::tui::keymap::Context;
use outready::tui::message::{Effect, Message};
use outready::tui::session::{Options, Session};
use outready::tui::theme::Theme;
use outready::tui::update::update;
use outready::tui::view::AppView;
use outready::tui::{Capabilities, to_message};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SMALL: &str = include_str!("../fixtures/questionnaires/valid/small.json");

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

/// A plan "Acme" saved twice (so it has a backup) with one answer, then damaged as
/// `truncate -s 100` would leave it. Returns its file.
fn damaged_plan(data: &Path) -> PathBuf {
    let mut session = Session::open(&options(data, "Acme")).expect("the plan opens");
    let mut app = session.app(Default::default()).expect("the wizard starts");
    assert!(!session.handle(&mut app, Message::Confirm));
    assert!(!session.handle(&mut app, Message::Type('7')));
    assert!(!session.handle(&mut app, Message::Confirm));
    assert!(!session.handle(&mut app, Message::Pick(0)));
    drop((session, app));
    let path = data.join("plans/acme.json");
    assert!(!backups_of(&path).is_empty(), "a backup to go back to");
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_len(100))
        .expect("test setup");
    path
}

/// A key pressed in the wizard: through the key tables, `update` and the session, as
/// the event loop does. True when the wizard ends.
fn press(session: &mut Session, app: &mut App, code: KeyCode) -> bool {
    let message = to_message(app, Event::Key(KeyEvent::from(code)))
        .unwrap_or_else(|| panic!("{code:?} means nothing on {:?}", app.context()));
    session.handle(app, message)
}

fn gate(app: &App) -> &GateState {
    match &app.screen {
        Screen::Gate(state) => state,
        other => panic!("not the gate: {other:?}"),
    }
}

fn said(app: &App) -> String {
    let notice = match &app.screen {
        Screen::Question(state) => state.notice.clone().unwrap_or_default(),
        _ => String::new(),
    };
    let status = app.status.as_ref().map(|s| s.text.clone());
    format!("{notice} {}", status.unwrap_or_default())
}

#[test]
fn one_on_a_damaged_plan_puts_its_backup_back_and_opens_it() {
    let data = data_dir();
    let path = damaged_plan(data.path());
    let damaged = fs::read(&path).unwrap();
    let mut session = Session::start(&options(data.path(), "Acme")).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    assert_eq!(app.context(), Context::Damaged);
    assert_eq!(gate(&app).kind, GateKind::Damaged);
    assert_eq!(gate(&app).choices[0].0, Choice::OpenBackup);
    assert!(!press(&mut session, &mut app, KeyCode::Char('1')));
    assert!(
        matches!(app.screen, Screen::Question(_) | Screen::Summary(_)),
        "{:?}",
        app.screen
    );
    assert!(
        said(&app).contains("Opened the newest good backup"),
        "{}",
        said(&app)
    );
    let restored = load_path(&path).expect("the backup is in the plan's place");
    assert_eq!(restored.answers, app.plan.answers);
    assert!(!restored.answers.is_empty());
    assert_eq!(app.plan_file.as_deref(), Some(path.as_path()));
    let aside: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept aside");
    assert_eq!(fs::read(aside[0].path()).unwrap(), damaged);
    // Saves go to the plan's file as ever.
    assert!(session.handle(&mut app, Message::Quit));
    assert!(
        session
            .farewell(&app)
            .unwrap()
            .starts_with("Saved \"Acme\"")
    );
}

#[test]
fn down_and_enter_on_a_damaged_plan_start_afresh_under_its_name() {
    let data = data_dir();
    let path = damaged_plan(data.path());
    let mut session = Session::start(&options(data.path(), "Acme")).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    assert!(!press(&mut session, &mut app, KeyCode::Down));
    assert_eq!(gate(&app).selected, 1, "the highlight moved");
    assert!(!press(&mut session, &mut app, KeyCode::Enter));
    let Screen::Welcome(welcome) = &app.screen else {
        panic!("a fresh start begins on the welcome: {:?}", app.screen);
    };
    assert!(welcome.fixed, "the name is the damaged plan's");
    assert_eq!(app.plan.name, "Acme");
    assert!(said(&app).contains("Starting afresh"), "{}", said(&app));
    assert!(!path.exists(), "the damaged file was moved aside");
}

#[test]
fn q_on_a_damaged_plan_leaves_it_as_it_is_and_says_why() {
    let data = data_dir();
    let path = damaged_plan(data.path());
    let before = fs::read(&path).unwrap();
    let mut session = Session::start(&options(data.path(), "Acme")).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    assert!(press(&mut session, &mut app, KeyCode::Char('q')));
    assert!(
        PlanLock::lock_path(&path).exists(),
        "held while the user chose"
    );
    let error = session
        .farewell(&app)
        .expect_err("leaving a damaged plan: exit 1");
    assert!(error.to_string().contains("acme.json"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), before, "untouched");
    drop((session, app));
    assert!(!PlanLock::lock_path(&path).exists(), "let go on leaving");
}

/// The plan "Acme", saved, and held open by a first session.
fn held(data: &Path) -> (Session, App, PathBuf) {
    let mut first = Session::open(&options(data, "Acme")).expect("the plan opens");
    let mut app = first.app(Default::default()).expect("the wizard starts");
    assert!(!first.handle(&mut app, Message::Confirm));
    (first, app, data.join("plans/acme.json"))
}

#[test]
fn enter_on_a_plan_in_use_opens_it_read_only_and_nothing_is_saved() {
    let data = data_dir();
    let (first, first_app, path) = held(data.path());
    let before = fs::read(&path).unwrap();
    let mut second = Session::start(&options(data.path(), "Acme")).unwrap();
    let mut app = second.app(Default::default()).unwrap();
    assert_eq!(app.context(), Context::Busy);
    assert_eq!(gate(&app).choices[0].0, Choice::ReadOnly);
    assert!(!press(&mut second, &mut app, KeyCode::Enter));
    assert!(
        matches!(app.screen, Screen::Question(_)),
        "{:?}",
        app.screen
    );
    assert!(app.read_only.is_some());
    assert!(!second.handle(&mut app, Message::Type('5')));
    assert!(!second.handle(&mut app, Message::Confirm));
    assert!(said(&app).contains("Read-only"), "{}", said(&app));
    assert!(second.handle(&mut app, Message::Quit));
    assert!(
        second
            .farewell(&app)
            .unwrap()
            .starts_with("Nothing was saved")
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    drop((first, first_app));
}

#[test]
fn q_on_a_plan_in_use_opens_nothing() {
    let data = data_dir();
    let (first, first_app, path) = held(data.path());
    let before = fs::read(&path).unwrap();
    let mut second = Session::start(&options(data.path(), "Acme")).unwrap();
    let mut app = second.app(Default::default()).unwrap();
    assert!(press(&mut second, &mut app, KeyCode::Esc));
    let farewell = second.farewell(&app).unwrap();
    assert!(
        farewell.starts_with("Nothing was opened: \"Acme\" is open in another outready (pid "),
        "{farewell}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    drop((first, first_app));
}

// ---------------------------------------------------------------------------------------
// Through `update` alone, and drawn

fn loaded() -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    load_file(&path).expect("the small fixture loads")
}

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().expect("a timestamp")
}

/// The wizard on a plan, with a gate screen up.
fn gated(state: GateState, theme: Theme) -> App {
    let loaded = loaded();
    let plan = Plan::new(
        &PlanName::new("Acme").expect("a name"),
        &loaded,
        fixed_now(),
    );
    let mut app = App::new(loaded, plan, false, theme);
    app.now = fixed_now;
    app.screen = Screen::Gate(state);
    app
}

fn damaged_state() -> GateState {
    GateState {
        kind: GateKind::Damaged,
        title: "This plan cannot be opened as it is".into(),
        paragraphs: vec![
            "The plan file /data/plans/acme.json is damaged at line 4, column 3: the file ends too soon.".into(),
            "It has been left exactly as it is.".into(),
        ],
        choices: vec![
            (
                Choice::OpenBackup,
                "Open the newest good backup, saved 2026-03-02 10:30 (3 answered); the damaged file is kept as acme.damaged-<date>-<time>.json".into(),
            ),
            (
                Choice::StartAfresh,
                "Start afresh; the damaged file is moved aside and kept as acme.damaged-<date>-<time>.json".into(),
            ),
            (Choice::Quit, "Quit and leave everything as it is".into()),
        ],
        selected: 0,
        problem: None,
    }
}

fn busy_state() -> GateState {
    let owner = LockOwner {
        pid: 4242,
        since: fixed_now(),
        ..LockOwner::me()
    };
    let mut state = GateState::busy("Acme", &owner, Path::new("/data/plans/acme.json"));
    assert!(
        state.paragraphs[0].contains("(pid 4242)"),
        "{:?}",
        state.paragraphs
    );
    // The time in the local zone, written one way whatever the zone.
    let since = local_time(owner.since);
    state.paragraphs[0] = state.paragraphs[0].replace(&since, "2026-03-02 10:30");
    state
}

#[test]
fn the_gate_keys_become_effects_through_update() {
    let mut app = gated(damaged_state(), Theme::monochrome());
    let key = |app: &App, code| to_message(app, Event::Key(KeyEvent::from(code))).unwrap();
    let one = key(&app, KeyCode::Char('1'));
    assert_eq!(update(&mut app, one), vec![Effect::OpenBackup]);
    let two = key(&app, KeyCode::Char('2'));
    assert_eq!(update(&mut app, two), vec![Effect::StartAfresh]);
    // A choice that could not be carried out says why under the choices.
    update(
        &mut app,
        Message::Failed("acme.json could not be moved aside".into()),
    );
    assert_eq!(
        gate(&app).problem.as_deref(),
        Some("acme.json could not be moved aside")
    );
    let up = key(&app, KeyCode::Up);
    assert_eq!(update(&mut app, up), vec![]);
    assert_eq!(gate(&app).selected, 0);
    let quit = key(&app, KeyCode::Char('q'));
    assert_eq!(
        update(&mut app, quit),
        vec![Effect::Quit],
        "nothing to save"
    );
    // Read-only on a plan in use is a change of screen, no effect.
    let mut app = gated(busy_state(), Theme::monochrome());
    let enter = key(&app, KeyCode::Enter);
    assert_eq!(update(&mut app, enter), vec![]);
    assert!(matches!(app.screen, Screen::Question(_)));
    // `?` lists the gate's own keys.
    let mut app = gated(busy_state(), Theme::monochrome());
    let help = key(&app, KeyCode::Char('?'));
    update(&mut app, help);
    assert_eq!(app.context(), Context::Help);
}

fn drawn(app: &mut App, width: u16, height: u16) -> String {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(AppView { app }, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_damaged_plan_screen_at_80x24_and_too_small() {
    let mut app = gated(damaged_state(), Theme::monochrome());
    let shown = drawn(&mut app, 80, 24);
    assert!(
        shown.contains("1-9 choose"),
        "the footer comes from the keys: {shown}"
    );
    insta::assert_snapshot!("damaged_80x24", shown);
    let small = drawn(&mut app, 50, 14);
    assert!(small.contains("Window too small"), "{small}");
    insta::assert_snapshot!("damaged_50x14", small);
    // The smallest window laid out keeps the choices whole.
    let least = drawn(&mut app, 60, 16);
    assert!(
        least.contains("3 Quit and leave everything as it is"),
        "{least}"
    );
    insta::assert_snapshot!("damaged_60x16", least);
}

#[test]
fn the_plan_in_use_screen_at_80x24_and_too_small() {
    let mut app = gated(busy_state(), Theme::monochrome());
    insta::assert_snapshot!("busy_80x24", drawn(&mut app, 80, 24));
    let small = drawn(&mut app, 50, 14);
    assert!(small.contains("Window too small"), "{small}");
    insta::assert_snapshot!("busy_50x14", small);
    // Too small, only q works, and it leaves.
    let q = to_message(&app, Event::Key(KeyEvent::from(KeyCode::Char('q'))));
    assert_eq!(q, Some(Message::Quit));
    let enter = to_message(&app, Event::Key(KeyEvent::from(KeyCode::Enter)));
    assert_eq!(enter, None);
}

#[test]
fn a_vt100_under_lang_c_gets_the_gate_without_colour_or_utf8() {
    let vt100 = Capabilities::from_env(|name| match name {
        "TERM" => Some("vt100".to_string()),
        "LANG" => Some("C".to_string()),
        _ => None,
    });
    let mut app = gated(busy_state(), Theme::standard());
    vt100.fit(&mut app);
    app.area = Rect::new(0, 0, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(AppView { app: &app }, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(cell.symbol().is_ascii(), "{:?} on a VT100", cell.symbol());
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "colour on a VT100");
    }
    let shown = terminal.backend().to_string();
    assert!(shown.contains(">1 Open it read-only"), "{shown}");
}
