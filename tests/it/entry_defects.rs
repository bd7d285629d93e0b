//! What a user trial found on the question and welcome screens, each held by a test that
//! fails without its fix: Enter alone answers nothing on a choice question (only what
//! the user chose counts), the answer area comes before the budget worksheet at the
//! smallest size and the worksheet has the rows the question leaves, the welcome keeps
//! its name field at 60x16, and the typing footer says how to go on and get the keys
//! back.
#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use outready::answer::{Answer, Value};
use outready::plan::{Plan, PlanName};
use outready::questionnaire::load::load_file;
use outready::tui::app::App;
use outready::tui::keymap::message_for;
use outready::tui::message::{Effect, Message};
use outready::tui::theme::Theme;
use outready::tui::update::update;
use outready::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().unwrap()
}

/// A saved plan on a fixture questionnaire, opened on question `at`.
fn app_on(fixture: &str, at: &str) -> App {
    let loaded = load_file(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/questionnaires")
            .join(fixture),
    )
    .unwrap();
    let mut plan = Plan::new(&PlanName::new("Acme").unwrap(), &loaded, fixed_now());
    plan.position.question = Some(at.into());
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = fixed_now;
    app.area = Rect::new(0, 0, 80, 24);
    app
}

/// The small fixture, on `at`.
fn small(at: &str) -> App {
    app_on("valid/small.json", at)
}

/// The budget fixture, 12 users answered, counting in euros, on `at`.
fn budget(at: &str) -> App {
    let mut app = app_on("figures/budget.json", at);
    app.plan.currency = Some("EUR".into());
    app.plan
        .set_answer("users", Answer::answered(Value::Number(12.0)), fixed_now());
    app.refresh();
    let spot = app.current().map(|(s, _)| s.spot).unwrap();
    app.show_question(spot);
    app
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match message_for(app.context(), &KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(message) => update(app, message),
        None => Vec::new(),
    }
}

fn current_id(app: &App) -> String {
    app.current()
        .map(|(_, q)| q.id.to_string())
        .unwrap_or_default()
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn go_back_to(app: &mut App, id: &str) {
    while current_id(app) != id {
        update(app, Message::PrevQuestion);
    }
}

// ---------------------------------------------------------------------------------------
// 1. Enter alone answers nothing

#[test]
fn enter_on_an_unanswered_choice_question_records_nothing_and_goes_on() {
    let mut app = small("personal-data");
    assert_eq!(app.current().unwrap().0.highlight, None);
    let shown = screen(&mut app, 80, 24);
    assert!(
        !shown.contains("▸1 ") && !shown.contains("▸2 "),
        "nothing is highlighted on arrival: {shown}"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "outsourced", "Enter goes on");
    assert!(
        !app.plan.answers.contains_key("personal-data"),
        "Enter alone answers nothing: {:?}",
        app.plan.answers.get("personal-data")
    );
    // Space picks only a highlighted option: none yet, and it says which keys do.
    go_back_to(&mut app, "personal-data");
    assert_eq!(app.current().unwrap().0.highlight, None);
    assert_eq!(press(&mut app, KeyCode::Char(' ')), vec![]);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("↑ or ↓"))
    );
    // ↓ then Enter still answers, with the first option.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.current().unwrap().0.highlight, Some(0));
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(
        app.plan.answers["personal-data"].value,
        Some(Value::Text("yes".into()))
    );
}

#[test]
fn a_cleared_answer_is_not_picked_back_by_enter() {
    let mut app = small("personal-data");
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.current().unwrap().0.highlight, None);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "outsourced");
    let kept = app.plan.answers.get("personal-data");
    assert!(
        kept.is_none_or(|a| a.value.is_none()),
        "the cleared answer stays cleared: {kept:?}"
    );
}

#[test]
fn after_the_team_gives_positions_enter_leaves_the_plans_answer_unset() {
    let mut app = small("personal-data");
    update(&mut app, Message::OpenTeam);
    for c in "Ann, Ben".chars() {
        update(&mut app, Message::Type(c));
    }
    for message in [Message::Confirm, Message::Close, Message::OpenPositions] {
        update(&mut app, message);
    }
    for message in [Message::Pick(1), Message::Close, Message::Confirm] {
        update(&mut app, message);
    }
    assert_eq!(current_id(&app), "outsourced");
    assert!(
        app.plan
            .answers
            .get("personal-data")
            .is_none_or(|a| a.value.is_none()),
        "a position is not the plan's answer: {:?}",
        app.plan.answers.get("personal-data")
    );
}

// ---------------------------------------------------------------------------------------
// 2. The answer area before the budget worksheet

