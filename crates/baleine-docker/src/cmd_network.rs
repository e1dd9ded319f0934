//! `docker network ...`.

use baleine_engine::model::Network;
use baleine_engine::network::NetworkSpec;
use serde_json::{json, Value};

use crate::args::{flag, Command, Flag};
use crate::format;
use crate::gotmpl::GoType;
use crate::{parse_args, Cli};

const CREATE_FLAGS: &[Flag] = &[
    flag("attachable", None, "", "Enable manual container attachment"),
    flag("aux-address", None, "map", "Auxiliary IPv4 or IPv6 addresses used by Network driver"),
    flag("config-from", None, "string", "The network from which to copy the configuration"),
    flag("config-only", None, "", "Create a configuration only network"),
    flag("driver", Some('d'), "string", "Driver to manage the Network (default \"bridge\")"),
    flag("gateway", None, "strings", "IPv4 or IPv6 Gateway for the master subnet"),
    flag("ingress", None, "", "Create swarm routing-mesh network"),
    flag("internal", None, "", "Restrict external access to the network"),
    flag("ip-range", None, "strings", "Allocate container ip from a sub-range"),
    flag("ipam-driver", None, "string", "IP Address Management Driver (default \"default\")"),
    flag("ipam-opt", None, "map", "Set IPAM driver specific options"),
    flag("ipv6", None, "", "Enable or disable IPv6 networking"),
    flag("label", None, "list", "Set metadata on a network"),
    flag("opt", Some('o'), "map", "Set driver specific options"),
    flag("scope", None, "string", "Control the network's scope"),
    flag("subnet", None, "strings", "Subnet in CIDR format that represents a network segment"),
];
const LS_FLAGS: &[Flag] = &[flag("filter", Some('f'), "filter", "Provide filter values (e.g. \"driver=bridge\")"), flag("format", None, "string", "Format output using a custom template"), flag("no-trunc", None, "", "Do not truncate the output"), flag("quiet", Some('q'), "", "Only display network IDs")];
const INSPECT_FLAGS: &[Flag] = &[flag("format", Some('f'), "string", "Format output using a custom template"), flag("verbose", Some('v'), "", "Verbose output for diagnostics")];
const CONNECT_FLAGS: &[Flag] = &[flag("alias", None, "strings", "Add network-scoped alias for the container"), flag("driver-opt", None, "strings", "driver options for the network"), flag("ip", None, "string", "IPv4 address (e.g., \"172.30.100.104\")"), flag("ip6", None, "string", "IPv6 address"), flag("link", None, "list", "Add link to another container"), flag("link-local-ip", None, "strings", "Add a link-local address for the container")];
const DISCONNECT_FLAGS: &[Flag] = &[flag("force", Some('f'), "", "Force the container to disconnect from a network")];
const RM_FLAGS: &[Flag] = &[flag("force", Some('f'), "", "Do not error if the network does not exist")];
const PRUNE_FLAGS: &[Flag] = &[flag("filter", None, "filter", "Provide filter values (e.g. \"until=<timestamp>\")"), flag("force", Some('f'), "", "Do not prompt for confirmation")];

fn cmd(path: &'static str, usage: &'static str, short: &'static str, flags: &'static [Flag], min: usize, max: usize) -> Command {
    Command { path, usage, short, aliases: &[], flags, stop_at_positional: false, min_args: min, max_args: max }
}

pub fn run(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let sub = argv.first().map(String::as_str).unwrap_or("");
    let rest = if argv.is_empty() { argv } else { &argv[1..] };
    match sub {
        "create" => create(cli, rest),
        "ls" | "list" => ls(cli, rest),
        "inspect" => inspect(cli, rest),
        "rm" | "remove" => rm(cli, rest),
        "prune" => prune(cli, rest),
        "connect" => connect(cli, rest),
        "disconnect" => disconnect(cli, rest),
        "" | "--help" | "-h" => {
            let usage = crate::group_usage("network");
            cli.print(format!("\n{usage}"));
            0
        }
        _ => {
            let usage = crate::group_usage("network");
            cli.err(format!("\n{usage}"));
            1
        }
    }
}

