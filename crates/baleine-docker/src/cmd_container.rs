//! Container commands: run, create, start, stop, restart, kill, rm, ps,
//! logs, exec, pause, unpause, rename, wait, top, stats, port, diff, cp,
//! commit, update, attach, prune.

use baleine_engine::model::*;
use baleine_engine::sys::ExecSpec;
use baleine_engine::util::{bytes_size, parse_duration_ms, parse_size};
use baleine_engine::EngineError;
use indexmap::IndexMap;
use serde_json::Value;

use crate::args::{flag, Args, Command, Flag};
use crate::format;
use crate::pending::{Client, Follow, Pending, ShellSession};
use crate::{run_error_status, Cli};

const RUN_FLAGS: &[Flag] = &[
    flag("add-host", None, "list", "Add a custom host-to-IP mapping (host:ip)"),
    flag("annotation", None, "map", "Add an annotation to the container (passed through to the OCI runtime) (default map[])"),
    flag("attach", Some('a'), "list", "Attach to STDIN, STDOUT or STDERR"),
    flag("blkio-weight", None, "uint16", "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)"),
    flag("blkio-weight-device", None, "list", "Block IO weight (relative device weight) (default [])"),
    flag("cap-add", None, "list", "Add Linux capabilities"),
    flag("cap-drop", None, "list", "Drop Linux capabilities"),
    flag("cgroup-parent", None, "string", "Optional parent cgroup for the container"),
    flag("cgroupns", None, "string", "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)"),
    flag("cidfile", None, "string", "Write the container ID to the file"),
    flag("cpu-count", None, "int", ""),
    flag("cpu-percent", None, "int", ""),
    flag("cpu-period", None, "int", "Limit CPU CFS (Completely Fair Scheduler) period"),
    flag("cpu-quota", None, "int", "Limit CPU CFS (Completely Fair Scheduler) quota"),
    flag("cpu-rt-period", None, "int", "Limit CPU real-time period in microseconds"),
    flag("cpu-rt-runtime", None, "int", "Limit CPU real-time runtime in microseconds"),
    flag("cpu-shares", Some('c'), "int", "CPU shares (relative weight)"),
    flag("cpus", None, "decimal", "Number of CPUs"),
    flag("cpuset-cpus", None, "string", "CPUs in which to allow execution (0-3, 0,1)"),
    flag("cpuset-mems", None, "string", "MEMs in which to allow execution (0-3, 0,1)"),
    flag("detach", Some('d'), "", "Run container in background and print container ID"),
    flag("detach-keys", None, "string", "Override the key sequence for detaching a container"),
    flag("device", None, "list", "Add a host device to the container"),
    flag("device-cgroup-rule", None, "list", "Add a rule to the cgroup allowed devices list"),
    flag("device-read-bps", None, "list", "Limit read rate (bytes per second) from a device (default [])"),
    flag("device-read-iops", None, "list", "Limit read rate (IO per second) from a device (default [])"),
    flag("device-write-bps", None, "list", "Limit write rate (bytes per second) to a device (default [])"),
    flag("device-write-iops", None, "list", "Limit write rate (IO per second) to a device (default [])"),
    flag("disable-content-trust", None, "", "Skip image verification (default true)"),
    flag("dns", None, "list", "Set custom DNS servers"),
    flag("dns-opt", None, "list", ""),
    flag("dns-option", None, "list", "Set DNS options"),
    flag("dns-search", None, "list", "Set custom DNS search domains"),
    flag("domainname", None, "string", "Container NIS domain name"),
    flag("entrypoint", None, "string", "Overwrite the default ENTRYPOINT of the image"),
    flag("env", Some('e'), "list", "Set environment variables"),
    flag("env-file", None, "list", "Read in a file of environment variables"),
    flag("expose", None, "list", "Expose a port or a range of ports"),
    flag("gpus", None, "gpu-request", "GPU devices to add to the container ('all' to pass all GPUs)"),
    flag("group-add", None, "list", "Add additional groups to join"),
    flag("health-cmd", None, "string", "Command to run to check health"),
    flag("health-interval", None, "duration", "Time between running the check (ms|s|m|h) (default 0s)"),
    flag("health-retries", None, "int", "Consecutive failures needed to report unhealthy"),
    flag("health-start-interval", None, "duration", "Time between running the check during the start period (ms|s|m|h) (default 0s)"),
    flag("health-start-period", None, "duration", "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)"),
    flag("health-timeout", None, "duration", "Maximum time to allow one check to run (ms|s|m|h) (default 0s)"),
    flag("help", None, "", "Print usage"),
    flag("hostname", Some('h'), "string", "Container host name"),
    flag("init", None, "", "Run an init inside the container that forwards signals and reaps processes"),
    flag("interactive", Some('i'), "", "Keep STDIN open even if not attached"),
    flag("io-maxbandwidth", None, "bytes", ""),
    flag("io-maxiops", None, "uint", ""),
    flag("ip", None, "string", "IPv4 address (e.g., 172.30.100.104)"),
    flag("ip6", None, "string", "IPv6 address (e.g., 2001:db8::33)"),
    flag("ipc", None, "string", "IPC mode to use"),
    flag("isolation", None, "string", "Container isolation technology"),
    flag("kernel-memory", None, "bytes", "Kernel memory limit"),
    flag("label", Some('l'), "list", "Set meta data on a container"),
    flag("label-file", None, "list", "Read in a line delimited file of labels"),
    flag("link", None, "list", "Add link to another container"),
    flag("link-local-ip", None, "list", "Container IPv4/IPv6 link-local addresses"),
    flag("log-driver", None, "string", "Logging driver for the container"),
    flag("log-opt", None, "list", "Log driver options"),
    flag("mac-address", None, "string", "Container MAC address (e.g., 92:d0:c6:0a:29:33)"),
    flag("memory", Some('m'), "bytes", "Memory limit"),
    flag("memory-reservation", None, "bytes", "Memory soft limit"),
    flag("memory-swap", None, "bytes", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap"),
    flag("memory-swappiness", None, "int", "Tune container memory swappiness (0 to 100) (default -1)"),
    flag("mount", None, "mount", "Attach a filesystem mount to the container"),
    flag("name", None, "string", "Assign a name to the container"),
    flag("net", None, "network", ""),
    flag("net-alias", None, "list", ""),
    flag("network", None, "network", "Connect a container to a network"),
    flag("network-alias", None, "list", "Add network-scoped alias for the container"),
    flag("no-healthcheck", None, "", "Disable any container-specified HEALTHCHECK"),
    flag("oom-kill-disable", None, "", "Disable OOM Killer"),
    flag("oom-score-adj", None, "int", "Tune host's OOM preferences (-1000 to 1000)"),
    flag("pid", None, "string", "PID namespace to use"),
    flag("pids-limit", None, "int", "Tune container pids limit (set -1 for unlimited)"),
    flag("platform", None, "string", "Set platform if server is multi-platform capable"),
    flag("privileged", None, "", "Give extended privileges to this container"),
    flag("publish", Some('p'), "list", "Publish a container's port(s) to the host"),
    flag("publish-all", Some('P'), "", "Publish all exposed ports to random ports"),
    flag("pull", None, "string", "Pull image before running (\"always\", \"missing\", \"never\") (default \"missing\")"),
    flag("quiet", Some('q'), "", "Suppress the pull output"),
    flag("read-only", None, "", "Mount the container's root filesystem as read only"),
    flag("restart", None, "string", "Restart policy to apply when a container exits (default \"no\")"),
    flag("rm", None, "", "Automatically remove the container and its associated anonymous volumes when it exits"),
    flag("runtime", None, "string", "Runtime to use for this container"),
    flag("security-opt", None, "list", "Security Options"),
    flag("shm-size", None, "bytes", "Size of /dev/shm"),
    flag("sig-proxy", None, "", "Proxy received signals to the process (default true)"),
    flag("stop-signal", None, "string", "Signal to stop the container"),
    flag("stop-timeout", None, "int", "Timeout (in seconds) to stop a container"),
    flag("storage-opt", None, "list", "Storage driver options for the container"),
    flag("sysctl", None, "map", "Sysctl options (default map[])"),
    flag("tmpfs", None, "list", "Mount a tmpfs directory"),
    flag("tty", Some('t'), "", "Allocate a pseudo-TTY"),
    flag("ulimit", None, "ulimit", "Ulimit options (default [])"),
    flag("user", Some('u'), "string", "Username or UID (format: <name|uid>[:<group|gid>])"),
    flag("userns", None, "string", "User namespace to use"),
    flag("uts", None, "string", "UTS namespace to use"),
    flag("volume", Some('v'), "list", "Bind mount a volume"),
    flag("volume-driver", None, "string", "Optional volume driver for the container"),
    flag("volumes-from", None, "list", "Mount volumes from the specified container(s)"),
    flag("workdir", Some('w'), "string", "Working directory inside the container"),
];

pub const RUN: Command = Command { path: "docker run", usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]", short: "Create and run a new container from an image", aliases: &["docker container run", "docker run"], flags: RUN_FLAGS, stop_at_positional: true, min_args: 1, max_args: usize::MAX };
const CREATE: Command = Command { path: "docker create", usage: "[OPTIONS] IMAGE [COMMAND] [ARG...]", short: "Create a new container", aliases: &["docker container create", "docker create"], flags: &CREATE_FLAGS, stop_at_positional: true, min_args: 1, max_args: usize::MAX };

/// `docker run`'s own flags, which `docker create` does not have (docker/cli
/// v27.5.1 run.go adds them beside the container options).
const RUN_ONLY: [&str; 3] = ["detach", "detach-keys", "sig-proxy"];

/// `docker create`'s flags: the run flags without the run-only ones, and
/// create.go's own `--pull` text (with its stray `|`).
const CREATE_FLAGS: [Flag; RUN_FLAGS.len() - RUN_ONLY.len()] = create_flags();

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn create_flags<const N: usize>() -> [Flag; N] {
    let mut out = [flag("", None, "", ""); N];
    let (mut i, mut j) = (0, 0);
    while i < RUN_FLAGS.len() {
        let f = RUN_FLAGS[i];
        let mut run_only = false;
        let mut k = 0;
        while k < RUN_ONLY.len() {
            run_only |= same(f.long, RUN_ONLY[k]);
            k += 1;
        }
        if !run_only {
            out[j] = if same(f.long, "pull") { flag("pull", None, "string", "Pull image before creating (\"always\", \"|missing\", \"never\") (default \"missing\")") } else { f };
            j += 1;
        }
        i += 1;
    }
    out
}

/// `crate::parse_args`, with pflag's check of integer flag values
/// (intValue.Set: strconv.ParseInt(s, 0, 64)) that the generic parser does
/// not make: a bad value is an `invalid argument` flag error (exit 125).
fn parse_args(cli: &mut Cli<'_>, cmd: &Command, argv: &[String]) -> Result<Args, i32> {
    if let Ok(a) = crate::args::parse(cmd, argv) {
        for (long, v) in &a.flags {
            let Some(f) = cmd.flags.iter().find(|f| f.long == *long && f.kind == "int") else { continue };
            if let Err(e) = go_parse_int(v) {
                let name = match f.short {
                    Some(c) => format!("-{c}, --{}", f.long),
                    None => format!("--{}", f.long),
                };
                cli.err(format!("invalid argument {} for {} flag: {e}\nSee '{} --help'.\n", baleine_util::go::quote(v), baleine_util::go::quote(&name), cmd.path));
                return Err(125);
            }
        }
    }
    crate::parse_args(cli, cmd, argv)
}

/// Go's `strconv.ParseInt(s, 0, 64)`: a sign, then decimal, or 0x / 0o /
/// 0b / 0 prefixed digits (underscores between digits only after a
/// prefix); the error is strconv's text.
fn go_parse_int(s: &str) -> Result<i64, String> {
    let syntax = || format!("strconv.ParseInt: parsing {}: invalid syntax", baleine_util::go::quote(s));
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits, prefixed) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d.to_string(), true)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d.to_string(), true)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d.to_string(), true)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower[1..].to_string(), true)
    } else {
        (10, lower.clone(), false)
    };
    // An underscore may follow the base prefix.
    let digits = if prefixed { digits.strip_prefix('_').map(str::to_string).unwrap_or(digits) } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") || (!prefixed && digits.contains('_')) {
        return Err(syntax());
    }
    let mut n: u128 = 0;
    for c in digits.chars().filter(|&c| c != '_') {
        let d = c.to_digit(radix).ok_or_else(syntax)?;
        n = (n * radix as u128 + d as u128).min(u64::MAX as u128 + 1);
    }
    let limit = if neg { i64::MAX as u128 + 1 } else { i64::MAX as u128 };
    if n > limit {
        return Err(format!("strconv.ParseInt: parsing {}: value out of range", baleine_util::go::quote(s)));
    }
    Ok(if neg { (n as i128).wrapping_neg() as i64 } else { n as i64 })
}

fn simple(path: &'static str, usage: &'static str, short: &'static str, flags: &'static [Flag], min: usize, max: usize) -> Command {
    Command { path: cpath(path), usage, short, aliases: aliases_of(path), flags, stop_at_positional: false, min_args: min, max_args: max }
}

/// The "aliases" annotation of each container command (docker/cli v27.5.1
/// cli/command/container/*.go), shown by `--help`.
fn aliases_of(path: &str) -> &'static [&'static str] {
    match path {
        "docker pause" => &["docker container pause", "docker pause"],
        "docker unpause" => &["docker container unpause", "docker unpause"],
        "docker rename" => &["docker container rename", "docker rename"],
        "docker wait" => &["docker container wait", "docker wait"],
        "docker top" => &["docker container top", "docker top"],
        "docker stats" => &["docker container stats", "docker stats"],
        "docker port" => &["docker container port", "docker port"],
        "docker export" => &["docker container export", "docker export"],
        "docker diff" => &["docker container diff", "docker diff"],
        "docker cp" => &["docker container cp", "docker cp"],
        "docker commit" => &["docker container commit", "docker commit"],
        "docker update" => &["docker container update", "docker update"],
        "docker attach" => &["docker container attach", "docker attach"],
        _ => &[],
    }
}

