//! What compose asks of the engine, with its progress events: listing a
//! project's containers, pulling and building images, creating networks
//! and volumes, converging containers (create / recreate / scale), starting
//! them in dependency order with `depends_on` conditions on the simulated
//! clock, stopping and removing.

use std::collections::BTreeSet;

use baleine_compose::{DependencyCondition, Project};
use baleine_engine::model::Status;
use baleine_engine::network::NetworkSpec;
use baleine_engine::World;
use baleine_shell::Output;
use indexmap::IndexMap;

use super::convert::{self, *};
use super::cli::Failure;
use super::files::Loaded;
use super::progress::{Progress, St};
use crate::Cli;

/// Simulated durations of daemon operations (ms).
pub const NETWORK_CREATE_MS: u64 = 100;
pub const VOLUME_CREATE_MS: u64 = 10;
pub const CONTAINER_CREATE_MS: u64 = 80;
pub const CONTAINER_START_MS: u64 = 250;
pub const CONTAINER_REMOVE_MS: u64 = 60;
/// compose polls dependencies every 500 ms.
pub const POLL_MS: u64 = 500;

/// A container of a compose project.
#[derive(Clone, Debug)]
pub struct Ctr {
    pub id: String,
    pub name: String,
    pub service: String,
    pub number: u32,
    pub oneoff: bool,
    pub status: Status,
}

impl Ctr {
    pub fn event_id(&self) -> String {
        format!("Container {}", self.name)
    }
}

/// compose's `getContainerNameWithoutProject`: `web-1` for `myapp-web-1`.
pub fn short_name(world: &World, id: &str) -> String {
    let Some(c) = world.containers.get(id) else { return String::new() };
    let project = c.label(PROJECT_LABEL).unwrap_or("");
    let service = c.label(SERVICE_LABEL).unwrap_or("");
    let prefix = format!("{project}-{service}-");
    match c.name.strip_prefix(&prefix) {
        Some(rest) => format!("{service}-{rest}"),
        None => c.name.clone(),
    }
}

/// The containers of a project (sorted by name).
pub fn containers(world: &World, project: &str, oneoff: bool, services: &[String]) -> Vec<Ctr> {
    // The service filter goes first: a start polls one service at a time,
    // and one label lookup then sets aside every other container.
    let mut v: Vec<Ctr> = world
        .containers
        .values()
        .filter(|c| services.is_empty() || c.label(SERVICE_LABEL).is_some_and(|s| services.iter().any(|x| x == s)))
        .filter(|c| c.label(PROJECT_LABEL) == Some(project))
        .filter(|c| oneoff || c.label(ONEOFF_LABEL) != Some("True"))
        .map(ctr_of)
        .collect();
    baleine_util::sort_by(&mut v, |a, b| a.name.cmp(&b.name));
    v
}

fn ctr_of(c: &baleine_engine::model::Container) -> Ctr {
    Ctr {
        id: c.id.clone(),
        name: c.name.clone(),
        service: c.label(SERVICE_LABEL).unwrap_or("").to_string(),
        number: c.label(NUMBER_LABEL).and_then(|n| n.parse().ok()).unwrap_or(0),
        oneoff: c.label(ONEOFF_LABEL) == Some("True"),
        status: c.state.status,
    }
}

/// `containers` of one service again, by the ids found before (a start
/// polls its dependencies many times; their containers do not change).
fn containers_again(world: &World, ids: &[String]) -> Vec<Ctr> {
    ids.iter().filter_map(|id| world.containers.get(id)).map(ctr_of).collect()
}

fn daemon(e: &baleine_engine::EngineError) -> String {
    format!("Error response from daemon: {}", e.message)
}

// ---- images ---------------------------------------------------------------------

/// How `up`/`create` treat images.
#[derive(Clone, Debug, Default)]
pub struct ImageOpts {
    /// `--build`: build every service that has a build section.
    pub force_build: bool,
    /// `--no-build`.
    pub no_build: bool,
    /// `--pull` value ("" = each service's policy).
    pub pull: String,
    pub quiet_pull: bool,
    /// Services whose images to consider (empty: the selection).
    pub services: Vec<String>,
}

fn layer_events(p: &mut Progress, out: &mut Output, start: u64, service: &str, layers: &[(String, bool)]) -> u64 {
    let mut t = start;
    for (i, (id, existed)) in layers.iter().enumerate() {
        let done_at = if *existed { start + 20 } else { start + 300 + 350 * i as u64 };
        p.event(out, start, id, Some(service), "Pulling fs layer", St::Working, "");
        p.event(out, done_at, id, Some(service), if *existed { "Already exists" } else { "Pull complete" }, St::Done, "");
        p.set_start(id, start);
        t = t.max(done_at);
    }
    t
}

/// Pulls one service image with compose's events, as if it started at
/// `start` (pulls run in parallel); Ok(end time) or Err(message).
pub fn pull_service(cli: &mut Cli<'_>, p: &mut Progress, start: u64, service: &str, image: &str, quiet: bool, buildable: bool) -> Result<u64, String> {
    p.event(&mut cli.out, start, service, None, "Pulling", St::Working, "");
    match cli.world.pull(image) {
        Ok(report) => {
            let mut end = start + if report.up_to_date { 300 } else { 600 };
            // An image already up to date pulls no layer: the daemon only
            // streams "Pulling from", "Digest" and "Status" messages, which
            // carry no progress detail and make no event.
            if !quiet && !report.up_to_date {
                end = end.max(layer_events(p, &mut cli.out, start, service, &report.layers) + 200);
            }
            p.event(&mut cli.out, end, service, None, "Pulled", St::Done, "");
            Ok(end)
        }
        Err(e) => {
            let end = start + 400;
            if buildable {
                p.event(&mut cli.out, end, service, None, "Warning", St::Warning, &e.message);
                Ok(end)
            } else {
                p.event(&mut cli.out, end, service, None, "Error", St::Error, &e.message);
                cli.world.advance_to(end);
                Err(daemon(&e))
            }
        }
    }
}

