//! The positions box on a typed question (an amount, a number, a date, text): typing
//! starts the highlighted participant's entry, checked by the question's own entry
//! check (a refused one keeps what was typed and says the question's sentence), Enter
//! records it, Esc cancels it; `u`, `-` and `a` keep working; the footer and the `?`
//! list say so; every line of the box is cut with "…" where it does not fit.

use std::path::Path;

use jiff::Timestamp;
use outready::answer::{AnswerState, Value};
use outready::plan::{Agreement, Plan, PlanName, Stance};
use outready::questionnaire::load::load_file;
use outready::tui::app::{App, Overlay, Screen};
use outready::tui::message::{Effect, Message};
use outready::tui::theme::Theme;
use outready::tui::update::update;
use outready::tui::view;
use outready::wizard::{self, positions};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().expect("a timestamp")
}

/// The small fixture's plan, in US dollars, with Ann, Ben and Cara, opened on `id`.
fn app_on(id: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    let loaded = load_file(&path).expect("the small fixture loads");
    let mut plan = Plan::new(
        &PlanName::new("Acme Ltd").expect("a plan name"),
        &loaded,
        fixed_now(),
    );
    plan.currency = Some("USD".to_string());
    plan.position.question = Some(id.to_string());
    let team =
        positions::parse_participants("Ann (owner), Ben (office), Cara (books)").expect("a team");
    positions::join_team(&mut plan, team);
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = fixed_now;
    app.area = Rect::new(0, 0, 80, 24);
    assert_eq!(
        app.current().map(|(_, q)| q.id.clone()).as_deref(),
        Some(id)
    );
    // The question's own field is not being typed in, so keys are commands.
    if let Screen::Question(state) = &mut app.screen {
        state.typing = false;
    }
    app
}

fn send(app: &mut App, messages: &[Message]) -> Vec<Effect> {
    messages
        .iter()
        .flat_map(|m| update(app, m.clone()))
        .collect()
}

fn type_text(app: &mut App, typed: &str) {
    for c in typed.chars() {
        update(app, Message::Type(c));
    }
}

/// What a participant's position on a question is: its stance and value.
fn held(app: &App, id: &str, name: &str) -> Option<(Stance, Option<Value>)> {
    app.plan
        .positions
        .get(id)
        .and_then(|p| p.by.get(name))
        .map(|s| (s.stance, s.value.clone()))
}

/// What is being typed in the positions box, and its refusal, if any.
fn entry(app: &App) -> Option<(String, Option<String>)> {
    match &app.overlay {
        Some(Overlay::Positions {
            entry: Some(entry), ..
        }) => Some((
            entry.input.text().to_string(),
            entry.error.as_ref().map(|e| e.to_string()),
        )),
        _ => None,
    }
}

fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    terminal
        .draw(|frame| view::draw(app, frame))
        .expect("drawn");
    terminal.backend().to_string()
}

/// The cell at (`row`, `column`) of the drawn screen.
fn cursor_cell(
    app: &mut App,
    width: u16,
    height: u16,
    row: usize,
    column: usize,
) -> ratatui::buffer::Cell {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    terminal
        .draw(|frame| view::draw(app, frame))
        .expect("drawn");
    let x = u16::try_from(column).expect("a column");
    let y = u16::try_from(row).expect("a row");
    terminal.backend().buffer()[(x, y)].clone()
}

#[test]
fn an_amount_typed_for_a_participant_is_recorded_in_the_plans_currency() {
    let mut app = app_on("budget");
    // The digit starts the entry: it picks no option here, so no "pick 1 to 0".
    send(&mut app, &[Message::OpenPositions, Message::Pick(0)]);
    assert!(app.status.is_none(), "{:?}", app.status);
    type_text(&mut app, ",200");
    assert_eq!(entry(&app), Some(("1,200".to_string(), None)));
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("▸ Ann (owner)   1,200"), "{drawn}");
    // The cursor is drawn after what was typed, in the row.
    let row = drawn
        .lines()
        .position(|r| r.contains("▸ Ann (owner)"))
        .expect("Ann's row");
    let line = drawn.lines().nth(row).expect("the row");
    // Columns counted in characters (the row is drawn in one-column ones), less the
    // quote each row of the text starts with.
    let typed_at = line.find("1,200").expect("typed");
    let column = line[..typed_at].chars().count() + "1,200".len() - 1;
    let cell = cursor_cell(&mut app, 80, 24, row, column);
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "{cell:?}"
    );
    let effects = send(&mut app, &[Message::Confirm]);
    assert_eq!(effects, vec![Effect::SavePlan]);
    assert_eq!(
        held(&app, "budget", "Ann"),
        Some((Stance::Answered, Some(Value::Number(1200.0))))
    );
    // The box is still open on Ann, the entry done; the amount shows in dollars.
    assert!(matches!(
        app.overlay,
        Some(Overlay::Positions {
            selected: 0,
            entry: None
        })
    ));
    let drawn = screen_text(&mut app, 80, 24);
    assert!(
        drawn.contains("Ann (owner)   $1,200.00 per month"),
        "{drawn}"
    );
}

