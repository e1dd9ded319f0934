//! File utilities: ls, mkdir, rm, rmdir, touch, cp, mv, ln, stat, find, du,
//! chmod, chown, readlink/realpath, mktemp.

use std::sync::Arc;

use baleine_vfs::{basename, dirname, join, Content, FsError, Meta, Node, Stat};

use super::{getopt, group_name, human, name_to_id, strftime, user_name, Ctx};
use crate::interp::{run_argv, Stdin};
use crate::{fsutil, glob};

// ------------------------------------------------------------------ ls

struct Entry {
    name: String,
    path: String,
    stat: Stat,
    target_dir: bool,
}

fn mode_string(st: &Stat, target_dir: bool) -> String {
    let _ = target_dir;
    let (t, mode) = match st {
        Stat::File { meta, .. } => ('-', meta.mode),
        Stat::Dir { meta } => ('d', meta.mode),
        Stat::Symlink { .. } => ('l', 0o777),
    };
    let mut s = String::with_capacity(10);
    s.push(t);
    let bits = [(0o400, 'r'), (0o200, 'w'), (0o100, 'x'), (0o40, 'r'), (0o20, 'w'), (0o10, 'x'), (0o4, 'r'), (0o2, 'w'), (0o1, 'x')];
    for (i, (b, c)) in bits.iter().enumerate() {
        let set = mode & b != 0;
        let ch = match i {
            2 if mode & 0o4000 != 0 => {
                if set {
                    's'
                } else {
                    'S'
                }
            }
            5 if mode & 0o2000 != 0 => {
                if set {
                    's'
                } else {
                    'S'
                }
            }
            8 if mode & 0o1000 != 0 => {
                if set {
                    't'
                } else {
                    'T'
                }
            }
            _ => {
                if set {
                    *c
                } else {
                    '-'
                }
            }
        };
        s.push(ch);
    }
    s
}

fn meta_of(st: &Stat) -> Meta {
    match st {
        Stat::File { meta, .. } | Stat::Dir { meta } => meta.clone(),
        Stat::Symlink { .. } => Meta { mode: 0o777, uid: 0, gid: 0, mtime: 0 },
    }
}

fn size_of(st: &Stat) -> u64 {
    match st {
        Stat::File { size, .. } => *size,
        Stat::Dir { .. } => 4096,
        Stat::Symlink { target } => target.len() as u64,
    }
}

fn ls_date(mtime: u64, now: u64) -> String {
    let six_months = 60 * 60 * 24 * 182;
    if mtime + six_months < now || mtime > now + 3600 {
        strftime("%b %e  %Y", mtime)
    } else {
        strftime("%b %e %H:%M", mtime)
    }
}

fn is_exec(st: &Stat) -> bool {
    match st {
        Stat::File { meta, content, .. } => meta.mode & 0o111 != 0 || matches!(content, Content::Opaque { .. }),
        _ => false,
    }
}

fn nlink(cx: &Ctx<'_, '_>, e: &Entry) -> u64 {
    match e.stat {
        Stat::Dir { .. } => {
            let subdirs = cx.sys.list(&e.path).map(|names| names.iter().filter(|n| cx.sys.is_dir(&join(&e.path, n))).count()).unwrap_or(0);
            2 + subdirs as u64
        }
        _ => 1,
    }
}

