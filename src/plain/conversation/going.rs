//! Where a line can send the conversation, and where it cannot: `g` to a section by
//! number or a question by id, and a refused line, which with strict input (a file)
//! stops the run there.

use std::io::{BufRead, Write};

use anyhow::Result;

use super::super::Refused;
use super::Conversation;
use crate::wizard::Spot;

impl<R: BufRead, W: Write> Conversation<R, W> {
    /// Refuses with an error's own sentence (see [`Self::refuse`]).
    pub(super) fn refuse_error(&mut self, error: &impl std::fmt::Display) -> Result<()> {
        let problem = error.to_string();
        self.refuse(&problem, &problem)
    }

    /// Says why a line was refused; with strict input, stops the run there.
    pub(super) fn refuse(&mut self, said: &str, problem: &str) -> Result<()> {
        self.console.say(said)?;
        if self.strict {
            return Err(Refused {
                line: self.console.line_number(),
                problem: lower_first(problem.trim().trim_end_matches('.')),
                saved: None,
            }
            .into());
        }
        Ok(())
    }

    /// The question `g` names: a section by its number, or a question by its id.
    pub(super) fn destination(&self, target: &str) -> Result<Spot, String> {
        let questionnaire = &self.loaded.questionnaire;
        if let Ok(number) = target.parse::<usize>() {
            let count = self.flow.section_count();
            if number == 0 || number > count {
                return Err(format!(
                    "There is no section {number}: type g and 1 to {count}, or a question id"
                ));
            }
            return self.flow.first_in_section(number - 1).ok_or_else(|| {
                format!(
                    "Section {number} has no question to answer: the answers so far leave it out"
                )
            });
        }
        let (section, question) = questionnaire.locate(target).ok_or_else(|| {
            format!(
                "There is no question \"{target}\": type g and a question id, or a section number"
            )
        })?;
        let spot = Spot { section, question };
        if self.flow.is_shown(spot) {
            Ok(spot)
        } else {
            Err(format!(
                "The question \"{target}\" is not asked: the answers so far leave it out"
            ))
        }
    }
}

/// A sentence's problem made to sit inside another sentence: "There is no option 9" reads
/// "there is no option 9" (but "I" stays "I").
fn lower_first(problem: &str) -> String {
    let mut chars = problem.chars();
    match chars.next() {
        Some('I') if chars.clone().next().is_none_or(|c| !c.is_alphabetic()) => problem.to_string(),
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
