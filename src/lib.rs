//! outready: tells a small business whether it is ready to hand its IT to an outside
//! provider, and what to fix first.
//!
//! The map of the crate:
//! - [`answer`]: one answer (state, value, note, flag); shared vocabulary.
//! - [`questionnaire`]: the questionnaire format, loading, validation, conditions,
//!   visibility.
//! - [`plan`]: a plan (answers to one questionnaire) and its storage: atomic saves,
//!   backups, the lock, older formats.
//! - [`scoring`]: pure scoring of answers against a questionnaire: scores, readiness
//!   level and what holds it down, completeness, gaps in order.
//! - [`report`]: the report of a plan (verdict, checklist, gaps, actions, questions for
//!   providers), built once and rendered as Markdown, HTML, CSV or JSON.
//! - [`wizard`]: the flow shared by every front end: next, back, jump, resume, what an
//!   answer change does. No terminal.
//! - [`open`]: which plan a front end opens, and its questionnaire; shared by both.
//! - [`tui`]: the terminal front end (ratatui and crossterm).
//! - [`plain`]: the line-by-line front end (plain mode) for screen readers and scripts.
//! - [`cli`] and [`commands`]: the command line and what each subcommand does.
//! - [`money`]: the plan's currency, exact amounts typed and shown.
//! - [`data_dir`]: where files live; [`local_zone`]: the time zone dates are shown in.
//! - [`overview`]: one line about each plan, for `outready list` and the plans screen.
//! - [`text_safety`]: the one sanitiser for text from files printed to a terminal, and
//!   the test that refuses control characters in names and ids.
//!
//! The domain modules (`answer`, `questionnaire`, `plan`, `scoring`, `report`, `wizard`) never
//! import ratatui, crossterm or clap.

pub mod answer;
pub mod cli;
pub mod commands;
pub mod data_dir;
pub mod local_zone;
pub mod money;
pub mod open;
pub mod overview;
pub mod plain;
pub mod plan;
pub mod questionnaire;
pub mod report;
pub mod scoring;
pub mod text_safety;
pub mod tui;
pub mod wizard;
