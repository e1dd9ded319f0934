//! Small re-implementations of the Go library behaviours compose relies on:
//! `%q` quoting, `path.Clean`/`filepath.Join`, `time.Duration` parsing
//! (go-str2duration) and printing, go-units `RAMInBytes`, go-shellwords
//! splitting and go-yaml's map key ordering.

use std::cmp::Ordering;

/// Go's `%q` / `strconv.Quote` for a string.
pub use baleine_util::go::quote as go_quote;

// ---------------------------------------------------------------- paths

/// Go's `path.Clean`.
pub fn clean_path(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if let Some(last) = parts.last() {
                    if *last != ".." {
                        parts.pop();
                        continue;
                    }
                }
                if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if rooted {
        format!("/{}", joined)
    } else if joined.is_empty() {
        ".".into()
    } else {
        joined
    }
}

/// Go's `filepath.Join` (unix).
pub fn join_path(base: &str, rel: &str) -> String {
    match (base.is_empty(), rel.is_empty()) {
        (true, true) => String::new(),
        (true, false) => clean_path(rel),
        (false, true) => clean_path(base),
        (false, false) => clean_path(&format!("{}/{}", base, rel)),
    }
}

pub fn is_abs(p: &str) -> bool {
    p.starts_with('/')
}

/// Absolute path of `p` relative to `base`.
pub fn abs_path(base: &str, p: &str) -> String {
    if is_abs(p) {
        clean_path(p)
    } else {
        join_path(base, p)
    }
}

/// Go's `filepath.Dir`.
pub fn dir_name(p: &str) -> String {
    match p.rfind('/') {
        None => ".".into(),
        Some(i) => clean_path(&p[..=i]),
    }
}

/// Go's `filepath.Base`.
pub fn base_name(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let t = p.trim_end_matches('/');
    if t.is_empty() {
        return "/".into();
    }
    match t.rfind('/') {
        Some(i) => t[i + 1..].to_string(),
        None => t.to_string(),
    }
}

// ---------------------------------------------------------------- durations

/// Parses a compose duration (`1m30s`, `10s`, `500ms`, `1h`, `2d`, `1w`) into
/// nanoseconds, like go-str2duration.
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let orig = s;
    let err = || format!("time: invalid duration {}", go_quote(orig));
    let mut s = s;
    let mut neg = false;
    if let Some(r) = s.strip_prefix('-') {
        neg = true;
        s = r;
    } else if let Some(r) = s.strip_prefix('+') {
        s = r;
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(err());
    }
    let mut total: f64 = 0.0;
    while !s.is_empty() {
        let num_end = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(s.len());
        let num = &s[..num_end];
        if num.is_empty() || num == "." || num.matches('.').count() > 1 {
            return Err(err());
        }
        let value: f64 = num.parse().map_err(|_| err())?;
        s = &s[num_end..];
        let unit_end = s
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(s.len());
        let unit = &s[..unit_end];
        if unit.is_empty() {
            return Err(format!("time: missing unit in duration {}", go_quote(orig)));
        }
        let mul: f64 = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            "d" => 86400e9,
            "w" => 7.0 * 86400e9,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    go_quote(unit),
                    go_quote(orig)
                ))
            }
        };
        total += value * mul;
        if total > i64::MAX as f64 {
            return Err(err());
        }
        s = &s[unit_end..];
    }
    let n = total.round() as i64;
    Ok(if neg { -n } else { n })
}

/// Go's `time.Duration.String()`.
pub fn format_duration(d: i64) -> String {
    let neg = d < 0;
    let u = d.unsigned_abs();
    let mut out = String::new();
    if u < 1_000_000_000 {
        let (prec, unit) = match u {
            0 => return "0s".into(),
            u if u < 1_000 => (0, "ns"),
            u if u < 1_000_000 => (3, "µs"),
            _ => (6, "ms"),
        };
        out.push_str(&frac(u, prec));
        out.push_str(unit);
    } else {
        let secs_part = frac(u % 60_000_000_000, 9);
        let mins = u / 60_000_000_000;
        if mins > 0 {
            let hours = mins / 60;
            if hours > 0 {
                out.push_str(&format!("{}h", hours));
            }
            out.push_str(&format!("{}m", mins % 60));
        }
        out.push_str(&secs_part);
        out.push('s');
    }
    if neg {
        format!("-{}", out)
    } else {
        out
    }
}

