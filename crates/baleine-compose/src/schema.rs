//! Schema validation of a compose model, reproducing what compose-go v2.4.7
//! (Docker Compose v2.32) gets from the compose-spec JSON schema (draft-07)
//! through xeipuuv/gojsonschema v1.2.0 and its `getMostSpecificError`
//! selection:
//!
//! * `(root) Additional property servics is not allowed`
//! * `services.web Additional property foo is not allowed`
//! * `services.web.ports must be a list`
//! * `services.web.environment.FOO must be a string, number, boolean or null`
//! * `services.frontend.develop.watch.0 action is required`
//!
//! The schema below is our own transcription of the compose-spec structure
//! (accepted attributes, their types and constraints), interpreted by a small
//! validator implementing the keywords the spec uses.

use crate::value::{Map, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

// ------------------------------------------------------------------ schema model

const NULL: u8 = 1;
const BOOL: u8 = 2;
const INT: u8 = 4;
const NUM: u8 = 8;
const STR: u8 = 16;
const ARR: u8 = 32;
const OBJ: u8 = 64;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Pat {
    /// `^x-`
    XPrefix,
    /// `^.+$` and `.+`
    NonEmpty,
    /// `^[a-zA-Z0-9._-]+$`
    Name,
    /// `^[a-z]+$`
    Lower,
    /// `[a-zA-Z0-9][a-zA-Z0-9_.-]+` (unanchored)
    ContainerName,
    /// `always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+` (unanchored)
    PullPolicy,
}

impl Pat {
    fn source(self) -> &'static str {
        match self {
            Pat::XPrefix => "^x-",
            Pat::NonEmpty => "^.+$",
            Pat::Name => "^[a-zA-Z0-9._-]+$",
            Pat::Lower => "^[a-z]+$",
            Pat::ContainerName => "[a-zA-Z0-9][a-zA-Z0-9_.-]+",
            Pat::PullPolicy => "always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+",
        }
    }

    fn matches(self, s: &str) -> bool {
        match self {
            Pat::XPrefix => s.starts_with("x-"),
            Pat::NonEmpty => !s.is_empty() && s.split('\n').any(|l| !l.is_empty()),
            Pat::Name => {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
            }
            Pat::Lower => !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase()),
            Pat::ContainerName => {
                let b = s.as_bytes();
                b.windows(2).any(|w| {
                    w[0].is_ascii_alphanumeric()
                        && (w[1].is_ascii_alphanumeric() || b"_.-".contains(&w[1]))
                })
            }
            Pat::PullPolicy => {
                [
                    "always",
                    "never",
                    "build",
                    "if_not_present",
                    "missing",
                    "refresh",
                    "daily",
                    "weekly",
                ]
                .iter()
                .any(|w| s.contains(w))
                    || s.match_indices("every_").any(|(i, _)| {
                        let rest = &s.as_bytes()[i + 6..];
                        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
                        digits > 0 && rest.get(digits).is_some_and(|c| b"wdhms".contains(c))
                    })
            }
        }
    }
}

#[derive(Clone, Default)]
struct S {
    types: u8,
    /// The `type` keyword as written, `|`-separated, in schema order.
    type_names: &'static str,
    enum_vals: Option<&'static [&'static str]>,
    reference: Option<&'static str>,
    props: Vec<(&'static str, S)>,
    pattern_props: Vec<(Pat, S)>,
    no_additional: bool,
    required: &'static [&'static str],
    items: Option<Box<S>>,
    unique: bool,
    minimum: Option<f64>,
    maximum: Option<f64>,
    one_of: Vec<S>,
    pattern: Option<Pat>,
}

fn parse_types(t: &str) -> u8 {
    t.split('|')
        .map(|x| match x {
            "null" => NULL,
            "boolean" => BOOL,
            "integer" => INT,
            "number" => NUM,
            "string" => STR,
            "array" => ARR,
            "object" => OBJ,
            _ => 0,
        })
        .fold(0, |a, b| a | b)
}

