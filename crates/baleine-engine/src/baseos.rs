//! The base file system of each OS family: what `docker run IMAGE ls /`
//! finds before the image's own layers add anything.
//!
//! Pure data. [`base_files`] lists, for an [`Os`], the folders, text files,
//! executables (by program kind, see `catalog_data::PROGRAM_KINDS`) and
//! symbolic links of a freshly pulled image of that family;
//! [`base_packages`] lists the system packages its package database says are
//! installed.
//!
//! Conventions:
//! - Debian and Ubuntu are "merged /usr": the real `/bin`, `/sbin` and `/lib`
//!   are symbolic links to `usr/bin`, `usr/sbin` and `usr/lib`. The file
//!   tree here does not follow folder links, so every program is listed both
//!   under `/usr/bin` (or `/usr/sbin`) and under `/bin` (or `/sbin`): the two
//!   paths give the same program, as on a real system, and `which` finds the
//!   `/usr` one first (PATH order).
//! - Alpine and busybox applets are all `Exec("busybox")`: the program looks
//!   at the name it was called by (argv[0]'s basename).
//! - GNU coreutils are all `Exec("coreutils")`, dispatched the same way.
//! - What is *absent* matters as much: no `ps`, `ping`, `curl`, `wget`, `ip`,
//!   `nc`, `less` or `vi` in Debian/Ubuntu; no `bash` or `curl` in Alpine.
//! - `/var/lib/apt/lists` is an empty folder: apt has no package lists until
//!   `apt-get update` runs, so `apt-get install` first fails with
//!   "E: Unable to locate package ...". The engine writes the list files
//!   there on `apt-get update`.

use std::borrow::Cow;

use crate::catalog::Os;

