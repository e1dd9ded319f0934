//! Interpolation of a whole compose document (compose-go `interpolation` +
//! `loader/interpolate.go`): every string *value* is substituted (keys are
//! not), then values at typed paths are cast (`"true"` → bool, `"3"` → int).

use crate::template::{self, TemplateError};
use crate::value::{Map, Path, Value};

#[derive(Clone, Copy, PartialEq)]
enum Cast {
    Int,
    Int64,
    Float,
    Float32,
    Bool,
}

fn caster(p: &Path) -> Option<Cast> {
    use Cast::*;
    let svc: &[(&[&str], Cast)] = &[
        (&["cpu_count"], Int64),
        (&["cpu_percent"], Float),
        (&["cpu_period"], Int64),
        (&["cpu_quota"], Int64),
        (&["cpu_rt_period"], Int64),
        (&["cpu_rt_runtime"], Int64),
        (&["cpus"], Float32),
        (&["cpu_shares"], Int64),
        (&["init"], Bool),
        (&["depends_on", "*", "required"], Bool),
        (&["depends_on", "*", "restart"], Bool),
        (&["deploy", "replicas"], Int),
        (&["deploy", "update_config", "parallelism"], Int),
        (&["deploy", "update_config", "max_failure_ratio"], Float),
        (&["deploy", "rollback_config", "parallelism"], Int),
        (&["deploy", "rollback_config", "max_failure_ratio"], Float),
        (&["deploy", "restart_policy", "max_attempts"], Int),
        (&["deploy", "placement", "max_replicas_per_node"], Int),
        (&["healthcheck", "retries"], Int),
        (&["healthcheck", "disable"], Bool),
        (&["oom_kill_disable"], Bool),
        (&["oom_score_adj"], Int64),
        (&["pids_limit"], Int64),
        (&["ports", "[]", "target"], Int),
        (&["privileged"], Bool),
        (&["read_only"], Bool),
        (&["scale"], Int),
        (&["stdin_open"], Bool),
        (&["tty"], Bool),
        (&["ulimits", "*"], Int),
        (&["ulimits", "*", "hard"], Int),
        (&["ulimits", "*", "soft"], Int),
        (&["volumes", "[]", "read_only"], Bool),
        (&["volumes", "[]", "volume", "nocopy"], Bool),
    ];
    let parts = &p.0;
    if parts.len() >= 3 && parts[0] == "services" {
        let rest = &parts[2..];
        for (pat, c) in svc {
            if rest.len() == pat.len()
                && rest
                    .iter()
                    .zip(pat.iter())
                    .all(|(a, b)| *b == "*" || a == b)
            {
                return Some(*c);
            }
        }
    }
    if parts.len() == 3 {
        let top: &[(&str, &str, Cast)] = &[
            ("networks", "external", Bool),
            ("networks", "internal", Bool),
            ("networks", "attachable", Bool),
            ("networks", "enable_ipv4", Bool),
            ("networks", "enable_ipv6", Bool),
            ("volumes", "external", Bool),
            ("secrets", "external", Bool),
            ("configs", "external", Bool),
        ];
        for (a, c, cast) in top {
            if parts[0] == *a && parts[2] == *c {
                return Some(*cast);
            }
        }
    }
    None
}

fn go_parse_int(s: &str, fname: &str) -> Result<i64, String> {
    s.parse::<i64>().map_err(|_| {
        let reason = if s
            .trim_start_matches(['-', '+'])
            .chars()
            .all(|c| c.is_ascii_digit())
            && !s.is_empty()
        {
            "value out of range"
        } else {
            "invalid syntax"
        };
        format!(
            "strconv.{}: parsing {}: {}",
            fname,
            crate::util::go_quote(s),
            reason
        )
    })
}

fn go_parse_float(s: &str) -> Result<f64, String> {
    s.parse::<f64>().map_err(|_| {
        format!(
            "strconv.ParseFloat: parsing {}: invalid syntax",
            crate::util::go_quote(s)
        )
    })
}

/// compose-go `toBoolean`.
pub(crate) fn to_boolean(value: &str, warnings: &mut Vec<String>) -> Result<bool, String> {
    match value.to_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        "y" | "yes" | "on" => {
            warnings.push(format!(
                "{} for boolean is not supported by YAML 1.2, please use `true`",
                crate::util::go_quote(value)
            ));
            Ok(true)
        }
        "n" | "no" | "off" => {
            warnings.push(format!(
                "{} for boolean is not supported by YAML 1.2, please use `false`",
                crate::util::go_quote(value)
            ));
            Ok(false)
        }
        _ => Err(format!("invalid boolean: {}", value)),
    }
}

