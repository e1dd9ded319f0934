//! Execution of a parsed script against a [`System`].

use std::sync::Arc;

use baleine_vfs::{basename, normalize, Content, Fs, FsError, Stat};
use indexmap::IndexMap;

use crate::ast::*;
use crate::parse::{parse_full, PErr};
use crate::{builtins, expand, fsutil, glob, utils, Flavor, Invocation, Output, Shell, Stream, System};

/// Deepest nesting of functions, subshells, command substitutions, `eval`,
/// `source` and scripts before the shell refuses to go deeper.
pub const MAX_EXEC_DEPTH: usize = 64;

/// Deepest nesting of running commands of any kind (compound commands
/// included): bounds the interpreter's stack use.
pub const MAX_FRAMES: usize = 200;

/// Most iterations one loop may run (there is no Ctrl-C in a simulation).
pub const MAX_LOOP_ITERATIONS: u64 = 100_000;

pub(crate) const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// What [`Shell::run`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    /// Exit status of the last command (`$?`).
    pub status: i32,
    /// The `exit` builtin ran (or `set -e` stopped the shell).
    pub exited: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum Flow {
    #[default]
    Normal,
    Break(u32),
    Continue(u32),
    Return(i32),
    Exit(i32),
}

/// Interpreter state beyond the variables: positional parameters, functions,
/// aliases, options. Lives in [`Shell::state`].
#[derive(Clone, Debug)]
pub struct ShellState {
    /// `$1`, `$2`…
    pub positional: Vec<String>,
    /// `$0` (defaults to the shell name).
    pub arg0: Option<String>,
    pub functions: IndexMap<String, Arc<Command>>,
    pub aliases: IndexMap<String, String>,
    /// `set -e`
    pub errexit: bool,
    /// `set -x`
    pub xtrace: bool,
    /// `set -u`
    pub nounset: bool,
    /// `set -o pipefail`
    pub pipefail: bool,
    /// `set -f`
    pub noglob: bool,
    /// `$$`
    pub pid: u32,
    /// An interactive shell (the learner's terminal); scripts and `sh -c` are not.
    pub interactive: bool,
    /// Whether the caller's output is a terminal (`ls` then prints columns).
    pub stdout_tty: bool,
    /// Prefix errors with `line N:` (scripts, `bash -c`).
    pub lines_in_errors: bool,
    /// Most iterations one loop may run before it is stopped (there is no
    /// Ctrl-C in a simulation).
    pub max_loop_iterations: u64,
    /// `trap` actions by condition ("EXIT", "TERM", "INT", ...).
    pub traps: IndexMap<String, String>,
    pub(crate) last_bg: Option<u32>,
    pub(crate) depth: usize,
    pub(crate) frames: usize,
    pub(crate) flow: Flow,
    pub(crate) loop_depth: usize,
    pub(crate) func_depth: usize,
    pub(crate) cond_depth: usize,
    pub(crate) locals: Vec<Vec<(String, Option<String>, bool)>>,
    pub(crate) subst_status: Option<i32>,
    pub(crate) random: u32,
    pub(crate) lineno: u32,
    /// Whether the current command's stdout reaches the terminal.
    pub(crate) out_tty: bool,
}

impl Default for ShellState {
    fn default() -> ShellState {
        ShellState {
            positional: Vec::new(),
            arg0: None,
            functions: IndexMap::new(),
            aliases: IndexMap::new(),
            errexit: false,
            xtrace: false,
            nounset: false,
            pipefail: false,
            noglob: false,
            pid: 1,
            interactive: true,
            stdout_tty: true,
            lines_in_errors: false,
            max_loop_iterations: MAX_LOOP_ITERATIONS,
            traps: IndexMap::new(),
            last_bg: None,
            depth: 0,
            frames: 0,
            flow: Flow::Normal,
            loop_depth: 0,
            func_depth: 0,
            cond_depth: 0,
            locals: Vec::new(),
            subst_status: None,
            random: 12345,
            lineno: 1,
            out_tty: true,
        }
    }
}

/// Standard input of a command: bytes with a read position, or the terminal.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stdin {
    data: Option<Arc<Vec<u8>>>,
    pos: usize,
}

impl Stdin {
    pub(crate) fn tty() -> Stdin {
        Stdin { data: None, pos: 0 }
    }
    pub(crate) fn bytes(b: Vec<u8>) -> Stdin {
        Stdin { data: Some(Arc::new(b)), pos: 0 }
    }
    pub(crate) fn empty() -> Stdin {
        Stdin::bytes(Vec::new())
    }
    pub(crate) fn rest(&self) -> Option<&[u8]> {
        self.data.as_ref().map(|d| d.get(self.pos..).unwrap_or(&[]))
    }
    pub(crate) fn consume_all(&mut self) {
        if let Some(d) = &self.data {
            self.pos = d.len();
        }
    }
    /// One record up to `delim` (not included); None at the end (or on a
    /// terminal).
    pub(crate) fn read_until(&mut self, delim: u8) -> Option<(Vec<u8>, bool)> {
        let d = self.data.as_ref()?;
        let rest = d.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        match rest.iter().position(|&b| b == delim) {
            Some(i) => {
                let line = rest[..i].to_vec();
                self.pos += i + 1;
                Some((line, true))
            }
            None => {
                let line = rest.to_vec();
                self.pos = d.len();
                Some((line, false))
            }
        }
    }
    pub(crate) fn read_chars(&mut self, n: usize) -> Option<Vec<u8>> {
        let d = self.data.as_ref()?;
        let rest = d.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        let s = String::from_utf8_lossy(rest);
        let taken: String = s.chars().take(n).collect();
        let len = taken.len().min(rest.len());
        self.pos += len;
        Some(taken.into_bytes())
    }
}

impl Shell {
    /// Whether what the running command writes on stdout reaches the
    /// terminal (not a pipe, a file or a command substitution).
    pub fn stdout_is_tty(&self) -> bool {
        self.state.out_tty
    }

    /// Runs a parsed script. Output goes to `out`; returns `$?`.
    pub fn run(&mut self, sys: &mut dyn System, script: &Script, out: &mut Output) -> RunOutcome {
        let mut stdin = Stdin::tty();
        self.run_with_stdin(sys, script, &mut stdin, out)
    }

    pub(crate) fn run_with_stdin(&mut self, sys: &mut dyn System, script: &Script, stdin: &mut Stdin, out: &mut Output) -> RunOutcome {
        self.state.flow = Flow::Normal;
        self.state.out_tty = self.state.stdout_tty;
        let st = exec_script(self, sys, script, stdin, out);
        self.finish(st)
    }

