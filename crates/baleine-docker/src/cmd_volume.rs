//! `docker volume ...`.

use indexmap::IndexMap;
use serde_json::{json, Value};

use crate::args::{flag, Command, Flag};
use crate::{parse_args, Cli};

const CREATE_FLAGS: &[Flag] = &[flag("driver", Some('d'), "string", "Specify volume driver name (default \"local\")"), flag("label", None, "list", "Set metadata for a volume"), flag("name", None, "string", "Specify volume name"), flag("opt", Some('o'), "map", "Set driver specific options (default map[])")];
const LS_FLAGS: &[Flag] = &[flag("cluster", None, "", "Display only cluster volumes, and use cluster volume list formatting"), flag("filter", Some('f'), "filter", "Provide filter values (e.g. \"dangling=true\")"), flag("format", None, "string", "Format output using a custom template"), flag("quiet", Some('q'), "", "Only display volume names")];
const INSPECT_FLAGS: &[Flag] = &[flag("format", Some('f'), "string", "Format output using a custom template")];
const RM_FLAGS: &[Flag] = &[flag("force", Some('f'), "", "Force the removal of one or more volumes")];
const PRUNE_FLAGS: &[Flag] = &[flag("all", Some('a'), "", "Remove all unused volumes, not just anonymous ones"), flag("filter", None, "filter", "Provide filter values (e.g. \"label=<label>\")"), flag("force", Some('f'), "", "Do not prompt for confirmation")];

fn cmd(path: &'static str, usage: &'static str, short: &'static str, flags: &'static [Flag], min: usize, max: usize) -> Command {
    Command { path, usage, short, aliases: &[], flags, stop_at_positional: false, min_args: min, max_args: max }
}

pub fn run(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let sub = argv.first().map(String::as_str).unwrap_or("");
    let rest = if argv.is_empty() { argv } else { &argv[1..] };
    match sub {
        "create" => create(cli, rest),
        "ls" | "list" => ls(cli, rest),
        "inspect" => inspect(cli, rest),
        "rm" | "remove" => rm(cli, rest),
        "prune" => prune(cli, rest),
        "" | "--help" | "-h" => {
            let usage = crate::group_usage("volume");
            cli.print(format!("\n{usage}"));
            0
        }
        _ => {
            let usage = crate::group_usage("volume");
            cli.err(format!("\n{usage}"));
            1
        }
    }
}

fn create(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker volume create", "[OPTIONS] [VOLUME]", "Create a volume", CREATE_FLAGS, 0, 1);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let name = a.args.first().cloned().or_else(|| a.value("name").map(str::to_string));
    let mut labels = IndexMap::new();
    for l in a.values("label") {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        labels.insert(k.to_string(), v.to_string());
    }
    let mut opts = IndexMap::new();
    for o in a.values("opt") {
        let (k, v) = o.split_once('=').unwrap_or((o, ""));
        opts.insert(k.to_string(), v.to_string());
    }
    // Go maps: JSON and templates show the keys sorted.
    baleine_util::sort_keys(&mut labels);
    baleine_util::sort_keys(&mut opts);
    match cli.world.create_volume(name.as_deref(), a.value("driver").unwrap_or("local"), labels, opts) {
        Ok(n) => {
            cli.print(format!("{n}\n"));
            0
        }
        Err(e) => {
            cli.daemon_error(&e);
            1
        }
    }
}

fn ls(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker volume ls", "docker volume list"], ..cmd("docker volume ls", "[OPTIONS]", "List volumes", LS_FLAGS, 0, 0) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // moby volume/service/service.go acceptedListFilters.
    let filters = match crate::parse_filters(cli, &a.values("filter"), &["dangling", "name", "driver", "label"], "docker volume ls") {
        Ok(f) => f,
        Err(s) => return s,
    };
    let mut vols: Vec<_> = cli.world.volumes.values().collect();
    baleine_util::sort_by(&mut vols, |x, y| x.name.cmp(&y.name));
    let rows: Vec<Value> = vols
        .into_iter()
        .filter(|v| {
            filters.iter().all(|(k, val)| match k.as_str() {
                "dangling" => (val == "true" || val == "1") == !cli.world.volume_in_use(&v.name),
                "name" => v.name.contains(val.as_str()),
                "driver" => v.driver == *val,
                "label" => match val.split_once('=') {
                    Some((lk, lv)) => v.labels.get(lk).is_some_and(|x| x == lv),
                    None => v.labels.contains_key(val.as_str()),
                },
                _ => true,
            })
        })
        .map(|v| {
            json!({
                "Driver": v.driver,
                "Name": v.name,
                "Labels": v.labels.iter().map(|(k, val)| format!("{k}={val}")).collect::<Vec<_>>().join(","),
                "Mountpoint": v.mountpoint(),
                "Scope": "local",
                "Size": "N/A",
                "Links": "N/A",
            })
        })
        .collect();
    if a.has("quiet") {
        for r in &rows {
            cli.print(format!("{}\n", r["Name"].as_str().unwrap_or("")));
        }
        return 0;
    }
    let fmt = a.value("format").unwrap_or("table {{.Driver}}\t{{.Name}}").to_string();
    crate::render_format(cli, &fmt, &rows, &|f| {
        Some(
            match f {
                "Driver" => "DRIVER",
                "Name" => "VOLUME NAME",
                "Labels" => "LABELS",
                "Mountpoint" => "MOUNTPOINT",
                "Scope" => "SCOPE",
                "Size" => "SIZE",
                "Links" => "LINKS",
                _ => return None,
            }
            .to_string(),
        )
    }, None)
}

fn inspect(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker volume inspect", "[OPTIONS] VOLUME [VOLUME...]", "Display detailed information on one or more volumes", INSPECT_FLAGS, 1, usize::MAX);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let items = crate::cmd_system::inspect_items(cli.world, &a.args, "volume", false);
    let fmtv = a.value("format").map(str::to_string);
    crate::cmd_system::print_inspect(cli, items, fmtv.as_deref())
}

fn rm(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker volume rm", "docker volume remove"], ..cmd("docker volume rm", "[OPTIONS] VOLUME [VOLUME...]", "Remove one or more volumes", RM_FLAGS, 1, usize::MAX) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let mut status = 0;
    for n in a.args.clone() {
        match cli.world.remove_volume(&n, a.has("force")) {
            Ok(()) => cli.print(format!("{n}\n")),
            Err(e) => {
                cli.daemon_error(&e);
                status = 1;
            }
        }
    }
    status
}

fn prune(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker volume prune", "[OPTIONS]", "Remove unused local volumes", PRUNE_FLAGS, 0, 0);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    if !a.has("force") {
        cli.print("WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ");
        crate::confirm_prune(cli, "volume", argv);
        return 0;
    }
    let (names, reclaimed) = cli.world.prune_volumes(a.has("all"));
    if !names.is_empty() {
        cli.print("Deleted Volumes:\n");
        for n in names {
            cli.print(format!("{n}\n"));
        }
        cli.print("\n");
    }
    cli.print(format!("Total reclaimed space: {}\n", baleine_engine::util::human_size(reclaimed)));
    0
}
