//! The report as JSON, for other programs: the whole [`Report`] with its
//! `format_version`, documented in `docs/report-formats.md`, and read back with
//! [`parse`].

use super::{REPORT_FORMAT_VERSION, Report};

/// A JSON report that could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the report is not valid report JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "the report was written by a newer outready (report format {found}, this one reads up to {REPORT_FORMAT_VERSION})"
    )]
    TooNew { found: u32 },
    #[error(
        "the report was written by an older outready (report format {found}, this one reads {REPORT_FORMAT_VERSION}): write it again with `outready report --format json`"
    )]
    TooOld { found: u32 },
}

/// The report as pretty-printed JSON, ending in a line break.
pub fn render(report: &Report) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}

/// Reads a JSON report back; another format version than this build writes is refused
/// (a report is written again in seconds, so older versions are not migrated).
pub fn parse(text: &str) -> Result<Report, ReadError> {
    let probe: VersionProbe = serde_json::from_str(text)?;
    let found = probe.format_version;
    match found.cmp(&REPORT_FORMAT_VERSION) {
        std::cmp::Ordering::Greater => Err(ReadError::TooNew { found }),
        std::cmp::Ordering::Less => Err(ReadError::TooOld { found }),
        std::cmp::Ordering::Equal => Ok(serde_json::from_str(text)?),
    }
}

/// Just the version, read before the rest: a newer report may not fit today's types.
#[derive(serde::Deserialize)]
struct VersionProbe {
    format_version: u32,
}
