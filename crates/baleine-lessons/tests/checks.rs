//! Every check kind, positive and negative, on one small session.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use baleine_host::{Host, HostCommand, HostConfig};
use baleine_lessons::{check, Check};

fn run(h: &mut Host, line: &str) {
    let out = h.run_line(line);
    assert_eq!(h.shell().last_status, 0, "`{line}` failed:\n{out}");
}

fn write(h: &mut Host, path: &str, text: &str) {
    h.execute(HostCommand::WriteFile { path: path.into(), text: text.into() });
}

/// One machine with a bit of everything (built once, shared read-only).
fn session() -> &'static Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    HOST.get_or_init(|| {
        let mut h = Host::new(HostConfig { examples: false, ..HostConfig::default() });
        write(&mut h, "app/package.json", "{ \"name\": \"a\", \"version\": \"1.0.0\", \"dependencies\": { \"express\": \"^4.21.1\" } }\n");
        write(&mut h, "app/server.js", "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('Salut'));\napp.listen(3000);\n");
        write(&mut h, "app/.env", "SECRET=1\n");
        write(&mut h, "app/.dockerignore", ".env\n");
        write(&mut h, "app/Dockerfile", "FROM node:18-alpine AS base\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n\nFROM base\nUSER node\nCMD [\"node\", \"server.js\"]\n");
        write(&mut h, "big/Dockerfile", "FROM node:18\nCMD [\"node\"]\n");
        run(&mut h, "docker build -q -t big:1 big");
        run(&mut h, "docker build -q -t app:1 app");
        run(&mut h, "echo '// v2' >> app/server.js");
        run(&mut h, "docker build -q -t app:1 app");
        run(&mut h, "docker network create net1");
        run(&mut h, "docker volume create vol1");
        run(&mut h, "docker run -d --name web -p 8080:80 --restart unless-stopped --memory 256m --cpus 0.5 --log-opt max-size=10m -e MODE=prod --network net1 -v vol1:/data nginx:alpine");
        run(&mut h, "docker run -d --name client --network net1 alpine sleep 3600");
        run(&mut h, "docker run -d --name lonely alpine sleep 3600");
        run(&mut h, "docker run -d --name node-app -p 3000:3000 -u node app:1");
        h.run_line("docker run --name done alpine sh -c 'echo fini; exit 3'");
        run(&mut h, "docker exec web sh -c 'echo bonjour > /data/f.txt'");
        run(&mut h, "docker run -d --name hc --health-cmd true --health-interval 2s nginx:alpine");
        run(&mut h, "docker run -d --name crash --restart on-failure:2 alpine sh -c 'exit 1'");
        run(&mut h, "docker run -d --name temp -v vol2:/x alpine sh -c 'echo a > /x/a; sleep 3600'");
        run(&mut h, "docker rm -f temp");
        write(&mut h, "stack/compose.yaml", "services:\n  db:\n    image: postgres:15-alpine\n    environment:\n      POSTGRES_PASSWORD: x\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]\n      interval: 2s\n  api:\n    image: nginx:alpine\n    depends_on:\n      db:\n        condition: service_healthy\n");
        run(&mut h, "cd stack && docker compose up -d && cd ..");
        run(&mut h, "echo sauvegarde > backup.txt");
        run(&mut h, "sleep 10");
        h
    })
}

fn yes(c: Check) {
    let r = check(session(), &c);
    assert!(r.pass, "expected to pass: {c:?}\n{}", r.detail.en);
    assert!(!r.detail.fr.is_empty() && !r.detail.en.is_empty());
}

fn no(c: Check) {
    let r = check(session(), &c);
    assert!(!r.pass, "expected to fail: {c:?}\n{}", r.detail.en);
    assert!(!r.detail.fr.is_empty() && !r.detail.en.is_empty());
}

fn s(x: &str) -> String {
    x.to_string()
}

#[derive(Default)]
struct Ie {
    max: Option<f64>,
    min: Option<f64>,
    layers: Option<u32>,
    stages: Option<u32>,
    non_root: Option<bool>,
    user: Option<&'static str>,
}

