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
    match f.kind {
        "mount" => {
            crate::cmd_container::parse_mount(&v).map_err(invalid)?;
        }
        // pflag intValue / int64Value: strconv.ParseInt(s, 0, 64).
        "int" => {
            go_parse_int(&v, 64).map_err(invalid)?;
        }
        // pflag uint16Value / uint64Value: strconv.ParseUint(s, 0, N).
        "uint16" => {
            go_parse_uint(&v, 16).map_err(invalid)?;
        }
        "uint" => {
            go_parse_uint(&v, 64).map_err(invalid)?;
        }
        // pflag durationValue: time.ParseDuration.
        "duration" => {
            go_parse_duration(&v).map_err(invalid)?;
        }
        // docker/cli opts.MemBytes (units.RAMInBytes); MemSwapBytes also
        // takes "-1" (unlimited swap).
        "bytes" if !(f.long == "memory-swap" && v == "-1") => {
            baleine_engine::volumes::ram_in_bytes(&v).map_err(invalid)?;
        }
        // docker/cli opts.FilterOpt.
        "filter" if !v.is_empty() && !v.contains('=') => {
            return Err(invalid("bad format of filter (expected name=value)".to_string()));
        }
        // The --label lists of run/create, network create and volume
        // create: opts.NewListOpts(opts.ValidateLabel).
        "list" if f.long == "label" => {
            validate_label(&v).map_err(invalid)?;
        }
        // docker/cli opts.NanoCPUs (opts.ParseCPUs).
        "decimal" => {
            parse_cpus(&v).map_err(invalid)?;
        }
        _ => {}
    }
    Ok(v)
}

/// docker/cli v27.5.1 opts/opts.go ValidateLabel: the key (before '=',
/// leading blanks dropped) must be a non-empty word without blanks.
pub fn validate_label(value: &str) -> Result<(), String> {
    let key = value.split_once('=').map_or(value, |(k, _)| k).trim_start_matches([' ', '\t']);
    if key.is_empty() {
        return Err(format!("invalid label '{value}': empty name"));
    }
    if key.contains([' ', '\t']) {
        return Err(format!("label '{key}' contains whitespaces"));
    }
    Ok(())
}

/// Go's `strconv.ParseUint(s, 0, bits)` (a base prefix 0b, 0o, 0x or a
/// leading 0 for octal; underscores as in Go literals).
pub fn go_parse_uint(s: &str, bits: u32) -> Result<u64, String> {
    parse_unsigned(s, bits, "ParseUint")
}

/// Go's `strconv.ParseInt(s, 0, bits)`.
pub fn go_parse_int(s: &str, bits: u32) -> Result<i64, String> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let range = || format!("strconv.ParseInt: parsing {}: value out of range", baleine_util::go::quote(s));
    let un = match parse_unsigned(body, 64, "ParseInt") {
        Ok(u) => u,
        // The error names the whole input, sign included.
        Err(e) if e.ends_with("value out of range") => return Err(range()),
        Err(_) => return Err(format!("strconv.ParseInt: parsing {}: invalid syntax", baleine_util::go::quote(s))),
    };
    let cutoff = 1u64 << (bits.clamp(1, 64) - 1);
    if !neg && un >= cutoff || neg && un > cutoff {
        return Err(range());
    }
    Ok(if neg { (un as i64).wrapping_neg() } else { un as i64 })
}

