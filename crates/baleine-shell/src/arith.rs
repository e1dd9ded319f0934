//! `$(( … ))` arithmetic: 64-bit integers, C operators, variables.

use crate::Shell;

const MAX_DEPTH: usize = 100;

#[derive(Clone, Debug, PartialEq)]
enum T {
    Num(i64),
    Id(String),
    Op(&'static str),
}

const OPS: &[&str] = &[
    "<<=", ">>=", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "+", "-", "*", "/", "%", "<", ">", "!", "~", "&", "|", "^", "(", ")", "?", ":", "=", ",",
];

fn parse_number(s: &str) -> Result<i64, String> {
    let err = || format!("{s}: value too great for base (error token is \"{s}\")");
    if let Some((base, digits)) = s.split_once('#') {
        let b: u32 = base.parse().map_err(|_| err())?;
        if !(2..=64).contains(&b) {
            return Err(format!("{s}: invalid arithmetic base (error token is \"{s}\")"));
        }
        let mut v: i64 = 0;
        for c in digits.chars() {
            let d = match c {
                '0'..='9' => c as u32 - '0' as u32,
                'a'..='z' => c as u32 - 'a' as u32 + 10,
                'A'..='Z' => c as u32 - 'A' as u32 + if b <= 36 { 10 } else { 36 },
                '@' => 62,
                '_' => 63,
                _ => return Err(err()),
            };
            if d >= b {
                return Err(err());
            }
            v = v.wrapping_mul(b as i64).wrapping_add(d as i64);
        }
        return Ok(v);
    }
    let (digits, radix) = if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (h, 16)
    } else if s.len() > 1 && s.starts_with('0') {
        (&s[1..], 8)
    } else {
        (s, 10)
    };
    let mut v: i64 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix).ok_or_else(err)?;
        v = v.wrapping_mul(radix as i64).wrapping_add(d as i64);
    }
    Ok(v)
}

fn lex(s: &str) -> Result<Vec<T>, String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    'outer: while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let st = i;
            while i < cs.len() && (cs[i].is_ascii_alphanumeric() || cs[i] == '#' || cs[i] == '@' || cs[i] == '_') {
                i += 1;
            }
            let text: String = cs[st..i].iter().collect();
            out.push(T::Num(parse_number(&text)?));
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            let st = i;
            while i < cs.len() && (cs[i].is_ascii_alphanumeric() || cs[i] == '_') {
                i += 1;
            }
            out.push(T::Id(cs[st..i].iter().collect()));
            continue;
        }
        if c == '$' {
            // leftover `$name` (should have been expanded): treat as a name
            i += 1;
            continue;
        }
        for op in OPS {
            let n = op.len();
            if i + n <= cs.len() && cs[i..i + n].iter().copied().eq(op.chars()) {
                out.push(T::Op(op));
                i += n;
                continue 'outer;
            }
        }
        let rest: String = cs[i..].iter().collect();
        return Err(format!("syntax error: invalid arithmetic operator (error token is \"{rest}\")"));
    }
    Ok(out)
}

