//! `docker compose config` output: the project marshalled the way compose-go's
//! `Project.MarshalYAML` does it with go-yaml v3 (struct field order, sorted
//! map keys, `omitempty`, 2-space indentation, go-yaml's quoting rules), then
//! every `$` doubled as docker compose does after interpolation.
//!
//! The tree built here from the [`Project`] is shared with
//! [`crate::config_json`] (`--format json`): a [`Flavor`] says which
//! marshaller's rules apply where compose-go's `json` tags and marshallers
//! differ from its `yaml` ones.
//!
//! Also the one-name-per-line listings of `--services`, `--volumes`,
//! `--profiles` and `--images`.

use crate::model::*;
use crate::util::{format_duration, yaml_key_cmp};
use crate::value::{go_float, Map, Value};
use indexmap::IndexMap;

/// Which marshaller the tree is built for. compose-go's types carry the
/// same names and field order for both, but differ in the JSON encoding:
/// `x-*` extensions are `json:"-"` (except the project's own),
/// `command`/`entrypoint` are not `omitempty` (`null`), non-pointer structs
/// are never omitted (`ipam`, `resources`, `placement`: `{}`), maps are
/// sorted by byte order (encoding/json) rather than go-yaml's natural order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    Yaml,
    Json,
}

/// A node to emit (as YAML here, as JSON in [`crate::config_json`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Float32(f32),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

/// Builder for a struct-like mapping that honours `omitempty`.
struct Obj(Vec<(String, Node)>, Flavor);

impl Obj {
    fn new(f: Flavor) -> Self {
        Obj(Vec::new(), f)
    }
    fn put(&mut self, k: &str, n: Node) {
        self.0.push((k.to_string(), n));
    }
    fn str(&mut self, k: &str, v: &Option<String>) {
        if let Some(v) = v {
            if !v.is_empty() {
                self.put(k, Node::Str(v.clone()));
            }
        }
    }
    fn string(&mut self, k: &str, v: &str) {
        if !v.is_empty() {
            self.put(k, Node::Str(v.to_string()));
        }
    }
    fn flag(&mut self, k: &str, v: bool) {
        if v {
            self.put(k, Node::Bool(true));
        }
    }
    fn opt_bool(&mut self, k: &str, v: Option<bool>) {
        if let Some(b) = v {
            self.put(k, Node::Bool(b));
        }
    }
    fn int(&mut self, k: &str, v: Option<i64>) {
        if let Some(i) = v {
            if i != 0 {
                self.put(k, Node::Int(i));
            }
        }
    }
    fn f32(&mut self, k: &str, v: Option<f32>) {
        if let Some(f) = v {
            if f != 0.0 {
                self.put(k, Node::Float32(f));
            }
        }
    }
    /// `UnitBytes` marshals as a decimal string.
    fn bytes(&mut self, k: &str, v: Option<i64>) {
        if let Some(b) = v {
            if b != 0 {
                self.put(k, Node::Str(b.to_string()));
            }
        }
    }
    fn duration(&mut self, k: &str, v: Option<Duration>) {
        if let Some(d) = v {
            self.put(k, Node::Str(format_duration(d.0)));
        }
    }
    fn list(&mut self, k: &str, v: &[String]) {
        if !v.is_empty() {
            self.put(
                k,
                Node::Seq(v.iter().map(|s| Node::Str(s.clone())).collect()),
            );
        }
    }
    fn dict(&mut self, k: &str, v: &IndexMap<String, String>) {
        if !v.is_empty() {
            self.put(
                k,
                sorted_map(
                    self.1,
                    v.iter().map(|(k, v)| (k.clone(), Node::Str(v.clone()))),
                ),
            );
        }
    }
    fn node(&mut self, k: &str, n: Option<Node>) {
        if let Some(n) = n {
            self.put(k, n);
        }
    }
    fn raw(&mut self, k: &str, other: &Map) {
        if let Some(v) = other.get(k) {
            self.put(k, raw(self.1, v));
        }
    }
    /// `x-*` keys (`yaml:"#extensions,inline"`; `json:"-"`).
    fn extensions(&mut self, ext: &Map) {
        if self.1 == Flavor::Json {
            return;
        }
        let mut keys: Vec<&String> = ext.keys().collect();
        baleine_util::sort_by(&mut keys, |a, b| yaml_key_cmp(a, b));
        for k in keys {
            self.put(k, raw(self.1, &ext[k.as_str()]));
        }
    }
    fn build(self) -> Node {
        Node::Map(self.0)
    }
}

/// A Go map: go-yaml sorts its keys in natural order, encoding/json by bytes.
fn sorted_map(f: Flavor, entries: impl Iterator<Item = (String, Node)>) -> Node {
    let mut v: Vec<(String, Node)> = entries.collect();
    match f {
        Flavor::Yaml => baleine_util::sort_by(&mut v, |a, b| yaml_key_cmp(&a.0, &b.0)),
        Flavor::Json => baleine_util::sort_by(&mut v, |a, b| a.0.cmp(&b.0)),
    }
    Node::Map(v)
}

