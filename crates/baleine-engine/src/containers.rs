//! Container lifecycle: create, start, stop, kill, restart, pause, remove,
//! and what happens when the main process exits (restart policies).

use baleine_vfs::{Fs, FsView, Mount};
use indexmap::IndexMap;

use crate::error::{EngineError, EngineResult, ErrorKind};
use crate::model::*;
use crate::sys::{ExecCtx, RunMode};
use crate::world::{Scheduled, World, MAX_CONTAINERS};

/// What starting a container produced right away.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartReport {
    /// The main process already exited (short commands).
    pub exited: Option<i32>,
}

fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphanumeric() => {}
        _ => return false,
    }
    name.len() >= 2 && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

/// The init layer's files (moby daemon/initlayer and the network files the
/// daemon writes): in every container, never in its diff or a commit.
pub const INIT_LAYER_FILES: [&str; 4] = ["/etc/hosts", "/etc/hostname", "/etc/resolv.conf", DOCKERENV];
const DOCKERENV: &str = "/.dockerenv";

/// Config.Env of a new container (moby v27.5.1 daemon/commit.go merge):
/// the variables given, as given (a bare `KEY` too), then those of the
/// image whose name none of them has.
pub fn config_env(given: &[String], image: &[String]) -> Vec<String> {
    let key = |e: &str| e.split_once('=').map_or(e, |(k, _)| k).to_string();
    let mut env = given.to_vec();
    for e in image {
        if !given.iter().any(|g| key(g) == key(e)) {
            env.push(e.clone());
        }
    }
    env
}

