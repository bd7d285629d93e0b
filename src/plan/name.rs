//! Plan names, and the file names they are stored under: a plan name never escapes the
//! plans folder, whatever the user types, and its file name (with every suffix a backup,
//! a lock or a temporary file adds) fits the 255 bytes file systems allow.

use std::fmt;

use unicode_normalization::UnicodeNormalization as _;

/// The longest plan name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// The longest file stem, in bytes. File systems allow 255 bytes in a name; the longest
/// suffix added to a stem is a damaged copy's (`.damaged-YYYYMMDD-HHMMSS-NN.json`, 32
/// bytes), and a temporary file adds a dot before and 12 bytes after.
pub const MAX_STEM_BYTES: usize = 200;

/// A plan name the user chose, checked, with the file stem it is stored under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanName {
    name: String,
    stem: String,
}

/// Why a plan name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("a plan name cannot be empty")]
    Empty,
    #[error("a plan name can have at most {MAX_NAME_CHARS} characters")]
    TooLong,
    #[error("a plan name cannot contain control characters")]
    Control,
    #[error(
        "a plan name cannot contain characters that turn the direction of text (U+202A to U+202E, U+2066 to U+2069)"
    )]
    DirectionOverride,
    #[error("a plan name needs at least one letter or digit")]
    NoLetters,
}

impl PlanName {
    /// Checks a name typed by the user. Spaces at either end are dropped, and the name is
    /// put in Unicode's composed form (NFC), so "café" typed either way is one plan.
    pub fn new(name: &str) -> Result<PlanName, NameError> {
        let name: String = name.trim().nfc().collect();
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        check_characters(&name)?;
        let stem = stem_of(&name);
        if stem.is_empty() {
            return Err(NameError::NoLetters);
        }
        Ok(PlanName { name, stem })
    }

    /// The name as the user wrote it.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The file stem: lower-case letters and digits joined by single dashes. It has no
    /// path separators, dots or reserved device names, so it stays inside the folder.
    pub fn stem(&self) -> &str {
        &self.stem
    }
}

impl fmt::Display for PlanName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// Refuses the characters no name may hold, typed or read from a file: control
/// characters and the ones that turn the direction of the text around them.
pub fn check_characters(name: &str) -> Result<(), NameError> {
    if name.chars().any(char::is_control) {
        return Err(NameError::Control);
    }
    if name.chars().any(is_direction_override) {
        return Err(NameError::DirectionOverride);
    }
    Ok(())
}

/// The embedding, override and isolate characters (U+202A to U+202E, U+2066 to U+2069).
fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Windows device names that cannot be file names, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

fn stem_of(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    if stem.len() > MAX_STEM_BYTES {
        let mut end = MAX_STEM_BYTES;
        while !stem.is_char_boundary(end) {
            end -= 1;
        }
        stem.truncate(end);
    }
    while stem.ends_with('-') {
        stem.pop();
    }
    if RESERVED.contains(&stem.as_str()) {
        stem.push_str("-plan");
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_file_names() {
        let cases = [
            ("Acme Ltd", "acme-ltd"),
            ("  Acme   Ltd  ", "acme-ltd"),
            ("../../etc/passwd", "etc-passwd"),
            ("a/b\\c", "a-b-c"),
            ("Müller & Söhne", "müller-söhne"),
            ("CON", "con-plan"),
            ("Provider B (2026)", "provider-b-2026"),
            ("..hidden", "hidden"),
        ];
        for (name, stem) in cases {
            assert_eq!(PlanName::new(name).unwrap().stem(), stem, "{name}");
        }
    }

    #[test]
    fn bad_names_are_refused_with_a_reason() {
        assert_eq!(PlanName::new("   "), Err(NameError::Empty));
        assert_eq!(PlanName::new("../.."), Err(NameError::NoLetters));
        assert_eq!(PlanName::new("a\u{7}b"), Err(NameError::Control));
        assert_eq!(PlanName::new(&"x".repeat(81)), Err(NameError::TooLong));
        assert!(PlanName::new(&"x".repeat(80)).is_ok());
    }

    #[test]
    fn names_in_either_unicode_form_are_one_plan() {
        let composed = PlanName::new("Caf\u{e9}").unwrap();
        let decomposed = PlanName::new("Cafe\u{301}").unwrap();
        assert_eq!(composed.stem(), decomposed.stem());
        assert_eq!(decomposed.as_str(), "Caf\u{e9}");
        assert_eq!(composed, decomposed);
    }

    #[test]
    fn stems_fit_a_file_name_in_bytes() {
        for name in ["漢".repeat(80), "𠀀".repeat(62), "é".repeat(80)] {
            let stem = PlanName::new(&name).unwrap().stem().to_string();
            assert!(stem.len() <= MAX_STEM_BYTES, "{} bytes", stem.len());
            assert!(name.starts_with(&stem));
        }
    }

    #[test]
    fn direction_overrides_are_refused() {
        for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            assert_eq!(
                PlanName::new(&format!("Acme{c}Ltd")),
                Err(NameError::DirectionOverride)
            );
        }
        assert!(
            PlanName::new("Acme \u{5d0} Ltd").is_ok(),
            "Hebrew letters are fine"
        );
    }

    #[test]
    fn the_name_keeps_what_the_user_wrote() {
        let name = PlanName::new(" Acme Ltd ").unwrap();
        assert_eq!(name.as_str(), "Acme Ltd");
        assert_eq!(name.to_string(), "Acme Ltd");
    }
}