/// What is at a path of the base file system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaseKind {
    /// A text file and its content.
    Text(Cow<'static, str>),
    /// An executable; the string is the program kind.
    Exec(&'static str),
    /// A file whose bytes are not modelled (`kind`, size in bytes): shared
    /// libraries' data, certificate bundles, time-zone data.
    Opaque(&'static str, u64),
    /// A folder.
    Dir,
    /// A symbolic link and its target, as `ls -l` shows it.
    Symlink(&'static str),
}

/// One entry of the base file system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseFile {
    /// Absolute path.
    pub path: Cow<'static, str>,
    pub kind: BaseKind,
    /// Permission bits (0o755 folders and programs, 0o644 files, 0o1777
    /// /tmp, 0o700 /root, 0o640 /etc/shadow, 0o777 links). Owner is root.
    pub mode: u32,
}

impl BaseFile {
    fn new(path: impl Into<Cow<'static, str>>, kind: BaseKind, mode: u32) -> BaseFile {
        BaseFile { path: path.into(), kind, mode }
    }
    fn text(path: impl Into<Cow<'static, str>>, text: &'static str) -> BaseFile {
        BaseFile::new(path, BaseKind::Text(Cow::Borrowed(text)), 0o644)
    }
    fn owned(path: impl Into<Cow<'static, str>>, text: String) -> BaseFile {
        BaseFile::new(path, BaseKind::Text(Cow::Owned(text)), 0o644)
    }
    fn exec(path: impl Into<Cow<'static, str>>, kind: &'static str) -> BaseFile {
        BaseFile::new(path, BaseKind::Exec(kind), 0o755)
    }
    fn dir(path: impl Into<Cow<'static, str>>, mode: u32) -> BaseFile {
        BaseFile::new(path, BaseKind::Dir, mode)
    }
    fn link(path: impl Into<Cow<'static, str>>, target: &'static str) -> BaseFile {
        BaseFile::new(path, BaseKind::Symlink(target), 0o777)
    }
    fn opaque(path: impl Into<Cow<'static, str>>, kind: &'static str, size: u64) -> BaseFile {
        BaseFile::new(path, BaseKind::Opaque(kind, size), 0o644)
    }
}

// ---------------------------------------------------------------------------
// Account databases. Macros (not consts) so that images adding users can
// build their own /etc/passwd with `concat!(debian_passwd!(), "...")`.
// ---------------------------------------------------------------------------

/// /etc/passwd of alpine-baselayout 3.4 (Alpine 3.17 and later).
macro_rules! alpine_passwd {
    () => {
        "root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
"
    };
}

/// /etc/group of alpine-baselayout 3.4.
macro_rules! alpine_group {
    () => {
        "root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
"
    };
}

/// /etc/passwd of Debian 12 (base-passwd 3.6).
macro_rules! debian_passwd {
    () => {
        "root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
"
    };
}

/// /etc/group of Debian 12.
macro_rules! debian_group {
    () => {
        "root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
"
    };
}

/// /etc/passwd of Ubuntu 20.04 and 22.04 (still has the gnats user).
macro_rules! ubuntu_jammy_passwd {
    () => {
        "root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:100:65534::/nonexistent:/usr/sbin/nologin
"
    };
}

/// /etc/group of Ubuntu 20.04 and 22.04 without its first line
/// ("root:x:0:"), for images that add members to the root group.
macro_rules! ubuntu_jammy_group_rest {
    () => {
        "daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
gnats:x:41:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
"
    };
}

/// /etc/group of Ubuntu 20.04 and 22.04.
macro_rules! ubuntu_jammy_group {
    () => {
        concat!("root:x:0:\n", ubuntu_jammy_group_rest!())
    };
}

/// /etc/passwd of Ubuntu 24.04 without its `ubuntu` user (images that
/// run `userdel --remove ubuntu`).
macro_rules! ubuntu_noble_passwd_system {
    () => {
        "root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
"
    };
}

/// /etc/passwd of Ubuntu 24.04: base-passwd 3.6 plus the `ubuntu` user
/// (uid 1000) that noble images ship.
macro_rules! ubuntu_noble_passwd {
    () => {
        concat!(ubuntu_noble_passwd_system!(), "ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n")
    };
}

/// /etc/group of Ubuntu 24.04.
macro_rules! ubuntu_noble_group {
    () => {
        "root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:ubuntu
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:ubuntu
fax:x:21:
voice:x:22:
cdrom:x:24:ubuntu
floppy:x:25:ubuntu
tape:x:26:
sudo:x:27:ubuntu
audio:x:29:ubuntu
dip:x:30:ubuntu
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:ubuntu
sasl:x:45:
plugdev:x:46:ubuntu
staff:x:50:
games:x:60:
users:x:100:ubuntu
nogroup:x:65534:
ubuntu:x:1000:
"
    };
}

/// /etc/group of Ubuntu 24.04 once its `ubuntu` user and group are
/// removed.
macro_rules! ubuntu_noble_group_system {
    () => {
        "root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
"
    };
}

/// /etc/passwd of the busybox image (buildroot skeleton).
macro_rules! busybox_passwd {
    () => {
        "root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
"
    };
}

/// /etc/group of the busybox image.
macro_rules! busybox_group {
    () => {
        "root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nogroup:x:65534:
"
    };
}

/// /etc/passwd of Google distroless (base-debian12 / static-debian12).
macro_rules! distroless_passwd {
    () => {
        "root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
"
    };
}

/// /etc/group of Google distroless.
macro_rules! distroless_group {
    () => {
        "root:x:0:
nobody:x:65534:
tty:x:5:
staff:x:50:
nonroot:x:65532:
"
    };
}

#[allow(unused_imports)]
pub(crate) use {
    alpine_group, alpine_passwd, busybox_group, busybox_passwd, debian_group, debian_passwd, distroless_group,
    distroless_passwd, ubuntu_jammy_group, ubuntu_jammy_group_rest, ubuntu_jammy_passwd, ubuntu_noble_group,
    ubuntu_noble_group_system, ubuntu_noble_passwd, ubuntu_noble_passwd_system,
};

// ---------------------------------------------------------------------------
// Program tables.
// ---------------------------------------------------------------------------

/// Busybox applets of Alpine 3.19 (busybox 1.36.1), by the folder
/// `busybox --install` puts them in there.
pub const ALPINE_APPLETS: &[(&str, &[&str])] = &[
    (
        "/bin",
        &[
            "arch", "ash", "base64", "bbconfig", "busybox", "cat", "chattr", "chgrp", "chmod", "chown", "cp", "date",
            "dd", "df", "dmesg", "dnsdomainname", "dumpkmap", "echo", "egrep", "false", "fatattr", "fdflush", "fgrep",
            "fsync", "getopt", "grep", "gunzip", "gzip", "hostname", "ionice", "iostat", "ipcalc", "kbd_mode", "kill",
            "link", "linux32", "linux64", "ln", "login", "ls", "lsattr", "lzop", "makemime", "mkdir", "mknod",
            "mktemp", "more", "mount", "mountpoint", "mpstat", "mv", "netstat", "nice", "pidof", "ping", "ping6",
            "pipe_progress", "printenv", "ps", "pwd", "reformime", "rev", "rm", "rmdir", "run-parts", "sed", "setpriv",
            "setserial", "sh", "sleep", "stat", "stty", "su", "sync", "tar", "touch", "true", "umount", "uname",
            "usleep", "vi", "watch", "zcat",
        ],
    ),
    (
        "/sbin",
        &[
            "acpid", "adjtimex", "arp", "blkid", "blockdev", "depmod", "fbsplash", "fdisk", "findfs", "fsck",
            "fstrim", "getty", "halt", "hwclock", "ifconfig", "ifdown", "ifenslave", "ifup", "init", "inotifyd",
            "insmod", "ip", "ipaddr", "iplink", "ipneigh", "iproute", "iprule", "iptunnel", "klogd", "loadkmap",
            "logread", "losetup", "lsmod", "mdev", "mkdosfs", "mkfs.vfat", "mkswap", "modinfo", "modprobe", "nameif",
            "nologin", "pivot_root", "poweroff", "raidautorun", "reboot", "rmmod", "route", "seedrng", "setconsole",
            "slattach", "swapoff", "swapon", "switch_root", "sysctl", "syslogd", "tunctl", "udhcpc", "vconfig",
            "watchdog",
        ],
    ),
    (
        "/usr/bin",
        &[
            "[", "[[", "awk", "basename", "bc", "beep", "blkdiscard", "bunzip2", "bzcat", "bzip2", "cal", "chvt",
            "cksum", "clear", "cmp", "comm", "cpio", "crontab", "cryptpw", "cut", "dc", "deallocvt", "diff", "dirname",
            "dos2unix", "du", "eject", "env", "expand", "expr", "factor", "fallocate", "find", "flock", "fold", "free",
            "fuser", "groups", "hd", "head", "hexdump", "hostid", "id", "install", "ipcrm", "ipcs", "killall", "last",
            "less", "logger", "lsof", "lsusb", "lzcat", "lzma", "lzopcat", "md5sum", "mesg", "microcom", "mkfifo",
            "mkpasswd", "nc", "nl", "nmeter", "nohup", "nproc", "nsenter", "nslookup", "od", "openvt", "passwd",
            "paste", "pgrep", "pkill", "pmap", "printf", "pscan", "pstree", "pwdx", "readlink", "realpath", "renice",
            "reset", "resize", "seq", "setkeycodes", "setsid", "sha1sum", "sha256sum", "sha3sum", "sha512sum",
            "showkey", "shred", "shuf", "smemcap", "sort", "split", "strings", "sum", "tac", "tail", "tee", "test",
            "time", "timeout", "top", "tr", "traceroute", "traceroute6", "tree", "truncate", "tty", "ttysize",
            "udhcpc6", "unexpand", "uniq", "unix2dos", "unlink", "unlzma", "unlzop", "unshare", "unxz", "unzip",
            "uptime", "uudecode", "uuencode", "vlock", "volname", "wc", "wget", "which", "whoami", "whois", "xargs",
            "xxd", "xzcat", "yes",
        ],
    ),
    (
        "/usr/sbin",
        &[
            "add-shell", "addgroup", "adduser", "arping", "brctl", "chpasswd", "chroot", "crond", "delgroup",
            "deluser", "ether-wake", "fbset", "killall5", "loadfont", "nanddump", "nandwrite", "nbd-client", "ntpd",
            "partprobe", "rdate", "rdev", "readahead", "remove-shell", "rfkill", "sendmail", "setfont", "setlogcons",
        ],
    ),
];

/// Every applet name of Alpine's busybox (the union of [`ALPINE_APPLETS`]).
pub const BUSYBOX_APPLETS: &[&str] = &[
    "[", "[[", "acpid", "add-shell", "addgroup", "adduser", "adjtimex", "arch", "arp", "arping", "ash", "awk",
    "base64", "basename", "bbconfig", "bc", "beep", "blkdiscard", "blkid", "blockdev", "brctl", "bunzip2", "busybox",
    "bzcat", "bzip2", "cal", "cat", "chattr", "chgrp", "chmod", "chown", "chpasswd", "chroot", "chvt", "cksum",
    "clear", "cmp", "comm", "cp", "cpio", "crond", "crontab", "cryptpw", "cut", "date", "dc", "dd", "deallocvt",
    "delgroup", "deluser", "depmod", "df", "diff", "dirname", "dmesg", "dnsdomainname", "dos2unix", "du",
    "dumpkmap", "echo", "egrep", "eject", "env", "ether-wake", "expand", "expr", "factor", "fallocate", "false",
    "fatattr", "fbset", "fbsplash", "fdflush", "fdisk", "fgrep", "find", "findfs", "flock", "fold", "free", "fsck",
    "fstrim", "fsync", "fuser", "getopt", "getty", "grep", "groups", "gunzip", "gzip", "halt", "hd", "head",
    "hexdump", "hostid", "hostname", "hwclock", "id", "ifconfig", "ifdown", "ifenslave", "ifup", "init", "inotifyd",
    "insmod", "install", "ionice", "iostat", "ip", "ipaddr", "ipcalc", "ipcrm", "ipcs", "iplink", "ipneigh",
    "iproute", "iprule", "iptunnel", "kbd_mode", "kill", "killall", "killall5", "klogd", "last", "less", "link",
    "linux32", "linux64", "ln", "loadfont", "loadkmap", "logger", "login", "logread", "losetup", "ls", "lsattr",
    "lsmod", "lsof", "lsusb", "lzcat", "lzma", "lzop", "lzopcat", "makemime", "md5sum", "mdev", "mesg", "microcom",
    "mkdir", "mkdosfs", "mkfifo", "mkfs.vfat", "mknod", "mkpasswd", "mkswap", "mktemp", "modinfo", "modprobe",
    "more", "mount", "mountpoint", "mpstat", "mv", "nameif", "nanddump", "nandwrite", "nbd-client", "nc", "netstat",
    "nice", "nl", "nmeter", "nohup", "nologin", "nproc", "nsenter", "nslookup", "ntpd", "od", "openvt",
    "partprobe", "passwd", "paste", "pgrep", "pidof", "ping", "ping6", "pipe_progress", "pivot_root", "pkill",
    "pmap", "poweroff", "printenv", "printf", "ps", "pscan", "pstree", "pwd", "pwdx", "raidautorun", "rdate",
    "rdev", "readahead", "readlink", "realpath", "reboot", "reformime", "remove-shell", "renice", "reset",
    "resize", "rev", "rfkill", "rm", "rmdir", "rmmod", "route", "run-parts", "sed", "seedrng", "sendmail",
    "setconsole", "setfont", "setkeycodes", "setlogcons", "setpriv", "setserial", "setsid", "sh", "sha1sum",
    "sha256sum", "sha3sum", "sha512sum", "showkey", "shred", "shuf", "slattach", "sleep", "smemcap", "sort",
    "split", "stat", "strings", "stty", "su", "sum", "swapoff", "swapon", "switch_root", "sync", "sysctl",
    "syslogd", "tac", "tail", "tar", "tee", "test", "time", "timeout", "top", "touch", "tr", "traceroute",
    "traceroute6", "tree", "true", "truncate", "tty", "ttysize", "tunctl", "udhcpc", "udhcpc6", "umount", "uname",
    "unexpand", "uniq", "unix2dos", "unlink", "unlzma", "unlzop", "unshare", "unxz", "unzip", "uptime", "usleep",
    "uudecode", "uuencode", "vconfig", "vi", "vlock", "volname", "watch", "watchdog", "wc", "wget", "which",
    "whoami", "whois", "xargs", "xxd", "xzcat", "yes", "zcat",
];

/// Applets of the `busybox` image (busybox 1.36.1, glibc, defconfig) beyond
/// [`BUSYBOX_APPLETS`]; that image puts every applet in /bin.
pub const BUSYBOX_IMAGE_EXTRA_APPLETS: &[&str] = &[
    "addgroup", "ar", "bootchartd", "chat", "chcon", "chpst", "chrt", "conspy", "crc32", "devmem", "dhcprelay",
    "dnsd", "dpkg", "dpkg-deb", "dumpleases", "ed", "envdir", "envuidgid", "fakeidentd", "fdformat", "fgconsole",
    "freeramdisk", "fsck.minix", "fsfreeze", "ftpd", "ftpget", "ftpput", "hdparm", "hexedit", "hostid", "httpd",
    "hush", "i2cdetect", "i2cdump", "i2cget", "i2cset", "i2ctransfer", "inetd", "ipcs", "ipneigh", "kbd_mode",
    "linuxrc", "load_policy", "loadfont", "lpd", "lpq", "lpr", "lspci", "lzopcat", "man", "matchpathcon",
    "mim", "minips", "mkdosfs", "mke2fs", "mkfs.ext2", "mkfs.minix", "mt", "nmeter", "nuke", "pipe_progress",
    "popmaildir", "powertop", "rpm", "rpm2cpio", "rtcwake", "runcon", "runlevel", "runsv", "runsvdir", "rx",
    "script", "scriptreplay", "selinuxenabled", "sestatus", "setenforce", "setfiles", "setsebool", "setuidgid",
    "sh", "softlimit", "ssl_client", "start-stop-daemon", "sulogin", "sv", "svc", "svlogd", "svok", "tcpsvd",
    "telnet", "telnetd", "tftp", "tftpd", "ts", "tsort", "ubiattach", "ubidetach", "ubimkvol", "ubirename",
    "ubirmvol", "ubirsvol", "ubiupdatevol", "udhcpd", "udpsvd", "uevent", "unit", "users", "vlock", "w", "wall",
    "who", "xz", "zcip",
];

/// GNU coreutils 9.1 programs (Debian 12 ships them all in /usr/bin, except
/// `chroot` in /usr/sbin).
pub const COREUTILS: &[&str] = &[
    "[", "arch", "b2sum", "base32", "base64", "basename", "basenc", "cat", "chcon", "chgrp", "chmod", "chown",
    "cksum", "comm", "cp", "csplit", "cut", "date", "dd", "df", "dir", "dircolors", "dirname", "du", "echo", "env",
    "expand", "expr", "factor", "false", "fmt", "fold", "groups", "head", "hostid", "id", "install", "join", "link",
    "ln", "logname", "ls", "md5sum", "mkdir", "mkfifo", "mknod", "mktemp", "mv", "nice", "nl", "nohup", "nproc",
    "numfmt", "od", "paste", "pathchk", "pinky", "pr", "printenv", "printf", "ptx", "pwd", "readlink", "realpath",
    "rm", "rmdir", "runcon", "seq", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "shred", "shuf",
    "sleep", "sort", "split", "stat", "stdbuf", "stty", "sum", "sync", "tac", "tail", "tee", "test", "timeout",
    "touch", "tr", "true", "truncate", "tsort", "tty", "uname", "unexpand", "uniq", "unlink", "users", "vdir", "wc",
    "who", "whoami", "yes",
];

/// Programs of a Debian 12 image other than coreutils, in /usr/bin:
/// (name, kind). Absent on purpose: ps, top, free, kill (procps), ping,
/// ip, ifconfig, nc, curl, wget, less, vi, nano, file, xz, bzip2, sudo.
pub const DEBIAN_USR_BIN: &[(&str, &str)] = &[
    ("bash", "bash"),
    ("rbash", "bash"),
    ("sh", "dash"),
    ("dash", "dash"),
    ("grep", "grep"),
    ("egrep", "grep"),
    ("fgrep", "grep"),
    ("sed", "sed"),
    ("find", "find"),
    ("xargs", "xargs"),
    ("tar", "tar"),
    ("gzip", "gzip"),
    ("gunzip", "gzip"),
    ("zcat", "gzip"),
    ("zgrep", "gzip"),
    ("awk", "mawk"),
    ("mawk", "mawk"),
    ("diff", "diff"),
    ("cmp", "diff"),
    ("apt", "apt"),
    ("apt-get", "apt-get"),
    ("apt-cache", "apt-cache"),
    ("apt-config", "apt-config"),
    ("apt-mark", "apt-mark"),
    ("apt-key", "apt-key"),
    ("dpkg", "dpkg"),
    ("dpkg-query", "dpkg-query"),
    ("dpkg-deb", "dpkg"),
    ("getent", "getent"),
    ("ldd", "ldd"),
    ("locale", "locale"),
    ("iconv", "iconv"),
    ("hostname", "coreutils"),
    ("which", "which"),
    ("run-parts", "run-parts"),
    ("tempfile", "tempfile"),
    ("clear", "clear"),
    ("tput", "tput"),
    ("reset", "tput"),
    ("su", "su"),
    ("login", "login"),
    ("passwd", "passwd"),
    ("chsh", "passwd"),
    ("chfn", "passwd"),
    ("chage", "passwd"),
    ("newgrp", "passwd"),
    ("mount", "mount"),
    ("umount", "mount"),
    ("more", "more"),
    ("getopt", "getopt"),
    ("setsid", "setsid"),
    ("flock", "flock"),
    ("nsenter", "nsenter"),
    ("unshare", "unshare"),
    ("renice", "renice"),
    ("ionice", "ionice"),
    ("taskset", "taskset"),
    ("script", "script"),
    ("logger", "logger"),
    ("mesg", "mesg"),
    ("lsblk", "lsblk"),
    ("findmnt", "findmnt"),
    ("dmesg", "dmesg"),
    ("perl", "perl"),
    ("gpgv", "gpgv"),
    ("debconf", "debconf"),
    ("pidof", "pidof"),
];

/// Programs of a Debian 12 image in /usr/sbin: (name, kind).
pub const DEBIAN_USR_SBIN: &[(&str, &str)] = &[
    ("chroot", "coreutils"),
    ("useradd", "useradd"),
    ("userdel", "userdel"),
    ("usermod", "usermod"),
    ("groupadd", "groupadd"),
    ("groupdel", "groupdel"),
    ("groupmod", "groupmod"),
    ("chpasswd", "chpasswd"),
    ("nologin", "nologin"),
    ("ldconfig", "ldconfig"),
    ("adduser", "adduser-debian"),
    ("addgroup", "addgroup-debian"),
    ("deluser", "deluser-debian"),
    ("delgroup", "delgroup-debian"),
    ("update-alternatives", "update-alternatives"),
    ("dpkg-reconfigure", "dpkg-reconfigure"),
    ("start-stop-daemon", "start-stop-daemon"),
    ("invoke-rc.d", "invoke-rc.d"),
    ("update-rc.d", "update-rc.d"),
    ("service", "service"),
    ("pam-auth-update", "pam-auth-update"),
];

// ---------------------------------------------------------------------------
// Release texts.
// ---------------------------------------------------------------------------

const DEBIAN_12_OS_RELEASE: &str = r#"PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
"#;

const DEBIAN_11_OS_RELEASE: &str = r#"PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"
NAME="Debian GNU/Linux"
VERSION_ID="11"
VERSION="11 (bullseye)"
VERSION_CODENAME=bullseye
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
"#;

const DEBIAN_13_OS_RELEASE: &str = r#"PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
NAME="Debian GNU/Linux"
VERSION_ID="13"
VERSION="13 (trixie)"
VERSION_CODENAME=trixie
DEBIAN_VERSION_FULL=13.0
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
"#;

const UBUNTU_2004_OS_RELEASE: &str = r#"NAME="Ubuntu"
VERSION="20.04.6 LTS (Focal Fossa)"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 20.04.6 LTS"
VERSION_ID="20.04"
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
VERSION_CODENAME=focal
UBUNTU_CODENAME=focal
"#;

const UBUNTU_2204_OS_RELEASE: &str = r#"PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.4 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
"#;

const UBUNTU_2404_OS_RELEASE: &str = r#"PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
"#;

const DISTROLESS_OS_RELEASE: &str = r#"PRETTY_NAME="Distroless"
NAME="Debian GNU/Linux"
ID="debian"
VERSION_ID="12"
VERSION="Debian GNU/Linux 12 (bookworm)"
HOME_URL="https://github.com/GoogleContainerTools/distroless"
SUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"
BUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"
"#;

/// Facts of one Debian or Ubuntu release.
struct DebRelease {
    os_release: &'static str,
    /// Content of /etc/debian_version.
    debian_version: &'static str,
    /// Content of /etc/issue.
    issue: &'static str,
    /// (path, content) of the apt source list.
    sources: (&'static str, &'static str),
    passwd: &'static str,
    group: &'static str,
    /// /etc/lsb-release (Ubuntu only).
    lsb_release: Option<&'static str>,
    /// Does the image have the `adduser` package (Debian 12, Ubuntu 20.04
    /// and 22.04 do; Ubuntu 24.04 does not).
    adduser: bool,
}

const DEBIAN_SOURCES: &str = "Types: deb
# http://snapshot.debian.org/archive/debian/20240904T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
# http://snapshot.debian.org/archive/debian-security/20240904T000000Z
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
";

const UBUNTU_FOCAL_SOURCES: &str = "# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to
# newer versions of the distribution.
deb http://archive.ubuntu.com/ubuntu/ focal main restricted
deb http://archive.ubuntu.com/ubuntu/ focal-updates main restricted
deb http://archive.ubuntu.com/ubuntu/ focal universe
deb http://archive.ubuntu.com/ubuntu/ focal-updates universe
deb http://archive.ubuntu.com/ubuntu/ focal multiverse
deb http://archive.ubuntu.com/ubuntu/ focal-updates multiverse
deb http://archive.ubuntu.com/ubuntu/ focal-backports main restricted universe multiverse
deb http://security.ubuntu.com/ubuntu/ focal-security main restricted
deb http://security.ubuntu.com/ubuntu/ focal-security universe
deb http://security.ubuntu.com/ubuntu/ focal-security multiverse
";

const UBUNTU_JAMMY_SOURCES: &str = "# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to
# newer versions of the distribution.
deb http://archive.ubuntu.com/ubuntu/ jammy main restricted
deb http://archive.ubuntu.com/ubuntu/ jammy-updates main restricted
deb http://archive.ubuntu.com/ubuntu/ jammy universe
deb http://archive.ubuntu.com/ubuntu/ jammy-updates universe
deb http://archive.ubuntu.com/ubuntu/ jammy multiverse
deb http://archive.ubuntu.com/ubuntu/ jammy-updates multiverse
deb http://archive.ubuntu.com/ubuntu/ jammy-backports main restricted universe multiverse
deb http://security.ubuntu.com/ubuntu/ jammy-security main restricted
deb http://security.ubuntu.com/ubuntu/ jammy-security universe
deb http://security.ubuntu.com/ubuntu/ jammy-security multiverse
";

const UBUNTU_NOBLE_SOURCES: &str = "Types: deb
URIs: http://archive.ubuntu.com/ubuntu/
Suites: noble noble-updates noble-backports
Components: main universe restricted multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg

Types: deb
URIs: http://security.ubuntu.com/ubuntu/
Suites: noble-security
Components: main universe restricted multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg
";

fn deb_release(os: Os) -> DebRelease {
    let debian = |os_release, debian_version, issue| DebRelease {
        os_release,
        debian_version,
        issue,
        sources: ("/etc/apt/sources.list.d/debian.sources", DEBIAN_SOURCES),
        passwd: debian_passwd!(),
        group: debian_group!(),
        lsb_release: None,
        adduser: true,
    };
    match os {
        Os::Debian("bullseye") => debian(DEBIAN_11_OS_RELEASE, "11.11\n", "Debian GNU/Linux 11 \\n \\l\n\n"),
        Os::Debian("trixie") => debian(DEBIAN_13_OS_RELEASE, "13.0\n", "Debian GNU/Linux 13 \\n \\l\n\n"),
        Os::Debian(_) => debian(DEBIAN_12_OS_RELEASE, "12.7\n", "Debian GNU/Linux 12 \\n \\l\n\n"),
        Os::Ubuntu("20.04") => DebRelease {
            os_release: UBUNTU_2004_OS_RELEASE,
            debian_version: "bullseye/sid\n",
            issue: "Ubuntu 20.04.6 LTS \\n \\l\n\n",
            sources: ("/etc/apt/sources.list", UBUNTU_FOCAL_SOURCES),
            passwd: ubuntu_jammy_passwd!(),
            group: ubuntu_jammy_group!(),
            lsb_release: Some(
                "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=20.04\nDISTRIB_CODENAME=focal\nDISTRIB_DESCRIPTION=\"Ubuntu 20.04.6 LTS\"\n",
            ),
            adduser: true,
        },
        Os::Ubuntu("22.04") => DebRelease {
            os_release: UBUNTU_2204_OS_RELEASE,
            debian_version: "bookworm/sid\n",
            issue: "Ubuntu 22.04.4 LTS \\n \\l\n\n",
            sources: ("/etc/apt/sources.list", UBUNTU_JAMMY_SOURCES),
            passwd: ubuntu_jammy_passwd!(),
            group: ubuntu_jammy_group!(),
            lsb_release: Some(
                "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION=\"Ubuntu 22.04.4 LTS\"\n",
            ),
            adduser: true,
        },
        // 24.04 and anything newer.
        _ => DebRelease {
            os_release: UBUNTU_2404_OS_RELEASE,
            debian_version: "trixie/sid\n",
            issue: "Ubuntu 24.04.1 LTS \\n \\l\n\n",
            sources: ("/etc/apt/sources.list.d/ubuntu.sources", UBUNTU_NOBLE_SOURCES),
            passwd: ubuntu_noble_passwd!(),
            group: ubuntu_noble_group!(),
            lsb_release: Some(
                "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION=\"Ubuntu 24.04.1 LTS\"\n",
            ),
            adduser: false,
        },
    }
}

// ---------------------------------------------------------------------------
// Shared small texts.
// ---------------------------------------------------------------------------

/// Placeholder /etc/hosts; Docker bind-mounts its own over it at run time.
const HOSTS_PLACEHOLDER: &str = "127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
fe00::0\tip6-localnet
ff00::0\tip6-mcastprefix
ff02::1\tip6-allnodes
ff02::2\tip6-allrouters
";

/// Placeholder /etc/resolv.conf; Docker bind-mounts its own at run time.
const RESOLV_PLACEHOLDER: &str = "";

const DEBIAN_SHELLS: &str = "# /etc/shells: valid login shells
/bin/sh
/usr/bin/sh
/bin/bash
/usr/bin/bash
/bin/rbash
/usr/bin/rbash
/bin/dash
/usr/bin/dash
";

const DEBIAN_NSSWITCH: &str = "# /etc/nsswitch.conf
#
# Example configuration of GNU Name Service Switch functionality.
# If you have the `glibc-doc-reference' and `info' packages installed, try:
# `info libc \"Name Service Switch\"' for information about this file.

passwd:         files
group:          files
shadow:         files
gshadow:        files

hosts:          files dns
networks:       files

protocols:      db files
services:       db files
ethers:         db files
rpc:            db files

netgroup:       nis
";

const DEBIAN_ROOT_BASHRC: &str = r#"# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 and umask are already set in /etc/profile. You should not
# need this unless you want different defaults for root.
# PS1='${debian_chroot:+($debian_chroot)}\h:\w\$ '
# umask 022

# You may uncomment the following lines if you want `ls' to be colorized:
# export LS_OPTIONS='--color=auto'
# eval "$(dircolors)"
# alias ls='ls $LS_OPTIONS'
# alias ll='ls $LS_OPTIONS -l'
# alias l='ls $LS_OPTIONS -lA'
#
# Some more alias to avoid making mistakes:
# alias rm='rm -i'
# alias cp='cp -i'
# alias mv='mv -i'
"#;

const DEBIAN_ROOT_PROFILE: &str = r#"# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
"#;

const DEBIAN_PROFILE: &str = r#"# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).

if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH

if [ "${PS1-}" ]; then
  if [ "${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    # The file bash.bashrc already sets the default PS1.
    # PS1='\h:\w\$ '
    if [ -f /etc/bash.bashrc ]; then
      . /etc/bash.bashrc
    fi
  else
    if [ "$(id -u)" -eq 0 ]; then
      PS1='# '
    else
      PS1='$ '
    fi
  fi
fi

if [ -d /etc/profile.d ]; then
  for i in /etc/profile.d/*.sh; do
    if [ -r $i ]; then
      . $i
    fi
  done
  unset i
fi
"#;

const ALPINE_SHELLS: &str = "# valid login shells\n/bin/sh\n/bin/ash\n";

const ALPINE_MOTD: &str = "Welcome to Alpine!

The Alpine Wiki contains a large amount of how-to guides and general
information about administrating Alpine systems.
See <https://wiki.alpinelinux.org/>.

You can setup the system with the command: setup-alpine

You may change this message by editing /etc/motd.

";

const ALPINE_PROFILE: &str = r#"# Append "$1" to $PATH when not already in.
# Copied from Arch Linux, see #1001
append_path () {
	case ":$PATH:" in
		*:"$1":*)
			;;
		*)
			PATH="${PATH:+$PATH:}$1"
	esac
}

# Append our default paths
append_path '/usr/local/sbin'
append_path '/usr/local/bin'
append_path '/usr/sbin'
append_path '/usr/bin'
append_path '/sbin'
append_path '/bin'
unset -f append_path

export PATH
export PAGER=less
umask 022

# set up fallback default PS1
: "${HOSTNAME:=$(hostname)}"
PS1='${HOSTNAME%%.*}:$PWD'
[ "$(id -u)" -eq 0 ] && PS1="${PS1}# " || PS1="${PS1}\$ "

# use nicer PS1 for bash and busybox ash
[ -n "$BASH_VERSION" -o "$BB_ASH_VERSION" ] && PS1='\h:\w\$ '

# use nicer PS1 for zsh
[ -n "$ZSH_VERSION" ] && PS1='%m:%~%# '

# export PS1 as before
export PS1

for script in /etc/profile.d/*.sh ; do
	if [ -r "$script" ] ; then
		. "$script"
	fi
done
unset script
"#;

const ALPINE_WORLD: &str = "alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n";

// ---------------------------------------------------------------------------
// The base file systems.
// ---------------------------------------------------------------------------

/// The base files of an OS family, parents before children.
pub fn base_files(os: Os) -> Vec<BaseFile> {
    match os {
        Os::Alpine(version) => alpine(version),
        Os::Debian(_) | Os::Ubuntu(_) => debian_like(os),
        Os::Busybox => busybox(),
        Os::Distroless => distroless(),
        Os::Scratch => Vec::new(),
    }
}

/// The folders every Linux root has.
fn root_dirs(out: &mut Vec<BaseFile>, extra: &[&'static str]) {
    for d in ["/bin", "/dev", "/etc", "/home", "/lib", "/media", "/mnt", "/opt", "/proc", "/run", "/sbin", "/srv", "/sys", "/usr", "/var"] {
        out.push(BaseFile::dir(d, 0o755));
    }
    out.push(BaseFile::dir("/root", 0o700));
    out.push(BaseFile::dir("/tmp", 0o1777));
    for d in extra {
        out.push(BaseFile::dir(d, 0o755));
    }
}

fn alpine(version: &'static str) -> Vec<BaseFile> {
    // "3.19.4" -> "3.19"
    let branch: String = version.split('.').take(2).collect::<Vec<_>>().join(".");
    let mut out = Vec::new();
    root_dirs(
        &mut out,
        &[
            "/etc/apk",
            "/etc/apk/keys",
            "/etc/apk/protected_paths.d",
            "/etc/crontabs",
            "/etc/init.d",
            "/etc/modprobe.d",
            "/etc/modules-load.d",
            "/etc/network",
            "/etc/network/if-down.d",
            "/etc/network/if-post-down.d",
            "/etc/network/if-pre-up.d",
            "/etc/network/if-up.d",
            "/etc/opt",
            "/etc/periodic",
            "/etc/periodic/15min",
            "/etc/periodic/daily",
            "/etc/periodic/hourly",
            "/etc/periodic/monthly",
            "/etc/periodic/weekly",
            "/etc/profile.d",
            "/etc/ssl",
            "/etc/ssl/certs",
            "/etc/ssl/private",
            "/etc/sysctl.d",
            "/lib/apk",
            "/lib/apk/db",
            "/lib/firmware",
            "/lib/modules-load.d",
            "/lib/sysctl.d",
            "/media/cdrom",
            "/media/floppy",
            "/media/usb",
            "/usr/bin",
            "/usr/lib",
            "/usr/local",
            "/usr/local/bin",
            "/usr/local/lib",
            "/usr/local/share",
            "/usr/sbin",
            "/usr/share",
            "/usr/share/apk",
            "/usr/share/man",
            "/usr/share/misc",
            "/usr/share/udhcpc",
            "/var/cache",
            "/var/cache/apk",
            "/var/cache/misc",
            "/var/empty",
            "/var/lib",
            "/var/lib/misc",
            "/var/local",
            "/var/lock",
            "/var/log",
            "/var/mail",
            "/var/opt",
            "/var/spool",
            "/var/spool/cron",
            "/var/tmp",
        ],
    );
    out.push(BaseFile::link("/var/run", "/run"));
    out.push(BaseFile::link("/var/spool/mail", "../mail"));
    out.push(BaseFile::link("/var/spool/cron/crontabs", "/etc/crontabs"));

    out.push(BaseFile::owned(
        "/etc/os-release",
        format!(
            "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID={version}\nPRETTY_NAME=\"Alpine Linux v{branch}\"\nHOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n"
        ),
    ));
    out.push(BaseFile::owned("/etc/alpine-release", format!("{version}\n")));
    out.push(BaseFile::owned("/etc/issue", format!("Welcome to Alpine Linux {branch}\nKernel \\r on an \\m (\\l)\n\n")));
    out.push(BaseFile::text("/etc/motd", ALPINE_MOTD));
    out.push(BaseFile::text("/etc/passwd", alpine_passwd!()));
    out.push(BaseFile::text("/etc/group", alpine_group!()));
    out.push(BaseFile::new(
        "/etc/shadow",
        BaseKind::Text(Cow::Borrowed(
            "root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nlp:!::0:::::\nsync:!::0:::::\nshutdown:!::0:::::\nhalt:!::0:::::\nmail:!::0:::::\nnews:!::0:::::\nuucp:!::0:::::\ncron:!::0:::::\nftp:!::0:::::\nsshd:!::0:::::\ngames:!::0:::::\nntp:!::0:::::\nguest:!::0:::::\nnobody:!::0:::::\n",
        )),
        0o640,
    ));
    out.push(BaseFile::text("/etc/shells", ALPINE_SHELLS));
    out.push(BaseFile::text("/etc/profile", ALPINE_PROFILE));
    out.push(BaseFile::text("/etc/hostname", "localhost\n"));
    out.push(BaseFile::text("/etc/hosts", HOSTS_PLACEHOLDER));
    out.push(BaseFile::text("/etc/resolv.conf", RESOLV_PLACEHOLDER));
    out.push(BaseFile::text("/etc/fstab", "/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n"));
    out.push(BaseFile::text("/etc/securetty", "console\ntty1\ntty2\ntty3\ntty4\ntty5\ntty6\n"));
    out.push(BaseFile::text("/etc/apk/arch", "x86_64\n"));
    out.push(BaseFile::owned(
        "/etc/apk/repositories",
        format!("https://dl-cdn.alpinelinux.org/alpine/v{branch}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v{branch}/community\n"),
    ));
    out.push(BaseFile::text("/etc/apk/world", ALPINE_WORLD));
    out.push(BaseFile::link("/etc/mtab", "../proc/mounts"));
    out.push(BaseFile::opaque("/etc/ssl/cert.pem", "ca-bundle", 222_255));
    out.push(BaseFile::link("/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/cert.pem"));
    out.push(BaseFile::opaque("/lib/apk/db/installed", "apk-db", 16_924));

    out.push(BaseFile::exec("/lib/ld-musl-x86_64.so.1", "lib"));
    out.push(BaseFile::link("/lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1"));
    out.push(BaseFile::exec("/lib/libz.so.1", "lib"));
    out.push(BaseFile::exec("/lib/libcrypto.so.3", "lib"));
    out.push(BaseFile::exec("/lib/libssl.so.3", "lib"));
    out.push(BaseFile::exec("/lib/libapk.so.2.14.0", "lib"));

    for (dir, applets) in ALPINE_APPLETS {
        for applet in *applets {
            out.push(BaseFile::exec(format!("{dir}/{applet}"), "busybox"));
        }
    }
    out.push(BaseFile::exec("/sbin/apk", "apk"));
    out.push(BaseFile::exec("/sbin/ldconfig", "ldconfig"));
    out.push(BaseFile::exec("/usr/bin/getent", "getent"));
    out.push(BaseFile::exec("/usr/bin/getconf", "getconf"));
    out.push(BaseFile::exec("/usr/bin/iconv", "iconv"));
    out.push(BaseFile::exec("/usr/bin/ldd", "ldd"));
    out.push(BaseFile::exec("/usr/bin/scanelf", "scanelf"));
    out.push(BaseFile::exec("/usr/bin/ssl_client", "ssl_client"));
    out
}

fn debian_like(os: Os) -> Vec<BaseFile> {
    let rel = deb_release(os);
    let mut out = Vec::new();
    root_dirs(
        &mut out,
        &[
            "/boot",
            "/lib64",
            "/etc/apt",
            "/etc/apt/apt.conf.d",
            "/etc/apt/auth.conf.d",
            "/etc/apt/keyrings",
            "/etc/apt/preferences.d",
            "/etc/apt/sources.list.d",
            "/etc/apt/trusted.gpg.d",
            "/etc/default",
            "/etc/dpkg",
            "/etc/dpkg/dpkg.cfg.d",
            "/etc/init.d",
            "/etc/ld.so.conf.d",
            "/etc/profile.d",
            "/etc/security",
            "/etc/skel",
            "/etc/systemd",
            "/usr/bin",
            "/usr/games",
            "/usr/include",
            "/usr/lib",
            "/usr/lib/x86_64-linux-gnu",
            "/lib/x86_64-linux-gnu",
            "/usr/lib64",
            "/usr/libexec",
            "/usr/local",
            "/usr/local/bin",
            "/usr/local/etc",
            "/usr/local/games",
            "/usr/local/include",
            "/usr/local/lib",
            "/usr/local/man",
            "/usr/local/sbin",
            "/usr/local/share",
            "/usr/local/src",
            "/usr/sbin",
            "/usr/share",
            "/usr/share/doc",
            "/usr/share/keyrings",
            "/usr/share/zoneinfo",
            "/usr/src",
            "/var/backups",
            "/var/cache",
            "/var/cache/apt",
            "/var/cache/apt/archives",
            "/var/cache/debconf",
            "/var/lib",
            "/var/lib/apt",
            "/var/lib/apt/lists",
            "/var/lib/dpkg",
            "/var/lib/misc",
            "/var/local",
            "/var/lock",
            "/var/log",
            "/var/log/apt",
            "/var/mail",
            "/var/opt",
            "/var/spool",
            "/var/tmp",
        ],
    );
    out.push(BaseFile::link("/var/run", "/run"));

    out.push(BaseFile::text("/etc/os-release", rel.os_release));
    out.push(BaseFile::link("/usr/lib/os-release", "../../etc/os-release"));
    out.push(BaseFile::text("/etc/debian_version", rel.debian_version));
    out.push(BaseFile::text("/etc/issue", rel.issue));
    if rel.passwd.contains("\nubuntu:x:1000:") {
        out.push(BaseFile::dir("/home/ubuntu", 0o750));
    }
    if let Some(lsb) = rel.lsb_release {
        out.push(BaseFile::text("/etc/lsb-release", lsb));
    }
    out.push(BaseFile::text("/etc/passwd", rel.passwd));
    out.push(BaseFile::text("/etc/group", rel.group));
    out.push(BaseFile::new("/etc/shadow", BaseKind::Text(Cow::Owned(shadow_of(rel.passwd, "19970:0:99999:7:::"))), 0o640));
    out.push(BaseFile::text("/etc/shells", DEBIAN_SHELLS));
    out.push(BaseFile::text("/etc/profile", DEBIAN_PROFILE));
    out.push(BaseFile::text("/etc/nsswitch.conf", DEBIAN_NSSWITCH));
    out.push(BaseFile::text("/etc/hostname", "localhost\n"));
    out.push(BaseFile::text("/etc/hosts", HOSTS_PLACEHOLDER));
    out.push(BaseFile::text("/etc/resolv.conf", RESOLV_PLACEHOLDER));
    out.push(BaseFile::text("/etc/timezone", "Etc/UTC\n"));
    out.push(BaseFile::link("/etc/localtime", "/usr/share/zoneinfo/Etc/UTC"));
    out.push(BaseFile::link("/etc/mtab", "../proc/self/mounts"));
    out.push(BaseFile::text(rel.sources.0, rel.sources.1));
    out.push(BaseFile::text("/etc/dpkg/dpkg.cfg.d/docker", "# Docker images are minimal: no documentation, no man pages\npath-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/man/*\npath-exclude /usr/share/groff/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/lintian/*\npath-exclude /usr/share/linda/*\n"));
    out.push(BaseFile::text("/etc/apt/apt.conf.d/docker-clean", "DPkg::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true\"; };\nAPT::Update::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true\"; };\nDir::Cache::pkgcache \"\";\nDir::Cache::srcpkgcache \"\";\n"));
    out.push(BaseFile::text("/etc/skel/.bashrc", DEBIAN_ROOT_BASHRC));
    out.push(BaseFile::text("/etc/skel/.profile", DEBIAN_ROOT_PROFILE));
    out.push(BaseFile::text("/root/.bashrc", DEBIAN_ROOT_BASHRC));
    out.push(BaseFile::text("/root/.profile", DEBIAN_ROOT_PROFILE));
    out.push(BaseFile::opaque("/var/lib/dpkg/status", "dpkg-status", 70_528));
    out.push(BaseFile::opaque("/usr/share/zoneinfo/UTC", "tzdata", 114));
    out.push(BaseFile::exec("/usr/lib64/ld-linux-x86-64.so.2", "lib"));
    out.push(BaseFile::exec("/lib64/ld-linux-x86-64.so.2", "lib"));
    out.push(BaseFile::exec("/usr/lib/x86_64-linux-gnu/libc.so.6", "lib"));
    out.push(BaseFile::exec("/lib/x86_64-linux-gnu/libc.so.6", "lib"));

    for name in COREUTILS {
        out.push(BaseFile::exec(format!("/usr/bin/{name}"), "coreutils"));
        out.push(BaseFile::exec(format!("/bin/{name}"), "coreutils"));
    }
    for (name, kind) in DEBIAN_USR_BIN {
        out.push(BaseFile::exec(format!("/usr/bin/{name}"), kind));
        out.push(BaseFile::exec(format!("/bin/{name}"), kind));
    }
    for (name, kind) in DEBIAN_USR_SBIN {
        if !rel.adduser && kind.ends_with("-debian") {
            continue;
        }
        out.push(BaseFile::exec(format!("/usr/sbin/{name}"), kind));
        out.push(BaseFile::exec(format!("/sbin/{name}"), kind));
    }
    out
}

fn busybox() -> Vec<BaseFile> {
    let mut out = Vec::new();
    for d in ["/bin", "/dev", "/etc", "/home", "/lib", "/lib64", "/proc", "/sys", "/usr", "/usr/sbin", "/var", "/var/spool", "/var/spool/mail", "/var/www"] {
        out.push(BaseFile::dir(d, 0o755));
    }
    out.push(BaseFile::dir("/root", 0o700));
    out.push(BaseFile::dir("/tmp", 0o1777));
    out.push(BaseFile::text("/etc/passwd", busybox_passwd!()));
    out.push(BaseFile::text("/etc/group", busybox_group!()));
    out.push(BaseFile::new("/etc/shadow", BaseKind::Text(Cow::Owned(shadow_of(busybox_passwd!(), "10933:0:99999:7:::"))), 0o600));
    out.push(BaseFile::text("/etc/hostname", "localhost\n"));
    out.push(BaseFile::text("/etc/hosts", HOSTS_PLACEHOLDER));
    out.push(BaseFile::text("/etc/resolv.conf", RESOLV_PLACEHOLDER));
    out.push(BaseFile::text("/etc/nsswitch.conf", "hosts:\t\tfiles dns\n"));
    out.push(BaseFile::link("/etc/mtab", "/proc/mounts"));
    out.push(BaseFile::exec("/lib/libc.so.6", "lib"));
    out.push(BaseFile::exec("/lib64/ld-linux-x86-64.so.2", "lib"));
    let mut names: Vec<&'static str> = BUSYBOX_APPLETS.iter().chain(BUSYBOX_IMAGE_EXTRA_APPLETS).copied().collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        out.push(BaseFile::exec(format!("/bin/{name}"), "busybox"));
    }
    out
}

fn distroless() -> Vec<BaseFile> {
    let mut out = Vec::new();
    for d in ["/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/proc", "/run", "/sbin", "/sys", "/usr", "/var", "/etc/ssl", "/etc/ssl/certs", "/usr/share", "/usr/share/zoneinfo", "/var/lib", "/var/lib/dpkg", "/var/lib/dpkg/status.d"] {
        out.push(BaseFile::dir(d, 0o755));
    }
    out.push(BaseFile::dir("/home/nonroot", 0o700));
    out.push(BaseFile::dir("/root", 0o700));
    out.push(BaseFile::dir("/tmp", 0o1777));
    out.push(BaseFile::text("/etc/passwd", distroless_passwd!()));
    out.push(BaseFile::text("/etc/group", distroless_group!()));
    out.push(BaseFile::text("/etc/os-release", DISTROLESS_OS_RELEASE));
    out.push(BaseFile::text("/etc/nsswitch.conf", "passwd:         files\ngroup:          files\nshadow:         files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n"));
    out.push(BaseFile::opaque("/etc/ssl/certs/ca-certificates.crt", "ca-bundle", 213_777));
    out.push(BaseFile::opaque("/usr/share/zoneinfo/UTC", "tzdata", 114));
    out.push(BaseFile::opaque("/var/lib/dpkg/status.d/base-files", "dpkg-status", 1_101));
    out.push(BaseFile::opaque("/var/lib/dpkg/status.d/netbase", "dpkg-status", 671));
    out.push(BaseFile::opaque("/var/lib/dpkg/status.d/tzdata", "dpkg-status", 1_087));
    out.push(BaseFile::opaque("/var/lib/dpkg/status.d/media-types", "dpkg-status", 640));
    out
}

/// The /etc/shadow matching a passwd text: root and every account locked
/// ("*"), with the given aging fields.
fn shadow_of(passwd: &str, aging: &str) -> String {
    passwd
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|n| !n.is_empty())
        .map(|n| format!("{n}:{}:{aging}\n", if n == "root" { "*" } else { "!*" }))
        .collect()
}

// ---------------------------------------------------------------------------
// Installed packages of each base.
// ---------------------------------------------------------------------------

/// Packages of Alpine 3.19's minirootfs (`apk info -v`), name and version.
pub const ALPINE_BASE_PACKAGES: &[(&str, &str)] = &[
    ("alpine-baselayout", "3.4.3-r2"),
    ("alpine-baselayout-data", "3.4.3-r2"),
    ("alpine-keys", "2.4-r1"),
    ("apk-tools", "2.14.4-r0"),
    ("busybox", "1.36.1-r20"),
    ("busybox-binsh", "1.36.1-r20"),
    ("ca-certificates-bundle", "20240705-r0"),
    ("libc-utils", "0.7.2-r5"),
    ("libcrypto3", "3.1.7-r0"),
    ("libssl3", "3.1.7-r0"),
    ("musl", "1.2.4_git20230717-r4"),
    ("musl-utils", "1.2.4_git20230717-r4"),
    ("scanelf", "1.3.7-r2"),
    ("ssl_client", "1.36.1-r20"),
    ("zlib", "1.3.1-r0"),
];

/// Installed packages of the system a base has (what `apk info` / `dpkg -l`
/// list), name and version. Empty for families without a package manager.
pub fn base_packages(os: Os) -> &'static [(&'static str, &'static str)] {
    match os {
        Os::Alpine(_) => ALPINE_BASE_PACKAGES,
        Os::Debian(_) => crate::packages_data::DEBIAN_BASE_PACKAGES,
        Os::Ubuntu("20.04") | Os::Ubuntu("22.04") => crate::packages_data::UBUNTU_JAMMY_BASE_PACKAGES,
        Os::Ubuntu(_) => crate::packages_data::UBUNTU_NOBLE_BASE_PACKAGES,
        Os::Busybox | Os::Scratch | Os::Distroless => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(files: &'a [BaseFile], path: &str) -> Option<&'a BaseFile> {
        files.iter().find(|f| f.path == path)
    }

    fn text<'a>(files: &'a [BaseFile], path: &str) -> &'a str {
        match find(files, path).map(|f| &f.kind) {
            Some(BaseKind::Text(t)) => t,
            other => panic!("{path}: not a text file: {other:?}"),
        }
    }

    #[test]
    fn alpine_has_busybox_shell_and_release() {
        let files = base_files(Os::Alpine("3.19.4"));
        assert_eq!(find(&files, "/bin/sh").map(|f| &f.kind), Some(&BaseKind::Exec("busybox")));
        assert_eq!(find(&files, "/bin/busybox").map(|f| &f.kind), Some(&BaseKind::Exec("busybox")));
        let rel = text(&files, "/etc/os-release");
        assert!(rel.lines().any(|l| l == "NAME=\"Alpine Linux\""));
        assert!(rel.lines().any(|l| l == "VERSION_ID=3.19.4"));
        assert!(rel.lines().any(|l| l == "PRETTY_NAME=\"Alpine Linux v3.19\""));
        assert_eq!(text(&files, "/etc/alpine-release"), "3.19.4\n");
        assert!(text(&files, "/etc/apk/repositories").contains("/alpine/v3.19/main"));
        assert!(text(&files, "/etc/passwd").contains("nobody:x:65534:65534:nobody:/:/sbin/nologin\n"));
        for p in ["/usr/bin/wget", "/usr/bin/nslookup", "/bin/ping", "/sbin/ip", "/usr/bin/nc", "/bin/vi", "/usr/sbin/adduser"] {
            assert_eq!(find(&files, p).map(|f| &f.kind), Some(&BaseKind::Exec("busybox")), "{p}");
        }
        assert_eq!(find(&files, "/sbin/apk").map(|f| &f.kind), Some(&BaseKind::Exec("apk")));
        assert_eq!(find(&files, "/usr/bin/getent").map(|f| &f.kind), Some(&BaseKind::Exec("getent")));
        for absent in ["/bin/bash", "/usr/bin/bash", "/usr/bin/curl", "/usr/bin/apt-get"] {
            assert!(find(&files, absent).is_none(), "{absent} must not exist on alpine");
        }
        assert_eq!(find(&files, "/tmp").map(|f| f.mode), Some(0o1777));
    }

    #[test]
    fn debian_has_bash_coreutils_and_lacks_network_tools() {
        let files = base_files(Os::Debian("bookworm"));
        let rel = text(&files, "/etc/os-release");
        assert!(rel.starts_with("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"));
        assert_eq!(text(&files, "/etc/debian_version"), "12.7\n");
        assert_eq!(find(&files, "/bin/bash").map(|f| &f.kind), Some(&BaseKind::Exec("bash")));
        assert_eq!(find(&files, "/usr/bin/bash").map(|f| &f.kind), Some(&BaseKind::Exec("bash")));
        assert_eq!(find(&files, "/bin/sh").map(|f| &f.kind), Some(&BaseKind::Exec("dash")));
        assert_eq!(find(&files, "/usr/bin/ls").map(|f| &f.kind), Some(&BaseKind::Exec("coreutils")));
        assert_eq!(find(&files, "/usr/sbin/useradd").map(|f| &f.kind), Some(&BaseKind::Exec("useradd")));
        assert_eq!(find(&files, "/usr/sbin/adduser").map(|f| &f.kind), Some(&BaseKind::Exec("adduser-debian")));
        for absent in ["ps", "top", "free", "ping", "curl", "wget", "ip", "nc", "less", "vi", "nano"] {
            for dir in ["/bin", "/usr/bin", "/sbin", "/usr/sbin"] {
                let p = format!("{dir}/{absent}");
                assert!(find(&files, &p).is_none(), "{p} must not exist on debian");
            }
        }
        assert_eq!(find(&files, "/var/lib/apt/lists").map(|f| &f.kind), Some(&BaseKind::Dir));
        assert!(!files.iter().any(|f| f.path.starts_with("/var/lib/apt/lists/")));
        assert!(text(&files, "/etc/passwd").contains("_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n"));
    }

    #[test]
    fn ubuntu_releases_differ() {
        let jammy = base_files(Os::Ubuntu("22.04"));
        assert!(text(&jammy, "/etc/os-release").contains("VERSION_ID=\"22.04\""));
        assert!(text(&jammy, "/etc/lsb-release").contains("DISTRIB_CODENAME=jammy"));
        assert!(find(&jammy, "/usr/sbin/adduser").is_some());
        let noble = base_files(Os::Ubuntu("24.04"));
        assert!(text(&noble, "/etc/os-release").contains("VERSION_CODENAME=noble"));
        assert!(text(&noble, "/etc/passwd").contains("ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n"));
        assert!(find(&noble, "/usr/sbin/adduser").is_none(), "ubuntu 24.04 has no adduser");
        assert!(find(&noble, "/usr/sbin/useradd").is_some());
    }

    #[test]
    fn busybox_distroless_scratch() {
        let bb = base_files(Os::Busybox);
        assert!(find(&bb, "/etc/os-release").is_none());
        assert_eq!(find(&bb, "/bin/sh").map(|f| &f.kind), Some(&BaseKind::Exec("busybox")));
        assert_eq!(find(&bb, "/bin/wget").map(|f| &f.kind), Some(&BaseKind::Exec("busybox")));
        assert!(find(&bb, "/sbin/apk").is_none());
        let dl = base_files(Os::Distroless);
        assert!(text(&dl, "/etc/passwd").contains("nonroot:x:65532:65532:"));
        assert!(text(&dl, "/etc/os-release").contains("PRETTY_NAME=\"Distroless\""));
        assert!(!dl.iter().any(|f| matches!(f.kind, BaseKind::Exec(_))), "distroless has no program");
        assert!(base_files(Os::Scratch).is_empty());
    }

    #[test]
    fn paths_are_absolute_unique_and_parents_exist() {
        for os in [Os::Alpine("3.19.4"), Os::Debian("bookworm"), Os::Ubuntu("20.04"), Os::Ubuntu("22.04"), Os::Ubuntu("24.04"), Os::Busybox, Os::Distroless] {
            let files = base_files(os);
            let mut seen = std::collections::HashSet::new();
            for f in &files {
                assert!(f.path.starts_with('/') && !f.path.ends_with('/'), "{os:?}: {}", f.path);
                assert!(seen.insert(f.path.clone()), "{os:?}: duplicate {}", f.path);
                let parent = &f.path[..f.path.rfind('/').unwrap()];
                if !parent.is_empty() {
                    assert!(
                        files.iter().any(|d| d.path == parent && d.kind == BaseKind::Dir),
                        "{os:?}: parent of {} is not a folder",
                        f.path
                    );
                }
            }
        }
    }

    #[test]
    fn base_packages_present() {
        assert!(base_packages(Os::Alpine("3.19.4")).iter().any(|p| p.0 == "busybox"));
        assert!(base_packages(Os::Debian("bookworm")).iter().any(|p| p.0 == "bash"));
        assert!(!base_packages(Os::Debian("bookworm")).iter().any(|p| p.0 == "procps"));
        assert!(base_packages(Os::Ubuntu("24.04")).iter().any(|p| p.0 == "coreutils"));
        assert!(base_packages(Os::Busybox).is_empty());
    }
}
