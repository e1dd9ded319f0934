//! Lifecycle commands: up, create, start, stop, restart, kill, pause,
//! unpause, rm, down, scale.

use baleine_compose::graph;
use baleine_engine::model::Status;
use indexmap::IndexMap;

use super::cli::{int_flag, Failure, Globals};
use super::convert::{IMAGE_LABEL, NETWORK_LABEL, PROJECT_LABEL, VOLUME_LABEL};
use super::files::{self, Loaded};
use super::follow::{ComposeFollow, UpFollow};
use super::ops::{self, CreateOpts, Ctr, ImageOpts, Recreate, Starter};
use super::progress::{Progress, St};
use crate::args::Args;
use crate::pending::{Follow, Pending, Prompt};
use crate::Cli;

/// Simulated time `up -d` waits for dependencies at most.
const START_LIMIT_MS: u64 = 600_000;

fn parse_scale(a: &Args) -> Result<IndexMap<String, i64>, String> {
    let mut m = IndexMap::new();
    for s in a.values("scale") {
        let Some((k, v)) = s.split_once('=') else {
            return Err(format!("invalid scale option {s:?}, should be SERVICE=NUM"));
        };
        let n: i64 = v.trim().parse().map_err(|_| format!("strconv.Atoi: parsing {v:?}: invalid syntax"))?;
        m.insert(k.to_string(), n);
    }
    Ok(m)
}

fn timeout(a: &Args) -> Option<u64> {
    int_flag(a, "timeout").map(|t| t.max(0) as u64)
}

/// `--no-deps`: only the named services.
fn without_deps(lp: Loaded) -> Loaded {
    if lp.named.is_empty() {
        return lp;
    }
    let order: Vec<String> = lp.selected.iter().filter(|s| lp.named.contains(s)).cloned().collect();
    let named = lp.named.clone();
    files::finish(lp.project, order, named)
}

fn create_opts(cli: &Cli<'_>, g: &Globals, a: &Args) -> Result<CreateOpts, Failure> {
    let force = a.has("force-recreate");
    let no_recreate = a.has("no-recreate");
    let always_deps = a.has("always-recreate-deps");
    if force && no_recreate {
        return Err("--force-recreate and --no-recreate are incompatible".into());
    }
    if always_deps && no_recreate {
        return Err("--always-recreate-deps and --no-recreate are incompatible".into());
    }
    if a.has("renew-anon-volumes") && no_recreate {
        return Err("--no-recreate and --renew-anon-volumes are incompatible".into());
    }
    let truthy = |v: Option<&str>| v.and_then(baleine_util::go::parse_bool) == Some(true);
    let remove_orphans = if a.present("remove-orphans") { a.has("remove-orphans") } else { truthy(cli.getenv("COMPOSE_REMOVE_ORPHANS")) };
    let ignore_orphans = truthy(cli.getenv("COMPOSE_IGNORE_ORPHANS"));
    if ignore_orphans && remove_orphans {
        return Err("cannot combine COMPOSE_IGNORE_ORPHANS and --remove-orphans".into());
    }
    Ok(CreateOpts {
        recreate: if force { Recreate::Force } else if no_recreate { Recreate::Never } else { Recreate::Diverged },
        recreate_deps: if always_deps { Recreate::Force } else if no_recreate { Recreate::Never } else { Recreate::Diverged },
        inherit: !a.has("renew-anon-volumes"),
        timeout: timeout(a),
        remove_orphans,
        ignore_orphans,
        scale: parse_scale(a)?,
        env_files: g.env_files.clone(),
    })
}

fn image_opts(a: &Args) -> Result<ImageOpts, String> {
    if a.has("build") && a.has("no-build") {
        return Err("--build and --no-build are incompatible".into());
    }
    let pull = a.value("pull").unwrap_or("policy").to_string();
    if !matches!(pull.as_str(), "policy" | "always" | "missing" | "never" | "build" | "if_not_present" | "daily" | "weekly") {
        return Err(format!("invalid --pull option {pull:?}"));
    }
    Ok(ImageOpts { force_build: a.has("build"), no_build: a.has("no-build"), pull, quiet_pull: a.has("quiet-pull"), services: Vec::new() })
}

