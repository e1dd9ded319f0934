//! A compose service turned into what the engine creates (compose's
//! `getCreateConfigs`): the container spec, its labels, its networks and
//! aliases, and the configuration hash that decides recreation.

use baleine_compose::{Project, Service, VolumeType};
use baleine_engine::model::{ContainerSpec, Healthcheck, MountSpec, PortBinding, RestartPolicy};
use baleine_engine::World;
use indexmap::IndexMap;

use super::COMPOSE_VERSION;

pub const PROJECT_LABEL: &str = "com.docker.compose.project";
pub const SERVICE_LABEL: &str = "com.docker.compose.service";
pub const NUMBER_LABEL: &str = "com.docker.compose.container-number";
pub const ONEOFF_LABEL: &str = "com.docker.compose.oneoff";
pub const HASH_LABEL: &str = "com.docker.compose.config-hash";
pub const DEPENDS_LABEL: &str = "com.docker.compose.depends_on";
pub const IMAGE_LABEL: &str = "com.docker.compose.image";
pub const VERSION_LABEL: &str = "com.docker.compose.version";
pub const WORKDIR_LABEL: &str = "com.docker.compose.project.working_dir";
pub const FILES_LABEL: &str = "com.docker.compose.project.config_files";
pub const ENVFILE_LABEL: &str = "com.docker.compose.project.environment_file";
pub const SLUG_LABEL: &str = "com.docker.compose.slug";
pub const REPLACE_LABEL: &str = "com.docker.compose.replace";
pub const NETWORK_LABEL: &str = "com.docker.compose.network";
pub const VOLUME_LABEL: &str = "com.docker.compose.volume";

/// compose's `ServiceHash`: the service without build, pull policy, scale,
/// replicas, dependencies and profiles.
pub fn service_hash(s: &Service) -> String {
    let mut c = s.clone();
    c.build = None;
    c.pull_policy = None;
    c.scale = None;
    if let Some(d) = c.deploy.as_mut() {
        d.replicas = None;
    }
    c.depends_on.clear();
    c.profiles.clear();
    baleine_engine::util::sha256_hex(&format!("{c:?}"))
}

/// The image reference a service's containers are created from.
pub fn image_name(project: &Project, s: &Service) -> String {
    s.image_name_or_default(&project.name)
}

