//! Building a [`Report`] from a questionnaire and a plan: scoring's assessment put into
//! words, item by item. The verdict's sentences are in `verdict`.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::ShownAnswer;
use super::text::{answer_text_in, days_after, stored_answer_text};
use super::{
    ActionItem, ChecklistItem, ChecklistSection, DiscussItem, GapItem, HoldItem, HoldKind,
    KeptAnswer, PlanInfo, ProviderQuestion, ProviderQuestionSource, QuestionnaireInfo,
    REPORT_FORMAT_VERSION, RecommendationItem, Report, SectionScore, Summary,
};
use crate::answer::{Answer, AnswerState};
use crate::money::{Currency, plan_currency};
use crate::plan::change::unknown_answers;
use crate::plan::{Action, Plan};
use crate::questionnaire::Visibility;
use crate::questionnaire::compute::placeholder::fill;
use crate::questionnaire::model::About;
use crate::questionnaire::{Figures, Owner, Question, Questionnaire, Recommendation};
use crate::scoring::{self, Assessment, QuestionAssessment};

/// What building needs at hand: the questionnaire, the plan and scoring's reading of it.
struct Context<'a> {
    questionnaire: &'a Questionnaire,
    plan: &'a Plan,
    assessment: &'a Assessment,
    plan_date: Date,
    /// Every question with its assessment and answer, in questionnaire order, so each
    /// answer is looked up once however many parts show it.
    entries: Vec<Entry<'a>>,
    /// Where each section's questions start in `entries`.
    offsets: Vec<usize>,
    /// The accepted recommendations, with the action's due date when it has one and
    /// the person named on it.
    accepted: HashMap<&'a str, (Option<Date>, Option<&'a str>)>,
    /// The calculated figures, for `{placeholders}` in recommendation texts.
    figures: Figures<'a>,
    /// The plan's currency, for amounts.
    currency: Currency,
}

/// One question as the report reads it.
#[derive(Clone, Copy)]
struct Entry<'a> {
    question: &'a Question,
    assessed: &'a QuestionAssessment,
    answer: Option<&'a Answer>,
}

impl Report {
    /// Builds the report of a plan. Dates are read in `zone` (the user's time zone; tests
    /// pass UTC): the plan's date is the day it was started, and due dates count from it,
    /// so the same plan always gives the same report.
    pub fn build(questionnaire: &Questionnaire, plan: &Plan, zone: &TimeZone) -> Report {
        // What the answers show, worked out once for the score and the budget.
        let visibility = Visibility::compute(questionnaire, &plan.answers);
        Report::build_with(questionnaire, plan, zone, &visibility)
    }

    /// [`Report::build`] with what the plan's answers show already worked out
    /// (`Visibility::compute` of the same questionnaire and answers), as a front end's
    /// flow has it.
    pub fn build_with(
        questionnaire: &Questionnaire,
        plan: &Plan,
        zone: &TimeZone,
        visibility: &Visibility,
    ) -> Report {
        let assessment = scoring::assess_with(questionnaire, &plan.answers, visibility);
        Report::build_assessed(questionnaire, plan, zone, visibility, &assessment)
    }

