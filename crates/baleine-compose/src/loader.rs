//! The loading pipeline (compose-go `cli.ProjectOptions` + `loader.LoadWithContext`).
//! See the crate documentation for the phase order.

use crate::canonical;
use crate::dotenv;
use crate::interpolate;
use crate::merge;
use crate::model::*;
use crate::schema;
use crate::util;
use crate::value::{Map, Path, Value};
use crate::yaml::{self, Document, ParseError};
use crate::{ErrorKind, FileSource, LoadOptions, Loaded};
use indexmap::IndexMap;
use std::fmt;

const DEFAULT_FILE_NAMES: [&str; 4] = [
    "compose.yaml",
    "compose.yml",
    "docker-compose.yml",
    "docker-compose.yaml",
];
const DEFAULT_OVERRIDE_FILE_NAMES: [&str; 4] = [
    "compose.override.yml",
    "compose.override.yaml",
    "docker-compose.override.yml",
    "docker-compose.override.yaml",
];
/// Bound on `extends` chains and `include` nesting.
const MAX_NESTING: usize = 32;

type R<T> = Result<T, LoadError>;

/// An error of the pipeline: compose's message and its [`ErrorKind`]. The
/// other modules' `String` errors convert to [`ErrorKind::Invalid`]; only
/// the loader's file look-ups make [`ErrorKind::NotFound`] errors, which
/// stay so as long as nothing rewords them (compose-go wraps them with
/// `%w`, or not at all, only there).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LoadError {
    pub kind: ErrorKind,
    pub message: String,
}

impl LoadError {
    fn not_found(message: String) -> Self {
        LoadError { kind: ErrorKind::NotFound, message }
    }
}

impl From<String> for LoadError {
    fn from(message: String) -> Self {
        LoadError { kind: ErrorKind::Invalid, message }
    }
}

