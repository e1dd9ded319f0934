//! `docker build` (= `docker buildx build`), `docker commit`,
//! `docker builder prune`.
//!
//! Flags and errors follow docker/buildx v0.19 (`commands/build.go`,
//! `build/opt.go`); the output is BuildKit's (see `build_progress.rs`).
//! baleine adds `--explain`: after the normal output, why each step ran or
//! came from the cache, and the linter's advice.

use baleine_engine::build::{BuildOutput, BuildRequest};
use baleine_engine::images::Reference;
use baleine_vfs::{Content, Meta, Node};

use crate::args::{self, flag, Command, Flag};
use crate::build_progress::{self as progress, Mode};
use crate::Cli;

const FLAGS: &[Flag] = &[
    flag("add-host", None, "strings", "Add a custom host-to-IP mapping (format: \"host:ip\")"),
    flag("allow", None, "strings", "Allow extra privileged entitlement (e.g., \"network.host\", \"security.insecure\")"),
    flag("annotation", None, "stringArray", "Add annotation to the image"),
    flag("attest", None, "stringArray", "Attestation parameters (format: \"type=sbom,generator=image\")"),
    flag("build-arg", None, "stringArray", "Set build-time variables"),
    flag("build-context", None, "stringArray", "Additional build contexts (e.g., name=path)"),
    flag("builder", None, "string", "Override the configured builder instance"),
    flag("cache-from", None, "stringArray", "External cache sources (e.g., \"user/app:cache\", \"type=local,src=path/to/dir\")"),
    flag("cache-to", None, "stringArray", "Cache export destinations (e.g., \"user/app:cache\", \"type=local,dest=path/to/dir\")"),
    flag("call", None, "string", "Set method for evaluating build (\"check\", \"outline\", \"targets\") (default \"build\")"),
    flag("cgroup-parent", None, "string", "Set the parent cgroup for the \"RUN\" instructions during build"),
    flag("check", None, "", "Shorthand for \"--call=check\""),
    flag("debug", Some('D'), "", "Enable debug logging"),
    flag("file", Some('f'), "string", "Name of the Dockerfile (default: \"PATH/Dockerfile\")"),
    flag("iidfile", None, "string", "Write the image ID to a file"),
    flag("label", None, "stringArray", "Set metadata for an image"),
    flag("load", None, "", "Shorthand for \"--output=type=docker\""),
    flag("metadata-file", None, "string", "Write build result metadata to a file"),
    flag("network", None, "string", "Set the networking mode for the \"RUN\" instructions during build (default \"default\")"),
    flag("no-cache", None, "", "Do not use cache when building the image"),
    flag("no-cache-filter", None, "stringArray", "Do not cache specified stages"),
    flag("output", Some('o'), "stringArray", "Output destination (format: \"type=local,dest=path\")"),
    flag("platform", None, "stringArray", "Set target platform for build"),
    flag("progress", None, "string", "Set type of progress output (\"auto\", \"quiet\", \"plain\", \"tty\", \"rawjson\"). Use plain to show container output (default \"auto\")"),
    flag("provenance", None, "string", "Shorthand for \"--attest=type=provenance\""),
    flag("pull", None, "", "Always attempt to pull all referenced images"),
    flag("push", None, "", "Shorthand for \"--output=type=registry\""),
    flag("quiet", Some('q'), "", "Suppress the build output and print image ID on success"),
    flag("sbom", None, "string", "Shorthand for \"--attest=type=sbom\""),
    flag("secret", None, "stringArray", "Secret to expose to the build (format: \"id=mysecret[,src=/local/secret]\")"),
    flag("shm-size", None, "bytes", "Shared memory size for build containers"),
    flag("ssh", None, "stringArray", "SSH agent socket or keys to expose to the build (format: \"default|<id>[=<socket>|<key>[,<key>]]\")"),
    flag("tag", Some('t'), "stringArray", "Name and optionally a tag (format: \"name:tag\")"),
    flag("target", None, "string", "Set the target build stage to build"),
    flag("ulimit", None, "ulimit", "Ulimit options (default [])"),
    flag("explain", None, "", "baleine: after the build, tell why each step ran or came from the cache"),
];

