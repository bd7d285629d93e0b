#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! The actions an owner owns, in the wizard, driven by real keys through the keymap: an
//! action of the owner's own with an owner and a due date, an action's words changed,
//! done on a gap asking whether to change the answer (the gap closes only when it
//! changes), and a find-out item for "I don't know yet" with an owner; plus the action
//! plan with an own action drawn at both standard sizes.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use outready::plan::{ActionStatus, Plan, PlanName};
use outready::questionnaire::load::load_file;
use outready::tui::app::{ActionField, App, Overlay, Screen};
use outready::tui::keymap::message_for;
use outready::tui::message::Effect;
use outready::tui::theme::Theme;
use outready::tui::update::update;
use outready::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().unwrap()
}

/// A plan named "Acme" through the welcome screen, on its first question.
fn started() -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    let loaded = load_file(&path).unwrap();
    let mut plan = Plan::new(&PlanName::new("new").unwrap(), &loaded, fixed_now());
    plan.name = String::new();
    let mut app = App::new(loaded, plan, true, Theme::monochrome());
    app.now = fixed_now;
    app.area = Rect::new(0, 0, 80, 24);
    type_keys(&mut app, "Acme");
    press(&mut app, KeyCode::Enter);
    app
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    match message_for(app.context(), &event) {
        Some(message) => update(app, message),
        None => Vec::new(),
    }
}

fn ch(app: &mut App, c: char) -> Vec<Effect> {
    press(app, KeyCode::Char(c))
}

