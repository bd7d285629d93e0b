//! The wizard's state: the questionnaire, the plan being answered, which screen is up and
//! what it holds. Changed only by `update`; read by the screens.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::layout::Rect;

use super::keymap::{Context, Only};
use super::theme::Theme;
use super::widgets::text_input::TextInput;
use crate::answer::{Answer, AnswerState};
use crate::local_zone::local_zone;
use crate::plan::Plan;
use crate::questionnaire::{Loaded, Question, QuestionType, Questionnaire, Section};
use crate::report::Report;
use crate::report::workshop::{self, Provisional, Since};
use crate::scoring::{self, Assessment};
use crate::wizard::{Flow, Mode, Spot, field_text, resume_spot};

/// The smallest window the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

mod agenda;
mod gate;
mod opened;
mod state;
pub use agenda::AgendaClock;
pub use gate::{Choice, GateKind, GateState};
pub use opened::Opened;
pub use state::{
    ActionField, CompareState, DEFAULT_PLAN_NAME, ListState, Overlay, Places, PlansState,
    PositionEntry, QuestionState, ReviewFilter, ReviewState, Screen, Status, SummaryState,
    WelcomeField, WelcomeState,
};

/// The whole state of the wizard.
#[derive(Debug, Clone)]
pub struct App {
    pub loaded: Loaded,
    pub plan: Plan,
    pub flow: Flow,
    /// Scoring's reading of the answers (the sidebar's blockers), kept with the flow.
    pub assessment: Assessment,
    /// The verdict, gaps and action plan as every report format shows them, built the
    /// first time a screen asks for it after the answers changed (see [`App::report`]),
    /// so a question screen never waits for it.
    report: OnceCell<Report>,
    /// The time zone dates are shown in.
    pub zone: TimeZone,
    pub screen: Screen,
    /// The question screen to go back to from review, summary and plans.
    pub last_question: Option<Spot>,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub show_why: bool,
    /// Typed entries not accepted yet, by question id, so leaving loses nothing.
    pub drafts: HashMap<String, String>,
    pub theme: Theme,
    /// The size of the last frame, for laying out mouse targets.
    pub area: Rect,
    /// Whether the plan has a file yet (a new plan gets one once it is named).
    pub saved_once: bool,
    /// The file the plan is saved in (none until a new plan is first saved), so the
    /// plans screen knows this plan from a copy with the same name.
    pub plan_file: Option<PathBuf>,
    /// The plans that exist, by file stem, with each one's real name, so a new plan
    /// never takes one's place and a clash names the plan it clashes with.
    pub taken: HashMap<String, String>,
    /// Questions the questionnaire gained since the plan last saved, marked "new".
    pub new_questions: HashSet<String>,
    /// Why nothing is saved, when another outready has the plan open.
    pub read_only: Option<String>,
    /// The list a question was opened from (review, gaps, action plan), for Esc.
    pub return_to: Option<Screen>,
    /// Where each list screen was left, so coming back keeps the place.
    pub places: Places,
    /// The answer `c` last cleared, by question id, so `c` again puts it back.
    pub cleared: Option<(String, Answer)>,
    /// Draw with ASCII symbols and borders only (a terminal without UTF-8).
    pub ascii: bool,
    pub now: fn() -> Timestamp,
    /// In questionnaire order, or the quick scan first (kept as answers change).
    pub mode: Mode,
    /// When the plan had last changed as it was opened: a later change makes this a
    /// session to record in its history on closing.
    pub opened_at: Timestamp,
    /// The day `--since` gave, to say what changed from; else since the last session
    /// before today.
    pub since: Option<jiff::civil::Date>,
    /// The presenter layout: the question large and spaced, no sidebar, a clock.
    pub present: bool,
    /// The section whose agenda time is counting, and since when (none while stopped).
    pub agenda_clock: Option<AgendaClock>,
}

impl App {
    /// The wizard on a plan: the welcome screen for a plan not saved yet, else the
    /// question where the plan left off.
    pub fn new(loaded: Loaded, plan: Plan, is_new: bool, theme: Theme) -> App {
        let flow = Flow::new(&loaded.questionnaire, &plan.answers);
        let zone = local_zone();
        let assessment =
            scoring::assess_with(&loaded.questionnaire, &plan.answers, flow.visibility());
        let mut app = App {
            loaded,
            plan,
            flow,
            assessment,
            report: OnceCell::new(),
            zone,
            screen: Screen::Summary(SummaryState::default()),
            last_question: None,
            overlay: None,
            status: None,
            show_why: true,
            drafts: HashMap::new(),
            theme,
            area: Rect::new(0, 0, 80, 24),
            saved_once: !is_new,
            plan_file: None,
            taken: HashMap::new(),
            new_questions: HashSet::new(),
            read_only: None,
            return_to: None,
            places: Places::default(),
            cleared: None,
            ascii: false,
            now: Timestamp::now,
            mode: Mode::Full,
            opened_at: Timestamp::UNIX_EPOCH,
            since: None,
            present: false,
            agenda_clock: None,
        };
        app.opened_at = app.plan.updated;
        if is_new {
            // A name from `--plan` is kept as given; else one is offered, ready to use.
            let fixed = !app.plan.name.is_empty();
            let name = if fixed {
                app.plan.name.clone()
            } else {
                DEFAULT_PLAN_NAME.to_string()
            };
            app.screen = Screen::Welcome(WelcomeState {
                name: TextInput::single(&name),
                fixed,
                offered: !fixed,
                error: None,
                team: TextInput::single(""),
                field: WelcomeField::Name,
            });
        } else {
            app.resume();
        }
        app
    }

