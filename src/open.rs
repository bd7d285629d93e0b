//! The one way a plan is opened, by the wizard, plain mode and every command: which file
//! (the most recent plan, one named, or a new one), its lock (taken before the file is
//! read), its questionnaire, and one handle whose saves go to that file and no other.
//! It answers with data (a plan ready, a plan another outready holds, or a damaged file
//! with its backups) and draws nothing: each front end says it its own way.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use jiff::Timestamp;
use unicode_normalization::UnicodeNormalization as _;

use crate::data_dir;
use crate::plan::change::{self, QuestionnaireChange};
use crate::plan::store::load_path;
use crate::plan::{Acquired, LockOwner, Plan, PlanError, PlanFile, PlanLock, PlanName, PlanStore};
use crate::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, Loaded, load};

mod damaged;

pub use damaged::Damaged;

/// Where plans live and every questionnaire known: what opening a plan needs.
pub struct Shelf {
    pub store: PlanStore,
    pub catalog: Catalog,
    /// The user's questionnaire folder.
    pub user_dir: PathBuf,
}

/// How a plan can be opened.
pub enum Opening {
    /// Ready to answer and save.
    Ready(OpenPlan),
    /// Another outready (this pid) has it open: it can be looked at, not saved.
    Busy(OpenPlan, LockOwner),
    /// The file cannot be read as a plan: here it is, with its backups.
    Damaged(Damaged),
}

/// A plan open for a session: its questionnaire, and the file every save goes to.
pub struct OpenPlan {
    pub loaded: Loaded,
    pub plan: Plan,
    pub file: PlanFile,
    /// Whether the plan has no file yet.
    pub is_new: bool,
    /// What changed in the questionnaire since the plan last saved.
    pub change: Option<QuestionnaireChange>,
    /// To say once on opening: which plan a name matched, what changed.
    pub note: Option<String>,
}

/// Opens the plan the command line points at: `plan` by name, else the most recent one,
/// else a new one on the questionnaire `questionnaire` names (an id or a file; by
/// default the built-in one).
pub fn open(
    data_dir: &Path,
    plan: Option<&str>,
    questionnaire: Option<&str>,
) -> Result<(Shelf, Opening)> {
    let store = PlanStore::in_data_dir(data_dir);
    let user_dir = data_dir::questionnaires_dir(data_dir);
    store.sweep_temporaries();
    let found = find(&store, plan)
        .map(|path| path.and_then(|path| lock_and_read(&path).map(|read| (path, read))));
    let mut catalog = Catalog::load(Some(&user_dir));
    let from_file = match questionnaire {
        Some(wanted) if is_file_name(wanted) => {
            let loaded = load_questionnaire_file(wanted)?;
            catalog.insert(loaded.clone());
            Some(loaded)
        }
        _ => None,
    };
    let shelf = Shelf {
        store,
        catalog,
        user_dir,
    };
    let opening = match found? {
        Some((path, (lock, read))) => shelf.settle(path, lock, read, plan)?,
        None => {
            let loaded = shelf.new_questionnaire(from_file, questionnaire)?;
            shelf.fresh(loaded, plan)?
        }
    };
    Ok((shelf, opening))
}

impl Shelf {
    /// Opens the plan in this file (the plans screen's choice), as [`open`] does.
    pub fn open_path(&self, path: &Path) -> Result<Opening> {
        self.store.sweep_temporaries();
        let Some((lock, read)) = lock_and_read(path) else {
            bail!("the plan file {} is no longer there", path.display());
        };
        self.settle(path.to_path_buf(), lock, read, None)
    }

    /// A plan file read to be looked at, not answered (the compare screen), as
    /// [`read_only`] reads it: not locked, never written.
    pub fn read_only(&self, path: &Path) -> Result<(Plan, Loaded)> {
        let mut plan = load_path(path)?;
        let loaded = read_only(&self.catalog, &self.user_dir, &mut plan)?;
        Ok((plan, loaded))
    }

    /// The questionnaire a saved plan answers, or why it is not available.
    pub fn questionnaire_for(&self, plan: &Plan) -> Result<Loaded> {
        questionnaire_for(&self.catalog, &self.user_dir, plan)
    }

