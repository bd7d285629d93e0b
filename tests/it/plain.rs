#![allow(clippy::unwrap_used)] // helper functions of a test file are test code too

//! Plain mode transcripts: each file in `tests/fixtures/plain/` gives the input of one or
//! more runs on the same data folder, the exact output of each (and its error, when a
//! strict run stops at a refused line), and the plan they leave. A run is strict, as
//! input from a file is, unless marked `lenient`. Every transcript runs in-process
//! (`outready::plain::run`) and through the binary with standard input from a file.
//! Dates counted from today read `<today+N>`. `UPDATE_TRANSCRIPTS=1 cargo test --test plain` rewrites the
//! expected parts from what the code prints now; review the diff like code.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use outready::answer::AnswerState;
use outready::plan::PlanName;
use outready::plan::store::load_path;

/// One run: the plan asked for on the command line, what is typed, what is printed, and
/// the error it stops with (empty when it ends well).
#[derive(Debug, Clone)]
struct Run {
    plan: Option<String>,
    lenient: bool,
    input: String,
    output: String,
    error: String,
}

/// A transcript file: its comment, its runs, and the plan left at the end.
#[derive(Debug)]
struct Transcript {
    comment: String,
    runs: Vec<Run>,
    plan_name: String,
    plan: String,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plain")
}

fn small_questionnaire() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/questionnaires/valid/small.json")
        .display()
        .to_string()
}

/// Parses `=== run [plan NAME]`, `--- input`, `--- output` and `=== plan NAME` blocks;
/// lines before the first block are the comment. Each block holds the lines up to the
/// next marker, each ending with a line break.
fn parse(text: &str) -> Transcript {
    let mut transcript = Transcript {
        comment: String::new(),
        runs: Vec::new(),
        plan_name: String::new(),
        plan: String::new(),
    };
    #[derive(PartialEq)]
    enum Part {
        Comment,
        Input,
        Output,
        Error,
        Plan,
    }
    let mut part = Part::Comment;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("=== run") {
            let (rest, lenient) = match rest.trim().strip_suffix(" lenient") {
                Some(rest) => (rest, true),
                None if rest.trim() == "lenient" => ("", true),
                None => (rest, false),
            };
            let plan = rest
                .trim()
                .strip_prefix("plan ")
                .map(|n| n.trim().to_string());
            transcript.runs.push(Run {
                plan,
                lenient,
                input: String::new(),
                output: String::new(),
                error: String::new(),
            });
            part = Part::Comment;
            continue;
        }
        if let Some(name) = line.strip_prefix("=== plan ") {
            transcript.plan_name = name.trim().to_string();
            part = Part::Plan;
            continue;
        }
        match line {
            "--- input" => part = Part::Input,
            "--- output" => part = Part::Output,
            "--- error" => part = Part::Error,
            _ => {
                let target = match part {
                    Part::Comment => &mut transcript.comment,
                    Part::Plan => &mut transcript.plan,
                    Part::Input => &mut transcript.runs.last_mut().expect("a run").input,
                    Part::Output => &mut transcript.runs.last_mut().expect("a run").output,
                    Part::Error => &mut transcript.runs.last_mut().expect("a run").error,
                };
                target.push_str(line);
                target.push('\n');
            }
        }
    }
    transcript
}

fn write(transcript: &Transcript) -> String {
    let mut text = transcript.comment.clone();
    for run in &transcript.runs {
        text.push_str("=== run");
        if let Some(name) = &run.plan {
            write!(text, " plan {name}").unwrap();
        }
        if run.lenient {
            text.push_str(" lenient");
        }
        text.push_str("\n--- input\n");
        text.push_str(&run.input);
        text.push_str("--- output\n");
        text.push_str(&run.output);
        if !run.error.is_empty() {
            text.push_str("--- error\n");
            text.push_str(&run.error);
        }
    }
    writeln!(text, "=== plan {}", transcript.plan_name).unwrap();
    text.push_str(&transcript.plan);
    text
}

