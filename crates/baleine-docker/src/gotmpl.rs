//! A Go `text/template` engine, as used by docker's `--format` flags.
//!
//! The template is parsed the way Go's `text/template/parse` does (same
//! lexer rules, trim markers, comments, error messages such as
//! `template: :1: unclosed action`) and executed over a `serde_json::Value`
//! the way Go's `text/template` executes over decoded data, with docker's
//! extra functions (`json`, `split`, `join`, `title`, `lower`, `upper`,
//! `pad`, `truncate`, see docker/cli `templates/templates.go`).
//!
//! Value model: JSON objects behave like Go maps (a missing key yields "no
//! value", printed `<no value>`), arrays like slices, integers like `int`,
//! other numbers like `float64`, `null` like a nil pointer (printed `<nil>`).
//! Where the caller knows the Go type behind the JSON (a [`GoType`], e.g. the
//! `[]types.MountPoint` of a container's `Mounts`), values of that type
//! behave as Go's: a struct prints `{v1 v2 ...}` in field declaration order
//! and yields the zero value of a field its JSON omits, a nil slice prints `[]`.
//!
//! Never panics on any input; nesting is bounded (`MAX_DEPTH`), and
//! execution has an output cap and a step budget so that hostile templates
//! such as `{{range 1000000000}}` terminate with an error.

use baleine_util::go::{is_print as is_go_print, quote as go_quote, quote_rune as go_quote_rune};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;

/// Maximum nesting of control structures and parentheses (parse), and of
/// values while printing / encoding (execution).
const MAX_DEPTH: usize = 100;
/// Maximum size of the output of one execution.
const MAX_OUTPUT: usize = 16 << 20;
/// Maximum number of evaluation steps of one execution.
const MAX_STEPS: u64 = 5_000_000;

// ---------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tk {
    Text,
    LeftDelim,
    RightDelim,
    Space,
    Field,
    Variable,
    Ident,
    Bool,
    Number,
    CharConst,
    Complex,
    Str,
    RawStr,
    Pipe,
    LParen,
    RParen,
    Char,
    Declare,
    Assign,
    Error,
    Eof,
    // Keywords (Go: item types above itemKeyword).
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

impl Tk {
    fn is_keyword(self) -> bool {
        matches!(
            self,
            Tk::Block | Tk::Break | Tk::Continue | Tk::Dot | Tk::Define | Tk::Else | Tk::End | Tk::If | Tk::Nil | Tk::Range | Tk::Template | Tk::With
        )
    }
}

#[derive(Clone, Debug)]
struct Tok {
    typ: Tk,
    pos: usize,
    val: String,
    line: usize,
}

impl Tok {
    /// Go's `item.String()`, used in "unexpected X in Y" messages.
    fn describe(&self) -> String {
        match self.typ {
            Tk::Eof => "EOF".to_string(),
            Tk::Error => self.val.clone(),
            t if t.is_keyword() => format!("<{}>", self.val),
            _ => {
                if self.val.chars().count() > 10 {
                    let head: String = self.val.chars().take(10).collect();
                    format!("{}...", go_quote(&head))
                } else {
                    go_quote(&self.val)
                }
            }
        }
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

fn has_left_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == b'-' && is_space(b[1] as char)
}

fn has_right_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && is_space(b[0] as char) && b[1] == b'-'
}

fn right_trim_len(s: &str) -> usize {
    s.len() - s.trim_end_matches(is_space).len()
}

fn left_trim_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

/// Go's `%#U`.
fn fmt_sharp_u(c: char) -> String {
    if is_go_print(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

struct Lexer<'s> {
    input: &'s str,
    nl: Vec<usize>,
    toks: Vec<Tok>,
}

impl<'s> Lexer<'s> {
    fn line(&self, pos: usize) -> usize {
        1 + self.nl.partition_point(|&p| p < pos)
    }

    fn emit(&mut self, typ: Tk, start: usize, end: usize) {
        let end = end.min(self.input.len()).max(start);
        let val = self.input.get(start..end).unwrap_or("").to_string();
        let line = self.line(start);
        self.toks.push(Tok { typ, pos: start, val, line });
    }

    fn error(&mut self, start: usize, msg: String) {
        let line = self.line(start);
        self.toks.push(Tok { typ: Tk::Error, pos: start, val: msg, line });
    }

    fn ch(&self, p: usize) -> Option<char> {
        self.input.get(p..).and_then(|s| s.chars().next())
    }

    fn rest(&self, p: usize) -> &'s str {
        self.input.get(p..).unwrap_or("")
    }

    /// Is the input at `p` a right delimiter (optionally trim-marked)?
    fn at_right_delim(&self, p: usize) -> (bool, bool) {
        let r = self.rest(p);
        if has_right_trim_marker(r) && r[2..].starts_with("}}") {
            return (true, true);
        }
        (r.starts_with("}}"), false)
    }

    fn at_terminator(&self, p: usize) -> bool {
        match self.ch(p) {
            None => true,
            Some(c) => is_space(c) || matches!(c, '.' | ',' | '|' | ':' | ')' | '(' | '}'),
        }
    }

    fn accept(&self, p: &mut usize, set: &str) -> bool {
        match self.ch(*p) {
            Some(c) if set.contains(c) => {
                *p += c.len_utf8();
                true
            }
            _ => false,
        }
    }

    fn accept_run(&self, p: &mut usize, set: &str) {
        while self.accept(p, set) {}
    }

    fn scan_number(&self, p: &mut usize) -> bool {
        self.accept(p, "+-");
        let mut digits = "0123456789_";
        if self.accept(p, "0") {
            if self.accept(p, "xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept(p, "oO") {
                digits = "01234567_";
            } else if self.accept(p, "bB") {
                digits = "01_";
            }
        }
        self.accept_run(p, digits);
        if self.accept(p, ".") {
            self.accept_run(p, digits);
        }
        if digits.len() == 11 && self.accept(p, "eE") {
            self.accept(p, "+-");
            self.accept_run(p, "0123456789_");
        }
        if digits.len() == 23 && self.accept(p, "pP") {
            self.accept(p, "+-");
            self.accept_run(p, "0123456789_");
        }
        self.accept(p, "i");
        if let Some(c) = self.ch(*p) {
            if is_alnum(c) {
                *p += c.len_utf8();
                return false;
            }
        }
        true
    }

    /// Runs the whole lexer; the token list ends with `Eof` or `Error`.
    fn run(mut self) -> Vec<Tok> {
        let mut pos = 0usize;
        'text: loop {
            let rest = self.rest(pos);
            let x = match rest.find("{{") {
                None => {
                    if pos < self.input.len() {
                        self.emit(Tk::Text, pos, self.input.len());
                    }
                    let end = self.input.len();
                    self.emit(Tk::Eof, end, end);
                    return self.toks;
                }
                Some(i) => pos + i,
            };
            let delim_end = x + 2;
            let trim = has_left_trim_marker(self.rest(delim_end));
            let text_end = if trim { x - right_trim_len(&self.input[pos..x]) } else { x };
            if text_end > pos {
                self.emit(Tk::Text, pos, text_end);
            }
            let after = delim_end + if trim { 2 } else { 0 };
            if self.rest(after).starts_with("/*") {
                // Comment: skipped entirely.
                let q = after + 2;
                let Some(i) = self.rest(q).find("*/") else {
                    self.error(after, "unclosed comment".into());
                    return self.toks;
                };
                let mut q = q + i + 2;
                let (delim, trim_r) = self.at_right_delim(q);
                if !delim {
                    self.error(after, "comment ends before closing delimiter".into());
                    return self.toks;
                }
                if trim_r {
                    q += 2;
                }
                q += 2;
                if trim_r {
                    q += left_trim_len(self.rest(q));
                }
                pos = q;
                continue 'text;
            }
            self.emit(Tk::LeftDelim, x, delim_end);
            let mut p = after;
            let mut paren_depth: i64 = 0;
            // Inside the action.
            loop {
                let (delim, trim_r) = self.at_right_delim(p);
                if delim {
                    if paren_depth == 0 {
                        if trim_r {
                            p += 2;
                        }
                        self.emit(Tk::RightDelim, p, p + 2);
                        p += 2;
                        if trim_r {
                            p += left_trim_len(self.rest(p));
                        }
                        pos = p;
                        continue 'text;
                    }
                    self.error(p, "unclosed left paren".into());
                    return self.toks;
                }
                let start = p;
                let Some(r) = self.ch(p) else {
                    self.error(p, "unclosed action".into());
                    return self.toks;
                };
                p += r.len_utf8();
                match r {
                    c if is_space(c) => {
                        let mut n = 1;
                        while let Some(c) = self.ch(p) {
                            if !is_space(c) {
                                break;
                            }
                            p += 1;
                            n += 1;
                        }
                        let back = self.rest(p - 1);
                        if has_right_trim_marker(back) && back[2..].starts_with("}}") {
                            p -= 1;
                            if n == 1 {
                                continue;
                            }
                        }
                        self.emit(Tk::Space, start, p);
                    }
                    '=' => self.emit(Tk::Assign, start, p),
                    ':' => {
                        if self.ch(p) != Some('=') {
                            self.error(start, "expected :=".into());
                            return self.toks;
                        }
                        p += 1;
                        self.emit(Tk::Declare, start, p);
                    }
                    '|' => self.emit(Tk::Pipe, start, p),
                    '"' | '\'' => {
                        let (typ, what) = if r == '"' {
                            (Tk::Str, "unterminated quoted string")
                        } else {
                            (Tk::CharConst, "unterminated character constant")
                        };
                        loop {
                            match self.ch(p) {
                                Some('\\') => {
                                    p += 1;
                                    match self.ch(p) {
                                        None | Some('\n') => {
                                            self.error(start, what.into());
                                            return self.toks;
                                        }
                                        Some(c) => p += c.len_utf8(),
                                    }
                                }
                                None | Some('\n') => {
                                    self.error(start, what.into());
                                    return self.toks;
                                }
                                Some(c) => {
                                    p += c.len_utf8();
                                    if c == r {
                                        break;
                                    }
                                }
                            }
                        }
                        self.emit(typ, start, p);
                    }
                    '`' => match self.rest(p).find('`') {
                        None => {
                            self.error(start, "unterminated raw quoted string".into());
                            return self.toks;
                        }
                        Some(i) => {
                            p += i + 1;
                            self.emit(Tk::RawStr, start, p);
                        }
                    },
                    '$' | '.' if r == '$' || matches!(self.ch(p), Some(c) if !c.is_ascii_digit()) => {
                        if self.at_terminator(p) {
                            self.emit(if r == '$' { Tk::Variable } else { Tk::Dot }, start, p);
                            continue;
                        }
                        let mut last = None;
                        while let Some(c) = self.ch(p) {
                            if !is_alnum(c) {
                                last = Some(c);
                                break;
                            }
                            p += c.len_utf8();
                        }
                        if !self.at_terminator(p) {
                            let c = last.unwrap_or('\u{0}');
                            self.error(start, format!("bad character {}", fmt_sharp_u(c)));
                            return self.toks;
                        }
                        self.emit(if r == '$' { Tk::Variable } else { Tk::Field }, start, p);
                    }
                    '.' | '+' | '-' | '0'..='9' => {
                        p = start;
                        if !self.scan_number(&mut p) {
                            let s = self.input.get(start..p).unwrap_or("").to_string();
                            self.error(start, format!("bad number syntax: {}", go_quote(&s)));
                            return self.toks;
                        }
                        if matches!(self.ch(p), Some('+' | '-')) {
                            if !self.scan_number(&mut p) || !self.input[..p].ends_with('i') {
                                let s = self.input.get(start..p).unwrap_or("").to_string();
                                self.error(start, format!("bad number syntax: {}", go_quote(&s)));
                                return self.toks;
                            }
                            self.emit(Tk::Complex, start, p);
                        } else {
                            self.emit(Tk::Number, start, p);
                        }
                    }
                    c if is_alnum(c) => {
                        let mut last = None;
                        while let Some(c) = self.ch(p) {
                            if !is_alnum(c) {
                                last = Some(c);
                                break;
                            }
                            p += c.len_utf8();
                        }
                        if !self.at_terminator(p) {
                            let c = last.unwrap_or('\u{0}');
                            self.error(start, format!("bad character {}", fmt_sharp_u(c)));
                            return self.toks;
                        }
                        let typ = match &self.input[start..p] {
                            "block" => Tk::Block,
                            "break" => Tk::Break,
                            "continue" => Tk::Continue,
                            "define" => Tk::Define,
                            "else" => Tk::Else,
                            "end" => Tk::End,
                            "if" => Tk::If,
                            "nil" => Tk::Nil,
                            "range" => Tk::Range,
                            "template" => Tk::Template,
                            "with" => Tk::With,
                            "true" | "false" => Tk::Bool,
                            _ => Tk::Ident,
                        };
                        self.emit(typ, start, p);
                    }
                    '(' => {
                        self.emit(Tk::LParen, start, p);
                        paren_depth += 1;
                    }
                    ')' => {
                        paren_depth -= 1;
                        if paren_depth < 0 {
                            self.error(start, "unexpected right paren".into());
                            return self.toks;
                        }
                        self.emit(Tk::RParen, start, p);
                    }
                    c if c.is_ascii() && !c.is_ascii_control() => self.emit(Tk::Char, start, p),
                    c => {
                        self.error(start, format!("unrecognized character in action: {}", fmt_sharp_u(c)));
                        return self.toks;
                    }
                }
            }
        }
    }
}

fn lex(input: &str) -> Vec<Tok> {
    let nl = input.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i).collect();
    Lexer { input, nl, toks: Vec::new() }.run()
}

// ---------------------------------------------------------------------------
// Parse tree
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Node {
    Text(String),
    Action(Pipe),
    If(Box<Branch>),
    With(Box<Branch>),
    Range(Box<Branch>),
    Break,
    Continue,
}

#[derive(Clone, Debug)]
struct Branch {
    pipe: Pipe,
    list: Vec<Node>,
    else_list: Option<Vec<Node>>,
}

#[derive(Clone, Debug)]
struct Pipe {
    pos: usize,
    decl: Vec<String>,
    is_assign: bool,
    cmds: Vec<Cmd>,
}

#[derive(Clone, Debug)]
struct Cmd {
    pos: usize,
    args: Vec<Arg>,
}

#[derive(Clone, Debug)]
struct Num {
    text: String,
    is_int: bool,
    is_uint: bool,
    is_float: bool,
    is_complex: bool,
    int: i64,
    uint: u64,
    float: f64,
}

#[derive(Clone, Debug)]
enum Arg {
    /// `.A.B` (idents without dots).
    Field(usize, Vec<String>),
    /// `$x.A.B` (idents[0] is the variable name, with `$`).
    Var(usize, Vec<String>),
    /// `(pipe).A.B` and similar.
    Chain(usize, Box<Arg>, Vec<String>),
    Ident(usize, String),
    Dot(usize),
    Nil(usize),
    Bool(usize, bool),
    Num(usize, Box<Num>),
    /// Position, quoted source text, value.
    Str(usize, String, String),
    Pipe(Box<Pipe>),
}

