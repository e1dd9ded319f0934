//! Phase 1, BuildKit's `frontend/dockerfile/parser`: physical lines →
//! parser directives, continuation joining, comments, per-instruction line
//! parsers (JSON / whitespace / key=value / ...), and heredoc bodies.
//!
//! The result is a flat list of [`Node`]s (BuildKit's AST children) plus the
//! errors BuildKit's `parser.Parse` would return. BuildKit stops at the first
//! error; we record it and keep going so that later problems are visible too.

use crate::expand::Lex;
use crate::json::{parse_json_args, JsonArgs};
use crate::util::{go_quote, is_space, split_re_ws, trim_space};
use crate::Heredoc;

/// BuildKit reads lines with a `bufio.Scanner` whose maximum token size is
/// 64 KiB: a longer physical line stops the parse with an error.
pub(crate) const MAX_LINE: usize = 65535;

pub(crate) const ERR_NOT_STRING_ARRAY: &str =
    "when using JSON array syntax, arrays must be comprised of strings only";

#[derive(Clone, Debug, Default)]
pub(crate) struct Node {
    /// The keyword as written (`run`, `RUN`, `Run`, ...).
    pub value: String,
    /// The joined logical line (continuations removed), leading whitespace
    /// of the first physical line stripped.
    pub original: String,
    pub flags: Vec<String>,
    /// The argument list (BuildKit's `Next` chain).
    pub args: Vec<String>,
    /// ONBUILD's sub-instruction.
    pub sub: Option<Box<Node>>,
    pub json: bool,
    pub heredocs: Vec<Heredoc>,
    pub start_line: usize,
    pub end_line: usize,
    /// A phase-1 error was reported for this line: the node's arguments are
    /// not meaningful and the instruction layer skips it.
    pub failed: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Phase1 {
    pub nodes: Vec<Node>,
    pub escape: char,
    pub syntax: Option<String>,
    pub check: Option<(usize, String)>,
    /// (line, message), in the order BuildKit would hit them.
    pub errors: Vec<(usize, String)>,
    /// End lines of instructions that contained empty continuation lines.
    pub empty_continuations: Vec<usize>,
}

struct Lines<'a> {
    src: &'a str,
    pos: usize,
    too_long: bool,
}

impl<'a> Lines<'a> {
    fn next_line(&mut self) -> Option<&'a str> {
        if self.too_long || self.pos >= self.src.len() {
            return None;
        }
        let rest = &self.src[self.pos..];
        let (line, content_len) = match rest.find('\n') {
            Some(i) => (&rest[..=i], i),
            None => (rest, rest.len()),
        };
        if content_len > MAX_LINE {
            self.too_long = true;
            return None;
        }
        self.pos += line.len();
        Some(line)
    }
}

#[derive(Default)]
struct DirectiveParser {
    done: bool,
    seen: Vec<String>,
}

impl DirectiveParser {
    /// `DirectiveParser.ParseLine`: `Ok(Some((key, value)))` for a directive.
    fn parse_line(&mut self, line: &str) -> Result<Option<(String, String)>, String> {
        if self.done {
            return Ok(None);
        }
        let Some(rest) = line.strip_prefix('#') else {
            self.done = true;
            return Ok(None);
        };
        let rest = rest.trim_start_matches(is_space);
        let Some((key, value)) = match_directive(rest) else {
            self.done = true;
            return Ok(None);
        };
        let k = key.to_lowercase();
        if !matches!(k.as_str(), "syntax" | "escape" | "check") {
            self.done = true;
            return Ok(None);
        }
        if self.seen.contains(&k) {
            return Err(format!("only one {k} parser directive can be used"));
        }
        self.seen.push(k.clone());
        Ok(Some((k, value)))
    }
}

/// Go RE2 `\s`.
fn is_re2_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')
}

