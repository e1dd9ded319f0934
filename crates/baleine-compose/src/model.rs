//! The typed compose project model (compose-go `types`), produced by [`crate::load`].
//!
//! Conventions:
//! * every map is an `IndexMap`; services are sorted by name (byte order, like
//!   compose-go's `ServiceNames()`), other maps keep canonical/sorted order;
//! * an attribute that is absent is `None` / empty / `false`, like Go's zero values;
//! * durations are [`Duration`]: **nanoseconds** in an `i64` (Go's `time.Duration`);
//! * memory sizes are bytes in an `i64` (`512M` → 536870912);
//! * attributes this model does not type (e.g. `develop`, `blkio_config`,
//!   `devices`, `gpus`, `credential_spec`, hooks) are kept, already canonical,
//!   in `Service::other`; `x-*` extensions are kept in `extensions`.

use crate::value::{Map, Value};
use indexmap::IndexMap;
use std::fmt;

/// A compose duration, in nanoseconds (Go `time.Duration`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(pub i64);

impl Duration {
    pub fn from_nanos(n: i64) -> Self {
        Duration(n)
    }
    pub fn nanos(self) -> i64 {
        self.0
    }
    pub fn millis(self) -> i64 {
        self.0 / 1_000_000
    }
    /// As a `std::time::Duration` (negative durations clamp to zero).
    pub fn as_std(self) -> std::time::Duration {
        std::time::Duration::from_nanos(self.0.max(0) as u64)
    }
    /// Parses `1m30s`, `10s`, `500ms`, `1h`, `2d`, ...
    pub fn parse(s: &str) -> Result<Self, String> {
        crate::util::parse_duration(s).map(Duration)
    }
}

impl fmt::Display for Duration {
    /// Go's `time.Duration.String()`: `1m30s`, `500ms`, `1h0m0s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::util::format_duration(self.0))
    }
}

/// A loaded compose project.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Project {
    pub name: String,
    /// Absolute project directory.
    pub working_dir: String,
    /// Enabled services, sorted by name.
    pub services: IndexMap<String, Service>,
    pub networks: IndexMap<String, NetworkConfig>,
    pub volumes: IndexMap<String, VolumeConfig>,
    pub secrets: IndexMap<String, FileObjectConfig>,
    pub configs: IndexMap<String, FileObjectConfig>,
    /// Top-level `models` (kept raw).
    pub models: Map,
    /// Top-level `x-*` extensions.
    pub extensions: Map,
    /// Services not enabled by the active profiles, sorted by name.
    pub disabled_services: IndexMap<String, Service>,
    /// Active profiles.
    pub profiles: Vec<String>,
    /// The environment used for interpolation (shell env over `.env`), sorted by name.
    pub environment: IndexMap<String, String>,
    /// Absolute paths of the compose files, in load order.
    pub compose_files: Vec<String>,
}

impl Project {
    pub fn service_names(&self) -> Vec<String> {
        self.services.keys().cloned().collect()
    }
    pub fn get_service(&self, name: &str) -> Option<&Service> {
        self.services.get(name)
    }
}

/// `depends_on` conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DependencyCondition {
    #[default]
    ServiceStarted,
    ServiceHealthy,
    ServiceCompletedSuccessfully,
}

