//! Lesson files (TOML) → [`Lesson`], with every problem reported by file and
//! line. Never panics: any text gives a value (or none) and diagnostics.
//!
//! The TOML is first read into toml's spanned document tree, then checked
//! against the lesson schema by hand, so that each message names the key,
//! what was expected and the line it is on.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::model::*;

/// Every check kind, for messages and documentation.
pub const CHECK_KINDS: &[&str] = &[
    "image_exists",
    "image_smaller_than",
    "file_in_image",
    "dockerignore_respected",
    "last_build",
    "container_exists",
    "container_running",
    "container_state",
    "container_exit_code",
    "container_health",
    "container_user",
    "restart_policy",
    "restart_count",
    "memory_limit",
    "cpu_limit",
    "env",
    "log_config",
    "logs_contain",
    "file_in_container",
    "mount",
    "network_exists",
    "same_network",
    "resolves",
    "reaches",
    "http",
    "volume_exists",
    "volume_contains",
    "volume_survives",
    "compose_service",
    "compose_started_after_healthy",
    "host_file",
    "event",
];

const CONTAINER_STATES: &[&str] = &["created", "running", "paused", "restarting", "removing", "exited", "dead"];
const HEALTH_STATES: &[&str] = &["starting", "healthy", "unhealthy"];
const RESTART_POLICIES: &[&str] = &["no", "always", "unless-stopped", "on-failure"];
const MOUNT_KINDS: &[&str] = &["volume", "bind", "tmpfs"];
const EVENT_OBJECTS: &[&str] = &["container", "image", "network", "volume", "builder"];
/// Larger files are refused (a lesson is small; this keeps the browser safe).
pub const MAX_LESSON_BYTES: usize = 512 * 1024;
const MAX_ERRORS: usize = 50;

/// Parses and validates one lesson file. `file` is only used in messages.
/// Returns the lesson when there is no error.
pub fn parse_lesson(text: &str, file: &str) -> (Option<Lesson>, Vec<LessonError>) {
    let mut p = Parser { file: file.to_string(), lines: line_starts(text), errors: Vec::new() };
    if text.len() > MAX_LESSON_BYTES {
        p.err(0..0, format!("the file is too large ({} bytes; a lesson file may have at most {} bytes)", text.len(), MAX_LESSON_BYTES));
        return (None, p.errors);
    }
    let (doc, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        for e in syntax.iter().take(10) {
            let span = e.span().unwrap_or(0..0);
            p.err(span, format!("TOML syntax error: {}", e.message().trim_end()));
        }
        return (None, p.errors);
    }
    let lesson = p.lesson(doc.get_ref(), doc.span());
    if let Some(l) = &lesson {
        p.references(l);
    }
    p.errors.truncate(MAX_ERRORS);
    if p.errors.is_empty() {
        (lesson, p.errors)
    } else {
        (None, p.errors)
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut v = vec![0];
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            v.push(i + 1);
        }
    }
    v
}

struct Parser {
    file: String,
    lines: Vec<usize>,
    errors: Vec<LessonError>,
}

type Val<'i> = Spanned<DeValue<'i>>;

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn get<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<&'a Val<'i>> {
    t.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
}

fn int_of(v: &DeValue<'_>) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    }
}

fn float_of(v: &DeValue<'_>) -> Option<f64> {
    match v {
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok().filter(|x| x.is_finite()),
        DeValue::Integer(_) => int_of(v).map(|i| i as f64),
        _ => None,
    }
}

/// Closest known word, for "did you mean".
fn suggest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    fn dist(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        if a.len() > 64 || b.len() > 64 {
            return usize::MAX;
        }
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
                cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            }
            prev = cur;
        }
        prev[b.len()]
    }
    known.iter().map(|k| (dist(word, k), *k)).filter(|(d, k)| *d <= 2.max(k.len() / 4)).min_by_key(|(d, _)| *d).map(|(_, k)| k)
}

fn one_of(list: &[&str]) -> String {
    list.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
}

/// Reads the keys of one table, remembering which are known.
struct Obj<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Range<usize>,
    what: String,
    known: Vec<&'static str>,
}

