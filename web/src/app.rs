//! The root component: owns the [`AppState`] reducer and the [`HostHandle`],
//! runs the side effects (host commands from the outbox, completions, the
//! clock timer, storage, theme) and lays out the views.

use crate::components::build::Build;
use crate::components::compose::Compose;
use crate::components::containers::Containers;
use crate::components::editor::Editor;
use crate::components::events::{day_offset, Events};
use crate::components::header::Header;
use crate::components::images::Images;
use crate::components::lesson::{LessonOp, LessonPanel};
use crate::components::networks::Networks;
use crate::components::tabs::Tabs;
use crate::components::terminal::Terminal;
use crate::components::volumes::Volumes;
use crate::components::notices::Notices;
use crate::components::session_bar::SessionBar;
use crate::host::{HostHandle, Restored};
use crate::i18n::{tr, Lang};
use crate::lesson::{self, LessonRun};
use crate::platform;
use crate::session::{self, Envelope, LoadError, Scenario};
use crate::state::{AppAction, AppState, Cmd, Notice, SessionInfo, Tab, Theme, TICK_MS};
use crate::storage;
use gloo_timers::callback::Interval;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Start with simulated time paused (tests).
    #[prop_or_default]
    pub paused: bool,
}

/// What the session bar and the banners ask of the session.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionOp {
    Undo,
    Redo,
    /// A clean machine.
    Reset,
    /// Back to the start of the scenario or lesson.
    ResetToMark,
    /// Back to the state after the first N journal entries.
    GoTo(usize),
    New(String),
    Open(String),
    Delete(String),
    Export,
    /// The text of a session file.
    Import(Result<String, String>),
    DownloadBroken,
    RunShare,
    DismissShare,
    DismissNotice,
    SetLang(Lang),
}

/// The session controller: the host, the reducer's dispatcher and the name
/// under which the session is saved.
#[derive(Clone)]
struct Ctl {
    host: HostHandle,
    dispatch: UseReducerDispatcher<AppState>,
    name: Rc<RefCell<String>>,
    lang: Rc<Cell<Lang>>,
    last_save: Rc<Cell<f64>>,
    save_failed: Rc<Cell<bool>>,
    restore_ms: Rc<Cell<Option<f64>>>,
    /// The lesson being followed (its progress is also saved with the session).
    lesson: Rc<RefCell<Option<LessonRun>>>,
    /// A `save_soon` is scheduled.
    save_pending: Rc<Cell<bool>>,
}

