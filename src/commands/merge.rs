//! `outready merge PLAN_OR_FILE... --into NAME`, `outready merge --conflicts NAME` and
//! `outready merge-driver %O %A %B`: plans joined by `plan::merge`, the result saved
//! through the one way a plan is opened and locked; the inputs never changed (a merged
//! conflict copy is moved to `plans/merged/`). What was taken and each dispute are
//! printed, every name from a file through the sanitiser.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use jiff::Timestamp;

use super::Outcome;
use crate::answer::Answer;
use crate::data_dir;
use crate::money::{Currency, plan_currency};
use crate::open::{self, Opening};
use crate::plan::conflict::{self, ConflictCopy};
use crate::plan::inputs;
use crate::plan::merge::{self, Merged, Source};
use crate::plan::{Plan, PlanFile, PlanName, PlanStore};
use crate::questionnaire::{Catalog, Loaded, Question, Questionnaire};
use crate::report::text::{answer_text_in, stored_answer_text};
use crate::text_safety::visible_line;

/// What to merge: plans by name or files, or a plan's conflict copies.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub inputs: &'a [String],
    pub into: Option<&'a str>,
    pub conflicts: Option<&'a str>,
}

/// Merges the plans asked for into one plan, saved with its lock held.
pub fn run(data_dir: &Path, request: Request<'_>, out: &mut dyn Write) -> Result<Outcome> {
    let store = PlanStore::in_data_dir(data_dir);
    let mut files: Vec<PathBuf> = request
        .inputs
        .iter()
        .map(|input| resolve(&store, input))
        .collect::<Result<_>>()?;
    if let Some(name) = request.conflicts {
        let plan_file = store.path_for(&plan_name(name)?);
        let copies = conflict::copies_of(&store, &plan_file);
        if copies.is_empty() {
            bail!(
                "there is no conflicting copy of the plan \"{name}\" in {}",
                store.dir().display()
            );
        }
        if !files.contains(&plan_file) && plan_file.exists() {
            files.insert(0, plan_file);
        }
        files.extend(copies.into_iter().map(|c| c.path));
    }
    // A conflict copy given as a file is set aside once merged too (`merge_and_save`).
    if files.is_empty() {
        bail!("name the plans or files to merge, or --conflicts NAME");
    }
    let plans = read_all(&files)?;
    let into = match (request.into, request.conflicts) {
        (Some(into), _) => into.to_string(),
        (None, Some(_)) => plans[0].name.clone(),
        (None, None) => bail!("name the plan to merge into with --into NAME"),
    };
    let catalog = Catalog::load(Some(&data_dir::questionnaires_dir(data_dir)));
    let user_dir = data_dir::questionnaires_dir(data_dir);
    let loaded = open::questionnaire_for(&catalog, &user_dir, &plans[0])?;
    // Checked before the target is opened, so a clash is said without a lock taken.
    merge::merge(&sources(&files, plans.clone(), &loaded.questionnaire))?;
    let target = store.path_for(&plan_name(&into)?);
    if target.exists() && !files.contains(&target) {
        bail!(
            "a plan called \"{into}\" already exists and is not one of the plans merged: choose another name with --into, or name it among the plans to merge"
        );
    }
    let (_shelf, opening) = open::open(data_dir, Some(&into), Some(&loaded.questionnaire.id))?;
    let mut opened = match opening {
        Opening::Ready(opened) => opened,
        Opening::Busy(opened, owner) => bail!(
            "the plan \"{}\" is open in another outready ({}), so nothing was merged: close it there first",
            opened.plan.name,
            owner.describe()
        ),
        Opening::Damaged(damaged) => return Err(damaged.error.into()),
    };
    let name = if opened.is_new {
        into.clone()
    } else {
        opened.plan.name.clone()
    };
    let done = merge_and_save(&files, plans, &opened.loaded, &mut opened.file, name)?;
    writeln!(
        out,
        "{}",
        visible_line(&format!(
            "Merged {} plan(s) into \"{}\" ({}).",
            done.sources,
            done.plan.name,
            done.saved.display()
        ))
    )?;
    for moved in &done.moved {
        writeln!(
            out,
            "{}",
            visible_line(&format!("Moved the copy to {}.", moved.display()))
        )?;
    }
    say(&done.merged, Some(&loaded.questionnaire), out)?;
    Ok(Outcome::Success)
}

/// A merge saved: what it made, the plan as saved, its file, where each conflict copy
/// merged went.
#[derive(Debug, Clone)]
pub struct Done {
    pub merged: Merged,
    /// How many plans were merged.
    pub sources: usize,
    pub plan: Plan,
    pub saved: PathBuf,
    pub moved: Vec<PathBuf>,
}

/// Merges the plans read from `files` (in that order) and saves the result, named
/// `name`, into `target`, whose lock is held; then the conflict copies among the files
/// move to `plans/merged/`. What `outready merge` and the wizard's merge offer both do.
pub fn merge_and_save(
    files: &[PathBuf],
    plans: Vec<Plan>,
    loaded: &Loaded,
    target: &mut PlanFile,
    name: String,
) -> Result<Done> {
    let sources = sources(files, plans, &loaded.questionnaire);
    let merged = merge::merge(&sources)?;
    let mut plan = merged.plan.clone();
    plan.name = name;
    plan.updated = Timestamp::now();
    open::record_questionnaire(loaded, &mut plan, true);
    let saved = target.save(&plan)?;
    let copies: Vec<ConflictCopy> = conflict::copies(target.store())
        .into_iter()
        .filter(|c| files.contains(&c.path))
        .collect();
    let mut moved = Vec::new();
    for copy in &copies {
        let to = conflict::set_aside(target.store(), &copy.path).with_context(|| {
            format!("the copy {} was merged but not moved", copy.path.display())
        })?;
        moved.push(to);
    }
    Ok(Done {
        merged,
        sources: sources.len(),
        plan,
        saved,
        moved,
    })
}

