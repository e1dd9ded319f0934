//! Sessions, pure and natively tested.
//!
//! The engine is deterministic, so a session is the seed of the machine
//! plus the journal of every [`Cmd`] sent to the host (typed lines, Ctrl+C,
//! file edits, clock ticks). Saving stores the journal; restoring replays
//! it; undo replays all but the last command(s).
//!
//! * [`Envelope`]: the versioned save format `{format: "baleine-session",
//!   version: 1, seed, epoch_secs, journal: [...]}` and its decoding, which
//!   refuses a foreign or newer save with a reason instead of failing.
//! * [`Journal`]: the journal with its transcript; consecutive clock ticks
//!   are merged (when no command follows output, so replay is exact).
//! * [`Scenario`]: files to create, commands to pre-run, panels to show:
//!   the teacher's scenario file (YAML), URL parameters and share links.
//! * [`summary`]: the state summary the embedding page can read.

use crate::lz;
use crate::state::{Cmd, Executed};
use baleine_host::view::WorldView;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "baleine-session";
pub const VERSION: u32 = 1;
/// Prefix of an LZ-compressed save in localStorage.
pub const LZ_PREFIX: &str = "lz1:";
/// Largest save or scenario text accepted (characters, once decompressed).
pub const MAX_TEXT: usize = 8 * 1024 * 1024;

/// A saved session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    /// Release of the app that wrote it (informative).
    #[serde(default)]
    pub app: String,
    pub seed: u64,
    pub epoch_secs: u64,
    /// The machine had the course's example projects.
    #[serde(default = "yes")]
    pub examples: bool,
    pub journal: Vec<Cmd>,
    /// Journal length where the current scenario or lesson starts ("reset to
    /// the start of the lesson" truncates there; undo stops there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<usize>,
    /// Lesson progress (opaque to the session: the lesson module's data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<serde_json::Value>,
    /// Panels the scenario asked for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub panels: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Envelope {
    pub fn new(seed: u64, epoch_secs: u64, journal: Vec<Cmd>) -> Envelope {
        Envelope { format: FORMAT.into(), version: VERSION, app: env!("CARGO_PKG_VERSION").into(), seed, epoch_secs, examples: true, journal, mark: None, lesson: None, panels: Vec::new() }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The compact form kept in localStorage.
    pub fn to_storage(&self) -> String {
        format!("{LZ_PREFIX}{}", lz::compress_uri(&self.to_json()))
    }
}

/// Why a save could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, not decompressible, or not the expected shape.
    Corrupt(String),
    /// JSON, but not a baleine session.
    Foreign,
    /// Written by a newer release, in a format this one does not know.
    Newer(u32),
}

/// Decodes a save (compressed or plain JSON).
pub fn decode(text: &str) -> Result<Envelope, LoadError> {
    let text = text.trim();
    let json = if let Some(rest) = text.strip_prefix(LZ_PREFIX) {
        lz::decompress_uri(rest).ok_or_else(|| LoadError::Corrupt("the compressed data is damaged".into()))?
    } else {
        text.to_string()
    };
    if json.len() > MAX_TEXT {
        return Err(LoadError::Corrupt("the save is too large".into()));
    }
    // The header first: what the save is, before its shape.
    #[derive(Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let header: Header = match serde_json::from_str(&json) {
        Ok(h) => h,
        // Valid JSON but not an object (or a wrong shape): not ours.
        Err(e) if e.is_data() => return Err(LoadError::Foreign),
        Err(e) => return Err(LoadError::Corrupt(format!("not JSON ({e})"))),
    };
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(LoadError::Foreign);
    }
    match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == VERSION as u64 => {}
        Some(v) if v > VERSION as u64 => return Err(LoadError::Newer(v.min(u32::MAX as u64) as u32)),
        _ => return Err(LoadError::Corrupt("unknown version".into())),
    }
    let env: Envelope = serde_json::from_str(&json).map_err(|e| LoadError::Corrupt(e.to_string()))?;
    if let Some(m) = env.mark {
        if m > env.journal.len() {
            return Err(LoadError::Corrupt("mark past the end of the journal".into()));
        }
    }
    Ok(env)
}

/// The journal and what each entry printed (the terminal's transcript, to
/// rebuild the screen after undo without replaying).
#[derive(Clone, Debug, Default)]
pub struct Journal {
    pub entries: Vec<Cmd>,
    pub outputs: Vec<Executed>,
    /// The last entry is a tick that began while nothing followed output.
    merge_tail: bool,
}

