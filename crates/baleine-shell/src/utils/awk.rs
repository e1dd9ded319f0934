//! A small awk: BEGIN/END, patterns (expressions, /re/, ranges), print,
//! printf, variables, associative arrays, if/while/for/for-in, next, exit,
//! the usual built-in functions, -F and -v.

use indexmap::IndexMap;

use super::{getopt, Ctx};
use crate::fsutil;
use crate::regex::{Regex, Syntax};

const MAX_DEPTH: usize = 100;
/// Longest chain of one binary operator (evaluation recurses along it).
const CHAIN: usize = 200;

#[derive(Clone, Debug, PartialEq)]
enum T {
    Num(f64),
    Str(String),
    Re(String),
    Name(String),
    Func(String),
    Op(&'static str),
    Nl,
    Eof,
}

const OPS: &[&str] = &[
    "&&", "||", "==", "!=", "<=", ">=", "!~", "++", "--", "+=", "-=", "*=", "/=", "%=", "^=", ">>", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "~", "?", ":", "=", "$", "|",
];

const BUILTINS: &[&str] = &["length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system"];

fn lex(src: &str) -> Result<Vec<T>, String> {
    let cs: Vec<char> = src.chars().collect();
    let mut out: Vec<T> = Vec::new();
    let mut i = 0;
    'outer: while i < cs.len() {
        let c = cs[i];
        if c == ' ' || c == '\t' || c == '\r' {
            i += 1;
            continue;
        }
        if c == '\\' && cs.get(i + 1) == Some(&'\n') {
            i += 2;
            continue;
        }
        if c == '#' {
            while i < cs.len() && cs[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\n' {
            out.push(T::Nl);
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c == '.' && cs.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let s = i;
            while i < cs.len() && (cs[i].is_ascii_alphanumeric() || cs[i] == '.') {
                if (cs[i] == 'e' || cs[i] == 'E') && matches!(cs.get(i + 1), Some('+') | Some('-')) {
                    i += 1;
                }
                i += 1;
            }
            let t: String = cs[s..i].iter().collect();
            let v = if let Some(h) = t.strip_prefix("0x") { i64::from_str_radix(h, 16).map(|v| v as f64).ok() } else { t.parse().ok() };
            out.push(T::Num(v.ok_or_else(|| format!("syntax error at source line 1: bad number {t}"))?));
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let s = i;
            while i < cs.len() && (cs[i].is_alphanumeric() || cs[i] == '_') {
                i += 1;
            }
            let w: String = cs[s..i].iter().collect();
            if BUILTINS.contains(&w.as_str()) {
                out.push(T::Func(w));
            } else {
                out.push(T::Name(w));
            }
            continue;
        }
        if c == '"' {
            i += 1;
            let mut s = String::new();
            loop {
                let Some(&d) = cs.get(i) else { return Err("non-terminated string".into()) };
                i += 1;
                match d {
                    '"' => break,
                    '\\' => {
                        let Some(&e) = cs.get(i) else { break };
                        i += 1;
                        let ch = match e {
                            'n' => '\n',
                            't' => '\t',
                            'r' => '\r',
                            '\\' => '\\',
                            '"' => '"',
                            '/' => '/',
                            'a' => '\x07',
                            'b' => '\x08',
                            other => {
                                s.push('\\');
                                other
                            }
                        };
                        s.push(ch);
                    }
                    d => s.push(d),
                }
            }
            out.push(T::Str(s));
            continue;
        }
        if c == '/' {
            let operand_before = matches!(out.last(), Some(T::Num(_)) | Some(T::Str(_)) | Some(T::Name(_)) | Some(T::Op(")")) | Some(T::Op("]")) | Some(T::Op("$")) | Some(T::Op("++")) | Some(T::Op("--")));
            if !operand_before {
                i += 1;
                let mut s = String::new();
                loop {
                    let Some(&d) = cs.get(i) else { return Err("non-terminated regular expression".into()) };
                    i += 1;
                    match d {
                        '/' => break,
                        '\\' if cs.get(i) == Some(&'/') => {
                            s.push('/');
                            i += 1;
                        }
                        '\\' => {
                            s.push('\\');
                            if let Some(&e) = cs.get(i) {
                                s.push(e);
                                i += 1;
                            }
                        }
                        '\n' => return Err("newline in regex".into()),
                        d => s.push(d),
                    }
                }
                out.push(T::Re(s));
                continue;
            }
        }
        for op in OPS {
            let n = op.chars().count();
            if i + n <= cs.len() && cs[i..i + n].iter().copied().eq(op.chars()) {
                out.push(T::Op(op));
                i += n;
                continue 'outer;
            }
        }
        return Err(format!("syntax error at source line 1: unexpected character '{c}'"));
    }
    out.push(T::Eof);
    Ok(out)
}

#[derive(Clone, Debug)]
enum E {
    Num(f64),
    Str(String),
    Re(String),
    Var(String),
    Field(Box<E>),
    Index(String, Box<E>),
    In(Box<E>, String),
    Un(&'static str, Box<E>),
    Bin(&'static str, Box<E>, Box<E>),
    Assign(Box<E>, &'static str, Box<E>),
    Incr(Box<E>, f64, bool),
    Cond(Box<E>, Box<E>, Box<E>),
    Match(bool, Box<E>, Box<E>),
    Call(String, Vec<E>),
    Group(Box<E>),
}

#[derive(Clone, Debug)]
enum S {
    Print(Vec<E>, Option<(bool, E)>),
    Printf(Vec<E>, Option<(bool, E)>),
    Expr(E),
    If(E, Box<S>, Option<Box<S>>),
    While(E, Box<S>),
    For(Option<E>, Option<E>, Option<E>, Box<S>),
    ForIn(String, String, Box<S>),
    Block(Vec<S>),
    Next,
    Exit(Option<E>),
    Delete(String, Option<E>),
    Break,
    Continue,
}

enum Pat {
    Begin,
    End,
    All,
    Expr(E),
    Range(E, E),
}

struct Rule {
    pat: Pat,
    action: Option<Vec<S>>,
    in_range: bool,
}

struct P {
    t: Vec<T>,
    i: usize,
    depth: usize,
    no_gt: bool,
    no_in: bool,
}

type PR<T> = Result<T, String>;

impl P {
    fn peek(&self) -> &T {
        self.t.get(self.i).unwrap_or(&T::Eof)
    }
    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), T::Op(o) if *o == op)
    }
    fn eat(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, op: &str) -> PR<()> {
        if self.eat(op) {
            Ok(())
        } else {
            Err(format!("syntax error: expected `{op}'"))
        }
    }
    fn nls(&mut self) {
        while matches!(self.peek(), T::Nl) || self.is_op(";") {
            self.i += 1;
        }
    }
    fn opt_nl(&mut self) {
        while matches!(self.peek(), T::Nl) {
            self.i += 1;
        }
    }
    fn enter(&mut self) -> PR<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("program too deeply nested".into());
        }
        Ok(())
    }

    fn program(&mut self) -> PR<Vec<Rule>> {
        let mut rules = Vec::new();
        loop {
            self.nls();
            if matches!(self.peek(), T::Eof) {
                break;
            }
            if rules.len() > 1000 {
                return Err("program too long".into());
            }
            let pat = match self.peek().clone() {
                T::Name(n) if n == "BEGIN" => {
                    self.i += 1;
                    Pat::Begin
                }
                T::Name(n) if n == "END" => {
                    self.i += 1;
                    Pat::End
                }
                T::Op("{") => Pat::All,
                _ => {
                    let a = self.expr()?;
                    if self.eat(",") {
                        self.opt_nl();
                        let b = self.expr()?;
                        Pat::Range(a, b)
                    } else {
                        Pat::Expr(a)
                    }
                }
            };
            let action = if self.is_op("{") { Some(self.block()?) } else { None };
            if action.is_none() && matches!(pat, Pat::Begin | Pat::End) {
                return Err("syntax error: BEGIN/END need an action".into());
            }
            rules.push(Rule { pat, action, in_range: false });
        }
        Ok(rules)
    }

    fn block(&mut self) -> PR<Vec<S>> {
        self.enter()?;
        self.expect("{")?;
        let mut v = Vec::new();
        loop {
            self.nls();
            if self.eat("}") {
                break;
            }
            if matches!(self.peek(), T::Eof) {
                return Err("syntax error: unexpected end of program, missing `}'".into());
            }
            v.push(self.stmt()?);
        }
        self.depth -= 1;
        Ok(v)
    }

    fn simple_end(&mut self) {
        while self.is_op(";") || matches!(self.peek(), T::Nl) {
            self.i += 1;
        }
    }

    fn redirect(&mut self) -> PR<Option<(bool, E)>> {
        if self.eat(">") {
            let e = self.concat()?;
            return Ok(Some((false, e)));
        }
        if self.eat(">>") {
            let e = self.concat()?;
            return Ok(Some((true, e)));
        }
        Ok(None)
    }

    fn stmt(&mut self) -> PR<S> {
        self.enter()?;
        let s = match self.peek().clone() {
            T::Op("{") => S::Block(self.block()?),
            T::Name(n) => match n.as_str() {
                "print" | "printf" => {
                    self.i += 1;
                    let mut args = Vec::new();
                    let saved = self.no_gt;
                    self.no_gt = true;
                    let paren = self.is_op("(");
                    if !matches!(self.peek(), T::Nl | T::Eof) && !self.is_op(";") && !self.is_op("}") && !self.is_op(">") && !self.is_op(">>") {
                        if paren {
                            // print (a, b) — also valid as a grouped expression
                            let save = self.i;
                            self.i += 1;
                            let mut inner = vec![self.expr()?];
                            while self.eat(",") {
                                self.opt_nl();
                                inner.push(self.expr()?);
                            }
                            if self.eat(")") && (matches!(self.peek(), T::Nl | T::Eof) || self.is_op(";") || self.is_op("}") || self.is_op(">") || self.is_op(">>")) {
                                args = inner;
                            } else {
                                self.i = save;
                                args.push(self.expr()?);
                                while self.eat(",") {
                                    self.opt_nl();
                                    args.push(self.expr()?);
                                }
                            }
                        } else {
                            args.push(self.expr()?);
                            while self.eat(",") {
                                self.opt_nl();
                                args.push(self.expr()?);
                            }
                        }
                    }
                    self.no_gt = saved;
                    let r = self.redirect()?;
                    self.simple_end();
                    if n == "print" {
                        S::Print(args, r)
                    } else {
                        if args.is_empty() {
                            return Err("printf: no format".into());
                        }
                        S::Printf(args, r)
                    }
                }
                "if" => {
                    self.i += 1;
                    self.expect("(")?;
                    let c = self.expr()?;
                    self.expect(")")?;
                    self.opt_nl();
                    let a = self.stmt()?;
                    self.nls_before_else();
                    let b = if matches!(self.peek(), T::Name(n) if n == "else") {
                        self.i += 1;
                        self.opt_nl();
                        Some(Box::new(self.stmt()?))
                    } else {
                        None
                    };
                    S::If(c, Box::new(a), b)
                }
                "while" => {
                    self.i += 1;
                    self.expect("(")?;
                    let c = self.expr()?;
                    self.expect(")")?;
                    self.opt_nl();
                    S::While(c, Box::new(self.stmt()?))
                }
                "for" => {
                    self.i += 1;
                    self.expect("(")?;
                    if let (T::Name(k), T::Name(inw), T::Name(arr)) = (self.t.get(self.i).cloned().unwrap_or(T::Eof), self.t.get(self.i + 1).cloned().unwrap_or(T::Eof), self.t.get(self.i + 2).cloned().unwrap_or(T::Eof)) {
                        if inw == "in" && matches!(self.t.get(self.i + 3), Some(T::Op(")"))) {
                            self.i += 4;
                            self.opt_nl();
                            return Ok(S::ForIn(k, arr, Box::new(self.stmt()?)));
                        }
                    }
                    let init = if self.is_op(";") { None } else { Some(self.expr()?) };
                    self.expect(";")?;
                    let cond = if self.is_op(";") { None } else { Some(self.expr()?) };
                    self.expect(";")?;
                    let step = if self.is_op(")") { None } else { Some(self.expr()?) };
                    self.expect(")")?;
                    self.opt_nl();
                    S::For(init, cond, step, Box::new(self.stmt()?))
                }
                "next" => {
                    self.i += 1;
                    self.simple_end();
                    S::Next
                }
                "break" => {
                    self.i += 1;
                    self.simple_end();
                    S::Break
                }
                "continue" => {
                    self.i += 1;
                    self.simple_end();
                    S::Continue
                }
                "exit" => {
                    self.i += 1;
                    let e = if matches!(self.peek(), T::Nl | T::Eof) || self.is_op(";") || self.is_op("}") { None } else { Some(self.expr()?) };
                    self.simple_end();
                    S::Exit(e)
                }
                "delete" => {
                    self.i += 1;
                    let T::Name(arr) = self.peek().clone() else { return Err("syntax error in delete".into()) };
                    self.i += 1;
                    let k = if self.eat("[") {
                        let k = self.expr()?;
                        self.expect("]")?;
                        Some(k)
                    } else {
                        None
                    };
                    self.simple_end();
                    S::Delete(arr, k)
                }
                _ => {
                    let e = self.expr()?;
                    self.simple_end();
                    S::Expr(e)
                }
            },
            T::Op(";") => {
                self.i += 1;
                S::Block(Vec::new())
            }
            _ => {
                let e = self.expr()?;
                self.simple_end();
                S::Expr(e)
            }
        };
        self.depth -= 1;
        Ok(s)
    }

    fn nls_before_else(&mut self) {
        let save = self.i;
        while matches!(self.peek(), T::Nl) || self.is_op(";") {
            self.i += 1;
        }
        if !matches!(self.peek(), T::Name(n) if n == "else") {
            self.i = save;
        }
    }

    fn expr(&mut self) -> PR<E> {
        self.enter()?;
        let e = self.ternary()?;
        self.depth -= 1;
        Ok(e)
    }

    fn ternary(&mut self) -> PR<E> {
        let c = self.or()?;
        if self.eat("?") {
            self.opt_nl();
            let a = self.ternary()?;
            self.opt_nl();
            self.expect(":")?;
            self.opt_nl();
            let b = self.ternary()?;
            return Ok(E::Cond(Box::new(c), Box::new(a), Box::new(b)));
        }
        if let T::Op(op @ ("=" | "+=" | "-=" | "*=" | "/=" | "%=" | "^=")) = self.peek().clone() {
            if matches!(c, E::Var(_) | E::Field(_) | E::Index(..)) {
                self.i += 1;
                self.opt_nl();
                let r = self.ternary()?;
                return Ok(E::Assign(Box::new(c), op, Box::new(r)));
            }
        }
        Ok(c)
    }

    fn or(&mut self) -> PR<E> {
        let mut l = self.and()?;
        let mut n = 0;
        while self.eat("||") {
            n += 1;
            if n > CHAIN {
                return Err("expression too long".into());
            }
            self.opt_nl();
            let r = self.and()?;
            l = E::Bin("||", Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn and(&mut self) -> PR<E> {
        let mut l = self.in_expr()?;
        let mut n = 0;
        while self.eat("&&") {
            n += 1;
            if n > CHAIN {
                return Err("expression too long".into());
            }
            self.opt_nl();
            let r = self.in_expr()?;
            l = E::Bin("&&", Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn in_expr(&mut self) -> PR<E> {
        let mut l = self.matching()?;
        let mut n = 0;
        while !self.no_in && matches!(self.peek(), T::Name(n) if n == "in") {
            self.i += 1;
            n += 1;
            if n > CHAIN {
                return Err("expression too long".into());
            }
            let T::Name(arr) = self.peek().clone() else { return Err("syntax error after in".into()) };
            self.i += 1;
            l = E::In(Box::new(l), arr);
        }
        Ok(l)
    }

    fn matching(&mut self) -> PR<E> {
        let mut l = self.comparison()?;
        let mut n = 0;
        loop {
            n += 1;
            if n > CHAIN {
                return Err("expression too long".into());
            }
            let neg = if self.eat("~") {
                false
            } else if self.eat("!~") {
                true
            } else {
                break;
            };
            let r = self.comparison()?;
            l = E::Match(neg, Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn comparison(&mut self) -> PR<E> {
        let l = self.concat()?;
        let op = match self.peek() {
            T::Op(o @ ("<" | "<=" | "==" | "!=" | ">=")) => *o,
            T::Op(">") if !self.no_gt => ">",
            _ => return Ok(l),
        };
        self.i += 1;
        let r = self.concat()?;
        Ok(E::Bin(op, Box::new(l), Box::new(r)))
    }

    fn starts_operand(&self) -> bool {
        match self.peek() {
            T::Num(_) | T::Str(_) | T::Name(_) | T::Func(_) => !matches!(self.peek(), T::Name(n) if n == "in"),
            T::Op(o) => matches!(*o, "$" | "(" | "!" | "++" | "--" | "-"),
            T::Re(_) => false,
            _ => false,
        }
    }

    fn concat(&mut self) -> PR<E> {
        let mut l = self.additive()?;
        let mut n = 0;
        while self.starts_operand() && !self.is_op("-") && !self.is_op("!") {
            n += 1;
            if n > CHAIN {
                return Err("expression too long".into());
            }
            let r = self.additive()?;
            l = E::Bin("concat", Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn additive(&mut self) -> PR<E> {
        let mut l = self.mult()?;
        let mut n = 0;
        while let T::Op(o @ ("+" | "-")) = self.peek().clone() {
            n += 1;
            if n > CHAIN {
                return Err("expression too long".into());
            }
            self.i += 1;
            let r = self.mult()?;
            l = E::Bin(o, Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn mult(&mut self) -> PR<E> {
        let mut l = self.unary()?;
        let mut n = 0;
        while let T::Op(o @ ("*" | "/" | "%")) = self.peek().clone() {
            n += 1;
            if n > CHAIN {
                return Err("expression too long".into());
            }
            self.i += 1;
            let r = self.unary()?;
            l = E::Bin(o, Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn unary(&mut self) -> PR<E> {
        self.enter()?;
        let e = match self.peek().clone() {
            T::Op(o @ ("!" | "-" | "+")) => {
                self.i += 1;
                let x = self.unary()?;
                E::Un(o, Box::new(x))
            }
            _ => self.power()?,
        };
        self.depth -= 1;
        Ok(e)
    }

    fn power(&mut self) -> PR<E> {
        let b = self.postfix()?;
        if self.eat("^") {
            self.enter()?;
            let e = self.unary()?;
            self.depth -= 1;
            return Ok(E::Bin("^", Box::new(b), Box::new(e)));
        }
        Ok(b)
    }

    fn postfix(&mut self) -> PR<E> {
        let e = self.primary()?;
        if matches!(e, E::Var(_) | E::Field(_) | E::Index(..)) {
            if self.eat("++") {
                return Ok(E::Incr(Box::new(e), 1.0, false));
            }
            if self.eat("--") {
                return Ok(E::Incr(Box::new(e), -1.0, false));
            }
        }
        Ok(e)
    }

    fn primary(&mut self) -> PR<E> {
        self.enter()?;
        let t = self.peek().clone();
        self.i += 1;
        let e = match t {
            T::Num(n) => E::Num(n),
            T::Str(s) => E::Str(s),
            T::Re(r) => E::Re(r),
            T::Op("$") => {
                let x = self.primary_for_field()?;
                E::Field(Box::new(x))
            }
            T::Op("(") => {
                let saved = (self.no_gt, self.no_in);
                self.no_gt = false;
                self.no_in = false;
                let e = self.expr()?;
                // (a, b) in arr
                if self.eat(",") {
                    let mut parts = vec![e];
                    parts.push(self.expr()?);
                    while self.eat(",") {
                        if parts.len() > CHAIN {
                            return Err("expression too long".into());
                        }
                        parts.push(self.expr()?);
                    }
                    self.expect(")")?;
                    self.no_gt = saved.0;
                    self.no_in = saved.1;
                    let key = parts.into_iter().reduce(|a, b| E::Bin("subsep", Box::new(a), Box::new(b))).unwrap_or(E::Str(String::new()));
                    return Ok(key);
                }
                self.expect(")")?;
                self.no_gt = saved.0;
                self.no_in = saved.1;
                E::Group(Box::new(e))
            }
            T::Op(o @ ("++" | "--")) => {
                let x = self.primary()?;
                E::Incr(Box::new(x), if o == "++" { 1.0 } else { -1.0 }, true)
            }
            T::Op("-") => {
                let x = self.unary()?;
                E::Un("-", Box::new(x))
            }
            T::Op("!") => {
                let x = self.unary()?;
                E::Un("!", Box::new(x))
            }
            T::Func(f) => {
                let mut args = Vec::new();
                if self.eat("(") {
                    let saved = (self.no_gt, self.no_in);
                    self.no_gt = false;
                    self.no_in = false;
                    if !self.eat(")") {
                        args.push(self.expr()?);
                        while self.eat(",") {
                            self.opt_nl();
                            args.push(self.expr()?);
                        }
                        self.expect(")")?;
                    }
                    self.no_gt = saved.0;
                    self.no_in = saved.1;
                } else if f != "length" {
                    return Err(format!("syntax error: {f} needs arguments"));
                }
                E::Call(f, args)
            }
            T::Name(n) => {
                if self.eat("[") {
                    let mut k = self.expr()?;
                    let mut count = 0;
                    while self.eat(",") {
                        count += 1;
                        if count > CHAIN {
                            return Err("expression too long".into());
                        }
                        let r = self.expr()?;
                        k = E::Bin("subsep", Box::new(k), Box::new(r));
                    }
                    self.expect("]")?;
                    E::Index(n, Box::new(k))
                } else {
                    E::Var(n)
                }
            }
            T::Eof => return Err("syntax error: unexpected end of program".into()),
            other => return Err(format!("syntax error at source line 1: unexpected {}", tok_name(&other))),
        };
        self.depth -= 1;
        Ok(e)
    }

    fn primary_for_field(&mut self) -> PR<E> {
        // $NF, $1, $(expr), $i++ means ($i)++
        match self.peek().clone() {
            T::Num(n) => {
                self.i += 1;
                Ok(E::Num(n))
            }
            T::Name(n) => {
                self.i += 1;
                Ok(E::Var(n))
            }
            T::Op("(") => self.primary(),
            T::Op("$") => {
                self.i += 1;
                let x = self.primary_for_field()?;
                Ok(E::Field(Box::new(x)))
            }
            T::Op("-") => {
                self.i += 1;
                let x = self.primary_for_field()?;
                Ok(E::Un("-", Box::new(x)))
            }
            _ => Err("syntax error after $".into()),
        }
    }
}

fn tok_name(t: &T) -> String {
    match t {
        T::Op(o) => o.to_string(),
        T::Nl => "newline".into(),
        T::Name(n) | T::Func(n) => n.clone(),
        T::Str(s) => format!("\"{s}\""),
        T::Num(n) => n.to_string(),
        T::Re(r) => format!("/{r}/"),
        T::Eof => "end of program".into(),
    }
}

// ------------------------------------------------------------------ runtime

#[derive(Clone, Debug)]
enum V {
    Num(f64),
    Str(String),
    /// From input: a number if it looks like one.
    StrNum(String),
}

fn looks_numeric(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite() && !t.contains(['x', 'X', 'n', 'N', 'i', 'I']))
}

fn str_to_num(s: &str) -> f64 {
    let t = s.trim_start();
    let mut end = 0;
    let b = t.as_bytes();
    let mut seen_dot = false;
    let mut seen_e = false;
    while end < b.len() {
        let c = b[end] as char;
        let ok = c.is_ascii_digit() || (end == 0 && (c == '-' || c == '+')) || (c == '.' && !seen_dot && !seen_e) || ((c == 'e' || c == 'E') && end > 0 && !seen_e);
        if !ok {
            break;
        }
        if c == '.' {
            seen_dot = true;
        }
        if c == 'e' || c == 'E' {
            if !matches!(b.get(end + 1).map(|x| *x as char), Some('0'..='9') | Some('-') | Some('+')) {
                break;
            }
            seen_e = true;
            if matches!(b.get(end + 1).map(|x| *x as char), Some('-') | Some('+')) {
                end += 1;
            }
        }
        end += 1;
    }
    t[..end].parse().unwrap_or(0.0)
}

pub(crate) fn fmt_num(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == v.trunc() && v.abs() < 1e16 {
        return format!("{}", v as i64);
    }
    fmt_g(v, 6)
}

fn fmt_g(v: f64, prec: usize) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let exp = v.abs().log10().floor() as i32;
    if exp < -4 || exp >= prec as i32 {
        let s = format!("{:.*e}", prec.saturating_sub(1), v);
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
        let ev: i32 = e.parse().unwrap_or(0);
        format!("{m}e{}{:02}", if ev < 0 { '-' } else { '+' }, ev.abs())
    } else {
        let decimals = (prec as i32 - 1 - exp).max(0) as usize;
        let s = format!("{v:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    }
}

impl V {
    fn num(&self) -> f64 {
        match self {
            V::Num(n) => *n,
            V::Str(s) | V::StrNum(s) => str_to_num(s),
        }
    }
    fn str(&self) -> String {
        match self {
            V::Num(n) => fmt_num(*n),
            V::Str(s) | V::StrNum(s) => s.clone(),
        }
    }
    fn truthy(&self) -> bool {
        match self {
            V::Num(n) => *n != 0.0,
            V::Str(s) => !s.is_empty(),
            V::StrNum(s) => match looks_numeric(s) {
                Some(n) => n != 0.0,
                None => !s.is_empty(),
            },
        }
    }
    fn numeric_like(&self) -> Option<f64> {
        match self {
            V::Num(n) => Some(*n),
            V::StrNum(s) => looks_numeric(s),
            V::Str(_) => None,
        }
    }
}

enum Flow {
    Normal,
    Next,
    Exit,
    Break,
    Continue,
}

struct Rt<'c, 'a, 's> {
    cx: &'c mut Ctx<'a, 's>,
    vars: IndexMap<String, V>,
    arrays: IndexMap<String, IndexMap<String, V>>,
    fields: Vec<String>,
    record: String,
    nr: usize,
    out: String,
    files: IndexMap<String, String>,
    exit_code: i32,
    regex_cache: IndexMap<String, Regex>,
    steps: u64,
    rand: u64,
}

impl Rt<'_, '_, '_> {
    fn var(&self, n: &str) -> V {
        match n {
            "NF" => V::Num(self.fields.len() as f64),
            "NR" | "FNR" => V::Num(self.nr as f64),
            _ => self.vars.get(n).cloned().unwrap_or(V::StrNum(String::new())),
        }
    }
    fn sv(&self, n: &str) -> String {
        self.var(n).str()
    }
    fn regex(&mut self, pat: &str) -> Result<Regex, String> {
        if let Some(r) = self.regex_cache.get(pat) {
            return Ok(r.clone());
        }
        let r = Regex::new(pat, Syntax::Extended, false)?;
        if self.regex_cache.len() < 100 {
            self.regex_cache.insert(pat.to_string(), r.clone());
        }
        Ok(r)
    }
    fn split_record(&mut self) {
        let fs = self.sv("FS");
        let rec = self.record.clone();
        self.fields = split_fields(&rec, &fs, self);
    }
    fn rebuild(&mut self) {
        let ofs = self.sv("OFS");
        self.record = self.fields.join(&ofs);
    }
    fn field(&self, i: usize) -> V {
        if i == 0 {
            return V::StrNum(self.record.clone());
        }
        V::StrNum(self.fields.get(i - 1).cloned().unwrap_or_default())
    }
    fn set_field(&mut self, i: usize, v: String) {
        if i == 0 {
            self.record = v;
            self.split_record();
            return;
        }
        if i > 100_000 {
            return;
        }
        while self.fields.len() < i {
            self.fields.push(String::new());
        }
        self.fields[i - 1] = v;
        self.rebuild();
    }
    fn assign(&mut self, target: &E, v: V) -> Result<(), String> {
        match target {
            E::Var(n) => {
                if n == "NF" {
                    let k = v.num().max(0.0) as usize;
                    self.fields.resize(k.min(100_000), String::new());
                    self.rebuild();
                } else {
                    self.vars.insert(n.clone(), v);
                }
            }
            E::Field(x) => {
                let i = self.eval(x)?.num().max(0.0) as usize;
                self.set_field(i, v.str());
            }
            E::Index(a, k) => {
                let key = self.eval(k)?.str();
                self.arrays.entry(a.clone()).or_default().insert(key, v);
            }
            E::Group(x) => return self.assign(x, v),
            _ => {}
        }
        Ok(())
    }
    fn match_re(&mut self, e: &E, s: &str) -> Result<Option<(usize, usize)>, String> {
        let pat = match e {
            E::Re(r) => r.clone(),
            other => self.eval(other)?.str(),
        };
        let re = self.regex(&pat)?;
        Ok(re.find(s))
    }
    fn eval(&mut self, e: &E) -> Result<V, String> {
        self.steps += 1;
        if self.steps > 20_000_000 {
            return Err("program ran too long".into());
        }
        Ok(match e {
            E::Num(n) => V::Num(*n),
            E::Str(s) => V::Str(s.clone()),
            E::Re(r) => {
                let rec = self.record.clone();
                let re = self.regex(r)?;
                V::Num(re.find(&rec).is_some() as i32 as f64)
            }
            E::Group(x) => self.eval(x)?,
            E::Var(n) => self.var(n),
            E::Field(x) => {
                let i = self.eval(x)?.num();
                if i < 0.0 {
                    return Err(format!("trying to access out of range field {}", i as i64));
                }
                self.field(i as usize)
            }
            E::Index(a, k) => {
                let key = self.eval(k)?.str();
                let arr = self.arrays.entry(a.clone()).or_default();
                arr.entry(key).or_insert(V::StrNum(String::new())).clone()
            }
            E::In(k, a) => {
                let key = self.eval(k)?.str();
                V::Num(self.arrays.get(a).is_some_and(|m| m.contains_key(&key)) as i32 as f64)
            }
            E::Un(op, x) => {
                let v = self.eval(x)?;
                match *op {
                    "!" => V::Num((!v.truthy()) as i32 as f64),
                    "-" => V::Num(-v.num()),
                    _ => V::Num(v.num()),
                }
            }
            E::Bin("&&", a, b) => V::Num((self.eval(a)?.truthy() && self.eval(b)?.truthy()) as i32 as f64),
            E::Bin("||", a, b) => V::Num((self.eval(a)?.truthy() || self.eval(b)?.truthy()) as i32 as f64),
            E::Bin(op, a, b) => {
                let x = self.eval(a)?;
                let y = self.eval(b)?;
                match *op {
                    "concat" => V::Str(format!("{}{}", x.str(), y.str())),
                    "subsep" => V::Str(format!("{}\x1c{}", x.str(), y.str())),
                    "+" => V::Num(x.num() + y.num()),
                    "-" => V::Num(x.num() - y.num()),
                    "*" => V::Num(x.num() * y.num()),
                    "/" => {
                        if y.num() == 0.0 {
                            return Err("division by zero".into());
                        }
                        V::Num(x.num() / y.num())
                    }
                    "%" => {
                        if y.num() == 0.0 {
                            return Err("division by zero in %".into());
                        }
                        V::Num(x.num() % y.num())
                    }
                    "^" => V::Num(x.num().powf(y.num())),
                    cmp => {
                        let ord = match (x.numeric_like(), y.numeric_like()) {
                            (Some(a), Some(b)) => a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal),
                            _ => x.str().cmp(&y.str()),
                        };
                        let r = match cmp {
                            "<" => ord.is_lt(),
                            "<=" => ord.is_le(),
                            ">" => ord.is_gt(),
                            ">=" => ord.is_ge(),
                            "==" => ord.is_eq(),
                            _ => ord.is_ne(),
                        };
                        V::Num(r as i32 as f64)
                    }
                }
            }
            E::Match(neg, a, b) => {
                let s = self.eval(a)?.str();
                let m = self.match_re(b, &s)?.is_some();
                V::Num((m != *neg) as i32 as f64)
            }
            E::Assign(t, op, r) => {
                let rv = self.eval(r)?;
                let nv = if *op == "=" {
                    rv
                } else {
                    let cur = self.eval(t)?.num();
                    let y = rv.num();
                    V::Num(match *op {
                        "+=" => cur + y,
                        "-=" => cur - y,
                        "*=" => cur * y,
                        "/=" => {
                            if y == 0.0 {
                                return Err("division by zero in /=".into());
                            }
                            cur / y
                        }
                        "%=" => {
                            if y == 0.0 {
                                return Err("division by zero in %=".into());
                            }
                            cur % y
                        }
                        _ => cur.powf(y),
                    })
                };
                self.assign(t, nv.clone())?;
                nv
            }
            E::Incr(t, d, pre) => {
                let cur = self.eval(t)?.num();
                self.assign(t, V::Num(cur + d))?;
                V::Num(if *pre { cur + d } else { cur })
            }
            E::Cond(c, a, b) => {
                if self.eval(c)?.truthy() {
                    self.eval(a)?
                } else {
                    self.eval(b)?
                }
            }
            E::Call(f, args) => self.call(f, args)?,
        })
    }

    fn call(&mut self, f: &str, args: &[E]) -> Result<V, String> {
        let arg = |rt: &mut Self, i: usize| -> Result<V, String> {
            match args.get(i) {
                Some(e) => rt.eval(e),
                None => Ok(V::Str(String::new())),
            }
        };
        Ok(match f {
            "length" => {
                if let Some(E::Var(n)) = args.first() {
                    if let Some(a) = self.arrays.get(n) {
                        return Ok(V::Num(a.len() as f64));
                    }
                }
                let s = if args.is_empty() { self.record.clone() } else { arg(self, 0)?.str() };
                V::Num(s.chars().count() as f64)
            }
            "substr" => {
                let s: Vec<char> = arg(self, 0)?.str().chars().collect();
                let m = arg(self, 1)?.num().round();
                let n = if args.len() > 2 { arg(self, 2)?.num().round() } else { f64::INFINITY };
                let start = m.max(1.0);
                let end = (m + n).min(s.len() as f64 + 1.0);
                if end <= start {
                    V::Str(String::new())
                } else {
                    V::Str(s[(start as usize - 1).min(s.len())..(end as usize - 1).min(s.len())].iter().collect())
                }
            }
            "index" => {
                let s = arg(self, 0)?.str();
                let t = arg(self, 1)?.str();
                V::Num(s.find(&t).map(|b| s[..b].chars().count() + 1).unwrap_or(0) as f64)
            }
            "split" => {
                let s = arg(self, 0)?.str();
                let Some(E::Var(arr)) = args.get(1) else { return Err("split: second argument must be an array".into()) };
                let fs = match args.get(2) {
                    Some(E::Re(r)) => r.clone(),
                    Some(e) => self.eval(e)?.str(),
                    None => self.sv("FS"),
                };
                let parts = split_fields(&s, &fs, self);
                let mut m = IndexMap::new();
                for (i, p) in parts.iter().enumerate() {
                    m.insert((i + 1).to_string(), V::StrNum(p.clone()));
                }
                self.arrays.insert(arr.clone(), m);
                V::Num(parts.len() as f64)
            }
            "sub" | "gsub" => {
                let pat = match args.first() {
                    Some(E::Re(r)) => r.clone(),
                    Some(e) => self.eval(e)?.str(),
                    None => return Err(format!("{f}: missing regex")),
                };
                let rep = arg(self, 1)?.str();
                let target = args.get(2).cloned().unwrap_or(E::Field(Box::new(E::Num(0.0))));
                let text = self.eval(&target)?.str();
                let re = self.regex(&pat)?;
                let mut out = String::new();
                let mut pos = 0;
                let mut n = 0;
                while pos <= text.len() {
                    let Some((s, e)) = re.find_at(&text, pos) else { break };
                    out.push_str(&text[pos..s]);
                    let mut chars = rep.chars().peekable();
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' if chars.peek() == Some(&'&') => {
                                chars.next();
                                out.push('&');
                            }
                            '&' => out.push_str(&text[s..e]),
                            c => out.push(c),
                        }
                    }
                    n += 1;
                    if e == s {
                        match text[s..].chars().next() {
                            Some(ch) => out.push(ch),
                            None => {
                                pos = text.len() + 1;
                                break;
                            }
                        }
                        pos = s + text[s..].chars().next().map(char::len_utf8).unwrap_or(1);
                    } else {
                        pos = e;
                    }
                    if f == "sub" {
                        break;
                    }
                }
                if n > 0 {
                    if pos <= text.len() {
                        out.push_str(&text[pos..]);
                    }
                    self.assign(&target, V::Str(out))?;
                }
                V::Num(n as f64)
            }
            "match" => {
                let s = arg(self, 0)?.str();
                let m = match args.get(1) {
                    Some(e) => self.match_re(e, &s)?,
                    None => None,
                };
                let (start, len) = match m {
                    Some((a, b)) => (s[..a].chars().count() as f64 + 1.0, s[a..b].chars().count() as f64),
                    None => (0.0, -1.0),
                };
                self.vars.insert("RSTART".into(), V::Num(start));
                self.vars.insert("RLENGTH".into(), V::Num(len));
                V::Num(start)
            }
            "sprintf" => {
                let mut vals = Vec::new();
                for e in args {
                    vals.push(self.eval(e)?);
                }
                V::Str(awk_printf(&vals))
            }
            "tolower" => V::Str(arg(self, 0)?.str().to_lowercase()),
            "toupper" => V::Str(arg(self, 0)?.str().to_uppercase()),
            "int" => V::Num(arg(self, 0)?.num().trunc()),
            "sqrt" => V::Num(arg(self, 0)?.num().sqrt()),
            "exp" => V::Num(arg(self, 0)?.num().exp()),
            "log" => V::Num(arg(self, 0)?.num().ln()),
            "sin" => V::Num(arg(self, 0)?.num().sin()),
            "cos" => V::Num(arg(self, 0)?.num().cos()),
            "atan2" => {
                let y = arg(self, 0)?.num();
                let x = arg(self, 1)?.num();
                V::Num(y.atan2(x))
            }
            "rand" => {
                self.rand = self.rand.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                V::Num((self.rand >> 11) as f64 / (1u64 << 53) as f64)
            }
            "srand" => {
                let prev = self.rand;
                self.rand = if args.is_empty() { 0 } else { arg(self, 0)?.num() as u64 };
                V::Num(prev as f64)
            }
            _ => V::Num(0.0),
        })
    }

    fn output(&mut self, text: String, redir: &Option<(bool, E)>) -> Result<(), String> {
        match redir {
            None => {
                self.out.push_str(&text);
                Ok(())
            }
            Some((append, e)) => {
                let name = self.eval(e)?.str();
                if name == "/dev/stderr" {
                    self.cx.out.err(text);
                    return Ok(());
                }
                if name == "/dev/stdout" || name == "-" {
                    self.out.push_str(&text);
                    return Ok(());
                }
                if !self.files.contains_key(&name) {
                    let p = self.cx.path(&name);
                    let initial = if *append { fsutil::read_bytes(&*self.cx.sys, &p).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default() } else { String::new() };
                    self.files.insert(name.clone(), initial);
                }
                if let Some(buf) = self.files.get_mut(&name) {
                    buf.push_str(&text);
                }
                Ok(())
            }
        }
    }

    fn exec(&mut self, s: &S) -> Result<Flow, String> {
        self.steps += 1;
        if self.steps > 20_000_000 {
            return Err("program ran too long".into());
        }
        match s {
            S::Print(args, redir) => {
                let ofs = self.sv("OFS");
                let ors = self.vars.get("ORS").map(V::str).unwrap_or_else(|| "\n".into());
                let text = if args.is_empty() {
                    self.record.clone()
                } else {
                    let mut parts = Vec::new();
                    for a in args {
                        let v = self.eval(a)?;
                        parts.push(match v {
                            V::Num(n) => {
                                if n == n.trunc() && n.abs() < 1e16 {
                                    format!("{}", n as i64)
                                } else {
                                    let ofmt = self.sv("OFMT");
                                    if ofmt == "%.6g" || ofmt.is_empty() {
                                        fmt_g(n, 6)
                                    } else {
                                        awk_printf(&[V::Str(ofmt), V::Num(n)])
                                    }
                                }
                            }
                            other => other.str(),
                        });
                    }
                    parts.join(&ofs)
                };
                self.output(format!("{text}{ors}"), redir)?;
            }
            S::Printf(args, redir) => {
                let mut vals = Vec::new();
                for a in args {
                    vals.push(self.eval(a)?);
                }
                let text = awk_printf(&vals);
                self.output(text, redir)?;
            }
            S::Expr(e) => {
                self.eval(e)?;
            }
            S::If(c, a, b) => {
                if self.eval(c)?.truthy() {
                    return self.exec(a);
                } else if let Some(b) = b {
                    return self.exec(b);
                }
            }
            S::While(c, body) => {
                let mut n = 0u64;
                while self.eval(c)?.truthy() {
                    n += 1;
                    if n > 10_000_000 {
                        return Err("loop ran too long".into());
                    }
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Next => return Ok(Flow::Next),
                        Flow::Exit => return Ok(Flow::Exit),
                        _ => {}
                    }
                }
            }
            S::For(init, cond, step, body) => {
                if let Some(i) = init {
                    self.eval(i)?;
                }
                let mut n = 0u64;
                loop {
                    if let Some(c) = cond {
                        if !self.eval(c)?.truthy() {
                            break;
                        }
                    }
                    n += 1;
                    if n > 10_000_000 {
                        return Err("loop ran too long".into());
                    }
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Next => return Ok(Flow::Next),
                        Flow::Exit => return Ok(Flow::Exit),
                        _ => {}
                    }
                    if let Some(st) = step {
                        self.eval(st)?;
                    }
                }
            }
            S::ForIn(k, arr, body) => {
                let keys: Vec<String> = self.arrays.get(arr).map(|m| m.keys().cloned().collect()).unwrap_or_default();
                for key in keys {
                    self.vars.insert(k.clone(), V::StrNum(key));
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Next => return Ok(Flow::Next),
                        Flow::Exit => return Ok(Flow::Exit),
                        _ => {}
                    }
                }
            }
            S::Block(v) => {
                for st in v {
                    match self.exec(st)? {
                        Flow::Normal => {}
                        other => return Ok(other),
                    }
                }
            }
            S::Next => return Ok(Flow::Next),
            S::Break => return Ok(Flow::Break),
            S::Continue => return Ok(Flow::Continue),
            S::Exit(e) => {
                if let Some(e) = e {
                    self.exit_code = self.eval(e)?.num() as i32;
                }
                return Ok(Flow::Exit);
            }
            S::Delete(a, k) => match k {
                Some(k) => {
                    let key = self.eval(k)?.str();
                    if let Some(m) = self.arrays.get_mut(a) {
                        m.shift_remove(&key);
                    }
                }
                None => {
                    self.arrays.shift_remove(a);
                }
            },
        }
        Ok(Flow::Normal)
    }
}

fn split_fields(s: &str, fs: &str, rt: &mut Rt<'_, '_, '_>) -> Vec<String> {
    if fs == " " {
        return s.split_whitespace().map(str::to_string).collect();
    }
    if s.is_empty() {
        return Vec::new();
    }
    if fs.chars().count() == 1 && fs != "\\" {
        let c = fs.chars().next().unwrap_or(' ');
        if c == '\t' || !"^$.[]|()*+?{}".contains(c) {
            return s.split(c).map(str::to_string).collect();
        }
    }
    match rt.regex(fs) {
        Ok(re) => {
            let mut v = Vec::new();
            let mut pos = 0;
            while pos <= s.len() {
                match re.find_at(s, pos) {
                    Some((a, b)) if b > a => {
                        v.push(s[pos..a].to_string());
                        pos = b;
                    }
                    _ => break,
                }
                if v.len() > 100_000 {
                    break;
                }
            }
            v.push(s[pos.min(s.len())..].to_string());
            v
        }
        Err(_) => vec![s.to_string()],
    }
}

fn awk_printf(vals: &[V]) -> String {
    let Some(fmt) = vals.first() else { return String::new() };
    let args: Vec<String> = vals[1..]
        .iter()
        .map(|v| match v {
            V::Num(n) => {
                if *n == n.trunc() && n.abs() < 1e18 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            other => other.str(),
        })
        .collect();
    // awk's printf does not recycle the format
    let fmt = fmt.str();
    let convs = count_convs(&fmt);
    let used = &args[..args.len().min(convs)];
    crate::builtins::printf_format(&fmt, used).0
}

fn count_convs(fmt: &str) -> usize {
    let cs: Vec<char> = fmt.chars().collect();
    let mut n = 0;
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '%' {
            if cs.get(i + 1) == Some(&'%') {
                i += 2;
                continue;
            }
            n += 1;
            i += 1;
            while i < cs.len() && !cs[i].is_ascii_alphabetic() {
                if cs[i] == '*' {
                    n += 1;
                }
                i += 1;
            }
        }
        i += 1;
    }
    n
}

pub(super) fn awk(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "", "Fvf") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let mut operands = o.operands.clone();
    let program = if let Some(f) = o.value('f') {
        match cx.input(f) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                cx.err(format!("can't open file {f}: {e}"));
                return 2;
            }
        }
    } else if operands.is_empty() {
        cx.out.err("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n");
        return 2;
    } else {
        operands.remove(0)
    };
    let toks = match lex(&program) {
        Ok(t) => t,
        Err(e) => {
            cx.err(e);
            return 2;
        }
    };
    let mut p = P { t: toks, i: 0, depth: 0, no_gt: false, no_in: false };
    let mut rules = match p.program() {
        Ok(r) => r,
        Err(e) => {
            cx.err(e);
            if cx.gnu() {
                cx.out.err(format!("awk: cmd. line:1: {program}\n"));
            }
            return 2;
        }
    };
    let mut vars = IndexMap::new();
    let fs = match o.value('F') {
        Some("t") | Some("\\t") => "\t".to_string(),
        Some(f) => f.to_string(),
        None => " ".to_string(),
    };
    vars.insert("FS".to_string(), V::Str(fs));
    vars.insert("OFS".to_string(), V::Str(" ".into()));
    vars.insert("ORS".to_string(), V::Str("\n".into()));
    vars.insert("SUBSEP".to_string(), V::Str("\x1c".into()));
    vars.insert("OFMT".to_string(), V::Str("%.6g".into()));
    for a in o.values('v') {
        if let Some((k, v)) = a.split_once('=') {
            vars.insert(k.to_string(), V::StrNum(crate::builtins::escapes(v, true).0));
        }
    }
    let mut env = IndexMap::new();
    for (k, v) in cx.sh.env() {
        env.insert(k, V::StrNum(v));
    }
    let mut arrays = IndexMap::new();
    arrays.insert("ENVIRON".to_string(), env);
    // files and var=value operands
    let mut inputs: Vec<String> = Vec::new();
    let mut assigns_before: Vec<(usize, String, String)> = Vec::new();
    for op in &operands {
        if let Some((k, v)) = op.split_once('=').filter(|(k, _)| crate::parse::is_name(k)) {
            assigns_before.push((inputs.len(), k.to_string(), v.to_string()));
        } else {
            inputs.push(op.clone());
        }
    }
    let mut rt = Rt { cx, vars, arrays, fields: Vec::new(), record: String::new(), nr: 0, out: String::new(), files: IndexMap::new(), exit_code: 0, regex_cache: IndexMap::new(), steps: 0, rand: 0 };
    let mut failed = false;
    let result = (|| -> Result<(), String> {
        let mut exiting = false;
        for r in rules.iter().filter(|r| matches!(r.pat, Pat::Begin)) {
            if let Some(a) = &r.action {
                for s in a {
                    if let Flow::Exit = rt.exec(s)? {
                        exiting = true;
                        break;
                    }
                }
            }
            if exiting {
                break;
            }
        }
        let has_main = rules.iter().any(|r| !matches!(r.pat, Pat::Begin));
        if !exiting && has_main {
            let sources: Vec<Option<String>> = if inputs.is_empty() { vec![None] } else { inputs.iter().cloned().map(Some).collect() };
            'files: for (fi, src) in sources.iter().enumerate() {
                for (idx, k, v) in &assigns_before {
                    if *idx == fi {
                        rt.vars.insert(k.clone(), V::StrNum(v.clone()));
                    }
                }
                let data = match src {
                    None => rt.cx.stdin_bytes().to_vec(),
                    Some(f) if f == "-" => rt.cx.stdin_bytes().to_vec(),
                    Some(f) => match rt.cx.input(f) {
                        Ok(b) => b.to_vec(),
                        Err(e) => {
                            rt.cx.err(format!("cannot open \"{f}\" ({e})"));
                            failed = true;
                            continue;
                        }
                    },
                };
                if let Some(f) = src {
                    rt.vars.insert("FILENAME".into(), V::Str(f.clone()));
                }
                let text = String::from_utf8_lossy(&data).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                if text.ends_with('\n') || text.is_empty() {
                    lines.pop();
                }
                for line in lines {
                    rt.nr += 1;
                    rt.record = line.to_string();
                    rt.split_record();
                    for r in rules.iter_mut() {
                        let hit = match &r.pat {
                            Pat::Begin | Pat::End => false,
                            Pat::All => true,
                            Pat::Expr(e) => rt.eval(e)?.truthy(),
                            Pat::Range(a, b) => {
                                if r.in_range {
                                    if rt.eval(b)?.truthy() {
                                        r.in_range = false;
                                    }
                                    true
                                } else if rt.eval(a)?.truthy() {
                                    r.in_range = !rt.eval(b)?.truthy();
                                    true
                                } else {
                                    false
                                }
                            }
                        };
                        if !hit {
                            continue;
                        }
                        let flow = match &r.action {
                            None => {
                                let ors = rt.sv("ORS");
                                let rec = rt.record.clone();
                                rt.out.push_str(&rec);
                                rt.out.push_str(&ors);
                                Flow::Normal
                            }
                            Some(a) => {
                                let mut fl = Flow::Normal;
                                for s in a {
                                    fl = rt.exec(s)?;
                                    if !matches!(fl, Flow::Normal) {
                                        break;
                                    }
                                }
                                fl
                            }
                        };
                        match flow {
                            Flow::Next => break,
                            Flow::Exit => {
                                exiting = true;
                                break 'files;
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        let _ = exiting;
        for r in rules.iter().filter(|r| matches!(r.pat, Pat::End)) {
            if let Some(a) = &r.action {
                for s in a {
                    if let Flow::Exit = rt.exec(s)? {
                        return Ok(());
                    }
                }
            }
        }
        Ok(())
    })();
    let out = std::mem::take(&mut rt.out);
    let files = std::mem::take(&mut rt.files);
    let code = rt.exit_code;
    rt.cx.print(out);
    for (name, data) in files {
        let p = rt.cx.path(&name);
        if let Err(e) = fsutil::write_bytes(rt.cx.sys, &p, data.into_bytes()) {
            rt.cx.err(format!("can't redirect to {name} ({e})"));
        }
    }
    if let Err(e) = result {
        rt.cx.err(e);
        return 2;
    }
    if failed && code == 0 {
        return 2;
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_num(0.1 + 0.2), "0.3");
        assert_eq!(fmt_num(1.0 / 3.0), "0.333333");
        assert_eq!(fmt_num(1e20), "1e+20");
        assert_eq!(str_to_num(" 12abc"), 12.0);
        assert_eq!(count_convs("%d %s %%"), 2);
    }
}
