//! `docker volume ...`.

use indexmap::IndexMap;
use serde_json::{json, Value};

use crate::args::{flag, Command, Flag};
use crate::gotmpl::GoType;
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
    // cli/command/volume/create.go: the name as --name or as the argument.
    if !a.args.is_empty() && a.value("name").is_some_and(|n| !n.is_empty()) {
        cli.err("conflicting options: either specify --name or provide positional arg, not both\n");
        return 1;
    }
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
    let values = |key: &str| -> Vec<&str> { filters.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect() };
    // volume/service/convert.go filtersToBy: dangling is GetBoolOrDefault.
    let dangling = values("dangling");
    let dangling_only = match dangling.as_slice() {
        [] => None,
        [v] if v.eq_ignore_ascii_case("true") || *v == "1" => Some(true),
        [v] if v.eq_ignore_ascii_case("false") || *v == "0" => Some(false),
        vs => {
            cli.err(format!("Error response from daemon: invalid filter 'dangling={}'\n", vs.join(",")));
            return 1;
        }
    };
    let mut vols: Vec<_> = cli.world.volumes.values().collect();
    // docker/cli cli/command/volume/list.go: sortorder.NaturalLess.
    baleine_util::sort_by(&mut vols, |x, y| crate::cmd_network::natural_cmp(&x.name, &y.name));
    let any = |key: &str, test: &dyn Fn(&str) -> bool| -> bool {
        let vs = values(key);
        vs.is_empty() || vs.iter().any(|v| test(v))
    };
    let rows: Vec<Value> = vols
        .into_iter()
        .filter(|v| {
            any("driver", &|d| v.driver == d)
                // filters.Args.Match: exact, else a regular expression.
                && any("name", &|n| v.name.contains(n))
                && match_kv_list(&values("label"), &v.labels)
                && dangling_only.is_none_or(|d| d == !cli.world.volume_in_use(&v.name))
        })
        .map(|v| {
            // formatter/volume.go volumeContext: its methods, which
            // `--format json` marshals as a map (keys sorted); the list API
            // has no UsageData (Links, Size N/A) and no ClusterVolume.
            json!({
                "Availability": "N/A",
                "Driver": v.driver,
                "Group": "N/A",
                "Labels": v.labels.iter().map(|(k, val)| format!("{k}={val}")).collect::<Vec<_>>().join(","),
                "Links": "N/A",
                "Mountpoint": v.mountpoint(),
                "Name": v.name,
                "Scope": "local",
                "Size": "N/A",
                "Status": "N/A",
            })
        })
        .collect();
    // formatter/volume.go NewVolumeFormat: -q only changes the table (and
    // raw) formats; a custom --format wins over it.
    let quiet = a.has("quiet");
    let fmt = match a.value("format").unwrap_or("") {
        "" | "table" if quiet => "{{.Name}}".to_string(),
        "" | "table" => "table {{.Driver}}\t{{.Name}}".to_string(),
        "raw" if quiet => "name: {{.Name}}".to_string(),
        "raw" => "name: {{.Name}}\\ndriver: {{.Driver}}\\n".to_string(),
        f => f.to_string(),
    };
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
    let items = crate::cmd_system::inspect_items(cli.world, &a.args, "volume", false).into_iter().map(|r| r.map(|(v, _)| (v, &VOLUME_TYPE))).collect();
    let fmtv = a.value("format").map(str::to_string);
    crate::cmd_system::print_inspect(cli, items, fmtv.as_deref())
}

/// api/types/volume v27.5.1 Volume, what `docker volume inspect -f`
/// templates see (nil Labels and Options print `map[]`).
pub(crate) static VOLUME_TYPE: GoType = GoType::Struct(
    "volume.Volume",
    &[
        ("ClusterVolume", GoType::Ptr(&GoType::Json)),
        ("CreatedAt", GoType::Str),
        ("Driver", GoType::Str),
        ("Labels", GoType::Map(&GoType::Str)),
        ("Mountpoint", GoType::Str),
        ("Name", GoType::Str),
        ("Options", GoType::Map(&GoType::Str)),
        ("Scope", GoType::Str),
        ("Status", GoType::Map(&GoType::Json)),
        ("UsageData", GoType::Ptr(&GoType::Struct("volume.UsageData", &[("RefCount", GoType::Int), ("Size", GoType::Int)]))),
    ],
);

fn rm(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker volume rm", "docker volume remove"], ..cmd("docker volume rm", "[OPTIONS] VOLUME [VOLUME...]", "Remove one or more volumes", RM_FLAGS, 1, usize::MAX) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // cli/command/volume/remove.go runRemove: names as they go, the
    // errors together at the end.
    let mut errs = Vec::new();
    for n in a.args.clone() {
        match cli.world.remove_volume(&n, a.has("force")) {
            Ok(()) => cli.print(format!("{n}\n")),
            Err(e) => errs.push(format!("Error response from daemon: {}", e.message)),
        }
    }
    if errs.is_empty() {
        return 0;
    }
    cli.err(format!("{}\n", errs.join("\n")));
    1
}

