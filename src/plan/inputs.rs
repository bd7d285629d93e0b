//! Plan files read as inputs that are never changed: the plans `merge` joins (by file,
//! a conflict copy among them) and the three files of a git merge driver. No lock is
//! taken: nothing is written back to them.

use std::path::Path;

use super::Plan;
use super::error::PlanError;

/// The plan in a file, read and never written.
pub fn read(path: &Path) -> Result<Plan, PlanError> {
    super::read::load_path(path)
}
