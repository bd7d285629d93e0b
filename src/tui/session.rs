//! The wizard's link to the disk: the plan opened through `crate::open` (its lock held,
//! or read-only when another outready has it), and carrying out the effects `update`
//! asks for (save, list plans, switch, create). Every save goes to the file the plan was
//! opened from. A failed save is shown on screen and retried on the next change; the
//! answers stay in memory, and quitting with changes unsaved ends in an error.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use jiff::Timestamp;

use super::app::{App, PlansState, Screen};
use super::message::{Effect, Message};
use super::theme::{Theme, ThemeName};
use super::update;
use crate::open::{OpenPlan, Opening, Shelf};
use crate::overview::overviews;
use crate::plan::{LockOwner, Plan, PlanError, PlanFile, PlanName};
use crate::questionnaire::Loaded;
use crate::report::Format;
use crate::report::export::{export_path, write_atomically};

mod open;

/// What the command line asked the wizard for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub data_dir: PathBuf,
    /// The plan to open or create, by name; else the most recent.
    pub plan: Option<String>,
    /// The questionnaire of a new plan: an id or a file.
    pub questionnaire: Option<String>,
    pub theme: ThemeName,
    /// No colour (`NO_COLOR`).
    pub no_color: bool,
}

/// The open plan and where it lives.
pub struct Session {
    /// Where plans live and the questionnaires known, to open another plan.
    shelf: Shelf,
    loaded: Loaded,
    plan: Plan,
    is_new: bool,
    /// A note for the user about how the plan was opened.
    opening_note: Option<String>,
    /// Whether the last save failed (so a later success is worth saying).
    save_failed: bool,
    no_color: bool,
    /// The plan's file and its lock (or who has it instead): every save goes there.
    file: PlanFile,
    /// Questions the questionnaire gained since the plan last saved.
    new_questions: HashSet<String>,
    /// Whether quitting was just refused once because the last save failed.
    quit_warned: bool,
    /// Why the last save failed, in a few words.
    save_problem: String,
}

impl Session {
    /// The wizard's state for the open plan.
    pub fn app(&mut self, theme: ThemeName) -> Result<App> {
        let mut app = App::new(
            self.loaded.clone(),
            self.plan.clone(),
            self.is_new,
            Theme::pick(theme, self.no_color),
        );
        app.taken_stems = self.taken_stems();
        self.mark(&mut app);
        Ok(app)
    }

    /// Marks new questions and read-only use in the app, and says how the plan opened.
    fn mark(&mut self, app: &mut App) {
        app.new_questions = self.new_questions.clone();
        app.read_only = self.file.busy().map(read_only_label);
        if let Some(note) = self.opening_note.take() {
            // On a question the note wraps under it, so a long one is read whole.
            match &mut app.screen {
                Screen::Question(state) => state.notice = Some(note),
                _ => app.say(note),
            }
        }
    }

    fn taken_stems(&self) -> HashSet<String> {
        crate::open::taken_stems(self.file.store())
    }

    /// Saves the app's plan, reporting a failure on screen in one line; the answers stay
    /// in the app and the next change tries again. Read-only, nothing is written.
    pub fn save(&mut self, app: &mut App) {
        if !app.saved_once {
            return;
        }
        if let Some(owner) = self.file.busy() {
            if app.plan.answers != self.plan.answers || app.plan.actions != self.plan.actions {
                app.warn(format!(
                    "Read-only: this plan is open in another outready ({}), so this change is not saved.",
                    owner.describe()
                ));
            }
            return;
        }
        match self.file.save(&app.plan) {
            Ok(_) => {
                if self.save_failed {
                    app.say("Saved: everything is on disk again.");
                }
                self.save_failed = false;
            }
            Err(PlanError::InUse { owner, .. }) => {
                app.read_only = Some(read_only_label(&owner));
                app.warn(format!(
                    "Read-only: this plan was opened by another outready ({}); changes here are not saved.",
                    owner.describe()
                ));
            }
            Err(error) => {
                self.save_failed = true;
                let (reason, line) = save_problem(&error);
                self.save_problem = reason;
                app.warn(line);
            }
        }
    }

    /// Whether the last save failed, so quitting now would leave changes unsaved.
    pub fn unsaved(&self) -> bool {
        self.save_failed
    }

    /// Carries out one message: `update`, then the effects it asks for. True when the
    /// wizard should end. Quitting while the last save failed asks for a second `q`.
    pub fn handle(&mut self, app: &mut App, message: Message) -> bool {
        let asked_to_quit = message == Message::Quit;
        let effects = update::update(app, message);
        self.carry_out(app, asked_to_quit, effects)
    }

    /// Carries out what `update` asked for; true when the wizard is to end. A quit the
    /// user asked for right after a failed save is refused once, with why.
    pub fn carry_out(&mut self, app: &mut App, asked_to_quit: bool, effects: Vec<Effect>) -> bool {
        for effect in effects {
            if effect == Effect::Quit {
                if asked_to_quit && self.save_failed && !self.quit_warned {
                    self.quit_warned = true;
                    app.warn(format!(
                        "Not saved ({}): press q again to quit without your last changes, or make a change to try again.",
                        self.save_problem
                    ));
                    return false;
                }
                return true;
            }
            self.perform(app, effect);
        }
        self.quit_warned = false;
        false
    }

