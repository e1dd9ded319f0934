//! Evaluation of checks against the simulated machine. Read-only: a check
//! looks at the daemon's state (`Host::world`), its history (events, the
//! last build record, logs) and the host's files; it never changes anything.

use baleine_engine::containers::container_view;
use baleine_engine::model::{Container, Image, Status};
use baleine_engine::network::{Connect, Resolution};
use baleine_engine::util::human_size;
use baleine_engine::World;
use baleine_host::{Host, PROJECT};
use baleine_vfs::{normalize, view_node, Content, Node};

use crate::model::*;
use crate::parse::parse_published;

fn pass(fr: impl Into<String>, en: impl Into<String>) -> CheckResult {
    CheckResult { pass: true, detail: Text::new(fr, en) }
}

fn fail(fr: impl Into<String>, en: impl Into<String>) -> CheckResult {
    CheckResult { pass: false, detail: Text::new(fr, en) }
}

fn no_container(name: &str) -> CheckResult {
    fail(format!("Il n'y a pas de conteneur nommé « {name} »."), format!("There is no container named \"{name}\"."))
}

fn no_image(name: &str) -> CheckResult {
    fail(format!("Il n'y a pas d'image locale « {name} »."), format!("There is no local image \"{name}\"."))
}

fn mb(bytes: u64) -> String {
    human_size(bytes)
}

fn text_of(node: &Node) -> Option<String> {
    match node {
        Node::File(f) => match &f.content {
            Content::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            Content::Opaque { .. } => Some(String::new()),
        },
        _ => None,
    }
}

fn is_root_user(user: &str) -> bool {
    let u = user.split(':').next().unwrap_or("").trim();
    u.is_empty() || u == "root" || u == "0"
}

fn container<'w>(w: &'w World, name: &str) -> Option<&'w Container> {
    w.container(name).ok()
}

fn image<'w>(w: &'w World, name: &str) -> Option<&'w Image> {
    w.image(name).ok()
}