#[derive(Debug)]
enum E {
    Num(i64),
    Var(String),
    Un(&'static str, Box<E>),
    Bin(&'static str, Box<E>, Box<E>),
    Assign(String, &'static str, Box<E>),
    Inc(String, i64, bool),
    Cond(Box<E>, Box<E>, Box<E>),
}

struct P<'a> {
    t: &'a [T],
    i: usize,
    depth: usize,
    src: &'a str,
}

fn prec(op: &str) -> Option<(u8, bool)> {
    // (precedence, right-assoc)
    Some(match op {
        "," => (1, false),
        "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "<<=" | ">>=" | "&=" | "|=" | "^=" => (2, true),
        "?" => (3, true),
        "||" => (4, false),
        "&&" => (5, false),
        "|" => (6, false),
        "^" => (7, false),
        "&" => (8, false),
        "==" | "!=" => (9, false),
        "<" | ">" | "<=" | ">=" => (10, false),
        "<<" | ">>" => (11, false),
        "+" | "-" => (12, false),
        "*" | "/" | "%" => (13, false),
        "**" => (14, true),
        _ => return None,
    })
}

impl P<'_> {
    fn err_here(&self) -> String {
        let rest: Vec<String> = self.t[self.i.min(self.t.len())..]
            .iter()
            .map(|t| match t {
                T::Num(n) => n.to_string(),
                T::Id(s) => s.clone(),
                T::Op(o) => o.to_string(),
            })
            .collect();
        let tok = rest.join(" ");
        if tok.is_empty() {
            format!("{}: syntax error: operand expected (error token is \"{}\")", self.src.trim(), self.src.trim().chars().last().map(String::from).unwrap_or_default())
        } else {
            format!("{}: syntax error in expression (error token is \"{tok}\")", self.src.trim())
        }
    }

    fn expr(&mut self, min: u8) -> Result<E, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("{}: expression recursion level exceeded", self.src.trim()));
        }
        let mut lhs = self.unary()?;
        while let Some(T::Op(op)) = self.t.get(self.i) {
            let op: &'static str = op;
            let Some((p, right)) = prec(op) else { break };
            if p < min {
                break;
            }
            self.i += 1;
            if op == "?" {
                let a = self.expr(1)?;
                if self.t.get(self.i) != Some(&T::Op(":")) {
                    return Err(self.err_here());
                }
                self.i += 1;
                let b = self.expr(3)?;
                lhs = E::Cond(Box::new(lhs), Box::new(a), Box::new(b));
                continue;
            }
            let rhs = self.expr(if right { p } else { p + 1 })?;
            if p == 2 {
                let E::Var(name) = lhs else {
                    return Err(format!("{}: attempted assignment to non-variable (error token is \"{op}\")", self.src.trim()));
                };
                lhs = E::Assign(name, op, Box::new(rhs));
            } else {
                lhs = E::Bin(op, Box::new(lhs), Box::new(rhs));
            }
        }
        self.depth -= 1;
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<E, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("{}: expression recursion level exceeded", self.src.trim()));
        }
        let r = match self.t.get(self.i).cloned() {
            Some(T::Op(op @ ("!" | "~" | "-" | "+"))) => {
                self.i += 1;
                let e = self.unary()?;
                Ok(E::Un(op, Box::new(e)))
            }
            Some(T::Op(op @ ("++" | "--"))) => {
                self.i += 1;
                match self.t.get(self.i).cloned() {
                    Some(T::Id(name)) => {
                        self.i += 1;
                        Ok(E::Inc(name, if op == "++" { 1 } else { -1 }, true))
                    }
                    _ => {
                        // `--5` is minus minus five
                        let e = self.unary()?;
                        let sign = if op == "--" { "-" } else { "+" };
                        Ok(E::Un(sign, Box::new(E::Un(sign, Box::new(e)))))
                    }
                }
            }
            Some(T::Op("(")) => {
                self.i += 1;
                let e = self.expr(1)?;
                if self.t.get(self.i) != Some(&T::Op(")")) {
                    return Err(self.err_here());
                }
                self.i += 1;
                Ok(e)
            }
            Some(T::Num(n)) => {
                self.i += 1;
                Ok(E::Num(n))
            }
            Some(T::Id(name)) => {
                self.i += 1;
                match self.t.get(self.i) {
                    Some(T::Op("++")) => {
                        self.i += 1;
                        Ok(E::Inc(name, 1, false))
                    }
                    Some(T::Op("--")) => {
                        self.i += 1;
                        Ok(E::Inc(name, -1, false))
                    }
                    _ => Ok(E::Var(name)),
                }
            }
            _ => Err(self.err_here()),
        };
        self.depth -= 1;
        r
    }
}

struct Ev<'a> {
    sh: &'a mut Shell,
    src: &'a str,
    depth: usize,
}

