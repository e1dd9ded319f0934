//! Volumes, bind mounts and tmpfs.

use baleine_vfs::{normalize, Node, Tree};
use indexmap::IndexMap;

use crate::error::{EngineError, EngineResult};
use crate::model::*;
use crate::world::World;

pub fn valid_volume_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric()) && name.len() >= 2 && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

/// A parsed `-v` string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BindSpec {
    /// Empty for an anonymous volume.
    pub source: String,
    pub target: String,
    pub read_only: bool,
    pub nocopy: bool,
}

/// Parses `-v SRC:DST[:MODE]` / `-v DST` as the daemon does (moby v27.5.1
/// volume/mounts/linux_parser.go `ParseMountRaw`; the CLI has already run
/// compose's `ParseVolume` on it).
pub fn parse_bind(s: &str) -> EngineResult<BindSpec> {
    let invalid = || EngineError::invalid(format!("invalid volume specification: '{s}'"));
    let parts: Vec<&str> = s.splitn(4, ':').collect();
    if parts[0].is_empty() {
        return Err(invalid());
    }
    let (source, target, mode) = match parts.as_slice() {
        [t] => ("", *t, ""),
        // Destination + mode is not a volume (e.g. /foo:rw).
        [_, m] if valid_mount_mode(m) => return Err(invalid()),
        [s, t] => (*s, *t, ""),
        [s, t, m] => (*s, *t, *m),
        _ => return Err(invalid()),
    };
    if !valid_mount_mode(mode) {
        return Err(EngineError::invalid(format!("invalid mode: {mode}")));
    }
    if !target.starts_with('/') {
        return Err(EngineError::invalid(format!("invalid mount config for type \"volume\": invalid mount path: '{target}' mount path must be absolute")));
    }
    let opts: Vec<&str> = mode.split(',').collect();
    let read_only = opts.contains(&"ro");
    let nocopy = opts.contains(&"nocopy");
    Ok(BindSpec { source: source.to_string(), target: normalize("/", target), read_only, nocopy })
}

/// What a `--mount` carries beyond [`MountSpec`] (moby api/types/mount
/// Mount: BindOptions, VolumeOptions, TmpfsOptions), for the daemon's
/// checks and the volume it creates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MountExtras {
    /// BindOptions is set (any bind-* option was given).
    pub bind_options: bool,
    /// BindOptions.Propagation, lowercased by the CLI.
    pub propagation: String,
    /// VolumeOptions is set (any volume-* option was given).
    pub volume_options: bool,
    pub volume_driver: String,
    pub volume_labels: IndexMap<String, String>,
    pub volume_opts: IndexMap<String, String>,
    pub volume_subpath: String,
}

/// The daemon's check of a `--mount` (moby v27.5.1 volume/mounts/
/// linux_parser.go validateMountConfigImpl). The existence of a bind
/// source is checked by [`World::validate_mount`].
pub fn validate_mount_config(m: &MountSpec) -> Result<(), String> {
    validate_mount_config_with(m, &MountExtras::default(), &|_| true)
}