    /// [`Report::build_with`] with scoring's assessment already made
    /// (`scoring::assess_with` of the same questionnaire, answers and visibility), as the
    /// wizard keeps it for the sidebar.
    pub fn build_assessed(
        questionnaire: &Questionnaire,
        plan: &Plan,
        zone: &TimeZone,
        visibility: &Visibility,
        assessment: &Assessment,
    ) -> Report {
        let plan_date = Report::plan_date(plan, zone);
        let context = Context {
            questionnaire,
            plan,
            assessment,
            plan_date,
            entries: questionnaire
                .questions()
                .zip(&assessment.questions)
                .map(|((_, question), assessed)| Entry {
                    question,
                    assessed,
                    answer: plan.answers.get(question.id.as_str()),
                })
                .collect(),
            offsets: questionnaire
                .sections
                .iter()
                .scan(0, |start, section| {
                    let this = *start;
                    *start += section.questions.len();
                    Some(this)
                })
                .collect(),
            accepted: plan
                .actions
                .iter()
                .filter(|action| !action.recommendation.is_empty())
                .map(|action| {
                    let person = Some(action.owner.trim()).filter(|o| !o.is_empty());
                    (action.recommendation.as_str(), (action.due, person))
                })
                .collect(),
            figures: Figures::for_answers(questionnaire, &plan.answers),
            currency: plan_currency(plan),
        };
        let holds = context.holds();
        let mut report = Report {
            format_version: REPORT_FORMAT_VERSION,
            plan: PlanInfo {
                name: plan.name.clone(),
                date: plan_date,
                last_changed: plan.updated.to_zoned(zone.clone()).date(),
            },
            questionnaire: QuestionnaireInfo {
                id: questionnaire.id.to_string(),
                version: questionnaire.version.to_string(),
                title: questionnaire.title.to_string(),
                levels: (0..questionnaire.levels.len())
                    .filter_map(|index| super::verdict::level_at(questionnaire, index))
                    .collect(),
            },
            summary: Summary::default(),
            verdict: super::verdict::verdict(questionnaire, assessment, holds),
            sections: context.sections(),
            checklist: context.checklist(),
            gaps: context.gaps(),
            actions: context.actions(),
            provider_questions: context.provider_questions(),
            discuss_later: context.discuss_later(),
            kept_answers: context.kept_answers(),
            disagreements: Vec::new(),
            since_last_time: None,
            agenda: super::workshop::agenda::items(questionnaire, plan, visibility),
            budget: super::budget::Budget::build_with(questionnaire, plan, visibility),
        };
        super::workshop::complete(&mut report, questionnaire, plan, zone, visibility);
        report.summary = Summary::of(&report);
        report
    }

    /// The plan's date: the day it was started, in `zone`. Due dates count from it.
    pub fn plan_date(plan: &Plan, zone: &TimeZone) -> Date {
        plan.created.to_zoned(zone.clone()).date()
    }
}

