//! `outready answer --plan NAME ID=VALUE...`: sets answers by question id, all or
//! nothing. Also what `import` shares: an answer given by id ([`Given`]), read against
//! its question with the typed-entry check every front end uses, and [`set_all`], which
//! opens the plan the one way (its lock held), lists every problem with its place and
//! saves nothing, or saves everything to the file it opened.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use jiff::Timestamp;

use super::Outcome;
use crate::answer::{Answer, AnswerState, Value};
use crate::open::{self, Opening};
use crate::questionnaire::{Question, QuestionType};
use crate::text_safety::visible;
use crate::wizard::{Change, apply, read_typed, state_word};

/// The plan a script changes: by name (a new one is started on `questionnaire`, by
/// default the built-in one).
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub plan: Option<&'a str>,
    pub questionnaire: Option<&'a str>,
}

impl<'a> Target<'a> {
    /// The plan named on the command line, and the questionnaire for a new one.
    pub fn new(plan: Option<&'a str>, questionnaire: Option<&'a str>) -> Target<'a> {
        Target {
            plan,
            questionnaire,
        }
    }
}

/// One answer given by question id, and where it was given (for messages).
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    /// `argument 2 (staff=12)`, `line 4`: where to look when it is wrong.
    pub place: String,
    pub id: String,
    /// None: only the note changes.
    pub value: Option<GivenValue>,
    pub note: Option<String>,
}

/// A value as given: typed words (an option's value, several comma-separated for
/// multi-choice, a number, a date, text, `unsure`, `na`), or a list of option values.
#[derive(Debug, Clone, PartialEq)]
pub enum GivenValue {
    Typed(String),
    List(Vec<String>),
}

/// Sets the answers of `NAME` from `ID=VALUE` arguments.
pub fn run(
    data_dir: &Path,
    plan: Target<'_>,
    arguments: &[String],
    out: &mut dyn Write,
) -> Result<Outcome> {
    let mut given = Vec::new();
    let mut problems = Vec::new();
    for (index, argument) in arguments.iter().enumerate() {
        let place = format!("argument {} ({argument})", index + 1);
        match argument.split_once('=') {
            Some((id, value)) if !id.trim().is_empty() => given.push(Given {
                place,
                id: id.trim().to_string(),
                value: Some(GivenValue::Typed(value.to_string())),
                note: None,
            }),
            _ => problems.push(format!(
                "{place}: type a question id, = and the value, like staff=12"
            )),
        }
    }
    set_all(data_dir, plan, given, problems, out)
}

/// Opens the plan (its lock held), reads every answer given against its question, and
/// either lists every problem (the ones found before, `problems`, first) and saves
/// nothing, or saves them all at once.
pub fn set_all(
    data_dir: &Path,
    target: Target<'_>,
    given: Vec<Given>,
    mut problems: Vec<String>,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let Some(name) = target.plan else {
        bail!("name the plan to change with --plan NAME (see `outready list`)");
    };
    let (_shelf, opening) = open::open(data_dir, Some(name), target.questionnaire)?;
    let mut opened = match opening {
        Opening::Ready(opened) => opened,
        Opening::Busy(opened, owner) => bail!(
            "the plan \"{}\" is open in another outready ({}), so nothing was saved: close it there first",
            opened.plan.name,
            owner.describe()
        ),
        Opening::Damaged(damaged) => return Err(damaged.error.into()),
    };
    let questionnaire = &opened.loaded.questionnaire;
    let had_currency = opened.plan.currency.clone();
    let mut answers: Vec<(String, Answer)> = Vec::new();
    let mut first_place: Vec<(String, String)> = Vec::new();
    for given in &given {
        if let Some((_, earlier)) = first_place.iter().find(|(id, _)| *id == given.id) {
            problems.push(format!(
                "{}: \"{}\" is given twice (first in {earlier}): give each question once",
                given.place, given.id
            ));
            continue;
        }
        first_place.push((given.id.clone(), given.place.clone()));
        let Some(question) = questionnaire.question(&given.id) else {
            problems.push(format!(
                "{}: there is no question \"{}\" in the questionnaire \"{}\" (see `outready questions`)",
                given.place, given.id, questionnaire.id
            ));
            continue;
        };
        let current = opened.plan.answer(&given.id).cloned();
        match answer_for(question, current.as_ref(), given, &mut opened.plan.currency) {
            Ok(answer) => answers.push((given.id.clone(), answer)),
            Err(problem) => problems.push(format!(
                "{}: {}",
                given.place,
                problem.trim_end_matches('.')
            )),
        }
    }
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("outready: {}", visible(problem));
        }
        let count = problems.len();
        eprintln!(
            "outready: nothing was saved: {count} {} to correct",
            if count == 1 { "problem" } else { "problems" }
        );
        return Ok(Outcome::Problems);
    }
    let now = Timestamp::now();
    for (id, answer) in answers {
        opened.plan.set_answer(&id, answer, now);
    }
    let path = opened.file.save(&opened.plan)?;
    let said = format!(
        "Saved {} to the {}plan \"{}\" ({}).",
        match given.len() {
            1 => "1 answer".to_string(),
            n => format!("{n} answers"),
        },
        if opened.is_new { "new " } else { "" },
        opened.plan.name,
        path.display()
    );
    writeln!(out, "{}", visible(&said))?;
    if had_currency.is_none() && opened.plan.currency.is_some() {
        writeln!(
            out,
            "{}",
            crate::money::currency_sentence(&opened.plan, &opened.loaded.questionnaire)
        )?;
    }
    Ok(Outcome::Success)
}

