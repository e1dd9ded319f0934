//! Override/merge rules (compose-go `override/merge.go`, `override/uncity.go`)
//! and the `!reset` / `!override` post-processing (`loader/reset.go`).

use crate::value::{Map, Path, Value};

#[derive(Clone, Copy)]
enum Special {
    ToSequence,
    Override,
    Build,
    DependsOn,
    Networks,
    ExtraHosts,
    Logging,
    Ulimit,
    IpamConfig,
    Models,
}

fn special(p: &Path) -> Option<Special> {
    use Special::*;
    let table: &[(&[&str], Special)] = &[
        (&["networks", "*", "ipam", "config"], IpamConfig),
        (&["networks", "*", "labels"], ToSequence),
        (&["volumes", "*", "labels"], ToSequence),
        (&["services", "*", "annotations"], ToSequence),
        (&["services", "*", "build"], Build),
        (&["services", "*", "build", "args"], ToSequence),
        (
            &["services", "*", "build", "additional_contexts"],
            ToSequence,
        ),
        (&["services", "*", "build", "extra_hosts"], ExtraHosts),
        (&["services", "*", "build", "labels"], ToSequence),
        (&["services", "*", "command"], Override),
        (&["services", "*", "depends_on"], DependsOn),
        (&["services", "*", "deploy", "labels"], ToSequence),
        (&["services", "*", "dns"], ToSequence),
        (&["services", "*", "dns_opt"], ToSequence),
        (&["services", "*", "dns_search"], ToSequence),
        (&["services", "*", "entrypoint"], Override),
        (&["services", "*", "env_file"], ToSequence),
        (&["services", "*", "label_file"], ToSequence),
        (&["services", "*", "environment"], ToSequence),
        (&["services", "*", "extra_hosts"], ExtraHosts),
        (&["services", "*", "healthcheck", "test"], Override),
        (&["services", "*", "labels"], ToSequence),
        (
            &["services", "*", "volumes", "*", "volume", "labels"],
            ToSequence,
        ),
        (&["services", "*", "logging"], Logging),
        (&["services", "*", "models"], Models),
        (&["services", "*", "networks"], Networks),
        (&["services", "*", "sysctls"], ToSequence),
        (&["services", "*", "tmpfs"], ToSequence),
        (&["services", "*", "ulimits", "*"], Ulimit),
    ];
    table
        .iter()
        .find(|(pat, _)| p.matches(pat))
        .map(|(_, s)| *s)
}

/// Merges `over` on top of `base` (both top-level compose mappings).
pub fn merge(base: Map, over: Map) -> Result<Map, String> {
    match merge_yaml(Value::Map(base), Value::Map(over), &Path::root())? {
        Value::Map(m) => Ok(m),
        _ => Ok(Map::new()),
    }
}

/// Merges a base service definition with the extending one (`extends`).
pub fn extend_service(base: Map, over: Map) -> Result<Map, String> {
    match merge_yaml(
        Value::Map(base),
        Value::Map(over),
        &Path::new(&["services", "x"]),
    )? {
        Value::Map(m) => Ok(m),
        _ => Ok(Map::new()),
    }
}

pub fn merge_yaml(e: Value, o: Value, p: &Path) -> Result<Value, String> {
    if let Some(s) = special(p) {
        return merge_special(s, e, o, p);
    }
    if o.is_null() {
        return Ok(e);
    }
    match e {
        Value::Map(m) => match o {
            Value::Map(other) => Ok(Value::Map(merge_mappings(m, other, p)?)),
            _ => Err(format!("cannot override {}", p)),
        },
        Value::Seq(mut s) => match o {
            Value::Seq(other) => {
                s.extend(other);
                Ok(Value::Seq(s))
            }
            _ => Err(format!("cannot override {}", p)),
        },
        _ => Ok(o),
    }
}

fn merge_mappings(mut m: Map, other: Map, p: &Path) -> Result<Map, String> {
    for (k, v) in other {
        match m.get_mut(&k) {
            None => {
                m.insert(k, v);
            }
            Some(slot) => {
                let e = std::mem::replace(slot, Value::Null);
                *slot = merge_yaml(e, v, &p.next(&k))?;
            }
        }
    }
    Ok(m)
}

