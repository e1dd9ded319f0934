//! The system package catalog: what `apk add` (Alpine 3.19) and
//! `apt-get install` (Debian 12 "bookworm"; also used for Ubuntu images)
//! can install. Pure data.
//!
//! Sources: the apt part (names, versions, installed and download sizes,
//! Depends and Recommends) was read from Debian bookworm's package index
//! (bookworm, bookworm-updates and bookworm-security), for the dependency
//! closure, recommends included, of the packages learners commonly install.
//! The apk part is Alpine 3.19's main/community as of late 2024, sizes
//! rounded to the KiB as `apk info -s` shows them.
//!
//! Conventions:
//! - `deps` and `recommends` name packages of the same manager. Packages
//!   already in every base of that family (see
//!   [`DEBIAN_BASE_PACKAGES`] and `baseos::ALPINE_BASE_PACKAGES`) are left
//!   out of `deps`: they are always installed.
//! - `provides` are other names `apk add`/`apt-get install` accept for the
//!   package (`apk add procps` installs procps-ng).
//! - `programs` are (absolute path, program kind); Debian packages list
//!   both the /usr/bin and the /bin path (merged /usr, see `baseos`).
//! - `npm` (apt) folds its 373 node-* dependencies into its own size
//!   instead of listing them.
//! - Transitional packages are real: `dnsutils` only depends on
//!   `bind9-dnsutils`, `postgresql-client` on `postgresql-client-15`.

/// Which package manager a package belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PkgManager {
    /// Alpine's apk.
    Apk,
    /// Debian/Ubuntu's apt/dpkg.
    Apt,
}

/// One installable package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Package {
    pub name: &'static str,
    pub manager: PkgManager,
    pub version: &'static str,
    /// Installed size in bytes ("After this operation, N kB of additional
    /// disk space will be used", `apk info -s`).
    pub size: u64,
    /// Size of the archive to download in bytes ("Need to get N kB of
    /// archives").
    pub download: u64,
    /// Executables it installs: (absolute path, program kind).
    pub programs: &'static [(&'static str, &'static str)],
    /// Packages it depends on (not counting those every base has).
    pub deps: &'static [&'static str],
    /// apt Recommends (installed unless --no-install-recommends). Empty for apk.
    pub recommends: &'static [&'static str],
    /// Other names that install this package.
    pub provides: &'static [&'static str],
}

/// The package named `name` (or providing it) for a manager.
pub fn find(manager: PkgManager, name: &str) -> Option<&'static Package> {
    PACKAGES
        .iter()
        .find(|p| p.manager == manager && p.name == name)
        .or_else(|| PACKAGES.iter().find(|p| p.manager == manager && p.provides.contains(&name)))
}

