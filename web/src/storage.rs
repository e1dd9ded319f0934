//! Browser storage for what survives a reload: the terminal history and the
//! theme. Outside the browser (native tests) nothing is stored.

const HISTORY_KEY: &str = "baleine.history";
const THEME_KEY: &str = "baleine.theme";

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(target_arch = "wasm32")]
fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

#[cfg(target_arch = "wasm32")]
fn set(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(key, value); // full or denied storage: not worth an error
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn get(_key: &str) -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn set(_key: &str, _value: &str) {}

/// Encodes history lines one per line (typed lines never contain '\n').
pub fn encode_history(lines: &[String]) -> String {
    lines.join("\n")
}

pub fn decode_history(text: &str) -> Vec<String> {
    text.split('\n').filter(|l| !l.trim().is_empty()).map(str::to_string).collect()
}

pub fn load_history() -> Vec<String> {
    get(HISTORY_KEY).map(|t| decode_history(&t)).unwrap_or_default()
}

pub fn save_history(lines: &[String]) {
    set(HISTORY_KEY, &encode_history(lines));
}

pub fn load_theme() -> Option<String> {
    get(THEME_KEY)
}

pub fn save_theme(theme: &str) {
    set(THEME_KEY, theme);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_round_trip() {
        let h = vec!["docker ps".to_string(), "ls -la".to_string()];
        assert_eq!(decode_history(&encode_history(&h)), h);
        assert!(decode_history("").is_empty());
    }
}
