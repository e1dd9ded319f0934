//! Benchmarks of the figures the README quotes: `docker run -d` and
//! `docker ps -a` on a host with about 1,000 containers, a 500-line session
//! script, and the memory a 1,000-container engine holds.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use baleine_host::{Host, HostCommand, HostConfig};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

/// Counts live heap bytes, to report the engine's memory.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn host_with(n: usize) -> Host {
    let mut host = Host::new(HostConfig { examples: false, ..HostConfig::default() });
    host.execute(HostCommand::Line("docker pull alpine -q".into()));
    for i in 0..n {
        host.execute(HostCommand::Line(format!("docker run -d --name c{i} alpine sleep 3600")));
    }
    host
}

fn benches(c: &mut Criterion) {
    let before = LIVE.load(Ordering::Relaxed);
    let host = host_with(1000);
    let after = LIVE.load(Ordering::Relaxed);
    println!("engine memory with 1,000 running containers: {:.1} MB", (after - before) as f64 / 1e6);
    drop(host);

    let base = host_with(999);
    c.bench_function("docker run -d (host with 999 containers)", |b| {
        b.iter_batched(|| base.clone(), |mut h| {
            h.execute(HostCommand::Line("docker run -d --name bench alpine sleep 3600".into()));
            // Returned so that dropping the 1,000-container world is not timed.
            h
        }, BatchSize::LargeInput)
    });
    let mut full = host_with(1000);
    c.bench_function("docker ps -a (1,000 containers)", |b| b.iter(|| full.execute(HostCommand::Line("docker ps -a".into()))));

    let mut script = String::new();
    for i in 0..100 {
        script.push_str(&format!("mkdir -p d{i} && cd d{i}\necho hello > f.txt\ncat f.txt | grep -c hello\ndocker run --rm alpine echo {i}\ncd ..\n"));
    }
    assert_eq!(script.lines().count(), 500);
    c.bench_function("500-line session script", |b| {
        b.iter_batched(|| Host::new(HostConfig { examples: false, ..HostConfig::default() }), |mut h| {
            h.run_script(&script);
            h
        }, BatchSize::LargeInput)
    });
}

criterion_group! {
    name = engine;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(engine);
