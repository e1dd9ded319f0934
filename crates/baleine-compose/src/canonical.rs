//! The canonical-form phases of compose-go applied to the dynamic tree:
//! `transform.Canonical` (short syntaxes → long form), `OmitEmpty`,
//! `transform.SetDefaultValues`, `validation.Validate`,
//! `paths.ResolveRelativePaths`, `loader.ResolveEnvironment` and
//! `loader.Normalize`.

use crate::format;
use crate::util::{self, clean_path};
use crate::value::{Map, Path, Value, MAX_DEPTH};
use indexmap::IndexMap;

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

// ------------------------------------------------------------------ Canonical

/// `transform.Canonical(dict, ignoreParseError)`: converts short syntaxes
/// into their long form. With interpolation skipped
/// (`config --no-interpolate`), a port list or volume string that does not
/// parse is kept as written.
pub fn canonical_with(m: Map, ignore: bool) -> Result<Map, String> {
    match transform(Value::Map(m), &Path::root(), 0, ignore)? {
        Value::Map(m) => Ok(m),
        _ => Ok(Map::new()),
    }
}

fn transform(v: Value, p: &Path, depth: usize, ignore: bool) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Ok(v);
    }
    let svc = |rest: &[&str]| {
        p.len() == rest.len() + 2
            && p.0[0] == "services"
            && p.0[2..]
                .iter()
                .zip(rest.iter())
                .all(|(a, b)| *b == "*" || a == b)
    };
    let top = |kind: &str| p.len() == 2 && p.0[0] == kind;
    if svc(&["build", "secrets", "*"]) || svc(&["secrets", "*"]) || svc(&["configs", "*"]) {
        return match v {
            Value::Map(_) => Ok(v),
            Value::Str(x) => {
                let mut m = Map::new();
                m.insert("source".into(), Value::Str(x));
                Ok(Value::Map(m))
            }
            other => Err(format!("{}: unsupported type {}", p, go_type(&other))),
        };
    }
    if svc(&["build", "provenance"]) || svc(&["build", "sbom"]) {
        return Ok(match v {
            Value::Str(_) => v,
            other => Value::Str(other.go_string()),
        });
    }
    if svc(&["build", "additional_contexts"]) {
        return match v {
            Value::Map(_) => Ok(v),
            Value::Seq(items) => {
                let mut m = Map::new();
                for e in &items {
                    let es = e.go_string();
                    match es.split_once('=') {
                        Some((k, val)) => {
                            m.insert(k.to_string(), s(val));
                        }
                        None if ignore => return Ok(Value::Seq(items)),
                        None => {
                            return Err(format!("{}: invalid value {}, expected key=value", p, es))
                        }
                    }
                }
                Ok(Value::Map(m))
            }
            other => Err(format!("{}: invalid type {}", p, go_type(&other))),
        };
    }
    if svc(&["depends_on"]) {
        return match v {
            Value::Map(m) => {
                let mut out = Map::new();
                for (k, e) in m {
                    let Value::Map(mut d) = e else {
                        return Err(format!("{}.{}: unsupported value {}", p, k, e.go_string()));
                    };
                    if !d.contains_key("condition") {
                        d.insert("condition".into(), s("service_started"));
                    }
                    if !d.contains_key("required") {
                        d.insert("required".into(), Value::Bool(true));
                    }
                    out.insert(k, Value::Map(d));
                }
                Ok(Value::Map(out))
            }
            Value::Seq(items) => {
                let mut out = Map::new();
                for k in items {
                    let mut d = Map::new();
                    d.insert("condition".into(), s("service_started"));
                    d.insert("required".into(), Value::Bool(true));
                    out.insert(k.go_string(), Value::Map(d));
                }
                Ok(Value::Map(out))
            }
            other => Err(format!(
                "{}: invalid type {} for depend_on",
                p,
                go_type(&other)
            )),
        };
    }
    if svc(&["env_file"]) {
        let fix = |e: Value| match e {
            Value::Str(x) => {
                let mut m = Map::new();
                m.insert("path".into(), Value::Str(x));
                m.insert("required".into(), Value::Bool(true));
                Value::Map(m)
            }
            Value::Map(mut m) => {
                if !m.contains_key("required") {
                    m.insert("required".into(), Value::Bool(true));
                }
                Value::Map(m)
            }
            _ => Value::Null,
        };
        return match v {
            Value::Str(_) => Ok(Value::Seq(vec![fix(v)])),
            Value::Seq(items) => Ok(Value::Seq(items.into_iter().map(fix).collect())),
            other => Err(format!(
                "{}: invalid type {} for env_file",
                p,
                go_type(&other)
            )),
        };
    }
    if svc(&["label_file"])
        || svc(&["dns"])
        || svc(&["develop", "watch", "*", "ignore"])
        || svc(&["develop", "watch", "*", "include"])
    {
        return Ok(match v {
            Value::Str(x) => Value::Seq(vec![Value::Str(x)]),
            other => other,
        });
    }
    if svc(&["extends"]) {
        return match v {
            Value::Map(_) => Ok(v),
            Value::Str(x) => {
                let mut m = Map::new();
                m.insert("service".into(), Value::Str(x));
                Ok(Value::Map(m))
            }
            other => Err(format!(
                "{}: invalid type {} for extends",
                p,
                go_type(&other)
            )),
        };
    }
    if svc(&["networks"]) || svc(&["models"]) {
        return Ok(match v {
            Value::Seq(items) => {
                let mut m = Map::new();
                for n in items {
                    m.insert(n.go_string(), Value::Null);
                }
                Value::Map(m)
            }
            other => other,
        });
    }
    if svc(&["volumes", "*"]) {
        return match v {
            Value::Map(_) => Ok(v),
            Value::Str(x) => {
                let mut vol = match format::parse_volume(&x) {
                    Ok(vol) => vol,
                    Err(_) if ignore => return Ok(Value::Str(x)),
                    Err(e) => return Err(e),
                };
                if !vol.target.is_empty() {
                    vol.target = clean_path(&vol.target);
                }
                Ok(Value::Map(vol.to_map()))
            }
            other => Err(format!(
                "{}: invalid type {} for service volume mount",
                p,
                go_type(&other)
            )),
        };
    }
    if svc(&["ports"]) {
        let Value::Seq(entries) = v else {
            return Err(format!("{}: invalid type {} for port", p, go_type(&v)));
        };
        let mut ports = Vec::new();
        for e in &entries {
            match e {
                Value::Int(i) => {
                    for ps in format::parse_ports(&i.to_string())? {
                        ports.push(Value::Map(ps.to_map()));
                    }
                }
                Value::Str(x) => {
                    let parsed = match format::parse_ports(x) {
                        Ok(parsed) => parsed,
                        Err(_) if ignore => return Ok(Value::Seq(entries)),
                        Err(e) => return Err(e),
                    };
                    for ps in parsed {
                        ports.push(Value::Map(ps.to_map()));
                    }
                }
                Value::Map(m) => ports.push(Value::Map(m.clone())),
                other => return Err(format!("{}: invalid type {} for port", p, go_type(other))),
            }
        }
        return Ok(Value::Seq(ports));
    }
    if svc(&["build"]) {
        return match v {
            Value::Map(m) => transform_mapping(m, p, depth, ignore),
            Value::Str(x) => {
                let mut m = Map::new();
                m.insert("context".into(), Value::Str(x));
                Ok(Value::Map(m))
            }
            other => Err(format!("{}: invalid type {} for build", p, go_type(&other))),
        };
    }
    if svc(&["build", "ssh"]) {
        return match v {
            Value::Seq(items) => {
                let mut m = Map::new();
                for e in items {
                    let Value::Str(x) = e else {
                        return Err(format!("invalid ssh key type {}", go_type(&e)));
                    };
                    match x.split_once('=') {
                        Some((id, path)) => {
                            m.insert(id.to_string(), s(path));
                        }
                        None => {
                            if x != "default" {
                                return Err(format!("invalid ssh key {}", util::go_quote(&x)));
                            }
                            m.insert(x, Value::Null);
                        }
                    }
                }
                Ok(Value::Map(m))
            }
            other => Ok(other),
        };
    }
    if svc(&["ulimits", "*"]) || svc(&["build", "ulimits", "*"]) {
        return match v {
            Value::Map(_) | Value::Int(_) => Ok(v),
            other => Err(format!(
                "{}: invalid type {} for external",
                p,
                go_type(&other)
            )),
        };
    }
    if top("volumes") || top("networks") || top("secrets") || top("configs") {
        return match v {
            Value::Null => Ok(Value::Null),
            Value::Map(m) => {
                let Value::Map(mut resource) = transform_mapping(m, p, depth, ignore)? else {
                    return Ok(Value::Null);
                };
                if let Some(Value::Map(ext)) = resource.get("external").cloned() {
                    resource.insert("external".into(), Value::Bool(true));
                    if let Some(extname) = ext.get("name") {
                        match resource.get("name") {
                            Some(n) if n != extname => {
                                return Err(format!(
                                    "{}: name and external.name conflict; only use name",
                                    p
                                ))
                            }
                            Some(_) => {}
                            None => {
                                resource.insert("name".into(), extname.clone());
                            }
                        }
                    }
                }
                Ok(Value::Map(resource))
            }
            other => Ok(other),
        };
    }
    match v {
        Value::Map(m) => transform_mapping(m, p, depth, ignore),
        Value::Seq(items) => {
            let np = p.next("[]");
            let mut out = Vec::with_capacity(items.len());
            for e in items {
                out.push(transform(e, &np, depth + 1, ignore)?);
            }
            Ok(Value::Seq(out))
        }
        other => Ok(other),
    }
}

