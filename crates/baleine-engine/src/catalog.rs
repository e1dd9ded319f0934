//! The built-in image catalog: what `docker pull` can fetch from the
//! simulated registry. Pure data (see `catalog_data.rs`); this module only
//! defines its shape and turns an entry into an image's file tree.

/// The operating-system family of an image's base: decides the base files
/// (/etc/os-release, /etc/passwd, shells) and which tools exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    /// Alpine Linux (busybox userland, apk). The string is VERSION_ID, e.g. "3.19.1".
    Alpine(&'static str),
    /// Debian (bash, GNU coreutils, apt). The string is the codename, e.g. "bookworm".
    Debian(&'static str),
    /// Ubuntu (bash, GNU coreutils, apt). The string is the version, e.g. "22.04".
    Ubuntu(&'static str),
    /// busybox image: busybox userland, no package manager.
    Busybox,
    /// Nothing but what `files`/`programs` add (hello-world, distroless).
    Scratch,
    /// Google distroless: /etc/passwd, /etc/os-release, CA certificates, no shell.
    Distroless,
}

/// A healthcheck baked into an image (Docker's Config.Healthcheck).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogHealth {
    /// ["CMD", ...] or ["CMD-SHELL", "..."].
    pub test: &'static [&'static str],
    pub interval_s: u64,
    pub timeout_s: u64,
    pub retries: u32,
    pub start_period_s: u64,
}

/// One image of the catalog. Several tags may point to the same entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CatalogImage {
    /// Repository as users type it: "alpine", "nginx", "prom/prometheus",
    /// "gcr.io/distroless/static-debian12".
    pub repo: &'static str,
    /// Tags naming this exact image, e.g. &["3.19", "latest"].
    pub tags: &'static [&'static str],
    pub os: Os,
    /// Layers bottom-up: (12-hex-digit layer id as shown by `docker pull`,
    /// uncompressed size in bytes, CREATED BY text of `docker history`).
    /// Layers with the same id in several images are the same layer (shared
    /// base layers are counted once and pulled once: "Already exists").
    pub layers: &'static [(&'static str, u64, &'static str)],
    /// Image creation time, RFC 3339.
    pub created: &'static str,
    pub env: &'static [&'static str],
    pub cmd: Option<&'static [&'static str]>,
    pub entrypoint: Option<&'static [&'static str]>,
    pub workdir: &'static str,
    pub user: &'static str,
    /// "80/tcp" style.
    pub exposed: &'static [&'static str],
    pub volumes: &'static [&'static str],
    pub stop_signal: Option<&'static str>,
    pub healthcheck: Option<CatalogHealth>,
    pub labels: &'static [(&'static str, &'static str)],
    /// Executables beyond the OS base: (absolute path, program kind). The
    /// kind names the simulated program (see `programs.rs`): "nginx", "node",
    /// "npm", "python", "pip", "go", "postgres", "psql", "redis-server", ...
    pub programs: &'static [(&'static str, &'static str)],
    /// Text files the image really has that matter to learners:
    /// (absolute path, content).
    pub files: &'static [(&'static str, &'static str)],
    /// Folders the image has beyond the OS base (home folders of the users
    /// it adds, data folders), created even when empty.
    pub dirs: &'static [&'static str],
    /// Extra system packages already installed (names as apk/apt know them),
    /// so `apk add`/`apt-get install` says they are already there.
    pub packages: &'static [&'static str],
}

impl CatalogImage {
    /// Total uncompressed size (what `docker images` shows).
    pub fn size(&self) -> u64 {
        self.layers.iter().map(|l| l.1).sum()
    }
}
