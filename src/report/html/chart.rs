//! The bar chart of section scores, as inline SVG: a bar per scored section, with the
//! readiness levels as dashed lines, and the figures written beside the bars.

use std::fmt::{self, Write};

use super::escape;
use crate::report::text::{percent, percent_or_dash};
use crate::report::{Report, SectionScore};

/// A horizontal bar per scored section, with the level thresholds as dashed lines.
pub(super) fn chart(out: &mut String, report: &Report) -> fmt::Result {
    const WIDTH: f64 = 760.0;
    const LABEL_WIDTH: f64 = 270.0;
    const BAR_WIDTH: f64 = 380.0;
    const ROW: f64 = 26.0;
    const TOP: f64 = 24.0;
    let scored: Vec<&SectionScore> = report.sections.iter().filter(|s| s.scored).collect();
    if scored.is_empty() {
        return Ok(());
    }
    let height = TOP + ROW * scored.len() as f64 + 8.0;
    let described = scored
        .iter()
        .map(|s| format!("{} {}", s.title, percent_or_dash(s.score)))
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"Readiness by section: {}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(&described)
    )?;
    for level in report.questionnaire.levels.iter().filter(|l| l.min > 0.0) {
        let x = LABEL_WIDTH + BAR_WIDTH * level.min.clamp(0.0, 1.0);
        writeln!(
            out,
            "<line class=\"threshold\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text class=\"axis-label\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            TOP - 6.0,
            height - 4.0,
            TOP - 10.0,
            escape(&level.label)
        )?;
    }
    for (row, section) in scored.iter().enumerate() {
        let y = TOP + ROW * row as f64;
        let fill = BAR_WIDTH * section.score.unwrap_or(0.0).clamp(0.0, 1.0);
        writeln!(
            out,
            "<g><title>{}</title><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><rect class=\"track\" x=\"{LABEL_WIDTH}\" y=\"{:.1}\" width=\"{BAR_WIDTH}\" height=\"16\"/><rect class=\"bar\" x=\"{LABEL_WIDTH}\" y=\"{:.1}\" width=\"{fill:.1}\" height=\"16\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            escape(&section.title),
            LABEL_WIDTH - 8.0,
            y + 13.0,
            escape(&shortened(&section.title, 38)),
            y + 2.0,
            y + 2.0,
            LABEL_WIDTH + BAR_WIDTH + 8.0,
            y + 13.0,
            section
                .score
                .map_or_else(|| "no answers yet".to_string(), percent)
        )?;
    }
    writeln!(out, "</svg>")
}

/// At most `max` characters, with an ellipsis when cut.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}
