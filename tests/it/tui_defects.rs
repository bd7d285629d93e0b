//! The defects a new user met in the terminal front end, each held by a test that fails
//! without its fix: the welcome, themes on light terminals, notes, cut text, refused
//! entries, "asked because of", the footer and status, clearing, unsure answers, keeping
//! the place, messages that agree with the screen, and plain and ASCII terminals. Most
//! run on the fixture questionnaires, so the built-in wording can change freely.

use std::path::Path;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jiff::Timestamp;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::{Plan, PlanName};
use outready::questionnaire::Loaded;
use outready::questionnaire::load::load_file;
use outready::tui::app::{App, Overlay, Screen};
use outready::tui::keymap::{Context, message_for};
use outready::tui::message::Effect;
use outready::tui::theme::Theme;
use outready::tui::to_message;
use outready::tui::update::update;
use outready::tui::view::AppView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

fn fixture(name: &str) -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid")
        .join(name);
    load_file(&path).expect("the fixture loads")
}

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().expect("a timestamp")
}

/// A saved plan of this name on the fixture, opened on its first question.
fn app_on(questionnaire: &str, name: &str, size: (u16, u16)) -> App {
    let loaded = fixture(questionnaire);
    let plan = Plan::new(&PlanName::new(name).expect("a name"), &loaded, fixed_now());
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = fixed_now;
    app.area = Rect::new(0, 0, size.0, size.1);
    app
}

fn world(size: (u16, u16)) -> App {
    app_on("world.json", "Acme 株式会社", size)
}

