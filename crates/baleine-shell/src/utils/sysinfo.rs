//! Environment and system utilities: env, printenv, which, basename,
//! dirname, date, sleep, whoami, id, hostname, uname, clear, nproc, free, df,
//! arch, groups, tty, uptime, nohup, timeout.

use baleine_vfs::basename as vbasename;

use super::{getopt, strftime, Ctx};
use crate::interp::{run_argv, Stdin};

pub(super) fn run(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    match cx.name {
        "env" => env(cx, args),
        "printenv" => {
            let mut st = 0;
            if args.is_empty() {
                let s: String = cx.sh.env().iter().map(|(k, v)| format!("{k}={v}\n")).collect();
                cx.print(s);
            }
            for a in args {
                match cx.sh.env().iter().find(|(k, _)| k == a) {
                    Some((_, v)) => cx.print(format!("{v}\n")),
                    None => st = 1,
                }
            }
            st
        }
        "which" => {
            let mut st = 0;
            let mut any = false;
            for a in args.iter().filter(|a| !a.starts_with('-')) {
                any = true;
                match crate::builtins::find_command(cx.sh, &*cx.sys, a) {
                    Some(p) => cx.print(format!("{p}\n")),
                    None => st = 1,
                }
            }
            if !any {
                return 1;
            }
            st
        }
        "basename" => {
            let o = match getopt(args, "az", "s") {
                Ok(o) => o,
                Err(c) => return cx.invalid_option(&c),
            };
            if o.operands.is_empty() {
                return cx.missing_operand();
            }
            let multi = o.has('a') || o.value('s').is_some();
            let suffix = o.value('s').map(str::to_string).or_else(|| if !multi { o.operands.get(1).cloned() } else { None });
            let names: Vec<&String> = if multi { o.operands.iter().collect() } else { o.operands.iter().take(1).collect() };
            let mut s = String::new();
            for n in names {
                let mut b = if n.chars().all(|c| c == '/') && !n.is_empty() { "/".to_string() } else { vbasename(n).to_string() };
                if let Some(suf) = &suffix {
                    if b.len() > suf.len() && b.ends_with(suf.as_str()) {
                        b.truncate(b.len() - suf.len());
                    }
                }
                s.push_str(&b);
                s.push('\n');
            }
            cx.print(s);
            0
        }
        "dirname" => {
            if args.is_empty() {
                return cx.missing_operand();
            }
            let mut s = String::new();
            for a in args.iter().filter(|a| a.as_str() != "--") {
                let t = a.trim_end_matches('/');
                let d = if a.starts_with('/') && t.is_empty() {
                    "/".to_string()
                } else {
                    match t.rfind('/') {
                        None => ".".to_string(),
                        Some(i) => {
                            let d = t[..i].trim_end_matches('/');
                            if d.is_empty() {
                                "/".to_string()
                            } else {
                                d.to_string()
                            }
                        }
                    }
                };
                s.push_str(&d);
                s.push('\n');
            }
            cx.print(s);
            0
        }
        "date" => date(cx, args),
        "sleep" => sleep(cx, args),
        "whoami" => {
            let (name, _, _) = cx.sys.user();
            cx.print(format!("{name}\n"));
            0
        }
        "id" => id(cx, args),
        // groups [USER]: id -Gn.
        "groups" => {
            let mut a = vec!["-Gn".to_string()];
            a.extend(args.iter().cloned());
            id(cx, &a)
        }
        "hostname" => hostname(cx, args),
        "uname" => uname(cx, args),
        "arch" => {
            cx.print("x86_64\n");
            0
        }
        "clear" => {
            cx.print("\x1b[H\x1b[2J");
            0
        }
        "nproc" => {
            cx.print("2\n");
            0
        }
        "free" => free(cx, args),
        "df" => df(cx, args),
        "tty" => {
            if cx.stdin.is_none() {
                cx.print("/dev/pts/0\n");
                0
            } else {
                cx.print("not a tty\n");
                1
            }
        }
        "uptime" => {
            let now = cx.sys.now();
            cx.print(format!(" {} up 1:00,  1 user,  load average: 0.00, 0.00, 0.00\n", strftime("%H:%M:%S", now)));
            0
        }
        "nohup" | "timeout" => {
            let mut i = 0;
            if cx.name == "timeout" {
                while let Some(a) = args.get(i) {
                    if a == "-s" || a == "-k" || a == "--signal" || a == "--kill-after" {
                        i += 2;
                    } else if a.starts_with('-') {
                        i += 1;
                    } else {
                        break;
                    }
                }
                i += 1; // the duration
            }
            let Some(cmd) = args.get(i..).filter(|c| !c.is_empty()) else {
                return cx.missing_operand();
            };
            let cmd = cmd.to_vec();
            let data = cx.stdin_bytes().to_vec();
            let mut sin = Stdin::bytes(data);
            run_argv(cx.sh, cx.sys, &cmd, &mut sin, cx.out)
        }
        _ => 127,
    }
}