/// Lays names out in columns like `ls` on a terminal.
pub(crate) fn columns(names: &[String], width: usize, gnu: bool) -> String {
    let n = names.len();
    if n == 0 {
        return String::new();
    }
    let lens: Vec<usize> = names.iter().map(|s| s.chars().count()).collect();
    let mut out = String::new();
    if gnu {
        let max_cols = (width / 3).max(1).min(n);
        let mut chosen: Option<(usize, Vec<usize>)> = None;
        for cols in (1..=max_cols).rev() {
            let rows = n.div_ceil(cols);
            let real_cols = n.div_ceil(rows);
            let mut widths = Vec::with_capacity(real_cols);
            let mut total = 0;
            for c in 0..real_cols {
                let w = (c * rows..((c + 1) * rows).min(n)).map(|i| lens[i]).max().unwrap_or(0);
                let w = if c + 1 < real_cols { w + 2 } else { w };
                widths.push(w);
                total += w;
            }
            if total < width || cols == 1 {
                chosen = Some((rows, widths));
                break;
            }
        }
        let Some((rows, widths)) = chosen else { return String::new() };
        for r in 0..rows {
            let mut line = String::new();
            for (c, w) in widths.iter().enumerate() {
                let i = c * rows + r;
                if i >= n {
                    break;
                }
                let last = (c + 1) * rows + r >= n;
                line.push_str(&names[i]);
                if !last {
                    line.push_str(&" ".repeat(w.saturating_sub(lens[i])));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    } else {
        let colw = lens.iter().copied().max().unwrap_or(0) + 2;
        let cols = (width / colw).max(1);
        let rows = n.div_ceil(cols);
        for r in 0..rows {
            let mut line = String::new();
            for c in 0..cols {
                let i = c * rows + r;
                if i >= n {
                    break;
                }
                line.push_str(&names[i]);
                if (c + 1) * rows + r < n {
                    line.push_str(&" ".repeat(colw - lens[i]));
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

pub(super) fn ls(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "laA1RhdrtSFpnCsiogXUcuLH", "w") {
        Ok(o) => o,
        Err(c) => {
            cx.invalid_option(&c);
            return 2;
        }
    };
    let long = o.has('l') || o.has('n') || o.has('o') || o.has('g');
    let all = o.has('a');
    let almost = o.has('A');
    let one = o.has('1');
    let human_sz = o.has('h');
    let gnu = cx.gnu();
    let classify = o.has('F');
    let slash = o.has('p');
    let numeric = o.has('n');
    let width: usize = o.value('w').and_then(|w| w.parse().ok()).or_else(|| cx.sh.var("COLUMNS").and_then(|c| c.parse().ok())).unwrap_or(80);
    let columns_mode = !long && !one && (cx.tty() || o.has('C'));
    let now = cx.sys.now();
    let mut st = 0;
    let ops = if o.operands.is_empty() { vec![".".to_string()] } else { o.operands.clone() };
    let mut file_args: Vec<Entry> = Vec::new();
    let mut dir_args: Vec<(String, String)> = Vec::new();
    for a in &ops {
        let p = cx.path(a);
        match fsutil::lstat(&*cx.sys, &p) {
            Ok(stat) => {
                let target_dir = fsutil::is_dir(&*cx.sys, &p);
                let is_link = matches!(stat, Stat::Symlink { .. });
                if target_dir && !o.has('d') && !(is_link && long && !a.ends_with('/')) {
                    dir_args.push((a.clone(), p));
                } else {
                    file_args.push(Entry { name: a.clone(), path: p, stat, target_dir });
                }
            }
            Err(e) => {
                if gnu {
                    cx.err(format!("cannot access '{a}': {e}"));
                    st = 2;
                } else {
                    cx.err(format!("{a}: {e}"));
                    st = 1;
                }
            }
        }
    }
    let sort_entries = |cx: &Ctx<'_, '_>, v: &mut Vec<Entry>| {
        if o.has('U') {
            return;
        }
        if o.has('t') {
            baleine_util::sort_by(v, |a, b| meta_of(&b.stat).mtime.cmp(&meta_of(&a.stat).mtime).then(a.name.cmp(&b.name)));
        } else if o.has('S') {
            baleine_util::sort_by(v, |a, b| size_of(&b.stat).cmp(&size_of(&a.stat)).then(a.name.cmp(&b.name)));
        } else {
            baleine_util::sort_by(v, |a, b| a.name.cmp(&b.name));
        }
        if o.has('r') {
            v.reverse();
        }
        let _ = cx;
    };
    let render = |cx: &Ctx<'_, '_>, entries: &[Entry], total_line: bool| -> String {
        let decorate = |e: &Entry| -> String {
            let mut n = e.name.clone();
            if classify || slash {
                match e.stat {
                    Stat::Dir { .. } => n.push('/'),
                    Stat::Symlink { .. } if classify && !long => n.push('@'),
                    _ if classify && is_exec(&e.stat) => n.push('*'),
                    _ => {}
                }
            }
            n
        };
        if !long {
            let names: Vec<String> = entries.iter().map(decorate).collect();
            if columns_mode {
                return columns(&names, width, gnu);
            }
            let mut s = String::new();
            for n in names {
                s.push_str(&n);
                s.push('\n');
            }
            return s;
        }
        struct Row {
            mode: String,
            links: String,
            user: String,
            group: String,
            size: String,
            date: String,
            name: String,
        }
        let mut rows = Vec::new();
        let mut blocks = 0u64;
        for e in entries {
            let m = meta_of(&e.stat);
            let sz = size_of(&e.stat);
            blocks += match e.stat {
                Stat::File { size, .. } => size.div_ceil(4096) * 4,
                Stat::Dir { .. } => 4,
                Stat::Symlink { .. } => 0,
            };
            let mut name = decorate(e);
            if let Stat::Symlink { target } = &e.stat {
                name = format!("{} -> {target}", e.name);
            }
            rows.push(Row {
                mode: mode_string(&e.stat, e.target_dir),
                links: nlink(cx, e).to_string(),
                user: if numeric { m.uid.to_string() } else { user_name(&*cx.sys, m.uid) },
                group: if numeric { m.gid.to_string() } else { group_name(&*cx.sys, m.gid) },
                size: if human_sz { human(sz) } else { sz.to_string() },
                date: ls_date(m.mtime, now),
                name,
            });
        }
        let mut s = String::new();
        if total_line {
            let t = if human_sz { human(blocks * 1024) } else { blocks.to_string() };
            s.push_str(&format!("total {t}\n"));
        }
        let w = |f: &dyn Fn(&Row) -> usize| rows.iter().map(f).max().unwrap_or(0);
        let (wl, wu, wg, ws) = (w(&|r| r.links.len()), w(&|r| r.user.len()), w(&|r| r.group.len()), w(&|r| r.size.len()));
        for r in &rows {
            let owner = if o.has('g') {
                String::new()
            } else if gnu {
                format!("{:<wu$} ", r.user)
            } else {
                format!("{:<8} ", r.user)
            };
            let group = if o.has('o') {
                String::new()
            } else if gnu {
                format!("{:<wg$} ", r.group)
            } else {
                format!("{:<8} ", r.group)
            };
            if gnu {
                s.push_str(&format!("{} {:>wl$} {owner}{group}{:>ws$} {} {}\n", r.mode, r.links, r.size, r.date, r.name));
            } else {
                s.push_str(&format!("{} {:>4} {owner}{group}{:>9} {} {}\n", r.mode, r.links, r.size, r.date, r.name));
            }
        }
        s
    };
    let mut out = String::new();
    sort_entries(cx, &mut file_args);
    if !file_args.is_empty() {
        out.push_str(&render(cx, &file_args, false));
    }
    baleine_util::sort(&mut dir_args);
    if o.has('r') {
        dir_args.reverse();
    }
    let show_headers = ops.len() > 1 || o.has('R');
    let mut first = file_args.is_empty();
    let mut stack: Vec<(String, String)> = dir_args.into_iter().rev().collect();
    let mut visited = 0usize;
    while let Some((disp, path)) = stack.pop() {
        visited += 1;
        if visited > 10_000 {
            break;
        }
        let names = match cx.sys.list(&path) {
            Ok(n) => n,
            Err(e) => {
                if gnu {
                    cx.err(format!("cannot open directory '{disp}': {e}"));
                } else {
                    cx.err(format!("{disp}: {e}"));
                }
                st = 2;
                continue;
            }
        };
        let mut entries = Vec::new();
        if all {
            for special in [".", ".."] {
                let p = if special == "." { path.clone() } else { dirname(&path) };
                if let Ok(stat) = cx.sys.stat(&p) {
                    entries.push(Entry { name: special.to_string(), path: p, stat, target_dir: true });
                }
            }
        }
        for n in names {
            if n.starts_with('.') && !all && !almost {
                continue;
            }
            let p = join(&path, &n);
            let Ok(stat) = cx.sys.stat(&p) else { continue };
            let target_dir = matches!(stat, Stat::Dir { .. });
            entries.push(Entry { name: n, path: p, stat, target_dir });
        }
        let (specials, mut rest): (Vec<Entry>, Vec<Entry>) = entries.into_iter().partition(|e| e.name == "." || e.name == "..");
        sort_entries(cx, &mut rest);
        let mut entries = specials;
        entries.extend(rest);
        if show_headers {
            if !first {
                out.push('\n');
            }
            out.push_str(&format!("{disp}:\n"));
        }
        first = false;
        out.push_str(&render(cx, &entries, long));
        if o.has('R') {
            let subs: Vec<(String, String)> = entries
                .iter()
                .filter(|e| matches!(e.stat, Stat::Dir { .. }) && e.name != "." && e.name != "..")
                .map(|e| (if disp.ends_with('/') { format!("{disp}{}", e.name) } else { format!("{disp}/{}", e.name) }, e.path.clone()))
                .collect();
            for s in subs.into_iter().rev() {
                stack.push(s);
            }
        }
    }
    cx.print(out);
    st
}

// ------------------------------------------------------------------ mkdir, rmdir, touch

pub(super) fn mkdir(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "pv", "m") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    if o.operands.is_empty() {
        return cx.missing_operand();
    }
    let mode = o.value('m').and_then(|m| u32::from_str_radix(m, 8).ok());
    let mut st = 0;
    for a in &o.operands {
        let p = cx.path(a);
        if !o.has('p') {
            if fsutil::exists(&*cx.sys, &p) {
                report_mkdir(cx, a, &FsError::Exists);
                st = 1;
                continue;
            }
            if !fsutil::is_dir(&*cx.sys, &dirname(&p)) {
                let e = if fsutil::exists(&*cx.sys, &dirname(&p)) { FsError::NotADirectory } else { FsError::NotFound };
                report_mkdir(cx, a, &e);
                st = 1;
                continue;
            }
        }
        let p = fsutil::resolve(&*cx.sys, &p, true);
        match fsutil::mkdir(cx.sys, &p, o.has('p')) {
            Ok(()) => {
                if let Some(m) = mode {
                    if let Ok(Stat::Dir { meta }) = cx.sys.stat(&p) {
                        let _ = cx.sys.set_meta(&p, Meta { mode: m, ..meta });
                    }
                }
                if o.has('v') {
                    cx.print(format!("mkdir: created directory '{a}'\n"));
                }
            }
            Err(e) => {
                report_mkdir(cx, a, &e);
                st = 1;
            }
        }
    }
    st
}

fn report_mkdir(cx: &mut Ctx<'_, '_>, a: &str, e: &FsError) {
    if cx.gnu() {
        cx.err(format!("cannot create directory '{a}': {e}"));
    } else {
        cx.err(format!("can't create directory '{a}': {e}"));
    }
}

pub(super) fn rmdir(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "pv", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    if o.operands.is_empty() {
        return cx.missing_operand();
    }
    let mut st = 0;
    for a in &o.operands {
        let mut p = cx.path(a);
        loop {
            let r = match cx.sys.stat(&p) {
                Ok(Stat::Dir { .. }) => cx.sys.remove(&p, false),
                Ok(_) => Err(FsError::NotADirectory),
                Err(e) => Err(e),
            };
            if let Err(e) = r {
                let e = if e == FsError::Invalid { "Device or resource busy".to_string() } else { e.to_string() };
                if cx.gnu() {
                    cx.err(format!("failed to remove '{a}': {e}"));
                } else {
                    cx.err(format!("'{a}': {e}"));
                }
                st = 1;
                break;
            }
            if !o.has('p') {
                break;
            }
            p = dirname(&p);
            if p == "/" || p == cx.path(".") {
                break;
            }
        }
    }
    st
}

pub(super) fn touch(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "camh", "dtr") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    if o.operands.is_empty() {
        if cx.gnu() {
            cx.err("missing file operand");
            cx.out.err("Try 'touch --help' for more information.\n");
        } else {
            cx.err("missing operand");
        }
        return 1;
    }
    let when = o.value('d').and_then(|d| d.strip_prefix('@').and_then(|n| n.parse::<u64>().ok())).unwrap_or_else(|| cx.sys.now());
    let mut st = 0;
    for a in &o.operands {
        let p = fsutil::resolve(&*cx.sys, &cx.path(a), true);
        let r = match cx.sys.stat(&p) {
            Ok(Stat::File { meta, .. }) | Ok(Stat::Dir { meta }) => cx.sys.set_meta(&p, Meta { mtime: when, ..meta }),
            Ok(Stat::Symlink { .. }) => Ok(()),
            Err(_) if o.has('c') => Ok(()),
            Err(_) => {
                let mut meta = fsutil::new_meta(&*cx.sys, 0o644);
                meta.mtime = when;
                cx.sys.write(&p, Content::Bytes(Arc::new(Vec::new())), Some(meta))
            }
        };
        if let Err(e) = r {
            if cx.gnu() {
                cx.err(format!("cannot touch '{a}': {e}"));
            } else {
                cx.err(format!("{a}: {e}"));
            }
            st = 1;
        }
    }
    st
}

// ------------------------------------------------------------------ rm

pub(super) fn rm(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "rRfivdI", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let recursive = o.has('r') || o.has('R') || o.long("recursive");
    let force = o.has('f') || o.long("force");
    if o.operands.is_empty() {
        if force {
            return 0;
        }
        return cx.missing_operand();
    }
    let gnu = cx.gnu();
    let mut st = 0;
    for a in &o.operands {
        let base = basename(a.trim_end_matches('/'));
        if base == "." || base == ".." {
            if gnu {
                cx.err(format!("refusing to remove '.' or '..' directory: skipping '{a}'"));
            } else {
                cx.err("can't remove '.' or '..'");
            }
            st = 1;
            continue;
        }
        let p = cx.path(a);
        if p == "/" && recursive && !o.long("no-preserve-root") {
            cx.err("it is dangerous to operate recursively on '/'");
            cx.err("use --no-preserve-root to override this failsafe");
            st = 1;
            continue;
        }
        let stat = fsutil::lstat(&*cx.sys, &p);
        let err = match stat {
            Err(e) => {
                if force {
                    continue;
                }
                Some(e.to_string())
            }
            Ok(Stat::Dir { .. }) if !recursive => {
                if o.has('d') {
                    match cx.sys.remove(&p, false) {
                        Ok(()) => None,
                        Err(e) => Some(e.to_string()),
                    }
                } else if gnu {
                    Some("Is a directory".into())
                } else {
                    cx.err(format!("'{a}' is a directory"));
                    st = 1;
                    continue;
                }
            }
            Ok(_) => {
                let phys = fsutil::resolve(&*cx.sys, &p, false);
                match cx.sys.remove(&phys, recursive) {
                    Ok(()) => {
                        if o.has('v') {
                            cx.print(format!("removed '{a}'\n"));
                        }
                        None
                    }
                    Err(FsError::Invalid) => Some("Device or resource busy".into()),
                    Err(e) => Some(e.to_string()),
                }
            }
        };
        if let Some(e) = err {
            if gnu {
                cx.err(format!("cannot remove '{a}': {e}"));
            } else {
                cx.err(format!("can't remove '{a}': {e}"));
            }
            st = 1;
        }
    }
    st
}

// ------------------------------------------------------------------ cp, mv, ln

/// Copies a node into `dst`, merging into existing folders.
fn copy_node(cx: &mut Ctx<'_, '_>, src: &str, dst: &str, preserve: bool) -> Result<(), FsError> {
    let mut stack = vec![(src.to_string(), dst.to_string())];
    let now = cx.sys.now();
    let mut steps = 0;
    while let Some((s, d)) = stack.pop() {
        steps += 1;
        if steps > 100_000 {
            break;
        }
        let node = cx.sys.node(&s)?;
        match &node {
            Node::Dir(_) => match cx.sys.stat(&d) {
                Err(_) => {
                    let node = if preserve { node } else { restamp(node, now) };
                    cx.sys.put_node(&d, node)?;
                }
                Ok(Stat::Dir { .. }) => {
                    for n in cx.sys.list(&s)? {
                        stack.push((join(&s, &n), join(&d, &n)));
                    }
                }
                Ok(_) => return Err(FsError::NotADirectory),
            },
            _ => {
                if let Ok(Stat::Dir { .. }) = cx.sys.stat(&d) {
                    return Err(FsError::IsADirectory);
                }
                let node = if preserve { node } else { restamp(node, now) };
                if !fsutil::is_dir(&*cx.sys, &dirname(&d)) {
                    return Err(FsError::NotFound);
                }
                cx.sys.put_node(&d, node)?;
            }
        }
    }
    Ok(())
}

fn restamp(node: Node, now: u64) -> Node {
    match node {
        Node::File(f) => Node::File(Arc::new(baleine_vfs::File { content: f.content.clone(), meta: Meta { mtime: now, ..f.meta.clone() } })),
        other => other,
    }
}

pub(super) fn cp(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "rRapfnvuidLPHT", "t") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let recursive = o.has('r') || o.has('R') || o.has('a') || o.long("recursive");
    let preserve = o.has('a') || o.has('p');
    let gnu = cx.gnu();
    let mut ops = o.operands.clone();
    if let Some(t) = o.value('t') {
        ops.push(t.to_string());
    }
    if ops.len() < 2 {
        if ops.is_empty() {
            return cx.missing_operand();
        }
        cx.err(format!("missing destination file operand after '{}'", ops[0]));
        return 1;
    }
    let Some(dest) = ops.pop() else { return 1 };
    let dpath = fsutil::resolve(&*cx.sys, &cx.path(&dest), true);
    let dest_is_dir = fsutil::is_dir(&*cx.sys, &dpath);
    if ops.len() > 1 && !dest_is_dir {
        cx.err(format!("target '{dest}' is not a directory"));
        return 1;
    }
    let mut st = 0;
    for s in &ops {
        let sp = cx.path(s);
        let sp_phys = if recursive && !o.has('L') { fsutil::resolve(&*cx.sys, &sp, false) } else { fsutil::resolve(&*cx.sys, &sp, true) };
        let stat = match cx.sys.stat(&sp_phys) {
            Ok(st) => st,
            Err(e) => {
                if gnu {
                    cx.err(format!("cannot stat '{s}': {e}"));
                } else {
                    cx.err(format!("can't stat '{s}': {e}"));
                }
                st = 1;
                continue;
            }
        };
        if matches!(stat, Stat::Dir { .. }) && !recursive {
            if gnu {
                cx.err(format!("-r not specified; omitting directory '{s}'"));
            } else {
                cx.err(format!("omitting directory '{s}'"));
            }
            st = 1;
            continue;
        }
        let merge_contents = basename(s) == "." || s.ends_with("/.");
        let target = if dest_is_dir && !(merge_contents && ops.len() == 1) { join(&dpath, basename(&sp)) } else { dpath.clone() };
        if matches!(stat, Stat::Dir { .. }) && (target == sp_phys || target.starts_with(&format!("{sp_phys}/"))) {
            cx.err(format!("cannot copy a directory, '{s}', into itself, '{dest}'"));
            st = 1;
            continue;
        }
        if o.has('n') && cx.sys.exists(&target) {
            continue;
        }
        if let Err(e) = copy_node(cx, &sp_phys, &target, preserve) {
            let shown = if dest_is_dir { join(&dest, basename(&sp)) } else { dest.clone() };
            if gnu {
                match e {
                    FsError::IsADirectory => cx.err(format!("cannot overwrite directory '{shown}' with non-directory")),
                    _ => cx.err(format!("cannot create regular file '{shown}': {e}")),
                }
            } else {
                cx.err(format!("can't create '{shown}': {e}"));
            }
            st = 1;
            continue;
        }
        if o.has('v') {
            cx.print(format!("'{s}' -> '{}'\n", if dest_is_dir { join(&dest, basename(&sp)) } else { dest.clone() }));
        }
    }
    st
}

pub(super) fn mv(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "fnivuT", "t") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let mut ops = o.operands.clone();
    if let Some(t) = o.value('t') {
        ops.push(t.to_string());
    }
    if ops.len() < 2 {
        if ops.is_empty() {
            return cx.missing_operand();
        }
        cx.err(format!("missing destination file operand after '{}'", ops[0]));
        return 1;
    }
    let gnu = cx.gnu();
    let Some(dest) = ops.pop() else { return 1 };
    let dpath = fsutil::resolve(&*cx.sys, &cx.path(&dest), true);
    let dest_is_dir = fsutil::is_dir(&*cx.sys, &dpath);
    if ops.len() > 1 && !dest_is_dir {
        cx.err(format!("target '{dest}' is not a directory"));
        return 1;
    }
    let mut st = 0;
    for s in &ops {
        let sp = fsutil::resolve(&*cx.sys, &cx.path(s), false);
        if let Err(e) = cx.sys.stat(&sp) {
            if gnu {
                cx.err(format!("cannot stat '{s}': {e}"));
            } else {
                cx.err(format!("can't stat '{s}': {e}"));
            }
            st = 1;
            continue;
        }
        let target = if dest_is_dir { join(&dpath, basename(&sp)) } else { dpath.clone() };
        if target == sp {
            if gnu {
                cx.err(format!("'{s}' and '{dest}' are the same file"));
            }
            st = 1;
            continue;
        }
        if target.starts_with(&format!("{sp}/")) {
            cx.err(format!("cannot move '{s}' to a subdirectory of itself, '{dest}'"));
            st = 1;
            continue;
        }
        if o.has('n') && cx.sys.exists(&target) {
            continue;
        }
        if cx.sys.is_dir(&target) && !cx.sys.is_dir(&sp) {
            cx.err(format!("cannot overwrite directory '{dest}' with non-directory"));
            st = 1;
            continue;
        }
        if !fsutil::is_dir(&*cx.sys, &dirname(&target)) {
            cx.err(format!("cannot move '{s}' to '{dest}': No such file or directory"));
            st = 1;
            continue;
        }
        let r = cx.sys.node(&sp).and_then(|n| cx.sys.put_node(&target, n)).and_then(|_| cx.sys.remove(&sp, true));
        if let Err(e) = r {
            let e = if e == FsError::Invalid { "Device or resource busy".to_string() } else { e.to_string() };
            if gnu {
                cx.err(format!("cannot move '{s}' to '{dest}': {e}"));
            } else {
                cx.err(format!("can't rename '{s}': {e}"));
            }
            st = 1;
        } else if o.has('v') {
            cx.print(format!("renamed '{s}' -> '{dest}'\n"));
        }
    }
    st
}

pub(super) fn ln(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "sfnvTrL", "t") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let mut ops = o.operands.clone();
    if ops.is_empty() {
        return cx.missing_operand();
    }
    if ops.len() == 1 {
        ops.push(".".into());
    }
    let Some(dest) = ops.pop() else { return 1 };
    let dpath = cx.path(&dest);
    let dest_is_dir = fsutil::is_dir(&*cx.sys, &dpath) && !(o.has('n') && matches!(cx.sys.stat(&dpath), Ok(Stat::Symlink { .. })));
    let mut st = 0;
    for target in &ops {
        let link = if dest_is_dir { join(&dpath, basename(target)) } else { dpath.clone() };
        if cx.sys.stat(&link).is_ok() {
            if o.has('f') {
                let _ = cx.sys.remove(&link, false);
            } else {
                if cx.gnu() {
                    cx.err(format!("failed to create {}link '{}': File exists", if o.has('s') { "symbolic " } else { "hard " }, if dest_is_dir { join(&dest, basename(target)) } else { dest.clone() }));
                } else {
                    cx.err(format!("{link}: File exists"));
                }
                st = 1;
                continue;
            }
        }
        let r = if o.has('s') {
            if !fsutil::is_dir(&*cx.sys, &dirname(&link)) {
                Err(FsError::NotFound)
            } else {
                cx.sys.put_node(&link, Node::Symlink(Arc::from(target.as_str())))
            }
        } else {
            let tp = fsutil::resolve(&*cx.sys, &cx.path(target), true);
            match cx.sys.node(&tp) {
                Ok(Node::Dir(_)) => {
                    cx.err(format!("{target}: hard link not allowed for directory"));
                    st = 1;
                    continue;
                }
                Ok(n) => cx.sys.put_node(&link, n),
                Err(e) => {
                    cx.err(format!("failed to access '{target}': {e}"));
                    st = 1;
                    continue;
                }
            }
        };
        if let Err(e) = r {
            cx.err(format!("failed to create symbolic link '{dest}': {e}"));
            st = 1;
        }
    }
    st
}

pub(super) fn readlink(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "femnqsvz", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let canon = cx.name == "realpath" || o.has('f') || o.has('e') || o.has('m');
    let mut st = 0;
    for a in &o.operands {
        let p = cx.path(a);
        if canon {
            let r = fsutil::resolve(&*cx.sys, &p, true);
            if cx.name == "realpath" && !fsutil::exists(&*cx.sys, &r) && !o.has('m') {
                cx.err(format!("{a}: No such file or directory"));
                st = 1;
                continue;
            }
            cx.print(format!("{r}\n"));
        } else {
            match cx.sys.stat(&p) {
                Ok(Stat::Symlink { target }) => cx.print(format!("{target}\n")),
                _ => st = 1,
            }
        }
    }
    st
}

pub(super) fn mktemp(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "dqu", "pt") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let template = o.operands.first().cloned().unwrap_or_else(|| "tmp.XXXXXXXXXX".into());
    let dir = o.value('p').map(str::to_string).or_else(|| if template.contains('/') { None } else { Some(cx.sh.var("TMPDIR").unwrap_or("/tmp").to_string()) });
    const CH: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for _ in 0..100 {
        let mut name = String::new();
        let xs = template.chars().rev().take_while(|&c| c == 'X').count();
        name.push_str(&template[..template.len() - xs]);
        for _ in 0..xs {
            cx.sh.state.random = cx.sh.state.random.wrapping_mul(1103515245).wrapping_add(12345);
            name.push(CH[(cx.sh.state.random >> 16) as usize % CH.len()] as char);
        }
        let full = match &dir {
            Some(d) => join(&cx.path(d), &name),
            None => cx.path(&name),
        };
        if cx.sys.exists(&full) {
            continue;
        }
        let r = if o.has('u') {
            Ok(())
        } else if o.has('d') {
            fsutil::mkdir(cx.sys, &full, false)
        } else {
            let meta = fsutil::new_meta(&*cx.sys, 0o600);
            cx.sys.write(&full, Content::Bytes(Arc::new(Vec::new())), Some(meta))
        };
        if let Err(e) = r {
            cx.err(format!("failed to create {} via template '{template}': {e}", if o.has('d') { "directory" } else { "file" }));
            return 1;
        }
        cx.print(format!("{full}\n"));
        return 0;
    }
    1
}

// ------------------------------------------------------------------ stat

pub(super) fn stat(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "LtfF", "c") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let fmt = o.value('c').map(str::to_string).or_else(|| o.long_value("format").map(str::to_string)).or_else(|| o.long_value("printf").map(str::to_string));
    if o.operands.is_empty() {
        return cx.missing_operand();
    }
    let mut st = 0;
    for a in &o.operands {
        let p = cx.path(a);
        let s = if o.has('L') { fsutil::stat(&*cx.sys, &p) } else { fsutil::lstat(&*cx.sys, &p) };
        let s = match s {
            Ok(s) => s,
            Err(e) => {
                if cx.gnu() {
                    cx.err(format!("cannot statx '{a}': {e}"));
                } else {
                    cx.err(format!("can't stat '{a}': {e}"));
                }
                st = 1;
                continue;
            }
        };
        let m = meta_of(&s);
        let size = size_of(&s);
        let kind = match &s {
            Stat::File { size: 0, .. } => "regular empty file",
            Stat::File { .. } => "regular file",
            Stat::Dir { .. } => "directory",
            Stat::Symlink { .. } => "symbolic link",
        };
        let mode = mode_string(&s, false);
        let user = user_name(&*cx.sys, m.uid);
        let group = group_name(&*cx.sys, m.gid);
        let time = strftime("%Y-%m-%d %H:%M:%S.000000000 +0000", m.mtime);
        if let Some(f) = &fmt {
            let mut out = String::new();
            let cs: Vec<char> = f.chars().collect();
            let mut i = 0;
            while i < cs.len() {
                if cs[i] == '%' && i + 1 < cs.len() {
                    i += 1;
                    let v = match cs[i] {
                        'n' => a.clone(),
                        'N' => format!("'{a}'"),
                        's' => size.to_string(),
                        'a' => format!("{:o}", m.mode & 0o7777),
                        'A' => mode.clone(),
                        'u' => m.uid.to_string(),
                        'g' => m.gid.to_string(),
                        'U' => user.clone(),
                        'G' => group.clone(),
                        'F' => kind.to_string(),
                        'Y' | 'X' | 'Z' => m.mtime.to_string(),
                        'y' | 'x' | 'z' => time.clone(),
                        'h' => "1".into(),
                        'i' => "0".into(),
                        'b' => size.div_ceil(512).to_string(),
                        '%' => "%".into(),
                        c => format!("%{c}"),
                    };
                    out.push_str(&v);
                } else if cs[i] == '\\' && i + 1 < cs.len() && cs[i + 1] == 'n' {
                    out.push('\n');
                    i += 1;
                } else {
                    out.push(cs[i]);
                }
                i += 1;
            }
            out.push('\n');
            cx.print(out);
            continue;
        }
        let name = match &s {
            Stat::Symlink { target } => format!("{a} -> {target}"),
            _ => a.clone(),
        };
        let blocks = size.div_ceil(4096) * 8;
        cx.print(format!(
            "  File: {name}\n  Size: {size:<15} Blocks: {blocks:<10} IO Block: 4096   {kind}\nDevice: 0,45\tInode: 1{:06}     Links: 1\nAccess: ({:04o}/{mode})  Uid: ({:>5}/{user:>8})   Gid: ({:>5}/{group:>8})\nAccess: {time}\nModify: {time}\nChange: {time}\n Birth: -\n",
            size % 1_000_000,
            m.mode & 0o7777,
            m.uid,
            m.gid
        ));
    }
    st
}

