//! Merging plans on the same questionnaire, as a pure function: per question one answer,
//! or the same answer everywhere, is taken; different answers make the question disputed,
//! each source's answer kept as a position named after its source and the newest as the
//! current answer. Notes are joined with who wrote them, actions by recommendation, the
//! team and its positions joined. The three-way merge of a git merge driver (`merge3`)
//! takes what changed on one side only and merges the rest the same way.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;

use super::positions::{Participant, QuestionPositions, Stance, Stand};
use super::{Action, ActionStatus, HistoryEntry, Plan};
use crate::answer::{Answer, AnswerState, Value};

/// One plan to merge, and the name its positions are kept under (its plan's name, or a
/// participant's).
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub label: String,
    pub plan: Plan,
}

/// One disputed question: each source's answer, by label, and whose answer is current.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispute {
    pub question: String,
    pub answers: Vec<(String, Answer)>,
    /// The label whose answer became the current one (the newest).
    pub current: String,
}

/// What a merge made: the plan, the questions taken from one source only, the disputes.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub plan: Plan,
    /// Questions only one source answered, with its label.
    pub taken: Vec<(String, String)>,
    pub disputes: Vec<Dispute>,
}

/// Why plans cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("there is nothing to merge: name at least one plan")]
    Nothing,
    #[error(
        "\"{first}\" answers the questionnaire \"{first_id}\" and \"{other}\" answers \"{other_id}\": only plans on the same questionnaire can be merged"
    )]
    Questionnaires {
        first: String,
        first_id: String,
        other: String,
        other_id: String,
    },
}

/// The role given to a participant added for a merged plan's positions.
pub const MERGED_ROLE: &str = "merged plan";

/// Merges the sources (their answers already moved to this questionnaire's question ids).
/// The result is named after the first source; the inputs are not changed.
pub fn merge(sources: &[Source]) -> Result<Merged, MergeError> {
    let first = sources.first().ok_or(MergeError::Nothing)?;
    if let Some(other) = sources
        .iter()
        .find(|s| s.plan.questionnaire.id != first.plan.questionnaire.id)
    {
        return Err(MergeError::Questionnaires {
            first: first.label.clone(),
            first_id: first.plan.questionnaire.id.clone(),
            other: other.label.clone(),
            other_id: other.plan.questionnaire.id.clone(),
        });
    }
    let labels = unique_labels(sources);
    // The newest plan (first of equals) gives what only one value can be kept of.
    let newest = sources
        .iter()
        .enumerate()
        .max_by(|(ia, a), (ib, b)| a.plan.updated.cmp(&b.plan.updated).then(ib.cmp(ia)))
        .map_or(first, |(_, s)| s);
    let mut plan = first.plan.clone();
    plan.questionnaire = newest.plan.questionnaire.clone();
    plan.position = newest.plan.position.clone();
    plan.format_version = sources
        .iter()
        .map(|s| s.plan.format_version)
        .max()
        .unwrap_or(plan.format_version);
    plan.created = sources
        .iter()
        .map(|s| s.plan.created)
        .min()
        .unwrap_or(plan.created);
    plan.updated = sources
        .iter()
        .map(|s| s.plan.updated)
        .max()
        .unwrap_or(plan.updated);
    for source in &sources[1..] {
        for (key, value) in &source.plan.extra {
            plan.extra
                .entry(key.clone())
                .or_insert_with(|| value.clone());
        }
    }
    plan.participants = joined_participants(sources);
    plan.positions = joined_positions(sources);
    plan.actions = joined_actions(sources);
    plan.history = joined_history(sources);
    let mut taken = Vec::new();
    let mut disputes = Vec::new();
    plan.answers.clear();
    let ids: BTreeSet<&String> = sources.iter().flat_map(|s| s.plan.answers.keys()).collect();
    for id in ids {
        let given: Vec<(&str, &Answer)> = sources
            .iter()
            .zip(&labels)
            .filter_map(|(s, label)| s.plan.answers.get(id).map(|a| (label.as_str(), a)))
            .collect();
        let (answer, dispute) = merged_answer(id, &given);
        if given.len() == 1 && sources.len() > 1 {
            taken.push((id.clone(), given[0].0.to_string()));
        }
        if let Some(dispute) = dispute {
            let positions = plan.positions.entry(id.clone()).or_default();
            for (label, answer) in &dispute.answers {
                positions.by.insert(label.clone(), stand_of(answer));
            }
            positions.agreed = None;
            for (label, _) in &dispute.answers {
                if !plan
                    .participants
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(label))
                {
                    plan.participants.push(Participant::new(label, MERGED_ROLE));
                }
            }
            disputes.push(dispute);
        }
        plan.answers.insert(id.clone(), answer);
    }
    Ok(Merged {
        plan,
        taken,
        disputes,
    })
}

