//! Stages and instructions of a build (BuildKit's `dockerfile2llb`
//! dispatch): the state of a stage (files, image config, ARG/ENV scope),
//! the steps that make layers (RUN, COPY, ADD, WORKDIR) with their cache
//! keys and miss reasons, and the metadata instructions.

use std::collections::BTreeMap;
use std::sync::Arc;

use baleine_dockerfile::{Instr, Instruction, RunMount, ShellOrExec};
use baleine_shell::Output;
use baleine_vfs::{Content, FsView, Meta, Mount, Node, Tree};

use crate::build::{is_url, jitter, record_id, Base, Builder, CacheRecord, Explanation, StepMemo, StepRecord, Vertex, VertexStatus};
use crate::build::{Failed, Step};
use crate::build_context::{layer_diff, merge_into, remeta, resolve_sources};
use crate::build_ignore::{go_clean, has_glob_meta, PatternMatcher};
use crate::model::*;
use crate::sys::{exec_argv, home_of, passwd_entry, resolve_executable, ContainerSys, ExecCtx, ExecError, RunMode};
use crate::util::sha256_hex;

const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const HISTORY_COMMENT: &str = "buildkit.dockerfile.v0";
/// Most RUN output lines kept per step.
const MAX_STEP_LOG_LINES: usize = 5000;

/// The state of a stage being built.
#[derive(Clone, Debug)]
pub(crate) struct StageState {
    pub index: usize,
    pub display: String,
    pub tree: Tree,
    /// Cache key of the current state (the chain head).
    pub key: String,
    /// What produced the current state (for miss reasons).
    pub parent_desc: String,
    pub first_step: bool,
    /// The previous step ran (was not cached).
    pub last_ran: bool,
    pub config: ImageConfig,
    /// The environment RUN sees: image ENV plus ARG values.
    pub env: Vec<(String, String)>,
    /// Declared build args in scope, with their values.
    pub args: Vec<(String, Option<String>)>,
    pub history: Vec<HistoryEntry>,
    /// Per history entry: written by this build without a time of its own
    /// (BuildKit fills those in at export, see `normalize_history`).
    pub fresh: Vec<bool>,
    pub layers: Vec<(String, u64)>,
    pub top_layer: String,
    pub os_family: OsFamily,
    pub cmd_set: bool,
    pub cmd_index: usize,
    pub cmd_total: usize,
    /// Creation time of the newest layer (Unix seconds).
    pub created_secs: u64,
    pub ignore_cache: bool,
    pub step_no: usize,
    /// Running the base image's ONBUILD triggers (`[2/3] ONBUILD RUN ...`).
    pub onbuild: bool,
}

impl StageState {
    pub fn getenv(&self, k: &str) -> Option<String> {
        self.env.iter().rev().find(|(ek, _)| ek == k).map(|(_, v)| v.clone())
    }

    fn set_env(&mut self, k: &str, v: &str) {
        match self.env.iter_mut().find(|(ek, _)| ek == k) {
            Some(e) => e.1 = v.to_string(),
            None => self.env.push((k.to_string(), v.to_string())),
        }
    }

    fn set_config_env(&mut self, k: &str, v: &str) {
        let entry = format!("{k}={v}");
        match self.config.env.iter_mut().find(|e| e.split_once('=').map(|x| x.0).unwrap_or(e.as_str()) == k) {
            Some(e) => *e = entry,
            None => self.config.env.push(entry),
        }
        self.set_env(k, v);
    }

    /// BuildKit's `prefixCommand`: `[builder 2/5] ` (index right-aligned).
    fn prefix(&mut self, text: &str) -> String {
        if self.cmd_total == 0 {
            return text.to_string();
        }
        self.cmd_index += 1;
        let width = self.cmd_total.to_string().len();
        let name = if self.display.is_empty() { String::new() } else { format!("{} ", self.display) };
        let onbuild = if self.onbuild { "ONBUILD " } else { "" };
        format!("[{name}{:>width$}/{}] {onbuild}{text}", self.cmd_index, self.cmd_total)
    }

    fn history(&mut self, created_by: String, layer: Option<u64>, created_secs: u64) {
        self.history.push(HistoryEntry { created_secs, created_by, size: layer.unwrap_or(0), empty_layer: layer.is_none(), comment: HISTORY_COMMENT.into() });
        self.fresh.push(false);
    }

    fn meta_history(&mut self, created_by: String) {
        let t = self.created_secs;
        self.history(created_by, None, t);
        if let Some(f) = self.fresh.last_mut() {
            *f = true;
        }
    }

    /// BuildKit's `normalizeLayersAndHistory` times: entries without a time
    /// take the first new layer's time (leading ones) or the latest layer's.
    /// Returns the image's creation time (the last entry's).
    pub fn normalize_history(&mut self, now_secs: u64) -> u64 {
        let times: Vec<Option<u64>> = self.history.iter().zip(self.fresh.iter().chain(std::iter::repeat(&false))).map(|(h, f)| if *f { None } else { Some(h.created_secs) }).collect();
        let mut created = None;
        let mut seen_nil = false;
        for t in &times {
            match t {
                Some(x) => {
                    created = Some(*x);
                    if seen_nil {
                        break;
                    }
                }
                None => seen_nil = true,
            }
        }
        seen_nil = false;
        for (i, t) in times.iter().enumerate() {
            match t {
                Some(x) => {
                    if seen_nil {
                        created = Some(*x);
                    }
                }
                None => {
                    seen_nil = true;
                    self.history[i].created_secs = created.unwrap_or(now_secs);
                }
            }
        }
        self.history.last().map(|h| h.created_secs).unwrap_or(now_secs)
    }

    fn user(&self) -> String {
        self.config.user.clone()
    }

    fn workdir(&self) -> String {
        if self.config.workdir.is_empty() {
            "/".into()
        } else {
            self.config.workdir.clone()
        }
    }
}

/// A step ready to be looked up in the cache and run.
pub(crate) struct Prepared {
    pub name: String,
    /// The instruction as written (what "instruction changed" compares).
    pub raw: String,
    pub material: String,
    pub files: BTreeMap<String, String>,
    pub created_by: String,
    pub buildkit_suffix: bool,
    pub action: Action,
    pub lines: (usize, usize),
}

pub(crate) enum Action {
    Run { argv: Vec<String>, env: Vec<(String, String)>, mounts: Vec<MountPlan>, net_none: bool },
    Copy { items: Vec<(String, Node)>, dirs: Vec<(String, Option<(u32, u32)>)> },
    Workdir { path: String, owner: Option<(u32, u32)> },
}

pub(crate) enum MountPlan {
    Cache { id: String, target: String, readonly: bool },
    Tree { target: String, tree: Tree, source: String, readonly: bool },
}

struct RunDone {
    tree: Tree,
    ms: u64,
    logs: Vec<(u64, String)>,
}

struct RunFailed {
    message: String,
    ms: u64,
    logs: Vec<(u64, String)>,
}

/// Go's `strconv.Quote` (what `%q` prints).
pub(crate) use baleine_util::go::quote as go_q;

/// `fmt.Sprintf("%q", []string{...})`: `["node" "server.js"]`.
fn go_q_list(v: &[String]) -> String {
    format!("[{}]", v.iter().map(|s| go_q(s)).collect::<Vec<_>>().join(" "))
}

/// Go's `%q` of an int: `strconv.QuoteRune`, with U+FFFD for a surrogate or
/// a number above U+10FFFF (fmt's `fmtQc`).
fn go_q_rune(n: u32) -> String {
    baleine_util::go::quote_rune(char::from_u32(n).unwrap_or('\u{fffd}'))
}

fn split_env(env: &[String]) -> Vec<(String, String)> {
    env.iter()
        .map(|e| match e.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (e.clone(), String::new()),
        })
        .collect()
}

/// A text file of a tree.
fn tree_text(tree: &Tree, path: &str) -> Option<String> {
    match tree.get(path)? {
        Node::File(f) => match &f.content {
            Content::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            Content::Opaque { .. } => None,
        },
        _ => None,
    }
}

/// (uid, gid) of a user from a tree's /etc/passwd.
fn lookup_user(tree: &Tree, name: &str) -> Option<(u32, u32)> {
    let text = tree_text(tree, "/etc/passwd")?;
    text.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.len() >= 4 && f[0] == name).then(|| Some((f[2].parse().ok()?, f[3].parse().ok()?))).flatten()
    })
}

fn lookup_group(tree: &Tree, name: &str) -> Option<u32> {
    let text = tree_text(tree, "/etc/group")?;
    text.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.len() >= 3 && f[0] == name).then(|| f[2].parse().ok()).flatten()
    })
}

/// Resolves `user[:group]` (names or ids) against a tree. Err is the message.
fn resolve_owner(tree: &Tree, spec: &str) -> Result<(u32, u32), String> {
    let (u, g) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let (uid, primary) = if let Ok(n) = u.parse::<u32>() {
        (n, n)
    } else if u == "root" {
        (0, 0)
    } else {
        lookup_user(tree, u).ok_or_else(|| format!("unable to find user {u}: no matching entries in passwd file"))?
    };
    let gid = match g {
        None | Some("") => primary,
        Some(g) => match g.parse::<u32>() {
            Ok(n) => n,
            Err(_) => lookup_group(tree, g).ok_or_else(|| format!("unable to find group {g}: no matching entries in group file"))?,
        },
    };
    Ok((uid, gid))
}

/// `pathRelativeToWorkingDir`: absolute, cleaned, trailing slash kept.
fn dest_path(workdir: &str, dest: &str) -> String {
    let keep = dest.ends_with('/') || dest == "." || dest.is_empty() || dest.ends_with("/.");
    let abs = if dest.starts_with('/') { go_clean(dest) } else { go_clean(&format!("{}/{}", workdir, dest)) };
    if keep && abs != "/" {
        format!("{abs}/")
    } else {
        abs
    }
}

/// go-connections `nat.ParsePortRange`: "80" or "8000-9000".
fn parse_port_range(ports: &str) -> Result<(u32, u32), ()> {
    // strconv.ParseUint(s, 10, 16): decimal digits only, at most 65535.
    let num = |s: &str| -> Result<u32, ()> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        s.parse::<u64>().ok().filter(|n| *n <= 65535).map(|n| n as u32).ok_or(())
    };
    if !ports.contains('-') {
        let n = num(ports)?;
        return Ok((n, n));
    }
    let mut parts = ports.split('-');
    let start = num(parts.next().unwrap_or(""))?;
    let end = num(parts.next().unwrap_or(""))?;
    if end < start {
        return Err(());
    }
    Ok((start, end))
}

use baleine_util::nat::split_proto_port;

