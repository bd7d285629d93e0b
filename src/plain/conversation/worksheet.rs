//! The budget worksheet in plain mode: printed when the conversation leaves a section
//! that has calculated figures, and on request (`w`), each figure with what it is made
//! of and the answers it still needs.

use std::io::{BufRead, Write};

use anyhow::Result;

use super::super::reading::read_answer;
use super::super::wording;
use super::Conversation;
use crate::money::{currency_changed, currency_sentence, set_currency};
use crate::questionnaire::{Question, QuestionType};
use crate::report::budget::{Budget, WorksheetPart, worksheet};
use crate::wizard::Change;

impl<R: BufRead, W: Write> Conversation<R, W> {
    /// Prints the worksheet of a section (every figure with `None`). False when there
    /// are no figures to show.
    pub(super) fn worksheet(&mut self, section: Option<usize>) -> Result<bool> {
        let Some(budget) = Budget::build(&self.loaded.questionnaire, &self.plan) else {
            return Ok(false);
        };
        let title = section
            .and_then(|s| self.loaded.questionnaire.sections.get(s))
            .map(|s| s.title.clone());
        let lines = worksheet(&budget, title.as_deref());
        if lines.len() < 2 {
            return Ok(false);
        }
        self.console.gap()?;
        for (part, text) in lines {
            match part {
                WorksheetPart::Heading => self.console.say(&format!("{text}:"))?,
                WorksheetPart::Figure => self.console.say(&text)?,
                WorksheetPart::How | WorksheetPart::Missing => {
                    self.console.say(&format!("  {text}"))?
                }
            }
        }
        Ok(true)
    }

    /// On leaving a section with figures, prints its worksheet.
    pub(super) fn leaving_section(&mut self) -> Result<()> {
        let Some(section) = self.section else {
            return Ok(());
        };
        let has_figures = self
            .loaded
            .questionnaire
            .sections
            .get(section)
            .is_some_and(|s| !s.calculated.is_empty());
        if has_figures {
            self.worksheet(Some(section))?;
        }
        Ok(())
    }

    /// `w` asked for the worksheet: the current section's, or every figure's when the
    /// section has none; says so when the questionnaire has no figures.
    pub(super) fn worksheet_on_request(&mut self, section: usize) -> Result<()> {
        let own = self
            .loaded
            .questionnaire
            .sections
            .get(section)
            .is_some_and(|s| !s.calculated.is_empty());
        if !self.worksheet(own.then_some(section))? {
            self.console
                .say("This questionnaire works out no figures, so there is no worksheet.")?;
        }
        Ok(())
    }

    /// The help lines for `w` and `currency`, when the questionnaire has figures.
    pub(super) fn worksheet_help(&mut self) -> Result<()> {
        if self.loaded.questionnaire.figure_count() > 0 {
            self.console
                .say("w: the budget worksheet, each figure and what it still needs.")?;
            self.console
                .say("currency and a code, like \"currency EUR\": the currency amounts are in.")?;
        }
        Ok(())
    }

    /// `currency CODE` changes the plan's currency and saves; `currency` alone says it.
    pub(super) fn currency(&mut self, code: &str) -> Result<()> {
        if code.is_empty() {
            let said = currency_sentence(&self.plan, &self.loaded.questionnaire);
            self.console.say(&format!(
                "{said} To change it, type currency and a code, like \"currency EUR\"."
            ))?;
            return Ok(());
        }
        match set_currency(&mut self.plan, code) {
            Ok(currency) => self.saved(&currency_changed(&currency)),
            Err(problem) => {
                let problem = problem.to_string();
                self.refuse(&format!("{problem}."), &problem)
            }
        }
    }

    /// What a typed answer changes: an amount is read in the plan's currency, which the
    /// first amount typed gives the plan (saying so); anything else as `read_answer`
    /// reads it.
    pub(super) fn read_typed(&mut self, question: &Question, text: &str) -> Result<Change, String> {
        if question.kind != QuestionType::Money {
            return read_answer(question, text);
        }
        match crate::wizard::read_typed(question, text, &mut self.plan.currency) {
            Ok((change, said)) => {
                if let Some(said) = said {
                    self.console.say(&said).map_err(|e| e.to_string())?;
                }
                Ok(change)
            }
            Err(error) => Err(wording::entry_problem(&error.to_string()).to_string()),
        }
    }
}
