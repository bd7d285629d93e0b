//! The workshop's agenda in the wizard, driven through `update` with a clock the test
//! moves: minutes typed in the agenda box and the clock started, the header's time left
//! and over (in words, and styled as a warning), the minute's tick, the time banked per
//! section and kept across a reload, parking that moves on, moving on when the time is
//! up; the header drawn at 80x24 in both layouts. The agenda on disk, on the command line
//! and in reports is in `agenda_files`.

use std::cell::Cell;

use jiff::Timestamp;
use outready::plan::{Agenda, Plan, PlanName};
use outready::questionnaire::load::load_file;
use outready::tui::app::{App, Overlay, ReviewFilter};
use outready::tui::keymap::{self, Context};
use outready::tui::message::{Effect, Message};
use outready::tui::theme::Theme;
use outready::tui::update::update;
use outready::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::support::small_questionnaire;

const START: i64 = 1_772_443_800; // 2026-03-02T09:30:00Z

thread_local! {
    /// Seconds since the start of the test's workshop.
    static SECONDS: Cell<i64> = const { Cell::new(0) };
}

fn clock() -> Timestamp {
    Timestamp::from_second(START + SECONDS.with(Cell::get)).expect("a timestamp")
}

/// Moves the test's clock to `seconds` after the start.
fn at(seconds: i64) {
    SECONDS.with(|m| m.set(seconds));
}

/// The small fixture's plan, saved, opened on `personal-data` (section `profile`).
fn app() -> App {
    at(0);
    let loaded = load_file(&small_questionnaire()).expect("the small fixture loads");
    let mut plan = Plan::new(
        &PlanName::new("Acme Ltd").expect("a name"),
        &loaded,
        clock(),
    );
    plan.position.question = Some("personal-data".to_string());
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = clock;
    app.zone = jiff::tz::TimeZone::UTC;
    app.area = Rect::new(0, 0, 80, 24);
    app
}

fn send(app: &mut App, messages: &[Message]) -> Vec<Effect> {
    messages
        .iter()
        .flat_map(|m| update(app, m.clone()))
        .collect()
}

/// The digit key `d` as the agenda box receives it.
fn digit(d: char) -> Message {
    match d {
        '0' => Message::Type('0'),
        _ => Message::Pick(d as usize - '1' as usize),
    }
}

/// Types minutes into the agenda box for the highlighted section.
fn minutes(app: &mut App, typed: &str) {
    for d in typed.chars() {
        update(app, digit(d));
    }
}

/// Profile 15 min, goals 10 min, typed in the agenda box, the clock started.
fn with_agenda() -> App {
    let mut app = app();
    send(&mut app, &[Message::OpenAgenda]);
    minutes(&mut app, "15");
    send(&mut app, &[Message::Down]);
    minutes(&mut app, "10");
    send(&mut app, &[Message::ToggleAgenda, Message::Close]);
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

fn header(app: &mut App) -> String {
    screen_text(app, 80, 24)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

fn current_id(app: &App) -> String {
    app.current()
        .map(|(_, q)| q.id.to_string())
        .unwrap_or_default()
}

#[test]
fn the_agenda_box_sets_each_sections_minutes_and_starts_the_clock() {
    let mut app = app();
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('A'));
    assert_eq!(
        keymap::message_for(Context::Question, &key),
        Some(Message::OpenAgenda)
    );
    send(&mut app, &[Message::OpenAgenda]);
    assert_eq!(app.context(), Context::Agenda);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Agenda { selected: 0, .. })
    ));
    minutes(&mut app, "15");
    send(&mut app, &[Message::Down]);
    minutes(&mut app, "120");
    // Backspace takes the last digit off: 12.
    let effects = send(&mut app, &[Message::Backspace]);
    assert!(effects.contains(&Effect::SavePlan));
    let agenda = app.plan.agenda.clone().expect("an agenda");
    assert_eq!(agenda.sections.get("profile"), Some(&15));
    assert_eq!(agenda.sections.get("goals"), Some(&12));
    assert!(!agenda.running, "not started yet");
    let drawn = screen_text(&mut app, 80, 24);
    assert!(
        drawn.contains("Agenda · 27 min planned · clock stopped"),
        "{drawn}"
    );
    send(&mut app, &[Message::ToggleAgenda]);
    assert!(app.plan.agenda.as_ref().is_some_and(|a| a.running));
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("27 min planned")),
        "{:?}",
        app.status
    );
    insta::assert_snapshot!("agenda_box_80x24", screen_text(&mut app, 80, 24));
    send(&mut app, &[Message::Close]);
    assert!(app.overlay.is_none());
    // The box is in the `?` list of the question screen.
    let help: Vec<&str> = keymap::hints(Context::Question, |_| true, false)
        .iter()
        .map(|b| b.label)
        .collect();
    assert!(help.iter().any(|l| l.starts_with("agenda")), "{help:?}");
}