/// `{"type": ...}`
fn t(types: &'static str) -> S {
    S {
        types: parse_types(types),
        type_names: types,
        ..Default::default()
    }
}
/// `{}` (anything)
fn any() -> S {
    S::default()
}
/// `{"$ref": "#/definitions/name"}`
fn r(name: &'static str) -> S {
    S {
        reference: Some(name),
        ..Default::default()
    }
}
/// A closed object: `additionalProperties: false` with `^x-` extensions allowed.
fn obj(props: Vec<(&'static str, S)>) -> S {
    S {
        types: OBJ,
        type_names: "object",
        props,
        pattern_props: vec![(Pat::XPrefix, any())],
        no_additional: true,
        ..Default::default()
    }
}
/// An object whose keys match `pat`, each validated by `value`.
fn dict(pat: Pat, value: S) -> S {
    S {
        types: OBJ,
        type_names: "object",
        pattern_props: vec![(pat, value)],
        ..Default::default()
    }
}
fn arr(items: S) -> S {
    S {
        types: ARR,
        type_names: "array",
        items: Some(Box::new(items)),
        ..Default::default()
    }
}
fn one_of(v: Vec<S>) -> S {
    S {
        one_of: v,
        ..Default::default()
    }
}

impl S {
    fn unique(mut self) -> S {
        self.unique = true;
        self
    }
    fn req(mut self, r: &'static [&'static str]) -> S {
        self.required = r;
        self
    }
    fn min(mut self, m: f64) -> S {
        self.minimum = Some(m);
        self
    }
    fn max(mut self, m: f64) -> S {
        self.maximum = Some(m);
        self
    }
    fn en(mut self, v: &'static [&'static str]) -> S {
        self.enum_vals = Some(v);
        self
    }
    fn pat(mut self, p: Pat) -> S {
        self.pattern = Some(p);
        self
    }
    fn closed(mut self) -> S {
        self.no_additional = true;
        self
    }
    /// drop the `^x-` pattern of `obj()`
    fn no_x(mut self) -> S {
        self.pattern_props.retain(|(p, _)| *p != Pat::XPrefix);
        self
    }
    fn types(mut self, t: &'static str) -> S {
        self.types = parse_types(t);
        self.type_names = t;
        self
    }
}

fn definitions() -> &'static HashMap<&'static str, S> {
    static DEFS: OnceLock<HashMap<&'static str, S>> = OnceLock::new();
    DEFS.get_or_init(build_definitions)
}

fn root_schema() -> &'static S {
    static ROOT: OnceLock<S> = OnceLock::new();
    ROOT.get_or_init(|| {
        obj(vec![
            ("version", t("string")),
            ("name", t("string")),
            ("include", arr(r("include"))),
            ("services", dict(Pat::Name, r("service")).closed()),
            ("models", dict(Pat::Name, r("model"))),
            ("networks", dict(Pat::Name, r("network"))),
            ("volumes", dict(Pat::Name, r("volume")).closed()),
            ("secrets", dict(Pat::Name, r("secret")).closed()),
            ("configs", dict(Pat::Name, r("config")).closed()),
        ])
    })
}

