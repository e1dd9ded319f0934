//! `sed`: addresses (N, $, /re/, ranges, !), s///[gpNi], d, p, q, Q, a, i,
//! c, =, y, n, N, h, H, g, G, x, { }, -n, -e, -i, -E.

use super::{getopt, Ctx};
use crate::fsutil;
use crate::regex::{Regex, Syntax};

enum Addr {
    Line(usize),
    Last,
    Re(Regex),
}

enum Rep {
    Lit(String),
    Group(usize),
}

enum K {
    Subst { re: Regex, rep: Vec<Rep>, global: bool, nth: usize, print: bool },
    Delete,
    Print,
    Quit(i32, bool),
    Append(String),
    Insert(String),
    Change(String),
    LineNo,
    Translit(Vec<char>, Vec<char>),
    Next,
    NextAppend,
    Hold,
    HoldAppend,
    Get,
    GetAppend,
    Exchange,
    BlockStart(usize),
    BlockEnd,
    Nop,
}

struct Cmd {
    a1: Option<Addr>,
    a2: Option<Addr>,
    neg: bool,
    kind: K,
    active: bool,
}

struct P<'a> {
    cs: &'a [char],
    i: usize,
    ere: bool,
}

impl P<'_> {
    fn peek(&self) -> Option<char> {
        self.cs.get(self.i).copied()
    }
    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
            self.i += 1;
        }
    }
    /// Text up to an unescaped `delim`; `\delim` becomes delim, `\n` a newline.
    fn delimited(&mut self, delim: char, regex: bool) -> Result<String, String> {
        let mut s = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err("unterminated `s' command".into());
            };
            self.i += 1;
            if c == delim {
                return Ok(s);
            }
            if c == '\\' {
                match self.peek() {
                    Some(n) if n == delim => {
                        s.push(n);
                        self.i += 1;
                    }
                    Some('n') if regex => {
                        s.push('\n');
                        self.i += 1;
                    }
                    Some(n) => {
                        s.push('\\');
                        s.push(n);
                        self.i += 1;
                    }
                    None => s.push('\\'),
                }
            } else if c == '\n' && !regex {
                s.push('\n');
            } else {
                s.push(c);
            }
        }
    }
    fn regex(&mut self, pat: &str, icase: bool) -> Result<Regex, String> {
        Regex::new(pat, if self.ere { Syntax::Extended } else { Syntax::Basic }, icase).map_err(|e| format!("-e expression #1, char {}: {e}", self.i))
    }
    fn addr(&mut self) -> Result<Option<Addr>, String> {
        match self.peek() {
            Some(c) if c.is_ascii_digit() => {
                let s = self.i;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.i += 1;
                }
                let n: String = self.cs[s..self.i].iter().collect();
                Ok(Some(Addr::Line(n.parse().unwrap_or(usize::MAX))))
            }
            Some('$') => {
                self.i += 1;
                Ok(Some(Addr::Last))
            }
            Some('/') | Some('\\') => {
                let delim = if self.peek() == Some('\\') {
                    self.i += 1;
                    self.peek().unwrap_or('/')
                } else {
                    '/'
                };
                self.i += 1;
                let pat = self.delimited(delim, true)?;
                let mut icase = false;
                if self.peek() == Some('I') {
                    icase = true;
                    self.i += 1;
                }
                Ok(Some(Addr::Re(self.regex(&pat, icase)?)))
            }
            _ => Ok(None),
        }
    }
    fn text_arg(&mut self) -> String {
        // `a text`, `a\` newline `text`, GNU one-liner `a\text`
        self.skip_ws();
        if self.peek() == Some('\\') {
            self.i += 1;
            if self.peek() == Some('\n') {
                self.i += 1;
            }
        }
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c == '\n' {
                break;
            }
            self.i += 1;
            if c == '\\' {
                match self.peek() {
                    Some('\n') => {
                        s.push('\n');
                        self.i += 1;
                    }
                    Some('t') => {
                        s.push('\t');
                        self.i += 1;
                    }
                    Some(n) => {
                        s.push(n);
                        self.i += 1;
                    }
                    None => {}
                }
            } else {
                s.push(c);
            }
        }
        s
    }
    fn label_end(&mut self) {
        while self.peek().is_some_and(|c| c != '\n' && c != ';') {
            self.i += 1;
        }
    }
}

