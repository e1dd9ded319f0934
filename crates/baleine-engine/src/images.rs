//! Images: references, the catalog registry, pull, tag, rmi, prune.

use std::sync::Arc;

use baleine_vfs::{Content, Meta, Node, Tree};
use indexmap::IndexMap;

use crate::baseos::{base_files, BaseKind};
use crate::catalog::{CatalogImage, Os};
use crate::catalog_data::IMAGES;
use crate::error::{EngineError, EngineResult, ErrorKind};
use crate::model::*;
use crate::util::{parse_rfc3339, sha256_hex};
use crate::world::{Pushed, Saved, World};

/// A parsed image reference ("nginx:alpine", "user/app:1.0",
/// "registry.example.com:5000/team/app@sha256:...").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// Registry host ("docker.io" when none was given).
    pub domain: String,
    /// Path: "library/nginx", "user/app".
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl Reference {
    /// Parses a reference as distribution/reference ParseNormalizedNamed
    /// (normalize.go splitDockerDomain, then Parse with ReferenceRegexp of
    /// regexp.go); Err carries its message.
    pub fn parse(s: &str) -> EngineResult<Reference> {
        let bad = || EngineError::invalid("invalid reference format");
        if s.is_empty() {
            return Err(bad());
        }
        // splitDockerDomain.
        let (domain, remainder) = match s.split_once('/') {
            None => ("docker.io".to_string(), format!("library/{s}")),
            Some((d, r)) if d == "localhost" || d.contains(['.', ':']) || d.to_lowercase() != d => (if d == "index.docker.io" { "docker.io".to_string() } else { d.to_string() }, r.to_string()),
            Some(_) => ("docker.io".to_string(), s.to_string()),
        };
        let remainder = if domain == "docker.io" && !remainder.contains('/') { format!("library/{remainder}") } else { remainder };
        let remote = remainder.split(':').next().unwrap_or("");
        if remote.to_lowercase() != remote {
            return Err(EngineError::invalid(format!("invalid reference format: repository name ({remote}) must be lowercase")));
        }
        let full = format!("{domain}/{remainder}");
        match parse_reference_grammar(&full) {
            Some((d, path, tag, digest)) => {
                if path.len() > 255 {
                    return Err(EngineError::invalid("repository name must not be more than 255 characters"));
                }
                if let Some(dg) = &digest {
                    validate_digest(dg)?;
                }
                let domain = d.unwrap_or_default();
                Ok(Reference { domain, path, tag, digest })
            }
            None if parse_reference_grammar(&full.to_lowercase()).is_some() => Err(EngineError::invalid("repository name must be lowercase")),
            None => Err(bad()),
        }
    }

    /// A reference given as a new name (`docker tag` TARGET): also refuses
    /// a bare 64-hex id (normalize.go anchoredIdentifierRegexp).
    pub fn parse_named(s: &str) -> EngineResult<Reference> {
        if s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return Err(EngineError::invalid(format!("invalid repository name ({s}), cannot specify 64-byte hexadecimal strings")));
        }
        Reference::parse(s)
    }

    /// reference.FamiliarString: "alpine:3.19", "alpine@sha256:...", and
    /// "alpine:latest" for a name alone (after TagNameOnly).
    pub fn familiar_string(&self) -> String {
        match (&self.tag, &self.digest) {
            (None, Some(d)) => format!("{}@{d}", self.repo()),
            (Some(t), Some(d)) => format!("{}:{t}@{d}", self.repo()),
            _ => self.familiar(),
        }
    }

    /// The normalized reference's String(): "docker.io/library/alpine@sha256:...".
    pub fn full_string(&self) -> String {
        match (&self.tag, &self.digest) {
            (None, Some(d)) => format!("{}/{}@{d}", self.domain, self.path),
            (Some(t), Some(d)) => format!("{}/{}:{t}@{d}", self.domain, self.path),
            _ => self.full(),
        }
    }

    /// The repository as Docker shows it in `docker images` ("nginx", "user/app", "gcr.io/x/y").
    pub fn repo(&self) -> String {
        if self.domain == "docker.io" {
            self.path.strip_prefix("library/").unwrap_or(&self.path).to_string()
        } else {
            format!("{}/{}", self.domain, self.path)
        }
    }

    pub fn tag_or_latest(&self) -> &str {
        self.tag.as_deref().unwrap_or("latest")
    }

    /// "nginx:latest".
    pub fn familiar(&self) -> String {
        format!("{}:{}", self.repo(), self.tag_or_latest())
    }

    /// "docker.io/library/nginx:latest".
    pub fn full(&self) -> String {
        format!("{}/{}:{}", self.domain, self.path, self.tag_or_latest())
    }
}

/// distribution/reference ReferenceRegexp, anchored: name (with an optional
/// domain[:port] component), optional ":tag", optional "@digest".
/// Returns (domain, path, tag, digest).
fn parse_reference_grammar(s: &str) -> Option<(Option<String>, String, Option<String>, Option<String>)> {
    let (rest, digest) = match s.split_once('@') {
        Some((r, d)) => {
            let (alg, hex) = d.split_once(':')?;
            let alg_ok = alg.split(['-', '_', '+', '.']).all(|c| c.starts_with(|ch: char| ch.is_ascii_alphabetic()) && c.chars().all(|ch| ch.is_ascii_alphanumeric()));
            if !alg_ok || hex.len() < 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            (r, Some(d.to_string()))
        }
        None => (s, None),
    };
    // A tag follows the last ':' when no '/' comes after it.
    let (name, tag) = match rest.rfind(':') {
        Some(i) if !rest[i + 1..].contains('/') => (&rest[..i], Some(&rest[i + 1..])),
        _ => (rest, None),
    };
    if let Some(t) = tag {
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        if t.is_empty() || t.len() > 128 || !t.starts_with(word) || !t.chars().all(|c| word(c) || c == '.' || c == '-') {
            return None;
        }
    }
    let tag = tag.map(str::to_string);
    if let Some((d, p)) = name.split_once('/') {
        if valid_domain(d) && valid_remote_name(p) {
            return Some((Some(d.to_string()), p.to_string(), tag, digest));
        }
    }
    valid_remote_name(name).then(|| (None, name.to_string(), tag, digest))
}

