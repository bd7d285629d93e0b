//! Conflict copies that sync tools leave in the plans folder, recognised by their names:
//! Syncthing's `NAME.sync-conflict-YYYYMMDD-HHMMSS-ID.json`, Dropbox's `NAME (… conflicted
//! copy YYYY-MM-DD).json`, Nextcloud's and ownCloud's `NAME (conflicted copy …).json`.
//! A copy is no plan of its own: it is listed as a copy of its plan, merged into it, and
//! then moved to `plans/merged/`, never deleted.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::store::PlanStore;

/// The folder in `plans/` merged conflict copies are moved to.
pub const MERGED_FOLDER: &str = "merged";

/// The sync tool that made a conflict copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncTool {
    Syncthing,
    Dropbox,
    /// Nextcloud or ownCloud.
    Nextcloud,
}

/// What a conflict copy's file name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictName {
    /// The file stem of the plan it is a copy of.
    pub stem: String,
    /// The day the copy was made, when the name says it.
    pub date: Option<Date>,
    pub tool: SyncTool,
}

/// Reads a file name as a conflict copy's; None for any other name.
pub fn parse(file_name: &str) -> Option<ConflictName> {
    let inner = file_name.strip_suffix(".json")?;
    if let Some((stem, rest)) = inner.split_once(".sync-conflict-") {
        let day = rest.get(..8)?;
        let date = date_of(day.get(..4)?, day.get(4..6)?, day.get(6..8)?)?;
        return named(stem, Some(date), SyncTool::Syncthing);
    }
    let open = inner.rfind(" (")?;
    let (stem, tail) = inner.split_at(open);
    let words = tail.strip_prefix(" (")?.strip_suffix(')')?;
    let date = first_date(words);
    if words.starts_with("conflicted copy") {
        named(stem, date, SyncTool::Nextcloud)
    } else if words.contains("conflicted copy") {
        named(stem, date, SyncTool::Dropbox)
    } else {
        None
    }
}

fn named(stem: &str, date: Option<Date>, tool: SyncTool) -> Option<ConflictName> {
    (!stem.trim().is_empty()).then(|| ConflictName {
        stem: stem.to_string(),
        date,
        tool,
    })
}

fn date_of(year: &str, month: &str, day: &str) -> Option<Date> {
    let number = |s: &str| -> Option<i16> {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    Date::new(
        number(year)?,
        i8::try_from(number(month)?).ok()?,
        i8::try_from(number(day)?).ok()?,
    )
    .ok()
}

/// The first `YYYY-MM-DD` in the words.
fn first_date(words: &str) -> Option<Date> {
    let bytes = words.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|at| {
        let s = words.get(at..at + 10)?;
        (s.as_bytes().get(4) == Some(&b'-') && s.as_bytes().get(7) == Some(&b'-'))
            .then(|| date_of(s.get(..4)?, s.get(5..7)?, s.get(8..10)?))?
    })
}

/// Whether a path is a conflict copy's.
pub fn is_conflict_copy(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(parse)
        .is_some()
}

/// One conflict copy found in the plans folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    pub path: PathBuf,
    /// The file of the plan it is a copy of (which may be gone).
    pub plan_file: PathBuf,
    pub name: ConflictName,
}

impl ConflictCopy {
    /// "a conflicting copy of Acme from 12 March exists", with the plan's real name.
    pub fn describe(&self, plan_name: &str) -> String {
        match self.name.date {
            Some(date) => format!(
                "a conflicting copy of {plan_name} from {} exists",
                date.strftime("%-d %B")
            ),
            None => format!("a conflicting copy of {plan_name} exists"),
        }
    }

    /// The command that merges it into its plan.
    pub fn merge_command(&self) -> String {
        format!("outready merge --conflicts {}", self.name.stem)
    }
}

/// The conflict copies in the plans folder, by file name.
pub fn copies(store: &PlanStore) -> Vec<ConflictCopy> {
    let Ok(entries) = fs::read_dir(store.dir()) else {
        return Vec::new();
    };
    let mut found: Vec<ConflictCopy> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        // The name first: only a file named as a copy is worth asking the disk about
        // (a folder of fifty plans is otherwise fifty more calls at every start).
        .filter_map(|path| {
            let name = parse(path.file_name()?.to_str()?)?;
            path.is_file().then_some(())?;
            Some(ConflictCopy {
                plan_file: store.dir().join(format!("{}.json", name.stem)),
                path,
                name,
            })
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// The conflict copies of the plan in this file.
pub fn copies_of(store: &PlanStore, plan_file: &Path) -> Vec<ConflictCopy> {
    copies(store)
        .into_iter()
        .filter(|c| c.plan_file == plan_file)
        .collect()
}

/// Moves a merged copy to `plans/merged/` (a file there of its name is never replaced:
/// a number is added). Returns where it went.
pub fn set_aside(store: &PlanStore, copy: &Path) -> io::Result<PathBuf> {
    let folder = store.dir().join(MERGED_FOLDER);
    super::fs::create_private_dir(&folder)?;
    let file_name = copy
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut target = folder.join(&file_name);
    let mut n = 2;
    while target.exists() {
        target = folder.join(format!("{n}-{file_name}"));
        n += 1;
    }
    fs::rename(copy, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn conflict_names_of_each_tool_and_plain_names() {
        type Wanted<'a> = Option<(&'a str, Option<Date>, SyncTool)>;
        let cases: Vec<(&str, Wanted)> = vec![
            (
                "acme.sync-conflict-20260312-101500-ABCDEFG.json",
                Some(("acme", Some(date(2026, 3, 12)), SyncTool::Syncthing)),
            ),
            (
                "acme (Ann's conflicted copy 2026-03-12).json",
                Some(("acme", Some(date(2026, 3, 12)), SyncTool::Dropbox)),
            ),
            (
                "provider-a (conflicted copy 2026-03-12 101500).json",
                Some(("provider-a", Some(date(2026, 3, 12)), SyncTool::Nextcloud)),
            ),
            (
                "acme (conflicted copy).json",
                Some(("acme", None, SyncTool::Nextcloud)),
            ),
            ("acme.json", None),
            ("acme (2).json", None),
            ("acme.sync-conflict-2026.json", None),
            ("acme.sync-conflict-20261399-101500-X.json", None),
            (" (conflicted copy 2026-03-12).json", None),
            ("acme (conflicted copy 2026-03-12).txt", None),
        ];
        for (file, wanted) in cases {
            let got = parse(file).map(|c| (c.stem, c.date, c.tool));
            let wanted = wanted.map(|(s, d, t)| (s.to_string(), d, t));
            assert_eq!(got, wanted, "{file}");
        }
    }

    #[test]
    fn a_copy_is_described_by_its_plan_and_day_and_set_aside_never_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(dir.path());
        fs::create_dir_all(store.dir()).unwrap();
        let copy = store
            .dir()
            .join("acme.sync-conflict-20260312-101500-X.json");
        fs::write(&copy, "{}").unwrap();
        let found = copies(&store);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].plan_file, store.dir().join("acme.json"));
        assert_eq!(
            found[0].describe("Acme"),
            "a conflicting copy of Acme from 12 March exists"
        );
        let first = set_aside(&store, &copy).unwrap();
        fs::write(&copy, "{\"again\":1}").unwrap();
        let second = set_aside(&store, &copy).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(first).unwrap(), "{}");
        assert_eq!(fs::read_to_string(second).unwrap(), "{\"again\":1}");
        assert!(copies(&store).is_empty());
    }
}