impl<'a> Context<'a> {
    /// The shown questions, in questionnaire order.
    fn shown(&self) -> impl Iterator<Item = &Entry<'a>> {
        self.entries.iter().filter(|entry| entry.assessed.shown)
    }

    /// The question with this id.
    fn entry(&self, question_id: &str) -> Option<&Entry<'a>> {
        let (section, index) = self.questionnaire.locate(question_id)?;
        let offset = self.offsets.get(section)?;
        self.entries.get(offset + index)
    }

    fn section_title(&self, index: usize) -> String {
        self.questionnaire
            .sections
            .get(index)
            .map(|section| section.title.to_string())
            .unwrap_or_default()
    }

    fn answer(&self, entry: &Entry<'_>) -> ShownAnswer {
        let state = entry.assessed.state;
        ShownAnswer::new(
            state,
            entry.answer.and_then(|answer| answer.value.clone()),
            answer_text_in(
                entry.question,
                entry.answer,
                state,
                entry.assessed.unusable_answer,
                &self.currency,
            ),
        )
    }

    /// A recommendation's text with its `{figure}` placeholders filled in.
    fn words(&self, text: &str) -> String {
        fill(text, &self.figures, &self.currency)
    }

    fn note(entry: &Entry<'_>) -> Option<String> {
        entry
            .answer
            .and_then(|answer| answer.note.clone())
            .filter(|note| !note.trim().is_empty())
    }

    fn holds(&self) -> Vec<HoldItem> {
        self.assessment
            .holds
            .iter()
            .filter_map(|hold| {
                let entry = self.entry(&hold.question)?;
                Some(HoldItem {
                    question_id: hold.question.clone(),
                    section: self.section_title(hold.section),
                    question: entry.question.text.to_string(),
                    answer: self.answer(entry),
                    reason: HoldKind::from(hold.reason),
                })
            })
            .collect()
    }

    fn sections(&self) -> Vec<SectionScore> {
        self.assessment
            .sections
            .iter()
            .filter(|assessed| assessed.shown && assessed.completeness.shown > 0)
            .filter_map(|assessed| {
                let section = self.questionnaire.sections.get(assessed.index)?;
                Some(SectionScore {
                    id: section.id.to_string(),
                    title: section.title.to_string(),
                    score: assessed.score,
                    counts: (&assessed.completeness).into(),
                    blockers: assessed.blockers,
                    scored: section.weight > 0.0
                        && section.questions.iter().any(Question::is_scored),
                })
            })
            .collect()
    }

    fn checklist(&self) -> Vec<ChecklistSection> {
        let gaps: HashSet<&str> = self
            .assessment
            .gaps
            .iter()
            .map(|gap| gap.question.as_str())
            .collect();
        let mut sections: Vec<ChecklistSection> = Vec::new();
        for entry in self.shown() {
            let (assessed, question) = (entry.assessed, entry.question);
            let item = ChecklistItem {
                question_id: question.id.to_string(),
                question: question.text.to_string(),
                state: assessed.state,
                answer: self.answer(entry),
                met: matches!(
                    assessed.state,
                    AnswerState::Answered | AnswerState::NotApplicable
                ) && !assessed.blocker
                    && !gaps.contains(question.id.as_str()),
                score: assessed.score,
                critical: assessed.critical,
                blocker: assessed.blocker,
                discuss: assessed.discuss,
                note: Self::note(entry),
            };
            let Some(section) = self.questionnaire.sections.get(assessed.section) else {
                continue;
            };
            match sections.last_mut() {
                Some(last) if last.id == section.id => last.items.push(item),
                _ => sections.push(ChecklistSection {
                    id: section.id.to_string(),
                    title: section.title.to_string(),
                    items: vec![item],
                }),
            }
        }
        sections
    }

    /// The due date of a recommendation: its action's date once accepted with one, else
    /// the plan's date plus the recommendation's days.
    fn due(&self, recommendation_id: &str, due_in_days: u32) -> Date {
        self.accepted
            .get(recommendation_id)
            .and_then(|(due, _)| *due)
            .unwrap_or_else(|| days_after(self.plan_date, due_in_days))
    }

    fn gaps(&self) -> Vec<GapItem> {
        self.assessment
            .gaps
            .iter()
            .filter_map(|gap| {
                let entry = self.entry(&gap.question)?;
                let question = entry.question;
                let recommendations = gap
                    .recommendations
                    .iter()
                    .filter_map(|id| question.recommendations.iter().find(|r| r.id == *id))
                    .map(|r| RecommendationItem {
                        id: r.id.to_string(),
                        text: self.words(&r.text),
                        effort: r.effort,
                        impact: r.impact,
                        owner: r.owner,
                        due: self.due(&r.id, r.due_in_days),
                        in_action_plan: self.accepted.contains_key(r.id.as_str()),
                        person: self
                            .accepted
                            .get(r.id.as_str())
                            .and_then(|(_, person)| person.map(str::to_string)),
                    })
                    .collect();
                Some(GapItem {
                    rank: 0,
                    question_id: question.id.to_string(),
                    section: self.section_title(gap.section),
                    question: question.text.to_string(),
                    why: question.why.to_string(),
                    source: question.source.to_string(),
                    answer: self.answer(entry),
                    score: gap.score,
                    unsure: gap.unsure,
                    blocker: gap.blocker,
                    critical: gap.critical,
                    priority: gap.priority,
                    note: Self::note(entry),
                    recommendations,
                })
            })
            .enumerate()
            .map(|(index, gap)| GapItem {
                rank: index + 1,
                ..gap
            })
            .collect()
    }

    fn actions(&self) -> Vec<ActionItem> {
        self.plan
            .actions
            .iter()
            .map(|action| {
                let question = self.questionnaire.question(&action.question);
                let recommendation = question.and_then(|q| {
                    q.recommendations
                        .iter()
                        .find(|r| r.id == action.recommendation)
                });
                let section = self
                    .questionnaire
                    .locate(&action.question)
                    .map(|(section, _)| self.section_title(section))
                    .unwrap_or_default();
                ActionItem {
                    recommendation_id: action.recommendation.clone(),
                    question_id: action.question.clone(),
                    text: self.words(&action_text(action, question, recommendation)),
                    question: match question {
                        Some(q) => q.text.to_string(),
                        None if action.is_own() => "(an action of your own)".to_string(),
                        None => action.question.clone(),
                    },
                    section,
                    effort: recommendation.map(|r| r.effort),
                    impact: recommendation.map(|r| r.impact),
                    party: recommendation.map(|r| r.owner),
                    owner: Some(action.owner.trim().to_string()).filter(|o| !o.is_empty()),
                    due: action.due.or_else(|| {
                        recommendation.map(|r| days_after(self.plan_date, r.due_in_days))
                    }),
                    status: action.status,
                }
            })
            .collect()
    }

    /// Provider-owned recommendations of the gaps, in gap order (an unsure gap about the
    /// provider without one becomes its own question to put to them), then the unsure
    /// questions about the provider that are not gaps (unscored ones), in questionnaire
    /// order. A question about your own business answered "I don't know yet" is no
    /// question for a provider: it stays in the gaps and the checklist.
    fn provider_questions(&self) -> Vec<ProviderQuestion> {
        let mut found: Vec<ProviderQuestion> = Vec::new();
        let mut from_gaps: HashSet<&str> = HashSet::new();
        for gap in &self.assessment.gaps {
            let Some(question) = self.entry(&gap.question).map(|e| e.question) else {
                continue;
            };
            let section = self.section_title(gap.section);
            let before = found.len();
            for recommendation in question.recommendations.iter().filter(|r| {
                r.owner == Owner::Provider && gap.recommendations.iter().any(|id| *id == r.id)
            }) {
                found.push(ProviderQuestion {
                    question_id: question.id.to_string(),
                    section: section.clone(),
                    question: question.text.to_string(),
                    ask: self.words(&recommendation.text),
                    source: ProviderQuestionSource::ProviderGap,
                });
            }
            if gap.unsure && found.len() == before && question.about == About::Provider {
                found.push(unsure_question(question, section));
            }
            from_gaps.insert(gap.question.as_str());
        }
        for entry in self.shown() {
            let question = entry.question;
            if entry.assessed.state == AnswerState::Unsure
                && question.about == About::Provider
                && !from_gaps.contains(question.id.as_str())
            {
                found.push(unsure_question(
                    question,
                    self.section_title(entry.assessed.section),
                ));
            }
        }
        found
    }

    fn discuss_later(&self) -> Vec<DiscussItem> {
        self.shown()
            .filter(|entry| entry.assessed.discuss)
            .map(|entry| DiscussItem {
                question_id: entry.question.id.to_string(),
                section: self.section_title(entry.assessed.section),
                question: entry.question.text.to_string(),
                answer: self.answer(entry),
                note: Self::note(entry),
            })
            .collect()
    }

    /// Answers (or notes, or flags) kept for questions this questionnaire no longer has.
    fn kept_answers(&self) -> Vec<KeptAnswer> {
        unknown_answers(&self.plan.answers, self.questionnaire)
            .into_iter()
            .filter_map(|id| self.plan.answers.get(&id).map(|answer| (id, answer)))
            .map(|(id, answer)| KeptAnswer {
                question_id: id,
                answer: ShownAnswer::new(
                    answer.state,
                    answer.value.clone(),
                    stored_answer_text(answer),
                ),
                note: answer.note.clone().filter(|n| !n.trim().is_empty()),
                discuss: answer.discuss,
            })
            .collect()
    }
}

/// An action's words: the owner's when they wrote or changed them, else the
/// recommendation's, or "Find out: " and the question for a find-out item.
fn action_text(
    action: &Action,
    question: Option<&Question>,
    recommendation: Option<&Recommendation>,
) -> String {
    if let Some(text) = action.text.as_deref().filter(|t| !t.trim().is_empty()) {
        return text.to_string();
    }
    if action.find_out {
        let asked = question.map_or(action.question.as_str(), |q| q.text.as_str());
        return format!("Find out: {asked}");
    }
    recommendation.map_or_else(
        || format!("{} (no longer in the questionnaire)", action.recommendation),
        |r| r.text.to_string(),
    )
}

fn unsure_question(question: &Question, section: String) -> ProviderQuestion {
    ProviderQuestion {
        question_id: question.id.to_string(),
        section,
        question: question.text.to_string(),
        ask: question.text.to_string(),
        source: ProviderQuestionSource::Unsure,
    }
}