fn parse_rep(s: &str) -> Vec<Rep> {
    let cs: Vec<char> = s.chars().collect();
    let mut v = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '&' {
            if !lit.is_empty() {
                v.push(Rep::Lit(std::mem::take(&mut lit)));
            }
            v.push(Rep::Group(0));
        } else if c == '\\' && i + 1 < cs.len() {
            i += 1;
            let n = cs[i];
            match n {
                '0'..='9' => {
                    if !lit.is_empty() {
                        v.push(Rep::Lit(std::mem::take(&mut lit)));
                    }
                    v.push(Rep::Group(n as usize - '0' as usize));
                }
                'n' => lit.push('\n'),
                't' => lit.push('\t'),
                other => lit.push(other),
            }
        } else {
            lit.push(c);
        }
        i += 1;
    }
    if !lit.is_empty() {
        v.push(Rep::Lit(lit));
    }
    v
}

fn parse_script(script: &str, ere: bool) -> Result<Vec<Cmd>, String> {
    let cs: Vec<char> = script.chars().collect();
    let mut p = P { cs: &cs, i: 0, ere };
    let mut cmds: Vec<Cmd> = Vec::new();
    let mut open_blocks: Vec<usize> = Vec::new();
    loop {
        while p.peek().is_some_and(|c| c.is_whitespace() || c == ';') {
            p.i += 1;
        }
        if p.peek().is_none() {
            break;
        }
        if cmds.len() > 10_000 {
            return Err("script too long".into());
        }
        let a1 = p.addr()?;
        let mut a2 = None;
        if a1.is_some() && p.peek() == Some(',') {
            p.i += 1;
            a2 = p.addr()?;
            if a2.is_none() {
                return Err("unexpected `,'".into());
            }
        }
        p.skip_ws();
        let mut neg = false;
        while p.peek() == Some('!') {
            neg = !neg;
            p.i += 1;
            p.skip_ws();
        }
        let Some(c) = p.peek() else {
            return Err("missing command".into());
        };
        p.i += 1;
        let kind = match c {
            's' => {
                let Some(delim) = p.peek() else { return Err("unterminated `s' command".into()) };
                p.i += 1;
                let pat = p.delimited(delim, true)?;
                let rep = p.delimited(delim, false)?;
                let (mut global, mut nth, mut print, mut icase) = (false, 1usize, false, false);
                while let Some(f) = p.peek() {
                    match f {
                        'g' => global = true,
                        'p' => print = true,
                        'i' | 'I' => icase = true,
                        'm' | 'M' | 'e' => {}
                        'w' => {
                            p.label_end();
                            break;
                        }
                        d if d.is_ascii_digit() => {
                            let s = p.i;
                            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                                p.i += 1;
                            }
                            nth = p.cs[s..p.i].iter().collect::<String>().parse().unwrap_or(1).max(1);
                            continue;
                        }
                        _ => break,
                    }
                    p.i += 1;
                }
                let re = p.regex(&pat, icase)?;
                K::Subst { re, rep: parse_rep(&rep), global, nth, print }
            }
            'y' => {
                let Some(delim) = p.peek() else { return Err("unterminated `y' command".into()) };
                p.i += 1;
                let a: Vec<char> = p.delimited(delim, true)?.chars().collect();
                let b: Vec<char> = p.delimited(delim, true)?.chars().collect();
                if a.len() != b.len() {
                    return Err("strings for `y' command are different lengths".into());
                }
                K::Translit(a, b)
            }
            'd' => K::Delete,
            'p' => K::Print,
            'q' | 'Q' => {
                p.skip_ws();
                let s = p.i;
                while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                    p.i += 1;
                }
                let code = p.cs[s..p.i].iter().collect::<String>().parse().unwrap_or(0);
                K::Quit(code, c == 'q')
            }
            'a' => K::Append(p.text_arg()),
            'i' => K::Insert(p.text_arg()),
            'c' => K::Change(p.text_arg()),
            '=' => K::LineNo,
            'n' => K::Next,
            'N' => K::NextAppend,
            'h' => K::Hold,
            'H' => K::HoldAppend,
            'g' => K::Get,
            'G' => K::GetAppend,
            'x' => K::Exchange,
            'l' | 'z' => K::Nop,
            '#' => {
                while p.peek().is_some_and(|c| c != '\n') {
                    p.i += 1;
                }
                continue;
            }
            ':' | 'b' | 't' | 'T' => {
                p.label_end();
                K::Nop
            }
            'r' | 'R' | 'w' | 'W' => {
                p.label_end();
                K::Nop
            }
            '{' => {
                open_blocks.push(cmds.len());
                K::BlockStart(0)
            }
            '}' => {
                let Some(start) = open_blocks.pop() else {
                    return Err("unexpected `}'".into());
                };
                let end = cmds.len();
                if let Some(Cmd { kind: K::BlockStart(e), .. }) = cmds.get_mut(start) {
                    *e = end;
                }
                K::BlockEnd
            }
            other => return Err(format!("-e expression #1, char {}: unknown command: `{other}'", p.i)),
        };
        cmds.push(Cmd { a1, a2, neg, kind, active: false });
    }
    if !open_blocks.is_empty() {
        return Err("-e expression #1, char 0: unmatched `{'".into());
    }
    Ok(cmds)
}

