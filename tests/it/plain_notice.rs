//! Plain mode says what an answer did to the questions in the wizard's words: the
//! questions added and set aside, how many there are now, and that answers are kept only
//! when a question set aside had one.

use std::path::Path;

#[test]
fn plain_mode_says_answers_are_kept_only_when_there_were_some() {
    let home = tempfile::tempdir().unwrap();
    let small = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json");
    let options = outready::plain::Options {
        data_dir: home.path().join("data"),
        plan: Some("Notice".into()),
        questionnaire: Some(small.display().to_string()),
        echo: true,
        strict: true,
    };
    // 12 people; personal data: yes (asks about a data agreement); back; no (sets the
    // unanswered data-agreement question aside).
    let mut output = Vec::new();
    outready::plain::run(&options, "12\n1\nb\n2\nq\n".as_bytes(), &mut output).unwrap();
    let output = String::from_utf8(output).unwrap();
    assert!(
        output.contains("Your answer added 1 follow-up question: 11 questions in all now."),
        "{output}"
    );
    assert!(
        output.contains("Your answer set aside 1 question: 10 questions in all now."),
        "{output}"
    );
    assert!(!output.contains("earlier answers are kept"), "{output}");
}
