//! Core utilities (coreutils / busybox applets) working on the [`System`]'s
//! files. GNU wording where the system's utilities are GNU's
//! ([`System::gnu_utilities`]), busybox wording (where it differs and is
//! cheap to model) otherwise.

use std::collections::BTreeMap;
use std::sync::Arc;

use baleine_vfs::{normalize, Content, FsError, Stat};

use crate::interp::Stdin;
use crate::{fsutil, Output, Shell, System};

mod archive;
pub use archive::{archive_entries, archive_node};
mod awk;
mod files;
mod md5;
mod sed;
mod sysinfo;
mod text;

/// Every utility [`run_utility`] implements.
pub const UTILITIES: &[&str] = &[
    "[", "arch", "awk", "base64", "basename", "cat", "chmod", "chown", "clear", "cp", "cut", "date", "df", "dirname", "du", "echo", "egrep", "env", "expr", "false", "fgrep", "find", "free", "grep", "groups", "gunzip", "gzip", "head", "hostname", "id", "less", "ln",
    "ls", "md5sum", "mkdir", "mktemp", "more", "mv", "nl", "nohup", "nproc", "printenv", "printf", "pwd", "readlink", "realpath", "rev", "rm", "rmdir", "sed", "seq", "sha256sum", "sleep", "sort", "stat", "tac", "tail", "tar", "tee", "test", "timeout", "touch", "tr", "true",
    "tty", "uname", "uniq", "uptime", "wc", "which", "whoami", "xargs", "yes", "zcat",
];

/// Whether [`run_utility`] implements `name`.
pub fn is_utility(name: &str) -> bool {
    UTILITIES.binary_search(&name).is_ok() || UTILITIES.contains(&name)
}

/// Runs a core utility. `args` are the arguments after the name; `stdin` is
/// None when standard input is the terminal. None when `name` is not a
/// utility of this crate.
pub fn run_utility(name: &str, shell: &mut Shell, sys: &mut dyn System, args: &[String], stdin: Option<&[u8]>, out: &mut Output) -> Option<i32> {
    if !is_utility(name) {
        return None;
    }
    let mut cx = Ctx { sh: shell, sys, out, stdin, used_stdin: false, name };
    Some(dispatch(&mut cx, args))
}

/// Runs a utility with the interpreter's stdin (consumed when the utility
/// reads it).
pub(crate) fn run_stdin(name: &str, sh: &mut Shell, sys: &mut dyn System, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let (st, used) = {
        let mut cx = Ctx { sh, sys, out, stdin: stdin.rest(), used_stdin: false, name };
        let st = dispatch(&mut cx, args);
        (st, cx.used_stdin)
    };
    if used {
        stdin.consume_all();
    }
    st
}

/// What a running utility works with.
pub(crate) struct Ctx<'a, 's> {
    pub sh: &'a mut Shell,
    pub sys: &'a mut (dyn System + 's),
    pub out: &'a mut Output,
    pub stdin: Option<&'a [u8]>,
    pub used_stdin: bool,
    pub name: &'a str,
}

