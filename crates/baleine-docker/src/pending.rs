//! Commands that keep the terminal after they return: interactive shells
//! and clients inside containers, following output (`logs -f`, attached
//! `run`, `stats`, `events`, attached `compose up`), and prompts (`login`).

use baleine_engine::model::Status;
use baleine_engine::sys::ExecCtx;
use baleine_engine::World;
use baleine_shell::{Flavor, Output, Shell};

/// What keeps the terminal.
pub enum Pending {
    /// A shell (or database client) inside a container reads the next lines.
    Shell(ShellSession),
    /// Output keeps coming until the command ends or Ctrl+C.
    Follow(Follow),
    /// A question on the terminal (`Username: `).
    Prompt(Prompt),
}

/// An interactive session inside a container.
pub struct ShellSession {
    pub cid: String,
    pub ctx: ExecCtx,
    pub shell: Shell,
    /// The shell is the container's main process (`docker run -it`): its
    /// exit stops the container.
    pub main: bool,
    pub client: Option<Client>,
    pub auto_remove: bool,
}

/// Interactive database clients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Client {
    /// psql connected to `server` (a container id) as `user` on `db`.
    Psql { db: String, user: String, server: String },
    /// redis-cli talking to the redis server in container `server`.
    Redis { host: String, server: String },
    Mysql,
    Mongo,
    /// A shell-less image: nothing to type into.
    Attached,
}

pub enum Follow {
    /// `docker logs -f`: prints new lines; ends when the container stops.
    Logs { cid: String, shown: usize, timestamps: bool },
    /// Attached `docker run` / `docker start -a` / `docker attach`.
    Attach { cid: String, shown: usize, auto_remove: bool, remove_name: String },
    /// `docker run -a stdout` / `-a stderr`: only the attached streams
    /// are shown (docker/cli run.go attachContainer AttachOptions).
    RunAttach { cid: String, shown: usize, auto_remove: bool, stdout: bool, stderr: bool },
    /// `docker stats` without --no-stream.
    Stats { ids: Vec<String>, all: bool, last_ms: u64 },
    /// `docker events`.
    Events { shown: usize, watch: crate::cmd_events::EventsWatch },
    /// `docker compose up` attached, `compose logs -f`.
    Compose(crate::compose::ComposeFollow),
}

pub enum Prompt {
    /// `Are you sure you want to continue? [y/N]`: on yes, runs `argv` (with --force).
    Confirm { argv: Vec<String>, cwd: String },
    /// `config`: the client's config file, named by the warning of the
    /// file credential store.
    LoginUser { registry: String, config: String },
    LoginPassword { registry: String, user: String, config: String },
}

/// The prompt to show while `p` keeps the terminal.
pub fn pending_prompt(world: &World, p: &Pending) -> String {
    match p {
        Pending::Shell(s) => match &s.client {
            Some(Client::Psql { db, .. }) => format!("{db}=# "),
            Some(Client::Redis { host, .. }) => format!("{host}:6379> "),
            Some(Client::Mysql) => "mysql> ".into(),
            Some(Client::Mongo) => "test> ".into(),
            Some(Client::Attached) => String::new(),
            None => shell_prompt(world, s),
        },
        Pending::Follow(_) => String::new(),
        Pending::Prompt(Prompt::Confirm { .. }) => String::new(),
        // The question itself is printed as output, as docker does.
        Pending::Prompt(Prompt::LoginUser { .. }) => String::new(),
        Pending::Prompt(Prompt::LoginPassword { .. }) => String::new(),
    }
}

fn shell_prompt(world: &World, s: &ShellSession) -> String {
    let (user, uid, _) = {
        let view = &s.ctx.view;
        let name = s.ctx.user.split(':').next().unwrap_or("root");
        match baleine_engine::sys::passwd_entry(world, view, if name.is_empty() { "root" } else { name }) {
            Some((n, uid, gid, _)) => (n, uid, gid),
            None => (if name.is_empty() { "root".to_string() } else { name.to_string() }, name.parse().unwrap_or(0), 0),
        }
    };
    let cwd = s.shell.cwd.clone();
    let home = s.shell.var("HOME").unwrap_or("/root").to_string();
    let sign = if uid == 0 { '#' } else { '$' };
    if s.shell.flavor == Flavor::Bash {
        let shown = if cwd == home { "~".to_string() } else if let Some(r) = cwd.strip_prefix(&format!("{home}/")) { format!("~/{r}") } else { cwd };
        format!("{user}@{}:{shown}{sign} ", s.ctx.hostname)
    } else {
        let shown = if cwd == home && home != "/" { "~".to_string() } else { cwd };
        format!("{shown} {sign} ")
    }
}