impl Parser {
    fn line(&self, offset: usize) -> usize {
        match self.lines.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i.max(1),
        }
    }

    fn err(&mut self, span: Range<usize>, message: String) {
        if self.errors.len() < MAX_ERRORS {
            let line = self.line(span.start);
            self.errors.push(LessonError { file: self.file.clone(), line, message });
        }
    }

    fn obj<'a, 'i>(&mut self, v: &'a Val<'i>, what: &str) -> Option<Obj<'a, 'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(Obj { table: t, span: v.span(), what: what.to_string(), known: Vec::new() }),
            other => {
                self.err(v.span(), format!("{what} must be a table, found {}", type_name(other)));
                None
            }
        }
    }

    // ---- typed readers -------------------------------------------------

    fn raw<'a, 'i>(&mut self, o: &mut Obj<'a, 'i>, key: &'static str) -> Option<&'a Val<'i>> {
        o.known.push(key);
        get(o.table, key)
    }

    fn missing(&mut self, o: &Obj<'_, '_>, key: &str, ty: &str) {
        self.err(o.span.clone(), format!("{}: missing \"{key}\" ({ty})", o.what));
    }

    fn wrong(&mut self, o: &Obj<'_, '_>, key: &str, ty: &str, v: &Val<'_>) {
        self.err(v.span(), format!("{}: \"{key}\" must be {ty}, found {}", o.what, type_name(v.get_ref())));
    }

    fn opt_str(&mut self, o: &mut Obj<'_, '_>, key: &'static str) -> Option<String> {
        let v = self.raw(o, key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong(o, key, "a string", v);
                None
            }
        }
    }

    fn req_str(&mut self, o: &mut Obj<'_, '_>, key: &'static str) -> String {
        if get(o.table, key).is_none() {
            o.known.push(key);
            self.missing(o, key, "a string");
            return String::new();
        }
        let s = self.opt_str(o, key).unwrap_or_default();
        if s.trim().is_empty() && get(o.table, key).is_some_and(|v| v.get_ref().as_str().is_some()) {
            let span = get(o.table, key).map(|v| v.span()).unwrap_or(o.span.clone());
            self.err(span, format!("{}: \"{key}\" must not be empty", o.what));
        }
        s
    }

    /// A required string that must be one of `allowed`.
    fn enum_str(&mut self, o: &mut Obj<'_, '_>, key: &'static str, allowed: &[&str], required: bool) -> Option<String> {
        let present = get(o.table, key).is_some();
        if !present {
            o.known.push(key);
            if required {
                self.missing(o, key, &format!("one of {}", one_of(allowed)));
            }
            return None;
        }
        let s = self.opt_str(o, key)?;
        if !allowed.contains(&s.as_str()) {
            let span = get(o.table, key).map(|v| v.span()).unwrap_or(o.span.clone());
            self.err(span, format!("{}: \"{key}\" is \"{s}\", expected one of {}", o.what, one_of(allowed)));
            return None;
        }
        Some(s)
    }

    fn opt_bool(&mut self, o: &mut Obj<'_, '_>, key: &'static str) -> Option<bool> {
        let v = self.raw(o, key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong(o, key, "true or false", v);
                None
            }
        }
    }

    fn opt_int(&mut self, o: &mut Obj<'_, '_>, key: &'static str, min: i64, max: i64) -> Option<i64> {
        let v = self.raw(o, key)?;
        match int_of(v.get_ref()) {
            Some(i) if i >= min && i <= max => Some(i),
            Some(i) => {
                self.err(v.span(), format!("{}: \"{key}\" is {i}, expected a number from {min} to {max}", o.what));
                None
            }
            None => {
                self.wrong(o, key, "an integer", v);
                None
            }
        }
    }

    fn req_int(&mut self, o: &mut Obj<'_, '_>, key: &'static str, min: i64, max: i64) -> i64 {
        if get(o.table, key).is_none() {
            o.known.push(key);
            self.missing(o, key, "an integer");
            return 0;
        }
        self.opt_int(o, key, min, max).unwrap_or(0)
    }

    fn opt_float(&mut self, o: &mut Obj<'_, '_>, key: &'static str) -> Option<f64> {
        let v = self.raw(o, key)?;
        match float_of(v.get_ref()) {
            Some(f) if f >= 0.0 => Some(f),
            Some(_) => {
                self.err(v.span(), format!("{}: \"{key}\" must not be negative", o.what));
                None
            }
            None => {
                self.wrong(o, key, "a number", v);
                None
            }
        }
    }

    /// Bytes: an integer, or a string with a unit ("512m", "1g", "256MB").
    fn req_size(&mut self, o: &mut Obj<'_, '_>, key: &'static str) -> u64 {
        let Some(v) = self.raw(o, key) else {
            self.missing(o, key, "bytes, or a size such as \"512m\"");
            return 0;
        };
        let parsed = match v.get_ref() {
            DeValue::Integer(_) => int_of(v.get_ref()).and_then(|i| u64::try_from(i).ok()),
            DeValue::String(s) => parse_size(s),
            _ => None,
        };
        match parsed {
            Some(n) => n,
            None => {
                self.err(v.span(), format!("{}: \"{key}\" must be a number of bytes or a size such as \"512m\", \"1g\"", o.what));
                0
            }
        }
    }

    fn text(&mut self, o: &mut Obj<'_, '_>, key: &'static str, required: bool) -> Option<Text> {
        let Some(v) = self.raw(o, key) else {
            if required {
                self.missing(o, key, "a table with \"fr\" and \"en\" texts");
            }
            return None;
        };
        let what = format!("{} \"{key}\"", o.what);
        self.text_value(v, &what)
    }

    fn text_value(&mut self, v: &Val<'_>, what: &str) -> Option<Text> {
        let mut t = self.obj(v, what)?;
        let fr = self.req_str(&mut t, "fr");
        let en = self.req_str(&mut t, "en");
        self.finish(&t);
        Some(Text { fr, en })
    }

    fn array<'a, 'i>(&mut self, o: &mut Obj<'a, 'i>, key: &'static str) -> &'a [Val<'i>] {
        let Some(v) = self.raw(o, key) else { return &[] };
        match v.get_ref() {
            DeValue::Array(a) => a,
            _ => {
                self.wrong(o, key, "an array", v);
                &[]
            }
        }
    }

    fn str_map(&mut self, o: &mut Obj<'_, '_>, key: &'static str) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let Some(v) = self.raw(o, key) else { return out };
        let what = format!("{} \"{key}\"", o.what);
        let Some(t) = self.obj(v, &what) else { return out };
        for (k, val) in t.table.iter() {
            match val.get_ref() {
                DeValue::String(s) => {
                    out.insert(k.get_ref().to_string(), s.to_string());
                }
                other => self.err(val.span(), format!("{what}: \"{}\" must be a string, found {}", k.get_ref(), type_name(other))),
            }
        }
        out
    }

    /// Reports keys that no reader asked for.
    fn finish(&mut self, o: &Obj<'_, '_>) {
        for (k, _) in o.table.iter() {
            let name = k.get_ref().as_ref();
            if !o.known.contains(&name) {
                let hint = match suggest(name, &o.known) {
                    Some(s) => format!(" (did you mean \"{s}\"?)"),
                    None => format!("; known keys: {}", o.known.join(", ")),
                };
                self.err(k.span(), format!("{}: unknown key \"{name}\"{hint}", o.what));
            }
        }
    }

    // ---- the lesson ----------------------------------------------------

    fn lesson(&mut self, doc: &DeTable<'_>, span: Range<usize>) -> Option<Lesson> {
        let mut o = Obj { table: doc, span: span.start..span.start, what: "lesson".into(), known: Vec::new() };
        let id = self.req_str(&mut o, "id");
        if !id.is_empty() && !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            let s = get(doc, "id").map(|v| v.span()).unwrap_or(0..0);
            self.err(s, format!("lesson: \"id\" is \"{id}\"; use lowercase letters, digits and '-' only"));
        }
        let kind = match self.enum_str(&mut o, "kind", &["lesson", "exercise", "troubleshooting"], false).as_deref() {
            Some("exercise") => LessonKind::Exercise,
            Some("troubleshooting") => LessonKind::Troubleshooting,
            _ => LessonKind::Lesson,
        };
        let chapter = self.opt_str(&mut o, "chapter").unwrap_or_default();
        let order = self.opt_int(&mut o, "order", -1_000_000, 1_000_000).unwrap_or(0);
        let title = self.text(&mut o, "title", true).unwrap_or_default();
        let intro = self.text(&mut o, "intro", true).unwrap_or_default();
        let setup = match self.raw(&mut o, "setup") {
            Some(v) => self.setup(v),
            None => Setup::default(),
        };
        let steps_v = self.array(&mut o, "steps");
        if steps_v.is_empty() && get(doc, "steps").is_none() {
            self.missing(&o, "steps", "at least one [[steps]] table");
        }
        let mut steps = Vec::new();
        for (i, v) in steps_v.iter().enumerate() {
            if let Some(s) = self.step(v, i) {
                steps.push(s);
            }
        }
        self.finish(&o);
        // Step ids are unique.
        for (i, s) in steps.iter().enumerate() {
            if steps[..i].iter().any(|p| p.id == s.id) {
                self.err(self.offset_of_line(s.line), format!("step \"{}\": another step has the same id", s.id));
            }
        }
        Some(Lesson { id, file: self.file.clone(), kind, chapter, order, title, intro, setup, steps })
    }

    fn offset_of_line(&self, line: usize) -> Range<usize> {
        let o = self.lines.get(line.saturating_sub(1)).copied().unwrap_or(0);
        o..o
    }

    fn setup(&mut self, v: &Val<'_>) -> Setup {
        let Some(mut o) = self.obj(v, "setup") else { return Setup::default() };
        let mut files = Vec::new();
        for (i, f) in self.array(&mut o, "files").iter().enumerate() {
            let what = format!("setup file #{}", i + 1);
            let Some(mut fo) = self.obj(f, &what) else { continue };
            let path = self.req_str(&mut fo, "path");
            let content = self.req_content(&mut fo);
            self.finish(&fo);
            if path.contains("..") {
                self.err(f.span(), format!("{what}: \"path\" must not contain \"..\""));
            }
            files.push(SetupFile { path, content, line: self.line(f.span().start) });
        }
        let commands = self.actions(&mut o, "commands", "setup");
        self.finish(&o);
        Setup { files, commands }
    }

    /// A file's required `content`: a string, which may be empty (unlike
    /// `req_str`).
    fn req_content(&mut self, fo: &mut Obj<'_, '_>) -> String {
        if get(fo.table, "content").is_some() {
            return self.opt_str(fo, "content").unwrap_or_default();
        }
        fo.known.push("content");
        self.missing(fo, "content", "a string");
        String::new()
    }

    fn actions(&mut self, o: &mut Obj<'_, '_>, key: &'static str, what: &str) -> Vec<Action> {
        let mut out = Vec::new();
        for v in self.array(o, key) {
            let line = self.line(v.span().start);
            match v.get_ref() {
                DeValue::String(s) => {
                    if s.trim().is_empty() {
                        self.err(v.span(), format!("{what}: an empty command in \"{key}\""));
                    }
                    out.push(Action::Run { text: s.to_string(), line });
                }
                DeValue::Table(_) => {
                    let w = format!("{what}: \"{key}\" entry");
                    let Some(mut fo) = self.obj(v, &w) else { continue };
                    let path = self.req_str(&mut fo, "file");
                    let content = self.req_content(&mut fo);
                    self.finish(&fo);
                    out.push(Action::WriteFile { path, content, line });
                }
                other => self.err(v.span(), format!("{what}: each \"{key}\" entry is a command (a string) or a file to save ({{ file = \"...\", content = \"...\" }}), found {}", type_name(other))),
            }
        }
        out
    }

    fn step(&mut self, v: &Val<'_>, index: usize) -> Option<Step> {
        let mut o = self.obj(v, &format!("step #{}", index + 1))?;
        let id = match get(o.table, "id").and_then(|v| v.get_ref().as_str()) {
            Some(s) if !s.is_empty() => s.to_string(),
            _ => format!("{}", index + 1),
        };
        o.what = format!("step \"{id}\"");
        if get(o.table, "id").is_some() {
            let _ = self.req_str(&mut o, "id");
        } else {
            o.known.push("id");
        }
        let objective = self.text(&mut o, "objective", true).unwrap_or_default();
        let mut hints = Vec::new();
        let what = format!("{} hint", o.what);
        for h in self.array(&mut o, "hints") {
            if let Some(t) = self.text_value(h, &what) {
                hints.push(t);
            }
        }
        let explanation = self.text(&mut o, "explanation", false);
        let what = o.what.clone();
        let solution = self.actions(&mut o, "solution", &what);
        if solution.is_empty() && get(o.table, "solution").is_none() {
            self.missing(&o, "solution", "an array of commands");
        }
        let precondition_may_pass = self.opt_bool(&mut o, "precondition_may_pass").unwrap_or(false);
        let checks_v = self.array(&mut o, "checks");
        if checks_v.is_empty() {
            self.err(o.span.clone(), format!("{}: a step needs at least one check ([[steps.checks]])", o.what));
        }
        let mut checks = Vec::new();
        for c in checks_v {
            if let Some(c) = self.step_check(c, &o.what.clone()) {
                checks.push(c);
            }
        }
        self.finish(&o);
        Some(Step { id, line: self.line(v.span().start), objective, hints, explanation, solution, checks, precondition_may_pass })
    }

    fn step_check(&mut self, v: &Val<'_>, step: &str) -> Option<StepCheck> {
        let mut o = self.obj(v, &format!("{step}: check"))?;
        let line = self.line(v.span().start);
        let kind_v = self.raw(&mut o, "kind");
        let kind = match kind_v.map(|k| (k, k.get_ref())) {
            Some((_, DeValue::String(s))) => s.to_string(),
            Some((k, other)) => {
                self.err(k.span(), format!("{step}: check \"kind\" must be a string, found {}", type_name(other)));
                return None;
            }
            None => {
                self.err(o.span.clone(), format!("{step}: check without \"kind\" (one of: {})", CHECK_KINDS.join(", ")));
                return None;
            }
        };
        if !CHECK_KINDS.contains(&kind.as_str()) {
            let hint = match suggest(&kind, CHECK_KINDS) {
                Some(s) => format!(" (did you mean \"{s}\"?)"),
                None => format!("; known kinds: {}", CHECK_KINDS.join(", ")),
            };
            let span = kind_v.map(|k| k.span()).unwrap_or(o.span.clone());
            self.err(span, format!("{step}: unknown check kind \"{kind}\"{hint}"));
            return None;
        }
        o.what = format!("{step}: check \"{kind}\"");
        let not = self.opt_bool(&mut o, "not").unwrap_or(false);
        let may_pass_before = self.opt_bool(&mut o, "may_pass_before").unwrap_or(false);
        let label = self.text(&mut o, "label", false);
        let n0 = self.errors.len();
        let check = self.check_body(&mut o, &kind);
        self.finish(&o);
        if self.errors.len() > n0 {
            return None;
        }
        Some(StepCheck { line, not, may_pass_before, label, check })
    }

    fn check_body(&mut self, o: &mut Obj<'_, '_>, kind: &str) -> Check {
        match kind {
            "image_exists" => Check::ImageExists {
                name: self.req_str(o, "name"),
                max_size_mb: self.opt_float(o, "max_size_mb"),
                min_size_mb: self.opt_float(o, "min_size_mb"),
                max_layers: self.opt_int(o, "max_layers", 0, 10_000).map(|i| i as u32),
                min_stages: self.opt_int(o, "min_stages", 1, 1000).map(|i| i as u32),
                non_root_user: self.opt_bool(o, "non_root_user"),
                user: self.opt_str(o, "user"),
            },
            "image_smaller_than" => {
                let image = self.req_str(o, "image");
                let other = self.req_str(o, "other");
                let factor = self.opt_float(o, "factor").unwrap_or(1.0);
                if factor < 1.0 {
                    self.err(o.span.clone(), format!("{}: \"factor\" must be at least 1 (how many times smaller)", o.what));
                }
                Check::ImageSmallerThan { image, other, factor }
            }
            "file_in_image" => {
                Check::FileInImage { image: self.req_str(o, "image"), path: self.abs_path(o, "path"), contains: self.opt_str(o, "contains"), absent: self.opt_bool(o, "absent").unwrap_or(false) }
            }
            "dockerignore_respected" => Check::DockerignoreRespected { image: self.req_str(o, "image"), context: self.opt_str(o, "context").unwrap_or_else(|| ".".into()) },
            "last_build" => Check::LastBuild {
                image: self.opt_str(o, "image"),
                ok: self.opt_bool(o, "ok").unwrap_or(true),
                cache_hit_step_contains: self.opt_str(o, "cache_hit_step_contains"),
                cache_miss_step_contains: self.opt_str(o, "cache_miss_step_contains"),
                min_stages: self.opt_int(o, "min_stages", 1, 1000).map(|i| i as u32),
            },
            "container_exists" => Check::ContainerExists { name: self.req_str(o, "name") },
            "container_running" => {
                let name = self.req_str(o, "name");
                let published = self.opt_str(o, "published");
                if let Some(p) = &published {
                    if parse_published(p).is_none() {
                        let span = get(o.table, "published").map(|v| v.span()).unwrap_or(o.span.clone());
                        self.err(span, format!("{}: \"published\" is \"{p}\", expected HOST:CONTAINER such as \"8080:80\" (optionally IP:HOST:CONTAINER and /tcp or /udp)", o.what));
                    }
                }
                let health = self.enum_str(o, "health", HEALTH_STATES, false);
                let image = self.opt_str(o, "image");
                Check::ContainerRunning { name, published, health, image }
            }
            "container_state" => Check::ContainerState { name: self.req_str(o, "name"), state: self.enum_str(o, "state", CONTAINER_STATES, true).unwrap_or_default() },
            "container_exit_code" => Check::ContainerExitCode { name: self.req_str(o, "name"), code: self.req_int(o, "code", 0, 255) as i32 },
            "container_health" => Check::ContainerHealth { name: self.req_str(o, "name"), status: self.enum_str(o, "status", HEALTH_STATES, true).unwrap_or_default() },
            "container_user" => {
                let name = self.req_str(o, "name");
                let user = self.opt_str(o, "user");
                let non_root = self.opt_bool(o, "non_root");
                if user.is_none() && non_root.is_none() {
                    self.err(o.span.clone(), format!("{}: give \"user\" or \"non_root\"", o.what));
                }
                Check::ContainerUser { name, user, non_root }
            }
            "restart_policy" => Check::RestartPolicy {
                container: self.req_str(o, "container"),
                policy: self.enum_str(o, "policy", RESTART_POLICIES, true).unwrap_or_default(),
                max_retries: self.opt_int(o, "max_retries", 0, 1_000_000).map(|i| i as u32),
            },
            "restart_count" => Check::RestartCount { container: self.req_str(o, "container"), min: self.req_int(o, "min", 0, 1_000_000) as u32 },
            "memory_limit" => Check::MemoryLimit { container: self.req_str(o, "container"), bytes: self.req_size(o, "bytes") },
            "cpu_limit" => {
                let container = self.req_str(o, "container");
                let cpus = match self.opt_float(o, "cpus") {
                    Some(c) => c,
                    None => {
                        if get(o.table, "cpus").is_none() {
                            self.missing(o, "cpus", "a number");
                        }
                        0.0
                    }
                };
                Check::CpuLimit { container, cpus }
            }
            "env" => Check::Env { container: self.req_str(o, "container"), key: self.req_str(o, "key"), value: self.opt_str(o, "value") },
            "log_config" => Check::LogConfig { container: self.req_str(o, "container"), driver: self.opt_str(o, "driver"), options: self.str_map(o, "options") },
            "logs_contain" => Check::LogsContain { container: self.req_str(o, "container"), text: self.req_str(o, "text") },
            "file_in_container" => Check::FileInContainer {
                container: self.req_str(o, "container"),
                path: self.abs_path(o, "path"),
                contains: self.opt_str(o, "contains"),
                absent: self.opt_bool(o, "absent").unwrap_or(false),
            },
            "mount" => Check::Mount {
                container: self.req_str(o, "container"),
                target: self.abs_path(o, "target"),
                mount_type: self.enum_str(o, "type", MOUNT_KINDS, false),
                source: self.opt_str(o, "source"),
                read_only: self.opt_bool(o, "read_only"),
            },
            "network_exists" => Check::NetworkExists { name: self.req_str(o, "name"), driver: self.opt_str(o, "driver") },
            "same_network" => {
                Check::SameNetwork { a: self.req_str(o, "a"), b: self.req_str(o, "b"), user_defined: self.opt_bool(o, "user_defined").unwrap_or(true), network: self.opt_str(o, "network") }
            }
            "resolves" => Check::Resolves { from: self.req_str(o, "from"), name: self.req_str(o, "name") },
            "reaches" => Check::Reaches { from: self.req_str(o, "from"), to: self.req_str(o, "to"), port: self.opt_int(o, "port", 1, 65535).map(|p| p as u16) },
            "http" => {
                let from = self.opt_str(o, "from");
                let url = self.req_str(o, "url");
                if !url.is_empty() && baleine_engine::http::parse_url(&url).is_none() {
                    let span = get(o.table, "url").map(|v| v.span()).unwrap_or(o.span.clone());
                    self.err(span, format!("{}: \"url\" is not a URL: \"{url}\"", o.what));
                }
                let status = self.opt_int(o, "status", 100, 599).unwrap_or(200) as u16;
                Check::Http { from, url, status, body_contains: self.opt_str(o, "body_contains") }
            }
            "volume_exists" => Check::VolumeExists { name: self.req_str(o, "name") },
            "volume_contains" => Check::VolumeContains { name: self.req_str(o, "name"), path: self.abs_path(o, "path"), contains: self.opt_str(o, "contains") },
            "volume_survives" => Check::VolumeSurvives { volume: self.req_str(o, "volume"), container: self.req_str(o, "container") },
            "compose_service" => Check::ComposeService {
                service: self.req_str(o, "service"),
                project: self.opt_str(o, "project"),
                state: self.enum_str(o, "state", CONTAINER_STATES, false).unwrap_or_else(|| "running".into()),
                health: self.enum_str(o, "health", HEALTH_STATES, false),
            },
            "compose_started_after_healthy" => {
                Check::ComposeStartedAfterHealthy { service: self.req_str(o, "service"), dependency: self.req_str(o, "dependency"), project: self.opt_str(o, "project") }
            }
            "host_file" => Check::HostFile { path: self.req_str(o, "path"), contains: self.opt_str(o, "contains"), absent: self.opt_bool(o, "absent").unwrap_or(false) },
            "event" => Check::Event { object: self.enum_str(o, "object", EVENT_OBJECTS, false), action: self.req_str(o, "action"), actor: self.opt_str(o, "actor") },
            _ => Check::ContainerExists { name: String::new() },
        }
    }

    /// A required absolute path inside a container, image or volume.
    fn abs_path(&mut self, o: &mut Obj<'_, '_>, key: &'static str) -> String {
        let s = self.req_str(o, key);
        if !s.is_empty() && !s.starts_with('/') {
            let span = get(o.table, key).map(|v| v.span()).unwrap_or(o.span.clone());
            self.err(span, format!("{}: \"{key}\" must be an absolute path (starting with /), found \"{s}\"", o.what));
        }
        s
    }

    // ---- references ----------------------------------------------------

    /// Names a check refers to must appear in the setup or a solution (a
    /// name no command ever mentions is a typo).
    fn references(&mut self, l: &Lesson) {
        let mut corpus = String::new();
        for f in &l.setup.files {
            corpus.push_str(&f.path);
            corpus.push('\n');
            corpus.push_str(&f.content);
            corpus.push('\n');
        }
        let push_actions = |acts: &[Action], corpus: &mut String| {
            for a in acts {
                match a {
                    Action::Run { text, .. } => corpus.push_str(text),
                    Action::WriteFile { path, content, .. } => {
                        corpus.push_str(path);
                        corpus.push('\n');
                        corpus.push_str(content);
                    }
                }
                corpus.push('\n');
            }
        };
        push_actions(&l.setup.commands, &mut corpus);
        for s in &l.steps {
            push_actions(&s.solution, &mut corpus);
        }
        for s in &l.steps {
            for c in &s.checks {
                for (role, name) in referenced_names(&c.check) {
                    if !mentioned(&corpus, &name) {
                        let at = self.offset_of_line(c.line);
                        self.err(at, format!("step \"{}\": check \"{}\" refers to {role} \"{name}\", which neither the setup nor any solution mentions (a typo?)", s.id, kind_name(&c.check)));
                    }
                }
            }
        }
    }
}