    /// A plan file read (or not), with this process's attempt at its lock.
    fn settle(
        &self,
        path: PathBuf,
        lock: io::Result<Acquired>,
        read: Result<Plan, PlanError>,
        asked: Option<&str>,
    ) -> Result<Opening> {
        let mut plan = match read {
            Ok(plan) => plan,
            Err(error) if error.is_damaged() => {
                let lock = match lock {
                    Ok(Acquired::Busy(owner)) => bail!(
                        "{error:#}; it is also open in another outready ({}): close that one first",
                        owner.describe()
                    ),
                    Ok(Acquired::Locked(lock)) => Some(lock),
                    Err(_) => None,
                };
                return Ok(Opening::Damaged(Damaged::new(
                    self.store.clone(),
                    path,
                    error,
                    asked.map(str::to_string),
                    lock,
                )));
            }
            Err(error) => return Err(error.into()),
        };
        let loaded = self.questionnaire_for(&plan)?;
        let change = record_questionnaire(&loaded, &mut plan, false);
        let matched = asked.and_then(|asked| matched_note(asked, &plan.name, &stem_of(&path)));
        let note = join_notes(matched, change.as_ref().map(QuestionnaireChange::summary));
        let file = PlanFile::at(self.store.clone(), path, lock, true);
        let busy = file.busy().cloned();
        let open = OpenPlan {
            loaded,
            plan,
            file,
            is_new: false,
            change,
            note,
        };
        Ok(match busy {
            Some(owner) => Opening::Busy(open, owner),
            None => Opening::Ready(open),
        })
    }

    /// A new plan on `loaded`, named as asked or not yet; its file is claimed when it
    /// is first saved.
    fn fresh(&self, loaded: Loaded, name: Option<&str>) -> Result<Opening> {
        let now = Timestamp::now();
        let mut plan = Plan::new(&PlanName::new("new")?, &loaded, now);
        plan.name = name
            .and_then(|n| PlanName::new(n).ok())
            .map(|n| n.as_str().to_string())
            .unwrap_or_default();
        record_questionnaire(&loaded, &mut plan, true);
        Ok(Opening::Ready(OpenPlan {
            loaded,
            plan,
            file: PlanFile::unnamed(self.store.clone()),
            is_new: true,
            change: None,
            note: None,
        }))
    }

    /// The questionnaire of a new plan: the file given (a copy kept in the user's
    /// folder), an id, or the default.
    fn new_questionnaire(&self, from_file: Option<Loaded>, wanted: Option<&str>) -> Result<Loaded> {
        match from_file {
            Some(loaded) => {
                keep_copy(&loaded, &self.user_dir)?;
                Ok(loaded)
            }
            None => pick_questionnaire(&self.catalog, wanted),
        }
    }
}

/// Takes the lock of a plan file, then reads it: a plan read before its lock is taken
/// could be one save behind the file by then. None when there is no file: a new plan's
/// lock is taken when it is first saved, so opening alone writes nothing.
fn lock_and_read(path: &Path) -> Option<(io::Result<Acquired>, Result<Plan, PlanError>)> {
    if !path.exists() {
        return None;
    }
    let lock = PlanLock::acquire(path);
    Some((lock, load_path(path)))
}

/// The file of the plan asked for by name (whether it exists or not), or else of the
/// most recent plan (None when there is none).
fn find(store: &PlanStore, plan: Option<&str>) -> Result<Option<PathBuf>> {
    match plan {
        Some(name) => {
            let name = PlanName::new(name)
                .with_context(|| format!("the plan name \"{name}\" cannot be used"))?;
            Ok(Some(store.path_for(&name)))
        }
        None => Ok(store.most_recent()?),
    }
}

/// The plan file asked for by name (None when it does not exist yet), or else the most
/// recent one (None when there is none), with its plan or why it cannot be read: for
/// the commands that only read.
pub fn choose_file(
    store: &PlanStore,
    plan: Option<&str>,
) -> Result<Option<(PathBuf, Result<Plan, PlanError>)>> {
    Ok(find(store, plan)?.filter(|path| path.exists()).map(|path| {
        let plan = load_path(&path);
        (path, plan)
    }))
}

/// The questionnaire a saved plan answers, or why it is not available.
pub fn questionnaire_for(catalog: &Catalog, user_dir: &Path, plan: &Plan) -> Result<Loaded> {
    catalog.find(&plan.questionnaire.id).cloned().with_context(|| {
        format!(
            "the plan \"{}\" answers the questionnaire \"{}\", which is not available: put its file in {}, or open another plan with `--plan NAME` (`outready list` names them)",
            plan.name,
            plan.questionnaire.id,
            user_dir.display()
        )
    })
}

/// A saved plan as this questionnaire reads it, for commands that only read it (`report`):
/// its questionnaire, with the answers of renamed questions moved as opening it would.
pub fn read_only(catalog: &Catalog, user_dir: &Path, plan: &mut Plan) -> Result<Loaded> {
    let loaded = questionnaire_for(catalog, user_dir, plan)?;
    crate::questionnaire::moved::apply(&loaded.questionnaire, &mut plan.answers);
    Ok(loaded)
}

