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
    /// Typing an action's owner or due date.
    ActionField,
    Review,
    Summary,
    Gaps,
    Actions,
    Plans,
    Help,
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
        )
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
}

/// One line of a key table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    pub message: Message,
    /// The keys as shown to the user.
    pub keys_label: &'static str,
    /// What they do, in a few words.
    pub label: &'static str,
    /// Place in the footer (lower shows first when space is short); 0: help only.
    pub footer: u8,
    pub only: Only,
}

const fn bind(
    keys: &'static [Key],
    message: Message,
    keys_label: &'static str,
    label: &'static str,
    footer: u8,
    only: Only,
) -> Binding {
    Binding {
        keys,
        message,
        keys_label,
        label,
        footer,
        only,
    }
}

use Key::{Char, Code, Ctrl, Digits};
use Only::{Always, Choice, NotApplicable, Typed, Unsure};

/// Keys that work on every screen.
#[rustfmt::skip]
static GLOBAL: &[Binding] = &[
    bind(&[Ctrl('c')], Message::Quit, "Ctrl-C", "save and quit", 0, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "F1", "all keys", 0, Always),
];

#[rustfmt::skip]
static QUESTION: &[Binding] = &[
    bind(&[Digits], Message::Pick(0), "1-9", "pick", 1, Choice),
    bind(&[Char(' ')], Message::ToggleHighlighted, "Space", "pick highlighted", 0, Choice),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "Enter", "next", 2, Always),
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "↑/k", "highlight up", 0, Choice),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "↓/j", "highlight down", 0, Choice),
    bind(&[Code(KeyCode::Right), Char('l'), Code(KeyCode::Tab)], Message::NextQuestion, "→/l", "next question", 0, Always),
    bind(&[Code(KeyCode::Left), Char('h'), Code(KeyCode::BackTab)], Message::PrevQuestion, "←", "back", 3, Always),
    bind(&[Code(KeyCode::PageDown), Char(']')], Message::NextSection, "PgDn/]", "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp), Char('[')], Message::PrevSection, "PgUp/[", "previous section", 0, Always),
    bind(&[Char('e'), Char('i')], Message::EditEntry, "e", "type answer", 1, Typed),
    bind(&[Char('u')], Message::Unsure, "u", "don't know yet", 4, Unsure),
    bind(&[Char('x')], Message::NotApplicable, "x", "not applicable", 5, NotApplicable),
    bind(&[Char('f')], Message::Discuss, "f", "discuss later", 6, Always),
    bind(&[Char('n')], Message::EditNote, "n", "note", 7, Always),
    bind(&[Char('w')], Message::ToggleWhy, "w", "why panel", 0, Always),
    bind(&[Char('c'), Code(KeyCode::Delete)], Message::ClearAnswer, "c", "clear answer", 0, Always),
    bind(&[Char('g')], Message::GoToSection, "g", "go to section", 8, Always),
    bind(&[Char('r')], Message::OpenReview, "r", "review", 9, Always),
    bind(&[Char('s')], Message::OpenSummary, "s", "summary", 10, Always),
    bind(&[Char('p')], Message::OpenPlans, "p", "plans", 0, Always),
    bind(&[Char('?')], Message::ShowHelp, "?", "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "q", "quit", 21, Always),
];

/// Editing keys shared by every text field.
#[rustfmt::skip]
static EDIT_KEYS: &[Binding] = &[
    bind(&[Code(KeyCode::Backspace)], Message::Backspace, "Backspace", "delete left", 0, Always),
    bind(&[Code(KeyCode::Delete)], Message::Delete, "Delete", "delete right", 0, Always),
    bind(&[Code(KeyCode::Left)], Message::Left, "←", "cursor left", 0, Always),
    bind(&[Code(KeyCode::Right)], Message::Right, "→", "cursor right", 0, Always),
    bind(&[Code(KeyCode::Home)], Message::Home, "Home", "start of line", 0, Always),
    bind(&[Code(KeyCode::End)], Message::End, "End", "end of line", 0, Always),
];

#[rustfmt::skip]
static TYPING: &[Binding] = &[
    bind(&[Code(KeyCode::Enter), Code(KeyCode::Tab)], Message::Confirm, "Enter", "save, next", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::DoneTyping, "Esc", "done typing", 2, Always),
    bind(&[Code(KeyCode::Up)], Message::PrevQuestion, "↑", "back", 3, Always),
    bind(&[Code(KeyCode::Down)], Message::NextQuestion, "↓", "next question", 0, Always),
    bind(&[Code(KeyCode::BackTab)], Message::PrevQuestion, "Shift-Tab", "back", 0, Always),
    bind(&[Code(KeyCode::PageDown)], Message::NextSection, "PgDn", "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PrevSection, "PgUp", "previous section", 0, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "F1", "keys", 20, Always),
    bind(&[Ctrl('c')], Message::Quit, "Ctrl-C", "quit", 21, Always),
];

#[rustfmt::skip]
static TYPING_LONG: &[Binding] = &[
    bind(&[Code(KeyCode::Tab)], Message::Confirm, "Tab", "save, next", 1, Always),
    bind(&[Code(KeyCode::Enter)], Message::NewLine, "Enter", "new line", 0, Always),
    bind(&[Code(KeyCode::Esc)], Message::DoneTyping, "Esc", "done typing", 2, Always),
    bind(&[Code(KeyCode::Up)], Message::Up, "↑", "line up", 0, Always),
    bind(&[Code(KeyCode::Down)], Message::Down, "↓", "line down", 0, Always),
    bind(&[Code(KeyCode::BackTab)], Message::PrevQuestion, "Shift-Tab", "back", 3, Always),
    bind(&[Code(KeyCode::PageDown)], Message::NextSection, "PgDn", "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PrevSection, "PgUp", "previous section", 0, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "F1", "keys", 20, Always),
    bind(&[Ctrl('c')], Message::Quit, "Ctrl-C", "quit", 21, Always),
];

/// A text field in a box: the note, a plan name, an action's owner or due date.
#[rustfmt::skip]
static FIELD: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "Enter", "save", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "Esc", "close", 2, Always),
    bind(&[Ctrl('c')], Message::Quit, "Ctrl-C", "quit", 21, Always),
];

#[rustfmt::skip]
static WELCOME: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "Enter", "start", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Quit, "Esc", "quit", 2, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "F1", "keys", 20, Always),
];