    /// Puts the question where the plan left off on screen (the summary when every
    /// question is settled).
    pub fn resume(&mut self) {
        let saved = self.plan.position.question.clone();
        let spot = resume_spot(
            &self.loaded.questionnaire,
            &self.plan.answers,
            &self.flow,
            saved.as_deref(),
        );
        match spot {
            Some(spot) => self.show_question(spot),
            None => self.screen = Screen::Summary(SummaryState::default()),
        }
    }

    pub fn questionnaire(&self) -> &Questionnaire {
        &self.loaded.questionnaire
    }

    /// The question at a spot.
    pub fn question_at(&self, spot: Spot) -> Option<&Question> {
        self.questionnaire()
            .sections
            .get(spot.section)
            .and_then(|s| s.questions.get(spot.question))
    }

    pub fn section_at(&self, index: usize) -> Option<&Section> {
        self.questionnaire().sections.get(index)
    }

    /// The question on screen, when the question screen is up.
    pub fn current(&self) -> Option<(&QuestionState, &Question)> {
        match &self.screen {
            Screen::Question(state) => self.question_at(state.spot).map(|q| (state, q)),
            _ => None,
        }
    }

    /// Puts a question on screen, with its field ready when it is typed.
    pub fn show_question(&mut self, spot: Spot) {
        let Some(question) = self.question_at(spot) else {
            return;
        };
        let answer = self.plan.answers.get(question.id.as_str());
        let typed = !question.kind.is_choice();
        let field = typed.then(|| {
            let text = self
                .drafts
                .get(question.id.as_str())
                .cloned()
                .or_else(|| {
                    let currency = crate::money::plan_currency(&self.plan);
                    let value = answer.and_then(|a| a.value.as_ref());
                    value.map(|v| field_text(question, v, &currency))
                })
                .unwrap_or_default();
            if question.kind == QuestionType::LongText {
                TextInput::multi(&text)
            } else {
                TextInput::single(&text)
            }
        });
        let set_aside = answer
            .is_some_and(|a| matches!(a.state, AnswerState::Unsure | AnswerState::NotApplicable));
        let chosen = answer.and_then(|a| a.value.as_ref()).and_then(|v| match v {
            crate::answer::Value::Text(t) => question.option_position(t),
            crate::answer::Value::List(l) => l.first().and_then(|t| question.option_position(t)),
            crate::answer::Value::Number(_) => None,
        });
        // Only what the user chose is highlighted on arrival: on an unanswered question
        // nothing is, so Enter goes on without answering; ↑ or ↓ starts at the first option.
        let highlight = if set_aside { None } else { chosen };
        // Typing starts at once on a typed question nobody has settled yet.
        let settled = answer.is_some_and(|a| a.state != AnswerState::Unanswered);
        let typing = typed && !settled;
        let field_error = self.drafts.get(question.id.as_str()).and_then(|draft| {
            crate::wizard::typed_problem(question, draft, self.plan.currency.as_deref())
        });
        let id = question.id.clone();
        // What `c` cleared can be put back only while its question is on screen.
        if self
            .cleared
            .as_ref()
            .is_some_and(|(cleared, _)| *cleared != id)
        {
            self.cleared = None;
        }
        self.last_question = Some(spot);
        if self.plan.position.question.as_deref() != Some(&id) {
            self.plan.position.question = Some(id.to_string());
        }
        self.screen = Screen::Question(QuestionState {
            spot,
            highlight,
            field,
            typing,
            field_error,
            notice: None,
        });
    }

    /// Works out visibility and the report again after the answers changed.
    pub fn refresh(&mut self) {
        self.flow = Flow::with_mode(&self.loaded.questionnaire, &self.plan.answers, self.mode);
        self.refresh_report();
    }