/// Checks one predicate against the machine. Never changes it.
pub fn check(host: &Host, c: &Check) -> CheckResult {
    let w = host.world();
    match c {
        Check::ImageExists { name, max_size_mb, min_size_mb, max_layers, min_stages, non_root_user, user } => {
            let Some(img) = image(w, name) else { return no_image(name) };
            let size = w.image_size(img);
            let size_mb = size as f64 / 1e6;
            if let Some(max) = max_size_mb {
                if size_mb > *max {
                    return fail(format!("L'image « {name} » pèse {} : plus que les {max} Mo visés.", mb(size)), format!("Image \"{name}\" is {}: more than the {max} MB aimed at.", mb(size)));
                }
            }
            if let Some(min) = min_size_mb {
                if size_mb < *min {
                    return fail(format!("L'image « {name} » pèse {} : moins que {min} Mo.", mb(size)), format!("Image \"{name}\" is {}: less than {min} MB.", mb(size)));
                }
            }
            if let Some(max) = max_layers {
                if img.layers.len() > *max as usize {
                    return fail(
                        format!("L'image « {name} » a {} couches (au plus {max} attendues) : regroupez les RUN.", img.layers.len()),
                        format!("Image \"{name}\" has {} layers (at most {max} expected): combine the RUN instructions.", img.layers.len()),
                    );
                }
            }
            if let Some(n) = min_stages {
                match stages_of_last_build_for(w, &img.id) {
                    None => return fail(format!("La dernière construction n'a pas produit « {name} » : reconstruisez-la."), format!("The last build did not produce \"{name}\": build it again.")),
                    Some(s) if s < *n as usize => {
                        return fail(
                            format!("« {name} » a été construite en {s} étape(s) (stage) ; au moins {n} attendues (multi-stage)."),
                            format!("\"{name}\" was built from {s} stage(s); at least {n} expected (multi-stage)."),
                        )
                    }
                    Some(_) => {}
                }
            }
            let cfg_user = img.config.user.as_str();
            if non_root_user == &Some(true) && is_root_user(cfg_user) {
                let shown = if cfg_user.is_empty() { "root (aucune instruction USER)".to_string() } else { cfg_user.to_string() };
                let shown_en = if cfg_user.is_empty() { "root (no USER instruction)".to_string() } else { cfg_user.to_string() };
                return fail(
                    format!("L'image « {name} » s'exécute en tant que {shown} : ajoutez USER avec un utilisateur non root."),
                    format!("Image \"{name}\" runs as {shown_en}: add USER with a non-root user."),
                );
            }
            if non_root_user == &Some(false) && !is_root_user(cfg_user) {
                return fail(format!("L'image « {name} » s'exécute en tant que {cfg_user}, pas root."), format!("Image \"{name}\" runs as {cfg_user}, not root."));
            }
            if let Some(u) = user {
                if cfg_user != u {
                    return fail(format!("L'utilisateur de l'image « {name} » est « {cfg_user} », pas « {u} »."), format!("Image \"{name}\" user is \"{cfg_user}\", not \"{u}\"."));
                }
            }
            pass(format!("L'image « {name} » existe ({}, {} couches).", mb(size), img.layers.len()), format!("Image \"{name}\" exists ({}, {} layers).", mb(size), img.layers.len()))
        }
        Check::ImageSmallerThan { image: a, other: b, factor } => {
            let Some(ia) = image(w, a) else { return no_image(a) };
            let Some(ib) = image(w, b) else { return no_image(b) };
            let (sa, sb) = (w.image_size(ia), w.image_size(ib));
            let ratio = if sa == 0 { f64::INFINITY } else { sb as f64 / sa as f64 };
            let ratio_s = if ratio.is_finite() { format!("{ratio:.1}") } else { "∞".into() };
            if (sa as f64) * factor <= sb as f64 {
                pass(format!("« {a} » ({}) est {ratio_s} fois plus petite que « {b} » ({}).", mb(sa), mb(sb)), format!("\"{a}\" ({}) is {ratio_s} times smaller than \"{b}\" ({}).", mb(sa), mb(sb)))
            } else {
                fail(
                    format!("« {a} » ({}) n'est que {ratio_s} fois plus petite que « {b} » ({}) ; au moins {factor} fois attendu.", mb(sa), mb(sb)),
                    format!("\"{a}\" ({}) is only {ratio_s} times smaller than \"{b}\" ({}); at least {factor} times expected.", mb(sa), mb(sb)),
                )
            }
        }
        Check::FileInImage { image: name, path, contains, absent } => {
            let Some(img) = image(w, name) else { return no_image(name) };
            let node = img.rootfs.get(path);
            file_result(node.as_ref(), path, contains.as_deref(), *absent, &format!("l'image « {name} »"), &format!("image \"{name}\""))
        }
        Check::DockerignoreRespected { image: name, context } => dockerignore(w, name, context),
        Check::LastBuild { image: want, ok, cache_hit_step_contains, cache_miss_step_contains, min_stages } => {
            let Some(rec) = w.build.view() else { return fail("Aucune construction (docker build) n'a encore eu lieu.", "No build (docker build) has run yet.") };
            if rec.ok != *ok {
                return if rec.ok {
                    fail("La dernière construction a réussi (un échec était attendu).", "The last build succeeded (a failure was expected).")
                } else {
                    let err = rec.steps.iter().find_map(|s| s.error.clone()).unwrap_or_default();
                    fail(format!("La dernière construction a échoué. {err}"), format!("The last build failed. {err}"))
                };
            }
            if let Some(want) = want {
                let want_id = w.image_id(want);
                let produced = rec.tags.iter().any(|t| t == want || (want_id.is_some() && w.image_id(t) == want_id));
                if !produced {
                    return fail(
                        format!("La dernière construction n'a pas produit « {want} » (étiquettes : {}).", rec.tags.join(", ")),
                        format!("The last build did not produce \"{want}\" (tags: {}).", rec.tags.join(", ")),
                    );
                }
            }
            if let Some(t) = cache_hit_step_contains {
                let steps: Vec<_> = rec.steps.iter().filter(|s| s.name.contains(t.as_str())).collect();
                if steps.is_empty() {
                    return fail(format!("La dernière construction n'a pas d'étape contenant « {t} »."), format!("The last build has no step containing \"{t}\"."));
                }
                if !steps.iter().any(|s| s.cached) {
                    let why = steps.iter().find_map(|s| s.reason.clone()).unwrap_or_default();
                    return fail(format!("L'étape « {} » n'a pas profité du cache. Pourquoi : {why}", steps[0].name), format!("Step \"{}\" did not hit the cache. Why: {why}", steps[0].name));
                }
            }
            if let Some(t) = cache_miss_step_contains {
                let steps: Vec<_> = rec.steps.iter().filter(|s| s.name.contains(t.as_str())).collect();
                if steps.is_empty() {
                    return fail(format!("La dernière construction n'a pas d'étape contenant « {t} »."), format!("The last build has no step containing \"{t}\"."));
                }
                if steps.iter().all(|s| s.cached) {
                    return fail(
                        format!("L'étape « {} » est venue du cache ; elle devait être exécutée à nouveau.", steps[0].name),
                        format!("Step \"{}\" came from the cache; it was expected to run again.", steps[0].name),
                    );
                }
            }
            let stages = rec.stages.iter().filter(|s| !s.skipped).count();
            if let Some(n) = min_stages {
                if stages < *n as usize {
                    return fail(
                        format!("La dernière construction a utilisé {stages} étape(s) (stage) ; au moins {n} attendues."),
                        format!("The last build used {stages} stage(s); at least {n} expected."),
                    );
                }
            }
            let cached = rec.steps.iter().filter(|s| s.cached).count();
            pass(format!("Dernière construction : {} étapes, {cached} depuis le cache.", rec.steps.len()), format!("Last build: {} steps, {cached} from the cache.", rec.steps.len()))
        }
        Check::ContainerExists { name } => match container(w, name) {
            Some(c) => pass(format!("Le conteneur « {name} » existe ({}).", c.state.status.as_str()), format!("Container \"{name}\" exists ({}).", c.state.status.as_str())),
            None => no_container(name),
        },
        Check::ContainerRunning { name, published, health, image: want_image } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            if c.state.status != Status::Running {
                let st = c.state.status.as_str();
                let extra = if c.state.status == Status::Exited { format!(" (code {})", c.state.exit_code) } else { String::new() };
                return fail(format!("Le conteneur « {name} » n'est pas en marche : {st}{extra}."), format!("Container \"{name}\" is not running: {st}{extra}."));
            }
            if let Some(p) = published {
                if let Some((ip, hp, cp, proto)) = parse_published(p) {
                    let found = c
                        .ports
                        .iter()
                        .any(|b| b.host_port == hp && b.container_port == cp && b.proto == proto && ip.as_ref().is_none_or(|ip| b.host_ip == *ip || (ip == "0.0.0.0" && b.host_ip.is_empty())));
                    if !found {
                        let have: Vec<String> = c.ports.iter().filter(|b| b.host_port != 0).map(|b| format!("{}:{}", b.host_port, b.container_port)).collect();
                        let have_s = if have.is_empty() { "aucun".to_string() } else { have.join(", ") };
                        let have_en = if have.is_empty() { "none".to_string() } else { have.join(", ") };
                        return fail(format!("Le conteneur « {name} » ne publie pas {p} (ports publiés : {have_s})."), format!("Container \"{name}\" does not publish {p} (published: {have_en})."));
                    }
                }
            }
            if let Some(h) = health {
                let cur = c.state.health.as_ref().map(|h| h.status.clone());
                if cur.as_deref() != Some(h.as_str()) {
                    let cur_s = cur.unwrap_or_else(|| "aucun healthcheck".into());
                    return fail(
                        format!("Le conteneur « {name} » tourne mais son état de santé est « {cur_s} » (attendu : {h})."),
                        format!("Container \"{name}\" runs but its health is \"{cur_s}\" (expected: {h})."),
                    );
                }
            }
            if let Some(i) = want_image {
                let same = c.spec.image == *i || (w.image_id(i).is_some() && w.image_id(i).as_deref() == Some(c.image_id.as_str()));
                if !same {
                    return fail(format!("Le conteneur « {name} » utilise l'image « {} », pas « {i} ».", c.spec.image), format!("Container \"{name}\" uses image \"{}\", not \"{i}\".", c.spec.image));
                }
            }
            pass(format!("Le conteneur « {name} » est en marche."), format!("Container \"{name}\" is running."))
        }
        Check::ContainerState { name, state } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let st = c.state.status.as_str();
            if st == state {
                pass(format!("Le conteneur « {name} » est dans l'état {st}."), format!("Container \"{name}\" is {st}."))
            } else {
                fail(format!("Le conteneur « {name} » est dans l'état {st} (attendu : {state})."), format!("Container \"{name}\" is {st} (expected: {state})."))
            }
        }
        Check::ContainerExitCode { name, code } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            if c.state.status != Status::Exited {
                return fail(format!("Le conteneur « {name} » ne s'est pas arrêté ({}).", c.state.status.as_str()), format!("Container \"{name}\" has not exited ({}).", c.state.status.as_str()));
            }
            if c.state.exit_code == *code {
                pass(format!("Le conteneur « {name} » s'est arrêté avec le code {code}."), format!("Container \"{name}\" exited with code {code}."))
            } else {
                fail(
                    format!("Le conteneur « {name} » s'est arrêté avec le code {} (attendu : {code}).", c.state.exit_code),
                    format!("Container \"{name}\" exited with code {} (expected: {code}).", c.state.exit_code),
                )
            }
        }
        Check::ContainerHealth { name, status } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            match c.state.health.as_ref().map(|h| h.status.as_str()) {
                Some(s) if s == status && c.is_running() => pass(format!("Le conteneur « {name} » est {s}."), format!("Container \"{name}\" is {s}.")),
                Some(s) => fail(format!("Le conteneur « {name} » est {s} (attendu : {status})."), format!("Container \"{name}\" is {s} (expected: {status}).")),
                None => fail(format!("Le conteneur « {name} » n'a pas de healthcheck."), format!("Container \"{name}\" has no healthcheck.")),
            }
        }
        Check::ContainerUser { name, user, non_root } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let u = if c.user.is_empty() { c.spec.user.clone().unwrap_or_default() } else { c.user.clone() };
            let shown = if u.is_empty() { "root".to_string() } else { u.clone() };
            if let Some(want) = user {
                if &u != want {
                    return fail(format!("Le conteneur « {name} » s'exécute en tant que {shown} (attendu : {want})."), format!("Container \"{name}\" runs as {shown} (expected: {want})."));
                }
            }
            if let Some(nr) = non_root {
                if *nr == is_root_user(&u) {
                    return fail(format!("Le conteneur « {name} » s'exécute en tant que {shown}."), format!("Container \"{name}\" runs as {shown}."));
                }
            }
            pass(format!("Le conteneur « {name} » s'exécute en tant que {shown}."), format!("Container \"{name}\" runs as {shown}."))
        }
        Check::RestartPolicy { container: name, policy, max_retries } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let cur = if c.spec.restart.name.is_empty() { "no" } else { c.spec.restart.name.as_str() };
            if cur != policy {
                return fail(format!("La politique de redémarrage de « {name} » est « {cur} » (attendue : {policy})."), format!("The restart policy of \"{name}\" is \"{cur}\" (expected: {policy})."));
            }
            if let Some(m) = max_retries {
                if c.spec.restart.max_retries != *m {
                    return fail(
                        format!("« {name} » : {policy} avec {} tentatives au plus (attendu : {m}).", c.spec.restart.max_retries),
                        format!("\"{name}\": {policy} with at most {} retries (expected: {m}).", c.spec.restart.max_retries),
                    );
                }
            }
            pass(format!("« {name} » redémarre selon la politique {policy}."), format!("\"{name}\" restarts with policy {policy}."))
        }
        Check::RestartCount { container: name, min } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            if c.restart_count >= *min {
                pass(format!("« {name} » a redémarré {} fois.", c.restart_count), format!("\"{name}\" restarted {} times.", c.restart_count))
            } else {
                fail(format!("« {name} » a redémarré {} fois (au moins {min} attendu).", c.restart_count), format!("\"{name}\" restarted {} times (at least {min} expected).", c.restart_count))
            }
        }
        Check::MemoryLimit { container: name, bytes } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let cur = c.spec.memory;
            if cur == *bytes {
                pass(format!("« {name} » est limité à {} de mémoire.", bytes_text(cur)), format!("\"{name}\" is limited to {} of memory.", bytes_text(cur)))
            } else if cur == 0 {
                fail(format!("« {name} » n'a pas de limite de mémoire (attendu : {}).", bytes_text(*bytes)), format!("\"{name}\" has no memory limit (expected: {}).", bytes_text(*bytes)))
            } else {
                fail(
                    format!("« {name} » est limité à {} de mémoire (attendu : {}).", bytes_text(cur), bytes_text(*bytes)),
                    format!("\"{name}\" is limited to {} of memory (expected: {}).", bytes_text(cur), bytes_text(*bytes)),
                )
            }
        }
        Check::CpuLimit { container: name, cpus } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let cur = c.spec.nano_cpus as f64 / 1e9;
            if c.spec.nano_cpus > 0 && (cur - cpus).abs() < 1e-6 {
                pass(format!("« {name} » est limité à {cur} CPU."), format!("\"{name}\" is limited to {cur} CPUs."))
            } else if c.spec.nano_cpus == 0 {
                fail(format!("« {name} » n'a pas de limite de CPU (attendu : {cpus})."), format!("\"{name}\" has no CPU limit (expected: {cpus})."))
            } else {
                fail(format!("« {name} » est limité à {cur} CPU (attendu : {cpus})."), format!("\"{name}\" is limited to {cur} CPUs (expected: {cpus})."))
            }
        }
        Check::Env { container: name, key, value } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let cur = c.env.iter().find_map(|e| e.split_once('=').filter(|(k, _)| k == key).map(|(_, v)| v.to_string()));
            match (cur, value) {
                (None, _) => fail(format!("La variable {key} n'est pas définie dans « {name} »."), format!("Variable {key} is not set in \"{name}\".")),
                (Some(v), Some(want)) if &v != want => fail(format!("Dans « {name} », {key}={v} (attendu : {want})."), format!("In \"{name}\", {key}={v} (expected: {want}).")),
                (Some(v), _) => pass(format!("Dans « {name} », {key}={v}."), format!("In \"{name}\", {key}={v}.")),
            }
        }
        Check::LogConfig { container: name, driver, options } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let cur = c.spec.log_driver.clone().unwrap_or_else(|| "json-file".into());
            if let Some(d) = driver {
                if &cur != d {
                    return fail(format!("« {name} » journalise avec le pilote {cur} (attendu : {d})."), format!("\"{name}\" logs with driver {cur} (expected: {d})."));
                }
            }
            for (k, v) in options {
                match c.spec.log_opts.get(k) {
                    Some(have) if have == v => {}
                    Some(have) => return fail(format!("« {name} » : option de journalisation {k}={have} (attendu : {v})."), format!("\"{name}\": log option {k}={have} (expected: {v}).")),
                    None => return fail(format!("« {name} » n'a pas l'option de journalisation {k}."), format!("\"{name}\" has no log option {k}.")),
                }
            }
            pass(format!("« {name} » journalise avec {cur}."), format!("\"{name}\" logs with {cur}."))
        }
        Check::LogsContain { container: name, text } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            if w.logs_until_now(&c.id).iter().any(|l| l.line.contains(text.as_str())) {
                pass(format!("Les journaux de « {name} » contiennent « {text} »."), format!("The logs of \"{name}\" contain \"{text}\"."))
            } else {
                fail(format!("Les journaux de « {name} » ne contiennent pas « {text} »."), format!("The logs of \"{name}\" do not contain \"{text}\"."))
            }
        }
        Check::FileInContainer { container: name, path, contains, absent } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let node = view_node(&w.forest, &container_view(c), path).ok();
            file_result(node.as_ref(), path, contains.as_deref(), *absent, &format!("le conteneur « {name} »"), &format!("container \"{name}\""))
        }
        Check::Mount { container: name, target, mount_type: kind, source, read_only } => {
            let Some(c) = container(w, name) else { return no_container(name) };
            let Some(m) = c.mounts.iter().find(|m| m.destination.trim_end_matches('/') == target.trim_end_matches('/')) else {
                return fail(format!("Rien n'est monté sur {target} dans « {name} »."), format!("Nothing is mounted at {target} in \"{name}\"."));
            };
            if let Some(k) = kind {
                if &m.kind != k {
                    return fail(format!("{target} dans « {name} » est un montage {} (attendu : {k}).", m.kind), format!("{target} in \"{name}\" is a {} mount (expected: {k}).", m.kind));
                }
            }
            let src = if m.kind == "volume" { m.name.clone() } else { m.source.clone() };
            if let Some(s) = source {
                let ok = &src == s || (m.kind == "bind" && src == normalize(PROJECT, s));
                if !ok {
                    return fail(format!("{target} dans « {name} » vient de « {src} » (attendu : {s})."), format!("{target} in \"{name}\" comes from \"{src}\" (expected: {s})."));
                }
            }
            if let Some(ro) = read_only {
                if *ro == m.rw {
                    let s = if m.rw { "en lecture-écriture" } else { "en lecture seule" };
                    let e = if m.rw { "read-write" } else { "read-only" };
                    return fail(format!("{target} dans « {name} » est monté {s}."), format!("{target} in \"{name}\" is mounted {e}."));
                }
            }
            let anon = m.kind == "volume" && w.volumes.get(&m.name).is_some_and(|v| v.anonymous);
            let src_fr = if anon { "un volume anonyme".to_string() } else { format!("« {src} »") };
            let src_en = if anon { "an anonymous volume".to_string() } else { format!("\"{src}\"") };
            pass(format!("{target} dans « {name} » : montage {} de {src_fr}.", m.kind), format!("{target} in \"{name}\": {} mount of {src_en}.", m.kind))
        }
        Check::NetworkExists { name, driver } => match w.network(name) {
            Ok(n) => match driver {
                Some(d) if &n.driver != d => {
                    fail(format!("Le réseau « {name} » utilise le pilote {} (attendu : {d}).", n.driver), format!("Network \"{name}\" uses driver {} (expected: {d}).", n.driver))
                }
                _ => pass(format!("Le réseau « {name} » existe (pilote {}).", n.driver), format!("Network \"{name}\" exists (driver {}).", n.driver)),
            },
            Err(_) => fail(format!("Il n'y a pas de réseau « {name} »."), format!("There is no network \"{name}\".")),
        },
        Check::SameNetwork { a, b, user_defined, network } => {
            let Some(ca) = container(w, a) else { return no_container(a) };
            let Some(cb) = container(w, b) else { return no_container(b) };
            let nets_of = |c: &Container| -> Vec<String> { c.endpoints.iter().filter(|(_, e)| e.ip != 0).filter_map(|(nid, _)| w.networks.get(nid).map(|n| n.name.clone())).collect() };
            let shared: Vec<String> = ca
                .endpoints
                .iter()
                .filter(|(nid, e)| e.ip != 0 && cb.endpoints.get(*nid).is_some_and(|f| f.ip != 0))
                .filter_map(|(nid, _)| w.networks.get(nid))
                .filter(|n| !*user_defined || (!n.is_default_bridge && !n.builtin))
                .filter(|n| network.as_ref().is_none_or(|want| &n.name == want))
                .map(|n| n.name.clone())
                .collect();
            if shared.is_empty() {
                let (na, nb) = (nets_of(ca).join(", "), nets_of(cb).join(", "));
                let kind_fr = if *user_defined { " défini par l'utilisateur" } else { "" };
                let kind_en = if *user_defined { " user-defined" } else { "" };
                fail(
                    format!("« {a} » et « {b} » ne partagent aucun réseau{kind_fr} ({a} : {}, {b} : {}).", if na.is_empty() { "aucun" } else { &na }, if nb.is_empty() { "aucun" } else { &nb }),
                    format!("\"{a}\" and \"{b}\" share no{kind_en} network ({a}: {}, {b}: {}).", if na.is_empty() { "none" } else { &na }, if nb.is_empty() { "none" } else { &nb }),
                )
            } else {
                pass(format!("« {a} » et « {b} » partagent le réseau {}.", shared.join(", ")), format!("\"{a}\" and \"{b}\" share network {}.", shared.join(", ")))
            }
        }
        Check::Resolves { from, name } => {
            let Some(c) = container(w, from) else { return no_container(from) };
            if !c.is_running() {
                return fail(format!("« {from} » n'est pas en marche : un conteneur arrêté ne résout aucun nom."), format!("\"{from}\" is not running: a stopped container resolves nothing."));
            }
            match w.resolve_from(Some(&c.id), name) {
                Resolution::Ip(ip) => {
                    let ip = baleine_engine::model::ip_to_string(ip);
                    pass(format!("Depuis « {from} », « {name} » se résout en {ip}."), format!("From \"{from}\", \"{name}\" resolves to {ip}."))
                }
                _ => {
                    let why = host.reach(from, name).explanation;
                    fail(format!("Depuis « {from} », « {name} » ne se résout pas. ({why})"), format!("From \"{from}\", \"{name}\" does not resolve. ({why})"))
                }
            }
        }
        Check::Reaches { from, to, port } => {
            let Some(c) = container(w, from) else { return no_container(from) };
            let r = host.reach(from, to);
            let Some(port) = port else {
                return if r.connects {
                    pass(format!("« {from} » atteint « {to} ». ({})", r.explanation), format!("\"{from}\" reaches \"{to}\". ({})", r.explanation))
                } else {
                    fail(format!("« {from} » n'atteint pas « {to} ». ({})", r.explanation), format!("\"{from}\" does not reach \"{to}\". ({})", r.explanation))
                };
            };
            if !c.is_running() {
                return fail(format!("« {from} » n'est pas en marche."), format!("\"{from}\" is not running."));
            }
            let ip = match w.resolve_from(Some(&c.id), to) {
                Resolution::Ip(ip) => ip,
                _ => return fail(format!("Depuis « {from} », « {to} » ne se résout pas. ({})", r.explanation), format!("From \"{from}\", \"{to}\" does not resolve. ({})", r.explanation)),
            };
            match w.connect(Some(&c.id), ip, *port) {
                Connect::Open { program, .. } => pass(format!("« {from} » se connecte à {to}:{port} ({program})."), format!("\"{from}\" connects to {to}:{port} ({program}).")),
                Connect::Refused => fail(
                    format!("« {from} » atteint « {to} » mais rien n'écoute sur le port {port} (connexion refusée)."),
                    format!("\"{from}\" reaches \"{to}\" but nothing listens on port {port} (connection refused)."),
                ),
                Connect::Unreachable => {
                    fail(format!("« {from} » ne peut pas joindre {to}:{port} (pas de route). ({})", r.explanation), format!("\"{from}\" cannot reach {to}:{port} (no route). ({})", r.explanation))
                }
            }
        }
        Check::Http { from, url, status, body_contains } => {
            let Some(u) = baleine_engine::http::parse_url(url) else { return fail(format!("URL invalide : {url}"), format!("Invalid URL: {url}")) };
            let from_id = match from {
                Some(f) => match container(w, f) {
                    Some(c) => Some(c.id.clone()),
                    None => return no_container(f),
                },
                None => None,
            };
            let who_fr = from.as_ref().map(|f| format!("depuis « {f} »")).unwrap_or_else(|| "depuis l'hôte".into());
            let who_en = from.as_ref().map(|f| format!("from \"{f}\"")).unwrap_or_else(|| "from the host".into());
            match w.http_get(from_id.as_deref(), &u) {
                Ok(resp) => {
                    if resp.status != *status {
                        return fail(
                            format!("GET {url} {who_fr} répond {} {} (attendu : {status}).", resp.status, resp.reason),
                            format!("GET {url} {who_en} answers {} {} (expected: {status}).", resp.status, resp.reason),
                        );
                    }
                    if let Some(t) = body_contains {
                        if !resp.body.contains(t.as_str()) {
                            let body: String = resp.body.chars().take(120).collect();
                            return fail(format!("GET {url} {who_fr} répond, mais sans « {t} » : {body}"), format!("GET {url} {who_en} answers, but without \"{t}\": {body}"));
                        }
                    }
                    pass(format!("GET {url} {who_fr} répond {} {}.", resp.status, resp.reason), format!("GET {url} {who_en} answers {} {}.", resp.status, resp.reason))
                }
                Err(e) => {
                    let (fr, en) = match e {
                        baleine_engine::http::HttpError::Resolve(_) => ("le nom ne se résout pas", "the name does not resolve"),
                        baleine_engine::http::HttpError::Refused(_) => ("connexion refusée : rien n'écoute sur ce port", "connection refused: nothing listens on that port"),
                        baleine_engine::http::HttpError::Unreachable(_) => ("pas de route jusqu'à cette adresse", "no route to that address"),
                        baleine_engine::http::HttpError::EmptyReply(_) => ("ce n'est pas un serveur HTTP (réponse vide)", "not an HTTP server (empty reply)"),
                    };
                    fail(format!("GET {url} {who_fr} échoue : {fr}."), format!("GET {url} {who_en} fails: {en}."))
                }
            }
        }
        Check::VolumeExists { name } => match w.volumes.get(name) {
            Some(_) => pass(format!("Le volume « {name} » existe ({}).", mb(w.volume_size(name))), format!("Volume \"{name}\" exists ({}).", mb(w.volume_size(name)))),
            None => fail(format!("Il n'y a pas de volume « {name} »."), format!("There is no volume \"{name}\".")),
        },
        Check::VolumeContains { name, path, contains } => {
            let Some(v) = w.volumes.get(name) else { return fail(format!("Il n'y a pas de volume « {name} »."), format!("There is no volume \"{name}\".")) };
            let node = w.forest.tree(v.tree).get(path);
            file_result(node.as_ref(), path, contains.as_deref(), false, &format!("le volume « {name} »"), &format!("volume \"{name}\""))
        }
        Check::VolumeSurvives { volume, container: name } => {
            let Some(v) = w.volumes.get(volume) else {
                return fail(format!("Il n'y a pas de volume « {volume} » : il a été supprimé."), format!("There is no volume \"{volume}\": it was removed."));
            };
            let removed = w.events.iter().any(|e| e.kind == "container" && e.action == "destroy" && e.actor == *name);
            if !removed {
                return fail(format!("Le conteneur « {name} » n'a pas encore été supprimé (docker rm)."), format!("Container \"{name}\" has not been removed yet (docker rm)."));
            }
            let files = w.forest.tree(v.tree).walk("/").into_iter().filter(|(_, n)| !n.is_dir()).count();
            if files == 0 {
                return fail(format!("Le volume « {volume} » existe mais il est vide."), format!("Volume \"{volume}\" exists but is empty."));
            }
            pass(format!("« {name} » a été supprimé, le volume « {volume} » garde ses {files} fichier(s)."), format!("\"{name}\" was removed; volume \"{volume}\" keeps its {files} file(s)."))
        }
        Check::ComposeService { service, project, state, health } => {
            let cs: Vec<&Container> = w
                .containers
                .values()
                .filter(|c| c.label("com.docker.compose.service") == Some(service.as_str()) && c.label("com.docker.compose.oneoff") != Some("True"))
                .filter(|c| project.as_ref().is_none_or(|p| c.label("com.docker.compose.project") == Some(p.as_str())))
                .collect();
            if cs.is_empty() {
                return fail(format!("Aucun conteneur du service compose « {service} »."), format!("No container of compose service \"{service}\"."));
            }
            let ok = cs.iter().any(|c| c.state.status.as_str() == state && health.as_ref().is_none_or(|h| c.state.health.as_ref().is_some_and(|x| &x.status == h)));
            let c = cs[0];
            let cur = match &c.state.health {
                Some(h) => format!("{} ({})", c.state.status.as_str(), h.status),
                None => c.state.status.as_str().to_string(),
            };
            let want = match health {
                Some(h) => format!("{state} ({h})"),
                None => state.clone(),
            };
            if ok {
                pass(format!("Le service « {service} » est {cur}."), format!("Service \"{service}\" is {cur}."))
            } else {
                fail(format!("Le service « {service} » est {cur} (attendu : {want})."), format!("Service \"{service}\" is {cur} (expected: {want})."))
            }
        }
        Check::ComposeStartedAfterHealthy { service, dependency, project } => {
            let view = host.view();
            let find = |name: &str| view.compose.iter().filter(|p| project.as_ref().is_none_or(|x| &p.project == x)).flat_map(|p| p.services.iter()).find(|s| s.name == name).cloned();
            let Some(s) = find(service) else { return fail(format!("Aucun conteneur du service compose « {service} »."), format!("No container of compose service \"{service}\".")) };
            let Some(d) = find(dependency) else { return fail(format!("Aucun conteneur du service compose « {dependency} »."), format!("No container of compose service \"{dependency}\".")) };
            let Some(started) = s.started_ms else { return fail(format!("Le service « {service} » n'a pas démarré."), format!("Service \"{service}\" has not started.")) };
            let Some(healthy) = d.healthy_ms else {
                return fail(
                    format!("Le service « {dependency} » n'a jamais été healthy (a-t-il un healthcheck ?)."),
                    format!("Service \"{dependency}\" was never healthy (does it have a healthcheck?)."),
                );
            };
            if started >= healthy {
                pass(
                    format!("« {service} » a démarré {:.1} s après que « {dependency} » est devenu healthy.", (started - healthy) as f64 / 1000.0),
                    format!("\"{service}\" started {:.1} s after \"{dependency}\" became healthy.", (started - healthy) as f64 / 1000.0),
                )
            } else {
                fail(
                    format!("« {service} » a démarré avant que « {dependency} » ne soit healthy : ajoutez depends_on avec condition: service_healthy."),
                    format!("\"{service}\" started before \"{dependency}\" was healthy: add depends_on with condition: service_healthy."),
                )
            }
        }
        Check::HostFile { path, contains, absent } => {
            let abs = normalize(PROJECT, path);
            let node = w.forest.tree(w.host_tree).get(&abs);
            file_result(node.as_ref(), path, contains.as_deref(), *absent, "l'hôte", "the host")
        }
        Check::Event { object, action, actor } => {
            let found =
                w.events.iter().any(|e| object.as_ref().is_none_or(|o| e.kind == o) && e.action == *action && actor.as_ref().is_none_or(|a| e.actor == *a || e.actor.trim_start_matches('/') == a));
            let who = actor.clone().unwrap_or_default();
            if found {
                pass(format!("L'événement « {action} » {who} a eu lieu."), format!("Event \"{action}\" {who} happened."))
            } else {
                fail(format!("L'événement « {action} » {who} n'a pas eu lieu."), format!("Event \"{action}\" {who} has not happened."))
            }
        }
    }
}