/// `docker compose up`.
pub fn up(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let mut detach = a.has("detach");
    let wait = a.has("wait");
    let exit_code_from = a.value("exit-code-from").map(str::to_string);
    let cascade_fail = a.has("abort-on-container-failure");
    let cascade_stop = a.has("abort-on-container-exit") || (exit_code_from.is_some() && !cascade_fail);
    let attach: Vec<String> = a.values("attach").into_iter().map(str::to_string).collect();
    let attach_deps = a.has("attach-dependencies");
    if cascade_stop && cascade_fail {
        return Err("--abort-on-container-failure cannot be combined with --abort-on-container-exit".into());
    }
    if wait {
        if attach_deps || cascade_stop || !attach.is_empty() {
            return Err("--wait cannot be combined with --abort-on-container-exit, --attach or --attach-dependencies".into());
        }
        detach = true;
    }
    if a.has("watch") {
        if detach {
            return Err("--detach cannot be combined with --abort-on-container-exit, --abort-on-container-failure, --attach, --attach-dependencies or --watch".into());
        }
        return Err(watch_unsupported().into());
    }
    if detach && (attach_deps || cascade_stop || cascade_fail || !attach.is_empty()) {
        return Err("--detach cannot be combined with --abort-on-container-exit, --abort-on-container-failure, --attach, --attach-dependencies or --watch".into());
    }
    let img = image_opts(a)?;
    let copts = create_opts(cli, g, a)?;
    if !attach.is_empty() && attach_deps {
        return Err("cannot combine --attach and --attach-dependencies".into());
    }
    let services = a.args.clone();
    let mut lp = files::load_project(cli, g, &services)?;
    if a.has("no-deps") {
        lp = without_deps(lp);
    }
    if let Some(s) = &exit_code_from {
        // up.go apply: project.GetService on the project of the selected
        // services (the others are disabled).
        if !lp.selected.contains(s) {
            let known = lp.project.services.contains_key(s) || lp.project.disabled_services.contains_key(s);
            return Err(format!("no such service: {s}: {}", if known { "disabled" } else { "not found" }).into());
        }
    }
    for k in copts.scale.keys() {
        if !lp.project.services.contains_key(k) {
            return Err(format!("no such service: {k}").into());
        }
    }
    if lp.selected.is_empty() {
        return Err("no service selected".into());
    }
    let mode = g.mode(cli);
    let no_start = a.has("no-start");
    let mut p = Progress::new(if no_start { "Creating" } else { "Running" }, mode);
    if let Err(e) = ops::ensure_images(cli, &lp, mode, &mut p, &img).and_then(|_| ops::create(cli, &lp, &mut p, &copts).map_err(Failure::from)) {
        p.finish(&mut cli.out, cli.world.now_ms);
        return Err(e.into());
    }
    if no_start {
        p.finish(&mut cli.out, cli.world.now_ms);
        return Ok(0);
    }
    let mut starter = Starter::new(cli.world, &lp);
    if detach {
        let mut r = ops::run_starter(cli.world, &mut cli.out, &mut p, &mut starter, START_LIMIT_MS);
        if r.is_ok() && wait {
            let t = int_flag(a, "wait-timeout").filter(|t| *t > 0).map(|t| t as u64);
            let mut w = Starter::wait_all(&lp);
            r = ops::run_waiter(cli.world, &mut cli.out, Some(&mut p), &mut w, t);
        }
        p.finish(&mut cli.out, cli.world.now_ms);
        return Ok(r.map(|_| 0)?);
    }
    // Attached.
    p.finish(&mut cli.out, cli.world.now_ms);
    let project = &lp.project;
    let mut attach_set: Vec<String> = if !attach.is_empty() {
        let unknown: Vec<String> = attach.iter().filter(|s| !project.services.contains_key(*s)).cloned().collect();
        if !unknown.is_empty() {
            return Err(format!("cannot attach to services not included in up: {}", unknown.join(", ")).into());
        }
        attach.clone()
    } else {
        let base: Vec<String> = if services.is_empty() || attach_deps { lp.selected.clone() } else { services.clone() };
        base.into_iter().filter(|s| project.services.get(s).is_some_and(|x| x.attach != Some(false))).collect()
    };
    let no_attach: Vec<String> = a.values("no-attach").into_iter().map(str::to_string).collect();
    attach_set.retain(|s| !no_attach.contains(s));
    let attached: Vec<Ctr> = ops::containers(cli.world, &project.name, false, &attach_set);
    if !attached.is_empty() {
        let names: Vec<String> = attached.iter().map(|c| ops::short_name(cli.world, &c.id)).collect();
        cli.print(format!("Attaching to {}\n", names.join(", ")));
    }
    let mut required = attach_set.clone();
    for s in &services {
        if !required.contains(s) {
            required.push(s.clone());
        }
    }
    let mut stop_order: Vec<String> = lp.selected.clone();
    stop_order.reverse();
    if !services.is_empty() {
        stop_order.retain(|s| services.contains(s));
    }
    let color = g.color(cli) && !a.has("no-color");
    let follow = ComposeFollow::up(
        cli.world,
        UpFollow {
            project: project.name.clone(),
            starter,
            attached: attached.iter().map(|c| c.id.clone()).collect(),
            required,
            stop_order,
            color,
            prefix: !a.has("no-log-prefix"),
            timestamps: a.has("timestamps"),
            cascade_stop,
            cascade_fail,
            exit_code_from,
            timeout: copts.timeout,
            mode,
        },
    );
    let mut f = follow;
    let mut out = baleine_shell::Output::new();
    if let Some(code) = super::follow::tick(cli.world, &mut f, &mut out) {
        cli.out.append(out);
        return Ok(code);
    }
    cli.out.append(out);
    cli.pending = Some(Pending::Follow(Follow::Compose(f)));
    Ok(0)
}