/// Gives one typed line to a pending session. Returns Some(status) when the
/// session is over.
pub fn pending_line(world: &mut World, p: &mut Pending, line: &str) -> (Output, Option<i32>) {
    match p {
        Pending::Shell(s) => shell_line(world, s, line),
        Pending::Follow(_) => (Output::new(), None),
        Pending::Prompt(pr) => {
            let mut out = Output::new();
            match pr {
                Prompt::Confirm { argv, cwd } => {
                    // docker/cli PromptForConfirmation: strings.EqualFold(answer, "y").
                    if line.trim().eq_ignore_ascii_case("y") {
                        let r = crate::docker(world, argv, cwd, &[], None);
                        out.append(r.out);
                        return (out, Some(r.status));
                    }
                    (out, Some(0))
                }
                Prompt::LoginUser { registry, config } => {
                    let user = line.trim().to_string();
                    if user.is_empty() {
                        out.err("Error: Non-null Username Required\n");
                        return (out, Some(1));
                    }
                    *pr = Prompt::LoginPassword { registry: registry.clone(), user, config: config.clone() };
                    out.out("Password: ");
                    (out, None)
                }
                Prompt::LoginPassword { registry, user, config } => {
                    out.out("\n");
                    if line.trim().is_empty() {
                        out.err("Error: Password Required\n");
                        return (out, Some(1));
                    }
                    world.logins.insert(registry.clone(), user.clone());
                    out.err(crate::cmd_system::unencrypted_warning(config));
                    out.out("Login Succeeded\n");
                    (out, Some(0))
                }
            }
        }
    }
}

fn shell_line(world: &mut World, s: &mut ShellSession, line: &str) -> (Output, Option<i32>) {
    let mut out = Output::new();
    if !world.containers.get(&s.cid).is_some_and(|c| c.state.status == Status::Running) {
        return (out, Some(s.shell.last_status));
    }
    if let Some(client) = s.client.as_mut() {
        let t = line.trim();
        let quit = matches!(t, "\\q" | "exit" | "quit" | "exit;" | "quit;" | ".exit");
        if quit {
            return (out, Some(0));
        }
        match client {
            // The same server state as `psql -c` and one-shot redis-cli.
            Client::Psql { db, user, server } => {
                if !t.is_empty() {
                    let r = baleine_engine::clients::psql_line(world, server, db, user, t);
                    out.out(r.out);
                    out.err(r.err);
                }
            }
            Client::Redis { server, .. } => {
                let mut store = baleine_engine::clients::redis_store_load(world, server);
                out.out(baleine_engine::clients::redis_answer(t, &mut store));
                baleine_engine::clients::redis_store_save(world, server, &store);
            }
            Client::Mysql => {
                if !t.is_empty() {
                    out.out(baleine_engine::clients::mysql_answer(t));
                }
            }
            Client::Mongo => {
                if !t.is_empty() {
                    out.out(format!("-- baleine: the simulated MongoDB shell does not evaluate \"{t}\"; type exit to leave.\n"));
                }
            }
            Client::Attached => {}
        }
        return (out, None);
    }
    let (o, exited) = world.exec_shell_line(&s.cid, &mut s.shell, &s.ctx, line);
    out.append(o);
    if exited {
        let status = s.shell.exited.unwrap_or(s.shell.last_status);
        if s.main {
            world.end_main_process(&s.cid, status);
            if s.auto_remove {
                let _ = world.remove_container(&s.cid, true, true);
            }
        }
        return (out, Some(status));
    }
    (out, None)
}