/// Expands `EXPOSE` words into `80/tcp` style ports, as go-connections
/// `nat.ParsePortSpecs` (which BuildKit's `dispatchExpose` and moby's
/// commit changes call): `[ip:[hostPort:]]containerPort[/proto]`.
fn parse_ports(words: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for raw in words {
        // splitParts
        let parts: Vec<&str> = raw.split(':').collect();
        let n = parts.len();
        let (ip, host_port, container) = match n {
            1 => (String::new(), "", parts[0]),
            2 => (String::new(), parts[0], parts[1]),
            3 => (parts[0].to_string(), parts[1], parts[2]),
            _ => (parts[..n - 2].join(":"), parts[n - 2], parts[n - 1]),
        };
        let (proto, container) = split_proto_port(container);
        let mut ip = ip;
        if ip.starts_with('[') {
            match ip.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
                Some(inner) if !inner.contains(['[', ']']) => ip = inner.to_string(),
                _ => return Err(format!("invalid IP address {ip}: address {ip}:: missing port in address")),
            }
        }
        if !ip.is_empty() && ip.parse::<std::net::IpAddr>().is_err() {
            return Err(format!("invalid IP address: {ip}"));
        }
        if container.is_empty() {
            return Err(format!("no port specified: {raw}<empty>"));
        }
        let (start, end) = parse_port_range(&container).map_err(|_| format!("invalid containerPort: {container}"))?;
        let (hstart, hend) = if host_port.is_empty() { (0, 0) } else { parse_port_range(host_port).map_err(|_| format!("invalid hostPort: {host_port}"))? };
        if !host_port.is_empty() && end - start != hend - hstart && end != start {
            return Err(format!("invalid ranges specified for container and host Ports: {container} and {host_port}"));
        }
        let lower = proto.to_lowercase();
        if !matches!(lower.as_str(), "tcp" | "udp" | "sctp") {
            return Err(format!("invalid proto: {proto}"));
        }
        for p in start..=end {
            let s = format!("{p}/{lower}");
            if seen.insert(s.clone()) {
                out.push(s);
            }
        }
    }
    Ok(out)
}

