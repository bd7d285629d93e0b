//! Every broken questionnaire fixture gives exactly its problems, each at its path and
//! line; the valid fixtures give none.

use std::path::{Path, PathBuf};

use outready::questionnaire::Problem;
use outready::questionnaire::load::load_file;

const INVALID: &str = "tests/fixtures/questionnaires/invalid";
const VALID: &str = "tests/fixtures/questionnaires/valid";

/// (line, path, part of the message) of one expected problem.
type Expected = (usize, &'static str, &'static str);

fn problems_in(name: &str) -> Vec<Problem> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(INVALID)
        .join(name);
    match load_file(&path) {
        Ok(_) => panic!("{name} loaded without problems"),
        Err(problems) => problems,
    }
}

fn assert_problems(name: &str, expected: &[Expected]) {
    let found = problems_in(name);
    let listing = found
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        found.len(),
        expected.len(),
        "{name}: expected {} problems, found:\n{listing}",
        expected.len()
    );
    for (problem, (line, path, part)) in found.iter().zip(expected) {
        assert_eq!(
            (problem.line, problem.path.as_str()),
            (Some(*line), *path),
            "{name}: found:\n{listing}"
        );
        assert!(
            problem.message.contains(part),
            "{name}: {:?} lacks {part:?}",
            problem.message
        );
        assert!(problem.column.is_some(), "{name}: no column in {problem}");
        assert!(
            problem.file.ends_with(name),
            "{name}: file is {}",
            problem.file
        );
    }
}

