//! Builds (`docker build`), as BuildKit's Dockerfile frontend does them.
//!
//! [`World::build`] runs a [`BuildRequest`] and returns a [`BuildOutput`]:
//! the progress vertices (what BuildKit's progress UI shows), the warnings,
//! the failure if any, the image id and a [`BuildRecord`] for the web app.
//! The CLI (`baleine-docker`) renders them; nothing here knows the output
//! format.
//!
//! The cache follows BuildKit's rules: a step's cache key is a hash of its
//! parent's key and of what defines the step (the expanded instruction, the
//! environment and build args a RUN sees, the content checksum of COPY
//! sources after `.dockerignore`). A hit reuses the recorded file tree and
//! layer. For every miss the builder also tells *why*, by comparing with
//! what the same step of the same Dockerfile looked like last time.
//!
//! Code map: this file (state, API, orchestration: definition, metadata,
//! context, export), `build_exec.rs` (stages and instructions),
//! `build_context.rs` (context, checksums, COPY sources), `build_ignore.rs`
//! (`.dockerignore` and globs).

use std::collections::BTreeMap;

use baleine_dockerfile::{Dockerfile, Instruction};
use baleine_vfs::{Content, Node, Tree};
use indexmap::IndexMap;

use crate::build_context::{collect, Context, Hasher};
use crate::build_exec::StageState;
use crate::build_ignore::{read_ignore_file, PatternMatcher};
use crate::images::{catalog_digest, catalog_lookup, Reference};
use crate::model::*;
use crate::util::sha256_hex;
use crate::world::World;

/// Most instructions a Dockerfile may have.
pub const MAX_INSTRUCTIONS: usize = 1000;
/// Most cache records kept (least recently used ones go first).
const MAX_RECORDS: usize = 4000;
/// Most remembered step descriptions (for miss reasons).
const MAX_MEMO: usize = 4000;

/// One cache record: the result of a step.
#[derive(Clone, Debug)]
pub(crate) struct CacheRecord {
    /// BuildKit-style record id (25 characters), as `builder prune` lists.
    pub id: String,
    pub tree: Tree,
    /// (digest, size) of the layer the step produced, if it changed files.
    pub layer: Option<(String, u64)>,
    pub created_ms: u64,
    pub last_used_ms: u64,
    pub used_by_last: bool,
    /// How many times a build used the record (BuildKit's usage count: 1
    /// when created, one more per cache hit).
    pub usage_count: u32,
}

/// When a `RUN --mount=type=cache` directory was created and last used, and
/// how many times it was mounted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MountUse {
    pub created_ms: u64,
    pub last_used_ms: u64,
    pub usage_count: u32,
}

/// What a step of a Dockerfile looked like last time (for miss reasons).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StepMemo {
    pub parent: String,
    pub parent_desc: String,
    pub first: bool,
    pub text: String,
    pub args: Vec<(String, String)>,
    pub env: Vec<(String, String)>,
    pub files: BTreeMap<String, String>,
    pub user: String,
    pub workdir: String,
}

/// Build cache and the record of the last build.
#[derive(Clone, Debug, Default)]
pub struct BuildState {
    pub(crate) records: IndexMap<String, CacheRecord>,
    pub(crate) memo: IndexMap<String, StepMemo>,
    /// `RUN --mount=type=cache` contents, by cache id.
    pub(crate) cache_mounts: BTreeMap<String, Tree>,
    /// Times and usage of the cache mounts, by cache id.
    pub(crate) cache_mount_use: BTreeMap<String, MountUse>,
    /// What the context transfer already sent: "dir\0path" -> checksum.
    pub(crate) sent: BTreeMap<String, String>,
    last: Option<BuildRecord>,
    last_cached: Vec<String>,
    /// Base images the builder pulled itself, by id: their layers are in
    /// the layer store but the image store has no record of them.
    pub(crate) bases: IndexMap<String, crate::model::Image>,
}

impl BuildState {
    /// Whether the build cache still references a layer (so rmi keeps it).
    pub fn keeps_layer(&self, digest: &str) -> bool {
        self.records.values().any(|r| r.layer.as_ref().is_some_and(|(d, _)| d == digest)) || self.bases.values().any(|i| i.layers.iter().any(|d| d == digest))
    }
    /// Bytes held by the build cache.
    pub fn cache_size(&self) -> u64 {
        let layers: u64 = self.records.values().filter_map(|r| r.layer.as_ref()).map(|l| l.1).sum();
        let mounts: u64 = self.cache_mounts.values().map(Tree::size).sum();
        layers + mounts
    }
    /// Number of cache records.
    pub fn cache_entries(&self) -> usize {
        self.records.len() + self.cache_mounts.len()
    }
    /// `docker builder prune [-a]`: removed record ids and reclaimed bytes.
    /// Without `all`, records the last build did not use and cache mounts go.
    pub fn prune(&mut self, all: bool) -> (Vec<String>, u64) {
        let removed = self.prune_records(all);
        let total = removed.iter().map(|r| r.size).sum();
        (removed.into_iter().map(|r| r.id).collect(), total)
    }

    /// Like [`BuildState::prune`], with each removed record's size and last use.
    pub fn prune_records(&mut self, all: bool) -> Vec<PrunedRecord> {
        self.prune_where(all, &|_| true)
    }

