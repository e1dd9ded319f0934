//! The native `baleine` binary.
//!
//! - `baleine`: an interactive session in a real terminal (line editing and
//!   history with rustyline; Ctrl+C interrupts a following command).
//! - `baleine script FILE` (or `-` for stdin): runs FILE as one terminal
//!   session on a fresh simulated host and prints what the terminal shows;
//!   exits 0 when it reached the end, 2 if FILE cannot be read.
//! - `--context DIR`: loads DIR's files into the host's project folder.
//!
//! This is the only crate that knows a real terminal and real files.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use baleine_host::{Host, HostCommand, HostConfig};

mod lesson;

const USAGE: &str = "baleine: a Docker playground simulated in memory

Usage:
  baleine [--context DIR]                 interactive session
  baleine script FILE [--context DIR]     run FILE (or - for stdin) as one terminal session
  baleine --version | --help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut context: Option<String> = None;
    let mut positional: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--context" => {
                context = args.get(i + 1).cloned();
                i += 2;
                continue;
            }
            a if a.starts_with("--context=") => context = Some(a["--context=".len()..].to_string()),
            "--help" | "-h" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--version" | "-V" => {
                println!("baleine {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            a => positional.push(a.to_string()),
        }
        i += 1;
    }
    let mut host = Host::new(HostConfig::default());
    if let Some(dir) = &context {
        match load_dir(Path::new(dir)) {
            Ok(files) => host.load_files(&files),
            Err(e) => {
                eprintln!("baleine: --context {dir}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    match positional.first().map(String::as_str) {
        Some("script") => {
            let Some(file) = positional.get(1) else {
                eprint!("{USAGE}");
                return ExitCode::from(2);
            };
            let text = if file == "-" {
                let mut s = String::new();
                if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                    eprintln!("baleine: stdin: {e}");
                    return ExitCode::from(2);
                }
                s
            } else {
                match std::fs::read(file) {
                    Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                    Err(e) => {
                        eprintln!("baleine: {file}: {e}");
                        return ExitCode::from(2);
                    }
                }
            };
            let out = host.run_script(&text);
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(out.as_bytes());
            let _ = stdout.flush();
            ExitCode::SUCCESS
        }
        Some("lesson") => lesson::main(&positional[1..]),
        None => interactive(host),
        Some(other) => {
            eprintln!("baleine: unknown command '{other}'\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Reads every file below `dir` (relative paths).
fn load_dir(dir: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(path);
            } else if ft.is_file() {
                let rel = path.strip_prefix(dir).map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
                out.push((rel, std::fs::read(&path)?));
            }
            if out.len() > 20_000 {
                return Ok(out);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Strips ANSI prompts' escape codes for rustyline's width computation.
fn interactive(mut host: Host) -> ExitCode {
    let mut rl = match rustyline::DefaultEditor::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("baleine: cannot open the terminal: {e}");
            return ExitCode::from(1);
        }
    };
    println!("baleine — Docker simulé (tapez `exit` ou Ctrl+D pour quitter)");
    // Simulated time follows real time between commands, as in the web app.
    let mut last = std::time::Instant::now();
    loop {
        let prompt = host.prompt();
        let read = rl.readline(&prompt);
        let elapsed = last.elapsed().as_millis().min(24 * 3600 * 1000) as u64;
        last = std::time::Instant::now();
        let tick = host.execute(HostCommand::Tick { ms: elapsed });
        print!("{}", tick.text);
        match read {
            Ok(line) => {
                let _ = rl.add_history_entry(line.as_str());
                if line.trim() == "exit" && host.prompt().contains("learner@baleine") {
                    return ExitCode::SUCCESS;
                }
                let out = host.execute(HostCommand::Line(line));
                print!("{}", out.text);
                let _ = std::io::stdout().flush();
                // A following command: let time run until it ends or 10 s of silence.
                if host.busy() {
                    print!("{}", host.settle());
                    let _ = std::io::stdout().flush();
                }
            }
            Err(rustyline::error::ReadlineError::Interrupted) => {
                let out = host.execute(HostCommand::Interrupt);
                print!("{}", out.text);
            }
            Err(_) => return ExitCode::SUCCESS,
        }
    }
}