    /// Writes the plan's report as an HTML page in the data folder and says where.
    fn export(&mut self, app: &mut App) {
        let Ok(name) = PlanName::new(&app.plan.name) else {
            app.warn("Name the plan before exporting its report.");
            return;
        };
        let plans = self.file.store().dir();
        let data_dir = plans.parent().unwrap_or(plans);
        app.refresh_report();
        let today = crate::wizard::actions::local_date((app.now)());
        let path = export_path(data_dir, &name, today, Format::Html);
        let written = app
            .report
            .render(Format::Html)
            .map_err(|e| e.to_string())
            .and_then(|page| {
                let folder = path.parent().unwrap_or(data_dir);
                std::fs::create_dir_all(folder)
                    .and_then(|()| write_atomically(&path, page.as_bytes()))
                    .map_err(|e| e.to_string())
            });
        match written {
            Ok(()) => app.say(format!(
                "Report saved: {} (open it in a browser to read or print).",
                path.display()
            )),
            Err(error) => app.warn(format!(
                "The report could not be saved to {}: {error}.",
                path.display()
            )),
        }
    }

    /// Carries out one effect.
    pub fn perform(&mut self, app: &mut App, effect: Effect) {
        match effect {
            Effect::SavePlan => self.save(app),
            Effect::LoadPlanList => match self.file.store().list() {
                Ok(entries) => {
                    let rows = overviews(&entries, &self.shelf.catalog);
                    app.taken_stems = self.taken_stems();
                    let selected = rows
                        .iter()
                        .position(|r| Some(r.file.as_path()) == self.file.path())
                        .unwrap_or(0);
                    app.screen = Screen::Plans(PlansState { rows, selected });
                }
                Err(error) => app.warn(error.to_string()),
            },
            Effect::SwitchPlan(path) => {
                if let Err(error) = self.switch(app, &path) {
                    app.warn(format!("{error:#}"));
                }
            }
            Effect::CreatePlan(name) => {
                if let Err(error) = self.create(app, &name) {
                    app.warn(format!("{error:#}"));
                }
            }
            Effect::ExportReport => self.export(app),
            Effect::Quit => {}
        }
    }

    /// Puts another plan in place of this one, with its file: this plan's lock goes
    /// as the other's handle takes its place.
    fn replace(&mut self, app: &mut App, open: OpenPlan) {
        self.loaded = open.loaded;
        self.plan = open.plan;
        self.file = open.file;
        self.is_new = false;
        self.save_failed = false;
        self.new_questions = open
            .change
            .map(|c| c.new_questions.into_iter().collect())
            .unwrap_or_default();
        self.opening_note = open.note;
        let area = app.area;
        let theme = app.theme;
        let mut fresh = App::new(self.loaded.clone(), self.plan.clone(), false, theme);
        fresh.area = area;
        fresh.taken_stems = self.taken_stems();
        self.mark(&mut fresh);
        *app = fresh;
    }

    /// Opens the plan in this file in place of this one, through the same opening as
    /// at start-up; a file that cannot be opened leaves this plan as it is.
    fn switch(&mut self, app: &mut App, path: &Path) -> Result<()> {
        if self.file.path() == Some(path) {
            return Ok(());
        }
        let (open, busy) = match self.shelf.open_path(path)? {
            Opening::Ready(open) => (open, None),
            Opening::Busy(open, owner) => (open, Some(owner)),
            Opening::Damaged(damaged) => bail!(
                "{:#}; open it with `outready --plan {}` to recover it",
                damaged.error,
                damaged.stem()
            ),
        };
        let name = open.plan.name.clone();
        self.replace(app, open);
        if app.status.is_none() {
            match busy {
                Some(owner) => app.warn(format!(
                    "Opened plan \"{name}\" read-only: it is open in another outready ({}).",
                    owner.describe()
                )),
                None => app.say(format!("Opened plan \"{name}\".")),
            }
        }
        Ok(())
    }

    fn create(&mut self, app: &mut App, name: &str) -> Result<()> {
        let name = PlanName::new(name)?;
        // The new plan's file is claimed (locked, and known to be free) before this
        // plan is let go, so a name taken meanwhile leaves everything as it was.
        let mut file = PlanFile::unnamed(self.file.store().clone());
        file.claim(&name)?;
        let loaded = app.loaded.clone();
        let plan = Plan::new(&name, &loaded, Timestamp::now());
        self.replace(
            app,
            OpenPlan {
                loaded,
                plan,
                file,
                is_new: false,
                change: None,
                note: None,
            },
        );
        self.save(app);
        if app.status.is_none() {
            app.say(format!(
                "Plan \"{name}\" started. Every answer is saved as you go."
            ));
        }
        Ok(())
    }

    /// What to print once the terminal is back to normal; an error (exit 1) when the
    /// last changes could not be saved, as plain mode does.
    pub fn farewell(&self, app: &App) -> Result<String> {
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
            "Saved \"{}\" ({answered} of {total} answered) to {file}. Run `outready` to carry on where you left off.",
            app.plan.name
        ))
    }
}

/// What the wizard shows while a plan is read-only.
fn read_only_label(owner: &LockOwner) -> String {
    format!("read-only: open in another outready ({})", owner.describe())
}

/// A failed save: the reason in a few words, and the line that says it, with what went
/// wrong first, that nothing is lost, then the file.
fn save_problem(error: &PlanError) -> (String, String) {
    match error {
        PlanError::Save { path, cause } => {
            let reason = cause.to_string();
            let reason = reason
                .rfind(" (os error")
                .map_or(reason.as_str(), |at| &reason[..at])
                .to_lowercase();
            let line = format!(
                "Not saved ({reason}): your answers are kept here and saved at your next change. File: {}",
                path.display()
            );
            (reason, line)
        }
        other => (
            other.to_string(),
            format!(
                "Not saved: {other}. Your answers are kept here and saved at your next change."
            ),
        ),
    }
}
