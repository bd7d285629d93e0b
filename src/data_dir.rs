//! Where outready keeps its files: the platform's data folder, unless the user names one.

use std::path::PathBuf;

/// The data folder: the one given (by `--data-dir` or `OUTREADY_DATA_DIR`), else the
/// platform's (for example `~/.local/share/outready` on Linux).
pub fn resolve(given: Option<PathBuf>) -> Result<PathBuf, NoDataDir> {
    match given {
        Some(dir) if !dir.as_os_str().is_empty() => Ok(dir),
        _ => directories::ProjectDirs::from("", "", "outready")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(NoDataDir),
    }
}

/// The platform has no data folder for this user (no home directory).
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error(
    "no data folder could be found for this user (no home directory): give one with --data-dir DIR or OUTREADY_DATA_DIR"
)]
pub struct NoDataDir;

/// The folder of the user's own questionnaires inside the data folder.
pub fn questionnaires_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("questionnaires")
}
