//! Reading a condition from JSON in one pass over its object: each operator's value
//! read as its own type, and the object's shape (one operator, `question` with a test)
//! checked as it closes. The built-in questionnaire's hundreds of conditions are read at
//! every start, so nothing is built that the condition does not keep.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Condition, Test};
use crate::questionnaire::text::Text;

/// The keys a condition object may have, in the order the format's messages list them.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Key {
    All,
    Any,
    Not,
    Question,
    Eq,
    Ne,
    In,
    NotIn,
    Gt,
    Gte,
    Lt,
    Lte,
    Answered,
    State,
    Contains,
}

impl Key {
    /// The key as written in files.
    fn name(self) -> &'static str {
        NAMES[self as usize]
    }
}

/// Every key's name, in the order of [`Key`].
const NAMES: [&str; 15] = [
    "all", "any", "not", "question", "eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte",
    "answered", "state", "contains",
];

const OPERATORS: &str = "all, any, not, or \"question\" with one of eq, ne, in, not_in, gt, gte, lt, lte, \
     answered, state, contains";

/// What an operator holds: parts to combine, or a test on the question.
enum Part {
    Combined(Condition),
    Test(Test),
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Condition, D::Error> {
        deserializer.deserialize_map(ConditionVisitor)
    }
}

struct ConditionVisitor;

impl<'de> Visitor<'de> for ConditionVisitor {
    type Value = Condition;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a condition (an object with one operator)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Condition, A::Error> {
        let mut question: Option<Text> = None;
        let mut first: Option<(Key, Part)> = None;
        // Which keys were given, one bit each in the order of `Key`.
        let mut given = 0_u16;
        while let Some(key) = map.next_key::<Key>()? {
            let bit = 1 << key as u16;
            if given & bit != 0 {
                return Err(de::Error::duplicate_field(key.name()));
            }
            given |= bit;
            let part = match key {
                Key::Question => {
                    question = Some(map.next_value()?);
                    continue;
                }
                Key::All => Part::Combined(Condition::All(map.next_value()?)),
                Key::Any => Part::Combined(Condition::Any(map.next_value()?)),
                Key::Not => Part::Combined(Condition::Not(map.next_value()?)),
                Key::Eq => Part::Test(Test::Eq(map.next_value()?)),
                Key::Ne => Part::Test(Test::Ne(map.next_value()?)),
                Key::In => Part::Test(Test::In(map.next_value()?)),
                Key::NotIn => Part::Test(Test::NotIn(map.next_value()?)),
                Key::Gt => Part::Test(Test::Gt(map.next_value()?)),
                Key::Gte => Part::Test(Test::Gte(map.next_value()?)),
                Key::Lt => Part::Test(Test::Lt(map.next_value()?)),
                Key::Lte => Part::Test(Test::Lte(map.next_value()?)),
                Key::Answered => Part::Test(Test::Answered(map.next_value()?)),
                Key::State => Part::Test(Test::State(map.next_value()?)),
                Key::Contains => Part::Test(Test::Contains(map.next_value()?)),
            };
            // A second operator is still read, so a wrong type in it is told first.
            if first.is_none() {
                first = Some((key, part));
            }
        }
        shaped(question, first, given).map_err(de::Error::custom)
    }
}

/// The condition the object makes, or what is wrong with its shape.
fn shaped(
    question: Option<Text>,
    first: Option<(Key, Part)>,
    given: u16,
) -> Result<Condition, String> {
    let operators_given = given & !(1 << Key::Question as u16);
    if operators_given.count_ones() > 1 {
        // Named only here, when there is something to say: every condition is read at
        // each start.
        let operators: Vec<&str> = NAMES
            .iter()
            .enumerate()
            .filter(|&(index, _)| operators_given & (1 << index) != 0)
            .map(|(_, name)| *name)
            .collect();
        return Err(format!(
            "a condition has more than one operator ({}): use one per object and combine \
             them with \"all\" or \"any\"",
            operators.join(", ")
        ));
    }
    match (question, first) {
        (Some(question), Some((_, Part::Test(test)))) => Ok(Condition::Test { question, test }),
        (None, Some((_, Part::Combined(combined)))) => Ok(combined),
        (Some(_), None) => Err("a condition on a question needs one test: eq, ne, in, \
             not_in, gt, gte, lt, lte, answered, state or contains"
            .to_string()),
        (Some(_), Some((key, Part::Combined(_)))) => Err(format!(
            "\"question\" goes with a test such as eq, not with \"{}\": put the tests on \
             questions inside it",
            key.name()
        )),
        (None, Some((_, Part::Test(test)))) => Err(format!(
            "the condition test \"{}\" needs a \"question\" to test",
            test.operator()
        )),
        (None, None) => Err(format!("an empty condition: expected {OPERATORS}")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Condition;

    fn read(json: &str) -> Result<Condition, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn every_operator_reads_back_as_it_was_written() {
        let written = r#"{"all":[{"question":"a","eq":"yes"},{"question":"b","ne":2.0},{"question":"c","in":["x","y"]},{"question":"d","not_in":["z"]},{"question":"e","gt":1.0},{"question":"e","gte":2.0},{"question":"e","lt":3.0},{"question":"e","lte":4.0},{"question":"f","answered":true},{"question":"g","state":"unsure"},{"question":"h","contains":"cloud"},{"any":[{"not":{"question":"a","eq":"no"}}]}]}"#;
        let condition = read(written).unwrap();
        assert_eq!(serde_json::to_string(&condition).unwrap(), written);
    }

    #[test]
    fn a_wrong_shape_is_told_in_the_words_of_the_format() {
        assert!(
            read(r#"{"question":"a","eq":1,"eq":2}"#)
                .unwrap_err()
                .starts_with("duplicate field `eq`")
        );
        // Operators are named in the format's order, whatever the file's.
        let two = read(r#"{"question":"a","ne":1,"eq":2}"#).unwrap_err();
        assert!(
            two.starts_with("a condition has more than one operator (eq, ne)"),
            "{two}"
        );
        let unknown = read(r#"{"question":"a","equals":1}"#).unwrap_err();
        assert!(
            unknown.starts_with("unknown field `equals`, expected one of `all`, `any`"),
            "{unknown}"
        );
        assert!(
            read(r#"{"question":"a"}"#)
                .unwrap_err()
                .contains("needs one test")
        );
        assert!(
            read(r#"{"eq":1}"#)
                .unwrap_err()
                .contains(r#"the condition test "eq" needs a "question""#)
        );
        assert!(
            read(r#"{"question":"a","all":[]}"#)
                .unwrap_err()
                .contains(r#"not with "all""#)
        );
        assert!(read("{}").unwrap_err().starts_with("an empty condition"));
        assert!(read(r#"{"question":"a","eq":null}"#).is_err());
        assert!(read("[]").unwrap_err().contains("expected a condition"));
    }
}
