//! Reading what was typed against a question, and the sentences about what it did.
//! Pure: a line in, a wizard `Change` (or why not) out.

use std::collections::BTreeSet;

use super::command;
use super::wording;
use crate::answer::Value;
use crate::questionnaire::{Question, QuestionType};
use crate::wizard::{Change, parse_entry};

/// What a typed answer changes, or why it cannot be used.
pub fn read_answer(question: &Question, text: &str) -> Result<Change, String> {
    if !question.kind.is_choice() {
        return parse_entry(question, text)
            .map(Change::Entry)
            .map_err(|error| wording::entry_problem(&error.to_string()).to_string());
    }
    let count = question.options.len();
    let numbers = command::option_numbers(text)
        .ok_or_else(|| format!("\"{text}\" is not an option number"))?;
    if let Some(wrong) = numbers.iter().find(|n| **n == 0 || **n > count) {
        return Err(format!("There is no option {wrong}"));
    }
    if question.kind != QuestionType::Multi {
        return match numbers.as_slice() {
            [one] => Ok(Change::Pick(one - 1)),
            _ => Err("Only one option can be chosen here".to_string()),
        };
    }
    let chosen: BTreeSet<usize> = numbers.into_iter().collect();
    let values = chosen
        .into_iter()
        .filter_map(|n| question.options.get(n - 1))
        .map(|o| o.value.to_string())
        .collect();
    Ok(Change::Entry(Value::List(values)))
}

/// `Saved: Yes.`: a lead word and an answer, as one sentence.
pub fn sentence(lead: &str, said: &str) -> String {
    let stop = if said.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("{lead}: {said}{stop}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(json: &str) -> Question {
        crate::questionnaire::one_question(json)
    }

    const MULTI: &str = r#"{"id":"q","type":"multi","text":"?","options":[
        {"value":"a","label":"A"},{"value":"b","label":"B"},{"value":"c","label":"C"}]}"#;

    #[test]
    fn several_numbers_choose_exactly_those_options_in_option_order() {
        let multi = question(MULTI);
        let list = |items: &[&str]| {
            Ok(Change::Entry(Value::List(
                items.iter().map(|s| s.to_string()).collect(),
            )))
        };
        assert_eq!(read_answer(&multi, "3,1"), list(&["a", "c"]));
        assert_eq!(read_answer(&multi, "2 2"), list(&["b"]));
        assert_eq!(
            read_answer(&multi, "1 4"),
            Err("There is no option 4".into())
        );
    }

    #[test]
    fn a_single_choice_takes_one_number() {
        let yes_no = question(r#"{"id":"q","type":"yes_no","text":"?"}"#);
        assert_eq!(read_answer(&yes_no, "2"), Ok(Change::Pick(1)));
        assert!(read_answer(&yes_no, "1,2").is_err());
        assert!(read_answer(&yes_no, "0").is_err());
        assert_eq!(
            read_answer(&yes_no, "yes"),
            Err("\"yes\" is not an option number".into())
        );
    }

    #[test]
    fn typed_answers_go_through_the_wizard_entry_check() {
        let staff = question(r#"{"id":"q","type":"number","text":"?","min":1}"#);
        assert_eq!(
            read_answer(&staff, "1,200"),
            Ok(Change::Entry(Value::Number(1200.0)))
        );
        assert_eq!(
            read_answer(&staff, "many"),
            Err("\"many\" is not a number".into())
        );
    }

    #[test]
    fn sentences_end_with_one_stop() {
        assert_eq!(sentence("Saved", "Yes"), "Saved: Yes.");
        assert_eq!(sentence("Saved", "Done."), "Saved: Done.");
    }
}
