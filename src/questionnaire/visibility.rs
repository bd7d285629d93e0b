//! Which sections and questions are shown for a set of answers.
//!
//! A question is shown when its section's `show_if` and its own hold. Conditions see the
//! answer of a hidden question as no answer, so hiding one question hides what depends
//! on it; the answers themselves are never touched.

use std::cell::RefCell;

use super::condition::Facts;
use super::model::{Question, Questionnaire};
use crate::answer::{Answer, Answers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Unknown,
    /// Being worked out: meeting it again means a cycle, which counts as hidden.
    Working,
    Known(bool),
}

/// Shown or hidden, for every section and question of one questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visibility {
    sections: Vec<bool>,
    questions: Vec<Vec<bool>>,
}

impl Visibility {
    /// Works out what is shown for these answers.
    pub fn compute(questionnaire: &Questionnaire, answers: &Answers) -> Self {
        let resolver = Resolver::new(questionnaire, answers);
        for (s, section) in questionnaire.sections.iter().enumerate() {
            resolver.section_visible(s);
            for q in 0..section.questions.len() {
                resolver.question_visible(s, q);
            }
        }
        let known = |mark: &Mark| matches!(mark, Mark::Known(true));
        Visibility {
            sections: resolver.sections.into_inner().iter().map(known).collect(),
            questions: resolver
                .questions
                .into_inner()
                .iter()
                .map(|marks| marks.iter().map(known).collect())
                .collect(),
        }
    }

    /// Whether the section at this index is shown.
    pub fn section(&self, section: usize) -> bool {
        self.sections.get(section).copied().unwrap_or(false)
    }

    /// Whether the question at this place is shown.
    pub fn question(&self, section: usize, question: usize) -> bool {
        self.questions
            .get(section)
            .and_then(|qs| qs.get(question))
            .copied()
            .unwrap_or(false)
    }

    /// Whether the question with this id is shown.
    pub fn shows(&self, questionnaire: &Questionnaire, id: &str) -> bool {
        questionnaire
            .locate(id)
            .is_some_and(|(s, q)| self.question(s, q))
    }

    /// How many questions are shown in all.
    pub fn shown_count(&self) -> usize {
        self.questions.iter().flatten().filter(|v| **v).count()
    }
}

/// The facts conditions see once visibility is known: hidden answers read as none.
pub struct VisibleFacts<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub visibility: &'a Visibility,
}

impl Facts for VisibleFacts<'_> {
    fn question(&self, id: &str) -> Option<&Question> {
        self.questionnaire.question(id)
    }

    fn answer(&self, id: &str) -> Option<&Answer> {
        if self.visibility.shows(self.questionnaire, id) {
            self.answers.get(id)
        } else {
            None
        }
    }
    fn figure(&self, id: &str) -> Option<Option<rust_decimal::Decimal>> {
        super::compute::eval::figure_value(self.questionnaire, self, id)
    }
}

/// Works visibility out lazily, so a condition may read a question further on.
struct Resolver<'a> {
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
    sections: RefCell<Vec<Mark>>,
    questions: RefCell<Vec<Vec<Mark>>>,
}

impl<'a> Resolver<'a> {
    fn new(questionnaire: &'a Questionnaire, answers: &'a Answers) -> Self {
        Resolver {
            questionnaire,
            answers,
            sections: RefCell::new(vec![Mark::Unknown; questionnaire.sections.len()]),
            questions: RefCell::new(
                questionnaire
                    .sections
                    .iter()
                    .map(|s| vec![Mark::Unknown; s.questions.len()])
                    .collect(),
            ),
        }
    }

    fn section_visible(&self, s: usize) -> bool {
        let mark = self.sections.borrow()[s];
        match mark {
            Mark::Known(shown) => shown,
            Mark::Working => false,
            Mark::Unknown => {
                self.sections.borrow_mut()[s] = Mark::Working;
                let shown = self.questionnaire.sections[s]
                    .show_if
                    .as_ref()
                    .is_none_or(|c| c.holds(self));
                self.sections.borrow_mut()[s] = Mark::Known(shown);
                shown
            }
        }
    }

    fn question_visible(&self, s: usize, q: usize) -> bool {
        let mark = self.questions.borrow()[s][q];
        match mark {
            Mark::Known(shown) => shown,
            Mark::Working => false,
            Mark::Unknown => {
                self.questions.borrow_mut()[s][q] = Mark::Working;
                let shown = self.section_visible(s)
                    && self.questionnaire.sections[s].questions[q]
                        .show_if
                        .as_ref()
                        .is_none_or(|c| c.holds(self));
                self.questions.borrow_mut()[s][q] = Mark::Known(shown);
                shown
            }
        }
    }
}

impl Facts for Resolver<'_> {
    fn question(&self, id: &str) -> Option<&Question> {
        self.questionnaire.question(id)
    }

    fn answer(&self, id: &str) -> Option<&Answer> {
        let (s, q) = self.questionnaire.locate(id)?;
        if self.question_visible(s, q) {
            self.answers.get(id)
        } else {
            None
        }
    }
    fn figure(&self, id: &str) -> Option<Option<rust_decimal::Decimal>> {
        super::compute::eval::figure_value(self.questionnaire, self, id)
    }
}
