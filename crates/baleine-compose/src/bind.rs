//! Binding of the canonical tree to the typed model (compose-go `Transform`
//! with its mapstructure decode hooks).

use crate::interpolate::to_boolean;
use crate::model::*;
use crate::util;
use crate::value::{Map, Value};
use indexmap::IndexMap;

type R<T> = Result<T, String>;

/// Takes attributes out of a mapping; what is left goes to `other`/`extensions`.
struct Fields {
    m: Map,
}

impl Fields {
    fn new(v: Value) -> Fields {
        match v {
            Value::Map(m) => Fields { m },
            _ => Fields { m: Map::new() },
        }
    }
    fn take(&mut self, k: &str) -> Option<Value> {
        match self.m.shift_remove(k) {
            Some(Value::Null) | None => None,
            Some(v) => Some(v),
        }
    }
    fn take_raw(&mut self, k: &str) -> Option<Value> {
        self.m.shift_remove(k)
    }
    fn string(&mut self, k: &str) -> Option<String> {
        self.take(k).map(|v| v.go_string())
    }
    fn strings(&mut self, k: &str) -> Vec<String> {
        self.take(k).map(string_list).unwrap_or_default()
    }
    fn boolean(&mut self, k: &str, w: &mut Vec<String>) -> R<bool> {
        Ok(self
            .take(k)
            .map(|v| as_bool(&v, w))
            .transpose()?
            .unwrap_or(false))
    }
    fn opt_bool(&mut self, k: &str, w: &mut Vec<String>) -> R<Option<bool>> {
        self.take(k).map(|v| as_bool(&v, w)).transpose()
    }
    fn int(&mut self, k: &str) -> R<Option<i64>> {
        self.take(k).map(|v| as_int(&v)).transpose()
    }
    fn bytes(&mut self, k: &str) -> R<Option<i64>> {
        self.take(k).map(|v| as_bytes(&v)).transpose()
    }
    fn duration(&mut self, k: &str) -> R<Option<Duration>> {
        self.take(k)
            .map(|v| Duration::parse(&v.go_string()))
            .transpose()
    }
    fn mapping(&mut self, k: &str) -> IndexMap<String, String> {
        self.take(k).map(labels).unwrap_or_default()
    }
    /// Remaining attributes: (`other`, `extensions`).
    fn rest(self) -> (Map, Map) {
        let mut other = Map::new();
        let mut ext = Map::new();
        for (k, v) in self.m {
            if k.starts_with("x-") {
                ext.insert(k, v);
            } else {
                other.insert(k, v);
            }
        }
        (other, ext)
    }
    fn extensions(self) -> Map {
        self.rest().1
    }
}

fn as_bool(v: &Value, w: &mut Vec<String>) -> R<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Str(s) => to_boolean(s, w),
        other => Err(format!("cannot convert {} to boolean", other.go_string())),
    }
}

fn as_int(v: &Value) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Float(f) => Ok(*f as i64),
        Value::Str(s) => s.parse::<i64>().map_err(|_| {
            format!(
                "strconv.ParseInt: parsing {}: invalid syntax",
                util::go_quote(s)
            )
        }),
        other => Err(format!("cannot convert {} to integer", other.go_string())),
    }
}

fn as_f32(v: &Value) -> R<f32> {
    match v {
        Value::Int(i) => Ok(*i as f32),
        Value::Float(f) => Ok(*f as f32),
        Value::Str(s) => s.parse::<f32>().map_err(|_| {
            format!(
                "strconv.ParseFloat: parsing {}: invalid syntax",
                util::go_quote(s)
            )
        }),
        other => Err(format!("cannot convert {} to number", other.go_string())),
    }
}

fn as_bytes(v: &Value) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Float(f) => Ok(*f as i64),
        Value::Str(s) => util::parse_ram_bytes(s),
        _ => Ok(0),
    }
}

fn string_list(v: Value) -> Vec<String> {
    match v {
        Value::Seq(items) => items.into_iter().map(|i| i.go_string()).collect(),
        Value::Null => Vec::new(),
        other => vec![other.go_string()],
    }
}

fn label_value(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        other => other.go_string(),
    }
}