/// The three-way merge of a plan file: what changed on one side only since `base` is
/// taken silently; what changed on both sides differently becomes a dispute, its
/// positions named `ours` and `theirs` labels.
pub fn merge3(base: &Plan, ours: &Source, theirs: &Source) -> Result<Merged, MergeError> {
    let mut ours = ours.clone();
    let mut theirs = theirs.clone();
    let ids: BTreeSet<String> = [base, &ours.plan, &theirs.plan]
        .iter()
        .flat_map(|p| p.answers.keys().cloned())
        .collect();
    for id in ids {
        let b = base.answers.get(&id);
        let o = ours.plan.answers.get(&id).cloned();
        let t = theirs.plan.answers.get(&id).cloned();
        let side = if o.as_ref() == b {
            Some((&mut ours, t))
        } else if t.as_ref() == b {
            Some((&mut theirs, o))
        } else {
            None
        };
        if let Some((unchanged, other)) = side {
            match other {
                Some(answer) => unchanged.plan.answers.insert(id, answer),
                None => unchanged.plan.answers.remove(&id),
            };
        }
    }
    if ours.plan.actions == base.actions {
        ours.plan.actions = theirs.plan.actions.clone();
    } else if theirs.plan.actions == base.actions {
        theirs.plan.actions = ours.plan.actions.clone();
    }
    merge(&[ours, theirs])
}

/// Labels made unique: a second "Acme" becomes "Acme (2)".
fn unique_labels(sources: &[Source]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for source in sources {
        let mut label = source.label.clone();
        let mut n = 2;
        while seen.iter().any(|s| s.eq_ignore_ascii_case(&label)) {
            label = format!("{} ({n})", source.label);
            n += 1;
        }
        seen.push(label);
    }
    seen
}

/// What an answer says, aside from its note, flag and time.
fn says(answer: &Answer) -> (AnswerState, Option<&Value>) {
    (answer.state, answer.value.as_ref())
}

/// One question's merged entry, and its dispute when the sources say different things.
fn merged_answer(id: &str, given: &[(&str, &Answer)]) -> (Answer, Option<Dispute>) {
    let answered: Vec<&(&str, &Answer)> = given
        .iter()
        .filter(|(_, a)| a.state != AnswerState::Unanswered)
        .collect();
    // The newest answer (first of equals) is the current one; an entry with only a
    // note or a flag is never current over an answer.
    let mut current = answered.first().map_or(given[0], |a| **a);
    for candidate in given {
        let counts = candidate.1.state != AnswerState::Unanswered || answered.is_empty();
        if counts && candidate.1.changed > current.1.changed {
            current = *candidate;
        }
    }
    let mut answer = current.1.clone();
    answer.discuss = given.iter().any(|(_, a)| a.discuss);
    answer.changed = given.iter().filter_map(|(_, a)| a.changed).max();
    answer.note = joined_notes(given);
    let differ = answered.iter().any(|(_, a)| says(a) != says(answered[0].1));
    let dispute = differ.then(|| Dispute {
        question: id.to_string(),
        answers: answered
            .iter()
            .map(|(label, a)| (label.to_string(), (*a).clone()))
            .collect(),
        current: current.0.to_string(),
    });
    (answer, dispute)
}

/// The notes: one when they all say the same, else each with who wrote it.
fn joined_notes(given: &[(&str, &Answer)]) -> Option<String> {
    let notes: Vec<(&str, &str)> = given
        .iter()
        .filter_map(|(label, a)| a.note.as_deref().map(|n| (*label, n)))
        .filter(|(_, n)| !n.trim().is_empty())
        .collect();
    let distinct: BTreeSet<&str> = notes.iter().map(|(_, n)| *n).collect();
    match distinct.len() {
        0 => given.iter().find_map(|(_, a)| a.note.clone()),
        1 => notes.first().map(|(_, n)| n.to_string()),
        _ => {
            let mut lines: Vec<String> = notes.iter().map(|(l, n)| format!("{l}: {n}")).collect();
            lines.sort();
            lines.dedup();
            Some(lines.join("\n"))
        }
    }
}

