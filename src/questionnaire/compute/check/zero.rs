//! Whether a divisor can be zero, known from the file alone: each expression's sign
//! (above zero, never zero, zero or above, unknown) from constants, questions' `min` and
//! the `if` conditions around it, and the divisions that are refused for it.

use std::collections::HashSet;

use super::Finding;
use crate::answer::Value;
use crate::questionnaire::compute::expr::Expr;
use crate::questionnaire::condition::{Condition, Test};
use crate::questionnaire::model::{QuestionType, Questionnaire};

/// What is known of an expression's sign without the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    /// Always above zero.
    Positive,
    /// Never zero, either side.
    NonZero,
    /// Zero or above.
    NonNegative,
    Unknown,
}

impl Sign {
    fn nonzero(self) -> bool {
        matches!(self, Sign::Positive | Sign::NonZero)
    }

    fn at_least_zero(self) -> bool {
        matches!(self, Sign::Positive | Sign::NonNegative)
    }
}

/// The ids a condition shows to be other than zero when it holds (`holds`) or when it
/// does not.
fn nonzero_when(condition: &Condition, holds: bool) -> Vec<&str> {
    let zero = |v: &Value| v.as_number().map(|n| n.signum() as i8);
    match condition {
        Condition::Test { question, test } => {
            let proves = match (test, holds) {
                (Test::Gt(v), true) => zero(v).is_some_and(|s| s >= 0),
                (Test::Gte(v), true) => zero(v).is_some_and(|s| s > 0),
                (Test::Lt(v), true) => zero(v).is_some_and(|s| s <= 0),
                (Test::Lte(v), true) => zero(v).is_some_and(|s| s < 0),
                (Test::Ne(v), true) | (Test::Eq(v), false) => v.as_number() == Some(0.0),
                (Test::Lte(v), false) => zero(v).is_some_and(|s| s >= 0),
                (Test::Lt(v), false) => zero(v).is_some_and(|s| s > 0),
                _ => false,
            };
            if proves {
                vec![question.as_str()]
            } else {
                Vec::new()
            }
        }
        Condition::All(parts) if holds => {
            parts.iter().flat_map(|p| nonzero_when(p, true)).collect()
        }
        Condition::Any(parts) if !holds => {
            parts.iter().flat_map(|p| nonzero_when(p, false)).collect()
        }
        Condition::Not(part) => nonzero_when(part, !holds),
        _ => Vec::new(),
    }
}

fn sign(
    questionnaire: &Questionnaire,
    expr: &Expr,
    guarded: &[&str],
    visiting: &mut HashSet<String>,
) -> Sign {
    let mut of = |e: &Expr, g: &[&str]| sign(questionnaire, e, g, visiting);
    match expr {
        Expr::Const(c) if c.is_sign_positive() && !c.is_zero() => Sign::Positive,
        Expr::Const(c) if c.is_zero() => Sign::NonNegative,
        Expr::Const(_) => Sign::NonZero,
        Expr::Ref(id) => {
            let base = ref_sign(questionnaire, id, visiting);
            match (guarded.contains(&id.as_str()), base.at_least_zero()) {
                (true, true) => Sign::Positive,
                (true, false) => Sign::NonZero,
                (false, _) => base,
            }
        }
        Expr::Sum(parts) => {
            let signs: Vec<Sign> = parts.iter().map(|p| of(p, guarded)).collect();
            if signs.iter().all(|s| s.at_least_zero()) {
                if signs.contains(&Sign::Positive) {
                    Sign::Positive
                } else {
                    Sign::NonNegative
                }
            } else {
                Sign::Unknown
            }
        }
        Expr::Sub(_) => Sign::Unknown,
        Expr::Mul(parts) | Expr::Min(parts) => {
            let signs: Vec<Sign> = parts.iter().map(|p| of(p, guarded)).collect();
            if signs.iter().all(|s| *s == Sign::Positive) {
                Sign::Positive
            } else if matches!(expr, Expr::Mul(_)) && signs.iter().all(|s| s.nonzero()) {
                Sign::NonZero
            } else if signs.iter().all(|s| s.at_least_zero()) {
                Sign::NonNegative
            } else {
                Sign::Unknown
            }
        }
        Expr::Max(parts) => {
            let signs: Vec<Sign> = parts.iter().map(|p| of(p, guarded)).collect();
            if signs.contains(&Sign::Positive) {
                Sign::Positive
            } else if signs.iter().all(|s| s.at_least_zero()) {
                Sign::NonNegative
            } else {
                Sign::Unknown
            }
        }
        Expr::Div(a, b) => match (of(a, guarded), of(b, guarded)) {
            (Sign::Positive, Sign::Positive) => Sign::Positive,
            (x, y) if x.nonzero() && y.nonzero() => Sign::NonZero,
            (x, Sign::Positive) if x.at_least_zero() => Sign::NonNegative,
            _ => Sign::Unknown,
        },
        Expr::Round(of_, _) => match of(of_, guarded) {
            Sign::Positive | Sign::NonNegative => Sign::NonNegative,
            _ => Sign::Unknown,
        },
        Expr::If {
            when,
            then,
            otherwise,
        } => {
            let mut then_guards = guarded.to_vec();
            then_guards.extend(nonzero_when(when, true));
            let mut else_guards = guarded.to_vec();
            else_guards.extend(nonzero_when(when, false));
            match (of(then, &then_guards), of(otherwise, &else_guards)) {
                (Sign::Positive, Sign::Positive) => Sign::Positive,
                (x, y) if x.nonzero() && y.nonzero() => Sign::NonZero,
                (x, y) if x.at_least_zero() && y.at_least_zero() => Sign::NonNegative,
                _ => Sign::Unknown,
            }
        }
    }
}