fn build_definitions() -> HashMap<&'static str, S> {
    let mut d: HashMap<&'static str, S> = HashMap::new();
    let bool_str = || t("boolean|string");
    let int_str = || t("integer|string");
    let num_str = || t("number|string");
    let string = || t("string");
    let strings = || arr(t("string"));

    let build = obj(vec![
        ("context", string()),
        ("dockerfile", string()),
        ("dockerfile_inline", string()),
        ("entitlements", strings()),
        ("args", r("list_or_dict")),
        ("ssh", r("list_or_dict")),
        ("labels", r("list_or_dict")),
        ("cache_from", strings()),
        ("cache_to", strings()),
        ("no_cache", bool_str()),
        ("additional_contexts", r("list_or_dict")),
        ("network", string()),
        ("provenance", t("string|boolean")),
        ("sbom", t("string|boolean")),
        ("pull", bool_str()),
        ("target", string()),
        ("shm_size", int_str()),
        ("extra_hosts", r("extra_hosts")),
        ("isolation", string()),
        ("privileged", bool_str()),
        ("secrets", r("service_config_or_secret")),
        ("tags", strings()),
        ("ulimits", r("ulimits")),
        ("platforms", strings()),
    ]);

    let blkio = S {
        types: OBJ,
        type_names: "object",
        props: vec![
            ("device_read_bps", arr(r("blkio_limit"))),
            ("device_read_iops", arr(r("blkio_limit"))),
            ("device_write_bps", arr(r("blkio_limit"))),
            ("device_write_iops", arr(r("blkio_limit"))),
            ("weight", int_str()),
            ("weight_device", arr(r("blkio_weight"))),
        ],
        no_additional: true,
        ..Default::default()
    };

    let depends_on = one_of(vec![
        r("list_of_strings"),
        S {
            types: OBJ,
            type_names: "object",
            no_additional: true,
            pattern_props: vec![(
                Pat::Name,
                obj(vec![
                    ("restart", bool_str()),
                    ("required", t("boolean")),
                    (
                        "condition",
                        string().en(&[
                            "service_started",
                            "service_healthy",
                            "service_completed_successfully",
                        ]),
                    ),
                ])
                .req(&["condition"]),
            )],
            ..Default::default()
        },
    ]);

    let devices = arr(one_of(vec![
        string(),
        obj(vec![
            ("source", string()),
            ("target", string()),
            ("permissions", string()),
        ])
        .req(&["source"]),
    ]));

    let provider = obj(vec![
        ("type", string()),
        (
            "options",
            dict(
                Pat::NonEmpty,
                one_of(vec![
                    t("string|number|boolean"),
                    arr(t("string|number|boolean")),
                ]),
            ),
        ),
    ])
    .req(&["type"]);

    let logging = obj(vec![
        ("driver", string()),
        ("options", dict(Pat::NonEmpty, t("string|number|null"))),
    ]);

    let models = one_of(vec![
        r("list_of_strings"),
        dict(
            Pat::Name,
            obj(vec![("endpoint_var", string()), ("model_var", string())]),
        ),
    ]);

    let service_network = one_of(vec![
        obj(vec![
            ("aliases", r("list_of_strings")),
            ("interface_name", string()),
            ("ipv4_address", string()),
            ("ipv6_address", string()),
            ("link_local_ips", r("list_of_strings")),
            ("mac_address", string()),
            ("driver_opts", dict(Pat::NonEmpty, t("string|number"))),
            ("priority", t("number")),
            ("gw_priority", t("number")),
        ]),
        t("null"),
    ]);
    let networks = one_of(vec![
        r("list_of_strings"),
        S {
            types: OBJ,
            type_names: "object",
            pattern_props: vec![(Pat::Name, service_network)],
            no_additional: true,
            ..Default::default()
        },
    ]);

    let ports = arr(one_of(vec![
        t("number"),
        string(),
        obj(vec![
            ("name", string()),
            ("mode", string()),
            ("host_ip", string()),
            ("target", int_str()),
            ("published", t("string|integer")),
            ("protocol", string()),
            ("app_protocol", string()),
        ]),
    ]))
    .unique();

    let volumes = arr(one_of(vec![
        string(),
        obj(vec![
            (
                "type",
                string().en(&["bind", "volume", "tmpfs", "cluster", "npipe", "image"]),
            ),
            ("source", string()),
            ("target", string()),
            ("read_only", bool_str()),
            ("consistency", string()),
            (
                "bind",
                obj(vec![
                    ("propagation", string()),
                    ("create_host_path", bool_str()),
                    (
                        "recursive",
                        string().en(&["enabled", "disabled", "writable", "readonly"]),
                    ),
                    ("selinux", string().en(&["z", "Z"])),
                ]),
            ),
            (
                "volume",
                obj(vec![
                    ("labels", r("list_or_dict")),
                    ("nocopy", bool_str()),
                    ("subpath", string()),
                ]),
            ),
            (
                "tmpfs",
                obj(vec![
                    ("size", one_of(vec![t("integer").min(0.0), string()])),
                    ("mode", num_str()),
                ]),
            ),
            ("image", obj(vec![("subpath", string())])),
        ])
        .req(&["type"]),
    ]))
    .unique();

    let extends = one_of(vec![
        string(),
        obj(vec![("service", string()), ("file", string())])
            .req(&["service"])
            .no_x(),
    ]);

    let service = obj(vec![
        ("develop", r("development")),
        ("deploy", r("deployment")),
        ("annotations", r("list_or_dict")),
        ("attach", bool_str()),
        ("build", one_of(vec![string(), build])),
        ("blkio_config", blkio),
        ("cap_add", strings().unique()),
        ("cap_drop", strings().unique()),
        ("cgroup", string().en(&["host", "private"])),
        ("cgroup_parent", string()),
        ("command", r("command")),
        ("configs", r("service_config_or_secret")),
        ("container_name", string().pat(Pat::ContainerName)),
        ("cpu_count", one_of(vec![string(), t("integer").min(0.0)])),
        (
            "cpu_percent",
            one_of(vec![string(), t("integer").min(0.0).max(100.0)]),
        ),
        ("cpu_shares", num_str()),
        ("cpu_quota", num_str()),
        ("cpu_period", num_str()),
        ("cpu_rt_period", num_str()),
        ("cpu_rt_runtime", num_str()),
        ("cpus", num_str()),
        ("cpuset", string()),
        (
            "credential_spec",
            obj(vec![
                ("config", string()),
                ("file", string()),
                ("registry", string()),
            ]),
        ),
        ("depends_on", depends_on),
        ("device_cgroup_rules", r("list_of_strings")),
        ("devices", devices),
        ("dns", r("string_or_list")),
        ("dns_opt", strings().unique()),
        ("dns_search", r("string_or_list")),
        ("domainname", string()),
        ("entrypoint", r("command")),
        ("env_file", r("env_file")),
        ("label_file", r("label_file")),
        ("environment", r("list_or_dict")),
        ("expose", arr(t("string|number")).unique()),
        ("extends", extends),
        ("provider", provider),
        ("external_links", strings().unique()),
        ("extra_hosts", r("extra_hosts")),
        ("gpus", r("gpus")),
        ("group_add", arr(t("string|number")).unique()),
        ("healthcheck", r("healthcheck")),
        ("hostname", string()),
        ("image", string()),
        ("init", bool_str()),
        ("ipc", string()),
        ("isolation", string()),
        ("labels", r("list_or_dict")),
        ("links", strings().unique()),
        ("logging", logging),
        ("mac_address", string()),
        ("mem_limit", num_str()),
        ("mem_reservation", t("string|integer")),
        ("mem_swappiness", int_str()),
        ("memswap_limit", num_str()),
        ("network_mode", string()),
        ("models", models),
        ("networks", networks),
        ("oom_kill_disable", bool_str()),
        (
            "oom_score_adj",
            one_of(vec![string(), t("integer").min(-1000.0).max(1000.0)]),
        ),
        ("pid", t("string|null")),
        ("pids_limit", num_str()),
        ("platform", string()),
        ("ports", ports),
        ("post_start", arr(r("service_hook"))),
        ("pre_stop", arr(r("service_hook"))),
        ("privileged", bool_str()),
        ("profiles", r("list_of_strings")),
        ("pull_policy", string().pat(Pat::PullPolicy)),
        ("pull_refresh_after", string()),
        ("read_only", bool_str()),
        ("restart", string()),
        ("runtime", string()),
        ("scale", int_str()),
        ("security_opt", strings().unique()),
        ("shm_size", num_str()),
        ("secrets", r("service_config_or_secret")),
        ("sysctls", r("list_or_dict")),
        ("stdin_open", bool_str()),
        ("stop_grace_period", string()),
        ("stop_signal", string()),
        ("storage_opt", t("object")),
        ("tmpfs", r("string_or_list")),
        ("tty", bool_str()),
        ("ulimits", r("ulimits")),
        ("use_api_socket", t("boolean")),
        ("user", string()),
        ("uts", string()),
        ("userns_mode", string()),
        ("volumes", volumes),
        ("volumes_from", strings().unique()),
        ("working_dir", string()),
    ]);
    d.insert("service", service);

    d.insert(
        "healthcheck",
        obj(vec![
            ("disable", bool_str()),
            ("interval", string()),
            ("retries", num_str()),
            ("test", one_of(vec![string(), strings()])),
            ("timeout", string()),
            ("start_period", string()),
            ("start_interval", string()),
        ]),
    );

    d.insert(
        "development",
        obj(vec![(
            "watch",
            arr(obj(vec![
                ("ignore", r("string_or_list")),
                ("include", r("string_or_list")),
                ("path", string()),
                (
                    "action",
                    string().en(&["rebuild", "sync", "restart", "sync+restart", "sync+exec"]),
                ),
                ("target", string()),
                ("exec", r("service_hook")),
                ("initial_sync", t("boolean")),
            ])
            .req(&["path", "action"])),
        )])
        .types("object|null"),
    );

    let update_config = || {
        obj(vec![
            ("parallelism", int_str()),
            ("delay", string()),
            ("failure_action", string()),
            ("monitor", string()),
            ("max_failure_ratio", num_str()),
            ("order", string().en(&["start-first", "stop-first"])),
        ])
    };
    d.insert(
        "deployment",
        obj(vec![
            ("mode", string()),
            ("endpoint_mode", string()),
            ("replicas", int_str()),
            ("labels", r("list_or_dict")),
            ("rollback_config", update_config()),
            ("update_config", update_config()),
            (
                "resources",
                obj(vec![
                    (
                        "limits",
                        obj(vec![
                            ("cpus", num_str()),
                            ("memory", string()),
                            ("pids", int_str()),
                        ]),
                    ),
                    (
                        "reservations",
                        obj(vec![
                            ("cpus", num_str()),
                            ("memory", string()),
                            ("generic_resources", r("generic_resources")),
                            ("devices", r("devices")),
                        ]),
                    ),
                ]),
            ),
            (
                "restart_policy",
                obj(vec![
                    ("condition", string()),
                    ("delay", string()),
                    ("max_attempts", int_str()),
                    ("window", string()),
                ]),
            ),
            (
                "placement",
                obj(vec![
                    ("constraints", strings()),
                    ("preferences", arr(obj(vec![("spread", string())]))),
                    ("max_replicas_per_node", int_str()),
                ]),
            ),
        ])
        .types("object|null"),
    );

    d.insert(
        "generic_resources",
        arr(obj(vec![(
            "discrete_resource_spec",
            obj(vec![("kind", string()), ("value", num_str())]),
        )])),
    );

    let device_request = || {
        obj(vec![
            ("capabilities", r("list_of_strings")),
            ("count", t("string|integer")),
            ("device_ids", r("list_of_strings")),
            ("driver", string()),
            ("options", r("list_or_dict")),
        ])
    };
    d.insert("devices", arr(device_request().req(&["capabilities"])));
    d.insert(
        "gpus",
        one_of(vec![
            string().en(&["all"]),
            arr(S {
                no_additional: false,
                pattern_props: vec![],
                ..device_request()
            }),
        ]),
    );

    d.insert(
        "include",
        one_of(vec![
            string(),
            obj(vec![
                ("path", r("string_or_list")),
                ("env_file", r("string_or_list")),
                ("project_directory", string()),
            ])
            .no_x(),
        ]),
    );

    let external = || S {
        types: BOOL | STR | OBJ,
        type_names: "boolean|string|object",
        props: vec![("name", string())],
        pattern_props: vec![(Pat::XPrefix, any())],
        no_additional: true,
        ..Default::default()
    };
    d.insert(
        "network",
        obj(vec![
            ("name", string()),
            ("driver", string()),
            ("driver_opts", dict(Pat::NonEmpty, t("string|number"))),
            (
                "ipam",
                obj(vec![
                    ("driver", string()),
                    (
                        "config",
                        arr(obj(vec![
                            ("subnet", string()),
                            ("ip_range", string()),
                            ("gateway", string()),
                            ("aux_addresses", dict(Pat::NonEmpty, string()).closed()),
                        ])),
                    ),
                    ("options", dict(Pat::NonEmpty, string()).closed()),
                ]),
            ),
            ("external", external()),
            ("internal", bool_str()),
            ("enable_ipv4", bool_str()),
            ("enable_ipv6", bool_str()),
            ("attachable", bool_str()),
            ("labels", r("list_or_dict")),
        ])
        .types("object|null"),
    );
    d.insert(
        "volume",
        obj(vec![
            ("name", string()),
            ("driver", string()),
            ("driver_opts", dict(Pat::NonEmpty, t("string|number"))),
            ("external", external()),
            ("labels", r("list_or_dict")),
        ])
        .types("object|null"),
    );
    let loose_external = || S {
        types: BOOL | STR | OBJ,
        type_names: "boolean|string|object",
        props: vec![("name", string())],
        ..Default::default()
    };
    d.insert(
        "secret",
        obj(vec![
            ("name", string()),
            ("environment", string()),
            ("file", string()),
            ("external", loose_external()),
            ("labels", r("list_or_dict")),
            ("driver", string()),
            ("driver_opts", dict(Pat::NonEmpty, t("string|number"))),
            ("template_driver", string()),
        ]),
    );
    d.insert(
        "config",
        obj(vec![
            ("name", string()),
            ("content", string()),
            ("environment", string()),
            ("file", string()),
            ("external", loose_external()),
            ("labels", r("list_or_dict")),
            ("template_driver", string()),
        ]),
    );
    d.insert(
        "model",
        obj(vec![
            ("name", string()),
            ("model", string()),
            ("context_size", t("integer")),
            ("runtime_flags", strings()),
        ])
        .req(&["model"]),
    );
    d.insert("command", one_of(vec![t("null"), string(), strings()]));
    d.insert(
        "service_hook",
        obj(vec![
            ("command", r("command")),
            ("user", string()),
            ("privileged", bool_str()),
            ("working_dir", string()),
            ("environment", r("list_or_dict")),
        ])
        .req(&["command"]),
    );
    d.insert(
        "env_file",
        one_of(vec![
            string(),
            arr(one_of(vec![
                string(),
                S {
                    types: OBJ,
                    type_names: "object",
                    no_additional: true,
                    props: vec![
                        ("path", string()),
                        ("format", string()),
                        ("required", bool_str()),
                    ],
                    required: &["path"],
                    ..Default::default()
                },
            ])),
        ]),
    );
    d.insert("label_file", one_of(vec![string(), strings()]));
    d.insert(
        "string_or_list",
        one_of(vec![string(), r("list_of_strings")]),
    );
    d.insert("list_of_strings", strings().unique());
    d.insert(
        "list_or_dict",
        one_of(vec![
            dict(Pat::NonEmpty, t("string|number|boolean|null")).closed(),
            strings().unique(),
        ]),
    );
    d.insert(
        "extra_hosts",
        one_of(vec![
            dict(Pat::NonEmpty, one_of(vec![string(), strings()])).closed(),
            strings().unique(),
        ]),
    );
    d.insert(
        "blkio_limit",
        obj(vec![("path", string()), ("rate", int_str())]).no_x(),
    );
    d.insert(
        "blkio_weight",
        obj(vec![("path", string()), ("weight", int_str())]).no_x(),
    );
    d.insert(
        "service_config_or_secret",
        arr(one_of(vec![
            string(),
            obj(vec![
                ("source", string()),
                ("target", string()),
                ("uid", string()),
                ("gid", string()),
                ("mode", num_str()),
            ]),
        ])),
    );
    d.insert(
        "ulimits",
        dict(
            Pat::Lower,
            one_of(vec![
                int_str(),
                obj(vec![("hard", int_str()), ("soft", int_str())]).req(&["soft", "hard"]),
            ]),
        ),
    );
    d
}

