//! `baleine lesson ...`: tooling for teachers.
//!
//! - `baleine lesson check [-v] FILE…`: validates lesson files (schema,
//!   references) and runs each lesson's solution on a fresh simulated host,
//!   confirming that every check passes after its step and none passes
//!   before it. Prints `ok  <id> (N steps)` or `FAIL <file>:<line>: ...`;
//!   exits 1 if anything failed. `-v` also prints the terminal session of
//!   failing lessons.
//! - `baleine lesson new [FILE]`: writes a commented template (to stdout
//!   without FILE; never overwrites a file).
//! - `baleine lesson list`: the built-in lessons.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "Usage:
  baleine lesson check [-v] FILE...   validate lesson files and run their solutions
  baleine lesson new [FILE]           write a commented lesson template (stdout without FILE)
  baleine lesson list                 list the built-in lessons

The lesson format is described in docs/lessons.md.
";

pub fn main(args: &[String]) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("new") => new(&args[1..]),
        Some("list") => {
            // Write errors (a closed pipe: `| head`) end the listing quietly.
            let mut out = std::io::stdout().lock();
            for l in baleine_lessons::builtin_lessons() {
                if writeln!(out, "{:<32} {:<16} {} / {}", l.id, l.kind.as_str(), l.title.fr, l.title.en).is_err() {
                    break;
                }
            }
            ExitCode::SUCCESS
        }
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("baleine lesson: unknown command '{other}'\n{USAGE}");
            ExitCode::from(2)
        }
        None => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn new(args: &[String]) -> ExitCode {
    match args.first() {
        None => {
            let _ = std::io::stdout().lock().write_all(baleine_lessons::TEMPLATE.as_bytes());
            ExitCode::SUCCESS
        }
        Some(file) => {
            if Path::new(file).exists() {
                eprintln!("baleine lesson new: {file} already exists (not overwritten)");
                return ExitCode::from(1);
            }
            match std::fs::write(file, baleine_lessons::TEMPLATE) {
                Ok(()) => {
                    println!("wrote {file}; check it with: baleine lesson check {file}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("baleine lesson new: {file}: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// FILE arguments; a folder stands for its `*.toml` files.
fn expand(args: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let mut v: Vec<String> = std::fs::read_dir(p)
                .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).map(|p| p.to_string_lossy().into_owned()).collect())
                .unwrap_or_default();
            v.sort();
            out.extend(v);
        } else {
            out.push(a.clone());
        }
    }
    out
}

fn check(args: &[String]) -> ExitCode {
    let verbose = args.iter().any(|a| a == "-v" || a == "--verbose");
    let files = expand(&args.iter().filter(|a| *a != "-v" && *a != "--verbose").cloned().collect::<Vec<_>>());
    if files.is_empty() {
        eprint!("baleine lesson check: no file given\n{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    let mut ids: Vec<(String, String)> = Vec::new();
    let mut stdout = std::io::stdout().lock();
    for file in &files {
        let text = match std::fs::read(file) {
            Ok(b) => match String::from_utf8(b) {
                Ok(s) => s,
                Err(_) => {
                    let _ = writeln!(stdout, "FAIL {file}: not UTF-8 text");
                    failed = true;
                    continue;
                }
            },
            Err(e) => {
                let _ = writeln!(stdout, "FAIL {file}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        let (lesson, errors) = baleine_lessons::parse_lesson(&text, file);
        for e in &errors {
            let _ = writeln!(stdout, "FAIL {e}");
        }
        let Some(lesson) = lesson else {
            failed = true;
            continue;
        };
        if let Some((_, other)) = ids.iter().find(|(id, _)| *id == lesson.id) {
            let _ = writeln!(stdout, "FAIL {file}: lesson id \"{}\" is already used by {other}", lesson.id);
            failed = true;
        }
        ids.push((lesson.id.clone(), file.clone()));
        // The simulator must not panic; if it does, say so and go on.
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let run = std::panic::catch_unwind(|| baleine_lessons::run_solution(&lesson));
        std::panic::set_hook(prev);
        match run {
            Ok(report) if report.ok() => {
                let _ = writeln!(stdout, "ok  {} ({} step{})", report.id, report.steps, if report.steps == 1 { "" } else { "s" });
            }
            Ok(report) => {
                failed = true;
                for f in &report.failures {
                    let _ = writeln!(stdout, "FAIL {f}");
                }
                if verbose {
                    let _ = writeln!(stdout, "---- terminal session of {} ----\n{}---- end ----", report.id, report.transcript);
                }
            }
            Err(p) => {
                failed = true;
                let msg = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
                let _ = writeln!(stdout, "FAIL {file}: the simulator crashed while running the solution (a bug of baleine, please report it): {msg}");
            }
        }
        let _ = stdout.flush();
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
