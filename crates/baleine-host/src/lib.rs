//! The simulated machine and its one host API.
//!
//! [`Host`] owns the daemon ([`baleine_engine::World`]), the learner's host
//! shell and whatever currently holds the terminal (an interactive shell in a
//! container, `logs -f`, a prompt). Every change goes through
//! [`Host::execute`]: the terminal, the editor, the timers and the lesson
//! checks all send [`HostCommand`]s; user interfaces read plain
//! [`view::WorldView`] snapshots.
//!
//! Architecture invariants: no real I/O (the native binary loads files and
//! passes them in); deterministic for a given [`HostConfig`].

mod hostsys;
mod seed;
pub mod view;
mod views;

use baleine_docker::{follow_interrupt, follow_tick, pending_line, pending_prompt, Follow, Pending};
use baleine_engine::World;
use baleine_shell::{Flavor, Output, Shell, Stream};
use baleine_vfs::{normalize, Content, Meta, Node};

pub use hostsys::HostSys;

/// How a fresh machine is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostConfig {
    /// Seed of every id and random name.
    pub seed: u64,
    /// Simulated wall-clock time at start (Unix seconds).
    pub epoch_secs: u64,
    /// Put the course's example projects in ~/exemples.
    pub examples: bool,
}

impl Default for HostConfig {
    fn default() -> HostConfig {
        HostConfig { seed: 1, epoch_secs: 1_795_564_800 + 8 * 3600, examples: true }
    }
}

/// Everything that can happen to the machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostCommand {
    /// One line typed in the terminal.
    Line(String),
    /// Ctrl+C.
    Interrupt,
    /// Simulated time passes.
    Tick { ms: u64 },
    WriteFile { path: String, text: String },
    RemoveFile { path: String },
    Mkdir { path: String },
    Rename { from: String, to: String },
}

/// What a command printed and the state after it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExecOutput {
    /// Terminal text (with ANSI colours).
    pub text: String,
    /// Exit status when a command line finished.
    pub status: Option<i32>,
    /// The terminal was cleared (`clear`, Ctrl+L).
    pub clear: bool,
    pub prompt: String,
    /// A following command still holds the terminal.
    pub busy: bool,
    pub revision: u64,
}

/// A diagnostic for the editor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub column: usize,
    /// "error" or "warning".
    pub severity: String,
    pub message: String,
    pub rule: Option<String>,
    pub explain_en: Option<String>,
    pub explain_fr: Option<String>,
}

/// The learner's machine.
pub struct Host {
    world: World,
    shell: Shell,
    pending: Option<Pending>,
    /// Lines of an unfinished command (open quote, heredoc, `\`).
    buffer: String,
    /// Simulated time of the last output of a following command.
    last_output_ms: u64,
    /// When the following command started.
    follow_start_ms: u64,
    revision: u64,
    home: String,
}

impl Clone for Host {
    /// A copy of the machine (what holds the terminal is not copied: the
    /// copy starts at the host prompt).
    fn clone(&self) -> Host {
        Host { world: self.world.clone(), shell: self.shell.clone(), pending: None, buffer: String::new(), last_output_ms: self.last_output_ms, follow_start_ms: self.follow_start_ms, revision: self.revision, home: self.home.clone() }
    }
}

pub const USER: &str = "learner";
pub const HOME: &str = "/home/learner";
pub const PROJECT: &str = "/home/learner/projet";

