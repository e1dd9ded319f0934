//! In-memory file trees for the simulated machine.
//!
//! A [`Tree`] is a persistent (copy-on-write) directory tree: cloning it is
//! O(1) and shares every unchanged directory and file with the original, which
//! is how image layers, container root file systems and build snapshots share
//! data. A [`Forest`] holds every tree of a machine (the host's, each
//! container's writable root, each volume, each tmpfs) under a [`TreeId`]; an
//! [`FsView`] is what one process sees: a root tree plus [`Mount`]s of other
//! trees. The [`Fs`] trait is the file-system interface the shell and the
//! programs use; [`Mounted`] implements it over a forest and a view.
//!
//! Architecture invariant: no real I/O here. Paths are plain `/`-separated
//! strings; times are the simulated clock's seconds passed in by the caller.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

mod path;
use path::is_normal;
pub use path::{basename, dirname, join, normalize, split};

/// Metadata of a file or directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    /// Simulated seconds since the epoch of the simulated clock.
    pub mtime: u64,
}

impl Meta {
    pub fn file() -> Meta {
        Meta { mode: 0o644, uid: 0, gid: 0, mtime: 0 }
    }
    pub fn dir() -> Meta {
        Meta { mode: 0o755, uid: 0, gid: 0, mtime: 0 }
    }
    pub fn exec() -> Meta {
        Meta { mode: 0o755, uid: 0, gid: 0, mtime: 0 }
    }
}

/// What a file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    /// Real bytes (text files, configs, sources).
    Bytes(Arc<Vec<u8>>),
    /// A file whose bytes are not modelled: a binary, a package's payload.
    /// `kind` names the program or blob (for example `busybox`, `nginx`,
    /// `go-binary`), `size` is its size in bytes.
    Opaque { kind: Arc<str>, size: u64 },
}

impl Content {
    pub fn size(&self) -> u64 {
        match self {
            Content::Bytes(b) => b.len() as u64,
            Content::Opaque { size, .. } => *size,
        }
    }
    pub fn text(s: &str) -> Content {
        Content::Bytes(Arc::new(s.as_bytes().to_vec()))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub content: Content,
    pub meta: Meta,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dir {
    pub entries: BTreeMap<String, Node>,
    pub meta: Option<Meta>,
}

/// One entry of a directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    File(Arc<File>),
    Dir(Arc<Dir>),
    Symlink(Arc<str>),
}

impl Node {
    pub fn is_dir(&self) -> bool {
        matches!(self, Node::Dir(_))
    }
    pub fn size(&self) -> u64 {
        match self {
            Node::File(f) => f.content.size(),
            Node::Dir(d) => d.entries.values().map(Node::size).sum(),
            Node::Symlink(t) => t.len() as u64,
        }
    }
    /// Same node object (shared, not merely equal): used to skip unchanged
    /// subtrees when diffing.
    pub fn same(&self, other: &Node) -> bool {
        match (self, other) {
            (Node::File(a), Node::File(b)) => Arc::ptr_eq(a, b),
            (Node::Dir(a), Node::Dir(b)) => Arc::ptr_eq(a, b),
            (Node::Symlink(a), Node::Symlink(b)) => a == b,
            _ => false,
        }
    }
}

/// Errors of file operations, with the errno text the tools print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FsError {
    NotFound,
    NotADirectory,
    IsADirectory,
    Exists,
    NotEmpty,
    ReadOnly,
    NoSpace,
    Invalid,
}

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FsError::NotFound => "No such file or directory",
            FsError::NotADirectory => "Not a directory",
            FsError::IsADirectory => "Is a directory",
            FsError::Exists => "File exists",
            FsError::NotEmpty => "Directory not empty",
            FsError::ReadOnly => "Read-only file system",
            FsError::NoSpace => "No space left on device",
            FsError::Invalid => "Invalid argument",
        })
    }
}

pub type FsResult<T> = Result<T, FsError>;

