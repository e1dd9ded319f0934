#![recursion_limit = "512"]
//! The `docker` command-line front.
//!
//! Turns argv into engine operations and engine results into exactly what
//! Docker 27's CLI prints, with its exit codes. It is the only crate that
//! knows Docker's output format (tables, JSON of inspect, progress of pull
//! and build, compose's output).
//!
//! Entry point: [`docker`]. Commands that keep the terminal (interactive
//! shells, `logs -f`, attached `run`/`compose up`, `stats`, `login`
//! prompts) return a [`Pending`] that the host drives with
//! [`pending_line`], [`follow_tick`] and [`follow_interrupt`].
//!
//! Code map: `args.rs` (pflag-like parsing, help, usage errors),
//! `format.rs` (status strings, ports, inspect JSON), `gotmpl.rs`
//! (`--format` templates), `tabwriter.rs` (tables), `cmd_*.rs` (one file
//! per command family), `compose/` (docker compose).

pub mod args;
mod build_progress;
mod cmd_build;
mod cmd_container;
mod cmd_context;
mod cmd_events;
mod cmd_image;
mod cmd_network;
mod cmd_system;
mod cmd_volume;
pub mod compose;
pub mod format;
pub mod gotmpl;
pub mod pending;
pub mod tabwriter;

use baleine_engine::{EngineError, ErrorKind, World};
use baleine_shell::Output;

pub use pending::{follow_interrupt, follow_tick, pending_line, pending_prompt, Follow, Pending};

/// Everything a docker command needs from its caller.
pub struct Cli<'a> {
    pub world: &'a mut World,
    /// The shell's working folder on the host (absolute).
    pub cwd: String,
    /// The shell's exported environment.
    pub env: Vec<(String, String)>,
    /// Bytes piped into docker, if any (`echo pw | docker login --password-stdin`).
    pub stdin: Option<Vec<u8>>,
    /// Standard output is the terminal (not a pipe or a file).
    pub stdout_tty: bool,
    pub out: Output,
    /// Set by commands that keep the terminal.
    pub pending: Option<Pending>,
}

impl Cli<'_> {
    pub fn getenv(&self, key: &str) -> Option<&str> {
        self.env.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// A path typed by the user, made absolute against the shell's folder.
    pub fn host_path(&self, p: &str) -> String {
        let home = self.env.iter().find(|(k, _)| k == "HOME").map(|(_, v)| v.as_str()).unwrap_or("/home/learner");
        if p == "~" {
            return home.to_string();
        }
        if let Some(rest) = p.strip_prefix("~/") {
            return baleine_vfs::normalize(home, rest);
        }
        baleine_vfs::normalize(&self.cwd, p)
    }

    /// `Error response from daemon: ...` on stderr.
    pub fn daemon_error(&mut self, e: &EngineError) {
        self.out.err(format!("Error response from daemon: {}\n", e.message));
    }

    pub fn err(&mut self, s: impl AsRef<str>) {
        self.out.err(s);
    }

    pub fn print(&mut self, s: impl AsRef<str>) {
        self.out.out(s);
    }

    /// `docker save` / `docker export` without `-o` on a terminal: refused
    /// (docker/cli: "cowardly refusing to save to a terminal"). True when
    /// refused.
    pub(crate) fn refuses_archive_on_terminal(&mut self, out: Option<&str>) -> bool {
        if out.is_none() && self.stdout_tty {
            self.err("cowardly refusing to save to a terminal. Use the -o flag or redirect\n");
            return true;
        }
        false
    }

    /// The bytes of a regular file of the host (relative to the working
    /// folder); a file whose bytes are not modelled reads as empty. None
    /// when there is no such file.
    pub(crate) fn read_host_file(&self, path: &str) -> Option<Vec<u8>> {
        match self.world.forest.tree(self.world.host_tree).get(&self.host_path(path)) {
            Some(baleine_vfs::Node::File(f)) => Some(match &f.content {
                baleine_vfs::Content::Bytes(b) => b.to_vec(),
                baleine_vfs::Content::Opaque { .. } => Vec::new(),
            }),
            _ => None,
        }
    }

    /// An archive to the `-o` file of the host folder, or to stdout.
    /// `Err` when the file cannot be written (its folder is missing).
    pub(crate) fn emit_archive(&mut self, out: Option<&str>, bytes: Vec<u8>) -> Result<(), ()> {
        let Some(o) = out else {
            self.print(String::from_utf8_lossy(&bytes));
            return Ok(());
        };
        let path = self.host_path(o);
        let host = self.world.host_tree;
        match self.world.forest.get_mut(host).map(|t| t.write(&path, baleine_vfs::Content::Bytes(std::sync::Arc::new(bytes)), baleine_vfs::Meta::file(), false)) {
            Some(Err(_)) => Err(()),
            _ => Ok(()),
        }
    }
}

