//! The questionnaire files built into the binary (embedded at build time from
//! `questionnaires/`), with their hashes, and finding a string inside them.

/// The built-in questionnaire files: (file name, text).
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    include!(concat!(env!("OUT_DIR"), "/builtin_questionnaires.rs"))
}

/// The content hash of each built-in file, in the order of [`builtin_files`], worked out
/// at build time so that starting does not hash them again.
pub(super) fn builtin_hashes() -> &'static [&'static str] {
    include!(concat!(env!("OUT_DIR"), "/builtin_hashes.rs"))
}

/// The same string as `part`, in a built-in file, when `part` is a piece of one: a
/// string the reader took straight from a built-in file's text. Found by where its bytes
/// are, so the answer is always a slice of that text (never a copy).
pub(super) fn slice_of(part: &str) -> Option<&'static str> {
    let start = part.as_ptr() as usize;
    builtin_files().iter().find_map(|(_, file)| {
        let offset = start.checked_sub(file.as_ptr() as usize)?;
        let embedded = file.get(offset..offset.checked_add(part.len())?)?;
        debug_assert_eq!(embedded, part);
        Some(embedded)
    })
}
