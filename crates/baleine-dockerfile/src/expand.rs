//! BuildKit's shell-word processing (`frontend/dockerfile/shell/lex.go`):
//! quote removal, escapes, `$V`, `${V}`, `${V:-x}`, `${V-x}`, `${V:+x}`,
//! `${V+x}`, `${V:?msg}`, `${V?msg}`, `${V#pat}`, `${V##pat}`, `${V%pat}`,
//! `${V%%pat}`, `${V/pat/repl}`, `${V//pat/repl}` and word splitting.
//!
//! Unknown variables expand to the empty string (unless
//! [`Lex::skip_unset_env`] is set, in which case the reference is kept
//! verbatim, as BuildKit does for progress names and heredoc detection).
//!
//! Differences from BuildKit, all on pathological input only:
//! * nesting of `${...}` is limited to [`MAX_NESTING`] levels (error beyond);
//! * BuildKit's `ProcessWords` shares one word buffer between nesting levels,
//!   so a partial word before `${V:-x}` is lost (`a${V:-x}` splits to `["x"]`);
//!   this port keeps it (`["ax"]`).

use std::collections::BTreeSet;

/// Maximum nesting depth of `${...}` substitutions.
pub const MAX_NESTING: usize = 64;

/// Result of processing one word.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Expansion {
    /// The word with quotes removed and variables substituted (`ProcessWord`).
    pub result: String,
    /// The word split on unquoted whitespace after substitution (`ProcessWords`).
    pub words: Vec<String>,
    /// Variables that were looked up and found.
    pub matched: BTreeSet<String>,
    /// Variables that were looked up and not found (for `UndefinedVar`).
    pub unmatched: BTreeSet<String>,
}

/// A configurable lexer, mirroring BuildKit's `shell.Lex`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lex {
    pub escape: char,
    /// Keep quote characters in the output.
    pub raw_quotes: bool,
    /// Keep escape characters in the output.
    pub raw_escapes: bool,
    /// Do not treat quotes specially at all.
    pub skip_process_quotes: bool,
    /// Leave references to unset variables untouched.
    pub skip_unset_env: bool,
}

impl Lex {
    pub fn new(escape: char) -> Lex {
        Lex {
            escape,
            raw_quotes: false,
            raw_escapes: false,
            skip_process_quotes: false,
            skip_unset_env: false,
        }
    }

    /// Processes `word`. The error is BuildKit's inner message (without the
    /// `failed to process "<word>": ` prefix, see [`process_error`]).
    pub fn process(
        &self,
        word: &str,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Expansion, String> {
        let mut sw = ShellWord {
            lex: *self,
            chars: word.chars().collect(),
            pos: 0,
            env,
            matched: BTreeSet::new(),
            unmatched: BTreeSet::new(),
            depth: 0,
        };
        let (result, words) = sw.process_stop_on(None, self.raw_escapes)?;
        Ok(Expansion {
            result,
            words,
            matched: sw.matched,
            unmatched: sw.unmatched,
        })
    }
}

/// `ProcessWord` with default options: quotes removed, escapes processed,
/// unknown variables expand to empty. On error returns BuildKit's inner
/// message, e.g. `V: msg` for `${V:?msg}`.
pub fn expand_word(
    word: &str,
    env: &dyn Fn(&str) -> Option<String>,
    escape: char,
) -> Result<String, String> {
    Lex::new(escape).process(word, env).map(|e| e.result)
}

/// `ProcessWords`: like [`expand_word`] but split on unquoted whitespace
/// (whitespace coming from variable values splits too, as in a shell).
pub fn expand_words(
    word: &str,
    env: &dyn Fn(&str) -> Option<String>,
    escape: char,
) -> Result<Vec<String>, String> {
    Lex::new(escape).process(word, env).map(|e| e.words)
}

/// The error text BuildKit reports for a failed expansion of `word`:
/// `failed to process "<word>": <err>`.
pub fn process_error(word: &str, err: &str) -> String {
    format!("failed to process {}: {}", crate::util::go_quote(word), err)
}

struct ShellWord<'e> {
    lex: Lex,
    chars: Vec<char>,
    pos: usize,
    env: &'e dyn Fn(&str) -> Option<String>,
    matched: BTreeSet<String>,
    unmatched: BTreeSet<String>,
    depth: usize,
}

