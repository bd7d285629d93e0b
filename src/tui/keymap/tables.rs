//! The key tables, one per screen or field, with a global fallback: which keys send
//! which message, what the footer and the `?` list say, and in what order.

use crossterm::event::KeyCode;

use super::{Binding, Key, Only, bind};
use crate::tui::message::Message;

use Key::{Char, Code, Ctrl, Digits};
use Only::{Always, Amounts, Choice, NotApplicable, Returns, TimeUp, Typed, Unsure, UnsureGap};

/// Keys that work on every screen.
#[rustfmt::skip]
pub(super) static GLOBAL: &[Binding] = &[
    bind(&[Ctrl('c')], Message::Quit, "save and quit", 0, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "all keys", 0, Always),
];

/// ↑ and ↓ read as one pair in the footer.
pub(super) const ARROWS: &[Key] = &[Code(KeyCode::Up), Code(KeyCode::Down)];

#[rustfmt::skip]
pub(super) static QUESTION: &[Binding] = &[
    bind(&[Digits], Message::Pick(0), "pick", 1, Choice),
    bind(&[Char(' ')], Message::ToggleHighlighted, "pick highlighted", 0, Choice),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "go on (answers with the option you moved to)", 2, Always).footer_keys(&[Code(KeyCode::Enter)], "next"),
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
    bind(&[Char('t')], Message::OpenPositions, "team's positions", 0, Always),
    bind(&[Char('T')], Message::OpenTeam, "participants", 0, Always),
    bind(&[Char('P')], Message::TogglePresent, "presenter layout", 0, Always),
    bind(&[Char('$')], Message::EditCurrency, "currency of amounts", 0, Amounts),
    bind(&[Char('A')], Message::OpenAgenda, "agenda", 0, Always),
    bind(&[Char('M')], Message::MoveOn, "park open, move on", 2, TimeUp).footer_keys(&[Char('M')], "move on"),
    bind(&[Char('C')], Message::MergeCopies, "merge a sync copy", 0, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// The agenda: each section's minutes typed, the clock started or stopped.
#[rustfmt::skip]
pub(super) static AGENDA: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "section"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Digits], Message::Pick(0), "type the minutes", 2, Always).footer_keys(&[Digits, Char('0')], "minutes"),
    bind(&[Char('0')], Message::Type('0'), "type a 0 in the minutes", 0, Always),
    bind(&[Code(KeyCode::Backspace)], Message::Backspace, "delete a digit", 0, Always),
    bind(&[Char(' ')], Message::ToggleAgenda, "start or stop the clock", 3, Always),
    bind(&[Code(KeyCode::Esc), Code(KeyCode::Enter), Char('A')], Message::Close, "close", 4, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// The team's positions on the question on screen.
#[rustfmt::skip]
pub(super) static POSITIONS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "participant"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Digits], Message::Pick(0), "their answer", 2, Choice),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "type their answer", 2, Typed).footer_keys(&[Code(KeyCode::Enter), Char('e')], "type their answer"),
    bind(&[Char('e')], Message::EditEntry, "type their answer", 0, Typed),
    bind(&[Digits], Message::Pick(0), "start typing their answer", 0, Typed),
    bind(&[Char('u')], Message::Unsure, "don't know", 3, Always),
    bind(&[Char('-')], Message::Abstain, "abstains", 4, Always),
    bind(&[Char('a')], Message::Agree, "agree on theirs", 5, Always),
    bind(&[Char('T')], Message::OpenTeam, "team", 6, Always),
    bind(&[Code(KeyCode::Esc), Char('t')], Message::Close, "close", 7, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "close", 0, Choice),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// A participant's position typed on a typed question, checked as the question checks
/// its answer.
#[rustfmt::skip]
pub(super) static POSITION_ENTRY: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "record their answer", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "cancel the entry", 2, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "keys", 20, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

/// The team: names typed to add, or `-Name` to remove.
#[rustfmt::skip]
pub(super) static TEAM: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "add (-Name removes)", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "close", 2, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

/// Editing keys shared by every text field.
#[rustfmt::skip]
pub(super) static EDIT_KEYS: &[Binding] = &[
    bind(&[Code(KeyCode::Backspace)], Message::Backspace, "delete left", 0, Always),
    bind(&[Code(KeyCode::Delete)], Message::Delete, "delete right", 0, Always),
    bind(&[Code(KeyCode::Left)], Message::Left, "cursor left", 0, Always),
    bind(&[Code(KeyCode::Right)], Message::Right, "cursor right", 0, Always),
    bind(&[Code(KeyCode::Home)], Message::Home, "start of line", 0, Always),
    bind(&[Code(KeyCode::End)], Message::End, "end of line", 0, Always),
];

