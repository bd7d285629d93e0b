//! The verdict in words: why the level is what it is, what the stage the owner is at
//! means, and what would lift it ("close these 2 items to reach Nearly ready").

use super::text::{TOLERANCE, counted, joined, percent, percent_to};
use super::{AnswerCounts, HoldItem, HoldKind, LevelInfo, Lift, Verdict};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Assessment, HoldReason, LevelRef};

impl Verdict {
    /// How many critical answers the verdict lists by name; the rest are counted (every
    /// one of them is in the gap report, marked critical).
    pub const CRITICAL_LISTED: usize = 5;

    /// The holds to list by name (every blocker, the first critical answers, then the
    /// stage), and how many more critical answers there are.
    pub fn listed_holds(&self) -> (Vec<&HoldItem>, usize) {
        let critical = |h: &&HoldItem| {
            matches!(
                h.reason,
                HoldKind::CriticalLow | HoldKind::CriticalUnsure | HoldKind::Unanswered
            )
        };
        let more = self
            .holds
            .iter()
            .filter(critical)
            .count()
            .saturating_sub(Self::CRITICAL_LISTED);
        let blockers = self.holds.iter().filter(|h| h.reason == HoldKind::Blocker);
        let stage = self.holds.iter().filter(|h| h.reason == HoldKind::Stage);
        let listed = blockers
            .chain(
                self.holds
                    .iter()
                    .filter(critical)
                    .take(Self::CRITICAL_LISTED),
            )
            .chain(stage)
            .collect();
        (listed, more)
    }

