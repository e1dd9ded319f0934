//! Data-driven session transcripts: every `tests/transcripts/<name>.sh` at
//! the repository root is run as one terminal session on a fresh host and
//! its output compared with `<name>.out`. Set `UPDATE_EXPECT=1` to
//! (re-)record the expected files; a missing `.out` is recorded too.

use std::fs;
use std::path::PathBuf;

use baleine_host::{Host, HostConfig};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/transcripts")
}

#[test]
fn transcripts() {
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut names: Vec<PathBuf> = fs::read_dir(dir()).expect("tests/transcripts exists").filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "sh")).collect();
    names.sort();
    assert!(!names.is_empty(), "no transcripts found");
    let mut failures = Vec::new();
    for script in &names {
        let text = fs::read_to_string(script).expect("readable script");
        let mut host = Host::new(HostConfig::default());
        let got = strip_ansi(&host.run_script(&text));
        let expected_path = script.with_extension("out");
        match fs::read_to_string(&expected_path) {
            Ok(expected) if !update => {
                if expected != got {
                    failures.push(format!("{}:\n{}", script.display(), first_difference(&expected, &got)));
                }
            }
            _ => fs::write(&expected_path, &got).expect("writable expected file"),
        }
    }
    assert!(failures.is_empty(), "{} transcript(s) differ (UPDATE_EXPECT=1 re-records):\n{}", failures.len(), failures.join("\n"));
}

/// Removes terminal escape sequences so expected files stay readable.
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                while let Some(&n) = chars.peek() {
                    chars.next();
                    if ('@'..='~').contains(&n) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

fn first_difference(expected: &str, got: &str) -> String {
    for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
        if e != g {
            return format!("  line {}:\n  - {e}\n  + {g}", i + 1);
        }
    }
    format!("  lengths differ: expected {} lines, got {}", expected.lines().count(), got.lines().count())
}
