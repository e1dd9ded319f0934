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
use crate::components::networks::Networks;
use crate::components::tabs::Tabs;
use crate::components::terminal::Terminal;
use crate::components::volumes::Volumes;
use crate::host::HostHandle;
use crate::state::{AppAction, AppState, Cmd, Tab, Theme, TICK_MS};
use crate::storage;
use gloo_timers::callback::Interval;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Start with simulated time paused (tests).
    #[prop_or_default]
    pub paused: bool,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let host = (*use_memo((), |_| HostHandle::new())).clone();
    let paused = props.paused;
    let state = use_reducer(move || {
        let mut s = AppState::new(storage::load_history(), Theme::parse(&storage::load_theme().unwrap_or_default()));
        s.time.paused = paused;
        s
    });
    let taken = use_mut_ref(|| 0u64);
    let dispatch = state.dispatcher();
    let on_action: Callback<AppAction> = {
        let dispatch = dispatch.clone();
        Callback::from(move |a| dispatch.dispatch(a))
    };

    // First view of the machine.
    {
        let host = host.clone();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let prompt = host.prompt();
            let view = host.view();
            dispatch.dispatch(AppAction::Executed {
                upto: 0,
                results: vec![crate::state::Executed { echo: None, text: String::new(), clear: false, prompt, busy: false, status: None }],
                view: Some(Box::new(view)),
            });
        });
    }

    // Run what the reducer queued for the host, in order.
    {
        let host = host.clone();
        let dispatch = dispatch.clone();
        let state2 = state.clone();
        let taken = taken.clone();
        use_effect_with(state.last_queued(), move |_| {
            let after = *taken.borrow();
            let cmds: Vec<(u64, Cmd)> = state2.outbox.iter().filter(|(id, _)| *id > after).cloned().collect();
            if let Some((upto, _)) = cmds.last() {
                let upto = *upto;
                *taken.borrow_mut() = upto;
                let (results, view) = host.run(cmds.into_iter().map(|(_, c)| c).collect());
                dispatch.dispatch(AppAction::Executed { upto, results, view: view.map(Box::new) });
            }
        });
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
    let view_class = |t: Tab| {
        let narrow = s.tab == t;
        let wide = !t.is_panel() || s.panel == t;
        classes!("view", format!("view-{}", t.id()), narrow.then_some("show-narrow"), wide.then_some("show-wide"))
    };
    let panel = |t: Tab, body: Html| {
        html! {
            <section id={format!("view-{}", t.id())} class={classes!(view_class(t), "panel")} data-testid={format!("panel-{}", t.id())}
                role="tabpanel" aria-labelledby={format!("tab-{}", t.id())}>
                <h2 class="panel-title">{ t.label() }</h2>
                { body }
            </section>
        }
    };

    html! {
        <ContextProvider<HostHandle> context={host}>
            <div class="app">
                <a class="skip-link" href="#view-terminal">{ "Skip to the terminal" }</a>
                <Header clock_text={v.clock_text.clone()} time={s.time} has_next_event={v.next_event_ms.is_some_and(|n| n > v.clock_ms)} theme={s.theme} on_action={on_action.clone()} />
                <Tabs tab={s.tab} panel={s.panel} unseen={s.unseen.clone()} on_action={on_action.clone()} />
                <main class="main">
                    <div class="work">
                        <div id="view-terminal" class={view_class(Tab::Terminal)} role="tabpanel" aria-labelledby="tab-terminal">
                            <Terminal screen={s.screen.clone()} prompt={s.visible_prompt()} editor={s.editor.clone()} bell={s.bell} on_action={on_action.clone()} />
                        </div>
                        <div id="view-editor" class={view_class(Tab::Editor)} role="tabpanel" aria-labelledby="tab-editor">
                            <Editor files={v.files.clone()} revision={v.revision} on_action={on_action.clone()} />
                        </div>
                    </div>
                    <div class="panels">
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
        </ContextProvider<HostHandle>>
    }
}
