//! Shell builtins, `test` / `[[ … ]]`, and `printf`/`echo` formatting.

use baleine_vfs::{normalize, Content, Stat};

use crate::ast::CondToken;
use crate::interp::{self, err_prefix, quote, shell_err, Flow, Stdin, DEFAULT_PATH};
use crate::parse::{is_name, parse_full};
use crate::{expand, fsutil, glob, regex, utils, Flavor, Output, Shell, System};

pub(crate) const BUILTINS: &[&str] = &[
    "cd", "pwd", "echo", "printf", "export", "unset", "set", "exit", "true", "false", ":", "test", "[", "read", "type", "command", "source", ".", "history", "alias", "unalias", "shift", "return", "local", "eval", "exec", "break", "continue", "declare",
    "typeset", "readonly", "let", "trap", "wait", "jobs", "umask", "ulimit", "hash", "shopt", "builtin", "logout", "times", "getopts", "disown",
];

const KEYWORDS: &[&str] = &["if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do", "done", "in", "{", "}", "!", "[[", "]]", "function", "select", "time"];

pub(crate) fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name)
}

fn berr(sh: &Shell, out: &mut Output, cmd: &str, msg: &str) {
    shell_err(sh, out, &format!("{cmd}: {msg}"));
}

/// Runs a builtin; None when `argv[0]` is not one.
pub(crate) fn run(sh: &mut Shell, sys: &mut dyn System, argv: &[String], stdin: &mut Stdin, out: &mut Output) -> Option<i32> {
    let name = argv.first()?.as_str();
    if !is_builtin(name) {
        return None;
    }
    let args = &argv[1..];
    // The builtins that run commands stay out of the big match below, so
    // that its stack frame is not part of every level of recursion.
    match name {
        "eval" => {
            let text = args.join(" ");
            if text.trim().is_empty() {
                return Some(0);
            }
            Some(eval(sh, sys, &text, stdin, out))
        }
        "source" | "." => Some(source(sh, sys, name, args, stdin, out)),
        "exec" => Some(exec(sh, sys, args, stdin, out)),
        "command" => Some(command(sh, sys, args, stdin, out)),
        "builtin" => {
            if args.is_empty() {
                return Some(0);
            }
            match run(sh, sys, args, stdin, out) {
                Some(st) => Some(st),
                None => {
                    berr(sh, out, "builtin", &format!("{}: not a shell builtin", args[0]));
                    Some(1)
                }
            }
        }
        _ => Some(run_simple(sh, sys, name, args, stdin, out)),
    }
}

fn exec(sh: &mut Shell, sys: &mut dyn System, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let cmd: Vec<String> = args.iter().skip_while(|a| a.starts_with('-') && a.len() > 1).cloned().collect();
    if cmd.is_empty() {
        return 0;
    }
    let st = interp::run_argv_nofunc(sh, sys, &cmd, stdin, out);
    if sh.state.flow == Flow::Normal {
        sh.state.flow = Flow::Exit(st);
    }
    st
}

