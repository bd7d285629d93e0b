//! Questionnaires: the format (serde types), loading (built-in and files), validation,
//! conditions and visibility. No I/O except reading the file it is given; no terminal.

pub mod catalog;
pub mod condition;
pub mod load;
pub mod locate;
pub mod model;
pub mod problem;
pub mod validate;
pub mod visibility;

pub use catalog::{Catalog, DEFAULT_QUESTIONNAIRE};
pub use condition::{Condition, Facts, Test};
pub use load::Loaded;
pub use model::{
    AnswerOption, Effort, FORMAT_VERSION, Impact, Level, Owner, Question, QuestionType,
    Questionnaire, Recommendation, ScoreBand, Section,
};
pub use problem::Problem;
pub use visibility::{Visibility, VisibleFacts};