impl Arg {
    fn pos(&self) -> usize {
        match self {
            Arg::Field(p, _) | Arg::Var(p, _) | Arg::Chain(p, _, _) | Arg::Ident(p, _) | Arg::Dot(p) | Arg::Nil(p) | Arg::Bool(p, _) | Arg::Num(p, _) | Arg::Str(p, _, _) => *p,
            Arg::Pipe(pipe) => pipe.pos,
        }
    }

    fn write(&self, s: &mut String) {
        match self {
            Arg::Field(_, idents) => {
                for i in idents {
                    s.push('.');
                    s.push_str(i);
                }
            }
            Arg::Var(_, idents) => s.push_str(&idents.join(".")),
            Arg::Chain(_, node, fields) => {
                if let Arg::Pipe(p) = &**node {
                    s.push('(');
                    p.write(s);
                    s.push(')');
                } else {
                    node.write(s);
                }
                for f in fields {
                    s.push('.');
                    s.push_str(f);
                }
            }
            Arg::Ident(_, n) => s.push_str(n),
            Arg::Dot(_) => s.push('.'),
            Arg::Nil(_) => s.push_str("nil"),
            Arg::Bool(_, b) => s.push_str(if *b { "true" } else { "false" }),
            Arg::Num(_, n) => s.push_str(&n.text),
            Arg::Str(_, q, _) => s.push_str(q),
            Arg::Pipe(p) => p.write(s),
        }
    }

    fn string(&self) -> String {
        let mut s = String::new();
        self.write(&mut s);
        s
    }
}

impl Cmd {
    fn write(&self, s: &mut String) {
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            if let Arg::Pipe(p) = a {
                s.push('(');
                p.write(s);
                s.push(')');
            } else {
                a.write(s);
            }
        }
    }
}

impl Pipe {
    fn write(&self, s: &mut String) {
        if !self.decl.is_empty() {
            s.push_str(&self.decl.join(", "));
            s.push_str(if self.is_assign { " = " } else { " := " });
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            c.write(s);
        }
    }
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

/// Functions known at parse time (Go builtins plus docker's).
const FUNCS: &[&str] = &[
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "json", "split", "join", "title", "lower", "upper", "pad", "truncate",
];

enum Item {
    Node(Node),
    End,
    Else,
}

struct Parser {
    toks: Vec<Tok>,
    i: usize,
    hi: usize,
    vars: Vec<String>,
    range_depth: usize,
    depth: usize,
    action_line: usize,
}

type PResult<T> = Result<T, String>;

impl Parser {
    fn tok(&self, i: usize) -> &Tok {
        // The token list always ends with Eof or Error; never read past it.
        let i = i.min(self.toks.len().saturating_sub(1));
        &self.toks[i]
    }

    fn next(&mut self) -> Tok {
        let t = self.tok(self.i).clone();
        self.next_index();
        t
    }

    /// Undoes one `next` (never called after reading the final token twice).
    fn backup(&mut self) {
        self.i = self.i.saturating_sub(1);
    }

    fn peek(&mut self) -> Tok {
        self.hi = self.hi.max(self.i.min(self.toks.len().saturating_sub(1)));
        self.tok(self.i).clone()
    }

    fn skip_space(&mut self) {
        while self.tok(self.i).typ == Tk::Space {
            self.i += 1;
        }
        self.hi = self.hi.max(self.i.min(self.toks.len().saturating_sub(1)));
    }

    fn next_non_space(&mut self) -> Tok {
        self.skip_space();
        self.next()
    }

    fn peek_non_space(&mut self) -> Tok {
        self.skip_space();
        self.peek()
    }

    #[cold]
    #[inline(never)]
    fn errorf(&self, msg: &str) -> String {
        let line = self.tok(self.hi).line;
        format!("template: :{line}: {msg}")
    }

    #[cold]
    #[inline(never)]
    fn unexpected(&self, t: &Tok, context: &str) -> String {
        if t.typ == Tk::Error {
            let mut extra = String::new();
            if self.action_line != 0 && self.action_line != t.line {
                extra = format!(" in action started at :{}", self.action_line);
                if t.val.ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return format!("template: :{}: {}{}", t.line, t.val, extra);
        }
        self.errorf(&format!("unexpected {} in {}", t.describe(), context))
    }

    /// At a token that is known to be "real" (not a trailing Eof re-read),
    /// steps back so it is read again.
    fn backup_to(&mut self, i: usize) {
        self.i = i;
    }

    fn parse(&mut self) -> PResult<Vec<Node>> {
        let mut root = Vec::new();
        while self.peek().typ != Tk::Eof {
            if self.peek().typ == Tk::LeftDelim {
                let save = self.i;
                self.next();
                let t = self.next_non_space();
                if t.typ == Tk::Define {
                    return Err(self.errorf("{{define}} is not supported"));
                }
                self.backup_to(save);
            }
            match self.text_or_action()? {
                Item::End => return Err(self.errorf("unexpected {{end}}")),
                Item::Else => return Err(self.errorf("unexpected {{else}}")),
                Item::Node(n) => root.push(n),
            }
        }
        Ok(root)
    }

    fn item_list(&mut self) -> PResult<(Vec<Node>, Item)> {
        let mut list = Vec::new();
        while self.peek_non_space().typ != Tk::Eof {
            match self.text_or_action()? {
                Item::Node(n) => list.push(n),
                other => return Ok((list, other)),
            }
        }
        Err(self.errorf("unexpected EOF"))
    }

    /// Type of the next non-space token, consuming it (keeps the recursive
    /// parser frames small: no token clone).
    fn next_typ(&mut self) -> Tk {
        self.skip_space();
        let typ = self.tok(self.i).typ;
        self.next_index();
        typ
    }

    fn next_index(&mut self) {
        self.hi = self.hi.max(self.i.min(self.toks.len().saturating_sub(1)));
        self.i = (self.i + 1).min(self.toks.len() + 1);
    }

    fn text_or_action(&mut self) -> PResult<Item> {
        match self.next_typ() {
            Tk::Text => Ok(Item::Node(Node::Text(self.tok(self.i - 1).val.clone()))),
            Tk::LeftDelim => {
                self.action_line = self.tok(self.i - 1).line;
                let r = self.action();
                self.action_line = 0;
                r
            }
            _ => Err(self.unexpected_prev("input")),
        }
    }

    #[cold]
    #[inline(never)]
    fn unexpected_prev(&self, context: &str) -> String {
        self.unexpected(self.tok(self.i.saturating_sub(1)), context)
    }

    fn action(&mut self) -> PResult<Item> {
        let typ = self.next_typ();
        match typ {
            Tk::Block => Err(self.errorf("{{block}} is not supported")),
            Tk::Template => Err(self.errorf("{{template}} is not supported")),
            Tk::Break | Tk::Continue => self.break_continue(typ == Tk::Break),
            Tk::Else => {
                let p = self.peek_non_space();
                if p.typ == Tk::If || p.typ == Tk::With {
                    return Ok(Item::Else);
                }
                self.expect(Tk::RightDelim, "else")?;
                Ok(Item::Else)
            }
            Tk::End => {
                self.expect(Tk::RightDelim, "end")?;
                Ok(Item::End)
            }
            Tk::If => Ok(Item::Node(Node::If(Box::new(self.parse_control("if")?)))),
            Tk::Range => Ok(Item::Node(Node::Range(Box::new(self.parse_control("range")?)))),
            Tk::With => Ok(Item::Node(Node::With(Box::new(self.parse_control("with")?)))),
            _ => {
                self.backup();
                let pipe = self.pipeline("command", Tk::RightDelim)?;
                Ok(Item::Node(Node::Action(pipe)))
            }
        }
    }

    #[inline(never)]
    fn break_continue(&mut self, is_break: bool) -> PResult<Item> {
        let what = if is_break { "{{break}}" } else { "{{continue}}" };
        let n = self.next_non_space();
        if n.typ != Tk::RightDelim {
            return Err(self.unexpected(&n, what));
        }
        if self.range_depth == 0 {
            return Err(self.errorf(&format!("{what} outside {{{{range}}}}")));
        }
        Ok(Item::Node(if is_break { Node::Break } else { Node::Continue }))
    }

    #[inline(never)]
    fn expect(&mut self, typ: Tk, context: &str) -> PResult<Tok> {
        let t = self.next_non_space();
        if t.typ != typ {
            return Err(self.unexpected(&t, context));
        }
        Ok(t)
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.errorf("max expression depth exceeded"));
        }
        Ok(())
    }

    fn parse_control(&mut self, context: &str) -> PResult<Branch> {
        self.enter()?;
        let nvars = self.vars.len();
        let pipe = self.pipeline(context, Tk::RightDelim)?;
        if context == "range" {
            self.range_depth += 1;
        }
        let (list, next) = self.item_list()?;
        if context == "range" {
            self.range_depth -= 1;
        }
        let mut else_list = None;
        if let Item::Else = next {
            let pk = self.peek().typ;
            if context == "if" && pk == Tk::If {
                self.next();
                else_list = Some(vec![Node::If(Box::new(self.parse_control("if")?))]);
            } else if context == "with" && pk == Tk::With {
                self.next();
                else_list = Some(vec![Node::With(Box::new(self.parse_control("with")?))]);
            } else {
                let (l, n) = self.item_list()?;
                if !matches!(n, Item::End) {
                    return Err(self.errorf("expected end; found {{else}}"));
                }
                else_list = Some(l);
            }
        }
        self.vars.truncate(nvars);
        self.depth -= 1;
        Ok(Branch { pipe, list, else_list })
    }

    #[inline(never)]
    fn pipeline(&mut self, context: &str, end: Tk) -> PResult<Pipe> {
        let pos = self.peek_non_space().pos;
        let mut pipe = Pipe { pos, decl: Vec::new(), is_assign: false, cmds: Vec::new() };
        loop {
            let v = self.peek_non_space();
            if v.typ != Tk::Variable {
                break;
            }
            let before = self.i;
            self.next();
            let nx = self.peek_non_space();
            match nx.typ {
                Tk::Assign | Tk::Declare => {
                    pipe.is_assign = nx.typ == Tk::Assign;
                    self.next_non_space();
                    pipe.decl.push(v.val.clone());
                    self.vars.push(v.val);
                    break;
                }
                Tk::Char if nx.val == "," => {
                    self.next_non_space();
                    pipe.decl.push(v.val.clone());
                    self.vars.push(v.val);
                    if context == "range" && pipe.decl.len() < 2 {
                        match self.peek_non_space().typ {
                            Tk::Variable | Tk::RightDelim | Tk::RParen => continue,
                            _ => return Err(self.errorf("range can only initialize variables")),
                        }
                    }
                    return Err(self.errorf(&format!("too many declarations in {context}")));
                }
                _ => {
                    self.backup_to(before);
                    break;
                }
            }
        }
        loop {
            let t = self.next_non_space();
            if t.typ == end {
                self.check_pipeline(&pipe, context)?;
                return Ok(pipe);
            }
            match t.typ {
                Tk::Bool | Tk::CharConst | Tk::Complex | Tk::Dot | Tk::Field | Tk::Ident | Tk::Number | Tk::Nil | Tk::RawStr | Tk::Str | Tk::Variable | Tk::LParen => {
                    self.backup();
                    let c = self.command()?;
                    pipe.cmds.push(c);
                }
                _ => return Err(self.unexpected(&t, context)),
            }
        }
    }

    fn check_pipeline(&self, pipe: &Pipe, context: &str) -> PResult<()> {
        if pipe.cmds.is_empty() {
            return Err(self.errorf(&format!("missing value for {context}")));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(c.args.first(), Some(Arg::Bool(..) | Arg::Dot(_) | Arg::Nil(_) | Arg::Num(..) | Arg::Str(..))) {
                return Err(self.errorf(&format!("non executable command in pipeline stage {}", i + 1)));
            }
        }
        Ok(())
    }

    fn command(&mut self) -> PResult<Cmd> {
        let pos = self.peek_non_space().pos;
        let mut args = Vec::new();
        loop {
            self.peek_non_space();
            if let Some(op) = self.operand()? {
                args.push(op);
            }
            let t = self.next();
            match t.typ {
                Tk::Space => continue,
                Tk::RightDelim | Tk::RParen => self.backup(),
                Tk::Pipe => {}
                _ => return Err(self.unexpected(&t, "operand")),
            }
            break;
        }
        if args.is_empty() {
            return Err(self.errorf("empty command"));
        }
        Ok(Cmd { pos, args })
    }

    fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(node) = self.term()? else { return Ok(None) };
        if self.peek().typ != Tk::Field {
            return Ok(Some(node));
        }
        let cpos = self.peek().pos;
        let mut fields = Vec::new();
        while self.peek().typ == Tk::Field {
            let f = self.next();
            fields.push(f.val.get(1..).unwrap_or("").to_string());
        }
        Ok(Some(match node {
            Arg::Field(_, mut idents) => {
                idents.extend(fields);
                Arg::Field(cpos, idents)
            }
            Arg::Var(_, mut idents) => {
                idents.extend(fields);
                Arg::Var(cpos, idents)
            }
            Arg::Bool(..) | Arg::Str(..) | Arg::Num(..) | Arg::Nil(_) | Arg::Dot(_) => {
                return Err(self.errorf(&format!("unexpected . after term {}", go_quote(&node.string()))));
            }
            other => Arg::Chain(cpos, Box::new(other), fields),
        }))
    }

    fn term(&mut self) -> PResult<Option<Arg>> {
        let t = self.next_non_space();
        Ok(Some(match t.typ {
            Tk::Ident => {
                if !FUNCS.contains(&t.val.as_str()) {
                    return Err(self.errorf(&format!("function {} not defined", go_quote(&t.val))));
                }
                Arg::Ident(t.pos, t.val)
            }
            Tk::Dot => Arg::Dot(t.pos),
            Tk::Nil => Arg::Nil(t.pos),
            Tk::Variable => {
                if !self.vars.contains(&t.val) {
                    return Err(self.errorf(&format!("undefined variable {}", go_quote(&t.val))));
                }
                Arg::Var(t.pos, vec![t.val])
            }
            Tk::Field => Arg::Field(t.pos, vec![t.val.get(1..).unwrap_or("").to_string()]),
            Tk::Bool => Arg::Bool(t.pos, t.val == "true"),
            Tk::CharConst | Tk::Complex | Tk::Number => match new_number(&t.val, t.typ) {
                Ok(n) => Arg::Num(t.pos, Box::new(n)),
                Err(e) => return Err(self.errorf(&e)),
            },
            Tk::LParen => {
                self.enter()?;
                let p = self.pipeline("parenthesized pipeline", Tk::RParen)?;
                self.depth -= 1;
                Arg::Pipe(Box::new(p))
            }
            Tk::Str | Tk::RawStr => match unquote(&t.val) {
                Some(s) => Arg::Str(t.pos, t.val, s),
                None => return Err(self.errorf("invalid syntax")),
            },
            _ => {
                self.backup();
                return Ok(None);
            }
        }))
    }
}

// ---------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------