/// `Labels` / `Mapping` decoding (list `k=v` or map).
fn labels(v: Value) -> IndexMap<String, String> {
    let mut out = IndexMap::new();
    match v {
        Value::Map(m) => {
            for (k, e) in m {
                out.insert(k, label_value(&e));
            }
        }
        Value::Seq(items) => {
            for s in items {
                let s = s.go_string();
                let (k, e) = s.split_once('=').unwrap_or((&s, ""));
                out.insert(k.to_string(), e.to_string());
            }
        }
        _ => {}
    }
    out
}

/// `MappingWithEquals` decoding (`environment`, `build.args`).
fn mapping_with_equals(v: Value) -> R<IndexMap<String, Option<String>>> {
    let mut out = IndexMap::new();
    match v {
        Value::Map(m) => {
            for (k, e) in m {
                let val = match e {
                    Value::Null => None,
                    other => Some(other.go_string()),
                };
                out.insert(k, val);
            }
        }
        Value::Seq(items) => {
            for s in items {
                let s = s.go_string();
                let (k, e) = match s.split_once('=') {
                    Some((k, e)) => (k.to_string(), Some(e.to_string())),
                    None => (s.clone(), None),
                };
                if k.ends_with(char::is_whitespace) {
                    return Err(format!(
                        "environment variable {} is declared with a trailing space",
                        k
                    ));
                }
                out.insert(k, e);
            }
        }
        _ => {}
    }
    Ok(out)
}

fn shell_command(v: Value) -> R<Option<Vec<String>>> {
    match v {
        Value::Null => Ok(None),
        Value::Str(s) => util::shell_split(&s).map(Some),
        Value::Seq(items) => Ok(Some(items.into_iter().map(|i| i.go_string()).collect())),
        other => Ok(Some(vec![other.go_string()])),
    }
}

fn hosts_list(v: Value) -> R<IndexMap<String, Vec<String>>> {
    let mut out: IndexMap<String, Vec<String>> = IndexMap::new();
    match v {
        Value::Map(m) => {
            for (k, e) in m {
                let ips = match e {
                    Value::Seq(items) => items.into_iter().map(|i| i.go_string()).collect(),
                    Value::Null => vec![String::new()],
                    other => vec![other.go_string()],
                };
                out.insert(k, ips);
            }
        }
        Value::Seq(items) => {
            for s in items {
                let s = s.go_string();
                let cut = s.split_once('=').or_else(|| s.split_once(':'));
                let Some((host, ip)) = cut else {
                    return Err(format!("invalid additional host, missing IP: {}", s));
                };
                out.entry(host.to_string())
                    .or_default()
                    .extend(ip.split(',').map(|x| x.to_string()));
            }
        }
        _ => {}
    }
    for (host, ips) in out.iter_mut() {
        if host.is_empty() || host.contains([':', '=']) {
            return Err(format!("bad host name '{}'", host));
        }
        for ip in ips.iter_mut() {
            if ip.len() > 2 && ip.starts_with('[') && ip.ends_with(']') {
                *ip = ip[1..ip.len() - 1].to_string();
            }
        }
    }
    Ok(out)
}

fn file_mode(v: &Value) -> R<u32> {
    match v {
        Value::Int(i) => Ok(*i as u32),
        Value::Float(f) => Ok(*f as u32),
        Value::Str(s) => u32::from_str_radix(s, 8).map_err(|_| {
            format!(
                "strconv.ParseInt: parsing {}: invalid syntax",
                util::go_quote(s)
            )
        }),
        _ => Ok(0),
    }
}

fn file_refs(v: Option<Value>) -> R<Vec<ServiceFileRef>> {
    let mut out = Vec::new();
    for item in v
        .map(|v| match v {
            Value::Seq(s) => s,
            _ => Vec::new(),
        })
        .unwrap_or_default()
    {
        let mut f = Fields::new(item);
        out.push(ServiceFileRef {
            source: f.string("source").unwrap_or_default(),
            target: f.string("target"),
            uid: f.string("uid"),
            gid: f.string("gid"),
            mode: f.take("mode").map(|m| file_mode(&m)).transpose()?,
            extensions: f.extensions(),
        });
    }
    Ok(out)
}

