//! End-to-end runs of the real binary in a pseudo-terminal: start, answer, quit or be
//! killed, start again and resume; a window too small and back; no colour with NO_COLOR.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use outready::answer::Answers;
use outready::plan::store::load_path;
use outready::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE, Question, Questionnaire};
use outready::wizard::{self, Change, Flow, Spot};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any one thing may take before the test fails instead of hanging (generous:
/// a loaded two-core machine can be slow to start a process in a pseudo-terminal).
const PATIENCE: Duration = Duration::from_secs(30);
const COLS: u16 = 100;
const ROWS: u16 = 30;

/// Whether pseudo-terminals exist here; says why not when they do not.
fn pty_available() -> bool {
    if cfg!(not(unix)) {
        eprintln!("skipped: these end-to-end tests drive a Unix pseudo-terminal");
        return false;
    }
    if !Path::new("/dev/ptmx").exists() {
        eprintln!("skipped: this machine has no /dev/ptmx, so no pseudo-terminal can be opened");
        return false;
    }
    true
}

/// What the reader thread has seen: the raw bytes and the screen they draw.
struct Seen {
    raw: Vec<u8>,
    parser: vt100::Parser,
    closed: bool,
}

/// The binary running in a pseudo-terminal, with the screen it draws.
struct Term {
    seen: Arc<Mutex<Seen>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
}

fn size(rows: u16, cols: u16) -> (std::num::NonZeroU16, std::num::NonZeroU16) {
    (
        std::num::NonZeroU16::new(rows).expect("rows above 0"),
        std::num::NonZeroU16::new(cols).expect("columns above 0"),
    )
}

/// A pseudo-terminal of the tests' size.
fn pty_pair() -> portable_pty::PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal opens")
}

