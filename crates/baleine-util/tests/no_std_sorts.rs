//! Guards the bundle size: code that ends up in the web app sorts with
//! `baleine_util::sort*`, not the standard library's sorts, each call site of
//! which compiles ~4 KB of sort code into the wasm (see `src/sort.rs`).
//! Test code (`*_tests.rs`, `tests/`, after `#[cfg(test)]`) and the native
//! binary are exempt.

use std::path::{Path, PathBuf};

const STD_SORTS: &[&str] = &[
    ".sort()",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_by_cached_key(",
    ".sort_unstable()",
    ".sort_unstable_by(",
    ".sort_unstable_by_key(",
    ".sort_keys()",
    ".sort_unstable_keys()",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !matches!(name, "tests" | "benches" | "fuzz" | "target" | "baleine-cli") {
                rust_files(&p, out);
            }
        } else if name.ends_with(".rs") && !name.ends_with("_tests.rs") && name != "tests.rs" {
            out.push(p);
        }
    }
}

#[test]
fn app_code_uses_the_shared_sort() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    rust_files(&root.join("web/src"), &mut files);
    assert!(files.len() > 50, "source files not found under {}", root.display());
    let mut found = Vec::new();
    for f in files {
        if f.ends_with("baleine-util/src/sort.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            if STD_SORTS.iter().any(|s| line.contains(s)) && !line.trim_start().starts_with("//") {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "use baleine_util::sort* instead of std sorts:\n{}", found.join("\n"));
}
