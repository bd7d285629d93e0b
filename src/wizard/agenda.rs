//! The agenda over what is shown: each section weighed by the questions it shows now,
//! which is what a session's time is spread by. Pure; the arithmetic is in
//! `plan::agenda`.

use jiff::Timestamp;

use crate::plan::Plan;
use crate::plan::agenda::{SectionLoad, elapsed};
use crate::questionnaire::{Questionnaire, Visibility};

/// Adds to the plan's agenda the time the section at this index used, from `since` to
/// `now` (the running clock of either front end). Nothing without an agenda.
pub fn bank_clock(
    plan: &mut Plan,
    questionnaire: &Questionnaire,
    section: usize,
    since: Timestamp,
    now: Timestamp,
) {
    let id = questionnaire.sections.get(section).map(|s| s.id.as_str());
    if let (Some(agenda), Some(id)) = (plan.agenda.as_mut(), id) {
        agenda.bank(id, elapsed(since, now));
    }
}

/// Each section of a questionnaire with the questions shown of it, in order.
pub fn loads<'a>(
    questionnaire: &'a Questionnaire,
    visibility: &Visibility,
) -> Vec<SectionLoad<'a>> {
    questionnaire
        .sections
        .iter()
        .enumerate()
        .map(|(s, section)| SectionLoad {
            id: &section.id,
            shown: (0..section.questions.len())
                .filter(|q| visibility.question(s, *q))
                .count(),
        })
        .collect()
}