fn ie(name: &str, o: Ie) -> Check {
    Check::ImageExists { name: s(name), max_size_mb: o.max, min_size_mb: o.min, max_layers: o.layers, min_stages: o.stages, non_root_user: o.non_root, user: o.user.map(s) }
}

fn image_exists(name: &str) -> Check {
    ie(name, Ie::default())
}

#[test]
fn images() {
    yes(image_exists("app:1"));
    yes(image_exists("nginx:alpine"));
    no(image_exists("nope:1"));
    yes(ie("app:1", Ie { max: Some(300.0), non_root: Some(true), user: Some("node"), stages: Some(2), layers: Some(20), min: Some(1.0) }));
    no(ie("app:1", Ie { max: Some(10.0), ..Ie::default() }));
    no(ie("app:1", Ie { min: Some(5000.0), ..Ie::default() }));
    no(ie("big:1", Ie { non_root: Some(true), ..Ie::default() }));
    yes(ie("big:1", Ie { non_root: Some(false), ..Ie::default() }));
    no(ie("big:1", Ie { stages: Some(2), ..Ie::default() }));
    no(ie("app:1", Ie { layers: Some(1), ..Ie::default() }));
    no(ie("app:1", Ie { user: Some("root"), ..Ie::default() }));
    yes(Check::ImageSmallerThan { image: s("app:1"), other: s("big:1"), factor: 4.0 });
    no(Check::ImageSmallerThan { image: s("big:1"), other: s("app:1"), factor: 1.0 });
    yes(Check::FileInImage { image: s("app:1"), path: s("/app/server.js"), contains: Some(s("v2")), absent: false });
    no(Check::FileInImage { image: s("app:1"), path: s("/app/server.js"), contains: Some(s("v3")), absent: false });
    yes(Check::FileInImage { image: s("app:1"), path: s("/app/.env"), contains: None, absent: true });
    no(Check::FileInImage { image: s("app:1"), path: s("/app/server.js"), contains: None, absent: true });
    yes(Check::DockerignoreRespected { image: s("app:1"), context: s("app") });
    no(Check::DockerignoreRespected { image: s("app:1"), context: s("big") });
}

#[test]
fn last_build() {
    let lb = |image: Option<&str>, ok: bool, hit: Option<&str>, miss: Option<&str>, stages: Option<u32>| Check::LastBuild {
        image: image.map(s),
        ok,
        cache_hit_step_contains: hit.map(s),
        cache_miss_step_contains: miss.map(s),
        min_stages: stages,
    };
    yes(lb(Some("app:1"), true, Some("npm install"), Some("COPY . ."), Some(2)));
    no(lb(Some("big:1"), true, None, None, None));
    no(lb(None, false, None, None, None));
    no(lb(None, true, Some("COPY . ."), None, None));
    no(lb(None, true, None, Some("npm install"), None));
    no(lb(None, true, Some("pip install"), None, None));
    no(lb(None, true, None, None, Some(3)));
}

