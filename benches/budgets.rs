//! The performance budgets of outready, measured: a key press handled and drawn at
//! 200x60 (also with a team of five holding positions on 2,000 questions), saving a plan
//! of 2,000 answers synced to disk, loading plus scoring generated questionnaires of 500,
//! 2,000 and 8,000 questions, recomputing 200 calculated figures over 2,000 questions
//! after a key press, merging two plans of 2,000 answers and comparing four plans of
//! 2,000 questions. `cargo bench` runs them;
//! benches/README.md has the budgets and the figures.
#![allow(clippy::unwrap_used)] // a benchmark, like a test, stops at a broken setup

#[path = "support/generate.rs"]
mod generate;

use std::path::PathBuf;

use divan::Bencher;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use outready::plan::store::load_path;
use outready::plan::{Plan, PlanName, PlanStore};
use outready::questionnaire::load::load_text;
use outready::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, Loaded};
use outready::report::{Format, Report};
use outready::scoring;
use outready::tui::app::App;
use outready::tui::message::Message;
use outready::tui::theme::{Theme, ThemeName};
use outready::tui::update::update;
use outready::tui::view::AppView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn main() {
    divan::main();
}

/// The built-in questionnaire, as the wizard loads it.
fn builtin() -> Loaded {
    Catalog::load(None)
        .find(DEFAULT_QUESTIONNAIRE)
        .cloned()
        .unwrap()
}

/// The wizard at 200x60 on the built-in questionnaire, half answered, on a question.
fn wizard() -> (App, Terminal<TestBackend>) {
    let loaded = builtin();
    let mut plan = Plan::new(&PlanName::new("Bench").unwrap(), &loaded, Timestamp::now());
    let mut app = App::new(
        loaded.clone(),
        plan.clone(),
        false,
        Theme::pick(ThemeName::Default, false),
    );
    app.area = Rect::new(0, 0, 200, 60);
    // Answer the first half with the first option, as a user would.
    let half = app.flow.shown().len() / 2;
    for _ in 0..half {
        update(&mut app, Message::Pick(0));
        update(&mut app, Message::NextQuestion);
    }
    plan.answers = app.plan.answers.clone();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(AppView { app: &app }, frame.area()))
        .unwrap();
    (app, terminal)
}

/// A key press handled and the frame drawn, at 200x60.
mod key_press {
    use super::*;

    /// Next question, then previous: a move with no change to the answers.
    #[divan::bench]
    fn next_question(bencher: Bencher) {
        let (mut app, mut terminal) = wizard();
        let mut forward = true;
        bencher.bench_local(|| {
            let message = if forward {
                Message::NextQuestion
            } else {
                Message::PrevQuestion
            };
            forward = !forward;
            divan::black_box(update(&mut app, message));
            terminal
                .draw(|frame| frame.render_widget(AppView { app: &app }, frame.area()))
                .unwrap();
        });
    }

    /// Picking an option: the answer changes, visibility and scores are worked out
    /// again, and the frame is drawn (the save it asks for is measured below).
    #[divan::bench]
    fn pick_option(bencher: Bencher) {
        let (mut app, mut terminal) = wizard();
        let mut option = 0;
        bencher.bench_local(|| {
            option = 1 - option;
            divan::black_box(update(&mut app, Message::Pick(option)));
            terminal
                .draw(|frame| frame.render_widget(AppView { app: &app }, frame.area()))
                .unwrap();
        });
    }
}

/// A key press in a facilitated session: five participants, each with a position on
/// every one of 2,000 questions, half of them disputed.
mod key_press_with_team {
    use super::*;
    use outready::plan::Stance;
    use outready::wizard::positions::{
        is_disputed, join_team, parse_participants, positions_line, record_position,
    };

    const TEAM: &str = "Ann (owner), Ben (office), Cara (books), Dev (it), Eve (finance)";

