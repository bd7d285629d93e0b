//! Helpers the command-line test modules share: the small fixture questionnaire, the
//! binary on a data folder, and answering a plan by question id.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The small fixture questionnaire most command tests answer.
pub fn small_questionnaire() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/questionnaires/valid/small.json")
}

/// The binary on this data folder, with no plain-mode variable or data folder inherited.
pub fn outready(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_outready"));
    command
        .env_remove("ACCESSIBLE")
        .env_remove("OUTREADY_DATA_DIR")
        .arg("--data-dir")
        .arg(data);
    command
}

/// Answers the plan by question id on the small questionnaire (creating it if need be).
pub fn answer(data: &Path, plan: &str, answers: &[&str]) {
    outready(data)
        .arg("--questionnaire")
        .arg(small_questionnaire())
        .args(["answer", "--plan", plan])
        .args(answers)
        .assert()
        .success();
}