fn parse_unsigned(s0: &str, bits: u32, func: &str) -> Result<u64, String> {
    let syntax = || format!("strconv.{func}: parsing {}: invalid syntax", baleine_util::go::quote(s0));
    let range = || format!("strconv.{func}: parsing {}: value out of range", baleine_util::go::quote(s0));
    let b = s0.as_bytes();
    if b.is_empty() {
        return Err(syntax());
    }
    let lower = |c: u8| c.to_ascii_lowercase();
    let (base, digits): (u64, &[u8]) = if b[0] == b'0' && b.len() >= 3 && matches!(lower(b[1]), b'b' | b'o' | b'x') {
        (match lower(b[1]) { b'b' => 2, b'o' => 8, _ => 16 }, &b[2..])
    } else if b[0] == b'0' && b.len() > 1 {
        (8, &b[1..])
    } else {
        (10, b)
    };
    let max: u64 = if bits >= 64 { u64::MAX } else { (1u64 << bits) - 1 };
    let mut n: u64 = 0;
    let mut overflow = false;
    let mut underscores = false;
    for &c in digits {
        let d = match c {
            b'_' => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            b'a'..=b'z' | b'A'..=b'Z' => u64::from(lower(c) - b'a') + 10,
            _ => return Err(syntax()),
        };
        if d >= base {
            return Err(syntax());
        }
        if overflow {
            continue;
        }
        match n.checked_mul(base).and_then(|x| x.checked_add(d)) {
            Some(x) if x <= max => n = x,
            _ => overflow = true,
        }
    }
    if underscores && !underscore_ok(s0) {
        return Err(syntax());
    }
    if overflow {
        return Err(range());
    }
    Ok(n)
}

/// Go's strconv `underscoreOK`: underscores only between digits (or after a
/// base prefix).
fn underscore_ok(s: &str) -> bool {
    let mut b = s.as_bytes();
    if let Some(b'-' | b'+') = b.first() {
        b = &b[1..];
    }
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = b[1].to_ascii_lowercase() == b'x';
    }
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c.is_ascii_digit() || hex && c.is_ascii_hexdigit() {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// Go's `time.ParseDuration`, in nanoseconds, with its error texts.
pub use baleine_util::go::parse_duration as go_parse_duration;

/// docker/cli `opts.ParseCPUs`: a rational number (big.Rat.SetString: a
/// decimal with an optional exponent, or `a/b`) whose value times 1e9 is
/// an integer; the result in nano CPUs.
pub fn parse_cpus(v: &str) -> Result<i64, String> {
    let not_rational = || format!("failed to parse {v} as a rational number");
    let too_precise = || "value is too precise".to_string();
    let (neg, body) = match v.as_bytes().first() {
        Some(b'-') => (true, &v[1..]),
        Some(b'+') => (false, &v[1..]),
        _ => (false, v),
    };
    let sign = |n: i128| if neg { -n } else { n };
    if let Some((a, b)) = body.split_once('/') {
        let parse = |t: &str| if !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()) { t.parse::<u128>().ok() } else { None };
        let (Some(a), Some(b)) = (parse(a), parse(b)) else { return Err(not_rational()) };
        if b == 0 {
            return Err(not_rational());
        }
        let nano = a.checked_mul(1_000_000_000).ok_or_else(too_precise)?;
        if nano % b != 0 {
            return Err(too_precise());
        }
        return Ok(sign((nano / b) as i128).clamp(i64::MIN as i128, i64::MAX as i128) as i64);
    }
    let (mant, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() || !int_part.bytes().chain(frac_part.bytes()).all(|c| c.is_ascii_digit()) {
        return Err(not_rational());
    }
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return Err(not_rational());
            }
            e.parse::<i64>().map_err(|_| not_rational())?
        }
    };
    // value = digits * 10^(exp - frac_len); nano = value * 10^9.
    let digits = format!("{int_part}{frac_part}");
    let digits = digits.trim_start_matches('0');
    let shift = exp.saturating_sub(frac_part.len() as i64).saturating_add(9);
    if digits.is_empty() {
        return Ok(0);
    }
    if shift < 0 {
        let cut = usize::try_from(-shift).unwrap_or(usize::MAX);
        if cut >= digits.len() || !digits[digits.len() - cut..].bytes().all(|c| c == b'0') {
            return Err(too_precise());
        }
        let kept = &digits[..digits.len() - cut];
        return Ok(sign(kept.parse::<i128>().unwrap_or(i128::MAX)).clamp(i64::MIN as i128, i64::MAX as i128) as i64);
    }
    let mut n: i128 = digits.parse::<i128>().unwrap_or(i128::MAX);
    for _ in 0..shift.min(40) {
        n = n.saturating_mul(10);
    }
    Ok(sign(n).clamp(i64::MIN as i128, i64::MAX as i128) as i64)
}