impl From<&str> for LoadError {
    fn from(message: &str) -> Self {
        message.to_string().into()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Shared state of one load.
pub(crate) struct Ctx<'a> {
    pub fs: &'a dyn FileSource,
    pub warnings: Vec<String>,
    pub home: String,
    /// Files already warned about `version`.
    version_warned: Vec<String>,
    /// `config --no-interpolate` (`SkipInterpolation`).
    skip_interpolation: bool,
}

impl<'a> Ctx<'a> {
    fn warn(&mut self, w: String) {
        self.warnings.push(w);
    }
    /// `os.ReadFile`: a missing file is an `fs.PathError`.
    fn read(&self, path: &str) -> R<String> {
        self.fs.read(path).ok_or_else(|| {
            LoadError::not_found(format!("open {}: no such file or directory", path))
        })
    }
}

/// `compose-go` project name normalisation.
pub fn normalize_project_name(s: &str) -> String {
    let lower = s.to_lowercase();
    let kept: String = lower
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-')
        .collect();
    kept.trim_start_matches(['_', '-']).to_string()
}

fn invalid_project_name(v: &str) -> String {
    format!(
        "invalid project name {}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number",
        util::go_quote(v)
    )
}

/// Reads env files into `env` (existing keys win, like `Mapping.Merge`).
fn load_env_files(
    ctx: &mut Ctx<'_>,
    files: &[String],
    shell: &IndexMap<String, String>,
    env: &mut IndexMap<String, String>,
) -> R<()> {
    let mut env_map: IndexMap<String, String> = IndexMap::new();
    for f in files {
        if !ctx.fs.exists(f) {
            return Err(format!("couldn't find env file: {}", f).into());
        }
        let content = ctx.read(f)?;
        let mut w = Vec::new();
        let current = env_map.clone();
        let lookup = |k: &str| shell.get(k).cloned().or_else(|| current.get(k).cloned());
        dotenv::parse_into(&content, &mut env_map, &lookup, &mut w)
            .map_err(|e| format!("failed to read {}: {}", f, e))?;
        for x in w {
            ctx.warn(x);
        }
    }
    for (k, v) in env_map {
        env.entry(k).or_insert(v);
    }
    Ok(())
}

fn find_files(fs: &dyn FileSource, names: &[&str], dir: &str) -> Vec<String> {
    names
        .iter()
        .map(|n| util::join_path(dir, n))
        .filter(|p| fs.exists(p))
        .collect()
}

impl<'a> Ctx<'a> {
    fn new(opts: &LoadOptions, fs: &'a dyn FileSource) -> Ctx<'a> {
        Ctx { fs, warnings: Vec::new(), home: String::new(), version_warned: Vec::new(), skip_interpolation: opts.skip_interpolation }
    }

    /// Deterministic, de-duplicated warnings (compose logs one per occurrence).
    fn unique_warnings(self) -> Vec<String> {
        let mut warnings: Vec<String> = Vec::new();
        for w in self.warnings {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        warnings
    }
}

/// The main entry point; see [`crate::load`].
pub(crate) fn load(opts: &LoadOptions, fs: &dyn FileSource) -> Loaded {
    let mut ctx = Ctx::new(opts, fs);
    let result = pipeline(opts, &mut ctx);
    let warnings = ctx.unique_warnings();
    match result {
        Ok(p) => Loaded {
            project: Some(p),
            warnings,
            error: None,
            error_kind: None,
        },
        Err(e) => Loaded {
            project: None,
            warnings,
            error: Some(e.message),
            error_kind: Some(e.kind),
        },
    }
}

/// The whole pipeline, phase by phase (see the crate docs).
fn pipeline(opts: &LoadOptions, ctx: &mut Ctx<'_>) -> R<Project> {
    let m = prepare(opts, ctx)?;
    // -- 9. binding, profiles, consistency, environment resolution
    let mut project = bind_project(ctx, m.dict, &m.name, &m.project_dir, &m.env)?;
    project.compose_files = m.config_paths.clone();
    apply_profiles(&mut project, &m.profiles);
    crate::consistency::check(&project)?;
    resolve_services_environment(ctx, &mut project, &m.env)?;
    Ok(project)
}

/// What [`prepare`] leaves for the binding.
struct Prepared {
    dict: Map,
    name: String,
    project_dir: String,
    env: IndexMap<String, String>,
    profiles: Vec<String>,
    config_paths: Vec<String>,
}

/// `LoadModelWithContext`: the raw model, before binding (what
/// `docker compose config --no-interpolate` prints).
pub(crate) fn load_model(opts: &LoadOptions, fs: &dyn FileSource) -> (Result<Map, (String, ErrorKind)>, Vec<String>) {
    let mut ctx = Ctx::new(opts, fs);
    let result = prepare(opts, &mut ctx);
    let warnings = ctx.unique_warnings();
    (result.map(|m| m.dict).map_err(|e| (e.message, e.kind)), warnings)
}

/// Phases 1 to 8: environment, files, project name, the per-file pipeline
/// and the whole-model phases up to normalisation.
fn prepare(opts: &LoadOptions, ctx: &mut Ctx<'_>) -> R<Prepared> {
    let cwd = util::clean_path(&opts.working_dir);
    // -- 1. shell environment (always wins)
    let mut shell: IndexMap<String, String> = IndexMap::new();
    for (k, v) in &opts.env {
        shell.insert(k.clone(), v.clone());
    }
    ctx.home = shell.get("HOME").cloned().unwrap_or_else(|| "/root".into());
    let mut env = shell.clone();
    if !env.contains_key("PWD") {
        env.insert("PWD".into(), cwd.clone());
    }
    let project_dir_opt = opts
        .project_directory
        .as_ref()
        .map(|d| util::abs_path(&cwd, d));
    let mut config_paths: Vec<String> =
        opts.files.iter().map(|f| util::abs_path(&cwd, f)).collect();

    // -- 2. .env of the working directory (or --env-file)
    let working_dir_for = |paths: &[String]| -> String {
        if let Some(d) = &project_dir_opt {
            return d.clone();
        }
        match paths.first() {
            Some(p) => util::dir_name(p),
            None => cwd.clone(),
        }
    };
    let env_files_for = |ctx: &Ctx<'_>, wd: &str| -> Vec<String> {
        if !opts.env_files.is_empty() {
            return opts
                .env_files
                .iter()
                .map(|f| util::abs_path(&cwd, f))
                .collect();
        }
        if let Some(v) = shell.get("COMPOSE_DISABLE_ENV_FILE") {
            if baleine_util::go::parse_bool(v) == Some(true) {
                return Vec::new();
            }
        }
        let dot = util::join_path(wd, ".env");
        if ctx.fs.exists(&dot) {
            vec![dot]
        } else {
            Vec::new()
        }
    };
    let wd = working_dir_for(&config_paths);
    let files = env_files_for(ctx, &wd);
    load_env_files(ctx, &files, &shell, &mut env)?;

    // -- 3. COMPOSE_FILE, then default file lookup
    if config_paths.is_empty() {
        if let Some(f) = env.get("COMPOSE_FILE").cloned() {
            let sep = env
                .get("COMPOSE_PATH_SEPARATOR")
                .filter(|s| !s.is_empty())
                .cloned()
                .unwrap_or_else(|| ":".into());
            for p in f.split(sep.as_str()) {
                let abs = util::abs_path(&cwd, p);
                if !ctx.fs.exists(&abs) {
                    return Err(LoadError::not_found(format!(
                        "stat {}: no such file or directory",
                        abs
                    )));
                }
                config_paths.push(abs);
            }
        }
    }
    if config_paths.is_empty() {
        let mut dir = project_dir_opt.clone().unwrap_or_else(|| cwd.clone());
        loop {
            let candidates = find_files(ctx.fs, &DEFAULT_FILE_NAMES, &dir);
            if let Some(winner) = candidates.first().cloned() {
                if candidates.len() > 1 {
                    ctx.warn(format!(
                        "Found multiple config files with supported names: {}",
                        candidates.join(", ")
                    ));
                    ctx.warn(format!("Using {}", winner));
                }
                config_paths.push(winner);
                let overrides = find_files(ctx.fs, &DEFAULT_OVERRIDE_FILE_NAMES, &dir);
                if let Some(o) = overrides.first().cloned() {
                    if overrides.len() > 1 {
                        ctx.warn(format!(
                            "Found multiple override files with supported names: {}",
                            overrides.join(", ")
                        ));
                        ctx.warn(format!("Using {}", o));
                    }
                    config_paths.push(o);
                }
                break;
            }
            let parent = util::dir_name(&dir);
            if parent == dir {
                break;
            }
            dir = parent;
        }
    }
    if config_paths.is_empty() {
        // `fmt.Errorf("no configuration file provided: %w", errdefs.ErrNotFound)`
        return Err(LoadError::not_found(
            "no configuration file provided: not found".into(),
        ));
    }
    // -- 4. .env of the project directory (does not override what is set)
    let project_dir = working_dir_for(&config_paths);
    let files = env_files_for(ctx, &project_dir);
    load_env_files(ctx, &files, &shell, &mut env)?;

    // -- 5. profiles
    let profiles: Vec<String> = if opts.profiles.is_empty() {
        env.get("COMPOSE_PROFILES")
            .map(|p| p.split(',').map(|s| s.trim().to_string()).collect())
            .unwrap_or_default()
    } else {
        opts.profiles.clone()
    };
    if let Some(p) = &opts.project_name {
        if normalize_project_name(p) != *p {
            return Err(invalid_project_name(p).into());
        }
    }

    // -- 6. read and parse the files
    let mut parsed: Vec<(String, Vec<Document>)> = Vec::new();
    for path in &config_paths {
        let content = ctx.read(path)?;
        match yaml::parse_documents(&content) {
            Ok(docs) => parsed.push((path.clone(), docs)),
            Err(ParseError::Syntax(msg)) if opts.project_name.is_none() => return Err(msg.into()),
            Err(e) => return Err(format!("failed to parse {}: {}", path, e.message()).into()),
        }
    }

    // -- 7. project name: -p, COMPOSE_PROJECT_NAME, `name:`, directory name
    let mut name_from_yaml = String::new();
    for (_, docs) in &parsed {
        for d in docs {
            if let Some(Value::Str(n)) = d.value.as_map().and_then(|m| m.get("name")) {
                if !n.is_empty() {
                    name_from_yaml = n.clone();
                }
            }
        }
    }
    let (mut name, imperative) = if let Some(p) = &opts.project_name {
        (p.clone(), true)
    } else if let Some(n) = env.get("COMPOSE_PROJECT_NAME").filter(|n| !n.is_empty()) {
        (n.clone(), true)
    } else if name_from_yaml.is_empty() {
        (
            normalize_project_name(&util::base_name(&project_dir)),
            false,
        )
    } else {
        (String::new(), false)
    };
    if imperative {
        if normalize_project_name(&name) != name {
            return Err(invalid_project_name(&name).into());
        }
    } else {
        let lookup = |k: &str| env.get(k).cloned();
        let mut w = Vec::new();
        let interpolated = if ctx.skip_interpolation { Ok(name_from_yaml.clone()) } else { crate::template::substitute(&name_from_yaml, &lookup, &mut w) };
        let interpolated = interpolated
            .map_err(|e| match e {
                crate::template::TemplateError::Invalid { template } => format!(
                    "invalid interpolation format for name.\nYou may need to escape any $ with another $.\n{}",
                    template
                ),
                other => format!("error while interpolating name: {}", other),
            })?;
        for x in w {
            ctx.warn(x);
        }
        let n = normalize_project_name(&interpolated);
        if !n.is_empty() {
            name = n;
        }
    }
    env.insert("COMPOSE_PROJECT_NAME".into(), name.clone());

    // -- 8. per-file pipeline, then whole-model phases
    let mut dict = load_yaml_model(ctx, &parsed, &project_dir, &env, &[])?;
    if dict.is_empty() {
        return Err("empty compose file".into());
    }
    if name.is_empty() {
        return Err("project name must not be empty".into());
    }
    dict.insert("name".into(), Value::Str(name.clone()));
    canonical::normalize(&mut dict, &env, &name);
    Ok(Prepared { dict, name, project_dir, env, profiles, config_paths })
}

/// `loadYamlModel`: every file through the per-file pipeline, then defaults,
/// semantic validation, relative paths and environment resolution.
fn load_yaml_model(
    ctx: &mut Ctx<'_>,
    files: &[(String, Vec<Document>)],
    working_dir: &str,
    env: &IndexMap<String, String>,
    included: &[String],
) -> R<Map> {
    let mut dict = Map::new();
    for (filename, docs) in files {
        for doc in docs {
            dict = process_document(
                ctx,
                dict,
                doc.clone(),
                filename,
                working_dir,
                env,
                included,
                0,
            )?;
        }
    }
    canonical::set_defaults(&mut dict);
    canonical::check(&dict)?;
    canonical::resolve_paths(&mut dict, working_dir, &ctx.home);
    canonical::resolve_environment(&mut dict, env);
    Ok(dict)
}

/// The per-document phases of compose-go's `loadYamlFile`.
#[allow(clippy::too_many_arguments)]
fn process_document(
    ctx: &mut Ctx<'_>,
    dict: Map,
    doc: Document,
    filename: &str,
    working_dir: &str,
    env: &IndexMap<String, String>,
    included: &[String],
    depth: usize,
) -> R<Map> {
    let Value::Map(cfg) = doc.value else {
        return Err("top-level object must be a mapping".into());
    };
    // interpolation
    let lookup = |k: &str| env.get(k).cloned();
    let mut w = Vec::new();
    let cfg = if ctx.skip_interpolation { Ok(cfg) } else { interpolate::interpolate(cfg, &lookup, &mut w) };
    for x in w {
        ctx.warn(x);
    }
    let mut cfg = cfg?;
    // include
    let mut chain = included.to_vec();
    chain.push(filename.to_string());
    apply_include(ctx, working_dir, env, &mut cfg, &chain, depth)?;
    // !reset / !override on what the previous files defined
    let mut reset_paths = doc.resets.clone();
    reset_paths.extend(doc.overrides.iter().cloned());
    let mut dict = dict;
    merge::apply_resets(&mut dict, &reset_paths);
    // extends
    apply_extends(ctx, &mut cfg, filename, working_dir, env, &reset_paths)?;
    // merge with the previous files
    let dict = merge::merge(dict, cfg)?;
    let mut dict = merge::enforce_unicity(dict)?;
    // schema validation
    schema::validate_model(&dict).map_err(|e| format!("validating {}: {}", filename, e))?;
    if dict.contains_key("version") {
        if !ctx.version_warned.iter().any(|f| f == filename) {
            ctx.version_warned.push(filename.to_string());
            ctx.warn(format!(
                "{}: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion",
                filename
            ));
        }
        dict.shift_remove("version");
    }
    // canonical form
    let dict = canonical::canonical_with(dict, ctx.skip_interpolation)?;
    let dict = canonical::omit_empty(dict);
    Ok(merge::enforce_unicity(dict)?)
}

// ------------------------------------------------------------------ include

fn string_or_list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Str(s)) => vec![s.clone()],
        Some(Value::Seq(items)) => items.iter().map(|i| i.go_string()).collect(),
        _ => Vec::new(),
    }
}

