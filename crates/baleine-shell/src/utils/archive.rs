//! `tar` and `gzip` over a text archive format of our own:
//!
//! ```text
//! BALEINE-TAR 1
//! D <mode> <uid> <gid> <mtime> <pathlen>\n<path>\n
//! F <mode> <uid> <gid> <mtime> <pathlen> <datalen>\n<path>\n<data>\n
//! O <mode> <uid> <gid> <mtime> <pathlen> <size> <kindlen>\n<path>\n<kind>\n
//! L <pathlen> <targetlen>\n<path>\n<target>\n
//! ```
//! (lengths in bytes). `gzip` wraps any content as `BALEINE-GZ 1\n` + bytes.
//! A round trip restores every file, folder, mode, owner, time and symlink.

use std::sync::Arc;

use baleine_vfs::{join, Content, Meta, Node, Stat};

use super::{getopt, getopt_long, strftime, Ctx};
use crate::fsutil;

const TAR_MAGIC: &[u8] = b"BALEINE-TAR 1\n";
const GZ_MAGIC: &[u8] = b"BALEINE-GZ 1\n";

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    Dir { path: String, meta: Meta },
    File { path: String, meta: Meta, data: Vec<u8> },
    Opaque { path: String, meta: Meta, size: u64, kind: String },
    Link { path: String, target: String },
}

impl Item {
    fn path(&self) -> &str {
        match self {
            Item::Dir { path, .. } | Item::File { path, .. } | Item::Opaque { path, .. } | Item::Link { path, .. } => path,
        }
    }
}

pub(crate) fn encode(items: &[Item]) -> Vec<u8> {
    let mut out = TAR_MAGIC.to_vec();
    for it in items {
        match it {
            Item::Dir { path, meta } => {
                out.extend(format!("D {:o} {} {} {} {}\n", meta.mode, meta.uid, meta.gid, meta.mtime, path.len()).as_bytes());
                out.extend(path.as_bytes());
                out.push(b'\n');
            }
            Item::File { path, meta, data } => {
                out.extend(format!("F {:o} {} {} {} {} {}\n", meta.mode, meta.uid, meta.gid, meta.mtime, path.len(), data.len()).as_bytes());
                out.extend(path.as_bytes());
                out.push(b'\n');
                out.extend(data);
                out.push(b'\n');
            }
            Item::Opaque { path, meta, size, kind } => {
                out.extend(format!("O {:o} {} {} {} {} {} {}\n", meta.mode, meta.uid, meta.gid, meta.mtime, path.len(), size, kind.len()).as_bytes());
                out.extend(path.as_bytes());
                out.push(b'\n');
                out.extend(kind.as_bytes());
                out.push(b'\n');
            }
            Item::Link { path, target } => {
                out.extend(format!("L {} {}\n", path.len(), target.len()).as_bytes());
                out.extend(path.as_bytes());
                out.push(b'\n');
                out.extend(target.as_bytes());
                out.push(b'\n');
            }
        }
    }
    out
}

fn take<'a>(b: &'a [u8], pos: &mut usize, n: usize) -> Option<&'a [u8]> {
    let end = pos.checked_add(n)?;
    let s = b.get(*pos..end)?;
    *pos = end;
    Some(s)
}

fn expect_nl(b: &[u8], pos: &mut usize) -> Option<()> {
    if b.get(*pos) == Some(&b'\n') {
        *pos += 1;
        Some(())
    } else {
        None
    }
}