#[test]
fn containers() {
    yes(Check::ContainerExists { name: s("done") });
    no(Check::ContainerExists { name: s("temp") });
    let running = |name: &str, published: Option<&str>, health: Option<&str>, image: Option<&str>| Check::ContainerRunning {
        name: s(name),
        published: published.map(s),
        health: health.map(s),
        image: image.map(s),
    };
    yes(running("web", Some("8080:80"), None, Some("nginx:alpine")));
    yes(running("web", Some("0.0.0.0:8080:80/tcp"), None, None));
    no(running("web", Some("8081:80"), None, None));
    no(running("web", None, None, Some("alpine")));
    no(running("done", None, None, None));
    no(running("ghost", None, None, None));
    yes(running("hc", None, Some("healthy"), None));
    no(running("web", None, Some("healthy"), None));
    yes(Check::ContainerState { name: s("done"), state: s("exited") });
    no(Check::ContainerState { name: s("web"), state: s("exited") });
    yes(Check::ContainerExitCode { name: s("done"), code: 3 });
    no(Check::ContainerExitCode { name: s("done"), code: 0 });
    no(Check::ContainerExitCode { name: s("web"), code: 0 });
    yes(Check::ContainerHealth { name: s("hc"), status: s("healthy") });
    no(Check::ContainerHealth { name: s("hc"), status: s("unhealthy") });
    no(Check::ContainerHealth { name: s("web"), status: s("healthy") });
    yes(Check::ContainerUser { name: s("node-app"), user: Some(s("node")), non_root: Some(true) });
    yes(Check::ContainerUser { name: s("web"), user: None, non_root: Some(false) });
    no(Check::ContainerUser { name: s("web"), user: None, non_root: Some(true) });
    yes(Check::RestartPolicy { container: s("web"), policy: s("unless-stopped"), max_retries: None });
    no(Check::RestartPolicy { container: s("web"), policy: s("always"), max_retries: None });
    yes(Check::RestartPolicy { container: s("client"), policy: s("no"), max_retries: None });
    yes(Check::RestartPolicy { container: s("crash"), policy: s("on-failure"), max_retries: Some(2) });
    no(Check::RestartPolicy { container: s("crash"), policy: s("on-failure"), max_retries: Some(5) });
    yes(Check::RestartCount { container: s("crash"), min: 2 });
    no(Check::RestartCount { container: s("web"), min: 1 });
    yes(Check::MemoryLimit { container: s("web"), bytes: 256 << 20 });
    no(Check::MemoryLimit { container: s("web"), bytes: 512 << 20 });
    no(Check::MemoryLimit { container: s("client"), bytes: 256 << 20 });
    yes(Check::CpuLimit { container: s("web"), cpus: 0.5 });
    no(Check::CpuLimit { container: s("web"), cpus: 1.0 });
    no(Check::CpuLimit { container: s("client"), cpus: 0.5 });
    yes(Check::Env { container: s("web"), key: s("MODE"), value: Some(s("prod")) });
    yes(Check::Env { container: s("web"), key: s("MODE"), value: None });
    no(Check::Env { container: s("web"), key: s("MODE"), value: Some(s("dev")) });
    no(Check::Env { container: s("client"), key: s("MODE"), value: None });
    let mut opts = BTreeMap::new();
    opts.insert(s("max-size"), s("10m"));
    yes(Check::LogConfig { container: s("web"), driver: Some(s("json-file")), options: opts.clone() });
    no(Check::LogConfig { container: s("web"), driver: Some(s("syslog")), options: BTreeMap::new() });
    no(Check::LogConfig { container: s("client"), driver: None, options: opts });
    yes(Check::LogsContain { container: s("done"), text: s("fini") });
    no(Check::LogsContain { container: s("done"), text: s("absent") });
    yes(Check::FileInContainer { container: s("web"), path: s("/data/f.txt"), contains: Some(s("bonjour")), absent: false });
    yes(Check::FileInContainer { container: s("client"), path: s("/data/f.txt"), contains: None, absent: true });
    no(Check::FileInContainer { container: s("client"), path: s("/data/f.txt"), contains: None, absent: false });
    yes(Check::Mount { container: s("web"), target: s("/data"), mount_type: Some(s("volume")), source: Some(s("vol1")), read_only: Some(false) });
    no(Check::Mount { container: s("web"), target: s("/data"), mount_type: Some(s("bind")), source: None, read_only: None });
    no(Check::Mount { container: s("web"), target: s("/data"), mount_type: None, source: None, read_only: Some(true) });
    no(Check::Mount { container: s("client"), target: s("/data"), mount_type: None, source: None, read_only: None });
}

