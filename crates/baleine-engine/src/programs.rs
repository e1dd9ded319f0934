//! The programs that run inside containers and builds: shells, network
//! tools, package managers, language runtimes and servers. Each answers the
//! way the real tool does, from the model (files, networks, clock).

use std::sync::Arc;

use baleine_shell::{Flavor, Invocation, Output, Shell, System};
use baleine_vfs::{basename, normalize, Content, Fs, Meta, Node, Stat};

use crate::http::{parse_url, HttpError};
use crate::model::*;
use crate::network::{Connect, Resolution};
use crate::sys::{ContainerSys, RunMode, ServerInfo};

/// Whether argv starts a bare interactive shell (`bash`, `sh`, `/bin/sh`).
pub fn is_shell_invocation(argv: &[String]) -> bool {
    let Some(first) = argv.first() else { return false };
    let name = basename(first);
    let shells = ["sh", "bash", "ash", "dash", "zsh"];
    if !shells.contains(&name) {
        return false;
    }
    argv[1..].iter().all(|a| matches!(a.as_str(), "-i" | "-l" | "--login" | "-il" | "-li"))
}

/// Deterministic pseudo-random size in [min, max) from a name.
pub fn pseudo_size(name: &str, min: u64, max: u64) -> u64 {
    let h = crate::util::sha256_hex(name);
    let n = u64::from_str_radix(&h[..12], 16).unwrap_or(0);
    min + n % (max - min).max(1)
}

fn opaque(kind: &str, size: u64) -> Content {
    Content::Opaque { kind: Arc::from(kind), size }
}

fn write_exec(sys: &mut ContainerSys<'_>, path: &str, kind: &str, size: u64) {
    let _ = sys.mkdir(&baleine_vfs::dirname(path), true);
    let _ = sys.write(path, opaque(kind, size), Some(Meta::exec()));
}

fn write_blob(sys: &mut ContainerSys<'_>, path: &str, kind: &str, size: u64) {
    let _ = sys.mkdir(&baleine_vfs::dirname(path), true);
    let _ = sys.write(path, opaque(kind, size), Some(Meta::file()));
}

fn read_text(sys: &ContainerSys<'_>, path: &str) -> Option<String> {
    match sys.read(path).ok()? {
        Content::Bytes(b) => Some(String::from_utf8_lossy(&b).into_owned()),
        Content::Opaque { .. } => Some(String::new()),
    }
}

fn flavor_of(sys: &ContainerSys<'_>) -> Flavor {
    match sys.ctx.os_family {
        OsFamily::Alpine | OsFamily::Busybox => Flavor::Ash,
        _ => Flavor::Ash,
    }
}

/// Entry point from the shell: runs `inv` or returns None if unknown.
/// The program sees the invocation's environment and working folder
/// (`VAR=x cmd`, `export`, `cd` in a script).
pub fn run(sys: &mut ContainerSys<'_>, shell: &mut Shell, inv: &Invocation<'_>, out: &mut Output) -> Option<i32> {
    let saved_env = std::mem::replace(&mut sys.ctx.env, inv.env.to_vec());
    let saved_wd = std::mem::replace(&mut sys.ctx.workdir, inv.cwd.to_string());
    let r = run_inner(sys, shell, inv, out);
    sys.ctx.env = saved_env;
    sys.ctx.workdir = saved_wd;
    r
}

fn run_inner(sys: &mut ContainerSys<'_>, shell: &mut Shell, inv: &Invocation<'_>, out: &mut Output) -> Option<i32> {
    let argv0 = inv.argv.first()?.clone();
    let mut name = basename(&argv0).to_string();
    let kind = inv.kind.unwrap_or("");
    if name == "busybox" && inv.argv.len() > 1 {
        // busybox APPLET args
        let rest: Vec<String> = inv.argv[1..].to_vec();
        let applet = basename(&rest[0]);
        if rest[0].starts_with('-') || !crate::baseos::BUSYBOX_APPLETS.contains(&applet) || applet == "busybox" {
            return Some(busybox_cmd(&rest, out));
        }
        let inv2 = Invocation { argv: &rest, path: inv.path, kind: inv.kind, env: inv.env, cwd: inv.cwd, stdin: inv.stdin };
        if baleine_shell::utils::is_utility(&rest[0]) {
            return baleine_shell::utils::run_utility(&rest[0], shell, sys, &rest[1..], inv.stdin, out);
        }
        return run_inner(sys, shell, &inv2, out);
    }
    if inv.path.is_none() && !matches!(name.as_str(), "docker-init") {
        // Nothing on PATH: the shell reports "not found".
        return None;
    }
    // Kinds that name a specific program win over the basename.
    let by_kind = match kind {
        "" | "busybox" | "coreutils" | "util" | "bash" | "dash" => None,
        k => Some(k.to_string()),
    };
    if let Some(k) = by_kind {
        if !k.contains("entrypoint") {
            name = k;
        } else {
            return Some(entrypoint(sys, shell, inv, out, &k));
        }
    }
    let args: Vec<String> = inv.argv[1..].to_vec();
    let status = match name.as_str() {
        "sh" | "ash" | "bash" | "dash" | "zsh" => shell_program(sys, inv, out, &name),
        "hello" => {
            out.out(HELLO);
            0
        }
        "ping" | "ping-iputils" => ping(sys, &args, out, name == "ping-iputils" || kind == "ping-iputils"),
        "wget" => wget(sys, &args, out),
        "curl" => curl(sys, &args, out),
        "nslookup" | "nslookup-bind" => nslookup(sys, &args, out, name == "nslookup-bind" || kind == "nslookup-bind"),
        "dig" => dig(sys, &args, out),
        "getent" => getent(sys, &args, out),
        "nc" | "netcat" | "ncat" => nc(sys, &args, out),
        "nc-openbsd" => nc_openbsd(sys, &args, out),
        "host" => host_cmd(sys, &args, out),
        "ip" => ip_cmd(sys, &args, out, false),
        "ip-iproute2" => ip_cmd(sys, &args, out, true),
        "ifconfig" => ifconfig(sys, &args, out),
        "ps" => ps(sys, &args, out),
        "kill" => kill(sys, &args, out),
        "top" if matches!(sys.ctx.os_family, OsFamily::Alpine | OsFamily::Busybox) => top_busybox(sys, &args, out),
        "top" => {
            ps(sys, &[], out);
            0
        }
        "apk" => apk(sys, &args, out),
        "apt-get" | "apt" => apt(sys, &args, out, &name),
        "dpkg" => {
            out.err("dpkg: error: need an action option\n");
            2
        }
        "npm" => npm(sys, &args, out),
        "npx" => {
            out.out(format!("npx: running {}\n", args.join(" ")));
            0
        }
        "yarn" => {
            let yargs: Vec<String> = if args.is_empty() { vec!["install".to_string()] } else { args.clone() };
            npm(sys, &yargs, out)
        }
        "node" | "nodejs" => node(sys, &args, out),
        "python" | "python3" => python(sys, &args, out),
        "pip" | "pip3" => pip(sys, &args, out),
        "go" => go(sys, &args, out),
        "gofmt" => 0,
        k if k.starts_with("go-binary") => go_binary(sys, inv, out),
        "gcc" | "g++" | "make" | "cc" => 0,
        "git" => {
            if args.first().map(String::as_str) == Some("clone") {
                let host_ok = sys.cid().is_none_or(|c| sys.world.has_outside_access(c));
                if !host_ok {
                    out.err("fatal: unable to access: Could not resolve host\n");
                    return Some(128);
                }
                out.err(format!("Cloning into '{}'...\n", args.last().map(|s| basename(s).trim_end_matches(".git").to_string()).unwrap_or_default()));
            }
            0
        }
        "nginx" => server_nginx(sys, &args, out),
        "httpd-foreground" | "httpd" | "apachectl" => server_httpd(sys, out),
        "redis-server" => server_redis(sys, &args, out),
        "redis-cli" => redis_cli(sys, &args, out),
        "postgres" => server_postgres(sys, out),
        "pg_isready" => pg_isready(sys, &args, out),
        "psql" => psql(sys, &args, out),
        "mysqld" | "mariadbd" => server_mysql(sys, out, &name),
        "mysql" | "mariadb" | "mysqladmin" => mysql_client(sys, &args, out, &name),
        "mongod" => server_simple(sys, out, "mongod", 27017, 1500, &["{\"t\":{\"$date\":\"...\"},\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23016,   \"ctx\":\"listener\",\"msg\":\"Waiting for connections\",\"attr\":{\"port\":27017,\"ssl\":\"off\"}}"], true, 0),
        "mongosh" | "mongo" => {
            out.out("Current Mongosh Log ID:\t65a1b2c3d4e5f6a7b8c9d0e1\nConnecting to:\t\tmongodb://127.0.0.1:27017/?directConnection=true\nUsing MongoDB:\t\t7.0.14\nUsing Mongosh:\t\t2.3.1\n");
            0
        }
        "prometheus" => server_simple(sys, out, "prometheus", 9090, 800, &["ts=... level=INFO source=main.go:640 msg=\"No time or size retention was set so using the default time retention\" duration=15d", "ts=... level=INFO source=main.go:1247 msg=\"Server is ready to receive web requests.\""], true, 0),
        "node_exporter" | "node-exporter" => server_simple(sys, out, "node-exporter", 9100, 200, &["ts=... level=INFO source=node_exporter.go:216 msg=\"Listening on\" address=[::]:9100"], true, 0),
        "grafana" | "grafana-server" | "run.sh" => server_simple(sys, out, "grafana", 3000, 3000, &["logger=settings t=... level=info msg=\"Starting Grafana\" version=11.3.0", "logger=http.server t=... level=info msg=\"HTTP Server Listen\" address=[::]:3000 protocol=http"], true, 0),
        "elasticsearch" => server_simple(sys, out, "elasticsearch", 9200, 25_000, &["{\"@timestamp\":\"...\", \"log.level\": \"INFO\", \"message\":\"started\", \"service.name\":\"ES_ECS\"}"], true, 143),
        "logstash" => server_simple(sys, out, "logstash", 9600, 20_000, &["[INFO ][logstash.agent           ] Successfully started Logstash API endpoint {:port=>9600, :ssl_enabled=>false}"], true, 0),
        "kibana" => server_simple(sys, out, "kibana", 5601, 15_000, &["[INFO ][status] Kibana is now available"], true, 0),
        "registry" => server_simple(sys, out, "registry", 5000, 100, &["level=info msg=\"listening on [::]:5000\""], true, 0),
        "tini" | "dumb-init" | "docker-init" | "gosu" | "su-exec" | "exec" => {
            let mut rest: Vec<String> = args.iter().skip_while(|a| a.starts_with('-') && *a != "--").cloned().collect();
            if rest.first().map(String::as_str) == Some("--") {
                rest.remove(0);
            }
            if matches!(name.as_str(), "gosu" | "su-exec") && !rest.is_empty() {
                rest.remove(0);
            }
            if rest.is_empty() {
                return Some(0);
            }
            let s = crate::sys::exec_argv(sys, &rest, inv.stdin, out);
            if let Some(srv) = sys.server.as_mut() {
                // An init forwards signals: the child's handler decides.
                let _ = srv;
            }
            s
        }
        "adduser" | "addgroup" | "useradd" | "groupadd" | "adduser-debian" => users(sys, &name, &args, out),
        "chown" => chown(sys, &args, out),
        "chmod" => chmod(sys, &args, out),
        "su" => 0,
        "update-ca-certificates" => 0,
        "mount" => mount_cmd(sys, &args, out),
        "pidof" => pidof(sys, &args, out),
        "busybox" => busybox_cmd(&args, out),
        // Run their command: scheduling and session tweaks change nothing here.
        "nice" | "setsid" | "ionice" | "stdbuf" | "taskset" | "chrt" => {
            let rest: Vec<String> = args.iter().skip_while(|a| a.starts_with('-')).cloned().collect();
            if rest.is_empty() {
                if name == "nice" {
                    out.out("0\n");
                }
                return Some(0);
            }
            crate::sys::exec_argv(sys, &rest, inv.stdin, out)
        }
        "lib" => return None,
        // An applet of busybox or GNU coreutils that is not simulated: it
        // runs and does nothing visible (sync, mkfifo, ...), rather than
        // failing as if it were not a program at all.
        _ if matches!(kind, "busybox" | "coreutils") => 0,
        _ => return None,
    };
    let _ = flavor_of(sys);
    Some(status)
}

const HELLO: &str = "\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n\nTo generate this message, Docker took the following steps:\n 1. The Docker client contacted the Docker daemon.\n 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.\n    (amd64)\n 3. The Docker daemon created a new container from that image which runs the\n    executable that produces the output you are currently reading.\n 4. The Docker daemon streamed that output to the Docker client, which sent it\n    to your terminal.\n\nTo try something more ambitious, you can run an Ubuntu container with:\n $ docker run -it ubuntu bash\n\nShare images, automate workflows, and more with a free Docker ID:\n https://hub.docker.com/\n\nFor more examples and ideas, visit:\n https://docs.docker.com/get-started/\n\n";

/// sh/bash as a program: `-c script`, a script file, or stdin.
fn shell_program(sys: &mut ContainerSys<'_>, inv: &Invocation<'_>, out: &mut Output, name: &str) -> i32 {
    if sys.depth > 16 {
        out.err(format!("{name}: too many nested shells\n"));
        return 2;
    }
    let flavor = if name == "bash" || name == "zsh" { Flavor::Bash } else { Flavor::Ash };
    let mut sub = Shell::new(flavor, inv.env, inv.cwd);
    sub.state.stdout_tty = sys.ctx.tty;
    if name != "bash" {
        sub.name = "sh".into();
    }
    let args = &inv.argv[1..];
    let mut i = 0;
    let mut script: Option<String> = None;
    while i < args.len() {
        let a = &args[i];
        if a == "-c" {
            script = args.get(i + 1).cloned();
            i += 2;
            break;
        } else if a.starts_with('-') && a.len() > 1 && !a.starts_with("--") && a.contains('c') {
            script = args.get(i + 1).cloned();
            i += 2;
            break;
        } else if a.starts_with('-') {
            i += 1;
        } else {
            break;
        }
    }
    sys.depth += 1;
    let status = match script {
        Some(s) => {
            let rest: Vec<String> = args[i.min(args.len())..].to_vec();
            if let Some(first) = rest.first() {
                sub.set_var("0", first);
            }
            for (n, a) in rest.iter().skip(1).enumerate() {
                sub.set_var(&(n + 1).to_string(), a);
            }
            sub.run_str(sys, &s, out).status
        }
        None if i < args.len() => {
            let file = normalize(inv.cwd, &args[i]);
            match read_text(sys, &file) {
                Some(text) => {
                    for (n, a) in args[i + 1..].iter().enumerate() {
                        sub.set_var(&(n + 1).to_string(), a);
                    }
                    sub.run_str(sys, &text, out).status
                }
                None => {
                    out.err(format!("{name}: can't open '{}': No such file or directory\n", args[i]));
                    2
                }
            }
        }
        None => match inv.stdin {
            Some(input) => {
                let text = String::from_utf8_lossy(input).into_owned();
                sub.run_str(sys, &text, out).status
            }
            None => 0,
        },
    };
    sys.depth -= 1;
    if sys.depth == 0 {
        sys.term_trap = sub.trap_action("TERM").map(str::to_string);
    }
    sys.depth += 1;
    let status = sub.run_exit_trap(sys, status, out);
    sys.depth -= 1;
    status
}

// ---- network tools -------------------------------------------------------

fn resolve(sys: &ContainerSys<'_>, host: &str) -> Resolution {
    if sys.ctx.host {
        return sys.world.resolve_from(None, host);
    }
    if sys.ctx.no_network {
        return match crate::model::parse_ip(host) {
            Some(ip) => Resolution::Ip(ip),
            None if host == "localhost" => Resolution::Ip(0x7f00_0001),
            None => Resolution::Unknown,
        };
    }
    match sys.cid() {
        Some(cid) => sys.world.resolve_from(Some(cid), host),
        None => {
            // A build step: default bridge, with outside access.
            match crate::model::parse_ip(host) {
                Some(ip) => Resolution::Ip(ip),
                None => match crate::network::OUTSIDE_HOSTS.iter().find(|(n, _)| *n == host) {
                    Some((_, ip)) => Resolution::Ip(crate::model::parse_ip(ip).unwrap_or(0)),
                    None => Resolution::Unknown,
                },
            }
        }
    }
}

fn reachable_icmp(sys: &ContainerSys<'_>, ip: u32) -> bool {
    if ip >> 24 == 127 {
        return true;
    }
    if sys.ctx.host {
        return crate::network::is_outside(ip) || sys.world.container_by_ip(ip).is_some_and(|c| c.state.status == Status::Running);
    }
    if sys.ctx.no_network {
        return false;
    }
    let Some(cid) = sys.cid() else { return crate::network::is_outside(ip) };
    let world = &*sys.world;
    if crate::network::is_outside(ip) {
        return world.has_outside_access(cid);
    }
    let owner = world.netns_owner(cid);
    let Some(me) = world.containers.get(&owner) else { return false };
    if me.network_mode == "host" {
        return true;
    }
    for t in world.containers.values() {
        for (nid, e) in &t.endpoints {
            if e.ip == ip {
                return t.state.status == Status::Running && me.endpoints.get(nid).is_some_and(|m| m.ip != 0);
            }
        }
    }
    // Gateways answer.
    me.endpoints.keys().any(|nid| world.networks.get(nid).is_some_and(|n| n.gateway == ip))
}

fn connect(sys: &ContainerSys<'_>, ip: u32, port: u16) -> Connect {
    if sys.ctx.host {
        return sys.world.connect(None, ip, port);
    }
    if sys.ctx.no_network && ip >> 24 != 127 {
        return Connect::Unreachable;
    }
    match sys.cid() {
        Some(cid) => sys.world.connect(Some(cid), ip, port),
        None => {
            if crate::network::is_outside(ip) && matches!(port, 80 | 443) {
                Connect::Open { program: "internet".into(), container: None }
            } else {
                Connect::Unreachable
            }
        }
    }
}

fn ping(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output, iputils: bool) -> i32 {
    let mut count: Option<u64> = None;
    let mut host = None;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-c" || a == "-W" || a == "-w" || a == "-i" || a == "-s" {
            if a == "-c" {
                count = args.get(i + 1).and_then(|v| v.parse().ok());
            }
            i += 2;
            continue;
        }
        if let Some(n) = a.strip_prefix("-c") {
            count = n.parse().ok();
        } else if !a.starts_with('-') {
            host = Some(a.clone());
        }
        i += 1;
    }
    let Some(host) = host else {
        out.err(if iputils { "ping: usage error: Destination address required\n" } else { "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n" });
        return if iputils { 2 } else { 1 };
    };
    let ip = match resolve(sys, &host) {
        Resolution::Ip(ip) => ip,
        other => {
            if iputils {
                // glibc getaddrinfo: NXDOMAIN is EAI_NONAME; no answer at all
                // (no way out, or no network) is EAI_AGAIN.
                let why = if sys.ctx.no_network || matches!(other, Resolution::NoOutside) { "Temporary failure in name resolution" } else { "Name or service not known" };
                out.err(format!("ping: {host}: {why}\n"));
                return 2;
            }
            out.err(format!("ping: bad address '{host}'\n"));
            return 1;
        }
    };
    let count = count.unwrap_or(match sys.ctx.mode {
        RunMode::Account { .. } => 600,
        _ => 4,
    });
    let ips = ip_to_string(ip);
    // iputils resolves each reply's address back to a name (PTR) unless the
    // destination was numeric: Docker's embedded DNS answers "name.network".
    let from_label = if iputils && parse_ip(&host).is_none() {
        let ptr = match sys.cid() {
            Some(cid) if !sys.ctx.host => sys.world.reverse_dns(cid, ip),
            _ => None,
        }
        .or_else(|| crate::network::is_outside(ip).then(|| host.clone()));
        match ptr {
            Some(n) => format!("{n} ({ips})"),
            None => ips.clone(),
        }
    } else {
        ips.clone()
    };
    let reach = reachable_icmp(sys, ip);
    if !reach && (sys.ctx.no_network || crate::network::is_outside(ip) && sys.cid().is_some_and(|c| !sys.world.has_outside_access(c))) {
        if iputils {
            out.out(format!("PING {host} ({ips}) 56(84) bytes of data.\n"));
            out.err("ping: connect: Network is unreachable\n");
            return 2;
        }
        out.out(format!("PING {host} ({ips}): 56 data bytes\n"));
        out.err("ping: sendto: Network unreachable\n");
        return 1;
    }
    if iputils {
        out.out(format!("PING {host} ({ips}) 56(84) bytes of data.\n"));
    } else {
        out.out(format!("PING {host} ({ips}): 56 data bytes\n"));
    }
    let mut times = Vec::new();
    for seq in 0..count {
        if seq > 0 {
            sys.sleep(1.0, out);
        }
        if reach {
            let t = 0.05 + (pseudo_size(&format!("{host}{seq}"), 0, 90) as f64) / 1000.0;
            times.push(t);
            if iputils {
                out.out(format!("64 bytes from {from_label}: icmp_seq={} ttl=64 time={t:.3} ms\n", seq + 1));
            } else {
                out.out(format!("64 bytes from {ips}: seq={seq} ttl=64 time={t:.3} ms\n"));
            }
        }
    }
    if !reach {
        sys.sleep(1.0, out);
    }
    let received = times.len() as u64;
    let loss = if count == 0 { 0 } else { (count - received) * 100 / count };
    out.out(format!("\n--- {host} ping statistics ---\n"));
    if iputils {
        out.out(format!("{count} packets transmitted, {received} received, {loss}% packet loss, time {}ms\n", count.saturating_sub(1) * 1000));
    } else {
        out.out(format!("{count} packets transmitted, {received} packets received, {loss}% packet loss\n"));
    }
    if !times.is_empty() {
        let min = times.iter().cloned().fold(f64::MAX, f64::min);
        let max = times.iter().cloned().fold(0.0, f64::max);
        let avg = times.iter().sum::<f64>() / times.len() as f64;
        if iputils {
            // iputils ping_common.c finish(): mdev is the standard deviation.
            let sq = times.iter().map(|t| t * t).sum::<f64>() / times.len() as f64;
            let mdev = (sq - avg * avg).max(0.0).sqrt();
            out.out(format!("rtt min/avg/max/mdev = {min:.3}/{avg:.3}/{max:.3}/{mdev:.3} ms\n"));
        } else {
            out.out(format!("round-trip min/avg/max = {min:.3}/{avg:.3}/{max:.3} ms\n"));
        }
        0
    } else {
        1
    }
}