/// The sign of a question's answer (from its type and `min`; "not applicable" is 0) or
/// of a figure (from its expression).
fn ref_sign(questionnaire: &Questionnaire, id: &str, visiting: &mut HashSet<String>) -> Sign {
    if let Some(figure) = questionnaire.figure(id) {
        if !visiting.insert(id.to_string()) {
            return Sign::Unknown;
        }
        let found = sign(questionnaire, &figure.expr, &[], visiting);
        visiting.remove(id);
        return found;
    }
    let Some(question) = questionnaire.question(id) else {
        return Sign::Unknown;
    };
    let min = question.min.unwrap_or(match question.kind {
        QuestionType::Money | QuestionType::Percent => 0.0,
        _ => f64::NEG_INFINITY,
    });
    if min > 0.0 && !question.allow_na {
        Sign::Positive
    } else if min >= 0.0 {
        Sign::NonNegative
    } else {
        Sign::Unknown
    }
}

/// Reports every division whose divisor can be zero where it stands.
pub(super) fn divisions(
    questionnaire: &Questionnaire,
    expr: &Expr,
    path: &str,
    guarded: &[&str],
    found: &mut Vec<Finding>,
) {
    if let Expr::Div(_, bottom) = expr
        && !sign(questionnaire, bottom, guarded, &mut HashSet::new()).nonzero()
    {
        let what = match &**bottom {
            Expr::Ref(id) => format!("\"{id}\""),
            other => format!("the \"{}\" expression", other.operator()),
        };
        found.push((
            format!("{path}.div[1]"),
            format!(
                "a division by {what}, which can be zero: put it inside an \"if\" that \
                 tests the divisor (\"gt\": 0) and give \"else\" a value, or give the \
                 question a \"min\" above 0"
            ),
        ));
    }
    if let Expr::If {
        when,
        then,
        otherwise,
    } = expr
    {
        let mut then_guards = guarded.to_vec();
        then_guards.extend(nonzero_when(when, true));
        divisions(
            questionnaire,
            then,
            &format!("{path}.then"),
            &then_guards,
            found,
        );
        let mut else_guards = guarded.to_vec();
        else_guards.extend(nonzero_when(when, false));
        divisions(
            questionnaire,
            otherwise,
            &format!("{path}.else"),
            &else_guards,
            found,
        );
        return;
    }
    for (suffix, operand) in expr.operands() {
        divisions(
            questionnaire,
            operand,
            &format!("{path}{suffix}"),
            guarded,
            found,
        );
    }
}
