//! The agenda in plain mode: `--agenda` starts its clock, the time of each section is
//! counted from when the conversation entered it (banked into the plan on leaving it and
//! at the end), and `agenda` says the time planned, used and left.

use std::io::{BufRead, Write};

use anyhow::Result;

use super::Conversation;
use crate::plan::Agenda;
use crate::plan::agenda::Standing;
use crate::wizard::agenda::loads;

impl<R: BufRead, W: Write> Conversation<R, W> {
    /// Takes the agenda the command line gave, its clock started; the time used so far
    /// is kept.
    pub fn with_agenda(mut self, agenda: Option<Agenda>) -> Self {
        let Some(mut given) = agenda else {
            return self;
        };
        given.running = true;
        match &mut self.plan.agenda {
            Some(kept) => {
                kept.replan(given);
                kept.running = true;
            }
            None => self.plan.agenda = Some(given),
        }
        self
    }

    /// The clock follows the section asked: the time of the one left is banked.
    pub(super) fn follow_agenda(&mut self, section: usize) {
        if !self.plan.agenda.as_ref().is_some_and(|a| a.running) {
            return;
        }
        match self.workshop.agenda_clock {
            Some((running, _)) if running == section => {}
            _ => {
                self.bank_agenda();
                self.workshop.agenda_clock = Some((section, (self.now)()));
            }
        }
    }

    /// Adds the time the running section used to the plan, its clock going on from now.
    pub(super) fn bank_agenda(&mut self) {
        let Some((section, since)) = self.workshop.agenda_clock else {
            return;
        };
        let now = (self.now)();
        crate::wizard::agenda::bank_clock(
            &mut self.plan,
            &self.loaded.questionnaire,
            section,
            since,
            now,
        );
        self.workshop.agenda_clock = Some((section, now));
    }

    /// What `?` adds while the plan has an agenda.
    pub(super) fn agenda_help(&mut self) -> Result<()> {
        if self.plan.agenda.is_none() {
            return Ok(());
        }
        Ok(self
            .console
            .say("Type agenda for the time planned per section, used, and left in this one.")?)
    }

    /// `agenda`: each section with time planned or used, and the time left in this one.
    pub(super) fn say_agenda(&mut self, here: usize) -> Result<()> {
        self.bank_agenda();
        let Some(agenda) = self.plan.agenda.clone() else {
            self.console.say(
                "No agenda yet: start with --agenda 90m for the session, or --agenda goal=10m,budget=15m per section.",
            )?;
            return Ok(());
        };
        let questionnaire = &self.loaded.questionnaire;
        let loads = loads(questionnaire, self.flow.visibility());
        let planned = agenda.planned(&loads);
        let clock = if agenda.running {
            "the clock runs"
        } else {
            "the clock is stopped"
        };
        let mut lines = vec![match agenda.session {
            Some(session) if agenda.is_spread() => format!(
                "Agenda, {clock}: {session} min for the session, spread over the sections by their questions."
            ),
            _ => format!("Agenda, {clock}: {} min planned.", agenda.total(&loads)),
        }];
        for (index, section) in questionnaire.sections.iter().enumerate() {
            let used = agenda.used(&section.id);
            let plan = planned.get(index).copied().flatten();
            if plan.is_none() && used < 60 && index != here {
                continue;
            }
            let mut line = format!(
                "Section {}, {}: {}, {} min used",
                index + 1,
                section.title,
                plan.map_or("no time planned".to_string(), |m| format!(
                    "{m} min planned"
                )),
                used / 60
            );
            if index == here {
                if let Some(minutes) = plan {
                    line = format!("{line}, {}", Standing::of(minutes, used).words());
                }
                line.push_str(" (this section)");
            }
            lines.push(format!("{line}."));
        }
        for line in lines {
            self.console.say(&line)?;
        }
        Ok(())
    }
}