    fn finish(&mut self, st: i32) -> RunOutcome {
        let flow = std::mem::take(&mut self.state.flow);
        let (status, exited) = match flow {
            Flow::Exit(n) => (n, true),
            _ => (st, false),
        };
        self.last_status = status;
        if exited {
            self.exited = Some(status);
        }
        RunOutcome { status, exited }
    }

    /// Parses and runs shell text. A syntax error is printed (status 2)
    /// after the complete lines before it ran.
    pub fn run_str(&mut self, sys: &mut dyn System, src: &str, out: &mut Output) -> RunOutcome {
        let mut stdin = Stdin::tty();
        self.run_str_with(sys, src, &mut stdin, out)
    }

    pub(crate) fn run_str_with(&mut self, sys: &mut dyn System, src: &str, stdin: &mut Stdin, out: &mut Output) -> RunOutcome {
        let full = parse_full(src, 0);
        if let Some((line, delim)) = &full.heredoc_eof {
            if self.flavor == Flavor::Bash {
                out.err(format!("{}: warning: here-document at line {line} delimited by end-of-file (wanted `{delim}')\n", self.name));
            }
        }
        let outcome = self.run_with_stdin(sys, &full.parsed.script, stdin, out);
        if outcome.exited {
            return outcome;
        }
        if let Some(e) = &full.err {
            out.err(format!("{}{}\n", err_prefix(self), syntax_text(self, e)));
            self.last_status = 2;
            return RunOutcome { status: 2, exited: false };
        }
        outcome
    }

    /// The shell ends with `status`: runs its EXIT trap, if any, and
    /// returns the shell's final status (the trap's `exit N` wins).
    pub fn run_exit_trap(&mut self, sys: &mut dyn System, status: i32, out: &mut Output) -> i32 {
        let Some(action) = self.state.traps.shift_remove("EXIT") else { return status };
        if action.is_empty() {
            return status;
        }
        self.last_status = status;
        self.exited = None;
        let r = self.run_str(sys, &action, out);
        if r.exited {
            r.status
        } else {
            status
        }
    }

    /// How many shells and programs this one runs under (0: the session's).
    pub fn exec_depth(&self) -> usize {
        self.state.depth
    }

    /// The action of a trap set on `sig` ("TERM"), if any.
    pub fn trap_action(&self, sig: &str) -> Option<&str> {
        self.state.traps.get(sig).map(String::as_str)
    }

    /// The action of a trap set on signal number `num` (15: TERM), if any
    /// ("" when the signal is ignored with `trap '' SIG`).
    pub fn signal_trap(&self, num: u32) -> Option<&str> {
        let name = crate::builtins::signal_name(num).filter(|_| num != 0)?;
        self.trap_action(name)
    }

    /// Records a command line in the history (what `history` lists).
    pub fn add_history(&mut self, line: &str) {
        let l = line.trim_end_matches('\n');
        if l.trim().is_empty() {
            return;
        }
        self.history.push(l.to_string());
    }
}

pub(crate) fn syntax_text(sh: &Shell, e: &PErr) -> String {
    match sh.flavor {
        Flavor::Bash => e.bash_text(),
        Flavor::Ash => e.ash_text(),
    }
}

/// `bash: ` or `bash: line 3: ` (scripts).
pub(crate) fn err_prefix(sh: &Shell) -> String {
    if sh.state.lines_in_errors {
        format!("{}: line {}: ", sh.name, sh.state.lineno)
    } else {
        format!("{}: ", sh.name)
    }
}

pub(crate) fn shell_err(sh: &Shell, out: &mut Output, msg: &str) {
    out.err(format!("{}{msg}\n", err_prefix(sh)));
}

// ------------------------------------------------------------------ lists

pub(crate) fn exec_script(sh: &mut Shell, sys: &mut dyn System, s: &Script, stdin: &mut Stdin, out: &mut Output) -> i32 {
    let mut st = 0;
    for ao in &s.items {
        st = exec_andor(sh, sys, ao, stdin, out);
        if sh.state.flow == Flow::Normal && sys.interrupted() {
            sh.state.flow = Flow::Exit(130);
        }
        if sh.state.flow != Flow::Normal {
            break;
        }
    }
    st
}

fn exec_andor(sh: &mut Shell, sys: &mut dyn System, ao: &AndOr, stdin: &mut Stdin, out: &mut Output) -> i32 {
    let n = ao.rest.len();
    if n > 0 {
        sh.state.cond_depth += 1;
    }
    let mut st = exec_pipeline(sh, sys, &ao.first, stdin, out);
    let mut last_ran = n == 0;
    let mut negated = ao.first.negated;
    for (i, (conn, p)) in ao.rest.iter().enumerate() {
        if sh.state.flow != Flow::Normal {
            break;
        }
        let run = match conn {
            Connector::And => st == 0,
            Connector::Or => st != 0,
        };
        if !run {
            continue;
        }
        let is_last = i + 1 == n;
        if is_last {
            sh.state.cond_depth = sh.state.cond_depth.saturating_sub(1);
        }
        st = exec_pipeline(sh, sys, p, stdin, out);
        negated = p.negated;
        if is_last {
            sh.state.cond_depth += 1;
            last_ran = true;
        }
    }
    if n > 0 {
        sh.state.cond_depth = sh.state.cond_depth.saturating_sub(1);
    }
    if ao.background {
        sh.state.last_bg = Some(sh.state.pid + 100);
        sys.background_done();
    }
    sh.last_status = st;
    if st != 0 && last_ran && !negated && sh.state.errexit && sh.state.cond_depth == 0 && sh.state.flow == Flow::Normal {
        sh.state.flow = Flow::Exit(st);
    }
    st
}