/// The main process's environment (moby v27.5.1 container/container.go
/// CreateDaemonEnvironment): the default PATH, then Config.Env through
/// ReplaceOrAppendEnvValues (a variable already there is replaced in
/// place, a bare `KEY` unsets one, the rest is appended). HOSTNAME, TERM
/// and HOME are added when a process starts.
pub fn process_env(config_env: &[String], default_path: bool) -> Vec<String> {
    let mut env: Vec<String> = Vec::new();
    if default_path {
        env.push("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into());
    }
    let mut removed: Vec<usize> = Vec::new();
    for e in config_env {
        match e.split_once('=') {
            Some((k, _)) => match env.iter().position(|x| x.split_once('=').is_some_and(|(xk, _)| xk == k)) {
                Some(i) => {
                    env[i] = e.clone();
                    removed.retain(|&r| r != i);
                }
                None => env.push(e.clone()),
            },
            None => {
                if let Some(i) = env.iter().position(|x| x.split_once('=').is_some_and(|(xk, _)| xk == e)) {
                    removed.push(i);
                }
            }
        }
    }
    env.into_iter().enumerate().filter(|(i, _)| !removed.contains(i)).map(|(_, e)| e).collect()
}

/// The changes of a container's layer as the daemon lists them (docker
/// diff, and whether a commit adds a layer): the init layer's files left
/// out, and /etc with them when nothing else in it changed; in the order of
/// the daemon's lexical walk of the layer (pkg/archive changes.go:
/// filepath.Walk, a deletion's whiteout in its place among its folder's
/// names).
pub fn layer_changes(tree: &baleine_vfs::Tree, base: &baleine_vfs::Tree) -> Vec<(char, String)> {
    let mut lines: Vec<(char, String)> = tree.diff(base).into_iter().filter(|(_, p)| !INIT_LAYER_FILES.contains(&p.as_str())).collect();
    if !lines.iter().any(|(_, p)| p.starts_with("/etc/")) {
        lines.retain(|(k, p)| !(p == "/etc" && *k == 'C'));
    }
    baleine_util::sort_by(&mut lines, |a, b| a.1.split('/').cmp(b.1.split('/')));
    lines
}

/// moby v27.5.1 daemon/logs.go mergeAndVerifyLogConfig ->
/// daemon/logger/factory.go ValidateLogOpts, at create once the image is
/// found: the logging mode, a registered driver (else the plugin lookup
/// fails), then the driver's own option keys (json-file, local, journald,
/// syslog; the others' options are not modelled).
pub fn validate_log_config(driver: &str, opts: &IndexMap<String, String>) -> Result<(), String> {
    let driver = if driver.is_empty() { "json-file" } else { driver };
    if driver == "none" {
        return Ok(());
    }
    let mode = opts.get("mode").map_or("", String::as_str);
    if !matches!(mode, "" | "blocking" | "non-blocking") {
        return Err(format!("logger: logging mode not supported: {mode}"));
    }
    if let Some(size) = opts.get("max-buffer-size") {
        if mode != "non-blocking" {
            return Err("logger: max-buffer-size option is only supported with 'mode=non-blocking'".into());
        }
        crate::volumes::ram_in_bytes(size).map_err(|e| format!("error parsing option max-buffer-size: {e}"))?;
    }
    const DRIVERS: [&str; 9] = ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"];
    if !DRIVERS.contains(&driver) {
        return Err(format!("error looking up logging plugin {driver}: plugin \"{driver}\" not found"));
    }
    // Options every driver takes: the logging mode and the dual-logging
    // cache's (daemon/logger/loggerutils/cache).
    const BUILTIN: [&str; 6] = ["mode", "max-buffer-size", "cache-disabled", "cache-max-size", "cache-max-file", "cache-compress"];
    const ATTRS: [&str; 5] = ["labels", "labels-regex", "env", "env-regex", "tag"];
    for key in opts.keys().map(String::as_str).filter(|k| !BUILTIN.contains(k)) {
        let known = match driver {
            "json-file" => ["max-file", "max-size", "compress"].contains(&key) || ATTRS.contains(&key),
            "local" => ["max-file", "max-size", "compress"].contains(&key),
            "journald" => ATTRS.contains(&key),
            "syslog" => ATTRS.contains(&key) || key.starts_with("syslog-") && ["address", "facility", "tls-ca-cert", "tls-cert", "tls-key", "tls-skip-verify", "format"].contains(&&key[7..]),
            _ => true,
        };
        if !known {
            return Err(match driver {
                "local" => format!("unknown log opt '{key}' for log driver local"),
                _ => format!("unknown log opt '{key}' for {driver} log driver"),
            });
        }
    }
    Ok(())
}

/// The options of a `--mount` as the daemon's checks and volume creation
/// take them.
pub fn mount_extras(o: &MountOptions) -> crate::volumes::MountExtras {
    let mut x = crate::volumes::MountExtras::default();
    if let Some(b) = &o.bind {
        x.bind_options = true;
        x.propagation = b.propagation.clone();
    }
    if let Some(v) = &o.volume {
        x.volume_options = true;
        x.volume_labels = v.labels.clone();
        x.volume_subpath = v.subpath.clone();
        if let Some(d) = &v.driver {
            x.volume_driver = d.name.clone();
            x.volume_opts = d.options.clone().unwrap_or_default();
        }
    }
    x
}

impl World {
    /// `docker create`: the image must be local already.
    pub fn create_container(&mut self, spec: ContainerSpec) -> EngineResult<String> {
        if self.containers.len() >= MAX_CONTAINERS {
            return Err(EngineError::new(ErrorKind::Unavailable, format!("baleine: too many containers (the simulator keeps at most {MAX_CONTAINERS}); remove some with docker rm or docker container prune")));
        }
        let image_id = self.image_id(&spec.image).ok_or_else(|| EngineError::no_such_image(&crate::images::display_ref(&spec.image)))?;
        let image = self.images[&image_id].clone();
        validate_log_config(spec.log_driver.as_deref().unwrap_or(""), &spec.log_opts).map_err(EngineError::invalid)?;
        let name = match &spec.name {
            Some(n) => {
                let n = n.strip_prefix('/').unwrap_or(n).to_string();
                if !valid_name(&n) {
                    return Err(EngineError::invalid(format!("Invalid container name ({n}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")));
                }
                if let Some(other) = self.containers.values().find(|c| c.name == n) {
                    return Err(EngineError::conflict(format!(
                        "Conflict. The container name \"/{n}\" is already in use by container \"{}\". You have to remove (or rename) that container to be able to reuse that name.",
                        other.id
                    )));
                }
                n
            }
            None => loop {
                let n = crate::util::random_name(&mut self.rng);
                if !self.containers.values().any(|c| c.name == n) {
                    break n;
                }
            },
        };
        // Network mode.
        let mut network_mode = spec.network.clone().unwrap_or_else(|| "bridge".into());
        let mut endpoint = None;
        match network_mode.as_str() {
            m if m.starts_with("container:") => {
                // daemon_unix.go adaptSharedNamespaceContainer: a container
                // that exists is stored by its full ID; one that does not is
                // left as it is and fails the start (getNetworkedContainer).
                let other = &m["container:".len()..];
                if let Ok(full) = self.container_id(other) {
                    network_mode = format!("container:{full}");
                }
            }
            m => {
                let nid = self.network_id(m).map_err(|_| EngineError::not_found(format!("network {m} not found")))?;
                let net = &self.networks[&nid];
                // daemon validateNetworkingConfig.
                let static_ip = crate::network::validate_endpoint_settings(net, !spec.network_aliases.is_empty(), spec.ip.as_deref())
                    .map_err(|e| EngineError::invalid(format!("invalid config for network {m}: {e}")))?;
                if !net.builtin {
                    endpoint = Some(Endpoint::new(nid, spec.network_aliases.clone(), static_ip));
                }
            }
        }
        // daemon_unix.go registerLinks (setHostConfig, at create): on a
        // network mode that is not user-defined each link must name a
        // container (followed through container:X modes) that does not use
        // the host's network.
        if matches!(network_mode.as_str(), "bridge" | "default" | "none") {
            for link in &spec.links {
                let target = match link.split_once(':') {
                    Some((t, _)) => t.strip_prefix('/').unwrap_or(t),
                    None => link.as_str(),
                };
                let mut child = self.container(target).map_err(|_| EngineError::invalid(format!("could not get container for {target}: No such container: {target}")))?;
                for _ in 0..8 {
                    let Some(cid) = child.network_mode.strip_prefix("container:") else { break };
                    child = self.container(cid).map_err(|_| EngineError::invalid(format!("could not get container for {cid}: No such container: {cid}")))?;
                }
                if child.network_mode == "host" {
                    return Err(EngineError::invalid("conflicting options: host type networking can't be used with links. This would result in undefined behavior"));
                }
            }
        }
        // registerMountPoints creates the volumes of `--mount` (checked
        // here, before anything is made, so that a failure leaves nothing);
        // which of them exist already decides whether their volume-label
        // and volume-opt values apply.
        let mut existed = Vec::new();
        for (i, m) in spec.mounts.iter().enumerate() {
            self.check_mount_volume(m, &mount_extras(&spec.mount_options_of(i)))?;
            existed.push(!m.source.is_empty() && self.volumes.contains_key(&m.source));
        }
        let id = self.rng.hex64();
        let cmd_given = spec.cmd.clone();
        let entrypoint = spec.entrypoint.clone().or_else(|| image.config.entrypoint.clone()).unwrap_or_default();
        let entrypoint = if entrypoint.len() == 1 && entrypoint[0].is_empty() { Vec::new() } else { entrypoint };
        let cmd = match cmd_given {
            Some(c) => c,
            None if spec.entrypoint.is_some() => Vec::new(),
            None => image.config.cmd.clone().unwrap_or_default(),
        };
        // moby daemon/container_operations.go: in host network mode the
        // container takes the host's name (unless --hostname is given).
        let hostname = spec.hostname.clone().unwrap_or_else(|| if spec.network.as_deref() == Some("host") { crate::HOST_NAME.to_string() } else { id[..12].to_string() });
        let config_env = config_env(&spec.env, &image.config.env);
        let env = process_env(&config_env, !matches!(image.os_family, OsFamily::Scratch));
        let mut labels = image.config.labels.clone();
        for (k, v) in &spec.labels {
            labels.insert(k.clone(), v.clone());
        }
        let healthcheck = if spec.no_healthcheck {
            Some(Healthcheck { test: vec!["NONE".into()], ..Default::default() })
        } else {
            match (&spec.healthcheck, &image.config.healthcheck) {
                (Some(h), img) => {
                    let mut h = h.clone();
                    if h.test.is_empty() {
                        if let Some(i) = img {
                            h.test = i.test.clone();
                        }
                    }
                    Some(h)
                }
                (None, Some(i)) => Some(i.clone()),
                (None, None) => None,
            }
        };
        let mut exposed = image.config.exposed.clone();
        let mut seen: std::collections::HashSet<String> = exposed.iter().cloned().collect();
        for e in spec.exposed.iter().chain(spec.ports.iter().map(|p| format!("{}/{}", p.container_port, p.proto)).collect::<Vec<_>>().iter()) {
            let e = if e.contains('/') { e.clone() } else { format!("{e}/tcp") };
            if seen.insert(e.clone()) {
                exposed.push(e);
            }
        }
        let workdir = spec.workdir.clone().filter(|w| !w.is_empty()).unwrap_or_else(|| image.config.workdir.clone());
        // moby daemon/initlayer: every container's root holds an empty
        // /.dockerenv (below its own layer: not in `docker diff` or commit).
        let mut root_tree = image.rootfs.clone();
        let _ = root_tree.write(DOCKERENV, baleine_vfs::Content::Bytes(std::sync::Arc::new(Vec::new())), baleine_vfs::Meta { mtime: self.now_secs(), ..baleine_vfs::Meta::exec() }, false);
        let rootfs = self.forest.add(root_tree);
        let mut spec = spec;
        if spec.memory > 0 && spec.memory_swap == 0 {
            // adaptContainerSettings: MemorySwap defaults to twice Memory.
            spec.memory_swap = spec.memory.saturating_mul(2).min(i64::MAX as u64) as i64;
        }
        let mut container = Container {
            id: id.clone(),
            name: name.clone(),
            image_id: image_id.clone(),
            spec: spec.clone(),
            env,
            config_env,
            cmd,
            entrypoint,
            workdir: if workdir.is_empty() { "/".into() } else { workdir },
            user: spec.user.clone().unwrap_or_else(|| image.config.user.clone()),
            hostname,
            labels,
            healthcheck,
            exposed,
            volumes: image.config.volumes.clone(),
            stop_signal: spec.stop_signal.clone().or_else(|| image.config.stop_signal.clone()).unwrap_or_else(|| "SIGTERM".into()),
            created_ms: self.now_ms,
            state: State { status: Status::Created, pid: 0, exit_code: 0, error: String::new(), oom_killed: false, started_ms: None, finished_ms: None, health: None },
            rootfs,
            mounts: Vec::new(),
            tmpfs: Vec::new(),
            endpoints: IndexMap::new(),
            network_mode: network_mode.clone(),
            ports: spec.ports.clone(),
            logs: Vec::new(),
            process: None,
            restart_count: 0,
            restart_delay_ms: 0,
            generation: 0,
            manually_stopped: false,
            has_been_started: false,
            os_family: image.os_family,
            log_bytes: 0,
        };
        if spec.publish_all {
            for e in &container.exposed {
                let (port, proto) = e.split_once('/').unwrap_or((e, "tcp"));
                if let Ok(p) = port.parse::<u16>() {
                    if !container.ports.iter().any(|b| b.container_port == p && b.proto == proto) {
                        container.ports.push(PortBinding { container_port: p, proto: proto.into(), host_ip: String::new(), host_port: 0 });
                    }
                }
            }
        }
        // Mounts (may fail: nothing is kept then).
        let mounts = match self.prepare_mounts(&container, &image) {
            Ok(m) => m,
            Err(e) => {
                self.forest.remove(rootfs);
                return Err(e);
            }
        };
        container.mounts = mounts;
        // Docker bind-mounts its init (tini) for --init.
        if spec.init {
            if let Some(t) = self.forest.get_mut(rootfs) {
                let _ = t.write("/sbin/docker-init", baleine_vfs::Content::Opaque { kind: std::sync::Arc::from("tini"), size: 0 }, baleine_vfs::Meta::exec(), true);
            }
        }
        // The working folder exists in the container.
        {
            let view = container_view(&container);
            let wd = container.workdir.clone();
            let mut fs = self.forest.mounted(&view);
            if !fs.exists(&wd) {
                let _ = fs.mkdir(&wd, true);
            }
        }
        if let Some(e) = endpoint {
            container.endpoints.insert(e.network_id.clone(), e);
        }
        self.containers.insert(id.clone(), container);
        for (i, (m, existed)) in spec.mounts.iter().zip(existed).enumerate() {
            self.apply_mount_volume_options(&id, m, &mount_extras(&spec.mount_options_of(i)), existed);
        }
        let image_name = spec.image.clone();
        self.event("container", "create", &id, &name, vec![("image".into(), image_name)]);
        Ok(id)
    }

    /// `docker start`.
    pub fn start_container(&mut self, name_or_id: &str) -> EngineResult<StartReport> {
        let id = self.container_id(name_or_id)?;
        let c = &self.containers[&id];
        match c.state.status {
            Status::Running | Status::Restarting => return Ok(StartReport::default()),
            Status::Paused => return Err(EngineError::conflict("cannot start a paused container, try unpause instead")),
            Status::Dead | Status::Removing => return Err(EngineError::conflict(format!("container {id} is marked for removal and cannot be started"))),
            _ => {}
        }
        // Networking first: addresses and published ports.
        self.connect_endpoints(&id)?;
        if let Err(e) = self.publish_ports(&id) {
            self.release_endpoints(&id);
            return Err(e);
        }
        self.write_network_files(&id);
        self.mount_tmpfs(&id);
        let c = self.containers.get_mut(&id).ok_or_else(|| EngineError::no_such_container(&id))?;
        c.generation += 1;
        c.manually_stopped = false;
        // moby daemon/start.go containerStart(resetRestartManager):
        // ResetRestartManager(true) zeroes RestartCount and the delay.
        c.restart_count = 0;
        c.restart_delay_ms = 0;
        let first_start = !c.has_been_started;
        let _ = first_start;
        self.launch_main(&id)
    }

    /// Runs the main process of a container whose networking is in place.
    fn launch_main(&mut self, id: &str) -> EngineResult<StartReport> {
        let c = &self.containers[id];
        let mut argv: Vec<String> = c.entrypoint.clone();
        argv.extend(c.cmd.iter().cloned());
        if c.spec.init {
            argv.insert(0, "/sbin/docker-init".into());
            argv.insert(1, "--".into());
        }
        if argv.is_empty() {
            return Err(EngineError::invalid("no command specified"));
        }
        let interactive = c.spec.open_stdin;
        let tty = c.spec.tty;
        let gen = c.generation;
        // The executable must exist (the OCI runtime's exec).
        let exe = if c.spec.init { argv[2].clone() } else { argv[0].clone() };
        let ctx = ExecCtx::for_container(self, id, RunMode::Account { start_ms: self.now_ms });
        // A user given by name must exist in the image's /etc/passwd.
        if let Err(m) = crate::sys::check_user(self, &ctx.view, &c.user.clone()) {
            self.release_ports(id);
            self.release_endpoints(id);
            return Err(EngineError::invalid(m));
        }
        let found = crate::sys::resolve_executable(self, &ctx, &exe);
        let now = self.now_ms;
        match found {
            Err(kind) => {
                let (msg, code) = match kind {
                    crate::sys::ExecError::NotFound => (format!("exec: \"{exe}\": executable file not found in $PATH"), 127),
                    crate::sys::ExecError::NoSuchFile => (format!("exec: \"{exe}\": stat {exe}: no such file or directory"), 127),
                    crate::sys::ExecError::Permission => (format!("exec: \"{exe}\": permission denied"), 126),
                };
                let full = format!("failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: {msg}: unknown");
                self.release_ports(id);
                self.release_endpoints(id);
                if let Some(c) = self.containers.get_mut(id) {
                    c.state.exit_code = code;
                    c.state.error = full.clone();
                    if c.has_been_started {
                        c.state.status = Status::Exited;
                        c.state.finished_ms = Some(now);
                    }
                }
                let kind = if code == 126 { ErrorKind::CommandNotInvokable } else { ErrorKind::CommandNotFound };
                return Err(EngineError::new(kind, full));
            }
            Ok(_) => {}
        }
        let pid = self.next_pid();
        if let Some(c) = self.containers.get_mut(id) {
            c.state.status = Status::Running;
            c.state.pid = pid;
            c.state.started_ms = Some(now);
            c.state.error.clear();
            c.state.exit_code = 0;
            c.has_been_started = true;
            c.state.health = c.healthcheck.as_ref().filter(|h| !h.disabled() && !h.test.is_empty()).map(|_| Health { status: "starting".into(), failing_streak: 0, log: Vec::new() });
        }
        let name = self.containers[id].name.clone();
        let image = self.containers[id].spec.image.clone();
        self.volume_events(id, "mount");
        self.event("container", "start", id, &name, vec![("image".into(), image)]);
        // Run the program.
        let stdin = self.containers.get_mut(id).and_then(|c| c.spec.stdin_data.take());
        let result = crate::sys::run_main_process(self, id, argv, interactive, tty, stdin.as_deref());
        if let Some(c) = self.containers.get_mut(id) {
            for e in result.logs {
                c.log_bytes += e.line.len() as u64;
                c.logs.push(e);
            }
            if c.logs.len() > crate::world::MAX_LOG_LINES {
                // An endless loop (`while true; do echo; sleep 1; done`) has
                // logged far ahead of the clock: its lines still to come are
                // dropped first, so that what it printed so far stays.
                let mut extra = c.logs.len() - crate::world::MAX_LOG_LINES;
                let future = c.logs.iter().rev().take_while(|l| l.ms > now).count().min(extra);
                c.logs.truncate(c.logs.len() - future);
                extra -= future;
                c.logs.drain(..extra);
            }
            c.process = Some(result.process.clone());
        }
        // Healthcheck schedule.
        if let Some(h) = self.containers[id].healthcheck.clone() {
            if !h.disabled() && !h.test.is_empty() {
                let first = if h.start_period_ms > 0 && h.start_interval_ms > 0 { h.start_interval_ms } else { h.interval() };
                self.schedule_at(now + first, Scheduled::Health { cid: id.to_string(), gen, lookup: None });
            }
        }
        match result.process.exit {
            Some((at, code)) if at <= now => {
                // The caller (docker run/start) shows the output first and
                // removes --rm containers itself.
                self.finish_process_keep(id, code);
                Ok(StartReport { exited: Some(code) })
            }
            Some((at, _)) => {
                self.schedule_at(at, Scheduled::Exit { cid: id.to_string(), gen });
                Ok(StartReport::default())
            }
            None => Ok(StartReport::default()),
        }
    }

    pub(crate) fn on_process_exit(&mut self, id: &str, gen: u64) {
        let Some(c) = self.containers.get(id) else { return };
        if c.generation != gen || c.state.status != Status::Running && c.state.status != Status::Paused {
            return;
        }
        let code = c.process.as_ref().and_then(|p| p.exit).map(|e| e.1).unwrap_or(0);
        self.finish_process(id, code, false);
    }

    /// The main process ended with `code`: the container exits, and the
    /// restart policy decides what comes next.
    pub(crate) fn finish_process(&mut self, id: &str, code: i32, by_user: bool) {
        self.finish_process_opts(id, code, by_user, true);
    }

    fn finish_process_keep(&mut self, id: &str, code: i32) {
        self.finish_process_opts(id, code, false, false);
    }

    fn finish_process_opts(&mut self, id: &str, code: i32, by_user: bool, allow_remove: bool) {
        let now = self.now_ms;
        let Some(c) = self.containers.get_mut(id) else { return };
        c.state.status = Status::Exited;
        c.state.exit_code = code;
        c.state.pid = 0;
        c.state.finished_ms = Some(now);
        c.process = None;
        // What the process would have written later never happens.
        c.logs.retain(|l| l.ms <= now);
        c.generation += 1;
        if let Some(h) = c.state.health.as_mut() {
            h.status = "unhealthy".into();
            let _ = h;
        }
        c.state.health = None;
        let gen = c.generation;
        let name = c.name.clone();
        let image = c.spec.image.clone();
        let policy = c.spec.restart.clone();
        let restart_count = c.restart_count;
        let manually = c.manually_stopped || by_user;
        let auto_remove = c.spec.auto_remove;
        self.release_ports(id);
        self.drop_tmpfs(id);
        // moby daemon/monitor.go handleContainerExit: exitCode and execDuration (whole seconds).
        let exec_secs = self.containers.get(id).and_then(|c| c.state.started_ms).map_or(0, |s| self.now_ms.saturating_sub(s) / 1000);
        let restart = !manually
            && match policy.name.as_str() {
                "always" | "unless-stopped" => true,
                "on-failure" => code != 0 && (policy.max_retries == 0 || restart_count < policy.max_retries),
                _ => false,
            };
        // moby daemon/monitor.go handleContainerExit: Cleanup (the network
        // released, then the volumes unmounted) comes before the die event.
        // A container about to restart loses its network too.
        self.release_endpoints(id);
        self.volume_events(id, "unmount");
        self.event("container", "die", id, &name, vec![("exitCode".into(), code.to_string()), ("execDuration".into(), exec_secs.to_string()), ("image".into(), image)]);
        // moby restartmanager.go ShouldRestart (when not cancelled): the
        // delay starts at 100 ms and doubles, capped at 1 minute; a run of
        // 10 s or more starts it over.
        let mut delay = 0;
        if !manually {
            if let Some(c) = self.containers.get_mut(id) {
                if exec_secs >= 10 {
                    c.restart_delay_ms = 0;
                }
                c.restart_delay_ms = match c.restart_delay_ms {
                    0 => 100,
                    d if d < 60_000 => d * 2,
                    d => d,
                }
                .min(60_000);
                delay = c.restart_delay_ms;
            }
        }
        if restart {
            if let Some(c) = self.containers.get_mut(id) {
                // RestartCount counts the restart as soon as it is decided.
                c.restart_count += 1;
                c.state.status = Status::Restarting;
            }
            self.schedule_at(now + delay, Scheduled::Restart { cid: id.to_string(), gen });
            return;
        }
        if auto_remove && allow_remove {
            self.exit_codes.insert(id.to_string(), code);

            if let Some(c) = self.containers.get(id) {
                self.removed_logs.insert(id.to_string(), c.logs.clone());
                while self.removed_logs.len() > 8 {
                    self.removed_logs.shift_remove_index(0);
                }
            }
            let _ = self.remove_container(id, true, true);
        }
    }

    /// `volume mount` / `volume unmount` for each volume of a starting or
    /// stopping container (moby daemon/volumes_unix.go setupMounts,
    /// container/container.go UnmountVolumes).
    fn volume_events(&mut self, id: &str, action: &str) {
        let Some(c) = self.containers.get(id) else { return };
        let vols: Vec<(String, Vec<(String, String)>)> = c
            .mounts
            .iter()
            .filter(|m| m.kind == "volume")
            .map(|m| {
                let mut attrs = vec![("container".to_string(), id.to_string()), ("driver".to_string(), "local".to_string())];
                if action == "mount" {
                    attrs.push(("destination".into(), m.destination.clone()));
                    attrs.push(("propagation".into(), String::new()));
                    attrs.push(("read/write".into(), m.rw.to_string()));
                }
                (m.name.clone(), attrs)
            })
            .collect();
        for (name, attrs) in vols {
            self.event("volume", action, &name, &name, attrs);
        }
    }

    /// The main process of a container ended with `code` (an interactive
    /// shell's `exit`, a signal delivered from inside).
    pub fn end_main_process(&mut self, id: &str, code: i32) {
        if self.containers.get(id).is_some_and(|c| c.is_running()) {
            self.finish_process(id, code, false);
        }
    }

    pub(crate) fn on_restart(&mut self, id: &str, gen: u64) {
        let Some(c) = self.containers.get_mut(id) else { return };
        if c.generation != gen || c.state.status != Status::Restarting {
            return;
        }
        c.generation += 1;
        // containerStart: the network is set up again (new endpoints).
        if self.connect_endpoints(id).is_err() {
            if let Some(c) = self.containers.get_mut(id) {
                c.state.status = Status::Exited;
            }
            return;
        }
        let _ = self.publish_ports(id);
        self.write_network_files(id);
        self.mount_tmpfs(id);
        // The restart manager starts the container again (daemon/monitor.go
        // handleContainerExit -> containerStart): a `start` event, no
        // `restart` (only docker restart logs one).
        if self.launch_main(id).is_err() {
            if let Some(c) = self.containers.get_mut(id) {
                c.state.status = Status::Exited;
            }
        }
    }

    /// `docker stop`: SIGTERM (or the image's stop signal), then SIGKILL
    /// after the timeout. Simulated time passes while Docker waits.
    pub fn stop_container(&mut self, name_or_id: &str, timeout_s: Option<u64>, signal: Option<&str>) -> EngineResult<()> {
        self.stop_container_timeout(name_or_id, timeout_s.map(|t| i64::try_from(t).unwrap_or(i64::MAX)), signal).map(|_| ())
    }

    /// `docker stop -t N`: a negative timeout waits for the process
    /// without ever killing it (moby daemon/stop.go containerStop). The
    /// simulated wait then lasts as long as a following command may hold
    /// the terminal (2 minutes); Ok(false) when the container still runs
    /// after it, where the real command would still be waiting.
    pub fn stop_container_timeout(&mut self, name_or_id: &str, timeout_s: Option<i64>, signal: Option<&str>) -> EngineResult<bool> {
        let id = self.container_id(name_or_id)?;
        let c = &self.containers[&id];
        // daemon/stop.go containerStop parses the signal once the container
        // is known to run; its error is wrapped by ContainerStop.
        if let Some(e) = signal.filter(|s| !s.is_empty() && c.is_running()).and_then(|s| parse_signal(s).err()) {
            return Err(EngineError::new(crate::ErrorKind::System, format!("cannot stop container: {name_or_id}: {e}")));
        }
        if c.state.status == Status::Restarting {
            // killWithSignal only cancels the restart manager (no signal,
            // no kill event); the pending restart then ends as a stop.
            self.cancel_restart(&id);
            let name = self.containers[&id].name.clone();
            self.event("container", "stop", &id, &name, vec![]);
            return Ok(true);
        }
        if !c.is_running() {
            return Ok(true);
        }
        if c.state.status == Status::Paused {
            if let Some(c) = self.containers.get_mut(&id) {
                c.state.status = Status::Running;
            }
        }
        let timeout = timeout_s.or(self.containers[&id].spec.stop_timeout.map(|t| i64::try_from(t).unwrap_or(i64::MAX))).unwrap_or(10);
        let sig = signal.map(str::to_string).unwrap_or_else(|| self.containers[&id].stop_signal.clone());
        if let Some(c) = self.containers.get_mut(&id) {
            c.manually_stopped = true;
        }
        let name = self.containers[&id].name.clone();
        self.event("container", "kill", &id, &name, vec![("signal".into(), signal_number(&sig).to_string())]);
        // The daemon waits up to the timeout, and no longer than the
        // process takes to end by itself (moby daemon/stop.go).
        let wait_ms = if timeout < 0 { 120_000 } else { u64::try_from(timeout).unwrap_or(0).saturating_mul(1000) };
        let deadline = self.now_ms.saturating_add(wait_ms);
        let running = |w: &World| w.containers.get(&id).is_some_and(|c| c.is_running());
        match self.signal_outcome(&id, &sig) {
            Signalled::Dies(code) => {
                self.advance(100);
                if running(self) {
                    self.finish_process(&id, code, true);
                }
            }
            outcome => {
                if let Signalled::Trapped = outcome {
                    // The shell runs its trap once its foreground command
                    // (a short `sleep` of its loop) is over.
                    self.advance(100);
                    if running(self) {
                        if let Some((code, ms)) = crate::sys::run_signal_trap(self, &id, signal_number(&sig)) {
                            if ms < wait_ms {
                                self.advance(ms);
                                if running(self) {
                                    self.finish_process(&id, code, true);
                                }
                            }
                        }
                    }
                }
                if running(self) {
                    self.advance_until(deadline, |w| !running(w));
                }
                if running(self) {
                    if timeout < 0 {
                        // Still waiting: no kill, no stop event.
                        return Ok(false);
                    }
                    self.event("container", "kill", &id, &name, vec![("signal".into(), "9".into())]);
                    self.finish_process(&id, 137, true);
                }
            }
        }
        self.event("container", "stop", &id, &name, vec![]);
        Ok(true)
    }

    /// What `sig` does to the main process: it dies (with this exit
    /// code), its shell runs a trap, or nothing happens (PID 1 ignores a
    /// signal it has no handler for).
    fn signal_outcome(&self, id: &str, sig: &str) -> Signalled {
        let c = &self.containers[id];
        let Some(p) = &c.process else { return Signalled::Dies(0) };
        let num = signal_number(sig);
        if num == 9 {
            return Signalled::Dies(137);
        }
        if let Some(shell) = &p.traps {
            // A shell's own traps, signal by signal (`trap '' SIG` ignores it).
            match u32::try_from(num).ok().and_then(|n| shell.0.signal_trap(n)) {
                Some("") => return Signalled::Ignored,
                Some(_) => return Signalled::Trapped,
                // tini forwards the signal; the shell dies of it.
                None if c.spec.init && !matches!(num, 17 | 18 | 23 | 28) => return Signalled::Dies(128 + num),
                None => return Signalled::Ignored,
            }
        }
        if c.spec.init {
            // tini forwards the signal; a process without a handler dies of it.
            return Signalled::Dies(if p.handles_sigterm { p.term_exit } else { 128 + num });
        }
        if p.handles_sigterm && matches!(num, 15 | 2 | 3 | 28) {
            return Signalled::Dies(p.term_exit);
        }
        // PID 1 ignores a signal it has no handler for (a shell too).
        Signalled::Ignored
    }

    /// `docker kill -s SIG`. Errors carry the API router's
    /// "cannot kill container: NAME: " prefix (moby container_routes.go).
    pub fn kill_container(&mut self, name_or_id: &str, signal: &str) -> EngineResult<()> {
        self.kill_container_inner(name_or_id, signal).map_err(|e| EngineError::new(e.kind, format!("cannot kill container: {name_or_id}: {}", e.message)))
    }

    fn kill_container_inner(&mut self, name_or_id: &str, signal: &str) -> EngineResult<()> {
        // moby daemon/kill.go ContainerKill: ParseSignal and
        // ValidSignalForPlatform, before the container is looked up.
        let num = parse_signal(signal).map_err(EngineError::invalid)?;
        if !valid_signal(num) {
            return Err(EngineError::invalid(format!("the linux daemon does not support signal {num}")));
        }
        let num = num as i32;
        let id = self.container_id(name_or_id)?;
        let c = &self.containers[&id];
        // SIGKILL, the container's stop signal, or any signal when none is
        // configured (Config.StopSignal empty) cancel the restart policy
        // (moby daemon/kill.go killWithSignal -> container.ExitOnNext); any
        // signal marks the container as manually stopped, which only
        // matters to unless-stopped.
        let configured = c.spec.stop_signal.is_some() || c.stop_signal != "SIGTERM";
        let cancels = num == 9 || !configured || signal_number(&c.stop_signal) == num;
        if c.state.status == Status::Restarting {
            // A restarting container gets no signal (and no kill event):
            // it is only told not to come back.
            if cancels {
                self.cancel_restart(&id);
            } else if let Some(c) = self.containers.get_mut(&id) {
                c.manually_stopped |= c.spec.restart.name == "unless-stopped";
            }
            return Ok(());
        }
        if !c.is_running() {
            return Err(EngineError::conflict(format!("container {id} is not running")));
        }
        let name = c.name.clone();
        let unless_stopped = c.spec.restart.name == "unless-stopped";
        if let Some(c) = self.containers.get_mut(&id) {
            if cancels || unless_stopped {
                c.manually_stopped = true;
            }
        }
        self.event("container", "kill", &id, &name, vec![("signal".into(), num.to_string())]);
        let outcome = if num == 9 { Signalled::Dies(137) } else { self.signal_outcome(&id, signal) };
        let dies = match outcome {
            Signalled::Dies(code) => Some(code),
            // The trap runs; `docker kill` does not wait for it.
            Signalled::Trapped => crate::sys::run_signal_trap(self, &id, num).map(|(code, _)| code),
            Signalled::Ignored => None,
        };
        if let Some(code) = dies {
            if let Some(c) = self.containers.get_mut(&id) {
                c.state.status = Status::Running;
            }
            self.finish_process(&id, code, false);
        }
        Ok(())
    }

    /// A restarting container whose restart manager is cancelled: the
    /// pending restart ends the container as it exited (moby
    /// daemon/monitor.go handleContainerExit: SetStopped with the exit's
    /// status and time, no die event); its network goes.
    fn cancel_restart(&mut self, id: &str) {
        if let Some(c) = self.containers.get_mut(id) {
            c.manually_stopped = true;
            c.generation += 1;
            c.state.status = Status::Exited;
        }
        self.release_endpoints(id);
    }

    /// `docker restart`.
    pub fn restart_container(&mut self, name_or_id: &str, timeout_s: Option<u64>) -> EngineResult<()> {
        self.restart_container_with_signal(name_or_id, timeout_s.map(|t| i64::try_from(t).unwrap_or(i64::MAX)), None).map(|_| ())
    }

    /// `docker restart --signal -t N`; Ok(false) while a negative timeout
    /// still waits for the container to stop (see stop_container_timeout).
    pub fn restart_container_with_signal(&mut self, name_or_id: &str, timeout_s: Option<i64>, signal: Option<&str>) -> EngineResult<bool> {
        let id = self.container_id(name_or_id)?;
        // daemon/restart.go ContainerRestart: what fails once the container
        // is found is "Cannot restart container NAME: ...".
        let wrap = |e: EngineError| EngineError::new(e.kind, format!("Cannot restart container {name_or_id}: {}", e.message));
        if let Some(e) = signal.filter(|s| !s.is_empty() && self.containers[&id].is_running()).and_then(|s| parse_signal(s).err()) {
            return Err(wrap(EngineError::invalid(e)));
        }
        if !self.stop_container_timeout(&id, timeout_s, signal).map_err(wrap)? {
            return Ok(false);
        }
        if let Some(c) = self.containers.get_mut(&id) {
            c.manually_stopped = false;
        }
        self.start_container(&id).map_err(wrap)?;
        let name = self.containers[&id].name.clone();
        self.event("container", "restart", &id, &name, vec![]);
        Ok(true)
    }

    pub fn pause_container(&mut self, name_or_id: &str) -> EngineResult<()> {
        let id = self.container_id(name_or_id)?;
        let c = &self.containers[&id];
        match c.state.status {
            Status::Running => {}
            Status::Paused => return Err(EngineError::conflict(format!("Container {id} is already paused"))),
            _ => return Err(EngineError::conflict(format!("container {id} is not running"))),
        }
        let name = c.name.clone();
        if let Some(c) = self.containers.get_mut(&id) {
            c.state.status = Status::Paused;
        }
        self.event("container", "pause", &id, &name, vec![]);
        Ok(())
    }

    pub fn unpause_container(&mut self, name_or_id: &str) -> EngineResult<()> {
        let id = self.container_id(name_or_id)?;
        let c = &self.containers[&id];
        if c.state.status != Status::Paused {
            return Err(EngineError::conflict(format!("Container {id} is not paused")));
        }
        let name = c.name.clone();
        if let Some(c) = self.containers.get_mut(&id) {
            c.state.status = Status::Running;
        }
        self.event("container", "unpause", &id, &name, vec![]);
        Ok(())
    }

    /// `docker rm [-f] [-v]`.
    pub fn remove_container(&mut self, name_or_id: &str, force: bool, volumes: bool) -> EngineResult<()> {
        let id = self.container_id(name_or_id)?;
        let c = &self.containers[&id];
        if c.is_running() && c.state.status != Status::Restarting || c.state.status == Status::Restarting && !force {
            if !force {
                let what = if c.state.status == Status::Paused { "container is paused and must be unpaused first" } else { "container is running: stop the container before removing or force remove" };
                if c.state.status == Status::Restarting {
                    return Err(EngineError::conflict(format!("cannot remove container \"/{}\": container is restarting: stop the container before removing or force remove", c.name)));
                }
                return Err(EngineError::conflict(format!("cannot remove container \"/{}\": {what}", c.name)));
            }
            let name = c.name.clone();
            self.event("container", "kill", &id, &name, vec![("signal".into(), "9".into())]);
            if let Some(c) = self.containers.get_mut(&id) {
                c.manually_stopped = true;
                c.state.status = Status::Running;
            }
            self.finish_process(&id, 137, true);
            if !self.containers.contains_key(&id) {
                return Ok(());
            }
        }
        self.release_ports(&id);
        self.release_endpoints(&id);
        let Some(c) = self.containers.shift_remove(&id) else { return Ok(()) };
        self.forest.remove(c.rootfs);
        for t in &c.tmpfs {
            self.forest.remove(*t);
        }
        // Anonymous volumes go with -v (and with --rm).
        if volumes || c.spec.auto_remove {
            for m in &c.mounts {
                if m.kind == "volume" {
                    if let Some(v) = self.volumes.get(&m.name) {
                        if v.anonymous && !self.volume_in_use(&m.name) {
                            let tree = v.tree;
                            self.volumes.shift_remove(&m.name);
                            self.forest.remove(tree);
                            self.event("volume", "destroy", &m.name, &m.name, vec![("driver".into(), "local".into())]);
                        }
                    }
                }
            }
        }
        // The removed container's labels and image, as moby logs them.
        let mut attrs: Vec<(String, String)> = c.labels.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        attrs.push(("image".into(), c.spec.image.clone()));
        self.event("container", "destroy", &id, &c.name, attrs);
        Ok(())
    }

    /// `docker rename`.
    pub fn rename_container(&mut self, name_or_id: &str, new_name: &str) -> EngineResult<()> {
        let id = self.container_id(name_or_id)?;
        // moby daemon/rename.go ContainerRename: the name made canonical
        // ("/name"), compared with the current one, then reserveName (its
        // errors wrapped by "Error when allocating new name").
        let new_name = new_name.strip_prefix('/').unwrap_or(new_name);
        if self.containers.get(&id).is_some_and(|c| c.name == new_name) {
            return Err(EngineError::invalid("Renaming a container with the same name as its current name"));
        }
        if !valid_name(new_name) {
            return Err(EngineError::invalid(format!("Error when allocating new name: Invalid container name (/{new_name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")));
        }
        let old_name = self.containers.get(&id).map(|c| format!("/{}", c.name)).unwrap_or_default();
        if let Some(other) = self.containers.values().find(|c| c.name == new_name) {
            // moby daemon/rename.go: errors.Wrap(err, "Error when allocating new name").
            return Err(EngineError::conflict(format!(
                "Error when allocating new name: Conflict. The container name \"/{new_name}\" is already in use by container \"{}\". You have to remove (or rename) that container to be able to reuse that name.",
                other.id
            )));
        }
        if let Some(c) = self.containers.get_mut(&id) {
            c.name = new_name.to_string();
        }
        self.event("container", "rename", &id, new_name, vec![("oldName".into(), old_name)]);
        Ok(())
    }

    /// `docker container prune`: removes stopped containers; returns their ids.
    pub fn prune_containers(&mut self) -> Vec<String> {
        self.prune_containers_where(&|_| true)
    }

    /// `docker container prune --filter ...`: the containers that are not
    /// running and that `keep` accepts.
    pub fn prune_containers_where(&mut self, keep: &dyn Fn(&Container) -> bool) -> Vec<String> {
        let ids: Vec<String> = self.containers.values().filter(|c| matches!(c.state.status, Status::Exited | Status::Created | Status::Dead) && keep(c)).map(|c| c.id.clone()).collect();
        for id in &ids {
            let _ = self.remove_container(id, false, false);
        }
        ids
    }

    /// `docker update`.
    /// `docker update` (moby v27.5.1 daemon/update.go ContainerUpdate):
    /// the resources are checked first (verifyPlatformContainerResources,
    /// whatever the container), then applied by the container's
    /// UpdateContainer, whose refusals are "Cannot update container ID: ...".
    pub fn update_container(&mut self, name_or_id: &str, restart: Option<RestartPolicy>, memory: Option<u64>, memory_swap: Option<i64>, nano_cpus: Option<u64>) -> EngineResult<()> {
        let mem = memory.unwrap_or(0) as i64;
        let swap = memory_swap.unwrap_or(0);
        if mem != 0 && mem < 6 * 1024 * 1024 {
            return Err(EngineError::invalid("Minimum memory limit allowed is 6MB"));
        }
        if mem > 0 && swap > 0 && swap < mem {
            return Err(EngineError::invalid("Minimum memoryswap limit should be larger than memory limit, see usage"));
        }
        if nano_cpus.is_some_and(|n| n > 2_000_000_000) {
            return Err(EngineError::invalid("range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available"));
        }
        let id = self.container_id(name_or_id)?;
        let c = self.containers.get_mut(&id).ok_or_else(|| EngineError::no_such_container(name_or_id))?;
        let cannot = |m: &str| EngineError::conflict(format!("Cannot update container {id}: {m}"));
        // A memory limit above the swap limit needs a new swap limit too
        // (one never set is 0; -1 is no exception).
        if mem != 0 && mem > c.spec.memory_swap && swap == 0 {
            return Err(cannot("Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time"));
        }
        if let Some(r) = &restart {
            if c.spec.auto_remove && r.name != "no" {
                return Err(cannot("Restart policy cannot be updated because AutoRemove is enabled for the container"));
            }
        }
        if mem != 0 {
            c.spec.memory = mem as u64;
        }
        if swap != 0 {
            c.spec.memory_swap = swap;
        }
        if let Some(n) = nano_cpus.filter(|&n| n != 0) {
            c.spec.nano_cpus = n;
        }
        if let Some(r) = restart.filter(|r| !r.name.is_empty()) {
            c.spec.restart = r;
        }
        Ok(())
    }

    /// The log lines of a container written up to now.
    pub fn logs_until_now(&self, id: &str) -> Vec<LogEntry> {
        let now = self.now_ms;
        match self.containers.get(id) {
            Some(c) => c.logs.iter().filter(|l| l.ms <= now).cloned().collect(),
            // Removed by --rm while a client was attached.
            None => self.removed_logs.get(id).map(|l| l.iter().filter(|l| l.ms <= now).cloned().collect()).unwrap_or_default(),
        }
    }

    /// The daemon restarts (`systemctl restart docker`): restart policies act.
    pub fn restart_daemon(&mut self) {
        let ids: Vec<String> = self.containers.keys().cloned().collect();
        for id in &ids {
            if self.containers[id].is_running() {
                if let Some(c) = self.containers.get_mut(id) {
                    c.state.status = Status::Running;
                }
                self.finish_process(id, 255, true);
                if let Some(c) = self.containers.get_mut(id) {
                    c.manually_stopped = false;
                }
            }
        }
        for id in &ids {
            let Some(c) = self.containers.get(id) else { continue };
            let policy = c.spec.restart.name.clone();
            let start = match policy.as_str() {
                "always" => true,
                "unless-stopped" => !c.manually_stopped,
                _ => false,
            };
            if start && !c.is_running() {
                let _ = self.start_container(id);
            }
        }
    }
}

/// The view of the file system a container's processes see.
pub fn container_view(c: &Container) -> FsView {
    let mut mounts: Vec<Mount> = c
        .mounts
        .iter()
        .map(|m| Mount { target: m.destination.clone(), tree: m.tree, source: m.subpath.clone(), readonly: !m.rw })
        .collect();
    baleine_util::sort_by_key(&mut mounts, |m| m.target.len());
    FsView { root: c.rootfs, root_readonly: c.spec.read_only, mounts }
}

/// moby/sys/signal ParseSignal: a Go integer (any but 0) or a name of
/// SignalMap (any case, with or without "SIG"); the error is the
/// daemon's `invalid signal: X`.
pub fn parse_signal(raw: &str) -> Result<i64, String> {
    let digits = raw.strip_prefix(['+', '-']).unwrap_or(raw);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = raw.parse::<i64>() {
            return if n == 0 { Err(format!("invalid signal: {raw}")) } else { Ok(n) };
        }
    }
    let up = raw.to_ascii_uppercase();
    let name = up.strip_prefix("SIG").unwrap_or(&up);
    match signal_number(name) {
        n if n > 0 && name.parse::<i32>().is_err() => Ok(i64::from(n)),
        _ => Err(format!("invalid signal: {raw}")),
    }
}

