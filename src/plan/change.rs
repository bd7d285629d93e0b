//! When the questionnaire changed since a plan last saved (another version, or the same
//! version with other content): which questions are new, and which answers belong to
//! questions it no longer has. Those answers stay in the plan; this only says so. Pure.

use std::collections::HashSet;

use super::Plan;
use crate::answer::{AnswerState, Answers};
use crate::questionnaire::moved::MovedAnswer;
use crate::questionnaire::{Loaded, Questionnaire};

/// What changed in a plan's questionnaire since the plan last saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireChange {
    pub from_version: String,
    pub to_version: String,
    /// Questions the plan had not seen, in questionnaire order. Empty when the plan did
    /// not record the questions it saw (a plan of format 1).
    pub new_questions: Vec<String>,
    /// Answers kept for questions the questionnaire no longer has, by id.
    pub removed: Vec<String>,
    /// Answers carried to the questions that now ask them (the questionnaire's `moved`
    /// list), applied before `removed` was listed.
    pub moved: Vec<MovedAnswer>,
}

/// What changed, when the questionnaire is not the one the plan last saved with.
pub fn detect(plan: &Plan, loaded: &Loaded) -> Option<QuestionnaireChange> {
    let reference = &plan.questionnaire;
    if reference.hash == loaded.hash && reference.version == loaded.questionnaire.version {
        return None;
    }
    let seen: HashSet<&str> = reference.questions.iter().map(String::as_str).collect();
    let new_questions = if seen.is_empty() {
        Vec::new()
    } else {
        loaded
            .questionnaire
            .questions()
            .map(|(_, q)| q.id.as_str())
            .filter(|id| !seen.contains(id))
            .map(str::to_string)
            .collect()
    };
    Some(QuestionnaireChange {
        from_version: reference.version.clone(),
        to_version: loaded.questionnaire.version.to_string(),
        new_questions,
        removed: unknown_answers(&plan.answers, &loaded.questionnaire),
        moved: Vec::new(),
    })
}

/// The ids of answers (with anything in them: a value, a state, a note or a flag) to
/// questions the questionnaire does not have, in id order. For the wizard and reports.
pub fn unknown_answers(answers: &Answers, questionnaire: &Questionnaire) -> Vec<String> {
    answers
        .iter()
        .filter(|(id, answer)| {
            questionnaire.locate(id).is_none()
                && (answer.state != AnswerState::Unanswered
                    || answer.note.as_ref().is_some_and(|n| !n.trim().is_empty())
                    || answer.discuss)
        })
        .map(|(id, _)| id.clone())
        .collect()
}

/// Records the questionnaire as it is now in the plan: version, hash and question ids.
pub fn record(plan: &mut Plan, loaded: &Loaded) {
    let reference = &mut plan.questionnaire;
    reference.version = loaded.questionnaire.version.to_string();
    reference.hash.clone_from(&loaded.hash);
    reference.questions = loaded
        .questionnaire
        .questions()
        .map(|(_, q)| q.id.to_string())
        .collect();
}

impl QuestionnaireChange {
    /// What changed, in a sentence or two for the user.
    pub fn summary(&self) -> String {
        let mut text = if self.from_version == self.to_version {
            format!(
                "The questionnaire ({}) changed since this plan was last saved; your answers carried over.",
                self.to_version
            )
        } else {
            format!(
                "The questionnaire changed since this plan was last saved ({} → {}); your answers carried over.",
                self.from_version, self.to_version
            )
        };
        match self.new_questions.len() {
            0 => {}
            1 => text.push_str(" 1 new question is marked new."),
            n => text.push_str(&format!(" {n} new questions are marked new.")),
        }
        match self.moved.len() {
            0 => {}
            1 => text.push_str(" 1 answer moved to the question that now asks it."),
            n => text.push_str(&format!(
                " {n} answers moved to the questions that now ask them."
            )),
        }
        match self.removed.len() {
            0 => {}
            n => text.push_str(&format!(
                " {n} {} to questions it no longer has {} kept and listed in the review: {}.",
                if n == 1 { "answer" } else { "answers" },
                if n == 1 { "is" } else { "are" },
                self.removed.join(", ")
            )),
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, Value};
    use crate::plan::PlanName;
    use crate::questionnaire::load::load_text;

    const SMALL: &str = include_str!("../../tests/fixtures/questionnaires/valid/small.json");

    fn setup() -> (Loaded, Plan) {
        let loaded = load_text("small.json", SMALL, false).unwrap();
        let plan = Plan::new(
            &PlanName::new("Acme").unwrap(),
            &loaded,
            "2026-11-22T10:00:00Z".parse().unwrap(),
        );
        (loaded, plan)
    }

    #[test]
    fn the_same_questionnaire_is_no_change() {
        let (loaded, plan) = setup();
        assert_eq!(detect(&plan, &loaded), None);
    }

    #[test]
    fn new_questions_and_answers_without_a_question_are_named() {
        let (loaded, mut plan) = setup();
        plan.questionnaire.hash = "sha256:old".into();
        plan.questionnaire.questions.retain(|id| id != "dpa");
        let now = plan.updated;
        plan.set_answer("gone", Answer::answered(Value::Text("yes".into())), now);
        plan.set_answer("empty", Answer::default(), now);
        let change = detect(&plan, &loaded).unwrap();
        assert_eq!(change.new_questions, vec!["dpa"]);
        assert_eq!(
            change.removed,
            vec!["gone"],
            "an empty entry is not worth listing"
        );
        let summary = change.summary();
        assert!(summary.contains("(1.0.0)"), "{summary}");
        assert!(
            summary.contains("1 new question is marked new"),
            "{summary}"
        );
        assert!(summary.contains("1 answer to questions it no longer has is kept"));
        record(&mut plan, &loaded);
        assert_eq!(detect(&plan, &loaded), None, "recorded: told once");
        assert!(plan.answers.contains_key("gone"), "kept in the plan");
    }

    #[test]
    fn a_plan_that_did_not_record_its_questions_marks_none_new() {
        let (loaded, mut plan) = setup();
        plan.questionnaire.version = "0.9.0".into();
        plan.questionnaire.questions.clear();
        let change = detect(&plan, &loaded).unwrap();
        assert!(change.new_questions.is_empty());
        assert!(change.summary().contains("(0.9.0 → 1.0.0)"));
    }
}