/// `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`
fn match_directive(s: &str) -> Option<(String, String)> {
    let mut it = s.char_indices();
    let (_, first) = it.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let key_end = s
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_alphanumeric())
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let key = &s[..key_end];
    let rest = s[key_end..].trim_start_matches(is_re2_space);
    let rest = rest.strip_prefix('=')?;
    if rest.is_empty() {
        return None;
    }
    let trimmed = rest
        .trim_start_matches(is_re2_space)
        .trim_end_matches(is_re2_space);
    let value = if trimmed.is_empty() {
        // Only whitespace after '=': the lazy group takes the last one.
        rest.chars().last()?.to_string()
    } else {
        trimmed.to_string()
    };
    Some((key.to_string(), value))
}

fn escape_token(v: &str) -> Result<char, String> {
    match v {
        "`" => Ok('`'),
        "\\" => Ok('\\'),
        _ => Err(format!("invalid escape token '{v}' does not match ` or \\")),
    }
}

fn trim_newline(s: &str) -> &str {
    s.trim_end_matches(['\r', '\n'])
}

fn trim_leading_ws(s: &str) -> &str {
    s.trim_start_matches(is_space)
}

fn is_comment(line: &str) -> bool {
    trim_leading_ws(line).starts_with('#')
}

fn is_empty_continuation_line(line: &str) -> bool {
    trim_leading_ws(trim_newline(line)).is_empty()
}

/// The line-continuation regexp `([^E])E[ \t]*$|^E[ \t]*$` and its `$1`
/// replacement. Returns the line and whether it is complete.
pub(crate) fn trim_continuation(line: &str, escape: char) -> (&str, bool) {
    let t = line.trim_end_matches([' ', '\t']);
    let Some(before) = t.strip_suffix(escape) else {
        return (line, true);
    };
    match before.chars().last() {
        None => ("", false),
        Some(c) if c != escape => (before, false),
        Some(_) => (line, true),
    }
}

fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|r| r.chars().next())
}

/// `extractBuilderFlags`: leading `--flag` words (quotes and escapes
/// processed), and the remainder of the line.
pub(crate) fn extract_builder_flags(line: &str, escape: char) -> (&str, Vec<String>) {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let n = line.len();
    let mut words = Vec::new();
    let mut phase = Phase::Spaces;
    let mut sb = String::new();
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut pos = 0usize;
    loop {
        let at_end = pos >= n;
        let mut ch = char_at(line, pos).unwrap_or('\0');
        let w = ch.len_utf8();
        if phase == Phase::Spaces {
            if at_end {
                break;
            }
            if is_space(ch) {
                pos += w;
                continue;
            }
            if ch != '-' || pos + 1 >= n || char_at(line, pos + 1) != Some('-') {
                return (&line[pos..], words);
            }
            phase = Phase::Word;
        }
        if at_end {
            if sb != "--" && (blank_ok || !sb.is_empty()) {
                words.push(sb);
            }
            break;
        }
        match phase {
            Phase::Word => {
                if is_space(ch) {
                    phase = Phase::Spaces;
                    if sb == "--" {
                        return (&line[pos..], words);
                    }
                    if blank_ok || !sb.is_empty() {
                        words.push(std::mem::take(&mut sb));
                    }
                    sb.clear();
                    blank_ok = false;
                    pos += w;
                    continue;
                }
                if ch == '\'' || ch == '"' {
                    quote = ch;
                    blank_ok = true;
                    phase = Phase::Quote;
                    pos += w;
                    continue;
                }
                let mut width = w;
                if ch == escape {
                    if pos + w >= n {
                        pos += w;
                        continue;
                    }
                    pos += w;
                    ch = char_at(line, pos).unwrap_or('\0');
                    width = ch.len_utf8();
                }
                sb.push(ch);
                pos += width;
            }
            Phase::Quote => {
                if ch == quote {
                    phase = Phase::Word;
                    pos += w;
                    continue;
                }
                let mut width = w;
                if ch == escape {
                    if pos + w >= n {
                        phase = Phase::Word;
                        pos += w;
                        continue;
                    }
                    pos += w;
                    ch = char_at(line, pos).unwrap_or('\0');
                    width = ch.len_utf8();
                }
                sb.push(ch);
                pos += width;
            }
            Phase::Spaces => pos += w,
        }
    }
    ("", words)
}

