//! The start and the end of a plain-mode conversation: naming a new plan, and the goodbye
//! with where it was saved.

use std::io::{BufRead, Write};

use anyhow::{Context as _, Result};

use super::Conversation;
use crate::open;
use crate::plan::{PlanError, PlanName};
use crate::report::text::capitalised;

impl<R: BufRead, W: Write> Conversation<R, W> {
    /// Asks for the name of a new plan that has none yet, and saves it. False when the
    /// input ended or the user quit first.
    pub(super) fn name_plan(&mut self) -> Result<bool> {
        let taken = open::taken_names(self.file.store());
        let mut typed = self.plan.name.clone();
        if typed.is_empty() {
            self.console.say(
                "This starts a new plan. What should it be called? Your business name will do.",
            )?;
        }
        loop {
            if typed.is_empty() {
                match self.console.ask("Plan name: ")? {
                    None => return Ok(false),
                    Some(line) if line.trim().eq_ignore_ascii_case("q") => return Ok(false),
                    Some(line) => typed = line,
                }
            }
            let problem = match PlanName::new(&typed) {
                // Said by the real name of the plan it matched, which may be written
                // otherwise ("Hartley & Co" for "Hartley Co").
                Ok(name) => match taken.get(name.stem()) {
                    Some(real) => format!(
                        "A plan called \"{real}\" already exists (open it with outready --plain --plan \"{real}\")"
                    ),
                    None => {
                        self.plan.name = name.as_str().to_string();
                        match self.file.save(&self.plan) {
                            Ok(_) => {
                                self.started = true;
                                return Ok(true);
                            }
                            // Made or opened elsewhere since: another name will do.
                            Err(error @ (PlanError::Exists { .. } | PlanError::InUse { .. })) => {
                                error.to_string()
                            }
                            Err(error) => return Err(error.into()),
                        }
                    }
                },
                Err(error) => error.to_string(),
            };
            let said = format!("{}: type a name, or q to quit.", capitalised(&problem));
            self.refuse(&said, &problem)?;
            typed.clear();
        }
    }

    /// Saves one last time and says where the plan is.
    pub(super) fn farewell(mut self) -> Result<()> {
        let file = self
            .file
            .path()
            .map_or_else(|| self.plan.name.clone(), |p| p.display().to_string());
        let path = self
            .save()
            .with_context(|| format!("your last answers are not saved in {file}"))?;
        let (answered, total) = self.progress();
        self.console.gap()?;
        self.console.say(&format!(
            "Saved \"{}\" ({answered} of {total} answered) to {}. Run {} to carry on where you left off.",
            self.plan.name,
            path.display(),
            crate::data_dir::again(self.file.store().data_dir(), " --plain")
        ))?;
        Ok(self.console.flush()?)
    }
}