/// validateMountConfigImpl with the mount's options and
/// `exists` telling whether a bind source exists on the host.
pub fn validate_mount_config_with(m: &MountSpec, x: &MountExtras, exists: &dyn Fn(&str) -> bool) -> Result<(), String> {
    let fail = |e: &str| Err(format!("invalid mount config for type \"{}\": {e}", m.kind));
    // linuxValidateAbsolute / linuxValidateNotRoot read backslashes as slashes.
    let absolute = |p: &str| -> Result<(), String> {
        let p = p.replace('\\', "/");
        if p.starts_with('/') {
            Ok(())
        } else {
            Err(format!("invalid mount path: '{p}' mount path must be absolute"))
        }
    };
    if m.target.is_empty() {
        return fail("field Target must not be empty");
    }
    let target = m.target.replace('\\', "/");
    if target.starts_with('/') && normalize("/", &target) == "/" {
        return fail("invalid specification: destination can't be '/'");
    }
    if let Err(e) = absolute(&m.target) {
        return fail(&e);
    }
    match m.kind.as_str() {
        "bind" => {
            if m.source.is_empty() {
                return fail("field Source must not be empty");
            }
            if !x.propagation.is_empty() && !matches!(x.propagation.as_str(), "private" | "rprivate" | "slave" | "rslave" | "shared" | "rshared") {
                return fail(&format!("invalid propagation mode: {}", x.propagation));
            }
            if x.volume_options {
                return fail("field VolumeOptions must not be specified");
            }
            if let Err(e) = absolute(&m.source) {
                return fail(&e);
            }
            if !m.create_host_path && !exists(&m.source) {
                return fail(&format!("bind source path does not exist: {}", m.source));
            }
        }
        "volume" => {
            if x.bind_options {
                return fail("field BindOptions must not be specified");
            }
            let anonymous = m.source.is_empty();
            if !x.volume_subpath.is_empty() {
                if anonymous {
                    return fail("must not set Subpath when using anonymous volumes");
                }
                if !is_local_path(&x.volume_subpath) {
                    return fail("subpath must be a relative path within the volume");
                }
            }
            if m.read_only && anonymous {
                return fail("must not set ReadOnly mode when using anonymous volumes");
            }
        }
        "tmpfs" => {
            if x.bind_options {
                return fail("field BindOptions must not be specified");
            }
            if !m.source.is_empty() {
                return fail("field Source must not be specified");
            }
        }
        _ => return fail("mount type unknown"),
    }
    Ok(())
}

/// Go's `filepath.IsLocal` on Unix: relative, not empty, and not leaving
/// its folder once cleaned.
fn is_local_path(p: &str) -> bool {
    if p.is_empty() || p.starts_with('/') {
        return false;
    }
    let mut depth: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if depth.pop().is_none() {
                    return false;
                }
            }
            x => depth.push(x),
        }
    }
    true
}

/// go-units `RAMInBytes` (docker/go-units size.go parseSize with binary
/// multiples): the error text is Go's.
pub fn ram_in_bytes(s: &str) -> Result<i64, String> {
    let Some(sep) = s.rfind(|c: char| c.is_ascii_digit() || c == '.' || c == ' ') else {
        return Err(format!("invalid size: '{s}'"));
    };
    let (num, sfx) = if s.as_bytes()[sep] != b' ' { (&s[..sep + 1], &s[sep + 1..]) } else { (&s[..sep], &s[sep + 1..]) };
    let size: f64 = match num.parse::<f64>() {
        Ok(v) if !num.contains(['i', 'I', 'n', 'N']) => v,
        _ => return Err(format!("strconv.ParseFloat: parsing {}: invalid syntax", baleine_util::go::quote(num))),
    };
    if size < 0.0 {
        return Err(format!("invalid size: '{s}'"));
    }
    if sfx.is_empty() {
        return Ok(size as i64);
    }
    let lower = sfx.to_lowercase();
    let bad = || Err(format!("invalid suffix: '{lower}'"));
    if sfx.len() > 3 {
        return Err(format!("invalid suffix: '{sfx}'"));
    }
    let b = lower.as_bytes();
    if b[0] == b'b' {
        return if b.len() > 1 { bad() } else { Ok(size as i64) };
    }
    let mul: f64 = match b[0] {
        b'k' => 1024.0,
        b'm' => 1048576.0,
        b'g' => 1073741824.0,
        b't' => 1099511627776.0,
        b'p' => 1125899906842624.0,
        _ => return bad(),
    };
    if (b.len() == 2 && b[1] != b'b') || (b.len() == 3 && &b[1..] != b"ib") {
        return bad();
    }
    Ok((size * mul) as i64)
}