/// `splitCommand`: keyword, flags and trimmed arguments.
pub(crate) fn split_command(line: &str, escape: char) -> (&str, Vec<String>, &str) {
    let t = trim_space(line);
    let (cmd, rest) = match t.char_indices().find(|&(_, c)| crate::util::is_re_ws(c)) {
        None => (t, None),
        Some((i, _)) => {
            let r = t[i..].trim_start_matches(crate::util::is_re_ws);
            (&t[..i], Some(r))
        }
    };
    match rest {
        None => (cmd, Vec::new(), ""),
        Some(r) => {
            let (args, flags) = extract_builder_flags(r, escape);
            (cmd, flags, trim_space(args))
        }
    }
}

/// `parseWords`: whitespace-separated words, quotes and escapes preserved.
pub(crate) fn parse_words(rest: &str, escape: char) -> Vec<String> {
    #[derive(PartialEq)]
    enum Phase {
        Spaces,
        Word,
        Quote,
    }
    let n = rest.len();
    let mut words = Vec::new();
    let mut phase = Phase::Spaces;
    let mut quote = '\0';
    let mut blank_ok = false;
    let mut sb = String::new();
    let mut pos = 0usize;
    loop {
        let at_end = pos >= n;
        let mut ch = char_at(rest, pos).unwrap_or('\0');
        let mut w = ch.len_utf8();
        if phase == Phase::Spaces {
            if at_end {
                break;
            }
            if is_space(ch) {
                pos += w;
                continue;
            }
            phase = Phase::Word;
        }
        if at_end {
            if blank_ok || !sb.is_empty() {
                words.push(sb);
            }
            break;
        }
        match phase {
            Phase::Word => {
                if is_space(ch) {
                    phase = Phase::Spaces;
                    if blank_ok || !sb.is_empty() {
                        words.push(std::mem::take(&mut sb));
                    }
                    sb.clear();
                    blank_ok = false;
                    pos += w;
                    continue;
                }
                if ch == '\'' || ch == '"' {
                    quote = ch;
                    blank_ok = true;
                    phase = Phase::Quote;
                }
                if ch == escape {
                    if pos + w >= n {
                        pos += w;
                        continue;
                    }
                    sb.push(ch);
                    pos += w;
                    ch = char_at(rest, pos).unwrap_or('\0');
                    w = ch.len_utf8();
                }
                sb.push(ch);
                pos += w;
            }
            Phase::Quote => {
                if ch == quote {
                    phase = Phase::Word;
                }
                if ch == escape && quote != '\'' {
                    if pos + w >= n {
                        phase = Phase::Word;
                        pos += w;
                        continue;
                    }
                    pos += w;
                    sb.push(ch);
                    ch = char_at(rest, pos).unwrap_or('\0');
                    w = ch.len_utf8();
                }
                sb.push(ch);
                pos += w;
            }
            Phase::Spaces => pos += w,
        }
    }
    words
}

/// Arguments produced by a line parser: (args, json attribute).
type Parsed = Result<(Vec<String>, bool), String>;