/// A persistent directory tree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tree {
    root: Arc<Dir>,
}

impl Tree {
    pub fn new() -> Tree {
        Tree::default()
    }

    /// This tree with every file and folder that has no time (0) dated
    /// `mtime`, and, under `owned` (when given), every node owned by
    /// `uid:gid`.
    pub fn stamped(&self, mtime: u64, owned: Option<(&str, u32, u32)>) -> Tree {
        fn stamp(node: &Node, path: &str, mtime: u64, owned: Option<(&str, u32, u32)>) -> Node {
            let own = owned.filter(|(under, _, _)| path == *under || path.starts_with(&format!("{}/", under.trim_end_matches('/'))) || *under == "/");
            let fix = |m: Meta| {
                let m = Meta { mtime: if m.mtime == 0 { mtime } else { m.mtime }, ..m };
                match own {
                    Some((_, uid, gid)) => Meta { uid, gid, ..m },
                    None => m,
                }
            };
            match node {
                Node::File(f) => Node::File(Arc::new(File { content: f.content.clone(), meta: fix(f.meta.clone()) })),
                Node::Dir(d) => Node::Dir(Arc::new(Dir {
                    entries: d.entries.iter().map(|(k, n)| (k.clone(), stamp(n, &format!("{}/{k}", path.trim_end_matches('/')), mtime, owned))).collect(),
                    meta: Some(fix(d.meta.clone().unwrap_or_else(Meta::dir))),
                })),
                n => n.clone(),
            }
        }
        match stamp(&Node::Dir(self.root.clone()), "/", mtime, owned) {
            Node::Dir(root) => Tree { root },
            _ => self.clone(),
        }
    }
    pub fn root(&self) -> &Dir {
        &self.root
    }

    /// Same tree object, not merely equal: two clones with no change in
    /// between. A shared root is never changed in place (writes copy it), so
    /// a tree that changed after being cloned is never `same` as the clone.
    pub fn same(&self, other: &Tree) -> bool {
        Arc::ptr_eq(&self.root, &other.root)
    }

    /// The node at an absolute path (the root itself for "/").
    pub fn get(&self, path: &str) -> Option<Node> {
        // Walks the components as `split` gives them, without collecting them.
        let mut parts = path.split('/').filter(|p| !p.is_empty() && *p != ".").peekable();
        let mut dir: &Dir = &self.root;
        if parts.peek().is_none() {
            return Some(Node::Dir(self.root.clone()));
        }
        while let Some(part) = parts.next() {
            let node = dir.entries.get(part)?;
            if parts.peek().is_none() {
                return Some(node.clone());
            }
            match node {
                Node::Dir(d) => dir = d,
                _ => return None,
            }
        }
        None
    }

