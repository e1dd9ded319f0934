//! Transcript-style tests of `docker compose`, driving [`crate::docker`]
//! with compose files written into the host tree.

use baleine_engine::model::Status;
use baleine_engine::World;

use crate::pending::{Follow, Pending};

const HOME: &str = "/home/learner";

fn world() -> World {
    World::new(7, 1_790_000_000)
}

fn write(w: &mut World, path: &str, text: &str) {
    let host = w.host_tree;
    w.forest.get_mut(host).expect("host tree").write_text(path, text).expect("write");
}

fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut esc = false;
    for c in s.chars() {
        if c == '\x1b' {
            esc = true;
            continue;
        }
        if esc {
            if c.is_ascii_alphabetic() {
                esc = false;
            }
            continue;
        }
        out.push(c);
    }
    out
}

struct Run {
    text: String,
    status: i32,
    pending: Option<Pending>,
}

fn dc_env(w: &mut World, cwd: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut argv: Vec<String> = vec!["compose".into()];
    argv.extend(args.iter().map(|s| s.to_string()));
    let mut e: Vec<(String, String)> = vec![("HOME".into(), HOME.into()), ("PATH".into(), "/usr/bin:/bin".into())];
    e.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let r = crate::docker(w, &argv, cwd, &e, None);
    Run { text: strip(&r.out.text()), status: r.status, pending: r.pending }
}

fn dc(w: &mut World, cwd: &str, args: &[&str]) -> Run {
    dc_env(w, cwd, args, &[])
}

fn docker(w: &mut World, cwd: &str, args: &[&str]) -> Run {
    let argv: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let r = crate::docker(w, &argv, cwd, &[("HOME".into(), HOME.into())], None);
    Run { text: strip(&r.out.text()), status: r.status, pending: r.pending }
}

fn has_line(text: &str, f: impl Fn(&str) -> bool) -> bool {
    text.lines().any(f)
}

fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines().find(|l| l.contains(needle)).unwrap_or("")
}

const BASIC: &str = "services:\n  web:\n    image: nginx:alpine\n  db:\n    image: alpine\n    command: sleep 3600\n";

