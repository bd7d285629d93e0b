//! The budget worksheet panel on the question screen (beside the question on a wide
//! screen, under it on a narrow one), changing with every key typed, and the headline
//! figures on the summary.
#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

use std::path::Path;

use jiff::Timestamp;
use outready::answer::{Answer, Value};
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
    "2026-03-02T09:30:00Z".parse().unwrap()
}

/// The wizard on the budget fixture, 12 users answered, counting in euros, at `at`.
fn app_at(at: &str, answers: &[(&str, f64)]) -> App {
    let loaded = load_file(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/questionnaires/figures/budget.json"),
    )
    .unwrap();
    let mut plan = Plan::new(&PlanName::new("Acme").unwrap(), &loaded, fixed_now());
    plan.currency = Some("EUR".into());
    for (id, value) in answers {
        plan.set_answer(id, Answer::answered(Value::Number(*value)), fixed_now());
    }
    plan.position.question = Some(at.into());
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = fixed_now;
    app
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.area = Rect::new(0, 0, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_worksheet_changes_with_every_key_typed() {
    let mut app = app_at("fee", &[("users", 12.0)]);
    let before = screen(&mut app, 120, 40);
    assert!(before.contains("Budget worksheet"), "{before}");
    assert!(before.contains("Monthly fee: not known yet"), "{before}");
    assert!(before.contains("still needed: Fee per user"), "{before}");
    update(&mut app, Message::Type('9'));
    let one_key = screen(&mut app, 120, 40);
    assert!(one_key.contains("Monthly fee: €108.00"), "{one_key}");
    update(&mut app, Message::Type('5'));
    let two_keys = screen(&mut app, 120, 40);
    assert!(two_keys.contains("Monthly fee: €1,140.00"), "{two_keys}");
    assert!(two_keys.contains("Year-one cost: €13,680.00"), "{two_keys}");
    // Nothing is saved by typing alone: the plan still has no fee.
    assert!(!app.plan.answers.contains_key("fee"));
    insta::assert_snapshot!("worksheet_beside_120x40", two_keys);
    let narrow = screen(&mut app, 80, 24);
    assert!(narrow.contains("Budget worksheet"), "{narrow}");
    insta::assert_snapshot!("worksheet_under_80x24", narrow);
}

#[test]
fn an_entry_that_reads_two_ways_leaves_the_figures_as_they_were() {
    let mut app = app_at("fee", &[("users", 12.0)]);
    for c in "1.200".chars() {
        update(&mut app, Message::Type(c));
    }
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Monthly fee: not known yet"), "{shown}");
}

#[test]
fn the_summary_shows_the_three_headline_figures() {
    let mut app = app_at(
        "fee",
        &[
            ("users", 12.0),
            ("fee", 95.0),
            ("term", 36.0),
            ("rise", 3.0),
        ],
    );
    update(&mut app, Message::OpenSummary);
    let summary = screen(&mut app, 120, 40);
    assert!(
        summary.contains(
            "Budget: Year-one cost €13,680.00 · Committed over the minimum term €41,040.00 ·"
        ),
        "{summary}"
    );
    assert!(summary.contains("Three-year cost €42,283.51."), "{summary}");
}

#[test]
fn an_amount_in_another_currency_is_kept_for_correction_with_one_sentence() {
    let mut app = app_at("fee", &[("users", 12.0)]);
    for c in "$95".chars() {
        update(&mut app, Message::Type(c));
    }
    update(&mut app, Message::Confirm);
    assert!(!app.plan.answers.contains_key("fee"), "nothing saved");
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("This plan counts in EUR; type the amount in EUR"),
        "{shown}"
    );
    assert!(
        shown.contains("› $95"),
        "the entry stays for correction: {shown}"
    );
    for _ in 0..3 {
        update(&mut app, Message::Backspace);
    }
    for c in "95".chars() {
        update(&mut app, Message::Type(c));
    }
    update(&mut app, Message::Confirm);
    assert_eq!(
        app.plan.answers.get("fee").and_then(|a| a.value.clone()),
        Some(Value::Number(95.0))
    );
}

#[test]
fn dollar_changes_the_currency_and_every_amount_follows() {
    use outready::tui::keymap::Context;
    use outready::tui::message::Effect;
    let mut app = app_at("term", &[("users", 12.0), ("fee", 95.0)]);
    assert!(screen(&mut app, 120, 40).contains("Monthly fee: €1,140.00"));
    let beneath = app.context();
    assert!(update(&mut app, Message::EditCurrency).is_empty());
    assert_eq!(app.context(), Context::Currency);
    // The box opens on the plan's code; an unknown code gets one sentence and changes nothing.
    for _ in 0..3 {
        update(&mut app, Message::Backspace);
    }
    for c in "pounds".chars() {
        update(&mut app, Message::Type(c));
    }
    assert!(update(&mut app, Message::Confirm).is_empty());
    assert_eq!(app.plan.currency.as_deref(), Some("EUR"));
    let refused = screen(&mut app, 80, 24);
    assert!(refused.contains("Amounts are in euro (EUR)."), "{refused}");
    assert!(
        refused.contains("not a currency code outready knows"),
        "{refused}"
    );
    insta::assert_snapshot!("currency_box_refused_80x24", refused);
    // A known code, in any case: the plan saves and the figures show the new symbol.
    for _ in 0.."pounds".len() {
        update(&mut app, Message::Backspace);
    }
    for c in "gbp".chars() {
        update(&mut app, Message::Type(c));
    }
    assert_eq!(update(&mut app, Message::Confirm), [Effect::SavePlan]);
    assert_eq!(app.plan.currency.as_deref(), Some("GBP"));
    assert_eq!(
        app.context(),
        beneath,
        "the box closes onto the screen beneath"
    );
    let after = screen(&mut app, 120, 40);
    assert!(after.contains("Monthly fee: £1,140.00"), "{after}");
    assert!(
        after.contains("Amounts are now in pound sterling (GBP)"),
        "{after}"
    );
    // The summary's headline figures follow too, and Esc in the box keeps the currency.
    update(&mut app, Message::OpenSummary);
    assert!(screen(&mut app, 120, 40).contains("Year-one cost £13,680.00"));
    update(&mut app, Message::EditCurrency);
    update(&mut app, Message::Type('x'));
    assert!(update(&mut app, Message::Close).is_empty());
    assert_eq!(app.plan.currency.as_deref(), Some("GBP"));
}

#[test]
fn the_panel_starts_with_the_figures_the_question_on_screen_feeds() {
    let loaded = load_file(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/it-outsourcing.json"),
    )
    .unwrap();
    let q = loaded.questionnaire.clone();
    // Directly, through other figures, and through a condition's question.
    assert!(q.figure_reads("year-one", "budget-setup-fee"));
    assert!(q.figure_reads("reserve-amount", "budget-setup-fee"));
    assert!(q.figure_reads("exit-share", "budget-fee-flat"));
    assert!(q.figure_reads("year-one", "budget-quote-kind"));
    assert!(!q.figure_reads("today-yearly", "budget-setup-fee"));
    assert!(!q.figure_reads("no-such-figure", "budget-setup-fee"));

    let mut plan = Plan::new(&PlanName::new("Acme").unwrap(), &loaded, fixed_now());
    plan.currency = Some("EUR".into());
    plan.set_answer(
        "outsourced",
        Answer::answered(Value::List(vec!["managed".into()])),
        fixed_now(),
    );
    plan.position.question = Some("budget-setup-fee".into());
    let mut app = App::new(loaded, plan, false, Theme::monochrome());
    app.now = fixed_now;
    assert_eq!(
        app.current().map(|(_, question)| question.id.as_str()),
        Some("budget-setup-fee")
    );
    let lines = outready::tui::widgets::worksheet::lines_now(&app).expect("a worksheet");
    let figures: Vec<&str> = lines
        .iter()
        .filter(|(part, _)| *part == outready::report::budget::WorksheetPart::Figure)
        .map(|(_, text)| text.as_str())
        .collect();
    // Today's cost, the section's first figure, does not read the set-up fee: the
    // year-one cost, which does, comes first.
    assert!(figures[0].starts_with("Year-one cost"), "{figures:?}");
    let today = figures
        .iter()
        .position(|f| f.starts_with("Today's IT cost"));
    assert!(today.is_some_and(|at| at > 0), "{figures:?}");
}
