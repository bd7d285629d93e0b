//! Every screen and overlay of the wizard drawn into a test terminal at 80x24 and 120x40
//! (and too small), kept as reviewed text snapshots in the monochrome theme; plus the
//! style facts that text cannot show (the highlight, no colour under NO_COLOR).

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use outready::answer::{Answer, AnswerState, Value};
use outready::overview::PlanOverview;
use outready::plan::{Plan, PlanName};
use outready::questionnaire::Loaded;
use outready::questionnaire::load::load_file;
use outready::tui::app::{App, PlansState, Screen};
use outready::tui::message::Message;
use outready::tui::theme::{Theme, ThemeName};
use outready::tui::update::update;
use outready::tui::view::{self, AppView};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn loaded() -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    load_file(&path).expect("the small fixture loads")
}

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().expect("a timestamp")
}

fn new_plan(loaded: &Loaded) -> Plan {
    Plan::new(
        &PlanName::new("Acme Ltd").expect("a plan name"),
        loaded,
        fixed_now(),
    )
}

fn prepare(mut app: App) -> App {
    app.now = fixed_now;
    app.area = Rect::new(0, 0, 80, 24);
    app
}

/// A saved plan with these answers, opened on `at`.
fn app_with(answers: &[(&str, Answer)], at: &str, theme: Theme) -> App {
    let loaded = loaded();
    let mut plan = new_plan(&loaded);
    for (id, answer) in answers {
        plan.set_answer(id, answer.clone(), fixed_now());
    }
    plan.position.question = Some(at.to_string());
    let app = prepare(App::new(loaded, plan, false, theme));
    assert_eq!(current_id(&app), at);
    app
}

fn app_at(at: &str) -> App {
    app_with(&[], at, Theme::monochrome())
}

fn current_id(app: &App) -> String {
    match app.current() {
        Some((_, q)) => q.id.to_string(),
        None => panic!("not on a question: {:?}", app.screen),
    }
}

fn text(v: &str) -> Answer {
    Answer::answered(Value::Text(v.into()))
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

/// A partly answered plan with a blocker (the problem cannot be stated), unsure on one
/// question, a flag and a note on others.
fn partly_answered() -> Vec<(&'static str, Answer)> {
    let mut flagged = text("cost");
    flagged.discuss = true;
    let mut noted = Answer::in_state(AnswerState::Unsure);
    noted.note = Some("Sam has last year's invoices.\nAsk before Friday.".into());
    vec![
        ("staff", Answer::answered(Value::Number(12.0))),
        ("personal-data", text("yes")),
        (
            "outsourced",
            Answer::answered(Value::List(vec!["support".into(), "hosting".into()])),
        ),
        ("problem", text("no")),
        ("outcomes", text("1")),
        ("reason", flagged),
        ("budget", noted),
    ]
}

/// The app drawn at this size.
fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    terminal
}