/// Networks of a service by priority (highest first, then by name).
pub fn networks_by_priority(s: &Service) -> Vec<String> {
    let mut v: Vec<(i64, String)> = s.networks.iter().map(|(k, n)| (n.as_ref().map(|n| n.priority).unwrap_or(0), k.clone())).collect();
    baleine_util::sort_by(&mut v, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    v.into_iter().map(|x| x.1).collect()
}

/// `service:x` / `container:x` sharing modes.
pub fn dependent_service_of_mode(mode: &str) -> Option<&str> {
    mode.strip_prefix("service:")
}

/// What else the container needs after creation.
pub struct Extra {
    /// (network name, aliases, ipv4) to connect before start.
    pub connect: Vec<(String, Vec<String>, Option<String>)>,
    /// (path in the container, content) written into the container.
    pub files: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

pub struct Options<'a> {
    pub number: Option<u32>,
    pub oneoff: bool,
    pub slug: Option<String>,
    /// Anonymous volumes to reuse (target -> volume name) from a replaced container.
    pub inherit: &'a IndexMap<String, String>,
    /// Publish the service's ports (false for `run` without --service-ports).
    pub ports: bool,
    pub use_aliases: bool,
    pub image_id: Option<String>,
    pub env_files: &'a [String],
    pub extra_labels: &'a IndexMap<String, String>,
}

fn host_port(published: &Option<String>) -> u16 {
    match published {
        Some(p) => p.split('-').next().unwrap_or("").trim().parse().unwrap_or(0),
        None => 0,
    }
}

/// The labels compose sets on a service's containers.
pub fn labels(project: &Project, s: &Service, o: &Options<'_>) -> IndexMap<String, String> {
    let mut l: IndexMap<String, String> = IndexMap::new();
    for (k, v) in &s.labels {
        l.insert(k.clone(), v.clone());
    }
    for (k, v) in o.extra_labels {
        l.insert(k.clone(), v.clone());
    }
    l.insert(PROJECT_LABEL.into(), project.name.clone());
    l.insert(SERVICE_LABEL.into(), s.name.clone());
    l.insert(VERSION_LABEL.into(), COMPOSE_VERSION.into());
    l.insert(WORKDIR_LABEL.into(), project.working_dir.clone());
    l.insert(FILES_LABEL.into(), project.compose_files.join(","));
    if !o.env_files.is_empty() {
        l.insert(ENVFILE_LABEL.into(), o.env_files.join(","));
    }
    l.insert(ONEOFF_LABEL.into(), if o.oneoff { "True".into() } else { "False".into() });
    if let Some(slug) = &o.slug {
        l.insert(SLUG_LABEL.into(), slug.clone());
    }
    if let Some(id) = &o.image_id {
        l.insert(IMAGE_LABEL.into(), format!("sha256:{id}"));
    }
    l.insert(HASH_LABEL.into(), service_hash(s));
    if let Some(n) = o.number {
        l.insert(NUMBER_LABEL.into(), n.to_string());
    }
    let deps: Vec<String> = s.depends_on.iter().map(|(d, c)| format!("{}:{}:{}", d, c.condition.as_str(), c.restart)).collect();
    l.insert(DEPENDS_LABEL.into(), deps.join(","));
    l
}

/// The engine's container spec for one container of a service.
pub fn container_spec(world: &World, project: &Project, s: &Service, name: &str, o: &Options<'_>) -> Result<(ContainerSpec, Extra), String> {
    let mut extra = Extra { connect: Vec::new(), files: Vec::new(), warnings: Vec::new() };
    let mut spec = ContainerSpec { name: Some(name.to_string()), image: image_name(project, s), ..Default::default() };
    spec.cmd = s.command.clone();
    spec.entrypoint = s.entrypoint.clone();
    if let Some(e) = &spec.entrypoint {
        if e.is_empty() {
            spec.entrypoint = Some(vec![String::new()]);
        }
    }
    for (k, v) in &s.environment {
        if let Some(v) = v {
            spec.env.push(format!("{k}={v}"));
        }
    }
    spec.workdir = s.working_dir.clone();
    spec.user = s.user.clone();
    spec.hostname = s.hostname.clone();
    spec.domainname = s.domainname.clone();
    spec.labels = labels(project, s, o);
    spec.tty = s.tty;
    spec.open_stdin = s.stdin_open;
    // compose create.go getCreateConfigs: AttachStdout and AttachStderr
    // always true (AttachStdin only for `run -i`).
    spec.attach_stdout = true;
    for e in &s.expose {
        let (p, proto) = e.split_once('/').unwrap_or((e.as_str(), "tcp"));
        match p.split_once('-') {
            Some((a, b)) => {
                if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
                    for port in a..=b.min(a + 100) {
                        spec.exposed.push(format!("{port}/{proto}"));
                    }
                }
            }
            None => spec.exposed.push(format!("{p}/{proto}")),
        }
    }
    if o.ports {
        for p in &s.ports {
            let first = host_port(&p.published);
            spec.ports.push(PortBinding { container_port: p.target, proto: p.protocol.clone(), host_ip: p.host_ip.clone().unwrap_or_default(), host_port: first });
        }
    }
    // Volumes.
    for v in &s.volumes {
        match v.kind {
            VolumeType::Volume => {
                let source = match &v.source {
                    Some(key) => match project.volumes.get(key) {
                        Some(cfg) => cfg.name.clone(),
                        None => key.clone(),
                    },
                    None => o.inherit.get(&baleine_vfs::normalize("/", &v.target)).cloned().unwrap_or_default(),
                };
                spec.mounts.push(MountSpec { kind: "volume".into(), source, target: v.target.clone(), read_only: v.read_only, create_host_path: false, volume_nocopy: v.volume.as_ref().is_some_and(|x| x.nocopy) });
            }
            VolumeType::Bind => {
                let source = v.source.clone().unwrap_or_default();
                let create = v.bind.as_ref().map(|b| b.create_host_path).unwrap_or(true);
                if !create && !world.forest.tree(world.host_tree).exists(&source) {
                    return Err(format!("Error response from daemon: invalid mount config for type \"bind\": bind source path does not exist: {source}"));
                }
                spec.mounts.push(MountSpec { kind: "bind".into(), source, target: v.target.clone(), read_only: v.read_only, create_host_path: true, volume_nocopy: false });
            }
            VolumeType::Tmpfs => {
                spec.mounts.push(MountSpec { kind: "tmpfs".into(), source: String::new(), target: v.target.clone(), read_only: false, create_host_path: false, volume_nocopy: false });
            }
            other => extra.warnings.push(format!("volume type {} is not supported by the simulator; {} is not mounted", other.as_str(), v.target)),
        }
    }
    // Anonymous volumes of the image inherited from a replaced container.
    for (target, vol) in o.inherit {
        if !spec.mounts.iter().any(|m| baleine_vfs::normalize("/", &m.target) == *target) {
            spec.mounts.push(MountSpec { kind: "volume".into(), source: vol.clone(), target: target.clone(), read_only: false, create_host_path: false, volume_nocopy: false });
        }
    }
    spec.tmpfs = s.tmpfs.clone();
    // volumes_from: service references resolved to a container of that service.
    for vf in &s.volumes_from {
        let (src, mode) = match vf.split_once(':') {
            Some((a, b)) if a != "container" => (a.to_string(), format!(":{b}")),
            _ => (vf.clone(), String::new()),
        };
        if let Some(c) = src.strip_prefix("container:") {
            spec.volumes_from.push(format!("{c}{mode}"));
        } else {
            match service_container(world, &project.name, &src) {
                Some(cname) => spec.volumes_from.push(format!("{cname}{mode}")),
                None => return Err(format!("cannot share volume with service {src}: container missing")),
            }
        }
    }
    // Network mode and networks.
    match s.network_mode.as_deref() {
        Some(m) if dependent_service_of_mode(m).is_some() => {
            let dep = dependent_service_of_mode(m).unwrap_or("");
            match service_container(world, &project.name, dep) {
                Some(c) => spec.network = Some(format!("container:{c}")),
                None => return Err(format!("cannot share network namespace with service {dep}: container missing")),
            }
        }
        Some(m) => spec.network = Some(m.to_string()),
        None => {
            if project.networks.is_empty() || s.networks.is_empty() {
                spec.network = Some("none".into());
            } else {
                let order = networks_by_priority(s);
                for (i, key) in order.iter().enumerate() {
                    let Some(net) = project.networks.get(key) else { continue };
                    let cfg = s.networks.get(key).cloned().flatten();
                    // create.go getAliases: the container's name, then
                    // (unless a one-off without --use-aliases) the
                    // service's name and its aliases, as given.
                    let mut aliases = vec![name.to_string()];
                    if !o.oneoff || o.use_aliases {
                        aliases.push(s.name.clone());
                        if let Some(c) = &cfg {
                            aliases.extend(c.aliases.iter().cloned());
                        }
                    }
                    let ip = cfg.as_ref().and_then(|c| c.ipv4_address.clone());
                    if i == 0 {
                        spec.network = Some(net.name.clone());
                        spec.network_aliases = aliases;
                        spec.ip = ip;
                    } else {
                        extra.connect.push((net.name.clone(), aliases, ip));
                    }
                }
            }
        }
    }
    if spec.network.as_deref() == Some("bridge") {
        spec.network_aliases.clear();
    }
    for l in &s.links {
        let (svc, alias) = l.split_once(':').unwrap_or((l.as_str(), l.as_str()));
        match service_container(world, &project.name, svc) {
            Some(c) => spec.links.push(format!("{c}:{alias}")),
            None => spec.links.push(format!("{svc}:{alias}")),
        }
    }
    for l in &s.external_links {
        let (c, alias) = l.split_once(':').unwrap_or((l.as_str(), l.as_str()));
        spec.links.push(format!("{c}:{alias}"));
    }
    for (host, addrs) in &s.extra_hosts {
        for a in addrs {
            spec.extra_hosts.push(format!("{host}:{a}"));
        }
    }
    spec.dns = s.dns.clone();
    spec.dns_search = s.dns_search.clone();
    spec.dns_options = s.dns_opt.clone();
    // `run` clears the service's restart policy (prepareRun).
    spec.restart = if o.oneoff { RestartPolicy { name: "no".into(), max_retries: 0 } } else { restart_policy(s)? };
    // Resources: deploy.resources.limits wins over mem_limit / cpus.
    let limits = s.deploy.as_ref().and_then(|d| d.resources.limits.as_ref());
    if let Some(m) = limits.and_then(|l| l.memory).or(s.mem_limit) {
        spec.memory = m.max(0) as u64;
    }
    if let Some(c) = limits.and_then(|l| l.cpus).or(s.cpus) {
        spec.nano_cpus = (c.max(0.0) as f64 * 1e9).round() as u64;
    }
    if let Some(sh) = s.cpu_shares {
        spec.cpu_shares = sh.max(0) as u64;
    }
    spec.read_only = s.read_only;
    spec.init = s.init.unwrap_or(false);
    spec.privileged = s.privileged;
    spec.cap_add = s.cap_add.clone();
    spec.stop_signal = s.stop_signal.clone();
    spec.stop_timeout = s.stop_grace_period.map(|d| (d.nanos().max(0) / 1_000_000_000) as u64);
    if let Some(h) = &s.healthcheck {
        if h.is_disabled() {
            spec.no_healthcheck = true;
        } else {
            let ms = |d: Option<baleine_compose::model::Duration>| d.map(|d| d.millis().max(0) as u64).unwrap_or(0);
            spec.healthcheck = Some(Healthcheck {
                test: h.test.clone(),
                interval_ms: ms(h.interval),
                timeout_ms: ms(h.timeout),
                start_period_ms: ms(h.start_period),
                start_interval_ms: ms(h.start_interval),
                retries: h.retries.map(|r| r.min(u32::MAX as u64) as u32).unwrap_or(0),
            });
        }
    }
    if let Some(lg) = &s.logging {
        spec.log_driver = lg.driver.clone();
        spec.log_opts = lg.options.clone();
    }
    spec.platform = s.platform.clone();
    // Secrets and configs: files in the container.
    for r in &s.secrets {
        let target = match &r.target {
            Some(t) if t.starts_with('/') => t.clone(),
            Some(t) => format!("/run/secrets/{t}"),
            None => format!("/run/secrets/{}", r.source),
        };
        match project.secrets.get(&r.source) {
            Some(cfg) => match file_object_content(world, project, cfg) {
                Some(content) => {
                    spec.secrets.push((r.source.clone(), target.clone()));
                    extra.files.push((target, content));
                }
                None => {
                    if cfg.external {
                        return Err(format!("unsupported external secret {}", cfg.name));
                    }
                    extra.warnings.push(format!("secret file {} does not exist", cfg.name));
                }
            },
            None => {}
        }
    }
    for r in &s.configs {
        let target = match &r.target {
            Some(t) => t.clone(),
            None => format!("/{}", r.source),
        };
        if let Some(cfg) = project.configs.get(&r.source) {
            match file_object_content(world, project, cfg) {
                Some(content) => extra.files.push((target, content)),
                None => {
                    if cfg.external {
                        return Err(format!("unsupported external config {}", cfg.name));
                    }
                    extra.warnings.push(format!("config file {} does not exist", cfg.name));
                }
            }
        }
    }
    Ok((spec, extra))
}

