//! Checks on a parsed questionnaire that its types alone cannot make: unique ids,
//! conditions that name real questions and options, no visibility cycles, scores in
//! range, sensible levels, and more. Every problem is listed, not just the first, each
//! at the JSON path of what is wrong; `load` turns paths into lines.
//!
//! The walk over the document lives here (top level, levels, sections); questions,
//! conditions and cycles have a file each under `validate/`.

mod calculated;
mod conditions;
mod cycles;
mod exclusive;
#[cfg(test)]
mod field_tests;
mod moved;
mod question;
mod quick;
mod stage;
#[cfg(test)]
mod tests;
mod text;

use std::collections::{BTreeMap, HashMap, HashSet};

use super::model::{FORMAT_VERSION, Questionnaire, Section};
use super::problem::Problem;

use text::is_semver;
pub use text::{MAX_ID_LENGTH, questionnaire_id_problem};

/// The parts of a file that could not be read into their types, by position, each with
/// a stand-in in the questionnaire so that every path points where it did. Their type
/// problem is said already: the checks leave them out and blame nothing else on them.
#[derive(Debug, Clone, Default)]
pub struct Unread {
    /// Some level could not be read, so the levels are not checked as a whole.
    pub levels: bool,
    pub sections: HashSet<usize>,
    pub questions: HashSet<(usize, usize)>,
    pub recommendations: HashSet<(usize, usize, usize)>,
}

/// Every problem in the questionnaire, in document order. Empty means valid.
///
/// Expects a questionnaire as `load` hands it over (after `prepare`, so yes/no questions
/// without options already have their default ones).
pub fn check(questionnaire: &Questionnaire) -> Vec<Problem> {
    check_partial(questionnaire, &Unread::default())
}

/// Every problem in the parts of the questionnaire that could be read, leaving out the
/// stand-ins of those that could not.
pub fn check_partial(questionnaire: &Questionnaire, unread: &Unread) -> Vec<Problem> {
    let mut checker = Checker::new(questionnaire, unread);
    checker.document();
    checker.texts();
    // Cycles are reported at the `show_if` they pass through; any the walk did not meet
    // there still must not be lost.
    let rest = std::mem::take(&mut checker.cycles);
    checker.problems.extend(rest.into_values().flatten());
    checker.problems
}

/// The problem with a `format_version` this build cannot read, if it is one.
pub fn format_version(version: u64) -> Option<Problem> {
    (version != u64::from(FORMAT_VERSION)).then(|| {
        Problem::at(
            "format_version",
            format!(
                "format_version {version} is not known to this outready, which reads version \
                 {FORMAT_VERSION}: use a newer outready or write the file for version \
                 {FORMAT_VERSION}"
            ),
        )
    })
}

