//! HTTP as the simulated servers answer it: nginx serves files from its
//! container and proxies; httpd serves htdocs; application servers answer
//! from their sources; the outside world answers a few well-known hosts.

use baleine_vfs::{view_list, view_node, Content, Node};

use crate::model::*;
use crate::network::{Connect, Resolution};
use crate::world::World;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub reason: &'static str,
    pub content_type: String,
    pub body: String,
    pub server: String,
    pub location: Option<String>,
}

/// Why a request failed before any response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HttpError {
    /// Name did not resolve.
    Resolve(Resolution),
    Refused(u32),
    Unreachable(u32),
    /// The peer is not an HTTP server (e.g. postgres): empty reply.
    EmptyReply(u32),
}

/// Parsed URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    pub scheme: String,
    pub host: String,
    pub port: u16,
    pub path: String,
}

pub fn parse_url(s: &str) -> Option<Url> {
    let (scheme, rest) = match s.split_once("://") {
        Some((sc, r)) => (sc.to_ascii_lowercase(), r),
        None => ("http".to_string(), s),
    };
    let (hostport, path) = match rest.find('/') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, "/".to_string()),
    };
    let hostport = hostport.rsplit('@').next().unwrap_or(hostport);
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (h.to_string(), p.parse().ok()?),
        None => (hostport.to_string(), if scheme == "https" { 443 } else { 80 }),
    };
    if host.is_empty() {
        return None;
    }
    Some(Url { scheme, host, port, path })
}

fn ok(body: String, content_type: &str, server: &str) -> Response {
    Response { status: 200, reason: "OK", content_type: content_type.into(), body, server: server.into(), location: None }
}

fn not_found_nginx() -> Response {
    Response {
        status: 404,
        reason: "Not Found",
        content_type: "text/html".into(),
        body: "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n".into(),
        server: "nginx/1.27.3".into(),
        location: None,
    }
}

fn read_text(world: &World, view: &baleine_vfs::FsView, path: &str) -> Option<String> {
    match view_node(&world.forest, view, path).ok()? {
        Node::File(f) => match &f.content {
            Content::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            Content::Opaque { .. } => Some(String::new()),
        },
        _ => None,
    }
}

impl World {
    /// An HTTP GET from container `from` (None: the host) to `url`.
    pub fn http_get(&self, from: Option<&str>, url: &Url) -> Result<Response, HttpError> {
        self.http_get_depth(from, url, 0)
    }

    fn http_get_depth(&self, from: Option<&str>, url: &Url, depth: u32) -> Result<Response, HttpError> {
        let ip = match self.resolve_from(from, &url.host) {
            Resolution::Ip(ip) => ip,
            r => return Err(HttpError::Resolve(r)),
        };
        match self.connect(from, ip, url.port) {
            Connect::Refused => Err(HttpError::Refused(ip)),
            Connect::Unreachable => Err(HttpError::Unreachable(ip)),
            Connect::Open { program, container } => match container {
                None => Ok(outside_response(&url.host)),
                Some(cid) => self.serve(&cid, &program, url, depth).ok_or(HttpError::EmptyReply(ip)),
            },
        }
    }