// ------------------------------------------------------------------ validation
//
// A port of xeipuuv/gojsonschema v1.2.0's walk (validation.go), which
// compose-go v2.4.7 (Compose v2.32) uses: errors are collected in one flat
// list, in the order gojsonschema finds them, with its score to pick the
// closest `oneOf` branch; compose-go's `getMostSpecificError` then picks the
// error whose field has the most dot-separated parts.

#[derive(Debug, Clone)]
enum Kind {
    /// Expected types, as written in the schema (`string|number`).
    Type(&'static str),
    Enum(&'static [&'static str]),
    Minimum(f64),
    Maximum(f64),
    Required(String),
    Additional(String),
    Pattern(Pat),
    Unique(usize, usize),
    OneOf,
}

#[derive(Debug, Clone)]
struct VErr {
    loc: Vec<String>,
    kind: Kind,
}

#[derive(Default)]
struct Res {
    errors: Vec<VErr>,
    score: i64,
}

impl Res {
    fn add(&mut self, loc: &[String], kind: Kind) {
        self.errors.push(VErr {
            loc: loc.to_vec(),
            kind,
        });
        self.score -= 2;
    }
    fn merge(&mut self, other: Res) {
        self.errors.extend(other.errors);
        self.score += other.score;
    }
}

fn type_of(v: &Value) -> u8 {
    match v {
        Value::Null => NULL,
        Value::Bool(_) => BOOL,
        Value::Int(_) => INT | NUM,
        Value::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() {
                INT | NUM
            } else {
                NUM
            }
        }
        Value::Str(_) => STR,
        Value::Seq(_) => ARR,
        Value::Map(_) => OBJ,
    }
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn json_equal(a: &Value, b: &Value) -> bool {
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => match (a, b) {
            (Value::Seq(x), Value::Seq(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_equal(a, b))
            }
            (Value::Map(x), Value::Map(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
            }
            _ => a == b,
        },
    }
}