thread_local! {
    /// Set while a command runs as `docker container X` rather than `docker X`.
    static VIA_GROUP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The command path cobra prints in usage errors ("See 'docker container ls --help'."):
/// under `docker container`, the sub-command's own name (aliases resolved).
fn cpath(path: &'static str) -> &'static str {
    if !VIA_GROUP.with(|v| v.get()) {
        return path;
    }
    match path {
        "docker run" => "docker container run",
        "docker create" => "docker container create",
        "docker start" => "docker container start",
        "docker stop" => "docker container stop",
        "docker restart" => "docker container restart",
        "docker kill" => "docker container kill",
        "docker rm" => "docker container rm",
        "docker ps" => "docker container ls",
        "docker logs" => "docker container logs",
        "docker exec" => "docker container exec",
        "docker pause" => "docker container pause",
        "docker unpause" => "docker container unpause",
        "docker rename" => "docker container rename",
        "docker wait" => "docker container wait",
        "docker top" => "docker container top",
        "docker stats" => "docker container stats",
        "docker port" => "docker container port",
        "docker diff" => "docker container diff",
        "docker cp" => "docker container cp",
        "docker commit" => "docker container commit",
        "docker update" => "docker container update",
        "docker attach" => "docker container attach",
        other => other,
    }
}

const START_FLAGS: &[Flag] = &[
    flag("attach", Some('a'), "", "Attach STDOUT/STDERR and forward signals"),
    flag("detach-keys", None, "string", "Override the key sequence for detaching a container"),
    flag("interactive", Some('i'), "", "Attach container's STDIN"),
];
const STOP_FLAGS: &[Flag] = &[flag("signal", Some('s'), "string", "Signal to send to the container"), flag("time", Some('t'), "int", "Seconds to wait before killing the container")];
const KILL_FLAGS: &[Flag] = &[flag("signal", Some('s'), "string", "Signal to send to the container")];
const RM_FLAGS: &[Flag] = &[flag("force", Some('f'), "", "Force the removal of a running container (uses SIGKILL)"), flag("link", Some('l'), "", "Remove the specified link"), flag("volumes", Some('v'), "", "Remove anonymous volumes associated with the container")];
const PS_FLAGS: &[Flag] = &[
    flag("all", Some('a'), "", "Show all containers (default shows just running)"),
    flag("filter", Some('f'), "filter", "Filter output based on conditions provided"),
    flag("format", None, "string", "Format output using a custom template"),
    flag("last", Some('n'), "int", "Show n last created containers (includes all states) (default -1)"),
    flag("latest", Some('l'), "", "Show the latest created container (includes all states)"),
    flag("no-trunc", None, "", "Don't truncate output"),
    flag("quiet", Some('q'), "", "Only display container IDs"),
    flag("size", Some('s'), "", "Display total file sizes"),
];
const LOGS_FLAGS: &[Flag] = &[
    flag("details", None, "", "Show extra details provided to logs"),
    flag("follow", Some('f'), "", "Follow log output"),
    flag("since", None, "string", "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)"),
    flag("tail", Some('n'), "string", "Number of lines to show from the end of the logs (default \"all\")"),
    flag("timestamps", Some('t'), "", "Show timestamps"),
    flag("until", None, "string", "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)"),
];
const EXEC_FLAGS: &[Flag] = &[
    flag("detach", Some('d'), "", "Detached mode: run command in the background"),
    flag("detach-keys", None, "string", "Override the key sequence for detaching a container"),
    flag("env", Some('e'), "list", "Set environment variables"),
    flag("env-file", None, "list", "Read in a file of environment variables"),
    flag("interactive", Some('i'), "", "Keep STDIN open even if not attached"),
    flag("privileged", None, "", "Give extended privileges to the command"),
    flag("tty", Some('t'), "", "Allocate a pseudo-TTY"),
    flag("user", Some('u'), "string", "Username or UID (format: \"<name|uid>[:<group|gid>]\")"),
    flag("workdir", Some('w'), "string", "Working directory inside the container"),
];
const STATS_FLAGS: &[Flag] = &[flag("all", Some('a'), "", "Show all containers (default shows just running)"), flag("format", None, "string", "Format output using a custom template"), flag("no-stream", None, "", "Disable streaming stats and only pull the first result"), flag("no-trunc", None, "", "Do not truncate output")];
/// docker/cli v27.5.1 cli/command/container/update.go (kernel-memory is hidden).
const UPDATE_FLAGS: &[Flag] = &[
    flag("blkio-weight", None, "uint16", "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)"),
    flag("cpu-period", None, "int", "Limit CPU CFS (Completely Fair Scheduler) period"),
    flag("cpu-quota", None, "int", "Limit CPU CFS (Completely Fair Scheduler) quota"),
    flag("cpu-rt-period", None, "int", "Limit the CPU real-time period in microseconds"),
    flag("cpu-rt-runtime", None, "int", "Limit the CPU real-time runtime in microseconds"),
    flag("cpu-shares", Some('c'), "int", "CPU shares (relative weight)"),
    flag("cpus", None, "decimal", "Number of CPUs"),
    flag("cpuset-cpus", None, "string", "CPUs in which to allow execution (0-3, 0,1)"),
    flag("cpuset-mems", None, "string", "MEMs in which to allow execution (0-3, 0,1)"),
    flag("kernel-memory", None, "bytes", ""),
    flag("memory", Some('m'), "bytes", "Memory limit"),
    flag("memory-reservation", None, "bytes", "Memory soft limit"),
    flag("memory-swap", None, "bytes", "Swap limit equal to memory plus swap: -1 to enable unlimited swap"),
    flag("pids-limit", None, "int", "Tune container pids limit (set -1 for unlimited)"),
    flag("restart", None, "string", "Restart policy to apply when a container exits"),
];
const COMMIT_FLAGS: &[Flag] = &[flag("author", Some('a'), "string", "Author"), flag("change", Some('c'), "list", "Apply Dockerfile instruction to the created image"), flag("message", Some('m'), "string", "Commit message"), flag("pause", Some('p'), "", "Pause container during commit (default true)")];
const CP_FLAGS: &[Flag] = &[flag("archive", Some('a'), "", "Archive mode (copy all uid/gid information)"), flag("follow-link", Some('L'), "", "Always follow symbol link in SRC_PATH"), flag("quiet", Some('q'), "", "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached")];
const NONE: &[Flag] = &[];
const PRUNE_FLAGS: &[Flag] = &[flag("filter", None, "filter", "Provide filter values (e.g. \"until=<timestamp>\")"), flag("force", Some('f'), "", "Do not prompt for confirmation")];
const TOP_FLAGS: &[Flag] = &[];
const ATTACH_FLAGS: &[Flag] = &[
    flag("detach-keys", None, "string", "Override the key sequence for detaching a container"),
    flag("no-stdin", None, "", "Do not attach STDIN"),
    flag("sig-proxy", None, "", "Proxy all received signals to the process (default true)"),
];
const WAIT_FLAGS: &[Flag] = &[];
const PORT_FLAGS: &[Flag] = &[];

pub fn run(cli: &mut Cli<'_>, name: &str, argv: &[String], via_group: bool) -> i32 {
    let before = VIA_GROUP.with(|v| v.replace(via_group));
    let status = run_inner(cli, name, argv);
    VIA_GROUP.with(|v| v.set(before));
    status
}

fn run_inner(cli: &mut Cli<'_>, name: &str, argv: &[String]) -> i32 {
    match name {
        "run" => cmd_run(cli, argv, false),
        "create" => cmd_run(cli, argv, true),
        "start" => cmd_start(cli, argv),
        "stop" | "restart" => cmd_stop(cli, argv, name == "restart"),
        "kill" => cmd_kill(cli, argv),
        "rm" => cmd_rm(cli, argv),
        "ps" => cmd_ps(cli, argv),
        "logs" => cmd_logs(cli, argv),
        "exec" => cmd_exec(cli, argv),
        "pause" | "unpause" => cmd_pause(cli, argv, name == "pause"),
        "rename" => cmd_rename(cli, argv),
        "wait" => cmd_wait(cli, argv),
        "top" => cmd_top(cli, argv),
        "stats" => cmd_stats(cli, argv),
        "port" => cmd_port(cli, argv),
        "diff" => cmd_diff(cli, argv),
        "cp" => cmd_cp(cli, argv),
        "export" => cmd_export(cli, argv),
        "commit" => cmd_commit(cli, argv),
        "update" => cmd_update(cli, argv),
        "attach" => cmd_attach(cli, argv),
        _ => 1,
    }
}

// ---- option parsing ----------------------------------------------------------

/// Parses `-p` values into port bindings: go-connections nat.ParsePortSpec
/// (ip:hostPort:containerPort/proto, checked in that order).
pub fn parse_publish(s: &str) -> Result<Vec<PortBinding>, String> {
    let parts: Vec<&str> = s.split(':').collect();
    let n = parts.len();
    let (ip, host, cont) = match n {
        1 => (String::new(), "", parts[0]),
        2 => (String::new(), parts[0], parts[1]),
        _ => (parts[..n - 2].join(":"), parts[n - 2], parts[n - 1]),
    };
    // nat.SplitProtoPort
    let (cont, proto) = match cont.split_once('/') {
        _ if cont.is_empty() || cont.starts_with('/') => ("", ""),
        None => (cont, "tcp"),
        Some((c, "")) => (c, "tcp"),
        Some((c, p)) => (c, p.split('/').next().unwrap_or(p)),
    };
    // [::1] -> ::1
    let ip = ip.strip_prefix('[').and_then(|r| r.strip_suffix(']')).map(str::to_string).unwrap_or(ip);
    if !ip.is_empty() && ip.parse::<std::net::IpAddr>().is_err() {
        return Err(format!("invalid IP address: {ip}"));
    }
    if cont.is_empty() {
        return Err(format!("no port specified: {s}<empty>"));
    }
    // nat.ParsePortRange
    let range = |r: &str| -> Option<(u16, u16)> {
        let (a, b) = r.split_once('-').unwrap_or((r, r));
        let b = b.split('-').next().unwrap_or(b);
        let (a, b) = (a.parse::<u16>().ok()?, b.parse::<u16>().ok()?);
        (b >= a).then_some((a, b))
    };
    let (c1, c2) = range(cont).ok_or_else(|| format!("invalid containerPort: {cont}"))?;
    let (h1, h2) = if host.is_empty() { (0, 0) } else { range(host).ok_or_else(|| format!("invalid hostPort: {host}"))? };
    if !host.is_empty() && h2 - h1 != c2 - c1 && c1 != c2 {
        return Err(format!("invalid ranges specified for container and host Ports: {cont} and {host}"));
    }
    let lower = proto.to_lowercase();
    if !matches!(lower.as_str(), "tcp" | "udp" | "sctp") {
        return Err(format!("invalid proto: {proto}"));
    }
    let proto = lower;
    Ok((0..=(c2 - c1))
        .map(|i| PortBinding {
            container_port: c1 + i,
            proto: proto.clone(),
            host_ip: ip.clone(),
            // A single container port with a host range: the start of the range.
            host_port: if host.is_empty() { 0 } else if c1 == c2 { h1 } else { h1 + i },
        })
        .collect())
}

/// `--add-host`: docker/cli opts/hosts.go ValidateExtraHost. HOST:IP or
/// HOST=IP (brackets allowed around the address), returned as HOST:IP.
pub fn validate_extra_host(val: &str) -> Result<String, String> {
    let (k, v) = val.split_once('=').or_else(|| val.split_once(':')).filter(|(k, _)| !k.is_empty() && !k.contains(':')).ok_or_else(|| format!("bad format for add-host: {val:?}"))?;
    if v != "host-gateway" {
        let ip = v.strip_prefix('[').and_then(|x| x.strip_suffix(']')).filter(|_| v.len() > 2).unwrap_or(v);
        if ip.parse::<std::net::IpAddr>().is_err() {
            return Err(format!("invalid IP address in add-host: {ip:?}"));
        }
    }
    Ok(format!("{k}:{v}"))
}

/// A `--mount` as docker/cli's MountOpt builds it (api/types/mount.Mount).
#[derive(Clone, Debug, Default)]
pub struct MountOpt {
    pub spec: MountSpec,
    pub options: MountOptions,
}

/// `--mount`: docker/cli v27.5.1 opts/mount.go `MountOpt.Set`. The error is
/// what pflag puts after `invalid argument "…" for "--mount" flag: `.
pub fn parse_mount(value: &str) -> Result<MountOpt, String> {
    let fields = go_csv_record(value)?;
    let mut m = MountSpec { kind: "volume".into(), ..Default::default() };
    let mut o = MountOptions::default();
    let parse_bool = baleine_util::go::parse_bool;
    // volumeOptions(): created with an empty label map and a DriverConfig.
    fn volume(o: &mut MountOptions) -> &mut baleine_engine::model::VolumeOptions {
        let v = o.volume.get_or_insert_with(Default::default);
        v.driver.get_or_insert_with(Default::default);
        v
    }
    fn driver(o: &mut MountOptions) -> &mut baleine_engine::model::VolumeDriver {
        volume(o).driver.get_or_insert_with(Default::default)
    }
    // setValueOnMap: "k=v" (or "k" for an empty value); an empty key is dropped.
    let set_on_map = |map: &mut IndexMap<String, String>, v: &str| {
        let (k, v) = v.split_once('=').unwrap_or((v, ""));
        if !k.is_empty() {
            map.insert(k.to_string(), v.to_string());
        }
    };
    for field in &fields {
        let (key, val) = match field.split_once('=') {
            Some((k, v)) => (k.to_lowercase(), v),
            None => {
                match field.to_lowercase().as_str() {
                    "readonly" | "ro" => m.read_only = true,
                    "volume-nocopy" => {
                        volume(&mut o).no_copy = true;
                        m.volume_nocopy = true;
                    }
                    "bind-nonrecursive" => o.bind.get_or_insert_with(Default::default).non_recursive = true,
                    _ => return Err(format!("invalid field '{field}' must be a key=value pair")),
                }
                continue;
            }
        };
        let invalid = || format!("invalid value for {key}: {val}");
        match key.as_str() {
            "type" => m.kind = val.to_lowercase(),
            "source" | "src" => m.source = val.to_string(),
            "target" | "dst" | "destination" => m.target = val.to_string(),
            "readonly" | "ro" => m.read_only = parse_bool(val).ok_or_else(invalid)?,
            "consistency" => o.consistency = val.to_lowercase(),
            "bind-propagation" => o.bind.get_or_insert_with(Default::default).propagation = val.to_lowercase(),
            "bind-nonrecursive" => o.bind.get_or_insert_with(Default::default).non_recursive = parse_bool(val).ok_or_else(invalid)?,
            "bind-recursive" => match val {
                "enabled" => {}
                "disabled" => o.bind.get_or_insert_with(Default::default).non_recursive = true,
                "writable" => o.bind.get_or_insert_with(Default::default).read_only_non_recursive = true,
                "readonly" => o.bind.get_or_insert_with(Default::default).read_only_force_recursive = true,
                _ => return Err(format!("invalid value for {key}: {val} (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")")),
            },
            "volume-subpath" => volume(&mut o).subpath = val.to_string(),
            "volume-nocopy" => {
                let b = parse_bool(val).ok_or_else(|| format!("invalid value for volume-nocopy: {val}"))?;
                volume(&mut o).no_copy = b;
                m.volume_nocopy = b;
            }
            "volume-label" => set_on_map(&mut volume(&mut o).labels, val),
            "volume-driver" => driver(&mut o).name = val.to_string(),
            "volume-opt" => set_on_map(driver(&mut o).options.get_or_insert_with(IndexMap::new), val),
            "tmpfs-size" => {
                let n = baleine_engine::volumes::ram_in_bytes(val).map_err(|_| invalid())?;
                o.tmpfs.get_or_insert_with(Default::default).size_bytes = n;
            }
            "tmpfs-mode" => {
                // strconv.ParseUint(val, 8, 32)
                let n = if val.is_empty() || !val.bytes().all(|b| (b'0'..=b'7').contains(&b)) { None } else { u64::from_str_radix(val, 8).ok().filter(|&n| n <= u32::MAX as u64) };
                o.tmpfs.get_or_insert_with(Default::default).mode = n.ok_or_else(invalid)? as u32;
            }
            _ => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    if m.kind.is_empty() {
        return Err("type is required".into());
    }
    if m.target.is_empty() {
        return Err("target is required".into());
    }
    if o.volume.is_some() && m.kind != "volume" {
        return Err(format!("cannot mix 'volume-*' options with mount type '{}'", m.kind));
    }
    if o.bind.is_some() && m.kind != "bind" {
        return Err(format!("cannot mix 'bind-*' options with mount type '{}'", m.kind));
    }
    if o.tmpfs.is_some() && m.kind != "tmpfs" {
        return Err(format!("cannot mix 'tmpfs-*' options with mount type '{}'", m.kind));
    }
    if let Some(b) = &o.bind {
        if b.read_only_non_recursive && !m.read_only {
            return Err("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction".into());
        }
        if b.read_only_force_recursive {
            if !m.read_only {
                return Err("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction".into());
            }
            if b.propagation != "rprivate" {
                return Err("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction".into());
            }
        }
    }
    Ok(MountOpt { spec: m, options: o })
}

/// How many times MountOpt.Set logs "bind-nonrecursive is deprecated" for
/// a `--mount` value: once per `bind-nonrecursive=VALUE` field (the bare
/// `bind-nonrecursive` form is silent).
fn mount_deprecation_warnings(value: &str) -> usize {
    let Ok(fields) = go_csv_record(value) else { return 0 };
    fields.iter().filter(|f| f.split_once('=').is_some_and(|(k, v)| k.eq_ignore_ascii_case("bind-nonrecursive") && baleine_util::go::parse_bool(v).is_some())).count()
}

/// The first record of Go's `encoding/csv` Reader (Comma ',', no
/// LazyQuotes, no TrimLeadingSpace), as `csvReader.Read()` returns it: empty
/// lines are skipped, a quoted field may span lines, errors are
/// `csv.ParseError` texts (byte columns from 1) or "EOF".
fn go_csv_record(input: &str) -> Result<Vec<String>, String> {
    let b = input.as_bytes();
    let mut off = 0;
    let mut num_line = 0usize;
    // readLine: (line, at EOF with nothing read).
    let read_line = |off: &mut usize, num_line: &mut usize| -> (Vec<u8>, bool) {
        *num_line += 1;
        if *off >= b.len() {
            return (Vec::new(), true);
        }
        let end = b[*off..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| *off + i + 1);
        let mut line = b[*off..end].to_vec();
        *off = end;
        if line.last() != Some(&b'\n') && line.last() == Some(&b'\r') {
            line.pop();
        }
        let n = line.len();
        if n >= 2 && line[n - 2] == b'\r' && line[n - 1] == b'\n' {
            line[n - 2] = b'\n';
            line.pop();
        }
        (line, false)
    };
    let len_nl = |l: &[u8]| usize::from(l.last() == Some(&b'\n'));
    let perr = |start: usize, line: usize, col: usize, e: &str| {
        if start != line {
            format!("record on line {start}; parse error on line {line}, column {col}: {e}")
        } else {
            format!("parse error on line {line}, column {col}: {e}")
        }
    };
    const QUOTE: &str = "extraneous or missing \" in quoted-field";
    let mut eof;
    let mut line;
    loop {
        (line, eof) = read_line(&mut off, &mut num_line);
        if !eof && line.len() == len_nl(&line) {
            continue;
        }
        break;
    }
    if eof {
        return Err("EOF".into());
    }
    let rec_line = num_line;
    let mut fields = Vec::new();
    let mut buf: Vec<u8> = Vec::new();
    let (mut pos_line, mut pos_col) = (num_line, 1usize);
    let mut l: &[u8] = &line;
    let mut owned: Vec<u8>;
    'field: loop {
        if l.is_empty() || l[0] != b'"' {
            let i = l.iter().position(|&c| c == b',');
            let field = match i {
                Some(i) => &l[..i],
                None => &l[..l.len() - len_nl(l)],
            };
            if let Some(j) = field.iter().position(|&c| c == b'"') {
                return Err(perr(rec_line, num_line, pos_col + j, "bare \" in non-quoted-field"));
            }
            fields.push(String::from_utf8_lossy(field).into_owned());
            match i {
                Some(i) => {
                    l = &l[i + 1..];
                    pos_col += i + 1;
                }
                None => break 'field,
            }
        } else {
            l = &l[1..];
            pos_col += 1;
            loop {
                if let Some(i) = l.iter().position(|&c| c == b'"') {
                    buf.extend_from_slice(&l[..i]);
                    l = &l[i + 1..];
                    pos_col += i + 1;
                    match l.first() {
                        Some(b'"') => {
                            buf.push(b'"');
                            l = &l[1..];
                            pos_col += 1;
                        }
                        Some(b',') => {
                            l = &l[1..];
                            pos_col += 1;
                            fields.push(String::from_utf8_lossy(&std::mem::take(&mut buf)).into_owned());
                            continue 'field;
                        }
                        _ if len_nl(l) == l.len() => {
                            fields.push(String::from_utf8_lossy(&std::mem::take(&mut buf)).into_owned());
                            break 'field;
                        }
                        _ => return Err(perr(rec_line, num_line, pos_col - 1, QUOTE)),
                    }
                } else if !l.is_empty() {
                    buf.extend_from_slice(l);
                    pos_col += l.len();
                    let (next, _) = read_line(&mut off, &mut num_line);
                    owned = next;
                    l = &owned;
                    if !l.is_empty() {
                        pos_line += 1;
                        pos_col = 1;
                    }
                } else {
                    return Err(perr(rec_line, pos_line, pos_col, QUOTE));
                }
            }
        }
    }
    Ok(fields)
}

/// `--restart`: docker/cli opts.ParseRestartPolicy, then the daemon's
/// ValidateRestartPolicy (api/types/container/hostconfig.go). Daemon-side
/// errors come back prefixed with "Error response from daemon: ".
pub fn parse_restart(s: &str) -> Result<RestartPolicy, String> {
    if s.is_empty() {
        return Ok(RestartPolicy { name: "no".into(), max_retries: 0 });
    }
    let (name, n) = match s.split_once(':') {
        Some(("", _)) => return Err("invalid restart policy format: no policy provided before colon".into()),
        Some((k, v)) => (k, v),
        None => (s, ""),
    };
    let count: i64 = if n.is_empty() { 0 } else { n.parse().map_err(|_| "invalid restart policy format: maximum retry count must be an integer".to_string())? };
    validate_restart_policy(name, count)
}

/// The daemon's ValidateRestartPolicy (api/types/container/hostconfig.go),
/// for `docker run --restart` and compose's `restart:`/`deploy`; the error
/// is prefixed with "Error response from daemon: ". An empty name (the
/// pre-25 default) is no restart.
pub fn validate_restart_policy(name: &str, count: i64) -> Result<RestartPolicy, String> {
    let daemon = |m: &str| format!("Error response from daemon: invalid restart policy: {m}");
    match name {
        "no" | "always" | "unless-stopped" => {
            if count != 0 {
                let neg = if count < 0 { " and cannot be negative" } else { "" };
                return Err(daemon(&format!("maximum retry count can only be used with 'on-failure'{neg}")));
            }
        }
        "on-failure" => {
            if count < 0 {
                return Err(daemon("maximum retry count cannot be negative"));
            }
        }
        "" => return Ok(RestartPolicy { name: "no".into(), max_retries: 0 }),
        other => return Err(daemon(&format!("unknown policy '{other}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'"))),
    }
    Ok(RestartPolicy { name: name.into(), max_retries: count.clamp(0, u32::MAX as i64) as u32 })
}

/// Reads an env file as docker/cli's opts.ParseEnvFile does.
/// `--env-file`: docker/cli v27.5.1 pkg/kvfile/kvfile.go Parse (a parse
/// error is wrapped as "invalid env file (FILE): ...").
fn read_env_file(cli: &Cli<'_>, path: &str) -> Result<Vec<String>, String> {
    let text = match cli.read_host_file(path) {
        Some(b) => String::from_utf8_lossy(&b).into_owned(),
        None => return Err(format!("open {path}: no such file or directory")),
    };
    parse_env_file(&text, &|k| cli.getenv(k).map(str::to_string)).map_err(|e| format!("invalid env file ({path}): {e}"))
}

/// kvfile parseKeyValueFile: leading white space dropped, `#` comments and
/// empty lines skipped; a KEY=VALUE line is kept as it is, a bare KEY takes
/// the client's value (and is left out when the client has none).
fn parse_env_file(text: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Result<Vec<String>, String> {
    let mut v = Vec::new();
    for (n, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let raw = if n == 0 { raw.strip_prefix('\u{feff}').unwrap_or(raw) } else { raw };
        let line = raw.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, has_value) = match line.split_once('=') {
            Some((k, _)) => (k, true),
            None => (line, false),
        };
        if key.is_empty() {
            return Err(format!("no variable name on line '{line}'"));
        }
        if key.contains([' ', '\t']) {
            return Err(format!("variable '{key}' contains whitespaces"));
        }
        if has_value {
            v.push(line.to_string());
        } else if let Some(val) = lookup(line) {
            v.push(format!("{key}={val}"));
        }
    }
    Ok(v)
}

/// The `--mount` values of `docker run`/`create`. MountOpt.Set makes a
/// source of "." or starting with "./" absolute (filepath.Abs against the
/// CLI's folder); any other source goes to the daemon as it is.
fn mount_opts(cli: &Cli<'_>, a: &Args) -> Result<Vec<MountOpt>, String> {
    let mut out = Vec::new();
    for v in a.values("mount") {
        let mut m = parse_mount(v).map_err(|e| format!("invalid argument {} for \"--mount\" flag: {e}", baleine_util::go::quote(v)))?;
        if m.spec.source == "." || m.spec.source.starts_with("./") {
            m.spec.source = cli.host_path(&m.spec.source);
        }
        out.push(m);
    }
    Ok(out)
}

/// Builds the container spec from `docker run`/`create` flags.
fn spec_from_args(cli: &Cli<'_>, a: &Args) -> Result<ContainerSpec, String> {
    // opts.go validateAttach checks each -a while the flags are parsed.
    if let Some(v) = a.values("attach").into_iter().find(|v| !["stdin", "stdout", "stderr"].contains(&v.to_ascii_lowercase().as_str())) {
        return Err(format!("invalid argument {} for \"-a, --attach\" flag: valid streams are STDIN, STDOUT and STDERR", baleine_util::go::quote(v)));
    }
    let mut spec = ContainerSpec { image: a.args[0].clone(), ..Default::default() };
    spec.attach = a.values("attach").into_iter().map(|v| v.to_ascii_lowercase()).collect();
    if a.args.len() > 1 {
        spec.cmd = Some(a.args[1..].to_vec());
    }
    spec.name = a.value("name").map(str::to_string);
    if let Some(e) = a.value("entrypoint") {
        spec.entrypoint = Some(if e.is_empty() { vec![String::new()] } else { vec![e.to_string()] });
    }
    for f in a.values("env-file") {
        spec.env.extend(read_env_file(cli, f)?);
    }
    // opts.ValidateEnv: "KEY" takes the client's value; a variable the
    // client does not have goes as it is (the daemon then unsets it).
    for e in a.values("env") {
        if e.split('=').next().unwrap_or("").is_empty() {
            return Err(format!("invalid argument {} for \"-e, --env\" flag: invalid environment variable: {e}", baleine_util::go::quote(e)));
        }
        if e.contains('=') {
            spec.env.push(e.to_string());
        } else if let Some(v) = cli.getenv(e) {
            spec.env.push(format!("{e}={v}"));
        } else {
            spec.env.push(e.to_string());
        }
    }
    // Errors found by the daemon (verifyContainerSettings) come after every
    // error of the CLI's own parsing.
    let mut daemon_err: Option<String> = None;
    spec.workdir = a.value("workdir").map(str::to_string);
    let mut daemon_health_err: Option<String> = None;
    // validateContainerConfig checks the stop signal after the working
    // folder (signal.ParseSignal).
    let stopsig_err = a.value("stop-signal").filter(|s| !s.is_empty()).and_then(|s| baleine_engine::containers::parse_signal(s).err()).map(|e| format!("Error response from daemon: {e}"));
    let mut workdir_err: Option<String> = None;
    if let Some(w) = &spec.workdir {
        if !w.is_empty() && !w.starts_with('/') {
            workdir_err = Some(format!("Error response from daemon: the working directory '{w}' is invalid, it needs to be an absolute path"));
        }
    }
    spec.user = a.value("user").map(str::to_string);
    spec.hostname = a.value("hostname").map(str::to_string);
    for l in a.values("label") {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        spec.labels.insert(k.to_string(), v.to_string());
    }
    spec.tty = a.has("tty");
    spec.open_stdin = a.has("interactive");
    spec.attach_stdout = !a.has("detach");
    for p in a.values("publish") {
        spec.ports.extend(parse_publish(p)?);
    }
    spec.exposed = parse_expose(&a.values("expose"))?;
    spec.publish_all = a.has("publish-all");
    for v in a.values("volume") {
        // docker/cli container/opts.go parse: each -v goes through the
        // compose loader's ParseVolume first ("invalid spec: ...").
        baleine_compose::parse_volume(v)?;
        // Relative host paths (./x) are made absolute by the CLI.
        let mut parts: Vec<String> = v.split(':').map(str::to_string).collect();
        if parts.len() >= 2 && (parts[0].starts_with('.') || parts[0].starts_with('~') || parts[0].starts_with('/')) {
            parts[0] = cli.host_path(&parts[0]);
        }
        spec.binds.push(parts.join(":"));
    }
    let mounts = mount_opts(cli, a)?;
    for m in &mounts {
        // The daemon validates mounts (verifyContainerSettings ->
        // validateHostConfig) after the working folder, before the restart
        // policy and the resources.
        if daemon_err.is_none() {
            if let Err(e) = cli.world.validate_mount(&m.spec, &baleine_engine::containers::mount_extras(&m.options)) {
                daemon_err = Some(format!("Error response from daemon: {e}"));
            }
        }
        spec.mounts.push(m.spec.clone());
        spec.mount_options.push(m.options.clone());
    }
    spec.tmpfs = a.values("tmpfs").into_iter().map(str::to_string).collect();
    spec.volumes_from = a.values("volumes-from").into_iter().map(str::to_string).collect();
    spec.network = a.value("network").or(a.value("net")).map(str::to_string);
    spec.network_aliases = a.values("network-alias").into_iter().map(str::to_string).collect();
    spec.ip = a.value("ip").map(str::to_string);
    spec.links = a.values("link").into_iter().map(str::to_string).collect();
    spec.extra_hosts = a
        .values("add-host")
        .into_iter()
        .map(|h| validate_extra_host(h).map_err(|e| format!("invalid argument \"{h}\" for \"--add-host\" flag: {e}")))
        .collect::<Result<_, _>>()?;
    spec.dns = a.values("dns").into_iter().map(|d| validate_ip_address(d).map_err(|e| format!("invalid argument {} for \"--dns\" flag: {e}", baleine_util::go::quote(d)))).collect::<Result<_, _>>()?;
    spec.dns_options = a.flags.iter().filter(|(l, _)| *l == "dns-option" || *l == "dns-opt").map(|(_, v)| v.clone()).collect();
    spec.dns_search = a.values("dns-search").into_iter().map(|d| validate_dns_search(d).map_err(|e| format!("invalid argument {} for \"--dns-search\" flag: {e}", baleine_util::go::quote(d)))).collect::<Result<_, _>>()?;
    spec.restart = RestartPolicy { name: "no".into(), max_retries: 0 };
    let mut restart_given = false;
    if let Some(r) = a.value("restart") {
        restart_given = !r.is_empty() && r != "no";
        match parse_restart(r) {
            Ok(p) => spec.restart = p,
            Err(e) if e.starts_with("Error response from daemon: ") => {
                if daemon_err.is_none() {
                    daemon_err = Some(e);
                }
            }
            Err(e) => return Err(e),
        }
    }
    spec.auto_remove = a.has("rm");
    if spec.auto_remove && restart_given {
        return Err("Conflicting options: --restart and --rm".into());
    }
    if let Some(m) = a.value("memory") {
        spec.memory = parse_size(m).ok_or_else(|| format!("invalid argument \"{m}\" for \"-m, --memory\" flag: invalid size: '{m}'"))?;
        if spec.memory > 0 && spec.memory < 6 * 1024 * 1024 && daemon_err.is_none() {
            daemon_err = Some("Error response from daemon: Minimum memory limit allowed is 6MB".into());
        }
    }
    // opts.MemSwapBytes: "-1" or a size; the daemon then checks it against
    // the memory limit (verifyPlatformContainerResources).
    if let Some(v) = a.value("memory-swap") {
        spec.memory_swap = if v == "-1" { -1 } else { baleine_engine::volumes::ram_in_bytes(v).map_err(|e| format!("invalid argument {} for \"--memory-swap\" flag: {e}", baleine_util::go::quote(v)))? };
        let mem = spec.memory as i64;
        if daemon_err.is_none() && !(mem != 0 && mem < 6 * 1024 * 1024) {
            if mem > 0 && spec.memory_swap > 0 && spec.memory_swap < mem {
                daemon_err = Some("Error response from daemon: Minimum memoryswap limit should be larger than memory limit, see usage".into());
            } else if mem == 0 && spec.memory_swap > 0 {
                daemon_err = Some("Error response from daemon: You should always set the Memory limit when using Memoryswap limit, see usage".into());
            }
        }
    }
    // opts.NanoCPUs (opts.ParseCPUs: a rational number, "3/2" too); the
    // daemon refuses a negative value or more than the host's CPUs
    // (daemon_unix.go verifyPlatformContainerResources).
    if let Some(c) = a.value("cpus") {
        let nano = crate::args::parse_cpus(c).map_err(|e| format!("invalid argument {} for \"--cpus\" flag: {e}", baleine_util::go::quote(c)))?;
        if (nano < 0 || nano > 2_000_000_000) && daemon_err.is_none() {
            daemon_err = Some("Error response from daemon: range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available".into());
        }
        spec.nano_cpus = nano.max(0) as u64;
    }
    if let Some(c) = a.value("cpu-shares") {
        spec.cpu_shares = c.parse().map_err(|_| format!("invalid argument \"{c}\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"{c}\": invalid syntax"))?;
    }
    spec.read_only = a.has("read-only");
    spec.init = a.has("init");
    spec.privileged = a.has("privileged");
    spec.cap_add = a.values("cap-add").into_iter().map(str::to_string).collect();
    spec.stop_signal = a.value("stop-signal").map(str::to_string);
    if let Some(t) = a.value("stop-timeout") {
        spec.stop_timeout = Some(t.parse().map_err(|_| format!("invalid argument \"{t}\" for \"--stop-timeout\" flag: strconv.ParseInt: parsing \"{t}\": invalid syntax"))?);
    }
    // opts.go parseLoggingOpts (before the health settings).
    if a.value("log-driver") == Some("none") && a.present("log-opt") {
        return Err("invalid logging opts for driver none".into());
    }
    spec.no_healthcheck = a.has("no-healthcheck");
    // docker/cli container/opts.go parse: health settings count when they
    // are not zero; negative ones are refused by the CLI, then the daemon
    // refuses durations under 1ms (daemon/container.go validateHealthCheck).
    let dur = |name: &str| -> i64 { a.value(name).and_then(|v| crate::args::go_parse_duration(v).ok()).unwrap_or(0) };
    let (interval, timeout, start_period, start_interval) = (dur("health-interval"), dur("health-timeout"), dur("health-start-period"), dur("health-start-interval"));
    let retries = a.value("health-retries").and_then(|r| crate::args::go_parse_int(r, 64).ok()).unwrap_or(0);
    let health_cmd = a.value("health-cmd").unwrap_or("");
    if !health_cmd.is_empty() || interval != 0 || timeout != 0 || start_period != 0 || retries != 0 || start_interval != 0 {
        if spec.no_healthcheck {
            return Err("--no-healthcheck conflicts with --health-* options".into());
        }
        for (name, v) in [("interval", interval), ("timeout", timeout), ("retries", retries), ("start-period", start_period), ("start-interval", start_interval)] {
            if v < 0 {
                return Err(format!("--health-{name} cannot be negative"));
            }
        }
        if daemon_health_err.is_none() {
            for (name, v) in [("Interval", interval), ("Timeout", timeout), ("StartPeriod", start_period), ("StartInterval", start_interval)] {
                if v != 0 && v < 1_000_000 {
                    daemon_health_err = Some(format!("Error response from daemon: {name} in Healthcheck cannot be less than 1ms"));
                    break;
                }
            }
        }
        let test = if health_cmd.is_empty() { Vec::new() } else { vec!["CMD-SHELL".to_string(), health_cmd.to_string()] };
        let ms = |ns: i64| (ns / 1_000_000) as u64;
        spec.healthcheck = Some(Healthcheck {
            test,
            interval_ms: ms(interval),
            timeout_ms: ms(timeout),
            start_period_ms: ms(start_period),
            start_interval_ms: ms(start_interval),
            retries: u32::try_from(retries).unwrap_or(u32::MAX),
        });
    }
    spec.log_driver = a.value("log-driver").map(str::to_string);
    for o in a.values("log-opt") {
        let (k, v) = o.split_once('=').unwrap_or((o, ""));
        spec.log_opts.insert(k.to_string(), v.to_string());
    }
    spec.platform = a.value("platform").map(str::to_string);
    // The daemon checks the network mode while it decodes the request,
    // before verifyContainerSettings.
    let netmode_err = validate_net_mode(&spec, a.value("uts").unwrap_or("")).err().map(|e| format!("Error response from daemon: {e}"));
    if let Some(e) = netmode_err.or(workdir_err).or(stopsig_err).or(daemon_health_err).or(daemon_err) {
        return Err(e);
    }
    Ok(spec)
}

/// `--expose` values as docker/cli opts.go parse merges them into
/// ExposedPorts: no host part, "PORT[-END][/PROTO]" (nat.SplitProtoPort,
/// nat.ParsePortRange), one entry per port of a range.
fn parse_expose(values: &[&str]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for e in values {
        if e.contains(':') {
            return Err(format!("invalid port format for --expose: {e}"));
        }
        let parts: Vec<&str> = e.split('/').collect();
        let (proto, port) = match parts.as_slice() {
            [first, ..] if first.is_empty() => ("", ""),
            [only] => ("tcp", *only),
            [port, "", ..] => ("tcp", *port),
            [port, proto, ..] => (*proto, *port),
            [] => ("", ""),
        };
        let (start, end) = parse_port_range(port).map_err(|err| format!("invalid range format for --expose: {e}, error: {err}"))?;
        for p in start..=end {
            let key = format!("{p}/{proto}");
            if seen.insert(key.clone()) {
                out.push(key);
            }
        }
    }
    Ok(out)
}

/// go-connections nat.ParsePortRange: "PORT" or "START-END", each a
/// strconv.ParseUint(s, 10, 16).
fn parse_port_range(ports: &str) -> Result<(u16, u16), String> {
    fn parse_u16(s: &str) -> Result<u16, String> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("strconv.ParseUint: parsing {}: invalid syntax", baleine_util::go::quote(s)));
        }
        s.parse::<u16>().map_err(|_| format!("strconv.ParseUint: parsing {}: value out of range", baleine_util::go::quote(s)))
    }
    if ports.is_empty() {
        return Err("empty string specified for ports".into());
    }
    let Some((first, rest)) = ports.split_once('-') else {
        let p = parse_u16(ports)?;
        return Ok((p, p));
    };
    let start = parse_u16(first)?;
    let end = parse_u16(rest.split('-').next().unwrap_or(""))?;
    if end < start {
        return Err(format!("invalid range specified for port: {ports}"));
    }
    Ok((start, end))
}

/// docker/cli opts.ValidateIPAddress (`--dns`): Go's net.ParseIP of the
/// trimmed value, kept in its canonical form.
fn validate_ip_address(v: &str) -> Result<String, String> {
    match v.trim().parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(ip)) => Ok(ip.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_else(|| ip.to_string())),
        Ok(ip) => Ok(ip.to_string()),
        Err(_) => Err(format!("IP address is not correctly formatted: {v}")),
    }
}