impl Term {
    /// Starts `outready` at 100x30 with only the environment given (plus TERM and HOME).
    fn spawn(home: &Path, data: &Path, env: &[(&str, &str)]) -> Term {
        let pair = pty_pair();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_outready"));
        command.env_clear();
        command.env("TERM", "xterm-256color");
        command.env("HOME", home);
        command.env("OUTREADY_DATA_DIR", data);
        command.cwd(home);
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("outready starts");
        // Only the child holds the terminal's other end, so its exit ends our reads.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let (rows, cols) = size(ROWS, COLS);
        let seen = Arc::new(Mutex::new(Seen {
            raw: Vec::new(),
            parser: vt100::Parser::new(rows, cols, 0),
            closed: false,
        }));
        let feed = Arc::clone(&seen);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut seen = feed.lock().expect("screen lock");
                        seen.raw.extend_from_slice(&buf[..n]);
                        seen.parser.process(&buf[..n]);
                    }
                }
            }
            feed.lock().expect("screen lock").closed = true;
        });
        Term {
            seen,
            writer,
            master: pair.master,
            child,
            reader: Some(reader),
        }
    }

    /// Types keys (bytes as a terminal sends them).
    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys sent");
        self.writer.flush().expect("keys sent");
    }

    /// The screen as text, one line per row.
    fn screen(&self) -> String {
        self.seen
            .lock()
            .expect("screen lock")
            .parser
            .screen()
            .contents()
    }

    /// Waits until the screen passes `check`; fails with the screen when it never does.
    fn wait_until(&self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            {
                let seen = self.seen.lock().expect("screen lock");
                if check(seen.parser.screen()) {
                    return;
                }
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "waited {PATIENCE:?} for {what}; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `text` is on screen; words may wrap onto the next rows.
    fn wait_for(&self, text: &str) {
        let wanted = squash(text);
        self.wait_until(&format!("\"{text}\""), |screen| {
            squash(&screen.contents()).contains(&wanted)
        });
    }

    /// Resizes the window, as a user dragging its corner would.
    fn resize(&mut self, rows: u16, cols: u16) {
        let (r, c) = size(rows, cols);
        // The parser takes the new size before the program can draw for it.
        self.seen.lock().expect("screen lock").parser.set_size(r, c);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the window resizes");
    }

    /// Waits for the program to end, and for the last of its output.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the child's state") {
                break status;
            }
            if start.elapsed() > PATIENCE {
                panic!(
                    "outready did not exit within {PATIENCE:?}; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        };
        let start = Instant::now();
        while !self.seen.lock().expect("screen lock").closed {
            assert!(
                start.elapsed() < PATIENCE,
                "the terminal output never ended"
            );
            thread::sleep(Duration::from_millis(10));
        }
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the reader thread ends");
        }
        status
    }

    /// Every byte the program wrote.
    fn raw(&self) -> Vec<u8> {
        self.seen.lock().expect("screen lock").raw.clone()
    }

    /// Sends SIGTERM to the program (not SIGHUP, which the pty crate's `kill` sends).
    fn terminate(&self) {
        let pid = self.child.process_id().expect("the child's pid");
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -TERM {pid} failed");
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Text with every run of whitespace made one space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the question's whole text is on screen: found by its first words, then read
/// down the column it starts in, however it wrapped.
fn shows_question(screen: &vt100::Screen, question: &Question) -> bool {
    let wanted = squash(&question.text);
    let start: String = wanted.split(' ').take(3).collect::<Vec<_>>().join(" ");
    let (_, cols) = screen.size();
    let rows: Vec<String> = screen.rows(0, cols.get()).collect();
    for (y, row) in rows.iter().enumerate() {
        let Some(byte) = row.find(&start) else {
            continue;
        };
        let column = u16::try_from(row[..byte].chars().count()).unwrap_or(u16::MAX);
        let mut read = String::new();
        for line in screen.rows(column, cols.get() - column).skip(y) {
            if line.trim().is_empty() {
                break;
            }
            read.push(' ');
            read.push_str(line.trim());
        }
        if squash(&read) == wanted {
            return true;
        }
    }
    false
}

fn builtin() -> Questionnaire {
    Catalog::load(None)
        .find(DEFAULT_QUESTIONNAIRE)
        .map(|loaded| (*loaded.questionnaire).clone())
        .expect("the built-in questionnaire")
}

fn question(questionnaire: &Questionnaire, spot: Spot) -> &Question {
    &questionnaire.sections[spot.section].questions[spot.question]
}

/// A run through the first questions, worked out from the library: which digit is
/// pressed on each, the answers that should follow, and where the wizard should stand.
struct Walk {
    questionnaire: Questionnaire,
    answers: Answers,
    at: Spot,
}

impl Walk {
    fn start() -> Walk {
        let questionnaire = builtin();
        let answers = Answers::new();
        let at = Flow::new(&questionnaire, &answers)
            .first()
            .expect("a first question");
        Walk {
            questionnaire,
            answers,
            at,
        }
    }

    fn current(&self) -> &Question {
        question(&self.questionnaire, self.at)
    }

    /// Answers the question on screen with a digit and Enter, as a user would, and
    /// waits for the next question the library says comes after it.
    fn answer(&mut self, term: &mut Term, step: usize) {
        let current = self.current().clone();
        assert!(
            current.kind.is_choice(),
            "the first questions of the built-in questionnaire are picked from options; \"{}\" is not",
            current.id
        );
        // Not always the first option, so the digit is seen to matter.
        let index = [1, 2, 0, 1, 0, 2][step % 6] % current.options.len();
        let answer = wizard::apply(
            &current,
            self.answers.get(current.id.as_str()),
            Change::Pick(index),
        )
        .expect("a valid pick");
        self.answers.insert(current.id.to_string(), answer);
        term.send(&format!("{}\r", index + 1));
        self.at = Flow::new(&self.questionnaire, &self.answers)
            .next(self.at)
            .expect("a question after this one");
        let next = self.current().clone();
        term.wait_until(&format!("question \"{}\"", next.text), |screen| {
            shows_question(screen, &next)
        });
    }
}

/// Starts a new plan called "Acme Ltd" from the welcome screen and answers `count`
/// questions.
fn start_and_answer(term: &mut Term, count: usize) -> Walk {
    let mut walk = Walk::start();
    term.wait_for("Name this plan");
    term.send("Acme Ltd\r");
    let first = walk.current().clone();
    term.wait_until("the first question", |screen| {
        shows_question(screen, &first)
    });
    for step in 0..count {
        walk.answer(term, step);
    }
    walk
}

/// Checks the saved plan holds exactly the answers given (and nothing else).
fn assert_saved(data: &Path, walk: &Walk) {
    let plan = load_path(&data.join("plans/acme-ltd.json")).expect("the plan file reads");
    assert_eq!(plan.name, "Acme Ltd");
    let saved: Vec<_> = plan
        .answers
        .iter()
        .map(|(id, a)| (id.clone(), a.state, a.value.clone()))
        .collect();
    let given: Vec<_> = walk
        .answers
        .iter()
        .map(|(id, a)| (id.clone(), a.state, a.value.clone()))
        .collect();
    assert_eq!(saved, given);
}

/// Starts again on the same data folder and checks it lands on the next question.
fn assert_resumes(home: &Path, data: &Path, walk: &Walk) {
    let mut term = Term::spawn(home, data, &[]);
    let next = walk.current().clone();
    term.wait_until(&format!("resuming at \"{}\"", next.text), |screen| {
        shows_question(screen, &next)
    });
    let (answered, total) =
        Flow::new(&walk.questionnaire, &walk.answers).progress(&walk.questionnaire, &walk.answers);
    term.wait_for("outready · Acme Ltd");
    term.wait_for(&format!("{answered}/{total} answered"));
    term.send("q");
    assert!(term.wait_exit().success());
    assert_only_data_in(home);
}

/// Checks nothing was written in the home but the data folder it was given.
fn assert_only_data_in(home: &Path) {
    let names: Vec<_> = std::fs::read_dir(home)
        .expect("the home reads")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, ["data"], "only the data folder is written");
}

#[test]
fn answers_survive_quitting_and_the_next_run_resumes() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    let mut term = Term::spawn(home.path(), &data, &[]);
    let walk = start_and_answer(&mut term, 5);
    term.send("q");
    let status = term.wait_exit();
    assert!(status.success(), "q quits cleanly: {status:?}");
    term.wait_for("Saved \"Acme Ltd\" (5 of");
    assert_saved(&data, &walk);
    assert_resumes(home.path(), &data, &walk);
}