impl Ctl {
    fn tr(&self, en: &'static str) -> &'static str {
        tr(self.lang.get(), en)
    }

    fn notice(&self, error: bool, text: String, broken_save: bool) {
        self.dispatch.dispatch(AppAction::SetNotice(Some(Notice { error, text, broken_save })));
    }

    /// Shows a replaced session and saves it.
    fn show(&self, r: Restored) {
        self.dispatch.dispatch(AppAction::Restored { outputs: r.outputs, view: Box::new(r.view) });
        self.adopt_lesson();
        self.save();
        self.refresh();
    }

    /// Follows the lesson of the session now shown (after a restore, an
    /// undo, a reset…), or none.
    fn adopt_lesson(&self) {
        *self.lesson.borrow_mut() = self.host.lesson().and_then(|v| LessonRun::from_saved(&v));
        self.check_lesson(true);
    }

    /// Runs the current step's checks on the machine (after every command
    /// and clock tick) and moves on while steps pass; the panel is updated
    /// when anything changed (always with `force`).
    fn check_lesson(&self, force: bool) {
        let mut guard = self.lesson.borrow_mut();
        let Some(run) = guard.as_mut() else {
            if force {
                self.dispatch.dispatch(AppAction::SetLesson(None));
            }
            return;
        };
        let before = (run.progress.step, run.results.clone());
        let (results, advanced) = self.host.check_lesson(&run.lesson, &mut run.progress);
        run.results = results;
        if force || advanced || before != (run.progress.step, run.results.clone()) {
            self.dispatch.dispatch(AppAction::SetLesson(Some(Rc::new(run.clone()))));
        }
        if advanced {
            self.host.set_lesson(Some(run.to_saved()));
            let finished = run.done().then(|| run.lesson.id.clone());
            drop(guard);
            if let Some(id) = finished {
                self.mark_done(&id);
            }
            self.save();
        }
    }

    /// Remembers in this browser that a lesson was completed.
    fn mark_done(&self, id: &str) {
        let mut done = storage::load_lessons_done();
        if !done.iter().any(|d| d == id) {
            done.push(id.to_string());
            baleine_util::sort(&mut done);
            storage::save_lessons_done(&done);
        }
        self.dispatch.dispatch(AppAction::SetLessonsDone(Rc::new(done)));
    }

    /// Opens a lesson in its own session: resumed when this browser has it
    /// (same lesson), else a fresh machine with the lesson's setup.
    fn open_lesson(&self, run: LessonRun) {
        self.save();
        let lesson = run.lesson.clone();
        let name = lesson::session_name(&lesson.id);
        let saved = storage::load_session(&name).and_then(|t| session::decode(&t).ok());
        let resumable = saved.and_then(|env| env.lesson).and_then(|v| LessonRun::from_saved(&v)).is_some_and(|r| *r.lesson == *lesson);
        if resumable {
            self.load_named(&name);
        } else {
            *self.name.borrow_mut() = name.clone();
            storage::set_current_session(&name);
            let r = self.host.start_lesson(&run.lesson, run.to_saved());
            self.show(r);
        }
        self.dispatch.dispatch(AppAction::SelectTab(Tab::Lesson));
    }

    fn lesson_op(&self, op: LessonOp) {
        let edit = |f: &dyn Fn(&mut LessonRun)| {
            if let Some(run) = self.lesson.borrow_mut().as_mut() {
                f(run);
                self.host.set_lesson(Some(run.to_saved()));
                self.dispatch.dispatch(AppAction::SetLesson(Some(Rc::new(run.clone()))));
            }
            self.save();
        };
        match op {
            LessonOp::Open(id) => match lesson::find(&id) {
                Some(l) => self.open_lesson(LessonRun::new(l, None)),
                None => self.notice(true, format!("{} {id}", self.tr("No such lesson:")), false),
            },
            LessonOp::Close => {
                self.save();
                self.load_named(storage::DEFAULT_SESSION);
            }
            LessonOp::Hint => edit(&|run| {
                let _ = run.progress.reveal_hint(&run.lesson);
            }),
            LessonOp::Solution => edit(&|run| run.progress.show_solution()),
            LessonOp::Restart => {
                let run = self.lesson.borrow().as_ref().map(|r| LessonRun::new(r.lesson.clone(), r.source.clone()));
                if let Some(run) = run {
                    let r = self.host.start_lesson(&run.lesson, run.to_saved());
                    self.show(r);
                }
            }
        }
    }

    /// `?lesson=`: a built-in lesson (id or file name) or a lesson file to
    /// fetch (a teacher's own, by URL).
    fn boot_lesson(&self, key: String) {
        if !lesson::is_url(&key) {
            match lesson::find(&key) {
                Some(l) => self.open_lesson(LessonRun::new(l, None)),
                None => {
                    self.notice(true, format!("{} {key}", self.tr("No such lesson:")), false);
                    self.load_named(&storage::current_session().unwrap_or_else(|| storage::DEFAULT_SESSION.to_string()));
                }
            }
            return;
        }
        let ctl = self.clone();
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(async move {
            match platform::fetch_text(&key).await.and_then(|t| lesson::parse_fetched(&t, &key)) {
                Ok(run) => ctl.open_lesson(run),
                Err(e) => {
                    ctl.notice(true, format!("{}: {e}", ctl.tr("The lesson could not be loaded")), false);
                    ctl.load_named(storage::DEFAULT_SESSION);
                }
            }
        });
        #[cfg(not(target_arch = "wasm32"))]
        drop((ctl, key));
    }

    fn refresh(&self) {
        let (can_undo, can_redo, has_mark) = self.host.abilities();
        let name = self.name.borrow().clone();
        let mut names = storage::session_names();
        if !name.starts_with("embed-") && !names.contains(&name) {
            names.push(name.clone());
            baleine_util::sort(&mut names);
        }
        let restore_ms = self.restore_ms.get();
        self.dispatch.dispatch(AppAction::SetSession(SessionInfo { name, names, can_undo, can_redo, has_mark, steps: Rc::new(self.host.steps()), restore_ms }));
    }

    /// Saves and refreshes the session bar just after the screen is drawn:
    /// compressing the session is not on the way from Enter to the panels.
    fn save_soon(&self) {
        if self.save_pending.replace(true) {
            return;
        }
        let ctl = self.clone();
        gloo_timers::callback::Timeout::new(0, move || {
            ctl.save_pending.set(false);
            ctl.save();
            ctl.refresh();
        })
        .forget();
    }

    fn save(&self) {
        let name = self.name.borrow().clone();
        if name.is_empty() {
            return;
        }
        self.last_save.set(platform::now_ms());
        if let Err(e) = storage::save_session(&name, &self.host.envelope().to_storage()) {
            if !self.save_failed.replace(true) {
                web_log(&format!("baleine: saving the session failed: {e}"));
                self.notice(true, self.tr("The session could not be saved (storage full or disabled).").to_string(), false);
            }
        }
    }

    /// Replays a saved session; a save that cannot be read gives a clean
    /// machine and a message (never a blank page).
    fn load_named(&self, name: &str) {
        *self.name.borrow_mut() = name.to_string();
        if !name.starts_with("embed-") {
            storage::set_current_session(name);
        }
        match storage::load_session(name) {
            None => self.show(self.host.reset()),
            Some(text) => match session::decode(&text) {
                Ok(env) => {
                    let t0 = platform::now_ms();
                    let r = self.host.restore(&env);
                    let ms = platform::now_ms() - t0;
                    platform::mark("restore-ms", &format!("{ms:.1}"));
                    platform::mark("restore-commands", &env.journal.len().to_string());
                    self.dispatch.dispatch(AppAction::Restored { outputs: r.outputs, view: Box::new(r.view) });
                    self.restore_ms.set(Some(ms));
                    self.adopt_lesson();
                    self.refresh();
                }
                Err(e) => {
                    storage::stash_broken(&text);
                    let why = match e {
                        LoadError::Newer(_) => self.tr("It was saved by a newer version of baleine.").to_string(),
                        LoadError::Foreign => self.tr("It is not a baleine session.").to_string(),
                        LoadError::Corrupt(d) => format!("{} ({d}).", self.tr("It is damaged")),
                    };
                    self.notice(true, format!("{} {why}", self.tr("The saved session could not be read, so the machine starts clean.")), true);
                    self.show(self.host.reset());
                }
            },
        }
    }

    /// A scenario (URL parameters, `?scenario=`): restored if this browser
    /// already has its session, else set up on a clean machine.
    fn start_scenario(&self, sc: &Scenario, key: &str) {
        if let Some(l) = sc.lang.as_deref().and_then(Lang::parse) {
            self.set_lang(l, false);
        }
        let name = format!("embed-{key}");
        if storage::load_session(&name).is_some_and(|t| session::decode(&t).is_ok()) {
            self.load_named(&name);
            return;
        }
        *self.name.borrow_mut() = name;
        let _ = self.host.reset();
        let _ = self.host.apply_scenario(sc);
        let r = self.host.current();
        self.show(r);
    }

    fn set_lang(&self, l: Lang, remember: bool) {
        self.lang.set(l);
        if remember {
            storage::save_lang(l.code());
        }
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", l.code());
        }
        self.dispatch.dispatch(AppAction::SetLang(l));
    }

