//! Questionnaires: the format (serde types), loading (built-in and files), validation,
//! conditions and visibility. No I/O except reading the file it is given; no terminal.

pub mod catalog;
pub mod compute;
pub mod condition;
pub mod embedded;
pub mod load;
pub mod locate;
pub mod model;
pub mod moved;
pub mod problem;
mod serde_helpers;
pub mod stage;
pub mod text;
mod usable;
pub mod validate;
pub mod visibility;

pub use catalog::{Catalog, DEFAULT_QUESTIONNAIRE};
pub use compute::{Calculated, Figures, Unit};
pub use condition::{Condition, Facts, Test};
pub use load::Loaded;
pub use model::{
    AnswerOption, Effort, FORMAT_VERSION, Impact, Level, Owner, Question, QuestionType,
    Questionnaire, Recommendation, ScoreBand, Section,
};
pub use moved::Moved;
pub use problem::Problem;
pub use stage::{Stage, StageValue};
pub use visibility::{Visibility, VisibleFacts};

/// A questionnaire of one section holding the one question written in `json`, prepared
/// as a loaded one is; for unit tests that need a question of a certain shape.
#[cfg(test)]
pub(crate) fn one_question(json: &str) -> Question {
    let text = format!(
        r#"{{"format_version":1,"id":"t","version":"1.0.0","title":"t","levels":[{{"id":"a","label":"A","min":0}}],
           "sections":[{{"id":"s","title":"S","questions":[{json}]}}]}}"#
    );
    let mut questionnaire: Questionnaire =
        serde_json::from_str(&text).expect("a one-question questionnaire");
    questionnaire.prepare();
    questionnaire.sections.remove(0).questions.remove(0)
}