const MAX_VALIDATION_DEPTH: usize = 256;

/// `subValidateWithContext`: a fresh result.
fn sub_validate(s: &S, v: &Value, loc: &mut Vec<String>, depth: usize) -> Res {
    let mut res = Res::default();
    validate_recursive(s, v, loc, depth, &mut res);
    res
}

/// `validateRecursive`.
fn validate_recursive(s: &S, v: &Value, loc: &mut Vec<String>, depth: usize, res: &mut Res) {
    if depth > MAX_VALIDATION_DEPTH {
        return;
    }
    if let Some(name) = s.reference {
        if let Some(target) = definitions().get(name) {
            validate_recursive(target, v, loc, depth + 1, res);
        }
        return;
    }
    if s.types != 0 && type_of(v) & s.types == 0 {
        res.add(loc, Kind::Type(s.type_names));
        return;
    }
    validate_schema(s, v, loc, depth, res);
    match v {
        Value::Map(m) => {
            validate_object(s, m, loc, depth, res);
            validate_common(s, v, loc, res);
            for (name, ps) in &s.props {
                if let Some(next) = m.get(*name) {
                    loc.push(name.to_string());
                    validate_recursive(ps, next, loc, depth + 1, res);
                    loc.pop();
                }
            }
        }
        Value::Seq(items) => {
            validate_array(s, items, loc, depth, res);
            validate_common(s, v, loc, res);
        }
        Value::Str(st) => {
            validate_common(s, v, loc, res);
            if let Some(p) = s.pattern {
                if !p.matches(st) {
                    res.add(loc, Kind::Pattern(p));
                }
            }
            res.score += 1;
        }
        Value::Null | Value::Bool(_) => validate_common(s, v, loc, res),
        Value::Int(_) | Value::Float(_) => {
            if let Some(n) = num(v) {
                if let Some(max) = s.maximum {
                    if n > max {
                        res.add(loc, Kind::Maximum(max));
                    }
                }
                if let Some(min) = s.minimum {
                    if n < min {
                        res.add(loc, Kind::Minimum(min));
                    }
                }
            }
            res.score += 1;
            validate_common(s, v, loc, res);
        }
    }
    res.score += 1;
}