pub fn watch_unsupported() -> String {
    "baleine: 'docker compose watch' is not simulated: the playground has no file-change notifications to sync or rebuild on. Rebuild and restart with 'docker compose up -d --build' after editing your files.".into()
}

/// `docker compose create`.
pub fn create(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let img = image_opts(a)?;
    let copts = create_opts(cli, g, a)?;
    let lp = files::load_project(cli, g, &a.args)?;
    let mode = g.mode(cli);
    let mut p = Progress::new("Creating", mode);
    let r = ops::ensure_images(cli, &lp, mode, &mut p, &img).and_then(|_| ops::create(cli, &lp, &mut p, &copts).map_err(Failure::from));
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(r.map(|_| 0)?)
}

/// `docker compose scale web=3`.
pub fn scale(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let mut scale = IndexMap::new();
    let mut services = Vec::new();
    for s in &a.args {
        let Some((k, v)) = s.split_once('=') else {
            return Err(format!("invalid scale specifier: {s}").into());
        };
        let n: i64 = v.parse().map_err(|_| format!("invalid scale specifier: value for service {k} must be an integer"))?;
        scale.insert(k.to_string(), n);
        services.push(k.to_string());
    }
    let mut lp = files::load_project(cli, g, &services)?;
    if a.has("no-deps") {
        lp = without_deps(lp);
    }
    let copts = CreateOpts { recreate: Recreate::Never, recreate_deps: Recreate::Never, scale, ..Default::default() };
    let mode = g.mode(cli);
    let mut p = Progress::new("Running", mode);
    let mut r = ops::ensure_images(cli, &lp, mode, &mut p, &ImageOpts::default()).and_then(|_| ops::create(cli, &lp, &mut p, &copts).map_err(Failure::from));
    if r.is_ok() {
        let mut st = Starter::new(cli.world, &lp);
        r = ops::run_starter(cli.world, &mut cli.out, &mut p, &mut st, START_LIMIT_MS).map_err(Failure::from);
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(r.map(|_| 0)?)
}

/// The services a command works on, in stop (reverse dependency) order.
fn stop_order(cli: &Cli<'_>, lp: &Option<Loaded>, name: &str, services: &[String]) -> Vec<String> {
    let mut order: Vec<String> = match lp {
        Some(lp) => graph::stop_order(&lp.project, &[]).unwrap_or_else(|_| lp.project.services.keys().cloned().collect()),
        None => {
            let mut v: Vec<String> = ops::containers(cli.world, name, false, &[]).into_iter().map(|c| c.service).collect();
            baleine_util::sort(&mut v);
            v.dedup();
            v
        }
    };
    if !services.is_empty() {
        order.retain(|s| services.contains(s));
    }
    order
}

fn check_services(lp: &Option<Loaded>, services: &[String]) -> Result<(), String> {
    if let Some(lp) = lp {
        for s in services {
            if !lp.project.services.contains_key(s) {
                return Err(format!("no such service: {s}"));
            }
        }
    }
    Ok(())
}

/// `docker compose start`.
pub fn start(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let services = a.args.clone();
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    check_services(&lp, &services)?;
    let mode = g.mode(cli);
    let mut p = Progress::new("Running", mode);
    let lp = match lp {
        Some(lp) => lp,
        None => {
            // No compose file: start the project's containers as they are.
            // compose.go projectFromName: the project's containers, then
            // each named service among them.
            let all = ops::containers(cli.world, &name, false, &[]);
            if all.is_empty() {
                return Err(format!("no container found for project {name:?}: not found").into());
            }
            if let Some(s) = services.iter().find(|s| !all.iter().any(|c| c.service == **s)) {
                return Err(format!("no such service: {s:?}: not found").into());
            }
            let ctrs = ops::containers(cli.world, &name, false, &services);
            for c in ctrs {
                if cli.world.containers.get(&c.id).is_some_and(|x| x.is_running()) {
                    continue;
                }
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &c.event_id(), St::Working, "Starting");
                if let Err(e) = cli.world.start_container(&c.id) {
                    p.finish(&mut cli.out, cli.world.now_ms);
                    return Err(format!("Error response from daemon: {}", e.message).into());
                }
                cli.world.advance(ops::CONTAINER_START_MS);
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &c.event_id(), St::Done, "Started");
            }
            p.finish(&mut cli.out, cli.world.now_ms);
            return Ok(0);
        }
    };
    for s in &lp.selected {
        let n = ops::containers(cli.world, lp.name(), false, &[s.clone()]).len();
        if n == 0 && lp.project.services.get(s).is_some_and(|x| x.get_scale() > 0) {
            return Err(format!("service {s:?} has no container to start").into());
        }
    }
    let mut st = Starter::new(cli.world, &lp);
    let r = ops::run_starter(cli.world, &mut cli.out, &mut p, &mut st, START_LIMIT_MS);
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(r.map(|_| 0)?)
}

