//! outready: tells a small business whether it is ready to hand its IT to an outside
//! provider, and what to fix first.
//!
//! The map of the crate:
//! - [`answer`]: one answer (state, value, note, flag); shared vocabulary.
//! - [`questionnaire`]: the questionnaire format, loading, validation, conditions,
//!   visibility.
//! - [`scoring`]: pure scoring of answers against a questionnaire: scores, readiness
//!   level and what holds it down, completeness, gaps in order.
//!
//! The domain modules never import ratatui, crossterm or clap.

pub mod answer;
pub mod questionnaire;
pub mod scoring;