fn ulimits(v: Option<Value>) -> R<IndexMap<String, Ulimit>> {
    let mut out = IndexMap::new();
    if let Some(Value::Map(m)) = v {
        for (k, e) in m {
            let u = match e {
                Value::Map(lim) => Ulimit {
                    single: None,
                    soft: lim.get("soft").map(as_int).transpose()?,
                    hard: lim.get("hard").map(as_int).transpose()?,
                },
                other => Ulimit {
                    single: Some(as_int(&other)?),
                    soft: None,
                    hard: None,
                },
            };
            out.insert(k, u);
        }
    }
    Ok(out)
}

fn build(v: Value, w: &mut Vec<String>) -> R<BuildConfig> {
    let mut f = Fields::new(v);
    let b = BuildConfig {
        context: f.string("context").unwrap_or_default(),
        dockerfile: f.string("dockerfile"),
        dockerfile_inline: f.string("dockerfile_inline"),
        entitlements: f.strings("entitlements"),
        args: f
            .take("args")
            .map(mapping_with_equals)
            .transpose()?
            .unwrap_or_default(),
        ssh: match f.take("ssh") {
            Some(Value::Map(m)) => m
                .into_iter()
                .map(|(k, v)| match v {
                    Value::Null => k,
                    v => format!("{}={}", k, v.go_string()),
                })
                .collect(),
            _ => Vec::new(),
        },
        labels: f.mapping("labels"),
        cache_from: f.strings("cache_from"),
        cache_to: f.strings("cache_to"),
        no_cache: f.boolean("no_cache", w)?,
        additional_contexts: f.mapping("additional_contexts"),
        pull: f.boolean("pull", w)?,
        extra_hosts: f
            .take("extra_hosts")
            .map(hosts_list)
            .transpose()?
            .unwrap_or_default(),
        isolation: f.string("isolation"),
        network: f.string("network"),
        target: f.string("target"),
        secrets: file_refs(f.take("secrets"))?,
        shm_size: f.bytes("shm_size")?,
        tags: f.strings("tags"),
        platforms: f.strings("platforms"),
        privileged: f.boolean("privileged", w)?,
        provenance: f.string("provenance"),
        sbom: f.string("sbom"),
        other: Map::new(),
        extensions: Map::new(),
    };
    let (other, extensions) = f.rest();
    Ok(BuildConfig {
        other,
        extensions,
        ..b
    })
}

fn port(v: Value) -> R<PortConfig> {
    let mut f = Fields::new(v);
    let target = match f.take("target") {
        Some(t) => {
            let n = as_int(&t)?;
            u16::try_from(n).map_err(|_| format!("invalid port target: {}", n))?
        }
        None => 0,
    };
    Ok(PortConfig {
        name: f.string("name"),
        mode: f.string("mode").unwrap_or_else(|| "ingress".into()),
        host_ip: f.string("host_ip"),
        target,
        published: f.string("published").filter(|p| !p.is_empty()),
        protocol: f.string("protocol").unwrap_or_else(|| "tcp".into()),
        app_protocol: f.string("app_protocol"),
        extensions: f.extensions(),
    })
}

fn volume(v: Value, w: &mut Vec<String>) -> R<ServiceVolume> {
    let mut f = Fields::new(v);
    let kind_s = f.string("type").unwrap_or_default();
    let kind = VolumeType::parse(&kind_s).unwrap_or_default();
    let bind = match f.take_raw("bind") {
        Some(b @ Value::Map(_)) => {
            let mut b = Fields::new(b);
            Some(VolumeBind {
                selinux: b.string("selinux"),
                propagation: b.string("propagation"),
                create_host_path: b.boolean("create_host_path", w)?,
                recursive: b.string("recursive"),
                extensions: b.extensions(),
            })
        }
        _ => None,
    };
    let vol = match f.take_raw("volume") {
        Some(v @ Value::Map(_)) => {
            let mut v = Fields::new(v);
            Some(VolumeVolume {
                labels: v.mapping("labels"),
                nocopy: v.boolean("nocopy", w)?,
                subpath: v.string("subpath"),
                extensions: v.extensions(),
            })
        }
        _ => None,
    };
    let tmpfs = match f.take_raw("tmpfs") {
        Some(t @ Value::Map(_)) => {
            let mut t = Fields::new(t);
            Some(VolumeTmpfs {
                size: t.bytes("size")?,
                mode: t.take("mode").map(|m| file_mode(&m)).transpose()?,
                extensions: t.extensions(),
            })
        }
        _ => None,
    };
    let image_subpath = match f.take_raw("image") {
        Some(Value::Map(m)) => m.get("subpath").map(|s| s.go_string()),
        _ => None,
    };
    Ok(ServiceVolume {
        kind,
        source: f.string("source").filter(|s| !s.is_empty()),
        target: f.string("target").unwrap_or_default(),
        read_only: f.boolean("read_only", w)?,
        consistency: f.string("consistency"),
        bind,
        volume: vol,
        tmpfs,
        image_subpath,
        extensions: f.extensions(),
    })
}

