//! Networks: IPAM, endpoints, published ports, embedded DNS and the
//! reachability model (who can reach whom, and why not).

use baleine_vfs::Fs;
use indexmap::IndexMap;

use crate::containers::container_view;
use crate::error::{EngineError, EngineResult, ErrorKind};
use crate::model::*;
use crate::world::World;

/// Options of `docker network create`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkSpec {
    pub name: String,
    pub driver: String,
    pub subnet: Option<String>,
    pub gateway: Option<String>,
    pub ip_range: Option<String>,
    pub internal: bool,
    pub attachable: bool,
    pub labels: IndexMap<String, String>,
    pub options: IndexMap<String, String>,
}

/// Why a name did or did not resolve / a connection did or did not succeed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Resolved to this address (container, gateway or outside world).
    Ip(u32),
    /// No such name anywhere the resolver looks.
    Unknown,
    /// The name is a container on the default bridge, where there is no DNS.
    DefaultBridgeNoDns { container: String },
    /// The name is a container, but on networks this one is not on.
    OtherNetwork { container: String, networks: Vec<String> },
    /// An outside name, but this container has no way out.
    NoOutside,
    /// The name is a container that is not running (it has no address).
    NotRunning { container: String },
}

/// Outcome of a TCP connection attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Connect {
    /// Something listens: the program ("nginx", "postgres", ...), and the target container id (None: outside world or host).
    Open { program: String, container: Option<String> },
    /// The address answers but nothing listens on that port.
    Refused,
    /// No route (different networks, internal network, stopped container).
    Unreachable,
}

/// Well-known outside hosts the simulated internet has.
pub const OUTSIDE_HOSTS: &[(&str, &str)] = &[
    ("google.com", "142.250.179.110"),
    ("www.google.com", "142.250.179.100"),
    ("example.com", "93.184.215.14"),
    ("www.example.com", "93.184.215.14"),
    ("docker.com", "141.193.213.10"),
    ("www.docker.com", "141.193.213.10"),
    ("github.com", "140.82.121.3"),
    ("registry-1.docker.io", "54.227.20.253"),
    ("deb.debian.org", "151.101.2.132"),
    ("archive.ubuntu.com", "91.189.91.82"),
    ("security.ubuntu.com", "91.189.91.83"),
    ("dl-cdn.alpinelinux.org", "151.101.2.133"),
    ("registry.npmjs.org", "104.16.24.34"),
    ("pypi.org", "151.101.0.223"),
    ("files.pythonhosted.org", "151.101.1.63"),
    ("proxy.golang.org", "142.250.179.81"),
    ("one.one.one.one", "1.1.1.1"),
    ("dns.google", "8.8.8.8"),
    ("localhost", "127.0.0.1"),
];

/// Whether an address is on the simulated internet.
pub fn is_outside(ip: u32) -> bool {
    let first = ip >> 24;
    !(first == 127 || first == 10 || first == 0 || (ip >> 20) == (172 << 4 | 1) || (ip >> 16) == (192 << 8 | 168))
}

impl World {
    pub(crate) fn create_builtin_networks(&mut self) {
        for (name, driver) in [("bridge", "bridge"), ("host", "host"), ("none", "null")] {
            let id = self.rng.hex64();
            let (subnet, prefix, gateway) = if name == "bridge" { (0xac11_0000, 16, 0xac11_0001) } else { (0, 0, 0) };
            self.networks.insert(
                id.clone(),
                Network {
                    id,
                    name: name.into(),
                    driver: driver.into(),
                    scope: "local".into(),
                    internal: false,
                    attachable: false,
                    subnet,
                    prefix,
                    gateway,
                    ip_range: None,
                    configured_subnet: name == "bridge",
                    configured_gateway: name == "bridge",
                    labels: IndexMap::new(),
                    options: IndexMap::new(),
                    created_ms: 0,
                    is_default_bridge: name == "bridge",
                    builtin: name != "bridge",
                },
            );
        }
    }

    /// The next free subnet of Docker's default address pools.
    fn next_pool(&self) -> Option<(u32, u8)> {
        let used: Vec<(u32, u8)> = self.networks.values().filter(|n| n.prefix > 0).map(|n| (n.subnet, n.prefix)).collect();
        let overlaps = |base: u32, prefix: u8| used.iter().any(|(b, p)| cidr_contains(*b, (*p).min(prefix), base) || cidr_contains(base, prefix.min(*p), *b));
        for second in 17..=31u32 {
            let base = (172 << 24) | (second << 16);
            if !overlaps(base, 16) {
                return Some((base, 16));
            }
        }
        for third in (0..=240u32).step_by(16) {
            let base = (192 << 24) | (168 << 16) | (third << 8);
            if !overlaps(base, 20) {
                return Some((base, 20));
            }
        }
        None
    }

    /// `docker network create`.
    pub fn create_network(&mut self, spec: NetworkSpec) -> EngineResult<String> {
        // daemon/network.go createNetwork: predefined names first.
        if matches!(spec.name.as_str(), "bridge" | "host" | "none" | "default") {
            return Err(EngineError::new(ErrorKind::Forbidden, format!("operation is not permitted on predefined {} network ", spec.name)));
        }
        let driver = if spec.driver.is_empty() { "bridge".to_string() } else { spec.driver.clone() };
        if driver == "overlay" {
            return Err(EngineError::new(
                ErrorKind::Forbidden,
                "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.",
            ));
        }
        // api/types/network/ipam.go ValidateIPAM.
        let mut errs: Vec<String> = Vec::new();
        let mut user_subnet: Option<(u32, u8)> = None;
        if let Some(s) = &spec.subnet {
            match parse_cidr_raw(s) {
                None => errs.push(format!("invalid subnet {s}: invalid CIDR block notation")),
                Some((ip, p)) => {
                    let masked = ip & mask_of(p);
                    if masked != ip {
                        errs.push(format!("invalid subnet {s}: it should be {}/{p}", ip_to_string(masked)));
                    }
                    user_subnet = Some((masked, p));
                }
            }
        }
        if let (Some(r), Some((sb, sp))) = (&spec.ip_range, user_subnet) {
            match parse_cidr_raw(r) {
                None => errs.push(format!("invalid ip-range {r}: invalid CIDR block notation")),
                Some((ip, p)) => {
                    let subnet_text = format!("{}/{sp}", ip_to_string(sb));
                    if p < sp {
                        errs.push(format!("invalid ip-range {r}: CIDR block is bigger than its parent subnet {subnet_text}"));
                    }
                    if ip & mask_of(p) != ip {
                        errs.push(format!("invalid ip-range {r}: it should be {}/{p}", ip_to_string(ip & mask_of(p))));
                    }
                    if !cidr_contains(sb, sp.min(p), ip) {
                        errs.push(format!("invalid ip-range {r}: parent subnet {subnet_text} doesn't contain ip-range"));
                    }
                }
            }
        }
        if let (Some(g), Some((sb, sp))) = (&spec.gateway, user_subnet) {
            match parse_ip(g) {
                None => errs.push(format!("invalid gateway {g}: invalid address")),
                Some(ip) if !cidr_contains(sb, sp, ip) => errs.push(format!("invalid gateway {g}: parent subnet {}/{sp} doesn't contain this address", ip_to_string(sb))),
                Some(_) => {}
            }
        }
        if !errs.is_empty() {
            return Err(EngineError::invalid(format!("invalid network config:\n{}", join_errors(&errs))));
        }
        // libnetwork controller NewNetwork: the name, then the driver, then IPAM.
        if self.networks.values().any(|n| n.name == spec.name) {
            return Err(EngineError::conflict(format!("network with name {} already exists", spec.name)));
        }
        match driver.as_str() {
            "bridge" | "macvlan" | "ipvlan" => {}
            "host" | "null" => return Err(EngineError::new(ErrorKind::Forbidden, format!("only one instance of \"{driver}\" network is allowed"))),
            other => return Err(EngineError::not_found(format!("plugin \"{other}\" not found"))),
        }
        let (subnet, prefix) = match user_subnet {
            Some((b, p)) => {
                if self.networks.values().any(|n| n.prefix > 0 && (cidr_contains(n.subnet, n.prefix.min(p), b) || cidr_contains(b, p.min(n.prefix), n.subnet))) {
                    return Err(EngineError::new(ErrorKind::Forbidden, "invalid pool request: Pool overlaps with other one on this address space"));
                }
                (b, p)
            }
            None => self.next_pool().ok_or_else(|| EngineError::invalid("all predefined address pools have been fully subnetted"))?,
        };
        let ip_range = match &spec.ip_range {
            Some(r) => parse_cidr(r).filter(|(_, p)| *p >= prefix),
            None => None,
        };
        // The gateway: the preferred one, else the first address the
        // allocator hands out (in the --ip-range when there is one).
        let gateway = match spec.gateway.as_deref().and_then(parse_ip) {
            Some(ip) => ip,
            None => first_free(subnet, prefix, ip_range, &std::collections::BTreeSet::new()).unwrap_or(subnet + 1),
        };
        let id = self.rng.hex64();
        self.networks.insert(
            id.clone(),
            Network {
                id: id.clone(),
                name: spec.name.clone(),
                driver: driver.clone(),
                scope: "local".into(),
                internal: spec.internal,
                attachable: spec.attachable,
                subnet,
                prefix,
                gateway,
                ip_range,
                configured_subnet: user_subnet.is_some(),
                configured_gateway: spec.gateway.is_some(),
                labels: spec.labels,
                options: spec.options,
                created_ms: self.now_ms,
                is_default_bridge: false,
                builtin: false,
            },
        );
        self.event("network", "create", &id, &spec.name, vec![("type".into(), driver)]);
        Ok(id)
    }

