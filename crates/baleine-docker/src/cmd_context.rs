//! `docker context`: the client's contexts (docker/cli v27.5.1
//! cli/command/context). The simulated client has only the built-in
//! `default` context, which talks to the local engine.

use serde_json::{json, Value};

use crate::args::{flag, Command, Flag};
use crate::gotmpl::GoType;
use crate::{parse_args, Cli};

const LS_FLAGS: &[Flag] = &[flag("format", None, "string", "Format output using a custom template"), flag("quiet", Some('q'), "", "Only show context names")];
const INSPECT_FLAGS: &[Flag] = &[flag("format", Some('f'), "string", "Format output using a custom template")];

/// cli/command/context.go GetDockerContext: the description shown for the
/// default context.
const DEFAULT_DESCRIPTION: &str = "Current DOCKER_HOST based configuration";
const DEFAULT_ENDPOINT: &str = "unix:///var/run/docker.sock";

fn cmd(path: &'static str, usage: &'static str, short: &'static str, flags: &'static [Flag], min: usize, max: usize) -> Command {
    Command { path, usage, short, aliases: &[], flags, stop_at_positional: false, min_args: min, max_args: max }
}

pub fn run(cli: &mut Cli<'_>, sub: &str, argv: &[String]) -> i32 {
    match sub {
        "ls" | "list" => ls(cli, argv),
        "show" => show(cli, argv),
        "use" => use_context(cli, argv),
        "inspect" => inspect(cli, argv),
        "create" | "export" | "import" | "rm" | "remove" | "update" => {
            cli.err(format!("baleine: 'docker context {sub}' is beyond what this simulator models (its client only knows the default context, the local engine).\n"));
            1
        }
        _ => {
            let usage = crate::group_usage("context");
            cli.err(format!("\n{usage}"));
            1
        }
    }
}

/// The message of the context store for a context that does not exist
/// (metadataStore.get: the name, then the missing meta.json under the
/// digest of the name).
fn not_found(cli: &Cli<'_>, name: &str) -> String {
    let home = cli.getenv("HOME").unwrap_or("/home/learner");
    let digest = baleine_engine::util::sha256_hex(name);
    format!("context {}: context not found: open {home}/.docker/contexts/meta/{digest}/meta.json: no such file or directory", baleine_util::go::quote(name))
}

fn ls(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker context ls", "docker context list"], ..cmd("docker context ls", "[OPTIONS]", "List contexts", LS_FLAGS, 0, 0) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let format = a.value("format").filter(|f| !f.is_empty()).unwrap_or("table");
    if a.has("quiet") {
        cli.print("default\n");
        return 0;
    }
    if format == "json" {
        // getContextType: with the json format the row is marshalled as is,
        // ContextType "moby" included.
        cli.print(format!("{}\n", json!({"Name": "default", "Description": DEFAULT_DESCRIPTION, "DockerEndpoint": DEFAULT_ENDPOINT, "Current": true, "Error": "", "ContextType": "moby"})));
        return 0;
    }
    let row = json!({"Name": "default", "Description": DEFAULT_DESCRIPTION, "DockerEndpoint": DEFAULT_ENDPOINT, "Current": true, "Error": ""});
    // formatter.ClientContextTableFormat and its headers.
    let format = if format == "table" { "table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}" } else { format };
    let headers = |field: &str| -> Option<String> {
        Some(
            match field {
                "Name" => "NAME",
                "Description" => "DESCRIPTION",
                "DockerEndpoint" => "DOCKER ENDPOINT",
                "Error" => "ERROR",
                _ => return None,
            }
            .to_string(),
        )
    };
    crate::render_format(cli, format, &[row], &headers, None)
}

fn show(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker context show", "", "Print the name of the current context", &[], 0, 0);
    if let Err(s) = parse_args(cli, &c, argv) {
        return s;
    }
    cli.print("default\n");
    0
}

fn use_context(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    // cobra.ExactArgs(1), not docker's: cobra's own message.
    let c = cmd("docker context use", "CONTEXT", "Set the current docker context", &[], 0, usize::MAX);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    if a.args.len() != 1 {
        cli.err(format!("accepts 1 arg(s), received {}\n", a.args.len()));
        return 1;
    }
    let name = a.args[0].as_str();
    if name != "default" {
        // store.ValidateContextName, then the store's lookup.
        let valid = name.len() >= 2 && name.as_bytes()[0].is_ascii_alphanumeric() && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-'));
        let msg = if name.is_empty() {
            "context name cannot be empty".to_string()
        } else if !valid {
            format!("context name {} is invalid, names are validated against regexp \"^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$\"", baleine_util::go::quote(name))
        } else {
            not_found(cli, name)
        };
        cli.err(format!("{msg}\n"));
        return 1;
    }
    cli.print("default\n");
    cli.err("Current context is now \"default\"\n");
    0
}

fn inspect(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker context inspect", "[OPTIONS] [CONTEXT] [CONTEXT...]", "Display detailed information on one or more contexts", INSPECT_FLAGS, 0, usize::MAX);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let names: Vec<String> = if a.args.is_empty() { vec!["default".into()] } else { a.args.clone() };
    let items: Vec<Result<(Value, &'static GoType), String>> = names
        .iter()
        .map(|n| {
            if n == "default" {
                // The default context's metadata (defaultcontextstore.go),
                // kept in memory.
                Ok((json!({"Name": "default", "Metadata": {}, "Endpoints": {"docker": {"Host": DEFAULT_ENDPOINT, "SkipTLSVerify": false}}, "TLSMaterial": {}, "Storage": {"MetadataPath": "<IN MEMORY>", "TLSPath": "<IN MEMORY>"}}), &GoType::Json))
            } else {
                Err(not_found(cli, n))
            }
        })
        .collect();
    let fmtv = a.value("format").map(str::to_string);
    crate::cmd_system::print_inspect(cli, items, fmtv.as_deref())
}
