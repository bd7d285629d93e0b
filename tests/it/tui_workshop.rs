//! The facilitated workshop in the terminal wizard, driven through `update`: the team
//! added in its box, positions recorded in the positions table (digits as on the
//! question, `u`, `-`), the dispute and the agreed answer, the positions line under the
//! options, and the table drawn at 80x24 and 120x40.

use std::path::Path;

use jiff::Timestamp;
use outready::answer::{AnswerState, Value};
use outready::plan::{Agreement, Plan, PlanName};
use outready::questionnaire::load::load_file;
use outready::tui::app::{App, Overlay};
use outready::tui::message::Message;
use outready::tui::theme::Theme;
use outready::tui::update::update;
use outready::tui::view;
use outready::wizard::positions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().expect("a timestamp")
}

fn later() -> Timestamp {
    "2026-03-02T09:45:00Z".parse().expect("a timestamp")
}

/// The small fixture's plan, saved, opened on `personal-data` (yes or no).
fn app() -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    let loaded = load_file(&path).expect("the small fixture loads");
    let mut plan = Plan::new(
        &PlanName::new("Acme Ltd").expect("a plan name"),
        &loaded,
        fixed_now(),
    );
    plan.position.question = Some("personal-data".to_string());
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = fixed_now;
    app.area = Rect::new(0, 0, 80, 24);
    app
}

fn send(app: &mut App, messages: &[Message]) {
    for message in messages {
        update(app, message.clone());
    }
}

fn type_text(app: &mut App, typed: &str) {
    for c in typed.chars() {
        update(app, Message::Type(c));
    }
}

/// The app with Ann, Ben and Cara added through the team box.
fn with_team() -> App {
    let mut app = app();
    send(&mut app, &[Message::OpenTeam]);
    type_text(&mut app, "Ann (owner), Ben (office), Cara (books)");
    send(&mut app, &[Message::Confirm, Message::Close]);
    app
}

fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    terminal
        .draw(|frame| view::draw(app, frame))
        .expect("drawn");
    terminal.backend().to_string()
}

#[test]
fn the_team_box_adds_and_removes_participants() {
    let mut app = with_team();
    let names: Vec<&str> = app
        .plan
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ann", "Ben", "Cara"]);
    assert_eq!(app.plan.participants[0].role, "owner");
    send(&mut app, &[Message::OpenTeam]);
    type_text(&mut app, "-ben");
    send(&mut app, &[Message::Confirm]);
    let names: Vec<&str> = app
        .plan
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ann", "Cara"]);
    // A name twice is refused in the box, which stays open with the reason.
    type_text(&mut app, "Ann");
    send(&mut app, &[Message::Confirm]);
    match &app.overlay {
        Some(Overlay::Team {
            error: Some(error), ..
        }) => assert!(error.contains("Ann"), "{error}"),
        other => panic!("the team box should say why: {other:?}"),
    }
}

#[test]
fn positions_without_a_team_open_the_team_box_first() {
    let mut app = app();
    send(&mut app, &[Message::OpenPositions]);
    assert!(matches!(app.overlay, Some(Overlay::Team { .. })));
}

#[test]
fn differing_positions_dispute_and_agreeing_settles() {
    let mut app = with_team();
    // Ann: Yes (1), Ben: No (2), Cara: don't know.
    send(
        &mut app,
        &[
            Message::OpenPositions,
            Message::Pick(0),
            Message::Down,
            Message::Pick(1),
            Message::Down,
            Message::Unsure,
        ],
    );
    assert!(matches!(
        app.overlay,
        Some(Overlay::Positions { selected: 2, .. })
    ));
    assert!(positions::is_disputed(&app.plan, "personal-data"));
    let question = app
        .current()
        .map(|(_, q)| q.clone())
        .expect("on a question");
    assert_eq!(
        positions::positions_line(&app.plan, &question).as_deref(),
        Some("Ann: Yes · Ben: No · Cara: don't know")
    );
    // Nothing scores until the team agrees.
    assert!(!app.plan.answers.contains_key("personal-data"));
    // Cara has no answer to agree on: refused, said, nothing set.
    send(&mut app, &[Message::Agree]);
    assert!(app.status.as_ref().is_some_and(|s| s.is_error));
    assert!(positions::is_disputed(&app.plan, "personal-data"));
    // Ben's answer is agreed: it becomes the plan's answer.
    send(&mut app, &[Message::Up, Message::Agree]);
    assert_eq!(
        positions::agreement(&app.plan, "personal-data"),
        Agreement::Agreed
    );
    let answer = app.plan.answers.get("personal-data").expect("an answer");
    assert_eq!(answer.state, AnswerState::Answered);
    assert_eq!(answer.value, Some(Value::Text("no".into())));
    match &app.screen {
        outready::tui::app::Screen::Question(state) => assert_eq!(state.highlight, Some(1)),
        other => panic!("still on the question: {other:?}"),
    }
    // Later Ben changes his mind: a change of a position reopens the dispute.
    app.now = later;
    send(&mut app, &[Message::Pick(0)]);
    assert!(positions::is_disputed(&app.plan, "personal-data"));
    send(&mut app, &[Message::Close]);
    assert!(app.overlay.is_none());
}