/// What a docker command produced.
pub struct CliResult {
    pub out: Output,
    pub status: i32,
    pub pending: Option<Pending>,
}

/// Runs `docker ARGS...` (argv without the leading "docker") with its
/// output on the terminal.
pub fn docker(world: &mut World, argv: &[String], cwd: &str, env: &[(String, String)], stdin: Option<&[u8]>) -> CliResult {
    docker_to(world, argv, cwd, env, stdin, true)
}

/// `docker`, with standard output on the terminal or not (`stdout_tty`).
pub fn docker_to(world: &mut World, argv: &[String], cwd: &str, env: &[(String, String)], stdin: Option<&[u8]>, stdout_tty: bool) -> CliResult {
    let mut cli = Cli { world, cwd: cwd.to_string(), env: env.to_vec(), stdin: stdin.map(|s| s.to_vec()), stdout_tty, out: Output::new(), pending: None };
    let status = dispatch(&mut cli, argv);
    // The client and the daemon take a little real time: model it so that
    // a server started by one command is listening by the next one.
    let words: Vec<&str> = argv.iter().map(String::as_str).filter(|a| !a.starts_with('-')).take(2).collect();
    let cost = match words.as_slice() {
        ["run", ..] | ["container", "run"] | ["start", ..] | ["container", "start"] | ["restart", ..] => 300,
        ["create", ..] | ["container", "create"] => 100,
        ["exec", ..] | ["container", "exec"] => 80,
        ["rm", ..] | ["network", _] | ["volume", _] => 40,
        _ => 15,
    };
    cli.world.advance(cost);
    cli.world.touch();
    CliResult { out: cli.out, status, pending: cli.pending }
}

/// `docker --help` of docker/cli v27.5.1 (cli/cobra.go's usage template)
/// with the buildx and compose plugins, on an 80-column terminal (pflag
/// wraps the global options' usage at 79), for the learner's home.
const TOP_HELP: &str = "
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  build       Build an image from a Dockerfile
  pull        Download an image from a registry
  push        Upload an image to a registry
  images      List images
  login       Authenticate to a registry
  logout      Log out from a registry
  search      Search Docker Hub for images
  version     Show the Docker version information
  info        Display system-wide information

Management Commands:
  builder     Manage builds
  buildx*     Docker Buildx
  compose*    Docker Compose
  container   Manage containers
  context     Manage contexts
  image       Manage images
  manifest    Manage Docker image manifests and manifest lists
  network     Manage networks
  plugin      Manage plugins
  system      Manage Docker
  trust       Manage trust on Docker images
  volume      Manage volumes

Swarm Commands:
  swarm       Manage Swarm

Commands:
  attach      Attach local standard input, output, and error streams to a running container
  commit      Create a new image from a container's changes
  cp          Copy files/folders between a container and the local filesystem
  create      Create a new container
  diff        Inspect changes to files or directories on a container's filesystem
  events      Get real time events from the server
  export      Export a container's filesystem as a tar archive
  history     Show the history of an image
  import      Import the contents from a tarball to create a filesystem image
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  load        Load an image from a tar archive or STDIN
  logs        Fetch the logs of a container
  pause       Pause all processes within one or more containers
  port        List port mappings or a specific mapping for the container
  rename      Rename a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  save        Save one or more images to a tar archive (streamed to STDOUT by default)
  start       Start one or more stopped containers
  stats       Display a live stream of container(s) resource usage statistics
  stop        Stop one or more running containers
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  top         Display the running processes of a container
  unpause     Unpause all processes within one or more containers
  update      Update configuration of one or more containers
  wait        Block until one or more containers stop, then print their exit codes