/// A new plan: the welcome screen; named on the command line when `name` is given.
fn first_run(name: Option<&str>) -> App {
    let loaded = fixture("small.json");
    let mut plan = Plan::new(&PlanName::new("new").expect("a name"), &loaded, fixed_now());
    plan.name = name.unwrap_or_default().to_string();
    let mut app = App::new(loaded, plan, true, Theme::monochrome());
    app.now = fixed_now;
    app.area = Rect::new(0, 0, 80, 24);
    app
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    match message_for(app.context(), &key) {
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

fn open(app: &mut App, id: &str) {
    let (section, question) = app.questionnaire().locate(id).expect("a question id");
    app.show_question(outready::wizard::Spot { section, question });
}

fn current_id(app: &App) -> String {
    app.current()
        .map(|(_, q)| q.id.to_string())
        .unwrap_or_default()
}

fn answer(app: &mut App, id: &str, value: &str) {
    let answer = Answer::answered(Value::Text(value.into()));
    app.plan.set_answer(id, answer, fixed_now());
    app.refresh();
}

fn buffer(app: &App) -> Buffer {
    let area = app.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|f| f.render_widget(AppView { app }, f.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The cells of the buffer that show something: a wide character's second column is
/// left out, as the terminal draws the character over both.
fn shown_cells(buffer: &Buffer) -> Vec<Vec<&ratatui::buffer::Cell>> {
    (0..buffer.area.height)
        .map(|y| {
            let mut row = Vec::new();
            let mut skip = 0;
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let cell = &buffer[(x, y)];
                skip = cell.symbol().width().saturating_sub(1);
                row.push(cell);
            }
            row
        })
        .collect()
}

fn rows(app: &App) -> Vec<String> {
    let buffer = buffer(app);
    shown_cells(&buffer)
        .into_iter()
        .map(|row| row.into_iter().map(|cell| cell.symbol()).collect())
        .collect()
}

fn screen(app: &App) -> String {
    rows(app).join("\n")
}

fn snapshot(name: &str, app: &mut App) {
    for (width, height) in [(80, 24), (120, 40)] {
        app.area = Rect::new(0, 0, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(app));
    }
}

// ---------------------------------------------------------------------------------------
// Widths: CJK, emoji, accents and right-to-left text

#[test]
fn names_from_everywhere_keep_every_column_in_line() {
    let mut app = world((80, 24));
    answer(&mut app, "abroad", "no");
    answer(&mut app, "personal", "yes");
    open(&mut app, "data-location");
    snapshot("world_question", &mut app);
    // The sidebar's border stands in one column on every row.
    for (width, height) in [(80, 24), (120, 40)] {
        app.area = Rect::new(0, 0, width, height);
        let buffer = buffer(&app);
        let border = if width == 80 { 23 } else { 29 };
        for y in 1..height - 4 {
            assert_eq!(
                buffer[(border, y)].symbol(),
                "│",
                "{width}x{height} row {y}"
            );
        }
    }
}

#[test]
fn a_wide_plan_name_never_cuts_the_progress() {
    for width in [60, 70, 80] {
        let app = world((width, 24));
        let header = &rows(&app)[0];
        assert!(header.contains("0/6"), "{width}: {header:?}");
        assert!(header.contains("0%"), "{width}: {header:?}");
        assert!(header.contains("Acme"), "{width}: {header:?}");
    }
    // The name gives way first, with a sign.
    let app = app_on(
        "world.json",
        "Acme 株式会社 und Partner Handelsgesellschaft",
        (70, 24),
    );
    let header = &rows(&app)[0];
    assert!(
        header.contains('…') && header.contains("0/6 answered · 0%"),
        "{header:?}"
    );
}

#[test]
fn the_review_and_summary_with_names_from_everywhere() {
    let mut app = world((80, 24));
    answer(&mut app, "abroad", "yes");
    let mut noted = Answer::answered(Value::Text("no".into()));
    noted.note = Some("Ask Zoë in 東京 about the backup 🗄 — and the contract's exit terms, which nobody has read yet, before the meeting on Friday.".into());
    app.plan.set_answer("backup", noted, fixed_now());
    app.refresh();
    ch(&mut app, 'r');
    snapshot("world_review", &mut app);
    ch(&mut app, 's');
    snapshot("world_summary", &mut app);
}

// ---------------------------------------------------------------------------------------
// 1. The welcome

#[test]
fn the_welcome_offers_a_name_and_enter_begins() {
    let mut app = first_run(None);
    assert!(screen(&app).contains("My plan"));
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(app.plan.name, "My plan");
    assert!(matches!(app.screen, Screen::Question(_)));
    // Taken already: the next free name.
    let mut app = first_run(None);
    app.taken.insert("my-plan".into(), "My plan".into());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.name, "My plan 2");
    // Typing replaces the name offered.
    let mut app = first_run(None);
    type_keys(&mut app, "Hartley & Co");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.plan.name, "Hartley & Co");
}

#[test]
fn an_enter_typed_while_the_wizard_starts_still_begins() {
    // Typed before the terminal was in raw mode, Enter arrives as a line feed, which
    // raw mode reads as Ctrl-J: it begins as Enter does, and answers as Enter does.
    let line_feed = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    let mut app = first_run(None);
    let begin = to_message(&app, line_feed.clone()).expect("a line feed means something");
    assert_eq!(update(&mut app, begin), vec![Effect::SavePlan]);
    assert!(matches!(app.screen, Screen::Question(_)));
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(to_message(&app, line_feed), to_message(&app, enter));
    // A plain j is still j.
    let j = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
    assert_ne!(
        to_message(&app, j.clone()),
        to_message(
            &app,
            Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
        )
    );
}

#[test]
fn a_name_from_the_command_line_is_not_asked_for_again() {
    let mut app = first_run(Some("acme"));
    assert_eq!(app.context(), Context::WelcomeNamed);
    assert_eq!(ch(&mut app, '1'), vec![]);
    assert_eq!(app.plan.name, "acme");
    let shown = screen(&app);
    assert!(shown.contains("This plan: acme"), "{shown}");
    assert!(!shown.contains("Name this plan"), "{shown}");
    assert_eq!(press(&mut app, KeyCode::Enter), vec![Effect::SavePlan]);
    assert_eq!(app.plan.name, "acme");
}

// ---------------------------------------------------------------------------------------
// 2. Themes on light terminals

#[test]
fn high_contrast_paints_its_own_background_on_every_cell() {
    let mut app = world((80, 24));
    app.theme = Theme::high_contrast();
    let setups: [fn(&mut App); 3] = [
        |_| {},
        |app| {
            ch(app, 'n');
        },
        |app| {
            ch(app, 's');
        },
    ];
    for setup in setups {
        let mut app = app.clone();
        setup(&mut app);
        let buffer = buffer(&app);
        for cell in shown_cells(&buffer).into_iter().flatten() {
            assert!(
                matches!(cell.bg, Color::Black | Color::White),
                "a cell on the terminal's own background: {cell:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// 3. Notes

#[test]
fn a_long_note_wraps_scrolls_and_shows_its_cursor() {
    let mut app = world((80, 24));
    ch(&mut app, 'n');
    let long = "The provider said the backups run nightly but could not say where they are kept; ask for the data centre, the retention period and a restore test before Friday's meeting. End.";
    type_keys(&mut app, long);
    let shown = screen(&app);
    assert!(shown.contains("ask for the data"), "{shown}");
    assert!(
        shown.contains("End."),
        "the end of the note is in view:\n{shown}"
    );
    // The cursor is a reversed cell just after the last character.
    let buffer = buffer(&app);
    let (x, y) = (0..buffer.area.height)
        .flat_map(|y| (0..buffer.area.width - 4).map(move |x| (x, y)))
        .find(|(x, y)| {
            (0..4)
                .map(|i| buffer[(x + i, *y)].symbol())
                .collect::<String>()
                == "End."
        })
        .expect("the end of the note is drawn");
    assert!(buffer[(x + 4, y)].modifier.contains(Modifier::REVERSED));
    press(&mut app, KeyCode::Enter);
    // Saved, and read whole on the question screen.
    app.area = Rect::new(0, 0, 120, 40);
    let shown = screen(&app);
    assert!(
        shown.contains("restore test") && shown.contains("End."),
        "{shown}"
    );
}

// ---------------------------------------------------------------------------------------
// 4. Cut text

#[test]
fn cut_help_says_so_and_m_reads_it_whole() {
    let mut app = world((80, 24));
    answer(&mut app, "personal", "yes");
    open(&mut app, "data-location");
    press(&mut app, KeyCode::Esc);
    let shown = screen(&app);
    assert!(shown.contains("… m reads it whole"), "{shown}");
    assert!(!shown.contains("worth writing down"), "{shown}");
    ch(&mut app, 'm');
    assert_eq!(app.overlay, Some(Overlay::Reading { scroll: 0 }));
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    let shown = screen(&app);
    assert!(shown.contains("worth writing down"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

// ---------------------------------------------------------------------------------------
// 5. A refused entry

#[test]
fn a_refused_entry_names_the_answer_still_saved() {
    let mut app = world((80, 24));
    open(&mut app, "reserve");
    type_keys(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    open(&mut app, "reserve");
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Backspace);
    type_keys(&mut app, "150");
    app.area = Rect::new(0, 0, 120, 40);
    let shown = screen(&app);
    assert!(
        shown.contains("Not saved: the largest accepted value is 100."),
        "{shown}"
    );
    assert!(shown.contains("The saved answer is still 5"), "{shown}");
    press(&mut app, KeyCode::Up);
    assert_eq!(
        app.plan.answers["reserve"].value,
        Some(Value::Number(5.0)),
        "the plan keeps 5"
    );
}

// ---------------------------------------------------------------------------------------
// 6. "Asked because of"

#[test]
fn a_follow_up_names_the_answer_that_switched_it_on() {
    let mut app = world((120, 40));
    answer(&mut app, "abroad", "no");
    answer(&mut app, "personal", "yes");
    open(&mut app, "data-location");
    let shown = screen(&app);
    assert!(
        shown.contains("Do you keep personal data about customers?"),
        "{shown}"
    );
    assert!(!shown.contains("based abroad"), "{shown}");
}

// ---------------------------------------------------------------------------------------
// 7 and 8. The footer, the status line and the header at 80 columns

#[test]
fn the_footer_keeps_its_keys_while_a_message_shows() {
    let mut app = app_on("small.json", "Acme", (80, 24));
    press(&mut app, KeyCode::Esc);
    app.say("Note saved.");
    let shown = rows(&app);
    assert!(shown[21].contains("Note saved."), "{shown:#?}");
    let footer = shown[22..].join("\n");
    for key in ["? keys", "q quit", "s summary", "r review"] {
        assert!(footer.contains(key), "{key}: {footer}");
    }
    ch(&mut app, 's');
    app.say("Report saved.");
    let footer = rows(&app)[22..].join("\n");
    assert!(
        footer.contains("e export report") && footer.contains("q quit"),
        "{footer}"
    );
}

#[test]
fn a_saved_reports_path_is_shown_whole() {
    let mut app = app_on("small.json", "Acme", (80, 24));
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 's');
    let path = "/home/sam/.local/share/outready/reports/acme-ltd-2026-03-02-0930.html";
    app.say(format!(
        "Report saved: {path} (open it in a browser to print or send it)."
    ));
    let shown = rows(&app).join("");
    assert!(
        shown.replace(' ', "").contains(&path.replace(' ', "")),
        "{shown}"
    );
    assert!(shown.contains("send it)."), "{shown}");
}

#[test]
fn at_80_columns_the_questions_position_stays() {
    let app = world((80, 24));
    let shown = screen(&app);
    assert!(
        shown.contains("section 1 of 4 · question 1 of 3"),
        "{shown}"
    );
}

// ---------------------------------------------------------------------------------------
// 9. Clearing

#[test]
fn c_clears_with_a_word_and_c_again_puts_it_back() {
    let mut app = world((80, 24));
    ch(&mut app, '1');
    assert_eq!(ch(&mut app, 'c'), vec![Effect::SavePlan]);
    assert_eq!(app.plan.answers["abroad"].state, AnswerState::Unanswered);
    let said = app.status.clone().map(|s| s.text).unwrap_or_default();
    assert!(said.contains("press c again"), "{said}");
    assert_eq!(ch(&mut app, 'c'), vec![Effect::SavePlan]);
    assert_eq!(
        app.plan.answers["abroad"].value,
        Some(Value::Text("yes".into()))
    );
    // Nothing to clear says so.
    ch(&mut app, 'c');
    ch(&mut app, 'c');
    ch(&mut app, 'c');
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Left);
    assert_eq!(ch(&mut app, 'c'), vec![]);
    let said = app.status.clone().map(|s| s.text).unwrap_or_default();
    assert!(said.contains("no answer to clear"), "{said}");
    // A refused entry never saved is cleared too, and kept no longer.
    open(&mut app, "reserve");
    type_keys(&mut app, "150");
    press(&mut app, KeyCode::Esc);
    assert_eq!(ch(&mut app, 'c'), vec![]);
    assert!(!app.drafts.contains_key("reserve"));
    let field = app.current().and_then(|(s, _)| s.field.clone()).unwrap();
    assert_eq!(field.text(), "");
}

// ---------------------------------------------------------------------------------------
// 10. Coming back to "I don't know yet"

#[test]
fn an_unsure_answer_highlights_no_option() {
    let mut app = world((80, 24));
    ch(&mut app, 'u');
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.current().map(|(s, _)| s.highlight), Some(None));
    let shown = screen(&app);
    assert!(!shown.contains("▸1 ") && !shown.contains("▸2 "), "{shown}");
    assert_eq!(ch(&mut app, ' '), vec![]);
    assert_eq!(app.plan.answers["abroad"].state, AnswerState::Unsure);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.current().map(|(s, _)| s.highlight), Some(Some(0)));
}

// ---------------------------------------------------------------------------------------
// 11. Keeping the place; page keys

#[test]
fn the_gaps_list_keeps_its_place_and_esc_goes_back_to_it() {
    let mut app = app_on("small.json", "Acme", (80, 24));
    for (id, value) in [("problem", "no"), ("outcomes", "0"), ("reason", "cost")] {
        answer(&mut app, id, value);
    }
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 's');
    ch(&mut app, 'g');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let gap = app.report().gaps[2].question_id.clone();
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), gap);
    assert!(screen(&app).contains("Esc back to the list"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.screen,
        Screen::Gaps(outready::tui::app::ListState { selected: 2 })
    );
    ch(&mut app, 's');
    ch(&mut app, 'g');
    assert_eq!(
        app.screen,
        Screen::Gaps(outready::tui::app::ListState { selected: 2 })
    );
}

#[test]
fn a_click_on_a_gap_selects_it_and_a_second_click_opens_it() {
    let mut app = app_on("small.json", "Acme", (80, 24));
    for (id, value) in [("problem", "no"), ("outcomes", "0"), ("reason", "cost")] {
        answer(&mut app, id, value);
    }
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 's');
    ch(&mut app, 'g');
    // The rows start under the header, the title and a blank line.
    let message = outready::tui::layout::click(&app, 10, 4);
    assert_eq!(message, Some(outready::tui::message::Message::Select(1)));
    update(&mut app, outready::tui::message::Message::Select(1));
    assert_eq!(
        app.screen,
        Screen::Gaps(outready::tui::app::ListState { selected: 1 })
    );
    let gap = app.report().gaps[1].question_id.clone();
    update(&mut app, outready::tui::message::Message::Select(1));
    assert_eq!(current_id(&app), gap);
    // Below the last gap, a click lands on nothing.
    ch(&mut app, 's');
    ch(&mut app, 'g');
    assert_eq!(outready::tui::layout::click(&app, 10, 2 + 40), None);
    assert_eq!(outready::tui::layout::click(&app, 10, 12), None);
}

#[test]
fn page_down_scrolls_the_summary() {
    let mut app = app_on("small.json", "Acme", (80, 16));
    for (id, value) in [("problem", "no"), ("outcomes", "0"), ("reason", "cost")] {
        answer(&mut app, id, value);
    }
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 's');
    let top = screen(&app);
    press(&mut app, KeyCode::PageDown);
    let Screen::Summary(state) = &app.screen else {
        panic!()
    };
    assert!(state.scroll > 1, "{:?}", state);
    assert_ne!(screen(&app), top);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(screen(&app), top);
}