#[test]
fn the_question_shows_the_positions_line_and_its_state_in_words() {
    let mut app = with_team();
    send(
        &mut app,
        &[
            Message::OpenPositions,
            Message::Pick(0),
            Message::Down,
            Message::Pick(1),
            Message::Close,
        ],
    );
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("Ann: Yes · Ben: No · Disputed"), "{drawn}");
}

#[test]
fn t_opens_the_positions_table_on_a_question() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use outready::tui::keymap::{Context, message_for};
    let t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE);
    assert_eq!(
        message_for(Context::Question, &t),
        Some(Message::OpenPositions)
    );
    let minus = KeyEvent::new(KeyCode::Char('-'), KeyModifiers::NONE);
    assert_eq!(
        message_for(Context::Positions, &minus),
        Some(Message::Abstain)
    );
}

#[test]
fn the_positions_table_at_both_sizes() {
    let mut app = with_team();
    send(
        &mut app,
        &[
            Message::OpenPositions,
            Message::Pick(0),
            Message::Down,
            Message::Pick(1),
        ],
    );
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("positions_table_{width}x{height}"),
            screen_text(&mut app, width, height)
        );
    }
}

/// Ann and Ben differ on `personal-data`, the table closed again.
fn disputed() -> App {
    let mut app = with_team();
    send(
        &mut app,
        &[
            Message::OpenPositions,
            Message::Pick(0),
            Message::Down,
            Message::Pick(1),
            Message::Close,
        ],
    );
    app
}

#[test]
fn a_disputed_question_is_marked_in_the_sidebar_with_its_legend() {
    let mut app = disputed();
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("▸○≠Your business"), "{drawn}");
    assert!(drawn.contains("≠ disputed"), "{drawn}");
    // Agreed, the mark goes.
    send(
        &mut app,
        &[Message::OpenPositions, Message::Agree, Message::Close],
    );
    let drawn = screen_text(&mut app, 80, 24);
    assert!(!drawn.contains("≠Your business"), "{drawn}");
}

#[test]
fn the_review_filters_the_disputed_questions() {
    let mut app = disputed();
    send(&mut app, &[Message::OpenReview]);
    for _ in 0..3 {
        send(&mut app, &[Message::CycleFilter]);
    }
    let rows = app.review_rows(outready::tui::app::ReviewFilter::Disputed);
    assert_eq!(rows.len(), 1);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("Review: disputed (1 question)"), "{drawn}");
    assert!(drawn.contains("▸ ·≠ Do you keep personal data"), "{drawn}");
    // Without a team the filter is not offered: Tab goes round three.
    let mut alone = app_plain_review();
    for _ in 0..3 {
        send(&mut alone, &[Message::CycleFilter]);
    }
    let drawn = screen_text(&mut alone, 80, 24);
    assert!(drawn.contains("Review: all answers"), "{drawn}");
}

fn app_plain_review() -> App {
    let mut app = app();
    send(&mut app, &[Message::OpenReview]);
    app
}

