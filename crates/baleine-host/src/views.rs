//! Builds the plain view structs from the engine, the editor's
//! diagnostics, and Tab completion.

use baleine_engine::model::{ip_to_string, Status};
use baleine_engine::util::{human_size, rfc3339_nanos};
use baleine_engine::World;
use baleine_vfs::Node;

use crate::view::*;
use crate::{Diagnostic, Host};

pub fn world_view(world: &World, cwd: &str, revision: u64) -> WorldView {
    let mut images: Vec<ImageView> = world
        .images
        .values()
        .map(|img| {
            let size = world.image_size(img);
            let cached: Vec<String> = world.build.cached_layers();
            ImageView {
                id: img.id.clone(),
                short_id: img.id[..12].to_string(),
                tags: img.repo_tags.clone(),
                size,
                size_text: human_size(size),
                created_ms: img.created_secs.saturating_sub(world.epoch_secs) * 1000,
                layers: {
                    let mut hist = img.history.iter().filter(|h| !h.empty_layer);
                    img.layers
                        .iter()
                        .map(|d| LayerView {
                            id: d.clone(),
                            size: world.layers.get(d).map(|l| l.size).unwrap_or(0),
                            created_by: hist.next().map(|h| h.created_by.clone()).unwrap_or_default(),
                            from_cache: cached.contains(d),
                            shared_by: world.images.values().filter(|o| o.layers.contains(d)).count(),
                        })
                        .collect()
                },
            }
        })
        .collect();
    baleine_util::sort_by(&mut images, |a, b| b.created_ms.cmp(&a.created_ms).then(a.tags.cmp(&b.tags)));
    let now = world.now_ms;
    let containers = world
        .containers
        .values()
        .map(|c| ContainerView {
            id: c.id.clone(),
            name: c.name.clone(),
            image: c.spec.image.clone(),
            command: c.command_line(),
            state: c.state.status.as_str().to_string(),
            status: baleine_docker::format::status_string(c, now),
            health: c.state.health.as_ref().map(|h| h.status.clone()),
            exit_code: if c.state.status == Status::Exited { Some(c.state.exit_code) } else { None },
            ports: c.ports.iter().filter(|p| p.host_port != 0 && c.is_running()).map(|p| PortView { host_ip: if p.host_ip.is_empty() { "0.0.0.0".into() } else { p.host_ip.clone() }, host_port: p.host_port, container_port: p.container_port, proto: p.proto.clone() }).collect(),
            networks: c
                .endpoints
                .iter()
                .filter_map(|(nid, e)| world.networks.get(nid).map(|n| EndpointView { network: n.name.clone(), ip: if e.ip == 0 { String::new() } else { ip_to_string(e.ip) }, aliases: e.aliases.clone() }))
                .chain(if c.network_mode == "host" || c.network_mode == "none" { Some(EndpointView { network: c.network_mode.clone(), ip: String::new(), aliases: vec![] }) } else { None })
                .collect(),
            mounts: c.mounts.iter().map(|m| MountView { kind: m.kind.clone(), source: if m.kind == "volume" { m.name.clone() } else { m.source.clone() }, target: m.destination.clone(), read_only: !m.rw }).collect(),
            compose_project: c.label("com.docker.compose.project").map(str::to_string),
            compose_service: c.label("com.docker.compose.service").map(str::to_string),
        })
        .collect();
    let networks = world
        .networks
        .values()
        .map(|n| NetworkView {
            id: n.id.clone(),
            name: n.name.clone(),
            driver: n.driver.clone(),
            subnet: if n.prefix > 0 { format!("{}/{}", ip_to_string(n.subnet), n.prefix) } else { String::new() },
            gateway: if n.prefix > 0 { ip_to_string(n.gateway) } else { String::new() },
            internal: n.internal,
            dns: !n.is_default_bridge && !n.builtin,
            endpoints: world
                .containers
                .values()
                .filter_map(|c| {
                    let e = c.endpoints.get(&n.id)?;
                    if e.ip == 0 && !(n.builtin && c.network_mode == n.name) {
                        return None;
                    }
                    Some(NetworkEndpointView { container: c.name.clone(), ip: if e.ip == 0 { String::new() } else { ip_to_string(e.ip) }, aliases: e.aliases.clone() })
                })
                .chain(world.containers.values().filter(|c| n.builtin && c.network_mode == n.name && c.is_running()).map(|c| NetworkEndpointView { container: c.name.clone(), ip: String::new(), aliases: vec![] }))
                .collect(),
        })
        .collect();
    let volumes = world
        .volumes
        .values()
        .map(|v| VolumeView {
            name: v.name.clone(),
            driver: v.driver.clone(),
            size: world.volume_size(&v.name),
            anonymous: v.anonymous,
            used_by: world.volume_users(&v.name).iter().flat_map(|c| c.mounts.iter().filter(|m| m.name == v.name).map(|m| (c.name.clone(), m.destination.clone(), !m.rw))).collect(),
            files: world.forest.tree(v.tree).walk("/").into_iter().filter(|(p, n)| p != "/" && !n.is_dir()).map(|(p, _)| p).take(200).collect(),
        })
        .collect();
    // The feed leaves out healthcheck probes' execs (three events a probe:
    // they would push everything else out); `docker events` shows them.
    let mut shown: Vec<&baleine_engine::world::Event> = world.events.iter().rev().filter(|e| !e.probe).take(200).collect();
    shown.reverse();
    let events = shown
        .into_iter()
        .map(|e| EventView { time_ms: e.ms, kind: e.kind.to_string(), action: e.action.clone(), actor: e.actor.clone(), text: baleine_docker::cmd_event_line(world, e) })
        .collect();
    let project = crate::PROJECT;
    let files = world
        .forest
        .tree(world.host_tree)
        .walk(project)
        .into_iter()
        .filter(|(p, _)| p != project)
        .take(2000)
        .map(|(p, n)| FileView { path: p[project.len() + 1..].to_string() + if n.is_dir() { "/" } else { "" }, is_dir: n.is_dir(), size: n.size() })
        .collect();
    WorldView {
        revision,
        clock_ms: now,
        clock_text: rfc3339_nanos(now, world.epoch_secs),
        images,
        containers,
        networks,
        volumes,
        last_build: world.build.view().map(|b| BuildView {
            tags: b.tags,
            ok: b.ok,
            steps: b.steps.into_iter().map(|s| BuildStepView { name: s.name, stage: s.stage, cached: s.cached, reason: s.reason, duration_ms: s.duration_ms, error: s.error }).collect(),
            stages: b.stages.into_iter().map(|s| BuildStageView { name: s.name, base: s.base, from_stages: s.from_stages, skipped: s.skipped }).collect(),
            findings: b.findings.into_iter().map(|f| LintView { rule: f.rule, line: f.line, message: f.message, explain_en: f.explain_en, explain_fr: f.explain_fr }).collect(),
        }),
        compose: baleine_docker::compose::views(world)
            .into_iter()
            .map(|p| ComposeView {
                project: p.project,
                services: p
                    .services
                    .into_iter()
                    .map(|s| ComposeServiceView { name: s.name, depends_on: s.depends_on, created_ms: s.created_ms, started_ms: s.started_ms, healthy_ms: s.healthy_ms, waited_on: s.waited_on, state: s.state })
                    .collect(),
            })
            .collect(),
        events,
        files,
        cwd: cwd.to_string(),
        next_event_ms: world.next_event_ms(),
    }
}