/// `docker compose stop`.
pub fn stop(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let t = timeout(a);
    let services = a.args.clone();
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    check_services(&lp, &services)?;
    let order = stop_order(cli, &lp, &name, &services);
    let mut p = Progress::new("Stopping", g.mode(cli));
    for s in order {
        let ctrs = ops::containers(cli.world, &name, false, &[s]);
        ops::stop_batch(cli.world, &mut cli.out, Some(&mut p), &ctrs, t);
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(0)
}

/// `docker compose restart`.
pub fn restart(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let t = timeout(a);
    let services = a.args.clone();
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    check_services(&lp, &services)?;
    // restart.go: the named services and, unless --no-deps, the services
    // depending on them with `restart: true` (transitively), in
    // dependency order.
    let mut selected = services.clone();
    if let (Some(lp), false) = (&lp, a.has("no-deps")) {
        if !selected.is_empty() {
            loop {
                let more: Vec<String> = lp.project.services.iter().filter(|(n, s)| !selected.contains(n) && s.depends_on.iter().any(|(d, c)| c.restart && selected.contains(d))).map(|(n, _)| n.clone()).collect();
                if more.is_empty() {
                    break;
                }
                selected.extend(more);
            }
        }
    }
    let mut order = stop_order(cli, &lp, &name, &selected);
    order.reverse();
    let mut p = Progress::new("Restarting", g.mode(cli));
    for s in order {
        for c in ops::containers(cli.world, &name, false, &[s]) {
            let eid = c.event_id();
            let now = cli.world.now_ms;
            p.ev(&mut cli.out, now, &eid, St::Working, "Restarting");
            match cli.world.restart_container(&c.id, t) {
                Ok(()) => {
                    cli.world.advance(ops::CONTAINER_START_MS);
                    let now = cli.world.now_ms;
                    p.ev(&mut cli.out, now, &eid, St::Done, "Started");
                }
                Err(e) => {
                    p.finish(&mut cli.out, cli.world.now_ms);
                    return Err(format!("Error response from daemon: {}", e.message).into());
                }
            }
        }
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(0)
}

/// `docker compose kill`.
pub fn kill(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let sig = a.value("signal").unwrap_or("SIGKILL").to_string();
    let services = a.args.clone();
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    check_services(&lp, &services)?;
    // kill.go: the running containers, one-off ones included; unless
    // --remove-orphans (or COMPOSE_REMOVE_ORPHANS), only the project's services.
    let truthy = |v: Option<&str>| v.and_then(baleine_util::go::parse_bool) == Some(true);
    let remove_orphans = if a.present("remove-orphans") { a.has("remove-orphans") } else { truthy(cli.getenv("COMPOSE_REMOVE_ORPHANS")) };
    let mut ctrs: Vec<Ctr> = ops::containers(cli.world, &name, true, &services).into_iter().filter(|c| matches!(c.status, Status::Running | Status::Paused | Status::Restarting)).collect();
    if !remove_orphans {
        if let Some(lp) = &lp {
            ctrs.retain(|c| lp.project.services.contains_key(&c.service));
        }
    }
    if ctrs.is_empty() {
        cli.err("no container to kill");
        return Ok(0);
    }
    let mut p = Progress::new("Killing", g.mode(cli));
    for c in ctrs {
        let eid = c.event_id();
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &eid, St::Working, "Killing");
        match cli.world.kill_container(&c.id, &sig) {
            Ok(()) => {
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &eid, St::Done, "Killed");
            }
            Err(e) => {
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &eid, St::Error, "Error while Killing");
                p.finish(&mut cli.out, cli.world.now_ms);
                return Err(format!("Error response from daemon: {}", e.message).into());
            }
        }
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(0)
}

