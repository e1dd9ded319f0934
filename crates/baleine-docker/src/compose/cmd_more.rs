//! The other commands: ps, ls, logs, exec, run, config, images, port, top,
//! events, version, cp, wait, watch, pull, push, build, attach, stats.

use baleine_compose::config_yaml;
use baleine_engine::model::Status;
use indexmap::IndexMap;
use serde_json::{json, Value};

use super::cli::{int_flag, Failure, Globals};
use super::convert::{self, FILES_LABEL, HASH_LABEL, ONEOFF_LABEL, PROJECT_LABEL};
use super::files::{self, Loaded};
use super::follow::{self, ComposeFollow};
use super::ops::{self, Ctr, ImageOpts, Starter};
use super::progress::{Mode, Progress, St};
use crate::args::Args;
use crate::pending::{Follow, Pending};
use crate::{format, Cli};

fn min_args(a: &Args, n: usize) -> Result<(), String> {
    if a.args.len() < n {
        return Err(format!("requires at least {} arg(s), only received {}", n, a.args.len()));
    }
    Ok(())
}

/// docker/cli's `cli.RequiresMinArgs` / `cli.ExactArgs` message (compose's
/// `wait` and `cp` use them instead of cobra's).
fn docker_args(a: &Args, sub: &str, exactly: bool, n: usize) -> Result<(), String> {
    if (exactly && a.args.len() == n) || (!exactly && a.args.len() >= n) {
        return Ok(());
    }
    let (usage, short) = super::cli::SUBS.iter().find(|s| s.name == sub).map(|s| (s.usage, s.short)).unwrap_or(("", ""));
    let path = format!("docker compose {sub}");
    Err(format!(
        "{:?} requires {} {} {}.\nSee '{} --help'.\n\nUsage:  {} {}\n\n{}",
        path,
        if exactly { "exactly" } else { "at least" },
        n,
        if n == 1 { "argument" } else { "arguments" },
        path,
        path,
        usage,
        short
    ))
}

/// cobra.NoArgs.
fn no_args(a: &Args, sub: &str) -> Result<(), String> {
    match a.args.first() {
        Some(x) => Err(format!("unknown command {x:?} for \"docker compose {sub}\"")),
        None => Ok(()),
    }
}

// ---- ps ------------------------------------------------------------------------------------

fn ps_header(field: &str) -> Option<String> {
    Some(
        match field {
            "ID" => "CONTAINER ID",
            "Name" | "Names" => "NAME",
            "Project" => "PROJECT",
            "Service" => "SERVICE",
            "Image" => "IMAGE",
            "Command" => "COMMAND",
            "CreatedAt" => "CREATED AT",
            "RunningFor" => "CREATED",
            "Ports" => "PORTS",
            "State" => "STATE",
            "Status" => "STATUS",
            "Size" => "SIZE",
            "Labels" => "LABELS",
            "Health" => "HEALTH",
            "ExitCode" => "EXIT CODE",
            "Mounts" => "MOUNTS",
            "Networks" => "NETWORKS",
            "LocalVolumes" => "LOCAL VOLUMES",
            _ => return None,
        }
        .to_string(),
    )
}

fn ps_row(cli: &Cli<'_>, c: &baleine_engine::model::Container, trunc: bool) -> Value {
    let w = &*cli.world;
    let now = w.now_ms;
    let publishers: Vec<Value> = {
        let mut v = Vec::new();
        let mut ports = c.ports.clone();
        baleine_util::sort_by_key(&mut ports, |p| (p.container_port, p.proto.clone()));
        if c.is_running() {
            for p in ports.iter().filter(|p| p.host_port != 0) {
                let url = if p.host_ip.is_empty() { "0.0.0.0".to_string() } else { p.host_ip.clone() };
                v.push(json!({"URL": url, "TargetPort": p.container_port, "PublishedPort": p.host_port, "Protocol": p.proto}));
                if p.host_ip.is_empty() {
                    v.push(json!({"URL": "::", "TargetPort": p.container_port, "PublishedPort": p.host_port, "Protocol": p.proto}));
                }
            }
        }
        for e in &c.exposed {
            let (port, proto) = e.split_once('/').unwrap_or((e.as_str(), "tcp"));
            if let Ok(port) = port.parse::<u16>() {
                if !v.iter().any(|x| x["TargetPort"] == json!(port)) {
                    v.push(json!({"URL": "", "TargetPort": port, "PublishedPort": 0, "Protocol": proto}));
                }
            }
        }
        v
    };
    let networks: Vec<String> = c.endpoints.keys().filter_map(|n| w.networks.get(n).map(|n| n.name.clone())).collect();
    let mounts: Vec<String> = c.mounts.iter().map(|m| if m.kind == "volume" { m.name.clone() } else { m.source.clone() }).map(|m| if trunc { format::ellipsis(&m, 15) } else { m }).collect();
    let labels: Vec<String> = c.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let health = c.state.health.as_ref().map(|h| h.status.clone()).unwrap_or_default();
    let mut m = serde_json::Map::new();
    m.insert("Command".into(), format::command_column(c, trunc).into());
    m.insert("CreatedAt".into(), format::docker_time(w, c.created_ms).into());
    m.insert("ExitCode".into(), c.state.exit_code.into());
    m.insert("Health".into(), health.into());
    m.insert("ID".into(), (if trunc { c.short_id().to_string() } else { c.id.clone() }).into());
    m.insert("Image".into(), c.spec.image.clone().into());
    m.insert("Labels".into(), labels.join(",").into());
    m.insert("LocalVolumes".into(), c.mounts.iter().filter(|m| m.kind == "volume").count().to_string().into());
    m.insert("Mounts".into(), mounts.join(",").into());
    m.insert("Name".into(), c.name.clone().into());
    m.insert("Names".into(), c.name.clone().into());
    m.insert("Networks".into(), networks.join(",").into());
    m.insert("Ports".into(), format::ports_string_in(cli.world, c).into());
    m.insert("Project".into(), c.label(PROJECT_LABEL).unwrap_or("").into());
    m.insert("Publishers".into(), Value::Array(publishers));
    m.insert("RunningFor".into(), format::ago(now, c.created_ms).into());
    m.insert("Service".into(), c.label(convert::SERVICE_LABEL).unwrap_or("").into());
    m.insert("Size".into(), "0B".into());
    m.insert("State".into(), c.state.status.as_str().into());
    m.insert("Status".into(), format::status_string(c, now).into());
    Value::Object(m)
}

