//! The screen before the wizard when a plan cannot be opened as it is: what is wrong
//! (which file, where), the numbered choices, and the keys. Drawn from the gate's state
//! without changing it; fits any size, cutting what does not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::gate::GateState;
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::{truncate, wrap};

/// The gate's state as a widget.
pub struct RecoveryView<'a> {
    pub state: &'a GateState,
    pub theme: &'a Theme,
}

impl Widget for RecoveryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let RecoveryView { state, theme } = self;
        if area.width == 0 || area.height == 0 {
            return;
        }
        buf.set_style(area, theme.base);
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        let mut lines: Vec<Line<'static>> = vec![
            Line::styled(
                truncate(&format!("outready · {}", state.title), width),
                theme.title,
            ),
            Line::raw(""),
        ];
        for paragraph in &state.paragraphs {
            lines.extend(
                wrap(paragraph, width)
                    .into_iter()
                    .map(|t| Line::styled(t, theme.base)),
            );
            lines.push(Line::raw(""));
        }
        for (index, (_, label)) in state.choices.iter().enumerate() {
            let selected = index == state.selected;
            let style = if selected { theme.selected } else { theme.base };
            let prefix = format!("{}{} ", if selected { "▸" } else { " " }, index + 1);
            let room = width.saturating_sub(prefix.chars().count()).max(1);
            for (i, part) in wrap(label, room).into_iter().enumerate() {
                let lead = if i == 0 {
                    Span::styled(prefix.clone(), theme.key)
                } else {
                    Span::raw(" ".repeat(prefix.chars().count()))
                };
                lines.push(Line::from(vec![lead, Span::styled(part, style)]));
            }
        }
        if let Some(problem) = &state.problem {
            lines.push(Line::raw(""));
            lines.extend(
                wrap(&format!("✗ {problem}"), width)
                    .into_iter()
                    .map(|t| Line::styled(t, theme.error)),
            );
        }
        let keys = format!(
            "1-{} choose   ↑↓ Enter   q quit",
            state.choices.len().max(1)
        );
        let footer_y = area.y + area.height - 1;
        let room = usize::from(area.height.saturating_sub(1));
        for (i, line) in lines.into_iter().take(room).enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            line.render(
                Rect::new(area.x + 1, y, area.width.saturating_sub(1), 1),
                buf,
            );
        }
        Line::styled(truncate(&keys, width), theme.dim).render(
            Rect::new(area.x + 1, footer_y, area.width.saturating_sub(1), 1),
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::gate::Choice;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};

    fn state() -> GateState {
        GateState {
            title: "This plan cannot be opened as it is".into(),
            paragraphs: vec![
                "The plan file /d/plans/acme.json is damaged at line 4, column 3: the file ends too soon.".into(),
                "It has been left exactly as it is.".into(),
            ],
            choices: vec![
                (Choice::OpenBackup, "Open the newest good backup".into()),
                (Choice::StartAfresh, "Start afresh".into()),
                (Choice::Quit, "Quit and leave everything as it is".into()),
            ],
            selected: 0,
            problem: None,
        }
    }

    fn text(state: &GateState, width: u16, height: u16) -> String {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        RecoveryView {
            state,
            theme: &Theme::monochrome(),
        }
        .render(area, &mut buf);
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn it_says_which_file_where_and_offers_the_choices() {
        let shown = text(&state(), 80, 24);
        assert!(
            shown.contains("acme.json is damaged at line 4, column 3"),
            "{shown}"
        );
        assert!(shown.contains("▸1 Open the newest good backup"), "{shown}");
        assert!(shown.contains(" 2 Start afresh"), "{shown}");
        assert!(shown.contains("1-3 choose"), "{shown}");
    }

    #[test]
    fn any_size_draws_without_panicking() {
        for (w, h) in [(1, 1), (2, 1), (1, 5), (10, 3), (200, 60)] {
            let _ = text(&state(), w, h);
        }
    }

    #[test]
    fn keys_pick_move_and_quit() {
        let mut state = state();
        let key = |code| KeyEvent::from(code);
        assert_eq!(state.press(&key(KeyCode::Down)), None);
        assert_eq!(state.selected, 1);
        assert_eq!(state.press(&key(KeyCode::Enter)), Some(Choice::StartAfresh));
        assert_eq!(
            state.press(&key(KeyCode::Char('1'))),
            Some(Choice::OpenBackup)
        );
        assert_eq!(state.press(&key(KeyCode::Char('7'))), None);
        assert_eq!(state.press(&key(KeyCode::Char('q'))), Some(Choice::Quit));
        assert_eq!(state.press(&key(KeyCode::Esc)), Some(Choice::Quit));
    }
}
