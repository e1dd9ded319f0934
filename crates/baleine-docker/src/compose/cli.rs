//! `docker compose` command line: the root's persistent flags (accepted
//! before and after the sub-command), each sub-command's flags, help and
//! usage errors, and the dispatch to the commands.

use baleine_compose::ErrorKind;

use crate::args::{flag, Args, Command, Flag};
use crate::Cli;

use super::progress::Mode;
use super::{cmd_more, cmd_up};

/// Options of the `docker compose` root command.
#[derive(Clone, Debug)]
pub struct Globals {
    pub files: Vec<String>,
    pub project_name: Option<String>,
    pub project_directory: Option<String>,
    pub env_files: Vec<String>,
    pub profiles: Vec<String>,
    pub ansi: String,
    pub progress: String,
    pub dry_run: bool,
    pub all_resources: bool,
}

impl Default for Globals {
    fn default() -> Self {
        Globals { files: Vec::new(), project_name: None, project_directory: None, env_files: Vec::new(), profiles: Vec::new(), ansi: "auto".into(), progress: "auto".into(), dry_run: false, all_resources: false }
    }
}

impl Globals {
    /// Takes the global flags of `a`, except those the command defines
    /// itself (`local`): cobra's local flag wins, as `exec -w DIR`.
    fn absorb(&mut self, a: &Args, local: &[Flag]) {
        for (k, v) in a.flags.iter().filter(|(k, _)| !local.iter().any(|f| f.long == *k)) {
            match *k {
                "file" => self.files.push(v.clone()),
                "project-name" => self.project_name = Some(v.clone()),
                "project-directory" | "workdir" => self.project_directory = Some(v.clone()),
                "env-file" => self.env_files.push(v.clone()),
                "profile" => self.profiles.push(v.clone()),
                "ansi" => self.ansi = v.clone(),
                "no-ansi" if v == "true" => self.ansi = "never".into(),
                "progress" => self.progress = v.clone(),
                "dry-run" => self.dry_run = v == "true",
                "all-resources" => self.all_resources = v == "true",
                _ => {}
            }
        }
    }

