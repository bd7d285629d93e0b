//! Every style the screens use, in one place: a default theme, a high-contrast one, and
//! one without colour for `NO_COLOR`. Screens never name a colour themselves, and nothing
//! is shown by colour alone (symbols and words carry the meaning).

use ratatui::style::{Color, Modifier, Style};

/// The styles of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub border: Style,
    pub selected: Style,
    pub chosen: Style,
    pub key: Style,
    pub ok: Style,
    pub warn: Style,
    pub error: Style,
    pub input: Style,
    pub cursor: Style,
    pub bar_fill: Style,
    pub bar_empty: Style,
}

/// Which theme the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
}

impl Theme {
    /// The theme to use: no colour at all when `no_color`, else the one named.
    pub fn pick(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            Theme::monochrome()
        } else {
            match name {
                ThemeName::Default => Theme::standard(),
                ThemeName::HighContrast => Theme::high_contrast(),
            }
        }
    }

    /// Calm colours on the terminal's own background.
    pub fn standard() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            base: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            heading: Style::new().add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            chosen: Style::new().fg(Color::Green).add_modifier(bold),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            ok: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            bar_fill: Style::new().fg(Color::Cyan),
            bar_empty: Style::new().fg(Color::DarkGray),
        }
    }

    /// Black and white at full strength, for projectors and low vision.
    pub fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        let strong = Style::new().fg(Color::White).add_modifier(bold);
        Theme {
            base: Style::new().fg(Color::White),
            dim: Style::new().fg(Color::White),
            title: strong,
            heading: strong.add_modifier(Modifier::UNDERLINED),
            border: Style::new().fg(Color::White),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(bold),
            chosen: Style::new().fg(Color::LightGreen).add_modifier(bold),
            key: Style::new().fg(Color::LightYellow).add_modifier(bold),
            ok: Style::new().fg(Color::LightGreen).add_modifier(bold),
            warn: Style::new().fg(Color::LightYellow).add_modifier(bold),
            error: Style::new().fg(Color::LightRed).add_modifier(bold),
            input: Style::new()
                .fg(Color::White)
                .add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().fg(Color::Black).bg(Color::White),
            bar_fill: Style::new().fg(Color::White),
            bar_empty: Style::new().fg(Color::White),
        }
    }

    /// No colour, only bold, underline and reverse (for `NO_COLOR`).
    pub fn monochrome() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            base: Style::new(),
            dim: Style::new(),
            title: bold,
            heading: bold,
            border: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            chosen: bold,
            key: bold,
            ok: Style::new(),
            warn: bold,
            error: bold,
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            bar_fill: Style::new(),
            bar_empty: Style::new(),
        }
    }
}
