//! What `validate` refuses in calculated figures, each at its JSON path: ids that name
//! nothing (or a question without a number), mixed units, a figure whose unit is not the
//! one its expression gives, figures that depend on themselves, and a division by
//! something that can be zero where no `if` guards it.

use std::collections::HashSet;

use super::expr::Expr;
use super::{Calculated, Unit};
use crate::answer::Value;
use crate::questionnaire::condition::{Condition, Test};
use crate::questionnaire::model::{QuestionType, Questionnaire};

/// One thing wrong, at a JSON path.
pub type Finding = (String, String);

/// Every problem in every calculated figure, in file order.
pub fn check(questionnaire: &Questionnaire) -> Vec<Finding> {
    let mut found = Vec::new();
    for (s, section) in questionnaire.sections.iter().enumerate() {
        for (c, calculated) in section.calculated.iter().enumerate() {
            let path = format!("sections[{s}].calculated[{c}]");
            one(questionnaire, calculated, &path, &mut found);
        }
    }
    found.extend(cycles(questionnaire));
    found
}

fn one(
    questionnaire: &Questionnaire,
    calculated: &Calculated,
    path: &str,
    found: &mut Vec<Finding>,
) {
    let at = format!("{path}.expr");
    let inferred = infer(questionnaire, &calculated.expr, &at, Some(found));
    if let Some(unit) = inferred.filter(|u| *u != calculated.unit) {
        found.push((
            format!("{path}.unit"),
            format!(
                "figure \"{}\" says its unit is {}, but its expression gives {}: change \
                 \"unit\" or the expression",
                calculated.id,
                calculated.unit.name(),
                unit.name()
            ),
        ));
    }
    divisions(questionnaire, &calculated.expr, &at, &[], found);
}

/// The unit an expression gives, `None` for constants only (they take any unit).
pub fn unit_of(questionnaire: &Questionnaire, expr: &Expr) -> Option<Unit> {
    infer(questionnaire, expr, "", None)
}

/// The unit of a question's answer, `None` when it has no number.
pub fn question_unit(kind: QuestionType, unit: Option<&str>) -> Option<Unit> {
    match kind {
        QuestionType::Money => Some(Unit::Money),
        QuestionType::Percent => Some(Unit::Percent),
        QuestionType::Number if unit == Some("months") => Some(Unit::Months),
        QuestionType::Number => Some(Unit::Number),
        _ => None,
    }
}

