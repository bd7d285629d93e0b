//! Crashes and full disks, with real processes. The kill test: a child saving a plan as
//! fast as it can (with the wizard's lock, taking over the stale one the last child left)
//! is killed with SIGKILL at random moments, a few hundred times within a few seconds;
//! after every kill the plan loads and equals the state before or after the save that was
//! under way. And a save that runs out of room mid-write (a file size limit, as a full
//! disk would) leaves the old plan and nothing half-written.
//!
//! The children are this test binary run again, with an environment variable saying
//! which child to be; as ordinary tests they return at once.

#![cfg(unix)]

use std::env;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use outready::answer::{Answer, Value};
use outready::plan::backup::backups_of;
use outready::plan::store::load_path;
use outready::plan::{Acquired, BackupPolicy, Plan, PlanLock, PlanName, PlanStore};
use outready::questionnaire::load::load_text;

const SMALL: &str = include_str!("../fixtures/questionnaires/valid/small.json");
const SAVER: &str = "OUTREADY_TEST_SAVER_DIR";
const FULL_DISK: &str = "OUTREADY_TEST_FULL_DISK_DIR";

/// The plan after `k` saves: every field depends on `k`, and so does the file's length,
/// so a mix of two saves or a cut-off file could not pass for either.
fn state(k: u64) -> Plan {
    static LOADED: std::sync::OnceLock<outready::questionnaire::Loaded> =
        std::sync::OnceLock::new();
    let loaded = LOADED.get_or_init(|| load_text("small.json", SMALL, false).expect("test setup"));
    let start: Timestamp = "2026-11-22T10:00:00Z".parse().expect("test setup");
    let mut plan = Plan::new(&PlanName::new("Kill").expect("test setup"), loaded, start);
    let now = Timestamp::from_second(start.as_second() + i64::try_from(k).expect("test setup"))
        .expect("test setup");
    plan.set_answer("counter", Answer::answered(Value::Number(k as f64)), now);
    for i in 0..(20 + k % 37) {
        let mut answer = Answer::answered(Value::Text(format!("answer {i} of save {k}")));
        answer.note = Some("x".repeat(usize::try_from((k * 7 + i) % 500).expect("test setup")));
        plan.set_answer(&format!("q{i}"), answer, now);
    }
    plan
}

fn counter(plan: &Plan) -> u64 {
    plan.answer("counter")
        .and_then(|a| a.value.as_ref())
        .and_then(Value::as_number)
        .map_or(0, |n| n as u64)
}

fn plan_path(dir: &Path) -> PathBuf {
    dir.join("plans").join("kill.json")
}

fn store(dir: &Path) -> PlanStore {
    PlanStore::in_data_dir(dir).with_backups(BackupPolicy {
        every: Duration::ZERO,
        keep: 3,
    })
}

/// The child of the kill test: takes the plan's lock, then saves state after state,
/// saying each one once it is on disk, until killed.
#[test]
fn saver_child() {
    let Some(dir) = env::var_os(SAVER) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let path = plan_path(&dir);
    let store = store(&dir);
    // As every front end does on opening the folder: the leftovers of a crash go first.
    store.sweep_temporaries();
    let _lock = match PlanLock::acquire(&path).unwrap() {
        Acquired::Locked(lock) => lock,
        Acquired::Busy(owner) => {
            println!("busy {}", owner.pid);
            return;
        }
    };
    let mut k = if path.exists() {
        counter(&load_path(&path).unwrap())
    } else {
        0
    };
    let mut out = std::io::stdout().lock();
    loop {
        k += 1;
        store.save_at(&path, &state(k)).unwrap();
        writeln!(out, "saved {k}").unwrap();
        out.flush().unwrap();
    }
}

/// A small seeded random number generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A temporary folder in memory where there is one. SIGKILL loses nothing in the page
/// cache, so what a kill can break is the order of a save's steps, the same on any file
/// system; without the wait for the disk, a few seconds hold hundreds of kills landing
/// at every step of a save.
fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().expect("test setup")
}

#[test]
fn a_kill_at_any_moment_leaves_the_plan_before_or_after_the_last_save() {
    let dir = scratch_dir();
    let path = plan_path(dir.path());
    let seed = env::var("OUTREADY_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_cafe);
    let mut rng = Rng(seed);
    let started = Instant::now();
    let (mut kills, mut on_disk, mut saves_seen) = (0, 0u64, 0u64);
    while kills < 300 && started.elapsed() < Duration::from_secs(8) {
        let mut child = Command::new(env::current_exe().unwrap())
            .args([
                "--exact",
                &child_test("saver_child"),
                "--nocapture",
                "--test-threads=1",
            ])
            .env(SAVER, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(15_000)));
        child.kill().unwrap();
        let output = child.wait_with_output().unwrap();
        kills += 1;
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            !stdout.contains("busy"),
            "the stale lock was not taken over: {stdout}"
        );
        let reported = stdout
            .lines()
            // The first one shares its line with the test harness's "test saver_child ... ".
            .filter_map(|l| l.split("saved ").nth(1))
            .filter_map(|k| k.trim().parse::<u64>().ok())
            .max();
        saves_seen += reported.map_or(0, |r| r - on_disk);
        let before = reported.unwrap_or(on_disk);
        if !path.exists() {
            assert_eq!(before, 0, "the plan vanished after save {before}");
            continue;
        }
        let plan =
            load_path(&path).unwrap_or_else(|e| panic!("after kill {kills} (seed {seed}): {e}"));
        let k = counter(&plan);
        assert!(
            k == before || k == before + 1,
            "after kill {kills} (seed {seed}) the plan is save {k}, not {before} or {} (on disk before: {on_disk}; the child said: {stdout:?})",
            before + 1
        );
        assert_eq!(plan, state(k), "after kill {kills}: save {k} is not whole");
        for backup in backups_of(&path) {
            // A backup may be caught mid-rotation as a temporary file, never half-written.
            if let Ok(old) = load_path(&backup) {
                assert_eq!(old, state(counter(&old)), "{}", backup.display());
            }
        }
        on_disk = k;
    }
    assert!(kills >= 100, "only {kills} kills in the time allowed");
    assert!(
        saves_seen >= 50,
        "the children saved only {saves_seen} times"
    );
    // Crashes leave temporary files; the next front end to open the folder sweeps them.
    store(dir.path()).sweep_temporaries();
    for folder in [
        path.parent().unwrap().to_path_buf(),
        path.with_file_name("backups"),
    ] {
        for entry in fs::read_dir(&folder).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                !name.ends_with(".tmp"),
                "{name} left in {}",
                folder.display()
            );
        }
    }
    eprintln!("{kills} kills, {saves_seen} saves, {:?}", started.elapsed());
}