pub(crate) fn raw_node(f: Flavor, v: &Value) -> Node {
    raw(f, v)
}

fn raw(f: Flavor, v: &Value) -> Node {
    match v {
        Value::Null => Node::Null,
        Value::Bool(b) => Node::Bool(*b),
        Value::Int(i) => Node::Int(*i),
        Value::Float(x) => Node::Float(*x),
        Value::Str(s) => Node::Str(s.clone()),
        Value::Seq(items) => Node::Seq(items.iter().map(|x| raw(f, x)).collect()),
        Value::Map(m) => sorted_map(f, m.iter().map(|(k, v)| (k.clone(), raw(f, v)))),
    }
}

fn file_refs(f: Flavor, v: &[ServiceFileRef]) -> Option<Node> {
    if v.is_empty() {
        return None;
    }
    Some(Node::Seq(
        v.iter()
            .map(|r| {
                let mut o = Obj::new(f);
                o.string("source", &r.source);
                o.str("target", &r.target);
                o.str("uid", &r.uid);
                o.str("gid", &r.gid);
                if let Some(m) = r.mode {
                    o.put("mode", Node::Str(format!("0{:o}", m)));
                }
                o.extensions(&r.extensions);
                o.build()
            })
            .collect(),
    ))
}

fn hosts(v: &IndexMap<String, Vec<String>>) -> Option<Node> {
    if v.is_empty() {
        return None;
    }
    let mut list: Vec<String> = v
        .iter()
        .flat_map(|(h, ips)| ips.iter().map(move |ip| format!("{}={}", h, ip)))
        .collect();
    baleine_util::sort(&mut list);
    Some(Node::Seq(list.into_iter().map(Node::Str).collect()))
}

fn ulimits(f: Flavor, v: &IndexMap<String, Ulimit>) -> Option<Node> {
    if v.is_empty() {
        return None;
    }
    Some(sorted_map(f, v.iter().map(|(k, u)| {
        let n = match u.single {
            Some(s) if s != 0 => Node::Int(s),
            // MarshalYAML: an anonymous struct{Soft, Hard int} (no omitempty);
            // MarshalJSON: json.Marshal(*u), the `omitempty` tags apply
            _ if f == Flavor::Json => {
                let mut o = Obj::new(f);
                o.int("soft", u.soft);
                o.int("hard", u.hard);
                o.build()
            }
            _ => Node::Map(vec![
                ("soft".into(), Node::Int(u.soft.unwrap_or(0))),
                ("hard".into(), Node::Int(u.hard.unwrap_or(0))),
            ]),
        };
        (k.clone(), n)
    })))
}

fn mapping_with_equals(f: Flavor, v: &IndexMap<String, Option<String>>) -> Option<Node> {
    if v.is_empty() {
        return None;
    }
    Some(sorted_map(f, v.iter().map(|(k, v)| {
        (
            k.clone(),
            v.as_ref()
                .map(|s| Node::Str(s.clone()))
                .unwrap_or(Node::Null),
        )
    })))
}

fn build_node(f: Flavor, b: &BuildConfig) -> Node {
    let mut o = Obj::new(f);
    o.string("context", &b.context);
    o.str("dockerfile", &b.dockerfile);
    o.str("dockerfile_inline", &b.dockerfile_inline);
    o.list("entitlements", &b.entitlements);
    o.node("args", mapping_with_equals(f, &b.args));
    o.str("provenance", &b.provenance);
    o.str("sbom", &b.sbom);
    if !b.ssh.is_empty() {
        let items = b
            .ssh
            .iter()
            .map(|s| match s.split_once('=') {
                Some((id, p)) => Node::Str(format!("{}: {}", id, p)),
                None => Node::Str(s.clone()),
            })
            .collect();
        o.put("ssh", Node::Seq(items));
    }
    o.dict("labels", &b.labels);
    o.list("cache_from", &b.cache_from);
    o.list("cache_to", &b.cache_to);
    o.flag("no_cache", b.no_cache);
    o.dict("additional_contexts", &b.additional_contexts);
    o.flag("pull", b.pull);
    o.node("extra_hosts", hosts(&b.extra_hosts));
    o.str("isolation", &b.isolation);
    o.str("network", &b.network);
    o.str("target", &b.target);
    o.node("secrets", file_refs(f, &b.secrets));
    o.bytes("shm_size", b.shm_size);
    o.list("tags", &b.tags);
    o.raw("ulimits", &b.other);
    o.list("platforms", &b.platforms);
    o.flag("privileged", b.privileged);
    o.extensions(&b.extensions);
    o.build()
}

fn resource_node(f: Flavor, r: &Resource) -> Node {
    let mut o = Obj::new(f);
    o.f32("cpus", r.cpus);
    o.bytes("memory", r.memory);
    o.int("pids", r.pids);
    o.raw("devices", &r.other);
    o.raw("generic_resources", &r.other);
    o.extensions(&r.extensions);
    o.build()
}

