//! Plans side by side: each plan's verdict, score, section scores and blockers, and the
//! answers that differ grouped by section. `Comparison::build` is pure data (for
//! `outready compare` and the wizard's compare screen); the formats render it: Markdown,
//! CSV (through the report's writer), JSON, and HTML with a chart (`compare/html`).

mod html;

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use serde::Serialize;

use super::text::percent_or_dash;
use super::{Format, HoldKind, RenderError, Report};
use crate::questionnaire::Questionnaire;

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

/// Plans side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub plans: Vec<ComparedPlan>,
    pub sections: Vec<SectionRow>,
    pub differences: Vec<DifferenceSection>,
}

impl Comparison {
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
                    id: section.id.clone(),
                    title: section.title.clone(),
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
                        question_id: q.id.clone(),
                        question: q.text.clone(),
                        answers: words,
                    })
                })
                .collect();
            if !questions.is_empty() {
                differences.push(DifferenceSection {
                    id: section.id.clone(),
                    title: section.title.clone(),
                    questions,
                });
            }
        }
        Comparison {
            plans,
            sections,
            differences,
        }
    }

    /// The comparison in a file format.
    pub fn render(&self, format: Format) -> Result<String, RenderError> {
        match format {
            Format::Markdown => Ok(self.markdown()?),
            Format::Html => Ok(html::render(self)?),
            Format::Csv => Ok(self.csv()?),
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
        let levels = self
            .plans
            .iter()
            .map(|p| cell(p.level.as_deref().unwrap_or("no verdict yet")));
        row(&mut out, "Verdict", levels.collect())?;
        row(
            &mut out,
            "Score",
            self.plans
                .iter()
                .map(|p| percent_or_dash(p.score))
                .collect(),
        )?;
        row(
            &mut out,
            "Blockers",
            self.plans
                .iter()
                .map(|p| p.blockers.len().to_string())
                .collect(),
        )?;
        for section in &self.sections {
            let scores = section.scores.iter().map(|s| percent_or_dash(*s)).collect();
            row(&mut out, &cell(&section.title), scores)?;
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

    /// One row per plan and figure: `kind,section,question_id,question,plan,value`.
    fn csv(&self) -> Result<String, ::csv::Error> {
        let mut rows: Vec<[String; 6]> = Vec::new();
        let line =
            |kind: &str, section: &str, id: &str, question: &str, plan: &str, value: String| {
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
        for plan in &self.plans {
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
        for section in &self.sections {
            for (plan, score) in self.plans.iter().zip(&section.scores) {
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
        for section in &self.differences {
            for q in &section.questions {
                for (plan, answer) in self.plans.iter().zip(&q.answers) {
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
        super::csv::write_rows(
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
}
