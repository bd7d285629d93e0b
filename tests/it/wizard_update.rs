//! The wizard's logic without a terminal: an `App` on the small fixture questionnaire,
//! driven by messages and by real key events through the keymap, with the state and
//! effects checked after each step (naming, every question type, navigation, unsure and
//! not applicable, notes and flags, conditions, review, quitting, resuming, mouse).

use std::path::Path;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use jiff::Timestamp;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::{Plan, PlanName};
use outready::questionnaire::Loaded;
use outready::questionnaire::load::load_file;
use outready::tui::app::{App, Overlay, ReviewFilter, Screen};
use outready::tui::keymap::{Context, message_for};
use outready::tui::layout::{self, Target};
use outready::tui::message::{Effect, Message};
use outready::tui::theme::Theme;
use outready::tui::to_message;
use outready::tui::update::update;
use outready::tui::view::AppView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

// ---------------------------------------------------------------------------------------
// Building and driving the app

fn loaded() -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    load_file(&path).expect("the small fixture loads")
}

/// The clock every test runs on, so answers carry a known time.
fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().expect("a timestamp")
}

fn prepare(mut app: App) -> App {
    app.now = fixed_now;
    app.area = Rect::new(0, 0, 80, 24);
    app
}

/// A plan nobody has named yet: the welcome screen, as a first run shows it.
fn welcome() -> App {
    let loaded = loaded();
    let name = PlanName::new("new").expect("a plan name");
    let mut plan = Plan::new(&name, &loaded, fixed_now());
    plan.name = String::new();
    prepare(App::new(loaded, plan, true, Theme::monochrome()))
}

/// A plan named "Acme" through the welcome screen, on its first question.
fn started() -> App {
    let mut app = welcome();
    type_keys(&mut app, "Acme");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    app
}

/// A saved plan opened again (not new), landing where it left off.
fn reopened(plan: Plan) -> App {
    prepare(App::new(loaded(), plan, false, Theme::monochrome()))
}

fn send(app: &mut App, message: Message) -> Vec<Effect> {
    update(app, message)
}