fn deploy_node(f: Flavor, d: &DeployConfig) -> Node {
    let mut o = Obj::new(f);
    o.str("mode", &d.mode);
    if let Some(r) = d.replicas {
        o.put("replicas", Node::Int(r));
    }
    o.dict("labels", &d.labels);
    o.raw("update_config", &d.other);
    o.raw("rollback_config", &d.other);
    let mut res = Obj::new(f);
    res.node(
        "limits",
        d.resources.limits.as_ref().map(|r| resource_node(f, r)),
    );
    res.node(
        "reservations",
        d.resources.reservations.as_ref().map(|r| resource_node(f, r)),
    );
    res.extensions(&d.resources.extensions);
    // `Resources` is a struct, not a pointer: encoding/json never omits it
    if !res.0.is_empty() || f == Flavor::Json {
        o.put("resources", res.build());
    }
    if let Some(rp) = &d.restart_policy {
        let mut r = Obj::new(f);
        r.str("condition", &rp.condition);
        r.duration("delay", rp.delay);
        if let Some(m) = rp.max_attempts {
            r.put("max_attempts", Node::Int(m as i64));
        }
        r.duration("window", rp.window);
        r.extensions(&rp.extensions);
        o.put("restart_policy", r.build());
    }
    if f == Flavor::Json && !d.other.contains_key("placement") {
        // `Placement` is a struct too
        o.put("placement", Node::Map(Vec::new()));
    } else {
        o.raw("placement", &d.other);
    }
    o.str("endpoint_mode", &d.endpoint_mode);
    o.extensions(&d.extensions);
    o.build()
}

fn healthcheck_node(f: Flavor, h: &Healthcheck) -> Node {
    let mut o = Obj::new(f);
    o.list("test", &h.test);
    o.duration("timeout", h.timeout);
    o.duration("interval", h.interval);
    if let Some(r) = h.retries {
        o.put("retries", Node::Int(r as i64));
    }
    o.duration("start_period", h.start_period);
    o.duration("start_interval", h.start_interval);
    o.flag("disable", h.disable);
    o.extensions(&h.extensions);
    o.build()
}

fn port_node(f: Flavor, p: &PortConfig) -> Node {
    let mut o = Obj::new(f);
    o.str("name", &p.name);
    o.string("mode", &p.mode);
    o.str("host_ip", &p.host_ip);
    if p.target != 0 {
        o.put("target", Node::Int(p.target as i64));
    }
    o.str("published", &p.published);
    o.string("protocol", &p.protocol);
    o.str("app_protocol", &p.app_protocol);
    o.extensions(&p.extensions);
    o.build()
}

fn volume_node(f: Flavor, v: &ServiceVolume) -> Node {
    let mut o = Obj::new(f);
    o.put("type", Node::Str(v.kind.as_str().into()));
    o.str("source", &v.source);
    o.string("target", &v.target);
    o.flag("read_only", v.read_only);
    o.str("consistency", &v.consistency);
    if let Some(b) = &v.bind {
        let mut bo = Obj::new(f);
        bo.str("selinux", &b.selinux);
        bo.str("propagation", &b.propagation);
        bo.flag("create_host_path", b.create_host_path);
        bo.str("recursive", &b.recursive);
        bo.extensions(&b.extensions);
        o.put("bind", bo.build());
    }
    if let Some(vv) = &v.volume {
        let mut vo = Obj::new(f);
        vo.dict("labels", &vv.labels);
        vo.flag("nocopy", vv.nocopy);
        vo.str("subpath", &vv.subpath);
        vo.extensions(&vv.extensions);
        o.put("volume", vo.build());
    }
    if let Some(t) = &v.tmpfs {
        let mut to = Obj::new(f);
        to.bytes("size", t.size);
        if let Some(m) = t.mode {
            if m != 0 {
                to.put("mode", Node::Int(m as i64));
            }
        }
        to.extensions(&t.extensions);
        o.put("tmpfs", to.build());
    }
    if let Some(sp) = &v.image_subpath {
        o.put(
            "image",
            Node::Map(vec![("subpath".into(), Node::Str(sp.clone()))]),
        );
    }
    o.extensions(&v.extensions);
    o.build()
}