/// Performs an HTTP GET from this process.
fn http(sys: &ContainerSys<'_>, url: &str) -> Result<crate::http::Response, (HttpError, String, u16)> {
    let Some(u) = parse_url(url) else {
        return Err((HttpError::Resolve(Resolution::Unknown), String::new(), 0));
    };
    if sys.ctx.no_network && u.host != "localhost" && !u.host.starts_with("127.") {
        return Err((HttpError::Resolve(Resolution::Unknown), u.host, u.port));
    }
    let res = match sys.cid() {
        _ if sys.ctx.host => sys.world.http_get(None, &u),
        Some(cid) => sys.world.http_get(Some(cid), &u),
        None => match resolve(sys, &u.host) {
            Resolution::Ip(ip) => match connect(sys, ip, u.port) {
                Connect::Open { .. } => sys.world.http_get(None, &u),
                Connect::Refused => Err(HttpError::Refused(ip)),
                Connect::Unreachable => Err(HttpError::Unreachable(ip)),
            },
            r => Err(HttpError::Resolve(r)),
        },
    };
    res.map_err(|e| (e, u.host.clone(), u.port))
}

fn wget(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let mut quiet = false;
    let mut output: Option<String> = None;
    let mut spider = false;
    let mut url = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-q" | "--quiet" => quiet = true,
            "-O" => {
                output = args.get(i + 1).cloned();
                i += 1;
            }
            "-qO-" | "-qO" => {
                quiet = true;
                output = Some(if a == "-qO-" { "-".into() } else { args.get(i + 1).cloned().unwrap_or_default() });
                if a == "-qO" {
                    i += 1;
                }
            }
            "--spider" => spider = true,
            "-T" | "--timeout" | "-t" | "-U" => i += 1,
            _ if a.starts_with("-O") => output = Some(a[2..].to_string()),
            _ if a.starts_with("--output-document=") => output = Some(a["--output-document=".len()..].to_string()),
            _ if a.starts_with('-') => {}
            _ => url = Some(a.to_string()),
        }
        i += 1;
    }
    let Some(url) = url else {
        out.err("BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n");
        return 1;
    };
    match http(sys, &url) {
        Ok(resp) => {
            let u = parse_url(&url).unwrap_or(crate::http::Url { scheme: "http".into(), host: String::new(), port: 80, path: "/".into() });
            let ip = match resolve(sys, &u.host) {
                Resolution::Ip(ip) => ip_to_string(ip),
                _ => String::new(),
            };
            if !quiet {
                out.err(format!("Connecting to {} ({}:{})\n", wget_server_host(&url), ip, u.port));
            }
            if resp.status >= 400 {
                out.err(format!("wget: server returned error: HTTP/1.1 {} {}\n", resp.status, resp.reason));
                return 1;
            }
            if spider {
                if !quiet {
                    out.err("remote file exists\n");
                }
                return 0;
            }
            let target = output.unwrap_or_else(|| {
                let b = basename(&u.path).to_string();
                if b.is_empty() || u.path.ends_with('/') { "index.html".into() } else { b }
            });
            if target == "-" {
                if !quiet {
                    out.err("writing to stdout\n");
                }
                out.out(&resp.body);
                if !quiet {
                    out.err(format!("-                    100% |********************************| {}  0:00:00 ETA\nwritten to stdout\n", smart_ulltoa5(resp.body.len() as u64)));
                }
            } else {
                let path = normalize(&sys.ctx.workdir.clone(), &target);
                if let Err(e) = sys.write(&path, Content::text(&resp.body), None) {
                    out.err(format!("wget: can't open '{target}': {e}\n"));
                    return 1;
                }
                if !quiet {
                    let shown: String = basename(&target).chars().take(20).collect();
                    out.err(format!("saving to '{target}'\n{shown:<20} 100% |********************************| {}  0:00:00 ETA\n'{target}' saved\n", smart_ulltoa5(resp.body.len() as u64)));
                }
            }
            0
        }
        Err((e, host, port)) => {
            match e {
                HttpError::Resolve(_) => out.err(format!("wget: bad address '{host}'\n")),
                HttpError::Refused(ip) => {
                    if !quiet {
                        out.err(format!("Connecting to {} ({}:{port})\n", wget_server_host(&url), ip_to_string(ip)));
                    }
                    out.err(format!("wget: can't connect to remote host ({}): Connection refused\n", ip_to_string(ip)));
                }
                HttpError::Unreachable(ip) => {
                    if !quiet {
                        out.err(format!("Connecting to {} ({}:{port})\n", wget_server_host(&url), ip_to_string(ip)));
                    }
                    sys.sleep(10.0, out);
                    out.err(format!("wget: can't connect to remote host ({}): Host is unreachable\n", ip_to_string(ip)));
                }
                HttpError::EmptyReply(_) => out.err("wget: error getting response: Connection reset by peer\n"),
            }
            1
        }
    }
}

/// `mount` with no arguments: the container's mount table (/proc/mounts),
/// as util-linux and busybox print it ("DEV on DIR type TYPE (OPTIONS)"):
/// the overlay root and the runtime's file systems (runc's default mounts
/// for Docker), then the container's volumes, binds and tmpfs mounts with
/// the network files, then the /proc and /sys paths Docker masks.
fn mount_cmd(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    if args.iter().any(|a| !a.starts_with('-')) {
        out.err("mount: permission denied (are you root?)\n");
        return 255;
    }
    let mut lines: Vec<String> = vec![
        "overlay on / type overlay (rw,relatime,lowerdir=/var/lib/docker/overlay2/l/7TQ4EW3XJ3MDZ2YXH6SRKBVLQN,upperdir=/var/lib/docker/overlay2/0d8c3e2b1f4a/diff,workdir=/var/lib/docker/overlay2/0d8c3e2b1f4a/work,nouserxattr)".into(),
        "proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)".into(),
        "tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)".into(),
        "devpts on /dev/pts type devpts (rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666)".into(),
        "sysfs on /sys type sysfs (ro,nosuid,nodev,noexec,relatime)".into(),
        "cgroup on /sys/fs/cgroup type cgroup2 (ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)".into(),
        "mqueue on /dev/mqueue type mqueue (rw,nosuid,nodev,noexec,relatime)".into(),
        "shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k,inode64)".into(),
    ];
    // Docker sorts the container's mounts by the depth of their destination
    // (moby daemon/volumes.go sortMounts): a stable sort.
    let mut mounts: Vec<(usize, String)> = Vec::new();
    if let Some(c) = sys.container() {
        for m in &c.mounts {
            let rw = if m.rw { "rw" } else { "ro" };
            let tmpfs_volume = if m.kind == "volume" { sys.world.volumes.get(&m.name).filter(|v| v.options.get("type").map(String::as_str) == Some("tmpfs")) } else { None };
            let line = if m.kind == "tmpfs" {
                // moby daemon/oci_linux.go: tmpfs mounts get noexec,nosuid,nodev;
                // the kernel (shmem_show_options) adds size in KiB and a mode
                // other than 1777 after the generic flags.
                let (size, mode) = tmpfs_size_mode(c, &m.destination);
                format!("tmpfs on {} type tmpfs ({rw},nosuid,nodev,noexec,relatime{}{},inode64)", m.destination, size.map(|k| format!(",size={k}k")).unwrap_or_default(), mode.map(|o| format!(",mode={o:03o}")).unwrap_or_default())
            } else if let Some(v) = tmpfs_volume {
                // A local volume made with -o type=tmpfs: the driver's tmpfs
                // mount, bind-mounted in (no nosuid/nodev/noexec added).
                let o = v.options.get("o").cloned().unwrap_or_default();
                let size = o.split(',').find_map(|kv| kv.strip_prefix("size=")).and_then(tmpfs_size_k);
                let device = v.options.get("device").cloned().unwrap_or_else(|| "tmpfs".into());
                format!("{device} on {} type tmpfs ({rw},relatime{},inode64)", m.destination, size.map(|k| format!(",size={k}k")).unwrap_or_default())
            } else {
                format!("/dev/sda1 on {} type ext4 ({},relatime)", m.destination, if m.rw { "rw" } else { "ro" })
            };
            mounts.push((m.destination.split('/').filter(|p| !p.is_empty()).count(), line));
        }
        for f in ["/etc/resolv.conf", "/etc/hostname", "/etc/hosts"] {
            if !c.mounts.iter().any(|m| m.destination == f) {
                mounts.push((2, format!("/dev/sda1 on {f} type ext4 (rw,relatime)")));
            }
        }
    }
    baleine_util::sort_by_key(&mut mounts, |m| m.0);
    lines.extend(mounts.into_iter().map(|m| m.1));
    for p in ["bus", "fs", "irq", "sys", "sysrq-trigger"] {
        lines.push(format!("proc on /proc/{p} type proc (ro,nosuid,nodev,noexec,relatime)"));
    }
    lines.push("tmpfs on /proc/acpi type tmpfs (ro,relatime,inode64)".into());
    for p in ["interrupts", "kcore", "keys", "timer_list"] {
        lines.push(format!("tmpfs on /proc/{p} type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)"));
    }
    lines.push("tmpfs on /proc/scsi type tmpfs (ro,relatime,inode64)".into());
    lines.push("tmpfs on /sys/firmware type tmpfs (ro,relatime,inode64)".into());
    let mut text = lines.join("\n");
    text.push('\n');
    out.out(text);
    0
}

/// The size (KiB) and mode a tmpfs mount at `dest` was given, from
/// `--tmpfs DEST:size=64m,mode=755` or `--mount type=tmpfs,tmpfs-size=...`
/// (the kernel rounds the size up to whole pages and hides mode 1777).
fn tmpfs_size_mode(c: &crate::model::Container, dest: &str) -> (Option<u64>, Option<u32>) {
    let mut size = None;
    let mut mode = None;
    for t in &c.spec.tmpfs {
        let (path, opts) = t.split_once(':').unwrap_or((t.as_str(), ""));
        if path == dest {
            for o in opts.split(',') {
                if let Some(v) = o.strip_prefix("size=") {
                    size = tmpfs_size_k(v);
                } else if let Some(v) = o.strip_prefix("mode=") {
                    mode = u32::from_str_radix(v, 8).ok();
                }
            }
        }
    }
    for (i, m) in c.spec.mounts.iter().enumerate() {
        if m.kind == "tmpfs" && m.target == dest {
            if let Some(t) = c.spec.mount_options_of(i).tmpfs {
                if t.size_bytes > 0 {
                    size = Some((t.size_bytes as u64).div_ceil(4096) * 4);
                }
                if t.mode != 0 {
                    mode = Some(t.mode & 0o7777);
                }
            }
        }
    }
    (size.filter(|k| *k > 0), mode.filter(|m| *m != 0o1777))
}

/// A tmpfs `size=` value (the kernel's memparse: k, m, g, t suffixes) in
/// KiB, rounded up to whole 4 KiB pages.
fn tmpfs_size_k(v: &str) -> Option<u64> {
    let v = v.trim();
    let digits: String = v.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n: u64 = digits.parse().ok()?;
    let mult: u64 = match v.get(digits.len()..).unwrap_or("").to_ascii_lowercase().as_str() {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        "t" => 1 << 40,
        _ => return None,
    };
    Some(n.checked_mul(mult)?.div_ceil(4096) * 4)
}

/// `pidof NAME...`: the PIDs of the container's processes run by that
/// program, newest first; exit 1 when there is none.
fn pidof(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let procs = process_list(sys, "pidof", args);
    let mut pids: Vec<u64> = Vec::new();
    for (pid, _, cmd) in &procs {
        let prog = cmd.split([' ', ':']).next().unwrap_or("");
        if names.iter().any(|n| basename(prog) == n.as_str()) {
            pids.push(*pid);
        }
    }
    if pids.is_empty() {
        return 1;
    }
    pids.reverse();
    out.out(format!("{}\n", pids.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(" ")));
    0
}

/// `busybox` itself (libbb/appletlib.c busybox_main): no arguments print
/// the banner and the applets; `--list` prints one applet a line; an
/// unknown applet is refused.
fn busybox_cmd(args: &[String], out: &mut Output) -> i32 {
    let names = crate::baseos::BUSYBOX_APPLETS.iter().filter(|a| **a != "busybox");
    match args.first().map(String::as_str) {
        None | Some("--help") => {
            let mut text = String::from("BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --show SCRIPT\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n\n\tBusyBox is a multi-call binary that combines many common Unix\n\tutilities into a single executable.  Most people will create a\n\tlink to busybox for each function they wish to use and BusyBox\n\twill act like whatever it was invoked as.\n\nCurrently defined functions:\n");
            // Wrapped for an 80-column terminal, less one for the last comma.
            let width = 79usize;
            let mut col = 0usize;
            for a in names {
                let len2 = a.len() + 2;
                if col + len2 >= width && col != 0 {
                    text.push_str(",\n");
                    col = 0;
                }
                if col == 0 {
                    col = 6;
                    text.push('\t');
                } else {
                    text.push_str(", ");
                }
                text.push_str(a);
                col += len2;
            }
            text.push('\n');
            // busybox writes its help to stderr (dup2(1, 2) sends both to stdout).
            out.out(text);
            0
        }
        Some(l) if l.starts_with("--list") => {
            let mut text = String::new();
            for a in names {
                text.push_str(a);
                text.push('\n');
            }
            out.out(text);
            0
        }
        Some(a) => {
            out.err(format!("{a}: applet not found\n"));
            127
        }
    }
}

/// busybox libbb/human_readable.c smart_ulltoa5: a size in five columns
/// ("  615", "12345", " 1.2k", " 123M"), as wget's progress meter prints it.
fn smart_ulltoa5(n: u64) -> String {
    const SCALE: &[u8] = b" kMGTPEZY";
    let mut ul = n;
    let mut idx = 0usize;
    if ul > 99_999 {
        ul = ul.saturating_mul(10);
        loop {
            ul /= 1024;
            idx += 1;
            if ul < 100_000 || idx + 1 >= SCALE.len() {
                break;
            }
        }
    }
    if idx == 0 {
        return format!("{ul:>5}");
    }
    let (u, v) = (ul / 10, ul % 10);
    let unit = SCALE.get(idx).copied().unwrap_or(b'Y') as char;
    if u >= 100 {
        format!("{:>4}{unit}", u)
    } else {
        format!("{u:>2}.{v}{unit}")
    }
}

/// busybox wget's `server.host`: the URL's host[:port] as written (parse_url).
fn wget_server_host(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let hostport = &rest[..end];
    hostport.rsplit('@').next().unwrap_or(hostport).to_string()
}

fn curl(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    curl_common(sys, args, out)
}

/// curl, shared with the host (which calls it with no container).
pub fn curl_common(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let mut silent = false;
    let mut show_error = false;
    let mut fail = false;
    let mut head = false;
    let mut include = false;
    let mut output: Option<String> = None;
    let mut write_out: Option<String> = None;
    let mut url = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-o" | "--output" => {
                output = args.get(i + 1).cloned();
                i += 1;
            }
            "-w" | "--write-out" => {
                write_out = args.get(i + 1).cloned();
                i += 1;
            }
            "-H" | "--header" | "-X" | "--request" | "-d" | "--data" | "-m" | "--max-time" | "--connect-timeout" | "-u" | "-A" | "--retry" => i += 1,
            "-I" | "--head" => head = true,
            "-i" | "--include" => include = true,
            "-L" | "--location" | "-k" | "--insecure" | "-v" | "--verbose" => {}
            "-s" | "--silent" => silent = true,
            "-S" | "--show-error" => show_error = true,
            "-f" | "--fail" => fail = true,
            _ if a.starts_with("--") => {}
            _ if a.starts_with('-') && a.len() > 1 => {
                for c in a[1..].chars() {
                    match c {
                        's' => silent = true,
                        'S' => show_error = true,
                        'f' => fail = true,
                        'I' => head = true,
                        'i' => include = true,
                        _ => {}
                    }
                }
            }
            _ => url = Some(a.to_string()),
        }
        i += 1;
    }
    let Some(url) = url else {
        out.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
        return 2;
    };
    let show_err = !silent || show_error;
    match http(sys, &url) {
        Ok(resp) => {
            if fail && resp.status >= 400 {
                if show_err {
                    out.err(format!("curl: (22) The requested URL returned error: {}\n", resp.status));
                }
                return 22;
            }
            let mut text = String::new();
            if head || include {
                text.push_str(&format!("HTTP/1.1 {} {}\r\n", resp.status, resp.reason));
                if !resp.server.is_empty() {
                    text.push_str(&format!("Server: {}\r\n", resp.server));
                }
                // Every HTTP/1.1 server dates its answers (RFC 9110 §6.6.1);
                // the connection stays open for the next request.
                let date = baleine_shell::utils::strftime("%a, %d %b %Y %H:%M:%S GMT", sys.world.now_secs());
                text.push_str(&format!("Date: {date}\r\nContent-Type: {}\r\nContent-Length: {}\r\n", resp.content_type, resp.body.len()));
                if let Some(l) = &resp.location {
                    text.push_str(&format!("Location: {l}\r\n"));
                }
                text.push_str("Connection: keep-alive\r\n\r\n");
            }
            if !head {
                text.push_str(&resp.body);
            }
            match output {
                Some(f) if f != "-" => {
                    let path = normalize(&sys.ctx.workdir.clone(), &f);
                    let _ = sys.write(&path, Content::text(&text), None);
                }
                _ => out.out(&text),
            }
            if let Some(w) = write_out {
                out.out(w.replace("%{http_code}", &resp.status.to_string()).replace("\\n", "\n"));
            }
            0
        }
        Err((e, host, port)) => {
            // From the host, a published port is held by docker-proxy: it
            // accepts, fails to reach the container and closes the connection
            // before reading the request (cmd/docker-proxy/tcp_proxy.go clientLoop).
            let via_proxy = sys.ctx.host && matches!(e, HttpError::Refused(ip) if ip >> 24 == 127) && sys.world.port_binding_ip(port).is_some();
            let (code, msg) = match e {
                HttpError::Resolve(_) => (6, format!("curl: (6) Could not resolve host: {host}")),
                HttpError::Refused(_) if via_proxy => (56, "curl: (56) Recv failure: Connection reset by peer".to_string()),
                HttpError::Refused(_) => (7, format!("curl: (7) Failed to connect to {host} port {port} after 0 ms: Couldn't connect to server")),
                HttpError::Unreachable(_) => {
                    sys.sleep(10.0, out);
                    (7, format!("curl: (7) Failed to connect to {host} port {port} after 10002 ms: Couldn't connect to server"))
                }
                HttpError::EmptyReply(_) => (52, "curl: (52) Empty reply from server".to_string()),
            };
            if show_err {
                out.err(format!("{msg}\n"));
            }
            if let Some(w) = write_out {
                out.out(w.replace("%{http_code}", "000").replace("\\n", "\n"));
            }
            code
        }
    }
}