/// compose-go's `Project.CheckContainerNameUnicity` over the selected
/// services (Go walks a map: which of the two is named varies; here the
/// later one in the file, as the earlier one is "in use").
pub fn check_container_names(lp: &Loaded) -> Result<(), String> {
    let mut names: IndexMap<&str, &str> = IndexMap::new();
    for (name, s) in lp.project.services.iter().filter(|(n, _)| lp.selected.contains(n)) {
        let Some(cn) = s.container_name.as_deref().filter(|c| !c.is_empty()) else { continue };
        if let Some(existing) = names.get(cn) {
            // The stray quote is compose-go's.
            return Err(format!("services.{name}: container name {cn:?} is already in use by service {existing}\""));
        }
        names.insert(cn, name);
    }
    Ok(())
}

/// `ensureImagesExists`: pulls what is missing (its own progress block),
/// then builds (events in `main`).
///
/// A failed pull or build is a categorised compose error
/// (`WrapCategorisedComposeError`): status 18 (`PullFailure`) or 17
/// (`BuildFailure`).
pub fn ensure_images(cli: &mut Cli<'_>, lp: &Loaded, mode: super::progress::Mode, main: &mut Progress, o: &ImageOpts) -> Result<(), Failure> {
    let project = &lp.project;
    // `create` begins with CheckContainerNameUnicity, before any pull.
    check_container_names(lp)?;
    let services: Vec<String> = if o.services.is_empty() { lp.selected.clone() } else { o.services.clone() };
    for name in &services {
        if let Some(s) = project.services.get(name) {
            if s.image.as_deref().unwrap_or("").is_empty() && s.build.is_none() {
                return Err(format!("invalid service {name:?}. Must specify either image or build").into());
            }
        }
    }
    // Pull.
    let mut pull = Progress::new("Running", mode);
    let mut pulled: Vec<String> = Vec::new();
    let mut result = Ok(());
    let t0 = cli.world.now_ms;
    let mut end = t0;
    for name in &services {
        let Some(s) = project.services.get(name) else { continue };
        let Some(image) = s.image.clone().filter(|i| !i.is_empty()) else { continue };
        let policy = if o.pull.is_empty() || o.pull == "policy" { s.pull_policy.clone().unwrap_or_default() } else { o.pull.clone() };
        let present = cli.world.image_id(&image).is_some();
        let need = match policy.as_str() {
            "" | "missing" | "if_not_present" => !present,
            "never" | "build" => false,
            "always" | "daily" | "weekly" => true,
            _ => !present,
        };
        if !need || pulled.contains(&image) {
            continue;
        }
        if s.build.is_some() && o.force_build {
            continue;
        }
        pulled.push(image.clone());
        match pull_service(cli, &mut pull, t0, name, &image, o.quiet_pull, s.build.is_some()) {
            Ok(t) => end = end.max(t),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    if cli.world.now_ms < end {
        cli.world.advance_to(end);
    }
    pull.finish(&mut cli.out, cli.world.now_ms);
    result.map_err(Failure::pull)?;
    // Build.
    if o.no_build {
        return Ok(());
    }
    let mut to_build: Vec<String> = Vec::new();
    for name in &services {
        let Some(s) = project.services.get(name) else { continue };
        if s.build.is_none() {
            continue;
        }
        let image = image_name(project, s);
        let present = cli.world.image_id(&image).is_some();
        let policy_build = s.pull_policy.as_deref() == Some("build");
        if present && !o.force_build && !policy_build {
            continue;
        }
        to_build.push(name.clone());
    }
    if to_build.is_empty() {
        return Ok(());
    }
    let built = build_services(cli, project, &to_build, &BuildOpts::default(), mode)?;
    for name in built {
        let now = cli.world.now_ms;
        main.ev(&mut cli.out, now, &name, St::Done, "Built");
    }
    Ok(())
}

/// compose's `build`: every service's build goes through one buildx printer
/// (vertex names prefixed with the service, see `cmd_build::render_prefixed`),
/// printed once the builds are over. A failed build stops the others; its
/// error (`failed to solve: ...`) is returned for compose to print.
pub fn build_services(cli: &mut Cli<'_>, project: &Project, names: &[String], o: &BuildOpts, mode: super::progress::Mode) -> Result<Vec<String>, Failure> {
    use crate::build_progress::Mode as BMode;
    let bmode = if o.quiet {
        BMode::Quiet
    } else {
        match mode {
            super::progress::Mode::Tty { .. } => BMode::Tty,
            super::progress::Mode::Plain => BMode::Plain,
            _ => BMode::Quiet,
        }
    };
    let mut outs: Vec<(String, baleine_engine::build::BuildOutput)> = Vec::new();
    let mut built = Vec::new();
    let mut failure: Option<String> = None;
    for name in names {
        match build_service(cli, project, name, o)? {
            Some(out) => {
                let failed = out.failure.as_ref().map(|f| f.message.clone());
                outs.push((name.clone(), out));
                if let Some(f) = failed {
                    failure = Some(f);
                    break;
                }
                built.push(name.clone());
            }
            None => continue,
        }
    }
    let text = crate::cmd_build::render_prefixed(&outs, bmode);
    if !text.is_empty() {
        cli.print(text);
    }
    match failure {
        Some(f) => Err(Failure::build(f)),
        None => Ok(built),
    }
}

#[derive(Clone, Debug, Default)]
pub struct BuildOpts {
    pub no_cache: bool,
    pub pull: bool,
    pub quiet: bool,
    pub build_args: Vec<String>,
}

/// Builds a service's image with the options `docker buildx build` would
/// get, without printing its progress. Ok(None) when the service has no
/// build section; Err("") when the options were refused (already printed).
pub fn build_service(cli: &mut Cli<'_>, project: &Project, name: &str, o: &BuildOpts) -> Result<Option<baleine_engine::build::BuildOutput>, String> {
    let Some(s) = project.services.get(name) else { return Ok(None) };
    let Some(b) = s.build.clone() else { return Ok(None) };
    let tag = image_name(project, s);
    let mut argv: Vec<String> = vec!["-t".into(), tag];
    for t in &b.tags {
        argv.push("-t".into());
        argv.push(t.clone());
    }
    if let Some(inline) = &b.dockerfile_inline {
        let path = format!("/tmp/.baleine-compose/{}-{}.Dockerfile", project.name, name);
        let host = cli.world.host_tree;
        if let Some(t) = cli.world.forest.get_mut(host) {
            let _ = t.write(&path, baleine_vfs::Content::text(inline), baleine_vfs::Meta::file(), true);
        }
        argv.push("-f".into());
        argv.push(path);
    } else if let Some(df) = &b.dockerfile {
        argv.push("-f".into());
        argv.push(if df.starts_with('/') { df.clone() } else { baleine_vfs::normalize(&b.context, df) });
    }
    if let Some(t) = &b.target {
        argv.push("--target".into());
        argv.push(t.clone());
    }
    for (k, v) in &b.args {
        let v = v.clone().or_else(|| project.environment.get(k).cloned());
        if let Some(v) = v {
            argv.push("--build-arg".into());
            argv.push(format!("{k}={v}"));
        }
    }
    for a in &o.build_args {
        argv.push("--build-arg".into());
        argv.push(a.clone());
    }
    for (k, v) in &b.labels {
        argv.push("--label".into());
        argv.push(format!("{k}={v}"));
    }
    if let Some(n) = &b.network {
        argv.push("--network".into());
        argv.push(n.clone());
    }
    if b.no_cache || o.no_cache {
        argv.push("--no-cache".into());
    }
    if b.pull || o.pull {
        argv.push("--pull".into());
    }
    if o.quiet {
        argv.push("-q".into());
    }
    argv.push(b.context.clone());
    match crate::cmd_build::build_collect(cli, &argv) {
        Ok(out) => Ok(Some(out)),
        Err(_) => Err(String::new()),
    }
}

// ---- networks and volumes ------------------------------------------------------------

pub fn ensure_networks(cli: &mut Cli<'_>, lp: &Loaded, p: &mut Progress) -> Result<(), String> {
    let project = &lp.project;
    for key in &lp.networks {
        let Some(n) = project.networks.get(key) else { continue };
        if n.external {
            if cli.world.networks.values().any(|x| x.name == n.name) || cli.world.networks.contains_key(&n.name) {
                continue;
            }
            return Err(format!("network {} declared as external, but could not be found", n.name));
        }
        if let Some(existing) = cli.world.networks.values().find(|x| x.name == n.name).cloned() {
            match existing.labels.get(PROJECT_LABEL) {
                None => cli.err(format!("WARN[0000] a network with name {} exists but was not created by compose.\nSet `external: true` to use an existing network\n", n.name)),
                Some(pr) if *pr != project.name => cli.err(format!("WARN[0000] a network with name {} exists but was not created for project {:?}.\nSet `external: true` to use an existing network\n", n.name, project.name)),
                _ => {}
            }
            if existing.labels.contains_key(PROJECT_LABEL) && existing.labels.get(NETWORK_LABEL).map(String::as_str) != Some(key.as_str()) {
                return Err(format!("network {} was found but has incorrect label {} set to {:?} (expected: {:?})", n.name, NETWORK_LABEL, existing.labels.get(NETWORK_LABEL).cloned().unwrap_or_default(), key));
            }
            continue;
        }
        let mut labels = n.labels.clone();
        labels.insert(HASH_LABEL.into(), baleine_engine::util::sha256_hex(&format!("{n:?}")));
        labels.insert(NETWORK_LABEL.into(), key.clone());
        labels.insert(PROJECT_LABEL.into(), project.name.clone());
        labels.insert(VERSION_LABEL.into(), super::COMPOSE_VERSION.into());
        let pool = n.ipam.as_ref().and_then(|i| i.config.first());
        let spec = NetworkSpec {
            name: n.name.clone(),
            driver: n.driver.clone().unwrap_or_default(),
            subnet: pool.and_then(|p| p.subnet.clone()),
            gateway: pool.and_then(|p| p.gateway.clone()),
            ip_range: pool.and_then(|p| p.ip_range.clone()),
            internal: n.internal,
            attachable: n.attachable,
            labels,
            options: n.driver_opts.clone(),
        };
        let id = format!("Network {}", n.name);
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &id, St::Working, "Creating");
        match cli.world.create_network(spec) {
            Ok(_) => {
                cli.world.advance(NETWORK_CREATE_MS);
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &id, St::Done, "Created");
            }
            Err(e) => {
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &id, St::Error, "Error");
                return Err(format!("failed to create network {}: {}", n.name, daemon(&e)));
            }
        }
    }
    Ok(())
}

