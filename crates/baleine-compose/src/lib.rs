//! # baleine-compose
//!
//! The Docker Compose v2 file loader of baleine, faithful to
//! [compose-go v2](https://github.com/compose-spec/compose-go) as used by
//! `docker compose` v2.3x (compose-go v2.9 for docker compose v2.39), plus the
//! `docker compose config` printers ([`config_yaml`], [`config_json`] for
//! `--format json`) and the service dependency graph ([`graph`]).
//!
//! No I/O: files are read through a [`FileSource`] the caller implements.
//! Deterministic: ordered maps everywhere; warnings are de-duplicated and kept
//! in the order they were raised. No panic on any input: recursion is bounded
//! (YAML nesting and alias expansion by the parser, `${...}` nesting,
//! `extends` chains and `include` depth by the loader).
//!
//! ## Pipeline (compose-go's phase order)
//!
//! [`load`] runs, in this order:
//!
//! 1. **Environment** (`cli.ProjectOptions`): shell environment, then the
//!    `.env` of the working directory (or `--env-file`s), where shell values
//!    win; `COMPOSE_FILE` (separator `:` or `COMPOSE_PATH_SEPARATOR`), else the
//!    lookup of `compose.yaml`, `compose.yml`, `docker-compose.yml`,
//!    `docker-compose.yaml` in the working dir then its parents, with the
//!    matching `compose.override.*` / `docker-compose.override.*`; then the
//!    `.env` of the project directory (not overriding what is set);
//!    `COMPOSE_PROFILES`.
//! 2. **YAML parse** of every document of every file: anchors, aliases,
//!    merge keys `<<:`, `!reset` and `!override` tags ([`yaml`](self) module,
//!    the only user of `serde_yaml`).
//! 3. **Project name**: `-p`, else `COMPOSE_PROJECT_NAME`, else the
//!    (interpolated) top-level `name:`, else the project directory's base
//!    name; normalised (lowercase, `[a-z0-9_-]`, leading `_`/`-` trimmed).
//!    This is compose's documented precedence (`COMPOSE_PROJECT_NAME` wins
//!    over `name:`).
//! 4. Per file and per document (compose-go `loadYamlFile`):
//!    **interpolation** (values only, with type casts) → **`include`** →
//!    `!reset`/`!override` applied to what previous files defined →
//!    **`extends`** → **merge** with the previous files (override rules of
//!    `override/merge.go`) and de-duplication (`EnforceUnicity`) →
//!    **schema validation** (`validating <file>: ...`) and the obsolete
//!    `version` warning → **canonical form** (short syntaxes to long form).
//! 5. Whole model: **defaults** (`SetDefaultValues`), semantic checks
//!    (`validation.Validate`), **relative paths** resolved against the project
//!    directory, list-form environment resolution, then **normalisation**
//!    (implicit `default` network, resource names `<project>_<key>`,
//!    implicit dependencies of `links`/`network_mode`/`volumes_from`).
//! 6. **Binding** to the typed [`Project`] → **profiles** filtering →
//!    **consistency** checks (undefined networks/volumes/secrets/services,
//!    `container_name` with replicas, dependency cycles) → services'
//!    **environment resolution** (`env_file` merged under `environment`).
//!
//! ## Units
//! Durations are [`model::Duration`] in **nanoseconds** (Go `time.Duration`);
//! memory sizes are bytes (`i64`).
//!
//! ## Differences from docker compose worth knowing
//! * Warnings are returned as plain messages (no `WARN[0000]` prefix) and
//!   de-duplicated.
//! * Where Go iterates a map (random order), we use document or name order.
//! * Default substitution is lazy (`${A:-${B}}` does not warn about `B` when
//!   `A` is set), as in recent compose-go.

pub mod config_json;
pub mod config_yaml;
pub mod graph;
pub mod model;
pub mod template;
pub mod value;

mod bind;
mod canonical;
mod consistency;
mod dotenv;
mod format;
/// compose-go's `ParseVolume` (short volume syntax), also what `docker run -v` checks.
pub use format::{parse_volume, VolumeSpec};
mod interpolate;
mod loader;
mod merge;
mod schema;
mod util;
mod yaml;

pub use model::*;

/// Read access to the (virtual) file system. Paths are absolute.
pub trait FileSource {
    /// The content of a file, `None` when it does not exist or is not readable.
    fn read(&self, path: &str) -> Option<String>;
    /// Whether a file exists (directories may answer `false`).
    fn exists(&self, path: &str) -> bool;
}