/// Snapshots the app at both standard sizes.
fn snapshot(name: &str, app: &mut App) {
    for (width, height) in SIZES {
        let terminal = draw(app, width, height);
        insta::assert_snapshot!(
            format!("{name}_{width}x{height}"),
            terminal.backend().to_string()
        );
    }
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// The column and row where `needle` is first drawn.
fn find(buffer: &Buffer, needle: &str) -> (u16, u16) {
    find_in(buffer, needle, 0..buffer.area.width)
}

/// The column and row where `needle` is first drawn within these columns.
fn find_in(buffer: &Buffer, needle: &str, columns: std::ops::Range<u16>) -> (u16, u16) {
    for y in 0..buffer.area.height {
        let part: String = columns.clone().map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(byte) = part.find(needle) {
            return (columns.start + part[..byte].chars().count() as u16, y);
        }
    }
    panic!("{needle:?} is not on screen in columns {columns:?}");
}

// ---------------------------------------------------------------------------------------
// Screens

#[test]
fn welcome() {
    let loaded = loaded();
    let mut plan = new_plan(&loaded);
    plan.name = String::new();
    let mut app = prepare(App::new(loaded, plan, true, Theme::monochrome()));
    type_text(&mut app, "Acme");
    snapshot("welcome", &mut app);
    // A refused name says why where the hint was.
    app.taken.insert("acme".into(), "Acme".into());
    send(&mut app, &[Message::Confirm]);
    snapshot("welcome_name_taken", &mut app);
}

#[test]
fn question_choice_with_a_chosen_option() {
    let mut app = app_with(&[("reason", text("both"))], "reason", Theme::monochrome());
    send(&mut app, &[Message::Down]);
    snapshot("question_choice", &mut app);
}

#[test]
fn question_multi() {
    let mut app = app_at("outsourced");
    send(
        &mut app,
        &[Message::Pick(0), Message::Pick(2), Message::Down],
    );
    snapshot("question_multi", &mut app);
}

#[test]
fn question_number_typed_with_an_error() {
    let mut app = app_at("staff");
    type_text(&mut app, "5000");
    snapshot("question_number_error", &mut app);
}

#[test]
fn question_date() {
    let mut app = app_with(
        &[("decision-date", text("2027-03-31"))],
        "decision-date",
        Theme::monochrome(),
    );
    snapshot("question_date", &mut app);
}

#[test]
fn question_long_text_while_typing() {
    let mut app = app_at("cost-notes");
    send(
        &mut app,
        &[Message::Paste(
            "Licences renew in May.\nAsk every provider what leaving would cost, in writing."
                .into(),
        )],
    );
    snapshot("question_long_text", &mut app);
    // At the smallest workable size the hint wraps rather than being cut off.
    let terminal = draw(&mut app, 60, 16);
    insta::assert_snapshot!("question_long_text_60x16", terminal.backend().to_string());
}

#[test]
fn question_with_a_note_and_the_discuss_flag() {
    let mut app = app_with(&partly_answered(), "problem", Theme::monochrome());
    send(
        &mut app,
        &[
            Message::Discuss,
            Message::EditNote,
            Message::Paste("Owner and office manager disagree.\nRevisit Monday.".into()),
            Message::Confirm,
        ],
    );
    snapshot("question_note_discuss", &mut app);
}

#[test]
fn question_follow_up_says_why_it_is_asked() {
    let mut app = app_with(&partly_answered(), "dpa", Theme::monochrome());
    snapshot("question_follow_up", &mut app);
}

#[test]
fn question_with_a_new_follow_up_notice() {
    let mut app = app_at("personal-data");
    send(&mut app, &[Message::Pick(0)]);
    snapshot("question_follow_up_added", &mut app);
}

// ---------------------------------------------------------------------------------------
// Overlays

#[test]
fn help_overlay() {
    let mut app = app_at("problem");
    send(&mut app, &[Message::ShowHelp]);
    snapshot("help_question", &mut app);
}

/// Text with every run of whitespace made one space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_key_list_shows_every_key_whole_at_every_size() {
    // At 80x24 a long line of words once pushed its neighbour in the second column out
    // of the box: "s summary" was nowhere.
    for (width, height) in [(80, 24), (100, 30), (120, 40)] {
        let mut app = app_at("problem");
        send(&mut app, &[Message::ShowHelp]);
        let shown = squash(
            &draw(&mut app, width, height)
                .backend()
                .to_string()
                .replace('"', " "),
        );
        let bindings = outready::tui::keymap::hints(
            outready::tui::keymap::Context::Question,
            |only| app.applies(only),
            false,
        );
        for binding in bindings {
            let words = squash(binding.label);
            let entry = format!(
                "{} {}",
                binding.help_label(),
                words.split(' ').next().unwrap_or("")
            );
            assert!(
                shown.contains(&entry),
                "{width}x{height}: \"{entry}\" is not in the key list:\n{shown}"
            );
        }
        assert!(shown.contains("Esc closes this list."), "{width}x{height}");
    }
}

#[test]
fn help_overlay_while_typing() {
    let mut app = app_at("cost-notes");
    send(&mut app, &[Message::ShowHelp]);
    snapshot("help_typing_long", &mut app);
}

#[test]
fn note_overlay() {
    let mut app = app_with(&partly_answered(), "budget", Theme::monochrome());
    send(&mut app, &[Message::EditNote, Message::Type(' ')]);
    snapshot("note", &mut app);
}

#[test]
fn go_to_section_overlay() {
    let mut app = app_with(&partly_answered(), "outcomes", Theme::monochrome());
    send(&mut app, &[Message::GoToSection, Message::Down]);
    snapshot("go_to_section", &mut app);
}