    /// What server `program` in container `cid` answers.
    fn serve(&self, cid: &str, program: &str, url: &Url, depth: u32) -> Option<Response> {
        let c = self.containers.get(cid)?;
        let view = crate::containers::container_view(c);
        let path = url.path.split('?').next().unwrap_or("/").to_string();
        match program {
            "nginx" => {
                let conf = nginx_conf(self, &view);
                if let Some(target) = proxy_for(&conf, &path) {
                    if depth < 4 {
                        if let Some(mut u) = parse_url(&target) {
                            if u.path == "/" || u.path.is_empty() {
                                u.path = path.clone();
                            }
                            return match self.http_get_depth(Some(cid), &u, depth + 1) {
                                Ok(r) => Some(r),
                                Err(_) => Some(Response {
                                    status: 502,
                                    reason: "Bad Gateway",
                                    content_type: "text/html".into(),
                                    body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n".into(),
                                    server: "nginx/1.27.3".into(),
                                    location: None,
                                }),
                            };
                        }
                    }
                }
                let root = root_for(&conf).unwrap_or_else(|| "/usr/share/nginx/html".into());
                Some(static_file(self, &view, &root, &path, "nginx/1.27.3").unwrap_or_else(not_found_nginx))
            }
            "httpd" => Some(static_file(self, &view, "/usr/local/apache2/htdocs", &path, "Apache/2.4.62 (Unix)").unwrap_or(Response {
                status: 404,
                reason: "Not Found",
                content_type: "text/html".into(),
                body: format!("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL {path} was not found on this server.</p>\n</body></html>\n"),
                server: "Apache/2.4.62 (Unix)".into(),
                location: None,
            })),
            "grafana" => Some(Response { status: 302, reason: "Found", content_type: "text/html; charset=utf-8".into(), body: "<a href=\"/login\">Found</a>.\n\n".into(), server: String::new(), location: Some("/login".into()) }),
            "prometheus" => {
                if path.starts_with("/-/healthy") {
                    Some(ok("Prometheus Server is Healthy.\n".into(), "text/plain; charset=utf-8", ""))
                } else if path.starts_with("/metrics") {
                    Some(ok("# HELP up 1 if the target is up\n# TYPE up gauge\nprometheus_build_info{version=\"2.55.1\"} 1\n".into(), "text/plain; version=0.0.4", ""))
                } else {
                    Some(Response { status: 302, reason: "Found", content_type: "text/html; charset=utf-8".into(), body: "<a href=\"/query\">Found</a>.\n\n".into(), server: String::new(), location: Some("/query".into()) })
                }
            }
            "node-exporter" => Some(ok("# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.\n# TYPE node_cpu_seconds_total counter\nnode_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 12345.67\n".into(), "text/plain; version=0.0.4", "")),
            "elasticsearch" => Some(ok(format!("{{\n  \"name\" : \"{}\",\n  \"cluster_name\" : \"docker-cluster\",\n  \"version\" : {{\n    \"number\" : \"8.11.0\"\n  }},\n  \"tagline\" : \"You Know, for Search\"\n}}\n", c.hostname), "application/json", "")),
            "kibana" => Some(Response { status: 302, reason: "Found", content_type: "text/html".into(), body: String::new(), server: String::new(), location: Some("/app/home".into()) }),
            "registry" => Some(ok("{}".into(), "application/json; charset=utf-8", "")),
            "go-binary" => match c.process.as_ref().and_then(|p| p.body.clone()).filter(|b| !b.is_empty()) {
                Some(b) => Some(ok(b, "text/plain; charset=utf-8", "")),
                None => Some(app_response(self, &view, c, &path)),
            },
            "app" | "node" | "python" | "server" => Some(app_response(self, &view, c, &path)),
            _ => None,
        }
    }
}

fn nginx_conf(world: &World, view: &baleine_vfs::FsView) -> String {
    let mut conf = read_text(world, view, "/etc/nginx/nginx.conf").unwrap_or_default();
    if let Ok(names) = view_list(&world.forest, view, "/etc/nginx/conf.d") {
        for n in names {
            if n.ends_with(".conf") {
                conf.push('\n');
                conf.push_str(&read_text(world, view, &format!("/etc/nginx/conf.d/{n}")).unwrap_or_default());
            }
        }
    }
    conf
}

