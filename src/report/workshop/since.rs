//! "Since last time": what changed since the last session (or a day given with
//! `--since`): answers changed, disputes opened or settled, actions done, the verdict
//! then and now. Read from each answer's and position's time of change and from the
//! plan's history, whose entry for a session is made here too.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::plan::history::{self, HistoryCounts, HistoryEntry};
use crate::plan::{ActionStatus, Agreement, Plan};
use crate::questionnaire::Questionnaire;
use crate::report::Report;
use crate::report::text::stored_answer_text;

/// Where "since" starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// The end of the last session on a day before the plan last changed: what a report
    /// written after a meeting compares with.
    LastSession,
    /// The end of the last session on a day before this one: what a screen at the start
    /// of a meeting compares with (given today).
    SessionBefore(Date),
    /// The start of this day (in the user's time zone).
    Date(Date),
}

/// What changed since the last session or a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SinceLastTime {
    /// The last session's day, or the day given.
    pub since: Date,
    /// Whether `since` is the last session's day (else a day given with `--since`).
    pub last_session: bool,
    /// The verdict at the end of the last session before `since`'s changes; `None`
    /// when the history has no entry from before.
    pub then: Option<VerdictMark>,
    pub now: VerdictMark,
    /// Questions whose answer, note or flag changed, in questionnaire order, with the
    /// answer now.
    pub answers_changed: Vec<ChangedItem>,
    /// Questions disputed now whose positions changed since.
    pub disputes_opened: Vec<ChangedItem>,
    /// Questions agreed since, with the agreed answer.
    pub disputes_settled: Vec<ChangedItem>,
    /// Actions done since, with the action's text.
    pub actions_done: Vec<ChangedItem>,
}

/// A verdict as the history keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerdictMark {
    /// The level's label; `None` without a verdict.
    pub level: Option<String>,
    pub score: Option<f64>,
}

/// One thing that changed: the question, and the answer or action in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedItem {
    pub question_id: String,
    pub question: String,
    pub detail: String,
}

impl SinceLastTime {
    /// Whether nothing at all changed.
    pub fn is_quiet(&self) -> bool {
        self.answers_changed.is_empty()
            && self.disputes_opened.is_empty()
            && self.disputes_settled.is_empty()
            && self.actions_done.is_empty()
            && self.then.as_ref() == Some(&self.now)
    }

    /// "Since the session of 2026-11-01" or "Since 2026-11-01".
    pub fn lead(&self) -> String {
        if self.last_session {
            format!("Since the session of {}", self.since)
        } else {
            format!("Since {}", self.since)
        }
    }

    /// The parts that list things: heading and items, in the order every format shows.
    pub fn parts(&self) -> [(&'static str, &[ChangedItem]); 4] {
        [
            ("Answers changed", &self.answers_changed),
            ("Disputes opened", &self.disputes_opened),
            ("Disputes settled", &self.disputes_settled),
            ("Actions done", &self.actions_done),
        ]
    }
}

impl VerdictMark {
    /// "Nearly ready, 62%", or "no verdict".
    pub fn text(&self) -> String {
        match (&self.level, self.score) {
            (Some(level), Some(score)) => format!("{level}, {}", crate::report::percent(score)),
            (Some(level), None) => level.clone(),
            (None, Some(score)) => crate::report::percent(score),
            (None, None) => "no verdict".to_string(),
        }
    }
}

/// Why there is nothing to compare with, in a sentence that is true of the history:
/// empty until a session ends, or only today's session (one entry a day is kept, and
/// "since last time" compares with a day before this one).
pub fn nothing_to_compare(history: &[HistoryEntry]) -> &'static str {
    if history.is_empty() {
        "No earlier session to compare with yet: the plan's history starts when this session ends."
    } else {
        "The plan's history has only today's session; what changed since an earlier day \
         shows from tomorrow, or with --since DATE."
    }
}