// ---------------------------------------------------------------------------------------
// 12. Messages that agree with the screen; the legend

#[test]
fn what_an_answer_changed_agrees_with_the_count() {
    let mut app = world((80, 24));
    ch(&mut app, '1');
    let notice = match &app.screen {
        Screen::Question(state) => state.notice.clone().unwrap_or_default(),
        _ => String::new(),
    };
    assert_eq!(
        notice,
        "Your answer added 1 follow-up question: 7 questions in all now."
    );
    let header = &rows(&app)[0];
    assert!(header.contains("/7"), "{header}");
    // Set aside again with nothing answered in it: nothing is said to be kept.
    ch(&mut app, '2');
    let notice = match &app.screen {
        Screen::Question(state) => state.notice.clone().unwrap_or_default(),
        _ => String::new(),
    };
    assert_eq!(
        notice,
        "Your answer set aside 1 question: 6 questions in all now."
    );
}

#[test]
fn the_sidebar_says_what_its_symbols_mean() {
    let app = world((80, 24));
    let shown = screen(&app);
    assert!(shown.contains("○ none ◐ some ✓ all"), "{shown}");
}

// ---------------------------------------------------------------------------------------
// 13 and 14. Plain and ASCII terminals

#[test]
fn without_utf8_every_screen_is_ascii() {
    let mut app = world((80, 24));
    app.ascii = true;
    let setups: [fn(&mut App); 5] = [
        |_| {},
        |app| {
            ch(app, 'n');
        },
        |app| {
            ch(app, '?');
        },
        |app| {
            ch(app, 's');
        },
        |app| {
            ch(app, 'r');
        },
    ];
    for setup in setups {
        let mut app = app.clone();
        setup(&mut app);
        let shown = screen(&app);
        assert!(shown.is_ascii(), "{shown}");
    }
    // The sidebar's border and symbols have ASCII stand-ins.
    let shown = screen(&app);
    assert!(
        shown.contains("|") && shown.contains("o none ~ some + all"),
        "{shown}"
    );
}