fn bytes_text(b: u64) -> String {
    if b >= 1 << 30 && b % (1 << 30) == 0 {
        format!("{}g", b >> 30)
    } else if b >= 1 << 20 && b % (1 << 20) == 0 {
        format!("{}m", b >> 20)
    } else if b >= 1 << 10 && b % (1 << 10) == 0 {
        format!("{}k", b >> 10)
    } else {
        format!("{b} bytes")
    }
}

/// Number of stages of the last build if it produced image `id`.
fn stages_of_last_build_for(w: &World, id: &str) -> Option<usize> {
    let rec = w.build.view()?;
    if !rec.ok {
        return None;
    }
    if !rec.tags.iter().any(|t| w.image_id(t).as_deref() == Some(id)) {
        return None;
    }
    Some(rec.stages.iter().filter(|s| !s.skipped).count())
}

fn file_result(node: Option<&Node>, path: &str, contains: Option<&str>, absent: bool, where_fr: &str, where_en: &str) -> CheckResult {
    match (node, absent) {
        (None, true) => pass(format!("{path} n'existe pas dans {where_fr}."), format!("{path} does not exist in {where_en}.")),
        (Some(_), true) => fail(format!("{path} existe dans {where_fr} (il ne devrait pas)."), format!("{path} exists in {where_en} (it should not).")),
        (None, false) => fail(format!("{path} n'existe pas dans {where_fr}."), format!("{path} does not exist in {where_en}.")),
        (Some(n), false) => {
            if let Some(t) = contains {
                match text_of(n) {
                    Some(body) if body.contains(t) => pass(format!("{path} dans {where_fr} contient « {t} »."), format!("{path} in {where_en} contains \"{t}\".")),
                    Some(_) => fail(format!("{path} dans {where_fr} ne contient pas « {t} »."), format!("{path} in {where_en} does not contain \"{t}\".")),
                    None => fail(format!("{path} dans {where_fr} est un dossier, pas un fichier."), format!("{path} in {where_en} is a folder, not a file.")),
                }
            } else {
                pass(format!("{path} existe dans {where_fr}."), format!("{path} exists in {where_en}."))
            }
        }
    }
}

