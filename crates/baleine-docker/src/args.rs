//! Command-line flags as docker's CLI (cobra + pflag) parses them:
//! combined short flags (`-it`, `-dp 80:80`), `--flag=value`, `--flag value`,
//! repeated flags, `--`, and docker's error messages for bad flags.

/// One flag of a command.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    pub long: &'static str,
    pub short: Option<char>,
    /// The value's type name in help (`string`, `list`, `int`...); empty for booleans.
    pub kind: &'static str,
    pub help: &'static str,
}

pub const fn flag(long: &'static str, short: Option<char>, kind: &'static str, help: &'static str) -> Flag {
    Flag { long, short, kind, help }
}

impl Flag {
    pub fn takes_value(&self) -> bool {
        !self.kind.is_empty()
    }
    /// A boolean: pflag gives it NoOptDefVal "true" (`-d`, `--detach`).
    pub fn is_bool(&self) -> bool {
        self.kind.is_empty() || self.kind == "bool"
    }
}

/// A command's description for parsing and `--help`.
#[derive(Clone, Copy, Debug)]
pub struct Command {
    /// "docker run", "docker network create".
    pub path: &'static str,
    /// Text after the path in the usage line: "[OPTIONS] IMAGE [COMMAND] [ARG...]".
    pub usage: &'static str,
    pub short: &'static str,
    pub aliases: &'static [&'static str],
    pub flags: &'static [Flag],
    /// Flags stop at the first positional argument (run, exec, create).
    pub stop_at_positional: bool,
    /// Minimum and maximum positional arguments (max usize::MAX = no limit).
    pub min_args: usize,
    pub max_args: usize,
}

