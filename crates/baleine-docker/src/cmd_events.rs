//! `docker events`: the daemon's event log, filtered and formatted as
//! docker/cli v27.5.1 cli/command/system/events.go and moby's
//! daemon/events (filter.go, events.go Log) do.

use baleine_engine::world::Event;
use baleine_engine::World;
use serde_json::{json, Map, Value};

use crate::args::{flag, Command, Flag};
use crate::gotmpl::GoType;
use crate::pending::{Follow, Pending};
use crate::{parse_args, Cli};

const EVENTS_FLAGS: &[Flag] = &[flag("filter", Some('f'), "filter", "Filter output based on conditions provided"), flag("format", None, "string", "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"), flag("since", None, "string", "Show all events created since timestamp"), flag("until", None, "string", "Stream events until this timestamp")];

/// The filter names the daemon accepts (api/server/router/system).
const ACCEPTED: &[&str] = &["config", "container", "daemon", "event", "image", "label", "network", "node", "plugin", "scope", "secret", "service", "type", "volume"];

/// What a following `docker events` keeps between ticks.
#[derive(Clone, Debug, Default)]
pub struct EventsWatch {
    pub filters: Vec<(String, String)>,
    /// The Go template (`json` already expanded), if any.
    pub format: Option<String>,
}

/// One line of `docker events` without --format (prettyPrintEvent).
pub fn event_line(world: &World, e: &Event) -> String {
    let (y, mo, d, h, mi, s, _) = baleine_engine::util::civil(world.epoch_secs + e.ms / 1000);
    let nanos = (e.ms % 1000) * 1_000_000;
    let (id, attrs) = event_actor(e);
    let mut attrs: Vec<String> = attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    baleine_util::sort(&mut attrs);
    // docker/cli events.go prettyPrintEvent: attributes only when there are some.
    let attrs = if attrs.is_empty() { String::new() } else { format!(" ({})", attrs.join(", ")) };
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{nanos:09}Z {} {} {id}{attrs}", e.kind, e.action)
}

/// The event's Actor as the daemon logs it: its ID and its attributes
/// (moby daemon/events.go and daemon/images LogImageEvent): containers and
/// networks are named, volumes are not; an image's pull and push name the
/// reference (ID "alpine:latest", name "alpine"), a tag the new tag, the
/// other image events the image's own id.
pub fn event_actor(e: &Event) -> (String, Vec<(String, String)>) {
    let mut attrs = e.attributes();
    let id = match (e.kind, e.action.as_str()) {
        ("container" | "network", _) => {
            attrs.push(("name".into(), e.actor.clone()));
            e.id.clone()
        }
        ("image", "pull" | "push") => {
            let repo = baleine_engine::images::Reference::parse(&e.actor).map(|r| r.repo()).unwrap_or_else(|_| e.actor.clone());
            attrs.push(("name".into(), repo));
            e.actor.clone()
        }
        ("image", "tag") => {
            attrs.push(("name".into(), e.actor.clone()));
            format!("sha256:{}", e.id)
        }
        ("image", _) => {
            let id = format!("sha256:{}", e.id.trim_start_matches("sha256:"));
            attrs.push(("name".into(), id.clone()));
            id
        }
        _ => e.id.clone(),
    };
    (id, attrs)
}



/// events.Message as the API sends it (moby daemon/events/events.go Log:
/// the deprecated status/id/from only on container and image events),
/// keyed by its JSON names (`--format json`) or, for templates, by its Go
/// field names.
pub fn message(world: &World, e: &Event, go_names: bool) -> Value {
    let (id, mut attrs) = event_actor(e);
    baleine_util::sort_by(&mut attrs, |a, b| a.0.cmp(&b.0));
    let key = |json: &'static str, go: &'static str| if go_names { go } else { json };
    let mut m = Map::new();
    let deprecated = e.kind == "container" || e.kind == "image";
    let from = attrs.iter().find(|(k, _)| e.kind == "container" && k == "image").map(|(_, v)| v.clone());
    if deprecated || go_names {
        m.insert(key("status", "Status").into(), json!(if deprecated { e.action.as_str() } else { "" }));
        m.insert(key("id", "ID").into(), json!(if deprecated { id.as_str() } else { "" }));
    }
    if from.is_some() || go_names {
        m.insert(key("from", "From").into(), json!(from.unwrap_or_default()));
    }
    m.insert("Type".into(), json!(e.kind));
    m.insert("Action".into(), json!(e.action));
    let attributes: Map<String, Value> = attrs.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
    m.insert("Actor".into(), json!({"ID": id, "Attributes": attributes}));
    m.insert(key("scope", "Scope").into(), json!("local"));
    let ms = world.epoch_secs * 1000 + e.ms;
    m.insert(key("time", "Time").into(), json!(ms / 1000));
    m.insert(key("timeNano", "TimeNano").into(), json!(ms * 1_000_000));
    Value::Object(m)
}

/// api/types/events Message, as templates see it (a pointer to it).
static MESSAGE: GoType = GoType::Ptr(&MESSAGE_STRUCT);
const MESSAGE_STRUCT: GoType = GoType::Struct(
    "events.Message",
    &[
        ("Status", GoType::Str),
        ("ID", GoType::Str),
        ("From", GoType::Str),
        ("Type", GoType::Str),
        ("Action", GoType::Str),
        ("Actor", GoType::Struct("events.Actor", &[("ID", GoType::Str), ("Attributes", GoType::Map(&GoType::Str))])),
        ("Scope", GoType::Str),
        ("Time", GoType::Int),
        ("TimeNano", GoType::Int),
    ],
);