/// `validateSchema` (the only combinator the compose schema uses is oneOf).
fn validate_schema(s: &S, v: &Value, loc: &mut Vec<String>, depth: usize, res: &mut Res) {
    if !s.one_of.is_empty() {
        let mut validated = 0;
        let mut best: Option<Res> = None;
        for sub in &s.one_of {
            let r = sub_validate(sub, v, loc, depth + 1);
            if r.errors.is_empty() {
                validated += 1;
            } else if validated == 0 && best.as_ref().is_none_or(|b| r.score > b.score) {
                best = Some(r);
            }
        }
        if validated != 1 {
            res.add(loc, Kind::OneOf);
            if validated == 0 {
                if let Some(b) = best {
                    res.merge(b);
                }
            }
        }
    }
    res.score += 1;
}

/// `validateCommon` (enum).
fn validate_common(s: &S, v: &Value, loc: &[String], res: &mut Res) {
    if let Some(values) = s.enum_vals {
        let ok = matches!(v, Value::Str(x) if values.contains(&x.as_str()));
        if !ok {
            res.add(loc, Kind::Enum(values));
        }
    }
    res.score += 1;
}

/// `validateArray`.
fn validate_array(s: &S, items: &[Value], loc: &mut Vec<String>, depth: usize, res: &mut Res) {
    if let Some(item_schema) = &s.items {
        for (i, item) in items.iter().enumerate() {
            loc.push(i.to_string());
            let r = sub_validate(item_schema, item, loc, depth + 1);
            loc.pop();
            res.merge(r);
        }
    }
    if s.unique {
        // stringifiedItems: each duplicate is reported against the last
        // earlier index holding the same value.
        let mut seen: Vec<(usize, &Value)> = Vec::new();
        for (j, item) in items.iter().enumerate() {
            if let Some(pos) = seen.iter().position(|(_, w)| json_equal(w, item)) {
                let i = seen[pos].0;
                res.add(loc, Kind::Unique(i, j));
                seen[pos].0 = j;
            } else {
                seen.push((j, item));
            }
        }
    }
    res.score += 1;
}

