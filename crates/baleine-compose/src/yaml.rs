//! YAML parsing. This is the only module that touches `serde_yaml`, so the
//! YAML library can be swapped without touching the loader.
//!
//! Responsibilities (compose-go `loader.loadYamlFile` + `ResetProcessor`):
//! * parse every document of a file (anchors and aliases are expanded by the
//!   parser, which also bounds recursion depth and alias expansion);
//! * apply merge keys `<<:` (explicit keys win, earlier merge sources win over
//!   later ones, chained merges work);
//! * record and strip `!reset` nodes, record `!override` nodes;
//! * reject non-string keys like compose-go (`non-string key in services: 123`);
//! * render parse errors the way go-yaml v3 does (`yaml: line N: <problem>`).

use crate::value::{Map, Path, Value};
use serde::Deserialize;

/// One parsed YAML document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Document {
    pub value: Value,
    /// Paths tagged `!reset` (removed from this document, and from what the
    /// previous files defined).
    pub resets: Vec<Path>,
    /// Paths tagged `!override` (kept in this document, removed from what the
    /// previous files defined so the merge does not combine them).
    pub overrides: Vec<Path>,
}

/// A parse failure, with the message compose prints.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ParseError {
    /// A YAML syntax error: `yaml: line 3: mapping values are not allowed in this context`.
    Syntax(String),
    /// A structural error detected while decoding (duplicate key, bad merge,
    /// non-string key). Not prefixed with `yaml: `.
    Structure(String),
}

impl ParseError {
    pub fn message(&self) -> &str {
        match self {
            ParseError::Syntax(s) | ParseError::Structure(s) => s,
        }
    }
}

/// Parses every document of `content`.
pub(crate) fn parse_documents(content: &str) -> Result<Vec<Document>, ParseError> {
    if !has_content(content) {
        return Ok(Vec::new());
    }
    let mut docs = Vec::new();
    for de in serde_yaml::Deserializer::from_str(content) {
        let raw = match serde_yaml::Value::deserialize(de) {
            Ok(v) => v,
            Err(e) => return Err(convert_error(&e, content)),
        };
        let mut st = State::default();
        let value = convert(raw, &Path::root(), &mut st, 0)?.unwrap_or(Value::Null);
        docs.push(Document {
            value,
            resets: st.resets,
            overrides: st.overrides,
        });
    }
    Ok(docs)
}

/// Does the text contain anything but blanks, comments and document markers?
fn has_content(content: &str) -> bool {
    content.lines().any(|l| {
        let t = l.trim();
        !(t.is_empty() || t.starts_with('#') || t == "---" || t == "...")
    })
}

#[derive(Default)]
struct State {
    resets: Vec<Path>,
    overrides: Vec<Path>,
}

fn key_repr(k: &serde_yaml::Value) -> Option<String> {
    // Go's `%#v` of the decoded key.
    match k {
        serde_yaml::Value::Null => Some("<nil>".into()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::String(_) => None,
        serde_yaml::Value::Sequence(_) => Some("[]interface {}{...}".into()),
        serde_yaml::Value::Mapping(_) => Some("map[string]interface {}{...}".into()),
        serde_yaml::Value::Tagged(t) => key_repr(&t.value),
    }
}

fn non_string_key(path: &Path, repr: &str) -> ParseError {
    let location = if path.is_empty() {
        "at top level".to_string()
    } else {
        format!("in {}", path)
    };
    ParseError::Structure(format!("non-string key {}: {}", location, repr))
}

fn number(n: &serde_yaml::Number) -> Value {
    if let Some(i) = n.as_i64() {
        Value::Int(i)
    } else if let Some(f) = n.as_f64() {
        Value::Float(f)
    } else {
        Value::Null
    }
}

fn convert(
    v: serde_yaml::Value,
    path: &Path,
    st: &mut State,
    depth: usize,
) -> Result<Option<Value>, ParseError> {
    if depth > crate::value::MAX_DEPTH {
        return Err(ParseError::Syntax(
            "yaml: exceeded max depth of 10000".into(),
        ));
    }
    Ok(Some(match v {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => number(&n),
        serde_yaml::Value::String(s) => Value::Str(s),
        serde_yaml::Value::Tagged(t) => {
            let tag = t.tag.to_string();
            match tag.as_str() {
                "!reset" => {
                    st.resets.push(path.clone());
                    return Ok(None);
                }
                "!override" => {
                    st.overrides.push(path.clone());
                    return convert(t.value, path, st, depth + 1);
                }
                _ => return convert(t.value, path, st, depth + 1),
            }
        }
        serde_yaml::Value::Sequence(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                if let Some(v) = convert(item, &path.next(&i.to_string()), st, depth + 1)? {
                    out.push(v);
                }
            }
            Value::Seq(out)
        }
        serde_yaml::Value::Mapping(m) => {
            // keys explicitly present win over merged ones
            let explicit: Vec<String> = m
                .iter()
                .filter_map(|(k, _)| match k {
                    serde_yaml::Value::String(s) if s != "<<" => Some(s.clone()),
                    _ => None,
                })
                .collect();
            let mut out = Map::with_capacity(m.len());
            for (k, v) in m {
                let key = match k {
                    serde_yaml::Value::String(s) => s,
                    other => {
                        return Err(non_string_key(path, &key_repr(&other).unwrap_or_default()))
                    }
                };
                if key == "<<" {
                    // compose-go strips `<<` from recorded paths
                    let merged = convert(v, path, st, depth + 1)?;
                    let sources: Vec<Map> = match merged {
                        None => continue,
                        Some(Value::Map(m)) => vec![m],
                        Some(Value::Seq(items)) => {
                            let mut v = Vec::new();
                            for item in items {
                                match item {
                                    Value::Map(m) => v.push(m),
                                    _ => return Err(ParseError::Structure(
                                        "map merge requires map or sequence of maps as the value"
                                            .into(),
                                    )),
                                }
                            }
                            v
                        }
                        Some(_) => {
                            return Err(ParseError::Structure(
                                "map merge requires map or sequence of maps as the value".into(),
                            ))
                        }
                    };
                    for src in sources {
                        for (mk, mv) in src {
                            if explicit.contains(&mk) || out.contains_key(&mk) {
                                continue;
                            }
                            out.insert(mk, mv);
                        }
                    }
                    continue;
                }
                let child = path.next(&key);
                if let Some(cv) = convert(v, &child, st, depth + 1)? {
                    out.insert(key, cv);
                } else {
                    out.shift_remove(&key);
                }
            }
            Value::Map(out)
        }
    }))
}

