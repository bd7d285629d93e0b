//! The words plain mode prints about a question: what it expects, the prompt, an answer
//! as a sentence, the help. Pure: strings in, strings out, no colour, no cursor codes.

use crate::answer::{Answer, AnswerState, Value};
use crate::money::Currency;
use crate::questionnaire::{Question, QuestionType};
use crate::wizard::format_number;

/// What the question takes, as the words after "type": `1 to 5`, `a number from 1 to
/// 1000`, `a date as YYYY-MM-DD (like 2027-03-31)`...
pub fn expected(question: &Question) -> String {
    let range = option_range(question.options.len());
    match question.kind {
        QuestionType::Multi => format!("one or more of {range} (like 1,3)"),
        kind if kind.is_choice() => range,
        QuestionType::Number => bounded("a number", question.min, question.max),
        QuestionType::Money => bounded("an amount", question.min, question.max),
        QuestionType::Percent => bounded(
            "a percentage",
            Some(question.min.unwrap_or(0.0)),
            Some(question.max.unwrap_or(100.0)),
        ),
        QuestionType::Date => "a date as YYYY-MM-DD (like 2027-03-31)".to_string(),
        _ => "your answer".to_string(),
    }
}

/// The numbers of the options: `1`, `1 or 2`, `1 to 5`.
fn option_range(count: usize) -> String {
    match count {
        0 | 1 => "1".to_string(),
        2 => "1 or 2".to_string(),
        n => format!("1 to {n}"),
    }
}

fn bounded(what: &str, min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!(
            "{what} from {} to {}",
            format_number(min),
            format_number(max)
        ),
        (Some(min), None) => format!("{what} of at least {}", format_number(min)),
        (None, Some(max)) => format!("{what} up to {}", format_number(max)),
        (None, None) => format!("{what}, like 12 or 3.5"),
    }
}

/// The short commands a question takes besides its answer, for the end of a hint.
fn other_letters(question: &Question) -> String {
    let mut letters = Vec::new();
    if question.allow_unsure {
        letters.push("u");
    }
    if question.allow_na {
        letters.push("na");
    }
    letters.extend([">", "b", "q"]);
    letters.join(", ")
}

/// Whether "I don't know yet" (`u`) and "not applicable" (`na`) are allowed, for the
/// prompt: a screen reader hears it before typing, not after a refusal.
fn allowed_states(question: &Question) -> &'static str {
    match (question.allow_unsure, question.allow_na) {
        (true, true) => "u and na allowed",
        (true, false) => "u allowed, na not allowed",
        (false, true) => "na allowed, u not allowed",
        (false, false) => "u and na not allowed",
    }
}

/// The line for an entry that cannot be used: the problem, then what to type instead.
/// `problem` may be a sentence of its own; its closing full stop is dropped.
pub fn bad_entry(question: &Question, problem: &str) -> String {
    let problem = problem.trim().trim_end_matches('.');
    format!(
        "{problem}: type {}, {} or ? for help.",
        expected(question),
        other_letters(question)
    )
}

/// The problem part of a message from the wizard's entry check, which may carry its own
/// advice after a colon.
pub fn entry_problem(message: &str) -> &str {
    message.split(": ").next().unwrap_or(message)
}

/// The prompt after a question, waiting on the same line for the answer: what it
/// takes, in short.
pub fn prompt(question: &Question) -> String {
    let takes = match question.kind {
        QuestionType::Text | QuestionType::LongText => "your answer".to_string(),
        QuestionType::Multi => format!("one or more of {}", option_range(question.options.len())),
        QuestionType::Date => "a date as YYYY-MM-DD".to_string(),
        _ => expected(question),
    };
    format!("Answer ({takes}; {}): ", allowed_states(question))
}

/// A value as the user would say it: option labels, a number with its unit, the text.
pub fn value_text(question: &Question, value: &Value) -> String {
    let label = |chosen: &str| {
        question
            .option(chosen)
            .map_or_else(|| chosen.to_string(), |o| o.label.to_string())
    };
    match value {
        Value::Text(text) if question.kind.is_choice() => label(text),
        Value::Text(text) => text.clone(),
        Value::List(items) => items
            .iter()
            .map(|item| label(item))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Number(n) => match &question.unit {
            Some(unit) if question.kind == QuestionType::Percent => {
                format!("{}% {unit}", format_number(*n))
            }
            Some(unit) => format!("{} {unit}", format_number(*n)),
            None if question.kind == QuestionType::Percent => format!("{}%", format_number(*n)),
            None => format_number(*n),
        },
    }
}

/// An answer as the user would say it, or None while there is none; an amount as every
/// amount answer is shown, in the plan's currency (`€1,200.50`).
pub fn answer_text(question: &Question, answer: &Answer, currency: &Currency) -> Option<String> {
    match answer.state {
        AnswerState::Unanswered => None,
        AnswerState::Unsure => Some("I don't know yet".to_string()),
        AnswerState::NotApplicable => Some("not applicable".to_string()),
        AnswerState::Answered if question.kind == QuestionType::Money => {
            answer.value.as_ref().map(|_| {
                crate::report::text::answer_text_in(
                    question,
                    Some(answer),
                    answer.state,
                    false,
                    currency,
                )
            })
        }
        AnswerState::Answered => answer.value.as_ref().map(|v| value_text(question, v)),
    }
}

