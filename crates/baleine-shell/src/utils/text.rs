//! Text utilities: cat, head, tail, wc, sort, uniq, cut, tr, tee, grep,
//! seq, yes, rev, tac, nl, base64, checksums, xargs, expr.

use std::cmp::Ordering;

use baleine_vfs::{join, Stat};

use super::{getopt, lines, Ctx};
use crate::interp::{run_argv, Stdin};
use crate::regex::{Regex, Syntax};
use crate::{fsutil, glob, sha256};

/// Reads every operand (stdin when none); errors are reported, and the
/// status is 1 if any failed.
fn inputs(cx: &mut Ctx<'_, '_>, operands: &[String]) -> (Vec<(String, Vec<u8>)>, i32) {
    let mut v = Vec::new();
    let mut st = 0;
    if operands.is_empty() {
        let b = cx.stdin_bytes().to_vec();
        v.push(("-".to_string(), b));
        return (v, 0);
    }
    for a in operands {
        match cx.input(a) {
            Ok(b) => v.push((a.clone(), b.to_vec())),
            Err(e) => {
                cx.input_error(a, &e);
                st = 1;
            }
        }
    }
    (v, st)
}

pub(super) fn cat(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "nbEsAvetu", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let number = o.has('n') || o.has('b');
    let ends = o.has('E') || o.has('A') || o.has('e');
    let ops = if o.operands.is_empty() { vec!["-".to_string()] } else { o.operands.clone() };
    let mut st = 0;
    let mut n = 0;
    for a in &ops {
        match cx.input(a) {
            Ok(b) => {
                if !number && !ends {
                    let s = String::from_utf8_lossy(&b).into_owned();
                    cx.print(s);
                } else {
                    let text = String::from_utf8_lossy(&b).into_owned();
                    let mut out = String::new();
                    for (i, seg) in text.split_inclusive('\n').enumerate() {
                        let _ = i;
                        let (line, nl) = match seg.strip_suffix('\n') {
                            Some(l) => (l, true),
                            None => (seg, false),
                        };
                        if number && !(o.has('b') && line.is_empty()) {
                            n += 1;
                            out.push_str(&format!("{n:>6}\t"));
                        }
                        out.push_str(line);
                        if ends && nl {
                            out.push('$');
                        }
                        if nl {
                            out.push('\n');
                        }
                    }
                    cx.print(out);
                }
            }
            Err(e) => {
                cx.input_error(a, &e);
                st = 1;
            }
        }
    }
    st
}

/// `-5` → `-n 5` (head/tail old syntax).
fn numeric_shorthand(args: &[String]) -> Vec<String> {
    let mut v: Vec<String> = Vec::with_capacity(args.len());
    for a in args {
        let prev_takes_value = v.last().is_some_and(|p| p == "-n" || p == "-c");
        if !prev_takes_value && a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|c| c.is_ascii_digit()) {
            v.push("-n".to_string());
            v.push(a[1..].to_string());
        } else {
            v.push(a.clone());
        }
    }
    v
}

fn parse_count(s: &str) -> Option<(bool, bool, usize)> {
    // (plus, minus, n) with k/M suffixes
    let (plus, minus, body) = if let Some(b) = s.strip_prefix('+') {
        (true, false, b)
    } else if let Some(b) = s.strip_prefix('-') {
        (false, true, b)
    } else {
        (false, false, s)
    };
    let (num, mult) = match body.chars().last() {
        Some('k') | Some('K') => (&body[..body.len() - 1], 1024),
        Some('M') => (&body[..body.len() - 1], 1024 * 1024),
        Some('b') => (&body[..body.len() - 1], 512),
        _ => (body, 1),
    };
    let n: usize = num.parse().ok()?;
    Some((plus, minus, n.saturating_mul(mult)))
}

pub(super) fn head(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let args = numeric_shorthand(args);
    let o = match getopt(&args, "qvz", "nc") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let (mut lines_n, mut bytes_n) = (Some((false, 10usize)), None);
    if let Some(v) = o.value('n') {
        match parse_count(v) {
            Some((_, minus, n)) => lines_n = Some((minus, n)),
            None => {
                cx.err(if cx.gnu() { format!("invalid number of lines: '{v}'") } else { format!("invalid number '{v}'") });
                return 1;
            }
        }
    }
    if let Some(v) = o.value('c') {
        match parse_count(v) {
            Some((_, minus, n)) => {
                bytes_n = Some((minus, n));
                lines_n = None;
            }
            None => {
                cx.err(if cx.gnu() { format!("invalid number of bytes: '{v}'") } else { format!("invalid number '{v}'") });
                return 1;
            }
        }
    }
    let (ins, st) = inputs(cx, &o.operands);
    let multi = ins.len() > 1 || o.has('v');
    for (k, (name, b)) in ins.iter().enumerate() {
        if multi && !o.has('q') {
            let hdr = if name == "-" { "standard input".to_string() } else { name.clone() };
            cx.print(format!("{}==> {hdr} <==\n", if k > 0 { "\n" } else { "" }));
        }
        if let Some((minus, n)) = bytes_n {
            let end = if minus { b.len().saturating_sub(n) } else { n.min(b.len()) };
            let s = String::from_utf8_lossy(&b[..end]).into_owned();
            cx.print(s);
            continue;
        }
        if let Some((minus, n)) = lines_n {
            let text = String::from_utf8_lossy(b);
            let segs: Vec<&str> = text.split_inclusive('\n').collect();
            let take = if minus { segs.len().saturating_sub(n) } else { n.min(segs.len()) };
            let s: String = segs[..take].concat();
            cx.print(s);
        }
    }
    st
}

