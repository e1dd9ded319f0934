//! Phase 2 and 3: BuildKit's `frontend/dockerfile/instructions` (typed
//! instructions, flags, argument-count errors) and the statically decidable
//! parts of `dockerfile2llb` dispatch (build checks, `--from` and `--mount`
//! validation).

use crate::expand::{process_error, Lex};
use crate::parser::{self, parse_heredoc, Node};
use crate::util::{go_quote, suggest, trim_space, uppercase_cmd, with_suggestion};
use crate::{
    ArgDecl, Diagnostic, Dockerfile, Healthcheck, Heredoc, Instr, Instruction, RunMount, Severity,
    ShellOrExec, Stage,
};

/// Error phases, in BuildKit's order of detection.
const PH_CONFIG: u8 = 0;
const PH_PARSE: u8 = 1;
const PH_INSTR: u8 = 2;
const PH_DISPATCH: u8 = 3;
const PH_LINT: u8 = 4;

const INSTRUCTION_NAMES: [&str; 18] = [
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

struct Builder {
    escape: char,
    /// No `# syntax=` directive: the daemon's built-in frontend, whose
    /// parser is built without the labs flags (`COPY --parents`,
    /// `--exclude`: parse_parents.go and exclude_pattern_feature.go need
    /// build tags) and predates `ADD --unpack`.
    builtin: bool,
    errors: Vec<(u8, usize, String)>,
    warnings: Vec<Diagnostic>,
}

impl Builder {
    fn error(&mut self, phase: u8, line: usize, msg: String) {
        self.errors.push((phase, line, msg));
    }
    fn warn(&mut self, line: usize, code: &'static str, msg: String) {
        self.warnings.push(Diagnostic {
            line,
            column: 1,
            severity: Severity::Warning,
            code: Some(code),
            message: msg,
        });
    }
}

// ---------------------------------------------------------------- flags

#[derive(Clone, Copy, PartialEq, Eq)]
enum FlagType {
    Bool,
    Str,
    Strs,
}

struct FlagVal {
    name: &'static str,
    ty: FlagType,
    used: bool,
    value: String,
    values: Vec<String>,
}

struct Flags(Vec<FlagVal>);

impl Flags {
    fn get(&self, name: &str) -> Option<&FlagVal> {
        self.0.iter().find(|f| f.name == name)
    }
    /// The value of a string flag when it was given.
    fn str(&self, name: &str) -> Option<String> {
        self.get(name).filter(|f| f.used).map(|f| f.value.clone())
    }
    fn str_or(&self, name: &str, default: &str) -> String {
        self.str(name).unwrap_or_else(|| default.to_string())
    }
    fn boolean(&self, name: &str) -> bool {
        self.get(name).is_some_and(|f| f.used && f.value == "true")
    }
    fn strs(&self, name: &str) -> Vec<String> {
        self.get(name).map(|f| f.values.clone()).unwrap_or_default()
    }
}

/// `BFlags.Parse`.
fn parse_flags(args: &[String], defs: &[(&'static str, FlagType)]) -> Result<Flags, String> {
    let mut flags = Flags(
        defs.iter()
            .map(|&(name, ty)| FlagVal {
                name,
                ty,
                used: false,
                value: String::new(),
                values: Vec::new(),
            })
            .collect(),
    );
    // BuildKit scans a Go map (random order) for suggestions; ties are
    // broken here by declaration order, which keeps results deterministic.
    let names: Vec<&str> = defs.iter().map(|d| d.0).collect();
    for a in args {
        if a == "--" {
            return Ok(flags);
        }
        if !a.starts_with("--") {
            return Err(format!("arg should start with -- : {a}"));
        }
        let (flag_name, value, has_value) = match a.split_once('=') {
            Some((n, v)) => (n, v, true),
            None => (a.as_str(), "", false),
        };
        let arg = &flag_name[2..];
        let Some(f) = flags.0.iter_mut().find(|f| f.name == arg) else {
            return Err(with_suggestion(
                format!("unknown flag: {flag_name}"),
                arg,
                &names,
                true,
            ));
        };
        if f.used && f.ty != FlagType::Strs {
            return Err(format!("duplicate flag specified: {flag_name}"));
        }
        f.used = true;
        match f.ty {
            FlagType::Bool => {
                if has_value && value.is_empty() {
                    return Err(format!("missing a value on flag: {flag_name}"));
                }
                f.value = match value.to_lowercase().as_str() {
                    "true" | "" => "true".into(),
                    "false" => "false".into(),
                    _ => {
                        return Err(format!(
                            "expecting boolean value for flag {flag_name}, not: {value}"
                        ))
                    }
                };
            }
            FlagType::Str => {
                if !has_value {
                    return Err(format!("missing a value on flag: {flag_name}"));
                }
                f.value = value.to_string();
            }
            FlagType::Strs => {
                if !has_value {
                    return Err(format!("missing a value on flag: {flag_name}"));
                }
                f.values.push(value.to_string());
            }
        }
    }
    Ok(flags)
}

// ---------------------------------------------------------------- helpers

fn err_at_least_one(cmd: &str) -> String {
    format!("{cmd} requires at least one argument")
}
fn err_exactly_one(cmd: &str) -> String {
    format!("{cmd} requires exactly one argument")
}
fn err_no_destination(cmd: &str) -> String {
    format!("{cmd} requires at least two arguments, but only one was provided. Destination could not be determined")
}

fn shell_or_exec(args: &[String], json: bool) -> ShellOrExec {
    if json {
        ShellOrExec::Exec(args.to_vec())
    } else {
        ShellOrExec::Shell(args.join(" "))
    }
}

/// `parseKvps`: the ENV/LABEL triples → pairs, and whether any pair used the
/// legacy `K V` form.
fn parse_kvps(args: &[String], cmd: &str) -> Result<(Vec<(String, String)>, bool), String> {
    if args.is_empty() {
        return Err(err_at_least_one(cmd));
    }
    if !args.chunks_exact(3).remainder().is_empty() {
        return Err(format!("Bad input to {cmd}, too many arguments"));
    }
    let mut out = Vec::new();
    let mut legacy = false;
    for t in args.chunks(3) {
        let [k, v, delim] = t else { continue };
        if k.is_empty() {
            return Err(format!("{cmd} names can not be blank"));
        }
        legacy |= delim.is_empty();
        out.push((k.clone(), v.clone()));
    }
    Ok((out, legacy))
}

use baleine_util::go::parse_bool as parse_go_bool;

/// One CSV record (go-csvvalue `Fields`).
fn csv_fields(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => return Err("extraneous or missing \" in quoted-field".into()),
                    Some('"') => {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            field.push('"');
                        } else {
                            break;
                        }
                    }
                    Some(c) => field.push(c),
                }
            }
            match chars.next() {
                None => {
                    out.push(field);
                    return Ok(out);
                }
                Some(',') => out.push(field),
                Some(_) => return Err("extraneous or missing \" in quoted-field".into()),
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        out.push(field);
                        return Ok(out);
                    }
                    Some(',') => {
                        out.push(field);
                        break;
                    }
                    Some('"') => return Err("bare \" in non-quoted-field".into()),
                    Some(c) => field.push(c),
                }
            }
        }
    }
}

