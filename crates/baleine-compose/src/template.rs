//! Variable substitution, following compose-go's `template` package:
//! `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`,
//! `${VAR?err}`, `${VAR:+replacement}`, `${VAR+replacement}`, nesting in the
//! default/replacement/error text, and `$$` for a literal `$`.
//!
//! compose-go implements this with a regular expression whose braced form
//! greedily runs to the last `}` of the line, then cuts the match at the
//! first balanced closing brace and substitutes the rest again. The scanner
//! below reproduces that behaviour without a regex engine.

/// Errors raised by [`substitute`].
#[derive(Debug, Clone, PartialEq)]
pub enum TemplateError {
    /// `Invalid template: "<template>"`: the text cannot be parsed.
    Invalid { template: String },
    /// `${VAR:?err}` / `${VAR?err}` with VAR missing.
    MissingRequired { variable: String, reason: String },
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Invalid { template } => {
                write!(f, "Invalid template: {}", crate::util::go_quote(template))
            }
            TemplateError::MissingRequired { variable, reason } => {
                if reason.is_empty() {
                    write!(f, "required variable {} is missing a value", variable)
                } else {
                    write!(
                        f,
                        "required variable {} is missing a value: {}",
                        variable, reason
                    )
                }
            }
        }
    }
}

/// Maximum nesting of `${A:-${B:-...}}` before giving up (bounded recursion).
const MAX_NESTING: usize = 64;

/// Variable lookup: `Some(value)` when the variable is set (possibly empty).
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Substitutes variables in `template`. Warnings for unset variables are
/// appended to `warnings` (`The "X" variable is not set. Defaulting to a blank string.`).
pub fn substitute(
    template: &str,
    lookup: Lookup<'_>,
    warnings: &mut Vec<String>,
) -> Result<String, TemplateError> {
    substitute_depth(template, lookup, warnings, 0)
}

fn is_name_start(c: u8) -> bool {
    c == b'_' || c.is_ascii_alphabetic()
}
fn is_name_char(c: u8) -> bool {
    c == b'_' || c.is_ascii_alphanumeric()
}

pub(crate) fn unset_warning(name: &str) -> String {
    format!(
        "The {} variable is not set. Defaulting to a blank string.",
        crate::util::go_quote(name)
    )
}