/// Go's `strconv.Unquote` for "..." and `...` literals.
fn unquote(s: &str) -> Option<String> {
    if s.len() >= 2 && s.starts_with('`') && s.ends_with('`') {
        return Some(s[1..s.len() - 1].replace('\r', ""));
    }
    if s.len() < 2 || !s.starts_with('"') || !s.ends_with('"') {
        return None;
    }
    let inner = &s[1..s.len() - 1];
    if inner.contains('\n') {
        return None;
    }
    let mut out: Vec<u8> = Vec::new();
    let mut rest = inner;
    while !rest.is_empty() {
        let (c, tail) = unquote_char(rest, '"')?;
        match c {
            Ch::Rune(r) => {
                let mut b = [0u8; 4];
                out.extend_from_slice(r.encode_utf8(&mut b).as_bytes());
            }
            Ch::Byte(b) => out.push(b),
        }
        rest = tail;
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

enum Ch {
    Rune(char),
    Byte(u8),
}

/// Go's `strconv.UnquoteChar`.
fn unquote_char(s: &str, quote: char) -> Option<(Ch, &str)> {
    let mut it = s.chars();
    let c = it.next()?;
    if c == quote && (quote == '\'' || quote == '"') {
        return None;
    }
    if c != '\\' {
        return Some((Ch::Rune(c), it.as_str()));
    }
    let e = it.next()?;
    let rest = it.as_str();
    let simple = match e {
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        'f' => Some('\u{c}'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\u{b}'),
        '\\' => Some('\\'),
        '\'' | '"' => {
            if e != quote {
                return None;
            }
            Some(e)
        }
        _ => None,
    };
    if let Some(c) = simple {
        return Some((Ch::Rune(c), rest));
    }
    match e {
        'x' | 'u' | 'U' => {
            let n = match e {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let hex = rest.get(..n)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let v = u32::from_str_radix(hex, 16).ok()?;
            let rest = &rest[n..];
            if e == 'x' {
                return Some((Ch::Byte(v as u8), rest));
            }
            Some((Ch::Rune(char::from_u32(v)?), rest))
        }
        '0'..='7' => {
            let oct = format!("{}{}", e, rest.get(..2)?);
            if !oct.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
                return None;
            }
            let v = u32::from_str_radix(&oct, 8).ok()?;
            if v > 255 {
                return None;
            }
            Some((Ch::Byte(v as u8), &rest[2..]))
        }
        _ => None,
    }
}

/// Parses a Go integer literal (base prefix, underscores) to a signed
/// 128-bit value; `None` if malformed or out of range.
fn parse_go_int(text: &str) -> Option<i128> {
    let (neg, body) = match text.as_bytes().first() {
        Some(b'+') => (false, &text[1..]),
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    let v = i128::from(crate::args::go_parse_uint(body, 64).ok()?);
    Some(if neg { -v } else { v })
}

/// Underscores must separate digits (or follow a base prefix).
fn underscores_ok(digits: &str, prefixed: bool) -> bool {
    if !digits.contains('_') {
        return true;
    }
    let b = digits.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let prev_ok = if i == 0 { prefixed } else { b[i - 1].is_ascii_alphanumeric() };
            let next_ok = i + 1 < b.len() && b[i + 1].is_ascii_alphanumeric();
            if !prev_ok || !next_ok {
                return false;
            }
        }
    }
    true
}

/// Go's `strconv.ParseFloat(text, 64)` for the literals the lexer accepts.
fn parse_go_float(text: &str) -> Option<f64> {
    let (neg, body) = match text.as_bytes().first() {
        Some(b'+') => (false, &text[1..]),
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let v = if let Some(h) = lower.strip_prefix("0x") {
        if !underscores_ok(h, true) {
            return None;
        }
        let h: String = h.chars().filter(|&c| c != '_').collect();
        let (mant, exp) = h.split_once('p')?;
        let exp: i32 = exp.parse().ok()?;
        let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
        if ip.is_empty() && fp.is_empty() {
            return None;
        }
        let mut m = 0f64;
        for c in ip.chars().chain(fp.chars()) {
            m = m * 16.0 + c.to_digit(16)? as f64;
        }
        let e = exp.checked_sub(4 * fp.len() as i32)?;
        m * 2f64.powi(e)
    } else {
        if !underscores_ok(&lower, false) {
            return None;
        }
        let clean: String = lower.chars().filter(|&c| c != '_').collect();
        if clean.is_empty() || !clean.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'e' || b == b'+' || b == b'-') {
            return None;
        }
        let mant = clean.split('e').next().unwrap_or("");
        if !mant.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        clean.parse::<f64>().ok()?
    };
    if !v.is_finite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Go's `parse.newNumber`.
fn new_number(text: &str, typ: Tk) -> Result<Num, String> {
    let mut n = Num { text: text.to_string(), is_int: false, is_uint: false, is_float: false, is_complex: false, int: 0, uint: 0, float: 0.0 };
    if typ == Tk::CharConst {
        let inner = text.get(1..).unwrap_or("");
        let (c, tail) = unquote_char(inner, '\'').ok_or_else(|| "invalid syntax".to_string())?;
        if tail != "'" {
            return Err(format!("malformed character constant: {text}"));
        }
        let r = match c {
            Ch::Rune(r) => r as i64,
            Ch::Byte(b) => b as i64,
        };
        n.int = r;
        n.is_int = true;
        n.uint = r as u64;
        n.is_uint = true;
        n.float = r as f64;
        n.is_float = true;
        return Ok(n);
    }
    if typ == Tk::Complex || text.ends_with('i') {
        n.is_complex = true;
        return Err(format!("complex number {text} is not supported"));
    }
    if let Some(v) = parse_go_int(text) {
        if v >= 0 && v <= u64::MAX as i128 && !text.starts_with('-') && !text.starts_with('+') {
            n.is_uint = true;
            n.uint = v as u64;
        }
        if v >= i64::MIN as i128 && v <= i64::MAX as i128 {
            n.is_int = true;
            n.int = v as i64;
            if v == 0 {
                n.is_uint = true;
                n.uint = 0;
            }
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float = n.int as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float = n.uint as f64;
    } else if let Some(f) = parse_go_float(text) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!("integer overflow: {}", go_quote(text)));
        }
        n.is_float = true;
        n.float = f;
        if f.fract() == 0.0 && (-9.223372036854776e18..9.223372036854776e18).contains(&f) {
            n.is_int = true;
            n.int = f as i64;
        }
        if f.fract() == 0.0 && (0.0..1.8446744073709552e19).contains(&f) {
            n.is_uint = true;
            n.uint = f as u64;
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(format!("illegal number syntax: {}", go_quote(text)));
    }
    Ok(n)
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// The Go type behind a JSON value, where it behaves differently from the
/// JSON shape (docker/cli executes inspect templates over typed structs).
#[derive(Debug)]
pub enum GoType {
    /// Not modelled: the value behaves as its JSON shape (objects as maps).
    Json,
    Str,
    Bool,
    Int,
    /// A slice of this element type (nil prints `[]`).
    Slice(&'static GoType),
    /// A struct: its Go type name and its fields in declaration order.
    Struct(&'static str, &'static [(&'static str, GoType)]),
    /// An object whose Go type is not modelled whole, only these fields.
    Partial(&'static [(&'static str, GoType)]),
    /// A map with string keys and values of this type (nil prints `map[]`).
    Map(&'static GoType),
    /// A pointer to a value of this type, JSON `null` being nil. fmt prints a
    /// non-nil one as `&{...}` at the top level and as its address inside
    /// another value (`{healthy 0 [0xc000124000]}`); text/template's own
    /// printing (`{{.State.Health}}`) dereferences it first.
    Ptr(&'static GoType),
    /// `time.Time`, from its RFC 3339 JSON: prints as `Time.String()`
    /// (`2024-03-15 10:25:00.1234 +0000 UTC`).
    Time,
    /// `time.Duration`, from its JSON nanoseconds: prints as
    /// `Duration.String()` (`1m30s`, `500ms`) with %v and %s, as an
    /// integer otherwise.
    Duration,
}

impl GoType {
    /// The type of a field, when modelled.
    fn field(&'static self, name: &str) -> Option<&'static GoType> {
        match self {
            GoType::Struct(_, fields) | GoType::Partial(fields) => fields.iter().find(|(n, _)| *n == name).map(|(_, t)| t),
            GoType::Map(t) => Some(t),
            // Go's field lookup goes through a pointer.
            GoType::Ptr(t) => t.field(name),
            _ => None,
        }
    }

    /// The type a pointer points to (text/template's `indirect`), else itself.
    fn pointee(&'static self) -> &'static GoType {
        match self {
            GoType::Ptr(t) => t,
            _ => self,
        }
    }

    /// The type of the elements of a slice or the values of a map.
    fn elem(&'static self) -> &'static GoType {
        match self {
            GoType::Slice(t) | GoType::Map(t) => t,
            _ => &GoType::Json,
        }
    }

    /// The zero value, as JSON (what a struct field omitted from it holds).
    fn zero(&self) -> Value {
        match self {
            GoType::Str => Value::String(String::new()),
            GoType::Bool => Value::Bool(false),
            GoType::Int => Value::Number(Number::from(0)),
            GoType::Struct(..) => Value::Object(Map::new()),
            GoType::Time => Value::String("0001-01-01T00:00:00Z".into()),
            GoType::Duration => Value::Number(Number::from(0)),
            GoType::Json | GoType::Slice(_) | GoType::Partial(_) | GoType::Map(_) | GoType::Ptr(_) => Value::Null,
        }
    }

    /// Whether the JSON shape prints and behaves as Go would anyway.
    fn is_json(&self) -> bool {
        matches!(self, GoType::Json | GoType::Partial(_))
    }

    /// Go's name of the type (`%T`, `%#v`).
    fn name(&self, v: &Value) -> String {
        match self {
            GoType::Json | GoType::Partial(_) => go_type(v),
            GoType::Str => "string".into(),
            GoType::Bool => "bool".into(),
            GoType::Int => "int".into(),
            GoType::Slice(t) => format!("[]{}", t.name(&t.zero())),
            GoType::Map(t) => format!("map[string]{}", t.name(&t.zero())),
            GoType::Struct(name, _) => (*name).into(),
            GoType::Ptr(t) => format!("*{}", t.name(v)),
            GoType::Time => "time.Time".into(),
            GoType::Duration => "time.Duration".into(),
        }
    }
}

/// A value during execution: Go's invalid `reflect.Value` ("no value", e.g.
/// a missing map key) or a JSON value of a Go type.
#[derive(Clone, Debug)]
enum V<'a> {
    Missing,
    Val(Cow<'a, Value>, &'static GoType),
}

impl<'a> V<'a> {
    fn owned(v: Value) -> V<'a> {
        V::Val(Cow::Owned(v), &GoType::Json)
    }

    fn get(&self) -> Option<&Value> {
        match self {
            V::Missing => None,
            V::Val(c, _) => Some(c.as_ref()),
        }
    }

    fn go_type(&self) -> &'static GoType {
        match self {
            V::Missing => &GoType::Json,
            V::Val(_, ty) => ty,
        }
    }

    fn str(s: impl Into<String>) -> V<'a> {
        V::owned(Value::String(s.into()))
    }

    fn int(i: i64) -> V<'a> {
        V::owned(Value::Number(Number::from(i)))
    }

    fn bool(b: bool) -> V<'a> {
        V::owned(Value::Bool(b))
    }

    fn null() -> V<'a> {
        V::owned(Value::Null)
    }
}

/// Go's notion of a number's kind.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NumK {
    Int(i64),
    Uint(u64),
    Float(f64),
}

fn num_kind(n: &Number) -> NumK {
    if let Some(i) = n.as_i64() {
        NumK::Int(i)
    } else if let Some(u) = n.as_u64() {
        NumK::Uint(u)
    } else {
        NumK::Float(n.as_f64().unwrap_or(0.0))
    }
}

/// The Go type a JSON value stands for, for error messages.
fn go_type(v: &Value) -> String {
    match v {
        Value::Null => "interface {}".into(),
        Value::Bool(_) => "bool".into(),
        Value::Number(n) => match num_kind(n) {
            NumK::Int(_) => "int".into(),
            NumK::Uint(_) => "uint64".into(),
            NumK::Float(_) => "float64".into(),
        },
        Value::String(_) => "string".into(),
        Value::Array(a) => {
            if !a.is_empty() && a.iter().all(Value::is_string) {
                "[]string".into()
            } else {
                "[]interface {}".into()
            }
        }
        Value::Object(m) => {
            if !m.is_empty() && m.values().all(Value::is_string) {
                "map[string]string".into()
            } else {
                "map[string]interface {}".into()
            }
        }
    }
}

/// Go's `time.Duration.String()`: "0s", "1.5µs", "500ms", "1m30s",
/// "1h0m0s" (hours are the largest unit).
pub fn go_duration(d: i64) -> String {
    // fmtFrac: the fraction of v / 10^prec, trailing zeros dropped.
    fn frac(v: u64, prec: u32) -> (String, u64) {
        let p = 10u64.pow(prec);
        let f = v % p;
        if f == 0 {
            return (String::new(), v / p);
        }
        let digits = format!("{f:0width$}", width = prec as usize);
        (format!(".{}", digits.trim_end_matches('0')), v / p)
    }
    if d == 0 {
        return "0s".into();
    }
    let neg = if d < 0 { "-" } else { "" };
    let u = d.unsigned_abs();
    if u < 1_000_000_000 {
        let (f, whole, unit) = match u {
            0..=999 => (String::new(), u, "ns"),
            1_000..=999_999 => {
                let (f, w) = frac(u, 3);
                (f, w, "µs")
            }
            _ => {
                let (f, w) = frac(u, 6);
                (f, w, "ms")
            }
        };
        return format!("{neg}{whole}{f}{unit}");
    }
    let (f, secs) = frac(u, 9);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{neg}{h}h{m}m{s}{f}s")
    } else if secs >= 60 {
        format!("{neg}{m}m{s}{f}s")
    } else {
        format!("{neg}{s}{f}s")
    }
}

/// Go's truth: false, 0, nil, empty string/array/map are false.
fn truth(v: &V) -> bool {
    match (v.get(), v.go_type()) {
        // A struct is always true, a pointer when not nil.
        (Some(x), GoType::Ptr(_)) => return !x.is_null(),
        (Some(_), GoType::Struct(..) | GoType::Time) => return true,
        _ => {}
    }
    match v.get() {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => match num_kind(n) {
            NumK::Int(i) => i != 0,
            NumK::Uint(u) => u != 0,
            NumK::Float(f) => f != 0.0,
        },
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(m)) => !m.is_empty(),
    }
}

/// Object entries sorted by key (Go sorts map keys when printing/ranging).
fn sorted_entries(m: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut e: Vec<_> = m.iter().collect();
    baleine_util::sort_by(&mut e, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    e
}

// ---------------------------------------------------------------------------
// Go formatting helpers
// ---------------------------------------------------------------------------

/// Shortest round-trip decimal digits of a finite, non-zero |f|, and the
/// decimal exponent of the first digit.
fn shortest_digits(f: f64) -> (String, i32) {
    let s = format!("{:e}", f.abs());
    split_exp(&s)
}

fn split_exp(s: &str) -> (String, i32) {
    let (m, e) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, e.parse().unwrap_or(0))
}