/// The plan file as lines a reader can check: where it stands, then each answer.
fn describe_plan(data: &Path, name: &str) -> String {
    let name = PlanName::new(name).unwrap();
    let path = data.join("plans").join(format!("{}.json", name.stem()));
    if !path.exists() {
        return "no file\n".to_string();
    }
    let plan = load_path(&path).unwrap();
    let mut text = format!(
        "position: {}\n",
        plan.position.question.as_deref().unwrap_or("-")
    );
    for (id, answer) in &plan.answers {
        write!(text, "{id}: {}", answer.state.name()).unwrap();
        if let Some(value) = &answer.value {
            write!(text, " {}", serde_json::to_string(value).unwrap()).unwrap();
        }
        if let Some(note) = &answer.note {
            write!(text, "; note {note:?}").unwrap();
        }
        if answer.discuss {
            text.push_str("; discuss");
        }
        if answer.state != AnswerState::Unanswered {
            assert!(answer.changed.is_some(), "{id} has no time of change");
        }
        text.push('\n');
    }
    for action in &plan.actions {
        let what = match (action.find_out, action.recommendation.as_str()) {
            (true, _) => format!("find out {}", action.question),
            (false, "") => "own".to_string(),
            (false, recommendation) => format!("{recommendation} for {}", action.question),
        };
        writeln!(
            text,
            "action {what}: {:?}; owner {:?}; due {}; {}",
            action.text.as_deref().unwrap_or("-"),
            action.owner,
            action
                .due
                .map_or_else(|| "-".to_string(), |d| d.to_string()),
            action.status.label()
        )
        .unwrap();
    }
    text
}

/// The output with the data folder as `$DATA`, and the dates counted from today (due
/// dates count from the day a plan starts, report files are named by the day) as
/// `<today+N>`; dates typed stay as they are.
/// The plan left at the end, its dates counted from today normalised as in the output.
fn described(data: &Path, transcript: &Transcript) -> String {
    let typed: String = transcript.runs.iter().map(|r| r.input.as_str()).collect();
    normalise(&describe_plan(data, &transcript.plan_name), data, &typed)
}

fn normalise(output: &str, data: &Path, input: &str) -> String {
    let mut output = output.replace(&data.display().to_string(), "$DATA");
    let today = jiff::Zoned::now().date();
    for days in (0..=400).rev() {
        let date = today.checked_add(jiff::Span::new().days(days)).unwrap();
        let date = date.to_string();
        if input.contains(&date) {
            continue;
        }
        for (before, after) in [("due ", ""), ("Due: ", ""), ("-", ".")] {
            output = output.replace(
                &format!("{before}{date}{after}"),
                &format!("{before}<today+{days}>{after}"),
            );
        }
    }
    output
}

/// What a run printed, and the error it stopped with (as the binary prints it).
type Outcome = (String, String);

/// Runs every run of a transcript in-process; returns what each printed and the plan.
fn run_in_process(transcript: &Transcript) -> (Vec<Outcome>, String) {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let outputs = transcript
        .runs
        .iter()
        .map(|run| {
            let options = outready::plain::Options {
                data_dir: data.clone(),
                plan: run.plan.clone(),
                questionnaire: Some(small_questionnaire()),
                echo: true,
                strict: !run.lenient,
            };
            let mut output = Vec::new();
            let error = outready::plain::run(&options, run.input.as_bytes(), &mut output)
                .err()
                .map(|e| format!("outready: {e:#}\n"))
                .unwrap_or_default();
            (
                normalise(&String::from_utf8(output).unwrap(), &data, &run.input),
                normalise(&error, &data, &run.input),
            )
        })
        .collect();
    (outputs, described(&data, transcript))
}

/// Runs every run of a transcript through the binary, standard input from a file.
fn run_binary(transcript: &Transcript) -> (Vec<Outcome>, String) {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let outputs = transcript
        .runs
        .iter()
        .map(|run| {
            let input = home.path().join("answers.txt");
            fs::write(&input, &run.input).unwrap();
            let mut command = Command::new(env!("CARGO_BIN_EXE_outready"));
            command
                .env("HOME", home.path())
                .env_remove("ACCESSIBLE")
                .env_remove("OUTREADY_DATA_DIR")
                .arg("--plain")
                .arg("--data-dir")
                .arg(&data)
                .arg("--questionnaire")
                .arg(small_questionnaire())
                .pipe_stdin(&input)
                .unwrap();
            if let Some(plan) = &run.plan {
                command.arg("--plan").arg(plan);
            }
            if run.lenient {
                command.arg("--lenient");
            }
            let done = command.assert();
            let output = done.get_output();
            let (stdout, stderr) = (
                normalise(&String::from_utf8_lossy(&output.stdout), &data, &run.input),
                normalise(&String::from_utf8_lossy(&output.stderr), &data, &run.input),
            );
            let wanted = if stderr.is_empty() { 0 } else { 1 };
            assert_eq!(output.status.code(), Some(wanted), "{stderr}");
            (stdout, stderr)
        })
        .collect();
    (outputs, described(&data, transcript))
}

