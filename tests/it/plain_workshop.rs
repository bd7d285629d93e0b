#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! Plain mode in a facilitated session: the team from `--participants`, `p NAME VALUE`,
//! `agree VALUE`, the positions line under a question, the quick scan from `--quick`,
//! and the history entry made when the session ends.

use std::path::Path;

use outready::plan::store::load_path;
use outready::plan::{Agreement, Stance};
use outready::wizard::positions::parse_participants;

fn small_questionnaire() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json")
        .display()
        .to_string()
}

/// Runs plain mode on a data folder with this input; the output.
fn run(data: &Path, quick: bool, team: &str, input: &str) -> String {
    let options = outready::plain::Options {
        data_dir: data.to_path_buf(),
        plan: Some("Acme".into()),
        questionnaire: Some(small_questionnaire()),
        echo: true,
        // Lenient, as a facilitator typing would be: a refused line is asked again.
        strict: false,
        quick,
        participants: parse_participants(team).unwrap(),
        agenda: None,
    };
    let mut output = Vec::new();
    outready::plain::run(&options, input.as_bytes(), &mut output).unwrap();
    String::from_utf8(output).unwrap()
}

fn plan_file(data: &Path) -> std::path::PathBuf {
    let name = outready::plan::PlanName::new("Acme").unwrap();
    outready::plan::PlanStore::in_data_dir(data).path_for(&name)
}

#[test]
fn positions_are_recorded_disputed_and_agreed() {
    let data = tempfile::tempdir().unwrap();
    let input = "6\n?\np ann 1\np ben 2\np cara u\np dan 1\nagree 1\nq\n";
    let output = run(
        data.path(),
        false,
        "Ann (owner), Ben (office), Cara (books)",
        input,
    );
    let from = output
        .find("Answer (1 or 2; u allowed, na not allowed): p ann 1")
        .unwrap();
    let to = output[from..]
        .find("\nQuestion ")
        .map_or(output.len(), |n| from + n);
    let lines: Vec<&str> = output[from..to].lines().collect();
    assert_eq!(
        lines,
        [
            "Answer (1 or 2; u allowed, na not allowed): p ann 1",
            "Positions: Ann: Yes.",
            "Answer (1 or 2; u allowed, na not allowed): p ben 2",
            "Positions: Ann: Yes · Ben: No. Disputed: set the agreed answer with agree and the answer.",
            "Answer (1 or 2; u allowed, na not allowed): p cara u",
            "Positions: Ann: Yes · Ben: No · Cara: don't know. Disputed: set the agreed answer with agree and the answer.",
            "Answer (1 or 2; u allowed, na not allowed): p dan 1",
            "Not recorded: nobody called \"dan\" is in the team (Ann, Ben, Cara).",
            "Answer (1 or 2; u allowed, na not allowed): agree 1",
            "Agreed: Yes.",
            "Your answer added 1 follow-up question: 11 questions in all now.",
        ],
        "{output}"
    );
    assert!(output.contains(
        "With the team (Ann, Ben, Cara): p NAME ANSWER records a position (u for don't know, - to abstain); agree ANSWER sets the agreed answer."
    ));
    let plan = load_path(&plan_file(data.path())).unwrap();
    assert_eq!(plan.participants.len(), 3);
    assert_eq!(plan.participants[0].role, "owner");
    let positions = &plan.positions["personal-data"];
    assert_eq!(positions.by["Cara"].stance, Stance::DontKnow);
    assert_eq!(positions.agreement(), Agreement::Agreed);
    assert_eq!(
        plan.answers["personal-data"].value,
        Some(outready::answer::Value::Text("yes".into()))
    );
    assert_eq!(
        plan.history.len(),
        1,
        "the session that changed the plan is recorded"
    );

    // Opened again: the positions line is shown under the question, agreed.
    let output = run(data.path(), false, "", "b\nq\n");
    assert!(
        output.contains("Positions: Ann: Yes · Ben: No · Cara: don't know. Agreed."),
        "{output}"
    );
    let again = load_path(&plan_file(data.path())).unwrap();
    assert_eq!(
        again.history, plan.history,
        "a session that changed nothing adds nothing"
    );
}

#[test]
fn without_a_team_p_and_agree_are_answers() {
    let data = tempfile::tempdir().unwrap();
    let output = run(data.path(), false, "", "6\n1\nagree 1\nq\n");
    assert!(
        output.contains("\"agree 1\" is not an option number"),
        "{output}"
    );
}

#[test]
fn the_quick_scan_asks_its_questions_first_then_says_the_verdict_is_provisional() {
    let data = tempfile::tempdir().unwrap();
    // The small questionnaire with its blocker and its critical question marked quick.
    let text = std::fs::read_to_string(small_questionnaire()).unwrap();
    let quick = text
        .replacen(
            "\"id\": \"problem\",",
            "\"id\": \"problem\", \"quick\": true,",
            1,
        )
        .replacen("\"id\": \"dpa\",", "\"id\": \"dpa\", \"quick\": true,", 1);
    let file = data.path().join("small-quick.json");
    std::fs::write(&file, quick).unwrap();
    let options = outready::plain::Options {
        data_dir: data.path().to_path_buf(),
        plan: Some("Acme".into()),
        questionnaire: Some(file.display().to_string()),
        echo: true,
        strict: true,
        quick: true,
        participants: Vec::new(),
        agenda: None,
    };
    let mut output = Vec::new();
    outready::plain::run(&options, "1\n1\n1\nq\n".as_bytes(), &mut output).unwrap();
    let output = String::from_utf8(output).unwrap();
    let asked: Vec<&str> = output
        .lines()
        .filter(|l| l.starts_with("Question "))
        .collect();
    assert_eq!(
        asked,
        [
            "Question 1 of 10: Do you keep personal data about customers or staff?",
            "Question 2 of 11: Can you say in two sentences what problem outsourcing must solve?",
            "Question 3 of 11: Will the contract include a data processing agreement?",
            "Question 4 of 11: How many people use IT in your business?",
        ],
        "{output}"
    );
    assert!(
        output.contains("Quick scan done. Provisional verdict: "),
        "{output}"
    );
    assert!(output.contains("The other 8 questions follow"), "{output}");
}

#[test]
fn a_typed_position_reads_as_the_wizards_positions_box_reads_it() {
    let data = tempfile::tempdir().unwrap();
    // Up to the budget (an amount), in US dollars.
    let input = "currency usd\n6\n1\n1\n1\n1\n1\n2027-01-31\np ann 1,200\np ben €900\nq\n";
    let output = run(data.path(), false, "Ann (owner), Ben (office)", input);
    assert!(
        output.contains("Positions: Ann: $1,200.00 per month."),
        "{output}"
    );
    let plan = load_path(&plan_file(data.path())).unwrap();
    let budget = &plan.positions["budget"];
    assert_eq!(
        budget.by["Ann"].value,
        Some(outready::answer::Value::Number(1200.0))
    );
    // An amount in another currency is refused, as on the question.
    assert!(!budget.by.contains_key("Ben"), "{output}");
}
