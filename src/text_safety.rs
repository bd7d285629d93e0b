//! Text from files made safe to show: the one sanitiser every printed line goes through,
//! and the test that refuses names a terminal could be made to obey.
//!
//! A questionnaire or a plan is text someone else may have written. Printed as it is, an
//! escape sequence in it would set the terminal's title, clear the screen or hide what
//! follows, and a bidirectional override would make a line read other than it is. So:
//! - [`visible`] shows every control character as a visible stand-in (`␛` for escape,
//!   `<U+202E>` for an override), keeping only line endings (LF, CR LF) and tabs;
//! - [`visible_line`] does the same for text that must stay on one line (a name in a
//!   table), line breaks included;
//! - [`forbidden_char`] finds the first character a name or an id may not hold, so
//!   loading can refuse it with its place.

use std::borrow::Cow;

/// Whether the character is a bidirectional embedding, override or isolate
/// (U+202A to U+202E, U+2066 to U+2069): it reorders what is shown after it.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a terminal could act on the character instead of showing it: the C0 and C1
/// control characters, delete, and the bidirectional controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The first character in `text` a name or id may not hold (any control character or
/// bidirectional control), when there is one.
pub fn forbidden_char(text: &str) -> Option<char> {
    text.chars().find(|c| is_unsafe(*c))
}

/// The first character in longer text (a question, a note) that may not be there: as
/// [`forbidden_char`], but line breaks and tabs are allowed.
pub fn forbidden_in_prose(text: &str) -> Option<char> {
    text.chars()
        .find(|c| is_unsafe(*c) && !matches!(c, '\n' | '\t'))
}

/// How a forbidden character is named in a message: `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The text with every control character shown visibly; line endings (a line break, or
/// a carriage return right before one) and tabs are kept.
/// Text without any comes back as it is, without a copy.
pub fn visible(text: &str) -> Cow<'_, str> {
    shown(text, true)
}

/// The text with every control character shown visibly, line breaks and tabs too, so
/// that it stays on one line.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    shown(text, false)
}

fn shown(text: &str, keep_lines: bool) -> Cow<'_, str> {
    // A line ending (a line break, or carriage return and line break) and a tab are
    // kept where lines are; a lone carriage return could write over what was shown.
    let kept = |c: char, next: Option<&char>| {
        keep_lines && (matches!(c, '\n' | '\t') || (c == '\r' && next == Some(&'\n')))
    };
    let mut chars = text.chars().peekable();
    let mut out: Option<String> = None;
    let mut at = 0;
    while let Some(c) = chars.next() {
        let safe = !is_unsafe(c) || kept(c, chars.peek());
        match (&mut out, safe) {
            (Some(out), true) => out.push(c),
            (Some(out), false) => push_stand_in(out, c),
            (None, true) => {}
            (None, false) => {
                let mut copy = String::with_capacity(text.len() + 8);
                copy.push_str(&text[..at]);
                push_stand_in(&mut copy, c);
                out = Some(copy);
            }
        }
        at += c.len_utf8();
    }
    out.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// A C0 control as its Unicode control picture (escape is `␛`), delete as `␡`, anything
/// else as `<U+XXXX>`.
fn push_stand_in(out: &mut String, c: char) {
    let code = u32::from(c);
    let picture = match code {
        0x00..=0x1F => char::from_u32(0x2400 + code),
        0x7F => Some('\u{2421}'),
        _ => None,
    };
    match picture {
        Some(picture) => out.push(picture),
        None => {
            out.push('<');
            out.push_str(&code_point(c));
            out.push('>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_and_never_left_raw() {
        let cases = [
            ("plain text", "plain text"),
            ("\u{1b}]0;owned\u{7}title", "␛]0;owned␇title"),
            ("clear\u{1b}[2J", "clear␛[2J"),
            ("c1 \u{9b}2J", "c1 <U+009B>2J"),
            ("del\u{7f}", "del␡"),
            ("abc\u{202e}fed", "abc<U+202E>fed"),
            ("isolate\u{2066}x\u{2069}", "isolate<U+2066>x<U+2069>"),
            ("back\roverwritten", "back␍overwritten"),
            ("windows\r\nline", "windows\r\nline"),
            ("lone\r", "lone␍"),
            ("two\nlines\tand a tab", "two\nlines\tand a tab"),
            ("café 漢字", "café 漢字"),
        ];
        for (raw, shown) in cases {
            assert_eq!(visible(raw), shown, "{raw:?}");
            assert!(!visible(raw).contains('\u{1b}'));
        }
        assert_eq!(visible_line("two\nlines\tx"), "two␊lines␉x");
        assert_eq!(visible_line("a\r\nb"), "a␍␊b");
        assert!(matches!(visible("nothing to do"), Cow::Borrowed(_)));
    }

    #[test]
    fn names_may_hold_no_control_and_prose_only_line_breaks_and_tabs() {
        assert_eq!(forbidden_char("Acme"), None);
        assert_eq!(forbidden_char("Ac\u{1b}me"), Some('\u{1b}'));
        assert_eq!(forbidden_char("a\nb"), Some('\n'));
        assert_eq!(forbidden_char("x\u{2067}"), Some('\u{2067}'));
        assert_eq!(forbidden_in_prose("line one\nline two\tend"), None);
        assert_eq!(forbidden_in_prose("bell\u{7}"), Some('\u{7}'));
        assert_eq!(forbidden_in_prose("\u{202a}"), Some('\u{202a}'));
        assert_eq!(code_point('\u{1b}'), "U+001B");
    }
}
