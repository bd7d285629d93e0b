//! The summary screen: the verdict, overall readiness with how complete the answers are,
//! a bar per section, what holds the level down, and the gaps to close first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::report::HoldKind;
use crate::report::text::percent;
use crate::tui::app::{App, SummaryState};
use crate::tui::widgets::lines::{MORE_BELOW, draw_cut, inset, wrapped};
use crate::tui::widgets::wrap::{pad, wrap};

/// Lines of `text` wrapped to `width` with a hanging indent of `indent` spaces.
fn hanging(
    text: &str,
    width: usize,
    indent: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 {
                String::new()
            } else {
                " ".repeat(indent)
            };
            Line::styled(format!("{lead}{part}"), style)
        })
        .collect()
}

/// The summary as lines, top to bottom: the same verdict, sections, holds and gaps as
/// the report files.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let report = &app.report();
    let verdict = &report.verdict;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let levels = report.questionnaire.levels.len();
    let level_style = match verdict.level.as_ref().map(|l| l.index) {
        Some(0) => theme.error,
        Some(i) if i + 1 == levels => theme.ok,
        _ => theme.warn,
    };
    let label = verdict
        .level
        .as_ref()
        .map_or("No verdict yet".to_string(), |l| l.label.to_uppercase());
    lines.push(Line::from(vec![
        Span::styled("Verdict: ", theme.heading),
        Span::styled(label, level_style),
    ]));
    if let Some(provisional) = &verdict.provisional {
        // In words before the level's text: this verdict is the quick scan's.
        lines.extend(wrapped(&provisional.sentence(), width, theme.warn));
    }
    if let Some(text) = verdict.level_text() {
        lines.extend(wrapped(&text, width, theme.base));
    }
    let score = verdict.score.map_or("—".to_string(), percent);
    let counts = format!("Overall readiness {score} · {}.", verdict.counts.summary());
    lines.extend(wrapped(&counts, width, theme.base));
    lines.extend(crate::tui::widgets::worksheet::headline_lines(app, width));
    if verdict.counts.unanswered > 0 {
        let open = "Questions are still open, so this verdict will change as you answer them.";
        lines.extend(wrapped(open, width, theme.warn));
    }
    if !verdict.why.is_empty() {
        lines.extend(wrapped(&verdict.why, width, theme.base));
    }
    if let Some(lift) = &verdict.lift {
        lines.extend(wrapped(&lift.sentence, width, theme.chosen));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Readiness by section", theme.heading));
    let name_width = (width / 3).clamp(12, 32);
    // Room for the name, the percentage, the counts and a blocker mark beside the bar.
    let bar_width = width.saturating_sub(name_width + 26).clamp(5, 30);
    for section in report.sections.iter().filter(|s| s.scored) {
        let name = pad(&section.title, name_width);
        let (filled, label) = match section.score {
            Some(score) => {
                let filled = (score * bar_width as f64).round() as usize;
                (filled.min(bar_width), format!("{:>4}", percent(score)))
            }
            None => (0, "   —".to_string()),
        };
        let counts = format!(" {}/{}", section.counts.given(), section.counts.shown);
        let blocker = if section.blockers > 0 {
            " ✗ blocker"
        } else {
            ""
        };
        lines.push(Line::from(vec![
            Span::styled(name, theme.base),
            Span::raw(" "),
            Span::styled("█".repeat(filled), theme.bar_fill),
            Span::styled("░".repeat(bar_width - filled), theme.bar_empty),
            Span::styled(format!(" {label}"), theme.base),
            Span::styled(counts, theme.dim),
            Span::styled(blocker, theme.error),
        ]));
    }
    let (listed, more) = verdict.listed_holds();
    if !listed.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("What holds the level down", theme.heading));
        for hold in listed {
            let (mark, style) = match hold.reason {
                HoldKind::Blocker => ("✗", theme.error),
                HoldKind::CriticalLow => ("!", theme.warn),
                HoldKind::CriticalUnsure => ("?", theme.warn),
                HoldKind::Stage => ("»", theme.warn),
                HoldKind::Unanswered => ("○", theme.warn),
            };
            let text = format!("{mark} {}: {}", hold.reason.label(), hold.question);
            lines.extend(hanging(&text, width, 2, style));
        }
        if more > 0 {
            let text = crate::report::more_holds(more);
            lines.extend(wrapped(&text, width, theme.dim));
        }
    }
    let top: Vec<_> = report.gaps.iter().filter(|g| !g.blocker).take(5).collect();
    if !top.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Gaps to close first (g shows them all)",
            theme.heading,
        ));
        for (n, gap) in top.iter().enumerate() {
            let advice = gap.recommendations.first().map_or("", |r| r.text.as_str());
            let text = format!("{}. {} → {}", n + 1, gap.question, advice);
            lines.extend(hanging(&text, width, 3, theme.base));
        }
    }
    if !app.plan.history.is_empty() {
        // The plan has met before: what changed since is one key away.
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            "Press l to see what changed since the last session.",
            width,
            theme.dim,
        ));
    }
    lines
}

/// Draws the summary screen, scrolled.
pub fn render(app: &App, state: &SummaryState, body: Rect, buf: &mut Buffer) {
    let area = inset(body, 1);
    let all = lines(app, usize::from(area.width));
    let max_scroll = all.len().saturating_sub(usize::from(area.height));
    let first = usize::from(state.scroll).min(max_scroll);
    draw_cut(
        all.into_iter().skip(first),
        area,
        MORE_BELOW,
        app.theme.dim,
        buf,
    );
}
