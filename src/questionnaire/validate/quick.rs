//! The check on the quick scan: once a questionnaire marks questions `quick`, every
//! question that can be a blocker or critical is among them, so a verdict from the quick
//! scan never misses what caps the level. (A quick question shown by another question's
//! answer needs nothing marked: the scan asks the questions its `show_if` reads.)

use super::Checker;

impl Checker<'_> {
    pub(super) fn quick(&mut self) {
        let questionnaire = self.questionnaire;
        if !questionnaire.questions().any(|(_, q)| q.quick) {
            return;
        }
        for (s, section) in questionnaire.sections.iter().enumerate() {
            for (q, question) in section.questions.iter().enumerate() {
                if self.unread.questions.contains(&(s, q)) || question.quick {
                    continue;
                }
                let what = match (question.blocker_if.is_some(), question.may_be_critical()) {
                    (true, _) => "can be a blocker",
                    (false, true) => "can be critical",
                    (false, false) => continue,
                };
                self.report(
                    format!("sections[{s}].questions[{q}]"),
                    format!(
                        "question \"{}\" {what} but is not in the quick scan: add \"quick\": \
                         true, so a verdict from the quick scan does not miss it",
                        question.id
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::questionnaire::load::load_text;

    const SMALL: &str = include_str!("../../../tests/fixtures/questionnaires/valid/small.json");

    fn problems(text: &str) -> Vec<String> {
        match load_text("small.json", text, false) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn a_quick_scan_takes_every_blocker_and_critical_question() {
        assert!(problems(SMALL).is_empty(), "nothing quick, nothing to say");
        let outcomes_quick = SMALL.replacen(
            "\"id\": \"outcomes\",",
            "\"id\": \"outcomes\", \"quick\": true,",
            1,
        );
        let found = problems(&outcomes_quick);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("question \"problem\" can be a blocker but is not in the quick scan")
        );
        assert!(found[1].contains("question \"dpa\" can be critical"));
        let all = outcomes_quick
            .replacen(
                "\"id\": \"problem\",",
                "\"id\": \"problem\", \"quick\": true,",
                1,
            )
            .replacen("\"id\": \"dpa\",", "\"id\": \"dpa\", \"quick\": true,", 1);
        assert!(problems(&all).is_empty(), "{:?}", problems(&all));
    }
}
