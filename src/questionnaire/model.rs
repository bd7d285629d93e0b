//! The questionnaire format (version 1) as Rust types: what a JSON file may say.
//!
//! Only data and small questions about it live here; loading is in `load`, checks in
//! `validate`, condition logic in `condition`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::compute::Calculated;
use super::condition::{Condition, Facts};
use super::moved::Moved;
use super::serde_helpers::optional;
use super::stage::Stage;
use super::text::Text;
use crate::answer::Value;

/// The questionnaire format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole questionnaire: readiness levels and sections of questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub format_version: u32,
    /// Stable identifier, used by plans to find their questionnaire.
    pub id: Text,
    /// Semantic version of the content (`1.2.0`).
    pub version: Text,
    pub title: Text,
    #[serde(default)]
    pub description: Text,
    /// Readiness levels, lowest first.
    pub levels: Vec<Level>,
    pub sections: Vec<Section>,
    /// The profile question that says how far the owner has got (exploring, comparing
    /// offers, a draft contract, about to sign), and what each answer does to the verdict.
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// Answers to questions of an earlier version that this version asks elsewhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<Moved>,
    /// Where each question id stands: (section index, question index). Built on load.
    #[serde(skip)]
    index: HashMap<Text, (usize, usize)>,
    /// Where each calculated figure stands: (section index, figure index), in file order.
    #[serde(skip)]
    pub(super) figures: Vec<(usize, usize)>,
    /// Each figure id's number in `figures`. Built on load.
    #[serde(skip)]
    pub(super) figure_ids: HashMap<String, usize>,
}

/// A readiness level, reached when the overall score is at least `min`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: Text,
    pub label: Text,
    pub min: f64,
    /// What the level means for the owner, in a sentence.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub description: Text,
}

/// A section: a titled group of questions with a weight in the overall score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Text,
    pub title: Text,
    #[serde(default)]
    pub intro: Text,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    pub questions: Vec<Question>,
    /// Figures worked out from answers, shown with the section and never asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calculated: Vec<Calculated>,
}

/// The kinds of question the format knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    YesNo,
    Single,
    Multi,
    Scale,
    Number,
    Money,
    Percent,
    Date,
    Text,
    LongText,
}

impl QuestionType {
    /// Answered by picking options.
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            QuestionType::YesNo | QuestionType::Single | QuestionType::Multi | QuestionType::Scale
        )
    }

    /// Answered with a number.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            QuestionType::Number | QuestionType::Money | QuestionType::Percent
        )
    }

    /// Answered with free text (or a date written as text).
    pub fn is_textual(self) -> bool {
        matches!(
            self,
            QuestionType::Date | QuestionType::Text | QuestionType::LongText
        )
    }

    /// Whether `gt`, `gte`, `lt` and `lte` make sense on this type.
    pub fn is_ordered(self) -> bool {
        self.is_numeric() || matches!(self, QuestionType::Scale | QuestionType::Date)
    }

    /// The name used in files.
    pub fn name(self) -> &'static str {
        match self {
            QuestionType::YesNo => "yes_no",
            QuestionType::Single => "single",
            QuestionType::Multi => "multi",
            QuestionType::Scale => "scale",
            QuestionType::Number => "number",
            QuestionType::Money => "money",
            QuestionType::Percent => "percent",
            QuestionType::Date => "date",
            QuestionType::Text => "text",
            QuestionType::LongText => "long_text",
        }
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable, unique in the file; plans key answers by it.
    pub id: Text,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub text: Text,
    /// A few words naming what the question asks (`"Hourly cost of staff"`), where a
    /// figure says what it is made of or what it still needs; the text when empty.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub short: Text,
    /// Why it matters, in plain language.
    #[serde(default)]
    pub why: Text,
    /// The named reference the why comes from, shown on its own line under it.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub source: Text,
    /// How to answer; explains any term of art.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub help: Text,
    /// Choices for yes/no (defaults to Yes = 1, No = 0), single, multi and scale
    /// (worst first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AnswerOption>,
    /// Scores for number, money and percent answers: the first band holding the value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub score_bands: Vec<ScoreBand>,
    /// Score the bands against this calculated figure instead of the answer itself (a
    /// reserve judged as a share of year one, say).
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub score_by: Option<Text>,
    /// Smallest accepted number.
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest accepted number.
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A unit shown beside a number (for example "people", "hours").
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    #[serde(default = "one")]
    pub weight: f64,
    /// A low score here caps the verdict below the top levels.
    #[serde(default)]
    pub critical: bool,
    /// Critical only while this holds (instead of `critical`): a question that matters
    /// once there is a draft contract, say.
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub critical_if: Option<Condition>,
    /// When this holds, the question is a blocker: the verdict drops to the lowest level.
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub blocker_if: Option<Condition>,
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    #[serde(default = "yes")]
    pub allow_unsure: bool,
    #[serde(default)]
    pub allow_na: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// One of the decisive questions a quick scan asks first.
    #[serde(default)]
    pub quick: bool,
    /// Whom the question is about: your own business (the default) or the one provider
    /// a plan weighs; `copy --only-business` leaves the provider's answers behind.
    #[serde(default, skip_serializing_if = "About::is_business")]
    pub about: About,
}

/// Whom a question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum About {
    /// Your own business: the same whichever provider is weighed.
    #[default]
    Business,
    /// The one provider the plan weighs: its offer, contract and ways of working.
    Provider,
}