fn service_node(f: Flavor, s: &Service) -> Node {
    let mut o = Obj::new(f);
    let other = &s.other;
    o.list("profiles", &s.profiles);
    o.dict("annotations", &s.annotations);
    o.opt_bool("attach", s.attach);
    o.node("build", s.build.as_ref().map(|b| build_node(f, b)));
    o.raw("develop", other);
    o.raw("blkio_config", other);
    o.list("cap_add", &s.cap_add);
    o.list("cap_drop", &s.cap_drop);
    o.str("cgroup_parent", &s.cgroup_parent);
    o.str("cgroup", &s.cgroup);
    o.int("cpu_count", s.cpu_count);
    o.f32("cpu_percent", s.cpu_percent);
    o.int("cpu_period", s.cpu_period);
    o.int("cpu_quota", s.cpu_quota);
    o.int("cpu_rt_period", s.cpu_rt_period);
    o.int("cpu_rt_runtime", s.cpu_rt_runtime);
    o.f32("cpus", s.cpus);
    o.str("cpuset", &s.cpuset);
    o.int("cpu_shares", s.cpu_shares);
    // `ShellCommand` is `json:"command"` without omitempty: unset is null
    if let Some(c) = &s.command {
        o.put(
            "command",
            Node::Seq(c.iter().map(|x| Node::Str(x.clone())).collect()),
        );
    } else if f == Flavor::Json {
        o.put("command", Node::Null);
    }
    o.node("configs", file_refs(f, &s.configs));
    o.str("container_name", &s.container_name);
    o.raw("credential_spec", other);
    if !s.depends_on.is_empty() {
        o.put(
            "depends_on",
            sorted_map(f, s.depends_on.iter().map(|(k, d)| {
                let mut dn = Obj::new(f);
                dn.put("condition", Node::Str(d.condition.as_str().into()));
                dn.flag("restart", d.restart);
                dn.extensions(&d.extensions);
                dn.put("required", Node::Bool(d.required));
                (k.clone(), dn.build())
            })),
        );
    }
    o.node("deploy", s.deploy.as_ref().map(|d| deploy_node(f, d)));
    o.raw("device_cgroup_rules", other);
    o.raw("devices", other);
    o.list("dns", &s.dns);
    o.list("dns_opt", &s.dns_opt);
    o.list("dns_search", &s.dns_search);
    o.str("domainname", &s.domainname);
    if let Some(e) = &s.entrypoint {
        o.put(
            "entrypoint",
            Node::Seq(e.iter().map(|x| Node::Str(x.clone())).collect()),
        );
    } else if f == Flavor::Json {
        o.put("entrypoint", Node::Null);
    }
    o.raw("provider", other);
    o.node("environment", mapping_with_equals(f, &s.environment));
    // env_file entries are discarded once resolved into `environment`
    o.list("expose", &s.expose);
    o.list("external_links", &s.external_links);
    o.node("extra_hosts", hosts(&s.extra_hosts));
    o.list("group_add", &s.group_add);
    o.raw("gpus", other);
    o.str("hostname", &s.hostname);
    o.node(
        "healthcheck",
        s.healthcheck.as_ref().map(|h| healthcheck_node(f, h)),
    );
    o.str("image", &s.image);
    o.opt_bool("init", s.init);
    o.str("ipc", &s.ipc);
    o.str("isolation", &s.isolation);
    o.dict("labels", &s.labels);
    o.raw("label_file", other);
    o.list("links", &s.links);
    if let Some(l) = &s.logging {
        let mut lo = Obj::new(f);
        lo.str("driver", &l.driver);
        lo.dict("options", &l.options);
        lo.extensions(&l.extensions);
        o.put("logging", lo.build());
    }
    o.bytes("mem_limit", s.mem_limit);
    o.bytes("mem_reservation", s.mem_reservation);
    o.bytes("memswap_limit", s.memswap_limit);
    o.bytes("mem_swappiness", s.mem_swappiness);
    o.str("mac_address", &s.mac_address);
    o.raw("models", other);
    o.str("network_mode", &s.network_mode);
    if !s.networks.is_empty() {
        o.put(
            "networks",
            sorted_map(f, s.networks.iter().map(|(k, n)| {
                let node = match n {
                    None => Node::Null,
                    Some(n) => {
                        let mut no = Obj::new(f);
                        no.list("aliases", &n.aliases);
                        no.dict("driver_opts", &n.driver_opts);
                        no.int("gw_priority", Some(n.gw_priority));
                        no.str("interface_name", &n.interface_name);
                        no.str("ipv4_address", &n.ipv4_address);
                        no.str("ipv6_address", &n.ipv6_address);
                        no.list("link_local_ips", &n.link_local_ips);
                        no.str("mac_address", &n.mac_address);
                        no.int("priority", Some(n.priority));
                        no.extensions(&n.extensions);
                        no.build()
                    }
                };
                (k.clone(), node)
            })),
        );
    }
    o.flag("oom_kill_disable", s.oom_kill_disable);
    o.int("oom_score_adj", s.oom_score_adj);
    o.str("pid", &s.pid);
    o.int("pids_limit", s.pids_limit);
    o.str("platform", &s.platform);
    if !s.ports.is_empty() {
        o.put(
            "ports",
            Node::Seq(s.ports.iter().map(|p| port_node(f, p)).collect()),
        );
    }
    o.flag("privileged", s.privileged);
    o.str("pull_policy", &s.pull_policy);
    o.flag("read_only", s.read_only);
    o.str("restart", &s.restart);
    o.str("runtime", &s.runtime);
    if let Some(sc) = s.scale {
        o.put("scale", Node::Int(sc));
    }
    o.node("secrets", file_refs(f, &s.secrets));
    o.list("security_opt", &s.security_opt);
    o.bytes("shm_size", s.shm_size);
    o.flag("stdin_open", s.stdin_open);
    o.duration("stop_grace_period", s.stop_grace_period);
    o.str("stop_signal", &s.stop_signal);
    o.dict("storage_opt", &s.storage_opt);
    o.dict("sysctls", &s.sysctls);
    o.list("tmpfs", &s.tmpfs);
    o.flag("tty", s.tty);
    o.node("ulimits", ulimits(f, &s.ulimits));
    o.flag("use_api_socket", s.use_api_socket);
    o.str("user", &s.user);
    o.str("userns_mode", &s.userns_mode);
    o.str("uts", &s.uts);
    if !s.volumes.is_empty() {
        o.put(
            "volumes",
            Node::Seq(s.volumes.iter().map(|v| volume_node(f, v)).collect()),
        );
    }
    o.list("volumes_from", &s.volumes_from);
    o.str("working_dir", &s.working_dir);
    o.raw("post_start", other);
    o.raw("pre_stop", other);
    // anything else the model keeps raw, in name order
    let known = [
        "develop",
        "blkio_config",
        "credential_spec",
        "device_cgroup_rules",
        "devices",
        "provider",
        "gpus",
        "label_file",
        "models",
        "post_start",
        "pre_stop",
    ];
    let mut rest: Vec<&String> = other
        .keys()
        .filter(|k| !known.contains(&k.as_str()))
        .collect();
    baleine_util::sort_by(&mut rest, |a, b| yaml_key_cmp(a, b));
    for k in rest {
        o.put(k, raw(f, &other[k.as_str()]));
    }
    o.extensions(&s.extensions);
    o.build()
}