    fn op(&self, op: SessionOp, share: Option<Rc<Scenario>>) {
        match op {
            SessionOp::Undo => {
                if let Some(r) = self.host.undo(1) {
                    self.show(r);
                }
            }
            SessionOp::Redo => {
                if let Some((results, view)) = self.host.redo() {
                    self.dispatch.dispatch(AppAction::Executed { upto: 0, results, view: view.map(Box::new) });
                    self.check_lesson(false);
                    self.save();
                    self.refresh();
                }
            }
            SessionOp::Reset => self.show(self.host.reset()),
            SessionOp::ResetToMark => self.show(self.host.reset_to_mark()),
            SessionOp::GoTo(n) => self.show(self.host.go_to(n)),
            SessionOp::New(name) => {
                let name = session::clean_name(&name);
                if name.is_empty() {
                    return;
                }
                self.save();
                *self.name.borrow_mut() = name.clone();
                storage::set_current_session(&name);
                self.show(self.host.reset());
            }
            SessionOp::Open(name) => {
                self.save();
                self.load_named(&name);
            }
            SessionOp::Delete(name) => {
                storage::delete_session(&name);
                if *self.name.borrow() == name {
                    *self.name.borrow_mut() = storage::DEFAULT_SESSION.to_string();
                    storage::set_current_session(storage::DEFAULT_SESSION);
                    let n = storage::DEFAULT_SESSION.to_string();
                    self.load_named(&n);
                } else {
                    self.refresh();
                }
            }
            SessionOp::Export => {
                let name = self.name.borrow().clone();
                let file = format!("baleine-{}.json", name.replace(|c: char| !c.is_alphanumeric() && c != '-', "_"));
                platform::download(&file, &self.host.envelope().to_json_pretty(), "application/json");
            }
            SessionOp::Import(text) => {
                let parsed = text.and_then(|t| session::decode(&t).map_err(|e| match e {
                    LoadError::Newer(_) => self.tr("It was saved by a newer version of baleine.").to_string(),
                    LoadError::Foreign => self.tr("It is not a baleine session.").to_string(),
                    LoadError::Corrupt(d) => format!("{} ({d}).", self.tr("It is damaged")),
                }));
                match parsed {
                    Ok(env) => {
                        self.save();
                        let base = session::clean_name(&format!("import {}", storage::session_names().len() + 1));
                        *self.name.borrow_mut() = base.clone();
                        storage::set_current_session(&base);
                        self.show(self.host.restore(&env));
                        self.notice(false, self.tr("Session imported.").to_string(), false);
                    }
                    Err(e) => self.notice(true, format!("{}: {e}", self.tr("The imported file could not be read")), false),
                }
            }
            SessionOp::DownloadBroken => {
                if let Some(text) = storage::broken() {
                    platform::download("baleine-old-session.txt", &text, "text/plain");
                }
            }
            SessionOp::RunShare => {
                let Some(sc) = share else { return };
                self.dispatch.dispatch(AppAction::SetShare(None));
                platform::clear_hash();
                self.save();
                let name = format!("shared {}", sc.id());
                *self.name.borrow_mut() = name.clone();
                storage::set_current_session(&name);
                if let Some(l) = sc.lang.as_deref().and_then(Lang::parse) {
                    self.set_lang(l, false);
                }
                match &sc.state {
                    Some(st) => {
                        let mut env = Envelope::new(st.seed, st.epoch_secs, st.journal.clone());
                        env.mark = Some(0);
                        let r = self.host.restore(&env);
                        self.show(r);
                    }
                    None => {
                        let _ = self.host.reset();
                        let _ = self.host.apply_scenario(&sc);
                        let r = self.host.current();
                        self.show(r);
                    }
                }
                if let Some(t) = sc.panels.iter().find_map(|p| Tab::from_id(p)) {
                    self.dispatch.dispatch(AppAction::SelectTab(t));
                }
            }
            SessionOp::DismissShare => {
                platform::clear_hash();
                self.dispatch.dispatch(AppAction::SetShare(None));
            }
            SessionOp::DismissNotice => self.dispatch.dispatch(AppAction::SetNotice(None)),
            SessionOp::SetLang(l) => self.set_lang(l, true),
        }
    }