#[test]
fn each_fixture_gives_exactly_its_one_problem() {
    let cases: &[(&str, Expected)] = &[
        (
            "duplicate-section-id.json",
            (145, "sections[2].id", "section id \"goals\" is used twice"),
        ),
        (
            "duplicate-question-id.json",
            (
                225,
                "sections[2].questions[4].id",
                "question id \"cost-notes\" is used twice (first at sections[2].questions[3])",
            ),
        ),
        (
            "duplicate-option-value.json",
            (
                120,
                "sections[1].questions[2].options[1].value",
                "has the option value \"cost\" twice",
            ),
        ),
        (
            "duplicate-recommendation-id.json",
            (
                189,
                "sections[2].questions[1].recommendations[0].id",
                "recommendation id \"set-budget\" is used twice",
            ),
        ),
        (
            "duplicate-level-id.json",
            (10, "levels[2].id", "level id \"foundations\" is used twice"),
        ),
        (
            "unknown-question-in-condition.json",
            (
                204,
                "sections[2].questions[2].show_if.question",
                "names question \"personal_data\", which does not exist: did you mean \
                 \"personal-data\"?",
            ),
        ),
        (
            "unknown-option-in-condition.json",
            (
                185,
                "sections[2].questions[1].show_if.contains",
                "question \"outsourced\" has no option \"helpdesk\"",
            ),
        ),
        (
            "condition-value-wrong-kind.json",
            (
                95,
                "sections[1].questions[1].recommendations[0].when.lte",
                "question \"outcomes\" is answered with an option value, so a number never \
                 matches it",
            ),
        ),
        (
            "order-test-on-unordered-question.json",
            (
                204,
                "sections[2].questions[2].show_if.gte",
                "\"gte\" compares order, which the yes_no question \"personal-data\" does not \
                 have",
            ),
        ),
        (
            "contains-on-single-question.json",
            (
                140,
                "sections[1].questions[3].show_if.contains",
                "\"contains\" works only on multi questions, and \"reason\" is single",
            ),
        ),
        (
            "invalid-date-in-condition.json",
            (
                226,
                "sections[2].questions[4].show_if.lt",
                "\"2025-02-30\" is not a real date",
            ),
        ),
        (
            "impossible-state-in-condition.json",
            (
                226,
                "sections[2].questions[4].show_if.state",
                "question \"staff\" does not allow \"I don't know yet\"",
            ),
        ),
        (
            "two-operators-in-condition.json",
            (
                204,
                "sections[2].questions[2].show_if",
                "more than one operator (eq, ne)",
            ),
        ),
        (
            "condition-cycle.json",
            (
                220,
                "sections[2].questions[3].show_if",
                "questions \"cost-notes\" → \"budget-owner\" → \"cost-notes\" decide each \
                 other's visibility in a loop",
            ),
        ),
        (
            "section-condition-reads-own-question.json",
            (
                148,
                "sections[2].show_if.question",
                "section \"money\" shows only after question \"budget\" is answered, but \
                 \"budget\" is inside that section",
            ),
        ),
        (
            "score-out-of-range.json",
            (
                120,
                "sections[1].questions[2].options[1].score",
                "option \"both\" of question \"reason\" scores 8, outside 0 to 1",
            ),
        ),
        (
            "score-band-out-of-range.json",
            (
                182,
                "sections[2].questions[1].score_bands[1].score",
                "a score band of question \"contingency\" scores 50, outside 0 to 1",
            ),
        ),
        (
            "negative-weight.json",
            (
                90,
                "sections[1].questions[1].weight",
                "question \"outcomes\" has weight -2",
            ),
        ),
        (
            "choice-without-options.json",
            (
                224,
                "sections[2].questions[4].options",
                "question \"budget-owner\" is a single question without options",
            ),
        ),
        (
            "yes-no-options-not-yes-no.json",
            (
                35,
                "sections[0].questions[1].options",
                "must be exactly \"yes\" and \"no\" (not \"yes\", \"nope\")",
            ),
        ),
        (
            "options-on-number-question.json",
            (
                27,
                "sections[0].questions[0].options",
                "question \"staff\" is a number question, which takes no options",
            ),
        ),
        (
            "score-bands-on-text-question.json",
            (
                226,
                "sections[2].questions[4].score_bands",
                "is a text question, so score bands never apply",
            ),
        ),
        (
            "some-options-unscored.json",
            (
                118,
                "sections[1].questions[2].options",
                "question \"reason\" scores some options but not \"cost\"",
            ),
        ),
        (
            "scale-scores-going-down.json",
            (
                87,
                "sections[1].questions[1].options[3].score",
                "lists options worst first, but \"3\" scores less than \"2\" above it",
            ),
        ),
        (
            "min-above-max.json",
            (
                25,
                "sections[0].questions[0].min",
                "accepts numbers from 5000 to 1000, which is none",
            ),
        ),
        (
            "empty-score-band.json",
            (
                182,
                "sections[2].questions[1].score_bands[1]",
                "runs from 10 up to 5, which holds no number",
            ),
        ),
        (
            "critical-without-recommendation.json",
            (
                205,
                "sections[2].questions[2].critical",
                "question \"dpa\" is critical but has no recommendation",
            ),
        ),
        (
            "critical-without-score.json",
            (
                34,
                "sections[0].questions[1].critical",
                "question \"personal-data\" is critical but its answers carry no score",
            ),
        ),
        (
            "recommendation-never-applies.json",
            (
                34,
                "sections[0].questions[1].recommendations[0]",
                "recommendation \"find-out\" applies when question \"personal-data\" scores \
                 below 1, but that question carries no score",
            ),
        ),
        (
            "no-levels.json",
            (7, "levels", "there are no readiness levels"),
        ),
        (
            "levels-not-ascending.json",
            (
                10,
                "levels[2].min",
                "level \"nearly\" starts at 0.3, not above the level before it",
            ),
        ),
        (
            "level-out-of-range.json",
            (
                11,
                "levels[3].min",
                "level \"ready\" starts at 90, outside 0 to 1",
            ),
        ),
        (
            "first-level-above-zero.json",
            (
                8,
                "levels[0].min",
                "the first level \"not-ready\" starts at 0.2, so scores below 0.2 reach no level",
            ),
        ),
        (
            "empty-question-text.json",
            (
                23,
                "sections[0].questions[0].text",
                "question \"staff\" has no text",
            ),
        ),
        (
            "empty-id.json",
            (21, "sections[0].questions[0].id", "this question has no id"),
        ),
        (
            "section-without-questions.json",
            (
                232,
                "sections[3].questions",
                "section \"extra\" has no questions",
            ),
        ),
        (
            "version-not-semver.json",
            (4, "version", "version \"1.0\" is not MAJOR.MINOR.PATCH"),
        ),
        (
            "format-version-unknown.json",
            (2, "format_version", "format_version 2 is not known"),
        ),
        (
            "syntax-error.json",
            (67, "", "not valid JSON: expected `,` or `}`"),
        ),
        (
            "wrong-type.json",
            (
                90,
                "sections[1].questions[1].weight",
                "invalid type: string \"heavy\", expected a number",
            ),
        ),
        (
            "unknown-field.json",
            (
                24,
                "sections[0].questions[0].colour",
                "unknown field `colour`: remove it or use one of the known fields",
            ),
        ),
        (
            "missing-field.json",
            (
                20,
                "sections[0].questions[0]",
                "the required field `text` is missing",
            ),
        ),
        (
            "schema-band-without-score.json",
            (
                182,
                "sections[2].questions[1].score_bands[1]",
                "the required field `score` is missing: add it",
            ),
        ),
        (
            "schema-condition-all-and-any.json",
            (
                95,
                "sections[1].questions[1].recommendations[0].when",
                "a condition has more than one operator (all, any)",
            ),
        ),
        (
            "schema-condition-empty.json",
            (
                185,
                "sections[2].questions[1].show_if",
                "an empty condition",
            ),
        ),
        (
            "schema-condition-eq-boolean.json",
            (204, "sections[2].questions[2].show_if.eq", "invalid type"),
        ),
        (
            "schema-condition-in-not-a-list.json",
            (
                104,
                "sections[1].questions[1].recommendations[1].when.in",
                "invalid type: string \"2\", expected a list",
            ),
        ),
        (
            "schema-condition-not-a-list.json",
            (
                186,
                "sections[2].questions[1].show_if.not",
                "invalid type: sequence, expected a condition (an object with one operator)",
            ),
        ),
        (
            "schema-condition-question-without-test.json",
            (
                204,
                "sections[2].questions[2].show_if",
                "a condition on a question needs one test",
            ),
        ),
        (
            "schema-condition-test-without-question.json",
            (
                204,
                "sections[2].questions[2].show_if",
                "the condition test \"eq\" needs a \"question\" to test",
            ),
        ),
        (
            "schema-condition-two-operators.json",
            (
                65,
                "sections[1].questions[0].blocker_if",
                "a condition has more than one operator (eq, ne)",
            ),
        ),
        (
            "schema-condition-unknown-operator.json",
            (
                185,
                "sections[2].questions[1].show_if.greater_than",
                "unknown field `greater_than`",
            ),
        ),
        (
            "schema-condition-unknown-state.json",
            (
                223,
                "sections[2].questions[3].show_if.state",
                "unknown variant `skipped`, expected one of `unanswered`, `answered`, `unsure`, `na`",
            ),
        ),
        (
            "schema-dollar-schema-key.json",
            (2, "$schema", "unknown field `$schema`"),
        ),
        (
            "schema-format-version-2.json",
            (
                2,
                "format_version",
                "format_version 2 is not known to this outready, which reads version 1",
            ),
        ),
        (
            "schema-missing-due-in-days.json",
            (
                68,
                "sections[1].questions[0].recommendations[0]",
                "the required field `due_in_days` is missing: add it",
            ),
        ),
        (
            "schema-missing-level-min.json",
            (
                9,
                "levels[1]",
                "the required field `min` is missing: add it",
            ),
        ),
        (
            "schema-missing-question-text.json",
            (
                59,
                "sections[1].questions[0]",
                "the required field `text` is missing: add it",
            ),
        ),
        (
            "schema-negative-due-in-days.json",
            (
                74,
                "sections[1].questions[0].recommendations[0].due_in_days",
                "invalid value",
            ),
        ),
        (
            "schema-score-above-one.json",
            (
                88,
                "sections[1].questions[1].options[4].score",
                "option \"4\" of question \"outcomes\" scores 1.5, outside 0 to 1",
            ),
        ),
        (
            "schema-unknown-effort.json",
            (
                71,
                "sections[1].questions[0].recommendations[0].effort",
                "unknown variant `XL`, expected one of `S`, `M`, `L`",
            ),
        ),
        (
            "schema-unknown-impact.json",
            (
                72,
                "sections[1].questions[0].recommendations[0].impact",
                "unknown variant `high`, expected one of `L`, `M`, `H`",
            ),
        ),
        (
            "schema-unknown-option-field.json",
            (
                119,
                "sections[1].questions[2].options[0].points",
                "unknown field `points`",
            ),
        ),
        (
            "schema-unknown-owner.json",
            (
                73,
                "sections[1].questions[0].recommendations[0].owner",
                "unknown variant `me`, expected one of `you`, `provider`, `shared`",
            ),
        ),
        (
            "schema-unknown-question-field.json",
            (64, "sections[1].questions[0].hint", "unknown field `hint`"),
        ),
        (
            "schema-unknown-question-type.json",
            (
                61,
                "sections[1].questions[0].type",
                "unknown variant `yes-no`, expected one of `yes_no`, `single`, `multi`, `scale`, `number`, `money`, `percent`, `date`, `text`, `long_text`",
            ),
        ),
        (
            "schema-weight-as-text.json",
            (
                90,
                "sections[1].questions[1].weight",
                "invalid type: string \"2\", expected a number",
            ),
        ),
        (
            "id-escapes-the-folder.json",
            (
                3,
                "id",
                "the questionnaire id starts with a dot, but it names a file",
            ),
        ),
        (
            "id-absolute-path.json",
            (3, "id", "the questionnaire id holds \"/\""),
        ),
        (
            "due-in-days-too-far.json",
            (
                74,
                "sections[1].questions[0].recommendations[0].due_in_days",
                "is due in 4294967295 days: give a number of days from 1 to 3650",
            ),
        ),
        (
            "control-character-in-title.json",
            (
                55,
                "sections[1].title",
                "the title holds the control character U+001B",
            ),
        ),
        (
            "bidi-override-in-option-label.json",
            (
                120,
                "sections[1].questions[2].options[1].label",
                "the label holds the bidirectional control U+202E",
            ),
        ),
    ];
    for (name, expected) in cases {
        assert_problems(name, &[*expected]);
    }
    // Every fixture in the folder is covered here or below, so none goes untested.
    let mut listed: Vec<&str> = cases.iter().map(|(name, _)| *name).collect();
    listed.extend([
        "wrong-types-in-several-places.json",
        "many-defects.json",
        "type-errors-hide-nothing.json",
    ]);
    let mut on_disk = json_files(INVALID);
    on_disk.retain(|path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        !listed.contains(&name)
    });
    assert!(on_disk.is_empty(), "fixtures without a test: {on_disk:?}");
}

