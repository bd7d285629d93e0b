#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! The wizard's compare screen: plans marked on the plans screen with Space (a sign and
//! words say so), `c` asks for them side by side, Esc goes back with the marks kept; the
//! screen drawn at 80x24 and 120x40 with two and three plans (one with a CJK name, one
//! set with budget figures); and through the session, the plans compared are read from
//! their files without being locked or written.

use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use outready::answer::{Answer, Value};
use outready::overview::PlanOverview;
use outready::plan::{Plan, PlanLock, PlanName};
use outready::questionnaire::Loaded;
use outready::questionnaire::load::load_file;
use outready::report::compare::Comparison;
use outready::tui::app::{App, Screen};
use outready::tui::keymap::{Context, message_for};
use outready::tui::message::{Effect, Message};
use outready::tui::session::{Options, Session};
use outready::tui::theme::Theme;
use outready::tui::update::update;
use outready::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fixture(path: &str) -> Loaded {
    load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn small() -> Loaded {
    fixture("tests/fixtures/questionnaires/valid/small.json")
}

fn budget() -> Loaded {
    fixture("tests/fixtures/questionnaires/figures/budget.json")
}

fn now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().unwrap()
}

fn plan(loaded: &Loaded, name: &str, answers: &[(&str, Value)]) -> Plan {
    let mut plan = Plan::new(&PlanName::new(name).unwrap(), loaded, now());
    plan.currency = Some("EUR".into());
    for (id, value) in answers {
        plan.set_answer(id, Answer::answered(value.clone()), now());
    }
    plan
}

fn text(v: &str) -> Value {
    Value::Text(v.into())
}

fn file_of(plan: &Plan) -> PathBuf {
    PathBuf::from(format!(
        "{}.json",
        PlanName::new(&plan.name).unwrap().stem()
    ))
}

fn row(plan: &Plan) -> PlanOverview {
    PlanOverview {
        name: plan.name.clone(),
        file: file_of(plan),
        questionnaire: plan.questionnaire.id.clone(),
        answered: plan.answers.len(),
        total: 12,
        level: "Not ready".into(),
        updated: "2026-03-02 10:30".into(),
        problem: None,
    }
}

/// The wizard on the first plan, on the plans screen listing them all.
fn on_plans(loaded: &Loaded, plans: &[Plan]) -> App {
    let mut app = App::new(loaded.clone(), plans[0].clone(), false, Theme::monochrome());
    app.now = now;
    app.area = Rect::new(0, 0, 80, 24);
    update(&mut app, Message::SavedTo(file_of(&plans[0])));
    update(
        &mut app,
        Message::PlansListed {
            rows: plans.iter().map(row).collect(),
            selected: 0,
            taken: Default::default(),
            conflicts: Vec::new(),
        },
    );
    app
}

/// Marks every plan listed, in order, and asks for them side by side; the effect is
/// carried out here as the session would, from the plans in memory.
fn compared(loaded: &Loaded, plans: &[Plan]) -> App {
    let mut app = on_plans(loaded, plans);
    for i in 0..plans.len() {
        if i > 0 {
            update(&mut app, Message::Down);
        }
        update(&mut app, Message::ToggleHighlighted);
    }
    let effects = update(&mut app, Message::OpenCompare);
    let files: Vec<PathBuf> = plans.iter().map(file_of).collect();
    assert_eq!(effects, [Effect::LoadComparison(files)]);
    let read: Vec<(Plan, Loaded)> = plans.iter().map(|p| (p.clone(), loaded.clone())).collect();
    let comparison = Comparison::of_plans(&read, &TimeZone::UTC).unwrap();
    update(&mut app, Message::Compared(Box::new(comparison)));
    assert!(matches!(app.screen, Screen::Compare(_)), "{:?}", app.screen);
    app
}

fn two_providers() -> (Loaded, Vec<Plan>) {
    let loaded = small();
    let a = plan(
        &loaded,
        "Acme with Northwind IT",
        &[
            ("staff", Value::Number(12.0)),
            ("personal-data", text("yes")),
            ("problem", text("no")),
            ("reason", text("cost")),
        ],
    );
    let b = plan(
        &loaded,
        "さくら商事 with Contoso",
        &[
            ("staff", Value::Number(12.0)),
            ("personal-data", text("no")),
            ("problem", text("yes")),
            (
                "reason",
                text("quality and the long list of reasons the team wrote down"),
            ),
        ],
    );
    (loaded, vec![a, b])
}