#[test]
fn the_header_says_the_time_left_then_over_in_words_and_as_a_warning() {
    let mut app = with_agenda();
    assert!(
        header(&mut app).contains("Your business 15 min left · 0/10"),
        "{}",
        header(&mut app)
    );
    at(4 * 60 + 30);
    assert!(header(&mut app).contains("Your business 11 min left"));
    at(18 * 60);
    let line = header(&mut app);
    assert!(line.contains("Your business 3 min over"), "{line}");
    // Styled as a warning, not as the rest of the header.
    app.theme = Theme::standard();
    let area = Rect::new(0, 0, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a terminal");
    app.area = area;
    terminal.draw(|f| view::draw(&app, f)).expect("drawn");
    let buffer = terminal.backend().buffer();
    let x = (0..80)
        .find(|&x| buffer[(x, 0)].symbol() == "Y" && buffer[(x + 1, 0)].symbol() == "o")
        .expect("the note");
    assert_eq!(
        buffer[(x, 0)].fg,
        Theme::standard().warn.fg.expect("a colour")
    );
    let progress = (0..80)
        .find(|&x| buffer[(x, 0)].symbol() == "/")
        .expect("the progress");
    assert_ne!(buffer[(progress, 0)].fg, buffer[(x, 0)].fg);
    // Stopped: no note.
    send(
        &mut app,
        &[Message::OpenAgenda, Message::ToggleAgenda, Message::Close],
    );
    assert!(!header(&mut app).contains("min"), "{}", header(&mut app));
}

#[test]
fn the_header_with_the_agenda_at_80x24_in_both_layouts() {
    let mut app = with_agenda();
    at(7 * 60);
    insta::assert_snapshot!("agenda_header_usual_80x24", screen_text(&mut app, 80, 24));
    send(&mut app, &[Message::TogglePresent]);
    at(17 * 60);
    update(&mut app, Message::Tick);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(
        drawn.contains("09:47 · Your business 2 min over"),
        "{drawn}"
    );
    assert!(drawn.contains("Press M to move on to Goals"), "{drawn}");
    insta::assert_snapshot!("agenda_header_presenter_80x24", drawn);
}

#[test]
fn the_presenters_clock_turns_on_the_minute() {
    // The agenda's clock started 25 s into a minute: its section's minutes turn at 25 s
    // past, the time of day in the presenter's header on the minute.
    let mut app = app();
    at(25);
    send(&mut app, &[Message::OpenAgenda]);
    minutes(&mut app, "15");
    send(&mut app, &[Message::ToggleAgenda, Message::Close]);
    at(30);
    assert_eq!(app.agenda_wait(), Some(std::time::Duration::from_secs(55)));
    send(&mut app, &[Message::TogglePresent]);
    assert_eq!(
        app.agenda_wait(),
        Some(std::time::Duration::from_secs(30)),
        "09:31:00 comes first"
    );
    at(70);
    assert_eq!(app.agenda_wait(), Some(std::time::Duration::from_secs(15)));
}

#[test]
fn the_clock_wakes_the_wizard_once_a_minute_only_while_it_runs() {
    let app = app();
    assert_eq!(app.agenda_wait(), None, "no agenda: block on input");
    let mut app = with_agenda();
    at(20);
    assert_eq!(app.agenda_wait(), Some(std::time::Duration::from_secs(40)));
    at(60);
    // The tick banks the minute into the plan and saves, keeping the status line.
    app.say("Note saved.");
    let effects = update(&mut app, Message::Tick);
    assert_eq!(effects, [Effect::SavePlan]);
    let agenda = app.plan.agenda.clone().expect("an agenda");
    assert_eq!(agenda.used("profile"), 60);
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("Note saved.")
    );
    assert!(header(&mut app).contains("Your business 14 min left"));
    assert_eq!(app.agenda_wait(), Some(std::time::Duration::from_secs(60)));
    send(
        &mut app,
        &[Message::OpenAgenda, Message::ToggleAgenda, Message::Close],
    );
    assert_eq!(app.agenda_wait(), None);
    assert!(update(&mut app, Message::Tick).is_empty());
}

