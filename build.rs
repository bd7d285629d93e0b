//! Embeds every `questionnaires/*.json` file into the binary, so adding a questionnaire
//! needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("questionnaires");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".json"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("&[\n");
    for name in &names {
        println!("cargo::rerun-if-changed=questionnaires/{name}");
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/questionnaires/{name}\"))),"
        );
    }
    code.push(']');
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let target = Path::new(&out).join("builtin_questionnaires.rs");
    if let Err(e) = std::fs::write(&target, code) {
        panic!("cannot write {}: {e}", target.display());
    }
}