fn exec_pipeline(sh: &mut Shell, sys: &mut dyn System, p: &Pipeline, stdin: &mut Stdin, out: &mut Output) -> i32 {
    if p.negated {
        sh.state.cond_depth += 1;
    }
    let n = p.commands.len();
    let mut st;
    if n == 1 {
        st = exec_command(sh, sys, &p.commands[0], stdin, out);
    } else {
        let mut input: Option<Stdin> = None;
        let mut statuses = Vec::with_capacity(n);
        st = 0;
        for (i, cmd) in p.commands.iter().enumerate() {
            let last = i + 1 == n;
            let mut sub = subshell(sh);
            let mut local_in = input.take();
            let sin: &mut Stdin = match &mut local_in {
                Some(s) => s,
                None => stdin,
            };
            if last {
                st = exec_command(&mut sub, sys, cmd, sin, out);
            } else {
                let mut cap = Output::new();
                sub.state.out_tty = false;
                st = exec_command(&mut sub, sys, cmd, sin, &mut cap);
                let mut bytes = Vec::new();
                for (stream, text) in cap.chunks {
                    match stream {
                        Stream::Out => bytes.extend_from_slice(text.as_bytes()),
                        Stream::Err => out.err(text),
                    }
                }
                input = Some(Stdin::bytes(bytes));
            }
            if let Flow::Exit(code) = sub.state.flow {
                st = code;
            }
            statuses.push(st);
            if sys.interrupted() {
                break;
            }
        }
        if sh.state.pipefail {
            st = statuses.iter().rev().find(|s| **s != 0).copied().unwrap_or(0);
        }
    }
    if p.negated {
        sh.state.cond_depth = sh.state.cond_depth.saturating_sub(1);
        st = (st == 0) as i32;
    }
    sh.last_status = st;
    st
}

/// A copy of the shell for a subshell (pipeline stage, `( … )`, `$( … )`).
pub(crate) fn subshell(sh: &Shell) -> Shell {
    let mut sub = sh.clone();
    sub.state.flow = Flow::Normal;
    sub
}

fn too_deep(sh: &Shell, out: &mut Output) -> bool {
    if sh.state.depth >= MAX_EXEC_DEPTH || sh.state.frames >= MAX_FRAMES {
        shell_err(sh, out, "maximum nesting level exceeded");
        return true;
    }
    false
}

pub(crate) fn exec_command(sh: &mut Shell, sys: &mut dyn System, c: &Command, stdin: &mut Stdin, out: &mut Output) -> i32 {
    if too_deep(sh, out) {
        return 2;
    }
    sh.state.frames += 1;
    let st = match c {
        Command::Simple(s) => exec_simple(sh, sys, s, stdin, out),
        Command::Compound(comp, redirs) => with_redirects(sh, sys, redirs, stdin, out, &mut |sh, sys, stdin, out| exec_compound(sh, sys, comp, stdin, out)),
        Command::FunctionDef { name, body } => {
            sh.state.functions.insert(name.clone(), Arc::new((**body).clone()));
            0
        }
    };
    sh.state.frames -= 1;
    st
}

fn loop_flow(sh: &mut Shell) -> bool {
    // true: leave the loop
    match sh.state.flow {
        Flow::Break(n) => {
            sh.state.flow = if n > 1 { Flow::Break(n - 1) } else { Flow::Normal };
            true
        }
        Flow::Continue(n) => {
            if n > 1 {
                sh.state.flow = Flow::Continue(n - 1);
                true
            } else {
                sh.state.flow = Flow::Normal;
                false
            }
        }
        Flow::Normal => false,
        _ => true,
    }
}

fn loop_limit(sh: &Shell, out: &mut Output, iterations: u64) -> bool {
    if iterations >= sh.state.max_loop_iterations {
        shell_err(sh, out, &format!("loop stopped after {} iterations", sh.state.max_loop_iterations));
        return true;
    }
    false
}

fn exec_compound(sh: &mut Shell, sys: &mut dyn System, c: &Compound, stdin: &mut Stdin, out: &mut Output) -> i32 {
    // Each kind runs in its own function so that only its locals sit on the
    // stack at each level of nesting.
    match c {
        Compound::Group(s) => exec_script(sh, sys, s, stdin, out),
        Compound::Subshell(s) => exec_subshell(sh, sys, s, stdin, out),
        Compound::If { branches, else_body } => exec_if(sh, sys, branches, else_body.as_ref(), stdin, out),
        Compound::While { cond, body, until } => exec_while(sh, sys, cond, body, *until, stdin, out),
        Compound::For { var, words, body } => exec_for(sh, sys, var, words.as_deref(), body, stdin, out),
        Compound::ArithFor { init, cond, step, body } => exec_arith_for(sh, sys, [init, cond, step], body, stdin, out),
        Compound::Case { word, arms } => exec_case(sh, sys, word, arms, stdin, out),
        Compound::Cond(toks) => builtins::cond_command(sh, sys, out, toks),
        Compound::Arith(w) => match arith_word(sh, sys, out, w) {
            Ok(v) => (v == 0) as i32,
            Err(st) => st,
        },
    }
}

#[inline(never)]
fn exec_subshell(sh: &mut Shell, sys: &mut dyn System, s: &Script, stdin: &mut Stdin, out: &mut Output) -> i32 {
    let mut sub = subshell(sh);
    sub.state.depth += 1;
    let st = exec_script(&mut sub, sys, s, stdin, out);
    match sub.state.flow {
        Flow::Exit(n) => n,
        _ => st,
    }
}

#[inline(never)]
fn exec_if(sh: &mut Shell, sys: &mut dyn System, branches: &[(Script, Script)], else_body: Option<&Script>, stdin: &mut Stdin, out: &mut Output) -> i32 {
    for (cond, body) in branches {
        sh.state.cond_depth += 1;
        let c = exec_script(sh, sys, cond, stdin, out);
        sh.state.cond_depth -= 1;
        if sh.state.flow != Flow::Normal {
            return c;
        }
        if c == 0 {
            return exec_script(sh, sys, body, stdin, out);
        }
    }
    match else_body {
        Some(b) => exec_script(sh, sys, b, stdin, out),
        None => 0,
    }
}

#[inline(never)]
fn exec_while(sh: &mut Shell, sys: &mut dyn System, cond: &Script, body: &Script, until: bool, stdin: &mut Stdin, out: &mut Output) -> i32 {
    let mut st = 0;
    let mut iterations = 0u64;
    sh.state.loop_depth += 1;
    loop {
        if loop_limit(sh, out, iterations) {
            st = 130;
            break;
        }
        iterations += 1;
        sh.state.cond_depth += 1;
        let c = exec_script(sh, sys, cond, stdin, out);
        sh.state.cond_depth -= 1;
        if sh.state.flow != Flow::Normal {
            if loop_flow(sh) {
                break;
            }
            continue;
        }
        if (c == 0) == until {
            break;
        }
        st = exec_script(sh, sys, body, stdin, out);
        if loop_flow(sh) {
            break;
        }
    }
    sh.state.loop_depth -= 1;
    st
}

