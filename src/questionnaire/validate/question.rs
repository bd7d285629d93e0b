//! Checks on one question: its id and text, options or score bands for its type, number
//! limits, weight, critical flag, conditions and recommendations.

use std::collections::HashMap;

use super::{Checker, first_place, quoted};
use crate::questionnaire::model::{Question, QuestionType};

/// The longest a question's `short` label may be: it names an input inside a line.
pub(crate) const SHORT_MAX: usize = 40;

impl<'a> Checker<'a> {
    pub(super) fn question(&mut self, s: usize, q: usize, question: &'a Question) {
        if self.unread.questions.contains(&(s, q)) {
            return;
        }
        let path = format!("sections[{s}].questions[{q}]");
        let name = &question.id;
        if name.trim().is_empty() {
            self.report(
                format!("{path}.id"),
                "this question has no id: give it a short stable one, since plans store \
                 answers by it",
            );
        } else if let Some(&(fs, fq)) = self.places.get(name.as_str())
            && (fs, fq) != (s, q)
        {
            self.report(
                format!("{path}.id"),
                format!(
                    "question id \"{name}\" is used twice (first at \
                     sections[{fs}].questions[{fq}]): give each question its own id"
                ),
            );
        } else {
            self.id_spacing(&format!("{path}.id"), "question", name);
        }
        if question.text.trim().is_empty() {
            self.report(
                format!("{path}.text"),
                format!("question \"{name}\" has no text: write the question the owner is asked"),
            );
        }
        if question.short.chars().count() > SHORT_MAX {
            self.report(
                format!("{path}.short"),
                format!(
                    "the short label of \"{name}\" has {} characters: keep it to {SHORT_MAX}, \
                     a few words a figure can name it by",
                    question.short.chars().count()
                ),
            );
        }
        self.options(&path, question);
        self.exclusive_options(&path, question);
        self.score_bands(&path, question);
        self.limits(&path, question);
        self.weight(&format!("{path}.weight"), "question", name, question.weight);
        self.critical(&path, question);
        if let Some(condition) = &question.critical_if {
            self.condition(&format!("{path}.critical_if"), condition);
        }
        if let Some(condition) = &question.blocker_if {
            self.condition(&format!("{path}.blocker_if"), condition);
        }
        if let Some(condition) = &question.show_if {
            let at = format!("{path}.show_if");
            self.condition(&at, condition);
            self.report_cycles_at(&at);
        }
        self.recommendations((s, q), &path, question);
    }