#[test]
fn the_summary_exports_the_report_as_a_page_to_hand_out() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    let mut term = Term::spawn(home.path(), &data, &[]);
    start_and_answer(&mut term, 3);
    term.send("s");
    term.wait_for("Verdict:");
    term.send("e");
    term.wait_for("Report saved:");
    let reports: Vec<_> = std::fs::read_dir(data.join("reports"))
        .expect("a reports folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(reports.len(), 1, "one report: {reports:?}");
    let page = std::fs::read_to_string(&reports[0]).expect("the page reads");
    assert!(reports[0].to_string_lossy().ends_with(".html"));
    assert!(
        page.contains("Acme Ltd") && page.contains("<svg"),
        "a whole page"
    );
    term.send("q");
    assert!(term.wait_exit().success());
}

/// Where in `haystack` the last `needle` starts.
fn last_index(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn sigterm_saves_restores_the_terminal_and_the_next_run_resumes() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    let mut term = Term::spawn(home.path(), &data, &[]);
    let walk = start_and_answer(&mut term, 3);
    term.terminate();
    let status = term.wait_exit();
    assert!(
        status.signal().is_none(),
        "outready handles SIGTERM itself instead of dying of it: {status:?}"
    );
    let raw = term.raw();
    let entered = last_index(&raw, b"\x1b[?1049h").expect("the alternate screen was used");
    let left = last_index(&raw, b"\x1b[?1049l").expect("the alternate screen was left");
    assert!(
        left > entered,
        "the last thing done to the screen is leaving it"
    );
    {
        let seen = term.seen.lock().expect("screen lock");
        let screen = seen.parser.screen();
        assert!(!screen.alternate_screen());
        assert!(!screen.hide_cursor(), "the cursor is shown again");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        assert!(!screen.bracketed_paste());
    }
    term.wait_for("Saved \"Acme Ltd\" (3 of");
    assert_saved(&data, &walk);
    assert_resumes(home.path(), &data, &walk);
}

#[test]
fn a_stop_at_any_moment_of_the_start_leaves_the_terminal_as_it_was() {
    if !pty_available() {
        return;
    }
    // SIGTERM at moments spread over the start: before the terminal is touched the
    // default ending is harmless; once it is, outready must end by itself and undo all.
    for run in 0..12_u64 {
        let home = tempfile::tempdir().expect("a home");
        let data = home.path().join("data");
        let mut term = Term::spawn(home.path(), &data, &[]);
        thread::sleep(Duration::from_micros(run * 250));
        term.terminate();
        let status = term.wait_exit();
        let raw = term.raw();
        if let Some(entered) = last_index(&raw, b"\x1b[?1049h") {
            let left = last_index(&raw, b"\x1b[?1049l");
            assert!(
                left.is_some_and(|left| left > entered),
                "run {run}: the alternate screen was entered and never left"
            );
            assert!(
                status.signal().is_none(),
                "run {run}: the terminal was changed, then the signal ended outready: {status:?}"
            );
        }
    }
}