/// domainAndPort: a domain name or [IPv6] address, then an optional ":port".
fn valid_domain(d: &str) -> bool {
    let (host, port) = match d.rfind(':') {
        Some(i) if !d.starts_with('[') || d[..i].ends_with(']') => (&d[..i], Some(&d[i + 1..])),
        _ => (d, None),
    };
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !v6.is_empty() && v6.bytes().all(|b| b.is_ascii_hexdigit() || b == b':');
    }
    !host.is_empty() && host.split('.').all(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') && !c.starts_with('-') && !c.ends_with('-'))
}

/// remoteName: path components of [a-z0-9]+ joined by "_", "__", "." or "-"+.
fn valid_remote_name(p: &str) -> bool {
    p.split('/').all(|c| {
        let b = c.as_bytes();
        if b.is_empty() || !b[0].is_ascii_lowercase() && !b[0].is_ascii_digit() {
            return false;
        }
        let mut i = 0;
        while i < b.len() {
            if b[i].is_ascii_lowercase() || b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && !(b[i].is_ascii_lowercase() || b[i].is_ascii_digit()) {
                i += 1;
            }
            let sep = &c[start..i];
            let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|x| x == b'-');
            if !ok || i == b.len() {
                return false;
            }
        }
        true
    })
}

/// go-digest Digest.Validate.
fn validate_digest(d: &str) -> EngineResult<()> {
    let (alg, hex) = d.split_once(':').unwrap_or((d, ""));
    let len = match alg {
        "sha256" => 64,
        "sha384" => 96,
        "sha512" => 128,
        _ if alg.split(['.', '+', '_', '-']).all(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())) => return Err(EngineError::invalid("unsupported digest algorithm")),
        _ => return Err(EngineError::invalid("invalid checksum digest format")),
    };
    if hex.len() != len {
        return Err(EngineError::invalid("invalid checksum digest length"));
    }
    if !hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(EngineError::invalid("invalid checksum digest format"));
    }
    Ok(())
}

/// The catalog entry for a repository and tag.
pub fn catalog_lookup(reference: &Reference) -> Option<&'static CatalogImage> {
    let repo = reference.repo();
    let tag = reference.tag_or_latest();
    IMAGES.iter().find(|img| img.repo == repo && img.tags.contains(&tag))
}

fn layer_digest(short: &str) -> String {
    let tail = sha256_hex(&format!("layer:{short}"));
    let mut d = short.to_string();
    d.push_str(&tail[..64usize.saturating_sub(short.len()).min(tail.len())]);
    d.truncate(64);
    d
}

fn os_family(os: Os) -> OsFamily {
    match os {
        Os::Alpine(_) => OsFamily::Alpine,
        Os::Debian(_) => OsFamily::Debian,
        Os::Ubuntu(_) => OsFamily::Ubuntu,
        Os::Busybox => OsFamily::Busybox,
        Os::Scratch => OsFamily::Scratch,
        Os::Distroless => OsFamily::Distroless,
    }
}

/// The file tree of a catalog image.
pub fn catalog_rootfs(img: &CatalogImage) -> Tree {
    let mut tree = Tree::new();
    for f in base_files(img.os) {
        let path: &str = &f.path;
        let _ = match &f.kind {
            BaseKind::Text(t) => tree.write(path, Content::text(t), Meta { mode: f.mode, uid: 0, gid: 0, mtime: 0 }, true),
            BaseKind::Exec(kind) => tree.write(path, Content::Opaque { kind: Arc::from(*kind), size: 0 }, Meta { mode: f.mode | 0o111, uid: 0, gid: 0, mtime: 0 }, true),
            BaseKind::Opaque(kind, size) => tree.write(path, Content::Opaque { kind: Arc::from(*kind), size: *size }, Meta { mode: f.mode, uid: 0, gid: 0, mtime: 0 }, true),
            BaseKind::Dir => tree.mkdir(path, true).and_then(|()| match tree.get(path) {
                Some(Node::Dir(d)) if f.mode != 0o755 => tree.put(path, Node::Dir(Arc::new(baleine_vfs::Dir { entries: d.entries.clone(), meta: Some(Meta { mode: f.mode, ..Meta::dir() }) })), true),
                _ => Ok(()),
            }),
            // Links are modelled as copies of what they point to when that is a program.
            BaseKind::Symlink(target) => {
                let resolved = baleine_vfs::normalize(&baleine_vfs::dirname(path), target);
                match tree.get(&resolved) {
                    Some(node) => tree.put(path, node, true),
                    None => tree.put(path, Node::Symlink(Arc::from(*target)), true),
                }
            }
        };
    }
    for (path, kind) in img.programs {
        let _ = tree.write(path, Content::Opaque { kind: Arc::from(*kind), size: 0 }, Meta::exec(), true);
    }
    for (path, text) in img.files {
        let _ = tree.write(path, Content::text(text), Meta::file(), true);
    }
    for d in img.dirs {
        let _ = tree.mkdir(d, true);
    }
    if !img.workdir.is_empty() {
        let _ = tree.mkdir(img.workdir, true);
    }
    for v in img.volumes {
        let _ = tree.mkdir(v, true);
    }
    // Every file and folder dates from the image's build (`ls -l` shows it),
    // not from 1970.
    tree.stamped(parse_rfc3339(img.created).unwrap_or(0), None)
}

/// The history comment of a catalog image's entry: BuildKit's Dockerfile
/// frontend marks every entry it commits with `buildkit.dockerfile.v0`
/// (dockerfile2llb/convert.go historyComment); entries of the classic
/// builder (`/bin/sh -c #(nop) ...`) and of rootfs tools carry none.
fn catalog_history_comment(created_by: &str) -> &'static str {
    if created_by.starts_with("/bin/sh -c #(nop)") || created_by.starts_with('#') || created_by.starts_with("bazel ") {
        ""
    } else {
        "buildkit.dockerfile.v0"
    }
}