fn addr_match(a: &Addr, line: &str, n: usize, last: bool) -> bool {
    match a {
        Addr::Line(k) => *k == n,
        Addr::Last => last,
        Addr::Re(r) => r.find(line).is_some(),
    }
}

fn selected(c: &mut Cmd, line: &str, n: usize, last: bool) -> bool {
    let hit = match (&c.a1, &c.a2) {
        (None, _) => true,
        (Some(a), None) => addr_match(a, line, n, last),
        (Some(a), Some(b)) => {
            if c.active {
                let end = match b {
                    Addr::Line(k) => n >= *k,
                    other => addr_match(other, line, n, last),
                };
                if end {
                    c.active = false;
                }
                true
            } else if addr_match(a, line, n, last) {
                let ends_now = match b {
                    Addr::Line(k) => *k <= n,
                    _ => false,
                };
                c.active = !ends_now;
                true
            } else {
                false
            }
        }
    };
    hit != c.neg
}

fn substitute(re: &Regex, rep: &[Rep], text: &str, global: bool, nth: usize) -> Option<String> {
    let mut out = String::new();
    let mut pos = 0;
    let mut count = 0;
    let mut changed = false;
    let mut prev_end: Option<usize> = None;
    while pos <= text.len() {
        let Some(caps) = re.captures_at(text, pos) else { break };
        let Some((s, e)) = caps.first().copied().flatten() else { break };
        if s == e && prev_end == Some(s) {
            // no empty match right after the previous match
            match text[s..].chars().next() {
                Some(ch) => {
                    out.push_str(&text[pos..s + ch.len_utf8()]);
                    pos = s + ch.len_utf8();
                    continue;
                }
                None => break,
            }
        }
        count += 1;
        out.push_str(&text[pos..s]);
        if count >= nth {
            for r in rep {
                match r {
                    Rep::Lit(l) => out.push_str(l),
                    Rep::Group(g) => {
                        if let Some(Some((a, b))) = caps.get(*g) {
                            out.push_str(&text[*a..*b]);
                        }
                    }
                }
            }
            changed = true;
        } else {
            out.push_str(&text[s..e]);
        }
        prev_end = Some(e);
        if e == s {
            match text[s..].chars().next() {
                Some(ch) => {
                    out.push(ch);
                    pos = s + ch.len_utf8();
                }
                None => {
                    pos = text.len() + 1;
                    break;
                }
            }
        } else {
            pos = e;
        }
        if changed && !global {
            break;
        }
    }
    if !changed {
        return None;
    }
    if pos <= text.len() {
        out.push_str(&text[pos..]);
    }
    Some(out)
}

