//! The report's budget section: every calculated figure of a shown section as it stands,
//! how it was reached (the expression written out with the answers it came from), the
//! inputs still missing, and the pairs set against each other in the chart (today
//! against outsourced). Built once; every format lays it out.

use serde::{Deserialize, Serialize};

use super::rows::Column;
use crate::money::{Currency, Decimal, plan_currency};
use crate::plan::Plan;
use crate::questionnaire::compute::explain::{explain, format_value, input_name};
use crate::questionnaire::{Figures, Questionnaire, Unit, Visibility, VisibleFacts};

/// The figures of a plan, for the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    /// The plan's currency as an ISO 4217 code; empty when none is chosen yet.
    pub currency: String,
    /// Every figure of a shown section, in questionnaire order.
    pub figures: Vec<BudgetFigure>,
    /// Figures set against each other (the outsourced three years against today's).
    pub comparisons: Vec<Comparison>,
}

/// One calculated figure as it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetFigure {
    pub id: String,
    pub label: String,
    /// The title of its section.
    pub section: String,
    pub unit: Unit,
    /// The exact value as a decimal string (`"13680.5"`, a point for decimals, no
    /// separators; a percent of 10 means 10%), `null` while not known yet.
    pub value: Option<String>,
    /// The value as shown everywhere (`$13,680.50`), or "not known yet".
    pub shown: String,
    /// How it was reached: the expression with today's values.
    pub how: String,
    /// The questions it still needs, by id, text and short label.
    pub missing: Vec<MissingInput>,
    /// What stops it that no answer fixes (a division by zero), if anything.
    pub trouble: Option<String>,
    /// One of the summary's headline figures.
    pub headline: bool,
    /// What the figure means, for the owner (may be empty).
    pub help: String,
}

/// A question a figure still needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingInput {
    pub question_id: String,
    /// The question's text.
    pub question: String,
    /// The few words it is named by where a figure lists what it needs (its `short`
    /// label, or its text).
    pub label: String,
}

/// Two money figures set side by side: a figure (`figure`) and the one it is compared
/// with (`against`), both by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub figure: String,
    pub against: String,
}

/// What a figure not known yet shows.
pub const NOT_KNOWN: &str = "not known yet";

/// The heading of the budget section.
pub(super) const HEADING: &str = "Budget";

/// The columns of the table of figures.
pub(super) const COLUMNS: [Column; 4] = [
    Column::words("Figure"),
    Column::figures("Value"),
    Column::words("How it was reached"),
    Column::words("Still needed"),
];

impl Budget {
    /// The budget of a plan, or `None` when the questionnaire has no figures.
    pub fn build(questionnaire: &Questionnaire, plan: &Plan) -> Option<Budget> {
        if questionnaire.figure_count() == 0 {
            return None;
        }
        let visibility = Visibility::compute(questionnaire, &plan.answers);
        Budget::build_with(questionnaire, plan, &visibility)
    }

    /// [`Budget::build`] with what the plan's answers show already worked out.
    pub fn build_with(
        questionnaire: &Questionnaire,
        plan: &Plan,
        visibility: &Visibility,
    ) -> Option<Budget> {
        if questionnaire.figure_count() == 0 {
            return None;
        }
        let currency = plan_currency(plan);
        let facts = VisibleFacts {
            questionnaire,
            answers: &plan.answers,
            visibility,
        };
        let figures = Figures::compute(questionnaire, &facts);
        let shown: Vec<_> = figures
            .list
            .iter()
            .filter(|f| visibility.section(f.section))
            .collect();
        Some(Budget {
            currency: currency.code.to_string(),
            comparisons: shown
                .iter()
                .filter_map(|f| {
                    let against = f.calculated.compare_with.as_ref()?;
                    shown
                        .iter()
                        .any(|g| &g.calculated.id == against)
                        .then(|| Comparison {
                            figure: f.calculated.id.clone(),
                            against: against.clone(),
                        })
                })
                .collect(),
            figures: shown
                .iter()
                .map(|f| BudgetFigure {
                    id: f.calculated.id.clone(),
                    label: f.calculated.label.clone(),
                    section: questionnaire
                        .sections
                        .get(f.section)
                        .map(|s| s.title.to_string())
                        .unwrap_or_default(),
                    unit: f.calculated.unit,
                    value: f.value().map(|v| v.normalize().to_string()),
                    shown: shown_value(f.value(), f.calculated.unit, &currency),
                    how: explain(questionnaire, &facts, &f.calculated.expr, &currency),
                    missing: f
                        .missing()
                        .iter()
                        .map(|id| MissingInput {
                            question_id: id.clone(),
                            question: questionnaire
                                .question(id)
                                .map_or_else(|| id.clone(), |q| q.text.to_string()),
                            label: input_name(questionnaire, id).to_string(),
                        })
                        .collect(),
                    trouble: f.outcome.as_ref().err().and_then(|u| u.trouble.clone()),
                    headline: f.calculated.headline,
                    help: f.calculated.help.clone(),
                })
                .collect(),
        })
    }

