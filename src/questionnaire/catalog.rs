//! Where questionnaires come from: the built-in ones (embedded at build time from
//! `questionnaires/`), the user's folder in the data directory, and paths given on the
//! command line.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::embedded::{builtin_files, builtin_hashes};
use super::load::{self, Loaded};
use super::problem::Problem;
use super::validate::questionnaire_id_problem;

/// The questionnaire a new plan uses when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "it-outsourcing";

/// The built-in questionnaires as read, once per run.
static BUILTINS: OnceLock<Vec<Result<Loaded, Vec<Problem>>>> = OnceLock::new();

/// The built-in questionnaires (each read or its problems), read on first use.
fn builtins() -> &'static [Result<Loaded, Vec<Problem>>] {
    BUILTINS.get_or_init(|| {
        builtin_files()
            .iter()
            .enumerate()
            .map(|(index, (name, text))| {
                load::load_builtin(name, text, builtin_hashes().get(index).copied())
            })
            .collect()
    })
}

/// Every questionnaire available, and the problems of those that could not be loaded.
#[derive(Debug, Default)]
pub struct Catalog {
    pub entries: Vec<Loaded>,
    pub problems: Vec<Problem>,
}

impl Catalog {
    /// The built-in questionnaires, then those in `user_dir` (when it exists). A user's
    /// questionnaire with the id of a built-in one takes its place.
    pub fn load(user_dir: Option<&Path>) -> Catalog {
        let mut catalog = Catalog::default();
        for loaded in builtins() {
            catalog.add(loaded.clone());
        }
        if let Some(dir) = user_dir {
            for path in json_files_in(dir, &mut catalog.problems) {
                catalog.add(load::load_file(&path));
            }
        }
        catalog
    }

    fn add(&mut self, loaded: Result<Loaded, Vec<Problem>>) {
        match loaded {
            Ok(loaded) => self.insert(loaded),
            Err(problems) => self.problems.extend(problems),
        }
    }

    /// Adds a questionnaire, in place of any with the same id.
    pub fn insert(&mut self, loaded: Loaded) {
        self.entries
            .retain(|e| e.questionnaire.id != loaded.questionnaire.id);
        self.entries.push(loaded);
    }

    /// The questionnaire with this id.
    pub fn find(&self, id: &str) -> Option<&Loaded> {
        self.entries.iter().find(|e| e.questionnaire.id == id)
    }
}

/// Why a questionnaire a new plan answers could not be kept in the user's folder.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// The id cannot name a file (a checked questionnaire never has such an id).
    #[error("{0}")]
    BadId(String),
    /// The questionnaire did not come from a file read here.
    #[error("the questionnaire {0} was not read from a file, so there is nothing to copy")]
    NoText(String),
    /// The system refused.
    #[error("the questionnaire could not be copied to {}: {source}", .target.display())]
    Io {
        target: PathBuf,
        source: std::io::Error,
    },
}

/// Keeps a copy of a questionnaire read from a file in the user's questionnaire folder
/// as `ID.json`, so a plan on it opens next time without naming the file again. The copy
/// is the text that was read and checked (the file is not read again), written readable
/// by its owner only (0600) in a folder only its owner can enter (0700); an existing file
/// of that name is left as it is. Returns where the copy is, or None when one was there.
pub fn keep_copy(loaded: &Loaded, user_dir: &Path) -> Result<Option<PathBuf>, CopyError> {
    let id = &loaded.questionnaire.id;
    if let Some(problem) = questionnaire_id_problem(id) {
        return Err(CopyError::BadId(problem));
    }
    let target = user_dir.join(format!("{id}.json"));
    if target.exists() || Path::new(&loaded.origin) == target {
        return Ok(None);
    }
    let Some(text) = &loaded.text else {
        return Err(CopyError::NoText(loaded.origin.clone()));
    };
    let io = |source| CopyError::Io {
        target: target.clone(),
        source,
    };
    crate::plan::fs::create_private_dir(user_dir).map_err(io)?;
    // A temporary file is created 0600; renamed into place only if no file took the
    // name meanwhile.
    let mut temp = tempfile::Builder::new()
        .prefix(".outready-questionnaire.")
        .suffix(".tmp")
        .tempfile_in(user_dir)
        .map_err(io)?;
    temp.write_all(text.as_bytes()).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    match temp.persist_noclobber(&target) {
        Ok(_) => Ok(Some(target)),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(None),
        Err(e) => Err(io(e.error)),
    }
}

/// The `.json` files directly in `dir`, sorted by name. A folder that does not exist has
/// none; one that cannot be read is a problem.
fn json_files_in(dir: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            let mut problem = Problem::at("", format!("the folder cannot be read: {e}"));
            problem.file = dir.display().to_string();
            problems.push(problem);
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
        .collect();
    paths.sort();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_file_passes_every_check_and_its_hash_is_its_content_hash() {
        // Starting skips these checks for built-in files: they happen here instead, on
        // the files as they are in the repository; what is embedded must read the same.
        assert_eq!(builtin_files().len(), builtin_hashes().len());
        for ((name, embedded), hash) in builtin_files().iter().zip(builtin_hashes()) {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("questionnaires")
                .join(name);
            let text = std::fs::read_to_string(&path).unwrap();
            let checked = load::load_text(name, &text, true);
            assert!(checked.is_ok(), "{name}: {:?}", checked.err());
            assert_eq!(*hash, load::content_hash(&text), "{name}");
            assert!(
                embedded.len() < text.len(),
                "{name} is embedded without indentation"
            );
            let started = load::load_builtin(name, embedded, Some(hash)).unwrap();
            assert_eq!(
                started.questionnaire,
                checked.unwrap().questionnaire,
                "{name}"
            );
        }
    }
}
