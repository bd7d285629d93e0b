//! A plan as opening found it, in the words the wizard needs: what a new `App` is built
//! on, at start-up and whenever the session opens another plan (a switch, a new plan, a
//! backup put back). Data only: the session makes it, `update` puts it in place.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::{App, GateState, Screen, Status};
use crate::plan::{Participant, Plan};
use crate::questionnaire::Loaded;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_input::TextInput;
use crate::wizard::{Mode, positions};

/// A plan opened, with what the wizard shows about it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub loaded: Loaded,
    pub plan: Plan,
    /// Whether the plan has no file yet (the welcome screen names it).
    pub is_new: bool,
    /// The file it is saved in.
    pub file: Option<PathBuf>,
    /// Questions the questionnaire gained since the plan last saved.
    pub new_questions: HashSet<String>,
    /// Why nothing is saved, when another outready has the plan open.
    pub read_only: Option<String>,
    /// The plans that exist, by file stem, with their real names.
    pub taken: HashMap<String, String>,
    /// How the plan was opened, said once: under the question, or in the status line.
    pub note: Option<String>,
    /// Said in the status line when nothing else is.
    pub status: Option<Status>,
    /// The screen to show before the plan's own: a plan that cannot be opened as it is.
    pub gate: Option<GateState>,
    /// The quick scan first (`--quick`).
    pub quick: bool,
    /// The team given with `--participants`, joined to the plan's.
    pub team: Vec<Participant>,
    /// The day `--since` gave.
    pub since: Option<jiff::civil::Date>,
    /// Start in the presenter layout.
    pub present: bool,
    /// The agenda the command line gave, its clock started (the time used is kept).
    pub agenda: Option<crate::plan::Agenda>,
}

/// Two openings are the same when they open the same plan from the same file, saying
/// the same: the questionnaire is the one the plan answers.
impl PartialEq for Opened {
    fn eq(&self, other: &Opened) -> bool {
        self.plan == other.plan
            && self.is_new == other.is_new
            && self.file == other.file
            && self.new_questions == other.new_questions
            && self.read_only == other.read_only
            && self.taken == other.taken
            && self.note == other.note
            && self.status == other.status
            && self.gate == other.gate
            && self.quick == other.quick
            && self.team == other.team
            && self.since == other.since
            && self.present == other.present
            && self.agenda == other.agenda
            && self.loaded.questionnaire.id == other.loaded.questionnaire.id
    }
}

impl App {
    /// The wizard on a plan just opened: marked as opening found it, on the screen
    /// that says why it cannot be opened as it is when it cannot.
    pub fn opened(opened: Opened, theme: Theme) -> App {
        let Opened {
            loaded,
            plan,
            is_new,
            file,
            new_questions,
            read_only,
            taken,
            note,
            status,
            gate,
            quick,
            team,
            since,
            present,
            agenda,
        } = opened;
        let mut app = App::new(loaded, plan, is_new, theme);
        app.plan_file = file;
        app.new_questions = new_questions;
        app.read_only = read_only;
        app.taken = taken;
        app.since = since;
        app.present = present;
        if quick {
            app.set_mode(Mode::Quick);
        }
        if let Some(mut given) = agenda {
            given.running = true;
            match &mut app.plan.agenda {
                Some(kept) => {
                    kept.replan(given);
                    kept.running = true;
                }
                None => app.plan.agenda = Some(given),
            }
        }
        if !team.is_empty() {
            positions::join_team(&mut app.plan, team);
            if let Screen::Welcome(state) = &mut app.screen {
                // The team given is shown on the welcome screen, to add to there.
                let team: Vec<String> =
                    app.plan.participants.iter().map(|p| p.describe()).collect();
                state.team = TextInput::single(&team.join(", "));
            }
        }
        if let Some(note) = note {
            // On a question the note wraps under it, so a long one is read whole.
            match &mut app.screen {
                Screen::Question(state) => state.notice = Some(note),
                _ => app.say(note),
            }
        }
        if app.status.is_none() {
            app.status = status;
        }
        if let Some(gate) = gate {
            app.screen = Screen::Gate(gate);
        }
        app
    }
}
