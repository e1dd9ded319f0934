//! BuildKit's progress output (moby/buildkit `util/progress/progressui`):
//! the final frame of the TTY display (`[+] Building 2.3s (10/10) FINISHED`,
//! ` => ...` lines right-aligned to the terminal width, colours), the plain
//! printer (`#1 [internal] ...`, `#1 DONE 0.0s`), the error logs block, and
//! buildx's warning summary and Dockerfile excerpts (`solver/errdefs`
//! `Source.Print`).

use baleine_engine::build::{BuildOutput, BuildWarning};

/// Terminal width the TTY display is laid out for.
pub const WIDTH: usize = 80;

const BLUE: &str = "\x1b[34m";
const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Tty,
    Plain,
    Quiet,
    RawJson,
}

/// `units.Bytes` with `%.2f`: "187B", "2.05kB", "40.01MB".
pub fn units_bytes(n: u64) -> String {
    const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
    if n < 1000 {
        return format!("{n}B");
    }
    let mut base = 1u64;
    let mut i = 0;
    while i + 1 < UNITS.len() && n >= base.saturating_mul(1000) {
        base = base.saturating_mul(1000);
        i += 1;
    }
    format!("{:.2}{}", n as f64 / base as f64, UNITS[i])
}

fn secs(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

/// `fmt.Sprintf("%-*s %s", w-len(r)-1, l, r)`.
fn align(l: &str, r: &str, w: usize) -> String {
    let width = w.saturating_sub(r.chars().count() + 1);
    format!("{l:<width$} {r}")
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// One job line of the TTY display (with its newline), or None when the
/// screen is too narrow.
fn tty_job(name: &str, status: &str, ms: u64, width: usize, color: Option<&str>) -> Option<String> {
    let mut dt = secs(ms);
    if dt < 0.05 {
        dt = 0.0;
    }
    let pfx = " => ";
    let timer = format!(" {dt:3.1}s\n");
    let mut left = width as i64 - pfx.len() as i64 - timer.len() as i64 - 1;
    let mut show_status = false;
    if !status.is_empty() && left + status.len() as i64 > 20 {
        show_status = true;
        left -= status.len() as i64 + 1;
    }
    if left < 12 {
        return None;
    }
    let mut out = format!("{pfx}{}", truncate(name, left as usize));
    if show_status {
        out.push(' ');
        out.push_str(status);
    }
    let line = align(&out, &timer, width);
    Some(match color {
        Some(c) => format!("{c}{line}{RESET}"),
        None => line,
    })
}

fn log_ts(ms: u64) -> String {
    let s = secs(ms);
    let prec = if s < 10.0 {
        3
    } else if s < 100.0 {
        2
    } else {
        1
    };
    format!("{s:.prec$}")
}

fn counts(out: &BuildOutput) -> (usize, usize) {
    let total = out.vertices.len();
    let done = out.vertices.iter().filter(|v| v.started).count();
    (done, total)
}

/// The last frame of the TTY display, then the error logs.
pub fn tty(out: &BuildOutput, width: usize) -> String {
    let (done, total) = counts(out);
    let status = if done > 0 && done == total { "FINISHED" } else { "" };
    let head = format!("[+] Building {:.1}s ({done}/{total}) {status}", secs(out.total_ms));
    let mut s = align(&head, "docker:default", width.saturating_sub(1));
    s.push('\n');
    for v in out.vertices.iter().filter(|v| v.started) {
        let mut name = v.name.replace('\t', " ");
        let mut color = Some(BLUE);
        if v.error.is_some() {
            name = format!("ERROR {name}");
            color = Some(RED);
        }
        if v.cached {
            name = format!("CACHED {name}");
        }
        if let Some(l) = tty_job(&name, "", v.ms, width, color) {
            s.push_str(&l);
        }
        for st in &v.statuses {
            let status = if st.total != 0 {
                format!("{} / {}", units_bytes(st.current), units_bytes(st.total))
            } else if st.current != 0 {
                units_bytes(st.current)
            } else {
                String::new()
            };
            if let Some(l) = tty_job(&format!("=> {}", st.id), &status, st.ms, width, Some(BLUE)) {
                s.push_str(&l);
            }
        }
        for w in &v.warnings {
            if let Some(l) = tty_job(&format!("WARN: {w}"), "", v.ms, width, Some(YELLOW)) {
                s.push_str(&l);
            }
        }
    }
    s.push_str(&error_logs(out, false));
    s
}

/// The plain printer.
pub fn plain(out: &BuildOutput) -> String {
    let mut s = String::from("#0 building with \"default\" instance using docker driver\n\n");
    let mut first = true;
    for (i, v) in out.vertices.iter().filter(|v| v.started).enumerate() {
        let n = i + 1;
        if !first {
            s.push('\n');
        }
        first = false;
        s.push_str(&format!("#{n} {}\n", v.name));
        for st in &v.statuses {
            let bytes = if st.total != 0 {
                format!(" {} / {}", units_bytes(st.current), units_bytes(st.total))
            } else if st.current != 0 {
                format!(" {}", units_bytes(st.current))
            } else {
                String::new()
            };
            let tm = if secs(st.ms) > 0.01 { format!(" {:.1}s", secs(st.ms)) } else { String::new() };
            s.push_str(&format!("#{n} {}{bytes}{tm} done\n", st.id));
        }
        for w in &v.warnings {
            s.push_str(&format!("#{n} WARN: {w}\n"));
        }
        for (ms, line) in &v.logs {
            s.push_str(&format!("#{n} {} {line}\n", log_ts(*ms)));
        }
        if let Some(e) = &v.error {
            s.push_str(&format!("#{n} ERROR: {e}\n"));
        } else if v.cached {
            s.push_str(&format!("#{n} CACHED\n"));
        } else {
            s.push_str(&format!("#{n} DONE {:.1}s\n", secs(v.ms)));
        }
    }
    s.push_str(&error_logs(out, true));
    s
}

/// `printErrorLogs`: the failed vertex and its output (the plain printer
/// keeps only the last 10 lines).
fn error_logs(out: &BuildOutput, last_ten: bool) -> String {
    let mut s = String::new();
    for v in out.vertices.iter().filter(|v| v.error.is_some()) {
        s.push_str("------\n");
        s.push_str(&format!(" > {}:\n", v.name));
        let skip = if last_ten { v.logs.len().saturating_sub(10) } else { 0 };
        for (ms, line) in v.logs.iter().skip(skip) {
            s.push_str(&format!("{} {line}\n", log_ts(*ms)));
        }
        s.push_str("------\n");
    }
    s
}

/// One JSON object per vertex (`--progress=rawjson`).
pub fn rawjson(out: &BuildOutput, start_ms: u64, epoch_secs: u64) -> String {
    let mut s = String::new();
    let mut t = start_ms;
    for (i, v) in out.vertices.iter().filter(|v| v.started).enumerate() {
        let digest = format!("sha256:{}", baleine_engine::util::sha256_hex(&format!("vertex:{i}:{}", v.name)));
        let started = baleine_engine::util::rfc3339_nanos(t, epoch_secs);
        let completed = baleine_engine::util::rfc3339_nanos(t + v.ms, epoch_secs);
        let mut vx = serde_json::json!({"digest": digest, "name": v.name, "started": started, "completed": completed});
        if v.cached {
            vx["cached"] = serde_json::Value::Bool(true);
        }
        if let Some(e) = &v.error {
            vx["error"] = serde_json::Value::String(e.clone());
        }
        let statuses: Vec<serde_json::Value> = v.statuses.iter().map(|st| serde_json::json!({"id": st.id, "vertex": digest, "current": st.current, "total": st.total, "timestamp": completed, "started": started, "completed": completed})).collect();
        let logs: Vec<serde_json::Value> = v.logs.iter().map(|(ms, l)| serde_json::json!({"vertex": digest, "stream": 1, "data": base64(&format!("{l}\n")), "timestamp": baleine_engine::util::rfc3339_nanos(t + ms, epoch_secs)})).collect();
        let mut obj = serde_json::json!({"vertexes": [vx]});
        if !statuses.is_empty() {
            obj["statuses"] = serde_json::Value::Array(statuses);
        }
        if !logs.is_empty() {
            obj["logs"] = serde_json::Value::Array(logs);
        }
        s.push_str(&crate::format::compact_json(&obj));
        s.push('\n');
        t += v.ms;
    }
    s
}

fn base64(s: &str) -> String {
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = s.as_bytes();
    let mut out = String::new();
    for chunk in b.chunks(3) {
        let n = (u32::from(chunk[0]) << 16) | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8) | u32::from(*chunk.get(2).unwrap_or(&0));
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 { T[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if chunk.len() > 2 { T[n as usize & 63] as char } else { '=' });
    }
    out
}

/// buildx's `printWarnings`.
pub fn warnings(ws: &[BuildWarning]) -> String {
    if ws.is_empty() {
        return String::new();
    }
    let head = if ws.len() == 1 { "1 warning found".to_string() } else { format!("{} warnings found", ws.len()) };
    let mut s = format!("\n {YELLOW}{head} (use docker --debug to expand):\n{RESET}");
    for w in ws {
        s.push_str(&format!(" - {}\n", w.short()));
    }
    s
}

/// `errdefs.Source.Print`: the Dockerfile lines around an error or a
/// warning, the range marked with `>>>`.
pub fn excerpt_range(filename: &str, text: &str, first: usize, last: usize) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    if first > lines.len() || first < 1 {
        return String::new();
    }
    let last = last.max(first);
    let mut end = last.min(lines.len());
    let mut start = first;
    let pad = if end == start { 4 } else { 2 };
    let mut p = 0;
    while p < pad {
        if start > 1 {
            start -= 1;
            p += 1;
        }
        if end != lines.len() {
            end += 1;
            p += 1;
        }
        p += 1;
    }
    let mut s = format!("{filename}:{first}\n--------------------\n");
    for i in start..=end {
        let mark = if i >= first && i <= last { ">>>" } else { "   " };
        s.push_str(&format!(" {i:>3} | {mark} {}\n", lines[i - 1]));
    }
    s.push_str("--------------------\n");
    s
}

/// Everything a build prints on stderr after the progress: the warnings,
/// then for a failure the excerpt and `ERROR: ...`.
pub fn trailer(out: &BuildOutput, mode: Mode) -> String {
    let mut s = String::new();
    if !matches!(mode, Mode::Quiet | Mode::RawJson) {
        s.push_str(&warnings(&out.warnings));
    }
    if let Some(f) = &out.failure {
        if let Some((a, b)) = f.lines {
            s.push_str(&excerpt_range(&out.dockerfile_name, &out.dockerfile_text, a, b));
        }
        s.push_str(&format!("ERROR: {}\n", f.message));
    }
    s
}

/// `--check`: buildx's lint result printing (stdout) and its exit status.
pub fn check_result(out: &BuildOutput) -> (String, i32) {
    let ws = &out.warnings;
    if ws.is_empty() {
        return ("Check complete, no warnings found.\n".into(), 0);
    }
    let mut s = if ws.len() == 1 { "Check complete, 1 warning has been found!\n".to_string() } else { format!("Check complete, {} warnings have been found!\n", ws.len()) };
    for w in ws {
        s.push_str(&format!("\nWARNING: {} - {}\n{}\n", w.rule, w.url, w.message));
        if w.line > 0 {
            s.push_str(&excerpt_range(&out.dockerfile_name, &out.dockerfile_text, w.line, w.line));
        }
    }
    (s, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_units() {
        assert_eq!(units_bytes(187), "187B");
        assert_eq!(units_bytes(2050), "2.05kB");
        assert_eq!(units_bytes(40_010_000), "40.01MB");
        assert_eq!(units_bytes(1000), "1.00kB");
    }

    #[test]
    fn tty_lines_are_right_aligned() {
        let l = tty_job("[internal] load build definition from Dockerfile", "", 0, 80, None).unwrap();
        assert_eq!(l.len(), 80);
        assert!(l.ends_with("  0.0s\n"));
        let l = tty_job("=> transferring dockerfile:", "187B", 10, 80, None).unwrap();
        assert!(l.starts_with(" => => transferring dockerfile: 187B "));
        let long = "x".repeat(200);
        let l = tty_job(&long, "", 12_300, 80, None).unwrap();
        assert_eq!(l.chars().count(), 80);
        assert!(l.ends_with(" 12.3s\n"));
    }

    #[test]
    fn excerpt_like_buildkit() {
        let df = "FROM node:18-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm instal\nCOPY . .\nCMD [\"node\", \"server.js\"]\n";
        let e = excerpt_range("Dockerfile", df, 4, 4);
        assert_eq!(e, "Dockerfile:4\n--------------------\n   2 |     WORKDIR /app\n   3 |     COPY package*.json ./\n   4 | >>> RUN npm instal\n   5 |     COPY . .\n   6 |     CMD [\"node\", \"server.js\"]\n--------------------\n");
        let e = excerpt_range("Dockerfile", "FROM alpine\nRUNN echo hi\n", 2, 2);
        assert_eq!(e, "Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUNN echo hi\n   3 |     \n--------------------\n");
    }
}
