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

/// Rows of styled cells being filled up to a width, for `TextInput::rows`.
struct Rows {
    width: usize,
    rows: Vec<Line<'static>>,
    spans: Vec<Span<'static>>,
    run: String,
    used: usize,
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
        self.used = 0;
    }

    /// Makes room for a cell this wide, starting a new row when the row is full.
    fn room(&mut self, width: usize) {
        if self.used + width > self.width && self.used > 0 {
            self.break_row();
        }
        self.used += width;
    }

    fn push(&mut self, c: char) {
        self.room(c.width().unwrap_or(0));
        self.run.push(c);
    }

    fn push_cursor(&mut self, c: char, style: Style) {
        self.room(c.width().unwrap_or(1).max(1));
        self.flush();
        self.spans.push(Span::styled(c.to_string(), style));
    }
}

impl TextInput {
    /// The text broken into rows no wider than `width` display columns (long lines
    /// wrap), the cursor drawn as a styled cell when `focused`; and the row the cursor
    /// is on, so a box shorter than the text can scroll to it.
    pub fn rows(
        &self,
        width: usize,
        style: Style,
        cursor_style: Style,
        focused: bool,
    ) -> (Vec<Line<'static>>, usize) {
        let mut rows = Rows {
            width: width.max(1),
            rows: Vec::new(),
            spans: Vec::new(),
            run: String::new(),
            used: 0,
            style,
        };
        let mut cursor_row = 0;
        for (i, c) in self.text.chars().enumerate() {
            let at_cursor = focused && i == self.cursor;
            if at_cursor {
                rows.push_cursor(if c == '\n' { ' ' } else { c }, cursor_style);
                cursor_row = rows.rows.len();
            }
            if c == '\n' {
                rows.break_row();
            } else if !at_cursor {
                rows.push(c);
            }
        }
        if focused && self.cursor >= self.text.chars().count() {
            rows.push_cursor(' ', cursor_style);
            cursor_row = rows.rows.len();
        }
        rows.break_row();
        (rows.rows, cursor_row)
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
        let (rows, cursor) = input.rows(4, Style::new(), Style::new(), true);
        let text: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        // Four columns hold "abcd", or two wide characters; the cursor ends the text.
        assert_eq!(text, ["abcd", "ef", "株式", "会社", " "]);
        assert_eq!(cursor, 4);
        let mut input = TextInput::single("abcdef");
        input.home();
        let (rows, cursor) = input.rows(4, Style::new(), Style::new(), true);
        assert_eq!(rows.len(), 2);
        assert_eq!(cursor, 0);
    }

    #[test]
    fn the_cursor_is_drawn_where_it_is() {
        let mut input = TextInput::multi("ab\ncd");
        input.up();
        let reversed = Style::new().add_modifier(ratatui::style::Modifier::REVERSED);
        let (rows, cursor) = input.rows(10, Style::new(), reversed, true);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].to_string(), "ab ");
        assert_eq!(rows[1].to_string(), "cd");
        assert_eq!(cursor, 0);
        assert_eq!(rows[0].spans.last().map(|s| s.style), Some(reversed));
    }
}