/// docker/cli opts.ValidateDNSSearch: "." (no search domain) or a domain
/// name of letters, digits and inner hyphens per label, at least one
/// letter, under 255 characters; a trailing dot is dropped.
fn validate_dns_search(v: &str) -> Result<String, String> {
    let t = v.trim_matches(' ');
    if t == "." {
        return Ok(t.to_string());
    }
    let bad = || format!("{t} is not a valid domain");
    if !t.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Err(bad());
    }
    let body = t.trim_end_matches(|c: char| c.is_whitespace());
    let body = body.strip_suffix('.').unwrap_or(body);
    let label_ok = |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') && !l.starts_with('-') && !l.ends_with('-');
    if !body.split('.').all(label_ok) || body.len() >= 255 {
        return Err(bad());
    }
    Ok(body.to_string())
}

/// moby v27.5.1 runconfig hostconfig.go validateNetContainerMode and
/// hostconfig_unix.go validateNetMode: options that cannot go with
/// --network container:X (or host), checked when the daemon decodes the
/// create request (messages from runconfig/errors.go).
fn validate_net_mode(spec: &ContainerSpec, uts: &str) -> Result<(), String> {
    let mode = spec.network.as_deref().unwrap_or("default");
    let container = mode.split_once(':').is_some_and(|(k, _)| k == "container");
    if container && mode.split(':').nth(1).unwrap_or("").is_empty() {
        return Err("Invalid network mode: invalid container format container:<name|id>".into());
    }
    let hostname = spec.hostname.as_deref().is_some_and(|h| !h.is_empty());
    if container {
        if hostname {
            return Err("conflicting options: hostname and the network mode".into());
        }
        if !spec.links.is_empty() {
            return Err("conflicting options: container type network can't be used with links. This would result in undefined behavior".into());
        }
        if !spec.dns.is_empty() {
            return Err("conflicting options: dns and the network mode".into());
        }
        if !spec.extra_hosts.is_empty() {
            return Err("conflicting options: custom host-to-IP mapping and the network mode".into());
        }
        if !spec.ports.is_empty() || spec.publish_all {
            return Err("conflicting options: port publishing and the container type network mode".into());
        }
        if !spec.exposed.is_empty() {
            return Err("conflicting options: port exposing and the container type network mode".into());
        }
    }
    if uts == "host" && hostname {
        return Err("conflicting options: hostname and the UTS mode".into());
    }
    if mode == "host" && !spec.links.is_empty() {
        return Err("conflicting options: host type networking can't be used with links. This would result in undefined behavior".into());
    }
    Ok(())
}