/// Reads the plans in these files, as merging takes them.
pub fn read_all(files: &[PathBuf]) -> Result<Vec<Plan>> {
    files
        .iter()
        .map(|file| inputs::read(file).map_err(|e| anyhow::anyhow!("{e}")))
        .collect()
}

/// The git merge driver: `%O` the common base, `%A` ours (the result is written there),
/// `%B` theirs.
pub fn driver(
    data_dir: Option<&Path>,
    base: &Path,
    ours: &Path,
    theirs: &Path,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let read = |path: &Path| inputs::read(path).map_err(|e| anyhow::anyhow!("{e}"));
    let (mut base_plan, mut ours_plan, mut theirs_plan) = (read(base)?, read(ours)?, read(theirs)?);
    let questionnaire = data_dir.and_then(|dir| {
        let catalog = Catalog::load(Some(&data_dir::questionnaires_dir(dir)));
        catalog
            .find(&ours_plan.questionnaire.id)
            .map(|l| l.questionnaire.clone())
    });
    if let Some(questionnaire) = &questionnaire {
        for plan in [&mut base_plan, &mut ours_plan, &mut theirs_plan] {
            crate::questionnaire::moved::apply(questionnaire, &mut plan.answers);
        }
    }
    let name = ours_plan.name.clone();
    let merged = merge::merge3(
        &base_plan,
        &Source {
            label: "this branch".into(),
            plan: ours_plan,
        },
        &Source {
            label: "the other branch".into(),
            plan: theirs_plan,
        },
    )?;
    let mut plan = merged.plan.clone();
    plan.name = name;
    let mut text = serde_json::to_string_pretty(&plan)?;
    text.push('\n');
    crate::report::export::write_atomically(ours, text.as_bytes())
        .with_context(|| format!("the merged plan could not be written to {}", ours.display()))?;
    say(&merged, questionnaire.as_deref(), out)?;
    Ok(Outcome::Success)
}

fn plan_name(name: &str) -> Result<PlanName> {
    PlanName::new(name).with_context(|| format!("the plan name \"{name}\" cannot be used"))
}

/// A plan by name, or a file.
fn resolve(store: &PlanStore, input: &str) -> Result<PathBuf> {
    let path = Path::new(input);
    if path.is_file() {
        return Ok(path.to_path_buf());
    }
    let file = store.path_for(&plan_name(input)?);
    if file.is_file() {
        Ok(file)
    } else {
        bail!("there is no plan or file \"{input}\" (run `outready list` to see the plans)")
    }
}

/// Each plan with its answers moved to this questionnaire's ids, named after its only
/// participant, else its plan (a conflict copy after its plan and the day of the copy).
fn sources(files: &[PathBuf], plans: Vec<Plan>, questionnaire: &Questionnaire) -> Vec<Source> {
    files
        .iter()
        .zip(plans)
        .map(|(file, mut plan)| {
            crate::questionnaire::moved::apply(questionnaire, &mut plan.answers);
            let copy = file
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(conflict::parse);
            let label = match (&plan.participants[..], copy) {
                ([only], _) => only.name.clone(),
                (_, Some(copy)) => match copy.date {
                    Some(day) => format!("{} (copy of {})", plan.name, day.strftime("%-d %B")),
                    None => format!("{} (copy)", plan.name),
                },
                _ => plan.name.clone(),
            };
            Source { label, plan }
        })
        .collect()
}

/// An answer in words, for the list of disputes: as the report shows it (option
/// labels, amounts in the plan's currency), or as stored for a question the
/// questionnaire no longer has.
pub fn answer_words(question: Option<&Question>, answer: &Answer, currency: &Currency) -> String {
    match question {
        Some(question) => answer_text_in(question, Some(answer), answer.state, false, currency),
        None => stored_answer_text(answer),
    }
}

/// What was taken from one plan only, and each dispute with every source's answer.
fn say(merged: &Merged, questionnaire: Option<&Questionnaire>, out: &mut dyn Write) -> Result<()> {
    let text_of = |id: &str| {
        questionnaire
            .and_then(|q| q.question(id))
            .map_or_else(|| id.to_string(), |q| format!("{} ({id})", q.text))
    };
    for (id, label) in &merged.taken {
        writeln!(
            out,
            "{}",
            visible_line(&format!("Took {} from {label}.", text_of(id)))
        )?;
    }
    let currency = plan_currency(&merged.plan);
    if merged.disputes.is_empty() {
        writeln!(out, "No question is disputed.")?;
        return Ok(());
    }
    writeln!(out, "{} question(s) disputed:", merged.disputes.len())?;
    for dispute in &merged.disputes {
        let answers: Vec<String> = dispute
            .answers
            .iter()
            .map(|(label, answer)| {
                let question = questionnaire.and_then(|q| q.question(&dispute.question));
                format!("{label}: {}", answer_words(question, answer, &currency))
            })
            .collect();
        let line = format!(
            "- {}: {} (current: {})",
            text_of(&dispute.question),
            answers.join("; "),
            dispute.current
        );
        writeln!(out, "{}", visible_line(&line))?;
    }
    Ok(())
}