/// What the walk knows while it goes through the document, and what it found.
struct Checker<'a> {
    questionnaire: &'a Questionnaire,
    /// The parts that are stand-ins, not checked.
    unread: &'a Unread,
    /// Where each question id first appears: conditions read that question.
    places: HashMap<&'a str, (usize, usize)>,
    /// Visibility cycles, keyed by the path of the `show_if` to report them at.
    cycles: BTreeMap<String, Vec<Problem>>,
    /// Recommendation ids met so far, with where (they are unique across the file).
    recommendations: HashMap<&'a str, String>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn new(questionnaire: &'a Questionnaire, unread: &'a Unread) -> Self {
        let mut places = HashMap::new();
        for (s, section) in questionnaire.sections.iter().enumerate() {
            for (q, question) in section.questions.iter().enumerate() {
                places.entry(question.id.as_str()).or_insert((s, q));
            }
        }
        let mut cycles: BTreeMap<String, Vec<Problem>> = BTreeMap::new();
        for (anchor, problem) in cycles::find(questionnaire, &places) {
            cycles.entry(anchor).or_default().push(problem);
        }
        Checker {
            questionnaire,
            unread,
            places,
            cycles,
            recommendations: HashMap::new(),
            problems: Vec::new(),
        }
    }

    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::at(path, message));
    }

    /// Reports the cycles that run through the `show_if` at this path.
    fn report_cycles_at(&mut self, path: &str) {
        if let Some(found) = self.cycles.remove(path) {
            self.problems.extend(found);
        }
    }

    fn document(&mut self) {
        let q = self.questionnaire;
        if let Some(problem) = format_version(u64::from(q.format_version)) {
            self.problems.push(problem);
        }
        if q.id.trim().is_empty() {
            self.report(
                "id",
                "the questionnaire has no id: give it a short stable one such as \
                 \"it-outsourcing\", since plans find their questionnaire by it",
            );
        } else if let Some(problem) = questionnaire_id_problem(&q.id) {
            self.report("id", problem);
        }
        if !is_semver(&q.version) {
            self.report(
                "version",
                format!(
                    "version \"{}\" is not MAJOR.MINOR.PATCH: write it like \"1.0.0\" or \
                     \"1.0.0-beta\"",
                    q.version
                ),
            );
        }
        if q.title.trim().is_empty() {
            self.report(
                "title",
                "the questionnaire has no title: add the name the owner will see",
            );
        }
        self.levels();
        self.sections();
        self.stage();
        self.moved();
        self.quick();
        self.calculated();
    }

    fn levels(&mut self) {
        let levels = &self.questionnaire.levels;
        if self.unread.levels {
            return;
        }
        if levels.is_empty() {
            self.report(
                "levels",
                "there are no readiness levels: add at least one, the first with min 0",
            );
            return;
        }
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (k, level) in levels.iter().enumerate() {
            let path = format!("levels[{k}]");
            if level.id.trim().is_empty() {
                self.report(
                    format!("{path}.id"),
                    "this level has no id: give it a short stable one such as \"ready\"",
                );
            } else if let Some(first) = first_place(&mut seen, &level.id, &path) {
                self.report(
                    format!("{path}.id"),
                    format!(
                        "level id \"{}\" is used twice (first at {first}): give each level \
                         its own id",
                        level.id
                    ),
                );
            } else {
                self.id_spacing(&format!("{path}.id"), "level", &level.id);
            }
            let name = &level.id;
            if level.label.trim().is_empty() {
                self.report(
                    format!("{path}.label"),
                    format!(
                        "level \"{name}\" has no label: add the name the owner will see, such \
                         as \"Nearly ready\""
                    ),
                );
            }
            let min = level.min;
            if !(0.0..=1.0).contains(&min) {
                self.report(
                    format!("{path}.min"),
                    format!(
                        "level \"{name}\" starts at {min}, outside 0 to 1: give min as a share \
                         of the full score, such as 0.7"
                    ),
                );
            } else if k == 0 && min != 0.0 {
                self.report(
                    format!("{path}.min"),
                    format!(
                        "the first level \"{name}\" starts at {min}, so scores below {min} \
                         reach no level: set its min to 0"
                    ),
                );
            }
            if let Some(before) = k.checked_sub(1).and_then(|b| levels.get(b))
                && min <= before.min
            {
                self.report(
                    format!("{path}.min"),
                    format!(
                        "level \"{name}\" starts at {min}, not above the level before it \
                         (\"{}\" at {}): list levels lowest first, each min higher than the \
                         last",
                        before.id, before.min
                    ),
                );
            }
        }
    }

    fn sections(&mut self) {
        let sections = &self.questionnaire.sections;
        if sections.is_empty() {
            self.report(
                "sections",
                "there are no sections: add at least one section of questions",
            );
            return;
        }
        if sections.iter().all(|s| s.weight == 0.0) {
            self.report(
                "sections",
                "every section has weight 0, so nothing counts towards the overall score: \
                 give at least one section a weight above 0",
            );
        }
        let has_questions = sections.iter().any(|s| !s.questions.is_empty());
        // A question that could not be read may be the scored one.
        let all_read = self.unread.questions.is_empty();
        if has_questions && all_read && !self.questionnaire.questions().any(|(_, q)| q.is_scored())
        {
            self.report(
                "sections",
                "no question carries a score, so no readiness verdict can be given: score \
                 the options of some questions (or give number questions score bands)",
            );
        }
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (s, section) in sections.iter().enumerate() {
            self.section(s, section, &mut seen);
        }
    }

    fn section(&mut self, s: usize, section: &'a Section, seen: &mut HashMap<&'a str, String>) {
        if self.unread.sections.contains(&s) {
            for (q, question) in section.questions.iter().enumerate() {
                self.question(s, q, question);
            }
            return;
        }
        let path = format!("sections[{s}]");
        let name = &section.id;
        if name.trim().is_empty() {
            self.report(
                format!("{path}.id"),
                "this section has no id: give it a short stable one such as \"budget\"",
            );
        } else if let Some(first) = first_place(seen, name, &path) {
            self.report(
                format!("{path}.id"),
                format!(
                    "section id \"{name}\" is used twice (first at {first}): give each section \
                     its own id"
                ),
            );
        } else {
            self.id_spacing(&format!("{path}.id"), "section", name);
        }
        if section.title.trim().is_empty() {
            self.report(
                format!("{path}.title"),
                format!(
                    "section \"{name}\" has no title: add the name the owner will see in the \
                     sidebar"
                ),
            );
        }
        self.weight(&format!("{path}.weight"), "section", name, section.weight);
        if let Some(condition) = &section.show_if {
            let at = format!("{path}.show_if");
            self.condition(&at, condition);
            self.report_cycles_at(&at);
        }
        if section.questions.is_empty() {
            self.report(
                format!("{path}.questions"),
                format!("section \"{name}\" has no questions: add some or remove the section"),
            );
        }
        for (q, question) in section.questions.iter().enumerate() {
            self.question(s, q, question);
        }
    }

    /// Weights scale a part's share of the score: a negative or endless one breaks it.
    fn weight(&mut self, path: &str, what: &str, name: &str, weight: f64) {
        if !(weight.is_finite() && weight >= 0.0) {
            self.report(
                path,
                format!(
                    "{what} \"{name}\" has weight {weight}: use a number of 0 or more (0 \
                     leaves it out of the score)"
                ),
            );
        }
    }

    /// Conditions and plans match ids exactly, so a stray space makes an id nobody types.
    fn id_spacing(&mut self, path: &str, what: &str, id: &str) {
        if id.trim() != id {
            self.report(
                path,
                format!(
                    "{what} id \"{id}\" has spaces around it: remove them, since ids are \
                     matched exactly"
                ),
            );
        }
    }
}

/// Records where `id` first appears; when it was already there, returns that place.
fn first_place<'a>(seen: &mut HashMap<&'a str, String>, id: &'a str, path: &str) -> Option<String> {
    match seen.get(id) {
        Some(first) => Some(first.clone()),
        None => {
            seen.insert(id, path.to_string());
            None
        }
    }
}

/// A real calendar date written exactly as `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && text.parse::<jiff::civil::Date>().is_ok()
}

/// The known id closest to a mistyped one, when it is close enough to be a typo.
fn closest<'b>(wanted: &str, known: impl Iterator<Item = &'b str>) -> Option<&'b str> {
    let limit = (wanted.chars().count() / 3).clamp(1, 3);
    known
        .map(|id| (edit_distance(wanted, id), id))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, id)| id)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Values quoted and joined for a message: `"a", "b", "c"`.
fn quoted<'b>(values: impl IntoIterator<Item = &'b str>) -> String {
    values
        .into_iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
