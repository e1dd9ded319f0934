//! The session bar: undo / redo, reset (clean machine or start of the
//! lesson), the language switch, and the session menu (named sessions,
//! history, export / import, share links).

use crate::app::SessionOp;
use crate::host::HostHandle;
use crate::i18n::{tr, Lang};
use crate::platform;
use crate::session::{Scenario, SharedState};
use crate::state::SessionInfo;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SessionBarProps {
    pub info: SessionInfo,
    pub lang: Lang,
    /// The panel shown (kept in share links).
    pub panel: String,
    pub on_session: Callback<SessionOp>,
    /// Compact (embed): undo and reset only.
    #[prop_or_default]
    pub compact: bool,
}

/// Builds the two share links of the current session.
fn share_links(host: &HostHandle, panel: &str) -> (String, String) {
    let base = platform::location().base;
    let view = host.view();
    let mut sc = Scenario { commands: host.typed_lines(), panels: vec![panel.to_string()], ..Default::default() };
    for f in view.files.iter().filter(|f| !f.is_dir && f.size < 64 * 1024) {
        if let Some(text) = host.read_file(&f.path) {
            sc.files.insert(f.path.clone(), text);
        }
    }
    let env = host.envelope();
    let state = Scenario { state: Some(SharedState { seed: env.seed, epoch_secs: env.epoch_secs, journal: env.journal }), panels: vec![panel.to_string()], ..Default::default() };
    (format!("{base}#{}", sc.to_fragment()), format!("{base}#{}", state.to_fragment()))
}

/// Closes the open menus of the session bar, except `keep`.
fn close_menus<E: AsRef<web_sys::Event>>(e: &E, keep: Option<web_sys::Element>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let _ = e;
    if let Ok(list) = doc.query_selector_all(".session-bar details[open]") {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
                if keep.as_ref() != Some(&el) {
                    let _ = el.remove_attribute("open");
                }
            }
        }
    }
}