pub fn ensure_volumes(cli: &mut Cli<'_>, lp: &Loaded, p: &mut Progress) -> Result<(), String> {
    let project = &lp.project;
    for key in &lp.volumes {
        let Some(v) = project.volumes.get(key) else { continue };
        match cli.world.volumes.get(&v.name) {
            None if v.external => return Err(format!("external volume {:?} not found", v.name)),
            None => {}
            Some(_) if v.external => continue,
            Some(existing) => {
                match existing.labels.get(PROJECT_LABEL) {
                    None => cli.err(format!("WARN[0000] volume {:?} already exists but was not created by Docker Compose. Use `external: true` to use an existing volume\n", v.name)),
                    Some(pr) if *pr != project.name => cli.err(format!("WARN[0000] volume {:?} already exists but was created for project {:?} (expected {:?}). Use `external: true` to use an existing volume\n", v.name, pr, project.name)),
                    _ => {}
                }
                continue;
            }
        }
        let mut labels = v.labels.clone();
        labels.insert(HASH_LABEL.into(), baleine_engine::util::sha256_hex(&format!("{v:?}")));
        labels.insert(PROJECT_LABEL.into(), project.name.clone());
        labels.insert(VERSION_LABEL.into(), super::COMPOSE_VERSION.into());
        labels.insert(VOLUME_LABEL.into(), key.clone());
        let id = format!("Volume {:?}", v.name);
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &id, St::Working, "Creating");
        match cli.world.create_volume(Some(&v.name), v.driver.as_deref().unwrap_or(""), labels, v.driver_opts.clone()) {
            Ok(_) => {
                cli.world.advance(VOLUME_CREATE_MS);
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &id, St::Done, "Created");
            }
            Err(e) => {
                let now = cli.world.now_ms;
                p.ev(&mut cli.out, now, &id, St::Error, "Error");
                return Err(daemon(&e));
            }
        }
    }
    Ok(())
}

