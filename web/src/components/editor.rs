//! File tree + code editor: a `<textarea>` over a syntax-coloured `<pre>`,
//! line numbers, and the host's diagnostics at their lines. Saving writes
//! the file through the host (Ctrl+S, the Save button, leaving the editor,
//! or after a short pause in typing).

use super::file_tree::FileTree;
use crate::highlight::{highlight, lang_for, Lang};
use crate::host::{Diag, HostHandle};
use crate::i18n::{tr, Lang as UiLang};
use crate::state::{AppAction, Cmd, Shared};
use baleine_host::view::FileView;
use gloo_timers::callback::Timeout;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

const AUTOSAVE_MS: u32 = 800;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub files: Shared<Vec<FileView>>,
    /// The host's revision: files may have changed from the terminal.
    pub revision: u64,
    pub on_action: Callback<AppAction>,
    #[prop_or_default]
    pub class: Classes,
}

/// The file opened first: a Dockerfile or compose file if there is one.
pub fn default_file(files: &[FileView]) -> Option<String> {
    let names = ["Dockerfile", "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
    names
        .iter()
        .find_map(|n| files.iter().find(|f| f.path == *n).map(|f| f.path.clone()))
        .or_else(|| files.iter().find(|f| !f.is_dir && !f.path.ends_with('/')).map(|f| f.path.clone()))
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Doc {
    path: Option<String>,
    /// What the host has (last loaded or saved).
    saved: String,
    draft: String,
    /// Diagnostics were explained in French.
    french: bool,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let host = use_context::<HostHandle>().expect("HostHandle context");
    let ui_lang = use_context::<UiLang>().unwrap_or_default();
    let lang_key = ui_lang;
    let selected = use_state(|| default_file(&props.files));
    let doc = use_mut_ref(Doc::default);
    let diags = use_state(Vec::<Diag>::new);
    let redraw = use_force_update();
    let autosave = use_mut_ref(|| None::<Timeout>);
    let textarea_ref = use_node_ref();

    // Pick a file when there is none (first render, or the file was deleted).
    {
        let selected = selected.clone();
        let files = props.files.clone();
        use_effect_with(props.files.clone(), move |_| {
            let exists = selected.as_ref().is_some_and(|p| files.iter().any(|f| &f.path == p || f.path == format!("{p}/")));
            if !exists {
                selected.set(default_file(&files));
            }
        });
    }

    // (Re)load the file from the host when it changed there and the draft has no unsaved edits.
    {
        let host = host.clone();
        let doc = doc.clone();
        let diags = diags.clone();
        let redraw = redraw.clone();
        // The revision changes on every clock tick: only act when the file did.
        use_effect_with(((*selected).clone(), props.revision, lang_key), move |(path, _, lang)| {
            let french = *lang == UiLang::Fr;
            let mut d = doc.borrow_mut();
            let is_file = path.as_ref().and_then(|p| host.read_file(p).map(|t| (p, t)));
            let changed = match is_file {
                Some((p, text)) => {
                    let switched = d.path.as_ref() != Some(p);
                    let first = switched || d.path.is_none();
                    if !first && text == d.saved && d.french == french {
                        false
                    } else {
                        if first || d.draft == d.saved {
                            *d = Doc { path: Some(p.clone()), saved: text.clone(), draft: text, french };
                        } else {
                            d.saved = text; // keep the unsaved edits
                        }
                        d.french = french;
                        diags.set(host.diagnostics(p, french));
                        true
                    }
                }
                None if d.path != *path || !d.saved.is_empty() || !d.draft.is_empty() => {
                    *d = Doc { path: path.clone(), ..Default::default() };
                    diags.set(Vec::new());
                    true
                }
                None => false,
            };
            drop(d);
            if changed {
                redraw.force_update();
            }
        });
    }

    let save = {
        let doc = doc.clone();
        let on_action = props.on_action.clone();
        let redraw = redraw.clone();
        Callback::from(move |_: ()| {
            let d = doc.borrow().clone();
            if let Some(path) = d.path {
                if d.draft != d.saved {
                    // `saved` catches up when the host has the file (next
                    // revision), which also refreshes the diagnostics.
                    on_action.emit(AppAction::Host(Cmd::WriteFile { path, text: d.draft.clone() }));
                    redraw.force_update();
                }
            }
        })
    };

    let oninput = {
        let doc = doc.clone();
        let redraw = redraw.clone();
        let autosave = autosave.clone();
        let save = save.clone();
        Callback::from(move |e: InputEvent| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            doc.borrow_mut().draft = ta.value();
            let save = save.clone();
            *autosave.borrow_mut() = Some(Timeout::new(AUTOSAVE_MS, move || save.emit(())));
            redraw.force_update();
        })
    };

    let onkeydown = {
        let save = save.clone();
        let doc = doc.clone();
        let redraw = redraw.clone();
        Callback::from(move |e: KeyboardEvent| {
            if (e.ctrl_key() || e.meta_key()) && (e.key() == "s" || e.key() == "S") {
                e.prevent_default();
                save.emit(());
            } else if e.key() == "Tab" && !e.shift_key() && !e.ctrl_key() {
                // Tab indents by two spaces; Esc then Tab leaves the editor.
                let ta: HtmlTextAreaElement = e.target_unchecked_into();
                if ta.get_attribute("data-escaped").is_some() {
                    let _ = ta.remove_attribute("data-escaped");
                    return;
                }
                e.prevent_default();
                let start = ta.selection_start().ok().flatten().unwrap_or(0) as usize;
                let end = ta.selection_end().ok().flatten().unwrap_or(0) as usize;
                let value = ta.value();
                let utf16: Vec<u16> = value.encode_utf16().collect();
                let before = String::from_utf16_lossy(&utf16[..start.min(utf16.len())]);
                let after = String::from_utf16_lossy(&utf16[end.min(utf16.len())..]);
                let new = format!("{before}  {after}");
                ta.set_value(&new);
                let pos = (start + 2) as u32;
                let _ = ta.set_selection_range(pos, pos);
                doc.borrow_mut().draft = new;
                redraw.force_update();
            } else if e.key() == "Escape" {
                let ta: HtmlTextAreaElement = e.target_unchecked_into();
                let _ = ta.set_attribute("data-escaped", "");
            }
        })
    };

    let onblur = {
        let save = save.clone();
        Callback::from(move |_: FocusEvent| save.emit(()))
    };
    let onsave = {
        let save = save.clone();
        Callback::from(move |_: MouseEvent| save.emit(()))
    };

    let on_select = {
        let selected = selected.clone();
        let save = save.clone();
        let files = props.files.clone();
        Callback::from(move |path: String| {
            let is_dir = files.iter().any(|f| f.is_dir && f.path.trim_end_matches('/') == path);
            save.emit(());
            if !is_dir {
                selected.set(Some(path));
            }
        })
    };

    let goto_line = {
        let textarea_ref = textarea_ref.clone();
        move |line: usize| {
            let textarea_ref = textarea_ref.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(ta) = textarea_ref.cast::<HtmlTextAreaElement>() {
                    let value = ta.value();
                    let offset: usize = value.split('\n').take(line.saturating_sub(1)).map(|l| l.encode_utf16().count() + 1).sum();
                    let _ = ta.focus();
                    let _ = ta.set_selection_range(offset as u32, offset as u32);
                }
            })
        }
    };

    let d = doc.borrow().clone();
    let lang = d.path.as_deref().map(lang_for).unwrap_or(Lang::Plain);
    let lines = highlight(&d.draft, lang);
    let n_lines = lines.len().max(1);
    let longest = d.draft.split('\n').map(|l| l.chars().count()).max().unwrap_or(0);
    let dirty = d.draft != d.saved;
    let diag_at = |line: usize| diags.iter().filter(move |x| x.line == line);

    let code = if d.path.is_some() {
        html! {
            <div class="code-body">
                <div class="gutter" aria-hidden="true">
                    { for (1..=n_lines).map(|i| {
                        let sev = diag_at(i).map(|x| x.severity.as_str()).min_by_key(|s| if *s == "error" { 0 } else { 1 });
                        html! { <div class={classes!("ln", sev.map(|s| format!("ln-{s}")))}>{ i }</div> }
                    }) }
                </div>
                <div class="code-layers" style={format!("--lines:{};--cols:{}", n_lines, longest + 2)}>
                    <pre class="code-hl" aria-hidden="true">
                        { for lines.iter().enumerate().map(|(i, toks)| {
                            let here: Vec<&Diag> = diag_at(i + 1).collect();
                            let sev = here.iter().map(|x| x.severity.as_str()).min_by_key(|s| if *s == "error" { 0 } else { 1 });
                            html! {
                                <div class={classes!("cl", sev.map(|s| format!("cl-{s}")))}>
                                    { for toks.iter().map(|t| match t.kind.class() {
                                        Some(c) => html! { <span class={c}>{ &t.text }</span> },
                                        None => html! { { &t.text } },
                                    }) }
                                    { for here.iter().take(1).map(|x| html! { <span class={format!("inline-diag diag-{}", x.severity)}>{ format!("   ← {}", x.message) }</span> }) }
                                </div>
                            }
                        }) }
                    </pre>
                    <textarea
                        ref={textarea_ref}
                        class="code-input"
                        aria-label={format!("Contents of {}", d.path.clone().unwrap_or_default())}
                        spellcheck="false"
                        autocapitalize="off"
                        autocomplete="off"
                        wrap="off"
                        value={d.draft.clone()}
                        {oninput}
                        {onkeydown}
                        {onblur}
                    />
                </div>
            </div>
        }
    } else {
        html! { <p class="muted pad">{ tr(ui_lang, "Create or select a file to edit it.") }</p> }
    };

    html! {
        <section class={classes!("editor", props.class.clone())} data-testid="editor" aria-label={tr(ui_lang, "Files and editor")}>
            <FileTree files={props.files.clone()} selected={(*selected).clone()} {on_select} on_action={props.on_action.clone()} />
            <div class="code">
                <div class="code-head">
                    <span class="code-path">{ d.path.clone().unwrap_or_default() }</span>
                    if dirty { <span class="badge" aria-label={tr(ui_lang, "unsaved changes")}>{ tr(ui_lang, "modified") }</span> }
                    <button onclick={onsave} disabled={!dirty} title={tr(ui_lang, "Save (Ctrl+S)")}>{ tr(ui_lang, "Save") }</button>
                </div>
                { code }
                if !diags.is_empty() {
                    <ul class="diags" aria-label={tr(ui_lang, "Problems")} data-testid="diagnostics">
                        { for diags.iter().map(|x| html! {
                            <li class={format!("diag diag-{}", x.severity)}>
                                <button class="link" onclick={goto_line(x.line)}>{ format!("line {}", x.line) }</button>
                                <span class="sev">{ &x.severity }</span>
                                { " " }{ &x.message }
                                if let Some(rule) = &x.rule { <code class="rule">{ rule }</code> }
                                if let Some(ex) = &x.explain { <details><summary>{ tr(ui_lang, "Why?") }</summary><p>{ ex }</p></details> }
                            </li>
                        }) }
                    </ul>
                }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_file_prefers_dockerfile_then_compose() {
        let f = |p: &str| FileView { path: p.into(), is_dir: p.ends_with('/'), size: 1 };
        assert_eq!(default_file(&[f("a.txt"), f("compose.yaml")]), Some("compose.yaml".into()));
        assert_eq!(default_file(&[f("app/"), f("app/x.js")]), Some("app/x.js".into()));
        assert_eq!(default_file(&[]), None);
    }
}
