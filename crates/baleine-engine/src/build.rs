//! Builds (`docker build`): filled in by the build engine.

/// Build cache and the record of the last build.
#[derive(Clone, Debug, Default)]
pub struct BuildState {}

impl BuildState {
    /// Whether the build cache still references a layer (so rmi keeps it).
    pub fn keeps_layer(&self, _digest: &str) -> bool {
        false
    }
    /// Bytes held by the build cache.
    pub fn cache_size(&self) -> u64 {
        0
    }
    /// Number of cache records.
    pub fn cache_entries(&self) -> usize {
        0
    }
    /// `docker builder prune [-a]`: removed record ids and reclaimed bytes.
    pub fn prune(&mut self, _all: bool) -> (Vec<String>, u64) {
        (Vec::new(), 0)
    }
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

impl BuildState {
    /// The last build, if any.
    pub fn view(&self) -> Option<BuildRecord> {
        None
    }
    /// Layer digests the last build took from the cache.
    pub fn cached_layers(&self) -> Vec<String> {
        Vec::new()
    }
}
