//! `outready report`: the report of a plan in a file format, to standard output or to a
//! file (written atomically: a temporary file beside it, synced, renamed over it).

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::Outcome;
use crate::cli::ReportFormat;
use crate::data_dir;
use crate::local_zone::local_zone;
use crate::plan::{Plan, PlanError, PlanStore};
use crate::questionnaire::Catalog;
use crate::report::export::write_atomically;
use crate::report::{Format, Report};

/// Writes the report of the named plan (else the most recent) in `format`, to `output`
/// or to `out`.
pub fn run(
    data_dir: &Path,
    plan_name: Option<&str>,
    format: ReportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let store = PlanStore::in_data_dir(data_dir);
    let plan = find_plan(&store, plan_name)?;
    let user_dir = data_dir::questionnaires_dir(data_dir);
    let catalog = Catalog::load(Some(&user_dir));
    let Some(loaded) = catalog.find(&plan.questionnaire.id) else {
        bail!(
            "the plan \"{}\" answers the questionnaire \"{}\", which is not available: put its file in {}",
            plan.name,
            plan.questionnaire.id,
            user_dir.display()
        );
    };
    let format = match format {
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Html => Format::Html,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
    };
    let report = Report::build(&loaded.questionnaire, &plan, &local_zone());
    let text = report.render(format)?;
    match output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            write_atomically(path, text.as_bytes()).with_context(|| {
                format!("the report could not be written to {}", path.display())
            })?;
            eprintln!(
                "outready: wrote the {} report of \"{}\" to {}",
                format.name(),
                plan.name,
                path.display()
            );
        }
    }
    Ok(Outcome::Success)
}

/// The plan of this name, or the most recently changed one.
fn find_plan(store: &PlanStore, name: Option<&str>) -> Result<Plan> {
    match (crate::open::choose_file(store, name)?, name) {
        (Some((_, plan)), _) => Ok(plan?),
        (None, Some(name)) => Err(PlanError::NotFound {
            name: name.trim().to_string(),
        }
        .into()),
        (None, None) => bail!(
            "there are no plans yet in {}: run `outready` to start one",
            store.dir().display()
        ),
    }
}
