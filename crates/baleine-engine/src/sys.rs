//! Processes inside containers: the [`ContainerSys`] that the shell runs
//! against (files through the container's view, programs from `programs.rs`,
//! time from the simulated clock), the main process at start, `docker exec`
//! and healthcheck probes.

use std::borrow::Cow;

use baleine_shell::{Flavor, Invocation, Output, Shell, Stream, System};
use baleine_vfs::{view_list, view_node, view_stat, Content, Fs, FsResult, FsView, Meta, Node, Stat, Tree};

use crate::containers::container_view;
use crate::error::{EngineError, EngineResult, ErrorKind};
use crate::model::*;
use crate::world::World;

/// How simulated time passes while a process runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunMode {
    /// A container's main process, started at `start_ms`: sleeps are
    /// accounted (the process exits later on the clock) without advancing it.
    Account { start_ms: u64 },
    /// A foreground command (`docker exec`, an interactive shell line): the
    /// world clock really advances on `sleep`.
    Live,
    /// A build step or a healthcheck probe: time is only counted.
    Detached,
}

/// A server program the main process became (it then runs until signalled).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerInfo {
    pub program: String,
    /// (port, ms after start when it accepts connections)
    pub ports: Vec<(u16, u64)>,
    pub handles_sigterm: bool,
    pub term_exit: i32,
}

/// Where and as whom a process runs.
#[derive(Clone, Debug)]
pub struct ExecCtx {
    /// The container (None for a build step).
    pub cid: Option<String>,
    pub view: FsView,
    pub env: Vec<(String, String)>,
    pub user: String,
    pub hostname: String,
    pub workdir: String,
    pub mode: RunMode,
    pub os_family: OsFamily,
    /// No network at all (build with --network=none).
    pub no_network: bool,
    pub tty: bool,
    /// The learner's host itself (not a container): names and ports are the
    /// host's (published ports on localhost, the docker0 bridge).
    pub host: bool,
}

fn split_env(env: &[String]) -> impl Iterator<Item = (String, String)> + '_ {
    env.iter().map(|e| match e.split_once('=') {
        Some((k, v)) => (k.to_string(), v.to_string()),
        None => (e.clone(), String::new()),
    })
}

/// A process's environment as moby v27.5.1 container/container.go
/// CreateDaemonEnvironment builds it: PATH, HOSTNAME and (with a TTY)
/// TERM=xterm first, then Config.Env through ReplaceOrAppendEnvValues (a
/// variable already there is replaced in place, a bare `KEY` unsets it).
/// `c.env` already holds PATH and Config.Env merged; HOME is added later
/// (runc sets it when the environment has none).
fn daemon_env(c: &crate::model::Container, tty: bool) -> Vec<(String, String)> {
    // Room for HOSTNAME, TERM and HOME: probes build this at every run.
    let mut env = Vec::with_capacity(c.env.len() + 3);
    let all: Vec<(String, String)> = split_env(&c.env).collect();
    let rest = match all.first() {
        Some(first) if first.0 == "PATH" => {
            env.push(first.clone());
            &all[1..]
        }
        _ => &all[..],
    };
    // The last mention of a default's name in Config.Env decides: a value
    // replaces it in place, a bare name removes it.
    let given = |name: &str| -> Option<Option<String>> {
        c.config_env.iter().rev().find_map(|e| match e.split_once('=') {
            Some((k, v)) if k == name => Some(Some(v.to_string())),
            None if e == name => Some(None),
            _ => None,
        })
    };
    let mut defaults = vec![("HOSTNAME", c.hostname.clone())];
    if tty {
        defaults.push(("TERM", "xterm".to_string()));
    }
    for (name, value) in defaults {
        match given(name) {
            Some(None) => {}
            Some(Some(v)) => env.push((name.to_string(), v)),
            None => env.push((name.to_string(), value)),
        }
    }
    env.extend(rest.iter().filter(|(k, _)| !(k == "HOSTNAME" || tty && k == "TERM")).cloned());
    env
}

/// moby container/env.go ReplaceOrAppendEnvValues on split variables: a
/// `KEY=VALUE` replaces KEY in place or is appended, a bare `KEY` removes it.
fn replace_or_append_env(env: &mut Vec<(String, String)>, overrides: &[String]) {
    for o in overrides {
        match o.split_once('=') {
            Some((k, v)) => match env.iter_mut().find(|(ek, _)| ek == k) {
                Some(slot) => slot.1 = v.to_string(),
                None => env.push((k.to_string(), v.to_string())),
            },
            None => env.retain(|(ek, _)| ek != o),
        }
    }
}

impl ExecCtx {
    pub fn for_container(world: &World, id: &str, mode: RunMode) -> ExecCtx {
        ExecCtx::for_container_with_home(world, id, mode, home_of)
    }

    /// [`ExecCtx::for_container`], `home` finding the user's home folder
    /// when the environment sets no HOME.
    fn for_container_with_home(world: &World, id: &str, mode: RunMode, home: impl FnOnce(&World, &FsView, &str) -> String) -> ExecCtx {
        let c = &world.containers[id];
        let mut env = daemon_env(c, c.spec.tty);
        let user = if c.user.is_empty() { "root".to_string() } else { c.user.clone() };
        let view = container_view(c);
        if !env.iter().any(|(k, _)| k == "HOME") {
            env.push(("HOME".into(), home(world, &view, &user)));
        }
        ExecCtx {
            cid: Some(id.to_string()),
            view,
            env,
            user,
            hostname: c.hostname.clone(),
            workdir: c.workdir.clone(),
            mode,
            os_family: c.os_family,
            no_network: c.network_mode == "none",
            tty: c.spec.tty,
            host: false,
        }
    }
}