#[test]
fn wrong_types_are_reported_once_per_broken_part() {
    assert_problems(
        "wrong-types-in-several-places.json",
        &[
            (
                9,
                "levels[1].min",
                "invalid type: string \"0.4\", expected a number",
            ),
            (90, "sections[1].questions[1].weight", "string \"heavy\""),
            (148, "sections[2].weight", "string \"high\""),
            (
                169,
                "sections[2].questions[0].recommendations[0].due_in_days",
                "expected a whole number of 0 or more",
            ),
        ],
    );
}

#[test]
fn many_defects_are_all_listed_in_the_order_of_the_file() {
    assert_problems(
        "many-defects.json",
        &[
            (4, "version", "version \"1.0\" is not MAJOR.MINOR.PATCH"),
            (
                8,
                "levels[0].min",
                "the first level \"not-ready\" starts at 0.2",
            ),
            (10, "levels[2].min", "not above the level before it"),
            (
                23,
                "sections[0].questions[0].text",
                "question \"staff\" has no text",
            ),
            (25, "sections[0].questions[0].min", "from 5000 to 1000"),
            (
                35,
                "sections[0].questions[1].options",
                "exactly \"yes\" and \"no\"",
            ),
            (90, "sections[1].questions[1].weight", "has weight -2"),
            (
                95,
                "sections[1].questions[1].recommendations[0].when.lte",
                "so a number never matches it",
            ),
            (
                118,
                "sections[1].questions[2].options",
                "scores some options but not \"cost\"",
            ),
            (
                120,
                "sections[1].questions[2].options[1].score",
                "scores 8, outside 0 to 1",
            ),
            (145, "sections[2].id", "section id \"goals\" is used twice"),
            (
                182,
                "sections[2].questions[1].score_bands[1]",
                "runs from 10 up to 5",
            ),
            (
                185,
                "sections[2].questions[1].show_if.contains",
                "has no option \"helpdesk\"",
            ),
            (
                189,
                "sections[2].questions[1].recommendations[0].id",
                "recommendation id \"set-budget\" is used twice",
            ),
            (
                204,
                "sections[2].questions[2].show_if.question",
                "did you mean \"personal-data\"?",
            ),
            (
                220,
                "sections[2].questions[3].show_if",
                "\"cost-notes\" → \"budget-owner\" → \"cost-notes\"",
            ),
            (
                232,
                "sections[3].questions",
                "section \"extra\" has no questions",
            ),
        ],
    );
}

