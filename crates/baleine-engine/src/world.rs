//! The simulated machine's daemon state and its clock.

use std::collections::BTreeMap;

use baleine_vfs::{Forest, Tree, TreeId};
use indexmap::IndexMap;

use crate::error::{EngineError, EngineResult, ErrorKind};
use crate::model::*;
use crate::util::Rng;

/// Limits that keep a session small and the browser alive.
pub const MAX_CONTAINERS: usize = 1000;
pub const MAX_LOG_LINES: usize = 10_000;
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Something the daemon did, for `docker events` and the web app's feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub ms: u64,
    /// container, image, network, volume, builder.
    pub kind: &'static str,
    /// create, start, die, stop, kill, destroy, pause, unpause, restart,
    /// health_status: healthy, pull, tag, untag, delete, connect, ...
    pub action: String,
    pub id: String,
    /// Name (containers, networks, volumes) or reference (images).
    pub actor: String,
    /// The event's own attributes (execID, exitCode, signal, ...).
    pub attrs: Vec<(String, String)>,
    /// What every event of the object carries (a container's labels and
    /// image), shared between its events: a healthcheck logs three events
    /// a probe, and compose containers have a dozen labels.
    pub inherited: Option<std::sync::Arc<[(String, String)]>>,
    /// Logged for a healthcheck probe (its exec_create, exec_start and
    /// exec_die): `docker events` shows them as moby does; the web app's
    /// feed leaves them out, where they would crowd out everything else.
    pub probe: bool,
}

impl Event {
    /// Every attribute: the event's own, then the inherited ones it does
    /// not set itself.
    pub fn attributes(&self) -> Vec<(String, String)> {
        let mut all = self.attrs.clone();
        for (k, v) in self.inherited.iter().flat_map(|a| a.iter()) {
            if !self.attrs.iter().any(|(x, _)| x == k) {
                all.push((k.clone(), v.clone()));
            }
        }
        all
    }
}

/// Work the daemon does later on the simulated clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scheduled {
    /// The main process of container `cid` exits (if still generation `gen`).
    Exit { cid: String, gen: u64 },
    /// Run the healthcheck of `cid`, with what the previous probe found.
    Health { cid: String, gen: u64, lookup: Option<Box<crate::sys::ProbeLookup>> },
    /// The restart manager starts `cid` again.
    Restart { cid: String, gen: u64 },
}

/// A repository pushed to the simulated registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pushed {
    pub image: Image,
    pub digest: String,
}

/// An image as `docker save` wrote it into an archive, with its layers' sizes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub image: Image,
    pub layer_sizes: Vec<(String, u64)>,
}

/// The daemon: every Docker object of the simulated machine, the host's
/// files, and the clock.
#[derive(Clone, Debug)]
pub struct World {
    /// Unix seconds at simulated time 0.
    pub epoch_secs: u64,
    /// Simulated milliseconds since `epoch_secs`.
    pub now_ms: u64,
    pub rng: Rng,
    pub forest: Forest,
    pub host_tree: TreeId,
    /// id -> image.
    pub images: IndexMap<String, Image>,
    /// digest -> layer.
    pub layers: IndexMap<String, Layer>,
    /// id -> container.
    pub containers: IndexMap<String, Container>,
    /// id -> network.
    pub networks: IndexMap<String, Network>,
    /// name -> volume.
    pub volumes: IndexMap<String, Volume>,
    pub events: Vec<Event>,
    /// Container id -> the attributes its events inherit (labels, image),
    /// made once: a container's labels and image never change.
    container_attrs: BTreeMap<String, std::sync::Arc<[(String, String)]>>,
    pub schedule: BTreeMap<(u64, u64), Scheduled>,
    seq: u64,
    /// "docker.io/user/app:1.0" -> what was pushed.
    pub registry: IndexMap<String, Pushed>,
    /// registry host -> user name.
    pub logins: IndexMap<String, String>,
    /// image id -> what `docker save` archived (`docker load` brings it
    /// back, even after `docker rmi`).
    pub saved: IndexMap<String, Saved>,
    pub build: crate::build::BuildState,
    pub revision: u64,
    /// Host directories that tools (tar, cp) and binds use.
    pub host_home: String,
    pub pid_counter: u32,
    /// Exit codes of containers removed by --rm (for attached clients).
    pub exit_codes: IndexMap<String, i32>,
    /// The last log lines of the few containers most recently removed by
    /// --rm: an attached client still prints what they wrote last.
    pub removed_logs: IndexMap<String, Vec<crate::model::LogEntry>>,
}

