//! Checks on the text itself: a questionnaire id that can safely name a file, and no
//! control character or bidirectional control in any name, id or sentence (a terminal
//! would act on it, or show a line other than it is), and the form of a version.

use super::Checker;
use crate::text_safety::{code_point, forbidden_char, forbidden_in_prose, is_bidi_control};

/// The longest questionnaire id, in characters (all of them ASCII).
pub const MAX_ID_LENGTH: usize = 64;

/// What is wrong with a questionnaire id, which names the file its copy is kept in: it
/// must be 1 to 64 lower-case letters, digits, `-`, `_` and `.`, not starting with a dot.
/// None when it is right.
pub fn questionnaire_id_problem(id: &str) -> Option<String> {
    let allowed = |c: char| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_' | '.');
    let wrong = if id.is_empty() {
        "is empty".to_string()
    } else if id.chars().count() > MAX_ID_LENGTH {
        format!("is {} characters long", id.chars().count())
    } else if id.starts_with('.') {
        "starts with a dot".to_string()
    } else if let Some(bad) = id.chars().find(|c| !allowed(*c)) {
        if bad.is_control() || is_bidi_control(bad) {
            format!("holds the control character {}", code_point(bad))
        } else {
            format!("holds \"{bad}\"")
        }
    } else {
        return None;
    };
    Some(format!(
        "the questionnaire id {wrong}, but it names a file: use 1 to {MAX_ID_LENGTH} lower-case \
         letters, digits, \"-\", \"_\" and \".\", not starting with a dot, such as \
         \"it-outsourcing\""
    ))
}

/// A name or id (one line, no control at all), or prose (line breaks and tabs allowed).
#[derive(Clone, Copy)]
enum Kind {
    Name,
    Prose,
}

impl Checker<'_> {
    /// Reports every text field that holds a character a terminal would act on.
    pub(super) fn texts(&mut self) {
        let q = self.questionnaire;
        // The questionnaire id has its own, stricter rule (it names a file).
        self.text("version", "the version", &q.version, Kind::Name);
        self.text("title", "the title", &q.title, Kind::Name);
        self.text(
            "description",
            "the description",
            &q.description,
            Kind::Prose,
        );
        for (k, level) in q.levels.iter().enumerate() {
            let at = format!("levels[{k}]");
            self.text(&format!("{at}.id"), "the level id", &level.id, Kind::Name);
            self.text(
                &format!("{at}.label"),
                "the label",
                &level.label,
                Kind::Name,
            );
            let description = &level.description;
            self.text(
                &format!("{at}.description"),
                "the description",
                description,
                Kind::Prose,
            );
        }
        for (s, section) in q.sections.iter().enumerate() {
            let at = format!("sections[{s}]");
            if !self.unread.sections.contains(&s) {
                self.text(
                    &format!("{at}.id"),
                    "the section id",
                    &section.id,
                    Kind::Name,
                );
                self.text(
                    &format!("{at}.title"),
                    "the title",
                    &section.title,
                    Kind::Name,
                );
                self.text(
                    &format!("{at}.intro"),
                    "the intro",
                    &section.intro,
                    Kind::Prose,
                );
            }
            for (n, question) in section.questions.iter().enumerate() {
                if self.unread.questions.contains(&(s, n)) {
                    continue;
                }
                let at = format!("{at}.questions[{n}]");
                self.text(
                    &format!("{at}.id"),
                    "the question id",
                    &question.id,
                    Kind::Name,
                );
                self.text(
                    &format!("{at}.text"),
                    "the question",
                    &question.text,
                    Kind::Prose,
                );
                self.text(
                    &format!("{at}.short"),
                    "the short label",
                    &question.short,
                    Kind::Name,
                );
                self.text(&format!("{at}.why"), "the why", &question.why, Kind::Prose);
                self.text(
                    &format!("{at}.help"),
                    "the help",
                    &question.help,
                    Kind::Prose,
                );
                if let Some(unit) = &question.unit {
                    self.text(&format!("{at}.unit"), "the unit", unit, Kind::Name);
                }
                for (t, tag) in question.tags.iter().enumerate() {
                    self.text(&format!("{at}.tags[{t}]"), "the tag", tag, Kind::Name);
                }
                for (o, option) in question.options.iter().enumerate() {
                    let here = format!("{at}.options[{o}]");
                    self.text(
                        &format!("{here}.value"),
                        "the value",
                        &option.value,
                        Kind::Name,
                    );
                    self.text(
                        &format!("{here}.label"),
                        "the label",
                        &option.label,
                        Kind::Name,
                    );
                }
                for (r, advice) in question.recommendations.iter().enumerate() {
                    if self.unread.recommendations.contains(&(s, n, r)) {
                        continue;
                    }
                    let here = format!("{at}.recommendations[{r}]");
                    self.text(
                        &format!("{here}.id"),
                        "the recommendation id",
                        &advice.id,
                        Kind::Name,
                    );
                    self.text(
                        &format!("{here}.text"),
                        "the text",
                        &advice.text,
                        Kind::Prose,
                    );
                }
            }
        }
    }

    fn text(&mut self, path: &str, what: &str, text: &str, kind: Kind) {
        let found = match kind {
            Kind::Name => forbidden_char(text),
            Kind::Prose => forbidden_in_prose(text),
        };
        let Some(bad) = found else {
            return;
        };
        let (named, effect) = if is_bidi_control(bad) {
            (
                "the bidirectional control",
                "which makes a line read other than it is",
            )
        } else {
            ("the control character", "which a terminal would act on")
        };
        let allowed = match kind {
            Kind::Name => "remove it (a name stays on one line)",
            Kind::Prose => "remove it (line breaks and tabs are fine)",
        };
        self.report(
            path,
            format!(
                "{what} holds {named} {}, {effect}: {allowed}",
                code_point(bad)
            ),
        );
    }
}

/// `MAJOR.MINOR.PATCH` in digits (no leading zeros), optionally `-` and a pre-release
/// made of dot-separated letters, digits and hyphens.
pub(super) fn is_semver(version: &str) -> bool {
    let (core, pre) = match version.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (version, None),
    };
    let numbers: Vec<&str> = core.split('.').collect();
    let number = |part: &&str| {
        !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_digit())
            && (*part == "0" || !part.starts_with('0'))
    };
    let identifier = |part: &str| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    numbers.len() == 3
        && numbers.iter().all(number)
        && pre.is_none_or(|p| p.split('.').all(identifier))
}
