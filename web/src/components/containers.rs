//! Container cards. Their buttons type the equivalent docker command into
//! the terminal and run it there, so the learner sees the command.

use crate::state::{AppAction, Shared};
use baleine_host::view::ContainerView;
use crate::i18n::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContainersProps {
    pub containers: Shared<Vec<ContainerView>>,
    pub on_action: Callback<AppAction>,
}

/// The docker commands offered for a container in `state`: (label, command).
pub fn actions_for(name: &str, state: &str) -> Vec<(&'static str, String)> {
    let c = |verb: &str| format!("docker {verb} {name}");
    let mut out = Vec::new();
    match state {
        "running" | "restarting" => {
            out.push(("Stop", c("stop")));
            out.push(("Restart", c("restart")));
            out.push(("Pause", c("pause")));
        }
        "paused" => out.push(("Unpause", c("unpause"))),
        _ => {
            out.push(("Start", c("start")));
            out.push(("Remove", c("rm")));
        }
    }
    out.push(("Logs", c("logs")));
    if state == "running" {
        out.push(("Exec", format!("docker exec -it {name} sh")));
    }
    out.push(("Inspect", c("inspect")));
    out
}

#[function_component(Containers)]
pub fn containers(props: &ContainersProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    let list = &props.containers;
    html! {
        <div class="cards">
            if list.is_empty() {
                <p class="muted">{ tr(lang, "No containers yet. Try ") }<code>{ "docker run -d --name web -p 8080:80 nginx" }</code></p>
            }
            { for list.iter().map(|c| html! { <ContainerCard key={c.id.clone()} container={c.clone()} on_action={props.on_action.clone()} /> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ContainerCardProps {
    pub container: ContainerView,
    pub on_action: Callback<AppAction>,
}

#[function_component(ContainerCard)]
pub fn container_card(props: &ContainerCardProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    let c = &props.container;
    let health = c.health.clone().unwrap_or_default();
    html! {
        <article
            class={classes!("card", "container", format!("state-{}", c.state), (!health.is_empty()).then(|| format!("health-{health}")))}
            data-testid={format!("container-{}", c.name)}
            data-state={c.state.clone()}
            aria-label={format!("Container {}, {}", c.name, c.status)}
        >
            <header class="card-head">
                <span class="dot" aria-hidden="true"></span>
                <h3>{ &c.name }</h3>
                <span class="state-label">{ &c.state }</span>
                if !health.is_empty() { <span class={classes!("badge", format!("health-{health}"))}>{ &health }</span> }
            </header>
            <dl class="facts">
                <dt>{ tr(lang, "Image") }</dt><dd><code>{ &c.image }</code></dd>
                <dt>{ tr(lang, "Status") }</dt><dd>{ &c.status }</dd>
                <dt>{ tr(lang, "ID") }</dt><dd><code>{ c.id.chars().take(12).collect::<String>() }</code></dd>
                if !c.command.is_empty() { <dt>{ tr(lang, "Command") }</dt><dd><code>{ &c.command }</code></dd> }
                if !c.ports.is_empty() {
                    <dt>{ tr(lang, "Ports") }</dt>
                    <dd>{ for c.ports.iter().map(|p| html! {
                        <span class="chip">{ format!("{}:{}→{}/{}", if p.host_ip.is_empty() { "0.0.0.0" } else { &p.host_ip }, p.host_port, p.container_port, p.proto) }</span>
                    }) }</dd>
                }
                if !c.networks.is_empty() {
                    <dt>{ tr(lang, "Networks") }</dt>
                    <dd>{ for c.networks.iter().map(|n| html! { <span class="chip">{ format!("{} {}", n.network, n.ip) }</span> }) }</dd>
                }
                if !c.mounts.is_empty() {
                    <dt>{ tr(lang, "Mounts") }</dt>
                    <dd>{ for c.mounts.iter().map(|m| html! {
                        <span class="chip">{ format!("{} {}→{}{}", m.kind, m.source, m.target, if m.read_only { tr(lang, " (ro)") } else { "" }) }</span>
                    }) }</dd>
                }
                if let Some(p) = &c.compose_project {
                    <dt>{ tr(lang, "Compose") }</dt><dd>{ format!("{p} / {}", c.compose_service.clone().unwrap_or_default()) }</dd>
                }
            </dl>
            <div class="actions" role="group" aria-label={format!("Actions for {}", c.name)}>
                { for actions_for(&c.name, &c.state).into_iter().map(|(label, cmd)| {
                    let on_action = props.on_action.clone();
                    let title = cmd.clone();
                    let onclick = Callback::from(move |_: MouseEvent| on_action.emit(AppAction::TypeCommand(cmd.clone())));
                    html! { <button {onclick} title={title.clone()} aria-label={format!("{}: {title}", tr(lang, label))} data-action={label.to_lowercase()}>{ tr(lang, label) }</button> }
                }) }
            </div>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_depend_on_state() {
        let running: Vec<String> = actions_for("web", "running").into_iter().map(|a| a.1).collect();
        assert!(running.contains(&"docker stop web".to_string()));
        assert!(running.contains(&"docker exec -it web sh".to_string()));
        let exited: Vec<&str> = actions_for("web", "exited").into_iter().map(|a| a.0).collect();
        assert_eq!(exited, vec!["Start", "Remove", "Logs", "Inspect"]);
        assert_eq!(actions_for("w", "paused")[0].1, "docker unpause w");
    }
}