/// Parses the Debug rendering of a serde_yaml/libyaml error into its parts:
/// (kind, problem, problem line (1-based), context line (1-based)).
fn libyaml_parts(debug: &str) -> Option<(String, String, Option<u64>, Option<u64>)> {
    // Error { kind: SCANNER, problem: "...", problem_mark: Mark { line: 4, column: 12 }, context: "...", context_mark: Mark { line: 4, column: 12 } }
    let kind = field(debug, "kind: ")?;
    let kind = kind.split([',', ' ']).next()?.to_string();
    let problem = quoted_after(debug, "problem: ")?;
    let pline = mark_line(debug, "problem_mark: Mark { line: ");
    let cline = mark_line(debug, "context_mark: Mark { line: ");
    Some((kind, problem, pline, cline))
}

fn field<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let i = s.find(name)?;
    Some(&s[i + name.len()..])
}

fn quoted_after(s: &str, name: &str) -> Option<String> {
    let rest = field(s, name)?;
    let rest = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '"' => return Some(out),
            c => out.push(c),
        }
    }
    None
}

fn mark_line(s: &str, name: &str) -> Option<u64> {
    let rest = field(s, name)?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

fn convert_error(e: &serde_yaml::Error, content: &str) -> ParseError {
    let debug = format!("{:?}", e);
    if let Some((kind, problem, pline, cline)) = libyaml_parts(&debug) {
        // go-yaml v3 `parser.fail`: use the context mark when set, else the
        // problem mark; both 0-based, +1 for scanner errors only.
        let scanner = kind == "SCANNER";
        let to0 = |l: Option<u64>| l.map(|l| l.saturating_sub(1)).unwrap_or(0);
        let (c0, p0) = (to0(cline), to0(pline));
        let mut line = 0;
        if c0 != 0 {
            line = if scanner { c0 + 1 } else { c0 };
        } else if p0 != 0 {
            line = if scanner { p0 + 1 } else { p0 };
        }
        let place = if line != 0 {
            format!("line {}: ", line)
        } else {
            String::new()
        };
        return ParseError::Syntax(format!("yaml: {}{}", place, problem));
    }
    let msg = e.to_string();
    if msg.contains("repetition limit exceeded") {
        return ParseError::Syntax("yaml: document contains excessive aliasing".into());
    }
    if msg.contains("recursion limit exceeded") {
        return ParseError::Syntax("yaml: exceeded max depth of 10000".into());
    }
    if let Some(rest) = msg
        .find("duplicate entry with key \"")
        .map(|i| &msg[i + 26..])
    {
        let key: String = rest.chars().take_while(|c| *c != '"').collect();
        let (line, col) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        if let Some((first, second)) = find_duplicate_lines(content, &key, line, col) {
            return ParseError::Structure(format!(
                "line {}: mapping key {:?} already defined at line {}",
                second, key, first
            ));
        }
        return ParseError::Structure(format!("mapping key {:?} already defined", key));
    }
    if msg.starts_with("unknown anchor") {
        let line = e.location().map(|l| l.line()).unwrap_or(0);
        let anchor = alias_name_at(content, e.location().map(|l| (l.line(), l.column())));
        return ParseError::Syntax(format!(
            "yaml: line {}: unknown anchor '{}' referenced",
            line.saturating_sub(1).max(1),
            anchor
        ));
    }
    // strip serde_yaml's " at line X column Y" suffix, keep go-yaml shape
    let base = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    match e.location() {
        Some(l) => ParseError::Syntax(format!("yaml: line {}: {}", l.line(), base)),
        None => ParseError::Syntax(format!("yaml: {}", base)),
    }
}

fn alias_name_at(content: &str, loc: Option<(usize, usize)>) -> String {
    let Some((line, col)) = loc else {
        return String::new();
    };
    let Some(text) = content.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let start = col.saturating_sub(1);
    let tail: String = text.chars().skip(start).collect();
    let tail = tail.trim_start_matches('*');
    tail.chars()
        .take_while(|c| !c.is_whitespace() && !",]}".contains(*c))
        .collect()
}

/// Finds the lines (1-based) of the first and second definition of `key` in the
/// mapping starting at (`line`, `col`).
fn find_duplicate_lines(
    content: &str,
    key: &str,
    line: usize,
    col: usize,
) -> Option<(usize, usize)> {
    let indent = col.saturating_sub(1);
    let candidates = [
        format!("{}:", key),
        format!("\"{}\":", key),
        format!("'{}':", key),
    ];
    let mut found = Vec::new();
    for (i, text) in content.lines().enumerate().skip(line.saturating_sub(1)) {
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim_start().trim_start_matches("- ");
        if lead != indent && !text.trim_start().starts_with("- ") {
            continue;
        }
        if candidates.iter().any(|c| trimmed.starts_with(c.as_str())) {
            found.push(i + 1);
            if found.len() == 2 {
                return Some((found[0], found[1]));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_like_go_yaml() {
        let e =
            parse_documents("services:\n  web:\n    image: nginx\n      ports: x\n").unwrap_err();
        assert_eq!(
            e.message(),
            "yaml: line 4: mapping values are not allowed in this context"
        );
        let e = parse_documents("name: test\nservices:\n  web:\n    image: nginx\n\tbuild: .")
            .unwrap_err();
        assert_eq!(
            e.message(),
            "yaml: line 4: found a tab character that violates indentation"
        );
    }

    #[test]
    fn duplicate_keys() {
        let src = "services:\n  web:\n    image: nginx\n    command: a\n    command: b\n";
        let e = parse_documents(src).unwrap_err();
        assert_eq!(
            e.message(),
            "line 5: mapping key \"command\" already defined at line 4"
        );
    }

    #[test]
    fn merge_keys_and_tags() {
        let src = "x-base: &base\n  a: 1\n  b: 2\nc:\n  <<: *base\n  b: 3\n  d: !reset\n  e: !override [1]\n";
        let docs = parse_documents(src).unwrap();
        let c = docs[0].value.as_map().unwrap()["c"]
            .as_map()
            .unwrap()
            .clone();
        assert_eq!(c["a"], Value::Int(1));
        assert_eq!(c["b"], Value::Int(3));
        assert!(!c.contains_key("d"));
        assert_eq!(docs[0].resets, vec![Path::new(&["c", "d"])]);
        assert_eq!(docs[0].overrides, vec![Path::new(&["c", "e"])]);
    }

    #[test]
    fn chained_merges() {
        let src = "a: &a {x: 1}\nb: &b\n  <<: *a\n  y: 2\nc:\n  <<: *b\n  z: 3\n";
        let docs = parse_documents(src).unwrap();
        let c = docs[0].value.as_map().unwrap()["c"]
            .as_map()
            .unwrap()
            .clone();
        assert_eq!(c.len(), 3);
        assert!(!c.contains_key("<<"));
    }

    #[test]
    fn non_string_keys() {
        let e = parse_documents("services:\n  123: {}\n").unwrap_err();
        assert_eq!(e.message(), "non-string key in services: 123");
        let e = parse_documents("123: x\n").unwrap_err();
        assert_eq!(e.message(), "non-string key at top level: 123");
    }

    #[test]
    fn empty_and_multi_documents() {
        assert!(parse_documents("# nothing\n").unwrap().is_empty());
        assert_eq!(parse_documents("a: 1\n---\nb: 2\n").unwrap().len(), 2);
    }

    #[test]
    fn alias_bomb_is_rejected() {
        let src = "a: &a [1,2]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        assert!(parse_documents(src).is_err());
        assert!(parse_documents(&"[".repeat(5000)).is_err());
    }
}