fn to_vec(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Builds the local image of a catalog entry (its id is stable).
pub fn catalog_image(img: &CatalogImage) -> Image {
    let first_tag = img.tags.first().copied().unwrap_or("latest");
    let id = sha256_hex(&format!("catalog-image:{}:{}", img.repo, first_tag));
    let created_secs = parse_rfc3339(img.created).unwrap_or(0);
    let healthcheck = img.healthcheck.map(|h| Healthcheck {
        test: to_vec(h.test),
        interval_ms: h.interval_s * 1000,
        timeout_ms: h.timeout_s * 1000,
        start_period_ms: h.start_period_s * 1000,
        start_interval_ms: 0,
        retries: h.retries,
    });
    let config = ImageConfig {
        env: to_vec(img.env),
        cmd: img.cmd.map(to_vec),
        entrypoint: img.entrypoint.map(to_vec),
        workdir: img.workdir.to_string(),
        user: img.user.to_string(),
        exposed: to_vec(img.exposed),
        volumes: to_vec(img.volumes),
        labels: img.labels.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        healthcheck,
        stop_signal: img.stop_signal.map(str::to_string),
        shell: None,
        onbuild: Vec::new(),
        args_escaped: false,
        author: String::new(),
    };
    let history = img
        .layers
        .iter()
        .map(|(_, size, by)| HistoryEntry { created_secs, created_by: by.to_string(), size: *size, empty_layer: *size == 0, comment: catalog_history_comment(by).to_string() })
        .collect();
    Image {
        id,
        repo_tags: Vec::new(),
        repo_digests: Vec::new(),
        created_secs,
        layers: img.layers.iter().filter(|l| l.1 > 0).map(|l| layer_digest(l.0)).collect(),
        config,
        history,
        rootfs: catalog_rootfs(img),
        parent: None,
        os_family: os_family(img.os),
        comment: String::new(),
        built: false,
    }
}

/// The repository digest a catalog image is pulled by.
pub fn catalog_digest(img: &CatalogImage) -> String {
    sha256_hex(&format!("catalog-digest:{}:{}", img.repo, img.tags.first().copied().unwrap_or("latest")))
}

/// What `docker pull` did, for the CLI to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PullReport {
    pub reference: Reference,
    /// (12-hex layer id, already existed locally).
    pub layers: Vec<(String, bool)>,
    pub digest: String,
    /// The image was already present and up to date.
    pub up_to_date: bool,
    pub image_id: String,
    /// The image's config was already in the store (under another name):
    /// pull_v2.go pullSchema2Layers fetches no layer then.
    pub had_config: bool,
}

impl World {
    /// Finds a local image by reference ("nginx", "nginx:alpine"), by
    /// "repo@digest", or by (a prefix of) its id.
    pub fn image_id(&self, name: &str) -> Option<String> {
        let key = name.strip_prefix("sha256:").unwrap_or(name);
        if self.images.contains_key(key) {
            return Some(key.to_string());
        }
        if let Ok(r) = Reference::parse(name) {
            let familiar = r.familiar();
            if let Some(d) = &r.digest {
                let wanted = format!("{}@{}", r.repo(), d);
                if let Some(img) = self.images.values().find(|i| i.repo_digests.contains(&wanted)) {
                    return Some(img.id.clone());
                }
            } else if let Some(img) = self.images.values().find(|i| i.repo_tags.contains(&familiar)) {
                return Some(img.id.clone());
            }
        }
        if key.len() >= 4 && key.bytes().all(|b| b.is_ascii_hexdigit()) {
            let m: Vec<&String> = self.images.keys().filter(|id| id.starts_with(key)).collect();
            if m.len() == 1 {
                return Some(m[0].clone());
            }
        }
        None
    }

    pub fn image(&self, name: &str) -> EngineResult<&Image> {
        let id = self.image_id(name).ok_or_else(|| image_lookup_error(name))?;
        self.images.get(&id).ok_or_else(|| EngineError::no_such_image(name))
    }

    /// Adds an image and its layers to the store, tagging it.
    pub fn add_image(&mut self, mut image: Image, tags: &[String], layer_sizes: &[(String, u64)]) -> String {
        for (digest, size) in layer_sizes {
            self.layers.entry(digest.clone()).or_insert(Layer { digest: digest.clone(), size: *size });
        }
        let id = image.id.clone();
        if let Some(existing) = self.images.get_mut(&id) {
            for t in tags {
                if !existing.repo_tags.contains(t) {
                    existing.repo_tags.push(t.clone());
                }
            }
            for d in &image.repo_digests {
                if !existing.repo_digests.contains(d) {
                    existing.repo_digests.push(d.clone());
                }
            }
        } else {
            image.repo_tags = Vec::new();
            for t in tags {
                image.repo_tags.push(t.clone());
            }
            self.images.insert(id.clone(), image);
        }
        for t in tags {
            self.untag_others(t, &id);
        }
        id
    }

    /// Removes `tag` from every image but `keep`.
    fn untag_others(&mut self, tag: &str, keep: &str) {
        for img in self.images.values_mut() {
            if img.id != keep {
                img.repo_tags.retain(|t| t != tag);
            }
        }
    }

    /// Image size: the sum of its layers.
    pub fn image_size(&self, image: &Image) -> u64 {
        image.layers.iter().filter_map(|d| self.layers.get(d)).map(|l| l.size).sum()
    }