pub(super) fn tail(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let mut args = numeric_shorthand(args);
    // old "+N" syntax
    for k in 0..args.len() {
        let prev_takes_value = k > 0 && matches!(args[k - 1].as_str(), "-n" | "-c" | "-s");
        let a = &args[k];
        if !prev_takes_value && a.len() > 1 && a.starts_with('+') && a[1..].chars().all(|c| c.is_ascii_digit()) {
            args[k] = format!("-n+{}", &a[1..]);
        }
    }
    let o = match getopt(&args, "qvfFz", "ncs") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let mut mode_lines = true;
    let mut from_start = false;
    let mut n = 10usize;
    if let Some(v) = o.value('n') {
        match parse_count(v) {
            Some((plus, _, k)) => {
                from_start = plus;
                n = k;
            }
            None => {
                cx.err(if cx.gnu() { format!("invalid number of lines: '{v}'") } else { format!("invalid number '{v}'") });
                return 1;
            }
        }
    }
    if let Some(v) = o.value('c') {
        match parse_count(v) {
            Some((plus, _, k)) => {
                from_start = plus;
                n = k;
                mode_lines = false;
            }
            None => {
                cx.err(format!("invalid number of bytes: '{v}'"));
                return 1;
            }
        }
    }
    let (ins, st) = inputs(cx, &o.operands);
    let multi = ins.len() > 1 || o.has('v');
    for (k, (name, b)) in ins.iter().enumerate() {
        if multi && !o.has('q') {
            let hdr = if name == "-" { "standard input".to_string() } else { name.clone() };
            cx.print(format!("{}==> {hdr} <==\n", if k > 0 { "\n" } else { "" }));
        }
        if !mode_lines {
            let start = if from_start { n.saturating_sub(1).min(b.len()) } else { b.len().saturating_sub(n) };
            let s = String::from_utf8_lossy(&b[start..]).into_owned();
            cx.print(s);
            continue;
        }
        let text = String::from_utf8_lossy(b);
        let segs: Vec<&str> = text.split_inclusive('\n').collect();
        let start = if from_start { n.saturating_sub(1).min(segs.len()) } else { segs.len().saturating_sub(n) };
        let s: String = segs[start..].concat();
        cx.print(s);
    }
    st
}

pub(super) fn wc(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "lwcmL", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let (mut l, mut w, mut c, m) = (o.has('l'), o.has('w'), o.has('c'), o.has('m'));
    let max_line = o.has('L');
    if !l && !w && !c && !m && !max_line {
        l = true;
        w = true;
        c = true;
    }
    let from_stdin = o.operands.is_empty();
    let (ins, st) = inputs(cx, &o.operands);
    let mut rows: Vec<(Vec<u64>, String)> = Vec::new();
    let mut tot = [0u64; 5];
    for (name, b) in &ins {
        let text = String::from_utf8_lossy(b);
        let nl = b.iter().filter(|&&x| x == b'\n').count() as u64;
        let words = text.split_whitespace().count() as u64;
        let chars = text.chars().count() as u64;
        let longest = text.split('\n').map(|l| l.chars().count()).max().unwrap_or(0) as u64;
        let all = [nl, words, chars, b.len() as u64, longest];
        for (t, v) in tot.iter_mut().zip(all) {
            *t += v;
        }
        let mut vals = Vec::new();
        if l {
            vals.push(nl);
        }
        if w {
            vals.push(words);
        }
        if m {
            vals.push(chars);
        }
        if c {
            vals.push(b.len() as u64);
        }
        if max_line {
            vals.push(longest);
        }
        rows.push((vals, if name == "-" && from_stdin { String::new() } else { name.clone() }));
    }
    if ins.len() > 1 {
        let mut vals = Vec::new();
        if l {
            vals.push(tot[0]);
        }
        if w {
            vals.push(tot[1]);
        }
        if m {
            vals.push(tot[2]);
        }
        if c {
            vals.push(tot[3]);
        }
        if max_line {
            vals.push(tot[4]);
        }
        rows.push((vals, "total".into()));
    }
    let ncols = rows.first().map(|r| r.0.len()).unwrap_or(0);
    let width = if cx.gnu() {
        if ncols == 1 && rows.len() == 1 {
            0
        } else if from_stdin {
            7
        } else {
            tot[3].max(1).to_string().len()
        }
    } else if ncols == 1 && rows.len() == 1 {
        0
    } else {
        7
    };
    let mut s = String::new();
    for (vals, name) in rows {
        let cols: Vec<String> = vals.iter().map(|v| format!("{v:>width$}")).collect();
        s.push_str(&cols.join(" "));
        if !name.is_empty() {
            s.push(' ');
            s.push_str(&name);
        }
        s.push('\n');
    }
    cx.print(s);
    st
}

fn leading_num(s: &str) -> f64 {
    let t = s.trim_start();
    let mut end = 0;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+')) || c == '.' {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    t[..end].parse().unwrap_or(0.0)
}

fn human_num(s: &str) -> f64 {
    let t = s.trim();
    let v = leading_num(t);
    let suffix = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '-' || c == '+').chars().next();
    let mult = match suffix {
        Some('K') | Some('k') => 1e3,
        Some('M') => 1e6,
        Some('G') => 1e9,
        Some('T') => 1e12,
        _ => 1.0,
    };
    v * mult
}

struct SortKey {
    start_field: usize,
    end_field: Option<usize>,
    numeric: bool,
    reverse: bool,
}

