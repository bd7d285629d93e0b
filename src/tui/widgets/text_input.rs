//! An editable line or block of text with a cursor: typing, deleting, moving, pasting.
//! Editing only; drawing puts the cursor in as a styled cell, so it wraps with the text.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Text being typed, with the cursor as a character index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    text: String,
    cursor: usize,
    multiline: bool,
}

impl TextInput {
    /// A one-line field holding `text`, cursor at the end.
    pub fn single(text: &str) -> TextInput {
        TextInput::new(&text.replace(['\n', '\r'], " "), false)
    }

    /// A multi-line field holding `text`, cursor at the end.
    pub fn multi(text: &str) -> TextInput {
        TextInput::new(text, true)
    }

    fn new(text: &str, multiline: bool) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            multiline,
        }
    }

    /// What has been typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether Enter makes a new line here.
    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Types one character at the cursor.
    pub fn insert(&mut self, c: char) {
        if c == '\n' && !self.multiline || (c.is_control() && c != '\n') {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Inserts pasted text; a one-line field gets its line breaks as spaces.
    pub fn paste(&mut self, pasted: &str) {
        let pasted = pasted.replace("\r\n", "\n").replace('\r', "\n");
        // Cleaned first and inserted once: a paste of a megabyte must not take a
        // character-by-character walk to the cursor for every character.
        let mut clean = String::with_capacity(pasted.len());
        let mut count = 0;
        for c in pasted.chars() {
            let c = if (c == '\n' && !self.multiline) || c == '\t' {
                ' '
            } else {
                c
            };
            if c.is_control() && c != '\n' {
                continue;
            }
            clean.push(c);
            count += 1;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += count;
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    /// To the start of the current line.
    pub fn home(&mut self) {
        let (line_start, _) = self.line_bounds(self.cursor);
        self.cursor = line_start;
    }

    /// To the end of the current line.
    pub fn end(&mut self) {
        let (_, line_end) = self.line_bounds(self.cursor);
        self.cursor = line_end;
    }

    /// Clears everything.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Up one line, keeping the column where it can; false on the first line.
    pub fn up(&mut self) -> bool {
        let (start, _) = self.line_bounds(self.cursor);
        if start == 0 {
            return false;
        }
        let column = self.cursor - start;
        let (prev_start, prev_end) = self.line_bounds(start - 1);
        self.cursor = (prev_start + column).min(prev_end);
        true
    }

    /// Down one line, keeping the column where it can; false on the last line.
    pub fn down(&mut self) -> bool {
        let (start, end) = self.line_bounds(self.cursor);
        if end >= self.text.chars().count() {
            return false;
        }
        let column = self.cursor - start;
        let (next_start, next_end) = self.line_bounds(end + 1);
        self.cursor = (next_start + column).min(next_end);
        true
    }

    /// The char indices where the line holding `at` starts and ends (before its '\n').
    fn line_bounds(&self, at: usize) -> (usize, usize) {
        let chars: Vec<char> = self.text.chars().collect();
        let at = at.min(chars.len());
        let start = chars[..at]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |i| i + 1);
        let end = chars[at..]
            .iter()
            .position(|c| *c == '\n')
            .map_or(chars.len(), |i| at + i);
        (start, end)
    }
}

/// Rows of styled cells, started anew at the break positions worked out beforehand.
struct Rows {
    rows: Vec<Line<'static>>,
    spans: Vec<Span<'static>>,
    run: String,
    style: Style,
}

impl Rows {
    fn flush(&mut self) {
        if !self.run.is_empty() {
            self.spans
                .push(Span::styled(std::mem::take(&mut self.run), self.style));
        }
    }

    fn break_row(&mut self) {
        self.flush();
        self.rows.push(Line::from(std::mem::take(&mut self.spans)));
    }
}

/// Where rows start (char indices) when `chars` are wrapped to `width` columns: at the
/// start of a word where the word fits, inside a word longer than the row where it must.
/// A line break starts a row; a space that overflows hangs at the end of its row.
fn breaks(chars: &[char], width: usize) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut start = 0;
    let mut used = 0;
    // Where the last word on this row began (just after a space).
    let mut word = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            breaks.push(i + 1);
            (start, used, word) = (i + 1, 0, None);
            continue;
        }
        let w = c.width().unwrap_or(0);
        if used + w > width && i > start {
            if c == ' ' {
                breaks.push(i + 1);
                (start, used, word) = (i + 1, 0, None);
                continue;
            }
            let at = word.filter(|at| *at > start).unwrap_or(i);
            breaks.push(at);
            used = chars[at..i].iter().map(|c| c.width().unwrap_or(0)).sum();
            (start, word) = (at, None);
        }
        used += w;
        if c == ' ' {
            word = Some(i + 1);
        }
    }
    breaks
}

/// A text field drawn in rows: see `TextInput::rows`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldRows {
    pub rows: Vec<Line<'static>>,
    /// The row the cursor is on.
    pub cursor: usize,
    /// Whether each row starts a line of the text (rather than continuing a long one).
    pub starts: Vec<bool>,
}

