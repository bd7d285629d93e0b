//! Tests of the team, positions, disputes and agreement.

use super::*;
use crate::plan::PlanName;
use crate::questionnaire::Loaded;
use crate::questionnaire::load::load_text;

fn small() -> Loaded {
    let text = include_str!("../../tests/fixtures/questionnaires/valid/small.json");
    load_text("small.json", text, false).unwrap()
}

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + minute * 60).unwrap()
}

fn team_plan(loaded: &Loaded) -> Plan {
    let mut plan = Plan::new(&PlanName::new("Acme").unwrap(), loaded, at(0));
    let team = parse_participants("Ann (owner), Ben (office), Cara (books)").unwrap();
    join_team(&mut plan, team);
    plan
}

fn text(value: &str) -> Option<Value> {
    Some(Value::Text(value.into()))
}

#[test]
fn participants_are_read_from_one_line() {
    type Team<'a> = Vec<(&'a str, &'a str)>;
    let cases: Vec<(&str, Result<Team, TeamError>)> = vec![
        (
            "Ann (owner), Ben (office), Cara (books)",
            Ok(vec![("Ann", "owner"), ("Ben", "office"), ("Cara", "books")]),
        ),
        (
            "  Ann ,Ben(office) ,",
            Ok(vec![("Ann", ""), ("Ben", "office")]),
        ),
        ("", Ok(vec![])),
        ("Ann, ann (books)", Err(TeamError::Twice("ann".into()))),
        ("(owner)", Err(TeamError::NoName)),
        ("Ann (owner", Err(TeamError::Unclosed("Ann (owner".into()))),
    ];
    for (line, wanted) in cases {
        let read = parse_participants(line).map(|team| {
            team.into_iter()
                .map(|p| (p.name, p.role))
                .collect::<Vec<_>>()
        });
        let wanted = wanted.map(|team| {
            team.into_iter()
                .map(|(n, r)| (n.to_string(), r.to_string()))
                .collect::<Vec<_>>()
        });
        assert_eq!(read, wanted, "{line:?}");
    }
}

#[test]
fn participants_are_added_once_found_by_prefix_and_removed_with_their_positions() {
    let loaded = small();
    let mut plan = team_plan(&loaded);
    assert_eq!(
        add_participant(&mut plan, Participant::new("BEN", "")),
        Err(TeamError::Twice("BEN".into()))
    );
    add_participant(&mut plan, Participant::new("Bea", "it")).unwrap();
    assert_eq!(find_participant(&plan, "cara").unwrap().name, "Cara");
    assert_eq!(find_participant(&plan, "ca").unwrap().name, "Cara");
    assert!(matches!(
        find_participant(&plan, "be"),
        Err(TeamError::Ambiguous { .. })
    ));
    assert!(matches!(
        find_participant(&plan, "Dan"),
        Err(TeamError::Unknown { .. })
    ));
    record_position(&mut plan, "problem", "Bea", Stance::Abstain, None, at(1)).unwrap();
    assert_eq!(remove_participant(&mut plan, "bea"), Ok(1));
    assert_eq!(plan.participants.len(), 3);
    assert!(plan.positions.is_empty());
    join_team(&mut plan, parse_participants("Ann (owner), Dan").unwrap());
    let names: Vec<&str> = plan.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Ben", "Cara", "Dan"]);
}

#[test]
fn positions_dispute_agreement_and_reopening() {
    let loaded = small();
    let mut plan = team_plan(&loaded);
    let q = "personal-data";
    // (who, stance, value, minute, disputed after, agreement after)
    let steps: Vec<(&str, Stance, Option<Value>, Agreement)> = vec![
        ("Ann", Stance::Answered, text("yes"), Agreement::Open),
        ("Ben", Stance::Answered, text("yes"), Agreement::Open),
        ("Cara", Stance::DontKnow, None, Agreement::Disputed),
        ("Cara", Stance::Abstain, None, Agreement::Open),
        ("Ben", Stance::Answered, text("no"), Agreement::Disputed),
    ];
    for (minute, (who, stance, value, wanted)) in steps.into_iter().enumerate() {
        record_position(&mut plan, q, who, stance, value, at(minute as i64 + 1)).unwrap();
        assert_eq!(agreement(&plan, q), wanted, "after {who} at step {minute}");
    }
    assert!(is_disputed(&plan, q));
    agree(
        &mut plan,
        q,
        Answer::answered(Value::Text("yes".into())),
        at(10),
    );
    assert_eq!(agreement(&plan, q), Agreement::Agreed);
    assert_eq!(
        plan.answer(q).and_then(|a| a.value.clone()),
        text("yes"),
        "the agreed answer is the plan's answer"
    );
    // The same position again is no change: still agreed.
    record_position(&mut plan, q, "Ben", Stance::Answered, text("no"), at(11)).unwrap();
    assert_eq!(agreement(&plan, q), Agreement::Agreed);
    // A changed one reopens the dispute.
    record_position(&mut plan, q, "Cara", Stance::DontKnow, None, at(12)).unwrap();
    assert!(is_disputed(&plan, q));
    assert!(!is_disputed(&plan, "problem"));
}