/// The fee question with `typed` typed (typing starts at once there).
fn fee_typed(typed: &str) -> App {
    let mut app = budget("fee");
    for c in typed.chars() {
        update(&mut app, Message::Type(c));
    }
    app
}

#[test]
fn at_the_smallest_size_the_amount_field_shows_before_the_worksheet() {
    let mut app = fee_typed("95");
    let shown = screen(&mut app, 60, 16);
    assert!(shown.contains("› 95"), "{shown}");
    assert!(shown.contains("I don't know yet"), "{shown}");
    assert!(!shown.contains("more below"), "{shown}");
    insta::assert_snapshot!("budget_amount_60x16", shown);
    // A refused entry's error line comes before the worksheet too.
    let mut app = fee_typed("$95");
    update(&mut app, Message::Confirm);
    let shown = screen(&mut app, 60, 16);
    assert!(shown.contains("› $95"), "{shown}");
    assert!(shown.contains("✗ Not saved"), "{shown}");
    assert!(!shown.contains("more below"), "{shown}");
}

#[test]
fn the_worksheet_takes_the_rows_the_question_leaves() {
    let mut app = fee_typed("95");
    let narrow = screen(&mut app, 80, 24);
    assert!(narrow.contains("› 95"), "{narrow}");
    assert!(narrow.contains("Budget worksheet"), "{narrow}");
    insta::assert_snapshot!("budget_amount_80x24", narrow);
    let wide = screen(&mut app, 120, 40);
    // The whole worksheet fits at 120x40: none of its figures is cut.
    assert!(!wide.contains("… more figures"), "{wide}");
    assert!(wide.contains("Three-year cost: not known yet"), "{wide}");
    assert!(wide.contains("still needed: Price-rise cap"), "{wide}");
    // A question with nothing to say why gives its rows to the worksheet, not to an
    // empty panel.
    assert!(!wide.contains("Why this matters"), "{wide}");
    insta::assert_snapshot!("budget_amount_120x40", wide);
}

#[test]
fn a_yes_no_budget_question_in_the_presenter_layout_keeps_its_options() {
    let mut app = budget("compared");
    app.present = true;
    for (width, height) in [(60, 16), (80, 24), (120, 40)] {
        let shown = screen(&mut app, width, height);
        assert!(shown.contains("1 ( ) Yes"), "{width}x{height}: {shown}");
        assert!(shown.contains("2 ( ) No"), "{width}x{height}: {shown}");
        assert!(!shown.contains("more below"), "{width}x{height}: {shown}");
        insta::assert_snapshot!(format!("budget_yes_no_presenter_{width}x{height}"), shown);
    }
}

// ---------------------------------------------------------------------------------------
// 3. The welcome's name field at 60x16

#[test]
fn the_welcome_keeps_its_name_field_at_60x16() {
    let loaded = load_file(&crate::support::small_questionnaire()).unwrap();
    let mut plan = Plan::new(&PlanName::new("new").unwrap(), &loaded, fixed_now());
    plan.name = String::new();
    let mut app = App::new(loaded, plan, true, Theme::monochrome());
    app.now = fixed_now;
    let shown = screen(&mut app, 60, 16);
    assert!(shown.contains("Name this plan"), "{shown}");
    assert!(shown.contains(" › "), "the field: {shown}");
    assert!(shown.contains("Team (optional)"), "{shown}");
    assert!(shown.contains("  …"), "the text cut says so: {shown}");
    insta::assert_snapshot!("welcome_60x16", shown);
}

// ---------------------------------------------------------------------------------------
// 4. The typing footer

#[test]
fn the_typing_footer_says_how_to_go_on_and_how_to_get_the_keys_back() {
    let mut app = budget("fee");
    let shown = screen(&mut app, 80, 24);
    let footer: Vec<&str> = shown.lines().rev().take(2).collect();
    let footer = footer.join("\n");
    assert!(footer.contains("↓ next question"), "{footer}");
    assert!(footer.contains("Esc keys back"), "{footer}");
    assert!(footer.contains("Enter save, next"), "{footer}");
}

#[test]
fn the_move_on_key_is_always_in_the_list_and_in_the_footer_only_when_time_is_up() {
    use outready::tui::keymap::{Context, Only, hints};
    let offered = |footer: bool, time_up: bool| {
        hints(
            Context::Question,
            |only| only != Only::TimeUp || time_up,
            footer,
        )
        .iter()
        .any(|b| b.message == Message::MoveOn)
    };
    assert!(offered(false, false), "the ? list names M always");
    assert!(
        !offered(true, false),
        "the footer leaves it out while time is left"
    );
    assert!(
        offered(true, true),
        "the footer offers it when the time is up"
    );
}
