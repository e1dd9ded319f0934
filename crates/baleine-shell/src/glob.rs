//! Shell patterns (`*`, `?`, `[...]`, `\x`): matching and file-name expansion.
//! Iterative matcher: no recursion, O(pattern × text) worst case.

use crate::System;
use baleine_vfs::normalize;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Char(char),
    Any,
    Star,
    Class { neg: bool, items: Vec<Item> },
}

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Char(char),
    Range(char, char),
    Named(String),
}

pub(crate) fn named_class(name: &str, c: char) -> bool {
    match name {
        "alpha" => c.is_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_alphanumeric(),
        "upper" => c.is_uppercase(),
        "lower" => c.is_lowercase(),
        "space" => c.is_whitespace(),
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "xdigit" => c.is_ascii_hexdigit(),
        "cntrl" => c.is_control(),
        "print" => !c.is_control(),
        "graph" => !c.is_control() && c != ' ',
        "word" => c.is_alphanumeric() || c == '_',
        _ => false,
    }
}

/// Parses a bracket expression starting at `cs[i] == '['`; returns the
/// items and the index after `]`, or None when it does not close.
/// A parsed bracket expression: negated, ranges, named classes, next index.
pub(crate) type Bracket = (bool, Vec<(char, char)>, Vec<String>, usize);

pub(crate) fn parse_bracket(cs: &[char], i: usize) -> Option<Bracket> {
    parse_bracket_impl(cs, i, false)
}

/// A regex bracket expression: `^` negates, backslash is literal.
pub(crate) fn parse_bracket_re(cs: &[char], i: usize) -> Option<Bracket> {
    parse_bracket_impl(cs, i, true)
}

fn parse_bracket_impl(cs: &[char], i: usize, regex: bool) -> Option<Bracket> {
    let mut j = i + 1;
    let mut neg = false;
    if matches!(cs.get(j), Some('^')) || (!regex && matches!(cs.get(j), Some('!'))) {
        neg = true;
        j += 1;
    }
    let mut ranges = Vec::new();
    let mut named = Vec::new();
    let mut first = true;
    loop {
        let c = *cs.get(j)?;
        if c == ']' && !first {
            return Some((neg, ranges, named, j + 1));
        }
        first = false;
        if c == '[' && cs.get(j + 1) == Some(&':') {
            // [:name:]
            let mut k = j + 2;
            let mut name = String::new();
            while let Some(&d) = cs.get(k) {
                if d == ':' && cs.get(k + 1) == Some(&']') {
                    break;
                }
                name.push(d);
                k += 1;
            }
            if cs.get(k) == Some(&':') {
                named.push(name);
                j = k + 2;
                continue;
            }
        }
        let mut lo = c;
        if c == '\\' && !regex {
            if let Some(&n) = cs.get(j + 1) {
                lo = n;
                j += 1;
            }
        }
        if cs.get(j + 1) == Some(&'-') && cs.get(j + 2).is_some_and(|&d| d != ']') {
            let mut hi = *cs.get(j + 2)?;
            let mut k = j + 2;
            if hi == '\\' && !regex {
                if let Some(&n) = cs.get(k + 1) {
                    hi = n;
                    k += 1;
                }
            }
            ranges.push((lo, hi));
            j = k + 1;
        } else {
            ranges.push((lo, lo));
            j += 1;
        }
    }
}

fn compile(pat: &str) -> Vec<Tok> {
    let cs: Vec<char> = pat.chars().collect();
    let mut out = Vec::with_capacity(cs.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        match c {
            '*' => {
                if out.last() != Some(&Tok::Star) {
                    out.push(Tok::Star);
                }
                i += 1;
            }
            '?' => {
                out.push(Tok::Any);
                i += 1;
            }
            '\\' if i + 1 < cs.len() => {
                out.push(Tok::Char(cs[i + 1]));
                i += 2;
            }
            '[' => match parse_bracket(&cs, i) {
                Some((neg, ranges, named, next)) => {
                    let mut items: Vec<Item> = ranges.into_iter().map(|(a, b)| if a == b { Item::Char(a) } else { Item::Range(a, b) }).collect();
                    items.extend(named.into_iter().map(Item::Named));
                    out.push(Tok::Class { neg, items });
                    i = next;
                }
                None => {
                    out.push(Tok::Char('['));
                    i += 1;
                }
            },
            _ => {
                out.push(Tok::Char(c));
                i += 1;
            }
        }
    }
    out
}

fn tok_matches(t: &Tok, c: char, icase: bool) -> bool {
    let eq = |a: char, b: char| if icase { a.to_lowercase().eq(b.to_lowercase()) } else { a == b };
    match t {
        Tok::Char(p) => eq(*p, c),
        Tok::Any => true,
        Tok::Star => false,
        Tok::Class { neg, items } => {
            let lc = if icase { c.to_lowercase().next().unwrap_or(c) } else { c };
            let uc = if icase { c.to_uppercase().next().unwrap_or(c) } else { c };
            let hit = items.iter().any(|it| match it {
                Item::Char(p) => eq(*p, c),
                Item::Range(a, b) => (*a <= c && c <= *b) || (*a <= lc && lc <= *b) || (*a <= uc && uc <= *b),
                Item::Named(n) => named_class(n, c),
            });
            hit != *neg
        }
    }
}

