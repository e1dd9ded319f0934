//! What the web app's views show, from a host driven like the terminal.

use baleine_host::{Host, HostConfig};

/// Healthcheck probes are execs in `docker events`, as moby logs them, but
/// the web app's feed leaves them out: three events a probe would push
/// everything else out of it.
#[test]
fn the_feed_leaves_out_probe_execs() {
    let mut host = Host::new(HostConfig { examples: false, ..HostConfig::default() });
    host.run_line("docker run -d --name probed --health-cmd true --health-interval 1s alpine sleep 1000");
    host.run_line("sleep 30");
    let all = host.run_line("docker events --since 1h --until 0s --filter event=exec_die --format '{{.Action}}'");
    assert!(all.lines().filter(|l| *l == "exec_die").count() >= 20, "{all}");
    let view = host.view();
    assert!(view.events.iter().all(|e| !e.action.starts_with("exec_")), "{:?}", view.events.iter().map(|e| &e.action).collect::<Vec<_>>());
    assert!(view.events.iter().any(|e| e.action == "start"));
    assert!(view.events.iter().any(|e| e.action == "health_status: healthy"));
}