impl Ev<'_> {
    fn var(&mut self, name: &str) -> Result<i64, String> {
        let v = match crate::expand::dynamic_var(self.sh, name) {
            Some(v) => v,
            None => self.sh.var(name).unwrap_or("").trim().to_string(),
        };
        if v.is_empty() {
            return Ok(0);
        }
        if let Ok(n) = v.parse::<i64>() {
            return Ok(n);
        }
        if self.depth > 32 {
            return Err(format!("{name}: expression recursion level exceeded (error token is \"{name}\")"));
        }
        eval_depth(self.sh, &v, self.depth + 1)
    }

    fn bin(&self, op: &str, a: i64, b: i64) -> Result<i64, String> {
        Ok(match op {
            "+" | "+=" => a.wrapping_add(b),
            "-" | "-=" => a.wrapping_sub(b),
            "*" | "*=" => a.wrapping_mul(b),
            "/" | "/=" | "%" | "%=" => {
                if b == 0 {
                    return Err(format!("{}: division by 0 (error token is \"{}\")", self.src.trim(), b));
                }
                if op.starts_with('/') {
                    a.wrapping_div(b)
                } else {
                    a.wrapping_rem(b)
                }
            }
            "**" => {
                if b < 0 {
                    return Err(format!("{}: exponent less than 0 (error token is \"{}\")", self.src.trim(), b));
                }
                a.wrapping_pow(b.min(u32::MAX as i64) as u32)
            }
            "<<" | "<<=" => a.wrapping_shl((b & 63) as u32),
            ">>" | ">>=" => a.wrapping_shr((b & 63) as u32),
            "<" => (a < b) as i64,
            ">" => (a > b) as i64,
            "<=" => (a <= b) as i64,
            ">=" => (a >= b) as i64,
            "==" => (a == b) as i64,
            "!=" => (a != b) as i64,
            "&" | "&=" => a & b,
            "|" | "|=" => a | b,
            "^" | "^=" => a ^ b,
            "," => b,
            _ => b,
        })
    }

    fn ev(&mut self, e: &E) -> Result<i64, String> {
        Ok(match e {
            E::Num(n) => *n,
            E::Var(name) => self.var(name)?,
            E::Un(op, x) => {
                let v = self.ev(x)?;
                match *op {
                    "!" => (v == 0) as i64,
                    "~" => !v,
                    "-" => v.wrapping_neg(),
                    _ => v,
                }
            }
            E::Bin("&&", a, b) => {
                if self.ev(a)? == 0 {
                    0
                } else {
                    (self.ev(b)? != 0) as i64
                }
            }
            E::Bin("||", a, b) => {
                if self.ev(a)? != 0 {
                    1
                } else {
                    (self.ev(b)? != 0) as i64
                }
            }
            E::Bin(op, a, b) => {
                let x = self.ev(a)?;
                let y = self.ev(b)?;
                self.bin(op, x, y)?
            }
            E::Assign(name, op, rhs) => {
                let r = self.ev(rhs)?;
                let v = if *op == "=" {
                    r
                } else {
                    let cur = self.var(name)?;
                    self.bin(op, cur, r)?
                };
                self.sh.set_var(name, &v.to_string());
                v
            }
            E::Inc(name, d, pre) => {
                let cur = self.var(name)?;
                let new = cur.wrapping_add(*d);
                self.sh.set_var(name, &new.to_string());
                if *pre {
                    new
                } else {
                    cur
                }
            }
            E::Cond(c, a, b) => {
                if self.ev(c)? != 0 {
                    self.ev(a)?
                } else {
                    self.ev(b)?
                }
            }
        })
    }
}

fn eval_depth(sh: &mut Shell, src: &str, depth: usize) -> Result<i64, String> {
    let toks = lex(src).map_err(|e| format!("{}: {e}", src.trim()))?;
    if toks.is_empty() {
        return Ok(0);
    }
    if toks.len() > 1000 {
        return Err(format!("{}: expression too long", src.trim().chars().take(20).collect::<String>()));
    }
    let mut p = P { t: &toks, i: 0, depth: 0, src };
    let e = p.expr(1)?;
    if p.i < toks.len() {
        return Err(p.err_here());
    }
    let mut ev = Ev { sh, src, depth };
    ev.ev(&e)
}

/// Evaluates an arithmetic expression (already expanded). Errors are bash's
/// message without the shell name.
pub(crate) fn eval(sh: &mut Shell, src: &str) -> Result<i64, String> {
    eval_depth(sh, src, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Flavor;

    #[test]
    fn arithmetic() {
        let mut sh = Shell::new(Flavor::Bash, &[], "/");
        assert_eq!(eval(&mut sh, "1 + 2 * 3"), Ok(7));
        assert_eq!(eval(&mut sh, "(1 + 2) * 3"), Ok(9));
        assert_eq!(eval(&mut sh, "7 % 3 == 1"), Ok(1));
        assert_eq!(eval(&mut sh, "x = 5, x += 2"), Ok(7));
        assert_eq!(sh.var("x"), Some("7"));
        assert_eq!(eval(&mut sh, "x++"), Ok(7));
        assert_eq!(eval(&mut sh, "x"), Ok(8));
        assert_eq!(eval(&mut sh, "2 ** 10"), Ok(1024));
        assert_eq!(eval(&mut sh, "0x10 + 010"), Ok(24));
        assert_eq!(eval(&mut sh, "1 ? 2 : 3"), Ok(2));
        assert_eq!(eval(&mut sh, "-3 / 2"), Ok(-1));
        assert!(eval(&mut sh, "1 / 0").is_err());
        assert!(eval(&mut sh, "1 +").is_err());
        assert!(eval(&mut sh, &"(".repeat(10000)).is_err());
        sh.set_var("a", "b");
        sh.set_var("b", "a");
        assert!(eval(&mut sh, "a").is_err());
    }
}