pub fn diagnostics(host: &Host, path: &str) -> Vec<Diagnostic> {
    let Some(text) = host.read_file(path) else { return Vec::new() };
    let name = baleine_vfs::basename(path).to_ascii_lowercase();
    if name.starts_with("dockerfile") || name.ends_with(".dockerfile") {
        let df = baleine_dockerfile::parse(&text);
        let mut v: Vec<Diagnostic> = df
            .diagnostics
            .iter()
            .map(|d| Diagnostic {
                line: d.line,
                column: d.column,
                severity: match d.severity {
                    baleine_dockerfile::Severity::Error => "error".into(),
                    baleine_dockerfile::Severity::Warning => "warning".into(),
                },
                message: d.message.clone(),
                rule: d.code.map(str::to_string),
                explain_en: None,
                explain_fr: None,
            })
            .collect();
        let dir = baleine_vfs::dirname(&if path.starts_with('/') { path.to_string() } else { format!("{}/{path}", crate::PROJECT) });
        let files: Vec<String> = host.world().forest.tree(host.world().host_tree).walk(&dir).into_iter().map(|(p, _)| p.strip_prefix(&format!("{dir}/")).unwrap_or(&p).to_string()).collect();
        let ctx = baleine_dockerfile::lint::LintContext { has_dockerignore: files.iter().any(|f| f == ".dockerignore"), context_files: files };
        for f in baleine_dockerfile::lint::lint(&df, &ctx) {
            v.push(Diagnostic { line: f.line, column: 1, severity: "warning".into(), message: f.message, rule: Some(f.rule.to_string()), explain_en: Some(f.explain_en.to_string()), explain_fr: Some(f.explain_fr.to_string()) });
        }
        return v;
    }
    if name.ends_with(".yml") || name.ends_with(".yaml") {
        if let Some(err) = baleine_docker::compose::check_text(host.world(), path, &text) {
            return vec![Diagnostic { line: err.0, column: 1, severity: "error".into(), message: err.1, rule: None, explain_en: None, explain_fr: None }];
        }
    }
    Vec::new()
}