    /// What the registry serves for `reference`: the image (with its
    /// repository digest), the manifest digest, its layers (short id, size)
    /// and whether it came back from the simulated registry of pushed images.
    fn remote_image(&self, reference: &Reference) -> EngineResult<(Image, String, Vec<(String, u64)>, bool)> {
        let repo = reference.repo();
        // Pushed images come back from the simulated registry.
        if let Some(pushed) = self.registry.get(&reference.full()) {
            let mut image = pushed.image.clone();
            let rd = format!("{}@sha256:{}", repo, pushed.digest);
            if !image.repo_digests.contains(&rd) {
                image.repo_digests.push(rd);
            }
            let sizes = pushed.image.layers.iter().map(|d| (d.clone(), self.layers.get(d).map(|l| l.size).unwrap_or(0))).collect();
            return Ok((image, pushed.digest.clone(), sizes, true));
        }
        let by_digest = reference.digest.as_ref().map(|d| IMAGES.iter().find(|i| i.repo == repo && format!("sha256:{}", catalog_digest(i)) == *d));
        let found = match by_digest {
            Some(e) => e,
            None => catalog_lookup(reference),
        };
        let Some(entry) = found else {
            if reference.domain != "docker.io" {
                return Err(EngineError::new(
                    ErrorKind::NotFound,
                    format!("Get \"https://{}/v2/\": dial tcp: lookup {} on 127.0.0.11:53: no such host", reference.domain, reference.domain.split(':').next().unwrap_or("")),
                ));
            }
            if IMAGES.iter().any(|i| i.repo == repo) {
                return Err(EngineError::not_found(format!("manifest for {} not found: manifest unknown: manifest unknown", reference.familiar_string())));
            }
            return Err(EngineError::new(
                ErrorKind::NotFound,
                format!("pull access denied for {repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"),
            ));
        };
        let mut image = catalog_image(entry);
        let digest = catalog_digest(entry);
        image.repo_digests = vec![format!("{repo}@sha256:{digest}")];
        let sizes = entry.layers.iter().filter(|l| l.1 > 0).map(|(short, size, _)| (layer_digest(short), *size)).collect();
        Ok((image, digest, sizes, false))
    }

    /// `docker pull`.
    pub fn pull(&mut self, name: &str) -> EngineResult<PullReport> {
        let reference = Reference::parse(name)?;
        let (image, digest, sizes, pushed) = self.remote_image(&reference)?;
        let familiar = reference.familiar();
        let rd = image.repo_digests.last().cloned().unwrap_or_default();
        let had_config = self.images.contains_key(&image.id);
        // A pull by digest adds a digest reference, not a tag.
        let by_digest = reference.digest.is_some() && !pushed;
        let up_to_date = self.images.get(&image.id).is_some_and(|i| if by_digest { i.repo_digests.contains(&rd) } else { i.repo_tags.contains(&familiar) });
        let tags: Vec<String> = if by_digest { Vec::new() } else { vec![familiar.clone()] };
        let layers = sizes.iter().map(|(d, _)| (d.get(..12).unwrap_or(d).to_string(), self.layers.contains_key(d))).collect();
        let id = self.add_image(image, &tags, &sizes);
        if !up_to_date {
            let actor = if pushed { familiar.clone() } else { reference.familiar_string() };
            self.event("image", "pull", &id, &actor, vec![]);
        }
        Ok(PullReport { reference, layers, digest, up_to_date, image_id: id, had_config })
    }

    /// BuildKit's own pull of a base image (builder-next/adapters/
    /// containerimage/pull.go): the layers land in the layer store but no
    /// image is created or tagged, so `docker images` does not list it. The
    /// builder keeps the image (`BuildState::bases`).
    pub fn pull_for_build(&mut self, name: &str) -> EngineResult<Image> {
        let reference = Reference::parse(name)?;
        let (mut image, _, sizes, _) = self.remote_image(&reference)?;
        for (digest, size) in &sizes {
            self.layers.entry(digest.clone()).or_insert(Layer { digest: digest.clone(), size: *size });
        }
        image.repo_tags.clear();
        Ok(image)
    }

    pub fn registry_tags(&self, name: &str) -> EngineResult<Vec<String>> {
        let r = Reference::parse(name)?;
        let repo = r.repo();
        let mut tags: Vec<String> = IMAGES.iter().filter(|i| i.repo == repo).flat_map(|i| i.tags.iter().map(|t| t.to_string())).collect();
        let prefix = format!("{}/{}:", r.domain, r.path);
        tags.extend(self.registry.keys().filter_map(|k| k.strip_prefix(&prefix)).map(str::to_string));
        baleine_util::sort_by_key(&mut tags, |t| t.clone());
        tags.dedup();
        Ok(tags)
    }

    /// `docker tag SOURCE TARGET`.
    pub fn tag(&mut self, source: &str, target: &str) -> EngineResult<()> {
        let id = self.image_id(source).ok_or_else(|| image_lookup_error(source))?;
        let r = Reference::parse_named(target)?;
        if r.digest.is_some() {
            return Err(EngineError::invalid("refusing to create a tag with a digest reference"));
        }
        let familiar = r.familiar();
        self.untag_others(&familiar, &id);
        if let Some(img) = self.images.get_mut(&id) {
            if !img.repo_tags.contains(&familiar) {
                img.repo_tags.push(familiar.clone());
            }
        }
        self.event("image", "tag", &id, &familiar, vec![]);
        Ok(())
    }

    /// Containers (any state) using an image.
    pub fn containers_using(&self, image_id: &str) -> Vec<&Container> {
        self.containers.values().filter(|c| c.image_id == image_id).collect()
    }

    /// `docker rmi`: returns the lines Docker prints ("Untagged: x",
    /// "Deleted: sha256:..."), following moby's daemon/images/image_delete.go
    /// ImageDelete with the graph-driver reference store of Docker 27.
    pub fn remove_image(&mut self, name: &str, force: bool) -> EngineResult<Vec<String>> {
        self.remove_image_pruning(name, force, false)
    }