/// The builtins that do not run other commands.
#[inline(never)]
fn run_simple(sh: &mut Shell, sys: &mut dyn System, name: &str, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let r: Option<i32> = (|| {
    Some(match name {
        ":" | "true" => 0,
        "false" => 1,
        "cd" => cd(sh, sys, args, out),
        "pwd" => {
            out.out(format!("{}\n", sh.cwd));
            0
        }
        "echo" => {
            out.out(echo(args));
            0
        }
        "printf" => printf_builtin(sh, args, out),
        "export" => export(sh, args, out),
        "readonly" => {
            for a in args.iter().filter(|a| !a.starts_with('-')) {
                if let Some((k, v)) = a.split_once('=') {
                    sh.set_var(k, v);
                }
            }
            0
        }
        "unset" => {
            let mut funcs = false;
            let mut st = 0;
            for a in args {
                match a.as_str() {
                    "-f" => funcs = true,
                    "-v" => funcs = false,
                    n => {
                        if funcs {
                            sh.state.functions.shift_remove(n);
                        } else if is_name(n) {
                            if sh.vars.shift_remove(n).is_none() {
                                sh.state.functions.shift_remove(n);
                            }
                            sh.exported.shift_remove(n);
                        } else {
                            berr(sh, out, "unset", &format!("`{n}': not a valid identifier"));
                            st = 1;
                        }
                    }
                }
            }
            st
        }
        "set" => set(sh, args, out),
        "exit" | "logout" => {
            let code = match args.first() {
                None => sh.last_status,
                Some(a) => match a.trim().parse::<i64>() {
                    Ok(n) => (n & 0xff) as i32,
                    Err(_) => {
                        match sh.flavor {
                            Flavor::Bash => berr(sh, out, "exit", &format!("{a}: numeric argument required")),
                            Flavor::Ash => berr(sh, out, "exit", &format!("Illegal number: {a}")),
                        }
                        2
                    }
                },
            };
            sh.state.flow = Flow::Exit(code);
            code
        }
        "return" => {
            if sh.state.func_depth == 0 {
                berr(sh, out, "return", "can only `return' from a function or sourced script");
                return Some(1);
            }
            let code = match args.first() {
                None => sh.last_status,
                Some(a) => match a.trim().parse::<i64>() {
                    Ok(n) => (n & 0xff) as i32,
                    Err(_) => {
                        berr(sh, out, "return", &format!("{a}: numeric argument required"));
                        2
                    }
                },
            };
            sh.state.flow = Flow::Return(code);
            code
        }
        "break" | "continue" => {
            if sh.state.loop_depth == 0 {
                if sh.flavor == Flavor::Bash {
                    berr(sh, out, name, "only meaningful in a `for', `while', or `until' loop");
                }
                return Some(0);
            }
            let n = match args.first() {
                None => 1,
                Some(a) => match a.parse::<u32>() {
                    Ok(n) if n > 0 => n,
                    _ => {
                        berr(sh, out, name, &format!("{a}: loop count out of range"));
                        return Some(1);
                    }
                },
            };
            let n = n.min(sh.state.loop_depth as u32);
            sh.state.flow = if name == "break" { Flow::Break(n) } else { Flow::Continue(n) };
            0
        }
        "shift" => {
            let n = match args.first() {
                None => 1,
                Some(a) => match a.parse::<usize>() {
                    Ok(n) => n,
                    Err(_) => {
                        berr(sh, out, "shift", &format!("{a}: numeric argument required"));
                        return Some(1);
                    }
                },
            };
            if n > sh.state.positional.len() {
                if sh.flavor == Flavor::Ash {
                    berr(sh, out, "shift", "can't shift that many");
                }
                return Some(1);
            }
            sh.state.positional.drain(..n);
            0
        }
        "local" => {
            if sh.state.func_depth == 0 || sh.state.locals.is_empty() {
                berr(sh, out, "local", "can only be used in a function");
                return Some(1);
            }
            declare_names(sh, args.iter().filter(|a| !a.starts_with('-')), true, false, out)
        }
        "declare" | "typeset" => declare(sh, args, out),
        "type" => type_cmd(sh, sys, args, out),
        "test" => test_builtin(sh, sys, "test", args, out),
        "[" => {
            if args.last().map(String::as_str) != Some("]") {
                match sh.flavor {
                    Flavor::Bash => berr(sh, out, "[", "missing `]'"),
                    Flavor::Ash => berr(sh, out, "[", "missing ]"),
                }
                return Some(2);
            }
            test_builtin(sh, sys, "[", &args[..args.len() - 1], out)
        }
        "read" => read(sh, args, stdin, out),
        "history" => {
            match args.first().map(String::as_str) {
                Some("-c") => sh.history.clear(),
                Some(n) => {
                    let n: usize = n.parse().unwrap_or(usize::MAX);
                    let skip = sh.history.len().saturating_sub(n);
                    for (i, l) in sh.history.iter().enumerate().skip(skip) {
                        out.out(format!("{:5}  {l}\n", i + 1));
                    }
                }
                None => {
                    for (i, l) in sh.history.iter().enumerate() {
                        out.out(format!("{:5}  {l}\n", i + 1));
                    }
                }
            }
            0
        }
        "alias" => {
            let mut st = 0;
            let show = |sh: &Shell, k: &str, v: &str| match sh.flavor {
                Flavor::Bash => format!("alias {k}='{}'\n", v.replace('\'', "'\\''")),
                Flavor::Ash => format!("{k}='{}'\n", v.replace('\'', "'\\''")),
            };
            let list: Vec<&String> = args.iter().filter(|a| a.as_str() != "-p").collect();
            if list.is_empty() {
                let mut all: Vec<(String, String)> = sh.state.aliases.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                baleine_util::sort(&mut all);
                for (k, v) in all {
                    out.out(show(sh, &k, &v));
                }
            }
            for a in list {
                match a.split_once('=') {
                    Some((k, v)) => {
                        sh.state.aliases.insert(k.to_string(), v.to_string());
                    }
                    None => match sh.state.aliases.get(a.as_str()) {
                        Some(v) => out.out(show(sh, a, v)),
                        None => {
                            berr(sh, out, "alias", &format!("{a}: not found"));
                            st = 1;
                        }
                    },
                }
            }
            st
        }
        "unalias" => {
            let mut st = 0;
            for a in args {
                if a == "-a" {
                    sh.state.aliases.clear();
                } else if sh.state.aliases.shift_remove(a.as_str()).is_none() {
                    berr(sh, out, "unalias", &format!("{a}: not found"));
                    st = 1;
                }
            }
            st
        }
        "let" => {
            let mut v = 0;
            if args.is_empty() {
                berr(sh, out, "let", "expression expected");
                return Some(1);
            }
            for a in args {
                match crate::arith::eval(sh, a) {
                    Ok(x) => v = x,
                    Err(m) => {
                        berr(sh, out, "let", &m);
                        return Some(1);
                    }
                }
            }
            (v == 0) as i32
        }
        "umask" => {
            if args.is_empty() {
                out.out("0022\n");
            }
            0
        }
        "ulimit" => {
            out.out("unlimited\n");
            0
        }
        "times" => {
            out.out("0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
            0
        }
        "getopts" => getopts(sh, args, out),
        "trap" => trap(sh, args, out),
        // wait, jobs, hash, shopt, disown: accepted, no effect here.
        _ => 0,
    })
    })();
    r.unwrap_or(0)
}

// ------------------------------------------------------------------ cd

fn cd(sh: &mut Shell, sys: &mut dyn System, args: &[String], out: &mut Output) -> i32 {
    let args: Vec<&String> = args.iter().filter(|a| !matches!(a.as_str(), "-L" | "-P" | "-e" | "-@")).collect();
    if args.len() > 1 && sh.flavor == Flavor::Bash {
        berr(sh, out, "cd", "too many arguments");
        return 1;
    }
    let mut print = false;
    let target = match args.first().map(|s| s.as_str()) {
        None | Some("") if args.is_empty() => match sh.var("HOME") {
            Some(h) => h.to_string(),
            None => {
                berr(sh, out, "cd", "HOME not set");
                return 1;
            }
        },
        Some("-") => match sh.var("OLDPWD") {
            Some(o) => {
                print = true;
                o.to_string()
            }
            None => {
                berr(sh, out, "cd", "OLDPWD not set");
                return 1;
            }
        },
        Some(t) => t.to_string(),
        None => return 0,
    };
    if target.is_empty() {
        return 0;
    }
    let path = normalize(&sh.cwd, &target);
    let err = match fsutil::stat(&*sys, &path) {
        Ok(Stat::Dir { .. }) => None,
        Ok(_) => Some(baleine_vfs::FsError::NotADirectory),
        Err(e) => Some(e),
    };
    if let Some(e) = err {
        match sh.flavor {
            Flavor::Bash => berr(sh, out, "cd", &format!("{target}: {e}")),
            Flavor::Ash => berr(sh, out, "cd", &format!("can't cd to {target}: {e}")),
        }
        return 1;
    }
    let old = std::mem::replace(&mut sh.cwd, path.clone());
    sh.set_var("OLDPWD", &old);
    sh.set_var("PWD", &path);
    if print {
        out.out(format!("{path}\n"));
    }
    0
}

// ------------------------------------------------------------------ echo / printf

/// Interprets backslash escapes (echo -e, printf %b). Returns the text and
/// whether `\c` asked to stop all output.
pub(crate) fn escapes(s: &str, printf_fmt: bool) -> (String, bool) {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c != '\\' || i + 1 >= cs.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let n = cs[i + 1];
        i += 2;
        match n {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            'e' | 'E' => out.push('\x1b'),
            '\\' => out.push('\\'),
            '"' if printf_fmt => out.push('"'),
            '\'' if printf_fmt => out.push('\''),
            'c' if !printf_fmt => return (out, true),
            '0'..='7' => {
                // echo: \0nnn ; printf format: \nnn ; %b: \0nnn and \nnn
                let mut v = 0u32;
                let mut digits = 0;
                let max = if n == '0' && !printf_fmt { 3 } else { 2 };
                if n != '0' || printf_fmt {
                    v = n.to_digit(8).unwrap_or(0);
                }
                while digits < max && i < cs.len() && cs[i].is_digit(8) {
                    v = v * 8 + cs[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    digits += 1;
                }
                out.push(char::from_u32(v & 0xff).unwrap_or('?'));
            }
            'x' => {
                let mut v = 0u32;
                let mut digits = 0;
                while digits < 2 && i < cs.len() && cs[i].is_ascii_hexdigit() {
                    v = v * 16 + cs[i].to_digit(16).unwrap_or(0);
                    i += 1;
                    digits += 1;
                }
                if digits == 0 {
                    out.push_str("\\x");
                } else {
                    out.push(char::from_u32(v).unwrap_or('?'));
                }
            }
            'u' | 'U' => {
                let max = if n == 'u' { 4 } else { 8 };
                let mut v = 0u32;
                let mut digits = 0;
                while digits < max && i < cs.len() && cs[i].is_ascii_hexdigit() {
                    v = v.saturating_mul(16).saturating_add(cs[i].to_digit(16).unwrap_or(0));
                    i += 1;
                    digits += 1;
                }
                if digits == 0 {
                    out.push('\\');
                    out.push(n);
                } else {
                    out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    (out, false)
}

pub(crate) fn echo(args: &[String]) -> String {
    let mut newline = true;
    let mut esc = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        if a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|c| "neE".contains(c)) {
            for c in a[1..].chars() {
                match c {
                    'n' => newline = false,
                    'e' => esc = true,
                    _ => esc = false,
                }
            }
            i += 1;
        } else {
            break;
        }
    }
    let text = args[i..].join(" ");
    let mut s = if esc {
        let (t, stop) = escapes(&text, false);
        if stop {
            return t;
        }
        t
    } else {
        text
    };
    if newline {
        s.push('\n');
    }
    s
}

fn parse_num_arg(a: &str) -> Result<i64, String> {
    let t = a.trim();
    if let Some(rest) = t.strip_prefix('\'').or_else(|| t.strip_prefix('"')) {
        return Ok(rest.chars().next().map(|c| c as i64).unwrap_or(0));
    }
    if t.is_empty() {
        return Ok(0);
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let v = if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        i64::from_str_radix(h, 16).ok()
    } else if body.len() > 1 && body.starts_with('0') {
        i64::from_str_radix(&body[1..], 8).ok()
    } else {
        body.parse::<i64>().ok()
    };
    match v {
        Some(v) => Ok(if neg { -v } else { v }),
        None => {
            // leading digits are used, with an error
            let digits: String = body.chars().take_while(|c| c.is_ascii_digit()).collect();
            let v: i64 = digits.parse().unwrap_or(0);
            Err(format!("{}", if neg { -v } else { v }))
        }
    }
}

fn pad(s: &str, width: usize, left: bool, zero: bool) -> String {
    let len = s.chars().count();
    if len >= width {
        return s.to_string();
    }
    let fill = width - len;
    if left {
        format!("{s}{}", " ".repeat(fill))
    } else if zero {
        let (sign, digits) = if s.starts_with('-') || s.starts_with('+') { s.split_at(1) } else { ("", s) };
        format!("{sign}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{s}", " ".repeat(fill))
    }
}

/// `printf FORMAT ARGS…`: the text, and error messages (without prefix).
pub(crate) fn printf_format(fmt: &str, args: &[String]) -> (String, Vec<String>) {
    let (fmt, _) = escapes_fmt(fmt);
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut errors = Vec::new();
    let mut ai = 0;
    loop {
        let start_ai = ai;
        let mut i = 0;
        while i < cs.len() {
            let c = cs[i];
            if c != '%' {
                out.push(c);
                i += 1;
                continue;
            }
            i += 1;
            if cs.get(i) == Some(&'%') {
                out.push('%');
                i += 1;
                continue;
            }
            let mut left = false;
            let mut zero = false;
            let mut plus = false;
            let mut space = false;
            while let Some(&f) = cs.get(i) {
                match f {
                    '-' => left = true,
                    '0' => zero = true,
                    '+' => plus = true,
                    ' ' => space = true,
                    '#' => {}
                    _ => break,
                }
                i += 1;
            }
            let mut width = 0usize;
            if cs.get(i) == Some(&'*') {
                i += 1;
                let a = args.get(ai).map(String::as_str).unwrap_or("0");
                ai += 1;
                let w = parse_num_arg(a).unwrap_or(0);
                if w < 0 {
                    left = true;
                }
                width = (w.unsigned_abs() as usize).min(10_000);
            } else {
                while let Some(d) = cs.get(i).and_then(|c| c.to_digit(10)) {
                    width = (width * 10 + d as usize).min(10_000);
                    i += 1;
                }
            }
            let mut prec: Option<usize> = None;
            if cs.get(i) == Some(&'.') {
                i += 1;
                let mut p = 0usize;
                if cs.get(i) == Some(&'*') {
                    i += 1;
                    let a = args.get(ai).map(String::as_str).unwrap_or("0");
                    ai += 1;
                    p = parse_num_arg(a).unwrap_or(0).max(0) as usize;
                } else {
                    while let Some(d) = cs.get(i).and_then(|c| c.to_digit(10)) {
                        p = (p * 10 + d as usize).min(10_000);
                        i += 1;
                    }
                }
                prec = Some(p.min(10_000));
            }
            while matches!(cs.get(i), Some('l') | Some('h') | Some('j') | Some('z') | Some('q') | Some('L')) && cs.get(i) != Some(&'q') {
                i += 1;
            }
            let Some(&conv) = cs.get(i) else {
                out.push('%');
                break;
            };
            i += 1;
            let arg = args.get(ai).cloned();
            if !matches!(conv, '%') {
                ai += 1;
            }
            let a = arg.unwrap_or_default();
            let formatted = match conv {
                's' => {
                    let s: String = match prec {
                        Some(p) => a.chars().take(p).collect(),
                        None => a,
                    };
                    pad(&s, width, left, false)
                }
                'b' => {
                    let (s, stop) = escapes(&a, false);
                    out.push_str(&pad(&s, width, left, false));
                    if stop {
                        return (out, errors);
                    }
                    continue;
                }
                'q' => pad(&quote(&a), width, left, false),
                'c' => pad(&a.chars().next().map(String::from).unwrap_or_default(), width, left, false),
                'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                    let v = match parse_num_arg(&a) {
                        Ok(v) => v,
                        Err(partial) => {
                            errors.push(format!("{a}: invalid number"));
                            partial.parse().unwrap_or(0)
                        }
                    };
                    let mut s = match conv {
                        'o' => format!("{:o}", v),
                        'x' => format!("{:x}", v),
                        'X' => format!("{:X}", v),
                        'u' => format!("{}", v as u64),
                        _ => v.to_string(),
                    };
                    if let Some(p) = prec {
                        let neg = s.starts_with('-');
                        let digits = s.trim_start_matches('-').to_string();
                        if digits.len() < p {
                            s = format!("{}{}{}", if neg { "-" } else { "" }, "0".repeat(p - digits.len()), digits);
                        }
                    }
                    if v >= 0 && matches!(conv, 'd' | 'i') {
                        if plus {
                            s.insert(0, '+');
                        } else if space {
                            s.insert(0, ' ');
                        }
                    }
                    pad(&s, width, left, zero && prec.is_none())
                }
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                    let v: f64 = if a.trim().is_empty() {
                        0.0
                    } else {
                        match a.trim().parse() {
                            Ok(v) => v,
                            Err(_) => {
                                errors.push(format!("{a}: invalid number"));
                                0.0
                            }
                        }
                    };
                    let p = prec.unwrap_or(6);
                    let mut s = match conv {
                        'f' | 'F' => format!("{v:.p$}"),
                        'e' | 'E' => {
                            let s = format!("{v:.p$e}");
                            // Rust: 1.5e2 -> C: 1.500000e+02
                            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                            let ev: i32 = e.parse().unwrap_or(0);
                            let s = format!("{m}e{}{:02}", if ev < 0 { '-' } else { '+' }, ev.abs());
                            if conv == 'E' {
                                s.to_uppercase()
                            } else {
                                s
                            }
                        }
                        _ => {
                            let p = if p == 0 { 1 } else { p };
                            let s = format!("{v:.p$}");
                            let t = format!("{}", v);
                            if t.len() < s.len() {
                                t
                            } else {
                                s
                            }
                        }
                    };
                    if v >= 0.0 && plus {
                        s.insert(0, '+');
                    }
                    pad(&s, width, left, zero)
                }
                other => {
                    errors.push(format!("%{other}: invalid format character"));
                    return (out, errors);
                }
            };
            out.push_str(&formatted);
        }
        if ai >= args.len() || ai == start_ai {
            break;
        }
    }
    (out, errors)
}