/// Runs a sed program over lines; returns output and exit code.
fn run_script(cmds: &mut [Cmd], input: &str, quiet: bool) -> (String, Option<i32>) {
    let ends_nl = input.ends_with('\n');
    let mut lines: Vec<&str> = input.split('\n').collect();
    if ends_nl || input.is_empty() {
        lines.pop();
    }
    let total = lines.len();
    let mut out = String::new();
    let mut hold = String::new();
    let mut idx = 0;
    let mut quit: Option<i32> = None;
    let mut steps = 0u64;
    while idx < total {
        let mut ps = lines[idx].to_string();
        idx += 1;
        let mut n = idx;
        let mut append_queue: Vec<String> = Vec::new();
        let mut pc = 0;
        let mut deleted = false;
        let mut autoprint = !quiet;
        while pc < cmds.len() {
            steps += 1;
            if steps > 5_000_000 {
                return (out, Some(4));
            }
            let last = n == total;
            let sel = selected(&mut cmds[pc], &ps, n, last);
            if !sel {
                if let K::BlockStart(end) = cmds[pc].kind {
                    pc = end + 1;
                    continue;
                }
                pc += 1;
                continue;
            }
            match &cmds[pc].kind {
                K::Subst { re, rep, global, nth, print } => {
                    if let Some(r) = substitute(re, rep, &ps, *global, *nth) {
                        ps = r;
                        if *print {
                            out.push_str(&ps);
                            out.push('\n');
                        }
                    }
                }
                K::Delete => {
                    deleted = true;
                    break;
                }
                K::Print => {
                    out.push_str(&ps);
                    out.push('\n');
                }
                K::Quit(code, print) => {
                    quit = Some(*code);
                    autoprint = autoprint && *print;
                    break;
                }
                K::Append(t) => append_queue.push(t.clone()),
                K::Insert(t) => {
                    out.push_str(t);
                    out.push('\n');
                }
                K::Change(t) => {
                    if !cmds[pc].active {
                        out.push_str(t);
                        out.push('\n');
                    }
                    deleted = true;
                    break;
                }
                K::LineNo => out.push_str(&format!("{n}\n")),
                K::Translit(a, b) => {
                    ps = ps.chars().map(|c| a.iter().position(|&x| x == c).map(|i| b[i]).unwrap_or(c)).collect();
                }
                K::Next => {
                    if idx >= total {
                        break;
                    }
                    if !quiet {
                        out.push_str(&ps);
                        out.push('\n');
                    }
                    ps = lines[idx].to_string();
                    idx += 1;
                    n = idx;
                }
                K::NextAppend => {
                    if idx >= total {
                        break;
                    }
                    ps.push('\n');
                    ps.push_str(lines[idx]);
                    idx += 1;
                    n = idx;
                }
                K::Hold => hold = ps.clone(),
                K::HoldAppend => {
                    hold.push('\n');
                    hold.push_str(&ps);
                }
                K::Get => ps = hold.clone(),
                K::GetAppend => {
                    ps.push('\n');
                    ps.push_str(&hold);
                }
                K::Exchange => std::mem::swap(&mut ps, &mut hold),
                K::BlockStart(_) | K::BlockEnd | K::Nop => {}
            }
            pc += 1;
        }
        if !deleted && autoprint {
            out.push_str(&ps);
            if idx < total || ends_nl {
                out.push('\n');
            }
        }
        for a in append_queue {
            out.push_str(&a);
            out.push('\n');
        }
        if quit.is_some() {
            break;
        }
    }
    (out, quit)
}

