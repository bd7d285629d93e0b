//! The words plain mode prints about where a plan stands, read from the same report
//! data every report file shows: the summary (verdict, why, counts), the gaps numbered,
//! and the action plan numbered. Pure: a report in, lines out.

use crate::report::text::counted;
use crate::report::{
    ActionItem, GapItem, HoldKind, ProviderQuestionSource, Report, percent, person_or_unassigned,
};
use crate::report::{effort_label, impact_label, owner_label};

/// The summary: the verdict and why, what would lift it, the counts.
pub fn summary(report: &Report) -> Vec<String> {
    let verdict = &report.verdict;
    let mut lines = Vec::new();
    let level = verdict
        .level
        .as_ref()
        .map_or_else(|| "no level".to_string(), |l| l.label.clone());
    let score = verdict
        .score
        .map(|s| format!(" ({} overall)", percent(s)))
        .unwrap_or_default();
    lines.push(format!("Readiness: {level}{score}."));
    if !verdict.why.trim().is_empty() {
        lines.push(verdict.why.trim().to_string());
    }
    if let Some(lift) = &verdict.lift {
        lines.push(lift.sentence.trim().to_string());
    }
    lines.push(format!("{}.", capital(&verdict.counts.summary())));
    let blockers = verdict
        .holds
        .iter()
        .filter(|h| h.reason == HoldKind::Blocker)
        .count();
    let done = report
        .actions
        .iter()
        .filter(|a| a.status == crate::plan::ActionStatus::Done)
        .count();
    lines.push(format!(
        "{}, {}; {} in the action plan, {done} done.",
        capital(&counted(report.gaps.len(), "gap", "gaps")),
        counted(blockers, "blocker", "blockers"),
        counted(report.actions.len(), "action", "actions"),
    ));
    lines
}

/// The gaps, most important first, each with its number for `a N`.
pub fn gaps(report: &Report) -> Vec<String> {
    let mut lines = if report.gaps.is_empty() {
        vec!["There are no gaps: nothing answered falls short.".to_string()]
    } else {
        let mut lines = vec![format!(
            "The gaps, most important first ({}):",
            report.gaps.len()
        )];
        for gap in &report.gaps {
            lines.extend(gap_lines(report, gap));
        }
        lines.push(
            "Type a and a gap's number, like \"a 1\", to put it in the action plan.".to_string(),
        );
        lines
    };
    lines.extend(not_known(report));
    lines
}

/// The questions answered "I don't know yet" that are no gap (they do not count
/// towards readiness), each with how to put finding it out in the action plan.
fn not_known(report: &Report) -> Vec<String> {
    report
        .provider_questions
        .iter()
        .filter(|asked| asked.source == ProviderQuestionSource::Unsure)
        .filter(|asked| {
            !report
                .gaps
                .iter()
                .any(|g| g.question_id == asked.question_id)
        })
        .map(|asked| {
            let listed = report
                .actions
                .iter()
                .any(|a| a.recommendation_id.is_empty() && a.question_id == asked.question_id);
            if listed {
                format!(
                    "Not known yet: {} Finding it out is in the action plan.",
                    asked.question.trim()
                )
            } else {
                format!(
                    "Not known yet: {} Type find {} to put finding it out in the action plan.",
                    asked.question.trim(),
                    asked.question_id
                )
            }
        })
        .collect()
}

fn gap_lines(report: &Report, gap: &GapItem) -> Vec<String> {
    let kind = match (gap.blocker, gap.critical) {
        (true, _) => " (blocker)",
        (false, true) => " (critical)",
        _ => "",
    };
    let mut lines = vec![format!(
        "Gap {}{kind}: {} Answer: {}.",
        gap.rank,
        gap.question.trim(),
        gap.answer
    )];
    for advice in &gap.recommendations {
        let owner = advice
            .person
            .clone()
            .unwrap_or_else(|| owner_label(advice.owner).to_string());
        let placed = if advice.in_action_plan {
            "; in the action plan"
        } else {
            ""
        };
        lines.push(format!(
            "  Recommendation: {} Effort {}, impact {}, owner {owner}, due {}{placed}.",
            advice.text.trim(),
            effort_label(advice.effort),
            impact_label(advice.impact),
            advice.due
        ));
    }
    if gap.unsure {
        let listed = report
            .actions
            .iter()
            .any(|a| a.recommendation_id.is_empty() && a.question_id == gap.question_id);
        lines.push(format!(
            "  Not known yet: find it out{}.",
            if listed { "; in the action plan" } else { "" }
        ));
    }
    lines
}

/// The action plan, each action with its number for the commands that change it.
pub fn actions(report: &Report) -> Vec<String> {
    if report.actions.is_empty() {
        return vec![
            "The action plan is empty: type gaps to see what to add, or new and what is to be done, like \"new ask the bank about the card reader\".".to_string(),
        ];
    }
    let mut lines = vec![format!(
        "The action plan ({}):",
        counted(report.actions.len(), "action", "actions")
    )];
    for (index, action) in report.actions.iter().enumerate() {
        lines.push(action_line(index + 1, action));
    }
    lines.push(
        "To change one: owner N NAME, due N DATE, status N open, in progress or done, text N WORDS; new WORDS adds your own (? for more).".to_string(),
    );
    lines
}

/// One action in a sentence or two: what, who, when, where it stands, what it is for.
pub fn action_line(number: usize, action: &ActionItem) -> String {
    let due = action
        .due
        .map_or_else(|| "no date".to_string(), |d| d.to_string());
    let about = if action.question_id.is_empty() {
        " Your own action.".to_string()
    } else if action.text.trim().ends_with(action.question.trim()) {
        // A find-out item names its question already.
        String::new()
    } else {
        format!(" For: {}", action.question.trim())
    };
    format!(
        "Action {number}: {} Owner: {}. Due: {due}. Status: {}.{about}",
        end_with_stop(action.text.trim()),
        person_or_unassigned(action.owner.as_deref()),
        action.status.label(),
    )
}

fn end_with_stop(text: &str) -> String {
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

fn capital(text: &str) -> String {
    crate::report::text::capitalised(text)
}