fn create(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker network create", "[OPTIONS] NETWORK", "Create a network", CREATE_FLAGS, 1, 1);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let mut spec = NetworkSpec { name: a.args[0].clone(), driver: a.value("driver").unwrap_or("bridge").to_string(), subnet: a.value("subnet").map(str::to_string), gateway: a.value("gateway").map(str::to_string), ip_range: a.value("ip-range").map(str::to_string), internal: a.has("internal"), attachable: a.has("attachable"), ..Default::default() };
    for l in a.values("label") {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        spec.labels.insert(k.to_string(), v.to_string());
    }
    for o in a.values("opt") {
        let (k, v) = o.split_once('=').unwrap_or((o, ""));
        spec.options.insert(k.to_string(), v.to_string());
    }
    // Go maps: JSON and templates show the keys sorted.
    baleine_util::sort_keys(&mut spec.labels);
    baleine_util::sort_keys(&mut spec.options);
    // docker/cli cli/command/network/create.go consolidateIpam: checked by
    // the CLI before the request is sent.
    let slice = |name: &str| -> Vec<String> { a.values(name).iter().flat_map(|v| v.split(',')).filter(|v| !v.is_empty()).map(str::to_string).collect() };
    if let Err(msg) = consolidate_ipam(&slice("subnet"), &slice("ip-range"), &slice("gateway")) {
        cli.err(format!("{msg}\n"));
        return 1;
    }
    match cli.world.create_network(spec) {
        Ok(id) => {
            cli.print(format!("{id}\n"));
            0
        }
        Err(e) => {
            cli.daemon_error(&e);
            1
        }
    }
}

/// A subnet in Go's net.ParseCIDR sense (host bits allowed).
fn go_parse_cidr(s: &str) -> Option<(u32, u8)> {
    let (ip, p) = s.split_once('/')?;
    let p: u8 = p.parse().ok().filter(|p| *p <= 32)?;
    let ip = baleine_engine::model::parse_ip(ip)?;
    Some((ip, p))
}

/// consolidateIpam's subnetMatches: does `subnet` contain `data` (an IP or a CIDR's IP)?
fn subnet_matches(subnet: &str, data: &str) -> Result<bool, String> {
    let (base, p) = go_parse_cidr(subnet).ok_or_else(|| format!("invalid subnet: invalid CIDR address: {subnet}"))?;
    let ip = if data.contains('/') {
        go_parse_cidr(data).ok_or_else(|| format!("invalid CIDR address: {data}"))?.0
    } else {
        match baleine_engine::model::parse_ip(data) {
            Some(ip) => ip,
            None => return Ok(false),
        }
    };
    Ok(baleine_engine::model::cidr_contains(base, p, ip))
}

fn consolidate_ipam(subnets: &[String], ranges: &[String], gateways: &[String]) -> Result<(), String> {
    if subnets.len() < ranges.len() || subnets.len() < gateways.len() {
        return Err("every ip-range or gateway must have a corresponding subnet".into());
    }
    for (i, s) in subnets.iter().enumerate() {
        for k in &subnets[..i] {
            if subnet_matches(s, k)? || subnet_matches(k, s)? {
                return Err("multiple overlapping subnet configuration is not supported".into());
            }
        }
    }
    for (what, items) in [("range", ranges), ("gateway", gateways)] {
        let mut taken: Vec<(String, String)> = Vec::new();
        for r in items {
            let mut matched = false;
            for s in subnets {
                if !subnet_matches(s, r)? {
                    continue;
                }
                if let Some((_, prev)) = taken.iter().find(|(sub, _)| sub == s) {
                    return Err(if what == "range" {
                        format!("cannot configure multiple ranges ({r}, {prev}) on the same subnet ({s})")
                    } else {
                        format!("cannot configure multiple gateways ({r}, {prev}) for the same subnet ({s})")
                    });
                }
                taken.push((s.clone(), r.clone()));
                matched = true;
            }
            if !matched {
                return Err(format!("no matching subnet for {what} {r}"));
            }
        }
    }
    Ok(())
}

fn net_row(cli: &Cli<'_>, n: &Network, trunc: bool) -> Value {
    json!({
        "ID": if trunc { n.id[..12].to_string() } else { n.id.clone() },
        "Name": n.name,
        "Driver": n.driver,
        "Scope": n.scope,
        "IPv6": "false",
        "Internal": n.internal.to_string(),
        "Labels": n.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
        "CreatedAt": format::docker_time(cli.world, n.created_ms),
    })
}

