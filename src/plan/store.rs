//! Plan files on disk: one JSON file per plan in `<data dir>/plans/`. Saves are atomic
//! (temporary file in the same folder, synced, renamed over the old one, the folder
//! synced) and keep the version they replace as a backup; a file that cannot be read is
//! reported and never overwritten.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::Plan;
use super::backup::{self, BackupPolicy};
use super::fs::{create_private_dir, sync_dir};
use super::lock::{Acquired, PlanLock};
use super::name::PlanName;
use super::read::is_plan_file;

pub use super::error::PlanError;
pub use super::read::load_path;

/// One plan file found in the folder: its plan, or why it could not be read.
#[derive(Debug)]
pub struct PlanEntry {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    pub plan: Result<Plan, PlanError>,
}

/// The folder of plan files.
#[derive(Debug, Clone)]
pub struct PlanStore {
    dir: PathBuf,
    backups: BackupPolicy,
}

impl PlanStore {
    /// The plans of a data directory (`<data dir>/plans`). Nothing is created until a save.
    pub fn in_data_dir(data_dir: &Path) -> PlanStore {
        PlanStore {
            dir: data_dir.join("plans"),
            backups: BackupPolicy::default(),
        }
    }

    /// The data directory the plans folder is in.
    pub fn data_dir(&self) -> &Path {
        self.dir.parent().unwrap_or(&self.dir)
    }

    /// The same folder with another backup policy (tests take one every save).
    pub fn with_backups(mut self, policy: BackupPolicy) -> PlanStore {
        self.backups = policy;
        self
    }

    /// The folder the plan files live in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file a plan of this name is stored in.
    pub fn path_for(&self, name: &PlanName) -> PathBuf {
        self.dir.join(format!("{}.json", name.stem()))
    }

    /// Whether a plan of this name has a file.
    pub fn exists(&self, name: &PlanName) -> bool {
        self.path_for(name).exists()
    }

    /// Loads the plan of this name.
    pub fn load(&self, name: &PlanName) -> Result<Plan, PlanError> {
        let path = self.path_for(name);
        if !path.exists() {
            return Err(PlanError::NotFound {
                name: name.as_str().to_string(),
            });
        }
        load_path(&path)
    }