/// `ParseDevice` (parse-time validation of `RUN --device`).
fn check_device(val: &str) -> Result<(), String> {
    let fields = csv_fields(val).map_err(|e| format!("failed to parse csv devices: {e}"))?;
    let mut name = String::new();
    for field in fields {
        match field.split_once('=') {
            None => {
                if field.to_lowercase() == "required" {
                    continue;
                }
                if name.is_empty() {
                    name = field;
                    continue;
                }
                return Err(format!("invalid field '{field}' must be a key=value pair"));
            }
            Some((k, v)) => {
                let key = k.to_lowercase();
                match key.as_str() {
                    "name" => {
                        if !name.is_empty() {
                            return Err(format!("device name already set to {name}"));
                        }
                        name = v.to_string();
                    }
                    "required" => {
                        if parse_go_bool(v).is_none() {
                            return Err(format!("invalid value for {key}: {v}"));
                        }
                    }
                    _ => {
                        if name.is_empty() {
                            name = field.clone();
                            continue;
                        }
                        return Err(with_suggestion(
                            format!("unexpected key '{key}' in '{field}'"),
                            &key,
                            &["name", "required"],
                            true,
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// Parse-time handling of `--mount` (BuildKit's `parseMount` without an
/// expander): builds the raw [`RunMount`] and rejects variables in `from`.
fn parse_mount(val: &str) -> Result<RunMount, String> {
    let fields = csv_fields(val).map_err(|e| format!("failed to parse csv mounts: {e}"))?;
    let mut m = RunMount {
        kind: "bind".into(),
        target: None,
        id: None,
        source: None,
        from: None,
        options: Vec::new(),
    };
    for field in fields {
        let Some((k, value)) = field.split_once('=') else {
            m.options.push((field.to_lowercase(), String::new()));
            continue;
        };
        let key = k.to_lowercase();
        if key == "from" {
            if let Some(idx) = value.find('$') {
                if idx != value.len() - 1 {
                    return Err(format!(
                        "'{key}' doesn't support variable expansion, define alias stage instead"
                    ));
                }
            }
        }
        match key.as_str() {
            "type" => m.kind = value.to_lowercase(),
            "from" => m.from = Some(value.to_string()),
            "source" | "src" => m.source = Some(value.to_string()),
            "target" | "dst" | "destination" => m.target = Some(value.to_string()),
            "id" => m.id = Some(value.to_string()),
            _ => m.options.push((key, value.to_string())),
        }
    }
    Ok(m)
}

/// `units.RAMInBytes` syntax check.
fn is_ram_size(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == start {
        return false;
    }
    while i < b.len() && b[i] == b'.' {
        i += 1;
        let s2 = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == s2 {
            return false;
        }
    }
    if i < b.len() && b[i] == b' ' {
        i += 1;
    }
    if i < b.len() && b"kKmMgGtTpP".contains(&b[i]) {
        i += 1;
    }
    if i < b.len() && (b[i] == b'i' || b[i] == b'I') {
        i += 1;
    }
    if i < b.len() && (b[i] == b'b' || b[i] == b'B') {
        i += 1;
    }
    i == b.len()
}

/// Dispatch-time validation of `--mount` (BuildKit's `parseMount` with an
/// expander). Values containing `$` cannot be checked statically and are
/// skipped.
fn mount_dispatch_error(val: &str) -> Option<String> {
    let fields = csv_fields(val).ok()?;
    let mut ty = "bind".to_string();
    let (mut from, mut source, mut target, mut id, mut sharing) = (
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    );
    let (mut mode, mut uid, mut gid) = (false, false, false);
    let file_types = |t: &str| matches!(t, "secret" | "ssh" | "cache");
    for field in fields {
        let Some((k, value)) = field.split_once('=') else {
            let key = field.to_lowercase();
            match key.as_str() {
                "readonly" | "ro" | "readwrite" | "rw" => continue,
                "required" if ty == "secret" || ty == "ssh" => continue,
                "required" => return Some(format!("unexpected key '{key}' for mount type '{ty}'")),
                _ => return Some(format!("invalid field '{field}' must be a key=value pair")),
            }
        };
        let key = k.to_lowercase();
        let dynamic = value.contains('$');
        match key.as_str() {
            "type" => {
                if dynamic {
                    return None;
                }
                let v = value.to_lowercase();
                if !matches!(v.as_str(), "bind" | "cache" | "tmpfs" | "secret" | "ssh") {
                    return Some(with_suggestion(
                        format!("unsupported mount type {}", go_quote(value)),
                        value,
                        &["bind", "cache", "secret", "ssh", "tmpfs"],
                        true,
                    ));
                }
                ty = v;
            }
            "from" => from = value.to_string(),
            "source" | "src" => source = value.to_string(),
            "target" | "dst" | "destination" => target = value.to_string(),
            "readonly" | "ro" | "readwrite" | "rw" => {
                if !dynamic && parse_go_bool(value).is_none() {
                    return Some(format!("invalid value for {key}: {value}"));
                }
            }
            "required" => {
                if ty == "secret" || ty == "ssh" {
                    if !dynamic && parse_go_bool(value).is_none() {
                        return Some(format!("invalid value for {key}: {value}"));
                    }
                } else {
                    return Some(format!("unexpected key '{key}' for mount type '{ty}'"));
                }
            }
            "size" => {
                if ty == "tmpfs" {
                    if !dynamic && !is_ram_size(value) {
                        return Some(format!("invalid value for {key}: {value}"));
                    }
                } else {
                    return Some(format!("unexpected key '{key}' for mount type '{ty}'"));
                }
            }
            "id" => id = value.to_string(),
            "sharing" => {
                if !dynamic {
                    let v = value.to_lowercase();
                    if !matches!(v.as_str(), "shared" | "private" | "locked") {
                        return Some(with_suggestion(
                            format!("unsupported sharing value {}", go_quote(value)),
                            value,
                            &["locked", "private", "shared"],
                            true,
                        ));
                    }
                }
                sharing = value.to_string();
            }
            "mode" => {
                if !dynamic && u32::from_str_radix(value, 8).is_err() {
                    return Some(format!("invalid value {value} for mode"));
                }
                mode = true;
            }
            "uid" | "gid" => {
                if !dynamic && value.parse::<u32>().is_err() {
                    return Some(format!("invalid value {value} for {key}"));
                }
                if key == "uid" {
                    uid = true;
                } else {
                    gid = true;
                }
            }
            "env" => {}
            _ => {
                const ALL: [&str; 19] = [
                    "type",
                    "from",
                    "source",
                    "target",
                    "readonly",
                    "id",
                    "sharing",
                    "required",
                    "size",
                    "mode",
                    "uid",
                    "gid",
                    "src",
                    "dst",
                    "destination",
                    "ro",
                    "rw",
                    "readwrite",
                    "env",
                ];
                return Some(with_suggestion(
                    format!("unexpected key '{key}' in '{field}'"),
                    &key,
                    &ALL,
                    true,
                ));
            }
        }
    }
    if !file_types(&ty) {
        for (set, what) in [(mode, "mode"), (uid, "uid"), (gid, "gid")] {
            if set {
                return Some(format!(
                    "{what} not allowed for {} type mounts",
                    go_quote(&ty)
                ));
            }
        }
    }
    if ty == "secret" {
        if !from.is_empty() {
            return Some("secret mount should not have a from".into());
        }
        if !sharing.is_empty() {
            return Some("secret mount should not define sharing".into());
        }
        if source.is_empty() && target.is_empty() && id.is_empty() {
            return Some("invalid secret mount. one of source, target required".into());
        }
        if !source.is_empty() && !id.is_empty() {
            return Some("both source and id can't be set".into());
        }
    }
    if !sharing.is_empty() && ty != "cache" {
        return Some(format!("invalid cache sharing set for {ty} mount"));
    }
    None
}

fn opt_interval(v: Option<String>, name: &str) -> Result<Option<u64>, String> {
    let Some(s) = v.filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let d = baleine_util::go::parse_duration(&s)?;
    if d == 0 {
        return Ok(None);
    }
    if d < 1_000_000 {
        return Err(format!(
            "Interval {} cannot be less than 1ms",
            go_quote(name)
        ));
    }
    Ok(Some(d as u64))
}

fn summarize_heredoc(doc: &str) -> String {
    let doc = trim_space(doc).replace("\r\n", "\n");
    let mut lines = doc.split('\n');
    let first = lines.next().unwrap_or_default().to_string();
    if lines.next().is_some() {
        first + "..."
    } else {
        first
    }
}

/// `parseSourcesAndDest`: splits heredoc sources from paths.
fn sources_and_dest(
    args: &[String],
    heredocs: &[Heredoc],
    cmd: &str,
) -> Result<(Vec<String>, String, Vec<Heredoc>), String> {
    let Some((dest, srcs)) = args.split_last() else {
        return Err(err_no_destination(cmd));
    };
    if let Ok(Some(_)) = parse_heredoc(dest) {
        return Err(format!("{cmd} cannot accept a heredoc as a destination"));
    }
    let mut paths = Vec::new();
    let mut docs = Vec::new();
    for src in srcs {
        match parse_heredoc(src) {
            Ok(Some(h)) => {
                let content = heredocs
                    .iter()
                    .rev()
                    .find(|d| d.name == h.name)
                    .map(|d| d.content.clone())
                    .unwrap_or_default();
                docs.push(Heredoc { content, ..h });
            }
            _ => paths.push(src.clone()),
        }
    }
    Ok((paths, dest.clone(), docs))
}

fn is_valid_stage_name(s: &str) -> bool {
    let mut it = s.chars();
    matches!(it.next(), Some('a'..='z'))
        && it.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

// ---------------------------------------------------------------- conversion

struct StageHead {
    name: Option<String>,
    base: String,
    platform: Option<String>,
    from_text: String,
    keyword: String,
    line: usize,
}

enum Conv {
    From(StageHead),
    Instr(Instr),
}

fn conv_instr(node: &Node, text: String, kind: Instruction) -> Conv {
    Conv::Instr(Instr {
        line: node.start_line,
        end_line: node.end_line,
        text,
        kind,
    })
}

/// `ParseInstructionWithLinter`: the node → a typed instruction. Warnings
/// raised by the instruction parser (MAINTAINER, FROM casing) go to `b`.
fn convert(
    b: &mut Builder,
    node: &Node,
    heredocs: &[Heredoc],
    line: usize,
) -> Result<Conv, String> {
    let lower = node.value.to_lowercase();
    let args = &node.args;
    let text = uppercase_cmd(trim_space(&node.original));
    use FlagType::*;
    let kind = match lower.as_str() {
        "env" => {
            parse_flags(&node.flags, &[])?;
            Instruction::Env(parse_kvps(args, "ENV")?.0)
        }
        "maintainer" => {
            b.warn(
                line,
                "MaintainerDeprecated",
                "Maintainer instruction is deprecated in favor of using label".into(),
            );
            if args.len() != 1 {
                return Err(err_exactly_one("MAINTAINER"));
            }
            parse_flags(&node.flags, &[])?;
            Instruction::Maintainer(args[0].clone())
        }
        "label" => {
            parse_flags(&node.flags, &[])?;
            Instruction::Label(parse_kvps(args, "LABEL")?.0)
        }
        "add" => {
            if args.len() < 2 {
                return Err(err_no_destination("ADD"));
            }
            const ADD_FLAGS: [(&str, FlagType); 7] = [("chown", Str), ("chmod", Str), ("link", Bool), ("keep-git-dir", Bool), ("checksum", Str), ("unpack", Bool), ("exclude", Strs)];
            let f = parse_flags(&node.flags, if b.builtin { &ADD_FLAGS[..5] } else { &ADD_FLAGS[..] })?;
            let (srcs, dest, docs) = sources_and_dest(args, heredocs, "ADD")?;
            Instruction::Add {
                srcs,
                dest,
                chown: f.str("chown").filter(|s| !s.is_empty()),
                chmod: f.str("chmod").filter(|s| !s.is_empty()),
                link: f.boolean("link"),
                checksum: f.str("checksum").filter(|s| !s.is_empty()),
                heredocs: docs,
            }
        }
        "copy" => {
            if args.len() < 2 {
                return Err(err_no_destination("COPY"));
            }
            const COPY_FLAGS: [(&str, FlagType); 6] = [("chown", Str), ("from", Str), ("chmod", Str), ("link", Bool), ("exclude", Strs), ("parents", Bool)];
            let f = parse_flags(&node.flags, if b.builtin { &COPY_FLAGS[..4] } else { &COPY_FLAGS[..] })?;
            let (srcs, dest, docs) = sources_and_dest(args, heredocs, "COPY")?;
            Instruction::Copy {
                srcs,
                dest,
                from: f.str("from").filter(|s| !s.is_empty()),
                chown: f.str("chown").filter(|s| !s.is_empty()),
                chmod: f.str("chmod").filter(|s| !s.is_empty()),
                link: f.boolean("link"),
                parents: f.boolean("parents"),
                excludes: f.strs("exclude"),
                heredocs: docs,
            }
        }
        "from" => {
            if args.len() == 3 && args[2] != args[2].to_lowercase() {
                b.warn(
                    line,
                    "StageNameCasing",
                    format!("Stage name '{}' should be lowercase", args[2]),
                );
            }
            if args.len() >= 3 {
                let cmd = &node.value;
                let (is_lower, is_upper) = (*cmd == cmd.to_lowercase(), *cmd == cmd.to_uppercase());
                let ok = if is_lower {
                    args[1] == args[1].to_lowercase()
                } else if is_upper {
                    args[1] == args[1].to_uppercase()
                } else {
                    true
                };
                if !ok {
                    b.warn(
                        line,
                        "FromAsCasing",
                        format!("'{}' and '{}' keywords' casing do not match", args[1], cmd),
                    );
                }
            }
            let name = if args.len() == 3 && args[1].eq_ignore_ascii_case("as") {
                let n = args[2].to_lowercase();
                if !is_valid_stage_name(&n) {
                    return Err(format!(
                        "invalid name for build stage: {}, name can't start with a number or contain symbols",
                        go_quote(&args[2])
                    ));
                }
                Some(n)
            } else if args.len() != 1 {
                return Err("FROM requires either one or three arguments".into());
            } else {
                None
            };
            let f = parse_flags(&node.flags, &[("platform", Str)])?;
            return Ok(Conv::From(StageHead {
                name,
                base: args[0].clone(),
                platform: f.str("platform").filter(|s| !s.is_empty()),
                from_text: trim_space(&node.original).to_string(),
                keyword: node.value.clone(),
                line,
            }));
        }
        "onbuild" => {
            let Some(sub) = node.sub.as_deref() else {
                return Err(err_at_least_one("ONBUILD"));
            };
            parse_flags(&node.flags, &[])?;
            let trigger = trim_space(&sub.value).to_uppercase();
            match trigger.as_str() {
                "ONBUILD" => {
                    return Err("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed".into())
                }
                "MAINTAINER" | "FROM" => {
                    return Err(format!("{trigger} isn't allowed as an ONBUILD trigger"))
                }
                _ => {}
            }
            // BuildKit only parses the trigger when the image is used as a
            // base; we parse it now so that it can be represented (and so
            // that a broken trigger is reported early).
            let mut inner_node = sub.clone();
            inner_node.start_line = node.start_line;
            inner_node.end_line = node.end_line;
            match convert(b, &inner_node, heredocs, line)? {
                Conv::Instr(inner) => Instruction::Onbuild(Box::new(inner)),
                Conv::From(_) => {
                    return Err(format!("{trigger} isn't allowed as an ONBUILD trigger"))
                }
            }
        }
        "workdir" => {
            if args.len() != 1 {
                return Err(err_exactly_one("WORKDIR"));
            }
            parse_flags(&node.flags, &[])?;
            Instruction::Workdir(args[0].clone())
        }
        "run" => {
            let f = parse_flags(
                &node.flags,
                &[
                    ("device", Strs),
                    ("mount", Strs),
                    ("network", Str),
                    ("security", Str),
                ],
            )?;
            for d in f.strs("device") {
                check_device(&d)?;
            }
            let mounts = f
                .strs("mount")
                .iter()
                .map(|m| parse_mount(m))
                .collect::<Result<Vec<_>, _>>()?;
            let network = f.str_or("network", "default");
            if !matches!(network.as_str(), "default" | "none" | "host") {
                return Err(format!("invalid network mode {}", go_quote(&network)));
            }
            let security = f.str_or("security", "sandbox");
            if !matches!(security.as_str(), "insecure" | "sandbox") {
                return Err(format!("security {} is not valid", go_quote(&security)));
            }
            let cmd = shell_or_exec(args, node.json);
            let mut text = text;
            if let (Some(first), ShellOrExec::Shell(s)) = (heredocs.first(), &cmd) {
                if let Ok(Some(_)) = parse_heredoc(s) {
                    text.push_str(&format!(" ({})", summarize_heredoc(&first.content)));
                }
            }
            return Ok(conv_instr(
                node,
                text,
                Instruction::Run {
                    cmd,
                    mounts,
                    network: f.str("network"),
                    heredocs: heredocs.to_vec(),
                },
            ));
        }
        "cmd" => {
            parse_flags(&node.flags, &[])?;
            Instruction::Cmd(shell_or_exec(args, node.json))
        }
        "healthcheck" => {
            let Some(first) = args.first() else {
                return Err(err_at_least_one("HEALTHCHECK"));
            };
            let typ = first.to_uppercase();
            let rest = &args[1..];
            if typ == "NONE" {
                if !rest.is_empty() {
                    return Err("HEALTHCHECK NONE takes no arguments".into());
                }
                Instruction::Healthcheck(None)
            } else {
                let f = parse_flags(
                    &node.flags,
                    &[
                        ("interval", Str),
                        ("timeout", Str),
                        ("start-period", Str),
                        ("start-interval", Str),
                        ("retries", Str),
                    ],
                )?;
                let test = if typ == "CMD" {
                    if rest.is_empty() {
                        return Err("Missing command after HEALTHCHECK CMD".into());
                    }
                    let mut t = vec![if node.json {
                        "CMD".to_string()
                    } else {
                        "CMD-SHELL".to_string()
                    }];
                    match shell_or_exec(rest, node.json) {
                        ShellOrExec::Exec(v) => t.extend(v),
                        ShellOrExec::Shell(s) => t.push(s),
                    }
                    t
                } else {
                    return Err(format!(
                        "Unknown type {} in HEALTHCHECK (try CMD)",
                        go_quote(&typ)
                    ));
                };
                let interval = opt_interval(f.str("interval"), "interval")?;
                let timeout = opt_interval(f.str("timeout"), "timeout")?;
                let start_period = opt_interval(f.str("start-period"), "start-period")?;
                let start_interval = opt_interval(f.str("start-interval"), "start-interval")?;
                let retries = match f.str("retries").filter(|s| !s.is_empty()) {
                    None => None,
                    Some(r) => {
                        let v = crate::goparse::parse_int32(&r)?;
                        if v < 0 {
                            return Err(format!("--retries cannot be negative ({v})"));
                        }
                        Some(v as u32)
                    }
                };
                Instruction::Healthcheck(Some(Healthcheck {
                    test,
                    interval,
                    timeout,
                    start_period,
                    start_interval,
                    retries,
                }))
            }
        }
        "entrypoint" => {
            parse_flags(&node.flags, &[])?;
            Instruction::Entrypoint(shell_or_exec(args, node.json))
        }
        "expose" => {
            if args.is_empty() {
                return Err(err_at_least_one("EXPOSE"));
            }
            parse_flags(&node.flags, &[])?;
            let mut ports = args.clone();
            baleine_util::sort(&mut ports);
            Instruction::Expose(ports)
        }
        "user" => {
            if args.len() != 1 {
                return Err(err_exactly_one("USER"));
            }
            parse_flags(&node.flags, &[])?;
            Instruction::User(args[0].clone())
        }
        "volume" => {
            if args.is_empty() {
                return Err(err_at_least_one("VOLUME"));
            }
            parse_flags(&node.flags, &[])?;
            let mut v = Vec::new();
            for a in args {
                let t = trim_space(a);
                if t.is_empty() {
                    return Err("VOLUME specified can not be an empty string".into());
                }
                v.push(t.to_string());
            }
            Instruction::Volume(v)
        }
        "stopsignal" => {
            if args.len() != 1 {
                return Err(err_exactly_one("STOPSIGNAL"));
            }
            Instruction::Stopsignal(args[0].clone())
        }
        "arg" => {
            if args.is_empty() {
                return Err(err_at_least_one("ARG"));
            }
            let mut decls = Vec::new();
            for a in args {
                match a.split_once('=') {
                    Some((k, v)) => {
                        if k.is_empty() {
                            return Err("ARG names can not be blank".into());
                        }
                        decls.push(ArgDecl {
                            name: k.to_string(),
                            default: Some(v.to_string()),
                        });
                    }
                    None => decls.push(ArgDecl {
                        name: a.clone(),
                        default: None,
                    }),
                }
            }
            Instruction::Arg(decls)
        }
        "shell" => {
            parse_flags(&node.flags, &[])?;
            if args.is_empty() {
                return Err(err_at_least_one("SHELL"));
            }
            if !node.json {
                return Err("SHELL requires the arguments to be in JSON form".into());
            }
            Instruction::Shell(args.clone())
        }
        _ => {
            let msg = format!("unknown instruction: {}", node.value);
            return Err(with_suggestion(msg, &node.value, &INSTRUCTION_NAMES, false));
        }
    };
    Ok(conv_instr(node, text, kind))
}

// ---------------------------------------------------------------- checks

fn is_secret_key(key: &str) -> bool {
    const DENY: [&str; 10] = [
        "apikey",
        "auth",
        "credential",
        "credentials",
        "key",
        "password",
        "pword",
        "passwd",
        "secret",
        "token",
    ];
    const ALLOW: [&str; 3] = ["public", "file", "version"];
    let parts: Vec<String> = key.split('_').map(|p| p.to_lowercase()).collect();
    parts.iter().any(|p| DENY.contains(&p.as_str()))
        && !parts.iter().any(|p| ALLOW.contains(&p.as_str()))
}

pub(crate) fn secret_key_message(instruction: &str, key: &str) -> Option<String> {
    is_secret_key(key).then(|| {
        format!(
            "Do not use ARG or ENV instructions for sensitive data ({instruction} {})",
            go_quote(key)
        )
    })
}

struct CheckConfig {
    skip_all: bool,
    skip: Vec<String>,
    error: bool,
}

/// `linter.ParseLintOptions`.
fn parse_check(v: &str) -> Result<CheckConfig, String> {
    let mut cfg = CheckConfig {
        skip_all: false,
        skip: Vec::new(),
        error: false,
    };
    let v = trim_space(v);
    if v.is_empty() {
        return Ok(cfg);
    }
    for p in v.splitn(3, ';') {
        let Some((k, val)) = p.split_once('=') else {
            return Err(format!("invalid check option {}", go_quote(p)));
        };
        match trim_space(k) {
            "skip" => {
                let val = trim_space(val);
                if val == "all" {
                    cfg.skip_all = true;
                } else {
                    cfg.skip = val.split(',').map(|r| trim_space(r).to_string()).collect();
                }
            }
            "experimental" => {}
            "error" => match parse_go_bool(trim_space(val)) {
                Some(b) => cfg.error = b,
                None => {
                    return Err(format!(
                        "failed to parse check option {}: strconv.ParseBool: parsing {}: invalid syntax",
                        go_quote(p),
                        go_quote(trim_space(val))
                    ))
                }
            },
            k => return Err(format!("invalid check option {}", go_quote(k))),
        }
    }
    Ok(cfg)
}

struct StageInfo {
    stage: Stage,
    keyword: String,
    /// Per-instruction source facts the public types do not carry.
    metas: Vec<Meta>,
}

struct Meta {
    /// The keyword as written (`cmd`, `CMD`, ...).
    keyword: String,
    /// ENV/LABEL in the legacy `K V` form.
    legacy: bool,
    /// Raw `--mount` values.
    mounts: Vec<String>,
}

impl Meta {
    fn of(node: &Node) -> Meta {
        Meta {
            keyword: node.value.clone(),
            legacy: node.args.chunks(3).any(|t| t.len() == 3 && t[2].is_empty()),
            mounts: node
                .flags
                .iter()
                .filter_map(|f| f.strip_prefix("--mount=").map(str::to_string))
                .collect(),
        }
    }
}

#[derive(Clone, Copy, Default)]
struct DispatchState {
    shell_set: bool,
    workdir_set: bool,
}

fn dispatch_checks(b: &mut Builder, stages: &[StageInfo]) {
    // validateStageNames
    let mut seen: Vec<&str> = Vec::new();
    for s in stages {
        if let Some(name) = s.stage.name.as_deref() {
            if name == "context" || name == "scratch" {
                b.warn(
                    s.stage.line,
                    "ReservedStageName",
                    format!(
                        "Stage name should not use the same name as reserved stage {}",
                        go_quote(name)
                    ),
                );
            }
            if seen.contains(&name) {
                b.warn(
                    s.stage.line,
                    "DuplicateStageName",
                    format!(
                        "Duplicate stage name {}, stage names should be unique",
                        go_quote(name)
                    ),
                );
            }
            seen.push(name);
        }
    }

    // validateCommandCasing
    let consistent = |s: &str| s == s.to_lowercase() || s == s.to_uppercase();
    let (mut lower, mut upper) = (0usize, 0usize);
    for s in stages {
        for k in std::iter::once(&s.keyword).chain(s.metas.iter().map(|m| &m.keyword)) {
            if consistent(k) {
                if *k == k.to_lowercase() {
                    lower += 1;
                } else {
                    upper += 1;
                }
            }
        }
    }
    let majority_lower = lower > upper;
    for s in stages {
        let lines =
            std::iter::once(s.stage.line).chain(s.stage.instructions.iter().map(|i| i.line));
        for (k, line) in std::iter::once(&s.keyword)
            .chain(s.metas.iter().map(|m| &m.keyword))
            .zip(lines)
        {
            let casing = if majority_lower && k.to_lowercase() != *k {
                "lowercase"
            } else if !majority_lower && k.to_uppercase() != *k {
                "uppercase"
            } else {
                continue;
            };
            b.warn(
                line,
                "ConsistentInstructionCasing",
                format!("Command '{k}' should match the case of the command majority ({casing})"),
            );
        }
    }

    // Per-stage dispatch.
    let mut finals: Vec<DispatchState> = Vec::with_capacity(stages.len());
    for (i, s) in stages.iter().enumerate() {
        let base = stages[..i]
            .iter()
            .rposition(|p| p.stage.name.as_deref() == Some(s.stage.base.as_str()));
        let mut st = base
            .and_then(|j| finals.get(j).copied())
            .unwrap_or_default();
        let mut cmd_prev: Option<usize> = None;
        let mut ep_prev: Option<usize> = None;
        let mut hc_prev: Option<usize> = None;
        for (instr, meta) in s.stage.instructions.iter().zip(s.metas.iter()) {
            let line = instr.line;
            let kw = &meta.keyword;
            let used_once = |prev: &mut Option<usize>, b: &mut Builder| {
                if let Some(p) = *prev {
                    b.warn(
                        p,
                        "MultipleInstructionsDisallowed",
                        format!(
                            "Multiple {kw} instructions should not be used in the same stage because only the last one will be used"
                        ),
                    );
                }
                *prev = Some(line);
            };
            match &instr.kind {
                Instruction::Cmd(c) | Instruction::Entrypoint(c) => {
                    if matches!(instr.kind, Instruction::Cmd(_)) {
                        used_once(&mut cmd_prev, b);
                    } else {
                        used_once(&mut ep_prev, b);
                    }
                    if matches!(c, ShellOrExec::Shell(_)) && !st.shell_set {
                        b.warn(
                            line,
                            "JSONArgsRecommended",
                            format!("JSON arguments recommended for {kw} to prevent unintended behavior related to OS signals"),
                        );
                    }
                }
                Instruction::Healthcheck(_) => used_once(&mut hc_prev, b),
                Instruction::Shell(_) => st.shell_set = true,
                Instruction::Workdir(p) => {
                    if !st.workdir_set && !p.starts_with('$') {
                        if let Ok(path) = crate::expand::expand_word(p, &|_| None, b.escape) {
                            if !path.contains('$') && !path.starts_with('/') {
                                b.warn(
                                    line,
                                    "WorkdirRelativePath",
                                    format!(
                                        "Relative workdir {} can have unexpected results if the base image changes",
                                        go_quote(&path)
                                    ),
                                );
                            }
                        }
                    }
                    st.workdir_set = true;
                }
                Instruction::Env(pairs) => {
                    if meta.legacy {
                        b.warn(
                            line,
                            "LegacyKeyValueFormat",
                            format!("\"{kw} key=value\" should be used instead of legacy \"{kw} key value\" format"),
                        );
                    }
                    for (k, _) in pairs {
                        if let Some(m) = secret_key_message("ENV", k) {
                            b.warn(line, "SecretsUsedInArgOrEnv", m);
                        }
                    }
                }
                Instruction::Label(_) if meta.legacy => {
                    b.warn(
                        line,
                        "LegacyKeyValueFormat",
                        format!("\"{kw} key=value\" should be used instead of legacy \"{kw} key value\" format"),
                    );
                }
                Instruction::Arg(decls) => {
                    for d in decls {
                        if let Some(m) = secret_key_message("ARG", &d.name) {
                            b.warn(line, "SecretsUsedInArgOrEnv", m);
                        }
                    }
                }
                Instruction::Copy { from: Some(from), .. } => {
                    match Lex::new(b.escape).process(from, &|_| None) {
                        Err(e) => b.error(PH_DISPATCH, line, process_error(from, &e)),
                        Ok(r) if r.result != *from => b.error(
                            PH_DISPATCH,
                            line,
                            "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround".into(),
                        ),
                        Ok(_) => {}
                    }
                }
                Instruction::Run { .. } => {
                    for spec in &meta.mounts {
                        if let Some(e) = mount_dispatch_error(spec) {
                            b.error(PH_DISPATCH, line, e);
                        }
                    }
                }
                _ => {}
            }
        }
        finals.push(st);
    }
}

// ---------------------------------------------------------------- driver

pub(crate) fn build(src: &str) -> Dockerfile {
    if src.is_empty() {
        return Dockerfile {
            escape: '\\',
            syntax: None,
            global_args: Vec::new(),
            stages: Vec::new(),
            diagnostics: vec![Diagnostic {
                line: 1,
                column: 1,
                severity: Severity::Error,
                code: None,
                message: "the Dockerfile cannot be empty".into(),
            }],
            check_skip: Vec::new(),
        };
    }
    let p1 = parser::parse_nodes(src);
    let mut b = Builder {
        escape: p1.escape,
        builtin: p1.syntax.is_none(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };

    let mut check = CheckConfig {
        skip_all: false,
        skip: Vec::new(),
        error: false,
    };
    if let Some((line, v)) = &p1.check {
        match parse_check(v) {
            Ok(c) => check = c,
            Err(e) => b.error(
                PH_CONFIG,
                *line,
                format!("failed to parse check options: {e}"),
            ),
        }
    }

    for (line, e) in &p1.errors {
        b.error(PH_PARSE, *line, e.clone());
    }
    for &line in &p1.empty_continuations {
        b.warn(
            line,
            "NoEmptyContinuation",
            "Empty continuation line".into(),
        );
    }

    let mut global_args = Vec::new();
    let mut stages: Vec<StageInfo> = Vec::new();
    for node in &p1.nodes {
        if node.failed {
            continue;
        }
        let line = node.start_line;
        let conv = match convert(&mut b, node, &node.heredocs, line) {
            Ok(c) => c,
            Err(e) => {
                b.error(
                    PH_INSTR,
                    line,
                    format!("dockerfile parse error on line {line}: {e}"),
                );
                continue;
            }
        };
        match conv {
            Conv::From(h) => {
                let index = stages.len();
                stages.push(StageInfo {
                    stage: Stage {
                        index,
                        name: h.name,
                        base: h.base,
                        platform: h.platform,
                        line: h.line,
                        from_text: h.from_text,
                        instructions: Vec::new(),
                    },
                    keyword: h.keyword,
                    metas: Vec::new(),
                });
            }
            Conv::Instr(instr) => {
                if let (true, Instruction::Arg(decls)) = (stages.is_empty(), &instr.kind) {
                    global_args.extend(decls.iter().cloned());
                    continue;
                }
                match stages.last_mut() {
                    Some(s) => {
                        s.stage.instructions.push(instr);
                        s.metas.push(Meta::of(node));
                    }
                    None => b.error(PH_INSTR, line, "no build stage in current context".into()),
                }
            }
        }
    }
    if stages.is_empty() && !p1.nodes.is_empty() {
        let line = p1.nodes.last().map(|n| n.end_line).unwrap_or(1);
        b.error(
            PH_DISPATCH,
            line,
            "dockerfile contains no stages to build".into(),
        );
    }

    dispatch_checks(&mut b, &stages);
    undefined_from_args(&mut b, &global_args, &stages);

    // `# check=` directive.
    let skip = |code: Option<&str>| {
        check.skip_all || code.is_some_and(|c| check.skip.iter().any(|s| s == c))
    };
    b.warnings.retain(|w| !skip(w.code));
    if check.error && !b.warnings.is_empty() {
        let mut rules: Vec<&str> = b.warnings.iter().filter_map(|w| w.code).collect();
        baleine_util::sort(&mut rules);
        rules.dedup();
        let line = b.warnings.iter().map(|w| w.line).min().unwrap_or(1);
        let msg = format!("lint violation found for rules: {}", rules.join(", "));
        b.error(PH_LINT, line, msg);
    }

    baleine_util::sort_by_key(&mut b.errors, |e| e.0);
    baleine_util::sort_by_key(&mut b.warnings, |w| w.line);
    let mut diagnostics: Vec<Diagnostic> = b
        .errors
        .into_iter()
        .map(|(_, line, message)| Diagnostic {
            line: line.max(1),
            column: 1,
            severity: Severity::Error,
            code: None,
            message,
        })
        .collect();
    diagnostics.extend(b.warnings);

    let mut check_skip = check.skip.clone();
    if check.skip_all {
        check_skip.push("all".into());
    }
    Dockerfile {
        escape: p1.escape,
        syntax: p1.syntax,
        global_args,
        stages: stages.into_iter().map(|s| s.stage).collect(),
        diagnostics,
        check_skip,
    }
}

/// Build arguments BuildKit always defines before the first FROM
/// (`dockerfile2llb/platform.go` defaultArgs).
pub(crate) const BUILTIN_GLOBAL_ARGS: [&str; 11] = [
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDOSVERSION",
    "BUILDARCH",
    "BUILDVARIANT",
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETOSVERSION",
    "TARGETARCH",
    "TARGETVARIANT",
    "TARGETSTAGE",
];

/// `reportUnusedFromArgs` (UndefinedArgInFrom): a variable used in a FROM
/// image name or `--platform` that is neither a declared global ARG nor one
/// of BuildKit's predefined platform arguments. Reported for every stage.
fn undefined_from_args(b: &mut Builder, global_args: &[ArgDecl], stages: &[StageInfo]) {
    let mut keys: Vec<&str> = BUILTIN_GLOBAL_ARGS.to_vec();
    for a in global_args {
        if !keys.contains(&a.name.as_str()) {
            keys.push(a.name.as_str());
        }
    }
    baleine_util::sort(&mut keys);
    let env = |k: &str| {
        if BUILTIN_GLOBAL_ARGS.contains(&k) {
            return Some(String::new());
        }
        global_args
            .iter()
            .rev()
            .find(|a| a.name == k)
            .and_then(|a| a.default.as_ref())
            .map(|_| "x".to_string())
    };
    // The platform arguments' values for the --platform checks (the
    // simulated builder is linux/amd64).
    let plat_env = |k: &str| match k {
        "TARGETPLATFORM" | "BUILDPLATFORM" => Some("linux/amd64".to_string()),
        "TARGETOS" | "BUILDOS" => Some("linux".to_string()),
        "TARGETARCH" | "BUILDARCH" => Some("amd64".to_string()),
        _ => env(k),
    };
    for s in stages {
        let words = std::iter::once((&s.stage.base, false)).chain(s.stage.platform.as_ref().map(|p| (p, true)));
        for (w, is_platform) in words {
            let Ok(r) = Lex::new(b.escape).process(w, &env) else {
                continue;
            };
            for var in &r.unmatched {
                if keys.contains(&var.as_str()) {
                    continue;
                }
                let mut msg = format!("FROM argument '{var}' is not declared");
                if let Some(m) = suggest(var, &keys, true) {
                    msg.push_str(&format!(" (did you mean {m}?)"));
                }
                b.warn(s.stage.line, "UndefinedArgInFrom", msg);
            }
            if !is_platform {
                continue;
            }
            // dockerfile2llb/convert.go reportRedundantTargetPlatform and
            // reportConstPlatformDisallowed.
            let Ok(r) = Lex::new(b.escape).process(w, &plat_env) else {
                continue;
            };
            if r.matched.len() == 1 && r.unmatched.is_empty() && r.matched.contains("TARGETPLATFORM") && r.result == "linux/amd64" {
                b.warn(s.stage.line, "RedundantTargetPlatform", format!("Setting platform to predefined {w} in FROM is redundant as this is the default behavior"));
            }
            if r.matched.is_empty() && r.unmatched.is_empty() {
                if let Some((os, arch)) = parse_platform(&r.result) {
                    let name = s.stage.name.as_deref().unwrap_or("");
                    if !name.contains(os.as_str()) && !name.contains(arch.as_str()) {
                        b.warn(s.stage.line, "FromPlatformFlagConstDisallowed", format!("FROM --platform flag should not use constant value {}", go_quote(&r.result)));
                    }
                }
            }
        }
    }
}

/// containerd's platforms.Parse, reduced to the OS and architecture it
/// yields (None where it fails).
fn parse_platform(s: &str) -> Option<(String, String)> {
    let parts: Vec<String> = s.split('/').map(str::to_ascii_lowercase).collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')) {
        return None;
    }
    let os = |o: &str| if o == "macos" { "darwin".to_string() } else { o.to_string() };
    let arch = |a: &str| -> String {
        match a {
            "i386" | "x86" | "i686" => "386",
            "x86_64" | "x86-64" | "amd64" => "amd64",
            "aarch64" | "arm64" => "arm64",
            "armhf" | "armel" | "arm" => "arm",
            other => other,
        }
        .to_string()
    };
    const KNOWN_OS: [&str; 13] = ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd"];
    const KNOWN_ARCH: [&str; 24] = [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64",
        "s390", "s390x", "sparc", "sparc64", "wasm",
    ];
    match parts.as_slice() {
        [one] => {
            let o = os(one);
            if KNOWN_OS.contains(&o.as_str()) || o == "windows" || o == "solaris" || o == "plan9" || o == "zos" {
                Some((o, "amd64".to_string()))
            } else {
                let a = arch(one);
                KNOWN_ARCH.contains(&a.as_str()).then(|| ("linux".to_string(), a))
            }
        }
        [o, a] | [o, a, _] => Some((os(o), arch(a))),
        _ => None,
    }
}