/// Flags buildx accepts but hides (legacy `docker build` options).
const HIDDEN: &[Flag] = &[
    flag("rm", None, "", ""),
    flag("force-rm", None, "", ""),
    flag("compress", None, "", ""),
    flag("squash", None, "", ""),
    flag("isolation", None, "string", ""),
    flag("security-opt", None, "strings", ""),
    flag("memory", Some('m'), "string", ""),
    flag("memory-swap", None, "string", ""),
    flag("cpu-shares", Some('c'), "int", ""),
    flag("cpu-period", None, "int", ""),
    flag("cpu-quota", None, "int", ""),
    flag("cpuset-cpus", None, "string", ""),
    flag("cpuset-mems", None, "string", ""),
    flag("disable-content-trust", None, "", ""),
];

const USAGE: &str = "[OPTIONS] PATH | URL | -";
const SHORT: &str = "Start a build";

fn command(all: bool) -> Command {
    static ALL: std::sync::OnceLock<Vec<Flag>> = std::sync::OnceLock::new();
    let flags: &'static [Flag] = if all { ALL.get_or_init(|| FLAGS.iter().chain(HIDDEN.iter()).copied().collect()) } else { FLAGS };
    Command {
        path: "docker buildx build",
        usage: USAGE,
        short: SHORT,
        // buildx commands/build.go: the "aliases" annotation.
        aliases: &["docker build, docker builder build, docker image build, docker buildx b"],
        flags,
        stop_at_positional: false,
        min_args: 1,
        max_args: 1,
    }
}

/// `docker buildx build --help`: buildx's root command has cobra's default
/// help template (the Short text, a blank line, then docker's usage) with
/// the note on experimental features appended (buildx commands/root.go
/// NewRootCmd, when BUILDX_EXPERIMENTAL is not set).
fn help() -> String {
    let usage = args::help(&command(false));
    format!("{SHORT}\n\n{}\nExperimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n", usage.trim_start_matches('\n'))
}

fn error(cli: &mut Cli<'_>, msg: impl AsRef<str>) -> i32 {
    cli.err(format!("ERROR: {}\n", msg.as_ref()));
    1
}

/// `docker build`, `docker buildx build`, `docker image build`, `docker builder build`.
/// A parsed `docker buildx build` command line, ready to run.
struct Prepared {
    req: BuildRequest,
    mode: Mode,
    check: bool,
    notes: Vec<String>,
    iidfile: Option<String>,
    explain: bool,
}

pub fn build(cli: &mut Cli<'_>, argv: &[String], path: &str) -> i32 {
    let _ = path;
    let p = match prepare(cli, argv) {
        Ok(p) => p,
        Err(status) => return status,
    };
    run_prepared(cli, p)
}

/// Runs a build for `docker compose` (buildx's `build.Build` with compose's
/// shared printer): nothing is printed but argument errors; the caller
/// renders the progress of all its builds at once. Err is the exit status.
pub fn build_collect(cli: &mut Cli<'_>, argv: &[String]) -> Result<BuildOutput, i32> {
    let p = prepare(cli, argv)?;
    Ok(cli.world.build(&p.req))
}

/// The builds of several compose services shown as buildx's printer with
/// `WithPrefix(service, true)` shows them: one display, every vertex named
/// `[service ...]` or `[service] ...`.
pub fn render_prefixed(outs: &[(String, BuildOutput)], mode: Mode) -> String {
    fn add_prefix(pfx: &str, name: &str) -> String {
        match name.strip_prefix('[') {
            Some(rest) => format!("[{pfx} {rest}"),
            None => format!("[{pfx}] {name}"),
        }
    }
    let mut merged = BuildOutput::default();
    for (svc, out) in outs {
        for v in &out.vertices {
            let mut v = v.clone();
            if v.started {
                v.name = add_prefix(svc, &v.name);
            }
            merged.vertices.push(v);
        }
        merged.total_ms += out.total_ms;
        // buildx's setRecordProvenance (compose leaves ProvenanceResponseMode
        // unset, so it runs after every successful build).
        if out.failure.is_none() {
            merged.vertices.push(baleine_engine::build::Vertex { name: add_prefix(svc, "resolving provenance for metadata file"), started: true, ..Default::default() });
        }
    }
    match mode {
        Mode::Tty => progress::tty(&merged, progress::WIDTH),
        Mode::Plain => progress::plain(&merged),
        Mode::Quiet | Mode::RawJson => String::new(),
    }
}