impl Journal {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Records a command that ran. `following`: a command held the terminal
    /// (logs -f, attached up) when it ran; ticks are only merged otherwise,
    /// where `advance(a); advance(b)` equals `advance(a + b)`.
    pub fn push(&mut self, cmd: Cmd, following: bool, out: Executed) {
        if let Cmd::Tick(ms) = cmd {
            if !following && self.merge_tail {
                if let (Some(Cmd::Tick(prev)), Some(last)) = (self.entries.last_mut(), self.outputs.last_mut()) {
                    *prev += ms;
                    last.text.push_str(&out.text);
                    last.prompt = out.prompt;
                    last.busy = out.busy;
                    last.status = out.status.or(last.status);
                    return;
                }
            }
            self.merge_tail = !following;
        } else {
            self.merge_tail = false;
        }
        self.entries.push(cmd);
        self.outputs.push(out);
    }

    /// Appends an entry as it is (no merging): a transcript kept from before.
    pub fn push_raw(&mut self, cmd: Cmd, out: Executed) {
        self.entries.push(cmd);
        self.outputs.push(out);
        self.merge_tail = false;
    }

    pub fn truncate(&mut self, len: usize) {
        self.entries.truncate(len);
        self.outputs.truncate(len);
        self.merge_tail = false;
    }

    /// Journal length after undoing `steps` commands (clock ticks do not
    /// count as commands), never before `floor`; `None` if nothing to undo.
    pub fn undo_target(&self, steps: usize, floor: usize) -> Option<usize> {
        let mut left = steps.max(1);
        let mut i = self.entries.len();
        let mut target = None;
        while i > floor {
            i -= 1;
            if !matches!(self.entries[i], Cmd::Tick(_)) {
                target = Some(i);
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
        target
    }

    /// The commands of the session, for the history list: (journal index, label).
    pub fn steps(&self) -> Vec<(usize, String)> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Cmd::Line(l) => Some((i, l.clone())),
                Cmd::Interrupt(l) => Some((i, format!("{l}^C"))),
                Cmd::WriteFile { path, .. } => Some((i, format!("✎ {path}"))),
                Cmd::RemoveFile(p) => Some((i, format!("✗ {p}"))),
                Cmd::Mkdir(p) => Some((i, format!("+ {p}/"))),
                Cmd::Rename { from, to } => Some((i, format!("{from} → {to}"))),
                Cmd::Tick(_) => None,
            })
            .collect()
    }
}

/// A teacher's scenario: files to create, commands to pre-run, panels to
/// show. Read from YAML (`?scenario=file.yaml`), JSON (share links) or URL
/// parameters. See docs/classroom.md.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Path (relative to ~/projet, or absolute) → text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, String>,
    /// Commands run in order, as if typed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commands: Vec<String>,
    /// Panels shown (embed) or selected: containers, images, build, networks, volumes, compose, events, editor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub panels: Vec<String>,
    /// "fr" or "en".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The exact state reached: a whole session journal (share links "with state").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<SharedState>,
}

/// The state part of a share link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedState {
    pub seed: u64,
    pub epoch_secs: u64,
    pub journal: Vec<Cmd>,
}

/// Limits of a scenario (a hostile link must not freeze the page).
pub const MAX_SCENARIO_FILES: usize = 200;
pub const MAX_SCENARIO_COMMANDS: usize = 500;