/// moby daemon/events/filter.go Include.
fn included(filters: &[(String, String)], msg: &Value) -> bool {
    let values = |k: &str| -> Vec<&str> { filters.iter().filter(|(x, _)| x == k).map(|(_, v)| v.as_str()).collect() };
    let exact = |k: &str, s: &str| -> bool {
        let v = values(k);
        v.is_empty() || v.contains(&s)
    };
    let fuzzy = |k: &str, s: &str| -> bool {
        let v = values(k);
        v.is_empty() || v.iter().any(|x| s == *x || s.starts_with(x))
    };
    let kind = msg["Type"].as_str().unwrap_or("");
    let action = msg["Action"].as_str().unwrap_or("");
    let id = msg["Actor"]["ID"].as_str().unwrap_or("");
    let attrs = &msg["Actor"]["Attributes"];
    let attr = |k: &str| attrs[k].as_str().unwrap_or("");
    // A named object filter matches its own events by ID or name, and excludes the others.
    let by_name = |k: &str| -> bool {
        if values(k).is_empty() {
            return true;
        }
        kind == k && (fuzzy(k, id) || fuzzy(k, attr("name")))
    };
    let event_ok = if values("event").iter().any(|v| matches!(*v, "health_status" | "exec_create" | "exec_start")) { fuzzy("event", action) } else { exact("event", action) };
    let image_ok = {
        let v = values("image");
        let name = if kind == "image" { attr("name") } else { attr("image") };
        let strip = |s: &str| -> String { s.rsplit_once(':').filter(|(_, t)| !t.contains('/')).map_or(s.to_string(), |(r, _)| r.to_string()) };
        v.is_empty() || v.iter().any(|x| *x == id || *x == name || *x == strip(id) || *x == strip(name))
    };
    let labels_ok = values("label").iter().all(|l| match l.split_once('=') {
        Some((k, want)) => attrs[k].as_str() == Some(want),
        None => attrs.get(*l).is_some(),
    });
    event_ok && exact("type", kind) && exact("scope", "local") && by_name("container") && by_name("network") && by_name("volume") && by_name("plugin") && image_ok && labels_ok && values("daemon").is_empty() && values("node").is_empty() && values("service").is_empty() && values("secret").is_empty() && values("config").is_empty()
}

/// The lines `docker events` prints for these events.
pub fn render(world: &World, events: &[Event], watch: &EventsWatch) -> String {
    let tmpl = watch.format.as_deref().and_then(|f| crate::gotmpl::parse(f).ok());
    // `{{json .}}` marshals the message with its JSON names.
    let json_only = watch.format.as_deref().is_some_and(|f| f.trim() == "{{json .}}");
    let mut out = String::new();
    for e in events {
        let msg = message(world, e, false);
        if !included(&watch.filters, &msg) {
            continue;
        }
        let line = match &tmpl {
            Some(_) if json_only => crate::format::template_json(&msg),
            Some(t) => t.execute_as(&message(world, e, true), &MESSAGE).unwrap_or_default(),
            None => event_line(world, e),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `docker events` / `docker system events` (`path`: the one typed).
pub fn events(cli: &mut Cli<'_>, argv: &[String], path: &'static str) -> i32 {
    let c = Command { aliases: &["docker system events", "docker events"], ..crate::cmd_system::cmd(path, "[OPTIONS]", "Get real time events from the server", EVENTS_FLAGS, 0, 0) };
    let a = match parse_args(cli, &c, argv) {
        Ok(a) => a,
        Err(s) => return s,
    };
    // makeTemplate: "json" is {{json .}}; the template is tried on an empty message first.
    let format = match a.value("format").filter(|f| !f.is_empty()) {
        None => None,
        Some("json") => Some("{{json .}}".to_string()),
        Some(f) => Some(f.to_string()),
    };
    if let Some(f) = &format {
        let empty = json!({"Status": "", "ID": "", "From": "", "Type": "", "Action": "", "Actor": {"ID": "", "Attributes": {}}, "Scope": "", "Time": 0, "TimeNano": 0});
        if let Err(e) = crate::gotmpl::parse(f).and_then(|t| t.execute_as(&empty, &MESSAGE)) {
            cli.err(format!("Error parsing format: {e}\n"));
            return 64;
        }
    }
    let values = a.values("filter");
    let filters = match crate::parse_filters(cli, &values, ACCEPTED, path) {
        Ok(f) => f,
        Err(s) => return s,
    };
    let bound = |flag: &str| -> Result<Option<u64>, String> {
        // The API client sends only non-empty bounds.
        a.value(flag).filter(|s| !s.is_empty()).map(|s| crate::cmd_container::timestamp_ms(cli.world.now_ms, cli.world.epoch_secs, s)).transpose()
    };
    let (since, until) = match (bound("since"), bound("until")) {
        (Ok(s), Ok(u)) => (s, u),
        (Err(e), _) | (_, Err(e)) => {
            cli.err(format!("{e}\n"));
            return 1;
        }
    };
    let watch = EventsWatch { filters, format };
    if let Some(since) = since {
        let past: Vec<Event> = cli.world.events.iter().filter(|e| e.ms >= since && until.is_none_or(|u| e.ms <= u)).cloned().collect();
        let text = render(cli.world, &past, &watch);
        cli.print(text);
    }
    // An --until in the past ends the stream at once.
    if until.is_some_and(|u| u <= cli.world.now_ms) {
        return 0;
    }
    cli.pending = Some(Pending::Follow(Follow::Events { shown: cli.world.events.len(), watch }));
    0
}