pub(crate) fn decode(b: &[u8]) -> Option<Vec<Item>> {
    let b = b.strip_prefix(GZ_MAGIC).unwrap_or(b);
    let rest = b.strip_prefix(TAR_MAGIC)?;
    let mut pos = 0;
    let mut items = Vec::new();
    while pos < rest.len() {
        let nl = rest[pos..].iter().position(|&c| c == b'\n')? + pos;
        let header = std::str::from_utf8(&rest[pos..nl]).ok()?;
        pos = nl + 1;
        let f: Vec<&str> = header.split(' ').collect();
        let num = |i: usize| -> Option<u64> { f.get(i)?.parse().ok() };
        let meta = || -> Option<Meta> { Some(Meta { mode: u32::from_str_radix(f.get(1)?, 8).ok()?, uid: num(2)? as u32, gid: num(3)? as u32, mtime: num(4)? }) };
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        match *f.first()? {
            "D" => {
                let path = text(take(rest, &mut pos, num(5)? as usize)?);
                expect_nl(rest, &mut pos)?;
                items.push(Item::Dir { path, meta: meta()? });
            }
            "F" => {
                let path = text(take(rest, &mut pos, num(5)? as usize)?);
                expect_nl(rest, &mut pos)?;
                let data = take(rest, &mut pos, num(6)? as usize)?.to_vec();
                expect_nl(rest, &mut pos)?;
                items.push(Item::File { path, meta: meta()?, data });
            }
            "O" => {
                let path = text(take(rest, &mut pos, num(5)? as usize)?);
                expect_nl(rest, &mut pos)?;
                let kind = text(take(rest, &mut pos, num(7)? as usize)?);
                expect_nl(rest, &mut pos)?;
                items.push(Item::Opaque { path, meta: meta()?, size: num(6)?, kind });
            }
            "L" => {
                let path = text(take(rest, &mut pos, num(1)? as usize)?);
                expect_nl(rest, &mut pos)?;
                let target = text(take(rest, &mut pos, num(2)? as usize)?);
                expect_nl(rest, &mut pos)?;
                items.push(Item::Link { path, target });
            }
            _ => return None,
        }
    }
    Some(items)
}

/// The archive `tar -cf - NAME` writes of `node` (entries `name`,
/// `name/child`, ... in sorted pre-order): what `docker cp CONTAINER:PATH -`
/// streams to its standard output.
pub fn archive_node(name: &str, node: &Node) -> Vec<u8> {
    fn walk(n: &Node, name: String, out: &mut Vec<Item>) {
        match n {
            Node::Dir(d) => {
                let dn = if name.ends_with('/') { name } else { format!("{name}/") };
                out.push(Item::Dir { path: dn.clone(), meta: d.meta.clone().unwrap_or_else(Meta::dir) });
                for (c, child) in &d.entries {
                    walk(child, format!("{dn}{c}"), out);
                }
            }
            Node::File(f) => match &f.content {
                Content::Bytes(b) => out.push(Item::File { path: name, meta: f.meta.clone(), data: b.to_vec() }),
                Content::Opaque { kind, size } => out.push(Item::Opaque { path: name, meta: f.meta.clone(), size: *size, kind: kind.to_string() }),
            },
            Node::Symlink(t) => out.push(Item::Link { path: name, target: t.to_string() }),
        }
    }
    let mut items = Vec::new();
    match node {
        // No name: the folder's entries at the top (a container's root for
        // `docker export`).
        Node::Dir(d) if name.is_empty() => {
            for (c, child) in &d.entries {
                walk(child, c.clone(), &mut items);
            }
        }
        _ => walk(node, name.to_string(), &mut items),
    }
    encode(&items)
}

/// The entries of an archive as nodes, keyed by their path relative to
/// where it is extracted (folders as empty `Dir`s, before what they hold);
/// `None` when `bytes` is not an archive. What `docker cp - CONTAINER:DIR`
/// extracts.
pub fn archive_entries(bytes: &[u8]) -> Option<Vec<(String, Node)>> {
    let items = decode(bytes)?;
    Some(
        items
            .into_iter()
            .filter_map(|it| {
                let rel = it.path().split('/').filter(|p| !p.is_empty() && *p != ".").collect::<Vec<_>>().join("/");
                if rel.is_empty() || rel.split('/').any(|p| p == "..") {
                    return None;
                }
                let node = match it {
                    Item::Dir { meta, .. } => Node::Dir(Arc::new(baleine_vfs::Dir { entries: Default::default(), meta: Some(meta) })),
                    Item::File { meta, data, .. } => Node::File(Arc::new(baleine_vfs::File { content: Content::Bytes(Arc::new(data)), meta })),
                    Item::Opaque { meta, size, kind, .. } => Node::File(Arc::new(baleine_vfs::File { content: Content::Opaque { kind: Arc::from(kind.as_str()), size }, meta })),
                    Item::Link { target, .. } => Node::Symlink(Arc::from(target.as_str())),
                };
                Some((rel, node))
            })
            .collect(),
    )
}