/// The local driver's check of volume options (moby v27.5.1
/// volume/local/local_unix.go validateOpts; Go walks maps in random order,
/// this takes them in a fixed one).
pub fn validate_local_volume_opts(opts: &IndexMap<String, String>) -> Result<(), String> {
    if opts.is_empty() {
        return Ok(());
    }
    for k in opts.keys() {
        if !matches!(k.as_str(), "type" | "o" | "device" | "size") {
            return Err(format!("invalid option: {}", baleine_util::go::quote(k)));
        }
    }
    if let Some(v) = opts.get("size") {
        // No quota support on the overlay2 storage of a usual host.
        if ram_in_bytes(v)? > 0 {
            return Err("quota size requested but no quota support".into());
        }
    }
    for (opt, needs) in [("device", &["type"][..]), ("type", &["device"][..]), ("o", &["device", "type"][..])] {
        if opts.contains_key(opt) {
            if let Some(n) = needs.iter().find(|n| !opts.contains_key(**n)) {
                return Err(format!("missing required option: {}", baleine_util::go::quote(n)));
            }
        }
    }
    Ok(())
}

/// The host folder of a local volume whose options bind-mount it
/// (`type=none`, `o` with `bind` or `rbind`, `device=DIR`).
fn local_bind_device(opts: &IndexMap<String, String>) -> Option<String> {
    let bind = opts.get("o").is_some_and(|o| o.split(',').any(|x| x == "bind" || x == "rbind"));
    match opts.get("device") {
        Some(dev) if bind && !dev.is_empty() && opts.get("type").is_some_and(|t| t == "none") => Some(normalize("/", dev)),
        _ => None,
    }
}

/// moby `linuxValidMountMode`: comma-separated options, at most one of each
/// kind (rw/ro, z/Z, propagation, nocopy, consistency).
fn valid_mount_mode(mode: &str) -> bool {
    if mode.is_empty() {
        return true;
    }
    let mut counts = [0u8; 5];
    for o in mode.split(',') {
        let kind = match o {
            "rw" | "ro" => 0,
            "z" | "Z" => 1,
            "private" | "rprivate" | "shared" | "rshared" | "slave" | "rslave" => 2,
            "nocopy" => 3,
            "consistent" | "cached" | "delegated" => 4,
            _ => return false,
        };
        counts[kind] += 1;
    }
    counts.iter().all(|&n| n <= 1)
}

impl World {
    /// The daemon's check of a `--mount` at create, before the image is
    /// looked up (moby v27.5.1 daemon/create.go containerCreate ->
    /// verifyContainerSettings -> validateHostConfig ->
    /// parser.ValidateMountConfig, which checks that a bind source exists).
    pub fn validate_mount(&self, m: &MountSpec, x: &MountExtras) -> Result<(), String> {
        let host = self.forest.tree(self.host_tree);
        validate_mount_config_with(m, x, &|p| host.exists(&normalize("/", p)))
    }

    /// What registerMountPoints would refuse when it creates the volume of
    /// a `--mount` (volume/service/store.go create: the driver, then the
    /// local driver's options for a volume that does not exist yet), checked
    /// before the container is created so that a failure leaves nothing.
    pub fn check_mount_volume(&self, m: &MountSpec, x: &MountExtras) -> EngineResult<()> {
        if m.kind != "volume" {
            return Ok(());
        }
        // An anonymous volume's name is random: the daemon's message names it.
        let name = if m.source.is_empty() { self.rng.clone().hex64() } else { m.source.clone() };
        if !m.source.is_empty() && !valid_volume_name(&m.source) {
            return Ok(()); // create_volume reports it.
        }
        let driver = x.volume_driver.as_str();
        if !driver.is_empty() && driver != "local" {
            return Err(EngineError::not_found(format!("create {name}: error looking up volume plugin {driver}: plugin \"{driver}\" not found")));
        }
        if m.source.is_empty() || !self.volumes.contains_key(&m.source) {
            validate_local_volume_opts(&x.volume_opts).map_err(|e| EngineError::invalid(format!("create {name}: {e}")))?;
        }
        Ok(())
    }

