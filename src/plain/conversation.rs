//! The plain-mode conversation: names a new plan, asks each shown question in turn
//! through the wizard's flow, applies what is typed with the wizard's `apply`, saves on
//! every change, shows where the plan stands (summary, gaps, action plan: `results`),
//! and says goodbye with where the plan was saved. With strict input (a file), the first
//! refused line stops the run.

mod agenda;
mod ending;
mod going;
mod results;
mod worksheet;
mod workshop;

use std::io::{BufRead, Write};

use anyhow::Result;
use jiff::Timestamp;

use super::Refused;
use super::command::{self, Command};
use super::console::Console;
use super::reading::sentence;
use super::wording;
use crate::answer::AnswerState;
use crate::open::OpenPlan;
use crate::plan::{Plan, PlanFile};
use crate::questionnaire::{Loaded, Question, QuestionType};
use crate::wizard::{self, Change, Flow, Spot, resume_spot};

/// Where the conversation goes next.
enum Step {
    /// Ask the question at this spot.
    Ask(Spot),
    /// Where the plan stands: after the last question (None), or asked for on `s` at
    /// this question (`b` goes back to it).
    Results(Option<Spot>),
    /// Save and say goodbye.
    Leave,
}

/// One plain-mode run over one plan.
pub struct Conversation<R, W> {
    console: Console<R, W>,
    /// The file the plan was opened from (or claimed for it): every save goes there.
    file: PlanFile,
    loaded: Loaded,
    plan: Plan,
    flow: Flow,
    /// Whether the plan has a file (a new plan gets one once it has a name).
    started: bool,
    note: Option<String>,
    /// The section whose heading was printed last.
    section: Option<usize>,
    /// Whether a refused line stops the run (input from a file) rather than asking again.
    strict: bool,
    /// Back to where the plan stands after the question asked now (an action marked done
    /// whose answer is being updated).
    revisit: bool,
    now: fn() -> Timestamp,
    workshop: workshop::Workshop,
}

impl<R: BufRead, W: Write> Conversation<R, W> {
    /// A conversation about the plan `crate::open` found.
    pub fn new(opened: OpenPlan, console: Console<R, W>) -> Conversation<R, W> {
        let flow = Flow::new(&opened.loaded.questionnaire, &opened.plan.answers);
        let workshop = workshop::Workshop::new(&opened.plan);
        Conversation {
            console,
            file: opened.file,
            loaded: opened.loaded,
            plan: opened.plan,
            flow,
            started: !opened.is_new,
            note: opened.note,
            section: None,
            strict: false,
            revisit: false,
            now: Timestamp::now,
            workshop,
        }
    }

    /// Stops at the first refused line (for input from a file) instead of asking again.
    pub fn strict(mut self, strict: bool) -> Conversation<R, W> {
        self.strict = strict;
        self
    }

    /// Runs until the input ends or `q`; with strict input, until the first refused
    /// line, which fails with [`Refused`] after saving what came before it.
    pub fn run(mut self) -> Result<()> {
        match self.talk() {
            Ok(true) => {
                self.close_session();
                self.farewell()
            }
            Ok(false) => Ok(self.console.flush()?),
            Err(error) => match error.downcast::<Refused>() {
                Ok(refused) => {
                    let saved = if self.started {
                        self.close_session();
                        Some(self.save()?)
                    } else {
                        None
                    };
                    self.console.flush()?;
                    Err(Refused { saved, ..refused }.into())
                }
                Err(error) => Err(error),
            },
        }
    }

    /// The conversation up to the goodbye; false when the plan was never started.
    fn talk(&mut self) -> Result<bool> {
        let title = self.loaded.questionnaire.title.clone();
        self.console
            .say(&sentence("outready plain mode", title.trim()))?;
        if let Some(note) = self.note.take() {
            self.console.say(&note)?;
        }
        if !self.started && !self.name_plan()? {
            self.console
                .say("Nothing was saved: the plan was not started.")?;
            return Ok(false);
        }
        let (answered, total) = self.progress();
        let standing = if answered == 0 {
            format!("Plan \"{}\", {total} questions.", self.plan.name)
        } else {
            format!(
                "Plan \"{}\": {answered} of {total} answered.",
                self.plan.name
            )
        };
        self.console
            .say(&format!("{standing} Every answer is saved as you give it."))?;
        self.console.say(
            "Type ? at any question for help, s for where the plan stands, or q to save and quit.",
        )?;
        let saved = self.plan.position.question.clone();
        let questionnaire = &self.loaded.questionnaire;
        let first = resume_spot(
            questionnaire,
            &self.plan.answers,
            &self.flow,
            saved.as_deref(),
        );
        let mut step = first.map_or(Step::Results(None), Step::Ask);
        loop {
            step = match step {
                Step::Ask(spot) => self.ask(spot)?,
                Step::Results(from) => self.results(from)?,
                Step::Leave => return Ok(true),
            };
        }
    }