/// The home folder of a user from /etc/passwd ("/root" by default).
pub fn home_of(world: &World, view: &FsView, user: &str) -> String {
    let name = user.split(':').next().unwrap_or("root");
    if let Some((_, _, _, home)) = passwd_entry(world, view, name) {
        return home;
    }
    if name == "root" || name == "0" { "/root".into() } else { "/".into() }
}

/// (name, uid, gid, home) of a user given by name or uid.
pub fn passwd_entry(world: &World, view: &FsView, user: &str) -> Option<(String, u32, u32, String)> {
    let text = match view_node(&world.forest, view, "/etc/passwd").ok()? {
        Node::File(f) => match &f.content {
            Content::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => return None,
        },
        _ => return None,
    };
    for line in text.lines() {
        let f: Vec<&str> = line.split(':').collect();
        if f.len() >= 6 && (f[0] == user || f[2] == user) {
            return Some((f[0].to_string(), f[2].parse().ok()?, f[3].parse().ok()?, f[5].to_string()));
        }
    }
    None
}

/// The gid of a group given by name or gid, from /etc/group.
pub fn group_gid(world: &World, view: &FsView, group: &str) -> Option<u32> {
    if let Ok(n) = group.parse() {
        return Some(n);
    }
    let text = match view_node(&world.forest, view, "/etc/group").ok()? {
        Node::File(f) => match &f.content {
            Content::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => return None,
        },
        _ => return None,
    };
    text.lines().map(|l| l.split(':').collect::<Vec<_>>()).find(|f| f.len() >= 3 && f[0] == group).and_then(|f| f[2].parse().ok())
}

/// Checks `user[:group]` as runc does before starting a process (moby
/// `getUser` -> runc `GetExecUser`): a user or group given by name must
/// exist in the container's /etc/passwd or /etc/group.
pub fn check_user(world: &World, view: &FsView, spec: &str) -> Result<(), String> {
    let (user, group) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    if !user.is_empty() && user.parse::<u32>().is_err() && passwd_entry(world, view, user).is_none() {
        return Err(format!("unable to find user {user}: no matching entries in passwd file"));
    }
    if let Some(g) = group.filter(|g| !g.is_empty()) {
        if group_gid(world, view, g).is_none() {
            return Err(format!("unable to find group {g}: no matching entries in group file"));
        }
    }
    Ok(())
}

/// What the shell and programs run against inside a container.
pub struct ContainerSys<'w> {
    pub world: &'w mut World,
    pub ctx: ExecCtx,
    /// Simulated ms this process has spent (Account and Detached modes).
    pub elapsed_ms: u64,
    /// Timestamped output (Account mode).
    pub logs: Vec<LogEntry>,
    /// The process became a server or blocks forever.
    pub blocked: bool,
    pub server: Option<ServerInfo>,
    /// An interactive shell is waiting on the terminal.
    pub interactive: bool,
    pub depth: u32,
    /// What the server answers over HTTP when it is not in its files (a Go binary).
    pub server_body: Option<String>,
    /// The TERM trap of the process's shell (`trap 'exit 0' TERM`).
    pub term_trap: Option<String>,
    /// How long the last `sleep` lasted (ms; u64::MAX: for ever): a shell
    /// runs its trap only once its foreground command is over.
    pub last_sleep_ms: u64,
    /// The main process's shell as it ended, when it set signal traps.
    pub trap_shell: Option<Box<Shell>>,
    /// Address of the main process's own output (Account mode): only what
    /// reaches it goes to the log; a redirection's or a pipe's buffer does not.
    main_out: usize,
}