    /// After create: the volume a `--mount` created gets its volume-label
    /// and volume-opt values (WithCreateLabels, WithCreateOptions; an
    /// existing volume keeps its own), and a volume-subpath mounts only that
    /// folder of the volume.
    pub fn apply_mount_volume_options(&mut self, container: &str, m: &MountSpec, x: &MountExtras, existed: bool) {
        if m.kind != "volume" {
            return;
        }
        let target = normalize("/", &m.target);
        let Some(c) = self.containers.get(container) else { return };
        let Some(mp) = c.mounts.iter().find(|p| p.kind == "volume" && p.destination == target) else { return };
        let name = mp.name.clone();
        if !existed && (!x.volume_labels.is_empty() || !x.volume_opts.is_empty()) {
            if let Some(v) = self.volumes.get_mut(&name) {
                for (k, val) in &x.volume_labels {
                    v.labels.insert(k.clone(), val.clone());
                }
                baleine_util::sort_keys(&mut v.labels);
                v.options = x.volume_opts.clone();
                baleine_util::sort_keys(&mut v.options);
            }
        }
        if !x.volume_subpath.is_empty() {
            let sub = normalize("/", &x.volume_subpath);
            if let Some(mp) = self.containers.get_mut(container).and_then(|c| c.mounts.iter_mut().find(|p| p.kind == "volume" && p.destination == target)) {
                mp.subpath = sub;
            }
        }
    }

    /// Creates (or returns) a named volume.
    pub fn create_volume(&mut self, name: Option<&str>, driver: &str, labels: IndexMap<String, String>, options: IndexMap<String, String>) -> EngineResult<String> {
        let (name, anonymous) = match name {
            Some(n) if !n.is_empty() => (n.to_string(), false),
            _ => (self.rng.hex64(), true),
        };
        // volume/service/store.go create: checkConflict looks the driver up
        // first; an existing volume is returned as it is (labels and
        // options unchanged); the local driver validates a new one's name
        // (local.go validateName: only the local driver restricts names)
        // and options.
        if !driver.is_empty() && driver != "local" {
            return Err(EngineError::not_found(format!("create {name}: error looking up volume plugin {driver}: plugin \"{driver}\" not found")));
        }
        if !anonymous && !valid_volume_name(&name) {
            return Err(EngineError::invalid(format!(
                "create {name}: \"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path"
            )));
        }
        if self.volumes.contains_key(&name) {
            return Ok(name);
        }
        validate_local_volume_opts(&options).map_err(|e| EngineError::invalid(format!("create {name}: {e}")))?;
        // volume/service/service.go Create: a volume without a name is
        // anonymous and carries the com.docker.volume.anonymous label.
        let mut labels = labels;
        if anonymous {
            labels.insert("com.docker.volume.anonymous".into(), String::new());
            baleine_util::sort_keys(&mut labels);
        }
        let tree = self.forest.add(Tree::new());
        self.volumes.insert(
            name.clone(),
            Volume { name: name.clone(), driver: "local".into(), created_ms: self.now_ms, labels, options, anonymous, tree, populated: false },
        );
        self.event("volume", "create", &name, &name, vec![("driver".into(), "local".into())]);
        Ok(name)
    }

    /// Containers (any state) that mount a volume.
    pub fn volume_users(&self, name: &str) -> Vec<&Container> {
        self.containers.values().filter(|c| c.mounts.iter().any(|m| m.kind == "volume" && m.name == name)).collect()
    }

    pub fn volume_in_use(&self, name: &str) -> bool {
        !self.volume_users(name).is_empty()
    }

    /// `docker volume rm [-f]`.
    pub fn remove_volume(&mut self, name: &str, force: bool) -> EngineResult<()> {
        if !self.volumes.contains_key(name) {
            if force {
                return Ok(());
            }
            return Err(EngineError::not_found(format!("get {name}: no such volume")));
        }
        let users: Vec<String> = self.volume_users(name).iter().map(|c| c.id.clone()).collect();
        if !users.is_empty() {
            return Err(EngineError::conflict(format!("remove {name}: volume is in use - [{}]", users.join(", "))));
        }
        if let Some(v) = self.volumes.shift_remove(name) {
            self.forest.remove(v.tree);
        }
        self.event("volume", "destroy", name, name, vec![("driver".into(), "local".into())]);
        Ok(())
    }