fn parse_name_val(rest: &str, key: &str, escape: char) -> Parsed {
    let words = parse_words(rest, escape);
    let Some(first) = words.first() else {
        return Ok((Vec::new(), false));
    };
    if !first.contains('=') {
        let parts = split_re_ws(rest, 2);
        if parts.len() < 2 {
            return Err(format!("{key} must have two arguments"));
        }
        let mut it = parts.into_iter();
        let k = it.next().unwrap_or_default();
        let v = it.next().unwrap_or_default();
        return Ok((vec![k, v, String::new()], false));
    }
    let mut out = Vec::with_capacity(words.len() * 3);
    for word in &words {
        let Some((k, v)) = word.split_once('=') else {
            return Err(format!(
                "Syntax error - can't find = in {}. Must be of the form: name=value",
                go_quote(word)
            ));
        };
        out.push(k.to_string());
        out.push(v.to_string());
        out.push("=".to_string());
    }
    Ok((out, false))
}

fn parse_strings_ws(rest: &str) -> Vec<String> {
    if rest.is_empty() {
        Vec::new()
    } else {
        split_re_ws(rest, 0)
    }
}

fn parse_maybe_json(rest: &str) -> Parsed {
    if rest.is_empty() {
        return Ok((Vec::new(), false));
    }
    match parse_json_args(rest) {
        JsonArgs::Strings(v) => Ok((v, true)),
        JsonArgs::NotStringArray => Err(ERR_NOT_STRING_ARRAY.to_string()),
        JsonArgs::NotJson => Ok((vec![rest.to_string()], false)),
    }
}

fn parse_maybe_json_to_list(rest: &str) -> Parsed {
    match parse_json_args(rest) {
        JsonArgs::Strings(v) => Ok((v, true)),
        JsonArgs::NotStringArray => Err(ERR_NOT_STRING_ARRAY.to_string()),
        JsonArgs::NotJson => Ok((parse_strings_ws(rest), false)),
    }
}

fn parse_health_config(rest: &str) -> Parsed {
    let sep = rest
        .char_indices()
        .find(|&(_, c)| is_space(c))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    if sep == 0 {
        return Ok((Vec::new(), false));
    }
    let tail = rest[sep..].trim_start_matches(is_space);
    let (cmd, json) = parse_maybe_json(tail)?;
    let mut args = vec![rest[..sep].to_string()];
    args.extend(cmd);
    Ok((args, json))
}

/// `newNodeFromLine`. Returns the node and the line parser's error, if any.
/// `depth` bounds ONBUILD nesting (see [`deep_subcommand_error`]).
pub(crate) fn new_node_from_line(line: &str, escape: char, depth: usize) -> (Node, Option<String>) {
    let (cmd, flags, args) = split_command(line, escape);
    let mut node = Node {
        value: cmd.to_string(),
        original: line.to_string(),
        flags,
        ..Node::default()
    };
    let parsed: Parsed = match cmd.to_lowercase().as_str() {
        "add" | "copy" | "volume" => parse_maybe_json_to_list(args),
        "arg" => Ok((parse_words(args, escape), false)),
        "cmd" | "entrypoint" | "run" | "shell" => parse_maybe_json(args),
        "env" => parse_name_val(args, "ENV", escape),
        "label" => parse_name_val(args, "LABEL", escape),
        "expose" | "from" => Ok((parse_strings_ws(args), false)),
        "healthcheck" => parse_health_config(args),
        "maintainer" | "stopsignal" | "user" | "workdir" => Ok((
            if args.is_empty() {
                Vec::new()
            } else {
                vec![args.to_string()]
            },
            false,
        )),
        "onbuild" => {
            if args.is_empty() {
                Ok((Vec::new(), false))
            } else if depth >= 1 {
                // ONBUILD inside ONBUILD is rejected by the instruction layer;
                // only look for a deeper line-parser error, iteratively.
                node.sub = Some(Box::new(Node {
                    value: split_command(args, escape).0.to_string(),
                    original: args.to_string(),
                    ..Node::default()
                }));
                match deep_subcommand_error(args, escape) {
                    Some(e) => Err(e),
                    None => Ok((Vec::new(), false)),
                }
            } else {
                let (child, err) = new_node_from_line(args, escape, depth + 1);
                node.sub = Some(Box::new(child));
                match err {
                    Some(e) => Err(e),
                    None => Ok((Vec::new(), false)),
                }
            }
        }
        _ => Ok((Vec::new(), false)),
    };
    match parsed {
        Ok((a, json)) => {
            node.args = a;
            node.json = json;
            (node, None)
        }
        Err(e) => {
            node.failed = true;
            (node, Some(e))
        }
    }
}

