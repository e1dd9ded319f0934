//! compose-go `checkConsistency`: cross-references between services and
//! top-level resources, plus the dependency cycle check.

use crate::model::{Project, VolumeType};
use crate::util::go_quote;

const INVALID: &str = "invalid compose project";

pub fn check(project: &Project) -> Result<(), String> {
    for (name, s) in &project.services {
        let q = go_quote(name);
        if s.build.is_none()
            && s.image.as_deref().unwrap_or("").is_empty()
            && !s.other.contains_key("provider")
        {
            return Err(format!(
                "service {} has neither an image nor a build context specified: {}",
                q, INVALID
            ));
        }
        if let Some(b) = &s.build {
            if b.dockerfile_inline
                .as_deref()
                .is_some_and(|d| !d.is_empty())
                && b.dockerfile.as_deref().is_some_and(|d| !d.is_empty())
            {
                return Err(format!(
                    "service {} declares mutualy exclusive dockerfile and dockerfile_inline: {}",
                    q, INVALID
                ));
            }
            for (add, c) in &b.additional_contexts {
                if let Some(target) = c.strip_prefix("service:") {
                    match project.services.get(target) {
                        None => {
                            return Err(format!(
                                "service {} declares unknown service {} as additional contexts {}",
                                q,
                                go_quote(target),
                                add
                            ))
                        }
                        Some(t) if t.build.is_none() => {
                            return Err(format!(
                                "service {} declares non-buildable service {} as additional contexts {}",
                                q,
                                go_quote(target),
                                add
                            ))
                        }
                        _ => {}
                    }
                }
            }
            if let Some(p) = &s.platform {
                if !b.platforms.is_empty() && !b.platforms.contains(p) {
                    return Err(format!(
                        "service.build.platforms MUST include service.platform {}: {}",
                        go_quote(p),
                        INVALID
                    ));
                }
            }
        }
        if s.network_mode.as_deref().is_some_and(|m| !m.is_empty()) && !s.networks.is_empty() {
            return Err(format!(
                "service {} declares mutually exclusive `network_mode` and `networks`: {}",
                name, INVALID
            ));
        }
        for network in s.networks.keys() {
            if !project.networks.contains_key(network) {
                return Err(format!(
                    "service {} refers to undefined network {}: {}",
                    q, network, INVALID
                ));
            }
        }
        if let Some(h) = &s.healthcheck {
            if let Some(first) = h.test.first() {
                if !matches!(first.as_str(), "CMD" | "CMD-SHELL" | "NONE") {
                    return Err(
                        "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\""
                            .into(),
                    );
                }
            }
        }
        for (dep, cfg) in &s.depends_on {
            if !project.services.contains_key(dep) {
                if project.disabled_services.contains_key(dep) && !cfg.required {
                    continue;
                }
                return Err(format!(
                    "service {} depends on undefined service {}: {}",
                    q,
                    go_quote(dep),
                    INVALID
                ));
            }
        }
        if let Some(target) = s
            .network_mode
            .as_deref()
            .and_then(|m| m.strip_prefix("service:"))
        {
            if !project.services.contains_key(target) {
                return Err(format!(
                    "service {} not found for network_mode 'service:{}'",
                    go_quote(target),
                    target
                ));
            }
        }
        for v in &s.volumes {
            if v.kind == VolumeType::Volume {
                if let Some(src) = v.source.as_deref().filter(|s| !s.is_empty()) {
                    if !project.volumes.contains_key(src) {
                        return Err(format!(
                            "service {} refers to undefined volume {}: {}",
                            q, src, INVALID
                        ));
                    }
                }
            }
        }
        if let Some(b) = &s.build {
            for sec in &b.secrets {
                if !project.secrets.contains_key(&sec.source) {
                    return Err(format!(
                        "service {} refers to undefined build secret {}: {}",
                        q, sec.source, INVALID
                    ));
                }
            }
        }
        for c in &s.configs {
            if !project.configs.contains_key(&c.source) {
                return Err(format!(
                    "service {} refers to undefined config {}: {}",
                    q, c.source, INVALID
                ));
            }
        }
        for sec in &s.secrets {
            if !project.secrets.contains_key(&sec.source) {
                return Err(format!(
                    "service {} refers to undefined secret {}: {}",
                    q, sec.source, INVALID
                ));
            }
        }
        let replicas = s.deploy.as_ref().and_then(|d| d.replicas);
        if let (Some(scale), Some(r)) = (s.scale, replicas) {
            if scale != r {
                return Err(format!(
                    "services.{}: can't set distinct values on 'scale' and 'deploy.replicas': {}",
                    name, INVALID
                ));
            }
        }
        if s.scale.is_some_and(|x| x < 0) {
            return Err(format!(
                "services.{}.scale: must be greater than or equal to 0",
                name
            ));
        }
        if replicas.is_some_and(|x| x < 0) {
            return Err(format!(
                "services.{}.deploy.replicas: must be greater than or equal to 0",
                name
            ));
        }
        let limits = s.deploy.as_ref().and_then(|d| d.resources.limits.as_ref());
        if let (Some(cpus), Some(l)) = (s.cpus.filter(|c| *c != 0.0), limits) {
            if l.cpus.unwrap_or(0.0) != cpus {
                return Err(format!(
                    "services.{}: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': {}",
                    name, INVALID
                ));
            }
        }
        if let (Some(mem), Some(l)) = (s.mem_limit.filter(|m| *m != 0), limits) {
            if l.memory.unwrap_or(0) != mem {
                return Err(format!(
                    "services.{}: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory': {}",
                    name, INVALID
                ));
            }
        }
        if s.get_scale() > 1 && s.container_name.as_deref().is_some_and(|c| !c.is_empty()) {
            let attr = if s.scale.is_none() {
                "deploy.replicas"
            } else {
                "scale"
            };
            // compose-go swaps the two arguments of this message; reproduced as printed
            return Err(format!(
                "services.{}: can't set container_name and {} as container name must be unique: {}",
                attr, name, INVALID
            ));
        }
        let mut mounts: Vec<(String, String)> = Vec::new();
        for (i, t) in s.tmpfs.iter().enumerate() {
            let loc = format!("services.{}.tmpfs[{}]", name, i);
            let path = t.split(':').next().unwrap_or("").to_string();
            if let Some((_, p)) = mounts.iter().find(|(m, _)| *m == path) {
                return Err(format!("{}: target {} already mounted as {}", loc, path, p));
            }
            mounts.push((path, loc));
        }
        for (i, v) in s.volumes.iter().enumerate() {
            let loc = format!("services.{}.volumes[{}]", name, i);
            if let Some((_, p)) = mounts.iter().find(|(m, _)| *m == v.target) {
                return Err(format!(
                    "{}: target {} already mounted as {}",
                    loc, v.target, p
                ));
            }
            mounts.push((v.target.clone(), loc));
        }
    }
    for (name, secret) in &project.secrets {
        if secret.external {
            continue;
        }
        if secret.file.as_deref().unwrap_or("").is_empty()
            && secret.environment.as_deref().unwrap_or("").is_empty()
        {
            return Err(format!(
                "secret {} must declare either `file` or `environment`: {}",
                go_quote(name),
                INVALID
            ));
        }
    }
    crate::graph::check_cycle(project)
}
