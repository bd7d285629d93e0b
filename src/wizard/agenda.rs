//! The agenda over what is shown: each section weighed by the questions it shows now,
//! which is what a session's time is spread by. Pure; the arithmetic is in
//! `plan::agenda`.

use crate::plan::agenda::SectionLoad;
use crate::questionnaire::{Questionnaire, Visibility};

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