fn cast(c: Cast, s: &str, warnings: &mut Vec<String>) -> Result<Value, String> {
    match c {
        Cast::Int => go_parse_int(s, "Atoi").map(Value::Int),
        Cast::Int64 => go_parse_int(s, "ParseInt").map(Value::Int),
        Cast::Float => go_parse_float(s).map(Value::Float),
        Cast::Float32 => go_parse_float(s).map(|f| Value::Float(f as f32 as f64)),
        Cast::Bool => to_boolean(s, warnings).map(Value::Bool),
    }
}

fn path_error(path: &Path, e: TemplateError) -> String {
    match e {
        TemplateError::Invalid { template } => format!(
            "invalid interpolation format for {}.\nYou may need to escape any $ with another $.\n{}",
            path, template
        ),
        other => format!("error while interpolating {}: {}", path, other),
    }
}

/// Interpolates every value of a top-level compose mapping.
pub fn interpolate(
    m: Map,
    lookup: &dyn Fn(&str) -> Option<String>,
    warnings: &mut Vec<String>,
) -> Result<Map, String> {
    let mut out = Map::with_capacity(m.len());
    for (k, v) in m {
        let p = Path::root().next(&k);
        out.insert(k, walk(v, &p, lookup, warnings, 0)?);
    }
    Ok(out)
}

fn walk(
    v: Value,
    p: &Path,
    lookup: &dyn Fn(&str) -> Option<String>,
    warnings: &mut Vec<String>,
    depth: usize,
) -> Result<Value, String> {
    if depth > crate::value::MAX_DEPTH {
        return Ok(v);
    }
    match v {
        Value::Str(s) => {
            let new = template::substitute(&s, lookup, warnings).map_err(|e| path_error(p, e))?;
            match caster(p) {
                None => Ok(Value::Str(new)),
                Some(c) => cast(c, &new, warnings).map_err(|e| {
                    format!(
                        "error while interpolating {}: failed to cast to expected type: {}",
                        p, e
                    )
                }),
            }
        }
        Value::Map(m) => {
            let mut out = Map::with_capacity(m.len());
            for (k, e) in m {
                let np = p.next(&k);
                out.insert(k, walk(e, &np, lookup, warnings, depth + 1)?);
            }
            Ok(Value::Map(out))
        }
        Value::Seq(items) => {
            let np = p.next("[]");
            let mut out = Vec::with_capacity(items.len());
            for e in items {
                out.push(walk(e, &np, lookup, warnings, depth + 1)?);
            }
            Ok(Value::Seq(out))
        }
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse_documents;

    fn run(src: &str) -> Result<Map, String> {
        let m = parse_documents(src)
            .unwrap()
            .remove(0)
            .value
            .as_map()
            .unwrap()
            .clone();
        let mut w = Vec::new();
        interpolate(m, &|k| (k == "TAG").then(|| "alpine".to_string()), &mut w)
    }

    #[test]
    fn values_not_keys() {
        let m = run("services:\n  ${TAG}:\n    image: nginx:${TAG}\n").unwrap();
        let svcs = m["services"].as_map().unwrap();
        assert!(svcs.contains_key("${TAG}"));
        assert_eq!(
            svcs["${TAG}"].as_map().unwrap()["image"],
            Value::Str("nginx:alpine".into())
        );
    }

    #[test]
    fn casts() {
        let m = run("services:\n  web:\n    tty: \"true\"\n    scale: \"3\"\n    ports:\n      - target: \"80\"\n").unwrap();
        let web = m["services"].as_map().unwrap()["web"].as_map().unwrap();
        assert_eq!(web["tty"], Value::Bool(true));
        assert_eq!(web["scale"], Value::Int(3));
        assert_eq!(
            web["ports"].as_seq().unwrap()[0].as_map().unwrap()["target"],
            Value::Int(80)
        );
        let e = run("services:\n  web:\n    tty: maybe\n").unwrap_err();
        assert_eq!(e, "error while interpolating services.web.tty: failed to cast to expected type: invalid boolean: maybe");
    }

    #[test]
    fn errors_carry_path() {
        let e = run("services:\n  web:\n    image: ${X:?set X}\n").unwrap_err();
        assert_eq!(e, "error while interpolating services.web.image: required variable X is missing a value: set X");
        let e = run("services:\n  web:\n    environment:\n      - A=${X:?}\n").unwrap_err();
        assert_eq!(e, "error while interpolating services.web.environment.[]: required variable X is missing a value");
        let e = run("services:\n  web:\n    image: ${ X}\n").unwrap_err();
        assert_eq!(e, "invalid interpolation format for services.web.image.\nYou may need to escape any $ with another $.\n${ X}");
    }
}
