//! The wizard's link to the disk: which plan and questionnaire to open, and carrying out
//! the effects `update` asks for (save, list plans, switch, create). A failed save is
//! shown on screen and retried on the next change; the answers stay in memory.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use jiff::Timestamp;

use super::app::{App, PlansState, Screen};
use super::message::Effect;
use super::theme::{Theme, ThemeName};
use crate::data_dir;
use crate::overview::overviews;
use crate::plan::{Plan, PlanName, PlanStore};
use crate::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, Loaded, load};

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
        let store = PlanStore::in_data_dir(&options.data_dir);
        let user_dir = data_dir::questionnaires_dir(&options.data_dir);
        let mut catalog = Catalog::load(Some(&user_dir));
        let from_file = match options.questionnaire.as_deref() {
            Some(wanted) if is_file_name(wanted) => {
                let loaded = load_questionnaire_file(wanted)?;
                catalog.insert(loaded.clone());
                Some(loaded)
            }
            _ => None,
        };
        let chosen = match &options.plan {
            Some(name) => {
                let name = PlanName::new(name)
                    .with_context(|| format!("the plan name \"{name}\" cannot be used"))?;
                if store.exists(&name) {
                    Some(store.load(&name)?)
                } else {
                    None
                }
            }
            None => match store.list()?.into_iter().next() {
                Some(entry) => Some(entry.plan?),
                None => None,
            },
        };
        let mut session = match chosen {
            Some(plan) => {
                let loaded = catalog.find(&plan.questionnaire.id).cloned().with_context(|| {
                    format!(
                        "the plan \"{}\" answers the questionnaire \"{}\", which is not available: put its file in {}",
                        plan.name,
                        plan.questionnaire.id,
                        data_dir::questionnaires_dir(&options.data_dir).display()
                    )
                })?;
                Session {
                    store,
                    catalog,
                    loaded,
                    plan,
                    is_new: false,
                    opening_note: None,
                    save_failed: false,
                    no_color: options.no_color,
                }
            }
            None => {
                let loaded = match from_file {
                    Some(loaded) => {
                        keep_copy(&loaded, &user_dir)?;
                        loaded
                    }
                    None => pick_questionnaire(&catalog, options.questionnaire.as_deref())?,
                };
                let name = options.plan.clone().unwrap_or_default();
                let mut plan = Plan::new(
                    &PlanName::new("new").context("a plan name")?,
                    &loaded,
                    Timestamp::now(),
                );
                plan.name = name;
                Session {
                    store,
                    catalog,
                    loaded,
                    plan,
                    is_new: true,
                    opening_note: None,
                    save_failed: false,
                    no_color: options.no_color,
                }
            }
        };
        session.note_questionnaire_change();
        Ok(session)
    }

    /// Records the questionnaire as it is now, telling the user once when it changed
    /// since the plan was last saved. Answers carry over by question id.
    fn note_questionnaire_change(&mut self) {
        let now = &self.loaded;
        let reference = &mut self.plan.questionnaire;
        if reference.hash != now.hash {
            if !self.is_new {
                self.opening_note = Some(format!(
                    "The questionnaire changed since this plan was last saved ({} → {}); your answers carried over.",
                    reference.version, now.questionnaire.version
                ));
            }
            reference.version = now.questionnaire.version.clone();
            reference.hash = now.hash.clone();
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
        self.store
            .list()
            .map(|entries| {
                entries
                    .iter()
                    .filter_map(|e| e.path.file_stem().map(|s| s.to_string_lossy().into_owned()))
                    .collect()
            })
            .unwrap_or_default()
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

/// Whether `--questionnaire` names a file rather than an id.
fn is_file_name(wanted: &str) -> bool {
    let path = Path::new(wanted);
    path.extension().is_some_and(|x| x == "json") || path.is_file()
}

fn load_questionnaire_file(wanted: &str) -> Result<Loaded> {
    load::load_file(Path::new(wanted)).map_err(|problems| {
        let first = problems.first().map(ToString::to_string).unwrap_or_default();
        anyhow::anyhow!(
            "the questionnaire {wanted} has {} problem(s), the first: {first} (run `outready validate {wanted}` to see all)",
            problems.len()
        )
    })
}

/// Keeps a copy of a questionnaire file a new plan answers in the user's questionnaire
/// folder, so the plan opens next time without naming the file again.
fn keep_copy(loaded: &Loaded, user_dir: &Path) -> Result<()> {
    let target = user_dir.join(format!("{}.json", loaded.questionnaire.id));
    if target.exists() || Path::new(&loaded.origin) == target {
        return Ok(());
    }
    std::fs::create_dir_all(user_dir)
        .and_then(|()| std::fs::copy(&loaded.origin, &target).map(|_| ()))
        .with_context(|| {
            format!(
                "the questionnaire could not be copied to {}",
                target.display()
            )
        })
}

/// The questionnaire for a new plan: an id, or the default.
fn pick_questionnaire(catalog: &Catalog, wanted: Option<&str>) -> Result<Loaded> {
    let wanted = wanted.unwrap_or(DEFAULT_QUESTIONNAIRE);
    if let Some(found) = catalog.find(wanted) {
        return Ok(found.clone());
    }
    let known: Vec<&str> = catalog
        .entries
        .iter()
        .map(|e| e.questionnaire.id.as_str())
        .collect();
    bail!(
        "there is no questionnaire \"{wanted}\"; available: {} (see `outready questionnaires`)",
        if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        }
    )
}
