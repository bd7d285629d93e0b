//! The lists a report carries beside the gaps: questions for providers, questions to
//! discuss later, answers kept from an earlier version; and a check that the report
//! module stays free of terminal and command-line code.

use super::*;
use crate::report::ProviderQuestionSource;

#[test]
fn provider_questions_come_from_provider_gaps_and_unsure_answers_about_the_provider() {
    // Budget and outcomes are asked of a provider here; personal data is about the
    // business, and so is everything else.
    let mut questionnaire = small();
    for section in &mut questionnaire.sections {
        for question in &mut section.questions {
            if question.id == "budget" || question.id == "outcomes" {
                question.about = crate::questionnaire::model::About::Provider;
            }
        }
    }
    let answers = plan(&[
        ("personal-data", unsure()),
        ("problem", pick("yes")),
        ("outcomes", unsure()),
        ("budget", unsure()),
        ("staff", unsure()),
    ]);
    let report = Report::build(&questionnaire, &answers, &TimeZone::UTC);
    // "I don't know" about personal data hides the data processing question.
    let found: Vec<(&str, ProviderQuestionSource)> = report
        .provider_questions
        .iter()
        .map(|q| (q.question_id.as_str(), q.source))
        .collect();
    assert_eq!(
        found,
        [
            // In gap order: budget has a recommendation that applies, outcomes none.
            ("budget", ProviderQuestionSource::Unsure),
            ("outcomes", ProviderQuestionSource::Unsure),
        ]
    );
    assert_eq!(
        report.provider_questions[1].ask,
        "Have you written measurable outcomes?"
    );
    // Not known about your own business: nothing to ask a provider, still a gap or in
    // the checklist.
    for own in ["personal-data", "staff"] {
        assert!(!found.iter().any(|(id, _)| *id == own), "{own}");
        assert!(
            report
                .checklist
                .iter()
                .flat_map(|section| &section.items)
                .any(|item| item.question_id == own),
            "{own} is in the checklist"
        );
    }

    let report = build(&plan(&[("personal-data", pick("yes")), ("dpa", unsure())]));
    let dpa: Vec<_> = report
        .provider_questions
        .iter()
        .filter(|q| q.question_id == "dpa")
        .collect();
    assert_eq!(
        dpa.len(),
        1,
        "one item, not the question and its recommendation"
    );
    assert_eq!(dpa[0].source, ProviderQuestionSource::ProviderGap);
    assert_eq!(
        dpa[0].ask,
        "Ask each provider for its standard data processing agreement."
    );
}

#[test]
fn discuss_later_lists_shown_flagged_questions_with_their_notes() {
    let report = build(&plan(&[
        (
            "budget",
            flagged(number(900.0), Some("Check with Sam\nbefore May")),
        ),
        ("problem", flagged(pick("yes"), None)),
        ("personal-data", pick("no")),
        // Hidden: personal data is not kept.
        ("dpa", flagged(pick("no"), Some("hidden"))),
    ]));
    let found: Vec<(&str, &str, Option<&str>)> = report
        .discuss_later
        .iter()
        .map(|d| (d.question_id.as_str(), d.answer.words(), d.note.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("problem", "Yes", None),
            (
                "budget",
                "900.00 per month",
                Some("Check with Sam\nbefore May")
            ),
        ]
    );
    assert_eq!(report.verdict.counts.discuss, 2);
}

#[test]
fn answers_to_questions_no_longer_asked_are_kept() {
    let mut empty = Answer::in_state(AnswerState::Unanswered);
    empty.changed = None;
    let report = build(&plan(&[
        ("problem", pick("yes")),
        ("old-scale", pick("3")),
        ("old-multi", list(&["a", "b"])),
        ("old-empty", empty),
        ("old-note", {
            let mut noted = Answer::in_state(AnswerState::Unanswered);
            noted.note = Some("still relevant".into());
            noted
        }),
    ]));
    let kept: Vec<(&str, &str, Option<&str>)> = report
        .kept_answers
        .iter()
        .map(|k| (k.question_id.as_str(), k.answer.words(), k.note.as_deref()))
        .collect();
    assert_eq!(
        kept,
        [
            ("old-multi", "a, b", None),
            ("old-note", "not answered", Some("still relevant")),
            ("old-scale", "3", None),
        ]
    );
}

#[test]
fn the_report_module_knows_nothing_of_terminals_or_the_command_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("report.rs")];
    let mut folders = vec![root.join("report")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 8, "found {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for name in ["ratatui", "crossterm", "clap", "crate::tui", "crate::cli"] {
            let used = text
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .any(|line| {
                    line.contains(&format!("{name}::")) || line.contains(&format!("use {name}"))
                });
            assert!(!used, "{} uses {name}", file.display());
        }
    }
}
