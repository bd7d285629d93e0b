//! The stage in the verdict (its note after the level's text, its hold, what lifts it),
//! the source beside the why, and the promise that a critical gap below half never
//! leaves a level above the second lowest; on the `stages` fixture.

use super::*;
use crate::report::{Format, HoldKind};

fn stages() -> Questionnaire {
    let text = include_str!("../../../tests/fixtures/questionnaires/valid/stages.json");
    load::parse("stages.json", text).expect("the stages fixture loads")
}

fn report(entries: &[(&str, Answer)]) -> Report {
    Report::build(&stages(), &plan(entries), &TimeZone::UTC)
}

/// Well prepared, the notice period not known yet: 0, 1, 1, 1 scores 75% (Nearly ready).
fn prepared(stage: &'static str) -> Vec<(&'static str, Answer)> {
    vec![
        ("profile-stage", pick(stage)),
        ("contract-notice", unsure()),
        ("red-flags", list(&["none"])),
        ("gov-owner", pick("named")),
        ("hours", number(6.0)),
    ]
}

#[test]
fn exploring_caps_the_verdict_and_its_note_stands_for_the_level_text() {
    let report = report(&prepared("exploring"));
    let verdict = &report.verdict;
    assert_eq!(
        verdict.level.as_ref().map(|l| l.id.as_str()),
        Some("basics")
    );
    let note = "Not ready to sign yet, as expected while you are exploring: take the questions \
                for providers to your first meetings.";
    assert_eq!(verdict.stage_note.as_deref(), Some(note));
    // The answers alone reach Nearly ready and nothing but the stage caps them: the
    // level's own text ("close the basics") speaks of gaps this owner does not have, so the
    // stage's note stands in for it.
    assert!(verdict.stage_sets_level);
    assert_eq!(verdict.level_text().as_deref(), Some(note));
    assert_eq!(
        verdict.why,
        "Your answers score 75%, enough for Nearly ready, but the stage you are at holds the \
         verdict at Basics missing."
    );
    let lift = verdict.lift.as_ref().expect("a level to reach");
    assert_eq!(
        lift.sentence,
        "Close this item to reach Nearly ready: move on to a later stage."
    );
    let holds: Vec<HoldKind> = verdict.holds.iter().map(|h| h.reason).collect();
    assert_eq!(holds, [HoldKind::Stage]);
    assert_eq!(verdict.holds[0].answer, "Just exploring");
    // "I don't know" before a draft exists is a question to put to providers, not a cap.
    assert!(
        report
            .provider_questions
            .iter()
            .any(|q| q.question_id == "contract-notice")
    );

    for format in [Format::Markdown, Format::Html, Format::Json] {
        let text = report.render(format).unwrap();
        assert!(
            text.contains("as expected while you are exploring"),
            "{format:?}"
        );
    }
}

#[test]
fn a_stage_without_a_note_or_an_unanswered_stage_adds_nothing() {
    let mut signing = prepared("signing");
    signing.retain(|(id, _)| *id != "contract-notice");
    signing.push(("contract-notice", pick("yes")));
    let signed = report(&signing);
    assert_eq!(signed.verdict.stage_note, None);
    assert_eq!(
        signed.verdict.level_text().as_deref(),
        Some("You are ready to sign.")
    );
    let mut unanswered = prepared("signing");
    unanswered.retain(|(id, _)| *id != "profile-stage");
    let open = report(&unanswered);
    assert_eq!(open.verdict.stage_note, None);
    assert!(open.verdict.holds.is_empty());
}

#[test]
fn with_a_draft_the_unknown_notice_period_is_critical_and_leads_the_gaps() {
    let report = report(&prepared("draft"));
    let verdict = &report.verdict;
    assert_eq!(verdict.level.as_ref().map(|l| l.index), Some(1));
    assert_eq!(
        verdict.stage_note.as_deref(),
        Some("Check the draft against every gap before you sign.")
    );
    assert_eq!(report.gaps[0].question_id, "contract-notice");
    assert!(report.gaps[0].critical);
    let (listed, more) = verdict.listed_holds();
    assert_eq!(
        (listed.iter().map(|h| h.reason).collect::<Vec<_>>(), more),
        (vec![HoldKind::CriticalUnsure], 0)
    );
}