/// A key event as the terminal reports it, through the keymap into `update`. A key the
/// keymap ignores changes nothing.
fn key(app: &mut App, event: KeyEvent) -> Vec<Effect> {
    match message_for(app.context(), &event) {
        Some(message) => update(app, message),
        None => Vec::new(),
    }
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    key(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(app: &mut App, c: char) -> Vec<Effect> {
    press(app, KeyCode::Char(c))
}

fn ctrl_c(app: &mut App) -> Vec<Effect> {
    key(
        app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    )
}

fn type_keys(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

/// Puts the question with this id on screen (for setting up a case).
fn open(app: &mut App, id: &str) {
    let (section, question) = app.questionnaire().locate(id).expect("a question id");
    app.show_question(outready::wizard::Spot { section, question });
    assert_eq!(current_id(app), id);
}

/// The id of the question on screen; panics on another screen.
fn current_id(app: &App) -> String {
    match app.current() {
        Some((_, question)) => question.id.to_string(),
        None => panic!("not on a question screen: {:?}", app.screen),
    }
}

fn answer<'a>(app: &'a App, id: &str) -> Option<&'a Answer> {
    app.plan.answers.get(id)
}

fn value(app: &App, id: &str) -> Option<Value> {
    answer(app, id).and_then(|a| a.given_value().cloned())
}

fn text(v: &str) -> Option<Value> {
    Some(Value::Text(v.to_string()))
}

fn list(values: &[&str]) -> Option<Value> {
    Some(Value::List(values.iter().map(|v| v.to_string()).collect()))
}

fn field_text(app: &App) -> String {
    let (state, _) = app.current().expect("a question on screen");
    let field = state.field.as_ref().expect("a typed question");
    field.text().to_string()
}

fn field_error(app: &App) -> Option<String> {
    app.current()
        .expect("a question on screen")
        .0
        .field_error
        .as_ref()
        .map(|e| e.to_string())
}

fn typing(app: &App) -> bool {
    app.current().expect("a question on screen").0.typing
}

fn status(app: &App) -> (String, bool) {
    let status = app.status.as_ref().expect("a status line");
    (status.text.clone(), status.is_error)
}

fn shown_ids(app: &App) -> Vec<String> {
    app.flow
        .shown()
        .iter()
        .filter_map(|s| app.question_at(*s).map(|q| q.id.to_string()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Welcome: naming the plan

#[test]
fn welcome_refuses_a_name_that_cannot_be_a_plan_and_says_why() {
    let too_long = "x".repeat(81);
    for (typed, says) in [
        ("", "cannot be empty"),
        ("   ", "cannot be empty"),
        ("!!!", "at least one letter or digit"),
        (too_long.as_str(), "at most 80 characters"),
    ] {
        let mut app = welcome();
        send(&mut app, Message::Paste(typed.to_string()));
        let effects = press(&mut app, KeyCode::Enter);
        assert_eq!(effects, vec![], "{typed:?} must not start a plan");
        let Screen::Welcome(state) = &app.screen else {
            panic!("{typed:?} left the welcome screen");
        };
        let error = state.error.as_deref().unwrap_or_default();
        assert!(error.contains(says), "{typed:?}: {error}");
        assert!(!app.saved_once, "{typed:?} must not create a file");
        // Typing again clears the complaint.
        ch(&mut app, 'a');
        let Screen::Welcome(state) = &app.screen else {
            panic!()
        };
        assert_eq!(state.error, None);
    }
}

#[test]
fn welcome_refuses_the_name_of_a_plan_that_exists() {
    let mut app = welcome();
    app.taken
        .insert("acme-ltd".to_string(), "Acme Ltd".to_string());
    type_keys(&mut app, "ACME Ltd");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    let Screen::Welcome(state) = &app.screen else {
        panic!("a taken name started a plan");
    };
    assert!(
        // Named by the plan it matched, as that plan spells itself.
        state
            .error
            .as_deref()
            .unwrap()
            .contains("A plan called \"Acme Ltd\" already exists"),
        "{:?}",
        state.error
    );
    assert!(!app.saved_once);
    assert_eq!(app.plan.name, "");
}

#[test]
fn welcome_takes_every_letter_as_text_and_enter_starts_the_plan() {
    let mut app = welcome();
    assert_eq!(app.context(), Context::Welcome);
    // Letters that are commands elsewhere are part of the name here.
    type_keys(&mut app, "quick fix");
    press(&mut app, KeyCode::Backspace);
    type_keys(&mut app, "x GmbH");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::SavePlan]);
    assert_eq!(app.plan.name, "quick fix GmbH");
    assert!(app.saved_once);
    assert_eq!(current_id(&app), "staff");
    assert_eq!(app.plan.position.question.as_deref(), Some("staff"));
    let (said, is_error) = status(&app);
    assert!(said.contains("quick fix GmbH") && !is_error, "{said}");
}

#[test]
fn leaving_the_welcome_screen_unnamed_writes_no_file() {
    for leave in [
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    ] {
        let mut app = welcome();
        assert_eq!(key(&mut app, leave), vec![Effect::Quit], "{leave:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Answering each kind of question

#[test]
fn a_number_is_typed_at_once_and_enter_saves_it_and_moves_on() {
    let mut app = started();
    assert!(
        typing(&app),
        "an unanswered number question starts in its field"
    );
    assert_eq!(app.context(), Context::Typing);
    type_keys(&mut app, "12");
    assert_eq!(field_error(&app), None);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(value(&app, "staff"), Some(Value::Number(12.0)));
    assert_eq!(answer(&app, "staff").unwrap().changed, Some(fixed_now()));
    assert_eq!(app.plan.updated, fixed_now());
    assert_eq!(current_id(&app), "personal-data");
    // Back on it, the field holds the answer and keys are commands until e.
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "staff");
    assert_eq!(field_text(&app), "12");
    assert!(!typing(&app));
    ch(&mut app, 'e');
    assert!(typing(&app));
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    assert_eq!(value(&app, "staff"), Some(Value::Number(1.0)));
}

#[test]
fn a_digit_on_a_settled_typed_question_starts_typing_with_it() {
    let mut app = started();
    type_keys(&mut app, "12");
    press(&mut app, KeyCode::Esc);
    assert!(!typing(&app));
    assert_eq!(value(&app, "staff"), Some(Value::Number(12.0)), "Esc saves");
    ch(&mut app, 'c');
    assert_eq!(
        answer(&app, "staff").unwrap().state,
        AnswerState::Unanswered
    );
    ch(&mut app, '7');
    assert!(typing(&app));
    assert_eq!(field_text(&app), "7");
}

#[test]
fn a_bad_number_is_explained_in_place_kept_as_a_draft_and_never_blocks_moving() {
    for (typed, says) in [
        ("abc", "is not a number"),
        ("0", "smallest accepted value is 1"),
        ("5000", "largest accepted value is 1000"),
    ] {
        let mut app = started();
        type_keys(&mut app, typed);
        let error = field_error(&app).unwrap_or_default();
        assert!(error.contains(says), "{typed}: {error}");

        // Enter does not accept it and stays.
        assert_eq!(press(&mut app, KeyCode::Enter), vec![], "{typed}");
        assert_eq!(current_id(&app), "staff");
        assert!(status(&app).1, "{typed}: Enter on a bad entry warns");
        assert_eq!(answer(&app, "staff"), None);

        // Moving on is never blocked; what was typed waits as a draft.
        let effects = press(&mut app, KeyCode::Down);
        assert_eq!(current_id(&app), "personal-data", "{typed}");
        assert_eq!(effects, vec![Effect::SavePlan], "{typed}");
        let (said, is_error) = status(&app);
        assert!(
            is_error && said.contains("kept for when you come back"),
            "{said}"
        );
        assert_eq!(app.drafts.get("staff").map(String::as_str), Some(typed));
        assert_eq!(answer(&app, "staff"), None, "{typed} was saved");

        // Coming back brings the draft and its explanation back.
        press(&mut app, KeyCode::Left);
        assert_eq!(current_id(&app), "staff");
        assert_eq!(field_text(&app), typed);
        assert!(field_error(&app).unwrap_or_default().contains(says));

        // Still unanswered, so the field has the keys; fixing it saves it and forgets
        // the draft.
        assert!(typing(&app));
        for _ in typed.chars() {
            press(&mut app, KeyCode::Backspace);
        }
        type_keys(&mut app, "8");
        press(&mut app, KeyCode::Enter);
        assert_eq!(value(&app, "staff"), Some(Value::Number(8.0)));
        assert!(app.drafts.is_empty());
    }
}

#[test]
fn yes_no_digits_pick_without_moving_and_enter_moves_on() {
    let mut app = started();
    open(&mut app, "personal-data");
    assert_eq!(app.context(), Context::Question);
    assert_eq!(ch(&mut app, '2'), vec![Effect::SavePlan]);
    assert_eq!(value(&app, "personal-data"), text("no"));
    assert_eq!(current_id(&app), "personal-data");
    assert_eq!(app.current().unwrap().0.highlight, Some(1));
    // A digit past the options is explained, not taken.
    assert_eq!(ch(&mut app, '5'), vec![]);
    assert!(status(&app).0.contains("pick 1 to 2"));
    assert_eq!(value(&app, "personal-data"), text("no"));
    ch(&mut app, '1');
    assert_eq!(value(&app, "personal-data"), text("yes"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "outsourced");
}

#[test]
fn multi_toggles_with_digits_and_space_and_enter_does_not_toggle() {
    let mut app = started();
    open(&mut app, "outsourced");
    ch(&mut app, '3');
    ch(&mut app, '1');
    assert_eq!(value(&app, "outsourced"), list(&["support", "project"]));
    ch(&mut app, '3');
    assert_eq!(value(&app, "outsourced"), list(&["support"]));
    // Space toggles the highlighted option.
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    ch(&mut app, 'k');
    assert_eq!(app.current().unwrap().0.highlight, Some(1));
    assert_eq!(ch(&mut app, ' '), vec![Effect::SavePlan]);
    assert_eq!(value(&app, "outsourced"), list(&["support", "hosting"]));
    // Enter confirms the set as it is and moves on.
    press(&mut app, KeyCode::Enter);
    assert_eq!(value(&app, "outsourced"), list(&["support", "hosting"]));
    assert_eq!(current_id(&app), "problem");
    // Untoggling the last one leaves the question unanswered.
    open(&mut app, "outsourced");
    ch(&mut app, '1');
    ch(&mut app, '2');
    assert_eq!(
        answer(&app, "outsourced").unwrap().state,
        AnswerState::Unanswered
    );
}

#[test]
fn enter_on_a_highlighted_option_picks_it_and_moves_on() {
    // Nothing is highlighted on arrival: the first ↓ highlights the first option.
    for (id, downs, expected, next) in [
        ("personal-data", 2, "no", "outsourced"),
        ("problem", 1, "yes", "outcomes"),
        ("outcomes", 3, "2", "reason"),
        ("reason", 3, "quality", "decision-date"),
    ] {
        let mut app = started();
        open(&mut app, id);
        for _ in 0..downs {
            press(&mut app, KeyCode::Down);
        }
        assert_eq!(answer(&app, id), None, "arrows alone must not answer {id}");
        assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
        assert_eq!(value(&app, id), text(expected), "{id}");
        assert_eq!(current_id(&app), next, "{id}");
    }
}

#[test]
fn the_highlight_stays_within_the_options() {
    let mut app = started();
    open(&mut app, "reason");
    ch(&mut app, 'k');
    assert_eq!(app.current().unwrap().0.highlight, Some(0));
    for _ in 0..5 {
        ch(&mut app, 'j');
    }
    assert_eq!(app.current().unwrap().0.highlight, Some(2));
    // Coming back to an answered question highlights its answer.
    ch(&mut app, '2');
    open(&mut app, "staff");
    open(&mut app, "reason");
    assert_eq!(app.current().unwrap().0.highlight, Some(1));
}

#[test]
fn typed_kinds_accept_what_people_type_and_explain_what_they_do_not() {
    for (id, typed, accepted) in [
        ("decision-date", "2027-03-31", Ok(text("2027-03-31"))),
        ("decision-date", "31/03/2027", Err("is not a date")),
        ("decision-date", "2027-02-30", Err("is not a date")),
        ("budget", "1,500.50", Ok(Some(Value::Number(1500.5)))),
        ("budget", "-3", Err("cannot be negative")),
        ("budget-owner", "  Jane  ", Ok(text("Jane"))),
    ] {
        let mut app = started();
        open(&mut app, id);
        assert!(typing(&app), "{id}");
        type_keys(&mut app, typed);
        press(&mut app, KeyCode::Enter);
        match accepted {
            Ok(expected) => {
                assert_eq!(value(&app, id), expected, "{id} {typed:?}");
                assert_ne!(current_id_or_screen(&app), id, "{id} did not move on");
            }
            Err(says) => {
                assert_eq!(current_id(&app), id, "{typed:?}");
                assert_eq!(answer(&app, id), None, "{typed:?}");
                let error = field_error(&app).unwrap_or_default();
                assert!(error.contains(says), "{typed:?}: {error}");
            }
        }
    }
}

fn current_id_or_screen(app: &App) -> String {
    app.current()
        .map_or_else(|| format!("{:?}", app.screen), |(_, q)| q.id.to_string())
}

#[test]
fn long_text_enter_starts_a_line_and_tab_saves_and_moves_on() {
    let mut app = started();
    open(&mut app, "cost-notes");
    assert_eq!(app.context(), Context::TypingLong);
    type_keys(&mut app, "Licences renew in May.");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    type_keys(&mut app, "Ask about exit fees.");
    assert_eq!(current_id(&app), "cost-notes", "Enter must not leave");
    assert_eq!(answer(&app, "cost-notes"), None, "Enter must not save");
    // Up and Down move between lines, not questions.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::End);
    ch(&mut app, '!');
    press(&mut app, KeyCode::Down);
    assert_eq!(current_id(&app), "cost-notes");
    assert_eq!(press(&mut app, KeyCode::Tab), vec![Effect::SavePlan]);
    assert_eq!(
        value(&app, "cost-notes"),
        text("Licences renew in May.!\nAsk about exit fees.")
    );
    assert_eq!(current_id(&app), "budget-owner");
}

#[test]
fn a_paste_goes_into_the_field_one_line_or_many() {
    let mut app = started();
    open(&mut app, "budget-owner");
    send(&mut app, Message::Paste("Jane\r\nDoe".into()));
    assert_eq!(field_text(&app), "Jane Doe", "a one-line field gets spaces");
    open(&mut app, "cost-notes");
    send(&mut app, Message::Paste("one\r\ntwo".into()));
    assert_eq!(field_text(&app), "one\ntwo");
    press(&mut app, KeyCode::Tab);
    assert_eq!(value(&app, "cost-notes"), text("one\ntwo"));
    // A paste into a number is checked like typing.
    open(&mut app, "staff");
    send(&mut app, Message::Paste("twelve".into()));
    assert!(field_error(&app).unwrap().contains("is not a number"));
}

// ---------------------------------------------------------------------------------------
// Moving around

#[test]
fn back_next_and_sections_go_where_they_should_and_skip_hidden_questions() {
    for (from, code, to) in [
        ("personal-data", KeyCode::Right, "outsourced"),
        ("personal-data", KeyCode::Char('l'), "outsourced"),
        ("personal-data", KeyCode::Tab, "outsourced"),
        ("outsourced", KeyCode::Left, "personal-data"),
        ("outsourced", KeyCode::Char('h'), "personal-data"),
        ("outsourced", KeyCode::BackTab, "personal-data"),
        ("outsourced", KeyCode::Right, "problem"),
        ("problem", KeyCode::Left, "outsourced"),
        // contingency and dpa are hidden until their conditions hold.
        ("budget", KeyCode::Right, "cost-notes"),
        ("cost-notes", KeyCode::BackTab, "budget"),
        ("personal-data", KeyCode::Char(']'), "problem"),
        ("personal-data", KeyCode::PageDown, "problem"),
        ("problem", KeyCode::Char(']'), "budget"),
        ("outcomes", KeyCode::Char('['), "problem"),
        ("problem", KeyCode::Char('['), "staff"),
        ("budget-owner", KeyCode::PageUp, "budget"),
        ("budget", KeyCode::PageUp, "problem"),
    ] {
        let mut app = started();
        open(&mut app, from);
        press(&mut app, KeyCode::Esc);
        press(&mut app, code);
        assert_eq!(current_id(&app), to, "{code:?} from {from}");
        assert_eq!(
            app.plan.position.question.as_deref(),
            Some(to),
            "the saved position follows"
        );
    }
}

#[test]
fn typing_keys_move_between_questions_too() {
    for (from, code, to) in [
        ("staff", KeyCode::Down, "personal-data"),
        ("staff", KeyCode::PageDown, "problem"),
        ("decision-date", KeyCode::Up, "reason"),
        ("decision-date", KeyCode::BackTab, "reason"),
        ("decision-date", KeyCode::PageUp, "problem"),
        ("cost-notes", KeyCode::BackTab, "budget"),
        ("cost-notes", KeyCode::PageDown, "cost-notes"),
    ] {
        let mut app = started();
        open(&mut app, from);
        assert!(typing(&app), "{from}");
        press(&mut app, code);
        assert_eq!(current_id(&app), to, "{code:?} from {from}");
    }
}

#[test]
fn the_ends_of_the_questionnaire_are_said_not_crossed() {
    let mut app = started();
    press(&mut app, KeyCode::Esc);
    assert_eq!(press(&mut app, KeyCode::Left), vec![]);
    assert_eq!(current_id(&app), "staff");
    assert!(status(&app).0.contains("first question"));
    open(&mut app, "budget");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(current_id(&app), "budget");
    assert!(status(&app).0.contains("last section"));
}

#[test]
fn the_last_question_moves_to_the_summary() {
    let mut app = started();
    open(&mut app, "budget-owner");
    type_keys(&mut app, "Jane");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert!(matches!(app.screen, Screen::Summary(_)), "{:?}", app.screen);
    assert_eq!(value(&app, "budget-owner"), text("Jane"));
    let (said, _) = status(&app);
    assert!(
        said.contains("last question") && said.contains("9 still open"),
        "{said}"
    );
    // Esc goes back to where we were.
    press(&mut app, KeyCode::Esc);
    assert_eq!(current_id(&app), "budget-owner");
    // Next from the last question goes to the summary as well.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Right);
    assert!(matches!(app.screen, Screen::Summary(_)));
}

#[test]
fn go_to_section_picks_a_section_and_jumps_to_its_first_question() {
    let mut app = started();
    open(&mut app, "personal-data");
    ch(&mut app, 'g');
    assert_eq!(app.overlay, Some(Overlay::Jump { selected: 0 }));
    assert_eq!(app.context(), Context::Jump);
    ch(&mut app, 'j');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(
        app.overlay,
        Some(Overlay::Jump { selected: 2 }),
        "stops at the end"
    );
    press(&mut app, KeyCode::Up);
    assert_eq!(app.overlay, Some(Overlay::Jump { selected: 1 }));
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(app.overlay, None);
    assert_eq!(current_id(&app), "problem");
    // Esc (or g again) closes it where we are.
    for close in [KeyCode::Esc, KeyCode::Char('g')] {
        ch(&mut app, 'g');
        ch(&mut app, 'j');
        assert_eq!(press(&mut app, close), vec![]);
        assert_eq!(app.overlay, None);
        assert_eq!(current_id(&app), "problem");
    }
}

#[test]
fn going_to_a_section_while_typing_a_bad_entry_keeps_it_as_a_draft() {
    let mut app = started();
    type_keys(&mut app, "lots");
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'g');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "problem");
    assert_eq!(app.drafts.get("staff").map(String::as_str), Some("lots"));
}

// ---------------------------------------------------------------------------------------
// Unsure, not applicable, discuss, notes

#[test]
fn unsure_puts_the_answer_aside_and_gives_it_back() {
    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, '1');
    assert_eq!(ch(&mut app, 'u'), vec![Effect::SavePlan]);
    let a = answer(&app, "problem").unwrap();
    assert_eq!(a.state, AnswerState::Unsure);
    assert_eq!(a.given_value(), None);
    ch(&mut app, 'u');
    let a = answer(&app, "problem").unwrap();
    assert_eq!(
        (a.state, a.given_value()),
        (AnswerState::Answered, Some(&Value::Text("yes".into())))
    );
    // Unsure with nothing given goes back to unanswered.
    open(&mut app, "outcomes");
    ch(&mut app, 'u');
    assert_eq!(answer(&app, "outcomes").unwrap().state, AnswerState::Unsure);
    ch(&mut app, 'u');
    assert_eq!(
        answer(&app, "outcomes").unwrap().state,
        AnswerState::Unanswered
    );
}

#[test]
fn unsure_is_refused_where_the_question_does_not_offer_it() {
    let mut app = started();
    type_keys(&mut app, "5");
    press(&mut app, KeyCode::Esc);
    assert_eq!(ch(&mut app, 'u'), vec![]);
    let (said, is_error) = status(&app);
    assert!(is_error && said.contains("not offered"), "{said}");
    assert_eq!(value(&app, "staff"), Some(Value::Number(5.0)));
}

#[test]
fn not_applicable_only_where_the_question_allows_it() {
    let mut app = started();
    open(&mut app, "decision-date");
    press(&mut app, KeyCode::Esc);
    assert_eq!(ch(&mut app, 'x'), vec![Effect::SavePlan]);
    assert_eq!(
        answer(&app, "decision-date").unwrap().state,
        AnswerState::NotApplicable
    );
    ch(&mut app, 'x');
    assert_eq!(
        answer(&app, "decision-date").unwrap().state,
        AnswerState::Unanswered
    );

    open(&mut app, "problem");
    ch(&mut app, '2');
    assert_eq!(ch(&mut app, 'x'), vec![]);
    let (said, is_error) = status(&app);
    assert!(
        is_error && said.contains("cannot be marked not applicable"),
        "{said}"
    );
    assert_eq!(value(&app, "problem"), text("no"));
}

#[test]
fn discuss_later_is_a_flag_beside_the_answer() {
    let mut app = started();
    open(&mut app, "reason");
    assert_eq!(ch(&mut app, 'f'), vec![Effect::SavePlan]);
    let a = answer(&app, "reason").unwrap();
    assert!(a.discuss);
    assert_eq!(a.state, AnswerState::Unanswered, "a flag is not an answer");
    ch(&mut app, '3');
    assert!(
        answer(&app, "reason").unwrap().discuss,
        "answering keeps the flag"
    );
    ch(&mut app, 'f');
    assert!(!answer(&app, "reason").unwrap().discuss);
    assert_eq!(value(&app, "reason"), text("quality"));
}

#[test]
fn the_note_is_kept_whether_closed_with_enter_or_esc() {
    for close in [KeyCode::Enter, KeyCode::Esc] {
        let mut app = started();
        open(&mut app, "problem");
        ch(&mut app, 'n');
        assert_eq!(app.context(), Context::Note);
        // Letters that are commands elsewhere are text in the note.
        type_keys(&mut app, "Ask Sam");
        assert_eq!(press(&mut app, close), vec![Effect::SavePlan], "{close:?}");
        assert_eq!(app.overlay, None);
        assert_eq!(
            answer(&app, "problem").unwrap().note.as_deref(),
            Some("Ask Sam"),
            "{close:?}"
        );
        assert_eq!(status(&app).0, "Note saved.");
        assert_eq!(current_id(&app), "problem");

        // Opened again, it holds the note to go on with.
        ch(&mut app, 'n');
        assert_eq!(app.overlay, Some(note_overlay("Ask Sam")));
        type_keys(&mut app, " (q?)");
        press(&mut app, close);
        assert_eq!(
            answer(&app, "problem").unwrap().note.as_deref(),
            Some("Ask Sam (q?)")
        );
        assert_eq!(
            answer(&app, "problem").unwrap().state,
            AnswerState::Unanswered
        );
    }
}

fn note_overlay(text: &str) -> Overlay {
    Overlay::Note(outready::tui::widgets::text_input::TextInput::multi(text))
}

#[test]
fn an_emptied_note_is_removed() {
    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, 'n');
    type_keys(&mut app, "ab");
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'n');
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "problem").unwrap().note, None);
}