fn pause_or_unpause(cli: &mut Cli<'_>, g: &Globals, a: &Args, pause: bool) -> Result<i32, Failure> {
    let services = a.args.clone();
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    check_services(&lp, &services)?;
    // compose lists the containers without `All` (running, paused and
    // restarting ones) and asks the daemon to (un)pause each: one already
    // paused (or not paused) is the daemon's error, the others go on.
    let mut ctrs: Vec<Ctr> = ops::containers(cli.world, &name, false, &services).into_iter().filter(|c| matches!(c.status, Status::Running | Status::Paused | Status::Restarting)).collect();
    if let Some(lp) = &lp {
        ctrs.retain(|c| lp.project.services.contains_key(&c.service));
    }
    let mut p = Progress::new(if pause { "Pausing" } else { "Running" }, g.mode(cli));
    let mut failure: Option<String> = None;
    for c in ctrs {
        let r = if pause { cli.world.pause_container(&c.id) } else { cli.world.unpause_container(&c.id) };
        match r {
            Ok(()) => {
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &c.event_id(), St::Done, if pause { "Paused" } else { "Unpaused" });
            }
            Err(e) => {
                if failure.is_none() {
                    failure = Some(format!("Error response from daemon: {}", e.message));
                }
            }
        }
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    match failure {
        Some(f) => Err(f.into()),
        None => Ok(0),
    }
}

pub fn pause(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    pause_or_unpause(cli, g, a, true)
}

pub fn unpause(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    pause_or_unpause(cli, g, a, false)
}

