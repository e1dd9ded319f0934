//! The embedding page's API (`?embed` only), by `postMessage`:
//!
//! * `{type: "baleine:run", command, id?}` types the command into the
//!   terminal and runs it; the reply is `{type: "baleine:output", command,
//!   text, status, id}` (text without colours; status null while the command
//!   still holds the terminal, e.g. `logs -f`).
//! * `{type: "baleine:state", id?}` → `{type: "baleine:state", summary, id}`
//!   (containers with their state, images, networks, volumes, files).
//! * On start the playground sends `{type: "baleine:ready"}` to its parent.
//!
//! Messages are accepted from any origin unless the URL has
//! `allowedOrigins=https://a.example,https://b.example`.

use crate::session::Summary;

/// The origins allowed by `allowedOrigins` (None: any).
pub fn allowed_origins(query: &[(String, String)]) -> Option<Vec<String>> {
    query.iter().find(|(k, _)| k == "allowedOrigins").map(|(_, v)| v.split(',').map(|o| o.trim().trim_end_matches('/').to_string()).filter(|o| !o.is_empty()).collect())
}

pub fn origin_allowed(allowed: &Option<Vec<String>>, origin: &str) -> bool {
    match allowed {
        None => true,
        Some(list) => list.iter().any(|o| o == "*" || o == origin),
    }
}

#[derive(serde::Serialize)]
struct Output<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    command: &'a str,
    text: &'a str,
    status: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<serde_json::Value>,
}

#[derive(serde::Serialize)]
struct StateReply {
    #[serde(rename = "type")]
    kind: &'static str,
    summary: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<serde_json::Value>,
}

/// The reply to a message (JSON text), or None when it is not for us.
pub fn answer(data: &serde_json::Value, run: &dyn Fn(String) -> (String, Option<i32>), summary: &dyn Fn() -> Summary) -> Option<String> {
    let id = data.get("id").cloned();
    match data.get("type")?.as_str()? {
        "baleine:run" => {
            let command = data.get("command")?.as_str()?;
            // One line at a time, as typed.
            let command: String = command.split(['\n', '\r']).next().unwrap_or_default().chars().take(100_000).collect();
            let (text, status) = run(command.clone());
            serde_json::to_string(&Output { kind: "baleine:output", command: &command, text: &text, status, id }).ok()
        }
        "baleine:state" => serde_json::to_string(&StateReply { kind: "baleine:state", summary: summary(), id }).ok(),
        _ => None,
    }
}

/// Listens for the embedding page's messages when the URL has `embed`;
/// returns the clean-up.
#[cfg(target_arch = "wasm32")]
pub fn listen(query: &[(String, String)], run: impl Fn(String) -> (String, Option<i32>) + 'static, summary: impl Fn() -> Summary + 'static) -> Box<dyn FnOnce()> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    if !query.iter().any(|(k, _)| k == "embed") {
        return Box::new(|| ());
    }
    let Some(window) = web_sys::window() else { return Box::new(|| ()) };
    let allowed = allowed_origins(query);
    let allowed2 = allowed.clone();
    let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let origin = e.origin();
        if !origin_allowed(&allowed2, &origin) {
            return;
        }
        // Structured data → JSON → serde (anything unexpected is ignored).
        let Ok(json) = js_sys::JSON::stringify(&e.data()) else { return };
        let Some(json) = json.as_string() else { return };
        let Ok(data) = serde_json::from_str::<serde_json::Value>(&json) else { return };
        let Some(reply) = answer(&data, &run, &summary) else { return };
        let Ok(reply) = js_sys::JSON::parse(&reply) else { return };
        let target = if origin == "null" || origin.is_empty() { "*".to_string() } else { origin };
        // The sender's window (a cross-origin WindowProxy fails `instanceof
        // Window`, hence the unchecked cast; it does have postMessage).
        if let Some(src) = e.source() {
            let src: web_sys::Window = src.unchecked_into();
            let _ = src.post_message(&reply, &target);
        }
    });
    let _ = window.add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    // Tell the parent we are ready.
    if let Ok(Some(parent)) = window.parent() {
        if !js_sys::Object::is(&parent, &window) {
            if let Ok(ready) = js_sys::JSON::parse("{\"type\":\"baleine:ready\"}") {
                match &allowed {
                    Some(list) if !list.iter().any(|o| o == "*") => {
                        for o in list {
                            let _ = parent.post_message(&ready, o);
                        }
                    }
                    _ => {
                        let _ = parent.post_message(&ready, "*");
                    }
                }
            }
        }
    }
    let _ = JsValue::NULL;
    Box::new(move || {
        let _ = window.remove_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
        drop(handler);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        let q = vec![("embed".into(), String::new()), ("allowedOrigins".into(), "https://a.example/, https://b.example".into())];
        let a = allowed_origins(&q);
        assert!(origin_allowed(&a, "https://a.example"));
        assert!(origin_allowed(&a, "https://b.example"));
        assert!(!origin_allowed(&a, "https://evil.example"));
        assert!(origin_allowed(&None, "https://anything"));
    }

    #[test]
    fn answers() {
        let run = |c: String| (format!("ran {c}\n"), Some(0));
        let summary = || Summary { networks: vec!["bridge".into()], ..Default::default() };
        let r = answer(&serde_json::json!({"type": "baleine:run", "command": "docker ps\nrm -rf", "id": 7}), &run, &summary).unwrap();
        let v: serde_json::Value = serde_json::from_str(&r).unwrap();
        assert_eq!(v, serde_json::json!({"type": "baleine:output", "command": "docker ps", "text": "ran docker ps\n", "status": 0, "id": 7}));
        let r = answer(&serde_json::json!({"type": "baleine:state"}), &run, &summary).unwrap();
        assert!(r.contains("\"networks\":[\"bridge\"]"), "{r}");
        assert!(answer(&serde_json::json!({"type": "other"}), &run, &summary).is_none());
        assert!(answer(&serde_json::json!("baleine:run"), &run, &summary).is_none());
        assert!(answer(&serde_json::json!({"type": "baleine:run"}), &run, &summary).is_none());
    }
}