impl Scenario {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.commands.is_empty() && self.state.is_none()
    }

    /// Checks the limits and the file paths.
    pub fn validate(&self) -> Result<(), String> {
        if self.files.len() > MAX_SCENARIO_FILES {
            return Err(format!("too many files ({} > {MAX_SCENARIO_FILES})", self.files.len()));
        }
        if self.commands.len() > MAX_SCENARIO_COMMANDS {
            return Err(format!("too many commands ({} > {MAX_SCENARIO_COMMANDS})", self.commands.len()));
        }
        for p in self.files.keys() {
            if p.trim().is_empty() || p.ends_with('/') || p.contains('\0') {
                return Err(format!("invalid file path {p:?}"));
            }
        }
        if let Some(s) = &self.state {
            if s.journal.len() > 200_000 {
                return Err("the shared state is too long".into());
            }
        }
        Ok(())
    }

    /// Parses a scenario file (YAML; JSON is YAML too). The `state` of
    /// share links is not accepted there.
    pub fn from_yaml(text: &str) -> Result<Scenario, String> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            #[serde(default)]
            title: Option<String>,
            #[serde(default)]
            files: BTreeMap<String, String>,
            #[serde(default)]
            commands: Vec<String>,
            #[serde(default)]
            panels: Vec<String>,
            #[serde(default)]
            lang: Option<String>,
        }
        if text.len() > MAX_TEXT {
            return Err("the scenario is too large".into());
        }
        let f: File = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let s = Scenario { title: f.title, files: f.files, commands: f.commands, panels: f.panels, lang: f.lang, state: None };
        s.validate()?;
        Ok(s)
    }

    /// The fragment of a share link: `share=` + LZ-string of the JSON.
    pub fn to_fragment(&self) -> String {
        format!("share={}", lz::compress_uri(&serde_json::to_string(self).unwrap_or_default()))
    }

    /// Reads a share fragment (with or without the leading `#`).
    pub fn from_fragment(fragment: &str) -> Result<Scenario, String> {
        let f = fragment.trim_start_matches('#');
        let data = f.strip_prefix("share=").ok_or("not a share link")?;
        let json = lz::decompress_uri(data).ok_or("the link is damaged or incomplete (was it cut when copied?)")?;
        let s: Scenario = serde_json::from_str(&json).map_err(|e| format!("the link's content is not a scenario ({e})"))?;
        s.validate()?;
        Ok(s)
    }

    /// Applies URL parameters (`file=PATH:TEXT`, `run=CMD`, `panels=a,b`, `lang=fr`).
    pub fn from_query(pairs: &[(String, String)]) -> Scenario {
        let mut s = Scenario::default();
        for (k, v) in pairs {
            match k.as_str() {
                "file" => {
                    if let Some((p, t)) = v.split_once(':') {
                        if !p.trim().is_empty() {
                            s.files.insert(p.trim().to_string(), t.to_string());
                        }
                    }
                }
                "run" if !v.trim().is_empty() => s.commands.push(v.clone()),
                "panels" => s.panels.extend(v.split(',').map(|p| p.trim().to_ascii_lowercase()).filter(|p| !p.is_empty())),
                "lang" => s.lang = Some(v.clone()),
                _ => {}
            }
        }
        s
    }

    /// The commands that set the machine up (files first, then the commands).
    pub fn setup_commands(&self) -> Vec<Cmd> {
        let mut v: Vec<Cmd> = self.files.iter().map(|(p, t)| Cmd::WriteFile { path: p.clone(), text: t.clone() }).collect();
        v.extend(self.commands.iter().map(|c| Cmd::Line(c.clone())));
        v
    }

    /// A short stable id (for the session name of an embedded scenario).
    pub fn id(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        // FNV-1a, 32 bits.
        let mut h: u32 = 0x811c9dc5;
        for b in json.bytes() {
            h ^= b as u32;
            h = h.wrapping_mul(0x01000193);
        }
        format!("{h:08x}")
    }
}

/// Parses a query string (`?a=b&c`) into decoded pairs.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// Decodes `%XX` and `+` (form encoding); invalid sequences stay as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What the embedding page can read (`{type: "baleine:state"}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub containers: Vec<ContainerSummary>,
    pub images: Vec<String>,
    pub networks: Vec<String>,
    pub volumes: Vec<String>,
    pub cwd: String,
    pub files: Vec<String>,
    pub commands: usize,
    /// The lesson followed in this session, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lesson: Option<crate::lesson::LessonSummary>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ContainerSummary {
    pub name: String,
    pub state: String,
    pub image: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<String>,
}

pub fn summary(view: &WorldView, commands: usize) -> Summary {
    Summary {
        containers: view.containers.iter().map(|c| ContainerSummary { name: c.name.clone(), state: c.state.clone(), image: c.image.clone(), health: c.health.clone() }).collect(),
        images: view.images.iter().flat_map(|i| if i.tags.is_empty() { vec![format!("<none>@{}", i.short_id)] } else { i.tags.clone() }).collect(),
        networks: view.networks.iter().map(|n| n.name.clone()).collect(),
        volumes: view.volumes.iter().map(|v| v.name.clone()).collect(),
        cwd: view.cwd.clone(),
        files: view.files.iter().filter(|f| !f.is_dir).map(|f| f.path.clone()).collect(),
        commands,
        lesson: None,
    }
}

