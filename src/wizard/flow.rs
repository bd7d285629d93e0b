//! Where the user is in a questionnaire and where next, back and jump lead. Pure: built
//! from the questionnaire and the answers, so it follows conditions as answers change.

use std::collections::BTreeSet;

use super::quick::{self, Mode};
use crate::answer::{AnswerState, Answers};
use crate::questionnaire::{Questionnaire, Visibility};

/// A question's place: section index and question index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Spot {
    pub section: usize,
    pub question: usize,
}

/// The questions shown for the current answers, in order.
#[derive(Debug, Clone)]
pub struct Flow {
    visibility: Visibility,
    shown: Vec<Spot>,
    section_count: usize,
    mode: Mode,
    /// In quick mode, the questions of the quick scan (asked first); else empty.
    scan: BTreeSet<Spot>,
}

impl Flow {
    /// Works out what is shown for these answers, in questionnaire order.
    pub fn new(questionnaire: &Questionnaire, answers: &Answers) -> Flow {
        Flow::with_mode(questionnaire, answers, Mode::Full)
    }

    /// Works out what is shown for these answers, in the order of `mode`. Front ends
    /// rebuild with [`Flow::mode`] of the flow they had, so the order stays.
    pub fn with_mode(questionnaire: &Questionnaire, answers: &Answers, mode: Mode) -> Flow {
        let visibility = Visibility::compute(questionnaire, answers);
        let scan = match mode {
            Mode::Full => BTreeSet::new(),
            Mode::Quick => quick::scan(questionnaire),
        };
        let mut shown: Vec<Spot> = questionnaire
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| {
                (0..section.questions.len()).map(move |q| Spot {
                    section: s,
                    question: q,
                })
            })
            .filter(|spot| visibility.question(spot.section, spot.question))
            .collect();
        let mut flow = Flow {
            visibility,
            shown: Vec::new(),
            section_count: questionnaire.sections.len(),
            mode,
            scan,
        };
        if mode == Mode::Quick {
            shown.sort_by_key(|spot| flow.key(*spot));
        }
        flow.shown = shown;
        flow
    }

    /// The order the flow asks in.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Where a spot comes in the order: in quick mode, the scan before the rest.
    fn key(&self, spot: Spot) -> (bool, Spot) {
        (self.mode == Mode::Quick && !self.scan.contains(&spot), spot)
    }

    /// What is shown and hidden.
    pub fn visibility(&self) -> &Visibility {
        &self.visibility
    }

    /// Every shown question, in order.
    pub fn shown(&self) -> &[Spot] {
        &self.shown
    }

    /// Whether this question is shown.
    pub fn is_shown(&self, spot: Spot) -> bool {
        self.visibility.question(spot.section, spot.question)
    }

    /// The first shown question, if any is.
    pub fn first(&self) -> Option<Spot> {
        self.shown.first().copied()
    }

    /// The first shown question after `from` (which may itself be hidden now).
    pub fn next(&self, from: Spot) -> Option<Spot> {
        let from = self.key(from);
        self.shown.iter().copied().find(|s| self.key(*s) > from)
    }

    /// The last shown question before `from`.
    pub fn prev(&self, from: Spot) -> Option<Spot> {
        let from = self.key(from);
        self.shown
            .iter()
            .rev()
            .copied()
            .find(|s| self.key(*s) < from)
    }

    /// The first shown question of a section.
    pub fn first_in_section(&self, section: usize) -> Option<Spot> {
        self.shown.iter().copied().find(|s| s.section == section)
    }

    /// The first shown question of the next section that shows any.
    pub fn next_section(&self, from: Spot) -> Option<Spot> {
        self.shown
            .iter()
            .copied()
            .find(|s| s.section > from.section)
    }

    /// The first shown question of the previous section that shows any.
    pub fn prev_section(&self, from: Spot) -> Option<Spot> {
        let section = self
            .shown
            .iter()
            .rev()
            .find(|s| s.section < from.section)?
            .section;
        self.first_in_section(section)
    }

    /// Where to stand for a spot that may have been hidden by a change: itself when
    /// shown, else the next shown question, else the last one before it.
    pub fn settle(&self, spot: Spot) -> Option<Spot> {
        if self.is_shown(spot) {
            Some(spot)
        } else {
            self.next(spot).or_else(|| self.prev(spot))
        }
    }

    /// The first shown question with no answer yet.
    pub fn first_unanswered(
        &self,
        questionnaire: &Questionnaire,
        answers: &Answers,
    ) -> Option<Spot> {
        self.shown
            .iter()
            .copied()
            .find(|s| !is_answered(questionnaire, answers, *s))
    }

    /// Which shown question this is (1-based) and how many are shown.
    pub fn ordinal(&self, spot: Spot) -> (usize, usize) {
        let spot = self.key(spot);
        let at = self.shown.iter().filter(|s| self.key(**s) <= spot).count();
        (at.max(1), self.shown.len())
    }

    /// Shown questions answered (including "I don't know yet" and "not applicable"),
    /// and shown questions in all.
    pub fn progress(&self, questionnaire: &Questionnaire, answers: &Answers) -> (usize, usize) {
        let answered = self
            .shown
            .iter()
            .filter(|s| is_answered(questionnaire, answers, **s))
            .count();
        (answered, self.shown.len())
    }

    /// Shown questions answered and shown in one section.
    pub fn section_progress(
        &self,
        questionnaire: &Questionnaire,
        answers: &Answers,
        section: usize,
    ) -> (usize, usize) {
        let in_section = self.shown.iter().filter(|s| s.section == section);
        let total = in_section.clone().count();
        let answered = in_section
            .filter(|s| is_answered(questionnaire, answers, **s))
            .count();
        (answered, total)
    }

    /// How many sections the questionnaire has.
    pub fn section_count(&self) -> usize {
        self.section_count
    }

    /// Whether a section shows any question.
    pub fn section_shown(&self, section: usize) -> bool {
        self.shown.iter().any(|s| s.section == section)
    }
}