/// Options of `docker compose` relevant to loading.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadOptions {
    /// Absolute current directory, e.g. `/home/learner/projet/myapp`.
    pub working_dir: String,
    /// `-f` values (absolute or relative to `working_dir`); empty = lookup.
    pub files: Vec<String>,
    /// `-p`.
    pub project_name: Option<String>,
    /// `--project-directory`.
    pub project_directory: Option<String>,
    /// Host shell environment (exported variables).
    pub env: Vec<(String, String)>,
    /// `--env-file` (default: `<project dir>/.env` if it exists).
    pub env_files: Vec<String>,
    /// `--profile` (plus `COMPOSE_PROFILES` when empty).
    pub profiles: Vec<String>,
    /// `config --no-interpolate`: values are kept as written (`${VAR}`).
    pub skip_interpolation: bool,
}

/// The result of [`load`].
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub project: Option<Project>,
    /// Warning messages, as compose logs them (without the `WARN` prefix).
    pub warnings: Vec<String>,
    /// The error message, as compose prints it.
    pub error: Option<String>,
    /// What kind of error `error` is (`None` when the load succeeded).
    pub error_kind: Option<ErrorKind>,
}

/// The kind of a load error, which docker compose turns into its exit
/// status (`compose.Error.GetMetricsFailureCategory`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// No compose file was found, or a file the project names does not
    /// exist: an `fs.PathError` or compose-go's `errdefs.ErrNotFound`
    /// (`FileNotFoundFailure`, exit status 14).
    NotFound,
    /// Anything else: a file that does not parse, interpolate, validate or
    /// make a consistent project (`ComposeParseFailure`, exit status 15).
    Invalid,
}

/// `docker compose config --format FORMAT` (`runConfigInterpolate`): the
/// project as YAML or JSON, else compose's `unsupported format %q` error.
pub fn render_config(project: &Project, format: &str) -> Result<String, String> {
    match format {
        "yaml" => Ok(config_yaml::render(project)),
        "json" => config_json::render(project),
        other => Err(format!("unsupported format {}", util::go_quote(other))),
    }
}

/// Loads a compose project. See the crate documentation for the phases.
pub fn load(opts: &LoadOptions, fs: &dyn FileSource) -> Loaded {
    loader::load(opts, fs)
}

/// `docker compose config --no-interpolate` and `--variables`
/// (`ProjectOptions.LoadModel`): the raw model after normalisation, before
/// binding, profiles and consistency checks. Returns the model or the
/// error, and the warnings.
pub fn load_model(opts: &LoadOptions, fs: &dyn FileSource) -> (Result<value::Map, (String, ErrorKind)>, Vec<String>) {
    loader::load_model(opts, fs)
}

/// `config --no-interpolate --format FORMAT` (`formatModel`): the model
/// as go-yaml v3 encodes a `map[string]any` (sorted keys), or as
/// `json.MarshalIndent(model, "", "  ")` (no final newline).
pub fn render_model(model: &value::Map, format: &str) -> Result<String, String> {
    match format {
        "yaml" => Ok(config_yaml::render_model(model)),
        "json" => config_json::render_model(model),
        other => Err(format!("unsupported format {}", util::go_quote(other))),
    }
}

/// `config --variables` (`template.ExtractVariables`): every variable the
/// raw model uses, by name: (name, required, default value, alternate value).
pub fn extract_variables(model: &value::Map) -> Vec<(String, bool, String, String)> {
    template::extract_variables(model)
}

/// compose-go's project name normalisation.
pub fn normalize_project_name(name: &str) -> String {
    loader::normalize_project_name(name)
}

/// Parses a compose duration (`1m30s`, `10s`, `500ms`) into nanoseconds.
pub fn parse_duration(s: &str) -> Result<model::Duration, String> {
    model::Duration::parse(s)
}

/// Parses a memory size (`512M`, `1g`) into bytes.
pub fn parse_memory(s: &str) -> Result<i64, String> {
    util::parse_ram_bytes(s)
}

/// Splits a command string with the shell-words rules compose uses.
pub fn split_command(s: &str) -> Result<Vec<String>, String> {
    util::shell_split(s)
}

/// An in-memory [`FileSource`], handy for tests and examples.
#[derive(Clone, Debug, Default)]
pub struct MemoryFiles {
    pub files: indexmap::IndexMap<String, String>,
}

impl MemoryFiles {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn with(mut self, path: &str, content: &str) -> Self {
        self.files.insert(path.to_string(), content.to_string());
        self
    }
    pub fn insert(&mut self, path: &str, content: &str) {
        self.files.insert(path.to_string(), content.to_string());
    }
}

impl FileSource for MemoryFiles {
    fn read(&self, path: &str) -> Option<String> {
        self.files.get(path).cloned()
    }
    fn exists(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }
}
