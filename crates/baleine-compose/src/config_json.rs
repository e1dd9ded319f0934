//! `docker compose config --format json`: the project as compose-go's
//! `Project.MarshalJSON` gives it, `json.MarshalIndent(m, "", "  ")` of a map
//! (so top-level keys in byte order: `configs`, `name`, `networks`,
//! `secrets`, `services`, `volumes`, then the `x-*` extensions), each type
//! in Go struct field order with its `json` tags; then every `$` doubled
//! (docker compose's `escapeDollarSign`, as for YAML). Like Go's output it
//! does not end with a newline: compose prints it with `fmt.Fprint`.
//!
//! The tree is the one [`crate::config_yaml`] builds, with the JSON rules
//! (see [`Flavor`]); this module only writes it the way encoding/json does:
//! HTML-safe string escapes, Go's float formatting, `{}`/`[]` for empty
//! collections.

use crate::config_yaml::{project_node, Flavor, Node};
use crate::model::Project;

/// Exactly what `docker compose config --format json` prints, or the error
/// compose fails with (a value encoding/json cannot marshal).
pub fn render(project: &Project) -> Result<String, String> {
    check_ssh(project)?;
    let mut out = String::new();
    write(&mut out, &project_node(Flavor::Json, project), 0)?;
    Ok(out.replace('$', "$$"))
}

/// `config --no-interpolate --format json`: `json.MarshalIndent` of the raw
/// model (keys in byte order, `$` kept as written, no final newline).
pub fn render_model(model: &crate::value::Map) -> Result<String, String> {
    let mut out = String::new();
    write(&mut out, &crate::config_yaml::raw_node(Flavor::Json, &crate::value::Value::Map(model.clone())), 0)?;
    Ok(out)
}

/// `SSHKey.MarshalJSON` writes `"id": path` for a key with a path: not a
/// JSON value, so encoding/json's check of a marshaller's output fails.
fn check_ssh(project: &Project) -> Result<(), String> {
    for s in project.services.values() {
        let Some(b) = &s.build else { continue };
        for key in &b.ssh {
            if matches!(key.split_once('='), Some((_, path)) if !path.is_empty()) {
                return Err("json: error calling MarshalJSON for type types.SSHKey: invalid character ':' after top-level value".into());
            }
        }
    }
    Ok(())
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write(out: &mut String, n: &Node, depth: usize) -> Result<(), String> {
    match n {
        Node::Null => out.push_str("null"),
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Int(i) => out.push_str(&i.to_string()),
        Node::Float(f) => out.push_str(&go_json_float(*f, 64)?),
        Node::Float32(f) => out.push_str(&go_json_float(*f as f64, 32)?),
        Node::Str(s) => quote_into(out, s),
        Node::Seq(items) if items.is_empty() => out.push_str("[]"),
        Node::Map(entries) if entries.is_empty() => out.push_str("{}"),
        Node::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                indent(out, depth + 1);
                write(out, item, depth + 1)?;
            }
            out.push('\n');
            indent(out, depth);
            out.push(']');
        }
        Node::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                indent(out, depth + 1);
                quote_into(out, k);
                out.push_str(": ");
                write(out, v, depth + 1)?;
            }
            out.push('\n');
            indent(out, depth);
            out.push('}');
        }
    }
    Ok(())
}

