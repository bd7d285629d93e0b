//! Embeds every `questionnaires/*.json` file into the binary, so adding a questionnaire
//! needs no code change, with the hash of each worked out here rather than at every start.
//! Each file is embedded without its indentation (two fifths of it), which the wizard
//! would otherwise read past at every start; its hash stays that of the file itself.

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
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    for name in &names {
        println!("cargo::rerun-if-changed=questionnaires/{name}");
        let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
        // A file that is not JSON goes in as it is, so its problems are told with their
        // real lines (a test checks every built-in file).
        let embedded = serde_json::from_slice::<serde_json::Value>(&bytes)
            .map(|value| value.to_string().into_bytes())
            .unwrap_or_else(|_| bytes.clone());
        let target = Path::new(&out).join(name);
        if let Err(e) = std::fs::write(&target, embedded) {
            panic!("cannot write {}: {e}", target.display());
        }
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),"
        );
        // The same digest as `questionnaire::load::content_hash`; a test checks they agree.
        let hex: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let _ = writeln!(hashes, "    \"sha256:{hex}\",");
    }
    code.push(']');
    hashes.push(']');
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