// ------------------------------------------------------------------ chmod, chown

fn apply_mode(spec: &str, mode: u32, is_dir: bool) -> Option<u32> {
    if !spec.is_empty() && spec.chars().all(|c| c.is_digit(8)) {
        return u32::from_str_radix(spec, 8).ok().map(|m| m & 0o7777);
    }
    let mut m = mode;
    for clause in spec.split(',') {
        let cs: Vec<char> = clause.chars().collect();
        let mut i = 0;
        let mut who = 0u32;
        while i < cs.len() && "ugoa".contains(cs[i]) {
            who |= match cs[i] {
                'u' => 0o4700,
                'g' => 0o2070,
                'o' => 0o1007,
                _ => 0o7777,
            };
            i += 1;
        }
        let implicit = who == 0;
        if implicit {
            who = 0o7777;
        }
        if i >= cs.len() {
            return None;
        }
        while i < cs.len() {
            let op = cs[i];
            if !"+-=".contains(op) {
                return None;
            }
            i += 1;
            let mut bits = 0u32;
            while i < cs.len() && "rwxXst".contains(cs[i]) {
                bits |= match cs[i] {
                    'r' => 0o444,
                    'w' => 0o222,
                    'x' => 0o111,
                    'X' => {
                        if is_dir || m & 0o111 != 0 {
                            0o111
                        } else {
                            0
                        }
                    }
                    's' => 0o6000,
                    _ => 0o1000,
                };
                i += 1;
            }
            let mut eff = bits & who;
            if implicit {
                eff &= !0o022 | 0o7755;
            }
            match op {
                '+' => m |= eff,
                '-' => m &= !eff,
                _ => m = (m & !who) | eff,
            }
        }
    }
    Some(m)
}

