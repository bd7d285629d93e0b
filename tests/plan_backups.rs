//! Saving plans: the version a save replaces is kept as a backup, a few earlier ones
//! rotate, the newest good backup is found past damaged ones, files stay private, a save
//! that fails leaves nothing half-written, and a huge plan works or is refused at once.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use outready::answer::{Answer, Value};
use outready::plan::backup::{backups_of, move_aside, newest_good};
use outready::plan::store::load_path;
use outready::plan::{BackupPolicy, Plan, PlanError, PlanName, PlanStore};
use outready::questionnaire::load::load_text;

const SMALL: &str = include_str!("fixtures/questionnaires/valid/small.json");

fn plan(name: &str) -> Plan {
    let loaded = load_text("small.json", SMALL, false).expect("test setup");
    let now: Timestamp = "2026-11-22T10:00:00Z".parse().expect("test setup");
    Plan::new(&PlanName::new(name).expect("test setup"), &loaded, now)
}

fn with_staff(mut plan: Plan, staff: f64) -> Plan {
    let now = plan.updated;
    plan.set_answer("staff", Answer::answered(Value::Number(staff)), now);
    plan
}

fn staff_of(path: &Path) -> f64 {
    let plan = load_path(path).expect("a saved plan loads");
    plan.answer("staff")
        .and_then(|a| a.value.as_ref())
        .and_then(Value::as_number)
        .expect("the plan has a staff number")
}

fn every_save() -> BackupPolicy {
    BackupPolicy {
        every: Duration::ZERO,
        keep: 3,
    }
}

#[test]
fn each_save_keeps_the_version_it_replaces() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path());
    let path = store.save(&with_staff(plan("Acme"), 1.0)).unwrap();
    assert!(
        backups_of(&path).is_empty(),
        "a first save replaces nothing"
    );
    store.save(&with_staff(plan("Acme"), 2.0)).unwrap();
    let previous = store.dir().join("backups/acme.previous.json");
    assert_eq!(staff_of(&previous), 1.0);
    store.save(&with_staff(plan("Acme"), 3.0)).unwrap();
    assert_eq!(staff_of(&previous), 2.0);
    assert_eq!(staff_of(&path), 3.0);
    // The default policy took one rotated backup (the first replaced version) and no more.
    assert_eq!(backups_of(&path).len(), 2);
}

#[test]
fn earlier_versions_rotate_and_only_the_newest_few_are_kept() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path()).with_backups(every_save());
    let mut path = store.dir().to_path_buf();
    for staff in 1..=10 {
        path = store
            .save(&with_staff(plan("Acme"), f64::from(staff)))
            .unwrap();
        // Distinct modification times, so "newest" is well defined on any file system.
        std::thread::sleep(Duration::from_millis(15));
    }
    let backups = backups_of(&path);
    assert_eq!(
        backups.len(),
        4,
        "the previous version and three rotated: {backups:?}"
    );
    let mut kept: Vec<f64> = backups.iter().map(|b| staff_of(b)).collect();
    kept.sort_by(f64::total_cmp);
    assert_eq!(kept, vec![7.0, 8.0, 9.0, 9.0]);
    // Other plans' backups are their own.
    let other = store.save(&with_staff(plan("Acme Ltd"), 5.0)).unwrap();
    store.save(&with_staff(plan("Acme Ltd"), 6.0)).unwrap();
    assert_eq!(backups_of(&other).len(), 2);
    assert_eq!(backups_of(&path).len(), 4);
}

#[test]
fn the_newest_good_backup_is_found_past_damaged_ones() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path()).with_backups(every_save());
    let mut path = store.dir().to_path_buf();
    for staff in 1..=3 {
        path = store
            .save(&with_staff(plan("Acme"), f64::from(staff)))
            .unwrap();
        std::thread::sleep(Duration::from_millis(15));
    }
    assert_eq!(staff_of(&newest_good(&path).unwrap().path), 2.0);
    // The previous version damaged too (written in place, as a failing disk might).
    fs::write(store.dir().join("backups/acme.previous.json"), "{\"format_").unwrap();
    let good = newest_good(&path).unwrap();
    assert_eq!(
        good.plan.answer("staff").unwrap().value,
        Some(Value::Number(2.0))
    );
    assert!(!good.path.ends_with("acme.previous.json"));
}

#[test]
fn a_damaged_file_moves_aside_under_a_name_with_the_time() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path());
    let path = store.save(&plan("Acme")).unwrap();
    fs::write(&path, "garbage").unwrap();
    let first = move_aside(&path).unwrap();
    assert!(!path.exists());
    let name = first.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("acme.damaged-") && name.ends_with(".json"),
        "{name}"
    );
    assert_eq!(fs::read_to_string(&first).unwrap(), "garbage");
    // A second one in the same second gets its own name; neither is overwritten.
    fs::write(&path, "more garbage").unwrap();
    let second = move_aside(&path).unwrap();
    assert_ne!(first, second);
    assert_eq!(fs::read_to_string(&first).unwrap(), "garbage");
    // Moved-aside files are not plans.
    assert!(store.list().unwrap().is_empty());
}

#[cfg(unix)]
#[test]
fn plans_backups_and_their_folders_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path()).with_backups(every_save());
    let path = store.save(&plan("Acme")).unwrap();
    store.save(&with_staff(plan("Acme"), 2.0)).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&store.dir().join("backups")), 0o700);
    assert_eq!(mode(&path), 0o600);
    let backups = backups_of(&path);
    assert_eq!(backups.len(), 2);
    for backup in backups {
        assert_eq!(mode(&backup), 0o600, "{}", backup.display());
    }
}

#[test]
fn a_save_that_fails_leaves_the_old_plan_and_nothing_half_written() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path());
    let path = store.save(&with_staff(plan("Acme"), 1.0)).unwrap();
    // A folder where the file should go: the rename fails, whoever runs the test.
    let blocked = store.dir().join("blocked.json");
    fs::create_dir(&blocked).unwrap();
    let error = store
        .save_at(&blocked, &with_staff(plan("Acme"), 2.0))
        .unwrap_err();
    assert!(matches!(error, PlanError::Save { .. }), "{error:?}");
    assert!(error.to_string().contains("blocked.json"), "{error}");
    let leftovers: Vec<_> = fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(staff_of(&path), 1.0);
    // A path outside the plans folder is refused before anything is written.
    let outside = data.path().join("elsewhere.json");
    assert!(store.save_at(&outside, &plan("Acme")).is_err());
    assert!(!outside.exists());
}

#[test]
fn a_plan_file_too_large_is_refused_at_once_and_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path());
    fs::create_dir_all(store.dir()).unwrap();
    let path = store.dir().join("huge.json");
    // A sparse file: large to the system, nothing to read.
    fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let started = Instant::now();
    let error = load_path(&path).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        error
            .to_string()
            .contains("is 200 MB, more than the 64 MB a plan file can be"),
        "{error}"
    );
    assert_eq!(fs::metadata(&path).unwrap().len(), 200 * 1024 * 1024);
}

#[test]
fn a_50_mb_plan_loads_and_saves() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path());
    let mut big = plan("Big");
    let now = big.updated;
    let note = "n".repeat(10_000);
    for i in 0..5_000 {
        let mut answer = Answer::answered(Value::Text(format!("answer {i}")));
        answer.note = Some(note.clone());
        big.set_answer(&format!("q{i}"), answer, now);
    }
    let started = Instant::now();
    let path = store.save(&big).unwrap();
    assert!(fs::metadata(&path).unwrap().len() > 50_000_000);
    let loaded = load_path(&path).unwrap();
    assert_eq!(loaded, big);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}