#[derive(Default)]
struct Words {
    buf: String,
    words: Vec<String>,
    in_word: bool,
}

impl Words {
    fn add_char(&mut self, ch: char) {
        if ch.is_whitespace() {
            if self.in_word && !self.buf.is_empty() {
                self.words.push(std::mem::take(&mut self.buf));
                self.in_word = false;
            }
        } else {
            self.add_raw_char(ch);
        }
    }
    fn add_raw_char(&mut self, ch: char) {
        self.buf.push(ch);
        self.in_word = true;
    }
    fn add_string(&mut self, s: &str) {
        for c in s.chars() {
            self.add_char(c);
        }
    }
    fn add_raw_string(&mut self, s: &str) {
        self.buf.push_str(s);
        self.in_word = true;
    }
    fn get_words(mut self) -> Vec<String> {
        if !self.buf.is_empty() {
            self.words.push(std::mem::take(&mut self.buf));
        }
        self.words
    }
}

fn is_special_param(c: char) -> bool {
    matches!(c, '@' | '*' | '#' | '?' | '-' | '$' | '!' | '0')
}

impl ShellWord<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn next(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn get_env(&mut self, name: &str) -> Option<String> {
        match (self.env)(name) {
            Some(v) => {
                self.matched.insert(name.to_string());
                Some(v)
            }
            None => {
                self.unmatched.insert(name.to_string());
                None
            }
        }
    }

    fn process_stop_on(
        &mut self,
        stop: Option<char>,
        raw_escapes: bool,
    ) -> Result<(String, Vec<String>), String> {
        let mut result = String::new();
        let mut words = Words::default();
        while let Some(ch) = self.peek() {
            if stop == Some(ch) {
                self.next();
                return Ok((result, words.get_words()));
            }
            match ch {
                '$' => {
                    let tmp = self.process_dollar()?;
                    result.push_str(&tmp);
                    words.add_string(&tmp);
                }
                '<' => {
                    let tmp = self.process_possible_heredoc();
                    result.push_str(&tmp);
                    words.add_raw_string(&tmp);
                }
                '\'' if !self.lex.skip_process_quotes => {
                    let tmp = self.process_single_quote()?;
                    result.push_str(&tmp);
                    words.add_raw_string(&tmp);
                }
                '"' if !self.lex.skip_process_quotes => {
                    let tmp = self.process_double_quote(raw_escapes)?;
                    result.push_str(&tmp);
                    words.add_raw_string(&tmp);
                }
                _ => {
                    self.next();
                    if ch == self.lex.escape {
                        if raw_escapes {
                            words.add_raw_char(ch);
                            result.push(ch);
                        }
                        match self.next() {
                            None => break,
                            Some(c) => {
                                words.add_raw_char(c);
                                result.push(c);
                            }
                        }
                    } else {
                        words.add_char(ch);
                        result.push(ch);
                    }
                }
            }
        }
        if let Some(s) = stop {
            return Err(format!(
                "unexpected end of statement while looking for matching {s}"
            ));
        }
        Ok((result, words.get_words()))
    }

    fn process_single_quote(&mut self) -> Result<String, String> {
        let mut out = String::new();
        let q = self.next();
        if self.lex.raw_quotes {
            out.extend(q);
        }
        loop {
            match self.next() {
                None => {
                    return Err(
                        "unexpected end of statement while looking for matching single-quote"
                            .into(),
                    )
                }
                Some('\'') => {
                    if self.lex.raw_quotes {
                        out.push('\'');
                    }
                    return Ok(out);
                }
                Some(c) => out.push(c),
            }
        }
    }

    fn process_double_quote(&mut self, raw_escapes: bool) -> Result<String, String> {
        let mut out = String::new();
        let q = self.next();
        if self.lex.raw_quotes {
            out.extend(q);
        }
        loop {
            match self.peek() {
                None => {
                    return Err(
                        "unexpected end of statement while looking for matching double-quote"
                            .into(),
                    )
                }
                Some('"') => {
                    self.next();
                    if self.lex.raw_quotes {
                        out.push('"');
                    }
                    return Ok(out);
                }
                Some('$') => {
                    let v = self.process_dollar()?;
                    out.push_str(&v);
                }
                Some(_) => {
                    let Some(mut ch) = self.next() else { continue };
                    if ch == self.lex.escape {
                        if raw_escapes {
                            out.push(ch);
                        }
                        match self.peek() {
                            None => continue,
                            Some(c) if c == '"' || c == '$' || c == self.lex.escape => {
                                self.next();
                                ch = c;
                            }
                            Some(_) => {}
                        }
                    }
                    out.push(ch);
                }
            }
        }
    }

    fn process_name(&mut self) -> String {
        let mut name = String::new();
        while let Some(ch) = self.peek() {
            if name.is_empty() && ch.is_numeric() {
                while let Some(c) = self.peek() {
                    if !c.is_numeric() {
                        break;
                    }
                    self.next();
                    name.push(c);
                }
                return name;
            }
            if name.is_empty() && is_special_param(ch) {
                self.next();
                name.push(ch);
                return name;
            }
            if !ch.is_alphanumeric() && ch != '_' {
                break;
            }
            self.next();
            name.push(ch);
        }
        name
    }

    fn process_possible_heredoc(&mut self) -> String {
        self.next();
        if self.peek() != Some('<') {
            return "<".into();
        }
        self.next();
        let mut out = String::from("<<");
        while let Some(c) = self.peek() {
            if matches!(c, '\t' | '\r' | ' ') {
                out.push(c);
                self.next();
            } else {
                break;
            }
        }
        out
    }

    fn nested(&mut self, stop: char, raw_escapes: bool) -> Result<String, String> {
        if self.depth >= MAX_NESTING {
            return Err("syntax error: too many nested substitutions".into());
        }
        self.depth += 1;
        let r = self.process_stop_on(Some(stop), raw_escapes);
        self.depth -= 1;
        r.map(|(s, _)| s)
    }

    fn process_dollar(&mut self) -> Result<String, String> {
        self.next();
        if self.peek() != Some('{') {
            let name = self.process_name();
            if name.is_empty() {
                return Ok("$".into());
            }
            return match self.get_env(&name) {
                Some(v) => Ok(v),
                None if self.lex.skip_unset_env => Ok(format!("${name}")),
                None => Ok(String::new()),
            };
        }
        self.next();
        match self.peek() {
            None => return Err("syntax error: missing '}'".into()),
            Some('{' | '}' | ':') => return Err("syntax error: bad substitution".into()),
            _ => {}
        }
        let name = self.process_name();
        let first = self.next();
        // Go's string(rune(-1)) for EOF.
        let mut chs: String = first.unwrap_or('\u{FFFD}').to_string();
        let mut null_is_unset = false;
        let mut ch = first;
        match first {
            Some('}') => {
                return match self.get_env(&name) {
                    Some(v) => Ok(v),
                    None if self.lex.skip_unset_env => Ok(format!("${{{name}}}")),
                    None => Ok(String::new()),
                };
            }
            Some('/') => return self.process_replace(&name),
            Some(':') => {
                null_is_unset = true;
                ch = self.next();
                chs.push(ch.unwrap_or('\u{FFFD}'));
            }
            Some('+' | '-' | '?' | '#' | '%') => {}
            _ => return Err(format!("unsupported modifier ({chs}) in substitution")),
        }
        // Modifier handling (reached for `:`-prefixed and plain modifiers).
        let raw_escapes = matches!(ch, Some('#' | '%'));
        if null_is_unset && raw_escapes {
            return Err(format!("unsupported modifier ({chs}) in substitution"));
        }
        let word = match self.nested('}', raw_escapes) {
            Ok(w) => w,
            Err(e) => {
                if self.peek().is_none() {
                    return Err("syntax error: missing '}'".into());
                }
                return Err(e);
            }
        };
        let got = self.get_env(&name);
        if self.lex.skip_unset_env && got.is_none() {
            return Ok(format!("${{{name}{chs}{word}}}"));
        }
        let set = got.is_some();
        let value = got.unwrap_or_default();
        match ch {
            Some('-') => {
                if !set || (null_is_unset && value.is_empty()) {
                    Ok(word)
                } else {
                    Ok(value)
                }
            }
            Some('+') => {
                if !set || (null_is_unset && value.is_empty()) {
                    Ok(String::new())
                } else {
                    Ok(word)
                }
            }
            Some('?') => {
                if !set {
                    let msg = if word.is_empty() {
                        "is not allowed to be unset".to_string()
                    } else {
                        word
                    };
                    return Err(format!("{name}: {msg}"));
                }
                if null_is_unset && value.is_empty() {
                    let msg = if word.is_empty() {
                        "is not allowed to be empty".to_string()
                    } else {
                        word
                    };
                    return Err(format!("{name}: {msg}"));
                }
                Ok(value)
            }
            Some(c @ ('%' | '#')) => {
                let (greedy, pat) = match word.strip_prefix(c) {
                    Some(rest) => (true, rest.to_string()),
                    None => (false, word),
                };
                if c == '%' {
                    trim_suffix(&pat, &value, greedy)
                } else {
                    trim_prefix(&pat, &value, greedy)
                }
            }
            _ => Err(format!("unsupported modifier ({chs}) in substitution")),
        }
    }

    fn process_replace(&mut self, name: &str) -> Result<String, String> {
        let replace_all = self.peek() == Some('/');
        if replace_all {
            self.next();
        }
        let pattern = match self.nested('/', true) {
            Ok(p) => p,
            Err(e) => {
                if self.peek().is_none() {
                    return Err("syntax error: missing '/' in ${}".into());
                }
                return Err(e);
            }
        };
        let replacement = match self.nested('}', true) {
            Ok(r) => r,
            Err(e) => {
                if self.peek().is_none() {
                    return Err("syntax error: missing '}'".into());
                }
                return Err(e);
            }
        };
        let got = self.get_env(name);
        if self.lex.skip_unset_env && got.is_none() {
            return Ok(format!("${{{name}/{pattern}/{replacement}}}"));
        }
        let value: Vec<char> = got.unwrap_or_default().chars().collect();
        let toks = compile_pattern(&pattern)
            .map_err(|e| format!("invalid pattern ({pattern}) in substitution: {e}"))?;
        let table = MatchTable::new(&toks, &value, true);
        if replace_all {
            Ok(replace_all_go(&table, &value, &replacement))
        } else {
            let mut out: String = String::new();
            match table.find_from(0) {
                Some((s, e)) => {
                    out.extend(&value[..s]);
                    out.push_str(&replacement);
                    out.extend(&value[e..]);
                }
                None => out.extend(&value),
            }
            Ok(out)
        }
    }
}