fn env(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let mut i = 0;
    let mut clear = false;
    let mut unset = Vec::new();
    let mut assigns = Vec::new();
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "-i" | "-" | "--ignore-environment" => clear = true,
            "-u" | "--unset" => {
                i += 1;
                if let Some(n) = args.get(i) {
                    unset.push(n.clone());
                }
            }
            "--" => {
                i += 1;
                break;
            }
            _ if a.starts_with("-u") && a.len() > 2 => unset.push(a[2..].to_string()),
            _ if a.starts_with('-') && a.len() > 1 && !a.contains('=') => return cx.invalid_option(&a.chars().nth(1).map(String::from).unwrap_or_default()),
            _ if a.contains('=') && !a.starts_with('=') => assigns.push(a.clone()),
            _ => break,
        }
        i += 1;
    }
    while let Some(a) = args.get(i) {
        if a.contains('=') && !a.starts_with('=') && assigns.len() < 10_000 && crate::parse::is_name(a.split('=').next().unwrap_or("")) {
            assigns.push(a.clone());
            i += 1;
        } else {
            break;
        }
    }
    let cmd: Vec<String> = args[i.min(args.len())..].to_vec();
    let saved_vars = cx.sh.vars.clone();
    let saved_exp = cx.sh.exported.clone();
    if clear {
        let names: Vec<String> = cx.sh.exported.iter().cloned().collect();
        for n in names {
            cx.sh.vars.shift_remove(&n);
        }
        cx.sh.exported.clear();
    }
    for u in &unset {
        cx.sh.vars.shift_remove(u);
        cx.sh.exported.shift_remove(u);
    }
    for a in &assigns {
        if let Some((k, v)) = a.split_once('=') {
            cx.sh.export(k, v);
        }
    }
    let st = if cmd.is_empty() {
        let s: String = cx.sh.env().iter().map(|(k, v)| format!("{k}={v}\n")).collect();
        cx.print(s);
        0
    } else {
        let data = cx.stdin_bytes().to_vec();
        let mut sin = Stdin::bytes(data);
        run_argv(cx.sh, cx.sys, &cmd, &mut sin, cx.out)
    };
    cx.sh.vars = saved_vars;
    cx.sh.exported = saved_exp;
    st
}

fn parse_date_arg(s: &str) -> Option<u64> {
    let s = s.trim();
    if let Some(n) = s.strip_prefix('@') {
        return n.parse().ok();
    }
    // YYYY-MM-DD[ HH:MM[:SS]]
    let (d, t) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let dp: Vec<&str> = d.split('-').collect();
    if dp.len() != 3 {
        return None;
    }
    let (y, m, dd) = (dp[0].parse().ok()?, dp[1].parse().ok()?, dp[2].parse().ok()?);
    let (mut h, mut mi, mut sec) = (0, 0, 0);
    if let Some(t) = t {
        let tp: Vec<&str> = t.trim_end_matches('Z').split(':').collect();
        h = tp.first()?.parse().ok()?;
        mi = tp.get(1).and_then(|x| x.parse().ok()).unwrap_or(0);
        sec = tp.get(2).and_then(|x| x.split('.').next()?.parse().ok()).unwrap_or(0);
    }
    Some(super::timegm(y, m, dd, h, mi, sec))
}

