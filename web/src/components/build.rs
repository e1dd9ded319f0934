//! The last build: each step CACHED or rebuilt (with the reason the cache
//! missed), the stage graph, and lint findings.

use crate::i18n::{tr, Lang};
use crate::state::Shared;
use baleine_host::view::BuildView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BuildProps {
    pub build: Shared<Option<BuildView>>,
}

fn ms(ms: u64) -> String {
    if ms == 0 {
        String::new()
    } else {
        format!("{:.1}s", ms as f64 / 1000.0)
    }
}

#[function_component(Build)]
pub fn build(props: &BuildProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(b) = props.build.as_ref() else {
        return html! { <p class="muted">{ tr(lang, "No build yet. Write a Dockerfile, then ") }<code>{ "docker build -t app ." }</code></p> };
    };
    let cached = b.steps.iter().filter(|s| s.cached).count();
    html! {
        <div class="build">
            <p class={classes!("build-summary", if b.ok { "ok" } else { "ko" })} data-testid="build-summary">
                { if b.ok { tr(lang, "Build succeeded") } else { tr(lang, "Build failed") } }
                if !b.tags.is_empty() { { " — " }{ b.tags.join(", ") } }
                { format!(" · {cached}/{} steps from cache", b.steps.len()) }
            </p>
            if b.stages.len() > 1 {
                <div class="stages" aria-label={tr(lang, "Build stages")}>
                    { for b.stages.iter().map(|st| html! {
                        <div class={classes!("stage", st.skipped.then_some("skipped"))} data-testid={format!("stage-{}", st.name)}>
                            <strong>{ &st.name }</strong>
                            <span class="muted">{ format!(" FROM {}", st.base) }</span>
                            if !st.from_stages.is_empty() { <span class="stage-deps">{ format!("← {}", st.from_stages.join(", ")) }</span> }
                            if st.skipped { <span class="badge">{ tr(lang, "skipped") }</span> }
                        </div>
                    }) }
                </div>
            }
            <ol class="steps">
                { for b.steps.iter().map(|s| html! {
                    <li class={classes!("step", if s.cached { "cached" } else { "rebuilt" }, s.error.is_some().then_some("failed"))}
                        data-testid="build-step" data-cached={s.cached.to_string()}>
                        <span class={classes!("badge", if s.cached { "cached-badge" } else { "run-badge" })}>{ if s.cached { "CACHED" } else { "RUN" } }</span>
                        <code class="step-name">{ &s.name }</code>
                        <span class="muted small">{ ms(s.duration_ms) }</span>
                        if let Some(r) = &s.reason { <p class="reason">{ tr(lang, "Rebuilt: ") }{ crate::i18n::why(lang, r) }</p> }
                        if let Some(e) = &s.error { <p class="error">{ e }</p> }
                    </li>
                }) }
            </ol>
            if !b.findings.is_empty() {
                <h3 class="sub">{ "Lint" }</h3>
                <ul class="findings">
                    { for b.findings.iter().map(|f| html! {
                        <li class="finding">
                            <code class="rule">{ &f.rule }</code>{ format!(" line {}: {}", f.line, f.message) }
                            <details><summary>{ tr(lang, "Why?") }</summary>
                                if lang == Lang::Fr { <p lang="fr">{ &f.explain_fr }</p> } else { <p lang="en">{ &f.explain_en }</p> }
                            </details>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}