/// Every entry below `abs` (pre-order, sorted), named `name` + relative path.
fn collect(cx: &Ctx<'_, '_>, abs: &str, name: &str, out: &mut Vec<Item>) -> Result<(), baleine_vfs::FsError> {
    let mut stack = vec![(abs.to_string(), name.to_string())];
    let mut first = true;
    while let Some((p, n)) = stack.pop() {
        if out.len() > 200_000 {
            break;
        }
        let node = match cx.sys.node(&p) {
            Ok(node) => node,
            Err(e) => {
                if first {
                    return Err(e);
                }
                continue;
            }
        };
        first = false;
        match node {
            Node::Dir(d) => {
                let meta = d.meta.clone().unwrap_or_else(Meta::dir);
                let dn = if n.ends_with('/') { n.clone() } else { format!("{n}/") };
                out.push(Item::Dir { path: dn.clone(), meta });
                if let Ok(names) = cx.sys.list(&p) {
                    for c in names.into_iter().rev() {
                        stack.push((join(&p, &c), format!("{dn}{c}")));
                    }
                }
            }
            Node::File(f) => match &f.content {
                Content::Bytes(b) => out.push(Item::File { path: n, meta: f.meta.clone(), data: b.to_vec() }),
                Content::Opaque { kind, size } => out.push(Item::Opaque { path: n, meta: f.meta.clone(), size: *size, kind: kind.to_string() }),
            },
            Node::Symlink(t) => out.push(Item::Link { path: n, target: t.to_string() }),
        }
    }
    Ok(())
}

fn listing(it: &Item, verbose: bool) -> String {
    if !verbose {
        return format!("{}\n", it.path());
    }
    let (t, meta, size) = match it {
        Item::Dir { meta, .. } => ('d', meta.clone(), 0),
        Item::File { meta, data, .. } => ('-', meta.clone(), data.len() as u64),
        Item::Opaque { meta, size, .. } => ('-', meta.clone(), *size),
        Item::Link { .. } => ('l', Meta { mode: 0o777, uid: 0, gid: 0, mtime: 0 }, 0),
    };
    let mut mode = String::from(t);
    for (b, c) in [(0o400, 'r'), (0o200, 'w'), (0o100, 'x'), (0o40, 'r'), (0o20, 'w'), (0o10, 'x'), (0o4, 'r'), (0o2, 'w'), (0o1, 'x')] {
        mode.push(if meta.mode & b != 0 { c } else { '-' });
    }
    let owner = format!("{}/{}", if meta.uid == 0 { "root".to_string() } else { meta.uid.to_string() }, if meta.gid == 0 { "root".to_string() } else { meta.gid.to_string() });
    let link = match it {
        Item::Link { target, .. } => format!(" -> {target}"),
        _ => String::new(),
    };
    format!("{mode} {owner} {size:>8} {} {}{link}\n", strftime("%Y-%m-%d %H:%M", meta.mtime), it.path())
}

/// The long options of tar that baleine knows, and whether each takes a
/// value (GNU tar and busybox both accept unambiguous abbreviations).
const TAR_LONG: &[(&str, bool)] = &[
    ("create", false),
    ("extract", false),
    ("get", false),
    ("list", false),
    ("verbose", false),
    ("gzip", false),
    ("gunzip", false),
    ("file", true),
    ("directory", true),
    ("strip-components", true),
    ("exclude", true),
];

