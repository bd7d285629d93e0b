//! The wizard's link to the disk: the plan opened through `crate::open` (its lock held,
//! or read-only when another outready has it, or a damaged file held while the user
//! chooses), and carrying out the effects `update` asks for (save, list plans, switch,
//! create, recover). What an effect finds goes back to `update` as a message: nothing
//! here writes the app state. Every save goes to the file the plan was opened from. A
//! failed save is shown on screen and retried on the next change; the answers stay in
//! memory, and quitting with changes unsaved ends in an error.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use jiff::Timestamp;

use super::app::{App, Opened, Status};
use super::message::{Effect, Message};
use super::theme::{Theme, ThemeName};
use super::update;
use crate::open::{Damaged, OpenPlan, Opening as Found, Shelf};
use crate::overview::overviews;
use crate::plan::{LockOwner, Plan, PlanError, PlanFile, PlanName};

mod compare;
mod export;
mod farewell;
mod open;

pub use open::Opening;
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
    /// Ask the quick scan first (`--quick`).
    pub quick: bool,
    /// The team `--participants` names, joined to the plan's.
    pub participants: Vec<crate::plan::Participant>,
    /// Say what changed since this day (`--since`) rather than since the last session.
    pub since: Option<jiff::civil::Date>,
    /// Start in the presenter layout (`--present`).
    pub present: bool,
    /// The agenda `--agenda` gives, its clock started.
    pub agenda: Option<crate::plan::agenda::AgendaSpec>,
}

/// The open plan and where it lives.
pub struct Session {
    /// Where plans live and the questionnaires known, to open another plan.
    shelf: Shelf,
    /// What the command line asked for, to open the plan again after a recovery.
    options: Options,
    /// The plan as opened: a change to a read-only plan is told it is not saved.
    plan: Plan,
    /// The plan's file and its lock (or who has it instead): every save goes there.
    file: PlanFile,
    /// The plan as the wizard first shows it.
    opened: Opened,
    /// What stands before the plan's own screens, while its screen is up.
    pending: Option<Pending>,
    /// Whether the last save failed (so a later success is worth saying).
    save_failed: bool,
    /// Whether quitting was just refused once because the last save failed.
    quit_warned: bool,
    /// Why the last save failed, in a few words.
    save_problem: String,
}

/// A plan that cannot be opened as it is, while the user chooses.
enum Pending {
    /// The file is damaged: held (with its lock) until a backup or a fresh start.
    Damaged(Box<Damaged>),
    /// Another outready has the plan open.
    Busy(LockOwner),
}

impl Session {
    /// The wizard's state for the open plan.
    pub fn app(&mut self, theme: ThemeName) -> Result<App> {
        Ok(App::opened(
            self.opened.clone(),
            Theme::pick(theme, self.options.no_color),
        ))
    }

    /// Saves the app's plan, the outcome told to the app through `update`. Read-only,
    /// nothing is written.
    pub fn save(&mut self, app: &mut App) {
        let messages = self.saved(app);
        self.tell(app, messages);
    }

    /// Saves the app's plan; a failure comes back as a message, and the answers stay in
    /// the app for the next change to try again.
    fn saved(&mut self, app: &App) -> Vec<Message> {
        if !app.saved_once {
            return Vec::new();
        }
        if let Some(owner) = self.file.busy() {
            if app.plan.answers != self.plan.answers || app.plan.actions != self.plan.actions {
                return vec![Message::Failed(format!(
                    "Read-only: this plan is open in another outready ({}), so this change is not saved.",
                    owner.describe()
                ))];
            }
            return Vec::new();
        }
        let mut messages = self.write(&app.plan);
        if app.plan_file.is_none()
            && let Some(file) = self.file.path()
        {
            messages.push(Message::SavedTo(file.to_path_buf()));
        }
        messages
    }

