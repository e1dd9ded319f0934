//! Docker's presentation of engine objects: status strings, port lists,
//! table rows and the JSON of `docker inspect`.

use baleine_engine::model::*;
use baleine_engine::util::{human_duration, human_size};

/// A time.Time as encoding/json writes it (RFC3339Nano: trailing zeros of
/// the fraction dropped).
fn rfc3339_nanos(ms: u64, epoch_secs: u64) -> String {
    let full = baleine_engine::util::rfc3339_nanos(ms, epoch_secs);
    match full.strip_suffix('Z').and_then(|t| t.split_once('.')) {
        Some((secs, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() {
                format!("{secs}Z")
            } else {
                format!("{secs}.{frac}Z")
            }
        }
        None => full,
    }
}
use baleine_engine::World;
use serde_json::{json, Map, Value};

use crate::gotmpl::GoType;

/// `docker ps` STATUS (moby container/state.go State.String()).
pub fn status_string(c: &Container, now: u64) -> String {
    let st = &c.state;
    match st.status {
        Status::Running | Status::Paused => {
            let up = human_duration(now.saturating_sub(st.started_ms.unwrap_or(now)));
            if st.status == Status::Paused {
                return format!("Up {up} (Paused)");
            }
            match &st.health {
                Some(h) => format!("Up {up} ({})", if h.status == "starting" { "health: starting" } else { h.status.as_str() }),
                None => format!("Up {up}"),
            }
        }
        Status::Restarting => format!("Restarting ({}) {} ago", st.exit_code, human_duration(now.saturating_sub(st.finished_ms.unwrap_or(now)))),
        Status::Removing => "Removal In Progress".into(),
        Status::Dead => "Dead".into(),
        Status::Created => "Created".into(),
        Status::Exited => match st.finished_ms {
            Some(f) if st.started_ms.is_some() => format!("Exited ({}) {} ago", st.exit_code, human_duration(now.saturating_sub(f))),
            _ => "Created".into(),
        },
    }
}

/// Whether the daemon fills NetworkSettings.Ports of `c`: only a running
/// container with an endpoint on a bridge network that is not internal
/// gets its external connectivity programmed, and with it the exposed
/// ports and mappings the bridge driver reports (moby v27.5.1
/// libnetwork/endpoint.go sbJoin, drivers/bridge EndpointOperInfo,
/// daemon/network.go getPortMapInfo); host, none and container:X modes
/// report none, and a stopped container has none (releaseNetwork).
pub fn has_port_map(world: &World, c: &Container) -> bool {
    c.is_running() && c.endpoints.keys().any(|nid| world.networks.get(nid).is_some_and(|n| n.driver == "bridge" && !n.internal))
}

/// The PORTS column of `c` (see [`has_port_map`]).
pub fn ports_string_in(world: &World, c: &Container) -> String {
    if !has_port_map(world, c) {
        return String::new();
    }
    ports_string(c)
}

/// The PORTS column (docker/cli formatter DisplayablePorts).
pub fn ports_string(c: &Container) -> String {
    if !c.is_running() || c.network_mode == "host" || c.network_mode == "none" || c.network_mode.starts_with("container:") {
        return String::new();
    }
    // The API's port list: one entry per binding, one IP-less entry per
    // exposed port without binding (daemon/list.go).
    let mut ports: Vec<(u16, String, u16, String)> = Vec::new();
    for p in &c.ports {
        if p.host_port != 0 {
            if p.host_ip.is_empty() || p.host_ip == "0.0.0.0" {
                ports.push((p.container_port, "0.0.0.0".into(), p.host_port, p.proto.clone()));
                ports.push((p.container_port, "::".into(), p.host_port, p.proto.clone()));
            } else {
                ports.push((p.container_port, p.host_ip.clone(), p.host_port, p.proto.clone()));
            }
        }
    }
    for e in &c.exposed {
        let (port, proto) = e.split_once('/').unwrap_or((e.as_str(), "tcp"));
        let Ok(port) = port.parse::<u16>() else { continue };
        if !c.ports.iter().any(|p| p.container_port == port && p.proto == proto && p.host_port != 0) {
            ports.push((port, String::new(), 0, proto.to_string()));
        }
    }
    baleine_util::sort(&mut ports);
    ports.dedup();
    displayable_ports(&ports)
}

/// Go's net.JoinHostPort: IPv6 addresses in brackets.
pub fn join_host_port(ip: &str, port: u16) -> String {
    if ip.contains(':') {
        format!("[{ip}]:{port}")
    } else {
        format!("{ip}:{port}")
    }
}

/// docker/cli formatter/container.go DisplayablePorts: (private, ip,
/// public, proto) sorted by comparePorts; equal host/container ports are
/// grouped into ranges per ip/proto, other mappings listed after them.
fn displayable_ports(ports: &[(u16, String, u16, String)]) -> String {
    fn form_group(key: &str, first: u16, last: u16) -> String {
        let parts: Vec<&str> = key.split('/').collect();
        let (ip, kind) = if parts.len() > 1 { (parts[0], parts[1]) } else { ("", parts[0]) };
        let mut group = first.to_string();
        if first != last {
            group = format!("{group}-{last}");
        }
        if !ip.is_empty() {
            group = format!("{ip}:{group}->{group}");
        }
        format!("{group}/{kind}")
    }
    let mut groups: Vec<(String, u16, u16)> = Vec::new();
    let mut result = Vec::new();
    let mut host_mappings = Vec::new();
    for (private, ip, public, kind) in ports {
        let mut key = kind.clone();
        if !ip.is_empty() {
            if public != private {
                host_mappings.push(format!("{}->{private}/{kind}", join_host_port(ip, *public)));
                continue;
            }
            key = format!("{ip}/{kind}");
        }
        match groups.iter_mut().find(|g| g.0 == key) {
            None => groups.push((key, *private, *private)),
            Some(g) if *private == g.2.wrapping_add(1) => g.2 = *private,
            Some(g) => {
                result.push(form_group(&g.0, g.1, g.2));
                g.1 = *private;
                g.2 = *private;
            }
        }
    }
    for g in &groups {
        result.push(form_group(&g.0, g.1, g.2));
    }
    result.extend(host_mappings);
    result.join(", ")
}

/// "3 minutes ago".
pub fn ago(now: u64, then: u64) -> String {
    format!("{} ago", human_duration(now.saturating_sub(then)))
}

/// The COMMAND column: quoted, truncated to 20 runes with "…".
pub fn command_column(c: &Container, trunc: bool) -> String {
    // moby container/view.go: Path, then the arguments, each quoted with
    // '…' when it holds a space.
    let mut words = c.entrypoint.iter().chain(c.cmd.iter());
    let mut cmd = words.next().cloned().unwrap_or_default();
    for a in words {
        cmd.push(' ');
        if a.contains(' ') {
            cmd.push_str(&format!("'{a}'"));
        } else {
            cmd.push_str(a);
        }
    }
    let cmd = if trunc { ellipsis(&cmd, 20) } else { cmd };
    baleine_util::go::quote(&cmd)
}

pub fn ellipsis(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Image of a container as the API lists it (moby daemon/list.go
/// refreshImage: the reference it was created with, or the image's full
/// "sha256:" id once that reference names another image).
pub fn container_image(world: &World, c: &Container) -> String {
    match world.image_id(&c.spec.image) {
        Some(id) if id == c.image_id => c.spec.image.clone(),
        _ => format!("sha256:{}", c.image_id),
    }
}

/// docker/cli formatter/container.go ContainerContext.Image: truncated, an
/// id prints as its 12-hex form and a reference loses its digest.
fn shown_image(c: &Container, image: &str, trunc: bool) -> String {
    if !trunc {
        return image.to_string();
    }
    let short_id = |s: &str| -> String {
        let s = s.strip_prefix("sha256:").unwrap_or(s);
        s[..12.min(s.len())].to_string()
    };
    if short_id(&c.image_id) == short_id(image) {
        return short_id(image);
    }
    match baleine_engine::images::Reference::parse(image) {
        Ok(r) => match &r.tag {
            Some(t) => format!("{}:{t}", r.repo()),
            None => r.repo(),
        },
        Err(_) => image.to_string(),
    }
}

/// Values available to `docker ps --format`.
pub fn ps_row(world: &World, c: &Container, trunc: bool, with_size: bool) -> Value {
    ps_row_with_image(world, c, trunc, with_size, &container_image(world, c))
}

/// `ps_row` with the IMAGE column already worked out (callers listing many
/// containers resolve each image reference once).
pub fn ps_row_with_image(world: &World, c: &Container, trunc: bool, with_size: bool, image: &str) -> Value {
    let now = world.now_ms;
    let names = c.name.clone();
    let networks: Vec<String> = c.endpoints.keys().filter_map(|n| world.networks.get(n).map(|n| n.name.clone())).collect();
    let labels: Vec<String> = c.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    // ContainerContext.Mounts: the volume name or the source, ellipsized to 15.
    let mounts: Vec<String> = c.mounts.iter().map(|m| if m.kind == "volume" { m.name.as_str() } else { m.source.as_str() }).map(|n| if trunc { ellipsis(n, 15) } else { n.to_string() }).collect();
    let (size, virt) = if with_size { (container_rw_size(world, c), world.images.get(&c.image_id).map(|i| world.image_size(i)).unwrap_or(0)) } else { (0, 0) };
    // Keys in the order `{{json .}}` prints them: docker/cli's formatter
    // marshals a map, so they come out sorted.
    json!({
        "Command": command_column(c, trunc),
        "CreatedAt": docker_time(world, c.created_ms),
        "ID": if trunc { c.id[..12].to_string() } else { c.id.clone() },
        "Image": shown_image(c, image, trunc),
        "Labels": labels.join(","),
        "LocalVolumes": c.mounts.iter().filter(|m| m.kind == "volume").count().to_string(),
        "Mounts": mounts.join(","),
        "Names": names,
        "Networks": networks.join(","),
        "Ports": ports_string_in(world, c),
        "RunningFor": ago(now, c.created_ms),
        "Size": if virt > 0 { format!("{} (virtual {})", human_size(size), human_size(virt)) } else { human_size(size) },
        "State": c.state.status.as_str(),
        "Status": status_string(c, now),
    })
}

/// "2026-11-25 08:00:00 +0000 UTC" as Go prints time.Time.
pub fn docker_time(world: &World, ms: u64) -> String {
    let (y, mo, d, h, mi, s, _) = baleine_engine::util::civil(world.epoch_secs + ms / 1000);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} +0000 UTC")
}

pub fn time_from_secs(secs: u64) -> String {
    let (y, mo, d, h, mi, s, _) = baleine_engine::util::civil(secs);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} +0000 UTC")
}

fn rfc3339_secs(secs: u64) -> String {
    let (y, mo, d, h, mi, s, _) = baleine_engine::util::civil(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

fn strs(v: &[String]) -> Value {
    Value::Array(v.iter().map(|s| Value::String(s.clone())).collect())
}

fn opt_strs(v: &[String]) -> Value {
    if v.is_empty() {
        Value::Null
    } else {
        strs(v)
    }
}

/// A Go map as encoding/json writes it: keys sorted (structs keep their
/// field order, so only map-typed fields go through here).
fn go_map(entries: impl IntoIterator<Item = (String, Value)>) -> Value {
    let mut e: Vec<(String, Value)> = entries.into_iter().collect();
    baleine_util::sort_by(&mut e, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    Value::Object(e.into_iter().collect())
}

/// A `map[string]string`.
fn string_map<'a>(m: impl IntoIterator<Item = (&'a String, &'a String)>) -> Value {
    go_map(m.into_iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))))
}

