//! A workshop's agenda: the time planned for the whole session or per section, the time
//! each section has used, and the arithmetic on them (the time left in a section, over
//! by how much, which section is next, a session's time spread over its sections). Pure:
//! no clock is read here; the front ends say what time it is.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The time planned for a session and what each section has used so far (format 4 on).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Agenda {
    /// Minutes for the whole session, spread over the sections by their questions while
    /// no section has minutes of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    /// Minutes planned per section, by section id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, u32>,
    /// Seconds each section has used, by section id, so a resumed workshop keeps its
    /// clock.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub used: BTreeMap<String, u64>,
    /// Whether time is being kept (the agenda was started and not stopped).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub running: bool,
    /// Fields a newer outready wrote that this one does not know: kept and written back.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One section as the agenda weighs it: its id and how many questions it shows now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionLoad<'a> {
    pub id: &'a str,
    pub shown: usize,
}

/// Where a section stands against its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// This many minutes left (rounded up: "0 min left" is never said while time is left).
    Left(u64),
    /// Its time is up, to the minute.
    TimeUp,
    /// Over its time by this many whole minutes.
    Over(u64),
}

impl Standing {
    /// Where a section planned for `minutes` stands after using `used` seconds.
    pub fn of(minutes: u32, used: u64) -> Standing {
        let planned = u64::from(minutes) * 60;
        if used < planned {
            Standing::Left((planned - used).div_ceil(60))
        } else if used - planned < 60 {
            Standing::TimeUp
        } else {
            Standing::Over((used - planned) / 60)
        }
    }

    /// Whether the section's time is up (or past).
    pub fn is_up(self) -> bool {
        !matches!(self, Standing::Left(_))
    }

    /// In words, after the section's name: `4 min left`, `time is up`, `3 min over`.
    pub fn words(self) -> String {
        match self {
            Standing::Left(minutes) => format!("{minutes} min left"),
            Standing::TimeUp => "time is up".to_string(),
            Standing::Over(minutes) => format!("{minutes} min over"),
        }
    }
}

/// What the command line asks for: a time for the whole session, or per section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaSpec {
    Session(u32),
    Sections(Vec<(String, u32)>),
}

/// What is wrong with an agenda as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgendaError {
    #[error(
        "\"{0}\" is not a time: write minutes like 90m, 1h30m or 10 (minutes), or sections like goal=10m,budget=15m"
    )]
    NotATime(String),
    #[error("\"{0}\" gives a section no time: write it like goal=10m")]
    NoTime(String),
    #[error("there is no section \"{id}\" in this questionnaire; its sections are: {known}")]
    UnknownSection { id: String, known: String },
    #[error("section \"{0}\" is given twice")]
    Twice(String),
}

/// Reads a number of minutes: `90m`, `90min`, `1h30m`, `2h`, or a bare number.
pub fn parse_minutes(text: &str) -> Result<u32, AgendaError> {
    let wrong = || AgendaError::NotATime(text.trim().to_string());
    let compact: String = text.split_whitespace().collect();
    let lower = compact.to_ascii_lowercase();
    if lower.is_empty() {
        return Err(wrong());
    }
    let (hours, rest) = match lower.split_once('h') {
        Some((hours, rest)) => (hours.parse::<u32>().map_err(|_| wrong())?, rest),
        None => (0, lower.as_str()),
    };
    let digits = rest
        .strip_suffix("min")
        .or_else(|| rest.strip_suffix('m'))
        .unwrap_or(rest);
    let minutes = match digits {
        "" if lower.contains('h') => 0,
        _ => digits.parse::<u32>().map_err(|_| wrong())?,
    };
    hours
        .checked_mul(60)
        .and_then(|h| h.checked_add(minutes))
        .filter(|total| *total > 0 && *total <= 24 * 60)
        .ok_or_else(wrong)
}

/// Reads `--agenda`: `90m` for the whole session, or `goal=10m,budget=15m` per section.
pub fn parse_spec(text: &str) -> Result<AgendaSpec, AgendaError> {
    if !text.contains('=') {
        return parse_minutes(text).map(AgendaSpec::Session);
    }
    let mut sections: Vec<(String, u32)> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((id, time)) = part.split_once('=') else {
            return Err(AgendaError::NoTime(part.to_string()));
        };
        let id = id.trim().to_string();
        if time.trim().is_empty() || id.is_empty() {
            return Err(AgendaError::NoTime(part.to_string()));
        }
        if sections.iter().any(|(seen, _)| *seen == id) {
            return Err(AgendaError::Twice(id));
        }
        sections.push((id, parse_minutes(time)?));
    }
    Ok(AgendaSpec::Sections(sections))
}