#[test]
fn each_section_keeps_its_own_time_and_a_reload_keeps_the_clock() {
    let mut app = with_agenda();
    at(5 * 60);
    send(&mut app, &[Message::NextSection]);
    assert_eq!(current_id(&app), "problem");
    let agenda = app.plan.agenda.clone().expect("an agenda");
    assert_eq!(agenda.used("profile"), 300);
    at(9 * 60);
    assert!(
        header(&mut app).contains("Goals 6 min left"),
        "{}",
        header(&mut app)
    );
    // Quitting banks the time; the plan opened again goes on from there.
    send(&mut app, &[Message::Quit]);
    let plan = app.plan.clone();
    assert_eq!(plan.agenda.as_ref().map(|a| a.used("goals")), Some(240));
    let text = serde_json::to_string(&plan).expect("saved");
    let plan: Plan = serde_json::from_str(&text).expect("read");
    at(60 * 60);
    let mut again = App::new(app.loaded.clone(), plan, false, Theme::monochrome());
    again.now = clock;
    update(&mut again, Message::Tick);
    at(61 * 60);
    assert!(
        header(&mut again).contains("Goals 5 min left"),
        "{}",
        header(&mut again)
    );
}

#[test]
fn parking_moves_on_while_the_clock_runs_and_stays_without_it() {
    let mut app = app();
    send(&mut app, &[Message::Discuss]);
    assert_eq!(
        current_id(&app),
        "personal-data",
        "no agenda: the flag alone"
    );
    send(&mut app, &[Message::Discuss]);
    let mut app = with_agenda();
    send(&mut app, &[Message::Discuss]);
    assert_eq!(current_id(&app), "outsourced");
    assert!(app.plan.answers["personal-data"].discuss);
    // Unparking does not move on.
    send(&mut app, &[Message::PrevQuestion, Message::Discuss]);
    assert_eq!(current_id(&app), "personal-data");
    assert!(!app.plan.answers["personal-data"].discuss);
}

#[test]
fn when_the_time_is_up_one_key_moves_on_parking_what_is_left() {
    let mut app = with_agenda();
    // Staff answered; personal-data and outsourced left.
    send(&mut app, &[Message::PrevQuestion]);
    assert_eq!(current_id(&app), "staff");
    send(
        &mut app,
        &[Message::Type('1'), Message::Type('2'), Message::Confirm],
    );
    assert!(app.plan.answers.contains_key("staff"));
    at(16 * 60);
    update(&mut app, Message::Tick);
    let offer = app.status.clone().expect("the offer").text;
    assert_eq!(
        offer,
        "Your business: 1 min over. Press M to move on to Goals, parking the 2 questions left here."
    );
    // The footer offers the key too, while the time is up (and only then).
    let footer = |app: &mut App| {
        let shown = screen_text(app, 80, 24);
        let lines: Vec<&str> = shown.lines().rev().take(2).collect();
        lines.join("\n")
    };
    let now = footer(&mut app);
    assert!(now.contains("M move on"), "{now}");
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('M'));
    let message = keymap::message_for(app.context(), &key).expect("M is a key");
    let effects = update(&mut app, message);
    assert!(effects.contains(&Effect::SavePlan));
    assert_eq!(current_id(&app), "problem");
    assert!(app.plan.answers["personal-data"].discuss);
    assert!(app.plan.answers["outsourced"].discuss);
    assert!(!app.plan.answers["staff"].discuss);
    // Parked questions stay findable: the review's "discuss later" filter lists them.
    let parked: Vec<String> = app
        .review_rows(ReviewFilter::Discuss)
        .into_iter()
        .filter_map(|spot| app.question_at(spot).map(|q| q.id.to_string()))
        .collect();
    assert_eq!(parked, ["personal-data", "outsourced"]);
    let said = app.status.clone().expect("said").text;
    assert!(said.contains("2 questions parked"), "{said}");
    // In goals, with time left, nothing is offered.
    update(&mut app, Message::Tick);
    let later = footer(&mut app);
    assert!(!later.contains("M move on"), "{later}");
    assert!(
        !app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Press M")),
        "{:?}",
        app.status
    );
}

#[test]
fn a_session_time_is_spread_by_questions_and_the_box_says_so() {
    let mut app = app();
    app.plan.agenda = Some(Agenda {
        session: Some(60),
        running: true,
        ..Agenda::default()
    });
    update(&mut app, Message::Tick);
    // 3, 4 and 3 questions shown: 18, 24 and 18 minutes.
    assert_eq!(app.section_planned(0), Some(18));
    assert_eq!(app.section_planned(1), Some(24));
    assert_eq!(app.section_planned(2), Some(18));
    assert!(header(&mut app).contains("Your business 18 min left"));
    send(&mut app, &[Message::OpenAgenda]);
    let drawn = screen_text(&mut app, 80, 24);
    assert!(
        drawn.contains("60 min for the session, spread over the"),
        "{drawn}"
    );
    // Typing one section's minutes keeps the others' share.
    minutes(&mut app, "5");
    let agenda = app.plan.agenda.clone().expect("an agenda");
    assert_eq!(agenda.session, None);
    assert_eq!(agenda.sections.get("profile"), Some(&5));
    assert_eq!(agenda.sections.get("goals"), Some(&24));
    assert_eq!(agenda.sections.get("money"), Some(&18));
}