    /// Containers with an endpoint on a network.
    pub fn network_members(&self, network_id: &str) -> Vec<&Container> {
        self.containers.values().filter(|c| c.endpoints.get(network_id).is_some_and(|e| e.ip != 0 || c.is_running())).collect()
    }

    /// `docker network rm`.
    pub fn remove_network(&mut self, name_or_id: &str) -> EngineResult<String> {
        let id = self.network_id(name_or_id).map_err(|_| EngineError::not_found(format!("network {name_or_id} not found")))?;
        let net = &self.networks[&id];
        if net.is_default_bridge || net.builtin {
            return Err(EngineError::new(ErrorKind::Forbidden, format!("{} is a pre-defined network and cannot be removed", net.name)));
        }
        let active = self.containers.values().any(|c| c.is_running() && c.endpoints.contains_key(&id));
        if active {
            return Err(EngineError::new(
                ErrorKind::Forbidden,
                format!("error while removing network: network {} id {} has active endpoints", net.name, id),
            ));
        }
        let name = net.name.clone();
        let kind = net.driver.clone();
        // A stopped container keeps its endpoint settings (moby keeps
        // NetworkSettings.Networks): its next start fails with "network
        // ID not found" (connect_endpoints).
        self.networks.shift_remove(&id);
        // moby LogNetworkEventWithAttributes: every network event has name and type.
        self.event("network", "destroy", &id, &name, vec![("type".into(), kind)]);
        Ok(name)
    }

    /// `docker network prune`: removes unused user networks; returns their names.
    pub fn prune_networks(&mut self) -> Vec<String> {
        self.prune_networks_where(&|_| true)
    }

    /// `docker network prune --filter ...`: moby v27.5.1 daemon/prune.go
    /// localNetworksPrune: every network but the predefined ones that has
    /// no endpoint (only running containers have endpoints: a network used
    /// by stopped containers goes) and that `keep` accepts (label, until).
    pub fn prune_networks_where(&mut self, keep: &dyn Fn(&Network) -> bool) -> Vec<String> {
        let unused: Vec<String> = self
            .networks
            .values()
            .filter(|n| !n.is_default_bridge && !n.builtin && keep(n) && !self.containers.values().any(|c| c.is_running() && c.endpoints.contains_key(&n.id)))
            .map(|n| n.id.clone())
            .collect();
        let mut names = Vec::new();
        for id in unused {
            if let Ok(n) = self.remove_network(&id) {
                names.push(n);
            }
        }
        names
    }

    fn allocate_ip(&self, network_id: &str, wanted: Option<u32>) -> EngineResult<u32> {
        let net = &self.networks[network_id];
        let mut used: std::collections::BTreeSet<u32> = self.containers.values().filter_map(|c| c.endpoints.get(network_id)).map(|e| e.ip).filter(|ip| *ip != 0).collect();
        used.insert(net.gateway);
        if let Some(ip) = wanted {
            if used.contains(&ip) {
                return Err(EngineError::new(ErrorKind::Forbidden, "Address already in use"));
            }
            return Ok(ip);
        }
        first_free(net.subnet, net.prefix, net.ip_range, &used)
            .ok_or_else(|| EngineError::new(ErrorKind::Unavailable, format!("no available IPv4 addresses on this network's address pools: {} ({})", net.name, net.id)))
    }

    /// Gives every endpoint of a starting container an address.
    pub(crate) fn connect_endpoints(&mut self, id: &str) -> EngineResult<()> {
        let mode = self.containers[id].network_mode.clone();
        if let Some(other) = mode.strip_prefix("container:") {
            // moby daemon/container_operations.go initializeNetworking ->
            // getNetworkedContainer. The create (adaptContainerSettings)
            // stored the full ID of a container that existed then.
            let nc = self.container(other)?;
            if nc.id == id {
                return Err(EngineError::new(ErrorKind::System, "cannot join own network"));
            }
            if !nc.is_running() {
                return Err(EngineError::conflict(format!("cannot join network of a non running container: {}", nc.id)));
            }
            if nc.state.status == Status::Restarting {
                return Err(EngineError::conflict(format!("Container {} is restarting, wait until the container is running", nc.id)));
            }
            return Ok(());
        }
        if mode == "bridge" && self.containers[id].endpoints.is_empty() {
            let bid = self.bridge_id();
            if let Some(c) = self.containers.get_mut(id) {
                c.endpoints.insert(bid.clone(), Endpoint::new(bid, Vec::new(), None));
            }
        }
        let nids: Vec<String> = self.containers[id].endpoints.keys().cloned().collect();
        // daemon allocateNetwork -> connectToNetwork -> FindNetwork by the
        // endpoint's NetworkID: a network removed since (network rm or
        // prune while the container was stopped) fails the start.
        if let Some(gone) = nids.iter().find(|n| !self.networks.contains_key(*n)) {
            return Err(EngineError::not_found(format!("network {gone} not found")));
        }
        // Legacy links (default bridge): the target must exist and run.
        if !nids.iter().any(|n| self.networks.get(n).is_some_and(|n| !n.is_default_bridge && !n.builtin)) {
            let me = self.containers[id].name.clone();
            for link in self.containers[id].spec.links.clone() {
                let (target, alias) = link.split_once(':').unwrap_or((link.as_str(), link.as_str()));
                let target = target.trim_start_matches('/');
                match self.container(target) {
                    Err(_) => return Err(EngineError::invalid(format!("could not get container for {target}: No such container: {target}"))),
                    Ok(t) if !t.is_running() => {
                        return Err(EngineError::invalid(format!("Cannot link to a non running container: /{} AS /{me}/{}", t.name, alias.trim_start_matches('/'))));
                    }
                    Ok(_) => {}
                }
            }
        }
        for nid in &nids {
            if !self.networks.contains_key(nid) {
                continue;
            }
            let endpoint = &self.containers[id].endpoints[nid];
            if endpoint.ip != 0 {
                continue;
            }
            let ip = self.allocate_ip(nid, endpoint.static_ip)?;
            let eid = self.rng.hex64();
            let short = id[..12].to_string();
            if let Some(c) = self.containers.get_mut(id) {
                if let Some(e) = c.endpoints.get_mut(nid) {
                    e.ip = ip;
                    e.mac = mac_for(ip);
                    e.endpoint_id = eid;
                    if !e.dns_names.contains(&short) {
                        e.dns_names.push(short.clone());
                    }
                }
            }
            let nname = self.networks[nid].name.clone();
            let kind = self.networks[nid].driver.clone();
            self.event("network", "connect", nid, &nname, vec![("container".into(), id.to_string()), ("type".into(), kind)]);
        }
        self.set_link_env(id)
    }

