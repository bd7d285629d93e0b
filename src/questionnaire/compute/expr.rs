//! The expression of a calculated figure and its JSON shape: a number is a constant, a
//! string names a question or figure, and an object holds one operator (`sum`, `sub`,
//! `mul`, `div`, `min`, `max`, `round` with `places`, `if` with `then` and `else`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json, json};

use crate::money::decimal_of;
use crate::questionnaire::condition::Condition;

/// An expression over answers and figures.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A constant; takes the unit of what it is added to or compared with.
    Const(Decimal),
    /// The value of a question's answer or of another figure, by id.
    Ref(String),
    Sum(Vec<Expr>),
    /// The first minus all the others.
    Sub(Vec<Expr>),
    Mul(Vec<Expr>),
    /// The first divided by the second.
    Div(Box<Expr>, Box<Expr>),
    Min(Vec<Expr>),
    Max(Vec<Expr>),
    /// Rounded half away from zero to this many decimals.
    Round(Box<Expr>, u32),
    /// `then` while the condition holds, `else` otherwise.
    If {
        when: Box<Condition>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
}

/// The operators, with how many operands each takes at least.
const LISTS: [(&str, usize); 5] = [("sum", 1), ("sub", 2), ("mul", 1), ("min", 1), ("max", 1)];
const OPERATORS: &str = "a number, a question or figure id in quotes, or an object with one of \
     sum, sub, mul, div, min, max (a list), round (with places) or if (with then and else)";