    /// Shown questions answered, and shown in all.
    fn progress(&self) -> (usize, usize) {
        self.flow
            .progress(&self.loaded.questionnaire, &self.plan.answers)
    }

    fn question_at(&self, spot: Spot) -> Option<Question> {
        self.loaded
            .questionnaire
            .sections
            .get(spot.section)
            .and_then(|s| s.questions.get(spot.question))
            .cloned()
    }

    /// Asks one question until it is answered, skipped, left or the input ends.
    fn ask(&mut self, spot: Spot) -> Result<Step> {
        let Some(question) = self.question_at(spot) else {
            return Ok(Step::Results(None));
        };
        self.plan.position.question = Some(question.id.to_string());
        self.scan_done(spot)?;
        self.heading(spot.section)?;
        self.show(spot, &question)?;
        let prompt = wording::prompt(&question);
        loop {
            let Some(line) = self.console.ask(&prompt)? else {
                return Ok(Step::Leave);
            };
            let answered = self
                .plan
                .answer(&question.id)
                .is_some_and(|a| a.state != AnswerState::Unanswered);
            let state = self.plan.answer(&question.id).map(|a| a.state);
            let change = match command::read(&line) {
                // The facilitator's commands, with a team; without one, an answer.
                Command::Position(..) | Command::Agree(_) if self.plan.participants.is_empty() => {
                    self.read_typed(&question, line.trim())
                }
                Command::Position(name, value) => {
                    self.position(&question, &name, &value)?;
                    continue;
                }
                Command::Agree(value) if self.agree(&question, &value)? => {
                    return Ok(self.after(spot));
                }
                Command::Agree(_) => continue,
                Command::Quit => return Ok(Step::Leave),
                Command::Skip => return Ok(self.after(spot)),
                Command::Summary => return Ok(Step::Results(Some(spot))),
                Command::Go(target) => match self.destination(&target) {
                    Ok(there) => return Ok(Step::Ask(there)),
                    Err(problem) if target.is_empty() => {
                        let said = "Type g and a section number or a question id, like \"g 2\".";
                        self.refuse(said, &problem)?;
                        continue;
                    }
                    Err(problem) => {
                        self.refuse(&format!("{problem}."), &problem)?;
                        continue;
                    }
                },
                Command::Keep if answered => return self.kept(spot, &question),
                Command::Keep => Err("Nothing was typed".to_string()),
                Command::Back => match self.flow.prev(spot) {
                    Some(previous) => return Ok(Step::Ask(previous)),
                    None => Err("This is the first question, there is none before it".into()),
                },
                Command::Help => {
                    for line in wording::help(&question, answered) {
                        self.console.say(&line)?;
                    }
                    self.workshop_help()?;
                    self.worksheet_help()?;
                    self.agenda_help()?;
                    continue;
                }
                Command::Worksheet => {
                    self.worksheet_on_request(spot.section)?;
                    continue;
                }
                Command::Agenda => {
                    self.say_agenda(spot.section)?;
                    continue;
                }
                Command::Currency(code) => {
                    self.currency(&code)?;
                    continue;
                }
                Command::Note(text) => {
                    let had = self
                        .plan
                        .answer(&question.id)
                        .is_some_and(|a| a.note.is_some());
                    if text.is_empty() && !had {
                        self.refuse(
                            "There is no note to remove: to write one, type n and the note, like \"n ask the bookkeeper\".",
                            "There is no note to remove",
                        )?;
                        continue;
                    }
                    let said = if text.is_empty() {
                        "Note removed."
                    } else {
                        "Note saved."
                    };
                    self.remark(&question, Change::Note(text), said)?;
                    continue;
                }
                Command::Flag => {
                    let flagged = self.plan.answer(&question.id).is_some_and(|a| a.discuss);
                    let said = if flagged {
                        "The flag to discuss later is removed."
                    } else {
                        "Flagged to discuss later."
                    };
                    self.remark(&question, Change::Discuss, said)?;
                    continue;
                }
                // Asked again for a state it is already in: keep it (the wizard toggles).
                Command::Unsure if state == Some(AnswerState::Unsure) => {
                    return self.kept(spot, &question);
                }
                Command::NotApplicable if state == Some(AnswerState::NotApplicable) => {
                    return self.kept(spot, &question);
                }
                Command::Unsure => Ok(Change::Unsure),
                Command::NotApplicable => Ok(Change::NotApplicable),
                Command::Answer(text) => self.read_typed(&question, &text),
            };
            let outcome = change.and_then(|change| self.change(&question, change));
            match outcome {
                Ok(notice) => {
                    let said = self
                        .plan
                        .answer(&question.id)
                        .and_then(|a| {
                            wording::answer_text(
                                &question,
                                a,
                                &crate::money::plan_currency(&self.plan),
                            )
                        })
                        .unwrap_or_default();
                    self.saved(&sentence("Saved", &said))?;
                    if let Some(notice) = notice {
                        self.console.say(&notice)?;
                    }
                    return Ok(self.after(spot));
                }
                Err(problem) => {
                    let said = wording::bad_entry(&question, &problem);
                    self.refuse(&said, &problem)?;
                }
            }
        }
    }

