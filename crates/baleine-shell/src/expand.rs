//! Word expansion: braces, tilde, parameters, command substitution,
//! arithmetic, field splitting and globbing.

use crate::ast::*;
use crate::{arith, glob, interp, Flavor, Output, Shell, System};

/// An expansion error: bash's message without the shell name.
pub(crate) type XR<T> = Result<T, String>;

#[derive(Default)]
struct Field {
    text: String,
    pat: String,
    glob: bool,
}

struct Fields {
    done: Vec<Field>,
    cur: Option<Field>,
    split: bool,
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

impl Fields {
    fn new(split: bool) -> Fields {
        Fields { done: Vec::new(), cur: None, split }
    }
    fn cur(&mut self) -> &mut Field {
        self.cur.get_or_insert_with(Field::default)
    }
    fn start(&mut self) {
        self.cur();
    }
    fn brk(&mut self) {
        if let Some(f) = self.cur.take() {
            self.done.push(f);
        }
    }
    fn quoted(&mut self, s: &str) {
        let f = self.cur();
        f.text.push_str(s);
        if has_glob_chars(s) || s.contains(['\\', ']']) {
            f.pat.push_str(&glob::escape(s));
        } else {
            f.pat.push_str(s);
        }
    }
    fn lit(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let f = self.cur();
        f.text.push_str(s);
        f.pat.push_str(s);
        if has_glob_chars(s) {
            f.glob = true;
        }
    }
    /// An unquoted expansion result: split on IFS.
    fn expansion(&mut self, s: &str, ifs: &str) {
        if !self.split || ifs.is_empty() {
            self.lit(s);
            return;
        }
        let mut seg_start = 0;
        for (i, ch) in s.char_indices() {
            if ifs.contains(ch) {
                self.lit(&s[seg_start..i]);
                if ch.is_whitespace() {
                    self.brk();
                } else {
                    self.start();
                    self.brk();
                }
                seg_start = i + ch.len_utf8();
            }
        }
        self.lit(&s[seg_start..]);
    }
}

enum Val {
    Str(String),
    List(Vec<String>),
    Unset,
}

fn ifs(sh: &Shell) -> String {
    sh.var("IFS").unwrap_or(" \t\n").to_string()
}

/// Expands command words: brace expansion (bash), then everything, with
/// field splitting and globbing.
pub(crate) fn words(sh: &mut Shell, sys: &mut dyn System, out: &mut Output, ws: &[Word]) -> XR<Vec<String>> {
    let mut result = Vec::new();
    for w in ws {
        if sh.flavor == Flavor::Bash && w.parts.iter().any(|p| matches!(p, WordPart::Lit(s) if s.contains('{'))) {
            for bw in brace_expand(w) {
                one_word(sh, sys, out, &bw, &mut result)?;
            }
        } else {
            one_word(sh, sys, out, w, &mut result)?;
        }
    }
    Ok(result)
}

fn one_word(sh: &mut Shell, sys: &mut dyn System, out: &mut Output, w: &Word, result: &mut Vec<String>) -> XR<()> {
    let mut f = Fields::new(true);
    parts(sh, sys, out, &w.parts, false, &mut f)?;
    f.brk();
    for field in f.done {
        if field.glob && !sh.state.noglob {
            let m = glob::expand(&*sys, &sh.cwd, &field.pat);
            if !m.is_empty() {
                result.extend(m);
                continue;
            }
        }
        result.push(field.text);
    }
    Ok(())
}

/// Expands a word to one string: no splitting, no globbing (assignments,
/// heredocs, `case` subjects).
pub(crate) fn string(sh: &mut Shell, sys: &mut dyn System, out: &mut Output, w: &Word) -> XR<String> {
    let mut f = Fields::new(false);
    parts(sh, sys, out, &w.parts, false, &mut f)?;
    f.brk();
    let mut s = String::new();
    for (i, field) in f.done.into_iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&field.text);
    }
    Ok(s)
}

/// Expands a word to a shell pattern: quoted characters are escaped.
pub(crate) fn pattern(sh: &mut Shell, sys: &mut dyn System, out: &mut Output, w: &Word) -> XR<String> {
    let mut f = Fields::new(false);
    parts(sh, sys, out, &w.parts, false, &mut f)?;
    f.brk();
    let mut s = String::new();
    for (i, field) in f.done.into_iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&field.pat);
    }
    Ok(s)
}

