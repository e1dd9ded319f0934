//! The dynamic YAML tree the loader works on before binding to typed structs
//! (compose-go works on `map[string]any`; we keep insertion order so that
//! every phase is deterministic).

use indexmap::IndexMap;
use std::fmt;

/// An ordered mapping with string keys.
pub type Map = IndexMap<String, Value>;

/// A YAML value after parsing (anchors/aliases expanded, merge keys applied).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Value>),
    Map(Map),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_map_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_seq(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The JSON-schema type name of the value (`integer` for whole numbers).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) => "integer",
            Value::Float(f) => {
                if f.fract() == 0.0 && f.is_finite() {
                    "integer"
                } else {
                    "number"
                }
            }
            Value::Str(_) => "string",
            Value::Seq(_) => "array",
            Value::Map(_) => "object",
        }
    }

    /// Go's `fmt.Sprint(v)` for scalars (used when compose-go stringifies values).
    pub fn go_string(&self) -> String {
        match self {
            Value::Null => "<nil>".to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => go_float(*f),
            Value::Str(s) => s.clone(),
            Value::Seq(items) => {
                let parts: Vec<String> = items.iter().map(|v| v.go_string()).collect();
                format!("[{}]", parts.join(" "))
            }
            Value::Map(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                baleine_util::sort(&mut keys);
                let parts: Vec<String> = keys
                    .iter()
                    .map(|k| format!("{}:{}", k, m[k.as_str()].go_string()))
                    .collect();
                format!("map[{}]", parts.join(" "))
            }
        }
    }
}

/// Go's `%v` formatting of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)` with
/// Go's exponent thresholds).
pub fn go_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f == 0.0 {
        return "0".into();
    }
    let exp = f.abs().log10().floor() as i32;
    // Go's shortest 'g' format switches to exponent form outside [-4, 6).
    if !(-4..6).contains(&exp) {
        // exponent form like Go: 1e+21, 1.5e-05
        let s = format!("{:e}", f);
        let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
        let e: i32 = e.parse().unwrap_or(0);
        let sign = if e < 0 { '-' } else { '+' };
        return format!("{}e{}{:02}", mant, sign, e.abs());
    }
    format!("{}", f)
}

/// A path in the YAML tree, rendered `a.b.c` like compose-go's `tree.Path`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(pub Vec<String>);

impl Path {
    pub fn root() -> Self {
        Path(Vec::new())
    }
    pub fn new(parts: &[&str]) -> Self {
        Path(parts.iter().map(|s| s.to_string()).collect())
    }
    pub fn next(&self, part: &str) -> Path {
        let mut v = self.0.clone();
        v.push(part.to_string());
        Path(v)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Matches a pattern where `*` matches any single element.
    pub fn matches(&self, pattern: &[&str]) -> bool {
        self.0.len() == pattern.len()
            && self
                .0
                .iter()
                .zip(pattern.iter())
                .all(|(a, p)| *p == "*" || a == p)
    }
    /// Matches another recorded path (used by `!reset`), where `[]` segments in
    /// either path match any index.
    pub fn matches_path(&self, other: &Path) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(other.0.iter())
                .all(|(a, b)| a == b || a == "*" || b == "*")
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.join("."))
    }
}

/// Maximum nesting handled by the recursive phases (serde_yaml itself stops at 128).
pub const MAX_DEPTH: usize = 200;
