//! The learner's host as the shell sees it: its files, its programs
//! (`docker`, `curl`, `ping`...), its clock.

use baleine_docker::Pending;
use baleine_engine::model::OsFamily;
use baleine_engine::sys::{ContainerSys, ExecCtx, RunMode};
use baleine_engine::World;
use baleine_shell::{Invocation, Output, Shell, System};
use baleine_vfs::{Content, Fs, FsResult, FsView, Meta, Node, Stat};

/// The host's [`System`]: files of the host tree, programs of the host.
pub struct HostSys<'w> {
    pub inner: ContainerSys<'w>,
    /// Set when `docker` left something holding the terminal.
    pub pending: Option<Pending>,
    /// Whether a following command may hold the terminal (the line is that
    /// one command); if not, it runs to its end on the spot.
    pub may_hold_terminal: bool,
}

impl<'w> HostSys<'w> {
    pub fn new(world: &'w mut World) -> HostSys<'w> {
        let view = FsView::plain(world.host_tree);
        let ctx = ExecCtx {
            cid: None,
            view,
            env: Vec::new(),
            user: crate::USER.into(),
            hostname: baleine_engine::HOST_NAME.into(),
            workdir: crate::PROJECT.into(),
            mode: RunMode::Live,
            os_family: OsFamily::Ubuntu,
            no_network: false,
            tty: true,
            host: true,
        };
        HostSys { inner: ContainerSys::new(world, ctx), pending: None, may_hold_terminal: true }
    }

    /// What `docker` returned: its output, and what it leaves holding the
    /// terminal; a following command that may not hold it runs to its end.
    fn took(&mut self, r: baleine_docker::CliResult, out: &mut Output) -> i32 {
        out.append(r.out);
        match r.pending {
            Some(Pending::Follow(f)) if !self.may_hold_terminal || self.pending.is_some() => self.follow_to_end(f, out),
            Some(p) => {
                self.pending = Some(p);
                r.status
            }
            None => r.status,
        }
    }

    fn follow_to_end(&mut self, mut f: baleine_docker::Follow, out: &mut Output) -> i32 {
        let world = &mut *self.inner.world;
        let (start, mut last) = (world.now_ms, world.now_ms);
        for _ in 0..100_000 {
            let mut o = Output::new();
            let done = baleine_docker::follow_tick(world, &mut f, &mut o);
            if !o.is_empty() {
                last = world.now_ms;
            }
            out.append(o);
            if let Some(code) = done {
                return code;
            }
            match crate::follow_step(world, &f, last, start) {
                crate::FollowStep::Tick(ms) => world.advance(ms),
                crate::FollowStep::Interrupt => break,
            }
        }
        baleine_docker::follow_interrupt(world, f, out)
    }
}

impl Fs for HostSys<'_> {
    fn stat(&self, path: &str) -> FsResult<Stat> {
        self.inner.stat(path)
    }
    fn read(&self, path: &str) -> FsResult<Content> {
        self.inner.read(path)
    }
    fn write(&mut self, path: &str, content: Content, meta: Option<Meta>) -> FsResult<()> {
        self.inner.write(path, content, meta)
    }
    fn mkdir(&mut self, path: &str, parents: bool) -> FsResult<()> {
        self.inner.mkdir(path, parents)
    }
    fn remove(&mut self, path: &str, recursive: bool) -> FsResult<()> {
        self.inner.remove(path, recursive)
    }
    fn list(&self, path: &str) -> FsResult<Vec<String>> {
        self.inner.list(path)
    }
    fn node(&self, path: &str) -> FsResult<Node> {
        self.inner.node(path)
    }
    fn put_node(&mut self, path: &str, node: Node) -> FsResult<()> {
        self.inner.put_node(path, node)
    }
    fn set_meta(&mut self, path: &str, meta: Meta) -> FsResult<()> {
        self.inner.set_meta(path, meta)
    }
}