    fn options(&mut self, path: &str, question: &Question) {
        let name = &question.id;
        let kind = question.kind;
        let options = &question.options;
        let at = format!("{path}.options");
        if !kind.is_choice() {
            if !options.is_empty() {
                self.report(
                    at,
                    format!(
                        "question \"{name}\" is a {} question, which takes no options: remove \
                         them, or make it a single question",
                        kind.name()
                    ),
                );
            }
            return;
        }
        if options.is_empty() {
            self.report(
                at,
                format!(
                    "question \"{name}\" is a {} question without options: add the choices to \
                     pick from",
                    kind.name()
                ),
            );
            return;
        }
        if kind == QuestionType::YesNo {
            let mut values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
            values.sort_unstable();
            values.dedup();
            if values != ["no", "yes"] {
                self.report(
                    at.as_str(),
                    format!(
                        "question \"{name}\" is yes_no, so its options must be exactly \"yes\" \
                         and \"no\" (not {}): rename them, or make it a single question",
                        quoted(options.iter().map(|o| o.value.as_str()))
                    ),
                );
            }
        } else if options.len() == 1 && kind != QuestionType::Multi {
            self.report(
                at.as_str(),
                format!(
                    "question \"{name}\" has only one option, so there is nothing to choose: \
                     add the other choices"
                ),
            );
        }
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (k, option) in options.iter().enumerate() {
            let here = format!("{at}[{k}]");
            let value = &option.value;
            if value.trim().is_empty() {
                self.report(
                    format!("{here}.value"),
                    format!(
                        "an option of question \"{name}\" has no value: give it a short one to \
                         store in plans and name in conditions"
                    ),
                );
            } else if let Some(first) = first_place(&mut seen, value, &format!("options[{k}]")) {
                self.report(
                    format!("{here}.value"),
                    format!(
                        "question \"{name}\" has the option value \"{value}\" twice (first at \
                         {first}): give each option its own value"
                    ),
                );
            } else if value.trim() != value {
                self.report(
                    format!("{here}.value"),
                    format!(
                        "option value \"{value}\" of question \"{name}\" has spaces around it: \
                         remove them, since values are matched exactly"
                    ),
                );
            }
            if option.label.trim().is_empty() {
                self.report(
                    format!("{here}.label"),
                    format!(
                        "option \"{value}\" of question \"{name}\" has no label: add the text \
                         the owner picks"
                    ),
                );
            }
            if let Some(score) = option.score
                && !(0.0..=1.0).contains(&score)
            {
                self.report(
                    format!("{here}.score"),
                    format!(
                        "option \"{value}\" of question \"{name}\" scores {score}, outside 0 to \
                         1: use 0 for not ready up to 1 for fully ready"
                    ),
                );
            }
        }
        let unscored: Vec<&str> = options
            .iter()
            .filter(|o| o.score.is_none())
            .map(|o| o.value.as_str())
            .collect();
        if !unscored.is_empty() && unscored.len() < options.len() {
            self.report(
                at.as_str(),
                format!(
                    "question \"{name}\" scores some options but not {}: give every option a \
                     score, or none for a question that is not scored",
                    quoted(unscored)
                ),
            );
        }
        if kind == QuestionType::Scale {
            // Scales are worst first: order conditions (`gt`, `lte`) go by position.
            let scored = options
                .iter()
                .enumerate()
                .filter_map(|(k, o)| Some((k, o, o.score?)));
            let mut best: Option<(&str, f64)> = None;
            for (k, option, score) in scored {
                if let Some((before, high)) = best
                    && score < high
                {
                    self.report(
                        format!("{at}[{k}].score"),
                        format!(
                            "scale question \"{name}\" lists options worst first, but \"{}\" \
                             scores less than \"{before}\" above it: reorder the options or fix \
                             their scores",
                            option.value
                        ),
                    );
                } else {
                    best = Some((option.value.as_str(), score));
                }
            }
        }
    }

    fn score_bands(&mut self, path: &str, question: &Question) {
        let name = &question.id;
        let bands = &question.score_bands;
        if bands.is_empty() {
            return;
        }
        if !question.kind.is_numeric() {
            self.report(
                format!("{path}.score_bands"),
                format!(
                    "question \"{name}\" is a {} question, so score bands never apply: remove \
                     them, or make it a number, money or percent question",
                    question.kind.name()
                ),
            );
            return;
        }
        for (k, band) in bands.iter().enumerate() {
            let here = format!("{path}.score_bands[{k}]");
            if let (Some(min), Some(max)) = (band.min, band.max)
                && min >= max
            {
                self.report(
                    here.as_str(),
                    format!(
                        "a score band of question \"{name}\" runs from {min} up to {max}, which \
                         holds no number: make min smaller than max"
                    ),
                );
            }
            let score = band.score;
            if !(0.0..=1.0).contains(&score) {
                self.report(
                    format!("{here}.score"),
                    format!(
                        "a score band of question \"{name}\" scores {score}, outside 0 to 1: use \
                         0 for not ready up to 1 for fully ready"
                    ),
                );
            }
        }
    }

    fn limits(&mut self, path: &str, question: &Question) {
        let name = &question.id;
        if question.kind.is_numeric() {
            if let (Some(min), Some(max)) = (question.min, question.max)
                && min > max
            {
                self.report(
                    format!("{path}.min"),
                    format!(
                        "question \"{name}\" accepts numbers from {min} to {max}, which is none: \
                         make min no larger than max"
                    ),
                );
            }
            return;
        }
        let unused = [
            ("min", question.min.is_some()),
            ("max", question.max.is_some()),
            ("unit", question.unit.is_some()),
        ];
        for (field, given) in unused {
            if given {
                self.report(
                    format!("{path}.{field}"),
                    format!(
                        "question \"{name}\" is a {} question, so its {field} is never used: \
                         remove it, or make it a number, money or percent question",
                        question.kind.name()
                    ),
                );
            }
        }
    }

