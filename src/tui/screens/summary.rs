//! The summary screen: the verdict, overall readiness with how complete the answers are,
//! a bar per section, what holds the level down, and the gaps to close first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::scoring::HoldReason;
use crate::tui::app::{App, SummaryState};
use crate::tui::widgets::lines::{draw_lines, inset};
use crate::tui::widgets::wrap::{truncate, wrap};

/// A score as a whole percentage.
pub fn percent(score: f64) -> String {
    format!("{:.0}%", (score * 100.0).clamp(0.0, 100.0))
}

/// The summary as lines, top to bottom.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let questionnaire = app.questionnaire();
    let assessment = &app.assessment;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let level = assessment
        .level
        .as_ref()
        .and_then(|l| questionnaire.levels.get(l.index));
    let verdict = level.map_or("No verdict yet".to_string(), |l| l.label.to_uppercase());
    let level_style = match assessment.level.as_ref().map(|l| l.index) {
        Some(0) => theme.error,
        Some(i) if i + 1 == questionnaire.levels.len() => theme.ok,
        _ => theme.warn,
    };
    lines.push(Line::from(vec![
        Span::styled("Verdict: ", theme.heading),
        Span::styled(verdict, level_style),
    ]));
    if let Some(description) = level
        .map(|l| l.description.clone())
        .filter(|d| !d.is_empty())
    {
        lines.extend(
            wrap(&description, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.base)),
        );
    }
    let done = &assessment.completeness;
    let score = assessment.score.map_or("—".to_string(), percent);
    let completeness = format!(
        "Overall readiness {score} · {} of {} answered ({} unsure, {} not applicable)",
        done.given(),
        done.shown,
        done.unsure,
        done.not_applicable
    );
    lines.extend(
        wrap(&completeness, width)
            .into_iter()
            .map(|t| Line::styled(t, theme.base)),
    );
    if done.unanswered > 0 {
        let open = format!(
            "{} questions are still open, so this verdict will change as you answer them.",
            done.unanswered
        );
        lines.extend(
            wrap(&open, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.warn)),
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Readiness by section", theme.heading));
    let name_width = (width / 3).clamp(12, 32);
    // Room for the name, the percentage, the counts and "✗ blocker" beside the bar.
    let bar_width = width.saturating_sub(name_width + 22).clamp(5, 30);
    for section in &assessment.sections {
        let Some(info) = questionnaire.sections.get(section.index) else {
            continue;
        };
        // Profile sections and other unscored ones have no readiness to show.
        let scored = info.weight > 0.0 && info.questions.iter().any(|q| q.is_scored());
        if !section.shown || section.completeness.shown == 0 || !scored {
            continue;
        }
        let name = format!("{:name_width$}", truncate(&info.title, name_width));
        let (filled, label) = match section.score {
            Some(score) => {
                let filled = (score * bar_width as f64).round() as usize;
                (filled.min(bar_width), format!("{:>4}", percent(score)))
            }
            None => (0, "   —".to_string()),
        };
        let counts = format!(
            " {}/{}",
            section.completeness.given(),
            section.completeness.shown
        );
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
    // Every blocker is listed; critical answers, which can be many, only the first few.
    let critical_shown = 5;
    let critical_total = assessment
        .holds
        .iter()
        .filter(|h| h.reason != HoldReason::Blocker)
        .count();
    if !assessment.holds.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("What holds the level down", theme.heading));
        let listed = assessment.holds.iter().filter({
            let mut critical_seen = 0;
            move |h| {
                if h.reason == HoldReason::Blocker {
                    return true;
                }
                critical_seen += 1;
                critical_seen <= critical_shown
            }
        });
        for hold in listed {
            let Some(question) = questionnaire.question(&hold.question) else {
                continue;
            };
            let (mark, why, style) = match hold.reason {
                HoldReason::Blocker => ("✗", "Blocker", theme.error),
                HoldReason::CriticalLow => ("!", "Critical, below half", theme.warn),
                HoldReason::CriticalUnsure => ("?", "Critical, not known yet", theme.warn),
            };
            let text = format!("{mark} {why}: {}", question.text);
            for (i, part) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
                let lead = if i == 0 { "" } else { "  " };
                lines.push(Line::styled(format!("{lead}{part}"), style));
            }
        }
    }
    if critical_total > critical_shown {
        let more = format!(
            "… and {} more critical answers below half (press r, then Tab, to review them).",
            critical_total - critical_shown
        );
        lines.extend(
            wrap(&more, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.dim)),
        );
    }
    let top: Vec<_> = assessment
        .gaps
        .iter()
        .filter(|g| !g.blocker)
        .take(5)
        .collect();
    if !top.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Gaps to close first", theme.heading));
        for (n, gap) in top.iter().enumerate() {
            let Some(question) = questionnaire.question(&gap.question) else {
                continue;
            };
            let recommendation = gap
                .recommendations
                .first()
                .and_then(|id| {
                    question
                        .recommendations
                        .iter()
                        .find(|r| r.id == *id)
                        .map(|r| r.text.clone())
                })
                .unwrap_or_default();
            let text = format!("{}. {} → {}", n + 1, question.text, recommendation);
            for (i, part) in wrap(&text, width.saturating_sub(3)).into_iter().enumerate() {
                let lead = if i == 0 { "" } else { "   " };
                lines.push(Line::styled(format!("{lead}{part}"), theme.base));
            }
        }
    }
    lines
}

/// Draws the summary screen, scrolled.
pub fn render(app: &App, state: &SummaryState, body: Rect, buf: &mut Buffer) {
    let area = inset(body, 1);
    let all = lines(app, usize::from(area.width));
    let max_scroll = all.len().saturating_sub(usize::from(area.height));
    let first = usize::from(state.scroll).min(max_scroll);
    draw_lines(all.into_iter().skip(first), area, buf);
}