/// Pulls an image if it is missing (prints what docker run/create print).
pub fn ensure_image(cli: &mut Cli<'_>, image: &str, quiet: bool, policy: &str) -> Result<(), EngineError> {
    let present = cli.world.image_id(image).is_some();
    if present && policy != "always" {
        return Ok(());
    }
    if !present && policy == "never" {
        return Err(EngineError::not_found(format!("No such image: {}", baleine_engine::images::display_ref(image))));
    }
    if !present {
        cli.err(format!("Unable to find image '{}' locally\n", baleine_engine::images::display_ref(image)));
    }
    match cli.world.pull(image) {
        Ok(report) => {
            let fresh = report.layers.iter().filter(|l| !l.1).count() as u64;
            cli.world.advance(800 + 600 * fresh);
            if !quiet {
                let text = crate::cmd_image::pull_text(&report);
                cli.err(text);
            }
            Ok(())
        }
        Err(e) => Err(e),
    }
}

fn run_daemon_error(cli: &mut Cli<'_>, cmd: &str, e: &EngineError) -> i32 {
    let msg = e.message.trim_end_matches('.');
    cli.err(format!("docker: Error response from daemon: {msg}.\nSee 'docker {cmd} --help'.\n"));
    run_error_status(e)
}

/// A failed start: docker/cli run.go reportError(stderr, "run", err, false)
/// prints no "See 'docker run --help'." line.
fn run_start_error(cli: &mut Cli<'_>, e: &EngineError) -> i32 {
    let msg = e.message.trim_end_matches('.');
    cli.err(format!("docker: Error response from daemon: {msg}.\n"));
    run_error_status(e)
}

fn cmd_run(cli: &mut Cli<'_>, argv: &[String], create_only: bool) -> i32 {
    let cmd = if create_only { Command { path: cpath(CREATE.path), ..CREATE } } else { Command { path: cpath(RUN.path), ..RUN } };
    let cmd = &cmd;
    let a = match parse_args(cli, cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let name = if create_only { "create" } else { "run" };
    // MountOpt.Set logs its deprecation warning while the flags are parsed.
    for v in a.values("mount") {
        for _ in 0..mount_deprecation_warnings(v) {
            cli.err("WARN[0000] bind-nonrecursive is deprecated, use bind-recursive=disabled instead\n");
        }
    }
    let spec = match spec_from_args(cli, &a) {
        Ok(s) => Ok(s),
        Err(msg) if msg.starts_with("invalid argument \"") => {
            // A bad flag value is a pflag error (cli/cobra.go FlagErrorFunc).
            cli.err(format!("{msg}\nSee '{} --help'.\n", cmd.path));
            return 125;
        }
        // Found by the daemon: reported once the CLI sends the request.
        Err(msg) if msg.starts_with("Error response from daemon: ") => Err(msg),
        Err(msg) => {
            cli.err(format!("docker: {}.\nSee 'docker {name} --help'.\n", msg.trim_end_matches('.')));
            return 125;
        }
    };
    // run.go runContainer, before the container is created: an attached
    // run with -it needs a terminal on stdin (streams.In CheckTty), and -d
    // takes no -a.
    if !create_only && !a.has("detach") && a.has("tty") && (a.has("interactive") || a.values("attach").iter().any(|v| v.eq_ignore_ascii_case("stdin"))) && cli.stdin.is_some() {
        cli.err("the input device is not a TTY\n");
        return 1;
    }
    if !create_only && a.has("detach") && a.present("attach") {
        cli.err("Conflicting options: -a and -d\n");
        return 1;
    }
    // create.go createContainer: warnOnOomKillDisable, warnOnLocalhostDNS.
    if a.has("oom-kill-disable") && a.value("memory").and_then(parse_size).unwrap_or(0) == 0 {
        cli.err("WARNING: Disabling the OOM killer on containers without setting a '-m/--memory' limit may be dangerous.\n");
    }
    if let Some(d) = a.values("dns").into_iter().filter_map(|d| validate_ip_address(d).ok()).find(|d| is_localhost_dns(d)) {
        cli.err(format!("WARNING: Localhost DNS setting (--dns={d}) may fail in containers.\n"));
    }
    // docker/cli create.go parses the image reference before anything else.
    if let Err(e) = baleine_engine::images::Reference::parse(&a.args[0]) {
        cli.err(format!("docker: {}.\nSee 'docker {name} --help'.\n", e.message.trim_end_matches('.')));
        return 125;
    }
    let spec = match spec {
        Ok(s) => s,
        Err(msg) => {
            cli.err(format!("docker: {}.\nSee 'docker {name} --help'.\n", msg.trim_end_matches('.')));
            return 125;
        }
    };
    // Daemon warnings (daemon_unix.go verifyPlatformContainerSettings),
    // printed from the create response.
    let host_ports_warning = spec.network.as_deref() == Some("host") && !spec.ports.is_empty();
    let (_, attach_out, attach_err) = spec.attached_streams();
    let pull_policy = a.value("pull").unwrap_or("missing").to_string();
    if let Err(e) = ensure_image(cli, &spec.image.clone(), a.has("quiet"), &pull_policy) {
        return run_daemon_error(cli, name, &e);
    }
    let detach = a.has("detach");
    let interactive = spec.open_stdin;
    let tty = spec.tty;
    let auto_remove = spec.auto_remove;
    let mut spec = spec;
    // An attached `run -i` given a pipe or a file: the main process reads it.
    if !create_only && !detach && interactive && !tty {
        spec.stdin_data = cli.stdin.take().map(std::sync::Arc::from);
    }
    let id = match cli.world.create_container(spec) {
        Ok(id) => id,
        Err(e) => return run_daemon_error(cli, name, &e),
    };
    if host_ports_warning {
        cli.err("WARNING: Published ports are discarded when using host network mode\n");
    }
    if let Some(f) = a.value("cidfile") {
        let p = cli.host_path(f);
        let host = cli.world.host_tree;
        if let Some(t) = cli.world.forest.get_mut(host) {
            let _ = t.write_text(&p, &id);
        }
    }
    if create_only {
        cli.print(format!("{id}\n"));
        return 0;
    }
    // run.go: without stdout and stderr (`-a stdin`) the ID is printed and
    // the command does not wait for the container.
    let id_only = !detach && !attach_out && !attach_err;
    if id_only {
        cli.print(format!("{id}\n"));
    }
    if !detach {
        // docker/cli run.go attaches before starting (moby ContainerAttach
        // logs "attach").
        let name = cli.world.containers[&id].name.clone();
        cli.world.event("container", "attach", &id, &name, Vec::new());
    }
    let report = match cli.world.start_container(&id) {
        Ok(r) => r,
        Err(e) => {
            let status = run_start_error(cli, &e);
            if auto_remove {
                let _ = cli.world.remove_container(&id, true, true);
            }
            return status;
        }
    };
    if detach || id_only {
        if detach {
            cli.print(format!("{id}\n"));
        }
        if report.exited.is_some() && auto_remove {
            let _ = cli.world.remove_container(&id, true, true);
        }
        return 0;
    }
    // Attached: what the process printed so far, of the attached streams.
    let shown = print_streams_so_far(cli, &id, tty, attach_out, attach_err);
    if let Some(code) = report.exited {
        if auto_remove {
            let _ = cli.world.remove_container(&id, true, true);
        }
        return code;
    }
    let c = &cli.world.containers[&id];
    let main_argv = c.process.as_ref().map(|p| p.argv.clone()).unwrap_or_default();
    if interactive && tty {
        if let Some(p) = &c.process {
            if p.interactive {
                let shell_name = baleine_vfs::basename(main_argv.first().map(String::as_str).unwrap_or("sh")).to_string();
                let ctx = baleine_engine::sys::ExecCtx::for_container(cli.world, &id, baleine_engine::sys::RunMode::Live);
                cli.pending = Some(Pending::Shell(ShellSession::new(cli.world, &id, ctx, &shell_name, true, auto_remove)));
                return 0;
            }
        }
    }
    let name_for_rm = c.name.clone();
    if attach_out && attach_err {
        cli.pending = Some(Pending::Follow(Follow::Attach { cid: id, shown, auto_remove, remove_name: name_for_rm }));
    } else {
        cli.pending = Some(Pending::Follow(Follow::RunAttach { cid: id, shown, auto_remove, stdout: attach_out, stderr: attach_err }));
    }
    0
}

/// docker/cli create.go isLocalhost: the first `--dns` matching
/// `((127\.([0-9]{1,3}\.){2}[0-9]{1,3})|(::1)$)` (unanchored at the start)
/// gets a warning. The values are canonical addresses here.
fn is_localhost_dns(ip: &str) -> bool {
    let b = ip.as_bytes();
    let loop4 = (0..b.len()).any(|i| {
        let Some(rest) = ip.get(i..).and_then(|r| r.strip_prefix("127.")) else { return false };
        let groups: Vec<&str> = rest.splitn(4, '.').collect();
        groups.len() >= 3 && groups[..2].iter().all(|g| (1..=3).contains(&g.len()) && g.bytes().all(|c| c.is_ascii_digit())) && {
            let last: String = groups[2].chars().take_while(char::is_ascii_digit).collect();
            !last.is_empty()
        }
    });
    loop4 || ip.ends_with("::1")
}

/// Applies an operation to each named container, docker-style: prints the
/// name on success; the daemon errors are collected and printed together
/// once every container is done (docker/cli v27.5.1 stop.go, kill.go,
/// rm.go, pause.go, unpause.go, restart.go, update.go: `errs` joined into
/// the command's error); exit 1 if any failed.
fn each(cli: &mut Cli<'_>, names: &[String], op: impl FnMut(&mut Cli<'_>, &str) -> Result<(), EngineError>) -> i32 {
    each_tolerating(cli, names, false, op)
}

/// `each`, where a missing object is reported at once but does not fail
/// the command when `missing_ok` (docker/cli rm.go with --force).
fn each_tolerating(cli: &mut Cli<'_>, names: &[String], missing_ok: bool, mut op: impl FnMut(&mut Cli<'_>, &str) -> Result<(), EngineError>) -> i32 {
    let mut errs = Vec::new();
    for n in names {
        match op(cli, n) {
            Ok(()) => cli.print(format!("{n}\n")),
            Err(e) if missing_ok && e.kind == baleine_engine::ErrorKind::NotFound => cli.daemon_error(&e),
            Err(e) => errs.push(e),
        }
    }
    for e in &errs {
        cli.daemon_error(e);
    }
    i32::from(!errs.is_empty())
}

fn cmd_start(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = Command { path: cpath("docker start"), usage: "[OPTIONS] CONTAINER [CONTAINER...]", short: "Start one or more stopped containers", aliases: &["docker container start", "docker start"], flags: START_FLAGS, stop_at_positional: false, min_args: 1, max_args: usize::MAX };
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    if a.has("attach") || a.has("interactive") {
        // docker/cli v27.5.1 start.go RunStart.
        if a.args.len() > 1 {
            cli.err("you cannot start and attach multiple containers at once\n");
            return 1;
        }
        let n = a.args[0].clone();
        let id = match cli.world.container_id(&n) {
            Ok(id) => id,
            Err(e) => {
                cli.daemon_error(&e);
                return 1;
            }
        };
        // The attach (which checks the detach keys) comes before the start.
        if let Some(e) = a.value("detach-keys").and_then(detach_keys_error) {
            cli.err(format!("Error response from daemon: {e}\n"));
            return 1;
        }
        let before = cli.world.containers[&id].logs.len();
        if let Err(e) = cli.world.start_container(&id) {
            cli.daemon_error(&e);
            return 1;
        }
        let c = &cli.world.containers[&id];
        if a.has("interactive") && c.process.as_ref().is_some_and(|p| p.interactive) {
            let shell_name = baleine_vfs::basename(c.process.as_ref().and_then(|p| p.argv.first()).map(String::as_str).unwrap_or("sh")).to_string();
            let ctx = baleine_engine::sys::ExecCtx::for_container(cli.world, &id, baleine_engine::sys::RunMode::Live);
            cli.pending = Some(Pending::Shell(ShellSession::new(cli.world, &id, ctx, &shell_name, true, false)));
            return 0;
        }
        let mut f = Follow::Attach { cid: id, shown: before, auto_remove: false, remove_name: String::new() };
        let mut out = baleine_shell::Output::new();
        if let Some(code) = crate::follow_tick(cli.world, &mut f, &mut out) {
            cli.out.append(out);
            return code;
        }
        cli.out.append(out);
        cli.pending = Some(Pending::Follow(f));
        return 0;
    }
    let mut failed = Vec::new();
    for n in &a.args {
        match cli.world.start_container(n) {
            Ok(_) => cli.print(format!("{n}\n")),
            Err(e) => {
                cli.daemon_error(&e);
                failed.push(n.clone());
            }
        }
    }
    if failed.is_empty() {
        0
    } else {
        cli.err(format!("Error: failed to start containers: {}\n", failed.join(", ")));
        1
    }
}

fn cmd_stop(cli: &mut Cli<'_>, argv: &[String], restart: bool) -> i32 {
    let cmd = if restart {
        Command { path: cpath("docker restart"), usage: "[OPTIONS] CONTAINER [CONTAINER...]", short: "Restart one or more containers", aliases: &["docker container restart", "docker restart"], flags: STOP_FLAGS, stop_at_positional: false, min_args: 1, max_args: usize::MAX }
    } else {
        Command { path: cpath("docker stop"), usage: "[OPTIONS] CONTAINER [CONTAINER...]", short: "Stop one or more running containers", aliases: &["docker container stop", "docker stop"], flags: STOP_FLAGS, stop_at_positional: false, min_args: 1, max_args: usize::MAX }
    };
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let t = a.value("time").and_then(|v| go_parse_int(v).ok());
    let sig = a.value("signal").map(str::to_string);
    let names = a.args.clone();
    // `-t -1` waits as long as the process runs (moby daemon/stop.go); one
    // that never ends keeps the command waiting until Ctrl+C, which the
    // simulation presses once a following command would (2 minutes).
    let mut errs = Vec::new();
    for n in &names {
        let r = if restart { cli.world.restart_container_with_signal(n, t, sig.as_deref()) } else { cli.world.stop_container_timeout(n, t, sig.as_deref()) };
        match r {
            Ok(true) => cli.print(format!("{n}\n")),
            Ok(false) => {
                cli.print("^C\n");
                return 130;
            }
            Err(e) => errs.push(e),
        }
    }
    for e in &errs {
        cli.daemon_error(e);
    }
    i32::from(!errs.is_empty())
}

fn cmd_kill(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = Command { path: cpath("docker kill"), usage: "[OPTIONS] CONTAINER [CONTAINER...]", short: "Kill one or more running containers", aliases: &["docker container kill", "docker kill"], flags: KILL_FLAGS, stop_at_positional: false, min_args: 1, max_args: usize::MAX };
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let sig = a.value("signal").unwrap_or("KILL").to_string();
    let names = a.args.clone();
    each(cli, &names, |cli, n| cli.world.kill_container(n, &sig))
}

fn cmd_rm(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = Command { path: cpath("docker rm"), usage: "[OPTIONS] CONTAINER [CONTAINER...]", short: "Remove one or more containers", aliases: &["docker container rm", "docker container remove", "docker rm"], flags: RM_FLAGS, stop_at_positional: false, min_args: 1, max_args: usize::MAX };
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let force = a.has("force");
    let vols = a.has("volumes");
    let names = a.args.clone();
    // docker/cli rm.go: with --force, a container that does not exist is
    // reported on stderr but does not fail the command.
    each_tolerating(cli, &names, force, |cli, n| cli.world.remove_container(n, force, vols))
}

pub fn prune(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker container prune", "[OPTIONS]", "Remove all stopped containers", PRUNE_FLAGS, 0, 0);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    if !a.has("force") {
        cli.print("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
        if !crate::confirm_prune(cli, "container", argv) {
            return 0;
        }
    }
    // moby v27.5.1 daemon/prune.go ContainersPrune: matchLabels on Config.Labels.
    let (until, labels) = match crate::cmd_volume::label_until_filters(cli, &a.values("filter"), "docker container prune") {
        Ok(f) => f,
        Err(s) => return s,
    };
    let keep = |c: &Container| until.is_none_or(|u| c.created_ms <= u) && labels.matches(&c.labels);
    // SpaceReclaimed: the writable layers of the removed containers.
    let reclaimed: u64 = cli.world.containers.values().filter(|c| !c.is_running() && keep(c)).map(|c| format::container_rw_size(cli.world, c)).sum();
    let ids = cli.world.prune_containers_where(&keep);
    if !ids.is_empty() {
        cli.print("Deleted Containers:\n");
        for id in &ids {
            cli.print(format!("{id}\n"));
        }
        cli.print("\n");
    }
    let reclaimed = if ids.is_empty() { 0 } else { reclaimed };
    cli.print(format!("Total reclaimed space: {}\n", baleine_engine::util::human_size(reclaimed)));
    0
}

// ---- ps -------------------------------------------------------------------------

fn matches_filter(cli: &Cli<'_>, c: &Container, key: &str, value: &str) -> bool {
    let w = &*cli.world;
    match key {
        "status" => c.state.status.as_str() == value,
        // The daemon matches names with a regular expression (filters.Match);
        // the anchors ^ and $ are what learners use.
        "name" => name_matches(&c.name, value),
        "id" => c.id.starts_with(value),
        "ancestor" => {
            let img = w.image_id(value);
            img.as_deref() == Some(c.image_id.as_str()) || c.spec.image == value
        }
        "label" => match value.split_once('=') {
            Some((k, v)) => c.labels.get(k).is_some_and(|x| x == v),
            None => c.labels.contains_key(value),
        },
        "network" => c.endpoints.keys().any(|n| w.networks.get(n).is_some_and(|n| n.name == value || n.id.starts_with(value))),
        "exited" => c.state.status == Status::Exited && c.state.exit_code.to_string() == value,
        "health" => match &c.state.health {
            Some(h) => h.status == value,
            None => value == "none",
        },
        "volume" => c.mounts.iter().any(|m| m.name == value || m.destination == value),
        "publish" | "expose" => c.ports.iter().any(|p| p.container_port.to_string() == value.split('/').next().unwrap_or("") || p.host_port.to_string() == value),
        "is-task" => value == "false",
        _ => true,
    }
}

