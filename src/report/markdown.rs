//! The report as GitHub-flavoured Markdown: headings, tables that render, and the
//! checklist as `- [ ]` / `- [x]`. Every piece of text from a plan or a questionnaire
//! goes through [`inline`] or [`lines`], so a note can never turn into markup or a
//! link, and the file passes markdownlint (line length aside).

use std::fmt::{self, Write};

use super::rows::{self, Column, Holds, Part, Quotes, Tag};
use super::text::percent_or_dash;
use super::{ProviderQuestionSource, Report};
use crate::text_safety::visible;

/// The report as Markdown.
pub fn render(report: &Report) -> Result<String, fmt::Error> {
    let mut out = String::new();
    header(&mut out, report)?;
    verdict(&mut out, report)?;
    sections(&mut out, report)?;
    checklist(&mut out, report)?;
    gaps(&mut out, report)?;
    actions(&mut out, report)?;
    provider_questions(&mut out, report)?;
    discuss_later(&mut out, report)?;
    kept_answers(&mut out, report)?;
    // One line break at the end, however the last part ended (markdownlint MD012).
    out.truncate(out.trim_end().len());
    out.push('\n');
    Ok(out)
}

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

fn header(out: &mut String, report: &Report) -> fmt::Result {
    writeln!(out, "# Readiness report: {}", inline(&report.plan.name))?;
    writeln!(out)?;
    writeln!(
        out,
        "{} (version {}) · plan started {} · last changed {}",
        inline(&report.questionnaire.title),
        inline(&report.questionnaire.version),
        report.plan.date,
        report.plan.last_changed
    )?;
    writeln!(out)
}

