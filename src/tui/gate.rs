//! Before the wizard: a plan that cannot be opened as it is. A damaged plan file offers
//! its newest good backup or a fresh start (the damaged file is moved aside under a name
//! with the time, never overwritten); a plan another outready has open may be opened
//! read-only. A small state machine: keys in, a choice out, drawn by `screens::recovery`.

use std::path::Path;
use std::sync::mpsc;

use anyhow::{Context as _, Result};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Input;
use super::screens::recovery::RecoveryView;
use super::session::{Options, Session};
use super::theme::Theme;
use crate::answer::AnswerState;
use crate::overview::local_time;
use crate::plan::LockOwner;

/// How a plan can be opened.
pub enum Opening {
    /// As it is.
    Ready(Session),
    /// Read-only: another outready that still runs has it open.
    Busy(Session, LockOwner),
    /// Not at all: the file is damaged.
    Damaged(Damage),
}

/// A plan file that cannot be read, as opening found it, with its backups.
pub use crate::open::Damaged as Damage;

/// What the user can choose before the wizard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    OpenBackup,
    StartAfresh,
    ReadOnly,
    Quit,
}

/// The screen before the wizard: what is wrong, the choices, which is highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateState {
    pub title: String,
    pub paragraphs: Vec<String>,
    /// Each choice with what it does, in words.
    pub choices: Vec<(Choice, String)>,
    pub selected: usize,
    /// Why the last choice could not be carried out.
    pub problem: Option<String>,
}

impl GateState {
    /// The choices for a damaged plan file.
    pub fn damaged(damage: &Damage) -> GateState {
        let what = damage
            .error
            .damage()
            .unwrap_or_else(|| damage.error.to_string());
        let aside = format!("{}.damaged-<date>-<time>.json", damage.stem());
        let mut paragraphs = vec![
            format!("The plan file {} {what}.", damage.path.display()),
            "It has been left exactly as it is.".to_string(),
        ];
        let mut choices = Vec::new();
        match &damage.backup {
            Some(backup) => {
                let answered = backup
                    .plan
                    .answers
                    .values()
                    .filter(|a| a.state != AnswerState::Unanswered)
                    .count();
                let saved = backup
                    .saved
                    .and_then(|t| jiff::Timestamp::try_from(t).ok())
                    .map_or_else(|| "at an unknown time".to_string(), local_time);
                choices.push((
                    Choice::OpenBackup,
                    format!(
                        "Open the newest good backup, saved {saved} ({answered} answered); the damaged file is kept as {aside}"
                    ),
                ));
            }
            None => paragraphs.push("No backup of this plan can be read.".to_string()),
        }
        choices.push((
            Choice::StartAfresh,
            format!("Start afresh; the damaged file is moved aside and kept as {aside}"),
        ));
        choices.push((
            Choice::Quit,
            "Quit and leave everything as it is".to_string(),
        ));
        GateState {
            title: "This plan cannot be opened as it is".to_string(),
            paragraphs,
            choices,
            selected: 0,
            problem: None,
        }
    }

    /// The choices for a plan another outready has open.
    pub fn busy(name: &str, owner: &LockOwner, lock_file: &Path) -> GateState {
        GateState {
            title: "This plan is open in another outready".to_string(),
            paragraphs: vec![
                format!(
                    "\"{name}\" is open in another outready ({}), since {}. Only one outready at a time can change a plan, so nothing is lost between them.",
                    owner.describe(),
                    local_time(owner.since)
                ),
                format!(
                    "It is free again as soon as that outready ends, however it ends: the system lets go of its lock on {}. Quit it there, then open this plan again.",
                    lock_file.display()
                ),
            ],
            choices: vec![
                (
                    Choice::ReadOnly,
                    "Open it read-only: look around; nothing changed here is saved".to_string(),
                ),
                (Choice::Quit, "Quit".to_string()),
            ],
            selected: 0,
            problem: None,
        }
    }

