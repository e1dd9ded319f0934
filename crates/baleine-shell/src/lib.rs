//! A small POSIX/bash-like shell for the simulated machine.
//!
//! The same interpreter runs the learner's host terminal (flavour [`Flavor::Bash`])
//! and the shells inside containers (`sh` of busybox/dash: [`Flavor::Ash`];
//! `bash` of debian/ubuntu images: [`Flavor::Bash`]). It knows nothing about
//! Docker: programs that are not builtins or core utilities are handed to the
//! [`System`] the caller provides (the host routes `docker` to the docker CLI
//! front; the engine runs `nginx`, `ping`, `apk`... inside a container).
//!
//! Entry points: [`parse`] (never fails: a value plus an error/incomplete
//! marker) and [`Shell::run`] (executes a parsed script against a [`System`]).
//!
//! Architecture invariant: no real I/O; time passes only through
//! [`System::sleep`].

mod arith;
pub mod ast;
mod builtins;
mod expand;
mod fsutil;
mod glob;
mod interp;
mod parse;
mod regex;
pub mod sha256;
pub mod utils;

#[cfg(test)]
mod tests;

pub use interp::{lookup_path, RunOutcome, ShellState, MAX_EXEC_DEPTH};
pub use parse::{parse, Parsed, MAX_DEPTH};

use indexmap::{IndexMap, IndexSet};

/// Which shell this is: decides prompts and error message wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// GNU bash: `bash: foo: command not found`.
    Bash,
    /// busybox ash / dash (`sh`): `sh: foo: not found`.
    Ash,
}

/// Which output stream a chunk was written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Out,
    Err,
}

/// What a command printed, in order, stdout and stderr interleaved as a
/// terminal would show them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub chunks: Vec<(Stream, String)>,
}

impl Output {
    pub fn new() -> Output {
        Output::default()
    }
    pub fn out(&mut self, s: impl AsRef<str>) {
        self.push(Stream::Out, s.as_ref());
    }
    pub fn err(&mut self, s: impl AsRef<str>) {
        self.push(Stream::Err, s.as_ref());
    }
    pub fn push(&mut self, stream: Stream, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some((st, text)) if *st == stream => text.push_str(s),
            _ => self.chunks.push((stream, s.to_string())),
        }
    }
    pub fn append(&mut self, other: Output) {
        for (st, s) in other.chunks {
            self.push(st, &s);
        }
    }
    /// Everything, both streams, in order.
    pub fn text(&self) -> String {
        self.chunks.iter().map(|(_, s)| s.as_str()).collect()
    }
    /// Only one stream.
    pub fn stream(&self, which: Stream) -> String {
        self.chunks.iter().filter(|(st, _)| *st == which).map(|(_, s)| s.as_str()).collect()
    }
    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }
}

/// Interpreter state that lives across command lines: variables, the working
/// folder, `$?`, history.
#[derive(Clone, Debug)]
pub struct Shell {
    pub flavor: Flavor,
    /// Name used in error messages (`bash`, `sh`).
    pub name: String,
    pub vars: IndexMap<String, String>,
    pub exported: IndexSet<String>,
    pub cwd: String,
    pub last_status: i32,
    pub history: Vec<String>,
    /// Set by the `exit` builtin: the shell session is over.
    pub exited: Option<i32>,
    /// Positional parameters, functions, aliases, options (`set -e`…).
    pub state: ShellState,
}

impl Shell {
    /// A shell with the given environment (all exported) and working folder.
    pub fn new(flavor: Flavor, env: &[(String, String)], cwd: &str) -> Shell {
        let mut vars = IndexMap::new();
        let mut exported = IndexSet::new();
        for (k, v) in env {
            vars.insert(k.clone(), v.clone());
            exported.insert(k.clone());
        }
        Shell {
            flavor,
            name: match flavor {
                Flavor::Bash => "bash".into(),
                Flavor::Ash => "sh".into(),
            },
            vars,
            exported,
            cwd: cwd.to_string(),
            last_status: 0,
            history: Vec::new(),
            exited: None,
            state: ShellState::default(),
        }
    }

    /// The exported variables, in definition order (what `env` prints and what
    /// child programs receive).
    pub fn env(&self) -> Vec<(String, String)> {
        self.vars.iter().filter(|(k, _)| self.exported.contains(*k)).map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    pub fn set_var(&mut self, name: &str, value: &str) {
        self.vars.insert(name.to_string(), value.to_string());
    }

    pub fn export(&mut self, name: &str, value: &str) {
        self.set_var(name, value);
        self.exported.insert(name.to_string());
    }
}

/// An external program invocation handed to the [`System`].
pub struct Invocation<'a> {
    /// argv[0] as typed, then the arguments (after expansion).
    pub argv: &'a [String],
    /// The executable found on PATH (absolute path), if any.
    pub path: Option<&'a str>,
    /// The `kind` of the executable file (`Content::Opaque { kind }`), if any.
    pub kind: Option<&'a str>,
    /// Environment of the child: the shell's exported variables plus any
    /// `VAR=x cmd` prefix assignments.
    pub env: &'a [(String, String)],
    pub cwd: &'a str,
    /// Bytes on standard input (from a pipe, a heredoc or `< file`), or None
    /// when stdin is the terminal.
    pub stdin: Option<&'a [u8]>,
}

/// What runs programs and holds the files: implemented by the host (for the
/// learner's terminal) and by the engine (inside containers).
pub trait System: baleine_vfs::Fs {
    /// Runs a program that is neither a builtin nor a core utility of this
    /// crate. Returns None when the system does not know that program at all
    /// (the shell then reports it as not found).
    fn run_program(&mut self, shell: &mut Shell, inv: &Invocation<'_>, out: &mut Output) -> Option<i32>;

    /// Lets `secs` simulated seconds pass (`sleep`).
    fn sleep(&mut self, secs: f64, out: &mut Output);

    /// Simulated wall-clock time, seconds since the Unix epoch (`date`).
    fn now(&self) -> u64;

    /// Whether a core utility of this crate is installed here. The host has
    /// them all; a container has what its image's PATH holds. The default
    /// looks the name up on PATH through the file system.
    fn has_utility(&self, shell: &Shell, name: &str) -> bool {
        interp::lookup_path(self, shell, name).is_some()
    }

    /// Whether the core utilities here are GNU's (coreutils, grep, sed,
    /// tar...) rather than busybox's applets: options and messages differ.
    /// The default goes with the shell: bash with GNU, sh with busybox.
    fn gnu_utilities(&self, shell: &Shell) -> bool {
        shell.flavor == Flavor::Bash
    }

    /// The user name (`whoami`) and numeric ids (`id`).
    fn user(&self) -> (String, u32, u32) {
        ("root".into(), 0, 0)
    }

    /// Host name (`hostname`).
    fn hostname(&self) -> String {
        "localhost".into()
    }

    /// Checked after every command: true stops the script (as Ctrl-C would),
    /// for example once a container was stopped or a time budget is spent.
    fn interrupted(&self) -> bool {
        false
    }

    /// A shell program (`sh -c`, a script) is about to end: the system may
    /// look at what it leaves behind, such as its signal traps.
    fn shell_ending(&mut self, _shell: &Shell) {}

    /// A background job (`cmd &`) ran: the shell itself did not wait in it.
    fn background_done(&mut self) {}
}