pub(super) fn sort(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "rnufbhVsdcCgMR", "ktTSo") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let sep: Option<char> = o.value('t').and_then(|t| t.chars().next());
    let mut keys = Vec::new();
    for k in o.values('k') {
        let mut numeric = o.has('n') || o.has('g') || o.has('h');
        let mut reverse = false;
        let mut spec = k.as_str();
        while let Some(c) = spec.chars().last().filter(|c| c.is_ascii_alphabetic()) {
            match c {
                'n' | 'g' | 'h' => numeric = true,
                'r' => reverse = true,
                _ => {}
            }
            spec = &spec[..spec.len() - 1];
        }
        let (a, b) = match spec.split_once(',') {
            Some((a, b)) => (a, Some(b)),
            None => (spec, None),
        };
        let fa = a.split('.').next().unwrap_or("1").parse::<usize>().unwrap_or(1).max(1);
        let fb = b.and_then(|b| b.trim_end_matches(|c: char| c.is_ascii_alphabetic()).split('.').next()?.parse::<usize>().ok());
        keys.push(SortKey { start_field: fa, end_field: fb, numeric, reverse });
    }
    let (ins, st) = inputs(cx, &o.operands);
    let mut all: Vec<String> = Vec::new();
    for (_, b) in &ins {
        all.extend(lines(b));
    }
    let fold = o.has('f');
    let numeric = o.has('n') || o.has('g');
    let hnum = o.has('h');
    let blanks = o.has('b');
    let stable = o.has('s');
    let field = |line: &str, k: &SortKey| -> String {
        let fields: Vec<&str> = match sep {
            Some(c) => line.split(c).collect(),
            None => {
                // fields include their leading blanks
                let mut v = Vec::new();
                let mut start = 0;
                let bytes: Vec<(usize, char)> = line.char_indices().collect();
                let mut i = 0;
                while i < bytes.len() {
                    while i < bytes.len() && bytes[i].1.is_whitespace() {
                        i += 1;
                    }
                    while i < bytes.len() && !bytes[i].1.is_whitespace() {
                        i += 1;
                    }
                    let end = bytes.get(i).map(|b| b.0).unwrap_or(line.len());
                    v.push(&line[start..end]);
                    start = end;
                }
                v
            }
        };
        let s = k.start_field - 1;
        let e = k.end_field.unwrap_or(fields.len()).min(fields.len());
        if s >= fields.len() || s >= e {
            return String::new();
        }
        let joined = fields[s..e].join(&sep.map(String::from).unwrap_or_default());
        joined.trim_start().to_string()
    };
    let cmp_str = |a: &str, b: &str, num: bool| -> Ordering {
        if hnum {
            return human_num(a).partial_cmp(&human_num(b)).unwrap_or(Ordering::Equal);
        }
        if num {
            return leading_num(a).partial_cmp(&leading_num(b)).unwrap_or(Ordering::Equal);
        }
        let (a, b) = if blanks { (a.trim_start(), b.trim_start()) } else { (a, b) };
        if fold {
            a.to_lowercase().cmp(&b.to_lowercase())
        } else {
            a.cmp(b)
        }
    };
    baleine_util::sort_by(&mut all, |a, b| {
        for k in &keys {
            let o = cmp_str(&field(a, k), &field(b, k), k.numeric);
            let o = if k.reverse { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        if keys.is_empty() {
            let o = cmp_str(a, b, numeric || hnum);
            if o != Ordering::Equal {
                return o;
            }
        }
        if stable {
            Ordering::Equal
        } else {
            a.cmp(b)
        }
    });
    if o.has('r') {
        all.reverse();
    }
    if o.has('u') {
        let mut dedup: Vec<String> = Vec::with_capacity(all.len());
        for l in all {
            let same = dedup.last().is_some_and(|p| {
                if keys.is_empty() {
                    cmp_str(p, &l, numeric || hnum) == Ordering::Equal
                } else {
                    keys.iter().all(|k| cmp_str(&field(p, k), &field(&l, k), k.numeric) == Ordering::Equal)
                }
            });
            if !same {
                dedup.push(l);
            }
        }
        all = dedup;
    }
    let mut s = String::new();
    for l in &all {
        s.push_str(l);
        s.push('\n');
    }
    if let Some(outf) = o.value('o') {
        let p = cx.path(outf);
        if let Err(e) = fsutil::write_bytes(cx.sys, &p, s.into_bytes()) {
            cx.err(format!("{outf}: {e}"));
            return 2;
        }
        return st;
    }
    cx.print(s);
    st
}

pub(super) fn uniq(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "cdui", "fs") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let (ins, st) = inputs(cx, &o.operands[..o.operands.len().min(1)]);
    let b = ins.into_iter().next().map(|x| x.1).unwrap_or_default();
    let icase = o.has('i');
    let skip_fields: usize = o.value('f').and_then(|v| v.parse().ok()).unwrap_or(0);
    let key = |l: &str| -> String {
        let mut s = l;
        for _ in 0..skip_fields {
            s = s.trim_start();
            s = s.find(char::is_whitespace).map(|i| &s[i..]).unwrap_or("");
        }
        if icase {
            s.to_lowercase()
        } else {
            s.to_string()
        }
    };
    let mut groups: Vec<(String, usize)> = Vec::new();
    for l in lines(&b) {
        match groups.last_mut() {
            Some((p, n)) if key(p) == key(&l) => *n += 1,
            _ => groups.push((l, 1)),
        }
    }
    let mut s = String::new();
    for (l, n) in groups {
        if (o.has('d') && n < 2) || (o.has('u') && n > 1) {
            continue;
        }
        if o.has('c') {
            s.push_str(&format!("{n:>7} {l}\n"));
        } else {
            s.push_str(&l);
            s.push('\n');
        }
    }
    if let Some(outf) = o.operands.get(1) {
        let p = cx.path(outf);
        let _ = fsutil::write_bytes(cx.sys, &p, s.into_bytes());
        return st;
    }
    cx.print(s);
    st
}

/// `1,3-5,7-` → ranges (1-based, inclusive; usize::MAX open end).
fn parse_list(spec: &str) -> Option<Vec<(usize, usize)>> {
    let mut v = Vec::new();
    for part in spec.split(',') {
        if part.is_empty() {
            return None;
        }
        match part.split_once('-') {
            Some((a, b)) => {
                let a = if a.is_empty() { 1 } else { a.parse().ok()? };
                let b = if b.is_empty() { usize::MAX } else { b.parse().ok()? };
                if a == 0 || b < a {
                    return None;
                }
                v.push((a, b));
            }
            None => {
                let n: usize = part.parse().ok()?;
                if n == 0 {
                    return None;
                }
                v.push((n, n));
            }
        }
    }
    Some(v)
}

pub(super) fn cut(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "sn", "dfcb") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let delim = match o.value('d') {
        Some(d) => match d.chars().count() {
            1 => d.chars().next().unwrap_or('\t'),
            _ => {
                cx.err("the delimiter must be a single character");
                return 1;
            }
        },
        None => '\t',
    };
    let out_delim = o.long_value("output-delimiter").map(str::to_string).unwrap_or_else(|| delim.to_string());
    let (spec, by_field) = match (o.value('f'), o.value('c').or(o.value('b'))) {
        (Some(f), _) => (f.to_string(), true),
        (None, Some(c)) => (c.to_string(), false),
        _ => {
            cx.err("you must specify a list of bytes, characters, or fields");
            return 1;
        }
    };
    let Some(list) = parse_list(&spec) else {
        cx.err(if by_field { "invalid field value" } else { "invalid byte or character range" });
        return 1;
    };
    let inside = |i: usize| list.iter().any(|&(a, b)| a <= i && i <= b);
    let (ins, st) = inputs(cx, &o.operands);
    let mut s = String::new();
    for (_, b) in &ins {
        for l in lines(b) {
            if by_field {
                if !l.contains(delim) {
                    if !o.has('s') {
                        s.push_str(&l);
                        s.push('\n');
                    }
                    continue;
                }
                let picked: Vec<&str> = l.split(delim).enumerate().filter(|(i, _)| inside(i + 1)).map(|(_, f)| f).collect();
                s.push_str(&picked.join(&out_delim));
            } else {
                let picked: String = l.chars().enumerate().filter(|(i, _)| inside(i + 1)).map(|(_, c)| c).collect();
                s.push_str(&picked);
            }
            s.push('\n');
        }
    }
    cx.print(s);
    st
}