    /// What a key press chooses, moving the highlight on the way.
    pub fn press(&mut self, key: &KeyEvent) -> Option<Choice> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let last = self.choices.len().saturating_sub(1);
        match key.code {
            KeyCode::Char('c') if ctrl => Some(Choice::Quit),
            KeyCode::Char('q') | KeyCode::Esc => Some(Choice::Quit),
            KeyCode::Char(d @ '1'..='9') => {
                let index = d as usize - '1' as usize;
                let choice = self.choices.get(index).map(|(c, _)| *c);
                if choice.is_some() {
                    self.selected = index;
                }
                choice
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.selected = self.selected.saturating_sub(1);
                None
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(last);
                None
            }
            KeyCode::Enter => self.choices.get(self.selected).map(|(c, _)| *c),
            _ => None,
        }
    }
}

/// How the time before the wizard ended.
pub enum Settled {
    /// Open the wizard on this session.
    Open(Box<Session>),
    /// Leave, telling the user this.
    Leave(String),
}

/// Asks the user what to do about a plan that cannot be opened as it is, until it can
/// be or they leave. Leaving a damaged plan is an error (exit 1) with its message.
pub(super) fn settle(
    terminal: &mut super::WizardTerminal,
    inputs: &mpsc::Receiver<Input>,
    opening: Opening,
    options: &Options,
) -> Result<Settled> {
    let theme = Theme::pick(options.theme, options.no_color);
    let mut opening = opening;
    loop {
        match opening {
            Opening::Ready(session) => return Ok(Settled::Open(Box::new(session))),
            Opening::Busy(session, owner) => {
                let name = options.plan.clone().unwrap_or_else(|| session.plan_name());
                let lock_file = session.lock_file().unwrap_or_default();
                let mut state = GateState::busy(&name, &owner, &lock_file);
                return Ok(match ask(terminal, inputs, &mut state, &theme)? {
                    Choice::ReadOnly => Settled::Open(Box::new(session)),
                    _ => Settled::Leave(format!(
                        "Nothing was opened: \"{name}\" is open in another outready ({}).",
                        owner.describe()
                    )),
                });
            }
            Opening::Damaged(damage) => {
                let mut state = GateState::damaged(&damage);
                let (reopen, note) = loop {
                    let choice = ask(terminal, inputs, &mut state, &theme)?;
                    let done = match choice {
                        Choice::OpenBackup => damage.open_backup().map(|aside| {
                            let note = format!(
                                "Opened the newest good backup. The damaged file is kept beside it as {}.",
                                file_name(&aside)
                            );
                            (damage.stem(), note)
                        }),
                        Choice::StartAfresh => damage.start_afresh().map(|aside| {
                            let note = format!(
                                "Starting afresh; the damaged file is kept as {}.",
                                file_name(&aside)
                            );
                            (damage.name.clone(), note)
                        }),
                        Choice::Quit => return Err(damage.error.into()),
                        Choice::ReadOnly => continue,
                    };
                    match done {
                        Ok(done) => break done,
                        Err(error) => state.problem = Some(format!("{error:#}")),
                    }
                };
                // Our lock goes before the plan is opened again, which takes it anew.
                drop(damage);
                let again = Options {
                    plan: Some(reopen),
                    ..options.clone()
                };
                opening = Session::prepare(&again)?;
                if let Opening::Ready(session) | Opening::Busy(session, _) = &mut opening {
                    session.tell_on_opening(note);
                }
            }
        }
    }
}

/// Draws the choices and waits for one.
fn ask(
    terminal: &mut super::WizardTerminal,
    inputs: &mpsc::Receiver<Input>,
    state: &mut GateState,
    theme: &Theme,
) -> Result<Choice> {
    loop {
        terminal
            .draw(|frame| frame.render_widget(RecoveryView { state, theme }, frame.area()))
            .context("the screen could not be drawn")?;
        match inputs.recv() {
            Ok(Input::Terminal(Event::Key(key))) => {
                if let Some(choice) = state.press(&key) {
                    return Ok(choice);
                }
            }
            Ok(Input::Terminal(_)) => {}
            Ok(Input::Stop) | Err(_) => return Ok(Choice::Quit),
            Ok(Input::Failed(error)) => {
                return Err(error).context("the terminal stopped sending keys");
            }
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