fn infer(
    questionnaire: &Questionnaire,
    expr: &Expr,
    path: &str,
    mut found: Option<&mut Vec<Finding>>,
) -> Option<Unit> {
    let units: Vec<(String, Option<Unit>)> = expr
        .operands()
        .into_iter()
        .map(|(suffix, operand)| {
            let at = format!("{path}{suffix}");
            let unit = infer(questionnaire, operand, &at, found.as_deref_mut());
            (at, unit)
        })
        .collect();
    let mut report = |at: String, message: String| {
        if let Some(found) = found.as_deref_mut() {
            found.push((at, message));
        }
    };
    match expr {
        Expr::Const(_) => None,
        Expr::Ref(id) => {
            if let Some(figure) = questionnaire.figure(id) {
                return Some(figure.unit);
            }
            match questionnaire.question(id) {
                Some(q) => {
                    let unit = question_unit(q.kind, q.unit.as_deref());
                    if unit.is_none() {
                        report(
                            path.to_string(),
                            format!(
                                "\"{id}\" is a {} question, which has no number to count: test it \
                                 in an \"if\" condition instead",
                                q.kind.name()
                            ),
                        );
                    }
                    unit
                }
                None => {
                    report(
                        path.to_string(),
                        format!(
                            "\"{id}\" is neither a question nor a calculated figure: fix the id \
                             or add what it names"
                        ),
                    );
                    None
                }
            }
        }
        Expr::Sum(_) | Expr::Sub(_) | Expr::Min(_) | Expr::Max(_) | Expr::If { .. } => {
            let mut seen: Option<Unit> = None;
            for (at, unit) in &units {
                match (seen, unit) {
                    (None, Some(u)) => seen = Some(*u),
                    (Some(a), Some(b)) if a != *b => {
                        report(
                            at.clone(),
                            format!(
                                "mixed units: \"{}\" joins {} with {}; only figures of one unit \
                                 add up, compare or stand in the two branches of an \"if\"",
                                expr.operator(),
                                a.name(),
                                b.name()
                            ),
                        );
                        return seen;
                    }
                    _ => {}
                }
            }
            seen
        }
        Expr::Mul(_) => {
            let count = |wanted: Unit| units.iter().filter(|(_, u)| *u == Some(wanted)).count();
            let (money, months, percent) = (
                count(Unit::Money),
                count(Unit::Months),
                count(Unit::Percent),
            );
            let twice = |unit: Unit| {
                let at = units
                    .iter()
                    .filter(|(_, u)| *u == Some(unit))
                    .nth(1)
                    .map(|(at, _)| at.clone());
                (
                    at.unwrap_or_else(|| path.to_string()),
                    format!(
                        "\"mul\" multiplies {} by {}, which means nothing: multiply by numbers, \
                     months or percentages instead",
                        unit.name(),
                        unit.name()
                    ),
                )
            };
            if money > 1 {
                let (at, message) = twice(Unit::Money);
                report(at, message);
                Some(Unit::Money)
            } else if money == 1 {
                Some(Unit::Money)
            } else if months > 1 {
                let (at, message) = twice(Unit::Months);
                report(at, message);
                Some(Unit::Months)
            } else if months == 1 {
                Some(Unit::Months)
            } else if percent > 1 {
                let (at, message) = twice(Unit::Percent);
                report(at, message);
                Some(Unit::Percent)
            } else if percent == 1 {
                Some(Unit::Percent)
            } else if units.iter().all(|(_, u)| u.is_none()) {
                None
            } else {
                Some(Unit::Number)
            }
        }
        Expr::Div(..) => {
            let (top, bottom) = (units[0].1, units[1].1);
            match (top, bottom) {
                (_, None | Some(Unit::Number)) => top,
                (Some(a), Some(b)) if a == b => Some(Unit::Percent),
                (Some(Unit::Money), Some(Unit::Months)) => Some(Unit::Money),
                (a, Some(b)) => {
                    report(
                        units[1].0.clone(),
                        format!(
                            "mixed units: \"div\" divides {} by {}: divide a figure by one of \
                             its own unit (a share in percent), by a number, or money by months",
                            a.map_or("a constant", Unit::name),
                            b.name()
                        ),
                    );
                    top
                }
            }
        }
        Expr::Round(..) => units[0].1,
    }
}

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
fn divisions(
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

/// Figures that depend on themselves, through operands or conditions, each reported once
/// at the first figure of its loop.
fn cycles(questionnaire: &Questionnaire) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut reported: HashSet<usize> = HashSet::new();
    let mut finished: HashSet<usize> = HashSet::new();
    for start in 0..questionnaire.figure_count() {
        let mut trail = vec![start];
        if let Some(loop_) = walk(questionnaire, &mut trail, start, &mut finished) {
            if loop_.iter().any(|n| reported.contains(n)) {
                continue;
            }
            reported.extend(loop_.iter().copied());
            let names: Vec<&str> = loop_
                .iter()
                .chain(loop_.first())
                .filter_map(|n| questionnaire.figure_at(*n).map(|(_, c)| c.id.as_str()))
                .collect();
            if let Some((s, c)) = questionnaire.figure_place(loop_[0]) {
                found.push((
                    format!("sections[{s}].calculated[{c}].expr"),
                    format!(
                        "figure \"{}\" depends on itself ({}): break the loop",
                        names[0],
                        names.join(" → ")
                    ),
                ));
            }
        }
    }
    found
}

/// Depth first from `at`; `finished` holds figures known to lead to no loop.
fn walk(
    questionnaire: &Questionnaire,
    trail: &mut Vec<usize>,
    at: usize,
    finished: &mut HashSet<usize>,
) -> Option<Vec<usize>> {
    if finished.contains(&at) {
        return None;
    }
    let (_, calculated) = questionnaire.figure_at(at)?;
    for id in calculated.expr.ids() {
        let Some(next) = questionnaire.figure_index(id) else {
            continue;
        };
        if let Some(from) = trail.iter().position(|n| *n == next) {
            return Some(trail[from..].to_vec());
        }
        trail.push(next);
        if let Some(found) = walk(questionnaire, trail, next, finished) {
            return Some(found);
        }
        trail.pop();
    }
    finished.insert(at);
    None
}
