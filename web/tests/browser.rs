//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test-runner and chromedriver):
//! `cargo test -p baleine-web --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use baleine_host::view::{ContainerView, EndpointView, NetworkEndpointView, NetworkView};
use baleine_web::ansi::Screen;
use baleine_web::app::{App, AppProps};
use baleine_web::components::networks::Networks;
use baleine_web::components::terminal::{Terminal, TerminalProps};
use baleine_web::host::HostHandle;
use baleine_web::line_editor::LineEditor;
use baleine_web::state::Shared;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = gloo_utils_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn gloo_utils_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn q(root: &Element, sel: &str) -> Option<Element> {
    root.query_selector(sel).unwrap()
}

fn by_testid(root: &Element, id: &str) -> Element {
    q(root, &format!("[data-testid=\"{id}\"]")).unwrap_or_else(|| panic!("no data-testid={id}"))
}

/// Types `text` the way a browser does for printable keys: the value lands
/// in the input, then an `input` event fires.
fn type_text(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    init.set_data(Some(text));
    let e = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&e).unwrap();
}

fn press(input: &HtmlInputElement, key: &str, ctrl: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input.dispatch_event(&e).unwrap();
}

#[wasm_bindgen_test]
async fn app_renders_every_panel_and_runs_a_typed_command() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { paused: true }).render();
    settle().await;
    for id in ["terminal", "terminal-output", "editor", "file-tree", "panel-images", "panel-build", "panel-containers", "panel-networks", "panel-volumes", "panel-compose", "panel-events"] {
        by_testid(&root, id);
    }
    let input: HtmlInputElement = by_testid(&root, "terminal-input").dyn_into().unwrap();
    type_text(&input, "echo bonjour");
    settle().await;
    assert!(q(&root, ".term-prompt-line").unwrap().text_content().unwrap().contains("echo bonjour"));
    press(&input, "Enter", false);
    settle().await;
    settle().await;
    let out = by_testid(&root, "terminal-output").text_content().unwrap();
    assert!(out.contains("learner@baleine:~/projet$ echo bonjour"), "echoed: {out}");
    assert!(out.contains("bonjour"), "output: {out}");
    // History: ArrowUp brings the line back.
    press(&input, "ArrowUp", false);
    settle().await;
    assert!(q(&root, ".term-prompt-line").unwrap().text_content().unwrap().contains("echo bonjour"));
    // Ctrl+L clears the scrollback.
    press(&input, "l", true);
    settle().await;
    assert_eq!(by_testid(&root, "terminal-output").text_content().unwrap().trim(), "");
}

#[wasm_bindgen_test]
async fn terminal_renders_ansi_colours_and_the_cursor() {
    let root = fresh_root();
    let mut screen = Screen::new(100);
    screen.feed("plain \x1b[1;31mred\x1b[0m\r\n\x1b[42mbg\x1b[0m\r\n");
    let (editor, _) = LineEditor::default().reduce(baleine_web::line_editor::EditAction::Insert("ls".into()));
    let props = TerminalProps {
        screen: Rc::new(screen),
        prompt: "$ ".into(),
        editor,
        bell: 0,
        on_action: Callback::noop(),
        class: Classes::new(),
        hint: None,
    };
    yew::Renderer::<Terminal>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let red = q(&root, "[data-testid=\"terminal-output\"] span").expect("a styled span");
    assert_eq!(red.text_content().unwrap(), "red");
    let style = red.get_attribute("style").unwrap();
    assert!(style.contains("var(--ansi-9)") && style.contains("font-weight:bold"), "{style}");
    assert!(root.inner_html().contains("background:var(--ansi-2)"));
    assert_eq!(q(&root, ".cursor").unwrap().text_content().unwrap(), " ");
    assert!(q(&root, ".term-prompt-line").unwrap().text_content().unwrap().starts_with("$ ls"));
}

#[derive(Properties, PartialEq)]
struct WithHostProps {
    networks: Shared<Vec<NetworkView>>,
    containers: Shared<Vec<ContainerView>>,
}

#[function_component(NetworksWithHost)]
fn networks_with_host(props: &WithHostProps) -> Html {
    let host = (*use_memo((), |_| HostHandle::new())).clone();
    html! {
        <ContextProvider<HostHandle> context={host}>
            <Networks networks={props.networks.clone()} containers={props.containers.clone()} />
        </ContextProvider<HostHandle>>
    }
}

