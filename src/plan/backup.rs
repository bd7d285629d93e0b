//! Backups of plan files, in `plans/backups/`: the version before the last save
//! (`STEM.previous.json`) and a few earlier ones (`STEM.000042.json`, numbered in the
//! order they were taken, at most every few minutes, the lowest dropped). They are
//! ordered by that number, never by file times, which a clock once wrong can put in the
//! future. Also finding the newest backup that loads, and moving a damaged plan aside
//! under a name with the time. Files are only ever added or renamed into place, never
//! written over in place.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use jiff::Timestamp;

use super::Plan;
use super::fs::{create_private_dir, same_file, sync_dir};
use super::read::load_path;
use crate::local_zone::local_zone;

/// The folder of backups, inside the plans folder.
pub const BACKUPS_FOLDER: &str = "backups";

/// How often an earlier version is kept, and how many are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupPolicy {
    /// A new rotated backup is taken when the newest one is at least this old.
    pub every: Duration,
    /// How many rotated backups each plan keeps (the previous version comes on top).
    pub keep: usize,
}

impl Default for BackupPolicy {
    fn default() -> BackupPolicy {
        BackupPolicy {
            every: Duration::from_secs(10 * 60),
            keep: 5,
        }
    }
}

/// A backup that loads, with when it was saved.
#[derive(Debug, Clone)]
pub struct GoodBackup {
    pub path: PathBuf,
    pub saved: Option<SystemTime>,
    pub plan: Plan,
}

/// The backups folder of a plan file.
pub fn backups_dir(plan_path: &Path) -> PathBuf {
    plan_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUPS_FOLDER)
}

