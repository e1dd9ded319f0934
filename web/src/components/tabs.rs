//! The tab bar. On narrow screens every view is a tab; on wide screens the
//! terminal and editor tabs are hidden (always visible) and the tabs choose
//! the panel.

use crate::i18n::{tr, Lang};
use crate::state::{AppAction, Tab};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub tab: Tab,
    pub panel: Tab,
    pub unseen: Vec<Tab>,
    pub on_action: Callback<AppAction>,
    /// The tabs to offer (all by default; fewer in the embedded layout).
    #[prop_or_else(|| Tab::ALL.to_vec())]
    pub tabs: Vec<Tab>,
}

#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // Arrow keys move between tabs (WAI-ARIA tabs pattern).
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        let dir = match e.key().as_str() {
            "ArrowRight" => 1i32,
            "ArrowLeft" => -1,
            _ => return,
        };
        let target: HtmlElement = e.target_unchecked_into();
        let sibling = if dir > 0 { target.next_element_sibling() } else { target.previous_element_sibling() };
        if let Some(el) = sibling.and_then(|s| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(s).ok()) {
            e.prevent_default();
            let _ = el.focus();
            el.click();
        }
    });
    html! {
        <nav class="tabs" role="tablist" aria-label={tr(lang, "Views")} {onkeydown}>
            { for props.tabs.iter().map(|&t| {
                let on_action = props.on_action.clone();
                let onclick = Callback::from(move |_: MouseEvent| on_action.emit(AppAction::SelectTab(t)));
                let selected = t == props.tab || (t.is_panel() && t == props.panel);
                html! {
                    <button
                        role="tab"
                        id={format!("tab-{}", t.id())}
                        class={classes!("tab", (!t.is_panel()).then_some("narrow-only"), (t == props.tab).then_some("current"), (t.is_panel() && t == props.panel).then_some("current-panel"))}
                        aria-selected={selected.to_string()}
                        aria-controls={format!("view-{}", t.id())}
                        data-testid={format!("tab-{}", t.id())}
                        {onclick}
                    >
                        { tr(lang, t.label()) }
                        if props.unseen.contains(&t) { <span class="unseen" aria-label="(updated)">{ "•" }</span> }
                    </button>
                }
            }) }
        </nav>
    }
}