/// The child of the full-disk test: may write files of at most 16 KiB, then saves a
/// plan larger than that.
#[test]
fn full_disk_child() {
    let Some(dir) = env::var_os(FULL_DISK) else {
        return;
    };
    // Without a handler, going past the limit kills the process instead of failing the
    // write; with one, the write fails as on a full disk.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let limit = rustix::process::Rlimit {
        current: Some(16 * 1024),
        maximum: rustix::process::getrlimit(rustix::process::Resource::Fsize).maximum,
    };
    rustix::process::setrlimit(rustix::process::Resource::Fsize, limit).unwrap();
    let dir = PathBuf::from(dir);
    let mut big = state(2);
    big.answers
        .get_mut("q0")
        .unwrap()
        .note
        .replace("y".repeat(100_000));
    match store(&dir).save_at(&plan_path(&dir), &big) {
        Ok(()) => println!("saved"),
        Err(error) => println!("failed: {error}"),
    }
}

#[test]
fn a_save_that_runs_out_of_room_leaves_the_old_plan_and_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_path(dir.path());
    store(dir.path()).save_at(&path, &state(1)).unwrap();
    let output = Command::new(env::current_exe().unwrap())
        .args([
            "--exact",
            &child_test("full_disk_child"),
            "--nocapture",
            "--test-threads=1",
        ])
        .env(FULL_DISK, dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("failed: the plan could not be saved to"),
        "{stdout}"
    );
    assert!(stdout.contains("File too large"), "{stdout}");
    assert_eq!(load_path(&path).unwrap(), state(1));
    for folder in [
        path.parent().unwrap().to_path_buf(),
        path.with_file_name("backups"),
    ] {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                !name.ends_with(".tmp"),
                "{name} left in {}",
                folder.display()
            );
        }
    }
}

const TAKER: &str = "OUTREADY_TEST_LOCK_TAKER_DIR";

/// The child of the lock race: asks for the plan's lock until it has it, then writes
/// when it took it and when it lets go in a shared log, holding it a moment between.
#[test]
fn lock_taker_child() {
    let Some(dir) = env::var_os(TAKER) else {
        return;
    };
    let path = plan_path(Path::new(&dir));
    let log = Path::new(&dir).join("holders.log");
    let append = |line: String| {
        let mut file = fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&log)
            .unwrap();
        file.write_all(line.as_bytes()).unwrap();
    };
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        if let Acquired::Locked(lock) = PlanLock::acquire(&path).unwrap() {
            append(format!("in {}\n", std::process::id()));
            std::thread::sleep(Duration::from_millis(20));
            append(format!("out {}\n", std::process::id()));
            drop(lock);
            return;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("never got the lock");
}

#[test]
fn of_many_outreadys_asking_at_once_after_a_crash_one_at_a_time_holds_the_plan() {
    let dir = scratch_dir();
    let path = plan_path(dir.path());
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    // What a crash leaves: a lock file naming a process that is gone.
    let mut gone = Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let record = serde_json::json!({"pid": pid, "host": "here", "since": Timestamp::now()});
    fs::write(PlanLock::lock_path(&path), record.to_string()).unwrap();
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(env::current_exe().unwrap())
                .args([
                    "--exact",
                    &child_test("lock_taker_child"),
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(TAKER, dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let mut child = child;
        assert!(
            child.wait().unwrap().success(),
            "a child never got the lock"
        );
    }
    let log = fs::read_to_string(dir.path().join("holders.log")).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 16, "{log}");
    for pair in lines.chunks(2) {
        let (took, left) = (pair[0], pair[1]);
        assert!(took.starts_with("in "), "two held the plan at once:\n{log}");
        assert_eq!(
            left,
            took.replace("in ", "out "),
            "two held the plan at once:\n{log}"
        );
    }
    assert!(
        !PlanLock::lock_path(&path).exists(),
        "the last one out removes the lock file"
    );
}

/// The full name of a test of this module, as the test binary's `--exact` takes it: the
/// module's path within the test crate, then the test's name.
fn child_test(name: &str) -> String {
    match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::{name}"),
        None => name.to_string(),
    }
}
