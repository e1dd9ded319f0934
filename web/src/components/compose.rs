//! Compose projects: the service dependency graph and the startup timeline
//! (created → started → healthy), with what each service waited on.

use crate::layout::{compose_graph, compose_timeline, rel_label};
use crate::state::Shared;
use baleine_host::view::ComposeView;
use crate::i18n::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComposeProps {
    pub compose: Shared<Vec<ComposeView>>,
    pub clock_ms: u64,
}

fn short_condition(c: &str) -> &str {
    match c {
        "service_healthy" => "healthy",
        "service_started" => "started",
        "service_completed_successfully" => "completed",
        other => other,
    }
}

#[function_component(Compose)]
pub fn compose(props: &ComposeProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    if props.compose.is_empty() {
        return html! { <p class="muted">{ tr(lang, "No compose project. Write a compose.yaml, then ") }<code>{ "docker compose up -d" }</code></p> };
    }
    html! {
        <div class="compose">
            { for props.compose.iter().map(|p| {
                let g = compose_graph(&p.services);
                let t = compose_timeline(&p.services, props.clock_ms);
                html! {
                    <section class="compose-project" data-testid={format!("compose-{}", p.project)} aria-label={format!("Compose project {}", p.project)}>
                        <h3 class="sub">{ format!("Project {}", p.project) }</h3>
                        <svg class="graph" viewBox={format!("0 0 {} {}", g.width, g.height)} width="100%" style={format!("max-width:{}px", g.width)} role="img" aria-label={tr(lang, "Service dependencies")}>
                            <defs>
                                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                    <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
                                </marker>
                            </defs>
                            { for g.edges.iter().map(|e| html! {
                                <g class="edge">
                                    <line x1={e.x1.to_string()} y1={e.y1.to_string()} x2={e.x2.to_string()} y2={e.y2.to_string()} marker-end="url(#arrow)" />
                                    <text x={((e.x1 + e.x2) / 2.0).to_string()} y={((e.y1 + e.y2) / 2.0 - 4.0).to_string()} text-anchor="middle">{ short_condition(&e.condition) }</text>
                                </g>
                            }) }
                            { for g.nodes.iter().map(|n| html! {
                                <g class={classes!("svc", format!("state-{}", n.state))} data-testid={format!("svc-{}", n.name)}>
                                    <rect x={n.x.to_string()} y={n.y.to_string()} width={g.node_w.to_string()} height={g.node_h.to_string()} rx="8" />
                                    <text x={(n.x + 10.0).to_string()} y={(n.y + 25.0).to_string()}>{ &n.name }</text>
                                </g>
                            }) }
                        </svg>
                        <div class="timeline" data-testid="compose-timeline" aria-label={tr(lang, "Startup timeline")}>
                            { for t.rows.iter().map(|r| html! {
                                <div class="tl-row" data-testid={format!("timeline-{}", r.name)}>
                                    <span class="tl-name">{ &r.name }</span>
                                    <div class="tl-track">
                                        if let Some((a, b)) = r.wait {
                                            <span class="tl-wait" style={format!("left:{:.2}%;width:{:.2}%", a * 100.0, ((b - a) * 100.0).max(0.5))} title={tr(lang, "created, waiting")}></span>
                                        }
                                        if let Some((a, b)) = r.run {
                                            <span class="tl-run" style={format!("left:{:.2}%;width:{:.2}%", a * 100.0, ((b - a) * 100.0).max(0.5))} title={tr(lang, "started")}></span>
                                        }
                                        if let Some(h) = r.healthy_at {
                                            <span class="tl-healthy" style={format!("left:{:.2}%", h * 100.0)} title={tr(lang, "healthy")}></span>
                                        }
                                    </div>
                                    <span class="tl-labels small">
                                        { r.created_rel_ms.map(|m| format!("created {} ", rel_label(m))).unwrap_or_default() }
                                        { r.started_rel_ms.map(|m| format!("· started {} ", rel_label(m))).unwrap_or_default() }
                                        { r.healthy_rel_ms.map(|m| format!("· healthy {}", rel_label(m))).unwrap_or_default() }
                                        if !r.waited_on.is_empty() { <span class="muted">{ format!(" · waited on {}", r.waited_on.join(", ")) }</span> }
                                    </span>
                                </div>
                            }) }
                            <div class="tl-legend small muted">
                                <span class="tl-wait key"></span>{ tr(lang, " waiting  ") }
                                <span class="tl-run key"></span>{ tr(lang, " running  ") }
                                <span class="tl-healthy key"></span>{ tr(lang, " healthy · ") }
                                { format!("span {}", rel_label(t.span_ms).trim_start_matches('+')) }
                            </div>
                        </div>
                    </section>
                }
            }) }
        </div>
    }
}