fn stem_of(plan_path: &Path) -> String {
    plan_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Keeps the plan file as it is now, before a save replaces it: as the previous version
/// and, when one is due, as a rotated backup. Nothing to do for a plan not saved yet.
pub(crate) fn keep_previous(plan_path: &Path, policy: &BackupPolicy) -> io::Result<()> {
    match fs::metadata(plan_path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    let dir = backups_dir(plan_path);
    let stem = stem_of(plan_path);
    create_private_dir(&dir)?;
    let previous = dir.join(format!("{stem}.previous.json"));
    // After a save cut short between this step and its rename, the previous version is
    // the plan file itself; a rename of one link onto another of the same file does
    // nothing, and would leave the temporary link behind.
    if !same_file(&previous, plan_path) {
        let temp = duplicate(plan_path, &dir, true)?;
        temp.persist(&previous).map_err(|e| e.error)?;
    }
    if policy.keep > 0 {
        let rotated = rotated_backups(&dir, &stem);
        // A newest backup dated in the future (the clock was wrong then) is no reason to
        // wait: one is due.
        let due = rotated.first().is_none_or(|backup| {
            fs::metadata(&backup.path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_none_or(|age| age >= policy.every)
        });
        if due {
            let next = rotated.first().and_then(|b| b.sequence).unwrap_or(0) + 1;
            let temp = duplicate(plan_path, &dir, false)?;
            persist_numbered(temp, &dir, &stem, next)?;
            for old in rotated_backups(&dir, &stem).iter().skip(policy.keep) {
                let _ = fs::remove_file(&old.path);
            }
        }
    }
    sync_dir(&dir);
    Ok(())
}

/// A copy of `source` under a temporary name in `dir`. With `link`, a hard link where
/// the file system has them: cheap enough for every save, and safe because files are
/// never changed in place. Else (and for rotated backups, which should not share a fate
/// with the previous version) a real copy, synced, with the source's modification time.
fn duplicate(source: &Path, dir: &Path, link: bool) -> io::Result<tempfile::TempPath> {
    // Named like the plan's own temporary files, so the same sweep clears a crash's leftovers.
    let made = tempfile::Builder::new()
        .prefix(&format!(".{}.", stem_of(source)))
        .suffix(".tmp")
        .make_in(dir, |path| {
            if link {
                match fs::hard_link(source, path) {
                    Ok(()) => return Ok(()),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
                    Err(_) => {}
                }
            }
            copy_synced(source, path)
        })?;
    Ok(made.into_temp_path())
}

/// Copies a file to a new file readable by its owner only, synced.
fn copy_synced(source: &Path, target: &Path) -> io::Result<()> {
    let mut from = File::open(source)?;
    let mut options = File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut to = options.open(target)?;
    io::copy(&mut from, &mut to)?;
    if let Ok(modified) = from.metadata().and_then(|m| m.modified()) {
        let _ = to.set_modified(modified);
    }
    to.sync_all()
}

/// Renames a temporary file to `STEM.NNNNNN.json` with the first free number from
/// `next` on: a backup never replaces another.
fn persist_numbered(
    mut temp: tempfile::TempPath,
    dir: &Path,
    stem: &str,
    next: u64,
) -> io::Result<PathBuf> {
    for sequence in next..next + 100 {
        let target = dir.join(format!("{stem}.{sequence:06}.json"));
        match temp.persist_noclobber(&target) {
            Ok(()) => return Ok(target),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => temp = e.path,
            Err(e) => return Err(e.error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many backups with the same number",
    ))
}

/// Local date and time as `YYYYMMDD-HHMMSS`, for file names.
pub fn time_name(at: SystemTime) -> String {
    Timestamp::try_from(at)
        .unwrap_or(Timestamp::UNIX_EPOCH)
        .to_zoned(local_zone())
        .strftime("%Y%m%d-%H%M%S")
        .to_string()
}

/// One backup file of a plan.
struct Backup {
    path: PathBuf,
    /// Its number; none for the previous version, and for backups named by time by
    /// earlier versions of outready, which count as older than any numbered one.
    sequence: Option<u64>,
    previous: bool,
}

/// The rotated backups of a plan (not the previous version), newest first.
fn rotated_backups(dir: &Path, stem: &str) -> Vec<Backup> {
    backups_in(dir, stem)
        .into_iter()
        .filter(|b| !b.previous)
        .collect()
}

/// Every backup of a plan, newest first: the previous version, then by number, then
/// those an earlier outready named by time, by name.
fn backups_in(dir: &Path, stem: &str) -> Vec<Backup> {
    let prefix = format!("{stem}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Backup> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name();
            let middle = name
                .to_str()?
                .strip_prefix(&prefix)?
                .strip_suffix(".json")?;
            let previous = middle == "previous";
            let sequence = middle
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| middle.parse().ok())
                .flatten();
            Some(Backup {
                path: e.path(),
                sequence,
                previous,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.previous
            .cmp(&a.previous)
            .then(b.sequence.cmp(&a.sequence))
            .then(b.path.cmp(&a.path))
    });
    found
}

/// Every backup of a plan file, newest first.
pub fn backups_of(plan_path: &Path) -> Vec<PathBuf> {
    backups_in(&backups_dir(plan_path), &stem_of(plan_path))
        .into_iter()
        .map(|b| b.path)
        .collect()
}

/// The newest backup of a plan file that loads, if there is one.
pub fn newest_good(plan_path: &Path) -> Option<GoodBackup> {
    backups_in(&backups_dir(plan_path), &stem_of(plan_path))
        .into_iter()
        .find_map(|backup| {
            let plan = load_path(&backup.path).ok()?;
            let saved = fs::metadata(&backup.path).and_then(|m| m.modified()).ok();
            Some(GoodBackup {
                path: backup.path,
                saved,
                plan,
            })
        })
}

/// Moves a plan file aside as `STEM.damaged-YYYYMMDD-HHMMSS.json` in the same folder,
/// kept for the user to look at; returns where it went. Nothing is overwritten.
pub fn move_aside(plan_path: &Path) -> io::Result<PathBuf> {
    let dir = plan_path.parent().unwrap_or_else(|| Path::new("."));
    let stem = stem_of(plan_path);
    let name = format!("damaged-{}", time_name(SystemTime::now()));
    for n in 1..100 {
        let file = if n == 1 {
            format!("{stem}.{name}.json")
        } else {
            format!("{stem}.{name}-{n}.json")
        };
        let target = dir.join(file);
        match fs::hard_link(plan_path, &target) {
            Ok(()) => {
                fs::remove_file(plan_path)?;
                sync_dir(dir);
                return Ok(target);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // No hard links here: a rename does it, once we know the name is free.
            Err(_) if !target.exists() => {
                fs::rename(plan_path, &target)?;
                sync_dir(dir);
                return Ok(target);
            }
            Err(_) => continue,
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many damaged copies with the same time",
    ))
}