impl Expr {
    /// The operator's name in files (`ref` and `const` for the bare forms).
    pub fn operator(&self) -> &'static str {
        match self {
            Expr::Const(_) => "const",
            Expr::Ref(_) => "ref",
            Expr::Sum(_) => "sum",
            Expr::Sub(_) => "sub",
            Expr::Mul(_) => "mul",
            Expr::Div(..) => "div",
            Expr::Min(_) => "min",
            Expr::Max(_) => "max",
            Expr::Round(..) => "round",
            Expr::If { .. } => "if",
        }
    }

    /// The operands, each with the path suffix that names it in the file.
    pub fn operands(&self) -> Vec<(String, &Expr)> {
        match self {
            Expr::Const(_) | Expr::Ref(_) => Vec::new(),
            Expr::Sum(parts)
            | Expr::Sub(parts)
            | Expr::Mul(parts)
            | Expr::Min(parts)
            | Expr::Max(parts) => parts
                .iter()
                .enumerate()
                .map(|(n, p)| (format!(".{}[{n}]", self.operator()), p))
                .collect(),
            Expr::Div(a, b) => vec![(".div[0]".into(), a), (".div[1]".into(), b)],
            Expr::Round(of, _) => vec![(".round".into(), of)],
            Expr::If {
                then, otherwise, ..
            } => {
                vec![(".then".into(), then), (".else".into(), otherwise)]
            }
        }
    }

    /// Every id the expression reads, in its operands and in its conditions, with repeats.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        self.collect_ids(&mut ids);
        ids
    }

    fn collect_ids<'a>(&'a self, ids: &mut Vec<&'a str>) {
        if let Expr::Ref(id) = self {
            ids.push(id);
        }
        if let Expr::If { when, .. } = self {
            ids.extend(when.questions());
        }
        for (_, operand) in self.operands() {
            operand.collect_ids(ids);
        }
    }

    fn from_json(json: &Json) -> Result<Expr, String> {
        match json {
            Json::Number(n) => n
                .as_f64()
                .and_then(decimal_of)
                .map(Expr::Const)
                .ok_or_else(|| format!("the constant {n} is too large for a figure")),
            Json::String(id) => Ok(Expr::Ref(id.clone())),
            Json::Object(map) => Expr::from_object(map),
            _ => Err(format!("an expression is {OPERATORS}")),
        }
    }

    fn from_object(map: &Map<String, Json>) -> Result<Expr, String> {
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        let list = |key: &str, least: usize| -> Result<Vec<Expr>, String> {
            let items = map
                .get(key)
                .and_then(Json::as_array)
                .ok_or_else(|| format!("\"{key}\" takes a list of expressions"))?;
            if items.len() < least {
                return Err(format!("\"{key}\" needs at least {least} expressions"));
            }
            items.iter().map(Expr::from_json).collect()
        };
        let only = |allowed: &[&str]| -> Result<(), String> {
            match keys.iter().find(|k| !allowed.contains(k)) {
                Some(extra) => Err(format!(
                    "\"{extra}\" does not go with \"{}\": an expression object holds one \
                     operator ({OPERATORS})",
                    allowed[0]
                )),
                None => Ok(()),
            }
        };
        for (key, least) in LISTS {
            if map.contains_key(key) {
                only(&[key])?;
                let parts = list(key, least)?;
                return Ok(match key {
                    "sum" => Expr::Sum(parts),
                    "sub" => Expr::Sub(parts),
                    "mul" => Expr::Mul(parts),
                    "min" => Expr::Min(parts),
                    _ => Expr::Max(parts),
                });
            }
        }
        if map.contains_key("div") {
            only(&["div"])?;
            let mut parts = list("div", 2)?;
            if parts.len() != 2 {
                return Err(
                    "\"div\" takes exactly two expressions: what to divide, and by what".into(),
                );
            }
            let b = parts.pop().ok_or("\"div\" takes two expressions")?;
            let a = parts.pop().ok_or("\"div\" takes two expressions")?;
            return Ok(Expr::Div(Box::new(a), Box::new(b)));
        }
        if let Some(of) = map.get("round") {
            only(&["round", "places"])?;
            let places = match map.get("places") {
                None => 0,
                Some(p) => p
                    .as_u64()
                    .filter(|p| *p <= 6)
                    .ok_or("\"places\" is a whole number of decimals from 0 to 6")?
                    as u32,
            };
            return Ok(Expr::Round(Box::new(Expr::from_json(of)?), places));
        }
        if let Some(when) = map.get("if") {
            only(&["if", "then", "else"])?;
            let branch = |key: &str| {
                map.get(key)
                    .ok_or_else(|| {
                        format!("\"if\" needs \"then\" and \"else\"; \"{key}\" is missing")
                    })
                    .and_then(Expr::from_json)
            };
            let when: Condition = serde_json::from_value(when.clone())
                .map_err(|e| format!("the condition of \"if\": {e}"))?;
            return Ok(Expr::If {
                when: Box::new(when),
                then: Box::new(branch("then")?),
                otherwise: Box::new(branch("else")?),
            });
        }
        Err(format!(
            "an expression is {OPERATORS}; found {}",
            keys.join(", ")
        ))
    }

    fn to_json(&self) -> Json {
        let list = |parts: &[Expr]| Json::Array(parts.iter().map(Expr::to_json).collect());
        match self {
            Expr::Const(c) => {
                serde_json::from_str(&c.normalize().to_string()).unwrap_or(Json::Null)
            }
            Expr::Ref(id) => Json::String(id.clone()),
            Expr::Sum(p) => json!({ "sum": list(p) }),
            Expr::Sub(p) => json!({ "sub": list(p) }),
            Expr::Mul(p) => json!({ "mul": list(p) }),
            Expr::Min(p) => json!({ "min": list(p) }),
            Expr::Max(p) => json!({ "max": list(p) }),
            Expr::Div(a, b) => json!({ "div": [a.to_json(), b.to_json()] }),
            Expr::Round(of, places) => json!({ "round": of.to_json(), "places": places }),
            Expr::If {
                when,
                then,
                otherwise,
            } => json!({
                "if": serde_json::to_value(when).unwrap_or(Json::Null),
                "then": then.to_json(),
                "else": otherwise.to_json(),
            }),
        }
    }
}

impl Serialize for Expr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Expr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = Json::deserialize(deserializer)?;
        Expr::from_json(&json).map_err(serde::de::Error::custom)
    }
}
