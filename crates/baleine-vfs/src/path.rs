//! Path helpers for `/`-separated absolute paths.

/// The non-empty components of a path.
pub fn split(path: &str) -> Vec<&str> {
    path.split('/').filter(|p| !p.is_empty() && *p != ".").collect()
}

/// Resolves `path` against `cwd` and removes `.`, `..` and repeated slashes.
/// The result is absolute and has no trailing slash (except "/").
pub fn normalize(cwd: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !path.starts_with('/') {
        parts.extend(split(cwd));
    }
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        "/".to_string()
    } else {
        let mut s = String::with_capacity(path.len() + cwd.len());
        for p in parts {
            s.push('/');
            s.push_str(p);
        }
        s
    }
}

/// Joins a name to a folder path.
pub fn join(dir: &str, name: &str) -> String {
    if name.starts_with('/') {
        return normalize("/", name);
    }
    if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// The parent folder ("/" for top-level entries).
pub fn dirname(path: &str) -> String {
    let p = path.trim_end_matches('/');
    match p.rfind('/') {
        Some(0) | None => "/".to_string(),
        Some(i) => p[..i].to_string(),
    }
}

/// The last component.
pub fn basename(path: &str) -> &str {
    let p = path.trim_end_matches('/');
    match p.rfind('/') {
        Some(i) => &p[i + 1..],
        None => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize("/home/learner", "../x/./y//z/"), "/home/x/y/z");
        assert_eq!(normalize("/a", "/.."), "/");
        assert_eq!(dirname("/a/b"), "/a");
        assert_eq!(dirname("/a"), "/");
        assert_eq!(basename("/a/b/"), "b");
    }
}
