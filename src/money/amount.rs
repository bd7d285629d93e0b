//! Amounts typed as people write them, and shown as people read them: one reading of
//! separators, one rounding rule (half away from zero, at the currency's decimals).

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use super::currency::Currency;

/// The largest amount accepted: below ten trillion, so that every amount with its cents
/// has at most 15 significant digits and comes back exactly from a plan file's number.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(1_316_134_912, 2_328, 0, false, 0);

/// Why what was typed is not an amount, in one sentence saying how to type it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("Type an amount, like 1200 or 1,200.50.")]
    Empty,
    #[error("Amounts cannot be negative; type what is paid, like 1200.")]
    Negative,
    #[error(
        "\"{0}\" could be read two ways; type the cents after a point (12.50) and group \
         thousands with commas (1,250), or leave the commas out."
    )]
    Ambiguous(String),
    #[error("\"{0}\" is not an amount: type digits, like 1200 or 1,200.50.")]
    NotAnAmount(String),
    #[error("This plan counts in {name}; type the amount in {name}, without \"{sign}\".")]
    OtherCurrency { name: String, sign: String },
    #[error("Amounts in {name} have at most {decimals} decimals; type it like {example}.")]
    TooManyDecimals {
        name: String,
        decimals: u32,
        example: String,
    },
    #[error("That is more than outready counts (under 10,000,000,000,000): check the digits.")]
    TooLarge,
}

/// Reads an amount typed by a person, in the plan's currency.
pub fn parse_amount(typed: &str, currency: &Currency) -> Result<Decimal, AmountError> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Err(AmountError::Empty);
    }
    let without_sign = strip_currency(trimmed, currency)?;
    let body = without_sign.trim();
    if body.starts_with('-')
        || body.starts_with('−')
        || (body.starts_with('(') && body.ends_with(')'))
    {
        return Err(AmountError::Negative);
    }
    let body = body.strip_prefix('+').unwrap_or(body).trim();
    let digits = normalise(body).ok_or_else(|| {
        if body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\''))
            && !body.is_empty()
        {
            AmountError::Ambiguous(trimmed.to_string())
        } else {
            AmountError::NotAnAmount(trimmed.to_string())
        }
    })?;
    let amount = Decimal::from_str(&digits).map_err(|_| AmountError::TooLarge)?;
    if amount.scale() > currency.decimals {
        return Err(AmountError::TooManyDecimals {
            name: plural_name(currency),
            decimals: currency.decimals,
            example: format_amount(amount, currency),
        });
    }
    if amount >= MAX_AMOUNT {
        return Err(AmountError::TooLarge);
    }
    Ok(amount.normalize())
}

/// Where the digits of a typed amount are (`start..end`), and the sign or code around
/// them (`€`, `eur`, `CA$`), trimmed; empty when there is none.
fn split_sign(typed: &str) -> (usize, usize, String) {
    let is_sign = |c: char| {
        !(c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\'' | '-' | '+' | '(' | ')' | '−'))
    };
    let start = typed.find(|c: char| !is_sign(c)).unwrap_or(typed.len());
    let end = typed
        .rfind(|c: char| !is_sign(c))
        .map_or(start, |i| i + 1)
        .max(start);
    let sign = format!("{}{}", &typed[..start], &typed[end..]);
    (start, end, sign.trim().to_string())
}

/// The currency sign or code typed with an amount (`€` in `€1200.50`), trimmed; empty
/// when there is none.
pub fn typed_sign(typed: &str) -> String {
    split_sign(typed.trim()).2
}

/// The body of an amount with any currency symbol or code taken off, or why the sign is
/// not the plan's.
fn strip_currency<'t>(typed: &'t str, currency: &Currency) -> Result<&'t str, AmountError> {
    let (start, end, sign) = split_sign(typed);
    // A word without digits is no amount in another currency ("abc", "EUR").
    if !typed[start..end].chars().any(|c| c.is_ascii_digit()) {
        return Err(AmountError::NotAnAmount(typed.to_string()));
    }
    if sign.is_empty() || currency.code.is_empty() {
        return Ok(&typed[start..end]);
    }
    if currency.is_named_by(&sign) {
        Ok(&typed[start..end])
    } else if sign.chars().all(|c| c.is_alphabetic()) && sign.chars().count() != 3 && sign.len() > 3
    {
        Err(AmountError::NotAnAmount(typed.to_string()))
    } else {
        Err(AmountError::OtherCurrency {
            name: plural_name(currency),
            sign,
        })
    }
}

