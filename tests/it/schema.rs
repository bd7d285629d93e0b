//! The questionnaire JSON Schema (`assets/questionnaire.schema.json`) against the serde
//! types that define the format: the same fields, the same required ones, the same
//! defaults and enum values, and the same verdict on every fixture file. A field added to
//! a Rust type without the schema (or the other way round) fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jsonschema::{Validator, ValidatorMap};
use outready::answer::AnswerState;
use outready::questionnaire::embedded::builtin_files;
use outready::questionnaire::load::{load_file, load_text};
use outready::questionnaire::{
    AnswerOption, Calculated, Condition, Effort, Impact, Level, Moved, Owner, Question,
    QuestionType, Questionnaire, Recommendation, ScoreBand, Section, Stage, StageValue,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

const SCHEMA_TEXT: &str = include_str!("../../assets/questionnaire.schema.json");

/// Fixtures the schema rejects for a rule the loader does not check yet. Each entry is a
/// known gap, not a permission: once the loader rejects the file, the test below fails
/// until the entry is removed, so the list can only shrink.
const LOADER_GAPS: &[&str] = &[];

// ---------------------------------------------------------------------------------------
// Helpers

fn schema() -> Value {
    serde_json::from_str(SCHEMA_TEXT).expect("the schema is valid JSON")
}

fn validator() -> Validator {
    jsonschema::validator_for(&schema()).expect("the schema compiles")
}

fn def_validators() -> ValidatorMap {
    jsonschema::validator_map_for(&schema()).expect("the schema compiles")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every problem the schema finds, one line each; empty when the instance is valid.
fn schema_errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("at \"{}\": {e}", e.instance_path()))
        .collect()
}

/// The `.json` files directly in `dir`, sorted; none when the folder does not exist.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// The schema's verdict on a file: its problems, or "not JSON" when it does not parse.
fn schema_errors_in_file(validator: &Validator, path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).expect("fixture readable");
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(instance) => schema_errors(validator, &instance),
        Err(e) => vec![format!("not JSON: {e}")],
    }
}

/// JSON equality that treats `1` and `1.0` as the same number.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

// ---------------------------------------------------------------------------------------
// The object kinds of the format: one per serde type, one per object in the schema.

/// An object kind: its name in the schema (`questionnaire` is the root, the others are
/// under `$defs`) and its serde type, reached through plain functions.
struct Kind {
    name: &'static str,
    /// Whether serde accepts the value as this type (the error message when not).
    accepts: fn(&Value) -> Result<(), String>,
    /// The value after a serde round trip: defaults filled in, empty fields skipped.
    round_trip: fn(&Value) -> Value,
    /// The field names the serde type accepts.
    fields: fn() -> BTreeSet<String>,
}

fn accepts<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(value.clone())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn round_trip<T: DeserializeOwned + serde::Serialize>(value: &Value) -> Value {
    let typed: T = serde_json::from_value(value.clone()).expect("serde accepts the value");
    serde_json::to_value(typed).expect("serializes")
}

