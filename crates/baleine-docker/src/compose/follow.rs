//! Commands that keep the terminal: attached `up` (services start in
//! dependency order as the clock runs, their logs stream with compose's
//! `service-1  | ` prefixes until they all exit or Ctrl+C), `logs -f` and
//! `events`.

use baleine_engine::model::Status;
use baleine_engine::World;
use baleine_shell::Output;

use super::convert::{ONEOFF_LABEL, PROJECT_LABEL, SERVICE_LABEL};
use super::ops::{self, Outcome, Starter};
use super::progress::{Mode, Progress};

/// compose's rainbow of log prefix colours.
const RAINBOW: &[&str] = &["36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1"];

fn paint(color: bool, idx: usize, s: &str) -> String {
    if color {
        format!("\x1b[{}m{}\x1b[0m", RAINBOW[idx % RAINBOW.len()], s)
    } else {
        s.to_string()
    }
}

/// `web-1  | ` in the colour of the `idx`-th registered container.
pub fn log_prefix(name: &str, width: usize, idx: usize, color: bool) -> String {
    paint(color, idx, &format!("{name:<width$} | "))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WState {
    NotStarted,
    Running,
    Restarting,
    Exited,
}

#[derive(Clone, Debug)]
struct Watch {
    cid: String,
    name: String,
    service: String,
    shown: usize,
    state: WState,
    color: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Up,
    Logs,
    Events,
}

/// State of an attached `compose up`, `compose logs -f` or `compose events`.
pub struct ComposeFollow {
    kind: Kind,
    project: String,
    starter: Option<Starter>,
    watched: Vec<Watch>,
    /// Services whose containers keep `up` attached.
    required: Vec<String>,
    /// Services to stop on Ctrl+C, in stop order.
    stop_order: Vec<String>,
    width: usize,
    color: bool,
    prefix: bool,
    timestamps: bool,
    cascade_stop: bool,
    cascade_fail: bool,
    exit_code_from: Option<String>,
    timeout: Option<u64>,
    mode: Mode,
    /// `events` and `up`: how many engine events were seen (and the last
    /// one, to find the place again after the engine drops old events),
    /// and the filter.
    events_seen: usize,
    last_event: Option<(u64, String, String)>,
    services: Vec<String>,
    json: bool,
}

/// Options of an attached `up`.
pub struct UpFollow {
    pub project: String,
    pub starter: Starter,
    /// Attached containers (ids), sorted by name.
    pub attached: Vec<String>,
    pub required: Vec<String>,
    pub stop_order: Vec<String>,
    pub color: bool,
    pub prefix: bool,
    pub timestamps: bool,
    pub cascade_stop: bool,
    pub cascade_fail: bool,
    pub exit_code_from: Option<String>,
    pub timeout: Option<u64>,
    pub mode: Mode,
}

fn watch_of(world: &World, cid: &str, color: usize) -> Watch {
    let c = &world.containers[cid];
    let state = match c.state.status {
        Status::Running | Status::Paused => WState::Running,
        Status::Restarting => WState::Restarting,
        _ => WState::NotStarted,
    };
    Watch { cid: cid.to_string(), name: ops::short_name(world, cid), service: c.label(SERVICE_LABEL).unwrap_or("").to_string(), shown: 0, state, color }
}

impl ComposeFollow {
    pub fn up(world: &World, o: UpFollow) -> ComposeFollow {
        // Attaching shows what containers print from now on.
        let watched: Vec<Watch> = o
            .attached
            .iter()
            .filter(|id| world.containers.contains_key(*id))
            .enumerate()
            .map(|(i, id)| {
                let mut w = watch_of(world, id, i);
                w.shown = world.logs_until_now(id).len();
                w
            })
            .collect();
        let width = watched.iter().map(|w| w.name.len()).max().unwrap_or(0) + 1;
        let last_event = world.events.last().map(|e| (e.ms, e.id.clone(), e.action.clone()));
        ComposeFollow {
            kind: Kind::Up,
            project: o.project,
            starter: Some(o.starter),
            watched,
            required: o.required,
            stop_order: o.stop_order,
            width,
            color: o.color,
            prefix: o.prefix,
            timestamps: o.timestamps,
            cascade_stop: o.cascade_stop,
            cascade_fail: o.cascade_fail,
            exit_code_from: o.exit_code_from,
            timeout: o.timeout,
            mode: o.mode,
            events_seen: world.events.len(),
            last_event,
            services: Vec::new(),
            json: false,
        }
    }

    /// `logs -f`: (container, lines already printed, colour index), and the prefix width.
    pub fn logs(world: &World, project: &str, ids: &[(String, usize, usize)], width: usize, color: bool, prefix: bool, timestamps: bool) -> ComposeFollow {
        let mut watched: Vec<Watch> = Vec::new();
        for (id, shown, ci) in ids {
            if world.containers.contains_key(id) {
                let mut w = watch_of(world, id, *ci);
                w.shown = *shown;
                watched.push(w);
            }
        }
        ComposeFollow {
            kind: Kind::Logs,
            project: project.to_string(),
            starter: None,
            watched,
            required: Vec::new(),
            stop_order: Vec::new(),
            width,
            color,
            prefix,
            timestamps,
            cascade_stop: false,
            cascade_fail: false,
            exit_code_from: None,
            timeout: None,
            mode: Mode::Quiet,
            events_seen: 0,
            last_event: None,
            services: Vec::new(),
            json: false,
        }
    }

    /// `events`: engine events from now on.
    pub fn events(world: &World, project: &str, services: &[String], json: bool) -> ComposeFollow {
        let mut f = ComposeFollow::logs(world, project, &[], 0, false, false, false);
        f.kind = Kind::Events;
        f.events_seen = world.events.len();
        f.last_event = world.events.last().map(|e| (e.ms, e.id.clone(), e.action.clone()));
        f.services = services.to_vec();
        f.json = json;
        f
    }

    fn paint(&self, w: &Watch, s: &str) -> String {
        paint(self.color, w.color, s)
    }

    fn prefix_of(&self, w: &Watch) -> String {
        if !self.prefix {
            return String::new();
        }
        log_prefix(&w.name, self.width, w.color, self.color)
    }

    /// New log lines of the watched containers, in time order.
    fn print_logs(&mut self, world: &World, out: &mut Output) {
        let mut lines: Vec<(u64, usize, usize, bool, String)> = Vec::new();
        for (wi, w) in self.watched.iter_mut().enumerate() {
            let logs = world.logs_until_now(&w.cid);
            for (li, l) in logs.iter().enumerate().skip(w.shown) {
                lines.push((l.ms, wi, li, l.stderr, l.line.clone()));
            }
            w.shown = w.shown.max(logs.len());
        }
        baleine_util::sort_by(&mut lines, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (ms, wi, _, stderr, line) in lines {
            let w = &self.watched[wi];
            let p = self.prefix_of(w);
            let ts = if !self.timestamps {
                String::new()
            } else if self.kind == Kind::Logs {
                format!("{} ", baleine_engine::util::rfc3339_nanos(ms, world.epoch_secs))
            } else {
                baleine_engine::util::rfc3339_nanos(ms, world.epoch_secs)
            };
            let text = format!("{p}{ts}{line}\n");
            if stderr {
                out.err(text);
            } else {
                out.out(text);
            }
        }
    }

    fn status_line(&self, w: &Watch, msg: &str) -> String {
        let body = format!("{} {msg}\n", w.name);
        if self.color {
            format!("\x1b[K{}", self.paint(w, &body))
        } else {
            body
        }
    }

    /// Stops the project's containers (Ctrl+C, abort on exit).
    fn stop_all(&self, world: &mut World, out: &mut Output) {
        let mut p = Progress::new("Stopping", self.mode);
        for svc in &self.stop_order {
            let ctrs = ops::containers(world, &self.project, false, &[svc.clone()]);
            ops::stop_batch(world, out, Some(&mut p), &ctrs, self.timeout);
        }
        p.finish(out, world.now_ms);
    }

    fn exit_code_of_service(&self, world: &World, service: &str) -> Option<i32> {
        ops::containers(world, &self.project, false, &[service.to_string()]).first().and_then(|c| world.containers.get(&c.id)).map(|c| c.state.exit_code)
    }
}

/// One tick of a following compose command.
pub fn tick(world: &mut World, f: &mut ComposeFollow, out: &mut Output) -> Option<i32> {
    match f.kind {
        Kind::Events => {
            events_tick(world, f, out);
            None
        }
        Kind::Logs => {
            f.print_logs(world, out);
            let mut any = false;
            for i in 0..f.watched.len() {
                let cid = f.watched[i].cid.clone();
                let st = world.containers.get(&cid).map(|c| c.state.status);
                match st {
                    Some(Status::Running) | Some(Status::Paused) => {
                        f.watched[i].state = WState::Running;
                        any = true;
                    }
                    Some(Status::Restarting) => {
                        if f.watched[i].state == WState::Running {
                            let code = world.containers[&cid].state.exit_code;
                            out.out(f.status_line(&f.watched[i], &format!("exited with code {code}")));
                        }
                        f.watched[i].state = WState::Restarting;
                        any = true;
                    }
                    _ => {
                        if matches!(f.watched[i].state, WState::Running | WState::Restarting) {
                            let code = world.containers.get(&cid).map(|c| c.state.exit_code).unwrap_or(0);
                            out.out(f.status_line(&f.watched[i], &format!("exited with code {code}")));
                        }
                        f.watched[i].state = WState::Exited;
                    }
                }
            }
            if any {
                None
            } else {
                Some(0)
            }
        }
        Kind::Up => up_tick(world, f, out),
    }
}

fn up_tick(world: &mut World, f: &mut ComposeFollow, out: &mut Output) -> Option<i32> {
    if let Some(st) = f.starter.as_mut() {
        match st.step(world, out, None) {
            Outcome::Failed(e) => {
                f.print_logs(world, out);
                out.err(format!("{e}\n"));
                return Some(1);
            }
            Outcome::Done | Outcome::Blocked => {}
        }
    }
    // The new log lines and the `die` events of the attached containers,
    // in time order (a run's lines before its exit): compose's printer
    // prints `exited with code N` at each die (restarts included), and
    // nothing more once it aborts (printer.go).
    let mut items: Vec<(u64, u8, usize, usize, bool, String)> = Vec::new();
    for (wi, w) in f.watched.iter_mut().enumerate() {
        let logs = world.logs_until_now(&w.cid);
        for (li, l) in logs.iter().enumerate().skip(w.shown) {
            items.push((l.ms, 0, wi, li, l.stderr, l.line.clone()));
        }
        w.shown = w.shown.max(logs.len());
    }
    for (n, e) in new_events(world, f).into_iter().enumerate() {
        if e.kind != "container" || e.action != "die" {
            continue;
        }
        if let Some(wi) = f.watched.iter().position(|w| w.cid == e.id) {
            let code = e.attrs.iter().find(|(k, _)| k == "exitCode").map(|(_, v)| v.clone()).unwrap_or_else(|| "0".into());
            items.push((e.ms, 1, wi, n, false, code));
        }
    }
    baleine_util::sort_by(&mut items, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    for (ms, kind, wi, _, stderr, text) in items {
        if kind == 0 {
            let w = &f.watched[wi];
            let p = f.prefix_of(w);
            let ts = if f.timestamps { baleine_engine::util::rfc3339_nanos(ms, world.epoch_secs) } else { String::new() };
            let line = format!("{p}{ts}{text}\n");
            if stderr {
                out.err(line);
            } else {
                out.out(line);
            }
            continue;
        }
        let code: i32 = text.parse().unwrap_or(0);
        out.out(f.status_line(&f.watched[wi], &format!("exited with code {code}")));
        f.watched[wi].state = WState::Exited;
        // --abort-on-container-exit / --abort-on-container-failure.
        let service = f.watched[wi].service.clone();
        let abort = f.cascade_stop || (f.cascade_fail && code != 0);
        if abort {
            out.err("Aborting on container exit...\n");
            f.stop_all(world, out);
            // printer.go Run: once aborting, log lines and `exited with
            // code` statuses are no longer printed.
            let from = f.exit_code_from.clone().unwrap_or(service);
            let code = if f.cascade_fail && f.exit_code_from.is_none() { code } else { f.exit_code_of_service(world, &from).unwrap_or(code) };
            return Some(code);
        }
    }
    let starter_done = f.starter.as_ref().is_none_or(|s| s.finished());
    if !starter_done {
        return None;
    }
    let alive = f.watched.iter().any(|w| (f.required.is_empty() || f.required.contains(&w.service)) && world.containers.get(&w.cid).is_some_and(|c| c.is_running() || c.state.status == Status::Restarting));
    if alive {
        return None;
    }
    let code = match &f.exit_code_from {
        Some(s) => f.exit_code_of_service(world, s).unwrap_or(0),
        None => 0,
    };
    Some(code)
}

/// Ctrl+C.
pub fn interrupt(world: &mut World, f: ComposeFollow, out: &mut Output) -> i32 {
    out.out("^C");
    match f.kind {
        Kind::Up => {
            out.err("Gracefully stopping... (press Ctrl+C again to force)\n");
            f.stop_all(world, out);
        }
        _ => out.out("\n"),
    }
    130
}

/// The engine events logged since the last call (the engine drops its
/// oldest events past a bound: the last one seen is looked for again).
fn new_events(world: &World, f: &mut ComposeFollow) -> Vec<baleine_engine::world::Event> {
    let same = |e: &baleine_engine::world::Event, k: &(u64, String, String)| e.ms == k.0 && e.id == k.1 && e.action == k.2;
    let start = match &f.last_event {
        None => f.events_seen.min(world.events.len()),
        Some(k) => match f.events_seen.checked_sub(1).and_then(|i| world.events.get(i)) {
            Some(e) if same(e, k) => f.events_seen,
            _ => match world.events.iter().rposition(|e| same(e, k)) {
                Some(i) => i + 1,
                None => world.events.iter().position(|e| e.ms > k.0).unwrap_or(world.events.len()),
            },
        },
    };
    let new: Vec<baleine_engine::world::Event> = world.events.iter().skip(start).cloned().collect();
    f.events_seen = world.events.len();
    f.last_event = world.events.last().map(|e| (e.ms, e.id.clone(), e.action.clone()));
    new
}

fn events_tick(world: &mut World, f: &mut ComposeFollow, out: &mut Output) {
    let new = new_events(world, f);
    for e in new {
        if e.kind != "container" {
            continue;
        }
        let Some(c) = world.containers.get(&e.id) else { continue };
        if c.label(PROJECT_LABEL) != Some(f.project.as_str()) || c.label(ONEOFF_LABEL) == Some("True") {
            continue;
        }
        let service = c.label(SERVICE_LABEL).unwrap_or("").to_string();
        if !f.services.is_empty() && !f.services.contains(&service) {
            continue;
        }
        // docker/compose pkg/compose/events.go: compose's own labels are left out.
        let mut attrs: Vec<(String, String)> = e.attributes().into_iter().filter(|(k, _)| !k.starts_with("com.docker.compose.")).collect();
        attrs.push(("name".into(), e.actor.clone()));
        baleine_util::sort(&mut attrs);
        if f.json {
            let mut m = serde_json::Map::new();
            m.insert("action".into(), e.action.clone().into());
            let a: serde_json::Map<String, serde_json::Value> = attrs.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
            m.insert("attributes".into(), serde_json::Value::Object(a));
            m.insert("id".into(), e.id.clone().into());
            m.insert("service".into(), service.into());
            m.insert("time".into(), baleine_engine::util::rfc3339_nanos(e.ms, world.epoch_secs).into());
            m.insert("type".into(), "container".into());
            out.out(format!("{}\n", serde_json::Value::Object(m)));
        } else {
            let (y, mo, d, h, mi, s, _) = baleine_engine::util::civil(world.epoch_secs + e.ms / 1000);
            let micros = (e.ms % 1000) * 1000;
            let a: Vec<String> = attrs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            out.out(format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}.{micros:06} container {} {} ({})\n\n", e.action, e.id, a.join(", ")));
        }
    }
}
