//! Embeds every `questionnaires/*.json` file into the binary, so adding a questionnaire
//! needs no code change, with the hash of each worked out here rather than at every start.

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

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
    let mut hashes = String::from("&[\n");
    for name in &names {
        println!("cargo::rerun-if-changed=questionnaires/{name}");
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/questionnaires/{name}\"))),"
        );
        // The same digest as `questionnaire::load::content_hash`; a test checks they agree.
        let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let _ = writeln!(hashes, "    \"sha256:{hex}\",");
    }
    code.push(']');
    hashes.push(']');
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    for (file, text) in [
        ("builtin_questionnaires.rs", code),
        ("builtin_hashes.rs", hashes),
    ] {
        let target = Path::new(&out).join(file);
        if let Err(e) = std::fs::write(&target, text) {
            panic!("cannot write {}: {e}", target.display());
        }
    }
}
