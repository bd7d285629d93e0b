//! Keys to messages, one table per screen with a global fallback. The footer's hints and
//! the `?` overlay are generated from these same tables, so they cannot drift from what
//! the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::message::Message;

/// Which table applies: the screen, or what has the keyboard on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// First run: naming the plan.
    Welcome,
    /// First run with the plan's name already given (`--plan`): nothing to type.
    WelcomeNamed,
    /// A question, keys as commands.
    Question,
    /// Typing a one-line answer (number, money, percent, date, text).
    Typing,
    /// Typing a long answer over several lines.
    TypingLong,
    /// Editing the note of a question.
    Note,
    /// Naming a new plan.
    NewPlanName,
    /// Picking a section to jump to.
    Jump,
    /// Reading a long text whole (the why and help of a question).
    Reading,
    /// Typing an action's owner or due date.
    ActionField,
    /// An action on a gap marked done: change the answer now, or keep the list.
    UpdateAnswer,
    /// The team's positions on a question.
    Positions,
    /// Typing a participant's position on a typed question.
    PositionEntry,
    /// Adding or removing participants.
    Team,
    /// The agenda: each section's minutes, the clock started or stopped.
    Agenda,
    Review,
    Summary,
    /// What changed since the last session.
    Since,
    Gaps,
    Actions,
    Plans,
    /// Plans side by side.
    Compare,
    Help,
    /// Typing the code of the plan's currency.
    Currency,
    /// A damaged plan file: its newest good backup, a fresh start, or quit.
    Damaged,
    /// A plan another outready has open: read-only, or quit.
    Busy,
    /// The window is smaller than the screens need.
    TooSmall,
}

impl Context {
    /// Whether printable keys type text here.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Context::Welcome
                | Context::Typing
                | Context::TypingLong
                | Context::Note
                | Context::NewPlanName
                | Context::ActionField
                | Context::Team
                | Context::Currency
                | Context::PositionEntry
        )
    }

    /// Whether a printable key no binding takes is passed on as typed (the positions
    /// box: on a typed question, typing starts the participant's entry).
    fn types_unbound(self) -> bool {
        self.is_text() || self == Context::Positions
    }
}

/// A key, or a family of keys, a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    /// The digits 1 to 9, each picking its option.
    Digits,
}

/// When a binding applies on a question screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    Always,
    /// Questions answered by picking options.
    Choice,
    /// Questions answered by typing.
    Typed,
    /// Questions that may be "not applicable".
    NotApplicable,
    /// Questions that offer "I don't know yet".
    Unsure,
    /// A question opened from a list (review, gaps, action plan) it can go back to.
    Returns,
    /// A questionnaire that counts amounts (money questions or calculated figures).
    Amounts,
    /// Works always and is in the `?` list always; the footer offers it while the
    /// agenda's time for the section is up.
    TimeUp,
    /// The gap chosen in the gaps list is an answer "I don't know yet".
    UnsureGap,
}

/// How a binding's keys are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The first key in the footer, every key in the `?` list.
    Keys,
    /// These keys in the footer instead, saying this (a pair read together, like
    /// "↑/↓ choose").
    Footer(&'static [Key], &'static str),
    /// A word that reads better than the keys, in both places.
    Word(&'static str),
}

/// One line of a key table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    pub message: Message,
    /// How the keys are shown; derived from the keys unless a word reads better.
    pub shown: Shown,
    /// What they do, in a few words.
    pub label: &'static str,
    /// Place in the footer (lower shows first when space is short); 0: help only.
    pub footer: u8,
    pub only: Only,
}

const fn bind(
    keys: &'static [Key],
    message: Message,
    label: &'static str,
    footer: u8,
    only: Only,
) -> Binding {
    Binding {
        keys,
        message,
        shown: Shown::Keys,
        label,
        footer,
        only,
    }
}

impl Binding {
    /// The same binding, shown in the footer by these keys, saying `label`.
    const fn footer_keys(mut self, keys: &'static [Key], label: &'static str) -> Binding {
        self.shown = Shown::Footer(keys, label);
        self
    }

    /// What the binding does, as the footer says it.
    pub fn footer_text(&self) -> &'static str {
        match self.shown {
            Shown::Footer(_, label) => label,
            _ => self.label,
        }
    }

    /// The keys as the footer shows them: the first key, or the keys chosen.
    pub fn footer_label(&self) -> String {
        match self.shown {
            Shown::Keys => self.keys.first().map(|k| k.label()).unwrap_or_default(),
            Shown::Footer(keys, _) => joined(keys),
            Shown::Word(word) => word.to_string(),
        }
    }

    /// Every key of the binding, as the `?` list shows them.
    pub fn help_label(&self) -> String {
        match self.shown {
            Shown::Word(word) => word.to_string(),
            _ => joined(self.keys),
        }
    }
}