/// `--filter name=PATTERN`: a substring match, with `^` and `$` anchors,
/// tried on the daemon's "/name" and on "name" (moby v27.5.1
/// daemon/list.go: filters.Match on container.Name, then without its "/").
fn name_matches(name: &str, pattern: &str) -> bool {
    let bare = name.strip_prefix('/').unwrap_or(name);
    anchored_match(bare, pattern) || anchored_match(&format!("/{bare}"), pattern)
}

/// A name filter's pattern as the daemon's filters.Match sees the usual
/// ones: a substring, optionally anchored with `^` and `$`.
pub(crate) fn anchored_match(name: &str, pattern: &str) -> bool {
    let (start, p) = match pattern.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let (end, p) = match p.strip_suffix('$') {
        Some(rest) => (true, rest),
        None => (false, p),
    };
    match (start, end) {
        (true, true) => name == p,
        (true, false) => name.starts_with(p),
        (false, true) => name.ends_with(p),
        (false, false) => name.contains(p),
    }
}

fn cmd_ps(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = Command { path: cpath("docker ps"), usage: "[OPTIONS]", short: "List containers", aliases: &["docker container ls", "docker container list", "docker container ps", "docker ps"], flags: PS_FLAGS, stop_at_positional: false, min_args: 0, max_args: 0 };
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // moby daemon/list.go acceptedPsFilterTags, then each value's check.
    let accepted = ["status", "name", "id", "ancestor", "label", "network", "exited", "health", "volume", "publish", "expose", "before", "since", "is-task"];
    let filters = match crate::parse_filters(cli, &a.values("filter"), &accepted, "docker ps") {
        Ok(f) => f,
        Err(s) => return s,
    };
    for (k, v) in &filters {
        let err = match k.as_str() {
            "exited" if v.parse::<i64>().is_err() => format!("invalid filter 'exited={v}': strconv.Atoi: parsing \"{v}\": invalid syntax"),
            "health" if !matches!(v.as_str(), "starting" | "healthy" | "unhealthy" | "none") => format!("unrecognized filter value for health: {v}"),
            "status" if !matches!(v.as_str(), "created" | "restarting" | "running" | "removing" | "paused" | "exited" | "dead") => format!("invalid filter 'status={v}'"),
            _ => continue,
        };
        cli.err(format!("Error response from daemon: {err}\n"));
        return 1;
    }
    if let Some(f) = a.value("format").filter(|f| !f.is_empty()) {
        if a.has("quiet") {
            cli.err("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
        } else if let Err(msg) = validate_ps_format(f) {
            cli.err(format!("{msg}\n"));
            return 1;
        }
    }
    let last = a.value("last").and_then(|n| n.parse::<i64>().ok()).unwrap_or(-1);
    // moby daemon/list.go foldFilter: only a status filter implies --all.
    let all = a.has("all") || a.has("latest") || last > 0 || filters.iter().any(|(k, _)| k == "status");
    // Newest first; equal creation times: the later created first.
    let mut rows: Vec<(usize, &Container)> = cli.world.containers.values().enumerate().collect();
    baleine_util::sort_by(&mut rows, |x, y| y.1.created_ms.cmp(&x.1.created_ms).then(y.0.cmp(&x.0)));
    let mut rows: Vec<&Container> = rows.into_iter().map(|(_, c)| c).collect();
    rows.retain(|c| all || c.is_running());
    // Filters: same key OR, different keys AND.
    let mut keys: Vec<&str> = filters.iter().map(|(k, _)| k.as_str()).collect();
    keys.dedup();
    rows.retain(|c| keys.iter().all(|k| filters.iter().filter(|(fk, _)| fk == k).any(|(fk, v)| matches_filter(cli, c, fk, v))));
    if a.has("latest") {
        rows.truncate(1);
    }
    if last > 0 {
        rows.truncate(last as usize);
    }
    let trunc = !a.has("no-trunc");
    if a.has("quiet") {
        let ids: Vec<String> = rows.iter().map(|c| if trunc { c.id[..12].to_string() } else { c.id.clone() }).collect();
        for id in ids {
            cli.print(format!("{id}\n"));
        }
        return 0;
    }
    // docker/cli list.go asks for sizes when the template uses .Size, which
    // `{{json .}}` (and the `json` format) do.
    let with_size = a.has("size")
        || (!a.present("size")
            && a.value("format").is_some_and(|f| {
                let compact: String = f.chars().filter(|c| !c.is_whitespace()).collect();
                f.contains(".Size") || compact == "json" || compact.contains("json.}}")
            }));
    let mut images: std::collections::HashMap<(&str, &str), String> = std::collections::HashMap::new();
    // The default table without a template round trip (the common case,
    // and the one that must stay fast with many containers).
    if a.value("format").is_none() && !with_size {
        let mut text = String::with_capacity(128 * (rows.len() + 1));
        text.push_str("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n");
        for c in &rows {
            let image = images.entry((c.spec.image.as_str(), c.image_id.as_str())).or_insert_with(|| format::container_image(cli.world, c)).clone();
            let now = cli.world.now_ms;
            let id = if trunc { &c.id[..12] } else { c.id.as_str() };
            text.push_str(&format!("{id}\t{image}\t{}\t{}\t{}\t{}\t{}\n", format::command_column(c, trunc), format::ago(now, c.created_ms), format::status_string(c, now), format::ports_string_in(cli.world, c), c.name));
        }
        cli.print(crate::tabwriter::docker_table(&text));
        return 0;
    }
    let data: Vec<Value> = rows
        .iter()
        .map(|c| {
            let image = images.entry((c.spec.image.as_str(), c.image_id.as_str())).or_insert_with(|| format::container_image(cli.world, c)).clone();
            format::ps_row_with_image(cli.world, c, trunc, with_size, &image)
        })
        .collect();
    let default = if a.has("size") { "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}\t{{.Size}}" } else { "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}" };
    let fmt = a.value("format").unwrap_or(default).to_string();
    crate::render_format(cli, &fmt, &data, &ps_header, Some("ID"))
}

/// docker/cli list.go buildContainerListOptions: the template is parsed and
/// run once on an empty container before anything is listed.
fn validate_ps_format(format: &str) -> Result<(), String> {
    if format == "json" || format == "table" {
        return Ok(());
    }
    let fmt = crate::gotmpl::unescape_format(format);
    let body = crate::gotmpl::strip_table(&fmt).to_string();
    let t = crate::gotmpl::parse(&body).map_err(|e| format!("failed to parse template: {e}"))?;
    let sample = serde_json::json!({
        "Command": "", "CreatedAt": "", "ID": "", "Image": "", "Labels": "", "LocalVolumes": "", "Mounts": "",
        "Names": "", "Networks": "", "Ports": "", "RunningFor": "", "Size": "", "State": "", "Status": "",
    });
    match t.execute_strict(&sample) {
        Ok(_) => Ok(()),
        Err(e) => match e.split_once("map has no entry for key \"") {
            Some((head, key)) => {
                let key = key.trim_end_matches('"');
                Err(format!("failed to execute template: {head}can't evaluate field {key} in type *formatter.ContainerContext"))
            }
            // Methods with arguments (.Label "k") are not modelled by the sample.
            None => Ok(()),
        },
    }
}

pub fn ps_header(field: &str) -> Option<String> {
    Some(
        match field {
            "ID" => "CONTAINER ID",
            "Image" => "IMAGE",
            "Command" => "COMMAND",
            "CreatedAt" => "CREATED AT",
            "RunningFor" => "CREATED",
            "Ports" => "PORTS",
            "State" => "STATE",
            "Status" => "STATUS",
            "Size" => "SIZE",
            "Names" => "NAMES",
            "Labels" => "LABELS",
            "Mounts" => "MOUNTS",
            "Networks" => "NETWORKS",
            "LocalVolumes" => "LOCAL VOLUMES",
            _ => return None,
        }
        .to_string(),
    )
}

// ---- logs -------------------------------------------------------------------------

/// A time as the client's timetypes.GetTimestamp reads it: a duration
/// before now, an RFC 3339 date (or date only), or Unix seconds; `Err`
/// holds its message for what is none of these. Times are world
/// milliseconds (`now_ms` is the world's clock).
pub(crate) fn timestamp_ms(now_ms: u64, epoch_secs: u64, s: &str) -> Result<u64, String> {
    if let Some(ms) = parse_duration_ms(s).filter(|_| s.chars().any(|c| c.is_ascii_alphabetic())) {
        return Ok(now_ms.saturating_sub(ms));
    }
    // Go's time.ParseDuration takes a sign: `-5s` is five seconds from now.
    if let Some(ms) = s.strip_prefix('-').and_then(parse_duration_ms).filter(|_| s.chars().any(|c| c.is_ascii_alphabetic())) {
        return Ok(now_ms.saturating_add(ms));
    }
    if let Some(ms) = s.strip_prefix('+').and_then(parse_duration_ms).filter(|_| s.chars().any(|c| c.is_ascii_alphabetic())) {
        return Ok(now_ms.saturating_sub(ms));
    }
    if let Some(e) = date_range_error(s) {
        return Err(e);
    }
    let secs = baleine_engine::util::parse_rfc3339(s).or_else(|| s.split('.').next().and_then(|x| x.parse::<u64>().ok()));
    match secs {
        Some(secs) => Ok(secs.saturating_sub(epoch_secs) * 1000),
        None => Err(format!("failed to parse value as time or duration: \"{s}\"")),
    }
}

/// Go's time.Parse range errors for a well-formed date whose fields are
/// out of range (`parsing time "2024-13-01": month out of range`); the
/// client's GetTimestamp returns them as they are for a value with a dash.
fn date_range_error(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> { s.get(r).filter(|x| x.bytes().all(|c| c.is_ascii_digit())).and_then(|x| x.parse().ok()) };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let what = if !(1..=12).contains(&mo) {
        "month"
    } else if !(1..=31).contains(&d) {
        "day"
    } else {
        let time = s.get(10..).and_then(|t| t.strip_prefix('T'));
        let field = |i: usize| time.and_then(|t| t.get(i * 3..i * 3 + 2)).and_then(|x| x.parse::<u32>().ok());
        if field(0).is_some_and(|h| h > 23) {
            "hour"
        } else if field(1).is_some_and(|m| m > 59) {
            "minute"
        } else if field(2).is_some_and(|x| x > 59) {
            "second"
        } else {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match mo {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if d <= days {
                return None;
            }
            "day"
        }
    };
    Some(format!("parsing time {}: {what} out of range", baleine_util::go::quote(s)))
}

/// `--since` / `--until` of `docker logs`: `timestamp_ms`, its error named
/// after the flag (the API client's ContainerLogs).
pub(crate) fn log_time_ms(now_ms: u64, epoch_secs: u64, flag: &str, s: &str) -> Result<u64, String> {
    timestamp_ms(now_ms, epoch_secs, s).map_err(|e| format!("invalid value for \"{flag}\": {e}"))
}

/// The `--since` and `--until` bounds of `docker logs` / `docker compose
/// logs`, read as the API client's ContainerLogs does (since first).
pub fn log_bounds(cli: &Cli<'_>, a: &Args) -> Result<(Option<u64>, Option<u64>), String> {
    // client/container_logs.go: an empty value sets no bound.
    let bound = |flag: &str| a.value(flag).filter(|s| !s.is_empty()).map(|s| log_time_ms(cli.world.now_ms, cli.world.epoch_secs, flag, s)).transpose();
    Ok((bound("since")?, bound("until")?))
}

fn cmd_logs(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = Command { path: cpath("docker logs"), usage: "[OPTIONS] CONTAINER", short: "Fetch the logs of a container", aliases: &["docker container logs", "docker logs"], flags: LOGS_FLAGS, stop_at_positional: false, min_args: 1, max_args: 1 };
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let id = match cli.world.container_id(&a.args[0]) {
        Ok(id) => id,
        Err(e) => {
            cli.daemon_error(&e);
            return 1;
        }
    };
    let logs = cli.world.logs_until_now(&id);
    let (since, until) = match log_bounds(cli, &a) {
        Ok(b) => b,
        Err(e) => {
            cli.err(format!("{e}\n"));
            return 1;
        }
    };
    // moby daemon/logs.go ContainerLogs: a container logging to "none" has
    // nothing to read back (logger.ErrReadLogsNotSupported).
    if cli.world.containers.get(&id).is_some_and(|c| c.spec.log_driver.as_deref() == Some("none")) {
        cli.err("Error response from daemon: configured logging driver does not support reading\n");
        return 1;
    }
    let mut sel: Vec<&LogEntry> = logs.iter().filter(|l| since.is_none_or(|s| l.ms >= s) && until.is_none_or(|u| l.ms <= u)).collect();
    if let Some(t) = a.value("tail") {
        if t != "all" {
            match t.parse::<i64>() {
                Ok(n) if n >= 0 => {
                    let n = n as usize;
                    if sel.len() > n {
                        sel.drain(..sel.len() - n);
                    }
                }
                _ => {}
            }
        }
    }
    let ts = a.has("timestamps");
    let epoch = cli.world.epoch_secs;
    // httputils.WriteLogStream: --details puts the (here empty) log
    // attributes and a space before each line, then the timestamp.
    let details = if a.has("details") { format!("{} ", cli.world.containers.get(&id).map(log_attrs).unwrap_or_default()) } else { String::new() };
    let lines: Vec<(bool, String)> = sel.iter().map(|l| (l.stderr, if ts { format!("{} {details}{}\n", baleine_engine::util::rfc3339_nanos(l.ms, epoch), l.line) } else { format!("{details}{}\n", l.line) })).collect();
    // A TTY merges both streams into one (stdout).
    let tty = cli.world.containers.get(&id).is_some_and(|c| c.spec.tty);
    for (stderr, l) in lines {
        if stderr && !tty {
            cli.err(l);
        } else {
            cli.print(l);
        }
    }
    if a.has("follow") && cli.world.containers[&id].is_running() {
        cli.pending = Some(Pending::Follow(Follow::Logs { cid: id, shown: logs.len(), timestamps: ts }));
    }
    0
}

/// The attributes a json-file log line carries (moby daemon/logger
/// loginfo.go ExtraAttributes: the `labels` and `env` log options name
/// container labels and variables), as httputils attrsByteSlice writes
/// them for `--details`: sorted by key, query-escaped, comma-separated.
fn log_attrs(c: &Container) -> String {
    let mut attrs: Vec<(String, String)> = Vec::new();
    let names = |k: &str| c.spec.log_opts.get(k).map(|v| v.split(',').map(str::to_string).collect::<Vec<_>>()).unwrap_or_default();
    for l in names("labels") {
        if let Some(v) = c.labels.get(&l) {
            attrs.retain(|(k, _)| *k != l);
            attrs.push((l.clone(), v.clone()));
        }
    }
    for e in names("env") {
        if let Some(v) = c.env.iter().rev().find_map(|x| x.strip_prefix(&format!("{e}="))) {
            attrs.retain(|(k, _)| *k != e);
            attrs.push((e.clone(), v.to_string()));
        }
    }
    baleine_util::sort_by(&mut attrs, |a, b| a.0.cmp(&b.0));
    let esc = |s: &str| -> String {
        let mut o = String::new();
        for b in s.bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => o.push(b as char),
                b' ' => o.push('+'),
                _ => o.push_str(&format!("%{b:02X}")),
            }
        }
        o
    };
    attrs.iter().map(|(k, v)| format!("{}={}", esc(k), esc(v))).collect::<Vec<_>>().join(",")
}

// ---- exec ---------------------------------------------------------------------------