/// What `?` prints on a question: why it matters, its help, how to answer, every command.
pub fn help(question: &Question, answered: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if !question.why.trim().is_empty() {
        lines.push(format!("Why it matters: {}", question.why.trim()));
    }
    if !question.source.trim().is_empty() {
        lines.push(format!("Source: {}", question.source.trim()));
    }
    if !question.help.trim().is_empty() {
        lines.push(format!("Help: {}", question.help.trim()));
    }
    lines.push(match question.kind {
        QuestionType::Multi => format!(
            "To answer, type {}: the numbers of every option that applies, then Enter.",
            expected(question)
        ),
        kind if kind.is_choice() => format!(
            "To answer, type {}: the number of the option, then Enter.",
            expected(question)
        ),
        QuestionType::LongText => "To answer, type it on one line, then Enter.".to_string(),
        _ => format!("To answer, type {}, then Enter.", expected(question)),
    });
    if answered {
        lines.push("Enter alone keeps the current answer and goes on.".to_string());
    }
    if question.allow_unsure {
        lines.push("u: I don't know yet.".to_string());
    }
    if question.allow_na {
        lines.push("na: not applicable.".to_string());
    }
    lines.extend(
        [
            "b or <: back to the previous question.",
            ">: skip this question for now.",
            "g and a section number or a question id, like \"g 3\": go there.",
            "s: where the plan stands: the summary, the gaps and the action plan.",
            "n and a note, like \"n ask the bookkeeper\": set the note; n alone removes it.",
            "f: flag to discuss later; f again removes the flag.",
            "q: save and quit. Every answer is saved as you give it.",
        ]
        .map(String::from),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(json: &str) -> Question {
        crate::questionnaire::one_question(json)
    }

    #[test]
    fn each_kind_says_what_it_expects() {
        let cases = [
            (r#"{"id":"q","type":"yes_no","text":"?"}"#, "1 or 2"),
            (
                r#"{"id":"q","type":"multi","text":"?","options":[{"value":"a","label":"A"},{"value":"b","label":"B"},{"value":"c","label":"C"}]}"#,
                "one or more of 1 to 3 (like 1,3)",
            ),
            (
                r#"{"id":"q","type":"number","text":"?","min":1,"max":1000}"#,
                "a number from 1 to 1000",
            ),
            (
                r#"{"id":"q","type":"money","text":"?","min":0}"#,
                "an amount of at least 0",
            ),
            (
                r#"{"id":"q","type":"percent","text":"?"}"#,
                "a percentage from 0 to 100",
            ),
            (
                r#"{"id":"q","type":"date","text":"?"}"#,
                "a date as YYYY-MM-DD (like 2027-03-31)",
            ),
            (r#"{"id":"q","type":"text","text":"?"}"#, "your answer"),
        ];
        for (json, wanted) in cases {
            assert_eq!(expected(&question(json)), wanted, "{json}");
        }
    }

    #[test]
    fn a_bad_entry_is_one_line_naming_only_the_commands_that_apply() {
        let strict = question(r#"{"id":"q","type":"yes_no","text":"?","allow_unsure":false}"#);
        assert_eq!(
            bad_entry(&strict, "\"7\" is not an option."),
            "\"7\" is not an option: type 1 or 2, >, b, q or ? for help."
        );
        let lenient = question(r#"{"id":"q","type":"date","text":"?","allow_na":true}"#);
        let line = bad_entry(
            &lenient,
            entry_problem("\"soon\" is not a date: type it as YYYY-MM-DD, like 2027-03-31."),
        );
        assert_eq!(
            line,
            "\"soon\" is not a date: type a date as YYYY-MM-DD (like 2027-03-31), u, na, >, b, q or ? for help."
        );
    }

    #[test]
    fn each_prompt_says_whether_unsure_and_not_applicable_are_allowed() {
        let strict = question(r#"{"id":"q","type":"yes_no","text":"?","allow_unsure":false}"#);
        assert_eq!(prompt(&strict), "Answer (1 or 2; u and na not allowed): ");
        let both = question(r#"{"id":"q","type":"date","text":"?","allow_na":true}"#);
        assert_eq!(
            prompt(&both),
            "Answer (a date as YYYY-MM-DD; u and na allowed): "
        );
        let unsure = question(r#"{"id":"q","type":"text","text":"?"}"#);
        assert_eq!(
            prompt(&unsure),
            "Answer (your answer; u allowed, na not allowed): "
        );
        let na = question(
            r#"{"id":"q","type":"number","text":"?","allow_unsure":false,"allow_na":true}"#,
        );
        assert_eq!(
            prompt(&na),
            "Answer (a number, like 12 or 3.5; na allowed, u not allowed): "
        );
    }

    #[test]
    fn answers_read_as_words() {
        let staff = question(r#"{"id":"q","type":"number","text":"?","unit":"people"}"#);
        assert_eq!(value_text(&staff, &Value::Number(6.0)), "6 people");
        let yes = question(r#"{"id":"q","type":"yes_no","text":"?"}"#);
        assert_eq!(value_text(&yes, &Value::Text("no".into())), "No");
        assert_eq!(
            answer_text(
                &yes,
                &Answer::in_state(AnswerState::Unsure),
                &Currency::none()
            )
            .as_deref(),
            Some("I don't know yet")
        );
        assert_eq!(
            answer_text(&yes, &Answer::default(), &Currency::none()),
            None
        );
    }
}