impl TextInput {
    /// The text broken into rows no wider than `width` display columns (long lines
    /// wrap between words), the cursor drawn as a styled cell when `focused`; with the
    /// row the cursor is on, so a box shorter than the text can scroll to it.
    pub fn rows(
        &self,
        width: usize,
        style: Style,
        cursor_style: Style,
        focused: bool,
    ) -> FieldRows {
        let chars: Vec<char> = self.text.chars().collect();
        let at_end = focused && self.cursor >= chars.len();
        let mut measured = chars.clone();
        if at_end {
            // The cursor after the text takes a column of its own.
            measured.push('_');
        }
        let mut next = breaks(&measured, width.max(1)).into_iter().peekable();
        let mut rows = Rows {
            rows: Vec::new(),
            spans: Vec::new(),
            run: String::new(),
            style,
        };
        let mut cursor_row = 0;
        let mut starts = vec![true];
        for (i, &c) in chars.iter().enumerate() {
            if next.next_if_eq(&i).is_some() {
                rows.break_row();
                starts.push(i > 0 && chars[i - 1] == '\n');
            }
            if focused && i == self.cursor {
                rows.flush();
                let shown = if c == '\n' { ' ' } else { c };
                rows.spans
                    .push(Span::styled(shown.to_string(), cursor_style));
                cursor_row = rows.rows.len();
            } else if c != '\n' {
                rows.run.push(c);
            }
        }
        if next.next_if_eq(&chars.len()).is_some() {
            rows.break_row();
            starts.push(chars.last() == Some(&'\n'));
        }
        if at_end {
            rows.flush();
            rows.spans.push(Span::styled(" ", cursor_style));
            cursor_row = rows.rows.len();
        }
        rows.break_row();
        FieldRows {
            rows: rows.rows,
            cursor: cursor_row,
            starts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_deleting_work_at_the_cursor() {
        let mut input = TextInput::single("acd");
        input.left();
        input.left();
        input.insert('b');
        assert_eq!(input.text(), "abcd");
        input.end();
        input.backspace();
        input.home();
        input.delete();
        assert_eq!(input.text(), "bc");
    }

    #[test]
    fn one_line_fields_turn_pasted_line_breaks_into_spaces() {
        let mut input = TextInput::single("");
        input.paste("a\r\nb\nc\td");
        assert_eq!(input.text(), "a b c d");
        input.insert('\n');
        assert_eq!(input.text(), "a b c d");
    }

    #[test]
    fn multi_line_fields_move_between_lines() {
        let mut input = TextInput::multi("");
        input.paste("first line\nab\nthird");
        assert!(input.up());
        assert!(input.up());
        assert!(!input.up());
        input.end();
        assert!(input.down());
        input.insert('!');
        assert_eq!(input.text(), "first line\nab!\nthird");
        assert!(input.down());
        assert!(!input.down());
    }

    #[test]
    fn non_ascii_text_is_edited_by_character() {
        let mut input = TextInput::single("Müller");
        input.backspace();
        input.left();
        input.backspace();
        assert_eq!(input.text(), "Müle");
        input.home();
        input.right();
        input.delete();
        assert_eq!(input.text(), "Mle");
    }

    #[test]
    fn long_lines_wrap_by_display_width_and_the_cursor_row_is_known() {
        let input = TextInput::multi("abcdef\n株式会社");
        let FieldRows { rows, cursor, .. } = input.rows(4, Style::new(), Style::new(), true);
        let text: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        // Four columns hold "abcd", or two wide characters; the cursor ends the text.
        assert_eq!(text, ["abcd", "ef", "株式", "会社", " "]);
        assert_eq!(cursor, 4);
        // Between words where a word fits.
        let input = TextInput::multi("under the desk too");
        let FieldRows { rows, starts, .. } = input.rows(10, Style::new(), Style::new(), false);
        assert_eq!(starts, [true, false]);
        let text: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        assert_eq!(text, ["under the ", "desk too"]);
        let mut input = TextInput::single("abcdef");
        input.home();
        let FieldRows { rows, cursor, .. } = input.rows(4, Style::new(), Style::new(), true);
        assert_eq!(rows.len(), 2);
        assert_eq!(cursor, 0);
    }

    #[test]
    fn the_cursor_is_drawn_where_it_is() {
        let mut input = TextInput::multi("ab\ncd");
        input.up();
        let reversed = Style::new().add_modifier(ratatui::style::Modifier::REVERSED);
        let FieldRows {
            rows,
            cursor,
            starts,
        } = input.rows(10, Style::new(), reversed, true);
        assert_eq!(starts, [true, true]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].to_string(), "ab ");
        assert_eq!(rows[1].to_string(), "cd");
        assert_eq!(cursor, 0);
        assert_eq!(rows[0].spans.last().map(|s| s.style), Some(reversed));
    }
}
