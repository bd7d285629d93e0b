//! The question screen: the sections sidebar with each section's status, the question
//! with its numbered options or typed field, the note and flag, and the "why this
//! matters" panel. One layout serves drawing and mouse clicks.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use crate::answer::{AnswerState, Value};
use crate::questionnaire::{Question, QuestionType};
use crate::tui::app::{App, QuestionState};
use crate::tui::widgets::lines::draw_lines;
use crate::tui::widgets::wrap::{truncate, wrap};

/// What a click on the question screen lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Section(usize),
    Option(usize),
    Unsure,
    NotApplicable,
    Field,
}

/// A section's state, shown by a symbol and a word, never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Done,
    Blocker,
    /// Every question hidden by earlier answers.
    Skipped,
}

impl SectionStatus {
    pub fn symbol(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "○",
            SectionStatus::InProgress => "◐",
            SectionStatus::Done => "✓",
            SectionStatus::Blocker => "✗",
            SectionStatus::Skipped => "–",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "not started",
            SectionStatus::InProgress => "in progress",
            SectionStatus::Done => "done",
            SectionStatus::Blocker => "has a blocker",
            SectionStatus::Skipped => "does not apply",
        }
    }
}

/// The status of a section for the sidebar.
pub fn section_status(app: &App, section: usize) -> SectionStatus {
    let (answered, total) =
        app.flow
            .section_progress(app.questionnaire(), &app.plan.answers, section);
    let id = app.section_at(section).map(|s| s.id.as_str());
    let blockers = app
        .report
        .sections
        .iter()
        .find(|s| Some(s.id.as_str()) == id)
        .map_or(0, |s| s.blockers);
    if total == 0 {
        SectionStatus::Skipped
    } else if blockers > 0 {
        SectionStatus::Blocker
    } else if answered == 0 {
        SectionStatus::NotStarted
    } else if answered < total {
        SectionStatus::InProgress
    } else {
        SectionStatus::Done
    }
}