/// encoding/json's string encoding with `SetEscapeHTML(true)` (the default
/// of `json.Marshal*`), as of Go 1.22 (`\b` and `\f` short escapes).
fn quote_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '<' || c == '>' || c == '&' => {
                let b = c as u32 as usize;
                out.push_str("\\u00");
                out.push(HEX[b >> 4] as char);
                out.push(HEX[b & 0xf] as char);
            }
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// encoding/json's `floatEncoder`: `strconv.FormatFloat(f, 'f', -1, bits)`,
/// or `'e'` below 1e-6 and from 1e21 on (with `e-07` shortened to `e-7`);
/// NaN and infinities are an `UnsupportedValueError`.
fn go_json_float(f: f64, bits: u32) -> Result<String, String> {
    if !f.is_finite() {
        let v = if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "+Inf"
        } else {
            "-Inf"
        };
        return Err(format!("json: unsupported value: {}", v));
    }
    let abs = f.abs();
    let exp = abs != 0.0
        && if bits == 32 {
            (abs as f32) < 1e-6 || (abs as f32) >= 1e21
        } else {
            !(1e-6..1e21).contains(&abs)
        };
    if !exp {
        return Ok(if bits == 32 {
            format!("{}", f as f32)
        } else {
            format!("{}", f)
        });
    }
    let e = if bits == 32 {
        format!("{:e}", f as f32)
    } else {
        format!("{:e}", f)
    };
    let (mant, x) = e.split_once('e').unwrap_or((&e, "0"));
    let x: i32 = x.parse().unwrap_or(0);
    // strconv writes at least two exponent digits; encoding/json then
    // turns a negative one-digit exponent `e-0N` into `e-N`
    let digits = if (-9..0).contains(&x) {
        (-x).to_string()
    } else {
        format!("{:02}", x.abs())
    };
    Ok(format!(
        "{}e{}{}",
        mant,
        if x < 0 { '-' } else { '+' },
        digits
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load, LoadOptions, MemoryFiles};

    fn load_project(dir: &str, files: &[(&str, &str)]) -> Project {
        let mut fs = MemoryFiles::new();
        for (p, c) in files {
            fs.insert(&format!("{}/{}", dir, p), c);
        }
        let opts = LoadOptions {
            working_dir: dir.to_string(),
            env: vec![("HOME".into(), "/home/learner".into())],
            ..Default::default()
        };
        let l = load(&opts, &fs);
        match l.project {
            Some(p) => p,
            None => panic!("load failed: {:?}", l.error),
        }
    }

    #[test]
    fn strings_escape_like_encoding_json() {
        let mut s = String::new();
        quote_into(&mut s, "a\"b\\c\n\t\r\u{8}\u{c}\u{1}\u{1b}<>&\u{7f}é\u{2028}");
        assert_eq!(
            s,
            "\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001b\\u003c\\u003e\\u0026\u{7f}é\\u2028\""
        );
    }

    #[test]
    fn floats_format_like_encoding_json() {
        assert_eq!(go_json_float(0.5, 32).unwrap(), "0.5");
        assert_eq!(go_json_float(0.1f32 as f64, 32).unwrap(), "0.1");
        assert_eq!(go_json_float(0.001f32 as f64, 32).unwrap(), "0.001");
        assert_eq!(go_json_float(2.0, 64).unwrap(), "2");
        assert_eq!(go_json_float(0.3, 64).unwrap(), "0.3");
        assert_eq!(go_json_float(1e20, 64).unwrap(), "100000000000000000000");
        assert_eq!(go_json_float(1e21, 64).unwrap(), "1e+21");
        assert_eq!(go_json_float(1.5e-7, 64).unwrap(), "1.5e-7");
        assert_eq!(go_json_float(1e-10, 64).unwrap(), "1e-10");
        assert_eq!(go_json_float(-0.0, 64).unwrap(), "-0");
        assert_eq!(
            go_json_float(f64::NAN, 64).unwrap_err(),
            "json: unsupported value: NaN"
        );
    }

    #[test]
    fn two_services_with_a_volume_and_a_network() {
        let p = load_project(
            "/home/learner/projet/shop",
            &[(
                "compose.yaml",
                "services:
  web:
    image: nginx:alpine
    ports:
      - \"8080:80\"
    depends_on: [db]
    networks: [back]
  db:
    image: postgres:16
    command: [\"postgres\", \"-c\", \"log_statement=all\"]
    environment:
      POSTGRES_PASSWORD: \"pa$$word\"
    volumes:
      - data:/var/lib/postgresql/data
    networks: [back]
    healthcheck:
      test: [\"CMD\", \"pg_isready\"]
      interval: 5s
    ulimits:
      nofile:
        soft: 1024
        hard: 2048
networks:
  back:
volumes:
  data:
x-note: <shop>
",
            )],
        );
        let json = render(&p).unwrap();
        assert_eq!(
            json,
            r#"{
  "name": "shop",
  "networks": {
    "back": {
      "name": "shop_back",
      "ipam": {}
    }
  },
  "services": {
    "db": {
      "command": [
        "postgres",
        "-c",
        "log_statement=all"
      ],
      "entrypoint": null,
      "environment": {
        "POSTGRES_PASSWORD": "pa$$word"
      },
      "healthcheck": {
        "test": [
          "CMD",
          "pg_isready"
        ],
        "interval": "5s"
      },
      "image": "postgres:16",
      "networks": {
        "back": null
      },
      "ulimits": {
        "nofile": {
          "soft": 1024,
          "hard": 2048
        }
      },
      "volumes": [
        {
          "type": "volume",
          "source": "data",
          "target": "/var/lib/postgresql/data",
          "volume": {}
        }
      ]
    },
    "web": {
      "command": null,
      "depends_on": {
        "db": {
          "condition": "service_started",
          "required": true
        }
      },
      "entrypoint": null,
      "image": "nginx:alpine",
      "networks": {
        "back": null
      },
      "ports": [
        {
          "mode": "ingress",
          "target": 80,
          "published": "8080",
          "protocol": "tcp"
        }
      ]
    }
  },
  "volumes": {
    "data": {
      "name": "shop_data"
    }
  },
  "x-note": "\u003cshop\u003e"
}"#
        );
    }

    #[test]
    fn json_only_rules() {
        let p = load_project(
            "/home/learner/projet/rules",
            &[
                (
                    "compose.yaml",
                    "services:
  app:
    image: alpine
    entrypoint: []
    x-team: infra
    deploy:
      replicas: 2
    mem_limit: 512m
    stop_grace_period: 1m30s
    secrets: [token]
    configs:
      - source: conf
        mode: 0440
    labels:
      b: \"2\"
      a10: x
      a9: y
    ulimits:
      nproc: 65535
      core:
        soft: 0
        hard: 0
networks:
  default:
    ipam:
      config:
        - subnet: 172.28.0.0/16
secrets:
  token:
    environment: TOKEN
configs:
  conf:
    environment: CONF
",
                ),
                (".env", "TOKEN=s3cret\nCONF=hello\n"),
            ],
        );
        let json = render(&p).unwrap();
        let yaml = crate::config_yaml::render(&p);
        // x-* extensions of a service are `json:"-"`
        assert!(yaml.contains("x-team: infra"));
        assert!(!json.contains("x-team"));
        // an empty (non-nil) entrypoint is [], an unset command null
        assert!(json.contains("\"command\": null,\n      \"configs\""));
        assert!(json.contains("\"entrypoint\": [],"));
        // non-pointer structs are never omitted
        assert!(json.contains(
            "\"deploy\": {\n        \"replicas\": 2,\n        \"resources\": {},\n        \"placement\": {}\n      }"
        ));
        // UnitBytes and Duration marshal as strings, FileMode as "0440"
        assert!(json.contains("\"mem_limit\": \"536870912\""));
        assert!(json.contains("\"stop_grace_period\": \"1m30s\""));
        assert!(json.contains("\"mode\": \"0440\""));
        // map keys in byte order (go-yaml sorts a9 before a10)
        assert!(json.contains("\"a10\": \"x\",\n        \"a9\": \"y\",\n        \"b\": \"2\""));
        assert!(yaml.contains("a9: \"y\"\n      a10: x\n"));
        // ulimits: a single value, or soft/hard with `omitempty`
        assert!(json.contains("\"ulimits\": {\n        \"core\": {},\n        \"nproc\": 65535\n      }"));
        // secret content never, config content not when set from `environment`
        assert!(!json.contains("s3cret"));
        assert!(!json.contains("hello"));
        assert!(json.contains("\"conf\": {\n      \"name\": \"rules_conf\",\n      \"environment\": \"CONF\"\n    }"));
        assert!(json.contains(
            "\"ipam\": {\n        \"config\": [\n          {\n            \"subnet\": \"172.28.0.0/16\"\n          }\n        ]\n      }"
        ));
        // top-level keys in byte order, no final newline
        let keys: Vec<&str> = json
            .lines()
            .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
            .map(|l| l.trim().split('"').nth(1).unwrap())
            .collect();
        assert_eq!(keys, ["configs", "name", "networks", "secrets", "services"]);
        assert!(json.ends_with('}'));
    }

    #[test]
    fn ssh_key_with_a_path_cannot_be_marshalled() {
        let dir = "/home/learner/projet/sshx";
        let text = |ssh: &str| {
            format!("services:\n  app:\n    build:\n      context: .\n      ssh: [{}]\n", ssh)
        };
        let p = load_project(dir, &[("compose.yaml", &text("default"))]);
        assert!(render(&p).unwrap().contains("\"ssh\": [\n          \"default\"\n        ]"));
        let p = load_project(dir, &[("compose.yaml", &text("key=/home/learner/.ssh/id"))]);
        assert_eq!(
            render(&p).unwrap_err(),
            "json: error calling MarshalJSON for type types.SSHKey: invalid character ':' after top-level value"
        );
    }
}