    /// `docker rmi` (prune unless --no-prune): untagged parents of a deleted
    /// image are deleted too when nothing else holds them.
    pub fn remove_image_pruning(&mut self, name: &str, force: bool, prune: bool) -> EngineResult<Vec<String>> {
        // api/server/router/image/image_routes.go deleteImages.
        if name.trim().is_empty() {
            return Err(EngineError::invalid("image name cannot be blank"));
        }
        let id = self.image_id(name).ok_or_else(|| image_lookup_error(name))?;
        let by_id = name.strip_prefix("sha256:").unwrap_or(name);
        let is_id_ref = id.starts_with(by_id) && Reference::parse(name).map(|r| !self.images[&id].repo_tags.contains(&r.familiar())).unwrap_or(true);
        let image = self.images[&id].clone();
        let mut lines = Vec::new();
        let mut quiet = false;
        if !is_id_ref {
            let r = Reference::parse(name)?;
            if !force && is_single_reference(&image) {
                if let Some(c) = self.containers_using(&id).first() {
                    return Err(EngineError::conflict(format!(
                        "conflict: unable to remove repository reference \"{name}\" (must force) - container {} is using its referenced image {}",
                        &c.id[..12],
                        &id[..12]
                    )));
                }
            }
            let repo = r.repo();
            let img = self.images.get_mut(&id).ok_or_else(|| EngineError::no_such_image(name))?;
            match &r.digest {
                Some(d) => {
                    let wanted = format!("{repo}@{d}");
                    img.repo_digests.retain(|x| *x != wanted);
                    lines.push(format!("Untagged: {wanted}"));
                }
                None => {
                    let familiar = r.familiar();
                    img.repo_tags.retain(|t| *t != familiar);
                    lines.push(format!("Untagged: {familiar}"));
                    // The repository's last tag is gone: its digest references go too.
                    if !img.repo_tags.iter().any(|t| ref_repo(t) == repo) {
                        let (gone, kept): (Vec<String>, Vec<String>) = img.repo_digests.drain(..).partition(|d| ref_repo(d) == repo);
                        img.repo_digests = kept;
                        for d in gone {
                            lines.push(format!("Untagged: {d}"));
                        }
                    }
                }
            }
            let left = img.repo_tags.len() + img.repo_digests.len();
            self.event("image", "untag", &id, &id, vec![]);
            if left > 0 {
                return Ok(lines);
            }
            quiet = true;
        } else if is_single_reference(&image) {
            self.image_delete_conflict(&id, true, !force, false)?;
            for t in sorted_refs(&image) {
                lines.push(format!("Untagged: {t}"));
                self.event("image", "untag", &id, &id, vec![]);
            }
            if let Some(img) = self.images.get_mut(&id) {
                img.repo_tags.clear();
                img.repo_digests.clear();
            }
        }
        self.image_delete_helper(&id, force, prune, quiet, &mut lines)?;
        Ok(lines)
    }

    /// imageDeleteHelper: deletes image `id` unless a conflict stops it (hard
    /// conflicts always count, soft ones unless forced). `quiet` ignores the
    /// conflict when the image stays referenced, has children or is used by
    /// a container; with `prune` the untagged parent chain goes too.
    fn image_delete_helper(&mut self, id: &str, force: bool, prune: bool, quiet: bool, lines: &mut Vec<String>) -> EngineResult<()> {
        if let Err(e) = self.image_delete_conflict(id, true, !force, !force) {
            let used = !self.containers_using(id).is_empty();
            let referenced = self.images.get(id).is_some_and(|i| !i.repo_tags.is_empty() || !i.repo_digests.is_empty());
            let children = self.images.values().any(|i| i.parent.as_deref() == Some(id) && i.id != id);
            if quiet && (used || referenced || children) {
                return Ok(());
            }
            return Err(e);
        }
        let Some(image) = self.images.get(id).cloned() else { return Ok(()) };
        for t in sorted_refs(&image) {
            lines.push(format!("Untagged: {t}"));
            self.event("image", "untag", id, id, vec![]);
        }
        self.images.shift_remove(id);
        lines.push(format!("Deleted: sha256:{id}"));
        // Layers no other image uses are deleted too; a container created
        // from the image keeps its layers.
        let held = !self.containers_using(id).is_empty();
        let mut deleted_layers = Vec::new();
        for d in image.layers.iter().rev() {
            if !held && !self.images.values().any(|i| i.layers.contains(d)) && !self.build.keeps_layer(d) && self.layers.shift_remove(d).is_some() {
                deleted_layers.push(d.clone());
            }
        }
        for d in deleted_layers {
            lines.push(format!("Deleted: sha256:{d}"));
        }
        self.event("image", "delete", id, id, vec![]);
        match image.parent {
            Some(p) if prune && p != id && self.images.contains_key(&p) => self.image_delete_helper(&p, false, true, true, lines),
            _ => Ok(()),
        }
    }

    /// checkImageDeleteConflict: dependent children and running containers
    /// (hard), remaining references and stopped containers (soft).
    fn image_delete_conflict(&self, id: &str, hard: bool, stopped: bool, references: bool) -> EngineResult<()> {
        let conflict = |hard: bool, msg: String| EngineError::conflict(format!("conflict: unable to delete {} ({}) - {msg}", &id[..12], if hard { "cannot be forced" } else { "must be forced" }));
        if hard {
            if self.images.values().any(|i| i.parent.as_deref() == Some(id) && i.id != id) {
                return Err(conflict(true, "image has dependent child images".into()));
            }
            if let Some(c) = self.containers.values().find(|c| c.image_id == id && c.is_running()) {
                return Err(conflict(true, format!("image is being used by running container {}", &c.id[..12])));
            }
        }
        if references {
            if let Some(img) = self.images.get(id) {
                if !img.repo_tags.is_empty() || !img.repo_digests.is_empty() {
                    return Err(conflict(false, "image is referenced in multiple repositories".into()));
                }
            }
        }
        if stopped {
            if let Some(c) = self.containers.values().find(|c| c.image_id == id && !c.is_running()) {
                return Err(conflict(false, format!("image is being used by stopped container {}", &c.id[..12])));
            }
        }
        Ok(())
    }

    /// `docker image prune [-a]`: returns (deleted lines, reclaimed bytes).
    pub fn prune_images(&mut self, all: bool) -> (Vec<String>, u64) {
        self.prune_images_where(all, &|_| true)
    }