fn cmd_exec(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = Command { path: cpath("docker exec"), usage: "[OPTIONS] CONTAINER COMMAND [ARG...]", short: "Execute a command in a running container", aliases: &["docker container exec", "docker exec"], flags: EXEC_FLAGS, stop_at_positional: false, min_args: 2, max_args: usize::MAX };
    // Flags stop after CONTAINER: split manually.
    let mut split = argv.len();
    let mut i = 0;
    while i < argv.len() {
        let x = &argv[i];
        if x == "--" {
            split = i;
            break;
        }
        if x.starts_with('-') && x.len() > 1 {
            let takes = EXEC_FLAGS.iter().any(|f| f.takes_value() && (x == &format!("--{}", f.long) || (f.short.is_some() && x.len() == 2 && x.ends_with(f.short.unwrap_or(' '))) || (x.starts_with('-') && !x.starts_with("--") && x.ends_with(f.short.unwrap_or('\0')) && f.short.is_some())));
            i += if takes && !x.contains('=') { 2 } else { 1 };
            continue;
        }
        split = i + 1;
        break;
    }
    let (flags_part, rest) = argv.split_at(split.min(argv.len()));
    let a = match crate::args::parse(&Command { stop_at_positional: true, ..cmd }, flags_part) {
        Ok(a) if a.help => {
            cli.print(crate::args::help(&cmd));
            return 0;
        }
        Ok(a) => a,
        Err(msg) => {
            cli.err(format!("{msg}\nSee '{} --help'.\n", cmd.path));
            return 125;
        }
    };
    // opts.ValidateEnv checks -e while the flags are parsed.
    if let Some(e) = a.values("env").into_iter().find(|e| e.split('=').next().unwrap_or("").is_empty()) {
        cli.err(format!("invalid argument {} for \"-e, --env\" flag: invalid environment variable: {e}\nSee '{} --help'.\n", baleine_util::go::quote(e), cmd.path));
        return 125;
    }
    let mut positional = a.args.clone();
    positional.extend(rest.iter().filter(|x| *x != "--").cloned());
    if positional.len() < 2 {
        cli.err(format!("{}\n", crate::args::arg_count_error(&cmd, positional.len()).unwrap_or_default()));
        return 1;
    }
    let target = positional[0].clone();
    let command: Vec<String> = positional[1..].to_vec();
    let mut env: Vec<String> = Vec::new();
    for f in a.values("env-file") {
        match read_env_file(cli, f) {
            Ok(v) => env.extend(v),
            Err(e) => {
                cli.err(format!("{e}\n"));
                return 1;
            }
        }
    }
    for e in a.values("env") {
        if e.contains('=') {
            env.push(e.to_string());
        } else if let Some(v) = cli.getenv(e) {
            env.push(format!("{e}={v}"));
        } else {
            // opts.ValidateEnv keeps a name the client does not have; the
            // daemon then unsets it in the exec.
            env.push(e.to_string());
        }
    }
    let spec = ExecSpec { argv: command.clone(), env, workdir: a.value("workdir").map(str::to_string), user: a.value("user").map(str::to_string), tty: a.has("tty"), interactive: a.has("interactive") };
    // docker/cli exec.go RunExec: after the container is inspected (so
    // "No such container" comes first), streams.In.CheckTty refuses -it when
    // the client's stdin is redirected or piped; -d skips the check.
    if let Err(e) = cli.world.container_id(&target) {
        cli.daemon_error(&e);
        return 1;
    }
    if spec.tty && spec.interactive && !a.has("detach") && cli.stdin.is_some() {
        cli.err("the input device is not a TTY\n");
        return 1;
    }
    let id = match cli.world.exec_check(&target) {
        Ok(id) => id,
        Err(e) => {
            cli.daemon_error(&e);
            return 1;
        }
    };
    let interactive = spec.interactive;
    let exe = baleine_vfs::basename(&command[0]).to_string();
    let is_shell = baleine_engine::programs::is_shell_invocation(&command);
    // A database client opens its prompt only when it is not given a
    // command to run (`psql -c`, `mysql -e`, `redis-cli PING`, `mongosh --eval`).
    let client_prompt = match exe.as_str() {
        "psql" => !command.iter().any(|x| x == "-c" || x == "-f" || x.starts_with("--command")),
        "mysql" | "mariadb" => !command.iter().any(|x| x == "-e" || x.starts_with("--execute")),
        "redis-cli" => {
            let mut i = 1;
            let mut positional = false;
            while i < command.len() {
                if matches!(command[i].as_str(), "-h" | "-p" | "-a" | "-n" | "-u") {
                    i += 2;
                    continue;
                }
                if !command[i].starts_with('-') {
                    positional = true;
                }
                i += 1;
            }
            !positional
        }
        "mongosh" | "mongo" => !command.iter().any(|x| x == "--eval"),
        _ => false,
    };
    if interactive && (is_shell || client_prompt) && cli.stdin.is_none() {
        let ctx = cli.world.exec_ctx(&id, &spec);
        if let Err(e) = baleine_engine::sys::resolve_executable(cli.world, &ctx, &command[0]) {
            let _ = e;
            cli.err(format!("OCI runtime exec failed: exec failed: unable to start container process: exec: \"{}\": executable file not found in $PATH: unknown\n", command[0]));
            return 126;
        }
        // The server a client talks to: this container, or the one `-h` names.
        let server = {
            let host = command.iter().position(|x| x == "-h").and_then(|i| command.get(i + 1)).map(String::as_str).unwrap_or("localhost");
            let w = &*cli.world;
            match host {
                "localhost" | "127.0.0.1" => id.clone(),
                h => w.containers.values().find(|c| c.name == h || c.endpoints.values().any(|e| e.aliases.iter().any(|a| a == h))).map_or_else(|| id.clone(), |c| c.id.clone()),
            }
        };
        let os_user = if ctx.user.is_empty() { "root".to_string() } else { ctx.user.split(':').next().unwrap_or("root").to_string() };
        let psql = baleine_engine::clients::PsqlOptions::parse(command.get(1..).unwrap_or_default(), &ctx.env, &os_user);
        let mut session = ShellSession::new(cli.world, &id, ctx, &exe, false, false);
        if !is_shell {
            // Check the server is reachable first.
            let (out, status) = match cli.world.exec(&id, &spec) {
                Ok(r) => r,
                Err(e) => {
                    cli.err(format!("{}\n", e.message));
                    return 126;
                }
            };
            if status != 0 {
                cli.out.append(out);
                return status;
            }
            session.client = Some(match exe.as_str() {
                "psql" => {
                    cli.print("psql (15.10 (Debian 15.10-1.pgdg120+1))\nType \"help\" for help.\n\n");
                    Client::Psql { db: psql.db, user: psql.user, server }
                }
                "redis-cli" => Client::Redis { host: "127.0.0.1".into(), server },
                "mysql" | "mariadb" => {
                    cli.print("Welcome to the MySQL monitor.  Commands end with ; or \\g.\nServer version: 8.4.3 MySQL Community Server - GPL\n\nType 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n");
                    Client::Mysql
                }
                _ => Client::Mongo,
            });
        }
        cli.pending = Some(Pending::Shell(session));
        return 0;
    }
    if a.has("detach") {
        let _ = cli.world.exec(&id, &spec);
        return 0;
    }
    // -i attaches the client's stdin: piped or redirected bytes reach the
    // command (without -i the exec's stdin is closed).
    let input = if interactive { cli.stdin.take() } else { None };
    match cli.world.exec_input(&id, &spec, input.as_deref()) {
        Ok((out, status)) => {
            cli.out.append(out);
            status
        }
        Err(e) => {
            match e.kind {
                baleine_engine::ErrorKind::CommandNotFound | baleine_engine::ErrorKind::CommandNotInvokable => {
                    cli.err(format!("{}\n", e.message));
                    126
                }
                _ => {
                    cli.daemon_error(&e);
                    1
                }
            }
        }
    }
}

fn cmd_pause(cli: &mut Cli<'_>, argv: &[String], pause: bool) -> i32 {
    let cmd = if pause {
        simple("docker pause", "CONTAINER [CONTAINER...]", "Pause all processes within one or more containers", NONE, 1, usize::MAX)
    } else {
        simple("docker unpause", "CONTAINER [CONTAINER...]", "Unpause all processes within one or more containers", NONE, 1, usize::MAX)
    };
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let names = a.args.clone();
    each(cli, &names, |cli, n| if pause { cli.world.pause_container(n) } else { cli.world.unpause_container(n) })
}

fn cmd_rename(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker rename", "CONTAINER NEW_NAME", "Rename a container", NONE, 2, 2);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // docker/cli rename.go checks the trimmed names before the daemon.
    let (old, new) = (a.args[0].trim(), a.args[1].trim());
    if old.is_empty() || new.is_empty() {
        cli.err("Error: Neither old nor new names may be empty\n");
        return 1;
    }
    match cli.world.rename_container(old, new) {
        Ok(()) => 0,
        Err(e) => {
            cli.daemon_error(&e);
            cli.err(format!("Error: failed to rename container named {old}\n"));
            1
        }
    }
}

fn cmd_wait(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker wait", "CONTAINER [CONTAINER...]", "Block until one or more containers stop, then print their exit codes", WAIT_FLAGS, 1, usize::MAX);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let mut status = 0;
    // docker/cli wait.go: the errors are printed together at the end.
    let mut errs = Vec::new();
    for n in a.args.clone() {
        let id = match cli.world.container_id(&n) {
            Ok(id) => id,
            Err(e) => {
                errs.push(e);
                status = 1;
                continue;
            }
        };
        // Let simulated time pass until it stops (at most a day).
        let deadline = cli.world.now_ms + 24 * 3600 * 1000;
        while cli.world.containers.get(&id).is_some_and(|c| c.is_running()) {
            match cli.world.next_event_ms() {
                Some(t) if t <= deadline => cli.world.advance_to(t),
                _ => break,
            }
        }
        match cli.world.containers.get(&id) {
            Some(c) if c.is_running() => {
                cli.err(format!("baleine: {n} keeps running (nothing will stop it); docker wait would block until you stop it.\n"));
                status = 1;
            }
            Some(c) => cli.print(format!("{}\n", c.state.exit_code)),
            None => cli.print("0\n"),
        }
    }
    for e in &errs {
        cli.daemon_error(e);
    }
    status
}

/// moby v27.5.1 daemon/top_unix.go validatePSArgs: a ps format key other
/// than `pid` may not be renamed to PID (`\s+([^\s]*)=\s*(PID[^\s]*)`),
/// or the daemon could not find the PID column.
fn validate_ps_args(ps_args: &str) -> Result<(), String> {
    let tokens: Vec<(usize, &str)> = ps_args.split(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')).scan(0usize, |pos, t| {
        let start = *pos;
        *pos += t.len() + 1;
        Some((start, t))
    }).filter(|(_, t)| !t.is_empty()).collect();
    for (i, &(start, token)) in tokens.iter().enumerate() {
        // The key must follow whitespace.
        if start == 0 {
            continue;
        }
        let next = tokens.get(i + 1).map(|t| t.1);
        // The longest key whose rest reads `=`, blanks, then PID...
        let found = token.char_indices().rev().filter(|(_, c)| *c == '=').find_map(|(eq, _)| {
            let rest = &token[eq + 1..];
            let value = if rest.is_empty() { next.filter(|n| n.starts_with("PID"))? } else if rest.starts_with("PID") { rest } else { return None };
            Some((&token[..eq], value))
        });
        if let Some((key, value)) = found {
            if key != "pid" {
                return Err(format!("specifying \"{key}={value}\" is not allowed"));
            }
        }
    }
    Ok(())
}

fn cmd_top(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    // top.go: flags.SetInterspersed(false), what follows CONTAINER is for ps.
    let cmd = Command { stop_at_positional: true, ..simple("docker top", "CONTAINER [ps OPTIONS]", "Display the running processes of a container", TOP_FLAGS, 1, usize::MAX) };
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // The daemon checks the ps arguments before it looks for the container.
    if let Err(e) = validate_ps_args(&a.args[1..].join(" ")) {
        cli.err(format!("Error response from daemon: {e}\n"));
        return 1;
    }
    let c = match cli.world.container(&a.args[0]) {
        Ok(c) => c.clone(),
        Err(e) => {
            cli.daemon_error(&e);
            return 1;
        }
    };
    if !c.is_running() {
        cli.err(format!("Error response from daemon: container {} is not running\n", c.id));
        return 1;
    }
    let user = if c.user.is_empty() { "root".to_string() } else { c.user.clone() };
    let stime = {
        let (_, _, _, h, m, _, _) = baleine_engine::util::civil(cli.world.epoch_secs + c.state.started_ms.unwrap_or(0) / 1000);
        format!("{h:02}:{m:02}")
    };
    // What `ps -ef` shows: an entrypoint script has exec'ed the program, and
    // nginx renames its master process.
    let mut argv: Vec<String> = c.process.as_ref().map(|p| p.argv.clone()).unwrap_or_default();
    let init = argv.first().is_some_and(|a| a == "/sbin/docker-init");
    let mut program: Vec<String> = if init { argv.iter().skip(2).cloned().collect() } else { std::mem::take(&mut argv) };
    if program.len() > 1 && baleine_vfs::basename(&program[0]) == "docker-entrypoint.sh" {
        program.remove(0);
    }
    let nginx = c.process.as_ref().and_then(|p| p.server.as_deref()) == Some("nginx");
    let program_line = if nginx { format!("nginx: master process {}", program.join(" ")) } else { program.join(" ") };
    let pid = c.state.pid;
    let proc = |user: &str, pid: u32, ppid: u32, cmd: String| TopProc { user: user.to_string(), pid, ppid, cmd };
    let mut procs = Vec::new();
    let main_pid = if init {
        procs.push(proc(&user, pid, pid.saturating_sub(25), format!("/sbin/docker-init -- {}", program.join(" "))));
        procs.push(proc(&user, pid + 21, pid, program_line));
        pid + 21
    } else {
        procs.push(proc(&user, pid, pid.saturating_sub(25), program_line));
        pid
    };
    if nginx {
        for k in 1..=2 {
            procs.push(proc("101", main_pid + 40 + k, main_pid, "nginx: worker process".into()));
        }
    }
    let tty = if c.spec.tty { "pts/0" } else { "?" };
    match top_table(&procs, &a.args[1..], &stime, tty) {
        // docker/cli top.go: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0).
        Ok(text) => {
            cli.print(crate::tabwriter::tabwrite(&text, 20, 1, 3, ' ', false));
            0
        }
        Err(e) => {
            cli.err(format!("Error response from daemon: {e}\n"));
            1
        }
    }
}

/// A process of `docker top`.
struct TopProc {
    user: String,
    pid: u32,
    ppid: u32,
    cmd: String,
}

/// What the host's `ps ARGS` prints of the container's processes (moby
/// daemon/top_unix.go: `-ef` by default, a PID column required), as
/// tab-separated rows. Handles `-ef`-like, `aux` and `-o`/`-eo` lists.
fn top_table(procs: &[TopProc], args: &[String], stime: &str, tty: &str) -> Result<String, String> {
    let mut columns: Vec<String> = Vec::new();
    let mut it = args.iter().peekable();
    let mut bsd = false;
    while let Some(a) = it.next() {
        if let Some(list) = a.strip_prefix("-o").or_else(|| a.strip_prefix("-eo")).or_else(|| a.strip_prefix("--format")) {
            let list = if list.is_empty() { it.next().map(String::as_str).unwrap_or("") } else { list.trim_start_matches('=') };
            columns.extend(list.split(',').filter(|c| !c.is_empty()).map(str::to_string));
        } else if !a.starts_with('-') && a.contains('u') {
            bsd = true;
        }
    }
    let columns: Vec<String> = if !columns.is_empty() {
        columns
    } else if bsd {
        ["user", "pid", "%cpu", "%mem", "vsz", "rss", "tty", "stat", "start", "time", "command"].map(String::from).to_vec()
    } else {
        ["uid", "pid", "ppid", "c", "stime", "tty", "time", "cmd"].map(String::from).to_vec()
    };
    let field = |p: &TopProc, col: &str| -> Option<(&'static str, String)> {
        let program = p.cmd.split(' ').next().unwrap_or("");
        Some(match col {
            "pid" => ("PID", p.pid.to_string()),
            "ppid" => ("PPID", p.ppid.to_string()),
            "user" | "euser" => ("USER", p.user.clone()),
            "uid" => ("UID", p.user.clone()),
            "c" => ("C", "0".into()),
            "%cpu" | "pcpu" => ("%CPU", "0.0".into()),
            "%mem" | "pmem" => ("%MEM", "0.0".into()),
            "vsz" => ("VSZ", "1624".into()),
            "rss" => ("RSS", "932".into()),
            "tty" | "tname" => ("TTY", tty.into()),
            "tt" => ("TT", tty.into()),
            "stat" => ("STAT", "Ss".into()),
            "stime" | "start_time" => ("STIME", stime.into()),
            "start" => ("START", stime.into()),
            "time" | "cputime" => ("TIME", if bsd { "0:00".into() } else { "00:00:00".into() }),
            "etime" => ("ELAPSED", "00:00".into()),
            "comm" | "ucomm" => ("COMMAND", baleine_vfs::basename(program).trim_end_matches(':').to_string()),
            "args" | "command" => ("COMMAND", p.cmd.clone()),
            "cmd" => ("CMD", p.cmd.clone()),
            _ => return None,
        })
    };
    let probe = TopProc { user: String::new(), pid: 0, ppid: 0, cmd: String::new() };
    let titles: Vec<&str> = columns.iter().filter_map(|c| field(&probe, c).map(|(t, _)| t)).collect();
    if !titles.contains(&"PID") {
        return Err("Couldn't find PID field in ps output".into());
    }
    let mut text = titles.join("\t") + "\n";
    for p in procs {
        let row: Vec<String> = columns.iter().filter_map(|c| field(p, c).map(|(_, v)| v)).collect();
        text.push_str(&(row.join("\t") + "\n"));
    }
    Ok(text)
}

/// The `docker stats` table (also used by the live view).
pub fn stats_table(world: &baleine_engine::World, ids: &[String], all: bool) -> String {
    stats_table_trunc(world, ids, all, true)
}

/// `stats_table`, with full container ids for `--no-trunc`.
fn stats_table_trunc(world: &baleine_engine::World, ids: &[String], all: bool, trunc: bool) -> String {
    let mut text = String::from("CONTAINER ID\tNAME\tCPU %\tMEM USAGE / LIMIT\tMEM %\tNET I/O\tBLOCK I/O\tPIDS\n");
    for v in stats_values_trunc(world, ids, all, trunc) {
        let f = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        text.push_str(&format!("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", f("ID"), f("Name"), f("CPUPerc"), f("MemUsage"), f("MemPerc"), f("NetIO"), f("BlockIO"), f("PIDs")));
    }
    crate::tabwriter::docker_table(&text)
}

/// One value per container for `docker stats --format` (the fields of
/// docker/cli container/formatter_stats.go, keys sorted as `{{json .}}` prints them).
/// Without `trunc` (`--no-trunc`) the ID is the full one
/// (docker/cli v27.5.1 container/formatter_stats.go statsContext.ID).
fn stats_values_trunc(world: &baleine_engine::World, ids: &[String], all: bool, trunc: bool) -> Vec<Value> {
    let host_mem = 25_190_000_000u64;
    let list: Vec<(String, &Container)> = if ids.is_empty() {
        world.containers.values().filter(|c| all || c.is_running()).map(|c| (c.id[..12].to_string(), c)).collect()
    } else {
        ids.iter().filter_map(|i| world.container(i).ok().map(|c| (i.clone(), c))).collect()
    };
    let mut out = Vec::new();
    for (shown, c) in list {
        let running = c.state.status == Status::Running;
        let base = match c.process.as_ref().and_then(|p| p.server.as_deref()) {
            Some("nginx") => 7_800_000u64,
            Some("postgres") => 38_000_000,
            Some("mysql") => 420_000_000,
            Some("redis") => 9_500_000,
            Some("node") => 45_000_000,
            Some("python") => 32_000_000,
            Some("elasticsearch") => 1_200_000_000,
            Some(_) => 25_000_000,
            None => 600_000,
        };
        let mem = if running { base + baleine_engine::programs::pseudo_size(&format!("{}{}", c.id, world.now_ms / 1000), 0, base / 20 + 1) } else { 0 };
        // A container that is not running gets empty stats from the daemon
        // (moby v27.5.1 daemon/stats.go ContainerStats): no limit either.
        let limit = if !running {
            0
        } else if c.spec.memory > 0 {
            c.spec.memory
        } else {
            host_mem
        };
        let cpu = if running { (baleine_engine::programs::pseudo_size(&format!("cpu{}{}", c.id, world.now_ms / 1000), 0, 300) as f64) / 100.0 } else { 0.0 };
        let cpu = if c.spec.nano_cpus > 0 { cpu.min(c.spec.nano_cpus as f64 / 1e7) } else { cpu };
        let pids = if running {
            if c.process.as_ref().and_then(|p| p.server.as_deref()) == Some("nginx") {
                3
            } else {
                1
            }
        } else {
            0
        };
        out.push(serde_json::json!({
            "BlockIO": format!("{} / {}", baleine_engine::util::human_size(0), baleine_engine::util::human_size(if running { 8_190 } else { 0 })),
            "CPUPerc": format!("{cpu:.2}%"),
            "Container": shown,
            "ID": if trunc { c.id[..12.min(c.id.len())].to_string() } else { c.id.clone() },
            "MemPerc": format!("{:.2}%", if limit == 0 { 0.0 } else { mem as f64 * 100.0 / limit as f64 }),
            "MemUsage": format!("{} / {}", bytes_size(mem), bytes_size(limit)),
            "Name": c.name.clone(),
            "NetIO": format!("{} / {}", baleine_engine::util::human_size(if running { 1_200 + world.now_ms / 100 } else { 0 }), baleine_engine::util::human_size(0)),
            "PIDs": pids.to_string(),
        }));
    }
    out
}