    pub fn exists(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    pub fn is_dir(&self, path: &str) -> bool {
        matches!(self.get(path), Some(Node::Dir(_)))
    }

    /// Mutable access to the directory at `parts`, creating missing
    /// directories when `create` is set.
    fn dir_mut<'a>(&'a mut self, parts: &[&str], create: bool) -> FsResult<&'a mut Dir> {
        let mut dir = Arc::make_mut(&mut self.root);
        for part in parts {
            if !dir.entries.contains_key(*part) {
                if !create {
                    return Err(FsError::NotFound);
                }
                dir.entries.insert((*part).to_string(), Node::Dir(Arc::new(Dir { entries: BTreeMap::new(), meta: Some(Meta::dir()) })));
            }
            match dir.entries.get_mut(*part) {
                Some(Node::Dir(d)) => dir = Arc::make_mut(d),
                Some(_) => return Err(FsError::NotADirectory),
                None => return Err(FsError::NotFound),
            }
        }
        Ok(dir)
    }

    /// Inserts a node, replacing what is there. With `parents`, missing parent
    /// directories are created (mkdir -p); otherwise they must exist.
    pub fn put(&mut self, path: &str, node: Node, parents: bool) -> FsResult<()> {
        let parts = split(path);
        let Some((name, dirs)) = parts.split_last() else {
            return match node {
                Node::Dir(d) => {
                    self.root = d;
                    Ok(())
                }
                _ => Err(FsError::IsADirectory),
            };
        };
        let dir = self.dir_mut(dirs, parents)?;
        if let (Some(Node::Dir(_)), Node::File(_)) = (dir.entries.get(*name), &node) {
            return Err(FsError::IsADirectory);
        }
        dir.entries.insert((*name).to_string(), node);
        Ok(())
    }

    pub fn write(&mut self, path: &str, content: Content, meta: Meta, parents: bool) -> FsResult<()> {
        self.put(path, Node::File(Arc::new(File { content, meta })), parents)
    }

    pub fn write_text(&mut self, path: &str, text: &str) -> FsResult<()> {
        let meta = match self.get(path) {
            Some(Node::File(f)) => f.meta.clone(),
            _ => Meta::file(),
        };
        self.write(path, Content::text(text), meta, true)
    }

    pub fn mkdir(&mut self, path: &str, parents: bool) -> FsResult<()> {
        match self.get(path) {
            Some(Node::Dir(_)) => return if parents { Ok(()) } else { Err(FsError::Exists) },
            Some(_) => return Err(FsError::Exists),
            None => {}
        }
        self.put(path, Node::Dir(Arc::new(Dir { entries: BTreeMap::new(), meta: Some(Meta::dir()) })), parents)
    }

    pub fn remove(&mut self, path: &str) -> FsResult<Node> {
        let parts = split(path);
        let Some((name, dirs)) = parts.split_last() else {
            return Err(FsError::Invalid);
        };
        let dir = self.dir_mut(dirs, false)?;
        dir.entries.remove(*name).ok_or(FsError::NotFound)
    }

    /// Names in a directory, sorted.
    pub fn list(&self, path: &str) -> FsResult<Vec<(String, Node)>> {
        match self.get(path) {
            Some(Node::Dir(d)) => Ok(d.entries.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
            Some(_) => Err(FsError::NotADirectory),
            None => Err(FsError::NotFound),
        }
    }

    /// Bytes of real (modelled) file content, shared subtrees counted once per tree.
    pub fn real_bytes(&self) -> u64 {
        fn walk(d: &Dir) -> u64 {
            d.entries
                .values()
                .map(|n| match n {
                    Node::File(f) => match &f.content {
                        Content::Bytes(b) => b.len() as u64,
                        Content::Opaque { .. } => 0,
                    },
                    Node::Dir(d) => walk(d),
                    Node::Symlink(_) => 0,
                })
                .sum()
        }
        walk(&self.root)
    }

    /// Total bytes of every file.
    pub fn size(&self) -> u64 {
        self.root.entries.values().map(Node::size).sum()
    }

    /// Every file path below `path` (depth first, sorted), with its node.
    pub fn walk(&self, path: &str) -> Vec<(String, Node)> {
        let mut out = Vec::new();
        if let Some(node) = self.get(path) {
            walk_node(&normalize("/", path), &node, &mut out);
        }
        out
    }

    /// What changed from `base` to `self`: (path, kind) with kind A, C or D as
    /// `docker diff` prints them. Shared subtrees are skipped in O(1).
    pub fn diff(&self, base: &Tree) -> Vec<(char, String)> {
        let mut out = Vec::new();
        diff_dirs("", &base.root, &self.root, &mut out);
        out
    }
}

fn walk_node(path: &str, node: &Node, out: &mut Vec<(String, Node)>) {
    out.push((path.to_string(), node.clone()));
    if let Node::Dir(d) = node {
        for (name, child) in &d.entries {
            walk_node(&join(path, name), child, out);
        }
    }
}