    /// `docker image prune` keeping only the candidates `keep` accepts
    /// (the `until` and `label` filters of daemon/images/image_prune.go).
    /// ImagesPrune: the candidates are the images without children
    /// (dangling only) or all images, less the unreferenced ones with
    /// children; each reference of a candidate (its id when it has none)
    /// goes through ImageDelete without force, and a failure (a conflict: a
    /// container uses the image) only skips that reference. So an image a
    /// container uses loses all its references but the last one, and the
    /// reclaimed space counts the deleted layers.
    pub fn prune_images_where(&mut self, all: bool, keep: &dyn Fn(&Image) -> bool) -> (Vec<String>, u64) {
        let has_children = |w: &World, id: &str| w.images.values().any(|o| o.parent.as_deref() == Some(id) && o.id != id);
        let candidates: Vec<String> = self
            .images
            .values()
            .filter(|i| all || !has_children(self, &i.id))
            .filter(|i| !(i.repo_tags.is_empty() && i.repo_digests.is_empty() && has_children(self, &i.id)))
            .filter(|i| keep(i))
            .map(|i| i.id.clone())
            .collect();
        let sizes: IndexMap<String, u64> = self.layers.iter().map(|(d, l)| (d.clone(), l.size)).collect();
        let mut lines = Vec::new();
        for id in candidates {
            let Some(img) = self.images.get(&id) else { continue };
            let refs = sorted_refs(img);
            let names = if refs.is_empty() {
                vec![id.clone()]
            } else if all || img.repo_tags.is_empty() {
                refs
            } else {
                Vec::new()
            };
            for n in names {
                if let Ok(deleted) = self.remove_image_pruning(&n, false, true) {
                    lines.extend(deleted);
                }
            }
        }
        let mut reclaimed = 0;
        let lines = lines
            .into_iter()
            .map(|l| {
                if let Some(d) = l.strip_prefix("Deleted: sha256:") {
                    reclaimed += sizes.get(d).copied().unwrap_or(0);
                    format!("deleted: sha256:{d}")
                } else {
                    l.replacen("Untagged: ", "untagged: ", 1)
                }
            })
            .collect();
        (lines, reclaimed)
    }

    /// `docker save`: keeps what the archive holds of image `id`.
    pub fn save_image(&mut self, id: &str) {
        if let Some(img) = self.images.get(id) {
            let layer_sizes = img.layers.iter().map(|d| (d.clone(), self.layers.get(d).map_or(0, |l| l.size))).collect();
            self.saved.insert(id.to_string(), Saved { image: img.clone(), layer_sizes });
        }
    }

    /// `docker load` of image `id` from an archive, tagged `tag` (none when
    /// it was saved by id).
    pub fn load_image(&mut self, id: &str, tag: Option<&str>) -> EngineResult<()> {
        let s = self.saved.get(id).cloned().ok_or_else(|| EngineError::invalid("unexpected EOF"))?;
        let tags: Vec<String> = tag.into_iter().map(str::to_string).collect();
        let mut image = s.image;
        // The archive's manifest has tags, not the registry's digests.
        if !self.images.contains_key(id) {
            image.repo_digests.clear();
        }
        self.add_image(image, &tags, &s.layer_sizes);
        self.event("image", "load", id, tag.unwrap_or(id), vec![]);
        Ok(())
    }

    /// `docker import`: an image of one layer holding the archive's files
    /// (moby daemon/images/image_import.go: an empty config plus the
    /// `--change`s, history "Imported from -" unless `-m`).
    pub fn import_image(&mut self, archive: &[u8], reference: Option<&str>, message: &str, changes: &[String]) -> EngineResult<String> {
        let rootfs = crate::build_exec::tree_from_archive(archive).ok_or_else(|| EngineError::invalid("archive/tar: invalid tar header"))?;
        let tags: Vec<String> = match reference {
            Some(r) => vec![Reference::parse(r)?.familiar()],
            None => Vec::new(),
        };
        let mut config = ImageConfig::default();
        crate::build_exec::apply_commit_changes(&mut config, changes).map_err(EngineError::invalid)?;
        let size = rootfs.diff(&Tree::new()).iter().filter_map(|(_, p)| match rootfs.get(p) {
            Some(Node::File(f)) => Some(f.content.size()),
            _ => None,
        }).sum();
        let os_family = if rootfs.get("/etc/alpine-release").is_some() {
            OsFamily::Alpine
        } else if rootfs.get("/etc/debian_version").is_some() {
            OsFamily::Debian
        } else if rootfs.get("/bin/busybox").is_some() {
            OsFamily::Busybox
        } else {
            OsFamily::Scratch
        };
        let now_secs = self.now_secs();
        let id = sha256_hex(&format!("import:{}:{}", self.now_ms, self.rng.next_u64()));
        let layer = sha256_hex(&format!("import-layer:{id}"));
        let comment = if message.is_empty() { "Imported from -".to_string() } else { message.to_string() };
        let image = Image {
            id: id.clone(),
            repo_tags: Vec::new(),
            repo_digests: Vec::new(),
            created_secs: now_secs,
            layers: vec![layer.clone()],
            config,
            history: vec![HistoryEntry { created_secs: now_secs, created_by: String::new(), size, empty_layer: false, comment: comment.clone() }],
            rootfs,
            parent: None,
            os_family,
            comment,
            built: false,
        };
        self.add_image(image, &tags, &[(layer, size)]);
        // image_import.go: TagImage (a tag event, the LastTagTime), then
        // the import event, named by the image ID.
        for t in &tags {
            self.event("image", "tag", &id, t, vec![]);
        }
        self.event("image", "import", &id, &format!("sha256:{id}"), vec![]);
        Ok(id)
    }