fn merge_special(s: Special, e: Value, o: Value, p: &Path) -> Result<Value, String> {
    match s {
        Special::Override => Ok(o),
        Special::ToSequence => {
            let mut right = into_sequence(e);
            right.extend(into_sequence(o));
            Ok(Value::Seq(right))
        }
        Special::ExtraHosts => {
            let mut right = into_sequence(e);
            let left: Vec<Value> = into_sequence(o)
                .into_iter()
                .filter(|v| !right.contains(v))
                .collect();
            right.extend(left);
            Ok(Value::Seq(right))
        }
        Special::Build => {
            let to_build = |v: Value| match v {
                Value::Str(s) => {
                    let mut m = Map::new();
                    m.insert("context".into(), Value::Str(s));
                    m
                }
                Value::Map(m) => m,
                _ => Map::new(),
            };
            Ok(Value::Map(merge_mappings(to_build(e), to_build(o), p)?))
        }
        Special::DependsOn => {
            let default = || {
                let mut d = Map::new();
                d.insert("condition".into(), Value::Str("service_started".into()));
                d.insert("required".into(), Value::Bool(true));
                Value::Map(d)
            };
            let right = into_mapping(e, Some(&default));
            let left = into_mapping(o, Some(&default));
            Ok(Value::Map(merge_mappings(right, left, p)?))
        }
        Special::Networks | Special::Models => {
            let right = into_mapping(e, None);
            let left = into_mapping(o, None);
            Ok(Value::Map(merge_mappings(right, left, p)?))
        }
        Special::Logging => {
            let (Value::Map(config), Value::Map(other)) = (e, o.clone()) else {
                return Ok(o);
            };
            let d = other.get("driver");
            let c = config.get("driver");
            if d == c || d.is_none() || c.is_none() {
                Ok(Value::Map(merge_mappings(config, other, p)?))
            } else {
                Ok(Value::Map(other))
            }
        }
        Special::Ulimit => match o {
            Value::Map(over) => Ok(Value::Map(merge_mappings(over.clone(), over, p)?)),
            o => Ok(o),
        },
        Special::IpamConfig => {
            let (Value::Seq(configs), Value::Seq(overrides)) = (e, o) else {
                return Err(format!("{}: unexpected type", p));
            };
            let mut out: Vec<Value> = Vec::new();
            let subnet = |v: &Value| v.as_map().and_then(|m| m.get("subnet")).cloned();
            for original in configs {
                for ov in &overrides {
                    let right = into_mapping(original.clone(), None);
                    let left = into_mapping(ov.clone(), None);
                    if left.get("subnet") != right.get("subnet") {
                        let ls = left.get("subnet").cloned();
                        if !out.iter().any(|a| subnet(a) == ls) {
                            out.push(Value::Map(left));
                            continue;
                        }
                    }
                    let merged = merge_mappings(right, left, p)?;
                    let ms = merged.get("subnet").cloned();
                    match out.iter().position(|a| subnet(a) == ms) {
                        Some(i) => out[i] = Value::Map(merged),
                        None => out.push(Value::Map(merged)),
                    }
                }
            }
            Ok(Value::Seq(out))
        }
    }
}

/// compose-go `convertIntoSequence`: maps become sorted `key=value` strings.
fn into_sequence(v: Value) -> Vec<Value> {
    match v {
        Value::Map(m) => {
            let mut seq: Vec<String> = Vec::new();
            for (k, val) in m {
                match val {
                    Value::Null => seq.push(k),
                    Value::Seq(items) => {
                        for i in items {
                            seq.push(format!("{}={}", k, i.go_string()));
                        }
                    }
                    other => seq.push(format!("{}={}", k, other.go_string())),
                }
            }
            baleine_util::sort(&mut seq);
            seq.into_iter().map(Value::Str).collect()
        }
        Value::Seq(s) => s,
        Value::Str(s) => vec![Value::Str(s)],
        _ => Vec::new(),
    }
}

fn into_mapping(v: Value, default: Option<&dyn Fn() -> Value>) -> Map {
    match v {
        Value::Map(m) => m,
        Value::Seq(items) => {
            let mut out = Map::new();
            for s in items {
                let key = match s {
                    Value::Str(s) => s,
                    other => other.go_string(),
                };
                out.insert(key, default.map(|d| d()).unwrap_or(Value::Null));
            }
            out
        }
        _ => Map::new(),
    }
}

// ------------------------------------------------------------------ unicity