/// A session name as typed by the learner: trimmed, at most 40 characters,
/// no control characters; empty when nothing is left.
pub fn clean_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(text: &str) -> Executed {
        Executed { echo: None, text: text.into(), clear: false, prompt: "$ ".into(), busy: false, status: None }
    }

    #[test]
    fn envelope_round_trip_plain_and_compressed() {
        let mut e = Envelope::new(7, 1000, vec![Cmd::Line("docker ps".into()), Cmd::Tick(250), Cmd::WriteFile { path: "a.txt".into(), text: "<img src=x onerror=alert(1)>".into() }]);
        e.mark = Some(1);
        assert_eq!(decode(&e.to_json()).unwrap(), e);
        assert_eq!(decode(&e.to_json_pretty()).unwrap(), e);
        let s = e.to_storage();
        assert!(s.starts_with(LZ_PREFIX));
        assert_eq!(decode(&s).unwrap(), e);
        assert!(e.to_json().contains("{\"line\":\"docker ps\"}"), "{}", e.to_json());
        assert!(e.to_json().contains("{\"tick\":250}"));
    }

    #[test]
    fn bad_saves_are_refused_with_a_reason() {
        assert!(matches!(decode("not json"), Err(LoadError::Corrupt(_))));
        assert!(matches!(decode("lz1:!!!!"), Err(LoadError::Corrupt(_))));
        assert!(matches!(decode("{\"hello\":1}"), Err(LoadError::Foreign)));
        assert!(matches!(decode("[1,2]"), Err(LoadError::Foreign)));
        assert!(matches!(decode("{\"format\":\"baleine-session\",\"version\":9,\"journal\":[]}"), Err(LoadError::Newer(9))));
        assert!(matches!(decode("{\"format\":\"baleine-session\",\"version\":1,\"seed\":1}"), Err(LoadError::Corrupt(_))));
        assert!(matches!(decode("{\"format\":\"baleine-session\",\"version\":1,\"seed\":1,\"epoch_secs\":0,\"journal\":[{\"bogus\":1}]}"), Err(LoadError::Corrupt(_))));
        assert!(matches!(decode("{\"format\":\"baleine-session\",\"version\":1,\"seed\":1,\"epoch_secs\":0,\"journal\":[],\"mark\":3}"), Err(LoadError::Corrupt(_))));
    }

    #[test]
    fn ticks_merge_only_when_nothing_follows_output() {
        let mut j = Journal::default();
        j.push(Cmd::Tick(250), false, ex(""));
        j.push(Cmd::Tick(250), false, ex(""));
        assert_eq!(j.entries, vec![Cmd::Tick(500)]);
        j.push(Cmd::Line("docker logs -f web".into()), false, ex("log\n"));
        j.push(Cmd::Tick(250), true, ex("a\n"));
        j.push(Cmd::Tick(250), true, ex("b\n"));
        assert_eq!(j.len(), 4, "ticks while following stay apart");
        j.push(Cmd::Interrupt(String::new()), true, ex("^C"));
        j.push(Cmd::Tick(100), false, ex(""));
        j.push(Cmd::Tick(100), false, ex("x"));
        assert_eq!(j.entries.last(), Some(&Cmd::Tick(200)));
        assert_eq!(j.outputs.last().unwrap().text, "x");
        assert_eq!(j.entries.len(), j.outputs.len());
    }

    #[test]
    fn undo_targets_skip_ticks_and_stop_at_the_mark() {
        let mut j = Journal::default();
        for c in [Cmd::Line("a".into()), Cmd::Tick(1), Cmd::Line("b".into()), Cmd::Tick(1), Cmd::WriteFile { path: "f".into(), text: String::new() }, Cmd::Tick(5)] {
            j.push(c, false, ex(""));
        }
        assert_eq!(j.undo_target(1, 0), Some(4));
        assert_eq!(j.undo_target(2, 0), Some(2));
        assert_eq!(j.undo_target(3, 0), Some(0));
        assert_eq!(j.undo_target(9, 0), Some(0));
        assert_eq!(j.undo_target(9, 2), Some(2));
        assert_eq!(j.undo_target(1, 5), None);
        assert_eq!(j.steps().iter().map(|s| s.0).collect::<Vec<_>>(), vec![0, 2, 4]);
    }

    #[test]
    fn scenarios_from_yaml_links_and_query() {
        let y = "title: Two containers\nfiles:\n  compose.yaml: |\n    services:\n      web:\n        image: nginx\ncommands:\n  - docker compose up -d\npanels: [containers, networks]\nlang: fr\n";
        let s = Scenario::from_yaml(y).unwrap();
        assert_eq!(s.files["compose.yaml"], "services:\n  web:\n    image: nginx\n");
        assert_eq!(s.commands, vec!["docker compose up -d"]);
        assert_eq!(s.setup_commands().len(), 2);
        assert!(Scenario::from_yaml("files: 3").is_err());
        assert!(Scenario::from_yaml("unknown_key: 1").is_err());
        let frag = s.to_fragment();
        assert_eq!(Scenario::from_fragment(&format!("#{frag}")).unwrap(), s);
        for bad in ["#share=", "#share=%%%", "#share=BYUwNmD2Q", "#other", &frag[..frag.len() / 2]] {
            assert!(Scenario::from_fragment(bad).is_err(), "{bad}");
        }
        let q = parse_query("?embed&run=docker%20ps&run=ls+-l&file=notes.txt:hello%20world&panels=containers,Networks&lang=fr&x=%zz");
        let s = Scenario::from_query(&q);
        assert_eq!(s.commands, vec!["docker ps", "ls -l"]);
        assert_eq!(s.files["notes.txt"], "hello world");
        assert_eq!(s.panels, vec!["containers", "networks"]);
        assert_eq!(s.lang.as_deref(), Some("fr"));
        assert_eq!(q.last().unwrap().1, "%zz");
        assert_eq!(q[0], ("embed".to_string(), String::new()));
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  TP 1\n "), "TP 1");
        assert_eq!(clean_name(&"x".repeat(100)).len(), 40);
    }
}