    /// The first thing the app does: choose the session from the address
    /// (shared link, scenario, embed parameters) or the saved one.
    fn boot(&self, loc: &platform::Location) {
        let query = session::parse_query(&loc.search);
        let param = |k: &str| query.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let embed = query.iter().any(|(k, _)| k == "embed");
        if embed {
            let mut panels: Vec<Tab> = param("panels").map(|p| p.split(',').filter_map(Tab::from_id).collect()).unwrap_or_default();
            if panels.is_empty() {
                panels.push(Tab::Containers);
            }
            self.dispatch.dispatch(AppAction::SetEmbed(Some(panels)));
        }
        self.dispatch.dispatch(AppAction::SetLessonsDone(Rc::new(storage::load_lessons_done())));
        if let Some(key) = param("lesson") {
            self.boot_lesson(key);
            return;
        }
        let from_query = Scenario::from_query(&query);
        if let Some(url) = param("scenario") {
            let ctl = self.clone();
            let overlay = from_query.clone();
            #[cfg(target_arch = "wasm32")]
            wasm_bindgen_futures::spawn_local(async move {
                match platform::fetch_text(&url).await.and_then(|t| Scenario::from_yaml(&t)) {
                    Ok(mut sc) => {
                        sc.commands.extend(overlay.commands.iter().cloned());
                        sc.files.extend(overlay.files.clone());
                        if overlay.lang.is_some() {
                            sc.lang = overlay.lang.clone();
                        }
                        if !overlay.panels.is_empty() {
                            sc.panels = overlay.panels.clone();
                        }
                        if let Some(t) = sc.panels.iter().find_map(|p| Tab::from_id(p)) {
                            ctl.dispatch.dispatch(AppAction::SelectTab(t));
                        }
                        let key = format!("{}-{}", Scenario { title: Some(url.clone()), ..Default::default() }.id(), sc.id());
                        ctl.start_scenario(&sc, &key);
                    }
                    Err(e) => {
                        ctl.notice(true, format!("{}: {e}", ctl.tr("The scenario could not be loaded")), false);
                        ctl.load_named(storage::DEFAULT_SESSION);
                    }
                }
            });
            #[cfg(not(target_arch = "wasm32"))]
            drop((ctl, overlay, url));
            return;
        }
        if embed || !from_query.is_empty() {
            let key = from_query.id();
            self.start_scenario(&from_query, &key);
        } else {
            let name = storage::current_session().unwrap_or_else(|| storage::DEFAULT_SESSION.to_string());
            self.load_named(&name);
        }
        if loc.hash.starts_with("#share=") {
            match Scenario::from_fragment(&loc.hash) {
                Ok(sc) => self.dispatch.dispatch(AppAction::SetShare(Some(Rc::new(sc)))),
                Err(e) => {
                    platform::clear_hash();
                    self.notice(true, format!("{}: {e}", self.tr("The shared link could not be opened")), false);
                }
            }
        }
    }
}