#[test]
fn a_number_and_a_date_are_recorded_as_the_question_reads_them() {
    let mut app = app_on("staff");
    send(
        &mut app,
        &[Message::OpenPositions, Message::Down, Message::Pick(1)],
    );
    type_text(&mut app, "0");
    send(&mut app, &[Message::Confirm]);
    assert_eq!(
        held(&app, "staff", "Ben"),
        Some((Stance::Answered, Some(Value::Number(20.0))))
    );
    let mut app = app_on("decision-date");
    // Enter opens an empty entry too.
    send(&mut app, &[Message::OpenPositions, Message::Confirm]);
    assert_eq!(entry(&app), Some((String::new(), None)));
    type_text(&mut app, "2027-03-31");
    send(&mut app, &[Message::Confirm]);
    assert_eq!(
        held(&app, "decision-date", "Ann"),
        Some((Stance::Answered, Some(Value::Text("2027-03-31".into()))))
    );
}

#[test]
fn a_refused_entry_says_the_questions_sentence_and_is_kept_for_correction() {
    let mut app = app_on("staff");
    send(&mut app, &[Message::OpenPositions]);
    type_text(&mut app, "5000");
    let effects = send(&mut app, &[Message::Confirm]);
    assert!(effects.is_empty());
    assert_eq!(held(&app, "staff", "Ann"), None);
    // The very sentence the question gives the same entry.
    let question = app.current().map(|(_, q)| q.clone()).expect("a question");
    let said = wizard::parse_entry(&question, "5000")
        .expect_err("too many")
        .to_string();
    assert_eq!(said, "The largest accepted value is 1000.");
    assert_eq!(entry(&app), Some(("5000".to_string(), Some(said.clone()))));
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains(&format!("✗ {said}")), "{drawn}");
    // Corrected, it is recorded.
    send(&mut app, &[Message::Backspace, Message::Confirm]);
    assert_eq!(
        held(&app, "staff", "Ann"),
        Some((Stance::Answered, Some(Value::Number(500.0))))
    );
    // Text that is no date gets the date sentence.
    let mut app = app_on("decision-date");
    send(&mut app, &[Message::OpenPositions, Message::EditEntry]);
    type_text(&mut app, "soon");
    send(&mut app, &[Message::Confirm]);
    assert_eq!(
        entry(&app),
        Some((
            "soon".to_string(),
            Some("\"soon\" is not a date: type it as YYYY-MM-DD, like 2027-03-31.".to_string())
        ))
    );
}

#[test]
fn esc_cancels_the_entry_and_the_other_keys_keep_working() {
    let mut app = app_on("budget");
    send(&mut app, &[Message::OpenPositions]);
    type_text(&mut app, "12");
    send(&mut app, &[Message::Close]);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Positions { entry: None, .. })
    ));
    assert_eq!(held(&app, "budget", "Ann"), None);
    send(
        &mut app,
        &[
            Message::Unsure,
            Message::Down,
            Message::Abstain,
            Message::Down,
        ],
    );
    assert_eq!(held(&app, "budget", "Ann"), Some((Stance::DontKnow, None)));
    assert_eq!(held(&app, "budget", "Ben"), Some((Stance::Abstain, None)));
    // A figure pasted starts the entry with it.
    send(&mut app, &[Message::Paste("1,500".into())]);
    assert_eq!(entry(&app), Some(("1,500".to_string(), None)));
    // A letter types on a text question; e reopens a position to change it.
    let mut app = app_on("budget-owner");
    send(&mut app, &[Message::OpenPositions]);
    type_text(&mut app, "Dora");
    send(&mut app, &[Message::Confirm, Message::EditEntry]);
    assert_eq!(entry(&app), Some(("Dora".to_string(), None)));
    type_text(&mut app, " Lee");
    send(&mut app, &[Message::Confirm]);
    assert_eq!(
        held(&app, "budget-owner", "Ann"),
        Some((Stance::Answered, Some(Value::Text("Dora Lee".into()))))
    );
}

