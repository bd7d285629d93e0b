//! Where outready keeps its files: the platform's data folder, unless the user names one.

use std::path::PathBuf;

/// The environment variable that names the data folder when `--data-dir` does not.
pub const ENV_VAR: &str = "OUTREADY_DATA_DIR";

/// The data folder: the one given by `--data-dir`, else the one in `OUTREADY_DATA_DIR`,
/// else the platform's (for example `~/.local/share/outready` on Linux). An empty value
/// counts as not given, as shells leave a variable that was set to nothing.
pub fn resolve(given: Option<PathBuf>) -> Result<PathBuf, NoDataDir> {
    let from_env = || std::env::var_os(ENV_VAR).map(PathBuf::from);
    match given
        .filter(|dir| !dir.as_os_str().is_empty())
        .or_else(from_env)
    {
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
