//! [`Text`]: a string read from a questionnaire. One read from a built-in file points
//! into the file's text in the binary, so starting allocates nothing for it; one read
//! from anywhere else is owned.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::embedded;

/// A questionnaire's string: an id, a label, a question's text. Reads as a `&str`.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(Cow<'static, str>);

impl Text {
    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same text, in the built-in file's bytes when it lies in them.
    fn read(text: &str) -> Text {
        match embedded::slice_of(text) {
            Some(embedded) => Text(Cow::Borrowed(embedded)),
            None => Text(Cow::Owned(text.to_string())),
        }
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Cow::Owned(text))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(Cow::Owned(text.to_string()))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0.into_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, text: &'de str) -> Result<Text, E> {
        Ok(Text::read(text))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::from(text))
    }

    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Text, E> {
        Ok(Text::from(text))
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::Text;
    use crate::questionnaire::embedded::builtin_files;
    use crate::questionnaire::model::Questionnaire;

    fn borrowed(text: &Text) -> bool {
        matches!(text.0, Cow::Borrowed(_))
    }

    #[test]
    fn a_built_in_questionnaire_points_into_its_file_and_reads_the_same() {
        let (_, file) = builtin_files()[0];
        let questionnaire: Questionnaire = serde_json::from_str(file).unwrap();
        let document: serde_json::Value = serde_json::from_str(file).unwrap();
        let first = &questionnaire.sections[0].questions[0];
        assert!(borrowed(&first.id) && borrowed(&first.text));
        assert_eq!(
            Some(first.text.as_str()),
            document["sections"][0]["questions"][0]["text"].as_str()
        );
        // Every question's id and text, whichever way the reader took them.
        let ids = questionnaire
            .questions()
            .filter(|(_, q)| borrowed(&q.id))
            .count();
        assert_eq!(ids, questionnaire.question_count());
    }

    #[test]
    fn text_from_anywhere_else_is_owned_and_escapes_are_read() {
        let text: Text = serde_json::from_str(r#""plain""#).unwrap();
        assert!(!borrowed(&text));
        assert_eq!(text, "plain");
        // A string with an escape cannot be a slice of the file: it is read into a copy.
        let escaped: Text = serde_json::from_str(r#""say \"no\"\n""#).unwrap();
        assert_eq!(escaped, "say \"no\"\n");
        let from_value: Text = serde_json::from_value(serde_json::json!("a value")).unwrap();
        assert_eq!(from_value.as_str(), "a value");
        assert!(serde_json::from_str::<Text>("12").is_err());
        assert_eq!(
            serde_json::to_string(&escaped).unwrap(),
            r#""say \"no\"\n""#
        );
    }
}