fn prepare(cli: &mut Cli<'_>, argv: &[String]) -> Result<Prepared, i32> {
    if cli.getenv("DOCKER_BUILDKIT") == Some("0") {
        cli.err("DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n");
    }
    let a = match args::parse(&command(true), argv) {
        Ok(a) if a.help => {
            cli.print(help());
            return Err(0);
        }
        Ok(a) => a,
        Err(msg) => {
            cli.err(format!("{msg}\nSee 'docker buildx build --help'.\n"));
            return Err(125);
        }
    };
    if a.args.len() != 1 {
        return Err(error(cli, format!("\"docker buildx build\" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build {USAGE}\n\n{SHORT}")));
    }
    // Progress mode.
    let progress_flag = a.value("progress").unwrap_or("auto").to_string();
    let mut mode = match progress_flag.as_str() {
        "auto" | "tty" | "" => Mode::Tty,
        "plain" => Mode::Plain,
        "quiet" => Mode::Quiet,
        "rawjson" => Mode::RawJson,
        other => return Err(error(cli, format!("invalid progress mode {other}"))),
    };
    if a.has("quiet") {
        if !matches!(progress_flag.as_str(), "auto" | "quiet") {
            return Err(error(cli, format!("progress={progress_flag} and quiet cannot be used together")));
        }
        mode = Mode::Quiet;
    }
    let check = a.has("check") || a.value("call") == Some("check");
    if let Some(c) = a.value("call") {
        if !matches!(c, "build" | "check") {
            return Err(error(cli, format!("baleine: --call={c} is not simulated (only build and check)")));
        }
    }
    // Tags.
    let mut tags = Vec::new();
    for t in a.values("tag") {
        match Reference::parse(t) {
            Ok(r) if r.digest.is_none() => tags.push(t.to_string()),
            Ok(_) => return Err(error(cli, format!("invalid tag {t:?}: invalid reference format"))),
            Err(e) => {
                let why = if e.message.contains("must be lowercase") { "repository name must be lowercase" } else { "invalid reference format" };
                return Err(error(cli, format!("invalid tag {t:?}: {why}")));
            }
        }
    }
    // Network.
    let network = a.value("network").unwrap_or("default").to_string();
    if !matches!(network.as_str(), "default" | "none" | "host" | "") {
        return Err(error(cli, format!("network mode {network:?} not supported by buildkit")));
    }
    // Context.
    let ctx_arg = a.args[0].clone();
    let mut req = BuildRequest { network: if network.is_empty() { "default".into() } else { network }, ..Default::default() };
    let stdin_text = cli.stdin.as_ref().map(|b| String::from_utf8_lossy(b).into_owned());
    if ctx_arg == "-" {
        if a.value("file") == Some("-") {
            return Err(error(cli, "invalid argument: can't use stdin for both build context and dockerfile"));
        }
        req.dockerfile_text = Some(stdin_text.clone().unwrap_or_default());
    } else if ctx_arg.starts_with("http://") || ctx_arg.starts_with("https://") || ctx_arg.starts_with("git@") || ctx_arg.starts_with("git://") {
        return Err(error(cli, "baleine: remote build contexts (Git or URL) are not simulated; clone the repository and build the folder"));
    } else {
        let p = cli.host_path(&ctx_arg);
        let is_dir = matches!(cli.world.forest.tree(cli.world.host_tree).get(&p), Some(Node::Dir(_)));
        if !is_dir {
            return Err(error(cli, format!("unable to prepare context: path {ctx_arg:?} not found")));
        }
        req.context_dir = p;
    }
    match a.value("file") {
        Some("-") => req.dockerfile_text = Some(stdin_text.unwrap_or_default()),
        Some(f) if req.dockerfile_text.is_none() => req.dockerfile_path = Some(cli.host_path(f)),
        _ => {}
    }
    // Build args, labels, secrets.
    for b in a.values("build-arg") {
        match b.split_once('=') {
            Some((k, v)) => req.build_args.push((k.to_string(), v.to_string())),
            None => {
                if let Some(v) = cli.getenv(b) {
                    req.build_args.push((b.to_string(), v.to_string()));
                }
            }
        }
    }
    for l in a.values("label") {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        req.labels.push((k.to_string(), v.to_string()));
    }
    for s in a.values("secret") {
        match parse_secret(cli, s) {
            Ok(x) => req.secrets.push(x),
            Err(e) => return Err(error(cli, e)),
        }
    }
    let mut notes: Vec<String> = Vec::new();
    for o in a.values("output") {
        let fields: Vec<(String, String)> = o.split(',').map(|f| f.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).unwrap_or(("dest".into(), f.to_string()))).collect();
        let get = |k: &str| fields.iter().find(|(fk, _)| fk == k).map(|(_, v)| v.clone());
        let kind = get("type").unwrap_or_else(|| if o.contains('=') { String::new() } else { "local".into() });
        match kind.as_str() {
            "local" => match get("dest") {
                Some(d) => req.output_local = Some(cli.host_path(&d)),
                None => return Err(error(cli, "dest is required for local output")),
            },
            "docker" | "image" | "moby" => {}
            "registry" => notes.push(push_note(&tags)),
            other => return Err(error(cli, format!("baleine: --output type={other} is not simulated (use type=local,dest=DIR or the default image output)"))),
        }
    }
    if a.has("push") {
        notes.push(push_note(&tags));
    }
    if !a.values("cache-from").is_empty() {
        notes.push("--cache-from: baleine's build cache is local to this simulated machine; the local cache is used as usual.".into());
    }
    if !a.values("cache-to").is_empty() {
        notes.push("--cache-to: baleine keeps the build cache locally only; nothing was exported.".into());
    }
    for p in a.values("platform") {
        for p in p.split(',') {
            if !matches!(p.trim(), "linux/amd64" | "linux/x86_64" | "") {
                notes.push(format!("--platform={p}: baleine simulates linux/amd64 only; the image was built for linux/amd64."));
            }
        }
    }
    if !a.values("ssh").is_empty() {
        notes.push("--ssh: the simulator has no SSH agent to forward; RUN --mount=type=ssh steps run without one.".into());
    }
    req.tags = tags;
    req.target = a.value("target").map(str::to_string);
    req.no_cache = a.has("no-cache");
    req.no_cache_filter = a.values("no-cache-filter").iter().map(|s| s.to_string()).collect();
    req.pull = a.has("pull");
    req.check_only = check;

    Ok(Prepared { req, mode, check, notes, iidfile: a.value("iidfile").map(str::to_string), explain: a.has("explain") })
}