impl About {
    /// Whether it is the default, about the business.
    pub fn is_business(&self) -> bool {
        *self == About::Business
    }
}

/// One choice of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stored in the plan and named by conditions.
    pub value: Text,
    pub label: Text,
    /// Readiness this choice shows, 0 (none) to 1 (fully ready). Options without scores
    /// make an unscored question (a profile question, say).
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// On a multi question: "None of these". Picking it clears the other options, and
    /// picking another clears it.
    #[serde(default)]
    pub exclusive: bool,
}

/// A score for numbers from `min` (inclusive) up to `max` (exclusive); either end open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreBand {
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    pub score: f64,
}

impl ScoreBand {
    /// Whether the band holds the number.
    pub fn holds(&self, number: f64) -> bool {
        self.min.is_none_or(|min| number >= min) && self.max.is_none_or(|max| number < max)
    }
}

/// How much work a recommendation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Effort {
    S,
    M,
    L,
}

/// How much a recommendation improves readiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Impact {
    L,
    M,
    H,
}

/// Who should carry out a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Owner {
    You,
    Provider,
    Shared,
}

/// A concrete next step that closes a gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// Unique in the file; actions in plans refer to it.
    pub id: Text,
    /// When it applies; by default whenever its question scores below 1.
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    pub text: Text,
    pub effort: Effort,
    pub impact: Impact,
    pub owner: Owner,
    pub due_in_days: u32,
}

fn one() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

impl Questionnaire {
    /// Fills in what the format leaves implicit (yes/no options) and indexes question ids.
    /// Called once after parsing.
    pub fn prepare(&mut self) {
        for section in &mut self.sections {
            for question in &mut section.questions {
                if question.kind == QuestionType::YesNo && question.options.is_empty() {
                    question.options = vec![
                        AnswerOption {
                            value: "yes".into(),
                            label: "Yes".into(),
                            score: Some(1.0),
                            exclusive: false,
                        },
                        AnswerOption {
                            value: "no".into(),
                            label: "No".into(),
                            score: Some(0.0),
                            exclusive: false,
                        },
                    ];
                }
            }
        }
        self.index = self
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| {
                section
                    .questions
                    .iter()
                    .enumerate()
                    .map(move |(q, question)| (question.id.clone(), (s, q)))
            })
            .collect();
        self.index_figures();
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.locate(id).map(|(s, q)| &self.sections[s].questions[q])
    }

    /// Where the question with this id stands: (section index, question index).
    pub fn locate(&self, id: &str) -> Option<(usize, usize)> {
        self.index.get(id).copied()
    }

    /// Every question in order, with its section index.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| section.questions.iter().map(move |q| (s, q)))
    }

    /// How many questions there are in all.
    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }
}

impl Question {
    /// The name a figure gives this question among its inputs: its `short` label, or
    /// its text when it has none; never its id. Shared by the wizard, plain mode and
    /// every report.
    pub fn short_label(&self) -> &str {
        if self.short.trim().is_empty() {
            &self.text
        } else {
            &self.short
        }
    }

    /// Whether the question is critical for these answers: always with `critical`, while
    /// its condition holds with `critical_if`.
    pub fn is_critical(&self, facts: &dyn Facts) -> bool {
        self.critical || self.critical_if.as_ref().is_some_and(|c| c.holds(facts))
    }

    /// Whether the question is critical for some answers (`critical` or `critical_if`).
    pub fn may_be_critical(&self) -> bool {
        self.critical || self.critical_if.is_some()
    }

    /// Whether chosen options put an exclusive one ("None of these") beside another:
    /// an answer that contradicts itself.
    pub fn combines_exclusive(&self, chosen: &[String]) -> bool {
        chosen.len() > 1
            && chosen
                .iter()
                .any(|v| self.option(v).is_some_and(|o| o.exclusive))
    }

    /// The option with this value.
    pub fn option(&self, value: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.value == value)
    }

    /// The position of the option with this value (scale questions are ordered by it).
    pub fn option_position(&self, value: &str) -> Option<usize> {
        self.options.iter().position(|o| o.value == value)
    }

    /// Whether answers to this question carry a score at all.
    pub fn is_scored(&self) -> bool {
        if self.kind.is_choice() {
            self.options.iter().any(|o| o.score.is_some())
        } else if self.kind.is_numeric() {
            !self.score_bands.is_empty()
        } else {
            false
        }
    }

    /// The score of a given value, 0..=1, or None when the value carries no score (an
    /// unscored question, a value of the wrong kind, a number outside every band).
    pub fn score_of(&self, value: &Value) -> Option<f64> {
        if !self.is_scored() {
            return None;
        }
        match (self.kind, value) {
            (QuestionType::Multi, Value::List(chosen)) => {
                let sum: f64 = chosen
                    .iter()
                    .filter_map(|v| self.option(v).and_then(|o| o.score))
                    .sum();
                Some(sum.clamp(0.0, 1.0))
            }
            (kind, Value::Text(chosen)) if kind.is_choice() && kind != QuestionType::Multi => {
                self.option(chosen).and_then(|o| o.score)
            }
            (kind, Value::Number(number)) if kind.is_numeric() => self
                .score_bands
                .iter()
                .find(|band| band.holds(*number))
                .map(|band| band.score),
            _ => None,
        }
    }
}