#[wasm_bindgen_test]
async fn network_diagram_puts_containers_in_their_zones() {
    let root = fresh_root();
    let ep = |c: &str, ip: &str| NetworkEndpointView { container: c.into(), ip: ip.into(), aliases: vec![] };
    let networks = vec![
        NetworkView { name: "bridge".into(), driver: "bridge".into(), subnet: "172.17.0.0/16".into(), gateway: "172.17.0.1".into(), endpoints: vec![ep("web", "172.17.0.2")], ..Default::default() },
        NetworkView { name: "app-net".into(), driver: "bridge".into(), dns: true, endpoints: vec![ep("api", "172.18.0.2"), ep("db", "172.18.0.3")], ..Default::default() },
    ];
    let containers = vec![ContainerView {
        name: "web".into(),
        state: "running".into(),
        networks: vec![EndpointView { network: "bridge".into(), ip: "172.17.0.2".into(), aliases: vec![] }],
        ..Default::default()
    }];
    let props = WithHostProps { networks: Shared::new(networks), containers: Shared::new(containers) };
    yew::Renderer::<NetworksWithHost>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let node = q(&root, "[data-testid=\"network-bridge\"] [data-testid=\"netnode-bridge-web\"]").expect("web inside bridge");
    assert_eq!(node.get_attribute("data-ip").as_deref(), Some("172.17.0.2"));
    assert!(node.get_attribute("class").unwrap().contains("state-running"));
    assert!(q(&root, "[data-testid=\"network-app-net\"] [data-testid=\"netnode-app-net-db\"]").is_some());
    assert!(by_testid(&root, "network-bridge").text_content().unwrap().contains("172.17.0.0/16"));
}

#[derive(Properties, PartialEq)]
struct LessonHostProps {
    run: Option<Rc<baleine_web::lesson::LessonRun>>,
    ops: Callback<baleine_web::components::lesson::LessonOp>,
}

#[function_component(LessonWithLang)]
fn lesson_with_lang(props: &LessonHostProps) -> Html {
    use baleine_web::components::lesson::LessonPanel;
    html! {
        <ContextProvider<baleine_web::i18n::Lang> context={baleine_web::i18n::Lang::En}>
            <LessonPanel run={props.run.clone()} done={Rc::new(vec!["volumes".to_string()])} on_lesson={props.ops.clone()} on_action={Callback::noop()} />
        </ContextProvider<baleine_web::i18n::Lang>>
    }
}

#[wasm_bindgen_test]
async fn lesson_panel_lists_lessons_then_shows_steps_checks_and_hints() {
    use baleine_web::components::lesson::LessonOp;
    use baleine_web::lesson::{find, LessonRun};
    let ops = Rc::new(std::cell::RefCell::new(Vec::new()));
    let record = {
        let ops = ops.clone();
        Callback::from(move |op: LessonOp| ops.borrow_mut().push(op))
    };
    // No lesson: the catalogue, completed ones marked.
    let root = fresh_root();
    yew::Renderer::<LessonWithLang>::with_root_and_props(root.clone(), LessonHostProps { run: None, ops: record.clone() }).render();
    settle().await;
    by_testid(&root, "lesson-list");
    assert_eq!(by_testid(&root, "lesson-open-volumes").get_attribute("data-done").as_deref(), Some("true"));
    assert_eq!(by_testid(&root, "lesson-open-cycle-de-vie").get_attribute("data-done").as_deref(), Some("false"));
    by_testid(&root, "lesson-open-cycle-de-vie").dyn_into::<web_sys::HtmlElement>().unwrap().click();
    assert_eq!(ops.borrow().as_slice(), &[LessonOp::Open("cycle-de-vie".into())]);

    // A lesson on its second step, one hint shown, the first check passing.
    let mut run = LessonRun::new(find("cycle-de-vie").unwrap(), None);
    run.progress.step = 1;
    run.progress.completed = vec!["run".into()];
    run.progress.hints_revealed = 1;
    run.results = vec![baleine_lessons::CheckResult { pass: false, detail: baleine_lessons::Text::new("absent", "<img src=x onerror=alert(1)> is absent") }];
    let root = fresh_root();
    yew::Renderer::<LessonWithLang>::with_root_and_props(root.clone(), LessonHostProps { run: Some(Rc::new(run)), ops: record }).render();
    settle().await;
    assert_eq!(by_testid(&root, "lesson-step-run").get_attribute("data-state").as_deref(), Some("done"));
    assert_eq!(by_testid(&root, "lesson-step-note").get_attribute("data-state").as_deref(), Some("current"));
    assert_eq!(by_testid(&root, "lesson-step-rm").get_attribute("data-state").as_deref(), Some("todo"));
    assert_eq!(by_testid(&root, "lesson-check").get_attribute("data-pass").as_deref(), Some("false"));
    assert!(q(&root, "img").is_none(), "lesson and check texts are text, never HTML");
    assert_eq!(root.query_selector_all("[data-testid=\"lesson-hint\"]").unwrap().length(), 1);
    assert!(by_testid(&root, "lesson-hint-button").text_content().unwrap().contains("(2/2)"));
    // Inline code in objectives is rendered as <code>.
    assert!(q(&by_testid(&root, "lesson-step-note"), "code").is_some());
    by_testid(&root, "lesson-solution-button").dyn_into::<web_sys::HtmlElement>().unwrap().click();
    assert_eq!(ops.borrow().last(), Some(&LessonOp::Solution));
    assert!(q(&root, "[data-testid=\"lesson-complete\"]").is_none());
}