/// The names serde lists in an "expected one of `a`, `b`" message.
fn names_in_message(message: &str) -> BTreeSet<String> {
    let (_, expected) = message
        .split_once("expected")
        .unwrap_or_else(|| panic!("no list of names in serde's message: {message}"));
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The field names a serde type accepts, read from its "unknown field" error: the list
/// comes from the derive itself, so it cannot fall behind the type.
fn serde_fields<T: DeserializeOwned>() -> BTreeSet<String> {
    let message = accepts::<T>(&json!({ "zz-probe": 0 }))
        .expect_err("every format type denies unknown fields");
    assert!(
        message.contains("unknown field `zz-probe`"),
        "unexpected message: {message}"
    );
    names_in_message(&message)
}

/// The variant names a serde enum accepts, read from its "unknown variant" error.
fn serde_variants<T: DeserializeOwned>() -> BTreeSet<String> {
    let message = accepts::<T>(&json!("zz-probe")).expect_err("not a variant");
    assert!(
        message.contains("unknown variant `zz-probe`"),
        "unexpected message: {message}"
    );
    names_in_message(&message)
}

fn kind<T: DeserializeOwned + serde::Serialize>(name: &'static str) -> Kind {
    Kind {
        name,
        accepts: accepts::<T>,
        round_trip: round_trip::<T>,
        fields: serde_fields::<T>,
    }
}

fn kinds() -> Vec<Kind> {
    vec![
        kind::<Questionnaire>("questionnaire"),
        kind::<Level>("level"),
        kind::<Section>("section"),
        kind::<Question>("question"),
        kind::<AnswerOption>("option"),
        kind::<ScoreBand>("score_band"),
        kind::<Recommendation>("recommendation"),
        kind::<Condition>("condition"),
        kind::<Stage>("stage"),
        kind::<StageValue>("stage_value"),
        kind::<Moved>("moved"),
        kind::<Calculated>("calculated"),
    ]
}

/// The JSON pointer of a kind's subschema.
fn pointer(kind: &str) -> String {
    if kind == "questionnaire" {
        String::new()
    } else {
        format!("/$defs/{kind}")
    }
}

fn subschema<'a>(schema: &'a Value, kind: &str) -> &'a Map<String, Value> {
    schema
        .pointer(&pointer(kind))
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("the schema has no object at {}", pointer(kind)))
}

fn schema_properties<'a>(schema: &'a Value, kind: &str) -> &'a Map<String, Value> {
    subschema(schema, kind)
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("{kind} has no properties in the schema"))
}