    /// Legacy links on the default bridge export the linked containers'
    /// addresses, ports and variables to the processes (moby
    /// daemon/container_operations_unix.go setupLinkedContainers, then
    /// container.go CreateDaemonEnvironment: after PATH, HOSTNAME and
    /// TERM, before Config.Env).
    fn set_link_env(&mut self, id: &str) -> EngineResult<()> {
        let c = &self.containers[id];
        if c.spec.links.is_empty() {
            return Ok(());
        }
        let bid = self.bridge_id();
        if !c.endpoints.get(&bid).is_some_and(|e| e.ip != 0) {
            return Ok(());
        }
        let mut env: Vec<String> = Vec::new();
        for link in &c.spec.links {
            let (target, alias) = link.split_once(':').unwrap_or((link.as_str(), link.as_str()));
            let Ok(child) = self.container(target.trim_start_matches('/')) else { continue };
            let Some(child_ip) = child.endpoints.get(&bid).map(|e| e.ip).filter(|ip| *ip != 0) else {
                return Err(EngineError::new(ErrorKind::System, format!("container {} not attached to default bridge network", child.id)));
            };
            env.extend(link_env(&format!("/{}/{}", c.name, alias.trim_start_matches('/')), &ip_to_string(child_ip), &child.exposed, &child.config_env));
        }
        let scratch = self.images.get(&c.image_id).is_some_and(|i| matches!(i.os_family, OsFamily::Scratch));
        // Appended as they come (a variable of two port runs stays twice);
        // only Config.Env replaces them.
        let base = crate::containers::process_env(&c.config_env, !scratch);
        let key = |e: &str| e.split_once('=').map_or(e, |(k, _)| k).to_string();
        env.retain(|e| !c.config_env.iter().any(|g| key(g) == key(e)));
        let at = usize::from(base.first().is_some_and(|e| e.starts_with("PATH=")));
        let mut all = base[..at].to_vec();
        all.extend(env);
        all.extend(base[at..].iter().cloned());
        let env = all;
        if let Some(c) = self.containers.get_mut(id) {
            c.env = env;
        }
        Ok(())
    }

    /// Frees the addresses of a stopped container (its endpoints stay configured).
    pub(crate) fn release_endpoints(&mut self, id: &str) {
        let Some(c) = self.containers.get_mut(id) else { return };
        let mut disconnected = Vec::new();
        for (nid, e) in c.endpoints.iter_mut() {
            if e.ip != 0 {
                // cleanOperationalData: the endpoint itself is gone.
                e.ip = 0;
                e.mac.clear();
                e.endpoint_id.clear();
                disconnected.push(nid.clone());
            }
        }
        // moby releaseNetwork keeps every network's entry (the default
        // bridge's too) and only clears its operational data.
        for nid in disconnected {
            let (nname, kind) = self.networks.get(&nid).map(|n| (n.name.clone(), n.driver.clone())).unwrap_or_default();
            self.event("network", "disconnect", &nid, &nname, vec![("container".into(), id.to_string()), ("type".into(), kind)]);
        }
    }

    /// `docker network connect`: moby daemon/network.go
    /// ConnectContainerToNetwork (the container first), then
    /// container_operations.go ConnectToNetwork / connectToNetwork /
    /// updateNetworkConfig / updateNetworkSettings.
    pub fn network_connect(&mut self, network: &str, container: &str, aliases: Vec<String>, ip: Option<String>) -> EngineResult<()> {
        let cid = self.container_id(container)?;
        let running = self.containers[&cid].is_running();
        let mode = self.containers[&cid].network_mode.clone();
        // connectToNetwork: a container sharing another's namespace.
        if running && mode.starts_with("container:") {
            return Err(EngineError::invalid("container sharing network namespace with another container or host cannot be connected to any other network"));
        }
        let nid = self.network_id(network)?;
        let net = &self.networks[&nid];
        let c = &self.containers[&cid];
        // updateNetworkConfig: validateEndpointSettings first.
        let static_ip = validate_endpoint_settings(net, !aliases.is_empty(), ip.as_deref()).map_err(EngineError::invalid)?;
        // updateNetworkSettings.
        let net_is_host = net.driver == "host";
        let net_is_none = net.builtin && net.driver == "null";
        if mode != "host" && net_is_host {
            return Err(EngineError::invalid("container cannot be disconnected from host network or connected to host network"));
        }
        // The networks the container is configured on (host and none
        // containers have the builtin network as their one network).
        let mut current: Vec<(String, bool, bool)> = Vec::new(); // (network id, shared namespace, none)
        if mode == "host" || mode == "none" {
            if let Ok(id) = self.network_id(&mode) {
                current.push((id, mode == "host", mode == "none"));
            }
        }
        for k in c.endpoints.keys() {
            current.push((k.clone(), false, false));
        }
        for (sid, shared, none) in current {
            if sid == nid {
                if running {
                    // libnetwork Network.CreateEndpoint.
                    return Err(EngineError::new(ErrorKind::Forbidden, format!("endpoint with name {} already exists in network {}", c.name, net.name)));
                }
                // "Avoid duplicate config": nothing to do.
                return Ok(());
            }
            if shared || net_is_host {
                return Err(EngineError::invalid("container sharing network namespace with another container or host cannot be connected to any other network"));
            }
            if none || net_is_none {
                return Err(EngineError::invalid("container cannot be connected to multiple networks with one of the networks in private (none) mode"));
            }
        }
        if mode.starts_with("container:") {
            return Err(EngineError::invalid("container sharing network namespace with another container or host cannot be connected to any other network"));
        }
        if let Some(c) = self.containers.get_mut(&cid) {
            c.endpoints.insert(nid.clone(), Endpoint::new(nid.clone(), aliases, static_ip));
        }
        if running {
            let addr = match self.allocate_ip(&nid, static_ip) {
                Ok(a) => a,
                Err(e) => {
                    if let Some(c) = self.containers.get_mut(&cid) {
                        c.endpoints.shift_remove(&nid);
                    }
                    return Err(e);
                }
            };
            let eid = self.rng.hex64();
            let short = cid[..12].to_string();
            if let Some(c) = self.containers.get_mut(&cid) {
                if let Some(e) = c.endpoints.get_mut(&nid) {
                    e.ip = addr;
                    e.mac = mac_for(addr);
                    e.endpoint_id = eid;
                    e.dns_names.push(short);
                }
            }
            self.write_network_files(&cid);
        }
        let nname = self.networks[&nid].name.clone();
        let kind = self.networks[&nid].driver.clone();
        self.event("network", "connect", &nid, &nname, vec![("container".into(), cid.clone()), ("type".into(), kind)]);
        Ok(())
    }