fn dns_server(sys: &ContainerSys<'_>) -> &'static str {
    let user_net = net_container(sys).is_some_and(|c| c.endpoints.keys().any(|n| sys.world.networks.get(n).is_some_and(|n| !n.is_default_bridge && !n.builtin)));
    if user_net {
        "127.0.0.11"
    } else {
        "10.0.2.3"
    }
}

/// A DNS query (A) as this process's resolver sends it: the answers, or the
/// response code of a failed query. /etc/hosts plays no part.
fn dns_query(sys: &ContainerSys<'_>, host: &str) -> Result<Vec<u32>, &'static str> {
    let host = host.trim_end_matches('.');
    if let Some(ip) = parse_ip(host) {
        return Ok(vec![ip]);
    }
    let outside = || crate::network::outside_lookup(host).map(|ip| vec![ip]).ok_or("NXDOMAIN");
    let Some(cid) = sys.cid().filter(|_| !sys.ctx.host) else { return outside() };
    if sys.world.uses_embedded_dns(cid) {
        let ips = sys.world.embedded_dns(cid, host);
        if !ips.is_empty() {
            return Ok(ips);
        }
        // Forwarded to the host's servers, which an internal network cannot reach.
        if !sys.world.has_outside_access(cid) {
            return Err("SERVFAIL");
        }
    }
    outside()
}

fn nslookup(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output, bind: bool) -> i32 {
    let Some(host) = args.iter().find(|a| !a.starts_with('-')).cloned() else {
        out.err("BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n");
        return 1;
    };
    let server = dns_server(sys);
    if sys.ctx.no_network {
        out.out(";; connection timed out; no servers could be reached\n\n");
        return 1;
    }
    if bind {
        // BIND 9 nslookup: '#53', no trace of the empty AAAA answer.
        out.out(format!("Server:\t\t{server}\nAddress:\t{server}#53\n\n"));
        return match dns_query(sys, &host) {
            Ok(ips) => {
                let mut text = String::from("Non-authoritative answer:\n");
                for ip in ips {
                    text.push_str(&format!("Name:\t{host}\nAddress: {}\n", ip_to_string(ip)));
                }
                text.push('\n');
                out.out(text);
                0
            }
            Err(rcode) => {
                out.out(format!("** server can't find {host}: {rcode}\n\n"));
                1
            }
        };
    }
    out.out(format!("Server:\t\t{server}\nAddress:\t{server}:53\n\n"));
    // busybox (FEATURE_NSLOOKUP_BIG) sends an A and an AAAA query and prints
    // each reply followed by an empty line; no reply has the AA bit.
    match dns_query(sys, &host) {
        Ok(ips) => {
            let mut text = String::from("Non-authoritative answer:\n");
            for ip in ips {
                text.push_str(&format!("Name:\t{host}\nAddress: {}\n", ip_to_string(ip)));
            }
            text.push_str("\nNon-authoritative answer:\n\n");
            out.out(text);
            0
        }
        Err(rcode) => {
            out.out(format!("** server can't find {host}: {rcode}\n\n** server can't find {host}: {rcode}\n\n"));
            1
        }
    }
}

fn dig(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let short = args.iter().any(|a| a == "+short");
    let Some(host) = args.iter().find(|a| !a.starts_with('+') && !a.starts_with('-') && !a.starts_with('@')).cloned() else { return 0 };
    match resolve(sys, &host) {
        Resolution::Ip(ip) => {
            if short {
                out.out(format!("{}\n", ip_to_string(ip)));
            } else {
                out.out(format!(";; ANSWER SECTION:\n{host}.\t\t600\tIN\tA\t{}\n\n;; SERVER: {}#53\n", ip_to_string(ip), dns_server(sys)));
            }
            0
        }
        _ => {
            if !short {
                out.out(format!(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN\n;; QUESTION SECTION:\n;{host}.\t\t\tIN\tA\n"));
            }
            0
        }
    }
}

fn getent(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    match args.first().map(String::as_str) {
        Some("hosts") | Some("ahosts") => {
            let Some(host) = args.get(1) else { return 2 };
            match resolve(sys, host) {
                Resolution::Ip(ip) => {
                    out.out(format!("{:<15} {host}\n", ip_to_string(ip)));
                    0
                }
                _ => 2,
            }
        }
        Some("passwd") | Some("group") => {
            let file = if args[0] == "passwd" { "/etc/passwd" } else { "/etc/group" };
            let text = read_text(sys, file).unwrap_or_default();
            match args.get(1) {
                Some(key) => match text.lines().find(|l| l.split(':').next() == Some(key.as_str())) {
                    Some(l) => {
                        out.out(format!("{l}\n"));
                        0
                    }
                    None => 2,
                },
                None => {
                    out.out(text);
                    0
                }
            }
        }
        _ => {
            out.err("Usage: getent [OPTION...] database [key ...]\n");
            1
        }
    }
}

fn nc(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    const USAGE: &str = "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n";
    // busybox networking/nc_bloaty.c getopt32 "np:s:ubvw:+lki:o:z" (-e
    // PROG takes the rest of the line); at most two operands. One -v
    // reports successes and errors other than a refusal; -vv reports
    // refusals too, and the byte counts at the end.
    let mut vcount = 0usize;
    let mut listen = false;
    let mut local_port: Option<String> = None;
    let mut wait: Option<u64> = None;
    let mut pos: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if a == "--" {
            pos.extend(args[i..].iter().cloned());
            break;
        }
        if !a.starts_with('-') || a.len() == 1 {
            pos.push(a.clone());
            continue;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            k += 1;
            match c {
                'v' => vcount += 1,
                'l' | 'k' => listen = true,
                'n' | 'u' | 'b' | 'z' => {}
                'e' => {
                    // The program and its arguments: nothing to report.
                    i = args.len();
                    break;
                }
                'p' | 's' | 'w' | 'i' | 'o' => {
                    let rest: String = chars[k..].iter().collect();
                    let value = if !rest.is_empty() {
                        k = chars.len();
                        rest
                    } else if let Some(v) = args.get(i) {
                        i += 1;
                        v.clone()
                    } else {
                        out.err(format!("nc: option requires an argument: {c}\n{USAGE}"));
                        return 1;
                    };
                    match c {
                        'p' => local_port = Some(value),
                        'w' => match value.parse::<u64>() {
                            Ok(n) => wait = Some(n),
                            Err(_) => {
                                out.err(format!("nc: invalid number '{value}'\n"));
                                return 1;
                            }
                        },
                        _ => {}
                    }
                }
                other => {
                    out.err(format!("nc: unrecognized option: {other}\n{USAGE}"));
                    return 1;
                }
            }
        }
    }
    if pos.len() > 2 {
        out.err(USAGE);
        return 1;
    }
    let verbose = vcount > 0;
    if listen {
        let port = local_port.as_deref().or(pos.last().map(String::as_str)).and_then(|p| p.parse::<u16>().ok()).unwrap_or(0);
        sys.become_server(ServerInfo { program: "nc".into(), ports: vec![(port, 0)], handles_sigterm: false, term_exit: 0 });
        return 0;
    }
    let (Some(host), Some(port)) = (pos.first(), pos.get(1).and_then(|p| p.parse::<u16>().ok())) else {
        out.err(USAGE);
        return 1;
    };
    let ip = match resolve(sys, host) {
        Resolution::Ip(ip) => ip,
        _ => {
            out.err(format!("nc: bad address '{host}'\n"));
            return 1;
        }
    };
    let status = match connect(sys, ip, port) {
        Connect::Open { .. } => {
            if verbose {
                out.err(format!("{host} ({}:{port}) open\n", ip_to_string(ip)));
            }
            0
        }
        Connect::Refused => {
            if vcount > 1 {
                out.err(format!("nc: {host} ({}:{port}): Connection refused\n", ip_to_string(ip)));
            }
            1
        }
        Connect::Unreachable => {
            // connect_w_timeout: -w N arms an alarm; the failure is faked
            // as ETIMEDOUT when it fires first.
            let timed_out = wait.is_some_and(|w| w > 0 && w < 3);
            sys.sleep(wait.filter(|w| *w > 0 && *w < 3).unwrap_or(5) as f64, out);
            if verbose {
                let why = if timed_out { "Operation timed out" } else { "Host is unreachable" };
                out.err(format!("nc: {host} ({}:{port}): {why}\n", ip_to_string(ip)));
            }
            1
        }
    };
    if vcount > 1 {
        out.err("sent 0, rcvd 0\n");
    }
    status
}

/// The container whose network namespace this process uses (`--network container:X` shares X's).
fn net_container<'a>(sys: &'a ContainerSys<'_>) -> Option<&'a Container> {
    let cid = sys.cid()?;
    let owner = sys.world.netns_owner(cid);
    sys.world.containers.get(&owner)
}

fn interfaces(sys: &ContainerSys<'_>) -> Vec<(String, u32, u8, String)> {
    let mut v = Vec::new();
    if let Some(c) = net_container(sys) {
        for (i, (nid, e)) in c.endpoints.iter().enumerate() {
            if e.ip == 0 {
                continue;
            }
            let prefix = sys.world.networks.get(nid).map(|n| n.prefix).unwrap_or(16);
            v.push((format!("eth{i}"), e.ip, prefix, e.mac.clone()));
        }
    }
    v
}

/// /etc/services names netcat-openbsd prints in "[tcp/NAME]".
fn service_name(port: u16) -> &'static str {
    match port {
        21 => "ftp",
        22 => "ssh",
        25 => "smtp",
        53 => "domain",
        80 => "http",
        443 => "https",
        3306 => "mysql",
        5432 => "postgresql",
        _ => "*",
    }
}

/// netcat-openbsd (Alpine/Debian): `nc -zv HOST PORT`.
fn nc_openbsd(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let verbose = args.iter().any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('v'));
    let listen = args.iter().any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('l'));
    let mut pos: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if matches!(a.as_str(), "-w" | "-p" | "-s" | "-i" | "-q" | "-W" | "-X" | "-x" | "-T" | "-O" | "-I") {
            i += 2;
            continue;
        }
        if !a.starts_with('-') {
            pos.push(a.clone());
        }
        i += 1;
    }
    if listen {
        let port = pos.last().and_then(|p| p.parse::<u16>().ok()).unwrap_or(0);
        sys.become_server(ServerInfo { program: "nc".into(), ports: vec![(port, 0)], handles_sigterm: false, term_exit: 0 });
        return 0;
    }
    let (Some(host), Some(port)) = (pos.first().cloned(), pos.get(1).and_then(|p| p.parse::<u16>().ok())) else {
        out.err("usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n");
        return 1;
    };
    let ip = match resolve(sys, &host) {
        Resolution::Ip(ip) => ip,
        _ => {
            out.err(format!("nc: getaddrinfo for host \"{host}\" port {port}: Name does not resolve\n"));
            return 1;
        }
    };
    let shown = if parse_ip(&host).is_some() { host.clone() } else { format!("{host} ({})", ip_to_string(ip)) };
    match connect(sys, ip, port) {
        Connect::Open { .. } => {
            if verbose {
                out.err(format!("Connection to {shown} {port} port [tcp/{}] succeeded!\n", service_name(port)));
            }
            0
        }
        Connect::Refused => {
            if verbose {
                out.err(format!("nc: connect to {shown} port {port} (tcp) failed: Connection refused\n"));
            }
            1
        }
        Connect::Unreachable => {
            sys.sleep(5.0, out);
            if verbose {
                out.err(format!("nc: connect to {shown} port {port} (tcp) failed: Operation timed out\n"));
            }
            1
        }
    }
}

/// BIND `host NAME`.
fn host_cmd(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let Some(name) = args.iter().find(|a| !a.starts_with('-')).cloned() else {
        out.err("Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n");
        return 1;
    };
    if sys.ctx.no_network {
        out.out(";; connection timed out; no servers could be reached\n");
        return 1;
    }
    match dns_query(sys, &name) {
        Ok(ips) => {
            for ip in ips {
                out.out(format!("{name} has address {}\n", ip_to_string(ip)));
            }
            0
        }
        Err(rcode) => {
            let code = if rcode == "SERVFAIL" { 2 } else { 3 };
            out.out(format!("Host {name} not found: {code}({rcode})\n"));
            1
        }
    }
}

const BUSYBOX_IP_USAGE: &str = "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n\nip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]\nip route list|flush|add|del|change|append|replace|test ROUTE\nip link set IFACE [up|down] [arp on|off] [multicast on|off]\n\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]\n\t[master IFACE | nomaster] [netns PID]\nip tunnel add|change|del|show [NAME]\n\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]\nip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]\nip rule [list] | add|del SELECTOR ACTION\n";

const IPROUTE2_IP_USAGE: &str = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n                    -4 | -6 | -M | -B | -0 |\n                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n                    -c[olor]}\n";

/// One interface of the container's namespace with its network: (name,
/// address, prefix, MAC, network).
fn iface_networks<'a>(sys: &'a ContainerSys<'_>) -> Vec<(String, u32, u8, String, Option<&'a Network>)> {
    let mut v = Vec::new();
    if let Some(c) = net_container(sys) {
        for (i, (nid, e)) in c.endpoints.iter().enumerate() {
            if e.ip == 0 {
                continue;
            }
            let net = sys.world.networks.get(nid);
            v.push((format!("eth{i}"), e.ip, net.map(|n| n.prefix).unwrap_or(16), e.mac.clone(), net));
        }
    }
    v
}

/// The namespace's main routing table as the kernel dumps it (destination
/// order: the default route first): (destination or None for default,
/// gateway, device, preferred source).
fn route_table(sys: &ContainerSys<'_>) -> Vec<(Option<(u32, u8)>, Option<u32>, String, Option<u32>)> {
    let ifaces = iface_networks(sys);
    let mut routes = Vec::new();
    // libnetwork sandbox epHeap: the gateway endpoint is on a non-internal
    // network, the lowest network name first.
    let gw = ifaces.iter().filter(|(.., n)| n.is_some_and(|n| !n.internal)).min_by(|a, b| a.4.map(|n| n.name.as_str()).cmp(&b.4.map(|n| n.name.as_str())));
    if let Some((dev, _, _, _, Some(n))) = gw {
        routes.push((None, Some(n.gateway), dev.clone(), None));
    }
    let mut links: Vec<(Option<(u32, u8)>, Option<u32>, String, Option<u32>)> = ifaces
        .iter()
        .map(|(dev, ip, prefix, _, n)| {
            let mask = if *prefix == 0 { 0 } else { u32::MAX << (32 - (*prefix).min(32)) };
            let subnet = n.map(|n| n.subnet).unwrap_or(ip & mask);
            (Some((subnet, *prefix)), None, dev.clone(), Some(*ip))
        })
        .collect();
    baleine_util::sort_by(&mut links, |a, b| a.0.cmp(&b.0));
    routes.extend(links);
    routes
}

fn ip_cmd(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output, iproute2: bool) -> i32 {
    // Global options (-4, -o, -br, ...) come before the object.
    let mut brief = false;
    let mut i = 0;
    while i < args.len() && args[i].starts_with('-') {
        let o = args[i].trim_start_matches('-');
        i += 1;
        if o.is_empty() {
            break;
        }
        if iproute2 {
            if "brief".starts_with(o) && o.len() >= 2 {
                brief = true;
            } else if o == "f" || o == "family" || o == "n" || o == "netns" || o == "rc" || o == "rcvbuf" || o == "l" || o == "loops" {
                i += 1;
            }
            continue;
        }
        // busybox ip_parse_common_args: oneline, family, 4, 6, 0 (prefixes).
        match ["oneline", "family", "4", "6", "0"].iter().position(|k| k.starts_with(o)) {
            Some(1) => {
                if args.get(i).is_none() {
                    out.err(BUSYBOX_IP_USAGE);
                    return 1;
                }
                i += 1;
            }
            Some(_) => {}
            None => {
                out.err(BUSYBOX_IP_USAGE);
                return 1;
            }
        }
    }
    let args = &args[i.min(args.len())..];
    let Some(object) = args.first().map(String::as_str) else {
        if iproute2 {
            out.err(IPROUTE2_IP_USAGE);
            return 255;
        }
        out.err(BUSYBOX_IP_USAGE);
        return 1;
    };
    // Objects match by prefix, the first in each tool's table winning.
    let objects: &[&str] = if iproute2 { &["address", "route", "link", "neighbor", "neighbour", "rule", "tunnel"] } else { &["address", "route", "r", "link", "tunnel", "tunl", "rule", "neigh"] };
    let object = match objects.iter().find(|k| k.starts_with(object)) {
        Some(k) => *k,
        None if iproute2 => {
            out.err(format!("Object \"{object}\" is unknown, try \"ip help\".\n"));
            return 255;
        }
        None => {
            out.err(BUSYBOX_IP_USAGE);
            return 1;
        }
    };
    let rest: Vec<&str> = args[1..].iter().map(String::as_str).collect();
    match object {
        "address" | "link" => {
            let link_only = object == "link";
            // `ip addr [show|list] [dev] IFACE`
            let dev = rest.iter().copied().find(|a| !matches!(*a, "show" | "list" | "dev" | "ls" | "s") && !a.starts_with('-'));
            let ifaces = iface_networks(sys);
            if let Some(d) = dev {
                if d != "lo" && !ifaces.iter().any(|(n, ..)| n == d) {
                    if iproute2 {
                        out.err(format!("Device \"{d}\" does not exist.\n"));
                    } else {
                        out.err(format!("ip: can't find device '{d}'\n"));
                    }
                    return 1;
                }
            }
            if brief {
                // iproute2 ipaddress.c print_linkinfo_brief / brief addresses.
                if dev.is_none_or(|d| d == "lo") {
                    if link_only {
                        out.out(format!("{:<16} {:<14} {} <LOOPBACK,UP,LOWER_UP> \n", "lo", "UNKNOWN", "00:00:00:00:00:00"));
                    } else {
                        out.out(format!("{:<16} {:<14} 127.0.0.1/8 \n", "lo", "UNKNOWN"));
                    }
                }
                for (n, (name, ip, prefix, mac, _)) in ifaces.into_iter().enumerate() {
                    if dev.is_some_and(|d| d != name) {
                        continue;
                    }
                    let shown = format!("{name}@if{}", 30 + n);
                    if link_only {
                        out.out(format!("{shown:<16} {:<14} {mac} <BROADCAST,MULTICAST,UP,LOWER_UP> \n", "UP"));
                    } else {
                        out.out(format!("{shown:<16} {:<14} {}/{prefix} \n", "UP", ip_to_string(ip)));
                    }
                }
                return 0;
            }
            let (group, netns) = if iproute2 { (if link_only { " mode DEFAULT group default" } else { " group default" }, " link-netnsid 0") } else { ("", "") };
            if dev.is_none_or(|d| d == "lo") {
                out.out(format!("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN{group} qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"));
                if !link_only {
                    out.out("    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n");
                }
            }
            for (n, (name, ip, prefix, mac, _)) in ifaces.into_iter().enumerate() {
                if dev.is_some_and(|d| d != name) {
                    continue;
                }
                let bcast = if prefix >= 32 { ip } else { ip | (u32::MAX >> prefix) };
                let flags = if iproute2 { "BROADCAST,MULTICAST,UP,LOWER_UP" } else { "BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN" };
                out.out(format!("{}: {name}@if{}: <{flags}> mtu 1500 qdisc noqueue state UP{group} \n    link/ether {mac} brd ff:ff:ff:ff:ff:ff{netns}\n", n + 2, 30 + n));
                if !link_only {
                    out.out(format!("    inet {}/{prefix} brd {} scope global {name}\n       valid_lft forever preferred_lft forever\n", ip_to_string(ip), ip_to_string(bcast)));
                }
            }
            0
        }
        "route" | "r" => {
            // `ip route [list|show] [default|PREFIX] [dev IFACE]`
            let mut only_default = false;
            let mut dev: Option<&str> = None;
            let mut k = 0;
            if rest.first().is_some_and(|a| matches!(*a, "list" | "show" | "ls" | "l" | "s" | "sh")) {
                k = 1;
            } else if let Some(a) = rest.first() {
                if !matches!(*a, "default" | "dev" | "table" | "scope" | "proto") {
                    if iproute2 {
                        out.err(format!("Command \"{a}\" is unknown, try \"ip route help\".\n"));
                        return 255;
                    }
                    out.err(format!("ip: invalid argument '{a}' to 'ip'\n"));
                    return 1;
                }
            }
            while k < rest.len() {
                match rest[k] {
                    "default" => only_default = true,
                    "dev" | "oif" => {
                        dev = rest.get(k + 1).copied();
                        k += 1;
                    }
                    "table" | "scope" | "proto" | "protocol" => k += 1,
                    _ => {}
                }
                k += 1;
            }
            for (dst, gw, d, src) in route_table(sys) {
                if only_default && dst.is_some() || dev.is_some_and(|x| x != d) {
                    continue;
                }
                let mut line = match dst {
                    None => "default ".to_string(),
                    Some((net, prefix)) => format!("{}/{prefix} ", ip_to_string(net)),
                };
                if let Some(g) = gw {
                    line.push_str(&format!("via {} ", ip_to_string(g)));
                }
                line.push_str(&format!("dev {d} "));
                if let Some(s) = src {
                    // busybox prints " src %s " after the scope; iproute2
                    // names the kernel's protocol.
                    if iproute2 {
                        line.push_str(&format!("proto kernel scope link src {} ", ip_to_string(s)));
                    } else {
                        line.push_str(&format!("scope link  src {} ", ip_to_string(s)));
                    }
                }
                out.out(format!("{line}\n"));
            }
            0
        }
        // No neighbour has been resolved yet; no tunnels; the default rules.
        "neigh" | "neighbor" | "neighbour" | "tunnel" | "tunl" => 0,
        "rule" => {
            out.out("0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n");
            0
        }
        _ => 0,
    }
}