/// Parsed flags and arguments.
#[derive(Clone, Debug, Default)]
pub struct Args {
    pub flags: Vec<(&'static str, String)>,
    pub args: Vec<String>,
    pub help: bool,
}

impl Args {
    pub fn has(&self, long: &str) -> bool {
        self.flags.iter().rev().find(|(l, _)| *l == long).is_some_and(|(_, v)| v != "false")
    }
    pub fn value(&self, long: &str) -> Option<&str> {
        self.flags.iter().rev().find(|(l, _)| *l == long).map(|(_, v)| v.as_str())
    }
    pub fn values(&self, long: &str) -> Vec<&str> {
        self.flags.iter().filter(|(l, _)| *l == long).map(|(_, v)| v.as_str()).collect()
    }
    /// Values of a list flag, each also split on commas (`--filter a,b` is not split; this is for `--profile`-like flags).
    pub fn present(&self, long: &str) -> bool {
        self.flags.iter().any(|(l, _)| *l == long)
    }
}

/// pflag's name of a flag in "invalid argument" errors (FlagSet.Set):
/// "-d, --detach" when it has a shorthand, else "--name".
fn flag_name(f: &Flag) -> String {
    match f.short {
        Some(c) => format!("-{c}, --{}", f.long),
        None => format!("--{}", f.long),
    }
}

/// pflag's `FlagSet.Set`: the flag's Value.Set checks the value when it is
/// parsed (strconv.ParseBool for booleans, opts.MountOpt for `--mount`);
/// a failure is `invalid argument "VALUE" for "NAME" flag: ERR`.
fn set_value(f: &Flag, v: String) -> Result<String, String> {
    let invalid = |e: String| format!("invalid argument {} for {} flag: {e}", baleine_util::go::quote(&v), baleine_util::go::quote(&flag_name(f)));
    if f.is_bool() {
        return match baleine_util::go::parse_bool(&v) {
            Some(b) => Ok(b.to_string()),
            None => Err(invalid(format!("strconv.ParseBool: parsing {}: invalid syntax", baleine_util::go::quote(&v)))),
        };
    }
    if f.kind == "mount" {
        crate::cmd_container::parse_mount(&v).map_err(invalid)?;
    }
    Ok(v)
}

/// Parses argv (without the command words) as pflag's `FlagSet.Parse`
/// (spf13/pflag flag.go parseLongArg, parseShortArg, parseSingleShortArg,
/// vendored in docker/cli v27.5.1). Err is the pflag message.
pub fn parse(cmd: &Command, argv: &[String]) -> Result<Args, String> {
    let mut out = Args::default();
    let mut i = 0;
    let find_long = |name: &str| cmd.flags.iter().find(|f| f.long == name);
    let find_short = |c: u8| cmd.flags.iter().find(|f| f.short.is_some_and(|s| s.is_ascii() && s as u32 == c as u32));
    while i < argv.len() {
        let a = &argv[i];
        if a == "--" {
            out.args.extend(argv[i + 1..].iter().cloned());
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
            if body.is_empty() || body.starts_with('-') || body.starts_with('=') {
                return Err(format!("bad flag syntax: {a}"));
            }
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            if name == "help" {
                out.help = true;
                i += 1;
                continue;
            }
            let Some(f) = find_long(name) else {
                return Err(format!("unknown flag: --{name}"));
            };
            let v = match inline {
                // '--flag=arg'
                Some(v) => v,
                // '--flag' (a boolean's NoOptDefVal)
                None if f.is_bool() => "true".into(),
                None => {
                    i += 1;
                    match argv.get(i) {
                        Some(v) => v.clone(),
                        None => return Err(format!("flag needs an argument: {a}")),
                    }
                }
            };
            out.flags.push((f.long, set_value(f, v)?));
            i += 1;
            continue;
        }
        if a.len() > 1 && a.starts_with('-') {
            // pflag works on bytes: each shorthand is one byte.
            let mut sh: &[u8] = &a.as_bytes()[1..];
            let rest_str = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            while !sh.is_empty() {
                let c = sh[0];
                let Some(f) = find_short(c) else {
                    if c == b'h' {
                        out.help = true;
                        sh = &sh[1..];
                        continue;
                    }
                    return Err(format!("unknown shorthand flag: {} in -{}", baleine_util::go::quote_rune(char::from(c)), rest_str(sh)));
                };
                let v = if sh.len() > 2 && sh[1] == b'=' {
                    // '-f=arg'
                    let v = rest_str(&sh[2..]);
                    sh = &[];
                    v
                } else if f.is_bool() {
                    // '-f' (a boolean's NoOptDefVal)
                    sh = &sh[1..];
                    "true".into()
                } else if sh.len() > 1 {
                    // '-farg'
                    let v = rest_str(&sh[1..]);
                    sh = &[];
                    v
                } else {
                    // '-f arg'
                    i += 1;
                    match argv.get(i) {
                        Some(v) => {
                            sh = &[];
                            v.clone()
                        }
                        None => return Err(format!("flag needs an argument: {} in -{}", baleine_util::go::quote_rune(char::from(c)), rest_str(sh))),
                    }
                };
                out.flags.push((f.long, set_value(f, v)?));
            }
            i += 1;
            continue;
        }
        out.args.push(a.clone());
        i += 1;
        if cmd.stop_at_positional {
            out.args.extend(argv[i..].iter().cloned());
            break;
        }
    }
    Ok(out)
}

/// `docker X --help` text.
pub fn help(cmd: &Command) -> String {
    let mut s = format!("\nUsage:  {} {}\n\n{}\n", cmd.path, cmd.usage, cmd.short);
    if !cmd.aliases.is_empty() {
        s.push_str(&format!("\nAliases:\n  {}\n", cmd.aliases.join(", ")));
    }
    if !cmd.flags.is_empty() {
        s.push_str("\nOptions:\n");
        s.push_str(&flag_usages(cmd.flags));
    }
    s
}

/// The width docker/cli wraps flag usages to: `wrappedFlagUsages` takes the
/// terminal's width (80 when stdin is not a terminal) minus one.
const USAGE_COLS: usize = 79;

/// pflag's `FlagUsagesWrapped(79)`: one line per visible flag (a flag with
/// an empty help is hidden), usages aligned after the widest flag and
/// wrapped as pflag's `wrap` does.
pub fn flag_usages(flags: &[Flag]) -> String {
    let rows: Vec<(String, &str)> = flags
        .iter()
        .filter(|f| !f.help.is_empty())
        .map(|f| {
            let left = match f.short {
                Some(c) => format!("  -{c}, --{}", f.long),
                None => format!("      --{}", f.long),
            };
            (if f.kind.is_empty() || f.kind == "bool" { left } else { format!("{left} {}", f.kind) }, f.help)
        })
        .collect();
    let maxlen = rows.iter().map(|r| r.0.len() + 1).max().unwrap_or(0);
    let mut s = String::new();
    for (l, h) in rows {
        s.push_str(&format!("{l} {} {}\n", " ".repeat(maxlen - l.len()), wrap_usage(maxlen + 2, USAGE_COLS, h)));
    }
    s
}

/// pflag's `wrap(i, w, s)`: wraps `s` to width `w`, continuation lines
/// indented by `i` (the first line is placed by the caller); too narrow a
/// space starts the text on its own line at column 16.
fn wrap_usage(indent: usize, width: usize, text: &str) -> String {
    let mut i = indent;
    let mut room = width.saturating_sub(i);
    let mut out = String::new();
    if room < 24 {
        i = 16;
        room = width.saturating_sub(i);
        out.push('\n');
        out.push_str(&" ".repeat(i));
    }
    let nl = format!("\n{}", " ".repeat(i));
    if room < 24 {
        return out + &text.replace('\n', &nl);
    }
    // Allow a slightly long line rather than a short orphan word at the end.
    let slop = 5;
    let room = room - slop;
    let (first, mut rest) = wrap_n(room, slop, text);
    out.push_str(&first.replace('\n', &nl));
    while !rest.is_empty() {
        let (line, r) = wrap_n(room, slop, rest);
        out.push_str(&nl);
        out.push_str(&line.replace('\n', &nl));
        rest = r;
    }
    out
}

/// pflag's `wrapN`: the first line of at most `i` bytes (or `i + slop` when
/// that ends the text) and the rest, cut at the last space or newline.
fn wrap_n(i: usize, slop: usize, s: &str) -> (&str, &str) {
    if i + slop > s.len() {
        return (s, "");
    }
    let mut cut = i;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let Some(w) = head.rfind([' ', '\t', '\n']).filter(|&w| w > 0) else { return (s, "") };
    if let Some(nl) = head.rfind('\n').filter(|&nl| nl > 0 && nl < w) {
        return (&s[..nl], &s[nl + 1..]);
    }
    (&s[..w], &s[w + 1..])
}

/// The usage error for too few/many arguments (cli/required.go).
pub fn arg_count_error(cmd: &Command, n: usize) -> Option<String> {
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let tail = format!("See '{} --help'.\n\nUsage:  {} {}\n\n{}", cmd.path, cmd.path, cmd.usage, cmd.short);
    if cmd.min_args == cmd.max_args && n != cmd.min_args {
        if cmd.min_args == 0 {
            return Some(format!("\"{}\" accepts no arguments.\n{tail}", cmd.path));
        }
        return Some(format!("\"{}\" requires exactly {} {}.\n{tail}", cmd.path, cmd.min_args, plural(cmd.min_args)));
    }
    // cli.RequiresRangeArgs (commit, port): both bounds, pluralised on the maximum.
    if cmd.min_args > 0 && cmd.max_args != usize::MAX && (n < cmd.min_args || n > cmd.max_args) {
        return Some(format!("\"{}\" requires at least {} and at most {} {}.\n{tail}", cmd.path, cmd.min_args, cmd.max_args, plural(cmd.max_args)));
    }
    if n < cmd.min_args {
        return Some(format!("\"{}\" requires at least {} {}.\n{tail}", cmd.path, cmd.min_args, plural(cmd.min_args)));
    }
    if n > cmd.max_args {
        return Some(format!("\"{}\" requires at most {} {}.\n{tail}", cmd.path, cmd.max_args, plural(cmd.max_args)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLAGS: &[Flag] = &[flag("detach", Some('d'), "", "Run in background"), flag("interactive", Some('i'), "", ""), flag("tty", Some('t'), "", ""), flag("publish", Some('p'), "list", ""), flag("name", None, "string", "")];
    const RUN: Command = Command { path: "docker run", usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]", short: "Create and run a new container from an image", aliases: &[], flags: FLAGS, stop_at_positional: true, min_args: 1, max_args: usize::MAX };

    fn v(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn combined_and_values() {
        let a = parse(&RUN, &v("-dp 80:80 --name=web nginx ls -la")).unwrap();
        assert!(a.has("detach"));
        assert_eq!(a.value("publish"), Some("80:80"));
        assert_eq!(a.value("name"), Some("web"));
        assert_eq!(a.args, v("nginx ls -la"));
        let a = parse(&RUN, &v("-it -p8080:80 alpine")).unwrap();
        assert!(a.has("interactive") && a.has("tty"));
        assert_eq!(a.value("publish"), Some("8080:80"));
        assert_eq!(parse(&RUN, &v("--frobnicate alpine")).unwrap_err(), "unknown flag: --frobnicate");
        assert_eq!(parse(&RUN, &v("-z alpine")).unwrap_err(), "unknown shorthand flag: 'z' in -z");
        assert_eq!(parse(&RUN, &v("--name")).unwrap_err(), "flag needs an argument: --name");
        assert_eq!(parse(&RUN, &v("-dz alpine")).unwrap_err(), "unknown shorthand flag: 'z' in -z");
        assert_eq!(parse(&RUN, &v("-dp")).unwrap_err(), "flag needs an argument: 'p' in -p");
    }

    #[test]
    fn boolean_values() {
        // pflag parseSingleShortArg: '-f=arg' gives a boolean its value.
        let a = parse(&RUN, &v("-d=false -i=1 alpine")).unwrap();
        assert!(!a.has("detach") && a.has("interactive"));
        let a = parse(&RUN, &v("--detach=F --tty=T alpine")).unwrap();
        assert!(!a.has("detach") && a.has("tty"));
        assert_eq!(parse(&RUN, &v("-d=x alpine")).unwrap_err(), r#"invalid argument "x" for "-d, --detach" flag: strconv.ParseBool: parsing "x": invalid syntax"#);
        assert_eq!(parse(&RUN, &v("--detach=yes alpine")).unwrap_err(), r#"invalid argument "yes" for "-d, --detach" flag: strconv.ParseBool: parsing "yes": invalid syntax"#);
        // '-p=' is '-farg' with the value "=".
        assert_eq!(parse(&RUN, &v("-p= alpine")).unwrap().value("publish"), Some("="));
        assert_eq!(parse(&RUN, &v("-d= alpine")).unwrap_err(), "unknown shorthand flag: '=' in -=");
        assert_eq!(parse(&RUN, &v("---x alpine")).unwrap_err(), "bad flag syntax: ---x");
    }
}