fn stats_header(field: &str) -> Option<String> {
    Some(
        match field {
            "Container" => "CONTAINER",
            "ID" => "CONTAINER ID",
            "Name" => "NAME",
            "CPUPerc" => "CPU %",
            "MemUsage" => "MEM USAGE / LIMIT",
            "MemPerc" => "MEM %",
            "NetIO" => "NET I/O",
            "BlockIO" => "BLOCK I/O",
            "PIDs" => "PIDS",
            _ => return None,
        }
        .to_string(),
    )
}

fn cmd_stats(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker stats", "[OPTIONS] [CONTAINER...]", "Display a live stream of container(s) resource usage statistics", STATS_FLAGS, 0, usize::MAX);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    for n in &a.args {
        if let Err(e) = cli.world.container_id(n) {
            cli.err(format!("Error response from daemon: {}\n", e.message));
            return 1;
        }
    }
    let ids = a.args.clone();
    if let Some(f) = a.value("format").filter(|f| !f.is_empty()) {
        // A custom format is printed once (the live view keeps the table).
        let rows = stats_values_trunc(cli.world, &ids, a.has("all"), !a.has("no-trunc"));
        return crate::render_format(cli, f, &rows, &stats_header, None);
    }
    let table = stats_table_trunc(cli.world, &ids, a.has("all"), !a.has("no-trunc"));
    if a.has("no-stream") {
        cli.print(table);
        return 0;
    }
    cli.print(table);
    cli.pending = Some(Pending::Follow(Follow::Stats { ids, all: a.has("all"), last_ms: cli.world.now_ms.max(1) }));
    0
}

fn cmd_port(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker port", "CONTAINER [PRIVATE_PORT[/PROTO]]", "List port mappings or a specific mapping for the container", PORT_FLAGS, 1, 2);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let c = match cli.world.container(&a.args[0]) {
        Ok(c) => c.clone(),
        Err(e) => {
            cli.daemon_error(&e);
            return 1;
        }
    };
    // docker/cli port.go: PRIVATE_PORT[/PROTO], tcp by default.
    let want = match a.args.get(1).map(|w| w.split_once('/').unwrap_or((w, "tcp"))) {
        Some((port, _)) if port.parse::<u16>().is_err() => {
            cli.err(format!("Error: invalid port ({port}): strconv.ParseUint: parsing \"{port}\": {}\n", if port.parse::<u64>().is_ok() { "value out of range" } else { "invalid syntax" }));
            return 1;
        }
        w => w.map(|(port, proto)| format!("{port}/{proto}")),
    };
    // (private port, proto, host address) sorted as the output lines are.
    let mut bound: Vec<(u16, String, String)> = Vec::new();
    if c.is_running() {
        for p in c.ports.iter().filter(|p| p.host_port != 0) {
            let ips: &[&str] = if p.host_ip.is_empty() { &["0.0.0.0", "::"] } else { &[p.host_ip.as_str()] };
            for ip in ips {
                bound.push((p.container_port, p.proto.clone(), format::join_host_port(ip, p.host_port)));
            }
        }
    }
    baleine_util::sort(&mut bound);
    let mut lines = Vec::new();
    for (port, proto, host) in bound {
        let key = format!("{port}/{proto}");
        match &want {
            Some(w) if *w != key => {}
            Some(_) => lines.push(host),
            None => lines.push(format!("{key} -> {host}")),
        }
    }
    if lines.is_empty() && want.is_some() {
        // docker/cli port.go names the port as typed.
        cli.err(format!("Error: No public port '{}' published for {}\n", a.args[1], a.args[0]));
        return 1;
    }
    for l in lines {
        cli.print(format!("{l}\n"));
    }
    0
}

const EXPORT_FLAGS: &[Flag] = &[flag("output", Some('o'), "string", "Write to a file, instead of STDOUT")];

/// `docker export`: the container's file system (not its volumes) as a tar
/// stream (docker/cli v27.5.1 container/export.go).
fn cmd_export(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker export", "[OPTIONS] CONTAINER", "Export a container's filesystem as a tar archive", EXPORT_FLAGS, 1, 1);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let out = a.value("output").map(str::to_string);
    if cli.refuses_archive_on_terminal(out.as_deref()) {
        return 1;
    }
    let c = match cli.world.container(&a.args[0]) {
        Ok(c) => c.clone(),
        Err(e) => {
            cli.daemon_error(&e);
            return 1;
        }
    };
    let root = baleine_vfs::Node::Dir(std::sync::Arc::new(cli.world.forest.tree(c.rootfs).root().clone()));
    let bytes = baleine_shell::utils::archive_node("", &root);
    if cli.emit_archive(out.as_deref(), bytes).is_err() {
        cli.err(format!("failed to export container: open {}: no such file or directory\n", out.unwrap_or_default()));
        return 1;
    }
    0
}

fn cmd_diff(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker diff", "CONTAINER", "Inspect changes to files or directories on a container's filesystem", NONE, 1, 1);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let c = match cli.world.container(&a.args[0]) {
        Ok(c) => c.clone(),
        Err(e) => {
            cli.daemon_error(&e);
            return 1;
        }
    };
    let Some(img) = cli.world.images.get(&c.image_id) else { return 0 };
    let lines = baleine_engine::containers::layer_changes(cli.world.forest.tree(c.rootfs), &img.rootfs);
    for (k, p) in lines {
        cli.print(format!("{k} {p}\n"));
    }
    0
}

fn cmd_cp(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker cp", "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH", "Copy files/folders between a container and the local filesystem", CP_FLAGS, 2, 2);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let (src, dst) = (a.args[0].clone(), a.args[1].clone());
    // docker/cli cp.go: without -q, progress is shown only when stdout is a terminal.
    let quiet = a.has("quiet") || !cli.stdout_tty;
    let split = |s: &str| -> Option<(String, String)> {
        if s.starts_with('/') || s.starts_with('.') {
            return None;
        }
        s.split_once(':').map(|(c, p)| (c.to_string(), p.to_string()))
    };
    match (split(&src), split(&dst)) {
        (Some((cname, cpath)), None) => {
            // copyFromContainer: the local path is made absolute and its
            // folder checked (command.ValidateOutputPath) before the daemon
            // is asked.
            let local = (dst != "-").then(|| shown_local_path(&cli.cwd, &dst));
            if let Some(l) = &local {
                let parent = baleine_vfs::dirname(&baleine_vfs::normalize("/", l));
                if !cli.world.forest.tree(cli.world.host_tree).exists(&parent) {
                    cli.err(format!("invalid output path: directory {} does not exist\n", baleine_util::go::quote(&parent)));
                    return 1;
                }
            }
            let c = match cli.world.container(&cname) {
                Ok(c) => c.clone(),
                Err(e) => {
                    cli.daemon_error(&e);
                    return 1;
                }
            };
            // Container paths are relative to its root (daemon/archive.go
            // filepath.Join("/", path)), whatever its working folder.
            let view = baleine_engine::containers::container_view(&c);
            let cpath_abs = baleine_vfs::normalize("/", &cpath);
            let node = match baleine_vfs::view_node(&cli.world.forest, &view, &cpath_abs) {
                Ok(n) => n,
                Err(_) => {
                    cli.err(format!("Error response from daemon: Could not find the file {cpath} in container {cname}\n"));
                    return 1;
                }
            };
            let Some(local) = local else {
                // copyFromContainer: the daemon's tar stream, as is, on stdout.
                let bytes = baleine_shell::utils::archive_node(baleine_vfs::basename(&cpath_abs), &node);
                cli.print(String::from_utf8_lossy(&bytes));
                return 0;
            };
            // pkg/archive CopyTo: the files are written by the user running
            // docker cp (Untar with NoLchown), modes and times kept.
            let node = owned_by(&node, 1000, 1000);
            let host = baleine_vfs::FsView::plain(cli.world.host_tree);
            let mut fs = cli.world.forest.mounted(&host);
            let size = tar_size_text(&node);
            let r = cp_extract_copy(&mut fs, &cp_base(&cpath), &node, &local);
            if !quiet {
                // The CLI reports what it read of the stream (nothing when
                // the copy was refused before extracting), then the error.
                cli.err(format!("Successfully copied {} to {local}\n", if r.as_ref().is_err_and(|e| e.ends_with("directory")) { "0B".to_string() } else { size }));
            }
            if let Err(e) = r {
                cli.err(format!("{e}\n"));
                return 1;
            }
            0
        }
        (None, Some((cname, cpath))) => {
            if src == "-" {
                let c = match cli.world.container(&cname) {
                    Ok(c) => c.clone(),
                    Err(e) => {
                        cli.daemon_error(&e);
                        return 1;
                    }
                };
                return cp_from_stdin(cli, &c, &cname, &cpath, quiet);
            }
            // copyToContainer: the destination is stat-ed (an error, such as
            // a missing container, only means "does not exist"), the local
            // source read (lstat), the archive prepared (its refusals are the
            // CLI's), then sent; the CLI reports what it sent before the
            // daemon's answer, even an error.
            let local = shown_local_path(&cli.cwd, &src);
            let host_src = baleine_vfs::normalize("/", &local);
            let Some(node) = cli.world.forest.tree(cli.world.host_tree).get(&host_src) else {
                cli.err(format!("lstat {host_src}: no such file or directory\n"));
                return 1;
            };
            let dst_path = shown_local_path("/", &cpath);
            let c = cli.world.container(&cname).ok().cloned();
            let r = match &c {
                Some(c) => {
                    let view = baleine_engine::containers::container_view(c);
                    let mut fs = cli.world.forest.mounted(&view);
                    cp_into_container(&mut fs, c, &cname, &cp_base(&local), &node, &dst_path)
                }
                // Nothing is known of the destination: only the archive's
                // own refusal comes before the daemon's error.
                None if !node.is_dir() && (cpath.ends_with('/') || cpath.ends_with("/.")) => Err(CpError::Cli("no such directory".into())),
                None => Err(CpError::Daemon(cli.world.container(&cname).err().map(|e| e.message).unwrap_or_default())),
            };
            match r {
                Err(CpError::Cli(e)) => {
                    cli.err(format!("{e}\n"));
                    1
                }
                r => {
                    if !quiet {
                        cli.err(format!("Successfully copied {} to {cname}:{cpath}\n", tar_size_text(&node)));
                    }
                    if let Err(CpError::Daemon(e)) = r {
                        cli.err(format!("Error response from daemon: {e}\n"));
                        return 1;
                    }
                    0
                }
            }
        }
        (Some(_), Some(_)) => {
            cli.err("copying between containers is not supported\n");
            1
        }
        (None, None) => {
            cli.err("must specify at least one container source\n");
            1
        }
    }
}

/// `docker cp - CONTAINER:DIR`: extracts the tar stream read from stdin
/// into DIR, which must be an existing folder (docker/cli cp.go
/// copyToContainer). The CLI counts no bytes for stdin: "Successfully
/// copied 0B".
fn cp_from_stdin(cli: &mut Cli<'_>, c: &baleine_engine::model::Container, cname: &str, cpath: &str, quiet: bool) -> i32 {
    use baleine_vfs::Fs;
    let view = baleine_engine::containers::container_view(c);
    let dir = baleine_vfs::normalize(&c.workdir, cpath);
    let mut fs = cli.world.forest.mounted(&view);
    if !fs.is_dir(&dir) {
        cli.err(format!("destination \"{cname}:{cpath}\" must be a directory\n"));
        return 1;
    }
    let bytes = cli.stdin.take().unwrap_or_default();
    if !bytes.is_empty() {
        let Some(entries) = baleine_shell::utils::archive_entries(&bytes) else {
            cli.err("Error response from daemon: archive/tar: invalid tar header\n");
            return 1;
        };
        for (rel, node) in entries {
            let target = baleine_vfs::join(&dir, &rel);
            let r = match node {
                baleine_vfs::Node::Dir(d) if fs.is_dir(&target) => d.meta.clone().map_or(Ok(()), |m| fs.set_meta(&target, m)),
                n => fs.put_node(&target, n),
            };
            if let Err(e) = r {
                cli.err(format!("Error response from daemon: {e}\n"));
                return 1;
            }
        }
    }
    if !quiet {
        cli.err(format!("Successfully copied 0B to {cname}:{cpath}\n"));
    }
    0
}

/// Why `docker cp` into a container failed: the CLI refused to prepare
/// the archive, or the daemon refused to extract it.
enum CpError {
    Cli(String),
    Daemon(String),
}

/// `docker cp SRC CONTAINER:DST` once the container is known: the CLI's
/// archive.PrepareArchiveCopy, then the daemon's containerExtractToDir
/// (moby daemon/archive_unix.go: the extraction folder must exist and be
/// a folder, on a writable volume or a writable root file system).
fn cp_into_container<F: baleine_vfs::Fs + ?Sized>(fs: &mut F, c: &baleine_engine::model::Container, cname: &str, base: &str, node: &baleine_vfs::Node, dst: &str) -> Result<(), CpError> {
    let clean = baleine_vfs::normalize("/", dst);
    let asserts_dir = dst.ends_with('/') || dst.ends_with("/.");
    // Stat-ing "FILE/" fails (not a directory): the CLI takes it as missing.
    let exists = fs.exists(&clean) && (fs.is_dir(&clean) || !asserts_dir);
    let extract_dir = match (exists, fs.is_dir(&clean), node.is_dir()) {
        (true, true, _) => clean.clone(),
        (true, false, true) => return Err(CpError::Cli("cannot copy directory".into())),
        (false, _, false) if asserts_dir => return Err(CpError::Cli("no such directory".into())),
        _ => baleine_vfs::dirname(&clean),
    };
    if !fs.exists(&extract_dir) {
        return Err(CpError::Daemon(format!("Could not find the file {extract_dir} in container {cname}")));
    }
    if !fs.is_dir(&extract_dir) {
        return Err(CpError::Daemon("extraction point is not a directory".into()));
    }
    let in_dir = |d: &str| extract_dir == d || extract_dir.starts_with(&format!("{}/", d.trim_end_matches('/')));
    match c.mounts.iter().find(|m| in_dir(&m.destination)) {
        Some(m) if !m.rw => return Err(CpError::Daemon("mounted volume is marked read-only".into())),
        Some(_) => {}
        None if c.spec.read_only => return Err(CpError::Daemon("container rootfs is marked read-only".into())),
        None => {}
    }
    let r = if exists && fs.is_dir(&clean) { cp_extract(fs, &clean, base, node) } else { fs.put_node(&clean, node.clone()) };
    r.map_err(|e| CpError::Daemon(e.to_string()))
}

/// The name the archive of a copied path has (pkg/archive
/// SplitPathDirEntry): its last element, "." for `dir/.` (the folder's
/// contents).
fn cp_base(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() || trimmed == "." || trimmed.ends_with("/.") {
        return ".".into();
    }
    baleine_vfs::basename(&baleine_vfs::normalize("/", trimmed)).to_string()
}

/// pkg/archive CopyInfoDestinationPath + PrepareArchiveCopy + Untar:
/// copies `node` (archived under the name `base`) to `dst` (absolute, its
/// trailing "/" or "/." kept). Errors are the CLI's texts; "missing folder
/// DIR" when the folder to extract into does not exist.
fn cp_extract_copy<F: baleine_vfs::Fs + ?Sized>(fs: &mut F, base: &str, node: &baleine_vfs::Node, dst: &str) -> Result<(), String> {
    let clean = baleine_vfs::normalize("/", dst);
    let asserts_dir = dst.ends_with('/') || dst.ends_with("/.");
    let parent = baleine_vfs::dirname(&clean);
    let put = |fs: &mut F, path: &str| fs.put_node(path, node.clone()).map_err(|e| e.to_string());
    match (fs.exists(&clean), fs.is_dir(&clean), node.is_dir()) {
        // Into an existing folder, under the source's name.
        (true, true, _) => cp_extract(fs, &clean, base, node).map_err(|e| e.to_string()),
        (true, false, true) => Err("cannot copy directory".into()),
        (true, false, false) => put(fs, &clean),
        (false, _, false) if asserts_dir => Err("no such directory".into()),
        (false, _, _) if !fs.exists(&parent) => Err(format!("missing folder {parent}")),
        (false, _, _) if !fs.is_dir(&parent) => Err("not a directory".into()),
        (false, _, _) => put(fs, &clean),
    }
}

/// pkg/archive Untar of one entry into `dir`: a folder over an existing
/// folder merges into it, anything else replaces what is there.
fn cp_extract<F: baleine_vfs::Fs + ?Sized>(fs: &mut F, dir: &str, name: &str, node: &baleine_vfs::Node) -> baleine_vfs::FsResult<()> {
    let target = if name == "." { dir.to_string() } else { baleine_vfs::join(dir, name) };
    match node {
        baleine_vfs::Node::Dir(d) if fs.is_dir(&target) => {
            for (n, child) in &d.entries {
                cp_extract(fs, &target, n, child)?;
            }
            match &d.meta {
                Some(m) => fs.set_meta(&target, m.clone()),
                None => Ok(()),
            }
        }
        _ => fs.put_node(&target, node.clone()),
    }
}

/// `node` with every file and folder owned by uid:gid.
fn owned_by(node: &baleine_vfs::Node, uid: u32, gid: u32) -> baleine_vfs::Node {
    use baleine_vfs::Node;
    match node {
        Node::File(f) => Node::File(std::sync::Arc::new(baleine_vfs::File { content: f.content.clone(), meta: baleine_vfs::Meta { uid, gid, ..f.meta.clone() } })),
        Node::Dir(d) => Node::Dir(std::sync::Arc::new(baleine_vfs::Dir {
            entries: d.entries.iter().map(|(k, v)| (k.clone(), owned_by(v, uid, gid))).collect(),
            meta: Some(baleine_vfs::Meta { uid, gid, ..d.meta.clone().unwrap_or_else(baleine_vfs::Meta::dir) }),
        })),
        Node::Symlink(t) => Node::Symlink(t.clone()),
    }
}

