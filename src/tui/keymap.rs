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
    /// A question opened from a list (review, gaps, action plan) it can go back to.
    Returns,
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

use Key::{Char, Code, Ctrl, Digits};
use Only::{Always, Choice, NotApplicable, Returns, Typed, Unsure};

/// Keys that work on every screen.
#[rustfmt::skip]
static GLOBAL: &[Binding] = &[
    bind(&[Ctrl('c')], Message::Quit, "save and quit", 0, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "all keys", 0, Always),
];

/// ↑ and ↓ read as one pair in the footer.
const ARROWS: &[Key] = &[Code(KeyCode::Up), Code(KeyCode::Down)];

#[rustfmt::skip]
static QUESTION: &[Binding] = &[
    bind(&[Digits], Message::Pick(0), "pick", 1, Choice),
    bind(&[Char(' ')], Message::ToggleHighlighted, "pick highlighted", 0, Choice),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "next", 2, Always),
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "highlight up", 0, Choice),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "highlight down", 0, Choice),
    bind(&[Code(KeyCode::Right), Char('l'), Code(KeyCode::Tab)], Message::NextQuestion, "next question", 0, Always),
    bind(&[Code(KeyCode::Left), Char('h'), Code(KeyCode::BackTab)], Message::PrevQuestion, "back", 3, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "back to the list", 3, Returns),
    bind(&[Code(KeyCode::PageDown), Char(']')], Message::NextSection, "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp), Char('[')], Message::PrevSection, "previous section", 0, Always),
    bind(&[Char('e'), Char('i')], Message::EditEntry, "type answer", 1, Typed),
    bind(&[Char('u')], Message::Unsure, "don't know yet", 4, Unsure),
    bind(&[Char('x')], Message::NotApplicable, "not applicable", 5, NotApplicable),
    bind(&[Char('f')], Message::Discuss, "discuss later", 6, Always),
    bind(&[Char('n')], Message::EditNote, "note", 7, Always),
    bind(&[Char('w')], Message::ToggleWhy, "why panel", 0, Always),
    bind(&[Char('m')], Message::ReadMore, "read the why whole", 0, Always),
    bind(&[Char('c'), Code(KeyCode::Delete)], Message::ClearAnswer, "clear (again: undo)", 0, Always),
    bind(&[Char('g')], Message::GoToSection, "go to section", 8, Always),
    bind(&[Char('r')], Message::OpenReview, "review", 9, Always),
    bind(&[Char('s')], Message::OpenSummary, "summary", 10, Always),
    bind(&[Char('p')], Message::OpenPlans, "plans", 0, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// Editing keys shared by every text field.
#[rustfmt::skip]
static EDIT_KEYS: &[Binding] = &[
    bind(&[Code(KeyCode::Backspace)], Message::Backspace, "delete left", 0, Always),
    bind(&[Code(KeyCode::Delete)], Message::Delete, "delete right", 0, Always),
    bind(&[Code(KeyCode::Left)], Message::Left, "cursor left", 0, Always),
    bind(&[Code(KeyCode::Right)], Message::Right, "cursor right", 0, Always),
    bind(&[Code(KeyCode::Home)], Message::Home, "start of line", 0, Always),
    bind(&[Code(KeyCode::End)], Message::End, "end of line", 0, Always),
];

#[rustfmt::skip]
static TYPING: &[Binding] = &[
    bind(&[Code(KeyCode::Enter), Code(KeyCode::Tab)], Message::Confirm, "save, next", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::DoneTyping, "done typing", 2, Always),
    bind(&[Code(KeyCode::Up), Code(KeyCode::BackTab)], Message::PrevQuestion, "back", 3, Always),
    bind(&[Code(KeyCode::Down)], Message::NextQuestion, "next question", 0, Always),
    bind(&[Code(KeyCode::PageDown)], Message::NextSection, "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PrevSection, "previous section", 0, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "keys", 20, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
static TYPING_LONG: &[Binding] = &[
    bind(&[Code(KeyCode::Tab)], Message::Confirm, "save, next", 1, Always),
    bind(&[Code(KeyCode::Enter)], Message::NewLine, "new line", 0, Always),
    bind(&[Code(KeyCode::Esc)], Message::DoneTyping, "done typing", 2, Always),
    bind(&[Code(KeyCode::Up)], Message::Up, "line up", 0, Always),
    bind(&[Code(KeyCode::Down)], Message::Down, "line down", 0, Always),
    bind(&[Code(KeyCode::BackTab)], Message::PrevQuestion, "back", 3, Always),
    bind(&[Code(KeyCode::PageDown)], Message::NextSection, "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PrevSection, "previous section", 0, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "keys", 20, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

/// A one-line field in a box: a plan name, an action's owner or due date.
#[rustfmt::skip]
static FIELD: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "save", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "close", 2, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

/// The note: wrapped over several lines, moved through by line.
#[rustfmt::skip]
static NOTE: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "save", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "save and close", 2, Always),
    bind(&[Code(KeyCode::Up)], Message::Up, "line up", 0, Always).footer_keys(ARROWS, "lines"),
    bind(&[Code(KeyCode::Down)], Message::Down, "line down", 0, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
static WELCOME: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "begin", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Quit, "quit", 2, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "keys", 20, Always),
];

#[rustfmt::skip]
static JUMP: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "go", 2, Always),
    bind(&[Code(KeyCode::Esc), Char('g')], Message::Close, "close", 3, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// A long text read whole: the why and help of a question.
#[rustfmt::skip]
static READING: &[Binding] = &[
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "scroll down", 0, Always),
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "scroll up", 1, Always).footer_keys(ARROWS, "scroll"),
    bind(&[Code(KeyCode::PageDown), Char(' ')], Message::PageDown, "page down", 2, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Code(KeyCode::Esc), Char('m'), Code(KeyCode::Enter)], Message::Close, "close", 3, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
static REVIEW: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "change it", 2, Always),
    bind(&[Code(KeyCode::Tab), Char('t')], Message::CycleFilter, "all/open/discuss", 3, Always),
    bind(&[Code(KeyCode::PageDown)], Message::NextSection, "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PrevSection, "previous section", 0, Always),
    bind(&[Char('s')], Message::OpenSummary, "summary", 4, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "questions", 5, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
static SUMMARY: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "scroll up", 1, Always).footer_keys(ARROWS, "scroll"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "scroll down", 0, Always),
    bind(&[Code(KeyCode::PageDown), Char(' ')], Message::PageDown, "page down", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "questions", 2, Always),
    bind(&[Char('g')], Message::OpenGaps, "gaps", 3, Always),
    bind(&[Char('a')], Message::OpenActions, "action plan", 4, Always),
    bind(&[Char('e')], Message::Export, "export report", 5, Always),
    bind(&[Char('r')], Message::OpenReview, "review", 6, Always),
    bind(&[Char('p')], Message::OpenPlans, "plans", 7, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
static GAPS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::PageDown)], Message::PageDown, "page down", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Digits], Message::Pick(0), "add to action plan", 2, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "question", 3, Always),
    bind(&[Char('a')], Message::OpenActions, "action plan", 4, Always),
    bind(&[Char('s')], Message::OpenSummary, "summary", 5, Always),
    bind(&[Char('e')], Message::Export, "export report", 7, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "questions", 6, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
static ACTIONS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::PageDown)], Message::PageDown, "page down", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Char(' ')], Message::CycleStatus, "status", 2, Always),
    bind(&[Char('o')], Message::EditOwner, "owner", 3, Always),
    bind(&[Char('d')], Message::EditDue, "due date", 4, Always),
    bind(&[Char('x'), Code(KeyCode::Delete)], Message::RemoveAction, "remove", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "its question", 0, Always),
    bind(&[Char('g')], Message::OpenGaps, "gaps", 5, Always),
    bind(&[Char('s')], Message::OpenSummary, "summary", 6, Always),
    bind(&[Char('e')], Message::Export, "export report", 8, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "questions", 7, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
static PLANS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::PageDown)], Message::PageDown, "page down", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "open", 2, Always),
    bind(&[Char('n')], Message::NewPlan, "new plan", 3, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "back", 4, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
static HELP: &[Binding] = &[
    bind(&[Code(KeyCode::Esc), Char('?'), Code(KeyCode::Enter), Code(KeyCode::F(1))], Message::Close, "close", 1, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

static TOO_SMALL: &[Binding] = &[bind(&[Char('q')], Message::Quit, "quit", 1, Always)];

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
        Context::Welcome | Context::WelcomeNamed => WELCOME,
        Context::Question => QUESTION,
        Context::Typing => TYPING,
        Context::TypingLong => TYPING_LONG,
        Context::Note => NOTE,
        Context::NewPlanName | Context::ActionField => FIELD,
        Context::Jump => JUMP,
        Context::Reading => READING,
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

    const EVERY: [Context; 17] = [
        Context::Welcome,
        Context::WelcomeNamed,
        Context::Question,
        Context::Typing,
        Context::TypingLong,
        Context::Note,
        Context::NewPlanName,
        Context::Jump,
        Context::Reading,
        Context::ActionField,
        Context::Review,
        Context::Summary,
        Context::Gaps,
        Context::Actions,
        Context::Plans,
        Context::Help,
        Context::TooSmall,
    ];

    #[test]
    fn arrows_move_the_selection_on_every_list() {
        for context in [
            Context::Question,
            Context::Jump,
            Context::Reading,
            Context::Review,
            Context::Summary,
            Context::Gaps,
            Context::Actions,
            Context::Plans,
        ] {
            assert_eq!(
                message_for(context, &key(KeyCode::Down)),
                Some(Message::Down),
                "{context:?}"
            );
            assert_eq!(
                message_for(context, &key(KeyCode::Up)),
                Some(Message::Up),
                "{context:?}"
            );
        }
    }

    #[test]
    fn page_keys_scroll_every_long_screen() {
        for context in [
            Context::Reading,
            Context::Summary,
            Context::Gaps,
            Context::Actions,
            Context::Plans,
        ] {
            assert_eq!(
                message_for(context, &key(KeyCode::PageDown)),
                Some(Message::PageDown),
                "{context:?}"
            );
            assert_eq!(
                message_for(context, &key(KeyCode::PageUp)),
                Some(Message::PageUp),
                "{context:?}"
            );
        }
    }

    #[test]
    fn the_footer_always_offers_help_and_quit_last() {
        let footer = hints(Context::Question, |_| true, true);
        let labels: Vec<String> = footer.iter().map(|b| b.footer_label()).collect();
        assert_eq!(labels.first().map(String::as_str), Some("1-9"));
        assert_eq!(&labels[labels.len() - 2..], ["?", "q"]);
        let typed = hints(Context::Question, |only| only != Only::Choice, true);
        assert!(typed.iter().all(|b| b.footer_label() != "1-9"));
    }

    #[test]
    fn labels_are_made_from_the_keys_themselves() {
        let help = |context, message: Message| {
            hints(context, |_| true, false)
                .into_iter()
                .find(|b| b.message == message)
                .map(|b| b.help_label())
        };
        // Every key that moves on or back is named, not only the first.
        assert_eq!(
            help(Context::Question, Message::NextQuestion).as_deref(),
            Some("→/l/Tab")
        );
        assert_eq!(
            help(Context::Question, Message::PrevQuestion).as_deref(),
            Some("←/h/Shift-Tab")
        );
        assert_eq!(
            help(Context::Typing, Message::Confirm).as_deref(),
            Some("Enter/Tab")
        );
        assert_eq!(
            help(Context::Help, Message::Close).as_deref(),
            Some("Esc/?/Enter/F1")
        );
        // The footer shows the first key, or the pair read together.
        let footer = |context| -> Vec<String> {
            hints(context, |_| true, true)
                .iter()
                .map(|b| b.footer_label())
                .collect()
        };
        assert_eq!(footer(Context::Review)[0], "↑/↓");
        assert!(footer(Context::Summary).contains(&"e".to_string()));
        assert!(footer(Context::Summary).contains(&"q".to_string()));
    }

    /// The key event a `Key` stands for.
    fn event_for(k: Key) -> KeyEvent {
        match k {
            Key::Char(c) => key(KeyCode::Char(c)),
            Key::Code(code) => key(code),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Digits => key(KeyCode::Char('3')),
        }
    }

    #[test]
    fn every_key_shown_does_what_its_line_says() {
        for context in EVERY {
            for binding in hints(context, |_| true, false) {
                assert!(!binding.keys.is_empty(), "{context:?} {}", binding.label);
                for k in binding.keys {
                    let wanted = match k {
                        Key::Digits => Message::Pick(2),
                        _ => binding.message.clone(),
                    };
                    assert_eq!(
                        message_for(context, &event_for(*k)),
                        Some(wanted),
                        "{context:?}: {} {}",
                        binding.help_label(),
                        binding.label
                    );
                }
            }
        }
    }

    #[test]
    fn a_fixed_welcome_types_nothing() {
        assert_eq!(
            message_for(Context::WelcomeNamed, &key(KeyCode::Char('1'))),
            None
        );
        assert_eq!(
            message_for(Context::Welcome, &key(KeyCode::Char('1'))),
            Some(Message::Type('1'))
        );
        assert_eq!(
            message_for(Context::WelcomeNamed, &key(KeyCode::Enter)),
            Some(Message::Confirm)
        );
    }
}