/// The proxy_pass target of the longest `location` prefix matching `path`.
fn proxy_for(conf: &str, path: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    let mut current_loc: Option<String> = None;
    let mut upstreams: Vec<(String, String)> = Vec::new();
    let mut in_upstream: Option<String> = None;
    for raw in conf.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if let Some(rest) = line.strip_prefix("upstream ") {
            in_upstream = Some(rest.trim_end_matches('{').trim().to_string());
            continue;
        }
        if let Some(up) = &in_upstream {
            if let Some(rest) = line.strip_prefix("server ") {
                upstreams.push((up.clone(), rest.trim_end_matches(';').split_whitespace().next().unwrap_or("").to_string()));
            }
            if line.starts_with('}') {
                in_upstream = None;
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("location ") {
            let loc = rest.trim_end_matches('{').trim().trim_start_matches("= ").trim_start_matches("^~ ").to_string();
            current_loc = Some(loc);
        } else if let Some(rest) = line.strip_prefix("proxy_pass ") {
            let target = rest.trim_end_matches(';').trim().to_string();
            let loc = current_loc.clone().unwrap_or_else(|| "/".into());
            if path.starts_with(&loc) && best.as_ref().is_none_or(|(l, _)| loc.len() > *l) {
                best = Some((loc.len(), target));
            }
        } else if line.starts_with('}') {
            current_loc = None;
        }
    }
    let (_, mut target) = best?;
    // Resolve upstream names.
    if let Some(u) = parse_url(&target) {
        if let Some((_, server)) = upstreams.iter().find(|(n, _)| *n == u.host) {
            target = format!("{}://{}{}", u.scheme, server, if u.path == "/" { "" } else { &u.path });
        }
    }
    Some(target)
}

fn root_for(conf: &str) -> Option<String> {
    conf.lines().map(|l| l.trim()).find_map(|l| l.strip_prefix("root ").map(|r| r.trim_end_matches(';').trim().to_string()))
}

fn static_file(world: &World, view: &baleine_vfs::FsView, root: &str, path: &str, server: &str) -> Option<Response> {
    let mut p = baleine_vfs::normalize(root, path.trim_start_matches('/'));
    if let Ok(Node::Dir(_)) = view_node(&world.forest, view, &p) {
        p = baleine_vfs::join(&p, "index.html");
    }
    let body = read_text(world, view, &p)?;
    let ct = if p.ends_with(".html") || p.ends_with(".htm") {
        "text/html"
    } else if p.ends_with(".css") {
        "text/css"
    } else if p.ends_with(".js") {
        "application/javascript"
    } else if p.ends_with(".json") {
        "application/json"
    } else {
        "text/plain"
    };
    Some(ok(body, ct, server))
}

/// An application server's answer: taken from its source when a literal
/// response can be found there, else a small JSON greeting.
fn app_response(world: &World, view: &baleine_vfs::FsView, c: &Container, path: &str) -> Response {
    if path.contains("health") {
        return ok("{\"status\":\"ok\"}".into(), "application/json; charset=utf-8", "");
    }
    let mut candidates: Vec<String> = c.cmd.iter().chain(c.entrypoint.iter()).filter(|a| a.ends_with(".js") || a.ends_with(".py") || a.ends_with(".mjs")).map(|a| baleine_vfs::normalize(&c.workdir, a)).collect();
    for f in ["server.js", "index.js", "app.js", "dist/server.js", "dist/index.js", "app.py", "main.py", "main.go"] {
        candidates.push(baleine_vfs::join(&c.workdir, f));
    }
    let inline = c.cmd.iter().chain(c.entrypoint.iter()).filter(|a| a.contains("listen(")).cloned().collect::<Vec<_>>().join("\n");
    if let Some(lit) = response_literal(&inline) {
        return ok(lit, "text/html; charset=utf-8", "");
    }
    for f in candidates {
        if let Some(src) = read_text(world, view, &f) {
            if let Some(lit) = response_literal(&src) {
                let ct = if lit.trim_start().starts_with('{') { "application/json; charset=utf-8" } else { "text/html; charset=utf-8" };
                return ok(lit, ct, "");
            }
        }
    }
    ok(format!("{{\"message\":\"Hello from {}\"}}", c.name), "application/json; charset=utf-8", "")
}

/// The first string literal passed to res.send/res.end/res.json/return/write.
pub fn response_literal(src: &str) -> Option<String> {
    for key in [".send(", ".end(", ".json(", ".write(", "return \"", "return '", "w.Write([]byte(", "fmt.Fprintf(w, ", "fmt.Fprint(w, "] {
        if let Some(i) = src.find(key) {
            let rest = &src[i + key.len()..];
            let rest = if key.starts_with("return") { &src[i + key.len() - 1..] } else { rest };
            let rest = rest.trim_start();
            let q = rest.chars().next()?;
            if q == '"' || q == '\'' || q == '`' {
                let body = &rest[1..];
                if let Some(end) = body.find(q) {
                    return Some(body[..end].replace("\\n", "\n"));
                }
            }
            if q == '{' && key == ".json(" {
                let end = rest.find('}')?;
                return Some(js_object_to_json(&rest[..=end]));
            }
        }
    }
    None
}

fn outside_response(host: &str) -> Response {
    let body = match host {
        "example.com" | "www.example.com" => "<!doctype html>\n<html>\n<head>\n    <title>Example Domain</title>\n</head>\n<body>\n<div>\n    <h1>Example Domain</h1>\n    <p>This domain is for use in illustrative examples in documents.</p>\n</div>\n</body>\n</html>\n".to_string(),
        _ => format!("<!doctype html><html><head><title>{host}</title></head><body>{host} (simulated internet)</body></html>\n"),
    };
    ok(body, "text/html; charset=UTF-8", "ECS")
}

/// `{ message: 'API backend', n: 1 }` (a JS object literal) as JSON text,
/// the way `res.json()` sends it: `{"message":"API backend","n":1}`.
pub fn js_object_to_json(src: &str) -> String {
    let inner = src.trim().trim_start_matches('{').trim_end_matches('}');
    let mut parts = Vec::new();
    for pair in inner.split(',') {
        let Some((k, v)) = pair.split_once(':') else { continue };
        let k = k.trim().trim_matches(|c| c == '"' || c == '\'');
        let v = v.trim();
        let v = if (v.starts_with('\'') && v.ends_with('\'')) || (v.starts_with('"') && v.ends_with('"')) {
            format!("\"{}\"", &v[1..v.len().saturating_sub(1).max(1)])
        } else if v.parse::<f64>().is_ok() || matches!(v, "true" | "false" | "null") {
            v.to_string()
        } else {
            format!("\"{v}\"")
        };
        parts.push(format!("\"{k}\":{v}"));
    }
    format!("{{{}}}", parts.join(","))
}