/// Files of the context that `.dockerignore` excludes must not be in the image.
fn dockerignore(w: &World, name: &str, context: &str) -> CheckResult {
    use baleine_engine::build_ignore::{read_ignore_file, PatternMatcher};
    let Some(img) = image(w, name) else { return no_image(name) };
    let dir = normalize(PROJECT, context);
    let host = w.forest.tree(w.host_tree);
    let ignore_path = format!("{}/.dockerignore", dir.trim_end_matches('/'));
    let Some(text) = host.get(&ignore_path).as_ref().and_then(text_of) else {
        return fail(format!("Il n'y a pas de fichier .dockerignore dans {context}."), format!("There is no .dockerignore file in {context}."));
    };
    let Ok(pm) = PatternMatcher::new(&read_ignore_file(&text)) else {
        return fail("Le fichier .dockerignore contient un motif invalide.", "The .dockerignore file has an invalid pattern.");
    };
    let prefix = format!("{}/", dir.trim_end_matches('/'));
    let ignored: Vec<(String, Node)> =
        host.walk(&dir).into_iter().filter(|(p, n)| !n.is_dir() && p.starts_with(&prefix)).map(|(p, n)| (p[prefix.len()..].to_string(), n)).filter(|(rel, _)| pm.matches(rel)).collect();
    if ignored.is_empty() {
        return pass(format!("Aucun fichier de {context} n'est exclu par .dockerignore : rien n'a pu fuir."), format!("No file of {context} is excluded by .dockerignore: nothing could leak."));
    }
    let files = img.rootfs.walk("/");
    for (rel, node) in &ignored {
        let suffix = format!("/{rel}");
        let leaked = files.iter().find(|(p, n)| p.ends_with(&suffix) && content_eq(n, node));
        if let Some((p, _)) = leaked {
            return fail(format!("{rel} est exclu par .dockerignore mais se trouve dans l'image « {name} » ({p})."), format!("{rel} is excluded by .dockerignore but is in image \"{name}\" ({p})."));
        }
    }
    pass(
        format!("Aucun des {} fichier(s) exclus par .dockerignore n'est dans « {name} ».", ignored.len()),
        format!("None of the {} file(s) excluded by .dockerignore is in \"{name}\".", ignored.len()),
    )
}

