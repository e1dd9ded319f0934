//! The only module that talks to `baleine_host::Host`. Components get a
//! [`HostHandle`] from a yew context; every mutation goes through
//! `Host::execute` (see [`HostHandle::run`]); the other methods only read.

use crate::state::{is_secret_prompt, Cmd, Executed};
use baleine_host::view::{ReachView, WorldView};
use baleine_host::{Host, HostCommand, HostConfig};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A diagnostic for the editor (copied out of `baleine_host::Diagnostic`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    pub line: usize,
    pub column: usize,
    pub severity: String,
    pub message: String,
    pub rule: Option<String>,
    pub explain: Option<String>,
}

/// Shared handle on the simulated machine. Equality is identity, so it can
/// sit in a yew context.
#[derive(Clone)]
pub struct HostHandle {
    host: Rc<RefCell<Host>>,
    /// (revision, clock) of the last view handed out.
    seen: Rc<Cell<(u64, u64)>>,
}

impl PartialEq for HostHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.host, &other.host)
    }
}

impl Default for HostHandle {
    fn default() -> Self {
        HostHandle::new()
    }
}

impl HostHandle {
    pub fn new() -> HostHandle {
        HostHandle { host: Rc::new(RefCell::new(Host::new(HostConfig::default()))), seen: Rc::new(Cell::new((u64::MAX, u64::MAX))) }
    }

    fn command(cmd: Cmd) -> HostCommand {
        match cmd {
            Cmd::Line(l) => HostCommand::Line(l),
            Cmd::Interrupt(_) => HostCommand::Interrupt,
            Cmd::Tick(ms) => HostCommand::Tick { ms },
            Cmd::WriteFile { path, text } => HostCommand::WriteFile { path, text },
            Cmd::RemoveFile(path) => HostCommand::RemoveFile { path },
            Cmd::Mkdir(path) => HostCommand::Mkdir { path },
            Cmd::Rename { from, to } => HostCommand::Rename { from, to },
        }
    }

    /// Runs the commands in order; returns what each printed and, when
    /// anything changed (revision or clock), the new view.
    pub fn run(&self, cmds: Vec<Cmd>) -> (Vec<Executed>, Option<WorldView>) {
        let mut host = self.host.borrow_mut();
        let mut out = Vec::with_capacity(cmds.len());
        for cmd in cmds {
            let echo = match &cmd {
                Cmd::Line(line) | Cmd::Interrupt(line) => {
                    let prompt = host.prompt();
                    let shown = if is_secret_prompt(&prompt) { "" } else { line.as_str() };
                    let end = if matches!(cmd, Cmd::Line(_)) { "\r\n" } else { "" };
                    Some(format!("{prompt}{shown}{end}"))
                }
                _ => None,
            };
            let r = host.execute(Self::command(cmd));
            out.push(Executed { echo, text: r.text, clear: r.clear, prompt: r.prompt, busy: r.busy, status: r.status });
        }
        let view = host.view();
        let key = (view.revision, view.clock_ms);
        if key == self.seen.get() {
            return (out, None);
        }
        self.seen.set(key);
        (out, Some(view))
    }

    /// The current view, whatever changed.
    pub fn view(&self) -> WorldView {
        let view = self.host.borrow().view();
        self.seen.set((view.revision, view.clock_ms));
        view
    }

    pub fn prompt(&self) -> String {
        self.host.borrow().prompt()
    }

    pub fn complete(&self, line: &str) -> Vec<String> {
        self.host.borrow().complete(line)
    }

    pub fn read_file(&self, path: &str) -> Option<String> {
        self.host.borrow().read_file(path)
    }

    pub fn reach(&self, from: &str, to: &str) -> ReachView {
        self.host.borrow().reach(from, to)
    }

    /// Diagnostics of a file; the explanation is the English one, else the French one.
    pub fn diagnostics(&self, path: &str) -> Vec<Diag> {
        self.host
            .borrow()
            .diagnostics(path)
            .into_iter()
            .map(|d| Diag {
                line: d.line,
                column: d.column,
                severity: d.severity,
                message: d.message,
                rule: d.rule,
                explain: d.explain_en.or(d.explain_fr),
            })
            .collect()
    }
}
