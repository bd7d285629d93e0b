//! Where the plan stands, after the last question or on `s`: the summary, the gaps
//! numbered (`a N` puts one in the action plan), the action plan with owners, due dates
//! and status (and actions of the owner's own), the report file, and `g` back to the
//! questions. The action rules are the wizard's (`wizard::actions`); the words are
//! read from the report data every report file shows.

use std::io::{BufRead, Write};

use anyhow::Result;

use super::super::menu::{self, MenuCommand};
use super::super::standing;
use super::{Conversation, Step};
use crate::local_zone::local_zone;
use crate::plan::PlanName;
use crate::report::export::export;
use crate::report::{Format, Report};
use crate::wizard::Spot;
use crate::wizard::actions;

impl<R: BufRead, W: Write> Conversation<R, W> {
    /// Shows where the plan stands and takes commands until the user finishes or goes
    /// back to the questions. `from` is the question `s` was typed at (None: after the
    /// last question).
    pub(super) fn results(&mut self, from: Option<Spot>) -> Result<Step> {
        self.leaving_section()?;
        self.console.gap()?;
        if from.is_none() {
            self.console.say("That was the last question.")?;
            // The next run starts at the first open question, if there is one.
            if let Some(first) = self
                .flow
                .first_unanswered(&self.loaded.questionnaire, &self.plan.answers)
            {
                self.plan.position.question = self.question_at(first).map(|q| q.id.to_string());
            }
        }
        self.lines(standing::summary(&self.report()))?;
        self.console.say(
            "Type gaps for the gaps, actions for the action plan, e to write the report, ? for every command, or Enter alone to save and finish.",
        )?;
        loop {
            let Some(line) = self
                .console
                .ask("Where the plan stands (? for commands): ")?
            else {
                return Ok(Step::Leave);
            };
            let command = match menu::read(&line) {
                Ok(command) => command,
                Err(problem) => {
                    let said = format!(
                        "{problem}: type ? for the commands here, or Enter alone to finish."
                    );
                    self.refuse(&said, &problem)?;
                    continue;
                }
            };
            if let Some(step) = self.command(command, from)? {
                return Ok(step);
            }
        }
    }

    /// Carries out one command; the step to take when it leaves the standing.
    fn command(&mut self, command: MenuCommand, from: Option<Spot>) -> Result<Option<Step>> {
        let now = (self.now)();
        match command {
            MenuCommand::Finish => return Ok(Some(Step::Leave)),
            MenuCommand::Help => {
                let help: Vec<String> = menu::help().iter().map(|l| l.to_string()).collect();
                self.lines(help)?;
            }
            MenuCommand::Summary => self.lines(standing::summary(&self.report()))?,
            MenuCommand::Gaps => self.lines(standing::gaps(&self.report()))?,
            MenuCommand::Actions => self.lines(standing::actions(&self.report()))?,
            MenuCommand::Add(number) => self.add_gap(number)?,
            MenuCommand::FindOut(id) => {
                let added =
                    actions::add_find_out(&mut self.plan, &self.loaded.questionnaire, &id, now);
                match added {
                    Ok(index) => self.saved_action(index)?,
                    Err(problem) => self.refuse_error(&problem)?,
                }
            }
            MenuCommand::Owner(number, name) => {
                if let Some(index) = self.action_index(number)? {
                    actions::set_owner(&mut self.plan, index, &name, now);
                    self.saved_action(index)?;
                }
            }
            MenuCommand::Due(number, date) => {
                if let Some(index) = self.action_index(number)? {
                    match actions::set_due(&mut self.plan, index, &date, now) {
                        Ok(()) => self.saved_action(index)?,
                        Err(problem) => self.refuse_error(&problem)?,
                    }
                }
            }
            MenuCommand::Text(number, words) => {
                if let Some(index) = self.action_index(number)? {
                    match actions::set_text(&mut self.plan, index, &words, now) {
                        Ok(()) => self.saved_action(index)?,
                        Err(problem) => self.refuse_error(&problem)?,
                    }
                }
            }
            MenuCommand::Status(number, words) => {
                if let Some(index) = self.action_index(number)? {
                    match actions::parse_status(&words) {
                        Ok(status) => {
                            actions::set_status(&mut self.plan, index, status, now);
                            self.saved_action(index)?;
                            if status == crate::plan::ActionStatus::Done {
                                return self.update_after_done(number, index);
                            }
                        }
                        Err(problem) => self.refuse_error(&problem)?,
                    }
                }
            }
            MenuCommand::New(words) => return self.new_action(&words),
            MenuCommand::Remove(number) => {
                if let Some(index) = self.action_index(number)? {
                    match actions::remove(&mut self.plan, index, now) {
                        Ok(()) => self.saved(&format!(
                            "Action {number} is out of the action plan; the numbers after it moved up."
                        ))?,
                        Err(problem) => {
                            // The wizard's words name its key; here the command does it.
                            let problem = problem.to_string().replace(" (Space)", " (status N open)");
                            self.refuse(&problem, &problem)?;
                        }
                    }
                }
            }
            MenuCommand::Export(format) => self.export(&format)?,
            MenuCommand::Go(target) => match self.destination(&target) {
                Ok(spot) => return Ok(Some(Step::Ask(spot))),
                Err(problem) => self.refuse(&format!("{problem}."), &problem)?,
            },
            MenuCommand::Back => match from.or_else(|| self.flow.shown().last().copied()) {
                Some(spot) => return Ok(Some(Step::Ask(spot))),
                None => {
                    let problem = "There are no questions to go back to";
                    self.refuse(&format!("{problem}."), problem)?;
                }
            },
        }
        Ok(None)
    }