/// What an answer change did to the questions shown, in one sentence that agrees with
/// the screen: the questions added and set aside, how many are shown now, and that
/// answers are kept only when a question set aside had one. None when nothing changed.
pub fn change_notice_for(
    before: &Flow,
    after: &Flow,
    questionnaire: &Questionnaire,
    answers: &Answers,
) -> Option<String> {
    let was: BTreeSet<Spot> = before.shown.iter().copied().collect();
    let now: BTreeSet<Spot> = after.shown.iter().copied().collect();
    let added = now.difference(&was).count();
    let removed: Vec<Spot> = was.difference(&now).copied().collect();
    let kept = removed
        .iter()
        .filter(|spot| is_answered(questionnaire, answers, **spot))
        .count();
    let questions = |n: usize| if n == 1 { "question" } else { "questions" };
    let kept = match kept {
        0 => String::new(),
        1 if removed.len() == 1 => " (its answer is kept)".to_string(),
        1 => " (the one answered keeps its answer)".to_string(),
        _ => " (their answers are kept)".to_string(),
    };
    let total = now.len();
    let change = match (added, removed.len()) {
        (0, 0) => return None,
        (added, 0) => format!("added {added} follow-up {}", questions(added)),
        (0, removed) => format!("set aside {removed} {}{kept}", questions(removed)),
        (added, removed) => format!(
            "added {added} and set aside {removed} {}{kept}",
            questions(removed)
        ),
    };
    Some(format!(
        "Your answer {change}: {total} {} in all now.",
        questions(total)
    ))
}

/// Whether the question at a spot has an answer of any kind that it can use (one that no
/// longer fits, such as "None of these" beside another option, is asked again).
pub fn is_answered(questionnaire: &Questionnaire, answers: &Answers, spot: Spot) -> bool {
    questionnaire
        .sections
        .get(spot.section)
        .and_then(|s| s.questions.get(spot.question))
        .is_some_and(|q| q.counted_state(answers.get(q.id.as_str())).0 != AnswerState::Unanswered)
}

/// Where a plan resumes: the saved question if it is still shown (or the next shown one
/// after it), else the first unanswered question, else the first question.
pub fn resume_spot(
    questionnaire: &Questionnaire,
    answers: &Answers,
    flow: &Flow,
    saved: Option<&str>,
) -> Option<Spot> {
    let saved = saved
        .and_then(|id| questionnaire.locate(id))
        .map(|(s, q)| Spot {
            section: s,
            question: q,
        });
    saved
        .and_then(|spot| flow.settle(spot))
        .or_else(|| flow.first_unanswered(questionnaire, answers))
        .or_else(|| flow.first())
}

#[cfg(test)]
mod tests;
