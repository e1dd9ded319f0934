//! The built-in image catalog (data for `catalog.rs`): every image
//! `docker pull` can fetch from the simulated registry.
//!
//! Snapshot: the official images as published around September 2024
//! (alpine 3.19.4, debian 12.7, nginx 1.27.1, node 18.20.4, python 3.11.10,
//! postgres 16.4, redis 7.2.5, mysql 8.0.39/8.4.2/9.0.1, mongo 7.0.14, ...),
//! plus the Elastic 8.11.0 images the course names. Config fields (Cmd,
//! Entrypoint, Env, ExposedPorts, WorkingDir, User, Volumes, StopSignal) and
//! the history steps follow the images' Dockerfiles in docker-library,
//! nginxinc/docker-nginx, MariaDB/mariadb-docker and the vendors' repos.
//! Layer ids are invented (deterministic) hex; sizes are uncompressed bytes
//! adding up to what `docker images` shows for the real image.
//!
//! Every `-alpine` image here is built on alpine 3.19 (its tag list names
//! the `-alpine3.19` variant too) so that it shares alpine:3.19's layer;
//! Debian-based ones share debian:bookworm or bookworm-slim's layer, and
//! node, python and golang share the buildpack-deps:bookworm layers, as the
//! real images do. Layers with size 0 are history-only steps (ENV, CMD,
//! LABEL...): `docker pull` does not download them.
//!
//! `programs` are the executables an image adds to its OS base (see
//! `baseos`); on Debian and Ubuntu both the /usr/bin and the /bin path are
//! listed (merged /usr). [`PROGRAM_KINDS`] documents every program kind
//! used by the catalog, the OS bases and the package catalog.

use crate::baseos::{
    alpine_group, alpine_passwd, debian_group, debian_passwd, ubuntu_jammy_group,
    ubuntu_jammy_group_rest, ubuntu_jammy_passwd, ubuntu_noble_group_system,
    ubuntu_noble_passwd_system,
};
use crate::catalog::{CatalogImage, Os};

/// (layer id, size in bytes, CREATED BY).
type Layer = (&'static str, u64, &'static str);

/// Builds a `programs` slice at compile time.
/// - `bin { "x" => "kind", .. }`: /usr/bin/x and /bin/x (merged /usr);
/// - `sbin { .. }`: /usr/sbin/x and /sbin/x;
/// - `at { "/abs/path" => "kind", .. }`: exactly that path;
/// - a set name (`bpd_curl`, `bpd_scm`, `bpd_full`, `gcc_tools`, `ol9`):
///   the programs of a shared base layer.
macro_rules! progs {
    (@acc [$($acc:tt)*]) => { &[$($acc)*] };
    (@acc [$($acc:tt)*] bin { $($n:literal => $k:literal),* $(,)? } $($rest:tt)*) => {
        progs!(@acc [$($acc)* $((concat!("/usr/bin/", $n), $k), (concat!("/bin/", $n), $k),)*] $($rest)*)
    };
    (@acc [$($acc:tt)*] sbin { $($n:literal => $k:literal),* $(,)? } $($rest:tt)*) => {
        progs!(@acc [$($acc)* $((concat!("/usr/sbin/", $n), $k), (concat!("/sbin/", $n), $k),)*] $($rest)*)
    };
    (@acc [$($acc:tt)*] at { $($p:literal => $k:literal),* $(,)? } $($rest:tt)*) => {
        progs!(@acc [$($acc)* $(($p, $k),)*] $($rest)*)
    };
    // buildpack-deps:bookworm-curl
    (@acc [$($acc:tt)*] bpd_curl $($rest:tt)*) => {
        progs!(@acc [$($acc)*] bin {
            "curl" => "curl", "wget" => "wget", "gpg" => "gpg", "gpg-agent" => "gpg", "gpgconf" => "gpg",
            "dirmngr" => "gpg", "sq" => "sq",
        } sbin { "update-ca-certificates" => "update-ca-certificates" } $($rest)*)
    };
    // buildpack-deps:bookworm-scm (mercurial brings Debian's python3 3.11.2)
    (@acc [$($acc:tt)*] bpd_scm $($rest:tt)*) => {
        progs!(@acc [$($acc)*] bin {
            "git" => "git", "git-shell" => "git", "hg" => "hg", "svn" => "svn", "svnadmin" => "svn",
            "ssh" => "ssh", "scp" => "scp", "sftp" => "sftp", "ssh-keygen" => "ssh-keygen", "ssh-add" => "ssh-tool",
            "ssh-agent" => "ssh-tool", "ssh-keyscan" => "ssh-tool", "ps" => "ps-procps", "top" => "top-procps",
            "free" => "free-procps", "kill" => "kill-procps", "pgrep" => "pgrep-procps", "pkill" => "pgrep-procps",
            "uptime" => "uptime-procps", "watch" => "watch-procps", "vmstat" => "procps", "w" => "procps",
            "python3" => "python", "python3.11" => "python",
        } sbin { "sysctl" => "sysctl-procps" } $($rest)*)
    };
    // buildpack-deps:bookworm (the C toolchain and -dev libraries)
    (@acc [$($acc:tt)*] bpd_full $($rest:tt)*) => {
        progs!(@acc [$($acc)*] gcc_tools bin {
            "autoconf" => "autoconf", "autoheader" => "autoconf", "autoreconf" => "autoconf",
            "automake" => "automake", "aclocal" => "automake", "libtool" => "libtool", "libtoolize" => "libtool",
            "patch" => "patch", "bzip2" => "bzip2", "bunzip2" => "bzip2", "bzcat" => "bzip2", "xz" => "xz",
            "unxz" => "xz", "xzcat" => "xz", "unzip" => "unzip", "zipinfo" => "unzip", "file" => "file",
            "convert" => "imagemagick", "identify" => "imagemagick", "mogrify" => "imagemagick",
            "dpkg-buildpackage" => "dpkg-dev", "dpkg-architecture" => "dpkg-dev", "pg_config" => "pg_config",
            "mysql_config" => "mysql_config", "curl-config" => "curl-config", "xml2-config" => "xml2-config",
            "cpan" => "perl", "perldoc" => "perl",
        } $($rest)*)
    };
    // gcc, g++, make, binutils, pkg-config (golang's extra layer; part of bpd_full)
    (@acc [$($acc:tt)*] gcc_tools $($rest:tt)*) => {
        progs!(@acc [$($acc)*] bin {
            "gcc" => "gcc", "gcc-12" => "gcc", "cc" => "gcc", "c89" => "gcc", "c99" => "gcc",
            "x86_64-linux-gnu-gcc" => "gcc", "g++" => "g++", "g++-12" => "g++", "c++" => "g++",
            "x86_64-linux-gnu-g++" => "g++", "cpp" => "cpp", "cpp-12" => "cpp", "make" => "make",
            "ld" => "binutils", "as" => "binutils", "ar" => "binutils", "nm" => "binutils",
            "objdump" => "binutils", "objcopy" => "binutils", "strip" => "binutils", "ranlib" => "binutils",
            "readelf" => "binutils", "strings" => "binutils", "pkg-config" => "pkg-config", "pkgconf" => "pkg-config",
        } $($rest)*)
    };
    // oraclelinux:9-slim userland (mysql's base): bash as sh, coreutils-single,
    // microdnf, no procps, no ping, no ip.
    (@acc [$($acc:tt)*] ol9 $($rest:tt)*) => {
        progs!(@acc [$($acc)*] bin {
            "bash" => "bash", "sh" => "bash", "ls" => "coreutils", "cat" => "coreutils", "echo" => "coreutils",
            "cp" => "coreutils", "mv" => "coreutils", "rm" => "coreutils", "mkdir" => "coreutils",
            "rmdir" => "coreutils", "touch" => "coreutils", "ln" => "coreutils", "chmod" => "coreutils",
            "chown" => "coreutils", "chgrp" => "coreutils", "head" => "coreutils", "tail" => "coreutils",
            "wc" => "coreutils", "sort" => "coreutils", "uniq" => "coreutils", "cut" => "coreutils",
            "tr" => "coreutils", "tee" => "coreutils", "env" => "coreutils", "printenv" => "coreutils",
            "basename" => "coreutils", "dirname" => "coreutils", "date" => "coreutils", "sleep" => "coreutils",
            "whoami" => "coreutils", "id" => "coreutils", "uname" => "coreutils", "df" => "coreutils",
            "du" => "coreutils", "stat" => "coreutils", "seq" => "coreutils", "yes" => "coreutils",
            "md5sum" => "coreutils", "sha256sum" => "coreutils", "base64" => "coreutils", "nproc" => "coreutils",
            "true" => "coreutils", "false" => "coreutils", "readlink" => "coreutils", "realpath" => "coreutils",
            "pwd" => "coreutils", "test" => "coreutils", "[" => "coreutils", "printf" => "coreutils",
            "mktemp" => "coreutils", "timeout" => "coreutils", "nohup" => "coreutils", "expr" => "coreutils",
            "grep" => "grep", "egrep" => "grep", "fgrep" => "grep", "sed" => "sed", "awk" => "gawk",
            "gawk" => "gawk", "find" => "find", "xargs" => "xargs", "tar" => "tar", "gzip" => "gzip",
            "gunzip" => "gzip", "zcat" => "gzip", "bzip2" => "bzip2", "xz" => "xz", "zstd" => "zstd",
            "openssl" => "openssl", "curl" => "curl", "gpg" => "gpg", "getent" => "getent", "ldd" => "ldd",
            "microdnf" => "microdnf", "rpm" => "rpm", "su" => "su", "more" => "more", "mount" => "mount",
            "which" => "which", "vi" => "vi",
        } sbin {
            "useradd" => "useradd", "userdel" => "userdel", "usermod" => "usermod", "groupadd" => "groupadd",
            "groupdel" => "groupdel", "nologin" => "nologin", "ldconfig" => "ldconfig",
        } $($rest)*)
    };
    ($($t:tt)*) => { progs!(@acc [] $($t)*) };
}

// ---------------------------------------------------------------------------
// Shared layers. A layer reused by several images is the same const, so its
// id, size and CREATED BY are identical everywhere.
// ---------------------------------------------------------------------------

const ALPINE_319: Layer = (
    "f641753c6de9",
    7_377_858,
    "ADD alpine-minirootfs-3.19.4-x86_64.tar.gz / # buildkit",
);
const ALPINE_319_CMD: Layer = ("6256d97f1265", 0, "CMD [\"/bin/sh\"]");
const ALPINE_320: Layer = (
    "257d5bed1df5",
    7_797_760,
    "ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit",
);
const ALPINE_320_CMD: Layer = ("8558bb4b5382", 0, "CMD [\"/bin/sh\"]");

const BUSYBOX: Layer = ("d655cc1edcbc", 4_261_550, "ADD busybox.tar.xz / # buildkit");
const BUSYBOX_CMD: Layer = ("26aac350ad73", 0, "CMD [\"sh\"]");

const BOOKWORM: Layer = (
    "240a5e288165",
    116_546_128,
    "# debian.sh --arch 'amd64' out/ 'bookworm' '@1725235200'",
);
const BOOKWORM_SLIM: Layer = (
    "cc3826fecbee",
    74_766_934,
    "# debian.sh --arch 'amd64' out/ 'bookworm' '@1725235200'",
);

const BPD_CURL: Layer = (
    "d6630aed00ac",
    48_491_520,
    "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit",
);
const BPD_SCM: Layer = (
    "0b7dc9eb9ffd",
    177_353_712,
    "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit",
);
const BPD_FULL: Layer = (
    "d432d5ed47ff",
    587_802_432,
    "RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibdb-dev \t\tlibevent-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tlibglib2.0-dev \t\tlibgmp-dev \t\tlibjpeg-dev \t\tlibkrb5-dev \t\tliblzma-dev \t\tlibmagickcore-dev \t\tlibmagickwand-dev \t\tlibmaxminddb-dev \t\tlibncurses5-dev \t\tlibncursesw5-dev \t\tlibpng-dev \t\tlibpq-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tlibtool \t\tlibwebp-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlibyaml-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit",
);

const JAMMY_ARG_RELEASE: Layer = ("64b03b596848", 0, "/bin/sh -c #(nop)  ARG RELEASE");
const JAMMY_ARG_ARCH: Layer = (
    "fd5d04e8f29f",
    0,
    "/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH",
);
const JAMMY_LABEL_NAME: Layer = (
    "26833642062c",
    0,
    "/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu",
);
const JAMMY_LABEL_VERSION: Layer = (
    "81492cd7bbdc",
    0,
    "/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=22.04",
);
const JAMMY_ADD: Layer = ("073b5f36e3ae", 77_863_599, "/bin/sh -c #(nop) ADD file:a5d32dc2ab15ff0d7dbd2fb9b3a2b2a1c2d5f0a3b47ecf4ba79ebd3d8a2fd2c4 in / ");
const JAMMY_CMD: Layer = ("b4fe1b0a80d3", 0, "/bin/sh -c #(nop)  CMD [\"/bin/bash\"]");

const NOBLE_ARG_RELEASE: Layer = ("67a512642e75", 0, "/bin/sh -c #(nop)  ARG RELEASE");
const NOBLE_ARG_ARCH: Layer = (
    "fc50dafaf4dd",
    0,
    "/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH",
);
const NOBLE_LABEL_NAME: Layer = (
    "ee90ba7360f9",
    0,
    "/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu",
);
const NOBLE_LABEL_VERSION: Layer = (
    "ee15f4ed4aa3",
    0,
    "/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04",
);
const NOBLE_ADD: Layer = ("4e6706da43a2", 78_123_069, "/bin/sh -c #(nop) ADD file:3b7ab43e1b3e0d2b8c5e2e3c4f8a38e1d2f3a0e9c7b6d5a4e3f2c1b0a9d8e7f6 in / ");
const NOBLE_CMD: Layer = ("61756d5d0129", 0, "/bin/sh -c #(nop)  CMD [\"/bin/bash\"]");

const FOCAL_ARG_RELEASE: Layer = ("62e69713e2be", 0, "/bin/sh -c #(nop)  ARG RELEASE");
const FOCAL_ARG_ARCH: Layer = (
    "1f875160eb78",
    0,
    "/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH",
);
const FOCAL_LABEL_NAME: Layer = (
    "5a7e0fbcfc67",
    0,
    "/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu",
);
const FOCAL_LABEL_VERSION: Layer = (
    "22ed7b3478d1",
    0,
    "/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=20.04",
);
const FOCAL_ADD: Layer = ("22b50abaee12", 72_812_288, "/bin/sh -c #(nop) ADD file:63d5ab3ef0aab308c0e71cb67292c5467f60deafa9b0418cbb220affcd078444 in / ");
const FOCAL_CMD: Layer = ("a46593f07635", 0, "/bin/sh -c #(nop)  CMD [\"/bin/bash\"]");

const OL9_ADD: Layer = ("6be9f9602433", 118_153_216, "/bin/sh -c #(nop) ADD file:5b1e0d6c1a7e2f3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3 in / ");
const OL9_CMD: Layer = ("5a02647ae1d4", 0, "/bin/sh -c #(nop)  CMD [\"/bin/bash\"]");

// quay.io/prometheus/busybox-linux-amd64 (busybox:glibc plus a few libraries)
const PROM_BUSYBOX_LABEL: Layer = (
    "c8a3c5192c1d",
    0,
    "LABEL maintainer=The Prometheus Authors <prometheus-developers@googlegroups.com>",
);
const PROM_BUSYBOX_LIBS: Layer = ("3631ed432078", 1_207_236, "COPY /rootfs / # buildkit");

// The start of the docker-library/mysql oracle Dockerfile, shared by 8.0, 8.4 and 9.0.
const MYSQL_USER: Layer = ("6293e5ff6c60", 1_415, "RUN /bin/sh -c set -eux; \tgroupadd --system --gid 999 mysql; \tuseradd --system --uid 999 --gid 999 --home-dir /var/lib/mysql --no-create-home mysql # buildkit");
const MYSQL_GOSU_ENV: Layer = ("f5f88fab0cda", 0, "ENV GOSU_VERSION=1.17");
const MYSQL_GOSU: Layer = ("8f69da229971", 4_402_688, "RUN /bin/sh -c set -eux; \tarch=\"$(uname -m)\"; \tcase \"$arch\" in \t\taarch64) gosuArch='arm64' ;; \t\tx86_64) gosuArch='amd64' ;; \t\t*) echo >&2 \"error: unsupported architecture: '$arch'\"; exit 1 ;; \tesac; \tcurl -fL -o /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch.asc\"; \tcurl -fL -o /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$gosuArch\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit");
const MYSQL_MICRODNF: Layer = ("a0a7ae98d289", 15_318_016, "RUN /bin/sh -c set -eux; \tmicrodnf install -y \t\tbzip2 \t\tgzip \t\topenssl \t\txz \t\tzstd \t\tfindutils \t; \tmicrodnf clean all # buildkit");
const MYSQL_KEY: Layer = ("055efad0a791", 2_615, "RUN /bin/sh -c set -eux; \tkey='BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; \trm -rf \"$GNUPGHOME\" # buildkit");

// ---------------------------------------------------------------------------
// Shared texts.
// ---------------------------------------------------------------------------

const NGINX_CONF: &str = r#"
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
"#;

const NGINX_DEFAULT_CONF: &str = r#"server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\.ht {
    #    deny  all;
    #}
}

"#;

const NGINX_INDEX_HTML: &str = r#"<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
"#;

const NGINX_50X_HTML: &str = r#"<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
"#;

const NGINX_MIME_TYPES: &str = r#"
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    application/atom+xml                             atom;
    application/rss+xml                              rss;

    text/mathml                                      mml;
    text/plain                                       txt;
    text/vnd.sun.j2me.app-descriptor                 jad;
    text/vnd.wap.wml                                 wml;
    text/x-component                                 htc;

    image/avif                                       avif;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    image/tiff                                       tif tiff;
    image/vnd.wap.wbmp                               wbmp;
    image/webp                                       webp;
    image/x-icon                                     ico;
    image/x-jng                                      jng;
    image/x-ms-bmp                                   bmp;

    font/woff                                        woff;
    font/woff2                                       woff2;

    application/java-archive                         jar war ear;
    application/json                                 json;
    application/mac-binhex40                         hqx;
    application/msword                               doc;
    application/pdf                                  pdf;
    application/postscript                           ps eps ai;
    application/rtf                                  rtf;
    application/vnd.apple.mpegurl                    m3u8;
    application/vnd.google-earth.kml+xml             kml;
    application/vnd.google-earth.kmz                 kmz;
    application/vnd.ms-excel                         xls;
    application/vnd.ms-fontobject                    eot;
    application/vnd.ms-powerpoint                    ppt;
    application/vnd.oasis.opendocument.graphics      odg;
    application/vnd.oasis.opendocument.presentation  odp;
    application/vnd.oasis.opendocument.spreadsheet   ods;
    application/vnd.oasis.opendocument.text          odt;
    application/vnd.openxmlformats-officedocument.presentationml.presentation
                                                     pptx;
    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
                                                     xlsx;
    application/vnd.openxmlformats-officedocument.wordprocessingml.document
                                                     docx;
    application/vnd.wap.wmlc                         wmlc;
    application/wasm                                 wasm;
    application/x-7z-compressed                      7z;
    application/x-cocoa                              cco;
    application/x-java-archive-diff                  jardiff;
    application/x-java-jnlp-file                     jnlp;
    application/x-makeself                           run;
    application/x-perl                               pl pm;
    application/x-pilot                              prc pdb;
    application/x-rar-compressed                     rar;
    application/x-redhat-package-manager             rpm;
    application/x-sea                                sea;
    application/x-shockwave-flash                    swf;
    application/x-stuffit                            sit;
    application/x-tcl                                tcl tk;
    application/x-x509-ca-cert                       der pem crt;
    application/x-xpinstall                          xpi;
    application/xhtml+xml                            xhtml;
    application/xspf+xml                             xspf;
    application/zip                                  zip;

    application/octet-stream                         bin exe dll;
    application/octet-stream                         deb;
    application/octet-stream                         dmg;
    application/octet-stream                         iso img;
    application/octet-stream                         msi msp msm;

    audio/midi                                       mid midi kar;
    audio/mpeg                                       mp3;
    audio/ogg                                        ogg;
    audio/x-m4a                                      m4a;
    audio/x-realaudio                                ra;

    video/3gpp                                       3gpp 3gp;
    video/mp2t                                       ts;
    video/mp4                                        mp4;
    video/mpeg                                       mpeg mpg;
    video/quicktime                                  mov;
    video/webm                                       webm;
    video/x-flv                                      flv;
    video/x-m4v                                      m4v;
    video/x-mng                                      mng;
    video/x-ms-asf                                   asx asf;
    video/x-ms-wmv                                   wmv;
    video/x-msvideo                                  avi;
}
"#;

const HTTPD_INDEX_HTML: &str = "<html><body><h1>It works!</h1></body></html>\n";

/// The main directives of the image's httpd.conf (comments and the long
/// LoadModule list shortened).
const HTTPD_CONF: &str = r#"#
# This is the main Apache HTTP server configuration file.  It contains the
# configuration directives that give the server its instructions.
# See <URL:http://httpd.apache.org/docs/2.4/> for detailed information.
#
ServerRoot "/usr/local/apache2"

Listen 80

LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authn_file_module modules/mod_authn_file.so
LoadModule authn_core_module modules/mod_authn_core.so
LoadModule authz_host_module modules/mod_authz_host.so
LoadModule authz_groupfile_module modules/mod_authz_groupfile.so
LoadModule authz_user_module modules/mod_authz_user.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule access_compat_module modules/mod_access_compat.so
LoadModule auth_basic_module modules/mod_auth_basic.so
LoadModule reqtimeout_module modules/mod_reqtimeout.so
LoadModule filter_module modules/mod_filter.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule env_module modules/mod_env.so
LoadModule headers_module modules/mod_headers.so
LoadModule setenvif_module modules/mod_setenvif.so
LoadModule version_module modules/mod_version.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule status_module modules/mod_status.so
LoadModule autoindex_module modules/mod_autoindex.so
LoadModule dir_module modules/mod_dir.so
LoadModule alias_module modules/mod_alias.so

<IfModule unixd_module>
User www-data
Group www-data
</IfModule>

ServerAdmin you@example.com

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

<Files ".ht*">
    Require all denied
</Files>

ErrorLog /proc/self/fd/2

LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"" combined
    LogFormat "%h %l %u %t \"%r\" %>s %b" common
    CustomLog /proc/self/fd/1 common
</IfModule>

<IfModule alias_module>
    ScriptAlias /cgi-bin/ "/usr/local/apache2/cgi-bin/"
</IfModule>

<IfModule mime_module>
    TypesConfig conf/mime.types
    AddType application/x-compress .Z
    AddType application/x-gzip .gz .tgz
</IfModule>
"#;

const SKEL_BASH_LOGOUT: &str = r#"# ~/.bash_logout: executed by bash(1) when login shell exits.

# when leaving the console clear the screen to increase privacy

if [ "$SHLVL" = 1 ]; then
    [ -x /usr/bin/clear_console ] && /usr/bin/clear_console -q
fi
"#;

const PROMETHEUS_YML: &str = r#"# my global config
global:
  scrape_interval: 15s # Set the scrape interval to every 15 seconds. Default is every 1 minute.
  evaluation_interval: 15s # Evaluate rules every 15 seconds. The default is every 1 minute.
  # scrape_timeout is set to the global default (10s).

# Alertmanager configuration
alerting:
  alertmanagers:
    - static_configs:
        - targets:
          # - alertmanager:9093

# Load rules once and periodically evaluate them according to the global 'evaluation_interval'.
rule_files:
  # - "first_rules.yml"
  # - "second_rules.yml"

# A scrape configuration containing exactly one endpoint to scrape:
# Here it's Prometheus itself.
scrape_configs:
  # The job name is added as a label `job=<job_name>` to any timeseries scraped from this config.
  - job_name: "prometheus"

    # metrics_path defaults to '/metrics'
    # scheme defaults to 'http'.

    static_configs:
      - targets: ["localhost:9090"]
"#;

const REGISTRY_CONFIG: &str = r#"version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
"#;

const OL9_OS_RELEASE: &str = r#"NAME="Oracle Linux Server"
VERSION="9.4"
ID="ol"
ID_LIKE="fedora"
VARIANT="Server"
VARIANT_ID="server"
VERSION_ID="9.4"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Oracle Linux Server 9.4"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:oracle:linux:9:4:server"
HOME_URL="https://linux.oracle.com/"
BUG_REPORT_URL="https://github.com/oracle/oracle-linux"

ORACLE_BUGZILLA_PRODUCT="Oracle Linux 9"
ORACLE_BUGZILLA_PRODUCT_VERSION=9.4
ORACLE_SUPPORT_PRODUCT="Oracle Linux"
ORACLE_SUPPORT_PRODUCT_VERSION=9.4
"#;

/// /etc/passwd of oraclelinux:9-slim plus the mysql user.
const MYSQL_PASSWD: &str = "root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
adm:x:3:4:adm:/var/adm:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/spool/mail:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
games:x:12:100:games:/usr/games:/sbin/nologin
ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin
nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin
mysql:x:999:999::/var/lib/mysql:/bin/bash
";

const MYSQL_GROUP: &str = "root:x:0:
bin:x:1:
daemon:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mem:x:8:
kmem:x:9:
wheel:x:10:
cdrom:x:11:
mail:x:12:
man:x:15:
dialout:x:18:
floppy:x:19:
games:x:20:
tape:x:33:
video:x:39:
ftp:x:50:
lock:x:54:
audio:x:63:
users:x:100:
nobody:x:65534:
utmp:x:22:
utempter:x:35:
input:x:999:
kvm:x:36:
render:x:998:
systemd-journal:x:190:
mysql:x:999:
";

const MYSQL_MY_CNF: &str = r#"# For advice on how to change settings please see
# http://dev.mysql.com/doc/refman/8.0/en/server-configuration-defaults.html

[mysqld]
#
# Remove leading # and set to the amount of RAM for the most important data
# cache in MySQL. Start at 70% of total RAM for dedicated server, else 10%.
# innodb_buffer_pool_size = 128M
#
# Remove leading # to turn on a very important data integrity option: logging
# changes to the binary log between backups.
# log_bin
#
# Remove leading # to set options mainly useful for reporting servers.
# The server defaults are faster for transactions and fast SELECTs.
# Adjust sizes as needed, experiment to find the optimal values.
# join_buffer_size = 128M
# sort_buffer_size = 2M
# read_rnd_buffer_size = 2M

host-cache-size=0
skip-name-resolve
datadir=/var/lib/mysql
socket=/var/run/mysqld/mysqld.sock
secure-file-priv=/var/lib/mysql-files
user=mysql

pid-file=/var/run/mysqld/mysqld.pid
[client]
socket=/var/run/mysqld/mysqld.sock

!includedir /etc/mysql/conf.d/
"#;

const LOGSTASH_PIPELINE: &str = r#"input {
  beats {
    port => 5044
  }
}

output {
  stdout {
    codec => rubydebug
  }
}
"#;

const LOGSTASH_YML: &str = r#"api.http.host: "0.0.0.0"
xpack.monitoring.elasticsearch.hosts: [ "http://elasticsearch:9200" ]
"#;

const LOGSTASH_PIPELINES_YML: &str = r#"# This file is where you define your pipelines. You can define multiple.
# For more information on multiple pipelines, see the documentation:
#   https://www.elastic.co/guide/en/logstash/current/multiple-pipelines.html

- pipeline.id: main
  path.config: "/usr/share/logstash/pipeline"
"#;

const KIBANA_YML: &str = r#"#
# ** THIS IS AN AUTO-GENERATED FILE **
#

# Default Kibana configuration for docker target
server.host: "0.0.0.0"
server.shutdownTimeout: "5s"
elasticsearch.hosts: [ "http://elasticsearch:9200" ]
monitoring.ui.container.elasticsearch.enabled: true
"#;