fn schema_required(schema: &Value, kind: &str) -> BTreeSet<String> {
    subschema(schema, kind)
        .get("required")
        .and_then(Value::as_array)
        .map(|names| {
            names
                .iter()
                .map(|n| n.as_str().expect("required names are strings").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn def_validator<'a>(map: &'a ValidatorMap, kind: &str) -> &'a Validator {
    let key = format!("#{}", pointer(kind));
    map.get(&key)
        .unwrap_or_else(|| panic!("no validator for {key}"))
}

/// The object kind a property holds, when the schema says it is one (directly, as the
/// items of an array, or as the values of a map).
fn child_kind(property: &Value) -> Option<String> {
    let reference = property
        .get("$ref")
        .or_else(|| property.pointer("/items/$ref"))
        .or_else(|| property.pointer("/additionalProperties/$ref"))?
        .as_str()?;
    let name = reference.strip_prefix("#/$defs/")?;
    kinds()
        .iter()
        .any(|k| k.name == name)
        .then(|| name.to_string())
}

/// Walks a questionnaire as JSON, recording for each object kind the keys it uses and
/// the first object seen. Which key holds which kind is read from the schema.
fn walk(
    schema: &Value,
    kind: &str,
    value: &Value,
    keys: &mut BTreeMap<String, BTreeSet<String>>,
    samples: &mut BTreeMap<String, Value>,
) {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("a {kind} must be an object: {value}"));
    keys.entry(kind.to_string())
        .or_default()
        .extend(object.keys().cloned());
    samples
        .entry(kind.to_string())
        .or_insert_with(|| value.clone());
    let properties = schema_properties(schema, kind);
    for (key, child) in object {
        let Some(child_kind) = properties.get(key).and_then(child_kind) else {
            continue;
        };
        let is_map = properties[key]
            .pointer("/additionalProperties/$ref")
            .is_some();
        match child {
            Value::Array(items) => {
                for item in items {
                    walk(schema, &child_kind, item, keys, samples);
                }
            }
            Value::Object(map) if is_map => {
                for item in map.values() {
                    walk(schema, &child_kind, item, keys, samples);
                }
            }
            other => walk(schema, &child_kind, other, keys, samples),
        }
    }
}

// ---------------------------------------------------------------------------------------
// A questionnaire that sets every field of every type at least once: every question
// type, every condition operator, every kind of value. It is also meant to be a sound
// questionnaire, so the loader's own checks pass too.

fn everything() -> Value {
    json!({
        "format_version": 1,
        "id": "everything",
        "version": "1.0.0",
        "title": "Every field of the format",
        "description": "Sets every optional field at least once.",
        "levels": [
            { "id": "not-ready", "label": "Not ready", "min": 0,
              "description": "Fix the blockers first." },
            { "id": "nearly", "label": "Nearly ready", "min": 0.6 },
            { "id": "ready", "label": "Ready", "min": 0.9 }
        ],
        "sections": [
            {
                "id": "profile",
                "title": "Your business",
                "intro": "Facts that decide what applies.",
                "weight": 0,
                "questions": [
                    {
                        "id": "staff", "type": "number", "text": "How many people?", "short": "People",
                        "why": "Effort scales with people.", "help": "Count part-timers too.",
                        "source": "CISA, Choosing a managed service provider (2023)",
                        "min": 1, "max": 1000, "unit": "people",
                        "score_bands": [
                            { "max": 5, "score": 0.5 },
                            { "min": 5, "max": 50, "score": 1 },
                            { "min": 50, "score": 0.75 }
                        ],
                        "weight": 0.5, "allow_unsure": false, "allow_na": true
                    },
                    {
                        "id": "scope", "type": "multi", "text": "What do you outsource?",
                        "options": [
                            { "value": "support", "label": "Support", "score": 0.5 },
                            { "value": "hosting", "label": "Hosting", "score": 0.5 },
                            { "value": "other", "label": "Something else", "score": 0 },
                            { "value": "nothing", "label": "Nothing yet", "score": 0,
                              "exclusive": true }
                        ]
                    },
                    { "id": "has-it", "type": "yes_no", "text": "Do you have IT today?" },
                    {
                        "id": "sector", "type": "single", "text": "Your sector?",
                        "options": [
                            { "value": "shop", "label": "Shop" },
                            { "value": "office", "label": "Office" }
                        ]
                    }
                ]
            },
            {
                "id": "readiness",
                "title": "Readiness",
                "weight": 2,
                "show_if": { "all": [
                    { "question": "staff", "gte": 1 },
                    { "not": { "question": "has-it", "state": "unsure" } }
                ] },
                "questions": [
                    {
                        "id": "maturity", "type": "scale", "text": "How mature is your IT?",
                        "options": [
                            { "value": "0", "label": "Nothing", "score": 0 },
                            { "value": "1", "label": "Some", "score": 0.5 },
                            { "value": "2", "label": "Managed", "score": 1 }
                        ],
                        "critical": true,
                        "quick": true,
                        "about": "provider",
                        "blocker_if": { "any": [
                            { "question": "maturity", "lte": "0" },
                            { "question": "staff", "eq": 1 },
                            { "question": "scope", "eq": ["support", "hosting"] }
                        ] },
                        "show_if": { "any": [
                            { "question": "has-it", "eq": "yes" },
                            { "question": "scope", "contains": "support" }
                        ] },
                        "tags": ["goals", "sla"],
                        "recommendations": [
                            {
                                "id": "grow", "when": { "question": "maturity", "lt": "2" },
                                "text": "Write down what you have.", "effort": "M",
                                "impact": "H", "owner": "you", "due_in_days": 30
                            },
                            {
                                "id": "ask-provider", "text": "Ask for a maturity review.",
                                "effort": "S", "impact": "L", "owner": "provider",
                                "due_in_days": 1
                            }
                        ]
                    },
                    {
                        "id": "budget", "type": "money", "text": "Monthly budget?",
                        "unit": "per month",
                        "score_bands": [
                            { "max": 100, "score": 0 },
                            { "min": 100, "score": 1 }
                        ],
                        "score_by": "yearly-budget",
                        "show_if": { "question": "staff", "gt": 2 },
                        "critical_if": { "question": "sector", "eq": "office" },
                        "quick": true,
                        "recommendations": [{
                            "id": "set-budget", "when": { "question": "budget", "answered": false },
                            "text": "Set a budget.", "effort": "L", "impact": "M",
                            "owner": "shared", "due_in_days": 14
                        }]
                    },
                    {
                        "id": "reserve", "type": "percent", "text": "Reserve kept?",
                        "min": 0, "max": 100,
                        "score_bands": [{ "max": 10, "score": 0 }, { "min": 10, "score": 1 }],
                        "show_if": { "question": "budget", "answered": true }
                    },
                    {
                        "id": "deadline", "type": "date", "text": "Decision by?",
                        "show_if": { "question": "sector", "ne": "shop" }
                    },
                    {
                        "id": "notes", "type": "long_text", "text": "Anything else?",
                        "show_if": { "question": "deadline", "lt": "2030-01-01" }
                    },
                    {
                        "id": "approver", "type": "text", "text": "Who approves?",
                        "show_if": { "question": "sector", "in": ["shop", "office"] }
                    },
                    {
                        "id": "approver-known", "type": "yes_no", "text": "Do they know?",
                        "options": [
                            { "value": "yes", "label": "Yes", "score": 1 },
                            { "value": "no", "label": "Not yet", "score": 0 }
                        ],
                        "show_if": { "question": "sector", "not_in": ["shop"] }
                    }
                ],
                "calculated": [{
                    "id": "yearly-budget", "label": "Budget a year", "unit": "money",
                    "expr": { "round": { "mul": ["budget", 12] }, "places": 2 },
                    "help": "The monthly budget over twelve months.", "headline": true
                }, {
                    "id": "budget-with-reserve", "label": "Budget and reserve", "unit": "money",
                    "expr": { "if": { "question": "reserve", "gt": 0 },
                              "then": { "sum": ["yearly-budget", { "mul": ["yearly-budget", "reserve"] }] },
                              "else": { "max": [{ "min": ["yearly-budget", 1000000] }, { "sub": ["yearly-budget", 0] }, { "div": ["yearly-budget", 1] }] } },
                    "compare_with": "yearly-budget"
                }]
            }
        ],
        "stage": {
            "question": "sector",
            "by_value": {
                "shop": { "caps_at": "nearly", "note": "Not ready to sign yet, as expected." },
                "office": { "note": "Check the contract before you sign it." }
            }
        },
        "moved": [
            { "from": "old-scope", "to": "scope", "values": { "helpdesk": "support" } },
            { "from": "old-sector", "to": "sector" }
        ]
    })
}

// ---------------------------------------------------------------------------------------
// The schema itself

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("the schema breaks the JSON Schema meta-schema: {error}");
    }
    validator();
}