/// `validateObject`.
fn validate_object(s: &S, m: &Map, loc: &mut Vec<String>, depth: usize, res: &mut Res) {
    for r in s.required {
        if m.contains_key(*r) {
            res.score += 1;
        } else {
            res.add(loc, Kind::Required(r.to_string()));
        }
    }
    for (k, v) in m {
        let found = s.props.iter().any(|(name, _)| *name == k.as_str());
        let mut pp_match = false;
        for (pat, ps) in &s.pattern_props {
            if pat.matches(k) {
                pp_match = true;
                loc.push(k.clone());
                let r = sub_validate(ps, v, loc, depth + 1);
                loc.pop();
                res.merge(r);
            }
        }
        if pp_match {
            res.score += 1;
        }
        if !found && !pp_match && s.no_additional {
            res.add(loc, Kind::Additional(k.clone()));
        }
    }
    res.score += 1;
}

/// `ResultErrorFields.Field`: the path without `(root).`, `(root)` at the top.
fn field(e: &VErr) -> String {
    if e.loc.is_empty() {
        "(root)".to_string()
    } else {
        e.loc.join(".")
    }
}

fn specificity(e: &VErr) -> usize {
    field(e).split('.').count()
}

/// humanReadableType: `object` is a mapping, `array` a list.
fn human_type(t: &str) -> &str {
    match t {
        "object" => "mapping",
        "array" => "list",
        other => other,
    }
}

fn human_types(names: &str) -> String {
    let all: Vec<&str> = names.split('|').map(human_type).collect();
    match all.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {}", rest.join(", "), last),
        _ => all.join(""),
    }
}