impl<'w> ContainerSys<'w> {
    pub fn new(world: &'w mut World, ctx: ExecCtx) -> ContainerSys<'w> {
        ContainerSys { world, ctx, elapsed_ms: 0, logs: Vec::new(), blocked: false, server: None, interactive: false, depth: 0, server_body: None, term_trap: None, last_sleep_ms: 0, trap_shell: None, main_out: 0 }
    }

    /// Simulated now as the process sees it.
    pub fn now_ms(&self) -> u64 {
        match self.ctx.mode {
            RunMode::Account { start_ms } => start_ms + self.elapsed_ms,
            RunMode::Live => self.world.now_ms,
            RunMode::Detached => self.world.now_ms + self.elapsed_ms,
        }
    }

    /// Moves what `out` holds into the timestamped log (Account mode).
    pub fn flush_to_log(&mut self, out: &mut Output) {
        if self.main_out != 0 && std::ptr::addr_of!(*out) as usize != self.main_out {
            // A redirection's or a pipe's buffer: the shell routes it later.
            return;
        }
        if let RunMode::Account { .. } = self.ctx.mode {
            let at = self.now_ms();
            for (stream, text) in out.chunks.drain(..) {
                for line in text.split_inclusive('\n') {
                    let line = line.strip_suffix('\n').unwrap_or(line);
                    self.logs.push(LogEntry { ms: at, stderr: stream == Stream::Err, line: line.to_string() });
                }
            }
        }
    }

    /// Logs a line `offset_ms` after the process started (server start-up logs).
    pub fn log_at(&mut self, offset_ms: u64, stderr: bool, line: &str, out: &mut Output) {
        match self.ctx.mode {
            RunMode::Account { start_ms } => {
                self.flush_to_log(out);
                self.logs.push(LogEntry { ms: start_ms + self.elapsed_ms + offset_ms, stderr, line: line.to_string() });
            }
            _ => {
                if stderr {
                    out.err(format!("{line}\n"));
                } else {
                    out.out(format!("{line}\n"));
                }
            }
        }
    }

    /// The process turns into a server that runs until signalled.
    pub fn become_server(&mut self, info: ServerInfo) {
        self.server = Some(info);
        self.blocked = true;
    }

    pub fn cid(&self) -> Option<&str> {
        self.ctx.cid.as_deref()
    }

    /// The container this process runs in.
    pub fn container(&self) -> Option<&Container> {
        self.ctx.cid.as_ref().and_then(|id| self.world.containers.get(id))
    }

    pub fn getenv<'a>(&self, inv: &'a Invocation<'_>, key: &str) -> Option<&'a str> {
        inv.env.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

impl Fs for ContainerSys<'_> {
    fn stat(&self, path: &str) -> FsResult<Stat> {
        view_stat(&self.world.forest, &self.ctx.view, path)
    }
    fn read(&self, path: &str) -> FsResult<Content> {
        match view_node(&self.world.forest, &self.ctx.view, path)? {
            Node::File(f) => Ok(f.content.clone()),
            Node::Dir(_) => Err(baleine_vfs::FsError::IsADirectory),
            Node::Symlink(_) => Err(baleine_vfs::FsError::NotFound),
        }
    }
    fn write(&mut self, path: &str, content: Content, meta: Option<Meta>) -> FsResult<()> {
        // The session limit is checked for sizeable writes only (walking
        // every tree on each small write would cost more than it protects).
        if matches!(content, Content::Bytes(_)) && content.size() > 64 * 1024 && self.world.file_bytes() + content.size() > crate::world::MAX_FILE_BYTES {
            return Err(baleine_vfs::FsError::NoSpace);
        }
        self.world.forest.mounted(&self.ctx.view).write(path, content, meta)
    }
    fn mkdir(&mut self, path: &str, parents: bool) -> FsResult<()> {
        self.world.forest.mounted(&self.ctx.view).mkdir(path, parents)
    }
    fn remove(&mut self, path: &str, recursive: bool) -> FsResult<()> {
        self.world.forest.mounted(&self.ctx.view).remove(path, recursive)
    }
    fn list(&self, path: &str) -> FsResult<Vec<String>> {
        view_list(&self.world.forest, &self.ctx.view, path)
    }
    fn node(&self, path: &str) -> FsResult<Node> {
        view_node(&self.world.forest, &self.ctx.view, path)
    }
    fn put_node(&mut self, path: &str, node: Node) -> FsResult<()> {
        self.world.forest.mounted(&self.ctx.view).put_node(path, node)
    }
    fn set_meta(&mut self, path: &str, meta: Meta) -> FsResult<()> {
        self.world.forest.mounted(&self.ctx.view).set_meta(path, meta)
    }
}

impl System for ContainerSys<'_> {
    fn run_program(&mut self, shell: &mut Shell, inv: &Invocation<'_>, out: &mut Output) -> Option<i32> {
        if self.blocked {
            return Some(0);
        }
        crate::programs::run(self, shell, inv, out)
    }

    /// Debian and Ubuntu ship GNU's utilities whatever the shell (dash's
    /// `sh -c`, or none at all for an exec-form command); busybox images
    /// keep busybox's under bash too.
    fn gnu_utilities(&self, _shell: &Shell) -> bool {
        matches!(self.ctx.os_family, OsFamily::Debian | OsFamily::Ubuntu)
    }

    fn sleep(&mut self, secs: f64, out: &mut Output) {
        if self.blocked {
            return;
        }
        let ms = if secs.is_finite() && secs >= 0.0 { (secs * 1000.0).min(1e15) as u64 } else { u64::MAX / 4 };
        self.last_sleep_ms = ms;
        match self.ctx.mode {
            RunMode::Account { .. } => {
                self.flush_to_log(out);
                if ms >= u64::MAX / 8 || secs > 1e8 {
                    self.blocked = true;
                } else {
                    self.elapsed_ms += ms;
                }
            }
            RunMode::Live => {
                let ms = ms.min(24 * 3600 * 1000);
                self.world.advance(ms);
            }
            RunMode::Detached => {
                self.elapsed_ms = self.elapsed_ms.saturating_add(ms.min(24 * 3600 * 1000));
            }
        }
    }

    fn now(&self) -> u64 {
        self.world.epoch_secs + self.now_ms() / 1000
    }

    fn user(&self) -> (String, u32, u32) {
        let (name, group) = match self.ctx.user.split_once(':') {
            Some((u, g)) => (u.to_string(), Some(g.to_string())),
            None => (self.ctx.user.clone(), None),
        };
        let name = if name.is_empty() { "root".into() } else { name };
        match passwd_entry(self.world, &self.ctx.view, &name) {
            Some((n, uid, gid, _)) => (n, uid, group.and_then(|g| group_gid(self.world, &self.ctx.view, &g)).unwrap_or(gid)),
            None => {
                // A uid with no passwd entry keeps the default group, root
                // (moby/sys/user GetExecUser: `-u 1234` runs as 1234:0).
                let uid = name.parse().unwrap_or(0);
                (name, uid, group.and_then(|g| group_gid(self.world, &self.ctx.view, &g)).unwrap_or(0))
            }
        }
    }

    fn hostname(&self) -> String {
        self.ctx.hostname.clone()
    }

    /// `sleep infinity &` then `wait`: the shell waits in `wait`, which a
    /// trapped signal interrupts at once.
    fn background_done(&mut self) {
        self.last_sleep_ms = 0;
    }

    /// The main process's shell (PID 1, `sh -c` under the runtime's
    /// wrapper) leaves its TERM trap for `docker stop`.
    fn shell_ending(&mut self, shell: &Shell) {
        if shell.exec_depth() <= 1 && self.depth == 0 {
            self.term_trap = shell.trap_action("TERM").map(str::to_string);
            let traps = &shell.state.traps;
            self.trap_shell = traps.keys().any(|k| k != "EXIT").then(|| Box::new(shell.clone()));
        }
    }
}

/// Why an executable could not be started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExecError {
    NotFound,
    NoSuchFile,
    Permission,
}