fn network_node(f: Flavor, n: &NetworkConfig) -> Node {
    let mut o = Obj::new(f);
    o.string("name", &n.name);
    o.str("driver", &n.driver);
    o.dict("driver_opts", &n.driver_opts);
    if let Some(ipam) = &n.ipam {
        let mut io = Obj::new(f);
        io.str("driver", &ipam.driver);
        if !ipam.config.is_empty() {
            io.put(
                "config",
                Node::Seq(
                    ipam.config
                        .iter()
                        .map(|p| {
                            let mut po = Obj::new(f);
                            po.str("subnet", &p.subnet);
                            po.str("gateway", &p.gateway);
                            po.str("ip_range", &p.ip_range);
                            po.dict("aux_addresses", &p.aux_addresses);
                            po.extensions(&p.extensions);
                            po.build()
                        })
                        .collect(),
                ),
            );
        }
        io.extensions(&ipam.extensions);
        if !io.0.is_empty() || f == Flavor::Json {
            o.put("ipam", io.build());
        }
    } else if f == Flavor::Json {
        // `Ipam IPAMConfig` is a struct: encoding/json never omits it
        o.put("ipam", Node::Map(Vec::new()));
    }
    o.flag("external", n.external);
    o.flag("internal", n.internal);
    o.flag("attachable", n.attachable);
    o.dict("labels", &n.labels);
    o.opt_bool("enable_ipv4", n.enable_ipv4);
    o.opt_bool("enable_ipv6", n.enable_ipv6);
    o.extensions(&n.extensions);
    o.build()
}

fn volume_config_node(f: Flavor, v: &VolumeConfig) -> Node {
    let mut o = Obj::new(f);
    o.string("name", &v.name);
    o.str("driver", &v.driver);
    o.dict("driver_opts", &v.driver_opts);
    o.flag("external", v.external);
    o.dict("labels", &v.labels);
    o.extensions(&v.extensions);
    o.build()
}

fn file_object_node(fl: Flavor, f: &FileObjectConfig, with_content: bool) -> Node {
    let mut o = Obj::new(fl);
    o.string("name", &f.name);
    o.str("file", &f.file);
    o.str("environment", &f.environment);
    if with_content {
        o.str("content", &f.content);
    }
    o.flag("external", f.external);
    o.dict("labels", &f.labels);
    o.str("driver", &f.driver);
    o.dict("driver_opts", &f.driver_opts);
    o.str("template_driver", &f.template_driver);
    o.extensions(&f.extensions);
    o.build()
}

