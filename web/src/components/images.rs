//! Local images with their layer stacks: each layer's height is proportional
//! to its size; layers shared with other images and layers the last build
//! took from the cache are marked.

use crate::layout::human_size;
use crate::state::Shared;
use baleine_host::view::ImageView;
use crate::i18n::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImagesProps {
    pub images: Shared<Vec<ImageView>>,
}

/// Pixel heights of layers: proportional to size within `total_px`, at
/// least `min_px` each so small layers stay visible.
pub fn layer_heights(sizes: &[u64], total_px: f64, min_px: f64) -> Vec<f64> {
    let sum: u64 = sizes.iter().sum();
    if sum == 0 {
        return sizes.iter().map(|_| min_px).collect();
    }
    sizes.iter().map(|&s| (s as f64 / sum as f64 * total_px).max(min_px)).collect()
}

#[function_component(Images)]
pub fn images(props: &ImagesProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    let images = &props.images;
    let biggest = images.iter().map(|i| i.size).max().unwrap_or(1).max(1);
    html! {
        <div class="cards">
            if images.is_empty() {
                <p class="muted">{ tr(lang, "No images yet. ") }<code>{ "docker pull nginx" }</code>{ tr(lang, " or ") }<code>{ "docker build -t app ." }</code></p>
            }
            { for images.iter().map(|img| {
                let name = img.tags.first().cloned().unwrap_or_else(|| "<none>:<none>".into());
                // The whole stack's height is relative to the biggest image.
                let stack_px = 40.0 + 140.0 * (img.size as f64 / biggest as f64);
                let heights = layer_heights(&img.layers.iter().map(|l| l.size).collect::<Vec<_>>(), stack_px, 4.0);
                html! {
                    <article class="card image" data-testid={format!("image-{name}")} aria-label={format!("Image {name}, {}", img.size_text)}>
                        <header class="card-head">
                            <h3>{ &name }</h3>
                            <span class="size">{ if img.size_text.is_empty() { human_size(img.size) } else { img.size_text.clone() } }</span>
                        </header>
                        <p class="muted small"><code>{ &img.short_id }</code>
                            { for img.tags.iter().skip(1).map(|t| html! { <span class="chip">{ t }</span> }) }
                        </p>
                        <ol class="layers" aria-label={tr(lang, "Layers, top first")} reversed=true>
                            { for img.layers.iter().zip(heights.iter()).rev().map(|(l, h)| html! {
                                <li
                                    class={classes!("layer", (l.shared_by > 1).then_some("shared"), l.from_cache.then_some("cached"))}
                                    style={format!("min-height:{h:.0}px")}
                                    title={format!("{} — {}", human_size(l.size), l.created_by)}
                                >
                                    <span class="layer-cmd">{ &l.created_by }</span>
                                    <span class="layer-size">{ human_size(l.size) }</span>
                                    if l.shared_by > 1 { <span class="badge shared-badge">{ format!("shared ×{}", l.shared_by) }</span> }
                                    if l.from_cache { <span class="badge cached-badge">{ "cache" }</span> }
                                </li>
                            }) }
                        </ol>
                    </article>
                }
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::layer_heights;

    #[test]
    fn heights_are_proportional_with_a_minimum() {
        let h = layer_heights(&[100, 300, 0], 100.0, 4.0);
        assert_eq!(h, vec![25.0, 75.0, 4.0]);
        assert_eq!(layer_heights(&[0, 0], 100.0, 4.0), vec![4.0, 4.0]);
    }
}