// ---- convergence --------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recreate {
    Diverged,
    Force,
    Never,
}

#[derive(Clone, Debug)]
pub struct CreateOpts {
    pub recreate: Recreate,
    pub recreate_deps: Recreate,
    pub inherit: bool,
    pub timeout: Option<u64>,
    pub remove_orphans: bool,
    pub ignore_orphans: bool,
    pub scale: IndexMap<String, i64>,
    pub env_files: Vec<String>,
}

impl Default for CreateOpts {
    fn default() -> Self {
        CreateOpts { recreate: Recreate::Diverged, recreate_deps: Recreate::Diverged, inherit: true, timeout: None, remove_orphans: false, ignore_orphans: false, scale: IndexMap::new(), env_files: Vec::new() }
    }
}

/// The number of containers wanted for a service.
pub fn scale_of(lp: &Loaded, o: &CreateOpts, name: &str) -> Result<i64, String> {
    let Some(s) = lp.project.services.get(name) else { return Ok(0) };
    let n = o.scale.get(name).copied().unwrap_or_else(|| s.get_scale()).max(0);
    if n > 1 {
        if let Some(cn) = &s.container_name {
            // convergence.go doubledContainerNameWarning ends with a newline
            // and the plugin prints the error with Fprintln: a blank line.
            return Err(format!("WARNING: The {:?} service is using the custom container name {:?}. Docker requires each container to have a unique name. Remove the custom name to scale the service.\n\n", name, cn));
        }
    }
    Ok(n)
}

/// compose's isOrphaned: an exited (or dead) one-off container, or a
/// container of a service the model does not define, enabled or not
/// (without a model, `down -p NAME` takes the services from the containers).
pub fn is_orphan(project: Option<&Project>, c: &Ctr) -> bool {
    if c.oneoff {
        return matches!(c.status, Status::Exited | Status::Dead);
    }
    project.is_some_and(|p| !p.services.contains_key(&c.service) && !p.disabled_services.contains_key(&c.service))
}

/// `create`: networks, volumes, orphans, then each service's containers
/// (in dependency order): kept, recreated, scaled up or down.
pub fn create(cli: &mut Cli<'_>, lp: &Loaded, p: &mut Progress, o: &CreateOpts) -> Result<(), String> {
    ensure_networks(cli, lp, p)?;
    ensure_volumes(cli, lp, p)?;
    let project = &lp.project;
    let all = containers(cli.world, &project.name, true, &[]);
    let orphans: Vec<Ctr> = all.iter().filter(|c| is_orphan(Some(project), c)).cloned().collect();
    if !orphans.is_empty() && !o.ignore_orphans {
        if o.remove_orphans {
            for c in &orphans {
                stop_and_remove(cli.world, &mut cli.out, Some(&mut *p), &[c.clone()], o.timeout, false);
            }
        } else {
            // In the daemon's list order: newest first.
            let names: Vec<String> = cli.world.containers.values().rev().filter(|x| orphans.iter().any(|c| c.id == x.id)).map(|x| x.name.clone()).collect();
            cli.err(format!("WARN[0000] Found orphan containers ([{}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.\n", names.join(" ")));
        }
    }
    for name in &lp.selected {
        let strategy = if lp.named.is_empty() || lp.named.contains(name) { o.recreate } else { o.recreate_deps };
        ensure_service(cli, lp, p, name, strategy, o)?;
    }
    Ok(())
}

fn expected_networks(world: &World, project: &Project, name: &str) -> Vec<String> {
    let Some(s) = project.services.get(name) else { return Vec::new() };
    if s.network_mode.is_some() {
        return Vec::new();
    }
    s.networks.keys().filter_map(|k| project.networks.get(k)).filter_map(|n| world.network_id(&n.name).ok()).collect()
}

fn must_recreate(world: &World, project: &Project, name: &str, c: &Ctr, strategy: Recreate) -> bool {
    match strategy {
        Recreate::Never => return false,
        Recreate::Force => return true,
        Recreate::Diverged => {}
    }
    let Some(s) = project.services.get(name) else { return false };
    let Some(ct) = world.containers.get(&c.id) else { return false };
    if ct.label(HASH_LABEL) != Some(service_hash(s).as_str()) {
        return true;
    }
    if let Some(img) = world.image_id(&image_name(project, s)) {
        if ct.label(IMAGE_LABEL).is_some_and(|l| l != format!("sha256:{img}")) {
            return true;
        }
    }
    if ct.state.status == Status::Running {
        for nid in expected_networks(world, project, name) {
            if !ct.endpoints.contains_key(&nid) {
                return true;
            }
        }
    }
    false
}

