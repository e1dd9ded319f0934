//! The compose panel of the web app, computed from the world alone: each
//! project's services with their dependencies and their start-up timeline
//! (created, started, healthy) from the containers and the engine's events.

use baleine_engine::World;
use indexmap::IndexMap;

use super::convert::{DEPENDS_LABEL, NUMBER_LABEL, ONEOFF_LABEL, PROJECT_LABEL, SERVICE_LABEL};
use super::{ProjectView, ServiceView};

fn waited(dep: &str, condition: &str) -> String {
    match condition {
        "service_healthy" => format!("{dep} to be healthy"),
        "service_completed_successfully" => format!("{dep} to complete successfully"),
        _ => format!("{dep} to start"),
    }
}

/// Every compose project with containers in the world, by name.
pub fn views(world: &World) -> Vec<ProjectView> {
    // project -> service -> (number, container id)
    let mut projects: IndexMap<String, IndexMap<String, (u32, String)>> = IndexMap::new();
    for c in world.containers.values() {
        let (Some(p), Some(s)) = (c.label(PROJECT_LABEL), c.label(SERVICE_LABEL)) else { continue };
        if c.label(ONEOFF_LABEL) == Some("True") {
            continue;
        }
        let n: u32 = c.label(NUMBER_LABEL).and_then(|n| n.parse().ok()).unwrap_or(u32::MAX);
        let entry = projects.entry(p.to_string()).or_default();
        match entry.get(s) {
            Some((m, _)) if *m <= n => {}
            _ => {
                entry.insert(s.to_string(), (n, c.id.clone()));
            }
        }
    }
    baleine_util::sort_keys(&mut projects);
    let mut out = Vec::new();
    for (project, services) in projects {
        let mut list: Vec<ServiceView> = Vec::new();
        for (name, (_, id)) in services {
            let Some(c) = world.containers.get(&id) else { continue };
            let depends_on: Vec<(String, String)> = c
                .label(DEPENDS_LABEL)
                .unwrap_or("")
                .split(',')
                .filter(|d| !d.is_empty())
                .map(|d| {
                    let mut parts = d.split(':');
                    let dep = parts.next().unwrap_or("").to_string();
                    let cond = parts.next().unwrap_or("service_started").to_string();
                    (dep, cond)
                })
                .collect();
            let started_ms = if c.has_been_started { c.state.started_ms } else { None };
            let healthy_ms = started_ms.and_then(|s| world.events.iter().find(|e| e.id == c.id && e.kind == "container" && e.action == "health_status: healthy" && e.ms >= s).map(|e| e.ms));
            let state = match &c.state.health {
                Some(h) if c.is_running() => format!("{} ({})", c.state.status.as_str(), h.status),
                _ => c.state.status.as_str().to_string(),
            };
            let waited_on = depends_on.iter().map(|(d, cond)| waited(d, cond)).collect();
            list.push(ServiceView { name, depends_on, created_ms: Some(c.created_ms), started_ms, healthy_ms, waited_on, state });
        }
        baleine_util::sort_by(&mut list, |a, b| a.started_ms.unwrap_or(u64::MAX).cmp(&b.started_ms.unwrap_or(u64::MAX)).then(a.created_ms.cmp(&b.created_ms)).then(a.name.cmp(&b.name)));
        out.push(ProjectView { project, services: list });
    }
    out
}