/// Parses argv (without the command words) as pflag's `FlagSet.Parse`
/// (spf13/pflag flag.go parseLongArg, parseShortArg, parseSingleShortArg,
/// vendored in docker/cli v27.5.1). Err is the pflag message.
pub fn parse(cmd: &Command, argv: &[String]) -> Result<Args, String> {
    parse_counting_short_help(cmd, argv).map(|(a, _)| a)
}

/// `parse`, with the number of times the deprecated `-h` shorthand of the
/// hidden help flag was used (pflag then prints "Flag shorthand -h has
/// been deprecated, use --help" each time).
pub fn parse_counting_short_help(cmd: &Command, argv: &[String]) -> Result<(Args, usize), String> {
    let mut short_help = 0;
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
                        short_help += 1;
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
    Ok((out, short_help))
}

/// `docker X --help` text.
pub fn help(cmd: &Command) -> String {
    let mut s = format!("\nUsage:  {}\n\n{}\n", use_line(cmd), long_of(cmd).unwrap_or(cmd.short));
    if !cmd.aliases.is_empty() {
        s.push_str(&format!("\nAliases:\n  {}\n", cmd.aliases.join(", ")));
    }
    if let Some(example) = example_of(cmd) {
        s.push_str(&format!("\nExamples:\n{example}\n"));
    }
    if !cmd.flags.is_empty() {
        s.push_str("\nOptions:\n");
        s.push_str(&flag_usages(cmd.flags));
    }
    s
}

/// docker/cli v27.5.1 cli/flags/options.go `FormatHelp`: the usage of the
/// `--format` flag of list commands (ps, images, network ls, system df...).
pub const FORMAT_HELP: &str = "Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/// `InspectFormatHelp`: the usage of `-f, --format` of inspect, version
/// and info (and of `docker events --format`).
pub const INSPECT_FORMAT_HELP: &str = "Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/// A flag's usage text. The short "Format output using a custom template"
/// of a `--format` flag stands for docker/cli's shared texts: the inspect
/// one for `-f, --format` (inspect, version, info), the list one for a
/// `--format` without shorthand (ps, images, ls commands, df, stats,
/// history).
fn format_flag_help(f: &Flag) -> &'static str {
    if f.long == "format" && f.help == "Format output using a custom template" {
        return if f.short == Some('f') { INSPECT_FORMAT_HELP } else { FORMAT_HELP };
    }
    f.help
}

/// cobra's UseLine: the command's path and its Use text after the name.
fn use_line(cmd: &Command) -> String {
    if cmd.usage.is_empty() {
        cmd.path.to_string()
    } else {
        format!("{} {}", cmd.path, cmd.usage)
    }
}

/// The Long description that `--help` shows instead of the Short one
/// (usage errors keep the Short one), trimmed as the usage template does.
fn long_of(cmd: &Command) -> Option<&'static str> {
    Some(match cmd.path {
        // cli/command/container/cp.go
        "docker cp" | "docker container cp" => "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
        // cli/command/registry/login.go, logout.go
        "docker login" => "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.",
        "docker logout" => "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.",
        // cli/command/volume/remove.go removeDescription
        "docker volume rm" => "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
        _ => return None,
    })
}