fn healthcheck(v: Value, w: &mut Vec<String>) -> R<Healthcheck> {
    let mut f = Fields::new(v);
    let test = match f.take("test") {
        Some(Value::Str(s)) => vec!["CMD-SHELL".to_string(), s],
        Some(Value::Seq(items)) => items.into_iter().map(|i| i.go_string()).collect(),
        Some(other) => {
            return Err(format!(
                "unexpected value type {} for healthcheck.test",
                crate::canonical::go_type(&other)
            ))
        }
        None => Vec::new(),
    };
    Ok(Healthcheck {
        test,
        timeout: f.duration("timeout")?,
        interval: f.duration("interval")?,
        retries: f.int("retries")?.map(|r| r.max(0) as u64),
        start_period: f.duration("start_period")?,
        start_interval: f.duration("start_interval")?,
        disable: f.boolean("disable", w)?,
        extensions: f.extensions(),
    })
}

fn resource(v: Value) -> R<Resource> {
    let mut f = Fields::new(v);
    let r = Resource {
        cpus: f.take("cpus").map(|c| as_f32(&c)).transpose()?,
        memory: f.bytes("memory")?,
        pids: f.int("pids")?,
        other: Map::new(),
        extensions: Map::new(),
    };
    let (other, extensions) = f.rest();
    Ok(Resource {
        other,
        extensions,
        ..r
    })
}

fn deploy(v: Value) -> R<DeployConfig> {
    let mut f = Fields::new(v);
    let resources = match f.take("resources") {
        Some(r) => {
            let mut rf = Fields::new(r);
            Resources {
                limits: rf.take("limits").map(resource).transpose()?,
                reservations: rf.take("reservations").map(resource).transpose()?,
                extensions: rf.extensions(),
            }
        }
        None => Resources::default(),
    };
    let restart_policy = match f.take("restart_policy") {
        Some(r) => {
            let mut rf = Fields::new(r);
            Some(RestartPolicy {
                condition: rf.string("condition"),
                delay: rf.duration("delay")?,
                max_attempts: rf.int("max_attempts")?.map(|m| m.max(0) as u64),
                window: rf.duration("window")?,
                extensions: rf.extensions(),
            })
        }
        None => None,
    };
    let d = DeployConfig {
        mode: f.string("mode"),
        replicas: f.int("replicas")?,
        labels: f.mapping("labels"),
        resources,
        restart_policy,
        endpoint_mode: f.string("endpoint_mode"),
        other: Map::new(),
        extensions: Map::new(),
    };
    let (other, extensions) = f.rest();
    Ok(DeployConfig {
        other,
        extensions,
        ..d
    })
}

fn service_network(v: Value) -> R<Option<ServiceNetwork>> {
    if v.is_null() {
        return Ok(None);
    }
    let mut f = Fields::new(v);
    Ok(Some(ServiceNetwork {
        aliases: f.strings("aliases"),
        driver_opts: f.mapping("driver_opts"),
        gw_priority: f.int("gw_priority")?.unwrap_or(0),
        interface_name: f.string("interface_name"),
        ipv4_address: f.string("ipv4_address"),
        ipv6_address: f.string("ipv6_address"),
        link_local_ips: f.strings("link_local_ips"),
        mac_address: f.string("mac_address"),
        priority: f.int("priority")?.unwrap_or(0),
        extensions: f.extensions(),
    }))
}

