//! The quick scan: the questions a questionnaire marks `quick` (the most decisive ones),
//! with the questions their `show_if` (or their section's) reads, asked first; then the
//! rest. A verdict given when the scan is answered but the rest is not is provisional.
//! Pure: no terminal, no disk.

use std::collections::BTreeSet;

use super::flow::{Spot, is_answered};
use crate::answer::Answers;
use crate::questionnaire::{Questionnaire, Visibility};

/// How a flow orders the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// In questionnaire order.
    #[default]
    Full,
    /// The quick scan first, then the rest, each in questionnaire order.
    Quick,
}

/// The questions of the quick scan: every question marked `quick`, and every question
/// that decides (through `show_if`, its own or its section's) whether one of those is
/// shown, so the scan never waits on a question it did not ask. Empty when the
/// questionnaire marks none.
pub fn scan(questionnaire: &Questionnaire) -> BTreeSet<Spot> {
    let mut wanted: Vec<(usize, usize)> = questionnaire
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, section)| {
            section
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.quick)
                .map(move |(q, _)| (s, q))
        })
        .collect();
    let mut found = BTreeSet::new();
    while let Some((s, q)) = wanted.pop() {
        if !found.insert(Spot {
            section: s,
            question: q,
        }) {
            continue;
        }
        let Some(section) = questionnaire.sections.get(s) else {
            continue;
        };
        let conditions = section
            .show_if
            .iter()
            .chain(section.questions.get(q).and_then(|q| q.show_if.as_ref()));
        for condition in conditions {
            wanted.extend(
                condition
                    .questions()
                    .into_iter()
                    .filter_map(|id| questionnaire.locate(id)),
            );
        }
    }
    found
}

/// How far the quick scan and the rest have got, over shown questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScanProgress {
    /// Shown questions of the scan, and how many of them are answered.
    pub scan_shown: usize,
    pub scan_answered: usize,
    /// Shown questions outside the scan, and how many of them are answered.
    pub rest_shown: usize,
    pub rest_answered: usize,
}

impl ScanProgress {
    /// Works it out for these answers.
    pub fn of(questionnaire: &Questionnaire, answers: &Answers) -> ScanProgress {
        let visibility = Visibility::compute(questionnaire, answers);
        ScanProgress::with_visibility(questionnaire, answers, &visibility)
    }

    /// [`ScanProgress::of`] with what the answers show already worked out
    /// (`Visibility::compute` of the same questionnaire and answers).
    pub fn with_visibility(
        questionnaire: &Questionnaire,
        answers: &Answers,
        visibility: &Visibility,
    ) -> ScanProgress {
        let in_scan = scan(questionnaire);
        let mut progress = ScanProgress::default();
        for (s, section) in questionnaire.sections.iter().enumerate() {
            for q in (0..section.questions.len()).filter(|q| visibility.question(s, *q)) {
                let spot = Spot {
                    section: s,
                    question: q,
                };
                let answered = usize::from(is_answered(questionnaire, answers, spot));
                if in_scan.contains(&spot) {
                    progress.scan_shown += 1;
                    progress.scan_answered += answered;
                } else {
                    progress.rest_shown += 1;
                    progress.rest_answered += answered;
                }
            }
        }
        progress
    }

    /// Whether a verdict now is provisional: the scan is done, the rest is not.
    pub fn provisional(&self) -> bool {
        self.scan_shown > 0
            && self.scan_answered == self.scan_shown
            && self.rest_answered < self.rest_shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, Value};
    use crate::questionnaire::load::load_text;
    use crate::wizard::Flow;

    /// The small questionnaire with `problem` and `dpa` marked quick (`dpa` is shown
    /// when `personal-data` is yes).
    fn small_quick() -> Questionnaire {
        let text = include_str!("../../tests/fixtures/questionnaires/valid/small.json");
        let mut q = std::sync::Arc::unwrap_or_clone(
            load_text("small.json", text, false).unwrap().questionnaire,
        );
        for section in &mut q.sections {
            for question in &mut section.questions {
                question.quick = matches!(question.id.as_str(), "problem" | "dpa");
            }
        }
        q
    }

    fn ids(q: &Questionnaire, spots: impl IntoIterator<Item = Spot>) -> Vec<String> {
        spots
            .into_iter()
            .map(|s| q.sections[s.section].questions[s.question].id.to_string())
            .collect()
    }

    #[test]
    fn the_scan_takes_what_its_conditions_read() {
        let q = small_quick();
        assert_eq!(ids(&q, scan(&q)), ["personal-data", "problem", "dpa"]);
    }

    #[test]
    fn a_quick_flow_asks_the_scan_first_then_the_rest() {
        let q = small_quick();
        let mut answers = Answers::new();
        answers.insert(
            "personal-data".into(),
            Answer::answered(Value::Text("yes".into())),
        );
        let flow = Flow::with_mode(&q, &answers, Mode::Quick);
        let order = ids(&q, flow.shown().iter().copied());
        assert_eq!(&order[..4], ["personal-data", "problem", "dpa", "staff"]);
        let spot = |id: &str| {
            let (section, question) = q.locate(id).unwrap();
            Spot { section, question }
        };
        assert_eq!(flow.next(spot("problem")), Some(spot("dpa")));
        assert_eq!(flow.next(spot("dpa")), Some(spot("staff")));
        assert_eq!(flow.prev(spot("staff")), Some(spot("dpa")));
        assert_eq!(flow.ordinal(spot("staff")), (4, order.len()));
        assert_eq!(flow.first_unanswered(&q, &answers), Some(spot("problem")));
        assert_eq!(flow.mode(), Mode::Quick);
        // Without the mode, questionnaire order.
        let full = Flow::new(&q, &answers);
        assert_eq!(ids(&q, full.first()), ["staff"]);
        assert_eq!(full.next(spot("problem")), Some(spot("outcomes")));
    }

    #[test]
    fn a_verdict_is_provisional_once_the_scan_is_done_and_the_rest_is_not() {
        let q = small_quick();
        let mut answers = Answers::new();
        let yes = || Answer::answered(Value::Text("yes".into()));
        assert!(
            !ScanProgress::of(&q, &answers).provisional(),
            "nothing answered"
        );
        answers.insert("personal-data".into(), yes());
        answers.insert("problem".into(), yes());
        assert!(!ScanProgress::of(&q, &answers).provisional(), "dpa not yet");
        answers.insert("dpa".into(), yes());
        let progress = ScanProgress::of(&q, &answers);
        assert_eq!((progress.scan_shown, progress.scan_answered), (3, 3));
        assert!(progress.provisional());
        let flow = Flow::new(&q, &answers);
        for spot in flow.shown().to_vec() {
            let id = q.sections[spot.section].questions[spot.question].id.clone();
            answers
                .entry(id.to_string())
                .or_insert_with(|| Answer::in_state(crate::answer::AnswerState::Unsure));
        }
        // `staff` takes no "I don't know yet".
        answers.insert("staff".into(), Answer::answered(Value::Number(6.0)));
        assert!(
            !ScanProgress::of(&q, &answers).provisional(),
            "all answered"
        );
        let text = include_str!("../../tests/fixtures/questionnaires/valid/small.json");
        let unmarked = load_text("small.json", text, false).unwrap().questionnaire;
        assert!(!ScanProgress::of(&unmarked, &Answers::new()).provisional());
    }
}