#[test]
fn the_positions_line_uses_the_options_labels_in_the_teams_order() {
    let loaded = small();
    let mut plan = team_plan(&loaded);
    let question = loaded.questionnaire.question("outsourced").unwrap().clone();
    assert_eq!(positions_line(&plan, &question), None);
    let list = Some(Value::List(vec!["support".into(), "hosting".into()]));
    record_position(
        &mut plan,
        "outsourced",
        "Cara",
        Stance::DontKnow,
        None,
        at(1),
    )
    .unwrap();
    record_position(
        &mut plan,
        "outsourced",
        "Ann",
        Stance::Answered,
        list,
        at(2),
    )
    .unwrap();
    record_position(&mut plan, "outsourced", "Ben", Stance::Abstain, None, at(3)).unwrap();
    let support = &question.options[0].label;
    let hosting = &question.options[1].label;
    assert_eq!(
        positions_line(&plan, &question).unwrap(),
        format!("Ann: {support}, {hosting} · Ben: abstains · Cara: don't know")
    );
    let yes_no = loaded
        .questionnaire
        .question("personal-data")
        .unwrap()
        .clone();
    record_position(
        &mut plan,
        "personal-data",
        "Ann",
        Stance::Answered,
        text("yes"),
        at(4),
    )
    .unwrap();
    record_position(
        &mut plan,
        "personal-data",
        "Ben",
        Stance::Answered,
        text("no"),
        at(5),
    )
    .unwrap();
    assert_eq!(
        positions_line(&plan, &yes_no).unwrap(),
        "Ann: Yes · Ben: No"
    );
}

#[test]
fn a_wizard_answer_stands_for_a_position() {
    let yes = Answer::answered(Value::Text("yes".into()));
    assert_eq!(stance_of(&yes), Some((Stance::Answered, text("yes"))));
    assert_eq!(
        stance_of(&Answer::in_state(AnswerState::Unsure)),
        Some((Stance::DontKnow, None))
    );
    assert_eq!(
        stance_of(&Answer::in_state(AnswerState::NotApplicable)),
        None
    );
}

#[test]
fn a_typed_position_reads_as_the_question_reads_its_answer() {
    let loaded = small();
    let mut plan = team_plan(&loaded);
    plan.currency = Some("EUR".into());
    let find = |id: &str| {
        loaded
            .questionnaire
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.id == id)
            .unwrap()
            .clone()
    };
    let (budget, staff, date) = (find("budget"), find("staff"), find("decision-date"));
    let euro = plan_currency(&plan);
    for (question, typed) in [
        (&budget, "€1,200.50"),
        (&budget, "$5"),
        (&staff, "5000"),
        (&staff, "12"),
        (&date, "2027-02-30"),
        (&date, "2027-03-31"),
    ] {
        // The very reading, and the very sentence, of the question's own entry check.
        let wanted = parse_entry_in(question, typed, &euro)
            .map(|value| (Stance::Answered, Some(value)))
            .map_err(|e| e.to_string());
        let read = typed_position(&mut plan, question, typed).map_err(|e| e.to_string());
        assert_eq!(read, wanted, "{typed}");
    }
    assert_eq!(
        typed_position(&mut plan, &budget, "1,200"),
        Ok((Stance::Answered, Some(Value::Number(1200.0))))
    );
    // Shown in the plan's currency, with the question's unit.
    record_position(
        &mut plan,
        "budget",
        "Ann",
        Stance::Answered,
        Some(Value::Number(1200.0)),
        at(1),
    )
    .unwrap();
    assert_eq!(
        positions_line(&plan, &budget).as_deref(),
        Some("Ann: €1,200.00 per month")
    );
}
