//! What `validate` refuses in calculated figures, each at its JSON path: ids that name
//! nothing (or a question without a number), mixed units, a figure whose unit is not the
//! one its expression gives, figures that depend on themselves, and a division by
//! something that can be zero where no `if` guards it.

mod zero;

use std::collections::HashSet;

use super::expr::Expr;
use super::{Calculated, Unit};
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
    zero::divisions(questionnaire, &calculated.expr, &at, &[], found);
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