#[inline(never)]
fn exec_for(sh: &mut Shell, sys: &mut dyn System, var: &str, words: Option<&[Word]>, body: &Script, stdin: &mut Stdin, out: &mut Output) -> i32 {
    let items = match words {
        Some(ws) => match expand::words(sh, sys, out, ws) {
            Ok(v) => v,
            Err(m) => {
                shell_err(sh, out, &m);
                return 1;
            }
        },
        None => sh.state.positional.clone(),
    };
    let mut st = 0;
    sh.state.loop_depth += 1;
    for (i, it) in items.iter().enumerate() {
        if loop_limit(sh, out, i as u64) {
            st = 130;
            break;
        }
        sh.set_var(var, it);
        st = exec_script(sh, sys, body, stdin, out);
        if loop_flow(sh) {
            break;
        }
    }
    sh.state.loop_depth -= 1;
    st
}

#[inline(never)]
fn exec_arith_for(sh: &mut Shell, sys: &mut dyn System, [init, cond, step]: [&Word; 3], body: &Script, stdin: &mut Stdin, out: &mut Output) -> i32 {
    if let Err(st) = arith_word(sh, sys, out, init) {
        return st;
    }
    let mut st = 0;
    let mut iterations = 0u64;
    sh.state.loop_depth += 1;
    loop {
        if loop_limit(sh, out, iterations) {
            st = 130;
            break;
        }
        iterations += 1;
        let go = if cond.parts.is_empty() {
            true
        } else {
            match arith_word(sh, sys, out, cond) {
                Ok(v) => v != 0,
                Err(e) => {
                    st = e;
                    break;
                }
            }
        };
        if !go {
            break;
        }
        st = exec_script(sh, sys, body, stdin, out);
        if loop_flow(sh) {
            break;
        }
        if let Err(e) = arith_word(sh, sys, out, step) {
            st = e;
            break;
        }
    }
    sh.state.loop_depth -= 1;
    st
}

#[inline(never)]
fn exec_case(sh: &mut Shell, sys: &mut dyn System, word: &Word, arms: &[CaseArm], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let w = match expand::string(sh, sys, out, word) {
        Ok(w) => w,
        Err(m) => {
            shell_err(sh, out, &m);
            return 1;
        }
    };
    let mut st = 0;
    let mut fall = false;
    for arm in arms {
        let mut hit = fall;
        if !hit {
            for p in &arm.patterns {
                match expand::pattern(sh, sys, out, p) {
                    Ok(pat) => {
                        if glob::matches(&pat, &w) {
                            hit = true;
                            break;
                        }
                    }
                    Err(m) => {
                        shell_err(sh, out, &m);
                        return 1;
                    }
                }
            }
        }
        if hit {
            st = exec_script(sh, sys, &arm.body, stdin, out);
            if sh.state.flow != Flow::Normal {
                return st;
            }
            match arm.term {
                CaseTerm::Break => return st,
                CaseTerm::FallThrough => fall = true,
                CaseTerm::Continue => fall = false,
            }
        }
    }
    st
}

fn arith_word(sh: &mut Shell, sys: &mut dyn System, out: &mut Output, w: &Word) -> Result<i64, i32> {
    let s = match expand::string(sh, sys, out, w) {
        Ok(s) => s,
        Err(m) => {
            shell_err(sh, out, &m);
            return Err(1);
        }
    };
    crate::arith::eval(sh, &s).map_err(|m| {
        shell_err(sh, out, &m);
        1
    })
}

// ------------------------------------------------------------------ simple

type Prepared = (Vec<String>, Vec<(String, String)>);

/// Expands the words and assignment values of a simple command (after
/// alias substitution).
#[inline(never)]
fn prepare_simple(sh: &mut Shell, sys: &mut dyn System, c: &SimpleCommand, out: &mut Output) -> Result<Prepared, i32> {
    sh.state.lineno = c.line;
    sh.state.subst_status = None;
    let aliased;
    let mut words: &[Word] = &c.words;
    if let Some(first) = c.words.first().and_then(Word::as_literal) {
        if let Some(value) = sh.state.aliases.get(first) {
            let p = crate::parse(value);
            if let Some(AndOr { first: Pipeline { commands, .. }, .. }) = p.script.items.first() {
                if let Some(Command::Simple(s)) = commands.first() {
                    let mut ws = s.words.clone();
                    ws.extend(c.words.iter().skip(1).cloned());
                    aliased = ws;
                    words = &aliased;
                }
            }
        }
    }
    let argv = match expand::words(sh, sys, out, words) {
        Ok(v) => v,
        Err(m) => {
            shell_err(sh, out, &m);
            return Err(1);
        }
    };
    let mut assigns = Vec::with_capacity(c.assigns.len());
    for a in &c.assigns {
        let v = match expand::string(sh, sys, out, &a.value) {
            Ok(v) => v,
            Err(m) => {
                shell_err(sh, out, &m);
                return Err(1);
            }
        };
        let v = if a.append { format!("{}{}", sh.var(&a.name).unwrap_or(""), v) } else { v };
        assigns.push((a.name.clone(), v));
    }
    Ok((argv, assigns))
}

fn exec_simple(sh: &mut Shell, sys: &mut dyn System, c: &SimpleCommand, stdin: &mut Stdin, out: &mut Output) -> i32 {
    let (argv, assigns) = match prepare_simple(sh, sys, c, out) {
        Ok(p) => p,
        Err(st) => return st,
    };
    if argv.is_empty() {
        if sh.state.xtrace && !assigns.is_empty() {
            let t: Vec<String> = assigns.iter().map(|(k, v)| format!("{k}={}", quote(v))).collect();
            out.err(format!("+ {}\n", t.join(" ")));
        }
        for (k, v) in assigns {
            sh.set_var(&k, &v);
        }
        let st = sh.state.subst_status.unwrap_or(0);
        return with_redirects(sh, sys, &c.redirects, stdin, out, &mut |_, _, _, _| st);
    }
    if sh.state.xtrace {
        let mut t: Vec<String> = assigns.iter().map(|(k, v)| format!("{k}={}", quote(v))).collect();
        t.extend(argv.iter().map(|a| quote(a)));
        out.err(format!("+ {}\n", t.join(" ")));
    }
    let mut saved = Vec::with_capacity(assigns.len());
    for (k, v) in &assigns {
        saved.push((k.clone(), sh.vars.get(k).cloned(), sh.exported.contains(k)));
        sh.export(k, v);
    }
    let st = with_redirects(sh, sys, &c.redirects, stdin, out, &mut |sh, sys, stdin, out| run_argv(sh, sys, &argv, stdin, out));
    for (k, old, was_exported) in saved.into_iter().rev() {
        match old {
            Some(v) => {
                sh.vars.insert(k.clone(), v);
            }
            None => {
                sh.vars.shift_remove(&k);
            }
        }
        if !was_exported {
            sh.exported.shift_remove(&k);
        }
    }
    st
}