fn parts(sh: &mut Shell, sys: &mut dyn System, out: &mut Output, ps: &[WordPart], quoted: bool, f: &mut Fields) -> XR<()> {
    for p in ps {
        match p {
            WordPart::Lit(s) => {
                if quoted {
                    f.quoted(s)
                } else {
                    f.lit(s)
                }
            }
            WordPart::Quoted(s) => {
                f.start();
                f.quoted(s);
            }
            WordPart::Double(inner) => {
                let only_at = matches!(inner.as_slice(), [WordPart::Param(p)] if p.name == "@" && p.op == ParamOp::Plain);
                if !(only_at && sh.state.positional.is_empty()) {
                    f.start();
                }
                parts(sh, sys, out, inner, true, f)?;
            }
            WordPart::Tilde(user) => {
                let v = tilde(sh, &*sys, user);
                f.start();
                f.quoted(&v);
            }
            WordPart::Param(p) => {
                let v = param(sh, sys, out, p, quoted)?;
                push_val(sh, f, v, quoted);
            }
            WordPart::Command(script) => {
                let s = interp::command_subst(sh, sys, script, out)?;
                push_val(sh, f, Val::Str(s), quoted);
            }
            WordPart::Arith(w) => {
                let e = string(sh, sys, out, w)?;
                let n = arith::eval(sh, &e)?;
                push_val(sh, f, Val::Str(n.to_string()), quoted);
            }
        }
    }
    Ok(())
}

fn push_val(sh: &Shell, f: &mut Fields, v: Val, quoted: bool) {
    match v {
        Val::Unset => {}
        Val::Str(s) => {
            if quoted {
                f.quoted(&s)
            } else {
                f.expansion(&s, &ifs(sh))
            }
        }
        Val::List(items) => {
            let ifs = ifs(sh);
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    if f.split {
                        f.brk();
                        if quoted {
                            f.start();
                        }
                    } else {
                        f.quoted(" ");
                    }
                }
                if quoted {
                    f.quoted(it)
                } else {
                    f.expansion(it, &ifs)
                }
            }
        }
    }
}

fn tilde(sh: &Shell, sys: &dyn System, user: &str) -> String {
    if user.is_empty() {
        return sh.var("HOME").map(str::to_string).unwrap_or_else(|| if sys.user().1 == 0 { "/root".into() } else { "/".into() });
    }
    if user == "root" {
        return "/root".into();
    }
    let home = format!("/home/{user}");
    if sys.is_dir(&home) {
        home
    } else {
        format!("~{user}")
    }
}

/// The value of a scalar parameter (specials included), None when unset.
pub(crate) fn get_scalar(sh: &mut Shell, sys: &dyn System, name: &str) -> Option<String> {
    let first = name.chars().next()?;
    if first.is_ascii_digit() {
        let n: usize = name.parse().ok()?;
        if n == 0 {
            return Some(sh.state.arg0.clone().unwrap_or_else(|| sh.name.clone()));
        }
        return sh.state.positional.get(n - 1).cloned();
    }
    match name {
        "@" | "*" => {
            if sh.state.positional.is_empty() {
                None
            } else {
                Some(sh.state.positional.join(" "))
            }
        }
        "#" => Some(sh.state.positional.len().to_string()),
        "?" => Some(sh.last_status.to_string()),
        "$" => Some(sh.state.pid.to_string()),
        "!" => sh.state.last_bg.map(|p| p.to_string()),
        "-" => {
            let mut s = String::new();
            if sh.state.errexit {
                s.push('e');
            }
            if sh.state.noglob {
                s.push('f');
            }
            s.push('h');
            if sh.state.interactive {
                s.push('i');
            }
            if sh.state.nounset {
                s.push('u');
            }
            if sh.state.xtrace {
                s.push('x');
            }
            if sh.flavor == Flavor::Bash {
                s.push('B');
            }
            Some(s)
        }
        "RANDOM" | "LINENO" => dynamic_var(sh, name),
        _ => match sh.vars.get(name) {
            Some(v) => Some(v.clone()),
            None => match name {
                "UID" | "EUID" if sh.flavor == Flavor::Bash => Some(sys.user().1.to_string()),
                "PPID" => Some("0".into()),
                "SECONDS" => Some("0".into()),
                "PWD" => Some(sh.cwd.clone()),
                "HOSTNAME" if sh.flavor == Flavor::Bash => Some(sys.hostname()),
                "IFS" => Some(" \t\n".into()),
                "PS4" => Some("+ ".into()),
                "OPTIND" => Some("1".into()),
                "BASH" if sh.flavor == Flavor::Bash => Some("/bin/bash".into()),
                "BASH_VERSION" if sh.flavor == Flavor::Bash => Some("5.2.21(1)-release".into()),
                "SHELL" if sh.flavor == Flavor::Bash => Some("/bin/bash".into()),
                _ => None,
            },
        },
    }
}