#[derive(Clone, Copy)]
enum Indexer {
    KeyValue,
    Volume,
    Device,
    Expose,
    Mount(&'static str),
    Port,
    EnvFile,
}

fn indexer(p: &Path) -> Option<Indexer> {
    use Indexer::*;
    let table: &[(&[&str], Indexer)] = &[
        (&["networks", "*", "labels"], KeyValue),
        (&["networks", "*", "ipam", "options"], KeyValue),
        (&["services", "*", "annotations"], KeyValue),
        (&["services", "*", "build", "args"], KeyValue),
        (&["services", "*", "build", "additional_contexts"], KeyValue),
        (&["services", "*", "build", "platform"], KeyValue),
        (&["services", "*", "build", "tags"], KeyValue),
        (&["services", "*", "build", "labels"], KeyValue),
        (&["services", "*", "cap_add"], KeyValue),
        (&["services", "*", "cap_drop"], KeyValue),
        (&["services", "*", "devices"], Device),
        (&["services", "*", "configs"], Mount("")),
        (&["services", "*", "deploy", "labels"], KeyValue),
        (&["services", "*", "dns"], KeyValue),
        (&["services", "*", "dns_opt"], KeyValue),
        (&["services", "*", "dns_search"], KeyValue),
        (&["services", "*", "environment"], KeyValue),
        (&["services", "*", "env_file"], EnvFile),
        (&["services", "*", "expose"], Expose),
        (&["services", "*", "labels"], KeyValue),
        (&["services", "*", "links"], KeyValue),
        (&["services", "*", "networks", "*", "aliases"], KeyValue),
        (
            &["services", "*", "networks", "*", "link_local_ips"],
            KeyValue,
        ),
        (&["services", "*", "ports"], Port),
        (&["services", "*", "profiles"], KeyValue),
        (&["services", "*", "secrets"], Mount("/run/secrets")),
        (&["services", "*", "sysctls"], KeyValue),
        (&["services", "*", "tmpfs"], KeyValue),
        (&["services", "*", "volumes"], Volume),
    ];
    table
        .iter()
        .find(|(pat, _)| p.matches(pat))
        .map(|(_, s)| *s)
}

fn go_type(v: &Value) -> &'static str {
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

fn index(ix: Indexer, v: &Value, p: &Path) -> Result<String, String> {
    match ix {
        Indexer::KeyValue => match v {
            Value::Str(s) => Ok(s.split_once('=').map(|(k, _)| k).unwrap_or(s).to_string()),
            other => Err(format!("{}: unexpected type {}", p, go_type(other))),
        },
        Indexer::Volume => match v {
            Value::Map(m) => match m.get("target") {
                Some(Value::Str(t)) => Ok(t.clone()),
                _ => Err(format!("service volume {} is missing a mount target", p)),
            },
            Value::Str(s) => Ok(crate::format::parse_volume(s)?.target),
            _ => Ok(String::new()),
        },
        Indexer::Device => match v {
            Value::Map(m) => match m.get("target") {
                Some(Value::Str(t)) => Ok(t.clone()),
                _ => Err(format!("service device {} is missing a mount target", p)),
            },
            Value::Str(s) => {
                let parts: Vec<&str> = s.split(':').collect();
                Ok(if parts.len() == 1 { parts[0] } else { parts[1] }.to_string())
            }
            _ => Ok(String::new()),
        },
        Indexer::Expose => match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Int(i) => Ok(i.to_string()),
            other => Err(format!(
                "{}: unsupported expose value {}",
                p,
                other.go_string()
            )),
        },
        Indexer::Mount(default) => match v {
            Value::Str(s) => Ok(format!("{}/{}", default, s)),
            Value::Map(m) => match m.get("target") {
                Some(t) => Ok(t.go_string()),
                None => Ok(format!(
                    "{}/{}",
                    default,
                    m.get("source")
                        .map(|s| s.go_string())
                        .unwrap_or_else(|| "%!s(<nil>)".into())
                )),
            },
            other => Err(format!(
                "{}: unsupported expose value {}",
                p,
                other.go_string()
            )),
        },
        Indexer::Port => match v {
            Value::Int(i) => Ok(i.to_string()),
            Value::Map(m) => {
                let Some(target) = m.get("target") else {
                    return Err(format!("service ports {} is missing a target port", p));
                };
                let published = m
                    .get("published")
                    .map(|v| v.go_string())
                    .unwrap_or_else(|| "%!s(<nil>)".into());
                let host = m
                    .get("host_ip")
                    .map(|v| v.go_string())
                    .unwrap_or_else(|| "0.0.0.0".into());
                let proto = m
                    .get("protocol")
                    .map(|v| v.go_string())
                    .unwrap_or_else(|| "tcp".into());
                Ok(format!(
                    "{}:{}:{}/{}",
                    host,
                    published,
                    target.go_string(),
                    proto
                ))
            }
            Value::Str(s) => Ok(s.clone()),
            _ => Ok(String::new()),
        },
        Indexer::EnvFile => match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Map(m) => match m.get("path") {
                Some(p) => Ok(p.go_string()),
                None => Err(format!("environment path attribute {} is missing", p)),
            },
            _ => Ok(String::new()),
        },
    }
}