fn ifconfig(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let dev = args.iter().find(|a| !a.starts_with('-')).map(String::as_str);
    let ifaces = interfaces(sys);
    if let Some(d) = dev {
        if d != "lo" && !ifaces.iter().any(|(n, ..)| n == d) {
            out.err(format!("ifconfig: {d}: error fetching interface information: Device not found\n"));
            return 1;
        }
    }
    for (name, ip, prefix, mac) in ifaces {
        if dev.is_some_and(|d| d != name) {
            continue;
        }
        let mask = if prefix == 0 { 0 } else { u32::MAX << (32 - prefix) };
        out.out(format!("{name:<10}Link encap:Ethernet  HWaddr {}  \n          inet addr:{}  Bcast:{}  Mask:{}\n          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n\n", mac.to_uppercase(), ip_to_string(ip), ip_to_string(ip | !mask), ip_to_string(mask)));
    }
    if dev.is_none_or(|d| d == "lo") {
        out.out("lo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n\n");
    }
    0
}

/// The container's processes as `ps` or `top` sees them, the last one being
/// the program itself (`me`, with its arguments): (pid, user, command line).
fn process_list(sys: &ContainerSys<'_>, program: &str, args: &[String]) -> Vec<(u64, String, String)> {
    let (user, _, _) = sys.user();
    let c = sys.container();
    let argv: Vec<String> = c.map(|c| c.entrypoint.iter().chain(&c.cmd).cloned().collect()).unwrap_or_default();
    // `docker run IMAGE ps`: ps is the container's main process.
    let ps_is_main = matches!(sys.ctx.mode, RunMode::Account { .. }) && argv.first().is_some_and(|a| basename(a) == program);
    let main = match c.and_then(|c| c.process.as_ref()).and_then(|p| p.server.as_deref()) {
        Some("nginx") => "nginx: master process nginx -g daemon off;".to_string(),
        Some("postgres") => "postgres".to_string(),
        Some("redis") => "redis-server *:6379".to_string(),
        _ if argv.is_empty() => "sh".into(),
        _ => argv.join(" "),
    };
    // --init: docker-init is PID 1 and runs the command as PID 7.
    let mut procs: Vec<(u64, String, String)> = Vec::new();
    if c.is_some_and(|c| c.spec.init) {
        procs.push((1, "root".into(), format!("/sbin/docker-init -- {}", argv.join(" "))));
    }
    let first_pid = if procs.is_empty() { 1 } else { 7 };
    let me = std::iter::once(program).chain(args.iter().map(String::as_str)).collect::<Vec<_>>().join(" ");
    if ps_is_main {
        procs.push((first_pid, user, me));
    } else {
        procs.push((first_pid, "root".into(), main));
        procs.push((first_pid + 1 + (sys.world.now_ms / 1000 % 50), user, me));
    }
    procs
}