/// signal.ValidSignalForPlatform on Linux: a number of SignalMap.
pub fn valid_signal(n: i64) -> bool {
    (1..=31).contains(&n) || (34..=64).contains(&n)
}

/// Signal names and numbers (Linux x86_64).
pub fn signal_number(sig: &str) -> i32 {
    let s = sig.trim().to_ascii_uppercase();
    if let Ok(n) = s.parse::<i32>() {
        return if (1..=64).contains(&n) { n } else { 0 };
    }
    let s = s.strip_prefix("SIG").unwrap_or(&s);
    match s {
        "HUP" => 1,
        "INT" => 2,
        "QUIT" => 3,
        "ILL" => 4,
        "TRAP" => 5,
        "ABRT" => 6,
        "BUS" => 7,
        "FPE" => 8,
        "KILL" => 9,
        "USR1" => 10,
        "SEGV" => 11,
        "USR2" => 12,
        "PIPE" => 13,
        "ALRM" => 14,
        "TERM" => 15,
        "STKFLT" => 16,
        "CHLD" => 17,
        "CONT" => 18,
        "STOP" => 19,
        "TSTP" => 20,
        "TTIN" => 21,
        "TTOU" => 22,
        "URG" => 23,
        "XCPU" => 24,
        "XFSZ" => 25,
        "VTALRM" => 26,
        "PROF" => 27,
        "WINCH" => 28,
        "IO" => 29,
        "PWR" => 30,
        "SYS" => 31,
        "CLD" => 17,
        "IOT" => 6,
        "POLL" => 29,
        "RTMIN" => 34,
        "RTMAX" => 64,
        _ => match (s.strip_prefix("RTMIN+"), s.strip_prefix("RTMAX-")) {
            (Some(n), _) => n.parse::<i32>().ok().filter(|n| (1..=15).contains(n) && !s.contains("++")).map_or(0, |n| 34 + n),
            (_, Some(n)) => n.parse::<i32>().ok().filter(|n| (1..=14).contains(n) && !s.contains("--")).map_or(0, |n| 64 - n),
            _ => 0,
        },
    }
}