fn verdict(out: &mut String, report: &Report) -> fmt::Result {
    let verdict = &report.verdict;
    let label = verdict
        .level
        .as_ref()
        .map_or("no verdict yet".to_string(), |l| inline(&l.label));
    writeln!(out, "## Verdict: {label}")?;
    writeln!(out)?;
    writeln!(
        out,
        "**Overall readiness: {}** · {}",
        percent_or_dash(verdict.score),
        verdict.counts.summary()
    )?;
    writeln!(out)?;
    if let Some(level) = verdict.level.as_ref().filter(|l| !l.description.is_empty()) {
        writeln!(out, "> {}", lines(&level.description, "> "))?;
        writeln!(out)?;
    }
    write!(out, "{}", lines(&verdict.why, ""))?;
    if let Some(lift) = &verdict.lift {
        write!(out, " {}", lines(&lift.sentence, ""))?;
    }
    writeln!(out)?;
    writeln!(out)?;
    if !verdict.holds.is_empty() {
        writeln!(out, "### {}", rows::HOLDS)?;
        writeln!(out)?;
        let (listed, more) = verdict.listed_holds();
        for hold in listed {
            writeln!(
                out,
                "- **{}**: {} ({}) · answer: {}",
                hold.reason.label(),
                inline(&hold.question),
                inline(&hold.section),
                inline(&hold.answer)
            )?;
        }
        if more > 0 {
            writeln!(out, "- {}", rows::more_holds(more))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn sections(out: &mut String, report: &Report) -> fmt::Result {
    if report.sections.is_empty() {
        return Ok(());
    }
    writeln!(out, "### {}", rows::SECTIONS)?;
    writeln!(out)?;
    let cells = report.sections.iter().map(|section| {
        rows::section_cells(section)
            .each_ref()
            .map(|cell| inline(cell))
    });
    table(out, &rows::SECTION_COLUMNS, cells)
}

fn checklist(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(out, &rows::CHECKLIST, report.checklist.is_empty())?;
    for section in &report.checklist {
        writeln!(out, "### {} {}", inline(&section.title), rows::met(section))?;
        writeln!(out)?;
        for item in &section.items {
            let mark = if item.met { "x" } else { " " };
            writeln!(
                out,
                "- [{mark}] {} · *{}*{}",
                inline(&item.question),
                inline(&item.answer),
                tags_after(&rows::checklist_tags(item))
            )?;
            if let Some(note) = &item.note {
                writeln!(out, "  - Note: {}", lines(note, "    "))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn gaps(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(out, &rows::GAPS, report.gaps.is_empty())?;
    for gap in &report.gaps {
        writeln!(out, "### {}. {}", gap.rank, inline(&gap.question))?;
        writeln!(out)?;
        let mut facts: Vec<String> = rows::gap_tags(gap)
            .into_iter()
            .map(|tag| format!("**{}**", tag.label()))
            .collect();
        facts.push(inline(&gap.section));
        facts.push(format!("answer: {}", inline(&gap.answer)));
        facts.push(format!("score: {}", percent_or_dash(gap.score)));
        writeln!(out, "{}", facts.join(" · "))?;
        writeln!(out)?;
        if !gap.why.is_empty() {
            writeln!(out, "Why it matters: {}", lines(&gap.why, ""))?;
            writeln!(out)?;
        }
        if let Some(note) = &gap.note {
            writeln!(out, "Note: {}", lines(note, ""))?;
            writeln!(out)?;
        }
        if gap.recommendations.is_empty() {
            writeln!(out, "{}", rows::NO_RECOMMENDATION)?;
            writeln!(out)?;
            continue;
        }
        let cells = gap.recommendations.iter().map(|r| {
            let mut cells = rows::recommendation_cells(r)
                .each_ref()
                .map(|cell| inline(cell));
            cells[0].push_str(&tags_after(&rows::recommendation_tags(r)));
            cells
        });
        table(out, &rows::RECOMMENDATION_COLUMNS, cells)?;
    }
    Ok(())
}

/// The action plan's columns here: whether it is done first, and the question last.
const ACTION_COLUMNS: [Column; 6] = {
    let [action, owner, due, status] = rows::ACTION_COLUMNS;
    [
        Column::words("Done"),
        action,
        owner,
        due,
        status,
        Column::words("For the question"),
    ]
};

fn actions(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(out, &rows::ACTIONS, report.actions.is_empty())?;
    if report.actions.is_empty() {
        return Ok(());
    }
    let cells = report.actions.iter().map(|action| {
        let row = rows::action_row(action);
        let party = row
            .party
            .map(|party| format!(" ({party})"))
            .unwrap_or_default();
        [
            if row.done { "✓" } else { "" }.to_string(),
            inline(row.text),
            format!("{}{party}", inline(row.owner)),
            row.due,
            row.status.to_string(),
            inline(row.question),
        ]
    });
    table(out, &ACTION_COLUMNS, cells)
}

fn provider_questions(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(
        out,
        &rows::PROVIDER_QUESTIONS,
        report.provider_questions.is_empty(),
    )?;
    for group in rows::ask_groups(report, Quotes::Straight) {
        writeln!(out, "### {}", group.heading)?;
        writeln!(out)?;
        for (n, item) in group.items.iter().enumerate() {
            let about = match group.source {
                ProviderQuestionSource::ProviderGap => format!("about: {}", inline(&item.question)),
                ProviderQuestionSource::Unsure => inline(&item.section),
            };
            writeln!(out, "{}. {} *({about})*", n + 1, inline(&item.ask))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn discuss_later(out: &mut String, report: &Report) -> fmt::Result {
    part_heading(out, &rows::DISCUSS_LATER, report.discuss_later.is_empty())?;
    if report.discuss_later.is_empty() {
        return Ok(());
    }
    for item in &report.discuss_later {
        writeln!(
            out,
            "- **{}** ({}) · answer: {}",
            inline(&item.question),
            inline(&item.section),
            inline(&item.answer)
        )?;
        if let Some(note) = &item.note {
            writeln!(out, "  - Note: {}", lines(note, "    "))?;
        }
    }
    writeln!(out)
}

fn kept_answers(out: &mut String, report: &Report) -> fmt::Result {
    if report.kept_answers.is_empty() {
        return Ok(());
    }
    writeln!(out, "## {}", rows::KEPT_ANSWERS)?;
    writeln!(out)?;
    writeln!(out, "{}", rows::KEPT_ANSWERS_ABOUT)?;
    writeln!(out)?;
    let cells = report
        .kept_answers
        .iter()
        .map(|kept| rows::kept_cells(kept).map(inline));
    table(out, &rows::KEPT_COLUMNS, cells)
}

/// A part's heading, and what it says in place of its list when `empty`.
fn part_heading(out: &mut String, part: &Part, empty: bool) -> fmt::Result {
    writeln!(out, "## {}", part.heading)?;
    writeln!(out)?;
    if empty {
        writeln!(out, "{}", part.empty)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Tags after an item, in brackets: " (**blocker**, discuss later)"; nothing without tags.
fn tags_after(tags: &[Tag]) -> String {
    if tags.is_empty() {
        return String::new();
    }
    let words: Vec<String> = tags
        .iter()
        .map(|&tag| {
            let word = tag.label().to_lowercase();
            if tag == Tag::Blocker {
                format!("**{word}**")
            } else {
                word
            }
        })
        .collect();
    format!(" ({})", words.join(", "))
}

/// A table with a blank line after it: the header, the alignment row (figures to the
/// right), then a line per row of cells already made safe.
fn table<const N: usize>(
    out: &mut String,
    columns: &[Column; N],
    rows: impl Iterator<Item = [String; N]>,
) -> fmt::Result {
    let names = columns.map(|column| column.name);
    let aligns = columns.map(|column| match column.holds {
        Holds::Figures => "---:",
        Holds::Words | Holds::Date => "---",
    });
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "| {} |", aligns.join(" | "))?;
    for cells in rows {
        // An empty cell is one space, as markdownlint's compact table style wants.
        let padded = cells.map(|cell| {
            if cell.is_empty() {
                " ".to_string()
            } else {
                format!(" {cell} ")
            }
        });
        writeln!(out, "|{}|", padded.join("|"))?;
    }
    writeln!(out)
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