    /// Whether ANSI colours are used (`--ansi`, `COMPOSE_ANSI`; the terminal is a TTY).
    pub fn color(&self, cli: &Cli<'_>) -> bool {
        let ansi = if self.ansi == "auto" { cli.getenv("COMPOSE_ANSI").unwrap_or("auto").to_string() } else { self.ansi.clone() };
        match ansi.as_str() {
            "never" => false,
            "always" => true,
            _ => cli.getenv("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    /// How progress is shown (`--progress`, default tty on a terminal).
    pub fn mode(&self, cli: &Cli<'_>) -> Mode {
        let p = if self.progress == "auto" { cli.getenv("COMPOSE_PROGRESS").unwrap_or("auto").to_string() } else { self.progress.clone() };
        match p.as_str() {
            "plain" => Mode::Plain,
            "quiet" => Mode::Quiet,
            "json" => Mode::Json,
            _ => {
                let width = cli.getenv("COLUMNS").and_then(|c| c.trim().parse::<usize>().ok()).filter(|w| (20..=500).contains(w)).unwrap_or(super::progress::TERM_WIDTH);
                Mode::Tty { color: self.color(cli), width }
            }
        }
    }
}

pub const GLOBAL_FLAGS: &[Flag] = &[
    flag("all-resources", None, "", "Include all resources, even those not used by services"),
    flag("ansi", None, "string", "Control when to print ANSI control characters (\"never\"|\"always\"|\"auto\") (default \"auto\")"),
    flag("compatibility", None, "", "Run compose in backward compatibility mode"),
    flag("dry-run", None, "", "Execute command in dry run mode"),
    flag("env-file", None, "stringArray", "Specify an alternate environment file"),
    flag("file", Some('f'), "stringArray", "Compose configuration files"),
    flag("parallel", None, "int", "Control max parallelism, -1 for unlimited (default -1)"),
    flag("profile", None, "stringArray", "Specify a profile to enable"),
    flag("progress", None, "string", "Set type of progress output (auto, tty, plain, json, quiet) (default \"auto\")"),
    flag("project-directory", None, "string", "Specify an alternate working directory\n(default: the path of the, first specified, Compose file)"),
    flag("project-name", Some('p'), "string", "Project name"),
];

const HIDDEN_GLOBAL: &[Flag] = &[flag("no-ansi", None, "", ""), flag("workdir", None, "string", ""), flag("verbose", None, "", ""), flag("host", Some('H'), "string", ""), flag("context", Some('c'), "string", "")];

const ROOT_ONLY: &[Flag] = &[flag("version", Some('v'), "", "Show the Docker Compose version information")];

/// pflag-style parsing over the command's own flags and the inherited
/// root flags (a command's flag wins when a shorthand is taken by both).
pub fn parse(local: &[Flag], hidden: &[Flag], interspersed: bool, argv: &[String]) -> Result<Args, String> {
    let find_long = |name: &str| -> Option<&Flag> { local.iter().chain(hidden).chain(GLOBAL_FLAGS).chain(HIDDEN_GLOBAL).find(|f| f.long == name) };
    let find_short = |c: char| -> Option<&Flag> {
        local.iter().find(|f| f.short == Some(c)).or_else(|| GLOBAL_FLAGS.iter().chain(HIDDEN_GLOBAL).find(|f| f.short == Some(c)))
    };
    let mut out = Args::default();
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        if a == "--" {
            out.args.extend(argv[i + 1..].iter().cloned());
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            if name == "help" {
                out.help = true;
                i += 1;
                continue;
            }
            let Some(f) = find_long(name) else {
                return Err(format!("unknown flag: --{name}"));
            };
            if f.takes_value() {
                let v = match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => return Err(format!("flag needs an argument: --{name}")),
                        }
                    }
                };
                out.flags.push((f.long, checked(f, v)?));
            } else {
                let v = inline.unwrap_or_else(|| "true".into());
                let v = match baleine_util::go::parse_bool(&v) {
                    Some(b) => b.to_string(),
                    None => return Err(format!("invalid argument \"{v}\" for \"{}\" flag: strconv.ParseBool: parsing \"{v}\": invalid syntax", pflag_name(f))),
                };
                out.flags.push((f.long, v));
            }
            i += 1;
            continue;
        }
        if a.len() > 1 && a.starts_with('-') {
            let chars: Vec<char> = a[1..].chars().collect();
            let mut j = 0;
            while j < chars.len() {
                let c = chars[j];
                let Some(f) = find_short(c) else {
                    if c == 'h' {
                        out.help = true;
                        j += 1;
                        continue;
                    }
                    return Err(format!("unknown shorthand flag: '{c}' in {a}"));
                };
                if f.takes_value() {
                    let rest: String = chars[j + 1..].iter().collect();
                    let v = if !rest.is_empty() {
                        rest.strip_prefix('=').map(str::to_string).unwrap_or(rest)
                    } else {
                        i += 1;
                        match argv.get(i) {
                            Some(v) => v.clone(),
                            None => return Err(format!("flag needs an argument: '{c}' in -{c}")),
                        }
                    };
                    out.flags.push((f.long, checked(f, v)?));
                    break;
                }
                out.flags.push((f.long, "true".into()));
                j += 1;
            }
            i += 1;
            continue;
        }
        out.args.push(a.clone());
        i += 1;
        if !interspersed {
            out.args.extend(argv[i..].iter().cloned());
            break;
        }
    }
    Ok(out)
}

/// How pflag names a flag in its errors: `-t, --timeout` or `--index`.
fn pflag_name(f: &Flag) -> String {
    match f.short {
        Some(c) => format!("-{c}, --{}", f.long),
        None => format!("--{}", f.long),
    }
}

/// An `int` flag's value as pflag parses it when it is set.
fn checked(f: &Flag, v: String) -> Result<String, String> {
    if f.kind == "int" && v.parse::<i64>().is_err() {
        return Err(format!("invalid argument \"{v}\" for \"{}\" flag: strconv.ParseInt: parsing \"{v}\": invalid syntax", pflag_name(f)));
    }
    // docker/cli opts.FilterOpt.Set
    if f.kind == "filter" && !v.is_empty() && !v.contains('=') {
        return Err(format!("invalid argument \"{v}\" for \"{}\" flag: bad format of filter (expected name=value)", pflag_name(f)));
    }
    Ok(v)
}