/// busybox top in batch mode (procps/top.c, Alpine's config: whole
/// percents, the CPU column): the memory, CPU and load lines, then one line
/// per process.
fn top_busybox(sys: &ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let procs = process_list(sys, "top", args);
    // The same memory as `free` (KiB): total, free, shared, buffers, cached.
    let (total, free, shared, buffers, cached) = (4_028_060u64, 2_801_552u64, 1_284u64, 50_212u64, 563_952u64);
    let mut text = format!("Mem: {}K used, {free}K free, {shared}K shrd, {buffers}K buff, {cached}K cached
", total - free);
    text.push_str("CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq
");
    let last = procs.last().map(|p| p.0).unwrap_or(1);
    text.push_str(&format!("Load average: 0.00 0.00 0.00 1/{} {last}
", 180 + procs.len()));
    text.push_str("  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND");
    for (i, (pid, user, cmd)) in procs.iter().enumerate() {
        // `docker exec` processes are children of no process in the container.
        let ppid = if i == 0 || matches!(sys.ctx.mode, RunMode::Live) { 0 } else { procs[0].0 };
        let (state, vsz) = if i + 1 == procs.len() { ("R  ", 1628) } else { ("S  ", 1684) };
        text.push_str(&format!("\n{pid:>5} {ppid:>5} {user:<8.8} {state}  {vsz:>5}   0%   0   0% {cmd}"));
    }
    text.push('\n');
    out.out(text);
    0
}

fn ps(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let procs = process_list(sys, "ps", args);
    let mut text = String::new();
    if matches!(sys.ctx.os_family, OsFamily::Alpine | OsFamily::Busybox) {
        text.push_str("PID   USER     TIME  COMMAND\n");
        for (pid, user, cmd) in procs {
            text.push_str(&format!("{pid:>5} {user:<8}  0:00 {cmd}\n"));
        }
    } else {
        text.push_str("    PID TTY          TIME CMD\n");
        for (pid, _, cmd) in procs {
            text.push_str(&format!("{pid:>7} ?        00:00:00 {}\n", basename(cmd.split(' ').next().unwrap_or("sh"))));
        }
    }
    out.out(text);
    0
}

fn kill(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let mut sig = "TERM".to_string();
    let mut pids = Vec::new();
    for a in args {
        if let Some(s) = a.strip_prefix('-') {
            if s == "l" {
                out.out(" 1) HUP\t 2) INT\t 3) QUIT\t 9) KILL\t15) TERM\n");
                return 0;
            }
            sig = s.trim_start_matches("s ").to_string();
        } else {
            pids.push(a.clone());
        }
    }
    for p in pids {
        if p == "1" {
            if let Some(cid) = sys.cid().map(str::to_string) {
                let num = crate::containers::signal_number(&sig);
                let handled = sys.world.containers.get(&cid).and_then(|c| c.process.as_ref()).is_some_and(|p| p.handles_sigterm);
                if num == 9 || handled && matches!(num, 15 | 2 | 3) {
                    // PID 1 exits: the container stops right after this exec.
                    let code = if num == 9 { 137 } else { 0 };
                    if let Some(c) = sys.world.containers.get_mut(&cid) {
                        if let Some(pr) = c.process.as_mut() {
                            pr.exit = Some((sys.world.now_ms, code));
                        }
                    }
                    let gen = sys.world.containers[&cid].generation;
                    let now = sys.world.now_ms;
                    sys.world.schedule_at(now, crate::world::Scheduled::Exit { cid, gen });
                }
            }
        } else if p.parse::<u32>().is_err() {
            out.err(format!("sh: kill: {p}: arguments must be process or job IDs\n"));
            return 1;
        } else if p != "0" {
            out.err(format!("sh: can't kill pid {p}: No such process\n"));
            return 1;
        }
    }
    0
}

// ---- package managers ----------------------------------------------------

fn has_net(sys: &ContainerSys<'_>) -> bool {
    sys.ctx.host || !sys.ctx.no_network && sys.cid().is_none_or(|c| sys.world.has_outside_access(c))
}

fn alpine_branch(sys: &ContainerSys<'_>) -> String {
    let v = read_text(sys, "/etc/alpine-release").unwrap_or_else(|| "3.19.1".into());
    let mut parts = v.trim().split('.');
    format!("v{}.{}", parts.next().unwrap_or("3"), parts.next().unwrap_or("19"))
}

fn apk(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let sub = args.iter().find(|a| !a.starts_with('-')).cloned().unwrap_or_default();
    let no_cache = args.iter().any(|a| a == "--no-cache");
    let pkgs: Vec<String> = args.iter().filter(|a| !a.starts_with('-')).skip(1).cloned().collect();
    let (_, uid, _) = sys.user();
    let branch = alpine_branch(sys);
    let fetch_lines = |out: &mut Output| {
        out.out(format!("fetch https://dl-cdn.alpinelinux.org/alpine/{branch}/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/{branch}/community/x86_64/APKINDEX.tar.gz\n"));
    };
    if uid != 0 && matches!(sub.as_str(), "add" | "del" | "update" | "upgrade") {
        out.err("ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n");
        return 99;
    }
    match sub.as_str() {
        "update" => {
            if !has_net(sys) {
                out.out(format!("fetch https://dl-cdn.alpinelinux.org/alpine/{branch}/main/x86_64/APKINDEX.tar.gz\n"));
                out.err(format!("WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/{branch}/main: temporary error (try again later)\n"));
                out.out("v3.19.1-0 [https://dl-cdn.alpinelinux.org/alpine/v3.19/main]\n1 unavailable, 0 stale; 15 distinct packages available\n");
                return 1;
            }
            fetch_lines(out);
            write_blob(sys, "/var/cache/apk/APKINDEX.tar.gz", "apkindex", 2_400_000);
            out.out(format!("v3.19.1-0 [https://dl-cdn.alpinelinux.org/alpine/{branch}/main]\nv3.19.1-0 [https://dl-cdn.alpinelinux.org/alpine/{branch}/community]\nOK: 22983 distinct packages available\n"));
            sys.sleep(1.0, out);
            0
        }
        "add" => {
            if pkgs.is_empty() {
                return 0;
            }
            if !has_net(sys) {
                out.out(format!("fetch https://dl-cdn.alpinelinux.org/alpine/{branch}/main/x86_64/APKINDEX.tar.gz\n"));
                out.err(format!("WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/{branch}/main: temporary error (try again later)\nfetch https://dl-cdn.alpinelinux.org/alpine/{branch}/community/x86_64/APKINDEX.tar.gz\nWARNING: fetching https://dl-cdn.alpinelinux.org/alpine/{branch}/community: temporary error (try again later)\nERROR: unable to select packages:\n"));
                for p in &pkgs {
                    out.err(format!("  {p} (no such package):\n    required by: world[{p}]\n"));
                }
                return pkgs.len() as i32;
            }
            if no_cache {
                fetch_lines(out);
            } else if !sys.exists("/var/cache/apk/APKINDEX.tar.gz") {
                fetch_lines(out);
            }
            install_packages(sys, crate::packages_data::PkgManager::Apk, &pkgs, out, false)
        }
        "del" => {
            for p in &pkgs {
                if let Some(pkg) = crate::packages_data::find(crate::packages_data::PkgManager::Apk, p) {
                    for (path, _) in pkg.programs {
                        let _ = sys.remove(path, false);
                    }
                }
            }
            out.out("OK: 7 MiB in 14 packages\n");
            0
        }
        "info" | "list" => {
            let world = read_text(sys, "/etc/apk/world").unwrap_or_default();
            out.out(world);
            0
        }
        "--version" | "" => {
            out.out("apk-tools 2.14.0, compiled for x86_64.\n");
            0
        }
        _ => {
            out.err(format!("apk: unknown command '{sub}'\n"));
            1
        }
    }
}

fn apt(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output, name: &str) -> i32 {
    let sub = args.iter().find(|a| !a.starts_with('-')).cloned().unwrap_or_default();
    let pkgs: Vec<String> = args.iter().filter(|a| !a.starts_with('-')).skip(1).cloned().collect();
    let no_rec = args.iter().any(|a| a == "--no-install-recommends");
    let (_, uid, _) = sys.user();
    if name == "apt" {
        out.err("\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n");
    }
    let codename = read_text(sys, "/etc/os-release").and_then(|t| t.lines().find_map(|l| l.strip_prefix("VERSION_CODENAME=").map(|v| v.trim_matches('"').to_string()))).unwrap_or_else(|| "bookworm".into());
    let is_ubuntu = read_text(sys, "/etc/os-release").is_some_and(|t| t.contains("ID=ubuntu"));
    if uid != 0 && matches!(sub.as_str(), "update" | "install" | "remove" | "upgrade") {
        out.err("E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n");
        return 100;
    }
    match sub.as_str() {
        "update" => {
            if !has_net(sys) {
                let host = if is_ubuntu { "archive.ubuntu.com" } else { "deb.debian.org" };
                out.out(format!("Ign:1 http://{host}/debian {codename} InRelease\nErr:1 http://{host}/debian {codename} InRelease\n  Temporary failure resolving '{host}'\nReading package lists... Done\n"));
                out.err(format!("W: Failed to fetch http://{host}/debian/dists/{codename}/InRelease  Temporary failure resolving '{host}'\nW: Some index files failed to download. They have been ignored, or old ones used instead.\n"));
                return 0;
            }
            if is_ubuntu {
                out.out(format!("Get:1 http://archive.ubuntu.com/ubuntu {codename} InRelease [256 kB]\nGet:2 http://security.ubuntu.com/ubuntu {codename}-security InRelease [126 kB]\nGet:3 http://archive.ubuntu.com/ubuntu {codename}/main amd64 Packages [1808 kB]\nGet:4 http://archive.ubuntu.com/ubuntu {codename}/universe amd64 Packages [19.3 MB]\nFetched 21.5 MB in 3s (7170 kB/s)\nReading package lists... Done\n"));
            } else {
                out.out(format!("Get:1 http://deb.debian.org/debian {codename} InRelease [151 kB]\nGet:2 http://deb.debian.org/debian {codename}-updates InRelease [55.4 kB]\nGet:3 http://deb.debian.org/debian-security {codename}-security InRelease [48.0 kB]\nGet:4 http://deb.debian.org/debian {codename}/main amd64 Packages [8792 kB]\nGet:5 http://deb.debian.org/debian {codename}-updates/main amd64 Packages [13.5 kB]\nGet:6 http://deb.debian.org/debian-security {codename}-security/main amd64 Packages [243 kB]\nFetched 9303 kB in 2s (4651 kB/s)\nReading package lists...\n"));
            }
            write_blob(sys, &format!("/var/lib/apt/lists/deb.debian.org_debian_dists_{codename}_main_binary-amd64_Packages.lz4"), "apt-lists", 18_400_000);
            write_blob(sys, &format!("/var/lib/apt/lists/deb.debian.org_debian_dists_{codename}_InRelease"), "apt-lists", 151_000);
            sys.sleep(2.0, out);
            0
        }
        "install" => {
            if pkgs.is_empty() {
                out.out("Reading package lists...\nBuilding dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
                return 0;
            }
            out.out("Reading package lists...\n");
            let has_lists = sys.list("/var/lib/apt/lists").map(|l| l.iter().any(|n| n.ends_with("Packages.lz4") || n.ends_with("Packages"))).unwrap_or(false);
            out.out("Building dependency tree...\nReading state information...\n");
            if !has_lists {
                for p in &pkgs {
                    out.err(format!("E: Unable to locate package {p}\n"));
                }
                return 100;
            }
            let assume_yes = args.iter().any(|a| a == "-y" || a == "--yes" || a == "-qy" || a == "-yq" || a == "--assume-yes");
            if !assume_yes {
                out.out("Do you want to continue? [Y/n] Abort.\n");
                return 1;
            }
            install_packages(sys, crate::packages_data::PkgManager::Apt, &pkgs, out, no_rec)
        }
        "remove" | "purge" | "autoremove" => {
            for p in &pkgs {
                if let Some(pkg) = crate::packages_data::find(crate::packages_data::PkgManager::Apt, p) {
                    for (path, _) in pkg.programs {
                        let _ = sys.remove(path, false);
                    }
                    let _ = sys.remove(&format!("/usr/share/baleine-packages/{}", pkg.name), true);
                }
            }
            out.out("Reading package lists...\nBuilding dependency tree...\nReading state information...\n");
            0
        }
        "clean" | "autoclean" => {
            let _ = sys.remove("/var/cache/apt/archives", true);
            0
        }
        "upgrade" | "dist-upgrade" => {
            out.out("Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
            0
        }
        _ => {
            out.err(format!("E: Invalid operation {sub}\n"));
            100
        }
    }
}

/// apt's `SizeToStr` (apt-pkg/contrib/strutl.cc) with the unit's "B":
/// decimal units, one decimal below 100, none below 10000.
fn apt_size(bytes: u64) -> String {
    let exts = ["", "k", "M", "G", "T"];
    let mut a = bytes as f64;
    let mut i = 0;
    loop {
        if a < 100.0 && i != 0 {
            return format!("{a:.1} {}B", exts[i]);
        }
        if a < 10000.0 || i == exts.len() - 1 {
            return format!("{a:.0} {}B", exts[i]);
        }
        a /= 1000.0;
        i += 1;
    }
}

/// apt's `ShowList` (apt-private/private-output.cc): a title, then the names
/// on lines indented by two spaces, wrapped for an 80-column screen.
fn apt_list(title: &str, names: &[&str]) -> String {
    if names.is_empty() {
        return String::new();
    }
    let width = 80 - 3;
    let mut s = String::from(title);
    let mut used = 0usize;
    for n in names {
        if used == 0 || used + n.len() >= width {
            s.push_str("\n  ");
            used = 0;
        } else {
            s.push(' ');
            used += 1;
        }
        s.push_str(n);
        used += n.len();
    }
    s.push('\n');
    s
}

/// Installs packages (and their dependencies) from the package catalog.
fn install_packages(sys: &mut ContainerSys<'_>, manager: crate::packages_data::PkgManager, pkgs: &[String], out: &mut Output, no_recommends: bool) -> i32 {
    use crate::packages_data::{find, Package, PkgManager};
    let mut todo: Vec<&'static Package> = Vec::new();
    let mut missing = Vec::new();
    let mut explicit: Vec<&'static Package> = Vec::new();
    let with_rec = manager == PkgManager::Apt && !no_recommends;
    fn add(p: &'static Package, m: PkgManager, todo: &mut Vec<&'static Package>, depth: u32, rec: bool) {
        if depth > 8 || todo.iter().any(|t| t.name == p.name) {
            return;
        }
        for d in p.deps {
            if let Some(dp) = crate::packages_data::find(m, d) {
                add(dp, m, todo, depth + 1, rec);
            }
        }
        todo.push(p);
        // apt installs the Recommends of every package it installs.
        if rec {
            for d in p.recommends {
                if let Some(dp) = crate::packages_data::find(m, d) {
                    add(dp, m, todo, depth + 1, rec);
                }
            }
        }
    }
    for name in pkgs {
        let base = name.split('=').next().unwrap_or(name);
        match find(manager, base) {
            Some(p) => {
                add(p, manager, &mut todo, 0, with_rec);
                if !explicit.iter().any(|e| e.name == p.name) {
                    explicit.push(p);
                }
            }
            None => missing.push(base.to_string()),
        }
    }
    if !missing.is_empty() {
        match manager {
            PkgManager::Apk => {
                out.err("ERROR: unable to select packages:\n");
                for m in &missing {
                    out.err(format!("  {m} (no such package):\n    required by: world[{m}]\n"));
                }
            }
            PkgManager::Apt => {
                for m in &missing {
                    out.err(format!("E: Unable to locate package {m}\n"));
                }
            }
        }
        return if manager == PkgManager::Apk { missing.len() as i32 } else { 100 };
    }
    // Skip what is installed already.
    let installed_marker = |p: &Package| format!("/usr/share/baleine-packages/{}", p.name);
    todo.retain(|p| !sys.exists(&installed_marker(p)));
    let total = todo.len();
    let new_size: u64 = todo.iter().map(|p| p.size).sum();
    let download: u64 = todo.iter().map(|p| p.download).sum();
    let os_release = read_text(sys, "/etc/os-release").unwrap_or_default();
    let codename = os_release.lines().find_map(|l| l.strip_prefix("VERSION_CODENAME=").map(|v| v.trim_matches('"').to_string())).unwrap_or_else(|| "bookworm".into());
    let archive = if os_release.contains("ID=ubuntu") { format!("http://archive.ubuntu.com/ubuntu {codename}/main") } else { format!("http://deb.debian.org/debian {codename}/main") };
    match manager {
        PkgManager::Apk => {
            for (i, p) in todo.iter().enumerate() {
                out.out(format!("({}/{}) Installing {} ({})\n", i + 1, total, p.name, p.version));
            }
        }
        PkgManager::Apt => {
            for e in &explicit {
                if !todo.iter().any(|t| t.name == e.name) {
                    out.out(format!("{} is already the newest version ({}).\n", e.name, e.version));
                }
            }
            let mut names: Vec<&str> = todo.iter().map(|p| p.name).collect();
            baleine_util::sort(&mut names);
            let extra: Vec<&str> = names.iter().copied().filter(|n| !explicit.iter().any(|e| e.name == *n)).collect();
            out.out(apt_list("The following additional packages will be installed:", &extra));
            if no_recommends {
                let mut rec: Vec<&str> = Vec::new();
                for p in &todo {
                    for r in p.recommends {
                        let installed = find(manager, r).is_some_and(|rp| sys.exists(&installed_marker(rp)));
                        if !installed && !rec.contains(r) && !names.contains(r) {
                            rec.push(r);
                        }
                    }
                }
                baleine_util::sort(&mut rec);
                out.out(apt_list("Recommended packages:", &rec));
            }
            out.out(apt_list("The following NEW packages will be installed:", &names));
            out.out(format!("0 upgraded, {total} newly installed, 0 to remove and 0 not upgraded.\n"));
            if total > 0 {
                out.out(format!("Need to get {} of archives.\nAfter this operation, {} of additional disk space will be used.\n", apt_size(download), apt_size(new_size)));
            }
        }
    }
    for (i, p) in todo.iter().enumerate() {
        let mut per = p.size / (p.programs.len() as u64 + 1);
        if per == 0 {
            per = 1;
        }
        for (path, kind) in p.programs {
            write_exec(sys, path, kind, per);
        }
        write_blob(sys, &installed_marker(p), "package-files", per);
        if manager == PkgManager::Apt {
            out.out(format!("Get:{} {archive} amd64 {} amd64 {} [{}]\n", i + 1, p.name, p.version, apt_size(p.download)));
        }
    }
    match manager {
        PkgManager::Apk => {
            if !sys.exists("/var/cache/apk") {
                let _ = sys.mkdir("/var/cache/apk", true);
            }
            // /etc/apk/world holds what was asked for, not the dependencies.
            let mut world = read_text(sys, "/etc/apk/world").unwrap_or_default();
            for p in &explicit {
                if !world.lines().any(|l| l == p.name) {
                    world.push_str(p.name);
                    world.push('\n');
                }
            }
            let mut lines: Vec<&str> = world.lines().collect();
            baleine_util::sort(&mut lines);
            let world = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
            let _ = sys.write_text("/etc/apk/world", &world);
            // Triggers of installed packages whose watched directories changed:
            // busybox's (/bin, /sbin, /usr/bin, /usr/sbin: `busybox --install`)
            // and ca-certificates' (its certificate directories).
            let bins = todo.iter().any(|p| p.programs.iter().any(|(path, _)| ["/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/"].iter().any(|d| path.starts_with(d))));
            if bins && total > 0 {
                if let Some((_, v)) = crate::baseos::ALPINE_BASE_PACKAGES.iter().find(|p| p.0 == "busybox") {
                    out.out(format!("Executing busybox-{v}.trigger\n"));
                }
            }
            if let Some(ca) = todo.iter().find(|p| p.name == "ca-certificates") {
                out.out(format!("Executing ca-certificates-{}.trigger\n", ca.version));
            }
            // apk counts every installed package and their installed size.
            let mut count = crate::baseos::ALPINE_BASE_PACKAGES.len();
            let mut bytes = 7 * 1024 * 1024u64;
            for n in sys.list("/usr/share/baleine-packages").unwrap_or_default() {
                if let Some(p) = find(PkgManager::Apk, &n) {
                    count += 1;
                    bytes += p.size;
                }
            }
            out.out(format!("OK: {} MiB in {} packages\n", bytes / (1024 * 1024), count));
        }
        PkgManager::Apt => {
            if total > 0 {
                out.out(format!("Fetched {} in 1s ({}/s)\n", apt_size(download), apt_size(download)));
            }
            write_blob(sys, "/var/cache/apt/archives/partial/.lock", "apt-cache", 0);
            for p in todo.iter() {
                out.out(format!("Setting up {} ({}) ...\n", p.name, p.version));
            }
            // Shared libraries activate libc-bin's ldconfig trigger.
            if todo.iter().any(|p| p.name.starts_with("lib")) {
                let libc = if os_release.contains("ID=ubuntu") { "2.39-0ubuntu8.3" } else { "2.36-9+deb12u8" };
                out.out(format!("Processing triggers for libc-bin ({libc}) ...\n"));
            }
        }
    }
    sys.sleep((total as f64 * 0.4).max(0.3), out);
    0
}

// ---- language runtimes -----------------------------------------------------

/// Extracts dependency names from a package.json's section.
fn json_section_keys(json: &str, section: &str) -> Vec<String> {
    let key = format!("\"{section}\"");
    let Some(i) = json.find(&key) else { return Vec::new() };
    let rest = &json[i + key.len()..];
    let Some(open) = rest.find('{') else { return Vec::new() };
    let Some(close) = rest[open..].find('}') else { return Vec::new() };
    let body = &rest[open + 1..open + close];
    body.split(',').filter_map(|kv| kv.split(':').next()).map(|k| k.trim().trim_matches('"').to_string()).filter(|k| !k.is_empty()).collect()
}

fn json_string(json: &str, key: &str) -> Option<String> {
    let k = format!("\"{key}\"");
    let i = json.find(&k)?;
    let rest = json[i + k.len()..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// npm 10 ends every failure with where it wrote the debug log
/// (lib/utils/exit-handler.js: "A complete log of this run can be found
/// in: ..."), a file named after the run's start time with `:` and `.` as `_`.
fn npm_error(sys: &mut ContainerSys<'_>, out: &mut Output, msg: &str) {
    let home = sys.ctx.env.iter().find(|(k, _)| k == "HOME").map(|(_, v)| v.clone()).unwrap_or_else(|| "/root".into());
    let total_ms = sys.world.epoch_secs * 1000 + sys.now_ms();
    let (y, mo, d, h, mi, sec, _) = crate::util::civil(total_ms / 1000);
    let log = format!("{home}/.npm/_logs/{y:04}-{mo:02}-{d:02}T{h:02}_{mi:02}_{sec:02}_{:03}Z-debug-0.log", total_ms % 1000);
    let _ = sys.mkdir(&format!("{home}/.npm/_logs"), true);
    let _ = sys.write_text(&log, &format!("0 verbose cli /usr/local/bin/node /usr/local/bin/npm\n{}", msg));
    out.err(format!("{msg}npm error A complete log of this run can be found in: {log}\n"));
}

fn npm(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let cwd = sys.ctx.workdir.clone();
    let sub = args.first().cloned().unwrap_or_default();
    let pkg_path = baleine_vfs::join(&cwd, "package.json");
    match sub.as_str() {
        "install" | "i" | "ci" | "add" => {
            let extra: Vec<&String> = args[1..].iter().filter(|a| !a.starts_with('-')).collect();
            let production = args.iter().any(|a| a == "--only=production" || a == "--omit=dev" || a == "--production" || a == "--only=prod")
                || sys.ctx.env.iter().any(|(k, v)| k == "NODE_ENV" && v == "production");
            let pkg = match read_text(sys, &pkg_path) {
                Some(p) => p,
                None => {
                    if extra.is_empty() {
                        npm_error(sys, out, &format!("npm error code ENOENT\nnpm error syscall open\nnpm error path {pkg_path}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '{pkg_path}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n"));
                        return 254;
                    }
                    String::new()
                }
            };
            if sub == "ci" && !sys.exists(&baleine_vfs::join(&cwd, "package-lock.json")) && !sys.exists(&baleine_vfs::join(&cwd, "npm-shrinkwrap.json")) {
                npm_error(sys, out, "npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.\nnpm error\nnpm error Clean install a project\nnpm error\nnpm error Usage:\nnpm error npm ci\n");
                return 1;
            }
            if !has_net(sys) {
                npm_error(sys, out, "npm error code ENOTFOUND\nnpm error syscall getaddrinfo\nnpm error errno ENOTFOUND\nnpm error network request to https://registry.npmjs.org/ failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org\n");
                return 1;
            }
            if production && args.iter().any(|a| a == "--only=production") {
                out.err("npm warn config only Use `--omit=dev` to omit dev dependencies from the install.\n");
            }
            let mut deps = json_section_keys(&pkg, "dependencies");
            if !production {
                deps.extend(json_section_keys(&pkg, "devDependencies"));
            }
            deps.extend(extra.iter().map(|s| s.split('@').next().unwrap_or(s).to_string()).filter(|s| !s.is_empty()));
            if sub == "ci" {
                let _ = sys.remove(&baleine_vfs::join(&cwd, "node_modules"), true);
            }
            let nm = baleine_vfs::join(&cwd, "node_modules");
            let _ = sys.mkdir(&nm, true);
            let mut count = 0;
            for d in &deps {
                // Each dependency brings a few transitive ones.
                let n_trans = pseudo_size(d, 1, 40);
                let size = pseudo_size(&format!("{d}-size"), 40_000, 3_000_000);
                write_blob(sys, &format!("{nm}/{d}/package.json"), "npm-package", 1_200);
                write_blob(sys, &format!("{nm}/{d}/index.js"), "npm-package", size);
                count += 1 + n_trans;
                if d == "typescript" || d == "webpack" || d.starts_with("react-scripts") || d == "vite" {
                    write_exec(sys, &format!("{nm}/.bin/{}", if d == "typescript" { "tsc" } else { d.as_str() }), "npm-bin", 1000);
                }
            }
            write_blob(sys, &format!("{nm}/.package-lock.json"), "npm-lock", 2_000 + 300 * count);
            if sub != "ci" && !sys.exists(&baleine_vfs::join(&cwd, "package-lock.json")) && !pkg.is_empty() {
                let _ = sys.write_text(&baleine_vfs::join(&cwd, "package-lock.json"), &format!("{{\n  \"name\": \"{}\",\n  \"lockfileVersion\": 3,\n  \"requires\": true\n}}\n", json_string(&pkg, "name").unwrap_or_else(|| "app".into())));
            }
            let home = sys.ctx.env.iter().find(|(k, _)| k == "HOME").map(|(_, v)| v.clone()).unwrap_or_else(|| "/root".into());
            write_blob(sys, &format!("{home}/.npm/_cacache/index-v5/cache"), "npm-cache", count * 150_000);
            let secs = 1 + count / 40;
            sys.sleep(secs as f64, out);
            if count == 0 {
                out.out(format!("\nup to date, audited 1 package in {secs}s\n\nfound 0 vulnerabilities\n"));
            } else if args.iter().any(|a| a == "--no-audit") {
                out.out(format!("\nadded {count} packages in {secs}s\n"));
            } else {
                out.out(format!("\nadded {count} packages, and audited {} packages in {secs}s\n\n{} packages are looking for funding\n  run `npm fund` for details\n\nfound 0 vulnerabilities\n", count + 1, count / 8 + 1));
            }
            0
        }
        "run" | "run-script" | "start" | "test" => {
            let script_name = if sub == "run" || sub == "run-script" { args.get(1).cloned().unwrap_or_default() } else { sub.clone() };
            let Some(pkg) = read_text(sys, &pkg_path) else {
                npm_error(sys, out, &format!("npm error code ENOENT\nnpm error syscall open\nnpm error path {pkg_path}\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '{pkg_path}'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n"));
                return 254;
            };
            let name = json_string(&pkg, "name").unwrap_or_else(|| "app".into());
            let version = json_string(&pkg, "version").unwrap_or_else(|| "1.0.0".into());
            let script = json_string(&pkg, &script_name).filter(|_| pkg.contains("\"scripts\""));
            let script = match (script, script_name.as_str()) {
                (Some(s), _) => s,
                (None, "start") => "node server.js".into(),
                (None, other) => {
                    npm_error(sys, out, &format!("npm error Missing script: \"{other}\"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n"));
                    return 1;
                }
            };
            out.out(format!("\n> {name}@{version} {script_name}\n> {script}\n\n"));
            if script_name == "build" || script.contains("tsc") || script.contains("webpack") || script.contains("vite build") || script.contains("react-scripts build") {
                return build_artifacts(sys, &script, out);
            }
            // Run the script's command.
            let env = sys.ctx.env.clone();
            let mut sh = Shell::new(Flavor::Ash, &env, &cwd);
            sh.run_str(sys, &script, out).status
        }
        "-v" | "--version" => {
            out.out("10.8.2\n");
            0
        }
        "config" | "cache" | "audit" | "fund" | "prune" => 0,
        "" => {
            out.out("npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm run <foo>      run the script named <foo>\n");
            1
        }
        other => {
            out.err(format!("Unknown command: \"{other}\"\n"));
            1
        }
    }
}

/// `npm run build`: turns sources into dist/ (or build/).
fn build_artifacts(sys: &mut ContainerSys<'_>, script: &str, out: &mut Output) -> i32 {
    let cwd = sys.ctx.workdir.clone();
    let target = if script.contains("react-scripts") { "build" } else { "dist" };
    let mut sources: Vec<(String, Node)> = Vec::new();
    for dir in ["src", "."] {
        let base = baleine_vfs::join(&cwd, dir);
        if let Ok(names) = sys.list(&base) {
            for n in names {
                if n == "node_modules" || n == target || n.starts_with('.') {
                    continue;
                }
                let p = baleine_vfs::join(&base, &n);
                if n.ends_with(".ts") || n.ends_with(".js") || n.ends_with(".tsx") || n.ends_with(".jsx") || n.ends_with(".html") || n.ends_with(".css") {
                    if let Ok(node) = sys.node(&p) {
                        sources.push((n.clone(), node));
                    }
                }
            }
        }
        if !sources.is_empty() {
            break;
        }
    }
    let outdir = baleine_vfs::join(&cwd, target);
    let _ = sys.mkdir(&outdir, true);
    if sources.is_empty() {
        let _ = sys.write_text(&format!("{outdir}/index.js"), "console.log(\"built\");\n");
    }
    for (n, node) in sources {
        let name = n.replace(".tsx", ".js").replace(".ts", ".js").replace(".jsx", ".js");
        let _ = sys.put_node(&format!("{outdir}/{name}"), node);
    }
    if target == "build" {
        let _ = sys.write_text(&format!("{outdir}/index.html"), "<!doctype html><html><head><title>React App</title></head><body><div id=\"root\"></div></body></html>\n");
    }
    sys.sleep(3.0, out);
    if script.contains("tsc") {
        // tsc prints nothing on success.
    } else {
        out.out(format!("Build complete: {target}/\n"));
    }
    0
}

/// Finds the port a source file listens on.
fn listen_port(src: &str, env: &[(String, String)], default: u16) -> Option<u16> {
    let markers = ["listen(", ".run(", "ListenAndServe(\"", "start_http_server(", "port=", "PORT", "HTTPServer(("];
    if !markers.iter().any(|m| src.contains(m)) {
        return None;
    }
    if let Some((_, v)) = env.iter().find(|(k, _)| k == "PORT") {
        if let Ok(p) = v.parse() {
            return Some(p);
        }
    }
    // Most specific first; digits are only looked for on the same line.
    for key in ["PORT || ", "PORT ?? ", "const PORT = ", "const port = ", "PORT = ", "port=", "ListenAndServe(\":", "start_http_server(", "HTTPServer((\"\", ", "HTTPServer(('', ", "listen("] {
        if let Some(i) = src.find(key) {
            let line: String = src[i + key.len()..].chars().take_while(|c| *c != '\n').collect();
            let digits: String = line.chars().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(p) = digits.parse::<u16>() {
                if p > 0 {
                    return Some(p);
                }
            }
        }
    }
    Some(default)
}

/// Lines a script prints at start (console.log / print of literals).
fn printed_literals(src: &str, call: &str) -> Vec<String> {
    let mut v = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find(call) {
        let after = &rest[i + call.len()..];
        let after_trim = after.trim_start();
        if let Some(q) = after_trim.chars().next().filter(|c| *c == '"' || *c == '\'' || *c == '`') {
            if let Some(end) = after_trim[1..].find(q) {
                let lit = &after_trim[1..1 + end];
                v.push(lit.replace("${PORT}", "3000").replace("${port}", "3000"));
            }
        } else {
            // A number or a simple arithmetic expression: console.log(6 * 7).
            let expr: String = after_trim.chars().take_while(|c| *c != ')').collect();
            if let Some(n) = simple_arith(expr.trim()) {
                v.push(n);
            }
        }
        rest = &after[..];
        if v.len() > 50 {
            break;
        }
    }
    v
}

fn node(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let Some(first) = args.first() else {
        // The REPL needs a terminal: without -i it reads an empty stdin.
        return 0;
    };
    match first.as_str() {
        "-v" | "--version" => {
            let v = sys.ctx.env.iter().find(|(k, _)| k == "NODE_VERSION").map(|(_, v)| v.clone()).unwrap_or_else(|| "18.20.4".into());
            out.out(format!("v{v}\n"));
            return 0;
        }
        "-e" | "--eval" | "-p" => {
            let code = args.get(1).cloned().unwrap_or_default();
            for l in printed_literals(&code, "console.log(") {
                out.out(format!("{l}\n"));
            }
            let env = sys.ctx.env.clone();
            if code.contains("listen(") {
                if let Some(port) = listen_port(&code, &env, 3000) {
                    sys.become_server(ServerInfo { program: "node".into(), ports: vec![(port, 200)], handles_sigterm: code.contains("SIGTERM"), term_exit: 0 });
                }
            }
            return 0;
        }
        _ => {}
    }
    let file = normalize(&sys.ctx.workdir.clone(), first);
    let file = if sys.is_dir(&file) { baleine_vfs::join(&file, "index.js") } else { file };
    let Some(src) = read_text(sys, &file) else {
        out.err(format!("node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '{file}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {{\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}}\n\nNode.js v18.20.4\n"));
        return 1;
    };
    // Modules it requires must be installed.
    for req in src.split("require(").skip(1).chain(src.split(" from ").skip(1)) {
        let req = req.trim_start();
        let Some(q) = req.chars().next().filter(|c| *c == '\'' || *c == '"') else { continue };
        let Some(end) = req[1..].find(q) else { continue };
        let m = &req[1..1 + end];
        if m.starts_with('.') || m.starts_with('/') || m.starts_with("node:") || NODE_BUILTINS.contains(&m) {
            continue;
        }
        let base = m.split('/').take(if m.starts_with('@') { 2 } else { 1 }).collect::<Vec<_>>().join("/");
        let mut found = false;
        let mut dir = baleine_vfs::dirname(&file);
        loop {
            if sys.exists(&format!("{dir}/node_modules/{base}")) {
                found = true;
                break;
            }
            if dir == "/" {
                break;
            }
            dir = baleine_vfs::dirname(&dir);
        }
        if !found {
            out.err(format!("node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '{m}'\nRequire stack:\n- {file}\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27) {{\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '{file}' ]\n}}\n\nNode.js v18.20.4\n"));
            return 1;
        }
    }
    for l in printed_literals(&src, "console.log(") {
        out.out(format!("{l}\n"));
    }
    let env = sys.ctx.env.clone();
    if let Some(port) = listen_port(&src, &env, 3000) {
        sys.become_server(ServerInfo { program: "node".into(), ports: vec![(port, 300)], handles_sigterm: src.contains("SIGTERM"), term_exit: 0 });
    }
    0
}

const NODE_BUILTINS: &[&str] = &["http", "https", "fs", "path", "os", "url", "util", "events", "crypto", "child_process", "net", "stream", "zlib", "process", "assert", "buffer", "cluster", "dns", "readline", "querystring"];

fn python(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let Some(first) = args.first() else { return 0 };
    match first.as_str() {
        "--version" | "-V" => {
            let v = sys.ctx.env.iter().find(|(k, _)| k == "PYTHON_VERSION").map(|(_, v)| v.clone()).unwrap_or_else(|| "3.11.10".into());
            out.out(format!("Python {v}\n"));
            return 0;
        }
        "-c" => {
            let code = args.get(1).cloned().unwrap_or_default();
            for l in printed_literals(&code, "print(") {
                out.out(format!("{l}\n"));
            }
            return 0;
        }
        "-m" => {
            let module = args.get(1).cloned().unwrap_or_default();
            if module == "pip" {
                return pip(sys, &args[2..], out);
            }
            if module == "http.server" {
                let port = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(8000);
                out.out(format!("Serving HTTP on 0.0.0.0 port {port} (http://0.0.0.0:{port}/) ...\n"));
                sys.become_server(ServerInfo { program: "httpd".into(), ports: vec![(port, 100)], handles_sigterm: false, term_exit: 0 });
                return 0;
            }
            if module == "flask" || module == "uvicorn" || module == "gunicorn" {
                sys.become_server(ServerInfo { program: "python".into(), ports: vec![(if module == "flask" { 5000 } else { 8000 }, 500)], handles_sigterm: true, term_exit: 0 });
                return 0;
            }
            return 0;
        }
        _ => {}
    }
    let file = normalize(&sys.ctx.workdir.clone(), first);
    let Some(src) = read_text(sys, &file) else {
        out.err(format!("python: can't open file '{file}': [Errno 2] No such file or directory\n"));
        return 2;
    };
    for line in src.lines() {
        let t = line.trim();
        let module = t.strip_prefix("import ").map(|m| m.split([' ', ',', '.']).next().unwrap_or("")).or_else(|| t.strip_prefix("from ").map(|m| m.split([' ', '.']).next().unwrap_or("")));
        if let Some(m) = module {
            if !m.is_empty() && !PY_STDLIB.contains(&m) && !python_has_module(sys, m) {
                out.err(format!("Traceback (most recent call last):\n  File \"{file}\", line 1, in <module>\n    {t}\nModuleNotFoundError: No module named '{m}'\n"));
                return 1;
            }
        }
    }
    for l in printed_literals(&src, "print(") {
        out.out(format!("{l}\n"));
    }
    let env = sys.ctx.env.clone();
    if let Some(port) = listen_port(&src, &env, 5000) {
        if src.contains("Flask") || src.contains("flask") {
            // flask cli.py show_server_banner (click.echo: stdout), then
            // werkzeug serving.py log_startup (logging: stderr). On 0.0.0.0
            // werkzeug adds the address of the interface that routes out:
            // the container's own IP (127.0.0.1 without a network).
            let app = basename(&file).rsplit_once('.').map(|(s, _)| s.to_string()).unwrap_or_else(|| basename(&file).to_string());
            let own_ip = if sys.ctx.no_network { None } else { sys.container().and_then(|c| c.endpoints.values().map(|e| e.ip).find(|ip| *ip != 0)) };
            let shown = own_ip.map(ip_to_string).unwrap_or_else(|| "127.0.0.1".into());
            out.out(format!(" * Serving Flask app '{app}'\n * Debug mode: off\n"));
            let addresses = if src.contains("0.0.0.0") { format!(" * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:{port}\n * Running on http://{shown}:{port}\n") } else { format!(" * Running on http://127.0.0.1:{port}\n") };
            out.err(format!("WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n{addresses}Press CTRL+C to quit\n"));
        }
        sys.become_server(ServerInfo { program: "python".into(), ports: vec![(port, 400)], handles_sigterm: false, term_exit: 0 });
    }
    0
}

const PY_STDLIB: &[&str] = &["os", "sys", "time", "json", "re", "math", "random", "datetime", "http", "socket", "logging", "typing", "collections", "subprocess", "pathlib", "signal", "threading", "urllib", "itertools", "functools", "asyncio", "dataclasses", "enum", "io", "string", "uuid", "hashlib", "base64", "csv", "sqlite3", "argparse", "shutil", "tempfile", "__future__", "platform"];

fn python_has_module(sys: &ContainerSys<'_>, m: &str) -> bool {
    let m = m.to_ascii_lowercase().replace('_', "-");
    let norm = |s: &str| s.to_ascii_lowercase().replace('_', "-");
    let minor = python_minor(sys);
    let mut dirs = vec![format!("/usr/local/lib/python{minor}/site-packages"), "/usr/lib/python3/dist-packages".to_string()];
    for (k, v) in &sys.ctx.env {
        if k == "HOME" {
            dirs.push(format!("{v}/.local/lib/python{minor}/site-packages"));
        }
        if k == "PYTHONPATH" {
            dirs.extend(v.split(':').map(str::to_string));
        }
    }
    dirs.push(format!("/root/.local/lib/python{minor}/site-packages"));
    let alias = match m.as_str() {
        "prometheus-client" => "prometheus-client",
        other => other,
    };
    dirs.iter().any(|d| sys.list(d).map(|names| names.iter().any(|n| norm(n) == alias || norm(n).starts_with(&format!("{alias}-")))).unwrap_or(false))
}

/// The interpreter's major.minor (the official images set PYTHON_VERSION).
fn python_minor(sys: &ContainerSys<'_>) -> String {
    let v = sys.ctx.env.iter().find(|(k, _)| k == "PYTHON_VERSION").map(|(_, v)| v.clone()).unwrap_or_else(|| "3.11".into());
    let mut parts = v.split('.');
    format!("{}.{}", parts.next().unwrap_or("3"), parts.next().unwrap_or("11"))
}

/// The pip each image carries: CPython's ensurepip bundle (3.11.10: 24.0,
/// 3.12.5+: 24.2; docker-library/python "Switch from get-pip.py to
/// ensurepip", Dockerfiles of September 2024).
fn pip_version_for(minor: &str) -> &'static str {
    if minor == "3.11" || minor == "3.10" || minor == "3.9" { "24.0" } else { "24.2" }
}

/// The newest pip on PyPI in the Docker 27.5 era, for pip's self check.
const PIP_LATEST: &str = "24.3.1";

/// pip utils/misc.py format_size.
fn pip_format_size(bytes: u64) -> String {
    if bytes > 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else if bytes > 10_000 {
        format!("{} kB", bytes / 1000)
    } else if bytes > 1000 {
        format!("{:.1} kB", bytes as f64 / 1000.0)
    } else {
        format!("{bytes} bytes")
    }
}

/// The last frame of pip's rich download bar (cli/progress_bars.py:
/// description of indent+2 spaces, a 40-cell bar, rich DownloadColumn,
/// TransferSpeedColumn, "eta", TimeRemainingColumn), which is all a
/// non-terminal output (docker build) keeps.
fn pip_progress_line(indent: usize, size: u64, speed_seed: &str) -> String {
    let (unit, suffix) = if size < 1000 { (1.0, "bytes") } else if size < 1_000_000 { (1000.0, "kB") } else { (1_000_000.0, "MB") };
    let amount = if unit == 1.0 { format!("{size}") } else { format!("{:.1}", size as f64 / unit) };
    let speed = pseudo_size(speed_seed, 20, 600) as f64 / 10.0;
    format!("{}{} {amount}/{amount} {suffix} {speed:.1} MB/s eta 0:00:00\n", " ".repeat(indent + 3), "\u{2501}".repeat(40))
}

/// A requirement as packaging's Requirement prints it: the name as
/// written, extras, the specifiers sorted and comma-joined, the marker.
fn pip_parse_requirement(text: &str) -> Option<(String, String, Option<String>)> {
    let (main, marker) = match text.split_once(';') {
        Some((m, k)) => (m.trim(), Some(k.trim().to_string())),
        None => (text.trim(), None),
    };
    let name: String = main.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
    if name.is_empty() {
        return None;
    }
    let mut rest = main.get(name.len()..).unwrap_or("").trim().to_string();
    let mut extras = String::new();
    if rest.starts_with('[') {
        let end = rest.find(']')?;
        let mut ex: Vec<String> = rest.get(1..end).unwrap_or("").split(',').map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect();
        baleine_util::sort(&mut ex);
        extras = format!("[{}]", ex.join(","));
        rest = rest.get(end + 1..).unwrap_or("").trim().to_string();
    }
    let mut specs: Vec<String> = rest.split(',').map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>()).filter(|s| !s.is_empty()).collect();
    if specs.iter().any(|s| !s.starts_with(['=', '<', '>', '!', '~'])) {
        return None;
    }
    baleine_util::sort(&mut specs);
    let mut shown = format!("{name}{extras}{}", specs.join(","));
    if let Some(m) = &marker {
        shown.push_str(&format!("; {m}"));
    }
    let pin = specs.iter().find_map(|s| s.strip_prefix("==").filter(|v| !v.contains('*')).map(str::to_string));
    Some((name, shown, pin))
}

struct PipCrit {
    id: String,
    name: String,
    shown: String,
    /// InstallRequirement.comes_from rendered (from_path of the parent).
    comes_from: Option<String>,
    depth: u32,
    requested: usize,
    pinned_op: bool,
    unfree: bool,
    version: String,
    installed_in: Option<String>,
    project: &'static crate::packages_data::PypiProject,
    done: bool,
    deps: Vec<String>,
}

fn pip(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    use crate::packages_data::{pypi_canonical, pypi_project, PYPI_OLDER_REQUIRES};
    let minor = python_minor(sys);
    let pip_version = pip_version_for(&minor);
    let sub = args.iter().find(|a| !a.starts_with('-')).cloned().unwrap_or_default();
    if args.first().is_some_and(|a| a == "--version" || a == "-V") {
        out.out(format!("pip {pip_version} from /usr/local/lib/python{minor}/site-packages/pip (python {minor})\n"));
        return 0;
    }
    if sub != "install" {
        if sub == "freeze" || sub == "list" {
            return 0;
        }
        out.err(format!("ERROR: unknown command \"{sub}\"\n"));
        return 1;
    }
    let env_on = |k: &str| sys.ctx.env.iter().any(|(n, v)| n == k && !matches!(v.to_ascii_lowercase().as_str(), "" | "0" | "false" | "no" | "off"));
    let user = args.iter().any(|a| a == "--user");
    let no_cache = args.iter().any(|a| a == "--no-cache-dir") || env_on("PIP_NO_CACHE_DIR");
    let quiet = args.iter().any(|a| a == "-q" || a == "--quiet" || a == "-qq");
    let no_deps = args.iter().any(|a| a == "--no-deps");
    let mut check_version = !args.iter().any(|a| a == "--disable-pip-version-check") && !env_on("PIP_DISABLE_PIP_VERSION_CHECK");
    let mut root_action = sys.ctx.env.iter().find(|(k, _)| k == "PIP_ROOT_USER_ACTION").map(|(_, v)| v.clone()).unwrap_or_else(|| "warn".into());
    let progress_off = args.windows(2).any(|w| w[0] == "--progress-bar" && w[1] == "off") || args.iter().any(|a| a == "--progress-bar=off");
    // (requirement text, comes_from)
    let mut reqs: Vec<(String, Option<String>)> = Vec::new();
    let mut i = 0;
    let mut seen_sub = false;
    while i < args.len() {
        let a = &args[i];
        if !seen_sub && a == "install" {
            seen_sub = true;
            i += 1;
            continue;
        }
        let file_arg = if a == "-r" || a == "--requirement" {
            i += 1;
            Some(args.get(i).cloned().unwrap_or_default())
        } else {
            a.strip_prefix("--requirement=").or_else(|| a.strip_prefix("-r").filter(|r| !r.is_empty())).map(str::to_string)
        };
        if let Some(file) = file_arg {
            let path = normalize(&sys.ctx.workdir.clone(), &file);
            match read_text(sys, &path) {
                Some(t) => {
                    for (n, line) in t.lines().enumerate() {
                        // req_file.py COMMENT_RE: a '#' at the start or after blanks.
                        let mut l = line.to_string();
                        if let Some(p) = l.char_indices().find(|(p, c)| *c == '#' && (*p == 0 || l[..*p].ends_with([' ', '\t']))).map(|(p, _)| p) {
                            l.truncate(p);
                        }
                        let l = l.trim();
                        if l.is_empty() || l.starts_with('-') {
                            continue;
                        }
                        reqs.push((l.to_string(), Some(format!("-r {file} (line {})", n + 1))));
                    }
                }
                None => {
                    if check_version {
                        pip_notice(sys, pip_version, out);
                    }
                    out.err(format!("ERROR: Could not open requirements file: [Errno 2] No such file or directory: '{file}'\n"));
                    return 1;
                }
            }
        } else if let Some(v) = a.strip_prefix("--root-user-action=") {
            root_action = v.to_string();
        } else if a == "--root-user-action" {
            i += 1;
            root_action = args.get(i).cloned().unwrap_or_default();
        } else if matches!(a.as_str(), "-i" | "--index-url" | "--extra-index-url" | "--progress-bar" | "-t" | "--target" | "-c" | "--constraint") {
            i += 1;
        } else if !a.starts_with('-') {
            reqs.push((a.clone(), None));
        }
        i += 1;
    }
    if reqs.is_empty() {
        out.err("ERROR: You must give at least one requirement to install (see \"pip help install\")\n");
        return 1;
    }
    if !has_net(sys) {
        check_version = false;
        let first = reqs.first().map(|r| r.0.clone()).unwrap_or_default();
        out.err(format!("WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/{first}/\nERROR: Could not find a version that satisfies the requirement {first} (from versions: none)\nERROR: No matching distribution found for {first}\n"));
        let _ = check_version;
        return 1;
    }
    let home = sys.ctx.env.iter().find(|(k, _)| k == "HOME").map(|(_, v)| v.clone()).unwrap_or_else(|| "/root".into());
    let global_site = format!("/usr/local/lib/python{minor}/site-packages");
    let user_site = format!("{home}/.local/lib/python{minor}/site-packages");
    let site = if user { user_site.clone() } else { global_site.clone() };
    let bin = if user { format!("{home}/.local/bin") } else { "/usr/local/bin".to_string() };
    let cp = format!("cp{}", minor.replace('.', ""));
    let plat = if matches!(sys.ctx.os_family, OsFamily::Alpine) { "musllinux_1_2_x86_64" } else { "manylinux_2_17_x86_64.manylinux2014_x86_64" };
    let bar_threshold: u64 = if pip_version == "24.0" { 40_000 } else { 512 * 1024 };
    let cache_dir = format!("{home}/.cache/pip/http-v2");
    let installed_version = |sys: &ContainerSys<'_>, id: &str| -> Option<(String, String)> {
        for dir in [&user_site, &global_site] {
            if let Ok(names) = sys.list(dir) {
                for n in names {
                    if let Some(stem) = n.strip_suffix(".dist-info") {
                        if let Some((name, ver)) = stem.rsplit_once('-') {
                            if pypi_canonical(name) == id {
                                return Some((ver.to_string(), dir.clone()));
                            }
                        }
                    }
                }
            }
        }
        None
    };
    let mut crits: Vec<PipCrit> = Vec::new();
    let mut pin_order: Vec<usize> = Vec::new();
    let mut text = String::new();
    let info = |text: &mut String, s: String| {
        if !quiet {
            text.push_str(&s);
        }
    };
    // Adds a requirement (resolvelib _add_to_criteria): a new project gets
    // its first candidate built at once, which logs "Collecting".
    let add = |sys: &mut ContainerSys<'_>, crits: &mut Vec<PipCrit>, text: &mut String, req: &str, comes_from: Option<String>, depth: u32, requested: usize| -> Result<(), String> {
        let Some((name, shown, pin)) = pip_parse_requirement(req) else {
            return Err(format!("ERROR: Invalid requirement: '{req}'\n"));
        };
        let id = pypi_canonical(&name);
        if let Some(c) = crits.iter_mut().find(|c| c.id == id) {
            c.depth = c.depth.min(depth);
            return Ok(());
        }
        let Some(project) = pypi_project(&name) else {
            let mut e = format!("ERROR: Could not find a version that satisfies the requirement {shown} (from versions: none)\n");
            if shown == "requirements.txt" {
                e.push_str("HINT: You are attempting to install a package literally named \"requirements.txt\" (which cannot exist). Consider using the '-r' flag to install the packages listed in requirements.txt\n");
            }
            return Err(format!("{e}\u{0}ERROR: No matching distribution found for {shown}\n"));
        };
        let installed = installed_version(sys, &id).filter(|(v, _)| pin.as_ref().is_none_or(|p| p == v));
        let version = installed.as_ref().map(|i| i.0.clone()).or(pin.clone()).unwrap_or_else(|| project.version.to_string());
        let requires: Vec<String> = PYPI_OLDER_REQUIRES.iter().find(|(n, prefix, _)| *n == project.name && version != project.version && version.starts_with(prefix)).map(|o| o.2).unwrap_or(project.requires).iter().map(|s| s.to_string()).collect();
        let from = comes_from.as_ref().map(|c| format!(" (from {c})")).unwrap_or_default();
        match &installed {
            Some((v, dir)) => info(text, format!("Requirement already satisfied: {shown} in {dir}{from} ({v})\n")),
            None => {
                info(text, format!("Collecting {shown}{from}\n"));
                let wheel = project.wheel.replace("{v}", &version).replace("{cp}", &cp).replace("{plat}", plat);
                let cached = !no_cache && sys.list(&format!("{cache_dir}/{wheel}.metadata")).is_ok();
                info(text, format!("  {} {wheel}.metadata ({})\n", if cached { "Using cached" } else { "Downloading" }, pip_format_size(project.metadata_size)));
                if !cached && !progress_off && project.metadata_size > bar_threshold {
                    info(text, pip_progress_line(2, project.metadata_size, &wheel));
                }
            }
        }
        let unfree = shown.contains(['<', '>', '=', '!', '~']);
        crits.push(PipCrit { id, name, shown, comes_from, depth, requested, pinned_op: pin.is_some(), unfree, version, installed_in: installed.map(|i| i.1), project, done: false, deps: requires });
        Ok(())
    };
    let mut failure: Option<String> = None;
    for (n, (r, from)) in reqs.iter().enumerate() {
        if let Err(e) = add(sys, &mut crits, &mut text, r, from.clone(), 1, n) {
            failure = Some(e);
            break;
        }
    }
    // resolvelib picks the most preferred unpinned project (pip provider
    // get_preference: "==" pins, then depth, then the user's order, then
    // specifier-bearing ones, then the name) and adds its dependencies.
    while failure.is_none() {
        let Some(next) = (0..crits.len()).filter(|&k| !crits[k].done).min_by(|&a, &b| {
            let ka = (!crits[a].pinned_op, crits[a].depth, crits[a].requested, !crits[a].unfree, crits[a].id.clone());
            let kb = (!crits[b].pinned_op, crits[b].depth, crits[b].requested, !crits[b].unfree, crits[b].id.clone());
            ka.cmp(&kb)
        }) else { break };
        crits[next].done = true;
        pin_order.push(next);
        if no_deps {
            continue;
        }
        let parent_path = match &crits[next].comes_from {
            Some(c) => format!("{}->{c}", crits[next].shown),
            None => crits[next].shown.clone(),
        };
        let depth = crits[next].depth + 1;
        for d in crits[next].deps.clone() {
            if let Err(e) = add(sys, &mut crits, &mut text, &d, Some(parent_path.clone()), depth, usize::MAX) {
                failure = Some(e);
                break;
            }
        }
    }
    out.out(std::mem::take(&mut text));
    if let Some(e) = failure {
        let (before, after) = e.split_once('\u{0}').unwrap_or((e.as_str(), ""));
        out.err(before.to_string());
        if check_version {
            pip_notice(sys, pip_version, out);
        }
        out.err(after.to_string());
        return 1;
    }
    // prepare_linked_requirements_more: the wheels, in pin order.
    let to_install: Vec<usize> = pin_order.iter().copied().filter(|&k| crits[k].installed_in.is_none()).collect();
    for &k in &to_install {
        let p = crits[k].project;
        let wheel = p.wheel.replace("{v}", &crits[k].version).replace("{cp}", &cp).replace("{plat}", plat);
        let cached = !no_cache && sys.list(&format!("{cache_dir}/{wheel}")).is_ok();
        info(&mut text, format!("{} {wheel} ({})\n", if cached { "Using cached" } else { "Downloading" }, pip_format_size(p.wheel_size)));
        if !cached && !progress_off && p.wheel_size > bar_threshold {
            info(&mut text, pip_progress_line(0, p.wheel_size, &wheel));
        }
        if !no_cache {
            write_blob(sys, &format!("{cache_dir}/{wheel}"), "pip-cache", p.wheel_size);
            write_blob(sys, &format!("{cache_dir}/{wheel}.metadata"), "pip-cache", p.metadata_size);
        }
    }
    out.out(std::mem::take(&mut text));
    if !to_install.is_empty() {
        // get_installation_order: leaves first (layer by layer), ties by
        // canonical name, descending.
        let mut height: Vec<u32> = vec![0; crits.len()];
        for _ in 0..crits.len() {
            for k in 0..crits.len() {
                let h = crits[k].deps.iter().filter_map(|d| pip_parse_requirement(d)).filter_map(|(n, _, _)| crits.iter().position(|c| c.id == pypi_canonical(&n))).map(|j| height[j] + 1).max().unwrap_or(0);
                height[k] = if no_deps { 0 } else { h };
            }
        }
        let mut order = to_install.clone();
        baleine_util::sort_by(&mut order, |&a, &b| height[a].cmp(&height[b]).then(crits[b].id.cmp(&crits[a].id)));
        info(&mut text, format!("Installing collected packages: {}\n", order.iter().map(|&k| crits[k].name.clone()).collect::<Vec<_>>().join(", ")));
        for &k in &order {
            let p = crits[k].project;
            let v = crits[k].version.clone();
            for m in p.modules {
                write_blob(sys, &format!("{site}/{m}/__init__.py"), "python-package", p.wheel_size);
            }
            write_blob(sys, &format!("{site}/{}-{v}.dist-info/METADATA", crits[k].name.replace('-', "_")), "python-package", p.metadata_size);
            for s in p.scripts {
                write_exec(sys, &format!("{bin}/{s}"), "python-script", 300);
            }
        }
        // install.py: the summary sorted by the requested name (str order).
        let mut names: Vec<String> = to_install.iter().map(|&k| format!("{}-{}", crits[k].name, crits[k].version)).collect();
        baleine_util::sort(&mut names);
        info(&mut text, format!("Successfully installed {}\n", names.join(" ")));
    }
    out.out(text);
    if root_action == "warn" && sys.user().1 == 0 {
        out.err("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable.It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n");
    }
    if check_version {
        pip_notice(sys, pip_version, out);
    }
    sys.sleep(1.0 + to_install.len() as f64 * 0.3, out);
    0
}

/// self_outdated_check.py UpgradePrompt: a blank line, then the two
/// notices, on stderr (pip's bundled copy was installed by pip).
fn pip_notice(_sys: &ContainerSys<'_>, pip_version: &str, out: &mut Output) {
    out.err(format!("\n[notice] A new release of pip is available: {pip_version} -> {PIP_LATEST}\n[notice] To update, run: pip install --upgrade pip\n"));
}

fn go(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let cwd = sys.ctx.workdir.clone();
    match args.first().map(String::as_str) {
        Some("version") => {
            out.out("go version go1.21.13 linux/amd64\n");
            0
        }
        Some("mod") => {
            if args.get(1).map(String::as_str) == Some("download") {
                let Some(gomod) = read_text(sys, &baleine_vfs::join(&cwd, "go.mod")) else {
                    out.err("go: go.mod file not found in current directory or any parent directory; see 'go help modules'\n");
                    return 1;
                };
                let requires: Vec<String> = gomod.lines().map(str::trim).filter(|l| l.contains('/') && !l.starts_with("module") && !l.starts_with("//")).map(|l| l.trim_start_matches("require").trim().split_whitespace().next().unwrap_or("").to_string()).collect();
                if requires.is_empty() {
                    // cmd/go/internal/modcmd/download.go: nothing required by go.mod.
                    out.err("go: no module dependencies to download\n");
                }
                for r in &requires {
                    write_blob(sys, &format!("/go/pkg/mod/{r}/module.zip"), "go-module", pseudo_size(r, 100_000, 8_000_000));
                }
                sys.sleep(1.0 + requires.len() as f64 * 0.3, out);
                0
            } else {
                0
            }
        }
        Some("build") => {
            let mut output = None;
            let mut i = 1;
            while i < args.len() {
                if args[i] == "-o" {
                    output = args.get(i + 1).cloned();
                    i += 1;
                }
                i += 1;
            }
            let has_sources = sys.list(&cwd).map(|l| l.iter().any(|n| n.ends_with(".go"))).unwrap_or(false);
            if !has_sources {
                out.err(format!("no Go files in {cwd}\n"));
                return 1;
            }
            let module = read_text(sys, &baleine_vfs::join(&cwd, "go.mod")).and_then(|m| m.lines().find_map(|l| l.strip_prefix("module ").map(|s| s.trim().to_string()))).unwrap_or_else(|| "app".into());
            let out_path = normalize(&cwd, &output.unwrap_or_else(|| basename(&module).to_string()));
            let static_bin = sys.ctx.env.iter().any(|(k, v)| k == "CGO_ENABLED" && v == "0");
            let size = pseudo_size(&module, 6_000_000, 14_000_000);
            // What the program does travels inside the binary (it is copied
            // alone to the final stage): its kind records the port it
            // listens on, its HTTP answer and what it prints.
            let mut src = String::new();
            if let Ok(names) = sys.list(&cwd) {
                for n in names.iter().filter(|n| n.ends_with(".go")) {
                    src.push_str(&read_text(sys, &baleine_vfs::join(&cwd, n)).unwrap_or_default());
                }
            }
            let env = sys.ctx.env.clone();
            let port = if src.contains("ListenAndServe") { listen_port(&src, &env, 8080).unwrap_or(8080) } else { 0 };
            let body = crate::http::response_literal(&src).unwrap_or_default();
            let prints: Vec<String> = printed_literals(&src, "fmt.Println(").into_iter().chain(printed_literals(&src, "log.Println(").into_iter().map(|l| format!("log:{l}"))).collect();
            let kind = format!("{}\u{1f}{port}\u{1f}{}\u{1f}{}", if static_bin { "go-binary" } else { "go-binary-dynamic" }, body.replace('\u{1f}', " "), prints.join("\u{1e}"));
            write_exec(sys, &out_path, &kind, size);
            write_blob(sys, "/root/.cache/go-build/cache", "go-build-cache", 40_000_000);
            sys.sleep(4.0, out);
            0
        }
        Some("run") => {
            out.out("Hello, World!\n");
            0
        }
        Some("test") => {
            out.out(format!("ok  \tapp\t0.012s\n"));
            0
        }
        _ => {
            out.err("Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo <command> [arguments]\n");
            2
        }
    }
}

/// Runs a binary produced by `go build`.
fn go_binary(sys: &mut ContainerSys<'_>, inv: &Invocation<'_>, out: &mut Output) -> i32 {
    let path = inv.path.unwrap_or("");
    if inv.kind.is_some_and(|k| k.starts_with("go-binary-dynamic")) && matches!(sys.ctx.os_family, OsFamily::Alpine | OsFamily::Distroless | OsFamily::Scratch | OsFamily::Busybox) {
        // A glibc-linked binary on musl or scratch: the loader is missing.
        out.err(format!("exec {path}: no such file or directory\n"));
        return 127;
    }
    let mut parts = inv.kind.unwrap_or("").split('\u{1f}');
    let _ = parts.next();
    let port: u16 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let body = parts.next().unwrap_or("").to_string();
    for l in parts.next().unwrap_or("").split('\u{1e}').filter(|l| !l.is_empty()) {
        match l.strip_prefix("log:") {
            Some(msg) => out.err(format!("2026/11/25 08:00:00 {msg}\n")),
            None => out.out(format!("{l}\n")),
        }
    }
    if port > 0 {
        sys.become_server(ServerInfo { program: "go-binary".into(), ports: vec![(port, 20)], handles_sigterm: false, term_exit: 0 });
        sys.server_body = Some(body);
    }
    0
}

// ---- servers -------------------------------------------------------------

fn server_nginx(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    if args.iter().any(|a| a == "-v" || a == "-V") {
        out.err("nginx version: nginx/1.27.3\n");
        return 0;
    }
    if args.iter().any(|a| a == "-t") {
        out.err("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
        return 0;
    }
    if args.iter().any(|a| a == "-s") {
        return 0;
    }
    // Config check: a proxy_pass host that does not resolve stops nginx at start.
    let conf = read_text(sys, "/etc/nginx/nginx.conf").unwrap_or_default();
    let mut all = conf.clone();
    if let Ok(names) = sys.list("/etc/nginx/conf.d") {
        for n in names.iter().filter(|n| n.ends_with(".conf")) {
            all.push_str(&read_text(sys, &format!("/etc/nginx/conf.d/{n}")).unwrap_or_default());
        }
    }
    let mut upstreams: Vec<String> = Vec::new();
    for line in all.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("upstream ") {
            upstreams.push(rest.trim_end_matches('{').trim().to_string());
        }
    }
    for line in all.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("proxy_pass ") {
            if let Some(u) = parse_url(rest.trim_end_matches(';').trim()) {
                if !upstreams.contains(&u.host) && !matches!(resolve(sys, &u.host), Resolution::Ip(_)) {
                    sys.log_at(0, true, &format!("2026/11/25 08:00:00 [emerg] 1#1: host not found in upstream \"{}\" in /etc/nginx/conf.d/default.conf:1", u.host), out);
                    sys.log_at(0, true, &format!("nginx: [emerg] host not found in upstream \"{}\" in /etc/nginx/conf.d/default.conf:1", u.host), out);
                    return 1;
                }
            }
        }
    }
    let mut ports: Vec<u16> = all.lines().filter_map(|l| l.trim().strip_prefix("listen ")).filter_map(|r| r.trim_end_matches(';').split_whitespace().next()).filter_map(|p| p.rsplit(':').next().and_then(|p| p.parse().ok())).collect();
    if ports.is_empty() {
        ports.push(80);
    }
    ports.dedup();
    // --network host: the ports are the host's; one already bound stops nginx
    // after its 5 bind attempts (ngx_open_listening_sockets).
    let in_use: Option<u16> = match sys.container() {
        Some(c) if c.network_mode == "host" => ports.iter().copied().find(|p| sys.world.host_port_bound(&c.id, *p)),
        _ => None,
    };
    if let Some(port) = in_use {
        for attempt in 0..5u64 {
            for addr in ["0.0.0.0", "[::]"] {
                sys.log_at(attempt * 500, true, &format!("2026/11/25 08:00:00 [emerg] 1#1: bind() to {addr}:{port} failed (98: Address in use)"), out);
                sys.log_at(attempt * 500, true, &format!("nginx: [emerg] bind() to {addr}:{port} failed (98: Address in use)"), out);
            }
        }
        sys.log_at(2500, true, "2026/11/25 08:00:00 [emerg] 1#1: still could not bind()", out);
        sys.log_at(2500, true, "nginx: [emerg] still could not bind()", out);
        sys.sleep(2.5, out);
        return 1;
    }
    for l in [
        "2026/11/25 08:00:00 [notice] 1#1: using the \"epoll\" event method",
        "2026/11/25 08:00:00 [notice] 1#1: nginx/1.27.3",
        "2026/11/25 08:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)",
        "2026/11/25 08:00:00 [notice] 1#1: OS: Linux 6.8.0-baleine",
        "2026/11/25 08:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
        "2026/11/25 08:00:00 [notice] 1#1: start worker processes",
        "2026/11/25 08:00:00 [notice] 1#1: start worker process 29",
        "2026/11/25 08:00:00 [notice] 1#1: start worker process 30",
    ] {
        sys.log_at(30, true, l, out);
    }
    sys.become_server(ServerInfo { program: "nginx".into(), ports: ports.into_iter().map(|p| (p, 50)).collect(), handles_sigterm: true, term_exit: 0 });
    0
}

fn server_httpd(sys: &mut ContainerSys<'_>, out: &mut Output) -> i32 {
    sys.log_at(20, true, "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message", out);
    sys.log_at(30, true, "[Wed Nov 25 08:00:00.000000 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations", out);
    sys.log_at(30, true, "[Wed Nov 25 08:00:00.000000 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'", out);
    sys.become_server(ServerInfo { program: "httpd".into(), ports: vec![(80, 60)], handles_sigterm: false, term_exit: 0 });
    0
}

fn server_redis(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    if args.iter().any(|a| a == "--version" || a == "-v") {
        out.out("Redis server v=7.4.1 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=1\n");
        return 0;
    }
    let port = args.iter().position(|a| a == "--port").and_then(|i| args.get(i + 1)).and_then(|p| p.parse().ok()).unwrap_or(6379);
    sys.log_at(10, false, "1:C 25 Nov 2026 08:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo", out);
    sys.log_at(10, false, "1:C 25 Nov 2026 08:00:00.000 * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started", out);
    sys.log_at(12, false, &format!("1:M 25 Nov 2026 08:00:00.000 * Running mode=standalone, port={port}."), out);
    if args.iter().any(|a| a == "--appendonly") {
        let _ = sys.mkdir("/data/appendonlydir", true);
        if !sys.exists("/data/appendonlydir/appendonly.aof.manifest") {
            let _ = sys.write_text("/data/appendonlydir/appendonly.aof.manifest", "file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n");
            write_blob(sys, "/data/appendonlydir/appendonly.aof.1.base.rdb", "redis-rdb", 88);
            let _ = sys.write_text("/data/appendonlydir/appendonly.aof.1.incr.aof", "");
        }
        sys.log_at(14, false, "1:M 25 Nov 2026 08:00:00.000 * Creating AOF base file appendonly.aof.1.base.rdb on server start", out);
    }
    sys.log_at(15, false, "1:M 25 Nov 2026 08:00:00.000 * Server initialized", out);
    sys.log_at(16, false, "1:M 25 Nov 2026 08:00:00.000 * Ready to accept connections tcp", out);
    sys.become_server(ServerInfo { program: "redis".into(), ports: vec![(port, 20)], handles_sigterm: true, term_exit: 0 });
    0
}

fn redis_cli(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let mut host = "127.0.0.1".to_string();
    let mut port = 6379u16;
    let mut cmd = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-h" => {
                host = args.get(i + 1).cloned().unwrap_or(host);
                i += 1;
            }
            "-p" => {
                port = args.get(i + 1).and_then(|p| p.parse().ok()).unwrap_or(port);
                i += 1;
            }
            a => cmd.push(a.to_string()),
        }
        i += 1;
    }
    let ip = match resolve(sys, &host) {
        Resolution::Ip(ip) => ip,
        _ => {
            out.err(format!("Could not connect to Redis at {host}:{port}: Name does not resolve\n"));
            return 1;
        }
    };
    let target = match connect(sys, ip, port) {
        Connect::Open { container, .. } => container,
        _ => {
            out.err(format!("Could not connect to Redis at {host}:{port}: Connection refused\n"));
            return 1;
        }
    };
    if cmd.is_empty() {
        return 0;
    }
    if cmd[0].eq_ignore_ascii_case("INFO") {
        out.out("# Server\r\nredis_version:7.4.1\r\n");
        return 0;
    }
    // The keys live with the server, so that a later redis-cli (another
    // `docker exec`) sees what this one wrote.
    let mut store = match &target {
        Some(cid) => crate::clients::redis_store_load(sys.world, cid),
        None => Vec::new(),
    };
    let before = store.clone();
    let reply = crate::clients::redis_reply(&cmd.join(" "), &mut store, sys.ctx.tty);
    if store != before {
        if let Some(cid) = &target {
            crate::clients::redis_store_save(sys.world, cid, &store);
        }
    }
    out.out(reply);
    0
}

