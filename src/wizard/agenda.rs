//! The agenda over the flow: each section weighed by the questions it shows now, which
//! is what a session's time is spread by. Pure; the arithmetic is in `plan::agenda`.

use crate::plan::agenda::SectionLoad;
use crate::questionnaire::Questionnaire;

use super::Flow;

/// Each section of a questionnaire with the questions the flow shows of it, in order.
pub fn loads<'a>(questionnaire: &'a Questionnaire, flow: &Flow) -> Vec<SectionLoad<'a>> {
    let mut shown = vec![0; questionnaire.sections.len()];
    for spot in flow.shown() {
        if let Some(count) = shown.get_mut(spot.section) {
            *count += 1;
        }
    }
    questionnaire
        .sections
        .iter()
        .zip(shown)
        .map(|(section, shown)| SectionLoad {
            id: &section.id,
            shown,
        })
        .collect()
}
