//! The daemon's objects: images, layers, containers, networks, volumes.
//! Plain data; the operations live in `world.rs` and its siblings.

use baleine_vfs::{Tree, TreeId};
use indexmap::IndexMap;

/// A layer of the image store, shared by every image that has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    /// 64-hex digest (what `docker pull` shows the first 12 digits of).
    pub digest: String,
    pub size: u64,
}

/// One line of `docker history`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    pub created_secs: u64,
    pub created_by: String,
    pub size: u64,
    pub empty_layer: bool,
    pub comment: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Healthcheck {
    /// ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"].
    pub test: Vec<String>,
    pub interval_ms: u64,
    pub timeout_ms: u64,
    pub start_period_ms: u64,
    pub start_interval_ms: u64,
    pub retries: u32,
}

impl Healthcheck {
    pub fn interval(&self) -> u64 {
        if self.interval_ms == 0 {
            30_000
        } else {
            self.interval_ms
        }
    }
    pub fn timeout(&self) -> u64 {
        if self.timeout_ms == 0 {
            30_000
        } else {
            self.timeout_ms
        }
    }
    pub fn retries(&self) -> u32 {
        if self.retries == 0 {
            3
        } else {
            self.retries
        }
    }
    pub fn disabled(&self) -> bool {
        self.test.first().map(String::as_str) == Some("NONE")
    }
}

/// An image's configuration (Docker's image Config).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ImageConfig {
    pub env: Vec<String>,
    pub cmd: Option<Vec<String>>,
    pub entrypoint: Option<Vec<String>>,
    pub workdir: String,
    pub user: String,
    pub exposed: Vec<String>,
    pub volumes: Vec<String>,
    pub labels: IndexMap<String, String>,
    pub healthcheck: Option<Healthcheck>,
    pub stop_signal: Option<String>,
    pub shell: Option<Vec<String>>,
    pub onbuild: Vec<String>,
    /// Whether the Cmd/Entrypoint came from a shell-form instruction (for
    /// `docker inspect` only; the arrays already hold `/bin/sh -c ...`).
    pub args_escaped: bool,
    /// The image's Author (top-level in `docker image inspect`): set by
    /// MAINTAINER or `docker commit --author`, kept by derived images.
    pub author: String,
}

/// Written like `#[derive(Debug)]`, leaving out an empty `author`: built
/// image ids hash this text, and images without an author keep their ids.
impl std::fmt::Debug for ImageConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("ImageConfig");
        d.field("env", &self.env)
            .field("cmd", &self.cmd)
            .field("entrypoint", &self.entrypoint)
            .field("workdir", &self.workdir)
            .field("user", &self.user)
            .field("exposed", &self.exposed)
            .field("volumes", &self.volumes)
            .field("labels", &self.labels)
            .field("healthcheck", &self.healthcheck)
            .field("stop_signal", &self.stop_signal)
            .field("shell", &self.shell)
            .field("onbuild", &self.onbuild)
            .field("args_escaped", &self.args_escaped);
        if !self.author.is_empty() {
            d.field("author", &self.author);
        }
        d.finish()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// 64-hex id (without the `sha256:` prefix).
    pub id: String,
    /// "alpine:latest", "myapp:1.0", "registry.example.com/x:1".
    pub repo_tags: Vec<String>,
    /// "alpine@sha256:..." once pulled or pushed.
    pub repo_digests: Vec<String>,
    pub created_secs: u64,
    /// Layer digests bottom-up.
    pub layers: Vec<String>,
    pub config: ImageConfig,
    pub history: Vec<HistoryEntry>,
    /// The file system the image gives a container.
    pub rootfs: Tree,
    /// The image this one was built from (for `docker images -a` and prune).
    pub parent: Option<String>,
    /// How `/bin/sh` behaves here (busybox ash vs dash/bash).
    pub os_family: OsFamily,
    pub comment: String,
    /// Set on images produced by a build.
    pub built: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OsFamily {
    Alpine,
    Debian,
    Ubuntu,
    Busybox,
    Scratch,
    Distroless,
}