fn diff_dirs(prefix: &str, old: &Dir, new: &Dir, out: &mut Vec<(char, String)>) {
    for (name, nnode) in &new.entries {
        let path = format!("{prefix}/{name}");
        match old.entries.get(name) {
            None => {
                out.push(('A', path.clone()));
                if let Node::Dir(d) = nnode {
                    add_all(&path, d, out);
                }
            }
            Some(onode) if onode.same(nnode) => {}
            Some(Node::Dir(od)) => {
                if let Node::Dir(nd) = nnode {
                    if od.entries != nd.entries || od.meta != nd.meta {
                        out.push(('C', path.clone()));
                        diff_dirs(&path, od, nd, out);
                    }
                } else {
                    out.push(('C', path));
                }
            }
            Some(onode) => {
                if onode != nnode {
                    out.push(('C', path.clone()));
                    if let Node::Dir(d) = nnode {
                        add_all(&path, d, out);
                    }
                }
            }
        }
    }
    for name in old.entries.keys() {
        if !new.entries.contains_key(name) {
            out.push(('D', format!("{prefix}/{name}")));
        }
    }
}

fn add_all(prefix: &str, dir: &Dir, out: &mut Vec<(char, String)>) {
    for (name, node) in &dir.entries {
        let path = format!("{prefix}/{name}");
        out.push(('A', path.clone()));
        if let Node::Dir(d) = node {
            add_all(&path, d, out);
        }
    }
}

/// Identifies a tree in a [`Forest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TreeId(pub u32);

/// A mount of (a sub-folder of) one tree at a path of a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mount {
    /// Absolute path in the view where the mount appears.
    pub target: String,
    pub tree: TreeId,
    /// Folder (or file, for single-file binds) of `tree` that is mounted.
    pub source: String,
    pub readonly: bool,
}

/// What one process sees: a root tree and mounts over it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FsView {
    pub root: TreeId,
    pub root_readonly: bool,
    pub mounts: Vec<Mount>,
}

impl FsView {
    pub fn plain(root: TreeId) -> FsView {
        FsView { root, root_readonly: false, mounts: Vec::new() }
    }

    /// The tree, the path inside it and whether it is read-only, for a path of
    /// this view. The longest mount prefix wins.
    pub fn resolve(&self, path: &str) -> (TreeId, String, bool) {
        let path = normalize("/", path);
        let (id, inner, ro) = self.resolve_normal(&path);
        (id, inner.into_owned(), ro)
    }

    /// [`FsView::resolve`] of a path already normal (see [`is_normal`]):
    /// borrows it when no mount changes it.
    fn resolve_normal<'p>(&self, path: &'p str) -> (TreeId, Cow<'p, str>, bool) {
        let mut best: Option<&Mount> = None;
        for m in &self.mounts {
            let under = m.target == "/" || is_under(path, &m.target);
            if under && best.is_none_or(|b| m.target.len() >= b.target.len()) {
                best = Some(m);
            }
        }
        match best {
            Some(m) if m.target != "/" => {
                let rest = &path[m.target.len().min(path.len())..];
                let inner = format!("{}{}", m.source.trim_end_matches('/'), rest);
                let inner = if inner.is_empty() { "/".to_string() } else { inner };
                (m.tree, Cow::Owned(inner), m.readonly)
            }
            Some(m) => (m.tree, Cow::Borrowed(path), m.readonly),
            None => (self.root, Cow::Borrowed(path), self.root_readonly),
        }
    }
}

