//! Geometry of the diagrams (networks, compose dependency graph, compose
//! startup timeline), computed from view structs with no DOM, so it can be
//! tested natively. Units are SVG user units.

use baleine_host::view::{ComposeServiceView, ContainerView, NetworkView};
use std::collections::BTreeMap;

pub const NET_WIDTH: f64 = 640.0;
const ZONE_PAD: f64 = 12.0;
const ZONE_HEAD: f64 = 44.0;
const NODE_W: f64 = 192.0;
const NODE_H: f64 = 46.0;
const NODE_GAP: f64 = 12.0;
const ZONE_GAP: f64 = 16.0;
const COLS: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct NetNode {
    pub container: String,
    pub ip: String,
    pub state: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    pub name: String,
    pub driver: String,
    pub subnet: String,
    pub gateway: String,
    pub internal: bool,
    pub dns: bool,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub nodes: Vec<NetNode>,
}

/// A dashed link between two nodes of the same container on two networks.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub container: String,
    pub from: (f64, f64),
    pub to: (f64, f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct NetDiagram {
    pub width: f64,
    pub height: f64,
    pub zones: Vec<Zone>,
    pub links: Vec<Link>,
}

/// Networks as stacked zones, each holding its containers with their IPs.
/// `host` and `none` are shown only when a container uses them.
pub fn network_diagram(networks: &[NetworkView], containers: &[ContainerView]) -> NetDiagram {
    let state_of: BTreeMap<&str, &str> = containers.iter().map(|c| (c.name.as_str(), c.state.as_str())).collect();
    let mut zones = Vec::new();
    let mut y = 0.0;
    for n in networks {
        if (n.driver == "host" || n.driver == "null" || n.name == "none" || n.name == "host") && n.endpoints.is_empty() {
            continue;
        }
        let rows = n.endpoints.len().div_ceil(COLS).max(1);
        let h = ZONE_HEAD + rows as f64 * (NODE_H + NODE_GAP) - NODE_GAP + ZONE_PAD;
        let nodes = n
            .endpoints
            .iter()
            .enumerate()
            .map(|(i, e)| NetNode {
                container: e.container.clone(),
                ip: e.ip.clone(),
                state: state_of.get(e.container.as_str()).unwrap_or(&"").to_string(),
                x: ZONE_PAD + (i % COLS) as f64 * (NODE_W + NODE_GAP),
                y: y + ZONE_HEAD + (i / COLS) as f64 * (NODE_H + NODE_GAP),
                w: NODE_W,
                h: NODE_H,
            })
            .collect();
        zones.push(Zone {
            name: n.name.clone(),
            driver: n.driver.clone(),
            subnet: n.subnet.clone(),
            gateway: n.gateway.clone(),
            internal: n.internal,
            dns: n.dns,
            x: 0.0,
            y,
            w: NET_WIDTH,
            h,
            nodes,
        });
        y += h + ZONE_GAP;
    }
    let mut links = Vec::new();
    let mut seen: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for z in &zones {
        for node in &z.nodes {
            let centre = (node.x + node.w / 2.0, node.y + node.h / 2.0);
            if let Some(prev) = seen.get(node.container.as_str()) {
                links.push(Link { container: node.container.clone(), from: (prev.0, prev.1 + NODE_H / 2.0), to: (centre.0, centre.1 - NODE_H / 2.0) });
            }
            seen.insert(node.container.as_str(), centre);
        }
    }
    NetDiagram { width: NET_WIDTH, height: (y - ZONE_GAP).max(40.0), zones, links }
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub name: String,
    pub state: String,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub condition: String,
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    pub width: f64,
    pub height: f64,
    pub node_w: f64,
    pub node_h: f64,
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

/// Dependency graph: services without dependencies in the left column, each
/// other service one column right of its deepest dependency; arrows go from
/// a service to what it depends on.
pub fn compose_graph(services: &[ComposeServiceView]) -> Graph {
    let (node_w, node_h, col_gap, row_gap) = (150.0, 40.0, 70.0, 18.0);
    let index: BTreeMap<&str, usize> = services.iter().enumerate().map(|(i, s)| (s.name.as_str(), i)).collect();
    let mut depth = vec![usize::MAX; services.len()];
    fn depth_of(i: usize, services: &[ComposeServiceView], index: &BTreeMap<&str, usize>, depth: &mut Vec<usize>, stack: &mut Vec<usize>) -> usize {
        if depth[i] != usize::MAX {
            return depth[i];
        }
        if stack.contains(&i) {
            return 0; // a cycle: the host reports it, just draw something
        }
        stack.push(i);
        let d = services[i]
            .depends_on
            .iter()
            .filter_map(|(dep, _)| index.get(dep.as_str()))
            .map(|&j| depth_of(j, services, index, depth, stack) + 1)
            .max()
            .unwrap_or(0);
        stack.pop();
        depth[i] = d;
        d
    }
    for i in 0..services.len() {
        depth_of(i, services, &index, &mut depth, &mut Vec::new());
    }
    let mut per_col: BTreeMap<usize, usize> = BTreeMap::new();
    let mut nodes = Vec::new();
    for (i, s) in services.iter().enumerate() {
        let row = per_col.entry(depth[i]).or_insert(0);
        nodes.push(GraphNode {
            name: s.name.clone(),
            state: s.state.clone(),
            x: 8.0 + depth[i] as f64 * (node_w + col_gap),
            y: 8.0 + *row as f64 * (node_h + row_gap),
        });
        *row += 1;
    }
    let mut edges = Vec::new();
    for (i, s) in services.iter().enumerate() {
        for (dep, cond) in &s.depends_on {
            if let Some(&j) = index.get(dep.as_str()) {
                let (a, b) = (&nodes[i], &nodes[j]);
                edges.push(GraphEdge {
                    from: s.name.clone(),
                    to: dep.clone(),
                    condition: cond.clone(),
                    x1: a.x,
                    y1: a.y + node_h / 2.0,
                    x2: b.x + node_w,
                    y2: b.y + node_h / 2.0,
                });
            }
        }
    }
    let cols = depth.iter().copied().max().map(|d| d + 1).unwrap_or(0);
    let rows = per_col.values().copied().max().unwrap_or(0);
    Graph {
        width: (16.0 + cols as f64 * (node_w + col_gap) - col_gap).max(100.0),
        height: (16.0 + rows as f64 * (node_h + row_gap) - row_gap).max(40.0),
        node_w,
        node_h,
        nodes,
        edges,
    }
}

/// One service's startup on the timeline; fractions of the time span (0..1).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    pub name: String,
    /// created → started: waiting for dependencies.
    pub wait: Option<(f64, f64)>,
    /// started → healthy (or → now when no healthcheck passed yet).
    pub run: Option<(f64, f64)>,
    pub healthy_at: Option<f64>,
    /// Milliseconds from the first creation, for the labels.
    pub created_rel_ms: Option<u64>,
    pub started_rel_ms: Option<u64>,
    pub healthy_rel_ms: Option<u64>,
    pub waited_on: Vec<String>,
    pub state: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub span_ms: u64,
    pub rows: Vec<TimelineRow>,
}

/// Startup timeline, from the first container created to `now_ms` (or the
/// last recorded moment if later).
pub fn compose_timeline(services: &[ComposeServiceView], now_ms: u64) -> Timeline {
    let t0 = services.iter().filter_map(|s| s.created_ms.or(s.started_ms)).min().unwrap_or(now_ms);
    let last = services.iter().flat_map(|s| [s.created_ms, s.started_ms, s.healthy_ms]).flatten().max().unwrap_or(t0);
    let end = last.max(now_ms.min(last + 10_000)).max(t0 + 1000);
    let span = end - t0;
    let frac = |t: u64| (t.saturating_sub(t0)) as f64 / span as f64;
    let rows = services
        .iter()
        .map(|s| {
            let wait = match (s.created_ms, s.started_ms) {
                (Some(c), Some(st)) => Some((frac(c), frac(st))),
                (Some(c), None) => Some((frac(c), frac(end))),
                _ => None,
            };
            let run = s.started_ms.map(|st| (frac(st), frac(s.healthy_ms.unwrap_or(end))));
            TimelineRow {
                name: s.name.clone(),
                wait,
                run,
                healthy_at: s.healthy_ms.map(frac),
                created_rel_ms: s.created_ms.map(|t| t - t0),
                started_rel_ms: s.started_ms.map(|t| t.saturating_sub(t0)),
                healthy_rel_ms: s.healthy_ms.map(|t| t.saturating_sub(t0)),
                waited_on: s.waited_on.clone(),
                state: s.state.clone(),
            }
        })
        .collect();
    Timeline { span_ms: span, rows }
}

/// "+1.2s" style label for a duration in ms.
pub fn rel_label(ms: u64) -> String {
    if ms < 10_000 {
        format!("+{:.1}s", ms as f64 / 1000.0)
    } else if ms < 120_000 {
        format!("+{}s", ms / 1000)
    } else {
        format!("+{}m{:02}s", ms / 60_000, (ms / 1000) % 60)
    }
}

/// Human size: 1.2 kB / 34.5 MB (decimal units, as Docker prints).
pub fn human_size(bytes: u64) -> String {
    let b = bytes as f64;
    if b < 1000.0 {
        format!("{bytes} B")
    } else if b < 1e6 {
        format!("{:.1} kB", b / 1e3)
    } else if b < 1e9 {
        format!("{:.1} MB", b / 1e6)
    } else {
        format!("{:.2} GB", b / 1e9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baleine_host::view::NetworkEndpointView;

    fn net(name: &str, driver: &str, eps: &[(&str, &str)]) -> NetworkView {
        NetworkView {
            name: name.into(),
            driver: driver.into(),
            endpoints: eps.iter().map(|(c, ip)| NetworkEndpointView { container: c.to_string(), ip: ip.to_string(), aliases: vec![] }).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn zones_stack_and_hide_empty_host_none() {
        let nets = vec![
            net("bridge", "bridge", &[("web", "172.17.0.2")]),
            net("host", "host", &[]),
            net("none", "null", &[]),
            net("app-net", "bridge", &[("a", "172.18.0.2"), ("b", "172.18.0.3"), ("c", "172.18.0.4"), ("web", "172.18.0.5")]),
        ];
        let containers = vec![ContainerView { name: "web".into(), state: "running".into(), ..Default::default() }];
        let d = network_diagram(&nets, &containers);
        assert_eq!(d.zones.iter().map(|z| z.name.as_str()).collect::<Vec<_>>(), vec!["bridge", "app-net"]);
        let (a, b) = (&d.zones[0], &d.zones[1]);
        assert!(b.y >= a.y + a.h, "zones do not overlap");
        assert_eq!(b.nodes[3].y, b.nodes[0].y + NODE_H + NODE_GAP, "4th node wraps to a second row");
        for z in &d.zones {
            for n in &z.nodes {
                assert!(n.x + n.w <= z.x + z.w && n.y + n.h <= z.y + z.h, "node inside its zone");
            }
        }
        assert_eq!(a.nodes[0].state, "running");
        assert_eq!(d.links.len(), 1, "web is on two networks");
        assert!((d.height - (b.y + b.h)).abs() < 1e-9);
    }

    fn svc(name: &str, deps: &[(&str, &str)], c: Option<u64>, s: Option<u64>, h: Option<u64>) -> ComposeServiceView {
        ComposeServiceView {
            name: name.into(),
            depends_on: deps.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
            created_ms: c,
            started_ms: s,
            healthy_ms: h,
            ..Default::default()
        }
    }

    #[test]
    fn graph_columns_follow_dependencies() {
        let s = vec![
            svc("web", &[("api", "service_started")], None, None, None),
            svc("api", &[("db", "service_healthy")], None, None, None),
            svc("db", &[], None, None, None),
            svc("cache", &[], None, None, None),
        ];
        let g = compose_graph(&s);
        let x = |n: &str| g.nodes.iter().find(|g| g.name == n).unwrap().x;
        assert!(x("db") < x("api") && x("api") < x("web"));
        assert_eq!(x("db"), x("cache"));
        assert_eq!(g.edges.len(), 2);
        assert_eq!(g.edges[1].condition, "service_healthy");
        // cycles do not hang
        let c = vec![svc("a", &[("b", "service_started")], None, None, None), svc("b", &[("a", "service_started")], None, None, None)];
        assert_eq!(compose_graph(&c).nodes.len(), 2);
    }

    #[test]
    fn timeline_fractions() {
        let s = vec![svc("db", &[], Some(1000), Some(1200), Some(6200)), svc("web", &[("db", "service_healthy")], Some(1100), Some(6300), None)];
        let t = compose_timeline(&s, 6300);
        assert_eq!(t.span_ms, 5300);
        let db = &t.rows[0];
        assert_eq!(db.wait.unwrap().0, 0.0);
        assert!((db.healthy_at.unwrap() - 5200.0 / 5300.0).abs() < 1e-9);
        assert_eq!(t.rows[1].started_rel_ms, Some(5300));
        assert_eq!(rel_label(5300), "+5.3s");
        assert_eq!(rel_label(125_000), "+2m05s");
    }

    #[test]
    fn sizes() {
        assert_eq!(human_size(999), "999 B");
        assert_eq!(human_size(187_000_000), "187.0 MB");
    }
}