    /// `docker volume prune [-a]`: anonymous unused volumes (all unused with -a).
    pub fn prune_volumes(&mut self, all: bool) -> (Vec<String>, u64) {
        self.prune_volumes_where(&|v| all || v.labels.contains_key("com.docker.volume.anonymous"))
    }

    /// moby v27.5.1 volume/service/service.go Prune: volumes of the local
    /// driver that no container references, that were created without
    /// driver options (`-o type=nfs ...` volumes are never pruned), and
    /// that `keep` accepts (withPrune's anonymous label unless all=true,
    /// label filters).
    pub fn prune_volumes_where(&mut self, keep: &dyn Fn(&Volume) -> bool) -> (Vec<String>, u64) {
        let names: Vec<String> = self.volumes.values().filter(|v| v.driver == "local" && v.options.is_empty() && keep(v) && !self.volume_in_use(&v.name)).map(|v| v.name.clone()).collect();
        let mut reclaimed = 0;
        for n in &names {
            if let Some(v) = self.volumes.get(n) {
                reclaimed += self.forest.tree(v.tree).size();
            }
            let _ = self.remove_volume(n, true);
        }
        (names, reclaimed)
    }

    pub fn volume_size(&self, name: &str) -> u64 {
        self.volumes.get(name).map(|v| self.forest.tree(v.tree).size()).unwrap_or(0)
    }

    /// Builds the mounts of a new container: `-v`, `--mount`, image VOLUMEs,
    /// `--volumes-from`.
    pub(crate) fn prepare_mounts(&mut self, c: &Container, image: &Image) -> EngineResult<Vec<MountPoint>> {
        let mut mounts: Vec<MountPoint> = Vec::new();
        let mut wanted: Vec<(MountSpec, bool)> = Vec::new(); // (spec, from -v)
        for b in &c.spec.binds {
            let b = parse_bind(b)?;
            let kind = if b.source.is_empty() || !(b.source.starts_with('/') || b.source.starts_with('.') || b.source.starts_with('~')) { "volume" } else { "bind" };
            if kind == "volume" && !b.source.is_empty() && !valid_volume_name(&b.source) {
                return Err(EngineError::invalid(format!(
                    "create {0}: \"{0}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
                    b.source
                )));
            }
            // The CLI made relative paths absolute against the shell's folder.
            let source = if kind == "bind" { normalize("/", &b.source.replace('~', &self.host_home)) } else { b.source.clone() };
            wanted.push((MountSpec { kind: kind.into(), source, target: b.target, read_only: b.read_only, create_host_path: true, volume_nocopy: b.nocopy }, true));
        }
        for m in &c.spec.mounts {
            validate_mount_config(m).map_err(EngineError::invalid)?;
            wanted.push((m.clone(), false));
        }
        // --volumes-from
        for vf in &c.spec.volumes_from {
            let (name, mode) = vf.split_once(':').unwrap_or((vf, ""));
            let other = self.container(name)?.clone();
            for m in &other.mounts {
                let mut m = m.clone();
                if mode == "ro" {
                    m.rw = false;
                    m.mode = "ro".into();
                }
                mounts.push(m);
            }
        }
        for (spec, _from_v) in wanted {
            let target = normalize("/", &spec.target);
            mounts.retain(|m| m.destination != target);
            match spec.kind.as_str() {
                "bind" => {
                    let host = self.host_tree;
                    let exists = self.forest.tree(host).exists(&spec.source);
                    if !exists {
                        if spec.create_host_path {
                            // The daemon creates the missing directories
                            // (root-owned, 0755, stamped now).
                            let now = self.now_secs();
                            if let Some(t) = self.forest.get_mut(host) {
                                let mut path = String::new();
                                for part in spec.source.split('/').filter(|p| !p.is_empty()) {
                                    path.push('/');
                                    path.push_str(part);
                                    if !t.exists(&path) {
                                        let dir = baleine_vfs::Dir { entries: Default::default(), meta: Some(baleine_vfs::Meta { mtime: now, ..baleine_vfs::Meta::dir() }) };
                                        let _ = t.put(&path, Node::Dir(std::sync::Arc::new(dir)), true);
                                    }
                                }
                            }
                        } else {
                            return Err(EngineError::invalid(format!("invalid mount config for type \"bind\": bind source path does not exist: {}", spec.source)));
                        }
                    }
                    mounts.push(MountPoint {
                        kind: "bind".into(),
                        name: String::new(),
                        source: spec.source.clone(),
                        destination: target,
                        rw: !spec.read_only,
                        mode: if spec.read_only { "ro".into() } else { String::new() },
                        tree: host,
                        subpath: spec.source.clone(),
                    });
                }
                "volume" => {
                    let name = self.create_volume(if spec.source.is_empty() { None } else { Some(&spec.source) }, "local", IndexMap::new(), IndexMap::new())?;
                    self.copy_up(&name, image, &target, spec.volume_nocopy);
                    let v = &self.volumes[&name];
                    let (tree, subpath) = self.volume_storage(v);
                    mounts.push(MountPoint {
                        kind: "volume".into(),
                        name: name.clone(),
                        source: v.mountpoint(),
                        destination: target,
                        rw: !spec.read_only,
                        mode: if spec.read_only { "ro".into() } else { "z".into() },
                        tree,
                        subpath,
                    });
                }
                "tmpfs" => {
                    // Created at each start.
                }
                other => return Err(EngineError::invalid(format!("invalid mount config: unknown mount type {other}"))),
            }
        }
        // Image VOLUMEs without a mount get anonymous volumes.
        for v in &image.config.volumes {
            let target = normalize("/", v);
            if mounts.iter().any(|m| m.destination == target) || c.spec.tmpfs.iter().any(|t| t.split(':').next() == Some(target.as_str())) {
                continue;
            }
            let name = self.create_volume(None, "local", IndexMap::new(), IndexMap::new())?;
            self.copy_up(&name, image, &target, false);
            let vol = &self.volumes[&name];
            mounts.push(MountPoint { kind: "volume".into(), name: name.clone(), source: vol.mountpoint(), destination: target, rw: true, mode: String::new(), tree: vol.tree, subpath: "/".into() });
        }
        Ok(mounts)
    }

