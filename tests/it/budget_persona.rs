//! A 12-person firm with real figures on the built-in questionnaire: quoted 95 a user a
//! month for a 36-month minimum term. Every figure below was worked out by hand first.
#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

use jiff::Timestamp;
use jiff::tz::TimeZone;
use outready::answer::{Answer, Value};
use outready::plan::{Plan, PlanName};
use outready::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, Loaded};
use outready::report::{Format, Report};

fn builtin() -> Loaded {
    Catalog::load(None)
        .find(DEFAULT_QUESTIONNAIRE)
        .cloned()
        .unwrap()
}

const FIRM: &[(&str, f64)] = &[
    ("profile-headcount", 12.0),
    ("budget-fee-per-user", 95.0),
    ("contract-min-term", 36.0),
    ("budget-today-invoices", 9000.0),
    ("budget-today-staff-hours", 10.0),
    ("budget-hourly-cost", 40.0),
    ("budget-own-hours", 3.0),
    ("budget-training-hours", 2.0),
    ("budget-setup-fee", 1500.0),
    ("budget-kit-three-years", 7200.0),
    ("budget-price-cap", 5.0),
    ("budget-hire-salary", 45000.0),
    ("budget-reserve", 10.0),
    ("budget-exit-amount", 2500.0),
];

fn report(changes: &[(&str, f64)]) -> Report {
    let loaded = builtin();
    let now: Timestamp = "2026-12-01T09:00:00Z".parse().unwrap();
    let mut plan = Plan::new(&PlanName::new("Twelve").unwrap(), &loaded, now);
    plan.currency = Some("GBP".into());
    plan.set_answer(
        "budget-quote-kind",
        Answer::answered(Value::Text("per-user".into())),
        now,
    );
    for (id, value) in FIRM.iter().chain(changes) {
        plan.set_answer(id, Answer::answered(Value::Number(*value)), now);
    }
    Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC)
}

#[test]
fn the_twelve_person_firm_gets_the_figures_worked_out_by_hand() {
    let report = report(&[]);
    let budget = report.budget.as_ref().unwrap();
    let shown = |id: &str| budget.figure(id).unwrap().shown.clone();
    // Today: 9,000 + 10 hours × 12 months × 40 = 9,000 + 4,800.
    assert_eq!(shown("today-yearly"), "£13,800.00");
    // 95 × 12 people.
    assert_eq!(shown("monthly-fee"), "£1,140.00");
    // 3 hours × 12 × 40; 2 hours × 12 people × 40.
    assert_eq!(shown("own-time-yearly"), "£1,440.00");
    assert_eq!(shown("training-cost"), "£960.00");
    // 13,680 fees + 1,500 set-up + 960 training + 1,440 own time + 7,200 ÷ 3 kit.
    assert_eq!(shown("year-one"), "£19,980.00");
    // 1,140 × 36 months.
    assert_eq!(shown("committed"), "£41,040.00");
    // 13,680 × 1.05 × 1.05 = 15,082.20.
    assert_eq!(shown("year-three-fee"), "£15,082.20");
    // 13,680 + 14,364 + 15,082.20 fees, 1,500 + 960 + 7,200, and 1,440 × 3 own time.
    assert_eq!(shown("three-year-total"), "£57,106.20");
    assert_eq!(shown("today-three-years"), "£41,400.00");
    assert_eq!(shown("hire-three-years"), "£135,000.00");
    // 10% of 19,980.
    assert_eq!(shown("reserve-amount"), "£1,998.00");
    // 2,500 ÷ 13,680 = 18.27%; 1,440 ÷ 13,680 = 10.53%.
    assert_eq!(shown("exit-share"), "18.3%");
    assert_eq!(shown("own-time-share"), "10.5%");
    let headlines: Vec<&str> = budget.headlines().map(|f| f.id.as_str()).collect();
    assert_eq!(headlines, ["year-one", "committed", "three-year-total"]);
    // Leaving costs less than a year's fees, so it is no gap.
    assert!(
        report
            .gaps
            .iter()
            .all(|g| g.question_id != "budget-exit-amount")
    );
    let markdown = report.render(Format::Markdown).unwrap();
    assert!(markdown.contains("| Spend committed over the minimum term | £41,040.00 | £1,140.00 (Monthly fee) × 36 months (Minimum term) | |"), "{markdown}");
}