fn date(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let mut when = cx.sys.now();
    let mut fmt: Option<String> = None;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        if let Some(f) = a.strip_prefix('+') {
            fmt = Some(f.to_string());
        } else if a == "-u" || a == "--utc" || a == "--universal" {
        } else if a == "-d" || a == "--date" {
            i += 1;
            let Some(v) = args.get(i) else { return cx.missing_operand() };
            match parse_date_arg(v) {
                Some(t) => when = t,
                None => {
                    cx.err(format!("invalid date '{v}'"));
                    return 1;
                }
            }
        } else if let Some(v) = a.strip_prefix("--date=").or_else(|| a.strip_prefix("-d")) {
            match parse_date_arg(v) {
                Some(t) => when = t,
                None => {
                    cx.err(format!("invalid date '{v}'"));
                    return 1;
                }
            }
        } else if a == "-R" || a == "--rfc-2822" || a == "--rfc-email" {
            fmt = Some("%a, %d %b %Y %H:%M:%S +0000".into());
        } else if a == "-I" || a == "--iso-8601" || a == "--iso-8601=date" {
            fmt = Some("%Y-%m-%d".into());
        } else if a == "-Iseconds" || a == "--iso-8601=seconds" {
            fmt = Some("%Y-%m-%dT%H:%M:%S+00:00".into());
        } else if a == "-s" || a.starts_with("--set") {
            cx.err("cannot set date: Operation not permitted");
            return 1;
        } else {
            cx.err(format!("invalid date '{a}'"));
            return 1;
        }
        i += 1;
    }
    let f = fmt.unwrap_or_else(|| "%a %b %e %H:%M:%S %Z %Y".into());
    cx.print(format!("{}\n", strftime(&f, when)));
    0
}

fn sleep(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    if args.is_empty() {
        return cx.missing_operand();
    }
    let mut total = 0f64;
    for a in args {
        if a == "infinity" || a == "inf" {
            total = 1e9;
            continue;
        }
        let (num, mult) = match a.chars().last() {
            Some('s') => (&a[..a.len() - 1], 1.0),
            Some('m') => (&a[..a.len() - 1], 60.0),
            Some('h') => (&a[..a.len() - 1], 3600.0),
            Some('d') => (&a[..a.len() - 1], 86400.0),
            _ => (a.as_str(), 1.0),
        };
        match num.parse::<f64>() {
            Ok(v) if v >= 0.0 && v.is_finite() => total += v * mult,
            _ => {
                if cx.gnu() {
                    cx.err(format!("invalid time interval '{a}'"));
                    cx.out.err("Try 'sleep --help' for more information.\n");
                } else {
                    cx.err(format!("invalid number '{a}'"));
                }
                return 1;
            }
        }
    }
    let total = total.min(1e9);
    cx.sys.sleep(total, cx.out);
    0
}

/// The addresses /etc/hosts gives a name, in file order: what the C
/// library's "files" lookup returns (musl name_from_hosts matches names
/// exactly and, for gethostbyname, only IPv4 addresses; glibc's files
/// module ignores case and getaddrinfo(AF_UNSPEC) keeps IPv6 ones too).
fn hosts_addresses(cx: &Ctx<'_, '_>, name: &str, gnu: bool) -> Vec<String> {
    let Ok(b) = crate::fsutil::read_bytes(&*cx.sys, "/etc/hosts") else { return Vec::new() };
    let mut out = Vec::new();
    for line in String::from_utf8_lossy(&b).lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let Some(addr) = words.next() else { continue };
        if !words.any(|w| if gnu { w.eq_ignore_ascii_case(name) } else { w == name }) {
            continue;
        }
        match addr.parse::<std::net::IpAddr>() {
            Ok(std::net::IpAddr::V4(a)) => out.push(a.to_string()),
            Ok(std::net::IpAddr::V6(a)) if gnu => out.push(a.to_string()),
            _ => {}
        }
    }
    out
}