// ---------------------------------------------------------------------------------------
// Conditions

#[test]
fn a_yes_adds_a_follow_up_and_a_no_hides_it_keeping_its_answer() {
    let mut app = started();
    open(&mut app, "personal-data");
    assert!(!shown_ids(&app).contains(&"dpa".to_string()));
    ch(&mut app, '1');
    assert!(shown_ids(&app).contains(&"dpa".to_string()));
    let notice = app.current().unwrap().0.notice.clone().unwrap_or_default();
    assert!(notice.contains("added 1 follow-up question"), "{notice}");
    // The notice stays in view after moving on.
    press(&mut app, KeyCode::Enter);
    assert!(status(&app).0.contains("added 1 follow-up question"));

    // Answer the follow-up: it comes right after budget.
    open(&mut app, "budget");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Right);
    assert_eq!(current_id(&app), "dpa");
    ch(&mut app, '1');
    assert_eq!(value(&app, "dpa"), text("yes"));

    open(&mut app, "personal-data");
    ch(&mut app, '2');
    assert!(!shown_ids(&app).contains(&"dpa".to_string()));
    let notice = app.current().unwrap().0.notice.clone().unwrap_or_default();
    assert!(notice.contains("set aside 1 question"), "{notice}");
    assert_eq!(value(&app, "dpa"), text("yes"), "a hidden answer is kept");
    // And it comes back with its answer when the condition holds again.
    ch(&mut app, '1');
    assert!(shown_ids(&app).contains(&"dpa".to_string()));
    assert_eq!(value(&app, "dpa"), text("yes"));
}

