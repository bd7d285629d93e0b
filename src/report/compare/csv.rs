//! The comparison as CSV: one row per plan and figure, through the report's writer (so
//! a cell that would start a formula is made safe the same way).

use super::Comparison;
use crate::report::text::percent_or_dash;

/// One row per plan and figure: `kind,section,question_id,question,plan,value`.
pub(super) fn render(c: &Comparison) -> Result<String, ::csv::Error> {
    let mut rows: Vec<[String; 6]> = Vec::new();
    let line = |kind: &str, section: &str, id: &str, question: &str, plan: &str, value: String| {
        [kind, section, id, question, plan]
            .map(str::to_string)
            .into_iter()
            .chain([value])
            .collect::<Vec<_>>()
    };
    let mut push = |cells: Vec<String>| {
        if let Ok(row) = <[String; 6]>::try_from(cells) {
            rows.push(row);
        }
    };
    for plan in &c.plans {
        push(line(
            "verdict",
            "",
            "",
            "",
            &plan.name,
            plan.level.clone().unwrap_or_default(),
        ));
        push(line(
            "score",
            "",
            "",
            "",
            &plan.name,
            percent_or_dash(plan.score),
        ));
        for blocker in &plan.blockers {
            push(line("blocker", "", "", blocker, &plan.name, String::new()));
        }
    }
    for section in &c.sections {
        for (plan, score) in c.plans.iter().zip(&section.scores) {
            push(line(
                "section",
                &section.title,
                "",
                "",
                &plan.name,
                percent_or_dash(*score),
            ));
        }
    }
    for figure in &c.budget {
        for (plan, amount) in c.plans.iter().zip(&figure.amounts) {
            push(line(
                "budget",
                "",
                "",
                &figure.label,
                &plan.name,
                amount.clone(),
            ));
        }
    }
    for section in &c.differences {
        for q in &section.questions {
            for (plan, answer) in c.plans.iter().zip(&q.answers) {
                push(line(
                    "answer",
                    &section.title,
                    &q.question_id,
                    &q.question,
                    &plan.name,
                    answer.clone(),
                ));
            }
        }
    }
    crate::report::csv::write_rows(
        &[
            "kind",
            "section",
            "question_id",
            "question",
            "plan",
            "value",
        ],
        rows.into_iter(),
    )
}