    /// The wizard at 200x60 on 2,000 generated questions, all answered, with the team's
    /// positions on every question.
    fn wizard_with_team() -> (App, Terminal<TestBackend>) {
        let loaded =
            load_text("generated.json", &generate::questionnaire_text(2000), false).unwrap();
        let mut plan = generate::answered_plan(&loaded);
        join_team(&mut plan, parse_participants(TEAM).unwrap());
        let now = Timestamp::now();
        let ids: Vec<(String, Option<outready::answer::Value>)> = loaded
            .questionnaire
            .questions()
            .map(|(_, q)| {
                (
                    q.id.to_string(),
                    plan.answer(&q.id).and_then(|a| a.value.clone()),
                )
            })
            .collect();
        for (n, (id, value)) in ids.into_iter().enumerate() {
            for (k, name) in ["Ann", "Ben", "Cara", "Dev", "Eve"].into_iter().enumerate() {
                let stance = if n % 2 == 0 && k == 4 {
                    Stance::DontKnow
                } else {
                    Stance::Answered
                };
                record_position(&mut plan, &id, name, stance, value.clone(), now).unwrap();
            }
        }
        assert_eq!(plan.positions.len(), 2000);
        let mut app = App::new(loaded, plan, false, Theme::pick(ThemeName::Default, false));
        app.area = Rect::new(0, 0, 200, 60);
        let terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        (app, terminal)
    }

    /// The positions line and the dispute of the question on screen, as the terminal
    /// will show them on every frame.
    fn positions_of_current(app: &App) -> (Option<String>, bool) {
        let id = app.plan.position.question.clone().unwrap_or_default();
        let line = app
            .loaded
            .questionnaire
            .question(&id)
            .and_then(|question| positions_line(&app.plan, question));
        (line, is_disputed(&app.plan, &id))
    }

    /// Next question, then previous, with the positions line worked out and the frame
    /// drawn.
    #[divan::bench(sample_count = 50)]
    fn next_question(bencher: Bencher) {
        let (mut app, mut terminal) = wizard_with_team();
        let mut forward = true;
        bencher.bench_local(|| {
            let message = if forward {
                Message::NextQuestion
            } else {
                Message::PrevQuestion
            };
            forward = !forward;
            divan::black_box(update(&mut app, message));
            divan::black_box(positions_of_current(&app));
            terminal
                .draw(|frame| frame.render_widget(AppView { app: &app }, frame.area()))
                .unwrap();
        });
    }

    /// A digit in the positions table: one participant's position changes (the dispute
    /// opens or closes), then the line is worked out and the frame drawn.
    #[divan::bench(sample_count = 50)]
    fn record_a_position(bencher: Bencher) {
        let (mut app, mut terminal) = wizard_with_team();
        update(&mut app, Message::NextQuestion);
        let id = app.plan.position.question.clone().unwrap_or_default();
        let mut dont_know = false;
        bencher.bench_local(|| {
            dont_know = !dont_know;
            let stance = if dont_know {
                Stance::DontKnow
            } else {
                Stance::Abstain
            };
            record_position(&mut app.plan, &id, "Ben", stance, None, Timestamp::now()).unwrap();
            divan::black_box(positions_of_current(&app));
            terminal
                .draw(|frame| frame.render_widget(AppView { app: &app }, frame.area()))
                .unwrap();
        });
    }
}

/// Saving a plan of 2,000 answers: written to a temporary file, synced, renamed.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn save_2000_answers(bencher: Bencher) {
    let loaded = load_text("generated.json", &generate::questionnaire_text(2000), false).unwrap();
    let plan = generate::answered_plan(&loaded);
    assert_eq!(plan.answers.len(), 2000);
    // In the target folder rather than /tmp, which may be memory and never really sync.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let store = PlanStore::in_data_dir(dir.path());
    store.save(&plan).unwrap();
    bencher.bench_local(|| store.save(&plan).unwrap());
}