/// The line-parser error of the innermost instruction of an
/// `ONBUILD ONBUILD ...` chain, computed without recursion.
fn deep_subcommand_error(mut rest: &str, escape: char) -> Option<String> {
    loop {
        let (cmd, _, args) = split_command(rest, escape);
        if cmd.eq_ignore_ascii_case("onbuild") {
            if args.is_empty() {
                return None;
            }
            rest = args;
            continue;
        }
        return new_node_from_line(rest, escape, 0).1;
    }
}

fn can_contain_heredoc(node: &Node) -> bool {
    let n = match (&node.sub, node.value.to_lowercase() == "onbuild") {
        (Some(sub), true) => sub.as_ref(),
        _ => node,
    };
    matches!(n.value.to_lowercase().as_str(), "add" | "copy" | "run") && !n.json
}

fn empty_env(_: &str) -> Option<String> {
    None
}

/// `ParseHeredoc`: recognises `[n]<<[-]WORD` (WORD possibly quoted).
pub(crate) fn parse_heredoc(src: &str) -> Result<Option<Heredoc>, String> {
    let digits = src.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = src[digits..].strip_prefix("<<") else {
        return Ok(None);
    };
    let (chomp, rest) = match rest.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let rest = rest.trim_start_matches(is_re2_space);
    if rest.contains('<') || rest.is_empty() {
        return Ok(None);
    }
    let mut lex = Lex::new('\\');
    lex.skip_unset_env = true;
    let words = lex
        .process(rest, &empty_env)
        .map_err(|e| crate::expand::process_error(rest, &e))?
        .words;
    if words.len() != 1 {
        return Ok(None);
    }
    lex.raw_quotes = true;
    let raw = lex
        .process(rest, &empty_env)
        .map_err(|e| crate::expand::process_error(rest, &e))?
        .words;
    if raw.len() != words.len() {
        return Err(format!(
            "internal lexing of heredoc produced inconsistent results: {rest}"
        ));
    }
    let count = |s: &str| s.chars().filter(|&c| c == '\'' || c == '"').count();
    let word = words.into_iter().next().unwrap_or_default();
    let expand = raw.first().map(|r| count(r)) == Some(count(&word));
    Ok(Some(Heredoc {
        name: word,
        content: String::new(),
        expand,
        chomp,
    }))
}

/// `heredocsFromLine`.
fn heredocs_from_line(line: &str) -> Result<Vec<Heredoc>, String> {
    let mut lex = Lex::new('\\');
    lex.raw_quotes = true;
    lex.raw_escapes = true;
    lex.skip_unset_env = true;
    let words = lex
        .process(line, &empty_env)
        .map(|e| e.words)
        .unwrap_or_default();
    let mut docs = Vec::new();
    for w in words {
        if let Some(h) = parse_heredoc(&w)? {
            docs.push(h);
        }
    }
    Ok(docs)
}

/// `ChompHeredocContent`: strips leading tabs of every line.
pub(crate) fn chomp_heredoc_content(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for (i, line) in src.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.trim_start_matches('\t'));
    }
    out
}

