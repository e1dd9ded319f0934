//! The app's state and its reducer (`AppState` + `AppAction` + `impl
//! Reducible`), in the style of yew's examples. The reducer is pure: it never
//! calls the host or the browser. Commands for the host are queued in
//! [`AppState::outbox`]; the app runs them in an effect (see `app.rs` and
//! `host.rs`) and reports back with [`AppAction::Executed`].

use crate::ansi::Screen;
use crate::i18n::{Hint, Lang};
use crate::lesson::LessonRun;
use crate::session::Scenario;
use crate::line_editor::{columns, EditAction, EditEffect, LineEditor};
use baleine_host::view::{BuildView, ComposeView, ContainerView, EventView, FileView, ImageView, NetworkView, VolumeView, WorldView};
use std::ops::Deref;
use std::rc::Rc;
use yew::Reducible;

/// The host's prompt before the host answered (same as `Host::prompt()`).
pub const HOST_PROMPT: &str = "learner@baleine:~/projet$ ";
/// The host's prompt as `Host::prompt()` prints it (with colours).
pub const HOST_PROMPT_COLOURED: &str = "\x1b[1;32mlearner@baleine\x1b[0m:\x1b[1;34m~/projet\x1b[0m$ ";
/// Whether a prompt asks for a secret, whose typed text must not be shown.
pub fn is_secret_prompt(prompt: &str) -> bool {
    crate::ansi::strip(prompt).trim_end().to_ascii_lowercase().ends_with("password:")
}

/// Period of the clock timer in real milliseconds.
pub const TICK_MS: u64 = 250;

/// An `Rc` whose equality is pointer identity: props holding one compare in
/// O(1). [`ViewParts::merge`] keeps the old pointer when content is unchanged.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(v: T) -> Self {
        Shared(Rc::new(v))
    }
}
impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}
impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A command for the host, queued by the reducer (mirrors `HostCommand`,
/// which the app never needs to clone or compare). It is also the entry of a
/// session's journal (see `session.rs`), serialised as `{"line": "docker ps"}`,
/// `{"int": ""}`, `{"tick": 250}`, `{"write": {"path", "text"}}`, `{"rm": path}`,
/// `{"mkdir": path}`, `{"mv": {"from", "to"}}`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Cmd {
    #[serde(rename = "line")]
    Line(String),
    /// Ctrl+C, with the line that was being typed (echoed before the host's `^C`).
    #[serde(rename = "int")]
    Interrupt(String),
    #[serde(rename = "tick")]
    Tick(u64),
    #[serde(rename = "write")]
    WriteFile { path: String, text: String },
    #[serde(rename = "rm")]
    RemoveFile(String),
    #[serde(rename = "mkdir")]
    Mkdir(String),
    #[serde(rename = "mv")]
    Rename { from: String, to: String },
}

/// What running one [`Cmd`] produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Executed {
    /// What to echo before the output: the prompt and the typed line.
    pub echo: Option<String>,
    pub text: String,
    pub clear: bool,
    pub prompt: String,
    pub busy: bool,
    pub status: Option<i32>,
}

/// The world view split into shared parts, so that a panel re-renders only
/// when its own part changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewParts {
    pub revision: u64,
    pub clock_ms: u64,
    pub clock_text: String,
    pub next_event_ms: Option<u64>,
    pub cwd: String,
    pub images: Shared<Vec<ImageView>>,
    pub containers: Shared<Vec<ContainerView>>,
    pub networks: Shared<Vec<NetworkView>>,
    pub volumes: Shared<Vec<VolumeView>>,
    pub last_build: Shared<Option<BuildView>>,
    pub compose: Shared<Vec<ComposeView>>,
    pub events: Shared<Vec<EventView>>,
    pub files: Shared<Vec<FileView>>,
}

fn keep<T: PartialEq>(old: &Shared<T>, new: T, changed: &mut bool) -> Shared<T> {
    if *old.0 == new {
        old.clone()
    } else {
        *changed = true;
        Shared::new(new)
    }
}