impl System for HostSys<'_> {
    fn run_program(&mut self, shell: &mut Shell, inv: &Invocation<'_>, out: &mut Output) -> Option<i32> {
        let name = baleine_vfs::basename(inv.argv.first()?).to_string();
        let kind = inv.kind.unwrap_or("");
        if inv.path.is_none() {
            return None;
        }
        if kind == "docker" || name == "docker" {
            let stdin = inv.stdin;
            let r = baleine_docker::docker_to(self.inner.world, &inv.argv[1..], inv.cwd, inv.env, stdin, shell.stdout_is_tty());
            return Some(self.took(r, out));
        }
        if kind == "docker-compose" || name == "docker-compose" {
            let mut argv = vec!["compose".to_string()];
            argv.extend(inv.argv[1..].iter().cloned());
            let r = baleine_docker::docker(self.inner.world, &argv, inv.cwd, inv.env, inv.stdin);
            return Some(self.took(r, out));
        }
        if name == "systemctl" || name == "service" {
            let args: Vec<&str> = inv.argv[1..].iter().map(String::as_str).collect();
            let restart = args.contains(&"restart") && args.contains(&"docker");
            if restart {
                self.inner.world.restart_daemon();
                return Some(0);
            }
            if args.contains(&"status") && args.contains(&"docker") {
                out.out("● docker.service - Docker Application Container Engine (simulated by baleine)\n     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)\n     Active: active (running)\n");
                return Some(0);
            }
            out.err("baleine: only `systemctl restart docker` and `systemctl status docker` are simulated.\n");
            return Some(1);
        }
        if name == "baleine" {
            return Some(baleine_command(self.inner.world, &inv.argv[1..], out));
        }
        if name == "sudo" {
            let rest: Vec<String> = inv.argv[1..].to_vec();
            if rest.is_empty() {
                out.err("usage: sudo command\n");
                return Some(1);
            }
            let line = baleine_engine::sys::quote_argv(&rest);
            return Some(shell.run_str(self, &line, out).status);
        }
        self.inner.ctx.env = inv.env.to_vec();
        self.inner.ctx.workdir = inv.cwd.to_string();
        baleine_engine::programs::run(&mut self.inner, shell, inv, out)
    }

    fn sleep(&mut self, secs: f64, out: &mut Output) {
        self.inner.sleep(secs, out)
    }

    fn now(&self) -> u64 {
        self.inner.now()
    }

    fn user(&self) -> (String, u32, u32) {
        (crate::USER.into(), 1000, 1000)
    }

    fn hostname(&self) -> String {
        baleine_engine::HOST_NAME.into()
    }
}

/// `baleine ...`: the simulator's own explanations (clearly not Docker).
fn baleine_command(world: &World, args: &[String], out: &mut Output) -> i32 {
    match args.first().map(String::as_str) {
        Some("why") if args.len() == 3 => {
            let (resolves, ip, connects, why) = world.explain_reach(&args[1], &args[2]);
            out.out(format!("baleine: {} -> {}: {}{}\n  {}\n", args[1], args[2], if resolves { "resolves" } else { "does not resolve" }, match ip {
                Some(ip) => format!(" to {}", baleine_engine::model::ip_to_string(ip)),
                None => String::new(),
            }, why));
            if resolves && connects {
                0
            } else {
                1
            }
        }
        Some("build") => {
            let Some(b) = world.build.view() else {
                out.out("baleine: no build yet in this session.\n");
                return 1;
            };
            out.out(format!("baleine: last build of {} ({})\n", if b.tags.is_empty() { "<untagged>".to_string() } else { b.tags.join(", ") }, if b.ok { "succeeded" } else { "failed" }));
            for s in &b.steps {
                let why = if s.cached { "CACHED".to_string() } else { s.reason.clone().unwrap_or_else(|| "ran".into()) };
                out.out(format!("  {:<50} {}\n", s.name, why));
            }
            0
        }
        _ => {
            out.out("baleine: explanations the real Docker does not give\n  baleine why CONTAINER NAME|IP   can CONTAINER resolve and reach NAME? if not, why\n  baleine build                  why each step of the last build ran or came from the cache\n");
            if args.is_empty() {
                0
            } else {
                2
            }
        }
    }
}