const BUSYBOX_HOSTNAME_USAGE: &str = "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: hostname [-sidf] [HOSTNAME | -F FILE]\n\nShow or set hostname or DNS domain name\n\n\t-s\tShort\n\t-i\tAddresses for the hostname\n\t-d\tDNS domain name\n\t-f\tFully qualified domain name\n\t-F FILE\tUse FILE's content as hostname\n";

/// `hostname`, `hostname -i`, `hostname -I`. `-i`: the addresses of the host
/// name (busybox networking/hostname.c: gethostbyname, IPv4 addresses
/// joined by spaces; Debian hostname 3.x show_name IP: getaddrinfo, joined
/// by spaces). `-I` (Debian only): every address of the interfaces, each
/// followed by a space.
fn hostname(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let gnu = cx.gnu();
    let mut ip = false;
    let mut all_ips = false;
    for a in args.iter().filter(|a| a.starts_with('-') && a.len() > 1) {
        match a.as_str() {
            "--ip-address" if gnu => ip = true,
            "--all-ip-addresses" if gnu => all_ips = true,
            _ if a.starts_with("--") => {}
            _ => {
                for c in a[1..].chars() {
                    match c {
                        'i' => ip = true,
                        'I' if gnu => all_ips = true,
                        's' | 'd' | 'f' | 'F' => {}
                        _ if gnu => {}
                        other => {
                            // musl getopt's message, then busybox
                            // bb_show_usage (networking/hostname.c usage).
                            cx.invalid_option(&format!("-{other}"));
                            cx.out.err(BUSYBOX_HOSTNAME_USAGE);
                            return 1;
                        }
                    }
                }
            }
        }
    }
    let h = cx.sys.hostname();
    if !ip && !all_ips {
        cx.print(format!("{h}\n"));
        return 0;
    }
    let addrs = hosts_addresses(cx, &h, gnu);
    if all_ips {
        // The container's own addresses: the lines Docker wrote for its name.
        let s: String = addrs.iter().map(|a| format!("{a} ")).collect();
        cx.print(format!("{s}\n"));
        return 0;
    }
    if addrs.is_empty() {
        if gnu {
            cx.err("Name or service not known");
        } else {
            cx.err(format!("{h}: Unknown host"));
        }
        return 1;
    }
    cx.print(format!("{}\n", addrs.join(" ")));
    0
}

/// The groups whose /etc/group entry lists `user` as a member, in the file's order.
fn supplementary_groups(sys: &dyn crate::System, user: &str) -> Vec<(u32, String)> {
    let Ok(b) = crate::fsutil::read_bytes(sys, "/etc/group") else { return Vec::new() };
    let mut out: Vec<(u32, String)> = Vec::new();
    for line in String::from_utf8_lossy(&b).lines() {
        let f: Vec<&str> = line.split(':').collect();
        if let (Some(name), Some(Ok(g)), Some(members)) = (f.first(), f.get(2).map(|g| g.parse::<u32>()), f.get(3)) {
            if members.split(',').any(|m| m == user) && !out.iter().any(|(x, _)| *x == g) {
                out.push((g, name.to_string()));
            }
        }
    }
    out
}