    /// Asks in questionnaire order or the quick scan first, from now on.
    pub fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
        self.refresh();
    }

    /// Works the report out again, when next asked for, after the action plan changed.
    pub fn refresh_report(&mut self) {
        self.assessment = scoring::assess_with(
            &self.loaded.questionnaire,
            &self.plan.answers,
            self.flow.visibility(),
        );
        self.report = OnceCell::new();
    }

    /// Whether the verdict is provisional now (the report's, without building it).
    pub fn provisional(&self) -> Option<Provisional> {
        workshop::provisional(
            &self.loaded.questionnaire,
            &self.plan,
            self.flow.visibility(),
        )
    }

    /// The verdict, gaps and action plan of the answers as they are now.
    pub fn report(&self) -> &Report {
        self.report.get_or_init(|| {
            Report::build_assessed(
                &self.loaded.questionnaire,
                &self.plan,
                &self.zone,
                self.flow.visibility(),
                &self.assessment,
            )
        })
    }

    /// Works out what changed since the last session before today (or the day
    /// `--since` gave), for the since-last-time screen; only there, so a key press
    /// costs nothing more.
    pub fn work_out_since(&mut self) {
        let since = match self.since {
            Some(day) => Since::Date(day),
            None => Since::SessionBefore((self.now)().to_zoned(self.zone.clone()).date()),
        };
        self.report();
        if let Some(report) = self.report.get_mut() {
            report.set_since(&self.loaded.questionnaire, &self.plan, &self.zone, since);
        }
    }

    /// Which key table applies now.
    pub fn context(&self) -> Context {
        if self.area.width < MIN_WIDTH || self.area.height < MIN_HEIGHT {
            return Context::TooSmall;
        }
        match &self.overlay {
            Some(Overlay::Help | Overlay::BoxHelp(_)) => return Context::Help,
            Some(Overlay::Note(_)) => return Context::Note,
            Some(Overlay::NewPlan(..)) => return Context::NewPlanName,
            Some(Overlay::Jump { .. }) => return Context::Jump,
            Some(Overlay::Positions { entry: None, .. }) => return Context::Positions,
            Some(Overlay::Positions { entry: Some(_), .. }) => return Context::PositionEntry,
            Some(Overlay::Team { .. }) => return Context::Team,
            Some(Overlay::Reading { .. }) => return Context::Reading,
            Some(Overlay::ActionField { .. }) => return Context::ActionField,
            Some(Overlay::UpdateAnswer { .. }) => return Context::UpdateAnswer,
            Some(Overlay::Currency { .. }) => return Context::Currency,
            Some(Overlay::Agenda { .. }) => return Context::Agenda,
            None => {}
        }
        match &self.screen {
            Screen::Welcome(state) if state.field == WelcomeField::Quick => Context::WelcomeNamed,
            Screen::Welcome(state) if state.fixed && state.field == WelcomeField::Name => {
                Context::WelcomeNamed
            }
            Screen::Welcome(_) => Context::Welcome,
            Screen::Question(state) if state.typing => match state.field.as_ref() {
                Some(field) if field.is_multiline() => Context::TypingLong,
                _ => Context::Typing,
            },
            Screen::Question(_) => Context::Question,
            Screen::Review(_) => Context::Review,
            Screen::Summary(_) => Context::Summary,
            Screen::Since(_) => Context::Since,
            Screen::Gaps(_) => Context::Gaps,
            Screen::Actions(_) => Context::Actions,
            Screen::Plans(_) => Context::Plans,
            Screen::Compare(_) => Context::Compare,
            Screen::Gate(state) => match state.kind {
                GateKind::Damaged => Context::Damaged,
                GateKind::Busy => Context::Busy,
            },
        }
    }

    /// Whether a binding limited to `only` applies to the question on screen.
    pub fn applies(&self, only: Only) -> bool {
        let time_up = || self.agenda_standing().is_some_and(|(_, s)| s.is_up());
        let unsure_gap = || match &self.screen {
            Screen::Gaps(state) => self
                .report()
                .gaps
                .get(state.selected)
                .is_some_and(|gap| gap.unsure),
            _ => false,
        };
        let Some((_, question)) = self.current() else {
            return only == Only::Always
                || (only == Only::Amounts && self.questionnaire().counts_amounts())
                || (only == Only::TimeUp && time_up())
                || (only == Only::UnsureGap && unsure_gap());
        };
        match only {
            Only::Always => true,
            Only::TimeUp => time_up(),
            Only::UnsureGap => unsure_gap(),
            Only::Amounts => self.questionnaire().counts_amounts(),
            Only::Choice => question.kind.is_choice(),
            Only::Typed => !question.kind.is_choice(),
            Only::NotApplicable => question.allow_na,
            Only::Unsure => question.allow_unsure,
            Only::Returns => self.return_to.is_some(),
        }
    }

    /// The questions the review lists under a filter, in order.
    pub fn review_rows(&self, filter: ReviewFilter) -> Vec<Spot> {
        self.flow
            .shown()
            .iter()
            .copied()
            .filter(|spot| {
                let answer = self
                    .question_at(*spot)
                    .and_then(|q| self.plan.answers.get(q.id.as_str()));
                let state = answer.map_or(AnswerState::Unanswered, |a| a.state);
                match filter {
                    ReviewFilter::All => true,
                    ReviewFilter::Open => {
                        matches!(state, AnswerState::Unanswered | AnswerState::Unsure)
                    }
                    ReviewFilter::Discuss => answer.is_some_and(|a| a.discuss || a.note.is_some()),
                    ReviewFilter::Disputed => self
                        .question_at(*spot)
                        .is_some_and(|q| crate::wizard::positions::is_disputed(&self.plan, &q.id)),
                }
            })
            .collect()
    }

    /// Says something in the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    /// Reports a problem in the status line.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }
}