#[test]
fn a_multi_option_adds_its_follow_up() {
    let mut app = started();
    open(&mut app, "outsourced");
    ch(&mut app, '2');
    assert!(!shown_ids(&app).contains(&"contingency".to_string()));
    ch(&mut app, '1');
    assert!(shown_ids(&app).contains(&"contingency".to_string()));
    ch(&mut app, '1');
    assert!(!shown_ids(&app).contains(&"contingency".to_string()));
}

// ---------------------------------------------------------------------------------------
// Review

#[test]
fn review_cycles_its_filters_with_tab_and_enter_opens_the_question() {
    let mut app = started();
    type_keys(&mut app, "10");
    press(&mut app, KeyCode::Enter);
    ch(&mut app, '1'); // personal-data: yes (adds dpa)
    open(&mut app, "reason");
    ch(&mut app, 'f');
    open(&mut app, "outcomes");
    ch(&mut app, 'u');

    assert_eq!(
        ch(&mut app, 'r'),
        vec![],
        "nothing changed, nothing to save"
    );
    let Screen::Review(state) = &app.screen else {
        panic!("r did not open the review: {:?}", app.screen)
    };
    assert_eq!(state.filter, ReviewFilter::All);
    // The review opens on the question we came from.
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "outcomes");

    ch(&mut app, 'r');
    let filters: Vec<ReviewFilter> = (0..3)
        .map(|_| {
            press(&mut app, KeyCode::Tab);
            match &app.screen {
                Screen::Review(state) => state.filter,
                other => panic!("{other:?}"),
            }
        })
        .collect();
    assert_eq!(
        filters,
        vec![ReviewFilter::Open, ReviewFilter::Discuss, ReviewFilter::All]
    );

    // Open: everything unanswered or unsure, in order; Enter on the second opens it.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(current_id(&app), "problem");
    // The review opens again under the filter it was left with.
    ch(&mut app, 'r');
    let Screen::Review(state) = &app.screen else {
        panic!("r did not open the review: {:?}", app.screen)
    };
    assert_eq!(state.filter, ReviewFilter::Open);
    press(&mut app, KeyCode::Tab);
    // Discuss: only the flagged one.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "reason");
}