fn ensure_service(cli: &mut Cli<'_>, lp: &Loaded, p: &mut Progress, name: &str, strategy: Recreate, o: &CreateOpts) -> Result<(), String> {
    let project = &lp.project;
    let expected = scale_of(lp, o, name)? as usize;
    let mut observed = containers(cli.world, &project.name, false, &[name.to_string()]);
    // Obsolete first, then by number descending; then reversed.
    let obsolete: Vec<bool> = observed.iter().map(|c| must_recreate(cli.world, project, name, c, strategy)).collect();
    let mut pairs: Vec<(Ctr, bool)> = observed.drain(..).zip(obsolete).collect();
    baleine_util::sort_by(&mut pairs, |a, b| b.1.cmp(&a.1).then(b.0.number.cmp(&a.0.number)));
    pairs.reverse();
    let actual = pairs.len();
    let mut next = pairs.iter().map(|x| x.0.number).max().unwrap_or(0) + 1;
    for (i, (c, obsolete)) in pairs.iter().enumerate() {
        if i >= expected {
            stop_and_remove(cli.world, &mut cli.out, Some(&mut *p), &[c.clone()], o.timeout, false);
            continue;
        }
        if *obsolete {
            stop_dependents(cli, lp, p, name, o.timeout);
            recreate(cli, lp, p, name, c, o)?;
            continue;
        }
        let now = cli.world.now_ms;
        match cli.world.containers.get(&c.id).map(|x| x.state.status) {
            Some(Status::Running) | Some(Status::Paused) => p.ev(&mut cli.out, now, &c.event_id(), St::Done, "Running"),
            Some(Status::Exited) => p.ev(&mut cli.out, now, &c.event_id(), St::Done, "Created"),
            _ => {}
        }
    }
    for _ in actual..expected {
        let number = next;
        next += 1;
        let s = &project.services[name];
        let cname = s.container_name.clone().unwrap_or_else(|| format!("{}-{}-{}", project.name, name, number));
        create_container(cli, lp, p, name, &cname, Some(number), &IndexMap::new(), o, true)?;
    }
    Ok(())
}

/// Creates one container of a service (`Creating` / `Created` when `events`).
#[allow(clippy::too_many_arguments)]
pub fn create_container(cli: &mut Cli<'_>, lp: &Loaded, p: &mut Progress, name: &str, cname: &str, number: Option<u32>, inherit: &IndexMap<String, String>, o: &CreateOpts, events: bool) -> Result<String, String> {
    let project = &lp.project;
    let s = &project.services[name];
    let eid = format!("Container {cname}");
    if events {
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &eid, St::Working, "Creating");
    }
    let image_id = cli.world.image_id(&image_name(project, s));
    let no_labels = IndexMap::new();
    let opts = convert::Options { number, oneoff: false, slug: None, inherit, ports: true, use_aliases: true, image_id, env_files: &o.env_files, extra_labels: &no_labels };
    let cid = create_from_spec(cli, project, s, cname, &opts, None)?;
    if events {
        let now = cli.world.now_ms;
        p.ev(&mut cli.out, now, &eid, St::Done, "Created");
    }
    Ok(cid)
}

/// Builds the spec, creates the container, connects its other networks and
/// writes its secrets.
pub fn create_from_spec(cli: &mut Cli<'_>, project: &Project, s: &baleine_compose::Service, cname: &str, opts: &convert::Options<'_>, tweak: Option<&dyn Fn(&mut baleine_engine::model::ContainerSpec)>) -> Result<String, String> {
    let (mut spec, extra) = container_spec(cli.world, project, s, cname, opts)?;
    if let Some(f) = tweak {
        f(&mut spec);
    }
    for w in &extra.warnings {
        cli.err(format!("WARN[0000] {w}\n"));
    }
    let cid = cli.world.create_container(spec).map_err(|e| daemon(&e))?;
    for (net, aliases, ip) in extra.connect {
        if let Err(e) = cli.world.network_connect(&net, &cid, aliases, ip) {
            let _ = cli.world.remove_container(&cid, true, false);
            return Err(daemon(&e));
        }
    }
    if let Some(root) = cli.world.containers.get(&cid).map(|c| c.rootfs) {
        if let Some(t) = cli.world.forest.get_mut(root) {
            for (path, content) in &extra.files {
                let _ = t.write(path, baleine_vfs::Content::text(content), baleine_vfs::Meta { mode: 0o444, uid: 0, gid: 0, mtime: 0 }, true);
            }
        }
    }
    cli.world.advance(CONTAINER_CREATE_MS);
    Ok(cid)
}

/// Services that depend on `name` directly, among the selection.
fn direct_dependents(lp: &Loaded, name: &str) -> Vec<String> {
    lp.selected.iter().filter(|s| lp.project.services.get(*s).is_some_and(|x| x.depends_on.contains_key(name))).cloned().collect()
}

fn stop_dependents(cli: &mut Cli<'_>, lp: &Loaded, p: &mut Progress, name: &str, timeout: Option<u64>) {
    let deps = direct_dependents(lp, name);
    if deps.is_empty() {
        return;
    }
    let ctrs = containers(cli.world, &lp.project.name, false, &deps);
    let running: Vec<Ctr> = ctrs.into_iter().filter(|c| cli.world.containers.get(&c.id).is_some_and(|x| x.is_running())).collect();
    stop_batch(cli.world, &mut cli.out, Some(p), &running, timeout);
}

