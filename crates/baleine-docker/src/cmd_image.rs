//! Image commands: pull, push, images, rmi, tag, history, save, load,
//! search, image prune.

use baleine_engine::images::{PullReport, Reference};
use baleine_engine::model::Image;
use baleine_engine::util::human_size;
use serde_json::{json, Value};

use crate::args::{flag, Command, Flag};
use crate::format;
use crate::{parse_args, Cli};

const PULL_FLAGS: &[Flag] = &[flag("all-tags", Some('a'), "", "Download all tagged images in the repository"), flag("disable-content-trust", None, "", "Skip image verification (default true)"), flag("platform", None, "string", "Set platform if server is multi-platform capable"), flag("quiet", Some('q'), "", "Suppress verbose output")];
const PUSH_FLAGS: &[Flag] = &[flag("all-tags", Some('a'), "", "Push all tags of an image to the repository"), flag("quiet", Some('q'), "", "Suppress verbose output")];
const IMAGES_FLAGS: &[Flag] = &[
    flag("all", Some('a'), "", "Show all images (default hides intermediate images)"),
    flag("digests", None, "", "Show digests"),
    flag("filter", Some('f'), "filter", "Filter output based on conditions provided"),
    flag("format", None, "string", "Format output using a custom template"),
    flag("no-trunc", None, "", "Don't truncate output"),
    flag("quiet", Some('q'), "", "Only show image IDs"),
    flag("tree", None, "", "List multi-platform images as a tree (EXPERIMENTAL)"),
];
const RMI_FLAGS: &[Flag] = &[flag("force", Some('f'), "", "Force removal of the image"), flag("no-prune", None, "", "Do not delete untagged parents")];
const HISTORY_FLAGS: &[Flag] = &[flag("format", None, "string", "Format output using a custom template"), flag("human", Some('H'), "", "Print sizes and dates in human readable format (default true)"), flag("no-trunc", None, "", "Don't truncate output"), flag("quiet", Some('q'), "", "Only show image IDs")];
const SAVE_FLAGS: &[Flag] = &[flag("output", Some('o'), "string", "Write to a file, instead of STDOUT")];
const IMPORT_FLAGS: &[Flag] = &[
    flag("change", Some('c'), "list", "Apply Dockerfile instruction to the created image"),
    flag("message", Some('m'), "string", "Set commit message for imported image"),
    flag("platform", None, "string", "Set platform if server is multi-platform capable"),
];
const LOAD_FLAGS: &[Flag] = &[flag("input", Some('i'), "string", "Read from tar archive file, instead of STDIN"), flag("quiet", Some('q'), "", "Suppress the load output")];
const PRUNE_FLAGS: &[Flag] = &[flag("all", Some('a'), "", "Remove all unused images, not just dangling ones"), flag("filter", None, "filter", "Provide filter values (e.g. \"until=<timestamp>\")"), flag("force", Some('f'), "", "Do not prompt for confirmation")];
const SEARCH_FLAGS: &[Flag] = &[flag("filter", Some('f'), "filter", "Filter output based on conditions provided"), flag("format", None, "string", "Pretty-print search using a Go template"), flag("limit", None, "int", "Max number of search results"), flag("no-trunc", None, "", "Don't truncate output")];

fn cmd(path: &'static str, usage: &'static str, short: &'static str, flags: &'static [Flag], min: usize, max: usize) -> Command {
    Command { path, usage, short, aliases: &[], flags, stop_at_positional: false, min_args: min, max_args: max }
}

pub fn run(cli: &mut Cli<'_>, name: &str, argv: &[String]) -> i32 {
    match name {
        "pull" => pull(cli, argv),
        "push" => push(cli, argv),
        "images" | "image ls" => images(cli, argv, name == "images"),
        "rmi" => rmi(cli, argv),
        "tag" => tag(cli, argv),
        "history" => history(cli, argv),
        "save" => save(cli, argv),
        "load" => load(cli, argv),
        "import" => import(cli, argv),
        _ => 1,
    }
}

/// What `docker pull` shows on a terminal once it is done.
pub fn pull_text(r: &PullReport) -> String {
    let mut s = pull_tag_text(r);
    let verb = if r.up_to_date { "Image is up to date for" } else { "Downloaded newer image for" };
    s.push_str(&format!("Status: {verb} {}\n", r.reference.familiar_string()));
    s
}

/// moby distribution/pull_v2.go pullTag: "TAG: Pulling from REPO" (the
/// whole reference for a pull by digest), the layers unless the image's
/// config is already in the store, the manifest digest.
fn pull_tag_text(r: &PullReport) -> String {
    let what = match (&r.reference.tag, &r.reference.digest) {
        (None, Some(_)) => r.reference.full_string(),
        (t, _) => t.clone().unwrap_or_else(|| "latest".into()),
    };
    let mut s = format!("{what}: Pulling from {}\n", r.reference.path);
    if !r.up_to_date && !r.had_config {
        for (id, existed) in &r.layers {
            s.push_str(&format!("{id}: {}\n", if *existed { "Already exists" } else { "Pull complete" }));
        }
    }
    s.push_str(&format!("Digest: sha256:{}\n", r.digest));
    s
}