#[test]
fn agreeing_on_a_typed_position_makes_it_the_plans_answer_and_it_stays() {
    let mut app = app_on("budget");
    send(&mut app, &[Message::OpenPositions]);
    type_text(&mut app, "1,200");
    send(&mut app, &[Message::Confirm, Message::Down]);
    type_text(&mut app, "900");
    send(&mut app, &[Message::Confirm]);
    assert!(positions::is_disputed(&app.plan, "budget"));
    send(&mut app, &[Message::Up, Message::Agree]);
    assert_eq!(positions::agreement(&app.plan, "budget"), Agreement::Agreed);
    let answer = app.plan.answers.get("budget").expect("an answer");
    assert_eq!(answer.state, AnswerState::Answered);
    assert_eq!(answer.value, Some(Value::Number(1200.0)));
    let drawn = screen_text(&mut app, 80, 24);
    assert!(
        drawn.contains("the plan's answer: $1,200.00 per month"),
        "{drawn}"
    );
    // The question's field shows it, so moving on keeps the answer agreed.
    send(&mut app, &[Message::Close, Message::NextQuestion]);
    assert_eq!(
        app.plan.answers.get("budget").and_then(|a| a.value.clone()),
        Some(Value::Number(1200.0))
    );
}

#[test]
fn the_footer_and_the_key_list_say_what_applies_on_a_typed_question() {
    let mut app = app_on("budget");
    send(&mut app, &[Message::OpenPositions]);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("Enter/e type their answer"), "{drawn}");
    assert!(!drawn.contains("1-9"), "{drawn}");
    // `?` lists the box's keys, and closing the list goes back to the box.
    send(&mut app, &[Message::ShowHelp]);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("start typing their answer"), "{drawn}");
    assert!(drawn.contains("agree on theirs"), "{drawn}");
    assert!(!drawn.contains("1-9  their answer"), "{drawn}");
    send(&mut app, &[Message::Close]);
    assert!(matches!(app.overlay, Some(Overlay::Positions { .. })));
    // Typing, the footer says Enter records and Esc cancels.
    type_text(&mut app, "7");
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("record their answer"), "{drawn}");
    assert!(drawn.contains("cancel the entry"), "{drawn}");
    // On a choice question the digits pick, and no typing is offered.
    let mut choice = app_on("personal-data");
    send(&mut choice, &[Message::OpenPositions]);
    let drawn = screen_text(&mut choice, 80, 24);
    assert!(drawn.contains("1-9 their answer"), "{drawn}");
    assert!(!drawn.contains("type their answer"), "{drawn}");
}

#[test]
fn the_positions_box_on_an_amount_question_at_80x24_and_60x16() {
    let mut app = app_on("budget");
    // The built-in's budget question, and a participant with a long role.
    for section in &mut std::sync::Arc::make_mut(&mut app.loaded.questionnaire).sections {
        for question in &mut section.questions {
            if question.id == "budget" {
                question.text = "What did your IT cost over the last 12 months in invoices, \
                    licences and equipment, counting every support contract you pay for?"
                    .into();
            }
        }
    }
    let long = positions::parse_participant("Dev (bookkeeper and part-time office manager)")
        .expect("a participant");
    positions::add_participant(&mut app.plan, long).expect("added");
    send(&mut app, &[Message::OpenPositions]);
    type_text(&mut app, "1,200");
    send(
        &mut app,
        &[Message::Confirm, Message::Down, Message::Pick(8)],
    );
    type_text(&mut app, "50");
    insta::assert_snapshot!(
        "positions_typed_amount_80x24",
        screen_text(&mut app, 80, 24)
    );
    let small = screen_text(&mut app, 60, 16);
    insta::assert_snapshot!("positions_typed_amount_60x16", small);
    // Every line cut inside the box ends in "…"; none runs into the border.
    let cut = small
        .lines()
        .filter(|row| row.contains('│'))
        .filter(|row| row.contains("… │") || row.contains("…│"))
        .count();
    assert!(cut > 0, "{small}");
    assert!(!small.contains("not answered y │"), "{small}");
}

#[test]
fn the_agreement_line_is_cut_with_an_ellipsis_at_60x16() {
    let mut app = app_on("budget");
    send(&mut app, &[Message::OpenPositions]);
    let drawn = screen_text(&mut app, 60, 16);
    let line = drawn
        .lines()
        .find(|row| row.contains("No positions yet"))
        .expect("the agreement line");
    assert!(
        line.contains("the plan's answer: not answered … │"),
        "{drawn}"
    );
}
