//! The build context: the host folder filtered by `.dockerignore` (as
//! BuildKit's fsutil sender walks it), content checksums for the cache
//! (BuildKit's contenthash: content + mode + owner, not mtime), and source
//! resolution for COPY/ADD (Go `filepath.Match` wildcards per path element).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use baleine_vfs::{Content, Dir, Meta, Node, Tree};

use crate::build_ignore::{glob_match, has_glob_meta, PatternMatcher};

/// Most files a build context may hold.
pub const MAX_CONTEXT_FILES: usize = 20_000;

/// The context as the builder sees it.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Absolute host path.
    pub dir: String,
    /// Included files and folders, rooted at `/`.
    pub tree: Tree,
    /// Relative paths of included files (not folders), sorted.
    pub files: Vec<String>,
    /// More than [`MAX_CONTEXT_FILES`] files: the listing stopped.
    pub truncated: bool,
}

/// Walks `root` (a host folder node) keeping what the matcher does not
/// exclude. Folders excluded without `!` exceptions are not entered.
pub fn collect(dir: &str, root: &Node, pm: &PatternMatcher) -> Context {
    let mut files = Vec::new();
    let mut truncated = false;
    let tree = match root {
        Node::Dir(d) => {
            let filtered = filter_dir(d, "", &[], pm, &mut files, &mut truncated);
            let mut t = Tree::new();
            let _ = t.put("/", Node::Dir(Arc::new(filtered)), false);
            t
        }
        _ => Tree::new(),
    };
    baleine_util::sort(&mut files);
    Context { dir: dir.to_string(), tree, files, truncated }
}

fn filter_dir(d: &Dir, prefix: &str, parent: &[bool], pm: &PatternMatcher, files: &mut Vec<String>, truncated: &mut bool) -> Dir {
    let mut out = Dir { entries: BTreeMap::new(), meta: d.meta.clone() };
    for (name, child) in &d.entries {
        if *truncated {
            break;
        }
        let rel = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
        let (excluded, info) = if pm.is_empty() { (false, Vec::new()) } else { pm.matches_using_parent(&rel, parent) };
        match child {
            Node::Dir(sub) => {
                if excluded && !pm.exclusions() {
                    continue;
                }
                let inner = filter_dir(sub, &rel, &info, pm, files, truncated);
                if excluded && inner.entries.is_empty() {
                    continue;
                }
                out.entries.insert(name.clone(), Node::Dir(Arc::new(inner)));
            }
            other => {
                if excluded {
                    continue;
                }
                if files.len() >= MAX_CONTEXT_FILES {
                    *truncated = true;
                    break;
                }
                files.push(rel);
                out.entries.insert(name.clone(), other.clone());
            }
        }
    }
    out
}

/// Content checksums, memoised by node identity within one build (the
/// memo keeps each node alive, so an address is never reused or mutated in
/// place while it is remembered).
#[derive(Default)]
pub struct Hasher {
    memo: HashMap<usize, (Node, String)>,
}

fn meta_text(m: &Meta) -> String {
    format!("{:o}:{}:{}", m.mode & 0o7777, m.uid, m.gid)
}

/// Digest of a file's content alone.
pub fn content_digest(c: &Content) -> String {
    match c {
        Content::Bytes(b) => baleine_shell::sha256::hex(b),
        Content::Opaque { kind, size } => crate::util::sha256_hex(&format!("opaque:{kind}:{size}")),
    }
}

impl Hasher {
    pub fn node(&mut self, node: &Node) -> String {
        let ptr = match node {
            Node::File(f) => Arc::as_ptr(f) as usize,
            Node::Dir(d) => Arc::as_ptr(d) as usize,
            Node::Symlink(t) => return crate::util::sha256_hex(&format!("l:{t}")),
        };
        if let Some((_, h)) = self.memo.get(&ptr) {
            return h.clone();
        }
        let h = match node {
            Node::File(f) => crate::util::sha256_hex(&format!("f:{}:{}", meta_text(&f.meta), content_digest(&f.content))),
            Node::Dir(d) => {
                let mut s = format!("d:{}", meta_text(&d.meta.clone().unwrap_or_else(Meta::dir)));
                for (name, child) in &d.entries {
                    s.push('\n');
                    s.push_str(name);
                    s.push(' ');
                    s.push_str(&self.node(child));
                }
                crate::util::sha256_hex(&s)
            }
            Node::Symlink(_) => String::new(),
        };
        if self.memo.len() < 200_000 {
            self.memo.insert(ptr, (node.clone(), h.clone()));
        }
        h
    }

    /// Every file below `node` (relative to `base`) with its content
    /// checksum, for "file changed" explanations. At most `cap` entries.
    pub fn files(&mut self, base: &str, node: &Node, cap: usize, out: &mut BTreeMap<String, String>) {
        if out.len() >= cap {
            return;
        }
        match node {
            Node::Dir(d) => {
                for (name, child) in &d.entries {
                    let p = if base.is_empty() { name.clone() } else { format!("{base}/{name}") };
                    self.files(&p, child, cap, out);
                }
            }
            other => {
                out.insert(base.to_string(), self.node(other));
            }
        }
    }
}