/// `path` is `dir` or inside it.
fn is_under(path: &str, dir: &str) -> bool {
    path.strip_prefix(dir).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Every tree of a machine.
#[derive(Clone, Debug, Default)]
pub struct Forest {
    /// Indexed by [`TreeId`]: ids are handed out in sequence and never
    /// reused, so a removed tree leaves an empty slot. Every file access
    /// looks its tree up: an index beats a search.
    trees: Vec<Option<Tree>>,
}

impl Forest {
    pub fn new() -> Forest {
        Forest::default()
    }

    pub fn add(&mut self, tree: Tree) -> TreeId {
        let id = TreeId(self.trees.len() as u32);
        self.trees.push(Some(tree));
        id
    }

    pub fn get(&self, id: TreeId) -> Option<&Tree> {
        self.trees.get(id.0 as usize)?.as_ref()
    }

    pub fn get_mut(&mut self, id: TreeId) -> Option<&mut Tree> {
        self.trees.get_mut(id.0 as usize)?.as_mut()
    }

    pub fn remove(&mut self, id: TreeId) -> Option<Tree> {
        self.trees.get_mut(id.0 as usize)?.take()
    }

    pub fn tree(&self, id: TreeId) -> &Tree {
        static EMPTY: std::sync::OnceLock<Tree> = std::sync::OnceLock::new();
        self.get(id).unwrap_or_else(|| EMPTY.get_or_init(Tree::new))
    }

    /// Bytes of real file content held by every tree (what the
    /// session-wide limit counts; opaque blobs only have a nominal size).
    pub fn total_bytes(&self) -> u64 {
        self.trees.iter().flatten().map(Tree::real_bytes).sum()
    }

    pub fn mounted<'a>(&'a mut self, view: &'a FsView) -> Mounted<'a> {
        Mounted { forest: self, view }
    }
}

/// Kind of a path, as `stat` would tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stat {
    File { size: u64, meta: Meta, content: Content },
    Dir { meta: Meta },
    Symlink { target: String },
}

/// File-system operations on absolute paths, as a process sees them.
pub trait Fs {
    fn stat(&self, path: &str) -> FsResult<Stat>;
    fn read(&self, path: &str) -> FsResult<Content>;
    fn write(&mut self, path: &str, content: Content, meta: Option<Meta>) -> FsResult<()>;
    fn mkdir(&mut self, path: &str, parents: bool) -> FsResult<()>;
    fn remove(&mut self, path: &str, recursive: bool) -> FsResult<()>;
    fn list(&self, path: &str) -> FsResult<Vec<String>>;
    /// The node at a path, to copy whole subtrees.
    fn node(&self, path: &str) -> FsResult<Node>;
    fn put_node(&mut self, path: &str, node: Node) -> FsResult<()>;
    fn set_meta(&mut self, path: &str, meta: Meta) -> FsResult<()>;

    fn exists(&self, path: &str) -> bool {
        self.stat(path).is_ok()
    }
    fn is_dir(&self, path: &str) -> bool {
        matches!(self.stat(path), Ok(Stat::Dir { .. }))
    }
    fn read_text(&self, path: &str) -> FsResult<String> {
        match self.read(path)? {
            Content::Bytes(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
            Content::Opaque { .. } => Ok(String::new()),
        }
    }
    fn write_text(&mut self, path: &str, text: &str) -> FsResult<()> {
        self.write(path, Content::text(text), None)
    }
    fn rename(&mut self, from: &str, to: &str) -> FsResult<()> {
        let node = self.node(from)?;
        self.put_node(to, node)?;
        self.remove(from, true)
    }
}

/// A forest seen through a view.
pub struct Mounted<'a> {
    pub forest: &'a mut Forest,
    pub view: &'a FsView,
}

fn stat_node(node: &Node) -> Stat {
    match node {
        Node::File(f) => Stat::File { size: f.content.size(), meta: f.meta.clone(), content: f.content.clone() },
        Node::Dir(d) => Stat::Dir { meta: d.meta.clone().unwrap_or_else(Meta::dir) },
        Node::Symlink(t) => Stat::Symlink { target: t.to_string() },
    }
}

/// Shared implementation of [`Fs`] over a forest and a view.
pub fn view_stat(forest: &Forest, view: &FsView, path: &str) -> FsResult<Stat> {
    view_node(forest, view, path).map(|n| stat_node(&n))
}