/// The digits of an amount with one decimal point, or `None` when the separators can be
/// read two ways or make no sense.
fn normalise(body: &str) -> Option<String> {
    let compact: String = body
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if compact.is_empty()
        || !compact
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\''))
    {
        return None;
    }
    let last_comma = compact.rfind(',');
    let last_dot = compact.rfind('.');
    let (whole, cents) = match (last_comma, last_dot) {
        (Some(comma), Some(dot)) => {
            // Both marks: the last one separates the cents (1,200.50 and 1.200,50).
            let decimal = comma.max(dot);
            let group = if decimal == dot { ',' } else { '.' };
            let whole = &compact[..decimal];
            if whole.contains(compact.as_bytes()[decimal] as char) {
                return None;
            }
            (
                grouped(whole, &[group, '\''])?,
                Some(&compact[decimal + 1..]),
            )
        }
        (Some(_), None) => comma_or_dot(&compact, ',')?,
        (None, Some(_)) => comma_or_dot(&compact, '.')?,
        (None, None) => (grouped(&compact, &['\''])?, None),
    };
    match cents {
        Some(cents) if cents.is_empty() || !cents.chars().all(|c| c.is_ascii_digit()) => None,
        Some(cents) => Some(format!("{whole}.{cents}")),
        None => Some(whole),
    }
}

/// One kind of mark only: commas group thousands (`1,200`, and the lakh `12,00,000`); one
/// point before one or two digits marks the cents; several points group thousands
/// (`1.200.000`). Anything else (`1.200`, `12,50`) reads two ways.
fn comma_or_dot(compact: &str, mark: char) -> Option<(String, Option<&str>)> {
    let parts: Vec<&str> = compact.split(mark).collect();
    match (mark, parts.as_slice()) {
        (',', [_, last]) if last.len() != 3 => None,
        (',', _) => Some((grouped(compact, &[',', '\''])?, None)),
        (_, [whole, cents]) if (1..=2).contains(&cents.len()) => {
            Some((grouped(whole, &['\''])?, Some(*cents)))
        }
        (_, [_, _]) => None,
        _ => Some((grouped(compact, &['.', '\''])?, None)),
    }
}

/// The digits of a whole part whose thousands are grouped with these marks, checking
/// the groups (three digits each, or the Indian lakh and crore: twos, then a three).
fn grouped(whole: &str, marks: &[char]) -> Option<String> {
    let parts: Vec<&str> = whole.split(|c| marks.contains(&c)).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if parts.len() > 1 {
        let first_ok = parts[0].len() <= 3;
        let thousands = parts[1..].iter().all(|p| p.len() == 3);
        let lakh = parts.len() > 2
            && parts[1..parts.len() - 1].iter().all(|p| p.len() == 2)
            && parts.last().is_some_and(|p| p.len() == 3);
        if !first_ok || !(thousands || lakh) {
            return None;
        }
    }
    Some(parts.concat())
}

/// How sentences name the plan's currency: its code (`USD`).
fn plural_name(currency: &Currency) -> String {
    if currency.code.is_empty() {
        return "one currency".to_string();
    }
    currency.code.to_string()
}

/// Rounds a value to `places` decimals, half away from zero: the one rule used by the
/// `round` operator, every amount shown and every figure in a report.
pub fn round(value: Decimal, places: u32) -> Decimal {
    value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount with the currency's symbol, thousands separators and its decimals:
/// `$1,200.50`, `€95.00`, `-£300.00`, `¥1,200`.
pub fn format_amount(amount: Decimal, currency: &Currency) -> String {
    let text = grouped_digits(round(amount, currency.decimals), currency.decimals, true);
    match text.strip_prefix('-') {
        Some(positive) => format!("-{}{positive}", currency.symbol),
        None => format!("{}{text}", currency.symbol),
    }
}

/// A plain number with thousands separators and at most `places` decimals, trailing
/// zeros left off: `1,200`, `12.5`.
pub fn format_decimal(value: Decimal, places: u32) -> String {
    grouped_digits(round(value, places).normalize(), places, false)
}

fn grouped_digits(value: Decimal, places: u32, fixed: bool) -> String {
    let text = if fixed {
        format!("{:.*}", places as usize, value)
    } else {
        value.to_string()
    };
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, cents) = match digits.split_once('.') {
        Some((w, c)) => (w, Some(c)),
        None => (digits, None),
    };
    let mut out = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    match cents {
        Some(c) if !c.is_empty() => format!("{sign}{out}.{c}"),
        _ => format!("{sign}{out}"),
    }
}

/// A number from a plan file as the exact decimal it was written as (its shortest form,
/// which is what was typed for every amount outready accepts), or `None` if it is not
/// finite or too large.
pub fn decimal_of(number: f64) -> Option<Decimal> {
    if !number.is_finite() {
        return None;
    }
    Decimal::from_str(&number.to_string()).ok()
}

/// A decimal as the number a plan file stores (exact for every accepted amount).
pub fn number_of(value: Decimal) -> f64 {
    value.to_string().parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
#[path = "amount_tests.rs"]
mod tests;