#[test]
fn review_esc_goes_back_to_the_question_and_an_empty_list_opens_nothing() {
    let mut app = started();
    open(&mut app, "outcomes");
    ch(&mut app, 'r');
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab); // discuss: nothing flagged
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    assert!(matches!(app.screen, Screen::Review(_)));
    assert!(status(&app).0.contains("Tab"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(current_id(&app), "outcomes");
}

// ---------------------------------------------------------------------------------------
// Help, quitting, signals, resuming, small windows

#[test]
fn help_opens_over_any_screen_and_esc_closes_it() {
    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, '?');
    assert_eq!(app.overlay, Some(Overlay::Help));
    assert_eq!(app.context(), Context::Help);
    ch(&mut app, '1');
    assert_eq!(
        answer(&app, "problem"),
        None,
        "keys do not reach the question"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    // While typing, ? is text and F1 opens help.
    open(&mut app, "budget-owner");
    ch(&mut app, '?');
    assert_eq!(app.overlay, None);
    assert_eq!(field_text(&app), "?");
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.overlay, Some(Overlay::Help));
}

#[test]
fn q_saves_and_quits_outside_text_fields_and_types_inside_them() {
    let mut app = started();
    open(&mut app, "problem");
    assert_eq!(ch(&mut app, 'q'), vec![Effect::SavePlan, Effect::Quit]);

    let mut app = started();
    open(&mut app, "budget-owner");
    assert_eq!(ch(&mut app, 'q'), vec![]);
    assert_eq!(field_text(&app), "q");

    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, 'n');
    assert_eq!(ch(&mut app, 'q'), vec![]);
    assert_eq!(app.overlay, Some(note_overlay("q")));

    for screen in ['r', 's'] {
        let mut app = started();
        press(&mut app, KeyCode::Esc);
        ch(&mut app, screen);
        assert_eq!(
            ch(&mut app, 'q'),
            vec![Effect::SavePlan, Effect::Quit],
            "{screen}"
        );
    }
}