fn plan_rows(app: &App) -> Vec<PlanOverview> {
    vec![
        PlanOverview {
            name: app.plan.name.clone(),
            file: PathBuf::from("acme-ltd.json"),
            questionnaire: "small".into(),
            answered: 7,
            total: 12,
            level: "Not ready".into(),
            updated: "2026-03-02 10:30".into(),
            problem: None,
        },
        PlanOverview {
            name: "Acme Ltd with Northwind IT".into(),
            file: PathBuf::from("acme-ltd-with-northwind-it.json"),
            questionnaire: "small".into(),
            answered: 10,
            total: 10,
            level: "Nearly ready".into(),
            updated: "2026-02-27 16:05".into(),
            problem: None,
        },
        PlanOverview {
            name: "old-draft".into(),
            file: PathBuf::from("old-draft.json"),
            questionnaire: "?".into(),
            answered: 0,
            total: 0,
            level: "?".into(),
            updated: "?".into(),
            problem: Some("the file is not valid JSON (line 3, column 1)".into()),
        },
    ]
}

fn plans_app() -> App {
    let mut app = app_with(&partly_answered(), "budget", Theme::monochrome());
    // This plan's file: its row is marked as the one open.
    send(
        &mut app,
        &[Message::SavedTo(PathBuf::from("acme-ltd.json"))],
    );
    send(&mut app, &[Message::OpenPlans]);
    let rows = plan_rows(&app);
    let Screen::Plans(state) = &mut app.screen else {
        panic!("p did not open the plans: {:?}", app.screen)
    };
    *state = PlansState {
        rows,
        selected: 1,
        ..PlansState::default()
    };
    app
}

#[test]
fn new_plan_overlay() {
    let mut app = plans_app();
    send(&mut app, &[Message::NewPlan]);
    type_text(&mut app, "Acme Ltd");
    app.taken.insert("acme-ltd".into(), "Acme Ltd".into());
    send(&mut app, &[Message::Confirm]);
    snapshot("new_plan_name_taken", &mut app);
}

// ---------------------------------------------------------------------------------------
// Review, summary, plans

#[test]
fn review_all_and_discuss() {
    let mut app = app_with(&partly_answered(), "reason", Theme::monochrome());
    send(&mut app, &[Message::OpenReview]);
    snapshot("review_all", &mut app);
    send(&mut app, &[Message::CycleFilter, Message::CycleFilter]);
    snapshot("review_discuss", &mut app);
}

#[test]
fn summary_with_a_blocker() {
    let mut app = app_with(&partly_answered(), "budget", Theme::monochrome());
    send(&mut app, &[Message::OpenSummary]);
    snapshot("summary", &mut app);
    // Narrower than 80 columns the blocker mark still fits beside the bar.
    let terminal = draw(&mut app, 60, 16);
    insta::assert_snapshot!("summary_60x16", terminal.backend().to_string());
}

#[test]
fn gaps_with_one_recommendation_in_the_plan() {
    let mut app = app_with(&partly_answered(), "budget", Theme::monochrome());
    send(
        &mut app,
        &[Message::OpenSummary, Message::OpenGaps, Message::Down],
    );
    send(&mut app, &[Message::Pick(0)]);
    snapshot("gaps", &mut app);
}

#[test]
fn action_plan_with_an_owner_and_a_status() {
    let mut app = app_with(&partly_answered(), "budget", Theme::monochrome());
    send(
        &mut app,
        &[Message::OpenSummary, Message::OpenGaps, Message::Pick(0)],
    );
    send(
        &mut app,
        &[Message::Down, Message::Pick(0), Message::OpenActions],
    );
    send(&mut app, &[Message::EditOwner]);
    for c in "Sam Patel".chars() {
        send(&mut app, &[Message::Type(c)]);
    }
    send(&mut app, &[Message::Confirm, Message::CycleStatus]);
    snapshot("action_plan", &mut app);
    send(&mut app, &[Message::Down, Message::EditDue]);
    snapshot("action_due_date_overlay", &mut app);
}

#[test]
fn empty_gaps_and_action_plan_say_what_to_do() {
    let mut app = app_at("staff");
    send(&mut app, &[Message::OpenSummary, Message::OpenGaps]);
    snapshot("gaps_empty", &mut app);
    send(&mut app, &[Message::OpenActions]);
    snapshot("action_plan_empty", &mut app);
}

