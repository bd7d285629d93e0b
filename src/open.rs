//! Which plan a front end opens and which questionnaire it answers: the most recent plan,
//! one named on the command line, or a new one on the questionnaire asked for. Shared by
//! the terminal wizard and plain mode; reads the disk, draws nothing.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use jiff::Timestamp;

use crate::data_dir;
use crate::plan::change::{self, QuestionnaireChange};
use crate::plan::store::load_path;
use crate::plan::{Acquired, Plan, PlanError, PlanLock, PlanName, PlanStore};
use crate::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, Loaded, load};

/// What the command line points at: a plan file (read, or why it cannot be), or a new
/// plan on a questionnaire; with where plans live and every questionnaire known.
pub struct Found {
    pub store: PlanStore,
    pub catalog: Catalog,
    /// The user's questionnaire folder.
    pub user_dir: PathBuf,
    pub target: Target,
}

/// The plan a front end is to open.
pub enum Target {
    /// A plan file: its plan, or why it cannot be read (a damaged file is the caller's to
    /// explain; it is never written over), and this process's attempt at its lock.
    File {
        path: PathBuf,
        plan: Result<Plan, PlanError>,
        lock: io::Result<Acquired>,
    },
    /// No plan yet: a new one (named as asked, or not yet) on this questionnaire.
    New { loaded: Box<Loaded>, plan: Plan },
}

/// Finds the plan to open (`plan` by name, else the most recent one) or the one to
/// create, on the questionnaire `questionnaire` names (an id or a file; by default the
/// built-in one).
pub fn find(data_dir: &Path, plan: Option<&str>, questionnaire: Option<&str>) -> Result<Found> {
    let store = PlanStore::in_data_dir(data_dir);
    let user_dir = data_dir::questionnaires_dir(data_dir);
    // The questionnaires are read while the plan is found and its lock taken: neither
    // needs the other yet.
    let (catalog, chosen) = std::thread::scope(|scope| {
        let catalog = scope.spawn(|| Catalog::load(Some(&user_dir)));
        let chosen = choose_file(&store, plan).map(|found| {
            found.map(|(path, plan)| {
                let lock = PlanLock::acquire(&path);
                (path, plan, lock)
            })
        });
        (catalog.join(), chosen)
    });
    let mut catalog = catalog.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let from_file = match questionnaire {
        Some(wanted) if is_file_name(wanted) => {
            let loaded = load_questionnaire_file(wanted)?;
            catalog.insert(loaded.clone());
            Some(loaded)
        }
        _ => None,
    };
    let target = match chosen? {
        Some((path, plan, lock)) => Target::File { path, plan, lock },
        None => {
            let loaded = match from_file {
                Some(loaded) => {
                    keep_copy(&loaded, &user_dir)?;
                    loaded
                }
                None => pick_questionnaire(&catalog, questionnaire)?,
            };
            let mut fresh = Plan::new(
                &PlanName::new("new").context("a plan name")?,
                &loaded,
                Timestamp::now(),
            );
            fresh.name = plan.map(str::to_string).unwrap_or_default();
            Target::New {
                loaded: Box::new(loaded),
                plan: fresh,
            }
        }
    };
    Ok(Found {
        store,
        catalog,
        user_dir,
        target,
    })
}

/// The questionnaire a saved plan answers, or why it is not available.
pub fn questionnaire_for(catalog: &Catalog, user_dir: &Path, plan: &Plan) -> Result<Loaded> {
    catalog.find(&plan.questionnaire.id).cloned().with_context(|| {
        format!(
            "the plan \"{}\" answers the questionnaire \"{}\", which is not available: put its file in {}",
            plan.name,
            plan.questionnaire.id,
            user_dir.display()
        )
    })
}

/// A plan ready to answer, for a front end that offers no recovery of a damaged file.
pub struct Opened {
    pub store: PlanStore,
    pub catalog: Catalog,
    pub loaded: Loaded,
    /// The plan; a new one has the name asked for on the command line, or an empty one.
    pub plan: Plan,
    /// Whether the plan has no file yet.
    pub is_new: bool,
    /// The plan's file, when it has one.
    pub path: Option<PathBuf>,
    /// This process's attempt at the plan file's lock, when it has a file.
    pub lock: Option<io::Result<Acquired>>,
    /// What changed in the questionnaire since the plan last saved, said once.
    pub note: Option<String>,
}

/// Opens the plan the command line points at; a damaged plan file is an error.
pub fn open(data_dir: &Path, plan: Option<&str>, questionnaire: Option<&str>) -> Result<Opened> {
    let Found {
        store,
        catalog,
        user_dir,
        target,
    } = find(data_dir, plan, questionnaire)?;
    let (loaded, mut plan, path, lock) = match target {
        Target::File {
            plan: Err(error), ..
        } => return Err(error.into()),
        Target::File {
            path,
            plan: Ok(plan),
            lock,
        } => (
            questionnaire_for(&catalog, &user_dir, &plan)?,
            plan,
            Some(path),
            Some(lock),
        ),
        Target::New { loaded, plan } => (*loaded, plan, None, None),
    };
    let is_new = path.is_none();
    let note = record_questionnaire(&loaded, &mut plan, is_new).map(|c| c.summary());
    Ok(Opened {
        store,
        catalog,
        loaded,
        plan,
        is_new,
        path,
        lock,
        note,
    })
}

/// The plan file asked for by name (None when it does not exist yet), or else the most
/// recent one (None when there is none), with its plan or why it cannot be read.
pub fn choose_file(
    store: &PlanStore,
    plan: Option<&str>,
) -> Result<Option<(PathBuf, Result<Plan, PlanError>)>> {
    match plan {
        Some(name) => {
            let name = PlanName::new(name)
                .with_context(|| format!("the plan name \"{name}\" cannot be used"))?;
            let path = store.path_for(&name);
            Ok(path.exists().then(|| {
                let plan = load_path(&path);
                (path, plan)
            }))
        }
        None => Ok(store
            .list()?
            .into_iter()
            .next()
            .map(|entry| (entry.path, entry.plan))),
    }
}

/// Records the questionnaire as it is now in the plan (version, hash, question ids).
/// For a plan saved before, returns what changed since, to tell the user once; answers
/// carry over by question id.
pub fn record_questionnaire(
    loaded: &Loaded,
    plan: &mut Plan,
    is_new: bool,
) -> Option<QuestionnaireChange> {
    let change = change::detect(plan, loaded).filter(|_| !is_new);
    change::record(plan, loaded);
    change
}

/// The file stems of the plans that exist, so a new plan never takes one's place.
pub fn taken_stems(store: &PlanStore) -> HashSet<String> {
    // File names are enough: a damaged plan's name is taken too, and nothing is parsed.
    store
        .files()
        .unwrap_or_default()
        .iter()
        .filter_map(|path| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect()
}

/// Whether `--questionnaire` names a file rather than an id.
fn is_file_name(wanted: &str) -> bool {
    let path = Path::new(wanted);
    path.extension().is_some_and(|x| x == "json") || path.is_file()
}

fn load_questionnaire_file(wanted: &str) -> Result<Loaded> {
    load::load_file(Path::new(wanted)).map_err(|problems| {
        let first = problems.first().map(ToString::to_string).unwrap_or_default();
        anyhow::anyhow!(
            "the questionnaire {wanted} has {} problem(s), the first: {first} (run `outready validate {wanted}` to see all)",
            problems.len()
        )
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
