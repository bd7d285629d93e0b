//! Hostile sizes: a questionnaire of 100,000 questions and a note of a megabyte either
//! work or give a clear error, and never hang: each is timed against a generous bound.
//! (A 50 MB plan and a plan file too large to read are in `plan_backups.rs`.)

use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

use outready::plan::store::load_path;
use outready::questionnaire::load::load_text;
use outready::tui::app::App;
use outready::tui::app::{Overlay, Screen};
use outready::tui::message::Message;
use outready::tui::session::{Options, Session};
use outready::tui::view::AppView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A questionnaire of `sections` sections of `each` yes/no questions, every tenth shown
/// only when the one before is answered yes.
fn questionnaire(sections: usize, each: usize) -> String {
    let mut text = String::from(
        r#"{"format_version": 1, "id": "huge", "version": "1.0.0", "title": "Huge",
        "levels": [{"id": "no", "label": "Not ready", "min": 0}, {"id": "yes", "label": "Ready", "min": 0.9}],
        "sections": ["#,
    );
    for s in 0..sections {
        if s > 0 {
            text.push(',');
        }
        write!(
            text,
            r#"{{"id": "s{s}", "title": "Section {s}", "questions": ["#
        )
        .expect("test setup");
        for q in 0..each {
            if q > 0 {
                text.push(',');
            }
            let id = format!("s{s}q{q}");
            let condition = if q % 10 == 9 {
                format!(
                    r#", "show_if": {{"question": "s{s}q{}", "eq": "yes"}}"#,
                    q - 1
                )
            } else {
                String::new()
            };
            write!(
                text,
                r#"{{"id": "{id}", "type": "yes_no", "text": "Question {id}?"{condition}}}"#
            )
            .expect("test setup");
        }
        text.push_str("]}");
    }
    text.push_str("]}");
    text
}

fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(AppView { app }, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    buffer.content.iter().map(|c| c.symbol()).collect()
}

#[test]
fn a_questionnaire_of_100_000_questions_loads_and_the_wizard_works() {
    let text = questionnaire(100, 1000);
    let started = Instant::now();
    let loaded = load_text("huge.json", &text, false).unwrap_or_else(|problems| {
        panic!("{} problems, the first: {}", problems.len(), problems[0])
    });
    let load_time = started.elapsed();
    assert_eq!(loaded.questionnaire.question_count(), 100_000);
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path().join("questionnaires")).unwrap();
    fs::write(data.path().join("questionnaires/huge.json"), &text).unwrap();
    let options = Options {
        data_dir: data.path().to_path_buf(),
        plan: Some("Huge".into()),
        questionnaire: Some("huge".into()),
        ..Options::default()
    };
    let mut session = Session::open(&options).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    assert!(draw(&app).contains("Huge"));
    let mut steps = Vec::new();
    for message in [
        Message::Confirm,
        Message::Pick(0),
        Message::Pick(1),
        Message::NextSection,
        Message::OpenReview,
        Message::OpenSummary,
    ] {
        let step = Instant::now();
        assert!(!session.handle(&mut app, message));
        let _ = draw(&app);
        steps.push(step.elapsed());
    }
    assert!(
        app.status.as_ref().is_none_or(|s| !s.is_error),
        "{:?}",
        app.status
    );
    assert!(matches!(app.screen, Screen::Summary(_)));
    let file = session.plan_file().unwrap();
    assert_eq!(load_path(&file).unwrap().answers, app.plan.answers);
    // Generous bounds for a debug build on a busy machine: the point is "no hang".
    assert!(
        load_time < Duration::from_secs(30),
        "loading took {load_time:?}"
    );
    for step in &steps {
        assert!(
            *step < Duration::from_secs(10),
            "a key took {step:?}: {steps:?}"
        );
    }
    eprintln!("100,000 questions: loaded in {load_time:?}; keys {steps:?}");
}

#[test]
fn a_note_of_a_megabyte_is_kept_drawn_and_saved() {
    let data = tempfile::tempdir().unwrap();
    let options = Options {
        data_dir: data.path().to_path_buf(),
        plan: Some("Notes".into()),
        ..Options::default()
    };
    let mut session = Session::open(&options).unwrap();
    let mut app = session.app(Default::default()).unwrap();
    assert!(!session.handle(&mut app, Message::Confirm));
    let note: String = "A long note, with\nlines and ünïcödé. "
        .repeat(30_000)
        .chars()
        .take(1_000_000)
        .collect();
    let started = Instant::now();
    assert!(!session.handle(&mut app, Message::DoneTyping));
    assert!(!session.handle(&mut app, Message::EditNote));
    assert!(matches!(app.overlay, Some(Overlay::Note(_))));
    assert!(!session.handle(&mut app, Message::Paste(note.clone())));
    let _ = draw(&app);
    assert!(!session.handle(&mut app, Message::Type('!')));
    let _ = draw(&app);
    assert!(!session.handle(&mut app, Message::Confirm));
    let shown = draw(&app);
    assert!(shown.contains("Note: A long note, with"), "{shown}");
    assert!(!session.handle(&mut app, Message::OpenReview));
    let _ = draw(&app);
    let elapsed = started.elapsed();
    let (_, question) = app.questionnaire().questions().next().unwrap();
    let saved = load_path(&session.plan_file().unwrap()).unwrap();
    let kept = saved
        .answer(&question.id)
        .and_then(|a| a.note.clone())
        .unwrap();
    assert_eq!(kept.chars().count(), 1_000_001);
    assert!(kept.starts_with(&note[..1000]));
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
    eprintln!("a 1 MB note: pasted, typed, drawn and saved in {elapsed:?}");
}

#[test]
fn a_questionnaire_file_too_large_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = dir.path().join("huge.json");
    fs::File::create(&path)
        .and_then(|f| f.set_len(300 * 1024 * 1024))
        .expect("a sparse file");
    let started = Instant::now();
    let problems = outready::questionnaire::load::load_file(&path).expect_err("refused");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        problems[0]
            .to_string()
            .contains("is 300 MB, more than the 64 MB"),
        "{}",
        problems[0]
    );
}