fn for_each_path(cx: &mut Ctx<'_, '_>, root: &str, recursive: bool, f: &mut dyn FnMut(&mut Ctx<'_, '_>, &str) -> Result<(), FsError>) -> Result<(), FsError> {
    let mut stack = vec![root.to_string()];
    let mut n = 0;
    while let Some(p) = stack.pop() {
        n += 1;
        if n > 100_000 {
            break;
        }
        f(cx, &p)?;
        if recursive && cx.sys.is_dir(&p) {
            if let Ok(names) = cx.sys.list(&p) {
                for c in names.into_iter().rev() {
                    stack.push(join(&p, &c));
                }
            }
        }
    }
    Ok(())
}

pub(super) fn chmod(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    // modes like -x look like options: take the first non-option operand as the mode
    let mut recursive = false;
    let mut verbose = false;
    let mut ops = Vec::new();
    for a in args {
        match a.as_str() {
            "-R" | "--recursive" => recursive = true,
            "-v" | "-c" => verbose = true,
            "-f" => {}
            _ => ops.push(a.clone()),
        }
    }
    if ops.len() < 2 {
        if ops.is_empty() {
            return cx.missing_operand();
        }
        cx.err(format!("missing operand after '{}'", ops[0]));
        return 1;
    }
    let spec = ops.remove(0);
    let mut st = 0;
    for a in &ops {
        let p = fsutil::resolve(&*cx.sys, &cx.path(a), true);
        let r = for_each_path(cx, &p, recursive, &mut |cx, path| {
            let (meta, is_dir) = match cx.sys.stat(path)? {
                Stat::File { meta, .. } => (meta, false),
                Stat::Dir { meta } => (meta, true),
                Stat::Symlink { .. } => return Ok(()),
            };
            let Some(mode) = apply_mode(&spec, meta.mode, is_dir) else {
                return Err(FsError::Invalid);
            };
            cx.sys.set_meta(path, Meta { mode, ..meta })
        });
        match r {
            Ok(()) => {
                if verbose {
                    cx.print(format!("mode of '{a}' changed\n"));
                }
            }
            Err(FsError::Invalid) => {
                cx.err(format!("invalid mode: '{spec}'"));
                return 1;
            }
            Err(e) => {
                if cx.gnu() {
                    match e {
                        FsError::NotFound => cx.err(format!("cannot access '{a}': {e}")),
                        _ => cx.err(format!("changing permissions of '{a}': {e}")),
                    }
                } else {
                    cx.err(format!("{a}: {e}"));
                }
                st = 1;
            }
        }
    }
    st
}