fn pull(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker image pull", "docker pull"], ..cmd("docker pull", "[OPTIONS] NAME[:TAG|@DIGEST]", "Download an image from a registry", PULL_FLAGS, 1, 1) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let name = a.args[0].clone();
    let r = match Reference::parse(&name) {
        Ok(r) => r,
        Err(e) => {
            cli.err(format!("{}\n", e.message));
            return 1;
        }
    };
    let name_only = r.tag.is_none() && r.digest.is_none();
    if a.has("all-tags") && !name_only {
        cli.err("tag can't be used with --all-tags/-a\n");
        return 1;
    }
    if name_only && !a.has("quiet") && !a.has("all-tags") {
        cli.print("Using default tag: latest\n");
    }
    // The daemon parses --platform (containerd platforms.Parse) before it
    // pulls; the catalogue's images are Linux manifest lists, so another
    // OS matches none of their entries (distribution/pull_v2.go noMatchesErr).
    if let Some(p) = a.value("platform").filter(|p| !p.is_empty()) {
        match baleine_engine::images::parse_platform(&p.to_ascii_lowercase()) {
            Err(e) => {
                cli.err(format!("Error response from daemon: {e}\n"));
                return 1;
            }
            Ok((os, arch, variant)) if os != "linux" && baleine_engine::images::catalog_lookup(&r).is_some() => {
                if !a.has("quiet") {
                    let what = if r.tag.is_none() && r.digest.is_some() { r.full_string() } else { r.tag_or_latest().to_string() };
                    cli.print(format!("{what}: Pulling from {}\n", r.path));
                }
                let plat = [os, arch, variant].iter().filter(|x| !x.is_empty()).cloned().collect::<Vec<String>>().join("/");
                cli.err(format!("no matching manifest for {plat} in the manifest list entries\n"));
                return 1;
            }
            Ok(_) => {}
        }
    }
    if a.has("all-tags") {
        return pull_all_tags(cli, &r, a.has("quiet"));
    }
    match cli.world.pull(&name) {
        Ok(report) => {
            if !a.has("quiet") {
                let text = pull_text(&report);
                cli.print(text);
            }
            cli.print(format!("{}\n", report.reference.full_string()));
            cli.world.advance(if report.up_to_date { 300 } else { 800 + 400 * report.layers.iter().filter(|l| !l.1).count() as u64 });
            0
        }
        Err(e) => {
            cli.daemon_error(&e);
            1
        }
    }
}

/// `docker pull --all-tags`: pull_v2.go pullRepository pulls every tag the
/// registry lists, then writes one status line for the repository.
fn pull_all_tags(cli: &mut Cli<'_>, r: &Reference, quiet: bool) -> i32 {
    let repo = format!("{}/{}", r.domain, r.path);
    let tags = cli.world.registry_tags(&repo).unwrap_or_default();
    if tags.is_empty() {
        // The registry refuses to list the tags of an unknown repository.
        if let Err(e) = cli.world.pull(&repo) {
            cli.daemon_error(&e);
            return 1;
        }
    }
    let mut downloaded = false;
    for t in tags {
        match cli.world.pull(&format!("{repo}:{t}")) {
            Ok(report) => {
                if !quiet {
                    let text = pull_tag_text(&report);
                    cli.print(text);
                }
                downloaded |= !report.up_to_date;
                cli.world.advance(if report.up_to_date { 300 } else { 800 + 400 * report.layers.iter().filter(|l| !l.1).count() as u64 });
            }
            Err(e) => {
                cli.daemon_error(&e);
                return 1;
            }
        }
    }
    if !quiet {
        let verb = if downloaded { "Downloaded newer image for" } else { "Image is up to date for" };
        cli.print(format!("Status: {verb} {}\n", r.repo()));
    }
    cli.print(format!("{repo}\n"));
    0
}

/// docker/cli v27.5.1 cli/command/image/push.go RunPush, then the daemon's
/// distribution/push.go Push and push_v2.go pushRepository: errors that
/// come after "The push refers to repository" arrive in the progress
/// stream, so they print without "Error response from daemon: ".
fn push(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker image push", "docker push"], ..cmd("docker push", "[OPTIONS] NAME[:TAG]", "Upload an image to a registry", PUSH_FLAGS, 1, 1) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let name = a.args[0].clone();
    let r = match Reference::parse_named(&name) {
        Ok(r) => r,
        Err(e) => {
            cli.err(format!("{}\n", e.message));
            return 1;
        }
    };
    let (all, quiet) = (a.has("all-tags"), a.has("quiet"));
    let name_only = r.tag.is_none() && r.digest.is_none();
    if all && !name_only {
        cli.err("tag can't be used with --all-tags/-a\n");
        return 1;
    }
    if !all && name_only && !quiet {
        cli.print("Using default tag: latest\n");
    }
    // The client's ImagePush.
    if r.digest.is_some() {
        cli.err("cannot push a digest reference\n");
        return 1;
    }
    if !quiet {
        cli.print(format!("The push refers to repository [{}/{}]\n", r.domain, r.path));
    }
    let repo = r.repo();
    let tags = cli.world.repository_tags(&repo);
    if tags.is_empty() {
        cli.err(format!("An image does not exist locally with the tag: {repo}\n"));
        return 1;
    }
    let wanted: Vec<String> = if all { tags } else { vec![r.familiar()] };
    for tag in wanted {
        match cli.world.push(&tag) {
            Ok((pr, layers, digest, size)) => {
                if !quiet {
                    for (id, status) in &layers {
                        cli.print(format!("{id}: {status}\n"));
                    }
                    cli.print(format!("{}: digest: sha256:{digest} size: {size}\n", pr.tag_or_latest()));
                }
                cli.world.advance(1500);
            }
            Err(e) => {
                if !quiet {
                    let layers = cli.world.image_id(&tag).and_then(|id| cli.world.images.get(&id)).map(|i| i.layers.clone()).unwrap_or_default();
                    for id in layers.iter().rev() {
                        cli.print(format!("{}: Preparing\n", id.get(..12).unwrap_or(id)));
                    }
                }
                cli.err(format!("{}\n", e.message));
                return 1;
            }
        }
    }
    if quiet {
        let shown = if all { format!("{}/{}", r.domain, r.path) } else { r.full() };
        cli.print(format!("{shown}\n"));
    }
    0
}

