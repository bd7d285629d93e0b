//! Serde helpers for the format's types: the one short form of an optional field. No
//! format rules live here, only how a field is read and written.

/// An optional field: absent when the key is missing, refused when it is `null` (as the
/// schema does), and left out when written. Used as
/// `#[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]`.
pub(crate) mod optional {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Reads a present value: `null` is an error, not "absent".
    pub(crate) fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        T::deserialize(deserializer).map(Some)
    }

    /// Writes the value; `skip_serializing_if` keeps `None` from ever reaching here.
    pub(crate) fn serialize<S, T>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
        T: Serialize,
    {
        value.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::optional;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
        limit: Option<f64>,
    }

    #[test]
    fn an_optional_field_is_absent_present_or_refused_when_null() {
        let absent: Sample = serde_json::from_str("{}").unwrap();
        assert_eq!(absent, Sample { limit: None });
        let present: Sample = serde_json::from_str(r#"{"limit":2}"#).unwrap();
        assert_eq!(present, Sample { limit: Some(2.0) });
        assert!(serde_json::from_str::<Sample>(r#"{"limit":null}"#).is_err());
        assert_eq!(serde_json::to_string(&absent).unwrap(), "{}");
        assert_eq!(serde_json::to_string(&present).unwrap(), r#"{"limit":2.0}"#);
    }
}
