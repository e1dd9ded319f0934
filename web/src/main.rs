//! Entry point that trunk builds into the wasm bundle.

fn main() {
    #[cfg(target_arch = "wasm32")]
    baleine_web::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("baleine-web runs in the browser: use ./scripts/serve.sh");
}
