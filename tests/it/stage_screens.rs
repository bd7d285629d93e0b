//! The front ends show the format's additions: a question's source on its own line under
//! "why this matters" (the terminal's question screen and plain mode's `?`), and the
//! stage's note after the level's text in the summary; drawn from the `stages` fixture.

use std::path::Path;

use jiff::Timestamp;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::{Plan, PlanName};
use outready::questionnaire::load::load_file;
use outready::tui::app::App;
use outready::tui::message::Message;
use outready::tui::theme::Theme;
use outready::tui::update::update;
use outready::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().expect("a timestamp")
}

/// The stages fixture with these answers, opened on `at`.
fn app(answers: &[(&str, Answer)], at: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/stages.json");
    let loaded = load_file(&path).expect("the stages fixture loads");
    let mut plan = Plan::new(
        &PlanName::new("Acme Ltd").expect("a plan name"),
        &loaded,
        fixed_now(),
    );
    for (id, answer) in answers {
        plan.set_answer(id, answer.clone(), fixed_now());
    }
    plan.position.question = Some(at.to_string());
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = fixed_now;
    app
}

fn screen(app: &mut App, width: u16, height: u16) -> Vec<String> {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

fn text(value: &str) -> Answer {
    Answer::answered(Value::Text(value.into()))
}

#[test]
fn the_source_has_its_own_line_under_why_this_matters() {
    let mut app = app(&[], "contract-notice");
    let lines = screen(&mut app, 120, 40);
    let why = lines
        .iter()
        .position(|l| l.contains("Without a notice period"))
        .unwrap_or_else(|| panic!("no why on screen:\n{}", lines.join("\n")));
    let source = lines
        .iter()
        .position(|l| l.contains("Source: CISA, Choosing a managed service provider (2023)"))
        .unwrap_or_else(|| panic!("no source on screen:\n{}", lines.join("\n")));
    assert!(source > why, "the source comes after the why");
    assert!(!lines[why].contains("Source:"), "on a line of its own");
}

#[test]
fn plain_mode_help_gives_the_source_after_the_why() {
    let app = app(&[], "contract-notice");
    let (_, question) = app.current().expect("on a question");
    let help = outready::plain::wording::help(question, false);
    let why = help.iter().position(|l| l.starts_with("Why it matters:"));
    let source = help
        .iter()
        .position(|l| l == "Source: CISA, Choosing a managed service provider (2023)");
    assert!(why.is_some() && source == why.map(|w| w + 1), "{help:?}");
}

#[test]
fn the_summary_shows_the_stage_note_in_place_of_the_level_text_when_only_the_stage_holds() {
    let answers = [
        ("profile-stage", text("exploring")),
        ("headcount", Answer::answered(Value::Number(8.0))),
        ("contract-notice", Answer::in_state(AnswerState::Unsure)),
        (
            "red-flags",
            Answer::answered(Value::List(vec!["none".into()])),
        ),
        ("gov-owner", text("named")),
        ("hours", Answer::answered(Value::Number(6.0))),
    ];
    let mut app = app(&answers, "hours");
    update(&mut app, Message::OpenSummary);
    let lines = screen(&mut app, 120, 40).join("\n");
    // Only the stage holds this owner down, so its note stands in for the level's text
    // ("close the basics"), which would speak of gaps the owner does not have.
    let verdict = lines
        .find("Verdict: BASICS MISSING")
        .unwrap_or_else(|| panic!("no verdict:\n{lines}"));
    let note = lines
        .find("as expected while you are exploring")
        .unwrap_or_else(|| panic!("no stage note:\n{lines}"));
    assert!(note > verdict, "the note follows the verdict:\n{lines}");
    assert!(
        !lines.contains("Close the basics before you sign."),
        "the level's text would contradict the answers:\n{lines}"
    );
}