#[test]
fn a_resize_as_the_wizard_starts_is_drawn_for() {
    if !pty_available() {
        return;
    }
    for run in 0..3 {
        let home = tempfile::tempdir().expect("a home");
        let data = home.path().join("data");
        let mut term = Term::spawn(home.path(), &data, &[]);
        // At once, before the wizard can have drawn anything.
        term.resize(24, 80);
        // The welcome's keys are on the last row of the window it was drawn for: at
        // 100x30 they would fall outside this 80x24 screen.
        term.wait_for("F1 keys");
        let rows: Vec<String> = {
            let seen = term.seen.lock().expect("screen lock");
            seen.parser.screen().rows(0, 80).collect()
        };
        assert!(
            rows[23].contains("F1 keys"),
            "run {run}: drawn for 80x24, the keys on its last row:\n{}",
            rows.join("\n")
        );
        term.send("\x1b");
        assert!(term.wait_exit().success());
    }
}

#[test]
fn a_terminal_closed_without_a_hang_up_signal_saves_and_ends_the_wizard() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    // A plan to resume: the wizard holds its lock while it runs.
    crate::support::answer(&data, "Acme", &["staff=12"]);
    let lock = outready::plan::PlanLock::lock_path(&data.join("plans/acme.json"));
    let pair = pty_pair();
    // The shell is the session's leader and ignores SIGHUP, so when the terminal goes
    // away the kernel tells nobody else: outready sees only the end of its input.
    let mut command = CommandBuilder::new("sh");
    command.args(["-c", "trap '' HUP; \"$0\" --data-dir \"$1\" --plan Acme"]);
    command.arg(env!("CARGO_BIN_EXE_outready"));
    command.arg(&data);
    command.env_clear();
    command.env("TERM", "xterm-256color");
    command.env("HOME", home.path());
    command.env("PATH", std::env::var_os("PATH").unwrap_or_default());
    let mut child = pair.slave.spawn_command(command).expect("the shell starts");
    drop(pair.slave);
    let start = Instant::now();
    while !lock.exists() {
        assert!(
            start.elapsed() < PATIENCE,
            "the wizard never opened the plan"
        );
        thread::sleep(Duration::from_millis(20));
    }
    // Its first screen drawn and its input read.
    thread::sleep(Duration::from_millis(500));
    drop(pair.master);
    let start = Instant::now();
    let ended = loop {
        if child.try_wait().expect("the shell's state").is_some() {
            break true;
        }
        if start.elapsed() > PATIENCE {
            break false;
        }
        thread::sleep(Duration::from_millis(20));
    };
    if !ended {
        // Left running, it would spin on: stop it before failing.
        if let Some(pid) = fs::read_to_string(&lock)
            .ok()
            .and_then(|record| serde_json::from_str::<serde_json::Value>(&record).ok())
            .and_then(|record| record["pid"].as_u64())
        {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        let _ = child.kill();
        panic!("outready did not end within {PATIENCE:?} after its terminal went away");
    }
    assert!(!lock.exists(), "the plan's lock is given back");
    let plan = load_path(&data.join("plans/acme.json")).expect("the plan reads");
    assert!(plan.answers.contains_key("staff"), "the answer is kept");
}

#[test]
fn a_small_window_is_explained_and_resizing_back_restores_the_question() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    let mut term = Term::spawn(home.path(), &data, &[]);
    let walk = start_and_answer(&mut term, 1);
    let on_screen = walk.current().clone();
    term.resize(10, 40);
    term.wait_for("Window too small: need 60x16, have 40x10");
    assert!(!shows_question(
        term.seen.lock().expect("screen lock").parser.screen(),
        &on_screen
    ));
    term.resize(ROWS, COLS);
    term.wait_until("the question again", |screen| {
        shows_question(screen, &on_screen)
    });
    assert!(!squash(&term.screen()).contains("Window too small"));
    term.send("q");
    assert!(term.wait_exit().success());
}

/// The SGR sequences in `raw` that set a colour (foreground, background or underline);
/// bold, reverse, underline and the resets to the default colour are not colour.
fn colour_codes(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for piece in text.split("\x1b[").skip(1) {
        let params: String = piece
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';' || *c == ':')
            .collect();
        if !piece[params.len()..].starts_with('m') {
            continue;
        }
        let colour = params.split(';').any(|p| {
            let first = p.split(':').next().unwrap_or("");
            matches!(
                first.parse::<u16>(),
                Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
            )
        });
        if colour {
            found.push(format!("ESC[{params}m"));
        }
    }
    found
}

/// Starts a plan, makes a mistake (an option that does not exist), answers two
/// questions and quits; returns every byte drawn.
fn a_short_session(env: &[(&str, &str)]) -> Vec<u8> {
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    let mut term = Term::spawn(home.path(), &data, env);
    let mut walk = start_and_answer(&mut term, 0);
    term.send("9");
    term.wait_for("There is no option 9");
    walk.answer(&mut term, 0);
    walk.answer(&mut term, 1);
    term.send("q");
    assert!(term.wait_exit().success());
    term.raw()
}