/// Looks up argv[0] in the container as the OCI runtime does.
pub fn resolve_executable(world: &World, ctx: &ExecCtx, exe: &str) -> Result<String, ExecError> {
    let check = |path: &str| -> Option<Result<String, ExecError>> {
        match view_node(&world.forest, &ctx.view, path) {
            Ok(Node::File(f)) => {
                if f.meta.mode & 0o111 == 0 {
                    Some(Err(ExecError::Permission))
                } else {
                    Some(Ok(path.to_string()))
                }
            }
            Ok(Node::Symlink(_)) => Some(Ok(path.to_string())),
            Ok(Node::Dir(_)) => Some(Err(ExecError::Permission)),
            Err(_) => None,
        }
    };
    if exe.contains('/') {
        let p = baleine_vfs::normalize(&ctx.workdir, exe);
        return check(&p).unwrap_or(Err(ExecError::NoSuchFile));
    }
    for dir in search_path(ctx).split(':').filter(|d| !d.is_empty()) {
        if let Some(r) = check(&baleine_vfs::join(dir, exe)) {
            if r.is_ok() {
                return r;
            }
        }
    }
    Err(ExecError::NotFound)
}

/// The folders a process searches for programs: its PATH, or the runtime's
/// default without one.
fn search_path(ctx: &ExecCtx) -> &str {
    ctx.env.iter().rev().find(|(k, _)| k == "PATH").map_or("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", |(_, v)| v.as_str())
}

/// What a healthcheck probe read in the container's files, kept for the
/// next probe: probes run every few seconds for as long as the container
/// runs, and would otherwise read /etc/passwd and search PATH again in files
/// that rarely change. The trees of the view are kept as they were (a clone
/// is O(1)): [`Tree::same`] on each of them proves that nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProbeLookup {
    view: FsView,
    trees: Vec<Option<Tree>>,
    /// The user and their home folder.
    user: String,
    home: String,
    /// Exec-form probes: where the executable was searched, and whether it
    /// was found.
    exe: Option<ExeSearch>,
}

/// A PATH search ([`resolve_executable`]) and what decides it besides the files.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ExeSearch {
    name: String,
    search_path: String,
    workdir: String,
    found: bool,
}

/// The trees of a view (root first, then each mount's), as they are now.
fn view_trees<'a>(world: &'a World, view: &'a FsView) -> impl Iterator<Item = Option<&'a Tree>> + 'a {
    std::iter::once(view.root).chain(view.mounts.iter().map(|m| m.tree)).map(|id| world.forest.get(id))
}

impl ProbeLookup {
    /// The files of `view` are what they were.
    fn files_unchanged(&self, world: &World, view: &FsView) -> bool {
        self.view == *view
            && view_trees(world, view).zip(&self.trees).all(|(now, then)| match (now, then) {
                (Some(now), Some(then)) => now.same(then),
                (None, None) => true,
                _ => false,
            })
    }

    /// [`home_of`], from `previous` when it still holds.
    fn home(previous: Option<&ProbeLookup>, world: &World, view: &FsView, user: &str) -> String {
        match previous.filter(|p| p.user == user && p.files_unchanged(world, view)) {
            Some(p) => p.home.clone(),
            None => home_of(world, view, user),
        }
    }

    /// What a probe running in `ctx` reads (with `exe` for the exec form),
    /// `previous` when it still holds.
    fn find(world: &World, ctx: &ExecCtx, exe: Option<&str>, previous: Option<Box<ProbeLookup>>) -> Box<ProbeLookup> {
        let holds = |p: &ProbeLookup| {
            p.user == ctx.user
                && p.files_unchanged(world, &ctx.view)
                && match (&p.exe, exe) {
                    (Some(s), Some(exe)) => s.name == exe && s.search_path == search_path(ctx) && s.workdir == ctx.workdir,
                    (None, None) => true,
                    _ => false,
                }
        };
        if let Some(p) = previous.filter(|p| holds(p)) {
            return p;
        }
        Box::new(ProbeLookup {
            view: ctx.view.clone(),
            trees: view_trees(world, &ctx.view).map(|t| t.cloned()).collect(),
            user: ctx.user.clone(),
            home: home_of(world, &ctx.view, &ctx.user),
            exe: exe.map(|exe| ExeSearch { name: exe.to_string(), search_path: search_path(ctx).to_string(), workdir: ctx.workdir.clone(), found: resolve_executable(world, ctx, exe).is_ok() }),
        })
    }

    fn found(&self) -> bool {
        self.exe.as_ref().is_some_and(|s| s.found)
    }
}

/// The flavour of `/bin/sh` in an image family.
pub fn shell_flavor(os: OsFamily) -> Flavor {
    match os {
        OsFamily::Alpine | OsFamily::Busybox => Flavor::Ash,
        _ => Flavor::Ash,
    }
}

/// Quotes argv into one shell line that runs exactly that argv.
pub fn quote_argv(argv: &[String]) -> String {
    let mut line = String::new();
    for (i, a) in argv.iter().enumerate() {
        if i > 0 {
            line.push(' ');
        }
        line.push_str(&quote(a));
    }
    line
}

/// One shell word for `a` (borrowed when it needs no quotes).
pub fn quote(a: &str) -> Cow<'_, str> {
    if !a.is_empty() && a.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c)) {
        Cow::Borrowed(a)
    } else {
        Cow::Owned(format!("'{}'", a.replace('\'', "'\\''")))
    }
}

/// Result of running a container's main process.
pub struct MainResult {
    pub logs: Vec<LogEntry>,
    pub process: Process,
}

