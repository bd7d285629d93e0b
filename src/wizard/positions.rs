//! What the facilitator does with the team, for every front end: add and remove
//! participants, read `--participants "Ann (owner), Ben (office)"`, record a position,
//! set the agreed answer, and the compact line of positions under a question
//! ("Ann: Yes · Ben: No · Cara: don't know"). Pure: the plan in, the plan changed.

use jiff::Timestamp;

use super::edit::Change;
use super::entry::{EntryError, parse_entry_in, read_typed};
use crate::answer::{Answer, AnswerState, Value};
use crate::money::{Currency, plan_currency};
use crate::plan::{Agreement, Participant, Plan, Stance, Stand};
use crate::questionnaire::Question;
use crate::report::text::answer_text_in;

/// Why a participant could not be added or found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamError {
    #[error("a participant needs a name: write it like \"Ann (owner)\"")]
    NoName,
    #[error("\"{0}\" is in the team already: give each participant their own name")]
    Twice(String),
    #[error("\"{0}\" has a role in brackets that is not closed: write it like \"Ann (owner)\"")]
    Unclosed(String),
    #[error("nobody called \"{name}\" is in the team ({known})")]
    Unknown { name: String, known: String },
    #[error("\"{name}\" could be {matches}: type more of the name")]
    Ambiguous { name: String, matches: String },
}

/// Reads a list of participants: names with an optional role in brackets, separated by
/// commas (`Ann (owner), Ben (office), Cara`).
pub fn parse_participants(text: &str) -> Result<Vec<Participant>, TeamError> {
    let mut team: Vec<Participant> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let participant = parse_participant(part)?;
        if team.iter().any(|p| same_name(&p.name, &participant.name)) {
            return Err(TeamError::Twice(participant.name));
        }
        team.push(participant);
    }
    Ok(team)
}

/// One participant: `Ann (owner)` or `Ann`.
pub fn parse_participant(text: &str) -> Result<Participant, TeamError> {
    let text = text.trim();
    let (name, role) = match text.split_once('(') {
        Some((name, rest)) => match rest.trim_end().strip_suffix(')') {
            Some(role) => (name, role),
            None => return Err(TeamError::Unclosed(text.to_string())),
        },
        None => (text, ""),
    };
    if name.trim().is_empty() {
        return Err(TeamError::NoName);
    }
    Ok(Participant::new(name, role))
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Adds a participant at the end of the team.
pub fn add_participant(plan: &mut Plan, participant: Participant) -> Result<(), TeamError> {
    if participant.name.trim().is_empty() {
        return Err(TeamError::NoName);
    }
    if plan
        .participants
        .iter()
        .any(|p| same_name(&p.name, &participant.name))
    {
        return Err(TeamError::Twice(participant.name));
    }
    plan.participants.push(participant);
    Ok(())
}

/// Adds every participant not in the team yet (by name), in order: what
/// `--participants` does to a plan that may have a team already.
pub fn join_team(plan: &mut Plan, team: Vec<Participant>) {
    for participant in team {
        // Already there is fine: the same list given again changes nothing.
        let _ = add_participant(plan, participant);
    }
}

/// Removes a participant and their positions; how many positions went with them.
pub fn remove_participant(plan: &mut Plan, name: &str) -> Result<usize, TeamError> {
    let found = find_participant(plan, name)?.name.clone();
    plan.participants.retain(|p| p.name != found);
    let mut removed = 0;
    for positions in plan.positions.values_mut() {
        removed += usize::from(positions.by.remove(&found).is_some());
    }
    plan.positions
        .retain(|_, p| !p.by.is_empty() || p.agreed.is_some());
    Ok(removed)
}

/// The participant a typed name means: the same name in any case, else the only one
/// whose name starts with it.
pub fn find_participant<'a>(plan: &'a Plan, name: &str) -> Result<&'a Participant, TeamError> {
    let wanted = name.trim().to_lowercase();
    if let Some(exact) = plan.participants.iter().find(|p| same_name(&p.name, name)) {
        return Ok(exact);
    }
    let starting: Vec<&Participant> = plan
        .participants
        .iter()
        .filter(|p| !wanted.is_empty() && p.name.to_lowercase().starts_with(&wanted))
        .collect();
    let names = |list: &mut dyn Iterator<Item = &Participant>| {
        list.map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
    };
    match starting.as_slice() {
        [one] => Ok(one),
        [] => Err(TeamError::Unknown {
            name: name.trim().to_string(),
            known: if plan.participants.is_empty() {
                "the team is empty: add participants first".to_string()
            } else {
                names(&mut plan.participants.iter())
            },
        }),
        _ => Err(TeamError::Ambiguous {
            name: name.trim().to_string(),
            matches: names(&mut starting.iter().copied()),
        }),
    }
}