#[rustfmt::skip]
pub(super) static TYPING: &[Binding] = &[
    bind(&[Code(KeyCode::Enter), Code(KeyCode::Tab)], Message::Confirm, "save, next", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::DoneTyping, "done typing: keys back", 2, Always).footer_keys(&[Code(KeyCode::Esc)], "keys back"),
    bind(&[Code(KeyCode::Up), Code(KeyCode::BackTab)], Message::PrevQuestion, "back", 3, Always),
    bind(&[Code(KeyCode::Down)], Message::NextQuestion, "next question (what you typed is kept)", 2, Always).footer_keys(&[Code(KeyCode::Down)], "next question"),
    bind(&[Code(KeyCode::PageDown)], Message::NextSection, "next section", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PrevSection, "previous section", 0, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "keys", 20, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
pub(super) static TYPING_LONG: &[Binding] = &[
    bind(&[Code(KeyCode::Tab)], Message::Confirm, "save, next", 1, Always),
    bind(&[Code(KeyCode::Enter)], Message::NewLine, "new line", 0, Always),
    bind(&[Code(KeyCode::Esc)], Message::DoneTyping, "done typing: keys back", 2, Always).footer_keys(&[Code(KeyCode::Esc)], "keys back"),
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
pub(super) static FIELD: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "save", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "close", 2, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

/// The currency box: an ISO 4217 code typed, Enter changes it.
#[rustfmt::skip]
pub(super) static CURRENCY: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "change currency", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "keep it", 2, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

/// The note: wrapped over several lines, moved through by line.
#[rustfmt::skip]
pub(super) static NOTE: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "save", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "save and close", 2, Always),
    bind(&[Code(KeyCode::Up)], Message::Up, "line up", 0, Always).footer_keys(ARROWS, "lines"),
    bind(&[Code(KeyCode::Down)], Message::Down, "line down", 0, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 21, Always),
];

/// An action on a gap marked done: the gap stays open until its answer changes.
#[rustfmt::skip]
pub(super) static UPDATE_ANSWER: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "change the answer", 1, Always),
    bind(&[Code(KeyCode::Esc)], Message::Close, "keep the list", 2, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
pub(super) static WELCOME: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "begin", 1, Always),
    bind(&[Code(KeyCode::Tab)], Message::Down, "next line", 2, Always),
    bind(&[Code(KeyCode::BackTab)], Message::Up, "line before", 0, Always),
    bind(&[Code(KeyCode::Esc)], Message::Quit, "quit", 4, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "keys", 20, Always),
];

/// The welcome screen on a line that takes no typing (the name given, the quick scan).
#[rustfmt::skip]
pub(super) static WELCOME_KEYS: &[Binding] = &[
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "begin", 1, Always),
    bind(&[Code(KeyCode::Tab)], Message::Down, "next line", 2, Always),
    bind(&[Code(KeyCode::BackTab)], Message::Up, "line before", 0, Always),
    bind(&[Char(' ')], Message::ToggleHighlighted, "quick scan on/off", 3, Always),
    bind(&[Code(KeyCode::Esc)], Message::Quit, "quit", 4, Always),
    bind(&[Code(KeyCode::F(1))], Message::ShowHelp, "keys", 20, Always),
];

#[rustfmt::skip]
pub(super) static JUMP: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "go", 2, Always),
    bind(&[Code(KeyCode::Esc), Char('g')], Message::Close, "close", 3, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// A long text read whole: the why and help of a question.
#[rustfmt::skip]
pub(super) static READING: &[Binding] = &[
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "scroll down", 0, Always),
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "scroll up", 1, Always).footer_keys(ARROWS, "scroll"),
    bind(&[Code(KeyCode::PageDown), Char(' ')], Message::PageDown, "page down", 2, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Code(KeyCode::Esc), Char('m'), Code(KeyCode::Enter)], Message::Close, "close", 3, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
