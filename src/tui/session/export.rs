//! Exporting the report from the wizard: an HTML page in the data folder, and where it
//! went (or why not) as a message for `update`.

use std::path::Path;

use crate::plan::PlanName;
use crate::report::export::{self, export_path};
use crate::report::{Format, Report};
use crate::tui::app::App;
use crate::tui::message::Message;

/// Writes the plan's report as an HTML page in the data folder; where, or why not.
pub(super) fn export(plans: &Path, app: &App) -> Vec<Message> {
    let Ok(name) = PlanName::new(&app.plan.name) else {
        return vec![Message::Failed(
            "Name the plan before exporting its report.".to_string(),
        )];
    };
    let data_dir = plans.parent().unwrap_or(plans);
    let report = Report::build(app.questionnaire(), &app.plan, &app.zone);
    let today = crate::wizard::actions::local_date((app.now)());
    let path = export_path(data_dir, &name, today, Format::Html);
    let written = report
        .render(Format::Html)
        .map_err(|e| e.to_string())
        .and_then(|page| {
            export::export(data_dir, &name, today, Format::Html, &page).map_err(|e| e.to_string())
        });
    match written {
        Ok(path) => vec![Message::ReportSaved(path)],
        Err(error) => vec![Message::Failed(format!(
            "The report could not be saved to {}: {error}.",
            path.display()
        ))],
    }
}