fn substitute_depth(
    template: &str,
    lookup: Lookup<'_>,
    warnings: &mut Vec<String>,
    depth: usize,
) -> Result<String, TemplateError> {
    if depth > MAX_NESTING {
        return Err(TemplateError::Invalid {
            template: template.to_string(),
        });
    }
    let b = template.as_bytes();
    let mut out = String::with_capacity(template.len());
    let mut i = 0;
    let mut first_err: Option<TemplateError> = None;
    let record = |e: TemplateError, first: &mut Option<TemplateError>| {
        if first.is_none() {
            *first = Some(e);
        }
    };
    while i < b.len() {
        let Some(rel) = template[i..].find('$') else {
            out.push_str(&template[i..]);
            break;
        };
        out.push_str(&template[i..i + rel]);
        i += rel;
        let next = b.get(i + 1).copied();
        match next {
            Some(b'$') => {
                out.push('$');
                i += 2;
            }
            Some(c) if is_name_start(c) => {
                let mut j = i + 1;
                while j < b.len() && is_name_char(b[j]) {
                    j += 1;
                }
                let name = &template[i + 1..j];
                match lookup(name) {
                    Some(v) => out.push_str(&v),
                    None => warnings.push(unset_warning(name)),
                }
                i = j;
            }
            Some(b'{') => match braced(template, i, lookup, warnings, depth) {
                Ok((value, end)) => {
                    out.push_str(&value);
                    i = end;
                }
                Err((e, end)) => {
                    record(e, &mut first_err);
                    i = end;
                }
            },
            _ => {
                // not a substitution: literal `$`
                out.push('$');
                i += 1;
            }
        }
    }
    match first_err {
        Some(TemplateError::Invalid { template: t }) if t.is_empty() => {
            Err(TemplateError::Invalid {
                template: template.to_string(),
            })
        }
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// compose-go's `getFirstBraceClosingIndex` on `s` (which starts with `${`).
fn first_brace_closing(s: &[u8]) -> Option<usize> {
    let mut open = 0i32;
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'}' {
            open -= 1;
            if open == 0 {
                return Some(i);
            }
        }
        if s[i] == b'{' {
            open += 1;
            i += 1;
        }
        i += 1;
    }
    None
}

type BracedResult = Result<(String, usize), (TemplateError, usize)>;

/// Handles `${...}` starting at `start` (the `$`). Returns the replacement and
/// the index just after the consumed text.
fn braced(
    t: &str,
    start: usize,
    lookup: Lookup<'_>,
    warnings: &mut Vec<String>,
    depth: usize,
) -> BracedResult {
    let b = t.as_bytes();
    let invalid = |end: usize| {
        Err((
            TemplateError::Invalid {
                template: String::new(),
            },
            end,
        ))
    };
    let line_end = t[start..].find('\n').map(|p| start + p).unwrap_or(b.len());
    let last_brace = t[start..line_end].rfind('}').map(|p| start + p);
    let name_start = start + 2;
    let mut j = name_start;
    if j >= b.len() || !is_name_start(b[j]) {
        return invalid(start + 2);
    }
    while j < b.len() && is_name_char(b[j]) {
        j += 1;
    }
    let name = &t[name_start..j];
    let Some(last_brace) = last_brace else {
        return invalid(start + 2);
    };
    if b.get(j) == Some(&b'}') {
        // ${NAME}
        return Ok((plain_lookup(name, lookup, warnings), j + 1));
    }
    // operator
    let op_len = match (b.get(j), b.get(j + 1)) {
        (Some(b':'), Some(b'-' | b'+' | b'?')) => 2,
        (Some(b'-' | b'+' | b'?'), _) => 1,
        _ => return invalid(start + 2),
    };
    if j + op_len > last_brace {
        return invalid(start + 2);
    }
    let region = &b[start..=last_brace];
    let close = first_brace_closing(region)
        .map(|c| start + c)
        .unwrap_or(last_brace);
    if close < j + op_len {
        return invalid(start + 2);
    }
    let op = &t[j..j + op_len];
    let arg = &t[j + op_len..close];
    let end = close + 1;
    let value = lookup(name);
    let sub = |text: &str, warnings: &mut Vec<String>| {
        substitute_depth(text, lookup, warnings, depth + 1).map_err(|e| (e, end))
    };
    let result = match op {
        ":-" => match value {
            Some(v) if !v.is_empty() => v,
            _ => sub(arg, warnings)?,
        },
        "-" => match value {
            Some(v) => v,
            None => sub(arg, warnings)?,
        },
        ":+" => match value {
            Some(v) if !v.is_empty() => sub(arg, warnings)?,
            Some(v) => v,
            None => String::new(),
        },
        "+" => match value {
            Some(_) => sub(arg, warnings)?,
            None => String::new(),
        },
        ":?" => match value {
            Some(v) if !v.is_empty() => v,
            _ => {
                let reason = sub(arg, warnings)?;
                return Err((
                    TemplateError::MissingRequired {
                        variable: name.to_string(),
                        reason,
                    },
                    end,
                ));
            }
        },
        "?" => match value {
            Some(v) => v,
            None => {
                let reason = sub(arg, warnings)?;
                return Err((
                    TemplateError::MissingRequired {
                        variable: name.to_string(),
                        reason,
                    },
                    end,
                ));
            }
        },
        _ => return invalid(start + 2),
    };
    Ok((result, end))
}

fn plain_lookup(name: &str, lookup: Lookup<'_>, warnings: &mut Vec<String>) -> String {
    match lookup(name) {
        Some(v) => v,
        None => {
            warnings.push(unset_warning(name));
            String::new()
        }
    }
}

// ------------------------------------------------------------------ variables

/// One variable found by [`extract_variables`]: (name, required, default
/// value, alternate value), as compose-go's `template.Variable`.
pub type Variable = (String, bool, String, String);

/// compose-go's `ExtractVariables` over a raw model: strings in mappings
/// (at any depth) and strings directly in lists (a list's mappings are not
/// looked into); a later occurrence of a name replaces an earlier one.
/// Sorted by name (Go iterates the map in random order).
pub fn extract_variables(model: &crate::value::Map) -> Vec<Variable> {
    let mut found: Vec<Variable> = Vec::new();
    for v in model.values() {
        recurse_extract(v, &mut found, 0);
    }
    baleine_util::sort_by(&mut found, |a, b| a.0.cmp(&b.0));
    found
}

fn keep(found: &mut Vec<Variable>, v: Variable) {
    match found.iter_mut().find(|x| x.0 == v.0) {
        Some(x) => *x = v,
        None => found.push(v),
    }
}

fn recurse_extract(v: &crate::value::Value, found: &mut Vec<Variable>, depth: usize) {
    use crate::value::Value;
    if depth > crate::value::MAX_DEPTH {
        return;
    }
    match v {
        Value::Str(s) => {
            for x in extract_variable(s, 0) {
                keep(found, x);
            }
        }
        Value::Map(m) => {
            for e in m.values() {
                recurse_extract(e, found, depth + 1);
            }
        }
        Value::Seq(items) => {
            for e in items {
                if let Value::Str(s) = e {
                    for x in extract_variable(s, 0) {
                        keep(found, x);
                    }
                }
            }
        }
        _ => {}
    }
}

/// One match of compose-go's `DefaultPattern` at a `$`.
enum Match {
    Escaped,
    Named(String),
    /// The whole match text (`${...}` up to the last `}` of the line).
    Braced(String),
    Invalid,
}

/// The pattern's match starting at byte `i` (a `$`), with its length.
fn match_at(b: &[u8], i: usize, s: &str) -> Option<(Match, usize)> {
    let c = *b.get(i + 1)?;
    if c == b'$' {
        return Some((Match::Escaped, 2));
    }
    if is_name_start(c) {
        let mut j = i + 2;
        while j < b.len() && is_name_char(b[j]) {
            j += 1;
        }
        return Some((Match::Named(s[i + 1..j].to_string()), j - i));
    }
    if c != b'{' {
        return None;
    }
    let start = i + 2;
    if start < b.len() && is_name_start(b[start]) {
        let mut j = start + 1;
        while j < b.len() && is_name_char(b[j]) {
            j += 1;
        }
        // `(?::?[-+?](.*))?` then `}`: greedy to the line's last `}`
        let mut k = j;
        if b.get(k) == Some(&b':') {
            k += 1;
        }
        if matches!(b.get(k), Some(b'-' | b'+' | b'?')) {
            let line_end = b[k..].iter().position(|x| *x == b'\n').map_or(b.len(), |p| k + p);
            if let Some(close) = b[k + 1..line_end].iter().rposition(|x| *x == b'}') {
                let end = k + 1 + close + 1;
                return Some((Match::Braced(s[i..end].to_string()), end - i));
            }
        }
        if b.get(j) == Some(&b'}') {
            return Some((Match::Braced(s[i..j + 1].to_string()), j + 1 - i));
        }
    }
    Some((Match::Invalid, 2))
}

/// compose-go's `getFirstBraceClosingIndex` (a `{` also skips the byte after it).
fn first_brace_closing_index(b: &[u8]) -> Option<usize> {
    let mut open = 0i64;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'}' {
            open -= 1;
            if open == 0 {
                return Some(i);
            }
        }
        if b[i] == b'{' {
            open += 1;
            i += 1;
        }
        i += 1;
    }
    None
}