/// Loading a questionnaire (parse and check) and a plan answering all of it from disk,
/// then scoring: 500, 2,000, 8,000 and 16,000 questions.
/// The whole report budget: load the questionnaire and the plan, score, build the report
/// and render all four formats.
#[divan::bench(args = [500, 2000, 8000, 16000], sample_count = 20)]
fn load_score_and_report(bencher: Bencher, questions: usize) {
    let text = generate::questionnaire_text(questions);
    let loaded = load_text("generated.json", &text, false).unwrap();
    let plan = generate::answered_plan(&loaded);
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path: PathBuf = PlanStore::in_data_dir(dir.path()).save(&plan).unwrap();
    bencher.bench_local(|| {
        let loaded = load_text("generated.json", &text, false).unwrap();
        let plan = load_path(&path).unwrap();
        let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
        for format in FORMATS {
            divan::black_box(report.render(format).unwrap());
        }
    });
}

const FORMATS: [Format; 4] = [Format::Markdown, Format::Html, Format::Csv, Format::Json];

mod parts {
    use super::*;

    #[divan::bench(args = [500, 2000, 8000], sample_count = 20)]
    fn load_questionnaire(bencher: Bencher, questions: usize) {
        let text = generate::questionnaire_text(questions);
        bencher.bench_local(|| load_text("generated.json", &text, false).unwrap());
    }

    #[divan::bench(args = [500, 2000, 8000], sample_count = 20)]
    fn load_plan(bencher: Bencher, questions: usize) {
        let loaded = load_text("g.json", &generate::questionnaire_text(questions), false).unwrap();
        let plan = generate::answered_plan(&loaded);
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let path: PathBuf = PlanStore::in_data_dir(dir.path()).save(&plan).unwrap();
        bencher.bench_local(|| load_path(&path).unwrap());
    }

    #[divan::bench(args = [500, 2000, 8000], sample_count = 20)]
    fn score(bencher: Bencher, questions: usize) {
        let loaded = load_text("g.json", &generate::questionnaire_text(questions), false).unwrap();
        let plan = generate::answered_plan(&loaded);
        bencher.bench_local(|| scoring::assess(&loaded.questionnaire, &plan.answers));
    }

    #[divan::bench(args = [500, 2000, 8000], sample_count = 20)]
    fn build_and_render_reports(bencher: Bencher, questions: usize) {
        let loaded = load_text("g.json", &generate::questionnaire_text(questions), false).unwrap();
        let plan = generate::answered_plan(&loaded);
        bencher.bench_local(|| {
            let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
            for format in FORMATS {
                divan::black_box(report.render(format).unwrap());
            }
        });
    }
}

/// Calculated figures: 200 of them over a questionnaire of 2,000 questions, every one
/// worked out again after one amount changes, as a key press in a money field does.
/// Budget: 0.2 ms.
mod figures {
    use super::*;
    use outready::answer::{Answer, Value};
    use outready::questionnaire::{Figures, Visibility, VisibleFacts};
    use outready::report::budget::Budget;
    use serde_json::{Value as Json, json};

    /// The generated questionnaire of `questions` with `count` figures spread over its
    /// sections: sums and products of its money and number answers, figures that read
    /// earlier figures, guarded shares and conditionals.
    fn with_figures(questions: usize, count: usize) -> Loaded {
        let mut document: Json =
            serde_json::from_str(&generate::questionnaire_text(questions)).unwrap();
        let sections = document["sections"].as_array_mut().unwrap();
        let per_section = count.div_ceil(sections.len());
        let mut made = 0;
        for (s, section) in sections.iter_mut().enumerate() {
            let first = s * 50;
            let money = |k: usize| json!(format!("q{:05}", first + 5 + 10 * (k % 5)));
            let number = |k: usize| json!(format!("q{:05}", first + 4 + 10 * (k % 5)));
            let mut figures = Vec::new();
            for k in 0..per_section {
                if made == count {
                    break;
                }
                let id = format!("f{made:04}");
                let expr = match k % 5 {
                    0 => json!({ "sum": [money(k), money(k + 1), money(k + 2)] }),
                    1 => json!({ "mul": [money(k), number(k), 12] }),
                    2 => {
                        json!({ "sum": [format!("f{:04}", made - 2), format!("f{:04}", made - 1)] })
                    }
                    3 => json!({ "if": { "question": format!("f{:04}", made - 1), "gt": 0 },
                                 "then": { "round": { "div": [money(k), format!("f{:04}", made - 1)] }, "places": 1 },
                                 "else": 0 }),
                    _ => {
                        json!({ "max": [{ "sub": [money(k), money(k + 3)] }, { "min": [money(k + 1), 5000] }] })
                    }
                };
                let unit = if k % 5 == 3 { "percent" } else { "money" };
                figures.push(json!({ "id": id, "label": format!("Figure {made}"), "unit": unit, "expr": expr }));
                made += 1;
            }
            section["calculated"] = Json::Array(figures);
        }
        load_text("figures.json", &document.to_string(), false).unwrap()
    }