fn prune(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker volume prune", "[OPTIONS]", "Remove unused local volumes", PRUNE_FLAGS, 0, 0);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // docker/cli v27.5.1 cli/command/volume/prune.go runPrune: --all adds
    // the all=true filter (API >= 1.42) and changes the warning.
    let mut filter_values: Vec<String> = a.values("filter").iter().map(|s| s.to_string()).collect();
    if a.has("all") {
        if filter_values.iter().any(|f| f.split_once('=').is_some_and(|(k, _)| k == "all")) {
            cli.err("conflicting options: cannot specify both --all and --filter all=1\n");
            return 1;
        }
        filter_values.push("all=true".into());
    }
    if !a.has("force") {
        let warning = if a.has("all") { "all local volumes" } else { "anonymous local volumes" };
        cli.print(format!("WARNING! This will remove {warning} not used by at least one container.\nAre you sure you want to continue? [y/N] "));
        if !crate::confirm_prune(cli, "volume", argv) {
            return 0;
        }
    }
    let refs: Vec<&str> = filter_values.iter().map(String::as_str).collect();
    let filters = match crate::parse_filters(cli, &refs, &["label", "label!", "all"], "docker volume prune") {
        Ok(f) => f,
        Err(s) => return s,
    };
    // moby v27.5.1 volume/service/service.go withPrune.
    let all: Vec<&str> = filters.iter().filter(|(k, _)| k == "all").map(|(_, v)| v.as_str()).collect();
    let all = match all.as_slice() {
        [] => false,
        [v] => match go_parse_bool(v) {
            Some(b) => b,
            None => {
                cli.err(format!("Error response from daemon: invalid filter 'all': strconv.ParseBool: parsing \"{v}\": invalid syntax\n"));
                return 1;
            }
        },
        vs => {
            cli.err(format!("Error response from daemon: invalid filter 'all=[{}]': only one value is expected\n", vs.join(" ")));
            return 1;
        }
    };
    let mut labels = LabelFilters::new(&filters);
    if !all {
        labels = labels.require("com.docker.volume.anonymous");
    }
    let (names, reclaimed) = cli.world.prune_volumes_where(&|v| labels.matches(&v.labels));
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

use baleine_util::go::parse_bool as go_parse_bool;

/// moby api/types/filters Args.MatchKVList: every `key` or `key=value`
/// filter must match a label (no filter: everything matches; a filter and
/// no labels: nothing does).
pub(crate) fn match_kv_list(filters: &[&str], labels: &indexmap::IndexMap<String, String>) -> bool {
    if filters.is_empty() {
        return true;
    }
    if labels.is_empty() {
        return false;
    }
    filters.iter().all(|f| match f.split_once('=') {
        Some((k, v)) => labels.get(k).is_some_and(|x| x == v),
        None => labels.contains_key(*f),
    })
}

/// A prune's label filters (moby daemon/prune.go matchLabels): every
/// `label` filter matches the object's labels and no `label!` filter does.
pub(crate) struct LabelFilters {
    want: Vec<String>,
    unwanted: Vec<String>,
}

impl LabelFilters {
    pub(crate) fn new(filters: &[(String, String)]) -> LabelFilters {
        let of = |key: &str| filters.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect();
        LabelFilters { want: of("label"), unwanted: of("label!") }
    }
    /// Also require `label` (volume prune without --all: anonymous only).
    pub(crate) fn require(mut self, label: &str) -> LabelFilters {
        self.want.push(label.to_string());
        self
    }
    pub(crate) fn matches(&self, labels: &indexmap::IndexMap<String, String>) -> bool {
        let want: Vec<&str> = self.want.iter().map(String::as_str).collect();
        let unwanted: Vec<&str> = self.unwanted.iter().map(String::as_str).collect();
        match_kv_list(&want, labels) && (unwanted.is_empty() || !match_kv_list(&unwanted, labels))
    }
}

/// The filters of a container or network prune (moby v27.5.1
/// daemon/prune.go: `label`, `label!` and `until` accepted, then
/// getUntilFromPruneFilters): the time bound and the label filters.
pub(crate) fn label_until_filters(cli: &mut Cli<'_>, given: &[&str], cmd_path: &str) -> Result<(Option<u64>, LabelFilters), i32> {
    let filters = crate::parse_filters(cli, given, &["label", "label!", "until"], cmd_path)?;
    let until = prune_until(cli, &filters)?;
    Ok((until, LabelFilters::new(&filters)))
}

/// moby v27.5.1 daemon/prune.go getUntilFromPruneFilters: the `until`
/// filter as a world time (None: not given).
pub(crate) fn prune_until(cli: &mut Cli<'_>, filters: &[(String, String)]) -> Result<Option<u64>, i32> {
    prune_until_by(cli, filters, |cli, v| crate::cmd_container::timestamp_ms(cli.world.now_ms, cli.world.epoch_secs, v))
}

/// The `until` filter read by `parse` (None: not given; one at most).
pub(crate) fn prune_until_by(cli: &mut Cli<'_>, filters: &[(String, String)], parse: impl Fn(&Cli<'_>, &str) -> Result<u64, String>) -> Result<Option<u64>, i32> {
    let until: Vec<&str> = filters.iter().filter(|(k, _)| k == "until").map(|(_, v)| v.as_str()).collect();
    match until.as_slice() {
        [] => Ok(None),
        [v] => match parse(cli, v) {
            Ok(ms) => Ok(Some(ms)),
            Err(e) => {
                cli.err(format!("Error response from daemon: {e}\n"));
                Err(1)
            }
        },
        _ => {
            cli.err("Error response from daemon: more than one until filter specified\n");
            Err(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::args::validate_label;

    #[test]
    fn labels_checked_like_opts_validate_label() {
        assert!(validate_label("a=1").is_ok());
        assert!(validate_label("  a").is_ok());
        assert_eq!(validate_label("=x").unwrap_err(), "invalid label '=x': empty name");
        assert_eq!(validate_label("a b=1").unwrap_err(), "label 'a b' contains whitespaces");
    }
}