/// Quotes a word for `set -x` / `export -p` style output.
pub(crate) fn quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c)) {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// Runs an expanded command line: function, builtin, utility or program.
pub(crate) fn run_argv(sh: &mut Shell, sys: &mut dyn System, argv: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let Some(name) = argv.first() else { return 0 };
    if let Some(f) = sh.state.functions.get(name).cloned() {
        return call_function(sh, sys, &f, argv, stdin, out);
    }
    run_argv_nofunc(sh, sys, argv, stdin, out)
}

pub(crate) fn run_argv_nofunc(sh: &mut Shell, sys: &mut dyn System, argv: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    if argv.is_empty() {
        return 0;
    }
    if let Some(st) = builtins::run(sh, sys, argv, stdin, out) {
        return st;
    }
    exec_external(sh, sys, argv, stdin, out)
}

fn call_function(sh: &mut Shell, sys: &mut dyn System, body: &Command, argv: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    if sh.state.depth + 1 >= MAX_EXEC_DEPTH || sh.state.frames + 1 >= MAX_FRAMES {
        shell_err(sh, out, &format!("{}: maximum function nesting level exceeded ({})", argv[0], MAX_EXEC_DEPTH));
        return 2;
    }
    let saved_pos = std::mem::replace(&mut sh.state.positional, argv[1..].to_vec());
    sh.state.depth += 1;
    sh.state.func_depth += 1;
    sh.state.locals.push(Vec::new());
    let mut st = exec_command(sh, sys, body, stdin, out);
    if let Flow::Return(n) = sh.state.flow {
        sh.state.flow = Flow::Normal;
        st = n;
    }
    if let Some(frame) = sh.state.locals.pop() {
        for (k, old, was_exported) in frame.into_iter().rev() {
            match old {
                Some(v) => {
                    sh.vars.insert(k.clone(), v);
                }
                None => {
                    sh.vars.shift_remove(&k);
                }
            }
            if !was_exported {
                sh.exported.shift_remove(&k);
            }
        }
    }
    sh.state.func_depth -= 1;
    sh.state.depth -= 1;
    sh.state.positional = saved_pos;
    st
}

/// `$( … )`: runs the script in a subshell and returns its output without
/// trailing newlines.
pub(crate) fn command_subst(sh: &mut Shell, sys: &mut dyn System, script: &Script, out: &mut Output) -> Result<String, String> {
    if sh.state.depth + 1 >= MAX_EXEC_DEPTH {
        return Err("maximum nesting level exceeded".into());
    }
    let mut sub = subshell(sh);
    sub.state.depth += 1;
    sub.state.out_tty = false;
    let mut cap = Output::new();
    let mut stdin = Stdin::empty();
    let mut st = exec_script(&mut sub, sys, script, &mut stdin, &mut cap);
    if let Flow::Exit(n) = sub.state.flow {
        st = n;
    }
    sh.state.subst_status = Some(st);
    sh.last_status = st;
    let mut text = String::new();
    for (stream, t) in cap.chunks {
        match stream {
            Stream::Out => text.push_str(&t),
            Stream::Err => out.err(t),
        }
    }
    let trimmed = text.trim_end_matches('\n').len();
    text.truncate(trimmed);
    Ok(text)
}

// ------------------------------------------------------------------ redirections

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Out,
    Err,
    Null,
    File(usize),
}

struct FileBuf {
    path: String,
    data: Vec<u8>,
}

type Body<'a> = dyn FnMut(&mut Shell, &mut dyn System, &mut Stdin, &mut Output) -> i32 + 'a;

fn redirect_error(sh: &Shell, out: &mut Output, target: &str, e: &FsError, reading: bool) {
    match sh.flavor {
        Flavor::Bash => shell_err(sh, out, &format!("{target}: {e}")),
        Flavor::Ash => {
            let what = match (e, reading) {
                (FsError::NotFound, true) => "no such file".to_string(),
                (FsError::NotFound, false) => "nonexistent directory".to_string(),
                (e, _) => e.to_string(),
            };
            let verb = if reading { "open" } else { "create" };
            shell_err(sh, out, &format!("can't {verb} {target}: {what}"));
        }
    }
}

struct Plan {
    new_in: Option<Stdin>,
    fd1: Target,
    fd2: Target,
    files: Vec<FileBuf>,
}

fn with_redirects(sh: &mut Shell, sys: &mut dyn System, redirs: &[Redirect], stdin: &mut Stdin, out: &mut Output, f: &mut Body<'_>) -> i32 {
    if redirs.is_empty() {
        return f(sh, sys, stdin, out);
    }
    let Plan { mut new_in, fd1, fd2, files } = match setup_redirects(sh, sys, redirs, out) {
        Ok(p) => p,
        Err(st) => return st,
    };
    let sin: &mut Stdin = match &mut new_in {
        Some(s) => s,
        None => stdin,
    };
    if fd1 == Target::Out && fd2 == Target::Err {
        return f(sh, sys, sin, out);
    }
    let mut cap = Output::new();
    let saved_tty = sh.state.out_tty;
    if fd1 != Target::Out {
        sh.state.out_tty = false;
    }
    let st = f(sh, sys, sin, &mut cap);
    sh.state.out_tty = saved_tty;
    route(sh, sys, cap, fd1, fd2, files, out);
    st
}