/// Expands a `tr` set: ranges, classes, escapes.
fn tr_set(spec: &str) -> Vec<char> {
    let cs: Vec<char> = spec.chars().collect();
    let mut raw: Vec<char> = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '[' && cs.get(i + 1) == Some(&':') {
            if let Some(end) = (i + 2..cs.len().saturating_sub(1)).find(|&j| cs[j] == ':' && cs[j + 1] == ']') {
                let name: String = cs[i + 2..end].iter().collect();
                let set: Vec<char> = match name.as_str() {
                    "upper" => ('A'..='Z').collect(),
                    "lower" => ('a'..='z').collect(),
                    "digit" => ('0'..='9').collect(),
                    "alpha" => ('A'..='Z').chain('a'..='z').collect(),
                    "alnum" => ('0'..='9').chain('A'..='Z').chain('a'..='z').collect(),
                    "space" => vec![' ', '\t', '\n', '\r', '\x0b', '\x0c'],
                    "blank" => vec![' ', '\t'],
                    "punct" => (33u8..127).map(char::from).filter(|c| c.is_ascii_punctuation()).collect(),
                    "xdigit" => ('0'..='9').chain('A'..='F').chain('a'..='f').collect(),
                    "cntrl" => (0u8..32).map(char::from).chain(std::iter::once('\x7f')).collect(),
                    _ => Vec::new(),
                };
                raw.extend(set);
                i = end + 2;
                continue;
            }
        }
        let c = if cs[i] == '\\' && i + 1 < cs.len() {
            i += 1;
            match cs[i] {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '\\' => '\\',
                '0' => '\0',
                other => other,
            }
        } else {
            cs[i]
        };
        if cs.get(i + 1) == Some(&'-') && i + 2 < cs.len() {
            let hi = cs[i + 2];
            if hi >= c && (hi as u32 - c as u32) < 70_000 {
                raw.extend((c as u32..=hi as u32).filter_map(char::from_u32));
                i += 3;
                continue;
            }
        }
        raw.push(c);
        i += 1;
    }
    raw
}

pub(super) fn tr(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "dscCt", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let complement = o.has('c') || o.has('C');
    let Some(s1) = o.operands.first() else {
        return cx.missing_operand();
    };
    let set1 = tr_set(s1);
    let set2 = o.operands.get(1).map(|s| tr_set(s)).unwrap_or_default();
    if !o.has('d') && !o.has('s') && o.operands.len() < 2 {
        cx.err(format!("missing operand after '{s1}'"));
        return 1;
    }
    let input = String::from_utf8_lossy(cx.stdin_bytes()).into_owned();
    let in1 = |c: char| set1.contains(&c) != complement;
    let mut out = String::with_capacity(input.len());
    let mut last: Option<char> = None;
    for c in input.chars() {
        if o.has('d') && in1(c) {
            continue;
        }
        let mapped = if !o.has('d') && !set2.is_empty() && in1(c) {
            if complement {
                *set2.last().unwrap_or(&c)
            } else {
                let idx = set1.iter().rposition(|&x| x == c).unwrap_or(0);
                *set2.get(idx).or(set2.last()).unwrap_or(&c)
            }
        } else {
            c
        };
        if o.has('s') {
            let squeeze_set: &dyn Fn(char) -> bool = if o.has('d') || set2.is_empty() { &|ch| in1(ch) } else { &|ch| set2.contains(&ch) };
            if last == Some(mapped) && squeeze_set(mapped) {
                continue;
            }
        }
        out.push(mapped);
        last = Some(mapped);
    }
    cx.print(out);
    0
}

pub(super) fn tee(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "ai", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let data = cx.stdin_bytes().to_vec();
    let mut st = 0;
    for f in &o.operands {
        let p = cx.path(f);
        let r = if o.has('a') { fsutil::append_bytes(cx.sys, &p, &data) } else { fsutil::write_bytes(cx.sys, &p, data.clone()) };
        if let Err(e) = r {
            cx.err(format!("{f}: {e}"));
            st = 1;
        }
    }
    cx.print(String::from_utf8_lossy(&data));
    st
}

// ------------------------------------------------------------------ grep

struct Matcher {
    res: Vec<Regex>,
    invert: bool,
}

impl Matcher {
    fn first(&self, line: &str, from: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for r in &self.res {
            if let Some((s, e)) = r.find_at(line, from) {
                best = match best {
                    Some((bs, be)) if bs < s || (bs == s && be >= e) => Some((bs, be)),
                    _ => Some((s, e)),
                };
            }
        }
        best
    }
    fn selects(&self, line: &str) -> bool {
        self.res.iter().any(|r| r.find(line).is_some()) != self.invert
    }
}

