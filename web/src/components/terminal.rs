//! The terminal: scrollback rendered from the [`Screen`] model, the prompt
//! line with a visible cursor, and an `<input>` that receives the keys.
//! Keys become [`AppAction`]s; the line editor itself is the pure reducer in
//! `line_editor.rs`.

use crate::ansi::{Line, Screen};
use crate::line_editor::{EditAction, LineEditor};
use crate::i18n::{tr, Hint, Lang};
use crate::state::AppAction;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TerminalProps {
    pub screen: Rc<Screen>,
    /// The prompt to show before the line ("" while a command follows output).
    pub prompt: String,
    pub editor: LineEditor,
    pub bell: u64,
    pub on_action: Callback<AppAction>,
    #[prop_or_default]
    pub class: Classes,
    /// Explanation of the last command's error, shown after its output
    /// (apart from the terminal text, which stays Docker's own).
    #[prop_or_default]
    pub hint: Option<(Hint, Option<String>)>,
}

#[derive(Properties, PartialEq)]
pub struct TermLineProps {
    pub line: Rc<Line>,
}

/// One line of scrollback; re-renders only when its `Rc` changes.
#[function_component(TermLine)]
pub fn term_line(props: &TermLineProps) -> Html {
    html! { <div class="tl">{ spans(&props.line) }</div> }
}

fn spans(line: &Line) -> Html {
    render_spans(line.spans())
}

fn render_spans(spans: Vec<crate::ansi::Span>) -> Html {
    spans
        .into_iter()
        .map(|s| {
            if s.style.is_plain() {
                html! { {s.text} }
            } else {
                html! { <span style={s.style.css()}>{s.text}</span> }
            }
        })
        .collect()
}

/// Maps a key press to an action; `None` lets the browser handle it.
pub fn key_action(key: &str, ctrl: bool, alt: bool, shift: bool, editor_empty: bool) -> Option<AppAction> {
    use EditAction::*;
    let edit = |a| Some(AppAction::Edit(a));
    match (ctrl, key) {
        (false, "Enter") => edit(Submit),
        (_, "Backspace") if ctrl || alt => edit(DeleteWordBack),
        (_, "Backspace") => edit(Backspace),
        (false, "Delete") => edit(Delete),
        (_, "ArrowLeft") if ctrl || alt => edit(WordLeft),
        (_, "ArrowRight") if ctrl || alt => edit(WordRight),
        (false, "ArrowLeft") => edit(Left),
        (false, "ArrowRight") => edit(Right),
        (false, "ArrowUp") => edit(HistoryPrev),
        (false, "ArrowDown") => edit(HistoryNext),
        (false, "Home") => edit(Home),
        (false, "End") => edit(End),
        (false, "Tab") if !shift => Some(AppAction::RequestComplete),
        (true, "c" | "C") => Some(AppAction::Interrupt),
        (true, "l" | "L") => Some(AppAction::ClearScreen),
        (true, "a" | "A") => edit(Home),
        (true, "e" | "E") => edit(End),
        (true, "u" | "U") => edit(KillToStart),
        (true, "k" | "K") => edit(KillToEnd),
        (true, "w" | "W") => edit(DeleteWordBack),
        (true, "p" | "P") => edit(HistoryPrev),
        (true, "n" | "N") => edit(HistoryNext),
        (true, "d" | "D") if editor_empty => Some(AppAction::TypeCommand("exit".into())),
        _ => None,
    }
}

fn has_selection() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .map(|s| !s.is_collapsed())
        .unwrap_or(false)
}