fn server_postgres(sys: &mut ContainerSys<'_>, out: &mut Output) -> i32 {
    let mut env = sys.ctx.env.clone();
    // The official entrypoint reads VAR_FILE variables (Docker secrets).
    for key in ["POSTGRES_PASSWORD", "POSTGRES_USER", "POSTGRES_DB"] {
        let file_key = format!("{key}_FILE");
        if let Some(path) = env.iter().rev().find(|(k, _)| *k == file_key).map(|(_, v)| v.clone()) {
            match read_text(sys, &path) {
                Some(v) => env.push((key.to_string(), v.trim_end().to_string())),
                None => {
                    sys.log_at(10, true, &format!("/usr/local/bin/docker-entrypoint.sh: line 21: {path}: No such file or directory"), out);
                    return 1;
                }
            }
        }
    }
    let get = |k: &str| env.iter().rev().find(|(ek, _)| ek == k).map(|(_, v)| v.clone());
    let pgdata = get("PGDATA").unwrap_or_else(|| "/var/lib/postgresql/data".into());
    let initialized = sys.exists(&format!("{pgdata}/PG_VERSION"));
    if !initialized {
        if get("POSTGRES_PASSWORD").is_none() && get("POSTGRES_HOST_AUTH_METHOD").is_none() {
            for l in [
                "Error: Database is uninitialized and superuser password is not specified.",
                "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
                "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
                "",
                "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
                "       connections without a password. This is *not* recommended.",
                "",
                "       See PostgreSQL documentation about \"trust\":",
                "       https://www.postgresql.org/docs/current/auth-trust.html",
            ] {
                sys.log_at(10, true, l, out);
            }
            return 1;
        }
        for l in [
            "The files belonging to this database system will be owned by user \"postgres\".",
            "This user must also own the server process.",
            "",
            "The database cluster will be initialized with locale \"en_US.utf8\".",
            "The default database encoding has accordingly been set to \"UTF8\".",
            "The default text search configuration will be set to \"english\".",
            "",
            "Data page checksums are disabled.",
            "",
            &format!("fixing permissions on existing directory {pgdata} ... ok"),
            "creating subdirectories ... ok",
            "selecting dynamic shared memory implementation ... posix",
            "creating configuration files ... ok",
            "running bootstrap script ... ok",
            "performing post-bootstrap initialization ... ok",
            "syncing data to disk ... ok",
            "",
            "",
            "Success. You can now start the database server using:",
            "",
            &format!("    pg_ctl -D {pgdata} -l logfile start"),
            "",
        ] {
            sys.log_at(200, false, l, out);
        }
        let _ = sys.mkdir(&format!("{pgdata}/base"), true);
        let _ = sys.write_text(&format!("{pgdata}/PG_VERSION"), "15\n");
        write_blob(sys, &format!("{pgdata}/base/1/1259"), "postgres-data", 39_000_000);
        let _ = sys.write_text(&format!("{pgdata}/postgresql.conf"), "listen_addresses = '*'\n");
        // docker-entrypoint.sh docker_setup_env: POSTGRES_USER defaults to
        // postgres and POSTGRES_DB to POSTGRES_USER; initdb runs as that
        // user, so it owns postgres/template0/template1 and every object the
        // init scripts create (they run as it, on POSTGRES_DB).
        let superuser = get("POSTGRES_USER").filter(|u| !u.is_empty()).unwrap_or_else(|| "postgres".into());
        let dbname = get("POSTGRES_DB").filter(|d| !d.is_empty()).unwrap_or_else(|| superuser.clone());
        let mut cat = crate::clients::PgCatalog::fresh(&superuser);
        // docker_setup_db: CREATE DATABASE unless it exists, then a blank line.
        if !cat.has_db(&dbname) {
            cat.databases.push((dbname.clone(), superuser.clone()));
            sys.log_at(1200, false, "CREATE DATABASE", out);
            sys.log_at(1200, false, "", out);
        }
        // docker_process_init_files /docker-entrypoint-initdb.d/*: a blank
        // line, then per file "running"/"sourcing"/"ignoring", the psql
        // output of .sql files and blank lines.
        sys.log_at(1300, false, "", out);
        let mut names = sys.list("/docker-entrypoint-initdb.d").unwrap_or_default();
        baleine_util::sort(&mut names);
        for n in names {
            let path = format!("/docker-entrypoint-initdb.d/{n}");
            if n.ends_with(".sql") {
                sys.log_at(1300, false, &format!("/usr/local/bin/docker-entrypoint.sh: running {path}"), out);
                let sql = read_text(sys, &path).unwrap_or_default();
                let r = cat.run_script(&dbname, &superuser, &sql, true);
                for l in r.out.lines() {
                    sys.log_at(1300, false, l, out);
                }
                if !r.ok {
                    // psql -v ON_ERROR_STOP=1 -f: "psql:FILE:LINE: ERROR: ..."
                    // and the entrypoint (set -e) stops there.
                    for l in r.err.lines().filter(|l| !l.starts_with("NOTICE:")) {
                        let shown = if l.starts_with("ERROR:") { format!("psql:{path}: {l}") } else { l.to_string() };
                        sys.log_at(1300, true, &shown, out);
                    }
                    return 3;
                }
                for l in r.err.lines() {
                    sys.log_at(1300, true, &format!("psql:{path}: {l}"), out);
                }
                sys.log_at(1300, false, "", out);
            } else if n.ends_with(".sh") {
                sys.log_at(1300, false, &format!("/usr/local/bin/docker-entrypoint.sh: sourcing {path}"), out);
            } else {
                sys.log_at(1300, false, &format!("/usr/local/bin/docker-entrypoint.sh: ignoring {path}"), out);
            }
            sys.log_at(1300, false, "", out);
        }
        let _ = sys.write_text(&format!("{pgdata}/{}", crate::clients::PG_CATALOG_FILE), &cat.to_text());
        sys.log_at(1500, false, "PostgreSQL init process complete; ready for start up.", out);
    } else {
        sys.log_at(10, false, "", out);
        sys.log_at(10, false, "PostgreSQL Database directory appears to contain a database; Skipping initialization", out);
        sys.log_at(10, false, "", out);
    }
    let ready = if initialized { 400 } else { 2000 };
    for l in [
        "2026-11-25 08:00:02.000 UTC [1] LOG:  starting PostgreSQL 15.10 (Debian 15.10-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
        "2026-11-25 08:00:02.000 UTC [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
        "2026-11-25 08:00:02.000 UTC [1] LOG:  listening on IPv6 address \"::\", port 5432",
        "2026-11-25 08:00:02.000 UTC [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
        "2026-11-25 08:00:02.000 UTC [1] LOG:  database system is ready to accept connections",
    ] {
        sys.log_at(ready, true, l, out);
    }
    sys.become_server(ServerInfo { program: "postgres".into(), ports: vec![(5432, ready)], handles_sigterm: true, term_exit: 0 });
    0
}

