//! Where each calculated figure stands in a questionnaire, built once on load, and the
//! look-ups by id and by number that conditions, scoring and the reports use.

use std::collections::HashMap;

use super::Calculated;
use crate::questionnaire::model::Questionnaire;

impl Questionnaire {
    /// Indexes the figures in file order (called by `prepare`).
    pub(in crate::questionnaire) fn index_figures(&mut self) {
        self.figures = self
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| (0..section.calculated.len()).map(move |c| (s, c)))
            .collect();
        self.figure_ids = HashMap::new();
        for (n, &(s, c)) in self.figures.iter().enumerate() {
            let id = self.sections[s].calculated[c].id.clone();
            self.figure_ids.entry(id).or_insert(n);
        }
    }

    /// The calculated figure with this id.
    pub fn figure(&self, id: &str) -> Option<&Calculated> {
        self.figure_index(id)
            .and_then(|n| self.figure_at(n))
            .map(|(_, c)| c)
    }

    /// The number of the figure with this id, in file order.
    pub fn figure_index(&self, id: &str) -> Option<usize> {
        self.figure_ids.get(id).copied()
    }

    /// The figure with this number, with its section index.
    pub fn figure_at(&self, n: usize) -> Option<(usize, &Calculated)> {
        let &(s, c) = self.figures.get(n)?;
        Some((s, self.sections.get(s)?.calculated.get(c)?))
    }

    /// Where the figure with this number stands: (section index, figure index).
    pub fn figure_place(&self, n: usize) -> Option<(usize, usize)> {
        self.figures.get(n).copied()
    }

    /// Whether the figure with this id reads the answer to `question`, directly or
    /// through the figures it reads (validation refuses cycles; a visited set keeps a
    /// file that slipped past it from looping).
    pub fn figure_reads(&self, figure: &str, question: &str) -> bool {
        let mut seen: Vec<&str> = Vec::new();
        let mut todo = vec![figure];
        while let Some(id) = todo.pop() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let Some(calculated) = self.figure(id) else {
                continue;
            };
            for read in calculated.expr.ids() {
                if read == question {
                    return true;
                }
                todo.push(read);
            }
        }
        false
    }

    /// How many calculated figures there are in all.
    pub fn figure_count(&self) -> usize {
        self.figures.len()
    }

    /// Whether anything here is an amount in the plan's currency: a money question or a
    /// calculated figure (the wizard lists its currency key only then).
    pub fn counts_amounts(&self) -> bool {
        self.figure_count() > 0
            || self
                .questions()
                .any(|(_, q)| q.kind == crate::questionnaire::model::QuestionType::Money)
    }
}