fn type_keys(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

/// Puts the question with this id on screen.
fn open(app: &mut App, id: &str) {
    let (section, question) = app.questionnaire().locate(id).unwrap();
    app.show_question(outready::wizard::Spot { section, question });
}

fn field(app: &App) -> Option<ActionField> {
    match &app.overlay {
        Some(Overlay::ActionField { field, .. }) => Some(*field),
        _ => None,
    }
}

fn question_on_screen(app: &App) -> Option<String> {
    app.current().map(|(_, q)| q.id.to_string())
}

/// From a question with nothing to type, through the summary to the action plan.
fn to_actions(app: &mut App) {
    open(app, "personal-data");
    ch(app, 's');
    ch(app, 'a');
    assert!(matches!(app.screen, Screen::Actions(_)));
}

/// On the action plan, `n` adds "ask the bank about the card reader" with an owner and
/// a due date, asked one after the other.
fn add_own_action(app: &mut App) {
    assert!(matches!(app.screen, Screen::Actions(_)));
    ch(app, 'n');
    assert_eq!(field(app), Some(ActionField::New));
    type_keys(app, "ask the bank about the card reader");
    assert_eq!(press(app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(
        field(app),
        Some(ActionField::Owner),
        "the owner is asked next"
    );
    type_keys(app, "Sarah");
    assert_eq!(press(app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(field(app), Some(ActionField::Due), "then the due date");
    type_keys(app, "2026-04-30");
    assert_eq!(press(app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(app.overlay, None);
}

#[test]
fn an_own_action_is_added_with_an_owner_and_a_due_date() {
    let mut app = started();
    to_actions(&mut app);
    add_own_action(&mut app);
    let action = app.plan.actions.last().unwrap();
    assert!(action.is_own());
    assert_eq!(
        action.text.as_deref(),
        Some("ask the bank about the card reader")
    );
    assert_eq!(action.owner, "Sarah");
    assert_eq!(
        action.due.map(|d| d.to_string()).as_deref(),
        Some("2026-04-30")
    );
    assert!(matches!(&app.screen, Screen::Actions(s) if s.selected == app.plan.actions.len() - 1));
    assert_eq!(
        app.report().actions.last().unwrap().owner.as_deref(),
        Some("Sarah")
    );
}

#[test]
fn a_new_action_needs_words_and_esc_on_an_empty_one_adds_nothing() {
    let mut app = started();
    open(&mut app, "personal-data");
    ch(&mut app, 's');
    ch(&mut app, '+');
    assert_eq!(field(&app), None, "+ is not a key of the summary");
    ch(&mut app, 'a');
    ch(&mut app, '+');
    assert_eq!(field(&app), Some(ActionField::New));
    type_keys(&mut app, "  ");
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(
        matches!(
            &app.overlay,
            Some(Overlay::ActionField { error: Some(_), .. })
        ),
        "no words is refused, saying why"
    );
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(app.overlay, None);
    assert!(app.plan.actions.is_empty());
}

#[test]
fn t_changes_an_actions_words_and_empty_gives_the_recommendations_back() {
    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, '2'); // "No": a blocker with a recommendation.
    for key in ['s', 'g', '1', 'a'] {
        ch(&mut app, key);
    }
    let advice = app.report().actions[0].text.clone();
    ch(&mut app, 't');
    assert!(
        matches!(&app.overlay, Some(Overlay::ActionField { field: ActionField::Text, input, .. }) if input.text() == advice),
        "the words shown are offered to change: {:?}",
        app.overlay
    );
    press(&mut app, KeyCode::Home);
    for _ in 0..advice.chars().count() {
        press(&mut app, KeyCode::Delete);
    }
    type_keys(&mut app, "Write down the problem with Sam");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(
        app.plan.actions[0].text.as_deref(),
        Some("Write down the problem with Sam")
    );
    assert_eq!(
        app.report().actions[0].text,
        "Write down the problem with Sam"
    );
    ch(&mut app, 't');
    press(&mut app, KeyCode::Home);
    for _ in 0..40 {
        press(&mut app, KeyCode::Delete);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.actions[0].text, None);
    assert_eq!(app.report().actions[0].text, advice);
}

#[test]
fn done_on_a_gap_asks_to_change_the_answer_and_the_gap_closes_only_when_it_changes() {
    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, '2');
    for key in ['s', 'g', '1', 'a'] {
        ch(&mut app, key);
    }
    ch(&mut app, ' ');
    assert_eq!(app.overlay, None, "in progress asks nothing");
    assert_eq!(ch(&mut app, ' '), vec![Effect::SavePlan]);
    assert_eq!(app.plan.actions[0].status, ActionStatus::Done);
    assert_eq!(
        app.overlay,
        Some(Overlay::UpdateAnswer {
            question: "problem".into()
        })
    );
    assert!(app.report().gaps.iter().any(|g| g.question_id == "problem"));
    // Esc keeps the list, and the gap stays open.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert!(matches!(app.screen, Screen::Actions(_)));
    assert!(app.report().gaps.iter().any(|g| g.question_id == "problem"));
    // Round again to done: Enter opens the question, and the new answer closes the gap.
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    assert!(matches!(app.overlay, Some(Overlay::UpdateAnswer { .. })));
    press(&mut app, KeyCode::Enter);
    assert_eq!(question_on_screen(&app).as_deref(), Some("problem"));
    assert!(app.report().gaps.iter().any(|g| g.question_id == "problem"));
    ch(&mut app, '1'); // "Yes"
    assert!(!app.report().gaps.iter().any(|g| g.question_id == "problem"));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Actions(_)), "back to the list");
}

#[test]
fn an_own_action_done_asks_nothing() {
    let mut app = started();
    to_actions(&mut app);
    add_own_action(&mut app);
    ch(&mut app, ' ');
    ch(&mut app, ' ');
    assert_eq!(app.plan.actions[0].status, ActionStatus::Done);
    assert_eq!(app.overlay, None);
}

#[test]
fn a_gap_not_known_yet_becomes_a_find_out_item_with_an_owner_and_a_due_date() {
    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, '2');
    open(&mut app, "personal-data");
    ch(&mut app, '1'); // "Yes" shows the question about a data processing agreement.
    open(&mut app, "dpa");
    ch(&mut app, 'u');
    ch(&mut app, 's');
    ch(&mut app, 'g');
    let unsure = app
        .report()
        .gaps
        .iter()
        .position(|g| g.question_id == "dpa")
        .unwrap();
    assert!(app.report().gaps[unsure].unsure);
    // A known answer is no find-out item.
    assert!(ch(&mut app, 'f').is_empty());
    assert!(app.plan.actions.is_empty() && app.overlay.is_none());
    for _ in 0..unsure {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(ch(&mut app, 'f'), vec![Effect::SavePlan]);
    assert!(app.plan.actions[0].find_out);
    assert_eq!(field(&app), Some(ActionField::Owner));
    type_keys(&mut app, "Sam");
    press(&mut app, KeyCode::Enter);
    assert_eq!(field(&app), Some(ActionField::Due));
    type_keys(&mut app, "2026-03-20");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(app.plan.actions[0].owner, "Sam");
    assert_eq!(
        app.plan.actions[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-03-20")
    );
    assert!(app.report().actions[0].text.starts_with("Find out: "));
    // Once: pressed again, the item is not added twice.
    ch(&mut app, 'f');
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.plan.actions.len(), 1);
}

#[test]
fn the_action_plan_with_an_own_action() {
    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, '2');
    for key in ['s', 'g', '1', 'a'] {
        ch(&mut app, key);
    }
    add_own_action(&mut app);
    for (width, height) in [(80, 24), (120, 40)] {
        app.area = Rect::new(0, 0, width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| view::draw(&app, frame)).unwrap();
        insta::assert_snapshot!(
            format!("own_action_{width}x{height}"),
            terminal.backend().to_string()
        );
    }
}