impl World {
    pub fn new(seed: u64, epoch_secs: u64) -> World {
        let mut forest = Forest::new();
        let host_tree = forest.add(Tree::new());
        let mut world = World {
            epoch_secs,
            now_ms: 0,
            rng: Rng::new(seed),
            forest,
            host_tree,
            images: IndexMap::new(),
            layers: IndexMap::new(),
            containers: IndexMap::new(),
            networks: IndexMap::new(),
            volumes: IndexMap::new(),
            events: Vec::new(),
            container_attrs: BTreeMap::new(),
            schedule: BTreeMap::new(),
            seq: 0,
            registry: IndexMap::new(),
            logins: IndexMap::new(),
            saved: IndexMap::new(),
            build: Default::default(),
            revision: 0,
            host_home: "/home/learner".into(),
            pid_counter: 1000,
            exit_codes: IndexMap::new(),
            removed_logs: IndexMap::new(),
        };
        world.create_builtin_networks();
        world
    }

    /// Unix seconds now.
    pub fn now_secs(&self) -> u64 {
        self.epoch_secs + self.now_ms / 1000
    }

    pub fn touch(&mut self) {
        self.revision += 1;
    }

    /// Records an event. As moby's loggers do, a container's events carry
    /// its labels and image, an image's events the image's labels
    /// (daemon/events.go LogContainerEventWithAttributes, daemon/images
    /// LogImageEvent).
    pub fn event(&mut self, kind: &'static str, action: &str, id: &str, actor: &str, mut attrs: Vec<(String, String)>) {
        let mut inherited = None;
        match kind {
            "container" => {
                if let Some(shared) = self.container_attrs.get(id) {
                    inherited = Some(shared.clone());
                } else if let Some(c) = self.containers.get(id) {
                    let mut a: Vec<(String, String)> = c.labels.iter().filter(|(k, _)| k.as_str() != "image").map(|(k, v)| (k.clone(), v.clone())).collect();
                    a.push(("image".into(), c.spec.image.clone()));
                    let shared: std::sync::Arc<[(String, String)]> = a.into();
                    self.container_attrs.insert(id.to_string(), shared.clone());
                    inherited = Some(shared);
                }
            }
            "image" => {
                if let Some(img) = self.images.get(id) {
                    for (k, v) in &img.config.labels {
                        if !attrs.iter().any(|(x, _)| x == k) {
                            attrs.push((k.clone(), v.clone()));
                        }
                    }
                }
            }
            _ => {}
        }
        if kind == "container" && action == "destroy" {
            self.container_attrs.remove(id);
        }
        self.events.push(Event { ms: self.now_ms, kind, action: action.to_string(), id: id.to_string(), actor: actor.to_string(), attrs, inherited, probe: false });
        // The log keeps the last 4,000 to 8,000 events (dropped by halves:
        // each event is moved once, not at every drop).
        if self.events.len() > 8000 {
            self.events.drain(..4000);
        }
        self.revision += 1;
    }

    /// [`World::event`] for a healthcheck probe's exec.
    pub fn probe_event(&mut self, action: &str, id: &str, actor: &str, attrs: Vec<(String, String)>) {
        self.event("container", action, id, actor, attrs);
        if let Some(e) = self.events.last_mut() {
            e.probe = true;
        }
    }

    pub fn schedule_at(&mut self, at_ms: u64, what: Scheduled) {
        self.seq += 1;
        self.schedule.insert((at_ms, self.seq), what);
    }

    /// When the next scheduled thing happens.
    pub fn next_event_ms(&self) -> Option<u64> {
        self.schedule.keys().next().map(|k| k.0)
    }

    /// Lets `ms` simulated milliseconds pass, running everything scheduled
    /// in between, in order.
    pub fn advance(&mut self, ms: u64) {
        let target = self.now_ms.saturating_add(ms);
        self.advance_to(target);
    }