impl Builder<'_> {
    fn expand(&self, st: &StageState, word: &str) -> Result<String, String> {
        let env = |k: &str| st.getenv(k);
        baleine_dockerfile::expand::expand_word(word, &env, self.df.escape).map_err(|e| baleine_dockerfile::expand::process_error(word, &e))
    }

    /// `expand` for the words BuildKit expands at dispatch (ENV, LABEL,
    /// COPY/ADD, WORKDIR, USER, VOLUME, STOPSIGNAL, ARG defaults): variables
    /// that are not defined are reported by the UndefinedVar check
    /// (`reportUnmatchedVariables`).
    fn expand_checked(&mut self, st: &StageState, word: &str, line: usize) -> Result<String, String> {
        let env = |k: &str| st.getenv(k);
        let r = baleine_dockerfile::expand::Lex::new(self.df.escape).process(word, &env);
        if let Ok(e) = &r {
            self.report_unmatched(st, &e.unmatched, line);
        }
        r.map(|e| e.result).map_err(|e| baleine_dockerfile::expand::process_error(word, &e))
    }

    fn report_unmatched(&mut self, st: &StageState, unmatched: &std::collections::BTreeSet<String>, line: usize) {
        const NON_ENV_ARGS: [&str; 2] = ["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"];
        for var in unmatched {
            if st.args.iter().any(|(k, _)| k == var) || NON_ENV_ARGS.contains(&var.as_str()) {
                continue;
            }
            let keys: Vec<&str> = st.env.iter().map(|(k, _)| k.as_str()).collect();
            let mut msg = format!("Usage of undefined variable '${var}'");
            if let Some(m) = baleine_dockerfile::suggest(var, &keys) {
                msg.push_str(&format!(" (did you mean ${m}?)"));
            }
            self.late_warning("UndefinedVar", msg, line);
        }
    }

    fn expand_words(&self, st: &StageState, word: &str) -> Result<Vec<String>, String> {
        let env = |k: &str| st.getenv(k);
        baleine_dockerfile::expand::expand_words(word, &env, self.df.escape).map_err(|e| baleine_dockerfile::expand::process_error(word, &e))
    }

    fn progress_name(&self, st: &StageState, instr: &Instr) -> String {
        let env = |k: &str| st.getenv(k);
        instr.progress_name(&env, self.df.escape)
    }

    /// `--check` (BuildKit lints with AllStages): the expansions of the
    /// dispatch phase, for the UndefinedVar check, without building anything.
    pub(crate) fn check_dispatch(&mut self) {
        let n = self.plans.len().min(self.df.stages.len());
        let mut finals: Vec<Option<StageState>> = vec![None; n];
        for i in 0..n {
            let st = match self.plans[i].base.clone() {
                Base::Image(full, _) => {
                    let known = self.images.get(&full).is_some_and(|r| self.base_image(&r.id).is_some());
                    if !known {
                        continue;
                    }
                    match self.image_state(&full, i) {
                        Ok(st) => Some(st),
                        Err(_) => None,
                    }
                }
                Base::Scratch => Some(self.scratch_state(i)),
                Base::Stage(j) => finals.get(j).cloned().flatten().map(|b| self.stage_state(b, i)),
            };
            let Some(mut st) = st else { continue };
            for ins in self.df.stages[i].instructions.clone() {
                let line = ins.line;
                let words: Vec<String> = match &ins.kind {
                    Instruction::Arg(_) | Instruction::Env(_) => {
                        let _ = self.instruction(&mut st, &ins);
                        continue;
                    }
                    Instruction::Label(pairs) => pairs.iter().flat_map(|(k, v)| [k.clone(), v.clone()]).collect(),
                    Instruction::Workdir(w) | Instruction::User(w) | Instruction::Stopsignal(w) => vec![w.clone()],
                    Instruction::Volume(v) => v.clone(),
                    Instruction::Copy { srcs, dest, chown, chmod, .. } | Instruction::Add { srcs, dest, chown, chmod, .. } => {
                        let mut w: Vec<String> = chown.iter().chain(chmod.iter()).cloned().collect();
                        w.extend(srcs.iter().cloned());
                        w.push(dest.clone());
                        w
                    }
                    _ => Vec::new(),
                };
                for w in words {
                    let _ = self.expand_checked(&st, &w, line);
                }
            }
            finals[i] = Some(st);
        }
    }

    // ------------------------------------------------------------ stages

    /// BuildKit dispatches every reachable stage (`toDispatchState`,
    /// `dispatch` wrapped in `parser.WithLocation`) before the solve starts:
    /// an error there (`EXPOSE 80/xyz`, a `${x:?msg}` in ENV, LABEL,
    /// WORKDIR...) fails the build after the internal vertices, before any
    /// FROM, RUN or COPY vertex. This pass applies the metadata instructions
    /// only; steps are checked when they run.
    fn validate_dispatch(&mut self) -> Step<()> {
        let n = self.plans.len().min(self.df.stages.len());
        let mut finals: Vec<Option<StageState>> = vec![None; n];
        for i in 0..n {
            if !self.plans[i].reachable {
                continue;
            }
            let st = match self.plans[i].base.clone() {
                Base::Image(full, _) => {
                    let known = self.images.get(&full).is_some_and(|r| self.base_image(&r.id).is_some());
                    if known {
                        self.image_state(&full, i).ok()
                    } else {
                        None
                    }
                }
                Base::Scratch => Some(self.scratch_state(i)),
                Base::Stage(j) => finals.get(j).cloned().flatten().map(|b| self.stage_state(b, i)),
            };
            // ONBUILD triggers run first and may change the scope: leave
            // such stages to the real pass.
            let mut st = st.filter(|s| s.config.onbuild.is_empty());
            for ins in self.df.stages[i].instructions.clone() {
                // A source stage that is not dispatched yet (defined later).
                if self.plans[i].forward.iter().any(|(_, l)| *l == (ins.line, ins.end_line)) {
                    let cur = self.plans[i].display.clone();
                    let msg = match &ins.kind {
                        Instruction::Copy { from: Some(f), .. } => format!("cannot copy from stage {f:?}, it needs to be defined before current stage {cur:?}"),
                        Instruction::Run { mounts, .. } => {
                            let m = mounts.iter().find(|m| m.from.is_some());
                            let (from, target) = m.map(|m| (m.from.clone().unwrap_or_default(), m.target.clone().unwrap_or_default())).unwrap_or_default();
                            format!("cannot mount from stage {from:?} to {target:?}, stage needs to be defined before current command")
                        }
                        _ => format!("cannot copy from a later stage into {cur:?}"),
                    };
                    return Err(self.fail_at(msg, &ins));
                }
                let Some(st) = st.as_mut() else { continue };
                match &ins.kind {
                    Instruction::Run { .. } | Instruction::Copy { .. } | Instruction::Add { .. } => {}
                    Instruction::Workdir(p) => {
                        let p = match self.expand_checked(st, p, ins.line) {
                            Ok(v) => v,
                            Err(e) => return Err(self.fail_at(e, &ins)),
                        };
                        st.config.workdir = go_clean(&if p.starts_with('/') { p } else { format!("{}/{}", st.workdir(), p) });
                    }
                    _ => self.instruction(st, &ins)?,
                }
            }
            finals[i] = st;
        }
        Ok(())
    }

    #[allow(clippy::needless_range_loop)]
    pub(crate) fn dispatch_all(&mut self) -> Step<()> {
        self.validate_dispatch()?;
        let n = self.plans.len();
        let mut initial: Vec<Option<StageState>> = vec![None; n];
        // FROM vertices of every reachable image stage, then implicit images.
        // Stages on the same image share one source op: BuildKit's LLB
        // marshalling (client/llb/state.go marshal, mergeMetadata) keeps
        // one vertex whose name is that of the stage visited last.
        self.stage_rank = self.marshal_ranks();
        let rank = |b: &Self, i: usize| b.stage_rank.get(i).copied().unwrap_or(0);
        let mut shown: Vec<String> = Vec::new();
        for i in 0..n {
            if !self.plans[i].reachable {
                continue;
            }
            if let Base::Image(full, _) = self.plans[i].base.clone() {
                let mut st = self.image_state(&full, i)?;
                let from_name = self.images.get(&full).map(|r| r.pinned.clone()).unwrap_or(full.clone());
                let own = st.prefix(&format!("FROM {from_name}"));
                if !shown.contains(&full) {
                    shown.push(full.clone());
                    let same = |p: &crate::build::StagePlan| p.reachable && matches!(&p.base, Base::Image(f, _) if *f == full);
                    let j = (0..n).filter(|&k| same(&self.plans[k])).max_by_key(|&k| rank(self, k)).unwrap_or(i);
                    let name = if j == i { own } else { self.base_state(j).prefix(&format!("FROM {from_name}")) };
                    let stage = self.plans[j].display.clone();
                    self.base_vertex(&full, name, &stage);
                }
                initial[i] = Some(st);
            }
        }
        for (full, _, _, _) in self.implicit.clone() {
            let pinned = self.images.get(&full).map(|r| r.pinned.clone()).unwrap_or(full.clone());
            self.base_vertex(&full, format!("FROM {pinned}"), "");
        }
        if self.uses_context() {
            if let Err(f) = self.load_context_vertex() {
                self.pending_steps = self.plans.iter().enumerate().filter(|(_, p)| p.reachable).map(|(i, p)| p.cmd_total - usize::from(initial[i].is_some())).sum();
                return Err(f);
            }
        }
        for i in 0..n {
            if !self.plans[i].reachable {
                continue;
            }
            let st = match self.plans[i].base.clone() {
                Base::Image(..) => match initial[i].take() {
                    Some(s) => s,
                    None => continue,
                },
                Base::Scratch => self.scratch_state(i),
                Base::Stage(j) => match self.finals.get(j).cloned().flatten() {
                    Some(base) => self.stage_state(base, i),
                    None => return Err(self.fail("failed to solve: baleine: a stage was used before it was built".into(), None)),
                },
            };
            match self.run_stage(i, st) {
                Ok(st) => self.finals[i] = Some(st),
                Err(f) => {
                    // Later stages never start.
                    for k in i + 1..n {
                        if self.plans[k].reachable {
                            self.pending_steps += self.plans[k].cmd_total - usize::from(initial[k].is_some());
                        }
                    }
                    return Err(f);
                }
            }
        }
        Ok(())
    }

    /// The order in which BuildKit's LLB marshalling (client/llb/state.go
    /// marshal: inputs depth first, a file op's destination before its
    /// copy source) first reaches each stage from the target: a stage,
    /// then its base stage, then the stages its instructions copy or mount
    /// from. Ops of several stages with the same digest are merged into one
    /// vertex whose name (mergeMetadata) is that of the stage reached last.
    fn marshal_ranks(&self) -> Vec<usize> {
        fn visit(plans: &[crate::build::StagePlan], i: usize, rank: &mut Vec<usize>, next: &mut usize) {
            if i >= plans.len() || rank[i] != usize::MAX {
                return;
            }
            rank[i] = *next;
            *next += 1;
            let deps = &plans[i].deps;
            let cmd_deps = match plans[i].base {
                Base::Stage(j) => {
                    visit(plans, j, rank, next);
                    &deps[..deps.len().saturating_sub(1)]
                }
                _ => &deps[..],
            };
            for &d in cmd_deps {
                visit(plans, d, rank, next);
            }
        }
        let mut rank = vec![usize::MAX; self.plans.len()];
        let mut next = 0;
        let target = match &self.req.target {
            Some(t) => self.df.stages.iter().rposition(|s| s.name.as_deref() == Some(t.to_lowercase().as_str())).unwrap_or(self.plans.len().saturating_sub(1)),
            None => self.plans.len().saturating_sub(1),
        };
        visit(&self.plans, target, &mut rank, &mut next);
        rank
    }

    fn base_state(&self, i: usize) -> StageState {
        StageState {
            index: i,
            display: self.plans[i].display.clone(),
            tree: Tree::new(),
            key: String::new(),
            parent_desc: format!("FROM {}", self.plans[i].base_text),
            first_step: true,
            last_ran: false,
            config: ImageConfig::default(),
            env: Vec::new(),
            args: Vec::new(),
            history: Vec::new(),
            fresh: Vec::new(),
            layers: Vec::new(),
            top_layer: String::new(),
            os_family: OsFamily::Scratch,
            cmd_set: false,
            cmd_index: 0,
            cmd_total: self.plans[i].cmd_total,
            created_secs: self.world.now_secs(),
            ignore_cache: self.req.no_cache_filter.iter().any(|f| f.eq_ignore_ascii_case(&self.plans[i].display) || self.df.stages[i].name.as_deref() == Some(f.to_lowercase().as_str())),
            step_no: 0,
            onbuild: false,
        }
    }

    fn ensure_path(st: &mut StageState) {
        if !st.config.env.iter().any(|e| e.starts_with("PATH=")) {
            st.config.env.push(format!("PATH={DEFAULT_PATH}"));
        }
        st.env = split_env(&st.config.env);
    }

    fn image_state(&mut self, full: &str, i: usize) -> Step<StageState> {
        let mut st = self.base_state(i);
        let Some(r) = self.images.get(full).cloned() else {
            return Err(self.fail(format!("failed to solve: baleine: image {full} was not resolved"), None));
        };
        let Some(img) = self.base_image(&r.id).cloned() else {
            return Err(self.fail(format!("failed to solve: {full}: not found"), None));
        };
        st.tree = img.rootfs.clone();
        st.key = sha256_hex(&format!("image:{}", img.id));
        st.config = img.config.clone();
        st.history = img.history.clone();
        st.fresh = vec![false; st.history.len()];
        st.layers = img.layers.iter().map(|d| (d.clone(), self.world.layers.get(d).map(|l| l.size).unwrap_or(0))).collect();
        st.top_layer = img.layers.last().cloned().unwrap_or_default();
        st.os_family = img.os_family;
        st.created_secs = img.created_secs;
        Self::ensure_path(&mut st);
        Ok(st)
    }

    fn scratch_state(&self, i: usize) -> StageState {
        let mut st = self.base_state(i);
        st.key = sha256_hex("scratch");
        st.created_secs = self.world.now_secs();
        Self::ensure_path(&mut st);
        st
    }

    fn stage_state(&self, base: StageState, i: usize) -> StageState {
        let fresh = self.base_state(i);
        StageState { index: i, display: fresh.display, parent_desc: fresh.parent_desc, first_step: true, cmd_set: false, cmd_index: 0, cmd_total: fresh.cmd_total, ignore_cache: fresh.ignore_cache, step_no: 0, ..base }
    }

    /// The FROM vertex, with pull statuses when the image was just pulled.
    fn base_vertex(&mut self, full: &str, name: String, stage: &str) {
        let Some(r) = self.images.get(full).cloned() else { return };
        let mut v = Vertex { name: name.clone(), started: true, ..Default::default() };
        if r.pulled {
            let img = self.base_image(&r.id).cloned();
            v.statuses.push(VertexStatus { id: format!("resolve {}", r.pinned), current: 0, total: 0, ms: 20 });
            let cfg = 1_200 + (u64::from_str_radix(&r.id[..3], 16).unwrap_or(0) % 9000);
            v.statuses.push(VertexStatus { id: format!("sha256:{}", r.id), current: cfg, total: cfg, ms: 30 });
            let mut longest = 30;
            let mut extract = 0;
            let layers: Vec<(String, u64)> = img.map(|i| i.layers.iter().map(|d| (d.clone(), self.world.layers.get(d).map(|l| l.size).unwrap_or(0))).collect()).unwrap_or_default();
            for (d, size) in &layers {
                let compressed = size * 2 / 5;
                let ms = 150 + compressed / 25_000;
                longest = longest.max(ms);
                v.statuses.push(VertexStatus { id: format!("sha256:{d}"), current: compressed, total: compressed, ms });
            }
            for (d, size) in &layers {
                let ms = 40 + size / 120_000;
                extract += ms;
                v.statuses.push(VertexStatus { id: format!("extracting sha256:{d}"), current: 0, total: 0, ms });
            }
            v.ms = 20 + longest + extract;
        }
        let ms = v.ms;
        self.out.explain.push(Explanation { name: name.clone(), cached: !r.pulled, reason: if r.pulled { "base image pulled from the registry".into() } else { "base image already present".into() } });
        self.out.record.steps.push(StepRecord { name, stage: stage.to_string(), cached: !r.pulled, reason: r.pulled.then(|| "base image pulled from the registry".to_string()), duration_ms: ms, error: None });
        v.step = Some(self.out.explain.len() - 1);
        self.push(v);
    }

    fn run_stage(&mut self, i: usize, mut st: StageState) -> Step<StageState> {
        // ONBUILD triggers of the base run first.
        let mut instrs: Vec<Instr> = Vec::new();
        if !st.config.onbuild.is_empty() {
            let src = format!("FROM scratch\n{}\n", st.config.onbuild.join("\n"));
            let parsed = baleine_dockerfile::parse(&src);
            if let Some(e) = parsed.errors().next() {
                let line = self.df.stages[i].line;
                return Err(self.fail(format!("failed to solve: {}", e.message), Some((line, line))));
            }
            if let Some(s) = parsed.stages.first() {
                for mut ins in s.instructions.clone() {
                    ins.line = self.df.stages[i].line;
                    ins.end_line = ins.line;
                    instrs.push(ins);
                }
            }
            st.cmd_total += instrs.len();
            st.config.onbuild.clear();
        }
        let triggers = instrs.len();
        instrs.extend(self.df.stages[i].instructions.clone());
        for (n, ins) in instrs.iter().enumerate() {
            st.onbuild = n < triggers;
            if let Err(f) = self.instruction(&mut st, ins) {
                self.pending_steps += st.cmd_total.saturating_sub(st.cmd_index);
                return Err(f);
            }
        }
        st.onbuild = false;
        Ok(st)
    }

    /// A step that fails before it runs (e.g. while computing its cache
    /// key): its vertex shows the error.
    fn vertex_fail(&mut self, name: &str, msg: String, ins: &Instr) -> Failed {
        let idx = self.out.explain.len();
        self.out.explain.push(Explanation { name: name.to_string(), cached: false, reason: "the step failed before it could run".into() });
        self.out.record.steps.push(StepRecord { name: name.to_string(), stage: String::new(), cached: false, reason: None, duration_ms: 10, error: Some(msg.clone()) });
        self.push(Vertex { name: name.to_string(), started: true, ms: 10, error: Some(msg.clone()), step: Some(idx), ..Default::default() });
        self.fail_at(msg, ins)
    }

    fn fail_at(&mut self, msg: String, ins: &Instr) -> Failed {
        self.fail(format!("failed to solve: {msg}"), Some((ins.line, ins.end_line)))
    }

    // ------------------------------------------------------------ instructions

    fn instruction(&mut self, st: &mut StageState, ins: &Instr) -> Step<()> {
        match &ins.kind {
            Instruction::Arg(decls) => {
                let mut commit = Vec::new();
                for d in decls {
                    let value = if let Some(v) = self.req.build_args.iter().rev().find(|(k, _)| *k == d.name).map(|(_, v)| v.clone()) {
                        Some(v)
                    } else if let Some(def) = &d.default {
                        match self.expand_checked(st, def, ins.line) {
                            Ok(v) => Some(v),
                            Err(e) => return Err(self.fail_at(e, ins)),
                        }
                    } else {
                        self.global(&d.name)
                    };
                    let env_defined = st.config.env.iter().any(|e| e.split_once('=').map(|x| x.0) == Some(d.name.as_str()));
                    if let (Some(v), false) = (&value, env_defined) {
                        st.set_env(&d.name, v);
                    }
                    st.args.retain(|(k, _)| *k != d.name);
                    st.args.push((d.name.clone(), value.clone()));
                    commit.push(match &value {
                        Some(v) => format!("{}={v}", d.name),
                        None => d.name.clone(),
                    });
                }
                st.meta_history(format!("ARG {}", commit.join(" ")));
            }
            Instruction::Env(pairs) => {
                // BuildKit expands every pair of the instruction against the
                // environment from before it (`ENV a=1 b=$a` sees the old a).
                let mut expanded = Vec::new();
                for (k, v) in pairs {
                    let key = match self.expand_checked(st, k, ins.line) {
                        Ok(x) => x,
                        Err(e) => return Err(self.fail_at(e, ins)),
                    };
                    let val = match self.expand_checked(st, v, ins.line) {
                        Ok(x) => x,
                        Err(e) => return Err(self.fail_at(e, ins)),
                    };
                    expanded.push((key, val));
                }
                let mut commit = Vec::new();
                for (key, val) in expanded {
                    st.set_config_env(&key, &val);
                    commit.push(format!("{key}={val}"));
                }
                st.meta_history(format!("ENV {}", commit.join(" ")));
            }
            Instruction::Label(pairs) => {
                let mut commit = Vec::new();
                for (k, v) in pairs {
                    let (key, val) = match (self.expand_checked(st, k, ins.line), self.expand_checked(st, v, ins.line)) {
                        (Ok(a), Ok(b)) => (a, b),
                        (Err(e), _) | (_, Err(e)) => return Err(self.fail_at(e, ins)),
                    };
                    st.config.labels.insert(key.clone(), val.clone());
                    commit.push(format!("{key}={val}"));
                }
                st.meta_history(format!("LABEL {}", commit.join(" ")));
            }
            Instruction::Expose(words) => {
                let mut all = Vec::new();
                for w in words {
                    match self.expand_words(st, w) {
                        Ok(v) => all.extend(v),
                        Err(e) => return Err(self.fail_at(e, ins)),
                    }
                }
                let ports = match parse_ports(&all) {
                    Ok(p) => p,
                    Err(e) => return Err(self.fail_at(e, ins)),
                };
                let mut sorted = ports.clone();
                baleine_util::sort(&mut sorted);
                let mut have: std::collections::HashSet<String> = st.config.exposed.iter().cloned().collect();
                for p in ports {
                    if have.insert(p.clone()) {
                        st.config.exposed.push(p);
                    }
                }
                st.meta_history(format!("EXPOSE map[{}]", sorted.iter().map(|p| format!("{p}:{{}}")).collect::<Vec<_>>().join(" ")));
            }
            Instruction::Volume(paths) => {
                let mut vols = Vec::new();
                for p in paths {
                    match self.expand_checked(st, p, ins.line) {
                        Ok(v) if v.is_empty() => return Err(self.fail_at("VOLUME specified can not be an empty string".into(), ins)),
                        Ok(v) => vols.push(v),
                        Err(e) => return Err(self.fail_at(e, ins)),
                    }
                }
                for v in &vols {
                    if !st.config.volumes.contains(v) {
                        st.config.volumes.push(v.clone());
                    }
                }
                st.meta_history(format!("VOLUME [{}]", vols.join(" ")));
            }
            Instruction::User(u) => {
                let u = match self.expand_checked(st, u, ins.line) {
                    Ok(v) => v,
                    Err(e) => return Err(self.fail_at(e, ins)),
                };
                st.config.user = u.clone();
                st.meta_history(format!("USER {u}"));
            }
            Instruction::Workdir(p) => {
                let p = match self.expand_checked(st, p, ins.line) {
                    Ok(v) => v,
                    Err(e) => return Err(self.fail_at(e, ins)),
                };
                let wd = go_clean(&if p.starts_with('/') { p.clone() } else { format!("{}/{}", st.workdir(), p) });
                st.config.workdir = wd.clone();
                if wd != "/" {
                    let text = self.progress_name(st, ins);
                    let name = st.prefix(&text);
                    let owner = if st.user().is_empty() { None } else { resolve_owner(&st.tree, &st.user()).ok() };
                    let prep = Prepared {
                        name,
                        raw: ins.text.clone(),
                        material: format!("workdir\n{wd}\nuser={}", st.user()),
                        files: BTreeMap::new(),
                        created_by: format!("WORKDIR {wd}"),
                        buildkit_suffix: false,
                        action: Action::Workdir { path: wd, owner },
                        lines: (ins.line, ins.end_line),
                    };
                    self.step(st, prep)?;
                } else {
                    st.meta_history(format!("WORKDIR {wd}"));
                }
            }
            Instruction::Cmd(c) => {
                let args = self.command_args(st, c);
                st.config.cmd = Some(args.clone());
                st.config.args_escaped = true;
                st.cmd_set = true;
                st.meta_history(format!("CMD {}", go_q_list(&args)));
            }
            Instruction::Entrypoint(c) => {
                let args = self.command_args(st, c);
                st.config.entrypoint = Some(args.clone());
                if !st.cmd_set {
                    st.config.cmd = None;
                }
                st.meta_history(format!("ENTRYPOINT {}", go_q_list(&args)));
            }
            Instruction::Healthcheck(h) => {
                let hc = healthcheck_config(h.as_ref());
                let d = |ms: u64| go_q(&crate::util::go_duration(ms));
                let text = format!("HEALTHCHECK &{{{} {} {} {} {} {}}}", go_q_list(&hc.test), d(hc.interval_ms), d(hc.timeout_ms), d(hc.start_period_ms), d(hc.start_interval_ms), go_q_rune(hc.retries));
                st.config.healthcheck = Some(hc);
                st.meta_history(text);
            }
            Instruction::Stopsignal(s) => {
                let s = match self.expand_checked(st, s, ins.line) {
                    Ok(v) => v,
                    Err(e) => return Err(self.fail_at(e, ins)),
                };
                st.config.stop_signal = Some(s.clone());
                st.meta_history(format!("STOPSIGNAL {s}"));
            }
            Instruction::Shell(args) => {
                st.config.shell = Some(args.clone());
                st.meta_history(format!("SHELL [{}]", args.join(" ")));
            }
            Instruction::Onbuild(_) => {
                if let Some(e) = ins.onbuild_expression() {
                    st.config.onbuild.push(e);
                }
            }
            Instruction::Maintainer(m) => {
                // dispatchMaintainer: d.image.Author = c.Maintainer.
                st.config.author = m.clone();
                st.meta_history(format!("MAINTAINER {m}"));
            }
            Instruction::Run { cmd, mounts, network, heredocs } => {
                let prep = self.prepare_run(st, ins, cmd, mounts, network.as_deref(), heredocs)?;
                self.step(st, prep)?;
            }
            Instruction::Copy { srcs, dest, from, chown, chmod, parents, excludes, heredocs, .. } => {
                let prep = self.prepare_copy(st, ins, false, srcs, dest, from.as_deref(), chown.as_deref(), chmod.as_deref(), *parents, excludes, heredocs, None)?;
                self.step(st, prep)?;
            }
            Instruction::Add { srcs, dest, chown, chmod, checksum, heredocs, .. } => {
                let prep = self.prepare_copy(st, ins, true, srcs, dest, None, chown.as_deref(), chmod.as_deref(), false, &[], heredocs, checksum.as_deref())?;
                self.step(st, prep)?;
            }
        }
        Ok(())
    }

    fn shell_of(st: &StageState) -> Vec<String> {
        st.config.shell.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into()])
    }

    fn command_args(&self, st: &StageState, c: &ShellOrExec) -> Vec<String> {
        match c {
            ShellOrExec::Exec(v) => v.clone(),
            ShellOrExec::Shell(s) => {
                let mut v = Self::shell_of(st);
                v.push(s.clone());
                v
            }
        }
    }

    // ------------------------------------------------------------ RUN

    fn prepare_run(&mut self, st: &mut StageState, ins: &Instr, cmd: &ShellOrExec, mounts: &[RunMount], network: Option<&str>, heredocs: &[baleine_dockerfile::Heredoc]) -> Step<Prepared> {
        let argv = match cmd {
            ShellOrExec::Exec(v) => v.clone(),
            ShellOrExec::Shell(s) => {
                let mut v = Self::shell_of(st);
                let t = s.trim();
                let single = heredocs.len() == 1 && t.starts_with("<<") && !t.contains(char::is_whitespace);
                if single {
                    v.push(heredocs[0].data());
                } else if heredocs.is_empty() {
                    v.push(s.clone());
                } else {
                    let mut full = s.clone();
                    for h in heredocs {
                        full.push('\n');
                        full.push_str(&h.content);
                        full.push_str(&h.name);
                    }
                    v.push(full);
                }
                v
            }
        };
        let text = self.progress_name(st, ins);
        let mut plans = Vec::new();
        let mut mount_desc = Vec::new();
        let mut env = st.env.clone();
        for m in mounts {
            let exp = |b: &Self, w: &Option<String>| -> Result<Option<String>, String> {
                match w {
                    Some(x) => b.expand(st, x).map(Some),
                    None => Ok(None),
                }
            };
            let (target, id, source, from) = match (exp(self, &m.target), exp(self, &m.id), exp(self, &m.source), exp(self, &m.from)) {
                (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
                (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => return Err(self.fail_at(e, ins)),
            };
            let opt = |k: &str| m.options.iter().find(|(ok, _)| ok == k).map(|(_, v)| v.clone());
            let readonly = opt("ro").is_some() || opt("readonly").is_some();
            let abs_target = target.as_ref().map(|t| go_clean(&if t.starts_with('/') { t.clone() } else { format!("{}/{}", st.workdir(), t) }));
            match m.kind.as_str() {
                "cache" => {
                    let Some(t) = abs_target else {
                        return Err(self.fail_at("mount target must be specified".into(), ins));
                    };
                    let cid = id.unwrap_or_else(|| t.clone());
                    mount_desc.push(format!("cache:{cid}:{t}"));
                    plans.push(MountPlan::Cache { id: cid, target: t, readonly });
                }
                "secret" => {
                    let sid = id.clone().or_else(|| target.as_ref().map(|t| baleine_vfs::basename(t).to_string())).unwrap_or_default();
                    let value = self.req.secrets.iter().find(|(k, _)| *k == sid).map(|(_, v)| v.clone());
                    let required = opt("required").is_some_and(|v| v.is_empty() || v == "true");
                    let Some(value) = value else {
                        if required {
                            return Err(self.fail_at(format!("secret {sid}: not found"), ins));
                        }
                        continue;
                    };
                    if let Some(var) = opt("env") {
                        env.push((var, String::from_utf8_lossy(&value).into_owned()));
                        if abs_target.is_none() {
                            mount_desc.push(format!("secret-env:{sid}"));
                            continue;
                        }
                    }
                    let t = abs_target.unwrap_or_else(|| format!("/run/secrets/{sid}"));
                    let mut tree = Tree::new();
                    let _ = tree.write("/secret", Content::Bytes(Arc::new(value)), Meta { mode: 0o400, uid: 0, gid: 0, mtime: 0 }, true);
                    mount_desc.push(format!("secret:{sid}:{t}"));
                    plans.push(MountPlan::Tree { target: t, tree, source: "/secret".into(), readonly: true });
                }
                "tmpfs" => {
                    let Some(t) = abs_target else {
                        return Err(self.fail_at("mount target must be specified".into(), ins));
                    };
                    mount_desc.push(format!("tmpfs:{t}"));
                    plans.push(MountPlan::Tree { target: t, tree: Tree::new(), source: "/".into(), readonly: false });
                }
                "ssh" => {
                    mount_desc.push("ssh".into());
                    if !self.out.notes.iter().any(|n| n.contains("--mount=type=ssh")) {
                        self.out.notes.push("RUN --mount=type=ssh: the simulator has no SSH agent; the step runs without one".into());
                    }
                }
                _ => {
                    let Some(t) = abs_target else {
                        return Err(self.fail_at("mount target must be specified".into(), ins));
                    };
                    let src = go_clean(&format!("/{}", source.unwrap_or_default()));
                    let rw = opt("rw").is_some() || opt("readwrite").is_some();
                    let (tree, label) = match from {
                        None => (self.ctx.as_ref().map(|c| c.tree.clone()).unwrap_or_default(), "context".to_string()),
                        Some(f) => match self.source_tree(&f) {
                            Some((t, l)) => (t, l),
                            None => (Tree::new(), f.clone()),
                        },
                    };
                    let sum = tree.get(&src).map(|n| self.hasher.node(&n)).unwrap_or_default();
                    mount_desc.push(format!("bind:{label}:{src}:{t}:{sum}:{rw}"));
                    plans.push(MountPlan::Tree { target: t, tree, source: src, readonly: !rw });
                }
            }
        }
        let net = network.or(Some(self.req.network.as_str())).unwrap_or("default").to_string();
        let material = format!("run\n{argv:?}\nenv={env:?}\ncwd={}\nuser={}\nnet={net}\nmounts={mount_desc:?}", st.workdir(), st.user());
        let name = st.prefix(&text);
        // History: RUN |N K=V ... /bin/sh -c cmd
        let mut build_env = Vec::new();
        for (k, v) in &st.args {
            let v = st.getenv(k).or_else(|| v.clone()).unwrap_or_default();
            build_env.push(format!("{k}={v}"));
        }
        let mut created_by = String::from("RUN ");
        if !build_env.is_empty() {
            created_by.push_str(&format!("|{} {} ", build_env.len(), build_env.join(" ")));
        }
        created_by.push_str(&argv.join(" "));
        Ok(Prepared { name, raw: ins.text.clone(), material, files: BTreeMap::new(), created_by, buildkit_suffix: true, action: Action::Run { argv, env, mounts: plans, net_none: net == "none" }, lines: (ins.line, ins.end_line) })
    }

    fn exec_run(&mut self, st: &StageState, argv: &[String], env: &[(String, String)], mounts: Vec<MountPlan>, net_none: bool, seed: &str) -> Result<RunDone, RunFailed> {
        let base_ms = jitter(seed, 90, 380);
        let workdir = st.workdir();
        let mut tree = st.tree.clone();
        if !tree.is_dir(&workdir) {
            let _ = tree.mkdir(&workdir, true);
        }
        let root = self.world.forest.add(tree);
        let mut view = FsView::plain(root);
        let mut added = Vec::new();
        for m in mounts {
            match m {
                MountPlan::Cache { id, target, readonly } => {
                    let t = self.state.cache_mounts.get(&id).cloned().unwrap_or_default();
                    let tid = self.world.forest.add(t);
                    added.push((tid, Some(id)));
                    view.mounts.push(Mount { target, tree: tid, source: "/".into(), readonly });
                }
                MountPlan::Tree { target, tree, source, readonly } => {
                    let tid = self.world.forest.add(tree);
                    added.push((tid, None));
                    view.mounts.push(Mount { target, tree: tid, source, readonly });
                }
            }
        }
        let cleanup = |b: &mut Self, added: Vec<(baleine_vfs::TreeId, Option<String>)>| {
            for (tid, cache) in added {
                let t = b.world.forest.remove(tid);
                if let (Some(id), Some(t)) = (cache, t) {
                    let now = b.world.now_ms;
                    let u = b.state.cache_mount_use.entry(id.clone()).or_insert(crate::build::MountUse { created_ms: now, ..Default::default() });
                    u.last_used_ms = now;
                    u.usage_count = u.usage_count.saturating_add(1);
                    b.state.cache_mounts.insert(id, t);
                }
            }
        };
        let user = st.user();
        let mut env: Vec<(String, String)> = env.to_vec();
        if !env.iter().any(|(k, _)| k == "PATH") {
            env.insert(0, ("PATH".into(), DEFAULT_PATH.into()));
        }
        let uname = user.split(':').next().unwrap_or("").to_string();
        if !uname.is_empty() && uname.parse::<u32>().is_err() && uname != "root" && passwd_entry(self.world, &view, &uname).is_none() {
            self.world.forest.remove(root);
            cleanup(self, added);
            return Err(RunFailed { message: format!("process {} did not complete successfully: unable to find user {uname}: no matching entries in passwd file", go_q(&argv.join(" "))), ms: base_ms, logs: Vec::new() });
        }
        if !env.iter().any(|(k, _)| k == "HOME") {
            let home = home_of(self.world, &view, if user.is_empty() { "root" } else { &user });
            env.push(("HOME".into(), home));
        }
        let ctx = ExecCtx { cid: None, view, env, user, hostname: "buildkitsandbox".into(), workdir, mode: RunMode::Detached, os_family: st.os_family, no_network: net_none, tty: false, host: false };
        let exe = argv.first().cloned().unwrap_or_default();
        if let Err(e) = resolve_executable(self.world, &ctx, &exe) {
            self.world.forest.remove(root);
            cleanup(self, added);
            let why = match e {
                ExecError::NotFound => format!("exec: {}: executable file not found in $PATH", go_q(&exe)),
                ExecError::NoSuchFile => format!("exec: {}: stat {exe}: no such file or directory", go_q(&exe)),
                ExecError::Permission => format!("exec: {}: permission denied", go_q(&exe)),
            };
            return Err(RunFailed { message: format!("process {} did not complete successfully: runc run failed: unable to start container process: {why}: unknown", go_q(&argv.join(" "))), ms: base_ms, logs: Vec::new() });
        }
        let mut out = Output::new();
        let (status, elapsed) = {
            let mut sys = ContainerSys::new(self.world, ctx);
            let status = exec_argv(&mut sys, argv, None, &mut out);
            (status, sys.elapsed_ms)
        };
        let tree = self.world.forest.remove(root).unwrap_or_default();
        cleanup(self, added);
        let text = out.text();
        let mut lines: Vec<&str> = text.split('\n').collect();
        if lines.last() == Some(&"") {
            lines.pop();
        }
        if lines.len() > MAX_STEP_LOG_LINES {
            lines.drain(..lines.len() - MAX_STEP_LOG_LINES);
        }
        let n = lines.len() as u64;
        let logs: Vec<(u64, String)> = lines.iter().enumerate().map(|(i, l)| (base_ms + if elapsed == 0 { 3 * i as u64 } else { elapsed * (i as u64 + 1) / n.max(1) }, l.trim_end_matches('\r').to_string())).collect();
        let ms = base_ms + elapsed + 30;
        if status != 0 {
            return Err(RunFailed { message: format!("process {} did not complete successfully: exit code: {status}", go_q(&argv.join(" "))), ms, logs });
        }
        Ok(RunDone { tree, ms, logs })
    }

    // ------------------------------------------------------------ COPY / ADD

    /// The files of a stage or image named by `--from`.
    fn source_tree(&mut self, from: &str) -> Option<(Tree, String)> {
        let env = |k: &str| self.global(k);
        let f = baleine_dockerfile::expand::expand_word(from, &env, self.df.escape).unwrap_or_else(|_| from.to_string());
        let n = self.df.stages.len();
        let idx = if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) { f.parse::<usize>().ok().filter(|x| *x < n) } else { self.df.stage_index(&f).filter(|_| !f.bytes().all(|b| b.is_ascii_digit())) };
        if let Some(j) = idx {
            let label = self.plans.get(j).map(|p| if p.display.is_empty() { format!("stage-{j}") } else { p.display.clone() }).unwrap_or_default();
            return self.finals.get(j).cloned().flatten().map(|s| (s.tree, label));
        }
        let full = crate::images::Reference::parse(&f).ok()?.full();
        let r = self.images.get(&full)?;
        let img = self.base_image(&r.id)?;
        Some((img.rootfs.clone(), f))
    }

    #[allow(clippy::too_many_arguments)]
    fn prepare_copy(
        &mut self,
        st: &mut StageState,
        ins: &Instr,
        is_add: bool,
        srcs: &[String],
        dest: &str,
        from: Option<&str>,
        chown: Option<&str>,
        chmod: Option<&str>,
        parents: bool,
        excludes: &[String],
        heredocs: &[baleine_dockerfile::Heredoc],
        checksum: Option<&str>,
    ) -> Step<Prepared> {
        let text = self.progress_name(st, ins);
        let keyword = if is_add { "ADD" } else { "COPY" };
        let mut ex_srcs = Vec::new();
        for s in srcs {
            match self.expand_checked(st, s, ins.line) {
                Ok(v) => ex_srcs.push(v),
                Err(e) => return Err(self.fail_at(e, ins)),
            }
        }
        let dest = match self.expand_checked(st, dest, ins.line) {
            Ok(v) => v,
            Err(e) => return Err(self.fail_at(e, ins)),
        };
        let chown = match chown.map(|c| self.expand_checked(st, c, ins.line)) {
            Some(Ok(v)) => Some(v),
            Some(Err(e)) => return Err(self.fail_at(e, ins)),
            None => None,
        };
        let chmod = match chmod.map(|c| self.expand_checked(st, c, ins.line)) {
            Some(Ok(v)) => Some(v),
            Some(Err(e)) => return Err(self.fail_at(e, ins)),
            None => None,
        };
        // dispatch of ADD: digest.Parse of --checksum comes first.
        if let Some(c) = checksum {
            if let Err(e) = check_digest(c) {
                return Err(self.fail_at(e.to_string(), ins));
            }
        }
        let mode = match &chmod {
            Some(c) => match u32::from_str_radix(c, 8) {
                Ok(m) if m <= 0o7777 => Some(m),
                _ => return Err(self.fail_at(format!("invalid chmod parameter: '{c}'. it should be octal string and between 0 and 07777"), ins)),
            },
            None => None,
        };
        // dispatchCopy: after --chmod, a checksum needs one HTTP(S) source.
        if checksum.is_some() {
            if ex_srcs.len() != 1 {
                return Err(self.fail_at("checksum can't be specified for multiple sources".to_string(), ins));
            }
            if !ex_srcs.iter().all(|s| is_url(s)) {
                return Err(self.fail_at("checksum can't be specified for non-HTTP(S) sources".to_string(), ins));
            }
        }
        let name = st.prefix(&text);
        let owner = match &chown {
            Some(c) => match resolve_owner(&st.tree, c) {
                Ok(o) => Some(o),
                Err(e) => return Err(self.vertex_fail(&name, e, ins)),
            },
            None => None,
        };
        let mut commit = String::from(keyword);
        if parents {
            commit.push_str(" --parents");
        }
        if let Some(c) = &chown {
            commit.push_str(&format!(" --chown={c}"));
        }
        if let Some(c) = &chmod {
            commit.push_str(&format!(" --chmod={c}"));
        }
        for s in &ex_srcs {
            commit.push(' ');
            commit.push_str(s);
        }
        for h in heredocs {
            commit.push_str(&format!(" <<{}", h.name));
        }
        commit.push(' ');
        commit.push_str(&dest);
        let dest_abs = dest_path(&st.workdir(), &dest);
        let dest_trim = if dest_abs.len() > 1 { dest_abs.trim_end_matches('/').to_string() } else { dest_abs.clone() };

        // Where the sources come from.
        let (src_tree, from_context, label) = match from {
            None => match &self.ctx {
                Some(c) => {
                    if c.truncated {
                        return Err(self.vertex_fail(&name, format!("baleine: the build context has more than {} files; list what the image does not need in .dockerignore", crate::build_context::MAX_CONTEXT_FILES), ins));
                    }
                    (c.tree.clone(), true, "context".to_string())
                }
                None => (Tree::new(), true, "context".to_string()),
            },
            Some(f) => match self.source_tree(f) {
                Some((t, l)) => (t, false, l),
                None => return Err(self.fail_at(format!("baleine: COPY --from={f}: nothing to copy from"), ins)),
            },
        };
        let excl = if excludes.is_empty() {
            None
        } else {
            let mut pats = Vec::new();
            for e in excludes {
                match self.expand(st, e) {
                    Ok(v) => pats.push(v),
                    Err(e) => return Err(self.fail_at(e, ins)),
                }
            }
            match PatternMatcher::new(&pats) {
                Ok(pm) => Some(pm),
                Err(e) => return Err(self.fail_at(e, ins)),
            }
        };

        // Resolve every source.
        let mut found: Vec<(String, Node)> = Vec::new();
        let mut url_files: Vec<(String, Node)> = Vec::new();
        for s in &ex_srcs {
            if is_add && is_url(s) {
                match self.fetch_url(s, checksum) {
                    Ok((fname, body)) => {
                        let node = Node::File(Arc::new(baleine_vfs::File { content: Content::Bytes(Arc::new(body)), meta: Meta { mode: 0o600, uid: 0, gid: 0, mtime: self.world.now_secs() } }));
                        url_files.push((fname, node));
                    }
                    Err(e) => return Err(self.vertex_fail(&name, e, ins)),
                }
                continue;
            }
            if s.starts_with("git@") || s.ends_with(".git") {
                return Err(self.fail_at(format!("baleine: {keyword} from a git repository is not simulated"), ins));
            }
            let path = go_clean(&format!("/{s}"));
            let matches = match resolve_sources(&src_tree, &path) {
                Ok(m) => m,
                Err(e) => return Err(self.fail_at(e, ins)),
            };
            if matches.is_empty() {
                if has_glob_meta(s) {
                    continue;
                }
                let reference = if from_context {
                    let h = sha256_hex(&format!("ref:{}", self.req.context_dir));
                    format!("{}-{}-{}-{}-{}::{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32], record_id(&format!("{}:{}", st.key, path)))
                } else {
                    record_id(&format!("{label}:{}:{path}", st.key))
                };
                return Err(self.vertex_fail(&name, format!("failed to compute cache key: failed to calculate checksum of ref {reference}: {}: not found", go_q(&path)), ins));
            }
            for m in matches {
                let Some(mut node) = src_tree.get(&m) else { continue };
                if let Node::Symlink(t) = &node {
                    let target = if t.starts_with('/') { go_clean(t) } else { go_clean(&format!("{}/{}", baleine_vfs::dirname(&m), t)) };
                    if let Some(n) = src_tree.get(&target) {
                        node = n;
                    }
                }
                found.push((m, node));
            }
        }
        let count = found.len() + url_files.len() + heredocs.len();
        let dest_is_dir = dest_abs.ends_with('/') || count > 1 || st.tree.is_dir(&dest_trim);
        let mut items: Vec<(String, Node)> = Vec::new();
        let mut files = BTreeMap::new();
        let mut sums = Vec::new();
        let fix_owner = owner;
        for (m, node) in &found {
            let mut node = node.clone();
            if let (Some(pm), Node::Dir(_)) = (&excl, &node) {
                node = filter_excluded(&node, "", pm);
            }
            let node = if fix_owner.is_some() || mode.is_some() { remeta(&node, fix_owner, mode) } else { node };
            let rel = m.trim_start_matches('/').to_string();
            let rel_label = if from_context { rel.clone() } else { format!("{label}:{rel}") };
            sums.push(format!("{rel}={}", self.hasher.node(&node)));
            self.hasher.files(&rel_label, &node, 2000, &mut files);
            let target = if parents {
                baleine_vfs::join(&dest_trim, &rel)
            } else if node.is_dir() {
                dest_trim.clone()
            } else if dest_is_dir {
                baleine_vfs::join(&dest_trim, baleine_vfs::basename(m))
            } else {
                dest_trim.clone()
            };
            // A simulated Go binary keeps its behaviour next to it.
            if let (false, Node::File(f)) = (from_context, &node) {
                if let Content::Opaque { kind, .. } = &f.content {
                    if kind.starts_with("go-binary") {
                        let src_comp = format!("/usr/share/baleine-go/{}.src", m.replace('/', "_"));
                        if let Some(c) = src_tree.get(&src_comp) {
                            items.push((format!("/usr/share/baleine-go/{}.src", target.replace('/', "_")), c));
                        }
                    }
                }
            }
            if is_add && from_context {
                if let Some(extracted) = self.try_extract(&node) {
                    items.push((dest_trim.clone(), extracted));
                    continue;
                }
            }
            items.push((target, node));
        }
        for (fname, node) in url_files {
            let node = remeta(&node, owner, mode);
            sums.push(format!("url:{fname}={}", self.hasher.node(&node)));
            self.hasher.files(&fname, &node, 2000, &mut files);
            let target = if dest_is_dir { baleine_vfs::join(&dest_trim, &fname) } else { dest_trim.clone() };
            items.push((target, node));
        }
        // llb.Mkfile sets no time: the file keeps the time it was written.
        let now = self.world.now_secs();
        for h in heredocs {
            let mut data = h.data();
            if h.expand {
                let env = |k: &str| st.getenv(k);
                let mut lex = baleine_dockerfile::expand::Lex::new(self.df.escape);
                lex.raw_quotes = true;
                lex.raw_escapes = true;
                if let Ok(e) = lex.process(&data, &env) {
                    data = e.result;
                }
            }
            let node = Node::File(Arc::new(baleine_vfs::File { content: Content::text(&data), meta: Meta { mode: mode.unwrap_or(0o644), uid: owner.map(|o| o.0).unwrap_or(0), gid: owner.map(|o| o.1).unwrap_or(0), mtime: now } }));
            sums.push(format!("heredoc:{}={}", h.name, self.hasher.node(&node)));
            let target = if dest_is_dir { baleine_vfs::join(&dest_trim, &h.name) } else { dest_trim.clone() };
            items.push((target, node));
        }
        let dirs = if dest_is_dir { vec![(dest_trim.clone(), owner)] } else { Vec::new() };
        let material = format!("copy\n{text}\ndest={dest_abs}\nowner={owner:?}\nmode={mode:?}\nsum={}", sha256_hex(&sums.join("\n")));
        Ok(Prepared { name, raw: ins.text.clone(), material, files, created_by: commit, buildkit_suffix: true, action: Action::Copy { items, dirs }, lines: (ins.line, ins.end_line) })
    }

    fn fetch_url(&mut self, url: &str, checksum: Option<&str>) -> Result<(String, Vec<u8>), String> {
        let Some(u) = crate::http::parse_url(url) else {
            return Err(format!("failed to load cache key: parse {}: invalid URL", go_q(url)));
        };
        let fname = {
            let p = u.path.split('?').next().unwrap_or("/");
            let b = baleine_vfs::basename(p);
            if b.is_empty() || b == "/" || b == "." { "__unnamed__".to_string() } else { b.to_string() }
        };
        let body = match self.world.http_get(None, &u) {
            Ok(r) if r.status == 200 => r.body.into_bytes(),
            Ok(r) => return Err(format!("failed to load cache key: invalid response status {}", r.status)),
            Err(_) => return Err(format!("failed to load cache key: Get {}: dial tcp: lookup {}: no such host", go_q(url), u.host)),
        };
        if let Some(c) = checksum {
            let got = format!("sha256:{}", baleine_shell::sha256::hex(&body));
            if c != got {
                return Err(format!("digest mismatch {c}: {got}"));
            }
        }
        Ok((fname, body))
    }

    /// ADD of a local archive: unpacked when it is one (baleine-shell's
    /// `tar` format, optionally gzipped, or a plain ustar archive).
    fn try_extract(&mut self, node: &Node) -> Option<Node> {
        let Node::File(f) = node else { return None };
        let Content::Bytes(b) = &f.content else { return None };
        let tree = tree_from_archive(b).or_else(|| extract_ustar(b))?;
        tree.get("/")
    }

    // ------------------------------------------------------------ steps

    /// Looks a step up in the cache, runs it on a miss, and records it.
    /// The stage takes a cache record's result: its tree, its layer (or
    /// only a history line), as a cache hit (`cached`) or as the same op
    /// already solved for another stage of this build.
    fn take_record(&mut self, st: &mut StageState, rec: &CacheRecord, created_by: &str, cached: bool) {
        st.tree = rec.tree.clone();
        let created = self.world.epoch_secs + rec.created_ms / 1000;
        match &rec.layer {
            Some((d, s)) => {
                st.layers.push((d.clone(), *s));
                st.top_layer = d.clone();
                st.created_secs = created;
                if cached {
                    self.cached_layers.push(d.clone());
                }
                st.history(created_by.to_string(), Some(*s), created);
            }
            None => st.meta_history(created_by.to_string()),
        }
    }

    fn step(&mut self, st: &mut StageState, prep: Prepared) -> Step<()> {
        let parent = st.key.clone();
        let key = sha256_hex(&format!("{parent}\n{}", prep.material));
        let position = format!("{}|{}|{}", self.position, st.index, st.step_no);
        st.step_no += 1;
        let memo = StepMemo {
            parent: parent.clone(),
            parent_desc: st.parent_desc.clone(),
            first: st.first_step,
            text: prep.raw.clone(),
            args: st.args.iter().map(|(k, v)| (k.clone(), st.getenv(k).or_else(|| v.clone()).unwrap_or_default())).collect(),
            env: split_env(&st.config.env),
            files: prep.files.clone(),
            user: st.user(),
            workdir: st.workdir(),
        };
        let no_cache = self.req.no_cache || st.ignore_cache;
        let hit = if no_cache { None } else { self.state.records.get(&key).cloned() };
        let now = self.world.now_ms;
        let suffix = if prep.buildkit_suffix { " # buildkit" } else { "" };
        let stage_name = if st.display.is_empty() { "stage-0".to_string() } else { st.display.clone() };
        let my_rank = self.stage_rank.get(st.index).copied().unwrap_or(0);
        // The same op already solved in this build for another stage: one
        // vertex, named after the stage the LLB marshalling reaches last.
        if let (Some(&(vi, rank)), Some(rec)) = (self.solved.get(&key), self.state.records.get(&key).cloned()) {
            self.take_record(st, &rec, &format!("{}{suffix}", prep.created_by), false);
            if my_rank > rank {
                if let Some(v) = self.out.vertices.get_mut(vi) {
                    if let Some(e) = v.step.and_then(|k| self.out.explain.get_mut(k)) {
                        e.name = prep.name.clone();
                    }
                    v.name = prep.name.clone();
                }
                self.solved.insert(key.clone(), (vi, my_rank));
            }
            st.last_ran = false;
            self.state.remember(&position, memo);
            st.key = key;
            st.parent_desc = prep.raw;
            st.first_step = false;
            return Ok(());
        }
        if let Some(rec) = hit {
            self.take_record(st, &rec, &format!("{}{suffix}", prep.created_by), true);
            if let Some(r) = self.state.records.get_mut(&key) {
                r.last_used_ms = now;
                r.usage_count = r.usage_count.saturating_add(1);
            }
            self.used_keys.push(key.clone());
            self.out.explain.push(Explanation { name: prep.name.clone(), cached: true, reason: "CACHED".into() });
            self.out.record.steps.push(StepRecord { name: prep.name.clone(), stage: stage_name, cached: true, reason: None, duration_ms: 0, error: None });
            let idx = self.out.explain.len() - 1;
            self.push(Vertex { name: prep.name, started: true, cached: true, ms: 0, step: Some(idx), ..Default::default() });
            st.last_ran = false;
        } else {
            let reason = self.reason(&position, &memo, no_cache, st.last_ran);
            let before = st.tree.clone();
            let result = match prep.action {
                Action::Run { argv, env, mounts, net_none } => self.exec_run(st, &argv, &env, mounts, net_none, &key),
                Action::Copy { items, dirs } => {
                    let mut tree = st.tree.clone();
                    let mut bytes = 0;
                    for (d, owner) in dirs {
                        if !tree.is_dir(&d) {
                            if let Some(Node::File(_)) | Some(Node::Symlink(_)) = tree.get(&d) {
                                let _ = tree.remove(&d);
                            }
                            let _ = tree.mkdir(&d, true);
                            if let (Some((u, g)), Some(Node::Dir(dir))) = (owner, tree.get(&d)) {
                                let meta = Meta { uid: u, gid: g, ..dir.meta.clone().unwrap_or_else(Meta::dir) };
                                let _ = tree.put(&d, Node::Dir(Arc::new(baleine_vfs::Dir { entries: dir.entries.clone(), meta: Some(meta) })), true);
                            }
                        }
                    }
                    for (path, node) in &items {
                        bytes += node.size();
                        if node.is_dir() && !tree.exists(path) {
                            let _ = tree.mkdir(path, true);
                        }
                        merge_into(&mut tree, path, node);
                    }
                    Ok(RunDone { tree, ms: jitter(&key, 25, 140) + bytes / 150_000, logs: Vec::new() })
                }
                Action::Workdir { path, owner } => {
                    let mut tree = st.tree.clone();
                    let mut p = path.clone();
                    let mut missing = Vec::new();
                    while p != "/" && !tree.is_dir(&p) {
                        missing.push(p.clone());
                        p = baleine_vfs::dirname(&p);
                    }
                    for m in missing.iter().rev() {
                        if let Some(Node::File(_)) | Some(Node::Symlink(_)) = tree.get(m) {
                            let _ = tree.remove(m);
                        }
                        let _ = tree.mkdir(m, true);
                        if let Some((u, g)) = owner {
                            let meta = Meta { uid: u, gid: g, ..Meta::dir() };
                            let _ = tree.put(m, Node::Dir(Arc::new(baleine_vfs::Dir { entries: BTreeMap::new(), meta: Some(meta) })), true);
                        }
                    }
                    Ok(RunDone { tree, ms: jitter(&key, 8, 45), logs: Vec::new() })
                }
            };
            let idx = self.out.explain.len();
            match result {
                Err(f) => {
                    self.out.explain.push(Explanation { name: prep.name.clone(), cached: false, reason: format!("{reason} (the step failed)") });
                    self.out.record.steps.push(StepRecord { name: prep.name.clone(), stage: stage_name, cached: false, reason: Some(reason), duration_ms: f.ms, error: Some(f.message.clone()) });
                    self.push(Vertex { name: prep.name, started: true, ms: f.ms, logs: f.logs, error: Some(f.message.clone()), step: Some(idx), ..Default::default() });
                    return Err(self.fail(format!("failed to solve: {}", f.message), Some(prep.lines)));
                }
                Ok(done) => {
                    let (size, changes) = layer_diff(&done.tree, &before);
                    let created = self.world.epoch_secs + (self.world.now_ms + done.ms) / 1000;
                    let layer = (changes > 0).then(|| (sha256_hex(&format!("layer:{}|{key}", st.top_layer)), size));
                    let rec = CacheRecord { id: record_id(&key), tree: done.tree.clone(), layer: layer.clone(), created_ms: self.world.now_ms + done.ms, last_used_ms: self.world.now_ms + done.ms, used_by_last: true, usage_count: 1 };
                    self.state.insert_record(key.clone(), rec);
                    self.used_keys.push(key.clone());
                    st.tree = done.tree;
                    match &layer {
                        Some((d, s)) => {
                            st.layers.push((d.clone(), *s));
                            st.top_layer = d.clone();
                            st.created_secs = created;
                            st.history(format!("{}{suffix}", prep.created_by), Some(*s), created);
                        }
                        None => st.meta_history(format!("{}{suffix}", prep.created_by)),
                    }
                    self.out.explain.push(Explanation { name: prep.name.clone(), cached: false, reason: reason.clone() });
                    self.out.record.steps.push(StepRecord { name: prep.name.clone(), stage: stage_name, cached: false, reason: Some(reason), duration_ms: done.ms, error: None });
                    self.push(Vertex { name: prep.name, started: true, ms: done.ms, logs: done.logs, step: Some(idx), ..Default::default() });
                    st.last_ran = true;
                }
            }
        }
        self.solved.insert(key.clone(), (self.out.vertices.len().saturating_sub(1), my_rank));
        self.state.remember(&position, memo);
        st.key = key;
        st.parent_desc = prep.raw;
        st.first_step = false;
        Ok(())
    }

    /// Why a step did not come from the cache, in plain English.
    fn reason(&self, position: &str, now: &StepMemo, no_cache: bool, parent_ran: bool) -> String {
        if no_cache {
            return if self.req.no_cache { "--no-cache".into() } else { "--no-cache-filter".into() };
        }
        let Some(prev) = self.state.memo.get(position) else {
            return "no previous build of this step".into();
        };
        if prev.parent != now.parent {
            if now.first {
                if prev.parent_desc != now.parent_desc {
                    return format!("base changed: was `{}`, now `{}`", prev.parent_desc, now.parent_desc);
                }
                return format!("base image changed (`{}` now gives a different image)", now.parent_desc);
            }
            return if parent_ran { "parent step was rebuilt".into() } else { "parent step changed".into() };
        }
        let mut parts = Vec::new();
        if prev.text != now.text {
            parts.push(format!("instruction changed: was `{}`, now `{}`", prev.text, now.text));
        }
        for (k, v) in &now.args {
            match prev.args.iter().find(|(pk, _)| pk == k) {
                Some((_, pv)) if pv != v => parts.push(format!("build-arg {k} changed: {} → {}", if pv.is_empty() { "(unset)" } else { pv }, if v.is_empty() { "(unset)" } else { v })),
                None => parts.push(format!("build-arg {k} is new")),
                _ => {}
            }
        }
        let mut changed = Vec::new();
        let mut added = Vec::new();
        let mut removed = Vec::new();
        for (p, d) in &now.files {
            match prev.files.get(p) {
                Some(pd) if pd != d => changed.push(p.clone()),
                None => added.push(p.clone()),
                _ => {}
            }
        }
        for p in prev.files.keys() {
            if !now.files.contains_key(p) {
                removed.push(p.clone());
            }
        }
        let list = |what: &str, v: &[String]| -> String {
            let shown: Vec<&str> = v.iter().take(5).map(String::as_str).collect();
            let more = if v.len() > 5 { format!(" (+{} more)", v.len() - 5) } else { String::new() };
            format!("{what}{}: {}{more}", if v.len() > 1 { "s" } else { "" }, shown.join(", "))
        };
        if !changed.is_empty() {
            parts.push(list("file changed", &changed).replacen("file changeds", "files changed", 1));
        }
        if !added.is_empty() {
            parts.push(list("file added", &added).replacen("file addeds", "files added", 1));
        }
        if !removed.is_empty() {
            parts.push(list("file removed", &removed).replacen("file removeds", "files removed", 1));
        }
        if parts.is_empty() {
            let envs: Vec<String> = now.env.iter().filter(|e| !prev.env.contains(e)).map(|(k, _)| k.clone()).chain(prev.env.iter().filter(|(k, _)| !now.env.iter().any(|(nk, _)| nk == k)).map(|(k, _)| k.clone())).collect();
            if !envs.is_empty() {
                parts.push(format!("ENV changed: {}", envs.join(", ")));
            }
            if prev.user != now.user {
                parts.push(format!("USER changed: was `{}`, now `{}`", prev.user, now.user));
            }
            if prev.workdir != now.workdir {
                parts.push(format!("WORKDIR changed: was `{}`, now `{}`", prev.workdir, now.workdir));
            }
        }
        if parts.is_empty() {
            return "no cache record for this step (the cache was pruned)".into();
        }
        parts.join("; ")
    }
}

/// The file tree of an archive in baleine-shell's `tar` format (optionally
/// gzipped): what ADD unpacks and `docker import` makes a layer of. Modes
/// keep their permission bits; `None` when `b` is not such an archive.
pub(crate) fn tree_from_archive(b: &[u8]) -> Option<Tree> {
    let entries = baleine_shell::utils::archive_entries(b)?;
    let mut tree = Tree::new();
    for (rel, node) in entries.into_iter().take(20_000) {
        let path = go_clean(&format!("/{rel}"));
        let _ = match node {
            Node::Dir(d) => {
                let meta = d.meta.clone().map(|m| Meta { mode: m.mode & 0o7777, ..m });
                let entries = match tree.get(&path) {
                    Some(Node::Dir(old)) => old.entries.clone(),
                    _ => Default::default(),
                };
                tree.put(&path, Node::Dir(Arc::new(baleine_vfs::Dir { entries, meta })), true)
            }
            Node::File(f) => tree.write(&path, f.content.clone(), Meta { mode: f.meta.mode & 0o7777, ..f.meta.clone() }, true),
            link => tree.put(&path, link, true),
        };
    }
    Some(tree)
}

/// A plain POSIX ustar archive (regular files and folders).
fn extract_ustar(b: &[u8]) -> Option<Tree> {
    if b.len() <= 262 || &b[257..262] != b"ustar" {
        return None;
    }
    let mut tree = Tree::new();
    let mut off = 0usize;
    let mut count = 0;
    while off + 512 <= b.len() && count < 20_000 {
        let hdr = &b[off..off + 512];
        if hdr.iter().all(|c| *c == 0) {
            break;
        }
        let field = |r: std::ops::Range<usize>| String::from_utf8_lossy(&hdr[r]).trim_end_matches('\0').to_string();
        let name = field(0..100);
        let prefix = field(345..500);
        let full = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        let octal = |r: std::ops::Range<usize>| u64::from_str_radix(String::from_utf8_lossy(&hdr[r]).trim_matches(|c: char| c == '\0' || c == ' '), 8).unwrap_or(0);
        let size = octal(124..136) as usize;
        let fmode = octal(100..108) as u32;
        let kind = hdr[156];
        let path = go_clean(&format!("/{full}"));
        off += 512;
        let end = off.saturating_add(size).min(b.len());
        match kind {
            b'5' => {
                let _ = tree.mkdir(&path, true);
            }
            b'0' | 0 => {
                let _ = tree.write(&path, Content::Bytes(Arc::new(b[off..end].to_vec())), Meta { mode: fmode & 0o7777, uid: 0, gid: 0, mtime: 0 }, true);
            }
            _ => {}
        }
        off = off.saturating_add(size.div_ceil(512) * 512);
        count += 1;
    }
    Some(tree)
}

/// Removes from a folder node what `--exclude` patterns match.
fn filter_excluded(node: &Node, prefix: &str, pm: &PatternMatcher) -> Node {
    match node {
        Node::Dir(d) => {
            let mut entries = BTreeMap::new();
            for (name, child) in &d.entries {
                let rel = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
                if pm.matches(&rel) {
                    continue;
                }
                entries.insert(name.clone(), filter_excluded(child, &rel, pm));
            }
            Node::Dir(Arc::new(baleine_vfs::Dir { entries, meta: d.meta.clone() }))
        }
        other => other.clone(),
    }
}

/// The image configuration of a HEALTHCHECK (`None`: HEALTHCHECK NONE).
fn healthcheck_config(h: Option<&baleine_dockerfile::Healthcheck>) -> Healthcheck {
    match h {
        None => Healthcheck { test: vec!["NONE".into()], ..Default::default() },
        Some(h) => Healthcheck {
            test: h.test.clone(),
            interval_ms: h.interval.unwrap_or(0) / 1_000_000,
            timeout_ms: h.timeout.unwrap_or(0) / 1_000_000,
            start_period_ms: h.start_period.unwrap_or(0) / 1_000_000,
            start_interval_ms: h.start_interval.unwrap_or(0) / 1_000_000,
            retries: h.retries.unwrap_or(0),
        },
    }
}

/// Instructions `docker commit --change` accepts (moby builder/dockerfile
/// builder.go validCommitCommands).
const COMMIT_CHANGES: &[&str] = &["cmd", "entrypoint", "healthcheck", "env", "expose", "label", "onbuild", "stopsignal", "user", "volume", "workdir"];

/// `docker commit --change`: moby's BuildFromConfig dispatches these
/// Dockerfile instructions onto the committed configuration.
pub fn apply_commit_changes(config: &mut ImageConfig, changes: &[String]) -> Result<(), String> {
    if let Some(bad) = changes.iter().map(|c| c.split_whitespace().next().unwrap_or("").to_lowercase()).find(|k| !COMMIT_CHANGES.contains(&k.as_str())) {
        return Err(format!("{bad} is not a valid change command"));
    }
    let df = baleine_dockerfile::parse(&format!("FROM scratch\n{}", changes.join("\n")));
    if let Some(d) = df.diagnostics.iter().find(|d| d.severity == baleine_dockerfile::Severity::Error) {
        return Err(d.message.clone());
    }
    let expand = |config: &ImageConfig, w: &str| -> Result<String, String> {
        let env = |k: &str| config.env.iter().find_map(|e| e.split_once('=').filter(|(n, _)| *n == k).map(|(_, v)| v.to_string()));
        baleine_dockerfile::expand::expand_word(w, &env, df.escape)
    };
    let shell = config.shell.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into()]);
    let args = |c: &ShellOrExec| match c {
        ShellOrExec::Exec(v) => v.clone(),
        ShellOrExec::Shell(s) => shell.iter().cloned().chain(std::iter::once(s.clone())).collect(),
    };
    let mut cmd_set = false;
    for ins in df.stages.iter().flat_map(|s| &s.instructions) {
        match &ins.kind {
            Instruction::Cmd(c) => {
                config.cmd = Some(args(c));
                cmd_set = true;
            }
            Instruction::Entrypoint(c) => {
                config.entrypoint = Some(args(c));
                if !cmd_set {
                    config.cmd = None;
                }
            }
            Instruction::Env(pairs) => {
                // Every pair sees the environment from before the instruction.
                let pairs = pairs.iter().map(|(k, v)| Ok((expand(config, k)?, expand(config, v)?))).collect::<Result<Vec<_>, String>>()?;
                for (k, v) in pairs {
                    config.env.retain(|e| e.split('=').next() != Some(k.as_str()));
                    config.env.push(format!("{k}={v}"));
                }
            }
            Instruction::Label(pairs) => {
                for (k, v) in pairs {
                    let (k, v) = (expand(config, k)?, expand(config, v)?);
                    config.labels.insert(k, v);
                }
            }
            Instruction::Expose(words) => {
                let words = words.iter().map(|w| expand(config, w)).collect::<Result<Vec<_>, _>>()?;
                for p in parse_ports(&words)? {
                    if !config.exposed.contains(&p) {
                        config.exposed.push(p);
                    }
                }
            }
            Instruction::User(u) => config.user = expand(config, u)?,
            Instruction::Workdir(p) => {
                let p = expand(config, p)?;
                config.workdir = go_clean(&if p.starts_with('/') { p } else { format!("{}/{p}", config.workdir) });
            }
            Instruction::Volume(paths) => {
                for p in paths {
                    let p = expand(config, p)?;
                    if !config.volumes.contains(&p) {
                        config.volumes.push(p);
                    }
                }
            }
            Instruction::Stopsignal(s) => config.stop_signal = Some(expand(config, s)?),
            Instruction::Onbuild(_) => config.onbuild.extend(ins.onbuild_expression()),
            Instruction::Healthcheck(h) => {
                config.healthcheck = Some(healthcheck_config(h.as_ref()));
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_quoting() {
        assert_eq!(go_q_list(&["node".into(), "server.js".into()]), "[\"node\" \"server.js\"]");
        assert_eq!(go_q("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(go_q_rune(3), "'\\x03'");
        assert_eq!(go_q_rune(65), "'A'");
        assert_eq!(go_q_rune(10), "'\\n'");
        assert_eq!(go_q_rune(0xd800), "'\u{fffd}'");
    }

    #[test]
    fn destinations() {
        assert_eq!(dest_path("/app", "."), "/app/");
        assert_eq!(dest_path("/app", "./"), "/app/");
        assert_eq!(dest_path("/app", "x.txt"), "/app/x.txt");
        assert_eq!(dest_path("/", "/usr/share/nginx/html/"), "/usr/share/nginx/html/");
        assert_eq!(dest_path("/", "."), "/");
    }

    #[test]
    fn baleine_tar_archives_unpack() {
        let data = b"BALEINE-GZ 1\nBALEINE-TAR 1\nD 755 0 0 0 3\napp\nF 644 0 0 0 9 2\napp/a.txt\nhi\nL 5 5\napp/l\na.txt\n";
        let t = tree_from_archive(data).unwrap();
        assert_eq!(tree_text(&t, "/app/a.txt").as_deref(), Some("hi"));
        assert!(matches!(t.get("/app/l"), Some(Node::Symlink(_))));
        assert!(tree_from_archive(b"BALEINE-TAR 1\nF 644 0 0 0 99 2\nx\n").is_none());
    }

    #[test]
    fn ports() {
        assert_eq!(parse_ports(&["80".into(), "53/UDP".into(), "8000-8001".into()]).unwrap(), vec!["80/tcp", "53/udp", "8000/tcp", "8001/tcp"]);
        assert!(parse_ports(&["abc".into()]).is_err());
        // go-connections nat.ParsePortSpec errors, as BuildKit reports them.
        assert_eq!(parse_ports(&["80/xyz".into()]), Err("invalid proto: xyz".into()));
        assert_eq!(parse_ports(&["70000".into()]), Err("invalid containerPort: 70000".into()));
        assert_eq!(parse_ports(&["/tcp".into()]), Err("no port specified: /tcp<empty>".into()));
        assert_eq!(parse_ports(&["9-8".into()]), Err("invalid containerPort: 9-8".into()));
        assert_eq!(parse_ports(&["80/".into(), "127.0.0.1:8080:80".into()]).unwrap(), vec!["80/tcp"]);
        assert_eq!(parse_ports(&["1.2.3:80".into(), "x:80:80".into()]), Err("invalid hostPort: 1.2.3".into()));
        assert_eq!(parse_ports(&["x:80:80".into()]), Err("invalid IP address: x".into()));
    }

    #[test]
    fn commit_changes() {
        let mut c = ImageConfig { env: vec!["PATH=/bin".into()], cmd: Some(vec!["sleep".into(), "1".into()]), workdir: "/app".into(), ..Default::default() };
        let changes: Vec<String> = ["ENV HOME=/root DIR=$HOME/x", "CMD echo hi", "EXPOSE 80 53/udp", "WORKDIR sub", "LABEL a=b", "USER nobody"].iter().map(|s| s.to_string()).collect();
        apply_commit_changes(&mut c, &changes).unwrap();
        assert_eq!(c.env, vec!["PATH=/bin", "HOME=/root", "DIR=/x"]);
        assert_eq!(c.cmd, Some(vec!["/bin/sh".into(), "-c".into(), "echo hi".into()]));
        assert_eq!(c.exposed, vec!["53/udp", "80/tcp"]);
        assert_eq!((c.workdir.as_str(), c.user.as_str(), c.labels.get("a").map(String::as_str)), ("/app/sub", "nobody", Some("b")));
        // ENTRYPOINT without CMD in the same changes resets CMD.
        apply_commit_changes(&mut c, &["ENTRYPOINT [\"ls\"]".to_string()]).unwrap();
        assert_eq!((c.entrypoint.clone(), c.cmd.clone()), (Some(vec!["ls".into()]), None));
        assert_eq!(apply_commit_changes(&mut c, &["RUN true".to_string()]), Err("run is not a valid change command".into()));
        assert_eq!(apply_commit_changes(&mut c, &["FROM alpine".to_string()]), Err("from is not a valid change command".into()));
    }
}

/// go-digest's `Digest.Validate` (what `digest.Parse` runs): `ALGO:HEX` with
/// an available algorithm (sha256, sha384, sha512) and its hex length.
fn check_digest(d: &str) -> Result<(), &'static str> {
    const FORMAT: &str = "invalid checksum digest format";
    let Some(i) = d.find(':').filter(|&i| i > 0 && i + 1 < d.len()) else { return Err(FORMAT) };
    let (alg, enc) = (&d[..i], &d[i + 1..]);
    let size = match alg {
        "sha256" => 32,
        "sha384" => 48,
        "sha512" => 64,
        _ => {
            // DigestRegexpAnchored: [a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+
            let alg_ok = !alg.starts_with(['.', '+', '_', '-'])
                && !alg.ends_with(['.', '+', '_', '-'])
                && !alg.as_bytes().windows(2).any(|w| b".+_-".contains(&w[0]) && b".+_-".contains(&w[1]))
                && alg.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".+_-".contains(&b));
            let enc_ok = enc.bytes().all(|b| b.is_ascii_alphanumeric() || b"=_-".contains(&b));
            return Err(if alg_ok && enc_ok { "unsupported digest algorithm" } else { FORMAT });
        }
    };
    if enc.len() != size * 2 {
        return Err("invalid checksum digest length");
    }
    if !enc.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(FORMAT);
    }
    Ok(())
}