pub(super) fn chown(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "RhvfcHLP", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    if o.operands.len() < 2 {
        return cx.missing_operand();
    }
    let spec = &o.operands[0];
    let (u, g) = match spec.split_once([':', '.']) {
        Some((u, g)) => (u, Some(g)),
        None => (spec.as_str(), None),
    };
    let uid = if u.is_empty() {
        None
    } else {
        match name_to_id(&*cx.sys, "/etc/passwd", u) {
            Some(id) => Some(id),
            None => {
                cx.err(format!("invalid user: '{spec}'"));
                return 1;
            }
        }
    };
    let gid = match g {
        None | Some("") => {
            if g == Some("") {
                uid
            } else {
                None
            }
        }
        Some(g) => match name_to_id(&*cx.sys, "/etc/group", g) {
            Some(id) => Some(id),
            None => {
                cx.err(format!("invalid group: '{spec}'"));
                return 1;
            }
        },
    };
    let mut st = 0;
    for a in &o.operands[1..] {
        let p = fsutil::resolve(&*cx.sys, &cx.path(a), true);
        let r = for_each_path(cx, &p, o.has('R'), &mut |cx, path| {
            let meta = match cx.sys.stat(path)? {
                Stat::File { meta, .. } | Stat::Dir { meta } => meta,
                Stat::Symlink { .. } => return Ok(()),
            };
            cx.sys.set_meta(path, Meta { uid: uid.unwrap_or(meta.uid), gid: gid.unwrap_or(meta.gid), ..meta })
        });
        if let Err(e) = r {
            if cx.gnu() {
                cx.err(format!("cannot access '{a}': {e}"));
            } else {
                cx.err(format!("{a}: {e}"));
            }
            st = 1;
        }
    }
    st
}

