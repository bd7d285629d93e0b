//! Plain mode on a questionnaire with calculated figures: the worksheet on request (`w`)
//! and after the budget section, amounts read as people type them, and one sentence for
//! an amount that reads two ways.
#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

/// Plain mode through the binary, in the locale `locale`, with `input` typed.
fn run(input: &str, locale: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let typed = home.path().join("answers.txt");
    std::fs::write(&typed, input).unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/figures/budget.json");
    let done = assert_cmd::Command::new(env!("CARGO_BIN_EXE_outready"))
        .env("HOME", home.path())
        .env("LC_ALL", locale)
        .env_remove("ACCESSIBLE")
        .env_remove("OUTREADY_DATA_DIR")
        .arg("--plain")
        .arg("--lenient")
        .arg("--data-dir")
        .arg(home.path().join("data"))
        .arg("--questionnaire")
        .arg(fixture)
        .arg("--plan")
        .arg("Acme")
        .pipe_stdin(&typed)
        .unwrap()
        .assert()
        .success();
    String::from_utf8_lossy(&done.get_output().stdout).into_owned()
}

#[test]
fn the_worksheet_comes_on_request_and_after_the_budget_section() {
    let output = run("12\n95\nw\n36\n20,000\n3\n1\n1.000\n1000\n", "C");
    // On request, after two answers: the monthly fee is known, the rest says what it needs.
    let asked = output
        .split("Answer")
        .find(|part| part.contains("Budget worksheet"))
        .unwrap();
    assert!(
        asked.contains("Monthly fee: 1,140.00\n  = 95.00 (Fee per user) × 12 (Users)"),
        "{asked}"
    );
    assert!(
        asked.contains("Committed over the minimum term: not known yet\n  = 1,140.00 (Monthly fee) × ? (Minimum term)\n  still needed: Minimum term"),
        "{asked}"
    );
    // An amount that reads two ways is refused in one sentence and asked again.
    assert!(
        output.contains("\"1.000\" could be read two ways"),
        "{output}"
    );
    // After the last question of the section, the whole worksheet, every figure known.
    let last = output.rsplit("Budget worksheet:").next().unwrap();
    for line in [
        "Year-one cost: 13,680.00",
        "Committed over the minimum term: 41,040.00",
        "Three-year cost: 42,283.51",
        "Today's cost over three years: 60,000.00",
        "Reserve as a share of year one: 7.3%",
    ] {
        assert!(last.contains(line), "{line} in {last}");
    }
    assert!(!last.contains("still needed"), "{last}");
}

#[test]
fn help_names_the_worksheet_command() {
    let output = run("?\nq\n", "C");
    assert!(output.contains("w: the budget worksheet, each figure and what it still needs."));
}

#[test]
fn the_first_amount_gives_the_plan_the_locale_currency() {
    let output = run("12\n95\nw\n", "en_GB.UTF-8");
    assert!(
        output.contains("Monthly fee: £1,140.00\n  = £95.00 (Fee per user) × 12 (Users)"),
        "{output}"
    );
    assert!(
        output.contains("Amounts are in pound sterling (GBP), your locale's currency."),
        "{output}"
    );
    // Once the plan counts in a currency, an amount in another is refused.
    let output = run("currency gbp\n12\n€95\n", "C");
    assert!(
        output.contains("This plan counts in GBP; type the amount in GBP, without \"€\""),
        "{output}"
    );
}

#[test]
fn an_amount_typed_with_a_symbol_gives_the_plan_that_currency_over_the_locale() {
    let output = run("12\n€1200.50\nw\n", "en_GB.UTF-8");
    assert!(
        output.contains(
            "Amounts are in euro (EUR), as the first amount was typed; the currency typed wins over the locale's."
        ),
        "{output}"
    );
    assert!(output.contains("Saved: €1,200.50"), "{output}");
    assert!(output.contains("Monthly fee: €14,406.00"), "{output}");
    let output = run("currency\n", "C");
    assert!(
        output.contains("the first amount takes the currency typed with it, or your locale's"),
        "{output}"
    );
}

#[test]
fn the_currency_can_be_changed_by_a_command() {
    let output = run("currency\ncurrency usd\n12\n95\nw\ncurrency euro\n", "C");
    assert!(output.contains("No currency is chosen yet"), "{output}");
    assert!(
        output.contains("Amounts are now in US dollar (USD); the numbers stay as typed."),
        "{output}"
    );
    assert!(output.contains("Monthly fee: $1,140.00"), "{output}");
    assert!(
        output.contains("\"euro\" is not a currency code outready knows"),
        "{output}"
    );
}