/// A source's answer as a position: "don't know" for unsure; not applicable is kept as
/// an answer without a value marked `"state": "na"`.
pub fn stand_of(answer: &Answer) -> Stand {
    let at = answer.changed.unwrap_or(Timestamp::UNIX_EPOCH);
    match answer.state {
        AnswerState::Unsure => Stand::new(Stance::DontKnow, None, at),
        AnswerState::NotApplicable => {
            let mut stand = Stand::new(Stance::Answered, None, at);
            stand.extra.insert("state".into(), "na".into());
            stand
        }
        _ => Stand::new(Stance::Answered, answer.value.clone(), at),
    }
}

fn joined_participants(sources: &[Source]) -> Vec<Participant> {
    let mut joined: Vec<Participant> = Vec::new();
    for p in sources.iter().flat_map(|s| &s.plan.participants) {
        if !joined
            .iter()
            .any(|j| j.name.to_lowercase() == p.name.to_lowercase())
        {
            joined.push(p.clone());
        }
    }
    joined
}

/// Every participant's positions; of two for one name, the newer.
fn joined_positions(sources: &[Source]) -> BTreeMap<String, QuestionPositions> {
    let mut joined: BTreeMap<String, QuestionPositions> = BTreeMap::new();
    for (id, positions) in sources.iter().flat_map(|s| &s.plan.positions) {
        let into = joined
            .entry(id.clone())
            .or_insert_with(|| QuestionPositions {
                extra: positions.extra.clone(),
                ..QuestionPositions::default()
            });
        into.agreed = into.agreed.max(positions.agreed);
        for (name, stand) in &positions.by {
            match into.by.get(name) {
                Some(kept) if kept.changed >= stand.changed => {}
                _ => {
                    into.by.insert(name.clone(), stand.clone());
                }
            }
        }
    }
    joined
}

/// The recommendation, the question, whether to find out, and an own action's words.
type ActionKey = (String, String, bool, String);

/// What makes two actions one: the recommendation, the question to find out, or the
/// words of an action of one's own.
fn action_key(action: &Action) -> ActionKey {
    let text = if action.is_own() {
        action.text.clone().unwrap_or_default()
    } else {
        String::new()
    };
    (
        action.recommendation.clone(),
        action.question.clone(),
        action.find_out,
        text,
    )
}

fn rank(status: ActionStatus) -> u8 {
    match status {
        ActionStatus::Open => 0,
        ActionStatus::InProgress => 1,
        ActionStatus::Done => 2,
    }
}

/// Actions joined by what they are: the status furthest along, the owner, due date and
/// words of the newest plan that gave them, accepted when first accepted.
fn joined_actions(sources: &[Source]) -> Vec<Action> {
    let mut keys: Vec<ActionKey> = Vec::new();
    let mut found: BTreeMap<ActionKey, Vec<(Timestamp, &Action)>> = BTreeMap::new();
    for source in sources {
        for action in &source.plan.actions {
            let key = action_key(action);
            if !found.contains_key(&key) {
                keys.push(key.clone());
            }
            found
                .entry(key)
                .or_default()
                .push((source.plan.updated, action));
        }
    }
    keys.iter()
        .filter_map(|key| {
            let all = found.get(key)?;
            let latest = all
                .iter()
                .filter(|(_, a)| !a.owner.is_empty() || a.due.is_some())
                .max_by(|x, y| x.0.cmp(&y.0).then(x.1.owner.cmp(&y.1.owner)))
                .or_else(|| all.first())?;
            let mut action = latest.1.clone();
            action.status = all.iter().map(|(_, a)| a.status).max_by_key(|s| rank(*s))?;
            action.accepted = all.iter().map(|(_, a)| a.accepted).min()?;
            for (_, other) in all {
                for (k, v) in &other.extra {
                    action.extra.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
            Some(action)
        })
        .collect()
}

/// One entry a day: of two for a day, the later.
fn joined_history(sources: &[Source]) -> Vec<HistoryEntry> {
    let mut by_day: BTreeMap<jiff::civil::Date, HistoryEntry> = BTreeMap::new();
    for entry in sources.iter().flat_map(|s| &s.plan.history) {
        match by_day.get(&entry.date) {
            Some(kept) if kept.at >= entry.at => {}
            _ => {
                by_day.insert(entry.date, entry.clone());
            }
        }
    }
    by_day.into_values().collect()
}