pub(super) fn sed(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    // -i may carry a suffix glued to it; handle it before getopt
    let mut inplace = false;
    let mut rest: Vec<String> = Vec::new();
    for a in args {
        if a == "-i" || a == "--in-place" || a.starts_with("--in-place=") || (a.starts_with("-i") && a.len() > 2) {
            inplace = true;
        } else if a.len() > 2 && a.starts_with('-') && !a.starts_with("--") && a.contains('i') && a[1..].chars().all(|c| "nErsui".contains(c)) {
            inplace = true;
            rest.push(a.replace('i', ""));
        } else {
            rest.push(a.clone());
        }
    }
    let o = match getopt(&rest, "nErsuz", "ef") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let quiet = o.has('n') || o.long("quiet") || o.long("silent");
    let ere = o.has('E') || o.has('r') || o.long("regexp-extended");
    let mut operands = o.operands.clone();
    let mut script = o.values('e').join("\n");
    if let Some(f) = o.value('f') {
        match cx.input(f) {
            Ok(b) => script = String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                cx.err(format!("couldn't open file {f}: {e}"));
                return 1;
            }
        }
    }
    if script.is_empty() {
        if operands.is_empty() {
            cx.out.err("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
            return 1;
        }
        script = operands.remove(0);
    }
    let mut cmds = match parse_script(&script, ere) {
        Ok(c) => c,
        Err(e) => {
            cx.err(e);
            return 1;
        }
    };
    if inplace {
        if operands.is_empty() {
            cx.err("no input files");
            return 1;
        }
        let mut st = 0;
        for f in &operands {
            let data = match cx.input(f) {
                Ok(b) => b,
                Err(e) => {
                    cx.err(format!("can't read {f}: {e}"));
                    st = 2;
                    continue;
                }
            };
            for c in cmds.iter_mut() {
                c.active = false;
            }
            let (res, q) = run_script(&mut cmds, &String::from_utf8_lossy(&data), quiet);
            let p = cx.path(f);
            if let Err(e) = fsutil::write_bytes(cx.sys, &p, res.into_bytes()) {
                cx.err(format!("couldn't open temporary file {f}: {e}"));
                st = 4;
            }
            if let Some(q) = q {
                if q != 0 {
                    st = q;
                }
            }
        }
        return st;
    }
    let mut input = String::new();
    let mut st = 0;
    if operands.is_empty() {
        input = String::from_utf8_lossy(cx.stdin_bytes()).into_owned();
    } else {
        for f in &operands {
            match cx.input(f) {
                Ok(b) => {
                    let t = String::from_utf8_lossy(&b);
                    input.push_str(&t);
                    if !t.is_empty() && !t.ends_with('\n') {
                        input.push('\n');
                    }
                }
                Err(e) => {
                    cx.err(format!("can't read {f}: {e}"));
                    st = 2;
                }
            }
        }
    }
    let (res, q) = run_script(&mut cmds, &input, quiet);
    cx.print(res);
    q.unwrap_or(st)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(script: &str, input: &str, quiet: bool) -> String {
        let mut c = parse_script(script, false).unwrap();
        run_script(&mut c, input, quiet).0
    }

    #[test]
    fn substitutions() {
        assert_eq!(run("s/a/b/g", "aaa\n", false), "bbb\n");
        assert_eq!(run("s/a/b/", "aaa\n", false), "baa\n");
        assert_eq!(run("s/a/b/2", "aaa\n", false), "aba\n");
        assert_eq!(run("s/x*/-/g", "abc\n", false), "-a-b-c-\n");
        assert_eq!(run("s/a*/x/g", "baaac\n", false), "xbxcx\n");
        assert_eq!(run("s/\\(a\\)\\(b\\)/\\2\\1/", "ab\n", false), "ba\n");
        assert_eq!(run("s/o/[&]/g", "foo\n", false), "f[o][o]\n");
        assert_eq!(run("s|/|_|g", "/a/b\n", false), "_a_b\n");
        assert_eq!(run("2d", "1\n2\n3\n", false), "1\n3\n");
        assert_eq!(run("2,3d", "1\n2\n3\n4\n", false), "1\n4\n");
        assert_eq!(run("/b/,/c/d", "a\nb\nx\nc\nd\n", false), "a\nd\n");
        assert_eq!(run("$!d", "1\n2\n3\n", false), "3\n");
        assert_eq!(run("p", "1\n", true), "1\n");
        assert_eq!(run("1q", "1\n2\n", false), "1\n");
        assert_eq!(run("a\\\nhello", "1\n", false), "1\nhello\n");
        assert_eq!(run("1i top", "1\n", false), "top\n1\n");
        assert_eq!(run("y/abc/xyz/", "aabbcc\n", false), "xxyyzz\n");
        assert_eq!(run("s/a/b/", "a", false), "b");
        assert_eq!(run("/x/{s/x/y/;p}", "x\nz\n", true), "y\n");
        assert!(parse_script("s/a/b", false).is_err());
        assert!(parse_script("{p", false).is_err());
    }
}