/// `docker compose rm`.
pub fn rm(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let services = a.args.clone();
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    check_services(&lp, &services)?;
    if a.has("stop") {
        let order = stop_order(cli, &lp, &name, &services);
        let mut p = Progress::new("Stopping", g.mode(cli));
        for s in order {
            let ctrs = ops::containers(cli.world, &name, false, &[s]);
            ops::stop_batch(cli.world, &mut cli.out, Some(&mut p), &ctrs, None);
        }
        p.finish(&mut cli.out, cli.world.now_ms);
    }
    let mut ctrs: Vec<Ctr> = ops::containers(cli.world, &name, false, &services);
    if let Some(lp) = &lp {
        ctrs.retain(|c| lp.project.services.contains_key(&c.service));
    }
    ctrs.retain(|c| !cli.world.containers.get(&c.id).is_some_and(|x| x.is_running()));
    if ctrs.is_empty() {
        cli.err("No stopped containers\n");
        return Ok(0);
    }
    let names: Vec<String> = ctrs.iter().map(|c| c.name.clone()).collect();
    let msg = format!("Going to remove {}", names.join(", "));
    if !a.has("force") {
        cli.print(format!("? {msg} (y/N) "));
        let mut again: Vec<String> = vec!["compose".into(), "-p".into(), name.clone()];
        for f in &g.files {
            again.push("-f".into());
            again.push(cli.host_path(f));
        }
        again.push("rm".into());
        again.push("-f".into());
        again.push("--confirmed".into());
        if a.has("volumes") {
            again.push("-v".into());
        }
        again.extend(services.iter().cloned());
        cli.pending = Some(Pending::Prompt(Prompt::Confirm { argv: again, cwd: cli.cwd.clone() }));
        return Ok(0);
    }
    if !a.has("confirmed") {
        cli.print(format!("{msg}\n"));
    }
    let mut p = Progress::new("Removing", g.mode(cli));
    for c in &ctrs {
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &c.event_id(), St::Working, "Removing");
        if let Err(e) = cli.world.remove_container(&c.id, true, a.has("volumes")) {
            p.finish(&mut cli.out, cli.world.now_ms);
            return Err(format!("Error response from daemon: {}", e.message).into());
        }
    }
    cli.world.advance(ops::CONTAINER_REMOVE_MS);
    for c in &ctrs {
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &c.event_id(), St::Done, "Removed");
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(0)
}

