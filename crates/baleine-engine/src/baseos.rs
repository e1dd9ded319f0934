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

use crate::catalog::Os;

/// What is at a path of the base file system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseKind {
    /// A text file and its content.
    Text(&'static str),
    /// An executable; the string is the program kind.
    Exec(&'static str),
    /// A file whose bytes are not modelled (`kind`, size in bytes):
    /// certificate bundles, package databases, time-zone data.
    Opaque(&'static str, u64),
    /// A folder.
    Dir,
    /// A symbolic link and its target, as `ls -l` shows it.
    Symlink(&'static str),
}

/// One entry of the base file system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BaseFile {
    /// Absolute path.
    pub path: &'static str,
    pub kind: BaseKind,
    /// Permission bits (0o755 folders and programs, 0o644 files, 0o1777
    /// /tmp, 0o700 /root, 0o640 /etc/shadow, 0o777 links). Owner is root.
    pub mode: u32,
}

impl BaseFile {
    const fn text(path: &'static str, text: &'static str) -> BaseFile {
        BaseFile {
            path,
            kind: BaseKind::Text(text),
            mode: 0o644,
        }
    }
    const fn secret(path: &'static str, text: &'static str) -> BaseFile {
        BaseFile {
            path,
            kind: BaseKind::Text(text),
            mode: 0o640,
        }
    }
    const fn exec(path: &'static str, kind: &'static str) -> BaseFile {
        BaseFile {
            path,
            kind: BaseKind::Exec(kind),
            mode: 0o755,
        }
    }
    const fn dir(path: &'static str, mode: u32) -> BaseFile {
        BaseFile {
            path,
            kind: BaseKind::Dir,
            mode,
        }
    }
    const fn link(path: &'static str, target: &'static str) -> BaseFile {
        BaseFile {
            path,
            kind: BaseKind::Symlink(target),
            mode: 0o777,
        }
    }
    const fn opaque(path: &'static str, kind: &'static str, size: u64) -> BaseFile {
        BaseFile {
            path,
            kind: BaseKind::Opaque(kind, size),
            mode: 0o644,
        }
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
        concat!(
            ubuntu_noble_passwd_system!(),
            "ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n"
        )
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
    alpine_group, alpine_passwd, busybox_group, busybox_passwd, debian_group, debian_passwd,
    distroless_group, distroless_passwd, ubuntu_jammy_group, ubuntu_jammy_group_rest,
    ubuntu_jammy_passwd, ubuntu_noble_group, ubuntu_noble_group_system, ubuntu_noble_passwd,
    ubuntu_noble_passwd_system,
};

/// /etc/shadow texts matching the passwd texts above (every account locked).
const DEBIAN_SHADOW: &str = "root:*:19970:0:99999:7:::
daemon:!*:19970:0:99999:7:::
bin:!*:19970:0:99999:7:::
sys:!*:19970:0:99999:7:::
sync:!*:19970:0:99999:7:::
games:!*:19970:0:99999:7:::
man:!*:19970:0:99999:7:::
lp:!*:19970:0:99999:7:::
mail:!*:19970:0:99999:7:::
news:!*:19970:0:99999:7:::
uucp:!*:19970:0:99999:7:::
proxy:!*:19970:0:99999:7:::
www-data:!*:19970:0:99999:7:::
backup:!*:19970:0:99999:7:::
list:!*:19970:0:99999:7:::
irc:!*:19970:0:99999:7:::
_apt:!*:19970:0:99999:7:::
nobody:!*:19970:0:99999:7:::
";
const UBUNTU_JAMMY_SHADOW: &str = "root:*:19577:0:99999:7:::
daemon:!*:19577:0:99999:7:::
bin:!*:19577:0:99999:7:::
sys:!*:19577:0:99999:7:::
sync:!*:19577:0:99999:7:::
games:!*:19577:0:99999:7:::
man:!*:19577:0:99999:7:::
lp:!*:19577:0:99999:7:::
mail:!*:19577:0:99999:7:::
news:!*:19577:0:99999:7:::
uucp:!*:19577:0:99999:7:::
proxy:!*:19577:0:99999:7:::
www-data:!*:19577:0:99999:7:::
backup:!*:19577:0:99999:7:::
list:!*:19577:0:99999:7:::
irc:!*:19577:0:99999:7:::
gnats:!*:19577:0:99999:7:::
nobody:!*:19577:0:99999:7:::
_apt:!*:19577:0:99999:7:::
";
const UBUNTU_NOBLE_SHADOW: &str = "root:*:19962:0:99999:7:::
daemon:!*:19962:0:99999:7:::
bin:!*:19962:0:99999:7:::
sys:!*:19962:0:99999:7:::
sync:!*:19962:0:99999:7:::
games:!*:19962:0:99999:7:::
man:!*:19962:0:99999:7:::
lp:!*:19962:0:99999:7:::
mail:!*:19962:0:99999:7:::
news:!*:19962:0:99999:7:::
uucp:!*:19962:0:99999:7:::
proxy:!*:19962:0:99999:7:::
www-data:!*:19962:0:99999:7:::
backup:!*:19962:0:99999:7:::
list:!*:19962:0:99999:7:::
irc:!*:19962:0:99999:7:::
_apt:!*:19962:0:99999:7:::
nobody:!*:19962:0:99999:7:::
ubuntu:!*:19962:0:99999:7:::
";
const BUSYBOX_SHADOW: &str = "root:*:10933:0:99999:7:::
daemon:!*:10933:0:99999:7:::
bin:!*:10933:0:99999:7:::
sys:!*:10933:0:99999:7:::
sync:!*:10933:0:99999:7:::
mail:!*:10933:0:99999:7:::
www-data:!*:10933:0:99999:7:::
operator:!*:10933:0:99999:7:::
nobody:!*:10933:0:99999:7:::
";

// ---------------------------------------------------------------------------
// Program tables.
// ---------------------------------------------------------------------------

/// Busybox applets of Alpine 3.19 (busybox 1.36.1) at the paths
/// `busybox --install` gives them there (/bin, /sbin, /usr/bin, /usr/sbin).
pub const ALPINE_APPLETS: &[&str] = &[
    "/bin/arch",
    "/bin/ash",
    "/bin/base64",
    "/bin/bbconfig",
    "/bin/busybox",
    "/bin/cat",
    "/bin/chattr",
    "/bin/chgrp",
    "/bin/chmod",
    "/bin/chown",
    "/bin/cp",
    "/bin/date",
    "/bin/dd",
    "/bin/df",
    "/bin/dmesg",
    "/bin/dnsdomainname",
    "/bin/dumpkmap",
    "/bin/echo",
    "/bin/egrep",
    "/bin/false",
    "/bin/fatattr",
    "/bin/fdflush",
    "/bin/fgrep",
    "/bin/fsync",
    "/bin/getopt",
    "/bin/grep",
    "/bin/gunzip",
    "/bin/gzip",
    "/bin/hostname",
    "/bin/ionice",
    "/bin/iostat",
    "/bin/ipcalc",
    "/bin/kbd_mode",
    "/bin/kill",
    "/bin/link",
    "/bin/linux32",
    "/bin/linux64",
    "/bin/ln",
    "/bin/login",
    "/bin/ls",
    "/bin/lsattr",
    "/bin/lzop",
    "/bin/makemime",
    "/bin/mkdir",
    "/bin/mknod",
    "/bin/mktemp",
    "/bin/more",
    "/bin/mount",
    "/bin/mountpoint",
    "/bin/mpstat",
    "/bin/mv",
    "/bin/netstat",
    "/bin/nice",
    "/bin/pidof",
    "/bin/ping",
    "/bin/ping6",
    "/bin/pipe_progress",
    "/bin/printenv",
    "/bin/ps",
    "/bin/pwd",
    "/bin/reformime",
    "/bin/rev",
    "/bin/rm",
    "/bin/rmdir",
    "/bin/run-parts",
    "/bin/sed",
    "/bin/setpriv",
    "/bin/setserial",
    "/bin/sh",
    "/bin/sleep",
    "/bin/stat",
    "/bin/stty",
    "/bin/su",
    "/bin/sync",
    "/bin/tar",
    "/bin/touch",
    "/bin/true",
    "/bin/umount",
    "/bin/uname",
    "/bin/usleep",
    "/bin/vi",
    "/bin/watch",
    "/bin/zcat",
    "/sbin/acpid",
    "/sbin/adjtimex",
    "/sbin/arp",
    "/sbin/blkid",
    "/sbin/blockdev",
    "/sbin/depmod",
    "/sbin/fbsplash",
    "/sbin/fdisk",
    "/sbin/findfs",
    "/sbin/fsck",
    "/sbin/fstrim",
    "/sbin/getty",
    "/sbin/halt",
    "/sbin/hwclock",
    "/sbin/ifconfig",
    "/sbin/ifdown",
    "/sbin/ifenslave",
    "/sbin/ifup",
    "/sbin/init",
    "/sbin/inotifyd",
    "/sbin/insmod",
    "/sbin/ip",
    "/sbin/ipaddr",
    "/sbin/iplink",
    "/sbin/ipneigh",
    "/sbin/iproute",
    "/sbin/iprule",
    "/sbin/iptunnel",
    "/sbin/klogd",
    "/sbin/loadkmap",
    "/sbin/logread",
    "/sbin/losetup",
    "/sbin/lsmod",
    "/sbin/mdev",
    "/sbin/mkdosfs",
    "/sbin/mkfs.vfat",
    "/sbin/mkswap",
    "/sbin/modinfo",
    "/sbin/modprobe",
    "/sbin/nameif",
    "/sbin/nologin",
    "/sbin/pivot_root",
    "/sbin/poweroff",
    "/sbin/raidautorun",
    "/sbin/reboot",
    "/sbin/rmmod",
    "/sbin/route",
    "/sbin/seedrng",
    "/sbin/setconsole",
    "/sbin/slattach",
    "/sbin/swapoff",
    "/sbin/swapon",
    "/sbin/switch_root",
    "/sbin/sysctl",
    "/sbin/syslogd",
    "/sbin/tunctl",
    "/sbin/udhcpc",
    "/sbin/vconfig",
    "/sbin/watchdog",
    "/usr/bin/[",
    "/usr/bin/[[",
    "/usr/bin/awk",
    "/usr/bin/basename",
    "/usr/bin/bc",
    "/usr/bin/beep",
    "/usr/bin/blkdiscard",
    "/usr/bin/bunzip2",
    "/usr/bin/bzcat",
    "/usr/bin/bzip2",
    "/usr/bin/cal",
    "/usr/bin/chvt",
    "/usr/bin/cksum",
    "/usr/bin/clear",
    "/usr/bin/cmp",
    "/usr/bin/comm",
    "/usr/bin/cpio",
    "/usr/bin/crontab",
    "/usr/bin/cryptpw",
    "/usr/bin/cut",
    "/usr/bin/dc",
    "/usr/bin/deallocvt",
    "/usr/bin/diff",
    "/usr/bin/dirname",
    "/usr/bin/dos2unix",
    "/usr/bin/du",
    "/usr/bin/eject",
    "/usr/bin/env",
    "/usr/bin/expand",
    "/usr/bin/expr",
    "/usr/bin/factor",
    "/usr/bin/fallocate",
    "/usr/bin/find",
    "/usr/bin/flock",
    "/usr/bin/fold",
    "/usr/bin/free",
    "/usr/bin/fuser",
    "/usr/bin/groups",
    "/usr/bin/hd",
    "/usr/bin/head",
    "/usr/bin/hexdump",
    "/usr/bin/hostid",
    "/usr/bin/id",
    "/usr/bin/install",
    "/usr/bin/ipcrm",
    "/usr/bin/ipcs",
    "/usr/bin/killall",
    "/usr/bin/last",
    "/usr/bin/less",
    "/usr/bin/logger",
    "/usr/bin/lsof",
    "/usr/bin/lsusb",
    "/usr/bin/lzcat",
    "/usr/bin/lzma",
    "/usr/bin/lzopcat",
    "/usr/bin/md5sum",
    "/usr/bin/mesg",
    "/usr/bin/microcom",
    "/usr/bin/mkfifo",
    "/usr/bin/mkpasswd",
    "/usr/bin/nc",
    "/usr/bin/nl",
    "/usr/bin/nmeter",
    "/usr/bin/nohup",
    "/usr/bin/nproc",
    "/usr/bin/nsenter",
    "/usr/bin/nslookup",
    "/usr/bin/od",
    "/usr/bin/openvt",
    "/usr/bin/passwd",
    "/usr/bin/paste",
    "/usr/bin/pgrep",
    "/usr/bin/pkill",
    "/usr/bin/pmap",
    "/usr/bin/printf",
    "/usr/bin/pscan",
    "/usr/bin/pstree",
    "/usr/bin/pwdx",
    "/usr/bin/readlink",
    "/usr/bin/realpath",
    "/usr/bin/renice",
    "/usr/bin/reset",
    "/usr/bin/resize",
    "/usr/bin/seq",
    "/usr/bin/setkeycodes",
    "/usr/bin/setsid",
    "/usr/bin/sha1sum",
    "/usr/bin/sha256sum",
    "/usr/bin/sha3sum",
    "/usr/bin/sha512sum",
    "/usr/bin/showkey",
    "/usr/bin/shred",
    "/usr/bin/shuf",
    "/usr/bin/smemcap",
    "/usr/bin/sort",
    "/usr/bin/split",
    "/usr/bin/strings",
    "/usr/bin/sum",
    "/usr/bin/tac",
    "/usr/bin/tail",
    "/usr/bin/tee",
    "/usr/bin/test",
    "/usr/bin/time",
    "/usr/bin/timeout",
    "/usr/bin/top",
    "/usr/bin/tr",
    "/usr/bin/traceroute",
    "/usr/bin/traceroute6",
    "/usr/bin/tree",
    "/usr/bin/truncate",
    "/usr/bin/tty",
    "/usr/bin/ttysize",
    "/usr/bin/udhcpc6",
    "/usr/bin/unexpand",
    "/usr/bin/uniq",
    "/usr/bin/unix2dos",
    "/usr/bin/unlink",
    "/usr/bin/unlzma",
    "/usr/bin/unlzop",
    "/usr/bin/unshare",
    "/usr/bin/unxz",
    "/usr/bin/unzip",
    "/usr/bin/uptime",
    "/usr/bin/uudecode",
    "/usr/bin/uuencode",
    "/usr/bin/vlock",
    "/usr/bin/volname",
    "/usr/bin/wc",
    "/usr/bin/wget",
    "/usr/bin/which",
    "/usr/bin/whoami",
    "/usr/bin/whois",
    "/usr/bin/xargs",
    "/usr/bin/xxd",
    "/usr/bin/xzcat",
    "/usr/bin/yes",
    "/usr/sbin/add-shell",
    "/usr/sbin/addgroup",
    "/usr/sbin/adduser",
    "/usr/sbin/arping",
    "/usr/sbin/brctl",
    "/usr/sbin/chpasswd",
    "/usr/sbin/chroot",
    "/usr/sbin/crond",
    "/usr/sbin/delgroup",
    "/usr/sbin/deluser",
    "/usr/sbin/ether-wake",
    "/usr/sbin/fbset",
    "/usr/sbin/killall5",
    "/usr/sbin/loadfont",
    "/usr/sbin/nanddump",
    "/usr/sbin/nandwrite",
    "/usr/sbin/nbd-client",
    "/usr/sbin/ntpd",
    "/usr/sbin/partprobe",
    "/usr/sbin/rdate",
    "/usr/sbin/rdev",
    "/usr/sbin/readahead",
    "/usr/sbin/remove-shell",
    "/usr/sbin/rfkill",
    "/usr/sbin/sendmail",
    "/usr/sbin/setfont",
    "/usr/sbin/setlogcons",
];

/// Every applet name of Alpine's busybox (the union of [`ALPINE_APPLETS`]).
pub const BUSYBOX_APPLETS: &[&str] = &[
    "[",
    "[[",
    "acpid",
    "add-shell",
    "addgroup",
    "adduser",
    "adjtimex",
    "arch",
    "arp",
    "arping",
    "ash",
    "awk",
    "base64",
    "basename",
    "bbconfig",
    "bc",
    "beep",
    "blkdiscard",
    "blkid",
    "blockdev",
    "brctl",
    "bunzip2",
    "busybox",
    "bzcat",
    "bzip2",
    "cal",
    "cat",
    "chattr",
    "chgrp",
    "chmod",
    "chown",
    "chpasswd",
    "chroot",
    "chvt",
    "cksum",
    "clear",
    "cmp",
    "comm",
    "cp",
    "cpio",
    "crond",
    "crontab",
    "cryptpw",
    "cut",
    "date",
    "dc",
    "dd",
    "deallocvt",
    "delgroup",
    "deluser",
    "depmod",
    "df",
    "diff",
    "dirname",
    "dmesg",
    "dnsdomainname",
    "dos2unix",
    "du",
    "dumpkmap",
    "echo",
    "egrep",
    "eject",
    "env",
    "ether-wake",
    "expand",
    "expr",
    "factor",
    "fallocate",
    "false",
    "fatattr",
    "fbset",
    "fbsplash",
    "fdflush",
    "fdisk",
    "fgrep",
    "find",
    "findfs",
    "flock",
    "fold",
    "free",
    "fsck",
    "fstrim",
    "fsync",
    "fuser",
    "getopt",
    "getty",
    "grep",
    "groups",
    "gunzip",
    "gzip",
    "halt",
    "hd",
    "head",
    "hexdump",
    "hostid",
    "hostname",
    "hwclock",
    "id",
    "ifconfig",
    "ifdown",
    "ifenslave",
    "ifup",
    "init",
    "inotifyd",
    "insmod",
    "install",
    "ionice",
    "iostat",
    "ip",
    "ipaddr",
    "ipcalc",
    "ipcrm",
    "ipcs",
    "iplink",
    "ipneigh",
    "iproute",
    "iprule",
    "iptunnel",
    "kbd_mode",
    "kill",
    "killall",
    "killall5",
    "klogd",
    "last",
    "less",
    "link",
    "linux32",
    "linux64",
    "ln",
    "loadfont",
    "loadkmap",
    "logger",
    "login",
    "logread",
    "losetup",
    "ls",
    "lsattr",
    "lsmod",
    "lsof",
    "lsusb",
    "lzcat",
    "lzma",
    "lzop",
    "lzopcat",
    "makemime",
    "md5sum",
    "mdev",
    "mesg",
    "microcom",
    "mkdir",
    "mkdosfs",
    "mkfifo",
    "mkfs.vfat",
    "mknod",
    "mkpasswd",
    "mkswap",
    "mktemp",
    "modinfo",
    "modprobe",
    "more",
    "mount",
    "mountpoint",
    "mpstat",
    "mv",
    "nameif",
    "nanddump",
    "nandwrite",
    "nbd-client",
    "nc",
    "netstat",
    "nice",
    "nl",
    "nmeter",
    "nohup",
    "nologin",
    "nproc",
    "nsenter",
    "nslookup",
    "ntpd",
    "od",
    "openvt",
    "partprobe",
    "passwd",
    "paste",
    "pgrep",
    "pidof",
    "ping",
    "ping6",
    "pipe_progress",
    "pivot_root",
    "pkill",
    "pmap",
    "poweroff",
    "printenv",
    "printf",
    "ps",
    "pscan",
    "pstree",
    "pwd",
    "pwdx",
    "raidautorun",
    "rdate",
    "rdev",
    "readahead",
    "readlink",
    "realpath",
    "reboot",
    "reformime",
    "remove-shell",
    "renice",
    "reset",
    "resize",
    "rev",
    "rfkill",
    "rm",
    "rmdir",
    "rmmod",
    "route",
    "run-parts",
    "sed",
    "seedrng",
    "sendmail",
    "setconsole",
    "setfont",
    "setkeycodes",
    "setlogcons",
    "setpriv",
    "setserial",
    "setsid",
    "sh",
    "sha1sum",
    "sha256sum",
    "sha3sum",
    "sha512sum",
    "showkey",
    "shred",
    "shuf",
    "slattach",
    "sleep",
    "smemcap",
    "sort",
    "split",
    "stat",
    "strings",
    "stty",
    "su",
    "sum",
    "swapoff",
    "swapon",
    "switch_root",
    "sync",
    "sysctl",
    "syslogd",
    "tac",
    "tail",
    "tar",
    "tee",
    "test",
    "time",
    "timeout",
    "top",
    "touch",
    "tr",
    "traceroute",
    "traceroute6",
    "tree",
    "true",
    "truncate",
    "tty",
    "ttysize",
    "tunctl",
    "udhcpc",
    "udhcpc6",
    "umount",
    "uname",
    "unexpand",
    "uniq",
    "unix2dos",
    "unlink",
    "unlzma",
    "unlzop",
    "unshare",
    "unxz",
    "unzip",
    "uptime",
    "usleep",
    "uudecode",
    "uuencode",
    "vconfig",
    "vi",
    "vlock",
    "volname",
    "watch",
    "watchdog",
    "wc",
    "wget",
    "which",
    "whoami",
    "whois",
    "xargs",
    "xxd",
    "xzcat",
    "yes",
    "zcat",
];

/// Applets of the `busybox` image (busybox 1.36.1, glibc, defconfig): it
/// puts every applet in /bin.
pub const BUSYBOX_IMAGE_APPLETS: &[&str] = &[
    "/bin/[",
    "/bin/[[",
    "/bin/acpid",
    "/bin/add-shell",
    "/bin/addgroup",
    "/bin/adduser",
    "/bin/adjtimex",
    "/bin/ar",
    "/bin/arch",
    "/bin/arp",
    "/bin/arping",
    "/bin/ash",
    "/bin/awk",
    "/bin/base64",
    "/bin/basename",
    "/bin/bbconfig",
    "/bin/bc",
    "/bin/beep",
    "/bin/blkdiscard",
    "/bin/blkid",
    "/bin/blockdev",
    "/bin/bootchartd",
    "/bin/brctl",
    "/bin/bunzip2",
    "/bin/busybox",
    "/bin/bzcat",
    "/bin/bzip2",
    "/bin/cal",
    "/bin/cat",
    "/bin/chat",
    "/bin/chattr",
    "/bin/chcon",
    "/bin/chgrp",
    "/bin/chmod",
    "/bin/chown",
    "/bin/chpasswd",
    "/bin/chpst",
    "/bin/chroot",
    "/bin/chrt",
    "/bin/chvt",
    "/bin/cksum",
    "/bin/clear",
    "/bin/cmp",
    "/bin/comm",
    "/bin/conspy",
    "/bin/cp",
    "/bin/cpio",
    "/bin/crc32",
    "/bin/crond",
    "/bin/crontab",
    "/bin/cryptpw",
    "/bin/cut",
    "/bin/date",
    "/bin/dc",
    "/bin/dd",
    "/bin/deallocvt",
    "/bin/delgroup",
    "/bin/deluser",
    "/bin/depmod",
    "/bin/devmem",
    "/bin/df",
    "/bin/dhcprelay",
    "/bin/diff",
    "/bin/dirname",
    "/bin/dmesg",
    "/bin/dnsd",
    "/bin/dnsdomainname",
    "/bin/dos2unix",
    "/bin/dpkg",
    "/bin/dpkg-deb",
    "/bin/du",
    "/bin/dumpkmap",
    "/bin/dumpleases",
    "/bin/echo",
    "/bin/ed",
    "/bin/egrep",
    "/bin/eject",
    "/bin/env",
    "/bin/envdir",
    "/bin/envuidgid",
    "/bin/ether-wake",
    "/bin/expand",
    "/bin/expr",
    "/bin/factor",
    "/bin/fakeidentd",
    "/bin/fallocate",
    "/bin/false",
    "/bin/fatattr",
    "/bin/fbset",
    "/bin/fbsplash",
    "/bin/fdflush",
    "/bin/fdformat",
    "/bin/fdisk",
    "/bin/fgconsole",
    "/bin/fgrep",
    "/bin/find",
    "/bin/findfs",
    "/bin/flock",
    "/bin/fold",
    "/bin/free",
    "/bin/freeramdisk",
    "/bin/fsck",
    "/bin/fsck.minix",
    "/bin/fsfreeze",
    "/bin/fstrim",
    "/bin/fsync",
    "/bin/ftpd",
    "/bin/ftpget",
    "/bin/ftpput",
    "/bin/fuser",
    "/bin/getopt",
    "/bin/getty",
    "/bin/grep",
    "/bin/groups",
    "/bin/gunzip",
    "/bin/gzip",
    "/bin/halt",
    "/bin/hd",
    "/bin/hdparm",
    "/bin/head",
    "/bin/hexdump",
    "/bin/hexedit",
    "/bin/hostid",
    "/bin/hostname",
    "/bin/httpd",
    "/bin/hush",
    "/bin/hwclock",
    "/bin/i2cdetect",
    "/bin/i2cdump",
    "/bin/i2cget",
    "/bin/i2cset",
    "/bin/i2ctransfer",
    "/bin/id",
    "/bin/ifconfig",
    "/bin/ifdown",
    "/bin/ifenslave",
    "/bin/ifup",
    "/bin/inetd",
    "/bin/init",
    "/bin/inotifyd",
    "/bin/insmod",
    "/bin/install",
    "/bin/ionice",
    "/bin/iostat",
    "/bin/ip",
    "/bin/ipaddr",
    "/bin/ipcalc",
    "/bin/ipcrm",
    "/bin/ipcs",
    "/bin/iplink",
    "/bin/ipneigh",
    "/bin/iproute",
    "/bin/iprule",
    "/bin/iptunnel",
    "/bin/kbd_mode",
    "/bin/kill",
    "/bin/killall",
    "/bin/killall5",
    "/bin/klogd",
    "/bin/last",
    "/bin/less",
    "/bin/link",
    "/bin/linux32",
    "/bin/linux64",
    "/bin/linuxrc",
    "/bin/ln",
    "/bin/load_policy",
    "/bin/loadfont",
    "/bin/loadkmap",
    "/bin/logger",
    "/bin/login",
    "/bin/logread",
    "/bin/losetup",
    "/bin/lpd",
    "/bin/lpq",
    "/bin/lpr",
    "/bin/ls",
    "/bin/lsattr",
    "/bin/lsmod",
    "/bin/lsof",
    "/bin/lspci",
    "/bin/lsusb",
    "/bin/lzcat",
    "/bin/lzma",
    "/bin/lzop",
    "/bin/lzopcat",
    "/bin/makemime",
    "/bin/man",
    "/bin/matchpathcon",
    "/bin/md5sum",
    "/bin/mdev",
    "/bin/mesg",
    "/bin/microcom",
    "/bin/mim",
    "/bin/minips",
    "/bin/mkdir",
    "/bin/mkdosfs",
    "/bin/mke2fs",
    "/bin/mkfifo",
    "/bin/mkfs.ext2",
    "/bin/mkfs.minix",
    "/bin/mkfs.vfat",
    "/bin/mknod",
    "/bin/mkpasswd",
    "/bin/mkswap",
    "/bin/mktemp",
    "/bin/modinfo",
    "/bin/modprobe",
    "/bin/more",
    "/bin/mount",
    "/bin/mountpoint",
    "/bin/mpstat",
    "/bin/mt",
    "/bin/mv",
    "/bin/nameif",
    "/bin/nanddump",
    "/bin/nandwrite",
    "/bin/nbd-client",
    "/bin/nc",
    "/bin/netstat",
    "/bin/nice",
    "/bin/nl",
    "/bin/nmeter",
    "/bin/nohup",
    "/bin/nologin",
    "/bin/nproc",
    "/bin/nsenter",
    "/bin/nslookup",
    "/bin/ntpd",
    "/bin/nuke",
    "/bin/od",
    "/bin/openvt",
    "/bin/partprobe",
    "/bin/passwd",
    "/bin/paste",
    "/bin/pgrep",
    "/bin/pidof",
    "/bin/ping",
    "/bin/ping6",
    "/bin/pipe_progress",
    "/bin/pivot_root",
    "/bin/pkill",
    "/bin/pmap",
    "/bin/popmaildir",
    "/bin/poweroff",
    "/bin/powertop",
    "/bin/printenv",
    "/bin/printf",
    "/bin/ps",
    "/bin/pscan",
    "/bin/pstree",
    "/bin/pwd",
    "/bin/pwdx",
    "/bin/raidautorun",
    "/bin/rdate",
    "/bin/rdev",
    "/bin/readahead",
    "/bin/readlink",
    "/bin/realpath",
    "/bin/reboot",
    "/bin/reformime",
    "/bin/remove-shell",
    "/bin/renice",
    "/bin/reset",
    "/bin/resize",
    "/bin/rev",
    "/bin/rfkill",
    "/bin/rm",
    "/bin/rmdir",
    "/bin/rmmod",
    "/bin/route",
    "/bin/rpm",
    "/bin/rpm2cpio",
    "/bin/rtcwake",
    "/bin/run-parts",
    "/bin/runcon",
    "/bin/runlevel",
    "/bin/runsv",
    "/bin/runsvdir",
    "/bin/rx",
    "/bin/script",
    "/bin/scriptreplay",
    "/bin/sed",
    "/bin/seedrng",
    "/bin/selinuxenabled",
    "/bin/sendmail",
    "/bin/sestatus",
    "/bin/setconsole",
    "/bin/setenforce",
    "/bin/setfiles",
    "/bin/setfont",
    "/bin/setkeycodes",
    "/bin/setlogcons",
    "/bin/setpriv",
    "/bin/setsebool",
    "/bin/setserial",
    "/bin/setsid",
    "/bin/setuidgid",
    "/bin/sh",
    "/bin/sha1sum",
    "/bin/sha256sum",
    "/bin/sha3sum",
    "/bin/sha512sum",
    "/bin/showkey",
    "/bin/shred",
    "/bin/shuf",
    "/bin/slattach",
    "/bin/sleep",
    "/bin/smemcap",
    "/bin/softlimit",
    "/bin/sort",
    "/bin/split",
    "/bin/ssl_client",
    "/bin/start-stop-daemon",
    "/bin/stat",
    "/bin/strings",
    "/bin/stty",
    "/bin/su",
    "/bin/sulogin",
    "/bin/sum",
    "/bin/sv",
    "/bin/svc",
    "/bin/svlogd",
    "/bin/svok",
    "/bin/swapoff",
    "/bin/swapon",
    "/bin/switch_root",
    "/bin/sync",
    "/bin/sysctl",
    "/bin/syslogd",
    "/bin/tac",
    "/bin/tail",
    "/bin/tar",
    "/bin/tcpsvd",
    "/bin/tee",
    "/bin/telnet",
    "/bin/telnetd",
    "/bin/test",
    "/bin/tftp",
    "/bin/tftpd",
    "/bin/time",
    "/bin/timeout",
    "/bin/top",
    "/bin/touch",
    "/bin/tr",
    "/bin/traceroute",
    "/bin/traceroute6",
    "/bin/tree",
    "/bin/true",
    "/bin/truncate",
    "/bin/ts",
    "/bin/tsort",
    "/bin/tty",
    "/bin/ttysize",
    "/bin/tunctl",
    "/bin/ubiattach",
    "/bin/ubidetach",
    "/bin/ubimkvol",
    "/bin/ubirename",
    "/bin/ubirmvol",
    "/bin/ubirsvol",
    "/bin/ubiupdatevol",
    "/bin/udhcpc",
    "/bin/udhcpc6",
    "/bin/udhcpd",
    "/bin/udpsvd",
    "/bin/uevent",
    "/bin/umount",
    "/bin/uname",
    "/bin/unexpand",
    "/bin/uniq",
    "/bin/unit",
    "/bin/unix2dos",
    "/bin/unlink",
    "/bin/unlzma",
    "/bin/unlzop",
    "/bin/unshare",
    "/bin/unxz",
    "/bin/unzip",
    "/bin/uptime",
    "/bin/users",
    "/bin/usleep",
    "/bin/uudecode",
    "/bin/uuencode",
    "/bin/vconfig",
    "/bin/vi",
    "/bin/vlock",
    "/bin/volname",
    "/bin/w",
    "/bin/wall",
    "/bin/watch",
    "/bin/watchdog",
    "/bin/wc",
    "/bin/wget",
    "/bin/which",
    "/bin/who",
    "/bin/whoami",
    "/bin/whois",
    "/bin/xargs",
    "/bin/xxd",
    "/bin/xz",
    "/bin/xzcat",
    "/bin/yes",
    "/bin/zcat",
    "/bin/zcip",
];

/// GNU coreutils 9.1 programs (Debian 12 ships them all in /usr/bin, except
/// `chroot` in /usr/sbin).
pub const COREUTILS: &[&str] = &[
    "[",
    "arch",
    "b2sum",
    "base32",
    "base64",
    "basename",
    "basenc",
    "cat",
    "chcon",
    "chgrp",
    "chmod",
    "chown",
    "cksum",
    "comm",
    "cp",
    "csplit",
    "cut",
    "date",
    "dd",
    "df",
    "dir",
    "dircolors",
    "dirname",
    "du",
    "echo",
    "env",
    "expand",
    "expr",
    "factor",
    "false",
    "fmt",
    "fold",
    "groups",
    "head",
    "hostid",
    "id",
    "install",
    "join",
    "link",
    "ln",
    "logname",
    "ls",
    "md5sum",
    "mkdir",
    "mkfifo",
    "mknod",
    "mktemp",
    "mv",
    "nice",
    "nl",
    "nohup",
    "nproc",
    "numfmt",
    "od",
    "paste",
    "pathchk",
    "pinky",
    "pr",
    "printenv",
    "printf",
    "ptx",
    "pwd",
    "readlink",
    "realpath",
    "rm",
    "rmdir",
    "runcon",
    "seq",
    "sha1sum",
    "sha224sum",
    "sha256sum",
    "sha384sum",
    "sha512sum",
    "shred",
    "shuf",
    "sleep",
    "sort",
    "split",
    "stat",
    "stdbuf",
    "stty",
    "sum",
    "sync",
    "tac",
    "tail",
    "tee",
    "test",
    "timeout",
    "touch",
    "tr",
    "true",
    "truncate",
    "tsort",
    "tty",
    "uname",
    "unexpand",
    "uniq",
    "unlink",
    "users",
    "vdir",
    "wc",
    "who",
    "whoami",
    "yes",
];

/// Programs of a Debian 12 / Ubuntu image in /usr/bin, each also under
/// /bin (merged /usr): [`COREUTILS`] plus the rest of the essential
/// packages. Absent on purpose: ps, top, free, kill (procps), ping, ip,
/// ifconfig, nc, curl, wget, less, vi, nano, file, xz, bzip2, sudo.
pub const DEBIAN_PROGRAMS: &[(&str, &str)] = &[
    ("/usr/bin/[", "coreutils"),
    ("/bin/[", "coreutils"),
    ("/usr/bin/arch", "coreutils"),
    ("/bin/arch", "coreutils"),
    ("/usr/bin/b2sum", "coreutils"),
    ("/bin/b2sum", "coreutils"),
    ("/usr/bin/base32", "coreutils"),
    ("/bin/base32", "coreutils"),
    ("/usr/bin/base64", "coreutils"),
    ("/bin/base64", "coreutils"),
    ("/usr/bin/basename", "coreutils"),
    ("/bin/basename", "coreutils"),
    ("/usr/bin/basenc", "coreutils"),
    ("/bin/basenc", "coreutils"),
    ("/usr/bin/cat", "coreutils"),
    ("/bin/cat", "coreutils"),
    ("/usr/bin/chcon", "coreutils"),
    ("/bin/chcon", "coreutils"),
    ("/usr/bin/chgrp", "coreutils"),
    ("/bin/chgrp", "coreutils"),
    ("/usr/bin/chmod", "coreutils"),
    ("/bin/chmod", "coreutils"),
    ("/usr/bin/chown", "coreutils"),
    ("/bin/chown", "coreutils"),
    ("/usr/bin/cksum", "coreutils"),
    ("/bin/cksum", "coreutils"),
    ("/usr/bin/comm", "coreutils"),
    ("/bin/comm", "coreutils"),
    ("/usr/bin/cp", "coreutils"),
    ("/bin/cp", "coreutils"),
    ("/usr/bin/csplit", "coreutils"),
    ("/bin/csplit", "coreutils"),
    ("/usr/bin/cut", "coreutils"),
    ("/bin/cut", "coreutils"),
    ("/usr/bin/date", "coreutils"),
    ("/bin/date", "coreutils"),
    ("/usr/bin/dd", "coreutils"),
    ("/bin/dd", "coreutils"),
    ("/usr/bin/df", "coreutils"),
    ("/bin/df", "coreutils"),
    ("/usr/bin/dir", "coreutils"),
    ("/bin/dir", "coreutils"),
    ("/usr/bin/dircolors", "coreutils"),
    ("/bin/dircolors", "coreutils"),
    ("/usr/bin/dirname", "coreutils"),
    ("/bin/dirname", "coreutils"),
    ("/usr/bin/du", "coreutils"),
    ("/bin/du", "coreutils"),
    ("/usr/bin/echo", "coreutils"),
    ("/bin/echo", "coreutils"),
    ("/usr/bin/env", "coreutils"),
    ("/bin/env", "coreutils"),
    ("/usr/bin/expand", "coreutils"),
    ("/bin/expand", "coreutils"),
    ("/usr/bin/expr", "coreutils"),
    ("/bin/expr", "coreutils"),
    ("/usr/bin/factor", "coreutils"),
    ("/bin/factor", "coreutils"),
    ("/usr/bin/false", "coreutils"),
    ("/bin/false", "coreutils"),
    ("/usr/bin/fmt", "coreutils"),
    ("/bin/fmt", "coreutils"),
    ("/usr/bin/fold", "coreutils"),
    ("/bin/fold", "coreutils"),
    ("/usr/bin/groups", "coreutils"),
    ("/bin/groups", "coreutils"),
    ("/usr/bin/head", "coreutils"),
    ("/bin/head", "coreutils"),
    ("/usr/bin/hostid", "coreutils"),
    ("/bin/hostid", "coreutils"),
    ("/usr/bin/id", "coreutils"),
    ("/bin/id", "coreutils"),
    ("/usr/bin/install", "coreutils"),
    ("/bin/install", "coreutils"),
    ("/usr/bin/join", "coreutils"),
    ("/bin/join", "coreutils"),
    ("/usr/bin/link", "coreutils"),
    ("/bin/link", "coreutils"),
    ("/usr/bin/ln", "coreutils"),
    ("/bin/ln", "coreutils"),
    ("/usr/bin/logname", "coreutils"),
    ("/bin/logname", "coreutils"),
    ("/usr/bin/ls", "coreutils"),
    ("/bin/ls", "coreutils"),
    ("/usr/bin/md5sum", "coreutils"),
    ("/bin/md5sum", "coreutils"),
    ("/usr/bin/mkdir", "coreutils"),
    ("/bin/mkdir", "coreutils"),
    ("/usr/bin/mkfifo", "coreutils"),
    ("/bin/mkfifo", "coreutils"),
    ("/usr/bin/mknod", "coreutils"),
    ("/bin/mknod", "coreutils"),
    ("/usr/bin/mktemp", "coreutils"),
    ("/bin/mktemp", "coreutils"),
    ("/usr/bin/mv", "coreutils"),
    ("/bin/mv", "coreutils"),
    ("/usr/bin/nice", "coreutils"),
    ("/bin/nice", "coreutils"),
    ("/usr/bin/nl", "coreutils"),
    ("/bin/nl", "coreutils"),
    ("/usr/bin/nohup", "coreutils"),
    ("/bin/nohup", "coreutils"),
    ("/usr/bin/nproc", "coreutils"),
    ("/bin/nproc", "coreutils"),
    ("/usr/bin/numfmt", "coreutils"),
    ("/bin/numfmt", "coreutils"),
    ("/usr/bin/od", "coreutils"),
    ("/bin/od", "coreutils"),
    ("/usr/bin/paste", "coreutils"),
    ("/bin/paste", "coreutils"),
    ("/usr/bin/pathchk", "coreutils"),
    ("/bin/pathchk", "coreutils"),
    ("/usr/bin/pinky", "coreutils"),
    ("/bin/pinky", "coreutils"),
    ("/usr/bin/pr", "coreutils"),
    ("/bin/pr", "coreutils"),
    ("/usr/bin/printenv", "coreutils"),
    ("/bin/printenv", "coreutils"),
    ("/usr/bin/printf", "coreutils"),
    ("/bin/printf", "coreutils"),
    ("/usr/bin/ptx", "coreutils"),
    ("/bin/ptx", "coreutils"),
    ("/usr/bin/pwd", "coreutils"),
    ("/bin/pwd", "coreutils"),
    ("/usr/bin/readlink", "coreutils"),
    ("/bin/readlink", "coreutils"),
    ("/usr/bin/realpath", "coreutils"),
    ("/bin/realpath", "coreutils"),
    ("/usr/bin/rm", "coreutils"),
    ("/bin/rm", "coreutils"),
    ("/usr/bin/rmdir", "coreutils"),
    ("/bin/rmdir", "coreutils"),
    ("/usr/bin/runcon", "coreutils"),
    ("/bin/runcon", "coreutils"),
    ("/usr/bin/seq", "coreutils"),
    ("/bin/seq", "coreutils"),
    ("/usr/bin/sha1sum", "coreutils"),
    ("/bin/sha1sum", "coreutils"),
    ("/usr/bin/sha224sum", "coreutils"),
    ("/bin/sha224sum", "coreutils"),
    ("/usr/bin/sha256sum", "coreutils"),
    ("/bin/sha256sum", "coreutils"),
    ("/usr/bin/sha384sum", "coreutils"),
    ("/bin/sha384sum", "coreutils"),
    ("/usr/bin/sha512sum", "coreutils"),
    ("/bin/sha512sum", "coreutils"),
    ("/usr/bin/shred", "coreutils"),
    ("/bin/shred", "coreutils"),
    ("/usr/bin/shuf", "coreutils"),
    ("/bin/shuf", "coreutils"),
    ("/usr/bin/sleep", "coreutils"),
    ("/bin/sleep", "coreutils"),
    ("/usr/bin/sort", "coreutils"),
    ("/bin/sort", "coreutils"),
    ("/usr/bin/split", "coreutils"),
    ("/bin/split", "coreutils"),
    ("/usr/bin/stat", "coreutils"),
    ("/bin/stat", "coreutils"),
    ("/usr/bin/stdbuf", "coreutils"),
    ("/bin/stdbuf", "coreutils"),
    ("/usr/bin/stty", "coreutils"),
    ("/bin/stty", "coreutils"),
    ("/usr/bin/sum", "coreutils"),
    ("/bin/sum", "coreutils"),
    ("/usr/bin/sync", "coreutils"),
    ("/bin/sync", "coreutils"),
    ("/usr/bin/tac", "coreutils"),
    ("/bin/tac", "coreutils"),
    ("/usr/bin/tail", "coreutils"),
    ("/bin/tail", "coreutils"),
    ("/usr/bin/tee", "coreutils"),
    ("/bin/tee", "coreutils"),
    ("/usr/bin/test", "coreutils"),
    ("/bin/test", "coreutils"),
    ("/usr/bin/timeout", "coreutils"),
    ("/bin/timeout", "coreutils"),
    ("/usr/bin/touch", "coreutils"),
    ("/bin/touch", "coreutils"),
    ("/usr/bin/tr", "coreutils"),
    ("/bin/tr", "coreutils"),
    ("/usr/bin/true", "coreutils"),
    ("/bin/true", "coreutils"),
    ("/usr/bin/truncate", "coreutils"),
    ("/bin/truncate", "coreutils"),
    ("/usr/bin/tsort", "coreutils"),
    ("/bin/tsort", "coreutils"),
    ("/usr/bin/tty", "coreutils"),
    ("/bin/tty", "coreutils"),
    ("/usr/bin/uname", "coreutils"),
    ("/bin/uname", "coreutils"),
    ("/usr/bin/unexpand", "coreutils"),
    ("/bin/unexpand", "coreutils"),
    ("/usr/bin/uniq", "coreutils"),
    ("/bin/uniq", "coreutils"),
    ("/usr/bin/unlink", "coreutils"),
    ("/bin/unlink", "coreutils"),
    ("/usr/bin/users", "coreutils"),
    ("/bin/users", "coreutils"),
    ("/usr/bin/vdir", "coreutils"),
    ("/bin/vdir", "coreutils"),
    ("/usr/bin/wc", "coreutils"),
    ("/bin/wc", "coreutils"),
    ("/usr/bin/who", "coreutils"),
    ("/bin/who", "coreutils"),
    ("/usr/bin/whoami", "coreutils"),
    ("/bin/whoami", "coreutils"),
    ("/usr/bin/yes", "coreutils"),
    ("/bin/yes", "coreutils"),
    ("/usr/bin/bash", "bash"),
    ("/bin/bash", "bash"),
    ("/usr/bin/rbash", "bash"),
    ("/bin/rbash", "bash"),
    ("/usr/bin/sh", "dash"),
    ("/bin/sh", "dash"),
    ("/usr/bin/dash", "dash"),
    ("/bin/dash", "dash"),
    ("/usr/bin/grep", "grep"),
    ("/bin/grep", "grep"),
    ("/usr/bin/egrep", "grep"),
    ("/bin/egrep", "grep"),
    ("/usr/bin/fgrep", "grep"),
    ("/bin/fgrep", "grep"),
    ("/usr/bin/sed", "sed"),
    ("/bin/sed", "sed"),
    ("/usr/bin/find", "find"),
    ("/bin/find", "find"),
    ("/usr/bin/xargs", "xargs"),
    ("/bin/xargs", "xargs"),
    ("/usr/bin/tar", "tar"),
    ("/bin/tar", "tar"),
    ("/usr/bin/gzip", "gzip"),
    ("/bin/gzip", "gzip"),
    ("/usr/bin/gunzip", "gzip"),
    ("/bin/gunzip", "gzip"),
    ("/usr/bin/zcat", "gzip"),
    ("/bin/zcat", "gzip"),
    ("/usr/bin/zgrep", "gzip"),
    ("/bin/zgrep", "gzip"),
    ("/usr/bin/awk", "mawk"),
    ("/bin/awk", "mawk"),
    ("/usr/bin/mawk", "mawk"),
    ("/bin/mawk", "mawk"),
    ("/usr/bin/diff", "diff"),
    ("/bin/diff", "diff"),
    ("/usr/bin/cmp", "diff"),
    ("/bin/cmp", "diff"),
    ("/usr/bin/apt", "apt"),
    ("/bin/apt", "apt"),
    ("/usr/bin/apt-get", "apt-get"),
    ("/bin/apt-get", "apt-get"),
    ("/usr/bin/apt-cache", "apt-cache"),
    ("/bin/apt-cache", "apt-cache"),
    ("/usr/bin/apt-config", "apt-config"),
    ("/bin/apt-config", "apt-config"),
    ("/usr/bin/apt-mark", "apt-mark"),
    ("/bin/apt-mark", "apt-mark"),
    ("/usr/bin/apt-key", "apt-key"),
    ("/bin/apt-key", "apt-key"),
    ("/usr/bin/dpkg", "dpkg"),
    ("/bin/dpkg", "dpkg"),
    ("/usr/bin/dpkg-query", "dpkg-query"),
    ("/bin/dpkg-query", "dpkg-query"),
    ("/usr/bin/dpkg-deb", "dpkg"),
    ("/bin/dpkg-deb", "dpkg"),
    ("/usr/bin/getent", "getent"),
    ("/bin/getent", "getent"),
    ("/usr/bin/ldd", "ldd"),
    ("/bin/ldd", "ldd"),
    ("/usr/bin/locale", "locale"),
    ("/bin/locale", "locale"),
    ("/usr/bin/iconv", "iconv"),
    ("/bin/iconv", "iconv"),
    ("/usr/bin/hostname", "coreutils"),
    ("/bin/hostname", "coreutils"),
    ("/usr/bin/which", "which"),
    ("/bin/which", "which"),
    ("/usr/bin/run-parts", "run-parts"),
    ("/bin/run-parts", "run-parts"),
    ("/usr/bin/tempfile", "tempfile"),
    ("/bin/tempfile", "tempfile"),
    ("/usr/bin/clear", "clear"),
    ("/bin/clear", "clear"),
    ("/usr/bin/tput", "tput"),
    ("/bin/tput", "tput"),
    ("/usr/bin/reset", "tput"),
    ("/bin/reset", "tput"),
    ("/usr/bin/su", "su"),
    ("/bin/su", "su"),
    ("/usr/bin/login", "login"),
    ("/bin/login", "login"),
    ("/usr/bin/passwd", "passwd"),
    ("/bin/passwd", "passwd"),
    ("/usr/bin/chsh", "passwd"),
    ("/bin/chsh", "passwd"),
    ("/usr/bin/chfn", "passwd"),
    ("/bin/chfn", "passwd"),
    ("/usr/bin/chage", "passwd"),
    ("/bin/chage", "passwd"),
    ("/usr/bin/newgrp", "passwd"),
    ("/bin/newgrp", "passwd"),
    ("/usr/bin/mount", "mount"),
    ("/bin/mount", "mount"),
    ("/usr/bin/umount", "mount"),
    ("/bin/umount", "mount"),
    ("/usr/bin/more", "more"),
    ("/bin/more", "more"),
    ("/usr/bin/getopt", "getopt"),
    ("/bin/getopt", "getopt"),
    ("/usr/bin/setsid", "setsid"),
    ("/bin/setsid", "setsid"),
    ("/usr/bin/flock", "flock"),
    ("/bin/flock", "flock"),
    ("/usr/bin/nsenter", "nsenter"),
    ("/bin/nsenter", "nsenter"),
    ("/usr/bin/unshare", "unshare"),
    ("/bin/unshare", "unshare"),
    ("/usr/bin/renice", "renice"),
    ("/bin/renice", "renice"),
    ("/usr/bin/ionice", "ionice"),
    ("/bin/ionice", "ionice"),
    ("/usr/bin/taskset", "taskset"),
    ("/bin/taskset", "taskset"),
    ("/usr/bin/script", "script"),
    ("/bin/script", "script"),
    ("/usr/bin/logger", "logger"),
    ("/bin/logger", "logger"),
    ("/usr/bin/mesg", "mesg"),
    ("/bin/mesg", "mesg"),
    ("/usr/bin/lsblk", "lsblk"),
    ("/bin/lsblk", "lsblk"),
    ("/usr/bin/findmnt", "findmnt"),
    ("/bin/findmnt", "findmnt"),
    ("/usr/bin/dmesg", "dmesg"),
    ("/bin/dmesg", "dmesg"),
    ("/usr/bin/perl", "perl"),
    ("/bin/perl", "perl"),
    ("/usr/bin/gpgv", "gpgv"),
    ("/bin/gpgv", "gpgv"),
    ("/usr/bin/debconf", "debconf"),
    ("/bin/debconf", "debconf"),
    ("/usr/bin/pidof", "pidof"),
    ("/bin/pidof", "pidof"),
];

/// Programs of a Debian 12 / Ubuntu image in /usr/sbin, each also under
/// /sbin. The `*-debian` kinds (adduser package) are absent from Ubuntu 24.04.
pub const DEBIAN_SBIN_PROGRAMS: &[(&str, &str)] = &[
    ("/usr/sbin/chroot", "coreutils"),
    ("/sbin/chroot", "coreutils"),
    ("/usr/sbin/useradd", "useradd"),
    ("/sbin/useradd", "useradd"),
    ("/usr/sbin/userdel", "userdel"),
    ("/sbin/userdel", "userdel"),
    ("/usr/sbin/usermod", "usermod"),
    ("/sbin/usermod", "usermod"),
    ("/usr/sbin/groupadd", "groupadd"),
    ("/sbin/groupadd", "groupadd"),
    ("/usr/sbin/groupdel", "groupdel"),
    ("/sbin/groupdel", "groupdel"),
    ("/usr/sbin/groupmod", "groupmod"),
    ("/sbin/groupmod", "groupmod"),
    ("/usr/sbin/chpasswd", "chpasswd"),
    ("/sbin/chpasswd", "chpasswd"),
    ("/usr/sbin/nologin", "nologin"),
    ("/sbin/nologin", "nologin"),
    ("/usr/sbin/ldconfig", "ldconfig"),
    ("/sbin/ldconfig", "ldconfig"),
    ("/usr/sbin/adduser", "adduser-debian"),
    ("/sbin/adduser", "adduser-debian"),
    ("/usr/sbin/addgroup", "addgroup-debian"),
    ("/sbin/addgroup", "addgroup-debian"),
    ("/usr/sbin/deluser", "deluser-debian"),
    ("/sbin/deluser", "deluser-debian"),
    ("/usr/sbin/delgroup", "delgroup-debian"),
    ("/sbin/delgroup", "delgroup-debian"),
    ("/usr/sbin/update-alternatives", "update-alternatives"),
    ("/sbin/update-alternatives", "update-alternatives"),
    ("/usr/sbin/dpkg-reconfigure", "dpkg-reconfigure"),
    ("/sbin/dpkg-reconfigure", "dpkg-reconfigure"),
    ("/usr/sbin/start-stop-daemon", "start-stop-daemon"),
    ("/sbin/start-stop-daemon", "start-stop-daemon"),
    ("/usr/sbin/invoke-rc.d", "invoke-rc.d"),
    ("/sbin/invoke-rc.d", "invoke-rc.d"),
    ("/usr/sbin/update-rc.d", "update-rc.d"),
    ("/sbin/update-rc.d", "update-rc.d"),
    ("/usr/sbin/service", "service"),
    ("/sbin/service", "service"),
    ("/usr/sbin/pam-auth-update", "pam-auth-update"),
    ("/sbin/pam-auth-update", "pam-auth-update"),
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
    shadow: &'static str,
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

const UBUNTU_FOCAL_SOURCES: &str =
    "# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to
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

const UBUNTU_JAMMY_SOURCES: &str =
    "# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to
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
        shadow: DEBIAN_SHADOW,
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
            shadow: UBUNTU_JAMMY_SHADOW,
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
            shadow: UBUNTU_JAMMY_SHADOW,
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
            shadow: UBUNTU_NOBLE_SHADOW,
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

/// The version-dependent texts of an Alpine release: (VERSION_ID, branch,
/// /etc/os-release, /etc/issue, /etc/apk/repositories).
macro_rules! alpine_release {
    ($version:literal, $branch:literal) => {
        (
            $version,
            $branch,
            concat!(
                "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=",
                $version,
                "\nPRETTY_NAME=\"Alpine Linux v",
                $branch,
                "\"\nHOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n"
            ),
            concat!("Welcome to Alpine Linux ", $branch, "\nKernel \\r on an \\m (\\l)\n\n"),
            concat!(
                "https://dl-cdn.alpinelinux.org/alpine/v",
                $branch,
                "/main\nhttps://dl-cdn.alpinelinux.org/alpine/v",
                $branch,
                "/community\n"
            ),
        )
    };
}

/// Alpine releases the catalog knows, and the texts of each.
#[allow(clippy::type_complexity)]
const ALPINE_RELEASES: &[(&str, &str, &str, &str, &str)] = &[
    alpine_release!("3.19.4", "3.19"),
    alpine_release!("3.20.3", "3.20"),
    alpine_release!("3.18.9", "3.18"),
    alpine_release!("3.21.0", "3.21"),
];

/// /etc/alpine-release of each known release.
const ALPINE_RELEASE_FILES: &[(&str, &str)] = &[
    ("3.19.4", "3.19.4\n"),
    ("3.20.3", "3.20.3\n"),
    ("3.18.9", "3.18.9\n"),
    ("3.21.0", "3.21.0\n"),
];

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

/// The folders every Linux root has, then `extra`.
fn root_dirs(out: &mut Vec<BaseFile>, extra: &[&'static str]) {
    for d in [
        "/bin", "/dev", "/etc", "/home", "/lib", "/media", "/mnt", "/opt", "/proc", "/run",
        "/sbin", "/srv", "/sys", "/usr", "/var",
    ] {
        out.push(BaseFile::dir(d, 0o755));
    }
    out.push(BaseFile::dir("/root", 0o700));
    out.push(BaseFile::dir("/tmp", 0o1777));
    for d in extra {
        out.push(BaseFile::dir(d, 0o755));
    }
}

const ALPINE_DIRS: &[&str] = &[
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
];

const ALPINE_SHADOW: &str = "root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nlp:!::0:::::\nsync:!::0:::::\nshutdown:!::0:::::\nhalt:!::0:::::\nmail:!::0:::::\nnews:!::0:::::\nuucp:!::0:::::\ncron:!::0:::::\nftp:!::0:::::\nsshd:!::0:::::\ngames:!::0:::::\nntp:!::0:::::\nguest:!::0:::::\nnobody:!::0:::::\n";

fn alpine(version: &'static str) -> Vec<BaseFile> {
    let (os_release, issue, repositories) = match ALPINE_RELEASES.iter().find(|r| r.0 == version) {
        Some(r) => (r.2, r.3, r.4),
        // Not a release of the catalog: the texts of the default one.
        None => (
            ALPINE_RELEASES[0].2,
            ALPINE_RELEASES[0].3,
            ALPINE_RELEASES[0].4,
        ),
    };
    let release = ALPINE_RELEASE_FILES
        .iter()
        .find(|r| r.0 == version)
        .map_or(ALPINE_RELEASE_FILES[0].1, |r| r.1);
    let mut out = Vec::new();
    root_dirs(&mut out, ALPINE_DIRS);
    out.push(BaseFile::link("/var/run", "/run"));
    out.push(BaseFile::link("/var/spool/mail", "../mail"));
    out.push(BaseFile::link("/var/spool/cron/crontabs", "/etc/crontabs"));
    out.push(BaseFile::text("/etc/os-release", os_release));
    out.push(BaseFile::text("/etc/alpine-release", release));
    out.push(BaseFile::text("/etc/issue", issue));
    out.push(BaseFile::text("/etc/motd", ALPINE_MOTD));
    out.push(BaseFile::text("/etc/passwd", alpine_passwd!()));
    out.push(BaseFile::text("/etc/group", alpine_group!()));
    out.push(BaseFile::secret("/etc/shadow", ALPINE_SHADOW));
    out.push(BaseFile::text("/etc/shells", ALPINE_SHELLS));
    out.push(BaseFile::text("/etc/profile", ALPINE_PROFILE));
    out.push(BaseFile::text("/etc/hostname", "localhost\n"));
    out.push(BaseFile::text("/etc/hosts", HOSTS_PLACEHOLDER));
    out.push(BaseFile::text("/etc/resolv.conf", RESOLV_PLACEHOLDER));
    out.push(BaseFile::text(
        "/etc/fstab",
        "/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n",
    ));
    out.push(BaseFile::text(
        "/etc/securetty",
        "console\ntty1\ntty2\ntty3\ntty4\ntty5\ntty6\n",
    ));
    out.push(BaseFile::text("/etc/apk/arch", "x86_64\n"));
    out.push(BaseFile::text("/etc/apk/repositories", repositories));
    out.push(BaseFile::text("/etc/apk/world", ALPINE_WORLD));
    out.push(BaseFile::link("/etc/mtab", "../proc/mounts"));
    out.push(BaseFile::opaque(
        "/etc/ssl/certs/ca-certificates.crt",
        "ca-bundle",
        222_255,
    ));
    out.push(BaseFile::link(
        "/etc/ssl/cert.pem",
        "certs/ca-certificates.crt",
    ));
    out.push(BaseFile::opaque("/lib/apk/db/installed", "apk-db", 16_924));
    out.push(BaseFile::exec("/lib/ld-musl-x86_64.so.1", "lib"));
    out.push(BaseFile::link(
        "/lib/libc.musl-x86_64.so.1",
        "ld-musl-x86_64.so.1",
    ));
    out.push(BaseFile::exec("/lib/libz.so.1", "lib"));
    out.push(BaseFile::exec("/lib/libcrypto.so.3", "lib"));
    out.push(BaseFile::exec("/lib/libssl.so.3", "lib"));
    out.push(BaseFile::exec("/lib/libapk.so.2.14.0", "lib"));
    for path in ALPINE_APPLETS {
        out.push(BaseFile::exec(path, "busybox"));
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

const DEBIAN_DIRS: &[&str] = &[
    "/boot",
    "/lib64",
    "/lib/x86_64-linux-gnu",
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
];

const DPKG_DOCKER_CFG: &str = "# Docker images are minimal: no documentation, no man pages
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
";

const APT_DOCKER_CLEAN: &str = "DPkg::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true\"; };
APT::Update::Post-Invoke { \"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true\"; };
Dir::Cache::pkgcache \"\";
Dir::Cache::srcpkgcache \"\";
";

fn debian_like(os: Os) -> Vec<BaseFile> {
    let rel = deb_release(os);
    let mut out = Vec::new();
    root_dirs(&mut out, DEBIAN_DIRS);
    if rel.passwd.contains("\nubuntu:x:1000:") {
        out.push(BaseFile::dir("/home/ubuntu", 0o750));
    }
    out.push(BaseFile::link("/var/run", "/run"));
    out.push(BaseFile::text("/etc/os-release", rel.os_release));
    out.push(BaseFile::link(
        "/usr/lib/os-release",
        "../../etc/os-release",
    ));
    out.push(BaseFile::text("/etc/debian_version", rel.debian_version));
    out.push(BaseFile::text("/etc/issue", rel.issue));
    if let Some(lsb) = rel.lsb_release {
        out.push(BaseFile::text("/etc/lsb-release", lsb));
    }
    out.push(BaseFile::text("/etc/passwd", rel.passwd));
    out.push(BaseFile::text("/etc/group", rel.group));
    out.push(BaseFile::secret("/etc/shadow", rel.shadow));
    out.push(BaseFile::text("/etc/shells", DEBIAN_SHELLS));
    out.push(BaseFile::text("/etc/profile", DEBIAN_PROFILE));
    out.push(BaseFile::text("/etc/nsswitch.conf", DEBIAN_NSSWITCH));
    out.push(BaseFile::text("/etc/hostname", "localhost\n"));
    out.push(BaseFile::text("/etc/hosts", HOSTS_PLACEHOLDER));
    out.push(BaseFile::text("/etc/resolv.conf", RESOLV_PLACEHOLDER));
    out.push(BaseFile::text("/etc/timezone", "Etc/UTC\n"));
    out.push(BaseFile::link(
        "/etc/localtime",
        "/usr/share/zoneinfo/Etc/UTC",
    ));
    out.push(BaseFile::link("/etc/mtab", "../proc/self/mounts"));
    out.push(BaseFile::text(rel.sources.0, rel.sources.1));
    out.push(BaseFile::text(
        "/etc/dpkg/dpkg.cfg.d/docker",
        DPKG_DOCKER_CFG,
    ));
    out.push(BaseFile::text(
        "/etc/apt/apt.conf.d/docker-clean",
        APT_DOCKER_CLEAN,
    ));
    out.push(BaseFile::text("/etc/skel/.bashrc", DEBIAN_ROOT_BASHRC));
    out.push(BaseFile::text("/etc/skel/.profile", DEBIAN_ROOT_PROFILE));
    out.push(BaseFile::text("/root/.bashrc", DEBIAN_ROOT_BASHRC));
    out.push(BaseFile::text("/root/.profile", DEBIAN_ROOT_PROFILE));
    out.push(BaseFile::opaque(
        "/var/lib/dpkg/status",
        "dpkg-status",
        70_528,
    ));
    out.push(BaseFile::opaque("/usr/share/zoneinfo/UTC", "tzdata", 114));
    out.push(BaseFile::exec("/usr/lib64/ld-linux-x86-64.so.2", "lib"));
    out.push(BaseFile::exec("/lib64/ld-linux-x86-64.so.2", "lib"));
    out.push(BaseFile::exec("/usr/lib/x86_64-linux-gnu/libc.so.6", "lib"));
    out.push(BaseFile::exec("/lib/x86_64-linux-gnu/libc.so.6", "lib"));
    for (path, kind) in DEBIAN_PROGRAMS {
        out.push(BaseFile::exec(path, kind));
    }
    for (path, kind) in DEBIAN_SBIN_PROGRAMS {
        if rel.adduser || !kind.ends_with("-debian") {
            out.push(BaseFile::exec(path, kind));
        }
    }
    out
}

fn busybox() -> Vec<BaseFile> {
    let mut out = Vec::new();
    for d in [
        "/bin",
        "/dev",
        "/etc",
        "/home",
        "/lib",
        "/lib64",
        "/proc",
        "/sys",
        "/usr",
        "/usr/sbin",
        "/var",
        "/var/spool",
        "/var/spool/mail",
        "/var/www",
    ] {
        out.push(BaseFile::dir(d, 0o755));
    }
    out.push(BaseFile::dir("/root", 0o700));
    out.push(BaseFile::dir("/tmp", 0o1777));
    out.push(BaseFile::text("/etc/passwd", busybox_passwd!()));
    out.push(BaseFile::text("/etc/group", busybox_group!()));
    out.push(BaseFile {
        path: "/etc/shadow",
        kind: BaseKind::Text(BUSYBOX_SHADOW),
        mode: 0o600,
    });
    out.push(BaseFile::text("/etc/hostname", "localhost\n"));
    out.push(BaseFile::text("/etc/hosts", HOSTS_PLACEHOLDER));
    out.push(BaseFile::text("/etc/resolv.conf", RESOLV_PLACEHOLDER));
    out.push(BaseFile::text(
        "/etc/nsswitch.conf",
        "hosts:\t\tfiles dns\n",
    ));
    out.push(BaseFile::link("/etc/mtab", "/proc/mounts"));
    out.push(BaseFile::exec("/lib/libc.so.6", "lib"));
    out.push(BaseFile::exec("/lib64/ld-linux-x86-64.so.2", "lib"));
    for path in BUSYBOX_IMAGE_APPLETS {
        out.push(BaseFile::exec(path, "busybox"));
    }
    out
}

fn distroless() -> Vec<BaseFile> {
    let mut out = Vec::new();
    for d in [
        "/bin",
        "/boot",
        "/dev",
        "/etc",
        "/home",
        "/lib",
        "/proc",
        "/run",
        "/sbin",
        "/sys",
        "/usr",
        "/var",
        "/etc/ssl",
        "/etc/ssl/certs",
        "/usr/share",
        "/usr/share/zoneinfo",
        "/var/lib",
        "/var/lib/dpkg",
        "/var/lib/dpkg/status.d",
    ] {
        out.push(BaseFile::dir(d, 0o755));
    }
    out.push(BaseFile::dir("/home/nonroot", 0o700));
    out.push(BaseFile::dir("/root", 0o700));
    out.push(BaseFile::dir("/tmp", 0o1777));
    out.push(BaseFile::text("/etc/passwd", distroless_passwd!()));
    out.push(BaseFile::text("/etc/group", distroless_group!()));
    out.push(BaseFile::text("/etc/os-release", DISTROLESS_OS_RELEASE));
    out.push(BaseFile::text(
        "/etc/nsswitch.conf",
        "passwd:         files\ngroup:          files\nshadow:         files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n",
    ));
    out.push(BaseFile::opaque(
        "/etc/ssl/certs/ca-certificates.crt",
        "ca-bundle",
        213_777,
    ));
    out.push(BaseFile::opaque("/usr/share/zoneinfo/UTC", "tzdata", 114));
    out.push(BaseFile::opaque(
        "/var/lib/dpkg/status.d/base-files",
        "dpkg-status",
        1_101,
    ));
    out.push(BaseFile::opaque(
        "/var/lib/dpkg/status.d/netbase",
        "dpkg-status",
        671,
    ));
    out.push(BaseFile::opaque(
        "/var/lib/dpkg/status.d/tzdata",
        "dpkg-status",
        1_087,
    ));
    out
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
        Os::Ubuntu("20.04") | Os::Ubuntu("22.04") => {
            crate::packages_data::UBUNTU_JAMMY_BASE_PACKAGES
        }
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
        assert_eq!(
            find(&files, "/bin/sh").map(|f| &f.kind),
            Some(&BaseKind::Exec("busybox"))
        );
        assert_eq!(
            find(&files, "/bin/busybox").map(|f| &f.kind),
            Some(&BaseKind::Exec("busybox"))
        );
        let rel = text(&files, "/etc/os-release");
        assert!(rel.lines().any(|l| l == "NAME=\"Alpine Linux\""));
        assert!(rel.lines().any(|l| l == "VERSION_ID=3.19.4"));
        assert!(rel
            .lines()
            .any(|l| l == "PRETTY_NAME=\"Alpine Linux v3.19\""));
        assert_eq!(text(&files, "/etc/alpine-release"), "3.19.4\n");
        assert!(text(&files, "/etc/apk/repositories").contains("/alpine/v3.19/main"));
        assert!(
            text(&files, "/etc/passwd").contains("nobody:x:65534:65534:nobody:/:/sbin/nologin\n")
        );
        for p in [
            "/usr/bin/wget",
            "/usr/bin/nslookup",
            "/bin/ping",
            "/sbin/ip",
            "/usr/bin/nc",
            "/bin/vi",
            "/usr/sbin/adduser",
        ] {
            assert_eq!(
                find(&files, p).map(|f| &f.kind),
                Some(&BaseKind::Exec("busybox")),
                "{p}"
            );
        }
        assert_eq!(
            find(&files, "/sbin/apk").map(|f| &f.kind),
            Some(&BaseKind::Exec("apk"))
        );
        assert_eq!(
            find(&files, "/usr/bin/getent").map(|f| &f.kind),
            Some(&BaseKind::Exec("getent"))
        );
        for absent in [
            "/bin/bash",
            "/usr/bin/bash",
            "/usr/bin/curl",
            "/usr/bin/apt-get",
        ] {
            assert!(
                find(&files, absent).is_none(),
                "{absent} must not exist on alpine"
            );
        }
        assert_eq!(find(&files, "/tmp").map(|f| f.mode), Some(0o1777));
    }

    #[test]
    fn debian_has_bash_coreutils_and_lacks_network_tools() {
        let files = base_files(Os::Debian("bookworm"));
        let rel = text(&files, "/etc/os-release");
        assert!(rel.starts_with("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"));
        assert_eq!(text(&files, "/etc/debian_version"), "12.7\n");
        assert_eq!(
            find(&files, "/bin/bash").map(|f| &f.kind),
            Some(&BaseKind::Exec("bash"))
        );
        assert_eq!(
            find(&files, "/usr/bin/bash").map(|f| &f.kind),
            Some(&BaseKind::Exec("bash"))
        );
        assert_eq!(
            find(&files, "/bin/sh").map(|f| &f.kind),
            Some(&BaseKind::Exec("dash"))
        );
        assert_eq!(
            find(&files, "/usr/bin/ls").map(|f| &f.kind),
            Some(&BaseKind::Exec("coreutils"))
        );
        assert_eq!(
            find(&files, "/usr/sbin/useradd").map(|f| &f.kind),
            Some(&BaseKind::Exec("useradd"))
        );
        assert_eq!(
            find(&files, "/usr/sbin/adduser").map(|f| &f.kind),
            Some(&BaseKind::Exec("adduser-debian"))
        );
        for absent in [
            "ps", "top", "free", "ping", "curl", "wget", "ip", "nc", "less", "vi", "nano",
        ] {
            for dir in ["/bin", "/usr/bin", "/sbin", "/usr/sbin"] {
                let p = format!("{dir}/{absent}");
                assert!(find(&files, &p).is_none(), "{p} must not exist on debian");
            }
        }
        assert_eq!(
            find(&files, "/var/lib/apt/lists").map(|f| &f.kind),
            Some(&BaseKind::Dir)
        );
        assert!(!files
            .iter()
            .any(|f| f.path.starts_with("/var/lib/apt/lists/")));
        assert!(text(&files, "/etc/passwd")
            .contains("_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n"));
    }

    #[test]
    fn ubuntu_releases_differ() {
        let jammy = base_files(Os::Ubuntu("22.04"));
        assert!(text(&jammy, "/etc/os-release").contains("VERSION_ID=\"22.04\""));
        assert!(text(&jammy, "/etc/lsb-release").contains("DISTRIB_CODENAME=jammy"));
        assert!(find(&jammy, "/usr/sbin/adduser").is_some());
        let noble = base_files(Os::Ubuntu("24.04"));
        assert!(text(&noble, "/etc/os-release").contains("VERSION_CODENAME=noble"));
        assert!(text(&noble, "/etc/passwd")
            .contains("ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n"));
        assert!(
            find(&noble, "/usr/sbin/adduser").is_none(),
            "ubuntu 24.04 has no adduser"
        );
        assert!(find(&noble, "/usr/sbin/useradd").is_some());
    }

    #[test]
    fn busybox_distroless_scratch() {
        let bb = base_files(Os::Busybox);
        assert!(find(&bb, "/etc/os-release").is_none());
        assert_eq!(
            find(&bb, "/bin/sh").map(|f| &f.kind),
            Some(&BaseKind::Exec("busybox"))
        );
        assert_eq!(
            find(&bb, "/bin/wget").map(|f| &f.kind),
            Some(&BaseKind::Exec("busybox"))
        );
        assert!(find(&bb, "/sbin/apk").is_none());
        let dl = base_files(Os::Distroless);
        assert!(text(&dl, "/etc/passwd").contains("nonroot:x:65532:65532:"));
        assert!(text(&dl, "/etc/os-release").contains("PRETTY_NAME=\"Distroless\""));
        assert!(
            !dl.iter().any(|f| matches!(f.kind, BaseKind::Exec(_))),
            "distroless has no program"
        );
        assert!(base_files(Os::Scratch).is_empty());
    }

    #[test]
    fn paths_are_absolute_unique_and_parents_exist() {
        for os in [
            Os::Alpine("3.19.4"),
            Os::Debian("bookworm"),
            Os::Ubuntu("20.04"),
            Os::Ubuntu("22.04"),
            Os::Ubuntu("24.04"),
            Os::Busybox,
            Os::Distroless,
        ] {
            let files = base_files(os);
            let mut seen = std::collections::HashSet::new();
            for f in &files {
                assert!(
                    f.path.starts_with('/') && !f.path.ends_with('/'),
                    "{os:?}: {}",
                    f.path
                );
                assert!(seen.insert(f.path), "{os:?}: duplicate {}", f.path);
                let parent = &f.path[..f.path.rfind('/').unwrap()];
                if !parent.is_empty() {
                    assert!(
                        files
                            .iter()
                            .any(|d| d.path == parent && d.kind == BaseKind::Dir),
                        "{os:?}: parent of {} is not a folder",
                        f.path
                    );
                }
            }
        }
    }

    #[test]
    fn base_packages_present() {
        assert!(base_packages(Os::Alpine("3.19.4"))
            .iter()
            .any(|p| p.0 == "busybox"));
        assert!(base_packages(Os::Debian("bookworm"))
            .iter()
            .any(|p| p.0 == "bash"));
        assert!(!base_packages(Os::Debian("bookworm"))
            .iter()
            .any(|p| p.0 == "procps"));
        assert!(base_packages(Os::Ubuntu("24.04"))
            .iter()
            .any(|p| p.0 == "coreutils"));
        assert!(base_packages(Os::Busybox).is_empty());
    }
}