/// Escapes of a printf format string (no `\c` handling).
fn escapes_fmt(fmt: &str) -> (String, bool) {
    // keep "%%" intact; escapes apply to the whole format
    escapes(fmt, true)
}

fn printf_builtin(sh: &mut Shell, args: &[String], out: &mut Output) -> i32 {
    let mut args = args;
    let mut var: Option<String> = None;
    if args.first().map(String::as_str) == Some("-v") {
        var = args.get(1).cloned();
        args = args.get(2..).unwrap_or(&[]);
    }
    if args.first().map(String::as_str) == Some("--") {
        args = &args[1..];
    }
    let Some(fmt) = args.first() else {
        match sh.flavor {
            Flavor::Bash => berr(sh, out, "printf", "usage: printf [-v var] format [arguments]"),
            Flavor::Ash => out.err("Usage: printf FORMAT [ARGUMENT...]\n"),
        }
        return 2;
    };
    let (text, errors) = printf_format(fmt, &args[1..]);
    match var {
        Some(v) => sh.set_var(&v, &text),
        None => out.out(text),
    }
    for e in &errors {
        berr(sh, out, "printf", e);
    }
    (!errors.is_empty()) as i32
}

// ------------------------------------------------------------------ variables

fn dq_escape(v: &str) -> String {
    let mut s = String::with_capacity(v.len());
    for c in v.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

fn export(sh: &mut Shell, args: &[String], out: &mut Output) -> i32 {
    let mut unexport = false;
    let mut names = Vec::new();
    for a in args {
        match a.as_str() {
            "-p" => {}
            "-n" => unexport = true,
            "-f" | "--" => {}
            _ => names.push(a),
        }
    }
    if names.is_empty() {
        let mut list: Vec<String> = sh.exported.iter().cloned().collect();
        baleine_util::sort(&mut list);
        for k in list {
            match (sh.flavor, sh.vars.get(&k)) {
                (Flavor::Bash, Some(v)) => out.out(format!("declare -x {k}=\"{}\"\n", dq_escape(v))),
                (Flavor::Bash, None) => out.out(format!("declare -x {k}\n")),
                (Flavor::Ash, Some(v)) => out.out(format!("export {k}='{}'\n", v.replace('\'', "'\\''"))),
                (Flavor::Ash, None) => out.out(format!("export {k}\n")),
            }
        }
        return 0;
    }
    let mut st = 0;
    for a in names {
        let (k, v) = match a.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (a.as_str(), None),
        };
        if !is_name(k) {
            match sh.flavor {
                Flavor::Bash => berr(sh, out, "export", &format!("`{a}': not a valid identifier")),
                Flavor::Ash => berr(sh, out, "export", "bad variable name"),
            }
            st = 1;
            continue;
        }
        if unexport {
            sh.exported.shift_remove(k);
            continue;
        }
        if let Some(v) = v {
            sh.set_var(k, v);
        }
        sh.exported.insert(k.to_string());
    }
    st
}