/// The project as compose-go marshals it: `Project` (YAML), or the map
/// `Project.MarshalJSON` builds (JSON: name, services, the non-empty
/// networks, volumes, secrets and configs, the `x-*` extensions; no
/// `models`; keys sorted as encoding/json sorts a map's).
pub(crate) fn project_node(f: Flavor, p: &Project) -> Node {
    let mut o = Obj::new(f);
    o.string("name", &p.name);
    o.put(
        "services",
        sorted_map(
            f,
            p.services
                .iter()
                .map(|(k, s)| (k.clone(), service_node(f, s))),
        ),
    );
    if !p.networks.is_empty() {
        o.put(
            "networks",
            sorted_map(
                f,
                p.networks
                    .iter()
                    .map(|(k, n)| (k.clone(), network_node(f, n))),
            ),
        );
    }
    if !p.volumes.is_empty() {
        o.put(
            "volumes",
            sorted_map(
                f,
                p.volumes
                    .iter()
                    .map(|(k, v)| (k.clone(), volume_config_node(f, v))),
            ),
        );
    }
    if !p.secrets.is_empty() {
        o.put(
            "secrets",
            sorted_map(
                f,
                p.secrets
                    .iter()
                    .map(|(k, v)| (k.clone(), file_object_node(f, v, false))),
            ),
        );
    }
    if !p.configs.is_empty() {
        o.put(
            "configs",
            sorted_map(
                f,
                p.configs.iter().map(|(k, v)| {
                    // ConfigObjConfig.MarshalJSON: content set from
                    // `environment` while loading is not marshalled
                    let content = f == Flavor::Yaml
                        || v.environment.as_deref().unwrap_or("").is_empty();
                    (k.clone(), file_object_node(f, v, content))
                }),
            ),
        );
    }
    match f {
        Flavor::Yaml => {
            if !p.models.is_empty() {
                o.put("models", raw(f, &Value::Map(p.models.clone())));
            }
            o.extensions(&p.extensions);
            o.build()
        }
        Flavor::Json => {
            for (k, v) in &p.extensions {
                o.put(k, raw(f, v));
            }
            sorted_map(f, o.0.into_iter())
        }
    }
}

/// Exactly what `docker compose config` prints for the project.
pub fn render(project: &Project) -> String {
    let mut out = String::new();
    emit_value_top(&mut out, &project_node(Flavor::Yaml, project));
    out.replace('$', "$$")
}

/// `config --no-interpolate`: the raw model as go-yaml encodes a
/// `map[string]any` (keys sorted, `$` kept as written).
pub fn render_model(model: &Map) -> String {
    let mut out = String::new();
    emit_value_top(&mut out, &raw(Flavor::Yaml, &Value::Map(model.clone())));
    out
}

/// `docker compose config --services`: services in dependency order.
pub fn render_services(project: &Project) -> String {
    let names = crate::graph::start_order(project, &[])
        .unwrap_or_else(|_| project.services.keys().cloned().collect());
    lines(names)
}

/// `docker compose config --volumes`.
pub fn render_volumes(project: &Project) -> String {
    lines(project.volumes.keys().cloned().collect())
}

/// `docker compose config --profiles`: every profile of every service, sorted.
pub fn render_profiles(project: &Project) -> String {
    let mut set: Vec<String> = project
        .services
        .values()
        .chain(project.disabled_services.values())
        .flat_map(|s| s.profiles.iter().cloned())
        .collect();
    baleine_util::sort(&mut set);
    set.dedup();
    lines(set)
}

/// `docker compose config --images`: the image of each service
/// (`<project>-<service>` for services that are only built).
pub fn render_images(project: &Project) -> String {
    lines(
        project
            .services
            .values()
            .map(|s| s.image_name_or_default(&project.name))
            .collect(),
    )
}

/// `docker compose config --networks`.
pub fn render_networks(project: &Project) -> String {
    lines(project.networks.keys().cloned().collect())
}