    /// Where a volume's files live: its own tree, or for a local volume
    /// made with `-o type=none -o o=bind -o device=DIR` the host folder DIR
    /// (moby v27.5.1 volume/local/local_unix.go mount: mount(2) of the
    /// device on the volume's _data with the `o` options, here a bind). A
    /// device that is not a host folder keeps the volume's own tree.
    pub(crate) fn volume_storage(&self, v: &Volume) -> (baleine_vfs::TreeId, String) {
        if let Some(dev) = local_bind_device(&v.options) {
            let host = self.forest.tree(self.host_tree);
            if matches!(host.get(&dev), Some(Node::Dir(_))) {
                return (self.host_tree, dev);
            }
        }
        (v.tree, "/".into())
    }

    /// Docker's copy-up: a new, empty volume mounted over image content gets
    /// that content first.
    fn copy_up(&mut self, volume: &str, image: &Image, target: &str, nocopy: bool) {
        let Some(v) = self.volumes.get(volume) else { return };
        if v.populated || nocopy {
            return;
        }
        let (tree_id, path) = self.volume_storage(v);
        let empty = match self.forest.tree(tree_id).get(&path) {
            Some(Node::Dir(d)) => d.entries.is_empty(),
            _ => false,
        };
        if let (true, Some(Node::Dir(d))) = (empty, image.rootfs.get(target)) {
            if let Some(t) = self.forest.get_mut(tree_id) {
                let _ = t.put(&path, Node::Dir(d), true);
            }
        }
        if let Some(v) = self.volumes.get_mut(volume) {
            v.populated = true;
        }
    }