fn list_vars(sh: &Shell, out: &mut Output) {
    let mut list: Vec<(&String, &String)> = sh.vars.iter().collect();
    baleine_util::sort(&mut list);
    for (k, v) in list {
        let q = if v.is_empty() { "''".to_string() } else { quote(v) };
        match sh.flavor {
            Flavor::Bash => out.out(format!("{k}={q}\n")),
            Flavor::Ash => out.out(format!("{k}='{}'\n", v.replace('\'', "'\\''"))),
        }
    }
}

fn set(sh: &mut Shell, args: &[String], out: &mut Output) -> i32 {
    if args.is_empty() {
        list_vars(sh, out);
        return 0;
    }
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "--" {
            sh.state.positional = args[i + 1..].to_vec();
            return 0;
        }
        if a == "-" {
            sh.state.xtrace = false;
            sh.state.positional = args[i + 1..].to_vec();
            return 0;
        }
        let on = a.starts_with('-');
        if (on || a.starts_with('+')) && a.len() > 1 {
            for ch in a[1..].chars() {
                match ch {
                    'e' => sh.state.errexit = on,
                    'x' => sh.state.xtrace = on,
                    'u' => sh.state.nounset = on,
                    'f' => sh.state.noglob = on,
                    'o' => {
                        i += 1;
                        match args.get(i).map(String::as_str) {
                            Some("pipefail") => sh.state.pipefail = on,
                            Some("errexit") => sh.state.errexit = on,
                            Some("xtrace") => sh.state.xtrace = on,
                            Some("nounset") => sh.state.nounset = on,
                            Some("noglob") => sh.state.noglob = on,
                            Some(_) => {}
                            None => {
                                let opts = [("errexit", sh.state.errexit), ("noglob", sh.state.noglob), ("nounset", sh.state.nounset), ("pipefail", sh.state.pipefail), ("xtrace", sh.state.xtrace)];
                                for (n, v) in opts {
                                    if on {
                                        out.out(format!("{n:<15}\t{}\n", if v { "on" } else { "off" }));
                                    } else {
                                        out.out(format!("set {}o {n}\n", if v { '-' } else { '+' }));
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
            continue;
        }
        sh.state.positional = args[i..].to_vec();
        return 0;
    }
    0
}

fn declare_names<'a>(sh: &mut Shell, names: impl Iterator<Item = &'a String>, local: bool, export: bool, out: &mut Output) -> i32 {
    let mut st = 0;
    for a in names {
        let (k, v) = match a.split_once('=') {
            Some((k, v)) => (k.trim_end_matches('+'), Some(v)),
            None => (a.as_str(), None),
        };
        if !is_name(k) {
            berr(sh, out, if local { "local" } else { "declare" }, &format!("`{a}': not a valid identifier"));
            st = 1;
            continue;
        }
        if local {
            let old = sh.vars.get(k).cloned();
            let was = sh.exported.contains(k);
            if let Some(frame) = sh.state.locals.last_mut() {
                if !frame.iter().any(|(n, _, _)| n == k) {
                    frame.push((k.to_string(), old, was));
                }
            }
        }
        match v {
            Some(v) => sh.set_var(k, v),
            None => {
                if local || !sh.vars.contains_key(k) {
                    sh.set_var(k, "");
                }
            }
        }
        if export {
            sh.exported.insert(k.to_string());
        }
    }
    st
}

fn declare(sh: &mut Shell, args: &[String], out: &mut Output) -> i32 {
    let mut export = false;
    let mut print = false;
    let mut global = false;
    let mut funcs = false;
    let mut names = Vec::new();
    for a in args {
        if a.starts_with('-') || a.starts_with('+') {
            for c in a[1..].chars() {
                match c {
                    'x' => export = a.starts_with('-'),
                    'p' => print = true,
                    'g' => global = true,
                    'f' | 'F' => funcs = true,
                    _ => {}
                }
            }
        } else {
            names.push(a.clone());
        }
    }
    if funcs {
        for k in sh.state.functions.keys() {
            out.out(format!("declare -f {k}\n"));
        }
        return 0;
    }
    if names.is_empty() || print {
        if names.is_empty() {
            list_vars(sh, out);
            return 0;
        }
        let mut st = 0;
        for n in &names {
            match sh.vars.get(n) {
                Some(v) => {
                    let flag = if sh.exported.contains(n) { "-x" } else { "--" };
                    out.out(format!("declare {flag} {n}=\"{}\"\n", dq_escape(v)));
                }
                None => {
                    berr(sh, out, "declare", &format!("{n}: not found"));
                    st = 1;
                }
            }
        }
        return st;
    }
    let local = sh.state.func_depth > 0 && !global && !sh.state.locals.is_empty();
    declare_names(sh, names.iter(), local, export, out)
}

// ------------------------------------------------------------------ read

fn read(sh: &mut Shell, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let mut raw = false;
    let mut delim = b'\n';
    let mut nchars: Option<usize> = None;
    let mut vars = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a.starts_with('-') && a.len() > 1 && vars.is_empty() {
            let mut chars = a[1..].chars();
            while let Some(c) = chars.next() {
                let rest: String = chars.clone().collect();
                let mut take_arg = || -> String {
                    if !rest.is_empty() {
                        rest.clone()
                    } else {
                        i += 1;
                        args.get(i).cloned().unwrap_or_default()
                    }
                };
                match c {
                    'r' => raw = true,
                    's' => {}
                    'p' | 't' | 'u' | 'a' => {
                        let _ = take_arg();
                        break;
                    }
                    'd' => {
                        let d = take_arg();
                        delim = d.bytes().next().unwrap_or(0);
                        break;
                    }
                    'n' | 'N' => {
                        let n = take_arg();
                        nchars = n.parse().ok();
                        break;
                    }
                    _ => {
                        berr(sh, out, "read", &format!("-{c}: invalid option"));
                        return 2;
                    }
                }
            }
        } else {
            vars.push(a.to_string());
        }
        i += 1;
    }
    for v in &vars {
        if !is_name(v) {
            berr(sh, out, "read", &format!("`{v}': not a valid identifier"));
            return 1;
        }
    }
    let (line, complete) = if let Some(n) = nchars {
        match stdin.read_chars(n) {
            Some(b) => (String::from_utf8_lossy(&b).into_owned(), true),
            None => (String::new(), false),
        }
    } else {
        let mut acc = String::new();
        let mut complete = false;
        let mut got_any = false;
        while let Some((bytes, nl)) = stdin.read_until(delim) {
            got_any = true;
            let mut s = String::from_utf8_lossy(&bytes).into_owned();
            complete = nl;
            if !raw && s.ends_with('\\') && nl {
                s.pop();
                acc.push_str(&s);
                continue;
            }
            acc.push_str(&s);
            break;
        }
        if !got_any {
            for v in &vars {
                sh.set_var(v, "");
            }
            if vars.is_empty() {
                sh.set_var("REPLY", "");
            }
            return 1;
        }
        if !raw {
            let mut t = String::with_capacity(acc.len());
            let mut esc = false;
            for c in acc.chars() {
                if esc {
                    t.push(c);
                    esc = false;
                } else if c == '\\' {
                    esc = true;
                } else {
                    t.push(c);
                }
            }
            acc = t;
        }
        (acc, complete)
    };
    if vars.is_empty() {
        sh.set_var("REPLY", &line);
        return (!complete) as i32;
    }
    let ifs = sh.var("IFS").unwrap_or(" \t\n").to_string();
    let is_ifs = |c: char| ifs.contains(c);
    let ws = |c: char| ifs.contains(c) && c.is_whitespace();
    let mut rest: &str = line.trim_start_matches(ws);
    let n = vars.len();
    for (idx, v) in vars.iter().enumerate() {
        if idx + 1 == n {
            let val = rest.trim_end_matches(ws);
            sh.set_var(v, val);
        } else {
            let end = rest.find(is_ifs).unwrap_or(rest.len());
            let field = &rest[..end];
            sh.set_var(v, field);
            rest = &rest[end..];
            // skip one delimiter (with surrounding IFS whitespace)
            rest = rest.trim_start_matches(ws);
            if let Some(c) = rest.chars().next() {
                if is_ifs(c) && !c.is_whitespace() {
                    rest = &rest[c.len_utf8()..];
                    rest = rest.trim_start_matches(ws);
                }
            }
        }
    }
    (!complete) as i32
}

/// Signal names by number, as `trap` and `kill -l` know them.
const SIGNALS: &[(u32, &str)] = &[
    (0, "EXIT"), (1, "HUP"), (2, "INT"), (3, "QUIT"), (4, "ILL"), (5, "TRAP"), (6, "ABRT"), (7, "BUS"), (8, "FPE"), (9, "KILL"), (10, "USR1"), (11, "SEGV"), (12, "USR2"),
    (13, "PIPE"), (14, "ALRM"), (15, "TERM"), (16, "STKFLT"), (17, "CHLD"), (18, "CONT"), (19, "STOP"), (20, "TSTP"), (21, "TTIN"), (22, "TTOU"), (23, "URG"), (24, "XCPU"),
    (25, "XFSZ"), (26, "VTALRM"), (27, "PROF"), (28, "WINCH"), (29, "IO"), (30, "PWR"), (31, "SYS"),
];

/// The name `trap` knows signal `num` by ("TERM" for 15).
pub(crate) fn signal_name(num: u32) -> Option<&'static str> {
    SIGNALS.iter().find(|(k, _)| *k == num).map(|(_, s)| *s)
}

/// A trap condition as written (`TERM`, `SIGTERM`, `term`, `15`, `EXIT`, `0`).
fn trap_condition(spec: &str) -> Option<(u32, &'static str)> {
    if let Ok(n) = spec.parse::<u32>() {
        return SIGNALS.iter().find(|(k, _)| *k == n).copied();
    }
    let up = spec.to_ascii_uppercase();
    let name = up.strip_prefix("SIG").unwrap_or(&up);
    SIGNALS.iter().find(|(_, s)| *s == name).copied()
}

/// `trap [ACTION] CONDITION...` (busybox ash trapcmd, bash trap_builtin):
/// with no operand, lists the traps; "-" (or a lone condition) resets.
fn trap(sh: &mut Shell, args: &[String], out: &mut Output) -> i32 {
    let mut args: Vec<&String> = args.iter().collect();
    let mut list = false;
    while let Some(a) = args.first() {
        match a.as_str() {
            "--" => {
                args.remove(0);
                break;
            }
            "-p" => list = true,
            "-l" => {
                let mut text = String::new();
                for (n, name) in SIGNALS.iter().skip(1) {
                    text.push_str(&format!("{n:>2}) SIG{name}\n"));
                }
                out.out(text);
                return 0;
            }
            _ => break,
        }
        args.remove(0);
    }
    if args.is_empty() || list {
        let mut text = String::new();
        for (n, name) in SIGNALS {
            if let Some(action) = sh.state.traps.get(*name) {
                let shown = if sh.flavor == Flavor::Bash && *n != 0 { format!("SIG{name}") } else { name.to_string() };
                text.push_str(&format!("trap -- '{}' {shown}\n", action.replace('\'', "'\\''")));
            }
        }
        out.out(text);
        return 0;
    }
    // "trap NUM..." and "trap SIG" reset; otherwise the first word is the action.
    let action = if args.len() > 1 && args[0].parse::<u32>().is_err() { Some(args.remove(0).clone()) } else { None };
    let mut st = 0;
    for a in args {
        match trap_condition(a) {
            Some((_, name)) => match &action {
                Some(act) if act != "-" => {
                    sh.state.traps.insert(name.to_string(), act.clone());
                }
                _ => {
                    sh.state.traps.shift_remove(name);
                }
            },
            None => {
                berr(sh, out, "trap", &format!("{a}: invalid signal specification"));
                st = 1;
            }
        }
    }
    st
}

fn getopts(sh: &mut Shell, args: &[String], out: &mut Output) -> i32 {
    let (Some(optstring), Some(var)) = (args.first(), args.get(1)) else {
        berr(sh, out, "getopts", "usage: getopts optstring name [arg ...]");
        return 2;
    };
    let params: Vec<String> = if args.len() > 2 { args[2..].to_vec() } else { sh.state.positional.clone() };
    let mut optind: usize = sh.var("OPTIND").and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
    let mut sub: usize = sh.var("__GETOPTS_SUB").and_then(|v| v.parse().ok()).unwrap_or(1);
    let silent = optstring.starts_with(':');
    let Some(cur) = params.get(optind - 1) else {
        sh.set_var(var, "?");
        return 1;
    };
    if cur == "--" {
        sh.set_var("OPTIND", &(optind + 1).to_string());
        sh.set_var(var, "?");
        return 1;
    }
    if !cur.starts_with('-') || cur.len() < 2 {
        sh.set_var(var, "?");
        return 1;
    }
    let chars: Vec<char> = cur.chars().collect();
    if sub >= chars.len() {
        sub = 1;
    }
    let c = chars[sub];
    let spec = optstring.trim_start_matches(':');
    let pos = spec.find(c);
    let needs_arg = pos.is_some_and(|p| spec[p + c.len_utf8()..].starts_with(':'));
    sh.vars.shift_remove("OPTARG");
    let advance = |sub: &mut usize, optind: &mut usize| {
        *sub += 1;
        if *sub >= chars.len() {
            *sub = 1;
            *optind += 1;
        }
    };
    if pos.is_none() || c == ':' {
        if silent {
            sh.set_var("OPTARG", &c.to_string());
        } else {
            out.err(format!("{}: illegal option -- {c}\n", sh.name));
        }
        sh.set_var(var, "?");
        advance(&mut sub, &mut optind);
    } else if needs_arg {
        let rest: String = chars[sub + 1..].iter().collect();
        if !rest.is_empty() {
            sh.set_var("OPTARG", &rest);
            optind += 1;
            sub = 1;
            sh.set_var(var, &c.to_string());
        } else if let Some(a) = params.get(optind) {
            sh.set_var("OPTARG", a);
            optind += 2;
            sub = 1;
            sh.set_var(var, &c.to_string());
        } else {
            if silent {
                sh.set_var(var, ":");
                sh.set_var("OPTARG", &c.to_string());
            } else {
                out.err(format!("{}: option requires an argument -- {c}\n", sh.name));
                sh.set_var(var, "?");
            }
            optind += 1;
            sub = 1;
        }
    } else {
        sh.set_var(var, &c.to_string());
        advance(&mut sub, &mut optind);
    }
    sh.set_var("OPTIND", &optind.to_string());
    sh.set_var("__GETOPTS_SUB", &sub.to_string());
    0
}

// ------------------------------------------------------------------ eval / source / command / type

fn eval(sh: &mut Shell, sys: &mut dyn System, text: &str, stdin: &mut Stdin, out: &mut Output) -> i32 {
    if sh.state.depth + 2 >= interp::MAX_EXEC_DEPTH {
        shell_err(sh, out, "eval: maximum nesting level exceeded");
        return 2;
    }
    let full = parse_full(text, 0);
    sh.state.depth += 1;
    let st = interp::exec_script(sh, sys, &full.parsed.script, stdin, out);
    sh.state.depth -= 1;
    if sh.state.flow == Flow::Normal {
        if let Some(e) = &full.err {
            let msg = interp::syntax_text(sh, e);
            shell_err(sh, out, &format!("eval: {msg}"));
            return 2;
        }
    }
    st
}

fn source(sh: &mut Shell, sys: &mut dyn System, name: &str, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let Some(file) = args.first() else {
        match sh.flavor {
            Flavor::Bash => berr(sh, out, name, "filename argument required"),
            Flavor::Ash => {}
        }
        return 2;
    };
    let mut path = normalize(&sh.cwd, file);
    if !file.contains('/') && !fsutil::exists(&*sys, &path) {
        let p = sh.var("PATH").unwrap_or(DEFAULT_PATH).to_string();
        for dir in p.split(':') {
            let cand = normalize(&sh.cwd, &format!("{dir}/{file}"));
            if fsutil::exists(&*sys, &cand) {
                path = cand;
                break;
            }
        }
    }
    let text = match fsutil::read_bytes(&*sys, &path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            match sh.flavor {
                Flavor::Bash => shell_err(sh, out, &format!("{file}: {e}")),
                Flavor::Ash => shell_err(sh, out, &format!("{name}: can't open '{file}': {e}")),
            }
            return 1;
        }
    };
    let pos = if args.len() > 1 { Some(args[1..].to_vec()) } else { None };
    interp::source_text(sh, sys, &text, pos, stdin, out)
}

fn command(sh: &mut Shell, sys: &mut dyn System, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let mut i = 0;
    let mut v = false;
    let mut big_v = false;
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "-v" => v = true,
            "-V" => big_v = true,
            "-p" => {}
            "--" => {
                i += 1;
                break;
            }
            _ => break,
        }
        i += 1;
    }
    let rest = &args[i.min(args.len())..];
    if v || big_v {
        let mut st = 0;
        for name in rest {
            if big_v {
                st |= type_one(sh, sys, name, out, false);
                continue;
            }
            if let Some(a) = sh.state.aliases.get(name.as_str()) {
                out.out(format!("alias {name}='{a}'\n"));
            } else if KEYWORDS.contains(&name.as_str()) || is_builtin(name) || sh.state.functions.contains_key(name.as_str()) {
                out.out(format!("{name}\n"));
            } else if let Some(p) = find_command(sh, &*sys, name) {
                out.out(format!("{p}\n"));
            } else {
                st = 1;
            }
        }
        return st;
    }
    if rest.is_empty() {
        return 0;
    }
    interp::run_argv_nofunc(sh, sys, rest, stdin, out)
}

