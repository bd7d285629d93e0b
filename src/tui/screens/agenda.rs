//! The agenda on screen: the header's note of the time left in the section (or over, in
//! words as well as in the warning style), and the agenda box where each section's
//! minutes are typed and the clock is started or stopped.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::plan::agenda::Standing;
use crate::tui::app::App;
use crate::tui::widgets::wrap::{truncate, wrap};

/// The most columns a section's title takes in the header's note.
const HEADER_TITLE: usize = 20;

/// The header's note while the agenda runs: `Goals and business c… 4 min left`, or
/// `Budget 3 min over` with whether the time is up (drawn as a warning then).
pub fn header_note(app: &App) -> Option<(String, bool)> {
    let (section, standing) = app.agenda_standing()?;
    // The section by its title, as the sidebar names it, kept short for the header.
    let title = truncate(&app.section_at(section)?.title, HEADER_TITLE);
    Some((format!("{title} {}", standing.words()), standing.is_up()))
}

/// Minutes in a few characters: `12 min`, or `-` for none.
fn minutes(value: Option<u32>) -> String {
    value.map_or("-".to_string(), |m| format!("{m} min"))
}

/// The agenda box: its title and lines, `width` columns of text.
pub fn agenda_box(app: &App, selected: usize, width: usize) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let agenda = app.plan.agenda.clone().unwrap_or_default();
    let loads = app.agenda_loads();
    let planned = agenda.planned(&loads);
    let total: u32 = planned.iter().flatten().sum();
    let clock = if agenda.running {
        "clock running"
    } else {
        "clock stopped"
    };
    let title = format!("Agenda · {total} min planned · {clock} (Esc closes)");
    let intro = match agenda.session {
        Some(session) if agenda.is_spread() => format!(
            "{session} min for the session, spread over the sections by their questions. Type a section's minutes to set its own; Space starts or stops the clock."
        ),
        _ => "Type a section's minutes (0 for none); Space starts or stops the clock.".to_string(),
    };
    let mut lines: Vec<Line<'static>> = wrap(&intro, width)
        .into_iter()
        .map(|t| Line::styled(t, theme.dim))
        .collect();
    let here = app.agenda_section();
    for (index, section) in app.questionnaire().sections.iter().enumerate() {
        let shown = loads.get(index).is_some_and(|l| l.shown > 0);
        let plan = planned.get(index).copied().flatten();
        let used = app.section_used(index);
        let standing = plan.map(|m| Standing::of(m, used));
        let mut tail = minutes(plan);
        if used >= 60 {
            tail = format!("{tail} · {} min used", used / 60);
        }
        if let Some(Standing::Over(over)) = standing {
            tail = format!("{tail} · {over} over");
        }
        if here == Some(index) {
            tail = format!("{tail} · now");
        }
        let pointer = if index == selected { "▸" } else { " " };
        let name_room = width.saturating_sub(tail.width() + 4);
        let name = truncate(&section.title, name_room);
        let gap = width.saturating_sub(name.width() + tail.width() + 2);
        let style = if index == selected {
            theme.selected
        } else if !shown {
            theme.dim
        } else if standing.is_some_and(Standing::is_up) {
            theme.warn
        } else {
            theme.base
        };
        lines.push(Line::from(vec![Span::styled(
            format!("{pointer} {name}{}{tail}", " ".repeat(gap)),
            style,
        )]));
    }
    (title, lines)
}
