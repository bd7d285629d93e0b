//! A plan file that cannot be read as a plan, as opening finds it: the file, what is
//! wrong, its backups, and the two ways on (its newest good backup, or a fresh start),
//! neither of which writes over the damaged file.

use std::path::PathBuf;

use anyhow::{Context as _, Result};

use super::stem_of;
use crate::plan::backup::{self, GoodBackup};
use crate::plan::{PlanError, PlanLock, PlanStore};

/// A plan file that cannot be read, what is wrong with it, and its backups.
pub struct Damaged {
    pub path: PathBuf,
    pub error: PlanError,
    /// The newest backup that loads.
    pub backup: Option<GoodBackup>,
    /// Every backup, newest first.
    pub backups: Vec<PathBuf>,
    /// The name a fresh plan starts with.
    pub name: String,
    store: PlanStore,
    /// Held while the user chooses, so a second outready does not act at the same time.
    _lock: Option<PlanLock>,
}

impl Damaged {
    /// A damaged plan file, with its backups. A fresh start takes the name asked for,
    /// else the newest good backup's, else the file's.
    pub fn new(
        store: PlanStore,
        path: PathBuf,
        error: PlanError,
        name: Option<String>,
        lock: Option<PlanLock>,
    ) -> Damaged {
        let backup = backup::newest_good(&path);
        let backups = backup::backups_of(&path);
        let name = name
            .or_else(|| backup.as_ref().map(|b| b.plan.name.clone()))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| stem_of(&path));
        Damaged {
            path,
            error,
            backup,
            backups,
            name,
            store,
            _lock: lock,
        }
    }

    /// Moves the damaged file aside and puts the newest good backup in its place.
    /// Returns where the damaged file went.
    pub fn open_backup(&self) -> Result<PathBuf> {
        let backup = self
            .backup
            .as_ref()
            .context("there is no backup of this plan that can be read")?;
        let aside = self.move_aside()?;
        self.store
            .save_at(&self.path, &backup.plan)
            .with_context(|| {
                format!(
                    "the damaged file is kept as {}, but the backup could not be put in its place",
                    aside.display()
                )
            })?;
        Ok(aside)
    }

    /// Moves the damaged file aside, so a fresh plan can start under its name. Returns
    /// where the damaged file went.
    pub fn start_afresh(&self) -> Result<PathBuf> {
        self.move_aside()
    }

    fn move_aside(&self) -> Result<PathBuf> {
        backup::move_aside(&self.path)
            .with_context(|| format!("{} could not be moved aside", self.path.display()))
    }

    /// The file's stem: the name `--plan` opens it by.
    pub fn stem(&self) -> String {
        stem_of(&self.path)
    }
}