// ------------------------------------------------------------------ du

fn usage(cx: &Ctx<'_, '_>, path: &str, apparent: bool) -> u64 {
    let mut total = 0u64;
    let mut stack = vec![path.to_string()];
    let mut n = 0;
    while let Some(p) = stack.pop() {
        n += 1;
        if n > 200_000 {
            break;
        }
        match cx.sys.stat(&p) {
            Ok(Stat::File { size, .. }) => total += if apparent { size } else { size.div_ceil(4096) * 4096 },
            Ok(Stat::Dir { .. }) => {
                total += 4096;
                if let Ok(names) = cx.sys.list(&p) {
                    for c in names {
                        stack.push(join(&p, &c));
                    }
                }
            }
            _ => {}
        }
    }
    total
}

pub(super) fn du(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "shacbkmxLl", "d") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let apparent = o.has('b') || o.long("apparent-size");
    let max_depth: Option<usize> = o.value('d').and_then(|d| d.parse().ok()).or_else(|| o.long_value("max-depth").and_then(|d| d.parse().ok()));
    let fmt = |n: u64| -> String {
        if o.has('h') {
            human(n)
        } else if o.has('b') {
            n.to_string()
        } else if o.has('m') {
            n.div_ceil(1024 * 1024).to_string()
        } else {
            n.div_ceil(1024).to_string()
        }
    };
    let ops = if o.operands.is_empty() { vec![".".to_string()] } else { o.operands.clone() };
    let mut st = 0;
    let mut out = String::new();
    let mut grand = 0;
    for a in &ops {
        let p = fsutil::resolve(&*cx.sys, &cx.path(a), true);
        if let Err(e) = cx.sys.stat(&p) {
            cx.err(format!("cannot access '{a}': {e}"));
            st = 1;
            continue;
        }
        let total = usage(cx, &p, apparent);
        grand += total;
        if !o.has('s') && cx.sys.is_dir(&p) {
            // every folder below, deepest first (post-order)
            let mut dirs: Vec<(String, String, usize)> = Vec::new();
            let mut stack = vec![(p.clone(), a.trim_end_matches('/').to_string(), 0usize)];
            while let Some((dp, disp, depth)) = stack.pop() {
                if dirs.len() > 10_000 {
                    break;
                }
                dirs.push((dp.clone(), disp.clone(), depth));
                if let Ok(names) = cx.sys.list(&dp) {
                    for n in names.iter().rev() {
                        let c = join(&dp, n);
                        if cx.sys.is_dir(&c) {
                            stack.push((c, format!("{disp}/{n}"), depth + 1));
                        } else if o.has('a') && max_depth.is_none_or(|m| depth < m) {
                            let sz = usage(cx, &c, apparent);
                            out.push_str(&format!("{}\t{disp}/{n}\n", fmt(sz)));
                        }
                    }
                }
            }
            for (dp, disp, depth) in dirs.iter().skip(1).rev() {
                if max_depth.is_none_or(|m| *depth <= m) {
                    out.push_str(&format!("{}\t{disp}\n", fmt(usage(cx, dp, apparent))));
                }
            }
        }
        out.push_str(&format!("{}\t{a}\n", fmt(total)));
    }
    if o.has('c') {
        out.push_str(&format!("{}\ttotal\n", fmt(grand)));
    }
    cx.print(out);
    st
}