Global Options:
      --config string      Location of client config files (default
                           \"/home/learner/.docker\")
  -c, --context string     Name of the context to use to connect to the
                           daemon (overrides DOCKER_HOST env var and
                           default context set with \"docker context use\")
  -D, --debug              Enable debug mode
  -H, --host list          Daemon socket to connect to
  -l, --log-level string   Set the logging level (\"debug\", \"info\",
                           \"warn\", \"error\", \"fatal\") (default \"info\")
      --tls                Use TLS; implied by --tlsverify
      --tlscacert string   Trust certs signed only by this CA (default
                           \"/home/learner/.docker/ca.pem\")
      --tlscert string     Path to TLS certificate file (default
                           \"/home/learner/.docker/cert.pem\")
      --tlskey string      Path to TLS key file (default
                           \"/home/learner/.docker/key.pem\")
      --tlsverify          Use TLS and verify the remote
  -v, --version            Print version information and quit

Run 'docker COMMAND --help' for more information on a command.

For more help on how to use Docker, head to https://docs.docker.com/go/guides/
";

/// The commands `docker --help` lists (plugins without their `*`).
fn top_level_commands() -> impl Iterator<Item = &'static str> {
    TOP_HELP.lines().filter(|l| l.starts_with("  ") && l.as_bytes().get(2).is_some_and(u8::is_ascii_lowercase)).filter_map(|l| l.split_whitespace().next()).map(|n| n.trim_end_matches('*'))
}

/// The global options of `docker` (docker/cli v27.5.1 cli/flags
/// ClientOptions.InstallFlags and cmd/docker's --version); their help is
/// in [`TOP_HELP`].
const ROOT_FLAGS: &[args::Flag] = &[
    args::flag("config", None, "string", ""),
    args::flag("context", Some('c'), "string", ""),
    args::flag("debug", Some('D'), "", ""),
    args::flag("host", Some('H'), "list", ""),
    args::flag("log-level", Some('l'), "string", ""),
    args::flag("tls", None, "", ""),
    args::flag("tlscacert", None, "string", ""),
    args::flag("tlscert", None, "string", ""),
    args::flag("tlskey", None, "string", ""),
    args::flag("tlsverify", None, "", ""),
    args::flag("version", Some('v'), "", ""),
];

/// The root command's flag set as HandleGlobalFlags parses it: not
/// interspersed, so parsing stops at the command's name.
const ROOT: args::Command = args::Command { path: "docker", usage: "[OPTIONS] COMMAND", short: "A self-sufficient runtime for containers", aliases: &[], flags: ROOT_FLAGS, stop_at_positional: true, min_args: 0, max_args: usize::MAX };

/// What pflag prints (on the command's output) each time the deprecated
/// `-h` shorthand of the help flag is used (cli/cobra.go marks it with
/// MarkShorthandDeprecated("help", "use --help")).
const SHORT_HELP_DEPRECATED: &str = "Flag shorthand -h has been deprecated, use --help\n";

fn dispatch(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    // Global options before the command (cli.TopLevelCommand
    // HandleGlobalFlags): a bad one is FlagErrorFunc's error on the root
    // command, followed by the root's whole usage.
    let (root, short_help) = match args::parse_counting_short_help(&ROOT, argv) {
        Ok(x) => x,
        Err(msg) => {
            cli.err(format!("{msg}\nSee 'docker --help'.\n{TOP_HELP}\n"));
            return 125;
        }
    };
    // This flag set writes to stderr (pflag's default output).
    for _ in 0..short_help {
        cli.err(SHORT_HELP_DEPRECATED);
    }
    // cli/flags SetLogLevel (logrus.ParseLevel).
    if let Some(level) = root.value("log-level").filter(|l| !l.is_empty()) {
        if !matches!(level.to_lowercase().as_str(), "panic" | "fatal" | "error" | "warn" | "warning" | "info" | "debug" | "trace") {
            cli.err(format!("Unable to parse logging level: {level}\n"));
            return 1;
        }
    }
    let argv = root.args.as_slice();
    let Some(cmd) = argv.first() else {
        if root.help {
            cli.print(TOP_HELP);
        } else if root.has("version") {
            cli.print("Docker version 27.5.1, build 9f9e405\n");
        } else {
            // The root's RunE without arguments: ShowHelp on stderr.
            cli.err(TOP_HELP);
        }
        return 0;
    };
    // `docker --help CMD`: the help flag is shared with the command.
    if root.help {
        let mut again = vec![cmd.clone(), "--help".to_string()];
        again.extend(argv[1..].iter().cloned());
        return dispatch(cli, &again);
    }
    let rest = &argv[1..];
    match cmd.as_str() {
        "container" | "image" | "system" => group(cli, cmd, rest),
        "network" | "volume" => match group_front(cli, cmd, rest) {
            Some(s) => s,
            None if cmd == "network" => cmd_network::run(cli, rest),
            // cli.NoArgs's usage is rendered before hideUnsupportedFeatures
            // hides the swarm-only `volume update`: it is listed there.
            None if !rest.first().is_some_and(|s| group_has_sub("volume", s)) => {
                let usage = group_usage("volume").replace("  rm          Remove one or more volumes\n", "  rm          Remove one or more volumes\n  update      Update a volume (cluster volumes only)\n");
                cli.err(format!("\n{usage}"));
                1
            }
            None => cmd_volume::run(cli, rest),
        },
        // cmd/docker/builder.go forwardBuilder: `docker builder ...` runs
        // `docker buildx ...` when the buildx plugin is installed.
        "builder" | "buildx" => group(cli, "buildx", rest),
        "context" => group(cli, "context", rest),
        "compose" => compose::run(cli, rest),
        "build" => cmd_build::build(cli, rest, "docker build"),
        "version" => cmd_system::version(cli, rest),
        "info" => cmd_system::info(cli, rest, "docker info"),
        "events" => cmd_events::events(cli, rest, "docker events"),
        "inspect" => cmd_system::inspect(cli, rest),
        "login" => cmd_system::login(cli, rest),
        "logout" => cmd_system::logout(cli, rest),
        "search" => cmd_image::search(cli, rest),
        "scan" | "scout" => {
            cli.err(format!("baleine: 'docker {cmd}' needs Docker Scout and a network connection, which the simulator does not have; on a real machine it lists the image's known vulnerabilities (CVEs).\n"));
            1
        }
        "swarm" | "service" | "stack" | "node" | "secret" | "config" | "plugin" | "trust" | "manifest" => {
            cli.err(format!("baleine: 'docker {cmd}' is beyond what this simulator models (it simulates one Docker Engine without swarm).\n"));
            1
        }
        // docker/cli's helpCommand: the help of the named command, as its
        // --help prints it; words that do not name a command are an error
        // (cobra's Find leaves them over).
        "help" => match rest.first() {
            None => {
                cli.print(TOP_HELP);
                0
            }
            Some(topic) if help_topic_known(rest) => {
                let mut argv = vec![topic.clone()];
                argv.extend(rest.get(1).cloned());
                argv.push("--help".into());
                dispatch(cli, &argv)
            }
            Some(_) => {
                cli.err(format!("unknown help topic: {}\n", rest.join(" ")));
                1
            }
        },
        name => match container_or_image(cli, name, rest) {
            Some(s) => s,
            None => {
                cli.err(format!("docker: '{name}' is not a docker command.\nSee 'docker --help'\n"));
                1
            }
        },
    }
}

/// Whether `docker help WORDS...` names a command: a top-level command,
/// and for a management command at most one of its sub-commands (or an
/// alias of one). A plugin takes the rest of the words itself.
fn help_topic_known(words: &[String]) -> bool {
    let Some(first) = words.first() else { return true };
    if !top_level_commands().any(|c| c == first) {
        return false;
    }
    if matches!(first.as_str(), "compose" | "buildx") {
        return true;
    }
    match words.get(1) {
        None => true,
        Some(sub) => words.len() == 2 && group_has_sub(first, sub),
    }
}

/// Whether a management command has a sub-command of that name (or alias).
fn group_has_sub(group: &str, sub: &str) -> bool {
    let aliases: &[&str] = match group {
        "container" => &["list", "ps", "remove"],
        "image" => &["list", "rmi", "remove"],
        "network" | "volume" | "context" => &["list", "remove"],
        _ => &[],
    };
    if aliases.contains(&sub) {
        return true;
    }
    match group {
        "container" | "image" | "network" | "volume" | "system" | "builder" | "context" => group_usage(group).lines().skip_while(|l| *l != "Commands:").skip(1).take_while(|l| !l.is_empty()).filter_map(|l| l.split_whitespace().next()).any(|n| n == sub),
        _ => false,
    }
}

/// `docker GROUP` alone or with flags before its sub-command: the group's
/// own cobra command (Args cli.NoArgs, RunE ShowHelp on stderr), whose
/// only flag is the hidden --help. None when a sub-command comes first.
fn group_front(cli: &mut Cli<'_>, group: &str, rest: &[String]) -> Option<i32> {
    if rest.first().is_some_and(|a| !a.starts_with('-') || a == "-") {
        return None;
    }
    let usage = group_usage(group);
    let cmd = args::Command { path: "", usage: "", short: "", aliases: &[], flags: &[], stop_at_positional: false, min_args: 0, max_args: 0 };
    Some(match args::parse_counting_short_help(&cmd, rest) {
        // cli.FlagErrorFunc: a command with sub-commands adds its usage.
        Err(msg) => {
            cli.err(format!("{msg}\nSee 'docker {group} --help'.\n\n{usage}\n"));
            125
        }
        Ok((a, short_help)) => {
            for _ in 0..short_help {
                cli.print(SHORT_HELP_DEPRECATED);
            }
            if a.help {
                cli.print(format!("\n{usage}"));
                0
            } else {
                // cli.NoArgs on a command with sub-commands: its usage as
                // the error (exit 1); no arguments: ShowHelp, on stderr.
                cli.err(format!("\n{usage}"));
                i32::from(!a.args.is_empty())
            }
        }
    })
}

/// Top-level commands that are shortcuts of container/image sub-commands.
fn container_or_image(cli: &mut Cli<'_>, name: &str, rest: &[String]) -> Option<i32> {
    Some(match name {
        "run" | "create" | "start" | "stop" | "restart" | "kill" | "rm" | "ps" | "logs" | "exec" | "pause" | "unpause" | "rename" | "wait" | "top" | "stats" | "port" | "diff" | "cp" | "export" | "commit" | "update" | "attach" => cmd_container::run(cli, name, rest, false),
        "pull" | "push" | "images" | "rmi" | "tag" | "history" | "save" | "load" | "import" => cmd_image::run(cli, name, rest),
        _ => return None,
    })
}

fn group(cli: &mut Cli<'_>, group: &str, rest: &[String]) -> i32 {
    if group == "buildx" {
        return buildx(cli, rest);
    }
    if let Some(s) = group_front(cli, group, rest) {
        return s;
    }
    let sub = rest.first().map(String::as_str).unwrap_or("");
    let args = if rest.is_empty() { rest } else { &rest[1..] };
    match (group, sub) {
        ("container", "ls" | "list" | "ps") => cmd_container::run(cli, "ps", args, true),
        ("container", "remove") => cmd_container::run(cli, "rm", args, true),
        ("container", "inspect") => cmd_system::inspect_kind(cli, args, "container"),
        ("container", "prune") => cmd_container::prune(cli, args),
        ("container", s) => match s {
            "run" | "create" | "start" | "stop" | "restart" | "kill" | "rm" | "logs" | "exec" | "pause" | "unpause" | "rename" | "wait" | "top" | "stats" | "port" | "diff" | "cp" | "export" | "commit" | "update" | "attach" => cmd_container::run(cli, s, args, true),
            _ => unknown_sub(cli, group, s),
        },
        ("image", "ls" | "list") => via_image_group(|| cmd_image::run(cli, "image ls", args)),
        ("image", "rm" | "rmi" | "remove") => via_image_group(|| cmd_image::run(cli, "rmi", args)),
        ("image", "build") => cmd_build::build(cli, args, "docker image build"),
        ("image", "inspect") => cmd_system::inspect_kind(cli, args, "image"),
        ("image", "prune") => cmd_image::prune(cli, args),
        ("image", s @ ("pull" | "push" | "tag" | "history" | "save" | "load" | "import")) => via_image_group(|| cmd_image::run(cli, s, args)),
        ("system", "df") => cmd_system::df(cli, args),
        ("system", "prune") => cmd_system::prune(cli, args),
        ("system", "info") => cmd_system::info(cli, args, "docker system info"),
        ("system", "events") => cmd_events::events(cli, args, "docker system events"),
        ("context", s) => cmd_context::run(cli, s, args),
        (g, s) => unknown_sub(cli, g, s),
    }
}

thread_local! {
    /// Set while an image command runs as `docker image X`.
    static VIA_IMAGE_GROUP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn via_image_group(f: impl FnOnce() -> i32) -> i32 {
    VIA_IMAGE_GROUP.with(|v| v.set(true));
    let status = f();
    VIA_IMAGE_GROUP.with(|v| v.set(false));
    status
}

/// Under `docker image`, the image commands are distinct cobra commands
/// (cli/command/image/cmd.go): their path is `docker image X`, and `ls`
/// and `rm` have their own Use lines (newListCommand, newRemoveCommand).
fn image_group_command(cmd: &args::Command) -> args::Command {
    if !VIA_IMAGE_GROUP.with(|v| v.get()) {
        return *cmd;
    }
    let (path, usage) = match cmd.path {
        "docker images" => ("docker image ls", "[OPTIONS] [REPOSITORY[:TAG]]"),
        "docker rmi" => ("docker image rm", "[OPTIONS] IMAGE [IMAGE...]"),
        "docker pull" => ("docker image pull", cmd.usage),
        "docker push" => ("docker image push", cmd.usage),
        "docker tag" => ("docker image tag", cmd.usage),
        "docker history" => ("docker image history", cmd.usage),
        "docker save" => ("docker image save", cmd.usage),
        "docker load" => ("docker image load", cmd.usage),
        "docker import" => ("docker image import", cmd.usage),
        _ => return *cmd,
    };
    args::Command { path, usage, ..*cmd }
}

/// buildx v0.19.3 commands/root.go: the root's usage (docker/cli's usage
/// template for a plugin command).
const BUILDX_USAGE: &str = "Usage:  docker buildx [OPTIONS] COMMAND

Extended build capabilities with BuildKit

Options:
      --builder string   Override the configured builder instance
  -D, --debug            Enable debug logging

Management Commands:
  imagetools  Commands to work on images in registry

Commands:
  bake        Build from a file
  build       Start a build
  create      Create a new builder instance
  dial-stdio  Proxy current stdio streams to builder instance
  du          Disk usage
  inspect     Inspect current builder instance
  ls          List builder instances
  prune       Remove build cache
  rm          Remove one or more builder instances
  stop        Stop builder instance
  use         Set the current builder instance
  version     Show buildx version information

Run 'docker buildx COMMAND --help' for more information on a command.
";

/// buildx's help: cobra's default help template (the Long text first) as
/// NewRootCmd extends it when experimental features are off.
fn buildx_help() -> String {
    format!("Extended build capabilities with BuildKit\n\n{BUILDX_USAGE}\nExperimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n")
}

/// `docker buildx ...` (and `docker builder ...`, forwarded to it).
fn buildx(cli: &mut Cli<'_>, rest: &[String]) -> i32 {
    // The root's persistent flags come before the sub-command.
    const FLAGS: &[args::Flag] = &[args::flag("builder", None, "string", ""), args::flag("debug", Some('D'), "", "")];
    let cmd = args::Command { path: "docker buildx", usage: "", short: "", aliases: &[], flags: FLAGS, stop_at_positional: true, min_args: 0, max_args: usize::MAX };
    let (a, short_help) = match args::parse_counting_short_help(&cmd, rest) {
        Ok(x) => x,
        Err(msg) => {
            cli.err(format!("{msg}\nSee 'docker buildx --help'.\n\n{BUILDX_USAGE}\n"));
            return 125;
        }
    };
    for _ in 0..short_help {
        cli.print(SHORT_HELP_DEPRECATED);
    }
    let Some(sub) = a.args.first().map(String::as_str) else {
        cli.print(buildx_help());
        return 0;
    };
    if a.help {
        let mut again = vec![sub.to_string(), "--help".to_string()];
        again.extend(a.args[1..].iter().cloned());
        return buildx(cli, &again);
    }
    let args = &a.args[1..];
    match sub {
        "build" | "b" => cmd_build::build(cli, args, "docker buildx build"),
        "prune" => cmd_build::prune(cli, args),
        "ls" => buildx_simple(cli, "ls", "List builder instances", args, "NAME/NODE     DRIVER/ENDPOINT   STATUS    BUILDKIT   PLATFORMS\ndefault*      docker                                 \n \\_ default    \\_ default       running   v0.18.2    linux/amd64 (+3), linux/386\n"),
        // buildx commands/version.go: version.Package, Version, Revision.
        "version" => buildx_simple(cli, "version", "Show buildx version information", args, "github.com/docker/buildx v0.19.3 48d6a39\n"),
        "bake" | "f" | "create" | "dial-stdio" | "du" | "inspect" | "rm" | "stop" | "use" | "imagetools" | "install" | "uninstall" => {
            cli.err(format!("baleine: 'docker buildx {sub}' is beyond what this simulator models (one default builder, BuildKit inside the engine).\n"));
            1
        }
        // commands/root.go RunE: the help, then the error.
        _ => {
            cli.print(buildx_help());
            cli.err(format!("ERROR: unknown command: {}\n", baleine_util::go::quote(sub)));
            1
        }
    }
}

/// `docker buildx ls` / `version`: no arguments (cli.ExactArgs(0)); their
/// options include the root's inherited --debug (--builder is hidden).
fn buildx_simple(cli: &mut Cli<'_>, name: &'static str, short: &str, argv: &[String], text: &str) -> i32 {
    const LS_FLAGS: &[args::Flag] = &[args::flag("debug", Some('D'), "", "Enable debug logging"), args::flag("format", None, "string", "Format the output (default \"table\")"), args::flag("no-trunc", None, "", "Don't truncate output")];
    const VERSION_FLAGS: &[args::Flag] = &[args::flag("debug", Some('D'), "", "Enable debug logging")];
    let (path, flags) = if name == "ls" { ("docker buildx ls", LS_FLAGS) } else { ("docker buildx version", VERSION_FLAGS) };
    let cmd = args::Command { path, usage: "", short: "", aliases: &[], flags, stop_at_positional: false, min_args: 0, max_args: 0 };
    let a = match args::parse_counting_short_help(&cmd, argv) {
        Ok((a, n)) => {
            for _ in 0..n {
                cli.print(SHORT_HELP_DEPRECATED);
            }
            a
        }
        Err(msg) => {
            cli.err(format!("{msg}\nSee '{path} --help'.\n"));
            return 125;
        }
    };
    if a.help {
        cli.print(format!("{short}\n\nUsage:  {path}\n\n{short}\n\nOptions:\n{}\nExperimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n", args::flag_usages(flags)));
        return 0;
    }
    if !a.args.is_empty() {
        // buildx main: "ERROR: " and cli.ExactArgs's message.
        cli.err(format!("ERROR: \"{path}\" requires exactly 0 arguments.\nSee '{path} --help'.\n\nUsage:  {path}\n\n{short}\n"));
        return 1;
    }
    cli.print(text);
    0
}

/// Usage of a management command (printed, after a blank line, for an unknown sub-command).
pub(crate) fn group_usage(group: &str) -> String {
    let (short, cmds): (&str, &[(&str, &str)]) = match group {
        "container" => ("Manage containers", &[("attach", "Attach local standard input, output, and error streams to a running container"), ("commit", "Create a new image from a container's changes"), ("cp", "Copy files/folders between a container and the local filesystem"), ("create", "Create a new container"), ("diff", "Inspect changes to files or directories on a container's filesystem"), ("exec", "Execute a command in a running container"), ("export", "Export a container's filesystem as a tar archive"), ("inspect", "Display detailed information on one or more containers"), ("kill", "Kill one or more running containers"), ("logs", "Fetch the logs of a container"), ("ls", "List containers"), ("pause", "Pause all processes within one or more containers"), ("port", "List port mappings or a specific mapping for the container"), ("prune", "Remove all stopped containers"), ("rename", "Rename a container"), ("restart", "Restart one or more containers"), ("rm", "Remove one or more containers"), ("run", "Create and run a new container from an image"), ("start", "Start one or more stopped containers"), ("stats", "Display a live stream of container(s) resource usage statistics"), ("stop", "Stop one or more running containers"), ("top", "Display the running processes of a container"), ("unpause", "Unpause all processes within one or more containers"), ("update", "Update configuration of one or more containers"), ("wait", "Block until one or more containers stop, then print their exit codes")]),
        "image" => ("Manage images", &[("build", "Build an image from a Dockerfile"), ("history", "Show the history of an image"), ("import", "Import the contents from a tarball to create a filesystem image"), ("inspect", "Display detailed information on one or more images"), ("load", "Load an image from a tar archive or STDIN"), ("ls", "List images"), ("prune", "Remove unused images"), ("pull", "Download an image from a registry"), ("push", "Upload an image to a registry"), ("rm", "Remove one or more images"), ("save", "Save one or more images to a tar archive (streamed to STDOUT by default)"), ("tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")]),
        "network" => ("Manage networks", &[("connect", "Connect a container to a network"), ("create", "Create a network"), ("disconnect", "Disconnect a container from a network"), ("inspect", "Display detailed information on one or more networks"), ("ls", "List networks"), ("prune", "Remove all unused networks"), ("rm", "Remove one or more networks")]),
        "volume" => ("Manage volumes", &[("create", "Create a volume"), ("inspect", "Display detailed information on one or more volumes"), ("ls", "List volumes"), ("prune", "Remove unused local volumes"), ("rm", "Remove one or more volumes")]),
        "system" => ("Manage Docker", &[("df", "Show docker disk usage"), ("events", "Get real time events from the server"), ("info", "Display system-wide information"), ("prune", "Remove unused data")]),
        "builder" => ("Manage builds", &[("build", "Build an image from a Dockerfile"), ("prune", "Remove build cache")]),
        "context" => ("Manage contexts", &[("create", "Create a context"), ("export", "Export a context to a tar archive FILE or a tar stream on STDOUT."), ("import", "Import a context from a tar or zip file"), ("inspect", "Display detailed information on one or more contexts"), ("ls", "List contexts"), ("rm", "Remove one or more contexts"), ("show", "Print the name of the current context"), ("update", "Update a context"), ("use", "Set the current docker context")]),
        _ => ("Docker Buildx", &[("build", "Start a build"), ("ls", "List builder instances"), ("prune", "Remove build cache"), ("version", "Show buildx version information")]),
    };
    let mut s = format!("Usage:  docker {group} COMMAND\n\n{short}\n\nCommands:\n");
    for (c, d) in cmds {
        s.push_str(&format!("  {c:<11} {d}\n"));
    }
    s.push_str(&format!("\nRun 'docker {group} COMMAND --help' for more information on a command.\n"));
    s
}

fn unknown_sub(cli: &mut Cli<'_>, group: &str, sub: &str) -> i32 {
    let _ = sub;
    let usage = group_usage(group);
    cli.err(format!("\n{usage}"));
    1
}

/// Parses a command's flags; on error prints docker's message and returns the exit status.
pub(crate) fn parse_args(cli: &mut Cli<'_>, cmd: &args::Command, argv: &[String]) -> Result<args::Args, i32> {
    let cmd = &image_group_command(cmd);
    let parsed = args::parse_counting_short_help(cmd, argv).map(|(a, short_help)| {
        // cobra's ParseFlags prints pflag's deprecation notices on the
        // command's output when parsing succeeds.
        for _ in 0..short_help {
            cli.print(SHORT_HELP_DEPRECATED);
        }
        a
    });
    match parsed {
        Ok(a) if a.help => {
            cli.print(args::help(cmd));
            Err(0)
        }
        Ok(a) => {
            if let Some(msg) = args::arg_count_error(cmd, a.args.len()) {
                cli.err(format!("{msg}\n"));
                return Err(1);
            }
            Ok(a)
        }
        Err(msg) => {
            cli.err(format!("{msg}\nSee '{} --help'.\n", cmd.path));
            Err(125)
        }
    }
}

/// Exit status `docker run` uses for a daemon error.
pub(crate) fn run_error_status(e: &EngineError) -> i32 {
    match e.kind {
        ErrorKind::CommandNotFound => 127,
        ErrorKind::CommandNotInvokable => 126,
        _ => 125,
    }
}

/// The `-f, --filter` values of a list command as (name, value) pairs. A
/// value without `=` fails the flag (pflag, exit 125); a name the daemon
/// does not accept is its "invalid filter" (moby api/types/filters
/// Args.Validate, exit 1).
pub fn parse_filters(cli: &mut Cli<'_>, values: &[&str], accepted: &[&str], cmd_path: &str) -> Result<Vec<(String, String)>, i32> {
    let mut filters = Vec::new();
    for f in values {
        // opts.FilterOpt.Set: an empty value adds nothing; the name is
        // lowercased, name and value trimmed.
        if f.is_empty() {
            continue;
        }
        match f.split_once('=') {
            Some((k, v)) => filters.push((k.trim().to_lowercase(), v.trim().to_string())),
            None => {
                cli.err(format!("invalid argument \"{f}\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\nSee '{cmd_path} --help'.\n"));
                return Err(125);
            }
        }
    }
    if let Some((k, _)) = filters.iter().find(|(k, _)| !accepted.contains(&k.as_str())) {
        cli.err(format!("Error response from daemon: invalid filter '{k}'\n"));
        return Err(1);
    }
    Ok(filters)
}

/// Renders rows with a `--format` (or a default table format).
pub(crate) fn render_format(cli: &mut Cli<'_>, format: &str, rows: &[serde_json::Value], headers: &dyn Fn(&str) -> Option<String>, quiet_field: Option<&str>) -> i32 {
    let _ = quiet_field;
    if format == "json" {
        for r in rows {
            let line = format::template_json(r);
            cli.print(format!("{line}\n"));
        }
        return 0;
    }
    let fmt = gotmpl::unescape_format(format);
    let table = gotmpl::is_table(&fmt);
    let body = gotmpl::strip_table(&fmt).to_string();
    let tmpl = match gotmpl::parse(&body) {
        Ok(t) => t,
        Err(e) => {
            cli.err(format!("template parsing error: {e}\n"));
            return 1;
        }
    };
    let mut text = String::new();
    if table {
        text.push_str(&gotmpl::header_for(&body, headers));
        text.push('\n');
    }
    for r in rows {
        match tmpl.execute(r) {
            Ok(s) => {
                text.push_str(&s);
                text.push('\n');
            }
            Err(e) => {
                cli.err(format!("{e}\n"));
                return 1;
            }
        }
    }
    let text = if table { tabwriter::docker_table(&text) } else { text };
    cli.print(text);
    0
}

/// One line of `docker events` for an engine event.
pub fn cmd_event_line(world: &World, e: &baleine_engine::world::Event) -> String {
    cmd_events::event_line(world, e)
}

/// After a prune's `Are you sure you want to continue? [y/N] `: the next
/// line answers, and "y" runs `docker GROUP prune --force ARGS`.
/// After a prune's warning: true to go on now (standard input is a pipe
/// whose first line is "y" in any case, as docker/cli's
/// PromptForConfirmation reads it); false to stop here, because the answer
/// was something else (a silent exit 0) or because the terminal will answer
/// (the prompt is left pending and runs the prune again with --force).
pub(crate) fn confirm_prune(cli: &mut Cli<'_>, group: &str, argv: &[String]) -> bool {
    if let Some(input) = cli.stdin.as_ref() {
        let text = String::from_utf8_lossy(input);
        return text.lines().next().unwrap_or("").trim().eq_ignore_ascii_case("y");
    }
    let mut again = vec![group.to_string(), "prune".into(), "--force".into()];
    again.extend(argv.iter().cloned());
    cli.pending = Some(Pending::Prompt(pending::Prompt::Confirm { argv: again, cwd: cli.cwd.clone() }));
    false
}