/// The answer after what was given, or what is wrong with it. Words go through the
/// wizard's checks: `parse_entry` for typed kinds, `apply` for every change.
pub fn answer_for(
    question: &Question,
    current: Option<&Answer>,
    given: &Given,
    currency: &mut Option<String>,
) -> Result<Answer, String> {
    let mut answer = current.cloned().unwrap_or_default();
    if let Some(value) = &given.value {
        answer = match change_for(question, value, currency)? {
            // Given again for a state it is in: stays (the wizard's change toggles).
            Change::Unsure if answer.state == AnswerState::Unsure => answer,
            Change::NotApplicable if answer.state == AnswerState::NotApplicable => answer,
            change => apply(question, Some(&answer), change)?,
        };
    }
    if let Some(note) = &given.note {
        answer = apply(question, Some(&answer), Change::Note(note.clone()))?;
    }
    Ok(answer)
}

/// What a value given by id changes; an amount is read in the plan's currency
/// (`currency`), which the first amount gives the plan.
fn change_for(
    question: &Question,
    value: &GivenValue,
    currency: &mut Option<String>,
) -> Result<Change, String> {
    let values: Vec<String> = match value {
        GivenValue::Typed(typed) => {
            let typed = typed.trim();
            if let Some(change) = state_word(typed) {
                return Ok(change);
            }
            if typed.is_empty() {
                return Err("no value given: type one, or unsure, or na".into());
            }
            if !question.kind.is_choice() {
                return read_typed(question, typed, currency)
                    .map(|(change, _)| change)
                    .map_err(|e| e.to_string());
            }
            if question.kind == QuestionType::Multi {
                typed.split(',').map(|v| v.trim().to_string()).collect()
            } else {
                vec![typed.to_string()]
            }
        }
        GivenValue::List(items) if question.kind == QuestionType::Multi => items.clone(),
        GivenValue::List(_) => {
            return Err("a list is only for a question with several choices".into());
        }
    };
    let known = || {
        question
            .options
            .iter()
            .map(|o| o.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(wrong) = values
        .iter()
        .find(|v| v.is_empty() || question.option(v).is_none())
    {
        return Err(format!(
            "\"{wrong}\" is not an option of this question: give one of {}",
            known()
        ));
    }
    if question.kind != QuestionType::Multi {
        return question
            .option_position(&values[0])
            .map(Change::Pick)
            .ok_or_else(|| format!("give one of {}", known()));
    }
    // In the questionnaire's order, once each, as the front ends store a choice.
    let chosen = question
        .options
        .iter()
        .filter(|o| values.iter().any(|v| *v == o.value))
        .map(|o| o.value.to_string())
        .collect();
    Ok(Change::Entry(Value::List(chosen)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(json: &str) -> Question {
        crate::questionnaire::one_question(json)
    }

    fn given(value: &str) -> Given {
        Given {
            place: "argument 1".into(),
            id: "q".into(),
            value: Some(GivenValue::Typed(value.into())),
            note: None,
        }
    }

    const MULTI: &str = r#"{"id":"q","type":"multi","text":"?","options":[
        {"value":"a","label":"A"},{"value":"b","label":"B"},{"value":"c","label":"C"}]}"#;

    #[test]
    fn values_are_option_values_numbers_dates_or_states() {
        let multi = question(MULTI);
        let a = answer_for(&multi, None, &given("c, a"), &mut None).unwrap();
        assert_eq!(a.value, Some(Value::List(vec!["a".into(), "c".into()])));
        assert!(
            answer_for(&multi, None, &given("a,d"), &mut None)
                .unwrap_err()
                .contains("\"d\" is not an option of this question: give one of a, b, c")
        );
        let yes = question(r#"{"id":"q","type":"yes_no","text":"?"}"#);
        let a = answer_for(&yes, None, &given("no"), &mut None).unwrap();
        assert_eq!(a.value, Some(Value::Text("no".into())));
        let a = answer_for(&yes, Some(&a), &given("unsure"), &mut None).unwrap();
        assert_eq!(a.state, AnswerState::Unsure);
        let again = answer_for(&yes, Some(&a), &given("unsure"), &mut None).unwrap();
        assert_eq!(
            again.state,
            AnswerState::Unsure,
            "unsure twice stays unsure"
        );
        assert!(answer_for(&yes, None, &given("na"), &mut None).is_err());
        let staff = question(r#"{"id":"q","type":"number","text":"?","min":1}"#);
        assert_eq!(
            answer_for(&staff, None, &given("1,200"), &mut None)
                .unwrap()
                .value,
            Some(Value::Number(1200.0))
        );
        assert!(answer_for(&staff, None, &given("0"), &mut None).is_err());
        let date = question(r#"{"id":"q","type":"date","text":"?"}"#);
        assert!(answer_for(&date, None, &given("2027-02-30"), &mut None).is_err());
    }

    #[test]
    fn a_note_alone_leaves_the_answer() {
        let yes = question(r#"{"id":"q","type":"yes_no","text":"?"}"#);
        let a = answer_for(&yes, None, &given("yes"), &mut None).unwrap();
        let note = Given {
            value: None,
            note: Some("ask Sam".into()),
            ..given("")
        };
        let a = answer_for(&yes, Some(&a), &note, &mut None).unwrap();
        assert_eq!(a.value, Some(Value::Text("yes".into())));
        assert_eq!(a.note.as_deref(), Some("ask Sam"));
    }
}
