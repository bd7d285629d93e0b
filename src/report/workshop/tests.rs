//! Tests of the workshop's parts of a report: where the team disagreed, since last
//! time, and the provisional verdict, in every format.

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;

use super::*;
use crate::answer::{Answer, AnswerState, Value};
use crate::plan::{Action, ActionStatus, PlanName, Stance};
use crate::questionnaire::Loaded;
use crate::questionnaire::load::load_text;
use crate::report::Format;
use crate::wizard::positions::{agree, join_team, parse_participants, record_position};

fn small(quick: &[&str]) -> Loaded {
    let text = include_str!("../../../tests/fixtures/questionnaires/valid/small.json");
    let mut loaded = load_text("small.json", text, false).unwrap();
    for section in &mut std::sync::Arc::make_mut(&mut loaded.questionnaire).sections {
        for question in &mut section.questions {
            question.quick = quick.contains(&question.id.as_str());
        }
    }
    loaded
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn pick(value: &str) -> Answer {
    Answer::answered(Value::Text(value.into()))
}

fn text(value: &str) -> Option<Value> {
    Some(Value::Text(value.into()))
}

/// A plan with a team of three that disputed `personal-data` (then agreed Yes, with a
/// note) and agreed at once on `problem`.
fn workshop_plan(loaded: &Loaded) -> Plan {
    let mut plan = Plan::new(
        &PlanName::new("Acme").unwrap(),
        loaded,
        at("2027-01-04T09:00:00Z"),
    );
    join_team(
        &mut plan,
        parse_participants("Ann (owner), Ben (office), Cara").unwrap(),
    );
    let when = at("2027-01-04T09:10:00Z");
    for (who, stance, value) in [
        ("Ann", Stance::Answered, text("yes")),
        ("Ben", Stance::Answered, text("no")),
        ("Cara", Stance::DontKnow, None),
    ] {
        record_position(&mut plan, "personal-data", who, stance, value, when).unwrap();
    }
    for who in ["Ann", "Ben"] {
        record_position(
            &mut plan,
            "problem",
            who,
            Stance::Answered,
            text("yes"),
            when,
        )
        .unwrap();
    }
    let mut agreed = pick("yes");
    agreed.note = Some("Payroll is personal data".into());
    agree(
        &mut plan,
        "personal-data",
        agreed,
        at("2027-01-04T09:20:00Z"),
    );
    agree(
        &mut plan,
        "problem",
        pick("yes"),
        at("2027-01-04T09:21:00Z"),
    );
    plan
}

#[test]
fn where_the_team_disagreed_lists_positions_the_agreed_answer_and_the_note() {
    let loaded = small(&[]);
    let mut plan = workshop_plan(&loaded);
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    assert_eq!(report.disagreements.len(), 1, "problem was never disputed");
    let item = &report.disagreements[0];
    assert_eq!(item.question_id, "personal-data");
    assert_eq!(
        item.positions_line(),
        "Ann (owner): Yes · Ben (office): No · Cara: don't know"
    );
    assert_eq!(item.status(), "agreed on 2027-01-04");
    assert_eq!(item.answer, "Yes");
    assert_eq!(item.note.as_deref(), Some("Payroll is personal data"));

    let markdown = report.render(Format::Markdown).unwrap();
    assert!(
        markdown.contains("## Where the team disagreed"),
        "{markdown}"
    );
    assert!(markdown.contains("- Ben (office): No"));
    assert!(markdown.contains("- **Agreed answer**: Yes"));
    let html = report.render(Format::Html).unwrap();
    assert!(html.contains("<h2>Where the team disagreed</h2>"));
    assert!(html.contains("<li>Cara: don&#39;t know</li>"));
    let csv = report.render(Format::Csv).unwrap();
    assert!(
        csv.contains("disagreement,,Your business,personal-data,"),
        "{csv}"
    );
    assert!(csv.contains("position,,,personal-data,"));
    let json = report.render(Format::Json).unwrap();
    assert!(json.contains("\"disagreements\""));
    assert_eq!(crate::report::json::parse(&json).unwrap(), report);

    // A later change reopens it: still listed, now disputed.
    record_position(
        &mut plan,
        "personal-data",
        "Cara",
        Stance::Answered,
        text("yes"),
        at("2027-01-04T10:00:00Z"),
    )
    .unwrap();
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    assert_eq!(report.disagreements[0].status(), "still disputed");
    assert!(
        report
            .render(Format::Markdown)
            .unwrap()
            .contains("- **Answer for now**: Yes")
    );
}

#[test]
fn a_plan_without_a_team_or_history_has_none_of_these_parts() {
    let loaded = small(&[]);
    let plan = Plan::new(
        &PlanName::new("Acme").unwrap(),
        &loaded,
        at("2027-01-04T09:00:00Z"),
    );
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    assert!(report.disagreements.is_empty());
    assert!(report.since_last_time.is_none());
    assert!(report.verdict.provisional.is_none());
    let json = report.render(Format::Json).unwrap();
    for absent in ["disagreements", "since_last_time", "provisional"] {
        assert!(!json.contains(absent), "{absent}");
    }
}

#[test]
fn since_last_time_lists_what_changed_after_the_last_session() {
    let loaded = small(&[]);
    let zone = TimeZone::UTC;
    let mut plan = workshop_plan(&loaded);
    plan.set_answer(
        "staff",
        Answer::answered(Value::Number(8.0)),
        at("2027-01-04T09:30:00Z"),
    );
    plan.actions.push(Action {
        recommendation: "write-problem".into(),
        question: "problem".into(),
        text: None,
        find_out: false,
        owner: String::new(),
        due: None,
        status: ActionStatus::Done,
        accepted: at("2027-01-04T09:40:00Z"),
        extra: Default::default(),
    });
    since::record_session(
        &loaded.questionnaire,
        &mut plan,
        &zone,
        at("2027-01-04T17:00:00Z"),
    );
    assert_eq!(plan.history.len(), 1);
    assert_eq!(plan.history[0].done_actions, ["write-problem"]);
    let report = Report::build(&loaded.questionnaire, &plan, &zone);
    assert!(
        report.since_last_time.is_none(),
        "no session before the last change's day"
    );
    // At the start of the next meeting, before any change, the screen compares with it.
    let mut opening = report.clone();
    let next_meeting = Since::SessionBefore(date(2027, 1, 11));
    opening.set_since(&loaded.questionnaire, &plan, &zone, next_meeting);
    let quiet = opening.since_last_time.unwrap();
    assert_eq!(quiet.since, date(2027, 1, 4));
    assert!(quiet.is_quiet(), "{quiet:?}");

    // The next meeting: an answer changes, a dispute opens on `problem`, one is settled.
    plan.set_answer("reason", pick("cost"), at("2027-01-11T09:05:00Z"));
    record_position(
        &mut plan,
        "problem",
        "Ben",
        Stance::Answered,
        text("no"),
        at("2027-01-11T09:06:00Z"),
    )
    .unwrap();
    record_position(
        &mut plan,
        "outsourced",
        "Ann",
        Stance::DontKnow,
        None,
        at("2027-01-11T09:07:00Z"),
    )
    .unwrap();
    record_position(
        &mut plan,
        "outsourced",
        "Ben",
        Stance::Abstain,
        None,
        at("2027-01-11T09:07:00Z"),
    )
    .unwrap();
    record_position(
        &mut plan,
        "reason",
        "Ann",
        Stance::Answered,
        text("cost"),
        at("2027-01-11T09:08:00Z"),
    )
    .unwrap();
    record_position(
        &mut plan,
        "reason",
        "Ben",
        Stance::Answered,
        text("both"),
        at("2027-01-11T09:08:00Z"),
    )
    .unwrap();
    agree(
        &mut plan,
        "reason",
        pick("cost"),
        at("2027-01-11T09:09:00Z"),
    );
    let report = Report::build(&loaded.questionnaire, &plan, &zone);
    let since = report.since_last_time.clone().unwrap();
    assert_eq!(since.since, date(2027, 1, 4));
    assert!(since.last_session);
    let ids = |items: &[since::ChangedItem]| {
        items
            .iter()
            .map(|i| i.question_id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&since.answers_changed), ["reason"]);
    assert_eq!(ids(&since.disputes_opened), ["problem"]);
    assert_eq!(ids(&since.disputes_settled), ["reason"]);
    assert!(
        since.actions_done.is_empty(),
        "done before the last session"
    );
    assert_eq!(
        since.then.as_ref().unwrap().level,
        plan.history[0].level_label
    );
    for format in [Format::Markdown, Format::Html] {
        let text = report.render(format).unwrap();
        assert!(text.contains("Since last time"), "{format:?}");
        assert!(
            text.contains("Since the session of 2027-01-04"),
            "{format:?}"
        );
        assert!(text.contains("Disputes opened (1)"), "{format:?}");
    }
    let csv = report.render(Format::Csv).unwrap();
    assert!(csv.contains(",since,") || csv.contains("\nsince,"), "{csv}");
    assert!(csv.contains("disputes settled"));

    // Since a day given: everything from that day's start, the action included.
    let mut report = report;
    report.set_since(
        &loaded.questionnaire,
        &plan,
        &zone,
        Since::Date(date(2027, 1, 4)),
    );
    let since = report.since_last_time.unwrap();
    assert!(!since.last_session);
    assert!(since.then.is_none(), "no session before 4 January");
    assert_eq!(
        ids(&since.answers_changed),
        ["staff", "personal-data", "problem", "reason"]
    );
    assert_eq!(ids(&since.actions_done), ["problem"]);
}

#[test]
fn the_quick_scans_verdict_is_provisional_in_every_format() {
    let loaded = small(&["problem", "dpa"]);
    let mut plan = Plan::new(
        &PlanName::new("Acme").unwrap(),
        &loaded,
        at("2027-01-04T09:00:00Z"),
    );
    for (id, answer) in [
        ("personal-data", pick("yes")),
        ("problem", pick("yes")),
        ("dpa", Answer::in_state(AnswerState::Unsure)),
    ] {
        plan.set_answer(id, answer, at("2027-01-04T09:05:00Z"));
    }
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    let provisional = report.verdict.provisional.expect("provisional");
    let sentence = provisional.sentence();
    assert!(sentence.starts_with("Provisional verdict"), "{sentence}");
    assert!(sentence.contains(&format!("{} more questions", provisional.left)));
    for format in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
        let text = report.render(format).unwrap();
        assert!(
            text.to_lowercase().contains("provisional"),
            "{format:?}: {text}"
        );
    }
    assert!(report.render(Format::Csv).unwrap().contains("verdict,,,,,"));
    // Every question answered: no longer provisional.
    let unmarked = Report::build(&small(&[]).questionnaire, &plan, &TimeZone::UTC);
    assert!(
        unmarked.verdict.provisional.is_none(),
        "no quick scan, no provisional verdict"
    );
}