impl ViewParts {
    /// The new view, reusing the old parts that did not change. Also says
    /// which panels changed.
    pub fn merge(&self, v: WorldView) -> (ViewParts, Vec<Tab>) {
        let mut changed = Vec::new();
        let mut flag = |tab: Tab, c: bool| {
            if c {
                changed.push(tab)
            }
        };
        let mut c;
        c = false;
        let images = keep(&self.images, v.images, &mut c);
        flag(Tab::Images, c);
        c = false;
        let containers = keep(&self.containers, v.containers, &mut c);
        flag(Tab::Containers, c);
        c = false;
        let networks = keep(&self.networks, v.networks, &mut c);
        flag(Tab::Networks, c);
        c = false;
        let volumes = keep(&self.volumes, v.volumes, &mut c);
        flag(Tab::Volumes, c);
        c = false;
        let last_build = keep(&self.last_build, v.last_build, &mut c);
        flag(Tab::Build, c);
        c = false;
        let compose = keep(&self.compose, v.compose, &mut c);
        flag(Tab::Compose, c);
        c = false;
        let events = keep(&self.events, v.events, &mut c);
        flag(Tab::Events, c);
        c = false;
        let files = keep(&self.files, v.files, &mut c);
        flag(Tab::Editor, c);
        (
            ViewParts {
                revision: v.revision,
                clock_ms: v.clock_ms,
                clock_text: v.clock_text,
                next_event_ms: v.next_event_ms,
                cwd: v.cwd,
                images,
                containers,
                networks,
                volumes,
                last_build,
                compose,
                events,
                files,
            },
            changed,
        )
    }
}

/// What the tab bar selects. On wide screens the terminal and the editor are
/// always visible and the tab bar picks the panel beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tab {
    Terminal,
    Editor,
    Lesson,
    Containers,
    Images,
    Build,
    Networks,
    Volumes,
    Compose,
    Events,
}

impl Tab {
    pub const ALL: [Tab; 10] = [
        Tab::Terminal,
        Tab::Editor,
        Tab::Lesson,
        Tab::Containers,
        Tab::Images,
        Tab::Build,
        Tab::Networks,
        Tab::Volumes,
        Tab::Compose,
        Tab::Events,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Terminal => "Terminal",
            Tab::Editor => "Files",
            Tab::Lesson => "Lessons",
            Tab::Containers => "Containers",
            Tab::Images => "Images",
            Tab::Build => "Build",
            Tab::Networks => "Networks",
            Tab::Volumes => "Volumes",
            Tab::Compose => "Compose",
            Tab::Events => "Events",
        }
    }

    /// Short id used in element ids and test ids.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Terminal => "terminal",
            Tab::Editor => "editor",
            Tab::Lesson => "lesson",
            Tab::Containers => "containers",
            Tab::Images => "images",
            Tab::Build => "build",
            Tab::Networks => "networks",
            Tab::Volumes => "volumes",
            Tab::Compose => "compose",
            Tab::Events => "events",
        }
    }

    /// The tab of an id ("containers"), also accepting "files" for the editor.
    pub fn from_id(id: &str) -> Option<Tab> {
        let id = id.trim().to_ascii_lowercase();
        if id == "files" {
            return Some(Tab::Editor);
        }
        Tab::ALL.into_iter().find(|t| t.id() == id)
    }

    pub fn is_panel(self) -> bool {
        !matches!(self, Tab::Terminal | Tab::Editor)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The next theme of the toggle: system → dark → light → system.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeControl {
    pub paused: bool,
    /// 1 (real time) or 10 (fast-forward).
    pub speed: u64,
}

impl Default for TimeControl {
    fn default() -> Self {
        TimeControl { paused: false, speed: 1 }
    }
}

/// A banner above the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
    /// Offer to download the save that could not be read.
    pub broken_save: bool,
}