const ELASTICSEARCH_YML: &str = r#"cluster.name: "docker-cluster"
network.host: 0.0.0.0
"#;

const NODE_PATH_ENV: &str = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const PYTHON_PATH_ENV: &str =
    "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const GO_PATH_ENV: &str =
    "PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The apt packages of buildpack-deps:bookworm beyond debian:bookworm
/// (main ones), so `apt-get install git` says it is already there.
macro_rules! bpd_packages {
    () => {
        &[
            "ca-certificates",
            "curl",
            "gnupg",
            "netbase",
            "sq",
            "wget",
            "git",
            "mercurial",
            "openssh-client",
            "subversion",
            "procps",
            "python3",
            "autoconf",
            "automake",
            "bzip2",
            "default-libmysqlclient-dev",
            "dpkg-dev",
            "file",
            "g++",
            "gcc",
            "imagemagick",
            "libbz2-dev",
            "libc6-dev",
            "libcurl4-openssl-dev",
            "libffi-dev",
            "libpq-dev",
            "libreadline-dev",
            "libsqlite3-dev",
            "libssl-dev",
            "libtool",
            "libxml2-dev",
            "libyaml-dev",
            "make",
            "patch",
            "unzip",
            "xz-utils",
            "zlib1g-dev",
            "perl",
            "binutils",
            "pkg-config",
        ]
    };
}

