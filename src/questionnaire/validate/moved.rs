//! Checks on `moved`: each line moves answers from a question this file no longer has to
//! one it has, onto options that exist.

use super::{Checker, quoted};

impl Checker<'_> {
    pub(super) fn moved(&mut self) {
        let questionnaire = self.questionnaire;
        for (k, moved) in questionnaire.moved.iter().enumerate() {
            let path = format!("moved[{k}]");
            if questionnaire.question(&moved.from).is_some() {
                self.report(
                    format!("{path}.from"),
                    format!(
                        "answers are moved from question \"{}\", which this file still asks, so \
                         a plan's answer there would be taken away: name a question of an \
                         earlier version only",
                        moved.from
                    ),
                );
            }
            let Some(to) = questionnaire.question(&moved.to) else {
                self.report(
                    format!("{path}.to"),
                    format!(
                        "answers are moved to question \"{}\", which does not exist: name the \
                         question of this file that now asks it",
                        moved.to
                    ),
                );
                continue;
            };
            if moved.values.is_empty() {
                continue;
            }
            if !to.kind.is_choice() {
                self.report(
                    format!("{path}.values"),
                    format!(
                        "question \"{}\" is a {} question, which has no options to move values \
                         onto: remove \"values\"",
                        to.id,
                        to.kind.name()
                    ),
                );
                continue;
            }
            for (old, new) in &moved.values {
                if to.option(new).is_none() {
                    self.report(
                        format!("{path}.values.{old}"),
                        format!(
                            "the old value \"{old}\" moves to \"{new}\", which is not an option \
                             of question \"{}\": use one of {}",
                            to.id,
                            quoted(to.options.iter().map(|o| o.value.as_str()))
                        ),
                    );
                }
            }
        }
    }
}
