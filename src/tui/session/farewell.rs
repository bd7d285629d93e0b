//! What the wizard says once the terminal is back to normal: where the plan was saved,
//! that nothing was (read-only, or never started), or the error (exit 1) when the last
//! changes are not on disk or the user left a damaged plan as it is.

use std::path::Path;

use anyhow::{Result, anyhow};

use super::{Pending, Session};
use crate::plan::PlanName;
use crate::tui::app::{App, Screen};

impl Session {
    /// What to print once the terminal is back to normal; an error (exit 1) when the
    /// last changes could not be saved, as plain mode does, or when the user left a
    /// damaged plan as it is.
    pub fn farewell(&mut self, app: &App) -> Result<String> {
        if matches!(app.screen, Screen::Gate(_)) {
            match self.pending.take() {
                Some(Pending::Damaged(damage)) => return Err(damage.error.into()),
                Some(Pending::Busy(owner)) => {
                    let name = self
                        .options
                        .plan
                        .clone()
                        .unwrap_or_else(|| app.plan.name.clone());
                    return Ok(format!(
                        "Nothing was opened: \"{name}\" is open in another outready ({}).",
                        owner.describe()
                    ));
                }
                None => {}
            }
        }
        if !app.saved_once {
            return Ok("Nothing was saved: the plan was not started.".to_string());
        }
        // A new plan whose file could not be claimed is named by the file it would have.
        let file = self
            .file
            .path()
            .map(Path::to_path_buf)
            .or_else(|| {
                PlanName::new(&app.plan.name)
                    .ok()
                    .map(|n| self.file.store().path_for(&n))
            })
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if let Some(owner) = self.file.busy() {
            return Ok(format!(
                "Nothing was saved: \"{}\" was open read-only, as another outready ({}) has it open. The file is {file}.",
                app.plan.name,
                owner.describe()
            ));
        }
        if self.save_failed {
            return Err(anyhow!(
                "the last changes to \"{}\" are not on disk: they could not be saved to {file} ({}), so it holds the answers up to the last save that worked. Make the folder writable (or free some space) and run `outready` again",
                app.plan.name,
                self.save_problem
            ));
        }
        let (answered, total) = app.flow.progress(app.questionnaire(), &app.plan.answers);
        Ok(format!(
            "Saved \"{}\" ({answered} of {total} answered) to {file}. Run `{}` to carry on where you left off.",
            app.plan.name,
            crate::data_dir::again(self.file.store().data_dir(), "")
        ))
    }
}
