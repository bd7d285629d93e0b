//! The words every format shares: answers, percentages, counts and dates as people read
//! them, so that each format says the same thing the same way.

use jiff::Span;
use jiff::civil::Date;

use super::AnswerCounts;
use super::shown_answer::NOT_ANSWERED;
use crate::answer::{Answer, AnswerState, Value};
use crate::money::{Currency, decimal_of, format_amount};
use crate::questionnaire::{Effort, Impact, Owner, Question, QuestionType};
use crate::scoring::Completeness;
use crate::wizard::format_number;

/// How far a score may fall short of a figure and still count as reaching it, as in
/// scoring (sums of weights are not exact).
pub(crate) const TOLERANCE: f64 = 1e-9;

/// A score (0 to 1) as a whole percentage, rounded down: `0.625` is `62%`. Every score
/// shown (in every format and in the wizard) goes through here, since every one is read
/// against the levels' thresholds: a figure rounded up would claim a level not reached
/// (`0.395` must read 39%, not 40%, while 40% is the next level).
pub fn percent(score: f64) -> String {
    percent_to(score, 0)
}

/// A score as a percentage with `decimals` decimals, rounded down as [`percent`] is: a
/// score within scoring's tolerance of a figure counts as reaching it (`0.29` is 29%).
pub(crate) fn percent_to(score: f64, decimals: usize) -> String {
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
    let down = ((score + TOLERANCE) * 100.0 * scale).floor() / scale;
    format!("{:.decimals$}%", down.clamp(0.0, 100.0))
}

/// A score as a percentage, or a dash when there is none.
pub(crate) fn percent_or_dash(score: Option<f64>) -> String {
    score.map_or_else(|| "—".to_string(), percent)
}

/// An answer in words, as the plan's user gave it: option labels, numbers with their
/// unit, "I don't know yet", "Not applicable". `counted` is the state scoring counts;
/// `unusable` says the plan holds an answer this question can no longer read.
pub fn answer_text(
    question: &Question,
    answer: Option<&Answer>,
    counted: AnswerState,
    unusable: bool,
) -> String {
    answer_text_in(question, answer, counted, unusable, &Currency::none())
}

/// As [`answer_text`], with amounts shown in the plan's currency (`$1,200.00`).
pub fn answer_text_in(
    question: &Question,
    answer: Option<&Answer>,
    counted: AnswerState,
    unusable: bool,
    currency: &Currency,
) -> String {
    match counted {
        AnswerState::Unanswered if unusable => {
            "not answered (an earlier answer no longer fits this question)".to_string()
        }
        AnswerState::Unanswered => NOT_ANSWERED.to_string(),
        AnswerState::Unsure => "I don't know yet".to_string(),
        AnswerState::NotApplicable => "Not applicable".to_string(),
        AnswerState::Answered => match answer.and_then(Answer::given_value) {
            Some(Value::Text(value)) => question
                .option(value)
                .map_or_else(|| value.clone(), |option| option.label.to_string()),
            Some(Value::List(values)) if values.is_empty() => "none of these".to_string(),
            Some(Value::List(values)) => values
                .iter()
                .filter_map(|value| question.option(value).map(|o| o.label.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            Some(Value::Number(number)) if question.kind == QuestionType::Money => {
                let amount = decimal_of(*number)
                    .map_or_else(|| format_number(*number), |d| format_amount(d, currency));
                match question.unit.as_deref() {
                    Some(unit) => format!("{amount} {unit}"),
                    None => amount,
                }
            }
            Some(Value::Number(number)) => match (question.unit.as_deref(), question.kind) {
                (Some(unit), _) => format!("{} {unit}", format_number(*number)),
                (None, QuestionType::Percent) => format!("{}%", format_number(*number)),
                (None, _) => format_number(*number),
            },
            None => NOT_ANSWERED.to_string(),
        },
    }
}

/// An answer to a question the questionnaire no longer has, as it was stored.
pub fn stored_answer_text(answer: &Answer) -> String {
    match answer.state {
        AnswerState::Unanswered => "not answered".to_string(),
        AnswerState::Unsure => "I don't know yet".to_string(),
        AnswerState::NotApplicable => "Not applicable".to_string(),
        AnswerState::Answered => match &answer.value {
            Some(Value::Text(text)) => text.clone(),
            Some(Value::List(values)) => values.join(", "),
            Some(Value::Number(number)) => format_number(*number),
            None => "not answered".to_string(),
        },
    }
}

impl From<&Completeness> for AnswerCounts {
    fn from(done: &Completeness) -> Self {
        AnswerCounts {
            shown: done.shown,
            // Answered means given an answer of any kind, in every format.
            answered: done.given(),
            unsure: done.unsure,
            not_applicable: done.not_applicable,
            unanswered: done.unanswered,
            discuss: done.discuss,
        }
    }
}

impl AnswerCounts {
    /// Questions given an answer of any kind ("unsure" and "not applicable" included):
    /// the `answered` count.
    pub fn given(&self) -> usize {
        self.answered
    }

    /// The counts in words, shown beside every score so that a half-answered plan never
    /// looks finished: "40 of 80 answered (3 unsure, 2 not applicable), 40 still open".
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} of {} answered ({} unsure, {} not applicable)",
            self.given(),
            self.shown,
            self.unsure,
            self.not_applicable
        );
        if self.unanswered > 0 {
            text.push_str(&format!(", {} still open", self.unanswered));
        }
        text
    }
}

