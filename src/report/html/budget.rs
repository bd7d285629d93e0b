//! The budget section of the HTML page: the table of figures and a small inline SVG
//! chart setting each compared pair side by side (the outsourced three years against
//! today's three years).

use std::fmt::{self, Write};

use super::{escape, row, table_end, table_head};
use crate::report::Report;
use crate::report::budget::{self, Budget, BudgetFigure, COLUMNS, HEADING};

pub(super) fn budget(out: &mut String, report: &Report) -> fmt::Result {
    let Some(budget) = &report.budget else {
        return Ok(());
    };
    writeln!(out, "<section class=\"budget\">")?;
    writeln!(out, "<h2>{HEADING}</h2>")?;
    writeln!(out, "<p>{}</p>", escape(&budget::currency_line(budget)))?;
    chart(out, budget)?;
    table_head(out, &COLUMNS, HEADING)?;
    for figure in &budget.figures {
        row(
            out,
            &COLUMNS,
            budget::cells(figure).map(|cell| escape(&cell)),
        )?;
    }
    table_end(out)?;
    writeln!(out, "</section>")
}

/// Two bars a pair, both known, on one scale: the compared figure first, the one it is
/// set against below it in the muted colour.
fn chart(out: &mut String, budget: &Budget) -> fmt::Result {
    const WIDTH: f64 = 760.0;
    const LABEL_WIDTH: f64 = 270.0;
    const BAR_WIDTH: f64 = 330.0;
    const ROW: f64 = 24.0;
    const TOP: f64 = 8.0;
    let pairs: Vec<(&BudgetFigure, &BudgetFigure)> = budget
        .comparisons
        .iter()
        .filter_map(|c| Some((budget.figure(&c.figure)?, budget.figure(&c.against)?)))
        .filter(|(a, b)| a.decimal().is_some() && b.decimal().is_some())
        .collect();
    if pairs.is_empty() {
        return Ok(());
    }
    let bars: Vec<&BudgetFigure> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let largest = bars
        .iter()
        .filter_map(|f| f.decimal())
        .max()
        .filter(|m| m.is_sign_positive() && !m.is_zero());
    let height = TOP + ROW * bars.len() as f64 + (pairs.len() as f64 - 1.0) * 10.0 + 8.0;
    let described = bars
        .iter()
        .map(|f| format!("{} {}", f.label, f.shown))
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(&described)
    )?;
    let mut y = TOP;
    for (n, (figure, against)) in pairs.iter().enumerate() {
        if n > 0 {
            y += 10.0;
        }
        for (bar, class) in [(figure, "bar"), (against, "today")] {
            let share = match (bar.decimal(), largest) {
                (Some(value), Some(largest)) => {
                    let ratio = (value / largest).to_string().parse::<f64>().unwrap_or(0.0);
                    ratio.clamp(0.0, 1.0)
                }
                _ => 0.0,
            };
            writeln!(
                out,
                "<g><title>{}</title><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><rect class=\"{class}\" x=\"{LABEL_WIDTH}\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
                escape(&bar.label),
                LABEL_WIDTH - 8.0,
                y + 13.0,
                escape(&bar.label),
                y + 2.0,
                BAR_WIDTH * share,
                LABEL_WIDTH + BAR_WIDTH * share + 8.0,
                y + 13.0,
                escape(&bar.shown)
            )?;
            y += ROW;
        }
    }
    writeln!(out, "</svg>")
}