    /// The report of the plan as it is now: what every list here is read from.
    fn report(&self) -> Report {
        Report::build(&self.loaded.questionnaire, &self.plan, &local_zone())
    }

    fn lines(&mut self, lines: Vec<String>) -> Result<()> {
        for line in lines {
            self.console.say(&line)?;
        }
        Ok(())
    }

    /// The index of action `number` (from 1), or None after saying there is none.
    fn action_index(&mut self, number: usize) -> Result<Option<usize>> {
        let count = self.plan.actions.len();
        if number <= count {
            return Ok(Some(number - 1));
        }
        let problem = match count {
            0 => format!("There is no action {number}: the action plan is empty"),
            1 => format!("There is no action {number}: the action plan has 1"),
            n => format!("There is no action {number}: the action plan has 1 to {n}"),
        };
        self.refuse(&format!("{problem}."), &problem)?;
        Ok(None)
    }

    /// Saves, then says the action as it is now.
    fn saved_action(&mut self, index: usize) -> Result<()> {
        let report = self.report();
        let line = report
            .actions
            .get(index)
            .map(|action| standing::action_line(index + 1, action))
            .unwrap_or_default();
        self.saved(&format!("Saved. {line}"))
    }

    /// Puts gap `number`'s recommendations, or finding out its answer, in the plan.
    fn add_gap(&mut self, number: usize) -> Result<()> {
        let report = self.report();
        let Some(gap) = report.gaps.get(number.wrapping_sub(1)) else {
            let problem = format!(
                "There is no gap {number}: {}",
                match report.gaps.len() {
                    0 => "there are no gaps".to_string(),
                    n => format!("type a number from 1 to {n}"),
                }
            );
            return self.refuse(&format!("{problem}."), &problem);
        };
        let now = (self.now)();
        let before = self.plan.actions.len();
        for advice in &gap.recommendations {
            if actions::find(&self.plan, &advice.id).is_none() {
                // Not in the plan yet, so toggling adds it.
                let added = actions::toggle(
                    &mut self.plan,
                    &self.loaded.questionnaire,
                    &gap.question_id,
                    &advice.id,
                    now,
                );
                if let Err(problem) = added {
                    return self.refuse_error(&problem);
                }
            }
        }
        if gap.unsure && actions::find_out_item(&self.plan, &gap.question_id).is_none() {
            let added = actions::add_find_out(
                &mut self.plan,
                &self.loaded.questionnaire,
                &gap.question_id,
                now,
            );
            if let Err(problem) = added {
                return self.refuse_error(&problem);
            }
        }
        let after = self.plan.actions.len();
        if after == before {
            let said = if gap.recommendations.is_empty() && !gap.unsure {
                format!(
                    "Gap {number} has no recommendation: type new and what is to be done to add your own."
                )
            } else {
                format!("Gap {number} is in the action plan already: type actions to see it.")
            };
            return Ok(self.console.say(&said)?);
        }
        let numbers: Vec<String> = (before + 1..=after).map(|n| n.to_string()).collect();
        self.saved(&format!(
            "Gap {number} is in the action plan: action {}. Type owner {} and a name to say who does it.",
            numbers.join(", "),
            before + 1
        ))
    }