/// Where everything on the question screen goes, for drawing and for clicks.
pub struct QuestionLayout {
    pub sidebar: Option<Rect>,
    /// The sidebar's rows: (screen row, section index).
    pub section_rows: Vec<(u16, usize)>,
    pub main: Rect,
    /// The main panel's lines from its top, each with what a click on it does.
    pub lines: Vec<(Line<'static>, Option<Target>)>,
    /// The "why this matters" panel, when there is room for it.
    pub why: Option<(Rect, Vec<Line<'static>>)>,
    /// The budget worksheet, on a section with calculated figures.
    pub worksheet: Option<Rect>,
}

/// The sidebar's width for a body this wide: none when the window is narrow.
fn sidebar_width(width: u16) -> u16 {
    match width {
        0..70 => 0,
        70..100 => 24,
        _ => 30,
    }
}

/// Lays the question screen out in `body`.
pub fn layout(app: &App, body: Rect) -> Option<QuestionLayout> {
    let (state, question) = app.current()?;
    let [sidebar, main] = Layout::horizontal([
        Constraint::Length(sidebar_width(body.width)),
        Constraint::Min(0),
    ])
    .areas(body);
    let main = Rect {
        x: main.x + 1,
        width: main.width.saturating_sub(2),
        ..main
    };
    let (main, worksheet) = crate::tui::widgets::worksheet::split(app, main);
    let section_rows = if sidebar.width > 0 {
        sidebar_rows(app, sidebar, state.spot.section)
    } else {
        Vec::new()
    };
    let width = usize::from(main.width);
    let lines = main_lines(app, state, question, width);
    // The "why" panel sits under the question, one line apart, or at the bottom when
    // the question fills the screen; it gives way when there is no room for it.
    let used = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let free = main.height.saturating_sub(used + 1);
    let why = if app.show_why && free >= 3 {
        let why_lines = why_lines(app, question, width);
        let height = (u16::try_from(why_lines.len()).unwrap_or(u16::MAX) + 1).min(free);
        let area = Rect {
            y: main.y + used + 1,
            height,
            ..main
        };
        Some((area, why_lines))
    } else {
        None
    };
    Some(QuestionLayout {
        sidebar: (sidebar.width > 0).then_some(sidebar),
        section_rows,
        main,
        lines,
        why,
        worksheet,
    })
}

/// Which sections fit in the sidebar, scrolled so the current one shows.
fn sidebar_rows(app: &App, sidebar: Rect, current: usize) -> Vec<(u16, usize)> {
    let count = app.questionnaire().sections.len();
    let room = usize::from(sidebar.height.saturating_sub(1));
    let first = if current >= room {
        current + 1 - room
    } else {
        0
    };
    (first..count)
        .take(room)
        .enumerate()
        .map(|(i, section)| (sidebar.y + 1 + u16::try_from(i).unwrap_or(0), section))
        .collect()
}

fn main_lines(
    app: &App,
    state: &QuestionState,
    question: &Question,
    width: usize,
) -> Vec<(Line<'static>, Option<Target>)> {
    let theme = &app.theme;
    let mut lines: Vec<(Line<'static>, Option<Target>)> = Vec::new();
    let mut plain = |line: Line<'static>| lines.push((line, None));
    let section = app.section_at(state.spot.section);
    let section_title = section.map_or("", |s| s.title.as_str());
    let (in_section, section_total) = position_in_section(app, state);
    let where_line = format!(
        "{} · section {} of {} · question {} of {}",
        section_title,
        state.spot.section + 1,
        app.questionnaire().sections.len(),
        in_section,
        section_total
    );
    if app.new_questions.contains(&question.id) {
        // Marked in words, not only colour: the questionnaire gained this question.
        let mark = "✦ new question · ";
        plain(Line::from(vec![
            Span::styled(mark, theme.ok),
            Span::styled(
                truncate(&where_line, width.saturating_sub(mark.chars().count())),
                theme.dim,
            ),
        ]));
    } else {
        plain(Line::styled(truncate(&where_line, width), theme.dim));
    }
    if let Some(reason) = follow_up_of(app, question) {
        // Two lines at most: enough to recognise the earlier question.
        let text = format!("↳ asked because of: {reason}");
        let mut parts = wrap(&text, width);
        if parts.len() > 2 {
            parts.truncate(2);
            parts[1] = truncate(&format!("{}…", parts[1]), width);
        }
        for part in parts {
            plain(Line::styled(part, theme.dim));
        }
    }
    plain(Line::raw(""));
    for text in wrap(&question.text, width) {
        plain(Line::styled(text, theme.heading));
    }
    plain(Line::raw(""));

    let answer = app.plan.answers.get(&question.id);
    let state_now = answer.map_or(AnswerState::Unanswered, |a| a.state);
    if question.kind.is_choice() {
        for (index, option) in question.options.iter().enumerate() {
            let chosen = answer
                .and_then(|a| a.value.as_ref())
                .is_some_and(|v| match v {
                    Value::Text(t) => *t == option.value,
                    Value::List(l) => l.contains(&option.value),
                    Value::Number(_) => false,
                })
                && state_now == AnswerState::Answered;
            let mark = match (question.kind == QuestionType::Multi, chosen) {
                (true, true) => "[x]",
                (true, false) => "[ ]",
                (false, true) => "(•)",
                (false, false) => "( )",
            };
            let number = if index < 9 {
                format!("{}", index + 1)
            } else {
                " ".to_string()
            };
            let highlighted = index == state.highlight;
            let pointer = if highlighted { "▸" } else { " " };
            let prefix = format!("{pointer}{number} {mark} ");
            let label_width = width.saturating_sub(prefix.chars().count());
            let style = match (highlighted, chosen) {
                (true, _) => theme.selected,
                (false, true) => theme.chosen,
                (false, false) => theme.base,
            };
            for (i, part) in wrap(&option.label, label_width).into_iter().enumerate() {
                let lead = if i == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(prefix.chars().count())
                };
                lines.push((
                    Line::from(vec![Span::styled(lead, style), Span::styled(part, style)]),
                    Some(Target::Option(index)),
                ));
            }
        }
    } else {
        field_lines(app, state, question, width, &mut lines);
    }
    lines.push((Line::raw(""), None));
    let choice = |key: &str, label: &str, on: bool| {
        let mark = if on { "(•)" } else { "( )" };
        let style = if on { theme.chosen } else { theme.dim };
        vec![
            Span::styled(format!(" {key} "), theme.key),
            Span::styled(format!("{mark} {label}"), style),
        ]
    };
    if question.allow_unsure {
        lines.push((
            Line::from(choice(
                "u",
                "I don't know yet",
                state_now == AnswerState::Unsure,
            )),
            Some(Target::Unsure),
        ));
    }
    if question.allow_na {
        lines.push((
            Line::from(choice(
                "x",
                "Not applicable",
                state_now == AnswerState::NotApplicable,
            )),
            Some(Target::NotApplicable),
        ));
    }
    if let Some(answer) = answer {
        if answer.discuss {
            lines.push((
                Line::styled(" ⚑ Flagged to discuss later", theme.warn),
                None,
            ));
        }
        if let Some(note) = &answer.note {
            let first = note.lines().next().unwrap_or_default();
            let more = if note.lines().count() > 1 { " …" } else { "" };
            lines.push((
                Line::styled(
                    truncate(&format!(" ✎ Note: {first}{more}"), width),
                    theme.base,
                ),
                None,
            ));
        }
    }
    if let Some(notice) = &state.notice {
        // Indented like the flag and note lines above it.
        for text in wrap(&format!("ⓘ {notice}"), width.saturating_sub(1)) {
            lines.push((Line::styled(format!(" {text}"), theme.ok), None));
        }
    }
    lines
}

fn field_lines(
    app: &App,
    state: &QuestionState,
    question: &Question,
    width: usize,
    lines: &mut Vec<(Line<'static>, Option<Target>)>,
) {
    let theme = &app.theme;
    let Some(field) = &state.field else {
        return;
    };
    let unit = question
        .unit
        .clone()
        .unwrap_or_else(|| match question.kind {
            QuestionType::Percent => "%".into(),
            _ => String::new(),
        });
    let hint = match question.kind {
        QuestionType::Date => "a date as YYYY-MM-DD",
        QuestionType::Money => "an amount",
        QuestionType::Percent => "a percentage",
        QuestionType::Number => "a number",
        QuestionType::LongText => "as much as you like; Enter starts a new line, Tab saves",
        _ => "your answer",
    };
    let label = if state.typing {
        format!("Type {hint}:")
    } else {
        "Your answer (e or click to change):".to_string()
    };
    // The long-text hint is wider than a narrow panel: wrap it rather than cut it off.
    for text in wrap(&label, width.saturating_sub(1)) {
        lines.push((
            Line::styled(format!(" {text}"), theme.dim),
            Some(Target::Field),
        ));
    }
    let text = field.to_text(theme.input, theme.cursor, state.typing);
    let box_width = width.saturating_sub(4 + unit.chars().count()).max(1);
    let mut first = true;
    for line in text.lines {
        let rendered: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        // Long typed lines wrap inside the field; the cursor cell stays where it is.
        let pieces = if rendered.chars().count() > box_width {
            wrap_spans(line.spans, box_width)
        } else {
            vec![line.spans]
        };
        for (piece, spans) in pieces.into_iter().enumerate() {
            // "›" marks where a typed line starts; a wrapped line's rest sits under it,
            // so a long line is not mistaken for several.
            let lead = if piece == 0 { " › " } else { "   " };
            let mut row = vec![Span::styled(lead, theme.key)];
            row.extend(spans);
            if first && !unit.is_empty() {
                row.push(Span::styled(format!(" {unit}"), theme.dim));
            }
            first = false;
            lines.push((Line::from(row), Some(Target::Field)));
        }
    }
    if let Some(error) = &state.field_error {
        for text in wrap(&format!("✗ {error}"), width.saturating_sub(1)) {
            lines.push((
                Line::styled(format!(" {text}"), theme.error),
                Some(Target::Field),
            ));
        }
    }
}

/// Breaks styled spans into rows of at most `width` characters, keeping each
/// character's style.
fn wrap_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Vec<Span<'static>>> {
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for span in spans {
        let style = span.style;
        let mut piece = String::new();
        for c in span.content.chars() {
            if used == width {
                if let Some(row) = rows.last_mut() {
                    row.push(Span::styled(std::mem::take(&mut piece), style));
                }
                rows.push(Vec::new());
                used = 0;
            }
            piece.push(c);
            used += 1;
        }
        if let Some(row) = rows.last_mut() {
            row.push(Span::styled(piece, style));
        }
    }
    rows
}

fn why_lines(app: &App, question: &Question, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    if !question.why.is_empty() {
        lines.extend(
            wrap(&question.why, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.base)),
        );
    }
    if !question.source.is_empty() {
        let source = format!("Source: {}", question.source);
        lines.extend(
            wrap(&source, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.dim)),
        );
    }
    if !question.help.is_empty() {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.extend(
            wrap(&question.help, width)
                .into_iter()
                .map(|t| Line::styled(t, theme.dim)),
        );
    }
    lines
}