fn run_prepared(cli: &mut Cli<'_>, p: Prepared) -> i32 {
    let Prepared { req, mode, check, notes, iidfile, explain } = p;
    let start = cli.world.now_ms;
    let out = cli.world.build(&req);
    let mut status = if out.failure.is_some() { 1 } else { 0 };
    // Progress (stderr).
    match mode {
        Mode::Tty => cli.err(progress::tty(&out, progress::WIDTH)),
        Mode::Plain => cli.err(progress::plain(&out)),
        Mode::RawJson => cli.err(progress::rawjson(&out, start, cli.world.epoch_secs)),
        Mode::Quiet => {}
    }
    if check && out.failure.is_none() {
        let (text, st) = progress::check_result(&out);
        cli.print(text);
        status = st;
        // baleine's own advice only when asked for (--explain): a real
        // `--check` ends with the last warning.
        if explain {
            print_lint(cli, &out);
        }
        return status;
    }
    cli.err(progress::trailer(&out, mode));
    if out.failure.is_none() {
        if let Some(id) = &out.image_id {
            if mode == Mode::Quiet {
                cli.print(format!("sha256:{id}\n"));
            }
            if let Some(f) = iidfile.as_deref() {
                let p = cli.host_path(f);
                let host = cli.world.host_tree;
                if let Some(t) = cli.world.forest.get_mut(host) {
                    let _ = t.write(&p, Content::text(&format!("sha256:{id}")), Meta::file(), false);
                }
            }
        }
    }
    for n in out.notes.iter().chain(notes.iter()) {
        cli.err(format!("baleine: {n}\n"));
    }
    if explain {
        print_explain(cli, &out);
        print_lint(cli, &out);
    }
    status
}

fn push_note(tags: &[String]) -> String {
    match tags.first() {
        Some(t) => format!("--push: the image was built locally; send it to the registry with `docker push {t}`."),
        None => "--push: give the image a name with -t user/app:tag, then send it with `docker push user/app:tag`.".into(),
    }
}