fn recreate(cli: &mut Cli<'_>, lp: &Loaded, p: &mut Progress, name: &str, old: &Ctr, o: &CreateOpts) -> Result<(), String> {
    let project = &lp.project;
    let eid = old.event_id();
    let now = cli.world.now_ms;
    p.ev(&mut cli.out, now, &eid, St::Working, "Recreate");
    let s = &project.services[name];
    // Anonymous volumes (service ones and the image's VOLUMEs) are reused.
    let mut inherit: IndexMap<String, String> = IndexMap::new();
    if o.inherit {
        let mut targets: Vec<String> = s.volumes.iter().filter(|v| v.kind == baleine_compose::VolumeType::Volume && v.source.is_none()).map(|v| baleine_vfs::normalize("/", &v.target)).collect();
        if let Some(img) = cli.world.image(&image_name(project, s)).ok() {
            targets.extend(img.config.volumes.iter().map(|v| baleine_vfs::normalize("/", v)));
        }
        if let Some(c) = cli.world.containers.get(&old.id) {
            for m in &c.mounts {
                if m.kind == "volume" && targets.contains(&m.destination) && cli.world.volumes.get(&m.name).is_some_and(|v| v.anonymous) {
                    inherit.insert(m.destination.clone(), m.name.clone());
                }
            }
        }
    }
    let final_name = s.container_name.clone().unwrap_or_else(|| format!("{}-{}-{}", project.name, name, old.number));
    let tmp = format!("{}_{}", &old.id[..12.min(old.id.len())], final_name);
    let image_id = cli.world.image_id(&image_name(project, s));
    let mut extra = IndexMap::new();
    extra.insert(REPLACE_LABEL.to_string(), old.id.clone());
    let opts = convert::Options { number: Some(old.number.max(1)), oneoff: false, slug: None, inherit: &inherit, ports: true, use_aliases: true, image_id, env_files: &o.env_files, extra_labels: &extra };
    let new_id = create_from_spec(cli, project, s, &tmp, &opts, None)?;
    let t = o.timeout.or_else(|| cli.world.containers.get(&old.id).and_then(|c| c.spec.stop_timeout));
    cli.world.stop_container(&old.id, t, None).map_err(|e| daemon(&e))?;
    cli.world.remove_container(&old.id, false, false).map_err(|e| daemon(&e))?;
    cli.world.rename_container(&new_id, &final_name).map_err(|e| daemon(&e))?;
    let now = cli.world.now_ms;
    p.ev(&mut cli.out, now, &eid, St::Done, "Recreated");
    Ok(())
}

// ---- stopping and removing ------------------------------------------------------------------

/// Stops containers the way compose does it (in parallel): the stop signal
/// to all, then SIGKILL to those still running after their timeout.
pub fn stop_batch(world: &mut World, out: &mut Output, mut p: Option<&mut Progress>, ctrs: &[Ctr], timeout: Option<u64>) {
    let mut waiting: Vec<(Ctr, u64)> = Vec::new();
    let start = world.now_ms;
    for c in ctrs {
        if let Some(p) = p.as_deref_mut() {
            p.ev(out, start, &c.event_id(), St::Working, "Stopping");
        }
        let Some(ct) = world.containers.get(&c.id) else { continue };
        let t = timeout.or(ct.spec.stop_timeout).unwrap_or(10);
        match ct.state.status {
            Status::Running => {
                let sig = ct.stop_signal.clone();
                if let Some(m) = world.containers.get_mut(&c.id) {
                    m.manually_stopped = true;
                }
                let _ = world.kill_container(&c.id, &sig);
                waiting.push((c.clone(), t));
            }
            Status::Paused | Status::Restarting => {
                let _ = world.stop_container(&c.id, Some(t), None);
            }
            _ => {}
        }
    }
    world.advance(100);
    let mut stopped_at: IndexMap<String, u64> = IndexMap::new();
    for (c, _) in &waiting {
        if !world.containers.get(&c.id).is_some_and(|x| x.is_running()) {
            stopped_at.insert(c.id.clone(), world.now_ms);
            let name = c.name.clone();
            world.event("container", "stop", &c.id, &name, vec![]);
        }
    }
    let remaining: Vec<(Ctr, u64)> = waiting.iter().filter(|(c, _)| !stopped_at.contains_key(&c.id)).cloned().collect();
    if !remaining.is_empty() {
        let mut deadlines: Vec<(u64, Ctr)> = remaining.iter().map(|(c, t)| (start + t * 1000, c.clone())).collect();
        baleine_util::sort_by(&mut deadlines, |a, b| a.0.cmp(&b.0).then(a.1.name.cmp(&b.1.name)));
        for (deadline, c) in deadlines {
            if world.now_ms < deadline {
                world.advance_to(deadline);
            }
            if world.containers.get(&c.id).is_some_and(|x| x.is_running()) {
                let _ = world.stop_container(&c.id, Some(0), None);
            } else {
                let name = c.name.clone();
                world.event("container", "stop", &c.id, &name, vec![]);
            }
            stopped_at.insert(c.id.clone(), world.now_ms);
        }
    }
    let now = world.now_ms;
    if let Some(p) = p.as_deref_mut() {
        for c in ctrs {
            let at = stopped_at.get(&c.id).copied().unwrap_or(now.min(start + 100));
            p.ev(out, at.max(start), &c.event_id(), St::Done, "Stopped");
        }
    }
}

/// Stops then removes containers (`Stopping`, `Stopped`, `Removing`, `Removed`).
pub fn stop_and_remove(world: &mut World, out: &mut Output, mut p: Option<&mut Progress>, ctrs: &[Ctr], timeout: Option<u64>, volumes: bool) {
    stop_batch(world, out, p.as_deref_mut(), ctrs, timeout);
    for c in ctrs {
        let now = world.now_ms;
        if let Some(p) = p.as_deref_mut() {
            p.ev(out, now, &c.event_id(), St::Working, "Removing");
        }
        let _ = world.remove_container(&c.id, true, volumes);
    }
    world.advance(CONTAINER_REMOVE_MS);
    let now = world.now_ms;
    if let Some(p) = p.as_deref_mut() {
        for c in ctrs {
            p.ev(out, now, &c.event_id(), St::Done, "Removed");
        }
    }
}

// ---- starting ---------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    Healthy,
    Completed,
    RunningOrHealthy,
}

#[derive(Clone, Debug)]
struct Dep {
    service: String,
    cond: Cond,
    required: bool,
    satisfied: bool,
    /// The service's containers when the wait began (sorted by name).
    ids: Vec<String>,
}

/// What a step of the start machine came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Blocked,
    Failed(String),
}

