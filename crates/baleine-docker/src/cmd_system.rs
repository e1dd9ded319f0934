//! version, info, events, inspect, login, logout, system df, system prune.

use baleine_engine::util::human_size;
use baleine_engine::World;
use serde_json::Value;

use crate::args::{flag, Command, Flag};
use crate::format;
use crate::gotmpl::GoType;
use crate::pending::{Pending, Prompt};
use crate::{parse_args, Cli};

const INSPECT_FLAGS: &[Flag] = &[flag("format", Some('f'), "string", "Format output using a custom template"), flag("size", Some('s'), "", "Display total file sizes if the type is container"), flag("type", None, "string", "Return JSON for specified type")];
/// `docker container inspect` (cli/command/container/inspect.go).
const CONTAINER_INSPECT_FLAGS: &[Flag] = &[flag("format", Some('f'), "string", "Format output using a custom template"), flag("size", Some('s'), "", "Display total file sizes")];
const LOGIN_FLAGS: &[Flag] = &[flag("password", Some('p'), "string", "Password"), flag("password-stdin", None, "", "Take the password from stdin"), flag("username", Some('u'), "string", "Username")];
const DF_FLAGS: &[Flag] = &[flag("format", None, "string", "Format output using a custom template"), flag("verbose", Some('v'), "", "Show detailed information on space usage")];
const PRUNE_FLAGS: &[Flag] = &[flag("all", Some('a'), "", "Remove all unused images not just dangling ones"), flag("filter", None, "filter", "Provide filter values (e.g. \"label=<key>=<value>\")"), flag("force", Some('f'), "", "Do not prompt for confirmation"), flag("volumes", None, "", "Prune anonymous volumes")];
const VERSION_FLAGS: &[Flag] = &[flag("format", Some('f'), "string", "Format output using a custom template")];

pub(crate) fn cmd(path: &'static str, usage: &'static str, short: &'static str, flags: &'static [Flag], min: usize, max: usize) -> Command {
    Command { path, usage, short, aliases: &[], flags, stop_at_positional: false, min_args: min, max_args: max }
}

/// What `docker version` prints: docker/cli v27.5.1 defaultVersionTemplate
/// rendered through tabwriter.NewWriter(out, 20, 1, 1, ' ', 0), with the
/// component versions of the Docker 27.5.1 packages.
const VERSION_TEXT: &str = "Client: Docker Engine - Community
 Version:           27.5.1
 API version:       1.47
 Go version:        go1.22.11
 Git commit:        9f9e405
 Built:             Wed Jan 22 13:41:48 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          27.5.1
  API version:      1.47 (minimum version 1.24)
  Go version:       go1.22.11
  Git commit:       4c9b3b0
  Built:            Wed Jan 22 13:41:48 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.25
  GitCommit:        bcc810d6b9066471b0b6fa75f557a15a1cbf31bb
 runc:
  Version:          1.2.4
  GitCommit:        v1.2.4-0-g6c52b3f
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
";