fn fmt_num(f: f64) -> String {
    if f.fract() == 0.0 {
        format!("{}", f as i64)
    } else {
        format!("{}", f)
    }
}

/// The error's description (gojsonschema's English locale), with compose-go's
/// `must be a <type>` for type errors.
fn description(e: &VErr) -> String {
    match &e.kind {
        Kind::Type(t) => format!("must be a {}", human_types(t)),
        Kind::Minimum(m) => format!("Must be greater than or equal to {}", fmt_num(*m)),
        Kind::Maximum(m) => format!("Must be less than or equal to {}", fmt_num(*m)),
        Kind::Enum(values) => {
            let v: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
            format!(
                "{} must be one of the following: {}",
                field(e),
                v.join(", ")
            )
        }
        Kind::Required(p) => format!("{p} is required"),
        Kind::Additional(p) => format!("Additional property {p} is not allowed"),
        Kind::Pattern(p) => format!("Does not match pattern '{}'", p.source()),
        Kind::Unique(i, j) => format!("array items[{i},{j}] must be unique"),
        Kind::OneOf => "Must validate one and only one schema (oneOf)".to_string(),
    }
}

/// compose-go `getMostSpecificError` + `validationError.Error()`.
fn message(errors: &[VErr]) -> String {
    let mut most = 0;
    for (i, e) in errors.iter().enumerate() {
        let (se, sm) = (specificity(e), specificity(&errors[most]));
        if se > sm {
            most = i;
            continue;
        }
        if se == sm
            && matches!(e.kind, Kind::Type(_))
            && !matches!(errors[most].kind, Kind::Type(_))
        {
            most = i;
        }
    }
    let parent = &errors[most];
    let desc = match (&parent.kind, errors.get(most + 1)) {
        (Kind::OneOf, Some(child)) => description(child),
        _ => description(parent),
    };
    format!("{} {}", field(parent), desc)
}

/// Validates a compose model. Returns compose's message for the most
/// specific error, without the `validating <file>: ` prefix.
pub fn validate_model(model: &Map) -> Result<(), String> {
    let mut loc = Vec::new();
    let res = sub_validate(root_schema(), &Value::Map(model.clone()), &mut loc, 0);
    if res.errors.is_empty() {
        Ok(())
    } else {
        Err(message(&res.errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse_documents;

    fn check(src: &str) -> Result<(), String> {
        let m = parse_documents(src)
            .unwrap()
            .remove(0)
            .value
            .as_map()
            .unwrap()
            .clone();
        validate_model(&m)
    }

    #[test]
    fn valid() {
        check("services:\n  web:\n    image: nginx\n    ports: ['80:80', {target: 80}]\n    environment: {A: 1, B: null}\n").unwrap();
    }

    #[test]
    fn messages() {
        // compose-go v2.4.7 (gojsonschema) texts, as in its loader_test.go
        // and docker/compose v2.32.4 pkg/e2e/metrics_test.go.
        assert_eq!(
            check("services:\n  web:\n    image: nginx\n    foo: bar\n").unwrap_err(),
            "services.web Additional property foo is not allowed"
        );
        assert_eq!(
            check("services:\n  web:\n    ports: '80:80'\n").unwrap_err(),
            "services.web.ports must be a list"
        );
        assert_eq!(
            check("services:\n  web:\n    environment:\n      FOO: [1]\n").unwrap_err(),
            "services.web.environment.FOO must be a string, number, boolean or null"
        );
        assert_eq!(
            check("services: []\n").unwrap_err(),
            "services must be a mapping"
        );
        assert_eq!(
            check("services:\n  foo: 1\n").unwrap_err(),
            "services.foo must be a mapping"
        );
        assert_eq!(check("name: 1\n").unwrap_err(), "name must be a string");
        assert_eq!(
            check("services:\n  web:\n    image: x\n    volumes:\n      - type: tmpfs\n        target: /x\n        tmpfs:\n          size: 1.5\n").unwrap_err(),
            "services.web.volumes.0.tmpfs.size must be a integer"
        );
        assert_eq!(
            check("services:\n  web:\n    image: x\n    volumes:\n      - type: tmpfs\n        target: /x\n        foo: 1\n").unwrap_err(),
            "services.web.volumes.0 Additional property foo is not allowed"
        );
        assert_eq!(
            check("servics: {}\n").unwrap_err(),
            "(root) Additional property servics is not allowed"
        );
        assert_eq!(
            check("services:\n  web:\n    image: 1\n").unwrap_err(),
            "services.web.image must be a string"
        );
    }
}