#[rustfmt::skip]
static JUMP: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "↑↓", "choose", 1, Always),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "↓/j", "down", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "Enter", "go", 2, Always),
    bind(&[Code(KeyCode::Esc), Char('g')], Message::Close, "Esc", "close", 3, Always),
    bind(&[Char('q')], Message::Quit, "q", "quit", 21, Always),
];

#[rustfmt::skip]
static REVIEW: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "↑↓", "choose", 1, Always),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "↓/j", "down", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "Enter", "change it", 2, Always),
    bind(&[Code(KeyCode::Tab), Char('t')], Message::CycleFilter, "Tab", "all/open/discuss", 3, Always),
    bind(&[Code(KeyCode::PageDown)], Message::NextSection, "PgDn", "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PrevSection, "PgUp", "previous section", 0, Always),
    bind(&[Char('s')], Message::OpenSummary, "s", "summary", 4, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "Esc", "questions", 5, Always),
    bind(&[Char('?')], Message::ShowHelp, "?", "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "q", "quit", 21, Always),
];

#[rustfmt::skip]
static SUMMARY: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "↑↓", "scroll", 1, Always),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "↓/j", "scroll down", 0, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "Esc", "questions", 2, Always),
    bind(&[Char('g')], Message::OpenGaps, "g", "gaps", 3, Always),
    bind(&[Char('a')], Message::OpenActions, "a", "action plan", 4, Always),
    bind(&[Char('r')], Message::OpenReview, "r", "review", 5, Always),
    bind(&[Char('p')], Message::OpenPlans, "p", "plans", 7, Always),
    bind(&[Char('e')], Message::Export, "e", "export report", 6, Always),
    bind(&[Char('?')], Message::ShowHelp, "?", "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "q", "quit", 21, Always),
];

#[rustfmt::skip]
static GAPS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "↑↓", "choose", 1, Always),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "↓/j", "down", 0, Always),
    bind(&[Digits], Message::Pick(0), "1-9", "add to action plan", 2, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "Enter", "question", 3, Always),
    bind(&[Char('a')], Message::OpenActions, "a", "action plan", 4, Always),
    bind(&[Char('s')], Message::OpenSummary, "s", "summary", 5, Always),
    bind(&[Char('e')], Message::Export, "e", "export report", 7, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "Esc", "questions", 6, Always),
    bind(&[Char('?')], Message::ShowHelp, "?", "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "q", "quit", 21, Always),
];

#[rustfmt::skip]
static ACTIONS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "↑↓", "choose", 1, Always),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "↓/j", "down", 0, Always),
    bind(&[Char(' ')], Message::CycleStatus, "Space", "status", 2, Always),
    bind(&[Char('o')], Message::EditOwner, "o", "owner", 3, Always),
    bind(&[Char('d')], Message::EditDue, "d", "due date", 4, Always),
    bind(&[Char('x'), Code(KeyCode::Delete)], Message::RemoveAction, "x", "remove", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "Enter", "its question", 0, Always),
    bind(&[Char('g')], Message::OpenGaps, "g", "gaps", 5, Always),
    bind(&[Char('s')], Message::OpenSummary, "s", "summary", 6, Always),
    bind(&[Char('e')], Message::Export, "e", "export report", 8, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "Esc", "questions", 7, Always),
    bind(&[Char('?')], Message::ShowHelp, "?", "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "q", "quit", 21, Always),
];

