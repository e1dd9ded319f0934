//! The `docker events` feed, newest first.

use crate::state::Shared;
use baleine_host::view::EventView;
use crate::i18n::tr;
use yew::prelude::*;

const SHOWN: usize = 300;

#[derive(Properties, PartialEq)]
pub struct EventsProps {
    pub events: Shared<Vec<EventView>>,
    /// Time of day of the simulated epoch in ms (see [`day_offset`]).
    pub offset_ms: u64,
}

const DAY: u64 = 86_400_000;

/// The simulated epoch's time of day in ms, from the view's current clock
/// (ms since the epoch and RFC 3339 text).
pub fn day_offset(clock_ms: u64, clock_text: &str) -> u64 {
    let sod = clock_text
        .split('T')
        .nth(1)
        .and_then(|t| {
            let mut it = t.trim_end_matches('Z').split(':');
            let h: u64 = it.next()?.parse().ok()?;
            let m: u64 = it.next()?.parse().ok()?;
            let s: f64 = it.next()?.split(['+', '-']).next()?.parse().ok()?;
            Some(h * 3_600_000 + m * 60_000 + (s * 1000.0) as u64)
        })
        .unwrap_or(clock_ms % DAY);
    (sod + DAY - clock_ms % DAY) % DAY
}

/// Milliseconds since the simulated epoch → "HH:MM:SS".
pub fn time_of_day(ms: u64, offset_ms: u64) -> String {
    let t = (ms % DAY + offset_ms) % DAY / 1000;
    format!("{:02}:{:02}:{:02}", t / 3600, (t / 60) % 60, t % 60)
}

#[function_component(Events)]
pub fn events(props: &EventsProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    html! {
        <div class="events">
            if props.events.is_empty() { <p class="muted">{ tr(lang, "No events yet.") }</p> }
            <ol class="event-list" reversed=true>
                { for props.events.iter().rev().take(SHOWN).map(|e| html! {
                    <li class={classes!("event", format!("kind-{}", e.kind))}>
                        <time>{ time_of_day(e.time_ms, props.offset_ms) }</time>
                        <span class="chip">{ &e.kind }</span>
                        <strong>{ &e.action }</strong>{ " " }<code>{ &e.actor }</code>
                        if !e.text.is_empty() && e.text != e.actor { <span class="ev-text muted small" title={e.text.clone()}>{ &e.text }</span> }
                    </li>
                }) }
            </ol>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{day_offset, time_of_day};

    #[test]
    fn times_of_day_from_the_clock() {
        assert_eq!(time_of_day(0, day_offset(5_000, "2026-11-25T08:00:05Z")), "08:00:00");
        assert_eq!(time_of_day(61_000, day_offset(5_000, "2026-11-25T08:00:05.000Z")), "08:01:01");
        assert_eq!(time_of_day(1000, day_offset(0, "garbage")), "00:00:01");
    }
}
