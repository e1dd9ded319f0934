//! Loading the compose project from the host's files: a
//! [`baleine_compose::FileSource`] over the host tree, compose's project
//! options (`-f`, `-p`, `--project-directory`, `--env-file`, `--profile`),
//! the selection of services (`up web` = web and its dependencies) and the
//! resources they need (`WithoutUnnecessaryResources`).

use baleine_compose::{graph, ErrorKind, LoadOptions, Project};
use baleine_vfs::{Content, Node, Tree};

use super::cli::{Failure, Globals};
use crate::Cli;

/// The host's files as the loader sees them, optionally with one file's
/// text replaced (the editor's unsaved buffer).
pub struct HostFiles<'a> {
    pub tree: &'a Tree,
    pub overlay: Option<(&'a str, &'a str)>,
}

impl baleine_compose::FileSource for HostFiles<'_> {
    fn read(&self, path: &str) -> Option<String> {
        if let Some((p, t)) = self.overlay {
            if p == path {
                return Some(t.to_string());
            }
        }
        match self.tree.get(path)? {
            Node::File(f) => match &f.content {
                Content::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
                Content::Opaque { .. } => Some(String::new()),
            },
            _ => None,
        }
    }
    fn exists(&self, path: &str) -> bool {
        if let Some((p, _)) = self.overlay {
            if p == path {
                return true;
            }
        }
        matches!(self.tree.get(path), Some(Node::File(_)))
    }
}

/// A loaded project and what a command works on.
pub struct Loaded {
    pub project: Project,
    /// Selected services and their dependencies, in start order.
    pub selected: Vec<String>,
    /// Services named on the command line (empty: all).
    pub named: Vec<String>,
    /// Network keys the selected services use.
    pub networks: Vec<String>,
    /// Volume keys the selected services use.
    pub volumes: Vec<String>,
}

impl Loaded {
    pub fn name(&self) -> &str {
        &self.project.name
    }
}

fn load_options(cli: &Cli<'_>, g: &Globals, profiles: Vec<String>) -> LoadOptions {
    let mut env_files = g.env_files.clone();
    if env_files.is_empty() {
        if let Some(v) = cli.getenv("COMPOSE_ENV_FILES") {
            env_files = v.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect();
        }
    }
    LoadOptions {
        working_dir: cli.cwd.clone(),
        files: g.files.iter().map(|f| if f == "-" { f.clone() } else { cli.host_path(f) }).collect(),
        project_name: g.project_name.clone(),
        project_directory: g.project_directory.as_ref().map(|d| cli.host_path(d)),
        env: cli.env.clone(),
        env_files: env_files.iter().map(|f| cli.host_path(f)).collect(),
        profiles,
        skip_interpolation: false,
    }
}

/// `ProjectOptions.ToModel` without interpolation (`config --no-interpolate`,
/// `--variables`): the raw model; its errors are not categorised (status 1).
pub fn load_model(cli: &mut Cli<'_>, g: &Globals) -> Result<baleine_compose::value::Map, Failure> {
    let mut opts = load_options(cli, g, g.profiles.clone());
    opts.skip_interpolation = true;
    let (model, warnings) = {
        let fs = HostFiles { tree: cli.world.forest.tree(cli.world.host_tree), overlay: None };
        baleine_compose::load_model(&opts, &fs)
    };
    print_warnings(cli, &warnings);
    model.map_err(|(msg, _)| Failure::from(msg))
}

fn print_warnings(cli: &mut Cli<'_>, warnings: &[String]) {
    for w in warnings {
        cli.err(format!("WARN[0000] {w}\n"));
    }
}