/// The text with its first letter in capitals, for an error message that starts a
/// sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Who carries out a recommendation, in a word.
pub fn owner_label(owner: Owner) -> &'static str {
    match owner {
        Owner::You => "you",
        Owner::Provider => "provider",
        Owner::Shared => "shared",
    }
}

/// `count` and the noun, plural when the count is not one: "1 blocker", "2 blockers".
pub(crate) fn counted(count: usize, singular: &str, plural: &str) -> String {
    if count == 1 {
        format!("1 {singular}")
    } else {
        format!("{count} {plural}")
    }
}

/// Words joined as a list: "a", "a and b", "a, b and c".
pub(crate) fn joined(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// A date some days later, or None when that lies beyond the last date there is: every
/// date sum from a file goes through here, so none can panic.
pub fn days_later(date: Date, days: u32) -> Option<Date> {
    Span::new()
        .try_days(i64::from(days))
        .ok()
        .and_then(|span| date.checked_add(span).ok())
}

/// A date some days later; the last date there is when that lies beyond it.
pub(crate) fn days_after(date: Date, days: u32) -> Date {
    days_later(date, days).unwrap_or(Date::MAX)
}

/// How much work, in a word.
pub fn effort_label(effort: Effort) -> &'static str {
    match effort {
        Effort::S => "small",
        Effort::M => "medium",
        Effort::L => "large",
    }
}

/// How much it helps, in a word.
pub fn impact_label(impact: Impact) -> &'static str {
    match impact {
        Impact::L => "low",
        Impact::M => "medium",
        Impact::H => "high",
    }
}

/// A person's name, or what to say while nobody is named.
pub fn person_or_unassigned(owner: Option<&str>) -> &str {
    owner.unwrap_or("nobody yet")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_down_so_a_threshold_is_never_claimed_early() {
        let cases = [
            (0.395, 0, "39%"),
            (0.3999, 0, "39%"),
            (0.4, 0, "40%"),
            (0.29, 0, "29%"),
            (0.4 - 1e-12, 0, "40%"),
            (0.625, 0, "62%"),
            (0.0, 0, "0%"),
            (1.0, 0, "100%"),
            (1.2, 0, "100%"),
            (-0.1, 0, "0%"),
            (0.3996, 1, "39.9%"),
            (0.395, 1, "39.5%"),
            (0.7, 1, "70.0%"),
        ];
        for (score, decimals, shown) in cases {
            assert_eq!(percent_to(score, decimals), shown, "{score} to {decimals}");
        }
        assert_eq!(percent(0.395), "39%");
    }
}