/// A plan not saved yet, on the welcome screen.
fn first_run() -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    let loaded = load_file(&path).expect("the small fixture loads");
    let plan = Plan::new(
        &PlanName::new("Acme Ltd").expect("a plan name"),
        &loaded,
        fixed_now(),
    );
    let mut app = App::new(loaded, plan, true, Theme::monochrome());
    app.now = fixed_now;
    app.area = Rect::new(0, 0, 80, 24);
    app
}

#[test]
fn the_welcome_screen_takes_the_team_and_the_quick_scan() {
    use outready::wizard::Mode;
    let mut app = first_run();
    // Tab to the team line: what is typed goes there, the name stays.
    send(&mut app, &[Message::Down]);
    type_text(&mut app, "Ann (owner), Ben");
    // Tab to the quick scan: Space turns it on.
    send(&mut app, &[Message::Down, Message::ToggleHighlighted]);
    assert_eq!(app.mode, Mode::Quick);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(
        drawn.contains("Team (optional): Ann (owner), Ben"),
        "{drawn}"
    );
    assert!(drawn.contains("[x] Quick scan first"), "{drawn}");
    send(&mut app, &[Message::Confirm]);
    assert_eq!(app.plan.name, "Acme Ltd");
    let names: Vec<&str> = app
        .plan
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ann", "Ben"]);
    assert_eq!(app.flow.mode(), Mode::Quick);
    // An answer keeps the quick scan's order.
    send(&mut app, &[Message::Pick(0)]);
    assert_eq!(app.flow.mode(), Mode::Quick);
}

#[test]
fn a_team_that_cannot_be_read_is_said_on_the_welcome_screen() {
    let mut app = first_run();
    send(&mut app, &[Message::Down]);
    type_text(&mut app, "Ann (owner");
    send(&mut app, &[Message::Confirm]);
    assert!(app.plan.participants.is_empty());
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("not closed"), "{drawn}");
}

#[test]
fn the_quick_scan_asks_its_questions_first_then_offers_the_rest_with_a_provisional_verdict() {
    use outready::wizard::Mode;
    let mut app = first_run();
    // `problem` (goals) is the scan: asked first, before the first section.
    for section in &mut std::sync::Arc::make_mut(&mut app.loaded.questionnaire).sections {
        for question in &mut section.questions {
            question.quick = question.id == "problem";
        }
    }
    app.set_mode(Mode::Quick);
    send(&mut app, &[Message::Confirm]);
    assert_eq!(
        app.current().map(|(_, q)| q.id.clone()).as_deref(),
        Some("problem")
    );
    send(&mut app, &[Message::Pick(0)]);
    let provisional = app
        .report()
        .verdict
        .provisional
        .expect("a provisional verdict");
    let drawn = screen_text(&mut app, 120, 40);
    assert!(drawn.contains("The quick scan is done"), "{drawn}");
    send(&mut app, &[Message::OpenSummary]);
    let drawn = screen_text(&mut app, 120, 40);
    let sentence = provisional.sentence();
    assert!(drawn.contains(&sentence[..40]), "{drawn}");
}

#[test]
fn closing_a_plan_the_session_changed_records_the_day_in_its_history() {
    // Opened and left unchanged: nothing recorded.
    let mut same = app();
    let effects = update(&mut same, Message::Quit);
    assert!(same.plan.history.is_empty());
    assert!(effects.contains(&outready::tui::message::Effect::SavePlan));
    // Changed, then quit: one entry, written by the save that follows.
    let mut app = app();
    app.now = later;
    send(&mut app, &[Message::Pick(0)]);
    let effects = update(&mut app, Message::Quit);
    assert_eq!(app.plan.history.len(), 1);
    assert_eq!(
        effects,
        vec![
            outready::tui::message::Effect::SavePlan,
            outready::tui::message::Effect::Quit
        ]
    );
}

fn yesterday() -> Timestamp {
    "2026-03-01T16:00:00Z".parse().expect("a timestamp")
}