fn id(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "ugGnr", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let (name, uid, gid) = cx.sys.user();
    let (uid, gid, name) = match o.operands.first() {
        Some(u) => match super::name_to_id(&*cx.sys, "/etc/passwd", u) {
            Some(id) => {
                // The primary group is the passwd entry's fourth field.
                let gid = crate::fsutil::read_bytes(cx.sys, "/etc/passwd")
                    .ok()
                    .and_then(|b| {
                        String::from_utf8_lossy(&b).lines().find_map(|l| {
                            let f: Vec<&str> = l.split(':').collect();
                            (f.len() > 3 && f[2].parse::<u32>().ok() == Some(id)).then(|| f[3].parse::<u32>().ok()).flatten()
                        })
                    })
                    .unwrap_or(id);
                (id, gid, super::user_name(&*cx.sys, id))
            }
            None => {
                cx.err(format!("'{u}': no such user"));
                return 1;
            }
        },
        None => (uid, gid, name),
    };
    // The process's groups: the primary one, then each /etc/group entry
    // listing the user (what runc's getUser gives a container's process).
    let mut groups = vec![(gid, super::group_name(&*cx.sys, gid))];
    groups.extend(supplementary_groups(&*cx.sys, &name).into_iter().filter(|(g, _)| *g != gid));
    let known = |n: &str, id: u32| if n == id.to_string() { String::new() } else { format!("({n})") };
    let s = if o.has('u') {
        if o.has('n') {
            name
        } else {
            uid.to_string()
        }
    } else if o.has('G') {
        let each: Vec<String> = groups.iter().map(|(g, n)| if o.has('n') { n.clone() } else { g.to_string() }).collect();
        each.join(" ")
    } else if o.has('g') {
        if o.has('n') {
            groups[0].1.clone()
        } else {
            gid.to_string()
        }
    } else {
        // Ids without an /etc/passwd or /etc/group entry print bare, as id does.
        let un = known(&super::user_name(&*cx.sys, uid), uid);
        let each: Vec<String> = groups.iter().map(|(g, n)| format!("{g}{}", known(n, *g))).collect();
        format!("uid={uid}{un} gid={gid}{} groups={}", known(&groups[0].1, gid), each.join(","))
    };
    cx.print(format!("{s}\n"));
    0
}

fn uname(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let o = match getopt(args, "asnrvmpio", "") {
        Ok(o) => o,
        Err(c) => return cx.invalid_option(&c),
    };
    let host = cx.sys.hostname();
    let version = "#1 SMP PREEMPT_DYNAMIC Mon Jan  1 00:00:00 UTC 2024";
    let os = if cx.gnu() { "GNU/Linux" } else { "Linux" };
    // Processor and hardware platform: GNU coreutils says "unknown" and
    // `-a` leaves them out; Ubuntu's patched coreutils reports the machine.
    let ubuntu = crate::fsutil::read_bytes(&*cx.sys, "/etc/os-release").is_ok_and(|b| String::from_utf8_lossy(&b).lines().any(|l| l == "ID=ubuntu"));
    let platform = if cx.gnu() && ubuntu { "x86_64" } else { "unknown" };
    let mut parts: Vec<String> = Vec::new();
    if o.has('a') {
        parts = vec!["Linux".into(), host, "6.8.0-baleine".into(), version.into(), "x86_64".into()];
        if platform != "unknown" {
            parts.push(platform.into());
            parts.push(platform.into());
        }
        parts.push(os.into());
    } else {
        if o.has('s') || o.flags.is_empty() {
            parts.push("Linux".into());
        }
        if o.has('n') {
            parts.push(host);
        }
        if o.has('r') {
            parts.push("6.8.0-baleine".into());
        }
        if o.has('v') {
            parts.push(version.into());
        }
        if o.has('m') {
            parts.push("x86_64".into());
        }
        if o.has('p') {
            parts.push(platform.into());
        }
        if o.has('i') {
            parts.push(platform.into());
        }
        if o.has('o') {
            parts.push(os.into());
        }
    }
    cx.print(format!("{}\n", parts.join(" ")));
    0
}