/// Where an external command would be found (PATH, or a utility the system
/// says it has).
pub(crate) fn find_command(sh: &Shell, sys: &dyn System, name: &str) -> Option<String> {
    if let Some(p) = interp::lookup_path(sys, sh, name) {
        return Some(p);
    }
    if !name.contains('/') && (utils::is_utility(name) || matches!(name, "sh" | "bash")) && sys.has_utility(sh, name) {
        return Some(format!("/usr/bin/{name}"));
    }
    None
}

fn type_one(sh: &Shell, sys: &dyn System, name: &str, out: &mut Output, kind_only: bool) -> i32 {
    let bash = sh.flavor == Flavor::Bash;
    let (kind, text) = if let Some(a) = sh.state.aliases.get(name) {
        ("alias", if bash { format!("{name} is aliased to `{a}'") } else { format!("{name} is an alias for {a}") })
    } else if KEYWORDS.contains(&name) {
        ("keyword", format!("{name} is a shell keyword"))
    } else if sh.state.functions.contains_key(name) {
        ("function", format!("{name} is a function"))
    } else if is_builtin(name) {
        ("builtin", format!("{name} is a shell builtin"))
    } else if let Some(p) = find_command(sh, sys, name) {
        ("file", format!("{name} is {p}"))
    } else {
        if !kind_only {
            if bash {
                shell_err(sh, out, &format!("type: {name}: not found"));
            } else {
                out.out(format!("{name}: not found\n"));
            }
        }
        return if bash { 1 } else { 127 };
    };
    if kind_only {
        out.out(format!("{kind}\n"));
    } else {
        out.out(format!("{text}\n"));
    }
    0
}