/// The data `docker version --format` sees. `go_names`: the Go field names
/// templates use (`.Client.APIVersion`); otherwise the JSON names `{{json .}}`
/// prints (`ApiVersion`).
fn version_data(go_names: bool) -> Value {
    let api = if go_names { "APIVersion" } else { "ApiVersion" };
    let min_api = "MinAPIVersion";
    let built = "Wed Jan 22 13:41:48 2025";
    let mut client = serde_json::Map::new();
    client.insert("Platform".into(), serde_json::json!({"Name": "Docker Engine - Community"}));
    client.insert("Version".into(), "27.5.1".into());
    client.insert(api.into(), "1.47".into());
    client.insert("DefaultAPIVersion".into(), "1.47".into());
    client.insert("GitCommit".into(), "9f9e405".into());
    client.insert("GoVersion".into(), "go1.22.11".into());
    client.insert("Os".into(), "linux".into());
    client.insert("Arch".into(), "amd64".into());
    client.insert("BuildTime".into(), built.into());
    client.insert("Context".into(), "default".into());
    let mut server = serde_json::Map::new();
    server.insert("Platform".into(), serde_json::json!({"Name": "Docker Engine - Community"}));
    server.insert(
        "Components".into(),
        serde_json::json!([
            {"Name": "Engine", "Version": "27.5.1", "Details": {"ApiVersion": "1.47", "Arch": "amd64", "BuildTime": built, "Experimental": "false", "GitCommit": "4c9b3b0", "GoVersion": "go1.22.11", "KernelVersion": "6.8.0-51-generic", "MinAPIVersion": "1.24", "Os": "linux"}},
            {"Name": "containerd", "Version": "1.7.25", "Details": {"GitCommit": "bcc810d6b9066471b0b6fa75f557a15a1cbf31bb"}},
            {"Name": "runc", "Version": "1.2.4", "Details": {"GitCommit": "v1.2.4-0-g6c52b3f"}},
            {"Name": "docker-init", "Version": "0.19.0", "Details": {"GitCommit": "de40ad0"}}
        ]),
    );
    server.insert("Version".into(), "27.5.1".into());
    server.insert(api.into(), "1.47".into());
    server.insert(min_api.into(), "1.24".into());
    server.insert("GitCommit".into(), "4c9b3b0".into());
    server.insert("GoVersion".into(), "go1.22.11".into());
    server.insert("Os".into(), "linux".into());
    server.insert("Arch".into(), "amd64".into());
    server.insert("KernelVersion".into(), "6.8.0-51-generic".into());
    server.insert("BuildTime".into(), "2025-01-22T13:41:48.000000000+00:00".into());
    serde_json::json!({"Client": Value::Object(client), "Server": Value::Object(server)})
}

pub fn version(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker version", "[OPTIONS]", "Show the Docker version information", VERSION_FLAGS, 0, 0);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    match a.value("format").filter(|f| !f.is_empty()) {
        None => {
            cli.print(VERSION_TEXT);
            0
        }
        Some("json") => {
            let line = format::template_json(&version_data(false));
            cli.print(format!("{line}\n"));
            0
        }
        Some(f) => {
            // docker/cli version.go: a template that does not parse is
            // StatusError 64 ("template parsing error: ...").
            // templates.Parse: `\t` and `\n` stay as typed (unlike ps/images).
            let t = match crate::gotmpl::parse(f) {
                Ok(t) => t,
                Err(e) => {
                    cli.err(format!("template parsing error: {e}\n"));
                    return 64;
                }
            };
            match t.execute(&version_data(true)) {
                Ok(s) => {
                    cli.print(format!("{s}\n"));
                    0
                }
                Err(e) => {
                    cli.print("\n");
                    cli.err(format!("{e}\n"));
                    1
                }
            }
        }
    }
}

/// The engine's ID (moby daemon/id.go: a random UUID made once, kept in
/// /var/lib/docker/engine-id); a fixed one here.
const ENGINE_ID: &str = "38e2bbe8-4caa-4054-a3ef-67e7c3ea6181";

/// The data `docker info --format` sees (a subset of types.Info).
fn info_data(w: &World) -> Value {
    use baleine_engine::model::Status;
    let running = w.containers.values().filter(|c| c.state.status == Status::Running || c.state.status == Status::Restarting).count();
    let paused = w.containers.values().filter(|c| c.state.status == Status::Paused).count();
    let total = w.containers.len();
    serde_json::json!({
        "ID": ENGINE_ID,
        "Containers": total,
        "ContainersRunning": running,
        "ContainersPaused": paused,
        "ContainersStopped": total - running - paused,
        "Images": w.images.len(),
        "Driver": "overlay2",
        "LoggingDriver": "json-file",
        "CgroupDriver": "systemd",
        "CgroupVersion": "2",
        "KernelVersion": "6.8.0-baleine",
        "OperatingSystem": "baleine (a simulated machine in your browser; nothing here runs for real)",
        "OSType": "linux",
        "Architecture": "x86_64",
        "NCPU": 2,
        "MemTotal": 25_190_000_000u64,
        "Name": baleine_engine::HOST_NAME,
        "DockerRootDir": "/var/lib/docker",
        "ServerVersion": "27.5.1",
        "DefaultRuntime": "runc",
        "Debug": false,
        "ExperimentalBuild": false,
        "LiveRestoreEnabled": false,
        "Swarm": {"LocalNodeState": "inactive"},
    })
}

