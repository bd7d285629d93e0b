//! How a figure was reached, in words an owner can check: each value shown as it is
//! everywhere (`$1,140.00`, `12.5%`, `36 months`), and the sum written out with the
//! answers it came from.

use rust_decimal::Decimal;

use super::eval::Evaluator;
use super::expr::Expr;
use super::{Unit, check};
use crate::money::{Currency, format_amount, format_decimal};
use crate::questionnaire::condition::Facts;
use crate::questionnaire::model::Questionnaire;

/// A value in its unit, as shown everywhere: money with the symbol, percent with `%`,
/// months with the word.
pub fn format_value(value: Decimal, unit: Unit, currency: &Currency) -> String {
    match unit {
        Unit::Money => format_amount(value, currency),
        Unit::Percent => format!("{}%", format_decimal(value, 1)),
        Unit::Months if value == Decimal::ONE => "1 month".to_string(),
        Unit::Months => format!("{} months", format_decimal(value, 1)),
        Unit::Number => format_decimal(value, 2),
    }
}

/// The expression written out with today's values: `$95.00 (Fee per user) × 12 (People)
/// × 12`. A question's value is followed by its short label, a figure's by its label,
/// never an id; what is not known yet shows as `?`.
pub fn explain(
    questionnaire: &Questionnaire,
    facts: &dyn Facts,
    expr: &Expr,
    currency: &Currency,
) -> String {
    let evaluator = Evaluator::new(questionnaire, facts);
    words(questionnaire, &evaluator, expr, currency, false)
}

/// How a figure names one of its inputs: a figure by its label, a question by its short
/// label (or its text), the id only for what is neither.
pub fn input_name<'q>(questionnaire: &'q Questionnaire, id: &'q str) -> &'q str {
    match (questionnaire.figure(id), questionnaire.question(id)) {
        (Some(figure), _) => &figure.label,
        (None, Some(question)) => question.short_label(),
        (None, None) => id,
    }
}

fn words(
    questionnaire: &Questionnaire,
    evaluator: &Evaluator<'_>,
    expr: &Expr,
    currency: &Currency,
    nested: bool,
) -> String {
    let part = |e: &Expr| words(questionnaire, evaluator, e, currency, true);
    let join = |parts: &[Expr], mark: &str| parts.iter().map(part).collect::<Vec<_>>().join(mark);
    let text = match expr {
        Expr::Const(c) => return format_decimal(*c, 6),
        Expr::Ref(id) => {
            let unit = check::unit_of(questionnaire, expr).unwrap_or(Unit::Number);
            let value = evaluator
                .eval(expr)
                .map_or_else(|_| "?".to_string(), |v| format_value(v, unit, currency));
            let name = input_name(questionnaire, id);
            return format!("{value} ({name})");
        }
        Expr::Sum(p) => join(p, " + "),
        Expr::Sub(p) => join(p, " − "),
        Expr::Mul(p) => join(p, " × "),
        Expr::Div(a, b) => {
            let share = super::eval::shares(
                check::unit_of(questionnaire, a),
                check::unit_of(questionnaire, b),
            );
            let text = format!("{} ÷ {}", part(a), part(b));
            if share {
                format!("{text} × 100")
            } else {
                text
            }
        }
        Expr::Min(p) => return format!("the smaller of {}", join(p, ", ")),
        Expr::Max(p) => return format!("the larger of {}", join(p, ", ")),
        Expr::Round(of, places) => {
            let to = match places {
                0 => "a whole number".to_string(),
                1 => "1 decimal".to_string(),
                places => format!("{places} decimals"),
            };
            return format!("{} rounded to {to}", part(of));
        }
        Expr::If {
            when,
            then,
            otherwise,
        } => {
            let known = when.questions().iter().all(|id| {
                evaluator.answer(id).is_some() || evaluator.figure(id).is_some_and(|o| o.is_ok())
            });
            if known {
                let taken = if when.holds(evaluator) {
                    then
                } else {
                    otherwise
                };
                return words(questionnaire, evaluator, taken, currency, nested);
            }
            return format!(
                "{} or {}, depending on an answer not given yet",
                part(then),
                part(otherwise)
            );
        }
    };
    if nested { format!("({text})") } else { text }
}