    /// The level's text followed by the stage's note, as the verdict shows it; `None`
    /// when there is neither.
    pub fn level_text(&self) -> Option<String> {
        let description = self
            .level
            .as_ref()
            .filter(|_| !(self.stage_sets_level && self.stage_note.is_some()))
            .map(|l| l.description.trim());
        let parts: Vec<&str> = description
            .into_iter()
            .chain(self.stage_note.as_deref().map(str::trim))
            .filter(|part| !part.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The verdict of an assessment, with the holds already put into words.
pub(super) fn verdict(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    holds: Vec<HoldItem>,
) -> Verdict {
    let level = level_of(questionnaire, assessment.level.as_ref());
    let level_by_score = level_of(questionnaire, assessment.level_by_score.as_ref());
    // A stage that caps higher than the verdict is holds nothing down: the why leaves it
    // out (blockers and critical answers are all named: each is an item to close).
    let binding: Vec<HoldItem> = holds
        .iter()
        .filter(|item| item.reason != HoldKind::Stage || is_binding(assessment, item))
        .cloned()
        .collect();
    let why = why(
        assessment.score,
        level.as_ref(),
        level_by_score.as_ref(),
        &binding,
    );
    let stage_cap = assessment
        .holds
        .iter()
        .find(|h| h.reason == HoldReason::Stage)
        .and_then(|h| h.caps_at.as_ref())
        .map(|cap| cap.index);
    let lift = lift(
        questionnaire,
        assessment.score,
        (level.as_ref(), level_by_score.as_ref()),
        &holds,
        stage_cap,
    );
    Verdict {
        level,
        level_by_score,
        score: assessment.score,
        counts: AnswerCounts::from(&assessment.completeness),
        holds,
        stage_note: stage_note(questionnaire, assessment),
        stage_sets_level: stage_sets_level(assessment),
        why,
        lift,
        provisional: None,
    }
}

/// Whether a hold caps the level at or below where it is now (so the verdict is where it
/// is partly because of it).
fn is_binding(assessment: &Assessment, item: &HoldItem) -> bool {
    let Some(level) = &assessment.level else {
        return true;
    };
    assessment.holds.iter().any(|hold| {
        hold.question == item.question_id
            && HoldKind::from(hold.reason) == item.reason
            && hold
                .caps_at
                .as_ref()
                .is_none_or(|cap| cap.index <= level.index)
    })
}

/// Whether the stage's cap is what sets the level: the score alone reaches higher, and
/// no blocker or critical answer caps it as low.
fn stage_sets_level(assessment: &Assessment) -> bool {
    let (Some(level), Some(by_score)) = (&assessment.level, &assessment.level_by_score) else {
        return false;
    };
    let cap_of = |stage: bool| {
        assessment
            .holds
            .iter()
            .filter(|h| (h.reason == HoldReason::Stage) == stage)
            .filter_map(|h| h.caps_at.as_ref().map(|cap| cap.index))
            .min()
    };
    by_score.index > level.index
        && cap_of(true) == Some(level.index)
        && cap_of(false).is_none_or(|other| other > level.index)
}

/// The note of the stage the answers are at, when it has one.
fn stage_note(questionnaire: &Questionnaire, assessment: &Assessment) -> Option<String> {
    let stage = questionnaire.stage.as_ref()?;
    let note = stage
        .by_value
        .get(assessment.stage.as_deref()?)?
        .note
        .trim();
    (!note.is_empty()).then(|| note.to_string())
}

fn level_of(questionnaire: &Questionnaire, level: Option<&LevelRef>) -> Option<LevelInfo> {
    level_at(questionnaire, level?.index)
}

pub(super) fn level_at(questionnaire: &Questionnaire, index: usize) -> Option<LevelInfo> {
    questionnaire.levels.get(index).map(|found| LevelInfo {
        index,
        id: found.id.to_string(),
        label: found.label.to_string(),
        description: found.description.to_string(),
        min: found.min,
    })
}

/// How many blockers, critical answers, decisive questions not answered yet and stage
/// holds there are among the holds.
fn hold_counts(holds: &[HoldItem]) -> (usize, usize, usize, usize) {
    let count = |kind: HoldKind| holds.iter().filter(|h| h.reason == kind).count();
    let (blockers, open, stage) = (
        count(HoldKind::Blocker),
        count(HoldKind::Unanswered),
        count(HoldKind::Stage),
    );
    (blockers, holds.len() - blockers - open - stage, open, stage)
}

/// The holds in words: "1 blocker, 2 critical answers below half and the stage you are
/// at".
fn holds_phrase(holds: &[HoldItem]) -> String {
    let (blockers, critical, open, stage) = hold_counts(holds);
    let unsure = holds
        .iter()
        .filter(|h| h.reason == HoldKind::CriticalUnsure)
        .count();
    let critical_kind = if unsure == 0 {
        "below half"
    } else if unsure == critical {
        "not known yet"
    } else {
        "below half or not known yet"
    };
    let mut parts = Vec::new();
    if blockers > 0 {
        parts.push(counted(blockers, "blocker", "blockers"));
    }
    if critical > 0 {
        parts.push(format!(
            "{} {critical_kind}",
            counted(critical, "critical answer", "critical answers")
        ));
    }
    if open > 0 {
        parts.push(format!(
            "{} not answered yet",
            counted(open, "decisive question", "decisive questions")
        ));
    }
    if stage > 0 {
        parts.push("the stage you are at".to_string());
    }
    joined(&parts)
}

/// Why the verdict is what it is, in a sentence.
fn why(
    score: Option<f64>,
    level: Option<&LevelInfo>,
    by_score: Option<&LevelInfo>,
    holds: &[HoldItem],
) -> String {
    let Some(level) = level else {
        return match score {
            Some(score) => format!(
                "Your answers score {}; this questionnaire defines no readiness levels, so there is no verdict.",
                percent(score)
            ),
            None => "This questionnaire defines no readiness levels, so there is no verdict."
                .to_string(),
        };
    };
    let Some(score) = score else {
        // With nothing answered, every decisive question is open: not worth a word.
        let holds: Vec<HoldItem> = holds
            .iter()
            .filter(|h| h.reason != HoldKind::Unanswered)
            .cloned()
            .collect();
        let holding = if holds.len() == 1 { "holds" } else { "hold" };
        return if holds.is_empty() {
            format!(
                "Nothing that counts towards readiness is answered yet, so the verdict starts at {}.",
                level.label
            )
        } else {
            format!(
                "Nothing that counts towards readiness is answered yet, and {} {holding} the verdict at {}.",
                holds_phrase(&holds),
                level.label
            )
        };
    };
    let holding = if holds.len() == 1 { "holds" } else { "hold" };
    let score = percent(score);
    match by_score {
        Some(by_score) if by_score.index > level.index => format!(
            "Your answers score {score}, enough for {}, but {} {holding} the verdict at {}.",
            by_score.label,
            holds_phrase(holds),
            level.label
        ),
        _ if !holds.is_empty() => format!(
            "Your answers score {score}, which is {}; {} also {} the level.",
            level.label,
            holds_phrase(holds),
            if holds.len() == 1 { "caps" } else { "cap" }
        ),
        _ => format!(
            "Your answers score {score}, which is {}, and nothing caps the level.",
            level.label
        ),
    }
}

/// What would lift the verdict, or `None` at the top level or without levels.
fn lift(
    questionnaire: &Questionnaire,
    score: Option<f64>,
    (level, by_score): (Option<&LevelInfo>, Option<&LevelInfo>),
    holds: &[HoldItem],
    stage_cap: Option<usize>,
) -> Option<Lift> {
    let level = level?;
    let to = match by_score {
        Some(by_score) if by_score.index > level.index => by_score.clone(),
        _ => level_at(questionnaire, level.index + 1)?,
    };
    let (blockers, critical, open, _) = hold_counts(holds);
    // Critical answers and open decisive questions cap the level at the second lowest:
    // they matter only above it.
    let critical = if to.index >= 2 { critical } else { 0 };
    let open = if to.index >= 2 { open } else { 0 };
    // The stage matters only when the level to reach is above its cap.
    let stage = usize::from(stage_cap.is_some_and(|cap| cap < to.index));
    let current = score.unwrap_or(0.0);
    let score_needed = (current + TOLERANCE < to.min).then_some(to.min);

    let mut steps = Vec::new();
    if blockers > 0 {
        steps.push(format!(
            "clear {}",
            counted(blockers, "blocker", "blockers")
        ));
    }
    if critical > 0 {
        steps.push(format!(
            "bring {} up to at least half",
            counted(critical, "critical answer", "critical answers")
        ));
    }
    if open > 0 {
        steps.push(format!(
            "answer {}",
            counted(open, "decisive question", "decisive questions")
        ));
    }
    if stage > 0 {
        steps.push("move on to a later stage".to_string());
    }
    let sentence = match score_needed {
        None => {
            let items = blockers + critical + open + stage;
            let these = if items == 1 {
                "this item".to_string()
            } else {
                format!("these {items} items")
            };
            format!("Close {these} to reach {}: {}.", to.label, joined(&steps))
        }
        Some(needed) => {
            let (from, to_score) = score_pair(current, needed);
            steps.push(match score {
                Some(_) => format!("raise the overall score from {from} to {to_score}"),
                None => format!("answer enough to score {to_score} overall"),
            });
            format!(
                "To reach {}, {}; the gap report starts with what raises the score most.",
                to.label,
                joined(&steps)
            )
        }
    };
    Some(Lift {
        to,
        blockers,
        critical,
        score_needed,
        sentence,
    })
}

/// Two scores as percentages (rounded down, as every shown score), with a decimal when
/// whole ones would look equal (40.1% must not read as "from 40% to 40%" on the way to
/// 40.5%).
pub(super) fn score_pair(from: f64, to: f64) -> (String, String) {
    let (whole_from, whole_to) = (percent(from), percent(to));
    if whole_from != whole_to {
        return (whole_from, whole_to);
    }
    (percent_to(from, 1), percent_to(to, 1))
}