    /// `docker network disconnect [-f]`: moby daemon/network.go
    /// DisconnectContainerFromNetwork (the container first; with --force a
    /// missing container's endpoint is looked up by name), then
    /// container_operations.go DisconnectFromNetwork / disconnectFromNetwork.
    pub fn network_disconnect(&mut self, network: &str, container: &str, force: bool) -> EngineResult<()> {
        let cid = match self.container_id(container) {
            Ok(id) => id,
            Err(e) if force => {
                // ForceEndpointDelete: the network, then an endpoint named so.
                self.network_id(network)?;
                let _ = e;
                return Err(EngineError::not_found(format!("endpoint {container} not found")));
            }
            Err(e) => return Err(e),
        };
        let found = self.network_id(network);
        let running = self.containers[&cid].is_running();
        let nid = match found {
            Ok(id) => id,
            Err(e) if running || !force => return Err(e),
            Err(_) => {
                return Err(EngineError::new(ErrorKind::System, format!("container {cid} is not connected to the network {network}")));
            }
        };
        let c = &self.containers[&cid];
        let net = &self.networks[&nid];
        if running && c.network_mode == "host" && net.driver == "host" {
            return Err(EngineError::invalid("container cannot be disconnected from host network or connected to host network"));
        }
        let on_it = c.endpoints.contains_key(&nid) || (net.builtin && self.network_id(&c.network_mode).ok().as_deref() == Some(nid.as_str()));
        if !on_it {
            // moby daemon/container_operations.go: a stopped container's
            // message (DisconnectFromNetwork) says "the network".
            let the = if running { "" } else { "the " };
            return Err(EngineError::new(ErrorKind::System, format!("container {} is not connected to {the}network {}", cid, net.name)));
        }
        if let Some(c) = self.containers.get_mut(&cid) {
            // HostConfig.NetworkMode stays as created (moby's
            // disconnectFromNetwork only drops the endpoint): a container
            // left with no network can be connected again.
            c.endpoints.shift_remove(&nid);
        }
        if running {
            // Sandbox leave: the endpoint's /etc/hosts line goes.
            self.write_network_files(&cid);
        }
        let nname = self.networks[&nid].name.clone();
        let kind = self.networks[&nid].driver.clone();
        // A running container: tryDetachContainerFromClusterNetwork logs a
        // disconnect event, then DisconnectFromNetwork logs another.
        let times = if running { 2 } else { 1 };
        for _ in 0..times {
            self.event("network", "disconnect", &nid, &nname, vec![("container".into(), cid.clone()), ("type".into(), kind.clone())]);
        }
        Ok(())
    }

    /// Allocates published host ports of a starting container.
    pub(crate) fn publish_ports(&mut self, id: &str) -> EngineResult<()> {
        let c = &self.containers[id];
        if c.network_mode == "host" || c.network_mode == "none" {
            return Ok(());
        }
        // libnetwork endpoint.go sbJoin programs external connectivity (the
        // port mappings) only on a network that is not internal, and only
        // when the container joins it (moby#36174): a container started on
        // internal networks only publishes nothing.
        if !c.endpoints.is_empty() && c.endpoints.keys().all(|nid| self.networks.get(nid).is_none_or(|n| n.internal)) {
            if let Some(c) = self.containers.get_mut(id) {
                c.ports.clear();
            }
            return Ok(());
        }
        // Ports held by the port allocator (other published ports) and ports
        // bound by processes of the host itself (--network host servers).
        let mut taken: Vec<(String, u16, String)> = Vec::new();
        let mut host_bound: Vec<u16> = Vec::new();
        for other in self.containers.values() {
            if other.id != id && other.is_running() && other.network_mode != "host" && other.network_mode != "none" {
                for p in &other.ports {
                    if p.host_port != 0 {
                        taken.push((p.host_ip.clone(), p.host_port, p.proto.clone()));
                    }
                }
            }
            if other.id != id && other.is_running() && other.network_mode == "host" {
                if let Some(proc_) = &other.process {
                    for (port, _) in &proc_.listens {
                        host_bound.push(*port);
                    }
                }
            }
        }
        let mut ports = c.ports.clone();
        let name = c.name.clone();
        let mut next_ephemeral = 32768u16;
        for p in ports.iter_mut() {
            if p.host_port == 0 {
                while taken.iter().any(|(_, hp, pr)| *hp == next_ephemeral && *pr == p.proto) || (p.proto == "tcp" && host_bound.contains(&next_ephemeral)) {
                    next_ephemeral += 1;
                }
                p.host_port = next_ephemeral;
                taken.push((p.host_ip.clone(), next_ephemeral, p.proto.clone()));
                next_ephemeral += 1;
                continue;
            }
            let shown = if p.host_ip.is_empty() { "0.0.0.0".to_string() } else { p.host_ip.clone() };
            // libnetwork/portallocator keeps one map per host address
            // (0.0.0.0 and [::] for an address left out): the same address
            // is "already allocated"; a wildcard against a specific address
            // passes the allocator and fails docker-proxy's bind.
            let norm = |ip: &str| if ip.is_empty() || ip == "0.0.0.0" { String::new() } else { ip.to_string() };
            let clash = taken.iter().any(|(ip, hp, pr)| *hp == p.host_port && *pr == p.proto && norm(ip) == norm(&p.host_ip));
            let overlap = taken.iter().any(|(ip, hp, pr)| *hp == p.host_port && *pr == p.proto && (norm(ip).is_empty() || norm(&p.host_ip).is_empty()));
            if !clash && overlap {
                let eid = self.rng.hex64();
                let family = if shown.contains(':') { "tcp6" } else { "tcp4" };
                let (proto, fam) = if p.proto == "udp" { ("udp", family.replace("tcp", "udp")) } else { ("tcp", family.to_string()) };
                let addr = if shown.contains(':') { format!("[{shown}]") } else { shown.clone() };
                return Err(EngineError::new(
                    ErrorKind::System,
                    format!(
                        "driver failed programming external connectivity on endpoint {name} ({eid}): failed to bind port {shown}:{port}/{proto}: Error starting userland proxy: listen {fam} {addr}:{port}: bind: address already in use",
                        port = p.host_port
                    ),
                ));
            }
            if clash {
                // libnetwork/portallocator: the allocator refuses the port.
                let eid = self.rng.hex64();
                return Err(EngineError::new(
                    ErrorKind::System,
                    format!("driver failed programming external connectivity on endpoint {name} ({eid}): Bind for {shown}:{} failed: port is already allocated", p.host_port),
                ));
            }
            if p.proto == "tcp" && host_bound.contains(&p.host_port) {
                // drivers/bridge/port_mapping_linux.go: docker-proxy cannot listen.
                let eid = self.rng.hex64();
                return Err(EngineError::new(
                    ErrorKind::System,
                    format!(
                        "driver failed programming external connectivity on endpoint {name} ({eid}): failed to bind port {shown}:{port}/tcp: Error starting userland proxy: listen tcp4 {shown}:{port}: bind: address already in use",
                        port = p.host_port
                    ),
                ));
            }
            taken.push((p.host_ip.clone(), p.host_port, p.proto.clone()));
        }
        if let Some(c) = self.containers.get_mut(id) {
            c.ports = ports;
        }
        Ok(())
    }