/// The catalog. Each tag names exactly one entry; `repo` is as users type
/// it (Docker Hub library images without "library/").
pub static IMAGES: &[CatalogImage] = &[
    // ----------------------------------------------------------------- hello-world
    CatalogImage {
        repo: "hello-world",
        tags: &["latest", "linux"],
        os: Os::Scratch,
        layers: &[
            ("a4507958013d", 13_256, "COPY hello / # buildkit"),
            ("44bc6a747d2e", 0, "CMD [\"/hello\"]"),
        ],
        created: "2023-05-02T16:49:27Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["/hello"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[("/hello", "hello")],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    // ----------------------------------------------------------------- alpine
    CatalogImage {
        repo: "alpine",
        tags: &["3.19", "3.19.4", "latest"],
        os: Os::Alpine("3.19.4"),
        layers: &[ALPINE_319, ALPINE_319_CMD],
        created: "2024-09-06T12:05:36Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["/bin/sh"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    CatalogImage {
        repo: "alpine",
        tags: &["3.20", "3.20.3"],
        os: Os::Alpine("3.20.3"),
        layers: &[ALPINE_320, ALPINE_320_CMD],
        created: "2024-09-06T22:20:07Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["/bin/sh"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    // ----------------------------------------------------------------- busybox
    CatalogImage {
        repo: "busybox",
        tags: &["latest", "1", "1.36", "1.36.1", "stable", "glibc", "1.36-glibc", "1.36.1-glibc", "stable-glibc"],
        os: Os::Busybox,
        layers: &[BUSYBOX, BUSYBOX_CMD],
        created: "2024-09-26T21:31:42Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["sh"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    // ----------------------------------------------------------------- ubuntu
    CatalogImage {
        repo: "ubuntu",
        tags: &["20.04", "focal", "focal-20231003"],
        os: Os::Ubuntu("20.04"),
        layers: &[
            FOCAL_ARG_RELEASE, FOCAL_ARG_ARCH, FOCAL_LABEL_NAME, FOCAL_LABEL_VERSION, FOCAL_ADD, FOCAL_CMD,
        ],
        created: "2023-10-03T18:14:05Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["/bin/bash"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "20.04")],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    CatalogImage {
        repo: "ubuntu",
        tags: &["22.04", "jammy", "jammy-20240808"],
        os: Os::Ubuntu("22.04"),
        layers: &[
            JAMMY_ARG_RELEASE, JAMMY_ARG_ARCH, JAMMY_LABEL_NAME, JAMMY_LABEL_VERSION, JAMMY_ADD, JAMMY_CMD,
        ],
        created: "2024-08-13T09:28:56Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["/bin/bash"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "22.04")],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    CatalogImage {
        repo: "ubuntu",
        tags: &["24.04", "noble", "latest", "noble-20240827.1"],
        os: Os::Ubuntu("24.04"),
        layers: &[
            NOBLE_ARG_RELEASE, NOBLE_ARG_ARCH, NOBLE_LABEL_NAME, NOBLE_LABEL_VERSION, NOBLE_ADD, NOBLE_CMD,
        ],
        created: "2024-08-27T16:27:05Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["/bin/bash"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "24.04")],
        programs: &[],
        files: &[],
        dirs: &["/home/ubuntu"],
        packages: &[],
    },
    // ----------------------------------------------------------------- debian
    CatalogImage {
        repo: "debian",
        tags: &["bookworm", "12", "12.7", "latest", "stable", "bookworm-20240904"],
        os: Os::Debian("bookworm"),
        layers: &[BOOKWORM],
        created: "2024-09-04T00:00:00Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["bash"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    CatalogImage {
        repo: "debian",
        tags: &["bookworm-slim", "12-slim", "12.7-slim", "stable-slim", "bookworm-20240904-slim"],
        os: Os::Debian("bookworm"),
        layers: &[BOOKWORM_SLIM],
        created: "2024-09-04T00:00:00Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["bash"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    // ----------------------------------------------------------------- nginx
    CatalogImage {
        repo: "nginx",
        tags: &[
            "latest", "1", "1.27", "1.27.1", "mainline", "bookworm", "1-bookworm", "1.27-bookworm", "1.27.1-bookworm",
            "mainline-bookworm",
        ],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM_SLIM,
            ("5cae9282925e", 0, "LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"),
            ("0a45e455cb6d", 0, "ENV NGINX_VERSION=1.27.1"),
            ("e5a35d3db037", 0, "ENV NJS_VERSION=0.8.5"),
            ("fc1fa433847c", 0, "ENV NJS_RELEASE=1~bookworm"),
            ("4284eb3aca7f", 0, "ENV PKG_RELEASE=1~bookworm"),
            ("974f0545733a", 0, "ENV DYNPKG_RELEASE=2~bookworm"),
            ("68fbab7f2c61", 116_996_347, "RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     &&     NGINX_GPGKEYS=\"573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3\";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME=\"$(mktemp -d)\";     found='';     for NGINX_GPGKEY in $NGINX_GPGKEYS; do     for server in         hkp://keyserver.ubuntu.com:80         pgp.mit.edu     ; do         echo \"Fetching GPG key $NGINX_GPGKEY from $server\";         gpg1 --keyserver \"$server\" --keyserver-options timeout=10 --recv-keys \"$NGINX_GPGKEY\" && found=yes && break;     done;     test -z \"$found\" && echo >&2 \"error: failed to fetch GPG key $NGINX_GPGKEY\" && exit 1;     done;     gpg1 --export \"$NGINX_GPGKEYS\" > \"$NGINX_GPGKEY_PATH\" ;     rm -rf \"$GNUPGHOME\";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && dpkgArch=\"$(dpkg --print-architecture)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     \"     && case \"$dpkgArch\" in         amd64|arm64)             echo \"deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ bookworm nginx\" >> /etc/apt/sources.list.d/nginx.list             && apt-get update             ;;     esac         && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list         && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit"),
            ("1711790c0fca", 1_620, "COPY docker-entrypoint.sh / # buildkit"),
            ("2271bcbef1dd", 2_125, "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit"),
            ("f8ce6e6e0dd7", 336, "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit"),
            ("5c6588381d31", 3_018, "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit"),
            ("3ef7d6a39500", 4_620, "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit"),
            ("6cd92cc64872", 0, "ENTRYPOINT [\"/docker-entrypoint.sh\"]"),
            ("ec37ac1ff036", 0, "EXPOSE map[80/tcp:{}]"),
            ("007d3bb7f316", 0, "STOPSIGNAL SIGQUIT"),
            ("44501f049d6e", 0, "CMD [\"nginx\" \"-g\" \"daemon off;\"]"),
        ],
        created: "2024-08-14T21:31:12Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "NGINX_VERSION=1.27.1",
            "NJS_VERSION=0.8.5",
            "NJS_RELEASE=1~bookworm",
            "PKG_RELEASE=1~bookworm",
            "DYNPKG_RELEASE=2~bookworm",
        ],
        cmd: Some(&["nginx", "-g", "daemon off;"]),
        entrypoint: Some(&["/docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["80/tcp"],
        volumes: &[],
        stop_signal: Some("SIGQUIT"),
        healthcheck: None,
        labels: &[("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>")],
        programs: progs!(
            sbin { "nginx" => "nginx", "nginx-debug" => "nginx" }
            bin { "curl" => "curl", "envsubst" => "envsubst" }
            at {
                "/docker-entrypoint.sh" => "entrypoint-nginx",
                "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh" => "nginx-listen-ipv6",
                "/docker-entrypoint.d/15-local-resolvers.envsh" => "nginx-local-resolvers",
                "/docker-entrypoint.d/20-envsubst-on-templates.sh" => "nginx-envsubst-templates",
                "/docker-entrypoint.d/30-tune-worker-processes.sh" => "nginx-tune-workers",
            }
        ),
        files: &[
            ("/etc/nginx/nginx.conf", NGINX_CONF),
            ("/etc/nginx/conf.d/default.conf", NGINX_DEFAULT_CONF),
            ("/etc/nginx/mime.types", NGINX_MIME_TYPES),
            ("/usr/share/nginx/html/index.html", NGINX_INDEX_HTML),
            ("/usr/share/nginx/html/50x.html", NGINX_50X_HTML),
            ("/etc/passwd", concat!(debian_passwd!(), "nginx:x:101:101:nginx user:/nonexistent:/bin/false\n")),
            ("/etc/group", concat!(debian_group!(), "nginx:x:101:\n")),
        ],
        dirs: &["/var/cache/nginx", "/var/log/nginx", "/etc/nginx/templates"],
        packages: &[
            "nginx", "nginx-module-njs", "nginx-module-xslt", "nginx-module-geoip", "nginx-module-image-filter",
            "gettext-base", "curl", "libcurl4", "ca-certificates", "openssl",
        ],
    },
    CatalogImage {
        repo: "nginx",
        tags: &["stable", "1.26", "1.26.2", "stable-bookworm", "1.26-bookworm", "1.26.2-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM_SLIM,
            ("958b15b8e914", 0, "LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"),
            ("c109bca3b0e8", 0, "ENV NGINX_VERSION=1.26.2"),
            ("77e96ff413d9", 0, "ENV NJS_VERSION=0.8.5"),
            ("286fff6cc7f9", 0, "ENV NJS_RELEASE=1~bookworm"),
            ("6b2ae8d154a4", 0, "ENV PKG_RELEASE=1~bookworm"),
            ("8ae271ffdf12", 112_915_995, "RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && (...) echo \"deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/debian/ bookworm nginx\" >> /etc/apt/sources.list.d/nginx.list     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y $nginxPackages gettext-base curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit"),
            ("55e1f0a5d069", 1_620, "COPY docker-entrypoint.sh / # buildkit"),
            ("4da6f7fb7b66", 2_125, "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit"),
            ("a5a41cdca795", 336, "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit"),
            ("f09dfaf1cd63", 3_018, "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit"),
            ("ae89f5fe7852", 4_620, "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit"),
            ("b53d7076b980", 0, "ENTRYPOINT [\"/docker-entrypoint.sh\"]"),
            ("9bfbcea000a1", 0, "EXPOSE map[80/tcp:{}]"),
            ("0c3e184de67f", 0, "STOPSIGNAL SIGQUIT"),
            ("87c8bdbb8375", 0, "CMD [\"nginx\" \"-g\" \"daemon off;\"]"),
        ],
        created: "2024-08-14T21:31:12Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "NGINX_VERSION=1.26.2",
            "NJS_VERSION=0.8.5",
            "NJS_RELEASE=1~bookworm",
            "PKG_RELEASE=1~bookworm",
        ],
        cmd: Some(&["nginx", "-g", "daemon off;"]),
        entrypoint: Some(&["/docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["80/tcp"],
        volumes: &[],
        stop_signal: Some("SIGQUIT"),
        healthcheck: None,
        labels: &[("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>")],
        programs: progs!(
            sbin { "nginx" => "nginx", "nginx-debug" => "nginx" }
            bin { "curl" => "curl", "envsubst" => "envsubst" }
            at {
                "/docker-entrypoint.sh" => "entrypoint-nginx",
                "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh" => "nginx-listen-ipv6",
                "/docker-entrypoint.d/15-local-resolvers.envsh" => "nginx-local-resolvers",
                "/docker-entrypoint.d/20-envsubst-on-templates.sh" => "nginx-envsubst-templates",
                "/docker-entrypoint.d/30-tune-worker-processes.sh" => "nginx-tune-workers",
            }
        ),
        files: &[
            ("/etc/nginx/nginx.conf", NGINX_CONF),
            ("/etc/nginx/conf.d/default.conf", NGINX_DEFAULT_CONF),
            ("/etc/nginx/mime.types", NGINX_MIME_TYPES),
            ("/usr/share/nginx/html/index.html", NGINX_INDEX_HTML),
            ("/usr/share/nginx/html/50x.html", NGINX_50X_HTML),
            ("/etc/passwd", concat!(debian_passwd!(), "nginx:x:101:101:nginx user:/nonexistent:/bin/false\n")),
            ("/etc/group", concat!(debian_group!(), "nginx:x:101:\n")),
        ],
        dirs: &["/var/cache/nginx", "/var/log/nginx", "/etc/nginx/templates"],
        packages: &[
            "nginx", "nginx-module-njs", "nginx-module-xslt", "nginx-module-geoip", "nginx-module-image-filter",
            "gettext-base", "curl", "libcurl4", "ca-certificates", "openssl",
        ],
    },
    CatalogImage {
        repo: "nginx",
        tags: &[
            "alpine", "1-alpine", "1.27-alpine", "1.27.1-alpine", "mainline-alpine", "alpine3.19", "1-alpine3.19",
            "1.27-alpine3.19", "1.27.1-alpine3.19", "mainline-alpine3.19",
        ],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("236c3250d823", 0, "LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"),
            ("4b943d66b770", 0, "ENV NGINX_VERSION=1.27.1"),
            ("74c0b733671a", 0, "ENV PKG_RELEASE=1"),
            ("9604f5544ae6", 0, "ENV DYNPKG_RELEASE=2"),
            ("a00e3581056e", 9_826_304, "RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps         openssl     && case \"$apkArch\" in         x86_64|aarch64)             set -x             && KEY_SHA512=\"e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655\"             && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub             && if echo \"$KEY_SHA512 */tmp/nginx_signing.rsa.pub\" | sha512sum -c -; then                 echo \"key verification succeeded!\";                 mv /tmp/nginx_signing.rsa.pub /etc/apk/keys/;             else                 echo \"key verification failed!\";                 exit 1;             fi             && apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n \"$tempDir\" ]; then rm -rf \"$tempDir\"; fi     && if [ -f \"/etc/apk/keys/abuild-key.rsa.pub\" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/         && runDeps=\"$(         scanelf --needed --nobanner /tmp/envsubst             | awk '{ gsub(/,/, \"\\nso:\", $2); print \"so:\" $2 }'             | sort -u             | xargs -r apk info --installed             | sort -u     )\"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit"),
            ("038aac631069", 1_620, "COPY docker-entrypoint.sh / # buildkit"),
            ("93a61cdaeeea", 2_125, "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit"),
            ("ebe10bba1e2f", 336, "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit"),
            ("3062f15bbabd", 3_018, "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit"),
            ("56d30392d181", 4_620, "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit"),
            ("c680d16db0d7", 0, "ENTRYPOINT [\"/docker-entrypoint.sh\"]"),
            ("0d56ec0dcfd0", 0, "EXPOSE map[80/tcp:{}]"),
            ("cbe57c336553", 0, "STOPSIGNAL SIGQUIT"),
            ("94c8f236eaab", 0, "CMD [\"nginx\" \"-g\" \"daemon off;\"]"),
            ("b0ae28897c2f", 0, "ENV NJS_VERSION=0.8.5"),
            ("448b6de3597a", 0, "ENV NJS_RELEASE=1"),
            ("47abf25d37ef", 30_769_119, "RUN /bin/sh -c set -x     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps         openssl     && case \"$apkArch\" in         x86_64|aarch64)             apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' /etc/alpine-release)/main\" --no-cache $nginxPackages             ;;     esac     && apk del --no-network .checksum-deps     && if [ -n \"$tempDir\" ]; then rm -rf \"$tempDir\"; fi     && if [ -f \"/etc/apk/keys/abuild-key.rsa.pub\" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates # buildkit"),
        ],
        created: "2024-08-14T21:31:12Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "NGINX_VERSION=1.27.1",
            "PKG_RELEASE=1",
            "DYNPKG_RELEASE=2",
            "NJS_VERSION=0.8.5",
            "NJS_RELEASE=1",
        ],
        cmd: Some(&["nginx", "-g", "daemon off;"]),
        entrypoint: Some(&["/docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["80/tcp"],
        volumes: &[],
        stop_signal: Some("SIGQUIT"),
        healthcheck: None,
        labels: &[("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>")],
        programs: progs!(at {
            "/usr/sbin/nginx" => "nginx",
            "/usr/sbin/nginx-debug" => "nginx",
            "/usr/local/bin/envsubst" => "envsubst",
            "/usr/bin/curl" => "curl",
            "/usr/sbin/update-ca-certificates" => "update-ca-certificates",
            "/docker-entrypoint.sh" => "entrypoint-nginx",
            "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh" => "nginx-listen-ipv6",
            "/docker-entrypoint.d/15-local-resolvers.envsh" => "nginx-local-resolvers",
            "/docker-entrypoint.d/20-envsubst-on-templates.sh" => "nginx-envsubst-templates",
            "/docker-entrypoint.d/30-tune-worker-processes.sh" => "nginx-tune-workers",
        }),
        files: &[
            ("/etc/nginx/nginx.conf", NGINX_CONF),
            ("/etc/nginx/conf.d/default.conf", NGINX_DEFAULT_CONF),
            ("/etc/nginx/mime.types", NGINX_MIME_TYPES),
            ("/usr/share/nginx/html/index.html", NGINX_INDEX_HTML),
            ("/usr/share/nginx/html/50x.html", NGINX_50X_HTML),
            ("/etc/passwd", concat!(alpine_passwd!(), "nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n")),
            ("/etc/group", concat!(alpine_group!(), "nginx:x:101:nginx\n")),
        ],
        dirs: &["/var/cache/nginx", "/var/log/nginx", "/etc/nginx/templates"],
        packages: &[
            "nginx", "nginx-module-njs", "nginx-module-xslt", "nginx-module-geoip", "nginx-module-image-filter",
            "curl", "libcurl", "ca-certificates", "tzdata", "brotli-libs", "c-ares", "libidn2", "libpsl",
            "libunistring", "nghttp2-libs", "zstd-libs",
        ],
    },
    // ----------------------------------------------------------------- httpd
    CatalogImage {
        repo: "httpd",
        tags: &["latest", "2", "2.4", "2.4.62", "bookworm", "2-bookworm", "2.4-bookworm", "2.4.62-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM_SLIM,
            ("43282eea1e4e", 0, "ENV HTTPD_PREFIX=/usr/local/apache2"),
            ("8c63c017548f", 0, "ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("f72c4aef3307", 0, "RUN /bin/sh -c mkdir -p \"$HTTPD_PREFIX\" \t&& chown www-data:www-data \"$HTTPD_PREFIX\" # buildkit"),
            ("14b7667ab7b8", 0, "WORKDIR /usr/local/apache2"),
            ("9ed2a53af689", 10_403_840, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("61df3515fa40", 0, "ENV HTTPD_VERSION=2.4.62"),
            ("4b697463784f", 0, "ENV HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec"),
            ("c0430bc1355d", 0, "ENV HTTPD_PATCHES="),
            ("97f7a4ffdda4", 62_661_088, "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tbzip2 \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibapr1-dev \t\tlibaprutil1-dev \t\tlibbrotli-dev \t\tlibcurl4-openssl-dev \t\tlibjansson-dev \t\tliblua5.2-dev \t\tlibnghttp2-dev \t\tlibpcre2-dev \t\tlibssl-dev \t\tlibxml2-dev \t\tmake \t\twget \t\tzlib1g-dev \t; \trm -r /var/lib/apt/lists/*; \t\tddist() { (...) }; \t\tddist 'httpd.tar.bz2' \"httpd/httpd-$HTTPD_VERSION.tar.bz2\"; \techo \"$HTTPD_SHA256 *httpd.tar.bz2\" | sha256sum -c -; \t(...) \tmkdir -p src; \ttar -xf httpd.tar.bz2 -C src --strip-components=1; \trm httpd.tar.bz2; \tcd src; \t(...) \t./configure \t\t--build=\"$gnuArch\" \t\t--prefix=\"$HTTPD_PREFIX\" \t\t--enable-mods-shared=reallyall \t\t--enable-mpms-shared=all \t\t--enable-pie \t\tCFLAGS=\"-pipe $CFLAGS\" \t; \tmake -j \"$(nproc)\"; \tmake install; \t\tcd ..; \trm -r src man manual; \t\tsed -ri \t\t-e 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g' \t\t-e 's!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g' \t\t-e 's!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g' \t\t-e 's!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g' \t\t\"$HTTPD_PREFIX/conf/httpd.conf\" \t\t\"$HTTPD_PREFIX/conf/extra/httpd-ssl.conf\" \t; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; \t(...) \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\thttpd -v # buildkit"),
            ("882081f666ad", 0, "STOPSIGNAL SIGWINCH"),
            ("95826119a3f7", 138, "COPY httpd-foreground /usr/local/bin/ # buildkit"),
            ("3381496a32e8", 0, "EXPOSE map[80/tcp:{}]"),
            ("c6cfa1c82cb1", 0, "CMD [\"httpd-foreground\"]"),
        ],
        created: "2024-09-04T03:12:44Z",
        env: &[
            "PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HTTPD_PREFIX=/usr/local/apache2",
            "HTTPD_VERSION=2.4.62",
            "HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec",
            "HTTPD_PATCHES=",
        ],
        cmd: Some(&["httpd-foreground"]),
        entrypoint: None,
        workdir: "/usr/local/apache2",
        user: "",
        exposed: &["80/tcp"],
        volumes: &[],
        stop_signal: Some("SIGWINCH"),
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/apache2/bin/httpd" => "httpd",
            "/usr/local/apache2/bin/apachectl" => "apachectl",
            "/usr/local/apache2/bin/htpasswd" => "htpasswd",
            "/usr/local/apache2/bin/ab" => "ab",
            "/usr/local/bin/httpd-foreground" => "httpd-foreground",
        }),
        files: &[
            ("/usr/local/apache2/htdocs/index.html", HTTPD_INDEX_HTML),
            ("/usr/local/apache2/conf/httpd.conf", HTTPD_CONF),
        ],
        dirs: &["/usr/local/apache2/logs", "/usr/local/apache2/cgi-bin", "/usr/local/apache2/modules"],
        packages: &["ca-certificates", "libaprutil1-ldap", "libldap-common", "libapr1", "libaprutil1"],
    },
    // ----------------------------------------------------------------- node
    CatalogImage {
        repo: "node",
        tags: &["18", "18.20", "18.20.4", "hydrogen", "18-bookworm", "18.20-bookworm", "18.20.4-bookworm", "hydrogen-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM,
            BPD_CURL,
            BPD_SCM,
            BPD_FULL,
            ("537369a694f2", 333_482, "RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit"),
            ("a6a4b4449f64", 0, "ENV NODE_VERSION=18.20.4"),
            ("8b7e1092fe27", 154_132_178, NODE_DEBIAN_INSTALL),
            ("c470dcc1ad50", 0, "ENV YARN_VERSION=1.22.22"),
            ("cd34fec5202d", 5_340_160, NODE_DEBIAN_YARN),
            ("f34449c8999a", 388, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("2f7870397023", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("0ea3e2f8171b", 0, "CMD [\"node\"]"),
        ],
        created: "2024-09-04T19:31:27Z",
        env: &[NODE_PATH_ENV, "NODE_VERSION=18.20.4", "YARN_VERSION=1.22.22"],
        cmd: Some(&["node"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(bpd_curl bpd_scm bpd_full at {
            "/usr/local/bin/node" => "node",
            "/usr/local/bin/nodejs" => "node",
            "/usr/local/bin/npm" => "npm",
            "/usr/local/bin/npx" => "npx",
            "/usr/local/bin/corepack" => "corepack",
            "/usr/local/bin/yarn" => "yarn",
            "/usr/local/bin/yarnpkg" => "yarn",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-node",
        }),
        files: &[
            ("/etc/passwd", concat!(debian_passwd!(), "node:x:1000:1000::/home/node:/bin/bash\n")),
            ("/etc/group", concat!(debian_group!(), "node:x:1000:\n")),
            ("/home/node/.bash_logout", SKEL_BASH_LOGOUT),
        ],
        dirs: &["/home/node", "/usr/local/lib/node_modules", "/opt/yarn-v1.22.22"],
        packages: bpd_packages!(),
    },
    CatalogImage {
        repo: "node",
        tags: &["20", "20.17", "20.17.0", "iron", "lts", "20-bookworm", "20.17-bookworm", "20.17.0-bookworm", "iron-bookworm", "lts-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM,
            BPD_CURL,
            BPD_SCM,
            BPD_FULL,
            ("d00fb9e2aac1", 333_482, "RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit"),
            ("4d9eea0329a3", 0, "ENV NODE_VERSION=20.17.0"),
            ("86ddc55fa558", 164_132_178, NODE_DEBIAN_INSTALL),
            ("57750fae2404", 0, "ENV YARN_VERSION=1.22.22"),
            ("7b7ede5cdc02", 5_340_160, NODE_DEBIAN_YARN),
            ("ca39f576b3b8", 388, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("7c5a2e030f2d", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("508149a74bd6", 0, "CMD [\"node\"]"),
        ],
        created: "2024-09-04T19:37:02Z",
        env: &[NODE_PATH_ENV, "NODE_VERSION=20.17.0", "YARN_VERSION=1.22.22"],
        cmd: Some(&["node"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(bpd_curl bpd_scm bpd_full at {
            "/usr/local/bin/node" => "node",
            "/usr/local/bin/nodejs" => "node",
            "/usr/local/bin/npm" => "npm",
            "/usr/local/bin/npx" => "npx",
            "/usr/local/bin/corepack" => "corepack",
            "/usr/local/bin/yarn" => "yarn",
            "/usr/local/bin/yarnpkg" => "yarn",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-node",
        }),
        files: &[
            ("/etc/passwd", concat!(debian_passwd!(), "node:x:1000:1000::/home/node:/bin/bash\n")),
            ("/etc/group", concat!(debian_group!(), "node:x:1000:\n")),
            ("/home/node/.bash_logout", SKEL_BASH_LOGOUT),
        ],
        dirs: &["/home/node", "/usr/local/lib/node_modules", "/opt/yarn-v1.22.22"],
        packages: bpd_packages!(),
    },
    CatalogImage {
        repo: "node",
        tags: &["latest", "22", "22.8", "22.8.0", "current", "bookworm", "22-bookworm", "22.8-bookworm", "22.8.0-bookworm", "current-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM,
            BPD_CURL,
            BPD_SCM,
            BPD_FULL,
            ("cb175463558b", 333_482, "RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit"),
            ("c09573326f57", 0, "ENV NODE_VERSION=22.8.0"),
            ("e1ec99f9fa4a", 184_132_178, NODE_DEBIAN_INSTALL),
            ("f2dffda2daf4", 0, "ENV YARN_VERSION=1.22.22"),
            ("e94b0e887a07", 5_340_160, NODE_DEBIAN_YARN),
            ("a65cf7bcf48a", 388, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("bfb4293054ba", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("01e06bbfe1f9", 0, "CMD [\"node\"]"),
        ],
        created: "2024-09-04T19:40:11Z",
        env: &[NODE_PATH_ENV, "NODE_VERSION=22.8.0", "YARN_VERSION=1.22.22"],
        cmd: Some(&["node"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(bpd_curl bpd_scm bpd_full at {
            "/usr/local/bin/node" => "node",
            "/usr/local/bin/nodejs" => "node",
            "/usr/local/bin/npm" => "npm",
            "/usr/local/bin/npx" => "npx",
            "/usr/local/bin/corepack" => "corepack",
            "/usr/local/bin/yarn" => "yarn",
            "/usr/local/bin/yarnpkg" => "yarn",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-node",
        }),
        files: &[
            ("/etc/passwd", concat!(debian_passwd!(), "node:x:1000:1000::/home/node:/bin/bash\n")),
            ("/etc/group", concat!(debian_group!(), "node:x:1000:\n")),
            ("/home/node/.bash_logout", SKEL_BASH_LOGOUT),
        ],
        dirs: &["/home/node", "/usr/local/lib/node_modules", "/opt/yarn-v1.22.22"],
        packages: bpd_packages!(),
    },
    CatalogImage {
        repo: "node",
        tags: &["18-alpine", "18-alpine3.19", "18.20-alpine", "18.20-alpine3.19", "18.20.4-alpine", "18.20.4-alpine3.19", "hydrogen-alpine", "hydrogen-alpine3.19"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("4892ccb3ebef", 0, "ENV NODE_VERSION=18.20.4"),
            ("d6a554627a0b", 114_281_594, NODE_ALPINE_INSTALL),
            ("0449b751c3da", 0, "ENV YARN_VERSION=1.22.22"),
            ("e52ed4ca0a1b", 5_340_160, NODE_ALPINE_YARN),
            ("a83ea6059f04", 388, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("499db61bafab", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("158be3c20e1e", 0, "CMD [\"node\"]"),
        ],
        created: "2024-09-07T01:20:33Z",
        env: &[NODE_PATH_ENV, "NODE_VERSION=18.20.4", "YARN_VERSION=1.22.22"],
        cmd: Some(&["node"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/bin/node" => "node",
            "/usr/local/bin/nodejs" => "node",
            "/usr/local/bin/npm" => "npm",
            "/usr/local/bin/npx" => "npx",
            "/usr/local/bin/corepack" => "corepack",
            "/usr/local/bin/yarn" => "yarn",
            "/usr/local/bin/yarnpkg" => "yarn",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-node",
        }),
        files: &[
            ("/etc/passwd", concat!(alpine_passwd!(), "node:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n")),
            ("/etc/group", concat!(alpine_group!(), "node:x:1000:node\n")),
        ],
        dirs: &["/home/node", "/usr/local/lib/node_modules", "/opt/yarn-v1.22.22"],
        packages: &["libstdc++", "libgcc"],
    },
    CatalogImage {
        repo: "node",
        tags: &["20-alpine", "20-alpine3.19", "20.17-alpine", "20.17.0-alpine", "20.17.0-alpine3.19", "iron-alpine", "lts-alpine", "lts-alpine3.19"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("1e2586ea80e8", 0, "ENV NODE_VERSION=20.17.0"),
            ("de81f1fd14f0", 120_281_594, NODE_ALPINE_INSTALL),
            ("06ab6822e543", 0, "ENV YARN_VERSION=1.22.22"),
            ("158b8afed1e5", 5_340_160, NODE_ALPINE_YARN),
            ("eeb5aac387ce", 388, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("ce0028b69acd", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("b22fc6a24648", 0, "CMD [\"node\"]"),
        ],
        created: "2024-09-07T01:25:40Z",
        env: &[NODE_PATH_ENV, "NODE_VERSION=20.17.0", "YARN_VERSION=1.22.22"],
        cmd: Some(&["node"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/bin/node" => "node",
            "/usr/local/bin/nodejs" => "node",
            "/usr/local/bin/npm" => "npm",
            "/usr/local/bin/npx" => "npx",
            "/usr/local/bin/corepack" => "corepack",
            "/usr/local/bin/yarn" => "yarn",
            "/usr/local/bin/yarnpkg" => "yarn",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-node",
        }),
        files: &[
            ("/etc/passwd", concat!(alpine_passwd!(), "node:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n")),
            ("/etc/group", concat!(alpine_group!(), "node:x:1000:node\n")),
        ],
        dirs: &["/home/node", "/usr/local/lib/node_modules", "/opt/yarn-v1.22.22"],
        packages: &["libstdc++", "libgcc"],
    },
    CatalogImage {
        repo: "node",
        tags: &["alpine", "alpine3.19", "22-alpine", "22-alpine3.19", "22.8-alpine", "22.8.0-alpine", "22.8.0-alpine3.19", "current-alpine"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("805a2b2666b7", 0, "ENV NODE_VERSION=22.8.0"),
            ("fe55dbd716b7", 142_281_594, NODE_ALPINE_INSTALL),
            ("97609cb3310e", 0, "ENV YARN_VERSION=1.22.22"),
            ("acb75eac1360", 5_340_160, NODE_ALPINE_YARN),
            ("e0c96342cdae", 388, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("a18a69c568c6", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("5b38145a0bc8", 0, "CMD [\"node\"]"),
        ],
        created: "2024-09-07T01:31:18Z",
        env: &[NODE_PATH_ENV, "NODE_VERSION=22.8.0", "YARN_VERSION=1.22.22"],
        cmd: Some(&["node"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/bin/node" => "node",
            "/usr/local/bin/nodejs" => "node",
            "/usr/local/bin/npm" => "npm",
            "/usr/local/bin/npx" => "npx",
            "/usr/local/bin/corepack" => "corepack",
            "/usr/local/bin/yarn" => "yarn",
            "/usr/local/bin/yarnpkg" => "yarn",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-node",
        }),
        files: &[
            ("/etc/passwd", concat!(alpine_passwd!(), "node:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n")),
            ("/etc/group", concat!(alpine_group!(), "node:x:1000:node\n")),
        ],
        dirs: &["/home/node", "/usr/local/lib/node_modules", "/opt/yarn-v1.22.22"],
        packages: &["libstdc++", "libgcc"],
    },
    // ----------------------------------------------------------------- python
    CatalogImage {
        repo: "python",
        tags: &["3.11", "3.11.10", "3.11-bookworm", "3.11.10-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM,
            BPD_CURL,
            BPD_SCM,
            BPD_FULL,
            ("366c5e4fdb02", 0, "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("9cc90ea2aeca", 0, "ENV LANG=C.UTF-8"),
            ("90f4c40de6bf", 18_153_472, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("4d234e4e6b7b", 0, "ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D"),
            ("6f2a95a4d4f4", 0, "ENV PYTHON_VERSION=3.11.10"),
            ("ada6dfb92669", 61_652_700, PYTHON_BUILD_DEBIAN),
            ("43d3c254e423", 36, PYTHON_LINKS),
            ("1bdbe7e24ddf", 0, "CMD [\"python3\"]"),
        ],
        created: "2024-09-09T18:52:07Z",
        env: &[PYTHON_PATH_ENV, "LANG=C.UTF-8", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D", "PYTHON_VERSION=3.11.10"],
        cmd: Some(&["python3"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(bpd_curl bpd_scm bpd_full at { "/usr/local/bin/python3" => "python", "/usr/local/bin/python3.11" => "python", "/usr/local/bin/python" => "python", "/usr/local/bin/pip3" => "pip", "/usr/local/bin/pip3.11" => "pip", "/usr/local/bin/pip" => "pip", "/usr/local/bin/pydoc3" => "pydoc", "/usr/local/bin/pydoc" => "pydoc", "/usr/local/bin/idle3" => "idle", "/usr/local/bin/idle" => "idle", "/usr/local/bin/python3-config" => "python-config", "/usr/local/bin/python-config" => "python-config", "/usr/local/bin/2to3" => "2to3", "/usr/local/bin/wheel" => "wheel" }),
        files: &[],
        dirs: &["/usr/local/lib/python3.11/site-packages"],
        packages: bpd_packages!(),
    },
    CatalogImage {
        repo: "python",
        tags: &["3.11-slim", "3.11.10-slim", "3.11-slim-bookworm", "3.11.10-slim-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM_SLIM,
            ("b9bb617b6d18", 0, "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("a56e2350e8b6", 0, "ENV LANG=C.UTF-8"),
            ("43804b8ad2a9", 3_510_272, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("303cc3d25704", 0, "ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D"),
            ("a7adb2796743", 0, "ENV PYTHON_VERSION=3.11.10"),
            ("2f44846a4c6f", 52_422_758, PYTHON_BUILD_SLIM),
            ("8b08709aabec", 36, PYTHON_LINKS),
            ("474c75b0a336", 0, "CMD [\"python3\"]"),
        ],
        created: "2024-09-09T18:52:07Z",
        env: &[PYTHON_PATH_ENV, "LANG=C.UTF-8", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D", "PYTHON_VERSION=3.11.10"],
        cmd: Some(&["python3"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(sbin { "update-ca-certificates" => "update-ca-certificates" } at { "/usr/local/bin/python3" => "python", "/usr/local/bin/python3.11" => "python", "/usr/local/bin/python" => "python", "/usr/local/bin/pip3" => "pip", "/usr/local/bin/pip3.11" => "pip", "/usr/local/bin/pip" => "pip", "/usr/local/bin/pydoc3" => "pydoc", "/usr/local/bin/pydoc" => "pydoc", "/usr/local/bin/idle3" => "idle", "/usr/local/bin/idle" => "idle", "/usr/local/bin/python3-config" => "python-config", "/usr/local/bin/python-config" => "python-config", "/usr/local/bin/2to3" => "2to3", "/usr/local/bin/wheel" => "wheel" }),
        files: &[],
        dirs: &["/usr/local/lib/python3.11/site-packages"],
        packages: &["ca-certificates", "netbase", "tzdata", "openssl"],
    },
    CatalogImage {
        repo: "python",
        tags: &["3.11-alpine", "3.11-alpine3.19", "3.11.10-alpine", "3.11.10-alpine3.19"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("80de16d0162b", 0, "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("2de1373272d1", 0, "ENV LANG=C.UTF-8"),
            ("ee69bf9b368d", 1_024_000, "RUN /bin/sh -c set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t; # buildkit"),
            ("26897b4ee955", 0, "ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D"),
            ("6850ff83f4e1", 0, "ENV PYTHON_VERSION=3.11.10"),
            ("1905b5595711", 43_898_106, PYTHON_BUILD_ALPINE),
            ("b8f44eb0e832", 36, PYTHON_LINKS),
            ("e37121bc5b3d", 0, "CMD [\"python3\"]"),
        ],
        created: "2024-09-09T18:52:07Z",
        env: &[PYTHON_PATH_ENV, "LANG=C.UTF-8", "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D", "PYTHON_VERSION=3.11.10"],
        cmd: Some(&["python3"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at { "/usr/sbin/update-ca-certificates" => "update-ca-certificates" } at { "/usr/local/bin/python3" => "python", "/usr/local/bin/python3.11" => "python", "/usr/local/bin/python" => "python", "/usr/local/bin/pip3" => "pip", "/usr/local/bin/pip3.11" => "pip", "/usr/local/bin/pip" => "pip", "/usr/local/bin/pydoc3" => "pydoc", "/usr/local/bin/pydoc" => "pydoc", "/usr/local/bin/idle3" => "idle", "/usr/local/bin/idle" => "idle", "/usr/local/bin/python3-config" => "python-config", "/usr/local/bin/python-config" => "python-config", "/usr/local/bin/2to3" => "2to3", "/usr/local/bin/wheel" => "wheel" }),
        files: &[],
        dirs: &["/usr/local/lib/python3.11/site-packages"],
        packages: &["ca-certificates", "tzdata", "libffi", "libbz2", "xz-libs", "sqlite-libs", "libncursesw", "readline"],
    },
    CatalogImage {
        repo: "python",
        tags: &["latest", "3", "3.12", "3.12.6", "bookworm", "3-bookworm", "3.12-bookworm", "3.12.6-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM,
            BPD_CURL,
            BPD_SCM,
            BPD_FULL,
            ("a7052ba2cd60", 0, "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("00eb90a205d2", 0, "ENV LANG=C.UTF-8"),
            ("c919c12c7a6d", 18_153_472, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("ab1a418e3897", 0, "ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305"),
            ("d751280812c4", 0, "ENV PYTHON_VERSION=3.12.6"),
            ("d3a3dc922741", 71_652_700, PYTHON_BUILD_DEBIAN),
            ("ee26f9811e2f", 36, PYTHON_LINKS),
            ("6910bab7b0d0", 0, "CMD [\"python3\"]"),
        ],
        created: "2024-09-09T19:02:51Z",
        env: &[PYTHON_PATH_ENV, "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", "PYTHON_VERSION=3.12.6"],
        cmd: Some(&["python3"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(bpd_curl bpd_scm bpd_full at { "/usr/local/bin/python3" => "python", "/usr/local/bin/python3.12" => "python", "/usr/local/bin/python" => "python", "/usr/local/bin/pip3" => "pip", "/usr/local/bin/pip3.12" => "pip", "/usr/local/bin/pip" => "pip", "/usr/local/bin/pydoc3" => "pydoc", "/usr/local/bin/pydoc" => "pydoc", "/usr/local/bin/idle3" => "idle", "/usr/local/bin/idle" => "idle", "/usr/local/bin/python3-config" => "python-config", "/usr/local/bin/python-config" => "python-config" }),
        files: &[],
        dirs: &["/usr/local/lib/python3.12/site-packages"],
        packages: bpd_packages!(),
    },
    CatalogImage {
        repo: "python",
        tags: &["slim", "3-slim", "3.12-slim", "3.12.6-slim", "slim-bookworm", "3.12-slim-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM_SLIM,
            ("dd0cf267435e", 0, "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("cf2731617eb1", 0, "ENV LANG=C.UTF-8"),
            ("135bff8350af", 3_510_272, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("2969d7109087", 0, "ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305"),
            ("bbc61ed58b37", 0, "ENV PYTHON_VERSION=3.12.6"),
            ("6ebb44e7f560", 46_322_758, PYTHON_BUILD_SLIM),
            ("9a345347c167", 36, PYTHON_LINKS),
            ("0b9958653d2b", 0, "CMD [\"python3\"]"),
        ],
        created: "2024-09-09T19:02:51Z",
        env: &[PYTHON_PATH_ENV, "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", "PYTHON_VERSION=3.12.6"],
        cmd: Some(&["python3"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(sbin { "update-ca-certificates" => "update-ca-certificates" } at { "/usr/local/bin/python3" => "python", "/usr/local/bin/python3.12" => "python", "/usr/local/bin/python" => "python", "/usr/local/bin/pip3" => "pip", "/usr/local/bin/pip3.12" => "pip", "/usr/local/bin/pip" => "pip", "/usr/local/bin/pydoc3" => "pydoc", "/usr/local/bin/pydoc" => "pydoc", "/usr/local/bin/idle3" => "idle", "/usr/local/bin/idle" => "idle", "/usr/local/bin/python3-config" => "python-config", "/usr/local/bin/python-config" => "python-config" }),
        files: &[],
        dirs: &["/usr/local/lib/python3.12/site-packages"],
        packages: &["ca-certificates", "netbase", "tzdata", "openssl"],
    },
    CatalogImage {
        repo: "python",
        tags: &["alpine", "3-alpine", "3.12-alpine", "3.12.6-alpine", "alpine3.19", "3.12-alpine3.19", "3.12.6-alpine3.19"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("b4cf57c3f204", 0, "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("1b1686c97c57", 0, "ENV LANG=C.UTF-8"),
            ("9a491c24d790", 1_024_000, "RUN /bin/sh -c set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t; # buildkit"),
            ("0d20afe7c67a", 0, "ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305"),
            ("12dc628c7c57", 0, "ENV PYTHON_VERSION=3.12.6"),
            ("76e0b0c72a0c", 46_498_106, PYTHON_BUILD_ALPINE),
            ("5d792310ef3c", 36, PYTHON_LINKS),
            ("628053a99ef7", 0, "CMD [\"python3\"]"),
        ],
        created: "2024-09-09T19:02:51Z",
        env: &[PYTHON_PATH_ENV, "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", "PYTHON_VERSION=3.12.6"],
        cmd: Some(&["python3"]),
        entrypoint: None,
        workdir: "",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at { "/usr/sbin/update-ca-certificates" => "update-ca-certificates" } at { "/usr/local/bin/python3" => "python", "/usr/local/bin/python3.12" => "python", "/usr/local/bin/python" => "python", "/usr/local/bin/pip3" => "pip", "/usr/local/bin/pip3.12" => "pip", "/usr/local/bin/pip" => "pip", "/usr/local/bin/pydoc3" => "pydoc", "/usr/local/bin/pydoc" => "pydoc", "/usr/local/bin/idle3" => "idle", "/usr/local/bin/idle" => "idle", "/usr/local/bin/python3-config" => "python-config", "/usr/local/bin/python-config" => "python-config" }),
        files: &[],
        dirs: &["/usr/local/lib/python3.12/site-packages"],
        packages: &["ca-certificates", "tzdata", "libffi", "libbz2", "xz-libs", "sqlite-libs", "libncursesw", "readline"],
    },
    // ----------------------------------------------------------------- golang
    CatalogImage {
        repo: "golang",
        tags: &["1.21", "1.21.13", "1.21-bookworm", "1.21.13-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM,
            BPD_CURL,
            BPD_SCM,
            ("8adb3611499b", 238_620_672, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("5b0898ec14ca", 0, "ENV GOLANG_VERSION=1.21.13"),
            ("4a580e84a55a", 0, "ENV GOTOOLCHAIN=local"),
            ("7d74f9ec5dfa", 0, "ENV GOPATH=/go"),
            ("00ac29a69670", 0, "ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("52cc7fd925b6", 232_987_968, "COPY /target/ / # buildkit"),
            ("b8d46e892d50", 0, "RUN /bin/sh -c mkdir -p \"$GOPATH/src\" \"$GOPATH/bin\" && chmod -R 1777 \"$GOPATH\" # buildkit"),
            ("d1cb61463533", 0, "WORKDIR /go"),
        ],
        created: "2024-08-06T22:12:28Z",
        env: &[GO_PATH_ENV, "GOLANG_VERSION=1.21.13", "GOTOOLCHAIN=local", "GOPATH=/go"],
        cmd: Some(&["bash"]),
        entrypoint: None,
        workdir: "/go",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(bpd_curl bpd_scm gcc_tools at {
            "/usr/local/go/bin/go" => "go",
            "/usr/local/go/bin/gofmt" => "gofmt",
        }),
        files: &[],
        dirs: &["/go/src", "/go/bin", "/usr/local/go/src", "/usr/local/go/pkg"],
        packages: &[
            "ca-certificates", "curl", "gnupg", "netbase", "sq", "wget", "git", "mercurial", "openssh-client",
            "subversion", "procps", "python3", "g++", "gcc", "libc6-dev", "make", "pkg-config", "binutils",
        ],
    },
    CatalogImage {
        repo: "golang",
        tags: &["1.21-alpine", "1.21-alpine3.19", "1.21.13-alpine", "1.21.13-alpine3.19"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("fe72a388293a", 688_128, "RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit"),
            ("0570b9469917", 0, "ENV GOLANG_VERSION=1.21.13"),
            ("a851144eccdf", 0, "ENV GOTOOLCHAIN=local"),
            ("8caa89ff34f7", 0, "ENV GOPATH=/go"),
            ("a4b68fb61725", 0, "ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("f8c5fafd424c", 212_934_014, "COPY /target/ / # buildkit"),
            ("7c2cc8dcc18e", 0, "RUN /bin/sh -c mkdir -p \"$GOPATH/src\" \"$GOPATH/bin\" && chmod -R 1777 \"$GOPATH\" # buildkit"),
            ("4e3eb4058447", 0, "WORKDIR /go"),
        ],
        created: "2024-09-06T23:02:19Z",
        env: &[GO_PATH_ENV, "GOLANG_VERSION=1.21.13", "GOTOOLCHAIN=local", "GOPATH=/go"],
        cmd: Some(&["/bin/sh"]),
        entrypoint: None,
        workdir: "/go",
        user: "",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/go/bin/go" => "go",
            "/usr/local/go/bin/gofmt" => "gofmt",
            "/usr/sbin/update-ca-certificates" => "update-ca-certificates",
        }),
        files: &[],
        dirs: &["/go/src", "/go/bin", "/usr/local/go/src", "/usr/local/go/pkg"],
        packages: &["ca-certificates"],
    },
    // ----------------------------------------------------------------- postgres
    CatalogImage {
        repo: "postgres",
        tags: &["latest", "16", "16.4", "bookworm", "16-bookworm", "16.4-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM_SLIM,
            ("d3021a237618", 4_342, "RUN /bin/sh -c set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit"),
            ("2d2c10d9dd78", 9_093_120, "RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("f403c1552446", 0, "ENV GOSU_VERSION=1.17"),
            ("44bf5f080fdf", 4_178_944, PG_GOSU_DEBIAN),
            ("3586944eea5d", 24_666_112, "RUN /bin/sh -c set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8' # buildkit"),
            ("bcb39b9589c2", 0, "ENV LANG=en_US.utf8"),
            ("0557ba3eb6a2", 3_866_624, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("369541659a08", 0, "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit"),
            ("2ead2823edd9", 3_402, "RUN /bin/sh -c set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" # buildkit"),
            ("14ca5f22acda", 0, "ENV PG_MAJOR=16"),
            ("46e48820efcb", 0, "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin"),
            ("af1a28f2b38e", 0, "ENV PG_VERSION=16.4-1.pgdg120+1"),
            ("9a767f0ef469", 315_348_775, "RUN /bin/sh -c set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch=\"$(dpkg --print-architecture)\"; \taptRepo=\"[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR\"; \tcase \"$dpkgArch\" in \t\tamd64 | arm64 | ppc64el | s390x) \t\t\techo \"deb $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t\"postgresql-$PG_MAJOR=$PG_VERSION\" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S \"$pyc\" &> /dev/null || rm -vf \"$pyc\"; done' -- '{}' +; \t\tpostgres --version # buildkit"),
            ("65053542825c", 58_520, "RUN /bin/sh -c set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample # buildkit"),
            ("7fb3674bc3d7", 0, "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit"),
            ("17bebbc21cde", 0, "ENV PGDATA=/var/lib/postgresql/data"),
            ("a3f051089f5b", 0, "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 \"$PGDATA\" # buildkit"),
            ("6e706aa1fbde", 0, "VOLUME [/var/lib/postgresql/data]"),
            ("fa8b4ec1eaed", 13_194, "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit"),
            ("2de5a6d29394", 33, "RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit"),
            ("15ecc019868b", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("262f956f1d52", 0, "STOPSIGNAL SIGINT"),
            ("7441a4712474", 0, "EXPOSE map[5432/tcp:{}]"),
            ("16aa3f04382f", 0, "CMD [\"postgres\"]"),
        ],
        created: "2024-09-04T19:48:22Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin",
            "GOSU_VERSION=1.17",
            "LANG=en_US.utf8",
            "PG_MAJOR=16",
            "PG_VERSION=16.4-1.pgdg120+1",
            "PGDATA=/var/lib/postgresql/data",
        ],
        cmd: Some(&["postgres"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["5432/tcp"],
        volumes: &["/var/lib/postgresql/data"],
        stop_signal: Some("SIGINT"),
        healthcheck: None,
        labels: &[],
        programs: progs!(
            at {
                "/usr/lib/postgresql/16/bin/postgres" => "postgres",
                "/usr/lib/postgresql/16/bin/initdb" => "initdb",
                "/usr/lib/postgresql/16/bin/pg_ctl" => "pg_ctl",
                "/usr/lib/postgresql/16/bin/psql" => "psql",
                "/usr/lib/postgresql/16/bin/pg_dump" => "pg_dump",
                "/usr/lib/postgresql/16/bin/pg_dumpall" => "pg_dump",
                "/usr/lib/postgresql/16/bin/pg_restore" => "pg_dump",
                "/usr/lib/postgresql/16/bin/pg_isready" => "pg_isready",
                "/usr/lib/postgresql/16/bin/createdb" => "postgres-tool",
                "/usr/lib/postgresql/16/bin/createuser" => "postgres-tool",
                "/usr/lib/postgresql/16/bin/dropdb" => "postgres-tool",
                "/usr/lib/postgresql/16/bin/pg_basebackup" => "postgres-tool",
                "/usr/local/bin/gosu" => "gosu",
                "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-postgres",
                "/usr/local/bin/docker-ensure-initdb.sh" => "postgres-ensure-initdb",
                "/usr/local/bin/docker-enforce-initdb.sh" => "postgres-ensure-initdb",
            }
            bin {
                "psql" => "psql", "pg_dump" => "pg_dump", "pg_dumpall" => "pg_dump", "pg_restore" => "pg_dump",
                "pg_isready" => "pg_isready", "createdb" => "postgres-tool", "createuser" => "postgres-tool",
                "dropdb" => "postgres-tool", "less" => "less", "gpg" => "gpg", "xz" => "xz", "zstd" => "zstd",
                "locale-gen" => "locale-gen",
            }
        ),
        files: &[
            ("/etc/passwd", concat!(debian_passwd!(), "postgres:x:999:999::/var/lib/postgresql:/bin/bash\n")),
            ("/etc/group", concat!(debian_group!(), "postgres:x:999:\n")),
            ("/etc/locale.gen", "en_US.UTF-8 UTF-8\n"),
        ],
        dirs: &["/var/lib/postgresql", "/var/lib/postgresql/data", "/var/run/postgresql", "/docker-entrypoint-initdb.d"],
        packages: &[
            "postgresql-16", "postgresql-client-16", "postgresql-common", "postgresql-client-common", "gnupg",
            "less", "locales", "libnss-wrapper", "xz-utils", "zstd", "libpq5",
        ],
    },
    CatalogImage {
        repo: "postgres",
        tags: &["15", "15.8", "15-bookworm", "15.8-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM_SLIM,
            ("d76765aefeb5", 4_342, "RUN /bin/sh -c set -eux; \tgroupadd -r postgres --gid=999; \tuseradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit"),
            ("497f2203d04d", 9_093_120, "RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\tless \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("1f8850394008", 0, "ENV GOSU_VERSION=1.17"),
            ("b8b1a7568a77", 4_178_944, PG_GOSU_DEBIAN),
            ("de64399e0957", 24_666_112, "RUN /bin/sh -c set -eux; \tif [ -f /etc/dpkg/dpkg.cfg.d/docker ]; then \t\tgrep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \t\tsed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; \t\t! grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker; \tfi; \tapt-get update; apt-get install -y --no-install-recommends locales; rm -rf /var/lib/apt/lists/*; \techo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; \tlocale-gen; \tlocale -a | grep 'en_US.utf8' # buildkit"),
            ("154189921ade", 0, "ENV LANG=en_US.utf8"),
            ("11b8d399e61d", 3_866_624, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibnss-wrapper \t\txz-utils \t\tzstd \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("5ab622c571bf", 0, "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit"),
            ("5b26d5e0e6b1", 3_402, "RUN /bin/sh -c set -ex; \tkey='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8'; \texport GNUPGHOME=\"$(mktemp -d)\"; \tmkdir -p /usr/local/share/keyrings/; \tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tgpg --batch --export --armor \"$key\" > /usr/local/share/keyrings/postgres.gpg.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" # buildkit"),
            ("c9bf0f408f4c", 0, "ENV PG_MAJOR=15"),
            ("40d62fa01fe8", 0, "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/15/bin"),
            ("293a1b8f9a6d", 0, "ENV PG_VERSION=15.8-1.pgdg120+1"),
            ("6f1b0957aac3", 295_348_775, "RUN /bin/sh -c set -ex; \t\texport PYTHONDONTWRITEBYTECODE=1; \t\tdpkgArch=\"$(dpkg --print-architecture)\"; \taptRepo=\"[ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main $PG_MAJOR\"; \tcase \"$dpkgArch\" in \t\tamd64 | arm64 | ppc64el | s390x) \t\t\techo \"deb $aptRepo\" > /etc/apt/sources.list.d/pgdg.list; \t\t\tapt-get update; \t\t\t;; \tesac; \t\tapt-get install -y --no-install-recommends postgresql-common; \tsed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; \tapt-get install -y --no-install-recommends \t\t\"postgresql-$PG_MAJOR=$PG_VERSION\" \t; \t\trm -rf /var/lib/apt/lists/*; \t\tfind /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S \"$pyc\" &> /dev/null || rm -vf \"$pyc\"; done' -- '{}' +; \t\tpostgres --version # buildkit"),
            ("4a47a950bfca", 58_520, "RUN /bin/sh -c set -eux; \tdpkg-divert --add --rename --divert \"/usr/share/postgresql/postgresql.conf.sample.dpkg\" \"/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample\"; \tcp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; \tln -sv ../postgresql.conf.sample \"/usr/share/postgresql/$PG_MAJOR/\"; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/share/postgresql/postgresql.conf.sample # buildkit"),
            ("d3c40a7e79f3", 0, "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit"),
            ("0e4b984c4812", 0, "ENV PGDATA=/var/lib/postgresql/data"),
            ("570b3fe87f5d", 0, "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 \"$PGDATA\" # buildkit"),
            ("8131068d9600", 0, "VOLUME [/var/lib/postgresql/data]"),
            ("a430c02f0c5c", 13_194, "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit"),
            ("9efd9270870f", 33, "RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit"),
            ("39dd8000d2a0", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("c30e5c9d444a", 0, "STOPSIGNAL SIGINT"),
            ("d719591ff17e", 0, "EXPOSE map[5432/tcp:{}]"),
            ("54aa7f015c0d", 0, "CMD [\"postgres\"]"),
        ],
        created: "2024-09-04T19:52:37Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/15/bin",
            "GOSU_VERSION=1.17",
            "LANG=en_US.utf8",
            "PG_MAJOR=15",
            "PG_VERSION=15.8-1.pgdg120+1",
            "PGDATA=/var/lib/postgresql/data",
        ],
        cmd: Some(&["postgres"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["5432/tcp"],
        volumes: &["/var/lib/postgresql/data"],
        stop_signal: Some("SIGINT"),
        healthcheck: None,
        labels: &[],
        programs: progs!(
            at {
                "/usr/lib/postgresql/15/bin/postgres" => "postgres",
                "/usr/lib/postgresql/15/bin/initdb" => "initdb",
                "/usr/lib/postgresql/15/bin/pg_ctl" => "pg_ctl",
                "/usr/lib/postgresql/15/bin/psql" => "psql",
                "/usr/lib/postgresql/15/bin/pg_dump" => "pg_dump",
                "/usr/lib/postgresql/15/bin/pg_dumpall" => "pg_dump",
                "/usr/lib/postgresql/15/bin/pg_restore" => "pg_dump",
                "/usr/lib/postgresql/15/bin/pg_isready" => "pg_isready",
                "/usr/lib/postgresql/15/bin/createdb" => "postgres-tool",
                "/usr/lib/postgresql/15/bin/createuser" => "postgres-tool",
                "/usr/lib/postgresql/15/bin/dropdb" => "postgres-tool",
                "/usr/lib/postgresql/15/bin/pg_basebackup" => "postgres-tool",
                "/usr/local/bin/gosu" => "gosu",
                "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-postgres",
                "/usr/local/bin/docker-ensure-initdb.sh" => "postgres-ensure-initdb",
                "/usr/local/bin/docker-enforce-initdb.sh" => "postgres-ensure-initdb",
            }
            bin {
                "psql" => "psql", "pg_dump" => "pg_dump", "pg_dumpall" => "pg_dump", "pg_restore" => "pg_dump",
                "pg_isready" => "pg_isready", "createdb" => "postgres-tool", "createuser" => "postgres-tool",
                "dropdb" => "postgres-tool", "less" => "less", "gpg" => "gpg", "xz" => "xz", "zstd" => "zstd",
                "locale-gen" => "locale-gen",
            }
        ),
        files: &[
            ("/etc/passwd", concat!(debian_passwd!(), "postgres:x:999:999::/var/lib/postgresql:/bin/bash\n")),
            ("/etc/group", concat!(debian_group!(), "postgres:x:999:\n")),
            ("/etc/locale.gen", "en_US.UTF-8 UTF-8\n"),
        ],
        dirs: &["/var/lib/postgresql", "/var/lib/postgresql/data", "/var/run/postgresql", "/docker-entrypoint-initdb.d"],
        packages: &[
            "postgresql-15", "postgresql-client-15", "postgresql-common", "postgresql-client-common", "gnupg",
            "less", "locales", "libnss-wrapper", "xz-utils", "zstd", "libpq5",
        ],
    },
    CatalogImage {
        repo: "postgres",
        tags: &["alpine", "alpine3.19", "16-alpine", "16-alpine3.19", "16.4-alpine", "16.4-alpine3.19"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("5c46f62f577e", 3_702, "RUN /bin/sh -c set -eux; \taddgroup -g 70 -S postgres; \tadduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit"),
            ("2ae4b654b0ed", 0, "ENV GOSU_VERSION=1.17"),
            ("65f3dae00cc5", 2_318_336, PG_GOSU_ALPINE),
            ("ec95dae9b380", 4, "RUN /bin/sh -c set -eux; ln -svf gosu /usr/local/bin/su-exec; su-exec nobody true # buildkit"),
            ("87f336441cce", 0, "ENV LANG=en_US.utf8"),
            ("d4d7ed72155c", 0, "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit"),
            ("8d8f1c15d685", 0, "ENV PG_MAJOR=16"),
            ("d1c25c1fda81", 0, "ENV PG_VERSION=16.4"),
            ("e94d0a103bb6", 0, "ENV PG_SHA256=971766d645aa73e93b9ef4e3be44201b4f45b5477095b049125403f9f3386d6f"),
            ("04441b902c76", 0, "ENV DOCKER_PG_LLVM_DEPS=llvm15-dev \t\tclang15"),
            ("af6a6ab72e17", 233_256_942, PG_BUILD_ALPINE),
            ("fcad44aa9f90", 29_931, "RUN /bin/sh -c set -eux; \tcp -v /usr/local/share/postgresql/postgresql.conf.sample /usr/local/share/postgresql/postgresql.conf.sample.orig; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/local/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/local/share/postgresql/postgresql.conf.sample # buildkit"),
            ("b5f35b33df89", 0, "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit"),
            ("bff1ce637bfd", 0, "ENV PGDATA=/var/lib/postgresql/data"),
            ("5920c60d0ebe", 0, "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 \"$PGDATA\" # buildkit"),
            ("4527e4e87199", 0, "VOLUME [/var/lib/postgresql/data]"),
            ("859f8814325a", 13_194, "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit"),
            ("87473022f26a", 33, "RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit"),
            ("c8f92f5baed7", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("726d7f9d7439", 0, "STOPSIGNAL SIGINT"),
            ("723968701573", 0, "EXPOSE map[5432/tcp:{}]"),
            ("1bff32db0acb", 0, "CMD [\"postgres\"]"),
        ],
        created: "2024-09-07T00:23:51Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "GOSU_VERSION=1.17",
            "LANG=en_US.utf8",
            "PG_MAJOR=16",
            "PG_VERSION=16.4",
            "PG_SHA256=971766d645aa73e93b9ef4e3be44201b4f45b5477095b049125403f9f3386d6f",
            "DOCKER_PG_LLVM_DEPS=llvm15-dev \t\tclang15",
            "PGDATA=/var/lib/postgresql/data",
        ],
        cmd: Some(&["postgres"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["5432/tcp"],
        volumes: &["/var/lib/postgresql/data"],
        stop_signal: Some("SIGINT"),
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/bin/postgres" => "postgres",
            "/usr/local/bin/initdb" => "initdb",
            "/usr/local/bin/pg_ctl" => "pg_ctl",
            "/usr/local/bin/psql" => "psql",
            "/usr/local/bin/pg_dump" => "pg_dump",
            "/usr/local/bin/pg_dumpall" => "pg_dump",
            "/usr/local/bin/pg_restore" => "pg_dump",
            "/usr/local/bin/pg_isready" => "pg_isready",
            "/usr/local/bin/createdb" => "postgres-tool",
            "/usr/local/bin/createuser" => "postgres-tool",
            "/usr/local/bin/dropdb" => "postgres-tool",
            "/usr/local/bin/pg_basebackup" => "postgres-tool",
            "/usr/local/bin/gosu" => "gosu",
            "/usr/local/bin/su-exec" => "gosu",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-postgres",
            "/usr/local/bin/docker-ensure-initdb.sh" => "postgres-ensure-initdb",
            "/usr/local/bin/docker-enforce-initdb.sh" => "postgres-ensure-initdb",
        }),
        files: &[
            ("/etc/passwd", concat!(alpine_passwd!(), "postgres:x:70:70:Linux User,,,:/var/lib/postgresql:/bin/sh\n")),
            ("/etc/group", concat!(alpine_group!(), "postgres:x:70:postgres\n")),
        ],
        dirs: &["/var/lib/postgresql", "/var/lib/postgresql/data", "/var/run/postgresql", "/docker-entrypoint-initdb.d"],
        packages: &[
            "bash", "icu-libs", "llvm15-libs", "lz4-libs", "libxml2", "libxslt", "musl-locales", "openssl",
            "readline", "tzdata", "zstd-libs", "libldap", "libsasl", "libedit",
        ],
    },
    CatalogImage {
        repo: "postgres",
        tags: &["15-alpine", "15-alpine3.19", "15.8-alpine", "15.8-alpine3.19"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("6989d6a573c5", 3_702, "RUN /bin/sh -c set -eux; \taddgroup -g 70 -S postgres; \tadduser -u 70 -S -D -G postgres -H -h /var/lib/postgresql -s /bin/sh postgres; \tinstall --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql # buildkit"),
            ("9ce5fd9eeca0", 0, "ENV GOSU_VERSION=1.17"),
            ("1dc5da9b14e2", 2_318_336, PG_GOSU_ALPINE),
            ("43bb38e96811", 4, "RUN /bin/sh -c set -eux; ln -svf gosu /usr/local/bin/su-exec; su-exec nobody true # buildkit"),
            ("0ecc894dc89a", 0, "ENV LANG=en_US.utf8"),
            ("73e21a8fefec", 0, "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit"),
            ("938d7b50255f", 0, "ENV PG_MAJOR=15"),
            ("bacc9a0d76e1", 0, "ENV PG_VERSION=15.8"),
            ("28da77bb03b3", 0, "ENV PG_SHA256=4403515f9a69eeb3efebc98f30b8c696122bfdf895e92b3b23f5b8e769edcb6a"),
            ("60187f5e76e3", 0, "ENV DOCKER_PG_LLVM_DEPS=llvm15-dev \t\tclang15"),
            ("e72a12050957", 229_256_942, PG_BUILD_ALPINE),
            ("814db3e06ef8", 29_931, "RUN /bin/sh -c set -eux; \tcp -v /usr/local/share/postgresql/postgresql.conf.sample /usr/local/share/postgresql/postgresql.conf.sample.orig; \tsed -ri \"s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!\" /usr/local/share/postgresql/postgresql.conf.sample; \tgrep -F \"listen_addresses = '*'\" /usr/local/share/postgresql/postgresql.conf.sample # buildkit"),
            ("67346d1256d8", 0, "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql # buildkit"),
            ("b5e3fa9bcc63", 0, "ENV PGDATA=/var/lib/postgresql/data"),
            ("e63620fc3b38", 0, "RUN /bin/sh -c install --verbose --directory --owner postgres --group postgres --mode 1777 \"$PGDATA\" # buildkit"),
            ("ec34ba75f092", 0, "VOLUME [/var/lib/postgresql/data]"),
            ("22c5b04b319f", 13_194, "COPY docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/ # buildkit"),
            ("47222883045a", 33, "RUN /bin/sh -c ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh # buildkit"),
            ("71d223c67dff", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("f7996973f561", 0, "STOPSIGNAL SIGINT"),
            ("9a59947fd164", 0, "EXPOSE map[5432/tcp:{}]"),
            ("f93eade76867", 0, "CMD [\"postgres\"]"),
        ],
        created: "2024-09-07T00:27:15Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "GOSU_VERSION=1.17",
            "LANG=en_US.utf8",
            "PG_MAJOR=15",
            "PG_VERSION=15.8",
            "PG_SHA256=4403515f9a69eeb3efebc98f30b8c696122bfdf895e92b3b23f5b8e769edcb6a",
            "DOCKER_PG_LLVM_DEPS=llvm15-dev \t\tclang15",
            "PGDATA=/var/lib/postgresql/data",
        ],
        cmd: Some(&["postgres"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["5432/tcp"],
        volumes: &["/var/lib/postgresql/data"],
        stop_signal: Some("SIGINT"),
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/bin/postgres" => "postgres",
            "/usr/local/bin/initdb" => "initdb",
            "/usr/local/bin/pg_ctl" => "pg_ctl",
            "/usr/local/bin/psql" => "psql",
            "/usr/local/bin/pg_dump" => "pg_dump",
            "/usr/local/bin/pg_dumpall" => "pg_dump",
            "/usr/local/bin/pg_restore" => "pg_dump",
            "/usr/local/bin/pg_isready" => "pg_isready",
            "/usr/local/bin/createdb" => "postgres-tool",
            "/usr/local/bin/createuser" => "postgres-tool",
            "/usr/local/bin/dropdb" => "postgres-tool",
            "/usr/local/bin/pg_basebackup" => "postgres-tool",
            "/usr/local/bin/gosu" => "gosu",
            "/usr/local/bin/su-exec" => "gosu",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-postgres",
            "/usr/local/bin/docker-ensure-initdb.sh" => "postgres-ensure-initdb",
            "/usr/local/bin/docker-enforce-initdb.sh" => "postgres-ensure-initdb",
        }),
        files: &[
            ("/etc/passwd", concat!(alpine_passwd!(), "postgres:x:70:70:Linux User,,,:/var/lib/postgresql:/bin/sh\n")),
            ("/etc/group", concat!(alpine_group!(), "postgres:x:70:postgres\n")),
        ],
        dirs: &["/var/lib/postgresql", "/var/lib/postgresql/data", "/var/run/postgresql", "/docker-entrypoint-initdb.d"],
        packages: &[
            "bash", "icu-libs", "llvm15-libs", "lz4-libs", "libxml2", "libxslt", "musl-locales", "openssl",
            "readline", "tzdata", "zstd-libs", "libldap", "libsasl", "libedit",
        ],
    },
    // ----------------------------------------------------------------- mysql
    CatalogImage {
        repo: "mysql",
        tags: &["8.0", "8.0.39", "8.0-oracle", "8.0.39-oracle", "8.0-oraclelinux9", "8.0.39-oraclelinux9"],
        // Oracle Linux 9: no OS family of its own, so the whole userland
        // (`ol9` programs, /etc files, folders) is listed here.
        os: Os::Scratch,
        layers: &[
            OL9_ADD,
            OL9_CMD,
            MYSQL_USER,
            MYSQL_GOSU_ENV,
            MYSQL_GOSU,
            MYSQL_MICRODNF,
            MYSQL_KEY,
            ("09dfad5ac87f", 0, "ENV MYSQL_MAJOR=8.0"),
            ("829597f00923", 0, "ENV MYSQL_VERSION=8.0.39-1.el9"),
            ("e5d9889ddf2b", 234, "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql8.0-server-minimal]'; \t\techo 'name=MySQL 8.0 Server Minimal'; \t\techo 'enabled=1'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-8.0-community/docker/el/9/$basearch/'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo # buildkit"),
            ("d33564743c20", 281_422_774, "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-community-server-minimal-$MYSQL_VERSION\"; \tmicrodnf clean all; \tgrep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf; \tsed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf; \tgrep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf; \t{ echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf; \t\t! grep -F '!includedir' /etc/my.cnf; \t{ echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version # buildkit"),
            ("b198e4458db4", 219, "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-tools-community/el/9/$basearch/'; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo # buildkit"),
            ("677dfe3469a4", 0, "ENV MYSQL_SHELL_VERSION=8.0.38-1.el9"),
            ("a22dbdbf35b6", 153_681_920, "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-shell-$MYSQL_SHELL_VERSION\"; \tmicrodnf clean all; \t\tmysqlsh --version # buildkit"),
            ("d76ca42c1a05", 0, "VOLUME [/var/lib/mysql]"),
            ("cebec593eb04", 16_869, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("724b32d78e04", 34, "RUN /bin/sh -c ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat # buildkit"),
            ("fcb7c4218371", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("8015946a2c67", 0, "EXPOSE map[3306/tcp:{} 33060/tcp:{}]"),
            ("f142f54c43de", 0, "CMD [\"mysqld\"]"),
        ],
        created: "2024-09-04T20:56:12Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "GOSU_VERSION=1.17",
            "MYSQL_MAJOR=8.0",
            "MYSQL_VERSION=8.0.39-1.el9",
            "MYSQL_SHELL_VERSION=8.0.38-1.el9",
        ],
        cmd: Some(&["mysqld"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["3306/tcp", "33060/tcp"],
        volumes: &["/var/lib/mysql"],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(ol9
            sbin { "mysqld" => "mysqld" }
            bin {
                "mysql" => "mysql", "mysqladmin" => "mysqladmin", "mysqldump" => "mysqldump",
                "mysqlsh" => "mysqlsh", "mysql_tzinfo_to_sql" => "mysql-tool", "mysqlcheck" => "mysql-tool",
                "mysqlshow" => "mysql-tool", "mysqlpump" => "mysqldump",
            }
            at {
                "/usr/local/bin/gosu" => "gosu",
                "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-mysql",
                "/entrypoint.sh" => "entrypoint-mysql",
                "/lib64/ld-linux-x86-64.so.2" => "lib",
                "/usr/lib64/libc.so.6" => "lib",
            }
        ),
        files: &[
            ("/etc/os-release", OL9_OS_RELEASE),
            ("/etc/oracle-release", "Oracle Linux Server release 9.4\n"),
            ("/etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n"),
            ("/etc/system-release", "Oracle Linux Server release 9.4\n"),
            ("/etc/passwd", MYSQL_PASSWD),
            ("/etc/group", MYSQL_GROUP),
            ("/etc/my.cnf", MYSQL_MY_CNF),
            ("/etc/hostname", "localhost\n"),
            ("/etc/hosts", "127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n"),
            ("/etc/resolv.conf", ""),
            ("/etc/shells", "/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n"),
            ("/etc/yum.repos.d/mysql-community-minimal.repo", "[mysql8.0-server-minimal]\nname=MySQL 8.0 Server Minimal\nenabled=1\nbaseurl=https://repo.mysql.com/yum/mysql-8.0-community/docker/el/9/$basearch/\ngpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\nmodule_hotfixes=true\n"),
        ],
        dirs: &[
            "/bin", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt", "/proc", "/root", "/run",
            "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/local",
            "/usr/local/bin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/tmp", "/var/lib/mysql",
            "/var/lib/mysql-files", "/var/run/mysqld", "/etc/mysql/conf.d", "/docker-entrypoint-initdb.d",
        ],
        packages: &[
            "mysql-community-server-minimal", "mysql-shell", "bzip2", "gzip", "openssl", "xz", "zstd", "findutils",
        ],
    },
    CatalogImage {
        repo: "mysql",
        tags: &["8", "8.4", "8.4.2", "lts", "8-oracle", "8.4-oracle", "8.4.2-oracle", "lts-oracle", "8-oraclelinux9", "8.4-oraclelinux9", "lts-oraclelinux9"],
        // Oracle Linux 9: no OS family of its own, so the whole userland
        // (`ol9` programs, /etc files, folders) is listed here.
        os: Os::Scratch,
        layers: &[
            OL9_ADD,
            OL9_CMD,
            MYSQL_USER,
            MYSQL_GOSU_ENV,
            MYSQL_GOSU,
            MYSQL_MICRODNF,
            MYSQL_KEY,
            ("453bea14ea43", 0, "ENV MYSQL_MAJOR=8.4"),
            ("8aafdebc5048", 0, "ENV MYSQL_VERSION=8.4.2-1.el9"),
            ("aead4bd23ec1", 234, "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql8.4-lts-server-minimal]'; \t\techo 'name=MySQL 8.4-lts Server Minimal'; \t\techo 'enabled=1'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-8.4-lts-community/docker/el/9/$basearch/'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo # buildkit"),
            ("564b6018cb3b", 286_422_774, "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-community-server-minimal-$MYSQL_VERSION\"; \tmicrodnf clean all; \tgrep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf; \tsed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf; \tgrep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf; \t{ echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf; \t\t! grep -F '!includedir' /etc/my.cnf; \t{ echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version # buildkit"),
            ("af2703d62d6c", 219, "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-tools-community/el/9/$basearch/'; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo # buildkit"),
            ("800b0ea5a795", 0, "ENV MYSQL_SHELL_VERSION=8.4.1-1.el9"),
            ("734dea18c85b", 153_681_920, "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-shell-$MYSQL_SHELL_VERSION\"; \tmicrodnf clean all; \t\tmysqlsh --version # buildkit"),
            ("67e747dd5338", 0, "VOLUME [/var/lib/mysql]"),
            ("7c55ffa1b1d2", 16_869, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("37886e7e316f", 34, "RUN /bin/sh -c ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat # buildkit"),
            ("db0bce4c6a7e", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("1da4c620c5a6", 0, "EXPOSE map[3306/tcp:{} 33060/tcp:{}]"),
            ("dcb7270816da", 0, "CMD [\"mysqld\"]"),
        ],
        created: "2024-09-04T20:58:40Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "GOSU_VERSION=1.17",
            "MYSQL_MAJOR=8.4",
            "MYSQL_VERSION=8.4.2-1.el9",
            "MYSQL_SHELL_VERSION=8.4.1-1.el9",
        ],
        cmd: Some(&["mysqld"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["3306/tcp", "33060/tcp"],
        volumes: &["/var/lib/mysql"],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(ol9
            sbin { "mysqld" => "mysqld" }
            bin {
                "mysql" => "mysql", "mysqladmin" => "mysqladmin", "mysqldump" => "mysqldump",
                "mysqlsh" => "mysqlsh", "mysql_tzinfo_to_sql" => "mysql-tool", "mysqlcheck" => "mysql-tool",
                "mysqlshow" => "mysql-tool", "mysqlpump" => "mysqldump",
            }
            at {
                "/usr/local/bin/gosu" => "gosu",
                "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-mysql",
                "/entrypoint.sh" => "entrypoint-mysql",
                "/lib64/ld-linux-x86-64.so.2" => "lib",
                "/usr/lib64/libc.so.6" => "lib",
            }
        ),
        files: &[
            ("/etc/os-release", OL9_OS_RELEASE),
            ("/etc/oracle-release", "Oracle Linux Server release 9.4\n"),
            ("/etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n"),
            ("/etc/system-release", "Oracle Linux Server release 9.4\n"),
            ("/etc/passwd", MYSQL_PASSWD),
            ("/etc/group", MYSQL_GROUP),
            ("/etc/my.cnf", MYSQL_MY_CNF),
            ("/etc/hostname", "localhost\n"),
            ("/etc/hosts", "127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n"),
            ("/etc/resolv.conf", ""),
            ("/etc/shells", "/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n"),
            ("/etc/yum.repos.d/mysql-community-minimal.repo", "[mysql8.4-lts-server-minimal]\nname=MySQL 8.4-lts Server Minimal\nenabled=1\nbaseurl=https://repo.mysql.com/yum/mysql-8.4-lts-community/docker/el/9/$basearch/\ngpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\nmodule_hotfixes=true\n"),
        ],
        dirs: &[
            "/bin", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt", "/proc", "/root", "/run",
            "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/local",
            "/usr/local/bin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/tmp", "/var/lib/mysql",
            "/var/lib/mysql-files", "/var/run/mysqld", "/etc/mysql/conf.d", "/docker-entrypoint-initdb.d",
        ],
        packages: &[
            "mysql-community-server-minimal", "mysql-shell", "bzip2", "gzip", "openssl", "xz", "zstd", "findutils",
        ],
    },
    CatalogImage {
        repo: "mysql",
        tags: &["latest", "9", "9.0", "9.0.1", "innovation", "oracle", "9-oracle", "9.0-oracle", "innovation-oracle", "oraclelinux9", "9-oraclelinux9", "innovation-oraclelinux9"],
        // Oracle Linux 9: no OS family of its own, so the whole userland
        // (`ol9` programs, /etc files, folders) is listed here.
        os: Os::Scratch,
        layers: &[
            OL9_ADD,
            OL9_CMD,
            MYSQL_USER,
            MYSQL_GOSU_ENV,
            MYSQL_GOSU,
            MYSQL_MICRODNF,
            MYSQL_KEY,
            ("c7335973f6c5", 0, "ENV MYSQL_MAJOR=innovation"),
            ("ee38c1eafadb", 0, "ENV MYSQL_VERSION=9.0.1-1.el9"),
            ("b55417cc287a", 234, "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysqlinnovation-server-minimal]'; \t\techo 'name=MySQL innovation Server Minimal'; \t\techo 'enabled=1'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-innovation-community/docker/el/9/$basearch/'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-minimal.repo # buildkit"),
            ("89e05b9555e2", 294_422_774, "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-community-server-minimal-$MYSQL_VERSION\"; \tmicrodnf clean all; \tgrep -F 'socket=/var/lib/mysql/mysql.sock' /etc/my.cnf; \tsed -i 's!^socket=.*!socket=/var/run/mysqld/mysqld.sock!' /etc/my.cnf; \tgrep -F 'socket=/var/run/mysqld/mysqld.sock' /etc/my.cnf; \t{ echo '[client]'; echo 'socket=/var/run/mysqld/mysqld.sock'; } >> /etc/my.cnf; \t\t! grep -F '!includedir' /etc/my.cnf; \t{ echo; echo '!includedir /etc/mysql/conf.d/'; } >> /etc/my.cnf; \tmkdir -p /etc/mysql/conf.d; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/lib/mysql /var/run/mysqld; \t\tmkdir /docker-entrypoint-initdb.d; \t\tmysqld --version; \tmysql --version # buildkit"),
            ("c7142fd7caa2", 219, "RUN /bin/sh -c set -eu; \t{ \t\techo '[mysql-tools-community]'; \t\techo 'name=MySQL Tools Community'; \t\techo 'baseurl=https://repo.mysql.com/yum/mysql-tools-community/el/9/$basearch/'; \t\techo 'enabled=1'; \t\techo 'gpgcheck=1'; \t\techo 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql'; \t\techo 'module_hotfixes=true'; \t} | tee /etc/yum.repos.d/mysql-community-tools.repo # buildkit"),
            ("6c1be435c0d4", 0, "ENV MYSQL_SHELL_VERSION=9.0.1-1.el9"),
            ("6743943610ed", 153_681_920, "RUN /bin/sh -c set -eux; \tmicrodnf install -y \"mysql-shell-$MYSQL_SHELL_VERSION\"; \tmicrodnf clean all; \t\tmysqlsh --version # buildkit"),
            ("25441ceb0f6e", 0, "VOLUME [/var/lib/mysql]"),
            ("8ac31f7147a5", 16_869, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("e546a6bff1d6", 34, "RUN /bin/sh -c ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat # buildkit"),
            ("da1be062bd33", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("0afd94f21534", 0, "EXPOSE map[3306/tcp:{} 33060/tcp:{}]"),
            ("500ae07f1340", 0, "CMD [\"mysqld\"]"),
        ],
        created: "2024-09-04T21:01:03Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "GOSU_VERSION=1.17",
            "MYSQL_MAJOR=innovation",
            "MYSQL_VERSION=9.0.1-1.el9",
            "MYSQL_SHELL_VERSION=9.0.1-1.el9",
        ],
        cmd: Some(&["mysqld"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["3306/tcp", "33060/tcp"],
        volumes: &["/var/lib/mysql"],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(ol9
            sbin { "mysqld" => "mysqld" }
            bin {
                "mysql" => "mysql", "mysqladmin" => "mysqladmin", "mysqldump" => "mysqldump",
                "mysqlsh" => "mysqlsh", "mysql_tzinfo_to_sql" => "mysql-tool", "mysqlcheck" => "mysql-tool",
                "mysqlshow" => "mysql-tool", "mysqlpump" => "mysqldump",
            }
            at {
                "/usr/local/bin/gosu" => "gosu",
                "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-mysql",
                "/entrypoint.sh" => "entrypoint-mysql",
                "/lib64/ld-linux-x86-64.so.2" => "lib",
                "/usr/lib64/libc.so.6" => "lib",
            }
        ),
        files: &[
            ("/etc/os-release", OL9_OS_RELEASE),
            ("/etc/oracle-release", "Oracle Linux Server release 9.4\n"),
            ("/etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n"),
            ("/etc/system-release", "Oracle Linux Server release 9.4\n"),
            ("/etc/passwd", MYSQL_PASSWD),
            ("/etc/group", MYSQL_GROUP),
            ("/etc/my.cnf", MYSQL_MY_CNF),
            ("/etc/hostname", "localhost\n"),
            ("/etc/hosts", "127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n"),
            ("/etc/resolv.conf", ""),
            ("/etc/shells", "/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n"),
            ("/etc/yum.repos.d/mysql-community-minimal.repo", "[mysqlinnovation-server-minimal]\nname=MySQL innovation Server Minimal\nenabled=1\nbaseurl=https://repo.mysql.com/yum/mysql-innovation-community/docker/el/9/$basearch/\ngpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-mysql\nmodule_hotfixes=true\n"),
        ],
        dirs: &[
            "/bin", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt", "/proc", "/root", "/run",
            "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/local",
            "/usr/local/bin", "/usr/share", "/var", "/var/lib", "/var/log", "/var/tmp", "/var/lib/mysql",
            "/var/lib/mysql-files", "/var/run/mysqld", "/etc/mysql/conf.d", "/docker-entrypoint-initdb.d",
        ],
        packages: &[
            "mysql-community-server-minimal", "mysql-shell", "bzip2", "gzip", "openssl", "xz", "zstd", "findutils",
        ],
    },
    // ----------------------------------------------------------------- mariadb
    CatalogImage {
        repo: "mariadb",
        tags: &["latest", "11", "11.5", "11.5.2", "noble", "11-noble", "11.5-noble", "11.5.2-noble"],
        os: Os::Ubuntu("24.04"),
        layers: &[
            NOBLE_ARG_RELEASE,
            NOBLE_ARG_ARCH,
            NOBLE_LABEL_NAME,
            NOBLE_LABEL_VERSION,
            NOBLE_ADD,
            NOBLE_CMD,
            ("86544b9c70c5", 2_412, "RUN /bin/sh -c groupadd -r mysql && useradd -r -g mysql mysql --home-dir /var/lib/mysql && userdel --remove ubuntu # buildkit"),
            ("dc9da52d2939", 0, "ENV GOSU_VERSION=1.17"),
            ("372c0c128a86", 0, "ARG GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8"),
            ("8e8a342d8c50", 41_459_712, "RUN |1 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 /bin/sh -c set -eux; \tapt-get update; \tDEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \t\tca-certificates \t\tgpg \t\tgpgv \t\tlibjemalloc2 \t\tpwgen \t\ttzdata \t\txz-utils \t\tzstd ; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get install -y --no-install-recommends \t\tdirmngr \t\tgpg-agent \t\twget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -q -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \t(...) \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit"),
            ("a241eeac9a7c", 0, "RUN |1 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit"),
            ("052d47c63601", 0, "ENV LANG=C.UTF-8"),
            ("5602373a1750", 0, "LABEL org.opencontainers.image.authors=MariaDB Community org.opencontainers.image.title=MariaDB Database org.opencontainers.image.description=MariaDB Database for relational SQL org.opencontainers.image.documentation=https://hub.docker.com/_/mariadb/ org.opencontainers.image.base.name=docker.io/library/ubuntu:noble org.opencontainers.image.licenses=GPL-2.0 org.opencontainers.image.source=https://github.com/MariaDB/mariadb-docker org.opencontainers.image.vendor=MariaDB Community org.opencontainers.image.version=11.5.2 org.opencontainers.image.url=https://github.com/MariaDB/mariadb-docker"),
            ("e866b7181729", 0, "ARG MARIADB_VERSION=1:11.5.2+maria~ubu2404"),
            ("2c74c40d071e", 0, "ENV MARIADB_VERSION=1:11.5.2+maria~ubu2404"),
            ("2f614940257b", 0, "ARG REPOSITORY=http://archive.mariadb.org/mariadb-11.5.2/repo/ubuntu/ noble main main/debug"),
            ("d79c8e3071e6", 217, "RUN |3 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 MARIADB_VERSION=1:11.5.2+maria~ubu2404 REPOSITORY=http://archive.mariadb.org/mariadb-11.5.2/repo/ubuntu/ noble main main/debug /bin/sh -c set -e;\techo \"deb ${REPOSITORY}\" > /etc/apt/sources.list.d/mariadb.list; \t{ \t\techo 'Package: *'; \t\techo 'Pin: release o=MariaDB'; \t\techo 'Pin-Priority: 999'; \t} > /etc/apt/preferences.d/mariadb # buildkit"),
            ("a32b4359b7f0", 285_369_360, "RUN |3 GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8 MARIADB_VERSION=1:11.5.2+maria~ubu2404 REPOSITORY=http://archive.mariadb.org/mariadb-11.5.2/repo/ubuntu/ noble main main/debug /bin/sh -c set -ex; \t{ \t\techo \"mariadb-server\" mysql-server/root_password password 'unused'; \t\techo \"mariadb-server\" mysql-server/root_password_again password 'unused'; \t} | debconf-set-selections; \tapt-get update; \tapt-get install -y --no-install-recommends mariadb-server=\"$MARIADB_VERSION\" mariadb-backup socat \t; \trm -rf /var/lib/apt/lists/*; \trm -rf /var/lib/mysql; \tmkdir -p /var/lib/mysql /var/run/mysqld; \tchown -R mysql:mysql /var/lib/mysql /var/run/mysqld; \tchmod 1777 /var/run/mysqld; \tfind /etc/mysql/ -name '*.cnf' -print0 \t\t| xargs -0 grep -lZE '^(bind-address|log|user\\s)' \t\t| xargs -rt -0 sed -Ei 's/^(bind-address|log|user\\s)/#&/'; \tprintf \"[mariadbd]\\nhost-cache-size=0\\nskip-name-resolve\\n\" > /etc/mysql/mariadb.conf.d/05-skipcache.cnf; \t(...) # buildkit"),
            ("aa5f38fae278", 0, "VOLUME [/var/lib/mysql]"),
            ("801b5624365f", 19_026, "COPY healthcheck.sh /usr/local/bin/healthcheck.sh # buildkit"),
            ("9298918e736e", 26_204, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("6ed1e76753bf", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("68195c994bad", 0, "EXPOSE map[3306/tcp:{}]"),
            ("7fec50cc4846", 0, "CMD [\"mariadbd\"]"),
        ],
        created: "2024-08-15T21:06:41Z",
        env: &[NODE_PATH_ENV, "GOSU_VERSION=1.17", "LANG=C.UTF-8", "MARIADB_VERSION=1:11.5.2+maria~ubu2404"],
        cmd: Some(&["mariadbd"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["3306/tcp"],
        volumes: &["/var/lib/mysql"],
        stop_signal: None,
        healthcheck: None,
        labels: &[
            ("org.opencontainers.image.authors", "MariaDB Community"),
            ("org.opencontainers.image.base.name", "docker.io/library/ubuntu:noble"),
            ("org.opencontainers.image.description", "MariaDB Database for relational SQL"),
            ("org.opencontainers.image.documentation", "https://hub.docker.com/_/mariadb/"),
            ("org.opencontainers.image.licenses", "GPL-2.0"),
            ("org.opencontainers.image.ref.name", "ubuntu"),
            ("org.opencontainers.image.source", "https://github.com/MariaDB/mariadb-docker"),
            ("org.opencontainers.image.title", "MariaDB Database"),
            ("org.opencontainers.image.url", "https://github.com/MariaDB/mariadb-docker"),
            ("org.opencontainers.image.vendor", "MariaDB Community"),
            ("org.opencontainers.image.version", "11.5.2"),
        ],
        programs: progs!(
            sbin { "mariadbd" => "mariadbd", "mysqld" => "mariadbd" }
            bin {
                "mariadb" => "mariadb", "mysql" => "mariadb", "mariadb-admin" => "mariadb-admin",
                "mysqladmin" => "mariadb-admin", "mariadb-dump" => "mariadb-dump", "mysqldump" => "mariadb-dump",
                "mariadb-install-db" => "mariadb-install-db", "mysql_install_db" => "mariadb-install-db",
                "mariadb-tzinfo-to-sql" => "mariadb-tool", "mariadb-upgrade" => "mariadb-tool",
                "mariadb-backup" => "mariadb-backup", "mariadb-check" => "mariadb-tool", "socat" => "socat",
                "pwgen" => "pwgen", "gpg" => "gpg", "xz" => "xz", "zstd" => "zstd",
            }
            at {
                "/usr/local/bin/gosu" => "gosu",
                "/usr/local/bin/healthcheck.sh" => "mariadb-healthcheck",
                "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-mariadb",
            }
        ),
        files: &[
            ("/etc/passwd", concat!(ubuntu_noble_passwd_system!(), "mysql:x:999:999::/var/lib/mysql:/bin/sh\n")),
            ("/etc/group", concat!(ubuntu_noble_group_system!(), "mysql:x:999:\n")),
            ("/etc/mysql/mariadb.conf.d/05-skipcache.cnf", "[mariadbd]\nhost-cache-size=0\nskip-name-resolve\n"),
        ],
        dirs: &["/var/lib/mysql", "/var/run/mysqld", "/docker-entrypoint-initdb.d", "/etc/mysql/conf.d"],
        packages: &[
            "mariadb-server", "mariadb-client", "mariadb-backup", "socat", "ca-certificates", "gpg", "gpgv",
            "libjemalloc2", "pwgen", "tzdata", "xz-utils", "zstd",
        ],
    },
    // ----------------------------------------------------------------- redis
    CatalogImage {
        repo: "redis",
        tags: &["latest", "7", "7.2", "7.2.5", "bookworm", "7-bookworm", "7.2-bookworm", "7.2.5-bookworm"],
        os: Os::Debian("bookworm"),
        layers: &[
            BOOKWORM_SLIM,
            ("ecdb9742ed57", 4_118, "RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit"),
            ("9007549abf09", 141_312, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("316bf21f9a39", 0, "ENV GOSU_VERSION=1.17"),
            ("70f92f9dfdf4", 4_112_384, "RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tarch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \tcase \"$arch\" in \t\t'amd64') url='https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64'; sha256='bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3' ;; \t\t*) echo >&2 \"error: unsupported gosu architecture: '$arch'\"; exit 1 ;; \tesac; \twget -O /usr/local/bin/gosu.asc \"$url.asc\"; \twget -O /usr/local/bin/gosu \"$url\"; \techo \"$sha256 */usr/local/bin/gosu\" | sha256sum -c -; \t(...) \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit"),
            ("81b94baa860b", 0, "ENV REDIS_VERSION=7.2.5"),
            ("89f47f7d01dc", 0, "ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.5.tar.gz"),
            ("cdc62d725f2e", 0, "ENV REDIS_DOWNLOAD_SHA=5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d"),
            ("0f4eda1b6e8d", 37_974_591, REDIS_BUILD_DEBIAN),
            ("95e76e248036", 0, "RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit"),
            ("762e16ea24dc", 0, "VOLUME [/data]"),
            ("3934c83588e6", 0, "WORKDIR /data"),
            ("3229fd02de0a", 661, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("7aa82ff87d11", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("2ae748f645c2", 0, "EXPOSE map[6379/tcp:{}]"),
            ("0fddeac5f578", 0, "CMD [\"redis-server\"]"),
        ],
        created: "2024-09-04T10:33:59Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "GOSU_VERSION=1.17",
            "REDIS_VERSION=7.2.5",
            "REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.5.tar.gz",
            "REDIS_DOWNLOAD_SHA=5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d",
        ],
        cmd: Some(&["redis-server"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "/data",
        user: "",
        exposed: &["6379/tcp"],
        volumes: &["/data"],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/bin/redis-server" => "redis-server",
            "/usr/local/bin/redis-sentinel" => "redis-server",
            "/usr/local/bin/redis-cli" => "redis-cli",
            "/usr/local/bin/redis-benchmark" => "redis-tool",
            "/usr/local/bin/redis-check-aof" => "redis-tool",
            "/usr/local/bin/redis-check-rdb" => "redis-tool",
            "/usr/local/bin/gosu" => "gosu",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-redis",
        }),
        files: &[
            ("/etc/passwd", concat!(debian_passwd!(), "redis:x:999:999::/home/redis:/bin/sh\n")),
            ("/etc/group", concat!(debian_group!(), "redis:x:999:\n")),
        ],
        dirs: &["/data"],
        packages: &["tzdata"],
    },
    CatalogImage {
        repo: "redis",
        tags: &["alpine", "alpine3.19", "7-alpine", "7-alpine3.19", "7.2-alpine", "7.2-alpine3.19", "7.2.5-alpine", "7.2.5-alpine3.19"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("1ae9fdf89d19", 1_781, "RUN /bin/sh -c set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis # buildkit"),
            ("918f0ab97160", 1_515_520, "RUN /bin/sh -c set -eux; \tapk add --no-cache \t\ttzdata \t; # buildkit"),
            ("b2cabb38572f", 0, "ENV GOSU_VERSION=1.17"),
            ("62400a7aa717", 2_318_336, PG_GOSU_ALPINE),
            ("c25d322609b5", 0, "ENV REDIS_VERSION=7.2.5"),
            ("e7ace6cab2f0", 0, "ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.5.tar.gz"),
            ("d0c12c8a773a", 0, "ENV REDIS_DOWNLOAD_SHA=5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d"),
            ("16d451997b93", 29_785_844, REDIS_BUILD_ALPINE),
            ("13f806ba1ab5", 0, "RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit"),
            ("b5c1fc7852fa", 0, "VOLUME [/data]"),
            ("97ae32871fb6", 0, "WORKDIR /data"),
            ("176638052e5e", 661, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("067c5b8722fa", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("f7c124f126c7", 0, "EXPOSE map[6379/tcp:{}]"),
            ("05ec150947ff", 0, "CMD [\"redis-server\"]"),
        ],
        created: "2024-09-07T00:43:10Z",
        env: &[
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "GOSU_VERSION=1.17",
            "REDIS_VERSION=7.2.5",
            "REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.5.tar.gz",
            "REDIS_DOWNLOAD_SHA=5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d",
        ],
        cmd: Some(&["redis-server"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "/data",
        user: "",
        exposed: &["6379/tcp"],
        volumes: &["/data"],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/usr/local/bin/redis-server" => "redis-server",
            "/usr/local/bin/redis-sentinel" => "redis-server",
            "/usr/local/bin/redis-cli" => "redis-cli",
            "/usr/local/bin/redis-benchmark" => "redis-tool",
            "/usr/local/bin/redis-check-aof" => "redis-tool",
            "/usr/local/bin/redis-check-rdb" => "redis-tool",
            "/usr/local/bin/gosu" => "gosu",
            "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-redis",
        }),
        files: &[
            ("/etc/passwd", concat!(alpine_passwd!(), "redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin\n")),
            ("/etc/group", concat!(alpine_group!(), "redis:x:1000:redis\n")),
        ],
        dirs: &["/data", "/home/redis"],
        packages: &["tzdata"],
    },
    // ----------------------------------------------------------------- mongo
    CatalogImage {
        repo: "mongo",
        tags: &["latest", "7", "7.0", "7.0.14", "jammy", "7-jammy", "7.0-jammy", "7.0.14-jammy"],
        os: Os::Ubuntu("22.04"),
        layers: &[
            JAMMY_ARG_RELEASE,
            JAMMY_ARG_ARCH,
            JAMMY_LABEL_NAME,
            JAMMY_LABEL_VERSION,
            JAMMY_ADD,
            JAMMY_CMD,
            ("d5d049be41b4", 3_337, "RUN /bin/sh -c set -eux; \tgroupadd --gid 999 --system mongodb; \tuseradd --uid 999 --system --gid mongodb --home-dir /data/db mongodb; \tmkdir -p /data/db /data/configdb; \tchown -R mongodb:mongodb /data/db /data/configdb # buildkit"),
            ("62e5cc4e1416", 8_306_688, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit"),
            ("8da6ffa90985", 0, "ENV GOSU_VERSION=1.17"),
            ("98e3cc46ff2e", 0, "ENV JSYAML_VERSION=3.13.1"),
            ("884fce73a79d", 7_327_744, "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgnupg \t\twget \t; \trm -rf /var/lib/apt/lists/*; \t\tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \t(...) \twget -O /js-yaml.js \"https://github.com/nodeca/js-yaml/raw/${JSYAML_VERSION}/dist/js-yaml.js\"; \t(...) \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit"),
            ("257176bbda54", 0, "RUN /bin/sh -c mkdir /docker-entrypoint-initdb.d # buildkit"),
            ("5566949841fb", 1_163, "RUN /bin/sh -c set -ex; \texport GNUPGHOME=\"$(mktemp -d)\"; \tset -- 'E58830201F7DD82CD808AA84160D26BB1785BA38'; \tfor key; do \t\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\"; \tdone; \tmkdir -p /etc/apt/keyrings; \tgpg --batch --export --armor \"$@\" > /etc/apt/keyrings/mongodb.asc; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" # buildkit"),
            ("6001a986dd2b", 0, "ARG MONGO_PACKAGE=mongodb-org"),
            ("297ac114539f", 0, "ARG MONGO_REPO=repo.mongodb.org"),
            ("bfb5841f95b8", 0, "ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org"),
            ("49dff5c76117", 0, "ENV MONGO_MAJOR=7.0"),
            ("dfc644484c8c", 109, "RUN |2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c echo \"deb [ signed-by=/etc/apt/keyrings/mongodb.asc ] http://$MONGO_REPO/apt/ubuntu jammy/${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR multiverse\" | tee \"/etc/apt/sources.list.d/${MONGO_PACKAGE%-unstable}.list\" # buildkit"),
            ("69b473dda2d5", 0, "ENV MONGO_VERSION=7.0.14"),
            ("99a253d0d7df", 663_482_746, "RUN |2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org /bin/sh -c set -x \t&& export DEBIAN_FRONTEND=noninteractive \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t\t${MONGO_PACKAGE}-database=$MONGO_VERSION \t\t${MONGO_PACKAGE}-database-tools-extra=$MONGO_VERSION \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig # buildkit"),
            ("a093a0191179", 0, "VOLUME [/data/db /data/configdb]"),
            ("3171362c4feb", 0, "ENV HOME=/data/db"),
            ("0ce8f2eccff3", 14_614, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            ("c1a476424f11", 0, "ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            ("573f4ea21219", 0, "EXPOSE map[27017/tcp:{}]"),
            ("85751c7442ec", 0, "CMD [\"mongod\"]"),
        ],
        created: "2024-08-29T20:15:36Z",
        env: &[
            NODE_PATH_ENV,
            "GOSU_VERSION=1.17",
            "JSYAML_VERSION=3.13.1",
            "MONGO_PACKAGE=mongodb-org",
            "MONGO_REPO=repo.mongodb.org",
            "MONGO_MAJOR=7.0",
            "MONGO_VERSION=7.0.14",
            "HOME=/data/db",
        ],
        cmd: Some(&["mongod"]),
        entrypoint: Some(&["docker-entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["27017/tcp"],
        volumes: &["/data/db", "/data/configdb"],
        stop_signal: None,
        healthcheck: None,
        labels: &[("org.opencontainers.image.ref.name", "ubuntu"), ("org.opencontainers.image.version", "22.04")],
        programs: progs!(
            bin {
                "mongod" => "mongod", "mongos" => "mongos", "mongosh" => "mongosh", "mongodump" => "mongo-tool",
                "mongorestore" => "mongo-tool", "mongoexport" => "mongo-tool", "mongoimport" => "mongo-tool",
                "mongostat" => "mongo-tool", "mongotop" => "mongo-tool", "install_compass" => "mongo-tool",
                "jq" => "jq", "numactl" => "numactl", "ps" => "ps-procps", "top" => "top-procps",
                "free" => "free-procps", "kill" => "kill-procps", "pgrep" => "pgrep-procps", "pkill" => "pgrep-procps",
                "uptime" => "uptime-procps", "watch" => "watch-procps", "w" => "procps", "vmstat" => "procps",
            }
            sbin { "update-ca-certificates" => "update-ca-certificates", "sysctl" => "sysctl-procps" }
            at {
                "/usr/local/bin/gosu" => "gosu",
                "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-mongo",
            }
        ),
        files: &[
            ("/etc/passwd", concat!(ubuntu_jammy_passwd!(), "mongodb:x:999:999::/data/db:/bin/sh\n")),
            ("/etc/group", concat!(ubuntu_jammy_group!(), "mongodb:x:999:\n")),
        ],
        dirs: &["/data/db", "/data/configdb", "/docker-entrypoint-initdb.d"],
        packages: &[
            "mongodb-org", "mongodb-org-server", "mongodb-org-shell", "mongodb-org-mongos", "mongodb-org-tools",
            "mongodb-mongosh", "ca-certificates", "jq", "numactl", "procps",
        ],
    },
    // ----------------------------------------------------------------- distroless
    CatalogImage {
        repo: "gcr.io/distroless/static-debian12",
        tags: &["latest"],
        os: Os::Distroless,
        layers: &[DISTROLESS_1, DISTROLESS_2, DISTROLESS_3, DISTROLESS_4],
        created: "1970-01-01T00:00:00Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"],
        cmd: None,
        entrypoint: None,
        workdir: "/",
        user: "0",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    CatalogImage {
        repo: "gcr.io/distroless/static-debian12",
        tags: &["nonroot"],
        os: Os::Distroless,
        layers: &[DISTROLESS_1, DISTROLESS_2, DISTROLESS_3, DISTROLESS_4],
        created: "1970-01-01T00:00:00Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"],
        cmd: None,
        entrypoint: None,
        workdir: "/home/nonroot",
        user: "65532",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    // ----------------------------------------------------------------- prometheus
    CatalogImage {
        repo: "prom/prometheus",
        tags: &["latest", "v2.54.1", "v2.54"],
        os: Os::Busybox,
        layers: &[
            BUSYBOX,
            BUSYBOX_CMD,
            PROM_BUSYBOX_LABEL,
            PROM_BUSYBOX_LIBS,
            ("2ae757b5a7d2", 0, "ARG ARCH=amd64"),
            ("75cc8caeca4c", 0, "ARG OS=linux"),
            ("817c51bb67d8", 0, "LABEL maintainer=The Prometheus Authors <prometheus-developers@googlegroups.com>"),
            ("dadfb72dd80d", 0, "LABEL org.opencontainers.image.source=https://github.com/prometheus/prometheus"),
            ("88f928936cc0", 130_586_033, "COPY .build/linux-amd64/prometheus /bin/prometheus # buildkit"),
            ("e9f7aa1c3384", 130_942_976, "COPY .build/linux-amd64/promtool /bin/promtool # buildkit"),
            ("4b92c49daa53", 934, "COPY documentation/examples/prometheus.yml /etc/prometheus/prometheus.yml # buildkit"),
            ("29e47ce49d4f", 11_720, "COPY console_libraries/ /usr/share/prometheus/console_libraries/ # buildkit"),
            ("920876e690ac", 48_213, "COPY consoles/ /usr/share/prometheus/consoles/ # buildkit"),
            ("53f8db1f1258", 11_357, "COPY LICENSE /LICENSE # buildkit"),
            ("6c942b3b5c83", 3_773, "COPY NOTICE /NOTICE # buildkit"),
            ("f979ab534faf", 2_926_208, "COPY npm_licenses.tar.bz2 /npm_licenses.tar.bz2 # buildkit"),
            ("0d2c84a5c8fb", 0, "WORKDIR /prometheus"),
            ("5461615e4d3f", 0, "RUN |2 ARCH=amd64 OS=linux /bin/sh -c ln -s /usr/share/prometheus/console_libraries /usr/share/prometheus/consoles/ /etc/prometheus/ &&     chown -R nobody:nobody /etc/prometheus /prometheus # buildkit"),
            ("1e7cbee8886b", 0, "USER nobody"),
            ("ce2ebd39ebd3", 0, "EXPOSE map[9090/tcp:{}]"),
            ("a5b81942ba3d", 0, "VOLUME [/prometheus]"),
            ("1d1a0911aa30", 0, "ENTRYPOINT [\"/bin/prometheus\"]"),
            ("a51ae4026f72", 0, "CMD [\"--config.file=/etc/prometheus/prometheus.yml\" \"--storage.tsdb.path=/prometheus\" \"--web.console.libraries=/usr/share/prometheus/console_libraries\" \"--web.console.templates=/usr/share/prometheus/consoles\"]"),
        ],
        created: "2024-08-27T10:57:13Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&[
            "--config.file=/etc/prometheus/prometheus.yml",
            "--storage.tsdb.path=/prometheus",
            "--web.console.libraries=/usr/share/prometheus/console_libraries",
            "--web.console.templates=/usr/share/prometheus/consoles",
        ]),
        entrypoint: Some(&["/bin/prometheus"]),
        workdir: "/prometheus",
        user: "nobody",
        exposed: &["9090/tcp"],
        volumes: &["/prometheus"],
        stop_signal: None,
        healthcheck: None,
        labels: &[
            ("maintainer", "The Prometheus Authors <prometheus-developers@googlegroups.com>"),
            ("org.opencontainers.image.source", "https://github.com/prometheus/prometheus"),
        ],
        programs: &[("/bin/prometheus", "prometheus"), ("/bin/promtool", "promtool")],
        files: &[("/etc/prometheus/prometheus.yml", PROMETHEUS_YML)],
        dirs: &["/prometheus", "/usr/share/prometheus/console_libraries", "/usr/share/prometheus/consoles"],
        packages: &[],
    },
    CatalogImage {
        repo: "prom/node-exporter",
        tags: &["latest", "v1.8.2"],
        os: Os::Busybox,
        layers: &[
            BUSYBOX,
            BUSYBOX_CMD,
            PROM_BUSYBOX_LABEL,
            PROM_BUSYBOX_LIBS,
            ("2ddc076704fe", 0, "LABEL maintainer=The Prometheus Authors <prometheus-developers@googlegroups.com>"),
            ("d9bfeeeebc6e", 0, "ARG ARCH=amd64"),
            ("f13d783bae47", 0, "ARG OS=linux"),
            ("5acbe705b228", 17_231_214, "COPY .build/linux-amd64/node_exporter /bin/node_exporter # buildkit"),
            ("5d20919cdcb8", 0, "EXPOSE map[9100/tcp:{}]"),
            ("8915550b0c78", 0, "USER nobody"),
            ("95b8a2c16f1e", 0, "ENTRYPOINT [\"/bin/node_exporter\"]"),
        ],
        created: "2024-07-14T16:03:01Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: None,
        entrypoint: Some(&["/bin/node_exporter"]),
        workdir: "",
        user: "nobody",
        exposed: &["9100/tcp"],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[("maintainer", "The Prometheus Authors <prometheus-developers@googlegroups.com>")],
        programs: &[("/bin/node_exporter", "node_exporter")],
        files: &[],
        dirs: &[],
        packages: &[],
    },
    // ----------------------------------------------------------------- grafana
    CatalogImage {
        repo: "grafana/grafana",
        tags: &["latest", "11.2.0"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("578f528d4cf2", 0, "LABEL maintainer=Grafana Labs <hello@grafana.com>"),
            ("b82e98cf116b", 0, "LABEL org.opencontainers.image.source=https://github.com/grafana/grafana"),
            ("86d4e0b1ce49", 0, "ARG GF_UID=472"),
            ("669e5b3bc8e0", 0, "ARG GF_GID=0"),
            ("9e97474fedb3", 0, "ENV PATH=/usr/share/grafana/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin GF_PATHS_CONFIG=/etc/grafana/grafana.ini GF_PATHS_DATA=/var/lib/grafana GF_PATHS_HOME=/usr/share/grafana GF_PATHS_LOGS=/var/log/grafana GF_PATHS_PLUGINS=/var/lib/grafana/plugins GF_PATHS_PROVISIONING=/etc/grafana/provisioning"),
            ("0731ca74df57", 0, "WORKDIR /usr/share/grafana"),
            ("d5e8c326cfd4", 10_334_208, "RUN |2 GF_UID=472 GF_GID=0 /bin/sh -c if grep -i -q alpine /etc/issue; then       apk add --no-cache ca-certificates bash curl tzdata musl-utils &&       apk info -vv | sort;     elif grep -i -q ubuntu /etc/issue; then       (...)     fi &&     if [ ! -e /etc/nsswitch.conf ]; then echo 'hosts: files dns' > /etc/nsswitch.conf; fi # buildkit"),
            ("e34bc63939f6", 11_102_208, "RUN |2 GF_UID=472 GF_GID=0 /bin/sh -c if [ `arch` = \"x86_64\" ]; then       wget https://dl.grafana.com/glibc/glibc-bin-2.35.tar.gz &&       (...) ln -s /usr/glibc-compat/lib/ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2;     fi # buildkit"),
            ("c4c131dc0068", 421_116_463, "COPY /tmp/grafana /usr/share/grafana # buildkit"),
            ("f1257999dc26", 65_536, "RUN |2 GF_UID=472 GF_GID=0 /bin/sh -c if [ ! $(getent group \"$GF_GID\") ]; then     (...)     fi &&     GF_GID_NAME=$(getent group $GF_GID | cut -d':' -f1) &&     mkdir -p \"$GF_PATHS_HOME/.aws\" &&     adduser -S -u $GF_UID -G \"$GF_GID_NAME\" grafana &&     mkdir -p \"$GF_PATHS_PROVISIONING/datasources\"              \"$GF_PATHS_PROVISIONING/dashboards\"              \"$GF_PATHS_PROVISIONING/notifiers\"              \"$GF_PATHS_PROVISIONING/plugins\"              \"$GF_PATHS_PROVISIONING/access-control\"              \"$GF_PATHS_PROVISIONING/alerting\"              \"$GF_PATHS_LOGS\"              \"$GF_PATHS_PLUGINS\"              \"$GF_PATHS_DATA\" &&     cp conf/sample.ini \"$GF_PATHS_CONFIG\" &&     cp conf/ldap.toml /etc/grafana/ldap.toml &&     chown -R \"grafana:$GF_GID_NAME\" \"$GF_PATHS_DATA\" \"$GF_PATHS_HOME/.aws\" \"$GF_PATHS_LOGS\" \"$GF_PATHS_PLUGINS\" \"$GF_PATHS_PROVISIONING\" &&     chmod -R 777 \"$GF_PATHS_DATA\" \"$GF_PATHS_HOME/.aws\" \"$GF_PATHS_LOGS\" \"$GF_PATHS_PLUGINS\" \"$GF_PATHS_PROVISIONING\" # buildkit"),
            ("ca2c8e15605a", 3_727, "COPY ./packaging/docker/run.sh /run.sh # buildkit"),
            ("afd112791859", 0, "USER 472"),
            ("cf0b66fffefe", 0, "EXPOSE map[3000/tcp:{}]"),
            ("183897cb1ee9", 0, "ENTRYPOINT [\"/run.sh\"]"),
        ],
        created: "2024-08-27T13:45:09Z",
        env: &[
            "PATH=/usr/share/grafana/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "GF_PATHS_CONFIG=/etc/grafana/grafana.ini",
            "GF_PATHS_DATA=/var/lib/grafana",
            "GF_PATHS_HOME=/usr/share/grafana",
            "GF_PATHS_LOGS=/var/log/grafana",
            "GF_PATHS_PLUGINS=/var/lib/grafana/plugins",
            "GF_PATHS_PROVISIONING=/etc/grafana/provisioning",
        ],
        cmd: None,
        entrypoint: Some(&["/run.sh"]),
        workdir: "/usr/share/grafana",
        user: "472",
        exposed: &["3000/tcp"],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[
            ("maintainer", "Grafana Labs <hello@grafana.com>"),
            ("org.opencontainers.image.source", "https://github.com/grafana/grafana"),
        ],
        programs: progs!(at {
            "/usr/share/grafana/bin/grafana" => "grafana",
            "/usr/share/grafana/bin/grafana-server" => "grafana",
            "/usr/share/grafana/bin/grafana-cli" => "grafana-cli",
            "/run.sh" => "entrypoint-grafana",
            "/bin/bash" => "bash",
            "/usr/bin/curl" => "curl",
            "/usr/sbin/update-ca-certificates" => "update-ca-certificates",
        }),
        files: &[
            ("/etc/passwd", concat!(alpine_passwd!(), "grafana:x:472:0:Linux User,,,:/home/grafana:/sbin/nologin\n")),
            ("/etc/nsswitch.conf", "hosts: files dns\n"),
        ],
        dirs: &[
            "/home/grafana",
            "/var/lib/grafana",
            "/var/lib/grafana/plugins",
            "/var/log/grafana",
            "/etc/grafana/provisioning/datasources",
            "/etc/grafana/provisioning/dashboards",
            "/etc/grafana/provisioning/notifiers",
            "/etc/grafana/provisioning/plugins",
            "/etc/grafana/provisioning/access-control",
            "/etc/grafana/provisioning/alerting",
            "/usr/share/grafana/.aws",
        ],
        packages: &["ca-certificates", "bash", "curl", "tzdata", "libcurl", "readline", "libncursesw", "ncurses-terminfo-base"],
    },
    // ----------------------------------------------------------------- netshoot
    CatalogImage {
        repo: "nicolaka/netshoot",
        tags: &["latest", "v0.13"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("91a3c4d97647", 223_790_353, "RUN /bin/sh -c set -ex     && echo \"http://dl-cdn.alpinelinux.org/alpine/edge/main\" >> /etc/apk/repositories     && echo \"http://dl-cdn.alpinelinux.org/alpine/edge/testing\" >> /etc/apk/repositories     && echo \"http://dl-cdn.alpinelinux.org/alpine/edge/community\" >> /etc/apk/repositories     && apk update     && apk upgrade     && apk add --no-cache     apache2-utils     bash     bind-tools     bird     bridge-utils     busybox-extras     conntrack-tools     curl     dhcping     drill     ethtool     file    fping     iftop     iperf     iperf3     iproute2     ipset     iptables     iptraf-ng     iputils     ipvsadm     jq     libc6-compat     liboping     ltrace     mtr     net-snmp-tools     netcat-openbsd     nftables     ngrep     nmap     nmap-nping     nmap-scripts     openssl     py3-pip     py3-setuptools     scapy     socat     speedtest-cli     openssh     strace     tcpdump     tcptraceroute     tshark     util-linux     vim     git     zsh     websocat     swaks     perl-crypt-ssleay     perl-net-ssleay # buildkit"),
            ("4b699d197236", 10_264_576, "COPY /tmp/ctop /usr/local/bin/ctop # buildkit"),
            ("add10505513c", 63_946_752, "COPY /tmp/calicoctl /usr/local/bin/calicoctl # buildkit"),
            ("9ac299696c3e", 31_879_168, "COPY /tmp/termshark /usr/local/bin/termshark # buildkit"),
            ("3159ab3dd819", 25_477_120, "COPY /tmp/grpcurl /usr/local/bin/grpcurl # buildkit"),
            ("5c096f319e40", 30_310_400, "COPY /tmp/fortio /usr/local/bin/fortio # buildkit"),
            ("9971cb0568ff", 0, "USER root"),
            ("89410b08123a", 0, "WORKDIR /root"),
            ("8e734c2a065b", 0, "ENV HOSTNAME=netshoot"),
            ("3dee46c6cbb1", 6_950_912, "RUN /bin/sh -c sh -c \"$(wget https://raw.github.com/robbyrussell/oh-my-zsh/master/tools/install.sh -O -)\" # buildkit"),
            ("86d869488757", 1_512, "COPY zshrc .zshrc # buildkit"),
            ("c75058c5d030", 1_349, "COPY motd motd # buildkit"),
            ("b8c32ba1fd9a", 0, "RUN /bin/sh -c chmod -R g=u /root # buildkit"),
            ("65b9cee26bf3", 0, "RUN /bin/sh -c chown root:root /usr/bin/dumpcap # buildkit"),
            ("0a3708f03f83", 0, "CMD [\"zsh\"]"),
        ],
        created: "2024-07-30T21:08:41Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=netshoot"],
        cmd: Some(&["zsh"]),
        entrypoint: None,
        workdir: "/root",
        user: "root",
        exposed: &[],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: progs!(at {
            "/bin/bash" => "bash",
            "/bin/zsh" => "zsh",
            "/usr/bin/curl" => "curl",
            "/usr/bin/dig" => "dig",
            "/usr/bin/nslookup" => "nslookup-bind",
            "/usr/bin/host" => "host",
            "/usr/bin/drill" => "drill",
            "/bin/ping" => "ping-iputils",
            "/bin/tracepath" => "tracepath",
            "/usr/sbin/arping" => "arping",
            "/sbin/ip" => "ip-iproute2",
            "/sbin/ss" => "ss",
            "/sbin/tc" => "tc",
            "/sbin/bridge" => "bridge",
            "/usr/bin/tcpdump" => "tcpdump",
            "/usr/bin/iperf" => "iperf",
            "/usr/bin/iperf3" => "iperf3",
            "/usr/bin/nc" => "nc-openbsd",
            "/usr/bin/socat" => "socat",
            "/usr/bin/nmap" => "nmap",
            "/usr/bin/mtr" => "mtr",
            "/usr/bin/tcptraceroute" => "traceroute",
            "/usr/bin/jq" => "jq",
            "/usr/bin/openssl" => "openssl",
            "/usr/bin/strace" => "strace",
            "/usr/bin/ltrace" => "ltrace",
            "/usr/bin/ethtool" => "ethtool",
            "/usr/sbin/iftop" => "iftop",
            "/usr/bin/fping" => "fping",
            "/usr/bin/tshark" => "tshark",
            "/usr/bin/dumpcap" => "tshark",
            "/usr/bin/git" => "git",
            "/usr/bin/vim" => "vim",
            "/usr/bin/ssh" => "ssh",
            "/usr/bin/scp" => "scp",
            "/usr/bin/ab" => "ab",
            "/usr/bin/websocat" => "websocat",
            "/usr/bin/speedtest-cli" => "speedtest-cli",
            "/usr/bin/swaks" => "swaks",
            "/usr/bin/python3" => "python",
            "/usr/bin/pip" => "pip-system",
            "/usr/bin/pip3" => "pip-system",
            "/usr/bin/file" => "file",
            "/usr/bin/telnet" => "busybox",
            "/usr/sbin/iptables" => "iptables",
            "/usr/sbin/nft" => "nft",
            "/usr/sbin/ipvsadm" => "ipvsadm",
            "/usr/sbin/conntrack" => "conntrack",
            "/usr/local/bin/ctop" => "ctop",
            "/usr/local/bin/calicoctl" => "calicoctl",
            "/usr/local/bin/termshark" => "termshark",
            "/usr/local/bin/grpcurl" => "grpcurl",
            "/usr/local/bin/fortio" => "fortio",
            "/lib/ld-linux-x86-64.so.2" => "lib",
            "/lib64/ld-linux-x86-64.so.2" => "lib",
        }),
        files: &[("/root/motd", " dP            dP                           dP\n 88            88                           88\n 88d888b. .d8888b. d8888P .d8888b. 88d888b. .d8888b. .d8888b. d8888P\n 88'  `88 88ooood8   88   Y8ooooo. 88'  `88 88'  `88 88'  `88   88\n 88    88 88.  ...   88         88 88    88 88.  .88 88.  .88   88\n dP    dP `88888P'   dP   `88888P' dP    dP `88888P' `88888P'   dP\n\nWelcome to Netshoot! (github.com/nicolaka/netshoot)\nVersion: 0.13\n\n")],
        dirs: &["/root/.oh-my-zsh"],
        packages: &[
            "apache2-utils", "bash", "bind-tools", "bird", "bridge-utils", "busybox-extras", "conntrack-tools", "curl",
            "dhcping", "drill", "ethtool", "file", "fping", "iftop", "iperf", "iperf3", "iproute2", "ipset", "iptables",
            "iptraf-ng", "iputils", "iputils-ping", "ipvsadm", "jq", "libc6-compat", "liboping", "ltrace", "mtr",
            "net-snmp-tools", "netcat-openbsd", "nftables", "ngrep", "nmap", "nmap-nping", "nmap-scripts", "openssl",
            "py3-pip", "py3-setuptools", "python3", "scapy", "socat", "speedtest-cli", "openssh", "strace", "tcpdump",
            "tcptraceroute", "tshark", "util-linux", "vim", "git", "zsh", "websocat", "swaks",
        ],
    },
    // ----------------------------------------------------------------- elastic (8.11.0)
    CatalogImage {
        repo: "elasticsearch",
        tags: &["8.11.0"],
        os: Os::Ubuntu("20.04"),
        layers: &[
            FOCAL_ARG_RELEASE,
            FOCAL_ARG_ARCH,
            FOCAL_LABEL_NAME,
            FOCAL_LABEL_VERSION,
            FOCAL_ADD,
            FOCAL_CMD,
            ("ebbf71c621f2", 37_216_256, "RUN /bin/sh -c for iter in 1 2 3 4 5 6 7 8 9 10; do       export DEBIAN_FRONTEND=noninteractive &&       apt-get update &&       apt-get upgrade -y &&       apt-get install -y --no-install-recommends         ca-certificates curl netcat p11-kit unzip zip  &&       apt-get clean &&       rm -rf /var/lib/apt/lists/* &&       exit_code=0 && break ||         exit_code=$? && echo \"apt-get error: retry $iter in 10s\" && sleep 10;     done;     exit $exit_code # buildkit"),
            ("fb2b7eac9034", 336_896, "RUN /bin/sh -c groupadd -g 1000 elasticsearch &&     adduser --uid 1000 --gid 1000 --home /usr/share/elasticsearch elasticsearch &&     adduser elasticsearch root &&     chown -R 0:0 /usr/share/elasticsearch # buildkit"),
            ("12de36d2beef", 0, "ENV ELASTIC_CONTAINER=true"),
            ("8b3195dfc81e", 0, "WORKDIR /usr/share/elasticsearch"),
            ("862d7449d5db", 1_299_602_253, "COPY /usr/share/elasticsearch /usr/share/elasticsearch # buildkit"),
            ("a4e1dc6f1050", 24_064, "COPY /bin/tini /bin/tini # buildkit"),
            ("6f1a88b122fd", 0, "ENV PATH=/usr/share/elasticsearch/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("a176b0e769c5", 2_643, "COPY bin/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh # buildkit"),
            ("14250ccb8370", 1_740, "RUN /bin/sh -c chmod g=u /etc/passwd &&     chmod 0555 /usr/local/bin/docker-entrypoint.sh &&     find / -xdev -perm -4000 -exec chmod ug-s {} + &&     chmod 0775 /usr/share/elasticsearch &&     chown elasticsearch bin config config/jvm.options.d data logs plugins # buildkit"),
            ("3308b2087f1c", 0, "RUN /bin/sh -c ln -sf /etc/ssl/certs/java/cacerts /usr/share/elasticsearch/jdk/lib/security/cacerts # buildkit"),
            ("4db515d33558", 0, "EXPOSE map[9200/tcp:{} 9300/tcp:{}]"),
            ("b217469b083d", 0, "LABEL org.label-schema.build-date=2023-11-04T10:04:57.184859352Z org.label-schema.license=Elastic-License-2.0 org.label-schema.name=Elasticsearch org.label-schema.schema-version=1.0 org.label-schema.url=https://www.elastic.co/products/elasticsearch org.label-schema.usage=https://www.elastic.co/guide/en/elasticsearch/reference/index.html org.label-schema.vcs-ref=d9ec3fa628c7b0ba3d25692e277ba26814820b20 org.label-schema.vcs-url=https://github.com/elastic/elasticsearch org.label-schema.vendor=Elastic org.label-schema.version=8.11.0 org.opencontainers.image.created=2023-11-04T10:04:57.184859352Z org.opencontainers.image.documentation=https://www.elastic.co/guide/en/elasticsearch/reference/index.html org.opencontainers.image.licenses=Elastic-License-2.0 org.opencontainers.image.revision=d9ec3fa628c7b0ba3d25692e277ba26814820b20 org.opencontainers.image.source=https://github.com/elastic/elasticsearch org.opencontainers.image.title=Elasticsearch org.opencontainers.image.url=https://www.elastic.co/products/elasticsearch org.opencontainers.image.vendor=Elastic org.opencontainers.image.version=8.11.0"),
            ("381122909372", 3_860, "RUN /bin/sh -c mkdir /licenses && cp LICENSE.txt /licenses/LICENSE # buildkit"),
            ("fc0d2f4661d6", 0, "USER 1000:0"),
            ("308517c350e4", 0, "ENTRYPOINT [\"/bin/tini\" \"--\" \"/usr/local/bin/docker-entrypoint.sh\"]"),
            ("525e83e72e9c", 0, "CMD [\"eswrapper\"]"),
        ],
        created: "2023-11-04T10:11:55Z",
        env: &[
            "PATH=/usr/share/elasticsearch/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "ELASTIC_CONTAINER=true",
        ],
        cmd: Some(&["eswrapper"]),
        entrypoint: Some(&["/bin/tini", "--", "/usr/local/bin/docker-entrypoint.sh"]),
        workdir: "/usr/share/elasticsearch",
        user: "1000:0",
        exposed: &["9200/tcp", "9300/tcp"],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[
            ("org.label-schema.license", "Elastic-License-2.0"),
            ("org.label-schema.name", "Elasticsearch"),
            ("org.label-schema.schema-version", "1.0"),
            ("org.label-schema.url", "https://www.elastic.co/products/elasticsearch"),
            ("org.label-schema.vcs-url", "https://github.com/elastic/elasticsearch"),
            ("org.label-schema.vendor", "Elastic"),
            ("org.label-schema.version", "8.11.0"),
            ("org.opencontainers.image.licenses", "Elastic-License-2.0"),
            ("org.opencontainers.image.ref.name", "ubuntu"),
            ("org.opencontainers.image.source", "https://github.com/elastic/elasticsearch"),
            ("org.opencontainers.image.title", "Elasticsearch"),
            ("org.opencontainers.image.vendor", "Elastic"),
            ("org.opencontainers.image.version", "8.11.0"),
        ],
        programs: progs!(
            at {
                "/bin/tini" => "tini",
                "/usr/local/bin/docker-entrypoint.sh" => "entrypoint-elasticsearch",
                "/usr/share/elasticsearch/bin/elasticsearch" => "elasticsearch",
                "/usr/share/elasticsearch/bin/elasticsearch-plugin" => "elasticsearch-tool",
                "/usr/share/elasticsearch/bin/elasticsearch-reset-password" => "elasticsearch-tool",
                "/usr/share/elasticsearch/bin/elasticsearch-create-enrollment-token" => "elasticsearch-tool",
                "/usr/share/elasticsearch/bin/elasticsearch-certutil" => "elasticsearch-tool",
                "/usr/share/elasticsearch/bin/elasticsearch-keystore" => "elasticsearch-tool",
                "/usr/share/elasticsearch/bin/elasticsearch-users" => "elasticsearch-tool",
                "/usr/share/elasticsearch/jdk/bin/java" => "java",
            }
            bin {
                "curl" => "curl", "nc" => "nc-openbsd", "netcat" => "nc-openbsd", "unzip" => "unzip", "zip" => "zip",
            }
        ),
        files: &[
            ("/etc/passwd", concat!(ubuntu_jammy_passwd!(), "elasticsearch:x:1000:1000:,,,:/usr/share/elasticsearch:/bin/bash\n")),
            ("/etc/group", concat!("root:x:0:elasticsearch\n", ubuntu_jammy_group_rest!(), "elasticsearch:x:1000:\n")),
            ("/usr/share/elasticsearch/config/elasticsearch.yml", ELASTICSEARCH_YML),
        ],
        dirs: &[
            "/usr/share/elasticsearch/data",
            "/usr/share/elasticsearch/logs",
            "/usr/share/elasticsearch/plugins",
            "/usr/share/elasticsearch/config/jvm.options.d",
            "/licenses",
        ],
        packages: &["ca-certificates", "curl", "netcat", "netcat-openbsd", "p11-kit", "unzip", "zip"],
    },
    CatalogImage {
        repo: "logstash",
        tags: &["8.11.0"],
        os: Os::Ubuntu("20.04"),
        layers: &[
            FOCAL_ARG_RELEASE,
            FOCAL_ARG_ARCH,
            FOCAL_LABEL_NAME,
            FOCAL_LABEL_VERSION,
            FOCAL_ADD,
            FOCAL_CMD,
            ("7e409ef4c5b0", 50_913_280, "RUN /bin/sh -c for iter in {1..10}; do     export DEBIAN_FRONTEND=noninteractive &&     apt-get update -y &&     apt-get upgrade -y &&     apt-get install -y procps findutils tar gzip curl &&     apt-get install -y locales &&     apt-get clean all &&     locale-gen 'en_US.UTF-8' &&     apt-get clean metadata &&     exit_code=0 && break || exit_code=$? &&     echo \"packaging error: retry $iter in 10s\" &&     apt-get clean all &&     apt-get clean metadata &&     sleep 10; done;     (exit $exit_code) # buildkit"),
            ("0e0914575476", 335_872, "RUN /bin/sh -c groupadd --gid 1000 logstash &&     adduser --uid 1000 --gid 1000       --home /usr/share/logstash --no-create-home       logstash # buildkit"),
            ("439c143d699d", 630_784_232, "RUN /bin/sh -c curl -Lo - https://artifacts.elastic.co/downloads/logstash/logstash-8.11.0-linux-$(arch).tar.gz |     tar zxf - -C /usr/share &&     mv /usr/share/logstash-8.11.0 /usr/share/logstash &&     chown --recursive logstash:logstash /usr/share/logstash/ &&     chown -R logstash:root /usr/share/logstash &&     chmod -R g=u /usr/share/logstash &&     mkdir /licenses/ &&     mv /usr/share/logstash/NOTICE.TXT /licenses/NOTICE.TXT &&     mv /usr/share/logstash/LICENSE.txt /licenses/LICENSE.txt &&     find /usr/share/logstash -type d -exec chmod g+s {} \\; &&     ln -s /usr/share/logstash /opt/logstash # buildkit"),
            ("f83893df7ebd", 0, "WORKDIR /usr/share/logstash"),
            ("5dac4fad37e8", 0, "ENV ELASTIC_CONTAINER=true"),
            ("b4e4110afa28", 0, "ENV PATH=/usr/share/logstash/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("9b441fb8b69e", 253, "COPY config/pipelines.yml config/pipelines.yml # buildkit"),
            ("1c4c14391c4d", 92, "COPY config/logstash-full.yml config/logstash.yml # buildkit"),
            ("8ef85dc66291", 2_048, "COPY config/log4j2.properties config/ # buildkit"),
            ("df4d99b3dc93", 3_338, "COPY config/log4j2.file.properties config/ # buildkit"),
            ("c469af929261", 92, "COPY pipeline/default.conf pipeline/logstash.conf # buildkit"),
            ("30b82a14823e", 5_549, "RUN /bin/sh -c chown --recursive logstash:root config/ pipeline/ # buildkit"),
            ("a3469f424954", 0, "ENV LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8"),
            ("52d15956fcb5", 2_142_208, "COPY env2yaml/env2yaml /usr/local/bin/ # buildkit"),
            ("195155243611", 0, "RUN /bin/sh -c chmod 0755 /usr/local/bin/env2yaml # buildkit"),
            ("60dbef1022a1", 748, "COPY bin/docker-entrypoint /usr/local/bin/ # buildkit"),
            ("a5a5b40c70c4", 0, "RUN /bin/sh -c chmod 0755 /usr/local/bin/docker-entrypoint # buildkit"),
            ("641d2d59c7f2", 0, "USER 1000"),
            ("b61e341a7291", 0, "EXPOSE map[5044/tcp:{} 9600/tcp:{}]"),
            ("3ccda50d1eb1", 0, "LABEL org.label-schema.schema-version=1.0 org.label-schema.vendor=Elastic org.opencontainers.image.vendor=Elastic org.label-schema.name=logstash org.opencontainers.image.title=logstash org.label-schema.version=8.11.0 org.opencontainers.image.version=8.11.0 org.label-schema.url=https://www.elastic.co/products/logstash org.label-schema.vcs-url=https://github.com/elastic/logstash org.label-schema.license=Elastic License org.opencontainers.image.licenses=Elastic License org.opencontainers.image.description=Logstash is a free and open server-side data processing pipeline that ingests data from a multitude of sources, transforms it, and then sends it to your favorite 'stash.' org.label-schema.build-date=2023-11-04T10:47:36+00:00 org.opencontainers.image.created=2023-11-04T10:47:36+00:00"),
            ("16dfcf7df1b4", 0, "ENTRYPOINT [\"/usr/local/bin/docker-entrypoint\"]"),
        ],
        created: "2023-11-04T10:53:12Z",
        env: &[
            "PATH=/usr/share/logstash/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "ELASTIC_CONTAINER=true",
            "LANG=en_US.UTF-8",
            "LC_ALL=en_US.UTF-8",
        ],
        cmd: None,
        entrypoint: Some(&["/usr/local/bin/docker-entrypoint"]),
        workdir: "/usr/share/logstash",
        user: "1000",
        exposed: &["5044/tcp", "9600/tcp"],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[
            ("org.label-schema.name", "logstash"),
            ("org.label-schema.schema-version", "1.0"),
            ("org.label-schema.url", "https://www.elastic.co/products/logstash"),
            ("org.label-schema.vcs-url", "https://github.com/elastic/logstash"),
            ("org.label-schema.vendor", "Elastic"),
            ("org.label-schema.version", "8.11.0"),
            ("org.opencontainers.image.licenses", "Elastic License"),
            ("org.opencontainers.image.ref.name", "ubuntu"),
            ("org.opencontainers.image.title", "logstash"),
            ("org.opencontainers.image.vendor", "Elastic"),
            ("org.opencontainers.image.version", "8.11.0"),
        ],
        programs: progs!(
            at {
                "/usr/share/logstash/bin/logstash" => "logstash",
                "/usr/share/logstash/bin/logstash-plugin" => "logstash-tool",
                "/usr/share/logstash/bin/logstash-keystore" => "logstash-tool",
                "/usr/share/logstash/jdk/bin/java" => "java",
                "/usr/local/bin/docker-entrypoint" => "entrypoint-logstash",
                "/usr/local/bin/env2yaml" => "env2yaml",
            }
            bin {
                "curl" => "curl", "ps" => "ps-procps", "top" => "top-procps", "free" => "free-procps",
                "kill" => "kill-procps", "pgrep" => "pgrep-procps", "pkill" => "pgrep-procps",
                "uptime" => "uptime-procps", "watch" => "watch-procps", "localedef" => "localedef",
            }
            sbin { "locale-gen" => "locale-gen" }
        ),
        files: &[
            ("/etc/passwd", concat!(ubuntu_jammy_passwd!(), "logstash:x:1000:1000:,,,:/usr/share/logstash:/bin/bash\n")),
            ("/etc/group", concat!(ubuntu_jammy_group!(), "logstash:x:1000:\n")),
            ("/usr/share/logstash/pipeline/logstash.conf", LOGSTASH_PIPELINE),
            ("/usr/share/logstash/config/logstash.yml", LOGSTASH_YML),
            ("/usr/share/logstash/config/pipelines.yml", LOGSTASH_PIPELINES_YML),
        ],
        dirs: &["/usr/share/logstash/data", "/usr/share/logstash/logs", "/licenses", "/opt"],
        packages: &["procps", "findutils", "tar", "gzip", "curl", "locales"],
    },
    CatalogImage {
        repo: "kibana",
        tags: &["8.11.0"],
        os: Os::Ubuntu("20.04"),
        layers: &[
            FOCAL_ARG_RELEASE,
            FOCAL_ARG_ARCH,
            FOCAL_LABEL_NAME,
            FOCAL_LABEL_VERSION,
            FOCAL_ADD,
            FOCAL_CMD,
            ("3fc9c8203de9", 0, "EXPOSE map[5601/tcp:{}]"),
            ("d63ea781e638", 48_439_296, "RUN /bin/sh -c for iter in {1..10}; do       export DEBIAN_FRONTEND=noninteractive &&       apt-get update &&       apt-get upgrade -y &&       apt-get install -y --no-install-recommends       fontconfig libnss3 curl ca-certificates &&       apt-get clean &&       rm -rf /var/lib/apt/lists/* &&       exit_code=0 && break ||       exit_code=$? && echo \"apt-get error: retry $iter in 10s\" && sleep 10;     done;     (exit $exit_code) # buildkit"),
            ("3eb762ab027c", 24_064, "RUN /bin/sh -c set -e ;     TINI_BIN=\"\" ;     case \"$(arch)\" in         aarch64) TINI_BIN='tini-arm64' ;;         x86_64)  TINI_BIN='tini-amd64' ;;         *) echo >&2 \"Unsupported architecture $(arch)\" ; exit 1 ;;     esac ;   TINI_VERSION='v0.19.0' ;   curl --retry 10 -S -L -O \"https://github.com/krallin/tini/releases/download/${TINI_VERSION}/${TINI_BIN}\" ;   curl --retry 10 -S -L -O \"https://github.com/krallin/tini/releases/download/${TINI_VERSION}/${TINI_BIN}.sha256sum\" ;   sha256sum -c ${TINI_BIN}.sha256sum ;   rm ${TINI_BIN}.sha256sum ;   mv ${TINI_BIN} /bin/tini ;   chmod +x /bin/tini # buildkit"),
            ("f22f4adcfd10", 15_745_024, "RUN /bin/sh -c mkdir /usr/share/fonts/local &&   curl --retry 10 -S -L -o /usr/share/fonts/local/NotoSansCJK-Regular.ttc https://github.com/googlefonts/noto-cjk/raw/NotoSansV2.001/NotoSansCJK-Regular.ttc &&   echo \"5dcd1c336cc9344cb77c03a0cd8982ca8a7dc97d620fd6c9c434e02dcb1ceeb3  /usr/share/fonts/local/NotoSansCJK-Regular.ttc\" | sha256sum -c - &&   fc-cache -v # buildkit"),
            ("ab73db7781c8", 892_629_535, "COPY --chown=1000:0 /usr/share/kibana /usr/share/kibana # buildkit"),
            ("4f78fa38b2af", 0, "WORKDIR /usr/share/kibana"),
            ("3721beac0c95", 17, "RUN /bin/sh -c ln -s /usr/share/kibana /opt/kibana # buildkit"),
            ("d6b867481e4f", 0, "ENV ELASTIC_CONTAINER=true"),
            ("b20cec1c6112", 0, "ENV PATH=/usr/share/kibana/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("9c9c324736d0", 244, "COPY --chown=1000:0 config/kibana.yml /usr/share/kibana/config/kibana.yml # buildkit"),
            ("a4107dcd2c61", 12_636, "COPY bin/kibana-docker /usr/local/bin/ # buildkit"),
            ("4cd147ca9b2b", 0, "RUN /bin/sh -c chmod g+ws /usr/share/kibana &&   find /usr/share/kibana -gid 0 -and -not -perm /g+w -exec chmod g+w {} \\; # buildkit"),
            ("f5979eec2920", 0, "RUN /bin/sh -c find / -xdev -perm -4000 -exec chmod u-s {} + # buildkit"),
            ("7c57f1b47158", 336_896, "RUN /bin/sh -c groupadd --gid 1000 kibana &&     useradd --uid 1000 --gid 1000 -G 0       --home-dir /usr/share/kibana --no-create-home       kibana # buildkit"),
            ("6e37b2a23ddb", 0, "LABEL org.label-schema.build-date=2023-11-04T10:21:29.883Z org.label-schema.license=Elastic License org.label-schema.name=Kibana org.label-schema.schema-version=1.0 org.label-schema.url=https://www.elastic.co/products/kibana org.label-schema.usage=https://www.elastic.co/guide/en/kibana/reference/index.html org.label-schema.vcs-ref=bb4cd9bca7e9c7c1e1e30fa1c4eb9d2b5c12c2cc org.label-schema.vcs-url=https://github.com/elastic/kibana org.label-schema.vendor=Elastic org.label-schema.version=8.11.0 org.opencontainers.image.created=2023-11-04T10:21:29.883Z org.opencontainers.image.documentation=https://www.elastic.co/guide/en/kibana/reference/index.html org.opencontainers.image.licenses=Elastic License org.opencontainers.image.revision=bb4cd9bca7e9c7c1e1e30fa1c4eb9d2b5c12c2cc org.opencontainers.image.source=https://github.com/elastic/kibana org.opencontainers.image.title=Kibana org.opencontainers.image.url=https://www.elastic.co/products/kibana org.opencontainers.image.vendor=Elastic org.opencontainers.image.version=8.11.0"),
            ("832c21b86e45", 0, "ENTRYPOINT [\"/bin/tini\" \"--\"]"),
            ("eadfda06c756", 0, "CMD [\"/usr/local/bin/kibana-docker\"]"),
            ("222e0b9d422a", 0, "USER 1000"),
        ],
        created: "2023-11-04T10:31:44Z",
        env: &[
            "PATH=/usr/share/kibana/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "ELASTIC_CONTAINER=true",
        ],
        cmd: Some(&["/usr/local/bin/kibana-docker"]),
        entrypoint: Some(&["/bin/tini", "--"]),
        workdir: "/usr/share/kibana",
        user: "1000",
        exposed: &["5601/tcp"],
        volumes: &[],
        stop_signal: None,
        healthcheck: None,
        labels: &[
            ("org.label-schema.license", "Elastic License"),
            ("org.label-schema.name", "Kibana"),
            ("org.label-schema.schema-version", "1.0"),
            ("org.label-schema.url", "https://www.elastic.co/products/kibana"),
            ("org.label-schema.vcs-url", "https://github.com/elastic/kibana"),
            ("org.label-schema.vendor", "Elastic"),
            ("org.label-schema.version", "8.11.0"),
            ("org.opencontainers.image.licenses", "Elastic License"),
            ("org.opencontainers.image.ref.name", "ubuntu"),
            ("org.opencontainers.image.source", "https://github.com/elastic/kibana"),
            ("org.opencontainers.image.title", "Kibana"),
            ("org.opencontainers.image.vendor", "Elastic"),
            ("org.opencontainers.image.version", "8.11.0"),
        ],
        programs: progs!(
            at {
                "/bin/tini" => "tini",
                "/usr/local/bin/kibana-docker" => "entrypoint-kibana",
                "/usr/share/kibana/bin/kibana" => "kibana",
                "/usr/share/kibana/bin/kibana-plugin" => "kibana-tool",
                "/usr/share/kibana/bin/kibana-keystore" => "kibana-tool",
                "/usr/share/kibana/bin/kibana-encryption-keys" => "kibana-tool",
                "/usr/share/kibana/bin/kibana-verification-code" => "kibana-tool",
                "/usr/share/kibana/node/bin/node" => "node",
            }
            bin { "curl" => "curl", "fc-cache" => "fontconfig", "fc-list" => "fontconfig" }
        ),
        files: &[
            ("/etc/passwd", concat!(ubuntu_jammy_passwd!(), "kibana:x:1000:1000::/usr/share/kibana:/bin/sh\n")),
            ("/etc/group", concat!("root:x:0:kibana\n", ubuntu_jammy_group_rest!(), "kibana:x:1000:\n")),
            ("/usr/share/kibana/config/kibana.yml", KIBANA_YML),
        ],
        dirs: &["/usr/share/kibana/data", "/usr/share/kibana/plugins", "/usr/share/fonts/local", "/opt"],
        packages: &["fontconfig", "libnss3", "curl", "ca-certificates"],
    },
    // ----------------------------------------------------------------- registry
    CatalogImage {
        repo: "registry",
        tags: &["latest", "2", "2.8", "2.8.3"],
        os: Os::Alpine("3.19.4"),
        layers: &[
            ALPINE_319,
            ALPINE_319_CMD,
            ("ffe0adf8a47c", 688_128, "RUN /bin/sh -c set -eux; \tapk add --no-cache ca-certificates # buildkit"),
            ("d2960150d274", 17_333_564, "RUN /bin/sh -c set -eux; \tversion='2.8.3'; \tapkArch=\"$(apk --print-arch)\"; \tcase \"$apkArch\" in \t\tx86_64)  arch='amd64';   sha256='b1f750ecbe09f38e2143e22c61a25e3da2afe1510d9522859230b480e642ceff' ;; \t\t*) echo >&2 \"error: unsupported architecture: $apkArch\"; exit 1 ;; \tesac; \twget -O registry.tar.gz \"https://github.com/distribution/distribution/releases/download/v${version}/registry_${version}_linux_${arch}.tar.gz\"; \techo \"$sha256 *registry.tar.gz\" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version # buildkit"),
            ("8011beb54cd8", 295, "COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit"),
            ("050dda61cfab", 0, "VOLUME [/var/lib/registry]"),
            ("4323232f339a", 0, "EXPOSE map[5000/tcp:{}]"),
            ("c06dc2a1b33f", 155, "COPY docker-entrypoint.sh /entrypoint.sh # buildkit"),
            ("0c9c7f831ed8", 0, "ENTRYPOINT [\"/entrypoint.sh\"]"),
            ("a903f1d76b84", 0, "CMD [\"/etc/docker/registry/config.yml\"]"),
        ],
        created: "2024-09-06T23:40:55Z",
        env: &["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        cmd: Some(&["/etc/docker/registry/config.yml"]),
        entrypoint: Some(&["/entrypoint.sh"]),
        workdir: "",
        user: "",
        exposed: &["5000/tcp"],
        volumes: &["/var/lib/registry"],
        stop_signal: None,
        healthcheck: None,
        labels: &[],
        programs: &[
            ("/bin/registry", "registry"),
            ("/entrypoint.sh", "entrypoint-registry"),
            ("/usr/sbin/update-ca-certificates", "update-ca-certificates"),
        ],
        files: &[("/etc/docker/registry/config.yml", REGISTRY_CONFIG)],
        dirs: &["/var/lib/registry"],
        packages: &["ca-certificates"],
    },
];

// ---------------------------------------------------------------------------
// CREATED BY texts shared by several images (same Dockerfile step).
// ---------------------------------------------------------------------------

const NODE_DEBIAN_INSTALL: &str = "RUN /bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"   && case \"${dpkgArch##*-}\" in     amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     *) echo \"unsupported architecture\"; exit 1 ;;   esac   && export GNUPGHOME=\"$(mktemp -d)\"   && set -ex   && for key in     4ED778F539E3634C779C87C6D7062848A1AB005C     141F07595B7B3FFE74309A937405533BE57C7D57     74F12602B6F1C4E913FAA37AD3A89613643B6201     DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7     61FC681DFB92A079F1685E77973F295594EC4689     8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600     C4F0DFFF4E8C1A8236409D08E73BC641CC11F4C8     890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4     C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C     108F52B48DB57BB0CC439B2997B01419BD92F80A     A363A499291CBBC940DD62E41F10027AF002F8B0     CC68F5A3106FF448322E48ED27F5E38D5B0A215F   ; do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\"   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc\"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && grep \" node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$\" SHASUMS256.txt | sha256sum -c -   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner   && rm \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version # buildkit";

const NODE_DEBIAN_YARN: &str = "RUN /bin/sh -c set -ex   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/* # buildkit";

const NODE_ALPINE_INSTALL: &str = "RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH='linux*' && alpineArch=\"$(apk --print-arch)\"       && case \"${alpineArch##*-}\" in         x86_64) ARCH='x64' CHECKSUM=\"$NODE_CHECKSUM\" OPENSSL_ARCH=linux-x86_64;;         x86) OPENSSL_ARCH=linux-elf;;         aarch64) OPENSSL_ARCH=linux-aarch64;;         arm*) OPENSSL_ARCH=linux-armv4;;         ppc64le) OPENSSL_ARCH=linux-ppc64le;;         s390x) OPENSSL_ARCH=linux-s390x;;         *) ;;       esac   && if [ -n \"${CHECKSUM}\" ]; then     set -eu;     curl -fsSLO --compressed \"https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\";     echo \"$CHECKSUM  node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" | sha256sum -c -       && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\" -C /usr/local --strip-components=1 --no-same-owner       && ln -s /usr/local/bin/node /usr/local/bin/nodejs;   else     echo \"Building from source\"     (...)   fi   && rm -f \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\"   && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name \"$OPENSSL_ARCH\" -exec rm -rf {} \\;   && apk del .build-deps   && node --version   && npm --version # buildkit";

const NODE_ALPINE_YARN: &str = "RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME=\"$(mktemp -d)\"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$key\" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys \"$key\" ;   done   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc\"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf \"$GNUPGHOME\"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/* # buildkit";

const PYTHON_BUILD_DEBIAN: &str = "RUN /bin/sh -c set -eux; \t\twget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; \twget -O python.tar.xz.asc \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc\"; \tGNUPGHOME=\"$(mktemp -d)\"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$GPG_KEY\"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\"; \t./configure \t\t--build=\"$gnuArch\" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-system-expat \t\t--with-ensurepip \t; \tnproc=\"$(nproc)\"; \tEXTRA_CFLAGS=\"$(dpkg-buildflags --get CFLAGS)\"; \tLDFLAGS=\"$(dpkg-buildflags --get LDFLAGS)\"; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:-}\" \t\t\"PROFILE_TASK=${PROFILE_TASK:-}\" \t; \trm python; \tmake -j \"$nproc\" \t\t\"EXTRA_CFLAGS=${EXTRA_CFLAGS:-}\" \t\t\"LDFLAGS=${LDFLAGS:--Wl},-rpath='\\$\\$ORIGIN/../lib'\" \t\t\"PROFILE_TASK=${PROFILE_TASK:-}\" \t\tpython \t; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\tpython3 --version; \tpip3 --version # buildkit";

const PYTHON_BUILD_SLIM: &str = "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibexpat1-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; \t\twget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; \t(...) \t./configure \t\t--build=\"$gnuArch\" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-system-expat \t\t--with-ensurepip \t; \t(...) \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tldconfig; \t\tapt-mark auto '.*' > /dev/null; \tapt-mark manual $savedAptMark; \tfind /usr/local -type f -executable -not \\( -name '*tkinter*' \\) -exec ldd '{}' ';' \t\t| awk '/=>/ { so = $(NF-1); if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); printf \"*%s\\n\", so }' \t\t| sort -u \t\t| xargs -r dpkg-query --search \t\t| cut -d: -f1 \t\t| sort -u \t\t| xargs -r apt-mark manual \t; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; \t\tpython3 --version; \tpip3 --version # buildkit";

const PYTHON_BUILD_ALPINE: &str = "RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tgnupg \t\ttar \t\txz \t\t\t\tbluez-dev \t\tbzip2-dev \t\tdpkg-dev dpkg \t\tfindutils \t\tgcc \t\tgdbm-dev \t\tlibc-dev \t\tlibffi-dev \t\tlibnsl-dev \t\tlibtirpc-dev \t\tlinux-headers \t\tmake \t\tncurses-dev \t\topenssl-dev \t\tpax-utils \t\treadline-dev \t\tsqlite-dev \t\ttcl-dev \t\ttk \t\ttk-dev \t\tutil-linux-dev \t\txz-dev \t\tzlib-dev \t; \t\twget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; \t(...) \t./configure \t\t--build=\"$gnuArch\" \t\t--enable-loadable-sqlite-extensions \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-system-expat \t\t--with-ensurepip \t; \t(...) \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \\) \\) \t\t\\) -exec rm -rf '{}' + \t; \t\tfind /usr/local -type f -executable -not \\( -name '*tkinter*' \\) -exec scanelf --needed --nobanner --format '%n#p' '{}' ';' \t\t| tr ',' '\\n' \t\t| sort -u \t\t| awk 'system(\"[ -e /usr/local/lib/\" $1 \" ]\") == 0 { next } { print \"so:\" $1 }' \t\t| xargs -rt apk add --no-network --virtual .python-rundeps \t; \tapk del --no-network .build-deps; \t\tpython3 --version; \tpip3 --version # buildkit";

const PYTHON_LINKS: &str = "RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst=\"$(echo \"$src\" | tr -d 3)\"; \t\t[ -s \"/usr/local/bin/$src\" ]; \t\t[ ! -e \"/usr/local/bin/$dst\" ]; \t\tln -svT \"$src\" \"/usr/local/bin/$dst\"; \tdone # buildkit";

const PG_GOSU_DEBIAN: &str = "RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates wget; \trm -rf /var/lib/apt/lists/*; \tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit";

const PG_GOSU_ALPINE: &str = "RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .gosu-deps \t\tca-certificates \t\tdpkg \t\tgnupg \t; \t\tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; \twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; \t\texport GNUPGHOME=\"$(mktemp -d)\"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; \t\tapk del --no-network .gosu-deps; \t\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit";

const PG_BUILD_ALPINE: &str = "RUN /bin/sh -c set -eux; \t\twget -O postgresql.tar.bz2 \"https://ftp.postgresql.org/pub/source/v$PG_VERSION/postgresql-$PG_VERSION.tar.bz2\"; \techo \"$PG_SHA256 *postgresql.tar.bz2\" | sha256sum -c -; \tmkdir -p /usr/src/postgresql; \ttar \t\t--extract \t\t--file postgresql.tar.bz2 \t\t--directory /usr/src/postgresql \t\t--strip-components 1 \t; \trm postgresql.tar.bz2; \t\tapk add --no-cache --virtual .build-deps \t\t$DOCKER_PG_LLVM_DEPS \t\tbison \t\tcoreutils \t\tdpkg-dev dpkg \t\tflex \t\tg++ \t\tgcc \t\tkrb5-dev \t\tlibc-dev \t\tlibedit-dev \t\tlibxml2-dev \t\tlibxslt-dev \t\tlinux-headers \t\tmake \t\topenldap-dev \t\topenssl-dev \t\tperl-dev \t\tperl-ipc-run \t\tperl-utils \t\tpython3-dev \t\ttcl-dev \t\tutil-linux-dev \t\tzlib-dev \t\ticu-dev \t\tlz4-dev \t\tzstd-dev \t; \t\tcd /usr/src/postgresql; \t(...) \t./configure \t\t--enable-option-checking=fatal \t\t--build=\"$gnuArch\" \t\t--enable-integer-datetimes \t\t--enable-thread-safety \t\t--enable-tap-tests \t\t--disable-rpath \t\t--with-uuid=e2fs \t\t--with-pgport=5432 \t\t--with-system-tzdata=/usr/share/zoneinfo \t\t--prefix=/usr/local \t\t--with-includes=/usr/local/include \t\t--with-libraries=/usr/local/lib \t\t--with-gssapi \t\t--with-ldap \t\t--with-tcl \t\t--with-perl \t\t--with-python \t\t--with-openssl \t\t--with-libxml \t\t--with-libxslt \t\t--with-icu \t\t--with-llvm \t\t--with-lz4 \t\t--with-zstd \t; \tmake -j \"$(nproc)\" world-bin; \tmake install-world-bin; \tmake -C contrib install; \t\trunDeps=\"$( \t\tscanelf --needed --nobanner --format '%n#p' --recursive /usr/local \t\t\t| tr ',' '\\n' \t\t\t| sort -u \t\t\t| awk 'system(\"[ -e /usr/local/lib/\" $1 \" ]\") == 0 { next } { print \"so:\" $1 }' \t\t\t| grep -v -e perl -e python -e tcl \t)\"; \tapk add --no-cache --virtual .postgresql-rundeps \t\t$runDeps \t\tbash \t\ttzdata \t\tzstd \t\ticu-data-full \t\t$([ \"$(apk --print-arch)\" != 'ppc64le' ] && echo 'nss_wrapper') \t; \tapk del --no-network .build-deps; \tcd /; \trm -rf \t\t/usr/src/postgresql \t\t/usr/local/share/doc \t\t/usr/local/share/man \t; \t\tpostgres --version # buildkit";

const REDIS_BUILD_DEBIAN: &str = "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\t\t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t; \trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz \"$REDIS_DOWNLOAD_URL\"; \techo \"$REDIS_DOWNLOAD_SHA *redis.tar.gz\" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c; \tsed -ri 's!^( *createBoolConfig[(]\"protected-mode\",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c; \tgrep -E '^ *createBoolConfig[(]\"protected-mode\",.*, *0 *,.*[)],$' /usr/src/redis/src/config.c; \t\t(...) \texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j \"$(nproc)\" all; \tmake -C /usr/src/redis install; \t\tserverMd5=\"$(md5sum /usr/local/bin/redis-server | cut -d' ' -f1)\"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c ' \t\t\tmd5=\"$(md5sum \"$1\" | cut -d\" \" -f1)\"; \t\t\ttest \"$md5\" = \"$serverMd5\"; \t\t' -- '{}' ';' \t\t-exec ln -svfT 'redis-server' '{}' ';' \t; \t\trm -r /usr/src/redis; \t\tapt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; \t(...) \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tredis-cli --version; \tredis-server --version # buildkit";

const REDIS_BUILD_ALPINE: &str = "RUN /bin/sh -c set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tcoreutils \t\tdpkg-dev dpkg \t\tgcc \t\tlinux-headers \t\tmake \t\tmusl-dev \t\topenssl-dev \t\twget \t; \t\twget -O redis.tar.gz \"$REDIS_DOWNLOAD_URL\"; \techo \"$REDIS_DOWNLOAD_SHA *redis.tar.gz\" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\t(...) \texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j \"$(nproc)\" all; \tmake -C /usr/src/redis install; \t\t(...) \trm -r /usr/src/redis; \t\trunDeps=\"$( \t\tscanelf --needed --nobanner --format '%n#p' --recursive /usr/local \t\t\t| tr ',' '\\n' \t\t\t| sort -u \t\t\t| awk 'system(\"[ -e /usr/local/lib/\" $1 \" ]\") == 0 { next } { print \"so:\" $1 }' \t)\"; \tapk add --no-network --virtual .redis-rundeps $runDeps; \tapk del --no-network .build-deps; \t\tredis-cli --version; \tredis-server --version # buildkit";

// gcr.io/distroless/static-debian12 (built by bazel: no CREATED BY, epoch 0)
const DISTROLESS_1: Layer = (
    "455510696bf9",
    106_496,
    "bazel build //static:static_root_amd64_debian12",
);
const DISTROLESS_2: Layer = (
    "3154ad5404c4",
    258_048,
    "bazel build //static:static_root_amd64_debian12",
);
const DISTROLESS_3: Layer = (
    "68eb9f005e78",
    1_415_168,
    "bazel build //static:static_root_amd64_debian12",
);
const DISTROLESS_4: Layer = (
    "ed1510591ded",
    210_288,
    "bazel build //static:static_root_amd64_debian12",
);

/// Every program kind used by the catalog (`programs`), the OS bases
/// (`baseos`) and the package catalog (`packages_data`), with what the
/// simulated program is. Kinds ending in `-procps`, `-iputils`, `-bind`,
/// `-openbsd`, `-iproute2`, `-nettools` are the full GNU/Linux tools that
/// replace a busybox applet of the same name (different output and options).
pub const PROGRAM_KINDS: &[(&str, &str)] = &[
    // multi-call programs: dispatch on the name called (argv[0] basename)
    ("busybox", "busybox multi-call binary; every applet (sh/ash, ls, ping, wget, nslookup, nc, ip, vi, adduser...)"),
    ("coreutils", "GNU coreutils multi-call (ls, cat, cp, mkdir, env, id, whoami, date, sleep, uname, hostname...)"),
    ("lib", "a shared library or dynamic loader: not runnable by itself"),
    ("hello", "hello-world's /hello: prints the 'Hello from Docker!' text"),
    // shells and core system (Debian/Ubuntu, Oracle Linux)
    ("bash", "GNU bash"),
    ("zsh", "Z shell"),
    ("dash", "Debian Almquist shell (Debian's /bin/sh)"),
    ("grep", "GNU grep (also egrep, fgrep)"),
    ("sed", "GNU sed"),
    ("mawk", "mawk, Debian's awk"),
    ("gawk", "GNU awk"),
    ("find", "GNU find"),
    ("xargs", "GNU xargs"),
    ("tar", "GNU tar"),
    ("gzip", "GNU gzip (gunzip, zcat, zgrep)"),
    ("bzip2", "bzip2 (bunzip2, bzcat)"),
    ("xz", "xz-utils (unxz, xzcat, lzma)"),
    ("zstd", "zstd"),
    ("diff", "GNU diffutils (diff, cmp)"),
    ("which", "which (debianutils)"),
    ("run-parts", "run-parts"),
    ("tempfile", "tempfile"),
    ("clear", "clear (ncurses)"),
    ("tput", "tput/reset (ncurses)"),
    ("su", "su"),
    ("login", "login"),
    ("passwd", "passwd and friends (chsh, chfn, chage, newgrp, gpasswd)"),
    ("useradd", "shadow useradd"),
    ("userdel", "shadow userdel"),
    ("usermod", "shadow usermod"),
    ("groupadd", "shadow groupadd"),
    ("groupdel", "shadow groupdel"),
    ("groupmod", "shadow groupmod"),
    ("chpasswd", "chpasswd"),
    ("nologin", "nologin: prints 'This account is currently not available.' and fails"),
    ("adduser-debian", "Debian's adduser (perl; --system, --disabled-password, --gecos...)"),
    ("addgroup-debian", "Debian's addgroup"),
    ("deluser-debian", "Debian's deluser"),
    ("delgroup-debian", "Debian's delgroup"),
    ("getent", "getent (passwd, group, hosts, ahosts...)"),
    ("getconf", "getconf"),
    ("iconv", "iconv"),
    ("ldd", "ldd"),
    ("ldconfig", "ldconfig"),
    ("locale", "locale"),
    ("locale-gen", "locale-gen"),
    ("localedef", "localedef"),
    ("mount", "mount/umount"),
    ("more", "util-linux more"),
    ("getopt", "util-linux getopt"),
    ("setsid", "util-linux setsid"),
    ("flock", "util-linux flock"),
    ("nsenter", "util-linux nsenter"),
    ("unshare", "util-linux unshare"),
    ("renice", "util-linux renice"),
    ("ionice", "util-linux ionice"),
    ("taskset", "util-linux taskset"),
    ("script", "util-linux script"),
    ("logger", "util-linux logger"),
    ("mesg", "mesg"),
    ("lsblk", "util-linux lsblk"),
    ("findmnt", "util-linux findmnt"),
    ("dmesg", "util-linux dmesg"),
    ("pidof", "pidof (sysvinit-utils)"),
    ("perl", "perl"),
    ("gpgv", "gpgv"),
    ("debconf", "debconf tools"),
    ("update-alternatives", "update-alternatives"),
    ("dpkg-reconfigure", "dpkg-reconfigure"),
    ("start-stop-daemon", "start-stop-daemon"),
    ("invoke-rc.d", "invoke-rc.d"),
    ("update-rc.d", "update-rc.d"),
    ("service", "service: no init system in a container"),
    ("pam-auth-update", "pam-auth-update"),
    ("vi", "vim-minimal's vi (Oracle Linux)"),
    // package managers
    ("apk", "Alpine's apk (add, del, update, info, search...)"),
    ("apt", "apt (install, update, remove, list...)"),
    ("apt-get", "apt-get (update, install, remove, purge, clean, autoremove)"),
    ("apt-cache", "apt-cache (search, show, policy)"),
    ("apt-config", "apt-config"),
    ("apt-mark", "apt-mark"),
    ("apt-key", "apt-key (deprecated warning)"),
    ("dpkg", "dpkg (-l, -L, -S, --print-architecture)"),
    ("dpkg-query", "dpkg-query"),
    ("dpkg-dev", "dpkg-dev tools (dpkg-architecture, dpkg-buildpackage...)"),
    ("microdnf", "Oracle Linux microdnf (install, remove, clean)"),
    ("rpm", "rpm (-qa, -qi)"),
    ("scanelf", "pax-utils scanelf"),
    ("ssl_client", "busybox wget's TLS helper"),
    ("update-ca-certificates", "update-ca-certificates"),
    // procps / network tools replacing busybox applets
    ("ps-procps", "procps-ng ps (ps aux, ps -ef)"),
    ("top-procps", "procps-ng top"),
    ("free-procps", "procps-ng free"),
    ("kill-procps", "procps-ng kill"),
    ("pgrep-procps", "procps-ng pgrep/pkill/pidwait"),
    ("uptime-procps", "procps-ng uptime"),
    ("watch-procps", "procps-ng watch"),
    ("sysctl-procps", "procps-ng sysctl"),
    ("procps", "other procps-ng tools (vmstat, w, pmap, pwdx, slabtop, tload)"),
    ("ping-iputils", "iputils ping (Debian iputils-ping, Alpine iputils-ping)"),
    ("tracepath", "iputils tracepath"),
    ("arping", "iputils arping"),
    ("ip-iproute2", "iproute2 ip"),
    ("ss", "iproute2 ss"),
    ("tc", "iproute2 tc"),
    ("bridge", "iproute2 bridge"),
    ("net-tools", "net-tools ifconfig/route/arp"),
    ("netstat-nettools", "net-tools netstat"),
    ("dig", "BIND dig"),
    ("nslookup-bind", "BIND nslookup (Server:/Address: then Non-authoritative answer:)"),
    ("host", "BIND host"),
    ("bind-tools", "other BIND tools (nsupdate, delv)"),
    ("drill", "ldns drill"),
    ("nc-openbsd", "OpenBSD netcat (nc, netcat)"),
    ("traceroute", "traceroute / tcptraceroute"),
    ("telnet", "telnet client"),
    ("tcpdump", "tcpdump"),
    ("socat", "socat"),
    ("nmap", "nmap"),
    ("mtr", "mtr"),
    ("iperf", "iperf 2"),
    ("iperf3", "iperf3"),
    ("iftop", "iftop"),
    ("fping", "fping"),
    ("ethtool", "ethtool"),
    ("iptables", "iptables"),
    ("nft", "nftables nft"),
    ("ipvsadm", "ipvsadm"),
    ("conntrack", "conntrack"),
    ("tshark", "tshark/dumpcap"),
    ("termshark", "termshark"),
    ("websocat", "websocat"),
    ("speedtest-cli", "speedtest-cli"),
    ("swaks", "swaks"),
    ("strace", "strace"),
    ("ltrace", "ltrace"),
    ("ctop", "ctop"),
    ("calicoctl", "calicoctl"),
    ("grpcurl", "grpcurl"),
    ("fortio", "fortio"),
    // everyday tools
    ("curl", "curl"),
    ("wget", "GNU wget (busybox's wget is the `busybox` kind)"),
    ("git", "git"),
    ("hg", "mercurial"),
    ("svn", "subversion"),
    ("ssh", "OpenSSH client"),
    ("scp", "scp"),
    ("sftp", "sftp"),
    ("ssh-keygen", "ssh-keygen"),
    ("ssh-tool", "ssh-add, ssh-agent, ssh-keyscan, ssh-copy-id"),
    ("gpg", "GnuPG gpg (and gpg-agent, gpgconf, dirmngr)"),
    ("sq", "Sequoia sq"),
    ("openssl", "openssl"),
    ("jq", "jq"),
    ("unzip", "unzip"),
    ("zip", "zip"),
    ("less", "less"),
    ("htop", "htop"),
    ("vim", "vim (vi, view, ex, vimdiff)"),
    ("xxd", "xxd"),
    ("nano", "GNU nano"),
    ("file", "file"),
    ("tree", "tree"),
    ("man", "man-db"),
    ("cowsay", "cowsay/cowthink"),
    ("sudo", "sudo"),
    ("lsb_release", "lsb_release"),
    ("sqlite3", "sqlite3 shell"),
    ("numactl", "numactl"),
    ("fontconfig", "fc-cache, fc-list"),
    ("pwgen", "pwgen"),
    ("imagemagick", "ImageMagick (convert, identify, mogrify)"),
    ("dumb-init", "dumb-init"),
    ("tini", "tini init"),
    ("gosu", "gosu (run as another user)"),
    ("su-exec", "su-exec"),
    ("envsubst", "gettext envsubst"),
    // compilers and build tools
    ("gcc", "GNU C compiler (gcc, cc, c89, c99)"),
    ("g++", "GNU C++ compiler (g++, c++)"),
    ("cpp", "C preprocessor"),
    ("make", "GNU make"),
    ("binutils", "GNU binutils (ld, as, ar, nm, objdump, strip...)"),
    ("pkg-config", "pkg-config/pkgconf"),
    ("autoconf", "autoconf"),
    ("automake", "automake/aclocal"),
    ("libtool", "libtool"),
    ("patch", "GNU patch"),
    ("pg_config", "pg_config"),
    ("mysql_config", "mysql_config"),
    ("curl-config", "curl-config"),
    ("xml2-config", "xml2-config"),
    // language runtimes
    ("node", "Node.js"),
    ("npm", "npm"),
    ("npx", "npx"),
    ("corepack", "corepack"),
    ("yarn", "yarn 1 (yarn, yarnpkg)"),
    ("python", "CPython interpreter (python, python3, python3.x)"),
    ("pip", "pip of an official python image (installs freely)"),
    ("pip-system", "a distribution's pip (Debian 12 / Alpine 3.19): refuses with error: externally-managed-environment"),
    ("pydoc", "pydoc"),
    ("idle", "IDLE"),
    ("python-config", "python-config"),
    ("2to3", "2to3"),
    ("wheel", "wheel"),
    ("go", "Go toolchain (go build, go run, go mod...)"),
    ("gofmt", "gofmt"),
    ("java", "Java runtime bundled with Elastic products"),
    // servers and their tools
    ("nginx", "nginx"),
    ("httpd", "Apache httpd"),
    ("apachectl", "apachectl"),
    ("htpasswd", "htpasswd"),
    ("ab", "ApacheBench"),
    ("httpd-foreground", "httpd image's start script (rm pid file, exec httpd -DFOREGROUND)"),
    ("postgres", "PostgreSQL server"),
    ("initdb", "PostgreSQL initdb"),
    ("pg_ctl", "PostgreSQL pg_ctl"),
    ("psql", "PostgreSQL psql client"),
    ("pg_dump", "pg_dump, pg_dumpall, pg_restore"),
    ("pg_isready", "pg_isready"),
    ("postgres-tool", "createdb, createuser, dropdb, pg_basebackup..."),
    ("mysqld", "MySQL server"),
    ("mysql", "MySQL client"),
    ("mysqladmin", "mysqladmin"),
    ("mysqldump", "mysqldump/mysqlpump"),
    ("mysqlsh", "MySQL Shell"),
    ("mysql-tool", "other MySQL tools (mysqlcheck, mysqlshow, mysql_tzinfo_to_sql)"),
    ("mariadbd", "MariaDB server (mariadbd, mysqld)"),
    ("mariadb", "MariaDB client (mariadb, mysql)"),
    ("mariadb-admin", "mariadb-admin/mysqladmin"),
    ("mariadb-dump", "mariadb-dump/mysqldump"),
    ("mariadb-install-db", "mariadb-install-db"),
    ("mariadb-backup", "mariadb-backup"),
    ("mariadb-tool", "other MariaDB tools"),
    ("mariadb-healthcheck", "mariadb image's healthcheck.sh (--connect, --innodb_initialized...)"),
    ("redis-server", "Redis server (also redis-sentinel)"),
    ("redis-cli", "redis-cli"),
    ("redis-tool", "redis-benchmark, redis-check-aof, redis-check-rdb"),
    ("mongod", "MongoDB server"),
    ("mongos", "MongoDB router"),
    ("mongosh", "MongoDB shell"),
    ("mongo-tool", "MongoDB database tools (mongodump, mongorestore, mongoimport...)"),
    ("prometheus", "Prometheus server"),
    ("promtool", "promtool"),
    ("node_exporter", "Prometheus node exporter"),
    ("grafana", "Grafana server (grafana, grafana-server)"),
    ("grafana-cli", "grafana-cli"),
    ("registry", "Docker distribution registry"),
    ("elasticsearch", "Elasticsearch"),
    ("elasticsearch-tool", "elasticsearch-plugin, -keystore, -reset-password, -certutil..."),
    ("logstash", "Logstash"),
    ("logstash-tool", "logstash-plugin, logstash-keystore"),
    ("env2yaml", "Logstash image's env2yaml"),
    ("kibana", "Kibana"),
    ("kibana-tool", "kibana-plugin, kibana-keystore, kibana-encryption-keys..."),
    // image entrypoint scripts (what docker-entrypoint.sh does, then exec "$@")
    ("entrypoint-nginx", "nginx /docker-entrypoint.sh: runs /docker-entrypoint.d/* when the command is nginx, logs each step"),
    ("nginx-listen-ipv6", "nginx 10-listen-on-ipv6-by-default.sh"),
    ("nginx-local-resolvers", "nginx 15-local-resolvers.envsh"),
    ("nginx-envsubst-templates", "nginx 20-envsubst-on-templates.sh (/etc/nginx/templates/*.template -> conf.d)"),
    ("nginx-tune-workers", "nginx 30-tune-worker-processes.sh"),
    ("entrypoint-node", "node docker-entrypoint.sh: prepends `node` when the first argument is a flag or not a command"),
    ("entrypoint-postgres", "postgres docker-entrypoint.sh: initdb with POSTGRES_PASSWORD/USER/DB, initdb.d scripts, then postgres"),
    ("postgres-ensure-initdb", "postgres docker-ensure-initdb.sh"),
    ("entrypoint-mysql", "mysql docker-entrypoint.sh: MYSQL_ROOT_PASSWORD/DATABASE/USER, initdb.d, then mysqld"),
    ("entrypoint-mariadb", "mariadb docker-entrypoint.sh: MARIADB_ROOT_PASSWORD (or MYSQL_*), initdb.d, then mariadbd"),
    ("entrypoint-redis", "redis docker-entrypoint.sh: drops to user redis, then redis-server"),
    ("entrypoint-mongo", "mongo docker-entrypoint.sh: MONGO_INITDB_ROOT_USERNAME/PASSWORD, initdb.d, then mongod"),
    ("entrypoint-grafana", "grafana /run.sh"),
    ("entrypoint-registry", "registry /entrypoint.sh"),
    ("entrypoint-elasticsearch", "elasticsearch docker-entrypoint.sh (eswrapper)"),
    ("entrypoint-logstash", "logstash docker-entrypoint (env2yaml, then logstash)"),
    ("entrypoint-kibana", "kibana /usr/local/bin/kibana-docker"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::baseos::{base_files, BaseKind};
    use std::collections::{HashMap, HashSet};

    fn image(repo: &str, tag: &str) -> &'static CatalogImage {
        IMAGES
            .iter()
            .find(|i| i.repo == repo && i.tags.contains(&tag))
            .unwrap_or_else(|| panic!("{repo}:{tag} not in the catalog"))
    }

    /// Every executable path of an image: OS base plus its own programs.
    fn executables(img: &CatalogImage) -> HashMap<String, &'static str> {
        let mut out = HashMap::new();
        for f in base_files(img.os) {
            if let BaseKind::Exec(k) = f.kind {
                out.insert(f.path.to_string(), k);
            }
        }
        for (p, k) in img.programs {
            out.insert(p.to_string(), *k);
        }
        out
    }

    fn has_command(img: &CatalogImage, name: &str) -> bool {
        let exes = executables(img);
        [
            "/usr/local/sbin",
            "/usr/local/bin",
            "/usr/sbin",
            "/usr/bin",
            "/sbin",
            "/bin",
        ]
        .iter()
        .any(|d| exes.contains_key(&format!("{d}/{name}")))
    }

    /// Documented sizes (what `docker images` shows), bytes.
    const SIZES: &[(&str, &str, u64)] = &[
        ("hello-world", "latest", 13_256),
        ("alpine", "3.19", 7_377_858),
        ("alpine", "3.20", 7_800_000),
        ("busybox", "latest", 4_260_000),
        ("ubuntu", "22.04", 77_900_000),
        ("ubuntu", "24.04", 78_100_000),
        ("debian", "bookworm", 117_000_000),
        ("debian", "bookworm-slim", 74_800_000),
        ("nginx", "latest", 192_000_000),
        ("nginx", "alpine", 48_000_000),
        ("httpd", "2.4", 148_000_000),
        ("node", "18", 1_090_000_000),
        ("node", "18-alpine", 127_000_000),
        ("python", "3.11", 1_010_000_000),
        ("python", "3.11-slim", 131_000_000),
        ("python", "3.11-alpine", 52_300_000),
        ("golang", "1.21", 814_000_000),
        ("golang", "1.21-alpine", 221_000_000),
        ("postgres", "15", 412_000_000),
        ("postgres", "15-alpine", 239_000_000),
        ("mysql", "8.0", 573_000_000),
        ("mariadb", "latest", 405_000_000),
        ("redis", "7", 117_000_000),
        ("redis", "7-alpine", 41_000_000),
        ("mongo", "latest", 757_000_000),
        ("gcr.io/distroless/static-debian12", "latest", 1_990_000),
        ("prom/prometheus", "latest", 270_000_000),
        ("prom/node-exporter", "latest", 22_700_000),
        ("grafana/grafana", "latest", 450_000_000),
        ("nicolaka/netshoot", "latest", 400_000_000),
        ("elasticsearch", "8.11.0", 1_410_000_000),
        ("logstash", "8.11.0", 757_000_000),
        ("kibana", "8.11.0", 1_030_000_000),
        ("registry", "2", 25_400_000),
    ];

    #[test]
    fn tags_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for img in IMAGES {
            assert!(!img.tags.is_empty(), "{} has no tag", img.repo);
            for t in img.tags {
                assert!(
                    seen.insert((img.repo, *t)),
                    "{}:{t} names two entries",
                    img.repo
                );
                assert!(
                    !t.is_empty() && t.len() <= 128 && !t.contains(':') && !t.contains('/'),
                    "{}:{t}",
                    img.repo
                );
            }
            assert_eq!(img.repo, img.repo.to_lowercase());
        }
    }

    #[test]
    fn sizes_match_documented_sizes() {
        for (repo, tag, size) in SIZES {
            let got = image(repo, tag).size();
            let diff = got.abs_diff(*size) as f64 / *size as f64;
            assert!(
                diff <= 0.01,
                "{repo}:{tag} is {got} bytes, documented {size}"
            );
        }
    }

    #[test]
    fn layers_are_well_formed() {
        for img in IMAGES {
            assert!(!img.layers.is_empty(), "{}", img.repo);
            assert!(
                img.layers.iter().any(|l| l.1 > 0),
                "{}: no filesystem layer",
                img.repo
            );
            let mut ids = HashSet::new();
            for (id, _, created_by) in img.layers {
                assert_eq!(id.len(), 12, "{}: {id}", img.repo);
                assert!(
                    id.bytes()
                        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
                    "{}: {id}",
                    img.repo
                );
                assert!(
                    ids.insert(*id),
                    "{}:{:?}: layer {id} twice",
                    img.repo,
                    img.tags
                );
                assert!(!created_by.is_empty());
            }
            assert!(
                img.created.len() == 20
                    && img.created.ends_with('Z')
                    && img.created.as_bytes()[10] == b'T',
                "{}",
                img.created
            );
        }
    }

    #[test]
    fn shared_layers_are_identical() {
        let mut by_id: HashMap<&str, (u64, &str)> = HashMap::new();
        for img in IMAGES {
            for (id, size, created_by) in img.layers {
                if let Some(prev) = by_id.insert(id, (*size, created_by)) {
                    assert_eq!(
                        prev,
                        (*size, *created_by),
                        "layer {id} differs between images"
                    );
                }
            }
        }
        // alpine 3.19 based images start with alpine:3.19's layer
        let alpine = image("alpine", "3.19");
        for img in IMAGES.iter().filter(|i| i.os == Os::Alpine("3.19.4")) {
            assert_eq!(
                img.layers[0], alpine.layers[0],
                "{}:{:?}",
                img.repo, img.tags
            );
        }
        // debian based ones start with debian:bookworm or bookworm-slim's layer
        let full = image("debian", "bookworm").layers[0];
        let slim = image("debian", "bookworm-slim").layers[0];
        for img in IMAGES.iter().filter(|i| i.os == Os::Debian("bookworm")) {
            assert!(
                img.layers[0] == full || img.layers[0] == slim,
                "{}:{:?}",
                img.repo,
                img.tags
            );
        }
        assert_eq!(image("nginx", "latest").layers[0], slim);
        assert_eq!(image("postgres", "16").layers[0], slim);
        assert_eq!(image("node", "18").layers[0], full);
        // buildpack-deps layers shared by node, python and golang
        let node = image("node", "18").layers;
        let python = image("python", "3.11").layers;
        let golang = image("golang", "1.21").layers;
        assert_eq!(node[..4], python[..4]);
        assert_eq!(node[..3], golang[..3]);
        assert_ne!(node[3], golang[3]);
        // ubuntu based ones share ubuntu's layers
        assert_eq!(
            image("mongo", "7").layers[..6],
            image("ubuntu", "22.04").layers[..]
        );
        assert_eq!(
            image("mariadb", "11").layers[..6],
            image("ubuntu", "24.04").layers[..]
        );
        assert_eq!(
            image("elasticsearch", "8.11.0").layers[..6],
            image("ubuntu", "20.04").layers[..]
        );
        // the busybox layer under prometheus and node-exporter
        assert_eq!(
            image("prom/prometheus", "latest").layers[..4],
            image("prom/node-exporter", "latest").layers[..4]
        );
        assert_eq!(
            image("prom/prometheus", "latest").layers[0],
            image("busybox", "latest").layers[0]
        );
        // distroless latest and nonroot are the same file system
        assert_eq!(
            image("gcr.io/distroless/static-debian12", "latest").layers,
            image("gcr.io/distroless/static-debian12", "nonroot").layers
        );
        // the latest tags
        assert_eq!(
            image("alpine", "latest").layers,
            image("alpine", "3.19").layers
        );
        assert_eq!(image("ubuntu", "latest").os, Os::Ubuntu("24.04"));
        assert_eq!(
            image("node", "18-alpine").layers,
            image("node", "18-alpine3.19").layers
        );
    }

    #[test]
    fn paths_and_config_fields_are_well_formed() {
        for img in IMAGES {
            for (p, k) in img.programs {
                assert!(
                    p.starts_with('/') && !p.ends_with('/') && !p.contains("//"),
                    "{}: {p}",
                    img.repo
                );
                assert!(
                    PROGRAM_KINDS.iter().any(|(kind, _)| kind == k),
                    "{}: kind {k} not documented",
                    img.repo
                );
            }
            for (p, _) in img.files {
                assert!(p.starts_with('/') && !p.ends_with('/'), "{}: {p}", img.repo);
            }
            for d in img.dirs {
                assert!(d.starts_with('/') && !d.ends_with('/'), "{}: {d}", img.repo);
            }
            for v in img.volumes {
                assert!(v.starts_with('/'), "{}: {v}", img.repo);
            }
            for e in img.env {
                assert!(e.contains('=') && !e.starts_with('='), "{}: {e}", img.repo);
            }
            assert!(
                img.env.iter().any(|e| e.starts_with("PATH=")),
                "{}: no PATH",
                img.repo
            );
            for port in img.exposed {
                let (n, proto) = port.split_once('/').expect("port/proto");
                assert!(
                    n.parse::<u16>().is_ok() && (proto == "tcp" || proto == "udp"),
                    "{}: {port}",
                    img.repo
                );
            }
            assert!(img.workdir.is_empty() || img.workdir.starts_with('/'));
            assert!(
                img.cmd.is_some() || img.entrypoint.is_some() || img.os == Os::Distroless,
                "{}: nothing to run",
                img.repo
            );
        }
        for os in [
            Os::Alpine("3.19.4"),
            Os::Debian("bookworm"),
            Os::Ubuntu("20.04"),
            Os::Ubuntu("24.04"),
            Os::Busybox,
        ] {
            for f in base_files(os) {
                if let BaseKind::Exec(k) = f.kind {
                    assert!(
                        PROGRAM_KINDS.iter().any(|(kind, _)| *kind == k),
                        "{os:?}: kind {k} not documented"
                    );
                }
            }
        }
        for p in crate::packages_data::PACKAGES {
            for (_, k) in p.programs {
                assert!(
                    PROGRAM_KINDS.iter().any(|(kind, _)| kind == k),
                    "package {}: kind {k} not documented",
                    p.name
                );
            }
        }
        let mut kinds = HashSet::new();
        for (k, _) in PROGRAM_KINDS {
            assert!(kinds.insert(k), "kind {k} documented twice");
        }
    }

    #[test]
    fn what_is_there_and_what_is_not() {
        for tag in ["3.19", "3.20", "latest"] {
            let alpine = image("alpine", tag);
            assert!(
                !has_command(alpine, "bash") && !has_command(alpine, "curl"),
                "alpine:{tag}"
            );
            assert!(
                has_command(alpine, "sh")
                    && has_command(alpine, "ping")
                    && has_command(alpine, "wget")
            );
        }
        let node_alpine = image("node", "18-alpine");
        assert!(
            has_command(node_alpine, "node")
                && has_command(node_alpine, "npm")
                && has_command(node_alpine, "yarn")
        );
        assert!(!has_command(node_alpine, "curl") && !has_command(node_alpine, "bash"));
        let nginx = image("nginx", "latest");
        assert!(!has_command(nginx, "ping") && !has_command(nginx, "ps"));
        assert!(
            has_command(nginx, "curl") && has_command(nginx, "nginx") && has_command(nginx, "bash")
        );
        assert!(has_command(image("nginx", "alpine"), "curl"));
        let node = image("node", "18");
        for cmd in [
            "node", "npm", "npx", "yarn", "curl", "wget", "git", "python3", "bash", "gcc", "make",
            "ps",
        ] {
            assert!(has_command(node, cmd), "node:18 lacks {cmd}");
        }
        assert!(!has_command(image("python", "3.11-slim"), "curl"));
        assert!(has_command(image("python", "3.11-slim"), "pip"));
        assert!(!has_command(image("debian", "bookworm"), "ps"));
        assert!(!has_command(image("ubuntu", "22.04"), "ping"));
        assert!(has_command(image("postgres", "15-alpine"), "pg_isready"));
        assert!(has_command(image("postgres", "16"), "psql"));
        assert!(has_command(image("redis", "7-alpine"), "redis-cli"));
        assert!(
            has_command(image("mysql", "8.0"), "mysql")
                && !has_command(image("mysql", "8.0"), "ps")
        );
        assert!(!has_command(image("mysql", "8.0"), "apt-get"));
        assert!(has_command(image("mariadb", "latest"), "healthcheck.sh"));
        assert!(has_command(image("mongo", "7"), "mongosh"));
        let netshoot = image("nicolaka/netshoot", "latest");
        for cmd in [
            "bash", "curl", "dig", "nslookup", "ping", "tcpdump", "iperf", "nc", "zsh",
        ] {
            assert!(has_command(netshoot, cmd), "netshoot lacks {cmd}");
        }
        let distroless = image("gcr.io/distroless/static-debian12", "latest");
        assert!(executables(distroless).is_empty());
        assert_eq!(
            image("gcr.io/distroless/static-debian12", "nonroot").user,
            "65532"
        );
        assert_eq!(
            image("hello-world", "latest").programs,
            &[("/hello", "hello")]
        );
    }

    #[test]
    fn key_image_configs() {
        let nginx = image("nginx", "latest");
        assert_eq!(nginx.entrypoint, Some(&["/docker-entrypoint.sh"][..]));
        assert_eq!(nginx.cmd, Some(&["nginx", "-g", "daemon off;"][..]));
        assert_eq!(nginx.exposed, &["80/tcp"]);
        assert_eq!(nginx.stop_signal, Some("SIGQUIT"));
        let index = nginx
            .files
            .iter()
            .find(|f| f.0 == "/usr/share/nginx/html/index.html")
            .unwrap()
            .1;
        assert!(index.contains("<title>Welcome to nginx!</title>"));
        let httpd = image("httpd", "latest");
        assert_eq!(httpd.stop_signal, Some("SIGWINCH"));
        assert_eq!(
            httpd.files[0],
            (
                "/usr/local/apache2/htdocs/index.html",
                "<html><body><h1>It works!</h1></body></html>\n"
            )
        );
        let node = image("node", "18");
        assert!(node.env.contains(&"NODE_VERSION=18.20.4"));
        let passwd = node.files.iter().find(|f| f.0 == "/etc/passwd").unwrap().1;
        assert!(passwd.lines().any(|l| l.starts_with("node:x:1000:1000:")));
        let pg = image("postgres", "15");
        assert_eq!(pg.volumes, &["/var/lib/postgresql/data"]);
        assert_eq!(pg.stop_signal, Some("SIGINT"));
        assert!(pg.env.contains(&"PGDATA=/var/lib/postgresql/data"));
        let mysql = image("mysql", "latest");
        assert_eq!(mysql.exposed, &["3306/tcp", "33060/tcp"]);
        let os_release = mysql
            .files
            .iter()
            .find(|f| f.0 == "/etc/os-release")
            .unwrap()
            .1;
        assert!(os_release.contains("NAME=\"Oracle Linux Server\""));
        let golang = image("golang", "1.21");
        assert_eq!(golang.workdir, "/go");
        assert!(golang.env.contains(&"GOPATH=/go"));
        let prom = image("prom/prometheus", "latest");
        assert_eq!(prom.user, "nobody");
        assert!(prom
            .files
            .iter()
            .any(|f| f.0 == "/etc/prometheus/prometheus.yml"));
        assert_eq!(
            image("elasticsearch", "8.11.0").entrypoint,
            Some(&["/bin/tini", "--", "/usr/local/bin/docker-entrypoint.sh"][..])
        );
        assert_eq!(image("grafana/grafana", "latest").user, "472");
        assert_eq!(image("redis", "7").workdir, "/data");
    }
}
