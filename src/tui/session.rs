//! The wizard's link to the disk: which plan and questionnaire to open (taking the plan's
//! lock, or opening it read-only when another outready has it), and carrying out the
//! effects `update` asks for (save, list plans, switch, create). A failed save is shown
//! on screen and retried on the next change; the answers stay in memory.

use std::collections::HashSet;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use jiff::Timestamp;

use super::app::{App, PlansState, Screen};
use super::message::{Effect, Message};
use super::theme::{Theme, ThemeName};
use super::update;
use crate::overview::overviews;
use crate::plan::{LockOwner, Plan, PlanError, PlanLock, PlanName, PlanStore};
use crate::questionnaire::{Catalog, Loaded};
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
    store: PlanStore,
    catalog: Catalog,
    loaded: Loaded,
    plan: Plan,
    is_new: bool,
    /// A note for the user about how the plan was opened.
    opening_note: Option<String>,
    /// Whether the last save failed (so a later success is worth saying).
    save_failed: bool,
    no_color: bool,
    /// The plan's file, once it has one (the file it was read from, whatever its name).
    path: Option<PathBuf>,
    /// This process's hold on the plan; none until the plan has a file.
    lock: Option<PlanLock>,
    /// Who has the plan open, when that is another outready: nothing is saved then.
    read_only: Option<LockOwner>,
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
        app.read_only = self.read_only.as_ref().map(read_only_label);
        if let Some(note) = self.opening_note.take() {
            // On a question the note wraps under it, so a long one is read whole.
            match &mut app.screen {
                Screen::Question(state) => state.notice = Some(note),
                _ => app.say(note),
            }
        }
    }

    fn taken_stems(&self) -> HashSet<String> {
        crate::open::taken_stems(&self.store)
    }

    /// Saves the app's plan, reporting a failure on screen in one line; the answers stay
    /// in the app and the next change tries again. Read-only, nothing is written.
    pub fn save(&mut self, app: &mut App) {
        if !app.saved_once {
            return;
        }
        if let Some(owner) = &self.read_only {
            if app.plan.answers != self.plan.answers || app.plan.actions != self.plan.actions {
                app.warn(format!(
                    "Read-only: this plan is open in another outready ({}), so this change is not saved.",
                    owner.describe()
                ));
            }
            return;
        }
        let path = match (&self.path, PlanName::new(&app.plan.name)) {
            (Some(path), _) => path.clone(),
            (None, Ok(name)) => self.store.path_for(&name),
            (None, Err(error)) => {
                self.save_failed = true;
                self.save_problem = error.to_string();
                app.warn(format!("Not saved: {error}."));
                return;
            }
        };
        if self.lock.is_none() {
            self.take_lock(&path);
            if let Some(owner) = &self.read_only {
                app.read_only = Some(read_only_label(owner));
                app.warn(format!(
                    "Read-only: this plan was opened by another outready ({}); changes here are not saved.",
                    owner.describe()
                ));
                return;
            }
        }
        self.path = Some(path.clone());
        match self.store.save_at(&path, &app.plan) {
            Ok(()) => {
                if self.save_failed {
                    app.say("Saved: everything is on disk again.");
                }
                self.save_failed = false;
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
        let data_dir = self.store.dir().parent().unwrap_or(self.store.dir());
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
            Effect::LoadPlanList => match self.store.list() {
                Ok(entries) => {
                    let rows = overviews(&entries, &self.catalog);
                    app.taken_stems = self.taken_stems();
                    let selected = rows
                        .iter()
                        .position(|r| r.name == app.plan.name)
                        .unwrap_or(0);
                    app.screen = Screen::Plans(PlansState { rows, selected });
                }
                Err(error) => app.warn(error.to_string()),
            },
            Effect::SwitchPlan(name) => {
                if let Err(error) = self.switch(app, &name) {
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

    /// Puts another plan in place of this one, with its file (none for a new plan):
    /// this plan's lock goes, the other's is taken.
    fn replace(&mut self, app: &mut App, loaded: Loaded, plan: Plan, path: Option<PathBuf>) {
        self.loaded = loaded;
        self.plan = plan;
        self.is_new = false;
        self.save_failed = false;
        self.lock = None;
        self.read_only = None;
        self.path = None;
        if let Some(path) = path {
            self.take_lock(&path);
            self.path = Some(path);
        }
        self.note_questionnaire_change();
        let area = app.area;
        let theme = app.theme;
        let mut fresh = App::new(self.loaded.clone(), self.plan.clone(), false, theme);
        fresh.area = area;
        fresh.taken_stems = self.taken_stems();
        self.mark(&mut fresh);
        *app = fresh;
    }

    fn switch(&mut self, app: &mut App, name: &str) -> Result<()> {
        let name = PlanName::new(name)?;
        let plan = self.store.load(&name)?;
        let loaded = self
            .catalog
            .find(&plan.questionnaire.id)
            .cloned()
            .with_context(|| {
                format!(
                    "the plan answers the questionnaire \"{}\", which is not available",
                    plan.questionnaire.id
                )
            })?;
        let path = self.store.path_for(&name);
        self.replace(app, loaded, plan, Some(path));
        if app.status.is_none() {
            match &self.read_only {
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
        if self.store.exists(&name) {
            bail!("a plan called \"{name}\" already exists");
        }
        let loaded = app.loaded.clone();
        let plan = Plan::new(&name, &loaded, Timestamp::now());
        self.replace(app, loaded, plan, None);
        self.save(app);
        if app.status.is_none() {
            app.say(format!(
                "Plan \"{name}\" started. Every answer is saved as you go."
            ));
        }
        Ok(())
    }

    /// What to print once the terminal is back to normal.
    pub fn farewell(&self, app: &App) -> String {
        if !app.saved_once {
            return "Nothing was saved: the plan was not started.".to_string();
        }
        let file = self
            .path
            .clone()
            .or_else(|| {
                PlanName::new(&app.plan.name)
                    .ok()
                    .map(|n| self.store.path_for(&n))
            })
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if let Some(owner) = &self.read_only {
            return format!(
                "Nothing was saved: \"{}\" was open read-only, as another outready ({}) has it open. The file is {file}.",
                app.plan.name,
                owner.describe()
            );
        }
        if self.save_failed {
            return format!(
                "The last changes to \"{}\" could not be saved to {file}: the file holds the answers up to the last save that worked. Make the folder writable (or free some space) and run `outready` again.",
                app.plan.name
            );
        }
        let (answered, total) = app.flow.progress(app.questionnaire(), &app.plan.answers);
        format!(
            "Saved \"{}\" ({answered} of {total} answered) to {file}. Run `outready` to carry on where you left off.",
            app.plan.name
        )
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
        PlanError::Save { path, source } => {
            let reason = source.to_string();
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
