//! Short-syntax parsers: service volumes (compose-go `format.ParseVolume`) and
//! ports (`types.ParsePortConfig`, i.e. docker/go-connections `nat.ParsePortSpecs`).

use crate::value::{Map, Value};

/// A parsed short volume spec.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VolumeSpec {
    pub kind: String,
    pub source: String,
    pub target: String,
    pub read_only: bool,
    pub nocopy: bool,
    pub propagation: String,
    pub selinux: String,
    /// `bind:` present (bind mounts from short syntax get `create_host_path: true`).
    pub has_bind: bool,
    pub create_host_path: bool,
    /// `volume:` present.
    pub has_volume: bool,
}

impl VolumeSpec {
    /// The long form, as compose-go's `encode(volume)` produces it.
    pub fn to_map(&self) -> Map {
        let mut m = Map::new();
        m.insert("type".into(), Value::Str(self.kind.clone()));
        if !self.source.is_empty() {
            m.insert("source".into(), Value::Str(self.source.clone()));
        }
        if !self.target.is_empty() {
            m.insert("target".into(), Value::Str(self.target.clone()));
        }
        if self.read_only {
            m.insert("read_only".into(), Value::Bool(true));
        }
        if self.has_bind {
            let mut b = Map::new();
            if !self.selinux.is_empty() {
                b.insert("selinux".into(), Value::Str(self.selinux.clone()));
            }
            if !self.propagation.is_empty() {
                b.insert("propagation".into(), Value::Str(self.propagation.clone()));
            }
            if self.create_host_path {
                b.insert("create_host_path".into(), Value::Bool(true));
            }
            m.insert("bind".into(), Value::Map(b));
        }
        if self.has_volume {
            let mut v = Map::new();
            if self.nocopy {
                v.insert("nocopy".into(), Value::Bool(true));
            }
            m.insert("volume".into(), Value::Map(v));
        }
        m
    }
}

fn is_windows_drive(buffer: &[char], c: char) -> bool {
    c == ':' && buffer.len() == 1 && buffer[0].is_alphabetic()
}

const PROPAGATIONS: [&str; 6] = [
    "rprivate", "private", "rshared", "shared", "rslave", "slave",
];

/// Parses `./config:/app/config:ro`, `db-data:/var/lib/db`, `/tmp`.
pub fn parse_volume(spec: &str) -> Result<VolumeSpec, String> {
    let mut v = VolumeSpec::default();
    match spec.len() {
        0 => return Err("invalid empty volume spec".into()),
        1 | 2 => {
            v.target = spec.to_string();
            v.kind = "volume".into();
            return Ok(v);
        }
        _ => {}
    }
    let mut buffer: Vec<char> = Vec::new();
    let chars: Vec<char> = spec.chars().chain(std::iter::once('\0')).collect();
    for c in chars {
        if is_windows_drive(&buffer, c) {
            buffer.push(c);
        } else if c == ':' || c == '\0' {
            if let Err(e) = populate_field(c, &buffer, &mut v) {
                populate_type(&mut v);
                return Err(format!("invalid spec: {}: {}", spec, e));
            }
            buffer.clear();
        } else {
            buffer.push(c);
        }
    }
    populate_type(&mut v);
    Ok(v)
}

fn populate_field(c: char, buffer: &[char], v: &mut VolumeSpec) -> Result<(), String> {
    let s: String = buffer.iter().collect();
    if buffer.is_empty() {
        return Err("empty section between colons".into());
    }
    if v.source.is_empty() && c == '\0' {
        v.target = s;
        return Ok(());
    }
    if v.source.is_empty() {
        v.source = s;
        return Ok(());
    }
    if v.target.is_empty() {
        v.target = s;
        return Ok(());
    }
    if c == ':' {
        return Err("too many colons".into());
    }
    for option in s.split(',') {
        match option {
            "ro" => v.read_only = true,
            "rw" => v.read_only = false,
            "nocopy" => {
                v.has_volume = true;
                v.nocopy = true;
            }
            o if PROPAGATIONS.contains(&o) => {
                v.has_bind = true;
                v.propagation = o.to_string();
            }
            "z" | "Z" => {
                v.has_bind = true;
                v.selinux = option.to_string();
            }
            _ => {}
        }
    }
    Ok(())
}

fn populate_type(v: &mut VolumeSpec) {
    if is_file_path(&v.source) {
        v.kind = "bind".into();
        v.has_bind = true;
        v.create_host_path = true;
    } else {
        v.kind = "volume".into();
        v.has_volume = true;
    }
}

fn is_file_path(source: &str) -> bool {
    let Some(first) = source.chars().next() else {
        return false;
    };
    if matches!(first, '.' | '/' | '~') {
        return true;
    }
    if source.starts_with("\\\\") {
        return true;
    }
    let mut it = source.chars();
    let f = it.next();
    match (f, it.next()) {
        (Some(f), Some(second)) => is_windows_drive(&[f], second),
        _ => false,
    }
}

/// One port mapping from the short syntax.
#[derive(Debug, Clone, PartialEq)]
pub struct PortSpec {
    pub host_ip: String,
    pub target: u32,
    pub published: String,
    pub protocol: String,
}

impl PortSpec {
    pub fn to_map(&self) -> Map {
        let mut m = Map::new();
        m.insert("mode".into(), Value::Str("ingress".into()));
        if !self.host_ip.is_empty() {
            m.insert("host_ip".into(), Value::Str(self.host_ip.clone()));
        }
        m.insert("target".into(), Value::Int(self.target as i64));
        if !self.published.is_empty() {
            m.insert("published".into(), Value::Str(self.published.clone()));
        }
        m.insert("protocol".into(), Value::Str(self.protocol.clone()));
        m
    }
}