fn transcript_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "the transcripts are missing");
    files
}

fn check(runner: fn(&Transcript) -> (Vec<Outcome>, String), how: &str) {
    let update = std::env::var_os("UPDATE_TRANSCRIPTS").is_some_and(|v| !v.is_empty());
    let mut failures = Vec::new();
    for file in transcript_files() {
        let text = fs::read_to_string(&file).unwrap();
        let mut transcript = parse(&text);
        let (outputs, plan) = runner(&transcript);
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for (index, (run, (output, error))) in transcript.runs.iter().zip(&outputs).enumerate() {
            if run.output != *output {
                failures.push(format!(
                    "{name} ({how}), run {}: output differs\n--- expected\n{}--- got\n{output}",
                    index + 1,
                    run.output
                ));
            }
            if run.error != *error {
                failures.push(format!(
                    "{name} ({how}), run {}: error differs\n--- expected\n{}--- got\n{error}",
                    index + 1,
                    run.error
                ));
            }
        }
        if transcript.plan != plan {
            failures.push(format!(
                "{name} ({how}): plan differs\n--- expected\n{}--- got\n{plan}",
                transcript.plan
            ));
        }
        if update {
            for (run, (output, error)) in transcript.runs.iter_mut().zip(outputs) {
                run.output = output;
                run.error = error;
            }
            transcript.plan = plan;
            fs::write(&file, write(&transcript)).unwrap();
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn transcripts_in_process() {
    check(run_in_process, "in-process");
}

#[test]
fn transcripts_through_the_binary() {
    check(run_binary, "binary");
}

/// The binary with a temporary home and data folder, no plain-mode flag or variable.
fn outready(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_outready"));
    command
        .env("HOME", home)
        .env_remove("ACCESSIBLE")
        .env_remove("OUTREADY_DATA_DIR")
        .arg("--data-dir")
        .arg(home.join("data"))
        .arg("--questionnaire")
        .arg(small_questionnaire())
        .arg("--plan")
        .arg("Env");
    command
}

#[test]
fn accessible_set_to_anything_but_0_switches_to_plain_mode() {
    for value in ["1", "yes", "true"] {
        let home = tempfile::tempdir().unwrap();
        let done = outready(home.path())
            .env("ACCESSIBLE", value)
            .write_stdin("7\nq\n")
            .assert()
            .success()
            .stderr("");
        let stdout = String::from_utf8_lossy(&done.get_output().stdout).into_owned();
        assert!(
            stdout.starts_with("outready plain mode: Small test questionnaire.\n"),
            "ACCESSIBLE={value}: {stdout}"
        );
        assert!(stdout.contains("Saved: 7 people.\n"), "{stdout}");
        assert!(home.path().join("data/plans/env.json").is_file());
    }
}

#[test]
fn without_plain_mode_a_pipe_gets_one_line_pointing_to_it() {
    for value in [None, Some("0"), Some("")] {
        let home = tempfile::tempdir().unwrap();
        let mut command = outready(home.path());
        if let Some(value) = value {
            command.env("ACCESSIBLE", value);
        }
        let done = command.write_stdin("7\nq\n").assert().code(1).stdout("");
        let stderr = String::from_utf8_lossy(&done.get_output().stderr).into_owned();
        assert_eq!(stderr.lines().count(), 1, "ACCESSIBLE={value:?}: {stderr}");
        assert!(
            stderr.contains("outready --plain") && stderr.contains("outready report"),
            "{stderr}"
        );
        assert!(
            !home.path().join("data/plans").exists(),
            "nothing is written when the wizard cannot start"
        );
    }
}

#[test]
fn plain_mode_and_plan_opening_use_no_terminal_library() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("plain.rs"), root.join("open.rs")];
    let mut folders = vec![root.join("plain")];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 7, "{files:?}");
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for library in ["ratatui", "crossterm", "clap"] {
            assert!(!text.contains(library), "{} uses {library}", file.display());
        }
    }
}
