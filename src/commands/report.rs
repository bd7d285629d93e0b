//! `outready report`: the report of a plan in a file format, to standard output (also
//! for `--output -`) or to a file (see [`write_report`]: atomically for a file, in place
//! for a device or a pipe). What goes to standard output passes the sanitiser, since it
//! may reach a terminal.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::Outcome;
use crate::cli::{ReportDetail, ReportFormat};
use crate::data_dir;
use crate::local_zone::local_zone;
use crate::plan::{Plan, PlanError, PlanStore};
use crate::questionnaire::Catalog;
use crate::report::export::write_report;
use crate::report::{Detail, Format, Report};
use crate::text_safety::visible;

/// Writes the report of the named plan (else the most recent) in `format`, with as much
/// detail as asked, to `output` or to `out`.
pub fn run(
    data_dir: &Path,
    plan_name: Option<&str>,
    format: ReportFormat,
    detail: ReportDetail,
    output: Option<&Path>,
    since: Option<jiff::civil::Date>,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let store = PlanStore::in_data_dir(data_dir);
    let mut plan = find_plan(&store, plan_name)?;
    let user_dir = data_dir::questionnaires_dir(data_dir);
    let catalog = Catalog::load(Some(&user_dir));
    let loaded = crate::open::read_only(&catalog, &user_dir, &mut plan)?;
    let format = match format {
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Html => Format::Html,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
    };
    let detail = match detail {
        ReportDetail::Full => Detail::Full,
        ReportDetail::Summary => Detail::Summary,
    };
    let mut report = Report::build(&loaded.questionnaire, &plan, &local_zone());
    if let Some(day) = since {
        let since = crate::report::workshop::Since::Date(day);
        report.set_since(&loaded.questionnaire, &plan, &local_zone(), since);
    }
    let text = report.render_detail(format, detail)?;
    let written = format!("the {} report of \"{}\"", format.name(), plan.name);
    deliver(&text, output, "report", &written, out)?;
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

/// Writes a rendered report or comparison: to standard output (also for `-`), or to the
/// file named (an existing file replaced as `write_report` does), then says where on
/// standard error. `noun` names it in a failure ("report"), `written` in the line that
/// says where ("the HTML report of \"Acme\"").
pub(crate) fn deliver(
    text: &str,
    output: Option<&Path>,
    noun: &str,
    written: &str,
    out: &mut dyn Write,
) -> Result<()> {
    match output.filter(|path| *path != Path::new("-")) {
        None => {
            out.write_all(visible(text).as_bytes())?;
            out.flush()?;
        }
        Some(path) => {
            write_report(path, text.as_bytes()).with_context(|| {
                format!("the {noun} could not be written to {}", path.display())
            })?;
            let said = format!("outready: wrote {written} to {}", path.display());
            eprintln!("{}", visible(&said));
        }
    }
    Ok(())
}