fn three_budgets() -> (Loaded, Vec<Plan>) {
    let loaded = budget();
    let quote = |name: &str, fee: f64, term: f64| {
        plan(
            &loaded,
            name,
            &[
                ("users", Value::Number(12.0)),
                ("fee", Value::Number(fee)),
                ("term", Value::Number(term)),
                ("today", Value::Number(20000.0)),
                ("rise", Value::Number(3.0)),
                ("reserve", Value::Number(1000.0)),
            ],
        )
    };
    let plans = vec![
        quote("Northwind IT", 95.0, 36.0),
        quote("東京クラウド株式会社", 80.0, 24.0),
        quote("Contoso Managed Services", 110.0, 12.0),
    ];
    (loaded, plans)
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn snapshot(name: &str, app: &mut App) {
    for (width, height) in [(80, 24), (120, 40)] {
        let drawn = screen(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), drawn);
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn space_marks_c_compares_and_esc_leaves_the_compare_screen() {
    assert_eq!(
        message_for(Context::Plans, &key(KeyCode::Char(' '))),
        Some(Message::ToggleHighlighted)
    );
    assert_eq!(
        message_for(Context::Plans, &key(KeyCode::Char('c'))),
        Some(Message::OpenCompare)
    );
    assert_eq!(
        message_for(Context::Compare, &key(KeyCode::Esc)),
        Some(Message::Close)
    );
    assert_eq!(
        message_for(Context::Compare, &key(KeyCode::Down)),
        Some(Message::Down)
    );
    let (loaded, plans) = two_providers();
    let mut app = on_plans(&loaded, &plans);
    // One plan is not enough to compare: nothing is read.
    update(&mut app, Message::ToggleHighlighted);
    let drawn = screen(&mut app, 80, 24);
    assert!(drawn.contains("✓ marked to compare: 1 marked"), "{drawn}");
    assert!(update(&mut app, Message::OpenCompare).is_empty());
    let said = app.status.clone().unwrap().text;
    assert!(said.contains("Mark two or more plans"), "{said}");
    // Space again unmarks.
    update(&mut app, Message::ToggleHighlighted);
    let Screen::Plans(state) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert!(state.marked.is_empty());
    let mut app = compared(&loaded, &plans);
    let drawn = screen(&mut app, 80, 24);
    assert!(drawn.contains("Plans compared (2)"), "{drawn}");
    update(&mut app, Message::Close);
    let Screen::Plans(state) = &app.screen else {
        panic!("Esc did not go back to the plans: {:?}", app.screen)
    };
    assert_eq!(state.marked.len(), 2, "the marks are kept");
    let drawn = screen(&mut app, 80, 24);
    assert!(drawn.contains("2 marked, c compares them"), "{drawn}");
    assert!(drawn.contains(" ●✓ Acme with Northwind IT"), "{drawn}");
    assert!(drawn.contains("▸ ✓ さくら商事 with Contoso"), "{drawn}");
}

#[test]
fn the_compare_screen_scrolls_to_its_end_and_no_further() {
    let (loaded, plans) = three_budgets();
    let mut app = compared(&loaded, &plans);
    // The smallest window the screens are laid out for.
    let top = screen(&mut app, 60, 16);
    assert!(top.contains("… more below"), "{top}");
    for _ in 0..200 {
        update(&mut app, Message::Down);
    }
    let Screen::Compare(state) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    let end = state.scroll;
    assert!(end > 0);
    update(&mut app, Message::PageDown);
    let Screen::Compare(state) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(state.scroll, end);
    let bottom = screen(&mut app, 60, 16);
    assert!(!bottom.contains("… more below"), "{bottom}");
}

#[test]
fn two_plans_side_by_side() {
    let (loaded, plans) = two_providers();
    let mut app = compared(&loaded, &plans);
    snapshot("compare_two_plans", &mut app);
}

#[test]
fn three_plans_with_their_budget_figures_side_by_side() {
    let (loaded, plans) = three_budgets();
    let mut app = compared(&loaded, &plans);
    let drawn = screen(&mut app, 120, 40);
    // Year one: 95 × 12 people × 12 months.
    assert!(drawn.contains("€13,680.00"), "{drawn}");
    snapshot("compare_three_plans", &mut app);
}

const SMALL: &str = include_str!("../fixtures/questionnaires/valid/small.json");

#[test]
fn the_session_compares_plans_read_from_their_files_without_locking_or_writing_them() {
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path().join("questionnaires")).unwrap();
    fs::write(data.path().join("questionnaires/small.json"), SMALL).unwrap();
    let plans_dir = data.path().join("plans");
    fs::create_dir_all(&plans_dir).unwrap();
    let (_, plans) = two_providers();
    let other = plans_dir.join(file_of(&plans[1]));
    fs::write(&other, serde_json::to_vec_pretty(&plans[1]).unwrap()).unwrap();
    let before = fs::read(&other).unwrap();
    let options = Options {
        data_dir: data.path().to_path_buf(),
        plan: Some("Acme".into()),
        questionnaire: Some("small".into()),
        ..Options::default()
    };
    let mut session = Session::open(&options).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    app.area = Rect::new(0, 0, 100, 30);
    assert!(!session.handle(&mut app, Message::Confirm));
    session.perform(&mut app, Effect::LoadPlanList);
    let Screen::Plans(state) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(state.rows.len(), 2);
    for message in [
        Message::Up,
        Message::Up,
        Message::ToggleHighlighted,
        Message::Down,
        Message::ToggleHighlighted,
        Message::OpenCompare,
    ] {
        assert!(!session.handle(&mut app, message));
    }
    let Screen::Compare(state) = &app.screen else {
        panic!("c did not compare: {:?} {:?}", app.screen, app.status)
    };
    let names: Vec<&str> = state
        .comparison
        .plans
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"Acme") && names.contains(&plans[1].name.as_str()));
    assert_eq!(
        fs::read(&other).unwrap(),
        before,
        "the other plan is not written"
    );
    assert!(!PlanLock::lock_path(&other).exists(), "nor locked");
    assert!(!session.handle(&mut app, Message::Close));
    assert!(matches!(app.screen, Screen::Plans(_)));
}