/// `docker info` / `docker system info` (distinct cobra commands: `path`
/// is the one typed, for usage errors).
pub fn info(cli: &mut Cli<'_>, argv: &[String], path: &'static str) -> i32 {
    let c = Command { aliases: &["docker system info", "docker info"], ..cmd(path, "[OPTIONS]", "Display system-wide information", VERSION_FLAGS, 0, 0) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    if let Some(f) = a.value("format").filter(|f| !f.is_empty()) {
        let data = info_data(cli.world);
        if f == "json" {
            let line = format::template_json(&data);
            cli.print(format!("{line}\n"));
            return 0;
        }
        let t = match crate::gotmpl::parse(f) {
            Ok(t) => t,
            Err(e) => {
                cli.err(format!("template parsing error: {e}\n"));
                return 64;
            }
        };
        return match t.execute(&data) {
            Ok(s) => {
                cli.print(format!("{s}\n"));
                0
            }
            Err(e) => {
                cli.err(format!("{e}\n"));
                1
            }
        };
    }
    let w = &*cli.world;
    let running = w.containers.values().filter(|c| c.state.status == baleine_engine::model::Status::Running).count();
    let paused = w.containers.values().filter(|c| c.state.status == baleine_engine::model::Status::Paused).count();
    let total = w.containers.len();
    let text = format!(
        "Client: Docker Engine - Community\n Version:    27.5.1\n Context:    default\n Debug Mode: false\n Plugins:\n  buildx: Docker Buildx (Docker Inc.)\n    Version:  v0.19.3\n    Path:     /usr/libexec/docker/cli-plugins/docker-buildx\n  compose: Docker Compose (Docker Inc.)\n    Version:  v2.32.4\n    Path:     /usr/libexec/docker/cli-plugins/docker-compose\n\nServer:\n Containers: {total}\n  Running: {running}\n  Paused: {paused}\n  Stopped: {}\n Images: {}\n Server Version: 27.5.1\n Storage Driver: overlay2\n  Backing Filesystem: extfs\n  Supports d_type: true\n  Using metacopy: false\n  Native Overlay Diff: true\n  userxattr: false\n Logging Driver: json-file\n Cgroup Driver: systemd\n Cgroup Version: 2\n Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog\n Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n Init Binary: docker-init\n containerd version: bcc810d6b9066471b0b6fa75f557a15a1cbf31bb\n runc version: v1.2.4-0-g6c52b3f\n init version: de40ad0\n Security Options:\n  apparmor\n  seccomp\n   Profile: builtin\n  cgroupns\n Kernel Version: 6.8.0-baleine\n Operating System: baleine (a simulated machine in your browser; nothing here runs for real)\n OSType: linux\n Architecture: x86_64\n CPUs: 2\n Total Memory: 23.46GiB\n Name: baleine\n ID: {ENGINE_ID}\n Docker Root Dir: /var/lib/docker\n Debug Mode: false\n Experimental: false\n Insecure Registries:\n  127.0.0.0/8\n Live Restore Enabled: false\n\n",
        total - running - paused,
        w.images.len()
    );
    cli.print(text);
    0
}

/// Prints inspect results: a JSON array, or each one through --format over
/// the Go type the value stands for.
/// docker/cli cli/command/inspect/inspector.go `Inspect`: one result per
/// reference, in order; a lookup error is kept and reported after the
/// output (an empty template output still prints a blank line, an empty
/// list `[]`), and fails the command with status 1. A template that does
/// not parse is status 64.
pub fn print_inspect(cli: &mut Cli<'_>, items: Vec<Result<(Value, &'static GoType), String>>, fmt: Option<&str>) -> i32 {
    let mut errors = Vec::new();
    let mut found = Vec::new();
    let mut out = String::new();
    match fmt.filter(|f| !f.is_empty()) {
        Some(f) if f != "json" => {
            // templates.Parse: `\t` and `\n` stay as typed (unlike ps/images).
            let t = match crate::gotmpl::parse(f) {
                Ok(t) => t,
                Err(e) => {
                    cli.err(format!("template parsing error: {e}\n"));
                    return 64;
                }
            };
            for item in items {
                // docker/cli inspector.go: when the typed execution fails,
                // the template runs again on the raw JSON with
                // missingkey=error (tryRawInspectFallback), and that error is
                // the one reported.
                match item.and_then(|(v, ty)| t.execute_as(&v, ty).or_else(|_| t.execute_strict(&v)).map_err(|e| if e.starts_with("template parsing error") { e } else { format!("template parsing error: {e}") })) {
                    Ok(s) => out.push_str(&format!("{s}\n")),
                    Err(e) => errors.push(e),
                }
            }
            if out.is_empty() {
                out.push('\n');
            }
        }
        f => {
            for item in items {
                match item {
                    Ok((v, _)) => found.push(v),
                    Err(e) => errors.push(e),
                }
            }
            let arr = Value::Array(found);
            // `--format json` is compact, the default indented.
            let text = if f.is_some() { arr.to_string() } else if arr.as_array().is_some_and(Vec::is_empty) { "[]".to_string() } else { format::pretty_json(&arr) };
            out = format!("{text}\n");
        }
    }
    cli.print(out);
    for e in &errors {
        cli.err(format!("{e}\n"));
    }
    i32::from(!errors.is_empty())
}

