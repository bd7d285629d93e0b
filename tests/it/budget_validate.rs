//! One broken budget questionnaire per defect a calculated figure can have: each gives
//! exactly its problem, at its path and line; the budget fixture itself gives none.
#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

use std::path::Path;

use outready::questionnaire::load::load_file;

const FOLDER: &str = "tests/fixtures/questionnaires/figures";

#[test]
fn the_budget_fixture_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FOLDER)
        .join("budget.json");
    if let Err(problems) = load_file(&path) {
        let listing: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{}", listing.join("\n"));
    }
}

#[test]
fn each_expression_defect_is_reported_once_where_it_is() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "unknown-id.json",
            "sections[0].calculated[0].expr.mul[1]",
            "\"user\" is neither a question nor a calculated figure",
        ),
        (
            "mixed-units.json",
            "sections[0].calculated[4].expr.sum[1]",
            "mixed units: \"sum\" joins money with percent",
        ),
        (
            "unit-not-the-expressions.json",
            "sections[0].calculated[4].unit",
            "says its unit is percent, but its expression gives money",
        ),
        (
            "cycle.json",
            "sections[0].calculated[0].expr",
            "depends on itself (monthly-fee → committed → monthly-fee)",
        ),
        (
            "division-unguarded.json",
            "sections[0].calculated[5].expr.div[1]",
            "a division by \"today\", which can be zero",
        ),
        (
            "question-without-number.json",
            "sections[0].calculated[4].expr.mul[0]",
            "\"compared\" is a yes_no question",
        ),
        (
            "placeholder-unknown.json",
            "sections[0].questions[6].recommendations[0].text",
            "{reserve-part} names no calculated figure",
        ),
        (
            "score-by-unknown.json",
            "sections[0].questions[6].score_by",
            "\"reserve-part\", which is not a calculated figure",
        ),
        (
            "figure-id-of-a-question.json",
            "sections[0].calculated[0].id",
            "figure id \"fee\" is already a question's",
        ),
        (
            "figure-compared-with-text.json",
            "sections[0].questions[5].show_if.gt",
            "figure \"year-one\" is a number",
        ),
        (
            "compare-with-a-percent.json",
            "sections[0].calculated[3].compare_with",
            "both must be money figures",
        ),
    ];
    let mut failures = Vec::new();
    for (name, path, words) in cases {
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(FOLDER)
            .join("invalid")
            .join(name);
        let problems = match load_file(&file) {
            Ok(_) => {
                failures.push(format!("{name}: loaded without problems"));
                continue;
            }
            Err(problems) => problems,
        };
        let listing: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let one = problems.len() == 1
            && problems[0].path == *path
            && problems[0].message.contains(words)
            && problems[0].line.is_some();
        if !one {
            failures.push(format!(
                "{name}: wanted one problem at {path} saying {words:?}, found:\n  {}",
                listing.join("\n  ")
            ));
        }
    }
    // Every fixture in the folder is one of the cases, so none goes untested.
    let on_disk = std::fs::read_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(FOLDER)
            .join("invalid"),
    )
    .unwrap();
    for entry in on_disk {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if !cases.iter().any(|(n, _, _)| *n == name) {
            failures.push(format!("{name}: a fixture without a case"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