fn lines(v: Vec<String>) -> String {
    let mut out = String::new();
    for l in v {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

// ------------------------------------------------------------------ emitter

fn emit_value_top(out: &mut String, n: &Node) {
    match n {
        Node::Map(entries) if !entries.is_empty() => emit_map(out, entries, 0, false),
        other => {
            out.push_str(&scalar_inline(other, 0));
            out.push('\n');
        }
    }
}

fn pad(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(' ');
    }
}

fn emit_map(out: &mut String, entries: &[(String, Node)], indent: usize, skip_first: bool) {
    for (i, (k, v)) in entries.iter().enumerate() {
        if !(skip_first && i == 0) {
            pad(out, indent);
        }
        out.push_str(&quote_scalar(k));
        out.push(':');
        emit_after_key(out, v, indent);
    }
}

fn emit_after_key(out: &mut String, v: &Node, indent: usize) {
    match v {
        Node::Map(m) if !m.is_empty() => {
            out.push('\n');
            emit_map(out, m, indent + 2, false);
        }
        Node::Seq(s) if !s.is_empty() => {
            out.push('\n');
            emit_seq(out, s, indent + 2, false);
        }
        other => {
            out.push(' ');
            out.push_str(&scalar_inline(other, indent));
            out.push('\n');
        }
    }
}

fn emit_seq(out: &mut String, items: &[Node], indent: usize, skip_first: bool) {
    for (i, item) in items.iter().enumerate() {
        if !(skip_first && i == 0) {
            pad(out, indent);
        }
        out.push('-');
        match item {
            Node::Map(m) if !m.is_empty() => {
                out.push(' ');
                emit_map(out, m, indent + 2, true);
            }
            Node::Seq(s) if !s.is_empty() => {
                out.push(' ');
                emit_seq(out, s, indent + 2, true);
            }
            other => {
                out.push(' ');
                out.push_str(&scalar_inline(other, indent));
                out.push('\n');
            }
        }
    }
}

/// A scalar (or empty collection) as written after `key: ` or `- `;
/// `indent` is the column of the key/dash (block scalars indent from it).
fn scalar_inline(n: &Node, indent: usize) -> String {
    match n {
        Node::Null => "null".into(),
        Node::Bool(b) => b.to_string(),
        Node::Int(i) => i.to_string(),
        Node::Float(f) => yaml_float(go_float(*f)),
        Node::Float32(f) => yaml_float(go_float32(*f)),
        Node::Map(_) => "{}".into(),
        Node::Seq(_) => "[]".into(),
        Node::Str(s) => {
            if s.contains('\n') && literal_allowed(s) {
                literal_block(s, indent + 2)
            } else {
                quote_scalar(s)
            }
        }
    }
}

fn yaml_float(s: String) -> String {
    match s.as_str() {
        "+Inf" => ".inf".into(),
        "-Inf" => "-.inf".into(),
        "NaN" => ".nan".into(),
        _ => s,
    }
}

fn go_float32(f: f32) -> String {
    if f == 0.0 {
        return "0".into();
    }
    if !f.is_finite() {
        return go_float(f as f64);
    }
    let exp = (f.abs() as f64).log10().floor() as i32;
    if (-4..6).contains(&exp) {
        format!("{}", f)
    } else {
        let s = format!("{:e}", f);
        let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
        let e: i32 = e.parse().unwrap_or(0);
        format!("{}e{}{:02}", mant, if e < 0 { '-' } else { '+' }, e.abs())
    }
}

fn is_printable(c: char) -> bool {
    matches!(c, '\n' | '\u{85}')
        || (' '..='~').contains(&c)
        || ('\u{a0}'..='\u{d7ff}').contains(&c)
        || (('\u{e000}'..='\u{fffd}').contains(&c) && c != '\u{feff}')
        || c >= '\u{10000}'
}

fn literal_allowed(s: &str) -> bool {
    if !s.chars().all(is_printable) {
        return false;
    }
    // trailing spaces before a line break, or a leading space, need quoting
    !(s.contains(" \n") || s.starts_with(' ') || s.starts_with('\n'))
}

fn literal_block(s: &str, content_indent: usize) -> String {
    let trailing = s.len() - s.trim_end_matches('\n').len();
    let chomp = match trailing {
        0 => "|-",
        1 => "|",
        _ => "|+",
    };
    let body = if trailing == 0 { s } else { &s[..s.len() - 1] };
    let mut out = String::from(chomp);
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            for _ in 0..content_indent {
                out.push(' ');
            }
            out.push_str(line);
        }
    }
    out
}

/// Would go-yaml resolve this plain scalar to something other than a string?
fn resolves_to_non_string(s: &str) -> bool {
    match s {
        "" | "~" | "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False"
        | "FALSE" | ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf"
        | "-.INF" | ".nan" | ".NaN" | ".NAN" => return true,
        _ => {}
    }
    let first = s.as_bytes()[0];
    if !(first.is_ascii_digit() || first == b'+' || first == b'-' || first == b'.') {
        return false;
    }
    if is_timestamp(s) {
        return true;
    }
    let plain: String = s.chars().filter(|c| *c != '_').collect();
    if parse_go_int(&plain) {
        return true;
    }
    if is_yaml_float(&plain) {
        return true;
    }
    false
}

fn parse_go_int(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    if body.is_empty() {
        return false;
    }
    let (digits, radix) =
        if let Some(r) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (r, 16)
        } else if let Some(r) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
            (r, 2)
        } else if let Some(r) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
            (r, 8)
        } else if body.len() > 1 && body.starts_with('0') {
            (&body[1..], 8)
        } else {
            (body, 10)
        };
    !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix))
}

fn is_yaml_float(s: &str) -> bool {
    // ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
    let b = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mant, exp) = match b.find(['e', 'E']) {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    let mant_ok = if let Some(frac) = mant.strip_prefix('.') {
        !frac.is_empty() && frac.chars().all(|c| c.is_ascii_digit())
    } else {
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        !int.is_empty()
            && int.chars().all(|c| c.is_ascii_digit())
            && frac.chars().all(|c| c.is_ascii_digit())
    };
    let exp_ok = match exp {
        None => true,
        Some(e) => {
            let e = e.strip_prefix(['+', '-']).unwrap_or(e);
            !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
        }
    };
    mant_ok && exp_ok
}

fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(|c| c.is_ascii_digit()) || b[4] != b'-' {
        return false;
    }
    let rest = &s[5..];
    let mut parts = rest.splitn(2, '-');
    let month = parts.next().unwrap_or("");
    let Some(tail) = parts.next() else {
        return false;
    };
    let day: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
    !month.is_empty()
        && month.len() <= 2
        && month.chars().all(|c| c.is_ascii_digit())
        && !day.is_empty()
        && day.len() <= 2
        && (tail.len() == day.len() || matches!(tail.as_bytes()[day.len()], b'T' | b't' | b' '))
}

