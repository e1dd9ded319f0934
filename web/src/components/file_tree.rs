//! The project folder as a tree, with create / rename / delete of files and
//! folders (each a host command: Mkdir, WriteFile, Rename, RemoveFile).

use crate::state::{AppAction, Cmd, Shared};
use crate::tree::{parent_for_new, rows, valid_name, Row};
use baleine_host::view::FileView;
use std::collections::BTreeSet;
use web_sys::HtmlInputElement;
use crate::i18n::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileTreeProps {
    pub files: Shared<Vec<FileView>>,
    pub selected: Option<String>,
    pub on_select: Callback<String>,
    pub on_action: Callback<AppAction>,
}

#[derive(Clone, Debug, PartialEq)]
enum Form {
    None,
    NewFile,
    NewFolder,
    Rename(String),
    ConfirmDelete(String),
}

#[function_component(FileTree)]
pub fn file_tree(props: &FileTreeProps) -> Html {
    let lang = use_context::<crate::i18n::Lang>().unwrap_or_default();
    let collapsed = use_state(BTreeSet::<String>::new);
    let form = use_state(|| Form::None);
    let error = use_state(|| None::<&'static str>);
    let input_ref = use_node_ref();
    let all_rows = rows(&props.files, &collapsed);
    let selected_row: Option<Row> = props.selected.as_ref().and_then(|p| rows(&props.files, &BTreeSet::new()).into_iter().find(|r| &r.path == p));

    {
        let input_ref = input_ref.clone();
        use_effect_with((*form).clone(), move |_| {
            if let Some(i) = input_ref.cast::<HtmlInputElement>() {
                let _ = i.focus();
                i.select();
            }
        });
    }

    let open = |f: Form| {
        let form = form.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            form.set(f.clone())
        })
    };

    let submit = {
        let form = form.clone();
        let error = error.clone();
        let input_ref = input_ref.clone();
        let on_action = props.on_action.clone();
        let on_select = props.on_select.clone();
        let parent = parent_for_new(selected_row.as_ref());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = input_ref.cast::<HtmlInputElement>() else { return };
            let name = input.value().trim().to_string();
            if let Err(msg) = valid_name(&name) {
                error.set(Some(msg));
                return;
            }
            match &*form {
                Form::NewFile => {
                    let path = format!("{parent}{name}");
                    on_action.emit(AppAction::Host(Cmd::WriteFile { path: path.clone(), text: String::new() }));
                    on_select.emit(path);
                }
                Form::NewFolder => on_action.emit(AppAction::Host(Cmd::Mkdir(format!("{parent}{name}")))),
                Form::Rename(from) => {
                    let to = match from.rsplit_once('/') {
                        Some((dir, _)) if !name.contains('/') => format!("{dir}/{name}"),
                        _ => name.clone(),
                    };
                    on_action.emit(AppAction::Host(Cmd::Rename { from: from.clone(), to: to.clone() }));
                    on_select.emit(to);
                }
                _ => {}
            }
            error.set(None);
            form.set(Form::None);
        })
    };
    let cancel = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set(Form::None))
    };
    let onkeydown_form = {
        let form = form.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                form.set(Form::None)
            }
        })
    };

    let form_html = match &*form {
        Form::None => html! {},
        Form::ConfirmDelete(path) => {
            let on_action = props.on_action.clone();
            let form2 = form.clone();
            let path2 = path.clone();
            let yes = Callback::from(move |_: MouseEvent| {
                on_action.emit(AppAction::Host(Cmd::RemoveFile(path2.clone())));
                form2.set(Form::None);
            });
            html! {
                <div class="tree-form" role="alertdialog" aria-label={tr(lang, "Confirm deletion")}>
                    <span>{ format!("Delete {path}?") }</span>
                    <button class="danger" onclick={yes} data-testid="confirm-delete">{ tr(lang, "Delete") }</button>
                    <button onclick={cancel}>{ tr(lang, "Cancel") }</button>
                </div>
            }
        }
        f => {
            let (label, value) = match f {
                Form::NewFile => ("New file name", String::new()),
                Form::NewFolder => ("New folder name", String::new()),
                Form::Rename(p) => ("New name", p.rsplit('/').next().unwrap_or(p).to_string()),
                _ => unreachable!(),
            };
            html! {
                <form class="tree-form" onsubmit={submit} onkeydown={onkeydown_form}>
                    <input ref={input_ref.clone()} aria-label={label} placeholder={label} value={value} data-testid="tree-name" />
                    <button type="submit">{ "OK" }</button>
                    <button type="button" onclick={cancel}>{ tr(lang, "Cancel") }</button>
                    if let Some(msg) = *error { <p class="error" role="alert">{ msg }</p> }
                </form>
            }
        }
    };

    let row_html = |r: &Row| {
        let on_select = props.on_select.clone();
        let collapsed = collapsed.clone();
        let path = r.path.clone();
        let is_dir = r.is_dir;
        let onclick = Callback::from(move |_: MouseEvent| {
            if is_dir {
                let mut c = (*collapsed).clone();
                if !c.remove(&path) {
                    c.insert(path.clone());
                }
                collapsed.set(c);
            }
            on_select.emit(path.clone());
        });
        let selected = props.selected.as_deref() == Some(r.path.as_str());
        let icon = if r.is_dir { if r.collapsed { "▸" } else { "▾" } } else { "" };
        html! {
            <li role="treeitem" aria-selected={selected.to_string()} aria-expanded={r.is_dir.then(|| (!r.collapsed).to_string())}>
                <button
                    class={classes!("tree-row", selected.then_some("selected"), r.is_dir.then_some("dir"))}
                    style={format!("padding-left:{}rem", 0.4 + r.depth as f64 * 0.9)}
                    data-path={r.path.clone()}
                    {onclick}
                >
                    <span class="tree-icon" aria-hidden="true">{ icon }</span>
                    { &r.name }{ if r.is_dir { "/" } else { "" } }
                </button>
            </li>
        }
    };

    let sel = props.selected.clone();
    html! {
        <nav class="file-tree" data-testid="file-tree" aria-label={tr(lang, "Project files")}>
            <div class="tree-tools">
                <button onclick={open(Form::NewFile)} title="New file" aria-label="New file">{ tr(lang, "+ File") }</button>
                <button onclick={open(Form::NewFolder)} title="New folder" aria-label="New folder">{ tr(lang, "+ Folder") }</button>
                <button disabled={sel.is_none()} onclick={open(Form::Rename(sel.clone().unwrap_or_default()))} aria-label={tr(lang, "Rename selected")}>{ tr(lang, "Rename") }</button>
                <button disabled={sel.is_none()} onclick={open(Form::ConfirmDelete(sel.clone().unwrap_or_default()))} aria-label={tr(lang, "Delete selected")}>{ tr(lang, "Delete") }</button>
            </div>
            { form_html }
            <ul role="tree" class="tree">
                { for all_rows.iter().map(row_html) }
            </ul>
            if all_rows.is_empty() { <p class="muted">{ tr(lang, "The project folder is empty.") }</p> }
        </nav>
    }
}