    /// The build cache records as the daemon's disk usage lists them
    /// (BuildKit cache/manager.go DiskUsage), in the order of docker/cli
    /// formatter/buildcache.go buildCacheSort: least recently used first,
    /// then by id.
    pub fn entries(&self) -> Vec<CacheEntry> {
        let mut out: Vec<CacheEntry> = self
            .records
            .values()
            .map(|r| CacheEntry { id: r.id.clone(), size: r.layer.as_ref().map(|l| l.1).unwrap_or(0), created_ms: r.created_ms, last_used_ms: r.last_used_ms, usage_count: r.usage_count, mutable: false, used_by_last_build: r.used_by_last })
            .collect();
        for (id, tree) in &self.cache_mounts {
            let u = self.cache_mount_use.get(id).copied().unwrap_or_default();
            out.push(CacheEntry { id: record_id(&format!("cache-mount:{id}")), size: tree.size(), created_ms: u.created_ms, last_used_ms: u.last_used_ms, usage_count: u.usage_count.max(1), mutable: true, used_by_last_build: false });
        }
        baleine_util::sort_by(&mut out, |a, b| a.last_used_ms.cmp(&b.last_used_ms).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// `docker builder prune` / the build cache part of `docker system
    /// prune`, removing only the records `eligible` accepts (say, those
    /// last used at or before an `until` time: BuildKit keeps what was used
    /// after the cut-off). Without `all`, records the last build used stay.
    pub fn prune_where(&mut self, all: bool, eligible: &dyn Fn(&CacheEntry) -> bool) -> Vec<PrunedRecord> {
        let entries = self.entries();
        let chosen = |id: &str| entries.iter().any(|e| e.id == id && (all || !e.used_by_last_build) && eligible(e));
        let mut out = Vec::new();
        let keys: Vec<String> = self.records.iter().filter(|(_, r)| chosen(&r.id)).map(|(k, _)| k.clone()).collect();
        for k in keys {
            if let Some(r) = self.records.shift_remove(&k) {
                out.push(PrunedRecord { id: r.id, size: r.layer.map(|l| l.1).unwrap_or(0), last_used_ms: r.last_used_ms, mutable: false });
            }
        }
        let mounts: Vec<String> = self.cache_mounts.keys().filter(|id| chosen(&record_id(&format!("cache-mount:{id}")))).cloned().collect();
        for id in mounts {
            if let Some(tree) = self.cache_mounts.remove(&id) {
                let u = self.cache_mount_use.remove(&id).unwrap_or_default();
                out.push(PrunedRecord { id: record_id(&format!("cache-mount:{id}")), size: tree.size(), last_used_ms: u.last_used_ms, mutable: true });
            }
        }
        if all && self.records.is_empty() && self.cache_mounts.is_empty() {
            self.sent.clear();
            self.bases.clear();
        }
        out
    }

    /// The last build, if any.
    pub fn view(&self) -> Option<BuildRecord> {
        self.last.clone()
    }
    /// Layer digests the last build took from the cache.
    pub fn cached_layers(&self) -> Vec<String> {
        self.last_cached.clone()
    }

    pub(crate) fn remember(&mut self, position: &str, memo: StepMemo) {
        self.memo.shift_remove(position);
        self.memo.insert(position.to_string(), memo);
        while self.memo.len() > MAX_MEMO {
            self.memo.shift_remove_index(0);
        }
    }

    pub(crate) fn insert_record(&mut self, key: String, rec: CacheRecord) {
        self.records.insert(key, rec);
        if self.records.len() > MAX_RECORDS {
            if let Some(oldest) = self.records.iter().filter(|(_, r)| !r.used_by_last).min_by_key(|(_, r)| r.last_used_ms).map(|(k, _)| k.clone()) {
                self.records.shift_remove(&oldest);
            }
        }
    }
}

/// A build cache record as `docker system df -v` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheEntry {
    /// The 25-character record id (df -v shows its first 12).
    pub id: String,
    pub size: u64,
    pub created_ms: u64,
    pub last_used_ms: u64,
    pub usage_count: u32,
    /// A cache mount (CACHE TYPE `exec.cachemount`), else `regular`.
    pub mutable: bool,
    /// The last build used it (a prune without `--all` keeps it).
    pub used_by_last_build: bool,
}

/// A cache record removed by `docker builder prune`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrunedRecord {
    pub id: String,
    pub size: u64,
    pub last_used_ms: u64,
    /// Cache mounts are mutable records (shown with `*`).
    pub mutable: bool,
}

/// A 25-character BuildKit-style id (`identity.NewID`) derived from `seed`.
pub(crate) fn record_id(seed: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let h = sha256_hex(seed);
    h.as_bytes().chunks(2).take(25).map(|c| ALPHABET[(u8::from_str_radix(std::str::from_utf8(c).unwrap_or("0"), 16).unwrap_or(0) % 36) as usize] as char).collect()
}

/// A plain record of the last build, for the web app's build panel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildRecord {
    pub tags: Vec<String>,
    pub ok: bool,
    pub steps: Vec<StepRecord>,
    pub stages: Vec<StageRecord>,
    pub findings: Vec<FindingRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepRecord {
    pub name: String,
    pub stage: String,
    pub cached: bool,
    pub reason: Option<String>,
    pub duration_ms: u64,
    pub error: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageRecord {
    pub name: String,
    pub base: String,
    pub from_stages: Vec<String>,
    pub skipped: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindingRecord {
    pub rule: String,
    pub line: usize,
    pub message: String,
    pub explain_en: String,
    pub explain_fr: String,
}

// ---------------------------------------------------------------- API

/// What `docker build` asks for. Paths are absolute host paths.
#[derive(Clone, Debug, Default)]
pub struct BuildRequest {
    pub context_dir: String,
    /// Host path of the Dockerfile (None: `<context>/Dockerfile`).
    pub dockerfile_path: Option<String>,
    /// The Dockerfile itself (`-f -`).
    pub dockerfile_text: Option<String>,
    /// Tags as typed (validated by the caller).
    pub tags: Vec<String>,
    pub target: Option<String>,
    pub build_args: Vec<(String, String)>,
    pub labels: Vec<(String, String)>,
    pub no_cache: bool,
    /// `--no-cache-filter`: stage names that must not use the cache.
    pub no_cache_filter: Vec<String>,
    pub pull: bool,
    /// "default", "none" or "host".
    pub network: String,
    /// Secrets by id.
    pub secrets: Vec<(String, Vec<u8>)>,
    /// `--check`: only the definition, metadata and lint.
    pub check_only: bool,
    /// `-o type=local,dest=DIR`: export the files instead of an image.
    pub output_local: Option<String>,
}

/// A sub-status of a vertex (` => => transferring context: 2.05kB`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VertexStatus {
    pub id: String,
    pub current: u64,
    pub total: u64,
    pub ms: u64,
}

/// One vertex of BuildKit's progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vertex {
    /// Full name, e.g. `[internal] load build definition from Dockerfile`,
    /// `[builder 2/5] RUN npm install`.
    pub name: String,
    /// False for vertices of the graph that never started (failed build).
    pub started: bool,
    pub cached: bool,
    pub ms: u64,
    pub statuses: Vec<VertexStatus>,
    /// (ms since the vertex started, line) of RUN output.
    pub logs: Vec<(u64, String)>,
    /// The vertex's error (without `failed to solve: `).
    pub error: Option<String>,
    /// Short texts of warnings attached to this vertex.
    pub warnings: Vec<String>,
    /// Index into `BuildOutput::explain` for steps.
    pub step: Option<usize>,
}

/// A BuildKit build check warning (from the Dockerfile parser).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildWarning {
    pub rule: String,
    pub message: String,
    pub line: usize,
    pub url: String,
}

