//! Amounts typed in the wizard and by `answer`: the first one gives the plan its
//! currency (the one typed with it, else the locale's), every place an amount answer is
//! shown uses the plan's symbol, the currency box says what the amounts are in, and a
//! typed field reads `u` as "I don't know yet".
#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

use std::path::Path;

use jiff::Timestamp;
use outready::answer::{Answer, AnswerState, Value};
use outready::plan::store::load_path;
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

use crate::support::outready;

const BUDGET: &str = "tests/fixtures/questionnaires/figures/budget.json";

fn fixed_now() -> Timestamp {
    "2026-03-02T09:30:00Z".parse().unwrap()
}

/// The wizard on the budget fixture with no currency chosen, at the question `at`.
fn app_at(at: &str, answers: &[(&str, f64)]) -> App {
    let loaded = load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(BUDGET)).unwrap();
    let mut plan = Plan::new(&PlanName::new("Acme").unwrap(), &loaded, fixed_now());
    for (id, value) in answers {
        plan.set_answer(id, Answer::answered(Value::Number(*value)), fixed_now());
    }
    plan.position.question = Some(at.into());
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = fixed_now;
    app
}

fn type_text(app: &mut App, typed: &str) {
    for c in typed.chars() {
        update(app, Message::Type(c));
    }
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn an_amount_typed_with_a_symbol_gives_the_plan_its_currency_and_says_so() {
    let mut app = app_at("fee", &[("users", 2.0)]);
    type_text(&mut app, "€1200.50");
    update(&mut app, Message::Confirm);
    assert_eq!(app.plan.currency.as_deref(), Some("EUR"));
    assert_eq!(
        app.plan.answers.get("fee").and_then(|a| a.value.clone()),
        Some(Value::Number(1200.5))
    );
    assert!(
        status(&app).contains("Amounts are in euro (EUR), as the first amount was typed"),
        "{}",
        status(&app)
    );
    // The worksheet, the review and the field all show the amount in euro.
    update(&mut app, Message::PrevQuestion);
    let back = screen(&mut app, 120, 40);
    assert!(back.contains("Monthly fee: €2,401.00"), "{back}");
    assert!(back.contains("› €1,200.50"), "{back}");
    update(&mut app, Message::OpenReview);
    let review = screen(&mut app, 120, 40);
    assert!(review.contains("€1,200.50"), "{review}");
}

#[test]
fn the_currency_box_says_how_amounts_are_shown_and_prompts_for_a_code() {
    let mut app = app_at("term", &[("users", 2.0), ("fee", 500.0)]);
    update(&mut app, Message::EditCurrency);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("No currency is chosen yet: the amounts typed are shown without a"),
        "{shown}"
    );
    assert!(!shown.contains("the first amount takes"), "{shown}");
    assert!(
        shown.contains("Currency (ISO 4217, like EUR): ›"),
        "{shown}"
    );
    type_text(&mut app, "eur");
    assert!(
        screen(&mut app, 80, 24).contains("Currency (ISO 4217, like EUR): › eur"),
        "the typed text follows the prompt"
    );
    update(&mut app, Message::Confirm);
    assert_eq!(app.plan.currency.as_deref(), Some("EUR"));
    update(&mut app, Message::PrevQuestion);
    assert!(screen(&mut app, 120, 40).contains("› €500.00"));
    // Enter on the field as shown changes nothing.
    let changed = app.plan.answers.get("fee").and_then(|a| a.changed);
    update(&mut app, Message::Confirm);
    assert_eq!(app.plan.answers.get("fee").and_then(|a| a.changed), changed);
}

#[test]
fn u_typed_in_a_field_means_i_do_not_know_yet() {
    for question in ["fee", "users"] {
        let mut app = app_at(question, &[]);
        type_text(&mut app, "u");
        let typed = screen(&mut app, 120, 40).replace("✗ blocker", "");
        assert!(!typed.contains("✗ "), "no error while typing u: {typed}");
        update(&mut app, Message::Confirm);
        let answer = app.plan.answers.get(question).unwrap();
        assert_eq!(answer.state, AnswerState::Unsure, "{question}");
        assert_eq!(app.plan.currency, None, "u chooses no currency");
    }
}

#[test]
fn answer_gives_the_plan_the_currency_typed_with_the_first_amount() {
    let data = tempfile::tempdir().unwrap();
    let said = outready(data.path())
        .env("LANG", "en_GB.UTF-8")
        .arg("--questionnaire")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(BUDGET))
        .args(["answer", "--plan", "Coins", "fee=€1200.50", "users=2"])
        .assert()
        .success();
    let out = String::from_utf8_lossy(&said.get_output().stdout).into_owned();
    assert!(out.contains("Amounts are in euro (EUR)."), "{out}");
    let plan = load_path(&data.path().join("plans/coins.json")).unwrap();
    assert_eq!(plan.currency.as_deref(), Some("EUR"));
}