/// `--secret id=x,src=path` / `id=x,env=VAR` / `id=x` (environment, then file).
fn parse_secret(cli: &Cli<'_>, spec: &str) -> Result<(String, Vec<u8>), String> {
    let mut id = None;
    let mut src = None;
    let mut env = None;
    let mut typ = None;
    for f in spec.split(',') {
        let (k, v) = f.split_once('=').unwrap_or((f, ""));
        match k.to_lowercase().as_str() {
            "id" => id = Some(v.to_string()),
            "src" | "source" => src = Some(v.to_string()),
            "env" => env = Some(v.to_string()),
            "type" => typ = Some(v.to_string()),
            _ => return Err(format!("could not parse secrets: [{spec}]: unexpected key '{k}' in '{f}'")),
        }
    }
    let id = id.or_else(|| src.as_ref().map(|s| baleine_vfs::basename(s).to_string())).or_else(|| env.clone()).unwrap_or_default();
    if typ.as_deref() == Some("env") || (env.is_some() && src.is_none()) {
        let var = env.unwrap_or_else(|| src.clone().unwrap_or_else(|| id.clone()));
        return match cli.getenv(&var) {
            Some(v) => Ok((id, v.as_bytes().to_vec())),
            None => Err(format!("could not parse secrets: [{spec}]: secret env {var} not found")),
        };
    }
    let path = match src {
        Some(s) => s,
        None => {
            if let Some(v) = cli.getenv(&id) {
                return Ok((id, v.as_bytes().to_vec()));
            }
            id.clone()
        }
    };
    match cli.read_host_file(&path) {
        Some(bytes) => Ok((id, bytes)),
        None => Err(format!("could not parse secrets: [{spec}]: failed to stat {path}: stat {path}: no such file or directory")),
    }
}

fn print_explain(cli: &mut Cli<'_>, out: &BuildOutput) {
    let mut s = String::from("\n=== baleine: why each step ran or came from the cache ===\n");
    if out.explain.is_empty() {
        s.push_str("  (no step ran)\n");
    }
    for e in &out.explain {
        if e.cached && e.reason == "CACHED" {
            s.push_str(&format!("  CACHED  {}\n", e.name));
        } else if e.name.contains("FROM ") && !e.name.contains(" RUN ") && !e.name.contains(" COPY ") {
            s.push_str(&format!("  BASE    {}\n          {}\n", e.name, e.reason));
        } else {
            s.push_str(&format!("  RAN     {}\n          why: {}\n", e.name, e.reason));
        }
    }
    cli.print(s);
}

fn print_lint(cli: &mut Cli<'_>, out: &BuildOutput) {
    if out.lint.is_empty() {
        return;
    }
    let mut s = String::from("\n=== baleine: Dockerfile advice ===\n");
    for f in &out.lint {
        s.push_str(&format!("  line {}: {} ({})\n          {}\n", f.line, f.message, f.rule, f.explain_en));
        if let Some(u) = f.url {
            s.push_str(&format!("          {u}\n"));
        }
    }
    cli.print(s);
}

const PRUNE_FLAGS: &[Flag] = &[
    flag("all", Some('a'), "", "Include internal/frontend images"),
    flag("filter", None, "filter", "Provide filter values (e.g., \"until=24h\")"),
    flag("force", Some('f'), "", "Do not prompt for confirmation"),
    flag("keep-storage", None, "bytes", "Amount of disk space to keep for cache"),
    flag("max-used-space", None, "bytes", "Maximum amount of disk space allowed to keep for cache"),
    flag("min-free-space", None, "bytes", "Target amount of free disk space after pruning"),
    flag("reserved-space", None, "bytes", "Amount of disk space always allowed to keep for cache"),
    flag("verbose", None, "", "Provide a more verbose output"),
];

/// Go's tabwriter with tab padding (minwidth 1, tabwidth 8, padding 1).
fn tab_table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for r in rows {
        for (i, c) in r.iter().enumerate().take(cols.saturating_sub(1)) {
            let w = c.chars().count() + 1;
            widths[i] = widths[i].max(w.div_ceil(8) * 8);
        }
    }
    let mut s = String::new();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            s.push_str(c);
            if i + 1 < r.len() {
                let len = c.chars().count();
                let tabs = (widths[i].saturating_sub(len)).div_ceil(8).max(1);
                s.push_str(&"\t".repeat(tabs));
            }
        }
        s.push('\n');
    }
    s
}