impl Host {
    pub fn new(cfg: HostConfig) -> Host {
        let mut world = World::new(cfg.seed, cfg.epoch_secs);
        seed::populate_host(&mut world, cfg.examples);
        let env: Vec<(String, String)> = vec![
            ("PATH".into(), "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into()),
            ("HOME".into(), HOME.into()),
            ("USER".into(), USER.into()),
            ("LOGNAME".into(), USER.into()),
            ("SHELL".into(), "/bin/bash".into()),
            ("TERM".into(), "xterm-256color".into()),
            ("LANG".into(), "fr_FR.UTF-8".into()),
            ("HOSTNAME".into(), "baleine".into()),
            ("PWD".into(), PROJECT.into()),
        ];
        let mut shell = Shell::new(Flavor::Bash, &env, PROJECT);
        shell.state.stdout_tty = true;
        shell.state.interactive = true;
        Host { world, shell, pending: None, buffer: String::new(), last_output_ms: 0, follow_start_ms: 0, revision: 0, home: HOME.into() }
    }

    /// Read access to the daemon (lesson checks, tests).
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The host shell (variables, working folder, `$?`).
    pub fn shell(&self) -> &Shell {
        &self.shell
    }

    pub fn busy(&self) -> bool {
        matches!(self.pending, Some(Pending::Follow(_)))
    }

    /// What the terminal shows before the cursor.
    pub fn prompt(&self) -> String {
        if let Some(p) = &self.pending {
            return pending_prompt(&self.world, p);
        }
        if !self.buffer.is_empty() {
            return "> ".into();
        }
        let cwd = &self.shell.cwd;
        let shown = if cwd == &self.home {
            "~".to_string()
        } else if let Some(rest) = cwd.strip_prefix(&format!("{}/", self.home)) {
            format!("~/{rest}")
        } else {
            cwd.clone()
        };
        format!("\x1b[1;32m{USER}@baleine\x1b[0m:\x1b[1;34m{shown}\x1b[0m$ ")
    }

    /// The one mutation path.
    pub fn execute(&mut self, cmd: HostCommand) -> ExecOutput {
        let mut out = Output::new();
        let mut status = None;
        let mut clear = false;
        match cmd {
            HostCommand::Line(line) => {
                let (s, c) = self.line(&line, &mut out);
                status = s;
                clear = c;
            }
            HostCommand::Interrupt => {
                if !self.buffer.is_empty() {
                    self.buffer.clear();
                    out.out("^C\n");
                    status = Some(130);
                } else {
                    match self.pending.take() {
                        Some(Pending::Follow(f)) => {
                            let code = follow_interrupt(&mut self.world, f, &mut out);
                            if !out.text().ends_with('\n') {
                                out.out("\n");
                            }
                            self.shell.last_status = code;
                            status = Some(code);
                        }
                        Some(other) => {
                            out.out("^C\n");
                            self.pending = Some(other);
                        }
                        None => {
                            out.out("^C\n");
                            self.shell.last_status = 130;
                        }
                    }
                }
            }
            HostCommand::Tick { ms } => {
                self.world.advance(ms);
                status = self.drive_follow(&mut out);
            }
            HostCommand::WriteFile { path, text } => {
                let p = self.abs(&path);
                if let Some(t) = self.world.forest.get_mut(self.world.host_tree) {
                    let _ = t.write(&p, Content::text(&text), Meta::file(), true);
                }
            }
            HostCommand::RemoveFile { path } => {
                let p = self.abs(&path);
                if let Some(t) = self.world.forest.get_mut(self.world.host_tree) {
                    let _ = t.remove(&p);
                }
            }
            HostCommand::Mkdir { path } => {
                let p = self.abs(&path);
                if let Some(t) = self.world.forest.get_mut(self.world.host_tree) {
                    let _ = t.mkdir(&p, true);
                }
            }
            HostCommand::Rename { from, to } => {
                let (f, t2) = (self.abs(&from), self.abs(&to));
                if let Some(t) = self.world.forest.get_mut(self.world.host_tree) {
                    if let Some(node) = t.get(&f) {
                        if t.put(&t2, node, true).is_ok() {
                            let _ = t.remove(&f);
                        }
                    }
                }
            }
        }
        self.world.touch();
        self.revision += 1;
        let text = out.text();
        if clear {
            return ExecOutput { text, status, clear, prompt: self.prompt(), busy: self.busy(), revision: self.revision };
        }
        ExecOutput { text, status, clear, prompt: self.prompt(), busy: self.busy(), revision: self.revision }
    }

    fn abs(&self, path: &str) -> String {
        if path.starts_with('/') {
            normalize("/", path)
        } else {
            normalize(PROJECT, path)
        }
    }

    /// One typed line.
    fn line(&mut self, line: &str, out: &mut Output) -> (Option<i32>, bool) {
        if let Some(mut p) = self.pending.take() {
            match p {
                Pending::Follow(_) => {
                    // Typing while a command follows output: ignored, as the
                    // real terminal would only echo it.
                    self.pending = Some(p);
                    return (None, false);
                }
                _ => {
                    let (o, done) = pending_line(&mut self.world, &mut p, line);
                    out.append(o);
                    match done {
                        Some(code) => {
                            self.shell.last_status = code;
                            self.settle_pending_output(out);
                            return (Some(code), false);
                        }
                        None => {
                            self.pending = Some(p);
                            return (None, false);
                        }
                    }
                }
            }
        }
        if self.buffer.is_empty() {
            self.buffer = line.to_string();
        } else {
            self.buffer.push('\n');
            self.buffer.push_str(line);
        }
        if self.buffer.len() > 4 * 1024 * 1024 {
            self.buffer.clear();
            out.err("bash: input too long (the simulator accepts at most 4 MB per command)\n");
            self.shell.last_status = 2;
            return (Some(2), false);
        }
        let parsed = baleine_shell::parse(&self.buffer);
        if parsed.incomplete {
            return (None, false);
        }
        let src = std::mem::take(&mut self.buffer);
        if !src.trim().is_empty() {
            self.shell.add_history(&src);
        }
        let status = self.run_source(&src, out);
        let cleared = out.text().contains("\x1b[H\x1b[2J");
        (Some(status), cleared)
    }

    /// Runs a complete command text in the host shell.
    fn run_source(&mut self, src: &str, out: &mut Output) -> i32 {
        let mut sys = HostSys::new(&mut self.world);
        // Only a line that is one command can leave it holding the
        // terminal; in `a; b`, `a && b`, a pipe or a loop, a following
        // command runs to its end before the next one starts.
        sys.may_hold_terminal = is_one_command(&baleine_shell::parse(src).script);
        let r = self.shell.run_str(&mut sys, src, out);
        let pending = sys.pending.take();
        drop(sys);
        if let Some(p) = pending {
            self.last_output_ms = self.world.now_ms;
            self.follow_start_ms = self.world.now_ms;
            self.pending = Some(p);
            self.settle_pending_output(out);
        }
        if r.exited {
            // `exit` in the host shell: a new login shell, as a terminal would reopen.
            self.shell.exited = None;
            out.out("logout\n");
        }
        r.status
    }

    fn settle_pending_output(&mut self, out: &mut Output) {
        if let Some(Pending::Follow(_)) = &self.pending {
            let _ = self.drive_follow(out);
        }
    }

    /// Lets a following command print; returns its status if it ended.
    fn drive_follow(&mut self, out: &mut Output) -> Option<i32> {
        let Some(Pending::Follow(mut f)) = self.pending.take() else {
            return None;
        };
        let mut o = Output::new();
        let done = follow_tick(&mut self.world, &mut f, &mut o);
        if !o.is_empty() {
            self.last_output_ms = self.world.now_ms;
        }
        out.append(o);
        match done {
            Some(code) => {
                self.shell.last_status = code;
                Some(code)
            }
            None => {
                self.pending = Some(Pending::Follow(f));
                None
            }
        }
    }

    /// Script mode: lets simulated time run while a command follows output,
    /// and sends Ctrl+C once the clock has run 10 s past its last output.
    pub fn settle(&mut self) -> String {
        let mut out = Output::new();
        let mut guard = 0;
        while let Some(cmd) = self.settle_next() {
            guard += 1;
            if guard > 100_000 {
                break;
            }
            let o = self.execute(cmd);
            out.push(Stream::Out, &o.text);
        }
        out.text()
    }

    /// The next command [`Host::settle`] would run (a clock tick, or Ctrl+C
    /// when the command has been quiet long enough), or None when no command
    /// follows output. Callers that journal their commands (the web app
    /// setting up a lesson) drive the same loop themselves.
    pub fn settle_next(&self) -> Option<HostCommand> {
        let Some(Pending::Follow(f)) = &self.pending else { return None };
        Some(match follow_step(&self.world, f, self.last_output_ms, self.follow_start_ms) {
            FollowStep::Tick(ms) => HostCommand::Tick { ms },
            FollowStep::Interrupt => HostCommand::Interrupt,
        })
    }

    /// Runs a whole script as `bash < FILE` would, each line fed to
    /// whatever holds the terminal; returns what the terminal shows.
    pub fn run_script(&mut self, text: &str) -> String {
        let mut all = String::new();
        for line in text.split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let o = self.execute(HostCommand::Line(line.to_string()));
            all.push_str(&o.text);
            all.push_str(&self.settle());
        }
        if !self.buffer.is_empty() {
            // The script ended inside an open quote or heredoc.
            let msg = match baleine_shell::parse(&self.buffer).error {
                Some(e) => e,
                None => "bash: syntax error: unexpected end of file".into(),
            };
            all.push_str(&msg);
            if !msg.ends_with('\n') {
                all.push('\n');
            }
            self.buffer.clear();
        }
        all
    }

