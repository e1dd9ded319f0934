//! Volumes: size, who mounts them, and their files.

use crate::layout::human_size;
use crate::state::Shared;
use baleine_host::view::VolumeView;
use crate::i18n::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VolumesProps {
    pub volumes: Shared<Vec<VolumeView>>,
}

#[function_component(Volumes)]
pub fn volumes(props: &VolumesProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    html! {
        <div class="cards">
            if props.volumes.is_empty() {
                <p class="muted">{ tr(lang, "No volumes. ") }<code>{ "docker volume create data" }</code></p>
            }
            { for props.volumes.iter().map(|v| html! {
                <article class="card volume" data-testid={format!("volume-{}", v.name)}>
                    <header class="card-head">
                        <h3 title={v.name.clone()}>{ if v.anonymous { v.name.chars().take(12).collect::<String>() + "…" } else { v.name.clone() } }</h3>
                        <span class="size">{ human_size(v.size) }</span>
                        if v.anonymous { <span class="badge">{ tr(lang, "anonymous") }</span> }
                    </header>
                    <dl class="facts">
                        <dt>{ tr(lang, "Driver") }</dt><dd>{ &v.driver }</dd>
                        <dt>{ tr(lang, "Used by") }</dt>
                        <dd>
                            if v.used_by.is_empty() { <span class="muted">{ tr(lang, "nobody (dangling)") }</span> }
                            { for v.used_by.iter().map(|(c, target, ro)| html! { <span class="chip">{ format!("{c}:{target}{}", if *ro { tr(lang, " (ro)") } else { "" }) }</span> }) }
                        </dd>
                        if !v.files.is_empty() {
                            <dt>{ tr(lang, "Files") }</dt>
                            <dd><ul class="vol-files">
                                { for v.files.iter().take(20).map(|f| html! { <li><code>{ f }</code></li> }) }
                                if v.files.len() > 20 { <li class="muted">{ format!("… {} more", v.files.len() - 20) }</li> }
                            </ul></dd>
                        }
                    </dl>
                </article>
            }) }
        </div>
    }
}