    /// Frees ephemeral host ports when a container stops.
    pub(crate) fn release_ports(&mut self, id: &str) {
        let Some(c) = self.containers.get_mut(id) else { return };
        let spec_ports = c.spec.ports.clone();
        let publish_all = c.spec.publish_all;
        for p in c.ports.iter_mut() {
            let requested = spec_ports.iter().find(|s| s.container_port == p.container_port && s.proto == p.proto).map(|s| s.host_port).unwrap_or(0);
            if requested == 0 || publish_all && requested == 0 {
                p.host_port = 0;
            }
        }
    }

    /// Writes /etc/hosts, /etc/hostname and /etc/resolv.conf as Docker does.
    pub(crate) fn write_network_files(&mut self, id: &str) {
        // `--network container:X` shares X's hosts, resolv.conf and hostname.
        let owner = self.netns_owner(id);
        let rootfs = self.containers[id].rootfs;
        let c = &self.containers[&owner];
        let mut hosts = String::from("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
        for h in &c.spec.extra_hosts {
            if let Some((name, ip)) = h.split_once(':').or_else(|| h.split_once('=')) {
                let ip = if ip == "host-gateway" { "172.17.0.1" } else { ip };
                hosts.push_str(&format!("{ip}\t{name}\n"));
            }
        }
        for link in &c.spec.links {
            let (target, alias) = link.split_once(':').unwrap_or((link, link));
            if let Ok(t) = self.container(target) {
                if let Some(ip) = t.endpoints.values().map(|e| e.ip).find(|ip| *ip != 0) {
                    if alias.trim_start_matches('/') == t.name {
                        hosts.push_str(&format!("{}\t{} {}\n", ip_to_string(ip), t.name, t.hostname));
                    } else {
                        hosts.push_str(&format!("{}\t{} {} {}\n", ip_to_string(ip), alias, t.hostname, t.name));
                    }
                }
            }
        }
        // libnetwork sandbox updateHostsFile: one line per endpoint (each
        // network joined, at start or by network connect), the FQDN then
        // the bare host name.
        let names = match c.hostname.split_once('.') {
            Some((short, _)) => format!("{} {short}", c.hostname),
            None => c.hostname.clone(),
        };
        for ip in c.endpoints.values().map(|e| e.ip).filter(|ip| *ip != 0) {
            hosts.push_str(&format!("{}\t{names}\n", ip_to_string(ip)));
        }
        let user_net = c.endpoints.keys().any(|nid| self.networks.get(nid).is_some_and(|n| !n.is_default_bridge && !n.builtin));
        let resolv = resolv_conf(&c.spec.dns, &c.spec.dns_search, &c.spec.dns_options, if c.network_mode == "host" { ResolvMode::Host } else if user_net { ResolvMode::Internal } else { ResolvMode::Legacy });
        let hostname = format!("{}\n", c.hostname);
        let view = baleine_vfs::FsView::plain(rootfs);
        let mut fs = self.forest.mounted(&view);
        let _ = fs.mkdir("/etc", true);
        let _ = fs.write_text("/etc/hosts", &hosts);
        let _ = fs.write_text("/etc/hostname", &hostname);
        let _ = fs.write_text("/etc/resolv.conf", &resolv);
    }

    /// The container whose network namespace `id` uses: X for
    /// `--network container:X` (followed through chains), else `id` itself.
    pub fn netns_owner(&self, id: &str) -> String {
        let mut cur = id.to_string();
        for _ in 0..8 {
            let Some(c) = self.containers.get(&cur) else { break };
            let Some(other) = c.network_mode.strip_prefix("container:") else { break };
            match self.container_id(other) {
                Ok(o) if o != cur => cur = o,
                _ => break,
            }
        }
        cur
    }

    /// Resolves `name` as the embedded DNS (or /etc/hosts) of container `from` would.
    pub fn resolve_from(&self, from: Option<&str>, name: &str) -> Resolution {
        let name = name.trim_end_matches('.');
        if let Some(ip) = parse_ip(name) {
            return Resolution::Ip(ip);
        }
        let Some(fid) = from else {
            // The host itself: only outside names and localhost.
            return outside_lookup(name).map(Resolution::Ip).unwrap_or(Resolution::Unknown);
        };
        let owner = self.netns_owner(fid);
        let fid = owner.as_str();
        let Some(c) = self.containers.get(fid) else { return Resolution::Unknown };
        if name == "localhost" {
            return Resolution::Ip(0x7f00_0001);
        }
        // /etc/hosts (links, extra hosts, own hostname).
        let view = baleine_vfs::FsView::plain(c.rootfs);
        if let Ok(hosts) = baleine_vfs::view_node(&self.forest, &view, "/etc/hosts") {
            if let baleine_vfs::Node::File(f) = hosts {
                if let baleine_vfs::Content::Bytes(b) = &f.content {
                    for line in String::from_utf8_lossy(b).lines() {
                        let mut parts = line.split_whitespace();
                        if let Some(ip) = parts.next().and_then(parse_ip) {
                            if parts.any(|n| n == name) {
                                return Resolution::Ip(ip);
                            }
                        }
                    }
                }
            }
        }
        if c.network_mode == "host" {
            return outside_lookup(name).map(Resolution::Ip).unwrap_or(Resolution::Unknown);
        }
        // Embedded DNS on user-defined networks.
        let ips = self.embedded_dns(fid, name);
        if let Some(ip) = ips.first() {
            // Round-robin across replicas: rotate with the clock.
            let i = (self.now_ms / 1000) as usize % ips.len();
            let _ = ip;
            return Resolution::Ip(ips[i]);
        }
        // Why not?
        if let Some(other) = self.containers.values().find(|o| o.name == name || o.endpoints.values().any(|e| e.aliases.iter().any(|a| a == name) || e.dns_names.iter().any(|a| a == name))) {
            if !other.is_running() {
                let shares = other.endpoints.keys().any(|nid| c.endpoints.contains_key(nid) && self.networks.get(nid).is_some_and(|n| !n.is_default_bridge));
                if shares {
                    return Resolution::NotRunning { container: other.name.clone() };
                }
            }
            let shared_default = other.endpoints.keys().any(|nid| self.networks.get(nid).is_some_and(|n| n.is_default_bridge) && c.endpoints.contains_key(nid));
            if shared_default {
                return Resolution::DefaultBridgeNoDns { container: other.name.clone() };
            }
            let nets = other.endpoints.keys().filter_map(|nid| self.networks.get(nid).map(|n| n.name.clone())).collect();
            return Resolution::OtherNetwork { container: other.name.clone(), networks: nets };
        }
        if let Some(ip) = outside_lookup(name) {
            if self.has_outside_access(fid) {
                return Resolution::Ip(ip);
            }
            return Resolution::NoOutside;
        }
        Resolution::Unknown
    }

    /// What the embedded DNS (127.0.0.11) of container `id` answers for
    /// `name`: every running container with that name, alias or DNS name on
    /// the first of its user-defined networks that knows it. Empty when it
    /// does not know the name (it then forwards the query outside).
    pub fn embedded_dns(&self, id: &str, name: &str) -> Vec<u32> {
        let owner = self.netns_owner(id);
        let Some(c) = self.containers.get(&owner) else { return Vec::new() };
        let name = name.trim_end_matches('.');
        let mut ips = Vec::new();
        for nid in c.endpoints.keys() {
            let Some(net) = self.networks.get(nid) else { continue };
            if net.is_default_bridge || net.builtin {
                continue;
            }
            for other in self.containers.values() {
                if !other.is_running() {
                    continue;
                }
                if let Some(oe) = other.endpoints.get(nid) {
                    if oe.ip == 0 {
                        continue;
                    }
                    if other.name == name || oe.aliases.iter().any(|a| a == name) || oe.dns_names.iter().any(|a| a == name) {
                        ips.push(oe.ip);
                    }
                }
            }
            if !ips.is_empty() {
                break;
            }
        }
        ips
    }

    /// The embedded DNS's PTR answer for `ip` seen from container `id`:
    /// "name.network" for a container on one of its user-defined networks.
    pub fn reverse_dns(&self, id: &str, ip: u32) -> Option<String> {
        let owner = self.netns_owner(id);
        let c = self.containers.get(&owner)?;
        for nid in c.endpoints.keys() {
            let Some(net) = self.networks.get(nid) else { continue };
            if net.is_default_bridge || net.builtin {
                continue;
            }
            if let Some(other) = self.containers.values().find(|o| o.is_running() && o.endpoints.get(nid).is_some_and(|e| e.ip == ip)) {
                return Some(format!("{}.{}", other.name, net.name));
            }
        }
        None
    }

    /// Whether a container is on a user-defined network (it then uses the embedded DNS).
    pub fn uses_embedded_dns(&self, id: &str) -> bool {
        let owner = self.netns_owner(id);
        self.containers.get(&owner).is_some_and(|c| c.network_mode != "host" && c.endpoints.keys().any(|nid| self.networks.get(nid).is_some_and(|n| !n.is_default_bridge && !n.builtin)))
    }

    /// Whether a container can reach the simulated internet.
    pub fn has_outside_access(&self, id: &str) -> bool {
        let owner = self.netns_owner(id);
        let Some(c) = self.containers.get(&owner) else { return true };
        if c.network_mode == "host" {
            return true;
        }
        c.endpoints.keys().any(|nid| self.networks.get(nid).is_some_and(|n| !n.internal && !n.builtin))
    }

    /// A TCP connection from container `from` (None: the host) to ip:port.
    pub fn connect(&self, from: Option<&str>, ip: u32, port: u16) -> Connect {
        let now = self.now_ms;
        let listening = |c: &Container| -> Option<String> {
            if c.state.status != Status::Running {
                return None;
            }
            let p = c.process.as_ref()?;
            if p.listens.iter().any(|(lp, since)| *lp == port && *since <= now) {
                Some(p.server.clone().unwrap_or_else(|| "server".into()))
            } else {
                None
            }
        };
        let owner = from.map(|f| self.netns_owner(f));
        let from = owner.as_deref();
        if ip >> 24 == 127 {
            return match from {
                Some(fid) => match self.containers.get(fid) {
                    Some(c) if c.network_mode == "host" => self.host_port_connect(port),
                    Some(c) => {
                        // Every container of the namespace shares its loopback.
                        let sharing = std::iter::once(c).chain(self.containers.values().filter(|o| o.id != c.id && self.netns_owner(&o.id) == c.id));
                        for m in sharing {
                            if let Some(p) = listening(m) {
                                return Connect::Open { program: p, container: Some(m.id.clone()) };
                            }
                        }
                        Connect::Refused
                    }
                    None => Connect::Refused,
                },
                None => self.host_port_connect(port),
            };
        }
        if is_outside(ip) {
            let ok = from.is_none_or(|f| self.has_outside_access(f));
            return if ok {
                if matches!(port, 80 | 443 | 53) {
                    Connect::Open { program: "internet".into(), container: None }
                } else {
                    Connect::Unreachable
                }
            } else {
                Connect::Unreachable
            };
        }
        // A container address: the source must share that network.
        for target in self.containers.values() {
            for (nid, e) in &target.endpoints {
                if e.ip != ip {
                    continue;
                }
                let shared = match from {
                    None => true, // the host routes to every bridge
                    Some(fid) => self.containers.get(fid).is_some_and(|c| c.endpoints.get(nid).is_some_and(|ce| ce.ip != 0) || c.network_mode == "host"),
                };
                if !shared {
                    return Connect::Unreachable;
                }
                if target.state.status == Status::Paused {
                    return Connect::Unreachable;
                }
                return match listening(target) {
                    Some(p) => Connect::Open { program: p, container: Some(target.id.clone()) },
                    None => Connect::Refused,
                };
            }
        }
        // A gateway: the host.
        if self.networks.values().any(|n| n.gateway == ip && n.prefix > 0) {
            return self.host_port_connect(port);
        }
        Connect::Unreachable
    }

    /// The host's own port `port`: published container ports and host-network servers.
    pub fn host_port_connect(&self, port: u16) -> Connect {
        for c in self.containers.values() {
            if !c.is_running() {
                continue;
            }
            if c.network_mode == "host" {
                if let Some(p) = &c.process {
                    if p.listens.iter().any(|(lp, since)| *lp == port && *since <= self.now_ms) && c.state.status == Status::Running {
                        return Connect::Open { program: p.server.clone().unwrap_or_default(), container: Some(c.id.clone()) };
                    }
                }
            }
            if c.network_mode == "host" || c.network_mode == "none" {
                // -p is discarded in these modes.
                continue;
            }
            for b in &c.ports {
                if b.host_port == port && b.proto == "tcp" {
                    if c.state.status != Status::Running {
                        return Connect::Refused;
                    }
                    let Some(p) = &c.process else { return Connect::Refused };
                    if p.listens.iter().any(|(lp, since)| *lp == b.container_port && *since <= self.now_ms) {
                        return Connect::Open { program: p.server.clone().unwrap_or_default(), container: Some(c.id.clone()) };
                    }
                    return Connect::Refused;
                }
            }
        }
        Connect::Refused
    }

    /// Whether host port `port` is already bound on the host (by docker-proxy
    /// for a published port, or by a server of another --network host container).
    pub fn host_port_bound(&self, except: &str, port: u16) -> bool {
        self.containers.values().filter(|c| c.id != except && c.is_running()).any(|c| {
            if c.network_mode == "host" {
                c.process.as_ref().is_some_and(|p| p.listens.iter().any(|(lp, _)| *lp == port))
            } else if c.network_mode == "none" {
                false
            } else {
                c.ports.iter().any(|b| b.host_port == port && b.proto == "tcp")
            }
        })
    }

    /// Whether a host port is published only on 127.0.0.1 (reachable only from the host).
    pub fn port_binding_ip(&self, port: u16) -> Option<String> {
        self.containers.values().filter(|c| c.is_running() && c.network_mode != "host" && c.network_mode != "none").flat_map(|c| c.ports.iter()).find(|b| b.host_port == port).map(|b| b.host_ip.clone())
    }

    /// The container that owns an IP on any network.
    pub fn container_by_ip(&self, ip: u32) -> Option<&Container> {
        self.containers.values().find(|c| c.endpoints.values().any(|e| e.ip == ip))
    }

    /// Plain-words explanation: can `from` reach `to` (name or IP)?
    pub fn explain_reach(&self, from: &str, to: &str) -> (bool, Option<u32>, bool, String) {
        let Ok(fid) = self.container_id(from) else {
            return (false, None, false, format!("There is no container named {from}."));
        };
        let fc = &self.containers[&fid];
        if !fc.is_running() {
            return (false, None, false, format!("{} is not running: a stopped container has no network at all.", fc.name));
        }
        let res = self.resolve_from(Some(&fid), to);
        let ip = match res {
            Resolution::Ip(ip) => ip,
            Resolution::DefaultBridgeNoDns { container } => {
                return (false, None, false, format!("'{to}' does not resolve: {} and {container} are both on the default 'bridge' network, which has no embedded DNS. Put them on a user-defined network (docker network create ...) to use names, or use the IP address.", fc.name));
            }
            Resolution::OtherNetwork { container, networks } => {
                return (false, None, false, format!("'{to}' does not resolve from {}: {container} is on {} and {} is not. Containers only resolve and reach each other on a network they share: docker network connect {} {}.", fc.name, networks.join(", "), fc.name, networks.first().cloned().unwrap_or_default(), fc.name));
            }
            Resolution::NoOutside => return (false, None, false, format!("{} has no way out: its networks are internal or 'none'.", fc.name)),
            Resolution::NotRunning { container } => return (false, None, false, format!("'{to}' does not resolve: {container} is not running, and a stopped container has no address on the network (docker start {container}).")),
            Resolution::Unknown => return (false, None, false, format!("'{to}' is not a container name, alias or known host on any network of {}.", fc.name)),
        };
        let target = self.container_by_ip(ip);
        let reach = match target {
            Some(t) => {
                let shared = t.endpoints.iter().any(|(nid, e)| e.ip == ip && fc.endpoints.get(nid).is_some_and(|ce| ce.ip != 0));
                if !shared {
                    (false, format!("{} has the address {}, but on a network {} is not on: packets have no route.", t.name, ip_to_string(ip), fc.name))
                } else if !t.is_running() {
                    (false, format!("{} is not running.", t.name))
                } else {
                    let ports: Vec<String> = t.process.as_ref().map(|p| p.listens.iter().map(|(p, _)| p.to_string()).collect()).unwrap_or_default();
                    (true, if ports.is_empty() { format!("{} reaches {} ({}), but nothing listens there on any port.", fc.name, t.name, ip_to_string(ip)) } else { format!("{} reaches {} at {} (listening on {}).", fc.name, t.name, ip_to_string(ip), ports.join(", ")) })
                }
            }
            None => (self.has_outside_access(&fid) || ip >> 24 == 127, format!("{} is outside the Docker networks.", ip_to_string(ip))),
        };
        (true, Some(ip), reach.0, reach.1)
    }
}

/// moby validateEndpointSettings (daemon/container_operations.go) for what
/// baleine's endpoints carry: network-scoped aliases and a static IPv4
/// address. Returns the parsed address, or the daemon's message.
pub(crate) fn validate_endpoint_settings(net: &Network, has_aliases: bool, ip: Option<&str>) -> Result<Option<u32>, String> {
    let mut errs = Vec::new();
    // NetworkMode.IsUserDefined: not bridge, host nor none.
    if net.is_default_bridge || net.builtin {
        if ip.is_some() {
            errs.push("user specified IP address is supported on user defined networks only".to_string());
        }
        if has_aliases {
            errs.push("network-scoped alias is supported only for containers in user defined networks".to_string());
        }
    }
    let parsed = ip.and_then(parse_ip);
    if let Some(ip) = ip {
        // EndpointIPAMConfig.Validate, then IsInRange (validateEndpointIPAddress).
        if parsed.is_none_or(|a| a == 0) {
            errs.push(format!("invalid IPv4 address: {ip}"));
        }
        if !net.configured_subnet {
            errs.push("user specified IP address is supported only when connecting to networks with user configured subnets".to_string());
        } else if !parsed.is_some_and(|a| cidr_contains(net.subnet, net.prefix, a)) {
            // libnetwork IpamConf.Contains: the master pool (the subnet);
            // a static address may sit outside --ip-range (defaultipam
            // getAddress sets a preferred address anywhere in the subnet).
            errs.push(format!("no configured subnet or ip-range contain the IP address {ip}"));
        }
    }
    if errs.is_empty() {
        Ok(parsed)
    } else {
        Err(format!("invalid endpoint settings:\n{}", join_errors(&errs)))
    }
}

/// moby's internal/multierror.Join: one error as is, several as a list.
fn join_errors(errs: &[String]) -> String {
    match errs {
        [one] => one.clone(),
        _ => format!("* {}", errs.join("\n* ")),
    }
}

/// The subnet mask of a prefix length.
fn mask_of(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix.min(32))
    }
}