/// What the session bar shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionInfo {
    pub name: String,
    pub names: Vec<String>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// A scenario or lesson start to reset to.
    pub has_mark: bool,
    /// The session's commands: (journal index, label).
    pub steps: Rc<Vec<(usize, String)>>,
    /// Time of the last restore by replay (ms).
    pub restore_ms: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub view: ViewParts,
    pub screen: Rc<Screen>,
    pub editor: LineEditor,
    pub prompt: String,
    pub busy: bool,
    pub last_status: Option<i32>,
    /// Commands waiting for the host, with increasing ids.
    pub outbox: Vec<(u64, Cmd)>,
    /// Whether a queued line is echoed (typed lines are, file operations are not).
    pub next_id: u64,
    /// Pending Tab completion: (request id, text before the cursor).
    pub completion: Option<(u64, String)>,
    pub time: TimeControl,
    pub tab: Tab,
    /// The panel shown beside the terminal on wide screens.
    pub panel: Tab,
    /// Panels that changed since they were last shown.
    pub unseen: Vec<Tab>,
    pub theme: Theme,
    /// Bumped on each bell (no completion, start of history).
    pub bell: u64,
    /// Terminal width in characters, for listing completions.
    pub columns: usize,
    /// Whether the host's first view arrived.
    pub loaded: bool,
    pub lang: Lang,
    /// Explanation of the last command's error (and a detail, e.g. the build step).
    pub hint: Option<(Hint, Option<String>)>,
    pub notice: Option<Notice>,
    /// A shared scenario waiting for the learner to run it.
    pub share: Option<Rc<Scenario>>,
    pub session: SessionInfo,
    /// `?embed`: the compact layout with these panels.
    pub embed: Option<Vec<Tab>>,
    /// The lesson being followed (the lesson panel lists them all when none).
    pub lesson: Option<Rc<LessonRun>>,
    /// Ids of the lessons completed in this browser.
    pub lessons_done: Rc<Vec<String>>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(Vec::new(), Theme::System)
    }
}

impl AppState {
    pub fn new(history: Vec<String>, theme: Theme) -> AppState {
        AppState {
            view: ViewParts::default(),
            screen: Rc::new(Screen::default()),
            editor: LineEditor::new(history),
            prompt: HOST_PROMPT.to_string(),
            busy: false,
            last_status: None,
            outbox: Vec::new(),
            next_id: 1,
            completion: None,
            time: TimeControl::default(),
            tab: Tab::Terminal,
            panel: Tab::Containers,
            unseen: Vec::new(),
            theme,
            bell: 0,
            columns: 80,
            loaded: false,
            lang: Lang::En,
            hint: None,
            notice: None,
            share: None,
            session: SessionInfo::default(),
            embed: None,
            lesson: None,
            lessons_done: Rc::new(Vec::new()),
        }
    }

    /// The id of the last queued command (0 when nothing was ever queued).
    pub fn last_queued(&self) -> u64 {
        self.next_id - 1
    }

    fn queue(&mut self, cmd: Cmd) {
        // Coalesce clock ticks that the host has not run yet.
        if let (Cmd::Tick(ms), Some((_, Cmd::Tick(prev)))) = (&cmd, self.outbox.last_mut()) {
            *prev += ms;
            return;
        }
        self.outbox.push((self.next_id, cmd));
        self.next_id += 1;
    }

    fn screen(&mut self) -> &mut Screen {
        Rc::make_mut(&mut self.screen)
    }

    fn edit(&mut self, action: EditAction) {
        let editor = std::mem::take(&mut self.editor);
        let (editor, effect) = editor.reduce(action);
        let shown_line = self.editor_line_for_echo(&editor);
        self.editor = editor;
        match effect {
            EditEffect::None => {}
            EditEffect::Submit(line) => self.queue(Cmd::Line(line)),
            EditEffect::ShowCandidates(c) => {
                let prompt = self.visible_prompt();
                let listing = columns(&c, self.columns);
                self.screen().feed(&format!("{prompt}{shown_line}\r\n{listing}"));
            }
            EditEffect::Bell => self.bell += 1,
            EditEffect::Cancelled(line) => self.queue(Cmd::Interrupt(line)),
        }
    }

    fn editor_line_for_echo(&self, editor: &LineEditor) -> String {
        editor.text()
    }

