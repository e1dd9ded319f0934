//! The only module that talks to `baleine_host::Host`. Components get a
//! [`HostHandle`] from a yew context; every mutation goes through
//! `Host::execute` (see [`HostHandle::run`]); the other methods only read.

use crate::session::{Envelope, Journal, Scenario};
use crate::state::{is_secret_prompt, Cmd, Executed};
use baleine_host::view::{ReachView, WorldView};
use baleine_host::{Host, HostCommand, HostConfig};
use baleine_lessons::{Action, CheckResult, Lesson, LessonProgress};
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

/// Shared handle on the simulated machine and its session journal.
/// Equality is identity, so it can sit in a yew context.
#[derive(Clone)]
pub struct HostHandle {
    inner: Rc<RefCell<Inner>>,
    /// (revision, clock) of the last view handed out.
    seen: Rc<Cell<(u64, u64)>>,
}

struct Inner {
    host: Host,
    cfg: HostConfig,
    journal: Journal,
    /// Where the current scenario or lesson starts in the journal.
    mark: Option<usize>,
    /// Undone steps, most recent last (redo runs them again).
    redo: Vec<Vec<Cmd>>,
    /// Copies of the machine at some journal lengths, so that undo replays
    /// only the end of the journal. Kept in memory only.
    checkpoints: Vec<(usize, Host)>,
    panels: Vec<String>,
    lesson: Option<serde_json::Value>,
}

/// A journal entry's worth of new checkpoint.
const CHECKPOINT_EVERY: usize = 40;
const MAX_CHECKPOINTS: usize = 32;

impl Inner {
    fn new(cfg: HostConfig) -> Inner {
        Inner { host: Host::new(cfg.clone()), cfg, journal: Journal::default(), mark: None, redo: Vec::new(), checkpoints: Vec::new(), panels: Vec::new(), lesson: None }
    }

    fn exec(&mut self, cmd: Cmd) -> Executed {
        let host = &mut self.host;
        let echo = match &cmd {
            Cmd::Line(line) | Cmd::Interrupt(line) => {
                let prompt = host.prompt();
                let shown = if is_secret_prompt(&prompt) { "" } else { line.as_str() };
                let end = if matches!(cmd, Cmd::Line(_)) { "\r\n" } else { "" };
                Some(format!("{prompt}{shown}{end}"))
            }
            _ => None,
        };
        let following = host.busy();
        let r = host.execute(HostHandle::command(cmd.clone()));
        let ex = Executed { echo, text: r.text, clear: r.clear, prompt: r.prompt, busy: r.busy, status: r.status };
        self.journal.push(cmd, following, ex.clone());
        self.maybe_checkpoint();
        ex
    }

    /// Whether the machine can be copied exactly (Host::clone drops what
    /// holds the terminal and an unfinished multi-line command).
    fn at_rest(&self) -> bool {
        !self.host.busy() && self.host.prompt().contains("@baleine")
    }

    fn maybe_checkpoint(&mut self) {
        let len = self.journal.len();
        let last = self.checkpoints.last().map_or(0, |c| c.0);
        if len >= last + CHECKPOINT_EVERY && self.at_rest() {
            self.checkpoints.push((len, self.host.clone()));
            if self.checkpoints.len() > MAX_CHECKPOINTS {
                // Thin out the older half.
                let mut i = 0;
                self.checkpoints.retain(|_| {
                    i += 1;
                    i > MAX_CHECKPOINTS / 2 || i % 2 == 0
                });
            }
        }
    }

    /// Brings the machine back to the state after the first `len` entries.
    fn rewind(&mut self, len: usize) {
        let len = len.min(self.journal.len());
        self.checkpoints.retain(|c| c.0 <= len);
        let (start, host) = match self.checkpoints.last() {
            Some((at, h)) => (*at, h.clone()),
            None => (0, Host::new(self.cfg.clone())),
        };
        let tail: Vec<Cmd> = self.journal.entries[start..len].to_vec();
        let outputs: Vec<Executed> = self.journal.outputs[..len].to_vec();
        let head: Vec<Cmd> = self.journal.entries[..start].to_vec();
        self.host = host;
        self.journal = Journal::default();
        // The head's transcript is kept as it was; only the tail runs again.
        for (c, o) in head.into_iter().zip(outputs.iter().cloned()) {
            self.journal.push_raw(c, o);
        }
        for c in tail {
            self.exec(c);
        }
        if self.mark.is_some_and(|m| m > len) {
            self.mark = None;
        }
    }
}

