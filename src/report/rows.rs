//! The words of the report's tables and lists, once for every format: headings, column
//! names, tags and each row's cells as plain text. Nothing here is escaped and nothing
//! knows a markup: Markdown makes the words safe with its `inline`, HTML with its
//! `escape`, and each lays them out its own way. The summary page's words are in
//! `rows/summary.rs`.

use super::text::{effort_label, impact_label, owner_label, percent_or_dash, person_or_unassigned};
use super::{
    ActionItem, ChecklistItem, ChecklistSection, GapItem, KeptAnswer, ProviderQuestion,
    ProviderQuestionSource, RecommendationItem, Report, SectionScore,
};
use crate::plan::ActionStatus;

mod summary;

pub(super) use summary::{
    BUDGET, COUNTS, SUMMARY, TOP_ACTION_COLUMNS, TOP_ACTIONS, TOP_ACTIONS_ABOUT, count_lines,
    top_action_cells,
};

/// A part of the report that lists things: its heading, and what it says when there is
/// nothing to list.
pub(super) struct Part {
    pub heading: &'static str,
    pub empty: &'static str,
}

/// The readiness checklist.
pub(super) const CHECKLIST: Part = Part {
    heading: "Readiness checklist",
    empty: "No questions are shown for these answers.",
};

/// The gap report.
pub(super) const GAPS: Part = Part {
    heading: "Gap report",
    empty: "No gaps: every answer that counts is fully in place.",
};

/// What a gap without a recommendation says in place of the table.
pub(super) const NO_RECOMMENDATION: &str =
    "The questionnaire has no recommendation for this answer.";

/// The action plan.
pub(super) const ACTIONS: Part = Part {
    heading: "Action plan",
    empty: "No recommendations accepted into the action plan yet.",
};

/// The questions to ask providers.
pub(super) const PROVIDER_QUESTIONS: Part = Part {
    heading: "Questions to ask providers",
    empty: "Nothing to ask yet: no gap falls to the provider, and no answer is \"I don't know yet\".",
};

/// The questions flagged to discuss later.
pub(super) const DISCUSS_LATER: Part = Part {
    heading: "Discuss later",
    empty: "No question is flagged to discuss later.",
};

/// The heading of the answers kept from an earlier version of the questionnaire.
pub(super) const KEPT_ANSWERS: &str = "Answers kept from an earlier version";

/// What the kept answers are, said before their table.
pub(super) const KEPT_ANSWERS_ABOUT: &str = "This version of the questionnaire no longer asks these questions; their answers are kept in the plan.";

/// The heading of the table (and chart) of sections.
pub(super) const SECTIONS: &str = "Readiness by section";

/// The heading of the verdict's list of holds.
pub(super) const HOLDS: &str = "What holds the level down";

/// What a column of a table holds, which decides how a format aligns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holds {
    Words,
    Figures,
    Date,
}

/// A column of a table: its name and what it holds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    pub name: &'static str,
    pub holds: Holds,
}

impl Column {
    /// A column of words.
    pub const fn words(name: &'static str) -> Column {
        Column {
            name,
            holds: Holds::Words,
        }
    }

    /// A column of figures.
    pub const fn figures(name: &'static str) -> Column {
        Column {
            name,
            holds: Holds::Figures,
        }
    }

    /// A column of dates.
    pub const fn date(name: &'static str) -> Column {
        Column {
            name,
            holds: Holds::Date,
        }
    }
}

/// The columns of the table of sections.
pub(super) const SECTION_COLUMNS: [Column; 7] = [
    Column::words("Section"),
    Column::figures("Readiness"),
    Column::figures("Answered"),
    Column::figures("Unsure"),
    Column::figures("Not applicable"),
    Column::figures("Still open"),
    Column::figures("Blockers"),
];

/// A section's row: its title, its readiness ("not scored" for a section that does not
/// count), "N of M" answered, then the unsure, not applicable, still open and blockers.
pub(super) fn section_cells(section: &SectionScore) -> [String; 7] {
    let score = if section.scored {
        percent_or_dash(section.score)
    } else {
        "not scored".to_string()
    };
    [
        section.title.clone(),
        score,
        format!("{} of {}", section.counts.given(), section.counts.shown),
        section.counts.unsure.to_string(),
        section.counts.not_applicable.to_string(),
        section.counts.unanswered.to_string(),
        section.blockers.to_string(),
    ]
}

/// How much of a checklist section is met: "(3 of 5 met)".
pub(super) fn met(section: &ChecklistSection) -> String {
    format!("({} of {} met)", section.met(), section.items.len())
}

/// The columns of a gap's table of recommendations.
pub(super) const RECOMMENDATION_COLUMNS: [Column; 5] = [
    Column::words("Recommendation"),
    Column::words("Effort"),
    Column::words("Impact"),
    Column::words("Owner"),
    Column::date("Due"),
];