    /// A host file's text (absolute, or relative to the project folder).
    pub fn read_file(&self, path: &str) -> Option<String> {
        match self.world.forest.tree(self.world.host_tree).get(&self.abs(path))? {
            Node::File(f) => match &f.content {
                Content::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
                Content::Opaque { .. } => Some(String::new()),
            },
            _ => None,
        }
    }

    /// Loads files into the host (the native binary's `--context DIR`):
    /// paths relative to the project folder.
    pub fn load_files(&mut self, files: &[(String, Vec<u8>)]) {
        let tree = self.world.host_tree;
        if let Some(t) = self.world.forest.get_mut(tree) {
            for (p, data) in files {
                let path = normalize(PROJECT, p);
                let _ = t.write(&path, Content::Bytes(std::sync::Arc::new(data.clone())), Meta::file(), true);
            }
        }
    }

    /// Plain snapshot for the user interfaces.
    pub fn view(&self) -> view::WorldView {
        views::world_view(&self.world, &self.shell.cwd, self.revision)
    }

    /// Can container `from` reach `to` (a name or an IP), and why not.
    pub fn reach(&self, from: &str, to: &str) -> view::ReachView {
        let (resolves, ip, connects, explanation) = self.world.explain_reach(from, to);
        view::ReachView { resolves, ip: ip.map(baleine_engine::model::ip_to_string), connects, explanation }
    }