#[test]
fn leaving_dearer_than_a_year_of_fees_is_a_gap_that_says_by_how_much() {
    // 20,000 ÷ 13,680 = 146.2%.
    let report = report(&[("budget-exit-amount", 20000.0)]);
    let gap = report
        .gaps
        .iter()
        .find(|g| g.question_id == "budget-exit-amount")
        .unwrap();
    assert_eq!(gap.score, Some(0.0));
    assert!(
        gap.recommendations[0]
            .text
            .contains("Leaving is 146.2% of a year's fees now"),
        "{}",
        gap.recommendations[0].text
    );
}

#[test]
fn a_flat_fee_replaces_the_per_user_sum_and_an_unknown_fee_names_what_is_missing() {
    let loaded = builtin();
    let now: Timestamp = "2026-12-01T09:00:00Z".parse().unwrap();
    let mut plan = Plan::new(&PlanName::new("Flat").unwrap(), &loaded, now);
    plan.set_answer(
        "budget-quote-kind",
        Answer::answered(Value::Text("flat".into())),
        now,
    );
    plan.set_answer(
        "contract-min-term",
        Answer::answered(Value::Number(12.0)),
        now,
    );
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    let committed = report.budget.as_ref().unwrap().figure("committed").unwrap();
    assert_eq!(committed.shown, "not known yet");
    let missing: Vec<&str> = committed
        .missing
        .iter()
        .map(|m| m.question_id.as_str())
        .collect();
    assert_eq!(missing, ["budget-fee-flat"]);
    plan.set_answer(
        "budget-fee-flat",
        Answer::answered(Value::Number(900.0)),
        now,
    );
    let report = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    // 900 × 12 months, no currency chosen yet.
    assert_eq!(
        report
            .budget
            .as_ref()
            .unwrap()
            .figure("committed")
            .unwrap()
            .shown,
        "10,800.00"
    );
}

#[test]
fn every_figure_names_its_inputs_by_their_labels_never_their_ids() {
    let loaded = builtin();
    let ids: Vec<String> = loaded
        .questionnaire
        .questions()
        .map(|(_, q)| q.id.to_string())
        .collect();
    // Half the answers, so that figures are both worked out and still missing inputs.
    let report = report(&[]);
    let mut plan = Plan::new(
        &PlanName::new("Half").unwrap(),
        &loaded,
        "2026-12-01T09:00:00Z".parse().unwrap(),
    );
    plan.set_answer(
        "budget-hourly-cost",
        Answer::answered(Value::Number(40.0)),
        "2026-12-01T09:00:00Z".parse().unwrap(),
    );
    let half = Report::build(&loaded.questionnaire, &plan, &TimeZone::UTC);
    let mut missing_seen = 0;
    for budget in [
        report.budget.as_ref().unwrap(),
        half.budget.as_ref().unwrap(),
    ] {
        for figure in &budget.figures {
            let words = format!("{} {}", figure.how, figure.still_needed());
            for id in &ids {
                assert!(
                    !words.contains(&format!("({id})")) && !words.contains(id.as_str()),
                    "{}: {words:?} names {id}",
                    figure.id
                );
            }
            for input in &figure.missing {
                let question = loaded.questionnaire.question(&input.question_id).unwrap();
                assert_eq!(input.label, question.short, "{}", input.question_id);
                missing_seen += 1;
            }
        }
    }
    assert!(missing_seen > 5, "the half plan misses inputs");
    let today = half
        .budget
        .as_ref()
        .unwrap()
        .figure("today-yearly")
        .unwrap();
    assert_eq!(
        today.how,
        "? (IT invoices, last 12 months) + (? (Staff hours on IT a month) × 12 × £40.00 (Hourly cost of staff))"
            .replace('£', "")
    );
    assert_eq!(
        today.still_needed(),
        "IT invoices, last 12 months; Staff hours on IT a month"
    );
}