pub fn ps(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let mut statuses: Vec<String> = a.values("status").into_iter().map(str::to_string).collect();
    if let Some(f) = a.value("filter") {
        match f.split_once('=') {
            Some(("status", v)) => statuses.push(v.to_string()),
            Some(("source", _)) => return Err("not implemented".into()),
            Some((k, _)) => return Err(format!("unknown filter {k}").into()),
            None => return Err("arguments to --filter should be in form KEY=VAL".into()),
        }
    }
    let mut services = a.args.clone();
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    if let Some(lp) = &lp {
        for s in &services {
            if !lp.project.services.contains_key(s) {
                return Err(format!("no such service: {s}").into());
            }
        }
        if services.is_empty() && a.value("orphans") == Some("false") {
            services = lp.project.services.keys().cloned().collect();
        }
    }
    // `All: opts.All || len(opts.Status) != 0`, and Ps includes one-off
    // (`run`) containers whenever All is set.
    let all = a.has("all") || !statuses.is_empty();
    let mut ctrs: Vec<Ctr> = ops::containers(cli.world, &name, all, &services);
    ctrs.retain(|c| all || cli.world.containers.get(&c.id).is_some_and(|x| x.is_running()));
    if !statuses.is_empty() {
        ctrs.retain(|c| statuses.iter().any(|s| s == c.status.as_str()));
    }
    if a.has("quiet") {
        for c in &ctrs {
            cli.print(format!("{}\n", c.id));
        }
        return Ok(0);
    }
    if a.has("services") {
        let mut seen: Vec<String> = Vec::new();
        for c in &ctrs {
            if !seen.contains(&c.service) {
                seen.push(c.service.clone());
            }
        }
        cli.print(format!("{}\n", seen.join("\n")));
        return Ok(0);
    }
    let trunc = !a.has("no-trunc");
    let rows: Vec<Value> = ctrs.iter().filter_map(|c| cli.world.containers.get(&c.id)).map(|c| ps_row(cli, c, trunc)).collect();
    let fmt = match a.value("format").unwrap_or("table") {
        "table" | "" => "table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}".to_string(),
        "json" => "json".to_string(),
        other => other.to_string(),
    };
    let code = crate::render_format(cli, &fmt, &rows, &ps_header, None);
    Ok(code)
}

// ---- ls -------------------------------------------------------------------------------------

fn name_matches(name: &str, pattern: &str) -> bool {
    name == pattern || crate::cmd_container::anchored_match(name, pattern)
}

pub fn ls(cli: &mut Cli<'_>, _g: &Globals, a: &Args) -> Result<i32, Failure> {
    no_args(a, "ls")?;
    let mut name_filter: Vec<String> = Vec::new();
    for f in a.values("filter") {
        match f.split_once('=') {
            Some(("name", v)) => name_filter.push(v.to_string()),
            Some((k, _)) => return Err(format!("invalid filter '{k}'").into()),
            None => return Err(format!("bad format of filter (expected name=value)").into()),
        }
    }
    let mut projects: IndexMap<String, (Vec<String>, Vec<String>)> = IndexMap::new();
    for c in cli.world.containers.values() {
        let (Some(p), Some(_)) = (c.label(PROJECT_LABEL), c.label(HASH_LABEL)) else { continue };
        if !a.has("all") && !c.is_running() {
            continue;
        }
        let e = projects.entry(p.to_string()).or_default();
        e.0.push(c.state.status.as_str().to_string());
        for f in c.label(FILES_LABEL).unwrap_or("").split(',') {
            if !e.1.iter().any(|x| x == f) {
                e.1.push(f.to_string());
            }
        }
    }
    baleine_util::sort_keys(&mut projects);
    let mut list: Vec<(String, String, String)> = Vec::new();
    for (name, (states, files)) in projects {
        // filters.Args.Match: an exact name, or a regular expression
        // (anchors handled) found in it, for any of the name filters.
        if !name_filter.is_empty() && !name_filter.iter().any(|f| name_matches(&name, f)) {
            continue;
        }
        let mut counts: IndexMap<String, usize> = IndexMap::new();
        for s in states {
            *counts.entry(s).or_default() += 1;
        }
        baleine_util::sort_keys(&mut counts);
        let status: Vec<String> = counts.iter().map(|(k, n)| format!("{k}({n})")).collect();
        list.push((name, status.join(", "), files.join(",")));
    }
    if a.has("quiet") {
        for (n, _, _) in &list {
            cli.print(format!("{n}\n"));
        }
        return Ok(0);
    }
    match a.value("format").unwrap_or("table") {
        "json" => {
            let v: Vec<Value> = list.iter().map(|(n, s, f)| json!({"Name": n, "Status": s, "ConfigFiles": f})).collect();
            cli.print(format!("{}\n", Value::Array(v)));
        }
        "table" | "pretty" | "" => {
            let mut text = String::from("NAME\tSTATUS\tCONFIG FILES\n");
            for (n, s, f) in &list {
                text.push_str(&format!("{n}\t{s}\t{f}\n"));
            }
            cli.print(crate::tabwriter::tabwrite(&text, 20, 1, 3, ' ', false));
        }
        other => return Err(format!("format value {other:?} could not be parsed: parsing failed").into()),
    }
    Ok(0)
}

// ---- logs ------------------------------------------------------------------------------------

