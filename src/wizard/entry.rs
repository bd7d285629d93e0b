//! Typed entries (numbers, money, percentages, dates, text) checked as the user types:
//! what was typed becomes a value, or a message that says what is expected.

use super::Change;
use crate::answer::Value;
use crate::money::{AmountCurrency, Currency, number_of, parse_amount};
use crate::questionnaire::{Question, QuestionType};

/// Why what was typed is not an answer yet, in a sentence that says what is expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("Type an answer, or press Esc and choose another key.")]
    Empty,
    #[error("This question is answered by picking an option.")]
    PickedNotTyped,
    #[error("Type a number, {example}.")]
    NoNumber { example: &'static str },
    #[error("\"{typed}\" is not a number: type one {example}.")]
    NotANumber {
        typed: String,
        example: &'static str,
    },
    /// Below the question's smallest value (as people write it).
    #[error("The smallest accepted value is {min}.")]
    TooSmall { min: String },
    /// Above the question's largest value (as people write it).
    #[error("The largest accepted value is {max}.")]
    TooLarge { max: String },
    #[error("Type a date as YYYY-MM-DD, like 2027-03-31.")]
    NoDate,
    #[error("\"{typed}\" is not a date: type it as YYYY-MM-DD, like 2027-03-31.")]
    NotADate { typed: String },
    /// An amount that cannot be read, or reads two ways (`1.200`).
    #[error(transparent)]
    Amount(#[from] crate::money::AmountError),
}

/// Turns what the user typed into a value for this question, or says what is expected.
/// Amounts are read in no particular currency; see [`parse_entry_in`].
pub fn parse_entry(question: &Question, typed: &str) -> Result<Value, EntryError> {
    parse_entry_in(question, typed, &Currency::none())
}

/// As [`parse_entry`], with amounts read in the plan's currency (a sign of another is
/// refused with a sentence saying so).
pub fn parse_entry_in(
    question: &Question,
    typed: &str,
    currency: &Currency,
) -> Result<Value, EntryError> {
    let trimmed = typed.trim();
    match question.kind {
        QuestionType::Money => parse_money(question, typed, currency),
        kind if kind.is_numeric() => parse_number(question, trimmed).map(Value::Number),
        QuestionType::Date => parse_date(trimmed).map(Value::Text),
        QuestionType::Text => {
            if trimmed.is_empty() {
                Err(EntryError::Empty)
            } else {
                Ok(Value::Text(trimmed.to_string()))
            }
        }
        QuestionType::LongText => {
            if trimmed.is_empty() {
                Err(EntryError::Empty)
            } else {
                Ok(Value::Text(typed.trim_end().to_string()))
            }
        }
        _ => Err(EntryError::PickedNotTyped),
    }
}

/// A word that sets an answer's state rather than its value: `u` or `unsure` ("I don't
/// know yet"), `na` or `n/a` ("not applicable"), in any case.
pub fn state_word(typed: &str) -> Option<Change> {
    match typed.trim().to_lowercase().as_str() {
        "u" | "unsure" => Some(Change::Unsure),
        "na" | "n/a" => Some(Change::NotApplicable),
        _ => None,
    }
}

/// A state word the question offers (see [`state_word`]); other words are entries.
fn offered_state(question: &Question, typed: &str) -> Option<Change> {
    state_word(typed).filter(|change| match change {
        Change::Unsure => question.allow_unsure,
        _ => question.allow_na,
    })
}

/// What typing into a question's field changes, the one reading every front end
/// shares: a state word the question offers (`u`, `na`), or an entry, amounts read in
/// the plan's currency (`plan_currency`), which the first amount gives the plan (see
/// [`AmountCurrency`]). With the change, the sentence to say when the currency was
/// chosen by this amount.
pub fn read_typed(
    question: &Question,
    typed: &str,
    plan_currency: &mut Option<String>,
) -> Result<(Change, Option<String>), EntryError> {
    if let Some(change) = offered_state(question, typed) {
        return Ok((change, None));
    }
    if question.kind != QuestionType::Money {
        return parse_entry(question, typed).map(|value| (Change::Entry(value), None));
    }
    let reading = AmountCurrency::for_typed(plan_currency.as_deref(), typed);
    let value = parse_entry_in(question, typed, &reading.currency)?;
    Ok((Change::Entry(value), reading.take(plan_currency)))
}

/// What is wrong with a field's text as it is typed, if anything: as [`read_typed`]
/// would read it, without choosing a currency.
pub fn typed_problem(
    question: &Question,
    typed: &str,
    plan_currency: Option<&str>,
) -> Option<EntryError> {
    let mut currency = plan_currency.map(str::to_string);
    read_typed(question, typed, &mut currency).err()
}

/// The text to start editing from for an existing value.
pub fn entry_text(value: &Value) -> String {
    match value {
        // Full precision, so editing never changes a value the user did not touch.
        Value::Number(n) => n.to_string(),
        Value::Text(text) => text.clone(),
        Value::List(items) => items.join(", "),
    }
}

/// The text a question's field starts from: an amount with the plan's symbol and
/// separators (`€1,200.50`, read back as the same amount), anything else as
/// [`entry_text`] gives it; also what "unchanged" is measured against.
pub fn field_text(question: &Question, value: &Value, currency: &Currency) -> String {
    if let (QuestionType::Money, Value::Number(n)) = (question.kind, value)
        && !currency.code.is_empty()
        && let Some(amount) = crate::money::decimal_of(*n)
        && crate::money::round(amount, currency.decimals) == amount
    {
        return crate::money::format_amount(amount, currency);
    }
    entry_text(value)
}

/// A number as people write it: no trailing `.0`, at most two decimals.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let text = format!("{n:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn parse_number(question: &Question, typed: &str) -> Result<f64, EntryError> {
    let example = match question.kind {
        QuestionType::Money => "like 1500 or 1,500.50",
        QuestionType::Percent => "like 10 or 12.5",
        _ => "like 12 or 3.5",
    };
    if typed.is_empty() {
        return Err(EntryError::NoNumber { example });
    }
    // People type currency signs, thousands separators and percent signs; none of them
    // change the number.
    let cleaned: String = typed
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\'' | '%' | '$' | '€' | '£' | '¥'))
        .collect();
    let number: f64 = cleaned
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())
        .ok_or_else(|| EntryError::NotANumber {
            typed: typed.to_string(),
            example,
        })?;
    let (min, max) = match question.kind {
        QuestionType::Percent => (
            Some(question.min.unwrap_or(0.0)),
            Some(question.max.unwrap_or(100.0)),
        ),
        _ => (question.min, question.max),
    };
    if let Some(min) = min.filter(|min| number < *min) {
        return Err(EntryError::TooSmall {
            min: format_number(min),
        });
    }
    if let Some(max) = max.filter(|max| number > *max) {
        return Err(EntryError::TooLarge {
            max: format_number(max),
        });
    }
    Ok(number)
}