/// Docker's container states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Restarting => "restarting",
            Status::Removing => "removing",
            Status::Exited => "exited",
            Status::Dead => "dead",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HealthLog {
    pub start_ms: u64,
    pub end_ms: u64,
    pub exit_code: i32,
    pub output: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    /// "starting", "healthy", "unhealthy".
    pub status: String,
    pub failing_streak: u32,
    pub log: Vec<HealthLog>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub status: Status,
    pub pid: u32,
    pub exit_code: i32,
    pub error: String,
    pub oom_killed: bool,
    pub started_ms: Option<u64>,
    pub finished_ms: Option<u64>,
    pub health: Option<Health>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestartPolicy {
    /// "no", "always", "unless-stopped", "on-failure".
    pub name: String,
    pub max_retries: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortBinding {
    pub container_port: u16,
    pub proto: String,
    pub host_ip: String,
    /// 0 until allocated for `-p 80` / `-P`.
    pub host_port: u16,
}

/// What `docker run` options ask for (HostConfig + Config of the API).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerSpec {
    pub name: Option<String>,
    /// As the user typed it (Config.Image).
    pub image: String,
    pub cmd: Option<Vec<String>>,
    pub entrypoint: Option<Vec<String>>,
    pub env: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub domainname: Option<String>,
    pub labels: IndexMap<String, String>,
    pub tty: bool,
    pub open_stdin: bool,
    /// What an attached `docker run -i` was given on stdin (a pipe or a
    /// file): the main process reads it at its first start (StdinOnce).
    pub stdin_data: Option<std::sync::Arc<[u8]>>,
    /// Not detached (`docker run` without -d, `docker create`): the
    /// streams of Config.Attach* are the ones `attach` names, all of
    /// stdout and stderr when it is empty.
    pub attach_stdout: bool,
    /// `-a` values, lowercased (docker/cli opts.go validateAttach).
    pub attach: Vec<String>,
    pub exposed: Vec<String>,
    pub ports: Vec<PortBinding>,
    pub publish_all: bool,
    /// `-v` strings, as typed.
    pub binds: Vec<String>,
    pub mounts: Vec<MountSpec>,
    /// The options of `mounts`, index for index (an entry may be missing:
    /// no options), as the API's HostConfig.Mounts carries them.
    pub mount_options: Vec<MountOptions>,
    pub tmpfs: Vec<String>,
    pub volumes_from: Vec<String>,
    /// "bridge" (default), "host", "none", a network name, or "container:x".
    pub network: Option<String>,
    pub network_aliases: Vec<String>,
    pub ip: Option<String>,
    pub links: Vec<String>,
    pub extra_hosts: Vec<String>,
    pub dns: Vec<String>,
    /// `--dns-search` (HostConfig.DNSSearch).
    pub dns_search: Vec<String>,
    /// `--dns-option` (HostConfig.DNSOptions).
    pub dns_options: Vec<String>,
    pub restart: RestartPolicy,
    pub auto_remove: bool,
    pub memory: u64,
    /// MemorySwap: -1 unlimited, 0 unset (twice `memory` once created with
    /// a memory limit: moby daemon_unix.go adaptContainerSettings).
    pub memory_swap: i64,
    pub nano_cpus: u64,
    pub cpu_shares: u64,
    pub read_only: bool,
    pub init: bool,
    pub privileged: bool,
    pub cap_add: Vec<String>,
    pub stop_signal: Option<String>,
    pub stop_timeout: Option<u64>,
    pub healthcheck: Option<Healthcheck>,
    pub no_healthcheck: bool,
    pub log_driver: Option<String>,
    pub log_opts: IndexMap<String, String>,
    pub platform: Option<String>,
    pub secrets: Vec<(String, String)>,
}

/// A `--mount` (or compose long-syntax volume).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MountSpec {
    /// volume, bind, tmpfs.
    pub kind: String,
    pub source: String,
    pub target: String,
    pub read_only: bool,
    /// For binds given with `-v`: a missing host path is created.
    pub create_host_path: bool,
    pub volume_nocopy: bool,
}

