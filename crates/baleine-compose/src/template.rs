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
}
