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

/// Parses argv (without the command words). Err is the pflag message.
pub fn parse(cmd: &Command, argv: &[String]) -> Result<Args, String> {
    let mut out = Args::default();
    let mut i = 0;
    let find_long = |name: &str| cmd.flags.iter().find(|f| f.long == name);
    let find_short = |c: char| cmd.flags.iter().find(|f| f.short == Some(c));
    while i < argv.len() {
        let a = &argv[i];
        if a == "--" {
            out.args.extend(argv[i + 1..].iter().cloned());
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
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
            if f.takes_value() {
                let v = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => return Err(format!("flag needs an argument: --{name}")),
                        }
                    }
                };
                out.flags.push((f.long, v));
            } else {
                let v = inline.unwrap_or_else(|| "true".into());
                if v != "true" && v != "false" && v != "1" && v != "0" {
                    return Err(format!("invalid argument \"{v}\" for \"--{name}\" flag: strconv.ParseBool: parsing \"{v}\": invalid syntax"));
                }
                out.flags.push((f.long, if v == "1" { "true".into() } else if v == "0" { "false".into() } else { v }));
            }
            i += 1;
            continue;
        }
        if a.len() > 1 && a.starts_with('-') {
            let chars: Vec<char> = a[1..].chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                if c == 'h' && find_short('h').is_none() {
                    out.help = true;
                    j += 1;
                    continue;
                }
                let Some(f) = find_short(c) else {
                    return Err(format!("unknown shorthand flag: '{c}' in {a}"));
                };
                if f.takes_value() {
                    let rest: String = chars[j + 1..].iter().collect();
                    let v = if !rest.is_empty() {
                        rest.strip_prefix('=').map(str::to_string).unwrap_or(rest)
                    } else {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => return Err(format!("flag needs an argument: '{c}' in -{c}")),
                        }
                    };
                    out.flags.push((f.long, v));
                    break;
                } else {
                    out.flags.push((f.long, "true".into()));
                }
                j += 1;
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
    }
}
