//! Calculated figures: entries of a section that are shown, not asked, each a structured
//! JSON expression (never a string language) over question ids, other figures and
//! constants, with a unit and a label.
//!
//! `expr` holds the expression and its JSON shape, `check` what `validate` refuses
//! (unknown ids, mixed units, cycles, a division that can meet zero), `eval` the pure
//! evaluator used by conditions, scoring, the wizard and the reports, `explain` how a
//! figure was reached, in words, and `placeholder` the `{figure}` in recommendation texts.

pub mod check;
pub mod eval;
pub mod explain;
pub mod expr;
mod index;
pub mod placeholder;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use eval::{Evaluator, Figure, Figures, Unknown};
pub use expr::Expr;

/// A calculated figure: shown beside the questions of its section, never asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calculated {
    /// Unique among question and figure ids; conditions, `score_by` and `{placeholders}`
    /// name it.
    pub id: String,
    pub label: String,
    pub unit: Unit,
    /// How the figure is worked out.
    pub expr: Expr,
    /// What the figure means, for the owner.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// One of the few figures the summary puts first.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    /// Another money figure this one is set against in the report's chart (the
    /// outsourced three years against today's three years).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_with: Option<String>,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// An amount in the plan's currency.
    Money,
    /// A plain count or ratio.
    Number,
    /// A share, 10 meaning 10%.
    Percent,
    /// A length of time in months.
    Months,
}

impl Unit {
    /// The name used in files and messages.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Money => "money",
            Unit::Number => "number",
            Unit::Percent => "percent",
            Unit::Months => "months",
        }
    }
}