fn apply_include(
    ctx: &mut Ctx<'_>,
    working_dir: &str,
    env: &IndexMap<String, String>,
    model: &mut Map,
    included: &[String],
    depth: usize,
) -> R<()> {
    let Some(inc) = model.shift_remove("include") else {
        return Ok(());
    };
    let entries = match inc {
        Value::Null => return Ok(()),
        Value::Seq(items) => items,
        other => {
            return Err(format!(
                "`include` must be a list, got {}",
                other.go_string()
            ).into())
        }
    };
    if depth > MAX_NESTING {
        return Err("include nesting is too deep".into());
    }
    for entry in entries {
        let (paths, env_files, project_directory) = match &entry {
            Value::Str(s) => (vec![s.clone()], Vec::new(), None),
            Value::Map(m) => (
                string_or_list(m.get("path")),
                string_or_list(m.get("env_file")),
                m.get("project_directory").map(|v| v.go_string()),
            ),
            _ => continue,
        };
        if paths.is_empty() {
            continue;
        }
        let abs_paths: Vec<String> = paths
            .iter()
            .map(|p| util::abs_path(working_dir, p))
            .collect();
        let main = abs_paths[0].clone();
        let project_dir = match &project_directory {
            None => util::dir_name(&main),
            Some(d) => util::abs_path(working_dir, d),
        };
        if included.contains(&main) {
            let mut chain = included.to_vec();
            chain.push(main.clone());
            return Err(format!(
                "include cycle detected:\n{}\n include {}",
                chain[0],
                chain[1..].join("\n include ")
            ).into());
        }
        // environment of the included project
        let env_files: Vec<String> = if env_files.is_empty() {
            let f = util::join_path(&project_dir, ".env");
            if ctx.fs.exists(&f) {
                vec![f]
            } else {
                Vec::new()
            }
        } else {
            let mut v = Vec::new();
            for f in env_files {
                if f == "/dev/null" {
                    continue;
                }
                let abs = util::abs_path(working_dir, &f);
                if !ctx.fs.exists(&abs) {
                    return Err(LoadError::not_found(format!(
                        "stat {}: no such file or directory",
                        abs
                    )));
                }
                v.push(abs);
            }
            v
        };
        let mut inc_env = env.clone();
        let mut from_files = IndexMap::new();
        load_env_files(ctx, &env_files, env, &mut from_files)?;
        for (k, v) in from_files {
            inc_env.entry(k).or_insert(v);
        }
        let mut parsed = Vec::new();
        for p in &abs_paths {
            let content = ctx.read(p)?;
            let docs = yaml::parse_documents(&content)
                .map_err(|e| format!("failed to parse {}: {}", p, e.message()))?;
            parsed.push((p.clone(), docs));
        }
        let imported = load_included(ctx, &parsed, &project_dir, &inc_env, included, depth + 1)?;
        import_resources(imported, model)?;
    }
    Ok(())
}

