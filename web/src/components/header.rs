//! Top bar: name, the "simulator" marker with a link to Docker's own
//! tutorial, the simulated clock and its controls, and the theme toggle.

use crate::i18n::{tr, Lang};
use crate::state::{AppAction, Theme, TimeControl};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub clock_text: String,
    pub time: TimeControl,
    pub has_next_event: bool,
    pub theme: Theme,
    pub on_action: Callback<AppAction>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t_ = move |en: &'static str| tr(lang, en);
    let act = |a: AppAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(a.clone()))
    };
    let t = props.time;
    let clock = props.clock_text.split('T').nth(1).map(|s| s.trim_end_matches('Z').split('.').next().unwrap_or(s).to_string()).unwrap_or_else(|| props.clock_text.clone());
    let theme_label = match props.theme {
        Theme::System => t_("Theme: auto"),
        Theme::Dark => t_("Theme: dark"),
        Theme::Light => t_("Theme: light"),
    };
    html! {
        <header class="top">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "🐳" }</span>
                <h1>{ "baleine" }</h1>
                <span class="sim-badge" data-testid="simulator-marker" title={t_("Nothing here runs real Docker: it is a simulation in your browser")}>{ t_("Simulator") }</span>
                <a class="docs-link" href="https://docs.docker.com/get-started/" target="_blank" rel="noopener noreferrer">{ t_("Real Docker") }<span class="lbl">{ t_(": get started") }</span>{ " ↗" }</a>
            </div>
            <div class="time" role="group" aria-label={t_("Simulated time")}>
                <span class="clock" data-testid="clock" title={props.clock_text.clone()} aria-label={format!("{} {}", t_("Simulated time"), props.clock_text)}>{ clock }</span>
                <button onclick={act(AppAction::SetPaused(!t.paused))} aria-pressed={t.paused.to_string()} data-testid="time-pause"
                    aria-label={if t.paused { t_("Resume simulated time") } else { t_("Pause simulated time") }}>
                    { if t.paused { "▶" } else { "❚❚" } }<span class="lbl">{ if t.paused { t_(" Play") } else { t_(" Pause") } }</span>
                </button>
                <button onclick={act(AppAction::SetSpeed(if t.speed == 1 { 10 } else { 1 }))} aria-pressed={(t.speed > 1).to_string()} data-testid="time-fast"
                    aria-label={t_("Fast-forward ×10")}>{ "×10" }</button>
                <button onclick={act(AppAction::SkipToNext)} disabled={!props.has_next_event} data-testid="time-skip"
                    aria-label={t_("Skip to the next scheduled event")}><span class="lbl">{ t_("Next event ") }</span>{ "»" }</button>
            </div>
            <button class="theme" onclick={act(AppAction::SetTheme(props.theme.next()))} aria-label={theme_label} title={theme_label}>
                { match props.theme { Theme::System => "◐", Theme::Dark => "☾", Theme::Light => "☀" } }
            </button>
        </header>
    }
}
