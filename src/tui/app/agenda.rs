//! The agenda as the wizard keeps it: which section's time is running and since when
//! (the app's own state; the time banked lives in the plan), and what that means now for
//! the section on screen. Read by the header and the agenda box; changed by `update`.

use std::time::Duration;

use jiff::Timestamp;

use super::App;
use crate::plan::agenda::{self, SectionLoad, Standing};

/// The section whose time is counting, and since when (banked into the plan at each
/// change of section, each tick and on quitting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgendaClock {
    pub section: usize,
    pub since: Timestamp,
}

impl App {
    /// Whether the agenda keeps time now.
    pub fn agenda_running(&self) -> bool {
        self.plan.agenda.as_ref().is_some_and(|a| a.running)
    }

    /// Each section with the questions it shows now, as the agenda weighs them.
    pub fn agenda_loads(&self) -> Vec<SectionLoad<'_>> {
        crate::wizard::agenda::loads(self.questionnaire(), self.flow.visibility())
    }

    /// The section the workshop is in: the one of the last question on screen.
    pub fn agenda_section(&self) -> Option<usize> {
        self.last_question.map(|spot| spot.section)
    }

    /// The seconds a section has used: what is banked, and what runs since.
    pub fn section_used(&self, section: usize) -> u64 {
        let Some(plan) = &self.plan.agenda else {
            return 0;
        };
        let banked = self.section_at(section).map_or(0, |s| plan.used(&s.id));
        match self.agenda_clock {
            Some(clock) if clock.section == section && plan.running => {
                banked + agenda::elapsed(clock.since, (self.now)())
            }
            _ => banked,
        }
    }

    /// The minutes planned for a section, if any.
    pub fn section_planned(&self, section: usize) -> Option<u32> {
        let plan = self.plan.agenda.as_ref()?;
        plan.planned(&self.agenda_loads())
            .get(section)
            .copied()
            .flatten()
    }

    /// Where the section the workshop is in stands against its time, while the agenda
    /// runs and that section has time planned.
    pub fn agenda_standing(&self) -> Option<(usize, Standing)> {
        if !self.agenda_running() {
            return None;
        }
        let section = self.agenda_section()?;
        let planned = self.section_planned(section)?;
        Some((section, Standing::of(planned, self.section_used(section))))
    }

    /// How long the loop may sleep before what the header shows changes: none while no
    /// agenda runs (the loop then blocks on input alone), a minute at most otherwise.
    pub fn agenda_wait(&self) -> Option<Duration> {
        if !self.agenda_running() {
            return None;
        }
        let used = self.agenda_section().map_or(0, |s| self.section_used(s));
        let mut wait = agenda::until_next_change(used);
        if self.present {
            // The presenter's header shows the time of day: it turns on the minute.
            let second = u64::try_from((self.now)().as_second().rem_euclid(60)).unwrap_or(0);
            wait = wait.min(60 - second);
        }
        Some(Duration::from_secs(wait))
    }
}