fn transform_mapping(m: Map, p: &Path, depth: usize, ignore: bool) -> Result<Value, String> {
    let mut out = Map::with_capacity(m.len());
    for (k, e) in m {
        let np = p.next(&k);
        out.insert(k, transform(e, &np, depth + 1, ignore)?);
    }
    Ok(Value::Map(out))
}

pub(crate) fn go_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<nil>",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Float(_) => "float64",
        Value::Str(_) => "string",
        Value::Seq(_) => "[]interface {}",
        Value::Map(_) => "map[string]interface {}",
    }
}

/// `OmitEmpty`: drops empty `dns` entries.
pub fn omit_empty(mut m: Map) -> Map {
    if let Some(Value::Map(services)) = m.get_mut("services") {
        for (_, svc) in services.iter_mut() {
            if let Value::Map(svc) = svc {
                if let Some(Value::Seq(dns)) = svc.get_mut("dns") {
                    dns.retain(|d| !matches!(d, Value::Null) && d.as_str() != Some(""));
                }
            }
        }
    }
    m
}

// ------------------------------------------------------------------ defaults

/// `transform.SetDefaultValues`.
pub fn set_defaults(m: &mut Map) {
    let Some(Value::Map(services)) = m.get_mut("services") else {
        return;
    };
    for (_, svc) in services.iter_mut() {
        let Value::Map(svc) = svc else { continue };
        if let Some(Value::Map(build)) = svc.get_mut("build") {
            if !build.contains_key("context") {
                build.insert("context".into(), s("."));
            }
        }
        if let Some(Value::Seq(secrets)) = svc.get_mut("secrets") {
            for sec in secrets.iter_mut() {
                if let Value::Map(sec) = sec {
                    if !sec.contains_key("target") {
                        let src = sec.get("source").map(|v| v.go_string()).unwrap_or_default();
                        sec.insert("target".into(), Value::Str(format!("/run/secrets/{}", src)));
                    }
                }
            }
        }
        if let Some(Value::Seq(ports)) = svc.get_mut("ports") {
            for port in ports.iter_mut() {
                if let Value::Map(port) = port {
                    if !port.contains_key("protocol") {
                        port.insert("protocol".into(), s("tcp"));
                    }
                    if !port.contains_key("mode") {
                        port.insert("mode".into(), s("ingress"));
                    }
                }
            }
        }
    }
}