    /// The figure with this id.
    pub fn figure(&self, id: &str) -> Option<&BudgetFigure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// The headline figures, in order (the summary shows them first).
    pub fn headlines(&self) -> impl Iterator<Item = &BudgetFigure> {
        self.figures.iter().filter(|f| f.headline)
    }
}

/// What a line of the worksheet is, so each front end can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorksheetPart {
    /// The heading.
    Heading,
    /// A figure and its value: "Year-one cost: €13,680.00".
    Figure,
    /// What it is made of: "= €1,140.00 (Monthly fee) × 12".
    How,
    /// The answers it still needs.
    Missing,
}

/// The worksheet: each figure as it is now, what it is made of, and which answers it
/// still needs, for the wizard's panel and plain mode alike.
pub fn worksheet(budget: &Budget, section: Option<&str>) -> Vec<(WorksheetPart, String)> {
    let mut lines = vec![(WorksheetPart::Heading, "Budget worksheet".to_string())];
    for figure in budget
        .figures
        .iter()
        .filter(|f| section.is_none_or(|s| f.section == s))
    {
        lines.push((
            WorksheetPart::Figure,
            format!("{}: {}", figure.label, figure.shown),
        ));
        lines.push((WorksheetPart::How, format!("= {}", figure.how)));
        let still = figure.still_needed();
        if !still.is_empty() {
            lines.push((WorksheetPart::Missing, format!("still needed: {still}")));
        }
    }
    lines
}

/// The headline figures in one line: "Year-one cost €13,680.00 · ...", or `None`.
pub fn headline_line(budget: &Budget) -> Option<String> {
    let parts: Vec<String> = budget
        .headlines()
        .map(|f| format!("{} {}", f.label, f.shown))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

impl BudgetFigure {
    /// The exact value, when known.
    pub fn decimal(&self) -> Option<Decimal> {
        self.value.as_deref().and_then(|v| v.parse().ok())
    }

    /// What is still needed, in words: the questions missing, or the trouble, or nothing.
    pub fn still_needed(&self) -> String {
        match (&self.trouble, self.missing.is_empty()) {
            (Some(trouble), _) => trouble.clone(),
            (None, true) => String::new(),
            (None, false) => self
                .missing
                .iter()
                .map(|m| m.label.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// A value as shown, or "not known yet".
pub fn shown_value(value: Option<Decimal>, unit: Unit, currency: &Currency) -> String {
    value.map_or_else(
        || NOT_KNOWN.to_string(),
        |v| format_value(v, unit, currency),
    )
}

/// The sentence before the table: which currency the amounts are in.
pub(super) fn currency_line(budget: &Budget) -> String {
    match Currency::from_code(&budget.currency) {
        Ok(currency) => format!(
            "Amounts in {} ({}). Each figure is worked out from your answers; one not known yet \
             says which answers it still needs.",
            currency.name, currency.code
        ),
        Err(_) => "No currency chosen yet: amounts show without a symbol. Each figure is \
                   worked out from your answers; one not known yet says which answers it \
                   still needs."
            .to_string(),
    }
}

/// The cells of a figure's row in the table, as plain text.
pub(super) fn cells(figure: &BudgetFigure) -> [String; 4] {
    [
        figure.label.clone(),
        figure.shown.clone(),
        figure.how.clone(),
        figure.still_needed(),
    ]
}