pub fn view_node(forest: &Forest, view: &FsView, path: &str) -> FsResult<Node> {
    // Lookups (PATH searches, probes) are frequent: a normal path is used as is.
    let path = if is_normal(path) { Cow::Borrowed(path) } else { Cow::Owned(normalize("/", path)) };
    let (id, inner, _) = view.resolve_normal(&path);
    match forest.tree(id).get(&inner) {
        Some(n) => Ok(n),
        None => {
            // A mount point whose parent folders do not exist in the root
            // still shows up as a directory.
            let dir = path.trim_end_matches('/');
            if view.mounts.iter().any(|m| m.target.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/')) || m.target == *path) {
                Ok(Node::Dir(Arc::new(Dir::default())))
            } else {
                Err(FsError::NotFound)
            }
        }
    }
}

pub fn view_list(forest: &Forest, view: &FsView, path: &str) -> FsResult<Vec<String>> {
    let path = normalize("/", path);
    let mut names: Vec<String> = match view_node(forest, view, &path)? {
        Node::Dir(d) => d.entries.keys().cloned().collect(),
        _ => return Err(FsError::NotADirectory),
    };
    let prefix = if path == "/" { "/".to_string() } else { format!("{path}/") };
    for m in &view.mounts {
        if let Some(rest) = m.target.strip_prefix(&prefix) {
            let first = rest.split('/').next().unwrap_or("");
            if !first.is_empty() && !names.iter().any(|n| n == first) {
                names.push(first.to_string());
            }
        }
    }
    baleine_util::sort(&mut names);
    Ok(names)
}

fn view_tree_mut<'a>(forest: &'a mut Forest, view: &FsView, path: &str) -> FsResult<(&'a mut Tree, String)> {
    let (id, inner, ro) = view.resolve(path);
    if ro {
        return Err(FsError::ReadOnly);
    }
    let tree = forest.get_mut(id).ok_or(FsError::NotFound)?;
    Ok((tree, inner))
}