/// The `--filter`s of `docker images` (moby daemon/images/image_list.go).
#[derive(Default)]
struct ImageFilter {
    dangling: Option<bool>,
    /// `reference=` patterns and the REPOSITORY[:TAG] argument: any may match.
    refs: Vec<String>,
    labels: Vec<String>,
    /// Only images created strictly before / after these (`before=`, `since=`).
    before_secs: Option<u64>,
    since_secs: Option<u64>,
}

/// The rows of `docker images`: moby daemon/images/image_list.go Images
/// (filters, which references are listed) then docker/cli
/// formatter/image.go imageFormat (a row per repository and tag; digests
/// only when `need_digest`, digest-only repositories as `<none>` tags).
fn image_rows(cli: &Cli<'_>, all: bool, f: &ImageFilter, trunc: bool, need_digest: bool, digest_rows: bool) -> Vec<Value> {
    let w = &*cli.world;
    let mut imgs: Vec<&Image> = w.images.values().collect();
    baleine_util::sort_by(&mut imgs, |a, b| b.created_secs.cmp(&a.created_secs));
    let mut rows = Vec::new();
    let ref_ok = |r: &str| {
        f.refs.is_empty() || f.refs.iter().any(|p| glob_match(p, r) || glob_match(p, &split_ref(r).0))
    };
    for img in imgs {
        let has_children = w.images.values().any(|o| o.parent.as_deref() == Some(img.id.as_str()));
        if f.dangling == Some(true) && has_children {
            continue;
        }
        if f.before_secs.is_some_and(|t| img.created_secs >= t) || f.since_secs.is_some_and(|t| img.created_secs <= t) {
            continue;
        }
        let labels = &f.labels;
        if !labels.is_empty() && !labels.iter().all(|l| match l.split_once('=') {
            Some((k, v)) => img.config.labels.get(k).is_some_and(|x| x == v),
            None => img.config.labels.contains_key(l.as_str()),
        }) {
            continue;
        }
        let tags: Vec<&String> = img.repo_tags.iter().filter(|t| ref_ok(t)).collect();
        let digests: Vec<&String> = img.repo_digests.iter().filter(|d| ref_ok(d)).collect();
        if tags.is_empty() && digests.is_empty() {
            if (!all && has_children) || f.dangling == Some(false) || !f.refs.is_empty() {
                continue;
            }
        } else if f.dangling == Some(true) && !tags.is_empty() {
            continue;
        }
        let size = human_size(w.image_size(img));
        let id = if trunc { img.id[..12].to_string() } else { format!("sha256:{}", img.id) };
        let created = format::ago(w.now_secs() * 1000, img.created_secs * 1000);
        let mut lines: Vec<(String, String, String)> = Vec::new();
        if tags.is_empty() && digests.is_empty() {
            lines.push(("<none>".into(), "<none>".into(), "<none>".into()));
        } else {
            let mut repo_tags: indexmap::IndexMap<String, Vec<String>> = indexmap::IndexMap::new();
            for t in &tags {
                let (repo, tag) = split_ref(t);
                repo_tags.entry(repo).or_default().push(tag);
            }
            let mut repo_digests: indexmap::IndexMap<String, Vec<String>> = indexmap::IndexMap::new();
            for d in &digests {
                if let Some((repo, dg)) = d.split_once('@') {
                    repo_digests.entry(repo.to_string()).or_default().push(dg.to_string());
                }
            }
            for (repo, tags) in repo_tags {
                let ds = repo_digests.shift_remove(&repo).filter(|_| need_digest).unwrap_or_default();
                for tag in tags {
                    if ds.is_empty() {
                        lines.push((repo.clone(), tag.clone(), "<none>".into()));
                    }
                    for d in &ds {
                        lines.push((repo.clone(), tag.clone(), d.clone()));
                    }
                }
            }
            for (repo, ds) in repo_digests {
                if digest_rows {
                    for d in ds {
                        lines.push((repo.clone(), "<none>".into(), d));
                    }
                } else {
                    lines.push((repo, "<none>".into(), String::new()));
                }
            }
        }
        for (repo, tag, digest) in lines {
            rows.push(json!({
                "Containers": "N/A",
                "CreatedAt": format::time_from_secs(img.created_secs),
                "CreatedSince": created,
                "Digest": digest,
                "ID": id,
                "Repository": repo,
                "SharedSize": "N/A",
                "Size": size,
                "Tag": tag,
                "UniqueSize": "N/A",
                "VirtualSize": size,
            }));
        }
    }
    rows
}