fn is_base60_float(s: &str) -> bool {
    // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
    let b = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (main, frac) = match b.find('.') {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    if let Some(f) = frac {
        if !f.chars().all(|c| c.is_ascii_digit() || c == '_') {
            return false;
        }
    }
    let mut parts = main.split(':');
    let head = parts.next().unwrap_or("");
    if head.is_empty()
        || !head.as_bytes()[0].is_ascii_digit()
        || !head.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return false;
    }
    let mut count = 0;
    for p in parts {
        count += 1;
        let ok = match p.len() {
            1 => p.as_bytes()[0].is_ascii_digit(),
            2 => (b'0'..=b'5').contains(&p.as_bytes()[0]) && p.as_bytes()[1].is_ascii_digit(),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    count > 0
}

fn is_old_bool(s: &str) -> bool {
    matches!(
        s,
        "y" | "Y"
            | "yes"
            | "Yes"
            | "YES"
            | "on"
            | "On"
            | "ON"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "off"
            | "Off"
            | "OFF"
    )
}

/// libyaml's analysis: may the scalar be written plain in block context?
fn plain_allowed(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    if s.starts_with(' ') || s.ends_with(' ') || s.starts_with('\t') {
        return false;
    }
    if s.starts_with("---") || s.starts_with("...") {
        return false;
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !is_printable(c) || c == '\n' {
            return false;
        }
        let next_blank = chars.get(i + 1).is_none_or(|n| *n == ' ' || *n == '\t');
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => return false,
                '?' | ':' | '-' if next_blank => return false,
                _ => {}
            }
        } else {
            match c {
                ':' if next_blank => return false,
                '#' if chars[i - 1] == ' ' || chars[i - 1] == '\t' => return false,
                _ => {}
            }
        }
    }
    true
}

fn single_quoted_allowed(s: &str) -> bool {
    s.chars().all(|c| is_printable(c) && c != '\n')
}

fn quote_scalar(s: &str) -> String {
    if !resolves_to_non_string(s) && !is_base60_float(s) && !is_old_bool(s) {
        if plain_allowed(s) {
            return s.to_string();
        }
        if single_quoted_allowed(s) && !s.contains('\n') {
            return format!("'{}'", s.replace('\'', "''"));
        }
    }
    double_quoted(s)
}

fn double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\0' => out.push_str("\\0"),
            '\u{07}' => out.push_str("\\a"),
            '\u{08}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{0b}' => out.push_str("\\v"),
            '\u{0c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{85}' => out.push_str("\\N"),
            '\u{a0}' => out.push_str("\\_"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if !is_printable(c) => {
                let v = c as u32;
                if v <= 0xff {
                    out.push_str(&format!("\\x{:02X}", v));
                } else if v <= 0xffff {
                    out.push_str(&format!("\\u{:04X}", v));
                } else {
                    out.push_str(&format!("\\U{:08X}", v));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote_scalar("nginx:alpine"), "nginx:alpine");
        assert_eq!(quote_scalar("8080"), "\"8080\"");
        assert_eq!(quote_scalar("true"), "\"true\"");
        assert_eq!(quote_scalar("yes"), "\"yes\"");
        assert_eq!(quote_scalar(""), "\"\"");
        assert_eq!(quote_scalar("12:30"), "\"12:30\"");
        assert_eq!(quote_scalar("1.5"), "\"1.5\"");
        assert_eq!(quote_scalar("*.example"), "'*.example'");
        assert_eq!(quote_scalar("a: b"), "'a: b'");
        assert_eq!(quote_scalar("- x"), "'- x'");
        assert_eq!(quote_scalar("CMD-SHELL"), "CMD-SHELL");
        assert_eq!(
            quote_scalar("pg_isready -U postgres"),
            "pg_isready -U postgres"
        );
        assert_eq!(quote_scalar("a\tb"), "\"a\\tb\"");
        assert_eq!(quote_scalar("/run/secrets/x"), "/run/secrets/x");
        assert_eq!(quote_scalar("2024-01-02"), "\"2024-01-02\"");
    }

    #[test]
    fn emitter_shape() {
        let n = Node::Map(vec![
            (
                "a".into(),
                Node::Seq(vec![Node::Map(vec![
                    ("x".into(), Node::Int(1)),
                    ("w".into(), Node::Seq(vec![Node::Str("z".into())])),
                ])]),
            ),
            ("b".into(), Node::Map(vec![])),
            ("c".into(), Node::Str("l1\nl2".into())),
        ]);
        let mut out = String::new();
        emit_value_top(&mut out, &n);
        assert_eq!(
            out,
            "a:\n  - x: 1\n    w:\n      - z\nb: {}\nc: |-\n  l1\n  l2\n"
        );
    }
}
