//! The comparison as one self-contained HTML page: the table of plans (budget headline
//! figures in it), a chart of section
//! scores per plan (inline SVG, a bar per plan in each section), the blockers and the
//! answers that differ.

use std::fmt::{self, Write};

use super::Comparison;
use crate::report::html::escape;
use crate::report::text::percent_or_dash;

/// The page.
pub(super) fn render(c: &Comparison) -> Result<String, fmt::Error> {
    let mut out = String::new();
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(out, "<title>Plans compared</title>")?;
    writeln!(
        out,
        "<style>\nbody{{font-family:sans-serif;max-width:60rem;margin:2rem auto;}}table{{border-collapse:collapse;}}td,th{{border:1px solid #999;padding:.3rem .5rem;text-align:left;}}.p0{{fill:#1f5fa8;}}.p1{{fill:#c05a00;}}.p2{{fill:#2e7d32;}}.p3{{fill:#6a1b9a;}}\n</style>\n</head>\n<body>\n<h1>Plans compared</h1>"
    )?;
    let head: String = c
        .plans
        .iter()
        .map(|p| format!("<th>{}</th>", escape(&p.name)))
        .collect();
    writeln!(out, "<table>\n<tr><th></th>{head}</tr>")?;
    let row = |out: &mut String, label: &str, cells: Vec<String>| {
        let cells: String = cells
            .iter()
            .map(|c| format!("<td>{}</td>", escape(c)))
            .collect();
        writeln!(out, "<tr><th>{}</th>{cells}</tr>", escape(label))
    };
    for line in c.side_by_side() {
        row(&mut out, &line.label, line.cells)?;
    }
    writeln!(out, "</table>")?;
    chart(&mut out, c)?;
    for plan in c.plans.iter().filter(|p| !p.blockers.is_empty()) {
        writeln!(out, "<h2>Blockers in {}</h2>\n<ul>", escape(&plan.name))?;
        for blocker in &plan.blockers {
            writeln!(out, "<li>{}</li>", escape(blocker))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "<h2>Answers that differ</h2>")?;
    if c.differences.is_empty() {
        writeln!(out, "<p>The plans answer every question the same.</p>")?;
    }
    for section in &c.differences {
        writeln!(
            out,
            "<h3>{}</h3>\n<table>\n<tr><th>Question</th>{head}</tr>",
            escape(&section.title)
        )?;
        for q in &section.questions {
            row(&mut out, &q.question, q.answers.clone())?;
        }
        writeln!(out, "</table>")?;
    }
    writeln!(out, "</body>\n</html>")?;
    Ok(out)
}

/// A group of bars per section, one bar per plan (its colour by its place), with a key.
fn chart(out: &mut String, c: &Comparison) -> fmt::Result {
    const LABEL: f64 = 240.0;
    const BAR: f64 = 400.0;
    const THICK: f64 = 12.0;
    if c.sections.is_empty() {
        return Ok(());
    }
    let plans = c.plans.len() as f64;
    let group = THICK * plans + 10.0;
    let key = 18.0 * plans;
    let height = key + group * c.sections.len() as f64 + 10.0;
    writeln!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 760 {height:.1}\" role=\"img\" aria-label=\"Readiness by section for each plan\" xmlns=\"http://www.w3.org/2000/svg\">"
    )?;
    for (i, plan) in c.plans.iter().enumerate() {
        let y = 18.0 * i as f64;
        writeln!(
            out,
            "<rect class=\"p{}\" x=\"{LABEL}\" y=\"{y:.1}\" width=\"12\" height=\"12\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            i % 4,
            LABEL + 18.0,
            y + 11.0,
            escape(&plan.name)
        )?;
    }
    for (s, section) in c.sections.iter().enumerate() {
        let top = key + group * s as f64;
        writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LABEL - 8.0,
            top + THICK,
            escape(&section.title)
        )?;
        for (i, (plan, score)) in c.plans.iter().zip(&section.scores).enumerate() {
            let y = top + THICK * i as f64;
            let width = BAR * score.unwrap_or(0.0).clamp(0.0, 1.0);
            writeln!(
                out,
                "<g><title>{}: {}</title><rect class=\"p{}\" x=\"{LABEL}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"{:.1}\"/></g>",
                escape(&plan.name),
                percent_or_dash(*score),
                i % 4,
                THICK - 2.0
            )?;
        }
    }
    writeln!(out, "</svg>")
}
