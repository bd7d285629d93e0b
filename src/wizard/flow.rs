//! Where the user is in a questionnaire and where next, back and jump lead. Pure: built
//! from the questionnaire and the answers, so it follows conditions as answers change.

use std::collections::BTreeSet;

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
}

impl Flow {
    /// Works out what is shown for these answers.
    pub fn new(questionnaire: &Questionnaire, answers: &Answers) -> Flow {
        let visibility = Visibility::compute(questionnaire, answers);
        let shown = questionnaire
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
        Flow {
            visibility,
            shown,
            section_count: questionnaire.sections.len(),
        }
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
        self.shown.iter().copied().find(|s| *s > from)
    }

    /// The last shown question before `from`.
    pub fn prev(&self, from: Spot) -> Option<Spot> {
        self.shown.iter().rev().copied().find(|s| *s < from)
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
        let at = self.shown.iter().filter(|s| **s <= spot).count();
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
        .is_some_and(|q| q.counted_state(answers.get(&q.id)).0 != AnswerState::Unanswered)
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
mod tests {
    use super::*;
    use crate::answer::{Answer, Value};
    use crate::questionnaire::load::load_text;

    fn small() -> Questionnaire {
        let text = include_str!("../../tests/fixtures/questionnaires/valid/small.json");
        load_text("small.json", text, false).unwrap().questionnaire
    }

    fn spot_of(q: &Questionnaire, id: &str) -> Spot {
        let (section, question) = q.locate(id).unwrap();
        Spot { section, question }
    }

    fn ids(q: &Questionnaire, flow: &Flow) -> Vec<String> {
        flow.shown()
            .iter()
            .map(|s| q.sections[s.section].questions[s.question].id.clone())
            .collect()
    }

    #[test]
    fn conditional_questions_appear_and_disappear_and_answers_stay() {
        let q = small();
        let mut answers = Answers::new();
        let flow = Flow::new(&q, &answers);
        assert!(!ids(&q, &flow).contains(&"dpa".to_string()));
        assert!(!ids(&q, &flow).contains(&"contingency".to_string()));

        answers.insert(
            "personal-data".into(),
            Answer::answered(Value::Text("yes".into())),
        );
        answers.insert(
            "outsourced".into(),
            Answer::answered(Value::List(vec!["support".into()])),
        );
        answers.insert("dpa".into(), Answer::answered(Value::Text("no".into())));
        let flow = Flow::new(&q, &answers);
        assert!(ids(&q, &flow).contains(&"dpa".to_string()));
        assert!(ids(&q, &flow).contains(&"contingency".to_string()));

        answers.insert(
            "personal-data".into(),
            Answer::answered(Value::Text("no".into())),
        );
        let flow = Flow::new(&q, &answers);
        assert!(!ids(&q, &flow).contains(&"dpa".to_string()));
        assert!(answers.contains_key("dpa"), "the hidden answer is kept");
    }

    #[test]
    fn next_and_back_skip_hidden_questions_and_cross_sections() {
        let q = small();
        let flow = Flow::new(&q, &Answers::new());
        let budget = spot_of(&q, "budget");
        // contingency and dpa are hidden: next from budget is cost-notes.
        assert_eq!(flow.next(budget), Some(spot_of(&q, "cost-notes")));
        assert_eq!(flow.prev(spot_of(&q, "cost-notes")), Some(budget));
        assert_eq!(
            flow.next(spot_of(&q, "outsourced")),
            Some(spot_of(&q, "problem"))
        );
        assert_eq!(
            flow.prev(spot_of(&q, "problem")),
            Some(spot_of(&q, "outsourced"))
        );
        assert_eq!(flow.prev(spot_of(&q, "staff")), None);
        assert_eq!(flow.next(spot_of(&q, "budget-owner")), None);
        assert_eq!(
            flow.next_section(spot_of(&q, "staff")),
            Some(spot_of(&q, "problem"))
        );
        assert_eq!(flow.prev_section(budget), Some(spot_of(&q, "problem")));
    }

    #[test]
    fn a_spot_hidden_by_a_change_settles_on_the_next_shown_one() {
        let q = small();
        let flow = Flow::new(&q, &Answers::new());
        assert_eq!(
            flow.settle(spot_of(&q, "dpa")),
            Some(spot_of(&q, "cost-notes"))
        );
        assert_eq!(
            flow.settle(spot_of(&q, "budget")),
            Some(spot_of(&q, "budget"))
        );
    }

    #[test]
    fn resume_returns_to_the_saved_question_or_the_first_unanswered() {
        let q = small();
        let mut answers = Answers::new();
        answers.insert("staff".into(), Answer::answered(Value::Number(6.0)));
        let flow = Flow::new(&q, &answers);
        assert_eq!(
            resume_spot(&q, &answers, &flow, Some("reason")),
            Some(spot_of(&q, "reason"))
        );
        assert_eq!(
            resume_spot(&q, &answers, &flow, Some("no-longer-there")),
            Some(spot_of(&q, "personal-data"))
        );
        assert_eq!(
            resume_spot(&q, &answers, &flow, None),
            Some(spot_of(&q, "personal-data"))
        );
        assert_eq!(
            resume_spot(&q, &answers, &flow, Some("dpa")),
            Some(spot_of(&q, "cost-notes"))
        );
    }

    #[test]
    fn the_change_notice_counts_questions_added_and_set_aside() {
        let q = small();
        let none = Flow::new(&q, &Answers::new());
        let mut answers = Answers::new();
        answers.insert(
            "personal-data".into(),
            Answer::answered(Value::Text("yes".into())),
        );
        let one_more = Flow::new(&q, &answers);
        answers.insert(
            "outsourced".into(),
            Answer::answered(Value::List(vec!["support".into()])),
        );
        let two_more = Flow::new(&q, &answers);
        let notice = |before: &Flow, after: &Flow, answers: &Answers| {
            change_notice_for(before, after, &q, answers)
        };
        assert_eq!(notice(&none, &none, &answers), None);
        assert_eq!(
            notice(&none, &one_more, &answers),
            Some(format!(
                "Your answer added 1 follow-up question: {} questions in all now.",
                one_more.shown().len()
            ))
        );
        // Set aside with no answers among them: nothing is said to be kept.
        assert_eq!(
            notice(&two_more, &none, &Answers::new()),
            Some(format!(
                "Your answer set aside 2 questions: {} questions in all now.",
                none.shown().len()
            ))
        );
    }

    #[test]
    fn progress_counts_unsure_and_not_applicable_as_answered() {
        let q = small();
        let mut answers = Answers::new();
        answers.insert("staff".into(), Answer::answered(Value::Number(6.0)));
        answers.insert(
            "problem".into(),
            Answer::in_state(crate::answer::AnswerState::Unsure),
        );
        answers.insert(
            "decision-date".into(),
            Answer::in_state(crate::answer::AnswerState::NotApplicable),
        );
        answers.insert("dpa".into(), Answer::answered(Value::Text("yes".into())));
        let flow = Flow::new(&q, &answers);
        assert_eq!(
            flow.progress(&q, &answers),
            (3, 10),
            "dpa is hidden and not counted"
        );
        assert_eq!(flow.section_progress(&q, &answers, 1), (2, 4));
        assert_eq!(flow.ordinal(spot_of(&q, "problem")), (4, 10));
    }
}