/// Resolves a COPY source (absolute, cleaned) in a tree: wildcards in any
/// path element (Go `filepath.Match`). Returns matching absolute paths,
/// sorted. Err carries a pattern syntax error.
pub fn resolve_sources(tree: &Tree, src: &str) -> Result<Vec<String>, String> {
    if !has_glob_meta(src) {
        return Ok(if tree.exists(src) { vec![src.to_string()] } else { Vec::new() });
    }
    let parts: Vec<&str> = src.split('/').filter(|p| !p.is_empty()).collect();
    let mut current: Vec<String> = vec!["/".to_string()];
    for part in parts {
        let mut next = Vec::new();
        for base in &current {
            if has_glob_meta(part) {
                if let Ok(list) = tree.list(base) {
                    for (name, _) in list {
                        if glob_match(part, &name)? {
                            next.push(baleine_vfs::join(base, &name));
                        }
                    }
                }
            } else {
                let p = baleine_vfs::join(base, part);
                if tree.exists(&p) {
                    next.push(p);
                }
            }
            if next.len() > MAX_CONTEXT_FILES {
                break;
            }
        }
        current = next;
        if current.is_empty() {
            break;
        }
    }
    baleine_util::sort(&mut current);
    Ok(current)
}

/// A node with its metadata rewritten (owner and/or mode), recursively.
pub fn remeta(node: &Node, uid_gid: Option<(u32, u32)>, mode: Option<u32>) -> Node {
    let fix = |m: &Meta, is_dir: bool| -> Meta {
        let mut m = m.clone();
        if let Some((u, g)) = uid_gid {
            m.uid = u;
            m.gid = g;
        }
        if let Some(md) = mode {
            m.mode = md;
        }
        let _ = is_dir;
        m
    };
    match node {
        Node::File(f) => {
            let meta = fix(&f.meta, false);
            if meta == f.meta {
                return node.clone();
            }
            Node::File(Arc::new(baleine_vfs::File { content: f.content.clone(), meta }))
        }
        Node::Dir(d) => {
            let entries = d.entries.iter().map(|(k, v)| (k.clone(), remeta(v, uid_gid, mode))).collect();
            let meta = Some(fix(&d.meta.clone().unwrap_or_else(Meta::dir), true));
            Node::Dir(Arc::new(Dir { entries, meta }))
        }
        Node::Symlink(_) => node.clone(),
    }
}

/// Copies `node` to `dest` in `tree`, merging folders into existing folders
/// (files replace files). Missing parents are created.
pub fn merge_into(tree: &mut Tree, dest: &str, node: &Node) {
    match (tree.get(dest), node) {
        (Some(Node::Dir(existing)), Node::Dir(src)) => {
            if src.meta.is_some() && src.meta != existing.meta {
                let merged = Dir { entries: existing.entries.clone(), meta: src.meta.clone() };
                let _ = tree.put(dest, Node::Dir(Arc::new(merged)), true);
            }
            for (name, child) in &src.entries {
                merge_into(tree, &baleine_vfs::join(dest, name), child);
            }
        }
        (Some(Node::Dir(_)), _) => {
            let _ = tree.remove(dest);
            let _ = tree.put(dest, node.clone(), true);
        }
        _ => {
            if tree.put(dest, node.clone(), true).is_err() {
                // A file stands where a parent folder should be: replace it.
                let mut p = baleine_vfs::dirname(dest);
                while p != "/" {
                    if let Some(Node::File(_)) | Some(Node::Symlink(_)) = tree.get(&p) {
                        let _ = tree.remove(&p);
                        break;
                    }
                    p = baleine_vfs::dirname(&p);
                }
                let _ = tree.put(dest, node.clone(), true);
            }
        }
    }
}

/// Bytes of files added or changed from `base` to `top` (a layer's size),
/// and the changed paths.
pub fn layer_diff(top: &Tree, base: &Tree) -> (u64, usize) {
    let diff = top.diff(base);
    let mut size = 0u64;
    for (kind, path) in &diff {
        if *kind == 'D' {
            continue;
        }
        if let Some(Node::File(f)) = top.get(path) {
            size += f.content.size();
        } else if let Some(Node::Symlink(t)) = top.get(path) {
            size += t.len() as u64;
        }
    }
    (size, diff.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build_ignore::read_ignore_file;

    fn host() -> Node {
        let mut t = Tree::new();
        for p in ["/app/package.json", "/app/server.js", "/app/node_modules/x/index.js", "/app/README.md", "/app/docs/keep.md", "/app/.git/HEAD"] {
            t.write_text(p, "x").unwrap();
        }
        t.get("/app").unwrap()
    }

    #[test]
    fn context_respects_dockerignore() {
        let pm = PatternMatcher::new(&read_ignore_file("node_modules\n.git\n**/*.md\n!docs/keep.md\n")).unwrap();
        let ctx = collect("/app", &host(), &pm);
        assert_eq!(ctx.files, vec!["docs/keep.md", "package.json", "server.js"]);
        assert!(!ctx.tree.exists("/node_modules"));
    }

    #[test]
    fn wildcard_sources() {
        let pm = PatternMatcher::default();
        let ctx = collect("/app", &host(), &pm);
        assert_eq!(resolve_sources(&ctx.tree, "/package*.json").unwrap(), vec!["/package.json"]);
        assert_eq!(resolve_sources(&ctx.tree, "/*/keep.md").unwrap(), vec!["/docs/keep.md"]);
        assert!(resolve_sources(&ctx.tree, "/nothere").unwrap().is_empty());
    }

    #[test]
    fn checksums_follow_content_not_identity() {
        let mut h = Hasher::default();
        let mut a = Tree::new();
        a.write_text("/f", "1").unwrap();
        let mut b = Tree::new();
        b.write_text("/f", "1").unwrap();
        assert_eq!(h.node(&a.get("/").unwrap()), h.node(&b.get("/").unwrap()));
        b.write_text("/f", "2").unwrap();
        assert_ne!(h.node(&a.get("/").unwrap()), h.node(&b.get("/").unwrap()));
    }
}