/// What changed, for the report just built; `None` for the last session when the
/// history holds none before the day the plan last changed.
pub fn compute(
    questionnaire: &Questionnaire,
    plan: &Plan,
    report: &Report,
    zone: &TimeZone,
    since: Since,
) -> Option<SinceLastTime> {
    let (day, baseline, after) = match since {
        Since::LastSession | Since::SessionBefore(_) => {
            let day = match since {
                Since::SessionBefore(day) => day,
                _ => plan.updated.to_zoned(zone.clone()).date(),
            };
            let baseline = history::before(&plan.history, day)?;
            (baseline.date, Some(baseline), baseline.at)
        }
        Since::Date(day) => {
            let start = day.to_zoned(zone.clone()).ok()?.timestamp();
            let after = start.checked_sub(SignedDuration::from_nanos(1)).ok()?;
            (day, history::before(&plan.history, day), after)
        }
    };
    let text = |id: &str| {
        questionnaire
            .question(id)
            .map_or_else(|| id.to_string(), |q| q.text.to_string())
    };
    let answer = |id: &str| {
        report
            .checklist
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| i.question_id == id)
            .map(|i| i.answer.words().to_string())
            .or_else(|| plan.answer(id).map(stored_answer_text))
            .unwrap_or_default()
    };
    let item = |id: &str, detail: String| ChangedItem {
        question_id: id.to_string(),
        question: text(id),
        detail,
    };
    let order = |id: &str| questionnaire.locate(id).unwrap_or((usize::MAX, usize::MAX));
    let mut changed: Vec<&String> = plan
        .answers
        .iter()
        .filter(|(_, a)| a.changed.is_some_and(|t| t > after))
        .map(|(id, _)| id)
        .collect();
    changed.sort_by_key(|id| order(id));
    let mut opened = Vec::new();
    let mut settled = Vec::new();
    for (id, positions) in &plan.positions {
        match positions.agreement() {
            Agreement::Disputed if positions.last_change().is_some_and(|t| t > after) => {
                opened.push(id)
            }
            Agreement::Agreed
                if positions.agreed.is_some_and(|t| t > after)
                    && (positions.differ()
                        || baseline.is_some_and(|b| b.disputed.contains(id))) =>
            {
                settled.push(id)
            }
            _ => {}
        }
    }
    opened.sort_by_key(|id| order(id));
    settled.sort_by_key(|id| order(id));
    let actions_done = report
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .filter(|a| baseline.is_none_or(|b| !b.done_actions.contains(&a.recommendation_id)))
        .map(|a| ChangedItem {
            question_id: a.question_id.clone(),
            question: a.question.clone(),
            detail: a.text.clone(),
        })
        .collect();
    Some(SinceLastTime {
        since: day,
        last_session: !matches!(since, Since::Date(_)),
        then: baseline.map(|b| VerdictMark {
            level: b.level_label.clone(),
            score: b.score,
        }),
        now: VerdictMark {
            level: report.verdict.level.as_ref().map(|l| l.label.clone()),
            score: report.verdict.score,
        },
        answers_changed: changed.into_iter().map(|id| item(id, answer(id))).collect(),
        disputes_opened: opened.into_iter().map(|id| item(id, answer(id))).collect(),
        disputes_settled: settled.into_iter().map(|id| item(id, answer(id))).collect(),
        actions_done,
    })
}

/// How the plan stands at the end of a session, as its history keeps it.
pub fn session_entry(
    plan: &Plan,
    report: &Report,
    zone: &TimeZone,
    now: Timestamp,
) -> HistoryEntry {
    let counts = report.verdict.counts;
    let disputed: Vec<String> = plan
        .positions
        .iter()
        .filter(|(_, p)| p.agreement() == Agreement::Disputed)
        .map(|(id, _)| id.clone())
        .collect();
    let done_actions: Vec<String> = plan
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .map(|a| a.recommendation.clone())
        .collect();
    HistoryEntry {
        date: now.to_zoned(zone.clone()).date(),
        at: now,
        score: report.verdict.score,
        level: report.verdict.level.as_ref().map(|l| l.id.clone()),
        level_label: report.verdict.level.as_ref().map(|l| l.label.clone()),
        counts: HistoryCounts {
            shown: counts.shown,
            answered: counts.answered,
            unsure: counts.unsure,
            not_applicable: counts.not_applicable,
            unanswered: counts.unanswered,
            disputed: disputed.len(),
            actions: plan.actions.len(),
            actions_done: done_actions.len(),
        },
        done_actions,
        disputed,
        extra: serde_json::Map::new(),
    }
}

/// Ends a session that changed the plan: records how it stands in its history (one
/// entry a day; a later session the same day replaces it). Front ends call this when
/// they close a plan they changed, then save it.
pub fn record_session(
    questionnaire: &Questionnaire,
    plan: &mut Plan,
    zone: &TimeZone,
    now: Timestamp,
) {
    let report = Report::build(questionnaire, plan, zone);
    let entry = session_entry(plan, &report, zone, now);
    history::record(&mut plan.history, entry);
}