fn joined(keys: &[Key]) -> String {
    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join("/")
}

impl Key {
    /// The key as printed on the keyboard, in a few characters.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digits => "1-9".into(),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::F(n) => format!("F{n}"),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Delete => "Delete".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                other => format!("{other:?}"),
            },
        }
    }
}

mod tables;
use tables::{
    ACTIONS, AGENDA, BUSY, COMPARE, CURRENCY, DAMAGED, EDIT_KEYS, FIELD, GAPS, GLOBAL, HELP, JUMP,
    NOTE, PLANS, POSITION_ENTRY, POSITIONS, QUESTION, READING, REVIEW, SINCE, SUMMARY, TEAM,
    TOO_SMALL, TYPING, TYPING_LONG, UPDATE_ANSWER, WELCOME, WELCOME_KEYS,
};

impl Binding {
    fn matches(&self, key: &KeyEvent) -> Option<Message> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        self.keys.iter().find_map(|k| match (k, key.code) {
            (Key::Ctrl(c), KeyCode::Char(pressed)) if ctrl && pressed.eq_ignore_ascii_case(c) => {
                Some(self.message.clone())
            }
            (Key::Char(c), KeyCode::Char(pressed)) if !ctrl && pressed == *c => {
                Some(self.message.clone())
            }
            (Key::Digits, KeyCode::Char(d @ '1'..='9')) if !ctrl => {
                Some(Message::Pick(d as usize - '1' as usize))
            }
            (Key::Code(code), pressed) if *code == pressed && !ctrl => Some(self.message.clone()),
            _ => None,
        })
    }
}

/// The table of a context.
pub fn table(context: Context) -> &'static [Binding] {
    match context {
        Context::Welcome => WELCOME,
        Context::WelcomeNamed => WELCOME_KEYS,
        Context::Question => QUESTION,
        Context::Typing => TYPING,
        Context::TypingLong => TYPING_LONG,
        Context::Note => NOTE,
        Context::NewPlanName | Context::ActionField => FIELD,
        Context::UpdateAnswer => UPDATE_ANSWER,
        Context::Jump => JUMP,
        Context::Positions => POSITIONS,
        Context::PositionEntry => POSITION_ENTRY,
        Context::Team => TEAM,
        Context::Agenda => AGENDA,
        Context::Reading => READING,
        Context::Review => REVIEW,
        Context::Summary => SUMMARY,
        Context::Since => SINCE,
        Context::Gaps => GAPS,
        Context::Actions => ACTIONS,
        Context::Plans => PLANS,
        Context::Compare => COMPARE,
        Context::Help => HELP,
        Context::Currency => CURRENCY,
        Context::Damaged => DAMAGED,
        Context::Busy => BUSY,
        Context::TooSmall => TOO_SMALL,
    }
}

/// The editing keys, in contexts that have a text field.
fn edit_table(context: Context) -> &'static [Binding] {
    if context.is_text() { EDIT_KEYS } else { &[] }
}

/// The message a key press means here, if any.
pub fn message_for(context: Context, key: &KeyEvent) -> Option<Message> {
    if let Some(message) = table(context)
        .iter()
        .chain(edit_table(context))
        .find_map(|b| b.matches(key))
    {
        return Some(message);
    }
    if let Some(message) = GLOBAL.iter().find_map(|b| b.matches(key)) {
        return Some(match (context, message) {
            // A window too small to show help can only be left.
            (Context::TooSmall, Message::ShowHelp) => return None,
            (_, message) => message,
        });
    }
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if context.types_unbound() && plain => Some(Message::Type(c)),
        _ => None,
    }
}

/// The bindings that apply, for the footer (`footer` order) or the help overlay (all).
pub fn hints(
    context: Context,
    applies: impl Fn(Only) -> bool,
    footer_only: bool,
) -> Vec<&'static Binding> {
    let mut shown: Vec<&Binding> = table(context)
        .iter()
        .filter(|b| applies(b.only) || (!footer_only && b.only == Only::TimeUp))
        .filter(|b| !footer_only || b.footer > 0)
        .collect();
    if footer_only {
        shown.sort_by_key(|b| b.footer);
    } else {
        shown.extend(edit_table(context));
        let global = GLOBAL
            .iter()
            .filter(|g| {
                !shown
                    .iter()
                    .any(|b| b.keys.iter().any(|k| g.keys.contains(k)))
            })
            // A window too small to show help can only be left.
            .filter(|g| !(context == Context::TooSmall && g.message == Message::ShowHelp));
        let global: Vec<&Binding> = global.collect();
        shown.extend(global);
    }
    shown
}

#[cfg(test)]
mod tests;