    #[divan::bench(sample_count = 100)]
    fn recompute_after_a_key_press(bencher: Bencher) {
        let loaded = with_figures(2000, 200);
        assert_eq!(loaded.questionnaire.figure_count(), 200);
        let mut answers = generate::answered_plan(&loaded).answers;
        let visibility = Visibility::compute(&loaded.questionnaire, &answers);
        let mut typed = 1500.0;
        bencher.bench_local(|| {
            typed += 1.0;
            answers.insert("q00005".into(), Answer::answered(Value::Number(typed)));
            let facts = VisibleFacts {
                questionnaire: &loaded.questionnaire,
                answers: &answers,
                visibility: &visibility,
            };
            divan::black_box(Figures::compute(&loaded.questionnaire, &facts).list.len())
        });
    }

    #[divan::bench(sample_count = 20)]
    fn budget_section_of_the_report(bencher: Bencher) {
        let loaded = with_figures(2000, 200);
        let plan = generate::answered_plan(&loaded);
        bencher.bench_local(|| Budget::build(&loaded.questionnaire, &plan));
    }
}

/// Merging two plans of 2,000 answers each, a tenth of them different (disputes).
#[divan::bench(sample_count = 50)]
fn merge_two_plans_of_2000(bencher: Bencher) {
    use outready::answer::AnswerState;
    use outready::plan::merge::{Source, merge};
    let loaded = load_text("generated.json", &generate::questionnaire_text(2000), false).unwrap();
    let laptop = generate::answered_plan(&loaded);
    let mut office = laptop.clone();
    for (index, answer) in office.answers.values_mut().enumerate() {
        if index % 10 == 0 {
            *answer = outready::answer::Answer::in_state(AnswerState::Unsure);
        }
    }
    assert_eq!(office.answers.len(), 2000);
    let sources = [
        Source {
            label: "Laptop".into(),
            plan: laptop,
        },
        Source {
            label: "Office".into(),
            plan: office,
        },
    ];
    bencher.bench_local(|| merge(divan::black_box(&sources)).unwrap());
}

/// Comparing four plans of 2,000 questions: their reports built, compared and rendered
/// as HTML.
#[divan::bench(sample_count = 20)]
fn compare_four_plans_of_2000(bencher: Bencher) {
    use outready::report::compare::Comparison;
    let loaded = load_text("generated.json", &generate::questionnaire_text(2000), false).unwrap();
    let full = generate::answered_plan(&loaded);
    let plans: Vec<Plan> = (2..6)
        .map(|step| {
            let mut plan = full.clone();
            let drop: Vec<String> = plan.answers.keys().step_by(step).cloned().collect();
            for id in drop {
                plan.answers.remove(&id);
            }
            plan
        })
        .collect();
    bencher.bench_local(|| {
        let reports: Vec<Report> = plans
            .iter()
            .map(|plan| Report::build(&loaded.questionnaire, plan, &TimeZone::UTC))
            .collect();
        let comparison = Comparison::build(&loaded.questionnaire, &reports);
        divan::black_box(comparison.render(Format::Html).unwrap());
    });
}
