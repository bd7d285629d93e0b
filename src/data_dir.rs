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

/// The command that runs outready again on `data_dir`, with `flags` (like ` --plain`):
/// it names the folder only when the environment alone would not find it.
pub fn again(data_dir: &std::path::Path, flags: &str) -> String {
    let mut command = format!("outready{flags}");
    if resolve(None).ok().as_deref() != Some(data_dir) {
        command.push_str(" --data-dir ");
        command.push_str(&quoted(&data_dir.display().to_string()));
    }
    command
}

/// A path as a shell reads it back: as it is when it has nothing a shell would split
/// or expand, else in single quotes.
fn quoted(path: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "/._-+:@%,".contains(c);
    if !path.is_empty() && path.chars().all(plain) {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_to_carry_on_names_a_folder_the_environment_would_not_find() {
        let elsewhere = std::path::Path::new("/srv/plans of Acme/it's");
        assert_eq!(
            again(elsewhere, " --plain"),
            "outready --plain --data-dir '/srv/plans of Acme/it'\\''s'"
        );
        assert_eq!(
            again(std::path::Path::new("/srv/acme"), ""),
            "outready --data-dir /srv/acme"
        );
        if let Ok(found) = resolve(None) {
            assert_eq!(again(&found, ""), "outready");
        }
    }
}