fn free(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let human = args.iter().any(|a| a == "-h");
    let mega = args.iter().any(|a| a == "-m");
    let (total, used, free, shared, cache, avail) = (4_028_060u64, 612_344u64, 2_801_552u64, 1_284u64, 614_164u64, 3_183_128u64);
    let f = |k: u64| -> String {
        if human {
            let g = k as f64 / 1024.0 / 1024.0;
            if g >= 1.0 {
                format!("{g:.1}Gi")
            } else {
                format!("{}Mi", k / 1024)
            }
        } else if mega {
            (k / 1024).to_string()
        } else {
            k.to_string()
        }
    };
    let s = if cx.gnu() {
        format!(
            "{:>15} {:>11} {:>11} {:>11} {:>11} {:>11}\nMem:   {:>11} {:>11} {:>11} {:>11} {:>11} {:>11}\nSwap:  {:>11} {:>11} {:>11}\n",
            "total",
            "used",
            "free",
            "shared",
            "buff/cache",
            "available",
            f(total),
            f(used),
            f(free),
            f(shared),
            f(cache),
            f(avail),
            f(0),
            f(0),
            f(0)
        )
    } else {
        format!(
            "              total        used        free      shared  buff/cache   available\nMem:   {:>12}{:>12}{:>12}{:>12}{:>12}{:>12}\nSwap:  {:>12}{:>12}{:>12}\n",
            f(total),
            f(used),
            f(free),
            f(shared),
            f(cache),
            f(avail),
            f(0),
            f(0),
            f(0)
        )
    };
    cx.print(s);
    0
}

/// busybox libbb/human_readable.c make_human_readable_str(bytes, 1, 0):
/// one decimal ("64.0M", "58.4G"), "0" for nothing.
fn bb_human(bytes: u64) -> String {
    if bytes == 0 {
        return "0".into();
    }
    let units = ['\0', 'K', 'M', 'G', 'T', 'P', 'E'];
    let (mut val, mut frac, mut u) = (bytes, 0u64, 0usize);
    while val >= 1024 && u + 1 < units.len() {
        u += 1;
        frac = ((val % 1024) * 10 + 512) / 1024;
        val /= 1024;
    }
    if u == 0 {
        return val.to_string();
    }
    if frac >= 10 {
        val += 1;
        frac = 0;
    }
    format!("{val}.{frac}{}", units[u])
}

fn df(cx: &mut Ctx<'_, '_>, args: &[String]) -> i32 {
    let human = args.iter().any(|a| a == "-h" || a == "-H");
    let rows: [(&str, u64, u64, &str); 4] = [("overlay", 61_202_244, 8_912_344, "/"), ("tmpfs", 65_536, 0, "/dev"), ("shm", 65_536, 0, "/dev/shm"), ("/dev/sda1", 61_202_244, 8_912_344, "/etc/hosts")];
    let mut s = String::new();
    let gnu = cx.gnu();
    let hk = |k: u64| super::human(k * 1024);
    if gnu {
        if human {
            s.push_str("Filesystem      Size  Used Avail Use% Mounted on\n");
        } else {
            s.push_str("Filesystem     1K-blocks    Used Available Use% Mounted on\n");
        }
    } else if human {
        s.push_str("Filesystem                Size      Used Available Use% Mounted on\n");
    } else {
        s.push_str("Filesystem           1K-blocks      Used Available Use% Mounted on\n");
    }
    for (fs, size, used, mnt) in rows {
        // ext4 keeps 5% for root; tmpfs has no reserve.
        let avail = if fs == "tmpfs" || fs == "shm" { size - used } else { size - used - size / 20 };
        // GNU rounds the percentage up, busybox to the nearest.
        let pct = if used + avail == 0 { 0 } else if gnu { (used * 100).div_ceil(used + avail) } else { (used * 100 + (used + avail) / 2) / (used + avail) };
        let line = match (gnu, human) {
            (true, true) => format!("{fs:<15} {:>4} {:>5} {:>5} {:>3}% {mnt}\n", hk(size), hk(used), hk(avail), pct),
            (true, false) => format!("{fs:<14} {size:>9} {used:>7} {avail:>9} {pct:>3}% {mnt}\n"),
            (false, true) => format!("{fs:<20} {:>9} {:>9} {:>9} {pct:>3}% {mnt}\n", bb_human(size * 1024), bb_human(used * 1024), bb_human(avail * 1024)),
            (false, false) => format!("{fs:<20} {size:>9} {used:>9} {avail:>9} {pct:>3}% {mnt}\n"),
        };
        s.push_str(&line);
    }
    cx.print(s);
    0
}
