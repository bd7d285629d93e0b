//! The workshop's rows of the CSV report, after the gaps and the actions: a `verdict`
//! row when the verdict is provisional, a `disagreement` row per disputed question with
//! a `position` row per position, and `since` rows for what changed since last time.
//! Cells are set by column name, so the rows follow the columns wherever they stand.

use crate::report::Report;
use crate::report::csv::COLUMNS;

/// One row, in the order of [`COLUMNS`].
pub type Row = [String; COLUMNS.len()];

/// A row with these cells set by column name; the others empty.
fn row(cells: &[(&str, &str)]) -> Row {
    let mut row: Row = std::array::from_fn(|_| String::new());
    for (name, text) in cells {
        if let Some(at) = COLUMNS.iter().position(|c| c == name) {
            row[at] = (*text).to_string();
        }
    }
    row
}

/// Every workshop row of the report, in order.
pub fn rows(report: &Report) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(provisional) = &report.verdict.provisional {
        let level = report
            .verdict
            .level
            .as_ref()
            .map(|l| l.label.as_str())
            .unwrap_or("");
        let score = report
            .verdict
            .score
            .map(|s| format!("{s:.4}"))
            .unwrap_or_default();
        rows.push(row(&[
            ("kind", "verdict"),
            ("answer", level),
            ("score", score.trim_end_matches('0').trim_end_matches('.')),
            ("status", "provisional"),
            ("note", &provisional.sentence()),
        ]));
    }
    for item in &report.disagreements {
        let status = if item.agreed { "agreed" } else { "disputed" };
        rows.push(row(&[
            ("kind", "disagreement"),
            ("section", &item.section),
            ("question_id", &item.question_id),
            ("question", &item.question),
            ("answer", &item.answer),
            ("status", status),
            (
                "due",
                &item.agreed_on.map(|d| d.to_string()).unwrap_or_default(),
            ),
            ("note", item.note.as_deref().unwrap_or("")),
        ]));
        for position in &item.positions {
            rows.push(row(&[
                ("kind", "position"),
                ("question_id", &item.question_id),
                ("question", &item.question),
                ("owner", &position.participant),
                ("answer", &position.position),
                ("status", status),
            ]));
        }
    }
    if let Some(since) = &report.since_last_time {
        let then = since
            .then
            .as_ref()
            .map_or("not recorded".to_string(), |t| t.text());
        let verdict = format!("{then} → {}", since.now.text());
        let day = since.since.to_string();
        rows.push(row(&[
            ("kind", "since"),
            ("answer", &verdict),
            ("due", &day),
            ("status", "verdict"),
        ]));
        for (heading, items) in since.parts() {
            let status = heading.to_lowercase();
            for item in items {
                rows.push(row(&[
                    ("kind", "since"),
                    ("question_id", &item.question_id),
                    ("question", &item.question),
                    ("answer", &item.detail),
                    ("due", &day),
                    ("status", &status),
                ]));
            }
        }
    }
    rows
}
