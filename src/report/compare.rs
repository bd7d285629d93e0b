//! Plans side by side: each plan's verdict, score, section scores, blockers and budget
//! headline figures, and the answers that differ grouped by section. `Comparison::build`
//! is pure data (for `outready compare` and the wizard's compare screen), and
//! `Comparison::side_by_side` the words of its table, once for every format and the
//! screen; the formats render it: Markdown, CSV (through the report's writer,
//! `compare/csv`), JSON, and HTML with a chart (`compare/html`).

mod csv;
mod html;

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use jiff::tz::TimeZone;
use serde::Serialize;

use super::text::percent_or_dash;
use super::{Format, HoldKind, RenderError, Report};
use crate::plan::Plan;
use crate::questionnaire::{Loaded, Questionnaire};

/// One plan as the comparison shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparedPlan {
    pub name: String,
    /// The level's label; `None` while there is no verdict yet.
    pub level: Option<String>,
    pub score: Option<f64>,
    /// The questions whose answers are blockers, in words.
    pub blockers: Vec<String>,
}

/// One section's score in each plan, in the order of the plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionRow {
    pub id: String,
    pub title: String,
    pub scores: Vec<Option<f64>>,
}

/// One question the plans answer differently: each plan's answer in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    pub question_id: String,
    pub question: String,
    pub answers: Vec<String>,
}

/// The differing questions of one section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DifferenceSection {
    pub id: String,
    pub title: String,
    pub questions: Vec<Difference>,
}

/// One budget headline figure in each plan, in words, in the order of the plans (as the
/// one-page summary shows it: "not known yet" while its inputs are missing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetRow {
    pub label: String,
    pub amounts: Vec<String>,
}

/// Plans side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub plans: Vec<ComparedPlan>,
    pub sections: Vec<SectionRow>,
    /// The budget's headline figures; empty when the questionnaire has no budget.
    pub budget: Vec<BudgetRow>,
    pub differences: Vec<DifferenceSection>,
}

/// One row of the plans' table: what it shows, and a cell per plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub label: String,
    pub cells: Vec<String>,
}

/// Why plans cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("name at least two plans to compare (see `outready list`)")]
    TooFew,
    #[error(
        "\"{first}\" answers the questionnaire \"{first_id}\" and \"{other}\" answers \"{other_id}\": only plans on the same questionnaire can be compared"
    )]
    Questionnaires {
        first: String,
        first_id: String,
        other: String,
        other_id: String,
    },
}

/// The cell of a plan without a verdict yet.
pub const NO_VERDICT: &str = "no verdict yet";

impl Comparison {
    /// The comparison of plans read with their questionnaires (each plan's answers
    /// already moved to its questionnaire's ids), all on one questionnaire, in order.
    pub fn of_plans(plans: &[(Plan, Loaded)], zone: &TimeZone) -> Result<Comparison, CompareError> {
        let Some(((first, loaded), _)) = plans.split_first().filter(|(_, rest)| !rest.is_empty())
        else {
            return Err(CompareError::TooFew);
        };
        let id = &loaded.questionnaire.id;
        if let Some((other, other_loaded)) = plans.iter().find(|(_, l)| l.questionnaire.id != *id) {
            return Err(CompareError::Questionnaires {
                first: first.name.clone(),
                first_id: id.to_string(),
                other: other.name.clone(),
                other_id: other_loaded.questionnaire.id.to_string(),
            });
        }
        let reports: Vec<Report> = plans
            .iter()
            .map(|(plan, loaded)| Report::build(&loaded.questionnaire, plan, zone))
            .collect();
        Ok(Comparison::build(&loaded.questionnaire, &reports))
    }

    /// The comparison of the plans' reports, all on this questionnaire, in this order.
    pub fn build(questionnaire: &Questionnaire, reports: &[Report]) -> Comparison {
        let plans = reports
            .iter()
            .map(|r| ComparedPlan {
                name: r.plan.name.clone(),
                level: r.verdict.level.as_ref().map(|l| l.label.clone()),
                score: r.verdict.score,
                blockers: r
                    .verdict
                    .holds
                    .iter()
                    .filter(|h| h.reason == HoldKind::Blocker)
                    .map(|h| h.question.clone())
                    .collect(),
            })
            .collect();
        let section_scores: Vec<BTreeMap<&str, Option<f64>>> = reports
            .iter()
            .map(|r| {
                r.sections
                    .iter()
                    .filter(|s| s.scored)
                    .map(|s| (s.id.as_str(), s.score))
                    .collect()
            })
            .collect();
        let answers: Vec<BTreeMap<&str, &str>> = reports
            .iter()
            .map(|r| {
                r.checklist
                    .iter()
                    .flat_map(|s| &s.items)
                    .map(|i| (i.question_id.as_str(), i.answer.words()))
                    .collect()
            })
            .collect();
        let mut sections = Vec::new();
        let mut differences = Vec::new();
        for section in &questionnaire.sections {
            if section_scores
                .iter()
                .any(|s| s.contains_key(section.id.as_str()))
            {
                sections.push(SectionRow {
                    id: section.id.to_string(),
                    title: section.title.to_string(),
                    scores: section_scores
                        .iter()
                        .map(|s| s.get(section.id.as_str()).copied().flatten())
                        .collect(),
                });
            }
            let questions: Vec<Difference> = section
                .questions
                .iter()
                .filter_map(|q| {
                    let words: Vec<String> = answers
                        .iter()
                        .map(|a| {
                            a.get(q.id.as_str())
                                .map_or(super::shown_answer::NOT_ANSWERED, |w| *w)
                                .to_string()
                        })
                        .collect();
                    let shown = answers.iter().any(|a| a.contains_key(q.id.as_str()));
                    let differ = words.iter().any(|w| *w != words[0]);
                    (shown && differ).then(|| Difference {
                        question_id: q.id.to_string(),
                        question: q.text.to_string(),
                        answers: words,
                    })
                })
                .collect();
            if !questions.is_empty() {
                differences.push(DifferenceSection {
                    id: section.id.to_string(),
                    title: section.title.to_string(),
                    questions,
                });
            }
        }
        Comparison {
            plans,
            sections,
            budget: budget_rows(reports),
            differences,
        }
    }

