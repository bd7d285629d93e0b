//! The bars around every screen: the header (plan name and progress), the status line
//! (what just happened) and the footer of keys (generated from the keymap). What gives
//! way when the window is narrow is decided here: the plan's name first, then the word
//! "answered"; the progress and the keys for help and quit always stay.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Screen};
use crate::tui::keymap::{self, Context};
use crate::tui::message::Message;
use crate::tui::widgets::wrap::{truncate, wrap};

/// The most lines a status message takes; a longer one ends in "…".
pub const STATUS_LINES: usize = 3;

/// The header: " outready · NAME" on the left, the progress on the right.
pub fn header_line(app: &App, width: usize) -> Line<'static> {
    let theme = &app.theme;
    if let Screen::Gate(state) = &app.screen {
        // No plan is open yet: the header says what stands in the way.
        return Line::styled(
            truncate(&format!(" outready · {}", state.title), width),
            theme.title,
        );
    }
    let (answered, total) = app.flow.progress(app.questionnaire(), &app.plan.answers);
    let percent = (answered * 100).checked_div(total).unwrap_or(0);
    let forms = match app.screen {
        Screen::Welcome(_) => vec![format!("{total} questions")],
        _ => vec![
            format!("{answered}/{total} answered · {percent}%"),
            format!("{answered}/{total} · {percent}%"),
        ],
    };
    let name = if app.plan.name.is_empty() {
        "new plan".to_string()
    } else {
        app.plan.name.clone()
    };
    let lead = " outready · ";
    // The agenda's note comes before the progress, and gives way to nothing.
    let agenda = super::agenda::header_note(app);
    let noted = agenda.as_ref().map_or(0, |(note, _)| note.width() + 3);
    // The name keeps a dozen columns (or all of itself) before the progress gives way.
    let keep = name.width().min(12);
    let fits = |right: &String| lead.width() + keep + 2 + noted + right.width() <= width;
    let mut right = forms
        .iter()
        .find(|form| fits(form))
        .or(forms.last())
        .cloned()
        .unwrap_or_default();
    // What comes before the agenda's note, and after it.
    let mut before = String::new();
    if let Some((note, _)) = &agenda {
        right = format!("{note} · {right}");
    }
    if app.present {
        // The time of this draw (the wizard redraws on every key, and once a minute
        // while the agenda's clock runs).
        let now = (app.now)().to_zoned(app.zone.clone());
        before = format!("{} · ", now.strftime("%H:%M"));
    }
    if let Some(read_only) = &app.read_only {
        let room = width.saturating_sub(lead.width() + keep + 5 + before.width() + right.width());
        if room > 8 {
            before = format!("{} · {before}", truncate(read_only, room));
        }
    }
    let room = width.saturating_sub(lead.width() + before.width() + right.width() + 2);
    let left = format!("{lead}{}", truncate(&name, room));
    let gap = width.saturating_sub(left.width() + before.width() + right.width() + 1);
    let mut spans = vec![
        Span::styled(left, theme.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(before, theme.heading),
    ];
    match agenda {
        Some((note, up)) => {
            let rest = right.split_off(note.len());
            // Over time is said in words too ("3 min over"), never by the colour alone.
            spans.push(Span::styled(
                note,
                if up { theme.warn } else { theme.heading },
            ));
            spans.push(Span::styled(rest, theme.heading));
        }
        None => spans.push(Span::styled(right, theme.heading)),
    }
    Line::from(spans)
}

/// The status message wrapped to `width`, at most `STATUS_LINES` lines, so a saved
/// report's path is shown whole.
pub fn status_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(status) = &app.status else {
        return Vec::new();
    };
    let (mark, style) = if status.is_error {
        ("✗ ", app.theme.error)
    } else {
        ("• ", app.theme.ok)
    };
    let mut parts = wrap(
        &format!("{mark}{}", status.text),
        width.saturating_sub(2).max(1),
    );
    if parts.len() > STATUS_LINES {
        parts.truncate(STATUS_LINES);
        let last = parts.pop().unwrap_or_default();
        parts.push(truncate(&format!("{last}…"), width.saturating_sub(2)));
    }
    parts
        .into_iter()
        .map(|part| Line::styled(format!(" {part}"), style))
        .collect()
}

/// The keys that matter here on at most `max_lines` lines, the most useful first (in
/// the keymap's footer order); help and quit always stay, at the end.
pub fn footer_lines(app: &App, width: usize, max_lines: usize) -> Vec<Line<'static>> {
    let context = app.context();
    let hints = keymap::hints(context, |only| app.applies(only), true);
    let theme = &app.theme;
    let cells: Vec<(String, &str, bool)> = hints
        .iter()
        .map(|b| {
            let last = matches!(b.message, Message::ShowHelp | Message::Quit)
                || context == Context::TooSmall;
            (b.footer_label(), b.footer_text(), last)
        })
        .collect();
    // Each hint is drawn as "keys label   ".
    let cell_width = |(k, l, _): &(String, &str, bool)| k.width() + l.width() + 4;
    let (keep_last, mut rest): (Vec<_>, Vec<_>) = cells.into_iter().partition(|cell| cell.2);
    let room = width.saturating_sub(1);
    let keep_width: usize = keep_last.iter().map(cell_width).sum();
    let max_lines = max_lines.max(1);
    let mut rows: Vec<Vec<(String, &str, bool)>> = Vec::new();
    for row in 0..max_lines {
        let last = row + 1 == max_lines;
        let mut budget = room.saturating_sub(if last { keep_width } else { 0 });
        let mut chosen = Vec::new();
        let mut left = Vec::new();
        for cell in rest {
            let w = cell_width(&cell);
            // Earlier lines keep strict order; the last one fills what space is left.
            if w <= budget && (last || left.is_empty()) {
                budget -= w;
                chosen.push(cell);
            } else {
                left.push(cell);
            }
        }
        rest = left;
        // Help and quit close the line they fit on once every other hint is placed, and
        // the last line always (its room was kept for them): what is dropped is never
        // the key to every other key.
        let done = last || (rest.is_empty() && keep_width <= budget);
        if done {
            chosen.extend(keep_last.iter().cloned());
        }
        rows.push(chosen);
        if done {
            break;
        }
    }
    rows.into_iter()
        .filter(|row| !row.is_empty())
        .map(|row| {
            let mut spans = vec![Span::raw(" ")];
            for (keys, label, _) in row {
                spans.push(Span::styled(keys, theme.key));
                spans.push(Span::styled(format!(" {label}   "), theme.dim));
            }
            Line::from(spans)
        })
        .collect()
}