fn content_eq(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::File(x), Node::File(y)) => x.content == y.content,
        _ => false,
    }
}

/// A check with its modifiers (`not`).
pub fn check_step(host: &Host, sc: &StepCheck) -> CheckResult {
    let r = check(host, &sc.check);
    if sc.not {
        CheckResult { pass: !r.pass, detail: r.detail }
    } else {
        r
    }
}

/// What a check asks for, in plain words (for the lesson panel).
pub fn describe(sc: &StepCheck) -> Text {
    if let Some(l) = &sc.label {
        return l.clone();
    }
    let t = describe_check(&sc.check);
    if sc.not {
        Text::new(format!("Faux : {}", t.fr), format!("Not: {}", t.en))
    } else {
        t
    }
}

fn describe_check(c: &Check) -> Text {
    let t = |fr: String, en: String| Text::new(fr, en);
    match c {
        Check::ImageExists { name, max_size_mb, non_root_user, .. } => {
            let mut fr = format!("L'image « {name} » existe");
            let mut en = format!("Image \"{name}\" exists");
            if let Some(m) = max_size_mb {
                fr.push_str(&format!(" et pèse au plus {m} Mo"));
                en.push_str(&format!(" and is at most {m} MB"));
            }
            if non_root_user == &Some(true) {
                fr.push_str(", sans root");
                en.push_str(", not as root");
            }
            t(fr, en)
        }
        Check::ImageSmallerThan { image, other, factor } => {
            t(format!("« {image} » est au moins {factor} fois plus petite que « {other} »"), format!("\"{image}\" is at least {factor} times smaller than \"{other}\""))
        }
        Check::FileInImage { image, path, absent, .. } => {
            if *absent {
                t(format!("{path} n'est pas dans l'image « {image} »"), format!("{path} is not in image \"{image}\""))
            } else {
                t(format!("{path} est dans l'image « {image} »"), format!("{path} is in image \"{image}\""))
            }
        }
        Check::DockerignoreRespected { image, .. } => t(format!("Aucun fichier exclu par .dockerignore n'entre dans « {image} »"), format!("No file excluded by .dockerignore gets into \"{image}\"")),
        Check::LastBuild { cache_hit_step_contains: Some(s), .. } => t(format!("La dernière construction reprend « {s} » du cache"), format!("The last build takes \"{s}\" from the cache")),
        Check::LastBuild { min_stages: Some(n), .. } => t(format!("La dernière construction a au moins {n} étapes (stages)"), format!("The last build has at least {n} stages")),
        Check::LastBuild { ok, .. } => {
            if *ok {
                t("La dernière construction réussit".into(), "The last build succeeds".into())
            } else {
                t("La dernière construction échoue".into(), "The last build fails".into())
            }
        }
        Check::ContainerExists { name } => t(format!("Le conteneur « {name} » existe"), format!("Container \"{name}\" exists")),
        Check::ContainerRunning { name, published, health, .. } => {
            let mut fr = format!("Le conteneur « {name} » tourne");
            let mut en = format!("Container \"{name}\" is running");
            if let Some(p) = published {
                fr.push_str(&format!(" et publie {p}"));
                en.push_str(&format!(" and publishes {p}"));
            }
            if let Some(h) = health {
                fr.push_str(&format!(" ({h})"));
                en.push_str(&format!(" ({h})"));
            }
            t(fr, en)
        }
        Check::ContainerState { name, state } => t(format!("Le conteneur « {name} » est {state}"), format!("Container \"{name}\" is {state}")),
        Check::ContainerExitCode { name, code } => t(format!("Le conteneur « {name} » s'est arrêté avec le code {code}"), format!("Container \"{name}\" exited with code {code}")),
        Check::ContainerHealth { name, status } => t(format!("Le conteneur « {name} » est {status}"), format!("Container \"{name}\" is {status}")),
        Check::ContainerUser { name, .. } => t(format!("Le conteneur « {name} » tourne avec le bon utilisateur"), format!("Container \"{name}\" runs as the right user")),
        Check::RestartPolicy { container, policy, .. } => t(format!("« {container} » a la politique de redémarrage {policy}"), format!("\"{container}\" has restart policy {policy}")),
        Check::RestartCount { container, min } => t(format!("« {container} » a redémarré au moins {min} fois"), format!("\"{container}\" restarted at least {min} times")),
        Check::MemoryLimit { container, bytes } => {
            t(format!("« {container} » est limité à {} de mémoire", bytes_text(*bytes)), format!("\"{container}\" is limited to {} of memory", bytes_text(*bytes)))
        }
        Check::CpuLimit { container, cpus } => t(format!("« {container} » est limité à {cpus} CPU"), format!("\"{container}\" is limited to {cpus} CPUs")),
        Check::Env { container, key, value } => match value {
            Some(v) => t(format!("Dans « {container} », {key}={v}"), format!("In \"{container}\", {key}={v}")),
            None => t(format!("{key} est définie dans « {container} »"), format!("{key} is set in \"{container}\"")),
        },
        Check::LogConfig { container, .. } => t(format!("La journalisation de « {container} » est configurée"), format!("Logging of \"{container}\" is configured")),
        Check::LogsContain { container, text } => t(format!("Les journaux de « {container} » contiennent « {text} »"), format!("The logs of \"{container}\" contain \"{text}\"")),
        Check::FileInContainer { container, path, absent, .. } => {
            if *absent {
                t(format!("{path} n'existe pas dans « {container} »"), format!("{path} does not exist in \"{container}\""))
            } else {
                t(format!("{path} existe dans « {container} »"), format!("{path} exists in \"{container}\""))
            }
        }
        Check::Mount { container, target, .. } => t(format!("Un montage sur {target} dans « {container} »"), format!("A mount at {target} in \"{container}\"")),
        Check::NetworkExists { name, .. } => t(format!("Le réseau « {name} » existe"), format!("Network \"{name}\" exists")),
        Check::SameNetwork { a, b, .. } => t(format!("« {a} » et « {b} » partagent un réseau"), format!("\"{a}\" and \"{b}\" share a network")),
        Check::Resolves { from, name } => t(format!("« {from} » résout le nom « {name} »"), format!("\"{from}\" resolves \"{name}\"")),
        Check::Reaches { from, to, port } => match port {
            Some(p) => t(format!("« {from} » se connecte à {to}:{p}"), format!("\"{from}\" connects to {to}:{p}")),
            None => t(format!("« {from} » atteint « {to} »"), format!("\"{from}\" reaches \"{to}\"")),
        },
        Check::Http { url, .. } => t(format!("{url} répond"), format!("{url} answers")),
        Check::VolumeExists { name } => t(format!("Le volume « {name} » existe"), format!("Volume \"{name}\" exists")),
        Check::VolumeContains { name, path, .. } => t(format!("Le volume « {name} » contient {path}"), format!("Volume \"{name}\" holds {path}")),
        Check::VolumeSurvives { volume, container } => {
            t(format!("Le volume « {volume} » garde ses données après la suppression de « {container} »"), format!("Volume \"{volume}\" keeps its data after \"{container}\" is removed"))
        }
        Check::ComposeService { service, state, health, .. } => t(
            format!("Le service « {service} » est {state}{}", health.as_ref().map(|h| format!(" ({h})")).unwrap_or_default()),
            format!("Service \"{service}\" is {state}{}", health.as_ref().map(|h| format!(" ({h})")).unwrap_or_default()),
        ),
        Check::ComposeStartedAfterHealthy { service, dependency, .. } => {
            t(format!("« {service} » démarre après que « {dependency} » est healthy"), format!("\"{service}\" starts after \"{dependency}\" is healthy"))
        }
        Check::HostFile { path, absent, .. } => {
            if *absent {
                t(format!("{path} n'existe pas sur l'hôte"), format!("{path} does not exist on the host"))
            } else {
                t(format!("{path} existe sur l'hôte"), format!("{path} exists on the host"))
            }
        }
        Check::Event { action, actor, .. } => {
            t(format!("L'événement « {action} » {} a eu lieu", actor.clone().unwrap_or_default()), format!("Event \"{action}\" {} happened", actor.clone().unwrap_or_default()))
        }
    }
}