/// What a lesson's action is as a journal entry (a typed command or an
/// editor save).
pub fn action_cmd(a: &Action) -> Cmd {
    match a {
        Action::Run { text, .. } => Cmd::Line(text.trim_end_matches('\n').to_string()),
        Action::WriteFile { path, content, .. } => Cmd::WriteFile { path: path.clone(), text: content.clone() },
    }
}

impl PartialEq for HostHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Default for HostHandle {
    fn default() -> Self {
        HostHandle::new()
    }
}

/// What the screen shows after a restore, an undo or a reset: the whole
/// transcript of the session and the new view.
pub struct Restored {
    pub outputs: Vec<Executed>,
    pub view: WorldView,
    /// Time taken (ms, when measured by the caller).
    pub ms: f64,
}

impl HostHandle {
    pub fn new() -> HostHandle {
        HostHandle { inner: Rc::new(RefCell::new(Inner::new(HostConfig::default()))), seen: Rc::new(Cell::new((u64::MAX, u64::MAX))) }
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
    /// anything changed (revision or clock), the new view. Every command is
    /// recorded in the journal; a new command forgets what undo set aside.
    pub fn run(&self, cmds: Vec<Cmd>) -> (Vec<Executed>, Option<WorldView>) {
        self.run_inner(cmds, false)
    }

    fn run_inner(&self, cmds: Vec<Cmd>, redoing: bool) -> (Vec<Executed>, Option<WorldView>) {
        let mut inner = self.inner.borrow_mut();
        let mut out = Vec::with_capacity(cmds.len());
        for cmd in cmds {
            if !redoing && !matches!(cmd, Cmd::Tick(_)) {
                inner.redo.clear();
            }
            out.push(inner.exec(cmd));
        }
        let view = inner.host.view();
        let key = (view.revision, view.clock_ms);
        if key == self.seen.get() {
            return (out, None);
        }
        self.seen.set(key);
        (out, Some(view))
    }

    /// The current session as a [`Restored`] (no replay).
    pub fn current(&self) -> Restored {
        self.restored()
    }

    fn restored(&self) -> Restored {
        let inner = self.inner.borrow();
        let view = inner.host.view();
        self.seen.set((view.revision, view.clock_ms));
        Restored { outputs: inner.journal.outputs.clone(), view, ms: 0.0 }
    }

    /// Replaces the session by a saved one (replays its journal).
    pub fn restore(&self, env: &Envelope) -> Restored {
        {
            let cfg = HostConfig { seed: env.seed, epoch_secs: env.epoch_secs, examples: env.examples };
            let mut inner = self.inner.borrow_mut();
            *inner = Inner::new(cfg);
            for c in env.journal.iter().cloned() {
                inner.exec(c);
            }
            inner.mark = env.mark.filter(|m| *m <= inner.journal.len());
            inner.panels = env.panels.clone();
            inner.lesson = env.lesson.clone();
        }
        self.restored()
    }

    /// A clean machine (empty journal).
    pub fn reset(&self) -> Restored {
        *self.inner.borrow_mut() = Inner::new(HostConfig::default());
        self.restored()
    }

    /// Back to where the scenario or lesson started (or a clean machine).
    pub fn reset_to_mark(&self) -> Restored {
        let mark = self.inner.borrow().mark;
        match mark {
            Some(m) => self.go_to(m),
            None => self.reset(),
        }
    }

    /// Undoes `steps` commands; `None` when there is nothing to undo.
    pub fn undo(&self, steps: usize) -> Option<Restored> {
        let target = {
            let inner = self.inner.borrow();
            inner.journal.undo_target(steps, inner.mark.unwrap_or(0))?
        };
        Some(self.go_to(target))
    }

    /// Goes back to the state after the first `len` journal entries; what is
    /// dropped can be redone.
    pub fn go_to(&self, len: usize) -> Restored {
        {
            let mut inner = self.inner.borrow_mut();
            let len = len.min(inner.journal.len());
            let dropped: Vec<Cmd> = inner.journal.entries[len..].to_vec();
            if !dropped.is_empty() {
                inner.redo.push(dropped);
            }
            inner.rewind(len);
        }
        self.restored()
    }

    /// Runs again the last undone step.
    pub fn redo(&self) -> Option<(Vec<Executed>, Option<WorldView>)> {
        let cmds = self.inner.borrow_mut().redo.pop()?;
        Some(self.run_inner(cmds, true))
    }

    /// Sets up a scenario on the current machine and marks its end (reset
    /// to the start of the lesson comes back here). Commands that hold the
    /// terminal (logs -f, attached up, compose waiting for a healthcheck)
    /// run on simulated time and get Ctrl+C as in script mode.
    pub fn apply_scenario(&self, scenario: &Scenario) -> (Vec<Executed>, Option<WorldView>) {
        let out = self.run_setup(scenario.setup_commands());
        {
            let mut inner = self.inner.borrow_mut();
            inner.panels = scenario.panels.clone();
        }
        (out, Some(self.view()))
    }

    /// Runs setup commands (a scenario's, a lesson's) each to completion,
    /// then marks the end: undo stops there, reset comes back there.
    fn run_setup(&self, cmds: Vec<Cmd>) -> Vec<Executed> {
        let mut out = Vec::new();
        for c in cmds {
            let (mut o, _) = self.run(vec![c]);
            out.append(&mut o);
            out.append(&mut self.settle());
        }
        let mut inner = self.inner.borrow_mut();
        inner.mark = Some(inner.journal.len());
        out
    }

    /// Lets a command that holds the terminal finish as `Host::settle`
    /// would, journaling each tick and the final Ctrl+C so replay agrees.
    fn settle(&self) -> Vec<Executed> {
        let mut out = Vec::new();
        for _ in 0..10_000 {
            let next = self.inner.borrow().host.settle_next();
            let cmd = match next {
                None => break,
                Some(HostCommand::Tick { ms }) => Cmd::Tick(ms),
                Some(_) => Cmd::Interrupt(String::new()),
            };
            out.append(&mut self.run(vec![cmd]).0);
        }
        out
    }

    /// A fresh machine with the lesson's starting files and commands; the
    /// lesson starts after them (its progress is saved with the session).
    pub fn start_lesson(&self, lesson: &Lesson, saved: serde_json::Value) -> Restored {
        *self.inner.borrow_mut() = Inner::new(HostConfig::default());
        let mut cmds: Vec<Cmd> = lesson.setup.files.iter().map(|f| Cmd::WriteFile { path: f.path.clone(), text: f.content.clone() }).collect();
        cmds.extend(lesson.setup.commands.iter().map(action_cmd));
        self.run_setup(cmds);
        self.inner.borrow_mut().lesson = Some(saved);
        self.restored()
    }

    /// Evaluates the lesson's current step on the machine and moves the
    /// progress on while steps pass (reads the machine only).
    pub fn check_lesson(&self, lesson: &Lesson, progress: &mut LessonProgress) -> (Vec<CheckResult>, bool) {
        progress.update(lesson, &self.inner.borrow().host)
    }

    /// The session as saved.
    pub fn envelope(&self) -> Envelope {
        let inner = self.inner.borrow();
        let mut env = Envelope::new(inner.cfg.seed, inner.cfg.epoch_secs, inner.journal.entries.clone());
        env.examples = inner.cfg.examples;
        env.mark = inner.mark;
        env.panels = inner.panels.clone();
        env.lesson = inner.lesson.clone();
        env
    }

    /// Marks the current point as the start of a lesson (reset comes back
    /// here, undo stops here).
    pub fn set_mark(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.mark = Some(inner.journal.len());
    }

    /// Lesson progress, saved with the session (opaque JSON for the lesson module).
    pub fn set_lesson(&self, progress: Option<serde_json::Value>) {
        self.inner.borrow_mut().lesson = progress;
    }

    pub fn lesson(&self) -> Option<serde_json::Value> {
        self.inner.borrow().lesson.clone()
    }

    pub fn journal_len(&self) -> usize {
        self.inner.borrow().journal.len()
    }

    /// Whether undo, redo and reset-to-mark have something to do.
    pub fn abilities(&self) -> (bool, bool, bool) {
        let inner = self.inner.borrow();
        let undo = inner.journal.undo_target(1, inner.mark.unwrap_or(0)).is_some();
        (undo, !inner.redo.is_empty(), inner.mark.is_some())
    }

    /// The session's commands (journal index, label), after the mark.
    pub fn steps(&self) -> Vec<(usize, String)> {
        let inner = self.inner.borrow();
        let floor = inner.mark.unwrap_or(0);
        inner.journal.steps().into_iter().filter(|(i, _)| *i >= floor).collect()
    }

    /// The typed lines after the mark (share links).
    pub fn typed_lines(&self) -> Vec<String> {
        let inner = self.inner.borrow();
        let floor = inner.mark.unwrap_or(0);
        inner.journal.entries.iter().skip(floor).filter_map(|c| if let Cmd::Line(l) = c { Some(l.clone()) } else { None }).collect()
    }

    /// Whether a command holds the terminal.
    pub fn busy(&self) -> bool {
        self.inner.borrow().host.busy()
    }

    /// The current view, whatever changed.
    pub fn view(&self) -> WorldView {
        let view = self.inner.borrow().host.view();
        self.seen.set((view.revision, view.clock_ms));
        view
    }

    pub fn prompt(&self) -> String {
        self.inner.borrow().host.prompt()
    }

    pub fn complete(&self, line: &str) -> Vec<String> {
        self.inner.borrow().host.complete(line)
    }

    pub fn read_file(&self, path: &str) -> Option<String> {
        self.inner.borrow().host.read_file(path)
    }

    pub fn reach(&self, from: &str, to: &str) -> ReachView {
        self.inner.borrow().host.reach(from, to)
    }

    /// Diagnostics of a file, with the explanation in the learner's language
    /// (else the other one).
    pub fn diagnostics(&self, path: &str, french: bool) -> Vec<Diag> {
        self.inner
            .borrow()
            .host
            .diagnostics(path)
            .into_iter()
            .map(|d| Diag {
                line: d.line,
                column: d.column,
                severity: d.severity,
                message: d.message,
                rule: d.rule,
                explain: if french { d.explain_fr.or(d.explain_en) } else { d.explain_en.or(d.explain_fr) },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session;

    fn same(a: &WorldView, b: &WorldView) -> bool {
        let mut a = a.clone();
        let mut b = b.clone();
        a.revision = 0;
        b.revision = 0;
        a == b
    }

    fn lines(h: &HostHandle, ls: &[&str]) {
        for l in ls {
            h.run(vec![Cmd::Line(l.to_string())]);
            // The clock as the app drives it: many small ticks.
            for _ in 0..8 {
                h.run(vec![Cmd::Tick(250)]);
            }
        }
    }

    const STACK: &[&str] = &["cd ~/exemples/stack", "docker compose up -d", "docker compose ps", "docker compose logs backend", "curl -s localhost/api"];

    #[test]
    fn restore_replays_the_same_machine_and_transcript() {
        let h = HostHandle::new();
        h.run(vec![Cmd::WriteFile { path: "notes.txt".into(), text: "<img src=x onerror=alert(1)>".into() }]);
        lines(&h, STACK);
        h.run(vec![Cmd::Line("docker compose logs -f database".into())]);
        for _ in 0..20 {
            h.run(vec![Cmd::Tick(250)]);
        }
        h.run(vec![Cmd::Interrupt(String::new())]);
        lines(&h, &["docker ps -a", "docker network ls"]);
        let env = h.envelope();
        assert!(env.journal.len() < 40, "ticks merged: {} entries", env.journal.len());
        let text = env.to_storage();
        let back = session::decode(&text).unwrap();
        let h2 = HostHandle::new();
        let r = h2.restore(&back);
        assert!(same(&r.view, &h.view()), "same machine after replay");
        let t1: Vec<String> = h.current().outputs.iter().map(|o| format!("{:?}{}", o.echo, o.text)).collect();
        let t2: Vec<String> = r.outputs.iter().map(|o| format!("{:?}{}", o.echo, o.text)).collect();
        assert_eq!(t1.concat(), t2.concat(), "same transcript");
        assert_eq!(r.view.containers.iter().filter(|c| c.state == "running").count(), 5);
    }

    #[test]
    fn undo_equals_never_having_run_the_command() {
        let h = HostHandle::new();
        lines(&h, &["docker run -d --name web nginx", "docker network create net"]);
        let before = h.view();
        lines(&h, &["docker rm -f web"]);
        assert!(h.view().containers.is_empty());
        let r = h.undo(1).unwrap();
        assert!(same(&r.view, &before), "undo restores the previous state (clock included)");
        let (undo, redo, _) = h.abilities();
        assert!(undo && redo);
        h.redo().unwrap();
        assert!(h.view().containers.is_empty(), "redo runs it again");
        assert!(h.redo().is_none());
        // Undo back to the start, then nothing more.
        h.undo(10).unwrap();
        assert!(h.view().containers.is_empty() && h.undo(1).is_none());
    }

    #[test]
    fn undo_from_a_checkpoint_is_exact() {
        let h = HostHandle::new();
        let reference = HostHandle::new();
        for i in 0..(CHECKPOINT_EVERY * 2 + 5) {
            let cmds = vec![Cmd::Line(format!("echo {i} >> log.txt")), Cmd::Tick(100)];
            h.run(cmds.clone());
            if i < CHECKPOINT_EVERY * 2 + 4 {
                reference.run(cmds);
            }
        }
        assert!(!h.inner.borrow().checkpoints.is_empty(), "checkpoints were taken");
        // Undo the last line (its tick goes with it).
        let r = h.undo(1).unwrap();
        reference.run(vec![]);
        assert!(same(&r.view, &reference.view()));
        assert_eq!(h.read_file("log.txt"), reference.read_file("log.txt"));
    }

    #[test]
    fn a_lesson_runs_through_the_journal_and_its_progress_is_saved() {
        let lesson = crate::lesson::find("cycle-de-vie").unwrap();
        let h = HostHandle::new();
        let run = crate::lesson::LessonRun::new(lesson.clone(), None);
        h.start_lesson(&lesson, run.to_saved());
        let mut progress = run.progress.clone();
        let (results, advanced) = h.check_lesson(&lesson, &mut progress);
        assert!(!advanced && !results.iter().all(|r| r.pass), "nothing done yet");
        // The learner's own way of doing the first two steps.
        lines(&h, &["docker run --detach --name serveur nginx:alpine", "docker exec serveur touch /tmp/x", "docker exec serveur sh -c 'echo bonjour >> /tmp/note.txt'"]);
        let (_, advanced) = h.check_lesson(&lesson, &mut progress);
        assert!(advanced);
        assert_eq!(progress.completed, vec!["run".to_string(), "note".to_string()]);
        let mut saved = run.clone();
        saved.progress = progress.clone();
        h.set_lesson(Some(saved.to_saved()));
        // A reload: the session (and the lesson's progress) come back.
        let back = session::decode(&h.envelope().to_storage()).unwrap();
        let h2 = HostHandle::new();
        h2.restore(&back);
        let run2 = crate::lesson::LessonRun::from_saved(&h2.lesson().unwrap()).unwrap();
        assert_eq!(run2.progress, progress);
        assert!(h2.undo(100).is_some() && h2.undo(1).is_none(), "undo stops at the lesson's start");
    }

    #[test]
    fn every_builtin_lesson_completes_through_the_web_path() {
        // What the panel does: start_lesson, then the learner's commands go
        // through the journal (here: the solutions, each run to completion
        // as the clock timer would), checks after each one.
        for lesson in crate::lesson::catalogue().iter() {
            let h = HostHandle::new();
            let run = crate::lesson::LessonRun::new(lesson.clone(), None);
            h.start_lesson(lesson, run.to_saved());
            let mut progress = run.progress.clone();
            for step in &lesson.steps {
                for a in &step.solution {
                    h.run(vec![action_cmd(a)]);
                    h.settle();
                }
                h.check_lesson(lesson, &mut progress);
            }
            assert!(progress.done(lesson), "{}: stuck at step {} of {}", lesson.id, progress.step, lesson.steps.len());
            // And the whole session replays to the same machine.
            let h2 = HostHandle::new();
            h2.restore(&session::decode(&h.envelope().to_storage()).unwrap());
            assert!(same(&h2.view(), &h.view()), "{}: replay gives the same machine", lesson.id);
        }
    }

    #[test]
    fn setup_commands_that_wait_run_on_simulated_time() {
        let h = HostHandle::new();
        let sc = Scenario::from_yaml("commands:\n  - docker run -d --name web nginx\n  - docker logs -f web\n  - echo after\n").unwrap();
        let (out, _) = h.apply_scenario(&sc);
        assert!(!h.busy());
        let text: String = out.iter().map(|o| o.text.clone()).collect();
        assert!(text.contains("^C") && text.contains("after"), "{text}");
        assert!(h.view().clock_ms >= 10_000, "ran 10 s past the last log line");
    }

    #[test]
    fn scenarios_mark_where_reset_goes_back() {
        let h = HostHandle::new();
        let sc = Scenario::from_yaml("files:\n  app/Dockerfile: \"FROM alpine\\n\"\ncommands:\n  - docker run -d --name web nginx\n  - docker logs -f web\n").unwrap();
        h.apply_scenario(&sc);
        assert!(!h.busy(), "a following command got Ctrl+C");
        let after = h.view();
        lines(&h, &["docker rm -f web"]);
        let r = h.reset_to_mark();
        assert!(same(&r.view, &after));
        assert!(h.undo(1).is_none(), "undo stops at the scenario's start");
        assert_eq!(h.read_file("app/Dockerfile").as_deref(), Some("FROM alpine\n"));
    }
}
