//! Text from plans and questionnaires made safe for Markdown, escaping only what
//! Markdown (and GitHub's autolinks) would read: [`inline`] for one line, [`lines`] to
//! keep line breaks as hard breaks.

use crate::text_safety::visible;

/// Text made safe to put on one line (a heading, a table cell, a list item's first
/// line), escaping only what Markdown would read:
/// - the characters that are markup wherever they stand (`\\`, `` ` ``, `*`, `_`, `[`,
///   `]`, `<`, `|`, `~`) get a backslash; `&` only where it starts an entity (`&copy;`),
///   so "Hartley & Co" stays as it is;
/// - what is markup only at the start of a line (`# `, `>`, `- `, `+ `, `1. `, a rule or
///   a setext underline) is escaped there, and a run of `#` that would close a heading
///   at the end;
/// - what GitHub would turn into a link by itself (`http://x`, `www.x`, `a@b.c`) gets a
///   backslash before its `:`, `.` or `@`: it reads the same and stays text;
/// - control characters are shown visibly, and line breaks become spaces (a table
///   cell or a heading holds one line; see [`lines`] where a break can stay).
pub fn inline(text: &str) -> String {
    let kept = kept_lines(text);
    let count = kept.len();
    kept.iter()
        .enumerate()
        .map(|(index, line)| escaped(line, index == 0, index + 1 == count))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text's lines without their surrounding spaces, blank ones left out: Markdown
/// would end a paragraph at a blank line and drop the spaces anyway.
fn kept_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
}

/// Text made safe as [`inline`], keeping its line breaks as Markdown hard breaks (a
/// backslash at the end of the line) with `indent` before each following line, so a
/// multi-line note stays in its paragraph or list item: `"    "` in a nested list item,
/// `""` in a paragraph.
pub fn lines(text: &str, indent: &str) -> String {
    kept_lines(text)
        .into_iter()
        .map(|line| escaped(line, true, true))
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

/// One line escaped; `first` when it starts a Markdown line, `last` when it ends one.
fn escaped(line: &str, first: bool, last: bool) -> String {
    // Control characters are shown, never written raw (the file may be `cat`ed).
    let line = visible(line);
    let chars: Vec<char> = line.chars().collect();
    let marker = if first {
        line_start_marker(&chars)
    } else {
        usize::MAX
    };
    let closing = if last {
        closing_hashes(&chars)
    } else {
        usize::MAX
    };
    let mut out = String::with_capacity(line.len());
    for (at, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '@' => true,
            '&' => starts_entity(&chars[at + 1..]),
            ':' => chars[at + 1..].starts_with(&['/', '/']),
            '.' => {
                at >= 3
                    && chars[at - 3..at]
                        .iter()
                        .all(|w| w.eq_ignore_ascii_case(&'w'))
                    && (at == 3 || !chars[at - 4].is_alphanumeric())
            }
            '#' => at >= closing,
            _ => false,
        } || at == marker;
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where the text's first character is a block marker at the start of a line (a
/// heading's `#`, a quote's `>`, a list item's `-` or `+` or `1.`, a rule or a setext
/// underline of `-` or `=`): the position to escape, else past the end. `-250` and
/// `1.0.0` are no markers and stay as they are.
fn line_start_marker(chars: &[char]) -> usize {
    let spaced = |at: usize| chars.get(at).is_none_or(|c| matches!(c, ' ' | '\t'));
    let only = |mark: char| chars.iter().all(|c| *c == mark || *c == ' ');
    match chars.first() {
        Some('>') => 0,
        Some('#') if spaced(chars.iter().take_while(|c| **c == '#').count()) => 0,
        Some('-' | '+') if spaced(1) => 0,
        Some('-') if only('-') => 0,
        Some('=') if only('=') => 0,
        Some(c) if c.is_ascii_digit() => {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            match chars.get(digits) {
                Some('.' | ')') if digits <= 9 && spaced(digits + 1) => digits,
                _ => usize::MAX,
            }
        }
        _ => usize::MAX,
    }
}

/// Where a run of `#` at the end of the text begins, when a space comes before it (a
/// heading would drop it as its closing sequence), else past the end.
fn closing_hashes(chars: &[char]) -> usize {
    let run = chars.iter().rev().take_while(|c| **c == '#').count();
    let start = chars.len() - run;
    if run > 0 && start > 0 && chars[start - 1].is_whitespace() {
        start
    } else {
        usize::MAX
    }
}

/// Whether what follows an `&` reads as an entity or character reference (`amp;`,
/// `#169;`, `#x1F600;`).
fn starts_entity(after: &[char]) -> bool {
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && after.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::{inline, lines};

    #[test]
    fn only_what_markdown_would_read_is_escaped() {
        let cases = [
            ("Hartley & Co", "Hartley & Co"),
            ("Fish & Chips; Co.", "Fish & Chips; Co."),
            ("&copy; and &#169;", "\\&copy; and \\&#169;"),
            ("Acme & Sons <Ltd>", "Acme & Sons \\<Ltd>"),
            ("<script>x</script>", "\\<script>x\\</script>"),
            (
                "*bold* _it_ `code` ~del~",
                "\\*bold\\* \\_it\\_ \\`code\\` \\~del\\~",
            ),
            ("[link](x) ![img](y)", "\\[link\\](x) !\\[img\\](y)"),
            ("a | b \\ c", "a \\| b \\\\ c"),
            (
                "Isn't it? Yes! 50% (or so): fine.",
                "Isn't it? Yes! 50% (or so): fine.",
            ),
            ("# not a heading", "\\# not a heading"),
            ("issue #4 is fixed", "issue #4 is fixed"),
            ("closing ##", "closing \\#\\#"),
            ("> not a quote", "\\> not a quote"),
            ("a > b", "a > b"),
            ("- not a list", "\\- not a list"),
            ("+ nor this", "\\+ nor this"),
            ("===", "\\==="),
            ("2025. A year", "2025\\. A year"),
            ("1.0.0", "1.0.0"),
            ("-250 per month", "-250 per month"),
            ("#hashtag", "#hashtag"),
            ("---", "\\---"),
            ("3) three", "3\\) three"),
            ("2025 was fine", "2025 was fine"),
            ("first\n# second", "first # second"),
            ("a well-known fact", "a well-known fact"),
        ];
        for (raw, escaped) in cases {
            assert_eq!(inline(raw), escaped, "{raw:?}");
        }
    }

    #[test]
    fn a_note_keeps_its_lines_as_hard_breaks_and_each_line_is_escaped() {
        assert_eq!(
            lines("one\n# two\n- three", "    "),
            "one\\\n    \\# two\\\n    \\- three"
        );
        assert_eq!(lines("single", ""), "single");
        assert_eq!(lines("one\n\n  two  \n", ""), "one\\\ntwo");
        assert_eq!(inline("one\ntwo"), "one two");
    }

    #[test]
    fn nothing_becomes_a_link_by_itself() {
        let cases = [
            ("see http://example.com/x", "see http\\://example.com/x"),
            ("https://a.b", "https\\://a.b"),
            (
                "www.example.com and WWW.x.org",
                "www\\.example.com and WWW\\.x.org",
            ),
            ("mail sam@hartley.co", "mail sam\\@hartley.co"),
            ("a www. in a word: awww.", "a www\\. in a word: awww."),
            ("Note: ten to two", "Note: ten to two"),
        ];
        for (raw, escaped) in cases {
            assert_eq!(inline(raw), escaped, "{raw:?}");
        }
    }
}