fn type_cmd(sh: &mut Shell, sys: &mut dyn System, args: &[String], out: &mut Output) -> i32 {
    let kind_only = args.iter().any(|a| a == "-t");
    let path_only = args.iter().any(|a| a == "-p" || a == "-P");
    let mut st = 0;
    for name in args.iter().filter(|a| !a.starts_with('-')) {
        if path_only {
            match find_command(sh, &*sys, name) {
                Some(p) => out.out(format!("{p}\n")),
                None => st = 1,
            }
            continue;
        }
        let r = type_one(sh, &*sys, name, out, kind_only);
        if r != 0 {
            st = r;
        }
    }
    st
}

// ------------------------------------------------------------------ test

fn test_builtin(sh: &mut Shell, sys: &mut dyn System, name: &str, args: &[String], out: &mut Output) -> i32 {
    match test_eval(sh, &*sys, args) {
        Ok(b) => (!b) as i32,
        Err(m) => {
            berr(sh, out, name, &m);
            2
        }
    }
}

fn is_unary(op: &str) -> bool {
    matches!(op, "-e" | "-f" | "-d" | "-s" | "-r" | "-w" | "-x" | "-L" | "-h" | "-z" | "-n" | "-b" | "-c" | "-p" | "-S" | "-t" | "-g" | "-u" | "-k" | "-O" | "-G" | "-N" | "-a" | "-v" | "-o")
}

