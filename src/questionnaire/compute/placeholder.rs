//! Figures outside the expressions: `{figure-id}` placeholders in recommendation texts,
//! and condition tests on a figure (`{"question": "reserve-share", "lt": 10}`).

use rust_decimal::Decimal;

use super::Figures;
use super::explain::format_value;
use crate::answer::Value;
use crate::money::{Currency, decimal_of};
use crate::questionnaire::condition::Test;

/// Whether a condition test holds for a figure (`None`: not known yet, which only
/// `answered: false` and `state: "unanswered"` match).
pub fn figure_test(figure: Option<Decimal>, test: &Test) -> bool {
    let number = |v: &Value| v.as_number().and_then(decimal_of);
    let Some(value) = figure else {
        return matches!(test, Test::Answered(false))
            || matches!(test, Test::State(crate::answer::AnswerState::Unanswered));
    };
    let is = |v: &Value| number(v) == Some(value);
    let cmp = |v: &Value| number(v).map(|w| value.cmp(&w));
    use std::cmp::Ordering::{Equal, Greater, Less};
    match test {
        Test::Answered(wanted) => *wanted,
        Test::State(state) => *state == crate::answer::AnswerState::Answered,
        Test::Eq(v) => is(v),
        Test::Ne(v) => !is(v),
        Test::In(vs) => vs.iter().any(is),
        Test::NotIn(vs) => !vs.iter().any(is),
        Test::Gt(v) => cmp(v) == Some(Greater),
        Test::Gte(v) => matches!(cmp(v), Some(Greater | Equal)),
        Test::Lt(v) => cmp(v) == Some(Less),
        Test::Lte(v) => matches!(cmp(v), Some(Less | Equal)),
        Test::Contains(_) => false,
    }
}

/// Every `{name}` in a text (letters, digits, `-` and `_`), with its byte range.
pub fn placeholders(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('{').map(|i| i + rest) {
        let Some(close) = text[open..].find('}').map(|i| i + open) else {
            break;
        };
        let name = &text[open + 1..close];
        if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            found.push((open..close + 1, name));
        }
        rest = open + 1;
    }
    found
}

/// A text with each `{figure}` replaced by the figure's value as shown everywhere, or by
/// "not known yet"; other braces stay as written.
pub fn fill(text: &str, figures: &Figures<'_>, currency: &Currency) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, name) in placeholders(text) {
        let Some(figure) = figures.get(name) else {
            continue;
        };
        out.push_str(&text[at..range.start]);
        match figure.value() {
            Some(value) => out.push_str(&format_value(value, figure.calculated.unit, currency)),
            None => out.push_str("not known yet"),
        }
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}