fn mentioned(corpus: &str, name: &str) -> bool {
    if corpus.contains(name) {
        return true;
    }
    // An image reference: its repository is enough (the tag may be implied).
    let repo = match name.rsplit_once(':') {
        Some((r, t)) if !t.contains('/') => r,
        _ => name,
    };
    if !repo.is_empty() && corpus.contains(repo) {
        return true;
    }
    // A compose network or volume: <project>_<name>.
    if let Some((_, rest)) = name.split_once('_') {
        if rest == "default" || (!rest.is_empty() && corpus.contains(rest)) {
            return true;
        }
    }
    // A compose container name: <project>-<service>-<n>.
    let parts: Vec<&str> = name.split('-').collect();
    if parts.len() >= 3 && parts[parts.len() - 1].chars().all(|c| c.is_ascii_digit()) {
        let service = parts[1..parts.len() - 1].join("-");
        return corpus.contains(&service);
    }
    false
}

/// (what it is, name) of the Docker objects a check names.
pub(crate) fn referenced_names(c: &Check) -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = Vec::new();
    let mut ct = |n: &String| v.push(("container", n.clone()));
    match c {
        Check::ContainerExists { name }
        | Check::ContainerRunning { name, .. }
        | Check::ContainerState { name, .. }
        | Check::ContainerExitCode { name, .. }
        | Check::ContainerHealth { name, .. }
        | Check::ContainerUser { name, .. } => ct(name),
        Check::RestartPolicy { container, .. }
        | Check::RestartCount { container, .. }
        | Check::MemoryLimit { container, .. }
        | Check::CpuLimit { container, .. }
        | Check::Env { container, .. }
        | Check::LogConfig { container, .. }
        | Check::LogsContain { container, .. }
        | Check::FileInContainer { container, .. }
        | Check::Mount { container, .. } => ct(container),
        Check::SameNetwork { a, b, network, .. } => {
            ct(a);
            ct(b);
            if let Some(n) = network {
                v.push(("network", n.clone()));
            }
        }
        Check::Resolves { from, name } => {
            ct(from);
            v.push(("name", name.clone()));
        }
        Check::Reaches { from, to, .. } => {
            ct(from);
            v.push(("name", to.clone()));
        }
        Check::Http { from: Some(f), .. } => ct(f),
        Check::VolumeSurvives { volume, container } => {
            ct(container);
            v.push(("volume", volume.clone()));
        }
        Check::ImageExists { name, .. } => v.push(("image", name.clone())),
        Check::ImageSmallerThan { image, other, .. } => {
            v.push(("image", image.clone()));
            v.push(("image", other.clone()));
        }
        Check::FileInImage { image, .. } | Check::DockerignoreRespected { image, .. } => v.push(("image", image.clone())),
        Check::LastBuild { image: Some(i), .. } => v.push(("image", i.clone())),
        Check::NetworkExists { name, .. } => v.push(("network", name.clone())),
        Check::VolumeExists { name } | Check::VolumeContains { name, .. } => v.push(("volume", name.clone())),
        Check::ComposeService { service, .. } => v.push(("service", service.clone())),
        Check::ComposeStartedAfterHealthy { service, dependency, .. } => {
            v.push(("service", service.clone()));
            v.push(("service", dependency.clone()));
        }
        _ => {}
    }
    v
}