fn pg_isready(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let host = args.iter().position(|a| a == "-h").and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| "localhost".into());
    let ip = match resolve(sys, &host) {
        Resolution::Ip(ip) => ip,
        _ => {
            out.out(format!("{host}:5432 - no response\n"));
            return 2;
        }
    };
    let shown = if host == "localhost" { "/var/run/postgresql:5432".to_string() } else { format!("{host}:5432") };
    match connect(sys, ip, 5432) {
        Connect::Open { .. } => {
            out.out(format!("{shown} - accepting connections\n"));
            0
        }
        _ => {
            out.out(format!("{shown} - no response\n"));
            2
        }
    }
}

fn psql(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let host = args.iter().position(|a| a == "-h").and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| "localhost".into());
    let ip = match resolve(sys, &host) {
        Resolution::Ip(ip) => ip,
        _ => {
            out.err(format!("psql: error: could not translate host name \"{host}\" to address: Name or service not known\n"));
            return 2;
        }
    };
    if !matches!(connect(sys, ip, 5432), Connect::Open { .. }) {
        if host == "localhost" {
            out.err("psql: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n");
        } else {
            out.err(format!("psql: error: connection to server at \"{host}\" ({}), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n", ip_to_string(ip)));
        }
        return 2;
    }
    let target = match connect(sys, ip, 5432) {
        Connect::Open { container, .. } => container,
        _ => None,
    };
    let env = sys.ctx.env.clone();
    let os_user = sys.user().0;
    let opts = crate::clients::PsqlOptions::parse(args, &env, &os_user);
    let (user, db, cmds) = (opts.user, opts.db, opts.cmds);
    let Some(cid) = target else {
        for (_, q) in &cmds {
            out.out(crate::clients::psql_answer(q));
        }
        return 0;
    };
    let cat = crate::clients::pg_catalog_load(sys.world, &cid);
    let Some(mut cat) = cat else {
        for (_, q) in &cmds {
            out.out(crate::clients::psql_answer(q));
        }
        return 0;
    };
    let via = if host == "localhost" { "connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed".to_string() } else { format!("connection to server at \"{host}\" ({}), port 5432 failed", ip_to_string(ip)) };
    // The bootstrap superuser owns template1; it is the only role.
    let roles: Vec<String> = cat.databases.iter().filter(|(d, _)| d == "template1").map(|(_, o)| o.clone()).collect();
    if !roles.contains(&user) {
        out.err(format!("psql: error: {via}: FATAL:  role \"{user}\" does not exist\n"));
        return 2;
    }
    if !cat.has_db(&db) {
        out.err(format!("psql: error: {via}: FATAL:  database \"{db}\" does not exist\n"));
        return 2;
    }
    let before = cat.clone();
    let mut status = 0;
    for (is_file, q) in &cmds {
        let sql = if *is_file {
            let path = normalize(&sys.ctx.workdir.clone(), q);
            match read_text(sys, &path) {
                Some(t) => t,
                None => {
                    out.err(format!("{q}: No such file or directory\n"));
                    status = 1;
                    break;
                }
            }
        } else {
            q.clone()
        };
        let r = cat.run_script(&db, &user, &sql, false);
        out.out(r.out);
        out.err(r.err);
        if !r.ok {
            status = 1;
        }
    }
    if cat != before {
        crate::clients::pg_catalog_save(sys.world, &cid, &cat);
    }
    status
}