pub fn inspect(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    inspect_kind(cli, argv, "")
}

/// `docker inspect` (any object) and `docker container|image inspect`.
pub fn inspect_kind(cli: &mut Cli<'_>, argv: &[String], kind: &str) -> i32 {
    let path = match kind {
        "container" => "docker container inspect",
        "image" => "docker image inspect",
        _ => "docker inspect",
    };
    let (usage, short) = match kind {
        "container" => ("[OPTIONS] CONTAINER [CONTAINER...]", "Display detailed information on one or more containers"),
        "image" => ("[OPTIONS] IMAGE [IMAGE...]", "Display detailed information on one or more images"),
        _ => ("[OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects"),
    };
    let flags: &'static [Flag] = match kind {
        "container" => CONTAINER_INSPECT_FLAGS,
        "image" => &INSPECT_FLAGS[..1],
        _ => INSPECT_FLAGS,
    };
    let c = cmd(path, usage, short, flags, 1, usize::MAX);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let kind = a.value("type").map(str::to_string).unwrap_or_else(|| kind.to_string());
    if !matches!(kind.as_str(), "" | "container" | "image" | "network" | "node" | "plugin" | "secret" | "service" | "task" | "volume") {
        cli.err(format!("\"{kind}\" is not a valid value for --type\n"));
        return 1;
    }
    let items = inspect_items(cli.world, &a.args, &kind, a.has("size"));
    let fmtv = a.value("format").map(str::to_string);
    print_inspect(cli, items, fmtv.as_deref())
}

/// Looks each name up as an object of `kind` ("" for any) for `print_inspect`.
pub fn inspect_items(w: &World, names: &[String], kind: &str, size: bool) -> Vec<Result<(Value, &'static GoType), String>> {
    let mut items = Vec::new();
    for n in names {
        let container = || w.container(n).ok().map(|c| (with_size(w, c, format::container_json(w, c), size), &format::CONTAINER_TYPE));
        let image = || w.image(n).ok().map(|i| (format::image_json(w, i), &format::IMAGE_TYPE));
        let network = || w.network(n).ok().map(|x| (format::network_json(w, x), &GoType::Json));
        let volume = || w.volumes.get(n).map(|v| (format::volume_json(w, v), &GoType::Json));
        // With a type (docker container/image inspect, --type), the client
        // returns the daemon's error; without, "Error: No such object".
        items.push(match kind {
            "container" => container().ok_or_else(|| format!("Error response from daemon: No such container: {n}")),
            // The daemon's GetImage parses the reference first
            // (reference.ParseAnyReference, an InvalidParameter error).
            "image" => image().ok_or_else(|| match baleine_engine::images::Reference::parse(n) {
                Err(e) if !is_hex_id(n) => format!("Error response from daemon: {}", e.message),
                _ => format!("Error response from daemon: No such image: {}", baleine_engine::images::display_ref(n)),
            }),
            "network" => network().ok_or_else(|| format!("Error response from daemon: network {n} not found")),
            "volume" => volume().ok_or_else(|| format!("Error response from daemon: get {n}: no such volume")),
            _ => container().or_else(image).or_else(network).or_else(volume).ok_or_else(|| format!("Error: No such object: {n}")),
        });
    }
    items
}