/// Variables computed on each use: `$RANDOM` (deterministic sequence) and
/// `$LINENO`.
pub(crate) fn dynamic_var(sh: &mut Shell, name: &str) -> Option<String> {
    match name {
        "RANDOM" => {
            sh.state.random = sh.state.random.wrapping_mul(1103515245).wrapping_add(12345);
            Some(((sh.state.random >> 16) & 0x7fff).to_string())
        }
        "LINENO" => Some(sh.state.lineno.to_string()),
        _ => None,
    }
}

fn is_special(name: &str) -> bool {
    matches!(name, "@" | "*" | "#" | "?" | "$" | "!" | "-") || name.chars().all(|c| c.is_ascii_digit())
}

fn param(sh: &mut Shell, sys: &mut dyn System, out: &mut Output, p: &Param, quoted: bool) -> XR<Val> {
    let name = p.name.as_str();
    let get = |sh: &mut Shell, sys: &dyn System| -> XR<Option<String>> {
        let v = get_scalar(sh, sys, name);
        if v.is_none() && sh.state.nounset && !matches!(name, "@" | "*") {
            return Err(format!("{name}: unbound variable"));
        }
        Ok(v)
    };
    let null = |v: &Option<String>, colon: bool| match v {
        None => true,
        Some(s) => colon && s.is_empty(),
    };
    Ok(match &p.op {
        ParamOp::Plain => {
            if name == "@" || (name == "*" && !quoted) {
                Val::List(sh.state.positional.clone())
            } else if name == "*" {
                let sep = ifs(sh).chars().next().map(String::from).unwrap_or_default();
                Val::Str(sh.state.positional.join(&sep))
            } else {
                match get(sh, &*sys)? {
                    Some(v) => Val::Str(v),
                    None => Val::Unset,
                }
            }
        }
        ParamOp::Length => {
            if name == "@" || name == "*" {
                Val::Str(sh.state.positional.len().to_string())
            } else {
                Val::Str(get(sh, &*sys)?.map(|v| v.chars().count()).unwrap_or(0).to_string())
            }
        }
        ParamOp::Indirect => {
            let target = get(sh, &*sys)?.unwrap_or_default();
            match get_scalar(sh, &*sys, &target) {
                Some(v) => Val::Str(v),
                None => Val::Unset,
            }
        }
        ParamOp::Default { colon, word } => {
            let v = get_scalar(sh, &*sys, name);
            if null(&v, *colon) {
                Val::Str(string(sh, sys, out, word)?)
            } else {
                Val::Str(v.unwrap_or_default())
            }
        }
        ParamOp::Assign { colon, word } => {
            let v = get_scalar(sh, &*sys, name);
            if null(&v, *colon) {
                if is_special(name) {
                    return Err(format!("${name}: cannot assign in this way"));
                }
                let nv = string(sh, sys, out, word)?;
                sh.set_var(name, &nv);
                Val::Str(nv)
            } else {
                Val::Str(v.unwrap_or_default())
            }
        }
        ParamOp::Error { colon, word } => {
            let v = get_scalar(sh, &*sys, name);
            if null(&v, *colon) {
                let msg = string(sh, sys, out, word)?;
                let msg = if msg.is_empty() { if *colon { "parameter null or not set".to_string() } else { "parameter not set".to_string() } } else { msg };
                return Err(format!("{name}: {msg}"));
            }
            Val::Str(v.unwrap_or_default())
        }
        ParamOp::Alt { colon, word } => {
            let v = get_scalar(sh, &*sys, name);
            if null(&v, *colon) {
                Val::Str(String::new())
            } else {
                Val::Str(string(sh, sys, out, word)?)
            }
        }
        ParamOp::TrimPrefix { longest, pat } => {
            let v = get(sh, &*sys)?.unwrap_or_default();
            let pat = pattern(sh, sys, out, pat)?;
            Val::Str(trim(&v, &pat, *longest, true))
        }
        ParamOp::TrimSuffix { longest, pat } => {
            let v = get(sh, &*sys)?.unwrap_or_default();
            let pat = pattern(sh, sys, out, pat)?;
            Val::Str(trim(&v, &pat, *longest, false))
        }
        ParamOp::Replace { all, anchor, pat, rep } => {
            let v = get(sh, &*sys)?.unwrap_or_default();
            let pat = pattern(sh, sys, out, pat)?;
            let rep = string(sh, sys, out, rep)?;
            Val::Str(replace(&v, &pat, &rep, *all, *anchor))
        }
        ParamOp::Substr { offset, len } => {
            let v = get(sh, &*sys)?.unwrap_or_default();
            let off_s = string(sh, sys, out, offset)?;
            let off = arith::eval(sh, &off_s)?;
            let cs: Vec<char> = v.chars().collect();
            let n = cs.len() as i64;
            let start = if off < 0 { (n + off).max(0) } else { off.min(n) };
            let end = match len {
                None => n,
                Some(l) => {
                    let ls = string(sh, sys, out, l)?;
                    let l = arith::eval(sh, &ls)?;
                    if l < 0 {
                        let e = n + l;
                        if e < start {
                            return Err(format!("{l}: substring expression < 0"));
                        }
                        e
                    } else {
                        (start + l).min(n)
                    }
                }
            };
            Val::Str(cs[start as usize..end.max(start) as usize].iter().collect())
        }
        ParamOp::Case { upper, all } => {
            let v = get(sh, &*sys)?.unwrap_or_default();
            let conv = |s: &str| if *upper { s.to_uppercase() } else { s.to_lowercase() };
            if *all {
                Val::Str(conv(&v))
            } else {
                let mut cs = v.chars();
                match cs.next() {
                    Some(c) => Val::Str(format!("{}{}", conv(&c.to_string()), cs.as_str())),
                    None => Val::Str(String::new()),
                }
            }
        }
        ParamOp::Bad(text) => return Err(format!("${{{text}}}: bad substitution")),
    })
}