fn escape_ere(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.[]()*+?{}|^$".contains(c) {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

pub(super) fn grep(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "ivcnqEFrRwolLhHsxIazGPU", "eABCmf") {
        Ok(o) => o,
        Err(c) => {
            if cx.gnu() {
                cx.invalid_option(&c);
                cx.out.err("Usage: grep [OPTION]... PATTERNS [FILE]...\n");
                return 2;
            }
            cx.invalid_option(&c);
            return 2;
        }
    };
    let mut operands = o.operands.clone();
    let mut patterns: Vec<String> = o.values('e').to_vec();
    if let Some(f) = o.value('f') {
        match cx.input(f) {
            Ok(b) => patterns.extend(lines(&b)),
            Err(e) => {
                cx.input_error(f, &e);
                return 2;
            }
        }
    }
    if patterns.is_empty() {
        if operands.is_empty() {
            if cx.gnu() {
                cx.out.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            } else {
                cx.out.err("BusyBox v1.36.1 multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n");
            }
            return 2;
        }
        patterns.push(operands.remove(0));
    }
    // a pattern with newlines is several patterns
    let patterns: Vec<String> = patterns.iter().flat_map(|p| p.split('\n').map(str::to_string).collect::<Vec<_>>()).collect();
    let fixed = o.has('F') || cx.name == "fgrep";
    let syntax = if o.has('E') || cx.name == "egrep" || o.has('P') { Syntax::Extended } else { Syntax::Basic };
    let icase = o.has('i') || o.long("ignore-case");
    let mut res = Vec::new();
    for p in &patterns {
        let (p, syn) = if fixed { (escape_ere(p), Syntax::Extended) } else { (p.clone(), syntax) };
        let p = if o.has('x') { if syn == Syntax::Extended { format!("^({p})$") } else { format!("^\\({p}\\)$") } } else { p };
        let r = if o.has('w') { Regex::new_word(&p, syn, icase) } else { Regex::new(&p, syn, icase) };
        match r {
            Ok(r) => res.push(r),
            Err(e) => {
                cx.err(e);
                return 2;
            }
        }
    }
    let m = Matcher { res, invert: o.has('v') };
    let recursive = o.has('r') || o.has('R');
    let ctx_n = |c: char| o.value(c).and_then(|v| v.parse::<usize>().ok());
    let after = ctx_n('A').or(ctx_n('C')).unwrap_or(0);
    let before = ctx_n('B').or(ctx_n('C')).unwrap_or(0);
    let max_count = ctx_n('m');
    let includes: Vec<String> = o.long.iter().filter(|(n, _)| n == "include").filter_map(|(_, v)| v.clone()).collect();
    let excludes: Vec<String> = o.long.iter().filter(|(n, _)| n == "exclude").filter_map(|(_, v)| v.clone()).collect();
    let exclude_dirs: Vec<String> = o.long.iter().filter(|(n, _)| n == "exclude-dir").filter_map(|(_, v)| v.clone()).collect();

    // the files to search: (display name, bytes or error)
    let mut files: Vec<(String, Option<Vec<u8>>)> = Vec::new();
    let mut st_err = false;
    let implicit_dot = recursive && operands.is_empty();
    if operands.is_empty() {
        if recursive {
            operands.push(".".into());
        } else {
            files.push(("(standard input)".into(), Some(cx.stdin_bytes().to_vec())));
        }
    }
    for a in &operands {
        if a == "-" {
            files.push(("(standard input)".into(), Some(cx.stdin_bytes().to_vec())));
            continue;
        }
        let p = cx.path(a);
        match fsutil::stat(&*cx.sys, &p) {
            Ok(Stat::Dir { .. }) => {
                if !recursive {
                    if !o.has('s') {
                        cx.err(format!("{a}: Is a directory"));
                    }
                    continue;
                }
                // walk
                let mut stack = vec![(p.clone(), a.clone())];
                let mut found = Vec::new();
                while let Some((dir, disp)) = stack.pop() {
                    let Ok(names) = cx.sys.list(&dir) else { continue };
                    let mut subdirs = Vec::new();
                    for n in names {
                        let child = join(&dir, &n);
                        let cdisp = if implicit_dot && disp == "." { n.clone() } else if disp.ends_with('/') { format!("{disp}{n}") } else { format!("{disp}/{n}") };
                        match cx.sys.stat(&child) {
                            Ok(Stat::Dir { .. }) if !exclude_dirs.iter().any(|g| glob::matches(g, &n)) => {
                                subdirs.push((child, cdisp));
                            }
                            Ok(Stat::File { content, .. }) => {
                                if !includes.is_empty() && !includes.iter().any(|g| glob::matches(g, &n)) {
                                    continue;
                                }
                                if excludes.iter().any(|g| glob::matches(g, &n)) {
                                    continue;
                                }
                                found.push((cdisp, Some(super::content_bytes(&content).to_vec())));
                            }
                            _ => {}
                        }
                    }
                    for sd in subdirs.into_iter().rev() {
                        stack.push(sd);
                    }
                }
                files.extend(found);
            }
            Ok(_) => match cx.input(a) {
                Ok(b) => files.push((a.clone(), Some(b.to_vec()))),
                Err(e) => {
                    if !o.has('s') {
                        cx.input_error(a, &e);
                    }
                    st_err = true;
                }
            },
            Err(e) => {
                if !o.has('s') {
                    cx.err(format!("{a}: {e}"));
                }
                st_err = true;
            }
        }
    }
    let show_names = if o.has('h') {
        false
    } else {
        o.has('H') || files.len() > 1 || recursive
    };
    let mut any = false;
    let mut s = String::new();
    let mut printed_any_file = false;
    for (name, data) in &files {
        let Some(data) = data else { continue };
        let text = String::from_utf8_lossy(data);
        let ls: Vec<&str> = {
            let mut v: Vec<&str> = text.split('\n').collect();
            if text.ends_with('\n') || text.is_empty() {
                v.pop();
            }
            v
        };
        let mut count = 0usize;
        let mut last_printed: Option<usize> = None;
        let mut after_left = 0usize;
        let prefix = |name: &str, n: usize, sep: char| -> String {
            let mut p = String::new();
            if show_names {
                p.push_str(name);
                p.push(sep);
            }
            if o.has('n') {
                p.push_str(&format!("{}{sep}", n + 1));
            }
            p
        };
        for (i, line) in ls.iter().enumerate() {
            if max_count.is_some_and(|mc| count >= mc) {
                // trailing context still printed
                if after_left > 0 && !o.has('c') && !o.has('l') && !o.has('q') {
                    s.push_str(&prefix(name, i, '-'));
                    s.push_str(line);
                    s.push('\n');
                    last_printed = Some(i);
                    after_left -= 1;
                    continue;
                }
                break;
            }
            if m.selects(line) {
                count += 1;
                any = true;
                if o.has('q') {
                    return 0;
                }
                if o.has('c') || o.has('l') || o.has('L') {
                    continue;
                }
                if before > 0 || after > 0 {
                    let from = i.saturating_sub(before);
                    let from = match last_printed {
                        Some(lp) if lp + 1 > from => lp + 1,
                        _ => from,
                    };
                    if let Some(lp) = last_printed {
                        if from > lp + 1 {
                            s.push_str("--\n");
                        }
                    } else if printed_any_file {
                        s.push_str("--\n");
                    }
                    for (j, l) in ls.iter().enumerate().take(i).skip(from) {
                        s.push_str(&prefix(name, j, '-'));
                        s.push_str(l);
                        s.push('\n');
                    }
                }
                if o.has('o') && !o.has('v') {
                    let mut pos = 0;
                    while pos <= line.len() {
                        let Some((a, b)) = m.first(line, pos) else { break };
                        if b > a {
                            s.push_str(&prefix(name, i, ':'));
                            s.push_str(&line[a..b]);
                            s.push('\n');
                            pos = b;
                        } else {
                            pos = a + line[a..].chars().next().map(char::len_utf8).unwrap_or(1);
                        }
                    }
                } else {
                    s.push_str(&prefix(name, i, ':'));
                    s.push_str(line);
                    s.push('\n');
                }
                last_printed = Some(i);
                after_left = after;
            } else if after_left > 0 && !o.has('c') && !o.has('l') {
                s.push_str(&prefix(name, i, '-'));
                s.push_str(line);
                s.push('\n');
                last_printed = Some(i);
                after_left -= 1;
            }
        }
        if last_printed.is_some() {
            printed_any_file = true;
        }
        if o.has('c') {
            if show_names {
                s.push_str(&format!("{name}:{count}\n"));
            } else {
                s.push_str(&format!("{count}\n"));
            }
        }
        if o.has('l') && count > 0 {
            s.push_str(name);
            s.push('\n');
        }
        if o.has('L') && count == 0 {
            s.push_str(name);
            s.push('\n');
        }
    }
    cx.print(s);
    if st_err && !(o.has('q') && any) {
        return 2;
    }
    if any {
        0
    } else {
        1
    }
}