pub(super) static REVIEW: &[Binding] = &[
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
pub(super) static SUMMARY: &[Binding] = &[
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
    bind(&[Char('T')], Message::OpenTeam, "team", 0, Always),
    bind(&[Char('l')], Message::OpenSince, "since last time", 0, Always),
    bind(&[Char('P')], Message::TogglePresent, "presenter layout", 0, Always),
    bind(&[Char('$')], Message::EditCurrency, "currency of amounts", 0, Amounts),
    bind(&[Char('C')], Message::MergeCopies, "merge a sync copy", 0, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// What changed since the last session.
#[rustfmt::skip]
pub(super) static SINCE: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "scroll up", 1, Always).footer_keys(ARROWS, "scroll"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "scroll down", 0, Always),
    bind(&[Code(KeyCode::PageDown), Char(' ')], Message::PageDown, "page down", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Code(KeyCode::Esc), Char('s')], Message::OpenSummary, "summary", 2, Always),
    bind(&[Char('b')], Message::OpenQuestions, "questions", 3, Always),
    bind(&[Char('e')], Message::Export, "export report", 4, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
pub(super) static GAPS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::PageDown)], Message::PageDown, "page down", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Digits], Message::Pick(0), "add to action plan", 2, Always),
    bind(&[Char('f')], Message::AddFindOut, "find out (don't know yet)", 3, UnsureGap).footer_keys(&[Char('f')], "find out"),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "question", 3, Always),
    bind(&[Char('a')], Message::OpenActions, "action plan", 4, Always),
    bind(&[Char('s')], Message::OpenSummary, "summary", 5, Always),
    bind(&[Char('e')], Message::Export, "export report", 7, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "questions", 6, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
pub(super) static ACTIONS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::PageDown)], Message::PageDown, "page down", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Char(' ')], Message::CycleStatus, "status", 2, Always),
    bind(&[Char('o')], Message::EditOwner, "owner", 3, Always),
    bind(&[Char('d')], Message::EditDue, "due date", 4, Always),
    bind(&[Char('n'), Char('+')], Message::NewAction, "new action", 0, Always),
    bind(&[Char('t')], Message::EditText, "change its words", 0, Always),
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
pub(super) static PLANS: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 1, Always).footer_keys(ARROWS, "choose"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::PageDown)], Message::PageDown, "page down", 0, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "open", 2, Always),
    bind(&[Char(' ')], Message::ToggleHighlighted, "mark to compare", 3, Always),
    bind(&[Char('c')], Message::OpenCompare, "compare marked", 4, Always),
    bind(&[Char('n')], Message::NewPlan, "new plan", 5, Always),
    bind(&[Char('C')], Message::MergeCopies, "merge its sync copy", 0, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::OpenQuestions, "back", 6, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// Plans side by side.
#[rustfmt::skip]
pub(super) static COMPARE: &[Binding] = &[
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "scroll up", 1, Always).footer_keys(ARROWS, "scroll"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "scroll down", 0, Always),
    bind(&[Code(KeyCode::PageDown), Char(' ')], Message::PageDown, "page down", 2, Always),
    bind(&[Code(KeyCode::PageUp)], Message::PageUp, "page up", 0, Always),
    bind(&[Code(KeyCode::Esc), Char('b')], Message::Close, "back to the plans", 3, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

#[rustfmt::skip]
pub(super) static HELP: &[Binding] = &[
    bind(&[Code(KeyCode::Esc), Char('?'), Code(KeyCode::Enter), Code(KeyCode::F(1))], Message::Close, "close", 1, Always),
    bind(&[Char('q')], Message::Quit, "quit", 21, Always),
];

/// A damaged plan file: each choice by its number, or the highlighted one.
#[rustfmt::skip]
pub(super) static DAMAGED: &[Binding] = &[
    bind(&[Digits], Message::Pick(0), "choose", 1, Always),
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 2, Always).footer_keys(ARROWS, "highlight"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "choose highlighted", 3, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q'), Code(KeyCode::Esc)], Message::Quit, "quit, leave it as it is", 21, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit, leave it as it is", 0, Always),
];

/// A plan another outready has open.
#[rustfmt::skip]
pub(super) static BUSY: &[Binding] = &[
    bind(&[Digits], Message::Pick(0), "choose", 1, Always),
    bind(&[Code(KeyCode::Up), Char('k')], Message::Up, "up", 2, Always).footer_keys(ARROWS, "highlight"),
    bind(&[Code(KeyCode::Down), Char('j')], Message::Down, "down", 0, Always),
    bind(&[Code(KeyCode::Enter)], Message::Confirm, "choose highlighted", 3, Always),
    bind(&[Char('?')], Message::ShowHelp, "keys", 20, Always),
    bind(&[Char('q'), Code(KeyCode::Esc)], Message::Quit, "quit", 21, Always),
    bind(&[Ctrl('c')], Message::Quit, "quit", 0, Always),
];

pub(super) static TOO_SMALL: &[Binding] = &[bind(&[Char('q')], Message::Quit, "quit", 1, Always)];