    /// Says the answer stays as it is, and goes on.
    fn kept(&mut self, spot: Spot, question: &Question) -> Result<Step> {
        let said = self
            .plan
            .answer(&question.id)
            .and_then(|a| {
                wording::answer_text(question, a, &crate::money::plan_currency(&self.plan))
            })
            .unwrap_or_default();
        self.console.say(&sentence("Kept", &said))?;
        Ok(self.after(spot))
    }

    /// Where to go after a question: the next shown one, or where the plan stands (at
    /// once, when the question was revisited from there).
    fn after(&mut self, spot: Spot) -> Step {
        if std::mem::take(&mut self.revisit) {
            return Step::Results(Some(spot));
        }
        self.flow.next(spot).map_or(Step::Results(None), Step::Ask)
    }

    /// Prints a section's heading when the conversation enters it.
    fn heading(&mut self, section: usize) -> Result<()> {
        self.follow_agenda(section);
        if self.section == Some(section) {
            return Ok(());
        }
        self.leaving_section()?;
        self.section = Some(section);
        let Some(found) = self.loaded.questionnaire.sections.get(section) else {
            return Ok(());
        };
        let (title, intro) = (found.title.clone(), found.intro.trim().to_string());
        self.console.gap()?;
        self.console.say(&format!(
            "Section {} of {}: {title}.",
            section + 1,
            self.flow.section_count()
        ))?;
        if !intro.is_empty() {
            self.console.say(&intro)?;
        }
        Ok(())
    }

    /// Prints the question, its options, and what it holds already.
    fn show(&mut self, spot: Spot, question: &Question) -> Result<()> {
        let (at, total) = self.flow.ordinal(spot);
        self.console.gap()?;
        self.console.say(&format!(
            "Question {at} of {total}: {}",
            question.text.trim()
        ))?;
        for (index, option) in question.options.iter().enumerate() {
            self.console
                .say(&format!("  {}. {}", index + 1, option.label))?;
        }
        if let (Some(unit), true) = (&question.unit, question.kind.is_numeric()) {
            self.console.say(&format!("Unit: {unit}."))?;
        }
        if question.kind == QuestionType::LongText {
            self.console.say("One line is enough.")?;
        }
        self.show_positions(question)?;
        let Some(answer) = self.plan.answer(&question.id).cloned() else {
            return Ok(());
        };
        if let Some(said) =
            wording::answer_text(question, &answer, &crate::money::plan_currency(&self.plan))
        {
            self.console
                .say(&format!("Current answer: {said}. Enter alone keeps it."))?;
        }
        if let Some(note) = &answer.note {
            self.console.say(&format!("Note: {note}"))?;
        }
        if answer.discuss {
            self.console.say("Flagged to discuss later.")?;
        }
        Ok(())
    }

    /// Applies a change to the question's answer and works out what it shows or hides.
    /// Ok holds a line about questions added or set aside; Err why the change does not
    /// apply.
    fn change(&mut self, question: &Question, change: Change) -> Result<Option<String>, String> {
        let updated = wizard::apply(question, self.plan.answer(&question.id), change)?;
        self.plan.set_answer(&question.id, updated, (self.now)());
        Ok(self.reflow())
    }

    /// Works out again which questions the answers show (in the same mode), after an
    /// answer changed; a line about questions added or set aside.
    fn reflow(&mut self) -> Option<String> {
        let after = Flow::with_mode(
            &self.loaded.questionnaire,
            &self.plan.answers,
            self.flow.mode(),
        );
        let notice = wizard::change_notice_for(
            &self.flow,
            &after,
            &self.loaded.questionnaire,
            &self.plan.answers,
        );
        self.flow = after;
        notice
    }

    /// Changes the note or the flag, which leave the answer and the flow alone.
    fn remark(&mut self, question: &Question, change: Change, done: &str) -> Result<()> {
        match self.change(question, change) {
            Ok(_) => self.saved(done),
            Err(problem) => self.refuse(&wording::bad_entry(question, &problem), &problem),
        }
    }

    /// Saves, then says `done`; or says why the save failed (the answers stay here and
    /// the next change tries again).
    fn saved(&mut self, done: &str) -> Result<()> {
        match self.file.save(&self.plan) {
            Ok(_) => self.console.say(done)?,
            Err(error) => self.console.say(&format!(
                "Not saved: {error}. Your answers are kept here and saved again at your next change."
            ))?,
        }
        Ok(())
    }

    /// Saves, failing when the plan cannot be written.
    fn save(&mut self) -> Result<std::path::PathBuf> {
        Ok(self.file.save(&self.plan)?)
    }
}
