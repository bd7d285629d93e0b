//! One line about each plan, with its progress and verdict, for `outready list` and the
//! wizard's plans screen, so both say the same thing.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::local_zone::local_zone;
use crate::plan::PlanEntry;
use crate::plan::conflict::ConflictCopy;
use crate::questionnaire::Catalog;
use crate::scoring;
use crate::wizard::Flow;

/// What the plans list says about one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOverview {
    pub name: String,
    pub file: PathBuf,
    pub questionnaire: String,
    /// Shown questions with an answer of any kind, and shown questions in all.
    pub answered: usize,
    pub total: usize,
    /// The readiness level's label ("not started" before any answer).
    pub level: String,
    /// When the plan last changed, in local time.
    pub updated: String,
    /// Why the plan cannot be opened, when it cannot.
    pub problem: Option<String>,
}

/// Each conflict copy a sync tool left in the plans folder, with its plan's real name
/// (its file stem when the plan cannot be read): for `conflict_notices` and the
/// wizard, which say it in the same words ([`ConflictCopy::describe`]).
pub fn conflict_copies(store: &crate::plan::PlanStore) -> Vec<(ConflictCopy, String)> {
    crate::plan::conflict::copies(store)
        .into_iter()
        .map(|copy| {
            let name = crate::plan::store::load_path(&copy.plan_file)
                .map_or_else(|_| copy.name.stem.clone(), |plan| plan.name);
            (copy, name)
        })
        .collect()
}

/// One line per conflict copy a sync tool left in the plans folder, by its plan's real
/// name, with the command that joins it: for `outready list` (the wizard's plans screen
/// says the same words with its key; the copy is listed here, never as a plan of its
/// own).
pub fn conflict_notices(store: &crate::plan::PlanStore) -> Vec<(ConflictCopy, String)> {
    conflict_copies(store)
        .into_iter()
        .map(|(copy, name)| {
            let line = format!(
                "{}: {} to join it",
                copy.describe(&name),
                copy.merge_command()
            );
            (copy, line)
        })
        .collect()
}

/// A timestamp as local date and time, to the minute.
pub fn local_time(at: Timestamp) -> String {
    at.to_zoned(local_zone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// The overview of each plan file, in the order given.
pub fn overviews(entries: &[PlanEntry], catalog: &Catalog) -> Vec<PlanOverview> {
    entries
        .iter()
        .map(|entry| overview(entry, catalog))
        .collect()
}

fn overview(entry: &PlanEntry, catalog: &Catalog) -> PlanOverview {
    let file_name = entry
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plan = match &entry.plan {
        Ok(plan) => plan,
        Err(error) => {
            return PlanOverview {
                name: file_name,
                file: entry.path.clone(),
                questionnaire: "?".into(),
                answered: 0,
                total: 0,
                level: "?".into(),
                updated: "?".into(),
                problem: Some(error.to_string()),
            };
        }
    };
    let mut row = PlanOverview {
        name: plan.name.clone(),
        file: entry.path.clone(),
        questionnaire: plan.questionnaire.id.clone(),
        answered: 0,
        total: 0,
        level: "?".into(),
        updated: local_time(plan.updated),
        problem: None,
    };
    let Some(loaded) = catalog.find(&plan.questionnaire.id) else {
        row.problem = Some(format!(
            "it answers the questionnaire \"{}\", which is not available here",
            plan.questionnaire.id
        ));
        return row;
    };
    let questionnaire = &loaded.questionnaire;
    // Read as opening it would: answers of renamed questions count where they now are.
    let mut answers = plan.answers.clone();
    crate::questionnaire::moved::apply(questionnaire, &mut answers);
    let flow = Flow::new(questionnaire, &answers);
    (row.answered, row.total) = flow.progress(questionnaire, &answers);
    row.level = if row.answered == 0 {
        "not started".into()
    } else {
        scoring::assess(questionnaire, &answers)
            .level
            .and_then(|l| questionnaire.levels.get(l.index))
            .map_or("no verdict yet".into(), |l| l.label.to_string())
    };
    row
}
