//! `outready compare PLAN PLAN... [--format md|html|csv|json] [--output FILE]`: the plans
//! side by side (`report::compare`, budget headline figures too), to standard output through the sanitiser or to a
//! file through the report's writer.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::Outcome;
use crate::cli::ReportFormat;
use crate::data_dir;
use crate::local_zone::local_zone;
use crate::plan::{PlanError, PlanStore};
use crate::questionnaire::Catalog;
use crate::report::Format;
use crate::report::compare::Comparison;

/// The report format asked for on the command line.
pub fn format_of(format: ReportFormat) -> Format {
    match format {
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Html => Format::Html,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
    }
}

/// Compares the named plans, all on one questionnaire.
pub fn run(
    data_dir: &Path,
    names: &[String],
    format: ReportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let store = PlanStore::in_data_dir(data_dir);
    let user_dir = data_dir::questionnaires_dir(data_dir);
    let catalog = Catalog::load(Some(&user_dir));
    let mut plans = Vec::new();
    for name in names {
        let Some((_, plan)) = crate::open::choose_file(&store, Some(name))? else {
            return Err(PlanError::NotFound {
                name: name.trim().to_string(),
            }
            .into());
        };
        let mut plan = plan?;
        let loaded = crate::open::read_only(&catalog, &user_dir, &mut plan)?;
        plans.push((plan, loaded));
    }
    let comparison = Comparison::of_plans(&plans, &local_zone())?;
    let format = format_of(format);
    let text = comparison.render(format)?;
    let written = format!("the {} comparison", format.name());
    super::report::deliver(&text, output, "comparison", &written, out)?;
    Ok(Outcome::Success)
}