/// A command's Example text (cli/command/volume/remove.go removeExample).
fn example_of(cmd: &Command) -> Option<&'static str> {
    match cmd.path {
        "docker volume rm" => Some("\n$ docker volume rm hello\nhello\n"),
        _ => None,
    }
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
            (if f.kind.is_empty() || f.kind == "bool" { left } else { format!("{left} {}", f.kind) }, format_flag_help(f))
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
    let tail = format!("See '{} --help'.\n\nUsage:  {}\n\n{}", cmd.path, use_line(cmd), cmd.short);
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
    fn go_numbers_and_durations() {
        assert_eq!(go_parse_int("0x10", 64), Ok(16));
        assert_eq!(go_parse_int("010", 64), Ok(8));
        assert_eq!(go_parse_int("1_000", 64), Ok(1000));
        assert_eq!(go_parse_int("-0b11", 64), Ok(-3));
        assert_eq!(go_parse_int("0x", 64).unwrap_err(), "strconv.ParseInt: parsing \"0x\": invalid syntax");
        assert_eq!(go_parse_int("1__0", 64).unwrap_err(), "strconv.ParseInt: parsing \"1__0\": invalid syntax");
        assert_eq!(go_parse_int("-9223372036854775808", 64), Ok(i64::MIN));
        assert_eq!(go_parse_int("9223372036854775808", 64).unwrap_err(), "strconv.ParseInt: parsing \"9223372036854775808\": value out of range");
        assert_eq!(go_parse_uint("65535", 16), Ok(65535));
        assert_eq!(go_parse_uint("65536", 16).unwrap_err(), "strconv.ParseUint: parsing \"65536\": value out of range");
        assert_eq!(go_parse_uint("-1", 16).unwrap_err(), "strconv.ParseUint: parsing \"-1\": invalid syntax");
        assert_eq!(go_parse_duration("1m30s"), Ok(90_000_000_000));
        assert_eq!(go_parse_duration("1.5h"), Ok(5_400_000_000_000));
        assert_eq!(go_parse_duration("0"), Ok(0));
        assert_eq!(go_parse_duration("5").unwrap_err(), "time: missing unit in duration \"5\"");
        assert_eq!(go_parse_duration("5d").unwrap_err(), "time: unknown unit \"d\" in duration \"5d\"");
        assert_eq!(go_parse_duration("").unwrap_err(), "time: invalid duration \"\"");
        assert_eq!(parse_cpus("1.5"), Ok(1_500_000_000));
        assert_eq!(parse_cpus("3/2"), Ok(1_500_000_000));
        assert_eq!(parse_cpus("2e-3"), Ok(2_000_000));
        assert_eq!(parse_cpus("0.0000000001").unwrap_err(), "value is too precise");
        assert_eq!(parse_cpus("abc").unwrap_err(), "failed to parse abc as a rational number");
        assert_eq!(parse_cpus("1/0").unwrap_err(), "failed to parse 1/0 as a rational number");
    }

    #[test]
    fn typed_values_checked_while_parsing() {
        const F: &[Flag] = &[flag("time", Some('t'), "int", ""), flag("interval", None, "duration", ""), flag("memory", Some('m'), "bytes", ""), flag("memory-swap", None, "bytes", ""), flag("filter", Some('f'), "filter", ""), flag("weight", None, "uint16", "")];
        let c = Command { path: "docker x", usage: "", short: "", aliases: &[], flags: F, stop_at_positional: false, min_args: 0, max_args: 9 };
        assert_eq!(parse(&c, &v("-t abc")).unwrap_err(), r#"invalid argument "abc" for "-t, --time" flag: strconv.ParseInt: parsing "abc": invalid syntax"#);
        assert_eq!(parse(&c, &v("--interval 3")).unwrap_err(), r#"invalid argument "3" for "--interval" flag: time: missing unit in duration "3""#);
        assert_eq!(parse(&c, &v("-m 1q")).unwrap_err(), r#"invalid argument "1q" for "-m, --memory" flag: invalid suffix: 'q'"#);
        assert!(parse(&c, &v("--memory-swap -1 -m 1g")).is_ok());
        assert_eq!(parse(&c, &v("-f dangling")).unwrap_err(), r#"invalid argument "dangling" for "-f, --filter" flag: bad format of filter (expected name=value)"#);
        assert_eq!(parse(&c, &v("--weight 70000")).unwrap_err(), r#"invalid argument "70000" for "--weight" flag: strconv.ParseUint: parsing "70000": value out of range"#);
        // A value error comes before a later unknown flag (left to right).
        assert!(parse(&c, &v("-t x --nope")).unwrap_err().starts_with("invalid argument"));
        let (a, n) = parse_counting_short_help(&c, &v("-h x -h")).unwrap();
        assert!(a.help && n == 2);
    }

    #[test]
    fn format_flag_help_is_docker_text() {
        let list = flag_usages(&[flag("format", None, "string", "Format output using a custom template")]);
        assert!(list.starts_with("      --format string   Format output using a custom template:\n                        'table':            Print output in table format\n"));
        let inspect = flag_usages(&[flag("format", Some('f'), "string", "Format output using a custom template")]);
        assert!(inspect.contains("'json':             Print in JSON format\n") && !inspect.contains("'table'"));
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