// ----- shell patterns (BuildKit converts them to Go regexps) -----

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Lit(char),
    /// `?` → `.` (any character but newline)
    Any,
    /// `*` → `.*` / `.*?`
    Star,
}

/// `convertShellPatternToRegex` without the regexp: `*`, `?`, and escapes
/// `\*`, `\?`, `\\` (plus `\}` and `\/` whose backslash is dropped).
fn compile_pattern(pattern: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '*' => out.push(Tok::Star),
            '?' => out.push(Tok::Any),
            '\\' => {
                if matches!(chars.get(i), Some('}' | '/')) {
                    continue;
                }
                let n = chars.get(i).copied();
                i += 1;
                match n {
                    Some(n @ ('*' | '?' | '\\')) => out.push(Tok::Lit(n)),
                    other => {
                        return Err(format!(
                            "invalid escape '\\{}'",
                            other.unwrap_or('\u{FFFD}')
                        ))
                    }
                }
            }
            c => out.push(Tok::Lit(c)),
        }
    }
    Ok(out)
}

/// For every start position, the end of the match a backtracking regexp
/// engine (Go's leftmost-first semantics) would report, computed bottom-up
/// in O(pattern × text).
struct MatchTable {
    /// `row0[ti]` = end of the preferred match of the whole pattern at `ti`.
    row0: Vec<Option<usize>>,
}