/// `docker compose down`.
pub fn down(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let rmi = a.value("rmi").unwrap_or("").to_string();
    if !matches!(rmi.as_str(), "" | "local" | "all") {
        return Err(format!("invalid value for --rmi: {rmi:?}").into());
    }
    let t = timeout(a);
    let remove_orphans = a.has("remove-orphans");
    let volumes = a.has("volumes");
    let services = a.args.clone();
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    let mut p = Progress::new("Running", g.mode(cli));
    let all = ops::containers(cli.world, &name, remove_orphans, &[]);
    let mut resource = !all.is_empty();
    // Containers, dependents first.
    let mut order = stop_order(cli, &lp, &name, &[]);
    if !services.is_empty() {
        if let Some(lp) = &lp {
            let mut keep: Vec<String> = services.clone();
            for s in &services {
                keep.extend(graph::dependents(&lp.project, s));
            }
            order.retain(|s| keep.contains(s));
        } else {
            order.retain(|s| services.contains(s));
        }
    }
    for s in &order {
        let ctrs: Vec<Ctr> = all.iter().filter(|c| &c.service == s).cloned().collect();
        if !ctrs.is_empty() {
            ops::stop_and_remove(cli.world, &mut cli.out, Some(&mut p), &ctrs, t, volumes);
        }
    }
    if remove_orphans {
        let orphans: Vec<Ctr> = all.iter().filter(|c| cli.world.containers.contains_key(&c.id) && ops::is_orphan(lp.as_ref().map(|lp| &lp.project), c)).cloned().collect();
        if !orphans.is_empty() {
            ops::stop_and_remove(cli.world, &mut cli.out, Some(&mut p), &orphans, t, false);
        }
    }
    // Networks.
    let nets: Vec<(String, String)> = match &lp {
        Some(lp) => lp.networks.iter().filter_map(|k| lp.project.networks.get(k).filter(|n| !n.external).map(|n| (k.clone(), n.name.clone()))).collect(),
        None => cli.world.networks.values().filter(|n| n.labels.get(PROJECT_LABEL) == Some(&name)).map(|n| (n.labels.get(NETWORK_LABEL).cloned().unwrap_or_default(), n.name.clone())).collect(),
    };
    let mut removed_any = !nets.is_empty();
    for (key, nname) in nets {
        let Some(net) = cli.world.networks.values().find(|n| n.name == nname && n.labels.get(PROJECT_LABEL) == Some(&name) && n.labels.get(NETWORK_LABEL) == Some(&key)).cloned() else { continue };
        let eid = format!("Network {nname}");
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &eid, St::Working, "Removing");
        // down.go removeNetwork: NetworkInspect's Containers lists the
        // active endpoints only; a stopped container does not keep it.
        let in_use = cli.world.containers.values().any(|c| c.is_running() && c.endpoints.contains_key(&net.id));
        if in_use {
            p.ev(&mut cli.out, now, &eid, St::Warning, "Resource is still in use");
            continue;
        }
        match cli.world.remove_network(&net.id) {
            Ok(_) => {
                cli.world.advance(ops::NETWORK_CREATE_MS);
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &eid, St::Done, "Removed");
            }
            Err(e) => {
                p.ev(&mut cli.out, now, &eid, St::Error, "Error");
                p.finish(&mut cli.out, cli.world.now_ms);
                return Err(format!("failed to remove network {nname}: Error response from daemon: {}", e.message).into());
            }
        }
    }
    // Images.
    if !rmi.is_empty() {
        let mut images: Vec<String> = Vec::new();
        match &lp {
            Some(lp) => {
                // compose's ImagePruner: `all` adds the images named in the
                // model; both modes remove the images compose built for the
                // project (labelled, whatever their tag) and the
                // <project>-<service> images of services without image:.
                for s in lp.project.services.values() {
                    let named = s.image.as_deref().is_some_and(|i| !i.is_empty());
                    if rmi == "local" && named && s.build.is_none() {
                        continue;
                    }
                    let img = s.image_name_or_default(&name);
                    if !images.contains(&img) {
                        images.push(img);
                    }
                }
            }
            None => {
                for c in &all {
                    if let Some(ct) = cli.world.containers.get(&c.id) {
                        if rmi == "all" || ct.spec.image == format!("{}-{}", name, c.service) {
                            if !images.contains(&ct.spec.image) {
                                images.push(ct.spec.image.clone());
                            }
                        }
                        let _ = ct.label(IMAGE_LABEL);
                    }
                }
            }
        }
        // normalizeAndDedupeImages: familiar names with their tag, sorted.
        let mut images: Vec<String> = images
            .into_iter()
            .map(|i| baleine_engine::images::Reference::parse(&i).map(|r| r.familiar()).unwrap_or(i))
            .collect();
        baleine_util::sort(&mut images);
        images.dedup();
        for img in images {
            if cli.world.image_id(&img).is_none() {
                continue;
            }
            removed_any = true;
            let eid = format!("Image {img}");
            let now = cli.world.now_ms;
            p.ev(&mut cli.out, now, &eid, St::Working, "Removing");
            match cli.world.remove_image(&img, false) {
                Ok(_) => {
                    let now = cli.world.now_ms;
                    p.ev(&mut cli.out, now, &eid, St::Done, "Removed");
                }
                Err(e) if e.kind == baleine_engine::ErrorKind::Conflict => p.ev(&mut cli.out, now, &eid, St::Warning, "Resource is still in use"),
                Err(_) => p.ev(&mut cli.out, now, &eid, St::Done, "Warning: No resource found to remove"),
            }
        }
    }
    // Volumes.
    if volumes {
        let vols: Vec<String> = match &lp {
            Some(lp) => lp.volumes.iter().filter_map(|k| lp.project.volumes.get(k).filter(|v| !v.external).map(|v| v.name.clone())).collect(),
            None => cli.world.volumes.values().filter(|v| v.labels.get(PROJECT_LABEL) == Some(&name)).map(|v| v.name.clone()).collect(),
        };
        for v in vols {
            removed_any = true;
            let eid = format!("Volume {v}");
            let now = cli.world.now_ms;
            p.ev(&mut cli.out, now, &eid, St::Working, "Removing");
            if !cli.world.volumes.contains_key(&v) {
                p.ev(&mut cli.out, now, &eid, St::Done, "Warning: No resource found to remove");
                continue;
            }
            match cli.world.remove_volume(&v, true) {
                Ok(()) => {
                    let now = cli.world.now_ms;
                    p.ev(&mut cli.out, now, &eid, St::Done, "Removed");
                }
                Err(_) => p.ev(&mut cli.out, now, &eid, St::Warning, "Resource is still in use"),
            }
        }
    }
    resource = resource || removed_any;
    p.finish(&mut cli.out, cli.world.now_ms);
    if !resource {
        cli.err(format!("WARN[0000] Warning: No resource found to remove for project {name:?}.\n"));
    }
    let _ = VOLUME_LABEL;
    Ok(0)
}