impl BuildWarning {
    /// `JSONArgsRecommended: JSON arguments ... (line 7)`.
    pub fn short(&self) -> String {
        if self.line > 0 {
            format!("{}: {} (line {})", self.rule, self.message, self.line)
        } else {
            format!("{}: {}", self.rule, self.message)
        }
    }
}

/// Why the build failed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildFailure {
    /// What follows `ERROR: `, e.g. `failed to solve: process "/bin/sh -c x" did not complete successfully: exit code: 1`.
    pub message: String,
    /// Dockerfile lines the error points at (first, last), 1-based.
    pub lines: Option<(usize, usize)>,
}

/// Why a step ran or came from the cache (`--explain`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explanation {
    pub name: String,
    pub cached: bool,
    pub reason: String,
}

/// Everything a build produced.
#[derive(Clone, Debug, Default)]
pub struct BuildOutput {
    pub vertices: Vec<Vertex>,
    pub total_ms: u64,
    /// 64-hex image id (no `sha256:`).
    pub image_id: Option<String>,
    /// Full names the image was tagged with (`docker.io/library/app:1.0`).
    pub named: Vec<String>,
    pub failure: Option<BuildFailure>,
    pub warnings: Vec<BuildWarning>,
    pub dockerfile_name: String,
    pub dockerfile_text: String,
    pub explain: Vec<Explanation>,
    pub lint: Vec<baleine_dockerfile::lint::Finding>,
    /// Remarks of the simulator (things it does not model).
    pub notes: Vec<String>,
    pub record: BuildRecord,
}

// ---------------------------------------------------------------- builder

/// Where a stage starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    Scratch,
    Stage(usize),
    /// Normalised reference (`docker.io/library/node:18-alpine`) and the name as written.
    Image(String, String),
}

#[derive(Clone, Debug)]
pub(crate) struct StagePlan {
    pub display: String,
    pub base: Base,
    pub base_text: String,
    pub reachable: bool,
    pub cmd_total: usize,
    pub deps: Vec<usize>,
    pub from_names: Vec<String>,
    /// `COPY --from` / `RUN --mount from=` of this stage naming a stage that
    /// is defined at or after it: (stage, lines). BuildKit fails on it when
    /// it dispatches the instruction (or earlier, on a cycle).
    pub forward: Vec<(usize, (usize, usize))>,
}

/// An image a stage or `COPY --from` uses.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    pub id: String,
    /// `docker.io/library/node:18-alpine@sha256:...`
    pub pinned: String,
    pub pulled: bool,
}

pub(crate) struct Builder<'a> {
    pub world: &'a mut World,
    pub state: BuildState,
    pub req: &'a BuildRequest,
    pub df: Dockerfile,
    pub out: BuildOutput,
    pub ctx: Option<Context>,
    pub ignore: PatternMatcher,
    pub hasher: Hasher,
    pub global_args: Vec<(String, Option<String>)>,
    pub plans: Vec<StagePlan>,
    pub finals: Vec<Option<StageState>>,
    pub images: BTreeMap<String, Resolved>,
    /// Implicit image sources (`COPY --from=nginx:alpine`), normalised.
    pub implicit: Vec<(String, String, usize, usize)>,
    pub position: String,
    pub cached_layers: Vec<String>,
    pub used_keys: Vec<String>,
    /// Vertices of the graph that will not run because of a failure.
    pub pending_steps: usize,
    /// Order in which BuildKit's LLB marshalling first reaches each stage
    /// (depth first from the target); identical ops of several stages are
    /// one vertex named after the stage reached last.
    pub stage_rank: Vec<usize>,
    /// Steps solved in this build: cache key -> (vertex index, stage rank).
    pub solved: BTreeMap<String, (usize, usize)>,
}

/// Failure of one phase: already recorded in `out.failure`.
pub(crate) struct Failed;

pub(crate) type Step<T> = Result<T, Failed>;

/// Deterministic pseudo-random milliseconds in [lo, hi) from a seed.
pub(crate) fn jitter(seed: &str, lo: u64, hi: u64) -> u64 {
    let h = sha256_hex(seed);
    lo + u64::from_str_radix(&h[..8], 16).unwrap_or(0) % (hi - lo).max(1)
}

/// Reads a host file as text.
pub(crate) fn host_text(world: &World, path: &str) -> Option<Result<String, ()>> {
    match world.forest.tree(world.host_tree).get(path)? {
        Node::File(f) => Some(Ok(match &f.content {
            Content::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            Content::Opaque { .. } => String::new(),
        })),
        _ => Some(Err(())),
    }
}

/// BuildKit's documentation URL for a build check.
pub fn check_url(rule: &str) -> String {
    let mut kebab = String::new();
    let chars: Vec<char> = rule.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev_lower = i > 0 && chars[i - 1].is_ascii_lowercase();
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if i > 0 && (prev_lower || (next_lower && chars[i - 1].is_ascii_uppercase())) {
                kebab.push('-');
            }
            kebab.push(c.to_ascii_lowercase());
        } else {
            kebab.push(*c);
        }
    }
    format!("https://docs.docker.com/go/dockerfile/rule/{kebab}/")
}

impl World {
    /// Runs a build. Never panics; the result says what happened.
    pub fn build(&mut self, req: &BuildRequest) -> BuildOutput {
        let mut state = std::mem::take(&mut self.build);
        if !req.check_only {
            for r in state.records.values_mut() {
                r.used_by_last = false;
            }
        }
        let mut b = Builder {
            world: self,
            state,
            req,
            df: baleine_dockerfile::parse(""),
            out: BuildOutput::default(),
            ctx: None,
            ignore: PatternMatcher::default(),
            hasher: Hasher::default(),
            global_args: Vec::new(),
            plans: Vec::new(),
            finals: Vec::new(),
            images: BTreeMap::new(),
            implicit: Vec::new(),
            position: String::new(),
            cached_layers: Vec::new(),
            used_keys: Vec::new(),
            pending_steps: 0,
            stage_rank: Vec::new(),
            solved: BTreeMap::new(),
        };
        let ok = b.run().is_ok();
        b.finish(ok)
    }
}