const DOCKER_COMMANDS: &[&str] = &[
    "attach", "build", "builder", "buildx", "commit", "compose", "container", "cp", "create", "diff", "events", "exec", "history", "image", "images", "info", "inspect", "kill", "load", "login", "logout", "logs", "network", "pause", "port", "ps", "pull", "push", "rename", "restart", "rm", "rmi", "run", "save", "search", "start", "stats", "stop", "system", "tag", "top", "unpause", "update", "version", "volume", "wait",
];

pub fn complete(world: &World, cwd: &str, line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let ends_space = line.ends_with(' ');
    let current = if ends_space { "" } else { words.last().copied().unwrap_or("") };
    let position = if ends_space { words.len() } else { words.len().saturating_sub(1) };
    let mut cands: Vec<String> = Vec::new();
    if position == 0 {
        cands.extend(["docker", "ls", "cd", "cat", "echo", "mkdir", "curl", "clear", "history", "touch", "rm", "pwd"].iter().map(|s| s.to_string()));
    } else if words.first() == Some(&"docker") && position == 1 {
        cands.extend(DOCKER_COMMANDS.iter().map(|s| s.to_string()));
    } else if words.first() == Some(&"docker") {
        let sub = words.get(1).copied().unwrap_or("");
        match sub {
            "network" if position == 2 => cands.extend(["connect", "create", "disconnect", "inspect", "ls", "prune", "rm"].iter().map(|s| s.to_string())),
            "volume" if position == 2 => cands.extend(["create", "inspect", "ls", "prune", "rm"].iter().map(|s| s.to_string())),
            "compose" if position == 2 => cands.extend(["build", "config", "down", "exec", "logs", "ps", "pull", "restart", "run", "start", "stop", "up"].iter().map(|s| s.to_string())),
            "run" | "create" | "pull" | "rmi" | "tag" | "history" | "push" => cands.extend(world.images.values().flat_map(|i| i.repo_tags.clone())),
            "network" => cands.extend(world.networks.values().map(|n| n.name.clone())),
            "volume" => cands.extend(world.volumes.keys().cloned()),
            _ => cands.extend(world.containers.values().map(|c| c.name.clone())),
        }
    }
    // File names.
    if position > 0 || current.contains('/') {
        let (dir, prefix) = match current.rfind('/') {
            Some(i) => (&current[..=i], &current[i + 1..]),
            None => ("", current),
        };
        let base = baleine_vfs::normalize(cwd, if dir.is_empty() { "." } else { dir });
        if let Some(Node::Dir(d)) = world.forest.tree(world.host_tree).get(&base) {
            for (name, n) in &d.entries {
                if name.starts_with(prefix) && (prefix.starts_with('.') || !name.starts_with('.')) {
                    cands.push(format!("{dir}{name}{}", if n.is_dir() { "/" } else { "" }));
                }
            }
        }
    }
    cands.retain(|c| c.starts_with(current));
    baleine_util::sort(&mut cands);
    cands.dedup();
    cands
}