/// "alpine:3.19" -> ("alpine", "3.19"); "localhost:5000/app" -> (.., "latest").
fn split_ref(t: &str) -> (String, String) {
    let name = t.split_once('@').map_or(t, |(n, _)| n);
    match name.rsplit_once(':') {
        Some((r, tg)) if !tg.contains('/') => (r.to_string(), tg.to_string()),
        _ => (name.to_string(), "latest".into()),
    }
}

/// Go's path.Match subset used by `--filter reference=`.
pub fn glob_match(pat: &str, s: &str) -> bool {
    fn m(p: &[char], s: &[char], depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        match (p.first(), s.first()) {
            (None, None) => true,
            (Some('*'), _) => m(&p[1..], s, depth + 1) || (!s.is_empty() && s[0] != '/' && m(p, &s[1..], depth + 1)),
            (Some('?'), Some(c)) if *c != '/' => m(&p[1..], &s[1..], depth + 1),
            (Some(a), Some(b)) if a == b => m(&p[1..], &s[1..], depth + 1),
            _ => false,
        }
    }
    let p: Vec<char> = pat.chars().collect();
    let sv: Vec<char> = s.chars().collect();
    m(&p, &sv, 0)
}

/// filters.Args.GetBoolOrDefault("dangling"): "true"/"1" or "false"/"0";
/// both, or anything else, is `invalid filter 'dangling=[...]'`.
fn dangling_filter(pairs: &[(String, String)]) -> Result<Option<bool>, String> {
    bool_filter(pairs, "dangling")
}

/// moby api/types/filters GetBoolOrDefault: the values of `name` must all
/// say true (`true`, `1`) or all say false (`false`, `0`).
fn bool_filter(pairs: &[(String, String)], name: &str) -> Result<Option<bool>, String> {
    let vals: Vec<&str> = pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect();
    if vals.is_empty() {
        return Ok(None);
    }
    let is_false = vals.iter().any(|v| *v == "0" || *v == "false");
    let is_true = vals.iter().any(|v| *v == "1" || *v == "true");
    if is_false == is_true {
        let mut uniq: Vec<&str> = Vec::new();
        for v in vals {
            if !uniq.contains(&v) {
                uniq.push(v);
            }
        }
        return Err(format!("invalid filter '{name}=[{}]'", uniq.join(" ")));
    }
    Ok(Some(is_true))
}

/// An `until` filter value as Unix seconds (timetypes.GetTimestamp: a
/// duration before now, an RFC 3339 date or Unix seconds).
/// An image prune's `until` filter in Unix seconds, the unit of image times
/// (catalogue images are older than the session).
pub(crate) fn prune_until_secs(cli: &mut Cli<'_>, filters: &[(String, String)]) -> Result<Option<u64>, i32> {
    crate::cmd_volume::prune_until_by(cli, filters, until_secs)
}

fn until_secs(cli: &Cli<'_>, v: &str) -> Result<u64, String> {
    let rel_ms = crate::cmd_container::timestamp_ms(cli.world.now_ms, cli.world.epoch_secs, v)?;
    if let Some(secs) = baleine_engine::util::parse_rfc3339(v) {
        return Ok(secs);
    }
    if !v.chars().any(|c| c.is_ascii_alphabetic()) {
        if let Some(secs) = v.split('.').next().and_then(|x| x.parse::<u64>().ok()) {
            return Ok(secs);
        }
    }
    Ok(cli.world.epoch_secs + rel_ms / 1000)
}