/// Runs a program given as argv in `sys` (exec semantics: no shell parsing
/// of the arguments).
pub fn exec_argv(sys: &mut ContainerSys<'_>, argv: &[String], stdin: Option<&[u8]>, out: &mut Output) -> i32 {
    let mut shell = Shell::new(shell_flavor(sys.ctx.os_family), &sys.ctx.env, &sys.ctx.workdir);
    shell.state.stdout_tty = sys.ctx.tty;
    match stdin {
        // `sh -c SCRIPT` given stdin: the script's commands read it. The
        // shell feeds a here-document to its commands, so hand it one.
        Some(input) if shell_c_heredoc(argv, input).is_some() => {
            let line = shell_c_heredoc(argv, input).unwrap_or_default();
            shell.run_str(sys, &line, out).status
        }
        Some(input) => {
            let env = sys.ctx.env.clone();
            // Feed stdin through a heredoc-free path: run the command with the bytes.
            let exe = argv.first().cloned().unwrap_or_default();
            let path = resolve_executable(sys.world, &sys.ctx, &exe).ok();
            let kind = path.as_deref().and_then(|p| match view_node(&sys.world.forest, &sys.ctx.view, p) {
                Ok(Node::File(f)) => match &f.content {
                    Content::Opaque { kind, .. } => Some(kind.to_string()),
                    _ => None,
                },
                _ => None,
            });
            let cwd = sys.ctx.workdir.clone();
            let inv = Invocation { argv, path: path.as_deref(), kind: kind.as_deref(), env: &env, cwd: &cwd, stdin: Some(input) };
            let base = baleine_vfs::basename(&exe).to_string();
            if baleine_shell::utils::is_utility(&base) && kind.as_deref().is_some_and(|k| matches!(k, "busybox" | "coreutils" | "util")) {
                return baleine_shell::utils::run_utility(&base, &mut shell, sys, &argv[1..], Some(input), out).unwrap_or(127);
            }
            crate::programs::run(sys, &mut shell, &inv, out).unwrap_or(127)
        }
        None => shell.run_str(sys, &quote_argv(argv), out).status,
    }
}

/// `argv` (a shell given `-c`) as a command line reading `input` from a
/// here-document; None when that cannot carry the bytes as they are (not
/// text, no final newline, or a line equal to the delimiter).
fn shell_c_heredoc(argv: &[String], input: &[u8]) -> Option<String> {
    const DELIM: &str = "__BALEINE_STDIN__";
    let exe = baleine_vfs::basename(argv.first()?);
    if !matches!(exe, "sh" | "ash" | "bash" | "dash" | "zsh") {
        return None;
    }
    let opts = argv.get(1..)?.iter().take_while(|a| a.starts_with('-') && a.as_str() != "--");
    if !opts.into_iter().any(|a| !a.starts_with("--") && a.contains('c')) {
        return None;
    }
    let text = std::str::from_utf8(input).ok()?;
    if !(text.is_empty() || text.ends_with('\n')) || text.lines().any(|l| l == DELIM) {
        return None;
    }
    Some(format!("{} <<'{DELIM}'\n{text}{DELIM}\n", quote_argv(argv)))
}

/// Starts the main process of container `id` (account mode).
pub fn run_main_process(world: &mut World, id: &str, argv: Vec<String>, interactive: bool, tty: bool, stdin: Option<&[u8]>) -> MainResult {
    let start = world.now_ms;
    let ctx = ExecCtx::for_container(world, id, RunMode::Account { start_ms: start });
    let mut sys = ContainerSys::new(world, ctx);
    let mut out = Output::new();
    sys.main_out = std::ptr::addr_of!(out) as usize;
    // A bare shell reads its script from stdin: with -i it waits on the
    // terminal; without, stdin is empty and it exits at once.
    let is_shell = crate::programs::is_shell_invocation(&argv);
    let status = if let (true, Some(input)) = (is_shell, stdin) {
        // `docker run -i IMAGE sh < script`: the shell's script is its stdin.
        let script = String::from_utf8_lossy(input).into_owned();
        let mut shell = Shell::new(shell_flavor(sys.ctx.os_family), &sys.ctx.env, &sys.ctx.workdir);
        shell.state.stdout_tty = false;
        shell.run_str(&mut sys, &script, &mut out).status
    } else if stdin.is_some() {
        exec_argv(&mut sys, &argv, stdin, &mut out)
    } else if is_shell {
        if interactive {
            sys.interactive = true;
            sys.blocked = true;
            0
        } else {
            0
        }
    } else {
        exec_argv(&mut sys, &argv, None, &mut out)
    };
    let _ = tty;
    sys.flush_to_log(&mut out);
    let elapsed = sys.elapsed_ms;
    let blocked = sys.blocked;
    let server = sys.server.clone();
    let interactive_shell = sys.interactive;
    let body = sys.server_body.take();
    let logs = std::mem::take(&mut sys.logs);
    // A process that logged "later" (start-up messages) ends after them.
    let last_log = logs.iter().map(|l| l.ms).max().unwrap_or(start);
    // A shell whose TERM trap exits ends on `docker stop` once its current
    // foreground command is over (a short `sleep` in a loop); one sitting in
    // a long sleep only runs the trap after it, too late.
    let prompt_traps = server.is_none() && sys.last_sleep_ms <= 10_000;
    let trap_exit = sys.term_trap.as_deref().and_then(trap_exit_code).filter(|_| prompt_traps);
    // The shell's traps run when a signal comes (a shell run as a program
    // of its own leaves only its TERM trap's text).
    let traps = match sys.trap_shell.take() {
        Some(sh) => Some(sh),
        None => sys.term_trap.as_ref().map(|action| {
            let mut sh = Shell::new(shell_flavor(sys.ctx.os_family), &sys.ctx.env, &sys.ctx.workdir);
            sh.state.traps.insert("TERM".into(), action.clone());
            Box::new(sh)
        }),
    }
    .filter(|_| prompt_traps && !blocked_forever(&sys))
    .map(TrapShell);
    let process = Process {
        argv,
        started_ms: start,
        exit: if blocked { None } else { Some(((start + elapsed).max(last_log), status)) },
        handles_sigterm: server.as_ref().is_some_and(|s| s.handles_sigterm) || trap_exit.is_some(),
        term_exit: server.as_ref().map(|s| s.term_exit).or(trap_exit).unwrap_or(143),
        listens: server.as_ref().map(|s| s.ports.iter().map(|(p, at)| (*p, start + elapsed + at)).collect()).unwrap_or_default(),
        server: server.map(|s| s.program),
        interactive: interactive_shell,
        body,
        traps,
    };
    MainResult { logs, process }
}