fn exp_suffix(out: &mut String, exp: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// `d.ddd e±XX` from digits.
fn e_from_digits(d: &str, exp: i32, upper: bool) -> String {
    let mut out = String::new();
    out.push_str(&d[..1]);
    if d.len() > 1 {
        out.push('.');
        out.push_str(&d[1..]);
    }
    exp_suffix(&mut out, exp, upper);
    out
}

/// Fixed notation from digits (value = d[0].d[1..] × 10^exp), with exactly
/// `frac` fractional digits (padding with zeros, never rounding).
fn f_from_digits(d: &str, exp: i32, frac: usize) -> String {
    let dp = exp + 1;
    let digit = |i: i64| -> char {
        if i >= 0 && (i as usize) < d.len() {
            d.as_bytes()[i as usize] as char
        } else {
            '0'
        }
    };
    let mut out = String::new();
    if dp > 0 {
        for i in 0..dp as i64 {
            out.push(digit(i));
        }
    } else {
        out.push('0');
    }
    if frac > 0 {
        out.push('.');
        for k in 0..frac as i64 {
            out.push(digit(dp as i64 + k));
        }
    }
    out
}

/// Go's `strconv.FormatFloat(f, verb, prec, 64)` for e/E/f/F/g/G.
fn format_float(f: f64, verb: char, prec: Option<usize>) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "+Inf".into() } else { "-Inf".into() };
    }
    let neg = f.is_sign_negative();
    let a = f.abs();
    let upper = verb.is_ascii_uppercase();
    let prec = prec.map(|p| p.min(1000));
    let body = match verb {
        'e' | 'E' => match prec {
            None if a == 0.0 => e_from_digits("0", 0, upper),
            None => {
                let (d, e) = shortest_digits(a);
                e_from_digits(&d, e, upper)
            }
            Some(p) => {
                let (d, e) = split_exp(&format!("{:.*e}", p, a));
                let mut s = String::new();
                s.push_str(&d[..1]);
                if p > 0 {
                    s.push('.');
                    s.push_str(&d[1..]);
                }
                exp_suffix(&mut s, e, upper);
                s
            }
        },
        'f' | 'F' => match prec {
            None => format!("{}", a),
            Some(p) => format!("{:.*}", p, a),
        },
        _ => {
            // g / G
            let (d, e, eprec) = match prec {
                None => {
                    if a == 0.0 {
                        ("0".to_string(), 0, 6)
                    } else {
                        let (d, e) = shortest_digits(a);
                        (d, e, 6)
                    }
                }
                Some(p) => {
                    let p = p.max(1);
                    let (d, e) = split_exp(&format!("{:.*e}", p - 1, a));
                    let d = d.trim_end_matches('0').to_string();
                    let d = if d.is_empty() { "0".to_string() } else { d };
                    let mut eprec = p as i32;
                    if eprec > d.len() as i32 && d.len() as i32 > e {
                        eprec = d.len() as i32;
                    }
                    (d, e, eprec)
                }
            };
            if e < -4 || e >= eprec {
                e_from_digits(&d, e, upper)
            } else {
                let frac = (d.len() as i32 - (e + 1)).max(0) as usize;
                f_from_digits(&d, e, frac)
            }
        }
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// Go's `%v` of a float64.
fn go_float_v(f: f64) -> String {
    format_float(f, 'g', None)
}

/// Go's encoding/json float formatting.
fn json_float(f: f64) -> String {
    let a = f.abs();
    if a != 0.0 && !(1e-6..1e21).contains(&a) {
        let s = format_float(f, 'e', None);
        // e-07 -> e-7
        let b = s.as_bytes();
        let n = b.len();
        if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'-' && b[n - 2] == b'0' {
            return format!("{}{}", &s[..n - 2], &s[n - 1..]);
        }
        if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'+' && b[n - 2] == b'0' {
            return format!("{}{}", &s[..n - 2], &s[n - 1..]);
        }
        return s;
    }
    format_float(f, 'f', None)
}

struct TooDeep;

/// Go's `fmt.Print` (`%v`) of a value of a type.
fn write_v(out: &mut String, v: &Value, ty: &GoType, depth: usize) -> Result<(), TooDeep> {
    if depth > 2 * MAX_DEPTH {
        return Err(TooDeep);
    }
    if !ty.is_json() {
        return fmt_arg(out, v, ty, 'v', &Spec::default(), depth);
    }
    match v {
        Value::Null => out.push_str("<nil>"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match num_kind(n) {
            NumK::Int(i) => out.push_str(&i.to_string()),
            NumK::Uint(u) => out.push_str(&u.to_string()),
            NumK::Float(f) => out.push_str(&go_float_v(f)),
        },
        Value::String(s) => out.push_str(s),
        Value::Array(a) => {
            out.push('[');
            for (i, e) in a.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_v(out, e, &GoType::Json, depth + 1)?;
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push_str("map[");
            for (i, (k, e)) in sorted_entries(m).into_iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                write_v(out, e, &GoType::Json, depth + 1)?;
            }
            out.push(']');
        }
    }
    Ok(())
}

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// docker's `json` function: Go's json.Encoder with SetEscapeHTML(false),
/// trailing newline removed. Object keys keep their order.
fn write_json(out: &mut String, v: &Value, depth: usize) -> Result<(), TooDeep> {
    if depth > 2 * MAX_DEPTH {
        return Err(TooDeep);
    }
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match num_kind(n) {
            NumK::Int(i) => out.push_str(&i.to_string()),
            NumK::Uint(u) => out.push_str(&u.to_string()),
            NumK::Float(f) => out.push_str(&json_float(f)),
        },
        Value::String(s) => json_string(out, s),
        Value::Array(a) => {
            out.push('[');
            for (i, e) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, e, depth + 1)?;
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, e)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_string(out, k);
                out.push(':');
                write_json(out, e, depth + 1)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// printf
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Default)]
struct Spec {
    minus: bool,
    plus: bool,
    /// `%+v`: struct field names (the `+` then means no sign).
    plus_v: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

impl Spec {
    fn pad(&self, out: &mut String, s: &str) {
        self.pad_with(out, s, self.zero && !self.minus);
    }

    fn pad_with(&self, out: &mut String, s: &str, zero: bool) {
        let w = self.width.unwrap_or(0).min(MAX_OUTPUT);
        let n = s.chars().count();
        if n >= w {
            out.push_str(s);
            return;
        }
        let fill = if zero { '0' } else { ' ' };
        if self.minus {
            out.push_str(s);
            out.extend(std::iter::repeat_n(' ', w - n));
        } else {
            out.extend(std::iter::repeat_n(fill, w - n));
            out.push_str(s);
        }
    }
}

fn bad_verb(out: &mut String, verb: char, v: &Value) -> Result<(), TooDeep> {
    out.push_str("%!");
    out.push(verb);
    out.push('(');
    if v.is_null() {
        out.push_str("<nil>");
    } else {
        out.push_str(&go_type(v));
        out.push('=');
        write_v(out, v, &GoType::Json, 0)?;
    }
    out.push(')');
    Ok(())
}

fn fmt_integer(out: &mut String, neg: bool, u: u64, verb: char, sp: &Spec) {
    match verb {
        'c' => {
            let c = if neg { '\u{fffd}' } else { u32::try_from(u).ok().and_then(char::from_u32).unwrap_or('\u{fffd}') };
            sp.pad_with(out, &c.to_string(), false);
            return;
        }
        'q' => {
            let c = if neg { '\u{fffd}' } else { u32::try_from(u).ok().and_then(char::from_u32).unwrap_or('\u{fffd}') };
            sp.pad_with(out, &go_quote_rune(c), false);
            return;
        }
        'U' => {
            let mut s = format!("U+{:04X}", u);
            if let Some(p) = sp.prec {
                let digits = format!("{:X}", u);
                if digits.len() < p.min(64) {
                    s = format!("U+{}{}", "0".repeat(p.min(64) - digits.len()), digits);
                }
            }
            if sp.sharp {
                if let Some(c) = u32::try_from(u).ok().and_then(char::from_u32) {
                    if is_go_print(c) {
                        s.push_str(&format!(" '{c}'"));
                    }
                }
            }
            sp.pad_with(out, &s, false);
            return;
        }
        _ => {}
    }
    let mut digits = match verb {
        'b' => format!("{:b}", u),
        'o' | 'O' => format!("{:o}", u),
        'x' => format!("{:x}", u),
        'X' => format!("{:X}", u),
        _ => u.to_string(),
    };
    let mut prec = 0usize;
    if let Some(p) = sp.prec {
        prec = p.min(MAX_OUTPUT);
        if prec == 0 && u == 0 {
            sp.pad_with(out, "", false);
            return;
        }
    } else if sp.zero && !sp.minus {
        if let Some(w) = sp.width {
            prec = w.min(MAX_OUTPUT);
            if neg || sp.plus || sp.space {
                prec = prec.saturating_sub(1);
            }
        }
    }
    if digits.len() < prec {
        digits = format!("{}{}", "0".repeat(prec - digits.len()), digits);
    }
    let mut prefix = String::new();
    if neg {
        prefix.push('-');
    } else if sp.plus {
        prefix.push('+');
    } else if sp.space {
        prefix.push(' ');
    }
    if sp.sharp {
        match verb {
            'b' => prefix.push_str("0b"),
            'o' if !digits.starts_with('0') => prefix.push('0'),
            'x' => prefix.push_str("0x"),
            'X' => prefix.push_str("0X"),
            _ => {}
        }
    }
    if verb == 'O' {
        prefix.push_str("0o");
    }
    prefix.push_str(&digits);
    sp.pad_with(out, &prefix, false);
}

fn fmt_float_verb(out: &mut String, f: f64, verb: char, sp: &Spec) {
    let mut s = match verb {
        'v' => format_float(f, 'g', sp.prec),
        'g' | 'G' => format_float(f, verb, sp.prec),
        _ => format_float(f, verb, Some(sp.prec.unwrap_or(6))),
    };
    if !s.starts_with('-') {
        if sp.plus {
            s.insert(0, '+');
        } else if sp.space {
            s.insert(0, ' ');
        }
    }
    if sp.zero && !sp.minus && sp.width.is_some() {
        // Zero padding goes after the sign.
        let w = sp.width.unwrap_or(0).min(MAX_OUTPUT);
        let n = s.chars().count();
        if n < w {
            let (sign, rest) = if s.starts_with(['+', '-', ' ']) { s.split_at(1) } else { s.split_at(0) };
            out.push_str(sign);
            out.extend(std::iter::repeat_n('0', w - n));
            out.push_str(rest);
            return;
        }
    }
    sp.pad_with(out, &s, false);
}

fn can_backquote(s: &str) -> bool {
    s.chars().all(|c| c != '`' && c != '\u{feff}' && (c == '\t' || !c.is_control()))
}

/// Formats one printf operand of a type with a verb.
fn fmt_arg(out: &mut String, v: &Value, ty: &GoType, verb: char, sp: &Spec, depth: usize) -> Result<(), TooDeep> {
    if depth > 2 * MAX_DEPTH {
        return Err(TooDeep);
    }
    match (ty, v) {
        (GoType::Struct(name, fields), Value::Object(m)) => return fmt_struct(out, name, fields, m, verb, sp, depth),
        (GoType::Ptr(t), _) => {
            // printValue: `&` then the target at the top level, for a
            // struct, slice or map (`%p` prints the address even there).
            if depth == 0 && !v.is_null() && verb != 'p' && matches!(t, GoType::Struct(..) | GoType::Slice(_) | GoType::Map(_)) {
                out.push('&');
                return fmt_arg(out, v, t, verb, sp, depth + 1);
            }
            return fmt_pointer(out, v, ty, verb, sp, 0);
        }
        (GoType::Duration, Value::Number(n)) if (verb == 'v' && !sp.sharp) || verb == 's' => {
            // time.Duration is a fmt.Stringer (not a GoStringer).
            return fmt_arg(out, &Value::String(go_duration(n.as_i64().unwrap_or(0))), &GoType::Str, verb, sp, depth);
        }
        (GoType::Time, Value::String(s)) => {
            // time.Time is a fmt.Stringer (v s x X q) and a GoStringer (%#v).
            if verb == 'v' && sp.sharp {
                sp.pad(out, &go_time_gostring(s));
                return Ok(());
            }
            return fmt_arg(out, &Value::String(go_time_string(s)), &GoType::Str, verb, sp, depth);
        }
        (GoType::Map(elem), Value::Object(_) | Value::Null) => {
            let empty = Map::new();
            let entries = sorted_entries(v.as_object().unwrap_or(&empty));
            let sharp_v = verb == 'v' && sp.sharp;
            if sharp_v {
                out.push_str(&ty.name(v));
                out.push('{');
            } else {
                out.push_str("map[");
            }
            for (i, (k, e)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(if sharp_v { ", " } else { " " });
                }
                fmt_arg(out, &Value::String(k.clone()), &GoType::Str, verb, sp, depth + 1)?;
                out.push(':');
                fmt_arg(out, e, elem, verb, sp, depth + 1)?;
            }
            out.push(if sharp_v { '}' } else { ']' });
            return Ok(());
        }
        (GoType::Slice(elem), Value::Array(_) | Value::Null) => {
            let items = v.as_array().map_or(&[][..], Vec::as_slice);
            if verb == 'v' && sp.sharp {
                out.push_str(&ty.name(v));
                if v.is_null() {
                    out.push_str("(nil)");
                    return Ok(());
                }
            }
            return fmt_list(out, items, elem, verb, sp, depth);
        }
        _ => {}
    }
    match v {
        Value::Null => {
            if verb == 'v' || depth > 0 {
                sp.pad_with(out, "<nil>", false);
            } else {
                bad_verb(out, verb, v)?;
            }
        }
        Value::Bool(b) => match verb {
            't' | 'v' => sp.pad_with(out, if *b { "true" } else { "false" }, false),
            _ => bad_verb(out, verb, v)?,
        },
        Value::Number(n) => match num_kind(n) {
            NumK::Int(_) | NumK::Uint(_) if matches!(verb, 'b' | 'c' | 'd' | 'o' | 'O' | 'q' | 'x' | 'X' | 'U' | 'v') => {
                let (neg, u) = match num_kind(n) {
                    NumK::Int(i) => (i < 0, i.unsigned_abs()),
                    NumK::Uint(u) => (false, u),
                    NumK::Float(_) => (false, 0),
                };
                fmt_integer(out, neg, u, if verb == 'v' { 'd' } else { verb }, sp);
            }
            NumK::Float(f) if matches!(verb, 'v' | 'g' | 'G' | 'e' | 'E' | 'f' | 'F') => fmt_float_verb(out, f, verb, sp),
            _ => bad_verb(out, verb, v)?,
        },
        Value::String(s) => match verb {
            'v' if sp.sharp => sp.pad(out, &go_quote(s)),
            'v' | 's' => {
                let t: Cow<str> = match sp.prec {
                    Some(p) => Cow::Owned(s.chars().take(p).collect()),
                    None => Cow::Borrowed(s.as_str()),
                };
                sp.pad(out, &t);
            }
            'q' => {
                let t: String = match sp.prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s.clone(),
                };
                if sp.sharp && can_backquote(&t) {
                    sp.pad(out, &format!("`{t}`"));
                } else {
                    sp.pad(out, &go_quote(&t));
                }
            }
            'x' | 'X' => {
                let mut h = String::new();
                let bytes = s.as_bytes();
                let n = sp.prec.map_or(bytes.len(), |p| p.min(bytes.len()));
                for (i, b) in bytes[..n].iter().enumerate() {
                    if sp.space && i > 0 {
                        h.push(' ');
                    }
                    if sp.sharp && (sp.space || i == 0) {
                        h.push_str(if verb == 'x' { "0x" } else { "0X" });
                    }
                    if verb == 'x' {
                        h.push_str(&format!("{:02x}", b));
                    } else {
                        h.push_str(&format!("{:02X}", b));
                    }
                }
                sp.pad(out, &h);
            }
            _ => bad_verb(out, verb, v)?,
        },
        Value::Array(a) => {
            if verb == 'v' && sp.sharp {
                out.push_str("[]interface {}");
            }
            fmt_list(out, a, &GoType::Json, verb, sp, depth)?;
        }
        Value::Object(m) => {
            if verb == 'v' && sp.sharp {
                out.push_str("map[string]interface {}{");
                for (i, (k, e)) in sorted_entries(m).into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&go_quote(k));
                    out.push(':');
                    fmt_arg(out, e, &GoType::Json, verb, sp, depth + 1)?;
                }
                out.push('}');
            } else {
                out.push_str("map[");
                for (i, (k, e)) in sorted_entries(m).into_iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    fmt_arg(out, &Value::String(k.clone()), &GoType::Json, verb, sp, depth + 1)?;
                    out.push(':');
                    fmt_arg(out, e, &GoType::Json, verb, sp, depth + 1)?;
                }
                out.push(']');
            }
        }
    }
    Ok(())
}

