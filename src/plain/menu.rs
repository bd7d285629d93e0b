//! What one line typed where the plan stands (after the last question, or on `s`) asks
//! for: the summary, the gaps, the action plan, a change to an action, the report file,
//! a question to go to. Pure: a line in, a [`MenuCommand`] (or why not) out.

/// One line typed at the plan's standing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuCommand {
    /// Enter alone or `q`: save and finish.
    Finish,
    /// `?`: every command here.
    Help,
    /// `s` or `summary`: the verdict and the counts again.
    Summary,
    /// `gaps`: the gaps, numbered.
    Gaps,
    /// `a N`: gap N's recommendations (or finding out its answer) into the action plan.
    Add(usize),
    /// `find ID`: finding out the answer to a question answered "I don't know yet", into
    /// the action plan.
    FindOut(String),
    /// `actions`: the action plan, numbered.
    Actions,
    /// `owner N NAME`: who does action N (no name: nobody yet).
    Owner(usize, String),
    /// `due N DATE`: action N's due date (no date: none).
    Due(usize, String),
    /// `status N WORDS`, or `done N`: where action N stands.
    Status(usize, String),
    /// `text N WORDS`: action N's words (none: the recommendation's own again).
    Text(usize, String),
    /// `new WORDS`: an action of the owner's own.
    New(String),
    /// `remove N`: takes an action that has not started out of the plan.
    Remove(usize),
    /// `e`, or `e md|html|csv|json`: write the report to a file.
    Export(String),
    /// `g WHERE`: to a section by number or a question by id.
    Go(String),
    /// `b`: back to the question the summary was asked from, or the last one.
    Back,
}

/// Reads one line, or says why it is not a command here.
pub fn read(line: &str) -> Result<MenuCommand, String> {
    let trimmed = line.trim();
    let (word, rest) = trimmed
        .split_once(char::is_whitespace)
        .map_or((trimmed, ""), |(w, r)| (w, r.trim()));
    let word = word.to_lowercase();
    let numbered = |make: fn(usize, String) -> MenuCommand| {
        let (number, words) = rest
            .split_once(char::is_whitespace)
            .map_or((rest, ""), |(n, w)| (n, w.trim()));
        number
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .map(|n| make(n, words.to_string()))
            .ok_or_else(|| format!("Type {word} and an action's number, like \"{word} 1 ...\""))
    };
    let number = |make: fn(usize) -> MenuCommand, what: &str| {
        rest.parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .map(make)
            .ok_or_else(|| format!("Type {word} and {what}'s number, like \"{word} 1\""))
    };
    match word.as_str() {
        "" | "q" if rest.is_empty() => Ok(MenuCommand::Finish),
        "?" | "help" => Ok(MenuCommand::Help),
        "s" | "summary" => Ok(MenuCommand::Summary),
        "gaps" | "gap" => Ok(MenuCommand::Gaps),
        "actions" | "plan" => Ok(MenuCommand::Actions),
        "b" | "<" => Ok(MenuCommand::Back),
        "a" | "add" => number(MenuCommand::Add, "a gap"),
        "remove" => number(MenuCommand::Remove, "an action"),
        "done" => number(|n| MenuCommand::Status(n, "done".into()), "an action"),
        "owner" => numbered(MenuCommand::Owner),
        "due" => numbered(MenuCommand::Due),
        "status" => numbered(MenuCommand::Status),
        "text" => numbered(MenuCommand::Text),
        "find" if !rest.is_empty() => Ok(MenuCommand::FindOut(rest.to_string())),
        "find" => Err("Type find and a question's id, like \"find budget\"".into()),
        "new" if !rest.is_empty() => Ok(MenuCommand::New(rest.to_string())),
        "new" => Err(
            "Type new and what is to be done, like \"new ask the bank about the card reader\""
                .into(),
        ),
        "e" | "export" => Ok(MenuCommand::Export(rest.to_lowercase())),
        "g" if !rest.is_empty() => Ok(MenuCommand::Go(rest.to_string())),
        "g" => Err("Type g and a section number or a question id, like \"g 2\"".into()),
        _ => Err(format!("\"{trimmed}\" is not a command here")),
    }
}

/// What `?` prints where the plan stands.
pub fn help() -> &'static [&'static str] {
    &[
        "s: the summary again.",
        "gaps: the gaps, most important first, numbered.",
        "a and a gap's number, like \"a 1\": put its recommendations in the action plan (for an answer not known yet, finding it out).",
        "find and a question's id, like \"find budget\": put finding out its answer in the action plan.",
        "actions: the action plan, numbered, with owners, due dates and status.",
        "owner, an action's number and a name, like \"owner 1 Sam Patel\": who does it (no name: nobody yet).",
        "due, an action's number and a date, like \"due 1 2027-03-31\": when it is due (no date: none).",
        "status, an action's number and open, in progress or done, like \"status 1 in progress\"; done and a number for short.",
        "text, an action's number and new words: what the action says.",
        "new and what is to be done, like \"new ask the bank about the card reader\": an action of your own.",
        "remove and an action's number: take an action that has not started out of the plan.",
        "e: write the report as a web page (e md, e csv or e json for another format), and say where.",
        "g and a section number or a question id, like \"g 2\": go to the questions there.",
        "b: back to the questions.",
        "q or Enter alone: save and finish.",
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use MenuCommand::*;

    #[test]
    fn commands_read_with_their_numbers_and_words() {
        let cases = [
            ("", Finish),
            (" Q ", Finish),
            ("gaps", Gaps),
            ("a 2", Add(2)),
            ("ACTIONS", Actions),
            (
                "owner 1  Sarah (office manager) ",
                Owner(1, "Sarah (office manager)".into()),
            ),
            ("owner 3", Owner(3, String::new())),
            ("due 2 2027-03-31", Due(2, "2027-03-31".into())),
            ("done 1", Status(1, "done".into())),
            ("status 2 in progress", Status(2, "in progress".into())),
            ("text 1 Ask Sam", Text(1, "Ask Sam".into())),
            (
                "new ask the bank about the card reader",
                New("ask the bank about the card reader".into()),
            ),
            ("remove 4", Remove(4)),
            ("find who-today", FindOut("who-today".into())),
            ("e", Export(String::new())),
            ("e MD", Export("md".into())),
            ("g 2", Go("2".into())),
            ("g staff", Go("staff".into())),
            ("b", Back),
            ("?", Help),
        ];
        for (line, wanted) in cases {
            assert_eq!(read(line), Ok(wanted), "{line:?}");
        }
    }

    #[test]
    fn a_missing_or_wrong_number_is_refused_with_what_to_type() {
        assert!(read("a").unwrap_err().contains("\"a 1\""));
        assert!(read("a 0").is_err());
        assert!(read("owner Sam").unwrap_err().contains("\"owner 1 ...\""));
        assert!(read("new").is_err());
        assert!(read("g").is_err());
        assert_eq!(read("9"), Err("\"9\" is not a command here".into()));
        assert!(read("q now").is_err());
    }
}