fn load_included(
    ctx: &mut Ctx<'_>,
    files: &[(String, Vec<Document>)],
    working_dir: &str,
    env: &IndexMap<String, String>,
    included: &[String],
    depth: usize,
) -> R<Map> {
    let mut dict = Map::new();
    for (filename, docs) in files {
        for doc in docs {
            dict = process_document(
                ctx,
                dict,
                doc.clone(),
                filename,
                working_dir,
                env,
                included,
                depth,
            )?;
        }
    }
    canonical::set_defaults(&mut dict);
    canonical::check(&dict)?;
    canonical::resolve_paths(&mut dict, working_dir, &ctx.home);
    canonical::resolve_environment(&mut dict, env);
    Ok(dict)
}

fn import_resources(source: Map, target: &mut Map) -> R<()> {
    for key in [
        "services", "volumes", "networks", "secrets", "configs", "models",
    ] {
        let Some(Value::Map(from)) = source.get(key) else {
            continue;
        };
        let mut to = match target.shift_remove(key) {
            Some(Value::Map(m)) => m,
            _ => Map::new(),
        };
        for (name, a) in from {
            if let Some(conflict) = to.get(name) {
                if conflict == a {
                    continue;
                }
                return Err(format!("{}.{} conflicts with imported resource", key, name).into());
            }
            to.insert(name.clone(), a.clone());
        }
        target.insert(key.to_string(), Value::Map(to));
    }
    Ok(())
}