/// Bytes of the tar stream `docker cp` counts (Go's archive/tar: a 512-byte
/// header per entry, contents padded to 512, two zero blocks at the end),
/// printed with units.HumanSizeWithPrecision(n, 3).
fn tar_size_text(node: &baleine_vfs::Node) -> String {
    fn walk(n: &baleine_vfs::Node) -> u64 {
        match n {
            baleine_vfs::Node::File(f) => 512 + f.content.size().div_ceil(512) * 512,
            baleine_vfs::Node::Dir(d) => 512 + d.entries.values().map(walk).sum::<u64>(),
            baleine_vfs::Node::Symlink(_) => 512,
        }
    }
    baleine_engine::util::human_size(walk(node) + 1024)
}

/// The local path as docker cp prints it: made absolute, keeping a trailing
/// "/" or "." (filepath.Abs + archive.PreserveTrailingDotOrSeparator).
fn shown_local_path(cwd: &str, typed: &str) -> String {
    let mut abs = if typed.starts_with('/') { baleine_vfs::normalize("/", typed) } else { baleine_vfs::normalize(cwd, typed) };
    let base_is_dot = typed.trim_end_matches('/').rsplit('/').next() == Some(".") || typed.trim_end_matches('/').is_empty() && typed.starts_with('.');
    let cleaned_is_dot = abs.rsplit('/').next() == Some(".");
    if base_is_dot && !cleaned_is_dot {
        if !abs.ends_with('/') {
            abs.push('/');
        }
        abs.push('.');
    }
    if typed.ends_with('/') && !abs.ends_with('/') {
        abs.push('/');
    }
    abs
}

fn cmd_commit(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker commit", "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]", "Create a new image from a container's changes", COMMIT_FLAGS, 1, 2);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let changes: Vec<String> = a.values("change").into_iter().map(str::to_string).collect();
    // The API client parses the reference first (client/container_commit.go
    // ContainerCommit: reference.ParseNormalizedNamed, no digest).
    if let Some(r) = a.args.get(1) {
        match baleine_engine::images::Reference::parse(r) {
            Err(e) => {
                cli.err(format!("{}\n", e.message));
                return 1;
            }
            Ok(p) if p.digest.is_some() => {
                cli.err("refusing to create a tag with a digest reference\n");
                return 1;
            }
            Ok(_) => {}
        }
    }
    match cli.world.commit_container(&a.args[0], a.args.get(1).map(String::as_str), a.value("message").unwrap_or(""), a.value("author").unwrap_or(""), &changes) {
        Ok(id) => {
            cli.print(format!("sha256:{id}\n"));
            0
        }
        Err(e) => {
            cli.daemon_error(&e);
            1
        }
    }
}

fn cmd_update(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker update", "[OPTIONS] CONTAINER [CONTAINER...]", "Update configuration of one or more containers", UPDATE_FLAGS, 1, usize::MAX);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // The values of the typed flags are checked while they are parsed
    // (opts.MemBytes, MemSwapBytes, NanoCPUs Set: pflag errors).
    let flag_err = |cli: &mut Cli<'_>, v: &str, name: &str, e: String| {
        cli.err(format!("invalid argument {} for \"{name}\" flag: {e}\nSee '{} --help'.\n", baleine_util::go::quote(v), cmd.path));
        125
    };
    let mut memory = None;
    if let Some(v) = a.value("memory") {
        match baleine_engine::volumes::ram_in_bytes(v) {
            Ok(n) => memory = Some(n.max(0) as u64),
            Err(e) => return flag_err(cli, v, "-m, --memory", e),
        }
    }
    let mut memory_swap = None;
    if let Some(v) = a.value("memory-swap") {
        match if v == "-1" { Ok(-1) } else { baleine_engine::volumes::ram_in_bytes(v) } {
            Ok(n) => memory_swap = Some(n),
            Err(e) => return flag_err(cli, v, "--memory-swap", e),
        }
    }
    let mut cpus = None;
    if let Some(v) = a.value("cpus") {
        match crate::args::parse_cpus(v) {
            // A negative count is out of the daemon's range like too many.
            Ok(n) => cpus = Some(u64::try_from(n).unwrap_or(u64::MAX)),
            Err(e) => return flag_err(cli, v, "--cpus", e),
        }
    }
    // docker/cli update.go runUpdate: flags.NFlag() == 0.
    if a.flags.is_empty() {
        cli.err("you must provide one or more flags when using this command\n");
        return 1;
    }
    let restart = match a.value("restart").filter(|r| !r.is_empty()).map(parse_restart) {
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            cli.err(format!("{e}\n"));
            return 1;
        }
        None => None,
    };
    let names = a.args.clone();
    each(cli, &names, |cli, n| cli.world.update_container(n, restart.clone(), memory, memory_swap, cpus))
}

fn cmd_attach(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = simple("docker attach", "[OPTIONS] CONTAINER", "Attach local standard input, output, and error streams to a running container", ATTACH_FLAGS, 1, 1);
    let a = match parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let c = match cli.world.container(&a.args[0]) {
        Ok(c) => c.clone(),
        Err(e) => {
            cli.daemon_error(&e);
            return 1;
        }
    };
    // docker/cli attach.go inspectContainerAndCheckState.
    let refusal = match c.state.status {
        baleine_engine::model::Status::Paused => Some("You cannot attach to a paused container, unpause it first"),
        baleine_engine::model::Status::Restarting => Some("You cannot attach to a restarting container, wait until it is running"),
        _ if !c.is_running() => Some("You cannot attach to a stopped container, start it first"),
        _ => None,
    };
    if let Some(r) = refusal {
        cli.err(format!("{r}\n"));
        return 1;
    }
    if let Some(e) = a.value("detach-keys").and_then(detach_keys_error) {
        cli.err(format!("Error response from daemon: {e}\n"));
        return 1;
    }
    if c.spec.open_stdin && c.process.as_ref().is_some_and(|p| p.interactive) {
        let shell_name = baleine_vfs::basename(c.process.as_ref().and_then(|p| p.argv.first()).map(String::as_str).unwrap_or("sh")).to_string();
        let ctx = baleine_engine::sys::ExecCtx::for_container(cli.world, &c.id, baleine_engine::sys::RunMode::Live);
        cli.pending = Some(Pending::Shell(ShellSession::new(cli.world, &c.id, ctx, &shell_name, true, c.spec.auto_remove)));
        return 0;
    }
    let shown = cli.world.logs_until_now(&c.id).len();
    cli.pending = Some(Pending::Follow(Follow::Attach { cid: c.id.clone(), shown, auto_remove: c.spec.auto_remove, remove_name: c.name.clone() }));
    0
}

/// The daemon's check of `--detach-keys` (daemon/attach.go with
/// moby/term ToBytes: comma-separated single characters, ctrl-@..ctrl-_
/// or DEL); None when they are fine.
fn detach_keys_error(keys: &str) -> Option<String> {
    if keys.is_empty() {
        return None;
    }
    let ok = keys.split(',').all(|k| {
        k.len() == 1
            || k == "DEL"
            || k.strip_prefix("ctrl-").is_some_and(|c| c.len() == 1 && c.bytes().all(|b| b == b'@' || b.is_ascii_lowercase() || matches!(b, b'[' | b'\\' | b']' | b'^' | b'_')))
    });
    (!ok).then(|| format!("Invalid detach keys ({keys}) provided"))
}

#[allow(dead_code)]
fn labels_map(v: &[&str]) -> IndexMap<String, String> {
    v.iter().map(|l| l.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).unwrap_or((l.to_string(), String::new()))).collect()
}

/// An attached container's output so far (stderr apart unless it has a
/// TTY, which merges them); returns how many lines were shown, where
/// following the container goes on.
pub(crate) fn print_output_so_far(cli: &mut Cli<'_>, id: &str, tty: bool) -> usize {
    print_streams_so_far(cli, id, tty, true, true)
}

/// What the process printed so far, of the attached streams (a TTY
/// merges both into stdout).
pub(crate) fn print_streams_so_far(cli: &mut Cli<'_>, id: &str, tty: bool, stdout: bool, stderr: bool) -> usize {
    let logs = cli.world.logs_until_now(id);
    for l in &logs {
        if l.stderr && !tty {
            if stderr {
                cli.err(format!("{}\n", l.line));
            }
        } else if stdout {
            cli.print(format!("{}\n", l.line));
        }
    }
    logs.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ps_args_renaming_to_pid() {
        assert_eq!(validate_ps_args("-o user=PID"), Err("specifying \"user=PID\" is not allowed".into()));
        assert_eq!(validate_ps_args("-o comm= PIDX"), Err("specifying \"comm=PIDX\" is not allowed".into()));
        assert_eq!(validate_ps_args("-o pid=PID"), Ok(()));
        assert_eq!(validate_ps_args("user=PID"), Ok(()));
        assert_eq!(validate_ps_args("aux"), Ok(()));
        assert_eq!(validate_ps_args(""), Ok(()));
    }

    #[test]
    fn mount_opt_as_docker_cli() {
        let m = parse_mount("type=bind,\"source=/a,b\",target=/x,READONLY").unwrap();
        assert_eq!((m.spec.kind.as_str(), m.spec.source.as_str(), m.spec.target.as_str(), m.spec.read_only), ("bind", "/a,b", "/x", true));
        let m = parse_mount("dst=/d,volume-label=a=1,volume-opt=type=tmpfs,volume-opt=device=tmpfs,ro=0").unwrap();
        assert_eq!(m.spec.kind, "volume");
        let v = m.options.volume.clone().unwrap();
        assert!(!m.spec.read_only && !v.no_copy);
        assert_eq!(v.driver.as_ref().and_then(|d| d.options.as_ref()).and_then(|o| o.get("device")).map(String::as_str), Some("tmpfs"));
        assert_eq!(v.labels.get("a").map(String::as_str), Some("1"));
        // The options stay with the mount (HostConfig.Mounts).
        let m = parse_mount("type=bind,src=/a,dst=/x,bind-propagation=RSHARED,consistency=Cached").unwrap();
        assert_eq!(m.options.bind.as_ref().map(|b| b.propagation.as_str()), Some("rshared"));
        assert_eq!(m.options.consistency, "cached");
        let m = parse_mount("type=tmpfs,dst=/x,tmpfs-size=64m,tmpfs-mode=1770").unwrap();
        assert_eq!(m.options.tmpfs, Some(TmpfsOptions { size_bytes: 64 << 20, mode: 0o1770 }));
        let m = parse_mount("dst=/x,volume-nocopy").unwrap();
        assert!(m.spec.volume_nocopy && m.options.volume.as_ref().is_some_and(|v| v.no_copy && v.driver == Some(VolumeDriver::default())));
        assert_eq!(mount_deprecation_warnings("type=bind,src=/a,dst=/x,bind-nonrecursive=true"), 1);
        assert_eq!(mount_deprecation_warnings("type=bind,src=/a,dst=/x,bind-nonrecursive"), 0);
    }

    #[test]
    fn expose_dns_and_network_mode_checks() {
        assert_eq!(parse_expose(&["9000-9002", "53/udp", "80/"]).unwrap(), vec!["9000/tcp", "9001/tcp", "9002/tcp", "53/udp", "80/tcp"]);
        assert_eq!(parse_expose(&["/tcp"]).unwrap_err(), "invalid range format for --expose: /tcp, error: empty string specified for ports");
        assert_eq!(validate_dns_search(" example.com. ").unwrap(), "example.com");
        assert!(validate_dns_search("123").is_err() && validate_dns_search("-a.com").is_err());
        assert_eq!(validate_ip_address("::ffff:127.0.0.1").unwrap(), "127.0.0.1");
        assert!(is_localhost_dns("127.0.0.53") && is_localhost_dns("::1") && is_localhost_dns("fe80::1") && !is_localhost_dns("10.127.0.1"));
        let spec = ContainerSpec { network: Some("container:web".into()), exposed: vec!["80/tcp".into()], ..Default::default() };
        assert_eq!(validate_net_mode(&spec, ""), Err("conflicting options: port exposing and the container type network mode".into()));
        let spec = ContainerSpec { network: Some("container:".into()), hostname: Some("h".into()), ..Default::default() };
        assert_eq!(validate_net_mode(&spec, ""), Err("Invalid network mode: invalid container format container:<name|id>".into()));
        let spec = ContainerSpec { hostname: Some("h".into()), ..Default::default() };
        assert_eq!(validate_net_mode(&spec, "host"), Err("conflicting options: hostname and the UTS mode".into()));
    }

    #[test]
    fn ints_as_strconv_parse_int_base_0() {
        assert_eq!(go_parse_int("10"), Ok(10));
        assert_eq!(go_parse_int("-3"), Ok(-3));
        assert_eq!(go_parse_int("0x1F"), Ok(31));
        assert_eq!(go_parse_int("017"), Ok(15));
        assert_eq!(go_parse_int("1_000").unwrap_err(), "strconv.ParseInt: parsing \"1_000\": invalid syntax");
        assert_eq!(go_parse_int("0x_1"), Ok(1));
        assert_eq!(go_parse_int("abc").unwrap_err(), "strconv.ParseInt: parsing \"abc\": invalid syntax");
        assert_eq!(go_parse_int("").unwrap_err(), "strconv.ParseInt: parsing \"\": invalid syntax");
        assert_eq!(go_parse_int("99999999999999999999").unwrap_err(), "strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
        assert_eq!(go_parse_int("-9223372036854775808"), Ok(i64::MIN));
        assert_eq!(parse_mount("").unwrap_err(), "EOF");
        assert_eq!(parse_mount("type=bind,src=\"/a").unwrap_err(), "parse error on line 1, column 15: bare \" in non-quoted-field");
        assert_eq!(parse_mount("type=bind,\"src=/a").unwrap_err(), "parse error on line 1, column 18: extraneous or missing \" in quoted-field");
        assert_eq!(parse_mount("\"a\"b").unwrap_err(), "parse error on line 1, column 3: extraneous or missing \" in quoted-field");
        assert_eq!(parse_mount("dst=/x,Foo=1").unwrap_err(), "unexpected key 'foo' in 'Foo=1'");
        assert_eq!(parse_mount("dst=/x,nocopy").unwrap_err(), "invalid field 'nocopy' must be a key=value pair");
        assert_eq!(parse_mount("dst=/x,ro=yes").unwrap_err(), "invalid value for ro: yes");
        assert_eq!(parse_mount("type=tmpfs,dst=/x,tmpfs-mode=9").unwrap_err(), "invalid value for tmpfs-mode: 9");
        assert_eq!(parse_mount("type=,dst=/x").unwrap_err(), "type is required");
        assert_eq!(parse_mount("src=v").unwrap_err(), "target is required");
        assert_eq!(parse_mount("type=bind,src=/a,dst=/x,volume-nocopy").unwrap_err(), "cannot mix 'volume-*' options with mount type 'bind'");
        assert_eq!(parse_mount("dst=/x,bind-propagation=shared").unwrap_err(), "cannot mix 'bind-*' options with mount type 'volume'");
        assert_eq!(parse_mount("dst=/x,tmpfs-size=1m").unwrap_err(), "cannot mix 'tmpfs-*' options with mount type 'volume'");
        assert_eq!(parse_mount("type=bind,src=/a,dst=/x,bind-recursive=writable").unwrap_err(), "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
        // An unknown type is the daemon's to refuse.
        assert_eq!(parse_mount("type=NPIPE,dst=/x").unwrap().spec.kind, "npipe");
    }

    fn publish(s: &str) -> Result<Vec<(String, u16, String, u16)>, String> {
        parse_publish(s).map(|v| v.into_iter().map(|p| (p.host_ip, p.host_port, p.proto, p.container_port)).collect())
    }

    #[test]
    fn publish_specs_as_go_connections_nat() {
        assert_eq!(publish("8080:80"), Ok(vec![(String::new(), 8080, "tcp".into(), 80)]));
        assert_eq!(publish("127.0.0.1:53:53/UDP"), Ok(vec![("127.0.0.1".into(), 53, "udp".into(), 53)]));
        assert_eq!(publish("[::1]:9443:443"), Ok(vec![("::1".into(), 9443, "tcp".into(), 443)]));
        assert_eq!(publish("9000-9001:80-81").map(|v| v.len()), Ok(2));
        assert_eq!(publish("8000-8010:80"), Ok(vec![(String::new(), 8000, "tcp".into(), 80)]));
        // Checked in ParsePortSpec's order: IP, container port, host port, ranges, protocol.
        assert_eq!(publish("1.2.3:80:80/xyz"), Err("invalid IP address: 1.2.3".into()));
        assert_eq!(publish("abc:http/xyz"), Err("invalid containerPort: http".into()));
        assert_eq!(publish("70000:80/xyz"), Err("invalid hostPort: 70000".into()));
        assert_eq!(publish("1-2:80-82"), Err("invalid ranges specified for container and host Ports: 80-82 and 1-2".into()));
        assert_eq!(publish("80/Xyz"), Err("invalid proto: Xyz".into()));
        assert_eq!(publish("8080:"), Err("no port specified: 8080:<empty>".into()));
    }

    #[test]
    fn extra_hosts_as_validate_extra_host() {
        assert_eq!(validate_extra_host("db:10.0.0.5"), Ok("db:10.0.0.5".into()));
        assert_eq!(validate_extra_host("db=::1"), Ok("db:::1".into()));
        assert_eq!(validate_extra_host("db=[::1]"), Ok("db:[::1]".into()));
        assert_eq!(validate_extra_host("gw:host-gateway"), Ok("gw:host-gateway".into()));
        assert_eq!(validate_extra_host("db:bad"), Err("invalid IP address in add-host: \"bad\"".into()));
        assert_eq!(validate_extra_host("db"), Err("bad format for add-host: \"db\"".into()));
        assert_eq!(validate_extra_host(":1.2.3.4"), Err("bad format for add-host: \":1.2.3.4\"".into()));
    }

    #[test]
    fn log_times_as_get_timestamp() {
        let epoch = 1_700_000_000;
        let t = |s: &str| log_time_ms(3_600_000, epoch, "since", s);
        assert_eq!(t("10m"), Ok(3_000_000));
        assert_eq!(t("2023-11-14T22:13:21Z"), Ok(1000));
        assert_eq!(t("2023-11-15"), Ok((1_700_006_400 - epoch) * 1000));
        assert_eq!(t("1700000005.5"), Ok(5000));
        assert_eq!(t("2024-13-01"), Err("invalid value for \"since\": parsing time \"2024-13-01\": month out of range".into()));
        assert_eq!(t("2023-02-29"), Err("invalid value for \"since\": parsing time \"2023-02-29\": day out of range".into()));
        assert!(t("2024-02-29").is_ok());
        assert_eq!(t("-5s"), Ok(3_605_000));
        assert_eq!(t("yesterday"), Err("invalid value for \"since\": failed to parse value as time or duration: \"yesterday\"".into()));
    }
}