/// `called_as_images`: `docker images`, not `docker image ls`.
fn images(cli: &mut Cli<'_>, argv: &[String], called_as_images: bool) -> i32 {
    let c = Command { aliases: &["docker image ls", "docker image list", "docker images"], ..cmd("docker images", "[OPTIONS] [REPOSITORY[:TAG]]", "List images", IMAGES_FLAGS, 0, 1) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // moby daemon/images/image_list.go acceptedImageFilterTags.
    let accepted = ["dangling", "label", "label!", "before", "since", "reference", "until"];
    let pairs = match crate::parse_filters(cli, &a.values("filter"), &accepted, "docker images") {
        Ok(f) => f,
        Err(s) => return s,
    };
    let mut filter = ImageFilter::default();
    match dangling_filter(&pairs) {
        Ok(d) => filter.dangling = d,
        Err(e) => {
            cli.err(format!("Error response from daemon: {e}\n"));
            return 1;
        }
    }
    // Images: `before` values first, then `until`, then `since`.
    let mut order: Vec<(String, String)> = pairs.iter().filter(|(k, _)| k == "before").cloned().collect();
    order.extend(pairs.iter().filter(|(k, _)| k == "until").cloned());
    order.extend(pairs.iter().filter(|(k, _)| k != "before" && k != "until").cloned());
    for (k, v) in order {
        match k.as_str() {
            "dangling" => {}
            "until" => match until_secs(cli, &v) {
                Ok(t) => filter.before_secs = Some(filter.before_secs.map_or(t, |b| b.min(t))),
                Err(e) => {
                    cli.err(format!("Error response from daemon: {e}\n"));
                    return 1;
                }
            },
            "reference" => filter.refs.push(v),
            "label" => filter.labels.push(v),
            // Several values resolve to the oldest (before) / newest (since) image.
            "before" | "since" => {
                let created = match cli.world.image(&v) {
                    Ok(img) => img.created_secs,
                    Err(e) => {
                        cli.daemon_error(&e);
                        return 1;
                    }
                };
                let bound = if k == "before" { &mut filter.before_secs } else { &mut filter.since_secs };
                *bound = Some(bound.map_or(created, |b| if k == "before" { b.min(created) } else { b.max(created) }));
            }
            _ => {}
        }
    }
    let match_name = a.args.first().cloned();
    filter.refs.extend(match_name.clone());
    // docker/cli formatter/image.go: -q prints the ID of every row (an image
    // with several tags appears several times).
    let default = if a.has("quiet") {
        "{{.ID}}"
    } else if a.has("digests") {
        "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
    } else {
        "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
    };
    let mut fmt = a.value("format").filter(|f| !f.is_empty() && *f != "table").unwrap_or(default).to_string();
    // NewImageFormat: a table format with --digests gets a DIGEST column.
    if fmt.starts_with("table") && a.has("digests") && !fmt.contains("{{.Digest}}") {
        fmt.push_str("\t{{.Digest}}");
    }
    let need_digest = a.has("digests") || fmt.contains("{{.Digest}}");
    let rows = image_rows(cli, a.has("all"), &filter, !a.has("no-trunc"), need_digest, a.has("digests"));
    let status = crate::render_format(cli, &fmt, &rows, &image_header, None);
    // docker/cli image/list.go printAmbiguousHint: `docker images ls`.
    if let Some(m) = match_name.filter(|m| rows.is_empty() && called_as_images && AMBIGUOUS_IMAGE_ARGS.contains(&m.as_str())) {
        cli.err(format!("\nNo images found matching \"{m}\": did you mean \"docker image {m}\"?\n"));
    }
    status
}

/// `docker image` subcommands and aliases that `docker images X` hints at.
const AMBIGUOUS_IMAGE_ARGS: &[&str] = &["build", "history", "import", "inspect", "list", "load", "ls", "prune", "pull", "push", "rm", "save", "tag"];

fn image_header(field: &str) -> Option<String> {
    Some(
        match field {
            "Repository" => "REPOSITORY",
            "Tag" => "TAG",
            "ID" => "IMAGE ID",
            "CreatedSince" => "CREATED",
            "CreatedAt" => "CREATED AT",
            "Size" => "SIZE",
            "Digest" => "DIGEST",
            "Containers" => "CONTAINERS",
            "SharedSize" => "SHARED SIZE",
            "UniqueSize" => "UNIQUE SIZE",
            "VirtualSize" => "VIRTUAL SIZE",
            _ => return None,
        }
        .to_string(),
    )
}

fn rmi(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker image rm", "docker image remove", "docker rmi"], ..cmd("docker rmi", "[OPTIONS] IMAGE [IMAGE...]", "Remove one or more images", RMI_FLAGS, 1, usize::MAX) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let force = a.has("force");
    let mut status = 0;
    for n in a.args.clone() {
        match cli.world.remove_image_pruning(&n, force, !a.has("no-prune")) {
            Ok(lines) => {
                for l in lines {
                    cli.print(format!("{l}\n"));
                }
            }
            Err(e) => {
                cli.daemon_error(&e);
                status = 1;
            }
        }
    }
    status
}

fn tag(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker image tag", "docker tag"], ..cmd("docker tag", "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE", &[], 2, 2) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // The client checks both references before asking the daemon
    // (vendor docker/docker client/image_tag.go ImageTag).
    let source_is_id = a.args[0].len() == 64 && a.args[0].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    for (i, r) in [(0, if source_is_id { Ok(None) } else { Reference::parse(&a.args[0]).map(Some) }), (1, Reference::parse_named(&a.args[1]).map(Some))] {
        match r {
            Err(e) => {
                cli.err(format!("Error parsing reference: \"{}\" is not a valid repository/tag: {}\n", a.args[i], e.message));
                return 1;
            }
            Ok(Some(r)) if i == 1 && r.digest.is_some() => {
                cli.err("refusing to create a tag with a digest reference\n");
                return 1;
            }
            Ok(_) => {}
        }
    }
    match cli.world.tag(&a.args[0], &a.args[1]) {
        Ok(()) => 0,
        Err(e) => {
            cli.daemon_error(&e);
            1
        }
    }
}

fn history(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker image history", "docker history"], ..cmd("docker history", "[OPTIONS] IMAGE", "Show the history of an image", HISTORY_FLAGS, 1, 1) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let img = match cli.world.image(&a.args[0]) {
        Ok(i) => i.clone(),
        Err(e) => {
            cli.daemon_error(&e);
            return 1;
        }
    };
    let trunc = !a.has("no-trunc");
    // -H is a boolean defaulting to true: only an explicit false turns it off.
    let human = a.value("human") != Some("false");
    let now = cli.world.now_secs() * 1000;
    // moby daemon/images/image_history.go: every row is `<missing>` except
    // that the first rows take the IDs of the image and of its parent chain
    // (`docker commit` sets a parent, BuildKit does not).
    let mut chain = vec![img.id.clone()];
    let mut cur = img.parent.clone();
    while let Some(p) = cur {
        if chain.len() >= img.history.len() || chain.contains(&p) {
            break;
        }
        match cli.world.images.get(&p) {
            Some(pi) => {
                chain.push(p.clone());
                cur = pi.parent.clone();
            }
            None => break,
        }
    }
    let mut rows = Vec::new();
    for (row, h) in img.history.iter().rev().enumerate() {
        let id = match chain.get(row) {
            Some(id) if trunc => id.get(..12).unwrap_or(id).to_string(),
            Some(id) => format!("sha256:{id}"),
            None => "<missing>".to_string(),
        };
        // formatter_history.go: only tabs are replaced in CreatedBy.
        let by = h.created_by.replace('\t', " ");
        let by = if trunc { format::ellipsis(&by, 45) } else { by };
        let created_at = rfc3339(h.created_secs);
        rows.push(json!({
            "ID": id,
            "CreatedSince": if !human { created_at.clone() } else if h.created_secs <= 946_684_800 { "N/A".to_string() } else { format::ago(now, h.created_secs * 1000) },
            "CreatedAt": created_at,
            "CreatedBy": by,
            "Size": if human { human_size(h.size) } else { h.size.to_string() },
            "Comment": h.comment,
        }));
    }
    if a.has("quiet") && matches!(a.value("format"), None | Some("") | Some("table")) {
        for r in &rows {
            cli.print(format!("{}\n", r["ID"].as_str().unwrap_or("")));
        }
        return 0;
    }
    let fmt = match a.value("format") {
        Some(f) if !f.is_empty() && f != "table" => f.to_string(),
        _ if !human => "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}".to_string(),
        _ => "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}".to_string(),
    };
    crate::render_format(cli, &fmt, &rows, &|f| {
        Some(
            match f {
                "ID" => "IMAGE",
                "CreatedSince" => "CREATED",
                "CreatedAt" => "CREATED AT",
                "CreatedBy" => "CREATED BY",
                "Size" => "SIZE",
                "Comment" => "COMMENT",
                _ => return None,
            }
            .to_string(),
        )
    }, None)
}