/// The `kind` of a check as written in lesson files.
pub fn kind_name(c: &Check) -> &'static str {
    match c {
        Check::ImageExists { .. } => "image_exists",
        Check::ImageSmallerThan { .. } => "image_smaller_than",
        Check::FileInImage { .. } => "file_in_image",
        Check::DockerignoreRespected { .. } => "dockerignore_respected",
        Check::LastBuild { .. } => "last_build",
        Check::ContainerExists { .. } => "container_exists",
        Check::ContainerRunning { .. } => "container_running",
        Check::ContainerState { .. } => "container_state",
        Check::ContainerExitCode { .. } => "container_exit_code",
        Check::ContainerHealth { .. } => "container_health",
        Check::ContainerUser { .. } => "container_user",
        Check::RestartPolicy { .. } => "restart_policy",
        Check::RestartCount { .. } => "restart_count",
        Check::MemoryLimit { .. } => "memory_limit",
        Check::CpuLimit { .. } => "cpu_limit",
        Check::Env { .. } => "env",
        Check::LogConfig { .. } => "log_config",
        Check::LogsContain { .. } => "logs_contain",
        Check::FileInContainer { .. } => "file_in_container",
        Check::Mount { .. } => "mount",
        Check::NetworkExists { .. } => "network_exists",
        Check::SameNetwork { .. } => "same_network",
        Check::Resolves { .. } => "resolves",
        Check::Reaches { .. } => "reaches",
        Check::Http { .. } => "http",
        Check::VolumeExists { .. } => "volume_exists",
        Check::VolumeContains { .. } => "volume_contains",
        Check::VolumeSurvives { .. } => "volume_survives",
        Check::ComposeService { .. } => "compose_service",
        Check::ComposeStartedAfterHealthy { .. } => "compose_started_after_healthy",
        Check::HostFile { .. } => "host_file",
        Check::Event { .. } => "event",
    }
}