// ------------------------------------------------------------------ extends

fn apply_extends(
    ctx: &mut Ctx<'_>,
    dict: &mut Map,
    filename: &str,
    working_dir: &str,
    env: &IndexMap<String, String>,
    resets: &[Path],
) -> R<()> {
    let Some(services) = dict.get("services") else {
        return Ok(());
    };
    let Value::Map(services) = services.clone() else {
        return Err("services must be a mapping".into());
    };
    let mut services = services;
    let names: Vec<String> = services.keys().cloned().collect();
    for name in names {
        let merged = service_extends(
            ctx,
            &name,
            &mut services,
            filename,
            working_dir,
            env,
            resets,
            &[],
            0,
        )?;
        if let Some(m) = merged {
            services.insert(name, m);
        }
    }
    dict.insert("services".into(), Value::Map(services));
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn service_extends(
    ctx: &mut Ctx<'_>,
    name: &str,
    services: &mut Map,
    filename: &str,
    working_dir: &str,
    env: &IndexMap<String, String>,
    resets: &[Path],
    tracker: &[(String, String)],
    depth: usize,
) -> R<Option<Value>> {
    let Some(s) = services.get(name).cloned() else {
        return Ok(None);
    };
    if s.is_null() {
        return Ok(None);
    }
    let Value::Map(service) = s else {
        return Err(format!("services.{} must be a mapping", name).into());
    };
    let Some(extends) = service.get("extends").cloned() else {
        return Ok(Some(Value::Map(service)));
    };
    if depth > MAX_NESTING {
        return Err(format!("services.{}: extends chain is too deep", name).into());
    }
    let (reference, file) = match &extends {
        Value::Map(m) => match m.get("service") {
            Some(Value::Str(s)) => (s.clone(), m.get("file").map(|f| f.go_string())),
            _ => return Err(format!("extends.{}.service is required", name).into()),
        },
        Value::Str(s) => (s.clone(), None),
        _ => return Ok(Some(Value::Map(service))),
    };
    let (mut base_services, base_file, base_dir) = match &file {
        Some(f) => {
            let local = util::abs_path(working_dir, f);
            let services = extends_base_from_file(ctx, name, &reference, filename, f, &local, env)?;
            (services, local.clone(), util::dir_name(&local))
        }
        None => {
            if !services.contains_key(&reference) {
                return Err(format!(
                    "cannot extend service {} in {}: service {} not found",
                    util::go_quote(name),
                    filename,
                    util::go_quote(&reference)
                ).into());
            }
            (
                services.clone(),
                filename.to_string(),
                working_dir.to_string(),
            )
        }
    };
    // cycle detection
    let me = (filename.to_string(), name.to_string());
    if tracker.contains(&me) {
        let mut lines = vec!["Circular reference:".to_string()];
        lines.push(format!("  {} in {}", tracker[0].1, tracker[0].0));
        for (f, s) in tracker[1..].iter().chain(std::iter::once(&me)) {
            lines.push(format!("  extends {} in {}", s, f));
        }
        return Err(lines.join("\n").into());
    }
    let mut chain = tracker.to_vec();
    chain.push(me);
    let base = service_extends(
        ctx,
        &reference,
        &mut base_services,
        &base_file,
        &base_dir,
        env,
        &[],
        &chain,
        depth + 1,
    )?;
    let Some(Value::Map(mut source)) = base else {
        return Ok(Some(Value::Map(service)));
    };
    if file.is_none() {
        services.insert(reference.clone(), Value::Map(source.clone()));
    }
    // `!reset` / `!override` of the extending file apply to the base copy
    let mut wrapper = Map::new();
    let mut svcs = Map::new();
    svcs.insert(name.to_string(), Value::Map(std::mem::take(&mut source)));
    wrapper.insert("services".into(), Value::Map(svcs));
    merge::apply_resets(&mut wrapper, resets);
    let source = wrapper
        .get("services")
        .and_then(|s| s.as_map())
        .and_then(|s| s.get(name))
        .and_then(|s| s.as_map())
        .cloned()
        .unwrap_or_default();
    let mut merged = merge::extend_service(source, service)?;
    merged.shift_remove("extends");
    services.insert(name.to_string(), Value::Map(merged.clone()));
    Ok(Some(Value::Map(merged)))
}

fn extends_base_from_file(
    ctx: &mut Ctx<'_>,
    name: &str,
    reference: &str,
    path: &str,
    ref_path: &str,
    local: &str,
    env: &IndexMap<String, String>,
) -> R<Map> {
    let content = ctx.read(local)?;
    let docs = yaml::parse_documents(&content)
        .map_err(|e| format!("failed to parse {}: {}", local, e.message()))?;
    let mut dict = Map::new();
    let lookup = |k: &str| env.get(k).cloned();
    for doc in docs {
        let Value::Map(cfg) = doc.value else {
            return Err("top-level object must be a mapping".into());
        };
        let mut w = Vec::new();
        let cfg = if ctx.skip_interpolation { Ok(cfg) } else { interpolate::interpolate(cfg, &lookup, &mut w) };
        for x in w {
            ctx.warn(x);
        }
        let mut reset_paths = doc.resets.clone();
        reset_paths.extend(doc.overrides.iter().cloned());
        merge::apply_resets(&mut dict, &reset_paths);
        dict = merge::enforce_unicity(merge::merge(dict, cfg?)?)?;
        dict = merge::enforce_unicity(canonical::omit_empty(canonical::canonical_with(dict, ctx.skip_interpolation)?))?;
    }
    let Some(services) = dict.get("services") else {
        return Err(format!(
            "cannot extend service {} in {}: no services section",
            util::go_quote(name),
            local
        ).into());
    };
    let Value::Map(services) = services else {
        return Err(format!(
            "cannot extend service {} in {}: services must be a mapping",
            util::go_quote(name),
            local
        ).into());
    };
    if !services.contains_key(reference) {
        return Err(format!(
            "cannot extend service {} in {}: service {} not found in {}",
            util::go_quote(name),
            path,
            util::go_quote(reference),
            ref_path
        ).into());
    }
    let mut wrapper = Map::new();
    wrapper.insert("services".into(), Value::Map(services.clone()));
    canonical::resolve_paths(&mut wrapper, &util::dir_name(local), &ctx.home);
    Ok(wrapper
        .get("services")
        .and_then(|s| s.as_map())
        .cloned()
        .unwrap_or_default())
}

// ------------------------------------------------------------------ binding

fn bind_project(
    ctx: &mut Ctx<'_>,
    mut dict: Map,
    name: &str,
    working_dir: &str,
    env: &IndexMap<String, String>,
) -> R<Project> {
    let mut project = Project {
        name: name.to_string(),
        working_dir: working_dir.to_string(),
        ..Default::default()
    };
    let mut envs: Vec<(&String, &String)> = env.iter().collect();
    baleine_util::sort(&mut envs);
    project.environment = envs
        .into_iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut w = Vec::new();
    if let Some(Value::Map(services)) = dict.shift_remove("services") {
        let mut names: Vec<String> = services.keys().cloned().collect();
        baleine_util::sort(&mut names);
        for n in names {
            let svc = services.get(&n).cloned().unwrap_or(Value::Null);
            project
                .services
                .insert(n.clone(), crate::bind::service(&n, svc, &mut w)?);
        }
    }
    let sorted = |m: Map| -> Vec<(String, Value)> {
        let mut v: Vec<(String, Value)> = m.into_iter().collect();
        baleine_util::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        v
    };
    if let Some(Value::Map(nets)) = dict.shift_remove("networks") {
        for (k, v) in sorted(nets) {
            project.networks.insert(k, crate::bind::network(v, &mut w)?);
        }
    }
    if let Some(Value::Map(vols)) = dict.shift_remove("volumes") {
        for (k, v) in sorted(vols) {
            project
                .volumes
                .insert(k, crate::bind::volume_config(v, &mut w)?);
        }
    }
    if let Some(Value::Map(items)) = dict.shift_remove("secrets") {
        for (k, v) in sorted(items) {
            project
                .secrets
                .insert(k, crate::bind::file_object(v, &mut w)?);
        }
    }
    if let Some(Value::Map(items)) = dict.shift_remove("configs") {
        for (k, v) in sorted(items) {
            project
                .configs
                .insert(k, crate::bind::file_object(v, &mut w)?);
        }
    }
    if let Some(Value::Map(models)) = dict.shift_remove("models") {
        project.models = models;
    }
    for (k, v) in dict {
        if k.starts_with("x-") {
            project.extensions.insert(k, v);
        }
    }
    for x in w {
        ctx.warn(x);
    }
    Ok(project)
}

/// `Project.WithProfiles`: services with profiles none of which is active are disabled.
fn apply_profiles(project: &mut Project, profiles: &[String]) {
    project.profiles = profiles.to_vec();
    let all = std::mem::take(&mut project.services);
    for (name, svc) in all {
        let enabled = svc.profiles.is_empty()
            || profiles
                .iter()
                .any(|p| p == "*" || svc.profiles.contains(p));
        if enabled {
            project.services.insert(name, svc);
        } else {
            project.disabled_services.insert(name, svc);
        }
    }
}

/// `Project.WithServicesEnvironmentResolved`: `environment` variables without a
/// value are looked up in the project environment, then `env_file`s are loaded
/// underneath `environment`.
fn resolve_services_environment(
    ctx: &mut Ctx<'_>,
    project: &mut Project,
    env: &IndexMap<String, String>,
) -> R<()> {
    for (_, svc) in project.services.iter_mut() {
        for (k, v) in svc.environment.iter_mut() {
            if v.is_none() {
                if let Some(found) = env.get(k) {
                    *v = Some(found.clone());
                }
            }
        }
        if svc.env_files.is_empty() {
            let mut sorted: Vec<(String, Option<String>)> = svc.environment.drain(..).collect();
            baleine_util::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
            svc.environment = sorted.into_iter().collect();
            continue;
        }
        let mut environment: IndexMap<String, String> = svc
            .environment
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| (k.clone(), v.clone())))
            .collect();
        for ef in &svc.env_files {
            if !ctx.fs.exists(&ef.path) {
                if ef.required {
                    // compose-go wraps os.Stat's *fs.PathError (%w): compose
                    // counts it as a missing file (exit 14).
                    return Err(LoadError::not_found(format!(
                        "env file {} not found: stat {}: no such file or directory",
                        ef.path, ef.path
                    )));
                }
                continue;
            }
            if let Some(fmt) = &ef.format {
                if !fmt.is_empty() && fmt != "raw" && fmt != "dotenv" {
                    return Err(format!(
                        "unsupported env_file format {}",
                        util::go_quote(fmt)
                    ).into());
                }
            }
            let content = ctx.read(&ef.path)?;
            let service_env = svc.environment.clone();
            let lookup = |k: &str| -> Option<String> {
                env.get(k)
                    .cloned()
                    .or_else(|| service_env.get(k).cloned().flatten())
            };
            let mut w = Vec::new();
            if ef.format.as_deref() == Some("raw") {
                for line in content.lines() {
                    if line.trim().is_empty() || line.trim_start().starts_with('#') {
                        continue;
                    }
                    let (k, v) = line.split_once('=').unwrap_or((line, ""));
                    environment.insert(k.to_string(), v.to_string());
                }
            } else {
                dotenv::parse_into(&content, &mut environment, &lookup, &mut w)
                    .map_err(|e| format!("failed to read {}: {}", ef.path, e))?;
            }
            for x in w {
                ctx.warn(x);
            }
        }
        let mut resolved: IndexMap<String, Option<String>> =
            environment.into_iter().map(|(k, v)| (k, Some(v))).collect();
        for (k, v) in svc.environment.drain(..) {
            resolved.insert(k, v);
        }
        let mut sorted: Vec<(String, Option<String>)> = resolved.into_iter().collect();
        baleine_util::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        svc.environment = sorted.into_iter().collect();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{load, ErrorKind, LoadOptions, MemoryFiles};

    const DIR: &str = "/home/learner/projet/kinds";

    fn kind_of(files: &[(&str, &str)], f: &[&str], env: &[(&str, &str)]) -> (ErrorKind, String) {
        let mut fs = MemoryFiles::new();
        for (p, c) in files {
            fs.insert(&format!("{}/{}", DIR, p), c);
        }
        let mut opts = LoadOptions {
            working_dir: DIR.into(),
            files: f.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        opts.env = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let l = load(&opts, &fs);
        assert!(l.project.is_none());
        (l.error_kind.expect("an error kind"), l.error.expect("an error"))
    }

    #[test]
    fn error_kinds() {
        use ErrorKind::*;
        let ok = "services:\n  web:\n    image: nginx\n";
        // errdefs.ErrNotFound, fs.PathError from os.ReadFile / os.Stat
        assert_eq!(kind_of(&[], &[], &[]), (NotFound, "no configuration file provided: not found".into()));
        assert_eq!(
            kind_of(&[("compose.yaml", ok)], &["other.yaml"], &[]),
            (NotFound, format!("open {}/other.yaml: no such file or directory", DIR))
        );
        assert_eq!(
            kind_of(&[("compose.yaml", ok)], &[], &[("COMPOSE_FILE", "a.yaml")]),
            (NotFound, format!("stat {}/a.yaml: no such file or directory", DIR))
        );
        let inc = "include:\n  - path: sub/compose.yaml\n    env_file: sub/missing.env\nservices:\n  web:\n    image: nginx\n";
        assert_eq!(
            kind_of(&[("compose.yaml", inc), ("sub/compose.yaml", ok)], &[], &[]).0,
            NotFound
        );
        let inc = "include:\n  - gone/compose.yaml\nservices:\n  web:\n    image: nginx\n";
        assert_eq!(
            kind_of(&[("compose.yaml", inc)], &[], &[]),
            (NotFound, format!("open {}/gone/compose.yaml: no such file or directory", DIR))
        );
        // everything else is an invalid project
        assert_eq!(kind_of(&[("compose.yaml", "services:\n  web:\n   image: [\n")], &[], &[]).0, Invalid);
        assert_eq!(kind_of(&[("compose.yaml", "services:\n  web:\n    image: nginx\n    foo: 1\n")], &[], &[]).0, Invalid);
        assert_eq!(kind_of(&[("compose.yaml", "services:\n  web:\n    image: nginx\n    depends_on: [db]\n")], &[], &[]).0, Invalid);
        // the kind does not depend on the words: a message of the user's
        // that ends like errdefs.ErrNotFound's is still an interpolation error
        let req = "services:\n  web:\n    image: \"nginx:${TAG:?tag: not found}\"\n";
        assert_eq!(
            kind_of(&[("compose.yaml", req)], &[], &[]),
            (Invalid, "error while interpolating services.web.image: required variable TAG is missing a value: tag: not found".into())
        );
        // a missing required env_file wraps os.Stat's *fs.PathError: a missing file
        let envf = "services:\n  web:\n    image: nginx\n    env_file: web.env\n";
        assert_eq!(kind_of(&[("compose.yaml", envf)], &[], &[]).0, NotFound);
    }
}
