//! What can go wrong with a plan file, each said with the file, the place in it where
//! that applies, and what to do. No I/O here.

use std::io;
use std::path::{Path, PathBuf};

use super::PLAN_FORMAT_VERSION;
use super::lock::LockOwner;
use super::name::NameError;

/// The largest plan file read, in bytes. A plan of thousands of answers with long notes
/// is a few megabytes; anything past this is not a plan outready wrote.
pub const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;

/// What went wrong with a plan file, and where. Each message is whole: the operating
/// system's reason is part of it, not a separate cause, so a chain of errors printed
/// with its causes says it once.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    Name(#[from] NameError),
    #[error("there is no plan named \"{name}\" (run `outready list` to see the plans)")]
    NotFound { name: String },
    #[error("the plan file {} cannot be read: {cause}", path.display())]
    Read { path: PathBuf, cause: io::Error },
    #[error(
        "the plan file {} is empty; it was left untouched: {}",
        path.display(),
        recovery_hint(path)
    )]
    Empty { path: PathBuf },
    #[error(
        "the plan file {} is damaged at line {line}, column {column} ({message}); it was left untouched: {}",
        path.display(),
        recovery_hint(path)
    )]
    Damaged {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "the plan file {} is {} MB, more than the {} MB a plan file can be; it was left untouched: move it out of the plans folder",
        path.display(),
        size.div_ceil(1024 * 1024),
        MAX_PLAN_BYTES / (1024 * 1024)
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "the plan file {} was made by a newer outready (plan format {found}, this one reads up to {PLAN_FORMAT_VERSION}); it was left untouched: update outready to open it",
        path.display()
    )]
    TooNew { path: PathBuf, found: u64 },
    #[error("the plan could not be saved to {}: {cause}", path.display())]
    Save { path: PathBuf, cause: io::Error },
    #[error(
        "the plan file {} is open in another outready ({}), so nothing was written to it",
        path.display(),
        owner.describe()
    )]
    InUse { path: PathBuf, owner: LockOwner },
    #[error(
        "a plan called \"{name}\" already exists ({}): choose another name, or open that one",
        path.display()
    )]
    Exists { name: String, path: PathBuf },
}

impl PlanError {
    /// Whether the file is there but its content cannot be read as a plan (empty,
    /// truncated, not JSON, wrong types): the cases a backup or a fresh start can help.
    pub fn is_damaged(&self) -> bool {
        matches!(self, PlanError::Empty { .. } | PlanError::Damaged { .. })
    }

    /// The file the error is about, when it is about one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            PlanError::Read { path, .. }
            | PlanError::Empty { path }
            | PlanError::Damaged { path, .. }
            | PlanError::TooLarge { path, .. }
            | PlanError::TooNew { path, .. }
            | PlanError::Save { path, .. }
            | PlanError::InUse { path, .. }
            | PlanError::Exists { path, .. } => Some(path),
            PlanError::Name(_) | PlanError::NotFound { .. } => None,
        }
    }

    /// What is wrong with a damaged file ("is empty", "is damaged at line 4, ..."),
    /// without the advice: for a screen that offers the choices itself.
    pub fn damage(&self) -> Option<String> {
        match self {
            PlanError::Empty { .. } => Some("is empty".to_string()),
            PlanError::Damaged {
                line,
                column,
                message,
                ..
            } => Some(format!(
                "is damaged at line {line}, column {column}: {message}"
            )),
            _ => None,
        }
    }
}

/// What to do about a damaged plan file: the wizard offers the way out.
fn recovery_hint(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("run `outready --plan {stem}` to open its newest good backup or start afresh")
}