/// `v / 10^prec` printed without trailing zeros.
fn frac(v: u64, prec: u32) -> String {
    let div = 10u64.pow(prec);
    let int = v / div;
    let rem = v % div;
    if rem == 0 || prec == 0 {
        return int.to_string();
    }
    let mut f = format!("{:0width$}", rem, width = prec as usize);
    while f.ends_with('0') {
        f.pop();
    }
    format!("{}.{}", int, f)
}

// ---------------------------------------------------------------- sizes

/// go-units `RAMInBytes`: `512M`, `1g`, `1.5GB`, `100` (binary multiples).
pub fn parse_ram_bytes(s: &str) -> Result<i64, String> {
    let err = || format!("invalid size: '{}'", s);
    let num_end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let num = &s[..num_end];
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) || num.ends_with('.') {
        return Err(err());
    }
    let mut rest = &s[num_end..];
    rest = rest.strip_prefix(' ').unwrap_or(rest);
    let mut chars = rest.chars().peekable();
    let mul: f64 = match chars.peek().map(|c| c.to_ascii_lowercase()) {
        Some('k') => 1024.0,
        Some('m') => 1024.0 * 1024.0,
        Some('g') => 1024.0 * 1024.0 * 1024.0,
        Some('t') => 1024f64.powi(4),
        Some('p') => 1024f64.powi(5),
        _ => 1.0,
    };
    if mul != 1.0 {
        chars.next();
    }
    if matches!(chars.peek(), Some('i' | 'I')) {
        chars.next();
    }
    if matches!(chars.peek(), Some('b' | 'B')) {
        chars.next();
    }
    if chars.next().is_some() {
        return Err(err());
    }
    let value: f64 = num.parse().map_err(|_| err())?;
    Ok((value * mul) as i64)
}

// ---------------------------------------------------------------- shellwords

/// go-shellwords `Parse` with its default options (no env, no backticks):
/// splitting stops silently at an unquoted `;`, `&`, `|`, `<` or `>`.
pub fn shell_split(line: &str) -> Result<Vec<String>, String> {
    let mut args = Vec::new();
    let mut buf = String::new();
    let (mut escaped, mut dq, mut sq) = (false, false, false);
    let mut got = false; // an argument (possibly empty and quoted) is pending
    for r in line.chars() {
        if escaped {
            buf.push(r);
            escaped = false;
            got = true;
            continue;
        }
        if r == '\\' {
            if sq {
                buf.push(r);
            } else {
                escaped = true;
            }
            continue;
        }
        if matches!(r, ' ' | '\t' | '\r' | '\n') {
            if sq || dq {
                buf.push(r);
            } else if got {
                args.push(std::mem::take(&mut buf));
                got = false;
            }
            continue;
        }
        match r {
            '"' if !sq => {
                if dq {
                    got = true;
                }
                dq = !dq;
                continue;
            }
            '\'' if !dq => {
                if sq {
                    got = true;
                }
                sq = !sq;
                continue;
            }
            ';' | '&' | '|' | '<' | '>' if !(sq || dq) => {
                if r == '>' && buf.starts_with(|c: char| c.is_ascii_digit()) {
                    got = false;
                }
                break;
            }
            _ => {}
        }
        got = true;
        buf.push(r);
    }
    if got {
        args.push(buf);
    }
    if escaped || sq || dq {
        return Err("invalid command line string".into());
    }
    Ok(args)
}

// ---------------------------------------------------------------- go-yaml key order