impl World {
    /// `docker commit`: a new image whose top layer is the container's changes.
    /// `docker commit`: `author` and `changes` (Dockerfile instructions)
    /// as given with `--author` / `--change`.
    pub fn commit_container(&mut self, name_or_id: &str, reference: Option<&str>, message: &str, author: &str, changes: &[String]) -> EngineResult<String> {
        let c = self.container(name_or_id)?.clone();
        let base = self.images.get(&c.image_id).cloned().ok_or_else(|| EngineError::no_such_image(&c.image_id))?;
        let tags: Vec<String> = match reference {
            Some(r) => vec![crate::images::Reference::parse(r)?.familiar()],
            None => Vec::new(),
        };
        // The container's configuration, then the changes (a bad one fails
        // the commit before anything is made).
        let mut config = base.config.clone();
        config.env = c.config_env.clone();
        config.cmd = if c.cmd.is_empty() { None } else { Some(c.cmd.clone()) };
        config.entrypoint = if c.entrypoint.is_empty() { None } else { Some(c.entrypoint.clone()) };
        // moby image.NewChildImage: the commit's author, not the parent's.
        config.author = author.to_string();
        crate::build_exec::apply_commit_changes(&mut config, changes).map_err(EngineError::invalid)?;
        let tree = self.forest.tree(c.rootfs).clone();
        let skip = INIT_LAYER_FILES;
        let changes_made = layer_changes(&tree, &base.rootfs);
        let size: u64 = changes_made
            .iter()
            .filter(|(k, _)| *k != 'D')
            .filter_map(|(_, p)| match tree.get(p) {
                Some(baleine_vfs::Node::File(f)) => Some(f.content.size()),
                _ => None,
            })
            .sum();
        let now_secs = self.now_secs();
        let id = crate::util::sha256_hex(&format!("commit:{}:{}:{}", c.id, self.now_ms, self.rng.next_u64()));
        let layer = crate::util::sha256_hex(&format!("commit-layer:{id}"));
        let mut image = base.clone();
        image.id = id.clone();
        image.repo_tags.clear();
        image.repo_digests.clear();
        image.created_secs = now_secs;
        // image.NewChildImage: a container without changes adds an empty
        // layer (kept out of RootFS, EmptyLayer in the history).
        let empty_layer = changes_made.is_empty();
        if !empty_layer {
            image.layers.push(layer.clone());
        }
        image.config = config;
        image.rootfs = tree;
        for p in skip {
            let _ = image.rootfs.remove(p);
        }
        image.parent = Some(base.id.clone());
        image.comment = message.to_string();
        // CreatedBy is the container's Cmd alone (strings.Join(Cmd, " ")).
        image.history.push(crate::model::HistoryEntry { created_secs: now_secs, created_by: c.cmd.join(" "), size, empty_layer, comment: message.to_string() });
        image.built = false;
        let new_layers = if empty_layer { Vec::new() } else { vec![(layer, size)] };
        self.add_image(image, &tags, &new_layers);
        // daemon/commit.go CreateImageFromContainer: TagImage (an image
        // tag event), then the commit event with its attributes.
        for t in &tags {
            self.event("image", "tag", &id, t, vec![]);
        }
        let name = c.name.clone();
        let attrs = vec![("comment".to_string(), message.to_string()), ("imageID".to_string(), format!("sha256:{id}")), ("imageRef".to_string(), tags.first().cloned().unwrap_or_default())];
        self.event("container", "commit", &c.id, &name, attrs);
        Ok(id)
    }
}

/// What a signal does to a container's main process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Signalled {
    Dies(i32),
    /// Its shell traps the signal (`trap '...' TERM`).
    Trapped,
    Ignored,
}