#[test]
fn networks() {
    yes(Check::NetworkExists { name: s("net1"), driver: Some(s("bridge")) });
    no(Check::NetworkExists { name: s("net1"), driver: Some(s("overlay")) });
    no(Check::NetworkExists { name: s("net2"), driver: None });
    yes(Check::SameNetwork { a: s("web"), b: s("client"), user_defined: true, network: Some(s("net1")) });
    no(Check::SameNetwork { a: s("web"), b: s("lonely"), user_defined: true, network: None });
    no(Check::SameNetwork { a: s("client"), b: s("lonely"), user_defined: false, network: None });
    yes(Check::SameNetwork { a: s("lonely"), b: s("hc"), user_defined: false, network: Some(s("bridge")) });
    yes(Check::Resolves { from: s("client"), name: s("web") });
    no(Check::Resolves { from: s("lonely"), name: s("web") });
    no(Check::Resolves { from: s("done"), name: s("web") });
    yes(Check::Reaches { from: s("client"), to: s("web"), port: Some(80) });
    yes(Check::Reaches { from: s("client"), to: s("web"), port: None });
    no(Check::Reaches { from: s("client"), to: s("web"), port: Some(5432) });
    no(Check::Reaches { from: s("lonely"), to: s("web"), port: Some(80) });
    yes(Check::Http { from: None, url: s("http://localhost:8080/"), status: 200, body_contains: Some(s("nginx")) });
    yes(Check::Http { from: None, url: s("http://localhost:3000/"), status: 200, body_contains: Some(s("Salut")) });
    yes(Check::Http { from: Some(s("client")), url: s("http://web/"), status: 200, body_contains: None });
    no(Check::Http { from: None, url: s("http://localhost:8081/"), status: 200, body_contains: None });
    no(Check::Http { from: None, url: s("http://localhost:8080/"), status: 200, body_contains: Some(s("absent")) });
    no(Check::Http { from: Some(s("lonely")), url: s("http://web/"), status: 200, body_contains: None });
}

#[test]
fn volumes() {
    yes(Check::VolumeExists { name: s("vol1") });
    no(Check::VolumeExists { name: s("vol3") });
    yes(Check::VolumeContains { name: s("vol1"), path: s("/f.txt"), contains: Some(s("bonjour")) });
    no(Check::VolumeContains { name: s("vol1"), path: s("/g.txt"), contains: None });
    no(Check::VolumeContains { name: s("vol3"), path: s("/f.txt"), contains: None });
    yes(Check::VolumeSurvives { volume: s("vol2"), container: s("temp") });
    no(Check::VolumeSurvives { volume: s("vol1"), container: s("web") });
    no(Check::VolumeSurvives { volume: s("vol3"), container: s("temp") });
}

#[test]
fn compose_host_and_history() {
    yes(Check::ComposeService { service: s("db"), project: Some(s("stack")), state: s("running"), health: Some(s("healthy")) });
    yes(Check::ComposeService { service: s("api"), project: None, state: s("running"), health: None });
    no(Check::ComposeService { service: s("api"), project: None, state: s("running"), health: Some(s("healthy")) });
    no(Check::ComposeService { service: s("cache"), project: None, state: s("running"), health: None });
    no(Check::ComposeService { service: s("db"), project: Some(s("other")), state: s("running"), health: None });
    yes(Check::ComposeStartedAfterHealthy { service: s("api"), dependency: s("db"), project: None });
    no(Check::ComposeStartedAfterHealthy { service: s("db"), dependency: s("api"), project: None });
    yes(Check::HostFile { path: s("backup.txt"), contains: Some(s("sauvegarde")), absent: false });
    yes(Check::HostFile { path: s("/home/learner/projet/backup.txt"), contains: None, absent: false });
    yes(Check::HostFile { path: s("nope.txt"), contains: None, absent: true });
    no(Check::HostFile { path: s("nope.txt"), contains: None, absent: false });
    yes(Check::Event { object: Some(s("container")), action: s("destroy"), actor: Some(s("temp")) });
    yes(Check::Event { object: None, action: s("health_status: healthy"), actor: Some(s("hc")) });
    no(Check::Event { object: Some(s("container")), action: s("destroy"), actor: Some(s("web")) });
}

#[test]
fn checks_never_change_the_machine() {
    let h = session();
    let before = h.view();
    yes(image_exists("app:1"));
    yes(Check::Resolves { from: s("client"), name: s("web") });
    assert_eq!(before, h.view());
}
