//! Where questionnaires come from: the built-in ones (embedded at build time from
//! `questionnaires/`), the user's folder in the data directory, and paths given on the
//! command line.

use std::path::{Path, PathBuf};

use super::load::{self, Loaded};
use super::problem::Problem;

/// The questionnaire a new plan uses when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "it-outsourcing";

/// The built-in questionnaire files: (file name, text).
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    include!(concat!(env!("OUT_DIR"), "/builtin_questionnaires.rs"))
}

/// The content hash of each built-in file, in the order of [`builtin_files`], worked out
/// at build time so that starting does not hash them again.
fn builtin_hashes() -> &'static [&'static str] {
    include!(concat!(env!("OUT_DIR"), "/builtin_hashes.rs"))
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
        for (index, (name, text)) in builtin_files().iter().enumerate() {
            catalog.add(load::load_builtin(
                name,
                text,
                builtin_hashes().get(index).copied(),
            ));
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