    pub fn advance_to(&mut self, target: u64) {
        self.advance_until(target, |_| false);
    }

    /// Runs the schedule up to `target`, or only until `done` holds after
    /// something happened (the clock then stays at that moment).
    pub fn advance_until(&mut self, target: u64, done: impl Fn(&World) -> bool) {
        let mut guard = 0u32;
        while let Some(next) = self.schedule.first_entry() {
            if next.key().0 > target {
                break;
            }
            guard += 1;
            if guard > 100_000 {
                break;
            }
            let (key, what) = next.remove_entry();
            if key.0 > self.now_ms {
                self.now_ms = key.0;
            }
            self.run_scheduled(what);
            if done(self) {
                self.revision += 1;
                return;
            }
        }
        if target > self.now_ms {
            self.now_ms = target;
        }
        self.revision += 1;
    }

    fn run_scheduled(&mut self, what: Scheduled) {
        match what {
            Scheduled::Exit { cid, gen } => self.on_process_exit(&cid, gen),
            Scheduled::Health { cid, gen, lookup } => self.on_health_check(&cid, gen, lookup),
            Scheduled::Restart { cid, gen } => self.on_restart(&cid, gen),
        }
    }

    pub fn next_pid(&mut self) -> u32 {
        self.pid_counter += self.rng.below(200) as u32 + 1;
        self.pid_counter
    }

    // ---- lookups -------------------------------------------------------

    /// Finds a container by full id, name (with or without "/") or unique id prefix.
    pub fn container_id(&self, name_or_id: &str) -> EngineResult<String> {
        let key = name_or_id.strip_prefix('/').unwrap_or(name_or_id);
        if key.is_empty() {
            return Err(EngineError::no_such_container(name_or_id));
        }
        if self.containers.contains_key(key) {
            return Ok(key.to_string());
        }
        if let Some(c) = self.containers.values().find(|c| c.name == key) {
            return Ok(c.id.clone());
        }
        if key.bytes().all(|b| b.is_ascii_hexdigit()) {
            let matches: Vec<&String> = self.containers.keys().filter(|id| id.starts_with(key)).collect();
            if matches.len() == 1 {
                return Ok(matches[0].clone());
            }
            if matches.len() > 1 {
                return Err(EngineError::new(ErrorKind::InvalidParameter, format!("multiple IDs found with provided prefix: {key}")));
            }
        }
        Err(EngineError::no_such_container(name_or_id))
    }

    pub fn container(&self, name_or_id: &str) -> EngineResult<&Container> {
        let id = self.container_id(name_or_id)?;
        self.containers.get(&id).ok_or_else(|| EngineError::no_such_container(name_or_id))
    }

    pub fn container_mut(&mut self, name_or_id: &str) -> EngineResult<&mut Container> {
        let id = self.container_id(name_or_id)?;
        self.containers.get_mut(&id).ok_or_else(|| EngineError::no_such_container(name_or_id))
    }

    /// Finds a network by full id, name, or unique id prefix.
    pub fn network_id(&self, name_or_id: &str) -> EngineResult<String> {
        if self.networks.contains_key(name_or_id) {
            return Ok(name_or_id.to_string());
        }
        if let Some(n) = self.networks.values().find(|n| n.name == name_or_id) {
            return Ok(n.id.clone());
        }
        if !name_or_id.is_empty() && name_or_id.bytes().all(|b| b.is_ascii_hexdigit()) {
            let matches: Vec<&String> = self.networks.keys().filter(|id| id.starts_with(name_or_id)).collect();
            if matches.len() == 1 {
                return Ok(matches[0].clone());
            }
        }
        Err(EngineError::not_found(format!("network {name_or_id} not found")))
    }

    pub fn network(&self, name_or_id: &str) -> EngineResult<&Network> {
        let id = self.network_id(name_or_id)?;
        self.networks.get(&id).ok_or_else(|| EngineError::not_found(format!("network {name_or_id} not found")))
    }

    pub fn bridge_id(&self) -> String {
        self.networks.values().find(|n| n.is_default_bridge).map(|n| n.id.clone()).unwrap_or_default()
    }

    /// Total bytes of simulated file content (the session limit).
    pub fn file_bytes(&self) -> u64 {
        self.forest.total_bytes()
    }
}
