//! The currency box over a screen: what the plan's amounts are in now, and a field for
//! the ISO 4217 code of the currency to show them in, with the sentence an unknown code
//! got under it.

use ratatui::text::{Line, Span};

use super::overlay::field_lines;
use crate::money::currency_sentence;
use crate::tui::app::App;
use crate::tui::widgets::text_input::TextInput;
use crate::tui::widgets::wrap::wrap;

/// What the field is for, before the code typed.
const PROMPT: &str = "Currency (ISO 4217, like EUR): › ";

/// The currency box: its title and lines, `width` columns of text.
pub fn currency_box(
    app: &App,
    input: &TextInput,
    error: Option<&str>,
    width: usize,
) -> (String, Vec<Line<'static>>) {
    let theme = &app.theme;
    let mut lines: Vec<Line<'static>> = wrap(
        &format!(
            "{} Type the code of the currency to show them in; the numbers stay as typed.",
            currency_sentence(&app.plan, app.questionnaire())
        ),
        width,
    )
    .into_iter()
    .map(|t| Line::styled(t, theme.base))
    .collect();
    lines.push(Line::raw(""));
    let mut field = field_lines(app, input, error);
    if let Some(first) = field.first_mut() {
        first.spans.insert(0, Span::styled(PROMPT, theme.base));
    }
    lines.extend(field);
    (
        "Currency of the amounts (Enter changes it, Esc keeps it)".to_string(),
        lines,
    )
}