#[test]
fn every_object_denies_unknown_fields_and_every_property_is_described() {
    let schema = schema();
    let mut problems = Vec::new();
    for kind in kinds() {
        let object = subschema(&schema, kind.name);
        if object.get("additionalProperties") != Some(&json!(false)) {
            problems.push(format!("{}: additionalProperties is not false", kind.name));
        }
        if !object.contains_key("description") {
            problems.push(format!("{}: no description", kind.name));
        }
        for (name, property) in schema_properties(&schema, kind.name) {
            let described = property
                .get("description")
                .and_then(Value::as_str)
                .is_some_and(|d| d.len() > 10);
            if !described {
                problems.push(format!("{}.{name}: no description", kind.name));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_object_in_the_schema_has_a_serde_type_here() {
    let schema = schema();
    let defs = schema["$defs"].as_object().expect("$defs");
    let objects: BTreeSet<&str> = defs
        .iter()
        .filter(|(_, def)| def.get("properties").is_some())
        .map(|(name, _)| name.as_str())
        .chain(["questionnaire"])
        .collect();
    let known: BTreeSet<&str> = kinds().iter().map(|k| k.name).collect();
    assert_eq!(objects, known);
}

// ---------------------------------------------------------------------------------------
// The schema and the serde types, field by field

#[test]
fn schema_properties_are_exactly_the_serde_fields() {
    let schema = schema();
    for kind in kinds() {
        let in_schema: BTreeSet<String> = schema_properties(&schema, kind.name)
            .keys()
            .cloned()
            .collect();
        let in_serde = (kind.fields)();
        assert_eq!(
            in_schema, in_serde,
            "{}: the schema's properties (left) differ from the serde type's fields (right)",
            kind.name
        );
    }
}

#[test]
fn schema_enums_are_exactly_the_serde_variants() {
    let schema = schema();
    let cases = [
        (
            "/$defs/question/properties/type",
            serde_variants::<QuestionType>(),
        ),
        (
            "/$defs/recommendation/properties/effort",
            serde_variants::<Effort>(),
        ),
        (
            "/$defs/recommendation/properties/impact",
            serde_variants::<Impact>(),
        ),
        (
            "/$defs/recommendation/properties/owner",
            serde_variants::<Owner>(),
        ),
        (
            "/$defs/condition/properties/state",
            serde_variants::<AnswerState>(),
        ),
        (
            "/$defs/calculated/properties/unit",
            serde_variants::<outready::questionnaire::Unit>(),
        ),
    ];
    for (at, variants) in cases {
        let in_schema: BTreeSet<String> = schema
            .pointer(&format!("{at}/enum"))
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("no enum at {at}"))
            .iter()
            .map(|v| v.as_str().expect("enum values are strings").to_string())
            .collect();
        assert_eq!(in_schema, variants, "{at}: schema (left), serde (right)");
    }
}

#[test]
fn the_full_questionnaire_sets_every_field_and_passes_schema_and_loader() {
    let schema = schema();
    let validator = validator();
    let full = everything();
    let typed: Questionnaire =
        serde_json::from_value(full.clone()).expect("serde reads the full questionnaire");
    let serialized = serde_json::to_value(&typed).expect("serializes");

    for (what, value) in [
        ("the literal", &full),
        ("its serde round trip", &serialized),
    ] {
        let errors = schema_errors(&validator, value);
        assert!(
            errors.is_empty(),
            "{what} breaks the schema:\n{}",
            errors.join("\n")
        );
    }
    if let Err(problems) = load_text("everything", &full.to_string(), false) {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!(
            "the loader rejects the full questionnaire:\n{}",
            lines.join("\n")
        );
    }

    // Serde writes every field that is set, so the keys of the round trip show which
    // fields the literal sets. Each kind must use every field its type has; a field
    // added to a type needs a line in the literal above, and then in the schema.
    let mut keys = BTreeMap::new();
    walk(
        &schema,
        "questionnaire",
        &serialized,
        &mut keys,
        &mut BTreeMap::new(),
    );
    for kind in kinds() {
        let used = keys.get(kind.name).cloned().unwrap_or_default();
        assert_eq!(
            used,
            (kind.fields)(),
            "{}: the full questionnaire's keys (left) miss serde fields (right)",
            kind.name
        );
        let in_schema: BTreeSet<String> = schema_properties(&schema, kind.name)
            .keys()
            .cloned()
            .collect();
        assert_eq!(
            used, in_schema,
            "{}: used keys (left), schema (right)",
            kind.name
        );
    }

    // Every condition operator and every kind of compared value appears.
    let text = full.to_string();
    for needle in [
        r#""eq":"yes""#,
        r#""eq":1"#,
        r#""eq":["support","hosting"]"#,
        r#""answered":true"#,
        r#""answered":false"#,
    ] {
        assert!(text.contains(needle), "the literal lacks {needle}");
    }
}

#[test]
fn required_fields_optional_fields_and_defaults_match_serde() {
    let schema = schema();
    let map = def_validators();
    let mut samples = BTreeMap::new();
    walk(
        &schema,
        "questionnaire",
        &everything(),
        &mut BTreeMap::new(),
        &mut samples,
    );

    for kind in kinds().into_iter().filter(|k| k.name != "condition") {
        let validator = def_validator(&map, kind.name);
        let sample = samples[kind.name].as_object().expect("an object").clone();
        let required = schema_required(&schema, kind.name);
        let agree = |what: &str, value: &Map<String, Value>, valid: bool| {
            let value = Value::Object(value.clone());
            let errors = schema_errors(validator, &value);
            assert_eq!(
                errors.is_empty(),
                valid,
                "{}: the schema should {} {what}: {errors:?}",
                kind.name,
                if valid { "accept" } else { "reject" }
            );
            let serde = (kind.accepts)(&value);
            assert_eq!(
                serde.is_ok(),
                valid,
                "{}: serde should {} {what}: {serde:?}",
                kind.name,
                if valid { "accept" } else { "reject" }
            );
        };

        agree("the full sample", &sample, true);
        let minimal: Map<String, Value> = sample
            .iter()
            .filter(|(k, _)| required.contains(*k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(
            minimal.keys().cloned().collect::<BTreeSet<_>>(),
            required,
            "{}: the sample lacks a required field",
            kind.name
        );
        agree("only the required fields", &minimal, true);
        for name in sample.keys().filter(|k| !required.contains(*k)) {
            let mut without = sample.clone();
            without.remove(name);
            agree(
                &format!("the sample without optional `{name}`"),
                &without,
                true,
            );
        }
        for name in &required {
            let mut without = minimal.clone();
            without.remove(name);
            agree(
                &format!("a value without required `{name}`"),
                &without,
                false,
            );
        }
        let mut unknown = sample.clone();
        unknown.insert("colour".into(), json!("red"));
        agree("an unknown field", &unknown, false);

        // Defaults: what serde fills in for a missing field is what the schema says.
        let filled = (kind.round_trip)(&Value::Object(minimal.clone()));
        let properties = schema_properties(&schema, kind.name);
        for (name, value) in filled.as_object().expect("an object") {
            if required.contains(name) {
                continue;
            }
            let default = properties[name].get("default");
            assert!(
                default.is_some_and(|d| same_json(d, value)),
                "{}.{name}: serde's default is {value}, the schema's is {default:?}",
                kind.name
            );
        }
        for (name, property) in properties {
            if let Some(default) = property.get("default") {
                match filled.get(name) {
                    Some(value) => assert!(same_json(default, value)),
                    // Serde leaves empty text out when writing; then the default must be it.
                    None => assert_eq!(default, &json!(""), "{}.{name}", kind.name),
                }
            }
        }
    }
}

/// Condition shapes, with whether the format accepts them. The schema and serde must
/// agree on each, except where noted.
#[test]
fn conditions_are_judged_alike_by_schema_and_serde() {
    let map = def_validators();
    let validator = def_validator(&map, "condition");
    let test = |op: &str, value: Value| json!({ "question": "q", op: value });
    let agreed: Vec<(Value, bool)> = vec![
        (test("eq", json!("yes")), true),
        (test("eq", json!(3)), true),
        (test("eq", json!(2.5)), true),
        (test("eq", json!(["a", "b"])), true),
        (test("ne", json!("no")), true),
        (test("in", json!(["a", 1, ["b"]])), true),
        (test("in", json!([])), true),
        (test("not_in", json!(["a"])), true),
        (test("gt", json!(1)), true),
        (test("gte", json!("2")), true),
        (test("lt", json!("2030-01-01")), true),
        (test("lte", json!(0)), true),
        (test("answered", json!(true)), true),
        (test("answered", json!(false)), true),
        (test("state", json!("answered")), true),
        (test("state", json!("unsure")), true),
        (test("state", json!("na")), true),
        (test("state", json!("unanswered")), true),
        (test("contains", json!("support")), true),
        (json!({ "all": [] }), true),
        (json!({ "any": [] }), true),
        (
            json!({ "all": [{ "any": [{ "question": "q", "eq": "a" }] }] }),
            true,
        ),
        (
            json!({ "not": { "not": { "question": "q", "answered": true } } }),
            true,
        ),
        // Wrong shapes.
        (json!({}), false),
        (json!({ "question": "q" }), false),
        (json!({ "eq": "a" }), false),
        (json!({ "question": "q", "eq": "a", "ne": "b" }), false),
        (
            json!({ "question": "q", "answered": true, "state": "na" }),
            false,
        ),
        (json!({ "all": [], "any": [] }), false),
        (
            json!({ "not": { "question": "q", "eq": "a" }, "eq": "a" }),
            false,
        ),
        (json!({ "question": "q", "is": "a" }), false),
        (json!("q == a"), false),
        (json!([]), false),
        // Wrong values.
        (test("eq", json!(true)), false),
        (test("eq", json!({ "a": 1 })), false),
        (test("eq", json!([1, 2])), false),
        (test("in", json!("a")), false),
        (test("in", json!([true])), false),
        (test("answered", json!("yes")), false),
        (test("state", json!("skipped")), false),
        (test("state", json!("not_applicable")), false),
        (test("contains", json!(["a"])), false),
        (json!({ "question": 7, "eq": "a" }), false),
        (json!({ "all": { "question": "q", "eq": "a" } }), false),
        (json!({ "not": [{ "question": "q", "eq": "a" }] }), false),
        (json!({ "all": [{}] }), false),
    ];
    for (condition, valid) in &agreed {
        let errors = schema_errors(validator, condition);
        assert_eq!(
            errors.is_empty(),
            *valid,
            "schema on {condition}: {errors:?}"
        );
        let serde = accepts::<Condition>(condition);
        assert_eq!(serde.is_ok(), *valid, "serde on {condition}: {serde:?}");
    }

    // Where the schema is stricter than serde. `null` reads as "absent" to serde; the
    // schema asks authors to leave the key out instead. A "question" beside "all",
    // "any" or "not" is silently ignored by serde, which hides a mistake.
    let stricter = [
        json!({ "question": "q", "eq": "a", "ne": null }),
        json!({ "question": "q", "all": [] }),
        json!({ "question": "q", "not": { "question": "q", "eq": "a" } }),
    ];
    for condition in &stricter {
        assert!(
            !schema_errors(validator, condition).is_empty(),
            "the schema should reject {condition}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Files

#[test]
fn built_in_and_valid_questionnaires_pass_schema_and_loader() {
    let validator = validator();
    let mut files = json_files(&root().join("questionnaires"));
    let valid = json_files(&root().join("tests/fixtures/questionnaires/valid"));
    assert!(!valid.is_empty(), "no valid fixtures found");
    files.extend(valid);
    let mut failures = Vec::new();
    for path in &files {
        let errors = schema_errors_in_file(&validator, path);
        if !errors.is_empty() {
            failures.push(format!("{}: schema: {}", path.display(), errors.join("; ")));
        }
        if let Err(problems) = load_file(path) {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            failures.push(format!("loader: {}", lines.join("; ")));
        }
    }
    for (name, text) in builtin_files() {
        let instance: Value = serde_json::from_str(text).expect("built-in file is JSON");
        let errors = schema_errors(&validator, &instance);
        if !errors.is_empty() {
            failures.push(format!("built-in {name}: schema: {}", errors.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_files_the_schema_rejects_are_rejected_by_the_loader() {
    let validator = validator();
    let files = json_files(&root().join("tests/fixtures/questionnaires/invalid"));
    let ours: Vec<&PathBuf> = files
        .iter()
        .filter(|p| file_name(p).starts_with("schema-"))
        .collect();
    assert!(ours.len() >= 20, "the schema-* fixtures are missing");
    let mut failures = Vec::new();
    for path in &files {
        let name = file_name(path);
        let schema_rejects = !schema_errors_in_file(&validator, path).is_empty();
        if name.starts_with("schema-") && !schema_rejects {
            failures.push(format!(
                "{name}: the schema accepts it, yet it has a defect"
            ));
        }
        if !schema_rejects {
            // A defect only `outready validate` can see (a duplicate id, say).
            continue;
        }
        let loader_rejects = load_file(path).is_err();
        let known_gap = LOADER_GAPS.contains(&name.as_str());
        match (loader_rejects, known_gap) {
            (true, false) | (false, true) => {}
            (false, false) => failures.push(format!(
                "{name}: the schema rejects it but the loader accepts it"
            )),
            (true, true) => failures.push(format!(
                "{name}: the loader now rejects it; remove it from LOADER_GAPS"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_questionnaires_in_the_format_guide_pass_schema_and_loader() {
    let guide = include_str!("../../docs/questionnaire-format.md");
    let validator = validator();
    let mut questionnaires = 0;
    for block in guide.split("```json\n").skip(1) {
        let (block, _) = block.split_once("```").expect("a closed code block");
        let value: Value = serde_json::from_str(block)
            .unwrap_or_else(|e| panic!("a JSON block in the guide is not JSON: {e}\n{block}"));
        if value.get("format_version").is_none() {
            continue;
        }
        questionnaires += 1;
        let errors = schema_errors(&validator, &value);
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        if let Err(problems) = load_text("guide", block, false) {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!(
                "the loader rejects the guide's example:\n{}",
                lines.join("\n")
            );
        }
    }
    assert_eq!(questionnaires, 1, "the guide has one complete example");
}

#[test]
fn ids_due_days_and_control_characters_are_judged_alike_by_schema_and_loader() {
    let validator = validator();
    let small: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/questionnaires/valid/small.json"))
            .expect("the fixture"),
    )
    .expect("JSON");
    // (what is changed, the JSON pointer, the new value)
    let cases: Vec<(&str, &str, Value)> = vec![
        ("a plain id", "/id", json!("it-outsourcing.v2_b")),
        ("an id that climbs out", "/id", json!("../../../../tmp/x")),
        ("an absolute id", "/id", json!("/tmp/x")),
        ("a hidden id", "/id", json!(".x")),
        ("an upper-case id", "/id", json!("Small")),
        ("an id of 64", "/id", json!("a".repeat(64))),
        ("an id of 65", "/id", json!("a".repeat(65))),
        ("an empty id", "/id", json!("")),
        (
            "due in 1",
            "/sections/1/questions/0/recommendations/0/due_in_days",
            json!(1),
        ),
        (
            "due in 3650",
            "/sections/1/questions/0/recommendations/0/due_in_days",
            json!(3650),
        ),
        (
            "due in 3651",
            "/sections/1/questions/0/recommendations/0/due_in_days",
            json!(3651),
        ),
        (
            "due in 0",
            "/sections/1/questions/0/recommendations/0/due_in_days",
            json!(0),
        ),
        (
            "an escape in a title",
            "/title",
            json!("Small\u{1b}]0;x\u{7}"),
        ),
        (
            "a C1 control in a label",
            "/levels/0/label",
            json!("Not\u{9b}2J"),
        ),
        (
            "an override in an option",
            "/sections/0/questions/1/options/0/label",
            json!("Y\u{202e}es"),
        ),
        (
            "an isolate in a section id",
            "/sections/0/id",
            json!("profile\u{2066}"),
        ),
        ("a line break in a title", "/title", json!("Two\nlines")),
        (
            "a line break in a question",
            "/sections/0/questions/0/text",
            json!("Two\nlines\tand a tab"),
        ),
        (
            "an escape in a question",
            "/sections/0/questions/0/why",
            json!("\u{1b}[2J"),
        ),
        ("accents and CJK", "/title", json!("Café 漢字")),
    ];
    let mut disagreements = Vec::new();
    for (name, pointer, value) in cases {
        let mut instance = small.clone();
        *instance.pointer_mut(pointer).expect("the pointer exists") = value;
        let schema_accepts = schema_errors(&validator, &instance).is_empty();
        let loader_accepts = load_text("q.json", &instance.to_string(), false).is_ok();
        if schema_accepts != loader_accepts {
            disagreements.push(format!(
                "{name}: schema {schema_accepts}, loader {loader_accepts}"
            ));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