pub fn logs(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let services = a.args.clone();
    let index = int_flag(a, "index").unwrap_or(0);
    if index > 0 && services.len() != 1 {
        return Err("--index requires one service to be selected".into());
    }
    let (lp, name) = files::project_or_name(cli, g, &services)?;
    let mut ctrs: Vec<Ctr> = ops::containers(cli.world, &name, false, &services);
    if let Some(lp) = &lp {
        if services.is_empty() {
            // logs.go runLogs: services with `attach: false` only when named.
            ctrs.retain(|c| lp.project.services.get(&c.service).is_some_and(|s| s.attach != Some(false)));
        }
    }
    if index > 0 {
        let svc = services.first().cloned().unwrap_or_default();
        ctrs.retain(|c| c.number as i64 == index);
        if ctrs.is_empty() {
            return Err(format!("service {svc:?} is not running container #{index}").into());
        }
    }
    let color = g.color(cli) && !a.has("no-color");
    let prefix = !a.has("no-log-prefix");
    let ts = a.has("timestamps");
    // The API client reads the bounds for each container's logs: no container, no error.
    let (since, until) = if ctrs.is_empty() { (None, None) } else { crate::cmd_container::log_bounds(cli, a)? };
    let tail: Option<usize> = match a.value("tail") {
        None | Some("all") | Some("") => None,
        Some(t) => match t.parse::<i64>() {
            Ok(n) if n >= 0 => Some(n as usize),
            _ => None,
        },
    };
    let names: Vec<String> = ctrs.iter().map(|c| ops::short_name(cli.world, &c.id)).collect();
    let width = names.iter().map(|n| n.len()).max().unwrap_or(0) + 1;
    let mut lines: Vec<(u64, usize, usize, bool, String)> = Vec::new();
    let mut shown: Vec<usize> = Vec::new();
    for (ci, c) in ctrs.iter().enumerate() {
        let logs = cli.world.logs_until_now(&c.id);
        shown.push(logs.len());
        let mut sel: Vec<(usize, &baleine_engine::model::LogEntry)> = logs.iter().enumerate().filter(|(_, l)| since.is_none_or(|s| l.ms >= s) && until.is_none_or(|u| l.ms <= u)).collect();
        if let Some(n) = tail {
            if sel.len() > n {
                sel.drain(..sel.len() - n);
            }
        }
        for (li, l) in sel {
            lines.push((l.ms, ci, li, l.stderr, l.line.clone()));
        }
    }
    baleine_util::sort_by(&mut lines, |x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (ms, ci, _, stderr, line) in lines {
        let p = if prefix { follow::log_prefix(&names[ci], width, ci, color) } else { String::new() };
        let t = if ts { format!("{} ", baleine_engine::util::rfc3339_nanos(ms, cli.world.epoch_secs)) } else { String::new() };
        let text = format!("{p}{t}{line}\n");
        if stderr {
            cli.err(text);
        } else {
            cli.print(text);
        }
    }
    if a.has("follow") {
        let running: Vec<(String, usize, usize)> = ctrs.iter().enumerate().filter(|(_, c)| cli.world.containers.get(&c.id).is_some_and(|x| x.is_running())).map(|(i, c)| (c.id.clone(), shown[i], i)).collect();
        if !running.is_empty() {
            let f = ComposeFollow::logs(cli.world, &name, &running, width, color, prefix, ts);
            cli.pending = Some(Pending::Follow(Follow::Compose(f)));
        }
    }
    Ok(0)
}

// ---- exec -----------------------------------------------------------------------------------------

/// A running container of a service (`--index`, else the first).
fn target_container(cli: &Cli<'_>, project: &str, service: &str, index: i64, running: bool) -> Result<Ctr, String> {
    let mut ctrs: Vec<Ctr> = ops::containers(cli.world, project, true, &[service.to_string()]);
    if running {
        ctrs.retain(|c| cli.world.containers.get(&c.id).is_some_and(|x| x.is_running()));
    }
    baleine_util::sort_by(&mut ctrs, |a, b| a.oneoff.cmp(&b.oneoff).then(a.number.cmp(&b.number)).then(a.name.cmp(&b.name)));
    if index > 0 {
        return ctrs.into_iter().find(|c| c.number as i64 == index && !c.oneoff).ok_or_else(|| format!("service {service:?} is not running container #{index}"));
    }
    ctrs.into_iter().next().ok_or_else(|| format!("service {service:?} is not running"))
}

pub fn exec(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    min_args(a, 2)?;
    let service = a.args[0].clone();
    let command: Vec<String> = a.args[1..].to_vec();
    let name = files::project_name(cli, g)?;
    let index = int_flag(a, "index").unwrap_or(0);
    let target = target_container(cli, &name, &service, index, true)?;
    let detach = a.has("detach");
    let interactive = a.value("interactive") != Some("false");
    let tty = !a.has("no-TTY") && a.value("tty") != Some("false");
    let mut argv: Vec<String> = Vec::new();
    if detach {
        argv.push("-d".into());
    } else {
        if interactive {
            argv.push("-i".into());
        }
        if tty {
            argv.push("-t".into());
        }
    }
    // exec.go runExec: a bare `-e KEY` takes KEY's value from the project
    // environment (OS environment, then .env).
    let mut project_env: Option<IndexMap<String, String>> = None;
    for e in a.values("env") {
        let mut val = e.to_string();
        if !e.contains('=') && cli.getenv(e).is_none() {
            let env = project_env.get_or_insert_with(|| files::project_environment(cli, g));
            if let Some(v) = env.get(e) {
                val = format!("{e}={v}");
            }
        }
        argv.push("-e".into());
        argv.push(val);
    }
    if let Some(u) = a.value("user") {
        argv.push("-u".into());
        argv.push(u.to_string());
    }
    if let Some(w) = a.value("workdir") {
        argv.push("-w".into());
        argv.push(w.to_string());
    }
    if a.has("privileged") {
        argv.push("--privileged".into());
    }
    argv.push(target.id.clone());
    argv.extend(command);
    Ok(crate::cmd_container::run(cli, "exec", &argv, false))
}

pub fn attach(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    min_args(a, 1)?;
    let name = files::project_name(cli, g)?;
    let target = target_container(cli, &name, &a.args[0], 0, true)?;
    Ok(crate::cmd_container::run(cli, "attach", &[target.id], false))
}

pub fn stats(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    // cmd/compose/stats.go: at most one service; docker's RunStats over the
    // containers labelled with the project (and service), one-offs
    // included, as its "all containers" mode lists them (newest first,
    // running ones unless -a, shown by short id).
    if a.args.len() > 1 {
        return Err(format!("accepts at most 1 arg(s), received {}", a.args.len()).into());
    }
    let name = files::project_name(cli, g)?;
    let all = a.has("all");
    let mut ctrs: Vec<(u64, String)> = ops::containers(cli.world, &name, true, &a.args)
        .into_iter()
        .filter_map(|c| cli.world.containers.get(&c.id))
        .filter(|c| all || c.is_running())
        .map(|c| (c.created_ms, c.id[..12.min(c.id.len())].to_string()))
        .collect();
    baleine_util::sort_by(&mut ctrs, |x, y| y.0.cmp(&x.0));
    let format = a.value("format").unwrap_or("");
    if ctrs.is_empty() {
        if format.is_empty() || format == "table" {
            cli.print(crate::tabwriter::docker_table("CONTAINER ID\tNAME\tCPU %\tMEM USAGE / LIMIT\tMEM %\tNET I/O\tBLOCK I/O\tPIDS\n"));
        }
        return Ok(0);
    }
    let mut argv: Vec<String> = Vec::new();
    if a.has("no-stream") {
        argv.push("--no-stream".into());
    }
    if all {
        argv.push("--all".into());
    }
    if !format.is_empty() {
        argv.push(format!("--format={format}"));
    }
    if a.has("no-trunc") {
        argv.push("--no-trunc".into());
    }
    argv.extend(ctrs.into_iter().map(|c| c.1));
    Ok(crate::cmd_container::run(cli, "stats", &argv, false))
}

// ---- run ---------------------------------------------------------------------------------------------

pub fn run_cmd(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    min_args(a, 1)?;
    let service = a.args[0].clone();
    let command: Vec<String> = a.args[1..].to_vec();
    // run.go PreRunE, before the project is loaded.
    if !a.values("publish").is_empty() && a.has("service-ports") {
        return Err("--service-ports and --publish are incompatible".into());
    }
    let entrypoint = match a.value("entrypoint") {
        Some(e) => Some(baleine_compose::split_command(e)?),
        None => None,
    };
    if a.value("tty").is_some() && a.has("no-TTY") {
        return Err("--tty and --no-TTY can't be used together".into());
    }
    let detach = a.has("detach");
    let interactive = a.value("interactive") != Some("false");
    let tty = !a.has("no-TTY") && a.value("tty") != Some("false");
    let lp = files::load_project(cli, g, &[service.clone()])?;
    let mode = g.mode(cli);
    let deps: Vec<String> = if a.has("no-deps") { Vec::new() } else { lp.selected.iter().filter(|s| **s != service).cloned().collect() };
    // Dependencies (and the project's networks and volumes).
    let deps_lp = Loaded { project: lp.project.clone(), selected: deps.clone(), named: deps.clone(), networks: lp.networks.clone(), volumes: lp.volumes.clone() };
    let copts = ops::CreateOpts { remove_orphans: a.has("remove-orphans"), env_files: g.env_files.clone(), ..Default::default() };
    let img = ImageOpts { force_build: a.has("build"), pull: a.value("pull").unwrap_or("policy").to_string(), quiet_pull: a.has("quiet-pull"), ..Default::default() };
    let mut p = Progress::new("Creating", mode);
    let r = ops::ensure_images(cli, &deps_lp, mode, &mut p, &img).and_then(|_| ops::create(cli, &deps_lp, &mut p, &copts).map_err(Failure::from));
    p.finish(&mut cli.out, cli.world.now_ms);
    r?;
    if !deps.is_empty() {
        let mut p = Progress::new("Running", mode);
        let mut st = Starter::new(cli.world, &deps_lp);
        let r = ops::run_starter(cli.world, &mut cli.out, &mut p, &mut st, 600_000);
        p.finish(&mut cli.out, cli.world.now_ms);
        r?;
    }
    // The service's own image.
    let own = Loaded { project: lp.project.clone(), selected: vec![service.clone()], named: vec![service.clone()], networks: lp.networks.clone(), volumes: lp.volumes.clone() };
    let mut quiet = Progress::new("Running", Mode::Quiet);
    ops::ensure_images(cli, &own, mode, &mut quiet, &img)?;
    // Its depends_on conditions (no progress shown).
    if !a.has("no-deps") {
        let mut w = Starter::waiter_for(&lp, &service);
        ops::run_waiter(cli.world, &mut cli.out, None, &mut w, None)?;
    }
    let project = &lp.project;
    let Some(svc) = project.services.get(&service).cloned() else { return Err(format!("no such service: {service}").into()) };
    let slug = cli.world.rng.hex64();
    let cname = a.value("name").map(str::to_string).unwrap_or_else(|| format!("{}-{}-run-{}", project.name, service, &slug[..12]));
    let image_id = cli.world.image_id(&convert::image_name(project, &svc));
    let mut labels: IndexMap<String, String> = IndexMap::new();
    for l in a.values("label") {
        match l.split_once('=') {
            Some((k, v)) => {
                labels.insert(k.to_string(), v.to_string());
            }
            None => return Err("label must be set as KEY=VALUE".into()),
        }
    }
    let inherit = IndexMap::new();
    let env_files = g.env_files.clone();
    let opts = convert::Options { number: None, oneoff: true, slug: Some(slug.clone()), inherit: &inherit, ports: a.has("service-ports"), use_aliases: a.has("use-aliases"), image_id, env_files: &env_files, extra_labels: &labels };
    // Command-line overrides.
    let mut publish = Vec::new();
    for p in a.values("publish") {
        publish.extend(crate::cmd_container::parse_publish(p)?);
    }
    let mut env: Vec<String> = Vec::new();
    for e in a.values("env") {
        if e.contains('=') {
            env.push(e.to_string());
        } else if let Some(v) = cli.getenv(e).map(str::to_string).or_else(|| project.environment.get(e).cloned()) {
            env.push(format!("{e}={v}"));
        }
    }
    let mut binds: Vec<String> = Vec::new();
    for v in a.values("volume") {
        let mut parts: Vec<String> = v.split(':').map(str::to_string).collect();
        if parts.len() >= 2 && (parts[0].starts_with('.') || parts[0].starts_with('~') || parts[0].starts_with('/')) {
            parts[0] = cli.host_path(&parts[0]);
        }
        binds.push(parts.join(":"));
    }
    let user = a.value("user").map(str::to_string);
    let workdir = a.value("workdir").map(str::to_string);
    let auto_remove = a.has("rm");
    let cmd = command.clone();
    let tweak = move |spec: &mut baleine_engine::model::ContainerSpec| {
        if !cmd.is_empty() {
            spec.cmd = Some(cmd.clone());
        }
        if let Some(e) = &entrypoint {
            spec.entrypoint = Some(if e.is_empty() { vec![String::new()] } else { e.clone() });
            if cmd.is_empty() {
                spec.cmd = Some(Vec::new());
            }
        }
        for e in &env {
            let k = e.split('=').next().unwrap_or("");
            spec.env.retain(|x| x.split('=').next() != Some(k));
            spec.env.push(e.clone());
        }
        if let Some(u) = &user {
            spec.user = Some(u.clone());
        }
        if let Some(w) = &workdir {
            spec.workdir = Some(w.clone());
        }
        spec.ports.extend(publish.iter().cloned());
        spec.binds.extend(binds.iter().cloned());
        spec.tty = tty;
        spec.open_stdin = interactive;
        spec.attach_stdout = !detach;
        spec.auto_remove = auto_remove;
        spec.restart = baleine_engine::model::RestartPolicy { name: "no".into(), max_retries: 0 };
    };
    let mut svc_for_run = svc.clone();
    svc_for_run.container_name = None;
    let cid = ops::create_from_spec(cli, project, &svc_for_run, &cname, &opts, Some(&tweak))?;
    if detach {
        if let Err(e) = cli.world.start_container(&cid) {
            if auto_remove {
                let _ = cli.world.remove_container(&cid, true, true);
            }
            return Err(format!("Error response from daemon: {}", e.message).into());
        }
        cli.print(format!("{cid}\n"));
        return Ok(0);
    }
    // Attached, as `docker start -a` (with -i for interactive shells).
    let report = match cli.world.start_container(&cid) {
        Ok(r) => r,
        Err(e) => {
            if auto_remove {
                let _ = cli.world.remove_container(&cid, true, true);
            }
            return Err(format!("Error response from daemon: {}", e.message).into());
        }
    };
    let shown = crate::cmd_container::print_output_so_far(cli, &cid, tty);
    if let Some(code) = report.exited {
        if auto_remove {
            let _ = cli.world.remove_container(&cid, true, true);
        }
        return Ok(code);
    }
    let Some(c) = cli.world.containers.get(&cid) else { return Ok(0) };
    if interactive && cli.stdin.is_none() && c.process.as_ref().is_some_and(|p| p.interactive) {
        let shell_name = baleine_vfs::basename(c.process.as_ref().and_then(|p| p.argv.first()).map(String::as_str).unwrap_or("sh")).to_string();
        let ctx = baleine_engine::sys::ExecCtx::for_container(cli.world, &cid, baleine_engine::sys::RunMode::Live);
        cli.pending = Some(Pending::Shell(crate::pending::ShellSession::new(cli.world, &cid, ctx, &shell_name, true, auto_remove)));
        return Ok(0);
    }
    let remove_name = c.name.clone();
    cli.pending = Some(Pending::Follow(Follow::Attach { cid, shown, auto_remove, remove_name }));
    Ok(0)
}

// ---- config -------------------------------------------------------------------------------------

pub fn config(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    // config.go RunE: the listings in this order, else runConfig. Only
    // runConfig honours -o; --quiet silences runConfig and --environment
    // (the others write to the CLI's stdout stream, which --quiet leaves).
    let services = a.args.clone();
    let hash = a.value("hash").unwrap_or("");
    if a.has("services") || a.has("volumes") || !hash.is_empty() {
        let lp = files::load_project(cli, g, &[])?;
        let project = &lp.project;
        let text = if a.has("services") {
            config_yaml::render_services(project)
        } else if a.has("volumes") {
            config_yaml::render_volumes(project)
        } else {
            let mut names: Vec<String> = if hash == "*" { project.services.keys().cloned().collect() } else { hash.split(',').map(str::to_string).collect() };
            baleine_util::sort(&mut names);
            let mut s = String::new();
            for name in &names {
                let Some(svc) = project.services.get(name) else {
                    cli.print(s);
                    let why = if project.disabled_services.contains_key(name) { "disabled" } else { "not found" };
                    return Err(format!("no such service: {name}: {why}").into());
                };
                s.push_str(&format!("{name} {}\n", convert::service_hash(svc)));
            }
            s
        };
        cli.print(text);
        return Ok(0);
    }
    if a.has("variables") {
        let model = files::load_model(cli, g)?;
        let mut text = String::from("NAME\tREQUIRED\tDEFAULT VALUE\tALTERNATE VALUE\n");
        for (name, required, default, alternate) in baleine_compose::extract_variables(&model) {
            text.push_str(&format!("{name}\t{required}\t{default}\t{alternate}\n"));
        }
        cli.print(crate::tabwriter::tabwrite(&text, 20, 1, 3, ' ', false));
        return Ok(0);
    }
    if a.has("no-interpolate") && !a.has("profiles") && !a.has("images") && !a.has("environment") {
        let model = files::load_model(cli, g)?;
        let text = baleine_compose::render_model(&model, a.value("format").unwrap_or("yaml"))?;
        return config_output(cli, a, text);
    }
    let lp = files::load_project(cli, g, &services)?;
    let mut project = lp.project.clone();
    if !services.is_empty() {
        project.services.retain(|k, _| lp.selected.contains(k));
        project.networks.retain(|k, _| lp.networks.contains(k));
        project.volumes.retain(|k, _| lp.volumes.contains(k));
    }
    if a.has("profiles") {
        cli.print(config_yaml::render_profiles(&project));
        return Ok(0);
    }
    if a.has("images") {
        cli.print(config_yaml::render_images(&project));
        return Ok(0);
    }
    if a.has("environment") {
        if !a.has("quiet") {
            // `Mapping.Values()`: sorted KEY=VALUE lines.
            let mut lines: Vec<String> = project.environment.iter().map(|(k, v)| format!("{k}={v}\n")).collect();
            baleine_util::sort(&mut lines);
            cli.print(lines.concat());
        }
        return Ok(0);
    }
    if !a.has("no-consistency") {
        let check = Loaded { project: project.clone(), selected: project.services.keys().cloned().collect(), named: Vec::new(), networks: Vec::new(), volumes: Vec::new() };
        ops::check_container_names(&check)?;
    }
    let text = baleine_compose::render_config(&project, a.value("format").unwrap_or("yaml"))?;
    config_output(cli, a, text)
}

/// The end of `runConfig`: nothing with --quiet, the file of -o (when
/// there is content), else stdout.
fn config_output(cli: &mut Cli<'_>, a: &Args, text: String) -> Result<i32, Failure> {
    if a.has("quiet") {
        return Ok(0);
    }
    if let Some(o) = a.value("output").filter(|o| !o.is_empty() && !text.is_empty()) {
        let path = cli.host_path(o);
        let host = cli.world.host_tree;
        if let Some(t) = cli.world.forest.get_mut(host) {
            t.write(&path, baleine_vfs::Content::text(&text), baleine_vfs::Meta { mode: 0o644, uid: 1000, gid: 1000, mtime: 0 }, false).map_err(|_| format!("open {path}: no such file or directory"))?;
        }
        return Ok(0);
    }
    cli.print(text);
    Ok(0)
}

// ---- images, port, top ---------------------------------------------------------------------------

pub fn images(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let name = files::project_name(cli, g)?;
    let ctrs = ops::containers(cli.world, &name, true, &a.args);
    let mut rows: Vec<(String, String, String, String, u64)> = Vec::new();
    for c in &ctrs {
        let Some(ct) = cli.world.containers.get(&c.id) else { continue };
        let Some(img) = cli.world.images.get(&ct.image_id) else { continue };
        let (repo, tag) = match baleine_engine::images::Reference::parse(&ct.spec.image) {
            Ok(r) if img.repo_tags.contains(&r.familiar()) => {
                let f = r.familiar();
                match f.rsplit_once(':') {
                    Some((a, b)) if !b.contains('/') => (a.to_string(), b.to_string()),
                    _ => (f, "latest".into()),
                }
            }
            _ => ("<none>".into(), "<none>".into()),
        };
        rows.push((c.name.clone(), repo, tag, img.id.clone(), cli.world.image_size(img)));
    }
    baleine_util::sort_by(&mut rows, |x, y| x.0.cmp(&y.0));
    if a.has("quiet") {
        let mut ids: Vec<String> = Vec::new();
        for r in &rows {
            if !ids.contains(&r.3) {
                ids.push(r.3.clone());
            }
        }
        for id in ids {
            cli.print(format!("{id}\n"));
        }
        return Ok(0);
    }
    match a.value("format").unwrap_or("table") {
        "json" => {
            let v: Vec<Value> = rows.iter().map(|(c, r, t, id, size)| json!({"ID": format!("sha256:{id}"), "ContainerName": c, "Repository": r, "Tag": t, "Size": size})).collect();
            cli.print(format!("{}\n", Value::Array(v)));
        }
        _ => {
            let mut text = String::from("CONTAINER\tREPOSITORY\tTAG\tIMAGE ID\tSIZE\n");
            for (c, r, t, id, size) in &rows {
                text.push_str(&format!("{c}\t{r}\t{t}\t{}\t{}\n", &id[..12.min(id.len())], baleine_engine::util::human_size(*size)));
            }
            cli.print(crate::tabwriter::tabwrite(&text, 20, 1, 3, ' ', false));
        }
    }
    Ok(0)
}

pub fn port(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    min_args(a, 2)?;
    let service = a.args[0].clone();
    let port: u16 = a.args[1].parse().map_err(|_| format!("strconv.ParseUint: parsing {:?}: invalid syntax", a.args[1]))?;
    let proto = a.value("protocol").unwrap_or("tcp").to_string();
    let name = files::project_name(cli, g)?;
    let index = int_flag(a, "index").unwrap_or(0);
    let target = target_container(cli, &name, &service, index, true)?;
    let Some(c) = cli.world.containers.get(&target.id) else { return Err(format!("service {service:?} is not running").into()) };
    // port.go: the first entry of the API's port list for that private
    // port, an exposed port without binding included (printed `:0`); the
    // error lists every entry's public port (0 for the exposed ones).
    let list = api_ports(c);
    if let Some((_, ip, public, _)) = list.iter().find(|(private, _, _, pr)| *private == port && *pr == proto) {
        cli.print(format!("{ip}:{public}\n"));
        return Ok(0);
    }
    let list: Vec<String> = list.iter().map(|(_, _, public, pr)| format!("{public}/{pr}")).collect();
    Err(format!("no port {port}/{proto} for container {}: {}", c.name, list.join(", ")).into())
}

/// The Ports of the container list API (moby container/view.go): one entry
/// per host binding (0.0.0.0 and :: for an address left out), one entry
/// without IP and public port per exposed port without binding; nothing for
/// a container that is not running (its NetworkSettings.Ports is cleared).
fn api_ports(c: &baleine_engine::model::Container) -> Vec<(u16, String, u16, String)> {
    let mut out: Vec<(u16, String, u16, String)> = Vec::new();
    if !c.is_running() {
        return out;
    }
    for p in &c.ports {
        if p.host_port == 0 {
            continue;
        }
        if p.host_ip.is_empty() || p.host_ip == "0.0.0.0" {
            out.push((p.container_port, "0.0.0.0".into(), p.host_port, p.proto.clone()));
            out.push((p.container_port, "::".into(), p.host_port, p.proto.clone()));
        } else {
            out.push((p.container_port, p.host_ip.clone(), p.host_port, p.proto.clone()));
        }
    }
    for e in &c.exposed {
        let (num, proto) = e.split_once('/').unwrap_or((e.as_str(), "tcp"));
        let Ok(num) = num.parse::<u16>() else { continue };
        if !out.iter().any(|(private, _, _, pr)| *private == num && pr == proto) {
            out.push((num, String::new(), 0, proto.to_string()));
        }
    }
    out
}

pub fn top(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let name = files::project_name(cli, g)?;
    // top.go: the running (and paused, restarting) containers, one-off ones
    // included; the daemon refuses a restarting one.
    let ctrs: Vec<Ctr> = ops::containers(cli.world, &name, true, &a.args).into_iter().filter(|c| matches!(c.status, Status::Running | Status::Paused | Status::Restarting)).collect();
    if let Some(c) = ctrs.iter().find(|c| c.status == Status::Restarting) {
        return Err(format!("Error response from daemon: Container {} is restarting, wait until the container is running", c.id).into());
    }
    for c in ctrs {
        let Some(ct) = cli.world.containers.get(&c.id) else { continue };
        let user = if ct.user.is_empty() { "root".to_string() } else { ct.user.clone() };
        let (_, _, _, h, m, _, _) = baleine_engine::util::civil(cli.world.epoch_secs + ct.state.started_ms.unwrap_or(0) / 1000);
        let cmdline = ct.process.as_ref().map(|p| p.argv.join(" ")).unwrap_or_default();
        let mut text = String::from("UID\tPID\tPPID\tC\tSTIME\tTTY\tTIME\tCMD\n");
        text.push_str(&format!("{user}\t{}\t{}\t0\t{h:02}:{m:02}\t{}\t00:00:00\t{cmdline}\t\n", ct.state.pid, ct.state.pid.saturating_sub(25), if ct.spec.tty { "pts/0" } else { "?" }));
        text.push('\n');
        cli.print(format!("{}\n", c.name));
        cli.print(crate::tabwriter::tabwrite(&text, 5, 1, 3, ' ', false));
    }
    Ok(0)
}

// ---- events, version, cp, wait, watch -------------------------------------------------------------

pub fn events(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let name = files::project_name(cli, g)?;
    let f = ComposeFollow::events(cli.world, &name, &a.args, a.has("json"));
    cli.pending = Some(Pending::Follow(Follow::Compose(f)));
    Ok(0)
}

pub fn version(cli: &mut Cli<'_>, _g: &Globals, a: &Args) -> Result<i32, Failure> {
    no_args(a, "version")?;
    if a.has("short") {
        cli.print(format!("{}\n", super::COMPOSE_VERSION));
    } else if a.value("format") == Some("json") {
        cli.print(format!("{{\"version\":\"v{}\"}}\n", super::COMPOSE_VERSION));
    } else {
        cli.print(format!("Docker Compose version v{}\n", super::COMPOSE_VERSION));
    }
    Ok(0)
}

pub fn cp(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    docker_args(a, "cp", true, 2)?;
    let name = files::project_name(cli, g)?;
    let index = int_flag(a, "index").unwrap_or(0);
    // cp.go splitCpArg: an absolute path or a `./`-style path is local,
    // else `SERVICE:PATH`.
    let split = |arg: &str| -> Option<(String, String)> {
        if arg.starts_with('/') {
            return None;
        }
        match arg.split_once(':') {
            Some((svc, path)) if !svc.starts_with('.') => Some((svc.to_string(), path.to_string())),
            _ => None,
        }
    };
    let (src, dst) = (split(&a.args[0]), split(&a.args[1]));
    let (service, from_service) = match (&src, &dst) {
        (Some(_), Some(_)) => return Err("copying between services is not supported".to_string().into()),
        (Some((s, _)), None) => (s.clone(), true),
        (None, Some((s, _))) => (s.clone(), false),
        (None, None) => return Err("unknown copy direction".to_string().into()),
    };
    // listContainersTargetedForCopy: with --index that container; else the
    // service's containers, stopped ones included, newest first (the
    // daemon's list order), only the first one to copy from.
    let mut ctrs: Vec<Ctr> = ops::containers(cli.world, &name, index <= 0 && a.has("all"), &[service.clone()]);
    if index > 0 {
        ctrs.retain(|c| c.number as i64 == index);
        if ctrs.is_empty() {
            return Err(format!("service {service:?} is not running container #{index}").into());
        }
    } else if ctrs.is_empty() {
        return Err(format!("no container found for service {service:?}").into());
    }
    let created = |c: &Ctr| cli.world.containers.get(&c.id).map(|x| x.created_ms).unwrap_or(0);
    let mut keyed: Vec<(u64, Ctr)> = ctrs.into_iter().map(|c| (created(&c), c)).collect();
    baleine_util::sort_by(&mut keyed, |x, y| y.0.cmp(&x.0).then(y.1.name.cmp(&x.1.name)));
    let mut ctrs: Vec<Ctr> = keyed.into_iter().map(|(_, c)| c).collect();
    if from_service {
        ctrs.truncate(1);
    }
    let mut p = Progress::new("Copying", g.mode(cli));
    for c in &ctrs {
        let (msg, argv_path) = match (&src, &dst) {
            (Some((_, sp)), _) => (format!("copy {}:{sp} to {}", c.name, a.args[1]), (format!("{}:{sp}", c.id), a.args[1].clone())),
            (_, Some((_, dp))) => (format!("copy {} to {}:{dp}", a.args[0], c.name), (a.args[0].clone(), format!("{}:{dp}", c.id))),
            _ => continue,
        };
        let now = cli.world.now_ms;
        p.event(&mut cli.out, now, &c.name, None, &msg, St::Working, "Copying");
        let mut argv: Vec<String> = vec!["-q".into()];
        if a.has("archive") {
            argv.push("-a".into());
        }
        if a.has("follow-link") {
            argv.push("-L".into());
        }
        argv.push(argv_path.0);
        argv.push(argv_path.1);
        // The copy itself (docker cp's code); its errors are compose's.
        let saved = std::mem::take(&mut cli.out);
        let code = crate::cmd_container::run(cli, "cp", &argv, false);
        let captured = std::mem::replace(&mut cli.out, saved);
        if code != 0 {
            p.finish(&mut cli.out, cli.world.now_ms);
            for (stream, text) in captured.chunks {
                cli.out.push(stream, &text);
            }
            return Ok(1);
        }
        // `-` as destination: the tar stream goes to standard output.
        for (stream, text) in captured.chunks {
            if stream == baleine_shell::Stream::Out {
                cli.out.push(stream, &text);
            }
        }
        let now = cli.world.now_ms;
        p.event(&mut cli.out, now, &c.name, None, &msg, St::Done, "Copied");
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(0)
}

pub fn wait(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    docker_args(a, "wait", false, 1)?;
    let (_, name) = files::project_or_name(cli, g, &[])?;
    let ctrs: Vec<Ctr> = ops::containers(cli.world, &name, true, &a.args).into_iter().filter(|c| cli.world.containers.get(&c.id).is_some_and(|x| x.is_running())).collect();
    if ctrs.is_empty() {
        return Err(format!("no containers for project {name:?}").into());
    }
    let deadline = cli.world.now_ms + 24 * 3600 * 1000;
    let mut code = 0;
    let mut pending: Vec<Ctr> = ctrs;
    while !pending.is_empty() {
        let mut still = Vec::new();
        for c in pending {
            match cli.world.containers.get(&c.id) {
                Some(x) if x.is_running() => still.push(c),
                Some(x) => {
                    code = x.state.exit_code;
                    cli.print(format!("container {:?} exited with status code {}\n", c.id, code));
                    if a.has("down-project") {
                        let args = Args::default();
                        return super::cmd_up::down(cli, g, &args).map(|_| code);
                    }
                }
                None => cli.print(format!("container {:?} exited with status code 0\n", c.id)),
            }
        }
        pending = still;
        if pending.is_empty() {
            break;
        }
        match cli.world.next_event_ms() {
            Some(t) if t <= deadline => cli.world.advance_to(t),
            _ => {
                let names: Vec<String> = pending.iter().map(|c| c.name.clone()).collect();
                return Err(format!("baleine: {} keeps running (nothing will stop it); docker compose wait would block until you stop it.", names.join(", ")).into());
            }
        }
    }
    Ok(code)
}

pub fn watch(_cli: &mut Cli<'_>, _g: &Globals, _a: &Args) -> Result<i32, Failure> {
    Err(super::cmd_up::watch_unsupported().into())
}

// ---- pull, push, build ----------------------------------------------------------------------------

pub fn pull(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let lp = files::load_project(cli, g, &a.args)?;
    let services: Vec<String> = if a.args.is_empty() || a.has("include-deps") { lp.selected.clone() } else { a.args.clone() };
    let mode = g.mode(cli);
    let mut p = Progress::new("Pulling", mode);
    let mut pulled: IndexMap<String, String> = IndexMap::new();
    let policy = a.value("policy").unwrap_or("");
    let mut failure: Option<String> = None;
    let mut names = services.clone();
    baleine_util::sort(&mut names);
    let t0 = cli.world.now_ms;
    let mut end = t0;
    for name in names {
        let Some(s) = lp.project.services.get(&name) else { continue };
        let now = cli.world.now_ms;
        let Some(image) = s.image.clone().filter(|i| !i.is_empty()) else {
            p.event(&mut cli.out, now, &name, None, "Skipped - No image to be pulled", St::Done, "");
            continue;
        };
        let pp = if policy.is_empty() { s.pull_policy.clone().unwrap_or_default() } else { policy.to_string() };
        if matches!(pp.as_str(), "never" | "build") {
            p.event(&mut cli.out, now, &name, None, "Skipped", St::Done, "");
            continue;
        }
        if matches!(pp.as_str(), "missing" | "if_not_present") && cli.world.image_id(&image).is_some() {
            p.event(&mut cli.out, now, &name, None, "Skipped - Image is already present locally", St::Done, "");
            continue;
        }
        if s.build.is_some() && a.has("ignore-buildable") {
            p.event(&mut cli.out, now, &name, None, "Skipped - Image can be built", St::Done, "");
            continue;
        }
        if let Some(other) = pulled.get(&image) {
            p.event(&mut cli.out, now, &name, None, &format!("Skipped - Image is already being pulled by {other}"), St::Done, "");
            continue;
        }
        pulled.insert(image.clone(), name.clone());
        match ops::pull_service(cli, &mut p, t0, &name, &image, a.has("quiet"), s.build.is_some()) {
            Ok(t) => end = end.max(t),
            Err(e) => {
                if !a.has("ignore-pull-failures") {
                    failure = Some(e);
                    break;
                }
            }
        }
    }
    if cli.world.now_ms < end {
        cli.world.advance_to(end);
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    match failure {
        Some(e) => Err(Failure::pull(e)),
        None => Ok(0),
    }
}

pub fn push(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let lp = files::load_project(cli, g, &a.args)?;
    let services: Vec<String> = if a.args.is_empty() || a.has("include-deps") { lp.selected.clone() } else { a.args.clone() };
    let mut p = Progress::new("Pushing", g.mode(cli));
    for name in services {
        let Some(s) = lp.project.services.get(&name) else { continue };
        let now = cli.world.now_ms;
        let image = s.image.clone().unwrap_or_default();
        if s.build.is_none() || image.is_empty() {
            p.event(&mut cli.out, now, &name, None, "Skipped", St::Done, "");
            continue;
        }
        let mut tags = vec![image];
        if let Some(b) = &s.build {
            tags.extend(b.tags.iter().cloned());
        }
        for tag in tags {
            let eid = format!("Pushing {name}");
            p.event(&mut cli.out, now, &eid, None, "", St::Working, "Pushing");
            match cli.world.push(&tag) {
                Ok(_) => {
                    cli.world.advance(800);
                    let now = cli.world.now_ms;
                    p.event(&mut cli.out, now, &eid, None, "", St::Done, "Pushed");
                }
                Err(e) => {
                    let now = cli.world.now_ms;
                    p.event(&mut cli.out, now, &eid, None, "", St::Error, &e.message);
                    if !a.has("ignore-push-failures") {
                        p.finish(&mut cli.out, cli.world.now_ms);
                        return Err(e.message.into());
                    }
                }
            }
        }
    }
    p.finish(&mut cli.out, cli.world.now_ms);
    Ok(0)
}

pub fn build(cli: &mut Cli<'_>, g: &Globals, a: &Args) -> Result<i32, Failure> {
    let lp = files::load_project(cli, g, &a.args)?;
    let services: Vec<String> = if a.args.is_empty() || a.has("with-dependencies") { lp.selected.clone() } else { lp.selected.iter().filter(|s| a.args.contains(s)).cloned().collect() };
    let o = ops::BuildOpts { no_cache: a.has("no-cache"), pull: a.has("pull"), quiet: a.has("quiet"), build_args: a.values("build-arg").into_iter().map(str::to_string).collect() };
    let mode = g.mode(cli);
    let mut p = Progress::new("Building", mode);
    let wanted: Vec<String> = services.iter().filter(|n| lp.project.services.get(*n).is_some_and(|s| s.build.is_some())).cloned().collect();
    let built = if wanted.is_empty() { Vec::new() } else { ops::build_services(cli, &lp.project, &wanted, &o, mode)? };
    for name in built {
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &name, St::Done, "Built");
    }
    if !a.has("quiet") {
        p.finish(&mut cli.out, cli.world.now_ms);
    }
    if a.has("push") {
        return push(cli, g, &Args { flags: Vec::new(), args: a.args.clone(), help: false });
    }
    let _ = ONEOFF_LABEL;
    Ok(0)
}
