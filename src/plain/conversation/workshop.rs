//! The facilitated session in plain mode: the team from `--participants`, the quick
//! scan from `--quick`, `p NAME VALUE` to record a position, `agree VALUE` to set the
//! agreed answer, the positions line under each question, and the history entry made
//! when a session that changed the plan ends.

use std::io::{BufRead, Write};

use anyhow::Result;
use jiff::Timestamp;

use super::super::command::{PositionWord, position_word};
use super::super::reading::{read_answer, sentence};
use super::super::wording;
use super::Conversation;
use crate::answer::AnswerState;
use crate::local_zone::local_zone;
use crate::plan::{Agreement, Participant, Plan, Stance};
use crate::questionnaire::Question;
use crate::report::workshop::since::record_session;
use crate::wizard::positions::{self, stance_of};
use crate::wizard::{self, Change, Flow, Mode, ScanProgress, Spot, quick};

/// What the conversation keeps about the session.
pub(super) struct Workshop {
    /// When the plan last changed before this session: a later time means it changed.
    opened: Timestamp,
    /// Whether the end of the quick scan was said.
    scan_said: bool,
    /// The section whose agenda time is counting, and since when.
    pub(super) agenda_clock: Option<(usize, Timestamp)>,
}

impl Workshop {
    pub(super) fn new(plan: &Plan) -> Workshop {
        Workshop {
            opened: plan.updated,
            scan_said: false,
            agenda_clock: None,
        }
    }
}

impl<R: BufRead, W: Write> Conversation<R, W> {
    /// Asks the quick scan first when `quick`, and adds the participants not in the team
    /// yet.
    pub fn with_workshop(mut self, quick: bool, team: Vec<Participant>) -> Self {
        if quick {
            self.flow =
                Flow::with_mode(&self.loaded.questionnaire, &self.plan.answers, Mode::Quick);
        }
        let before = self.plan.participants.len();
        positions::join_team(&mut self.plan, team);
        if self.plan.participants.len() != before {
            self.plan.updated = (self.now)();
        }
        self
    }

    /// The positions line under a question's options, and where it stands.
    pub(super) fn show_positions(&mut self, question: &Question) -> Result<()> {
        let Some(line) = positions::positions_line(&self.plan, question) else {
            return Ok(());
        };
        let standing = match positions::agreement(&self.plan, &question.id) {
            Agreement::Disputed => " Disputed.",
            Agreement::Agreed => " Agreed.",
            Agreement::Open => "",
        };
        Ok(self.console.say(&format!("Positions: {line}.{standing}"))?)
    }

    /// What `?` adds with a team: the facilitator's commands.
    pub(super) fn workshop_help(&mut self) -> Result<()> {
        if self.plan.participants.is_empty() {
            return Ok(());
        }
        let names: Vec<&str> = self
            .plan
            .participants
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        Ok(self.console.say(&format!(
            "With the team ({}): p NAME ANSWER records a position (u for don't know, - to abstain); agree ANSWER sets the agreed answer.",
            names.join(", ")
        ))?)
    }

    /// `p NAME VALUE`: records the position and says the line; or why not.
    pub(super) fn position(&mut self, question: &Question, name: &str, value: &str) -> Result<()> {
        let read = match position_word(value) {
            Some(PositionWord::DontKnow) => Ok((Stance::DontKnow, None)),
            Some(PositionWord::Abstain) => Ok((Stance::Abstain, None)),
            // A typed question's position reads as the wizard's positions box reads it.
            None if !question.kind.is_choice() => {
                positions::typed_position(&mut self.plan, question, value)
                    .map_err(|error| wording::entry_problem(&error.to_string()).to_string())
            }
            None => read_answer(question, value)
                .and_then(|change| wizard::apply(question, None, change).map_err(String::from))
                .and_then(|answer| {
                    stance_of(&answer).ok_or_else(|| "That is no position".to_string())
                }),
        };
        let (stance, value) = match read {
            Ok(read) => read,
            Err(problem) => {
                let said = wording::bad_entry(question, &problem);
                return self.refuse(
                    &format!("{said} A position may also be u (don't know) or - (abstain)."),
                    &problem,
                );
            }
        };
        let now = (self.now)();
        if let Err(problem) =
            positions::record_position(&mut self.plan, &question.id, name, stance, value, now)
        {
            let problem = problem.to_string();
            return self.refuse(&sentence("Not recorded", &problem), &problem);
        }
        let line = positions::positions_line(&self.plan, question).unwrap_or_default();
        let next = if positions::is_disputed(&self.plan, &question.id) {
            " Disputed: set the agreed answer with agree and the answer."
        } else {
            ""
        };
        self.saved(&format!("Positions: {line}.{next}"))
    }

    /// `agree VALUE`: sets the agreed answer; true when it was set (then the
    /// conversation goes on), false when it was refused (and said why).
    pub(super) fn agree(&mut self, question: &Question, value: &str) -> Result<bool> {
        let change = match value.trim().to_lowercase().as_str() {
            "u" => Ok(Change::Unsure),
            "na" => Ok(Change::NotApplicable),
            _ => read_answer(question, value),
        };
        let current = self
            .plan
            .answer(&question.id)
            .filter(|a| a.state != AnswerState::Unsure);
        let agreed = change
            .and_then(|change| wizard::apply(question, current, change).map_err(String::from));
        let answer = match agreed {
            Ok(answer) if answer.state != AnswerState::Unanswered => answer,
            Ok(_) => {
                self.console
                    .say("Nothing to agree on: give the agreed answer, like \"agree 1\".")?;
                return Ok(false);
            }
            Err(problem) => {
                self.refuse(&wording::bad_entry(question, &problem), &problem)?;
                return Ok(false);
            }
        };
        positions::agree(&mut self.plan, &question.id, answer, (self.now)());
        let notice = self.reflow();
        let said = self
            .plan
            .answer(&question.id)
            .and_then(|a| {
                wording::answer_text(question, a, &crate::money::plan_currency(&self.plan))
            })
            .unwrap_or_default();
        self.saved(&sentence("Agreed", &said))?;
        if let Some(notice) = notice {
            self.console.say(&notice)?;
        }
        Ok(true)
    }

    /// Says once, when a quick flow reaches the first question after the scan, that the
    /// scan is done and the verdict so far is provisional.
    pub(super) fn scan_done(&mut self, spot: Spot) -> Result<()> {
        let questionnaire = &self.loaded.questionnaire;
        if self.flow.mode() != Mode::Quick
            || self.workshop.scan_said
            || quick::scan(questionnaire).contains(&spot)
        {
            return Ok(());
        }
        self.workshop.scan_said = true;
        let progress = ScanProgress::of(questionnaire, &self.plan.answers);
        if !progress.provisional() {
            return Ok(());
        }
        let report = crate::report::Report::build(questionnaire, &self.plan, &local_zone());
        let level = report
            .verdict
            .level
            .map_or_else(|| "no verdict yet".to_string(), |l| l.label);
        let left = progress.rest_shown - progress.rest_answered;
        self.console.gap()?;
        Ok(self.console.say(&format!(
            "Quick scan done. Provisional verdict: {level}. The other {left} questions follow; q saves and stops here."
        ))?)
    }

    /// At the end of a session that changed the plan, records how it stands in its
    /// history (the save that follows writes it).
    pub(super) fn close_session(&mut self) {
        self.bank_agenda();
        if self.started && self.plan.updated != self.workshop.opened {
            record_session(
                &self.loaded.questionnaire,
                &mut self.plan,
                &local_zone(),
                (self.now)(),
            );
        }
    }
}