/// compose-go `EnforceUnicity`: later duplicates replace earlier entries in place.
pub fn enforce_unicity(m: Map) -> Result<Map, String> {
    match unicity(Value::Map(m), &Path::root(), 0)? {
        Value::Map(m) => Ok(m),
        _ => Ok(Map::new()),
    }
}

fn unicity(v: Value, p: &Path, depth: usize) -> Result<Value, String> {
    if depth > crate::value::MAX_DEPTH {
        return Ok(v);
    }
    match v {
        Value::Map(m) => {
            let mut out = Map::with_capacity(m.len());
            for (k, e) in m {
                let u = unicity(e, &p.next(&k), depth + 1)?;
                out.insert(k, u);
            }
            Ok(Value::Map(out))
        }
        Value::Seq(items) => {
            let Some(ix) = indexer(p) else {
                return Ok(Value::Seq(items));
            };
            let mut seq: Vec<Value> = Vec::new();
            let mut keys: indexmap::IndexMap<String, usize> = indexmap::IndexMap::new();
            for (i, entry) in items.into_iter().enumerate() {
                let key = index(ix, &entry, &p.next(&format!("[{}]", i)))?;
                match keys.get(&key) {
                    Some(&j) => seq[j] = entry,
                    None => {
                        seq.push(entry);
                        keys.insert(key, seq.len() - 1);
                    }
                }
            }
            Ok(Value::Seq(seq))
        }
        other => Ok(other),
    }
}

// ------------------------------------------------------------------ !reset

/// compose-go `ResetProcessor.Apply`: removes from `target` every mapping entry
/// whose path matches a recorded `!reset`/`!override` path.
pub fn apply_resets(target: &mut Map, paths: &[Path]) {
    if paths.is_empty() {
        return;
    }
    apply_resets_at(target, &Path::root(), paths, 0);
}

fn apply_resets_at(m: &mut Map, p: &Path, paths: &[Path], depth: usize) {
    if depth > crate::value::MAX_DEPTH {
        return;
    }
    let keys: Vec<String> = m.keys().cloned().collect();
    for k in keys {
        let next = p.next(&k);
        if paths.iter().any(|pat| next.matches_path(pat)) {
            m.shift_remove(&k);
            continue;
        }
        if let Some(Value::Map(child)) = m.get_mut(&k) {
            apply_resets_at(child, &next, paths, depth + 1);
        } else if let Some(Value::Seq(items)) = m.get_mut(&k) {
            for (i, item) in items.iter_mut().enumerate() {
                if let Value::Map(child) = item {
                    apply_resets_at(child, &next.next(&format!("[{}]", i)), paths, depth + 1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse_documents;

    fn map(src: &str) -> Map {
        parse_documents(src)
            .unwrap()
            .remove(0)
            .value
            .as_map()
            .unwrap()
            .clone()
    }

    #[test]
    fn environment_merged_as_sequence() {
        let base = map("services:\n  web:\n    environment:\n      A: 1\n      B: x\n");
        let over = map("services:\n  web:\n    environment:\n      - B=y\n      - C\n");
        let merged = enforce_unicity(merge(base, over).unwrap()).unwrap();
        let env = &merged["services"].as_map().unwrap()["web"]
            .as_map()
            .unwrap()["environment"];
        assert_eq!(
            env,
            &Value::Seq(vec![
                Value::Str("A=1".into()),
                Value::Str("B=y".into()),
                Value::Str("C".into())
            ])
        );
    }

    #[test]
    fn command_replaced_ports_appended() {
        let base = map("services:\n  web:\n    command: [a, b]\n    ports: ['80:80']\n");
        let over = map("services:\n  web:\n    command: c\n    ports: ['80:80', '443:443']\n");
        let merged = enforce_unicity(merge(base, over).unwrap()).unwrap();
        let web = merged["services"].as_map().unwrap()["web"]
            .as_map()
            .unwrap();
        assert_eq!(web["command"], Value::Str("c".into()));
        assert_eq!(web["ports"].as_seq().unwrap().len(), 2);
    }
}