/// Whether the process sits in a command that never ends (`sleep
/// infinity`): its shell never gets to run a trap.
fn blocked_forever(sys: &ContainerSys<'_>) -> bool {
    sys.last_sleep_ms >= u64::MAX / 8
}

/// A signal reaches the main process of container `id`, whose shell traps
/// it: the trap's action runs now, its output going to the container's
/// log. None when the shell keeps going; Some((status, ms)) when the action
/// ends it, `ms` later (after its EXIT trap, as ash and bash run it on `exit`).
pub fn run_signal_trap(world: &mut World, id: &str, num: i32) -> Option<(i32, u64)> {
    let proc_traps = world.containers.get(id).and_then(|c| c.process.as_ref()).and_then(|p| p.traps.as_ref())?;
    let mut shell = (*proc_traps.0).clone();
    let action = shell.signal_trap(u32::try_from(num).ok()?)?.to_string();
    if action.is_empty() {
        return None;
    }
    let start = world.now_ms;
    let ctx = ExecCtx::for_container(world, id, RunMode::Account { start_ms: start });
    let mut sys = ContainerSys::new(world, ctx);
    // Nested shells of the action are not the main one.
    sys.depth = 1;
    let mut out = Output::new();
    sys.main_out = std::ptr::addr_of!(out) as usize;
    shell.exited = None;
    let r = shell.run_str(&mut sys, &action, &mut out);
    let status = if r.exited { Some(shell.run_exit_trap(&mut sys, r.status, &mut out)) } else { None };
    sys.flush_to_log(&mut out);
    let status = status.map(|st| (st, sys.elapsed_ms));
    let logs = std::mem::take(&mut sys.logs);
    if let Some(c) = world.containers.get_mut(id) {
        for entry in logs {
            // After what was logged until then, before what the process
            // was to write later.
            let at = c.logs.partition_point(|l| l.ms <= entry.ms);
            c.logs.insert(at, entry);
        }
        if let Some(p) = c.process.as_mut() {
            p.traps = Some(TrapShell(Box::new(shell)));
        }
    }
    status
}

/// The status a trap action exits with (`echo bye; exit 3` -> 3, a bare
/// `exit` -> 0); None when the action does not end the shell.
pub fn trap_exit_code(action: &str) -> Option<i32> {
    let mut code = None;
    for seg in action.split([';', '\n', '&', '|']) {
        let seg = seg.trim();
        if let Some(rest) = seg.strip_prefix("exit") {
            if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                let arg = rest.trim();
                code = Some(if arg.is_empty() { 0 } else { arg.parse::<i64>().map(|n| (n & 0xff) as i32).unwrap_or(2) });
            }
        }
    }
    code
}

/// Options of `docker exec`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExecSpec {
    pub argv: Vec<String>,
    pub env: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub tty: bool,
    pub interactive: bool,
}

impl World {
    /// Checks that `docker exec` may run in a container; returns its id.
    pub fn exec_check(&self, name_or_id: &str) -> EngineResult<String> {
        let id = self.container_id(name_or_id)?;
        let c = &self.containers[&id];
        match c.state.status {
            Status::Running => Ok(id),
            // moby daemon/errors.go errExecPaused names the container as given.
            Status::Paused => Err(EngineError::conflict(format!("Container {name_or_id} is paused, unpause the container before exec"))),
            Status::Restarting => Err(EngineError::conflict(format!("Container {id} is restarting, wait until the container is running"))),
            _ => Err(EngineError::not_running(&id)),
        }
    }

    /// The execution context of `docker exec` in a running container.
    pub fn exec_ctx(&self, id: &str, spec: &ExecSpec) -> ExecCtx {
        // moby daemon/exec.go ContainerExecCreate: the daemon's defaults
        // for the exec's own TTY, then the container's Config.Env, then
        // the exec's variables (a bare `KEY` the client did not have
        // unsets it); HOME for the exec's user when none is left.
        let mut ctx = ExecCtx::for_container(self, id, RunMode::Live);
        let mut env = daemon_env(&self.containers[id], spec.tty);
        replace_or_append_env(&mut env, &spec.env);
        if let Some(w) = &spec.workdir {
            ctx.workdir = w.clone();
        }
        if let Some(u) = &spec.user {
            ctx.user = u.clone();
        }
        if !env.iter().any(|(k, _)| k == "HOME") {
            env.push(("HOME".into(), home_of(self, &ctx.view, &ctx.user)));
        }
        ctx.env = env;
        ctx.tty = spec.tty;
        ctx
    }

    /// `docker exec` of a non-interactive command: runs it to completion.
    pub fn exec(&mut self, name_or_id: &str, spec: &ExecSpec) -> EngineResult<(Output, i32)> {
        self.exec_input(name_or_id, spec, None)
    }