#[test]
fn no_color_draws_without_colour() {
    if !pty_available() {
        return;
    }
    let plain = a_short_session(&[("NO_COLOR", "1")]);
    assert_eq!(colour_codes(&plain), Vec::<String>::new());
    assert!(
        String::from_utf8_lossy(&plain).contains("\x1b[1m"),
        "bold still marks headings"
    );
    // The same session in colour shows the check above would see colour.
    let coloured = a_short_session(&[]);
    assert!(!colour_codes(&coloured).is_empty());
}

#[test]
fn the_goodbye_line_shows_escape_sequences_instead_of_sending_them() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    // The goodbye line names the plan's file, here in a folder whose name is hostile.
    let data = home.path().join("data\u{1b}]0;owned\u{7}");
    let mut term = Term::spawn(home.path(), &data, &[]);
    start_and_answer(&mut term, 1);
    term.send("q");
    assert!(term.wait_exit().success());
    let raw = String::from_utf8_lossy(&term.raw()).into_owned();
    // What follows the screen's last drawing: the goodbye line.
    let after = raw.rsplit("\u{1b}[?1049l").next().unwrap_or_default();
    assert!(
        !raw.contains("\u{1b}]0;owned"),
        "the title was set: {after:?}"
    );
    assert!(
        after.contains("data␛]0;owned␇"),
        "the name is shown: {after:?}"
    );
}

#[test]
fn a_vt100_without_utf8_gets_neither_colour_nor_anything_but_ascii() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    let mut term = Term::spawn(
        home.path(),
        &data,
        &[("TERM", "vt100"), ("LANG", "en_GB.ISO-8859-1")],
    );
    term.wait_for("Name this plan");
    term.send("Acme Ltd\r");
    term.wait_for("section 1 of");
    term.send("q");
    assert!(term.wait_exit().success());
    let raw = term.raw();
    assert_eq!(colour_codes(&raw), Vec::<String>::new());
    let wide: Vec<u8> = raw.iter().copied().filter(|b| !b.is_ascii()).collect();
    assert!(
        wide.is_empty(),
        "bytes outside ASCII: {}",
        String::from_utf8_lossy(&wide)
    );
    // Box drawing has its ASCII stand-in.
    assert!(String::from_utf8_lossy(&raw).contains('|'));
}

#[test]
fn a_dumb_terminal_is_told_about_plain_mode_in_one_sentence() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    let mut term = Term::spawn(home.path(), &data, &[("TERM", "dumb")]);
    assert!(!term.wait_exit().success());
    let said = String::from_utf8_lossy(&term.raw()).to_string();
    assert!(
        said.contains("TERM=dumb") && said.contains("--plain"),
        "{said}"
    );
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    // Nothing full-screen was started: no alternate screen.
    assert!(!said.contains("\x1b[?1049h"), "{said:?}");
}

#[test]
fn a_damaged_plan_on_a_vt100_is_a_screen_like_the_others() {
    if !pty_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a home");
    let data = home.path().join("data");
    let mut term = Term::spawn(home.path(), &data, &[]);
    start_and_answer(&mut term, 1);
    term.send("q");
    assert!(term.wait_exit().success());
    let path = data.join("plans/acme-ltd.json");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_len(100))
        .expect("the plan is cut short");
    let damaged = std::fs::read(&path).expect("the damaged plan");
    let mut term = Term::spawn(home.path(), &data, &[("TERM", "vt100"), ("LANG", "C")]);
    term.wait_for("This plan cannot be opened as it is");
    term.wait_for("Start afresh");
    // Held to the minimum size like every screen, and back.
    term.resize(14, 50);
    term.wait_for("Window too small: need 60x16, have 50x14");
    term.resize(ROWS, COLS);
    term.wait_for("Start afresh");
    // Its `?` list comes from its own key table.
    term.send("?");
    term.wait_for("quit, leave it as it is");
    term.send("\x1b");
    term.wait_until("the keys closed", |s| !s.contents().contains("Keys"));
    term.send("q");
    assert!(
        !term.wait_exit().success(),
        "leaving a damaged plan is exit 1"
    );
    assert_eq!(std::fs::read(&path).expect("still there"), damaged);
    let raw = term.raw();
    assert_eq!(colour_codes(&raw), Vec::<String>::new());
    let wide: Vec<u8> = raw.iter().copied().filter(|b| !b.is_ascii()).collect();
    assert!(
        wide.is_empty(),
        "bytes outside ASCII: {}",
        String::from_utf8_lossy(&wide)
    );
}