    /// The prompt shown before the line being typed (the host gives "" while
    /// a following command such as `docker logs -f` runs).
    pub fn visible_prompt(&self) -> String {
        self.prompt.clone()
    }

    /// Whether the host asks for a secret (the typed text is not shown).
    pub fn secret(&self) -> bool {
        is_secret_prompt(&self.prompt)
    }

    fn select(&mut self, tab: Tab) {
        self.tab = tab;
        if tab.is_panel() {
            self.panel = tab;
        }
        self.unseen.retain(|t| *t != tab);
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum AppAction {
    /// A key of the line editor.
    Edit(EditAction),
    /// Text pasted into the terminal: each complete line is run.
    Paste(String),
    /// Tab: ask the host for completions of the text before the cursor.
    RequestComplete,
    /// The host's completions for request `id`.
    Completed { id: u64, candidates: Vec<String> },
    /// Ctrl+C.
    Interrupt,
    /// Ctrl+L.
    ClearScreen,
    /// A panel button: type this command into the terminal and run it.
    TypeCommand(String),
    /// A file operation from the editor or the file tree (not echoed).
    Host(Cmd),
    /// The app ran the outbox up to id `upto`.
    Executed { upto: u64, results: Vec<Executed>, view: Option<Box<WorldView>> },
    /// The real-time clock timer fired, this many real milliseconds after the
    /// previous time (the app caps it, e.g. after the tab slept).
    TimerFired(u64),
    SetPaused(bool),
    SetSpeed(u64),
    /// Advance simulated time to the next scheduled event.
    SkipToNext,
    SelectTab(Tab),
    SetTheme(Theme),
    /// The terminal was resized to this many columns.
    SetColumns(usize),
    /// The session was replaced (restore, undo, reset): the screen shows its transcript.
    Restored { outputs: Vec<Executed>, view: Box<WorldView> },
    /// A command run from outside the terminal (the embedding page): added
    /// to the history, then shown like a typed one.
    External { line: String, results: Vec<Executed>, view: Option<Box<WorldView>> },
    SetLang(Lang),
    SetNotice(Option<Notice>),
    SetShare(Option<Rc<Scenario>>),
    SetSession(SessionInfo),
    SetEmbed(Option<Vec<Tab>>),
    SetLesson(Option<Rc<LessonRun>>),
    SetLessonsDone(Rc<Vec<String>>),
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut s = Rc::unwrap_or_clone(self);
        s.apply(action);
        Rc::new(s)
    }
}

impl AppState {
    /// The reducer proper (also usable without `Rc` in tests).
    pub fn apply(&mut self, action: AppAction) {
        match action {
            AppAction::Edit(a) => {
                self.completion = None;
                self.edit(a)
            }
            AppAction::Paste(text) => {
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                let mut parts = text.split('\n').peekable();
                while let Some(part) = parts.next() {
                    self.edit(EditAction::Insert(part.to_string()));
                    if parts.peek().is_some() {
                        self.edit(EditAction::Submit);
                    }
                }
            }
            AppAction::RequestComplete => {
                let id = self.next_id;
                self.next_id += 1;
                self.completion = Some((id, self.editor.before_cursor()));
            }
            AppAction::Completed { id, candidates } => {
                if matches!(&self.completion, Some((want, text)) if *want == id && *text == self.editor.before_cursor()) {
                    self.completion = None;
                    self.edit(EditAction::Complete(candidates));
                }
            }
            AppAction::Interrupt => {
                self.completion = None;
                self.edit(EditAction::Cancel);
            }
            AppAction::ClearScreen => self.screen().clear(),
            AppAction::TypeCommand(line) => {
                // What is being typed is kept: the command runs instead of it, as if typed.
                self.queue(Cmd::Line(line.clone()));
                let editor = std::mem::take(&mut self.editor);
                let draft = editor.text();
                let (editor, _) = editor.reduce(EditAction::KillToEnd);
                let (editor, _) = editor.reduce(EditAction::KillToStart);
                let (editor, _) = editor.reduce(EditAction::Insert(line));
                let (editor, _) = editor.reduce(EditAction::Submit);
                let (editor, _) = editor.reduce(EditAction::Insert(draft));
                self.editor = editor;
            }
            AppAction::Host(cmd) => self.queue(cmd),
            AppAction::Executed { upto, results, view } => {
                self.outbox.retain(|(id, _)| *id > upto);
                let mut built = false;
                for r in &results {
                    if let Some(echo) = r.echo.as_deref().filter(|e| e.ends_with("\r\n")) {
                        self.hint = Hint::detect(&crate::ansi::strip(&r.text)).map(|h| (h, None));
                        built |= echo.contains("docker build") || echo.contains("docker image build") || echo.contains("docker buildx build");
                    }
                }
                if built {
                    if let Some(b) = view.as_ref().and_then(|v| v.last_build.as_ref()) {
                        if self.hint.is_none() {
                            self.hint = Hint::cache_miss(b).map(|step| (Hint::CacheMiss, Some(step)));
                        }
                    }
                }
                for r in results {
                    let screen = Rc::make_mut(&mut self.screen);
                    if let Some(echo) = &r.echo {
                        screen.feed(echo);
                    }
                    if r.clear {
                        screen.clear();
                    }
                    screen.feed(&r.text);
                    self.prompt = r.prompt;
                    self.busy = r.busy;
                    if r.status.is_some() {
                        self.last_status = r.status;
                    }
                }
                if let Some(v) = view {
                    let first = !self.loaded;
                    self.loaded = true;
                    let (parts, changed) = self.view.merge(*v);
                    self.view = parts;
                    for t in changed.into_iter().filter(|_| !first) {
                        let visible = t == self.tab || t == self.panel;
                        if !visible && !self.unseen.contains(&t) {
                            self.unseen.push(t);
                        }
                    }
                }
            }
            AppAction::TimerFired(ms) => {
                if !self.time.paused && ms > 0 {
                    self.queue(Cmd::Tick(ms * self.time.speed));
                }
            }
            AppAction::SetPaused(p) => self.time.paused = p,
            AppAction::SetSpeed(x) => self.time.speed = x.clamp(1, 100),
            AppAction::SkipToNext => {
                if let Some(next) = self.view.next_event_ms {
                    if next > self.view.clock_ms {
                        self.queue(Cmd::Tick(next - self.view.clock_ms));
                    }
                }
            }
            AppAction::SelectTab(t) => self.select(t),
            AppAction::SetTheme(t) => self.theme = t,
            AppAction::SetColumns(c) => self.columns = c.clamp(20, 400),
            AppAction::Restored { outputs, view } => {
                self.outbox.clear();
                self.completion = None;
                self.hint = None;
                self.screen = Rc::new(Screen::default());
                self.prompt = HOST_PROMPT.to_string();
                self.busy = false;
                self.last_status = None;
                let screen = Rc::make_mut(&mut self.screen);
                for r in &outputs {
                    if let Some(echo) = &r.echo {
                        screen.feed(echo);
                    }
                    if r.clear {
                        screen.clear();
                    }
                    screen.feed(&r.text);
                }
                if let Some(r) = outputs.last() {
                    self.prompt = r.prompt.clone();
                    self.busy = r.busy;
                    self.last_status = outputs.iter().rev().find_map(|r| r.status);
                } else {
                    self.prompt = crate::state::HOST_PROMPT_COLOURED.to_string();
                }
                let (parts, _) = self.view.merge(*view);
                self.view = parts;
                self.loaded = true;
                self.unseen.clear();
            }
            AppAction::External { line, results, view } => {
                let editor = std::mem::take(&mut self.editor);
                let draft = editor.text();
                let (editor, _) = editor.reduce(EditAction::KillToEnd);
                let (editor, _) = editor.reduce(EditAction::KillToStart);
                let (editor, _) = editor.reduce(EditAction::Insert(line));
                let (editor, _) = editor.reduce(EditAction::Submit);
                let (editor, _) = editor.reduce(EditAction::Insert(draft));
                self.editor = editor;
                self.apply(AppAction::Executed { upto: 0, results, view });
            }
            AppAction::SetLang(l) => self.lang = l,
            AppAction::SetNotice(n) => self.notice = n,
            AppAction::SetShare(s) => self.share = s,
            AppAction::SetSession(info) => self.session = info,
            AppAction::SetEmbed(panels) => {
                if let Some(first) = panels.as_ref().and_then(|p| p.iter().find(|t| t.is_panel())) {
                    self.panel = *first;
                }
                self.embed = panels;
            }
            AppAction::SetLesson(run) => self.lesson = run,
            AppAction::SetLessonsDone(ids) => self.lessons_done = ids,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baleine_host::view::{ContainerView, ImageView};

    fn typed(s: &mut AppState, text: &str) {
        s.apply(AppAction::Edit(EditAction::Insert(text.into())));
    }

    fn ran(prompt: &str, line: &str, text: &str) -> Executed {
        Executed { echo: Some(format!("{prompt}{line}\r\n")), text: text.into(), clear: false, prompt: prompt.into(), busy: false, status: Some(0) }
    }

    #[test]
    fn submit_queues_then_execution_echoes() {
        let mut s = AppState::default();
        typed(&mut s, "echo hi");
        s.apply(AppAction::Edit(EditAction::Submit));
        assert_eq!(s.outbox, vec![(1, Cmd::Line("echo hi".into()))]);
        assert_eq!(s.screen.text(), "", "echo waits for the host");
        s.apply(AppAction::Executed { upto: 1, results: vec![ran(HOST_PROMPT, "echo hi", "hi\r\n")], view: None });
        assert!(s.outbox.is_empty());
        assert_eq!(s.screen.text(), format!("{HOST_PROMPT}echo hi\nhi"));
    }

    #[test]
    fn paste_runs_each_complete_line() {
        let mut s = AppState::default();
        s.apply(AppAction::Paste("docker ps\r\ndocker images\nls".into()));
        let cmds: Vec<&Cmd> = s.outbox.iter().map(|(_, c)| c).collect();
        assert_eq!(cmds, vec![&Cmd::Line("docker ps".into()), &Cmd::Line("docker images".into())]);
        assert_eq!(s.editor.text(), "ls");
    }

    #[test]
    fn ticks_coalesce_and_pause() {
        let mut s = AppState::default();
        s.apply(AppAction::TimerFired(TICK_MS));
        s.apply(AppAction::SetSpeed(10));
        s.apply(AppAction::TimerFired(TICK_MS));
        assert_eq!(s.outbox, vec![(1, Cmd::Tick(TICK_MS + 10 * TICK_MS))]);
        s.apply(AppAction::SetPaused(true));
        s.apply(AppAction::TimerFired(TICK_MS));
        assert_eq!(s.outbox.len(), 1);
    }

    #[test]
    fn skip_to_next_event() {
        let mut s = AppState::default();
        s.view.clock_ms = 1000;
        s.view.next_event_ms = Some(31_000);
        s.apply(AppAction::SkipToNext);
        assert_eq!(s.outbox, vec![(1, Cmd::Tick(30_000))]);
        s.view.next_event_ms = None;
        s.apply(AppAction::SkipToNext);
        assert_eq!(s.outbox.len(), 1);
    }

    #[test]
    fn interrupt_queues_the_abandoned_line() {
        let mut s = AppState::default();
        typed(&mut s, "sleep 5");
        s.apply(AppAction::Interrupt);
        assert_eq!(s.outbox, vec![(1, Cmd::Interrupt("sleep 5".into()))]);
        assert_eq!(s.editor.text(), "");
        let r = Executed { echo: Some(format!("{HOST_PROMPT}sleep 5")), text: "^C\n".into(), clear: false, prompt: HOST_PROMPT.into(), busy: false, status: Some(130) };
        s.apply(AppAction::Executed { upto: 1, results: vec![r], view: None });
        assert_eq!(s.screen.text(), format!("{HOST_PROMPT}sleep 5^C"));
        assert_eq!(s.last_status, Some(130));
    }

    #[test]
    fn secret_prompts() {
        assert!(is_secret_prompt("Password: "));
        assert!(!is_secret_prompt("Username: "));
    }

    #[test]
    fn completion_applies_only_to_unchanged_line() {
        let mut s = AppState::default();
        typed(&mut s, "docker ru");
        s.apply(AppAction::RequestComplete);
        let id = s.completion.as_ref().unwrap().0;
        s.apply(AppAction::Completed { id, candidates: vec!["run".into()] });
        assert_eq!(s.editor.text(), "docker run ");
        s.apply(AppAction::RequestComplete);
        let id = s.completion.as_ref().unwrap().0;
        typed(&mut s, "x");
        s.apply(AppAction::Completed { id, candidates: vec!["runner".into()] });
        assert_eq!(s.editor.text(), "docker run x", "stale completion ignored");
    }

    #[test]
    fn candidates_are_listed() {
        let mut s = AppState::default();
        typed(&mut s, "docker co");
        s.apply(AppAction::RequestComplete);
        let id = s.completion.as_ref().unwrap().0;
        s.apply(AppAction::Completed { id, candidates: vec!["compose".into(), "container".into()] });
        assert!(s.screen.text().ends_with("compose    container"), "{}", s.screen.text());
        assert_eq!(s.editor.text(), "docker co");
    }

    #[test]
    fn type_command_keeps_draft_and_history() {
        let mut s = AppState::default();
        typed(&mut s, "half typed");
        s.apply(AppAction::TypeCommand("docker stop web".into()));
        assert_eq!(s.outbox, vec![(1, Cmd::Line("docker stop web".into()))]);
        assert_eq!(s.editor.text(), "half typed");
        assert_eq!(s.editor.history(), &["docker stop web".to_string()]);
    }

    #[test]
    fn view_merge_keeps_unchanged_parts_and_marks_unseen() {
        let mut s = AppState::default();
        let mut v = WorldView { revision: 1, ..Default::default() };
        v.images.push(Default::default());
        s.apply(AppAction::Executed { upto: 0, results: vec![], view: Some(Box::new(v.clone())) });
        assert!(s.unseen.is_empty(), "the first view marks nothing");
        v.containers.push(ContainerView { name: "web".into(), state: "running".into(), ..Default::default() });
        s.apply(AppAction::Executed { upto: 0, results: vec![], view: Some(Box::new(v.clone())) });
        let before = s.view.clone();
        assert!(s.unseen.is_empty(), "containers is the visible panel");
        let mut v2 = v.clone();
        v2.clock_ms = 250;
        s.apply(AppAction::Executed { upto: 0, results: vec![], view: Some(Box::new(v2.clone())) });
        assert!(before.containers == s.view.containers, "same pointer when unchanged");
        v2.images.push(ImageView { id: "x".into(), ..Default::default() });
        s.apply(AppAction::Executed { upto: 0, results: vec![], view: Some(Box::new(v2)) });
        assert_eq!(s.unseen, vec![Tab::Images]);
        s.apply(AppAction::SelectTab(Tab::Images));
        assert!(s.unseen.is_empty());
        assert_eq!(s.panel, Tab::Images);
        s.apply(AppAction::SelectTab(Tab::Terminal));
        assert_eq!((s.tab, s.panel), (Tab::Terminal, Tab::Images));
    }

    #[test]
    fn clear_output_and_busy_prompt() {
        let mut s = AppState::default();
        s.apply(AppAction::Executed { upto: 0, results: vec![ran(HOST_PROMPT, "ls", "a b\r\n")], view: None });
        let mut r = ran(HOST_PROMPT, "clear", "");
        r.clear = true;
        s.apply(AppAction::Executed { upto: 0, results: vec![r], view: None });
        assert_eq!(s.screen.text(), "");
        let mut r = ran(HOST_PROMPT, "docker logs -f web", "log line\r\n");
        r.busy = true;
        r.prompt = String::new();
        s.apply(AppAction::Executed { upto: 0, results: vec![r], view: None });
        assert!(s.busy);
        assert_eq!(s.visible_prompt(), "");
    }
}