    /// Writes a plan to the plan's file; what came of it, as messages.
    fn write(&mut self, plan: &Plan) -> Vec<Message> {
        match self.file.save(plan) {
            Ok(_) => {
                let again = std::mem::take(&mut self.save_failed);
                again.then_some(Message::SavedAgain).into_iter().collect()
            }
            Err(PlanError::InUse { owner, .. }) => vec![Message::BecameReadOnly {
                label: read_only_label(&owner),
                text: format!(
                    "Read-only: this plan was opened by another outready ({}); changes here are not saved.",
                    owner.describe()
                ),
            }],
            Err(error) => {
                self.save_failed = true;
                let (reason, line) = save_problem(&error);
                self.save_problem = reason;
                vec![Message::SaveFailed(line)]
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

    /// Carries out what `update` asked for, each outcome sent back through `update`
    /// (and what that asks for carried out in turn); true when the wizard is to end. A
    /// quit the user asked for right after a failed save is refused once, with why.
    pub fn carry_out(&mut self, app: &mut App, asked_to_quit: bool, effects: Vec<Effect>) -> bool {
        let mut queue = VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            if effect == Effect::Quit {
                if asked_to_quit && self.save_failed && !self.quit_warned {
                    self.quit_warned = true;
                    let refused = format!(
                        "Not saved ({}): press q again to quit without your last changes, or make a change to try again.",
                        self.save_problem
                    );
                    update::update(app, Message::Failed(refused));
                    return false;
                }
                return true;
            }
            for message in self.outcome(app, effect) {
                queue.extend(update::update(app, message));
            }
        }
        self.quit_warned = false;
        false
    }

    /// Carries out one effect, its outcome told to the app through `update`.
    pub fn perform(&mut self, app: &mut App, effect: Effect) {
        self.carry_out(app, false, vec![effect]);
    }

    /// Sends messages through `update`, carrying out what they ask for.
    fn tell(&mut self, app: &mut App, messages: Vec<Message>) {
        for message in messages {
            let effects = update::update(app, message);
            self.carry_out(app, false, effects);
        }
    }

    /// Carries out one effect; what it found, as messages for `update`.
    fn outcome(&mut self, app: &App, effect: Effect) -> Vec<Message> {
        let failed = |error: anyhow::Error| vec![Message::Failed(format!("{error:#}"))];
        match effect {
            Effect::SavePlan => self.saved(app),
            Effect::LoadPlanList => match self.file.store().list() {
                Ok(entries) => {
                    let rows = overviews(&entries, &self.shelf.catalog);
                    let selected = rows
                        .iter()
                        .position(|r| Some(r.file.as_path()) == self.file.path())
                        .unwrap_or(0);
                    let taken = crate::open::taken_names(self.file.store());
                    vec![Message::PlansListed {
                        rows,
                        selected,
                        taken,
                        conflicts: compare::conflict_lines(self.file.store()),
                    }]
                }
                Err(error) => vec![Message::Failed(error.to_string())],
            },
            Effect::SwitchPlan(path) => self.switch(&path).unwrap_or_else(failed),
            Effect::CreatePlan(name) => self.create(app, &name).unwrap_or_else(failed),
            Effect::ExportReport => export::export(self.file.store().dir(), app),
            Effect::OpenBackup | Effect::StartAfresh => self.recover(&effect),
            Effect::LoadComparison(files) => self.compare(app, &files),
            Effect::MergeCopies(plan_file) => {
                self.merge_copies(app, &plan_file).unwrap_or_else(failed)
            }
            Effect::Quit => Vec::new(),
        }
    }

    /// Puts another plan in place of this one, with its file (this plan's lock goes as
    /// the other's handle takes its place); what the wizard is to show of it.
    fn replace(&mut self, open: OpenPlan, status: Status) -> Opened {
        let (mut opened, file) = open::split(open);
        let offer = compare::offer(&file, &opened.plan.name);
        opened.status = Some(match offer {
            Some(offer) => Status {
                text: format!("{} {offer}", status.text),
                ..status
            },
            None => status,
        });
        self.plan = opened.plan.clone();
        self.file = file;
        self.save_failed = false;
        self.pending = None;
        self.opened = opened.clone();
        opened
    }

    /// Opens the plan in this file in place of this one, through the same opening as
    /// at start-up; a file that cannot be opened leaves this plan as it is.
    fn switch(&mut self, path: &Path) -> Result<Vec<Message>> {
        if self.file.path() == Some(path) {
            return Ok(Vec::new());
        }
        let (open, busy) = match self.shelf.open_path(path)? {
            Found::Ready(open) => (open, None),
            Found::Busy(open, owner) => (open, Some(owner)),
            Found::Damaged(damaged) => bail!(
                "{:#}; open it with `outready --plan {}` to recover it",
                damaged.error,
                damaged.stem()
            ),
        };
        let name = open.plan.name.clone();
        let status = match busy {
            Some(owner) => warning(format!(
                "Opened plan \"{name}\" read-only: it is open in another outready ({}).",
                owner.describe()
            )),
            None => said(format!("Opened plan \"{name}\".")),
        };
        let opened = self.replace(open, status);
        Ok(vec![Message::PlanOpened(Box::new(opened))])
    }

    fn create(&mut self, app: &App, name: &str) -> Result<Vec<Message>> {
        let name = PlanName::new(name)?;
        // The new plan's file is claimed (locked, and known to be free) before this
        // plan is let go, so a name taken meanwhile leaves everything as it was.
        let mut file = PlanFile::unnamed(self.file.store().clone());
        file.claim(&name)?;
        let loaded = app.loaded.clone();
        let plan = Plan::new(&name, &loaded, Timestamp::now());
        let started = said(format!(
            "Plan \"{name}\" started. Every answer is saved as you go."
        ));
        let opened = self.replace(
            OpenPlan {
                loaded,
                plan: plan.clone(),
                file,
                is_new: false,
                change: None,
                note: None,
            },
            started,
        );
        let mut messages = vec![Message::PlanOpened(Box::new(opened))];
        messages.extend(self.write(&plan));
        Ok(messages)
    }

    /// A damaged plan's newest good backup put in its place, or a fresh start (the
    /// damaged file moved aside either way), then the plan opened again as at start-up.
    fn recover(&mut self, effect: &Effect) -> Vec<Message> {
        let Some(Pending::Damaged(damage)) = &self.pending else {
            return vec![Message::Failed(
                "There is no damaged plan here.".to_string(),
            )];
        };
        let done = if *effect == Effect::OpenBackup {
            damage.open_backup().map(|aside| {
                let note = format!(
                    "Opened the newest good backup. The damaged file is kept beside it as {}.",
                    file_name(&aside)
                );
                (damage.stem(), note)
            })
        } else {
            damage.start_afresh().map(|aside| {
                let note = format!(
                    "Starting afresh; the damaged file is kept as {}.",
                    file_name(&aside)
                );
                (damage.name.clone(), note)
            })
        };
        let (reopen, note) = match done {
            Ok(done) => done,
            Err(error) => return vec![Message::Failed(format!("{error:#}"))],
        };
        // Our lock goes before the plan is opened again, which takes it anew.
        self.pending = None;
        let again = Options {
            plan: Some(reopen),
            ..self.options.clone()
        };
        match Session::start(&again) {
            Ok(mut session) => {
                session.tell_on_opening(note);
                let opened = session.opened.clone();
                *self = session;
                vec![Message::PlanOpened(Box::new(opened))]
            }
            Err(error) => vec![Message::Failed(format!("{error:#}"))],
        }
    }
}

fn said(text: String) -> Status {
    Status {
        text,
        is_error: false,
    }
}

fn warning(text: String) -> Status {
    Status {
        text,
        is_error: true,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
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