fn labels_json(labels: &indexmap::IndexMap<String, String>) -> Value {
    string_map(labels)
}

/// A `map[string]struct{}` (ExposedPorts, Volumes), null when empty.
fn set_json<'a>(keys: impl IntoIterator<Item = &'a String>) -> Value {
    match go_map(keys.into_iter().map(|k| (k.clone(), json!({})))) {
        Value::Object(m) if m.is_empty() => Value::Null,
        v => v,
    }
}

fn health_json(h: &Healthcheck) -> Value {
    let mut m = Map::new();
    m.insert("Test".into(), strs(&h.test));
    if h.interval_ms > 0 {
        m.insert("Interval".into(), json!(h.interval_ms * 1_000_000));
    }
    if h.timeout_ms > 0 {
        m.insert("Timeout".into(), json!(h.timeout_ms * 1_000_000));
    }
    if h.start_period_ms > 0 {
        m.insert("StartPeriod".into(), json!(h.start_period_ms * 1_000_000));
    }
    if h.start_interval_ms > 0 {
        m.insert("StartInterval".into(), json!(h.start_interval_ms * 1_000_000));
    }
    if h.retries > 0 {
        m.insert("Retries".into(), json!(h.retries));
    }
    Value::Object(m)
}

/// What docker/cli's inspect templates see of a container beyond its JSON:
/// api/types v27.5.1 ContainerJSON, of which these fields are modelled.
pub static CONTAINER_TYPE: GoType = GoType::Partial(&[
    // *int64, nil (left out of the JSON) without --size.
    ("SizeRw", GoType::Ptr(&GoType::Int)),
    ("SizeRootFs", GoType::Ptr(&GoType::Int)),
    ("Mounts", GoType::Slice(&MOUNT_POINT)),
    ("State", CONTAINER_STATE),
    ("HostConfig", GoType::Partial(&[("RestartPolicy", RESTART_POLICY), ("PortBindings", PORT_MAP), ("Mounts", GoType::Slice(&MOUNT)), ("LogConfig", LOG_CONFIG), ("Tmpfs", GoType::Map(&GoType::Str)), ("Init", GoType::Ptr(&GoType::Bool))])),
    ("Config", CONFIG_SETS),
    ("NetworkSettings", GoType::Partial(&[("Ports", PORT_MAP), ("Networks", GoType::Map(&GoType::Ptr(&ENDPOINT_SETTINGS)))])),
    ("GraphDriver", GoType::Struct("types.GraphDriverData", &[("Data", GoType::Map(&GoType::Str)), ("Name", GoType::Str)])),
]);

/// api/types/container/hostconfig.go LogConfig.
const LOG_CONFIG: GoType = GoType::Struct("container.LogConfig", &[("Type", GoType::Str), ("Config", GoType::Map(&GoType::Str))]);

