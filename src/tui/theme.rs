//! Every style the screens use, in one place: a default theme, a high-contrast one, and
//! one without colour for `NO_COLOR`. Screens never name a colour themselves, and nothing
//! is shown by colour alone (symbols and words carry the meaning). The default theme
//! reads on light and dark terminals alike (no white, black, grey or yellow text); the
//! high-contrast one brings its own black background, so a light terminal cannot wash it
//! out. Only the 16 basic colours are used, which every colour terminal has.

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

    /// Calm colours on the terminal's own background, light or dark.
    pub fn standard() -> Theme {
        let bold = Modifier::BOLD;
        // Faint, not grey: grey vanishes on one background or the other.
        let faint = Style::new().add_modifier(Modifier::DIM);
        Theme {
            base: Style::new(),
            dim: faint,
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            heading: Style::new().add_modifier(bold),
            border: faint,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            chosen: Style::new().fg(Color::Green).add_modifier(bold),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            ok: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Magenta).add_modifier(bold),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            bar_fill: Style::new().fg(Color::Cyan),
            bar_empty: faint,
        }
    }

    /// White on its own black background at full strength, for projectors and low
    /// vision, whatever the terminal's background.
    pub fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        let strong = Style::new().fg(Color::White).add_modifier(bold);
        Theme {
            base: Style::new().fg(Color::White).bg(Color::Black),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(theme: &Theme) -> [Style; 15] {
        [
            theme.base,
            theme.dim,
            theme.title,
            theme.heading,
            theme.border,
            theme.selected,
            theme.chosen,
            theme.key,
            theme.ok,
            theme.warn,
            theme.error,
            theme.input,
            theme.cursor,
            theme.bar_fill,
            theme.bar_empty,
        ]
    }

    #[test]
    fn the_default_theme_names_no_colour_that_vanishes_on_a_light_or_dark_background() {
        for style in styles(&Theme::standard()) {
            assert_eq!(style.bg, None, "{style:?} sets a background");
            let vanishing = [
                Color::White,
                Color::Black,
                Color::Gray,
                Color::DarkGray,
                Color::Yellow,
                Color::LightYellow,
                Color::LightCyan,
                Color::LightGreen,
            ];
            assert!(
                style.fg.is_none_or(|fg| !vanishing.contains(&fg)),
                "{style:?}"
            );
        }
    }

    #[test]
    fn high_contrast_brings_its_own_background() {
        let theme = Theme::high_contrast();
        assert_eq!(theme.base.bg, Some(Color::Black));
        assert_eq!(theme.base.fg, Some(Color::White));
        // Everything else either keeps the black background or is black on white.
        for style in styles(&theme) {
            assert!(
                matches!(style.bg, None | Some(Color::Black) | Some(Color::White)),
                "{style:?}"
            );
            if style.bg == Some(Color::White) {
                assert_eq!(style.fg, Some(Color::Black), "{style:?}");
            }
        }
    }
}
