//! Bad input never panics and never changes state: random lines, binary
//! garbage, huge lines, random docker argv.

use baleine_host::{Host, HostCommand, HostConfig};
use proptest::prelude::*;

fn fresh() -> Host {
    Host::new(HostConfig { examples: false, ..HostConfig::default() })
}

const WORDS: &[&str] = &[
    "docker", "run", "-d", "-it", "--rm", "-p", "8080:80", "-v", "x:/y", "--name", "web", "alpine", "nginx", "ps", "-a", "rm", "-f", "exec", "sh", "-c", "'echo", "hi'", "network", "create", "volume", "inspect", "--format", "{{.State.Status}}", "{{", "}}", "build", ".", "compose", "up", "logs", "-f", "stop", "kill", "-s", "|", "grep", "&&", "||", ";", ">", "out.txt", "<<EOF", "\"", "'", "$(", ")", "`", "\\", "$HOME", "${X:-y}", "--", "-", "=", "--frobnicate", "-zq", "ls", "cd", "..", "\u{0}", "\u{1b}[2J", "é",
];

proptest! {
    // PROPTEST_CASES=N runs longer fuzzing sessions (CI runs the default).
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300), .. ProptestConfig::default() })]

    #[test]
    fn random_words_never_panic(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..14)) {
        let mut host = fresh();
        let line = words.join(" ");
        let _ = host.execute(HostCommand::Line(line));
        let _ = host.settle();
        let _ = host.execute(HostCommand::Line("exit".into()));
        let _ = host.execute(HostCommand::Interrupt);
        let _ = host.view();
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut host = fresh();
        let line = String::from_utf8_lossy(&bytes).into_owned();
        let _ = host.execute(HostCommand::Line(line.clone()));
        let _ = host.execute(HostCommand::Line(format!("docker {line}")));
        let _ = host.settle();
    }
}

#[test]
fn huge_line_and_unclosed_quotes() {
    let mut host = fresh();
    let big = "a".repeat(1 << 20);
    let out = host.run_script(&format!("echo {big} | wc -c\necho 'unclosed\n"));
    assert!(out.contains("1048577"), "{}", &out[..out.len().min(200)]);
    assert!(out.contains("unexpected EOF"), "{out}");
}

#[test]
fn failed_commands_change_nothing() {
    let mut host = fresh();
    host.run_script("docker run -d --name web alpine sleep 3600\n");
    let before = host.view();
    for bad in ["docker run --frobnicate alpine", "docker run -p notaport alpine", "docker rm nothing", "docker network rm nonet", "docker run -d --name web alpine", "docker volume rm novol", "docker run nosuchimage-xyz", "docker frobnicate"] {
        host.run_line(bad);
    }
    let after = host.view();
    // Time passes (statuses say "Up 2 seconds"), but nothing else changes.
    let containers = |v: &baleine_host::view::WorldView| v.containers.iter().map(|c| (c.id.clone(), c.name.clone(), c.state.clone(), c.ports.clone(), c.networks.clone(), c.mounts.clone())).collect::<Vec<_>>();
    assert_eq!(containers(&before), containers(&after));
    assert_eq!(before.networks, after.networks);
    assert_eq!(before.volumes, after.volumes);
    assert_eq!(before.images, after.images);
}