type Handler = fn(&mut Cli<'_>, &Globals, &Args) -> Result<i32, Failure>;

/// A failed command: the message compose prints and its exit status (1,
/// or the status of a categorised error: see [`Failure::project`]).
#[derive(Debug)]
pub struct Failure {
    pub msg: String,
    pub status: i32,
}

impl From<String> for Failure {
    fn from(msg: String) -> Self {
        Failure { msg, status: 1 }
    }
}

impl From<&str> for Failure {
    fn from(msg: &str) -> Self {
        msg.to_string().into()
    }
}

impl Failure {
    /// A command-line syntax error (a flag pflag cannot parse, an unknown
    /// command): compose's `CommandSyntaxFailure`, status 16.
    pub fn syntax(msg: String) -> Self {
        Failure { msg, status: 16 }
    }

    /// An error loading the project, as compose's `WrapComposeError` and
    /// `GetMetricsFailureCategory` give it a status from the loader's
    /// [`ErrorKind`]: 14 when a file is missing (an `fs.PathError` or
    /// compose-go's `errdefs.ErrNotFound`), else 15 (a parse,
    /// interpolation or validation error).
    /// A pull that failed (`PullFailure`, status 18).
    pub fn pull(msg: String) -> Self {
        Failure { msg, status: 18 }
    }

    /// A build that failed (`BuildFailure`, status 17).
    pub fn build(msg: String) -> Self {
        Failure { msg, status: 17 }
    }

    pub fn project(kind: ErrorKind, msg: String) -> Self {
        let status = match kind {
            ErrorKind::NotFound => 14,
            ErrorKind::Invalid => 15,
        };
        Failure { msg, status }
    }
}

pub struct Sub {
    pub name: &'static str,
    pub path: &'static str,
    pub usage: &'static str,
    pub short: &'static str,
    pub flags: &'static [Flag],
    pub interspersed: bool,
    pub run: Handler,
}

const DRY: Flag = flag("dry-run", None, "", "Execute command in dry run mode");

const UP_FLAGS: &[Flag] = &[
    flag("abort-on-container-exit", None, "", "Stops all containers if any container was stopped. Incompatible with -d"),
    flag("abort-on-container-failure", None, "", "Stops all containers if any container exited with failure. Incompatible with -d"),
    flag("always-recreate-deps", None, "", "Recreate dependent containers. Incompatible with --no-recreate."),
    flag("attach", None, "stringArray", "Restrict attaching to the specified services. Incompatible with --attach-dependencies."),
    flag("attach-dependencies", None, "", "Automatically attach to log output of dependent services"),
    flag("build", None, "", "Build images before starting containers"),
    flag("detach", Some('d'), "", "Detached mode: Run containers in the background"),
    DRY,
    flag("exit-code-from", None, "string", "Return the exit code of the selected service container. Implies --abort-on-container-exit"),
    flag("force-recreate", None, "", "Recreate containers even if their configuration and image haven't changed"),
    flag("menu", None, "", "Enable interactive shortcuts when running attached. Incompatible with --detach. Can also be enable/disable by setting COMPOSE_MENU environment var."),
    flag("no-attach", None, "stringArray", "Do not attach (stream logs) to the specified services"),
    flag("no-build", None, "", "Don't build an image, even if it's policy"),
    flag("no-color", None, "", "Produce monochrome output"),
    flag("no-deps", None, "", "Don't start linked services"),
    flag("no-log-prefix", None, "", "Don't print prefix in logs"),
    flag("no-recreate", None, "", "If containers already exist, don't recreate them. Incompatible with --force-recreate."),
    flag("no-start", None, "", "Don't start the services after creating them"),
    flag("pull", None, "string", "Pull image before running (\"always\"|\"missing\"|\"never\") (default \"policy\")"),
    flag("quiet-pull", None, "", "Pull without printing progress information"),
    flag("remove-orphans", None, "", "Remove containers for services not defined in the Compose file"),
    flag("renew-anon-volumes", Some('V'), "", "Recreate anonymous volumes instead of retrieving data from the previous containers"),
    flag("scale", None, "stringArray", "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present."),
    flag("timeout", Some('t'), "int", "Use this timeout in seconds for container shutdown when attached or when containers are already running"),
    flag("timestamps", None, "", "Show timestamps"),
    flag("wait", None, "", "Wait for services to be running|healthy. Implies detached mode."),
    flag("wait-timeout", None, "int", "Maximum duration in seconds to wait for the project to be running|healthy"),
    flag("watch", Some('w'), "", "Watch source code and rebuild/refresh containers when files are updated."),
    flag("y", Some('y'), "", "Assume \"yes\" as answer to all prompts and run non-interactively"),
];
const CREATE_FLAGS: &[Flag] = &[
    flag("build", None, "", "Build images before starting containers"),
    DRY,
    flag("force-recreate", None, "", "Recreate containers even if their configuration and image haven't changed"),
    flag("no-build", None, "", "Don't build an image, even if it's policy"),
    flag("no-recreate", None, "", "If containers already exist, don't recreate them. Incompatible with --force-recreate."),
    flag("pull", None, "string", "Pull image before running (\"always\"|\"missing\"|\"never\"|\"build\") (default \"policy\")"),
    flag("quiet-pull", None, "", "Pull without printing progress information"),
    flag("remove-orphans", None, "", "Remove containers for services not defined in the Compose file"),
    flag("scale", None, "stringArray", "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present."),
    flag("y", Some('y'), "", "Assume \"yes\" as answer to all prompts and run non-interactively"),
];
const DOWN_FLAGS: &[Flag] = &[
    DRY,
    flag("remove-orphans", None, "", "Remove containers for services not defined in the Compose file"),
    flag("rmi", None, "string", "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")"),
    flag("timeout", Some('t'), "int", "Specify a shutdown timeout in seconds"),
    flag("volumes", Some('v'), "", "Remove named volumes declared in the \"volumes\" section of the Compose file and anonymous volumes attached to containers"),
];
const PS_FLAGS: &[Flag] = &[
    flag("all", Some('a'), "", "Show all stopped containers (including those created by the run command)"),
    DRY,
    flag("filter", None, "string", "Filter services by a property (supported filters: status)"),
    flag("format", None, "string", "Format output using a custom template: 'table' (default), 'table TEMPLATE', 'json' or 'TEMPLATE' (a Go template)"),
    flag("no-trunc", None, "", "Don't truncate output"),
    flag("orphans", None, "", "Include orphaned services (not declared by project) (default true)"),
    flag("quiet", Some('q'), "", "Only display IDs"),
    flag("services", None, "", "Display services"),
    flag("status", None, "stringArray", "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]"),
];
const LOGS_FLAGS: &[Flag] = &[
    DRY,
    flag("follow", Some('f'), "", "Follow log output"),
    flag("index", None, "int", "index of the container if service has multiple replicas"),
    flag("no-color", None, "", "Produce monochrome output"),
    flag("no-log-prefix", None, "", "Don't print prefix in logs"),
    flag("since", None, "string", "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)"),
    flag("tail", Some('n'), "string", "Number of lines to show from the end of the logs for each container (default \"all\")"),
    flag("timestamps", Some('t'), "", "Show timestamps"),
    flag("until", None, "string", "Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)"),
];
const EXEC_FLAGS: &[Flag] = &[
    flag("detach", Some('d'), "", "Detached mode: Run command in the background"),
    DRY,
    flag("env", Some('e'), "stringArray", "Set environment variables"),
    flag("index", None, "int", "Index of the container if service has multiple replicas"),
    flag("interactive", Some('i'), "", "Keep STDIN open even if not attached (default true)"),
    flag("no-TTY", Some('T'), "", "Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY."),
    flag("privileged", None, "", "Give extended privileges to the process"),
    flag("tty", Some('t'), "", "Allocate a pseudo-TTY (default true)"),
    flag("user", Some('u'), "string", "Run the command as this user"),
    flag("workdir", Some('w'), "string", "Path to workdir directory for this command"),
];
const RUN_FLAGS: &[Flag] = &[
    flag("build", None, "", "Build image before starting container"),
    flag("cap-add", None, "list", "Add Linux capabilities"),
    flag("cap-drop", None, "list", "Drop Linux capabilities"),
    flag("detach", Some('d'), "", "Run container in background and print container ID"),
    DRY,
    flag("entrypoint", None, "string", "Override the entrypoint of the image"),
    flag("env", Some('e'), "stringArray", "Set environment variables"),
    flag("interactive", Some('i'), "", "Keep STDIN open even if not attached (default true)"),
    flag("label", Some('l'), "stringArray", "Add or override a label"),
    flag("name", None, "string", "Assign a name to the container"),
    flag("no-TTY", Some('T'), "", "Disable pseudo-TTY allocation (default: auto-detected)"),
    flag("no-deps", None, "", "Don't start linked services"),
    flag("publish", Some('p'), "stringArray", "Publish a container's port(s) to the host"),
    flag("pull", None, "string", "Pull image before running (\"always\"|\"missing\"|\"never\") (default \"policy\")"),
    flag("quiet-pull", None, "", "Pull without printing progress information"),
    flag("remove-orphans", None, "", "Remove containers for services not defined in the Compose file"),
    flag("rm", None, "", "Automatically remove the container when it exits"),
    flag("service-ports", Some('P'), "", "Run command with all service's ports enabled and mapped to the host"),
    flag("tty", Some('t'), "", "Allocate a pseudo-TTY (default true)"),
    flag("use-aliases", None, "", "Use the service's network useAliases in the network(s) the container connects to"),
    flag("user", Some('u'), "string", "Run as specified username or uid"),
    flag("volume", Some('v'), "stringArray", "Bind mount a volume"),
    flag("workdir", Some('w'), "string", "Working directory inside the container"),
];
const BUILD_FLAGS: &[Flag] = &[
    flag("build-arg", None, "stringArray", "Set build-time variables for services"),
    flag("builder", None, "string", "Set builder to use"),
    DRY,
    flag("memory", Some('m'), "bytes", "Set memory limit for the build container. Not supported by BuildKit."),
    flag("no-cache", None, "", "Do not use cache when building the image"),
    flag("pull", None, "", "Always attempt to pull a newer version of the image"),
    flag("push", None, "", "Push service images"),
    flag("quiet", Some('q'), "", "Don't print anything to STDOUT"),
    flag("ssh", None, "string", "Set SSH authentications used when building service images. (use 'default' for using your default SSH Agent)"),
    flag("with-dependencies", None, "", "Also build dependencies (transitively)"),
];
const CONFIG_FLAGS: &[Flag] = &[
    DRY,
    flag("environment", None, "", "Print environment used for interpolation."),
    flag("format", None, "string", "Format the output. Values: [yaml | json] (default \"yaml\")"),
    flag("hash", None, "string", "Print the service config hash, one per line."),
    flag("images", None, "", "Print the image names, one per line."),
    flag("no-consistency", None, "", "Don't check model consistency - warning: may produce invalid Compose output"),
    flag("no-interpolate", None, "", "Don't interpolate environment variables"),
    flag("no-normalize", None, "", "Don't normalize compose model"),
    flag("no-path-resolution", None, "", "Don't resolve file paths"),
    flag("output", Some('o'), "string", "Save to file (default to stdout)"),
    flag("profiles", None, "", "Print the profile names, one per line."),
    flag("quiet", Some('q'), "", "Only validate the configuration, don't print anything"),
    flag("resolve-image-digests", None, "", "Pin image tags to digests"),
    flag("services", None, "", "Print the service names, one per line."),
    flag("variables", None, "", "Print model variables and default values."),
    flag("volumes", None, "", "Print the volume names, one per line."),
];
const ONLY_DRY: &[Flag] = &[DRY];
const STOP_FLAGS: &[Flag] = &[DRY, flag("timeout", Some('t'), "int", "Specify a shutdown timeout in seconds")];
const RESTART_FLAGS: &[Flag] = &[DRY, flag("no-deps", None, "", "Don't restart dependent services"), flag("timeout", Some('t'), "int", "Specify a shutdown timeout in seconds")];
const KILL_FLAGS: &[Flag] = &[DRY, flag("remove-orphans", None, "", "Remove containers for services not defined in the Compose file"), flag("signal", Some('s'), "string", "SIGNAL to send to the container (default \"SIGKILL\")")];
const RM_FLAGS: &[Flag] = &[
    DRY,
    flag("force", Some('f'), "", "Don't ask to confirm removal"),
    flag("stop", Some('s'), "", "Stop the containers, if required, before removing"),
    flag("volumes", Some('v'), "", "Remove any anonymous volumes attached to containers"),
];
/// `-a` (deprecated, no effect) and the answer of the confirmation prompt.
const RM_HIDDEN: &[Flag] = &[flag("all", Some('a'), "", ""), flag("confirmed", None, "", "")];
const LS_FLAGS: &[Flag] = &[
    flag("all", Some('a'), "", "Show all stopped Compose projects"),
    DRY,
    flag("filter", None, "filter", "Filter output based on conditions provided"),
    flag("format", None, "string", "Format the output. Values: [table | json] (default \"table\")"),
    flag("quiet", Some('q'), "", "Only display IDs"),
];
const IMAGES_FLAGS: &[Flag] = &[DRY, flag("format", None, "string", "Format the output. Values: [table | json] (default \"table\")"), flag("quiet", Some('q'), "", "Only display IDs")];
const PORT_FLAGS: &[Flag] = &[DRY, flag("index", None, "int", "Index of the container if service has multiple replicas"), flag("protocol", None, "string", "tcp or udp (default \"tcp\")")];
const EVENTS_FLAGS: &[Flag] = &[DRY, flag("json", None, "", "Output events as a stream of json objects")];
const VERSION_FLAGS: &[Flag] = &[DRY, flag("format", Some('f'), "string", "Format the output. Values: [pretty | json]. (Default: pretty)"), flag("short", None, "", "Shows only Compose's version number")];
const CP_FLAGS: &[Flag] = &[
    flag("all", None, "", "Include containers created by the run command"),
    flag("archive", Some('a'), "", "Archive mode (copy all uid/gid information)"),
    DRY,
    flag("follow-link", Some('L'), "", "Always follow symbol link in SRC_PATH"),
    flag("index", None, "int", "Index of the container if service has multiple replicas"),
];
const WAIT_FLAGS: &[Flag] = &[flag("down-project", None, "", "Drops project when the first container stops"), DRY];
const WATCH_FLAGS: &[Flag] = &[DRY, flag("no-up", None, "", "Do not build & start services before watching"), flag("prune", None, "", "Prune dangling images on rebuild"), flag("quiet", None, "", "hide build output")];
const PULL_FLAGS: &[Flag] = &[
    DRY,
    flag("ignore-buildable", None, "", "Ignore images that can be built"),
    flag("ignore-pull-failures", None, "", "Pull what it can and ignores images with pull failures"),
    flag("include-deps", None, "", "Also pull services declared as dependencies"),
    flag("policy", None, "string", "Apply pull policy (\"missing\"|\"always\")"),
    flag("quiet", Some('q'), "", "Pull without printing progress information"),
];
const PUSH_FLAGS: &[Flag] = &[
    DRY,
    flag("ignore-push-failures", None, "", "Push what it can and ignores images with push failures"),
    flag("include-deps", None, "", "Also push images of services declared as dependencies"),
    flag("quiet", Some('q'), "", "Push without printing progress information"),
];
const STATS_FLAGS: &[Flag] = &[
    flag("all", Some('a'), "", "Show all containers (default shows just running)"),
    DRY,
    flag("format", None, "string", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"),
    flag("no-stream", None, "", "Disable streaming stats and only pull the first result"),
    flag("no-trunc", None, "", "Do not truncate output"),
];
const SCALE_FLAGS: &[Flag] = &[DRY, flag("no-deps", None, "", "Don't start linked services")];

pub const SUBS: &[Sub] = &[
    Sub { name: "attach", path: "docker compose attach", usage: "[OPTIONS] SERVICE", short: "Attach local standard input, output, and error streams to a service's running container", flags: ONLY_DRY, interspersed: true, run: cmd_more::attach },
    Sub { name: "build", path: "docker compose build", usage: "[OPTIONS] [SERVICE...]", short: "Build or rebuild services", flags: BUILD_FLAGS, interspersed: true, run: cmd_more::build },
    Sub { name: "config", path: "docker compose config", usage: "[OPTIONS] [SERVICE...]", short: "Parse, resolve and render compose file in canonical format", flags: CONFIG_FLAGS, interspersed: true, run: cmd_more::config },
    Sub { name: "cp", path: "docker compose cp", usage: "[OPTIONS] SERVICE:SRC_PATH DEST_PATH|-\n\tdocker compose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH", short: "Copy files/folders between a service container and the local filesystem", flags: CP_FLAGS, interspersed: true, run: cmd_more::cp },
    Sub { name: "create", path: "docker compose create", usage: "[OPTIONS] [SERVICE...]", short: "Creates containers for a service", flags: CREATE_FLAGS, interspersed: true, run: cmd_up::create },
    Sub { name: "down", path: "docker compose down", usage: "[OPTIONS] [SERVICES]", short: "Stop and remove containers, networks", flags: DOWN_FLAGS, interspersed: true, run: cmd_up::down },
    Sub { name: "events", path: "docker compose events", usage: "[OPTIONS] [SERVICE...]", short: "Receive real time events from containers", flags: EVENTS_FLAGS, interspersed: true, run: cmd_more::events },
    Sub { name: "exec", path: "docker compose exec", usage: "[OPTIONS] SERVICE COMMAND [ARGS...]", short: "Execute a command in a running container", flags: EXEC_FLAGS, interspersed: false, run: cmd_more::exec },
    Sub { name: "images", path: "docker compose images", usage: "[OPTIONS] [SERVICE...]", short: "List images used by the created containers", flags: IMAGES_FLAGS, interspersed: true, run: cmd_more::images },
    Sub { name: "kill", path: "docker compose kill", usage: "[OPTIONS] [SERVICE...]", short: "Force stop service containers", flags: KILL_FLAGS, interspersed: true, run: cmd_up::kill },
    Sub { name: "logs", path: "docker compose logs", usage: "[OPTIONS] [SERVICE...]", short: "View output from containers", flags: LOGS_FLAGS, interspersed: true, run: cmd_more::logs },
    Sub { name: "ls", path: "docker compose ls", usage: "[OPTIONS]", short: "List running compose projects", flags: LS_FLAGS, interspersed: true, run: cmd_more::ls },
    Sub { name: "pause", path: "docker compose pause", usage: "[SERVICE...]", short: "Pause services", flags: ONLY_DRY, interspersed: true, run: cmd_up::pause },
    Sub { name: "port", path: "docker compose port", usage: "[OPTIONS] SERVICE PRIVATE_PORT", short: "Print the public port for a port binding", flags: PORT_FLAGS, interspersed: true, run: cmd_more::port },
    Sub { name: "ps", path: "docker compose ps", usage: "[OPTIONS] [SERVICE...]", short: "List containers", flags: PS_FLAGS, interspersed: true, run: cmd_more::ps },
    Sub { name: "pull", path: "docker compose pull", usage: "[OPTIONS] [SERVICE...]", short: "Pull service images", flags: PULL_FLAGS, interspersed: true, run: cmd_more::pull },
    Sub { name: "push", path: "docker compose push", usage: "[OPTIONS] [SERVICE...]", short: "Push service images", flags: PUSH_FLAGS, interspersed: true, run: cmd_more::push },
    Sub { name: "restart", path: "docker compose restart", usage: "[OPTIONS] [SERVICE...]", short: "Restart service containers", flags: RESTART_FLAGS, interspersed: true, run: cmd_up::restart },
    Sub { name: "rm", path: "docker compose rm", usage: "[OPTIONS] [SERVICE...]", short: "Removes stopped service containers", flags: RM_FLAGS, interspersed: true, run: cmd_up::rm },
    Sub { name: "run", path: "docker compose run", usage: "[OPTIONS] SERVICE [COMMAND] [ARGS...]", short: "Run a one-off command on a service", flags: RUN_FLAGS, interspersed: false, run: cmd_more::run_cmd },
    Sub { name: "scale", path: "docker compose scale", usage: "[SERVICE=REPLICAS...]", short: "Scale services ", flags: SCALE_FLAGS, interspersed: true, run: cmd_up::scale },
    Sub { name: "start", path: "docker compose start", usage: "[SERVICE...]", short: "Start services", flags: ONLY_DRY, interspersed: true, run: cmd_up::start },
    Sub { name: "stats", path: "docker compose stats", usage: "[OPTIONS] [SERVICE]", short: "Display a live stream of container(s) resource usage statistics", flags: STATS_FLAGS, interspersed: true, run: cmd_more::stats },
    Sub { name: "stop", path: "docker compose stop", usage: "[OPTIONS] [SERVICE...]", short: "Stop services", flags: STOP_FLAGS, interspersed: true, run: cmd_up::stop },
    Sub { name: "top", path: "docker compose top", usage: "[SERVICES...]", short: "Display the running processes", flags: ONLY_DRY, interspersed: true, run: cmd_more::top },
    Sub { name: "unpause", path: "docker compose unpause", usage: "[SERVICE...]", short: "Unpause services", flags: ONLY_DRY, interspersed: true, run: cmd_up::unpause },
    Sub { name: "up", path: "docker compose up", usage: "[OPTIONS] [SERVICE...]", short: "Create and start containers", flags: UP_FLAGS, interspersed: true, run: cmd_up::up },
    Sub { name: "version", path: "docker compose version", usage: "[OPTIONS]", short: "Show the Docker Compose version information", flags: VERSION_FLAGS, interspersed: true, run: cmd_more::version },
    Sub { name: "wait", path: "docker compose wait", usage: "SERVICE [SERVICE...] [OPTIONS]", short: "Block until containers of all (or specified) services stop.", flags: WAIT_FLAGS, interspersed: true, run: cmd_more::wait },
    Sub { name: "watch", path: "docker compose watch", usage: "[SERVICE...]", short: "Watch build context for service and rebuild/refresh containers when files are updated", flags: WATCH_FLAGS, interspersed: true, run: cmd_more::watch },
];

fn root_help() -> String {
    let mut s = String::from("\nUsage:  docker compose [OPTIONS] COMMAND\n\nDefine and run multi-container applications with Docker\n\nOptions:\n");
    let mut flags: Vec<Flag> = GLOBAL_FLAGS.iter().chain(ROOT_ONLY).copied().collect();
    baleine_util::sort_by_key(&mut flags, |f| f.long);
    s.push_str(&crate::args::flag_usages(&flags));
    s.push_str("\nCommands:\n");
    for sub in SUBS {
        s.push_str(&format!("  {:<11} {}\n", sub.name, sub.short));
    }
    s.push_str("\nRun 'docker compose COMMAND --help' for more information on a command.\n");
    s
}

pub fn dispatch(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let root = match parse(ROOT_ONLY, &[], false, argv) {
        Ok(a) => a,
        Err(msg) => return fail(cli, Failure::syntax(msg)),
    };
    if root.has("version") {
        cli.print(format!("Docker Compose version v{}\n", super::COMPOSE_VERSION));
        return 0;
    }
    // `convert` is config's alias (config.go).
    let Some(name) = root.args.first().map(|n| if n == "convert" { "config".to_string() } else { n.clone() }) else {
        cli.print(root_help());
        return 0;
    };
    if root.help || name == "help" {
        if let Some(sub) = root.args.get(1).and_then(|n| SUBS.iter().find(|s| s.name == n.as_str() || (n == "convert" && s.name == "config"))) {
            cli.print(sub_help(sub));
        } else {
            cli.print(root_help());
        }
        return 0;
    }
    let Some(sub) = SUBS.iter().find(|s| s.name == name) else {
        if name == "alpha" || name == "commit" || name == "export" || name == "publish" || name == "viz" || name == "bridge" {
            cli.err(format!("baleine: 'docker compose {name}' is not simulated.\n"));
            return 1;
        }
        // The root command prints its help, then fails.
        cli.print(root_help());
        return fail(cli, Failure::syntax(format!("unknown docker command: \"compose {name}\"")));
    };
    let mut g = Globals::default();
    g.absorb(&root, &[]);
    let hidden: &[Flag] = if sub.name == "rm" { RM_HIDDEN } else { &[] };
    let a = match parse(sub.flags, hidden, sub.interspersed, &root.args[1..]) {
        Ok(a) => a,
        Err(msg) => return fail(cli, Failure::syntax(msg)),
    };
    if a.help {
        cli.print(sub_help(sub));
        return 0;
    }
    g.absorb(&a, sub.flags);
    if !matches!(g.ansi.as_str(), "auto" | "never" | "always") {
        cli.err(format!("unsupported --ansi value {:?}\n", g.ansi));
        return 1;
    }
    if !matches!(g.progress.as_str(), "auto" | "tty" | "plain" | "quiet" | "json") {
        cli.err(format!("unsupported --progress value {:?}\n", g.progress));
        return 1;
    }
    if g.dry_run && !matches!(sub.name, "config" | "version" | "ps" | "ls" | "images" | "logs" | "top" | "port") {
        cli.err(format!("baleine: 'docker compose --dry-run {}' is not simulated; run the command without --dry-run to see what it does.\n", sub.name));
        return 1;
    }
    match (sub.run)(cli, &g, &a) {
        Ok(code) => code,
        Err(f) => fail(cli, f),
    }
}

/// Prints a failure's message as the CLI plugin does; returns its status.
fn fail(cli: &mut Cli<'_>, Failure { msg, status }: Failure) -> i32 {
    if !msg.is_empty() {
        cli.err(if msg.ends_with('\n') { msg } else { format!("{msg}\n") });
    }
    status
}

fn sub_help(sub: &Sub) -> String {
    let aliases: &'static [&'static str] = if sub.name == "config" { &["docker compose config", "docker compose convert"] } else { &[] };
    let cmd = Command { path: sub.path, usage: sub.usage, short: sub.short, aliases, flags: sub.flags, stop_at_positional: !sub.interspersed, min_args: 0, max_args: usize::MAX };
    crate::args::help(&cmd)
}

/// An integer flag's value (checked when the arguments were parsed).
pub fn int_flag(a: &Args, name: &str) -> Option<i64> {
    a.value(name).and_then(|v| v.parse().ok())
}