impl Builder<'_> {
    /// A build check found while dispatching (BuildKit reports it on the
    /// "load build definition" vertex like the parser's checks): inserted in
    /// line order after the warnings of the same line.
    pub(crate) fn late_warning(&mut self, rule: &str, message: String, line: usize) {
        if self.df.check_skipped(rule) {
            return;
        }
        let bw = BuildWarning { url: check_url(rule), rule: rule.to_string(), message, line };
        if self.out.warnings.contains(&bw) {
            return;
        }
        let at = self.out.warnings.iter().rposition(|w| w.line <= line).map(|i| i + 1).unwrap_or(0);
        self.out.warnings.insert(at, bw);
        if let Some(v) = self.out.vertices.iter_mut().find(|v| v.name.starts_with("[internal] load build definition from ")) {
            v.warnings = self.out.warnings.iter().map(BuildWarning::short).collect();
        }
    }

    pub(crate) fn fail(&mut self, message: String, lines: Option<(usize, usize)>) -> Failed {
        self.out.failure = Some(BuildFailure { message, lines });
        Failed
    }

    /// Adds a finished vertex and lets its time pass.
    pub(crate) fn push(&mut self, v: Vertex) {
        self.world.advance(v.ms);
        self.out.total_ms += v.ms;
        self.out.vertices.push(v);
    }

    fn run(&mut self) -> Step<()> {
        self.load_definition()?;
        self.plan_stages()?;
        self.load_metadata()?;
        self.load_dockerignore()?;
        self.collect_lint();
        if self.req.check_only {
            self.check_dispatch();
            return Ok(());
        }
        self.dispatch_all()?;
        self.export()
    }

    // ------------------------------------------------------------ definition

    fn load_definition(&mut self) -> Step<()> {
        let (name, path) = match (&self.req.dockerfile_text, &self.req.dockerfile_path) {
            (Some(_), _) => ("Dockerfile".to_string(), None),
            (None, Some(p)) => (baleine_vfs::basename(p).to_string(), Some(p.clone())),
            (None, None) => ("Dockerfile".to_string(), Some(baleine_vfs::join(&self.req.context_dir, "Dockerfile"))),
        };
        self.out.dockerfile_name = name.clone();
        let vname = format!("[internal] load build definition from {name}");
        let text = match (&self.req.dockerfile_text, &path) {
            (Some(t), _) => Some(Ok(t.clone())),
            (None, Some(p)) => host_text(self.world, p),
            (None, None) => None,
        };
        let text = match text {
            Some(Ok(t)) => t,
            other => {
                self.push(Vertex { name: vname, started: true, ms: 12, statuses: vec![VertexStatus { id: "transferring dockerfile:".into(), current: 2, total: 0, ms: 5 }], ..Default::default() });
                let why = if matches!(other, Some(Err(()))) { "is a directory" } else { "no such file or directory" };
                let msg = if why == "is a directory" { format!("failed to solve: failed to read dockerfile: read {name}: is a directory") } else { format!("failed to solve: failed to read dockerfile: open {name}: no such file or directory") };
                return Err(self.fail(msg, None));
            }
        };
        let key = format!("{}\u{1}dockerfile:{}", self.req.context_dir, path.clone().unwrap_or_else(|| "-".into()));
        let digest = sha256_hex(&text);
        let sent = if self.state.sent.get(&key) == Some(&digest) { 32 } else { text.len() as u64 + 32 };
        self.state.sent.insert(key, digest);
        self.position = format!("{}|{}", self.req.context_dir, path.unwrap_or_else(|| "-".into()));
        let df = baleine_dockerfile::parse(&text);
        self.out.dockerfile_text = text;
        let mut v = Vertex { name: vname, started: true, ms: 20 + sent / 4000, statuses: vec![VertexStatus { id: "transferring dockerfile:".into(), current: sent, total: 0, ms: 8 }], ..Default::default() };
        let first_error = df.errors().next().cloned();
        if first_error.is_none() {
            for w in df.warnings() {
                let rule = w.code.unwrap_or("Warning").to_string();
                let bw = BuildWarning { url: check_url(&rule), rule, message: w.message.clone(), line: w.line };
                v.warnings.push(bw.short());
                self.out.warnings.push(bw);
            }
        }
        self.push(v);
        if let Some(syntax) = df.syntax.clone() {
            self.syntax_frontend(&syntax);
        }
        if let Some(e) = first_error {
            // Errors without a location (convert.go: errors.New("dockerfile
            // contains no stages to build")) print no excerpt.
            let lines = if e.message.starts_with("the Dockerfile cannot be empty") || e.message == "file with no instructions" || e.message == "dockerfile contains no stages to build" { None } else { Some((e.line, e.line)) };
            let msg = format!("failed to solve: {}", e.message);
            self.df = df;
            return Err(self.fail(msg, lines));
        }
        let count: usize = df.stages.iter().map(|s| s.instructions.len() + 1).sum::<usize>() + df.global_args.len();
        self.df = df;
        if count > MAX_INSTRUCTIONS {
            return Err(self.fail(format!("failed to solve: baleine: this Dockerfile has {count} instructions; the simulator builds at most {MAX_INSTRUCTIONS}"), None));
        }
        Ok(())
    }

    /// `# syntax=docker/dockerfile:1.4`: BuildKit loads that frontend image
    /// first (downloaded once, then CACHED).
    fn syntax_frontend(&mut self, syntax: &str) {
        let name = syntax.trim().strip_prefix("docker-image://").unwrap_or(syntax.trim());
        let full = match Reference::parse(name) {
            Ok(r) if r.path == "docker/dockerfile" || r.path == "docker/dockerfile-upstream" => r.full(),
            _ => {
                self.out.notes.push(format!("# syntax={syntax}: the simulator always uses its built-in Dockerfile frontend"));
                return;
            }
        };
        let digest = sha256_hex(&format!("frontend:{full}"));
        let seed = format!("{full}:{}", self.world.now_ms);
        self.push(Vertex { name: format!("resolve image config for docker-image://{full}"), started: true, ms: jitter(&seed, 400, 1300), ..Default::default() });
        let key = format!("\0frontend:{full}");
        let pinned = format!("docker-image://{full}@sha256:{digest}");
        if self.state.sent.contains_key(&key) {
            self.push(Vertex { name: pinned, started: true, cached: true, ..Default::default() });
            return;
        }
        self.state.sent.insert(key, digest.clone());
        let size = 12_000_000 + u64::from_str_radix(&digest[..5], 16).unwrap_or(0) * 2;
        let blob = sha256_hex(&format!("frontend-layer:{full}"));
        let statuses = vec![
            VertexStatus { id: format!("resolve {}@sha256:{digest}", full), current: 0, total: 0, ms: 20 },
            VertexStatus { id: format!("sha256:{blob}"), current: size, total: size, ms: 150 + size / 25_000 },
            VertexStatus { id: format!("extracting sha256:{blob}"), current: 0, total: 0, ms: 40 + size / 60_000 },
        ];
        let ms = statuses.iter().map(|s| s.ms).sum::<u64>() + 30;
        self.push(Vertex { name: pinned, started: true, ms, statuses, ..Default::default() });
    }

    // ------------------------------------------------------------ stages

    fn build_arg(&self, name: &str) -> Option<String> {
        self.req.build_args.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    pub(crate) fn global(&self, name: &str) -> Option<String> {
        self.global_args.iter().rev().find(|(k, _)| k == name).and_then(|(_, v)| v.clone())
    }

    fn plan_stages(&mut self) -> Step<()> {
        let platform = [("TARGETPLATFORM", "linux/amd64"), ("TARGETOS", "linux"), ("TARGETARCH", "amd64"), ("TARGETVARIANT", ""), ("BUILDPLATFORM", "linux/amd64"), ("BUILDOS", "linux"), ("BUILDARCH", "amd64"), ("BUILDVARIANT", "")];
        for (k, v) in platform {
            self.global_args.push((k.to_string(), Some(v.to_string())));
        }
        let escape = self.df.escape;
        for decl in self.df.global_args.clone() {
            let value = match self.build_arg(&decl.name) {
                Some(v) => Some(v),
                None => match &decl.default {
                    Some(d) => {
                        let env = |k: &str| self.global(k);
                        match baleine_dockerfile::expand::expand_word(d, &env, escape) {
                            Ok(v) => Some(v),
                            Err(e) => return Err(self.fail(format!("failed to solve: {}", baleine_dockerfile::expand::process_error(d, &e)), None)),
                        }
                    }
                    None => None,
                },
            };
            self.global_args.push((decl.name.clone(), value));
        }
        // validateBaseImagesWithDefaultArgs (InvalidDefaultArgInFrom): the
        // base names with the ARG defaults only, as if no --build-arg.
        {
            let mut defaults: Vec<(String, Option<String>)> = platform.iter().map(|(k, v)| (k.to_string(), Some(v.to_string()))).collect();
            let mut ok = true;
            for decl in &self.df.global_args {
                let value = match &decl.default {
                    Some(d) => {
                        let env = |k: &str| defaults.iter().rev().find(|(n, _)| n == k).and_then(|(_, v)| v.clone());
                        match baleine_dockerfile::expand::expand_word(d, &env, escape) {
                            Ok(v) => Some(v),
                            Err(_) => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    None => None,
                };
                defaults.push((decl.name.clone(), value));
            }
            if ok {
                let env = |k: &str| defaults.iter().rev().find(|(n, _)| n == k).and_then(|(_, v)| v.clone());
                let mut bad = Vec::new();
                for stage in &self.df.stages {
                    match baleine_dockerfile::expand::expand_word(&stage.base, &env, escape) {
                        Ok(name) => {
                            if Reference::parse(&name).is_err() {
                                bad.push((stage.base.clone(), stage.line));
                            }
                        }
                        Err(_) => break,
                    }
                }
                for (base, line) in bad {
                    self.late_warning("InvalidDefaultArgInFrom", format!("Default value for ARG {base} results in empty or invalid base image name"), line);
                }
            }
        }
        let n = self.df.stages.len();
        let mut names: Vec<Option<String>> = Vec::new();
        let mut plans = Vec::new();
        for i in 0..n {
            let stage = self.df.stages[i].clone();
            let env = |k: &str| self.global(k);
            let base_text = match baleine_dockerfile::expand::expand_word(&stage.base, &env, escape) {
                Ok(v) => v,
                Err(e) => return Err(self.fail(format!("failed to solve: {}", baleine_dockerfile::expand::process_error(&stage.base, &e)), Some((stage.line, stage.line)))),
            };
            if base_text.is_empty() {
                return Err(self.fail(format!("failed to solve: base name ({}) should not be blank", stage.base), Some((stage.line, stage.line))));
            }
            let lower = base_text.to_lowercase();
            let base = if let Some(j) = names.iter().rposition(|n| n.as_deref() == Some(lower.as_str())) {
                Base::Stage(j)
            } else if lower == "scratch" {
                Base::Scratch
            } else {
                match Reference::parse(&base_text) {
                    Ok(r) => Base::Image(r.full(), base_text.clone()),
                    Err(e) => return Err(self.fail(format!("failed to solve: failed to parse stage name {:?}: {}", base_text, e.message), Some((stage.line, stage.line)))),
                }
            };
            let mut total = usize::from(matches!(base, Base::Image(..)));
            for ins in &stage.instructions {
                if matches!(ins.kind, Instruction::Run { .. } | Instruction::Copy { .. } | Instruction::Add { .. } | Instruction::Workdir(_)) {
                    total += 1;
                }
            }
            names.push(stage.name.clone());
            plans.push(StagePlan { display: stage.name.clone().unwrap_or_else(|| format!("stage-{i}")), base, base_text, reachable: false, cmd_total: total, deps: Vec::new(), from_names: Vec::new(), forward: Vec::new() });
        }
        // Dependencies: COPY --from and RUN --mount from=.
        for i in 0..n {
            let stage = self.df.stages[i].clone();
            for ins in &stage.instructions {
                let mut froms: Vec<String> = Vec::new();
                match &ins.kind {
                    Instruction::Copy { from: Some(f), .. } => froms.push(f.clone()),
                    Instruction::Run { mounts, .. } => froms.extend(mounts.iter().filter_map(|m| m.from.clone())),
                    _ => {}
                }
                for f in froms {
                    let env = |k: &str| self.global(k);
                    let f = baleine_dockerfile::expand::expand_word(&f, &env, escape).unwrap_or(f);
                    let idx = if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) { f.parse::<usize>().ok().filter(|x| *x < n) } else { names.iter().rposition(|s| s.as_deref() == Some(f.to_lowercase().as_str())) };
                    match idx {
                        Some(j) if j >= i => {
                            if !plans[i].deps.contains(&j) {
                                plans[i].deps.push(j);
                            }
                            plans[i].forward.push((j, (ins.line, ins.end_line)));
                        }
                        Some(j) => {
                            if !plans[i].deps.contains(&j) {
                                plans[i].deps.push(j);
                                let dn = plans[j].display.clone();
                                plans[i].from_names.push(dn);
                            }
                        }
                        None => match Reference::parse(&f) {
                            Ok(r) => {
                                if !self.implicit.iter().any(|(full, _, _, _)| *full == r.full()) {
                                    // toCommand: the implicit stage's location is the COPY's.
                                    self.implicit.push((r.full(), f.clone(), i, ins.line));
                                }
                                if !plans[i].from_names.contains(&f) {
                                    plans[i].from_names.push(f.clone());
                                }
                            }
                            Err(e) => return Err(self.fail(format!("failed to solve: failed to parse stage name {:?}: {}", f, e.message), Some((ins.line, ins.end_line)))),
                        },
                    }
                }
            }
            if let Base::Stage(j) = plans[i].base {
                plans[i].deps.push(j);
            }
        }
        // validateCircularDependency: a stage that copies from itself, or
        // stages that copy from each other.
        if let Some((i, lines)) = circular(&plans) {
            return Err(self.fail(format!("failed to solve: circular dependency detected on stage: {}", plans[i].display), Some(lines)));
        }
        if n + self.implicit.len() == 1 {
            if let Some(p) = plans.first_mut() {
                p.display = String::new();
            }
        }
        let target = match &self.req.target {
            Some(t) => match names.iter().rposition(|s| s.as_deref() == Some(t.to_lowercase().as_str())) {
                Some(i) => i,
                None => return Err(self.fail(format!("failed to solve: target stage {t:?} could not be found"), None)),
            },
            None => n.saturating_sub(1),
        };
        let mut todo = vec![target];
        while let Some(i) = todo.pop() {
            if let Some(p) = plans.get_mut(i) {
                if !p.reachable {
                    p.reachable = true;
                    todo.extend(p.deps.clone());
                }
            }
        }
        // Implicit image sources only count when their stage is reachable.
        let reach: Vec<bool> = plans.iter().map(|p| p.reachable).collect();
        self.implicit.retain(|(_, _, i, _)| reach.get(*i).copied().unwrap_or(false));
        self.finals = vec![None; n];
        self.plans = plans;
        Ok(())
    }

    // ------------------------------------------------------------ metadata

    fn load_metadata(&mut self) -> Step<()> {
        let mut wanted: Vec<(String, String, usize)> = Vec::new();
        for (i, p) in self.plans.iter().enumerate() {
            if let (true, Base::Image(full, written)) = (p.reachable, &p.base) {
                if !wanted.iter().any(|w| w.0 == *full) {
                    wanted.push((full.clone(), written.clone(), self.df.stages[i].line));
                }
            }
        }
        for (full, written, _, line) in self.implicit.clone() {
            if !wanted.iter().any(|w| w.0 == full) {
                wanted.push((full, written, line));
            }
        }
        for (full, written, line) in wanted {
            self.resolve_image(&full, &written, line)?;
        }
        Ok(())
    }

    fn resolve_image(&mut self, full: &str, written: &str, line: usize) -> Step<()> {
        let name = format!("[internal] load metadata for {full}");
        let reference = match Reference::parse(full) {
            Ok(r) => r,
            Err(e) => return Err(self.fail(format!("failed to solve: {}", e.message), Some((line, line)))),
        };
        let familiar = reference.familiar();
        let local = self.world.image_id(&familiar);
        let in_catalog = catalog_lookup(&reference).is_some() || self.world.registry.contains_key(&reference.full());
        let seed = format!("{full}:{}", self.world.now_ms);
        if let (Some(id), false) = (&local, self.req.pull && in_catalog) {
            let ms = if in_catalog { jitter(&seed, 300, 1300) } else { 0 };
            let pinned = self.pinned(&reference, id);
            self.images.insert(full.to_string(), Resolved { id: id.clone(), pinned, pulled: false });
            self.push(Vertex { name, started: true, ms, ..Default::default() });
            return Ok(());
        }
        // `--pull` of an image the store has refreshes it there; otherwise
        // the builder pulls for itself (nothing is tagged).
        let fetched = if local.is_some() {
            self.world.pull(&familiar).map(|r| {
                let pulled = !r.up_to_date;
                (r.image_id, pulled)
            })
        } else {
            self.world.pull_for_build(&familiar).map(|img| {
                let id = img.id.clone();
                let fresh = !self.world.images.contains_key(&id) && !self.state.bases.contains_key(&id);
                self.state.bases.insert(id.clone(), img);
                (id, fresh)
            })
        };
        match fetched {
            Ok((id, pulled)) => {
                let pinned = self.pinned(&reference, &id);
                self.images.insert(full.to_string(), Resolved { id, pinned, pulled });
                self.push(Vertex { name, started: true, ms: jitter(&seed, 600, 1600), ..Default::default() });
                Ok(())
            }
            Err(e) => {
                let detail = if e.message.starts_with("pull access denied") {
                    "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed".to_string()
                } else if e.message.starts_with("manifest for") {
                    format!("{full}: not found")
                } else if reference.domain != "docker.io" {
                    let host = reference.domain.split(':').next().unwrap_or("").to_string();
                    format!("failed to do request: Head \"https://{}/v2/{}/manifests/{}\": dial tcp: lookup {host}: no such host", reference.domain, reference.path, reference.tag_or_latest())
                } else {
                    e.message.clone()
                };
                let mut msg = format!("{written}: failed to resolve source metadata for {full}: {detail}");
                if let Some(s) = suggest(written, &self.stage_names()) {
                    msg.push_str(&format!(" (did you mean {s}?)"));
                }
                self.push(Vertex { name, started: true, ms: jitter(&seed, 400, 1200), error: Some(msg.clone()), ..Default::default() });
                Err(self.fail(format!("failed to solve: {msg}"), Some((line, line))))
            }
        }
    }

    /// An image the build can start from: in the image store, or a base
    /// image the builder pulled for itself.
    pub(crate) fn base_image(&self, id: &str) -> Option<&crate::model::Image> {
        self.world.images.get(id).or_else(|| self.state.bases.get(id))
    }

    fn stage_names(&self) -> Vec<String> {
        self.df.stages.iter().filter_map(|s| s.name.clone()).collect()
    }

    fn pinned(&self, reference: &Reference, id: &str) -> String {
        let digest = match catalog_lookup(reference) {
            Some(c) => catalog_digest(c),
            None => self
                .base_image(id)
                .and_then(|img| img.repo_digests.first())
                .and_then(|d| d.split_once("@sha256:").map(|x| x.1.to_string()))
                .unwrap_or_else(|| id.to_string()),
        };
        format!("{}@sha256:{digest}", reference.full())
    }

    // ------------------------------------------------------------ .dockerignore

    fn load_dockerignore(&mut self) -> Step<()> {
        let mut candidates = Vec::new();
        if let (None, Some(p)) = (&self.req.dockerfile_text, &self.req.dockerfile_path) {
            candidates.push(format!("{p}.dockerignore"));
        }
        if !self.req.context_dir.is_empty() {
            candidates.push(baleine_vfs::join(&self.req.context_dir, ".dockerignore"));
        }
        let mut found: Option<(String, String)> = None;
        for c in candidates {
            if let Some(Ok(t)) = host_text(self.world, &c) {
                found = Some((c, t));
                break;
            }
        }
        let key = format!("{}\u{1}dockerignore", self.req.context_dir);
        let sent = match &found {
            Some((_, t)) => {
                let d = sha256_hex(t);
                let s = if self.state.sent.get(&key) == Some(&d) { 2 } else { t.len() as u64 + 32 };
                self.state.sent.insert(key, d);
                s
            }
            None => {
                self.state.sent.remove(&key);
                2
            }
        };
        self.push(Vertex { name: "[internal] load .dockerignore".into(), started: true, ms: 15, statuses: vec![VertexStatus { id: "transferring context:".into(), current: sent, total: 0, ms: 5 }], ..Default::default() });
        let patterns = found.as_ref().map(|(_, t)| read_ignore_file(t)).unwrap_or_default();
        match PatternMatcher::new(&patterns) {
            Ok(pm) => self.ignore = pm,
            Err(e) => return Err(self.fail(format!("failed to solve: failed to parse dockerignore patterns: {e}"), None)),
        }
        // The context listing (for the linter and COPY).
        if self.req.context_dir.is_empty() {
            // `docker build - < Dockerfile`: an empty context.
            self.ctx = Some(Context::default());
        } else if let Some(root) = self.world.forest.tree(self.world.host_tree).get(&self.req.context_dir) {
            let mut ctx = collect(&self.req.context_dir, &root, &self.ignore);
            // Files sent by the client belong to root in the build.
            if let Some(r) = ctx.tree.get("/") {
                let _ = ctx.tree.put("/", crate::build_context::remeta(&r, Some((0, 0)), None), false);
            }
            self.ctx = Some(ctx);
        }
        Ok(())
    }

    fn collect_lint(&mut self) {
        let lc = baleine_dockerfile::lint::LintContext {
            context_files: self.ctx.as_ref().map(|c| c.files.clone()).unwrap_or_default(),
            has_dockerignore: self.req.context_dir.is_empty() || host_text(self.world, &baleine_vfs::join(&self.req.context_dir, ".dockerignore")).is_some_and(|r| r.is_ok()),
        };
        self.out.lint = baleine_dockerfile::lint::lint(&self.df, &lc);
        self.out.record.findings = self
            .out
            .lint
            .iter()
            .map(|f| FindingRecord { rule: f.rule.to_string(), line: f.line, message: f.message.clone(), explain_en: f.explain_en.to_string(), explain_fr: f.explain_fr.to_string() })
            .collect();
    }

    /// Whether any reachable stage reads the build context.
    pub(crate) fn uses_context(&self) -> bool {
        self.df.stages.iter().zip(&self.plans).filter(|(_, p)| p.reachable).any(|(s, _)| {
            s.instructions.iter().any(|i| match &i.kind {
                Instruction::Copy { from: None, srcs, .. } => !srcs.is_empty(),
                Instruction::Add { srcs, .. } => srcs.iter().any(|s| !is_url(s)),
                Instruction::Run { mounts, .. } => mounts.iter().any(|m| m.kind == "bind" && m.from.is_none()),
                _ => false,
            })
        })
    }

    /// The `[internal] load build context` vertex.
    pub(crate) fn load_context_vertex(&mut self) -> Step<()> {
        let Some(ctx) = self.ctx.clone() else {
            return Ok(());
        };
        // What the transfer sends: files the COPY sources can reach, and
        // only those that changed since the last transfer of this context.
        let prefixes = self.followed_prefixes();
        let mut sent = 0u64;
        let mut any = false;
        for f in &ctx.files {
            if !prefixes.iter().any(|p| p.is_empty() || f == p || f.starts_with(&format!("{p}/"))) {
                continue;
            }
            any = true;
            let node = ctx.tree.get(&format!("/{f}"));
            let Some(node) = node else { continue };
            let digest = self.hasher.node(&node);
            let key = format!("{}\0{f}", ctx.dir);
            if self.state.sent.get(&key) != Some(&digest) {
                sent += node.size() + 32;
                self.state.sent.insert(key, digest);
            }
        }
        if sent == 0 {
            sent = if any { 32 } else { 2 };
        }
        let ms = 20 + sent / 5000;
        self.push(Vertex { name: "[internal] load build context".into(), started: true, ms, statuses: vec![VertexStatus { id: "transferring context:".into(), current: sent, total: 0, ms: ms.saturating_sub(10) }], ..Default::default() });
        if ctx.truncated {
            return Err(self.fail(format!("failed to solve: baleine: the build context {} has more than {} files; list what the image does not need in .dockerignore", ctx.dir, crate::build_context::MAX_CONTEXT_FILES), None));
        }
        Ok(())
    }

    fn followed_prefixes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (s, p) in self.df.stages.iter().zip(&self.plans) {
            if !p.reachable {
                continue;
            }
            for i in &s.instructions {
                let srcs: Vec<String> = match &i.kind {
                    Instruction::Copy { from: None, srcs, .. } => srcs.clone(),
                    Instruction::Add { srcs, .. } => srcs.iter().filter(|s| !is_url(s)).cloned().collect(),
                    Instruction::Run { mounts, .. } => mounts.iter().filter(|m| m.kind == "bind" && m.from.is_none()).map(|m| m.source.clone().unwrap_or_else(|| "/".into())).collect(),
                    _ => Vec::new(),
                };
                for src in srcs {
                    let clean = crate::build_ignore::go_clean(&format!("/{src}"));
                    let mut prefix = Vec::new();
                    for part in clean.split('/').filter(|p| !p.is_empty()) {
                        if crate::build_ignore::has_glob_meta(part) || part.contains('$') {
                            break;
                        }
                        prefix.push(part);
                    }
                    let p = prefix.join("/");
                    if !out.contains(&p) {
                        out.push(p);
                    }
                }
            }
        }
        out
    }

    // ------------------------------------------------------------ export

    fn export(&mut self) -> Step<()> {
        let target = self.plans.iter().rposition(|p| p.reachable).unwrap_or(0);
        let Some(mut st) = self.finals.get(target).cloned().flatten() else {
            return Err(self.fail("failed to solve: baleine: the target stage was not built".into(), None));
        };
        if let Some(dest) = self.req.output_local.clone() {
            let size = st.tree.size();
            let ms = 50 + size / 100_000;
            let host = self.world.host_tree;
            if let Some(t) = self.world.forest.get_mut(host) {
                if let Some(root) = st.tree.get("/") {
                    crate::build_context::merge_into(t, &dest, &root);
                }
            }
            self.push(Vertex { name: "exporting to client directory".into(), started: true, ms, statuses: vec![VertexStatus { id: "copying files".into(), current: size, total: 0, ms }], ..Default::default() });
            return Ok(());
        }
        let mut config = st.config.clone();
        for (k, v) in &self.req.labels {
            config.labels.insert(k.clone(), v.clone());
        }
        let created_secs = st.normalize_history(self.world.now_secs());
        let layers: Vec<String> = st.layers.iter().map(|l| l.0.clone()).collect();
        let history_text: Vec<String> = st.history.iter().map(|h| format!("{}|{}", h.created_by, h.empty_layer)).collect();
        let id = sha256_hex(&format!("built-image\n{layers:?}\n{config:?}\n{history_text:?}\n{}\n{:?}", created_secs, st.os_family));
        let image = Image {
            id: id.clone(),
            repo_tags: Vec::new(),
            repo_digests: Vec::new(),
            created_secs,
            layers,
            config,
            history: st.history.clone(),
            rootfs: st.tree.clone(),
            // The moby exporter creates the image from its config alone: no
            // parent link (builder-next/exporter/mobyexporter/export.go).
            parent: None,
            os_family: st.os_family,
            comment: String::new(),
            built: true,
        };
        let mut tags = Vec::new();
        let mut named = Vec::new();
        // The moby exporter prints `naming to` + ParseNormalizedNamed(tag):
        // no `:latest` is added when the tag has none.
        let mut shown = Vec::new();
        for t in &self.req.tags {
            if let Ok(r) = Reference::parse(t) {
                if !tags.contains(&r.familiar()) {
                    tags.push(r.familiar());
                    named.push(r.full());
                    shown.push(match &r.tag {
                        Some(tag) => format!("{}/{}:{tag}", r.domain, r.path),
                        None => format!("{}/{}", r.domain, r.path),
                    });
                }
            }
        }
        let new_bytes: u64 = st.layers.iter().filter(|(d, _)| !self.world.layers.contains_key(d)).map(|l| l.1).sum();
        let export_ms = if new_bytes > 0 { 100 + new_bytes / 150_000 } else { 0 };
        let mut statuses = vec![VertexStatus { id: "exporting layers".into(), current: 0, total: 0, ms: export_ms }, VertexStatus { id: format!("writing image sha256:{id}"), current: 0, total: 0, ms: 4 }];
        for n in &shown {
            statuses.push(VertexStatus { id: format!("naming to {n}"), current: 0, total: 0, ms: 2 });
        }
        let ms = export_ms + 6 + 2 * named.len() as u64;
        let sizes = st.layers.clone();
        self.world.add_image(image, &tags, &sizes);
        for t in &tags {
            self.world.event("image", "tag", &id, t, vec![]);
        }
        self.push(Vertex { name: "exporting to image".into(), started: true, ms, statuses, ..Default::default() });
        self.out.image_id = Some(id);
        self.out.named = named;
        self.out.record.tags = tags;
        Ok(())
    }

    fn finish(mut self, ok: bool) -> BuildOutput {
        // Vertices that never started (for BuildKit's "(done/total)").
        for _ in 0..self.pending_steps {
            self.out.vertices.push(Vertex { name: String::new(), started: false, ..Default::default() });
        }
        self.out.record.ok = ok && self.out.failure.is_none();
        if self.out.record.tags.is_empty() && !ok {
            self.out.record.tags = self.req.tags.iter().filter_map(|t| Reference::parse(t).ok()).map(|r| r.familiar()).collect();
        }
        self.out.record.stages = self
            .plans
            .iter()
            .map(|p| StageRecord {
                name: if p.display.is_empty() { "stage-0".into() } else { p.display.clone() },
                base: p.base_text.clone(),
                from_stages: p.from_names.clone(),
                skipped: !p.reachable,
            })
            .collect();
        for k in &self.used_keys {
            if let Some(r) = self.state.records.get_mut(k) {
                r.used_by_last = true;
            }
        }
        if !self.req.check_only {
            self.state.last_cached = std::mem::take(&mut self.cached_layers);
        }
        self.state.last = Some(self.out.record.clone());
        self.world.build = self.state;
        self.world.touch();
        self.out
    }
}

