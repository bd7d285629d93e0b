//! outready: tells a small business whether it is ready to hand its IT to an outside
//! provider, and what to fix first.
//!
//! The map of the crate:
//! - [`answer`]: one answer (state, value, note, flag); shared vocabulary.
//! - [`questionnaire`]: the questionnaire format, loading, validation, conditions,
//!   visibility.
//!
//! The domain modules never import ratatui, crossterm or clap.

pub mod answer;
pub mod questionnaire;