/// Opens what the redirections name (truncating `>` files): the plan, or
/// the status after an error was printed.
#[inline(never)]
fn setup_redirects(sh: &mut Shell, sys: &mut dyn System, redirs: &[Redirect], out: &mut Output) -> Result<Plan, i32> {
    let mut fds: [Option<Target>; 10] = [None, Some(Target::Out), Some(Target::Err), None, None, None, None, None, None, None];
    let mut files: Vec<FileBuf> = Vec::new();
    let mut new_in: Option<Stdin> = None;
    for r in redirs {
        let default_fd = match r.op {
            RedirOp::In | RedirOp::DupIn | RedirOp::ReadWrite | RedirOp::HereDoc | RedirOp::HereString => 0,
            _ => 1,
        };
        let fd = r.fd.unwrap_or(default_fd) as usize;
        let target_text = match &r.target {
            RedirTarget::HereDoc(h) => {
                let body = if h.expand {
                    match expand::string(sh, sys, out, &h.body) {
                        Ok(s) => s,
                        Err(m) => {
                            shell_err(sh, out, &m);
                            return Err(1);
                        }
                    }
                } else {
                    h.body.unquoted_text()
                };
                if fd == 0 {
                    new_in = Some(Stdin::bytes(body.into_bytes()));
                }
                continue;
            }
            RedirTarget::Word(w) => {
                if r.op == RedirOp::HereString {
                    match expand::string(sh, sys, out, w) {
                        Ok(s) => {
                            if fd == 0 {
                                new_in = Some(Stdin::bytes(format!("{s}\n").into_bytes()));
                            }
                            continue;
                        }
                        Err(m) => {
                            shell_err(sh, out, &m);
                            return Err(1);
                        }
                    }
                }
                match expand::words(sh, sys, out, std::slice::from_ref(w)) {
                    Ok(v) if v.len() == 1 => v.into_iter().next().unwrap_or_default(),
                    Ok(_) => {
                        shell_err(sh, out, &format!("{}: ambiguous redirect", w.unquoted_text()));
                        return Err(1);
                    }
                    Err(m) => {
                        shell_err(sh, out, &m);
                        return Err(1);
                    }
                }
            }
        };
        match r.op {
            RedirOp::In | RedirOp::ReadWrite => {
                if fd != 0 {
                    continue;
                }
                match target_text.as_str() {
                    "/dev/null" | "/dev/zero" => new_in = Some(Stdin::empty()),
                    "/dev/stdin" | "/dev/tty" => {}
                    t => {
                        let path = normalize(&sh.cwd, t);
                        match fsutil::read(&*sys, &path) {
                            Ok(Content::Bytes(b)) => new_in = Some(Stdin::bytes(b.to_vec())),
                            Ok(Content::Opaque { .. }) => new_in = Some(Stdin::empty()),
                            Err(FsError::NotFound) if r.op == RedirOp::ReadWrite => {
                                if let Err(e) = fsutil::write_bytes(sys, &path, Vec::new()) {
                                    redirect_error(sh, out, t, &e, false);
                                    return Err(1);
                                }
                                new_in = Some(Stdin::empty());
                            }
                            Err(e) => {
                                redirect_error(sh, out, t, &e, true);
                                return Err(1);
                            }
                        }
                    }
                }
            }
            RedirOp::DupIn => {}
            RedirOp::Out | RedirOp::Clobber | RedirOp::Append | RedirOp::OutErr | RedirOp::AppendErr | RedirOp::DupOut => {
                let both = matches!(r.op, RedirOp::OutErr | RedirOp::AppendErr);
                let append = matches!(r.op, RedirOp::Append | RedirOp::AppendErr);
                let set = |fds: &mut [Option<Target>; 10], t: Target| {
                    if both {
                        fds[1] = Some(t);
                        fds[2] = Some(t);
                    } else if fd < 10 {
                        fds[fd] = Some(t);
                    }
                };
                if r.op == RedirOp::DupOut {
                    if target_text == "-" {
                        set(&mut fds, Target::Null);
                        continue;
                    }
                    if let Ok(n) = target_text.parse::<usize>() {
                        match fds.get(n).copied().flatten() {
                            Some(t) => set(&mut fds, t),
                            None => {
                                shell_err(sh, out, &format!("{n}: Bad file descriptor"));
                                return Err(1);
                            }
                        }
                        continue;
                    }
                    if fd != 1 {
                        shell_err(sh, out, &format!("{target_text}: ambiguous redirect"));
                        return Err(1);
                    }
                }
                let both = both || r.op == RedirOp::DupOut;
                let set = |fds: &mut [Option<Target>; 10], t: Target| {
                    if both {
                        fds[1] = Some(t);
                        fds[2] = Some(t);
                    } else if fd < 10 {
                        fds[fd] = Some(t);
                    }
                };
                match target_text.as_str() {
                    "/dev/null" => set(&mut fds, Target::Null),
                    "/dev/stdout" | "/dev/fd/1" => {
                        let t = fds[1].unwrap_or(Target::Out);
                        set(&mut fds, t)
                    }
                    "/dev/stderr" | "/dev/fd/2" => {
                        let t = fds[2].unwrap_or(Target::Err);
                        set(&mut fds, t)
                    }
                    "/dev/tty" | "/dev/console" => set(&mut fds, Target::Out),
                    t => {
                        let path = fsutil::resolve(&*sys, &normalize(&sh.cwd, t), true);
                        if fsutil::is_dir(&*sys, &path) {
                            redirect_error(sh, out, t, &FsError::IsADirectory, false);
                            return Err(1);
                        }
                        let res = if append && sys.exists(&path) { Ok(()) } else { fsutil::write_bytes(sys, &path, Vec::new()) };
                        if let Err(e) = res {
                            redirect_error(sh, out, t, &e, false);
                            return Err(1);
                        }
                        let idx = match files.iter().position(|f| f.path == path) {
                            Some(i) => i,
                            None => {
                                files.push(FileBuf { path, data: Vec::new() });
                                files.len() - 1
                            }
                        };
                        set(&mut fds, Target::File(idx));
                    }
                }
            }
            RedirOp::HereDoc | RedirOp::HereString => {}
        }
    }
    let fd1 = fds[1].unwrap_or(Target::Null);
    let fd2 = fds[2].unwrap_or(Target::Null);
    Ok(Plan { new_in, fd1, fd2, files })
}

/// Sends captured output where the redirections say.
#[inline(never)]
fn route(sh: &Shell, sys: &mut dyn System, cap: Output, fd1: Target, fd2: Target, mut files: Vec<FileBuf>, out: &mut Output) {
    for (stream, text) in cap.chunks {
        let t = if stream == Stream::Out { fd1 } else { fd2 };
        match t {
            Target::Out => out.out(text),
            Target::Err => out.err(text),
            Target::Null => {}
            Target::File(i) => {
                if let Some(fb) = files.get_mut(i) {
                    fb.data.extend_from_slice(text.as_bytes());
                }
            }
        }
    }
    for fb in files {
        if fb.data.is_empty() {
            continue;
        }
        if let Err(e) = fsutil::append_bytes(sys, &fb.path, &fb.data) {
            redirect_error(sh, out, &fb.path, &e, false);
        }
    }
}