#[test]
fn type_errors_hide_none_of_the_deeper_problems() {
    // Two parts that do not read (an unknown question type, an unknown effort) and nine
    // problems the deeper checks find in the rest: all eleven in one run.
    assert_problems(
        "type-errors-hide-nothing.json",
        &[
            (3, "id", "the questionnaire id holds \"S\""),
            (4, "version", "version \"1.0\" is not MAJOR.MINOR.PATCH"),
            (11, "levels[3].min", "starts at 1.5, outside 0 to 1"),
            (
                22,
                "sections[0].questions[0].type",
                "unknown variant `numeric`",
            ),
            (55, "sections[1].title", "the control character U+001B"),
            (
                71,
                "sections[1].questions[0].recommendations[0].effort",
                "unknown variant `XL`",
            ),
            (
                109,
                "sections[1].questions[1].recommendations[1].due_in_days",
                "is due in 0 days",
            ),
            (
                114,
                "sections[1].questions[2].id",
                "question id \"outcomes\" is used twice",
            ),
            (
                185,
                "sections[2].questions[1].show_if.question",
                "did you mean \"outsourced\"?",
            ),
            (
                223,
                "sections[2].questions[3].show_if",
                "\"cost-notes\" → \"budget-owner\" → \"cost-notes\"",
            ),
            (
                230,
                "sections[2].questions[4].critical",
                "is critical but has no recommendation",
            ),
        ],
    );
}