// ------------------------------------------------------------------ find

#[derive(Debug)]
enum Pred {
    Name(String, bool),
    Path(String),
    Type(char),
    Empty,
    True,
    False,
    Print,
    Delete,
    Size(char, u64, char),
    Exec(Vec<String>, bool),
    Not(Box<Pred>),
    And(Box<Pred>, Box<Pred>),
    Or(Box<Pred>, Box<Pred>),
}

struct FindP<'a> {
    a: &'a [String],
    i: usize,
    depth: usize,
    has_action: bool,
}

impl FindP<'_> {
    fn or(&mut self) -> Result<Pred, String> {
        self.depth += 1;
        if self.depth > 64 {
            return Err("expression too complex".into());
        }
        let mut l = self.and()?;
        while matches!(self.a.get(self.i).map(String::as_str), Some("-o") | Some("-or")) {
            self.i += 1;
            let r = self.and()?;
            l = Pred::Or(Box::new(l), Box::new(r));
        }
        self.depth -= 1;
        Ok(l)
    }
    fn and(&mut self) -> Result<Pred, String> {
        let mut l = self.not()?;
        loop {
            match self.a.get(self.i).map(String::as_str) {
                None | Some("-o") | Some("-or") | Some(")") => break,
                Some("-a") | Some("-and") => {
                    self.i += 1;
                }
                _ => {}
            }
            let r = self.not()?;
            l = Pred::And(Box::new(l), Box::new(r));
        }
        Ok(l)
    }
    fn not(&mut self) -> Result<Pred, String> {
        let mut neg = false;
        while matches!(self.a.get(self.i).map(String::as_str), Some("!") | Some("-not")) {
            neg = !neg;
            self.i += 1;
        }
        let p = self.prim()?;
        Ok(if neg { Pred::Not(Box::new(p)) } else { p })
    }
    fn arg(&mut self, what: &str) -> Result<String, String> {
        self.i += 1;
        self.a.get(self.i).cloned().ok_or_else(|| format!("missing argument to `{what}'"))
    }
    fn prim(&mut self) -> Result<Pred, String> {
        let Some(t) = self.a.get(self.i).cloned() else {
            return Err("expected an expression".into());
        };
        let p = match t.as_str() {
            "(" => {
                self.i += 1;
                let p = self.or()?;
                if self.a.get(self.i).map(String::as_str) != Some(")") {
                    return Err("invalid expression; I was expecting to find a ')' somewhere but did not see one.".into());
                }
                p
            }
            "-name" => Pred::Name(self.arg("-name")?, false),
            "-iname" => Pred::Name(self.arg("-iname")?, true),
            "-path" | "-wholename" => Pred::Path(self.arg("-path")?),
            "-type" => {
                let v = self.arg("-type")?;
                Pred::Type(v.chars().next().unwrap_or('f'))
            }
            "-empty" => Pred::Empty,
            "-true" => Pred::True,
            "-false" => Pred::False,
            "-print" | "-print0" | "-ls" => {
                self.has_action = true;
                Pred::Print
            }
            "-delete" => {
                self.has_action = true;
                Pred::Delete
            }
            "-size" => {
                let v = self.arg("-size")?;
                let (cmp, rest) = match v.chars().next() {
                    Some(c @ ('+' | '-')) => (c, &v[1..]),
                    _ => ('=', v.as_str()),
                };
                let unit = rest.chars().last().filter(|c| c.is_ascii_alphabetic()).unwrap_or('b');
                let num: u64 = rest.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().map_err(|_| format!("invalid -size argument `{v}'"))?;
                Pred::Size(cmp, num, unit)
            }
            "-exec" | "-execdir" | "-ok" => {
                self.has_action = true;
                let mut cmd = Vec::new();
                let mut plus = false;
                loop {
                    self.i += 1;
                    match self.a.get(self.i).map(String::as_str) {
                        None => return Err(format!("missing argument to `{t}'")),
                        Some(";") => break,
                        Some("+") if cmd.last().map(String::as_str) == Some("{}") => {
                            plus = true;
                            break;
                        }
                        Some(x) => cmd.push(x.to_string()),
                    }
                }
                Pred::Exec(cmd, plus)
            }
            "-maxdepth" | "-mindepth" => {
                self.i += 1;
                Pred::True
            }
            "-mtime" | "-mmin" | "-newer" | "-user" | "-group" | "-perm" | "-regex" | "-printf" | "-fprint" => {
                self.i += 1;
                Pred::True
            }
            "-xdev" | "-mount" | "-follow" | "-depth" | "-prune" | "-nowarn" | "-quit" => Pred::True,
            other => return Err(format!("unknown predicate `{other}'")),
        };
        self.i += 1;
        Ok(p)
    }
}

