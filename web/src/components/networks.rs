//! Networks as an SVG diagram: each network a zone with its subnet and
//! gateway, the containers inside with their IPs. Selecting two containers
//! asks the host whether the first can reach the second, and why (not).

use crate::host::HostHandle;
use crate::layout::{network_diagram, NetDiagram, NetNode};
use std::rc::Rc;
use crate::state::Shared;
use baleine_host::view::{ContainerView, NetworkView, ReachView};
use crate::i18n::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NetworksProps {
    pub networks: Shared<Vec<NetworkView>>,
    pub containers: Shared<Vec<ContainerView>>,
}

#[function_component(Networks)]
pub fn networks(props: &NetworksProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    let host = use_context::<HostHandle>().expect("HostHandle context");
    let picked = use_state(Vec::<String>::new);
    let reach = use_state(|| None::<(String, String, ReachView)>);
    // The layout only: a status that ticks ("Up 5 seconds") changes the
    // containers but not the diagram, which then is not drawn again.
    let diagram = Rc::new(network_diagram(&props.networks, &props.containers));

    let on_pick = {
        let picked = picked.clone();
        let reach = reach.clone();
        use_callback((*picked).clone(), move |name: String, current: &Vec<String>| {
            let mut p = current.clone();
            if p.len() >= 2 {
                p.clear();
            }
            if p.first() == Some(&name) {
                p.clear();
            } else {
                p.push(name);
            }
            if p.len() == 2 {
                reach.set(Some((p[0].clone(), p[1].clone(), host.reach(&p[0], &p[1]))));
            } else {
                reach.set(None);
            }
            picked.set(p);
        })
    };

    html! {
        <div class="networks">
            <p class="hint">{ tr(lang, "Select two containers to see whether the first can reach the second.") }</p>
            <NetSvg diagram={diagram} picked={(*picked).clone()} {on_pick} />
            if let Some((from, to, r)) = &*reach {
                <div class={classes!("reach", if r.connects { "ok" } else { "ko" })} data-testid="reach" role="status">
                    <strong>{ format!("{from} → {to}: ") }</strong>
                    { if r.connects { tr(lang, "reachable") } else if r.resolves { tr(lang, "name resolves but no route") } else { tr(lang, "not reachable") } }
                    if let Some(ip) = &r.ip { { format!(" ({ip})") } }
                    <p>{ crate::i18n::why(lang, &r.explanation) }</p>
                </div>
            } else if picked.len() == 1 {
                <p class="reach" role="status">{ format!("{} selected: pick a second container.", picked[0]) }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NetSvgProps {
    diagram: Rc<NetDiagram>,
    picked: Vec<String>,
    on_pick: Callback<String>,
}

/// The diagram itself (re-drawn only when the layout or the selection changes).
#[function_component(NetSvg)]
fn net_svg(props: &NetSvgProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    let diagram = &props.diagram;
    let node = |net: &str, n: &NetNode| {
        let name = n.container.clone();
        let onclick = {
            let on_pick = props.on_pick.clone();
            let name = name.clone();
            Callback::from(move |_: MouseEvent| on_pick.emit(name.clone()))
        };
        let onkeydown = {
            let on_pick = props.on_pick.clone();
            let name = name.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_pick.emit(name.clone());
                }
            })
        };
        let selected = props.picked.contains(&name);
        html! {
            <g
                class={classes!("netnode", format!("state-{}", n.state), selected.then_some("picked"))}
                data-testid={format!("netnode-{net}-{}", n.container)}
                data-ip={n.ip.clone()}
                role="button"
                tabindex="0"
                aria-pressed={selected.to_string()}
                aria-label={format!("{} {} on {net}", n.container, n.ip)}
                {onclick}
                {onkeydown}
            >
                <rect x={n.x.to_string()} y={n.y.to_string()} width={n.w.to_string()} height={n.h.to_string()} rx="8" />
                <circle class="dot" cx={(n.x + 14.0).to_string()} cy={(n.y + 16.0).to_string()} r="5" />
                <text class="node-name" x={(n.x + 26.0).to_string()} y={(n.y + 20.0).to_string()}>{ &n.container }</text>
                <text class="node-ip" x={(n.x + 26.0).to_string()} y={(n.y + 37.0).to_string()}>{ if n.ip.is_empty() { tr(lang, "no IP") } else { &n.ip } }</text>
            </g>
        }
    };

    html! {
        <svg class="netdiagram" viewBox={format!("0 0 {} {}", diagram.width, diagram.height)} role="img" aria-label={tr(lang, "Network diagram")} width="100%">
            { for diagram.zones.iter().map(|z| html! {
                <g class={classes!("zone", format!("driver-{}", z.driver), z.internal.then_some("internal"))} data-testid={format!("network-{}", z.name)} data-subnet={z.subnet.clone()}>
                    <rect x={z.x.to_string()} y={z.y.to_string()} width={z.w.to_string()} height={z.h.to_string()} rx="12" />
                    <text class="zone-name" x={(z.x + 12.0).to_string()} y={(z.y + 20.0).to_string()}>{ format!("{} ({})", z.name, z.driver) }</text>
                    <text class="zone-meta" x={(z.x + 12.0).to_string()} y={(z.y + 36.0).to_string()}>
                        { format!("subnet {}  gateway {}{}{}",
                            if z.subnet.is_empty() { "–" } else { &z.subnet },
                            if z.gateway.is_empty() { "–" } else { &z.gateway },
                            if z.dns { tr(lang, "  · DNS by name") } else { tr(lang, "  · no DNS by name") },
                            if z.internal { tr(lang, "  · internal") } else { "" }) }
                    </text>
                    if z.nodes.is_empty() {
                        <text class="zone-empty" x={(z.x + 12.0).to_string()} y={(z.y + 62.0).to_string()}>{ tr(lang, "no containers") }</text>
                    }
                    { for z.nodes.iter().map(|n| node(&z.name, n)) }
                </g>
            }) }
            { for diagram.links.iter().map(|l| html! {
                <line class="multihome" x1={l.from.0.to_string()} y1={l.from.1.to_string()} x2={l.to.0.to_string()} y2={l.to.1.to_string()} />
            }) }
    </svg>
    }
}