/// Records a participant's position on a question (replacing theirs); a change after
/// the agreement reopens the dispute. Recording the very same position again changes
/// nothing, so it does not reopen one.
pub fn record_position(
    plan: &mut Plan,
    question_id: &str,
    name: &str,
    stance: Stance,
    value: Option<Value>,
    now: Timestamp,
) -> Result<(), TeamError> {
    let name = find_participant(plan, name)?.name.clone();
    let stand = Stand::new(stance, value, now);
    let positions = plan.positions.entry(question_id.to_string()).or_default();
    if positions
        .by
        .get(&name)
        .is_some_and(|old| old.same_as(&stand))
    {
        return Ok(());
    }
    positions.by.insert(name, stand);
    plan.updated = now;
    Ok(())
}

/// The position a wizard answer stands for: an answer is the participant's answer, "I
/// don't know yet" is "don't know"; anything else is no position.
pub fn stance_of(answer: &Answer) -> Option<(Stance, Option<Value>)> {
    match answer.state {
        AnswerState::Answered => answer
            .value
            .clone()
            .map(|value| (Stance::Answered, Some(value))),
        AnswerState::Unsure => Some((Stance::DontKnow, None)),
        AnswerState::NotApplicable | AnswerState::Unanswered => None,
    }
}

/// A participant's position typed on a typed question (a number, an amount, a
/// percentage, a date, text), read by the question's own entry check, amounts in the
/// plan's currency (the first amount typed gives the plan the locale's, as an answer
/// does). The one reading of a typed position every front end shares.
pub fn typed_position(
    plan: &mut Plan,
    question: &Question,
    typed: &str,
) -> Result<(Stance, Option<Value>), EntryError> {
    // The question's own reading: a state word is "don't know" here, and the first
    // amount gives the plan its currency, as an answer does.
    match read_typed(question, typed, &mut plan.currency)? {
        (Change::Entry(value), _) => Ok((Stance::Answered, Some(value))),
        (Change::Unsure, _) => Ok((Stance::DontKnow, None)),
        _ => parse_entry_in(question, typed, &plan_currency(plan))
            .map(|value| (Stance::Answered, Some(value))),
    }
}

/// Sets the agreed answer: it becomes the plan's answer (which scores), and the question
/// agreed, as of `now`.
pub fn agree(plan: &mut Plan, question_id: &str, answer: Answer, now: Timestamp) {
    plan.set_answer(question_id, answer, now);
    plan.positions
        .entry(question_id.to_string())
        .or_default()
        .agreed = Some(now);
}

/// Where a question stands between positions and agreement.
pub fn agreement(plan: &Plan, question_id: &str) -> Agreement {
    plan.positions
        .get(question_id)
        .map_or(Agreement::Open, |p| p.agreement())
}

/// Whether the question is disputed now.
pub fn is_disputed(plan: &Plan, question_id: &str) -> bool {
    agreement(plan, question_id) == Agreement::Disputed
}

/// A position in words: the option's label, the figure (amounts in `currency`), "don't
/// know", "abstains".
pub fn stand_text(question: &Question, stand: &Stand, currency: &Currency) -> String {
    match stand.stance {
        Stance::DontKnow => "don't know".to_string(),
        Stance::Abstain => "abstains".to_string(),
        Stance::Answered => match &stand.value {
            Some(value) => answer_text_in(
                question,
                Some(&Answer::answered(value.clone())),
                AnswerState::Answered,
                false,
                currency,
            ),
            None => "don't know".to_string(),
        },
    }
}

/// Each position on a question as (participant, words), in the team's order; then any
/// from people no longer in the team, by name.
pub fn position_texts(plan: &Plan, question: &Question) -> Vec<(String, String)> {
    let Some(positions) = plan.positions.get(question.id.as_str()) else {
        return Vec::new();
    };
    let in_team = plan
        .participants
        .iter()
        .filter_map(|p| positions.by.get_key_value(&p.name));
    let others = positions
        .by
        .iter()
        .filter(|(name, _)| !plan.participants.iter().any(|p| &p.name == *name));
    let currency = plan_currency(plan);
    in_team
        .chain(others)
        .map(|(name, stand)| (name.clone(), stand_text(question, stand, &currency)))
        .collect()
}

/// The compact line under a question's options: "Ann: Yes · Ben: No · Cara: don't
/// know"; `None` while nobody has a position on it.
pub fn positions_line(plan: &Plan, question: &Question) -> Option<String> {
    let texts = position_texts(plan, question);
    if texts.is_empty() {
        return None;
    }
    let parts: Vec<String> = texts
        .into_iter()
        .map(|(name, text)| format!("{name}: {text}"))
        .collect();
    Some(parts.join(" · "))
}

#[cfg(test)]
#[path = "positions_tests.rs"]
mod tests;