// ------------------------------------------------------------------ validation.Validate

/// `validation.Validate`: semantic checks the JSON schema cannot express.
pub fn check(m: &Map) -> Result<(), String> {
    if let Some(Value::Map(vols)) = m.get("volumes") {
        for (name, v) in vols {
            if let Value::Map(v) = v {
                check_external(v, &format!("volumes.{}", name))?;
            }
        }
    }
    for (kind, keys) in [
        ("configs", &["file", "environment", "content"][..]),
        ("secrets", &["file", "environment"][..]),
    ] {
        if let Some(Value::Map(items)) = m.get(kind) {
            for (name, v) in items {
                let Value::Map(v) = v else { continue };
                let count = keys.iter().filter(|k| v.contains_key(**k)).count();
                let p = format!("{}.{}", kind, name);
                if count > 1 {
                    return Err(format!(
                        "{}: {} attributes are mutually exclusive",
                        p,
                        keys.join("|")
                    ));
                }
                if count == 0 && !v.contains_key("driver") && !v.contains_key("external") {
                    return Err(format!("{}: one of {} must be set", p, keys.join("|")));
                }
            }
        }
    }
    if let Some(Value::Map(services)) = m.get("services") {
        for (name, svc) in services {
            let Value::Map(svc) = svc else { continue };
            if let Some(Value::Seq(ports)) = svc.get("ports") {
                for (i, port) in ports.iter().enumerate() {
                    if let Value::Map(port) = port {
                        if let Some(ip) = port.get("host_ip") {
                            let ips = ip.go_string();
                            if ips.parse::<std::net::IpAddr>().is_err() {
                                return Err(format!(
                                    "services.{}.ports.{}: invalid ip address: {}",
                                    name, i, ips
                                ));
                            }
                        }
                    }
                }
            }
            if let Some(Value::Map(dev)) = svc.get("develop") {
                if let Some(Value::Seq(watch)) = dev.get("watch") {
                    for (i, w) in watch.iter().enumerate() {
                        if let Some(Value::Str(path)) = w.as_map().and_then(|w| w.get("path")) {
                            if path.is_empty() {
                                return Err(format!(
                                    "services.{}.develop.watch.{}.path: value can't be blank",
                                    name, i
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn check_external(v: &Map, p: &str) -> Result<(), String> {
    match v.get("external") {
        Some(Value::Bool(true)) => {}
        _ => return Ok(()),
    }
    for k in v.keys() {
        if k == "name" || k == "external" || k.starts_with("x-") {
            continue;
        }
        return Err(format!(
            "{}: conflicting parameters \"external\" and {} specified",
            p,
            util::go_quote(k)
        ));
    }
    Ok(())
}

// ------------------------------------------------------------------ paths

/// `paths.ResolveRelativePaths` against `base` (an absolute directory).
pub fn resolve_paths(m: &mut Map, base: &str, home: &str) {
    let expand = |p: &str| -> String {
        if p == "~" {
            home.to_string()
        } else if let Some(rest) = p.strip_prefix("~/") {
            util::join_path(home, rest)
        } else {
            p.to_string()
        }
    };
    let abs = |p: &str| -> String {
        let p = expand(p);
        if p.is_empty() || util::is_abs(&p) {
            p
        } else {
            util::join_path(base, &p)
        }
    };
    let is_remote = |c: &str| {
        c.contains("://")
            || c.starts_with("service:")
            || [
                "https://",
                "http://",
                "git://",
                "ssh://",
                "github.com/",
                "git@",
            ]
            .iter()
            .any(|pre| c.starts_with(pre))
    };
    if let Some(Value::Map(services)) = m.get_mut("services") {
        for (_, svc) in services.iter_mut() {
            let Value::Map(svc) = svc else { continue };
            if let Some(Value::Map(build)) = svc.get_mut("build") {
                if let Some(Value::Str(ctx)) = build.get_mut("context") {
                    if !is_remote(ctx) {
                        *ctx = abs(ctx);
                    }
                }
                if let Some(Value::Map(ac)) = build.get_mut("additional_contexts") {
                    for (_, c) in ac.iter_mut() {
                        if let Value::Str(c) = c {
                            if !is_remote(c) {
                                *c = abs(c);
                            }
                        }
                    }
                }
                if let Some(Value::Map(ssh)) = build.get_mut("ssh") {
                    for (_, c) in ssh.iter_mut() {
                        if let Value::Str(c) = c {
                            *c = abs(c);
                        }
                    }
                }
            }
            if let Some(Value::Seq(files)) = svc.get_mut("env_file") {
                for f in files.iter_mut() {
                    if let Some(Value::Str(path)) = f.as_map_mut().and_then(|f| f.get_mut("path")) {
                        *path = abs(path);
                    }
                }
            }
            if let Some(Value::Seq(files)) = svc.get_mut("label_file") {
                for f in files.iter_mut() {
                    if let Value::Str(path) = f {
                        *path = abs(path);
                    }
                }
            }
            if let Some(Value::Map(ext)) = svc.get_mut("extends") {
                if let Some(Value::Str(f)) = ext.get_mut("file") {
                    *f = abs(f);
                }
            }
            if let Some(Value::Map(dev)) = svc.get_mut("develop") {
                if let Some(Value::Seq(watch)) = dev.get_mut("watch") {
                    for w in watch.iter_mut() {
                        if let Some(Value::Str(path)) =
                            w.as_map_mut().and_then(|w| w.get_mut("path"))
                        {
                            *path = abs(path);
                        }
                    }
                }
            }
            if let Some(Value::Seq(vols)) = svc.get_mut("volumes") {
                for v in vols.iter_mut() {
                    let Value::Map(v) = v else { continue };
                    if v.get("type").and_then(|t| t.as_str()) != Some("bind") {
                        continue;
                    }
                    if let Some(Value::Str(src)) = v.get_mut("source") {
                        *src = abs(src);
                    }
                }
            }
        }
    }
    for kind in ["configs", "secrets"] {
        if let Some(Value::Map(items)) = m.get_mut(kind) {
            for (_, it) in items.iter_mut() {
                if let Some(Value::Str(f)) = it.as_map_mut().and_then(|it| it.get_mut("file")) {
                    *f = abs(f);
                }
            }
        }
    }
    if let Some(Value::Map(vols)) = m.get_mut("volumes") {
        for (_, v) in vols.iter_mut() {
            let Value::Map(v) = v else { continue };
            if v.get("driver").and_then(|d| d.as_str()) != Some("local") {
                continue;
            }
            if let Some(Value::Map(opts)) = v.get_mut("driver_opts") {
                if opts.get("o").and_then(|o| o.as_str()) == Some("bind") {
                    if let Some(Value::Str(dev)) = opts.get_mut("device") {
                        *dev = abs(dev);
                    }
                }
            }
        }
    }
}

// ------------------------------------------------------------------ environment

/// `loader.ResolveEnvironment`: list-form `environment` entries without `=` are
/// looked up in the project environment; secrets/configs `environment` sources.
pub fn resolve_environment(m: &mut Map, env: &IndexMap<String, String>) {
    if let Some(Value::Map(services)) = m.get_mut("services") {
        for (_, svc) in services.iter_mut() {
            let Some(Value::Seq(items)) = svc.as_map_mut().and_then(|s| s.get_mut("environment"))
            else {
                continue;
            };
            let mut out = Vec::new();
            for e in items.drain(..) {
                let Value::Str(var) = e else { continue };
                match env.get(&var) {
                    Some(found) => out.push(Value::Str(format!("{}={}", var, found))),
                    None => out.push(Value::Str(var)),
                }
            }
            *items = out;
        }
    }
    if let Some(Value::Map(configs)) = m.get_mut("configs") {
        for (_, c) in configs.iter_mut() {
            let Some(c) = c.as_map_mut() else { continue };
            if let Some(Value::Str(var)) = c.get("environment").cloned() {
                if let Some(found) = env.get(&var) {
                    c.insert("content".into(), Value::Str(found.clone()));
                }
            }
        }
    }
}

// ------------------------------------------------------------------ Normalize

fn dep(restart: bool) -> Value {
    let mut d = Map::new();
    d.insert("condition".into(), s("service_started"));
    d.insert("restart".into(), Value::Bool(restart));
    d.insert("required".into(), Value::Bool(true));
    Value::Map(d)
}

/// `loader.Normalize`: implicit defaults and moved attributes.
pub fn normalize(m: &mut Map, env: &IndexMap<String, String>, project: &str) {
    normalize_networks(m);
    let lookup = |k: &str| env.get(k).cloned();
    if let Some(Value::Map(services)) = m.get_mut("services") {
        for (_, svc) in services.iter_mut() {
            let Value::Map(svc) = svc else { continue };
            if svc.get("pull_policy").and_then(|v| v.as_str()) == Some("if_not_present") {
                svc.insert("pull_policy".into(), s("missing"));
            }
            if let Some(Value::Map(build)) = svc.get_mut("build") {
                if build.get("context").is_none_or(|v| v.is_null()) {
                    build.insert("context".into(), s("."));
                }
                if build.get("dockerfile").is_none_or(|v| v.is_null())
                    && build.get("dockerfile_inline").is_none_or(|v| v.is_null())
                {
                    build.insert("dockerfile".into(), s("Dockerfile"));
                }
                if let Some(args) = build.get_mut("args") {
                    *args = resolve_kv(std::mem::replace(args, Value::Null), &lookup, false);
                }
            }
            if let Some(e) = svc.get_mut("environment") {
                *e = resolve_kv(std::mem::replace(e, Value::Null), &lookup, true);
            }
            let mut depends: Map = match svc.get("depends_on") {
                Some(Value::Map(d)) => d.clone(),
                _ => Map::new(),
            };
            if let Some(Value::Seq(links)) = svc.get("links") {
                for l in links {
                    let link = l.go_string();
                    let parts: Vec<&str> = link.split(':').collect();
                    let name = if parts.len() == 2 {
                        parts[0].to_string()
                    } else {
                        link.clone()
                    };
                    if !depends.contains_key(&name) {
                        depends.insert(name, dep(true));
                    }
                }
            }
            for ns in ["network_mode", "ipc", "pid", "uts", "cgroup"] {
                if let Some(Value::Str(r)) = svc.get(ns) {
                    if let Some(shared) = r.strip_prefix("service:") {
                        if !depends.contains_key(shared) {
                            depends.insert(shared.to_string(), dep(true));
                        }
                    }
                }
            }
            if let Some(Value::Seq(vols)) = svc.get_mut("volumes") {
                for v in vols.iter_mut() {
                    if let Some(Value::Str(t)) = v.as_map_mut().and_then(|v| v.get_mut("target")) {
                        *t = clean_path(t);
                    }
                }
            }
            if let Some(Value::Seq(vf)) = svc.get("volumes_from") {
                for v in vf {
                    let vol = v.go_string();
                    if !vol.starts_with("container:") {
                        let spec = vol.split(':').next().unwrap_or("").to_string();
                        if !depends.contains_key(&spec) {
                            depends.insert(spec, dep(false));
                        }
                    }
                }
            }
            if !depends.is_empty() {
                svc.insert("depends_on".into(), Value::Map(depends));
            }
        }
    }
    // setNameFromKey
    for kind in ["networks", "volumes", "configs", "secrets"] {
        let Some(Value::Map(items)) = m.get_mut(kind) else {
            continue;
        };
        for (key, r) in items.iter_mut() {
            let mut resource = match std::mem::replace(r, Value::Null) {
                Value::Map(m) => m,
                _ => Map::new(),
            };
            if resource.get("name").is_none_or(|n| n.is_null()) {
                let external = match resource.get("external") {
                    Some(Value::Bool(b)) => *b,
                    Some(Value::Str(x)) => {
                        baleine_util::go::parse_bool(x) == Some(true)
                    }
                    _ => false,
                };
                let name = if external {
                    key.clone()
                } else {
                    format!("{}_{}", project, key)
                };
                resource.insert("name".into(), Value::Str(name));
            }
            *r = Value::Map(resource);
        }
    }
}

fn normalize_networks(m: &mut Map) {
    let mut uses_default = false;
    if let Some(Value::Map(services)) = m.get_mut("services") {
        for (_, svc) in services.iter_mut() {
            let Value::Map(svc) = svc else { continue };
            if svc.contains_key("provider") || svc.contains_key("network_mode") {
                continue;
            }
            match svc.get("networks") {
                None => {
                    let mut n = Map::new();
                    n.insert("default".into(), Value::Null);
                    svc.insert("networks".into(), Value::Map(n));
                    uses_default = true;
                }
                Some(Value::Map(n)) if n.is_empty() => {
                    let mut n = Map::new();
                    n.insert("default".into(), Value::Null);
                    svc.insert("networks".into(), Value::Map(n));
                    uses_default = true;
                }
                Some(Value::Map(n)) if n.contains_key("default") => uses_default = true,
                _ => {}
            }
        }
    }
    let mut networks = match m.get("networks") {
        Some(Value::Map(n)) => n.clone(),
        _ => Map::new(),
    };
    if !networks.contains_key("default") && uses_default {
        networks.insert("default".into(), Value::Null);
    }
    if !networks.is_empty() {
        m.insert("networks".into(), Value::Map(networks));
    }
}

/// compose-go `resolve` for `environment` (keepEmpty) and `build.args`.
fn resolve_kv(v: Value, lookup: &dyn Fn(&str) -> Option<String>, keep_empty: bool) -> Value {
    match v {
        Value::Seq(items) => {
            let mut out = Vec::new();
            for it in items {
                if let Value::Str(x) = it {
                    if !x.contains('=') {
                        if let Some(val) = lookup(&x) {
                            out.push(Value::Str(format!("{}={}", x, val)));
                        } else if keep_empty {
                            out.push(Value::Str(x));
                        }
                    } else {
                        out.push(Value::Str(x));
                    }
                }
            }
            Value::Seq(out)
        }
        Value::Map(m) => {
            let mut out = Map::new();
            for (k, val) in m {
                if !val.is_null() {
                    out.insert(k, val);
                    continue;
                }
                if let Some(found) = lookup(&k) {
                    out.insert(k, Value::Str(found));
                } else if keep_empty {
                    out.insert(k, Value::Null);
                }
            }
            Value::Map(out)
        }
        other => other,
    }
}