impl MatchTable {
    fn new(toks: &[Tok], text: &[char], greedy: bool) -> MatchTable {
        let n = text.len();
        // next[ti] for the pattern suffix starting after the current token.
        let mut next: Vec<Option<usize>> = (0..=n).map(Some).collect();
        for tok in toks.iter().rev() {
            let mut cur: Vec<Option<usize>> = vec![None; n + 1];
            match tok {
                Tok::Lit(c) => {
                    for ti in 0..n {
                        if text[ti] == *c {
                            cur[ti] = next[ti + 1];
                        }
                    }
                }
                Tok::Any => {
                    for ti in 0..n {
                        if text[ti] != '\n' {
                            cur[ti] = next[ti + 1];
                        }
                    }
                }
                Tok::Star => {
                    // j ranges over [ti, first newline at/after ti].
                    let mut best: Option<usize> = None;
                    for ti in (0..=n).rev() {
                        let boundary = ti == n || text[ti] == '\n';
                        if boundary {
                            best = next[ti];
                        } else if greedy {
                            if best.is_none() {
                                best = next[ti];
                            }
                        } else if next[ti].is_some() {
                            best = next[ti];
                        }
                        cur[ti] = best;
                    }
                }
            }
            next = cur;
        }
        MatchTable { row0: next }
    }

