//! The few browser calls the session features need (location, downloads,
//! file reading, fetching a scenario, timing), with inert native stand-ins
//! so the rest of the crate stays testable natively.

/// The page's query string (`?a=b`), fragment (`#...`) and languages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Location {
    pub search: String,
    pub hash: String,
    pub languages: Vec<String>,
    /// The page address without the fragment (for share links).
    pub base: String,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Location;
    use wasm_bindgen::{JsCast, JsValue};

    pub fn location() -> Location {
        let Some(w) = web_sys::window() else { return Location::default() };
        let loc = w.location();
        let href = loc.href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_string();
        let nav = w.navigator();
        let mut languages: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
        if let Some(l) = nav.language() {
            languages.push(l);
        }
        Location { search: loc.search().unwrap_or_default(), hash: loc.hash().unwrap_or_default(), languages, base }
    }

    /// Removes the fragment from the address bar (without reloading).
    pub fn clear_hash() {
        if let Some(w) = web_sys::window() {
            if let Ok(h) = w.history() {
                let loc = w.location();
                let url = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
    }

    pub fn now_ms() -> f64 {
        web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
    }

    /// Offers `text` as a file download.
    pub fn download(file_name: &str, text: &str, mime: &str) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        if let Ok(a) = doc.create_element("a") {
            if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
                a.set_href(&url);
                a.set_download(file_name);
                if let Some(body) = doc.body() {
                    let _ = body.append_child(&a);
                    a.click();
                    a.remove();
                }
            }
        }
        let url2 = url.clone();
        gloo_timers::callback::Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        })
        .forget();
    }

    /// Reads the first file of an `<input type=file>` as text.
    pub async fn read_file(input: web_sys::HtmlInputElement) -> Result<String, String> {
        let file = input.files().and_then(|f| f.get(0)).ok_or("no file")?;
        if file.size() > super::MAX_IMPORT as f64 {
            return Err("the file is too large".into());
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|e| format!("{e:?}"))?;
        text.as_string().ok_or_else(|| "not text".into())
    }

    /// Fetches a text file (a scenario beside the app).
    pub async fn fetch_text(url: &str) -> Result<String, String> {
        let w = web_sys::window().ok_or("no window")?;
        let resp = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str(url)).await.map_err(|_| format!("{url}: network error"))?;
        let resp: web_sys::Response = resp.dyn_into().map_err(|_| "bad response".to_string())?;
        if !resp.ok() {
            return Err(format!("{url}: HTTP {}", resp.status()));
        }
        let text = wasm_bindgen_futures::JsFuture::from(resp.text().map_err(|_| "no text".to_string())?).await.map_err(|_| "read error".to_string())?;
        text.as_string().ok_or_else(|| "not text".into())
    }

    /// Marks a figure on `<html data-NAME=value>` (read by tests and the size report).
    pub fn mark(name: &str, value: &str) {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute(&format!("data-{name}"), value);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Location;

    pub fn location() -> Location {
        Location::default()
    }
    pub fn clear_hash() {}
    pub fn now_ms() -> f64 {
        0.0
    }
    pub fn download(_file_name: &str, _text: &str, _mime: &str) {}
    pub fn mark(_name: &str, _value: &str) {}
}

pub use imp::*;

/// Largest session file accepted by import.
pub const MAX_IMPORT: usize = 16 * 1024 * 1024;
