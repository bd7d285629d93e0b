//! The report as CSV for a spreadsheet: one row per gap recommendation, one per action
//! and one per calculated figure, with the stable columns of [`COLUMNS`] (documented in
//! `docs/report-formats.md`). Written with the `csv` crate, so commas, quotes and line
//! breaks in notes survive. Every cell passes [`cell`]: a spreadsheet never reads one as
//! a formula, and no raw control character reaches the file.

use super::budget::BudgetFigure;
use super::rows::recommendation_cells;
use super::text::{effort_label, impact_label, owner_label};
use super::{ActionItem, GapItem, RecommendationItem, RenderError, Report};
use crate::text_safety::visible;

/// The columns, in order. New columns are only ever added at the end.
pub const COLUMNS: [&str; 21] = [
    "kind",
    "rank",
    "section",
    "question_id",
    "question",
    "answer",
    "score",
    "blocker",
    "critical",
    "recommendation_id",
    "recommendation",
    "effort",
    "impact",
    "party",
    "owner",
    "due",
    "status",
    "note",
    "source",
    "value",
    "unit",
];

/// The byte order mark that tells Excel the file is UTF-8 (without it, accents and
/// dashes come out garbled); LibreOffice, Numbers and the `csv` crate skip it.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The report as CSV text: a byte order mark, a header row, then the rows, each ended
/// by CR LF as RFC 4180 asks.
pub fn render(report: &Report) -> Result<String, RenderError> {
    let gap_rows = report.gaps.iter().flat_map(|gap| {
        let without = gap.recommendations.is_empty().then(|| gap_row(gap, None));
        without.into_iter().chain(
            gap.recommendations
                .iter()
                .map(move |recommendation| gap_row(gap, Some(recommendation))),
        )
    });
    let action_rows = report
        .actions
        .iter()
        .enumerate()
        .map(|(index, action)| action_row(index + 1, action));
    let figure_rows = report
        .budget
        .iter()
        .flat_map(|b| &b.figures)
        .enumerate()
        .map(|(index, figure)| figure_row(index + 1, figure));
    let workshop_rows = super::workshop::csv::rows(report);
    Ok(write_rows(
        &COLUMNS,
        gap_rows
            .chain(action_rows)
            .chain(figure_rows)
            .chain(workshop_rows),
    )?)
}

/// CSV text in this dialect, for the report and any other listing: a byte order mark, a
/// header row of `columns`, then the rows with every cell passed through [`cell`], each
/// row ended by CR LF.
pub fn write_rows<const N: usize>(
    columns: &[&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<String, ::csv::Error> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(BYTE_ORDER_MARK.as_bytes().to_vec());
    writer.write_record(columns)?;
    for row in rows {
        writer.write_record(row.iter().map(|c| cell(c).into_owned()))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A cell as it is written. Control characters are shown visibly (line breaks and tabs
/// kept), and a cell a spreadsheet would take for a formula (one starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return, even after spaces) gets a leading apostrophe,
/// as OWASP's CSV injection guidance says: Excel, LibreOffice and Gnumeric then show it
/// as text. A plain number (`-250`, `0.5`) is no formula and stays a number.
pub fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    let shown = visible(text);
    let trimmed = shown.trim_start_matches(' ');
    let risky =
        shown.starts_with(['\t', '\r']) || trimmed.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(&shown) {
        std::borrow::Cow::Owned(format!("'{shown}"))
    } else {
        shown
    }
}

/// `-12`, `3.5`, `-7%`: digits with an optional minus sign, decimal part and percent
/// sign, nothing else.
fn is_plain_number(text: &str) -> bool {
    let text = text.strip_suffix('%').unwrap_or(text);
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_string()
}

/// A score for a spreadsheet: a fraction from 0 to 1, at most four decimals.
fn score(score: Option<f64>) -> String {
    score.map_or_else(String::new, |s| {
        let text = format!("{s:.4}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    })
}

fn gap_row(gap: &GapItem, recommendation: Option<&RecommendationItem>) -> [String; 21] {
    // The owner cell of the shared words may name a person; CSV has a column for each.
    let [text, effort, impact, _, due] =
        recommendation.map(recommendation_cells).unwrap_or_default();
    [
        "gap".to_string(),
        gap.rank.to_string(),
        gap.section.clone(),
        gap.question_id.clone(),
        gap.question.clone(),
        gap.answer.to_string(),
        score(gap.score),
        yes_no(gap.blocker),
        yes_no(gap.critical),
        recommendation.map(|r| r.id.clone()).unwrap_or_default(),
        text,
        effort,
        impact,
        recommendation
            .map(|r| owner_label(r.owner).to_string())
            .unwrap_or_default(),
        recommendation
            .and_then(|r| r.person.clone())
            .unwrap_or_default(),
        due,
        String::new(),
        gap.note.clone().unwrap_or_default(),
        gap.source.clone(),
        String::new(),
        String::new(),
    ]
}

fn action_row(rank: usize, action: &ActionItem) -> [String; 21] {
    [
        "action".to_string(),
        rank.to_string(),
        action.section.clone(),
        action.question_id.clone(),
        action.question.clone(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        action.recommendation_id.clone(),
        action.text.clone(),
        action
            .effort
            .map(|e| effort_label(e).to_string())
            .unwrap_or_default(),
        action
            .impact
            .map(|i| impact_label(i).to_string())
            .unwrap_or_default(),
        action
            .party
            .map(|p| owner_label(p).to_string())
            .unwrap_or_default(),
        action.owner.clone().unwrap_or_default(),
        action.due.map(|d| d.to_string()).unwrap_or_default(),
        action.status.label().to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// A calculated figure: its label as the question, the value as shown in `answer`, how
/// it was reached and what it still needs in `note`, and the exact value (a point for
/// decimals, empty while not known) with its unit.
fn figure_row(rank: usize, figure: &BudgetFigure) -> [String; 21] {
    let still = figure.still_needed();
    let note = if still.is_empty() {
        figure.how.clone()
    } else {
        format!("{} (still needed: {still})", figure.how)
    };
    [
        "figure".to_string(),
        rank.to_string(),
        figure.section.clone(),
        figure.id.clone(),
        figure.label.clone(),
        figure.shown.clone(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        note,
        String::new(),
        figure.value.clone().unwrap_or_default(),
        figure.unit.name().to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"click\")",
                "'=HYPERLINK(\"http://x\",\"click\")",
            ),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1+1", "'\t=1+1"),
            ("  =1+1", "'  =1+1"),
            ("-500 per month", "'-500 per month"),
            ("-250", "-250"),
            ("-12.5", "-12.5"),
            ("-7%", "-7%"),
            ("-%", "'-%"),
            ("0.25", "0.25"),
            ("Sam Patel", "Sam Patel"),
            ("a = b", "a = b"),
            ("", ""),
            ("\u{1b}[2Jnote", "␛[2Jnote"),
            ("\r=1+1", "␍=1+1"),
        ];
        for (raw, written) in cases {
            assert_eq!(cell(raw), written, "{raw:?}");
        }
    }
}
