//! Checks on the `stage`: it names a single question of the file, its values are that
//! question's options, and each cap is a level of the file.

use super::{Checker, closest, quoted};
use crate::questionnaire::model::QuestionType;

impl Checker<'_> {
    pub(super) fn stage(&mut self) {
        let questionnaire = self.questionnaire;
        let Some(stage) = &questionnaire.stage else {
            return;
        };
        let id = &stage.question;
        let question = questionnaire.question(id);
        match question {
            None => {
                let known = questionnaire.questions().map(|(_, q)| q.id.as_str());
                let fix = match closest(id, known) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => {
                        "name the single question that asks how far the owner has got".to_string()
                    }
                };
                self.report(
                    "stage.question",
                    format!("the stage names question \"{id}\", which does not exist: {fix}"),
                );
            }
            Some(question) if question.kind != QuestionType::Single => self.report(
                "stage.question",
                format!(
                    "the stage question \"{id}\" is a {} question, but a stage is one answer \
                     of a single question: make it a single question",
                    question.kind.name()
                ),
            ),
            Some(_) => {}
        }
        let levels = || questionnaire.levels.iter().map(|l| l.id.as_str());
        for (value, at_stage) in &stage.by_value {
            let path = format!("stage.by_value.{value}");
            if let Some(question) = question
                && question.option(value).is_none()
            {
                self.report(
                    path.as_str(),
                    format!(
                        "the stage lists \"{value}\", which is not an option of question \
                         \"{id}\": use one of {}",
                        quoted(question.options.iter().map(|o| o.value.as_str()))
                    ),
                );
            }
            if let Some(cap) = &at_stage.caps_at
                && !levels().any(|level| level == cap)
            {
                self.report(
                    format!("{path}.caps_at"),
                    format!(
                        "stage \"{value}\" caps the verdict at level \"{cap}\", which does not \
                         exist: use one of {}",
                        quoted(levels())
                    ),
                );
            }
        }
    }
}