impl DependencyCondition {
    pub fn as_str(self) -> &'static str {
        match self {
            DependencyCondition::ServiceStarted => "service_started",
            DependencyCondition::ServiceHealthy => "service_healthy",
            DependencyCondition::ServiceCompletedSuccessfully => "service_completed_successfully",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "service_started" => Some(DependencyCondition::ServiceStarted),
            "service_healthy" => Some(DependencyCondition::ServiceHealthy),
            "service_completed_successfully" => {
                Some(DependencyCondition::ServiceCompletedSuccessfully)
            }
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dependency {
    pub condition: DependencyCondition,
    pub restart: bool,
    pub required: bool,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct BuildConfig {
    /// Absolute context path (or URL / `service:` reference, kept as is).
    pub context: String,
    pub dockerfile: Option<String>,
    pub dockerfile_inline: Option<String>,
    pub entitlements: Vec<String>,
    pub args: IndexMap<String, Option<String>>,
    pub ssh: Vec<String>,
    pub labels: IndexMap<String, String>,
    pub cache_from: Vec<String>,
    pub cache_to: Vec<String>,
    pub no_cache: bool,
    pub additional_contexts: IndexMap<String, String>,
    pub pull: bool,
    pub extra_hosts: IndexMap<String, Vec<String>>,
    pub isolation: Option<String>,
    pub network: Option<String>,
    pub target: Option<String>,
    pub secrets: Vec<ServiceFileRef>,
    pub shm_size: Option<i64>,
    pub tags: Vec<String>,
    pub platforms: Vec<String>,
    pub privileged: bool,
    pub provenance: Option<String>,
    pub sbom: Option<String>,
    /// Build attributes this model does not type (`ulimits`, ...).
    pub other: Map,
    pub extensions: Map,
}

/// A `ports` entry, always in long form.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PortConfig {
    pub name: Option<String>,
    /// `ingress` unless set.
    pub mode: String,
    pub host_ip: Option<String>,
    pub target: u16,
    /// Published port or range (`"8080"`, `"8000-8005"`), `None` for an ephemeral port.
    pub published: Option<String>,
    /// `tcp` unless set.
    pub protocol: String,
    pub app_protocol: Option<String>,
    pub extensions: Map,
}

/// Volume mount types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum VolumeType {
    #[default]
    Volume,
    Bind,
    Tmpfs,
    Npipe,
    Cluster,
    Image,
}

impl VolumeType {
    pub fn as_str(self) -> &'static str {
        match self {
            VolumeType::Volume => "volume",
            VolumeType::Bind => "bind",
            VolumeType::Tmpfs => "tmpfs",
            VolumeType::Npipe => "npipe",
            VolumeType::Cluster => "cluster",
            VolumeType::Image => "image",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "volume" => VolumeType::Volume,
            "bind" => VolumeType::Bind,
            "tmpfs" => VolumeType::Tmpfs,
            "npipe" => VolumeType::Npipe,
            "cluster" => VolumeType::Cluster,
            "image" => VolumeType::Image,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct VolumeBind {
    pub selinux: Option<String>,
    pub propagation: Option<String>,
    pub create_host_path: bool,
    pub recursive: Option<String>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct VolumeVolume {
    pub labels: IndexMap<String, String>,
    pub nocopy: bool,
    pub subpath: Option<String>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct VolumeTmpfs {
    pub size: Option<i64>,
    pub mode: Option<u32>,
    pub extensions: Map,
}

/// A service `volumes` entry, always in long form.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ServiceVolume {
    pub kind: VolumeType,
    /// Volume name, absolute host path (bind), or `None` (anonymous volume / tmpfs).
    pub source: Option<String>,
    pub target: String,
    pub read_only: bool,
    pub consistency: Option<String>,
    pub bind: Option<VolumeBind>,
    pub volume: Option<VolumeVolume>,
    pub tmpfs: Option<VolumeTmpfs>,
    /// `image:` options (`subpath`).
    pub image_subpath: Option<String>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ServiceNetwork {
    pub aliases: Vec<String>,
    pub driver_opts: IndexMap<String, String>,
    pub gw_priority: i64,
    pub interface_name: Option<String>,
    pub ipv4_address: Option<String>,
    pub ipv6_address: Option<String>,
    pub link_local_ips: Vec<String>,
    pub mac_address: Option<String>,
    pub priority: i64,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Healthcheck {
    /// Normalised: a string form becomes `["CMD-SHELL", s]`.
    pub test: Vec<String>,
    pub timeout: Option<Duration>,
    pub interval: Option<Duration>,
    pub retries: Option<u64>,
    pub start_period: Option<Duration>,
    pub start_interval: Option<Duration>,
    pub disable: bool,
    pub extensions: Map,
}

impl Healthcheck {
    /// `disable: true` or `test: ["NONE"]`.
    pub fn is_disabled(&self) -> bool {
        self.disable || self.test.first().map(|s| s == "NONE").unwrap_or(false)
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Logging {
    pub driver: Option<String>,
    pub options: IndexMap<String, String>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Resource {
    pub cpus: Option<f32>,
    pub memory: Option<i64>,
    pub pids: Option<i64>,
    /// `devices`, `generic_resources` (raw).
    pub other: Map,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Resources {
    pub limits: Option<Resource>,
    pub reservations: Option<Resource>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct RestartPolicy {
    pub condition: Option<String>,
    pub delay: Option<Duration>,
    pub max_attempts: Option<u64>,
    pub window: Option<Duration>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct DeployConfig {
    pub mode: Option<String>,
    pub replicas: Option<i64>,
    pub labels: IndexMap<String, String>,
    pub resources: Resources,
    pub restart_policy: Option<RestartPolicy>,
    pub endpoint_mode: Option<String>,
    /// `update_config`, `rollback_config`, `placement` (raw).
    pub other: Map,
    pub extensions: Map,
}

/// A service `secrets` / `configs` / `build.secrets` entry (long form).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ServiceFileRef {
    pub source: String,
    pub target: Option<String>,
    pub uid: Option<String>,
    pub gid: Option<String>,
    pub mode: Option<u32>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct EnvFile {
    /// Absolute path.
    pub path: String,
    pub required: bool,
    pub format: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Ulimit {
    pub single: Option<i64>,
    pub soft: Option<i64>,
    pub hard: Option<i64>,
}

/// A service definition.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Service {
    pub name: String,
    pub profiles: Vec<String>,
    pub annotations: IndexMap<String, String>,
    pub attach: Option<bool>,
    pub build: Option<BuildConfig>,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub cgroup_parent: Option<String>,
    pub cgroup: Option<String>,
    pub cpu_count: Option<i64>,
    pub cpu_percent: Option<f32>,
    pub cpu_period: Option<i64>,
    pub cpu_quota: Option<i64>,
    pub cpu_rt_period: Option<i64>,
    pub cpu_rt_runtime: Option<i64>,
    pub cpus: Option<f32>,
    pub cpuset: Option<String>,
    pub cpu_shares: Option<i64>,
    /// `None` when not set; the string form is split with shell-words rules.
    pub command: Option<Vec<String>>,
    pub configs: Vec<ServiceFileRef>,
    pub container_name: Option<String>,
    pub depends_on: IndexMap<String, Dependency>,
    pub deploy: Option<DeployConfig>,
    pub dns: Vec<String>,
    pub dns_opt: Vec<String>,
    pub dns_search: Vec<String>,
    pub domainname: Option<String>,
    pub entrypoint: Option<Vec<String>>,
    /// Resolved environment: `env_file` contents merged in, `environment` winning;
    /// `None` values are variables declared without a value and not found in the
    /// project environment.
    pub environment: IndexMap<String, Option<String>>,
    /// The `env_file` entries (already merged into `environment`).
    pub env_files: Vec<EnvFile>,
    pub expose: Vec<String>,
    pub external_links: Vec<String>,
    /// host → addresses.
    pub extra_hosts: IndexMap<String, Vec<String>>,
    pub group_add: Vec<String>,
    pub hostname: Option<String>,
    pub healthcheck: Option<Healthcheck>,
    pub image: Option<String>,
    pub init: Option<bool>,
    pub ipc: Option<String>,
    pub isolation: Option<String>,
    pub labels: IndexMap<String, String>,
    pub links: Vec<String>,
    pub logging: Option<Logging>,
    pub mem_limit: Option<i64>,
    pub mem_reservation: Option<i64>,
    pub memswap_limit: Option<i64>,
    pub mem_swappiness: Option<i64>,
    pub mac_address: Option<String>,
    pub network_mode: Option<String>,
    /// `default` is added when the service declares no network (and has no `network_mode`).
    pub networks: IndexMap<String, Option<ServiceNetwork>>,
    pub oom_kill_disable: bool,
    pub oom_score_adj: Option<i64>,
    pub pid: Option<String>,
    pub pids_limit: Option<i64>,
    pub platform: Option<String>,
    pub ports: Vec<PortConfig>,
    pub privileged: bool,
    pub pull_policy: Option<String>,
    pub read_only: bool,
    pub restart: Option<String>,
    pub runtime: Option<String>,
    pub scale: Option<i64>,
    pub secrets: Vec<ServiceFileRef>,
    pub security_opt: Vec<String>,
    pub shm_size: Option<i64>,
    pub stdin_open: bool,
    pub stop_grace_period: Option<Duration>,
    pub stop_signal: Option<String>,
    pub storage_opt: IndexMap<String, String>,
    pub sysctls: IndexMap<String, String>,
    pub tmpfs: Vec<String>,
    pub tty: bool,
    pub ulimits: IndexMap<String, Ulimit>,
    pub use_api_socket: bool,
    pub user: Option<String>,
    pub userns_mode: Option<String>,
    pub uts: Option<String>,
    pub volumes: Vec<ServiceVolume>,
    pub volumes_from: Vec<String>,
    pub working_dir: Option<String>,
    /// Other attributes accepted by the compose spec, canonical but untyped.
    pub other: Map,
    pub extensions: Map,
}

impl Service {
    /// compose-go `GetScale`: `scale`, else `deploy.replicas`, else 1.
    pub fn get_scale(&self) -> i64 {
        if let Some(s) = self.scale {
            return s;
        }
        if let Some(r) = self.deploy.as_ref().and_then(|d| d.replicas) {
            return r;
        }
        1
    }
    /// The image name compose uses: `image`, else `<project>-<service>`.
    pub fn image_name_or_default(&self, project: &str) -> String {
        match &self.image {
            Some(i) if !i.is_empty() => i.clone(),
            _ => format!("{}-{}", project, self.name),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct IpamPool {
    pub subnet: Option<String>,
    pub gateway: Option<String>,
    pub ip_range: Option<String>,
    pub aux_addresses: IndexMap<String, String>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Ipam {
    pub driver: Option<String>,
    pub config: Vec<IpamPool>,
    pub options: IndexMap<String, String>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct NetworkConfig {
    /// Actual name: `<project>_<key>` unless `name:` or `external`.
    pub name: String,
    pub driver: Option<String>,
    pub driver_opts: IndexMap<String, String>,
    pub ipam: Option<Ipam>,
    pub external: bool,
    pub internal: bool,
    pub attachable: bool,
    pub labels: IndexMap<String, String>,
    pub enable_ipv4: Option<bool>,
    pub enable_ipv6: Option<bool>,
    pub extensions: Map,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct VolumeConfig {
    /// Actual name: `<project>_<key>` unless `name:` or `external`.
    pub name: String,
    pub driver: Option<String>,
    pub driver_opts: IndexMap<String, String>,
    pub external: bool,
    pub labels: IndexMap<String, String>,
    pub extensions: Map,
}

/// A top-level secret or config.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FileObjectConfig {
    pub name: String,
    /// Absolute path.
    pub file: Option<String>,
    pub environment: Option<String>,
    pub content: Option<String>,
    pub external: bool,
    pub labels: IndexMap<String, String>,
    pub driver: Option<String>,
    pub driver_opts: IndexMap<String, String>,
    pub template_driver: Option<String>,
    pub extensions: Map,
}

/// Re-exported for consumers that inspect raw attributes.
pub type RawValue = Value;