/// A 64-hex image id (anchoredIdentifierRegexp), which ParseAnyReference
/// takes as a digest.
fn is_hex_id(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `inspect --size` adds SizeRw and SizeRootFs after GraphDriver
/// (api/types ContainerJSONBase field order).
fn with_size(w: &World, c: &baleine_engine::model::Container, v: Value, size: bool) -> Value {
    let Value::Object(m) = v else { return v };
    if !size {
        return Value::Object(m);
    }
    let rw = container_rw_size(w, c);
    let root = rw + w.images.get(&c.image_id).map(|i| w.image_size(i)).unwrap_or(0);
    let mut out = serde_json::Map::new();
    for (k, x) in m {
        let after = k == "GraphDriver";
        out.insert(k, x);
        if after {
            out.insert("SizeRw".into(), rw.into());
            out.insert("SizeRootFs".into(), root.into());
        }
    }
    Value::Object(out)
}

/// docker/cli registry/login.go storeCredentials: the warning of the file
/// credential store (no credential helper is configured).
pub(crate) fn unencrypted_warning(config_file: &str) -> String {
    format!("WARNING! Your password will be stored unencrypted in {config_file}.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/engine/reference/commandline/login/#credential-stores\n\n")
}

/// The client's config file (`$DOCKER_CONFIG/config.json`, by default in
/// the home folder).
fn config_file(cli: &Cli<'_>) -> String {
    match cli.getenv("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
        Some(dir) => format!("{}/config.json", dir.trim_end_matches('/')),
        None => format!("{}/.docker/config.json", cli.getenv("HOME").unwrap_or("/home/learner")),
    }
}

/// docker/cli v27.5.1 cli/command/registry/login.go runLogin.
pub fn login(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker login", "[OPTIONS] [SERVER]", "Authenticate to a registry", LOGIN_FLAGS, 0, 1);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // "docker.io" (registry.DefaultNamespace) or nothing: Docker Hub.
    let registry = a.args.first().filter(|s| !s.is_empty()).cloned().unwrap_or_else(|| "docker.io".into());
    let user = a.value("username").map(str::trim).filter(|u| !u.is_empty()).map(str::to_string);
    let mut password = a.value("password").filter(|p| !p.is_empty()).map(str::to_string);
    // verifyloginOptions.
    if password.is_some() {
        cli.err("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
        if a.has("password-stdin") {
            cli.err("--password and --password-stdin are mutually exclusive\n");
            return 1;
        }
    }
    if a.has("password-stdin") {
        if user.is_none() {
            cli.err("Must provide --username with --password-stdin\n");
            return 1;
        }
        if let Some(input) = &cli.stdin {
            let text = String::from_utf8_lossy(input);
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let text = text.strip_suffix('\r').unwrap_or(text);
            password = Some(text.trim().to_string()).filter(|p| !p.is_empty());
        }
    }
    let config = config_file(cli);
    // Stored credentials are tried first when no -u/-p is given.
    if user.is_none() && password.is_none() && cli.world.logins.contains_key(&registry) {
        cli.print("Authenticating with existing credentials...\n");
        cli.err(unencrypted_warning(&config));
        cli.print("Login Succeeded\n");
        return 0;
    }
    // loginUser: prompting needs a terminal.
    if (user.is_none() || password.is_none()) && cli.stdin.is_some() {
        cli.err("Error: Cannot perform an interactive login from a non TTY device\n");
        return 1;
    }
    match (user, password) {
        (Some(u), Some(_)) => {
            cli.world.logins.insert(registry, u);
            cli.err(unencrypted_warning(&config));
            cli.print("Login Succeeded\n");
            0
        }
        (Some(u), None) => {
            cli.print("Password: ");
            cli.pending = Some(Pending::Prompt(Prompt::LoginPassword { registry, user: u, config }));
            0
        }
        (None, _) => {
            // PromptUserForCredentials: the Docker Hub hints first.
            if registry == "docker.io" {
                cli.print("Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\nYou can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n");
            }
            cli.print("Username: ");
            cli.pending = Some(Pending::Prompt(Prompt::LoginUser { registry, config }));
            0
        }
    }
}

/// credentials.ConvertToHostname: the address without its scheme and path.
fn registry_hostname(address: &str) -> &str {
    let s = address.strip_prefix("http://").or_else(|| address.strip_prefix("https://")).unwrap_or(address);
    s.split('/').next().unwrap_or(s)
}

/// docker/cli v27.5.1 cli/command/registry/logout.go runLogout: the
/// credentials are erased from the file store whether or not there were
/// any.
pub fn logout(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker logout", "[SERVER]", "Log out from a registry", &[], 0, 1);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let given = a.args.first().filter(|s| !s.is_empty()).cloned();
    let (key, shown) = match &given {
        None => ("docker.io".to_string(), "https://index.docker.io/v1/".to_string()),
        Some(server) => (server.clone(), registry_hostname(server).to_string()),
    };
    cli.world.logins.shift_remove(&key);
    if key != shown {
        cli.world.logins.shift_remove(&shown);
    }
    cli.print(format!("Removing login credentials for {shown}\n"));
    0
}

pub fn df(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker system df", "[OPTIONS]", "Show docker disk usage", DF_FLAGS, 0, 0);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let w = &*cli.world;
    let active_images: Vec<&String> = w.images.keys().filter(|id| w.containers.values().any(|c| &c.image_id == *id)).collect();
    let mut counted = std::collections::BTreeSet::new();
    let mut img_size = 0;
    for img in w.images.values() {
        for l in &img.layers {
            if counted.insert(l.clone()) {
                img_size += w.layers.get(l).map(|x| x.size).unwrap_or(0);
            }
        }
    }
    // A layer's share: the size of the layers other images also use
    // (image.Summary.SharedSize).
    let shared_size = |img: &baleine_engine::model::Image| -> u64 { img.layers.iter().filter(|l| w.images.values().filter(|o| o.layers.contains(l)).count() > 1).map(|l| w.layers.get(l).map(|x| x.size).unwrap_or(0)).sum() };
    // formatter/disk_usage.go diskUsageImagesContext.Reclaimable: all but
    // the unique size of the images containers use.
    let used_img: u64 = active_images.iter().filter_map(|id| w.images.get(*id)).map(|i| w.image_size(i).saturating_sub(shared_size(i))).sum();
    let reclaim_img = img_size.saturating_sub(used_img);
    let cont_size: u64 = w.containers.values().map(|c| container_rw_size(w, c)).sum();
    let running = w.containers.values().filter(|c| c.is_running()).count();
    let cont_reclaim: u64 = w.containers.values().filter(|c| !c.is_running()).map(|c| container_rw_size(w, c)).sum();
    let vol_size: u64 = w.volumes.keys().map(|n| w.volume_size(n)).sum();
    let vol_active = w.volumes.keys().filter(|n| w.volume_in_use(n)).count();
    let vol_reclaim: u64 = w.volumes.keys().filter(|n| !w.volume_in_use(n)).map(|n| w.volume_size(n)).sum();
    let cache = w.build.cache_size();
    // formatter/disk_usage.go Reclaimable(): "%s (%v%%)" only when the total is not zero.
    let reclaim = |r: u64, t: u64| if t == 0 { human_size(r) } else { format!("{} ({}%)", human_size(r), r * 100 / t) };
    if a.has("verbose") {
        let mut text = String::from("Images space usage:\n\n");
        let mut t = String::from("REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS\n");
        for img in w.images.values() {
            let (repo, tag) = img.repo_tags.first().and_then(|t| t.rsplit_once(':')).map(|(r, t)| (r.to_string(), t.to_string())).unwrap_or(("<none>".into(), "<none>".into()));
            let n = w.containers.values().filter(|c| c.image_id == img.id).count();
            let size = w.image_size(img);
            let shared = shared_size(img);
            t.push_str(&format!("{repo}\t{tag}\t{}\t{}\t{}\t{}\t{}\t{n}\n", &img.id[..12], format::ago(w.now_secs() * 1000, img.created_secs * 1000), human_size(size), human_size(shared), human_size(size - shared)));
        }
        text.push_str(&crate::tabwriter::docker_table(&t));
        text.push_str("\nContainers space usage:\n\n");
        let mut t = String::from("CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES\n");
        for c in w.containers.values() {
            t.push_str(&format!("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", &c.id[..12], c.spec.image, format::command_column(c, true), c.mounts.iter().filter(|m| m.kind == "volume").count(), human_size(container_rw_size(w, c)), format::ago(w.now_ms, c.created_ms), format::status_string(c, w.now_ms), c.name));
        }
        text.push_str(&crate::tabwriter::docker_table(&t));
        text.push_str("\nLocal Volumes space usage:\n\n");
        let mut t = String::from("VOLUME NAME\tLINKS\tSIZE\n");
        for v in w.volumes.values() {
            t.push_str(&format!("{}\t{}\t{}\n", v.name, w.volume_users(&v.name).len(), human_size(w.volume_size(&v.name))));
        }
        text.push_str(&crate::tabwriter::docker_table(&t));
        // verboseWriteTable: the build cache table follows, its header
        // printed even when it has no rows.
        text.push_str(&format!("\nBuild cache usage: {}\n\n", human_size(cache)));
        let mut t = String::from("CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED\n");
        let ago = |ms: u64| format!("{} ago", baleine_engine::util::human_duration(w.now_ms.saturating_sub(ms)));
        for e in w.build.entries() {
            let id: String = e.id.chars().take(12).collect();
            t.push_str(&format!("{id}\t{}\t{}\t{}\t{}\t{}\tfalse\n", if e.mutable { "exec.cachemount" } else { "regular" }, human_size(e.size), ago(e.created_ms), ago(e.last_used_ms), e.usage_count));
        }
        text.push_str(&crate::tabwriter::docker_table(&t));
        cli.print(text);
        return 0;
    }
    let t = format!(
        "TYPE\tTOTAL\tACTIVE\tSIZE\tRECLAIMABLE\nImages\t{}\t{}\t{}\t{}\nContainers\t{}\t{}\t{}\t{}\nLocal Volumes\t{}\t{}\t{}\t{}\nBuild Cache\t{}\t0\t{}\t{}\n",
        w.images.len(),
        active_images.len(),
        human_size(img_size),
        reclaim(reclaim_img, img_size),
        w.containers.len(),
        running,
        human_size(cont_size),
        reclaim(cont_reclaim, cont_size),
        w.volumes.len(),
        vol_active,
        human_size(vol_size),
        reclaim(vol_reclaim, vol_size),
        w.build.cache_entries(),
        human_size(cache),
        human_size(cache),
    );
    cli.print(crate::tabwriter::docker_table(&t));
    0
}

use crate::format::container_rw_size;

pub fn prune(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker system prune", "[OPTIONS]", "Remove unused data", PRUNE_FLAGS, 0, 0);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let all = a.has("all");
    let vols = a.has("volumes");
    let given = a.values("filter");
    // FilterOpt.Set: names lowercased and trimmed (the format was checked
    // while parsing the flag).
    let pairs: Vec<(String, String)> = given.iter().filter_map(|f| f.split_once('=')).map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string())).collect();
    // docker/cli system/prune.go runPrune.
    if vols && pairs.iter().any(|(k, _)| k == "until") {
        cli.err("ERROR: The \"until\" filter is not supported with \"--volumes\"\n");
        return 1;
    }
    if !a.has("force") {
        let mut text = String::from("WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n");
        if vols {
            text.push_str("  - all anonymous volumes not used by at least one container\n");
        }
        if all {
            text.push_str("  - all images without at least one container associated to them\n  - all build cache\n");
        } else {
            text.push_str("  - all dangling images\n  - unused build cache\n");
        }
        // confirmationTemplate: the label, label! and until filters, in
        // natural order.
        let mut shown: Vec<String> = Vec::new();
        for name in ["label", "label!", "until"] {
            shown.extend(pairs.iter().filter(|(k, _)| k == name).map(|(k, v)| format!("{k}={v}")));
        }
        baleine_util::sort::sort_by(&mut shown, |x, y| crate::cmd_network::natural_cmp(x, y));
        if !shown.is_empty() {
            text.push_str("\n  Items to be pruned will be filtered with:\n");
            for f in &shown {
                text.push_str(&format!("  - {f}\n"));
            }
        }
        text.push_str("\nAre you sure you want to continue? [y/N] ");
        cli.print(text);
        if !crate::confirm_prune(cli, "system", argv) {
            return 0;
        }
    }
    // Each prune call of the daemon checks the filters it accepts; the
    // containers' (label, label!, until) come first.
    let filters = match crate::parse_filters(cli, &given, &["label", "label!", "until"], "docker system prune") {
        Ok(f) => f,
        Err(s) => return s,
    };
    let until_ms = match crate::cmd_volume::prune_until(cli, &filters) {
        Ok(u) => u,
        Err(s) => return s,
    };
    let label_filters = crate::cmd_volume::LabelFilters::new(&filters);
    let by_labels = |l: &indexmap::IndexMap<String, String>| label_filters.matches(l);
    let keep_container = |c: &baleine_engine::model::Container| until_ms.is_none_or(|u| c.created_ms <= u) && by_labels(&c.labels);
    let containers_size: u64 = cli.world.containers.values().filter(|c| !c.is_running() && keep_container(c)).map(|c| container_rw_size(cli.world, c)).sum();
    let containers = cli.world.prune_containers_where(&keep_container);
    if !containers.is_empty() {
        cli.print("Deleted Containers:\n");
        for id in &containers {
            cli.print(format!("{id}\n"));
        }
        cli.print("\n");
    }
    let nets = cli.world.prune_networks_where(&|n| until_ms.is_none_or(|u| n.created_ms <= u) && by_labels(&n.labels));
    if !nets.is_empty() {
        cli.print("Deleted Networks:\n");
        for n in &nets {
            cli.print(format!("{n}\n"));
        }
        cli.print("\n");
    }
    let mut reclaimed = if containers.is_empty() { 0 } else { containers_size };
    if vols {
        let (names, r) = cli.world.prune_volumes_where(&|v| v.labels.contains_key("com.docker.volume.anonymous") && by_labels(&v.labels));
        reclaimed += r;
        if !names.is_empty() {
            cli.print("Deleted Volumes:\n");
            for n in names {
                cli.print(format!("{n}\n"));
            }
            cli.print("\n");
        }
    }
    // Image times are Unix seconds (catalogue images predate the session).
    let until_secs = match crate::cmd_image::prune_until_secs(cli, &filters) {
        Ok(u) => u,
        Err(s) => return s,
    };
    let (lines, r) = cli.world.prune_images_where(all, &|i| until_secs.is_none_or(|u| i.created_secs <= u) && by_labels(&i.config.labels));
    reclaimed += r;
    if !lines.is_empty() {
        cli.print("Deleted Images:\n");
        for l in lines {
            cli.print(format!("{l}\n"));
        }
        cli.print("\n");
    }
    // moby builder-next Prune: label filters are accepted but ignored;
    // `until` keeps what was used since then (toBuildkitPruneInfo's
    // KeepDuration).
    let removed = cli.world.build.prune_where(all, &|e| until_ms.is_none_or(|u| e.last_used_ms <= u));
    let r: u64 = removed.iter().map(|x| x.size).sum();
    let ids: Vec<String> = removed.into_iter().map(|x| x.id).collect();
    reclaimed += r;
    if !ids.is_empty() {
        cli.print("Deleted build cache objects:\n");
        for id in ids {
            cli.print(format!("{id}\n"));
        }
        cli.print("\n");
    }
    cli.print(format!("Total reclaimed space: {}\n", human_size(reclaimed)));
    0
}