fn server_mysql(sys: &mut ContainerSys<'_>, out: &mut Output, name: &str) -> i32 {
    let env = sys.ctx.env.clone();
    let has = |k: &str| env.iter().any(|(ek, _)| ek == k);
    if !has("MYSQL_ROOT_PASSWORD") && !has("MYSQL_ALLOW_EMPTY_PASSWORD") && !has("MYSQL_RANDOM_ROOT_PASSWORD") && !has("MARIADB_ROOT_PASSWORD") && !has("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD") && !has("MARIADB_RANDOM_ROOT_PASSWORD") {
        sys.log_at(300, true, "2026-11-25 08:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified", out);
        sys.log_at(300, true, "    You need to specify one of the following as an environment variable:", out);
        sys.log_at(300, true, "    - MYSQL_ROOT_PASSWORD", out);
        sys.log_at(300, true, "    - MYSQL_ALLOW_EMPTY_PASSWORD", out);
        sys.log_at(300, true, "    - MYSQL_RANDOM_ROOT_PASSWORD", out);
        return 1;
    }
    let _ = sys.mkdir("/var/lib/mysql/mysql", true);
    write_blob(sys, "/var/lib/mysql/ibdata1", "mysql-data", 12_582_912);
    sys.log_at(500, false, "2026-11-25 08:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.", out);
    sys.log_at(12_000, true, &format!("2026-11-25T08:00:12.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/{name}: ready for connections. Version: '8.4.3'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL."), out);
    sys.become_server(ServerInfo { program: "mysql".into(), ports: vec![(3306, 12_000), (33060, 12_000)], handles_sigterm: true, term_exit: 0 });
    0
}

fn mysql_client(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output, name: &str) -> i32 {
    if name == "mysqladmin" && args.iter().any(|a| a == "ping") {
        let ok = matches!(connect(sys, 0x7f00_0001, 3306), Connect::Open { .. });
        if ok {
            out.out("mysqld is alive\n");
            return 0;
        }
        out.err("mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n");
        return 1;
    }
    if let Some(q) = args.iter().position(|a| a == "-e").and_then(|i| args.get(i + 1)) {
        out.out(crate::clients::mysql_answer(q));
    }
    0
}

/// A generic server: start-up lines, then it listens on `port` after `ready_ms`.
fn server_simple(sys: &mut ContainerSys<'_>, out: &mut Output, program: &str, port: u16, ready_ms: u64, lines: &[&str], handles_sigterm: bool, term_exit: i32) -> i32 {
    for l in lines {
        sys.log_at(ready_ms, true, l, out);
    }
    sys.become_server(ServerInfo { program: program.into(), ports: vec![(port, ready_ms)], handles_sigterm, term_exit });
    0
}

/// Official images' entrypoint scripts (`docker-entrypoint.sh`,
/// `/docker-entrypoint.sh`): print what they print, then exec the command.
fn entrypoint(sys: &mut ContainerSys<'_>, _shell: &mut Shell, inv: &Invocation<'_>, out: &mut Output, kind: &str) -> i32 {
    let mut args: Vec<String> = inv.argv[1..].to_vec();
    if kind.contains("nginx") || inv.path == Some("/docker-entrypoint.sh") && sys.exists("/etc/nginx/nginx.conf") {
        let is_nginx = args.first().is_some_and(|a| a == "nginx" || a == "nginx-debug");
        if is_nginx {
            for l in [
                "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
                "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
                "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
                "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
                "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
                "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
                "/docker-entrypoint.sh: Configuration complete; ready for start up",
            ] {
                sys.log_at(0, false, l, out);
            }
        }
    } else if kind.contains("node") || sys.exists("/usr/local/bin/node") {
        // node's entrypoint: options or a non-command first argument go to node.
        let first = args.first().cloned().unwrap_or_default();
        let is_cmd = !first.is_empty() && !first.starts_with('-') && {
            let ctx = sys.ctx.clone();
            crate::sys::resolve_executable(sys.world, &ctx, &first).is_ok()
        };
        if !is_cmd {
            args.insert(0, "node".into());
        }
    } else if kind.contains("postgres") || sys.exists("/usr/lib/postgresql") {
        if args.first().is_some_and(|a| a.starts_with('-')) {
            args.insert(0, "postgres".into());
        }
    } else if kind.contains("redis") && args.first().is_some_and(|a| a.starts_with('-') || a.ends_with(".conf")) {
        args.insert(0, "redis-server".into());
    }
    // Entry points that are the server themselves (grafana's /run.sh), or
    // whose command is not a program of the image (elasticsearch's
    // `eswrapper`, kibana's `kibana-docker`): start the image's server.
    let first_is_program = args.first().is_some_and(|first| {
        let ctx = sys.ctx.clone();
        !first.starts_with('-') && crate::sys::resolve_executable(sys.world, &ctx, first).is_ok()
    });
    if !first_is_program {
        let server = kind.strip_prefix("entrypoint-").unwrap_or(kind);
        let fake: Vec<String> = std::iter::once(server.to_string()).chain(args.iter().cloned()).collect();
        let sub = Invocation { argv: &fake, path: Some("/usr/local/bin/server"), kind: Some(match server {
            "grafana" => "grafana",
            "elasticsearch" => "elasticsearch",
            "kibana" => "kibana",
            "logstash" => "logstash",
            "registry" => "registry",
            "mongo" => "mongod",
            "mysql" => "mysqld",
            "mariadb" => "mariadbd",
            "postgres" => "postgres",
            "redis" => "redis-server",
            "nginx" => "nginx",
            _ => "",
        }), env: inv.env, cwd: inv.cwd, stdin: inv.stdin };
        if sub.kind != Some("") {
            return run(sys, _shell, &sub, out).unwrap_or(0);
        }
        if args.is_empty() {
            return 0;
        }
    }
    crate::sys::exec_argv(sys, &args, inv.stdin, out)
}

// ---- users and permissions -------------------------------------------------

fn users(sys: &mut ContainerSys<'_>, name: &str, args: &[String], out: &mut Output) -> i32 {
    let mut uid: Option<u32> = None;
    let mut gid: Option<u32> = None;
    let mut group: Option<String> = None;
    let mut home: Option<String> = None;
    let mut shell = "/bin/sh".to_string();
    let mut positional = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-u" | "--uid" => {
                uid = args.get(i + 1).and_then(|v| v.parse().ok());
                i += 1;
            }
            "-g" | "--gid" => {
                if name == "addgroup" || name == "groupadd" {
                    gid = args.get(i + 1).and_then(|v| v.parse().ok());
                } else {
                    group = args.get(i + 1).cloned();
                }
                i += 1;
            }
            "-G" | "--ingroup" => {
                group = args.get(i + 1).cloned();
                i += 1;
            }
            "-h" | "-d" | "--home" => {
                home = args.get(i + 1).cloned();
                i += 1;
            }
            "-s" | "--shell" => {
                if name == "adduser" && args.get(i + 1).is_none_or(|v| !v.starts_with('/')) {
                    // busybox: -S (system) is a flag; -s takes a shell.
                } else {
                    shell = args.get(i + 1).cloned().unwrap_or(shell);
                    i += 1;
                }
            }
            "-S" | "-D" | "-r" | "--system" | "--disabled-password" | "-m" | "--create-home" | "--no-create-home" | "-M" | "-H" | "--gecos" => {
                if a == "--gecos" {
                    i += 1;
                }
            }
            _ if a.starts_with('-') => {}
            _ => positional.push(a.to_string()),
        }
        i += 1;
    }
    let Some(user) = positional.first().cloned() else {
        out.err(format!("{name}: missing name\n"));
        return 1;
    };
    let passwd = read_text(sys, "/etc/passwd").unwrap_or_default();
    let groups = read_text(sys, "/etc/group").unwrap_or_default();
    let is_group_cmd = name == "addgroup" || name == "groupadd";
    // busybox `addgroup user group` adds an existing user to a group.
    if is_group_cmd && positional.len() == 2 {
        return 0;
    }
    if is_group_cmd {
        if groups.lines().any(|l| l.split(':').next() == Some(user.as_str())) {
            out.err(if name == "groupadd" { format!("groupadd: group '{user}' already exists\n") } else { format!("addgroup: group '{user}' in use\n") });
            return if name == "groupadd" { 9 } else { 1 };
        }
        let g = gid.unwrap_or_else(|| next_id(&groups, if args.iter().any(|a| a == "-S" || a == "-r" || a == "--system") { 100 } else { 1000 }));
        let _ = sys.write_text("/etc/group", &format!("{groups}{user}:x:{g}:\n"));
        return 0;
    }
    if passwd.lines().any(|l| l.split(':').next() == Some(user.as_str())) {
        out.err(if name == "useradd" { format!("useradd: user '{user}' already exists\n") } else { format!("adduser: user '{user}' in use\n") });
        return if name == "useradd" { 9 } else { 1 };
    }
    let system = args.iter().any(|a| a == "-S" || a == "-r" || a == "--system");
    let u = uid.unwrap_or_else(|| next_id(&passwd, if system { 100 } else { 1000 }));
    let g = match &group {
        Some(gname) => match groups.lines().find(|l| l.split(':').next() == Some(gname.as_str()) || l.split(':').nth(2) == Some(gname.as_str())) {
            Some(l) => l.split(':').nth(2).and_then(|v| v.parse().ok()).unwrap_or(u),
            None => {
                out.err(format!("{name}: unknown group {gname}\n"));
                return 1;
            }
        },
        None => {
            if system && name == "adduser" {
                65533 // busybox puts system users in nogroup
            } else {
                let _ = sys.write_text("/etc/group", &format!("{groups}{user}:x:{u}:\n"));
                u
            }
        }
    };
    let home = home.unwrap_or_else(|| format!("/home/{user}"));
    let login_shell = if system && name == "adduser" { "/sbin/nologin".to_string() } else { shell };
    let _ = sys.write_text("/etc/passwd", &format!("{passwd}{user}:x:{u}:{g}:Linux User,,,:{home}:{login_shell}\n"));
    if name != "useradd" || args.iter().any(|a| a == "-m" || a == "--create-home") {
        let _ = sys.mkdir(&home, true);
        let _ = sys.set_meta(&home, Meta { mode: 0o755, uid: u, gid: g, mtime: 0 });
    }
    0
}

/// The first id from `min` not used in /etc/passwd or /etc/group (busybox's
/// adduser/addgroup: system ids from 100, others from 1000).
fn next_id(file: &str, min: u32) -> u32 {
    let used: std::collections::BTreeSet<u32> = file.lines().filter_map(|l| l.split(':').nth(2)?.parse::<u32>().ok()).collect();
    (min..60000).find(|id| !used.contains(id)).unwrap_or(min)
}

fn chown(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let recursive = args.iter().any(|a| a == "-R");
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let Some(owner) = pos.first() else {
        out.err("chown: missing operand\n");
        return 1;
    };
    let (u, g) = owner.split_once(':').unwrap_or((owner.as_str(), ""));
    let uid = crate::sys::passwd_entry(sys.world, &sys.ctx.view, u).map(|e| e.1).or_else(|| u.parse().ok());
    let Some(uid) = uid else {
        out.err(format!("chown: unknown user {u}\n"));
        return 1;
    };
    let gid = if g.is_empty() { uid } else { group_id(sys, g).unwrap_or(uid) };
    let cwd = sys.ctx.workdir.clone();
    let mut status = 0;
    for p in &pos[1..] {
        let path = normalize(&cwd, p);
        let targets: Vec<String> = if recursive { walk(sys, &path) } else { vec![path.clone()] };
        if targets.is_empty() || !sys.exists(&path) {
            out.err(format!("chown: {p}: No such file or directory\n"));
            status = 1;
            continue;
        }
        for t in targets {
            if let Ok(st) = sys.stat(&t) {
                let meta = match st {
                    Stat::File { meta, .. } | Stat::Dir { meta } => meta,
                    Stat::Symlink { .. } => continue,
                };
                let _ = sys.set_meta(&t, Meta { uid, gid, ..meta });
            }
        }
    }
    status
}

fn group_id(sys: &ContainerSys<'_>, g: &str) -> Option<u32> {
    let groups = read_text(sys, "/etc/group")?;
    groups.lines().find(|l| l.split(':').next() == Some(g)).and_then(|l| l.split(':').nth(2)?.parse().ok()).or_else(|| g.parse().ok())
}

fn walk(sys: &ContainerSys<'_>, path: &str) -> Vec<String> {
    let mut v = vec![path.to_string()];
    if sys.is_dir(path) {
        if let Ok(names) = sys.list(path) {
            for n in names {
                if v.len() > 100_000 {
                    break;
                }
                v.extend(walk(sys, &baleine_vfs::join(path, &n)));
            }
        }
    }
    v
}

fn chmod(sys: &mut ContainerSys<'_>, args: &[String], out: &mut Output) -> i32 {
    let recursive = args.iter().any(|a| a == "-R");
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with("-R")).collect();
    let Some(mode) = pos.first() else {
        out.err("chmod: missing operand\n");
        return 1;
    };
    let cwd = sys.ctx.workdir.clone();
    for p in &pos[1..] {
        let path = normalize(&cwd, p);
        let targets = if recursive { walk(sys, &path) } else { vec![path.clone()] };
        if !sys.exists(&path) {
            out.err(format!("chmod: {p}: No such file or directory\n"));
            return 1;
        }
        for t in targets {
            if let Ok(st) = sys.stat(&t) {
                let meta = match st {
                    Stat::File { meta, .. } | Stat::Dir { meta } => meta,
                    Stat::Symlink { .. } => continue,
                };
                let new_mode = if let Ok(m) = u32::from_str_radix(mode, 8) {
                    m
                } else if mode.contains("+x") {
                    meta.mode | 0o111
                } else if mode.contains("-x") {
                    meta.mode & !0o111
                } else if mode.contains("+w") {
                    meta.mode | 0o200
                } else {
                    meta.mode
                };
                let _ = sys.set_meta(&t, Meta { mode: new_mode, ..meta });
            }
        }
    }
    0
}

/// Evaluates `12`, `6 * 7`, `1 + 2` (integers, one operator) as a script would print it.
fn simple_arith(e: &str) -> Option<String> {
    if let Ok(n) = e.parse::<i64>() {
        return Some(n.to_string());
    }
    for op in ['+', '-', '*', '/'] {
        if let Some((a, b)) = e.split_once(op) {
            let (a, b) = (a.trim().parse::<i64>().ok()?, b.trim().parse::<i64>().ok()?);
            return match op {
                '+' => a.checked_add(b),
                '-' => a.checked_sub(b),
                '*' => a.checked_mul(b),
                _ => if b == 0 { None } else { Some(a / b) },
            }
            .map(|n| n.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_ulltoa5_columns() {
        assert_eq!(smart_ulltoa5(615), "  615");
        assert_eq!(smart_ulltoa5(99_999), "99999");
        assert_eq!(smart_ulltoa5(123_456), " 120k");
        assert_eq!(smart_ulltoa5(12_345_678), "11.7M");
        assert_eq!(smart_ulltoa5(1_048_576), "1024k");
        assert_eq!(smart_ulltoa5(0), "    0");
    }
}
