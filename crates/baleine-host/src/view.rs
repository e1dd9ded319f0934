//! Plain view structs: what the user interfaces read about the simulated
//! machine. They are snapshots (owned data, no references into the engine),
//! rebuilt after every command; the web app renders them and never mutates
//! anything except through [`crate::Host::execute`].

/// The whole picture of the machine at one instant.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorldView {
    /// Increases after every state change.
    pub revision: u64,
    /// Simulated time, milliseconds since the simulated epoch.
    pub clock_ms: u64,
    /// Simulated wall-clock time as Docker would print it (RFC 3339).
    pub clock_text: String,
    pub images: Vec<ImageView>,
    pub containers: Vec<ContainerView>,
    pub networks: Vec<NetworkView>,
    pub volumes: Vec<VolumeView>,
    pub last_build: Option<BuildView>,
    pub compose: Vec<ComposeView>,
    pub events: Vec<EventView>,
    /// Files of the host's project folder (paths relative to it), folders end with '/'.
    pub files: Vec<FileView>,
    /// The host's working folder (absolute).
    pub cwd: String,
    /// Next moment something is scheduled to happen (healthcheck, exit, restart), if any.
    pub next_event_ms: Option<u64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImageView {
    pub id: String,
    pub short_id: String,
    pub tags: Vec<String>,
    pub size: u64,
    pub size_text: String,
    pub created_ms: u64,
    pub layers: Vec<LayerView>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayerView {
    /// Layer digest (shared layers have the same id in several images).
    pub id: String,
    pub size: u64,
    pub created_by: String,
    /// Whether the last build took this layer from the cache.
    pub from_cache: bool,
    /// How many local images contain this layer.
    pub shared_by: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContainerView {
    pub id: String,
    pub name: String,
    pub image: String,
    pub command: String,
    /// Docker's state: created, running, paused, restarting, exited, dead.
    pub state: String,
    /// `docker ps` STATUS text, e.g. "Up 2 minutes (healthy)".
    pub status: String,
    pub health: Option<String>,
    pub exit_code: Option<i32>,
    pub ports: Vec<PortView>,
    pub networks: Vec<EndpointView>,
    pub mounts: Vec<MountView>,
    pub compose_project: Option<String>,
    pub compose_service: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PortView {
    pub host_ip: String,
    pub host_port: u16,
    pub container_port: u16,
    pub proto: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EndpointView {
    pub network: String,
    pub ip: String,
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MountView {
    /// volume, bind or tmpfs.
    pub kind: String,
    /// Volume name or host path.
    pub source: String,
    pub target: String,
    pub read_only: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetworkView {
    pub id: String,
    pub name: String,
    pub driver: String,
    pub subnet: String,
    pub gateway: String,
    pub internal: bool,
    /// Whether containers resolve each other by name here (false on the default bridge).
    pub dns: bool,
    pub endpoints: Vec<NetworkEndpointView>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetworkEndpointView {
    pub container: String,
    pub ip: String,
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VolumeView {
    pub name: String,
    pub driver: String,
    pub size: u64,
    pub anonymous: bool,
    /// (container name, mount target, read-only)
    pub used_by: Vec<(String, String, bool)>,
    pub files: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BuildView {
    pub tags: Vec<String>,
    pub ok: bool,
    pub steps: Vec<BuildStepView>,
    pub stages: Vec<BuildStageView>,
    pub findings: Vec<LintView>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BuildStepView {
    /// e.g. "[builder 3/5] RUN npm install".
    pub name: String,
    pub stage: String,
    pub cached: bool,
    /// Why the cache missed, in plain words (None when cached or not applicable).
    pub reason: Option<String>,
    pub duration_ms: u64,
    pub error: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BuildStageView {
    pub name: String,
    pub base: String,
    /// Stages this one copies from (`COPY --from`) or is based on.
    pub from_stages: Vec<String>,
    pub skipped: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LintView {
    pub rule: String,
    pub line: usize,
    pub message: String,
    pub explain_en: String,
    pub explain_fr: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComposeView {
    pub project: String,
    pub services: Vec<ComposeServiceView>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComposeServiceView {
    pub name: String,
    /// (dependency, condition)
    pub depends_on: Vec<(String, String)>,
    pub created_ms: Option<u64>,
    pub started_ms: Option<u64>,
    pub healthy_ms: Option<u64>,
    /// What it waited on, in plain words.
    pub waited_on: Vec<String>,
    pub state: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventView {
    pub time_ms: u64,
    /// container, image, network, volume
    pub kind: String,
    /// create, start, die, health_status: healthy, pull, tag, ...
    pub action: String,
    pub actor: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileView {
    pub path: String,
    pub is_dir: bool,
    pub size: u64,
}

/// Whether `from` can reach `to` (a container name, alias or IP), and why not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReachView {
    pub resolves: bool,
    pub ip: Option<String>,
    pub connects: bool,
    pub explanation: String,
}