#[rustfmt::skip]
static PLANS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "↑↓", "choose", 1, Always),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "↓/j", "down", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "Enter", "open", 2, Always),
    bind(&[Char('n')], Message::NewPlan, "n", "new plan", 3, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "Esc", "back", 4, Always),
    bind(&[Char('?')], Message::ShowHelp, "?", "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "q", "quit", 21, Always),
];

#[rustfmt::skip]
static HELP: &[Binding] = &[
    bind(&[Code(KeyCode::Esc), Char('?'), Code(KeyCode::Enter), Code(KeyCode::F(1))], Message::Close, "Esc", "close", 1, Always),
    bind(&[Char('q')], Message::Quit, "q", "quit", 21, Always),
];

static TOO_SMALL: &[Binding] = &[bind(&[Char('q')], Message::Quit, "q", "quit", 1, Always)];

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
        Context::Question => QUESTION,
        Context::Typing => TYPING,
        Context::TypingLong => TYPING_LONG,
        Context::Note | Context::NewPlanName | Context::ActionField => FIELD,
        Context::Jump => JUMP,
        Context::Review => REVIEW,
        Context::Summary => SUMMARY,
        Context::Gaps => GAPS,
        Context::Actions => ACTIONS,
        Context::Plans => PLANS,
        Context::Help => HELP,
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
        KeyCode::Char(c) if context.is_text() && plain => Some(Message::Type(c)),
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
        .filter(|b| applies(b.only))
        .filter(|b| !footer_only || b.footer > 0)
        .collect();
    if footer_only {
        shown.sort_by_key(|b| b.footer);
    } else {
        shown.extend(edit_table(context));
        let global = GLOBAL
            .iter()
            .filter(|g| !shown.iter().any(|b| b.keys_label == g.keys_label));
        let global: Vec<&Binding> = global.collect();
        shown.extend(global);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_pick_their_option() {
        assert_eq!(
            message_for(Context::Question, &key(KeyCode::Char('1'))),
            Some(Message::Pick(0))
        );
        assert_eq!(
            message_for(Context::Question, &key(KeyCode::Char('9'))),
            Some(Message::Pick(8))
        );
        assert_eq!(
            message_for(Context::Question, &key(KeyCode::Char('0'))),
            None
        );
    }

    #[test]
    fn letters_are_commands_outside_text_fields_and_text_inside() {
        assert_eq!(
            message_for(Context::Question, &key(KeyCode::Char('q'))),
            Some(Message::Quit)
        );
        assert_eq!(
            message_for(Context::Question, &key(KeyCode::Char('j'))),
            Some(Message::Down)
        );
        assert_eq!(
            message_for(Context::Typing, &key(KeyCode::Char('q'))),
            Some(Message::Type('q'))
        );
        assert_eq!(
            message_for(Context::Typing, &key(KeyCode::Char('j'))),
            Some(Message::Type('j'))
        );
        assert_eq!(
            message_for(Context::Note, &key(KeyCode::Char('?'))),
            Some(Message::Type('?'))
        );
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for context in [
            Context::Welcome,
            Context::Question,
            Context::Typing,
            Context::TypingLong,
            Context::Note,
            Context::NewPlanName,
            Context::ActionField,
            Context::Jump,
            Context::Gaps,
            Context::Actions,
            Context::Review,
            Context::Summary,
            Context::Plans,
            Context::Help,
        ] {
            assert_eq!(
                message_for(context, &ctrl_c),
                Some(Message::Quit),
                "{context:?}"
            );
        }
    }

    #[test]
    fn arrows_work_on_every_screen() {
        for context in [
            Context::Question,
            Context::Jump,
            Context::Review,
            Context::Summary,
            Context::Plans,
        ] {
            assert!(
                message_for(context, &key(KeyCode::Down)).is_some(),
                "{context:?}"
            );
            assert!(
                message_for(context, &key(KeyCode::Up)).is_some(),
                "{context:?}"
            );
        }
    }

    #[test]
    fn the_footer_always_offers_help_and_quit_last() {
        let footer = hints(Context::Question, |_| true, true);
        let labels: Vec<&str> = footer.iter().map(|b| b.keys_label).collect();
        assert_eq!(labels.first(), Some(&"1-9"));
        assert_eq!(&labels[labels.len() - 2..], &["?", "q"]);
        let typed = hints(Context::Question, |only| only != Only::Choice, true);
        assert!(typed.iter().all(|b| b.keys_label != "1-9"));
    }

    #[test]
    fn every_footer_hint_is_a_real_key_in_its_table() {
        for context in [
            Context::Question,
            Context::Review,
            Context::Summary,
            Context::Plans,
        ] {
            for binding in hints(context, |_| true, false) {
                assert!(!binding.keys.is_empty(), "{context:?} {}", binding.label);
            }
        }
    }
}
