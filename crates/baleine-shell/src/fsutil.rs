//! File helpers shared by the interpreter and the utilities: symlink-aware
//! lookups, reads and writes stamped with the simulated clock.

use std::sync::Arc;

use baleine_vfs::{dirname, join, normalize, split, Content, Fs, FsError, FsResult, Meta, Stat};

use crate::System;

/// The physical path of `path` (absolute), following symlinks in every
/// component (and in the last one when `follow_last`).
pub(crate) fn resolve<S: Fs + ?Sized>(sys: &S, path: &str, follow_last: bool) -> String {
    let path = normalize("/", path);
    match sys.stat(&path) {
        Ok(Stat::Symlink { .. }) if follow_last => {}
        Ok(_) => return path,
        Err(_) => {}
    }
    let mut queue: std::collections::VecDeque<String> = split(&path).into_iter().map(str::to_string).collect();
    let mut cur = "/".to_string();
    let mut hops = 0;
    while let Some(part) = queue.pop_front() {
        if part == ".." {
            cur = dirname(&cur);
            continue;
        }
        let next = join(&cur, &part);
        let last = queue.is_empty();
        match sys.stat(&next) {
            Ok(Stat::Symlink { target }) if !last || follow_last => {
                hops += 1;
                if hops > 40 {
                    return next;
                }
                if target.starts_with('/') {
                    cur = "/".to_string();
                }
                for p in split(&target).into_iter().rev() {
                    queue.push_front(p.to_string());
                }
            }
            _ => cur = next,
        }
    }
    cur
}

/// `stat` following symlinks.
pub(crate) fn stat<S: Fs + ?Sized>(sys: &S, path: &str) -> FsResult<Stat> {
    match sys.stat(path) {
        Ok(Stat::Symlink { .. }) | Err(_) => sys.stat(&resolve(sys, path, true)),
        ok => ok,
    }
}

/// `stat` not following the last symlink.
pub(crate) fn lstat<S: Fs + ?Sized>(sys: &S, path: &str) -> FsResult<Stat> {
    match sys.stat(path) {
        Err(_) => sys.stat(&resolve(sys, path, false)),
        ok => ok,
    }
}

pub(crate) fn is_dir<S: Fs + ?Sized>(sys: &S, path: &str) -> bool {
    matches!(stat(sys, path), Ok(Stat::Dir { .. }))
}

pub(crate) fn exists<S: Fs + ?Sized>(sys: &S, path: &str) -> bool {
    stat(sys, path).is_ok()
}

/// The content of a file (following symlinks).
pub(crate) fn read<S: Fs + ?Sized>(sys: &S, path: &str) -> FsResult<Content> {
    match sys.read(path) {
        Ok(c) => Ok(c),
        Err(FsError::IsADirectory) => Err(FsError::IsADirectory),
        Err(_) => sys.read(&resolve(sys, path, true)),
    }
}

/// The bytes of a file (empty for opaque files).
pub(crate) fn read_bytes<S: Fs + ?Sized>(sys: &S, path: &str) -> FsResult<Arc<Vec<u8>>> {
    match read(sys, path)? {
        Content::Bytes(b) => Ok(b),
        Content::Opaque { .. } => Ok(Arc::new(Vec::new())),
    }
}

/// Writes a file, keeping the mode of an existing file and stamping mtime.
pub(crate) fn write_bytes(sys: &mut dyn System, path: &str, data: Vec<u8>) -> FsResult<()> {
    write_content(sys, path, Content::Bytes(Arc::new(data)))
}

pub(crate) fn write_content(sys: &mut dyn System, path: &str, content: Content) -> FsResult<()> {
    let path = resolve(&*sys, path, true);
    let now = sys.now();
    let meta = match sys.stat(&path) {
        Ok(Stat::File { meta, .. }) => Meta { mtime: now, ..meta },
        Ok(Stat::Dir { .. }) => return Err(FsError::IsADirectory),
        _ => new_meta(sys, 0o644),
    };
    sys.write(&path, content, Some(meta))
}

/// Metadata for a new file or folder owned by the current user.
pub(crate) fn new_meta(sys: &dyn System, mode: u32) -> Meta {
    let (_, uid, gid) = sys.user();
    Meta { mode, uid, gid, mtime: sys.now() }
}

/// Appends to a file (creating it).
pub(crate) fn append_bytes(sys: &mut dyn System, path: &str, data: &[u8]) -> FsResult<()> {
    let mut cur = match read(&*sys, path) {
        Ok(Content::Bytes(b)) => b.to_vec(),
        Ok(Content::Opaque { .. }) => Vec::new(),
        Err(FsError::NotFound) => Vec::new(),
        Err(e) => return Err(e),
    };
    cur.extend_from_slice(data);
    write_bytes(sys, path, cur)
}

/// Creates a folder stamped with the clock.
pub(crate) fn mkdir(sys: &mut dyn System, path: &str, parents: bool) -> FsResult<()> {
    let path = normalize("/", path);
    // the folders this call creates (mkdir -p makes the missing parents too)
    let mut created = Vec::new();
    let mut p = path.clone();
    while !sys.exists(&p) {
        created.push(p.clone());
        if p == "/" || !parents {
            break;
        }
        p = dirname(&p);
    }
    sys.mkdir(&path, parents)?;
    let meta = new_meta(sys, 0o755);
    for c in created {
        let _ = sys.set_meta(&c, meta.clone());
    }
    Ok(())
}
