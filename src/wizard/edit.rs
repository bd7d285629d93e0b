//! What one change does to an answer: pick or toggle an option, give a typed value, say
//! "I don't know yet" or "not applicable", clear it, set the note or the discussion flag.
//! Nothing is thrown away: a value put aside by "unsure" comes back when unsure is undone.

use crate::answer::{Answer, AnswerState, Value};
use crate::questionnaire::{Question, QuestionType};

/// One change the user makes to one question's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Pick the option at this index (yes/no, single, scale); on multi, toggle it.
    Pick(usize),
    /// A typed value, already checked.
    Entry(Value),
    /// Toggle "I don't know yet".
    Unsure,
    /// Toggle "not applicable".
    NotApplicable,
    /// Forget the value and state (the note and flag stay).
    Clear,
    /// Replace the note (empty removes it).
    Note(String),
    /// Toggle "discuss later".
    Discuss,
}

/// Why a change does not apply to a question, in a sentence that says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("There is no option {number}: pick 1 to {count}.")]
    NoSuchOption { number: usize, count: usize },
    #[error("This question is answered by typing, not by picking.")]
    TypedNotPicked,
    #[error("This question needs an answer; \"I don't know yet\" is not offered.")]
    UnsureNotOffered,
    #[error("This question applies to every business, so it cannot be marked not applicable.")]
    NotApplicableNotOffered,
    /// A typed list that puts an option that goes alone ("None of these") beside others;
    /// the labels of the options that go alone, quoted and joined with "or".
    #[error("{alone} goes alone: choose it by itself, or only the other options.")]
    GoesAlone { alone: String },
}

/// Front ends that speak in sentences take the error as its sentence.
impl From<EditError> for String {
    fn from(error: EditError) -> String {
        error.to_string()
    }
}

/// The answer after the change, or why the change does not apply to this question.
pub fn apply(
    question: &Question,
    current: Option<&Answer>,
    change: Change,
) -> Result<Answer, EditError> {
    let mut answer = current.cloned().unwrap_or_default();
    match change {
        Change::Pick(index) => {
            let option = question.options.get(index).ok_or(EditError::NoSuchOption {
                number: index + 1,
                count: question.options.len(),
            })?;
            if question.kind == QuestionType::Multi {
                let chosen: Vec<String> = match (&answer.state, &answer.value) {
                    (AnswerState::Answered, Some(Value::List(list))) => list.clone(),
                    _ => Vec::new(),
                };
                let chosen = super::exclusive::toggled(question, chosen, &option.value);
                if chosen.is_empty() {
                    answer.state = AnswerState::Unanswered;
                    answer.value = None;
                } else {
                    answer.state = AnswerState::Answered;
                    answer.value = Some(Value::List(chosen));
                }
            } else if question.kind.is_choice() {
                answer.state = AnswerState::Answered;
                answer.value = Some(Value::Text(option.value.to_string()));
            } else {
                return Err(EditError::TypedNotPicked);
            }
        }
        Change::Entry(value) => {
            super::exclusive::check_entry(question, &value)?;
            answer.state = AnswerState::Answered;
            answer.value = Some(value);
        }
        Change::Unsure => {
            if !question.allow_unsure {
                return Err(EditError::UnsureNotOffered);
            }
            answer.state = toggle(answer.state, AnswerState::Unsure, answer.value.is_some());
        }
        Change::NotApplicable => {
            if !question.allow_na {
                return Err(EditError::NotApplicableNotOffered);
            }
            answer.state = toggle(
                answer.state,
                AnswerState::NotApplicable,
                answer.value.is_some(),
            );
        }
        Change::Clear => {
            answer.state = AnswerState::Unanswered;
            answer.value = None;
        }
        Change::Note(note) => {
            let note = note.trim_end().to_string();
            answer.note = (!note.trim().is_empty()).then_some(note);
        }
        Change::Discuss => answer.discuss = !answer.discuss,
    }
    Ok(answer)
}