/// Lets a following command print what happened since last time. Returns
/// Some(status) when it has ended by itself.
pub fn follow_tick(world: &mut World, f: &mut Follow, out: &mut Output) -> Option<i32> {
    match f {
        Follow::Logs { cid, shown, timestamps } => {
            let logs = world.logs_until_now(cid);
            // A TTY merges both streams into one (stdout).
            let tty = world.containers.get(cid.as_str()).is_some_and(|c| c.spec.tty);
            for l in logs.iter().skip(*shown) {
                let line = if *timestamps { format!("{} {}\n", baleine_engine::util::rfc3339_nanos(l.ms, world.epoch_secs), l.line) } else { format!("{}\n", l.line) };
                if l.stderr && !tty {
                    out.err(line);
                } else {
                    out.out(line);
                }
            }
            *shown = logs.len().max(*shown);
            match world.containers.get(cid.as_str()) {
                Some(c) if c.is_running() => None,
                _ => Some(0),
            }
        }
        Follow::Attach { cid, shown, auto_remove, remove_name } => {
            let _ = remove_name;
            attach_tick(world, out, cid, shown, *auto_remove, true, true)
        }
        Follow::RunAttach { cid, shown, auto_remove, stdout, stderr } => attach_tick(world, out, cid, shown, *auto_remove, *stdout, *stderr),
        Follow::Stats { ids, all, last_ms } => {
            if world.now_ms >= *last_ms + 1000 || *last_ms == 0 {
                *last_ms = world.now_ms.max(1);
                out.out("\x1b[2J\x1b[H");
                out.out(crate::cmd_container::stats_table(world, ids, *all));
            }
            None
        }
        Follow::Events { shown, watch } => {
            let new: Vec<_> = world.events.iter().skip(*shown).cloned().collect();
            *shown = world.events.len();
            let text = crate::cmd_events::render(world, &new, watch);
            if !text.is_empty() {
                out.out(text);
            }
            None
        }
        Follow::Compose(c) => crate::compose::follow_tick(world, c, out),
    }
}

/// One tick of an attached container: the new output of the attached
/// streams (a TTY merges both into stdout); the exit status once it ends.
fn attach_tick(world: &mut World, out: &mut Output, cid: &str, shown: &mut usize, auto_remove: bool, stdout: bool, stderr: bool) -> Option<i32> {
    let logs = world.logs_until_now(cid);
    let tty = world.containers.get(cid).is_some_and(|c| c.spec.tty);
    for l in logs.iter().skip(*shown) {
        if l.stderr && !tty {
            if stderr {
                out.err(format!("{}\n", l.line));
            }
        } else if stdout {
            out.out(format!("{}\n", l.line));
        }
    }
    *shown = logs.len().max(*shown);
    match world.containers.get(cid) {
        Some(c) if c.is_running() && c.state.status != Status::Restarting => None,
        Some(c) => {
            let code = c.state.exit_code;
            if auto_remove && world.containers.contains_key(cid) {
                let _ = world.remove_container(cid, true, true);
            }
            Some(code)
        }
        None => Some(world.exit_codes.get(cid).copied().unwrap_or(0)),
    }
}

/// Ctrl+C on a following command.
pub fn follow_interrupt(world: &mut World, f: Follow, out: &mut Output) -> i32 {
    match f {
        Follow::Attach { cid, auto_remove, .. } | Follow::RunAttach { cid, auto_remove, .. } => {
            // docker run forwards SIGINT to the container (sig-proxy).
            out.out("^C");
            let _ = world.kill_container(&cid, "SIGINT");
            let code = world.containers.get(&cid).map(|c| if c.is_running() { 130 } else { c.state.exit_code }).unwrap_or(130);
            if auto_remove && world.containers.get(&cid).is_some_and(|c| !c.is_running()) {
                let _ = world.remove_container(&cid, true, true);
            }
            code
        }
        Follow::Compose(c) => crate::compose::follow_interrupt(world, c, out),
        _ => {
            out.out("^C\n");
            130
        }
    }
}

impl ShellSession {
    /// A new interactive shell in a running container.
    pub fn new(world: &World, cid: &str, ctx: ExecCtx, shell_name: &str, main: bool, auto_remove: bool) -> ShellSession {
        let flavor = if shell_name == "bash" || shell_name == "zsh" { Flavor::Bash } else { Flavor::Ash };
        let mut shell = Shell::new(flavor, &ctx.env, &ctx.workdir);
        shell.state.stdout_tty = true;
        shell.state.interactive = true;
        if flavor == Flavor::Ash {
            shell.name = "sh".into();
        }
        let _ = world;
        ShellSession { cid: cid.to_string(), ctx, shell, main, client: None, auto_remove }
    }
}