/// Loads the project (printing the loader's warnings); Err is compose's message.
pub fn load_project(cli: &mut Cli<'_>, g: &Globals, services: &[String]) -> Result<Loaded, Failure> {
    let opts = load_options(cli, g, g.profiles.clone());
    let loaded = {
        let fs = HostFiles { tree: cli.world.forest.tree(cli.world.host_tree), overlay: None };
        baleine_compose::load(&opts, &fs)
    };
    let (mut project, mut warnings) = match (loaded.project, loaded.error) {
        (Some(p), None) => (p, loaded.warnings),
        (_, e) => {
            print_warnings(cli, &loaded.warnings);
            let kind = loaded.error_kind.unwrap_or(ErrorKind::Invalid);
            return Err(Failure::project(kind, e.unwrap_or_else(|| "empty compose file".into())));
        }
    };
    // Services named on the command line are enabled even when their
    // profiles are not (`WithServicesEnabled`): load again with theirs.
    let extra: Vec<String> = services
        .iter()
        .filter_map(|s| project.disabled_services.get(s))
        .flat_map(|s| s.profiles.iter().cloned())
        .collect();
    if !extra.is_empty() {
        let mut profiles = if g.profiles.is_empty() {
            cli.getenv("COMPOSE_PROFILES").map(|p| p.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
        } else {
            g.profiles.clone()
        };
        profiles.extend(extra);
        let opts = load_options(cli, g, profiles);
        let again = {
            let fs = HostFiles { tree: cli.world.forest.tree(cli.world.host_tree), overlay: None };
            baleine_compose::load(&opts, &fs)
        };
        if let Some(p) = again.project {
            project = p;
            warnings = again.warnings;
        }
    }
    print_warnings(cli, &warnings);
    for s in services {
        if !project.services.contains_key(s) {
            return Err(format!("no such service: {s}").into());
        }
    }
    let selected = graph::start_order(&project, services)?;
    Ok(finish(project, selected, services.to_vec()))
}

/// Builds the selection with the resources it needs.
pub fn finish(project: Project, selected: Vec<String>, named: Vec<String>) -> Loaded {
    let mut networks: Vec<String> = Vec::new();
    let mut volumes: Vec<String> = Vec::new();
    for name in &selected {
        let Some(s) = project.services.get(name) else { continue };
        for n in s.networks.keys() {
            if project.networks.contains_key(n) && !networks.contains(n) {
                networks.push(n.clone());
            }
        }
        for v in &s.volumes {
            if v.kind == baleine_compose::VolumeType::Volume {
                if let Some(src) = &v.source {
                    if project.volumes.contains_key(src) && !volumes.contains(src) {
                        volumes.push(src.clone());
                    }
                }
            }
        }
    }
    // Project order (sorted by key in the loader).
    let networks = project.networks.keys().filter(|k| networks.contains(k)).cloned().collect();
    let volumes = project.volumes.keys().filter(|k| volumes.contains(k)).cloned().collect();
    Loaded { project, selected, named, networks, volumes }
}

/// `projectOrName`: the project when a compose file is found, else the
/// name given by `-p` / `COMPOSE_PROJECT_NAME`.
pub fn project_or_name(cli: &mut Cli<'_>, g: &Globals, services: &[String]) -> Result<(Option<Loaded>, String), Failure> {
    if g.files.is_empty() {
        if let Some(p) = &g.project_name {
            return Ok((None, p.clone()));
        }
    }
    match load_project(cli, g, services) {
        Ok(l) => {
            let n = l.project.name.clone();
            Ok((Some(l), n))
        }
        Err(e) => {
            if let Some(n) = cli.getenv("COMPOSE_PROJECT_NAME").filter(|n| !n.is_empty()) {
                return Ok((None, n.to_string()));
            }
            Err(e)
        }
    }
}

/// The project's environment (OS environment, then the `.env` / `--env-file`
/// values), loaded silently; empty when no project loads. `compose exec -e KEY`
/// resolves KEY through it (cmd/compose/exec.go runExec lookupFn).
pub fn project_environment(cli: &Cli<'_>, g: &Globals) -> indexmap::IndexMap<String, String> {
    let opts = load_options(cli, g, g.profiles.clone());
    let loaded = {
        let fs = HostFiles { tree: cli.world.forest.tree(cli.world.host_tree), overlay: None };
        baleine_compose::load(&opts, &fs)
    };
    loaded.project.map(|p| p.environment).unwrap_or_default()
}

/// `toProjectName`: `-p`, `COMPOSE_PROJECT_NAME`, else the loaded project's name.
pub fn project_name(cli: &mut Cli<'_>, g: &Globals) -> Result<String, Failure> {
    if let Some(p) = &g.project_name {
        return Ok(p.clone());
    }
    if let Some(n) = cli.getenv("COMPOSE_PROJECT_NAME").filter(|n| !n.is_empty()) {
        return Ok(n.to_string());
    }
    load_project(cli, g, &[]).map(|l| l.project.name)
}

/// The first error of a compose file's text, with its line (for the editor).
pub fn check_text(world: &baleine_engine::World, path: &str, text: &str) -> Option<(usize, String)> {
    // Only compose files (prometheus.yml is YAML too).
    let base = baleine_vfs::basename(path).to_ascii_lowercase();
    let named = base.starts_with("compose") || base.starts_with("docker-compose");
    if !named && !text.lines().any(|l| l.starts_with("services:")) {
        return None;
    }
    let abs = baleine_vfs::normalize("/home/learner/projet", path);
    let dir = baleine_vfs::dirname(&abs);
    let opts = LoadOptions { working_dir: dir.to_string(), files: vec![abs.clone()], env: vec![("HOME".into(), world.host_home.clone())], ..Default::default() };
    let loaded = {
        let fs = HostFiles { tree: world.forest.tree(world.host_tree), overlay: Some((&abs, text)) };
        baleine_compose::load(&opts, &fs)
    };
    let err = loaded.error?;
    Some((error_line(text, &err), err))
}

/// Where in `text` an error message points: `line N` of YAML errors, else
/// the key path of `validating ...: services.web.foo ...` messages.
pub fn error_line(text: &str, err: &str) -> usize {
    if let Some(i) = err.find("line ") {
        let digits: String = err[i + 5..].chars().take_while(|c| c.is_ascii_digit()).collect();
        if let Ok(n) = digits.parse::<usize>() {
            if n >= 1 {
                return n;
            }
        }
    }
    let body = match err.split_once(": ") {
        Some((head, rest)) if head.starts_with("validating ") => rest,
        _ => err,
    };
    // `service "web" refers to undefined network back: ...`
    if let Some(rest) = body.strip_prefix("service ") {
        let name: String = rest.trim_start_matches('"').chars().take_while(|c| *c != '"' && !c.is_whitespace()).collect();
        if let Some(start) = locate_keys(text, &["services".to_string(), name.clone()]) {
            let head = rest.split(": ").next().unwrap_or("");
            let token = head.split_whitespace().last().unwrap_or("").trim_matches('"').trim_matches('\'');
            if !token.is_empty() && token != name {
                let lines: Vec<&str> = text.lines().collect();
                let indent = |l: &str| l.len() - l.trim_start().len();
                let base = lines.get(start - 1).map(|l| indent(l)).unwrap_or(0);
                for (i, l) in lines.iter().enumerate().skip(start) {
                    if !l.trim().is_empty() && indent(l) <= base {
                        break;
                    }
                    if l.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.')).any(|w| w == token) {
                        return i + 1;
                    }
                }
            }
            return start;
        }
    }
    // The dotted path at the start, then a quoted property name if any.
    let path_part: String = body.chars().take_while(|c| !c.is_whitespace()).collect();
    let path_part = if path_part == "(root)" { String::new() } else { path_part };
    let mut keys: Vec<String> = path_part.trim_end_matches(':').split('.').filter(|k| !k.is_empty()).map(str::to_string).collect();
    // gojsonschema: `services.web Additional property foo is not allowed`.
    if let Some(i) = body.find("Additional property ") {
        if let Some(name) = body[i + 20..].split_whitespace().next() {
            keys.push(name.to_string());
        }
    } else if let Some(start) = body.find('\'') {
        if let Some(len) = body[start + 1..].find('\'') {
            keys.push(body[start + 1..start + 1 + len].to_string());
        }
    }
    if keys.is_empty() {
        return 1;
    }
    locate_keys(text, &keys).unwrap_or(1)
}

/// The line of a nested key (`services`, `web`, `foo`) in block YAML.
fn locate_keys(text: &str, keys: &[String]) -> Option<usize> {
    let mut found_line = None;
    let mut min_indent: i64 = -1;
    let mut k = 0;
    for (i, line) in text.lines().enumerate() {
        if k >= keys.len() {
            break;
        }
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = (line.len() - trimmed.len()) as i64;
        if found_line.is_some() && indent <= min_indent {
            // left the block of the previous key
            return found_line;
        }
        let t = trimmed.trim_start_matches("- ");
        let key = t.split(':').next().unwrap_or("").trim().trim_matches('"').trim_matches('\'');
        if key == keys[k] && t.contains(':') {
            found_line = Some(i + 1);
            min_indent = indent;
            k += 1;
        }
    }
    found_line
}
