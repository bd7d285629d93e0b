//! Word wrapping and cutting by display width (columns, never characters), so drawing
//! and mouse hit-testing agree on which line holds what, and CJK, emoji and accented
//! text keep every column in line.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Characters terminals disagree about the width of: the joiner and variation selectors
/// of emoji sequences, and the controls of right-to-left text. Left out, each emoji and
/// letter is drawn on its own, as wide as every terminal thinks it is.
fn unsteady(c: char) -> bool {
    matches!(
        c,
        '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// The text without the characters whose width terminals disagree about.
pub fn steady(text: &str) -> Cow<'_, str> {
    if text.chars().any(unsteady) {
        Cow::Owned(text.chars().filter(|c| !unsteady(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The text broken into lines no wider than `width` columns, at spaces where it can be,
/// inside long words where it must. Existing line breaks are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = steady(text);
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split(' ') {
            let word_width = word.width();
            let gap = usize::from(!line.is_empty());
            if line_width + gap + word_width <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            for c in word.chars() {
                let w = c.width().unwrap_or(0);
                if line_width + w > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line);
    }
    lines
}

/// The text cut to `width` columns, ending in "…" when it was longer.
pub fn truncate(text: &str, width: usize) -> String {
    let text = steady(text);
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The text cut to `width` columns and padded with spaces to exactly `width` columns,
/// for columns of a table (`format!`'s padding counts characters, not columns).
pub fn pad(text: &str, width: usize) -> String {
    let mut cut = truncate(text, width);
    let used = cut.width();
    cut.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_keeps_breaks() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a\nb c", 10), ["a", "b c"]);
        assert_eq!(wrap("", 5), [""]);
    }

    #[test]
    fn splits_words_longer_than_the_line() {
        assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn counts_wide_characters_by_width() {
        assert_eq!(wrap("日本語テキスト", 6), ["日本語", "テキス", "ト"]);
    }

    #[test]
    fn emoji_sequences_and_right_to_left_marks_take_the_columns_they_show_in() {
        // A joined emoji is drawn as its parts; a right-to-left mark takes no room.
        assert_eq!(truncate("👩\u{200D}💻 Team", 20), "👩💻 Team");
        assert_eq!(truncate("👩\u{200D}💻 Team", 20).width(), 9);
        assert_eq!(truncate("\u{200F}שלום עולם", 5), "שלום…");
        assert_eq!(wrap("Café 東京の事務所", 9), ["Café", "東京の事", "務所"]);
    }

    #[test]
    fn padding_counts_columns() {
        assert_eq!(pad("株式会社", 10), "株式会社  ");
        assert_eq!(pad("Acme 株式会社", 8), "Acme 株…");
        assert_eq!(pad("株式会社", 6), "株式… ");
        assert_eq!(pad("Zoë", 5), "Zoë  ");
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Budget and total cost", 10), "Budget an…");
        assert_eq!(truncate("Goals", 10), "Goals");
        assert_eq!(truncate("Goals", 0), "");
    }
}
