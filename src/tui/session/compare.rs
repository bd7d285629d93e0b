//! The session's part in plans that meet: reading the marked plans to compare them (the
//! open one as the wizard holds it, the others through `crate::open`, never locked or
//! written), and merging a sync tool's conflicting copies into their plan with the code
//! of `outready merge`, the copies moved to `plans/merged/`. What came of it goes back
//! to `update` as a message.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::Session;
use crate::commands::merge::{Done, merge_and_save, read_all};
use crate::local_zone::local_zone;
use crate::open::Opening;
use crate::overview::conflict_copies;
use crate::plan::conflict;
use crate::plan::{PlanFile, PlanStore};
use crate::report::compare::Comparison;
use crate::report::text::capitalised;
use crate::tui::app::App;
use crate::tui::message::Message;

/// Each conflicting copy in the plans folder: its plan's file, and the words `outready
/// list` says it in.
pub(super) fn conflict_lines(store: &PlanStore) -> Vec<(PathBuf, String)> {
    conflict_copies(store)
        .into_iter()
        .map(|(copy, name)| {
            // A sentence of its own, as `outready list` says it.
            let words = capitalised(&copy.describe(&name));
            (copy.plan_file, words)
        })
        .collect()
}

/// What the wizard says on opening a plan that has conflicting copies, with the key
/// that merges them; nothing for a plan without, or one that cannot be saved here.
pub(super) fn offer(file: &PlanFile, name: &str) -> Option<String> {
    let path = file.path()?;
    if file.busy().is_some() {
        return None;
    }
    let said: Vec<String> = conflict::copies_of(file.store(), path)
        .iter()
        .map(|copy| copy.describe(name))
        .collect();
    let (first, rest) = said.split_first()?;
    let mut words = first.clone();
    for more in rest {
        words.push_str("; ");
        words.push_str(more);
    }
    let mut offer = capitalised(&words);
    offer.push_str(": press C to merge it into this plan.");
    Some(offer)
}

/// What a merge did, in a line for the status.
fn merged_words(done: &Done) -> String {
    let copies = match done.moved.len() {
        1 => "the conflicting copy".to_string(),
        n => format!("{n} conflicting copies"),
    };
    let disputes = match done.merged.disputes.len() {
        0 => "no answer is disputed".to_string(),
        1 => "1 question is disputed, each side's answer kept as a position (t on it shows them)"
            .to_string(),
        n => format!(
            "{n} questions are disputed, each side's answer kept as a position (t on one shows them)"
        ),
    };
    format!(
        "Merged {copies} into \"{}\" (moved to plans/merged/): {disputes}.",
        done.plan.name
    )
}

impl Session {
    /// The plans in these files side by side: the open plan as the wizard has it now,
    /// the others read as `outready compare` reads them.
    pub(super) fn compare(&self, app: &App, files: &[PathBuf]) -> Vec<Message> {
        let mut plans = Vec::new();
        for file in files {
            if Some(file.as_path()) == self.file.path() {
                plans.push((app.plan.clone(), app.loaded.clone()));
                continue;
            }
            match self.shelf.read_only(file) {
                Ok(read) => plans.push(read),
                Err(error) => return vec![Message::Failed(format!("{error:#}"))],
            }
        }
        match Comparison::of_plans(&plans, &local_zone()) {
            Ok(comparison) => vec![Message::Compared(Box::new(comparison))],
            Err(error) => vec![Message::Failed(format!("{error}."))],
        }
    }

    /// Merges the conflicting copies of the plan in this file into it: the open plan
    /// (with its answers as the wizard has them) into its own file, or another plan
    /// opened, with its lock, for the merge alone.
    pub(super) fn merge_copies(&mut self, app: &App, plan_file: &Path) -> Result<Vec<Message>> {
        let copies = conflict::copies_of(self.file.store(), plan_file);
        if copies.is_empty() {
            bail!("there is no conflicting copy of this plan to merge");
        }
        let mut files = vec![plan_file.to_path_buf()];
        files.extend(copies.into_iter().map(|c| c.path));
        if Some(plan_file) != self.file.path() {
            let mut open = match self.shelf.open_path(plan_file)? {
                Opening::Ready(open) => open,
                Opening::Busy(open, owner) => bail!(
                    "the plan \"{}\" is open in another outready ({}), so nothing was merged: close it there first",
                    open.plan.name,
                    owner.describe()
                ),
                Opening::Damaged(damaged) => return Err(damaged.error.into()),
            };
            let plans = read_all(&files)?;
            let name = open.plan.name.clone();
            let done = merge_and_save(&files, plans, &open.loaded, &mut open.file, name)?;
            return Ok(vec![Message::CopiesMerged {
                opened: None,
                said: merged_words(&done),
                disputes: done.merged.disputes.len(),
            }]);
        }
        if let Some(owner) = self.file.busy() {
            bail!(
                "read-only: this plan is open in another outready ({}), so nothing was merged",
                owner.describe()
            );
        }
        let mut plans = vec![app.plan.clone()];
        plans.extend(read_all(&files[1..])?);
        let name = app.plan.name.clone();
        let done = merge_and_save(&files, plans, &app.loaded, &mut self.file, name)?;
        self.plan = done.plan.clone();
        let mut opened = self.opened.clone();
        opened.loaded = app.loaded.clone();
        opened.plan = done.plan.clone();
        opened.is_new = false;
        opened.file = Some(done.saved.clone());
        opened.note = None;
        opened.status = None;
        opened.gate = None;
        self.opened = opened.clone();
        Ok(vec![Message::CopiesMerged {
            opened: Some(Box::new(opened)),
            said: merged_words(&done),
            disputes: done.merged.disputes.len(),
        }])
    }
}