/// "8080:80", "127.0.0.1:8080:80", "8080:80/udp" → (host ip, host port, container port, proto).
pub fn parse_published(s: &str) -> Option<(Option<String>, u16, u16, String)> {
    let (spec, proto) = match s.split_once('/') {
        Some((a, p)) if p == "tcp" || p == "udp" || p == "sctp" => (a, p.to_string()),
        Some(_) => return None,
        None => (s, "tcp".to_string()),
    };
    let parts: Vec<&str> = spec.rsplitn(3, ':').collect();
    match parts.as_slice() {
        [c, h] => Some((None, h.parse().ok().filter(|p| *p > 0)?, c.parse().ok().filter(|p| *p > 0)?, proto)),
        [c, h, ip] if !ip.is_empty() => Some((Some(ip.to_string()), h.parse().ok().filter(|p| *p > 0)?, c.parse().ok().filter(|p| *p > 0)?, proto)),
        _ => None,
    }
}

/// "512m", "1g", "256MB", "1024" → bytes (binary units, as Docker's --memory).
pub fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.strip_suffix('b').unwrap_or(&t).trim_end();
    let (num, mult) = match t.chars().last()? {
        'k' => (&t[..t.len() - 1], 1u64 << 10),
        'm' => (&t[..t.len() - 1], 1 << 20),
        'g' => (&t[..t.len() - 1], 1 << 30),
        c if c.is_ascii_digit() => (t, 1),
        _ => return None,
    };
    let n: f64 = num.trim().parse().ok()?;
    if !n.is_finite() || n < 0.0 || n > 1e15 {
        return None;
    }
    Some((n * mult as f64) as u64)
}