#[test]
fn ctrl_c_saves_and_quits_everywhere_keeping_what_was_typed() {
    // On every screen and overlay.
    type Setup = (&'static str, fn(&mut App));
    let setups: [Setup; 7] = [
        ("question", |app| open(app, "problem")),
        ("typing", |app| open(app, "budget-owner")),
        ("long text", |app| open(app, "cost-notes")),
        ("note", |app| {
            open(app, "problem");
            ch(app, 'n');
        }),
        ("jump", |app| {
            open(app, "problem");
            ch(app, 'g');
        }),
        ("help", |app| {
            open(app, "problem");
            ch(app, '?');
        }),
        ("review", |app| {
            open(app, "problem");
            ch(app, 'r');
        }),
    ];
    for (name, setup) in setups {
        let mut app = started();
        setup(&mut app);
        assert_eq!(
            ctrl_c(&mut app),
            vec![Effect::SavePlan, Effect::Quit],
            "{name}"
        );
    }

    // A valid entry being typed is saved first.
    let mut app = started();
    type_keys(&mut app, "42");
    assert_eq!(ctrl_c(&mut app), vec![Effect::SavePlan, Effect::Quit]);
    assert_eq!(value(&app, "staff"), Some(Value::Number(42.0)));

    // A bad one is kept as a draft, not saved.
    let mut app = started();
    type_keys(&mut app, "4x2");
    assert_eq!(ctrl_c(&mut app), vec![Effect::SavePlan, Effect::Quit]);
    assert_eq!(answer(&app, "staff"), None);
    assert_eq!(app.drafts.get("staff").map(String::as_str), Some("4x2"));
}

#[test]
fn a_termination_signal_saves_what_was_typed_and_quits() {
    let mut app = started();
    open(&mut app, "cost-notes");
    type_keys(&mut app, "half a thought");
    assert_eq!(
        send(&mut app, Message::Terminate),
        vec![Effect::SavePlan, Effect::Quit]
    );
    assert_eq!(value(&app, "cost-notes"), text("half a thought"));
    // Even on an overlay, in a window too small to draw.
    let mut app = started();
    ch(&mut app, 'n');
    app.area = Rect::new(0, 0, 20, 5);
    assert_eq!(
        send(&mut app, Message::Terminate),
        vec![Effect::SavePlan, Effect::Quit]
    );
}

#[test]
fn reopening_a_plan_lands_on_the_question_it_left() {
    let mut app = started();
    type_keys(&mut app, "9");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Right);
    assert_eq!(current_id(&app), "outcomes");
    assert_eq!(app.plan.position.question.as_deref(), Some("outcomes"));
    // A trip to the review and summary does not move the saved place.
    ch(&mut app, 'r');
    ch(&mut app, 's');
    assert_eq!(app.plan.position.question.as_deref(), Some("outcomes"));

    let again = reopened(app.plan.clone());
    assert_eq!(current_id(&again), "outcomes");
    assert_eq!(again.context(), Context::Question);
    assert_eq!(value(&again, "staff"), Some(Value::Number(9.0)));
}

#[test]
fn reopening_on_a_question_now_hidden_lands_on_the_next_shown_one() {
    let mut app = started();
    open(&mut app, "personal-data");
    ch(&mut app, '1');
    open(&mut app, "dpa");
    ch(&mut app, '1');
    // The plan was saved on dpa; then personal-data changed (another front end, say).
    app.plan.answers.insert(
        "personal-data".into(),
        Answer::answered(Value::Text("no".into())),
    );
    let again = reopened(app.plan.clone());
    assert_eq!(current_id(&again), "cost-notes");
}