    /// `docker exec` with the bytes the client's stdin carries (`-i` with a
    /// pipe or a redirection) fed to the command.
    pub fn exec_input(&mut self, name_or_id: &str, spec: &ExecSpec, stdin: Option<&[u8]>) -> EngineResult<(Output, i32)> {
        let id = self.exec_check(name_or_id)?;
        let ctx = self.exec_ctx(&id, spec);
        let exe = spec.argv.first().cloned().unwrap_or_default();
        // moby daemon/exec.go: "exec_create: ENTRYPOINT ARGS" (a space even
        // without args), then exec_start when the process runs, exec_die
        // with its exit code (monitor.go).
        // Derived, not drawn from the id generator: later ids stay as they were.
        let exec_id = crate::util::sha256_hex(&format!("exec:{id}:{}:{}", self.now_ms, self.events.len()));
        let name = self.containers[&id].name.clone();
        let what = format!("{} {}", exe, spec.argv.get(1..).unwrap_or_default().join(" "));
        self.event("container", &format!("exec_create: {what}"), &id, &name, vec![("execID".into(), exec_id.clone())]);
        // ContainerExecStart logs exec_start before anything can fail: the
        // user lookup, the working folder and the executable come after.
        self.event("container", &format!("exec_start: {what}"), &id, &name, vec![("execID".into(), exec_id.clone())]);
        // The daemon resolves a user name in the container's /etc/passwd
        // before starting the process (moby daemon/oci_linux.go getUser).
        if let Some(u) = &spec.user {
            check_user(self, &ctx.view, u).map_err(|m| EngineError::new(ErrorKind::CommandNotInvokable, m))?;
        }
        // runc chdir()s to the working folder before exec'ing the program.
        if spec.workdir.is_some() {
            if !matches!(view_node(&self.forest, &ctx.view, &ctx.workdir), Ok(Node::Dir(_))) {
                let wd = ctx.workdir.clone();
                return Err(EngineError::new(
                    ErrorKind::CommandNotInvokable,
                    format!("OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd (\"{wd}\") set in config.json failed: no such file or directory: unknown"),
                ));
            }
        }
        if let Err(e) = resolve_executable(self, &ctx, &exe) {
            let msg = match e {
                ExecError::NotFound => format!("exec: \"{exe}\": executable file not found in $PATH"),
                ExecError::NoSuchFile => format!("exec: \"{exe}\": stat {exe}: no such file or directory"),
                ExecError::Permission => format!("exec: \"{exe}\": permission denied"),
            };
            return Err(EngineError::new(
                if e == ExecError::Permission { ErrorKind::CommandNotInvokable } else { ErrorKind::CommandNotFound },
                format!("OCI runtime exec failed: exec failed: unable to start container process: {msg}: unknown"),
            ));
        }
        let mut sys = ContainerSys::new(self, ctx);
        let mut out = Output::new();
        let status = exec_argv(&mut sys, &spec.argv, stdin, &mut out);
        self.event("container", "exec_die", &id, &name, vec![("execID".into(), exec_id), ("exitCode".into(), status.to_string())]);
        Ok((out, status))
    }

    /// Runs one line in an interactive shell session inside a container.
    pub fn exec_shell_line(&mut self, id: &str, shell: &mut Shell, ctx: &ExecCtx, line: &str) -> (Output, bool) {
        let mut out = Output::new();
        if !self.containers.get(id).is_some_and(|c| c.state.status == Status::Running) {
            return (out, true);
        }
        let mut sys = ContainerSys::new(self, ctx.clone());
        let r = shell.run_str(&mut sys, line, &mut out);
        (out, r.exited)
    }