#[function_component(Terminal)]
pub fn terminal(props: &TerminalProps) -> Html {
    let input_ref = use_node_ref();
    let scroll_ref = use_node_ref();
    let root_ref = use_node_ref();

    // Keep the prompt in view after output or typing.
    {
        let scroll_ref = scroll_ref.clone();
        let key = (Rc::as_ptr(&props.screen) as usize, props.editor.text(), props.prompt.clone());
        use_effect_with(key, move |_| {
            if let Some(el) = scroll_ref.cast::<HtmlElement>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }

    let onkeydown = {
        let on_action = props.on_action.clone();
        let editor_empty = props.editor.text().is_empty();
        let root_ref = root_ref.clone();
        let scroll_ref = scroll_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.is_composing() {
                return;
            }
            let key = e.key();
            if key == "Escape" {
                // Leave the terminal's keyboard trap: focus its frame, then Tab moves on.
                if let Some(el) = root_ref.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
                return;
            }
            let ctrl = e.ctrl_key();
            if ctrl && (key == "c" || key == "C") && has_selection() {
                return; // copy the selected text
            }
            if ctrl && (key == "v" || key == "V") {
                return; // the paste event handles it
            }
            if let Some(action) = key_action(&key, ctrl, e.alt_key(), e.shift_key(), editor_empty) {
                e.prevent_default();
                if action == AppAction::RequestComplete {
                    if let Some(el) = scroll_ref.cast::<HtmlElement>() {
                        let cols = (el.client_width() as f64 / 8.4).floor() as usize;
                        on_action.emit(AppAction::SetColumns(cols));
                    }
                }
                on_action.emit(action);
            }
        })
    };

    let oninput = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            if !e.is_composing() {
                take_typed(&e, &on_action);
            }
        })
    };

    // After an IME composition the text is left in the input: take it on key up.
    let onkeyup = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !e.is_composing() {
                take_typed(&e, &on_action);
            }
        })
    };

    let onpaste = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else { return };
            if let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text").ok()) {
                e.prevent_default();
                on_action.emit(AppAction::Paste(text));
            }
        })
    };

    let focus_input = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if has_selection() {
                return;
            }
            if let Some(input) = input_ref.cast::<HtmlElement>() {
                let _ = input.focus();
            }
        })
    };

    let screen = &props.screen;
    let secret = crate::state::is_secret_prompt(&props.prompt);
    let (before, after) = if secret { Default::default() } else { props.editor.split() };
    let mut after_chars = after.chars();
    let at = after_chars.next().map(String::from).unwrap_or_else(|| " ".into());
    let rest: String = after_chars.collect();
    let lines = screen.finished_lines();
    let open = screen.open_line().map(|l| spans(l)).unwrap_or_default();
    let lang = use_context::<Lang>().unwrap_or_default();
    let bell_class = if props.bell % 2 == 1 { "bell-a" } else if props.bell > 0 { "bell-b" } else { "" };

    html! {
        <section
            ref={root_ref}
            class={classes!("terminal", props.class.clone(), bell_class)}
            data-testid="terminal"
            aria-label="Terminal"
            tabindex="-1"
            onclick={focus_input}
        >
            <div class="term-scroll" ref={scroll_ref}>
                <div class="term-output" data-testid="terminal-output" role="log" aria-label="Terminal output">
                    { for lines.iter().map(|l| html! { <TermLine key={l.id} line={l.clone()} /> }) }
                </div>
                if let Some((hint, detail)) = &props.hint {
                    <aside class="term-hint" data-testid="error-hint" data-hint={hint.id()} role="note" lang={lang.code()}>
                        <strong>{ tr(lang, "Hint") }{ " · " }</strong>
                        if let Some(d) = detail { <code>{ d.clone() }</code>{ " — " } }
                        { hint.text(lang) }
                    </aside>
                }
                <div class="tl term-prompt-line" aria-hidden="true">
                    { open }
                    <span class="term-prompt">{ render_spans(crate::ansi::styled(&props.prompt)) }</span>
                    { before }
                    <span class="cursor">{ at }</span>
                    { rest }
                </div>
            </div>
            <input
                ref={input_ref}
                class="term-input"
                data-testid="terminal-input"
                type="text"
                aria-label="Type a command (Enter runs it, Tab completes, Esc then Tab leaves the terminal)"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                {onkeydown}
                {oninput}
                {onkeyup}
                {onpaste}
            />
        </section>
    }
}

/// Moves what was typed into the (always empty) input to the line editor.
fn take_typed(e: &Event, on_action: &Callback<AppAction>) {
    let input: HtmlInputElement = e.target_unchecked_into();
    let text = input.value();
    input.set_value("");
    if !text.is_empty() {
        on_action.emit(AppAction::Edit(EditAction::Insert(text)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(key_action("Enter", false, false, false, true), Some(AppAction::Edit(EditAction::Submit)));
        assert_eq!(key_action("c", true, false, false, true), Some(AppAction::Interrupt));
        assert_eq!(key_action("Tab", false, false, false, true), Some(AppAction::RequestComplete));
        assert_eq!(key_action("Tab", false, false, true, true), None, "Shift+Tab moves focus");
        assert_eq!(key_action("x", false, false, false, true), None, "printable keys arrive as input events");
        assert_eq!(key_action("ArrowLeft", true, false, false, true), Some(AppAction::Edit(EditAction::WordLeft)));
        assert_eq!(key_action("d", true, false, false, false), None);
    }
}