// ------------------------------------------------------------------ seq, yes, rev, tac, nl

pub(super) fn seq(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let mut sep = "\n".to_string();
    let mut width = false;
    let mut nums: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-s" => {
                i += 1;
                sep = args.get(i).cloned().unwrap_or_default();
            }
            "-w" => width = true,
            _ if a.starts_with("-s") && a.len() > 2 => sep = a[2..].to_string(),
            _ => nums.push(a.clone()),
        }
        i += 1;
    }
    let parse = |s: &str| s.parse::<f64>().ok();
    let vals: Vec<Option<f64>> = nums.iter().map(|s| parse(s)).collect();
    if vals.is_empty() {
        return cx.missing_operand();
    }
    if let Some(pos) = vals.iter().position(Option::is_none) {
        cx.err(format!("invalid floating point argument: '{}'", nums[pos]));
        return 1;
    }
    let v: Vec<f64> = vals.into_iter().flatten().collect();
    let (first, step, last) = match v.len() {
        1 => (1.0, 1.0, v[0]),
        2 => (v[0], 1.0, v[1]),
        _ => (v[0], v[1], v[2]),
    };
    if step == 0.0 {
        cx.err("invalid Zero increment value: '0'");
        return 1;
    }
    let decimals = nums.iter().map(|s| s.split_once('.').map(|(_, d)| d.len()).unwrap_or(0)).max().unwrap_or(0);
    let fmt = |x: f64| -> String {
        if decimals > 0 {
            format!("{x:.decimals$}")
        } else {
            format!("{}", x.round() as i64)
        }
    };
    let w = if width { fmt(first).len().max(fmt(last).len()) } else { 0 };
    let mut out = String::new();
    let mut k = 0u64;
    loop {
        let x = first + step * k as f64;
        if (step > 0.0 && x > last + 1e-9) || (step < 0.0 && x < last - 1e-9) || k >= 1_000_000 {
            break;
        }
        if k > 0 {
            out.push_str(&sep);
        }
        let s = fmt(x);
        if width && s.len() < w {
            let (sign, digits) = if s.starts_with('-') { s.split_at(1) } else { ("", s.as_str()) };
            out.push_str(sign);
            out.push_str(&"0".repeat(w - s.len()));
            out.push_str(digits);
        } else {
            out.push_str(&s);
        }
        k += 1;
    }
    if k > 0 {
        out.push('\n');
    }
    cx.print(out);
    0
}

pub(super) fn yes(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let line = if args.is_empty() { "y".to_string() } else { args.join(" ") };
    let mut s = String::with_capacity((line.len() + 1) * 1000);
    for _ in 0..1000 {
        s.push_str(&line);
        s.push('\n');
    }
    cx.print(s);
    0
}

pub(super) fn rev(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let (ins, st) = inputs(cx, args);
    let mut s = String::new();
    for (_, b) in ins {
        for l in lines(&b) {
            s.extend(l.chars().rev());
            s.push('\n');
        }
    }
    cx.print(s);
    st
}

pub(super) fn tac(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let (ins, st) = inputs(cx, args);
    let mut s = String::new();
    for (_, b) in ins {
        for l in lines(&b).iter().rev() {
            s.push_str(l);
            s.push('\n');
        }
    }
    cx.print(s);
    st
}

pub(super) fn nl(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "", "bwsv") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let all = o.value('b') == Some("a");
    let (ins, st) = inputs(cx, &o.operands);
    let mut s = String::new();
    let mut n = 0;
    for (_, b) in ins {
        for l in lines(&b) {
            if l.is_empty() && !all {
                s.push_str("       \n");
                continue;
            }
            n += 1;
            s.push_str(&format!("{n:>6}\t{l}\n"));
        }
    }
    cx.print(s);
    st
}

// ------------------------------------------------------------------ base64 / checksums

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(crate) fn b64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63] as char);
        out.push(B64[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] as char } else { '=' });
    }
    out
}