impl Fs for Mounted<'_> {
    fn stat(&self, path: &str) -> FsResult<Stat> {
        view_stat(self.forest, self.view, path)
    }
    fn read(&self, path: &str) -> FsResult<Content> {
        match view_node(self.forest, self.view, path)? {
            Node::File(f) => Ok(f.content.clone()),
            Node::Dir(_) => Err(FsError::IsADirectory),
            Node::Symlink(_) => Err(FsError::NotFound),
        }
    }
    fn write(&mut self, path: &str, content: Content, meta: Option<Meta>) -> FsResult<()> {
        let path = normalize("/", path);
        let parent = dirname(&path);
        if !self.is_dir(&parent) {
            return Err(if self.exists(&parent) { FsError::NotADirectory } else { FsError::NotFound });
        }
        let meta = meta.unwrap_or_else(|| match self.stat(&path) {
            Ok(Stat::File { meta, .. }) => meta,
            _ => Meta::file(),
        });
        let (tree, inner) = view_tree_mut(self.forest, self.view, &path)?;
        tree.write(&inner, content, meta, true)
    }
    fn mkdir(&mut self, path: &str, parents: bool) -> FsResult<()> {
        let path = normalize("/", path);
        if !parents {
            let parent = dirname(&path);
            if !self.is_dir(&parent) {
                return Err(FsError::NotFound);
            }
            if self.exists(&path) {
                return Err(FsError::Exists);
            }
        } else if let Ok(Stat::File { .. }) = self.stat(&path) {
            return Err(FsError::Exists);
        }
        if self.is_dir(&path) {
            return Ok(());
        }
        let (tree, inner) = view_tree_mut(self.forest, self.view, &path)?;
        tree.mkdir(&inner, true)
    }
    fn remove(&mut self, path: &str, recursive: bool) -> FsResult<()> {
        let path = normalize("/", path);
        let node = view_node(self.forest, self.view, &path)?;
        if let Node::Dir(d) = &node {
            if !recursive && !d.entries.is_empty() {
                return Err(FsError::NotEmpty);
            }
        }
        if self.view.mounts.iter().any(|m| m.target == path) {
            return Err(FsError::Invalid);
        }
        let (tree, inner) = view_tree_mut(self.forest, self.view, &path)?;
        tree.remove(&inner).map(|_| ())
    }
    fn list(&self, path: &str) -> FsResult<Vec<String>> {
        view_list(self.forest, self.view, path)
    }
    fn node(&self, path: &str) -> FsResult<Node> {
        view_node(self.forest, self.view, path)
    }
    fn put_node(&mut self, path: &str, node: Node) -> FsResult<()> {
        let path = normalize("/", path);
        let (tree, inner) = view_tree_mut(self.forest, self.view, &path)?;
        tree.put(&inner, node, true)
    }
    fn set_meta(&mut self, path: &str, meta: Meta) -> FsResult<()> {
        let path = normalize("/", path);
        let node = view_node(self.forest, self.view, &path)?;
        let node = match node {
            Node::File(f) => Node::File(Arc::new(File { content: f.content.clone(), meta })),
            Node::Dir(d) => Node::Dir(Arc::new(Dir { entries: d.entries.clone(), meta: Some(meta) })),
            n => n,
        };
        let (tree, inner) = view_tree_mut(self.forest, self.view, &path)?;
        tree.put(&inner, node, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamped_dates_undated_nodes_and_owns_a_subtree() {
        let mut t = Tree::new();
        t.write("/home/u/a.txt", Content::text("a"), Meta { mtime: 7, ..Meta::file() }, true).unwrap();
        t.write("/etc/x", Content::text("x"), Meta::file(), true).unwrap();
        let s = t.stamped(100, Some(("/home/u", 1000, 1000)));
        let meta = |p: &str| match s.get(p) {
            Some(Node::File(f)) => f.meta.clone(),
            Some(Node::Dir(d)) => d.meta.clone().unwrap(),
            _ => panic!("{p}"),
        };
        assert_eq!((meta("/home/u/a.txt").mtime, meta("/home/u/a.txt").uid), (7, 1000));
        assert_eq!((meta("/home/u").mtime, meta("/home/u").gid), (100, 1000));
        assert_eq!((meta("/home").uid, meta("/etc/x").mtime, meta("/etc/x").uid), (0, 100, 0));
    }

    #[test]
    fn clone_shares_and_diff_sees_changes() {
        let mut base = Tree::new();
        base.write_text("/etc/os-release", "NAME=x\n").unwrap();
        base.mkdir("/app", true).unwrap();
        let mut top = base.clone();
        top.write_text("/app/a.txt", "hi").unwrap();
        top.remove("/etc/os-release").unwrap();
        let d = top.diff(&base);
        assert_eq!(d, vec![('C', "/app".into()), ('A', "/app/a.txt".into()), ('C', "/etc".into()), ('D', "/etc/os-release".into())]);
        assert!(base.exists("/etc/os-release"));
    }

    #[test]
    fn mounts_resolve_longest_prefix_and_readonly() {
        let mut forest = Forest::new();
        let root = forest.add(Tree::new());
        let vol = forest.add(Tree::new());
        let view = FsView { root, root_readonly: false, mounts: vec![Mount { target: "/data".into(), tree: vol, source: "/".into(), readonly: false }] };
        let mut fs = forest.mounted(&view);
        fs.write_text("/data/x", "1").unwrap();
        assert!(fs.exists("/data/x"));
        assert_eq!(forest.tree(vol).get("/x").map(|n| n.size()), Some(1));
        let ro = FsView { root, root_readonly: false, mounts: vec![Mount { target: "/data".into(), tree: vol, source: "/".into(), readonly: true }] };
        let mut fs = forest.mounted(&ro);
        assert_eq!(fs.write_text("/data/y", "1"), Err(FsError::ReadOnly));
        assert_eq!(fs.list("/").unwrap(), vec!["data".to_string()]);
    }
}