/// api/types/network/endpoint.go EndpointSettings (NetworkSettings.Networks
/// holds pointers: `map[bridge:0xc000...]`).
const ENDPOINT_SETTINGS: GoType = GoType::Struct(
    "network.EndpointSettings",
    &[
        ("IPAMConfig", GoType::Ptr(&ENDPOINT_IPAM_CONFIG)),
        ("Links", GoType::Slice(&GoType::Str)),
        ("Aliases", GoType::Slice(&GoType::Str)),
        ("MacAddress", GoType::Str),
        ("DriverOpts", GoType::Map(&GoType::Str)),
        ("NetworkID", GoType::Str),
        ("EndpointID", GoType::Str),
        ("Gateway", GoType::Str),
        ("IPAddress", GoType::Str),
        ("IPPrefixLen", GoType::Int),
        ("IPv6Gateway", GoType::Str),
        ("GlobalIPv6Address", GoType::Str),
        ("GlobalIPv6PrefixLen", GoType::Int),
        ("DNSNames", GoType::Slice(&GoType::Str)),
    ],
);
const ENDPOINT_IPAM_CONFIG: GoType = GoType::Struct("network.EndpointIPAMConfig", &[("IPv4Address", GoType::Str), ("IPv6Address", GoType::Str), ("LinkLocalIPs", GoType::Slice(&GoType::Str))]);

/// What templates see of `docker image inspect` (api/types/image
/// InspectResponse, its Config a container.Config in API 1.47).
pub static IMAGE_TYPE: GoType = GoType::Partial(&[("Config", CONFIG_SETS), ("Metadata", GoType::Struct("image.Metadata", &[("LastTagTime", GoType::Time)]))]);

/// container.Config's sets: ExposedPorts (nat.PortSet) and Volumes, maps
/// of empty structs (`map[80/tcp:{}]`); and its omitempty fields, left
/// out of the JSON when unset (StopTimeout a nil *int).
const CONFIG_SETS: GoType = GoType::Partial(&[
    ("ExposedPorts", GoType::Map(&EMPTY_STRUCT)),
    ("Volumes", GoType::Map(&EMPTY_STRUCT)),
    ("Healthcheck", GoType::Ptr(&HEALTH_CONFIG)),
    ("ArgsEscaped", GoType::Bool),
    ("NetworkDisabled", GoType::Bool),
    ("MacAddress", GoType::Str),
    ("StopSignal", GoType::Str),
    ("StopTimeout", GoType::Ptr(&GoType::Int)),
    ("Shell", GoType::Slice(&GoType::Str)),
]);
/// api/types/container/config.go HealthConfig (`*HealthConfig`).
const HEALTH_CONFIG: GoType = GoType::Struct(
    "container.HealthConfig",
    &[("Test", GoType::Slice(&GoType::Str)), ("Interval", GoType::Duration), ("Timeout", GoType::Duration), ("StartPeriod", GoType::Duration), ("StartInterval", GoType::Duration), ("Retries", GoType::Int)],
);
const EMPTY_STRUCT: GoType = GoType::Struct("struct {}", &[]);

/// nat.PortMap: port -> []nat.PortBinding (`map[80/tcp:[{0.0.0.0 8080}]]`).
const PORT_MAP: GoType = GoType::Map(&GoType::Slice(&PORT_BINDING));
const PORT_BINDING: GoType = GoType::Struct("nat.PortBinding", &[("HostIp", GoType::Str), ("HostPort", GoType::Str)]);

/// api/types/mount/mount.go Mount (HostConfig.Mounts).
const MOUNT: GoType = GoType::Struct(
    "mount.Mount",
    &[
        ("Type", GoType::Str),
        ("Source", GoType::Str),
        ("Target", GoType::Str),
        ("ReadOnly", GoType::Bool),
        ("Consistency", GoType::Str),
        ("BindOptions", GoType::Ptr(&BIND_OPTIONS)),
        ("VolumeOptions", GoType::Ptr(&VOLUME_OPTIONS)),
        ("TmpfsOptions", GoType::Ptr(&TMPFS_OPTIONS)),
        ("ClusterOptions", GoType::Ptr(&EMPTY_STRUCT)),
    ],
);
const BIND_OPTIONS: GoType = GoType::Struct(
    "mount.BindOptions",
    &[("Propagation", GoType::Str), ("NonRecursive", GoType::Bool), ("CreateMountpoint", GoType::Bool), ("ReadOnlyNonRecursive", GoType::Bool), ("ReadOnlyForceRecursive", GoType::Bool)],
);
const VOLUME_OPTIONS: GoType = GoType::Struct("mount.VolumeOptions", &[("NoCopy", GoType::Bool), ("Labels", GoType::Map(&GoType::Str)), ("Subpath", GoType::Str), ("DriverConfig", GoType::Ptr(&VOLUME_DRIVER))]);
const VOLUME_DRIVER: GoType = GoType::Struct("mount.Driver", &[("Name", GoType::Str), ("Options", GoType::Map(&GoType::Str))]);
/// Mode is an os.FileMode (modelled as its number).
const TMPFS_OPTIONS: GoType = GoType::Struct("mount.TmpfsOptions", &[("SizeBytes", GoType::Int), ("Mode", GoType::Int), ("Options", GoType::Slice(&GoType::Slice(&GoType::Str)))]);

/// api/types/types.go MountPoint.
const MOUNT_POINT: GoType = GoType::Struct(
    "types.MountPoint",
    &[
        ("Type", GoType::Str),
        ("Name", GoType::Str),
        ("Source", GoType::Str),
        ("Destination", GoType::Str),
        ("Driver", GoType::Str),
        ("Mode", GoType::Str),
        ("RW", GoType::Bool),
        ("Propagation", GoType::Str),
    ],
);

/// api/types/types.go ContainerState.
const CONTAINER_STATE: GoType = GoType::Struct(
    "types.ContainerState",
    &[
        ("Status", GoType::Str),
        ("Running", GoType::Bool),
        ("Paused", GoType::Bool),
        ("Restarting", GoType::Bool),
        ("OOMKilled", GoType::Bool),
        ("Dead", GoType::Bool),
        ("Pid", GoType::Int),
        ("ExitCode", GoType::Int),
        ("Error", GoType::Str),
        ("StartedAt", GoType::Str),
        ("FinishedAt", GoType::Str),
        ("Health", GoType::Ptr(&HEALTH)),
    ],
);

/// api/types/container/health.go Health (`*Health`, nil without a
/// healthcheck) and its Log's `[]*HealthcheckResult`.
const HEALTH: GoType = GoType::Struct("container.Health", &[("Status", GoType::Str), ("FailingStreak", GoType::Int), ("Log", GoType::Slice(&GoType::Ptr(&HEALTHCHECK_RESULT)))]);
const HEALTHCHECK_RESULT: GoType = GoType::Struct(
    "container.HealthcheckResult",
    &[("Start", GoType::Time), ("End", GoType::Time), ("ExitCode", GoType::Int), ("Output", GoType::Str)],
);