pub(crate) fn b64_decode(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in text {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            b'\n' | b'\r' | b' ' | b'\t' => continue,
            _ => return None,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

pub(super) fn base64(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "di", "w") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let decode = o.has('d') || o.long("decode");
    let (ins, st) = inputs(cx, &o.operands[..o.operands.len().min(1)]);
    if st != 0 {
        return st;
    }
    let data = ins.into_iter().next().map(|x| x.1).unwrap_or_default();
    if decode {
        match b64_decode(&data) {
            Some(b) => {
                cx.print(String::from_utf8_lossy(&b));
                0
            }
            None => {
                cx.err("invalid input");
                1
            }
        }
    } else {
        let enc = b64_encode(&data);
        let wrap: usize = o.value('w').and_then(|w| w.parse().ok()).unwrap_or(76);
        let mut s = String::new();
        if wrap == 0 {
            s.push_str(&enc);
            s.push('\n');
        } else {
            let cs: Vec<char> = enc.chars().collect();
            for ch in cs.chunks(wrap) {
                s.extend(ch);
                s.push('\n');
            }
        }
        cx.print(s);
        0
    }
}

pub(super) fn checksum(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "cbtwz", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let hash = |b: &[u8], name: &str| if name == "md5sum" { super::md5::hex(b) } else { sha256::hex(b) };
    let ops = if o.operands.is_empty() { vec!["-".to_string()] } else { o.operands.clone() };
    let mut st = 0;
    let mut s = String::new();
    if o.has('c') {
        for a in &ops {
            let b = match cx.input(a) {
                Ok(b) => b,
                Err(e) => {
                    cx.input_error(a, &e);
                    st = 1;
                    continue;
                }
            };
            for l in lines(&b) {
                let Some((h, f)) = l.split_once("  ").or_else(|| l.split_once(" *")) else { continue };
                match cx.input(f) {
                    Ok(d) => {
                        if hash(&d, cx.name) == h {
                            s.push_str(&format!("{f}: OK\n"));
                        } else {
                            s.push_str(&format!("{f}: FAILED\n"));
                            st = 1;
                        }
                    }
                    Err(e) => {
                        cx.input_error(f, &e);
                        s.push_str(&format!("{f}: FAILED open or read\n"));
                        st = 1;
                    }
                }
            }
        }
        cx.print(s);
        return st;
    }
    for a in &ops {
        let p = cx.path(a);
        let data = if a == "-" {
            cx.stdin_bytes().to_vec()
        } else {
            match fsutil::stat(&*cx.sys, &p) {
                Ok(Stat::File { content: baleine_vfs::Content::Opaque { kind, size }, .. }) => format!("opaque:{kind}:{size}").into_bytes(),
                _ => match cx.input(a) {
                    Ok(b) => b.to_vec(),
                    Err(e) => {
                        cx.input_error(a, &e);
                        st = 1;
                        continue;
                    }
                },
            }
        };
        s.push_str(&format!("{}  {a}\n", hash(&data, cx.name)));
    }
    cx.print(s);
    st
}

// ------------------------------------------------------------------ xargs

/// Splits xargs input: blanks and newlines separate, quotes group.
fn xargs_split(s: &str) -> Vec<String> {
    let mut v = Vec::new();
    let mut cur = String::new();
    let mut have = false;
    let mut quote: Option<char> = None;
    let mut esc = false;
    for c in s.chars() {
        if esc {
            cur.push(c);
            esc = false;
            continue;
        }
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None => match c {
                '\\' => {
                    esc = true;
                    have = true;
                }
                '\'' | '"' => {
                    quote = Some(c);
                    have = true;
                }
                c if c.is_whitespace() => {
                    if have || !cur.is_empty() {
                        v.push(std::mem::take(&mut cur));
                        have = false;
                    }
                }
                c => cur.push(c),
            },
        }
    }
    if have || !cur.is_empty() {
        v.push(cur);
    }
    v
}

pub(super) fn xargs(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    // options stop at the first operand (the command)
    let mut i = 0;
    let mut n: Option<usize> = None;
    let mut replace: Option<String> = None;
    let mut null = false;
    let mut no_empty = false;
    let mut trace = false;
    let mut delim: Option<char> = None;
    while i < args.len() {
        let a = args[i].as_str();
        let val = |i: &mut usize, inline: &str| -> Option<String> {
            if !inline.is_empty() {
                Some(inline.to_string())
            } else {
                *i += 1;
                args.get(*i).cloned()
            }
        };
        match a {
            _ if a.starts_with("-n") => n = val(&mut i, &a[2..]).and_then(|v| v.parse().ok()),
            _ if a.starts_with("-I") => replace = val(&mut i, &a[2..]),
            _ if a.starts_with("-L") => n = val(&mut i, &a[2..]).and_then(|v| v.parse().ok()),
            _ if a.starts_with("-d") => delim = val(&mut i, &a[2..]).and_then(|d| crate::builtins::escapes(&d, true).0.chars().next()),
            _ if a.starts_with("-P") || a.starts_with("-s") => {
                let _ = val(&mut i, &a[2..]);
            }
            "-0" | "--null" => null = true,
            "-r" | "--no-run-if-empty" => no_empty = true,
            "-t" | "--verbose" => trace = true,
            "-x" | "-p" | "-e" => {}
            "--" => {
                i += 1;
                break;
            }
            _ if a.starts_with('-') && a.len() > 1 => return cx.invalid_option(&a.chars().nth(1).map(String::from).unwrap_or_default()),
            _ => break,
        }
        i += 1;
    }
    let cmd: Vec<String> = if i < args.len() { args[i..].to_vec() } else { vec!["echo".to_string()] };
    let input = String::from_utf8_lossy(cx.stdin_bytes()).into_owned();
    let items: Vec<String> = if null {
        input.split('\0').filter(|s| !s.is_empty()).map(str::to_string).collect()
    } else if let Some(d) = delim {
        input.split(d).filter(|s| !s.is_empty()).map(str::to_string).collect()
    } else if replace.is_some() {
        input.lines().map(|l| l.trim().to_string()).filter(|s| !s.is_empty()).collect()
    } else {
        xargs_split(&input)
    };
    let mut batches: Vec<Vec<String>> = Vec::new();
    if let Some(r) = &replace {
        for it in &items {
            batches.push(cmd.iter().map(|c| c.replace(r.as_str(), it)).collect());
        }
    } else if items.is_empty() {
        if !no_empty && cx.gnu() {
            batches.push(cmd.clone());
        }
    } else {
        let per = n.unwrap_or(usize::MAX).max(1);
        for chunk in items.chunks(per.min(items.len().max(1))) {
            let mut argv = cmd.clone();
            argv.extend(chunk.iter().cloned());
            batches.push(argv);
        }
    }
    let mut st = 0;
    for argv in batches.iter().take(10_000) {
        if trace {
            cx.out.err(format!("{}\n", argv.join(" ")));
        }
        let mut sin = Stdin::empty();
        let r = run_argv(cx.sh, cx.sys, argv, &mut sin, cx.out);
        if r == 127 || r == 126 {
            return r;
        }
        if r != 0 {
            st = 123;
        }
    }
    st
}