/// compose's `isServiceHealthy`.
fn service_healthy(world: &World, ctrs: &[Ctr], fallback_running: bool) -> Result<bool, String> {
    for c in ctrs {
        let Some(ct) = world.containers.get(&c.id) else { return Err(format!("Error response from daemon: No such container: {}", c.id)) };
        if ct.state.status == Status::Exited && ct.has_been_started {
            return Err(format!("container {} exited ({})", ct.name, ct.state.exit_code));
        }
        if ct.state.status == Status::Restarting {
            return Ok(false);
        }
        let configured = ct.healthcheck.as_ref().is_some_and(|h| !h.test.is_empty());
        if !configured && fallback_running {
            return Ok(ct.state.status == Status::Running);
        }
        match &ct.state.health {
            None => return Err(format!("container {} has no healthcheck configured", ct.name)),
            Some(h) => match h.status.as_str() {
                "healthy" => {}
                "unhealthy" => return Err(format!("container {} is unhealthy", ct.name)),
                "starting" => return Ok(false),
                other => return Err(format!("container {} had unexpected health status {:?}", ct.name, other)),
            },
        }
    }
    Ok(true)
}

/// compose's `isServiceCompleted`: (exited, exit code).
fn service_completed(world: &World, ctrs: &[Ctr]) -> (bool, i32) {
    for c in ctrs {
        if let Some(ct) = world.containers.get(&c.id) {
            if ct.state.status == Status::Exited && ct.has_been_started {
                return (true, ct.state.exit_code);
            }
        }
    }
    (false, 0)
}

/// The waits of one dependant on its dependencies (`waitDependencies`).
#[derive(Clone, Debug)]
pub struct Waiter {
    project: String,
    dependant: String,
    deps: Vec<Dep>,
    since: u64,
    started: bool,
}

impl Waiter {
    fn new(project: &str, dependant: &str, deps: Vec<Dep>) -> Waiter {
        Waiter { project: project.to_string(), dependant: dependant.to_string(), deps, since: 0, started: false }
    }

    /// Emits the `Waiting` events; Err for a missing required dependency.
    fn begin(&mut self, world: &World, out: &mut Output, mut p: Option<&mut Progress>) -> Result<(), String> {
        self.started = true;
        self.since = world.now_ms;
        for d in self.deps.iter_mut() {
            let ctrs = containers(world, &self.project, false, std::slice::from_ref(&d.service));
            d.ids = ctrs.iter().map(|c| c.id.clone()).collect();
            if let Some(p) = p.as_deref_mut() {
                for c in &ctrs {
                    p.ev(out, world.now_ms, &c.event_id(), St::Working, "Waiting");
                }
            }
            if ctrs.is_empty() {
                if d.required {
                    return Err(format!("{} is missing dependency {}", self.dependant, d.service));
                }
                out.err(format!("WARN[0000] {} is missing dependency {}\n", self.dependant, d.service));
                d.satisfied = true;
            }
        }
        Ok(())
    }

    /// One poll of the conditions: Ok(true) when all are met.
    fn poll(&mut self, world: &World, out: &mut Output, mut p: Option<&mut Progress>) -> Result<bool, String> {
        if world.now_ms < self.since + POLL_MS {
            return Ok(self.deps.iter().all(|d| d.satisfied));
        }
        let now = world.now_ms;
        for d in self.deps.iter_mut().filter(|d| !d.satisfied) {
            let ctrs = containers_again(world, &d.ids);
            let mut emit = |p: &mut Option<&mut Progress>, st: St, text: &str| {
                if let Some(p) = p.as_deref_mut() {
                    for c in &ctrs {
                        p.ev(out, now, &c.event_id(), st, text);
                    }
                }
            };
            match d.cond {
                Cond::RunningOrHealthy | Cond::Healthy => match service_healthy(world, &ctrs, d.cond == Cond::RunningOrHealthy) {
                    Ok(true) => {
                        emit(&mut p, St::Done, "Healthy");
                        d.satisfied = true;
                    }
                    Ok(false) => {}
                    Err(e) => {
                        if !d.required {
                            let why = if d.cond == Cond::Healthy { format!("optional dependency {:?} failed to start", d.service) } else { format!("optional dependency {:?} is not running or is unhealthy", d.service) };
                            emit(&mut p, St::Warning, &format!("Skipped: {why}"));
                            d.satisfied = true;
                            continue;
                        }
                        if d.cond == Cond::Healthy {
                            emit(&mut p, St::Error, "Error");
                            return Err(format!("dependency failed to start: {e}"));
                        }
                        return Err(e);
                    }
                },
                Cond::Completed => {
                    let (exited, code) = service_completed(world, &ctrs);
                    if exited {
                        if code == 0 {
                            emit(&mut p, St::Done, "Exited");
                            d.satisfied = true;
                        } else {
                            let suffix = format!("{:?} didn't complete successfully: exit {}", d.service, code);
                            if !d.required {
                                emit(&mut p, St::Warning, &format!("Skipped: optional dependency {suffix}"));
                                d.satisfied = true;
                                continue;
                            }
                            let msg = format!("service {suffix}");
                            emit(&mut p, St::Error, &msg);
                            return Err(msg);
                        }
                    }
                }
            }
        }
        Ok(self.deps.iter().all(|d| d.satisfied))
    }
}

/// Starts the selected services in dependency order on the simulated
/// clock (compose's `start` / `InDependencyOrder` / `startService`).
///
/// Services are kept by their position in the selection: a step runs once
/// per poll of the clock, so it must not clone or look up names.
#[derive(Clone, Debug)]
pub struct Starter {
    project: String,
    order: Vec<String>,
    /// Per service of `order`: its dependencies within the selection (all
    /// conditions, as positions in `order`) and its waits (None when the
    /// service is not in the project: it never starts).
    graph: Vec<Vec<usize>>,
    waiters: Vec<Option<Waiter>>,
    done: Vec<bool>,
    done_count: usize,
    /// Containers already running when the start began (left alone).
    skip: BTreeSet<String>,
}