impl Agenda {
    /// The agenda a spec asks for, its section ids checked against `known` (the
    /// questionnaire's, in order).
    pub fn from_spec(spec: &AgendaSpec, known: &[&str]) -> Result<Agenda, AgendaError> {
        let mut agenda = Agenda::default();
        match spec {
            AgendaSpec::Session(minutes) => agenda.session = Some(*minutes),
            AgendaSpec::Sections(sections) => {
                for (id, minutes) in sections {
                    if !known.contains(&id.as_str()) {
                        return Err(AgendaError::UnknownSection {
                            id: id.clone(),
                            known: known.join(", "),
                        });
                    }
                    agenda.sections.insert(id.clone(), *minutes);
                }
            }
        }
        Ok(agenda)
    }

    /// Takes the times of `other` (a new agenda given for this plan), keeping the time
    /// each section has used.
    pub fn replan(&mut self, other: Agenda) {
        self.session = other.session;
        self.sections = other.sections;
    }

    /// Whether the session's time is spread over the sections (no section has its own).
    pub fn is_spread(&self) -> bool {
        self.sections.is_empty() && self.session.is_some()
    }

    /// The minutes planned for each section, in the order of `loads`; `None` where no
    /// time is planned.
    pub fn planned(&self, loads: &[SectionLoad]) -> Vec<Option<u32>> {
        match self.session {
            Some(total) if self.sections.is_empty() => spread(total, loads)
                .into_iter()
                .map(|minutes| (minutes > 0).then_some(minutes))
                .collect(),
            _ => loads
                .iter()
                .map(|load| self.sections.get(load.id).copied())
                .collect(),
        }
    }

    /// The minutes planned in all.
    pub fn total(&self, loads: &[SectionLoad]) -> u32 {
        self.planned(loads).into_iter().flatten().sum()
    }

    /// Sets one section's minutes (0: none). A session's time spread over the sections
    /// becomes each section's own first, so the others keep what they had.
    pub fn set_minutes(&mut self, loads: &[SectionLoad], section: usize, minutes: u32) {
        if self.is_spread() {
            for (load, planned) in loads.iter().zip(self.planned(loads)) {
                if let Some(planned) = planned {
                    self.sections.insert(load.id.to_string(), planned);
                }
            }
            self.session = None;
        }
        let Some(load) = loads.get(section) else {
            return;
        };
        if minutes == 0 {
            self.sections.remove(load.id);
        } else {
            self.sections.insert(load.id.to_string(), minutes);
        }
    }

    /// The seconds a section has used, counted up to its last banking.
    pub fn used(&self, id: &str) -> u64 {
        self.used.get(id).copied().unwrap_or(0)
    }

    /// Adds the seconds a section used since its clock last started.
    pub fn bank(&mut self, id: &str, seconds: u64) {
        if seconds > 0 {
            *self.used.entry(id.to_string()).or_insert(0) += seconds;
        }
    }
}

/// The whole seconds from `since` to `now` (none when the clock went back).
pub fn elapsed(since: Timestamp, now: Timestamp) -> u64 {
    u64::try_from(now.as_second() - since.as_second()).unwrap_or(0)
}

/// The seconds until what a section's time shows changes, after using `used` seconds:
/// at most a minute, so a clock that runs wakes once a minute at most.
pub fn until_next_change(used: u64) -> u64 {
    60 - used % 60
}

/// The next section after `current` that shows any question.
pub fn next_section(loads: &[SectionLoad], current: usize) -> Option<usize> {
    loads
        .iter()
        .enumerate()
        .skip(current + 1)
        .find(|(_, load)| load.shown > 0)
        .map(|(index, _)| index)
}

/// `total` minutes over the sections in proportion to the questions each shows, in
/// whole minutes that add up to `total` (the largest remainders get the minutes left).
pub fn spread(total: u32, loads: &[SectionLoad]) -> Vec<u32> {
    let questions: u64 = loads.iter().map(|l| l.shown as u64).sum();
    if questions == 0 {
        return vec![0; loads.len()];
    }
    let total = u64::from(total);
    let mut minutes: Vec<u64> = loads
        .iter()
        .map(|l| total * l.shown as u64 / questions)
        .collect();
    let mut left = total - minutes.iter().sum::<u64>();
    let mut by_remainder: Vec<usize> = (0..loads.len()).collect();
    // Largest remainder first; the earlier section first on a tie, so it is stable.
    by_remainder.sort_by_key(|&i| std::cmp::Reverse(total * loads[i].shown as u64 % questions));
    for index in by_remainder {
        if left == 0 {
            break;
        }
        if loads[index].shown > 0 {
            minutes[index] += 1;
            left -= 1;
        }
    }
    minutes
        .into_iter()
        .map(|m| u32::try_from(m).unwrap_or(u32::MAX))
        .collect()
}

#[cfg(test)]
#[path = "agenda_tests.rs"]
mod tests;