fn ls(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker network ls", "docker network list"], ..cmd("docker network ls", "[OPTIONS]", "List networks", LS_FLAGS, 0, 0) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // moby api/types/network/network.go acceptedFilters.
    let accepted = ["dangling", "driver", "id", "label", "name", "scope", "type"];
    let filters = match crate::parse_filters(cli, &a.values("filter"), &accepted, "docker network ls") {
        Ok(f) => f,
        Err(s) => return s,
    };
    let trunc = !a.has("no-trunc");
    let mut nets: Vec<&Network> = cli.world.networks.values().collect();
    // docker/cli cli/command/network/list.go: sortorder.NaturalLess on names.
    baleine_util::sort_by(&mut nets, |x, y| natural_cmp(&x.name, &y.name));
    // moby v27.5.1 daemon/network/filter.go FilterNetworks: the values of
    // one key are alternatives (labels must all match), keys all apply.
    let values = |key: &str| -> Vec<&str> { filters.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect() };
    let dangling = values("dangling");
    if dangling.len() > 1 {
        cli.err("Error response from daemon: got more than one value for filter key \"dangling\"\n");
        return 1;
    }
    let dangling_only = match dangling.first().copied() {
        None => None,
        Some("0" | "false") => Some(false),
        Some("1" | "true") => Some(true),
        Some(_) => {
            cli.err("Error response from daemon: invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")\n");
            return 1;
        }
    };
    let types = values("type");
    if let Some(bad) = types.iter().find(|t| !matches!(**t, "builtin" | "custom")) {
        cli.err(format!("Error response from daemon: invalid filter: 'type'='{bad}'\n"));
        return 1;
    }
    let any = |key: &str, test: &dyn Fn(&str) -> bool| -> bool {
        let vs = values(key);
        vs.is_empty() || vs.iter().any(|v| test(v))
    };
    let predefined = |n: &Network| n.builtin || n.is_default_bridge;
    let rows: Vec<Value> = nets
        .into_iter()
        .filter(|n| {
            // filters.Args.Match: exact, else a regular expression (a
            // plain word matches anywhere in the name or id).
            any("driver", &|v| n.driver == v)
                && any("name", &|v| n.name.contains(v))
                && any("id", &|v| n.id.contains(v))
                && crate::cmd_volume::match_kv_list(&values("label"), &n.labels)
                && any("scope", &|v| n.scope == v)
                && dangling_only.is_none_or(|d| {
                    let used = !cli.world.network_members(&n.id).is_empty();
                    if d {
                        !predefined(n) && !used
                    } else {
                        predefined(n) || used
                    }
                })
                && any("type", &|v| (v == "builtin") == predefined(n))
        })
        .map(|n| net_row(cli, n, trunc))
        .collect();
    if a.has("quiet") {
        for r in &rows {
            cli.print(format!("{}\n", r["ID"].as_str().unwrap_or("")));
        }
        return 0;
    }
    let fmt = a.value("format").unwrap_or("table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}").to_string();
    crate::render_format(cli, &fmt, &rows, &|f| {
        Some(
            match f {
                "ID" => "NETWORK ID",
                "Name" => "NAME",
                "Driver" => "DRIVER",
                "Scope" => "SCOPE",
                "IPv6" => "IPV6",
                "Internal" => "INTERNAL",
                "Labels" => "LABELS",
                "CreatedAt" => "CREATED AT",
                _ => return None,
            }
            .to_string(),
        )
    }, None)
}

fn inspect(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker network inspect", "[OPTIONS] NETWORK [NETWORK...]", "Display detailed information on one or more networks", INSPECT_FLAGS, 1, usize::MAX);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let fmtv = a.value("format").map(str::to_string);
    // docker/cli inspector.go runs a template on the typed network.Inspect
    // first: its Go field `ID` (JSON "Id") is only seen by templates.
    let wants_id = fmtv.as_deref().is_some_and(|f| f != "json" && f.contains(".ID"));
    let items = crate::cmd_system::inspect_items(cli.world, &a.args, "network", false)
        .into_iter()
        .map(|r| {
            r.map(|(mut v, _)| {
                if wants_id {
                    if let Some(m) = v.as_object_mut() {
                        let id = m.get("Id").cloned().unwrap_or(Value::Null);
                        m.insert("ID".into(), id);
                    }
                }
                (v, &NETWORK_TYPE)
            })
        })
        .collect();
    crate::cmd_system::print_inspect(cli, items, fmtv.as_deref())
}

/// api/types/network v27.5.1 Inspect, what `docker network inspect -f`
/// templates see (`{{.IPAM.Config}}` prints `[{10.10.0.0/16   map[]}]`, an
/// omitted Gateway is an empty string, not `<no value>`).
pub(crate) static NETWORK_TYPE: GoType = GoType::Struct(
    "network.Inspect",
    &[
        ("Name", GoType::Str),
        ("ID", GoType::Str),
        ("Created", GoType::Time),
        ("Scope", GoType::Str),
        ("Driver", GoType::Str),
        ("EnableIPv6", GoType::Bool),
        ("IPAM", GoType::Struct("network.IPAM", &[("Driver", GoType::Str), ("Options", GoType::Map(&GoType::Str)), ("Config", GoType::Slice(&IPAM_CONFIG))])),
        ("Internal", GoType::Bool),
        ("Attachable", GoType::Bool),
        ("Ingress", GoType::Bool),
        ("ConfigFrom", GoType::Struct("network.ConfigReference", &[("Network", GoType::Str)])),
        ("ConfigOnly", GoType::Bool),
        ("Containers", GoType::Map(&ENDPOINT_RESOURCE)),
        ("Options", GoType::Map(&GoType::Str)),
        ("Labels", GoType::Map(&GoType::Str)),
        ("Peers", GoType::Slice(&GoType::Json)),
        ("Services", GoType::Map(&GoType::Json)),
    ],
);
const IPAM_CONFIG: GoType = GoType::Struct("network.IPAMConfig", &[("Subnet", GoType::Str), ("IPRange", GoType::Str), ("Gateway", GoType::Str), ("AuxAddress", GoType::Map(&GoType::Str))]);
const ENDPOINT_RESOURCE: GoType =
    GoType::Struct("network.EndpointResource", &[("Name", GoType::Str), ("EndpointID", GoType::Str), ("MacAddress", GoType::Str), ("IPv4Address", GoType::Str), ("IPv6Address", GoType::Str)]);

