//! The file formats a report renders to, how much of it ([`Detail`]), and rendering
//! ([`Report::render`], [`Report::render_detail`]) with its error.

use super::{Report, csv, html, json, markdown};

/// The file formats a report renders to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// GitHub-flavoured Markdown.
    Markdown,
    /// One self-contained HTML page that prints well.
    Html,
    /// One row per gap recommendation or action.
    Csv,
    /// The whole report, for other programs.
    Json,
}

impl Format {
    /// The format's name, as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// A report that could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the report could not be put into words: {0}")]
    Text(#[from] std::fmt::Error),
    #[error("the CSV report could not be written: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("the JSON report could not be written: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "the {0} report has no summary page: use --format md or html with --detail summary (the JSON report's `summary` holds the same data)"
    )]
    NoSummaryPage(&'static str),
}

/// How much of the report to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Detail {
    /// Everything: the summary page, then every part.
    #[default]
    Full,
    /// The summary page alone, a handout (Markdown and HTML only).
    Summary,
}

impl Report {
    /// The whole report in a file format, as text.
    pub fn render(&self, format: Format) -> Result<String, RenderError> {
        self.render_detail(format, Detail::Full)
    }

    /// The report in a file format with as much detail as asked: the summary page alone
    /// is Markdown or HTML (the JSON's `summary` holds the same data).
    pub fn render_detail(&self, format: Format, detail: Detail) -> Result<String, RenderError> {
        match (format, detail) {
            (Format::Markdown, _) => Ok(markdown::render(self, detail)?),
            (Format::Html, _) => Ok(html::render(self, detail)?),
            (Format::Csv, Detail::Full) => csv::render(self),
            (Format::Json, Detail::Full) => Ok(json::render(self)?),
            (Format::Csv | Format::Json, Detail::Summary) => {
                Err(RenderError::NoSummaryPage(format.name()))
            }
        }
    }
}