#[test]
fn the_summary_stops_scrolling_at_its_end_so_up_moves_at_once() {
    let mut app = app_on("small.json", "Acme", (80, 16));
    for (id, value) in [("problem", "no"), ("outcomes", "0"), ("reason", "cost")] {
        answer(&mut app, id, value);
    }
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 's');
    for _ in 0..20 {
        press(&mut app, KeyCode::PageDown);
    }
    let bottom = screen(&app);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(screen(&app), bottom);
    press(&mut app, KeyCode::Up);
    assert_ne!(screen(&app), bottom, "one key up shows one line more");
}

#[test]
fn update_reads_no_screen_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = vec![root.join("update.rs")];
    for entry in std::fs::read_dir(root.join("update")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for line in source
            .lines()
            .filter(|l| l.trim_start().starts_with("use "))
        {
            assert!(!line.contains("screens"), "{}: {line}", file.display());
        }
    }
}

/// `update` is the only writer of the app: the session carries out effects and sends
/// what they found back as messages, never setting a field or calling a method that
/// changes the app itself.
#[test]
fn the_session_never_writes_the_app() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = vec![root.join("session.rs")];
    for entry in std::fs::read_dir(root.join("session")).unwrap() {
        files.push(entry.unwrap().path());
    }
    // The methods of `App` that change it.
    let changing = [
        ".say(",
        ".warn(",
        ".refresh(",
        ".refresh_report(",
        ".show_question(",
        ".resume(",
    ];
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (n, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let at = format!("{}:{}: {line}", file.display(), n + 1);
            assert!(!code.contains("*app ="), "{at}");
            assert!(!code.contains("&mut app."), "{at}");
            for (start, _) in code.match_indices("app.") {
                // `app.field = ...`, `app.a.b += ...`: an assignment to the app.
                let rest = &code[start + 4..];
                let path_end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                    .unwrap_or(rest.len());
                let after = rest[path_end..].trim_start();
                let assigns = (after.starts_with('=') && !after.starts_with("=="))
                    || ["+=", "-=", "|=", "&="]
                        .iter()
                        .any(|op| after.starts_with(op));
                assert!(!assigns, "{at}");
                for method in changing {
                    assert!(!rest.starts_with(&method[1..]), "{at}");
                }
            }
        }
    }
}