/// Whether a `--mount`-style bind of the spec went to the daemon as a
/// `Binds` string instead: compose sends its binds that way (docker/compose
/// v2.32 create.go buildContainerVolumes, compose-go
/// ServiceVolumeConfig.String: "SRC:DST:rw|ro"), and marks them with
/// create_host_path.
fn sent_as_bind(m: &MountSpec) -> bool {
    m.kind == "bind" && m.create_host_path
}

/// HostConfig.Binds: the `-v` strings with a source, then compose's binds.
fn host_config_binds(c: &Container) -> Vec<String> {
    let mut binds: Vec<String> = c.spec.binds.iter().filter(|b| b.contains(':')).cloned().collect();
    for m in c.spec.mounts.iter().filter(|m| sent_as_bind(m)) {
        binds.push(format!("{}:{}:{}", m.source, m.target, if m.read_only { "ro" } else { "rw" }));
    }
    binds
}

/// One HostConfig.Mounts entry: api/types/mount/mount.go Mount as
/// encoding/json writes it (every field omitempty; the CLI's VolumeOptions
/// always carry a DriverConfig, maybe empty).
pub fn mount_json(m: &MountSpec, o: &MountOptions) -> Value {
    let mut v = Map::new();
    v.insert("Type".into(), json!(m.kind));
    if !m.source.is_empty() {
        v.insert("Source".into(), json!(m.source));
    }
    if !m.target.is_empty() {
        v.insert("Target".into(), json!(m.target));
    }
    if m.read_only {
        v.insert("ReadOnly".into(), json!(true));
    }
    if !o.consistency.is_empty() {
        v.insert("Consistency".into(), json!(o.consistency));
    }
    if let Some(b) = &o.bind {
        let mut bo = Map::new();
        if !b.propagation.is_empty() {
            bo.insert("Propagation".into(), json!(b.propagation));
        }
        for (k, on) in [("NonRecursive", b.non_recursive), ("CreateMountpoint", b.create_mountpoint), ("ReadOnlyNonRecursive", b.read_only_non_recursive), ("ReadOnlyForceRecursive", b.read_only_force_recursive)] {
            if on {
                bo.insert(k.into(), json!(true));
            }
        }
        v.insert("BindOptions".into(), Value::Object(bo));
    }
    if let Some(vo) = &o.volume {
        let mut m = Map::new();
        if vo.no_copy {
            m.insert("NoCopy".into(), json!(true));
        }
        if !vo.labels.is_empty() {
            m.insert("Labels".into(), string_map(&vo.labels));
        }
        if !vo.subpath.is_empty() {
            m.insert("Subpath".into(), json!(vo.subpath));
        }
        if let Some(d) = &vo.driver {
            let mut dm = Map::new();
            if !d.name.is_empty() {
                dm.insert("Name".into(), json!(d.name));
            }
            if let Some(opts) = d.options.as_ref().filter(|o| !o.is_empty()) {
                dm.insert("Options".into(), string_map(opts));
            }
            m.insert("DriverConfig".into(), Value::Object(dm));
        }
        v.insert("VolumeOptions".into(), Value::Object(m));
    }
    if let Some(t) = &o.tmpfs {
        let mut tm = Map::new();
        if t.size_bytes != 0 {
            tm.insert("SizeBytes".into(), json!(t.size_bytes));
        }
        if t.mode != 0 {
            tm.insert("Mode".into(), json!(t.mode));
        }
        v.insert("TmpfsOptions".into(), Value::Object(tm));
    }
    Value::Object(v)
}

/// HostConfig.Mounts (null without any).
fn host_config_mounts(c: &Container) -> Value {
    let mounts: Vec<Value> = c.spec.mounts.iter().enumerate().filter(|(_, m)| !sent_as_bind(m)).map(|(i, m)| mount_json(m, &c.spec.mount_options_of(i))).collect();
    if mounts.is_empty() {
        Value::Null
    } else {
        Value::Array(mounts)
    }
}

/// The Mode and Propagation `docker inspect` shows for a mount point,
/// from where it came (moby v27.5.1 daemon/volumes.go registerMountPoints):
/// a `--mount` (parseMountSpec: no mode, "z" for local volumes; binds take
/// BindOptions.Propagation or rprivate), a `-v` string (ParseMountRaw: the
/// mode as typed, "z" for a volume without one, the propagation among its
/// options or rprivate for binds), `--volumes-from` (the source's
/// propagation, no mode), or an image VOLUME (neither).
fn mount_point_mode(world: &World, c: &Container, m: &MountPoint, depth: u32) -> (String, String) {
    let norm = |t: &str| baleine_vfs::normalize("/", t);
    let default_prop = |kind: &str| if kind == "bind" { "rprivate".to_string() } else { String::new() };
    if let Some((i, spec)) = c.spec.mounts.iter().enumerate().rev().find(|(_, s)| s.kind == m.kind && norm(&s.target) == m.destination) {
        if sent_as_bind(spec) {
            return ((if spec.read_only { "ro" } else { "rw" }).into(), "rprivate".into());
        }
        let prop = match c.spec.mount_options.get(i).and_then(|o| o.bind.as_ref()) {
            Some(b) if !b.propagation.is_empty() && m.kind == "bind" => b.propagation.clone(),
            _ => default_prop(&m.kind),
        };
        return ((if m.kind == "volume" { "z" } else { "" }).into(), prop);
    }
    for b in c.spec.binds.iter().rev() {
        let parts: Vec<&str> = b.splitn(4, ':').collect();
        let (target, mode) = match parts.as_slice() {
            [t] => (*t, ""),
            [_, t] => (*t, ""),
            [_, t, mode] => (*t, *mode),
            _ => continue,
        };
        if norm(target) != m.destination {
            continue;
        }
        let prop = if m.kind == "bind" {
            mode.split(',').find(|o| matches!(*o, "private" | "rprivate" | "shared" | "rshared" | "slave" | "rslave")).unwrap_or("rprivate").to_string()
        } else {
            String::new()
        };
        let mode = if mode.is_empty() && m.kind == "volume" { "z" } else { mode };
        return (mode.to_string(), prop);
    }
    if depth < 8 {
        for vf in &c.spec.volumes_from {
            let name = vf.split(':').next().unwrap_or("");
            let Ok(id) = world.container_id(name) else { continue };
            let Some(other) = world.containers.get(&id) else { continue };
            if let Some(om) = other.mounts.iter().find(|om| om.destination == m.destination && om.kind == m.kind) {
                return (String::new(), mount_point_mode(world, other, om, depth + 1).1);
            }
        }
    }
    (String::new(), default_prop(&m.kind))
}