#[test]
fn a_window_too_small_ignores_everything_but_quitting() {
    let mut app = started();
    open(&mut app, "problem");
    let before = app.plan.clone();
    app.area = Rect::new(0, 0, 50, 12);
    assert_eq!(app.context(), Context::TooSmall);
    for code in [
        KeyCode::Char('1'),
        KeyCode::Enter,
        KeyCode::Char('n'),
        KeyCode::Char('?'),
        KeyCode::F(1),
        KeyCode::Right,
    ] {
        assert_eq!(press(&mut app, code), vec![], "{code:?}");
    }
    // Messages from elsewhere (a mouse click, a paste) are ignored too.
    for message in [
        Message::Pick(0),
        Message::Select(3),
        Message::Paste("x".into()),
    ] {
        assert_eq!(send(&mut app, message.clone()), vec![], "{message:?}");
    }
    assert_eq!(app.plan, before);
    assert_eq!(app.overlay, None);
    assert_eq!(current_id(&app), "problem");
    assert_eq!(ch(&mut app, 'q'), vec![Effect::SavePlan, Effect::Quit]);
    assert_eq!(ctrl_c(&mut app), vec![Effect::SavePlan, Effect::Quit]);
}

// ---------------------------------------------------------------------------------------
// Mouse

/// What the question screen has at this cell.
fn target(app: &App, x: u16, y: u16) -> Option<Target> {
    layout::question_target(app, layout::body(app), x, y)
}

/// A left click at this cell, as the terminal reports it, through the layout.
fn click(app: &mut App, x: u16, y: u16) -> Vec<Effect> {
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    });
    match to_message(app, event) {
        Some(message) => update(app, message),
        None => Vec::new(),
    }
}

/// The screen as text rows, drawn at the app's size.
fn screen_rows(app: &App) -> Vec<String> {
    let area = app.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|f| f.render_widget(AppView { app }, f.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

/// The (column, row) where `needle` is drawn, searching columns `from..to` only.
fn find_on_screen(app: &App, needle: &str, columns: std::ops::Range<usize>) -> (u16, u16) {
    let rows = screen_rows(app);
    for (y, row) in rows.iter().enumerate() {
        let cells: Vec<char> = row.chars().collect();
        let end = columns.end.min(cells.len());
        let part: String = cells[columns.start..end].iter().collect();
        if let Some(byte) = part.find(needle) {
            let x = columns.start + part[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} is not on screen:\n{}", rows.join("\n"));
}

#[test]
fn clicking_an_option_picks_it_and_clicking_a_section_goes_there() {
    let mut app = started();
    app.area = Rect::new(0, 0, 100, 30);
    open(&mut app, "outsourced");

    let (x, y) = find_on_screen(&app, "Hosting", 30..100);
    assert_eq!(target(&app, x, y), Some(Target::Option(1)));
    assert_eq!(click(&mut app, x, y), vec![Effect::SavePlan]);
    assert_eq!(value(&app, "outsourced"), list(&["hosting"]));
    assert_eq!(app.current().unwrap().0.highlight, Some(1));
    // Clicking it again toggles it off, like its digit.
    click(&mut app, x + 3, y);
    assert_eq!(
        answer(&app, "outsourced").unwrap().state,
        AnswerState::Unanswered
    );

    let (x, y) = find_on_screen(&app, "Budget", 0..30);
    assert_eq!(target(&app, x, y), Some(Target::Section(2)));
    assert_eq!(click(&mut app, x, y), vec![Effect::SavePlan]);
    assert_eq!(current_id(&app), "budget");
}

#[test]
fn clicking_unsure_and_the_field_does_what_their_keys_do() {
    let mut app = started();
    app.area = Rect::new(0, 0, 100, 30);
    open(&mut app, "decision-date");
    press(&mut app, KeyCode::Esc);
    assert!(!typing(&app));

    let (x, y) = find_on_screen(&app, "Not applicable", 30..100);
    click(&mut app, x, y);
    assert_eq!(
        answer(&app, "decision-date").unwrap().state,
        AnswerState::NotApplicable
    );
    let (x, y) = find_on_screen(&app, "I don't know yet", 30..100);
    click(&mut app, x, y);
    assert_eq!(
        answer(&app, "decision-date").unwrap().state,
        AnswerState::Unsure
    );

    let (x, y) = find_on_screen(&app, "Your answer", 30..100);
    click(&mut app, x, y);
    assert!(typing(&app));

    // A click on nothing in particular changes nothing.
    let before = app.plan.clone();
    assert_eq!(click(&mut app, 99, 29), vec![]);
    assert_eq!(app.plan, before);
}

#[test]
fn clicking_a_review_row_selects_it_then_opens_it() {
    let mut app = started();
    app.area = Rect::new(0, 0, 100, 30);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'r');
    let (x, y) = find_on_screen(&app, "Why are you outsourcing?", 0..100);
    assert_eq!(click(&mut app, x, y), vec![]);
    let Screen::Review(state) = &app.screen else {
        panic!()
    };
    assert_eq!(state.selected, 5);
    click(&mut app, x, y);
    assert_eq!(current_id(&app), "reason");
}

// ---------------------------------------------------------------------------------------
// Plans

fn plan_row(name: &str, problem: Option<&str>) -> outready::overview::PlanOverview {
    outready::overview::PlanOverview {
        name: name.to_string(),
        file: format!("{name}.json").into(),
        questionnaire: "small".into(),
        answered: 0,
        total: 10,
        level: "not started".into(),
        updated: "2026-03-01 10:00".into(),
        problem: problem.map(str::to_string),
    }
}

/// The plans screen, with the rows the driver would have read.
fn open_plans(app: &mut App) {
    assert_eq!(ch(app, 'p'), vec![Effect::LoadPlanList]);
    assert!(matches!(app.screen, Screen::Plans(_)), "{:?}", app.screen);
    let rows = vec![
        plan_row("Acme", None),
        plan_row("Beta", None),
        plan_row("broken", Some("the file is not valid JSON")),
    ];
    let taken = app.taken.clone();
    let listed = Message::PlansListed {
        rows,
        selected: 0,
        taken,
        conflicts: Vec::new(),
    };
    assert_eq!(update(app, listed), vec![]);
}

#[test]
fn the_plans_screen_switches_to_a_copy_with_the_same_name() {
    let mut app = started();
    // The session tells the app the file its plan got at the first save.
    update(&mut app, Message::SavedTo("Acme.json".into()));
    press(&mut app, KeyCode::Esc);
    assert_eq!(ch(&mut app, 'p'), vec![Effect::LoadPlanList]);
    let mut copy = plan_row("Acme", None);
    copy.file = "acme-copy.json".into();
    let listed = Message::PlansListed {
        rows: vec![plan_row("Acme", None), copy],
        selected: 0,
        taken: Default::default(),
        conflicts: Vec::new(),
    };
    update(&mut app, listed);
    ch(&mut app, 'j');
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![
            Effect::SavePlan,
            Effect::SwitchPlan("acme-copy.json".into())
        ],
        "a copy called \"Acme\" too is another plan"
    );
    // Its own row, by its file, goes back to the questions.
    ch(&mut app, 'k');
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert!(matches!(app.screen, Screen::Question(_)));
}

#[test]
fn the_plans_screen_opens_another_plan_or_goes_back_to_this_one() {
    let mut app = started();
    update(&mut app, Message::SavedTo("Acme.json".into()));
    press(&mut app, KeyCode::Esc);
    open_plans(&mut app);
    ch(&mut app, 'j');
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::SavePlan, Effect::SwitchPlan("Beta.json".into())]
    );
    // A plan that cannot be read says why and is not opened.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    let (said, is_error) = status(&app);
    assert!(is_error && said.contains("not valid JSON"), "{said}");
    // The plan open now goes back to its questions.
    ch(&mut app, 'k');
    ch(&mut app, 'k');
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(current_id(&app), "staff");
}