#[test]
fn the_source_stands_beside_the_why_in_every_format() {
    let report = report(&prepared("draft"));
    let source = "CISA, Choosing a managed service provider (2023)";
    assert_eq!(report.gaps[0].source, source);
    let markdown = report.render(Format::Markdown).unwrap();
    assert!(
        markdown.contains(&format!("Source: {source}")),
        "{markdown}"
    );
    let html = report.render(Format::Html).unwrap();
    assert!(html.contains(&format!(
        "<p class=\"source\"><strong>Source:</strong> {source}</p>"
    )));
    let csv = report.render(Format::Csv).unwrap();
    let first_row = csv.lines().nth(1).expect("a gap row");
    assert!(
        first_row.ends_with(&format!(",\"{source}\",,")),
        "{first_row}"
    );
    let json = report.render(Format::Json).unwrap();
    assert!(json.contains(&format!("\"source\": \"{source}\"")));
}

#[test]
fn no_level_above_the_second_lowest_while_a_critical_answer_is_below_half() {
    // Everything at its best but the critical owner question, from nobody to named.
    // Named scores 100% (Ready), shared 87.5% (Nearly ready); nobody scores 75%, enough
    // for Nearly ready, but the critical answer holds it at the second lowest.
    for (owner, level) in [("nobody", 1), ("shared", 2), ("named", 3)] {
        let mut entries = prepared("signing");
        entries.retain(|(id, _)| !["gov-owner", "contract-notice"].contains(id));
        entries.push(("contract-notice", pick("yes")));
        entries.push(("gov-owner", pick(owner)));
        let report = report(&entries);
        let verdict = &report.verdict;
        assert_eq!(
            verdict.level.as_ref().map(|l| l.index),
            Some(level),
            "{owner}"
        );
        let held = verdict
            .holds
            .iter()
            .any(|h| h.reason == HoldKind::CriticalLow);
        assert_eq!(held, owner == "nobody", "{owner}");
    }
}

#[test]
fn a_stage_cap_beside_a_critical_gap_keeps_the_level_text_before_the_note() {
    // Exploring, with the owner question answered worst: the critical gap caps the level as
    // low as the stage does, so the level's text still speaks, and the note follows it.
    let mut entries = prepared("exploring");
    entries.retain(|(id, _)| *id != "gov-owner");
    entries.push(("gov-owner", pick("nobody")));
    let report = report(&entries);
    let verdict = &report.verdict;
    assert!(!verdict.stage_sets_level, "{:?}", verdict.holds);
    let text = verdict.level_text().expect("a level text");
    assert!(
        text.starts_with(
            verdict
                .level
                .as_ref()
                .map_or("", |l| l.description.as_str())
        ),
        "{text}"
    );
    assert!(
        text.ends_with("take the questions for providers to your first meetings."),
        "{text}"
    );
}

#[test]
fn a_stage_that_caps_above_the_verdict_is_not_named_as_holding_it() {
    // Only the stage is answered: the verdict starts at the lowest level, below the stage's
    // cap, so the stage holds nothing down and the why must not say it does.
    let report = report(&[("profile-stage", pick("exploring"))]);
    let verdict = &report.verdict;
    assert_eq!(
        verdict.level.as_ref().map(|l| l.id.as_str()),
        Some("not-ready")
    );
    assert!(!verdict.stage_sets_level);
    assert!(!verdict.why.contains("stage"), "{}", verdict.why);
    assert_eq!(
        verdict.why,
        "Nothing that counts towards readiness is answered yet, so the verdict starts at Not ready."
    );
}
