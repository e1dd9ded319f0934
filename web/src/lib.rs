//! baleine-web: the Docker playground's single-page app.
//!
//! Layout of the crate:
//! * pure, natively tested logic with no `web_sys`: [`ansi`] (terminal screen model),
//!   [`line_editor`] (the prompt's line editor reducer), [`highlight`] (syntax colouring),
//!   [`tree`] (file tree rows), [`layout`] (network / compose diagram geometry),
//!   [`state`] (the app reducer: `AppState` + `AppAction` + `impl Reducible`),
//!   [`lesson`] (the lesson catalogue, a learner's run and its saved form, lesson text);
//! * [`host`]: the only module that calls `baleine_host::Host`;
//! * [`storage`] and [`panic`]: the few browser side effects outside components;
//! * [`components`]: one yew function component per file, each with its `<Name>Props`.

pub mod ansi;
pub mod app;
pub mod components;
pub mod embed;
pub mod highlight;
pub mod i18n;
pub mod host;
pub mod layout;
pub mod lesson;
pub mod line_editor;
pub mod lz;
pub mod panic;
pub mod platform;
pub mod session;
pub mod state;
pub mod storage;
pub mod tree;

/// Mounts the app on `#app` (wasm only): installs the panic hook, removes the
/// loading indicator and starts yew.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    panic::install();
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    let root = document.get_element_by_id("app").unwrap_or_else(|| document.body().expect("body").into());
    yew::Renderer::<app::App>::with_root(root).render();
    // `?panic-test` checks the panic banner (used by the end-to-end test).
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if search.contains("panic-test") {
        gloo_timers::callback::Timeout::new(300, || panic!("panic test requested by ?panic-test")).forget();
    }
}