// ------------------------------------------------------------------ expr

pub(super) fn expr(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    if args.is_empty() {
        return cx.missing_operand();
    }
    let mut p = ExprP { a: args, i: 0, depth: 0 };
    match p.or() {
        Ok(v) if p.i == args.len() => {
            let null = v.is_empty() || v == "0" || v == "-0";
            cx.print(format!("{v}\n"));
            null as i32
        }
        Ok(_) => {
            cx.err(format!("syntax error: unexpected argument '{}'", args.get(p.i).map(String::as_str).unwrap_or("")));
            2
        }
        Err(e) => {
            cx.err(e);
            2
        }
    }
}

struct ExprP<'a> {
    a: &'a [String],
    i: usize,
    depth: usize,
}

fn as_int(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

impl ExprP<'_> {
    fn peek(&self) -> Option<&str> {
        self.a.get(self.i).map(String::as_str)
    }
    fn or(&mut self) -> Result<String, String> {
        self.depth += 1;
        if self.depth > 64 {
            return Err("expression too complex".into());
        }
        let mut l = self.and()?;
        while self.peek() == Some("|") {
            self.i += 1;
            let r = self.and()?;
            if l.is_empty() || l == "0" {
                l = r;
            }
        }
        self.depth -= 1;
        Ok(l)
    }
    fn and(&mut self) -> Result<String, String> {
        let mut l = self.cmp()?;
        while self.peek() == Some("&") {
            self.i += 1;
            let r = self.cmp()?;
            if l.is_empty() || l == "0" || r.is_empty() || r == "0" {
                l = "0".into();
            }
        }
        Ok(l)
    }
    fn cmp(&mut self) -> Result<String, String> {
        let mut l = self.add()?;
        while let Some(op) = self.peek().filter(|o| matches!(*o, "=" | "==" | "!=" | "<" | ">" | "<=" | ">=")) {
            let op = op.to_string();
            self.i += 1;
            let r = self.add()?;
            let ord = match (as_int(&l), as_int(&r)) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => l.cmp(&r),
            };
            let v = match op.as_str() {
                "=" | "==" => ord.is_eq(),
                "!=" => ord.is_ne(),
                "<" => ord.is_lt(),
                ">" => ord.is_gt(),
                "<=" => ord.is_le(),
                _ => ord.is_ge(),
            };
            l = (v as i32).to_string();
        }
        Ok(l)
    }
    fn add(&mut self) -> Result<String, String> {
        let mut l = self.mul()?;
        while let Some(op) = self.peek().filter(|o| matches!(*o, "+" | "-")) {
            let op = op.to_string();
            self.i += 1;
            let r = self.mul()?;
            let (Some(a), Some(b)) = (as_int(&l), as_int(&r)) else {
                return Err("non-integer argument".into());
            };
            l = if op == "+" { a.wrapping_add(b) } else { a.wrapping_sub(b) }.to_string();
        }
        Ok(l)
    }
    fn mul(&mut self) -> Result<String, String> {
        let mut l = self.colon()?;
        while let Some(op) = self.peek().filter(|o| matches!(*o, "*" | "/" | "%")) {
            let op = op.to_string();
            self.i += 1;
            let r = self.colon()?;
            let (Some(a), Some(b)) = (as_int(&l), as_int(&r)) else {
                return Err("non-integer argument".into());
            };
            if op != "*" && b == 0 {
                return Err("division by zero".into());
            }
            l = match op.as_str() {
                "*" => a.wrapping_mul(b),
                "/" => a.wrapping_div(b),
                _ => a.wrapping_rem(b),
            }
            .to_string();
        }
        Ok(l)
    }
    fn colon(&mut self) -> Result<String, String> {
        let mut l = self.prim()?;
        while self.peek() == Some(":") {
            self.i += 1;
            let r = self.prim()?;
            let re = Regex::new(&format!("^\\({r}\\)"), Syntax::Basic, false).or_else(|_| Regex::new(&format!("^{r}"), Syntax::Basic, false))?;
            let caps = re.captures_at(&l, 0);
            l = match caps {
                Some(c) => {
                    if re.groups() >= 2 {
                        c.get(2).copied().flatten().map(|(s, e)| l[s..e].to_string()).unwrap_or_default()
                    } else {
                        c.first().copied().flatten().map(|(s, e)| l[s..e].chars().count()).unwrap_or(0).to_string()
                    }
                }
                None => {
                    if re.groups() >= 2 {
                        String::new()
                    } else {
                        "0".into()
                    }
                }
            };
        }
        Ok(l)
    }
    fn prim(&mut self) -> Result<String, String> {
        let Some(t) = self.peek().map(str::to_string) else {
            return Err("syntax error: missing argument after last operand".into());
        };
        self.i += 1;
        match t.as_str() {
            "(" => {
                let v = self.or()?;
                if self.peek() != Some(")") {
                    return Err("syntax error: expecting ')'".into());
                }
                self.i += 1;
                Ok(v)
            }
            "length" => {
                let s = self.prim()?;
                Ok(s.chars().count().to_string())
            }
            "substr" => {
                let s = self.prim()?;
                let p = as_int(&self.prim()?).unwrap_or(0);
                let l = as_int(&self.prim()?).unwrap_or(0);
                if p < 1 || l < 1 {
                    return Ok(String::new());
                }
                Ok(s.chars().skip(p as usize - 1).take(l as usize).collect())
            }
            "index" => {
                let s = self.prim()?;
                let chars = self.prim()?;
                Ok(s.chars().position(|c| chars.contains(c)).map(|p| p + 1).unwrap_or(0).to_string())
            }
            "match" => {
                let s = self.prim()?;
                let r = self.prim()?;
                let re = Regex::new(&format!("^{r}"), Syntax::Basic, false)?;
                Ok(re.find(&s).map(|(a, b)| s[a..b].chars().count()).unwrap_or(0).to_string())
            }
            _ => Ok(t),
        }
    }
}