// ------------------------------------------------------------------ programs

/// Finds a command on `$PATH` (or checks a path containing `/`): the
/// absolute path of an executable file.
pub fn lookup_path<S: System + ?Sized>(sys: &S, shell: &Shell, name: &str) -> Option<String> {
    if name.is_empty() {
        return None;
    }
    if name.contains('/') {
        let p = normalize(&shell.cwd, name);
        return if is_executable(sys, &p) { Some(p) } else { None };
    }
    let path = shell.var("PATH").unwrap_or(DEFAULT_PATH);
    for dir in path.split(':') {
        let dir = if dir.is_empty() { "." } else { dir };
        let p = normalize(&shell.cwd, &format!("{dir}/{name}"));
        if is_executable(sys, &p) {
            return Some(p);
        }
    }
    None
}

fn is_executable<S: Fs + ?Sized>(sys: &S, path: &str) -> bool {
    match fsutil::stat(sys, path) {
        Ok(Stat::File { content: Content::Opaque { .. }, .. }) => true,
        Ok(Stat::File { meta, .. }) => meta.mode & 0o111 != 0,
        _ => false,
    }
}

fn is_shell_name(base: &str) -> bool {
    matches!(base, "sh" | "bash" | "ash" | "dash")
}

fn util_kind(kind: &str) -> bool {
    matches!(kind, "busybox" | "coreutils" | "util" | "utils" | "builtin")
}

fn shell_kind(kind: &str) -> bool {
    util_kind(kind) || matches!(kind, "bash" | "dash" | "sh" | "ash" | "shell")
}

fn not_found(sh: &Shell, out: &mut Output, name: &str) -> i32 {
    match sh.flavor {
        Flavor::Bash => shell_err(sh, out, &format!("{name}: command not found")),
        Flavor::Ash => shell_err(sh, out, &format!("{name}: not found")),
    }
    127
}

#[inline(never)]
fn exec_external(sh: &mut Shell, sys: &mut dyn System, argv: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
    let name = argv[0].as_str();
    if name.is_empty() {
        return not_found(sh, out, name);
    }
    if name.contains('/') {
        let abs = normalize(&sh.cwd, name);
        return exec_path(sh, sys, argv, &abs, stdin, out, true);
    }
    if let Some(path) = lookup_path(&*sys, sh, name) {
        return exec_path(sh, sys, argv, &path, stdin, out, false);
    }
    if utils::is_utility(name) && sys.has_utility(sh, name) {
        return utils::run_stdin(name, sh, sys, &argv[1..], stdin, out);
    }
    if is_shell_name(name) && sys.has_utility(sh, name) {
        if let Some(st) = run_shell_program(sh, sys, argv, stdin, out) {
            return st;
        }
    }
    let env = sh.env();
    let cwd = sh.cwd.clone();
    let inv = Invocation { argv, path: None, kind: None, env: &env, cwd: &cwd, stdin: stdin.rest() };
    match sys.run_program(sh, &inv, out) {
        Some(st) => st,
        None => not_found(sh, out, name),
    }
}

