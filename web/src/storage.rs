//! Browser storage for what survives a reload: the terminal history, the
//! theme, the language and the sessions (`baleine.session.<name>`, the
//! envelope of `session.rs`). Outside the browser (native tests) nothing is stored.

const HISTORY_KEY: &str = "baleine.history";
const THEME_KEY: &str = "baleine.theme";
const LANG_KEY: &str = "baleine.lang";
const CURRENT_KEY: &str = "baleine.current";
const BROKEN_KEY: &str = "baleine.broken";
const LESSONS_DONE_KEY: &str = "baleine.lessons.done";
pub const SESSION_PREFIX: &str = "baleine.session.";
/// The session used when none was chosen.
pub const DEFAULT_SESSION: &str = "default";

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

#[cfg(target_arch = "wasm32")]
fn try_set(key: &str, value: &str) -> Result<(), String> {
    let s = local_storage().ok_or_else(|| "no local storage".to_string())?;
    s.set_item(key, value).map_err(|e| format!("{e:?}"))
}

#[cfg(target_arch = "wasm32")]
fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

#[cfg(target_arch = "wasm32")]
fn keys() -> Vec<String> {
    let Some(s) = local_storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn get(_key: &str) -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn set(_key: &str, _value: &str) {}

#[cfg(not(target_arch = "wasm32"))]
fn try_set(_key: &str, _value: &str) -> Result<(), String> {
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn remove(_key: &str) {}

#[cfg(not(target_arch = "wasm32"))]
fn keys() -> Vec<String> {
    Vec::new()
}

pub fn load_lang() -> Option<String> {
    get(LANG_KEY)
}

pub fn save_lang(code: &str) {
    set(LANG_KEY, code);
}

/// Names of the saved sessions, sorted.
pub fn session_names() -> Vec<String> {
    let mut v: Vec<String> = keys().into_iter().filter_map(|k| k.strip_prefix(SESSION_PREFIX).map(str::to_string)).filter(|n| !n.starts_with("embed-")).collect();
    baleine_util::sort(&mut v);
    v
}

pub fn load_session(name: &str) -> Option<String> {
    get(&format!("{SESSION_PREFIX}{name}"))
}

pub fn save_session(name: &str, text: &str) -> Result<(), String> {
    try_set(&format!("{SESSION_PREFIX}{name}"), text)
}

pub fn delete_session(name: &str) {
    remove(&format!("{SESSION_PREFIX}{name}"));
}

pub fn current_session() -> Option<String> {
    get(CURRENT_KEY).filter(|n| !n.is_empty())
}

pub fn set_current_session(name: &str) {
    set(CURRENT_KEY, name);
}

/// Keeps a save that could not be read, so it can still be downloaded.
pub fn stash_broken(text: &str) {
    set(BROKEN_KEY, text);
}

pub fn broken() -> Option<String> {
    get(BROKEN_KEY)
}

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

/// Ids of the lessons completed in this browser.
pub fn load_lessons_done() -> Vec<String> {
    get(LESSONS_DONE_KEY).map(|t| crate::lesson::decode_done(&t)).unwrap_or_default()
}

pub fn save_lessons_done(ids: &[String]) {
    set(LESSONS_DONE_KEY, &ids.join("\n"));
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