fn file_object_content(world: &World, project: &Project, cfg: &baleine_compose::FileObjectConfig) -> Option<String> {
    if let Some(c) = &cfg.content {
        return Some(c.clone());
    }
    if let Some(e) = &cfg.environment {
        return project.environment.get(e).cloned();
    }
    let path = cfg.file.as_ref()?;
    match world.forest.tree(world.host_tree).get(path)? {
        baleine_vfs::Node::File(f) => match &f.content {
            baleine_vfs::Content::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            _ => Some(String::new()),
        },
        _ => None,
    }
}

/// `restart:` (or `deploy.restart_policy`, which wins) as compose's
/// `getRestartPolicy` / `mapRestartPolicyCondition` send it, checked as
/// the daemon's `ValidateRestartPolicy` does when the container is created.
pub fn restart_policy(s: &Service) -> Result<RestartPolicy, String> {
    let map = |c: &str| -> String {
        match c {
            "none" | "no" => "no",
            "any" | "always" => "always",
            other => other,
        }
        .to_string()
    };
    let mut policy: (String, i64) = (String::new(), 0);
    if let Some(r) = s.restart.as_deref().filter(|r| !r.is_empty()) {
        let mut split = r.split(':');
        let name = split.next().unwrap_or("");
        // strconv.Atoi's error is ignored: 0.
        let n = split.next().and_then(|n| n.parse::<i64>().ok()).unwrap_or(0);
        policy = (map(name), n);
    }
    if let Some(p) = s.deploy.as_ref().and_then(|d| d.restart_policy.as_ref()) {
        policy = (map(p.condition.as_deref().unwrap_or("")), p.max_attempts.map(|m| m.min(i64::MAX as u64) as i64).unwrap_or(0));
    }
    crate::cmd_container::validate_restart_policy(&policy.0, policy.1)
}

/// The name of the first (lowest-numbered) container of a service.
pub fn service_container(world: &World, project: &str, service: &str) -> Option<String> {
    let mut v: Vec<(u32, String)> = world
        .containers
        .values()
        .filter(|c| c.label(PROJECT_LABEL) == Some(project) && c.label(SERVICE_LABEL) == Some(service) && c.label(ONEOFF_LABEL) != Some("True"))
        .map(|c| (c.label(NUMBER_LABEL).and_then(|n| n.parse().ok()).unwrap_or(u32::MAX), c.name.clone()))
        .collect();
    baleine_util::sort(&mut v);
    v.into_iter().next().map(|x| x.1)
}