#[test]
fn a_new_plan_needs_a_free_name() {
    let mut app = started();
    app.taken.insert("acme".into(), "ACME & Co".into());
    press(&mut app, KeyCode::Esc);
    open_plans(&mut app);
    ch(&mut app, 'n');
    assert_eq!(app.context(), Context::NewPlanName);
    type_keys(&mut app, "acme");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![]);
    let Some(Overlay::NewPlan(_, Some(error))) = &app.overlay else {
        panic!("a taken name was accepted: {:?}", app.overlay)
    };
    // The real name of the plan it matched, not the name typed.
    assert!(
        error.contains("A plan called \"ACME & Co\" already exists"),
        "{error}"
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_keys(&mut app, "Northwind quote");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![
            Effect::SavePlan,
            Effect::CreatePlan("Northwind quote".into())
        ]
    );
    // Esc cancels without a trace.
    ch(&mut app, 'n');
    type_keys(&mut app, "x");
    assert_eq!(press(&mut app, KeyCode::Esc), vec![]);
    assert_eq!(app.overlay, None);
    assert!(matches!(app.screen, Screen::Plans(_)));
}

#[test]
fn the_export_key_asks_for_the_report_on_the_summary_gaps_and_action_plan() {
    for screen in [
        Message::OpenSummary,
        Message::OpenGaps,
        Message::OpenActions,
    ] {
        let mut app = started();
        send(&mut app, Message::OpenSummary);
        send(&mut app, screen.clone());
        assert_eq!(ch(&mut app, 'e'), vec![Effect::ExportReport], "{screen:?}");
    }
}

#[test]
fn a_gap_goes_into_the_action_plan_gets_an_owner_and_moves_on_without_being_lost() {
    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, '2'); // "No": a blocker, with one recommendation.
    ch(&mut app, 's');
    ch(&mut app, 'g');
    assert!(matches!(app.screen, Screen::Gaps(_)));
    assert_eq!(
        app.report().gaps[0].question_id,
        "problem",
        "blockers come first"
    );
    assert_eq!(ch(&mut app, '1'), vec![Effect::SavePlan]);
    assert_eq!(app.plan.actions.len(), 1);
    assert_eq!(app.plan.actions[0].recommendation, "write-problem");
    assert!(app.report().gaps[0].recommendations[0].in_action_plan);

    ch(&mut app, 'a');
    assert!(matches!(app.screen, Screen::Actions(_)));
    ch(&mut app, 'o');
    type_keys(&mut app, "Sam Patel");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(app.plan.actions[0].owner, "Sam Patel");
    assert_eq!(app.report().actions[0].owner.as_deref(), Some("Sam Patel"));
    ch(&mut app, 'd');
    type_keys(&mut app, "31/12/2026");
    assert!(
        press(&mut app, KeyCode::Enter).is_empty(),
        "a bad date is not saved"
    );
    // The due date typed after the one offered is refused as not a date, by what was typed.
    let not_a_date = |typed: &str| {
        Some(outready::wizard::actions::ActionError::Due(
            outready::wizard::EntryError::NotADate {
                typed: typed.to_string(),
            },
        ))
    };
    assert!(
        matches!(&app.overlay, Some(Overlay::ActionField { input, error, .. })
            if input.text().ends_with("31/12/2026") && *error == not_a_date(input.text())),
        "{:?}",
        app.overlay
    );
    press(&mut app, KeyCode::Esc); // Esc keeps what is typed only when it is valid.
    assert!(
        matches!(&app.overlay, Some(Overlay::ActionField { input, error, .. })
            if input.text().ends_with("31/12/2026") && *error == not_a_date(input.text())),
        "the bad date stays on screen to be corrected: {:?}",
        app.overlay
    );

    let mut app = started();
    open(&mut app, "problem");
    ch(&mut app, '2');
    for key in ['s', 'g', '1', 'a', ' '] {
        ch(&mut app, key);
    }
    assert_eq!(app.plan.actions[0].status.label(), "in progress");
    assert!(
        ch(&mut app, 'x').is_empty(),
        "an action under way is not removed"
    );
    assert_eq!(app.plan.actions.len(), 1);
    assert!(app.status.as_ref().is_some_and(|s| s.is_error));
    ch(&mut app, 'g');
    ch(&mut app, '1');
    assert_eq!(app.plan.actions.len(), 1, "nor taken out from the gaps");
}