fn parse_port_range(s: &str) -> Result<(u64, u64), String> {
    if s.is_empty() {
        return Err("empty string specified for ports".into());
    }
    let parse = |p: &str| {
        p.parse::<u16>()
            .map(u64::from)
            .map_err(|_| format!("invalid port: {}", p))
    };
    match s.split_once('-') {
        None => {
            let p = parse(s)?;
            Ok((p, p))
        }
        Some((a, b)) => {
            let start = parse(a)?;
            let end = parse(b)?;
            if end < start {
                return Err(format!("invalid range specified for port: {}", s));
            }
            Ok((start, end))
        }
    }
}

fn is_valid_ip(ip: &str) -> bool {
    ip.parse::<std::net::IpAddr>().is_ok()
}

/// `nat.ParsePortSpecs` on a single spec, then sorted like compose-go.
pub fn parse_ports(raw: &str) -> Result<Vec<PortSpec>, String> {
    let parts: Vec<&str> = raw.split(':').collect();
    let n = parts.len();
    let container = parts[n - 1];
    let (mut ip, host) = match n {
        1 => (String::new(), ""),
        2 => (String::new(), parts[0]),
        3 => (parts[0].to_string(), parts[1]),
        _ => (parts[..n - 2].join(":"), parts[n - 2]),
    };
    let (proto, container) = split_proto_port(container);
    if ip.starts_with('[') {
        match ip.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            Some(inner) => ip = inner.to_string(),
            None => return Err(format!("invalid IP address {}", ip)),
        }
    }
    if !ip.is_empty() && !is_valid_ip(&ip) {
        return Err(format!("invalid IP address: {}", ip));
    }
    if container.is_empty() {
        return Err(format!("no port specified: {}<empty>", raw));
    }
    let (start, end) = parse_port_range(&container)
        .map_err(|_| format!("invalid containerPort: {}", container))?;
    let (mut hstart, mut hend) = (0u64, 0u64);
    if !host.is_empty() {
        let (a, b) = parse_port_range(host).map_err(|_| format!("invalid hostPort: {}", host))?;
        hstart = a;
        hend = b;
    }
    if !host.is_empty() && (end - start) != (hend - hstart) && end != start {
        return Err(format!(
            "invalid ranges specified for container and host Ports: {} and {}",
            container, host
        ));
    }
    let proto = proto.to_lowercase();
    if !matches!(proto.as_str(), "tcp" | "udp" | "sctp") {
        return Err(format!("invalid proto: {}", proto));
    }
    let mut keyed: Vec<(String, PortSpec)> = Vec::new();
    for i in 0..=(end - start) {
        let cport = start + i;
        let mut hport = String::new();
        if !host.is_empty() {
            hport = (hstart + i).to_string();
            if start == end && hstart != hend {
                hport = format!("{}-{}", hport, hend);
            }
        }
        keyed.push((
            format!("{}/{}", cport, proto),
            PortSpec {
                host_ip: ip.clone(),
                target: cport as u32,
                published: hport,
                protocol: proto.clone(),
            },
        ));
    }
    // compose-go sorts the `port/proto` keys as strings
    baleine_util::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
    Ok(keyed.into_iter().map(|(_, p)| p).collect())
}

use baleine_util::nat::split_proto_port;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volumes() {
        let v = parse_volume("./config:/app/config:ro").unwrap();
        assert_eq!(
            (
                v.kind.as_str(),
                v.source.as_str(),
                v.target.as_str(),
                v.read_only
            ),
            ("bind", "./config", "/app/config", true)
        );
        assert!(v.create_host_path);
        let v = parse_volume("db-data:/var/lib/db").unwrap();
        assert_eq!((v.kind.as_str(), v.source.as_str()), ("volume", "db-data"));
        let v = parse_volume("/tmp").unwrap();
        assert_eq!(
            (v.kind.as_str(), v.source.as_str(), v.target.as_str()),
            ("volume", "", "/tmp")
        );
        assert_eq!(
            parse_volume("ab::c").unwrap_err(),
            "invalid spec: ab::c: empty section between colons"
        );
        assert_eq!(
            parse_volume("ab:cd:ro:x").unwrap_err(),
            "invalid spec: ab:cd:ro:x: too many colons"
        );
    }

    #[test]
    fn ports() {
        let p = parse_ports("8080:80").unwrap();
        assert_eq!(
            p,
            vec![PortSpec {
                host_ip: "".into(),
                target: 80,
                published: "8080".into(),
                protocol: "tcp".into()
            }]
        );
        let p = parse_ports("127.0.0.1:8080:80").unwrap();
        assert_eq!(p[0].host_ip, "127.0.0.1");
        let p = parse_ports("80").unwrap();
        assert_eq!(p[0].published, "");
        let p = parse_ports("53:53/udp").unwrap();
        assert_eq!(p[0].protocol, "udp");
        let p = parse_ports("8000-8005:8000-8005").unwrap();
        assert_eq!(p.len(), 6);
        assert_eq!(p[5].published, "8005");
        let p = parse_ports("8080-8081:80").unwrap();
        assert_eq!(p[0].published, "8080-8081");
        assert_eq!(
            parse_ports("abc").unwrap_err(),
            "invalid containerPort: abc"
        );
        assert!(parse_ports("8000-8001:80-82").is_err());
        assert_eq!(parse_ports("[::1]:80:80").unwrap()[0].host_ip, "::1");
    }
}