fn rm(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker network rm", "docker network remove"], ..cmd("docker network rm", "NETWORK [NETWORK...]", "Remove one or more networks", RM_FLAGS, 1, usize::MAX) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let mut status = 0;
    for n in a.args.clone() {
        match cli.world.remove_network(&n) {
            Ok(_) => cli.print(format!("{n}\n")),
            Err(e) => {
                if a.has("force") && e.kind == baleine_engine::ErrorKind::NotFound {
                    continue;
                }
                cli.daemon_error(&e);
                status = 1;
            }
        }
    }
    status
}

fn prune(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker network prune", "[OPTIONS]", "Remove all unused networks", PRUNE_FLAGS, 0, 0);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    if !a.has("force") {
        cli.print("WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ");
        if !crate::confirm_prune(cli, "network", argv) {
            return 0;
        }
    }
    // moby v27.5.1 daemon/prune.go NetworksPrune.
    let (until, labels) = match crate::cmd_volume::label_until_filters(cli, &a.values("filter"), "docker network prune") {
        Ok(f) => f,
        Err(s) => return s,
    };
    let names = cli.world.prune_networks_where(&|n| until.is_none_or(|u| n.created_ms <= u) && labels.matches(&n.labels));
    if !names.is_empty() {
        cli.print("Deleted Networks:\n");
        for n in names {
            cli.print(format!("{n}\n"));
        }
        cli.print("\n");
    }
    0
}

/// fvbommel/sortorder NaturalLess (docker/cli sorts network and volume
/// names with it): runs of digits compare as numbers, digits before other
/// bytes.
pub(crate) fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (s1, s2) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0usize, 0usize);
    while i < s1.len() && j < s2.len() {
        let (c1, c2) = (s1[i], s2[j]);
        let (d1, d2) = (c1.is_ascii_digit(), c2.is_ascii_digit());
        if d1 != d2 {
            return if d1 { Ordering::Less } else { Ordering::Greater };
        }
        if !d1 {
            if c1 != c2 {
                return c1.cmp(&c2);
            }
            i += 1;
            j += 1;
            continue;
        }
        while i < s1.len() && s1[i] == b'0' {
            i += 1;
        }
        while j < s2.len() && s2[j] == b'0' {
            j += 1;
        }
        let (nz1, nz2) = (i, j);
        while i < s1.len() && s1[i].is_ascii_digit() {
            i += 1;
        }
        while j < s2.len() && s2[j].is_ascii_digit() {
            j += 1;
        }
        let (l1, l2) = (i - nz1, j - nz2);
        if l1 != l2 {
            return l1.cmp(&l2);
        }
        let (n1, n2) = (&s1[nz1..i], &s2[nz2..j]);
        if n1 != n2 {
            return n1.cmp(n2);
        }
        if nz1 != nz2 {
            return nz1.cmp(&nz2);
        }
    }
    (s1.len()).cmp(&s2.len()).then(Ordering::Equal)
}

fn connect(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker network connect", "[OPTIONS] NETWORK CONTAINER", "Connect a container to a network", CONNECT_FLAGS, 2, 2);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let aliases = a.values("alias").iter().flat_map(|s| s.split(',')).map(str::to_string).collect();
    match cli.world.network_connect(&a.args[0], &a.args[1], aliases, a.value("ip").map(str::to_string)) {
        Ok(()) => 0,
        Err(e) => {
            cli.daemon_error(&e);
            1
        }
    }
}

fn disconnect(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker network disconnect", "[OPTIONS] NETWORK CONTAINER", "Disconnect a container from a network", DISCONNECT_FLAGS, 2, 2);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    match cli.world.network_disconnect(&a.args[0], &a.args[1], a.has("force")) {
        Ok(()) => 0,
        Err(e) => {
            cli.daemon_error(&e);
            1
        }
    }
}