fn run(p: &[Tok], s: &[char], icase: bool) -> bool {
    let (mut pi, mut si) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if let Some(t) = p.get(pi) {
            if *t == Tok::Star {
                star = Some((pi, si));
                pi += 1;
                continue;
            }
            if tok_matches(t, s[si], icase) {
                pi += 1;
                si += 1;
                continue;
            }
        }
        match star {
            Some((sp, ss)) => {
                pi = sp + 1;
                si = ss + 1;
                star = Some((sp, ss + 1));
            }
            None => return false,
        }
    }
    while p.get(pi) == Some(&Tok::Star) {
        pi += 1;
    }
    pi == p.len()
}

/// A compiled pattern, for matching many strings.
pub(crate) struct Pattern {
    toks: Vec<Tok>,
    icase: bool,
}

impl Pattern {
    pub(crate) fn new(pat: &str) -> Pattern {
        Pattern { toks: compile(pat), icase: false }
    }
    pub(crate) fn new_icase(pat: &str) -> Pattern {
        Pattern { toks: compile(pat), icase: true }
    }
    pub(crate) fn matches(&self, s: &str) -> bool {
        let cs: Vec<char> = s.chars().collect();
        run(&self.toks, &cs, self.icase)
    }
    pub(crate) fn matches_chars(&self, cs: &[char]) -> bool {
        run(&self.toks, cs, self.icase)
    }
}

/// Whether `pat` matches all of `s`.
pub(crate) fn matches(pat: &str, s: &str) -> bool {
    Pattern::new(pat).matches(s)
}

/// Whether the pattern has an unescaped `*`, `?` or `[`.
pub(crate) fn has_glob(pat: &str) -> bool {
    let mut esc = false;
    for c in pat.chars() {
        if esc {
            esc = false;
            continue;
        }
        match c {
            '\\' => esc = true,
            '*' | '?' | '[' => return true,
            _ => {}
        }
    }
    false
}

/// Removes pattern escapes.
pub(crate) fn unescape(pat: &str) -> String {
    let mut out = String::with_capacity(pat.len());
    let mut esc = false;
    for c in pat.chars() {
        if !esc && c == '\\' {
            esc = true;
            continue;
        }
        esc = false;
        out.push(c);
    }
    if esc {
        out.push('\\');
    }
    out
}

/// Escapes pattern characters so the text matches literally.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn join_display(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else if prefix.ends_with('/') {
        format!("{prefix}{name}")
    } else {
        format!("{prefix}/{name}")
    }
}

/// File names matching a pattern (relative patterns against `cwd`), sorted;
/// empty when nothing matches.
pub(crate) fn expand(sys: &dyn System, cwd: &str, pat: &str) -> Vec<String> {
    let absolute = pat.starts_with('/');
    let trailing = pat.len() > 1 && pat.ends_with('/');
    let comps: Vec<&str> = pat.split('/').filter(|c| !c.is_empty()).collect();
    let mut cur: Vec<String> = vec![if absolute { "/".to_string() } else { String::new() }];
    let n = comps.len();
    for (i, comp) in comps.iter().enumerate() {
        let last = i + 1 == n;
        let mut next = Vec::new();
        let glob = has_glob(comp);
        let compiled = if glob { Some(Pattern::new(comp)) } else { None };
        let dot_ok = comp.starts_with('.') || comp.starts_with("\\.");
        for prefix in &cur {
            let dir_abs = normalize(cwd, if prefix.is_empty() { "." } else { prefix });
            if let Some(p) = &compiled {
                let Ok(names) = sys.list(&dir_abs) else { continue };
                for name in names {
                    if name.starts_with('.') && !dot_ok {
                        continue;
                    }
                    if !p.matches(&name) {
                        continue;
                    }
                    let disp = join_display(prefix, &name);
                    if (!last || trailing) && !sys.is_dir(&normalize(cwd, &disp)) {
                        continue;
                    }
                    next.push(disp);
                }
            } else {
                let lit = unescape(comp);
                let disp = join_display(prefix, &lit);
                let abs = normalize(cwd, &disp);
                let ok = if last && !trailing { sys.exists(&abs) } else { sys.is_dir(&abs) };
                if ok {
                    next.push(disp);
                }
            }
        }
        cur = next;
        if cur.is_empty() {
            return cur;
        }
    }
    if n == 0 {
        return Vec::new();
    }
    if trailing {
        for c in &mut cur {
            c.push('/');
        }
    }
    baleine_util::sort(&mut cur);
    cur
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(matches("*.json", "a.json"));
        assert!(!matches("*.json", "a.jso"));
        assert!(matches("a?c", "abc"));
        assert!(matches("[a-c]x", "bx"));
        assert!(!matches("[!a-c]x", "bx"));
        assert!(matches("[[:digit:]]*", "1abc"));
        assert!(matches("\\*", "*"));
        assert!(!matches("\\*", "a"));
        assert!(matches("*a*b*c*", "xxaxxbxxcxx"));
        assert!(matches("[", "["));
        assert!(matches("", ""));
        assert!(matches("*", ""));
        assert!(has_glob("a*"));
        assert!(!has_glob("a\\*"));
    }
}