pub(super) fn tar(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    // old-style bundled first argument ("czf")
    let mut argv: Vec<String> = Vec::new();
    let mut rest = args.iter();
    if let Some(first) = args.first() {
        if !first.starts_with('-') && first.chars().all(|c| c.is_ascii_alphabetic()) {
            rest.next();
            let mut pending: Vec<String> = Vec::new();
            for c in first.chars() {
                argv.push(format!("-{c}"));
                if c == 'f' || c == 'C' {
                    pending.push(String::new());
                    if let Some(v) = rest.next() {
                        argv.push(v.clone());
                    }
                }
            }
        }
    }
    argv.extend(rest.cloned());
    let o = match getopt_long(&argv, "cxtzjJavpPkohmOwUS", "fCT", TAR_LONG) {
        Ok(o) => o,
        Err(c) => {
            if c == "f" || c == "C" {
                cx.err(format!("option requires an argument -- '{c}'"));
                return 2;
            }
            cx.invalid_option(&c);
            return 2;
        }
    };
    let gnu = cx.gnu();
    let create = o.has('c') || o.long("create");
    let extract = o.has('x') || o.long("extract") || o.long("get");
    let list = o.has('t') || o.long("list");
    let verbose = o.has('v') || o.long("verbose");
    let gzip = o.has('z') || o.has('j') || o.has('J') || o.long("gzip") || o.long("gunzip");
    let file = o.value('f').map(str::to_string).or_else(|| o.long_value("file").map(str::to_string));
    let dir = o.value('C').map(str::to_string).or_else(|| o.long_value("directory").map(str::to_string));
    let strip: usize = o.long_value("strip-components").and_then(|v| v.parse().ok()).unwrap_or(0);
    let excludes: Vec<String> = o.long.iter().filter(|(n, _)| n == "exclude").filter_map(|(_, v)| v.clone()).collect();
    let modes = [create, extract, list].iter().filter(|b| **b).count();
    if modes == 0 {
        if gnu {
            cx.err("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
            cx.out.err("Try 'tar --help' or 'tar --usage' for more information.\n");
        } else {
            cx.err("need at least one option");
        }
        return 2;
    }
    if modes > 1 {
        cx.err("You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option");
        return 2;
    }
    let base = match &dir {
        Some(d) => cx.path(d),
        None => cx.sh.cwd.clone(),
    };
    if dir.is_some() && !fsutil::is_dir(&*cx.sys, &base) {
        cx.err(format!("{}: Cannot open: No such file or directory", dir.as_deref().unwrap_or("")));
        cx.err("Error is not recoverable: exiting now");
        return 2;
    }
    if create {
        if o.operands.is_empty() {
            if gnu {
                cx.err("Cowardly refusing to create an empty archive");
                cx.out.err("Try 'tar --help' or 'tar --usage' for more information.\n");
            } else {
                cx.err("empty archive");
            }
            return 2;
        }
        let excluded = |it: &Item| {
            let p = it.path().trim_end_matches('/');
            let b = baleine_vfs::basename(p);
            excludes.iter().any(|g| crate::glob::matches(g, b) || crate::glob::matches(g, p) || crate::glob::matches(g, p.trim_start_matches("./")))
        };
        let mut items = Vec::new();
        let mut names = String::new();
        let mut st = 0;
        let mut warned = false;
        for m in &o.operands {
            let abs = baleine_vfs::normalize(&base, m);
            let name = m.trim_start_matches('/');
            let prefix = &m[..m.len() - name.len()];
            if !prefix.is_empty() && !warned {
                // GNU tar names.c safer_name_suffix; busybox tar.c writeFileToTarball.
                cx.err(if gnu { format!("Removing leading `{prefix}' from member names") } else { "removing leading '/' from member names".to_string() });
                warned = true;
            }
            let start = items.len();
            if let Err(e) = collect(cx, &abs, if name.is_empty() { "." } else { name }, &mut items) {
                cx.err(format!("{m}: Cannot stat: {e}"));
                st = 2;
            }
            let mut got = items.split_off(start);
            got.retain(|it| !excluded(it));
            if verbose {
                // GNU lists the names as given, busybox as stored.
                for it in &got {
                    if gnu {
                        names.push_str(prefix);
                    }
                    names.push_str(&listing(it, false));
                }
            }
            items.append(&mut got);
        }
        let mut data = encode(&items);
        if gzip {
            let mut z = GZ_MAGIC.to_vec();
            z.extend(data);
            data = z;
        }
        let to_stdout = file.as_deref().is_none_or(|f| f == "-");
        if verbose {
            if to_stdout {
                cx.out.err(names);
            } else {
                cx.print(names);
            }
        }
        if to_stdout {
            cx.print(String::from_utf8_lossy(&data));
        } else if let Some(f) = &file {
            let p = cx.path(f);
            if let Err(e) = fsutil::write_bytes(cx.sys, &p, data) {
                cx.err(format!("{f}: Cannot open: {e}"));
                cx.err("Error is not recoverable: exiting now");
                return 2;
            }
        }
        if st != 0 {
            cx.err("Exiting with failure status due to previous errors");
        }
        return st;
    }
    // read the archive
    let data: Vec<u8> = match file.as_deref() {
        None | Some("-") => cx.stdin_bytes().to_vec(),
        Some(f) => {
            let p = cx.path(f);
            match fsutil::stat(&*cx.sys, &p) {
                Ok(Stat::File { content, .. }) => super::content_bytes(&content).to_vec(),
                Ok(_) => {
                    cx.err(format!("{f}: Cannot read: Is a directory"));
                    return 2;
                }
                Err(e) => {
                    cx.err(format!("{f}: Cannot open: {e}"));
                    cx.err("Error is not recoverable: exiting now");
                    return 2;
                }
            }
        }
    };
    let Some(items) = decode(&data) else {
        if gnu {
            cx.err("This does not look like a tar archive");
            cx.err("Exiting with failure status due to previous errors");
        } else {
            cx.err("invalid tar magic");
        }
        return 2;
    };
    let members: Vec<String> = o.operands.iter().map(|m| m.trim_end_matches('/').to_string()).collect();
    let selected = |p: &str| -> bool {
        if members.is_empty() {
            return true;
        }
        let q = p.trim_end_matches('/');
        members.iter().any(|m| q == m || q.starts_with(&format!("{m}/")) || q.trim_start_matches("./") == m.trim_start_matches("./"))
    };
    if list {
        let mut s = String::new();
        for it in items.iter().filter(|it| selected(it.path())) {
            s.push_str(&listing(it, verbose));
        }
        cx.print(s);
        return 0;
    }
    let mut st = 0;
    let mut dirs_meta: Vec<(String, Meta)> = Vec::new();
    let mut shown = String::new();
    for it in items.iter().filter(|it| selected(it.path())) {
        let parts: Vec<&str> = it.path().split('/').filter(|p| !p.is_empty() && *p != ".").collect();
        if parts.len() <= strip && !(parts.is_empty() && strip == 0) {
            continue;
        }
        let rel = parts[strip.min(parts.len())..].join("/");
        if rel.split('/').any(|p| p == "..") {
            cx.err(format!("{}: Member name contains '..'", it.path()));
            st = 2;
            continue;
        }
        let target = if rel.is_empty() { base.clone() } else { join(&base, &rel) };
        if verbose {
            shown.push_str(&listing(it, false));
        }
        let r = match it {
            Item::Dir { meta, .. } => {
                let r = if fsutil::is_dir(&*cx.sys, &target) { Ok(()) } else { cx.sys.mkdir(&target, true) };
                dirs_meta.push((target.clone(), meta.clone()));
                r
            }
            Item::File { meta, data, .. } => {
                let _ = ensure_parent(cx, &target);
                cx.sys.write(&target, Content::Bytes(Arc::new(data.clone())), Some(meta.clone()))
            }
            Item::Opaque { meta, size, kind, .. } => {
                let _ = ensure_parent(cx, &target);
                cx.sys.write(&target, Content::Opaque { kind: Arc::from(kind.as_str()), size: *size }, Some(meta.clone()))
            }
            Item::Link { target: t, .. } => {
                let _ = ensure_parent(cx, &target);
                if cx.sys.stat(&target).is_ok() {
                    let _ = cx.sys.remove(&target, true);
                }
                cx.sys.put_node(&target, Node::Symlink(Arc::from(t.as_str())))
            }
        };
        if let Err(e) = r {
            cx.err(format!("{}: Cannot open: {e}", it.path()));
            st = 2;
        }
    }
    for (p, m) in dirs_meta.into_iter().rev() {
        let _ = cx.sys.set_meta(&p, m);
    }
    if !shown.is_empty() {
        cx.print(shown);
    }
    if st != 0 {
        cx.err("Exiting with failure status due to previous errors");
    }
    st
}

fn ensure_parent(cx: &mut Ctx<'_, '_>, path: &str) -> Result<(), baleine_vfs::FsError> {
    let parent = baleine_vfs::dirname(path);
    if cx.sys.is_dir(&parent) {
        return Ok(());
    }
    cx.sys.mkdir(&parent, true)
}

pub(super) fn gzip(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "cdfklnNqrtv123456789", "S") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let decompress = o.has('d') || cx.name == "gunzip" || cx.name == "zcat";
    let to_stdout = o.has('c') || cx.name == "zcat";
    let keep = o.has('k');
    let suffix = o.value('S').unwrap_or(".gz").to_string();
    let tool = cx.name.to_string();
    if o.operands.is_empty() {
        let data = cx.stdin_bytes().to_vec();
        if decompress {
            match data.strip_prefix(GZ_MAGIC) {
                Some(d) => cx.print(String::from_utf8_lossy(d)),
                None => {
                    cx.err("stdin: not in gzip format");
                    return 1;
                }
            }
        } else {
            let mut z = GZ_MAGIC.to_vec();
            z.extend(data);
            cx.print(String::from_utf8_lossy(&z));
        }
        return 0;
    }
    let mut st = 0;
    for a in &o.operands {
        let p = cx.path(a);
        let (data, meta) = match fsutil::stat(&*cx.sys, &p) {
            Ok(Stat::File { content, meta, .. }) => (super::content_bytes(&content).to_vec(), meta),
            Ok(_) => {
                cx.err(format!("{a} is a directory -- ignored"));
                st = 2;
                continue;
            }
            Err(e) => {
                cx.err(format!("{a}: {e}"));
                st = 1;
                continue;
            }
        };
        if decompress {
            let Some(plain) = data.strip_prefix(GZ_MAGIC) else {
                cx.err(format!("{a}: not in gzip format"));
                st = 1;
                continue;
            };
            if to_stdout {
                cx.print(String::from_utf8_lossy(plain));
                continue;
            }
            let Some(outp) = a.strip_suffix(&suffix).or_else(|| a.strip_suffix(".tgz")) else {
                cx.err(format!("{a}: unknown suffix -- ignored"));
                st = 2;
                continue;
            };
            let outp = if a.ends_with(".tgz") { format!("{outp}.tar") } else { outp.to_string() };
            let op = cx.path(&outp);
            if let Err(e) = cx.sys.write(&op, Content::Bytes(Arc::new(plain.to_vec())), Some(meta)) {
                cx.err(format!("{outp}: {e}"));
                st = 1;
                continue;
            }
        } else {
            if a.ends_with(&suffix) && !o.has('f') {
                cx.err(format!("{a} already has {suffix} suffix -- unchanged"));
                st = 2;
                continue;
            }
            let mut z = GZ_MAGIC.to_vec();
            z.extend(&data);
            if to_stdout {
                cx.print(String::from_utf8_lossy(&z));
                continue;
            }
            let op = cx.path(&format!("{a}{suffix}"));
            if let Err(e) = cx.sys.write(&op, Content::Bytes(Arc::new(z)), Some(meta)) {
                cx.err(format!("{a}{suffix}: {e}"));
                st = 1;
                continue;
            }
        }
        if !keep && !to_stdout {
            let _ = cx.sys.remove(&p, false);
        }
        let _ = &tool;
    }
    st
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let items = vec![
            Item::Dir { path: "./".into(), meta: Meta::dir() },
            Item::File { path: "./a b.txt".into(), meta: Meta { mode: 0o600, uid: 1, gid: 2, mtime: 3 }, data: b"x\ny\n\0".to_vec() },
            Item::Opaque { path: "./bin/app".into(), meta: Meta::exec(), size: 1234, kind: "go-binary".into() },
            Item::Link { path: "./l".into(), target: "a b.txt".into() },
        ];
        let enc = encode(&items);
        assert_eq!(decode(&enc), Some(items));
        // The node-level API over the same format.
        let mut dir = baleine_vfs::Dir::default();
        dir.entries.insert("a.txt".into(), Node::File(Arc::new(baleine_vfs::File { content: Content::Bytes(Arc::new(b"hi\n".to_vec())), meta: Meta::file() })));
        let bytes = archive_node("etc", &Node::Dir(Arc::new(dir)));
        let entries = archive_entries(&bytes).unwrap();
        assert_eq!(entries.iter().map(|(p, n)| (p.as_str(), n.is_dir())).collect::<Vec<_>>(), [("etc", true), ("etc/a.txt", false)]);
        assert!(archive_entries(b"not a tar").is_none());
        assert_eq!(decode(b"garbage"), None);
        assert_eq!(decode(b"BALEINE-TAR 1\nF 644 0 0 0 999 999\n"), None);
    }
}