/// An amount as people write it: exact, never negative, within the question's bounds.
fn parse_money(question: &Question, typed: &str, currency: &Currency) -> Result<Value, EntryError> {
    let amount = parse_amount(typed, currency)?;
    let number = number_of(amount);
    if let Some(min) = question.min.filter(|min| number < *min) {
        return Err(EntryError::TooSmall {
            min: format_number(min),
        });
    }
    if let Some(max) = question.max.filter(|max| number > *max) {
        return Err(EntryError::TooLarge {
            max: format_number(max),
        });
    }
    Ok(Value::Number(number))
}

fn parse_date(typed: &str) -> Result<String, EntryError> {
    if typed.is_empty() {
        return Err(EntryError::NoDate);
    }
    Ok(parse_calendar_date(typed)?.to_string())
}

/// A calendar date typed as `YYYY-MM-DD` (already trimmed), shared by answers and the
/// action plan's due dates.
pub fn parse_calendar_date(typed: &str) -> Result<jiff::civil::Date, EntryError> {
    typed.parse().map_err(|_| EntryError::NotADate {
        typed: typed.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: &str, extra: &str) -> Question {
        serde_json::from_str(&format!(
            r#"{{"id": "q", "type": "{kind}", "text": "?" {extra}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn numbers_accept_what_people_type() {
        let money = question("money", "");
        for (typed, wanted) in [
            ("1500", 1500.0),
            (" 1,500.50 ", 1500.5),
            ("€ 2 000", 2000.0),
            ("$99", 99.0),
            ("1,200", 1200.0),
        ] {
            assert_eq!(
                parse_entry(&money, typed),
                Ok(Value::Number(wanted)),
                "{typed}"
            );
        }
    }

    #[test]
    fn amounts_that_read_two_ways_or_are_negative_are_refused_with_how_to_type_them() {
        let money = question("money", r#", "max": 5000"#);
        let said = |typed: &str| parse_entry(&money, typed).unwrap_err().to_string();
        assert!(said("-3").contains("cannot be negative"));
        assert!(said("1.200").contains("could be read two ways"));
        assert_eq!(said("6,000"), "The largest accepted value is 5000.");
        let euro = Currency::from_code("EUR").unwrap();
        let in_euro = |typed: &str| parse_entry_in(&money, typed, &euro);
        assert!(
            in_euro("$12")
                .unwrap_err()
                .to_string()
                .contains("counts in EUR")
        );
        assert_eq!(in_euro("€12.50"), Ok(Value::Number(12.5)));
    }

    #[test]
    fn typed_state_words_are_read_where_offered_and_the_first_amount_picks_the_currency() {
        let money = question("money", r#", "allow_na": true"#);
        let mut currency = None;
        assert_eq!(
            read_typed(&money, " U ", &mut currency),
            Ok((Change::Unsure, None))
        );
        assert_eq!(
            read_typed(&money, "na", &mut currency),
            Ok((Change::NotApplicable, None))
        );
        let strict = question("number", r#", "allow_unsure": false"#);
        assert!(
            read_typed(&strict, "u", &mut currency).is_err(),
            "not offered"
        );
        assert!(
            read_typed(&strict, "na", &mut currency).is_err(),
            "not offered"
        );
        assert_eq!(currency, None);
        let (change, said) = read_typed(&money, "€1200.50", &mut currency).unwrap();
        assert_eq!(change, Change::Entry(Value::Number(1200.5)));
        assert_eq!(currency.as_deref(), Some("EUR"));
        assert!(said.unwrap().contains("euro (EUR)"));
        // Once chosen, an amount in another currency is refused and says nothing new.
        assert!(read_typed(&money, "£5", &mut currency).is_err());
        assert_eq!(
            read_typed(&money, "5", &mut currency).map(|(_, s)| s),
            Ok(None)
        );
        let euro = Currency::from_code("EUR").unwrap();
        let text = field_text(&money, &Value::Number(1200.5), &euro);
        assert_eq!(text, "€1,200.50");
        assert_eq!(
            parse_entry_in(&money, &text, &euro),
            Ok(Value::Number(1200.5))
        );
        let yen = Currency::from_code("JPY").unwrap();
        assert_eq!(
            field_text(&money, &Value::Number(12.5), &yen),
            "12.5",
            "never rounded"
        );
    }

    #[test]
    fn bad_numbers_explain_what_is_expected() {
        let staff = question("number", r#", "min": 1, "max": 1000"#);
        assert_eq!(
            parse_entry(&staff, "twelve"),
            Err(EntryError::NotANumber {
                typed: "twelve".into(),
                example: "like 12 or 3.5"
            })
        );
        assert_eq!(
            parse_entry(&staff, "0"),
            Err(EntryError::TooSmall { min: "1".into() })
        );
        assert_eq!(
            parse_entry(&staff, "1001"),
            Err(EntryError::TooLarge { max: "1000".into() })
        );
        assert_eq!(
            parse_entry(&staff, ""),
            Err(EntryError::NoNumber {
                example: "like 12 or 3.5"
            })
        );
        assert!(parse_entry(&staff, "inf").is_err());
        assert!(parse_entry(&staff, "NaN").is_err());
    }

    #[test]
    fn percentages_stay_between_0_and_100_by_default() {
        let share = question("percent", "");
        assert_eq!(parse_entry(&share, "12.5%"), Ok(Value::Number(12.5)));
        assert_eq!(
            parse_entry(&share, "120"),
            Err(EntryError::TooLarge { max: "100".into() })
        );
    }

    #[test]
    fn dates_are_real_calendar_dates() {
        let date = question("date", "");
        assert_eq!(
            parse_entry(&date, "2027-03-31"),
            Ok(Value::Text("2027-03-31".into()))
        );
        assert_eq!(
            parse_entry(&date, "2027-02-30"),
            Err(EntryError::NotADate {
                typed: "2027-02-30".into()
            })
        );
        assert_eq!(
            parse_entry(&date, "next week").map_err(|e| e.to_string()),
            Err("\"next week\" is not a date: type it as YYYY-MM-DD, like 2027-03-31.".into())
        );
    }

    #[test]
    fn text_keeps_lines_but_not_surrounding_space() {
        let text = question("text", "");
        assert_eq!(parse_entry(&text, "  Sam  "), Ok(Value::Text("Sam".into())));
        assert_eq!(parse_entry(&text, "   "), Err(EntryError::Empty));
        let long = question("long_text", "");
        assert_eq!(
            parse_entry(&long, "a\nb\n\n"),
            Ok(Value::Text("a\nb".into()))
        );
    }

    #[test]
    fn numbers_print_as_people_write_them() {
        assert_eq!(format_number(1500.0), "1500");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.126), "0.13");
        assert_eq!(entry_text(&Value::Number(0.125)), "0.125");
        assert_eq!(entry_text(&Value::Number(1500.0)), "1500");
    }
}