impl Ctx<'_, '_> {
    pub(crate) fn gnu(&self) -> bool {
        self.sys.gnu_utilities(self.sh)
    }
    /// `name: msg`
    pub(crate) fn err(&mut self, msg: impl AsRef<str>) {
        self.out.err(format!("{}: {}\n", self.name, msg.as_ref()));
    }
    pub(crate) fn print(&mut self, s: impl AsRef<str>) {
        self.out.out(s);
    }
    pub(crate) fn path(&self, p: &str) -> String {
        normalize(&self.sh.cwd, p)
    }
    pub(crate) fn stdin_bytes(&mut self) -> &[u8] {
        self.used_stdin = true;
        self.stdin.unwrap_or(&[])
    }
    /// A file's bytes ("-" is stdin).
    pub(crate) fn input(&mut self, arg: &str) -> Result<Arc<Vec<u8>>, FsError> {
        if arg == "-" {
            return Ok(Arc::new(self.stdin_bytes().to_vec()));
        }
        let p = self.path(arg);
        match fsutil::stat(&*self.sys, &p) {
            Ok(Stat::Dir { .. }) => return Err(FsError::IsADirectory),
            Err(e) => return Err(e),
            _ => {}
        }
        fsutil::read_bytes(&*self.sys, &p)
    }
    /// Reports an unreadable input in the flavour's words.
    pub(crate) fn input_error(&mut self, arg: &str, e: &FsError) {
        if self.gnu() {
            self.err(format!("{arg}: {e}"));
        } else if *e == FsError::IsADirectory {
            self.err(format!("read error: {e}"));
        } else {
            self.err(format!("can't open '{arg}': {e}"));
        }
    }
    pub(crate) fn invalid_option(&mut self, opt: &str) -> i32 {
        if self.gnu() {
            if let Some(long) = opt.strip_prefix("--") {
                self.err(format!("unrecognized option '--{long}'"));
            } else {
                self.err(format!("invalid option -- '{opt}'"));
            }
            self.out.err(format!("Try '{} --help' for more information.\n", self.name));
        } else {
            self.err(format!("unrecognized option: {}", opt.trim_start_matches('-')));
        }
        1
    }
    pub(crate) fn missing_operand(&mut self) -> i32 {
        self.err("missing operand");
        if self.gnu() {
            self.out.err(format!("Try '{} --help' for more information.\n", self.name));
        }
        1
    }
    pub(crate) fn tty(&self) -> bool {
        self.sh.state.out_tty
    }
}

/// Parsed command-line options.
#[derive(Default, Debug)]
pub(crate) struct Opts {
    pub flags: Vec<char>,
    pub values: BTreeMap<char, Vec<String>>,
    pub long: Vec<(String, Option<String>)>,
    pub operands: Vec<String>,
}

impl Opts {
    pub(crate) fn has(&self, c: char) -> bool {
        self.flags.contains(&c)
    }
    pub(crate) fn value(&self, c: char) -> Option<&str> {
        self.values.get(&c).and_then(|v| v.last()).map(String::as_str)
    }
    pub(crate) fn values(&self, c: char) -> &[String] {
        self.values.get(&c).map(Vec::as_slice).unwrap_or(&[])
    }
    pub(crate) fn long(&self, name: &str) -> bool {
        self.long.iter().any(|(n, _)| n == name)
    }
    pub(crate) fn long_value(&self, name: &str) -> Option<&str> {
        self.long.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }
}

/// getopt-style parsing: `flags` are the known flag letters, `with_value`
/// the letters taking a value. Options may follow operands (GNU). Err is
/// the unknown option.
pub(crate) fn getopt(args: &[String], flags: &str, with_value: &str) -> Result<Opts, String> {
    getopt_long(args, flags, with_value, &[])
}

/// `getopt` that also knows long options as getopt_long does: each
/// (name, takes a value); an unambiguous prefix names one (`--strip` for
/// `--strip-components`), and the value of one that takes it may be the
/// next argument. Other long options are kept as written.
pub(crate) fn getopt_long(args: &[String], flags: &str, with_value: &str, long_opts: &[(&str, bool)]) -> Result<Opts, String> {
    let mut o = Opts::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            o.operands.extend(args[i + 1..].iter().cloned());
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (written, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let known = long_opts.iter().find(|(n, _)| *n == written).or_else(|| {
                let mut prefixed = long_opts.iter().filter(|(n, _)| n.starts_with(written));
                match (prefixed.next(), prefixed.next()) {
                    (Some(one), None) if !written.is_empty() => Some(one),
                    _ => None,
                }
            });
            match known {
                Some((name, true)) if value.is_none() => {
                    i += 1;
                    o.long.push((name.to_string(), args.get(i).cloned()));
                }
                Some((name, _)) => o.long.push((name.to_string(), value)),
                None => o.long.push((written.to_string(), value)),
            }
            i += 1;
            continue;
        }
        if a.starts_with('-') && a.len() > 1 {
            let cs: Vec<char> = a[1..].chars().collect();
            let mut k = 0;
            while k < cs.len() {
                let c = cs[k];
                if with_value.contains(c) {
                    let rest: String = cs[k + 1..].iter().collect();
                    let v = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.clone(),
                            None => return Err(format!("{c}")),
                        }
                    };
                    o.values.entry(c).or_default().push(v);
                    break;
                } else if flags.contains(c) {
                    o.flags.push(c);
                } else {
                    return Err(c.to_string());
                }
                k += 1;
            }
            i += 1;
            continue;
        }
        o.operands.push(a.clone());
        i += 1;
    }
    Ok(o)
}