/// Every message and effect says what it means in a `///` line.
#[test]
fn every_message_and_effect_is_documented() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/message.rs");
    let source = std::fs::read_to_string(path).unwrap();
    for name in ["Message", "Effect"] {
        let start = source.find(&format!("pub enum {name} {{")).unwrap();
        let body = &source[start..];
        let body = &body[..body.find("\n}\n").unwrap()];
        let lines: Vec<&str> = body.lines().skip(1).collect();
        let mut depth = 0i32;
        let mut variants = 0;
        for (i, line) in lines.iter().enumerate() {
            let line = line.trim();
            if depth == 0 && line.starts_with(|c: char| c.is_ascii_uppercase()) {
                variants += 1;
                let above = if i == 0 { "" } else { lines[i - 1].trim() };
                assert!(above.starts_with("///"), "{name}::{line} has no ///");
            }
            depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        }
        assert!(variants > 5, "{name}: {variants} variants found");
    }
}

#[test]
fn a_scrolled_review_says_what_is_above_and_below() {
    let mut app = app_on("small.json", "Acme", (60, 16));
    update(&mut app, outready::tui::message::Message::OpenReview);
    assert!(matches!(app.screen, Screen::Review(_)));
    let top = screen(&app);
    assert!(top.contains("… more below"), "{top}");
    assert!(!top.contains("… more above"), "{top}");
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    let bottom = screen(&app);
    assert!(bottom.contains("… more above (↑ or PgUp)"), "{bottom}");
    assert!(bottom.contains('▸'), "the selected row shows:\n{bottom}");
}