    fn anchored(&self) -> Option<usize> {
        self.row0.first().copied().flatten()
    }

    fn find_from(&self, from: usize) -> Option<(usize, usize)> {
        (from..self.row0.len()).find_map(|s| self.row0[s].map(|e| (s, e)))
    }
}

fn trim_prefix(pattern: &str, value: &str, greedy: bool) -> Result<String, String> {
    let toks = compile_pattern(pattern)
        .map_err(|e| format!("invalid pattern ({pattern}) in substitution: {e}"))?;
    let chars: Vec<char> = value.chars().collect();
    let table = MatchTable::new(&toks, &chars, greedy);
    Ok(match table.anchored() {
        Some(end) => chars[end..].iter().collect(),
        None => value.to_string(),
    })
}

/// BuildKit's `reversePattern`: reverse, keeping `\x` escape pairs in order.
fn reverse_pattern(pattern: &str) -> String {
    let p: Vec<char> = pattern.chars().collect();
    let n = p.len();
    let mut out = vec!['\0'; n];
    let mut i = 0;
    while i < n {
        let tok = p[i];
        let out_idx = n - 1 - i;
        if tok == '\\' && i + 1 < n {
            out[out_idx - 1] = tok;
            out[out_idx] = p[i + 1];
            i += 2;
        } else {
            out[out_idx] = tok;
            i += 1;
        }
    }
    out.into_iter().collect()
}

fn trim_suffix(pattern: &str, value: &str, greedy: bool) -> Result<String, String> {
    let rp = reverse_pattern(pattern);
    let rv: String = value.chars().rev().collect();
    let r = trim_prefix(&rp, &rv, greedy)?;
    Ok(r.chars().rev().collect())
}

/// Go's `Regexp.ReplaceAllString` for a group-less pattern: `$0`/`${0}` is
/// the match, other `$name` references are empty, `$$` is a dollar.
fn replace_all_go(table: &MatchTable, src: &[char], template: &str) -> String {
    let mut out = String::new();
    let mut last_end = 0usize;
    let mut search = 0usize;
    while search <= src.len() {
        let Some((a0, a1)) = table.find_from(search) else {
            break;
        };
        out.extend(&src[last_end..a0]);
        if a1 > last_end || a0 == 0 {
            expand_template(&mut out, template, &src[a0..a1]);
        }
        last_end = a1;
        if search + 1 > a1 {
            search += 1;
        } else {
            search = a1;
        }
    }
    if last_end <= src.len() {
        out.extend(&src[last_end..]);
    }
    out
}

fn expand_template(out: &mut String, template: &str, whole: &[char]) {
    let mut t = template;
    while !t.is_empty() {
        let Some((before, after)) = t.split_once('$') else {
            break;
        };
        out.push_str(before);
        t = after;
        if let Some(rest) = t.strip_prefix('$') {
            out.push('$');
            t = rest;
            continue;
        }
        match extract_template_name(t) {
            None => out.push('$'),
            Some((name, rest)) => {
                t = rest;
                if name == "0" {
                    out.extend(whole);
                }
            }
        }
    }
    out.push_str(t);
}

fn extract_template_name(s: &str) -> Option<(&str, &str)> {
    let (brace, body) = match s.strip_prefix('{') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let end = body
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
        .map(|(i, _)| i)
        .unwrap_or(body.len());
    if end == 0 {
        return None;
    }
    let name = &body[..end];
    let mut rest = &body[end..];
    if brace {
        rest = rest.strip_prefix('}')?;
    }
    Some((name, rest))
}

#[cfg(test)]
#[path = "expand_tests.rs"]
mod tests;