/// A recommendation's row: its text, effort, impact, owner and due date.
pub(super) fn recommendation_cells(recommendation: &RecommendationItem) -> [String; 5] {
    [
        recommendation.text.clone(),
        effort_label(recommendation.effort).to_string(),
        impact_label(recommendation.impact).to_string(),
        recommendation
            .person
            .clone()
            .unwrap_or_else(|| owner_label(recommendation.owner).to_string()),
        recommendation.due.to_string(),
    ]
}

/// The columns of the table of kept answers.
pub(super) const KEPT_COLUMNS: [Column; 3] = [
    Column::words("Question id"),
    Column::words("Answer"),
    Column::words("Note"),
];

/// A kept answer's row: the question id, the answer as stored, the note (or nothing).
pub(super) fn kept_cells(kept: &KeptAnswer) -> [&str; 3] {
    [
        &kept.question_id,
        &kept.answer,
        kept.note.as_deref().unwrap_or_default(),
    ]
}

/// A mark beside an item that says why it stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Blocker,
    Critical,
    Discuss,
    InActionPlan,
}

impl Tag {
    /// The tag in words, capitalised.
    pub fn label(self) -> &'static str {
        match self {
            Tag::Blocker => "Blocker",
            Tag::Critical => "Critical",
            Tag::Discuss => "Discuss later",
            Tag::InActionPlan => "In the action plan",
        }
    }
}

/// A checklist item's tags: a blocker, else critical while not met; discuss later.
pub(super) fn checklist_tags(item: &ChecklistItem) -> Vec<Tag> {
    let mut tags = Vec::new();
    if item.blocker {
        tags.push(Tag::Blocker);
    } else if item.critical && !item.met {
        tags.push(Tag::Critical);
    }
    if item.discuss {
        tags.push(Tag::Discuss);
    }
    tags
}

/// A gap's tags: blocker, critical, or both.
pub(super) fn gap_tags(gap: &GapItem) -> Vec<Tag> {
    let mut tags = Vec::new();
    if gap.blocker {
        tags.push(Tag::Blocker);
    }
    if gap.critical {
        tags.push(Tag::Critical);
    }
    tags
}

/// A recommendation's tags: whether it is in the action plan.
pub(super) fn recommendation_tags(recommendation: &RecommendationItem) -> Vec<Tag> {
    if recommendation.in_action_plan {
        vec![Tag::InActionPlan]
    } else {
        Vec::new()
    }
}

/// The columns of the action plan. Markdown adds a column for "done" first and one for
/// the question last; HTML writes both inside these cells.
pub(super) const ACTION_COLUMNS: [Column; 4] = [
    Column::words("Action"),
    Column::words("Owner"),
    Column::date("Due"),
    Column::words("Status"),
];

/// An action as a row's words.
pub(super) struct ActionRow<'a> {
    pub done: bool,
    pub text: &'a str,
    /// The person who will do it, or what to say while nobody is named.
    pub owner: &'a str,
    /// You, provider or shared, when the recommendation says.
    pub party: Option<&'static str>,
    /// The date, or "no date".
    pub due: String,
    pub status: &'static str,
    /// The question it is for.
    pub question: &'a str,
}

/// An action's row.
pub(super) fn action_row(action: &ActionItem) -> ActionRow<'_> {
    ActionRow {
        done: action.status == ActionStatus::Done,
        text: &action.text,
        owner: person_or_unassigned(action.owner.as_deref()),
        // A person named is the owner; "you" or "provider" only says who, until then.
        party: action
            .party
            .filter(|_| action.owner.is_none())
            .map(owner_label),
        due: action
            .due
            .map_or_else(|| "no date".to_string(), |d| d.to_string()),
        status: action.status.label(),
        question: &action.question,
    }
}

/// The quotes a format puts around "I don't know yet" in a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Quotes {
    Straight,
    Curly,
}

/// A group of the questions to ask providers, by where they come from.
pub(super) struct AskGroup<'a> {
    pub heading: &'static str,
    pub source: ProviderQuestionSource,
    pub items: Vec<&'a ProviderQuestion>,
}

/// The questions to ask providers in their groups, first what to ask each candidate,
/// then what to find out; a group with nothing in it is left out.
pub(super) fn ask_groups(report: &Report, quotes: Quotes) -> Vec<AskGroup<'_>> {
    let find_out = match quotes {
        Quotes::Straight => "Find out (you answered \"I don't know yet\")",
        Quotes::Curly => "Find out (you answered “I don't know yet”)",
    };
    [
        (
            ProviderQuestionSource::ProviderGap,
            "Ask each candidate provider",
        ),
        (ProviderQuestionSource::Unsure, find_out),
    ]
    .into_iter()
    .map(|(source, heading)| AskGroup {
        heading,
        source,
        items: report
            .provider_questions
            .iter()
            .filter(|q| q.source == source)
            .collect(),
    })
    .filter(|group| !group.items.is_empty())
    .collect()
}

/// The sentence that counts the holds the verdict does not list by name (critical
/// answers and decisive questions not answered yet), in every format and on screen.
pub fn more_holds(more: usize) -> String {
    format!(
        "… and {more} more: critical answers below half or not known yet, or decisive questions not answered yet (the gap report and the review list them all)."
    )
}