/// `parser.Parse`.
pub(crate) fn parse_nodes(src: &str) -> Phase1 {
    let mut out = Phase1 {
        escape: '\\',
        ..Phase1::default()
    };
    let mut escape = '\\';
    let mut dp = DirectiveParser::default();
    let mut lines = Lines {
        src,
        pos: 0,
        too_long: false,
    };
    let mut current_line = 0usize;

    while let Some(raw) = lines.next_line() {
        let mut bytes_read = raw;
        if current_line == 0 {
            bytes_read = bytes_read.strip_prefix('\u{feff}').unwrap_or(bytes_read);
        }
        let t = trim_leading_ws(trim_newline(bytes_read));
        match dp.parse_line(t) {
            Ok(Some((k, v))) => match k.as_str() {
                "escape" => match escape_token(&v) {
                    Ok(c) => escape = c,
                    Err(e) => out.errors.push((current_line + 1, e)),
                },
                "syntax" => out.syntax = Some(v),
                _ => out.check = Some((current_line + 1, v)),
            },
            Ok(None) => {}
            Err(e) => out.errors.push((current_line + 1, e)),
        }
        let processed = if is_comment(t) { "" } else { t };
        current_line += 1;
        let start_line = current_line;

        let (first, mut eol) = trim_continuation(processed, escape);
        if eol && first.is_empty() {
            continue;
        }
        let mut buf = first.to_string();
        let mut has_empty = false;
        while !eol {
            let Some(raw2) = lines.next_line() else { break };
            current_line += 1;
            if is_comment(raw2) {
                continue;
            }
            let t2 = trim_newline(raw2);
            if is_empty_continuation_line(t2) {
                has_empty = true;
                continue;
            }
            let (s, e) = trim_continuation(t2, escape);
            buf.push_str(s);
            eol = e;
        }
        if has_empty {
            out.empty_continuations.push(current_line);
        }

        let (mut node, err) = new_node_from_line(&buf, escape, 0);
        if let Some(e) = err {
            out.errors.push((start_line, e));
        }

        if can_contain_heredoc(&node) && buf.contains("<<") {
            match heredocs_from_line(&buf) {
                Err(e) => {
                    out.errors.push((start_line, e));
                    node.failed = true;
                }
                Ok(docs) => {
                    for mut doc in docs {
                        let mut terminated = false;
                        let mut content = String::new();
                        while let Some(l) = lines.next_line() {
                            current_line += 1;
                            let mut possible = trim_newline(l);
                            if doc.chomp {
                                possible = possible.trim_start_matches('\t');
                            }
                            if possible == doc.name {
                                terminated = true;
                                break;
                            }
                            content.push_str(l);
                        }
                        doc.content = content;
                        node.heredocs.push(doc);
                        if !terminated {
                            out.errors
                                .push((start_line, "unterminated heredoc".to_string()));
                            node.failed = true;
                            break;
                        }
                    }
                }
            }
        }

        node.start_line = start_line;
        node.end_line = current_line;
        out.nodes.push(node);
    }

    if out.nodes.is_empty() {
        out.errors
            .push((current_line.max(1), "file with no instructions".to_string()));
    }
    if lines.too_long {
        out.errors.push((
            current_line + 1,
            format!("dockerfile line greater than max allowed size of {MAX_LINE}"),
        ));
    }
    out.escape = escape;
    out
}

/// BuildKit's `Node.Dump()` for the whole file (used by tests to compare
/// against BuildKit's testfiles).
#[cfg(test)]
pub(crate) fn dump(nodes: &[Node]) -> String {
    let mut s = String::new();
    for n in nodes {
        s.push('(');
        s.push_str(&dump_node(n));
        s.push_str(")\n");
    }
    s
}

#[cfg(test)]
fn dump_node(n: &Node) -> String {
    let mut s = n.value.to_lowercase();
    if !n.flags.is_empty() {
        s.push_str(" [");
        let q: Vec<String> = n.flags.iter().map(|f| go_quote(f)).collect();
        s.push_str(&q.join(" "));
        s.push(']');
    }
    if let Some(sub) = &n.sub {
        s.push_str(" (");
        s.push_str(&dump_node(sub));
        s.push(')');
    }
    for a in &n.args {
        s.push(' ');
        s.push_str(&go_quote(a));
    }
    s.trim().to_string()
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
