//! Path helpers for `/`-separated absolute paths.

/// The non-empty components of a path.
pub fn split(path: &str) -> Vec<&str> {
    path.split('/').filter(|p| !p.is_empty() && *p != ".").collect()
}

/// Whether `path` is already what [`normalize`] makes of it: absolute,
/// without empty, `.` or `..` components and without a trailing slash.
pub(crate) fn is_normal(path: &str) -> bool {
    path == "/" || path.strip_prefix('/').is_some_and(|rest| rest.split('/').all(|p| !matches!(p, "" | "." | "..")))
}

/// Resolves `path` against `cwd` and removes `.`, `..` and repeated slashes.
/// The result is absolute and has no trailing slash (except "/").
pub fn normalize(cwd: &str, path: &str) -> String {
    // Most paths handed around are already normal: one copy, no splitting.
    if is_normal(path) {
        return path.to_string();
    }
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
        for p in ["/", "/a", "/a/b.c", "/.a/..b"] {
            assert!(is_normal(p), "{p}");
            assert_eq!(normalize("/x", p), p);
        }
        for p in ["", "a", "//", "/a/", "/a//b", "/./a", "/a/..", "/a/../b"] {
            assert!(!is_normal(p), "{p}");
        }
    }
}