#[test]
fn plans() {
    let mut app = plans_app();
    snapshot("plans", &mut app);
}

#[test]
fn too_small() {
    let mut app = app_at("problem");
    let terminal = draw(&mut app, 50, 12);
    insta::assert_snapshot!("too_small_50x12", terminal.backend().to_string());
}

#[test]
fn tiny_windows_draw_without_panicking() {
    let mut app = app_with(&partly_answered(), "problem", Theme::monochrome());
    let screens: [&[Message]; 5] = [
        &[],
        &[Message::ShowHelp],
        &[Message::Close, Message::OpenReview],
        &[Message::OpenSummary],
        &[Message::OpenPlans],
    ];
    for messages in screens {
        // Messages are applied at a workable size, then drawn at every tiny one.
        app.area = Rect::new(0, 0, 80, 24);
        send(&mut app, messages);
        for (width, height) in [
            (1, 1),
            (0, 0),
            (2, 1),
            (1, 30),
            (59, 16),
            (60, 15),
            (60, 16),
        ] {
            let terminal = draw(&mut app, width, height);
            // Below the minimum, the window says so; at it, the screen is drawn.
            let shown = || terminal.backend().to_string();
            match (width, height) {
                (59, 16) | (60, 15) => assert!(shown().contains("Window too small"), "{}", shown()),
                (60, 16) => assert!(shown().contains(" outready · Acme Ltd"), "{}", shown()),
                _ => {}
            }
        }
    }
    let terminal = draw(&mut app, 1, 1);
    insta::assert_snapshot!("too_small_1x1", terminal.backend().to_string());
}

// ---------------------------------------------------------------------------------------
// Styles the text snapshots cannot show

#[test]
fn the_highlighted_option_is_reversed_in_the_default_theme() {
    let mut app = app_with(
        &[("reason", text("both"))],
        "reason",
        Theme::pick(ThemeName::Default, false),
    );
    send(&mut app, &[Message::Down]);
    let terminal = draw(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "Mainly quality");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "the highlighted option is reversed"
    );
    let (x, y) = find(buffer, "Only to cut cost");
    assert!(
        !buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "other options are not"
    );
    // The chosen option is marked by a symbol as well as by its style.
    let (x, y) = find(buffer, "Cost and quality");
    assert!(row_text(buffer, y).contains("(•)"));
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    // The current section is reversed in the sidebar too (its first rows hold them).
    let sidebar = 0..24;
    let (x, y) = find_in(buffer, "Goals", sidebar.clone());
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find_in(buffer, "Budget", sidebar);
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn no_color_draws_every_screen_without_a_colour() {
    for name in [ThemeName::Default, ThemeName::HighContrast] {
        let mut app = app_with(&partly_answered(), "problem", Theme::pick(name, true));
        let screens: [&[Message]; 8] = [
            &[],
            &[Message::ShowHelp],
            &[Message::Close, Message::OpenReview],
            &[Message::OpenSummary],
            &[Message::OpenGaps, Message::Pick(0)],
            &[Message::OpenActions],
            &[Message::OpenQuestions, Message::GoToSection],
            &[Message::Close, Message::EditNote],
        ];
        for messages in screens {
            send(&mut app, messages);
            for (width, height) in SIZES {
                let terminal = draw(&mut app, width, height);
                for cell in terminal.backend().buffer().content() {
                    assert_eq!(
                        (cell.fg, cell.bg),
                        (Color::Reset, Color::Reset),
                        "{name:?} {messages:?} {:?}: {:?}",
                        cell.symbol(),
                        app.screen
                    );
                }
            }
        }
    }
}

#[test]
fn the_default_theme_does_use_colour() {
    // So the NO_COLOR test above would notice a theme that ignored it.
    let mut app = app_with(
        &partly_answered(),
        "problem",
        Theme::pick(ThemeName::Default, false),
    );
    let terminal = draw(&mut app, 80, 24);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|cell| cell.fg != Color::Reset)
    );
}

#[test]
fn app_view_and_draw_agree() {
    let mut app = app_with(&partly_answered(), "problem", Theme::monochrome());
    let drawn = draw(&mut app, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(AppView { app: &app }, f.area()))
        .unwrap();
    assert_eq!(terminal.backend().buffer(), drawn.backend().buffer());
}