/// Splits bytes into lines (without the newline); the last line may lack one.
pub(crate) fn lines(b: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(b);
    let mut v: Vec<String> = s.split('\n').map(str::to_string).collect();
    if s.ends_with('\n') || s.is_empty() {
        v.pop();
    }
    v
}

/// `4.0K`, `1.5M`… as `ls -h`, `du -h` and `df -h` print sizes.
pub(crate) fn human(n: u64) -> String {
    if n < 1024 {
        return n.to_string();
    }
    let units = ['K', 'M', 'G', 'T', 'P'];
    let mut v = n as f64 / 1024.0;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < units.len() {
        v /= 1024.0;
        u += 1;
    }
    if v < 10.0 {
        let r = (v * 10.0).ceil() / 10.0;
        if r >= 10.0 {
            format!("{}{}", r.ceil() as u64, units[u])
        } else {
            format!("{:.1}{}", r, units[u])
        }
    } else {
        format!("{}{}", v.ceil() as u64, units[u])
    }
}

// ------------------------------------------------------------------ time

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const DAYS_LONG: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Broken-down UTC time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tm {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub min: u32,
    pub sec: u32,
    pub wday: u32,
    pub yday: u32,
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub(crate) fn tm(secs: u64) -> Tm {
    let days = (secs / 86400) as i64;
    let rem = secs % 86400;
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = if m <= 2 { y + 1 } else { y };
    let yday = (days - days_from_civil(year, 1, 1)) as u32;
    Tm { year, month: m, day: d, hour: (rem / 3600) as u32, min: (rem / 60 % 60) as u32, sec: (rem % 60) as u32, wday: ((days + 4).rem_euclid(7)) as u32, yday }
}

/// Seconds since the epoch of a UTC date.
pub(crate) fn timegm(year: i64, month: u32, day: u32, h: u32, m: u32, s: u32) -> u64 {
    let d = days_from_civil(year, month, day);
    (d * 86400 + (h * 3600 + m * 60 + s) as i64).max(0) as u64
}

/// strftime for the usual conversions (UTC).
pub fn strftime(fmt: &str, secs: u64) -> String {
    let t = tm(secs);
    let mut out = String::new();
    let mut cs = fmt.chars().peekable();
    while let Some(c) = cs.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut pad: Option<char> = None;
        if let Some(&p) = cs.peek() {
            if p == '-' || p == '_' || p == '0' {
                pad = Some(p);
                cs.next();
            }
        }
        let Some(k) = cs.next() else {
            out.push('%');
            break;
        };
        let num = |v: i64, w: usize, def: char| -> String {
            match pad.unwrap_or(def) {
                '-' => v.to_string(),
                '_' => format!("{v:>w$}"),
                _ => format!("{v:0w$}"),
            }
        };
        let s = match k {
            'Y' => t.year.to_string(),
            'C' => num(t.year / 100, 2, '0'),
            'y' => num(t.year % 100, 2, '0'),
            'm' => num(t.month as i64, 2, '0'),
            'd' => num(t.day as i64, 2, '0'),
            'e' => num(t.day as i64, 2, '_'),
            'H' => num(t.hour as i64, 2, '0'),
            'k' => num(t.hour as i64, 2, '_'),
            'I' => num(((t.hour + 11) % 12 + 1) as i64, 2, '0'),
            'l' => num(((t.hour + 11) % 12 + 1) as i64, 2, '_'),
            'M' => num(t.min as i64, 2, '0'),
            'S' => num(t.sec as i64, 2, '0'),
            'N' => "000000000".into(),
            'p' => (if t.hour < 12 { "AM" } else { "PM" }).into(),
            'P' => (if t.hour < 12 { "am" } else { "pm" }).into(),
            'a' => DAYS[t.wday as usize % 7].into(),
            'A' => DAYS_LONG[t.wday as usize % 7].into(),
            'b' | 'h' => MONTHS[(t.month as usize + 11) % 12].into(),
            'B' => MONTHS_LONG[(t.month as usize + 11) % 12].into(),
            'j' => num(t.yday as i64 + 1, 3, '0'),
            'u' => (if t.wday == 0 { 7 } else { t.wday }).to_string(),
            'w' => t.wday.to_string(),
            's' => secs.to_string(),
            'Z' => "UTC".into(),
            'z' => "+0000".into(),
            'T' => format!("{:02}:{:02}:{:02}", t.hour, t.min, t.sec),
            'R' => format!("{:02}:{:02}", t.hour, t.min),
            'D' => format!("{:02}/{:02}/{:02}", t.month, t.day, t.year % 100),
            'F' => format!("{}-{:02}-{:02}", t.year, t.month, t.day),
            'c' => format!("{} {} {:>2} {:02}:{:02}:{:02} {}", DAYS[t.wday as usize % 7], MONTHS[(t.month as usize + 11) % 12], t.day, t.hour, t.min, t.sec, t.year),
            'x' => format!("{:02}/{:02}/{:02}", t.month, t.day, t.year % 100),
            'X' => format!("{:02}:{:02}:{:02}", t.hour, t.min, t.sec),
            'n' => "\n".into(),
            't' => "\t".into(),
            '%' => "%".into(),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

// ------------------------------------------------------------------ users

/// uid → name from /etc/passwd (root for 0).
pub(crate) fn user_name(sys: &dyn System, uid: u32) -> String {
    id_name(sys, "/etc/passwd", uid)
}

pub(crate) fn group_name(sys: &dyn System, gid: u32) -> String {
    id_name(sys, "/etc/group", gid)
}

fn id_name(sys: &dyn System, file: &str, id: u32) -> String {
    if let Ok(b) = fsutil::read_bytes(sys, file) {
        for line in String::from_utf8_lossy(&b).lines() {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() > 2 && f[2].parse::<u32>().ok() == Some(id) {
                return f[0].to_string();
            }
        }
    }
    if id == 0 {
        return "root".into();
    }
    let (name, uid, _) = sys.user();
    if uid == id && file == "/etc/passwd" {
        return name;
    }
    id.to_string()
}

pub(crate) fn name_to_id(sys: &dyn System, file: &str, name: &str) -> Option<u32> {
    if let Ok(n) = name.parse::<u32>() {
        return Some(n);
    }
    if name == "root" {
        return Some(0);
    }
    if let Ok(b) = fsutil::read_bytes(sys, file) {
        for line in String::from_utf8_lossy(&b).lines() {
            let f: Vec<&str> = line.split(':').collect();
            if f.len() > 2 && f[0] == name {
                return f[2].parse().ok();
            }
        }
    }
    let (uname, uid, gid) = sys.user();
    if uname == name {
        return Some(if file == "/etc/passwd" { uid } else { gid });
    }
    None
}

/// The content of a file as the utilities see it (opaque files are empty).
pub(crate) fn content_bytes(c: &Content) -> &[u8] {
    match c {
        Content::Bytes(b) => b,
        Content::Opaque { .. } => &[],
    }
}

fn dispatch(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    match cx.name {
        "true" => 0,
        "false" => 1,
        "echo" => {
            let s = crate::builtins::echo(args);
            cx.print(s);
            0
        }
        "printf" => {
            let Some(fmt) = args.first() else {
                cx.err("missing operand");
                return 1;
            };
            let (s, errs) = crate::builtins::printf_format(fmt, &args[1..]);
            cx.print(s);
            for e in &errs {
                cx.err(e);
            }
            (!errs.is_empty()) as i32
        }
        "pwd" => {
            let s = format!("{}\n", cx.sh.cwd);
            cx.print(s);
            0
        }
        "test" | "[" => {
            let mut a = args;
            if cx.name == "[" {
                if a.last().map(String::as_str) != Some("]") {
                    cx.err("missing ]");
                    return 2;
                }
                a = &a[..a.len() - 1];
            }
            match crate::builtins::test_eval(cx.sh, &*cx.sys, a) {
                Ok(b) => (!b) as i32,
                Err(m) => {
                    cx.err(m);
                    2
                }
            }
        }
        "cat" | "less" | "more" => text::cat(cx, args),
        "head" => text::head(cx, args),
        "tail" => text::tail(cx, args),
        "wc" => text::wc(cx, args),
        "sort" => text::sort(cx, args),
        "uniq" => text::uniq(cx, args),
        "cut" => text::cut(cx, args),
        "tr" => text::tr(cx, args),
        "tee" => text::tee(cx, args),
        "grep" | "egrep" | "fgrep" => text::grep(cx, args),
        "sed" => sed::sed(cx, args),
        "awk" => awk::awk(cx, args),
        "seq" => text::seq(cx, args),
        "yes" => text::yes(cx, args),
        "rev" => text::rev(cx, args),
        "tac" => text::tac(cx, args),
        "nl" => text::nl(cx, args),
        "base64" => text::base64(cx, args),
        "md5sum" | "sha256sum" => text::checksum(cx, args),
        "xargs" => text::xargs(cx, args),
        "expr" => text::expr(cx, args),
        "ls" => files::ls(cx, args),
        "mkdir" => files::mkdir(cx, args),
        "rm" => files::rm(cx, args),
        "rmdir" => files::rmdir(cx, args),
        "touch" => files::touch(cx, args),
        "cp" => files::cp(cx, args),
        "mv" => files::mv(cx, args),
        "ln" => files::ln(cx, args),
        "stat" => files::stat(cx, args),
        "find" => files::find(cx, args),
        "du" => files::du(cx, args),
        "chmod" => files::chmod(cx, args),
        "chown" => files::chown(cx, args),
        "readlink" | "realpath" => files::readlink(cx, args),
        "mktemp" => files::mktemp(cx, args),
        "tar" => archive::tar(cx, args),
        "gzip" | "gunzip" | "zcat" => archive::gzip(cx, args),
        _ => sysinfo::run(cx, args),
    }
}

#[cfg(test)]
pub(crate) fn files_columns_for_test(names: &[String]) -> String {
    files::columns(names, 80, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_for_lookup() {
        let mut v = UTILITIES.to_vec();
        baleine_util::sort(&mut v);
        assert_eq!(v, UTILITIES);
    }

    #[test]
    fn dates() {
        assert_eq!(strftime("%a %b %e %H:%M:%S %Z %Y", 0), "Thu Jan  1 00:00:00 UTC 1970");
        let t = timegm(2026, 11, 25, 8, 11, 39);
        assert_eq!(strftime("%a %b %e %H:%M:%S %Z %Y", t), "Wed Nov 25 08:11:39 UTC 2026");
        assert_eq!(strftime("%F %T %j", t), "2026-11-25 08:11:39 329");
        assert_eq!(human(4096), "4.0K");
        assert_eq!(human(1536), "1.5K");
        assert_eq!(human(12 * 1024 * 1024 * 1024), "12G");
        assert_eq!(human(100), "100");
    }

    #[test]
    fn long_options_as_getopt_long() {
        let args = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let known = &[("strip-components", true), ("file", true), ("extract", false), ("exclude", true)];
        // An unambiguous prefix, its value in the next argument or after '='.
        let o = getopt_long(&args("-x --strip 1 --fi=a.tar --extr m"), "x", "", known).unwrap();
        assert_eq!(o.long_value("strip-components"), Some("1"));
        assert_eq!(o.long_value("file"), Some("a.tar"));
        assert!(o.long("extract"));
        assert_eq!(o.operands, ["m"]);
        // An ambiguous prefix or an unknown name stays as written.
        let o = getopt_long(&args("--ex --nope=2 x"), "", "", known).unwrap();
        assert_eq!(o.long, [("ex".to_string(), None), ("nope".to_string(), Some("2".to_string()))]);
        assert_eq!(o.operands, ["x"]);
        // Plain getopt knows no long option: `--strip 1` is an option and an operand.
        let o = getopt(&args("--strip 1"), "", "").unwrap();
        assert_eq!((o.long_value("strip"), o.operands.as_slice()), (None, &["1".to_string()][..]));
    }
}