#[function_component(SessionBar)]
pub fn session_bar(props: &SessionBarProps) -> Html {
    let host = use_context::<HostHandle>().expect("host context");
    let lang = props.lang;
    let t = |en: &'static str| tr(lang, en);
    let links = use_state(|| None::<(String, String)>);
    let new_name = use_node_ref();
    let emit = |op: SessionOp| {
        let cb = props.on_session.clone();
        Callback::from(move |e: MouseEvent| {
            close_menus(&e, None);
            cb.emit(op.clone())
        })
    };
    // Opening a menu closes the other one.
    let ontoggle = Callback::from(|e: Event| {
        let Some(el) = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) else { return };
        if el.has_attribute("open") {
            close_menus(&e, Some(el));
        }
    });
    let info = &props.info;

    let on_share = {
        let links = links.clone();
        let host = host.clone();
        let panel = props.panel.clone();
        Callback::from(move |_: MouseEvent| links.set(Some(share_links(&host, &panel))))
    };
    let on_create = {
        let cb = props.on_session.clone();
        let new_name = new_name.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            close_menus(&e, None);
            if let Some(input) = new_name.cast::<HtmlInputElement>() {
                cb.emit(SessionOp::New(input.value()));
                input.set_value("");
            }
        })
    };
    let on_import = {
        let cb = props.on_session.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let cb = cb.clone();
            #[cfg(target_arch = "wasm32")]
            wasm_bindgen_futures::spawn_local(async move {
                let r = platform::read_file(input.clone()).await;
                input.set_value("");
                cb.emit(SessionOp::Import(r));
            });
            #[cfg(not(target_arch = "wasm32"))]
            drop((input, cb));
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    let reset_menu = html! {
        <details class="menu" data-testid="reset-menu" ontoggle={ontoggle.clone()}>
            <summary>{ "⟲ " }{ t("Reset") }</summary>
            <div class="menu-body">
                <button onclick={emit(SessionOp::Reset)} data-testid="reset-clean" title={t("Reset to a clean machine")}>{ t("Clean machine") }</button>
                <button onclick={emit(SessionOp::ResetToMark)} data-testid="reset-mark" disabled={!info.has_mark} title={t("Back to the start of the lesson")}>{ t("Start of the lesson") }</button>
            </div>
        </details>
    };
    let undo_redo = html! {
        <>
            <button onclick={emit(SessionOp::Undo)} disabled={!info.can_undo} data-testid="undo" title={t("Undo the last command")} aria-label={t("Undo the last command")}>
                { "↶" }<span class="lbl">{ " " }{ t("Undo") }</span>
            </button>
            <button onclick={emit(SessionOp::Redo)} disabled={!info.can_redo} data-testid="redo" title={t("Redo the command undone")} aria-label={t("Redo the command undone")}>
                { "↷" }<span class="lbl">{ " " }{ t("Redo") }</span>
            </button>
        </>
    };
    let lang_button = html! {
        <button class="lang" onclick={emit(SessionOp::SetLang(lang.other()))} data-testid="lang-toggle" title={t("Language")} aria-label={format!("{}: {}", t("Language"), lang.other().code())} lang={lang.other().code()}>
            { if lang == Lang::En { "FR" } else { "EN" } }
        </button>
    };
    if props.compact {
        return html! { <div class="session-bar compact" data-testid="session-bar">{ undo_redo }{ reset_menu }{ lang_button }</div> };
    }
    html! {
        <div class="session-bar" data-testid="session-bar" role="group" aria-label={t("Session")}>
            { undo_redo }
            { reset_menu }
            <details class="menu sessions" data-testid="session-menu" {ontoggle}>
                <summary>{ t("Session") }{ ": " }<span class="session-name" data-testid="session-name">{ info.name.clone() }</span></summary>
                <div class="menu-body wide">
                    <p class="muted">{ t("Saved on this computer after each command.") }
                        if let Some(ms) = info.restore_ms {
                            { " " }{ t("Restored in") }{ format!(" {ms:.0} ms.") }
                        }
                    </p>
                    <h3>{ t("Sessions") }</h3>
                    <ul class="session-list" data-testid="session-list">
                        { for info.names.iter().map(|n| {
                            let current = *n == info.name;
                            html! {
                                <li data-name={n.clone()} class={classes!(current.then_some("current"))}>
                                    <span>{ n.clone() }</span>
                                    if !current { <button onclick={emit(SessionOp::Open(n.clone()))} data-testid="session-open">{ t("Open") }</button> }
                                    <button onclick={emit(SessionOp::Delete(n.clone()))} data-testid="session-delete">{ t("Delete") }</button>
                                </li>
                            }
                        }) }
                    </ul>
                    <form class="new-session" onsubmit={on_create}>
                        <input ref={new_name} type="text" maxlength="40" placeholder={t("Name of the new session")} aria-label={t("Name of the new session")} data-testid="session-new-name" />
                        <button type="submit" data-testid="session-new">{ t("Create") }</button>
                    </form>
                    <div class="row">
                        <button onclick={emit(SessionOp::Export)} data-testid="session-export" title={t("Export this session to a file")}>{ t("Export") }</button>
                        <label class="button" title={t("Import a session file")}>{ t("Import") }
                            <input type="file" accept=".json,application/json" onchange={on_import} data-testid="session-import" class="visually-hidden" />
                        </label>
                        <button onclick={on_share} data-testid="share-make">{ t("Share") }</button>
                    </div>
                    if let Some((files, state)) = &*links {
                        <p class="muted">{ t("Anyone who opens this link gets the same scenario, in their own browser.") }</p>
                        <label>{ t("Share link: files and commands") }
                            <input type="text" readonly=true value={files.clone()} data-testid="share-url" onfocus={select_all.clone()} /></label>
                        <label>{ t("Share link: the exact state reached") }
                            <input type="text" readonly=true value={state.clone()} data-testid="share-state-url" onfocus={select_all} /></label>
                    }
                    <h3>{ t("History") }</h3>
                    <ol class="history" data-testid="history">
                        <li><button onclick={emit(SessionOp::GoTo(info.steps.first().map_or(0, |s| s.0)))} title={t("Back to before the first command")} data-testid="history-start">{ t("(start)") }</button></li>
                        { for info.steps.iter().map(|(i, label)| html! {
                            <li><button onclick={emit(SessionOp::GoTo(i + 1))} title={t("Back to just after this command")} data-testid="history-step"><code>{ label.clone() }</code></button></li>
                        }) }
                    </ol>
                </div>
            </details>
            { lang_button }
        </div>
    }
}