/// compose-go's `extractVariable`.
fn extract_variable(s: &str, depth: usize) -> Vec<Variable> {
    let mut values = Vec::new();
    if depth > MAX_NESTING {
        return values;
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        let Some((m, len)) = match_at(b, i, s) else {
            i += 1;
            continue;
        };
        i += len;
        let val = match m {
            Match::Escaped => continue,
            Match::Named(n) => n,
            Match::Invalid => String::new(),
            Match::Braced(text) => {
                let tb = text.as_bytes();
                match first_brace_closing_index(tb) {
                    Some(c) if c > 0 => {
                        let rest = text.get(c + 1..).unwrap_or("");
                        values.extend(extract_variable(rest, depth + 1));
                        text.get(2..c).unwrap_or("").to_string()
                    }
                    // the braced group: the text between `${` and the last `}`
                    _ => text.get(2..text.len().saturating_sub(1)).unwrap_or("").to_string(),
                }
            }
        };
        let cut = val.bytes().position(|c| !is_name_char(c));
        let (name, mut default, mut alternate, mut required) = (val.clone(), String::new(), String::new(), false);
        let name = match cut {
            Some(p) if p > 0 => {
                let rest = &val[p..];
                if rest.starts_with(":?") || rest.starts_with('?') {
                    required = true;
                } else if let Some(d) = rest.strip_prefix(":-") {
                    default = d.to_string();
                } else if let Some(d) = rest.strip_prefix('-') {
                    default = d.to_string();
                } else if let Some(a) = rest.strip_prefix(":+") {
                    alternate = a.to_string();
                } else if let Some(a) = rest.strip_prefix('+') {
                    alternate = a.to_string();
                }
                val[..p].to_string()
            }
            _ => name,
        };
        let (d, a) = (std::mem::take(&mut default), std::mem::take(&mut alternate));
        values.push((name, required, d.clone(), a.clone()));
        if !d.is_empty() {
            values.extend(extract_variable(&d, depth + 1));
        }
        if !a.is_empty() {
            values.extend(extract_variable(&a, depth + 1));
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        match name {
            "FOO" => Some("first".into()),
            "BAR" => Some(String::new()),
            "PORT" => Some("8000".into()),
            _ => None,
        }
    }

    fn sub(t: &str) -> (Result<String, TemplateError>, Vec<String>) {
        let mut w = Vec::new();
        let r = substitute(t, &env, &mut w);
        (r, w)
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str)] = &[
            ("$FOO", "first"),
            ("${FOO}", "first"),
            ("a $FOO b", "a first b"),
            ("${FOO}-${FOO}", "first-first"),
            ("$$FOO", "$FOO"),
            ("$${FOO}", "${FOO}"),
            ("${UNSET:-default}", "default"),
            ("${BAR:-default}", "default"),
            ("${BAR-default}", ""),
            ("${UNSET-default}", "default"),
            ("${FOO:-default}", "first"),
            ("${FOO:+repl}", "repl"),
            ("${BAR:+repl}", ""),
            ("${BAR+repl}", "repl"),
            ("${UNSET+repl}", ""),
            ("${UNSET:-${FOO}}", "first"),
            ("${UNSET:-${UNSET2:-x}}", "x"),
            ("${UNSET:-${UNSET2:-${FOO}}}", "first"),
            ("${PORT:-8080}:80", "8000:80"),
            ("${UNSET:-8080}:80", "8080:80"),
            ("${UNSET:-a b c}", "a b c"),
            ("${UNSET:-}", ""),
            ("$1", "$1"),
            ("price: 5$", "price: 5$"),
            ("${UNSET:-{x}}", "{x}"),
            ("${UNSET:-x}}", "x}"),
            ("${FOO}${FOO}", "firstfirst"),
            ("${UNSET:-$$}", "$"),
        ];
        for (t, want) in cases {
            let (r, _) = sub(t);
            assert_eq!(r.as_deref(), Ok(*want), "template {}", t);
        }
    }

    #[test]
    fn warnings_for_unset() {
        let (r, w) = sub("${UNSET}x$OTHER");
        assert_eq!(r.unwrap(), "x");
        assert_eq!(
            w,
            vec![
                "The \"UNSET\" variable is not set. Defaulting to a blank string.".to_string(),
                "The \"OTHER\" variable is not set. Defaulting to a blank string.".to_string()
            ]
        );
        // defaults never warn
        let (_, w) = sub("${UNSET:-x}");
        assert!(w.is_empty());
    }

    #[test]
    fn required() {
        let (r, _) = sub("${UNSET:?must be set}");
        assert_eq!(
            r.unwrap_err().to_string(),
            "required variable UNSET is missing a value: must be set"
        );
        let (r, _) = sub("${BAR:?}");
        assert_eq!(
            r.unwrap_err().to_string(),
            "required variable BAR is missing a value"
        );
        let (r, _) = sub("${BAR?oops}");
        assert_eq!(r.unwrap(), "");
        let (r, _) = sub("${UNSET?oops}");
        assert!(matches!(r, Err(TemplateError::MissingRequired { .. })));
    }

    #[test]
    fn invalid() {
        for t in [
            "${}",
            "${ FOO}",
            "${FOO BAR}",
            "${FOO",
            "${1}",
            "${FOO:-x\n}",
        ] {
            let (r, _) = sub(t);
            assert_eq!(
                r,
                Err(TemplateError::Invalid {
                    template: t.to_string()
                }),
                "{:?}",
                t
            );
        }
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let t = format!("{}x{}", "${A:-".repeat(500), "}".repeat(500));
        let (r, _) = sub(&t);
        assert!(r.is_err());
    }

    #[test]
    fn extract_variables_like_compose_go() {
        use crate::value::{Map, Value};
        let mut svc = Map::new();
        svc.insert("image".into(), Value::Str("nginx:${TAG:-alpine}".into()));
        svc.insert("ports".into(), Value::Seq(vec![Value::Str("${PORT:?port}:80".into())]));
        svc.insert("command".into(), Value::Str("echo $$HOME $USER ${X:+on} ${A-${B}}/${C}".into()));
        let mut vol = Map::new();
        vol.insert("source".into(), Value::Str("${HIDDEN}".into()));
        svc.insert("volumes".into(), Value::Seq(vec![Value::Map(vol)]));
        let mut m = Map::new();
        m.insert("services".into(), Value::Map(svc));
        let got = extract_variables(&m);
        let want: Vec<Variable> = vec![
            ("A".into(), false, "${B}".into(), String::new()),
            ("B".into(), false, String::new(), String::new()),
            ("C".into(), false, String::new(), String::new()),
            ("PORT".into(), true, String::new(), String::new()),
            ("TAG".into(), false, "alpine".into(), String::new()),
            ("USER".into(), false, String::new(), String::new()),
            ("X".into(), false, String::new(), "on".into()),
        ];
        assert_eq!(got, want);
    }
}