/// Binds one canonical service mapping.
pub fn service(name: &str, v: Value, w: &mut Vec<String>) -> R<Service> {
    let mut f = Fields::new(v);
    let mut s = Service {
        name: name.to_string(),
        ..Default::default()
    };
    s.profiles = f.strings("profiles");
    s.annotations = f.mapping("annotations");
    s.attach = f.opt_bool("attach", w)?;
    s.build = f.take("build").map(|b| build(b, w)).transpose()?;
    s.cap_add = f.strings("cap_add");
    s.cap_drop = f.strings("cap_drop");
    s.cgroup_parent = f.string("cgroup_parent");
    s.cgroup = f.string("cgroup");
    s.cpu_count = f.int("cpu_count")?;
    s.cpu_percent = f.take("cpu_percent").map(|c| as_f32(&c)).transpose()?;
    s.cpu_period = f.int("cpu_period")?;
    s.cpu_quota = f.int("cpu_quota")?;
    s.cpu_rt_period = f.int("cpu_rt_period")?;
    s.cpu_rt_runtime = f.int("cpu_rt_runtime")?;
    s.cpus = f.take("cpus").map(|c| as_f32(&c)).transpose()?;
    s.cpuset = f.string("cpuset");
    s.cpu_shares = f.int("cpu_shares")?;
    s.command = f
        .take_raw("command")
        .map(shell_command)
        .transpose()?
        .flatten();
    s.configs = file_refs(f.take("configs"))?;
    s.container_name = f.string("container_name");
    if let Some(Value::Map(deps)) = f.take("depends_on") {
        for (k, d) in deps {
            let mut df = Fields::new(d);
            let cond = df.string("condition").unwrap_or_default();
            s.depends_on.insert(
                k,
                Dependency {
                    condition: DependencyCondition::parse(&cond).unwrap_or_default(),
                    restart: df.boolean("restart", w)?,
                    required: df
                        .take("required")
                        .map(|r| as_bool(&r, w))
                        .transpose()?
                        .unwrap_or(true),
                    extensions: df.extensions(),
                },
            );
        }
    }
    s.deploy = f.take("deploy").map(deploy).transpose()?;
    s.dns = f.strings("dns");
    s.dns_opt = f.strings("dns_opt");
    s.dns_search = f.strings("dns_search");
    s.domainname = f.string("domainname");
    s.entrypoint = f
        .take_raw("entrypoint")
        .map(shell_command)
        .transpose()?
        .flatten();
    s.environment = f
        .take("environment")
        .map(mapping_with_equals)
        .transpose()?
        .unwrap_or_default();
    if let Some(Value::Seq(files)) = f.take("env_file") {
        for ef in files {
            let mut ff = Fields::new(ef);
            s.env_files.push(EnvFile {
                path: ff.string("path").unwrap_or_default(),
                required: ff
                    .take("required")
                    .map(|r| as_bool(&r, w))
                    .transpose()?
                    .unwrap_or(true),
                format: ff.string("format"),
            });
        }
    }
    s.expose = f.strings("expose");
    s.external_links = f.strings("external_links");
    s.extra_hosts = f
        .take("extra_hosts")
        .map(hosts_list)
        .transpose()?
        .unwrap_or_default();
    s.group_add = f.strings("group_add");
    s.hostname = f.string("hostname");
    s.healthcheck = f
        .take("healthcheck")
        .map(|h| healthcheck(h, w))
        .transpose()?;
    s.image = f.string("image");
    s.init = f.opt_bool("init", w)?;
    s.ipc = f.string("ipc");
    s.isolation = f.string("isolation");
    s.labels = f.mapping("labels");
    s.links = f.strings("links");
    s.logging = match f.take("logging") {
        Some(l) => {
            let mut lf = Fields::new(l);
            Some(Logging {
                driver: lf.string("driver"),
                options: lf.mapping("options"),
                extensions: lf.extensions(),
            })
        }
        None => None,
    };
    s.mem_limit = f.bytes("mem_limit")?;
    s.mem_reservation = f.bytes("mem_reservation")?;
    s.memswap_limit = f.bytes("memswap_limit")?;
    s.mem_swappiness = f.bytes("mem_swappiness")?;
    s.mac_address = f.string("mac_address");
    s.network_mode = f.string("network_mode");
    if let Some(Value::Map(nets)) = f.take("networks") {
        for (k, n) in nets {
            s.networks.insert(k, service_network(n)?);
        }
    }
    s.oom_kill_disable = f.boolean("oom_kill_disable", w)?;
    s.oom_score_adj = f.int("oom_score_adj")?;
    s.pid = f.string("pid");
    s.pids_limit = f.int("pids_limit")?;
    s.platform = f.string("platform");
    if let Some(Value::Seq(ports)) = f.take("ports") {
        for p in ports {
            s.ports.push(port(p)?);
        }
    }
    s.privileged = f.boolean("privileged", w)?;
    s.pull_policy = f.string("pull_policy");
    s.read_only = f.boolean("read_only", w)?;
    s.restart = f.string("restart");
    s.runtime = f.string("runtime");
    s.scale = f.int("scale")?;
    s.secrets = file_refs(f.take("secrets"))?;
    s.security_opt = f.strings("security_opt");
    s.shm_size = f.bytes("shm_size")?;
    s.stdin_open = f.boolean("stdin_open", w)?;
    s.stop_grace_period = f.duration("stop_grace_period")?;
    s.stop_signal = f.string("stop_signal");
    s.storage_opt = f.mapping("storage_opt");
    s.sysctls = f.mapping("sysctls");
    s.tmpfs = f.strings("tmpfs");
    s.tty = f.boolean("tty", w)?;
    s.ulimits = ulimits(f.take("ulimits"))?;
    s.use_api_socket = f.boolean("use_api_socket", w)?;
    s.user = f.string("user");
    s.userns_mode = f.string("userns_mode");
    s.uts = f.string("uts");
    if let Some(Value::Seq(vols)) = f.take("volumes") {
        for v in vols {
            s.volumes.push(volume(v, w)?);
        }
    }
    s.volumes_from = f.strings("volumes_from");
    s.working_dir = f.string("working_dir");
    f.take_raw("extends");
    let (other, extensions) = f.rest();
    s.other = other;
    s.extensions = extensions;
    Ok(s)
}