/// The container's Mounts (types.MountPoint): its volumes and binds, and
/// the tmpfs of `--mount type=tmpfs` (registered at create like the others,
/// kept while stopped); `--tmpfs` ones are only in HostConfig.Tmpfs.
fn mount_points_json(world: &World, c: &Container) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for m in c.mounts.iter().filter(|m| m.kind != "tmpfs") {
        let (mode, propagation) = mount_point_mode(world, c, m, 0);
        if m.kind == "volume" {
            out.push(json!({"Type": "volume", "Name": m.name, "Source": m.source, "Destination": m.destination, "Driver": world.volumes.get(&m.name).map_or("local", |v| v.driver.as_str()), "Mode": mode, "RW": m.rw, "Propagation": propagation}));
        } else {
            out.push(json!({"Type": m.kind, "Source": m.source, "Destination": m.destination, "Mode": mode, "RW": m.rw, "Propagation": propagation}));
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for m in c.spec.mounts.iter().rev().filter(|m| m.kind == "tmpfs") {
        let dest = baleine_vfs::normalize("/", &m.target);
        if seen.contains(&dest) || c.mounts.iter().any(|p| p.kind != "tmpfs" && p.destination == dest) {
            continue;
        }
        seen.push(dest.clone());
        out.push(json!({"Type": "tmpfs", "Source": "", "Destination": dest, "Mode": "", "RW": !m.read_only, "Propagation": ""}));
    }
    out
}

/// api/types/container/hostconfig.go RestartPolicy.
const RESTART_POLICY: GoType = GoType::Struct("container.RestartPolicy", &[("Name", GoType::Str), ("MaximumRetryCount", GoType::Int)]);

/// container.Config's ExposedPorts is `json:",omitempty"`: no key at all
/// when the container or image exposes nothing.
/// The other keys are put in the struct's field order (api/types/container
/// config.go: Healthcheck and ArgsEscaped between Cmd and Image).
fn finish_config(config: &mut Value) {
    const ORDER: [&str; 25] = [
        "Hostname", "Domainname", "User", "AttachStdin", "AttachStdout", "AttachStderr", "ExposedPorts", "Tty", "OpenStdin", "StdinOnce", "Env", "Cmd", "Healthcheck", "ArgsEscaped", "Image",
        "Volumes", "WorkingDir", "Entrypoint", "NetworkDisabled", "MacAddress", "OnBuild", "Labels", "StopSignal", "StopTimeout", "Shell",
    ];
    if let Value::Object(m) = config {
        if m.get("ExposedPorts").is_some_and(Value::is_null) {
            m.shift_remove("ExposedPorts");
        }
        let mut entries: Vec<(String, Value)> = std::mem::take(m).into_iter().collect();
        baleine_util::sort_by(&mut entries, |a, b| {
            let rank = |k: &str| ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len());
            rank(&a.0).cmp(&rank(&b.0))
        });
        *m = entries.into_iter().collect();
    }
}