/// go-yaml v3 `keyList.Less` for string keys: letters sort after other
/// characters, digit runs compare numerically.
pub fn yaml_key_cmp(a: &str, b: &str) -> Ordering {
    if yaml_key_less(a, b) {
        Ordering::Less
    } else if yaml_key_less(b, a) {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

fn yaml_key_less(a: &str, b: &str) -> bool {
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    let mut digits = false;
    let n = ar.len().min(br.len());
    for i in 0..n {
        if ar[i] == br[i] {
            digits = ar[i].is_ascii_digit();
            continue;
        }
        let al = ar[i].is_alphabetic();
        let bl = br[i].is_alphabetic();
        if al && bl {
            return ar[i] < br[i];
        }
        if al || bl {
            return if digits { al } else { bl };
        }
        let mut an: i64 = 0;
        let mut bn: i64 = 0;
        if ar[i] == '0' || br[i] == '0' {
            let mut j = i;
            while j > 0 && ar[j - 1].is_ascii_digit() {
                j -= 1;
                if ar[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && ar[ai].is_ascii_digit() {
            an = an
                .saturating_mul(10)
                .saturating_add(ar[ai] as i64 - '0' as i64);
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && br[bi].is_ascii_digit() {
            bn = bn
                .saturating_mul(10)
                .saturating_add(br[bi] as i64 - '0' as i64);
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ar[i] < br[i];
    }
    ar.len() < br.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("1m30s"), Ok(90_000_000_000));
        assert_eq!(parse_duration("10s"), Ok(10_000_000_000));
        assert_eq!(parse_duration("500ms"), Ok(500_000_000));
        assert_eq!(parse_duration("1.5h"), Ok(5_400_000_000_000));
        assert_eq!(parse_duration("2d"), Ok(172_800_000_000_000));
        assert_eq!(parse_duration("0"), Ok(0));
        assert!(parse_duration("10").unwrap_err().contains("missing unit"));
        assert!(parse_duration("abc").is_err());
        assert_eq!(format_duration(90_000_000_000), "1m30s");
        assert_eq!(format_duration(10_000_000_000), "10s");
        assert_eq!(format_duration(500_000_000), "500ms");
        assert_eq!(format_duration(3_600_000_000_000), "1h0m0s");
        assert_eq!(format_duration(1_500_000_000), "1.5s");
        assert_eq!(format_duration(0), "0s");
        assert_eq!(format_duration(1_500), "1.5µs");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_ram_bytes("512M"), Ok(536_870_912));
        assert_eq!(parse_ram_bytes("1g"), Ok(1_073_741_824));
        assert_eq!(parse_ram_bytes("1.5GB"), Ok(1_610_612_736));
        assert_eq!(parse_ram_bytes("100"), Ok(100));
        assert_eq!(parse_ram_bytes("64m"), Ok(67_108_864));
        assert!(parse_ram_bytes("lots").is_err());
    }

    #[test]
    fn shellwords() {
        assert_eq!(
            shell_split("echo hello world").unwrap(),
            vec!["echo", "hello", "world"]
        );
        assert_eq!(
            shell_split("sh -c 'echo $HOME'").unwrap(),
            vec!["sh", "-c", "echo $HOME"]
        );
        assert_eq!(shell_split("a \"b c\" ''").unwrap(), vec!["a", "b c", ""]);
        assert_eq!(shell_split("echo a && echo b").unwrap(), vec!["echo", "a"]);
        assert!(shell_split("echo 'unterminated").is_err());
    }

    #[test]
    fn paths() {
        assert_eq!(clean_path("/a/b/../c/./d/"), "/a/c/d");
        assert_eq!(join_path("/home/x", "./config"), "/home/x/config");
        assert_eq!(join_path("/home/x", "../y"), "/home/y");
        assert_eq!(dir_name("/a/b/c.yaml"), "/a/b");
        assert_eq!(base_name("/home/learner/projet/myapp"), "myapp");
    }

    #[test]
    fn key_order() {
        let mut v = vec!["web10", "web2", "db", "a_b", "ab", "x-1", "default"];
        baleine_util::sort_by(&mut v, |a, b| yaml_key_cmp(a, b));
        assert_eq!(
            v,
            vec!["a_b", "ab", "db", "default", "web2", "web10", "x-1"]
        );
    }
}
