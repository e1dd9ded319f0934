//! A panic hook that never leaves a blank page: it logs the message to the
//! console and shows a banner with a reload button, built with plain DOM
//! calls because yew may be unusable after a panic.

/// Text of the banner for a panic message.
pub fn banner_text(message: &str) -> String {
    format!("The playground stopped because of an internal error: {message}")
}

/// Installs the hook through yew (yew replaces a plain `std::panic::set_hook`
/// with its own console hook when the app renders).
#[cfg(target_arch = "wasm32")]
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&wasm_bindgen::JsValue::from_str(&message));
        let _ = show_banner(&message);
    }));
}

#[cfg(target_arch = "wasm32")]
fn show_banner(message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id("panic-banner").is_some() {
        return Some(());
    }
    let banner = document.create_element("div").ok()?;
    banner.set_id("panic-banner");
    banner.set_attribute("role", "alert").ok()?;
    banner.set_attribute("data-testid", "panic-banner").ok()?;
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(&banner_text(message)));
    let button = document.create_element("button").ok()?;
    button.set_text_content(Some("Reload"));
    button.set_attribute("onclick", "location.reload()").ok()?;
    banner.append_child(&text).ok()?;
    banner.append_child(&button).ok()?;
    document.body()?.prepend_with_node_1(&banner).ok()?;
    Some(())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn install() {}