fn service_deps(lp: &Loaded, name: &str) -> Vec<Dep> {
    let project = &lp.project;
    let mut deps = Vec::new();
    let Some(s) = project.services.get(name) else { return deps };
    for (d, cfg) in &s.depends_on {
        let cond = match cfg.condition {
            DependencyCondition::ServiceStarted => continue,
            DependencyCondition::ServiceHealthy => Cond::Healthy,
            DependencyCondition::ServiceCompletedSuccessfully => Cond::Completed,
        };
        // Not selected (--no-deps) or scaled to zero: no wait.
        if !lp.selected.contains(d) || project.services.get(d).is_none_or(|x| x.get_scale() == 0) {
            continue;
        }
        deps.push(Dep { service: d.clone(), cond, required: cfg.required, satisfied: false, ids: Vec::new() });
    }
    deps
}

impl Starter {
    pub fn new(world: &World, lp: &Loaded) -> Starter {
        let project = &lp.project;
        let position: IndexMap<&str, usize> = lp.selected.iter().enumerate().map(|(i, name)| (name.as_str(), i)).collect();
        let mut graph = Vec::with_capacity(lp.selected.len());
        let mut waiters = Vec::with_capacity(lp.selected.len());
        for name in &lp.selected {
            let s = project.services.get(name);
            graph.push(s.map(|s| s.depends_on.keys().filter_map(|d| position.get(d.as_str()).copied()).collect()).unwrap_or_default());
            waiters.push(s.map(|_| Waiter::new(&project.name, name, service_deps(lp, name))));
        }
        let skip = containers(world, &project.name, false, &[]).into_iter().filter(|c| c.status == Status::Running || c.status == Status::Paused).map(|c| c.id).collect();
        let done = vec![false; lp.selected.len()];
        Starter { project: project.name.clone(), order: lp.selected.clone(), graph, waiters, done, done_count: 0, skip }
    }

    /// The `depends_on` waits of one service (`run`).
    pub fn waiter_for(lp: &Loaded, name: &str) -> Waiter {
        Waiter::new(&lp.project.name, name, service_deps(lp, name))
    }

    /// A `--wait` of every selected service.
    pub fn wait_all(lp: &Loaded) -> Waiter {
        let project = &lp.project;
        let mut deps = Vec::new();
        for name in &lp.selected {
            let completed = project.services.values().any(|s| s.depends_on.get(name).is_some_and(|d| d.condition == DependencyCondition::ServiceCompletedSuccessfully));
            deps.push(Dep { service: name.clone(), cond: if completed { Cond::Completed } else { Cond::RunningOrHealthy }, required: true, satisfied: false, ids: Vec::new() });
        }
        Waiter::new(&project.name, &project.name, deps)
    }

    pub fn finished(&self) -> bool {
        self.done_count >= self.order.len()
    }

    /// Does what can be done now.
    pub fn step(&mut self, world: &mut World, out: &mut Output, mut p: Option<&mut Progress>) -> Outcome {
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > 1000 {
                return Outcome::Blocked;
            }
            let mut progressed = false;
            for i in 0..self.order.len() {
                if self.done[i] || !self.graph[i].iter().all(|&d| self.done[d]) {
                    continue;
                }
                let Some(w) = self.waiters[i].as_mut() else { continue };
                if !w.started {
                    if let Err(e) = w.begin(world, out, p.as_deref_mut()) {
                        return Outcome::Failed(e);
                    }
                    progressed = true;
                }
                match w.poll(world, out, p.as_deref_mut()) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(e) => return Outcome::Failed(e),
                }
                // Start the service's containers.
                let ctrs = containers(world, &self.project, false, std::slice::from_ref(&self.order[i]));
                for c in ctrs {
                    if self.skip.contains(&c.id) || world.containers.get(&c.id).is_some_and(|x| x.is_running()) {
                        continue;
                    }
                    let eid = c.event_id();
                    if let Some(p) = p.as_deref_mut() {
                        p.ev(out, world.now_ms, &eid, St::Working, "Starting");
                    }
                    if let Err(e) = world.start_container(&c.id) {
                        return Outcome::Failed(daemon(&e));
                    }
                    if p.is_some() {
                        world.advance(CONTAINER_START_MS);
                    }
                    if let Some(p) = p.as_deref_mut() {
                        p.ev(out, world.now_ms, &eid, St::Done, "Started");
                    }
                }
                self.done[i] = true;
                self.done_count += 1;
                progressed = true;
            }
            if self.finished() {
                return Outcome::Done;
            }
            if !progressed {
                return Outcome::Blocked;
            }
        }
    }
}

/// Drives a start to its end on the simulated clock (`up -d`, `start`).
pub fn run_starter(world: &mut World, out: &mut Output, p: &mut Progress, st: &mut Starter, limit_ms: u64) -> Result<(), String> {
    let deadline = world.now_ms.saturating_add(limit_ms);
    loop {
        match st.step(world, out, Some(&mut *p)) {
            Outcome::Done => return Ok(()),
            Outcome::Failed(e) => return Err(e),
            Outcome::Blocked => {
                if world.now_ms >= deadline {
                    return Err(format!("baleine: gave up waiting for dependencies after {} of simulated time", baleine_engine::util::go_duration(limit_ms)));
                }
                world.advance(POLL_MS);
            }
        }
    }
}

/// Drives a `--wait` (or `run`'s dependency waits) to its end.
pub fn run_waiter(world: &mut World, out: &mut Output, mut p: Option<&mut Progress>, w: &mut Waiter, timeout_s: Option<u64>) -> Result<(), String> {
    let limit = timeout_s.map(|t| t * 1000).unwrap_or(600_000);
    let deadline = world.now_ms.saturating_add(limit);
    w.begin(world, out, p.as_deref_mut())?;
    loop {
        match w.poll(world, out, p.as_deref_mut()) {
            Ok(true) => return Ok(()),
            Ok(false) => {}
            Err(e) => return Err(e),
        }
        if world.now_ms >= deadline {
            if let Some(t) = timeout_s {
                return Err(format!("application not healthy after {}", baleine_engine::util::go_duration(t * 1000)));
            }
            return Err("baleine: gave up waiting after 10m0s of simulated time".into());
        }
        world.advance(POLL_MS);
    }
}