struct Found {
    display: String,
    path: String,
    stat: Stat,
}

pub(super) fn find(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let mut i = 0;
    let mut roots = Vec::new();
    while let Some(a) = args.get(i) {
        if a.starts_with('-') || a == "!" || a == "(" {
            break;
        }
        roots.push(a.clone());
        i += 1;
    }
    if roots.is_empty() {
        roots.push(".".into());
    }
    let expr_args = &args[i..];
    if expr_args.len() > 300 {
        cx.err("expression too long");
        return 1;
    }
    let mut maxdepth: Option<usize> = None;
    let mut mindepth = 0usize;
    for (k, a) in expr_args.iter().enumerate() {
        if a == "-maxdepth" {
            maxdepth = expr_args.get(k + 1).and_then(|v| v.parse().ok());
        }
        if a == "-mindepth" {
            mindepth = expr_args.get(k + 1).and_then(|v| v.parse().ok()).unwrap_or(0);
        }
    }
    let mut p = FindP { a: expr_args, i: 0, depth: 0, has_action: false };
    let pred = if expr_args.is_empty() {
        Pred::True
    } else {
        match p.or() {
            Ok(pr) => {
                if p.i < expr_args.len() {
                    cx.err(format!("paths must precede expression: `{}'", expr_args[p.i]));
                    return 1;
                }
                pr
            }
            Err(e) => {
                cx.err(e);
                return 1;
            }
        }
    };
    let default_print = !p.has_action;
    let mut st = 0;
    let mut out = String::new();
    let mut plus_batches: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut deletions = Vec::new();
    for root in &roots {
        let rp = cx.path(root);
        if fsutil::lstat(&*cx.sys, &rp).is_err() {
            cx.err(format!("'{root}': No such file or directory"));
            st = 1;
            continue;
        }
        let mut stack = vec![(rp.clone(), root.clone(), 0usize)];
        let mut visited = 0;
        while let Some((path, disp, depth)) = stack.pop() {
            visited += 1;
            if visited > 200_000 {
                break;
            }
            let Ok(stat) = fsutil::lstat(&*cx.sys, &path) else { continue };
            let is_dir = matches!(stat, Stat::Dir { .. });
            let f = Found { display: disp.clone(), path: path.clone(), stat };
            if depth >= mindepth {
                let mut actions = Vec::new();
                if eval_pred(cx, &pred, &f, &mut actions) && default_print {
                    out.push_str(&f.display);
                    out.push('\n');
                }
                for act in actions {
                    match act {
                        Action::Print => {
                            out.push_str(&f.display);
                            out.push('\n');
                        }
                        Action::Delete => deletions.push(f.path.clone()),
                        Action::Exec(cmd, plus) => {
                            if plus {
                                match plus_batches.iter_mut().find(|(c, _)| *c == cmd) {
                                    Some((_, files)) => files.push(f.display.clone()),
                                    None => plus_batches.push((cmd, vec![f.display.clone()])),
                                }
                            } else {
                                cx.print(std::mem::take(&mut out));
                                let argv: Vec<String> = cmd.iter().map(|c| c.replace("{}", &f.display)).collect();
                                let mut sin = Stdin::empty();
                                if run_argv(cx.sh, cx.sys, &argv, &mut sin, cx.out) != 0 {
                                    st = 1;
                                }
                            }
                        }
                    }
                }
            }
            if is_dir && maxdepth.is_none_or(|m| depth < m) {
                if let Ok(names) = cx.sys.list(&path) {
                    for n in names.into_iter().rev() {
                        let cd = if disp.ends_with('/') { format!("{disp}{n}") } else { format!("{disp}/{n}") };
                        stack.push((join(&path, &n), cd, depth + 1));
                    }
                }
            }
        }
    }
    cx.print(out);
    for (cmd, files) in plus_batches {
        let mut argv: Vec<String> = Vec::new();
        for c in &cmd {
            if c == "{}" {
                argv.extend(files.iter().cloned());
            } else {
                argv.push(c.clone());
            }
        }
        let mut sin = Stdin::empty();
        if run_argv(cx.sh, cx.sys, &argv, &mut sin, cx.out) != 0 {
            st = 1;
        }
    }
    for d in deletions.iter().rev() {
        if let Err(e) = cx.sys.remove(d, false) {
            cx.err(format!("cannot delete '{d}': {e}"));
            st = 1;
        }
    }
    st
}

enum Action {
    Print,
    Delete,
    Exec(Vec<String>, bool),
}

fn eval_pred(cx: &Ctx<'_, '_>, p: &Pred, f: &Found, acts: &mut Vec<Action>) -> bool {
    // iterative over And/Or chains would be nicer; depth is bounded by the parser
    match p {
        Pred::True => true,
        Pred::False => false,
        Pred::Name(pat, icase) => {
            let base = if f.path == "/" { "/" } else { basename(&f.display) };
            let base = if f.display == "." { "." } else { base };
            if *icase {
                glob::Pattern::new_icase(pat).matches(base)
            } else {
                glob::matches(pat, base)
            }
        }
        Pred::Path(pat) => glob::matches(pat, &f.display),
        Pred::Type(t) => matches!((t, &f.stat), ('f', Stat::File { .. }) | ('d', Stat::Dir { .. }) | ('l', Stat::Symlink { .. })),
        Pred::Empty => match &f.stat {
            Stat::File { size, .. } => *size == 0,
            Stat::Dir { .. } => cx.sys.list(&f.path).map(|v| v.is_empty()).unwrap_or(false),
            _ => false,
        },
        Pred::Size(cmp, n, unit) => {
            let size = size_of(&f.stat);
            let unit_sz: u64 = match unit {
                'c' => 1,
                'w' => 2,
                'k' => 1024,
                'M' => 1024 * 1024,
                'G' => 1024 * 1024 * 1024,
                _ => 512,
            };
            let v = size.div_ceil(unit_sz);
            match cmp {
                '+' => v > *n,
                '-' => v < *n,
                _ => v == *n,
            }
        }
        Pred::Print => {
            acts.push(Action::Print);
            true
        }
        Pred::Delete => {
            acts.push(Action::Delete);
            true
        }
        Pred::Exec(cmd, plus) => {
            acts.push(Action::Exec(cmd.clone(), *plus));
            true
        }
        Pred::Not(x) => {
            let mut tmp = Vec::new();
            !eval_pred(cx, x, f, &mut tmp)
        }
        Pred::And(a, b) => eval_pred(cx, a, f, acts) && eval_pred(cx, b, f, acts),
        Pred::Or(a, b) => eval_pred(cx, a, f, acts) || eval_pred(cx, b, f, acts),
    }
}