#[test]
fn the_gaps_footer_offers_find_out_on_a_gap_not_known_yet() {
    let mut app = app_on("small.json", "Acme", (100, 30));
    app.plan.set_answer(
        "problem",
        Answer::in_state(AnswerState::Unsure),
        fixed_now(),
    );
    answer(&mut app, "outcomes", "0");
    update(&mut app, outready::tui::message::Message::OpenSummary);
    update(&mut app, outready::tui::message::Message::OpenGaps);
    assert!(matches!(app.screen, Screen::Gaps(_)), "{:?}", app.screen);
    // The footer's two rows.
    let footer = |app: &App| rows(app)[28..].join(" ");
    let gaps = app.report().gaps.clone();
    let unsure = gaps
        .iter()
        .position(|g| g.unsure)
        .expect("a gap not known yet");
    let known = gaps.iter().position(|g| !g.unsure).expect("a known gap");
    for _ in 0..unsure {
        press(&mut app, KeyCode::Down);
    }
    assert!(footer(&app).contains("f find out"), "{}", screen(&app));
    for _ in 0..gaps.len() {
        press(&mut app, KeyCode::Up);
    }
    for _ in 0..known {
        press(&mut app, KeyCode::Down);
    }
    assert!(!footer(&app).contains("f find out"), "{}", screen(&app));
}
