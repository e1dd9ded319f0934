//! Small helpers shared by the parser, the instruction layer and the linter:
//! Go-compatible quoting, BuildKit's whitespace splitting and the
//! Levenshtein-based "did you mean" suggestions.

/// Go's `unicode.IsSpace` (same set as Unicode `White_Space`, which is what
/// `char::is_whitespace` implements).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The character class of BuildKit's `reWhitespace` (`[\t\v\f\r ]`).
pub(crate) fn is_re_ws(c: char) -> bool {
    matches!(c, '\t' | '\x0b' | '\x0c' | '\r' | ' ')
}

/// `reWhitespace.Split(s, n)`; `n == 0` means "no limit" (Go's `-1`).
pub(crate) fn split_re_ws(s: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        if n != 0 && out.len() + 1 == n {
            out.push(rest.to_string());
            return out;
        }
        match rest.char_indices().find(|&(_, c)| is_re_ws(c)) {
            None => {
                out.push(rest.to_string());
                return out;
            }
            Some((i, _)) => {
                out.push(rest[..i].to_string());
                let tail = &rest[i..];
                let skip = tail
                    .char_indices()
                    .find(|&(_, c)| !is_re_ws(c))
                    .map(|(j, _)| j)
                    .unwrap_or(tail.len());
                rest = &tail[skip..];
            }
        }
    }
}

/// Go's `strings.TrimSpace`.
pub(crate) fn trim_space(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Go's `strconv.Quote`.
pub(crate) use baleine_util::go::quote as go_quote;

/// BuildKit's `uppercaseCmd`: upper-cases everything before the first space.
pub(crate) fn uppercase_cmd(s: &str) -> String {
    match s.split_once(' ') {
        Some((a, b)) => format!("{} {}", a.to_uppercase(), b),
        None => s.to_uppercase(),
    }
}

/// Levenshtein distance over characters (unit costs, like agext/levenshtein
/// with default parameters).
pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() {
        return b.len();
    }
    if b.is_empty() {
        return a.len();
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            let del = prev[j + 1] + 1;
            let ins = cur[j] + 1;
            cur[j + 1] = sub.min(del).min(ins);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// BuildKit's `suggest.Search`: the closest option at distance < 3, with the
/// casing of the original when the search is case-insensitive. Options are
/// scanned in the given order (BuildKit iterates a Go map; we pass sorted
/// lists so that the result is deterministic).
pub(crate) fn suggest(val: &str, options: &[&str], case_sensitive: bool) -> Option<String> {
    let v = if case_sensitive {
        val.to_string()
    } else {
        val.to_lowercase()
    };
    let mut best: Option<String> = None;
    let mut mindist = 3;
    for opt in options {
        let o = if case_sensitive {
            opt.to_string()
        } else {
            opt.to_lowercase()
        };
        if v == o {
            return None;
        }
        let d = levenshtein(&v, &o);
        if d < mindist {
            best = Some(if case_sensitive {
                o
            } else {
                match_case(&o, val)
            });
            mindist = d;
        }
    }
    best
}

fn match_case(val: &str, orig: &str) -> String {
    if orig == orig.to_lowercase() {
        val.to_lowercase()
    } else if orig == orig.to_uppercase() {
        val.to_uppercase()
    } else {
        val.to_string()
    }
}

/// `suggest.WrapError`: appends ` (did you mean X?)` when a close match exists.
pub(crate) fn with_suggestion(
    msg: String,
    val: &str,
    options: &[&str],
    case_sensitive: bool,
) -> String {
    match suggest(val, options, case_sensitive) {
        Some(m) => format!("{msg} (did you mean {m}?)"),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_ws() {
        assert_eq!(split_re_ws("a  b\tc", 0), vec!["a", "b", "c"]);
        assert_eq!(split_re_ws("a  b\tc", 2), vec!["a", "b\tc"]);
        assert_eq!(split_re_ws("abc", 2), vec!["abc"]);
        assert_eq!(split_re_ws("", 0), vec![""]);
    }

    #[test]
    fn quoting() {
        assert_eq!(go_quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(go_quote("é\u{0}"), "\"é\\x00\"");
    }

    #[test]
    fn suggestions() {
        let opts = ["RUN", "CMD", "COPY"];
        assert_eq!(suggest("RUNN", &opts, false).as_deref(), Some("RUN"));
        assert_eq!(suggest("runn", &opts, false).as_deref(), Some("run"));
        assert_eq!(suggest("Runn", &opts, false).as_deref(), Some("run"));
        assert_eq!(suggest("BADCMD", &opts, false), None);
        assert_eq!(suggest("run", &opts, false), None);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(uppercase_cmd("run echo hi"), "RUN echo hi");
        assert_eq!(uppercase_cmd("run\techo"), "RUN\tECHO");
    }
}
