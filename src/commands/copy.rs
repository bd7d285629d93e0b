//! `outready copy PLAN NEW [--only-business]`: a new plan started from an existing one,
//! saved through the one way a plan is opened and locked; with `--only-business` only
//! the answers about your own business are copied (not those the questionnaire marks
//! `"about": "provider"`), so the next provider's plan starts with what stays the same.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};
use jiff::Timestamp;

use super::Outcome;
use crate::data_dir;
use crate::open::{self, Opening};
use crate::plan::{Plan, PlanStore};
use crate::questionnaire::model::About;
use crate::questionnaire::{Catalog, Questionnaire};
use crate::text_safety::visible_line;

/// The plan as a new one called `name`: its answers (only those about the business when
/// `only_business`), notes, actions on the questions kept, team and positions; no
/// history of its own yet.
pub fn copied(
    plan: &Plan,
    questionnaire: &Questionnaire,
    name: &str,
    only_business: bool,
    now: Timestamp,
) -> Plan {
    let keep = |id: &str| {
        !only_business
            || questionnaire
                .question(id)
                .is_none_or(|q| q.about == About::Business)
    };
    let mut new = plan.clone();
    new.name = name.to_string();
    new.created = now;
    new.updated = now;
    new.history.clear();
    new.answers.retain(|id, _| keep(id));
    new.positions.retain(|id, _| keep(id));
    new.actions
        .retain(|a| a.question.is_empty() || keep(&a.question));
    new
}

/// Copies the plan `from` to a new plan `to`.
pub fn run(
    data_dir: &Path,
    from: &str,
    to: &str,
    only_business: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let store = PlanStore::in_data_dir(data_dir);
    let Some((_, read)) = open::choose_file(&store, Some(from))? else {
        bail!("there is no plan named \"{from}\" (run `outready list` to see the plans)");
    };
    let mut plan = read?;
    let catalog = Catalog::load(Some(&data_dir::questionnaires_dir(data_dir)));
    let user_dir = data_dir::questionnaires_dir(data_dir);
    let loaded = open::read_only(&catalog, &user_dir, &mut plan)?;
    let (_shelf, opening) = open::open(data_dir, Some(to), Some(&loaded.questionnaire.id))?;
    let mut opened = match opening {
        Opening::Ready(opened) if opened.is_new => opened,
        Opening::Ready(opened) | Opening::Busy(opened, _) => bail!(
            "a plan called \"{}\" already exists: choose another name for the copy",
            opened.plan.name
        ),
        Opening::Damaged(damaged) => bail!(
            "a plan file of the name \"{to}\" already exists and is damaged ({}): choose another name for the copy",
            damaged.error
        ),
    };
    let mut new = copied(
        &plan,
        &loaded.questionnaire,
        to,
        only_business,
        Timestamp::now(),
    );
    open::record_questionnaire(&opened.loaded, &mut new, true);
    let path = opened.file.save(&new)?;
    let left = plan.answers.len() - new.answers.len();
    let mut line = format!(
        "Copied \"{}\" to \"{}\" ({}): {} answer(s)",
        plan.name,
        new.name,
        path.display(),
        new.answers.len()
    );
    if only_business {
        line.push_str(&format!(", {left} about the provider left behind"));
    }
    line.push('.');
    writeln!(out, "{}", visible_line(&line))?;
    Ok(Outcome::Success)
}
