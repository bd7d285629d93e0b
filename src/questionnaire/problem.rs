//! A problem found in a questionnaire file: what is wrong and where.

use std::fmt;

/// One thing wrong with a questionnaire, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it (or the built-in file's name).
    pub file: String,
    /// 1-based line and column, where known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where in the document, as a JSON path (`sections[2].questions[0].options`); empty
    /// for the whole file.
    pub path: String,
    pub message: String,
}

impl Problem {
    /// A problem at a JSON path, with no line known yet.
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file: String::new(),
            line: None,
            column: None,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": ")?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)
    }
}