fn trim(v: &str, pat: &str, longest: bool, prefix: bool) -> String {
    let p = glob::Pattern::new(pat);
    let cs: Vec<char> = v.chars().collect();
    let n = cs.len();
    let lens: Box<dyn Iterator<Item = usize>> = if longest { Box::new((0..=n).rev()) } else { Box::new(0..=n) };
    for len in lens {
        if prefix {
            if p.matches_chars(&cs[..len]) {
                return cs[len..].iter().collect();
            }
        } else if p.matches_chars(&cs[n - len..]) {
            return cs[..n - len].iter().collect();
        }
    }
    v.to_string()
}

fn replace(v: &str, pat: &str, rep: &str, all: bool, anchor: Anchor) -> String {
    if pat.is_empty() {
        return v.to_string();
    }
    let p = glob::Pattern::new(pat);
    let cs: Vec<char> = v.chars().collect();
    let n = cs.len();
    match anchor {
        Anchor::Start => {
            for len in (0..=n).rev() {
                if p.matches_chars(&cs[..len]) {
                    return format!("{rep}{}", cs[len..].iter().collect::<String>());
                }
            }
            v.to_string()
        }
        Anchor::End => {
            for start in 0..=n {
                if p.matches_chars(&cs[start..]) {
                    return format!("{}{rep}", cs[..start].iter().collect::<String>());
                }
            }
            v.to_string()
        }
        Anchor::None => {
            let mut out = String::new();
            let mut i = 0;
            while i < n {
                let mut found = None;
                for len in (1..=n - i).rev() {
                    if p.matches_chars(&cs[i..i + len]) {
                        found = Some(len);
                        break;
                    }
                }
                match found {
                    Some(len) => {
                        out.push_str(rep);
                        i += len;
                        if !all {
                            out.extend(&cs[i..]);
                            return out;
                        }
                    }
                    None => {
                        out.push(cs[i]);
                        i += 1;
                    }
                }
            }
            out
        }
    }
}

// ------------------------------------------------------------ brace expansion

const BRACE_LIMIT: usize = 10_000;

/// Finds the first brace group in `cs` that expands: (open, close, alternatives).
fn find_brace(cs: &[char]) -> Option<(usize, usize, Vec<String>)> {
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '{' && (i == 0 || cs[i - 1] != '$') {
            let mut depth = 0;
            let mut j = i;
            let mut close = None;
            while j < cs.len() {
                match cs[j] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            close = Some(j);
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if let Some(j) = close {
                let inner = &cs[i + 1..j];
                // top-level commas
                let mut alts = Vec::new();
                let mut d = 0;
                let mut cur = String::new();
                let mut comma = false;
                for &c in inner {
                    match c {
                        '{' => {
                            d += 1;
                            cur.push(c);
                        }
                        '}' => {
                            d -= 1;
                            cur.push(c);
                        }
                        ',' if d == 0 => {
                            comma = true;
                            alts.push(std::mem::take(&mut cur));
                        }
                        _ => cur.push(c),
                    }
                }
                alts.push(cur);
                if comma {
                    return Some((i, j, alts));
                }
                let text: String = inner.iter().collect();
                if let Some(seq) = sequence(&text) {
                    return Some((i, j, seq));
                }
            }
        }
        i += 1;
    }
    None
}

