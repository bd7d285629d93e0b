//! One outready at a time on a plan: a lock file beside the plan (`.STEM.lock`) naming
//! the process that has it open. It is created atomically with its content and removed
//! when the plan is closed; one whose process no longer runs (a crash, a power cut, a
//! reboot) is stale and taken over. Windows builds cannot tell, and treat a lock as held.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::fs::create_private_dir;

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    pub pid: u32,
    pub host: String,
    /// The program's name as the system knows it (Linux), so a reused pid is told apart.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub program: String,
    /// This boot of the machine (Linux), so a lock from before a restart is stale.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub boot: String,
    pub since: Timestamp,
}

impl LockOwner {
    /// This process.
    pub fn me() -> LockOwner {
        LockOwner {
            pid: std::process::id(),
            host: host_name(),
            program: read_trimmed("/proc/self/comm"),
            boot: read_trimmed("/proc/sys/kernel/random/boot_id"),
            since: Timestamp::now(),
        }
    }

    /// The process in words: `pid 1234`, with the host when it is another machine.
    pub fn describe(&self) -> String {
        if self.host == host_name() {
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
}

/// The result of asking for a plan's lock.
#[derive(Debug)]
pub enum Acquired {
    /// The plan is ours to change.
    Locked(PlanLock),
    /// Another process that still runs has it open.
    Busy(LockOwner),
}

/// Lock files this process holds, so its own pid in a lock file is told from a stale one.
static HELD: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn held() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    HELD.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
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

    /// Takes the lock of a plan file, taking over a stale one; `Busy` when a running
    /// process holds it. An error when the folder cannot be written.
    pub fn acquire(plan_path: &Path) -> io::Result<Acquired> {
        let path = PlanLock::lock_path(plan_path);
        let me = LockOwner::me();
        let text = serde_json::to_vec(&me).map_err(io::Error::from)?;
        if let Some(dir) = path.parent() {
            create_private_dir(dir)?;
        }
        for _ in 0..5 {
            match create(&path, &text) {
                Ok(()) => {
                    held().push(path.clone());
                    return Ok(Acquired::Locked(PlanLock { path, owner: me }));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
            let found = match fs::read(&path) {
                Ok(found) => found,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            match serde_json::from_slice::<LockOwner>(&found) {
                Ok(owner) if is_running(&owner, &path) => return Ok(Acquired::Busy(owner)),
                // Stale, or unreadable (it is written whole, so only a damaged disk makes
                // that): take it over, unless another process just did.
                _ => {
                    if fs::read(&path).is_ok_and(|now| now == found) {
                        let _ = fs::remove_file(&path);
                    }
                }
            }
        }
        let owner = fs::read(&path)
            .ok()
            .and_then(|found| serde_json::from_slice::<LockOwner>(&found).ok());
        match owner {
            Some(owner) => Ok(Acquired::Busy(owner)),
            None => Err(io::Error::other(format!(
                "the lock {} keeps changing",
                path.display()
            ))),
        }
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
        held().retain(|p| *p != self.path);
        let still_ours = fs::read(&self.path)
            .ok()
            .and_then(|found| serde_json::from_slice::<LockOwner>(&found).ok())
            .is_some_and(|owner| owner == self.owner);
        if still_ours {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Creates the lock file with its content in one step: written under a temporary name,
/// then linked into place only if no lock is there.
fn create(path: &Path, text: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().trim_start_matches('.').to_string())
        .unwrap_or_default();
    let stem = stem.trim_end_matches(".lock");
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{stem}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(text)?;
    temp.into_temp_path()
        .persist_noclobber(path)
        .map_err(|e| e.error)
}

/// Whether the process named in a lock still runs. Another machine's process cannot be
/// checked, so it counts as running.
fn is_running(owner: &LockOwner, lock: &Path) -> bool {
    if owner.host != host_name() {
        return true;
    }
    if owner.pid == std::process::id() {
        return held().iter().any(|p| p == lock);
    }
    let boot = read_trimmed("/proc/sys/kernel/random/boot_id");
    if !owner.boot.is_empty() && !boot.is_empty() && owner.boot != boot {
        return false;
    }
    let proc_dir = PathBuf::from(format!("/proc/{}", owner.pid));
    if Path::new("/proc/self").exists() {
        if !proc_dir.exists() {
            return false;
        }
        let program = read_trimmed(&format!("/proc/{}/comm", owner.pid));
        return owner.program.is_empty() || program.is_empty() || program == owner.program;
    }
    process_exists(owner.pid)
}

#[cfg(unix)]
fn process_exists(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e != rustix::io::Errno::SRCH,
    }
}

#[cfg(not(unix))]
fn process_exists(_pid: u32) -> bool {
    true
}

fn read_trimmed(path: &str) -> String {
    fs::read_to_string(path)
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
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

    #[cfg(unix)]
    #[test]
    fn a_lock_left_by_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let plan = plan_in(dir.path());
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = LockOwner {
            pid: dead,
            ..LockOwner::me()
        };
        fs::create_dir_all(plan.parent().unwrap()).unwrap();
        let lock_path = PlanLock::lock_path(&plan);
        fs::write(&lock_path, serde_json::to_vec(&stale).unwrap()).unwrap();
        let Acquired::Locked(lock) = PlanLock::acquire(&plan).unwrap() else {
            panic!("a dead process's lock is stale");
        };
        assert_eq!(lock.owner().pid, std::process::id());
    }

    #[test]
    fn our_own_pid_in_a_lock_we_do_not_hold_is_stale() {
        // After a restart this process may have the pid of the one that crashed.
        let dir = tempfile::tempdir().unwrap();
        let plan = plan_in(dir.path());
        fs::create_dir_all(plan.parent().unwrap()).unwrap();
        let old = LockOwner::me();
        fs::write(
            PlanLock::lock_path(&plan),
            serde_json::to_vec(&old).unwrap(),
        )
        .unwrap();
        assert!(matches!(
            PlanLock::acquire(&plan).unwrap(),
            Acquired::Locked(_)
        ));
    }

    #[test]
    fn an_unreadable_lock_and_another_host_are_handled() {
        let dir = tempfile::tempdir().unwrap();
        let plan = plan_in(dir.path());
        fs::create_dir_all(plan.parent().unwrap()).unwrap();
        let lock_path = PlanLock::lock_path(&plan);
        fs::write(&lock_path, "").unwrap();
        let lock = PlanLock::acquire(&plan).unwrap();
        assert!(
            matches!(lock, Acquired::Locked(_)),
            "an empty lock is stale"
        );
        drop(lock);
        let elsewhere = LockOwner {
            host: "another-machine".into(),
            pid: 1,
            ..LockOwner::me()
        };
        fs::write(&lock_path, serde_json::to_vec(&elsewhere).unwrap()).unwrap();
        match PlanLock::acquire(&plan).unwrap() {
            Acquired::Busy(owner) => assert_eq!(owner.describe(), "pid 1 on another-machine"),
            Acquired::Locked(_) => panic!("another machine's lock cannot be judged stale"),
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_reused_pid_running_another_program_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let plan = plan_in(dir.path());
        fs::create_dir_all(plan.parent().unwrap()).unwrap();
        // pid 1 runs, but it is not this program.
        let reused = LockOwner {
            pid: 1,
            program: "outready-nope".into(),
            ..LockOwner::me()
        };
        fs::write(
            PlanLock::lock_path(&plan),
            serde_json::to_vec(&reused).unwrap(),
        )
        .unwrap();
        assert!(matches!(
            PlanLock::acquire(&plan).unwrap(),
            Acquired::Locked(_)
        ));
    }
}