/// "10.0.0.1/24" as written (host bits kept), or None when it is not a CIDR.
fn parse_cidr_raw(s: &str) -> Option<(u32, u8)> {
    let (ip, prefix) = s.split_once('/')?;
    let prefix: u8 = prefix.parse().ok()?;
    if prefix > 32 {
        return None;
    }
    Some((parse_ip(ip)?, prefix))
}

/// libnetwork's default IPAM: the first free ordinal of the pool (or of its
/// --ip-range), never the network address nor the broadcast address.
fn first_free(subnet: u32, prefix: u8, range: Option<(u32, u8)>, used: &std::collections::BTreeSet<u32>) -> Option<u32> {
    let (base, rprefix) = range.unwrap_or((subnet, prefix));
    let size = if rprefix >= 32 { 1u64 } else { 1u64 << (32 - rprefix) };
    let broadcast = subnet | !mask_of(prefix);
    (0..size).map(|off| base.wrapping_add(off as u32)).find(|ip| *ip != subnet && *ip != broadcast && !used.contains(ip) && cidr_contains(subnet, prefix, *ip))
}

/// A name of the simulated internet (what the host's DNS server answers).
pub fn outside_lookup(name: &str) -> Option<u32> {
    OUTSIDE_HOSTS.iter().find(|(n, _)| *n == name).and_then(|(_, ip)| parse_ip(ip))
}

