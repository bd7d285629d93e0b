//! The wizard's flow, shared by every front end (the terminal screens and plain mode):
//! where we are, what is shown, next/back/jump, what an answer change does, and how
//! typed entries are checked. Pure: no terminal, no disk.

pub mod actions;
pub mod agenda;
pub mod edit;
pub mod entry;
mod exclusive;
pub mod flow;
pub mod positions;
pub mod quick;
pub mod reason;

pub use edit::{Change, EditError, apply};
pub use entry::{
    EntryError, entry_text, field_text, format_number, parse_entry, parse_entry_in, read_typed,
    state_word, typed_problem,
};
pub use flow::{Flow, Spot, change_notice_for, is_answered, resume_spot};
pub use quick::{Mode, ScanProgress};