/// What a `--mount` carries beyond [`MountSpec`] (moby v27.5.1
/// api/types/mount/mount.go Mount: Consistency, BindOptions, VolumeOptions,
/// TmpfsOptions), kept with the container: `docker inspect` shows them in
/// HostConfig.Mounts and the daemon acts on them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MountOptions {
    pub consistency: String,
    pub bind: Option<BindOptions>,
    pub volume: Option<VolumeOptions>,
    pub tmpfs: Option<TmpfsOptions>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BindOptions {
    /// Lowercased by the CLI; empty: the default (rprivate).
    pub propagation: String,
    pub non_recursive: bool,
    pub create_mountpoint: bool,
    pub read_only_non_recursive: bool,
    pub read_only_force_recursive: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VolumeOptions {
    pub no_copy: bool,
    pub labels: IndexMap<String, String>,
    pub subpath: String,
    /// DriverConfig (the CLI always sets one with VolumeOptions).
    pub driver: Option<VolumeDriver>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VolumeDriver {
    pub name: String,
    /// None until a `volume-opt` is given.
    pub options: Option<IndexMap<String, String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TmpfsOptions {
    pub size_bytes: i64,
    /// Permission bits (os.FileMode), 0 when not given.
    pub mode: u32,
}

impl ContainerSpec {
    /// The options of `mounts[i]` (none given: the default).
    pub fn mount_options_of(&self, i: usize) -> MountOptions {
        self.mount_options.get(i).cloned().unwrap_or_default()
    }

    /// Config.AttachStdin, AttachStdout, AttachStderr: docker/cli v27.5.1
    /// opts.go parse (`-a` names the streams, none given is stdout and
    /// stderr; -i attaches stdin), all false for `docker run -d` (run.go).
    pub fn attached_streams(&self) -> (bool, bool, bool) {
        if !self.attach_stdout {
            return (false, false, false);
        }
        let has = |s: &str| self.attach.iter().any(|a| a == s);
        (self.open_stdin || has("stdin"), self.attach.is_empty() || has("stdout"), self.attach.is_empty() || has("stderr"))
    }
}

/// A mount of a running container, as `docker inspect` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountPoint {
    /// volume, bind, tmpfs.
    pub kind: String,
    /// Volume name (for volumes).
    pub name: String,
    /// Host path (binds) or the volume's mount point.
    pub source: String,
    pub destination: String,
    pub rw: bool,
    pub mode: String,
    pub tree: TreeId,
    /// Path inside `tree` that is mounted.
    pub subpath: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub network_id: String,
    pub endpoint_id: String,
    pub ip: u32,
    /// The static address asked for (`--ip`), used at every start (moby
    /// EndpointIPAMConfig.IPv4Address).
    pub static_ip: Option<u32>,
    pub mac: String,
    pub aliases: Vec<String>,
    /// DNS names besides the container name (compose service names).
    pub dns_names: Vec<String>,
}

impl Endpoint {
    /// A configured endpoint, without an address until its container runs.
    pub fn new(network_id: String, aliases: Vec<String>, static_ip: Option<u32>) -> Endpoint {
        Endpoint { network_id, endpoint_id: String::new(), ip: 0, static_ip, mac: String::new(), aliases, dns_names: Vec::new() }
    }
}

/// The simulated main process of a running container.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    pub argv: Vec<String>,
    pub started_ms: u64,
    /// When and how it exits on its own (None: runs until signalled).
    pub exit: Option<(u64, i32)>,
    /// Whether SIGTERM ends it (PID 1 without a handler ignores it).
    pub handles_sigterm: bool,
    /// Exit code when it ends on SIGTERM/SIGINT.
    pub term_exit: i32,
    /// Ports (tcp) the process listens on, and from when.
    pub listens: Vec<(u16, u64)>,
    /// The server program that answers on those ports ("nginx", "node", ...).
    pub server: Option<String>,
    /// A shell waiting on stdin (`-it`).
    pub interactive: bool,
    /// The HTTP answer of a server whose sources are not in the image.
    pub body: Option<String>,
    /// The main process's shell with the signal traps it set (`trap '...'
    /// TERM`): a trapped signal runs its action in it.
    pub traps: Option<TrapShell>,
}

/// A shell kept to run its trap actions later (its variables and functions
/// as the script left them).
#[derive(Clone, Debug)]
pub struct TrapShell(pub Box<baleine_shell::Shell>);

impl PartialEq for TrapShell {
    fn eq(&self, other: &TrapShell) -> bool {
        self.0.vars == other.0.vars && self.0.state.traps == other.0.state.traps
    }
}

impl Eq for TrapShell {}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub ms: u64,
    pub stderr: bool,
    pub line: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Container {
    pub id: String,
    pub name: String,
    pub image_id: String,
    pub spec: ContainerSpec,
    /// Resolved configuration (image defaults + options). `env` is the
    /// main process's environment (PATH first, as the daemon's
    /// CreateDaemonEnvironment builds it); `config_env` is Config.Env as
    /// the daemon stores it (the given variables, then the image's others).
    pub env: Vec<String>,
    pub config_env: Vec<String>,
    pub cmd: Vec<String>,
    pub entrypoint: Vec<String>,
    pub workdir: String,
    pub user: String,
    pub hostname: String,
    pub labels: IndexMap<String, String>,
    pub healthcheck: Option<Healthcheck>,
    pub exposed: Vec<String>,
    pub volumes: Vec<String>,
    pub stop_signal: String,
    pub created_ms: u64,
    pub state: State,
    pub rootfs: TreeId,
    pub mounts: Vec<MountPoint>,
    /// tmpfs trees to drop when the container stops.
    pub tmpfs: Vec<TreeId>,
    /// Network id -> endpoint, in connection order.
    pub endpoints: IndexMap<String, Endpoint>,
    /// "bridge", "host", "none", or a network name (HostConfig.NetworkMode).
    pub network_mode: String,
    pub ports: Vec<PortBinding>,
    pub logs: Vec<LogEntry>,
    pub process: Option<Process>,
    pub restart_count: u32,
    /// The restart manager's current delay (0 until its first restart;
    /// moby restartmanager.go `timeout`).
    pub restart_delay_ms: u64,
    /// Bumped at every start/stop so that stale scheduled events are ignored.
    pub generation: u64,
    /// Stopped by the user (for unless-stopped and the restart manager).
    pub manually_stopped: bool,
    pub has_been_started: bool,
    pub os_family: OsFamily,
    pub log_bytes: u64,
}

impl Container {
    pub fn short_id(&self) -> &str {
        &self.id[..12.min(self.id.len())]
    }
    pub fn is_running(&self) -> bool {
        matches!(self.state.status, Status::Running | Status::Paused | Status::Restarting)
    }
    /// The command line as `docker ps` shows it (entrypoint + cmd).
    pub fn command_line(&self) -> String {
        let mut parts: Vec<&str> = self.entrypoint.iter().map(String::as_str).collect();
        parts.extend(self.cmd.iter().map(String::as_str));
        parts.join(" ")
    }
    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels.get(key).map(String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    pub id: String,
    pub name: String,
    pub driver: String,
    pub scope: String,
    pub internal: bool,
    pub attachable: bool,
    pub subnet: u32,
    pub prefix: u8,
    pub gateway: u32,
    /// Sub-range for container addresses (--ip-range), as (base, prefix).
    pub ip_range: Option<(u32, u8)>,
    /// The subnet was configured (`--subnet`, or the daemon's for the default
    /// bridge) rather than taken from the default pools: only then does the
    /// network accept static addresses (moby IpamConf.IsStatic).
    pub configured_subnet: bool,
    /// The gateway was configured too: `network inspect` shows the gateway
    /// of a configured subnet only then (moby buildIPAMResources).
    pub configured_gateway: bool,
    pub labels: IndexMap<String, String>,
    pub options: IndexMap<String, String>,
    pub created_ms: u64,
    /// The default bridge: no embedded DNS.
    pub is_default_bridge: bool,
    /// host and none: no IPAM, no endpoints with addresses.
    pub builtin: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volume {
    pub name: String,
    pub driver: String,
    pub created_ms: u64,
    pub labels: IndexMap<String, String>,
    pub options: IndexMap<String, String>,
    pub anonymous: bool,
    pub tree: TreeId,
    /// Whether the first mount already copied image content in (copy-up).
    pub populated: bool,
}

impl Volume {
    pub fn mountpoint(&self) -> String {
        format!("/var/lib/docker/volumes/{}/_data", self.name)
    }
}

/// IPv4 helpers.
pub fn ip_to_string(ip: u32) -> String {
    format!("{}.{}.{}.{}", ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255)
}

pub fn parse_ip(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut ip = 0u32;
    for p in parts {
        let n: u8 = p.parse().ok()?;
        ip = (ip << 8) | n as u32;
    }
    Some(ip)
}

/// Parses "172.18.0.0/16".
pub fn parse_cidr(s: &str) -> Option<(u32, u8)> {
    let (ip, prefix) = s.split_once('/')?;
    let prefix: u8 = prefix.parse().ok()?;
    if prefix > 32 {
        return None;
    }
    let ip = parse_ip(ip)?;
    let mask = if prefix == 0 { 0 } else { u32::MAX << (32 - prefix) };
    Some((ip & mask, prefix))
}

pub fn cidr_contains(base: u32, prefix: u8, ip: u32) -> bool {
    let mask = if prefix == 0 { 0 } else { u32::MAX << (32 - prefix) };
    ip & mask == base & mask
}

pub fn mac_for(ip: u32) -> String {
    format!("02:42:{:02x}:{:02x}:{:02x}:{:02x}", ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255)
}