    /// After an action on a gap is marked done: the gap closes only when its answer
    /// changes, so offer to answer the question again now.
    fn update_after_done(&mut self, number: usize, index: usize) -> Result<Option<Step>> {
        let Some(question) = actions::gap_left_open(&self.plan, &self.loaded.questionnaire, index)
        else {
            return Ok(None);
        };
        let Ok(spot) = self.destination(&question) else {
            return Ok(None);
        };
        self.console.say(&format!(
            "Action {number} is done, but its gap stays open until the answer changes."
        ))?;
        loop {
            let Some(line) = self.console.ask(
                "Update the answer now? Type y to answer it again, or Enter alone to stay here: ",
            )?
            else {
                return Ok(Some(Step::Leave));
            };
            match line.trim().to_lowercase().as_str() {
                "y" | "yes" => {
                    self.revisit = true;
                    return Ok(Some(Step::Ask(spot)));
                }
                "" | "n" | "no" => return Ok(None),
                _ => {
                    let problem = format!("\"{}\" is not y or Enter", line.trim());
                    self.refuse(&format!("{problem}: type y, or Enter alone."), &problem)?;
                }
            }
        }
    }

    /// An action of the owner's own: asks who does it and by when, then saves it.
    fn new_action(&mut self, words: &str) -> Result<Option<Step>> {
        let Some(owner) = self
            .console
            .ask("Who will do it? Type a name, or Enter alone for nobody yet: ")?
        else {
            return Ok(Some(Step::Leave));
        };
        loop {
            let Some(due) = self
                .console
                .ask("Due by? Type a date as YYYY-MM-DD, or Enter alone for none: ")?
            else {
                return Ok(Some(Step::Leave));
            };
            match actions::add_own(&mut self.plan, words, &owner, &due, (self.now)()) {
                Ok(index) => {
                    self.saved_action(index)?;
                    return Ok(None);
                }
                Err(problem) => self.refuse_error(&problem)?,
            }
        }
    }

    /// Writes the report to the data folder's reports, as the wizard does, and says where.
    fn export(&mut self, format: &str) -> Result<()> {
        let (format, what) = match format {
            "" | "html" => (
                Format::Html,
                "a web page: open it in a browser to read or print it",
            ),
            "md" | "markdown" => (Format::Markdown, "Markdown: any text editor reads it"),
            "csv" => (Format::Csv, "CSV: a spreadsheet opens it"),
            "json" => (Format::Json, "JSON, for other programs"),
            other => {
                let problem = format!("\"{other}\" is not a report format");
                let said = format!("{problem}: type e, or e md, e csv or e json.");
                return self.refuse(&said, &problem);
            }
        };
        let Ok(name) = PlanName::new(&self.plan.name) else {
            return Ok(self
                .console
                .say("Name the plan before writing its report.")?);
        };
        let plans = self.file.store().dir();
        let data_dir = plans.parent().unwrap_or(plans);
        let today = actions::local_date((self.now)());
        let written = self
            .report()
            .render(format)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                export(data_dir, &name, today, format, &text).map_err(|e| e.to_string())
            });
        match written {
            Ok(path) => self
                .console
                .say(&format!("Report written to {} ({what}).", path.display()))?,
            Err(error) => self
                .console
                .say(&format!("The report could not be written: {error}."))?,
        }
        Ok(())
    }
}
