#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! The wizard's offer of a sync tool's conflicting copy: said in `list`'s words when the
//! plan opens and on the plans screen; `C` merges it with the code of `outready merge`,
//! the copy moves to `plans/merged/`, the open plan reloads with every answer of both
//! (a difference kept as positions and listed as disputed).

use std::fs;
use std::path::Path;

use jiff::Timestamp;
use outready::answer::{Answer, Value};
use outready::plan::store::load_path;
use outready::tui::app::{App, ReviewFilter, Screen};
use outready::tui::message::{Effect, Message};
use outready::tui::session::{Options, Session};
use outready::tui::view::AppView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::support::outready;

const SMALL: &str = include_str!("../fixtures/questionnaires/valid/small.json");
const COPY: &str = "acme.sync-conflict-20260312-101500-ABCDEFG.json";
const SAID: &str = "A conflicting copy of Acme from 12 March exists";

fn options(data: &Path) -> Options {
    Options {
        data_dir: data.to_path_buf(),
        plan: Some("Acme".into()),
        questionnaire: Some("small".into()),
        ..Options::default()
    }
}

fn open(data: &Path) -> (Session, App) {
    let mut session = Session::open(&options(data)).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    app.area = Rect::new(0, 0, 100, 30);
    (session, app)
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn drawn(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(AppView { app }, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

/// Acme saved with 4 staff and a dispute-free answer; then a copy a sync tool made on
/// another machine, where staff is 9 and the personal-data question is answered.
fn acme_and_its_copy(data: &Path) -> std::path::PathBuf {
    fs::create_dir_all(data.join("questionnaires")).unwrap();
    fs::write(data.join("questionnaires/small.json"), SMALL).unwrap();
    let (mut session, mut app) = open(data);
    assert!(!session.handle(&mut app, Message::Confirm));
    assert!(!session.handle(&mut app, Message::Type('4')));
    assert!(!session.handle(&mut app, Message::Confirm));
    drop(session);
    let file = data.join("plans/acme.json");
    let mut copy = load_path(&file).unwrap();
    let later: Timestamp = "2030-03-12T10:15:00Z".parse().unwrap();
    copy.set_answer("staff", Answer::answered(Value::Number(9.0)), later);
    copy.set_answer(
        "personal-data",
        Answer::answered(Value::Text("yes".into())),
        later,
    );
    fs::write(
        data.join("plans").join(COPY),
        serde_json::to_vec_pretty(&copy).unwrap(),
    )
    .unwrap();
    file
}

#[test]
fn the_conflicting_copy_is_offered_and_merging_it_keeps_every_answer() {
    let data = tempfile::tempdir().unwrap();
    let file = acme_and_its_copy(data.path());
    // `list` says it in the same words.
    let listed = outready(data.path()).arg("list").assert().success();
    let listed = String::from_utf8_lossy(&listed.get_output().stdout).into_owned();
    assert!(listed.contains(SAID), "{listed}");

    let (mut session, mut app) = open(data.path());
    let said = status(&app);
    assert!(
        said.contains("A conflicting copy of Acme from 12 March exists: press C"),
        "{said}"
    );
    session.perform(&mut app, Effect::LoadPlanList);
    let screen = drawn(&app);
    assert!(screen.contains(SAID), "{screen}");
    assert!(screen.contains("C merges it in"), "{screen}");

    // C, as the plans screen says, is the merge.
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('C'));
    let message = outready::tui::keymap::message_for(app.context(), &key).expect("C is a key");
    assert_eq!(message, Message::MergeCopies);
    assert!(!session.handle(&mut app, message));
    let said = status(&app);
    assert!(
        said.contains("Merged the conflicting copy into \"Acme\"")
            && said.contains("1 question is disputed"),
        "{said}"
    );
    // The copy is kept, moved aside; the plans folder has no copy left.
    let plans = data.path().join("plans");
    assert!(!plans.join(COPY).exists());
    assert!(plans.join("merged").join(COPY).exists());
    // The disputed question is listed.
    let Screen::Review(review) = &app.screen else {
        panic!("the disputes are not listed: {:?}", app.screen)
    };
    assert_eq!(review.filter, ReviewFilter::Disputed);
    assert_eq!(app.review_rows(ReviewFilter::Disputed).len(), 1);
    // The open plan has every answer of both: the one only the copy had, and both staff
    // counts (the newest current, each kept as a position).
    for plan in [app.plan.clone(), load_path(&file).unwrap()] {
        assert_eq!(
            plan.answer("personal-data").and_then(|a| a.value.clone()),
            Some(Value::Text("yes".into()))
        );
        assert_eq!(
            plan.answer("staff").and_then(|a| a.value.clone()),
            Some(Value::Number(9.0))
        );
        let staff: Vec<Option<Value>> = plan.positions["staff"]
            .by
            .values()
            .map(|s| s.value.clone())
            .collect();
        assert!(staff.contains(&Some(Value::Number(4.0))), "{staff:?}");
        assert!(staff.contains(&Some(Value::Number(9.0))), "{staff:?}");
    }
    // Nothing left to merge.
    session.perform(&mut app, Effect::LoadPlanList);
    assert!(!drawn(&app).contains(SAID));
    assert!(!session.handle(&mut app, Message::MergeCopies));
    assert!(
        status(&app).contains("no conflicting copy"),
        "{}",
        status(&app)
    );
}

/// Moves the plans screen's selection to the row of this file.
fn select(session: &mut Session, app: &mut App, file: &Path) {
    let Screen::Plans(state) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    let target = state.rows.iter().position(|r| r.file == file).unwrap();
    let (from, step) = (state.selected, target > state.selected);
    for _ in 0..from.abs_diff(target) {
        let message = if step { Message::Down } else { Message::Up };
        assert!(!session.handle(app, message));
    }
}

#[test]
fn another_plans_copy_is_merged_from_the_plans_screen_and_offered_when_it_opens() {
    let data = tempfile::tempdir().unwrap();
    acme_and_its_copy(data.path());
    // Acme's copy is merged first, so only Beta's is left.
    let (mut session, mut app) = open(data.path());
    assert!(!session.handle(&mut app, Message::MergeCopies));
    let plans = data.path().join("plans");
    let beta_file = plans.join("beta.json");
    let mut beta = load_path(&plans.join("acme.json")).unwrap();
    beta.name = "Beta".into();
    beta.positions.clear();
    beta.participants.clear();
    fs::write(&beta_file, serde_json::to_vec_pretty(&beta).unwrap()).unwrap();
    let copy_name = "beta (Ann's conflicted copy 2026-03-14).json";
    let mut copy = beta.clone();
    copy.set_answer(
        "problem",
        Answer::answered(Value::Text("yes".into())),
        "2030-03-14T10:00:00Z".parse().unwrap(),
    );
    fs::write(
        plans.join(copy_name),
        serde_json::to_vec_pretty(&copy).unwrap(),
    )
    .unwrap();

    session.perform(&mut app, Effect::LoadPlanList);
    assert!(drawn(&app).contains("A conflicting copy of Beta from 14 March exists"));
    select(&mut session, &mut app, &beta_file);
    let acme_answers = app.plan.answers.clone();
    assert!(!session.handle(&mut app, Message::MergeCopies));
    let said = status(&app);
    assert!(
        said.contains("into \"Beta\"") && said.contains("no answer is disputed"),
        "{said}"
    );
    // Acme stays open as it was; Beta has the copy's answer; the copy is set aside.
    assert_eq!(session.plan_file(), Some(plans.join("acme.json")));
    assert_eq!(app.plan.answers, acme_answers);
    assert!(matches!(app.screen, Screen::Plans(_)), "{:?}", app.screen);
    assert!(!drawn(&app).contains("conflicting copy of Beta"));
    assert_eq!(
        load_path(&beta_file)
            .unwrap()
            .answer("problem")
            .and_then(|a| a.value.clone()),
        Some(Value::Text("yes".into()))
    );
    assert!(plans.join("merged").join(copy_name).exists());
    assert!(!plans.join(copy_name).exists());

    // A new copy of Beta is told of when Beta is opened from the plans screen.
    fs::write(
        plans.join(copy_name),
        serde_json::to_vec_pretty(&copy).unwrap(),
    )
    .unwrap();
    session.perform(&mut app, Effect::LoadPlanList);
    select(&mut session, &mut app, &beta_file);
    assert!(!session.handle(&mut app, Message::Confirm));
    let said = status(&app);
    assert!(
        said.contains(
            "Opened plan \"Beta\". A conflicting copy of Beta from 14 March exists: press C"
        ),
        "{said}"
    );
}