#[test]
fn a_question_that_cannot_be_read_is_not_blamed_for_more() {
    // Conditions on a question of unknown type are not called wrong: nothing is known of
    // what it takes; its id still counts, so a condition naming it is no unknown one.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(VALID)
            .join("small.json"),
    )
    .unwrap()
    .replace(
        "\"id\": \"personal-data\",\n          \"type\": \"yes_no\"",
        "\"id\": \"personal-data\",\n          \"type\": \"boolean\"",
    );
    let problems = outready::questionnaire::load::parse("q.json", &text).unwrap_err();
    let listing: Vec<String> = problems.iter().map(Problem::to_string).collect();
    assert_eq!(problems.len(), 1, "{listing:#?}");
    assert!(
        listing[0].contains("unknown variant `boolean`"),
        "{listing:#?}"
    );
}

#[test]
fn a_problem_prints_as_file_line_column_path_message() {
    let problems = problems_in("score-out-of-range.json");
    let printed = problems[0].to_string();
    assert!(
        printed.ends_with(
            "score-out-of-range.json:120:70: sections[1].questions[2].options[1].score: \
             option \"both\" of question \"reason\" scores 8, outside 0 to 1: use 0 for not \
             ready up to 1 for fully ready"
        ),
        "{printed}"
    );
    let syntax = problems_in("syntax-error.json")[0].to_string();
    assert!(syntax.ends_with("syntax-error.json:67:11: not valid JSON: expected `,` or `}`"));
}

#[test]
fn the_valid_fixtures_have_no_problems() {
    let files = json_files(VALID);
    assert!(!files.is_empty());
    for path in files {
        if let Err(problems) = load_file(&path) {
            let listing: Vec<String> = problems.iter().map(Problem::to_string).collect();
            panic!("{}:\n{}", path.display(), listing.join("\n"));
        }
    }
}

fn json_files(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}