    /// The plans' table, row by row: verdict, score, blockers, each section's score,
    /// each budget headline figure. The words every format and the screen show.
    pub fn side_by_side(&self) -> Vec<TableRow> {
        let row = |label: &str, cells: Vec<String>| TableRow {
            label: label.to_string(),
            cells,
        };
        let mut rows = vec![
            row(
                "Verdict",
                self.plans
                    .iter()
                    .map(|p| p.level.clone().unwrap_or_else(|| NO_VERDICT.into()))
                    .collect(),
            ),
            row(
                "Score",
                self.plans
                    .iter()
                    .map(|p| percent_or_dash(p.score))
                    .collect(),
            ),
            row(
                "Blockers",
                self.plans
                    .iter()
                    .map(|p| p.blockers.len().to_string())
                    .collect(),
            ),
        ];
        rows.extend(self.sections.iter().map(|s| {
            row(
                &s.title,
                s.scores
                    .iter()
                    .map(|score| percent_or_dash(*score))
                    .collect(),
            )
        }));
        rows.extend(self.budget.iter().map(|b| row(&b.label, b.amounts.clone())));
        rows
    }

    /// The comparison in a file format.
    pub fn render(&self, format: Format) -> Result<String, RenderError> {
        match format {
            Format::Markdown => Ok(self.markdown()?),
            Format::Html => Ok(html::render(self)?),
            Format::Csv => Ok(csv::render(self)?),
            Format::Json => {
                let mut text = serde_json::to_string_pretty(self)?;
                text.push('\n');
                Ok(text)
            }
        }
    }

    fn markdown(&self) -> Result<String, fmt::Error> {
        let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
        let mut out = String::new();
        writeln!(out, "# Plans compared\n")?;
        let names: Vec<String> = self.plans.iter().map(|p| cell(&p.name)).collect();
        writeln!(out, "| | {} |", names.join(" | "))?;
        writeln!(out, "|---|{}", "---|".repeat(names.len()))?;
        let row = |out: &mut String, label: &str, cells: Vec<String>| {
            writeln!(out, "| {label} | {} |", cells.join(" | "))
        };
        for line in self.side_by_side() {
            let cells = line.cells.iter().map(|c| cell(c)).collect();
            row(&mut out, &cell(&line.label), cells)?;
        }
        for plan in self.plans.iter().filter(|p| !p.blockers.is_empty()) {
            writeln!(out, "\n## Blockers in {}\n", cell(&plan.name))?;
            for blocker in &plan.blockers {
                writeln!(out, "- {}", cell(blocker))?;
            }
        }
        writeln!(out, "\n## Answers that differ\n")?;
        if self.differences.is_empty() {
            writeln!(out, "The plans answer every question the same.")?;
        }
        for section in &self.differences {
            writeln!(out, "### {}\n", cell(&section.title))?;
            writeln!(out, "| Question | {} |", names.join(" | "))?;
            writeln!(out, "|---|{}", "---|".repeat(names.len()))?;
            for q in &section.questions {
                let answers = q.answers.iter().map(|a| cell(a)).collect();
                row(&mut out, &cell(&q.question), answers)?;
            }
            writeln!(out)?;
        }
        Ok(out)
    }
}

/// Each budget headline figure of the first plan that has a budget, with every plan's
/// amount ("—" for a plan without that figure).
fn budget_rows(reports: &[Report]) -> Vec<BudgetRow> {
    let Some(first) = reports.iter().find(|r| !r.summary.budget.is_empty()) else {
        return Vec::new();
    };
    first
        .summary
        .budget
        .iter()
        .map(|figure| BudgetRow {
            label: figure.label.clone(),
            amounts: reports
                .iter()
                .map(|r| {
                    r.summary
                        .budget
                        .iter()
                        .find(|f| f.label == figure.label)
                        .map_or_else(|| "—".to_string(), |f| f.amount.clone())
                })
                .collect(),
        })
        .collect()
}