    /// A critical question holds the verdict down when it scores low, and its gap needs
    /// a way out; without a score only a blocker can make it count.
    fn critical(&mut self, path: &str, question: &Question) {
        if !question.may_be_critical() {
            return;
        }
        let name = &question.id;
        let field = if question.critical {
            "critical"
        } else {
            "critical_if"
        };
        if question.critical && question.critical_if.is_some() {
            self.report(
                format!("{path}.critical_if"),
                format!(
                    "question \"{name}\" is both critical and critical_if, so the condition \
                     changes nothing: keep \"critical_if\" and remove \"critical\", or the other way"
                ),
            );
        }
        if question.recommendations.is_empty() {
            self.report(
                format!("{path}.{field}"),
                format!(
                    "question \"{name}\" is critical but has no recommendation: add one that \
                     says how to close the gap"
                ),
            );
        }
        if unscored_by_design(question) && question.blocker_if.is_none() {
            self.report(
                format!("{path}.{field}"),
                format!(
                    "question \"{name}\" is critical but its answers carry no score, so it can \
                     never hold the verdict down: score its answers, or add a blocker_if"
                ),
            );
        }
    }

    fn recommendations(&mut self, (s, q): (usize, usize), path: &str, question: &'a Question) {
        let name = &question.id;
        for (k, recommendation) in question.recommendations.iter().enumerate() {
            if self.unread.recommendations.contains(&(s, q, k)) {
                continue;
            }
            let here = format!("{path}.recommendations[{k}]");
            let id = &recommendation.id;
            if id.trim().is_empty() {
                self.report(
                    format!("{here}.id"),
                    format!(
                        "a recommendation of question \"{name}\" has no id: give it a short \
                         stable one, since actions in plans refer to it"
                    ),
                );
            } else if let Some(first) = first_place(&mut self.recommendations, id, &here) {
                self.report(
                    format!("{here}.id"),
                    format!(
                        "recommendation id \"{id}\" is used twice (first at {first}): give each \
                         recommendation its own id"
                    ),
                );
            } else {
                self.id_spacing(&format!("{here}.id"), "recommendation", id);
            }
            if let Some(condition) = &recommendation.when {
                self.condition(&format!("{here}.when"), condition);
            } else if unscored_by_design(question) {
                self.report(
                    here.as_str(),
                    format!(
                        "recommendation \"{id}\" applies when question \"{name}\" scores below \
                         1, but that question carries no score, so it never applies: add a \
                         \"when\" condition"
                    ),
                );
            }
            if recommendation.text.trim().is_empty() {
                self.report(
                    format!("{here}.text"),
                    format!("recommendation \"{id}\" has no text: say what to do to close the gap"),
                );
            }
            let days = recommendation.due_in_days;
            if !DUE_IN_DAYS.contains(&days) {
                self.report(
                    format!("{here}.due_in_days"),
                    format!(
                        "recommendation \"{id}\" is due in {days} days: give a number of days \
                         from {} to {} (ten years)",
                        DUE_IN_DAYS.start(),
                        DUE_IN_DAYS.end()
                    ),
                );
            }
        }
    }
}

/// How many days after a plan starts a recommendation may be due: at least one, at most
/// ten years, so every due date is a real one.
pub const DUE_IN_DAYS: std::ops::RangeInclusive<u32> = 1..=3650;

/// Carries no score though it could: a choice question without options is reported as
/// that, not again as unscored.
fn unscored_by_design(question: &Question) -> bool {
    let without_options = question.kind.is_choice() && question.options.is_empty();
    !question.is_scored() && !without_options
}