/// Go's `time.Unix(secs, 0).Format(time.RFC3339)` on a UTC host.
fn rfc3339(secs: u64) -> String {
    let (y, mo, d, h, mi, s, _) = baleine_engine::util::civil(secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// First line of what `docker save` writes; then one `TAG=ID` line per
/// image (`=ID` for an image saved by id).
const ARCHIVE_MAGIC: &str = "BALEINE-IMAGE-ARCHIVE 1";

fn save(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker image save", "docker save"], ..cmd("docker save", "[OPTIONS] IMAGE [IMAGE...]", "Save one or more images to a tar archive (streamed to STDOUT by default)", SAVE_FLAGS, 1, usize::MAX) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let out = a.value("output").map(str::to_string);
    if cli.refuses_archive_on_terminal(out.as_deref()) {
        return 1;
    }
    let mut lines = vec![ARCHIVE_MAGIC.to_string()];
    for n in &a.args {
        // moby image/tarexport/save.go parseNames: a repository name without
        // tag or digest saves every tag of that repository.
        let name_only = !n.rsplit('/').next().unwrap_or(n).contains([':', '@']);
        if let (true, Ok(r)) = (name_only, Reference::parse(n)) {
            let repo = r.repo();
            let mut tagged: Vec<(String, String)> = Vec::new();
            for img in cli.world.images.values() {
                for t in &img.repo_tags {
                    if Reference::parse(t).map(|tr| tr.repo() == repo).unwrap_or(false) {
                        tagged.push((t.clone(), img.id.clone()));
                    }
                }
            }
            if !tagged.is_empty() {
                baleine_util::sort(&mut tagged);
                for (tag, id) in tagged {
                    cli.world.save_image(&id);
                    lines.push(format!("{tag}={id}"));
                }
                continue;
            }
        }
        // parseNames: ParseAnyReference, then a name alone is searched as an
        // id prefix ("No such image: NAME"), a tag or digest in the
        // reference store ("reference does not exist").
        let hex_id = n.strip_prefix("sha256:").unwrap_or(n).len() == 64 && n.strip_prefix("sha256:").unwrap_or(n).bytes().all(|b| b.is_ascii_hexdigit());
        let parsed = if hex_id { None } else { Some(Reference::parse(n)) };
        if let Some(Err(e)) = &parsed {
            cli.daemon_error(e);
            return 1;
        }
        let (id, tag) = match cli.world.image(n) {
            Ok(img) => {
                let tag = Reference::parse(n).map(|r| r.familiar()).ok().filter(|t| img.repo_tags.contains(t));
                (img.id.clone(), tag)
            }
            Err(e) => {
                let msg = match &parsed {
                    Some(Ok(r)) if r.path != "library/sha256" && (r.tag.is_some() || r.digest.is_some()) => "reference does not exist".to_string(),
                    Some(Ok(_)) => format!("No such image: {n}"),
                    _ => e.message,
                };
                cli.err(format!("Error response from daemon: {msg}\n"));
                return 1;
            }
        };
        cli.world.save_image(&id);
        lines.push(format!("{}={id}", tag.unwrap_or_default()));
    }
    let content = lines.join("\n") + "\n";
    let _ = cli.emit_archive(out.as_deref(), content.into_bytes());
    0
}

/// `docker import`: a one-layer image from a tar archive read from a file
/// or stdin (docker/cli v27.5.1 image/import.go; the daemon's
/// image_import.go). Prints the new image's id.
fn import(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker image import", "docker import"], ..cmd("docker import", "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]", "Import the contents from a tarball to create a filesystem image", IMPORT_FLAGS, 1, 2) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let src = a.args[0].clone();
    let bytes = if src == "-" {
        cli.stdin.take().unwrap_or_default()
    } else if src.starts_with("http://") || src.starts_with("https://") {
        cli.err(format!("Error response from daemon: Get \"{src}\": dial tcp: lookup {}: no such host\n", src.split('/').nth(2).unwrap_or("")));
        return 1;
    } else {
        let Some(bytes) = cli.read_host_file(&src) else {
            cli.err(format!("open {src}: no such file or directory\n"));
            return 1;
        };
        bytes
    };
    let changes: Vec<String> = a.values("change").into_iter().map(str::to_string).collect();
    match cli.world.import_image(&bytes, a.args.get(1).map(String::as_str), a.value("message").unwrap_or(""), &changes) {
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

fn load(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = Command { aliases: &["docker image load", "docker load"], ..cmd("docker load", "[OPTIONS]", "Load an image from a tar archive or STDIN", LOAD_FLAGS, 0, 0) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let text = match a.value("input") {
        Some(p) => match cli.read_host_file(p) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                cli.err(format!("open {p}: no such file or directory\n"));
                return 1;
            }
        },
        // docker/cli load.go: stdin left on the terminal is refused.
        None => match cli.stdin.as_ref() {
            Some(s) => String::from_utf8_lossy(s).into_owned(),
            None => {
                cli.err("requested load from stdin, but stdin is empty\n");
                return 1;
            }
        },
    };
    let mut lines = text.lines();
    if lines.next() != Some(ARCHIVE_MAGIC) {
        cli.err("Error response from daemon: unexpected EOF\n");
        return 1;
    }
    // docker/cli load.go: progress only on a terminal and without -q; the
    // daemon (image/tarexport/load.go) reports each layer it has to
    // register ("Loading layer", sized like jsonmessage's progress on a
    // terminal too narrow for the bar) and a tag taken from another image.
    let progress = !a.has("quiet") && cli.stdout_tty;
    for line in lines {
        let Some((tag, id)) = line.split_once('=') else { continue };
        let tag = Some(tag).filter(|t| !t.is_empty());
        let missing: Vec<(String, u64)> = cli.world.saved.get(id).map(|s| s.layer_sizes.iter().filter(|(d, _)| !cli.world.layers.contains_key(d)).cloned().collect()).unwrap_or_default();
        let previous = tag.and_then(|t| cli.world.image_id(t)).filter(|p| p != id);
        match cli.world.load_image(id, tag) {
            Ok(()) => {
                if progress {
                    for (d, size) in &missing {
                        let n = baleine_engine::util::human_size4(*size);
                        cli.print(format!("{}: Loading layer {n:>8}/{n}\n", d.get(..12).unwrap_or(d)));
                    }
                }
                if let (Some(t), Some(p)) = (tag, &previous) {
                    cli.print(format!("The image {t} already exists, renaming the old one with ID sha256:{p} to empty string\n"));
                }
                cli.print(match tag {
                    Some(t) => format!("Loaded image: {t}\n"),
                    None => format!("Loaded image ID: sha256:{id}\n"),
                })
            }
            Err(e) => {
                cli.daemon_error(&e);
                return 1;
            }
        }
    }
    0
}

pub fn prune(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker image prune", "[OPTIONS]", "Remove unused images", PRUNE_FLAGS, 0, 0);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let all = a.has("all");
    // A value without `=` is the flag's own error, before any prompt.
    let given = a.values("filter");
    let names: Vec<&str> = given.iter().map(|f| f.split_once('=').map_or(*f, |(k, _)| k)).collect();
    if let Err(s) = crate::parse_filters(cli, &given, &names, "docker image prune") {
        return s;
    }
    if !a.has("force") {
        if all {
            cli.print("WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ");
        } else {
            cli.print("WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ");
        }
        if !crate::confirm_prune(cli, "image", argv) {
            return 0;
        }
    }
    // moby daemon/images/image_prune.go ImagesPrune: accepted filters, the
    // `dangling` value the CLI adds (!all), `until`, then the labels.
    let mut pairs = match crate::parse_filters(cli, &given, &["dangling", "label", "label!", "until"], "docker image prune") {
        Ok(p) => p,
        Err(s) => return s,
    };
    pairs.push(("dangling".to_string(), (!all).to_string()));
    let dangling_only = match dangling_filter(&pairs) {
        Ok(d) => d.unwrap_or(true),
        Err(e) => {
            cli.err(format!("Error response from daemon: {e}\n"));
            return 1;
        }
    };
    let until = match prune_until_secs(cli, &pairs) {
        Ok(u) => u,
        Err(s) => return s,
    };
    let labels = crate::cmd_volume::LabelFilters::new(&pairs);
    let keep = |img: &Image| until.is_none_or(|u| img.created_secs <= u) && labels.matches(&img.config.labels);
    let (lines, reclaimed) = cli.world.prune_images_where(!dangling_only, &keep);
    if !lines.is_empty() {
        cli.print("Deleted Images:\n");
        for l in lines {
            cli.print(format!("{l}\n"));
        }
        cli.print("\n");
    }
    cli.print(format!("Total reclaimed space: {}\n", human_size(reclaimed)));
    0
}

/// Docker Hub's short descriptions of some official repositories.
const HUB_DESCRIPTIONS: &[(&str, &str)] = &[
    ("alpine", "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!"),
    ("busybox", "Busybox base image."),
    ("debian", "Debian is a Linux distribution that's composed entirely of free and open-source software."),
    ("golang", "Go (golang) is a general purpose, higher-level, imperative programming language."),
    ("hello-world", "Hello World! (an example of minimal Dockerization)"),
    ("httpd", "The Apache HTTP Server Project"),
    ("mongo", "MongoDB document databases provide high availability and easy scalability."),
    ("mysql", "MySQL is a widely used, open-source relational database management system (RDBMS)."),
    ("nginx", "Official build of Nginx."),
    ("node", "Node.js is a JavaScript-based platform for server-side and networking applications."),
    ("postgres", "The PostgreSQL object-relational database system provides reliability and data integrity."),
    ("python", "Python is an interpreted, interactive, object-oriented, open-source programming language."),
    ("ubuntu", "Ubuntu is a Debian-based Linux operating system based on free software."),
];

/// `docker search` (docker/cli v27.5.1 cli/command/registry/search.go,
/// formatter_search.go; moby registry/search.go Search and
/// search_session.go searchRepositories): Docker Hub repositories of the
/// catalogue whose name holds the term.
pub fn search(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let c = cmd("docker search", "[OPTIONS] TERM", "Search Docker Hub for images", SEARCH_FLAGS, 1, 1);
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    let filters = match crate::parse_filters(cli, &a.values("filter"), &["is-automated", "is-official", "stars"], "docker search") {
        Ok(f) => f,
        Err(s) => return s,
    };
    if filters.iter().any(|(k, _)| k == "is-automated") {
        cli.err("WARNING: the \"is-automated\" filter is deprecated, and searching for \"is-automated=true\" will not yield any results in future.\n");
    }
    let (automated, official) = match (bool_filter(&filters, "is-automated"), bool_filter(&filters, "is-official")) {
        (Ok(a), Ok(o)) => (a, o),
        (Err(e), _) | (_, Err(e)) => {
            cli.err(format!("Error response from daemon: {e}\n"));
            return 1;
        }
    };
    let mut min_stars = 0i64;
    for (_, v) in filters.iter().filter(|(k, _)| k == "stars") {
        match v.parse::<i64>() {
            Ok(n) => min_stars = min_stars.max(n),
            Err(_) => {
                cli.err(format!("Error response from daemon: invalid filter 'stars={v}': strconv.Atoi: parsing {v:?}: invalid syntax\n"));
                return 1;
            }
        }
    }
    // The client sends --limit only when positive; the registry's default is 25.
    let limit = match a.value("limit").map(|l| l.parse::<i64>()) {
        Some(Ok(n)) if n > 0 => n,
        Some(Err(_)) => {
            let v = a.value("limit").unwrap_or("");
            cli.err(format!("invalid argument {v:?} for \"--limit\" flag: strconv.ParseInt: parsing {v:?}: invalid syntax\nSee 'docker search --help'.\n"));
            return 125;
        }
        _ => 25,
    };
    if limit > 100 {
        cli.err(format!("Error response from daemon: limit {limit} is outside the range of [1, 100]\n"));
        return 1;
    }
    let term = a.args[0].to_ascii_lowercase();
    let term = term.strip_prefix("docker.io/").unwrap_or(&term).to_string();
    let term = term.strip_prefix("library/").unwrap_or(&term).to_string();
    let json_out = a.value("format") == Some("json");
    let trunc = !a.has("no-trunc");
    let mut rows = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    if automated != Some(true) {
        for img in baleine_engine::catalog_data::IMAGES {
            if img.repo.contains('.') || !img.repo.contains(term.as_str()) || seen.contains(&img.repo) || seen.len() as i64 >= limit {
                continue;
            }
            seen.push(img.repo);
            let is_official = !img.repo.contains('/');
            let stars = baleine_engine::programs::pseudo_size(img.repo, 500, 20_000) as i64;
            if official.is_some_and(|o| o != is_official) || stars < min_stars {
                continue;
            }
            let desc = HUB_DESCRIPTIONS.iter().find(|(r, _)| *r == img.repo).map(|(_, d)| *d).or_else(|| img.labels.iter().find(|(k, _)| *k == "org.opencontainers.image.description").map(|(_, v)| *v)).unwrap_or("");
            let desc = desc.replace(['\n', '\r'], " ");
            let desc = if trunc { format::ellipsis(&desc, 45) } else { desc };
            let flag = |b: bool| if json_out { b.to_string() } else if b { "[OK]".to_string() } else { String::new() };
            rows.push(json!({
                "Description": desc,
                "IsAutomated": flag(false),
                "IsOfficial": flag(is_official),
                "Name": img.repo,
                "StarCount": stars.to_string(),
            }));
        }
    }
    let fmt = a.value("format").filter(|f| !f.is_empty() && *f != "table").unwrap_or("table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}").to_string();
    crate::render_format(cli, &fmt, &rows, &|f| {
        Some(
            match f {
                "Name" => "NAME",
                "Description" => "DESCRIPTION",
                "StarCount" => "STARS",
                "IsOfficial" => "OFFICIAL",
                "IsAutomated" => "AUTOMATED",
                _ => return None,
            }
            .to_string(),
        )
    }, None)
}