    /// `docker push` of one tag: copies the image to the simulated registry.
    /// Returns the reference, each layer top first as (12-hex id, final
    /// status: "Pushed", "Layer already exists" or "Mounted from REPO"),
    /// the manifest digest and a manifest size. Docker Hub refuses a push
    /// without login, or to a namespace that is not the user's.
    pub fn push(&mut self, name: &str) -> EngineResult<(Reference, Vec<(String, String)>, String, u64)> {
        let r = Reference::parse(name)?;
        let familiar = r.familiar();
        let id = self
            .images
            .values()
            .find(|i| i.repo_tags.contains(&familiar))
            .map(|i| i.id.clone())
            .ok_or_else(|| EngineError::not_found(format!("tag does not exist: {familiar}")))?;
        if r.domain == "docker.io" {
            let namespace = r.path.split('/').next().unwrap_or("");
            if self.logins.get("docker.io").is_none_or(|user| !user.eq_ignore_ascii_case(namespace)) {
                return Err(EngineError::new(ErrorKind::Forbidden, "denied: requested access to the resource is denied"));
            }
        }
        let image = self.images[&id].clone();
        let key = r.full();
        let domain_prefix = format!("{}/", r.domain);
        let mut pushed_layers = Vec::new();
        for d in image.layers.iter().rev() {
            let short = d.get(..12).unwrap_or(d).to_string();
            // distribution/push_v2.go Upload: a blob the target repository
            // (or, when it was pushed there, another one of the same
            // registry) already has exists; a Docker Hub layer pulled from
            // another repository is mounted from it; anything else is pushed.
            let repo_prefix = format!("{}/{}:", r.domain, r.path);
            let holders: Vec<&String> = self.registry.iter().filter(|(k, p)| k.starts_with(&domain_prefix) && p.image.layers.contains(d)).map(|(k, _)| k).collect();
            let status = if holders.iter().any(|k| k.starts_with(&repo_prefix)) {
                "Layer already exists".to_string()
            } else if let Some(k) = holders.first() {
                let other = k.strip_prefix(&domain_prefix).unwrap_or(k);
                format!("Mounted from {}", ref_repo(other))
            } else if let Some(from) = (r.domain == "docker.io").then(|| self.layer_source_repo(d)).flatten() {
                format!("Mounted from {from}")
            } else {
                "Pushed".to_string()
            };
            pushed_layers.push((short, status));
        }
        // The manifest is the image's: the same digest wherever it goes; its
        // size grows with the layer descriptors.
        let digest = sha256_hex(&format!("push:{id}"));
        let size = 317 + 211 * image.layers.len() as u64;
        self.registry.insert(key, Pushed { image, digest: digest.clone() });
        let rd = format!("{}@sha256:{}", r.repo(), digest);
        if let Some(img) = self.images.get_mut(&id) {
            if !img.repo_digests.contains(&rd) {
                img.repo_digests.push(rd);
            }
        }
        self.event("image", "push", &id, &familiar, vec![]);
        Ok((r, pushed_layers, digest, size))
    }

    /// The Docker Hub repository a layer was pulled from (the V2 metadata
    /// the pull recorded: the pulled images, the builder's base images),
    /// as the registry names it ("library/alpine").
    fn layer_source_repo(&self, layer: &str) -> Option<String> {
        let local = self.images.values().chain(self.build.bases.values()).filter(|i| i.layers.iter().any(|l| l == layer)).find_map(|i| {
            i.repo_digests.iter().filter_map(|rd| Reference::parse(rd).ok()).find(|r| r.domain == "docker.io").map(|r| r.path)
        });
        local.or_else(|| {
            IMAGES.iter().find(|e| e.layers.iter().any(|l| l.1 > 0 && layer_digest(l.0) == layer)).and_then(|e| Reference::parse(e.repo).ok()).filter(|r| r.domain == "docker.io").map(|r| r.path)
        })
    }

    /// The tags of repository `repo` ("someone/app") in the reference
    /// store's order, for `docker push --all-tags`.
    pub fn repository_tags(&self, repo: &str) -> Vec<String> {
        let mut tags: Vec<String> = self.images.values().flat_map(|i| i.repo_tags.iter()).filter(|t| ref_repo(t) == repo).cloned().collect();
        baleine_util::sort(&mut tags);
        tags
    }
}

/// The repository of a familiar tag or digest reference ("alpine:latest",
/// "alpine@sha256:...", "localhost:5000/app:1" -> "localhost:5000/app").
fn ref_repo(r: &str) -> String {
    let name = r.split_once('@').map(|(n, _)| n).unwrap_or(r);
    let name = match name.rfind(':') {
        Some(i) if !name[i + 1..].contains('/') => &name[..i],
        _ => name,
    };
    name.to_string()
}

/// moby isSingleReference: at most one tag, and digests of that one repository.
fn is_single_reference(img: &Image) -> bool {
    let total = img.repo_tags.len() + img.repo_digests.len();
    if total <= 1 {
        return total == 1;
    }
    if img.repo_tags.len() > 1 {
        return false;
    }
    let digest_repos: std::collections::BTreeSet<String> = img.repo_digests.iter().map(|d| ref_repo(d)).collect();
    let single = img.repo_tags.first().or(img.repo_digests.first()).map(|r| ref_repo(r)).unwrap_or_default();
    digest_repos.len() == 1 && digest_repos.contains(&single)
}

/// The references of an image in the reference store's order (sorted by
/// their full names: tags before digests of the same repository).
fn sorted_refs(img: &Image) -> Vec<String> {
    let mut refs: Vec<String> = img.repo_tags.iter().chain(img.repo_digests.iter()).cloned().collect();
    let key = |r: &String| -> String {
        let repo = ref_repo(r);
        let full = match Reference::parse(&repo) {
            Ok(p) => format!("{}/{}", p.domain, p.path),
            Err(_) => repo.clone(),
        };
        format!("{full}{}", &r[repo.len()..])
    };
    baleine_util::sort_by_key(&mut refs, key);
    refs
}

/// Why the image service finds no image `name` (moby daemon/images/image.go
/// getImage): a name reference.ParseAnyReference refuses is an invalid
/// parameter ("invalid reference format: repository name (library/UPPER)
/// must be lowercase"); otherwise ErrImageDoesNotExist, which names the
/// reference with `:latest` added to a bare name ("abc123:latest") and a
/// 64-hex id as a digest ("sha256:...").
pub fn image_lookup_error(name: &str) -> EngineError {
    let hex64 = name.len() == 64 && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if hex64 {
        return EngineError::no_such_image(&format!("sha256:{name}"));
    }
    if validate_digest(name).is_ok() {
        return EngineError::no_such_image(name);
    }
    match Reference::parse(name) {
        Ok(r) => EngineError::no_such_image(&r.familiar_string()),
        Err(e) => e,
    }
}

