//! The wizard's link to the disk: the plan `crate::open` finds, and carrying out
//! the effects `update` asks for (save, list plans, switch, create). A failed save is
//! shown on screen and retried on the next change; the answers stay in memory.

use std::collections::HashSet;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use jiff::Timestamp;

use super::app::{App, PlansState, Screen};
use super::message::Effect;
use super::theme::{Theme, ThemeName};
use crate::open;
use crate::overview::overviews;
use crate::plan::{Plan, PlanName, PlanStore};
use crate::questionnaire::{Catalog, Loaded};

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
}

impl Session {
    /// Finds the plan to open (or the one to create) and its questionnaire.
    pub fn open(options: &Options) -> Result<Session> {
        let opened = open::open(
            &options.data_dir,
            options.plan.as_deref(),
            options.questionnaire.as_deref(),
        )?;
        Ok(Session {
            store: opened.store,
            catalog: opened.catalog,
            loaded: opened.loaded,
            plan: opened.plan,
            is_new: opened.is_new,
            opening_note: opened.note,
            save_failed: false,
            no_color: options.no_color,
        })
    }

    /// Records the questionnaire as it is now, telling the user once when it changed
    /// since the plan was last saved. Answers carry over by question id.
    fn note_questionnaire_change(&mut self) {
        if let Some(note) = open::record_questionnaire(&self.loaded, &mut self.plan, self.is_new) {
            self.opening_note = Some(note);
        }
    }

    /// The wizard's state for the open plan.
    pub fn app(&mut self, theme: ThemeName) -> Result<App> {
        let mut app = App::new(
            self.loaded.clone(),
            self.plan.clone(),
            self.is_new,
            Theme::pick(theme, self.no_color),
        );
        app.taken_stems = self.taken_stems();
        if let Some(note) = self.opening_note.take() {
            app.say(note);
        }
        Ok(app)
    }

    fn taken_stems(&self) -> HashSet<String> {
        open::taken_stems(&self.store)
    }

    /// Saves the app's plan, reporting a failure on screen.
    pub fn save(&mut self, app: &mut App) {
        if !app.saved_once {
            return;
        }
        match self.store.save(&app.plan) {
            Ok(_) => {
                if self.save_failed {
                    app.say("Saved: everything is on disk again.");
                }
                self.save_failed = false;
            }
            Err(error) => {
                self.save_failed = true;
                app.warn(format!(
                    "{error}. Your answers are kept here and saved again at your next change."
                ));
            }
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
            Effect::Quit => {}
        }
    }

    fn replace(&mut self, app: &mut App, loaded: Loaded, plan: Plan) {
        self.loaded = loaded;
        self.plan = plan;
        self.is_new = false;
        self.note_questionnaire_change();
        let area = app.area;
        let theme = app.theme;
        let mut fresh = App::new(self.loaded.clone(), self.plan.clone(), false, theme);
        fresh.area = area;
        fresh.taken_stems = self.taken_stems();
        if let Some(note) = self.opening_note.take() {
            fresh.say(note);
        }
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
        self.replace(app, loaded, plan);
        app.say(format!("Opened plan \"{name}\"."));
        Ok(())
    }

    fn create(&mut self, app: &mut App, name: &str) -> Result<()> {
        let name = PlanName::new(name)?;
        if self.store.exists(&name) {
            bail!("a plan called \"{name}\" already exists");
        }
        let loaded = app.loaded.clone();
        let plan = Plan::new(&name, &loaded, Timestamp::now());
        self.replace(app, loaded, plan);
        self.save(app);
        app.say(format!(
            "Plan \"{name}\" started. Every answer is saved as you go."
        ));
        Ok(())
    }

    /// What to print once the terminal is back to normal.
    pub fn farewell(&self, app: &App) -> String {
        if !app.saved_once {
            return "Nothing was saved: the plan was not started.".to_string();
        }
        let (answered, total) = app.flow.progress(app.questionnaire(), &app.plan.answers);
        let file = PlanName::new(&app.plan.name)
            .map(|n| self.store.path_for(&n).display().to_string())
            .unwrap_or_default();
        format!(
            "Saved \"{}\" ({answered} of {total} answered) to {file}. Run `outready` to carry on where you left off.",
            app.plan.name
        )
    }
}
