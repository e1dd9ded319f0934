//! The service dependency graph (`depends_on`, plus the implicit dependencies
//! compose adds for `links`, `network_mode: service:x`, `volumes_from`).
//!
//! Orders are deterministic: among services whose dependencies are satisfied,
//! the one with the smallest name comes first.

use crate::model::Project;
use std::collections::{BTreeMap, BTreeSet};

/// Edges of the enabled services: service → its (present) dependencies, sorted.
fn edges(project: &Project) -> BTreeMap<String, Vec<String>> {
    let mut g = BTreeMap::new();
    for (name, s) in &project.services {
        let mut deps: Vec<String> = s
            .depends_on
            .keys()
            .filter(|d| project.services.contains_key(*d))
            .cloned()
            .collect();
        baleine_util::sort(&mut deps);
        g.insert(name.clone(), deps);
    }
    g
}

/// compose-go `graph.CheckCycle`: `dependency cycle detected: a -> b -> a`
/// (the first cycle met walking services and dependencies in name order).
pub fn check_cycle(project: &Project) -> Result<(), String> {
    check_cycle_in(&edges(project))
}

fn check_cycle_in(g: &BTreeMap<String, Vec<String>>) -> Result<(), String> {
    // nodes fully explored without finding a cycle; iterative DFS (no recursion)
    let mut done: BTreeSet<&str> = BTreeSet::new();
    let empty: Vec<String> = Vec::new();
    for root in g.keys() {
        let mut path: Vec<&str> = vec![root.as_str()];
        let mut next_child: Vec<usize> = vec![0];
        while let Some(&current) = path.last() {
            let children = g.get(current).unwrap_or(&empty);
            let idx = next_child.last().copied().unwrap_or(0);
            if idx >= children.len() {
                done.insert(current);
                path.pop();
                next_child.pop();
                continue;
            }
            if let Some(n) = next_child.last_mut() {
                *n += 1;
            }
            let child = children[idx].as_str();
            if let Some(i) = path.iter().position(|p| *p == child) {
                return Err(format!(
                    "dependency cycle detected: {} -> {}",
                    path[i..].join(" -> "),
                    child
                ));
            }
            if done.contains(child) {
                continue;
            }
            path.push(child);
            next_child.push(0);
        }
    }
    Ok(())
}

/// Start order for `services` (all enabled services when empty) and their
/// transitive dependencies: dependencies first, ties broken by name.
/// Errors: `no such service: x`, a required dependency that is missing or
/// disabled, or a dependency cycle.
pub fn start_order(project: &Project, services: &[String]) -> Result<Vec<String>, String> {
    let all = edges(project);
    // selection + transitive closure
    let mut selected: BTreeSet<String> = BTreeSet::new();
    let mut stack: Vec<String> = if services.is_empty() {
        project.services.keys().cloned().collect()
    } else {
        services.to_vec()
    };
    while let Some(name) = stack.pop() {
        if selected.contains(&name) {
            continue;
        }
        let Some(svc) = project.services.get(&name) else {
            return Err(format!("no such service: {}", name));
        };
        for (dep, cfg) in &svc.depends_on {
            if !project.services.contains_key(dep) {
                if !cfg.required {
                    continue;
                }
                if let Some(ds) = project.disabled_services.get(dep) {
                    return Err(format!(
                        "service {} is required by {} but is disabled. Can be enabled by profiles [{}]",
                        crate::util::go_quote(dep),
                        crate::util::go_quote(&name),
                        ds.profiles.join(" ")
                    ));
                }
                return Err(format!(
                    "service {} depends on unknown service {}",
                    crate::util::go_quote(&name),
                    crate::util::go_quote(dep)
                ));
            }
            stack.push(dep.clone());
        }
        selected.insert(name);
    }
    let sub: BTreeMap<String, Vec<String>> = all
        .into_iter()
        .filter(|(k, _)| selected.contains(k))
        .collect();
    check_cycle_in(&sub)?;
    // Kahn's algorithm with name-ordered ready set
    let mut remaining: BTreeMap<String, usize> = sub
        .iter()
        .map(|(k, deps)| (k.clone(), deps.len()))
        .collect();
    let mut ready: BTreeSet<String> = remaining
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(k, _)| k.clone())
        .collect();
    let mut order = Vec::with_capacity(sub.len());
    while let Some(next) = ready.iter().next().cloned() {
        ready.remove(&next);
        remaining.remove(&next);
        for (k, deps) in &sub {
            if deps.contains(&next) {
                if let Some(n) = remaining.get_mut(k) {
                    *n -= 1;
                    if *n == 0 {
                        ready.insert(k.clone());
                    }
                }
            }
        }
        order.push(next);
    }
    Ok(order)
}

/// Stop order: the reverse of [`start_order`] (dependents stop before their dependencies).
pub fn stop_order(project: &Project, services: &[String]) -> Result<Vec<String>, String> {
    let mut o = start_order(project, services)?;
    o.reverse();
    Ok(o)
}

/// Services that depend (directly or transitively) on `service`, sorted by name.
pub fn dependents(project: &Project, service: &str) -> Vec<String> {
    let g = edges(project);
    let mut out: BTreeSet<String> = BTreeSet::new();
    let mut stack = vec![service.to_string()];
    while let Some(s) = stack.pop() {
        for (k, deps) in &g {
            if deps.contains(&s) && out.insert(k.clone()) {
                stack.push(k.clone());
            }
        }
    }
    out.into_iter().collect()
}