fn sequence(text: &str) -> Option<Vec<String>> {
    let pieces: Vec<&str> = text.split("..").collect();
    if pieces.len() != 2 && pieces.len() != 3 {
        return None;
    }
    let step: i64 = if pieces.len() == 3 { pieces[2].parse().ok()? } else { 1 };
    let step = step.unsigned_abs().max(1) as i64;
    if let (Ok(a), Ok(b)) = (pieces[0].parse::<i64>(), pieces[1].parse::<i64>()) {
        let width = if (pieces[0].starts_with('0') && pieces[0].len() > 1) || (pieces[1].starts_with('0') && pieces[1].len() > 1) {
            pieces[0].len().max(pieces[1].len())
        } else {
            0
        };
        if (a as i128 - b as i128).unsigned_abs() / step as u128 > BRACE_LIMIT as u128 {
            return None;
        }
        let (a, b, step) = (a as i128, b as i128, step as i128);
        let mut out = Vec::new();
        let mut x = a;
        loop {
            out.push(if width > 0 { format!("{x:0width$}") } else { x.to_string() });
            if x == b {
                break;
            }
            if a < b {
                x += step;
                if x > b {
                    break;
                }
            } else {
                x -= step;
                if x < b {
                    break;
                }
            }
        }
        return Some(out);
    }
    let (mut ca, mut cb) = (pieces[0].chars(), pieces[1].chars());
    let (a, b) = (ca.next()?, cb.next()?);
    if ca.next().is_some() || cb.next().is_some() || !a.is_ascii_alphabetic() || !b.is_ascii_alphabetic() {
        return None;
    }
    let (a, b) = (a as i64, b as i64);
    let mut out = Vec::new();
    let mut x = a;
    loop {
        out.push(char::from_u32(x as u32).map(String::from).unwrap_or_default());
        if x == b {
            break;
        }
        if a < b {
            x += step;
            if x > b {
                break;
            }
        } else {
            x -= step;
            if x < b {
                break;
            }
        }
    }
    Some(out)
}

/// Bash brace expansion over the unquoted literal parts of a word.
pub(crate) fn brace_expand(w: &Word) -> Vec<Word> {
    let mut stack = vec![w.clone()];
    let mut done = Vec::new();
    let mut steps = 0;
    while let Some(w) = stack.pop() {
        steps += 1;
        if done.len() + stack.len() > BRACE_LIMIT || steps > BRACE_LIMIT * 4 {
            done.push(w);
            continue;
        }
        let mut hit = None;
        for (pi, p) in w.parts.iter().enumerate() {
            if let WordPart::Lit(s) = p {
                if s.contains('{') {
                    let cs: Vec<char> = s.chars().collect();
                    if let Some((a, b, alts)) = find_brace(&cs) {
                        hit = Some((pi, cs, a, b, alts));
                        break;
                    }
                }
            }
        }
        match hit {
            None => done.push(w),
            Some((pi, cs, a, b, alts)) => {
                let pre: String = cs[..a].iter().collect();
                let post: String = cs[b + 1..].iter().collect();
                for alt in alts.into_iter().rev() {
                    let mut nw = w.clone();
                    nw.parts[pi] = WordPart::Lit(format!("{pre}{alt}{post}"));
                    stack.push(nw);
                }
            }
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces() {
        let ws = brace_expand(&Word::lit("a{b,c}d"));
        let texts: Vec<String> = ws.iter().map(|w| w.unquoted_text()).collect();
        assert_eq!(texts, vec!["abd", "acd"]);
        let ws = brace_expand(&Word::lit("{1..3}{x,y}"));
        let texts: Vec<String> = ws.iter().map(|w| w.unquoted_text()).collect();
        assert_eq!(texts, vec!["1x", "1y", "2x", "2y", "3x", "3y"]);
        let ws = brace_expand(&Word::lit("{a}"));
        assert_eq!(ws.len(), 1);
        assert!(brace_expand(&Word::lit(&"{a,b}".repeat(30))).len() <= BRACE_LIMIT + 10);
    }

    #[test]
    fn trims() {
        assert_eq!(trim("a/b/c.txt", "*/", false, true), "b/c.txt");
        assert_eq!(trim("a/b/c.txt", "*/", true, true), "c.txt");
        assert_eq!(trim("a.tar.gz", ".*", false, false), "a.tar");
        assert_eq!(trim("a.tar.gz", ".*", true, false), "a");
        assert_eq!(replace("hello world", "o", "0", true, Anchor::None), "hell0 w0rld");
        assert_eq!(replace("hello", "l", "L", false, Anchor::None), "heLlo");
    }
}