/// Every package, apt ones first.
pub static PACKAGES: &[Package] = &[
    // --- apt (Debian 12 bookworm) ---
    Package { name: "apt-transport-https", manager: Apt, version: "2.6.2", size: 35840, download: 25604, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "bind9-dnsutils", manager: Apt, version: "1:9.18.49-1~deb12u3", size: 513024, download: 158488, programs: &[("/usr/bin/dig", "dig"), ("/bin/dig", "dig"), ("/usr/bin/nslookup", "nslookup-bind"), ("/bin/nslookup", "nslookup-bind"), ("/usr/bin/host", "host"), ("/bin/host", "host"), ("/usr/bin/nsupdate", "bind-tools"), ("/bin/nsupdate", "bind-tools"), ("/usr/bin/delv", "bind-tools"), ("/bin/delv", "bind-tools")], deps: &["bind9-host", "bind9-libs", "libedit2", "libjemalloc2", "libkrb5-3", "libprotobuf-c1"], recommends: &[], provides: &[] },
    Package { name: "bind9-host", manager: Apt, version: "1:9.18.49-1~deb12u3", size: 150528, download: 57620, programs: &[], deps: &["bind9-libs", "libjemalloc2"], recommends: &[], provides: &[] },
    Package { name: "bind9-libs", manager: Apt, version: "1:9.18.49-1~deb12u3", size: 3593216, download: 1185996, programs: &[], deps: &["libuv1", "libfstrm0", "libgssapi-krb5-2", "libjemalloc2", "libjson-c5", "libkrb5-3", "liblmdb0", "libmaxminddb0", "libnghttp2-14", "libprotobuf-c1", "libssl3", "libxml2"], recommends: &[], provides: &[] },
    Package { name: "binutils", manager: Apt, version: "2.40-2", size: 111616, download: 64980, programs: &[("/usr/bin/ld", "binutils"), ("/bin/ld", "binutils"), ("/usr/bin/as", "binutils"), ("/bin/as", "binutils"), ("/usr/bin/ar", "binutils"), ("/bin/ar", "binutils"), ("/usr/bin/nm", "binutils"), ("/bin/nm", "binutils"), ("/usr/bin/objdump", "binutils"), ("/bin/objdump", "binutils"), ("/usr/bin/objcopy", "binutils"), ("/bin/objcopy", "binutils"), ("/usr/bin/strip", "binutils"), ("/bin/strip", "binutils"), ("/usr/bin/ranlib", "binutils"), ("/bin/ranlib", "binutils"), ("/usr/bin/readelf", "binutils"), ("/bin/readelf", "binutils"), ("/usr/bin/size", "binutils"), ("/bin/size", "binutils"), ("/usr/bin/strings", "binutils"), ("/bin/strings", "binutils"), ("/usr/bin/addr2line", "binutils"), ("/bin/addr2line", "binutils"), ("/usr/bin/gprof", "binutils"), ("/bin/gprof", "binutils")], deps: &["binutils-common", "libbinutils", "binutils-x86-64-linux-gnu"], recommends: &[], provides: &[] },
    Package { name: "binutils-common", manager: Apt, version: "2.40-2", size: 15381504, download: 2486664, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "binutils-x86-64-linux-gnu", manager: Apt, version: "2.40-2", size: 11702272, download: 2245848, programs: &[], deps: &["binutils-common", "libbinutils", "libctf-nobfd0", "libctf0", "libgprofng0", "libjansson4"], recommends: &[], provides: &[] },
    Package { name: "bsdextrautils", manager: Apt, version: "2.38.1-5+deb12u3", size: 345088, download: 86968, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "build-essential", manager: Apt, version: "12.9", size: 20480, download: 7704, programs: &[], deps: &["libc6-dev", "gcc", "g++", "make", "dpkg-dev"], recommends: &[], provides: &[] },
    Package { name: "bzip2", manager: Apt, version: "1.0.8-5+b1", size: 123904, download: 49804, programs: &[("/usr/bin/bzip2", "bzip2"), ("/bin/bzip2", "bzip2"), ("/usr/bin/bunzip2", "bzip2"), ("/bin/bunzip2", "bzip2"), ("/usr/bin/bzcat", "bzip2"), ("/bin/bzcat", "bzip2"), ("/usr/bin/bzip2recover", "bzip2"), ("/bin/bzip2recover", "bzip2")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "ca-certificates", manager: Apt, version: "20250419~deb12u2", size: 397312, download: 160948, programs: &[("/usr/sbin/update-ca-certificates", "update-ca-certificates"), ("/sbin/update-ca-certificates", "update-ca-certificates")], deps: &["openssl"], recommends: &[], provides: &[] },
    Package { name: "cowsay", manager: Apt, version: "3.03+dfsg2-8", size: 94208, download: 21372, programs: &[("/usr/games/cowsay", "cowsay"), ("/usr/games/cowthink", "cowsay")], deps: &["libtext-charwidth-perl", "perl"], recommends: &[], provides: &[] },
    Package { name: "cpp", manager: Apt, version: "4:12.2.0-3", size: 30720, download: 6836, programs: &[("/usr/bin/cpp", "cpp"), ("/bin/cpp", "cpp")], deps: &["cpp-12"], recommends: &[], provides: &[] },
    Package { name: "cpp-12", manager: Apt, version: "12.2.0-14+deb12u1", size: 34660352, download: 9767788, programs: &[("/usr/bin/cpp-12", "cpp"), ("/bin/cpp-12", "cpp")], deps: &["libisl23", "libmpc3", "libmpfr6"], recommends: &[], provides: &[] },
    Package { name: "curl", manager: Apt, version: "7.88.1-10+deb12u15", size: 500736, download: 315764, programs: &[("/usr/bin/curl", "curl"), ("/bin/curl", "curl")], deps: &["libcurl4"], recommends: &[], provides: &[] },
    Package { name: "dbus", manager: Apt, version: "1.14.10-1~deb12u1", size: 186368, download: 97360, programs: &[], deps: &["dbus-bin", "dbus-daemon", "dbus-system-bus-common", "libdbus-1-3", "libexpat1"], recommends: &[], provides: &[] },
    Package { name: "dbus-bin", manager: Apt, version: "1.14.10-1~deb12u1", size: 218112, download: 105356, programs: &[], deps: &["libdbus-1-3"], recommends: &[], provides: &[] },
    Package { name: "dbus-daemon", manager: Apt, version: "1.14.10-1~deb12u1", size: 384000, download: 183656, programs: &[], deps: &["dbus-bin", "dbus-session-bus-common", "libapparmor1", "libdbus-1-3", "libexpat1"], recommends: &[], provides: &[] },
    Package { name: "dbus-session-bus-common", manager: Apt, version: "1.14.10-1~deb12u1", size: 109568, download: 78232, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "dbus-system-bus-common", manager: Apt, version: "1.14.10-1~deb12u1", size: 121856, download: 79344, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "default-mysql-client", manager: Apt, version: "1.1.0", size: 9216, download: 2852, programs: &[], deps: &["mariadb-client"], recommends: &[], provides: &[] },
    Package { name: "dirmngr", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 1360896, download: 792544, programs: &[("/usr/bin/dirmngr", "gpg"), ("/bin/dirmngr", "gpg")], deps: &["gpgconf", "libassuan0", "libksba8", "libldap-2.5-0", "libnpth0"], recommends: &["gnupg"], provides: &[] },
    Package { name: "dnsutils", manager: Apt, version: "1:9.18.49-1~deb12u3", size: 26624, download: 14224, programs: &[], deps: &["bind9-dnsutils"], recommends: &[], provides: &[] },
    Package { name: "dpkg-dev", manager: Apt, version: "1.21.23", size: 1769472, download: 1354256, programs: &[("/usr/bin/dpkg-buildpackage", "dpkg-dev"), ("/bin/dpkg-buildpackage", "dpkg-dev"), ("/usr/bin/dpkg-architecture", "dpkg-dev"), ("/bin/dpkg-architecture", "dpkg-dev"), ("/usr/bin/dpkg-source", "dpkg-dev"), ("/bin/dpkg-source", "dpkg-dev"), ("/usr/bin/dpkg-shlibdeps", "dpkg-dev"), ("/bin/dpkg-shlibdeps", "dpkg-dev"), ("/usr/bin/dpkg-gencontrol", "dpkg-dev"), ("/bin/dpkg-gencontrol", "dpkg-dev")], deps: &["perl", "libdpkg-perl", "bzip2", "xz-utils", "patch", "make", "binutils"], recommends: &["build-essential", "gcc", "fakeroot", "gnupg", "libalgorithm-merge-perl"], provides: &[] },
    Package { name: "dumb-init", manager: Apt, version: "1.2.5-2", size: 37888, download: 14052, programs: &[("/usr/bin/dumb-init", "dumb-init"), ("/bin/dumb-init", "dumb-init")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "fakeroot", manager: Apt, version: "1.31-1.2", size: 212992, download: 66912, programs: &[], deps: &["libfakeroot"], recommends: &[], provides: &[] },
    Package { name: "file", manager: Apt, version: "1:5.44-3", size: 80896, download: 42472, programs: &[("/usr/bin/file", "file"), ("/bin/file", "file")], deps: &["libmagic1"], recommends: &[], provides: &[] },
    Package { name: "fontconfig-config", manager: Apt, version: "2.14.1-4", size: 539648, download: 314864, programs: &[], deps: &["fonts-dejavu-core"], recommends: &[], provides: &[] },
    Package { name: "fonts-dejavu-core", manager: Apt, version: "2.37-6", size: 3031040, download: 1067728, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "g++", manager: Apt, version: "4:12.2.0-3", size: 14336, download: 1356, programs: &[("/usr/bin/g++", "g++"), ("/bin/g++", "g++"), ("/usr/bin/c++", "g++"), ("/bin/c++", "g++"), ("/usr/bin/x86_64-linux-gnu-g++", "g++"), ("/bin/x86_64-linux-gnu-g++", "g++")], deps: &["cpp", "gcc", "g++-12", "gcc-12"], recommends: &[], provides: &[] },
    Package { name: "g++-12", manager: Apt, version: "12.2.0-14+deb12u1", size: 37028864, download: 10694076, programs: &[("/usr/bin/g++-12", "g++"), ("/bin/g++-12", "g++"), ("/usr/bin/x86_64-linux-gnu-g++-12", "g++"), ("/bin/x86_64-linux-gnu-g++-12", "g++")], deps: &["gcc-12", "libstdc++-12-dev", "libisl23", "libmpc3", "libmpfr6"], recommends: &[], provides: &[] },
    Package { name: "gcc", manager: Apt, version: "4:12.2.0-3", size: 48128, download: 5216, programs: &[("/usr/bin/gcc", "gcc"), ("/bin/gcc", "gcc"), ("/usr/bin/cc", "gcc"), ("/bin/cc", "gcc"), ("/usr/bin/c89", "gcc"), ("/bin/c89", "gcc"), ("/usr/bin/c99", "gcc"), ("/bin/c99", "gcc"), ("/usr/bin/x86_64-linux-gnu-gcc", "gcc"), ("/bin/x86_64-linux-gnu-gcc", "gcc")], deps: &["cpp", "gcc-12"], recommends: &["libc6-dev"], provides: &[] },
    Package { name: "gcc-12", manager: Apt, version: "12.2.0-14+deb12u1", size: 69873664, download: 19268852, programs: &[("/usr/bin/gcc-12", "gcc"), ("/bin/gcc-12", "gcc"), ("/usr/bin/x86_64-linux-gnu-gcc-12", "gcc"), ("/bin/x86_64-linux-gnu-gcc-12", "gcc")], deps: &["cpp-12", "libcc1-0", "binutils", "libgcc-12-dev", "libisl23", "libmpc3", "libmpfr6"], recommends: &["libc6-dev"], provides: &[] },
    Package { name: "git", manager: Apt, version: "1:2.39.5-0+deb12u3", size: 45967360, download: 7264380, programs: &[("/usr/bin/git", "git"), ("/bin/git", "git"), ("/usr/bin/git-shell", "git"), ("/bin/git-shell", "git"), ("/usr/bin/git-receive-pack", "git"), ("/bin/git-receive-pack", "git"), ("/usr/bin/git-upload-pack", "git"), ("/bin/git-upload-pack", "git"), ("/usr/bin/git-upload-archive", "git"), ("/bin/git-upload-archive", "git")], deps: &["libcurl3-gnutls", "libexpat1", "perl", "liberror-perl", "git-man"], recommends: &["ca-certificates", "patch", "less", "openssh-client"], provides: &[] },
    Package { name: "git-man", manager: Apt, version: "1:2.39.5-0+deb12u3", size: 2157568, download: 2053236, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "gnupg", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 907264, download: 846132, programs: &[], deps: &["dirmngr", "gnupg-l10n", "gnupg-utils", "gpg", "gpg-agent", "gpg-wks-client", "gpg-wks-server", "gpgsm"], recommends: &[], provides: &[] },
    Package { name: "gnupg-l10n", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 4992000, download: 1092644, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "gnupg-utils", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 1881088, download: 927232, programs: &[], deps: &["libassuan0", "libksba8", "libreadline8"], recommends: &["gpg", "gpg-agent", "gpgconf", "gpgsm"], provides: &[] },
    Package { name: "gosu", manager: Apt, version: "1.14-1+b10", size: 2237440, download: 766280, programs: &[("/usr/sbin/gosu", "gosu"), ("/sbin/gosu", "gosu")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "gpg", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 1619968, download: 949888, programs: &[("/usr/bin/gpg", "gpg"), ("/bin/gpg", "gpg")], deps: &["gpgconf", "libassuan0", "libreadline8", "libsqlite3-0"], recommends: &["gnupg"], provides: &[] },
    Package { name: "gpg-agent", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 1381376, download: 694596, programs: &[], deps: &["gpgconf", "pinentry-curses", "libassuan0", "libnpth0"], recommends: &["gnupg"], provides: &[] },
    Package { name: "gpg-wks-client", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 699392, download: 540932, programs: &[], deps: &["dirmngr", "gpg", "gpg-agent", "libassuan0"], recommends: &["gnupg"], provides: &[] },
    Package { name: "gpg-wks-server", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 673792, download: 531476, programs: &[], deps: &["gpg", "gpg-agent"], recommends: &["gnupg"], provides: &[] },
    Package { name: "gpgconf", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 823296, download: 564852, programs: &[("/usr/bin/gpgconf", "gpg"), ("/bin/gpgconf", "gpg")], deps: &["libassuan0", "libreadline8"], recommends: &[], provides: &[] },
    Package { name: "gpgsm", manager: Apt, version: "2.2.40-1.1+deb12u2", size: 1016832, download: 671420, programs: &[], deps: &["gpgconf", "libassuan0", "libksba8", "libreadline8"], recommends: &["gnupg"], provides: &[] },
    Package { name: "groff-base", manager: Apt, version: "1.22.4-10", size: 3761152, download: 915864, programs: &[], deps: &["libuchardet0"], recommends: &[], provides: &[] },
    Package { name: "htop", manager: Apt, version: "3.2.2-2", size: 387072, download: 152412, programs: &[("/usr/bin/htop", "htop"), ("/bin/htop", "htop")], deps: &["libncursesw6", "libnl-3-200", "libnl-genl-3-200"], recommends: &[], provides: &[] },
    Package { name: "inetutils-telnet", manager: Apt, version: "2:2.4-2+deb12u3", size: 263168, download: 120880, programs: &[("/usr/bin/telnet", "telnet"), ("/bin/telnet", "telnet"), ("/usr/bin/inetutils-telnet", "telnet"), ("/bin/inetutils-telnet", "telnet")], deps: &["libk5crypto3", "libkrb5-3", "netbase"], recommends: &[], provides: &[] },
    Package { name: "iproute2", manager: Apt, version: "6.1.0-3", size: 3600384, download: 1045828, programs: &[("/usr/bin/ip", "ip-iproute2"), ("/bin/ip", "ip-iproute2"), ("/usr/bin/ss", "ss"), ("/bin/ss", "ss"), ("/usr/bin/bridge", "bridge"), ("/bin/bridge", "bridge"), ("/usr/sbin/tc", "tc"), ("/sbin/tc", "tc")], deps: &["libbpf1", "libbsd0", "libelf1", "libmnl0", "libtirpc3", "libxtables12", "libcap2-bin"], recommends: &["libatm1"], provides: &[] },
    Package { name: "iputils-ping", manager: Apt, version: "3:20221126-1+deb12u1", size: 123904, download: 47172, programs: &[("/usr/bin/ping", "ping-iputils"), ("/bin/ping", "ping-iputils")], deps: &["libcap2-bin"], recommends: &[], provides: &[] },
    Package { name: "javascript-common", manager: Apt, version: "11+nmu1", size: 33792, download: 6260, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "jq", manager: Apt, version: "1.6-2.1+deb12u3", size: 113664, download: 64432, programs: &[("/usr/bin/jq", "jq"), ("/bin/jq", "jq")], deps: &["libjq1"], recommends: &[], provides: &[] },
    Package { name: "krb5-locales", manager: Apt, version: "1.20.1-2+deb12u5", size: 279552, download: 63520, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "less", manager: Apt, version: "590-2.1~deb12u2", size: 320512, download: 132044, programs: &[("/usr/bin/less", "less"), ("/bin/less", "less"), ("/usr/bin/lessecho", "less"), ("/bin/lessecho", "less"), ("/usr/bin/lesskey", "less"), ("/bin/lesskey", "less"), ("/usr/bin/lesspipe", "less"), ("/bin/lesspipe", "less"), ("/usr/bin/pager", "less"), ("/bin/pager", "less")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libabsl20220623", manager: Apt, version: "20220623.1-1+deb12u2", size: 1958912, download: 390704, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libalgorithm-diff-perl", manager: Apt, version: "1.201-1", size: 132096, download: 43296, programs: &[], deps: &["perl"], recommends: &["libalgorithm-diff-xs-perl"], provides: &[] },
    Package { name: "libalgorithm-diff-xs-perl", manager: Apt, version: "0.04-8+b1", size: 48128, download: 11440, programs: &[], deps: &["perl", "libalgorithm-diff-perl"], recommends: &[], provides: &[] },
    Package { name: "libalgorithm-merge-perl", manager: Apt, version: "0.08-5", size: 44032, download: 11788, programs: &[], deps: &["perl", "libalgorithm-diff-perl"], recommends: &[], provides: &[] },
    Package { name: "libaom3", manager: Apt, version: "3.6.0-1+deb12u3", size: 5679104, download: 1851316, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libapparmor1", manager: Apt, version: "3.0.8-3", size: 111616, download: 41192, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libasan8", manager: Apt, version: "12.2.0-14+deb12u1", size: 8209408, download: 2192652, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libassuan0", manager: Apt, version: "2.5.5-5", size: 119808, download: 48464, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libatm1", manager: Apt, version: "1:2.5.1-4+b2", size: 109568, download: 68312, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libatomic1", manager: Apt, version: "12.2.0-14+deb12u1", size: 46080, download: 9376, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libavif15", manager: Apt, version: "0.11.1-1+deb12u1", size: 207872, download: 94396, programs: &[], deps: &["libaom3", "libdav1d6", "libgav1-1", "librav1e0", "libsvtav1enc1", "libyuv0"], recommends: &[], provides: &[] },
    Package { name: "libbinutils", manager: Apt, version: "2.40-2", size: 2528256, download: 572104, programs: &[], deps: &["binutils-common"], recommends: &[], provides: &[] },
    Package { name: "libbpf1", manager: Apt, version: "1:1.1.2-0+deb12u1", size: 394240, download: 145032, programs: &[], deps: &["libelf1"], recommends: &[], provides: &[] },
    Package { name: "libbrotli1", manager: Apt, version: "1.0.9-2+deb12u1", size: 801792, download: 274704, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libbsd0", manager: Apt, version: "0.11.7-2", size: 206848, download: 117416, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libc-ares2", manager: Apt, version: "1.18.1-3", size: 173056, download: 102484, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libc-dev-bin", manager: Apt, version: "2.36-9+deb12u14", size: 96256, download: 48056, programs: &[], deps: &[], recommends: &["manpages", "manpages-dev", "libc-devtools"], provides: &[] },
    Package { name: "libc-devtools", manager: Apt, version: "2.36-9+deb12u14", size: 141312, download: 55684, programs: &[], deps: &["libgd3"], recommends: &["manpages", "manpages-dev"], provides: &[] },
    Package { name: "libc-l10n", manager: Apt, version: "2.36-9+deb12u14", size: 4454400, download: 676384, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libc6-dev", manager: Apt, version: "2.36-9+deb12u14", size: 12262400, download: 1903668, programs: &[], deps: &["libc-dev-bin", "linux-libc-dev", "libcrypt-dev", "libnsl-dev", "rpcsvc-proto"], recommends: &[], provides: &[] },
    Package { name: "libcap2-bin", manager: Apt, version: "1:2.66-4+deb12u3+b1", size: 136192, download: 35220, programs: &[], deps: &[], recommends: &["libpam-cap"], provides: &[] },
    Package { name: "libcbor0.8", manager: Apt, version: "0.8.0-2+b1", size: 100352, download: 27436, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libcc1-0", manager: Apt, version: "12.2.0-14+deb12u1", size: 139264, download: 41736, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libconfig-inifiles-perl", manager: Apt, version: "3.000003-2+deb12u1", size: 125952, download: 45984, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libcrypt-dev", manager: Apt, version: "1:4.4.33-2", size: 349184, download: 118144, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libctf-nobfd0", manager: Apt, version: "2.40-2", size: 308224, download: 153384, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libctf0", manager: Apt, version: "2.40-2", size: 237568, download: 89796, programs: &[], deps: &["libbinutils"], recommends: &[], provides: &[] },
    Package { name: "libcurl3-gnutls", manager: Apt, version: "7.88.1-10+deb12u15", size: 847872, download: 386008, programs: &[], deps: &["libbrotli1", "libgssapi-krb5-2", "libldap-2.5-0", "libnghttp2-14", "libpsl5", "librtmp1", "libssh2-1"], recommends: &["ca-certificates"], provides: &[] },
    Package { name: "libcurl4", manager: Apt, version: "7.88.1-10+deb12u15", size: 860160, download: 392184, programs: &[], deps: &["libbrotli1", "libgssapi-krb5-2", "libldap-2.5-0", "libnghttp2-14", "libpsl5", "librtmp1", "libssh2-1", "libssl3"], recommends: &["ca-certificates"], provides: &[] },
    Package { name: "libdav1d6", manager: Apt, version: "1.0.0-2+deb12u1", size: 1654784, download: 513432, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libdbd-mariadb-perl", manager: Apt, version: "1.22-1+b1", size: 269312, download: 93772, programs: &[], deps: &["perl", "libdbi-perl", "libmariadb3"], recommends: &[], provides: &[] },
    Package { name: "libdbi-perl", manager: Apt, version: "1.643-4+deb12u3", size: 2206720, download: 774456, programs: &[], deps: &["perl"], recommends: &[], provides: &[] },
    Package { name: "libdbus-1-3", manager: Apt, version: "1.14.10-1~deb12u1", size: 479232, download: 201240, programs: &[], deps: &[], recommends: &["dbus"], provides: &[] },
    Package { name: "libde265-0", manager: Apt, version: "1.0.11-1+deb12u3", size: 482304, download: 186436, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libdeflate0", manager: Apt, version: "1.14-1", size: 164864, download: 61416, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libdpkg-perl", manager: Apt, version: "1.21.23", size: 2034688, download: 603796, programs: &[], deps: &["perl"], recommends: &["libfile-fcntllock-perl", "liblocale-gettext-perl", "bzip2", "xz-utils"], provides: &[] },
    Package { name: "libedit2", manager: Apt, version: "3.1-20221030-2", size: 264192, download: 92992, programs: &[], deps: &["libbsd0"], recommends: &[], provides: &[] },
    Package { name: "libelf1", manager: Apt, version: "0.188-2.1", size: 1060864, download: 173796, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "liberror-perl", manager: Apt, version: "0.17029-2", size: 74752, download: 29032, programs: &[], deps: &["perl"], recommends: &[], provides: &[] },
    Package { name: "libexpat1", manager: Apt, version: "2.5.0-1+deb12u5", size: 423936, download: 107940, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libexpat1-dev", manager: Apt, version: "2.5.0-1+deb12u5", size: 865280, download: 159408, programs: &[], deps: &["libexpat1", "libc6-dev"], recommends: &[], provides: &[] },
    Package { name: "libfakeroot", manager: Apt, version: "1.31-1.2", size: 147456, download: 28328, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libfido2-1", manager: Apt, version: "1.12.0-2+b1", size: 246784, download: 77216, programs: &[], deps: &["libcbor0.8", "libssl3"], recommends: &[], provides: &[] },
    Package { name: "libfile-fcntllock-perl", manager: Apt, version: "0.22-4+b1", size: 132096, download: 34848, programs: &[], deps: &["perl"], recommends: &[], provides: &[] },
    Package { name: "libfontconfig1", manager: Apt, version: "2.14.1-4", size: 592896, download: 385664, programs: &[], deps: &["libexpat1", "libfreetype6", "fontconfig-config"], recommends: &[], provides: &[] },
    Package { name: "libfreetype6", manager: Apt, version: "2.12.1+dfsg-5+deb12u4", size: 907264, download: 397736, programs: &[], deps: &["libbrotli1", "libpng16-16"], recommends: &[], provides: &[] },
    Package { name: "libfstrm0", manager: Apt, version: "0.6.1-1", size: 71680, download: 21596, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libgav1-1", manager: Apt, version: "0.18.0-1+b1", size: 967680, download: 331664, programs: &[], deps: &["libabsl20220623"], recommends: &[], provides: &[] },
    Package { name: "libgcc-12-dev", manager: Apt, version: "12.2.0-14+deb12u1", size: 14626816, download: 2437204, programs: &[], deps: &["libgomp1", "libitm1", "libatomic1", "libasan8", "liblsan0", "libtsan2", "libubsan1", "libquadmath0"], recommends: &["libc6-dev"], provides: &[] },
    Package { name: "libgd3", manager: Apt, version: "2.3.3-9+deb12u1", size: 459776, download: 123972, programs: &[], deps: &["libavif15", "libfontconfig1", "libfreetype6", "libheif1", "libjpeg62-turbo", "libpng16-16", "libtiff6", "libwebp7", "libxpm4"], recommends: &[], provides: &[] },
    Package { name: "libgdbm-compat4", manager: Apt, version: "1.23-3", size: 71680, download: 48156, programs: &[], deps: &["libgdbm6"], recommends: &[], provides: &[] },
    Package { name: "libgdbm6", manager: Apt, version: "1.23-3", size: 132096, download: 72248, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libgomp1", manager: Apt, version: "12.2.0-14+deb12u1", size: 319488, download: 115772, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libgpm2", manager: Apt, version: "1.20.7-10+b1", size: 46080, download: 14216, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libgprofng0", manager: Apt, version: "2.40-2", size: 4052992, download: 812120, programs: &[], deps: &["libbinutils"], recommends: &[], provides: &[] },
    Package { name: "libgssapi-krb5-2", manager: Apt, version: "1.20.1-2+deb12u5", size: 435200, download: 135168, programs: &[], deps: &["libk5crypto3", "libkrb5-3", "libkrb5support0"], recommends: &[], provides: &[] },
    Package { name: "libheif1", manager: Apt, version: "1.15.1-1+deb12u1", size: 674816, download: 215348, programs: &[], deps: &["libaom3", "libdav1d6", "libde265-0", "libx265-199"], recommends: &[], provides: &[] },
    Package { name: "libicu72", manager: Apt, version: "72.1-3+deb12u1", size: 37038080, download: 9376124, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libisl23", manager: Apt, version: "0.25-1.1", size: 2357248, download: 683060, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libitm1", manager: Apt, version: "12.2.0-14+deb12u1", size: 117760, download: 26140, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libjansson4", manager: Apt, version: "2.14-2", size: 103424, download: 40788, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libjbig0", manager: Apt, version: "2.1-6.1", size: 86016, download: 31704, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libjemalloc2", manager: Apt, version: "5.3.0-1", size: 892928, download: 275000, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libjpeg62-turbo", manager: Apt, version: "1:2.1.5-2", size: 693248, download: 166332, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libjq1", manager: Apt, version: "1.6-2.1+deb12u3", size: 374784, download: 136460, programs: &[], deps: &["libonig5"], recommends: &[], provides: &[] },
    Package { name: "libjs-jquery", manager: Apt, version: "3.6.1+dfsg+~3.5.14-1", size: 721920, download: 326128, programs: &[], deps: &[], recommends: &["javascript-common"], provides: &[] },
    Package { name: "libjs-sphinxdoc", manager: Apt, version: "5.3.0-4", size: 188416, download: 130384, programs: &[], deps: &["libjs-jquery", "libjs-underscore"], recommends: &[], provides: &[] },
    Package { name: "libjs-underscore", manager: Apt, version: "1.13.4~dfsg+~1.11.4-3", size: 357376, download: 115632, programs: &[], deps: &[], recommends: &["javascript-common", "libjs-jquery"], provides: &[] },
    Package { name: "libjson-c5", manager: Apt, version: "0.16-2", size: 111616, download: 44120, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libk5crypto3", manager: Apt, version: "1.20.1-2+deb12u5", size: 267264, download: 79712, programs: &[], deps: &["libkrb5support0"], recommends: &[], provides: &[] },
    Package { name: "libkeyutils1", manager: Apt, version: "1.6.3-2", size: 40960, download: 8808, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libkrb5-3", manager: Apt, version: "1.20.1-2+deb12u5", size: 1102848, download: 332280, programs: &[], deps: &["libk5crypto3", "libkeyutils1", "libkrb5support0", "libssl3"], recommends: &["krb5-locales"], provides: &[] },
    Package { name: "libkrb5support0", manager: Apt, version: "1.20.1-2+deb12u5", size: 137216, download: 33212, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libksba8", manager: Apt, version: "1.6.3-2", size: 323584, download: 128416, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libldap-2.5-0", manager: Apt, version: "2.5.13+dfsg-5", size: 566272, download: 183248, programs: &[], deps: &["libsasl2-2"], recommends: &["libldap-common"], provides: &[] },
    Package { name: "libldap-common", manager: Apt, version: "2.5.13+dfsg-5", size: 94208, download: 29348, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "liblerc4", manager: Apt, version: "4.0.0+ds-2", size: 664576, download: 170368, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "liblmdb0", manager: Apt, version: "0.9.24-1", size: 106496, download: 44996, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "liblocale-gettext-perl", manager: Apt, version: "1.07-5", size: 52224, download: 15408, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "liblsan0", manager: Apt, version: "12.2.0-14+deb12u1", size: 3012608, download: 969300, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "liblzf1", manager: Apt, version: "3.6-3", size: 39936, download: 10192, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libmagic-mgc", manager: Apt, version: "1:5.44-3", size: 8325120, download: 304888, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libmagic1", manager: Apt, version: "1:5.44-3", size: 237568, download: 103752, programs: &[], deps: &["libmagic-mgc"], recommends: &[], provides: &[] },
    Package { name: "libmariadb3", manager: Apt, version: "1:10.11.19-0+deb12u1", size: 566272, download: 179504, programs: &[], deps: &["mariadb-common", "libssl3"], recommends: &[], provides: &[] },
    Package { name: "libmaxminddb0", manager: Apt, version: "1.7.1-1", size: 77824, download: 29812, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libmnl0", manager: Apt, version: "1.0.4-3", size: 47104, download: 12476, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libmpc3", manager: Apt, version: "1.3.1-1", size: 152576, download: 51480, programs: &[], deps: &["libmpfr6"], recommends: &[], provides: &[] },
    Package { name: "libmpfr6", manager: Apt, version: "4.2.0-1", size: 1205248, download: 700900, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libncurses6", manager: Apt, version: "6.4-4", size: 343040, download: 103136, programs: &[], deps: &[], recommends: &["libgpm2"], provides: &[] },
    Package { name: "libncursesw6", manager: Apt, version: "6.4-4", size: 421888, download: 133824, programs: &[], deps: &[], recommends: &["libgpm2"], provides: &[] },
    Package { name: "libnghttp2-14", manager: Apt, version: "1.52.0-1+deb12u3", size: 225280, download: 72404, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libnl-3-200", manager: Apt, version: "3.7.0-0.2+b1", size: 186368, download: 63124, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libnl-genl-3-200", manager: Apt, version: "3.7.0-0.2+b1", size: 59392, download: 21600, programs: &[], deps: &["libnl-3-200"], recommends: &[], provides: &[] },
    Package { name: "libnode108", manager: Apt, version: "18.20.4+dfsg-1~deb12u3", size: 47549440, download: 10633176, programs: &[], deps: &["libbrotli1", "libc-ares2", "libicu72", "libnghttp2-14", "libssl3", "libuv1", "node-acorn", "node-cjs-module-lexer", "node-undici"], recommends: &[], provides: &[] },
    Package { name: "libnpth0", manager: Apt, version: "1.6-3", size: 51200, download: 18980, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libnsl-dev", manager: Apt, version: "1.3.0-2", size: 353280, download: 66436, programs: &[], deps: &["libnsl2", "libtirpc-dev"], recommends: &[], provides: &[] },
    Package { name: "libnsl2", manager: Apt, version: "1.3.0-2", size: 130048, download: 39480, programs: &[], deps: &["libtirpc3"], recommends: &[], provides: &[] },
    Package { name: "libnuma1", manager: Apt, version: "2.0.16-1", size: 72704, download: 20964, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libonig5", manager: Apt, version: "6.9.8-1", size: 681984, download: 187828, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libpam-cap", manager: Apt, version: "1:2.66-4+deb12u3+b1", size: 54272, download: 15052, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libpcap0.8", manager: Apt, version: "1.10.3-1", size: 376832, download: 156700, programs: &[], deps: &["libdbus-1-3"], recommends: &[], provides: &[] },
    Package { name: "libperl5.36", manager: Apt, version: "5.36.0-7+deb12u4", size: 29568000, download: 4207640, programs: &[], deps: &["libgdbm-compat4", "libgdbm6", "perl-modules-5.36"], recommends: &[], provides: &[] },
    Package { name: "libpipeline1", manager: Apt, version: "1.5.7-1", size: 98304, download: 38540, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libpng16-16", manager: Apt, version: "1.6.39-2+deb12u6", size: 427008, download: 277048, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libpq5", manager: Apt, version: "15.20-0+deb12u1", size: 927744, download: 205248, programs: &[], deps: &["libgssapi-krb5-2", "libldap-2.5-0", "libssl3"], recommends: &[], provides: &[] },
    Package { name: "libproc2-0", manager: Apt, version: "2:4.0.2-3", size: 237568, download: 62804, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libprotobuf-c1", manager: Apt, version: "1.4.1-1+b1", size: 70656, download: 27492, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libpsl5", manager: Apt, version: "0.21.2-1", size: 98304, download: 58684, programs: &[], deps: &[], recommends: &["publicsuffix"], provides: &[] },
    Package { name: "libpython3-dev", manager: Apt, version: "3.11.2-1+b1", size: 37888, download: 9572, programs: &[], deps: &["libpython3.11-dev"], recommends: &[], provides: &[] },
    Package { name: "libpython3-stdlib", manager: Apt, version: "3.11.2-1+b1", size: 27648, download: 9312, programs: &[], deps: &["libpython3.11-stdlib"], recommends: &[], provides: &[] },
    Package { name: "libpython3.11", manager: Apt, version: "3.11.2-6+deb12u9", size: 7809024, download: 1988800, programs: &[], deps: &["libpython3.11-stdlib", "libexpat1"], recommends: &[], provides: &[] },
    Package { name: "libpython3.11-dev", manager: Apt, version: "3.11.2-6+deb12u9", size: 26384384, download: 4739284, programs: &[], deps: &["libpython3.11-stdlib", "libpython3.11", "libexpat1-dev", "zlib1g-dev"], recommends: &["libc6-dev"], provides: &[] },
    Package { name: "libpython3.11-minimal", manager: Apt, version: "3.11.2-6+deb12u9", size: 5357568, download: 820928, programs: &[], deps: &["libssl3"], recommends: &["libpython3.11-stdlib"], provides: &[] },
    Package { name: "libpython3.11-stdlib", manager: Apt, version: "3.11.2-6+deb12u9", size: 8534016, download: 1798408, programs: &[], deps: &["libpython3.11-minimal", "media-types", "libncursesw6", "libnsl2", "libreadline8", "libsqlite3-0", "libtirpc3"], recommends: &[], provides: &[] },
    Package { name: "libquadmath0", manager: Apt, version: "12.2.0-14+deb12u1", size: 299008, download: 144616, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "librav1e0", manager: Apt, version: "0.5.1-6", size: 2727936, download: 763348, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libreadline8", manager: Apt, version: "8.2-1.3", size: 486400, download: 165760, programs: &[], deps: &["readline-common"], recommends: &[], provides: &[] },
    Package { name: "librtmp1", manager: Apt, version: "2.4+20151223.gitfa8646d.1-2+b2", size: 149504, download: 60824, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libsasl2-2", manager: Apt, version: "2.1.28+dfsg-10+deb12u1", size: 171008, download: 59908, programs: &[], deps: &["libsasl2-modules-db"], recommends: &["libsasl2-modules"], provides: &[] },
    Package { name: "libsasl2-modules", manager: Apt, version: "2.1.28+dfsg-10+deb12u1", size: 290816, download: 66868, programs: &[], deps: &["libssl3"], recommends: &[], provides: &[] },
    Package { name: "libsasl2-modules-db", manager: Apt, version: "2.1.28+dfsg-10+deb12u1", size: 78848, download: 20524, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libsodium23", manager: Apt, version: "1.0.18-1+deb12u1", size: 424960, download: 162044, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libsqlite3-0", manager: Apt, version: "3.40.1-2+deb12u2", size: 1722368, download: 838808, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libssh2-1", manager: Apt, version: "1.10.0-3+deb12u1", size: 361472, download: 175976, programs: &[], deps: &["libssl3"], recommends: &[], provides: &[] },
    Package { name: "libssl3", manager: Apt, version: "3.0.22-1~deb12u2", size: 6187008, download: 2039888, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libstdc++-12-dev", manager: Apt, version: "12.2.0-14+deb12u1", size: 19912704, download: 2047292, programs: &[], deps: &["libgcc-12-dev", "libc6-dev"], recommends: &[], provides: &[] },
    Package { name: "libsvtav1enc1", manager: Apt, version: "1.4.1+dfsg-1", size: 6791168, download: 2121284, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libterm-readkey-perl", manager: Apt, version: "2.38-2+b1", size: 74752, download: 24456, programs: &[], deps: &["perl"], recommends: &[], provides: &[] },
    Package { name: "libtext-charwidth-perl", manager: Apt, version: "0.04-11", size: 41984, download: 9496, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libtiff6", manager: Apt, version: "4.5.0-6+deb12u4", size: 733184, download: 316172, programs: &[], deps: &["libdeflate0", "libjbig0", "libjpeg62-turbo", "liblerc4", "libwebp7"], recommends: &[], provides: &[] },
    Package { name: "libtirpc-common", manager: Apt, version: "1.3.3+ds-1", size: 35840, download: 14048, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libtirpc-dev", manager: Apt, version: "1.3.3+ds-1", size: 734208, download: 191428, programs: &[], deps: &["libtirpc3"], recommends: &[], provides: &[] },
    Package { name: "libtirpc3", manager: Apt, version: "1.3.3+ds-1", size: 231424, download: 85192, programs: &[], deps: &["libgssapi-krb5-2", "libtirpc-common"], recommends: &[], provides: &[] },
    Package { name: "libtsan2", manager: Apt, version: "12.2.0-14+deb12u1", size: 8002560, download: 2196972, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libubsan1", manager: Apt, version: "12.2.0-14+deb12u1", size: 2715648, download: 883056, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libuchardet0", manager: Apt, version: "0.0.7-1", size: 212992, download: 67816, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libuv1", manager: Apt, version: "1.44.2-1+deb12u1", size: 301056, download: 135616, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libwebp7", manager: Apt, version: "1.2.4-0.2+deb12u1", size: 557056, download: 285512, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libx11-6", manager: Apt, version: "2:1.8.4-2+deb12u2", size: 1599488, download: 759544, programs: &[], deps: &["libxcb1", "libx11-data"], recommends: &[], provides: &[] },
    Package { name: "libx11-data", manager: Apt, version: "2:1.8.4-2+deb12u2", size: 1614848, download: 291884, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libx265-199", manager: Apt, version: "3.5-2+b1", size: 16591872, download: 1150056, programs: &[], deps: &["libnuma1"], recommends: &[], provides: &[] },
    Package { name: "libxau6", manager: Apt, version: "1:1.0.9-1", size: 43008, download: 19720, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libxcb1", manager: Apt, version: "1.15-1", size: 303104, download: 144052, programs: &[], deps: &["libxau6", "libxdmcp6"], recommends: &[], provides: &[] },
    Package { name: "libxdmcp6", manager: Apt, version: "1:1.1.2-3", size: 54272, download: 26344, programs: &[], deps: &["libbsd0"], recommends: &[], provides: &[] },
    Package { name: "libxext6", manager: Apt, version: "2:1.3.4-1+b1", size: 135168, download: 52932, programs: &[], deps: &["libx11-6"], recommends: &[], provides: &[] },
    Package { name: "libxml2", manager: Apt, version: "2.9.14+dfsg-1.3~deb12u6", size: 1911808, download: 688760, programs: &[], deps: &["libicu72"], recommends: &[], provides: &[] },
    Package { name: "libxmuu1", manager: Apt, version: "2:1.1.3-3", size: 55296, download: 23928, programs: &[], deps: &["libx11-6"], recommends: &[], provides: &[] },
    Package { name: "libxpm4", manager: Apt, version: "1:3.5.12-1.1+deb12u1", size: 113664, download: 48608, programs: &[], deps: &["libx11-6"], recommends: &[], provides: &[] },
    Package { name: "libxtables12", manager: Apt, version: "1.8.9-2", size: 103424, download: 30752, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libyuv0", manager: Apt, version: "0.0~git20230123.b2528b0-1", size: 687104, download: 168120, programs: &[], deps: &["libjpeg62-turbo"], recommends: &[], provides: &[] },
    Package { name: "linux-libc-dev", manager: Apt, version: "6.1.192-2", size: 7363584, download: 2457924, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "locales", manager: Apt, version: "2.36-9+deb12u14", size: 16227328, download: 3906316, programs: &[("/usr/sbin/locale-gen", "locale-gen"), ("/sbin/locale-gen", "locale-gen"), ("/usr/bin/localedef", "localedef"), ("/bin/localedef", "localedef")], deps: &["libc-l10n"], recommends: &[], provides: &[] },
    Package { name: "lsb-release", manager: Apt, version: "12.0-1", size: 17408, download: 6416, programs: &[("/usr/bin/lsb_release", "lsb_release"), ("/bin/lsb_release", "lsb_release")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "make", manager: Apt, version: "4.3-4.1", size: 1630208, download: 395632, programs: &[("/usr/bin/make", "make"), ("/bin/make", "make"), ("/usr/bin/make-first-existing-target", "make"), ("/bin/make-first-existing-target", "make")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "man-db", manager: Apt, version: "2.11.2-2", size: 3034112, download: 1385848, programs: &[("/usr/bin/man", "man"), ("/bin/man", "man"), ("/usr/bin/apropos", "man"), ("/bin/apropos", "man"), ("/usr/bin/whatis", "man"), ("/bin/whatis", "man"), ("/usr/bin/mandb", "man"), ("/bin/mandb", "man")], deps: &["bsdextrautils", "groff-base", "libgdbm6", "libpipeline1"], recommends: &[], provides: &[] },
    Package { name: "manpages", manager: Apt, version: "6.03-2", size: 1585152, download: 1331652, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "manpages-dev", manager: Apt, version: "6.03-2", size: 3821568, download: 2030264, programs: &[], deps: &["manpages"], recommends: &[], provides: &[] },
    Package { name: "mariadb-client", manager: Apt, version: "1:10.11.19-0+deb12u1", size: 64445440, download: 2952092, programs: &[("/usr/bin/mariadb-dump", "mariadb-dump"), ("/bin/mariadb-dump", "mariadb-dump"), ("/usr/bin/mysqldump", "mariadb-dump"), ("/bin/mysqldump", "mariadb-dump"), ("/usr/bin/mariadb-admin", "mariadb-admin"), ("/bin/mariadb-admin", "mariadb-admin"), ("/usr/bin/mysqladmin", "mariadb-admin"), ("/bin/mysqladmin", "mariadb-admin")], deps: &["libconfig-inifiles-perl", "mariadb-client-core", "perl", "libssl3"], recommends: &["libdbd-mariadb-perl", "libdbi-perl", "libterm-readkey-perl"], provides: &[] },
    Package { name: "mariadb-client-core", manager: Apt, version: "1:10.11.19-0+deb12u1", size: 15006720, download: 869892, programs: &[("/usr/bin/mariadb", "mariadb"), ("/bin/mariadb", "mariadb"), ("/usr/bin/mysql", "mariadb"), ("/bin/mysql", "mariadb"), ("/usr/bin/mariadb-check", "mariadb-tool"), ("/bin/mariadb-check", "mariadb-tool"), ("/usr/bin/mysqlcheck", "mariadb-tool"), ("/bin/mysqlcheck", "mariadb-tool")], deps: &["libmariadb3", "mariadb-common", "libedit2", "libncurses6", "libssl3"], recommends: &[], provides: &[] },
    Package { name: "mariadb-common", manager: Apt, version: "1:10.11.19-0+deb12u1", size: 70656, download: 27624, programs: &[], deps: &["mysql-common"], recommends: &[], provides: &[] },
    Package { name: "media-types", manager: Apt, version: "10.0.0", size: 94208, download: 26136, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "mysql-common", manager: Apt, version: "5.8+1.1.0", size: 33792, download: 6636, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "nano", manager: Apt, version: "7.2-1+deb12u1", size: 2871296, download: 689556, programs: &[("/usr/bin/nano", "nano"), ("/bin/nano", "nano"), ("/usr/bin/rnano", "nano"), ("/bin/rnano", "nano")], deps: &["libncursesw6"], recommends: &[], provides: &[] },
    Package { name: "net-tools", manager: Apt, version: "2.10-0.1+deb12u2", size: 1001472, download: 243404, programs: &[("/usr/sbin/ifconfig", "net-tools"), ("/sbin/ifconfig", "net-tools"), ("/usr/sbin/route", "net-tools"), ("/sbin/route", "net-tools"), ("/usr/sbin/arp", "net-tools"), ("/sbin/arp", "net-tools"), ("/usr/bin/netstat", "netstat-nettools"), ("/bin/netstat", "netstat-nettools")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "netbase", manager: Apt, version: "6.4", size: 36864, download: 12800, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "netcat-openbsd", manager: Apt, version: "1.219-1", size: 110592, download: 41520, programs: &[("/usr/bin/nc", "nc-openbsd"), ("/bin/nc", "nc-openbsd"), ("/usr/bin/nc.openbsd", "nc-openbsd"), ("/bin/nc.openbsd", "nc-openbsd"), ("/usr/bin/netcat", "nc-openbsd"), ("/bin/netcat", "nc-openbsd")], deps: &["libbsd0"], recommends: &[], provides: &[] },
    Package { name: "nginx", manager: Apt, version: "1.22.1-9+deb12u11", size: 1368064, download: 532468, programs: &[("/usr/sbin/nginx", "nginx"), ("/sbin/nginx", "nginx")], deps: &["libssl3", "iproute2", "nginx-common"], recommends: &[], provides: &[] },
    Package { name: "nginx-common", manager: Apt, version: "1.22.1-9+deb12u11", size: 340992, download: 115544, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "node-acorn", manager: Apt, version: "8.8.1+ds+~cs25.17.7-2", size: 932864, download: 128252, programs: &[], deps: &["node-xtend", "nodejs"], recommends: &[], provides: &[] },
    Package { name: "node-busboy", manager: Apt, version: "1.6.0+~cs2.6.0-2", size: 91136, download: 16852, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "node-cjs-module-lexer", manager: Apt, version: "1.2.2+dfsg-5", size: 163840, download: 30112, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "node-undici", manager: Apt, version: "5.15.0+dfsg1+~cs20.10.9.3-1+deb12u4", size: 1519616, download: 284676, programs: &[], deps: &["node-busboy"], recommends: &[], provides: &[] },
    Package { name: "node-xtend", manager: Apt, version: "4.0.2-3", size: 16384, download: 3932, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "nodejs", manager: Apt, version: "18.20.4+dfsg-1~deb12u3", size: 4028416, download: 322140, programs: &[("/usr/bin/node", "node"), ("/bin/node", "node"), ("/usr/bin/nodejs", "node"), ("/bin/nodejs", "node")], deps: &["libnode108"], recommends: &["ca-certificates"], provides: &[] },
    Package { name: "npm", manager: Apt, version: "9.2.0~ds1-1", size: 136848384, download: 23263852, programs: &[("/usr/bin/npm", "npm"), ("/bin/npm", "npm"), ("/usr/bin/npx", "npx"), ("/bin/npx", "npx")], deps: &["nodejs"], recommends: &[], provides: &[] },
    Package { name: "openssh-client", manager: Apt, version: "1:9.2p1-2+deb12u10", size: 5940224, download: 993532, programs: &[("/usr/bin/ssh", "ssh"), ("/bin/ssh", "ssh"), ("/usr/bin/slogin", "ssh"), ("/bin/slogin", "ssh"), ("/usr/bin/scp", "scp"), ("/bin/scp", "scp"), ("/usr/bin/sftp", "sftp"), ("/bin/sftp", "sftp"), ("/usr/bin/ssh-keygen", "ssh-keygen"), ("/bin/ssh-keygen", "ssh-keygen"), ("/usr/bin/ssh-add", "ssh-tool"), ("/bin/ssh-add", "ssh-tool"), ("/usr/bin/ssh-agent", "ssh-tool"), ("/bin/ssh-agent", "ssh-tool"), ("/usr/bin/ssh-keyscan", "ssh-tool"), ("/bin/ssh-keyscan", "ssh-tool"), ("/usr/bin/ssh-copy-id", "ssh-tool"), ("/bin/ssh-copy-id", "ssh-tool")], deps: &["libedit2", "libfido2-1", "libgssapi-krb5-2", "libssl3"], recommends: &["xauth"], provides: &[] },
    Package { name: "openssl", manager: Apt, version: "3.0.22-1~deb12u2", size: 2370560, download: 1441784, programs: &[("/usr/bin/openssl", "openssl"), ("/bin/openssl", "openssl"), ("/usr/bin/c_rehash", "openssl"), ("/bin/c_rehash", "openssl")], deps: &["libssl3"], recommends: &[], provides: &[] },
    Package { name: "patch", manager: Apt, version: "2.7.6-7", size: 253952, download: 127848, programs: &[("/usr/bin/patch", "patch"), ("/bin/patch", "patch")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "perl", manager: Apt, version: "5.36.0-7+deb12u4", size: 686080, download: 239392, programs: &[("/usr/bin/cpan", "perl"), ("/bin/cpan", "perl"), ("/usr/bin/perldoc", "perl"), ("/bin/perldoc", "perl"), ("/usr/bin/perlbug", "perl"), ("/bin/perlbug", "perl"), ("/usr/bin/prove", "perl"), ("/bin/prove", "perl")], deps: &["perl-modules-5.36", "libperl5.36"], recommends: &["netbase"], provides: &[] },
    Package { name: "perl-modules-5.36", manager: Apt, version: "5.36.0-7+deb12u4", size: 18248704, download: 2817356, programs: &[], deps: &[], recommends: &["perl"], provides: &[] },
    Package { name: "pinentry-curses", manager: Apt, version: "1.2.1-1", size: 143360, download: 77448, programs: &[], deps: &["libassuan0", "libncursesw6"], recommends: &[], provides: &[] },
    Package { name: "postgresql-client", manager: Apt, version: "15+248+deb12u2", size: 16384, download: 10340, programs: &[], deps: &["postgresql-client-15"], recommends: &[], provides: &[] },
    Package { name: "postgresql-client-15", manager: Apt, version: "15.20-0+deb12u1", size: 8821760, download: 1778868, programs: &[], deps: &["libpq5", "postgresql-client-common", "sensible-utils", "libreadline8", "libssl3"], recommends: &[], provides: &[] },
    Package { name: "postgresql-client-common", manager: Apt, version: "248+deb12u2", size: 133120, download: 35284, programs: &[("/usr/bin/psql", "psql"), ("/bin/psql", "psql"), ("/usr/bin/pg_dump", "pg_dump"), ("/bin/pg_dump", "pg_dump"), ("/usr/bin/pg_dumpall", "pg_dump"), ("/bin/pg_dumpall", "pg_dump"), ("/usr/bin/pg_restore", "pg_dump"), ("/bin/pg_restore", "pg_dump"), ("/usr/bin/pg_isready", "pg_isready"), ("/bin/pg_isready", "pg_isready"), ("/usr/bin/createdb", "postgres-tool"), ("/bin/createdb", "postgres-tool"), ("/usr/bin/dropdb", "postgres-tool"), ("/bin/dropdb", "postgres-tool"), ("/usr/bin/createuser", "postgres-tool"), ("/bin/createuser", "postgres-tool"), ("/usr/bin/dropuser", "postgres-tool"), ("/bin/dropuser", "postgres-tool"), ("/usr/bin/clusterdb", "postgres-tool"), ("/bin/clusterdb", "postgres-tool"), ("/usr/bin/reindexdb", "postgres-tool"), ("/bin/reindexdb", "postgres-tool"), ("/usr/bin/vacuumdb", "postgres-tool"), ("/bin/vacuumdb", "postgres-tool"), ("/usr/bin/pg_basebackup", "postgres-tool"), ("/bin/pg_basebackup", "postgres-tool")], deps: &["netbase", "perl"], recommends: &[], provides: &[] },
    Package { name: "procps", manager: Apt, version: "2:4.0.2-3", size: 2141184, download: 708712, programs: &[("/usr/bin/ps", "ps-procps"), ("/bin/ps", "ps-procps"), ("/usr/bin/top", "top-procps"), ("/bin/top", "top-procps"), ("/usr/bin/free", "free-procps"), ("/bin/free", "free-procps"), ("/usr/bin/kill", "kill-procps"), ("/bin/kill", "kill-procps"), ("/usr/bin/pgrep", "pgrep-procps"), ("/bin/pgrep", "pgrep-procps"), ("/usr/bin/pkill", "pgrep-procps"), ("/bin/pkill", "pgrep-procps"), ("/usr/bin/pidwait", "pgrep-procps"), ("/bin/pidwait", "pgrep-procps"), ("/usr/bin/uptime", "uptime-procps"), ("/bin/uptime", "uptime-procps"), ("/usr/bin/watch", "watch-procps"), ("/bin/watch", "watch-procps"), ("/usr/bin/vmstat", "procps"), ("/bin/vmstat", "procps"), ("/usr/bin/pmap", "procps"), ("/bin/pmap", "procps"), ("/usr/bin/pwdx", "procps"), ("/bin/pwdx", "procps"), ("/usr/bin/slabtop", "procps"), ("/bin/slabtop", "procps"), ("/usr/bin/tload", "procps"), ("/bin/tload", "procps"), ("/usr/bin/w", "procps"), ("/bin/w", "procps"), ("/usr/sbin/sysctl", "sysctl-procps"), ("/sbin/sysctl", "sysctl-procps")], deps: &["libncursesw6", "libproc2-0"], recommends: &["psmisc"], provides: &[] },
    Package { name: "psmisc", manager: Apt, version: "23.6-1", size: 930816, download: 258696, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "publicsuffix", manager: Apt, version: "20230209.2326-1", size: 347136, download: 126380, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "python-is-python3", manager: Apt, version: "3.11.2-1+deb12u1", size: 16384, download: 3216, programs: &[("/usr/bin/python", "python"), ("/bin/python", "python")], deps: &["python3"], recommends: &[], provides: &[] },
    Package { name: "python3", manager: Apt, version: "3.11.2-1+b1", size: 82944, download: 26300, programs: &[("/usr/bin/pydoc3", "pydoc"), ("/bin/pydoc3", "pydoc"), ("/usr/bin/pygettext3", "pydoc"), ("/bin/pygettext3", "pydoc")], deps: &["python3-minimal", "python3.11", "libpython3-stdlib"], recommends: &[], provides: &[] },
    Package { name: "python3-dev", manager: Apt, version: "3.11.2-1+b1", size: 158720, download: 26180, programs: &[], deps: &["python3", "libpython3-dev", "python3.11-dev", "python3-distutils", "libjs-sphinxdoc"], recommends: &[], provides: &[] },
    Package { name: "python3-distutils", manager: Apt, version: "3.11.2-3", size: 653312, download: 130936, programs: &[], deps: &["python3", "python3-lib2to3"], recommends: &[], provides: &[] },
    Package { name: "python3-lib2to3", manager: Apt, version: "3.11.2-3", size: 373760, download: 76284, programs: &[], deps: &["python3"], recommends: &[], provides: &[] },
    Package { name: "python3-minimal", manager: Apt, version: "3.11.2-1+b1", size: 113664, download: 26312, programs: &[("/usr/bin/python3", "python"), ("/bin/python3", "python")], deps: &["python3.11-minimal"], recommends: &[], provides: &[] },
    Package { name: "python3-pip", manager: Apt, version: "23.0.1+dfsg-1", size: 6838272, download: 1324972, programs: &[("/usr/bin/pip", "pip-system"), ("/bin/pip", "pip-system"), ("/usr/bin/pip3", "pip-system"), ("/bin/pip3", "pip-system")], deps: &["ca-certificates", "python3-distutils", "python3-setuptools", "python3-wheel", "python3"], recommends: &["build-essential", "python3-dev"], provides: &[] },
    Package { name: "python3-pip-whl", manager: Apt, version: "23.0.1+dfsg-1", size: 1788928, download: 1717296, programs: &[], deps: &["ca-certificates"], recommends: &[], provides: &[] },
    Package { name: "python3-pkg-resources", manager: Apt, version: "66.1.1-1+deb12u2", size: 1077248, download: 296604, programs: &[], deps: &["python3"], recommends: &[], provides: &[] },
    Package { name: "python3-setuptools", manager: Apt, version: "66.1.1-1+deb12u2", size: 2594816, download: 521580, programs: &[], deps: &["python3-pkg-resources", "python3-distutils", "python3"], recommends: &[], provides: &[] },
    Package { name: "python3-setuptools-whl", manager: Apt, version: "66.1.1-1+deb12u2", size: 1347584, download: 1112076, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "python3-venv", manager: Apt, version: "3.11.2-1+b1", size: 6144, download: 1200, programs: &[], deps: &["python3.11-venv", "python3", "python3-distutils"], recommends: &[], provides: &[] },
    Package { name: "python3-wheel", manager: Apt, version: "0.38.4-2", size: 134144, download: 30808, programs: &[], deps: &["python3-distutils", "python3"], recommends: &[], provides: &[] },
    Package { name: "python3.11", manager: Apt, version: "3.11.2-6+deb12u9", size: 666624, download: 575032, programs: &[], deps: &["python3.11-minimal", "libpython3.11-stdlib", "media-types"], recommends: &["ca-certificates"], provides: &[] },
    Package { name: "python3.11-dev", manager: Apt, version: "3.11.2-6+deb12u9", size: 633856, download: 619256, programs: &[], deps: &["python3.11", "libpython3.11-dev", "libpython3.11"], recommends: &["libc6-dev"], provides: &[] },
    Package { name: "python3.11-minimal", manager: Apt, version: "3.11.2-6+deb12u9", size: 6904832, download: 2054684, programs: &[("/usr/bin/python3.11", "python"), ("/bin/python3.11", "python")], deps: &["libpython3.11-minimal", "libexpat1"], recommends: &["python3.11"], provides: &[] },
    Package { name: "python3.11-venv", manager: Apt, version: "3.11.2-6+deb12u9", size: 28672, download: 5896, programs: &[], deps: &["python3.11", "python3-pip-whl", "python3-setuptools-whl", "python3-distutils"], recommends: &[], provides: &[] },
    Package { name: "readline-common", manager: Apt, version: "8.2-1.3", size: 91136, download: 68988, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "redis-server", manager: Apt, version: "5:7.0.15-1~deb12u10", size: 187392, download: 73908, programs: &[("/usr/bin/redis-server", "redis-server"), ("/bin/redis-server", "redis-server")], deps: &["redis-tools"], recommends: &[], provides: &[] },
    Package { name: "redis-tools", manager: Apt, version: "5:7.0.15-1~deb12u10", size: 5977088, download: 991988, programs: &[("/usr/bin/redis-cli", "redis-cli"), ("/bin/redis-cli", "redis-cli"), ("/usr/bin/redis-benchmark", "redis-tool"), ("/bin/redis-benchmark", "redis-tool"), ("/usr/bin/redis-check-aof", "redis-tool"), ("/bin/redis-check-aof", "redis-tool"), ("/usr/bin/redis-check-rdb", "redis-tool"), ("/bin/redis-check-rdb", "redis-tool")], deps: &["libatomic1", "libjemalloc2", "liblzf1", "libssl3"], recommends: &[], provides: &[] },
    Package { name: "rpcsvc-proto", manager: Apt, version: "1.4.3-1", size: 251904, download: 63268, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "sensible-utils", manager: Apt, version: "0.0.17+nmu1", size: 57344, download: 19020, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "sqlite3", manager: Apt, version: "3.40.1-2+deb12u2", size: 545792, download: 353348, programs: &[("/usr/bin/sqlite3", "sqlite3"), ("/bin/sqlite3", "sqlite3")], deps: &["libreadline8", "libsqlite3-0"], recommends: &[], provides: &[] },
    Package { name: "sudo", manager: Apt, version: "1.9.13p3-1+deb12u4", size: 6200320, download: 1890344, programs: &[("/usr/bin/sudo", "sudo"), ("/bin/sudo", "sudo"), ("/usr/bin/sudoedit", "sudo"), ("/bin/sudoedit", "sudo"), ("/usr/bin/sudoreplay", "sudo"), ("/bin/sudoreplay", "sudo"), ("/usr/sbin/visudo", "sudo"), ("/sbin/visudo", "sudo")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "tcpdump", manager: Apt, version: "4.99.3-1", size: 1363968, download: 466880, programs: &[("/usr/bin/tcpdump", "tcpdump"), ("/bin/tcpdump", "tcpdump")], deps: &["libpcap0.8", "libssl3"], recommends: &[], provides: &[] },
    Package { name: "telnet", manager: Apt, version: "0.17+2.4-2+deb12u3", size: 55296, download: 41896, programs: &[], deps: &["inetutils-telnet"], recommends: &[], provides: &[] },
    Package { name: "tini", manager: Apt, version: "0.19.0-1+b3", size: 748544, download: 267204, programs: &[("/usr/bin/tini", "tini"), ("/bin/tini", "tini"), ("/usr/bin/tini-static", "tini"), ("/bin/tini-static", "tini")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "traceroute", manager: Apt, version: "1:2.1.2-1", size: 158720, download: 51456, programs: &[("/usr/bin/traceroute", "traceroute"), ("/bin/traceroute", "traceroute"), ("/usr/bin/traceroute.db", "traceroute"), ("/bin/traceroute.db", "traceroute"), ("/usr/bin/traceroute6", "traceroute"), ("/bin/traceroute6", "traceroute")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "tree", manager: Apt, version: "2.1.0-1", size: 115712, download: 52464, programs: &[("/usr/bin/tree", "tree"), ("/bin/tree", "tree")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "unzip", manager: Apt, version: "6.0-28+deb12u1", size: 389120, download: 166504, programs: &[("/usr/bin/unzip", "unzip"), ("/bin/unzip", "unzip"), ("/usr/bin/zipinfo", "unzip"), ("/bin/zipinfo", "unzip"), ("/usr/bin/funzip", "unzip"), ("/bin/funzip", "unzip")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "vim", manager: Apt, version: "2:9.0.1378-2+deb12u2", size: 3737600, download: 1567756, programs: &[("/usr/bin/vim.basic", "vim"), ("/bin/vim.basic", "vim"), ("/usr/bin/vim", "vim"), ("/bin/vim", "vim"), ("/usr/bin/vi", "vim"), ("/bin/vi", "vim"), ("/usr/bin/view", "vim"), ("/bin/view", "vim"), ("/usr/bin/ex", "vim"), ("/bin/ex", "vim"), ("/usr/bin/rvim", "vim"), ("/bin/rvim", "vim"), ("/usr/bin/rview", "vim"), ("/bin/rview", "vim"), ("/usr/bin/vimdiff", "vim"), ("/bin/vimdiff", "vim"), ("/usr/bin/editor", "vim"), ("/bin/editor", "vim")], deps: &["vim-common", "vim-runtime", "libgpm2", "libsodium23"], recommends: &[], provides: &[] },
    Package { name: "vim-common", manager: Apt, version: "2:9.0.1378-2+deb12u2", size: 250880, download: 124836, programs: &[], deps: &[], recommends: &["xxd", "vim"], provides: &[] },
    Package { name: "vim-runtime", manager: Apt, version: "2:9.0.1378-2+deb12u2", size: 37279744, download: 7026844, programs: &[], deps: &[], recommends: &["vim"], provides: &[] },
    Package { name: "wget", manager: Apt, version: "1.21.3-1+deb12u1", size: 3605504, download: 937340, programs: &[("/usr/bin/wget", "wget"), ("/bin/wget", "wget")], deps: &["libpsl5"], recommends: &["ca-certificates"], provides: &[] },
    Package { name: "xauth", manager: Apt, version: "1:1.1.2-1", size: 82944, download: 35960, programs: &[], deps: &["libx11-6", "libxau6", "libxext6", "libxmuu1"], recommends: &[], provides: &[] },
    Package { name: "xxd", manager: Apt, version: "2:9.0.1378-2+deb12u2", size: 138240, download: 84116, programs: &[("/usr/bin/xxd", "xxd"), ("/bin/xxd", "xxd")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "xz-utils", manager: Apt, version: "5.4.1-1+deb12u2", size: 1255424, download: 471448, programs: &[("/usr/bin/xz", "xz"), ("/bin/xz", "xz"), ("/usr/bin/unxz", "xz"), ("/bin/unxz", "xz"), ("/usr/bin/xzcat", "xz"), ("/bin/xzcat", "xz"), ("/usr/bin/lzma", "xz"), ("/bin/lzma", "xz"), ("/usr/bin/unlzma", "xz"), ("/bin/unlzma", "xz")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "zip", manager: Apt, version: "3.0-13+deb12u1", size: 630784, download: 230316, programs: &[("/usr/bin/zip", "zip"), ("/bin/zip", "zip"), ("/usr/bin/zipcloak", "zip"), ("/bin/zipcloak", "zip"), ("/usr/bin/zipnote", "zip"), ("/bin/zipnote", "zip"), ("/usr/bin/zipsplit", "zip"), ("/bin/zipsplit", "zip")], deps: &[], recommends: &["unzip"], provides: &[] },
    Package { name: "zlib1g-dev", manager: Apt, version: "1:1.2.13.dfsg-1", size: 1341440, download: 916272, programs: &[], deps: &["libc6-dev"], recommends: &[], provides: &[] },
    // --- apk (Alpine 3.19) ---
    Package { name: "ca-certificates", manager: Apk, version: "20240705-r0", size: 704512, download: 295895, programs: &[("/usr/sbin/update-ca-certificates", "update-ca-certificates")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "brotli-libs", manager: Apk, version: "1.1.0-r1", size: 774144, download: 325140, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "c-ares", manager: Apk, version: "1.27.0-r0", size: 212992, download: 89456, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libunistring", manager: Apk, version: "1.1-r2", size: 1851392, download: 777584, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libidn2", manager: Apk, version: "2.3.4-r4", size: 180224, download: 75694, programs: &[], deps: &["libunistring"], recommends: &[], provides: &[] },
    Package { name: "nghttp2-libs", manager: Apk, version: "1.58.0-r0", size: 172032, download: 72253, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libpsl", manager: Apk, version: "0.21.5-r0", size: 77824, download: 32686, programs: &[], deps: &["libidn2"], recommends: &[], provides: &[] },
    Package { name: "zstd-libs", manager: Apk, version: "1.5.5-r8", size: 626688, download: 263208, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libcurl", manager: Apk, version: "8.9.1-r1", size: 622592, download: 261488, programs: &[], deps: &["brotli-libs", "c-ares", "libidn2", "libpsl", "nghttp2-libs", "zstd-libs"], recommends: &[], provides: &[] },
    Package { name: "curl", manager: Apk, version: "8.9.1-r1", size: 258048, download: 108380, programs: &[("/usr/bin/curl", "curl")], deps: &["ca-certificates", "libcurl"], recommends: &[], provides: &[] },
    Package { name: "pcre2", manager: Apk, version: "10.42-r2", size: 659456, download: 276971, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "wget", manager: Apk, version: "1.21.4-r0", size: 499712, download: 209879, programs: &[("/usr/bin/wget", "wget")], deps: &["libidn2", "libunistring", "pcre2"], recommends: &[], provides: &[] },
    Package { name: "ncurses-terminfo-base", manager: Apk, version: "6.4_p20231125-r0", size: 319488, download: 134184, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libncursesw", manager: Apk, version: "6.4_p20231125-r0", size: 417792, download: 175472, programs: &[], deps: &["ncurses-terminfo-base"], recommends: &[], provides: &[] },
    Package { name: "libpanelw", manager: Apk, version: "6.4_p20231125-r0", size: 20480, download: 8601, programs: &[], deps: &["libncursesw"], recommends: &[], provides: &[] },
    Package { name: "readline", manager: Apk, version: "8.2.1-r2", size: 282624, download: 118702, programs: &[], deps: &["libncursesw"], recommends: &[], provides: &[] },
    Package { name: "bash", manager: Apk, version: "5.2.21-r0", size: 1331200, download: 559104, programs: &[("/bin/bash", "bash")], deps: &["readline"], recommends: &[], provides: &[] },
    Package { name: "zsh", manager: Apk, version: "5.9-r2", size: 3346432, download: 1405501, programs: &[("/bin/zsh", "zsh")], deps: &["libncursesw"], recommends: &[], provides: &[] },
    Package { name: "libexpat", manager: Apk, version: "2.6.3-r0", size: 208896, download: 87736, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "git", manager: Apk, version: "2.43.5-r0", size: 15212544, download: 6389268, programs: &[("/usr/bin/git", "git"), ("/usr/bin/git-shell", "git"), ("/usr/bin/git-receive-pack", "git"), ("/usr/bin/git-upload-pack", "git"), ("/usr/bin/git-upload-archive", "git")], deps: &["libcurl", "libexpat", "pcre2"], recommends: &[], provides: &[] },
    Package { name: "acl-libs", manager: Apk, version: "2.3.1-r4", size: 45056, download: 18923, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "xxd", manager: Apk, version: "9.0.2127-r0", size: 77824, download: 32686, programs: &[("/usr/bin/xxd", "xxd")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "vim-common", manager: Apk, version: "9.0.2127-r0", size: 34480128, download: 14481653, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "vim", manager: Apk, version: "9.0.2127-r0", size: 3530752, download: 1482915, programs: &[("/usr/bin/vim", "vim"), ("/usr/bin/vimdiff", "vim"), ("/usr/bin/view", "vim"), ("/usr/bin/rvim", "vim"), ("/usr/bin/rview", "vim"), ("/usr/bin/ex", "vim")], deps: &["acl-libs", "libncursesw", "vim-common", "xxd"], recommends: &[], provides: &[] },
    Package { name: "nano", manager: Apk, version: "7.2-r1", size: 819200, download: 344064, programs: &[("/usr/bin/nano", "nano"), ("/usr/bin/rnano", "nano")], deps: &["libncursesw"], recommends: &[], provides: &[] },
    Package { name: "libbz2", manager: Apk, version: "1.0.8-r6", size: 73728, download: 30965, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libffi", manager: Apk, version: "3.4.4-r3", size: 45056, download: 18923, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "gdbm", manager: Apk, version: "1.23-r1", size: 180224, download: 75694, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "xz-libs", manager: Apk, version: "5.4.5-r0", size: 208896, download: 87736, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "mpdecimal", manager: Apk, version: "2.5.1-r2", size: 249856, download: 104939, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "sqlite-libs", manager: Apk, version: "3.44.2-r0", size: 1556480, download: 653721, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "python3", manager: Apk, version: "3.11.10-r0", size: 43130880, download: 18114969, programs: &[("/usr/bin/python3", "python"), ("/usr/bin/python3.11", "python"), ("/usr/bin/pydoc3", "pydoc"), ("/usr/bin/pydoc3.11", "pydoc")], deps: &["libbz2", "libexpat", "libffi", "gdbm", "xz-libs", "libncursesw", "libpanelw", "mpdecimal", "readline", "sqlite-libs"], recommends: &[], provides: &["python"] },
    Package { name: "py3-setuptools", manager: Apk, version: "70.3.0-r0", size: 6430720, download: 2700902, programs: &[], deps: &["python3"], recommends: &[], provides: &[] },
    Package { name: "py3-pip", manager: Apk, version: "23.3.1-r0", size: 12673024, download: 5322670, programs: &[("/usr/bin/pip", "pip-system"), ("/usr/bin/pip3", "pip-system"), ("/usr/bin/pip3.11", "pip-system")], deps: &["python3", "py3-setuptools"], recommends: &[], provides: &[] },
    Package { name: "libgcc", manager: Apk, version: "13.2.1_git20231014-r0", size: 143360, download: 60211, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libstdc++", manager: Apk, version: "13.2.1_git20231014-r0", size: 2523136, download: 1059717, programs: &[], deps: &["libgcc"], recommends: &[], provides: &[] },
    Package { name: "icu-data-en", manager: Apk, version: "74.1-r0", size: 868352, download: 364707, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "icu-libs", manager: Apk, version: "74.1-r0", size: 2351104, download: 987463, programs: &[], deps: &["icu-data-en", "libgcc", "libstdc++"], recommends: &[], provides: &[] },
    Package { name: "nodejs", manager: Apk, version: "20.15.1-r0", size: 45162496, download: 18968248, programs: &[("/usr/bin/node", "node")], deps: &["ca-certificates", "brotli-libs", "c-ares", "icu-libs", "libgcc", "libstdc++", "nghttp2-libs"], recommends: &[], provides: &[] },
    Package { name: "npm", manager: Apk, version: "10.2.5-r0", size: 9682944, download: 4066836, programs: &[("/usr/bin/npm", "npm"), ("/usr/bin/npx", "npx")], deps: &["nodejs"], recommends: &[], provides: &[] },
    Package { name: "jansson", manager: Apk, version: "2.14-r4", size: 69632, download: 29245, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "binutils", manager: Apk, version: "2.41-r0", size: 7483392, download: 3143024, programs: &[("/usr/bin/ld", "binutils"), ("/usr/bin/as", "binutils"), ("/usr/bin/ar", "binutils"), ("/usr/bin/nm", "binutils"), ("/usr/bin/objdump", "binutils"), ("/usr/bin/objcopy", "binutils"), ("/usr/bin/strip", "binutils"), ("/usr/bin/ranlib", "binutils"), ("/usr/bin/readelf", "binutils"), ("/usr/bin/size", "binutils"), ("/usr/bin/strings", "binutils"), ("/usr/bin/addr2line", "binutils")], deps: &["jansson", "zstd-libs"], recommends: &[], provides: &[] },
    Package { name: "gmp", manager: Apk, version: "6.3.0-r0", size: 421888, download: 177192, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "isl26", manager: Apk, version: "0.26-r1", size: 2453504, download: 1030471, programs: &[], deps: &["gmp"], recommends: &[], provides: &[] },
    Package { name: "mpfr4", manager: Apk, version: "4.2.1-r0", size: 438272, download: 184074, programs: &[], deps: &["gmp"], recommends: &[], provides: &[] },
    Package { name: "mpc1", manager: Apk, version: "1.3.1-r1", size: 122880, download: 51609, programs: &[], deps: &["gmp", "mpfr4"], recommends: &[], provides: &[] },
    Package { name: "libgomp", manager: Apk, version: "13.2.1_git20231014-r0", size: 311296, download: 130744, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libatomic", manager: Apk, version: "13.2.1_git20231014-r0", size: 28672, download: 12042, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "gcc", manager: Apk, version: "13.2.1_git20231014-r0", size: 124108800, download: 52125696, programs: &[("/usr/bin/gcc", "gcc"), ("/usr/bin/cc", "gcc"), ("/usr/bin/c89", "gcc"), ("/usr/bin/c99", "gcc"), ("/usr/bin/cpp", "gcc"), ("/usr/bin/x86_64-alpine-linux-musl-gcc", "gcc")], deps: &["binutils", "gmp", "isl26", "libatomic", "libgcc", "libgomp", "libstdc++", "mpc1", "mpfr4", "zstd-libs"], recommends: &[], provides: &[] },
    Package { name: "musl-dev", manager: Apk, version: "1.2.4_git20230717-r4", size: 4538368, download: 1906114, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libc-dev", manager: Apk, version: "0.7.2-r5", size: 4096, download: 1720, programs: &[], deps: &["musl-dev"], recommends: &[], provides: &[] },
    Package { name: "libstdc++-dev", manager: Apk, version: "13.2.1_git20231014-r0", size: 13193216, download: 5541150, programs: &[], deps: &["libstdc++"], recommends: &[], provides: &[] },
    Package { name: "g++", manager: Apk, version: "13.2.1_git20231014-r0", size: 52445184, download: 22026977, programs: &[("/usr/bin/g++", "g++"), ("/usr/bin/c++", "g++"), ("/usr/bin/x86_64-alpine-linux-musl-g++", "g++")], deps: &["gcc", "libc-dev", "libstdc++-dev"], recommends: &[], provides: &[] },
    Package { name: "make", manager: Apk, version: "4.4.1-r2", size: 307200, download: 129024, programs: &[("/usr/bin/make", "make")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "fortify-headers", manager: Apk, version: "1.1-r3", size: 102400, download: 43008, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "patch", manager: Apk, version: "2.7.6-r10", size: 126976, download: 53329, programs: &[("/usr/bin/patch", "patch")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libmagic", manager: Apk, version: "5.45-r1", size: 10113024, download: 4247470, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "file", manager: Apk, version: "5.45-r1", size: 81920, download: 34406, programs: &[("/usr/bin/file", "file")], deps: &["libmagic"], recommends: &[], provides: &[] },
    Package { name: "build-base", manager: Apk, version: "0.5-r3", size: 4096, download: 1720, programs: &[], deps: &["binutils", "file", "fortify-headers", "g++", "gcc", "libc-dev", "make", "patch"], recommends: &[], provides: &[] },
    Package { name: "openssl", manager: Apk, version: "3.1.7-r0", size: 741376, download: 311377, programs: &[("/usr/bin/openssl", "openssl")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "tzdata", manager: Apk, version: "2024a-r0", size: 1474560, download: 619315, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "dumb-init", manager: Apk, version: "1.2.5-r3", size: 45056, download: 18923, programs: &[("/usr/bin/dumb-init", "dumb-init")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "tini", manager: Apk, version: "0.19.0-r2", size: 32768, download: 13762, programs: &[("/sbin/tini", "tini")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libcap2", manager: Apk, version: "2.69-r1", size: 32768, download: 13762, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "iputils-ping", manager: Apk, version: "20221126-r1", size: 94208, download: 39567, programs: &[("/bin/ping", "ping-iputils")], deps: &["libcap2"], recommends: &[], provides: &[] },
    Package { name: "iputils", manager: Apk, version: "20221126-r1", size: 4096, download: 1720, programs: &[("/bin/tracepath", "tracepath"), ("/usr/sbin/arping", "arping")], deps: &["iputils-ping"], recommends: &[], provides: &[] },
    Package { name: "libmnl", manager: Apk, version: "1.0.5-r2", size: 28672, download: 12042, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "iproute2-minimal", manager: Apk, version: "6.6.0-r0", size: 946176, download: 397393, programs: &[("/sbin/ip", "ip-iproute2")], deps: &["libmnl"], recommends: &[], provides: &[] },
    Package { name: "iproute2-ss", manager: Apk, version: "6.6.0-r0", size: 225280, download: 94617, programs: &[("/sbin/ss", "ss")], deps: &["libmnl"], recommends: &[], provides: &[] },
    Package { name: "iproute2-tc", manager: Apk, version: "6.6.0-r0", size: 819200, download: 344064, programs: &[("/sbin/tc", "tc")], deps: &["libmnl"], recommends: &[], provides: &[] },
    Package { name: "iproute2", manager: Apk, version: "6.6.0-r0", size: 552960, download: 232243, programs: &[("/sbin/bridge", "bridge")], deps: &["iproute2-minimal", "iproute2-ss", "iproute2-tc"], recommends: &[], provides: &[] },
    Package { name: "net-tools", manager: Apk, version: "2.10-r3", size: 512000, download: 215040, programs: &[("/sbin/ifconfig", "net-tools"), ("/sbin/route", "net-tools"), ("/sbin/arp", "net-tools"), ("/bin/netstat", "netstat-nettools")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libuv", manager: Apk, version: "1.47.0-r0", size: 188416, download: 79134, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "json-c", manager: Apk, version: "0.17-r0", size: 57344, download: 24084, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libxml2", manager: Apk, version: "2.11.8-r0", size: 1413120, download: 593510, programs: &[], deps: &["xz-libs"], recommends: &[], provides: &[] },
    Package { name: "fstrm", manager: Apk, version: "0.6.1-r4", size: 49152, download: 20643, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "protobuf-c", manager: Apk, version: "1.4.1-r7", size: 57344, download: 24084, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "bind-libs", manager: Apk, version: "9.18.27-r0", size: 6594560, download: 2769715, programs: &[], deps: &["fstrm", "json-c", "libcap2", "libuv", "libxml2", "nghttp2-libs", "protobuf-c"], recommends: &[], provides: &[] },
    Package { name: "bind-tools", manager: Apk, version: "9.18.27-r0", size: 3747840, download: 1574092, programs: &[("/usr/bin/dig", "dig"), ("/usr/bin/nslookup", "nslookup-bind"), ("/usr/bin/host", "host"), ("/usr/bin/nsupdate", "bind-tools"), ("/usr/bin/delv", "bind-tools")], deps: &["bind-libs"], recommends: &[], provides: &["dnsutils"] },
    Package { name: "libmd", manager: Apk, version: "1.1.0-r0", size: 73728, download: 30965, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libbsd", manager: Apk, version: "0.11.7-r3", size: 110592, download: 46448, programs: &[], deps: &["libmd"], recommends: &[], provides: &[] },
    Package { name: "netcat-openbsd", manager: Apk, version: "1.226-r0", size: 73728, download: 30965, programs: &[("/usr/bin/nc", "nc-openbsd")], deps: &["libbsd"], recommends: &[], provides: &[] },
    Package { name: "libproc2", manager: Apk, version: "4.0.4-r0", size: 126976, download: 53329, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "procps-ng", manager: Apk, version: "4.0.4-r0", size: 778240, download: 326860, programs: &[("/bin/ps", "ps-procps"), ("/usr/bin/top", "top-procps"), ("/usr/bin/free", "free-procps"), ("/usr/bin/pgrep", "pgrep-procps"), ("/usr/bin/pkill", "pgrep-procps"), ("/usr/bin/pidwait", "pgrep-procps"), ("/usr/bin/uptime", "uptime-procps"), ("/usr/bin/watch", "watch-procps"), ("/usr/bin/vmstat", "procps"), ("/usr/bin/pmap", "procps"), ("/usr/bin/pwdx", "procps"), ("/usr/bin/slabtop", "procps"), ("/usr/bin/w", "procps"), ("/sbin/sysctl", "sysctl-procps")], deps: &["libncursesw", "libproc2"], recommends: &[], provides: &["procps"] },
    Package { name: "lz4-libs", manager: Apk, version: "1.9.4-r5", size: 151552, download: 63651, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libpq", manager: Apk, version: "16.4-r0", size: 397312, download: 166871, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "postgresql-common", manager: Apk, version: "1.2-r0", size: 20480, download: 8601, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "postgresql16-client", manager: Apk, version: "16.4-r0", size: 2183168, download: 916930, programs: &[("/usr/bin/psql", "psql"), ("/usr/bin/pg_dump", "pg_dump"), ("/usr/bin/pg_dumpall", "pg_dump"), ("/usr/bin/pg_restore", "pg_dump"), ("/usr/bin/pg_isready", "pg_isready"), ("/usr/bin/createdb", "postgres-tool"), ("/usr/bin/dropdb", "postgres-tool"), ("/usr/bin/createuser", "postgres-tool"), ("/usr/bin/dropuser", "postgres-tool"), ("/usr/bin/clusterdb", "postgres-tool"), ("/usr/bin/reindexdb", "postgres-tool"), ("/usr/bin/vacuumdb", "postgres-tool")], deps: &["libpq", "lz4-libs", "postgresql-common", "readline", "zstd-libs"], recommends: &[], provides: &["postgresql-client"] },
    Package { name: "redis", manager: Apk, version: "7.2.5-r0", size: 3719168, download: 1562050, programs: &[("/usr/bin/redis-server", "redis-server"), ("/usr/bin/redis-sentinel", "redis-server"), ("/usr/bin/redis-cli", "redis-cli"), ("/usr/bin/redis-benchmark", "redis-tool"), ("/usr/bin/redis-check-aof", "redis-tool"), ("/usr/bin/redis-check-rdb", "redis-tool")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "oniguruma", manager: Apk, version: "6.9.9-r0", size: 585728, download: 246005, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "jq", manager: Apk, version: "1.7.1-r0", size: 303104, download: 127303, programs: &[("/usr/bin/jq", "jq")], deps: &["oniguruma"], recommends: &[], provides: &[] },
    Package { name: "unzip", manager: Apk, version: "6.0-r14", size: 348160, download: 146227, programs: &[("/usr/bin/unzip", "unzip"), ("/usr/bin/zipinfo", "unzip"), ("/usr/bin/funzip", "unzip")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "zip", manager: Apk, version: "3.0-r12", size: 462848, download: 194396, programs: &[("/usr/bin/zip", "zip"), ("/usr/bin/zipcloak", "zip"), ("/usr/bin/zipnote", "zip"), ("/usr/bin/zipsplit", "zip")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "less", manager: Apk, version: "643-r1", size: 327680, download: 137625, programs: &[("/usr/bin/less", "less"), ("/usr/bin/lessecho", "less"), ("/usr/bin/lesskey", "less")], deps: &["libncursesw"], recommends: &[], provides: &[] },
    Package { name: "htop", manager: Apk, version: "3.2.2-r1", size: 487424, download: 204718, programs: &[("/usr/bin/htop", "htop")], deps: &["libncursesw"], recommends: &[], provides: &[] },
    Package { name: "libedit", manager: Apk, version: "20230828.3.1-r3", size: 229376, download: 96337, programs: &[], deps: &["libncursesw"], recommends: &[], provides: &[] },
    Package { name: "openssh-keygen", manager: Apk, version: "9.6_p1-r0", size: 512000, download: 215040, programs: &[("/usr/bin/ssh-keygen", "ssh-keygen")], deps: &["libcrypto3"], recommends: &[], provides: &[] },
    Package { name: "openssh-client-common", manager: Apk, version: "9.6_p1-r0", size: 1679360, download: 705331, programs: &[("/usr/bin/scp", "scp"), ("/usr/bin/sftp", "sftp"), ("/usr/bin/ssh-add", "ssh-tool"), ("/usr/bin/ssh-agent", "ssh-tool"), ("/usr/bin/ssh-keyscan", "ssh-tool"), ("/usr/bin/ssh-copy-id", "ssh-tool")], deps: &["openssh-keygen"], recommends: &[], provides: &[] },
    Package { name: "openssh-client-default", manager: Apk, version: "9.6_p1-r0", size: 1048576, download: 440401, programs: &[("/usr/bin/ssh", "ssh")], deps: &["libedit", "openssh-client-common"], recommends: &[], provides: &["openssh-client"] },
    Package { name: "libc6-compat", manager: Apk, version: "1.2.4_git20230717-r4", size: 12288, download: 5160, programs: &[("/lib/ld-linux-x86-64.so.2", "lib"), ("/lib64/ld-linux-x86-64.so.2", "lib"), ("/lib/libc.so.6", "lib")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "linux-pam", manager: Apk, version: "1.5.3-r7", size: 745472, download: 313098, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "shadow", manager: Apk, version: "4.14.2-r0", size: 3780608, download: 1587855, programs: &[("/usr/sbin/useradd", "useradd"), ("/usr/sbin/userdel", "userdel"), ("/usr/sbin/usermod", "usermod"), ("/usr/sbin/groupadd", "groupadd"), ("/usr/sbin/groupdel", "groupdel"), ("/usr/sbin/groupmod", "groupmod"), ("/usr/sbin/chpasswd", "chpasswd"), ("/usr/bin/chage", "passwd"), ("/usr/bin/gpasswd", "passwd"), ("/usr/bin/newgrp", "passwd")], deps: &["linux-pam"], recommends: &[], provides: &[] },
    Package { name: "su-exec", manager: Apk, version: "0.2-r3", size: 20480, download: 8601, programs: &[("/sbin/su-exec", "su-exec")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "gosu", manager: Apk, version: "1.16-r6", size: 2310144, download: 970260, programs: &[("/usr/sbin/gosu", "gosu")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libattr", manager: Apk, version: "2.5.1-r5", size: 28672, download: 12042, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "skalibs", manager: Apk, version: "2.14.0.1-r0", size: 200704, download: 84295, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "utmps-libs", manager: Apk, version: "0.1.2.2-r0", size: 28672, download: 12042, programs: &[], deps: &["skalibs"], recommends: &[], provides: &[] },
    Package { name: "coreutils", manager: Apk, version: "9.4-r2", size: 1118208, download: 469647, programs: &[("/bin/arch", "coreutils"), ("/usr/bin/b2sum", "coreutils"), ("/usr/bin/base32", "coreutils"), ("/bin/base64", "coreutils"), ("/usr/bin/basename", "coreutils"), ("/usr/bin/basenc", "coreutils"), ("/bin/cat", "coreutils"), ("/usr/bin/chcon", "coreutils"), ("/bin/chgrp", "coreutils"), ("/bin/chmod", "coreutils"), ("/bin/chown", "coreutils"), ("/usr/bin/cksum", "coreutils"), ("/usr/bin/comm", "coreutils"), ("/bin/cp", "coreutils"), ("/usr/bin/csplit", "coreutils"), ("/usr/bin/cut", "coreutils"), ("/bin/date", "coreutils"), ("/bin/dd", "coreutils"), ("/bin/df", "coreutils"), ("/usr/bin/dir", "coreutils"), ("/usr/bin/dircolors", "coreutils"), ("/usr/bin/dirname", "coreutils"), ("/usr/bin/du", "coreutils"), ("/bin/echo", "coreutils"), ("/usr/bin/env", "coreutils"), ("/usr/bin/expand", "coreutils"), ("/usr/bin/expr", "coreutils"), ("/usr/bin/factor", "coreutils"), ("/bin/false", "coreutils"), ("/usr/bin/fmt", "coreutils"), ("/usr/bin/fold", "coreutils"), ("/usr/bin/groups", "coreutils"), ("/usr/bin/head", "coreutils"), ("/usr/bin/hostid", "coreutils"), ("/usr/bin/id", "coreutils"), ("/usr/bin/install", "coreutils"), ("/usr/bin/join", "coreutils"), ("/bin/link", "coreutils"), ("/bin/ln", "coreutils"), ("/usr/bin/logname", "coreutils"), ("/bin/ls", "coreutils"), ("/usr/bin/md5sum", "coreutils"), ("/bin/mkdir", "coreutils"), ("/usr/bin/mkfifo", "coreutils"), ("/bin/mknod", "coreutils"), ("/bin/mktemp", "coreutils"), ("/bin/mv", "coreutils"), ("/bin/nice", "coreutils"), ("/usr/bin/nl", "coreutils"), ("/usr/bin/nohup", "coreutils"), ("/usr/bin/nproc", "coreutils"), ("/usr/bin/numfmt", "coreutils"), ("/usr/bin/od", "coreutils"), ("/usr/bin/paste", "coreutils"), ("/usr/bin/pathchk", "coreutils"), ("/usr/bin/pinky", "coreutils"), ("/usr/bin/pr", "coreutils"), ("/bin/printenv", "coreutils"), ("/usr/bin/printf", "coreutils"), ("/usr/bin/ptx", "coreutils"), ("/bin/pwd", "coreutils"), ("/usr/bin/readlink", "coreutils"), ("/usr/bin/realpath", "coreutils"), ("/bin/rm", "coreutils"), ("/bin/rmdir", "coreutils"), ("/usr/bin/runcon", "coreutils"), ("/usr/bin/seq", "coreutils"), ("/usr/bin/sha1sum", "coreutils"), ("/usr/bin/sha224sum", "coreutils"), ("/usr/bin/sha256sum", "coreutils"), ("/usr/bin/sha384sum", "coreutils"), ("/usr/bin/sha512sum", "coreutils"), ("/usr/bin/shred", "coreutils"), ("/usr/bin/shuf", "coreutils"), ("/bin/sleep", "coreutils"), ("/usr/bin/sort", "coreutils"), ("/usr/bin/split", "coreutils"), ("/bin/stat", "coreutils"), ("/usr/bin/stdbuf", "coreutils"), ("/bin/stty", "coreutils"), ("/usr/bin/sum", "coreutils"), ("/bin/sync", "coreutils"), ("/usr/bin/tac", "coreutils"), ("/usr/bin/tail", "coreutils"), ("/usr/bin/tee", "coreutils"), ("/usr/bin/test", "coreutils"), ("/usr/bin/timeout", "coreutils"), ("/bin/touch", "coreutils"), ("/usr/bin/tr", "coreutils"), ("/bin/true", "coreutils"), ("/usr/bin/truncate", "coreutils"), ("/usr/bin/tsort", "coreutils"), ("/usr/bin/tty", "coreutils"), ("/bin/uname", "coreutils"), ("/usr/bin/unexpand", "coreutils"), ("/usr/bin/uniq", "coreutils"), ("/usr/bin/unlink", "coreutils"), ("/usr/bin/users", "coreutils"), ("/usr/bin/vdir", "coreutils"), ("/usr/bin/wc", "coreutils"), ("/usr/bin/who", "coreutils"), ("/usr/bin/whoami", "coreutils"), ("/usr/bin/yes", "coreutils")], deps: &["acl-libs", "libattr", "utmps-libs"], recommends: &[], provides: &[] },
    Package { name: "busybox-extras", manager: Apk, version: "1.36.1-r20", size: 4096, download: 1720, programs: &[("/usr/bin/telnet", "busybox"), ("/usr/bin/ftpget", "busybox"), ("/usr/bin/ftpput", "busybox"), ("/usr/bin/tftp", "busybox"), ("/usr/sbin/httpd", "busybox"), ("/usr/sbin/inetd", "busybox"), ("/usr/sbin/udhcpd", "busybox")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "libpcap", manager: Apk, version: "1.10.4-r1", size: 319488, download: 134184, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "tcpdump", manager: Apk, version: "4.99.4-r1", size: 1183744, download: 497172, programs: &[("/usr/bin/tcpdump", "tcpdump")], deps: &["libpcap"], recommends: &[], provides: &[] },
    Package { name: "nginx", manager: Apk, version: "1.24.0-r16", size: 1318912, download: 553943, programs: &[("/usr/sbin/nginx", "nginx")], deps: &["pcre"], recommends: &[], provides: &[] },
    Package { name: "pcre", manager: Apk, version: "8.45-r3", size: 491520, download: 206438, programs: &[], deps: &[], recommends: &[], provides: &[] },
    Package { name: "sqlite", manager: Apk, version: "3.44.2-r0", size: 364544, download: 153108, programs: &[("/usr/bin/sqlite3", "sqlite3")], deps: &["readline", "sqlite-libs"], recommends: &[], provides: &[] },
    Package { name: "tree", manager: Apk, version: "2.1.1-r0", size: 65536, download: 27525, programs: &[("/usr/bin/tree", "tree")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "xz", manager: Apk, version: "5.4.5-r0", size: 200704, download: 84295, programs: &[("/usr/bin/xz", "xz"), ("/usr/bin/unxz", "xz"), ("/usr/bin/xzcat", "xz"), ("/usr/bin/lzma", "xz"), ("/usr/bin/unlzma", "xz"), ("/usr/bin/lzcat", "xz")], deps: &["xz-libs"], recommends: &[], provides: &[] },
    Package { name: "sudo", manager: Apk, version: "1.9.15_p5-r0", size: 3842048, download: 1613660, programs: &[("/usr/bin/sudo", "sudo"), ("/usr/bin/sudoedit", "sudo"), ("/usr/bin/sudoreplay", "sudo"), ("/usr/sbin/visudo", "sudo")], deps: &[], recommends: &[], provides: &[] },
    Package { name: "gnupg", manager: Apk, version: "2.4.5-r0", size: 5705728, download: 2396405, programs: &[("/usr/bin/gpg", "gpg"), ("/usr/bin/gpgconf", "gpg"), ("/usr/bin/gpg-agent", "gpg"), ("/usr/bin/dirmngr", "gpg")], deps: &["readline", "sqlite-libs"], recommends: &[], provides: &[] },
];

/// Packages of the debian:bookworm image (Priority: required, plus apt and
/// what it needs): `dpkg -l` of a fresh container.
pub const DEBIAN_BASE_PACKAGES: &[(&str, &str)] = &[
    ("adduser", "3.134"),
    ("apt", "2.6.2"),
    ("base-files", "12.4+deb12u15"),
    ("base-passwd", "3.6.1"),
    ("bash", "5.2.15-2+b13"),
    ("bsdutils", "1:2.38.1-5+deb12u3"),
    ("coreutils", "9.1-1"),
    ("dash", "0.5.12-2"),
    ("debconf", "1.5.82"),
    ("debian-archive-keyring", "2023.3+deb12u2"),
    ("debianutils", "5.7-0.5~deb12u1"),
    ("diffutils", "1:3.8-4"),
    ("dpkg", "1.21.23"),
    ("e2fsprogs", "1.47.0-2+b2"),
    ("findutils", "4.9.0-4"),
    ("gcc-12-base", "12.2.0-14+deb12u1"),
    ("gpgv", "2.2.40-1.1+deb12u2"),
    ("grep", "3.8-5"),
    ("gzip", "1.12-1"),
    ("hostname", "3.23+nmu1"),
    ("init-system-helpers", "1.65.2+deb12u1"),
    ("libacl1", "2.3.1-3"),
    ("libapt-pkg6.0", "2.6.2"),
    ("libattr1", "1:2.5.1-4"),
    ("libaudit-common", "1:3.0.9-1"),
    ("libaudit1", "1:3.0.9-1"),
    ("libblkid1", "2.38.1-5+deb12u3"),
    ("libbz2-1.0", "1.0.8-5+b1"),
    ("libc-bin", "2.36-9+deb12u14"),
    ("libc6", "2.36-9+deb12u14"),
    ("libcap-ng0", "0.8.3-1+b3"),
    ("libcap2", "1:2.66-4+deb12u3+b1"),
    ("libcom-err2", "1.47.0-2+b2"),
    ("libcrypt1", "1:4.4.33-2"),
    ("libdb5.3", "5.3.28+dfsg2-1"),
    ("libdebconfclient0", "0.270"),
    ("libext2fs2", "1.47.0-2+b2"),
    ("libffi8", "3.4.4-1"),
    ("libgcc-s1", "12.2.0-14+deb12u1"),
    ("libgcrypt20", "1.10.1-3+deb12u1"),
    ("libgmp10", "2:6.2.1+dfsg1-1.1"),
    ("libgnutls30", "3.7.9-2+deb12u7"),
    ("libgpg-error0", "1.46-1"),
    ("libhogweed6", "3.8.1-2"),
    ("libidn2-0", "2.3.3-1+b1"),
    ("liblz4-1", "1.9.4-1"),
    ("liblzma5", "5.4.1-1+deb12u2"),
    ("libmd0", "1.0.4-2"),
    ("libmount1", "2.38.1-5+deb12u3"),
    ("libnettle8", "3.8.1-2"),
    ("libp11-kit0", "0.24.1-2"),
    ("libpam-modules", "1.5.2-6+deb12u2"),
    ("libpam-modules-bin", "1.5.2-6+deb12u2"),
    ("libpam-runtime", "1.5.2-6+deb12u2"),
    ("libpam0g", "1.5.2-6+deb12u2"),
    ("libpcre2-8-0", "10.42-1+deb12u2"),
    ("libseccomp2", "2.5.4-1+deb12u1"),
    ("libselinux1", "3.4-1+b6"),
    ("libsemanage-common", "3.4-1"),
    ("libsemanage2", "3.4-1+b5"),
    ("libsepol2", "3.4-2.1"),
    ("libsmartcols1", "2.38.1-5+deb12u3"),
    ("libss2", "1.47.0-2+b2"),
    ("libstdc++6", "12.2.0-14+deb12u1"),
    ("libsystemd0", "252.39-1~deb12u2"),
    ("libtasn1-6", "4.19.0-2+deb12u1"),
    ("libtinfo6", "6.4-4"),
    ("libudev1", "252.39-1~deb12u2"),
    ("libunistring2", "1.0-2"),
    ("libuuid1", "2.38.1-5+deb12u3"),
    ("libxxhash0", "0.8.1-1"),
    ("libzstd1", "1.5.4+dfsg2-5"),
    ("login", "1:4.13+dfsg1-1+deb12u2"),
    ("logsave", "1.47.0-2+b2"),
    ("mawk", "1.3.4.20200120-3.1"),
    ("mount", "2.38.1-5+deb12u3"),
    ("ncurses-base", "6.4-4"),
    ("ncurses-bin", "6.4-4"),
    ("passwd", "1:4.13+dfsg1-1+deb12u2"),
    ("perl-base", "5.36.0-7+deb12u4"),
    ("sed", "4.9-1+deb12u1"),
    ("sysvinit-utils", "3.06-4"),
    ("tar", "1.34+dfsg-1.2+deb12u1"),
    ("tzdata", "2026f-0+deb12u1"),
    ("usr-is-merged", "37~deb12u1"),
    ("util-linux", "2.38.1-5+deb12u3"),
    ("util-linux-extra", "2.38.1-5+deb12u3"),
    ("zlib1g", "1:1.2.13.dfsg-1"),
];

/// Packages of the ubuntu:20.04 and 22.04 images (main ones; versions of
/// jammy). No tzdata, no procps, no curl: real.
pub const UBUNTU_JAMMY_BASE_PACKAGES: &[(&str, &str)] = &[
    ("adduser", "3.118ubuntu5"),
    ("apt", "2.4.12"),
    ("base-files", "12ubuntu4.6"),
    ("base-passwd", "3.5.52build1"),
    ("bash", "5.1-6ubuntu1.1"),
    ("bsdutils", "1:2.37.2-4ubuntu3.4"),
    ("coreutils", "8.32-4.1ubuntu1.2"),
    ("dash", "0.5.11+git20210903+057cd650a4ed-3build1"),
    ("debconf", "1.5.79ubuntu1"),
    ("debianutils", "5.5-1ubuntu2"),
    ("diffutils", "1:3.8-0ubuntu2"),
    ("dpkg", "1.21.1ubuntu2.3"),
    ("e2fsprogs", "1.46.5-2ubuntu1.1"),
    ("findutils", "4.8.0-1ubuntu3"),
    ("gcc-12-base", "12.3.0-1ubuntu1~22.04"),
    ("gpgv", "2.2.27-3ubuntu2.1"),
    ("grep", "3.7-1build1"),
    ("gzip", "1.10-4ubuntu4.1"),
    ("hostname", "3.23ubuntu2"),
    ("init-system-helpers", "1.62"),
    ("libc-bin", "2.35-0ubuntu3.8"),
    ("libc6", "2.35-0ubuntu3.8"),
    ("libpam-modules", "1.4.0-11ubuntu2.4"),
    ("libpam-runtime", "1.4.0-11ubuntu2.4"),
    ("libssl3", "3.0.2-0ubuntu1.18"),
    ("libstdc++6", "12.3.0-1ubuntu1~22.04"),
    ("libsystemd0", "249.11-0ubuntu3.12"),
    ("login", "1:4.8.1-2ubuntu2.2"),
    ("mawk", "1.3.4.20200120-3"),
    ("mount", "2.37.2-4ubuntu3.4"),
    ("ncurses-base", "6.3-2ubuntu0.1"),
    ("ncurses-bin", "6.3-2ubuntu0.1"),
    ("passwd", "1:4.8.1-2ubuntu2.2"),
    ("perl-base", "5.34.0-3ubuntu1.3"),
    ("sed", "4.8-1ubuntu2"),
    ("sensible-utils", "0.0.17"),
    ("sysvinit-utils", "3.01-1ubuntu1"),
    ("tar", "1.34+dfsg-1ubuntu0.1.22.04.2"),
    ("ubuntu-keyring", "2021.03.26"),
    ("usrmerge", "25ubuntu2"),
    ("util-linux", "2.37.2-4ubuntu3.4"),
    ("zlib1g", "1:1.2.11.dfsg-2ubuntu9.2"),
];

/// Packages of the ubuntu:24.04 image (main ones; versions of noble). No
/// adduser any more: real.
pub const UBUNTU_NOBLE_BASE_PACKAGES: &[(&str, &str)] = &[
    ("apt", "2.7.14build2"),
    ("base-files", "13ubuntu10.1"),
    ("base-passwd", "3.6.3build1"),
    ("bash", "5.2.21-2ubuntu4"),
    ("bsdutils", "1:2.39.3-9ubuntu6.1"),
    ("coreutils", "9.4-3ubuntu6"),
    ("dash", "0.5.12-6ubuntu5"),
    ("debconf", "1.5.86ubuntu1"),
    ("debianutils", "5.17build1"),
    ("diffutils", "1:3.10-1build1"),
    ("dpkg", "1.22.6ubuntu6.1"),
    ("findutils", "4.9.0-5build1"),
    ("gcc-14-base", "14-20240412-0ubuntu1"),
    ("gpgv", "2.4.4-2ubuntu17"),
    ("grep", "3.11-4build1"),
    ("gzip", "1.12-1ubuntu3"),
    ("hostname", "3.23+nmu2ubuntu2"),
    ("init-system-helpers", "1.66ubuntu1"),
    ("libc-bin", "2.39-0ubuntu8.3"),
    ("libc6", "2.39-0ubuntu8.3"),
    ("libpam-modules", "1.5.3-5ubuntu5.1"),
    ("libpam-runtime", "1.5.3-5ubuntu5.1"),
    ("libssl3t64", "3.0.13-0ubuntu3.4"),
    ("libstdc++6", "14-20240412-0ubuntu1"),
    ("libsystemd0", "255.4-1ubuntu8.4"),
    ("login", "1:4.13+dfsg1-4ubuntu3"),
    ("mawk", "1.3.4.20240123-1build1"),
    ("mount", "2.39.3-9ubuntu6.1"),
    ("ncurses-base", "6.4+20240113-1ubuntu2"),
    ("ncurses-bin", "6.4+20240113-1ubuntu2"),
    ("passwd", "1:4.13+dfsg1-4ubuntu3"),
    ("perl-base", "5.38.2-3.2build2"),
    ("sed", "4.9-2build1"),
    ("sysvinit-utils", "3.08-6ubuntu3"),
    ("tar", "1.35+dfsg-3build1"),
    ("ubuntu-keyring", "2023.11.28.1"),
    ("util-linux", "2.39.3-9ubuntu6.1"),
    ("zlib1g", "1:1.3.dfsg-3.1ubuntu2"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn base_names(m: PkgManager) -> HashSet<&'static str> {
        match m {
            PkgManager::Apk => crate::baseos::ALPINE_BASE_PACKAGES.iter().map(|p| p.0).collect(),
            PkgManager::Apt => DEBIAN_BASE_PACKAGES.iter().map(|p| p.0).collect(),
        }
    }

    #[test]
    fn names_unique_per_manager() {
        let mut seen = HashSet::new();
        for p in PACKAGES {
            assert!(seen.insert((p.manager, p.name)), "duplicate {:?} {}", p.manager, p.name);
        }
    }

    #[test]
    fn deps_resolve() {
        for p in PACKAGES {
            let base = base_names(p.manager);
            for d in p.deps.iter().chain(p.recommends) {
                assert!(
                    find(p.manager, d).is_some() || base.contains(d),
                    "{:?} {}: dependency {d} is neither in the catalog nor in the base",
                    p.manager,
                    p.name
                );
            }
        }
    }

    #[test]
    fn program_paths_absolute_and_sizes_positive() {
        for p in PACKAGES {
            for (path, kind) in p.programs {
                assert!(path.starts_with('/') && !path.ends_with('/'), "{}: {path}", p.name);
                assert!(!kind.is_empty());
            }
            assert!(!p.version.is_empty(), "{}", p.name);
        }
    }

    #[test]
    fn well_known_packages() {
        let curl = find(PkgManager::Apt, "curl").unwrap();
        assert!(curl.programs.contains(&("/usr/bin/curl", "curl")));
        assert!(curl.deps.contains(&"libcurl4"));
        let ping = find(PkgManager::Apt, "iputils-ping").unwrap();
        assert!(ping.programs.contains(&("/bin/ping", "ping-iputils")));
        let be = find(PkgManager::Apt, "build-essential").unwrap();
        let mut total = 0;
        let mut todo = vec![be.name];
        let mut seen = HashSet::new();
        while let Some(n) = todo.pop() {
            if !seen.insert(n) {
                continue;
            }
            if let Some(p) = find(PkgManager::Apt, n) {
                total += p.size;
                todo.extend(p.deps.iter().copied());
            }
        }
        assert!(total > 200_000_000 && total < 400_000_000, "build-essential closure is {total} bytes");
        assert!(seen.contains("gcc") && seen.contains("make") && seen.contains("g++"));
        assert!(find(PkgManager::Apt, "dnsutils").unwrap().deps.contains(&"bind9-dnsutils"));
        assert!(find(PkgManager::Apt, "bind9-dnsutils").unwrap().programs.contains(&("/usr/bin/nslookup", "nslookup-bind")));
        assert!(find(PkgManager::Apk, "procps").map(|p| p.name) == Some("procps-ng"));
        assert!(find(PkgManager::Apk, "curl").unwrap().programs.contains(&("/usr/bin/curl", "curl")));
        assert!(find(PkgManager::Apk, "bash").unwrap().programs.contains(&("/bin/bash", "bash")));
        assert!(find(PkgManager::Apk, "build-base").unwrap().deps.contains(&"gcc"));
        assert!(find(PkgManager::Apk, "nosuchpackage").is_none());
        assert!(find(PkgManager::Apt, "build-base").is_none());
        assert!(find(PkgManager::Apk, "build-essential").is_none());
    }
}