/// A `--platform` value as containerd's platforms.Parse reads it (the
/// client lowercases it first): (os, architecture, variant), or the error
/// the daemon returns.
pub fn parse_platform(spec: &str) -> Result<(String, String, String), String> {
    let invalid = |m: String| Err(format!("{m}: invalid argument"));
    if spec.contains('*') {
        return invalid(format!("{spec:?}: wildcards not yet supported"));
    }
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let parts: Vec<&str> = spec.splitn(4, '/').collect();
    let mut os = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let name = match part.split_once('(') {
                Some((n, ver)) if ver.ends_with(')') && ver[..ver.len() - 1].chars().all(|c| word(c) || c == '.') => n,
                Some(_) => "",
                None => part,
            };
            if name.is_empty() || !name.chars().all(word) {
                return invalid(format!("{part:?} is an invalid OS component of {spec:?}: OSAndVersion specifier component must match \"^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$\""));
            }
            os = name.to_ascii_lowercase();
            if os == "macos" {
                os = "darwin".into();
            }
        } else if part.is_empty() || !part.chars().all(word) {
            return invalid(format!("{part:?} is an invalid component of {spec:?}: platform specifier component must match \"^[A-Za-z0-9_-]+$\""));
        }
    }
    const KNOWN_OS: &[&str] = &["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos"];
    const KNOWN_ARCH: &[&str] = &["386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"];
    let norm_arch = |arch: &str, variant: &str| -> (String, String) {
        let (arch, variant) = (arch.to_ascii_lowercase(), variant.to_ascii_lowercase());
        match arch.as_str() {
            "i386" => ("386".into(), String::new()),
            "x86_64" | "x86-64" | "amd64" => ("amd64".into(), if variant == "v1" { String::new() } else { variant }),
            "aarch64" | "arm64" => ("arm64".into(), if variant == "8" || variant == "v8" { String::new() } else { variant }),
            "armhf" => ("arm".into(), "v7".into()),
            "armel" => ("arm".into(), "v6".into()),
            "arm" => ("arm".into(), match variant.as_str() {
                "" | "7" => "v7".into(),
                "5" | "6" | "8" => format!("v{variant}"),
                _ => variant,
            }),
            _ => (arch, variant),
        }
    };
    match parts.len() {
        1 if KNOWN_OS.contains(&os.as_str()) => Ok((os, "amd64".into(), String::new())),
        1 => {
            let (arch, variant) = norm_arch(parts[0], "");
            let variant = if arch == "arm" && variant == "v7" { String::new() } else { variant };
            if KNOWN_ARCH.contains(&arch.as_str()) {
                Ok(("linux".into(), arch, variant))
            } else {
                invalid(format!("{spec:?}: unknown operating system or architecture"))
            }
        }
        2 => {
            let (arch, variant) = norm_arch(parts[1], "");
            let variant = if arch == "arm" && variant == "v7" { String::new() } else { variant };
            Ok((os, arch, variant))
        }
        3 => {
            let (arch, variant) = norm_arch(parts[1], parts[2]);
            let variant = if arch == "arm64" && variant.is_empty() { "v8".into() } else { variant };
            Ok((os, arch, variant))
        }
        _ => invalid(format!("{spec:?}: cannot parse platform specifier")),
    }
}

/// "nosuch" -> "nosuch:latest" as Docker prints missing images.
pub fn display_ref(name: &str) -> String {
    match Reference::parse(name) {
        Ok(r) if r.digest.is_none() && !name.bytes().all(|b| b.is_ascii_hexdigit()) => r.familiar(),
        _ => name.to_string(),
    }
}

/// The short (12-hex) id.
pub fn short(id: &str) -> &str {
    &id[..12.min(id.len())]
}

/// Turns "a=b" strings into an ordered map (later wins), for env merging.
pub fn merge_env(base: &[String], over: &[String]) -> Vec<String> {
    let mut map: IndexMap<String, String> = IndexMap::new();
    for e in base.iter().chain(over.iter()) {
        match e.split_once('=') {
            Some((k, v)) => {
                map.insert(k.to_string(), v.to_string());
            }
            None => {
                map.insert(e.to_string(), String::new());
            }
        }
    }
    map.into_iter().map(|(k, v)| format!("{k}={v}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_parse_like_containerd() {
        let ok = |s: &str| parse_platform(s).unwrap();
        assert_eq!(ok("linux/arm64"), ("linux".into(), "arm64".into(), String::new()));
        assert_eq!(ok("linux/arm64/v8"), ("linux".into(), "arm64".into(), "v8".into()));
        assert_eq!(ok("linux/arm"), ("linux".into(), "arm".into(), String::new()));
        assert_eq!(ok("linux/x86_64"), ("linux".into(), "amd64".into(), String::new()));
        assert_eq!(ok("windows"), ("windows".into(), "amd64".into(), String::new()));
        assert_eq!(ok("arm64"), ("linux".into(), "arm64".into(), String::new()));
        assert_eq!(parse_platform("bogus").unwrap_err(), "\"bogus\": unknown operating system or architecture: invalid argument");
        assert_eq!(parse_platform("a/b/c/d").unwrap_err(), "\"a/b/c/d\": cannot parse platform specifier: invalid argument");
        assert!(parse_platform("linux/").unwrap_err().starts_with("\"\" is an invalid component of \"linux/\""));
    }

    #[test]
    fn lookup_errors_follow_parse_any_reference() {
        assert_eq!(image_lookup_error("UPPER").message, "invalid reference format: repository name (library/UPPER) must be lowercase");
        assert_eq!(image_lookup_error("abc123").message, "No such image: abc123:latest");
        let hex = "a".repeat(64);
        assert_eq!(image_lookup_error(&hex).message, format!("No such image: sha256:{hex}"));
        assert_eq!(image_lookup_error(&format!("x@sha256:{hex}")).message, format!("No such image: x@sha256:{hex}"));
    }

    #[test]
    fn save_then_load_brings_back_a_removed_image() {
        let mut w = World::new(7, 1_764_057_600);
        w.pull("alpine").unwrap();
        w.tag("alpine", "snap:1").unwrap();
        let id = w.image_id("snap:1").unwrap();
        w.save_image(&id);
        w.remove_image("snap:1", false).unwrap();
        w.remove_image("alpine", false).unwrap();
        assert!(w.images.is_empty());
        w.load_image(&id, Some("snap:1")).unwrap();
        let img = w.image("snap:1").unwrap();
        assert_eq!((img.repo_tags.clone(), img.repo_digests.len()), (vec!["snap:1".to_string()], 0));
        assert!(w.image_size(img) > 0);
        assert_eq!(w.load_image("0123", None).unwrap_err().message, "unexpected EOF");
    }
}