fn web_log(msg: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(msg));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = msg;
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let host = (*use_memo((), |_| HostHandle::new())).clone();
    let paused = props.paused;
    let loc = (*use_memo((), |_| platform::location())).clone();
    let query = session::parse_query(&loc.search);
    let url_lang = query.iter().find(|(k, _)| k == "lang").map(|(_, v)| v.clone());
    let lang0 = Lang::choose(url_lang.as_deref(), storage::load_lang().as_deref(), &loc.languages);
    let state = use_reducer(move || {
        let mut s = AppState::new(storage::load_history(), Theme::parse(&storage::load_theme().unwrap_or_default()));
        s.time.paused = paused;
        s.lang = lang0;
        s
    });
    let taken = use_mut_ref(|| 0u64);
    let dispatch = state.dispatcher();
    // Callbacks are made once (or when what they capture changes): a new
    // callback each render would make every card's props differ and
    // re-render all of them.
    let on_action: Callback<AppAction> = {
        let dispatch = dispatch.clone();
        (*use_memo((), move |_| Callback::from(move |a| dispatch.dispatch(a)))).clone()
    };
    let ctl = {
        let name = use_mut_ref(String::new);
        let lang = use_memo((), move |_| Rc::new(Cell::new(lang0)));
        let last_save = use_memo((), |_| Rc::new(Cell::new(0.0)));
        let save_failed = use_memo((), |_| Rc::new(Cell::new(false)));
        let restore_ms = use_memo((), |_| Rc::new(Cell::new(None)));
        let lesson = use_memo((), |_| Rc::new(RefCell::new(None)));
        let save_pending = use_memo((), |_| Rc::new(Cell::new(false)));
        Ctl {
            host: host.clone(),
            dispatch: dispatch.clone(),
            name,
            lang: (*lang).clone(),
            last_save: (*last_save).clone(),
            save_failed: (*save_failed).clone(),
            restore_ms: (*restore_ms).clone(),
            lesson: (*lesson).clone(),
            save_pending: (*save_pending).clone(),
        }
    };
    let on_lesson: Callback<LessonOp> = {
        let ctl = ctl.clone();
        (*use_memo((), move |_| Callback::from(move |op| ctl.lesson_op(op)))).clone()
    };
    let on_session: Callback<SessionOp> = {
        let ctl = ctl.clone();
        (*use_memo(state.share.clone(), move |share| {
            let share = share.clone();
            Callback::from(move |op| ctl.op(op, share.clone()))
        }))
        .clone()
    };

    // Start: the session from the address or the saved one.
    {
        let ctl = ctl.clone();
        let loc = loc.clone();
        use_effect_with((), move |_| {
            if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = root.set_attribute("lang", ctl.lang.get().code());
            }
            ctl.boot(&loc);
        });
    }

    // Run what the reducer queued for the host, in order; save after each command.
    {
        let host = host.clone();
        let dispatch = dispatch.clone();
        let state2 = state.clone();
        let taken = taken.clone();
        let ctl = ctl.clone();
        use_effect_with(state.last_queued(), move |_| {
            let after = *taken.borrow();
            let cmds: Vec<(u64, Cmd)> = state2.outbox.iter().filter(|(id, _)| *id > after).cloned().collect();
            if let Some((upto, _)) = cmds.last() {
                let upto = *upto;
                *taken.borrow_mut() = upto;
                let only_ticks = cmds.iter().all(|(_, c)| matches!(c, Cmd::Tick(_)));
                let (results, view) = host.run(cmds.into_iter().map(|(_, c)| c).collect());
                dispatch.dispatch(AppAction::Executed { upto, results, view: view.map(Box::new) });
                ctl.check_lesson(false);
                if !only_ticks {
                    ctl.save_soon();
                } else if platform::now_ms() - ctl.last_save.get() > 5000.0 {
                    ctl.save();
                }
            }
        });
    }

    // The embedding page's API (postMessage), only with ?embed.
    #[cfg(target_arch = "wasm32")]
    {
        let ctl = ctl.clone();
        let query = query.clone();
        let host2 = ctl.host.clone();
        use_effect_with((), move |_| crate::embed::listen(&query, move |line| {
            let (results, view) = ctl.host.run(vec![Cmd::Line(line.clone())]);
            let text: String = results.iter().map(|r| crate::ansi::strip(&r.text)).collect::<Vec<_>>().join("");
            let status = results.last().and_then(|r| r.status);
            ctl.dispatch.dispatch(AppAction::External { line, results, view: view.map(Box::new) });
            ctl.check_lesson(false);
            ctl.save();
            ctl.refresh();
            (text, status)
        }, move || {
            let mut summary = session::summary(&host2.view(), host2.steps().len());
            summary.lesson = host2.lesson().and_then(|v| LessonRun::from_saved(&v)).map(|r| r.summary());
            summary
        }));
    }

    // Tab completion.
    {
        let host = host.clone();
        let dispatch = dispatch.clone();
        use_effect_with(state.completion.clone(), move |req| {
            if let Some((id, text)) = req {
                let candidates = host.complete(text);
                dispatch.dispatch(AppAction::Completed { id: *id, candidates });
            }
        });
    }

    // The clock: simulated time flows with real time.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let last = std::cell::Cell::new(js_sys::Date::now());
            let interval = Interval::new(TICK_MS as u32, move || {
                let now = js_sys::Date::now();
                // A throttled or sleeping tab catches up, but by 2 s at most.
                let elapsed = (now - last.replace(now)).clamp(0.0, 2000.0) as u64;
                dispatch.dispatch(AppAction::TimerFired(elapsed));
            });
            move || drop(interval)
        });
    }

    // History survives reloads.
    {
        let history = state.editor.history_rc();
        let key = (history.len(), history.last().cloned());
        use_effect_with(key, move |(len, _)| {
            if *len > 0 {
                storage::save_history(&history);
            }
        });
    }

    // Theme on <html data-theme>, remembered.
    use_effect_with(state.theme, |theme| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = match theme {
                Theme::System => root.remove_attribute("data-theme"),
                t => root.set_attribute("data-theme", t.as_str()),
            };
        }
        storage::save_theme(theme.as_str());
    });

    let s = &*state;
    let v = &s.view;
    let lang = s.lang;
    let embed = s.embed.clone();
    // In the compact layout, only the chosen panels (and the editor if chosen).
    let shown = |t: Tab| match &embed {
        None => true,
        Some(list) => t == Tab::Terminal || list.contains(&t),
    };
    let view_class = |t: Tab| {
        let narrow = s.tab == t;
        let wide = !t.is_panel() || s.panel == t;
        classes!("view", format!("view-{}", t.id()), narrow.then_some("show-narrow"), wide.then_some("show-wide"))
    };
    let panel = |t: Tab, body: Html| {
        if !shown(t) {
            return html! {};
        }
        html! {
            <section id={format!("view-{}", t.id())} class={classes!(view_class(t), "panel")} data-testid={format!("panel-{}", t.id())}
                role="tabpanel" aria-labelledby={format!("tab-{}", t.id())}>
                <h2 class="panel-title">{ tr(lang, t.label()) }</h2>
                { body }
            </section>
        }
    };
    let tabs: Vec<Tab> = Tab::ALL.into_iter().filter(|t| shown(*t)).collect();
    let show_editor = shown(Tab::Editor);
    let single_panel = embed.as_ref().is_some_and(|l| l.iter().filter(|t| t.is_panel()).count() <= 1);

    html! {
        <ContextProvider<HostHandle> context={host}>
        <ContextProvider<Lang> context={lang}>
            <div class={classes!("app", embed.is_some().then_some("embed"), (!show_editor).then_some("no-editor"))} data-lang={lang.code()}>
                <a class="skip-link" href="#view-terminal">{ tr(lang, "Skip to the terminal") }</a>
                <div class="chrome">
                    if embed.is_none() {
                        <Header clock_text={v.clock_text.clone()} time={s.time} has_next_event={v.next_event_ms.is_some_and(|n| n > v.clock_ms)} theme={s.theme} on_action={on_action.clone()} />
                    }
                    <SessionBar info={s.session.clone()} lang={lang} panel={s.panel.id().to_string()} on_session={on_session.clone()} compact={embed.is_some()} />
                    <Notices notice={s.notice.clone()} share={s.share.clone()} lang={lang} on_session={on_session.clone()} />
                </div>
                if !(embed.is_some() && single_panel) {
                    <Tabs tab={s.tab} panel={s.panel} unseen={s.unseen.clone()} on_action={on_action.clone()} tabs={tabs} />
                }
                <main class="main">
                    <div class="work">
                        <div id="view-terminal" class={view_class(Tab::Terminal)} role="tabpanel" aria-labelledby="tab-terminal">
                            <Terminal screen={s.screen.clone()} prompt={s.visible_prompt()} editor={s.editor.clone()} bell={s.bell} on_action={on_action.clone()} hint={s.hint.clone()} />
                        </div>
                        if show_editor {
                            <div id="view-editor" class={view_class(Tab::Editor)} role="tabpanel" aria-labelledby="tab-editor">
                                <Editor files={v.files.clone()} revision={v.revision} on_action={on_action.clone()} />
                            </div>
                        }
                    </div>
                    <div class="panels">
                        { panel(Tab::Lesson, html! { <LessonPanel run={s.lesson.clone()} done={s.lessons_done.clone()} on_lesson={on_lesson.clone()} on_action={on_action.clone()} /> }) }
                        { panel(Tab::Containers, html! { <Containers containers={v.containers.clone()} on_action={on_action.clone()} /> }) }
                        { panel(Tab::Images, html! { <Images images={v.images.clone()} /> }) }
                        { panel(Tab::Build, html! { <Build build={v.last_build.clone()} /> }) }
                        { panel(Tab::Networks, html! { <Networks networks={v.networks.clone()} containers={v.containers.clone()} /> }) }
                        { panel(Tab::Volumes, html! { <Volumes volumes={v.volumes.clone()} /> }) }
                        { panel(Tab::Compose, html! { <Compose compose={v.compose.clone()} clock_ms={v.clock_ms} /> }) }
                        { panel(Tab::Events, html! { <Events events={v.events.clone()} offset_ms={day_offset(v.clock_ms, &v.clock_text)} /> }) }
                    </div>
                </main>
            </div>
        </ContextProvider<Lang>>
        </ContextProvider<HostHandle>>
    }
}