#[test]
fn the_since_screen_lists_what_changed_since_the_last_session() {
    use outready::answer::Answer;
    use outready::report::workshop::since::record_session;
    let mut app = app();
    // Yesterday's session answered `personal-data` yes and ended.
    app.plan.set_answer(
        "personal-data",
        Answer::answered(Value::Text("yes".into())),
        yesterday(),
    );
    let zone = app.zone.clone();
    record_session(&app.loaded.questionnaire, &mut app.plan, &zone, yesterday());
    // Today it is no; the summary points to what changed.
    send(&mut app, &[Message::Pick(1), Message::OpenSummary]);
    let drawn = screen_text(&mut app, 120, 40);
    assert!(drawn.contains("Press l to see what changed"), "{drawn}");
    send(&mut app, &[Message::OpenSince]);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("Since last time"), "{drawn}");
    assert!(drawn.contains("Answers changed (1)"), "{drawn}");
    assert!(drawn.contains("personal data"), "{drawn}");
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("since_last_time_{width}x{height}"),
            screen_text(&mut app, width, height)
        );
    }
    // Esc goes back to the summary.
    send(&mut app, &[Message::OpenSummary]);
    assert!(matches!(app.screen, outready::tui::app::Screen::Summary(_)));
}

#[test]
fn the_since_screen_without_history_says_so() {
    let mut app = app();
    send(&mut app, &[Message::OpenSummary, Message::OpenSince]);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(
        drawn.contains("No earlier session to compare with yet"),
        "{drawn}"
    );
}

#[test]
fn the_presenter_layout_folds_the_sidebar_spaces_the_options_and_shows_the_clock() {
    let mut app = disputed();
    app.zone = jiff::tz::TimeZone::UTC;
    let usual = screen_text(&mut app, 80, 24);
    assert!(usual.contains("Sections"), "{usual}");
    send(&mut app, &[Message::TogglePresent]);
    assert!(app.present);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(!drawn.contains("Sections"), "{drawn}");
    assert!(drawn.contains("09:30 · "), "{drawn}");
    assert!(drawn.contains("0 of 10 answered"), "{drawn}");
    assert!(drawn.contains("Ann: Yes · Ben: No · Disputed"), "{drawn}");
    // A blank line between the options.
    let rows: Vec<&str> = drawn.lines().collect();
    let yes = rows
        .iter()
        .position(|r| r.contains("1 ( ) Yes"))
        .expect("option 1");
    assert!(
        rows[yes + 1]
            .trim_matches(|c| c == '"' || c == ' ')
            .is_empty(),
        "{drawn}"
    );
    assert!(rows[yes + 2].contains("2 ( ) No"), "{drawn}");
    for (theme, name) in [
        (Theme::standard(), "standard"),
        (Theme::high_contrast(), "high_contrast"),
    ] {
        app.theme = theme;
        for (width, height) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("presenter_{name}_{width}x{height}"),
                screen_text(&mut app, width, height)
            );
        }
    }
    // P again: the usual layout.
    send(&mut app, &[Message::TogglePresent]);
    assert!(screen_text(&mut app, 80, 24).contains("Sections"));
}

#[test]
fn the_built_in_welcome_keeps_the_team_and_the_quick_scan_in_view_at_80x24() {
    use outready::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE};
    let catalog = Catalog::load(None);
    let loaded = catalog
        .find(DEFAULT_QUESTIONNAIRE)
        .expect("the built-in")
        .clone();
    let plan = Plan::new(
        &PlanName::new("Acme Ltd").expect("a name"),
        &loaded,
        fixed_now(),
    );
    let mut app = App::new(loaded, plan, true, Theme::monochrome());
    let drawn = screen_text(&mut app, 80, 24);
    assert!(drawn.contains("Team (optional)"), "{drawn}");
    assert!(drawn.contains("Quick scan first"), "{drawn}");
}

#[test]
fn the_since_screen_with_only_todays_session_says_what_is_true() {
    use outready::report::workshop::since::record_session;
    let mut app = app();
    send(&mut app, &[Message::Pick(0)]);
    let (questionnaire, zone) = (app.loaded.questionnaire.clone(), app.zone.clone());
    record_session(&questionnaire, &mut app.plan, &zone, fixed_now());
    assert_eq!(app.plan.history.len(), 1);
    send(&mut app, &[Message::OpenSummary, Message::OpenSince]);
    let drawn = screen_text(&mut app, 120, 40);
    assert!(drawn.contains("has only today's session"), "{drawn}");
    assert!(drawn.contains("or with --since"), "{drawn}");
    assert!(
        !drawn.contains("history starts when this session ends"),
        "{drawn}"
    );
}
