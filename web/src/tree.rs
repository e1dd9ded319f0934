//! Turns the host's flat file list (`FileView`s, folders ending in '/') into
//! the rows of a collapsible tree: folders first, then files, by name.

use baleine_host::view::FileView;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Path relative to the project folder, without a trailing '/'.
    pub path: String,
    pub name: String,
    pub depth: usize,
    pub is_dir: bool,
    pub collapsed: bool,
    pub size: u64,
}

#[derive(Default)]
struct Node {
    dirs: BTreeMap<String, Node>,
    files: BTreeMap<String, u64>,
}

/// Tree rows; the contents of folders in `collapsed` (paths without '/') are hidden.
pub fn rows(files: &[FileView], collapsed: &BTreeSet<String>) -> Vec<Row> {
    let mut root = Node::default();
    for f in files {
        let path = f.path.trim_end_matches('/');
        if path.is_empty() {
            continue;
        }
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let (last, parents) = parts.split_last().expect("non-empty");
        let mut node = &mut root;
        for p in parents {
            node = node.dirs.entry(p.to_string()).or_default();
        }
        if f.is_dir || f.path.ends_with('/') {
            node.dirs.entry(last.to_string()).or_default();
        } else {
            node.files.insert(last.to_string(), f.size);
        }
    }
    let mut out = Vec::new();
    walk(&root, "", 0, collapsed, &mut out);
    out
}

fn walk(node: &Node, prefix: &str, depth: usize, collapsed: &BTreeSet<String>, out: &mut Vec<Row>) {
    for (name, child) in &node.dirs {
        let path = format!("{prefix}{name}");
        let is_collapsed = collapsed.contains(&path);
        out.push(Row { path: path.clone(), name: name.clone(), depth, is_dir: true, collapsed: is_collapsed, size: 0 });
        if !is_collapsed {
            walk(child, &format!("{path}/"), depth + 1, collapsed, out);
        }
    }
    for (name, size) in &node.files {
        out.push(Row { path: format!("{prefix}{name}"), name: name.clone(), depth, is_dir: false, collapsed: false, size: *size });
    }
}

/// The folder a new entry goes into when `selected` is selected: the folder
/// itself, or the file's parent ("" for the project root).
pub fn parent_for_new(selected: Option<&Row>) -> String {
    match selected {
        Some(r) if r.is_dir => format!("{}/", r.path),
        Some(r) => r.path.rsplit_once('/').map(|(p, _)| format!("{p}/")).unwrap_or_default(),
        None => String::new(),
    }
}

/// Checks a name typed for a new file or folder or a rename.
pub fn valid_name(name: &str) -> Result<(), &'static str> {
    let name = name.trim();
    if name.is_empty() {
        Err("The name is empty.")
    } else if name.split('/').any(|p| p == ".." || p == ".") {
        Err("'.' and '..' are not allowed.")
    } else if name.starts_with('/') {
        Err("Use a path relative to the project folder.")
    } else if name.contains(['\\', '\0', '*', '?']) {
        Err("The name contains a character that is not allowed.")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, size: u64) -> FileView {
        FileView { path: path.into(), is_dir: path.ends_with('/'), size }
    }

    #[test]
    fn folders_first_and_nested() {
        let files = vec![f("compose.yaml", 10), f("app/", 0), f("app/server.js", 5), f("Dockerfile", 3), f("app/lib/util.js", 1)];
        let r = rows(&files, &BTreeSet::new());
        let names: Vec<(usize, &str, bool)> = r.iter().map(|r| (r.depth, r.path.as_str(), r.is_dir)).collect();
        assert_eq!(
            names,
            vec![
                (0, "app", true),
                (1, "app/lib", true),
                (2, "app/lib/util.js", false),
                (1, "app/server.js", false),
                (0, "Dockerfile", false),
                (0, "compose.yaml", false)
            ]
        );
    }

    #[test]
    fn collapsed_hides_children() {
        let files = vec![f("app/server.js", 5), f("x", 1)];
        let collapsed: BTreeSet<String> = ["app".to_string()].into();
        let r = rows(&files, &collapsed);
        assert_eq!(r.len(), 2);
        assert!(r[0].collapsed);
    }

    #[test]
    fn new_entry_parent() {
        let files = vec![f("app/server.js", 5)];
        let r = rows(&files, &BTreeSet::new());
        assert_eq!(parent_for_new(Some(&r[0])), "app/");
        assert_eq!(parent_for_new(Some(&r[1])), "app/");
        assert_eq!(parent_for_new(None), "");
    }

    #[test]
    fn names() {
        assert!(valid_name("src/main.go").is_ok());
        assert!(valid_name("../x").is_err());
        assert!(valid_name("  ").is_err());
        assert!(valid_name("/etc/passwd").is_err());
    }
}