/// Records the questionnaire as it is now in the plan (version, hash, question ids).
/// For a plan saved before, returns what changed since, to tell the user once; answers
/// carry over by question id, and answers of renamed questions move to their new ids.
pub fn record_questionnaire(
    loaded: &Loaded,
    plan: &mut Plan,
    is_new: bool,
) -> Option<QuestionnaireChange> {
    // Answers of renamed questions move first, so what is listed as kept aside is only
    // what could not move.
    let moved = crate::questionnaire::moved::apply(&loaded.questionnaire, &mut plan.answers);
    let change = change::detect(plan, loaded)
        .filter(|_| !is_new)
        .map(|change| QuestionnaireChange { moved, ..change });
    change::record(plan, loaded);
    change
}

/// What to say when a name given opened a plan called otherwise (the same file name:
/// "Provider A  Café" opens "Provider A / Café"), by the plan's real name. Nothing when
/// the name given is the plan's, or its file's (`--plan acme-copy`).
fn matched_note(asked: &str, real: &str, stem: &str) -> Option<String> {
    let asked = PlanName::new(asked).ok()?;
    let real_nfc: String = real.nfc().collect();
    (asked.as_str() != real_nfc && asked.as_str() != stem).then(|| {
        format!(
            "Opened the plan \"{real}\": no plan is called \"{asked}\", and this one has the same file name."
        )
    })
}

fn join_notes(first: Option<String>, second: Option<String>) -> Option<String> {
    match (first, second) {
        (Some(a), Some(b)) => Some(format!("{a} {b}")),
        (a, b) => a.or(b),
    }
}

/// The file stems of the plans that exist, so a new plan never takes one's place.
pub fn taken_stems(store: &PlanStore) -> HashSet<String> {
    // File names are enough: a damaged plan's name is taken too, and nothing is parsed.
    store
        .files()
        .unwrap_or_default()
        .iter()
        .map(|path| stem_of(path))
        .collect()
}

/// The plans that exist, by file stem, with each one's real name (its stem when the
/// file cannot be read), to say which plan a new name collides with.
pub fn taken_names(store: &PlanStore) -> HashMap<String, String> {
    store
        .files()
        .unwrap_or_default()
        .iter()
        .map(|path| {
            let stem = stem_of(path);
            let name = load_path(path).map_or_else(|_| stem.clone(), |plan| plan.name);
            (stem, name)
        })
        .collect()
}

pub(crate) fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether `--questionnaire` names a file rather than an id.
fn is_file_name(wanted: &str) -> bool {
    let path = Path::new(wanted);
    path.extension().is_some_and(|x| x == "json") || path.is_file()
}

fn load_questionnaire_file(wanted: &str) -> Result<Loaded> {
    load::load_file(Path::new(wanted)).map_err(|problems| match problems.as_slice() {
        // A problem names its file (and its line) first.
        [only] => anyhow::anyhow!("the questionnaire {only}"),
        [first, ..] => anyhow::anyhow!(
            "the questionnaire {wanted} has {} problems, the first: {first} (run `outready validate {wanted}` to see them all)",
            problems.len()
        ),
        [] => anyhow::anyhow!("the questionnaire {wanted} cannot be used"),
    })
}

/// Keeps a copy of a questionnaire file a new plan answers in the user's questionnaire
/// folder (see [`crate::questionnaire::catalog::keep_copy`]).
fn keep_copy(loaded: &Loaded, user_dir: &Path) -> Result<()> {
    crate::questionnaire::catalog::keep_copy(loaded, user_dir)?;
    Ok(())
}

/// The questionnaire for a new plan: an id, or the default.
fn pick_questionnaire(catalog: &Catalog, wanted: Option<&str>) -> Result<Loaded> {
    let wanted = wanted.unwrap_or(DEFAULT_QUESTIONNAIRE);
    if let Some(found) = catalog.find(wanted) {
        return Ok(found.clone());
    }
    let known: Vec<&str> = catalog
        .entries
        .iter()
        .map(|e| e.questionnaire.id.as_str())
        .collect();
    bail!(
        "there is no questionnaire \"{wanted}\"; available: {} (see `outready questionnaires`)",
        if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        }
    )
}

/// The questionnaire `wanted` names, for a command that reads one without a plan
/// (`outready questions`): a file, or an id from the catalog (by default the built-in
/// one). The same rules and messages as for a new plan.
pub fn questionnaire_named(catalog: &Catalog, wanted: Option<&str>) -> Result<Loaded> {
    match wanted {
        Some(wanted) if is_file_name(wanted) => load_questionnaire_file(wanted),
        _ => pick_questionnaire(catalog, wanted),
    }
}