fn is_binary(op: &str) -> bool {
    matches!(op, "=" | "==" | "!=" | "<" | ">" | "-eq" | "-ne" | "-lt" | "-gt" | "-le" | "-ge" | "-nt" | "-ot" | "-ef" | "=~")
}

fn parse_int(s: &str) -> Result<i64, String> {
    let t = s.trim();
    t.parse::<i64>().map_err(|_| format!("{s}: integer expression expected"))
}

fn unary(sh: &Shell, sys: &dyn System, op: &str, a: &str) -> Result<bool, String> {
    let path = || normalize(&sh.cwd, a);
    Ok(match op {
        "-z" => a.is_empty(),
        "-n" => !a.is_empty(),
        "-v" => sh.vars.contains_key(a),
        "-o" => match a {
            "errexit" => sh.state.errexit,
            "xtrace" => sh.state.xtrace,
            "nounset" => sh.state.nounset,
            "pipefail" => sh.state.pipefail,
            _ => false,
        },
        "-t" => false,
        "-L" | "-h" => !a.is_empty() && matches!(fsutil::lstat(sys, &path()), Ok(Stat::Symlink { .. })),
        _ => {
            if a.is_empty() {
                return Ok(false);
            }
            let st = fsutil::stat(sys, &path());
            match op {
                "-e" | "-a" => st.is_ok(),
                "-f" => matches!(st, Ok(Stat::File { .. })),
                "-d" => matches!(st, Ok(Stat::Dir { .. })),
                "-s" => match st {
                    Ok(Stat::File { size, .. }) => size > 0,
                    Ok(Stat::Dir { .. }) => true,
                    _ => false,
                },
                "-r" | "-w" => st.is_ok(),
                "-x" => match st {
                    Ok(Stat::File { meta, content, .. }) => meta.mode & 0o111 != 0 || matches!(content, Content::Opaque { .. }),
                    Ok(Stat::Dir { meta }) => meta.mode & 0o111 != 0,
                    _ => false,
                },
                "-u" | "-g" | "-k" => match st {
                    Ok(Stat::File { meta, .. }) | Ok(Stat::Dir { meta }) => {
                        meta.mode & (match op {
                            "-u" => 0o4000,
                            "-g" => 0o2000,
                            _ => 0o1000,
                        }) != 0
                    }
                    _ => false,
                },
                "-O" | "-G" => st.is_ok(),
                _ => false,
            }
        }
    })
}

fn mtime(sh: &Shell, sys: &dyn System, a: &str) -> Option<u64> {
    match fsutil::stat(sys, &normalize(&sh.cwd, a)) {
        Ok(Stat::File { meta, .. }) | Ok(Stat::Dir { meta }) => Some(meta.mtime),
        _ => None,
    }
}

fn binary(sh: &Shell, sys: &dyn System, a: &str, op: &str, b: &str) -> Result<bool, String> {
    Ok(match op {
        "=" | "==" => a == b,
        "!=" => a != b,
        "<" => a < b,
        ">" => a > b,
        "-nt" => mtime(sh, sys, a).unwrap_or(0) > mtime(sh, sys, b).unwrap_or(0) && mtime(sh, sys, a).is_some(),
        "-ot" => mtime(sh, sys, a).unwrap_or(0) < mtime(sh, sys, b).unwrap_or(0) && mtime(sh, sys, b).is_some(),
        "-ef" => normalize(&sh.cwd, a) == normalize(&sh.cwd, b),
        _ => {
            let x = parse_int(a)?;
            let y = parse_int(b)?;
            match op {
                "-eq" => x == y,
                "-ne" => x != y,
                "-lt" => x < y,
                "-gt" => x > y,
                "-le" => x <= y,
                _ => x >= y,
            }
        }
    })
}

/// `test` / `[`: POSIX rules by argument count, then a general parser.
pub(crate) fn test_eval(sh: &Shell, sys: &dyn System, args: &[String]) -> Result<bool, String> {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    match a.len() {
        0 => Ok(false),
        1 => Ok(!a[0].is_empty()),
        2 => {
            if a[0] == "!" {
                Ok(a[1].is_empty())
            } else if is_unary(a[0]) {
                unary(sh, sys, a[0], a[1])
            } else {
                Err(format!("{}: unary operator expected", a[0]))
            }
        }
        3 => {
            if is_binary(a[1]) && a[1] != "=~" {
                binary(sh, sys, a[0], a[1], a[2])
            } else if a[1] == "-a" {
                Ok(!a[0].is_empty() && !a[2].is_empty())
            } else if a[1] == "-o" {
                Ok(!a[0].is_empty() || !a[2].is_empty())
            } else if a[0] == "!" {
                test_eval(sh, sys, &args[1..]).map(|b| !b)
            } else if a[0] == "(" && a[2] == ")" {
                Ok(!a[1].is_empty())
            } else {
                Err(format!("{}: binary operator expected", a[1]))
            }
        }
        4 if a[0] == "!" => test_eval(sh, sys, &args[1..]).map(|b| !b),
        4 if a[0] == "(" && a[3] == ")" => test_eval(sh, sys, &args[1..3]),
        _ => {
            let mut p = TestP { a: &a, i: 0, depth: 0 };
            let r = p.or(sh, sys)?;
            if p.i < a.len() {
                return Err("too many arguments".into());
            }
            Ok(r)
        }
    }
}

struct TestP<'a> {
    a: &'a [&'a str],
    i: usize,
    depth: usize,
}