/// The elements of a slice: `[a b]`, or `{a, b}` after `%#v`'s type name.
fn fmt_list(out: &mut String, items: &[Value], elem: &GoType, verb: char, sp: &Spec, depth: usize) -> Result<(), TooDeep> {
    let sharp_v = verb == 'v' && sp.sharp;
    out.push(if sharp_v { '{' } else { '[' });
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if sharp_v { ", " } else { " " });
        }
        if let GoType::Ptr(_) = elem {
            // An element is never at the top level: its address.
            fmt_pointer(out, e, elem, verb, sp, i)?;
            continue;
        }
        fmt_arg(out, e, elem, verb, sp, depth + 1)?;
    }
    out.push(if sharp_v { '}' } else { ']' });
    Ok(())
}

/// The address of the `i`th pointer of a value. Go prints the real heap
/// address (`0xc0001b6050`), different on every run; baleine prints a fixed
/// fake one, one per entry, 0x50 apart like Go's 80-byte size class of a
/// `HealthcheckResult`: `0xc000124000`, `0xc000124050`, ...
fn fake_addr(i: usize) -> u64 {
    0xc000124000 + 0x50 * (i as u64 % 0x1000)
}

/// fmt's `fmtPointer` (a pointer inside another value, or `%p`): the
/// address, `<nil>`, `(*T)(0xc...)` with `%#v`, a number with b/o/d/x/X.
fn fmt_pointer(out: &mut String, v: &Value, ty: &GoType, verb: char, sp: &Spec, i: usize) -> Result<(), TooDeep> {
    let u = if v.is_null() { 0 } else { fake_addr(i) };
    match verb {
        'v' if sp.sharp => {
            let a = if u == 0 { "nil".to_string() } else { format!("{u:#x}") };
            out.push_str(&format!("({})({a})", ty.name(v)));
        }
        'v' if u == 0 => sp.pad_with(out, "<nil>", false),
        'v' | 'p' => sp.pad(out, &if sp.sharp && verb == 'p' { format!("{u:x}") } else { format!("{u:#x}") }),
        'b' | 'o' | 'd' | 'x' | 'X' => fmt_integer(out, false, u, verb, sp),
        _ => {
            // badVerb: `%!s(*T=` and the pointer printed with `%v` at the top.
            out.push_str("%!");
            out.push(verb);
            out.push('(');
            out.push_str(&ty.name(v));
            out.push('=');
            fmt_arg(out, v, ty, 'v', &Spec::default(), 0)?;
            out.push(')');
        }
    }
    Ok(())
}

/// The parts of an RFC 3339 time (`2024-03-15T10:25:00.5Z`): date, clock,
/// fraction digits, zone offset in minutes.
fn parse_rfc3339(s: &str) -> Option<(&str, &str, &str, Option<i32>)> {
    let (date, rest) = s.split_once('T')?;
    let (clock_frac, off) = if let Some(c) = rest.strip_suffix('Z') {
        (c, None)
    } else {
        let k = rest.rfind(['+', '-'])?;
        let (c, z) = rest.split_at(k);
        let (h, m) = z[1..].split_once(':')?;
        let mins = h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?;
        (c, Some(if z.starts_with('-') { -mins } else { mins }))
    };
    let (clock, frac) = clock_frac.split_once('.').unwrap_or((clock_frac, ""));
    let ok = date.len() == 10 && clock.len() == 8 && frac.len() <= 9 && frac.bytes().all(|b| b.is_ascii_digit());
    ok.then_some((date, clock, frac, off))
}

/// Go's `Time.String()` of a decoded JSON time: `2006-01-02 15:04:05.999999999 -0700 MST`.
/// A `Z` time is UTC; another offset decodes to an unnamed fixed zone, whose
/// name prints as the offset (`+0100 +0100`).
fn go_time_string(s: &str) -> String {
    let Some((date, clock, frac, off)) = parse_rfc3339(s) else { return s.to_string() };
    let frac = frac.trim_end_matches('0');
    let frac = if frac.is_empty() { String::new() } else { format!(".{frac}") };
    match off {
        None => format!("{date} {clock}{frac} +0000 UTC"),
        Some(m) => {
            let z = format!("{}{:02}{:02}", if m < 0 { '-' } else { '+' }, m.abs() / 60, m.abs() % 60);
            format!("{date} {clock}{frac} {z} {z}")
        }
    }
}

/// Go's `Time.GoString()` (`%#v`) of a UTC time:
/// `time.Date(2024, time.March, 15, 10, 25, 0, 500000000, time.UTC)`.
fn go_time_gostring(s: &str) -> String {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let Some((date, clock, frac, None)) = parse_rfc3339(s) else { return go_quote(&go_time_string(s)) };
    let num = |t: &str| t.parse::<u32>().unwrap_or(0);
    let month = MONTHS.get((num(&date[5..7]) as usize).wrapping_sub(1)).unwrap_or(&"January");
    let nanos = if frac.is_empty() { 0 } else { num(&format!("{frac:0<9}")) };
    format!("time.Date({}, time.{month}, {}, {}, {}, {}, {nanos}, time.UTC)", num(&date[..4]), num(&date[8..10]), num(&clock[..2]), num(&clock[3..5]), num(&clock[6..8]))
}

/// A struct (fmt printValue): `{v1 v2}`, `{F1:v1 F2:v2}` with `%+v`,
/// `pkg.T{F1:v1, F2:v2}` with `%#v`; a field the JSON omits is its zero value.
fn fmt_struct(out: &mut String, name: &str, fields: &[(&str, GoType)], m: &Map<String, Value>, verb: char, sp: &Spec, depth: usize) -> Result<(), TooDeep> {
    let sharp_v = verb == 'v' && sp.sharp;
    if sharp_v {
        out.push_str(name);
    }
    out.push('{');
    for (i, (field, fty)) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(if sharp_v { ", " } else { " " });
        }
        if sharp_v || sp.plus_v {
            out.push_str(field);
            out.push(':');
        }
        match m.get(*field) {
            Some(x) => fmt_arg(out, x, fty, verb, sp, depth + 1)?,
            None => fmt_arg(out, &fty.zero(), fty, verb, sp, depth + 1)?,
        }
    }
    out.push('}');
    Ok(())
}

/// Go's `fmt.Sprintf` over typed operands.
fn sprintf(format: &str, args: &[Operand]) -> Result<String, TooDeep> {
    let mut out = String::new();
    let mut argi = 0usize;
    let mut it = format.chars().peekable();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut sp = Spec::default();
        while let Some(&f) = it.peek() {
            match f {
                '-' => sp.minus = true,
                '+' => sp.plus = true,
                '#' => sp.sharp = true,
                ' ' => sp.space = true,
                '0' => sp.zero = true,
                _ => break,
            }
            it.next();
        }
        // Width.
        if it.peek() == Some(&'*') {
            it.next();
            match args.get(argi).and_then(|a| a.0.as_i64()) {
                Some(w) => {
                    argi += 1;
                    if w < 0 {
                        sp.minus = true;
                    }
                    sp.width = Some(w.unsigned_abs().min(MAX_OUTPUT as u64) as usize);
                }
                None => {
                    argi += 1;
                    out.push_str("%!(BADWIDTH)");
                }
            }
        } else {
            let mut w: Option<usize> = None;
            while let Some(&d) = it.peek() {
                let Some(dv) = d.to_digit(10) else { break };
                w = Some(w.unwrap_or(0).saturating_mul(10).saturating_add(dv as usize).min(MAX_OUTPUT));
                it.next();
            }
            sp.width = w;
        }
        // Precision.
        if it.peek() == Some(&'.') {
            it.next();
            if it.peek() == Some(&'*') {
                it.next();
                match args.get(argi).and_then(|a| a.0.as_i64()) {
                    Some(p) => {
                        argi += 1;
                        sp.prec = if p < 0 { None } else { Some(p.min(MAX_OUTPUT as i64) as usize) };
                    }
                    None => {
                        argi += 1;
                        out.push_str("%!(BADPREC)");
                    }
                }
            } else {
                let mut p = 0usize;
                while let Some(&d) = it.peek() {
                    let Some(dv) = d.to_digit(10) else { break };
                    p = p.saturating_mul(10).saturating_add(dv as usize).min(MAX_OUTPUT);
                    it.next();
                }
                sp.prec = Some(p);
            }
        }
        if sp.minus {
            sp.zero = false;
        }
        let Some(verb) = it.next() else {
            out.push_str("%!(NOVERB)");
            break;
        };
        if verb == '%' {
            out.push('%');
            continue;
        }
        if verb == 'v' {
            sp.plus_v = sp.plus;
            sp.plus = false;
        }
        let Some(arg) = args.get(argi) else {
            out.push_str("%!");
            out.push(verb);
            out.push_str("(MISSING)");
            continue;
        };
        argi += 1;
        let (v, ty) = arg;
        if verb == 'T' {
            sp.pad_with(&mut out, &if is_nil(arg) { "<nil>".to_string() } else { ty.name(v) }, false);
            continue;
        }
        fmt_arg(&mut out, v, ty, verb, &sp, 0)?;
        if out.len() > MAX_OUTPUT {
            return Err(TooDeep);
        }
    }
    if argi < args.len() {
        out.push_str("%!(EXTRA ");
        for (i, a) in args[argi..].iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if is_nil(a) {
                out.push_str("<nil>");
            } else {
                out.push_str(&a.1.name(&a.0));
                out.push('=');
                write_v(&mut out, &a.0, a.1, 0)?;
            }
        }
        out.push(')');
    }
    Ok(out)
}

/// A nil `interface {}` operand (a typed nil slice is not one).
fn is_nil((v, ty): &Operand) -> bool {
    v.is_null() && ty.is_json()
}

// ---------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------

/// Control flow out of a walk: an execution error, or `{{break}}` /
/// `{{continue}}` unwinding to the enclosing range.
enum Ctl {
    Err(String),
    Break,
    Continue,
}

type R<T> = Result<T, Ctl>;

/// The node execution is at, for error messages (Go's `state.at`).
#[derive(Clone, Copy)]
enum At<'a> {
    None,
    Arg(&'a Arg),
    Cmd(&'a Cmd),
    Pipe(&'a Pipe),
    Action(&'a Pipe),
}

/// Parameter types of template functions (how Go converts arguments).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Ty {
    /// Chain receivers: no conversion at all.
    Untyped,
    /// `interface{}`: a missing value becomes nil.
    Any,
    /// `reflect.Value`: a missing value stays missing.
    RValue,
    Str,
    Int,
    StrSlice,
}

impl Ty {
    fn go_name(self) -> &'static str {
        match self {
            Ty::Str => "string",
            Ty::Int => "int",
            Ty::StrSlice => "[]string",
            Ty::RValue => "reflect.Value",
            Ty::Any | Ty::Untyped => "interface {}",
        }
    }
}

/// (fixed parameters, variadic element type) of a function.
fn signature(name: &str, header: bool) -> (&'static [Ty], Option<Ty>) {
    use Ty::*;
    match name {
        "and" | "or" | "index" | "slice" | "eq" | "call" => (&[RValue], Some(RValue)),
        "not" | "len" => (&[RValue], None),
        "ne" | "lt" | "le" | "gt" | "ge" => (&[RValue, RValue], None),
        "print" | "println" | "html" | "js" | "urlquery" => (&[], Some(Any)),
        "printf" => (&[Str], Some(Any)),
        "json" if header => (&[Str], None),
        "json" => (&[Any], None),
        "split" => (&[Str, Str], None),
        "join" if header => (&[Str, Str], None),
        "join" => (&[StrSlice, Str], None),
        "title" | "lower" | "upper" => (&[Str], None),
        "pad" => (&[Str, Int, Int], None),
        "truncate" => (&[Str, Int], None),
        _ => (&[], None),
    }
}

struct Exec<'a> {
    src: &'a str,
    vars: Vec<(&'a str, V<'a>)>,
    at: At<'a>,
    out: String,
    header: bool,
    missing_key_error: bool,
    steps: u64,
}

fn location(src: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(src.len());
    let text = &src.as_bytes()[..pos];
    let line = 1 + text.iter().filter(|&&b| b == b'\n').count();
    let col = match text.iter().rposition(|&b| b == b'\n') {
        Some(i) => pos - (i + 1),
        None => pos,
    };
    (line, col)
}

impl<'a> Exec<'a> {
    fn errorf(&self, msg: impl AsRef<str>) -> Ctl {
        let msg = msg.as_ref();
        let (pos, ctx) = match self.at {
            At::None => return Ctl::Err(format!("template: : {msg}")),
            At::Arg(a) => (a.pos(), a.string()),
            At::Cmd(c) => {
                let mut s = String::new();
                c.write(&mut s);
                (c.pos, s)
            }
            At::Pipe(p) => {
                let mut s = String::new();
                p.write(&mut s);
                (p.pos, s)
            }
            At::Action(p) => {
                let mut s = String::from("{{");
                p.write(&mut s);
                s.push_str("}}");
                (p.pos, s)
            }
        };
        let (line, col) = location(self.src, pos);
        Ctl::Err(format!("template: :{line}:{col}: executing \"\" at <{ctx}>: {msg}"))
    }