/// BuildKit's `validateCircularDependency` over the stages' command
/// dependencies (COPY --from, RUN --mount from=; not FROM): the first stage
/// on a cycle and the location of the instruction that starts it.
fn circular(plans: &[StagePlan]) -> Option<(usize, (usize, usize))> {
    // Backward dependencies never close a cycle on their own: only the
    // forward ones (recorded with their lines) can.
    fn visit(plans: &[StagePlan], s: usize, visited: &mut Vec<bool>, path: &mut Vec<bool>, first: Option<(usize, usize)>) -> Option<(usize, usize)> {
        if visited[s] {
            return None;
        }
        visited[s] = true;
        path[s] = true;
        // The base stage (pushed last) is no command dependency.
        let deps = &plans[s].deps;
        let cmd_deps = if matches!(plans[s].base, Base::Stage(_)) { &deps[..deps.len().saturating_sub(1)] } else { &deps[..] };
        for &d in cmd_deps {
            if d >= plans.len() {
                continue;
            }
            let here = plans[s].forward.iter().find(|(j, _)| *j == d).map(|(_, l)| *l);
            let loc = first.or(here);
            if path[d] {
                return loc.or(Some((0, 0)));
            }
            if let Some(l) = visit(plans, d, visited, path, loc) {
                return Some(l);
            }
        }
        path[s] = false;
        None
    }
    let mut visited = vec![false; plans.len()];
    for i in 0..plans.len() {
        let mut path = vec![false; plans.len()];
        if let Some(l) = visit(plans, i, &mut visited, &mut path, None) {
            return Some((i, l));
        }
    }
    None
}

pub(crate) fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// BuildKit's `suggest` for image names: a close common image or stage name.
fn suggest(name: &str, stages: &[String]) -> Option<String> {
    const COMMON: &[&str] = &["alpine", "busybox", "centos", "debian", "golang", "httpd", "mariadb", "mongo", "mysql", "nginx", "node", "postgres", "python", "redis", "ubuntu", "scratch"];
    let base = name.split([':', '@']).next().unwrap_or(name).to_lowercase();
    let mut best: Option<(usize, String)> = None;
    for c in COMMON.iter().map(|s| s.to_string()).chain(stages.iter().cloned()) {
        let d = levenshtein(&base, &c);
        if d > 0 && d <= 2 && d * 3 <= base.len().max(1) && best.as_ref().is_none_or(|b| d < b.0) {
            best = Some((d, c));
        }
    }
    best.map(|b| b.1)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