    /// Runs a healthcheck probe now.
    pub(crate) fn on_health_check(&mut self, id: &str, gen: u64, lookup: Option<Box<ProbeLookup>>) {
        let Some(c) = self.containers.get(id) else { return };
        if c.generation != gen || c.state.status != Status::Running {
            if c.generation == gen && c.state.status == Status::Paused {
                let h = c.healthcheck.clone().unwrap_or_default();
                self.schedule_at(self.now_ms + h.interval(), crate::world::Scheduled::Health { cid: id.to_string(), gen, lookup });
            }
            return;
        }
        let Some(mut h) = c.healthcheck.clone() else { return };
        let started = c.state.started_ms.unwrap_or(0);
        let in_start_period = self.now_ms < started + h.start_period_ms;
        let shell_form = h.test.first().map(String::as_str) != Some("CMD");
        let mut argv = std::mem::take(&mut h.test);
        if matches!(argv.first().map(String::as_str), Some("CMD" | "CMD-SHELL")) {
            argv.remove(0);
        }
        // moby daemon/health.go: each probe is an exec, logged as one
        // (exec_create and exec_start with the probe's argv, the shell form
        // under the image's SHELL or /bin/sh -c; exec_die when it ends).
        // Derived from the container and the clock (not drawn from the id
        // generator, and cheap: a compose project probes thousands of times).
        let seed = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)) ^ self.now_ms.rotate_left(17) ^ (self.events.len() as u64).rotate_left(40);
        let exec_id = crate::util::Rng::new(seed).hex64();
        let name = c.name.clone();
        let what = {
            let mut words: Vec<&str> = Vec::new();
            let shell = self.images.get(&c.image_id).and_then(|i| i.config.shell.as_ref()).filter(|s| !s.is_empty());
            if shell_form {
                match shell {
                    Some(s) => words.extend(s.iter().map(String::as_str)),
                    None => words.extend(["/bin/sh", "-c"]),
                }
            }
            words.extend(argv.iter().map(String::as_str));
            let (exe, args) = words.split_first().map_or(("", &[][..]), |(e, a)| (*e, a));
            format!("{exe} {}", args.join(" "))
        };
        for action in ["exec_create", "exec_start"] {
            self.probe_event(&format!("{action}: {what}"), id, &name, vec![("execID".into(), exec_id.clone())]);
        }
        let ctx = ExecCtx::for_container_with_home(self, id, RunMode::Detached, |world, view, user| ProbeLookup::home(lookup.as_deref(), world, view, user));
        let exe = (!shell_form).then(|| argv.first().map_or("", String::as_str));
        let lookup = ProbeLookup::find(self, &ctx, exe, lookup);
        let mut sys = ContainerSys::new(self, ctx);
        let mut out = Output::new();
        let status = if shell_form {
            let script = argv.join(" ");
            let env = sys.ctx.env.clone();
            let wd = sys.ctx.workdir.clone();
            let mut shell = Shell::new(Flavor::Ash, &env, &wd);
            shell.state.stdout_tty = false;
            shell.run_str(&mut sys, &script, &mut out).status
        } else if lookup.found() {
            exec_argv(&mut sys, &argv, None, &mut out)
        } else {
            let exe = argv.first().map_or("", String::as_str);
            out.out(format!("OCI runtime exec failed: exec failed: unable to start container process: exec: \"{exe}\": executable file not found in $PATH: unknown"));
            -1
        };
        let took = sys.elapsed_ms.min(h.timeout());
        let timed_out = sys.elapsed_ms > h.timeout();
        let now = self.now_ms;
        // A probe whose executable is missing never started: no exit to log.
        // One that outlived its timeout was killed (SIGKILL: 137).
        if status != -1 {
            let code = if timed_out { 137 } else { status };
            self.probe_event("exec_die", id, &name, vec![("execID".into(), exec_id), ("exitCode".into(), code.to_string())]);
        }
        let output = out.text();
        let mut became = None;
        let mut healthy = false;
        if let Some(c) = self.containers.get_mut(id) {
            let ok = status == 0 && !timed_out;
            if let Some(health) = c.state.health.as_mut() {
                health.log.push(HealthLog { start_ms: now, end_ms: now + took, exit_code: if timed_out { -1 } else { status }, output: if timed_out { format!("Health check exceeded timeout ({})", crate::util::go_duration(h.timeout())) } else { output } });
                if health.log.len() > 5 {
                    health.log.remove(0);
                }
                if ok {
                    health.failing_streak = 0;
                    if health.status != "healthy" {
                        health.status = "healthy".into();
                        became = Some("healthy");
                    }
                } else if !in_start_period || health.status == "healthy" {
                    health.failing_streak += 1;
                    if health.failing_streak >= h.retries() && health.status != "unhealthy" {
                        health.status = "unhealthy".into();
                        became = Some("unhealthy");
                    }
                }
                healthy = health.status == "healthy";
            }
        }
        if let Some(st) = became {
            self.event("container", &format!("health_status: {st}"), id, &name, vec![]);
        }
        let next = if !healthy && h.start_interval_ms > 0 && self.now_ms < started + h.start_period_ms { h.start_interval_ms } else { h.interval() };
        self.schedule_at(now + next.max(1), crate::world::Scheduled::Health { cid: id.to_string(), gen, lookup: Some(lookup) });
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ContainerSpec;
    use crate::world::World;

    /// The utilities are the image's (GNU's on Debian and Ubuntu, busybox's
    /// on Alpine), whatever runs them: here an exec-form main process.
    #[test]
    fn utilities_follow_the_image() {
        let mut w = World::new(7, 1_764_057_600);
        for (image, first) in [("ubuntu", "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options"), ("alpine", "tar: need at least one option")] {
            w.pull(image).unwrap();
            let id = w.create_container(ContainerSpec { image: image.into(), cmd: Some(vec!["tar".into()]), ..Default::default() }).unwrap();
            w.start_container(&id).unwrap();
            let logs = w.logs_until_now(&id);
            assert_eq!(logs.first().map(|l| l.line.as_str()), Some(first), "{image}");
        }
    }

    /// moby's ReplaceOrAppendEnvValues: in place, appended, or removed.
    #[test]
    fn env_overrides_replace_in_place() {
        let mut env: Vec<(String, String)> = [("PATH", "/bin"), ("HOSTNAME", "h"), ("A", "1")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        super::replace_or_append_env(&mut env, &["PATH=/x".to_string(), "A".to_string(), "B=2".to_string(), "NOPE".to_string()]);
        assert_eq!(env, vec![("PATH".to_string(), "/x".to_string()), ("HOSTNAME".into(), "h".into()), ("B".into(), "2".into())]);
    }

    /// CreateDaemonEnvironment: TERM follows HOSTNAME; a HOSTNAME given
    /// in Config.Env takes the default's place, a bare one removes it.
    #[test]
    fn daemon_env_order() {
        let mut w = World::new(7, 1_764_057_600);
        w.pull("alpine").unwrap();
        let keys = |w: &World, id: &str, tty: bool| super::daemon_env(&w.containers[id], tty).into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>();
        let id = w.create_container(ContainerSpec { image: "alpine".into(), env: vec!["A=1".into(), "HOSTNAME=me".into()], ..Default::default() }).unwrap();
        assert_eq!(keys(&w, &id, true)[1..], ["HOSTNAME=me", "TERM=xterm", "A=1"]);
        let id = w.create_container(ContainerSpec { image: "alpine".into(), env: vec!["HOSTNAME".into()], ..Default::default() }).unwrap();
        assert_eq!(keys(&w, &id, false).len(), 1);
    }

    #[test]
    fn trap_exit_codes() {
        use super::trap_exit_code;
        assert_eq!(trap_exit_code("echo bye; exit 3"), Some(3));
        assert_eq!(trap_exit_code("exit"), Some(0));
        assert_eq!(trap_exit_code("echo exiting"), None);
        assert_eq!(trap_exit_code("cleanup && exit 130"), Some(130));
    }

    /// `docker run alpine ps`: ps is PID 1; with --init it runs under docker-init.
    #[test]
    fn ps_as_the_main_process() {
        let mut w = World::new(7, 1_764_057_600);
        w.pull("alpine").unwrap();
        for (init, want) in [(false, vec!["PID   USER     TIME  COMMAND", "    1 root      0:00 ps"]), (true, vec!["PID   USER     TIME  COMMAND", "    1 root      0:00 /sbin/docker-init -- ps", "    7 root      0:00 ps"])] {
            let id = w.create_container(ContainerSpec { image: "alpine".into(), cmd: Some(vec!["ps".into()]), init, ..Default::default() }).unwrap();
            w.start_container(&id).unwrap();
            let logs: Vec<String> = w.logs_until_now(&id).into_iter().map(|l| l.line).collect();
            assert_eq!(logs, want);
        }
    }
}