    fn step(&mut self) -> R<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(Ctl::Err("template: execution step limit exceeded".into()));
        }
        Ok(())
    }

    fn check_output(&self) -> R<()> {
        if self.out.len() > MAX_OUTPUT {
            return Err(Ctl::Err("template: output too large".into()));
        }
        Ok(())
    }

    fn too_deep(&self) -> Ctl {
        self.errorf("value nested too deeply")
    }

    fn var_value(&self, name: &str) -> R<V<'a>> {
        match self.vars.iter().rev().find(|(n, _)| *n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(self.errorf(format!("undefined variable: {name}"))),
        }
    }

    fn set_var(&mut self, name: &str, v: V<'a>) -> R<()> {
        match self.vars.iter_mut().rev().find(|(n, _)| *n == name) {
            Some(slot) => {
                slot.1 = v;
                Ok(())
            }
            None => Err(self.errorf(format!("undefined variable: {name}"))),
        }
    }

    fn set_top_var(&mut self, n: usize, v: V<'a>) {
        let len = self.vars.len();
        if len >= n {
            self.vars[len - n].1 = v;
        }
    }

    // -- walk --------------------------------------------------------------

    fn walk(&mut self, dot: &V<'a>, nodes: &'a [Node]) -> R<()> {
        for n in nodes {
            self.step()?;
            match n {
                Node::Text(s) => {
                    self.out.push_str(s);
                    self.check_output()?;
                }
                Node::Action(pipe) => {
                    self.at = At::Action(pipe);
                    let v = self.eval_pipeline(dot, pipe)?;
                    if pipe.decl.is_empty() {
                        self.print_value(&v)?;
                    }
                }
                Node::If(b) => self.walk_if_with(false, dot, b)?,
                Node::With(b) => self.walk_if_with(true, dot, b)?,
                Node::Range(b) => self.walk_range(dot, b)?,
                Node::Break => return Err(Ctl::Break),
                Node::Continue => return Err(Ctl::Continue),
            }
        }
        Ok(())
    }

    fn print_value(&mut self, v: &V<'a>) -> R<()> {
        match v.get() {
            None => self.out.push_str("<no value>"),
            Some(x) => {
                let mut s = String::new();
                // printableValue: a non-nil pointer prints as what it points
                // to (`{...}`, not `&{...}`); a nil one as `<nil>`.
                let ty = if x.is_null() { v.go_type() } else { v.go_type().pointee() };
                if write_v(&mut s, x, ty, 0).is_err() {
                    return Err(self.too_deep());
                }
                self.out.push_str(&s);
            }
        }
        self.check_output()
    }

    fn walk_if_with(&mut self, with: bool, dot: &V<'a>, b: &'a Branch) -> R<()> {
        let mark = self.vars.len();
        let r = (|| {
            let val = self.eval_pipeline(dot, &b.pipe)?;
            if truth(&val) {
                if with {
                    self.walk(&val, &b.list)
                } else {
                    self.walk(dot, &b.list)
                }
            } else if let Some(e) = &b.else_list {
                self.walk(dot, e)
            } else {
                Ok(())
            }
        })();
        self.vars.truncate(mark);
        r
    }

    fn walk_range(&mut self, dot: &V<'a>, b: &'a Branch) -> R<()> {
        let mark = self.vars.len();
        let r = self.walk_range_inner(dot, b);
        self.vars.truncate(mark);
        r
    }

    /// One range iteration; `Ok(false)` means `{{break}}`.
    fn range_iteration(&mut self, b: &'a Branch, index: V<'a>, elem: V<'a>) -> R<bool> {
        self.step()?;
        let inner = self.vars.len();
        let decl = &b.pipe.decl;
        if !decl.is_empty() {
            if b.pipe.is_assign {
                if decl.len() > 1 {
                    self.set_var(&decl[0], index.clone())?;
                } else {
                    self.set_var(&decl[0], elem.clone())?;
                }
            } else {
                self.set_top_var(1, elem.clone());
            }
        }
        if decl.len() > 1 {
            if b.pipe.is_assign {
                self.set_var(&decl[1], elem.clone())?;
            } else {
                self.set_top_var(2, index);
            }
        }
        let r = self.walk(&elem, &b.list);
        self.vars.truncate(inner);
        match r {
            Ok(()) | Err(Ctl::Continue) => Ok(true),
            Err(Ctl::Break) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn walk_range_inner(&mut self, dot: &V<'a>, b: &'a Branch) -> R<()> {
        let val = self.eval_pipeline(dot, &b.pipe)?;
        let ran = match val {
            V::Missing => false,
            V::Val(Cow::Borrowed(r), ty) => self.range_over(b, r, ty.elem())?,
            V::Val(Cow::Owned(o), ty) => self.range_over_owned(b, o, ty.elem())?,
        };
        if !ran {
            if let Some(e) = &b.else_list {
                self.walk(dot, e)?;
            }
        }
        Ok(())
    }

    /// Ranges over a borrowed value (a slice's elements are of type `elem`);
    /// returns whether the body ran.
    fn range_over(&mut self, b: &'a Branch, v: &'a Value, elem: &'static GoType) -> R<bool> {
        match v {
            Value::Null => Ok(false),
            Value::Array(a) => {
                if a.is_empty() {
                    return Ok(false);
                }
                for (i, e) in a.iter().enumerate() {
                    if !self.range_iteration(b, V::int(i as i64), V::Val(Cow::Borrowed(e), elem))? {
                        break;
                    }
                }
                Ok(true)
            }
            Value::Object(m) => {
                if m.is_empty() {
                    return Ok(false);
                }
                for (k, e) in sorted_entries(m) {
                    if !self.range_iteration(b, V::str(k.clone()), V::Val(Cow::Borrowed(e), elem))? {
                        break;
                    }
                }
                Ok(true)
            }
            other => self.range_scalar(b, other),
        }
    }

    fn range_over_owned(&mut self, b: &'a Branch, v: Value, elem: &'static GoType) -> R<bool> {
        match v {
            Value::Null => Ok(false),
            Value::Array(a) => {
                if a.is_empty() {
                    return Ok(false);
                }
                for (i, e) in a.into_iter().enumerate() {
                    if !self.range_iteration(b, V::int(i as i64), V::Val(Cow::Owned(e), elem))? {
                        break;
                    }
                }
                Ok(true)
            }
            Value::Object(m) => {
                if m.is_empty() {
                    return Ok(false);
                }
                let mut entries: Vec<(String, Value)> = m.into_iter().collect();
                baleine_util::sort_by(&mut entries, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
                for (k, e) in entries {
                    if !self.range_iteration(b, V::str(k), V::Val(Cow::Owned(e), elem))? {
                        break;
                    }
                }
                Ok(true)
            }
            other => self.range_scalar(b, &other),
        }
    }

    /// Range over an integer (Go 1.22+), or an error for other scalars.
    fn range_scalar(&mut self, b: &'a Branch, v: &Value) -> R<bool> {
        let n = match v {
            Value::Number(n) => match num_kind(n) {
                NumK::Int(i) => Some(i),
                NumK::Uint(u) => Some(i64::try_from(u).unwrap_or(i64::MAX)),
                NumK::Float(_) => None,
            },
            _ => None,
        };
        let mut shown = String::new();
        let _ = write_v(&mut shown, v, &GoType::Json, 0);
        let Some(n) = n else {
            return Err(self.errorf(format!("range can't iterate over {shown}")));
        };
        if b.pipe.decl.len() > 1 {
            return Err(self.errorf(format!("can't use {shown} to iterate over more than one variable")));
        }
        if n <= 0 {
            return Ok(false);
        }
        for i in 0..n {
            if !self.range_iteration(b, V::int(i), V::int(i))? {
                break;
            }
        }
        Ok(true)
    }

    // -- evaluation ----------------------------------------------------------

    fn eval_pipeline(&mut self, dot: &V<'a>, pipe: &'a Pipe) -> R<V<'a>> {
        self.at = At::Pipe(pipe);
        let mut value: Option<V<'a>> = None;
        for cmd in &pipe.cmds {
            value = Some(self.eval_command(dot, cmd, value.take())?);
        }
        let value = value.unwrap_or(V::Missing);
        for name in &pipe.decl {
            if pipe.is_assign {
                self.set_var(name, value.clone())?;
            } else {
                self.vars.push((name.as_str(), value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &'a [Arg], nargs: usize, has_final: bool) -> R<()> {
        if nargs > 1 || has_final {
            let first = args.first().map(Arg::string).unwrap_or_default();
            return Err(self.errorf(format!("can't give argument to non-function {first}")));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &V<'a>, cmd: &'a Cmd, fin: Option<V<'a>>) -> R<V<'a>> {
        self.step()?;
        let Some(first) = cmd.args.first() else {
            return Err(self.errorf("empty command"));
        };
        let nargs = cmd.args.len();
        match first {
            // docker/cli's list contexts (containers, networks, volumes) have
            // a `Label NAME` method: the label's value, "" when unset.
            Arg::Field(_, idents) if nargs == 2 && fin.is_none() && idents.last().is_some_and(|l| l == "Label") => {
                if let Some(v) = self.label_method(dot, first, idents, &cmd.args[1])? {
                    return Ok(v);
                }
                return self.eval_field_node(dot, first, idents, nargs, fin);
            }
            Arg::Field(_, idents) => return self.eval_field_node(dot, first, idents, nargs, fin),
            Arg::Chain(..) => return self.eval_chain_node(dot, first, nargs, fin),
            Arg::Ident(_, name) => return self.eval_function(dot, first, At::Cmd(cmd), name, &cmd.args[1..], fin),
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, nargs, fin.is_some())?;
                return self.eval_pipeline(dot, p);
            }
            Arg::Var(..) => return self.eval_variable_node(dot, first, &cmd.args, nargs, fin),
            _ => {}
        }
        self.at = At::Arg(first);
        self.not_a_function(&cmd.args, nargs, fin.is_some())?;
        match first {
            Arg::Bool(_, b) => Ok(V::bool(*b)),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Err(self.errorf("nil is not a command")),
            Arg::Num(..) => self.ideal_constant(first),
            Arg::Str(_, _, s) => Ok(V::str(s.clone())),
            _ => Err(self.errorf(format!("can't evaluate command {}", go_quote(&first.string())))),
        }
    }

    /// `.Label "name"` on a row whose `Labels` is docker/cli's
    /// "k=v,k2=v2" text; `None` when the receiver is not such a row.
    fn label_method(&mut self, dot: &V<'a>, node: &'a Arg, idents: &'a [String], arg: &'a Arg) -> R<Option<V<'a>>> {
        self.at = At::Arg(node);
        let recv = if idents.len() > 1 { self.eval_field_chain(dot.clone(), &idents[..idents.len() - 1], 0, false)? } else { dot.clone() };
        let labels = match recv.get() {
            Some(Value::Object(m)) if !m.contains_key("Label") => match m.get("Labels") {
                Some(Value::String(t)) => t.clone(),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        let key = match self.eval_arg(dot, Ty::Untyped, arg)?.get() {
            Some(Value::String(k)) => k.clone(),
            _ => return Ok(None),
        };
        let value = labels.split(',').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == key).map(|(_, v)| v.to_string()).unwrap_or_default();
        Ok(Some(V::str(value)))
    }

    fn ideal_constant(&mut self, node: &'a Arg) -> R<V<'a>> {
        self.at = At::Arg(node);
        let Arg::Num(_, n) = node else { return Ok(V::Missing) };
        let t = n.text.as_bytes();
        let is_hex_int = t.len() > 2 && t[0] == b'0' && (t[1] == b'x' || t[1] == b'X') && !n.text.contains(['p', 'P']);
        let is_rune = n.text.starts_with('\'');
        if n.is_float && !is_hex_int && !is_rune && n.text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Ok(match Number::from_f64(n.float) {
                Some(x) => V::owned(Value::Number(x)),
                None => V::Missing,
            });
        }
        if n.is_int {
            return Ok(V::int(n.int));
        }
        if n.is_uint {
            return Err(self.errorf(format!("{} overflows int", n.text)));
        }
        Ok(V::Missing)
    }

    fn eval_field_node(&mut self, dot: &V<'a>, node: &'a Arg, idents: &'a [String], nargs: usize, fin: Option<V<'a>>) -> R<V<'a>> {
        self.at = At::Arg(node);
        self.eval_field_chain(dot.clone(), idents, nargs, fin.is_some())
    }

    fn eval_chain_node(&mut self, dot: &V<'a>, node: &'a Arg, nargs: usize, fin: Option<V<'a>>) -> R<V<'a>> {
        self.at = At::Arg(node);
        let Arg::Chain(_, inner, fields) = node else { return Ok(V::Missing) };
        if fields.is_empty() {
            return Err(self.errorf("internal error: no fields in evalChainNode"));
        }
        if let Arg::Nil(_) = **inner {
            return Err(self.errorf(format!("indirection through explicit nil in {}", node.string())));
        }
        let recv = self.eval_arg(dot, Ty::Untyped, inner)?;
        self.eval_field_chain(recv, fields, nargs, fin.is_some())
    }

    fn eval_variable_node(&mut self, _dot: &V<'a>, node: &'a Arg, args: &'a [Arg], nargs: usize, fin: Option<V<'a>>) -> R<V<'a>> {
        self.at = At::Arg(node);
        let Arg::Var(_, idents) = node else { return Ok(V::Missing) };
        let value = self.var_value(&idents[0])?;
        if idents.len() == 1 {
            self.not_a_function(args, nargs, fin.is_some())?;
            return Ok(value);
        }
        self.eval_field_chain(value, &idents[1..], nargs, fin.is_some())
    }

    fn eval_field_chain(&mut self, mut recv: V<'a>, idents: &'a [String], nargs: usize, has_final: bool) -> R<V<'a>> {
        let n = idents.len();
        for (i, name) in idents.iter().enumerate() {
            let last = i + 1 == n;
            recv = if last { self.eval_field(name, nargs, has_final, recv)? } else { self.eval_field(name, 0, false, recv)? };
        }
        Ok(recv)
    }

    fn eval_field(&mut self, name: &str, nargs: usize, has_final: bool, recv: V<'a>) -> R<V<'a>> {
        let (c, ty) = match recv {
            V::Missing => {
                if self.missing_key_error {
                    return Err(self.errorf(format!("nil data; no entry for key {}", go_quote(name))));
                }
                return Ok(V::Missing);
            }
            V::Val(c, ty) => (c, ty),
        };
        let fty = ty.field(name);
        if let (GoType::Ptr(_), Value::Null) = (ty, c.as_ref()) {
            return Err(self.errorf(format!("nil pointer evaluating {}.{name}", ty.name(&Value::Null))));
        }
        let found = match c {
            Cow::Borrowed(v) => match v {
                Value::Object(m) => {
                    if nargs > 1 || has_final {
                        return Err(self.errorf(format!("{name} is not a method but has arguments")));
                    }
                    m.get(name).map(|x| V::Val(Cow::Borrowed(x), fty.unwrap_or(&GoType::Json)))
                }
                other => return Err(self.field_error(name, other)),
            },
            Cow::Owned(v) => match v {
                Value::Object(mut m) => {
                    if nargs > 1 || has_final {
                        return Err(self.errorf(format!("{name} is not a method but has arguments")));
                    }
                    m.remove(name).map(|x| V::Val(Cow::Owned(x), fty.unwrap_or(&GoType::Json)))
                }
                other => return Err(self.field_error(name, &other)),
            },
        };
        // A struct's field that its JSON omits (omitempty) is its zero value.
        let found = found.or_else(|| match (ty.pointee(), fty) {
            (GoType::Struct(..) | GoType::Partial(_), Some(t)) => Some(V::Val(Cow::Owned(t.zero()), t)),
            _ => None,
        });
        match found {
            Some(v) => Ok(v),
            None if self.missing_key_error => Err(self.errorf(format!("map has no entry for key {}", go_quote(name)))),
            // A Go struct has no such field (a Partial struct's JSON holds
            // every field it has): an error, where a map gives <no value>.
            None if matches!(ty.pointee(), GoType::Struct(..) | GoType::Partial(_)) => Err(self.errorf(format!("can't evaluate field {name} in type {}", ty.name(&Value::Null)))),
            None => Ok(V::Missing),
        }
    }

    fn field_error(&self, name: &str, v: &Value) -> Ctl {
        if v.is_null() {
            return self.errorf(format!("nil pointer evaluating interface {{}}.{name}"));
        }
        self.errorf(format!("can't evaluate field {name} in type {}", go_type(v)))
    }

    fn validate_type(&self, v: V<'a>, ty: Ty) -> R<V<'a>> {
        let x = match v.get() {
            None => {
                return match ty {
                    Ty::Untyped | Ty::RValue => Ok(V::Missing),
                    Ty::Any | Ty::StrSlice => Ok(V::null()),
                    Ty::Str | Ty::Int => Err(self.errorf(format!("invalid value; expected {}", ty.go_name()))),
                };
            }
            Some(x) => x,
        };
        let ok = match ty {
            Ty::Untyped | Ty::Any | Ty::RValue => true,
            Ty::Str => x.is_string(),
            Ty::Int => x.as_i64().is_some(),
            Ty::StrSlice => x.is_null() || x.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
        };
        if !ok {
            let got = if ty == Ty::StrSlice && x.is_array() { "[]interface {}".to_string() } else { go_type(x) };
            return Err(self.errorf(format!("wrong type for value; expected {}; got {}", ty.go_name(), got)));
        }
        Ok(v)
    }

    fn eval_arg(&mut self, dot: &V<'a>, ty: Ty, n: &'a Arg) -> R<V<'a>> {
        self.at = At::Arg(n);
        match n {
            Arg::Dot(_) => return self.validate_type(dot.clone(), ty),
            Arg::Nil(_) => {
                return match ty {
                    Ty::Untyped | Ty::RValue => Ok(V::Missing),
                    Ty::Any | Ty::StrSlice => Ok(V::null()),
                    Ty::Str | Ty::Int => Err(self.errorf(format!("cannot assign nil to {}", ty.go_name()))),
                };
            }
            Arg::Field(_, idents) => {
                let v = self.eval_field_node(dot, n, idents, 1, None)?;
                return self.validate_type(v, ty);
            }
            Arg::Var(..) => {
                let v = self.eval_variable_node(dot, n, &[], 0, None)?;
                return self.validate_type(v, ty);
            }
            Arg::Pipe(p) => {
                let v = self.eval_pipeline(dot, p)?;
                return self.validate_type(v, ty);
            }
            Arg::Ident(_, name) => {
                let v = self.eval_function(dot, n, At::Arg(n), name, &[], None)?;
                return self.validate_type(v, ty);
            }
            Arg::Chain(..) => {
                let v = self.eval_chain_node(dot, n, 0, None)?;
                return self.validate_type(v, ty);
            }
            _ => {}
        }
        match ty {
            Ty::Str => match n {
                Arg::Str(_, _, s) => Ok(V::str(s.clone())),
                _ => Err(self.errorf(format!("expected string; found {}", n.string()))),
            },
            Ty::Int => match n {
                Arg::Num(_, num) if num.is_int => Ok(V::int(num.int)),
                _ => Err(self.errorf(format!("expected integer; found {}", n.string()))),
            },
            Ty::StrSlice => Err(self.errorf(format!("can't handle {} for arg of type []string", n.string()))),
            Ty::Any | Ty::RValue | Ty::Untyped => match n {
                Arg::Bool(_, b) => Ok(V::bool(*b)),
                Arg::Num(..) => self.ideal_constant(n),
                Arg::Str(_, _, s) => Ok(V::str(s.clone())),
                _ => Err(self.errorf(format!("can't handle assignment of {} to empty interface argument", n.string()))),
            },
        }
    }

    fn eval_function(&mut self, dot: &V<'a>, ident: &'a Arg, node: At<'a>, name: &'a str, args: &'a [Arg], fin: Option<V<'a>>) -> R<V<'a>> {
        self.at = At::Arg(ident);
        if !FUNCS.contains(&name) {
            return Err(self.errorf(format!("{} is not a defined function", go_quote(name))));
        }
        self.eval_call(dot, name, node, args, fin)
    }

    fn eval_call(&mut self, dot: &V<'a>, name: &'a str, node: At<'a>, args: &'a [Arg], fin: Option<V<'a>>) -> R<V<'a>> {
        let (fixed, variadic) = signature(name, self.header);
        let num_in = args.len() + usize::from(fin.is_some());
        if variadic.is_some() {
            if num_in < fixed.len() {
                return Err(self.errorf(format!("wrong number of args for {name}: want at least {} got {}", fixed.len(), args.len())));
            }
        } else if num_in != fixed.len() {
            return Err(self.errorf(format!("wrong number of args for {name}: want {} got {num_in}", fixed.len())));
        }
        if name == "and" || name == "or" {
            let mut v = V::Missing;
            for a in args {
                v = self.eval_arg(dot, Ty::RValue, a)?;
                if truth(&v) == (name == "or") {
                    return Ok(v);
                }
            }
            if let Some(f) = fin {
                v = self.validate_type(f, Ty::RValue)?;
            }
            return Ok(v);
        }
        let mut argv: Vec<V<'a>> = Vec::with_capacity(num_in);
        for (i, a) in args.iter().enumerate() {
            let ty = fixed.get(i).copied().or(variadic).unwrap_or(Ty::Any);
            argv.push(self.eval_arg(dot, ty, a)?);
        }
        if let Some(f) = fin {
            let ty = match variadic {
                Some(vt) => {
                    if num_in - 1 < fixed.len() {
                        fixed[num_in - 1]
                    } else {
                        vt
                    }
                }
                None => fixed.last().copied().unwrap_or(Ty::Any),
            };
            argv.push(self.validate_type(f, ty)?);
        }
        match self.call_builtin(name, argv, args) {
            Ok(v) => Ok(v),
            Err(e) => {
                self.at = node;
                Err(self.errorf(format!("error calling {name}: {e}")))
            }
        }
    }

    fn call_builtin(&mut self, name: &str, argv: Vec<V<'a>>, nodes: &'a [Arg]) -> Result<V<'a>, String> {
        let s = |i: usize| -> &str { argv.get(i).and_then(|v| v.get()).and_then(Value::as_str).unwrap_or("") };
        let int = |i: usize| -> i64 { argv.get(i).and_then(|v| v.get()).and_then(Value::as_i64).unwrap_or(0) };
        let deep = |_: TooDeep| "value nested too deeply".to_string();
        if self.header && matches!(name, "json" | "split" | "join" | "title" | "lower" | "upper" | "truncate") {
            return Ok(V::str(s(0)));
        }
        let arg0 = argv.first().cloned().unwrap_or(V::Missing);
        Ok(match name {
            "not" => V::bool(!truth(&arg0)),
            "len" => match arg0.get() {
                None => return Err("reflect: call of reflect.Value.Type on zero Value".into()),
                Some(Value::Null) => return Err("len of nil pointer".into()),
                Some(Value::String(x)) => V::int(x.len() as i64),
                Some(Value::Array(a)) => V::int(a.len() as i64),
                Some(Value::Object(m)) => V::int(m.len() as i64),
                Some(other) => return Err(format!("len of type {}", go_type(other))),
            },
            "index" => index(arg0, &argv[1..])?,
            "slice" => slice(&arg0, &argv[1..])?,
            "print" | "println" => V::str(sprint(&values(&argv), name == "println").map_err(deep)?),
            "printf" => V::str(sprintf(s(0), &values(&argv[1..])).map_err(deep)?),
            "html" | "js" | "urlquery" => {
                let text = eval_args(&argv).map_err(deep)?;
                V::str(match name {
                    "html" => html_escape(&text),
                    "js" => js_escape(&text),
                    _ => query_escape(&text),
                })
            }
            "eq" => V::bool(eq(&argv)?),
            "ne" => V::bool(!eq(&argv)?),
            "lt" => V::bool(lt(&argv[0], &argv[1])?),
            "le" => V::bool(le(&argv[0], &argv[1])?),
            "gt" => V::bool(!le(&argv[0], &argv[1])?),
            "ge" => V::bool(!lt(&argv[0], &argv[1])?),
            "call" => {
                return Err(match arg0.get() {
                    None => "call of nil".to_string(),
                    Some(v) => format!("non-function {} of type {}", nodes.first().map(Arg::string).unwrap_or_default(), go_type(v)),
                })
            }
            "json" => {
                let mut out = String::new();
                write_json(&mut out, arg0.get().unwrap_or(&Value::Null), 0).map_err(deep)?;
                V::str(out)
            }
            "split" => {
                let (x, sep) = (s(0), s(1));
                let parts: Vec<Value> = if sep.is_empty() {
                    x.chars().map(|c| Value::String(c.to_string())).collect()
                } else {
                    x.split(sep).map(|p| Value::String(p.to_string())).collect()
                };
                V::owned(Value::Array(parts))
            }
            "join" => {
                let items: Vec<&str> = arg0.get().and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
                V::str(items.join(s(1)))
            }
            "title" => V::str(go_title(s(0))),
            "lower" => V::str(s(0).chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect::<String>()),
            "upper" => V::str(
                s(0).chars()
                    .map(|c| {
                        let mut u = c.to_uppercase();
                        match (u.next(), u.next()) {
                            (Some(x), None) => x,
                            _ => c,
                        }
                    })
                    .collect::<String>(),
            ),
            "pad" => {
                let (src, pre, suf) = (s(0), int(1), int(2));
                if src.is_empty() {
                    V::str("")
                } else if pre < 0 || suf < 0 {
                    return Err("strings: negative Repeat count".into());
                } else if (pre as u64).saturating_add(suf as u64) > MAX_OUTPUT as u64 {
                    return Err("strings: Repeat output length overflow".into());
                } else {
                    V::str(format!("{}{}{}", " ".repeat(pre as usize), src, " ".repeat(suf as usize)))
                }
            }
            "truncate" => {
                let (src, n) = (s(0), int(1));
                if (src.len() as i64) < n {
                    V::str(src)
                } else if n < 0 {
                    return Err(format!("runtime error: slice bounds out of range [:{n}]"));
                } else {
                    V::str(String::from_utf8_lossy(&src.as_bytes()[..n as usize]).into_owned())
                }
            }
            _ => return Err(format!("{} is not a defined function", go_quote(name))),
        })
    }
}

/// Arguments of `...interface{}` functions as plain values.
fn values(argv: &[V]) -> Vec<Operand> {
    argv.iter().map(|v| (v.get().cloned().unwrap_or(Value::Null), v.go_type())).collect()
}

/// An operand of fmt's functions: a value and its Go type.
type Operand = (Value, &'static GoType);

/// Go's `fmt.Sprint` / `fmt.Sprintln`.
fn sprint(args: &[Operand], ln: bool) -> Result<String, TooDeep> {
    let mut out = String::new();
    let mut prev_string = false;
    for (i, (a, ty)) in args.iter().enumerate() {
        // A time.Time's JSON is a string; fmt sees a struct.
        let is_string = a.is_string() && !matches!(ty, GoType::Time);
        if i > 0 && (ln || (!is_string && !prev_string)) {
            out.push(' ');
        }
        write_v(&mut out, a, ty, 0)?;
        prev_string = is_string;
    }
    if ln {
        out.push('\n');
    }
    Ok(out)
}

/// text/template's `evalArgs` (used by html, js, urlquery).
fn eval_args(argv: &[V]) -> Result<String, TooDeep> {
    if let [one] = argv {
        if let Some(Value::String(s)) = one.get() {
            return Ok(s.clone());
        }
    }
    // printableValue: "<no value>" for a nil interface, a pointer's target.
    let vals: Vec<Operand> = values(argv)
        .into_iter()
        .map(|a| if is_nil(&a) { (Value::String("<no value>".into()), &GoType::Json) } else if a.0.is_null() { a } else { (a.0, a.1.pointee()) })
        .collect();
    sprint(&vals, false)
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn js_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c if !c.is_ascii() && !is_go_print(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{:02X}", b)),
        }
    }
    out
}

/// Go's (deprecated) `strings.Title`.
fn go_title(s: &str) -> String {
    let is_sep = |c: char| -> bool {
        if c.is_ascii() {
            return !(c.is_ascii_alphanumeric() || c == '_');
        }
        if c.is_alphabetic() || c.is_numeric() {
            return false;
        }
        c.is_whitespace()
    };
    let mut prev = ' ';
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_sep(prev) {
            let mut u = c.to_uppercase();
            match (u.next(), u.next()) {
                (Some(x), None) => out.push(x),
                _ => out.push(c),
            }
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// Comparison kinds (Go's `basicKind`).
#[derive(Clone, Copy)]
enum BK<'v> {
    Invalid,
    Other(&'v Value),
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(&'v str),
}

fn basic<'v>(v: &'v V) -> BK<'v> {
    match v.get() {
        None | Some(Value::Null) => BK::Invalid,
        Some(Value::Bool(b)) => BK::Bool(*b),
        Some(Value::Number(n)) => match num_kind(n) {
            NumK::Int(i) => BK::Int(i),
            NumK::Uint(u) => BK::Uint(u),
            NumK::Float(f) => BK::Float(f),
        },
        Some(Value::String(s)) => BK::Str(s),
        Some(x) => BK::Other(x),
    }
}

const ERR_BAD_COMPARISON: &str = "incompatible types for comparison";
const ERR_BAD_COMPARISON_TYPE: &str = "invalid type for comparison";

fn eq(args: &[V]) -> Result<bool, String> {
    let Some(first) = args.first() else {
        return Err("missing argument for comparison".into());
    };
    if args.len() < 2 {
        return Err("missing argument for comparison".into());
    }
    let k1 = basic(first);
    for a in &args[1..] {
        let k2 = basic(a);
        let t = match (k1, k2) {
            (BK::Bool(x), BK::Bool(y)) => x == y,
            (BK::Int(x), BK::Int(y)) => x == y,
            (BK::Uint(x), BK::Uint(y)) => x == y,
            (BK::Float(x), BK::Float(y)) => x == y,
            (BK::Str(x), BK::Str(y)) => x == y,
            (BK::Int(x), BK::Uint(y)) | (BK::Uint(y), BK::Int(x)) => x >= 0 && x as u64 == y,
            (BK::Invalid, BK::Invalid) => true,
            (BK::Invalid, _) | (_, BK::Invalid) => false,
            (BK::Other(x), BK::Other(y)) => {
                let mut sx = String::new();
                let _ = write_v(&mut sx, y, &GoType::Json, 0);
                if go_type(x) != go_type(y) && x.is_array() != y.is_array() {
                    let mut s1 = String::new();
                    let _ = write_v(&mut s1, x, &GoType::Json, 0);
                    return Err(format!("non-comparable types {s1}: {}, {}: {sx}", go_type(x), go_type(y)));
                }
                return Err(format!("non-comparable type {sx}: {}", go_type(y)));
            }
            _ => return Err(ERR_BAD_COMPARISON.into()),
        };
        if t {
            return Ok(true);
        }
    }
    Ok(false)
}

fn lt(a: &V, b: &V) -> Result<bool, String> {
    let k1 = basic(a);
    let k2 = basic(b);
    for k in [k1, k2] {
        if matches!(k, BK::Invalid | BK::Other(_)) {
            return Err(ERR_BAD_COMPARISON_TYPE.into());
        }
    }
    Ok(match (k1, k2) {
        (BK::Bool(_), BK::Bool(_)) => return Err(ERR_BAD_COMPARISON_TYPE.into()),
        (BK::Int(x), BK::Int(y)) => x < y,
        (BK::Uint(x), BK::Uint(y)) => x < y,
        (BK::Float(x), BK::Float(y)) => x < y,
        (BK::Str(x), BK::Str(y)) => x.as_bytes() < y.as_bytes(),
        (BK::Int(x), BK::Uint(y)) => x < 0 || (x as u64) < y,
        (BK::Uint(x), BK::Int(y)) => y >= 0 && x < y as u64,
        _ => return Err(ERR_BAD_COMPARISON.into()),
    })
}

fn le(a: &V, b: &V) -> Result<bool, String> {
    if lt(a, b)? {
        return Ok(true);
    }
    eq(&[a.clone(), b.clone()])
}

fn index_arg(i: &V, cap: usize) -> Result<usize, String> {
    let x: i64 = match i.get() {
        None | Some(Value::Null) => return Err("cannot index slice/array with nil".into()),
        Some(Value::Number(n)) => match num_kind(n) {
            NumK::Int(x) => x,
            NumK::Uint(u) => u as i64,
            NumK::Float(_) => return Err("cannot index slice/array with type float64".into()),
        },
        Some(other) => return Err(format!("cannot index slice/array with type {}", go_type(other))),
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}"));
    }
    Ok(x as usize)
}

/// Go's `index`. A missing key of a map whose values are all strings
/// yields "" (the zero value docker's `map[string]string` fields give);
/// otherwise a missing key yields no value.
fn index<'a>(item: V<'a>, indexes: &[V<'a>]) -> Result<V<'a>, String> {
    if item.get().is_none() {
        return Err("index of untyped nil".into());
    }
    let mut cur = item;
    for idx in indexes {
        let next = match &cur {
            V::Missing => return Err("index of nil pointer".into()),
            V::Val(c, ty) => {
                let key_str = |idx: &V| -> Result<String, String> {
                    match idx.get() {
                        None | Some(Value::Null) => Err("value is nil; should be of type string".into()),
                        Some(Value::String(s)) => Ok(s.clone()),
                        Some(o) => Err(format!("value has type {}; should be string", go_type(o))),
                    }
                };
                match c.as_ref() {
                    Value::Null => {
                        if idx.get().is_some_and(Value::is_string) {
                            V::str("")
                        } else {
                            let x = index_arg(idx, 0)?;
                            return Err(format!("index out of range: {x}"));
                        }
                    }
                    Value::Array(a) => {
                        let x = index_arg(idx, a.len())?;
                        if x >= a.len() {
                            return Err("reflect: slice index out of range".into());
                        }
                        match c {
                            Cow::Borrowed(Value::Array(b)) => V::Val(Cow::Borrowed(&b[x]), ty.elem()),
                            _ => V::Val(Cow::Owned(a[x].clone()), ty.elem()),
                        }
                    }
                    Value::String(s) => {
                        let x = index_arg(idx, s.len())?;
                        match s.as_bytes().get(x) {
                            Some(b) => V::int(*b as i64),
                            None => return Err("reflect: string index out of range".into()),
                        }
                    }
                    Value::Object(m) if matches!(ty.pointee(), GoType::Map(_)) => {
                        // A modelled map: its values keep their type; a
                        // missing key gives the element type's zero value.
                        let et = ty.pointee().elem();
                        let k = key_str(idx)?;
                        match c {
                            Cow::Borrowed(Value::Object(b)) => V::Val(b.get(&k).map_or_else(|| Cow::Owned(et.zero()), Cow::Borrowed), et),
                            _ => V::Val(Cow::Owned(m.get(&k).cloned().unwrap_or_else(|| et.zero())), et),
                        }
                    }
                    Value::Object(m) => {
                        let k = key_str(idx)?;
                        match c {
                            Cow::Borrowed(Value::Object(b)) => match b.get(&k) {
                                Some(x) => V::Val(Cow::Borrowed(x), &GoType::Json),
                                None if b.values().all(Value::is_string) => V::str(""),
                                None => V::Missing,
                            },
                            _ => match m.get(&k) {
                                Some(x) => V::owned(x.clone()),
                                None if m.values().all(Value::is_string) => V::str(""),
                                None => V::Missing,
                            },
                        }
                    }
                    other => return Err(format!("can't index item of type {}", go_type(other))),
                }
            }
        };
        cur = next;
    }
    Ok(cur)
}

/// Go's `slice`.
fn slice<'a>(item: &V<'a>, indexes: &[V<'a>]) -> Result<V<'a>, String> {
    let v = match item.get() {
        None | Some(Value::Null) => return Err("slice of untyped nil".into()),
        Some(v) => v,
    };
    if indexes.len() > 3 {
        return Err(format!("too many slice indexes: {}", indexes.len()));
    }
    let len = match v {
        Value::String(s) => {
            if indexes.len() == 3 {
                return Err("cannot 3-index slice a string".into());
            }
            s.len()
        }
        Value::Array(a) => a.len(),
        other => return Err(format!("can't slice item of type {}", go_type(other))),
    };
    let mut idx = [0usize, len, len];
    for (i, x) in indexes.iter().enumerate() {
        idx[i] = index_arg(x, len)?;
    }
    if idx[0] > idx[1] {
        return Err(format!("invalid slice index: {} > {}", idx[0], idx[1]));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(format!("invalid slice index: {} > {}", idx[1], idx[2]));
    }
    Ok(match v {
        Value::String(s) => V::str(String::from_utf8_lossy(&s.as_bytes()[idx[0]..idx[1]]).into_owned()),
        Value::Array(a) => V::Val(Cow::Owned(Value::Array(a[idx[0]..idx[1]].to_vec())), item.go_type()),
        _ => V::Missing,
    })
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// A parsed template.
#[derive(Clone, Debug)]
pub struct Template {
    src: String,
    root: Vec<Node>,
}

/// Parses a template; the error is Go's message, e.g.
/// `template: :1: unclosed action`.
pub fn parse(src: &str) -> Result<Template, String> {
    let toks = lex(src);
    let mut p = Parser { toks, i: 0, hi: 0, vars: vec!["$".to_string()], range_depth: 0, depth: 0, action_line: 0 };
    let root = p.parse()?;
    Ok(Template { src: src.to_string(), root })
}

impl Template {
    /// Executes the template over `data` (Go's default `missingkey`: a
    /// missing map key yields `<no value>`). The error is Go's message, e.g.
    /// `template: :1:6: executing "" at <.Foo.Bar>: can't evaluate field Bar in type string`.
    pub fn execute(&self, data: &Value) -> Result<String, String> {
        self.execute_as(data, &GoType::Json)
    }

    /// Like `execute` over data that stands for a value of a Go type.
    pub fn execute_as(&self, data: &Value, ty: &'static GoType) -> Result<String, String> {
        self.run(data, ty, false, false).map_err(|(_, e)| e)
    }

    /// Like `execute` with Go's `missingkey=error` (what `docker inspect`
    /// uses on raw JSON): a missing key is an error
    /// (`map has no entry for key "Foo"`).
    pub fn execute_strict(&self, data: &Value) -> Result<String, String> {
        self.run(data, &GoType::Json, false, true).map_err(|(_, e)| e)
    }

    /// Runs the template; on error also returns the partial output.
    fn run(&self, data: &Value, ty: &'static GoType, header: bool, missing_key_error: bool) -> Result<String, (String, String)> {
        let mut ex = Exec { src: &self.src, vars: Vec::new(), at: At::None, out: String::new(), header, missing_key_error, steps: 0 };
        let dot = V::Val(Cow::Borrowed(data), ty);
        ex.vars.push(("$", dot.clone()));
        match ex.walk(&dot, &self.root) {
            Ok(()) | Err(Ctl::Break) | Err(Ctl::Continue) => Ok(ex.out),
            Err(Ctl::Err(e)) => Err((ex.out, e)),
        }
    }

    /// The top-level field names the template references (`.Foo` → "Foo").
    fn field_names(&self) -> Vec<String> {
        fn arg(a: &Arg, out: &mut Vec<String>) {
            match a {
                Arg::Field(_, idents) => {
                    if let Some(f) = idents.first() {
                        if !out.contains(f) {
                            out.push(f.clone());
                        }
                    }
                }
                Arg::Chain(_, inner, _) => arg(inner, out),
                Arg::Pipe(p) => pipe(p, out),
                _ => {}
            }
        }
        fn pipe(p: &Pipe, out: &mut Vec<String>) {
            for c in &p.cmds {
                for a in &c.args {
                    arg(a, out);
                }
            }
        }
        fn nodes(ns: &[Node], out: &mut Vec<String>) {
            for n in ns {
                match n {
                    Node::Action(p) => pipe(p, out),
                    Node::If(b) | Node::With(b) | Node::Range(b) => {
                        pipe(&b.pipe, out);
                        nodes(&b.list, out);
                        if let Some(e) = &b.else_list {
                            nodes(e, out);
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        nodes(&self.root, &mut out);
        out
    }
}

/// Docker's convention: a format starting with "table" renders a table.
pub fn is_table(format: &str) -> bool {
    format.starts_with("table")
}

/// The template part of a format: after "table" for table formats, trimmed
/// of spaces at both ends (as docker's formatter does).
pub fn strip_table(format: &str) -> &str {
    let s = if is_table(format) { &format[5..] } else { format };
    s.trim_matches(' ')
}

/// Renders the header line of a table format the way docker/cli does: the
/// template runs over a context whose fields are the column headers, with
/// `json`, `split`, `join`, `title`, `lower`, `upper` and `truncate` made
/// identity functions (`pad` still applies). Unknown fields render empty.
/// As in docker, an execution error just stops the header there.
pub fn header_for(format_after_table: &str, headers: &dyn Fn(&str) -> Option<String>) -> String {
    let Ok(t) = parse(format_after_table) else { return String::new() };
    let mut ctx = Map::new();
    for f in t.field_names() {
        let h = headers(&f).unwrap_or_default();
        ctx.insert(f, Value::String(h));
    }
    match t.run(&Value::Object(ctx), &GoType::Json, true, false) {
        Ok(s) => s,
        Err((partial, _)) => partial,
    }
}

/// Docker replaces the two-character sequences `\t` and `\n` of a format
/// with a tab and a newline before parsing it.
pub fn unescape_format(s: &str) -> String {
    s.replace("\\t", "\t").replace("\\n", "\n")
}

#[cfg(test)]
#[path = "gotmpl_tests.rs"]
mod tests;

#[cfg(test)]
mod pointer_tests {
    use super::*;
    use serde_json::json;

    const RESULT: GoType = GoType::Struct("container.HealthcheckResult", &[("Start", GoType::Time), ("End", GoType::Time), ("ExitCode", GoType::Int), ("Output", GoType::Str)]);
    const HEALTH: GoType = GoType::Struct("container.Health", &[("Status", GoType::Str), ("FailingStreak", GoType::Int), ("Log", GoType::Slice(&GoType::Ptr(&RESULT)))]);
    static STATE: GoType = GoType::Partial(&[("Health", GoType::Ptr(&HEALTH)), ("None", GoType::Ptr(&HEALTH))]);

    fn run(t: &str) -> Result<String, String> {
        let log = |s: &str, out: &str| json!({"Start": format!("2024-03-15T10:25:0{s}Z"), "End": "2024-03-15T10:25:01.5Z", "ExitCode": 0, "Output": out});
        let data = json!({"Health": {"Status": "healthy", "FailingStreak": 0, "Log": [log("0.000012", "ok\n"), log("0", "")]}, "None": null});
        parse(t).and_then(|tm| tm.execute_as(&data, &STATE))
    }

    #[test]
    fn pointers_print_as_go() {
        let cases: &[(&str, &str)] = &[
            // text/template dereferences a pointer before printing it; the
            // Log's pointers are inside the struct: addresses.
            ("{{.Health}}", "{healthy 0 [0xc000124000 0xc000124050]}"),
            ("{{.None}}", "<nil>"),
            ("{{.Health.Status}} {{.Health.FailingStreak}}", "healthy 0"),
            ("{{.Health.Log}}", "[0xc000124000 0xc000124050]"),
            // fmt prints the pointer itself: `&` at the top level.
            ("{{print .Health}}", "&{healthy 0 [0xc000124000 0xc000124050]}"),
            ("{{printf \"%+v\" .Health}}", "&{Status:healthy FailingStreak:0 Log:[0xc000124000 0xc000124050]}"),
            (
                "{{printf \"%#v\" .Health}}",
                "&container.Health{Status:\"healthy\", FailingStreak:0, Log:[]*container.HealthcheckResult{(*container.HealthcheckResult)(0xc000124000), (*container.HealthcheckResult)(0xc000124050)}}",
            ),
            ("{{printf \"%T %T %v %#v\" .None .Health .None .None}}", "*container.Health *container.Health <nil> (*container.Health)(nil)"),
            ("{{printf \"%p\" .Health}}", "0xc000124000"),
            ("{{html .Health}}", "{healthy 0 [0xc000124000 0xc000124050]}"),
            // A struct is true, a nil pointer false.
            ("{{if .Health}}y{{end}}{{if .None}}n{{end}}{{with .Health}}{{.Status}}{{end}}", "yhealthy"),
            // Entries: time.Time prints as Time.String().
            ("{{range .Health.Log}}{{.}};{{end}}", "{2024-03-15 10:25:00.000012 +0000 UTC 2024-03-15 10:25:01.5 +0000 UTC 0 ok\n};{2024-03-15 10:25:00 +0000 UTC 2024-03-15 10:25:01.5 +0000 UTC 0 };"),
            ("{{(index .Health.Log 1).Start}}", "2024-03-15 10:25:00 +0000 UTC"),
            ("{{print (index .Health.Log 1).Start (index .Health.Log 1).End}}", "2024-03-15 10:25:00 +0000 UTC 2024-03-15 10:25:01.5 +0000 UTC"),
            ("{{printf \"%#v\" (index .Health.Log 1).End}}", "time.Date(2024, time.March, 15, 10, 25, 1, 500000000, time.UTC)"),
            ("{{json .Health.Status}} {{json .None}}", "\"healthy\" null"),
            ("{{.None.Status}}", "ERR template: :1:7: executing \"\" at <.None.Status>: nil pointer evaluating *container.Health.Status"),
        ];
        super::tests::check_cases(cases, run);
    }

    #[test]
    fn time_strings() {
        assert_eq!(go_time_string("0001-01-01T00:00:00Z"), "0001-01-01 00:00:00 +0000 UTC");
        assert_eq!(go_time_string("2024-03-15T10:25:00.123456789Z"), "2024-03-15 10:25:00.123456789 +0000 UTC");
        assert_eq!(go_time_string("2024-03-15T10:25:00.5-02:30"), "2024-03-15 10:25:00.5 -0230 -0230");
        assert_eq!(go_time_string("not a time"), "not a time");
        assert_eq!(go_time_gostring("0001-01-01T00:00:00Z"), "time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)");
    }
}