/// `docker builder prune` / `docker buildx prune`.
pub fn prune(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let cmd = Command { path: "docker buildx prune", usage: "[OPTIONS]", short: "Remove build cache", aliases: &["docker builder prune"], flags: PRUNE_FLAGS, stop_at_positional: false, min_args: 0, max_args: 0 };
    let a = match crate::parse_args(cli, &cmd, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let all = a.has("all");
    // buildx commands/prune.go toBuildkitPruneInfo: `until` (or the
    // deprecated `unused-for`) is a Go duration, the other filters go to
    // BuildKit as field matches on the cache records.
    let mut filters: Vec<(String, String)> = Vec::new();
    for f in a.values("filter") {
        if f.is_empty() {
            continue;
        }
        match f.split_once('=') {
            Some((k, v)) => filters.push((k.trim().to_lowercase(), v.trim().to_string())),
            None => {
                cli.err(format!("invalid argument \"{f}\" for \"--filter\" flag: bad format of filter (expected name=value)\nSee 'docker buildx prune --help'.\n"));
                return 1;
            }
        }
    }
    let until: Vec<&(String, String)> = filters.iter().filter(|(k, _)| k == "until" || k == "unused-for").collect();
    if filters.iter().any(|(k, _)| k == "until") && filters.iter().any(|(k, _)| k == "unused-for") {
        cli.err("ERROR: conflicting filters \"until\" and \"unused-for\"\n");
        return 1;
    }
    let mut keep_ms: Option<u64> = None;
    match until.as_slice() {
        [] => {}
        [(k, v)] => match baleine_util::go::parse_duration(v) {
            Ok(ns) => keep_ms = Some((ns.max(0) / 1_000_000) as u64),
            Err(e) => {
                cli.err(format!("ERROR: {k:?} filter expects a duration (e.g., '24h'): {e}\n"));
                return 1;
            }
        },
        _ => {
            cli.err("ERROR: filters expect only one value\n");
            return 1;
        }
    }
    let others: Vec<(String, String)> = filters.iter().filter(|(k, _)| k != "until" && k != "unused-for").cloned().collect();
    let mut keys: Vec<&str> = others.iter().map(|(k, _)| k.as_str()).collect();
    keys.dedup();
    if keys.iter().any(|k| others.iter().filter(|(o, _)| o == k).count() > 1) {
        cli.err("ERROR: filters expect only one value\n");
        return 1;
    }
    if !a.has("force") {
        let warning = if all { "WARNING! This will remove all build cache. Are you sure you want to continue?" } else { "WARNING! This will remove all dangling build cache. Are you sure you want to continue?" };
        cli.print(format!("{warning} [y/N] "));
        if !crate::confirm_prune(cli, "builder", argv) {
            return 0;
        }
    }
    let now = cli.world.now_ms;
    // BuildKit prune: a record used within the keep duration stays; field
    // filters (id~=, type==, ...) must all match.
    let cutoff = keep_ms.filter(|d| *d > 0).map(|d| now.saturating_sub(d));
    let removed = cli.world.build.prune_where(all, &|e| {
        cutoff.is_none_or(|c| e.last_used_ms <= c)
            && others.iter().all(|(k, v)| match k.as_str() {
                "id" => e.id.contains(v.as_str()),
                "type" => v == if e.mutable { "exec.cachemount" } else { "regular" },
                "mutable" => v == if e.mutable { "true" } else { "false" },
                "inuse" | "shared" | "private" => v == "false",
                _ => false,
            })
    });
    let total: u64 = removed.iter().map(|r| r.size).sum();
    if !removed.is_empty() {
        let mut rows = vec![vec!["ID".to_string(), "RECLAIMABLE".into(), "SIZE".into(), "LAST ACCESSED".into()]];
        for r in &removed {
            let id = if r.mutable { format!("{}*", r.id) } else { r.id.clone() };
            let last = if r.last_used_ms == 0 { String::new() } else { format!("{} ago", baleine_engine::util::human_duration(now.saturating_sub(r.last_used_ms))) };
            rows.push(vec![format!("{id:<40}"), "true ".into(), format!("{:<10}", baleine_engine::util::human_size4(r.size)), last]);
        }
        cli.print(tab_table(&rows));
    }
    cli.print(format!("Total:\t{}\n", baleine_engine::util::human_size4(total)));
    cli.world.touch();
    0
}

/// `docker commit`: a new image from a container's file system.

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_tables() {
        assert_eq!(baleine_engine::util::human_size4(0), "0B");
        assert_eq!(baleine_engine::util::human_size4(1_234_567), "1.235MB");
        let t = tab_table(&[vec!["ID".into(), "RECLAIMABLE".into(), "SIZE".into(), "LAST".into()], vec![format!("{:<40}", "abc"), "true ".into(), format!("{:<10}", "0B"), "x".into()]]);
        assert_eq!(t.lines().next().unwrap(), "ID\t\t\t\t\t\tRECLAIMABLE\tSIZE\t\tLAST");
    }
}
