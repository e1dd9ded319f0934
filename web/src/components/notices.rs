//! Banners: a message (a save that could not be read, a bad link), and the
//! preview of a shared scenario that runs only when the learner asks.
//! Every text from a link or a save is rendered as text, never as HTML.

use crate::app::SessionOp;
use crate::i18n::{tr, Lang};
use crate::session::Scenario;
use crate::state::Notice;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notice: Option<Notice>,
    pub share: Option<Rc<Scenario>>,
    pub lang: Lang,
    pub on_session: Callback<SessionOp>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let t = |en: &'static str| tr(lang, en);
    let emit = |op: SessionOp| {
        let cb = props.on_session.clone();
        Callback::from(move |_: MouseEvent| cb.emit(op.clone()))
    };
    html! {
        <>
            if let Some(n) = &props.notice {
                <div class={classes!("notice", n.error.then_some("error"))} role={if n.error { "alert" } else { "status" }} data-testid="notice">
                    <p>{ n.text.clone() }</p>
                    if n.broken_save {
                        <button onclick={emit(SessionOp::DownloadBroken)} data-testid="download-broken">{ t("Download the old save") }</button>
                    }
                    <button onclick={emit(SessionOp::DismissNotice)} data-testid="notice-dismiss">{ t("Dismiss") }</button>
                </div>
            }
            if let Some(sc) = &props.share {
                <div class="notice share" role="region" aria-label={t("Shared scenario")} data-testid="share-preview">
                    <h2>{ t("Shared scenario") }if let Some(title) = &sc.title { { ": " }{ title.clone() } }</h2>
                    <p>{ t("This link brings a scenario. Nothing runs until you press Run.") }</p>
                    if !sc.files.is_empty() {
                        <p>{ format!("{} {}: ", sc.files.len(), t("files")) }
                            { for sc.files.keys().map(|f| html! { <><code>{ f.clone() }</code>{ " " }</> }) }</p>
                    }
                    if !sc.commands.is_empty() {
                        <p>{ format!("{} {}:", sc.commands.len(), t("commands")) }</p>
                        <ol class="share-commands">{ for sc.commands.iter().take(30).map(|c| html! { <li><code>{ c.clone() }</code></li> }) }</ol>
                    }
                    if let Some(st) = &sc.state {
                        <p>{ t("the exact state of a session") }{ format!(" ({} {})", st.journal.iter().filter(|c| !matches!(c, crate::state::Cmd::Tick(_))).count(), t("commands")) }</p>
                    }
                    <button class="primary" onclick={emit(SessionOp::RunShare)} data-testid="share-run">{ "▶ " }{ t("Run it") }</button>
                    <button onclick={emit(SessionOp::DismissShare)} data-testid="share-dismiss">{ t("Dismiss") }</button>
                </div>
            }
        </>
    }
}