fn external(v: Option<Value>, w: &mut Vec<String>) -> R<bool> {
    match v {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Map(_)) => Ok(true),
        Some(other) => as_bool(&other, w),
    }
}

fn ipam(v: Value) -> Ipam {
    let mut f = Fields::new(v);
    let mut config = Vec::new();
    if let Some(Value::Seq(pools)) = f.take("config") {
        for p in pools {
            let mut pf = Fields::new(p);
            config.push(IpamPool {
                subnet: pf.string("subnet"),
                gateway: pf.string("gateway"),
                ip_range: pf.string("ip_range"),
                aux_addresses: pf.mapping("aux_addresses"),
                extensions: pf.extensions(),
            });
        }
    }
    Ipam {
        driver: f.string("driver"),
        config,
        options: f.mapping("options"),
        extensions: f.extensions(),
    }
}

pub fn network(v: Value, w: &mut Vec<String>) -> R<NetworkConfig> {
    let mut f = Fields::new(v);
    Ok(NetworkConfig {
        name: f.string("name").unwrap_or_default(),
        driver: f.string("driver"),
        driver_opts: f.mapping("driver_opts"),
        ipam: f.take("ipam").map(ipam),
        external: external(f.take("external"), w)?,
        internal: f.boolean("internal", w)?,
        attachable: f.boolean("attachable", w)?,
        labels: f.mapping("labels"),
        enable_ipv4: f.opt_bool("enable_ipv4", w)?,
        enable_ipv6: f.opt_bool("enable_ipv6", w)?,
        extensions: f.extensions(),
    })
}

pub fn volume_config(v: Value, w: &mut Vec<String>) -> R<VolumeConfig> {
    let mut f = Fields::new(v);
    Ok(VolumeConfig {
        name: f.string("name").unwrap_or_default(),
        driver: f.string("driver"),
        driver_opts: f.mapping("driver_opts"),
        external: external(f.take("external"), w)?,
        labels: f.mapping("labels"),
        extensions: f.extensions(),
    })
}

pub fn file_object(v: Value, w: &mut Vec<String>) -> R<FileObjectConfig> {
    let mut f = Fields::new(v);
    Ok(FileObjectConfig {
        name: f.string("name").unwrap_or_default(),
        file: f.string("file"),
        environment: f.string("environment"),
        content: f.string("content"),
        external: external(f.take("external"), w)?,
        labels: f.mapping("labels"),
        driver: f.string("driver"),
        driver_opts: f.mapping("driver_opts"),
        template_driver: f.string("template_driver"),
        extensions: f.extensions(),
    })
}