impl TestP<'_> {
    fn or(&mut self, sh: &Shell, sys: &dyn System) -> Result<bool, String> {
        self.depth += 1;
        if self.depth > 64 {
            return Err("expression too complex".into());
        }
        let mut v = self.and(sh, sys)?;
        while self.a.get(self.i) == Some(&"-o") {
            self.i += 1;
            let r = self.and(sh, sys)?;
            v = v || r;
        }
        self.depth -= 1;
        Ok(v)
    }
    fn and(&mut self, sh: &Shell, sys: &dyn System) -> Result<bool, String> {
        let mut v = self.not(sh, sys)?;
        while self.a.get(self.i) == Some(&"-a") {
            self.i += 1;
            let r = self.not(sh, sys)?;
            v = v && r;
        }
        Ok(v)
    }
    fn not(&mut self, sh: &Shell, sys: &dyn System) -> Result<bool, String> {
        let mut neg = false;
        while self.a.get(self.i) == Some(&"!") {
            neg = !neg;
            self.i += 1;
        }
        let v = self.primary(sh, sys)?;
        Ok(v != neg)
    }
    fn primary(&mut self, sh: &Shell, sys: &dyn System) -> Result<bool, String> {
        let Some(&t) = self.a.get(self.i) else {
            return Err("argument expected".into());
        };
        if t == "(" {
            self.i += 1;
            let v = self.or(sh, sys)?;
            if self.a.get(self.i) != Some(&")") {
                return Err("`)' expected".into());
            }
            self.i += 1;
            return Ok(v);
        }
        if let (Some(&op), Some(&b)) = (self.a.get(self.i + 1), self.a.get(self.i + 2)) {
            if is_binary(op) && op != "=~" {
                self.i += 3;
                return binary(sh, sys, t, op, b);
            }
        }
        if is_unary(t) && t != "-a" && t != "-o" {
            if let Some(&x) = self.a.get(self.i + 1) {
                self.i += 2;
                return unary(sh, sys, t, x);
            }
        }
        self.i += 1;
        Ok(!t.is_empty())
    }
}

// ------------------------------------------------------------------ [[ ]]

struct CondP<'a> {
    t: &'a [CondToken],
    i: usize,
    depth: usize,
}

fn tok_is(t: Option<&CondToken>, s: &str) -> bool {
    match t {
        Some(CondToken::Op(o)) => o == s,
        Some(CondToken::Word(w)) => w.as_literal() == Some(s),
        None => false,
    }
}

impl CondP<'_> {
    fn or(&mut self, sh: &mut Shell, sys: &mut dyn System, out: &mut Output, run: bool) -> Result<bool, String> {
        self.depth += 1;
        if self.depth > 64 {
            return Err("expression too complex".into());
        }
        let mut v = self.and(sh, sys, out, run)?;
        while matches!(self.t.get(self.i), Some(CondToken::Op(o)) if o == "||") {
            self.i += 1;
            let r = self.and(sh, sys, out, run && !v)?;
            v = v || r;
        }
        self.depth -= 1;
        Ok(v)
    }
    fn and(&mut self, sh: &mut Shell, sys: &mut dyn System, out: &mut Output, run: bool) -> Result<bool, String> {
        let mut v = self.not(sh, sys, out, run)?;
        while matches!(self.t.get(self.i), Some(CondToken::Op(o)) if o == "&&") {
            self.i += 1;
            let r = self.not(sh, sys, out, run && v)?;
            v = v && r;
        }
        Ok(v)
    }
    fn not(&mut self, sh: &mut Shell, sys: &mut dyn System, out: &mut Output, run: bool) -> Result<bool, String> {
        let mut neg = false;
        while tok_is(self.t.get(self.i), "!") {
            neg = !neg;
            self.i += 1;
        }
        let v = self.primary(sh, sys, out, run)?;
        Ok(v != neg)
    }
    fn word(&mut self, sh: &mut Shell, sys: &mut dyn System, out: &mut Output, run: bool, pattern: bool) -> Result<String, String> {
        match self.t.get(self.i) {
            Some(CondToken::Word(w)) => {
                self.i += 1;
                if !run {
                    return Ok(String::new());
                }
                if pattern {
                    expand::pattern(sh, sys, out, w)
                } else {
                    expand::string(sh, sys, out, w)
                }
            }
            Some(CondToken::Op(o)) => Err(format!("syntax error in conditional expression: unexpected token `{o}'")),
            None => Err("unexpected argument to conditional binary operator".into()),
        }
    }
    fn primary(&mut self, sh: &mut Shell, sys: &mut dyn System, out: &mut Output, run: bool) -> Result<bool, String> {
        match self.t.get(self.i) {
            None => return Err("syntax error in conditional expression".into()),
            Some(CondToken::Op(o)) if o == "(" => {
                self.i += 1;
                let v = self.or(sh, sys, out, run)?;
                if !tok_is(self.t.get(self.i), ")") {
                    return Err("syntax error in conditional expression".into());
                }
                self.i += 1;
                return Ok(v);
            }
            Some(CondToken::Op(o)) => return Err(format!("syntax error in conditional expression: unexpected token `{o}'")),
            Some(CondToken::Word(w)) => {
                if let Some(op) = w.as_literal() {
                    if is_unary(op) && matches!(self.t.get(self.i + 1), Some(CondToken::Word(_))) && !self.binop_at(self.i + 1) {
                        let op = op.to_string();
                        self.i += 1;
                        let a = self.word(sh, sys, out, run, false)?;
                        if !run {
                            return Ok(false);
                        }
                        return unary(sh, &*sys, &op, &a);
                    }
                }
            }
        }
        let a = self.word(sh, sys, out, run, false)?;
        if self.binop_at(self.i) {
            let op = match self.t.get(self.i) {
                Some(CondToken::Op(o)) => o.clone(),
                Some(CondToken::Word(w)) => w.as_literal().unwrap_or("").to_string(),
                None => String::new(),
            };
            self.i += 1;
            let pattern = matches!(op.as_str(), "==" | "=" | "!=");
            let b = self.word(sh, sys, out, run, pattern)?;
            if !run {
                return Ok(false);
            }
            return match op.as_str() {
                "==" | "=" => Ok(glob::matches(&b, &a)),
                "!=" => Ok(!glob::matches(&b, &a)),
                "=~" => match regex::Regex::new(&b, regex::Syntax::Extended, false) {
                    Ok(re) => match re.find(&a) {
                        Some((s, e)) => {
                            let m: String = a.get(s..e).unwrap_or("").to_string();
                            sh.set_var("BASH_REMATCH", &m);
                            Ok(true)
                        }
                        None => {
                            sh.set_var("BASH_REMATCH", "");
                            Ok(false)
                        }
                    },
                    Err(_) => Err(String::new()),
                },
                _ => binary(sh, &*sys, &a, &op, &b),
            };
        }
        Ok(!a.is_empty())
    }
    fn binop_at(&self, i: usize) -> bool {
        match self.t.get(i) {
            Some(CondToken::Op(o)) => o == "<" || o == ">",
            Some(CondToken::Word(w)) => w.as_literal().is_some_and(is_binary),
            None => false,
        }
    }
}

/// `[[ … ]]`: 0 true, 1 false, 2 error.
pub(crate) fn cond_command(sh: &mut Shell, sys: &mut dyn System, out: &mut Output, toks: &[CondToken]) -> i32 {
    let mut p = CondP { t: toks, i: 0, depth: 0 };
    match p.or(sh, sys, out, true) {
        Ok(v) => {
            if p.i < toks.len() {
                shell_err(sh, out, "syntax error in conditional expression");
                return 2;
            }
            (!v) as i32
        }
        Err(m) => {
            if !m.is_empty() {
                if m.contains("integer expression expected") {
                    shell_err(sh, out, &m);
                    return 2;
                }
                out.err(format!("{}{m}\n", err_prefix(sh)));
            }
            2
        }
    }
}
