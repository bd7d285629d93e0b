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

const SMALL: &str = include_str!("../fixtures/questionnaires/valid/small.json");

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

#[test]
fn backups_are_numbered_in_order_and_a_future_file_time_does_not_stop_rotation() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path()).with_backups(every_save());
    let path = store.save(&with_staff(plan("Acme"), 1.0)).unwrap();
    store.save(&with_staff(plan("Acme"), 2.0)).unwrap();
    let first = store.dir().join("backups/acme.000001.json");
    assert_eq!(staff_of(&first), 1.0, "rotated backups are numbered");
    // A clock once a year ahead dated this backup in the future.
    let ahead = std::time::SystemTime::now() + Duration::from_secs(365 * 24 * 3600);
    fs::File::options()
        .write(true)
        .open(&first)
        .unwrap()
        .set_modified(ahead)
        .unwrap();
    for staff in 3..=6 {
        store
            .save(&with_staff(plan("Acme"), f64::from(staff)))
            .unwrap();
    }
    assert!(
        !first.exists(),
        "the oldest by number is dropped, whatever its time"
    );
    let names: Vec<String> = backups_of(&path)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "acme.previous.json",
            "acme.000005.json",
            "acme.000004.json",
            "acme.000003.json"
        ]
    );
    // The recovery offers the newest by number: the previous version, not the future one.
    fs::write(&path, "{").unwrap();
    assert_eq!(staff_of(&newest_good(&path).unwrap().path), 5.0);
}

#[test]
fn a_rotation_is_due_when_the_newest_backup_is_dated_in_the_future() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path()).with_backups(BackupPolicy {
        every: Duration::from_secs(600),
        keep: 3,
    });
    let path = store.save(&with_staff(plan("Acme"), 1.0)).unwrap();
    store.save(&with_staff(plan("Acme"), 2.0)).unwrap();
    let first = store.dir().join("backups/acme.000001.json");
    let ahead = std::time::SystemTime::now() + Duration::from_secs(365 * 24 * 3600);
    fs::File::options()
        .write(true)
        .open(&first)
        .unwrap()
        .set_modified(ahead)
        .unwrap();
    store.save(&with_staff(plan("Acme"), 3.0)).unwrap();
    assert_eq!(staff_of(&store.dir().join("backups/acme.000002.json")), 2.0);
    // Dated now, the next one waits its ten minutes.
    store.save(&with_staff(plan("Acme"), 4.0)).unwrap();
    assert_eq!(backups_of(&path).len(), 3);
}

#[test]
fn backups_named_by_time_by_an_earlier_outready_count_as_older() {
    let data = tempfile::tempdir().unwrap();
    let store = PlanStore::in_data_dir(data.path()).with_backups(every_save());
    let path = store.save(&with_staff(plan("Acme"), 1.0)).unwrap();
    store.save(&with_staff(plan("Acme"), 2.0)).unwrap();
    let old = store.dir().join("backups/acme.20991231-235959.json");
    fs::copy(store.dir().join("backups/acme.000001.json"), &old).unwrap();
    store.save(&with_staff(plan("Acme"), 3.0)).unwrap();
    let names: Vec<String> = backups_of(&path)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "acme.previous.json",
            "acme.000002.json",
            "acme.000001.json",
            "acme.20991231-235959.json"
        ]
    );
}

#[test]
fn long_names_in_bytes_save_back_up_and_recover() {
    // 80 × 漢 is 240 bytes, 62 × 𠀀 is 248: with a backup's or a temporary file's
    // suffix, past the 255 bytes a file name can have, unless the stem is cut.
    for name in ["漢".repeat(80), "𠀀".repeat(62)] {
        let data = tempfile::tempdir().unwrap();
        let store = PlanStore::in_data_dir(data.path()).with_backups(every_save());
        let path = store.save(&with_staff(plan(&name), 1.0)).unwrap();
        store.save(&with_staff(plan(&name), 2.0)).unwrap();
        store.save(&with_staff(plan(&name), 3.0)).unwrap();
        assert_eq!(
            load_path(&path).unwrap().name,
            name,
            "the name is kept whole"
        );
        assert_eq!(backups_of(&path).len(), 3, "{name}: backups were made");
        for file in backups_of(&path).iter().chain([&path]) {
            let bytes = file.file_name().unwrap().len();
            assert!(bytes <= 255, "{bytes} bytes");
        }
        fs::write(&path, "{").unwrap();
        assert_eq!(staff_of(&newest_good(&path).unwrap().path), 2.0);
        let aside = move_aside(&path).unwrap();
        assert!(aside.file_name().unwrap().len() <= 255);
        store
            .save_at(
                &path,
                &newest_good(&aside.with_file_name(path.file_name().unwrap()))
                    .unwrap()
                    .plan,
            )
            .unwrap();
        assert_eq!(staff_of(&path), 2.0, "{name}: recovered");
    }
}