/// For the http model: the file-system view of a container by id.
#[allow(dead_code)]
pub(crate) fn view_of(world: &World, id: &str) -> Option<baleine_vfs::FsView> {
    world.containers.get(id).map(container_view)
}

/// The variables of one legacy link (moby daemon/links/links.go ToEnv):
/// `name` is "/parent/alias", `exposed` the child's exposed "PORT/PROTO".
pub(crate) fn link_env(name: &str, child_ip: &str, exposed: &[String], child_env: &[String]) -> Vec<String> {
    let alias = name.rsplit('/').next().unwrap_or(name).to_uppercase().replace('-', "_");
    let mut ports: Vec<(u32, String)> = Vec::new();
    for p in exposed {
        let (n, proto) = p.split_once('/').unwrap_or((p.as_str(), "tcp"));
        let (lo, hi) = n.split_once('-').unwrap_or((n, n));
        if let (Ok(lo), Ok(hi)) = (lo.parse::<u32>(), hi.parse::<u32>()) {
            for n in lo..=hi.min(lo.saturating_add(65535)) {
                if !ports.iter().any(|(x, pr)| *x == n && pr == proto) {
                    ports.push((n, proto.to_string()));
                }
            }
        }
    }
    // nat.Sort: by number, tcp first for the same number.
    baleine_util::sort_by(&mut ports, |a, b| a.0.cmp(&b.0).then_with(|| (b.1.eq_ignore_ascii_case("tcp")).cmp(&a.1.eq_ignore_ascii_case("tcp"))));
    let mut env = Vec::new();
    if let Some((n, proto)) = ports.first() {
        env.push(format!("{alias}_PORT={proto}://{child_ip}:{n}"));
    }
    // Runs of at least three contiguous ports also get _START/_END variables.
    let mut i = 0;
    while i < ports.len() {
        let (start, proto) = &ports[i];
        let mut j = i;
        let mut value = *start;
        while j + 1 < ports.len() && ports[j + 1].0 <= value + 1 {
            j += 1;
            value += 1;
        }
        if j > i + 1 {
            let up = proto.to_uppercase();
            let (end, end_proto) = &ports[j];
            env.push(format!("{alias}_PORT_{start}_{up}_START={proto}://{child_ip}:{start}"));
            env.push(format!("{alias}_PORT_{start}_{up}_ADDR={child_ip}"));
            env.push(format!("{alias}_PORT_{start}_{up}_PROTO={proto}"));
            env.push(format!("{alias}_PORT_{start}_{up}_PORT_START={start}"));
            env.push(format!("{alias}_PORT_{start}_{}_END={end_proto}://{child_ip}:{end}", end_proto.to_uppercase()));
            env.push(format!("{alias}_PORT_{start}_{}_PORT_END={end}", end_proto.to_uppercase()));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    for (n, proto) in &ports {
        let up = proto.to_uppercase();
        env.push(format!("{alias}_PORT_{n}_{up}={proto}://{child_ip}:{n}"));
        env.push(format!("{alias}_PORT_{n}_{up}_ADDR={child_ip}"));
        env.push(format!("{alias}_PORT_{n}_{up}_PORT={n}"));
        env.push(format!("{alias}_PORT_{n}_{up}_PROTO={proto}"));
    }
    env.push(format!("{alias}_NAME={name}"));
    for v in child_env {
        if let Some((k, val)) = v.split_once('=') {
            if k != "HOME" && k != "PATH" {
                env.push(format!("{alias}_ENV_{k}={val}"));
            }
        }
    }
    env
}

/// How a container's resolv.conf is made (moby v27.5.1 libnetwork
/// sandbox_dns_unix.go): the host's file as it is (host network), for a
/// network without an internal resolver (legacy: the default bridge, none)
/// or with the embedded DNS server at 127.0.0.11 (user-defined networks).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResolvMode {
    Host,
    Legacy,
    Internal,
}

/// The /etc/resolv.conf a container gets, as libnetwork/internal/resolvconf
/// Generate writes it: the simulated host's file (one nameserver,
/// 10.0.2.3) with the `--dns`, `--dns-search` and `--dns-option` overrides
/// (loadResolvConf), transformed for the network (TransformForLegacyNw,
/// TransformForIntNS with the resolver's required option ndots:0).
pub(crate) fn resolv_conf(dns: &[String], search: &[String], options: &[String], mode: ResolvMode) -> String {
    const HEADER: &str = "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\n";
    let dns: Vec<String> = dns.iter().filter(|d| !d.is_empty()).cloned().collect();
    let mut overrides = Vec::new();
    let mut nameservers = vec!["10.0.2.3".to_string()];
    if !dns.is_empty() {
        nameservers = dns;
        overrides.push("nameservers");
    }
    // OverrideSearch drops ".", the "no search domain" value.
    let mut search_list: Vec<String> = Vec::new();
    if !search.is_empty() {
        search_list = search.iter().filter(|s| s.as_str() != ".").cloned().collect();
        overrides.push("search");
    }
    let mut opts: Vec<String> = Vec::new();
    let mut ndots_from = "";
    if !options.is_empty() {
        opts = options.to_vec();
        if opts.iter().any(|o| o.split(':').next() == Some("ndots")) {
            ndots_from = "override";
        }
        overrides.push("options");
    }
    let mut ext_servers = String::new();
    let transform = match mode {
        ResolvMode::Host => "",
        ResolvMode::Legacy => " (legacy)",
        ResolvMode::Internal => {
            ext_servers = format!("# ExtServers: [{}]\n", nameservers.join(" "));
            nameservers = vec!["127.0.0.11".to_string()];
            // removeInvalidNDots, then ndots:0 unless an ndots is left.
            opts.retain(|o| match o.split_once(':') {
                Some(("ndots", v)) => v.parse::<i64>().is_ok_and(|n| n >= 0),
                _ => o != "ndots",
            });
            if !opts.iter().any(|o| o.split(':').next() == Some("ndots")) {
                opts.push("ndots:0".into());
                ndots_from = "internal";
            }
            " (internal resolver)"
        }
    };
    let mut out = String::from(HEADER);
    for n in &nameservers {
        out.push_str(&format!("nameserver {n}\n"));
    }
    if !search_list.is_empty() {
        out.push_str(&format!("search {}\n", search_list.join(" ")));
    }
    if !opts.is_empty() {
        out.push_str(&format!("options {}\n", opts.join(" ")));
    }
    out.push_str(&format!("\n# Based on host file: '/etc/resolv.conf'{transform}\n{ext_servers}# Overrides: [{}]\n", overrides.join(" ")));
    if !ndots_from.is_empty() {
        out.push_str(&format!("# Option ndots from: {ndots_from}\n"));
    }
    out
}

#[cfg(test)]
mod resolv_tests {
    use super::*;

    #[test]
    fn resolv_conf_overrides_as_libnetwork() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let legacy = resolv_conf(&[], &v(&["example.com"]), &v(&["ndots:2", "edns0"]), ResolvMode::Legacy);
        assert!(legacy.contains("nameserver 10.0.2.3\nsearch example.com\noptions ndots:2 edns0\n\n# Based on host file: '/etc/resolv.conf' (legacy)\n# Overrides: [search options]\n# Option ndots from: override\n"));
        let internal = resolv_conf(&v(&["8.8.8.8"]), &[], &v(&["edns0"]), ResolvMode::Internal);
        assert!(internal.contains("nameserver 127.0.0.11\noptions edns0 ndots:0\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [8.8.8.8]\n# Overrides: [nameservers options]\n# Option ndots from: internal\n"));
        // An invalid ndots is dropped for the resolver's own.
        let bad = resolv_conf(&[], &v(&["."]), &v(&["ndots:x"]), ResolvMode::Internal);
        assert!(bad.contains("nameserver 127.0.0.11\noptions ndots:0\n") && bad.contains("# Overrides: [search options]\n# Option ndots from: internal\n") && !bad.contains("\nsearch "));
    }
}

#[cfg(test)]
#[path = "network_tests.rs"]
mod tests;