    /// The plan files in the folder, unread, in no particular order. A missing folder
    /// has none.
    pub fn files(&self) -> Result<Vec<PathBuf>, PlanError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(cause) => {
                return Err(PlanError::Read {
                    path: self.dir.clone(),
                    cause,
                });
            }
        };
        Ok(entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| is_plan_file(p))
            // A sync tool's conflict copy is no plan of its own (see `conflict`).
            .filter(|p| !super::conflict::is_conflict_copy(p))
            .collect())
    }

    /// The plan file changed last, unread; None when there is none.
    pub fn most_recent(&self) -> Result<Option<PathBuf>, PlanError> {
        let modified = |p: &PathBuf| fs::metadata(p).and_then(|m| m.modified()).ok();
        let mut files: Vec<(Option<SystemTime>, PathBuf)> = self
            .files()?
            .into_iter()
            .map(|p| (modified(&p), p))
            .collect();
        // The same order as `list`: newest first, then by file name.
        files.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(files.into_iter().next().map(|(_, p)| p))
    }

    /// Every plan file in the folder, read, newest change first. A missing folder has
    /// none.
    pub fn list(&self) -> Result<Vec<PlanEntry>, PlanError> {
        let mut plans: Vec<PlanEntry> = self
            .files()?
            .into_iter()
            .map(|path| PlanEntry {
                modified: fs::metadata(&path).and_then(|m| m.modified()).ok(),
                plan: load_path(&path),
                path,
            })
            .collect();
        plans.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
        Ok(plans)
    }

    /// Writes the plan atomically to the file of its name: a crash at any moment leaves
    /// the old file or the new one, never a mix. Returns the file written. Without the
    /// lock, and by name: for tools and tests that make plans. A front end saves through
    /// the `PlanFile` it opened, to the file it read.
    pub fn save(&self, plan: &Plan) -> Result<PathBuf, PlanError> {
        let name = PlanName::new(&plan.name)?;
        let path = self.path_for(&name);
        self.save_at(&path, plan)?;
        Ok(path)
    }

    /// Writes the plan atomically to `path`, a file in this folder (the one it was read
    /// from, whatever name it holds now). The file it replaces becomes the previous
    /// version in `backups/`; a failure leaves no temporary file behind.
    pub fn save_at(&self, path: &Path, plan: &Plan) -> Result<(), PlanError> {
        let failed = |cause: io::Error| PlanError::Save {
            path: path.to_path_buf(),
            cause,
        };
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|_| path.parent() == Some(self.dir.as_path()) && is_json(path))
            .ok_or_else(|| {
                failed(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "plans are only saved as .json files in the plans folder",
                ))
            })?;
        create_private_dir(&self.dir).map_err(failed)?;
        // The temporary file is deleted when dropped, so an error on any step below
        // leaves nothing half-written behind.
        let mut temp = tempfile::Builder::new()
            .prefix(&format!(".{stem}."))
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(failed)?;
        {
            let mut writer = BufWriter::new(temp.as_file_mut());
            serde_json::to_writer_pretty(&mut writer, plan)
                .map_err(io::Error::from)
                .map_err(failed)?;
            writer.write_all(b"\n").map_err(failed)?;
            writer.flush().map_err(failed)?;
        }
        temp.as_file().sync_all().map_err(failed)?;
        // A backup that cannot be made does not stop the save: the answers matter more.
        let _ = backup::keep_previous(path, &self.backups);
        temp.persist(path).map_err(|e| failed(e.error))?;
        sync_dir(&self.dir);
        Ok(())
    }

    /// Removes the temporary files crashed saves left in the folder and its backups:
    /// those of each plan whose lock can be taken now (a plan open elsewhere may be
    /// saving, and keeps its own). Whichever front end opens the folder next calls this.
    pub fn sweep_temporaries(&self) {
        let folders = [self.dir.clone(), self.dir.join(backup::BACKUPS_FOLDER)];
        let mut found: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
        for dir in &folders {
            let Ok(entries) = fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name();
                let Some(stem) = name.to_str().and_then(temporary_of) else {
                    continue;
                };
                found
                    .entry(stem.to_string())
                    .or_default()
                    .push(entry.path());
            }
        }
        for (stem, files) in found {
            let plan = self.dir.join(format!("{stem}.json"));
            if let Ok(Acquired::Locked(_lock)) = PlanLock::acquire(&plan) {
                for file in files {
                    let _ = fs::remove_file(file);
                }
            }
        }
    }
}

/// The plan stem a temporary file (`.STEM.XXXXXX.tmp`) was made for, if it is one.
fn temporary_of(file_name: &str) -> Option<&str> {
    let inner = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (stem, _) = inner.split_once('.')?;
    (!stem.is_empty()).then_some(stem)
}

fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, AnswerState, Value};
    use crate::plan::{PLAN_FORMAT_VERSION, Position, QuestionnaireRef};
    use jiff::Timestamp;

    fn plan(name: &str) -> Plan {
        let now: Timestamp = "2026-11-22T10:00:00Z".parse().unwrap();
        Plan {
            format_version: PLAN_FORMAT_VERSION,
            name: name.to_string(),
            questionnaire: QuestionnaireRef {
                id: "small".into(),
                version: "1.0.0".into(),
                hash: "sha256:00".into(),
                questions: Vec::new(),
            },
            created: now,
            updated: now,
            position: Position {
                question: Some("outcomes".into()),
            },
            answers: Default::default(),
            actions: Vec::new(),
            participants: Vec::new(),
            positions: Default::default(),
            history: Vec::new(),
            currency: None,
            agenda: None,
            extra: Default::default(),
        }
    }

    #[test]
    fn save_then_load_gives_the_same_plan() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        let mut plan = plan("Acme Ltd");
        let now = plan.updated;
        plan.set_answer("problem", Answer::answered(Value::Text("yes".into())), now);
        plan.set_answer(
            "outsourced",
            Answer::answered(Value::List(vec!["a".into()])),
            now,
        );
        plan.set_answer("budget", Answer::answered(Value::Number(1234.5)), now);
        plan.set_answer("gone-question", Answer::in_state(AnswerState::Unsure), now);
        plan.actions.push(crate::plan::Action {
            recommendation: "write-problem".into(),
            question: "problem".into(),
            text: None,
            find_out: false,
            owner: "Sam Patel".into(),
            due: Some(jiff::civil::date(2026, 12, 1)),
            status: crate::plan::ActionStatus::InProgress,
            accepted: now,
            extra: Default::default(),
        });
        let path = store.save(&plan).unwrap();
        assert_eq!(path, dir.path().join("plans/acme-ltd.json"));
        let name = PlanName::new("Acme Ltd").unwrap();
        assert_eq!(store.load(&name).unwrap(), plan);
    }

    #[test]
    fn unknown_fields_and_answers_survive_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        let mut value = serde_json::to_value(plan("x")).unwrap();
        value["future_field"] = serde_json::json!({"kept": true});
        value["answers"]["old-id"] =
            serde_json::json!({"state": "answered", "value": "yes", "future": 1});
        fs::create_dir_all(store.dir()).unwrap();
        let path = store.dir().join("x.json");
        fs::write(&path, serde_json::to_vec(&value).unwrap()).unwrap();
        let loaded = load_path(&path).unwrap();
        store.save(&loaded).unwrap();
        let written: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(written["future_field"], serde_json::json!({"kept": true}));
        assert_eq!(written["answers"]["old-id"]["future"], 1);
        assert_eq!(written["answers"]["old-id"]["value"], "yes");
    }

    #[test]
    fn a_damaged_file_is_reported_with_its_place_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        fs::create_dir_all(store.dir()).unwrap();
        let path = store.dir().join("broken.json");
        fs::write(
            &path,
            "{\n  \"format_version\": 1,\n  \"name\": \"broken\",\n  oops\n}",
        )
        .unwrap();
        let error = load_path(&path).unwrap_err();
        match &error {
            PlanError::Damaged { line, column, .. } => assert_eq!((*line, *column), (4, 3)),
            other => panic!("expected damaged, got {other:?}"),
        }
        assert!(
            error
                .to_string()
                .contains("broken.json is damaged at line 4, column 3")
        );
        assert!(fs::read_to_string(&path).unwrap().contains("oops"));
    }

    #[test]
    fn a_newer_format_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.json");
        fs::write(&path, r#"{"format_version": 7, "whatever": []}"#).unwrap();
        let error = load_path(&path).unwrap_err();
        assert!(
            matches!(error, PlanError::TooNew { found: 7, .. }),
            "{error:?}"
        );
        assert!(error.to_string().contains("made by a newer outready"));
    }

    #[test]
    fn listing_skips_temporary_files_and_reports_damaged_ones() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        assert!(store.list().unwrap().is_empty(), "no folder yet: no plans");
        store.save(&plan("One")).unwrap();
        fs::write(store.dir().join(".one.123.tmp"), "{").unwrap();
        fs::write(store.dir().join("two.json"), "").unwrap();
        let entries = store.list().unwrap();
        assert_eq!(entries.len(), 2);
        let good = entries.iter().filter(|e| e.plan.is_ok()).count();
        assert_eq!(good, 1);
    }

    #[test]
    fn a_missing_plan_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        let error = store.load(&PlanName::new("Nope").unwrap()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "there is no plan named \"Nope\" (run `outready list` to see the plans)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn plan_files_and_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        let path = store.save(&plan("Private")).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(store.dir()), 0o700);
    }
}