/// `docker container inspect` of one container.
pub fn container_json(world: &World, c: &Container) -> Value {
    let e = world.epoch_secs;
    let zero = "0001-01-01T00:00:00Z".to_string();
    let health = c.state.health.as_ref().map(|h| {
        json!({
            "Status": h.status,
            "FailingStreak": h.failing_streak,
            "Log": h.log.iter().map(|l| json!({"Start": rfc3339_nanos(l.start_ms, e), "End": rfc3339_nanos(l.end_ms, e), "ExitCode": l.exit_code, "Output": l.output})).collect::<Vec<_>>(),
        })
    });
    let mut state = json!({
        "Status": c.state.status.as_str(),
        "Running": matches!(c.state.status, Status::Running | Status::Paused | Status::Restarting),
        "Paused": c.state.status == Status::Paused,
        "Restarting": c.state.status == Status::Restarting,
        "OOMKilled": c.state.oom_killed,
        "Dead": c.state.status == Status::Dead,
        "Pid": c.state.pid,
        "ExitCode": c.state.exit_code,
        "Error": c.state.error,
        "StartedAt": c.state.started_ms.map(|m| rfc3339_nanos(m, e)).unwrap_or_else(|| zero.clone()),
        "FinishedAt": c.state.finished_ms.map(|m| rfc3339_nanos(m, e)).unwrap_or_else(|| zero.clone()),
    });
    if let (Some(h), Value::Object(m)) = (health, &mut state) {
        m.insert("Health".into(), h);
    }
    let image = world.images.get(&c.image_id);
    let mut port_bindings = Map::new();
    for p in &c.spec.ports {
        let key = format!("{}/{}", p.container_port, p.proto);
        let entry = port_bindings.entry(key).or_insert_with(|| json!([]));
        if let Value::Array(a) = entry {
            a.push(json!({"HostIp": p.host_ip, "HostPort": if p.host_port == 0 { String::new() } else { p.host_port.to_string() }}));
        }
    }
    let binds = host_config_binds(c);
    let mut host_config = json!({
        "Binds": opt_strs(&binds),
        "ContainerIDFile": "",
        "LogConfig": {"Type": c.spec.log_driver.clone().unwrap_or_else(|| "json-file".into()), "Config": string_map(&c.spec.log_opts)},
        "NetworkMode": c.network_mode,
        "PortBindings": go_map(port_bindings),
        "RestartPolicy": {"Name": if c.spec.restart.name.is_empty() { "no".to_string() } else { c.spec.restart.name.clone() }, "MaximumRetryCount": c.spec.restart.max_retries},
        "AutoRemove": c.spec.auto_remove,
        "VolumeDriver": "",
        "VolumesFrom": opt_strs(&c.spec.volumes_from),
        "ConsoleSize": [0, 0],
        "CapAdd": opt_strs(&c.spec.cap_add),
        "CapDrop": Value::Null,
        "CgroupnsMode": "private",
        "Dns": strs(&c.spec.dns),
        "DnsOptions": strs(&c.spec.dns_options),
        "DnsSearch": strs(&c.spec.dns_search),
        "ExtraHosts": opt_strs(&c.spec.extra_hosts),
        "GroupAdd": Value::Null,
        "IpcMode": "private",
        "Cgroup": "",
        "Links": opt_strs(&c.spec.links),
        "OomScoreAdj": 0,
        "PidMode": "",
        "Privileged": c.spec.privileged,
        "PublishAllPorts": c.spec.publish_all,
        "ReadonlyRootfs": c.spec.read_only,
        "SecurityOpt": Value::Null,
        "UTSMode": "",
        "UsernsMode": "",
        "ShmSize": 67108864,
        "Runtime": "runc",
        "Isolation": "",
        "CpuShares": c.spec.cpu_shares,
        "Memory": c.spec.memory,
        "NanoCpus": c.spec.nano_cpus,
        "CgroupParent": "",
        "BlkioWeight": 0,
        // docker/cli opts.go sends the device lists and Ulimits as empty
        // (non-nil) slices, DeviceCgroupRules and DeviceRequests as nil.
        "BlkioWeightDevice": [],
        "BlkioDeviceReadBps": [],
        "BlkioDeviceWriteBps": [],
        "BlkioDeviceReadIOps": [],
        "BlkioDeviceWriteIOps": [],
        "CpuPeriod": 0,
        "CpuQuota": 0,
        "CpuRealtimePeriod": 0,
        "CpuRealtimeRuntime": 0,
        "CpusetCpus": "",
        "CpusetMems": "",
        "Devices": [],
        "DeviceCgroupRules": Value::Null,
        "DeviceRequests": Value::Null,
        "MemoryReservation": 0,
        "MemorySwap": c.spec.memory_swap,
        "MemorySwappiness": Value::Null,
        // moby v27.5.1 daemon_unix.go: adaptContainerSettings defaults it
        // to false at create; verifyPlatformContainerResources (run again
        // by start.go) drops it on cgroup v2 (sysinfo OomKillDisable false).
        "OomKillDisable": if c.state.started_ms.is_some() { Value::Null } else { json!(false) },
        "PidsLimit": Value::Null,
        "Ulimits": [],
        "CpuCount": 0,
        "CpuPercent": 0,
        "IOMaximumIOps": 0,
        "IOMaximumBandwidth": 0,
    });
    // hostconfig.go: Tmpfs, Mounts and Init are omitempty; Tmpfs sits
    // after SecurityOpt, Mounts after the Resources, Init last.
    if let Value::Object(m) = &mut host_config {
        let mut ordered = Map::new();
        for (k, v) in std::mem::take(m) {
            let after_security = k == "SecurityOpt";
            ordered.insert(k, v);
            if after_security && !c.spec.tmpfs.is_empty() {
                ordered.insert("Tmpfs".into(), go_map(c.spec.tmpfs.iter().map(|t| { let (p, o) = t.split_once(':').unwrap_or((t.as_str(), "")); (p.to_string(), Value::String(o.to_string())) })));
            }
        }
        let mounts = host_config_mounts(c);
        if !mounts.is_null() {
            ordered.insert("Mounts".into(), mounts);
        }
        ordered.insert("MaskedPaths".into(), json!(["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"]));
        ordered.insert("ReadonlyPaths".into(), json!(["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]));
        if c.spec.init {
            ordered.insert("Init".into(), Value::Bool(true));
        }
        *m = ordered;
    }
    let mounts = mount_points_json(world, c);
    // Config.Volumes: the image's VOLUMEs merged with the anonymous `-v
    // /path` of the command line (docker/cli opts.go keeps only binds
    // without a source there; moby daemon/commit.go merge adds the image's).
    let volumes = set_json(c.volumes.iter().chain(c.spec.binds.iter().filter(|b| !b.contains(':'))));
    let (attach_stdin, attach_stdout, attach_stderr) = c.spec.attached_streams();
    let mut config = json!({
        "Hostname": c.hostname,
        "Domainname": "",
        "User": c.user,
        "AttachStdin": attach_stdin,
        "AttachStdout": attach_stdout,
        "AttachStderr": attach_stderr,
        "ExposedPorts": set_json(&c.exposed),
        "Tty": c.spec.tty,
        "OpenStdin": c.spec.open_stdin,
        "StdinOnce": c.spec.open_stdin && attach_stdin,
        "Env": strs(&c.config_env),
        "Cmd": opt_strs(&c.cmd),
        "Image": c.spec.image,
        "Volumes": volumes,
        "WorkingDir": if c.workdir == "/" && image.is_some_and(|i| i.config.workdir.is_empty()) && c.spec.workdir.is_none() { String::new() } else { c.workdir.clone() },
        "Entrypoint": opt_strs(&c.entrypoint),
        "OnBuild": Value::Null,
        "Labels": labels_json(&c.labels),
    });
    if let (Some(h), Value::Object(m)) = (&c.healthcheck, &mut config) {
        m.insert("Healthcheck".into(), health_json(h));
        // Keep Docker's key order: Healthcheck comes after Cmd.
        let keys: Vec<String> = m.keys().cloned().collect();
        let mut ordered = Map::new();
        for k in keys {
            if k == "Healthcheck" {
                continue;
            }
            let v = m.get(&k).cloned().unwrap_or(Value::Null);
            ordered.insert(k.clone(), v);
            if k == "Cmd" {
                ordered.insert("Healthcheck".into(), health_json(h));
            }
        }
        *m = ordered;
    }
    if let Value::Object(m) = &mut config {
        if c.stop_signal != "SIGTERM" || c.spec.stop_signal.is_some() {
            m.insert("StopSignal".into(), Value::String(c.stop_signal.clone()));
        }
        if let Some(t) = c.spec.stop_timeout {
            m.insert("StopTimeout".into(), json!(t));
        }
    }
    finish_config(&mut config);
    let mut networks = Map::new();
    let mut main_ip = String::new();
    let mut main_gw = String::new();
    let mut main_mac = String::new();
    let mut main_prefix = 0;
    for (nid, ep) in &c.endpoints {
        let Some(n) = world.networks.get(nid) else { continue };
        let ip = if ep.ip == 0 { String::new() } else { ip_to_string(ep.ip) };
        let gw = if ep.ip == 0 { String::new() } else { ip_to_string(n.gateway) };
        if n.is_default_bridge {
            main_ip = ip.clone();
            main_gw = gw.clone();
            main_mac = ep.mac.clone();
            main_prefix = if ep.ip == 0 { 0 } else { n.prefix };
        }
        let mut dns_names: Vec<String> = Vec::new();
        // moby buildEndpointDNSNames: name, aliases, short id, hostname,
        // each once (compose's aliases start with the container's name).
        if !n.is_default_bridge {
            for x in std::iter::once(&c.name).chain(&ep.aliases).chain(&ep.dns_names).chain(std::iter::once(&c.hostname)) {
                if !x.is_empty() && !dns_names.contains(x) {
                    dns_names.push(x.clone());
                }
            }
        }
        networks.insert(
            n.name.clone(),
            json!({
                "IPAMConfig": ep.static_ip.map_or(Value::Null, |a| json!({"IPv4Address": ip_to_string(a)})),
                "Links": Value::Null,
                "Aliases": opt_strs(&ep.aliases),
                "MacAddress": ep.mac,
                "DriverOpts": Value::Null,
                "NetworkID": nid,
                "EndpointID": ep.endpoint_id,
                "Gateway": gw,
                "IPAddress": ip,
                "IPPrefixLen": if ep.ip == 0 { 0 } else { n.prefix },
                "IPv6Gateway": "",
                "GlobalIPv6Address": "",
                "GlobalIPv6PrefixLen": 0,
                "DNSNames": opt_strs(&dns_names),
            }),
        );
    }
    if c.network_mode == "host" || c.network_mode == "none" {
        let nid = world.networks.values().find(|n| n.name == c.network_mode).map(|n| n.id.clone()).unwrap_or_default();
        networks.insert(c.network_mode.clone(), json!({"IPAMConfig": Value::Null, "Links": Value::Null, "Aliases": Value::Null, "MacAddress": "", "DriverOpts": Value::Null, "NetworkID": nid, "EndpointID": "", "Gateway": "", "IPAddress": "", "IPPrefixLen": 0, "IPv6Gateway": "", "GlobalIPv6Address": "", "GlobalIPv6PrefixLen": 0, "DNSNames": Value::Null}));
    }
    let mut ports = Map::new();
    let port_map = has_port_map(world, c);
    for ex in c.exposed.iter().filter(|_| port_map) {
        let (port, proto) = ex.split_once('/').unwrap_or((ex.as_str(), "tcp"));
        let bound: Vec<Value> = c
            .ports
            .iter()
            .filter(|p| p.container_port.to_string() == port && p.proto == proto && p.host_port != 0 && c.is_running())
            .flat_map(|p| {
                if p.host_ip.is_empty() {
                    vec![json!({"HostIp": "0.0.0.0", "HostPort": p.host_port.to_string()}), json!({"HostIp": "::", "HostPort": p.host_port.to_string()})]
                } else {
                    vec![json!({"HostIp": p.host_ip, "HostPort": p.host_port.to_string()})]
                }
            })
            .collect();
        ports.insert(ex.clone(), if bound.is_empty() { Value::Null } else { Value::Array(bound) });
    }
    let graph = format!("/var/lib/docker/overlay2/{}", &c.id[..]);
    json!({
        "Id": c.id,
        "Created": rfc3339_nanos(c.created_ms, e),
        "Path": c.entrypoint.first().cloned().or_else(|| c.cmd.first().cloned()).unwrap_or_default(),
        "Args": strs(&c.entrypoint.iter().chain(c.cmd.iter()).skip(1).cloned().collect::<Vec<_>>()),
        "State": state,
        "Image": format!("sha256:{}", c.image_id),
        "ResolvConfPath": format!("/var/lib/docker/containers/{}/resolv.conf", c.id),
        "HostnamePath": format!("/var/lib/docker/containers/{}/hostname", c.id),
        "HostsPath": format!("/var/lib/docker/containers/{}/hosts", c.id),
        "LogPath": format!("/var/lib/docker/containers/{0}/{0}-json.log", c.id),
        "Name": format!("/{}", c.name),
        "RestartCount": c.restart_count,
        "Driver": "overlay2",
        "Platform": "linux",
        "MountLabel": "",
        "ProcessLabel": "",
        "AppArmorProfile": "docker-default",
        "ExecIDs": Value::Null,
        "HostConfig": host_config,
        "GraphDriver": {"Data": {"LowerDir": std::iter::once(format!("{graph}-init/diff")).chain(image.map(|i| lower_dirs(layer_dirs(i).iter())).unwrap_or_default()).collect::<Vec<_>>().join(":"), "MergedDir": format!("{graph}/merged"), "UpperDir": format!("{graph}/diff"), "WorkDir": format!("{graph}/work")}, "Name": "overlay2"},
        "Mounts": mounts,
        "Config": config,
        "NetworkSettings": {
            "Bridge": "",
            "SandboxID": if c.is_running() { c.id.chars().rev().collect::<String>() } else { String::new() },
            "SandboxKey": if c.is_running() { format!("/var/run/docker/netns/{}", &c.id[..12]) } else { String::new() },
            "Ports": go_map(ports),
            "HairpinMode": false,
            "LinkLocalIPv6Address": "",
            "LinkLocalIPv6PrefixLen": 0,
            "SecondaryIPAddresses": Value::Null,
            "SecondaryIPv6Addresses": Value::Null,
            "EndpointID": c.endpoints.iter().find(|(n, _)| world.networks.get(*n).is_some_and(|n| n.is_default_bridge)).map(|(_, e)| e.endpoint_id.clone()).unwrap_or_default(),
            "Gateway": main_gw,
            "GlobalIPv6Address": "",
            "GlobalIPv6PrefixLen": 0,
            "IPAddress": main_ip,
            "IPPrefixLen": main_prefix,
            "IPv6Gateway": "",
            "MacAddress": main_mac,
            "Networks": go_map(networks),
        },
    })
}

/// When image `id` was last tagged: moby v27.5.1 daemon/images/image_tag.go
/// TagImage (docker tag, build, commit and import with a name) sets the
/// image's lastUpdated metadata and logs a tag event; a pull or a load
/// adds its tags without it (zero time), and deleting the image drops it
/// (image/store.go SetLastUpdated, Delete).
fn last_tag_time(world: &World, id: &str) -> Option<u64> {
    for ev in world.events.iter().rev() {
        if ev.kind == "image" && ev.id == id {
            match ev.action.as_str() {
                "tag" => return Some(ev.ms),
                "delete" => return None,
                _ => {}
            }
        }
    }
    None
}

/// The overlay2 directory of each layer of an image, bottom first: the
/// driver's cache ids are random, ours derive from the layer's chain id so
/// images sharing layers share directories as on a real host.
fn layer_dirs(img: &Image) -> Vec<String> {
    let mut chain = String::new();
    let mut out = Vec::new();
    for l in &img.layers {
        chain = if chain.is_empty() { l.clone() } else { baleine_engine::util::sha256_hex(&format!("sha256:{chain} sha256:{l}")) };
        out.push(format!("/var/lib/docker/overlay2/{}", baleine_engine::util::sha256_hex(&format!("overlay2-cache:{chain}"))));
    }
    out
}

/// Lower directories as overlay2 GetMetadata joins them: nearest first.
fn lower_dirs<'a>(dirs: impl DoubleEndedIterator<Item = &'a String>) -> Vec<String> {
    dirs.rev().map(|d| format!("{d}/diff")).collect()
}

/// moby v27.5.1 daemon/graphdriver/overlay2 GetMetadata: the top layer's
/// MergedDir, UpperDir and WorkDir, and LowerDir (the layers below, joined
/// by ':') only when there are any.
fn image_graph_driver(img: &Image) -> Value {
    let dirs = layer_dirs(img);
    let top = dirs.last().cloned().unwrap_or_else(|| format!("/var/lib/docker/overlay2/{}", img.id));
    let mut data = Map::new();
    let lower = lower_dirs(dirs.iter().take(dirs.len().saturating_sub(1)));
    if !lower.is_empty() {
        data.insert("LowerDir".into(), Value::String(lower.join(":")));
    }
    data.insert("MergedDir".into(), Value::String(format!("{top}/merged")));
    data.insert("UpperDir".into(), Value::String(format!("{top}/diff")));
    data.insert("WorkDir".into(), Value::String(format!("{top}/work")));
    json!({"Data": data, "Name": "overlay2"})
}

/// `docker image inspect` of one image.
pub fn image_json(world: &World, img: &Image) -> Value {
    let c = &img.config;
    let mut config = json!({
        "Hostname": "",
        "Domainname": "",
        "User": c.user,
        "AttachStdin": false,
        "AttachStdout": false,
        "AttachStderr": false,
        "ExposedPorts": set_json(&c.exposed),
        "Tty": false,
        "OpenStdin": false,
        "StdinOnce": false,
        "Env": strs(&c.env),
        "Cmd": c.cmd.as_ref().map(|v| strs(v)).unwrap_or(Value::Null),
        "Image": "",
        "Volumes": set_json(&c.volumes),
        "WorkingDir": c.workdir,
        "Entrypoint": c.entrypoint.as_ref().map(|v| strs(v)).unwrap_or(Value::Null),
        "OnBuild": opt_strs(&c.onbuild),
        "Labels": if c.labels.is_empty() { Value::Null } else { labels_json(&c.labels) },
    });
    if let Value::Object(m) = &mut config {
        if let Some(h) = &c.healthcheck {
            m.insert("Healthcheck".into(), health_json(h));
        }
        if let Some(s) = &c.stop_signal {
            m.insert("StopSignal".into(), Value::String(s.clone()));
        }
        if let Some(s) = &c.shell {
            m.insert("Shell".into(), strs(s));
        }
        if c.args_escaped {
            m.insert("ArgsEscaped".into(), Value::Bool(true));
        }
    }
    finish_config(&mut config);
    let size = world.image_size(img);
    json!({
        "Id": format!("sha256:{}", img.id),
        "RepoTags": strs(&img.repo_tags),
        "RepoDigests": strs(&img.repo_digests),
        "Parent": img.parent.as_ref().map(|p| format!("sha256:{p}")).unwrap_or_default(),
        "Comment": if img.built { "buildkit.dockerfile.v0".to_string() } else { img.comment.clone() },
        "Created": rfc3339_secs(img.created_secs),
        // Set by the daemon on the images it makes itself (commit,
        // import: dockerversion.Version), not by BuildKit.
        "DockerVersion": if !img.built && (img.parent.is_some() || img.history.last().is_some_and(|h| h.created_by.is_empty())) { "27.5.1" } else { "" },
        "Author": img.config.author,
        "Config": config,
        "Architecture": "amd64",
        "Os": "linux",
        "Size": size,
        "GraphDriver": image_graph_driver(img),
        "RootFS": {"Type": "layers", "Layers": img.layers.iter().map(|l| Value::String(format!("sha256:{l}"))).collect::<Vec<_>>()},
        "Metadata": {"LastTagTime": last_tag_time(world, &img.id).map(|ms| rfc3339_nanos(ms, world.epoch_secs)).unwrap_or_else(|| "0001-01-01T00:00:00Z".to_string())},
    })
}

/// `docker network inspect` of one network.
pub fn network_json(world: &World, n: &Network) -> Value {
    let mut containers = Map::new();
    for c in world.containers.values() {
        if let Some(e) = c.endpoints.get(&n.id) {
            if e.ip == 0 {
                continue;
            }
            containers.insert(
                c.id.clone(),
                json!({"Name": c.name, "EndpointID": e.endpoint_id, "MacAddress": e.mac, "IPv4Address": format!("{}/{}", ip_to_string(e.ip), n.prefix), "IPv6Address": ""}),
            );
        }
    }
    let config = if n.prefix > 0 {
        // moby buildIPAMResources: a configured subnet shows only what was
        // configured; a pool's shows the gateway its allocator chose.
        let mut cfg = Map::new();
        cfg.insert("Subnet".into(), Value::String(format!("{}/{}", ip_to_string(n.subnet), n.prefix)));
        if let Some((b, p)) = n.ip_range {
            cfg.insert("IPRange".into(), Value::String(format!("{}/{}", ip_to_string(b), p)));
        }
        if n.configured_gateway || !n.configured_subnet {
            cfg.insert("Gateway".into(), Value::String(ip_to_string(n.gateway)));
        }
        json!([cfg])
    } else {
        json!([])
    };
    let special = n.driver == "host" || n.driver == "null";
    let mut options = Map::new();
    if n.is_default_bridge {
        for (k, v) in [
            ("com.docker.network.bridge.default_bridge", "true"),
            ("com.docker.network.bridge.enable_icc", "true"),
            ("com.docker.network.bridge.enable_ip_masquerade", "true"),
            ("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0"),
            ("com.docker.network.bridge.name", "docker0"),
            ("com.docker.network.driver.mtu", "1500"),
        ] {
            options.insert(k.into(), Value::String(v.into()));
        }
    }
    for (k, v) in &n.options {
        options.insert(k.clone(), Value::String(v.clone()));
    }
    json!({
        "Name": n.name,
        "Id": n.id,
        "Created": rfc3339_nanos(n.created_ms, world.epoch_secs),
        "Scope": n.scope,
        "Driver": n.driver,
        "EnableIPv6": false,
        // host and none ("null") are special drivers: libnetwork never
        // allocates IPAM for them (ipamAllocate), so moby's
        // buildIPAMResources has a nil Config; the networks the daemon
        // creates itself have nil IPAM options.
        "IPAM": {"Driver": "default", "Options": if n.is_default_bridge || special { Value::Null } else { json!({}) }, "Config": if special { Value::Null } else { config }},
        "Internal": n.internal,
        "Attachable": n.attachable,
        "Ingress": false,
        "ConfigFrom": {"Network": ""},
        "ConfigOnly": false,
        "Containers": go_map(containers),
        "Options": go_map(options),
        "Labels": labels_json(&n.labels),
    })
}

/// `docker volume inspect` of one volume.
pub fn volume_json(world: &World, v: &Volume) -> Value {
    json!({
        "CreatedAt": rfc3339_secs(world.epoch_secs + v.created_ms / 1000),
        "Driver": v.driver,
        "Labels": if v.labels.is_empty() { Value::Null } else { labels_json(&v.labels) },
        "Mountpoint": v.mountpoint(),
        "Name": v.name,
        "Options": if v.options.is_empty() { Value::Null } else { string_map(&v.options) },
        "Scope": "local",
    })
}

/// JSON as docker prints it: 4-space indentation, Go's HTML escaping.
pub fn pretty_json(v: &Value) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    let _ = serde::Serialize::serialize(v, &mut ser);
    match String::from_utf8(buf) {
        Ok(text) if !needs_go_escape(&text) => text,
        Ok(text) => go_escape(&text),
        Err(e) => go_escape(&String::from_utf8_lossy(e.as_bytes())),
    }
}

/// Go's encoding/json escapes <, > and & in strings.
pub fn go_escape(s: &str) -> String {
    if !needs_go_escape(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for ch in s.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// Whether a text has characters Go's JSON encoder escapes (memchr-fast).
fn needs_go_escape(s: &str) -> bool {
    s.contains('<') || s.contains('>') || s.contains('&')
}

/// What docker/cli's template function `json` prints (`--format json` is
/// `{{json .}}`): compact, and without HTML escaping (its encoder has
/// `SetEscapeHTML(false)`).
pub fn template_json(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// Compact JSON as Go's `json.Marshal` writes it (`<`, `>`, `&` escaped):
/// BuildKit's rawjson progress.
pub fn compact_json(v: &Value) -> String {
    go_escape(&serde_json::to_string(v).unwrap_or_default())
}

/// Bytes a container wrote in its own layer (`docker ps -s`, `system df`).
pub fn container_rw_size(w: &World, c: &Container) -> u64 {
    let Some(img) = w.images.get(&c.image_id) else { return 0 };
    let tree = w.forest.tree(c.rootfs);
    tree.diff(&img.rootfs)
        .iter()
        .filter(|(k, p)| *k != 'D' && !matches!(p.as_str(), "/etc/hosts" | "/etc/hostname" | "/etc/resolv.conf"))
        .filter_map(|(_, p)| match tree.get(p) {
            Some(baleine_vfs::Node::File(f)) => Some(f.content.size()),
            _ => None,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_maps_sort_their_keys() {
        let m = go_map([("9000/tcp".to_string(), json!(1)), ("53/udp".to_string(), json!(2)), ("8000/tcp".to_string(), json!(3))]);
        assert_eq!(m.to_string(), r#"{"53/udp":2,"8000/tcp":3,"9000/tcp":1}"#);
        assert_eq!(set_json(&Vec::<String>::new()), Value::Null);
        assert_eq!(set_json(&["/z".to_string(), "/a".to_string()]).to_string(), r#"{"/a":{},"/z":{}}"#);
    }

    #[test]
    fn host_ports_join_like_go() {
        assert_eq!(join_host_port("0.0.0.0", 80), "0.0.0.0:80");
        assert_eq!(join_host_port("::", 80), "[::]:80");
        assert_eq!(displayable_ports(&[(80, "::1".into(), 8080, "tcp".into())]), "[::1]:8080->80/tcp");
    }
}