    /// A local volume made with `-o type=tmpfs` is a tmpfs mounted on its
    /// first use and unmounted when the last container using it stops
    /// (moby v27.5.1 volume/local/local.go Mount/Unmount: the active
    /// count): its files are then gone.
    fn release_tmpfs_volumes(&mut self, id: &str) {
        let Some(c) = self.containers.get(id) else { return };
        let names: Vec<String> = c.mounts.iter().filter(|m| m.kind == "volume").map(|m| m.name.clone()).collect();
        for name in names {
            let Some(v) = self.volumes.get(&name) else { continue };
            if v.options.get("type").map(String::as_str) != Some("tmpfs") {
                continue;
            }
            let others = self.containers.values().any(|o| o.id != id && matches!(o.state.status, Status::Running | Status::Paused | Status::Restarting) && o.mounts.iter().any(|m| m.kind == "volume" && m.name == name));
            if others {
                continue;
            }
            let tree = v.tree;
            if let Some(t) = self.forest.get_mut(tree) {
                *t = Tree::new();
            }
            if let Some(v) = self.volumes.get_mut(&name) {
                v.populated = false;
            }
        }
    }

    /// Fresh tmpfs mounts at each start.
    pub(crate) fn mount_tmpfs(&mut self, id: &str) {
        let Some(c) = self.containers.get(id) else { return };
        // `--tmpfs PATH:OPTIONS` is read-only when its mount options say
        // so (the last of ro/rw wins, as for mount(8)); a `--mount
        // type=tmpfs` with `readonly` too (moby daemon/oci_linux.go
        // withMounts: "ro" added to the options of a read-only mount).
        let mut targets: Vec<(String, bool)> = c
            .spec
            .tmpfs
            .iter()
            .map(|t| {
                let (path, opts) = t.split_once(':').unwrap_or((t.as_str(), ""));
                let ro = opts.split(',').filter(|o| *o == "ro" || *o == "rw").last() == Some("ro");
                (path.to_string(), ro)
            })
            .filter(|(t, _)| t.starts_with('/'))
            .collect();
        for m in &c.spec.mounts {
            if m.kind == "tmpfs" {
                targets.push((m.target.clone(), m.read_only));
            }
        }
        let mut new_mounts = Vec::new();
        let mut trees = Vec::new();
        for (t, ro) in targets {
            let tree = self.forest.add(Tree::new());
            trees.push(tree);
            new_mounts.push(MountPoint { kind: "tmpfs".into(), name: String::new(), source: String::new(), destination: normalize("/", &t), rw: !ro, mode: String::new(), tree, subpath: "/".into() });
        }
        if let Some(c) = self.containers.get_mut(id) {
            c.mounts.retain(|m| m.kind != "tmpfs");
            c.mounts.extend(new_mounts);
            c.tmpfs = trees;
        }
    }

    /// tmpfs content is gone when the container stops.
    pub(crate) fn drop_tmpfs(&mut self, id: &str) {
        self.release_tmpfs_volumes(id);
        let Some(c) = self.containers.get_mut(id) else { return };
        let trees = std::mem::take(&mut c.tmpfs);
        c.mounts.retain(|m| m.kind != "tmpfs");
        for t in trees {
            self.forest.remove(t);
        }
    }
}

#[cfg(test)]
mod local_bind_tests {
    use super::*;

    #[test]
    fn bind_device_needs_type_none_and_bind_option() {
        let opts = |kv: &[(&str, &str)]| kv.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<IndexMap<_, _>>();
        assert_eq!(local_bind_device(&opts(&[("type", "none"), ("o", "bind"), ("device", "/srv/x/")])), Some("/srv/x".to_string()));
        assert_eq!(local_bind_device(&opts(&[("type", "none"), ("o", "ro,rbind"), ("device", "/srv")])), Some("/srv".to_string()));
        assert_eq!(local_bind_device(&opts(&[("type", "tmpfs"), ("o", "bind"), ("device", "/srv")])), None);
        assert_eq!(local_bind_device(&opts(&[("type", "none"), ("o", "size=1m"), ("device", "/srv")])), None);
        assert_eq!(local_bind_device(&opts(&[])), None);
    }
}