    /// Diagnostics of a Dockerfile or compose file for the editor.
    pub fn diagnostics(&self, path: &str) -> Vec<Diagnostic> {
        views::diagnostics(self, path)
    }

    /// Tab completion candidates for the last word of `line`.
    pub fn complete(&self, line: &str) -> Vec<String> {
        views::complete(&self.world, &self.shell.cwd, line)
    }

    /// Runs a whole line to completion (lesson solutions, tests): the line,
    /// then the follow-up time as in script mode.
    pub fn run_line(&mut self, line: &str) -> String {
        let mut s = self.execute(HostCommand::Line(line.to_string())).text;
        s.push_str(&self.settle());
        s
    }

    /// Whether a following command holds the terminal (web: show a busy marker).
    pub fn following(&self) -> bool {
        matches!(self.pending, Some(Pending::Follow(Follow::Logs { .. } | Follow::Attach { .. } | Follow::Stats { .. } | Follow::Events { .. } | Follow::Compose(_))))
    }
}

/// What a following command (`logs -f`, an attached `run` or `up`) needs
/// next: a step of the clock, up to the next scheduled event, or Ctrl+C once
/// it has been quiet for 10 s or has run past its cap (10 s for `stats`,
/// 2 minutes for the rest: output that never stops).
pub(crate) enum FollowStep {
    Tick(u64),
    Interrupt,
}

pub(crate) fn follow_step(world: &World, follow: &Follow, last_output_ms: u64, start_ms: u64) -> FollowStep {
    let cap = if matches!(follow, Follow::Stats { .. }) { 10_000 } else { 120_000 };
    let deadline = (last_output_ms + 10_000).min(start_ms + cap);
    if world.now_ms >= deadline {
        return FollowStep::Interrupt;
    }
    let step = match world.next_event_ms() {
        Some(t) if t > world.now_ms => (t - world.now_ms).min(1000),
        _ => 1000,
    };
    FollowStep::Tick(step.min(deadline - world.now_ms).max(1))
}

/// Whether a parsed line is a single simple command.
fn is_one_command(script: &baleine_shell::ast::Script) -> bool {
    match script.items.as_slice() {
        [item] => item.rest.is_empty() && !item.background && matches!(item.first.commands.as_slice(), [baleine_shell::ast::Command::Simple(_)]),
        _ => false,
    }
}