#[test]
fn up_names_network_labels_and_dns() {
    let mut w = world();
    let dir = "/home/learner/projet/myapp";
    write(&mut w, &format!("{dir}/compose.yaml"), BASIC);
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(has_line(&r.text, |l| l.starts_with("[+] Running 3/3")), "{}", r.text);
    assert!(line_with(&r.text, "Network myapp_default").contains("Created"), "{}", r.text);
    assert!(line_with(&r.text, "Container myapp-web-1").contains("Started"), "{}", r.text);
    assert!(line_with(&r.text, "Container myapp-db-1").contains("Started"), "{}", r.text);
    let web = w.container("myapp-web-1").expect("web").clone();
    assert_eq!(web.label("com.docker.compose.project"), Some("myapp"));
    assert_eq!(web.label("com.docker.compose.service"), Some("web"));
    assert_eq!(web.label("com.docker.compose.container-number"), Some("1"));
    assert_eq!(web.label("com.docker.compose.oneoff"), Some("False"));
    assert_eq!(web.label("com.docker.compose.version"), Some("2.32.4"));
    assert_eq!(web.label("com.docker.compose.project.config_files"), Some("/home/learner/projet/myapp/compose.yaml"));
    assert!(web.label("com.docker.compose.config-hash").is_some_and(|h| h.len() == 64));
    let net = w.network("myapp_default").expect("network").clone();
    assert_eq!(net.labels.get("com.docker.compose.network").map(String::as_str), Some("default"));
    assert_eq!(net.labels.get("com.docker.compose.project").map(String::as_str), Some("myapp"));
    // Service names and container names resolve on the project network.
    let db = w.container_id("myapp-db-1").expect("db");
    assert!(matches!(w.resolve_from(Some(&db), "web"), baleine_engine::network::Resolution::Ip(_)));
    assert!(matches!(w.resolve_from(Some(&db), "myapp-web-1"), baleine_engine::network::Resolution::Ip(_)));
    // ps
    let r = dc(&mut w, dir, &["ps"]);
    assert_eq!(r.status, 0);
    let first = r.text.lines().next().unwrap_or("");
    assert!(first.starts_with("NAME") && first.contains("IMAGE") && first.contains("COMMAND") && first.contains("SERVICE") && first.contains("CREATED") && first.contains("STATUS") && first.contains("PORTS"), "{}", r.text);
    assert!(has_line(&r.text, |l| l.starts_with("myapp-db-1") && l.contains("\"sleep 3600\"") && l.contains(" db ") && l.contains("Up ")), "{}", r.text);
    // Unchanged: Running.
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert!(line_with(&r.text, "Container myapp-web-1").contains("Running"), "{}", r.text);
    // ls
    let r = dc(&mut w, "/", &["ls"]);
    assert!(has_line(&r.text, |l| l.starts_with("myapp") && l.contains("running(2)")), "{}", r.text);
    // down
    let r = dc(&mut w, dir, &["down"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(line_with(&r.text, "Container myapp-web-1").contains("Removed"), "{}", r.text);
    assert!(line_with(&r.text, "Network myapp_default").contains("Removed"), "{}", r.text);
    assert!(w.containers.is_empty());
    assert!(w.network("myapp_default").is_err());
}

#[test]
fn no_file_and_validation_errors() {
    let mut w = world();
    let r = dc(&mut w, "/home/learner/projet/empty", &["up", "-d"]);
    // Project loading errors carry compose's failure categories: 14 for a
    // missing file, 15 for a file that does not parse or validate.
    assert_eq!(r.status, 14);
    assert_eq!(r.text, "no configuration file provided: not found\n");
    let dir = "/home/learner/projet/bad";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  web:\n    image: nginx\n    foo: bar\n");
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert_eq!(r.status, 15);
    assert!(r.text.contains("services.web Additional property foo is not allowed"), "{}", r.text);
    let r = dc(&mut w, dir, &["-f", "nope.yaml", "ps"]);
    assert_eq!((r.status, r.text.as_str()), (14, "open /home/learner/projet/bad/nope.yaml: no such file or directory\n"));
    // Command-line syntax errors: 16, and an unknown command shows the help first.
    let r = dc(&mut w, dir, &["frobnicate"]);
    assert_eq!(r.status, 16);
    assert!(r.text.starts_with("\nUsage:  docker compose [OPTIONS] COMMAND"), "{}", r.text);
    assert!(r.text.ends_with("unknown docker command: \"compose frobnicate\"\n"));
    let r = dc(&mut w, dir, &["up", "--nope"]);
    assert_eq!((r.status, r.text.as_str()), (16, "unknown flag: --nope\n"));
    let r = dc(&mut w, dir, &["stop", "-t", "soon"]);
    assert_eq!((r.status, r.text.as_str()), (16, "invalid argument \"soon\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing \"soon\": invalid syntax\n"));
    let r = dc(&mut w, dir, &["logs", "--index", "1"]);
    assert_eq!((r.status, r.text.as_str()), (1, "--index requires one service to be selected\n"));
    // A command's own flag wins over the hidden global --workdir.
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  web:\n    image: alpine\n    command: sleep 300\n");
    let _ = dc(&mut w, dir, &["up", "-d"]);
    let r = dc(&mut w, dir, &["exec", "-w", "/etc", "web", "pwd"]);
    assert_eq!((r.status, r.text.as_str()), (0, "/etc\n"));
}

#[test]
fn config_interpolates_dotenv_and_shell() {
    let mut w = world();
    let dir = "/home/learner/projet/interp";
    write(&mut w, &format!("{dir}/.env"), "NGINX_TAG=alpine\n");
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  web:\n    image: \"nginx:${NGINX_TAG}\"\n    ports:\n      - \"${HOST_PORT:-8080}:80\"\n");
    let r = dc(&mut w, dir, &["config"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(r.text.contains("name: interp\n"));
    assert!(r.text.contains("    image: nginx:alpine\n"));
    assert!(r.text.contains("        published: \"8080\"\n"));
    let r = dc_env(&mut w, dir, &["config"], &[("HOST_PORT", "9090"), ("NGINX_TAG", "latest")]);
    assert!(r.text.contains("published: \"9090\""));
    assert!(r.text.contains("image: nginx:latest"));
    let r = dc(&mut w, dir, &["config", "--services"]);
    assert_eq!(r.text, "web\n");
    let r = dc(&mut w, dir, &["config", "-q"]);
    assert_eq!((r.status, r.text.as_str()), (0, ""));
}

#[test]
fn config_formats() {
    let mut w = world();
    let dir = "/home/learner/projet/fmt";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  web:\n    image: nginx:alpine\n    command: [\"nginx\", \"-g\", \"daemon off;\"]\n    environment:\n      PRICE: \"$$5 & <more>\"\nx-owner: me\n");
    let yaml = dc(&mut w, dir, &["config"]);
    assert_eq!(yaml.status, 0, "{}", yaml.text);
    let r = dc(&mut w, dir, &["config", "--format", "yaml"]);
    assert_eq!((r.status, r.text.as_str()), (0, yaml.text.as_str()));
    // json.MarshalIndent of compose-go's Project.MarshalJSON map, `$`
    // doubled, printed with fmt.Fprint (no final newline)
    let r = dc(&mut w, dir, &["config", "--format", "json"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert_eq!(
        r.text,
        "{\n  \"name\": \"fmt\",\n  \"networks\": {\n    \"default\": {\n      \"name\": \"fmt_default\",\n      \"ipam\": {}\n    }\n  },\n  \"services\": {\n    \"web\": {\n      \"command\": [\n        \"nginx\",\n        \"-g\",\n        \"daemon off;\"\n      ],\n      \"entrypoint\": null,\n      \"environment\": {\n        \"PRICE\": \"$$5 \\u0026 \\u003cmore\\u003e\"\n      },\n      \"image\": \"nginx:alpine\",\n      \"networks\": {\n        \"default\": null\n      }\n    }\n  },\n  \"x-owner\": \"me\"\n}"
    );
    let json = r.text.clone();
    let r = dc(&mut w, dir, &["config", "--format=json", "-o", "out.json"]);
    assert_eq!((r.status, r.text.as_str()), (0, ""));
    match w.forest.tree(w.host_tree).get(&format!("{dir}/out.json")) {
        Some(baleine_vfs::Node::File(f)) => assert_eq!(f.content, baleine_vfs::Content::text(&json)),
        _ => panic!("out.json not written"),
    }
    let r = docker(&mut w, dir, &["compose", "config", "--services", "--format", "xml"]);
    assert_eq!((r.status, r.text.as_str()), (0, "web\n"));
    // runConfigInterpolate: `unsupported format %q`, checked before --quiet
    for args in [&["config", "--format", "xml"][..], &["config", "-q", "--format", "toml"], &["config", "--format="]] {
        let r = dc(&mut w, dir, args);
        let f = args.iter().find_map(|a| a.strip_prefix("--format=")).or_else(|| args.last().copied().filter(|a| !a.starts_with('-'))).unwrap_or("");
        assert_eq!((r.status, r.text.clone()), (1, format!("unsupported format \"{f}\"\n")), "{args:?}");
    }
    // a load error comes first, with its own status
    let r = dc(&mut w, "/home/learner/projet/none", &["config", "--format", "xml"]);
    assert_eq!((r.status, r.text.as_str()), (14, "no configuration file provided: not found\n"));
}

const HEALTHY: &str = "services:\n  db:\n    image: alpine\n    command: sleep 3600\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 2s\n      timeout: 2s\n      retries: 3\n  web:\n    image: alpine\n    command: sleep 3600\n    depends_on:\n      db:\n        condition: service_healthy\n";

#[test]
fn healthy_dependency_is_waited_for() {
    let mut w = world();
    let dir = "/home/learner/projet/hc";
    write(&mut w, &format!("{dir}/compose.yaml"), HEALTHY);
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert_eq!(r.status, 0, "{}", r.text);
    let db_line = r.text.lines().position(|l| l.contains("Container hc-db-1") && l.contains("Healthy"));
    let web_line = r.text.lines().position(|l| l.contains("Container hc-web-1") && l.contains("Started"));
    assert!(db_line.is_some() && web_line.is_some() && db_line < web_line, "{}", r.text);
    let db = w.container("hc-db-1").expect("db").clone();
    let web = w.container("hc-web-1").expect("web").clone();
    assert_eq!(db.state.health.as_ref().map(|h| h.status.as_str()), Some("healthy"));
    assert!(web.state.started_ms.unwrap_or(0) >= db.state.started_ms.unwrap_or(0) + 2000, "web started before db was healthy");
    assert_eq!(db.spec.healthcheck.as_ref().map(|h| (h.interval_ms, h.timeout_ms, h.retries)), Some((2000, 2000, 3)));
    let r = dc(&mut w, dir, &["ps"]);
    assert!(has_line(&r.text, |l| l.starts_with("hc-db-1") && l.contains("(healthy)")), "{}", r.text);
    // The web app's timeline.
    let v = super::views(&w);
    let p = v.iter().find(|p| p.project == "hc").expect("project view");
    let dbv = p.services.iter().find(|s| s.name == "db").expect("db view");
    let webv = p.services.iter().find(|s| s.name == "web").expect("web view");
    assert!(dbv.healthy_ms.is_some());
    assert_eq!(webv.depends_on, vec![("db".to_string(), "service_healthy".to_string())]);
    assert_eq!(webv.waited_on, vec!["db to be healthy".to_string()]);
    assert!(webv.started_ms >= dbv.healthy_ms);
}

#[test]
fn unhealthy_dependency_fails() {
    let mut w = world();
    let dir = "/home/learner/projet/uh";
    write(&mut w, &format!("{dir}/compose.yaml"), &HEALTHY.replace("[\"CMD\", \"true\"]", "[\"CMD\", \"false\"]"));
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert_eq!(r.status, 1, "{}", r.text);
    assert!(r.text.ends_with("dependency failed to start: container uh-db-1 is unhealthy\n"), "{}", r.text);
    assert!(line_with(&r.text, "Container uh-db-1").contains("Error"), "{}", r.text);
    assert_eq!(w.container("uh-web-1").map(|c| c.state.status), Ok(Status::Created));
}

#[test]
fn completed_successfully_dependency() {
    let mut w = world();
    let dir = "/home/learner/projet/mig";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  migrate:\n    image: alpine\n    command: sh -c 'echo migrating; sleep 1'\n  app:\n    image: alpine\n    command: sleep 3600\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n");
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(line_with(&r.text, "Container mig-migrate-1").contains("Exited"), "{}", r.text);
    assert!(line_with(&r.text, "Container mig-app-1").contains("Started"), "{}", r.text);
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  migrate:\n    image: alpine\n    command: sh -c 'exit 2'\n  app:\n    image: alpine\n    command: sleep 3600\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n");
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert_eq!(r.status, 1, "{}", r.text);
    assert!(r.text.contains("service \"migrate\" didn't complete successfully: exit 2"), "{}", r.text);
}

#[test]
fn profiles_and_override_files() {
    let mut w = world();
    let dir = "/home/learner/projet/prof";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  db:\n    image: alpine\n    command: sleep 3600\n  debug:\n    image: busybox\n    command: sleep 3600\n    profiles: [\"debug\"]\n");
    write(&mut w, &format!("{dir}/compose.override.yaml"), "services:\n  db:\n    environment:\n      MODE: dev\n");
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(w.container("prof-debug-1").is_err());
    let db = w.container("prof-db-1").expect("db");
    assert!(db.env.iter().any(|e| e == "MODE=dev"), "{:?}", db.env);
    assert!(db.label("com.docker.compose.project.config_files").is_some_and(|f| f.ends_with("compose.yaml,/home/learner/projet/prof/compose.override.yaml")));
    let r = dc(&mut w, dir, &["--profile", "debug", "up", "-d"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(w.container("prof-debug-1").is_ok());
    let r = dc(&mut w, dir, &["--profile", "debug", "down"]);
    assert_eq!(r.status, 0, "{}", r.text);
    // COMPOSE_PROFILES, and a named service is enabled whatever its profile.
    let r = dc_env(&mut w, dir, &["up", "-d"], &[("COMPOSE_PROFILES", "debug")]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(w.container("prof-debug-1").is_ok());
    let _ = dc_env(&mut w, dir, &["down"], &[("COMPOSE_PROFILES", "debug")]);
    let r = dc(&mut w, dir, &["up", "-d", "debug"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(w.container("prof-debug-1").is_ok());
    assert!(w.container("prof-db-1").is_err());
    // -f with explicit files and -p.
    write(&mut w, "/home/learner/projet/other/base.yml", "services:\n  a:\n    image: alpine\n    command: sleep 3600\n");
    write(&mut w, "/home/learner/projet/other/extra.yml", "services:\n  a:\n    labels:\n      tier: x\n");
    let r = dc(&mut w, "/home/learner/projet/other", &["-f", "base.yml", "-f", "extra.yml", "-p", "custom", "up", "-d"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert_eq!(w.container("custom-a-1").ok().and_then(|c| c.label("tier").map(str::to_string)), Some("x".into()));
}

#[test]
fn scale_and_recreate() {
    let mut w = world();
    let dir = "/home/learner/projet/sc";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  backend:\n    image: alpine\n    command: sleep 3600\n");
    let r = dc(&mut w, dir, &["up", "-d", "--scale", "backend=3"]);
    assert_eq!(r.status, 0, "{}", r.text);
    for n in 1..=3 {
        assert!(w.container(&format!("sc-backend-{n}")).is_ok_and(|c| c.is_running()));
    }
    let r = dc(&mut w, dir, &["ps", "-q"]);
    assert_eq!(r.text.lines().count(), 3);
    let r = dc(&mut w, dir, &["up", "-d", "--scale", "backend=1"]);
    assert!(line_with(&r.text, "sc-backend-3").contains("Removed"), "{}", r.text);
    assert!(w.container("sc-backend-2").is_err());
    // A changed configuration recreates the container.
    let old = w.container_id("sc-backend-1").expect("c");
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  backend:\n    image: alpine\n    command: sleep 3600\n    environment:\n      A: b\n");
    let r = dc_env(&mut w, dir, &["--progress", "plain", "up", "-d"], &[]);
    assert!(r.text.contains(" Container sc-backend-1  Recreate\n") && r.text.contains(" Container sc-backend-1  Recreated\n"), "{}", r.text);
    let new = w.container_id("sc-backend-1").expect("c");
    assert_ne!(old, new);
    // container_name cannot be scaled.
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  backend:\n    image: alpine\n    container_name: solo\n    command: sleep 3600\n");
    let r = dc(&mut w, dir, &["up", "-d", "--scale", "backend=2"]);
    assert_eq!(r.status, 1);
    assert!(r.text.contains("is using the custom container name \"solo\""), "{}", r.text);
}

#[test]
fn volumes_kept_unless_v() {
    let mut w = world();
    let dir = "/home/learner/projet/vol";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  app:\n    image: alpine\n    command: sleep 3600\n    volumes:\n      - data:/data\nvolumes:\n  data:\n");
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert!(line_with(&r.text, "Volume \"vol_data\"").contains("Created"), "{}", r.text);
    assert_eq!(w.volumes.get("vol_data").and_then(|v| v.labels.get("com.docker.compose.volume")).map(String::as_str), Some("data"));
    let r = dc(&mut w, dir, &["exec", "-T", "app", "sh", "-c", "echo kept > /data/f"]);
    assert_eq!(r.status, 0, "{}", r.text);
    let r = dc(&mut w, dir, &["down"]);
    assert!(!r.text.contains("Volume"), "{}", r.text);
    assert!(w.volumes.contains_key("vol_data"));
    let _ = dc(&mut w, dir, &["up", "-d"]);
    let r = dc(&mut w, dir, &["exec", "-T", "app", "cat", "/data/f"]);
    assert_eq!(r.text, "kept\n");
    let r = dc(&mut w, dir, &["down", "-v"]);
    assert!(line_with(&r.text, "Volume vol_data").contains("Removed"), "{}", r.text);
    assert!(!w.volumes.contains_key("vol_data"));
}

#[test]
fn attached_up_streams_logs_and_stops_on_ctrl_c() {
    let mut w = world();
    let dir = "/home/learner/projet/att";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  worker:\n    image: alpine\n    command: sh -c 'echo hello; sleep 1; echo bye; sleep 3600'\n");
    let r = dc(&mut w, dir, &["--ansi", "never", "up"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(r.text.contains("Attaching to worker-1\n"), "{}", r.text);
    assert!(r.text.contains("worker-1  | hello\n"), "{}", r.text);
    let Some(Pending::Follow(Follow::Compose(mut f))) = r.pending else { panic!("no follow") };
    w.advance(1500);
    let mut out = baleine_shell::Output::new();
    assert_eq!(super::follow_tick(&mut w, &mut f, &mut out), None);
    assert!(out.text().contains("worker-1  | bye\n"), "{}", out.text());
    let mut out = baleine_shell::Output::new();
    let code = super::follow_interrupt(&mut w, f, &mut out);
    assert_eq!(code, 130);
    let t = strip(&out.text());
    assert!(t.contains("Gracefully stopping... (press Ctrl+C again to force)\n"), "{t}");
    assert!(line_with(&t, "Container att-worker-1").contains("Stopped"), "{t}");
    assert!(!w.container("att-worker-1").expect("c").is_running());
}

#[test]
fn attached_up_ends_when_containers_exit() {
    let mut w = world();
    let dir = "/home/learner/projet/once";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  job:\n    image: alpine\n    command: sh -c 'echo done; exit 3'\n");
    let r = dc(&mut w, dir, &["--ansi", "never", "up", "--exit-code-from", "job"]);
    let text = r.text.clone();
    let code = match r.pending {
        None => r.status,
        Some(Pending::Follow(Follow::Compose(mut f))) => {
            let mut out = baleine_shell::Output::new();
            let mut code = None;
            for _ in 0..20 {
                w.advance(500);
                code = super::follow_tick(&mut w, &mut f, &mut out);
                if code.is_some() {
                    break;
                }
            }
            code.unwrap_or(-1)
        }
        Some(_) => -1,
    };
    assert!(text.contains("job-1  | done\n"), "{text}");
    assert_eq!(code, 3);
}

#[test]
fn exec_run_and_logs() {
    let mut w = world();
    let dir = "/home/learner/projet/ex";
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  app:\n    image: alpine\n    command: sh -c 'echo started; sleep 3600'\n    environment:\n      GREETING: hi\n");
    let _ = dc(&mut w, dir, &["up", "-d"]);
    let r = dc(&mut w, dir, &["exec", "app", "sh", "-c", "echo $GREETING"]);
    assert_eq!((r.status, r.text.as_str()), (0, "hi\n"));
    let r = dc(&mut w, dir, &["exec", "nope", "true"]);
    assert_eq!(r.status, 1);
    assert_eq!(r.text, "service \"nope\" is not running\n");
    // An interactive shell keeps the terminal.
    let r = dc(&mut w, dir, &["exec", "app", "sh"]);
    assert!(matches!(r.pending, Some(Pending::Shell(_))));
    let r = dc(&mut w, dir, &["run", "--rm", "app", "echo", "one-off"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(r.text.contains("one-off\n"), "{}", r.text);
    assert!(!w.containers.values().any(|c| c.name.starts_with("ex-app-run-")), "--rm container left behind");
    let r = dc(&mut w, dir, &["run", "app", "sh", "-c", "exit 4"]);
    assert_eq!(r.status, 4);
    let run = w.containers.values().find(|c| c.name.starts_with("ex-app-run-")).expect("run container");
    assert_eq!(run.name.len(), "ex-app-run-".len() + 12);
    assert_eq!(run.label("com.docker.compose.oneoff"), Some("True"));
    let r = dc(&mut w, dir, &["--ansi", "never", "logs"]);
    assert_eq!(r.text, "app-1  | started\n");
    let r = dc(&mut w, dir, &["logs", "--no-log-prefix", "app"]);
    assert_eq!(r.text, "started\n");
    let r = dc(&mut w, dir, &["logs", "-f"]);
    assert!(matches!(r.pending, Some(Pending::Follow(Follow::Compose(_)))));
    let r = dc(&mut w, dir, &["logs", "--since", "yesterday"]);
    assert_eq!((r.status, r.text.as_str()), (1, "invalid value for \"since\": failed to parse value as time or duration: \"yesterday\"\n"));
    let r = dc(&mut w, dir, &["logs", "--no-log-prefix", "--since", "2020-01-01", "--until", "1700000000"]);
    assert_eq!((r.status, r.text.as_str()), (0, ""));
    // The exited one-off container is an orphan for the next up.
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert!(r.text.starts_with("WARN[0000] Found orphan containers ([ex-app-run-"), "{}", r.text);
    let _ = dc(&mut w, dir, &["up", "-d", "--remove-orphans"]);
    assert!(!w.containers.values().any(|c| c.name.starts_with("ex-app-run-")), "orphan one-off container left behind");
    let r = dc(&mut w, dir, &["version"]);
    assert_eq!(r.text, "Docker Compose version v2.32.4\n");
    let r = docker(&mut w, dir, &["compose", "version", "--short"]);
    assert_eq!(r.text, "2.32.4\n");
}

#[test]
fn service_conversion() {
    let mut w = world();
    let dir = "/home/learner/projet/conv";
    write(&mut w, &format!("{dir}/secrets/db_password.txt"), "s3cret\n");
    write(
        &mut w,
        &format!("{dir}/compose.yaml"),
        "services:\n  backend:\n    image: alpine\n    command: sleep 3600\n    restart: unless-stopped\n    user: \"1000\"\n    working_dir: /srv\n    hostname: api\n    init: true\n    stop_grace_period: 3s\n    extra_hosts:\n      - \"host.docker.internal:host-gateway\"\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n          memory: 512M\n    ports:\n      - target: 80\n        published: \"8081\"\n        protocol: tcp\n    secrets:\n      - db_password\n    networks:\n      back:\n        aliases: [api]\n      front: {}\nnetworks:\n  back:\n  front:\n    name: shared-front\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n",
    );
    let r = dc(&mut w, dir, &["up", "-d"]);
    assert_eq!(r.status, 0, "{}", r.text);
    let c = w.container("conv-backend-1").expect("c").clone();
    assert_eq!(c.spec.memory, 512 * 1024 * 1024);
    assert_eq!(c.spec.nano_cpus, 500_000_000);
    assert_eq!(c.spec.restart.name, "unless-stopped");
    assert_eq!(c.spec.stop_timeout, Some(3));
    assert!(c.spec.init);
    assert_eq!(c.hostname, "api");
    assert_eq!(c.workdir, "/srv");
    assert_eq!(c.ports.first().map(|p| (p.container_port, p.host_port)), Some((80, 8081)));
    assert_eq!(c.endpoints.len(), 2);
    assert!(w.network("conv_back").is_ok() && w.network("shared-front").is_ok());
    let back = w.network_id("conv_back").expect("net");
    // create.go getAliases: the container's name, the service's, then its aliases.
    assert_eq!(c.endpoints.get(&back).map(|e| e.aliases.clone()), Some(vec![c.name.clone(), "backend".to_string(), "api".to_string()]));
    let r = dc(&mut w, dir, &["exec", "backend", "cat", "/run/secrets/db_password"]);
    assert_eq!(r.text, "s3cret\n");
}

#[test]
fn build_services_go_through_docker_build() {
    let mut w = world();
    let dir = "/home/learner/projet/bld";
    write(&mut w, &format!("{dir}/app/Dockerfile"), "FROM alpine\nCMD [\"sleep\", \"3600\"]\n");
    write(&mut w, &format!("{dir}/compose.yaml"), "services:\n  app:\n    build: ./app\n");
    let r = dc(&mut w, dir, &["up", "-d", "--build"]);
    if r.status == 0 {
        assert!(w.image_id("bld-app").is_some(), "{}", r.text);
        assert!(w.container("bld-app-1").is_ok_and(|c| c.is_running()));
        assert!(has_line(&r.text, |l| l.contains(" app") && l.contains("Built")), "{}", r.text);
    } else {
        // The builder is not there yet: the service fails with its message.
        assert!(w.container("bld-app-1").is_err());
    }
    let r = dc(&mut w, dir, &["config", "--images"]);
    assert_eq!(r.text, "bld-app\n");
    // One buildx printer for all the builds: vertices carry the service.
    let r = dc(&mut w, dir, &["--progress", "plain", "build", "--no-cache"]);
    assert_eq!(r.status, 0, "{}", r.text);
    assert!(has_line(&r.text, |l| l.starts_with('#') && l.contains(" [app internal] load build definition from Dockerfile")), "{}", r.text);
    assert!(has_line(&r.text, |l| l.starts_with('#') && l.ends_with(" [app] exporting to image")), "{}", r.text);
    assert!(has_line(&r.text, |l| l.ends_with("naming to docker.io/library/bld-app done")), "{}", r.text);
    // A failed build: BuildKit's message, without the buildx CLI's `ERROR: `.
    write(&mut w, &format!("{dir}/app/Dockerfile"), "FROM alpine\nRUN exit 3\n");
    let r = dc(&mut w, dir, &["build"]);
    // compose's BuildFailure category (pkg/compose/metrics.go).
    assert_eq!(r.status, 17);
    assert!(has_line(&r.text, |l| l == "failed to solve: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3"), "{}", r.text);
}

#[test]
fn check_text_reports_lines() {
    let w = world();
    let e = super::check_text(&w, "/home/learner/projet/x/compose.yaml", "services:\n  web:\n    image: nginx\n    foo: bar\n");
    let (line, msg) = e.expect("error");
    assert_eq!(line, 4);
    assert!(msg.contains("Additional property foo is not allowed"));
    let e = super::check_text(&w, "/home/learner/projet/x/compose.yaml", "services:\n  web:\n   image: [\n");
    assert!(e.is_some());
    assert!(super::check_text(&w, "/home/learner/projet/x/compose.yaml", BASIC).is_none());
    let e = super::check_text(&w, "/home/learner/projet/x/compose.yaml", "services:\n  web:\n    image: nginx\n    networks:\n      - back\n");
    let (line, msg) = e.expect("error");
    assert!(msg.contains("undefined network back"), "{msg}");
    assert_eq!(line, 5);
    // Other YAML files are not compose files.
    assert!(super::check_text(&w, "/home/learner/exemples/monitoring/prometheus.yml", "global:\n  scrape_interval: 15s\n").is_none());
}

#[test]
fn odd_inputs_do_not_panic() {
    let mut w = world();
    let dir = "/home/learner/projet/odd";
    write(&mut w, &format!("{dir}/compose.yaml"), BASIC);
    let cases: &[&[&str]] = &[
        &[],
        &["--help"],
        &["up", "--help"],
        &["-p"],
        &["up", "--scale", "x"],
        &["up", "--scale", "web=abc"],
        &["up", "-d", "--scale", "nope=2"],
        &["exec"],
        &["exec", "web"],
        &["run"],
        &["port", "web"],
        &["port", "web", "abc"],
        &["logs", "--tail", "-5"],
        &["ps", "--filter", "x"],
        &["ps", "--format", "{{.Nope"],
        &["down", "--rmi", "weird"],
        &["rm", "-f"],
        &["kill"],
        &["top", "nope"],
        &["cp", "web:/etc/hosts"],
        &["wait"],
        &["watch"],
        &["config", "--hash", "*"],
        &["--ansi", "sometimes", "ps"],
        &["--progress", "fancy", "ps"],
        &["-f", "/nope.yml", "ps"],
        &["--project-directory", "/", "config"],
        &["scale", "web=x"],
        &["pull", "--policy", "missing"],
        &["images", "--format", "json"],
        &["ls", "--format", "json", "--filter", "name=odd"],
        &["events", "--json"],
    ];
    for c in cases {
        let _ = dc(&mut w, dir, c);
    }
    let _ = dc(&mut w, dir, &["up", "-d"]);
    for c in cases {
        let _ = dc(&mut w, dir, c);
    }
}
