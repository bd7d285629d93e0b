//! One outready at a time on a plan: the operating system's lock on a file beside the
//! plan (`.STEM.lock`), held for as long as the plan is open. The system lets go of it
//! when the process ends in any way (a crash, a kill, a power cut), so there is no stale
//! lock to judge or take over, and no race in doing so. The file holds a short record of
//! who has the plan open, read only to say so to the next one; the lock is what counts.

use std::fs::{self, File, TryLockError};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::fs::create_private_dir;
#[cfg(unix)]
use super::fs::same_identity;

/// Who holds a lock, as its record says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    pub pid: u32,
    pub host: String,
    pub since: Timestamp,
}

impl LockOwner {
    /// This process.
    pub fn me() -> LockOwner {
        LockOwner {
            pid: std::process::id(),
            host: host_name(),
            since: Timestamp::now(),
        }
    }

    /// The process in words: `pid 1234`, with the host when it is another machine.
    pub fn describe(&self) -> String {
        if self.pid == 0 {
            "a process that has not said which".to_string()
        } else if self.host == host_name() {
            format!("pid {}", self.pid)
        } else {
            format!("pid {} on {}", self.pid, self.host)
        }
    }
}

/// A plan this process holds the lock of; the lock goes when this is dropped.
#[derive(Debug)]
pub struct PlanLock {
    path: PathBuf,
    owner: LockOwner,
    /// The locked file: the lock lasts as long as it is open.
    file: File,
}

/// The result of asking for a plan's lock.
#[derive(Debug)]
pub enum Acquired {
    /// The plan is ours to change.
    Locked(PlanLock),
    /// Another process has it open (or this one, through another handle).
    Busy(LockOwner),
}

impl PlanLock {
    /// The lock file of a plan file: hidden, beside it.
    pub fn lock_path(plan_path: &Path) -> PathBuf {
        let stem = plan_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        plan_path.with_file_name(format!(".{stem}.lock"))
    }

    /// Takes the lock of a plan file, or says who has it. An error when the folder
    /// cannot be written or the system has no file locks there.
    pub fn acquire(plan_path: &Path) -> io::Result<Acquired> {
        let path = PlanLock::lock_path(plan_path);
        if let Some(dir) = path.parent() {
            create_private_dir(dir)?;
        }
        // A holder removes the file as it lets go; one who opened the old file just then
        // locks a file no longer in the folder, sees so, and tries again.
        for _ in 0..10 {
            let mut options = File::options();
            options.read(true).write(true).create(true).truncate(false);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(&path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Ok(Acquired::Busy(read_owner(&path))),
                Err(TryLockError::Error(e)) => return Err(e),
            }
            if !same_file(&file, &path) {
                continue;
            }
            let owner = LockOwner::me();
            let text = serde_json::to_vec(&owner).map_err(io::Error::from)?;
            file.set_len(0)?;
            file.write_all(&text)?;
            return Ok(Acquired::Locked(PlanLock { path, owner, file }));
        }
        Err(io::Error::other(format!(
            "the lock {} keeps changing",
            path.display()
        )))
    }

    /// Who holds it (this process).
    pub fn owner(&self) -> &LockOwner {
        &self.owner
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for PlanLock {
    fn drop(&mut self) {
        // Removed while still locked, so no one else's file is ever removed; the lock
        // itself goes when the file closes, right after.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether the open file is still the one at `path` (not removed or replaced since).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => same_identity(&open, &named),
        _ => false,
    }
}

/// Windows cannot remove a file another process has open, so it is the same.
#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// The record of who holds a lock. Its holder writes it right after taking the lock, so
/// an empty one is given a moment; one that never reads names no one.
fn read_owner(path: &Path) -> LockOwner {
    for _ in 0..20 {
        let mut text = Vec::new();
        let read = File::open(path).and_then(|mut f| f.read_to_end(&mut text));
        if read.is_ok()
            && let Ok(owner) = serde_json::from_slice::<LockOwner>(&text)
        {
            return owner;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    LockOwner {
        pid: 0,
        host: host_name(),
        since: Timestamp::now(),
    }
}

/// This machine's name.
pub fn host_name() -> String {
    #[cfg(unix)]
    {
        rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned()
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_in(dir: &Path) -> PathBuf {
        dir.join("plans").join("acme.json")
    }

    #[test]
    fn a_second_taker_is_told_who_holds_it_and_the_lock_goes_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let plan = plan_in(dir.path());
        let Acquired::Locked(lock) = PlanLock::acquire(&plan).unwrap() else {
            panic!("the first taker gets the lock");
        };
        assert_eq!(lock.path(), plan.with_file_name(".acme.lock"));
        match PlanLock::acquire(&plan).unwrap() {
            Acquired::Busy(owner) => {
                assert_eq!(owner.pid, std::process::id());
                assert_eq!(owner.describe(), format!("pid {}", std::process::id()));
            }
            Acquired::Locked(_) => panic!("a held lock must not be given twice"),
        }
        drop(lock);
        assert!(!plan.with_file_name(".acme.lock").exists());
        assert!(matches!(
            PlanLock::acquire(&plan).unwrap(),
            Acquired::Locked(_)
        ));
    }

    #[test]
    fn a_lock_file_nobody_holds_is_no_lock_whatever_it_says() {
        // What a crash leaves: the file with a record, and no one holding it.
        let dir = tempfile::tempdir().unwrap();
        let plan = plan_in(dir.path());
        fs::create_dir_all(plan.parent().unwrap()).unwrap();
        let elsewhere = LockOwner {
            host: "another-machine".into(),
            pid: 1,
            ..LockOwner::me()
        };
        let lock_path = PlanLock::lock_path(&plan);
        for text in [serde_json::to_vec(&elsewhere).unwrap(), b"{oops".to_vec()] {
            fs::write(&lock_path, text).unwrap();
            let Acquired::Locked(lock) = PlanLock::acquire(&plan).unwrap() else {
                panic!("no process holds it: it is free");
            };
            let record: LockOwner = serde_json::from_slice(&fs::read(&lock_path).unwrap()).unwrap();
            assert_eq!(record.pid, std::process::id());
            drop(lock);
        }
    }

    #[test]
    fn a_holder_that_has_not_said_who_it_is_is_still_busy() {
        let dir = tempfile::tempdir().unwrap();
        let plan = plan_in(dir.path());
        let Acquired::Locked(lock) = PlanLock::acquire(&plan).unwrap() else {
            panic!("free");
        };
        fs::write(lock.path(), "").unwrap();
        match PlanLock::acquire(&plan).unwrap() {
            Acquired::Busy(owner) => {
                assert_eq!(owner.describe(), "a process that has not said which");
            }
            Acquired::Locked(_) => panic!("the lock, not its record, decides"),
        }
    }
}
