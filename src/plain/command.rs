//! What one line typed in plain mode asks for: a command (`?`, `u`, `na`, `b`, `>`, `s`,
//! `g WHERE`, `n TEXT`, `f`, `q`, `w`, `currency CODE`, and for a facilitated session
//! `p NAME VALUE`, `agree VALUE` and `agenda`) or an answer to read against the question.
//! Pure.

/// One typed line, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Nothing typed: keep the current answer and go on.
    Keep,
    /// `?`: why the question matters, its help, and every command.
    Help,
    /// `u`: "I don't know yet".
    Unsure,
    /// `na`: "not applicable".
    NotApplicable,
    /// `b` or `<`: back to the previous question.
    Back,
    /// `>`: on to the next question, the answer left as it is.
    Skip,
    /// `s`: where the plan stands (the summary, gaps and action plan).
    Summary,
    /// `g WHERE`: to a section by number or a question by id (empty: `g` alone).
    Go(String),
    /// `n TEXT`: set the note; `n` alone removes it.
    Note(String),
    /// `f`: flag to discuss later, or unflag.
    Flag,
    /// `q`: save and quit.
    Quit,
    /// `p NAME VALUE`: records a participant's position (VALUE as an answer, `u` for
    /// "don't know", `-` to abstain).
    Position(String, String),
    /// `agree VALUE`: sets the agreed answer (VALUE as an answer, `u` or `na`).
    Agree(String),
    /// `w`: the budget worksheet.
    Worksheet,
    /// `currency CODE`: count the plan's amounts in this ISO 4217 currency; `currency`
    /// alone says which it is.
    Currency(String),
    /// `agenda`: the time planned per section, used, and left in this one.
    Agenda,
    /// Anything else: an answer, read against the question.
    Answer(String),
}

/// Reads one line (without its line ending). Commands are one or two letters, in any
/// case; everything else is an answer.
pub fn read(line: &str) -> Command {
    let trimmed = line.trim();
    match trimmed.to_lowercase().as_str() {
        "" => return Command::Keep,
        "?" | "help" => return Command::Help,
        "u" => return Command::Unsure,
        "na" => return Command::NotApplicable,
        "b" | "<" => return Command::Back,
        ">" => return Command::Skip,
        "s" => return Command::Summary,
        "g" => return Command::Go(String::new()),
        "f" => return Command::Flag,
        "q" => return Command::Quit,
        "w" => return Command::Worksheet,
        "n" => return Command::Note(String::new()),
        "agenda" => return Command::Agenda,
        _ => {}
    }
    if let Some(code) = trimmed
        .split_once(char::is_whitespace)
        .filter(|(word, _)| word.eq_ignore_ascii_case("currency"))
        .map(|(_, code)| code.trim())
    {
        return Command::Currency(code.to_string());
    }
    if trimmed.eq_ignore_ascii_case("currency") {
        return Command::Currency(String::new());
    }
    let mut chars = trimmed.chars();
    let first = chars.next();
    let rest = chars.as_str();
    if matches!(first, Some('n' | 'N')) && rest.starts_with(char::is_whitespace) {
        return Command::Note(rest.trim().to_string());
    }
    if matches!(first, Some('g' | 'G')) && rest.starts_with(char::is_whitespace) {
        return Command::Go(rest.trim().to_string());
    }
    workshop(trimmed).unwrap_or_else(|| Command::Answer(trimmed.to_string()))
}

/// The facilitator's commands: `p NAME VALUE` and `agree VALUE` (words in any case).
fn workshop(trimmed: &str) -> Option<Command> {
    let (word, rest) = trimmed.split_once(char::is_whitespace)?;
    let rest = rest.trim();
    match word.to_lowercase().as_str() {
        "p" => {
            let (name, value) = rest.split_once(char::is_whitespace)?;
            Some(Command::Position(
                name.to_string(),
                value.trim().to_string(),
            ))
        }
        "agree" if !rest.is_empty() => Some(Command::Agree(rest.to_string())),
        _ => None,
    }
}

/// What a position's VALUE means besides an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionWord {
    /// `u`, `?` or `dk`: "don't know".
    DontKnow,
    /// `-` or `abstain`.
    Abstain,
}

/// Reads the words a position may be instead of an answer.
pub fn position_word(value: &str) -> Option<PositionWord> {
    match value.trim().to_lowercase().as_str() {
        "u" | "?" | "dk" => Some(PositionWord::DontKnow),
        "-" | "abstain" => Some(PositionWord::Abstain),
        _ => None,
    }
}

/// Option numbers as typed: `2`, `1,3`, `1 3` or `1, 3`. None when anything else is
/// there or nothing is.
pub fn option_numbers(text: &str) -> Option<Vec<usize>> {
    let numbers: Option<Vec<usize>> = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().ok())
        .collect();
    numbers.filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_letters_in_any_case() {
        let cases = [
            ("", Command::Keep),
            ("   ", Command::Keep),
            ("?", Command::Help),
            ("U", Command::Unsure),
            (" na ", Command::NotApplicable),
            ("NA", Command::NotApplicable),
            ("b", Command::Back),
            ("<", Command::Back),
            (">", Command::Skip),
            ("S", Command::Summary),
            ("g", Command::Go(String::new())),
            ("g 3", Command::Go("3".into())),
            ("G  staff ", Command::Go("staff".into())),
            ("go", Command::Answer("go".into())),
            ("f", Command::Flag),
            ("Q", Command::Quit),
            ("w", Command::Worksheet),
            ("currency eur", Command::Currency("eur".into())),
            ("Currency", Command::Currency(String::new())),
            (
                "currency risk is low",
                Command::Currency("risk is low".into()),
            ),
            ("n", Command::Note(String::new())),
            ("n  ask Sam ", Command::Note("ask Sam".into())),
            ("N Ask Sam", Command::Note("Ask Sam".into())),
            ("no", Command::Answer("no".into())),
            ("nobody", Command::Answer("nobody".into())),
            ("sam", Command::Answer("sam".into())),
            (" 1,3 ", Command::Answer("1,3".into())),
            ("p Ann 1", Command::Position("Ann".into(), "1".into())),
            ("P  ben   u ", Command::Position("ben".into(), "u".into())),
            ("p Ann", Command::Answer("p Ann".into())),
            ("agree 2", Command::Agree("2".into())),
            ("AGREE na", Command::Agree("na".into())),
            ("agree", Command::Answer("agree".into())),
            ("agreed terms", Command::Answer("agreed terms".into())),
        ];
        for (line, wanted) in cases {
            assert_eq!(read(line), wanted, "{line:?}");
        }
    }

    #[test]
    fn a_position_may_be_dont_know_or_abstain() {
        assert_eq!(position_word("U"), Some(PositionWord::DontKnow));
        assert_eq!(position_word("dk"), Some(PositionWord::DontKnow));
        assert_eq!(position_word("-"), Some(PositionWord::Abstain));
        assert_eq!(position_word("Abstain"), Some(PositionWord::Abstain));
        assert_eq!(position_word("1"), None);
    }

    #[test]
    fn option_numbers_take_commas_and_spaces() {
        assert_eq!(option_numbers("2"), Some(vec![2]));
        assert_eq!(option_numbers("1,3"), Some(vec![1, 3]));
        assert_eq!(option_numbers("1 3"), Some(vec![1, 3]));
        assert_eq!(option_numbers("1, 3,"), Some(vec![1, 3]));
        assert_eq!(option_numbers("1 and 3"), None);
        assert_eq!(option_numbers("-1"), None);
        assert_eq!(option_numbers(","), None);
        assert_eq!(option_numbers("yes"), None);
    }
}