/// This question's number within its section, and how many the section shows.
fn position_in_section(app: &App, state: &QuestionState) -> (usize, usize) {
    let in_section: Vec<_> = app
        .flow
        .shown()
        .iter()
        .filter(|s| s.section == state.spot.section)
        .collect();
    let at = in_section.iter().filter(|s| ***s <= state.spot).count();
    (at.max(1), in_section.len())
}

/// The question whose answer brought this one in, when its own `show_if` names one.
fn follow_up_of(app: &App, question: &Question) -> Option<String> {
    let condition = question.show_if.as_ref()?;
    let id = condition.questions().into_iter().next()?;
    let source = app.questionnaire().question(id)?;
    Some(source.text.clone())
}

/// Draws the question screen.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) {
    let Some(layout) = layout(app, body) else {
        return;
    };
    let theme = &app.theme;
    if let Some(sidebar) = layout.sidebar {
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(theme.border);
        let inner = block.inner(sidebar);
        block.render(sidebar, buf);
        Line::styled("Sections", theme.heading).render(Rect { height: 1, ..inner }, buf);
        let current = app.current().map(|(s, _)| s.spot.section);
        for (y, section) in &layout.section_rows {
            let Some(info) = app.section_at(*section) else {
                continue;
            };
            let status = section_status(app, *section);
            let (answered, total) =
                app.flow
                    .section_progress(app.questionnaire(), &app.plan.answers, *section);
            let counts = if total == 0 {
                String::new()
            } else {
                format!("{answered}/{total}")
            };
            let is_current = current == Some(*section);
            let pointer = if is_current { "▸" } else { " " };
            let title_room =
                usize::from(inner.width).saturating_sub(4 + counts.chars().count() + 1);
            let title = truncate(&info.title, title_room);
            let gap = usize::from(inner.width)
                .saturating_sub(3 + title.chars().count() + counts.chars().count() + 1);
            let style = if is_current {
                theme.selected
            } else if status == SectionStatus::Skipped {
                theme.dim
            } else {
                theme.base
            };
            let status_style = match status {
                SectionStatus::Blocker => theme.error,
                SectionStatus::Done => theme.ok,
                _ => style,
            };
            let line = Line::from(vec![
                Span::styled(pointer, style),
                Span::styled(
                    status.symbol(),
                    if is_current { style } else { status_style },
                ),
                Span::styled(format!(" {title}{}", " ".repeat(gap)), style),
                Span::styled(
                    format!("{counts} "),
                    if is_current { style } else { theme.dim },
                ),
            ]);
            line.render(Rect::new(inner.x, *y, inner.width, 1), buf);
        }
    }
    let main = layout.main;
    let limit = layout
        .why
        .as_ref()
        .map_or(main.y + main.height, |(area, _)| area.y);
    let above_why = Rect {
        height: limit.saturating_sub(main.y),
        ..main
    };
    draw_lines(
        layout.lines.into_iter().map(|(line, _)| line),
        above_why,
        buf,
    );
    if let Some((area, lines)) = layout.why {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme.border)
            .title(Span::styled(" Why this matters (w hides) ", theme.dim));
        let inner = block.inner(area);
        block.render(area, buf);
        draw_lines(lines, inner, buf);
    }
    if let Some(area) = layout.worksheet {
        crate::tui::widgets::worksheet::render(app, area, buf);
    }
}

/// What a click at this column and row lands on.
pub fn hit(app: &App, frame: Rect, column: u16, row: u16) -> Option<Target> {
    let body = crate::tui::view::frame_areas(frame).body;
    let layout = layout(app, body)?;
    if let Some(sidebar) = layout.sidebar
        && column >= sidebar.x
        && column < sidebar.x + sidebar.width
    {
        return layout
            .section_rows
            .iter()
            .find(|(y, _)| *y == row)
            .map(|(_, section)| Target::Section(*section));
    }
    let main = layout.main;
    if column < main.x || column >= main.x + main.width || row < main.y {
        return None;
    }
    let limit = layout
        .why
        .as_ref()
        .map_or(main.y + main.height, |(a, _)| a.y);
    if row >= limit {
        return None;
    }
    layout
        .lines
        .get(usize::from(row - main.y))
        .and_then(|(_, target)| *target)
}
