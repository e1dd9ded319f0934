//! Benchmarks of builds, networking and compose (the figures quoted in the
//! README): a 200-instruction Dockerfile over a 1,000-file context, a fully
//! cached rebuild of the course's optimised Node Dockerfile, name
//! resolution and reachability on a network of 1,000 containers,
//! `docker network inspect` of that network, and loading + `compose up -d`
//! of a 200-service file with healthchecks.

use baleine_host::{Host, HostCommand, HostConfig};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

fn host() -> Host {
    Host::new(HostConfig { examples: true, ..HostConfig::default() })
}

fn write(h: &mut Host, path: &str, text: &str) {
    h.execute(HostCommand::WriteFile { path: path.into(), text: text.into() });
}

fn build_benches(c: &mut Criterion) {
    // 200 instructions over 1,000 files.
    let mut base = host();
    base.run_line("docker pull -q alpine");
    for i in 0..1000 {
        write(&mut base, &format!("big/src/f{i}.txt"), &format!("file {i}\n"));
    }
    let mut df = String::from("FROM alpine\nWORKDIR /app\n");
    for i in 0..99 {
        df.push_str(&format!("ENV V{i}={i}\nCOPY src/f{i}.txt /app/\n"));
    }
    write(&mut base, "big/Dockerfile", &df);
    c.bench_function("build: 200 instructions, 1,000-file context (first build)", |b| {
        b.iter_batched(|| base.clone(), |mut h| {
            h.run_line("cd big && docker build -q -t big .");
            h
        }, BatchSize::LargeInput)
    });
    let mut node = host();
    node.run_line("cd ~/exemples/node-app && docker build -q -t app .");
    c.bench_function("build: cached rebuild of the course's Node Dockerfile", |b| {
        b.iter_batched(|| node.clone(), |mut h| {
            h.run_line("cd ~/exemples/node-app && docker build -q -t app .");
            h
        }, BatchSize::LargeInput)
    });
}

fn network_benches(c: &mut Criterion) {
    let mut h = host();
    h.run_line("docker pull -q alpine");
    h.run_line("docker network create big");
    for i in 0..1000 {
        h.execute(HostCommand::Line(format!("docker run -d --name n{i} --network big alpine sleep 3600")));
    }
    c.bench_function("network: resolve and reach on a 1,000-container network", |b| b.iter(|| h.reach("n1", "n999")));
    c.bench_function("network: docker network inspect (1,000 endpoints)", |b| b.iter(|| h.execute(HostCommand::Line("docker network inspect big".into()))));
}

fn compose_benches(c: &mut Criterion) {
    let mut base = host();
    base.run_line("docker pull -q alpine");
    let mut yaml = String::from("services:\n");
    for i in 0..200 {
        yaml.push_str(&format!("  s{i}:\n    image: alpine\n    command: sleep 3600\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 1s\n"));
        if i > 0 {
            yaml.push_str(&format!("    depends_on:\n      s{}:\n        condition: service_healthy\n", i - 1));
        }
    }
    write(&mut base, "big/compose.yaml", &yaml);
    c.bench_function("compose: load + up -d of 200 services with healthchecks", |b| {
        b.iter_batched(|| base.clone(), |mut h| {
            h.run_line("cd big && docker compose up -d");
            h
        }, BatchSize::LargeInput)
    });
}

criterion_group! {
    name = areas;
    config = Criterion::default().sample_size(10);
    targets = build_benches, network_benches, compose_benches
}
criterion_main!(areas);