#[inline(never)]
fn exec_path(sh: &mut Shell, sys: &mut dyn System, argv: &[String], abs: &str, stdin: &mut Stdin, out: &mut Output, explicit: bool) -> i32 {
    let name = argv[0].as_str();
    let base = basename(abs).to_string();
    match fsutil::stat(&*sys, abs) {
        Err(_) | Ok(Stat::Symlink { .. }) => {
            if explicit {
                match sh.flavor {
                    Flavor::Bash => shell_err(sh, out, &format!("{name}: No such file or directory")),
                    Flavor::Ash => shell_err(sh, out, &format!("{name}: not found")),
                }
                127
            } else {
                not_found(sh, out, name)
            }
        }
        Ok(Stat::Dir { .. }) => {
            match sh.flavor {
                Flavor::Bash => shell_err(sh, out, &format!("{name}: Is a directory")),
                Flavor::Ash => shell_err(sh, out, &format!("{name}: Permission denied")),
            }
            126
        }
        Ok(Stat::File { content: Content::Opaque { kind, .. }, .. }) => {
            let kind = kind.to_string();
            if is_shell_name(&base) && shell_kind(&kind) {
                if let Some(st) = run_shell_program(sh, sys, argv, stdin, out) {
                    return st;
                }
            }
            if base == "busybox" && util_kind(&kind) && argv.len() > 1 && (utils::is_utility(&argv[1]) || is_shell_name(&argv[1])) {
                if is_shell_name(&argv[1]) {
                    if let Some(st) = run_shell_program(sh, sys, &argv[1..], stdin, out) {
                        return st;
                    }
                } else {
                    return utils::run_stdin(&argv[1], sh, sys, &argv[2..], stdin, out);
                }
            }
            if util_kind(&kind) && utils::is_utility(&base) {
                return utils::run_stdin(&base, sh, sys, &argv[1..], stdin, out);
            }
            let env = sh.env();
            let cwd = sh.cwd.clone();
            let inv = Invocation { argv, path: Some(abs), kind: Some(&kind), env: &env, cwd: &cwd, stdin: stdin.rest() };
            match sys.run_program(sh, &inv, out) {
                Some(st) => st,
                None => {
                    if utils::is_utility(&base) {
                        return utils::run_stdin(&base, sh, sys, &argv[1..], stdin, out);
                    }
                    shell_err(sh, out, &format!("{name}: cannot execute binary file: Exec format error"));
                    126
                }
            }
        }
        Ok(Stat::File { content: Content::Bytes(bytes), meta, .. }) => {
            if meta.mode & 0o111 == 0 {
                shell_err(sh, out, &format!("{name}: Permission denied"));
                return 126;
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if let Some(rest) = text.strip_prefix("#!") {
                let line = rest.lines().next().unwrap_or("").trim();
                let mut parts = line.split_whitespace();
                let interp = parts.next().unwrap_or("/bin/sh").to_string();
                let mut iargs: Vec<String> = parts.map(str::to_string).collect();
                let mut prog = basename(&interp).to_string();
                if prog == "env" && !iargs.is_empty() {
                    prog = iargs.remove(0);
                }
                if is_shell_name(&prog) {
                    let flavor = if prog == "bash" { Flavor::Bash } else { Flavor::Ash };
                    return run_script_text(sh, sys, flavor, name, &text, argv[1..].to_vec(), stdin, out);
                }
                let mut nargv = vec![if basename(&interp) == "env" { prog } else { interp }];
                nargv.extend(iargs);
                nargv.push(name.to_string());
                nargv.extend(argv[1..].iter().cloned());
                return run_argv(sh, sys, &nargv, stdin, out);
            }
            run_script_text(sh, sys, sh.flavor, name, &text, argv[1..].to_vec(), stdin, out)
        }
    }
}

/// Runs a shell script file's text in a child shell.
#[allow(clippy::too_many_arguments)]
fn run_script_text(sh: &mut Shell, sys: &mut dyn System, flavor: Flavor, name: &str, text: &str, args: Vec<String>, stdin: &mut Stdin, out: &mut Output) -> i32 {
    let mut child = child_shell(sh, flavor, name);
    child.state.arg0 = Some(name.to_string());
    child.state.positional = args;
    child.state.lines_in_errors = true;
    run_child(sh, &mut child, sys, text, stdin, out)
}

fn child_shell(sh: &Shell, flavor: Flavor, name: &str) -> Shell {
    let mut child = Shell::new(flavor, &sh.env(), &sh.cwd);
    child.name = name.to_string();
    child.state.depth = sh.state.depth + 1;
    child.state.frames = sh.state.frames;
    child.state.interactive = false;
    child.state.pid = sh.state.pid + 1;
    child.state.out_tty = sh.state.out_tty;
    child.state.stdout_tty = sh.state.out_tty;
    child.state.max_loop_iterations = sh.state.max_loop_iterations;
    child
}

fn run_child(sh: &Shell, child: &mut Shell, sys: &mut dyn System, text: &str, stdin: &mut Stdin, out: &mut Output) -> i32 {
    if sh.state.depth + 2 >= MAX_EXEC_DEPTH {
        shell_err(sh, out, "maximum nesting level exceeded");
        return 2;
    }
    let saved_tty = child.state.stdout_tty;
    child.state.stdout_tty = sh.state.out_tty;
    let r = child.run_str_with(sys, text, stdin, out);
    sys.shell_ending(child);
    let status = child.run_exit_trap(sys, r.status, out);
    child.state.stdout_tty = saved_tty;
    status
}

/// `sh -c '…'`, `sh script.sh args`, `… | sh`. None for an interactive shell
/// (no script): the system decides what that means.
#[inline(never)]
pub(crate) fn run_shell_program(sh: &mut Shell, sys: &mut dyn System, argv: &[String], stdin: &mut Stdin, out: &mut Output) -> Option<i32> {
    let prog = basename(&argv[0]).to_string();
    let flavor = if prog == "bash" { Flavor::Bash } else { Flavor::Ash };
    let mut i = 1;
    let mut command: Option<String> = None;
    let mut want_c = false;
    let (mut errexit, mut xtrace, mut nounset) = (false, false, false);
    while i < argv.len() {
        let a = argv[i].as_str();
        if a == "--" {
            i += 1;
            break;
        }
        if a == "-o" || a == "+o" {
            if argv.get(i + 1).map(String::as_str) == Some("pipefail") {
                // applied below through the script itself
            }
            i += 2;
            continue;
        }
        if (a.starts_with('-') || a.starts_with('+')) && a.len() > 1 && !a.starts_with("--") {
            for ch in a[1..].chars() {
                match ch {
                    'c' => want_c = true,
                    'e' => errexit = true,
                    'x' => xtrace = true,
                    'u' => nounset = true,
                    _ => {}
                }
            }
            i += 1;
            continue;
        }
        if a.starts_with("--") {
            i += 1;
            continue;
        }
        break;
    }
    if want_c {
        let Some(c) = argv.get(i) else {
            shell_err(sh, out, "-c: option requires an argument");
            return Some(2);
        };
        command = Some(c.clone());
        i += 1;
    }
    let mut child = child_shell(sh, flavor, &prog);
    child.state.errexit = errexit;
    child.state.xtrace = xtrace;
    child.state.nounset = nounset;
    if let Some(cmd) = command {
        child.state.arg0 = Some(argv.get(i).cloned().unwrap_or_else(|| prog.clone()));
        child.state.positional = argv.get(i + 1..).map(<[String]>::to_vec).unwrap_or_default();
        child.state.lines_in_errors = flavor == Flavor::Bash;
        return Some(run_child(sh, &mut child, sys, &cmd, stdin, out));
    }
    if let Some(script) = argv.get(i) {
        let path = normalize(&sh.cwd, script);
        let text = match fsutil::read_bytes(&*sys, &path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                match flavor {
                    Flavor::Bash => out.err(format!("{prog}: {script}: {e}\n")),
                    Flavor::Ash => out.err(format!("{prog}: can't open '{script}': {e}\n")),
                }
                return Some(if flavor == Flavor::Bash { 127 } else { 2 });
            }
        };
        child.name = script.clone();
        child.state.arg0 = Some(script.clone());
        child.state.positional = argv[i + 1..].to_vec();
        child.state.lines_in_errors = true;
        return Some(run_child(sh, &mut child, sys, &text, stdin, out));
    }
    match stdin.rest() {
        Some(b) => {
            let text = String::from_utf8_lossy(b).into_owned();
            stdin.consume_all();
            let mut empty = Stdin::empty();
            Some(run_child(sh, &mut child, sys, &text, &mut empty, out))
        }
        None => None,
    }
}

/// `source file`: runs a file's text in the current shell.
pub(crate) fn source_text(sh: &mut Shell, sys: &mut dyn System, text: &str, args: Option<Vec<String>>, stdin: &mut Stdin, out: &mut Output) -> i32 {
    if sh.state.depth + 2 >= MAX_EXEC_DEPTH {
        shell_err(sh, out, "maximum nesting level exceeded");
        return 2;
    }
    let full = parse_full(text, 0);
    let saved = args.map(|a| std::mem::replace(&mut sh.state.positional, a));
    sh.state.depth += 1;
    sh.state.func_depth += 1;
    let mut st = exec_script(sh, sys, &full.parsed.script, stdin, out);
    sh.state.func_depth -= 1;
    sh.state.depth -= 1;
    if let Flow::Return(n) = sh.state.flow {
        sh.state.flow = Flow::Normal;
        st = n;
    }
    if let Some(p) = saved {
        sh.state.positional = p;
    }
    if sh.state.flow == Flow::Normal {
        if let Some(e) = &full.err {
            out.err(format!("{}{}\n", err_prefix(sh), syntax_text(sh, e)));
            st = 2;
        }
    }
    st
}
