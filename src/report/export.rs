//! Writing a report to a file: atomically (the old file or the whole new one, never a
//! part), and where the wizard puts the reports it exports.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::Format;
use crate::plan::PlanName;

/// The file the wizard exports a plan's report to: `<data dir>/reports/NAME-DATE.EXT`.
pub fn export_path(data_dir: &Path, plan: &PlanName, date: Date, format: Format) -> PathBuf {
    let extension = match format {
        Format::Markdown => "md",
        Format::Html => "html",
        Format::Csv => "csv",
        Format::Json => "json",
    };
    data_dir
        .join("reports")
        .join(format!("{}-{date}.{extension}", plan.stem()))
}

/// Writes a plan's report where the wizard exports it ([`export_path`]), making the
/// reports folder when it is not there yet (readable by you only, as the plans folder:
/// a report holds the same answers); the file written.
pub fn export(
    data_dir: &Path,
    plan: &PlanName,
    date: Date,
    format: Format,
    text: &str,
) -> std::io::Result<PathBuf> {
    let path = export_path(data_dir, plan, date, format);
    crate::plan::fs::create_private_dir(&folder_of(&path))?;
    write_atomically(&path, text.as_bytes())?;
    Ok(path)
}

/// Why a report could not go where it was asked to.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The path is a folder, not a file.
    #[error("{} is a folder: name a file in it, like {}", .0.display(), .0.join("report.md").display())]
    IsFolder(PathBuf),
    /// The folder the file should go in does not exist.
    #[error("the folder {} does not exist: create it first, or name a file in a folder that does", .0.display())]
    NoFolder(PathBuf),
    /// A chain of symbolic links that never ends in a file.
    #[error("{} is a symbolic link that leads nowhere (a loop, or too many links)", .0.display())]
    LinkLoop(PathBuf),
    /// The system refused.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Writes a report where the user asked: a regular file (new or old) is replaced
/// atomically; a symbolic link is followed and its target replaced in the target's own
/// folder, so the link stays; a device or a named pipe (`/dev/null`, a FIFO) is written
/// in place and never replaced. A folder, or a file in a folder that does not exist, is
/// refused.
pub fn write_report(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let target = follow_links(path)?;
    match fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => Err(OutputError::IsFolder(target)),
        Ok(metadata) if !metadata.is_file() => {
            let mut file = fs::OpenOptions::new().write(true).open(&target)?;
            file.write_all(bytes)?;
            file.flush()?;
            Ok(())
        }
        Ok(_) => Ok(write_atomically(&target, bytes)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let folder = folder_of(&target);
            if !folder.is_dir() {
                return Err(OutputError::NoFolder(folder));
            }
            Ok(write_atomically(&target, bytes)?)
        }
        Err(e) => Err(e.into()),
    }
}

/// Where a chain of symbolic links ends (the path itself when it is not a link); the
/// end may not exist yet.
fn follow_links(path: &Path) -> Result<PathBuf, OutputError> {
    // Linux gives up after 40 links; so does this.
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = if next.is_absolute() {
                    next
                } else {
                    folder_of(&current).join(next)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(OutputError::LinkLoop(path.to_path_buf()))
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes a file so that it is either the old one or the whole new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".outready-report.").suffix(".tmp");
    // A report is made to be shared: it gets the permissions of the file it replaces, or
    // those of any new file (the umask decides), not a temporary file's private ones.
    if let Some(permissions) = new_file_permissions(path) {
        builder.permissions(permissions);
    }
    let mut temp = builder.tempfile_in(&folder)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The permissions the written report should have: those of the file it replaces, else
/// read and write for everyone the umask allows (on Unix).
fn new_file_permissions(path: &Path) -> Option<std::fs::Permissions> {
    if let Ok(metadata) = std::fs::metadata(path) {
        return Some(metadata.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        Some(std::fs::Permissions::from_mode(0o666))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_reports_folder_is_private_as_the_plans_folder_is() {
        use std::os::unix::fs::PermissionsExt as _;
        let data = tempfile::tempdir().unwrap();
        let name = PlanName::new("Acme Ltd").unwrap();
        let day = Date::new(2026, 12, 1).unwrap();
        let path = export(data.path(), &name, day, Format::Html, "<p>report</p>").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "<p>report</p>");
        let folder = fs::metadata(data.path().join("reports")).unwrap();
        assert_eq!(folder.permissions().mode() & 0o777, 0o700);
    }
}