/// Turns a state on, or off again (back to the kept value, if there is one).
fn toggle(current: AnswerState, wanted: AnswerState, has_value: bool) -> AnswerState {
    if current != wanted {
        wanted
    } else if has_value {
        AnswerState::Answered
    } else {
        AnswerState::Unanswered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(json: &str) -> Question {
        crate::questionnaire::one_question(json)
    }

    fn text(v: &str) -> Option<Value> {
        Some(Value::Text(v.into()))
    }

    #[test]
    fn picking_sets_the_option_value() {
        let q = question(r#"{"id":"q","type":"yes_no","text":"?"}"#);
        let a = apply(&q, None, Change::Pick(1)).unwrap();
        assert_eq!((a.state, a.value), (AnswerState::Answered, text("no")));
        let error = apply(&q, None, Change::Pick(2)).unwrap_err();
        assert_eq!(
            error,
            EditError::NoSuchOption {
                number: 3,
                count: 2
            }
        );
        assert_eq!(error.to_string(), "There is no option 3: pick 1 to 2.");
    }

    #[test]
    fn multi_toggles_and_keeps_option_order() {
        let q = question(
            r#"{"id":"q","type":"multi","text":"?","options":[
                {"value":"a","label":"A"},{"value":"b","label":"B"},{"value":"c","label":"C"}]}"#,
        );
        let a = apply(&q, None, Change::Pick(2)).unwrap();
        let a = apply(&q, Some(&a), Change::Pick(0)).unwrap();
        assert_eq!(a.value, Some(Value::List(vec!["a".into(), "c".into()])));
        let a = apply(&q, Some(&a), Change::Pick(2)).unwrap();
        let a = apply(&q, Some(&a), Change::Pick(0)).unwrap();
        assert_eq!((a.state, a.value), (AnswerState::Unanswered, None));
    }

    #[test]
    fn unsure_puts_the_value_aside_and_gives_it_back() {
        let q = question(r#"{"id":"q","type":"yes_no","text":"?"}"#);
        let a = apply(&q, None, Change::Pick(0)).unwrap();
        let a = apply(&q, Some(&a), Change::Unsure).unwrap();
        assert_eq!(a.state, AnswerState::Unsure);
        assert_eq!(a.given_value(), None);
        let a = apply(&q, Some(&a), Change::Unsure).unwrap();
        assert_eq!((a.state, a.value), (AnswerState::Answered, text("yes")));
    }

    #[test]
    fn not_applicable_only_where_allowed() {
        let strict = question(r#"{"id":"q","type":"yes_no","text":"?"}"#);
        assert_eq!(
            apply(&strict, None, Change::NotApplicable),
            Err(EditError::NotApplicableNotOffered)
        );
        let lenient = question(r#"{"id":"q","type":"yes_no","text":"?","allow_na":true}"#);
        let a = apply(&lenient, None, Change::NotApplicable).unwrap();
        assert_eq!(a.state, AnswerState::NotApplicable);
        let a = apply(&lenient, Some(&a), Change::NotApplicable).unwrap();
        assert_eq!(a.state, AnswerState::Unanswered);
        let no_unsure = question(r#"{"id":"q","type":"yes_no","text":"?","allow_unsure":false}"#);
        assert_eq!(
            apply(&no_unsure, None, Change::Unsure),
            Err(EditError::UnsureNotOffered)
        );
    }

    #[test]
    fn notes_and_flags_leave_the_answer_alone() {
        let q = question(r#"{"id":"q","type":"yes_no","text":"?"}"#);
        let a = apply(&q, None, Change::Pick(0)).unwrap();
        let a = apply(&q, Some(&a), Change::Note("ask Sam  \n".into())).unwrap();
        let a = apply(&q, Some(&a), Change::Discuss).unwrap();
        assert_eq!(a.note.as_deref(), Some("ask Sam"));
        assert!(a.discuss);
        assert_eq!(a.value, text("yes"));
        let a = apply(&q, Some(&a), Change::Note("  ".into())).unwrap();
        assert_eq!(a.note, None);
        let a = apply(&q, Some(&a), Change::Clear).unwrap();
        assert_eq!(
            (a.state, a.value, a.discuss),
            (AnswerState::Unanswered, None, true)
        );
    }
}
