//! A plan file held by this process for one session: where it is, the lock on it (or
//! who holds it instead, when it is open read-only), and the saves of the session, which
//! go to that file and no other. A new plan has no file until it is named; naming it
//! takes the lock before the file exists and refuses a name whose file is there.

use std::io;
use std::path::{Path, PathBuf};

use super::Plan;
use super::error::PlanError;
use super::lock::{Acquired, LockOwner, PlanLock};
use super::name::PlanName;
use super::read::load_path;
use super::store::PlanStore;

/// The file a session reads and writes, with its lock.
#[derive(Debug)]
pub struct PlanFile {
    store: PlanStore,
    path: Option<PathBuf>,
    lock: Option<PlanLock>,
    /// Who has the plan open, when that is another outready: nothing is saved then.
    busy: Option<LockOwner>,
    /// Whether the file is on disk (opened from it, or saved once).
    written: bool,
}

impl PlanFile {
    /// The file at `path`, with this process's attempt at its lock; `written` when the
    /// file is there already.
    pub fn at(
        store: PlanStore,
        path: PathBuf,
        lock: io::Result<Acquired>,
        written: bool,
    ) -> PlanFile {
        let (lock, busy) = match lock {
            Ok(Acquired::Locked(lock)) => (Some(lock), None),
            Ok(Acquired::Busy(owner)) => (None, Some(owner)),
            // A folder where no lock can be made: the first save tries again.
            Err(_) => (None, None),
        };
        PlanFile {
            store,
            path: Some(path),
            lock,
            busy,
            written,
        }
    }

    /// A plan with no file yet: it gets one when it is named.
    pub fn unnamed(store: PlanStore) -> PlanFile {
        PlanFile {
            store,
            path: None,
            lock: None,
            busy: None,
            written: false,
        }
    }

    /// The folder of plans this file is in.
    pub fn store(&self) -> &PlanStore {
        &self.store
    }

    /// The file, once the plan has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Who has the plan open instead of this process, when another outready does.
    pub fn busy(&self) -> Option<&LockOwner> {
        self.busy.as_ref()
    }

    /// Whether this process holds the plan's lock.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Whether the plan's file is on disk.
    pub fn is_written(&self) -> bool {
        self.written
    }

    /// The file a new plan of this name would have: its lock is taken first, and a
    /// name whose file exists (another plan's, or one just made elsewhere) is refused
    /// with that plan's real name. Nothing changes on failure.
    pub fn claim(&mut self, name: &PlanName) -> Result<(), PlanError> {
        let target = self.store.path_for(name);
        if self.path.as_deref() == Some(target.as_path()) && self.lock.is_some() {
            return Ok(());
        }
        if self.written {
            return Err(PlanError::Save {
                path: target,
                cause: io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "a plan that has a file keeps it",
                ),
            });
        }
        let same = self.path.as_deref() == Some(target.as_path());
        let lock = match PlanLock::acquire(&target) {
            Ok(Acquired::Locked(lock)) => lock,
            Ok(Acquired::Busy(owner)) => {
                return Err(PlanError::InUse {
                    path: target,
                    owner,
                });
            }
            Err(cause) => {
                return Err(PlanError::Save {
                    path: target,
                    cause,
                });
            }
        };
        if target.exists() {
            let name = load_path(&target).map_or_else(|_| name.to_string(), |plan| plan.name);
            return Err(PlanError::Exists { name, path: target });
        }
        if !same {
            self.busy = None;
        }
        self.path = Some(target);
        self.lock = Some(lock);
        Ok(())
    }

    /// Saves the plan to its file (a new plan's file is claimed by its name first).
    /// Read-only, or when the lock cannot be had, nothing is written. Returns the file.
    pub fn save(&mut self, plan: &Plan) -> Result<PathBuf, PlanError> {
        if let (Some(owner), Some(path)) = (&self.busy, &self.path) {
            return Err(PlanError::InUse {
                path: path.clone(),
                owner: owner.clone(),
            });
        }
        if !self.written {
            self.claim(&PlanName::new(&plan.name)?)?;
        }
        let Some(path) = self.path.clone() else {
            return Err(PlanError::Name(super::name::NameError::Empty));
        };
        if self.lock.is_none() {
            match PlanLock::acquire(&path) {
                Ok(Acquired::Locked(lock)) => self.lock = Some(lock),
                Ok(Acquired::Busy(owner)) => {
                    self.busy = Some(owner.clone());
                    return Err(PlanError::InUse { path, owner });
                }
                Err(cause) => return Err(PlanError::Save { path, cause }),
            }
        }
        self.store.save_at(&path, plan)?;
        self.written = true;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::load::load_text;

    const SMALL: &str = include_str!("../../tests/fixtures/questionnaires/valid/small.json");

    fn plan(name: &str) -> Plan {
        let loaded = load_text("small.json", SMALL, false).unwrap();
        Plan::new(
            &PlanName::new(name).unwrap(),
            &loaded,
            jiff::Timestamp::now(),
        )
    }

    #[test]
    fn saves_go_to_the_file_opened_whatever_the_plan_is_called() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        let original = store.save(&plan("Acme")).unwrap();
        let copy = store.dir().join("acme-copy.json");
        std::fs::copy(&original, &copy).unwrap();
        let lock = PlanLock::acquire(&copy);
        let mut file = PlanFile::at(store.clone(), copy.clone(), lock, true);
        let mut changed = plan("Acme");
        changed.position.question = Some("staff".into());
        assert_eq!(file.save(&changed).unwrap(), copy);
        assert_eq!(load_path(&copy).unwrap().position, changed.position);
        assert_ne!(load_path(&original).unwrap().position, changed.position);
    }

    #[test]
    fn a_new_plan_is_locked_before_its_file_exists_and_never_takes_anothers() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        let mut file = PlanFile::unnamed(store.clone());
        file.claim(&PlanName::new("Shared").unwrap()).unwrap();
        let path = store.dir().join("shared.json");
        assert!(!path.exists());
        assert!(matches!(
            PlanLock::acquire(&path).unwrap(),
            Acquired::Busy(_)
        ));
        let mut other = PlanFile::unnamed(store.clone());
        assert!(matches!(
            other.save(&plan("Shared")),
            Err(PlanError::InUse { .. })
        ));
        file.save(&plan("Shared")).unwrap();
        drop(file);
        let error = other.save(&plan("shared")).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "a plan called \"Shared\" already exists ({}): choose another name, or open that one",
                path.display()
            )
        );
    }
}
