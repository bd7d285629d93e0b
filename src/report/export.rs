//! Writing a report to a file: atomically (the old file or the whole new one, never a
//! part), and where the wizard puts the reports it exports.

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

/// Writes a file so that it is either the old one or the whole new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
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
