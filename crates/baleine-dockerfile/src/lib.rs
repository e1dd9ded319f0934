//! A Dockerfile parser faithful to BuildKit's `frontend/dockerfile`
//! (`parser/`, `instructions/`, `shell/`, `linter/`), plus a best-practice
//! linter ([`lint`]) and BuildKit's shell-word expansion ([`expand`]).
//!
//! [`parse`] never fails and never panics: it returns a [`Dockerfile`] with
//! whatever could be understood and a list of [`Diagnostic`]s. Errors are
//! listed first, in the order BuildKit would report them (so the first one is
//! the message a real `docker build` prints after `ERROR: failed to solve: `),
//! followed by warnings (BuildKit build checks) sorted by line.
//!
//! Values are kept *raw*, exactly as BuildKit's instruction layer holds them
//! before dispatch: quotes and `$VARIABLES` are still present in ENV/LABEL
//! values, ARG defaults, paths, USER, WORKDIR, EXPOSE, VOLUME, COPY sources
//! and mount options. The builder expands them with [`expand::expand_word`]
//! (which also removes quotes), as BuildKit does at dispatch time.

pub mod expand;
pub mod lint;

mod goparse;
mod instructions;
mod json;
mod parser;
mod util;

/// Parses a Dockerfile. Never fails, never panics, performs no I/O.
pub fn parse(src: &str) -> Dockerfile {
    instructions::build(src)
}

/// A parsed Dockerfile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dockerfile {
    /// From the `# escape=` directive, default `\`.
    pub escape: char,
    /// The `# syntax=` directive, if any.
    pub syntax: Option<String>,
    /// ARGs declared before the first FROM.
    pub global_args: Vec<ArgDecl>,
    pub stages: Vec<Stage>,
    /// Errors (fatal for a build; the first one is what BuildKit reports)
    /// followed by warnings sorted by line.
    pub diagnostics: Vec<Diagnostic>,
    /// Checks disabled by the `# check=skip=...` directive (`all` for
    /// `skip=all`), for the checks the builder runs at dispatch time.
    pub check_skip: Vec<String>,
}

impl Dockerfile {
    /// The errors, in BuildKit's reporting order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The warnings (BuildKit build checks), sorted by line.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// Whether the `# check=skip=` directive disables the build check `rule`.
    pub fn check_skipped(&self, rule: &str) -> bool {
        self.check_skip.iter().any(|s| s == "all" || s == rule)
    }

    /// Resolves a `COPY --from` / `--target` style reference: a number is a
    /// stage index (as BuildKit tries `strconv.Atoi` first); otherwise a
    /// case-insensitive stage name (the last stage with that name wins, like
    /// BuildKit's name map).
    pub fn stage_index(&self, name_or_index: &str) -> Option<usize> {
        let digits = name_or_index
            .strip_prefix('+')
            .or_else(|| name_or_index.strip_prefix('-'))
            .unwrap_or(name_or_index);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if name_or_index.starts_with('-') {
                return None;
            }
            let idx: usize = digits.parse().ok()?;
            return (idx < self.stages.len()).then_some(idx);
        }
        let lower = name_or_index.to_lowercase();
        self.stages
            .iter()
            .rposition(|s| s.name.as_deref() == Some(lower.as_str()))
    }
}

/// A build stage (`FROM ...` and the instructions that follow it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    pub index: usize,
    /// The stage name, lower-cased as BuildKit does.
    pub name: Option<String>,
    /// The raw, unexpanded image reference or stage name.
    pub base: String,
    /// `--platform`, raw.
    pub platform: Option<String>,
    pub line: usize,
    /// The FROM instruction as written (continuations joined, trimmed).
    pub from_text: String,
    pub instructions: Vec<Instr>,
}

/// An `ARG` declaration. `default` is raw (quotes kept, unexpanded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgDecl {
    pub name: String,
    pub default: Option<String>,
}

/// One instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instr {
    /// First line of the instruction (1-based).
    pub line: usize,
    /// Last line, including continuation lines and heredoc bodies.
    pub end_line: usize,
    /// The instruction as BuildKit's progress output shows it before
    /// variable expansion: the source text with continuations joined
    /// (continuation-line indentation kept, comment lines dropped), trimmed,
    /// the keyword upper-cased (BuildKit's `uppercaseCmd`), and for a RUN
    /// whose command is a single heredoc the ` (first line...)` summary.
    /// Use [`Instr::progress_name`] to apply BuildKit's variable expansion.
    pub text: String,
    pub kind: Instruction,
}

impl Instr {
    /// The exact vertex name BuildKit shows after `[2/5] `: [`Instr::text`]
    /// with variables expanded like `dockerfile2llb` does (`RUN` keeps quotes
    /// and unset variables; other instructions go through a plain
    /// `ProcessWord`). On expansion errors the text is returned unchanged.
    pub fn progress_name(&self, env: &dyn Fn(&str) -> Option<String>, escape: char) -> String {
        let mut lex = expand::Lex::new(escape);
        if matches!(self.kind, Instruction::Run { .. }) {
            lex.raw_quotes = true;
            lex.skip_unset_env = true;
        }
        let expanded = match lex.process(&self.text, env) {
            Ok(e) => e.result,
            Err(_) => self.text.clone(),
        };
        util::uppercase_cmd(&expanded)
    }

    /// For `ONBUILD`, the trigger as stored in the image configuration
    /// (`OnBuild` list): the instruction without the `ONBUILD` keyword, with
    /// heredoc bodies appended as BuildKit does.
    pub fn onbuild_expression(&self) -> Option<String> {
        let Instruction::Onbuild(inner) = &self.kind else {
            return None;
        };
        let t = util::trim_space(&self.text);
        let rest = match t.get(..7) {
            Some(k) if k.eq_ignore_ascii_case("onbuild") => {
                t[7..].trim_start_matches(util::is_space)
            }
            _ => t,
        };
        let mut out = rest.to_string();
        let heredocs: &[Heredoc] = match &inner.kind {
            Instruction::Run { heredocs, .. } => heredocs,
            Instruction::Add { heredocs, .. } => heredocs,
            Instruction::Copy { heredocs, .. } => heredocs,
            _ => &[],
        };
        for h in heredocs {
            out.push('\n');
            out.push_str(&h.content);
            out.push_str(&h.name);
        }
        Some(out)
    }
}

/// BuildKit's `suggest.Search` (case-sensitive): the closest option at a
/// Levenshtein distance below 3, scanning `options` in order.
pub fn suggest(val: &str, options: &[&str]) -> Option<String> {
    util::suggest(val, options, true)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellOrExec {
    /// Shell form: the command line as written (run with the stage's SHELL).
    Shell(String),
    /// JSON (exec) form.
    Exec(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Instruction {
    Run {
        cmd: ShellOrExec,
        mounts: Vec<RunMount>,
        /// `--network` if given (`default`, `none` or `host`).
        network: Option<String>,
        heredocs: Vec<Heredoc>,
    },
    Cmd(ShellOrExec),
    Entrypoint(ShellOrExec),
    /// Raw key/value pairs (quotes kept; expand with [`expand::expand_word`]).
    Label(Vec<(String, String)>),
    /// Raw words, sorted like BuildKit does (e.g. "53/udp", "80", "$PORT").
    Expose(Vec<String>),
    /// Raw key/value pairs, from both `K=V K2="a b"` and legacy `K V w`.
    Env(Vec<(String, String)>),
    Add {
        /// Non-heredoc sources, raw.
        srcs: Vec<String>,
        dest: String,
        chown: Option<String>,
        chmod: Option<String>,
        link: bool,
        checksum: Option<String>,
        /// Heredoc sources (`ADD <<EOF /dest`), in source order.
        heredocs: Vec<Heredoc>,
    },
    Copy {
        /// Non-heredoc sources, raw.
        srcs: Vec<String>,
        dest: String,
        from: Option<String>,
        chown: Option<String>,
        chmod: Option<String>,
        link: bool,
        parents: bool,
        excludes: Vec<String>,
        /// Heredoc sources (`COPY <<EOF /dest`), in source order.
        heredocs: Vec<Heredoc>,
    },
    /// Raw paths (JSON or whitespace form).
    Volume(Vec<String>),
    User(String),
    Workdir(String),
    Arg(Vec<ArgDecl>),
    Onbuild(Box<Instr>),
    Stopsignal(String),
    /// `None` = `HEALTHCHECK NONE`.
    Healthcheck(Option<Healthcheck>),
    Shell(Vec<String>),
    Maintainer(String),
}

/// A `RUN --mount=...` specification, raw (unexpanded) values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunMount {
    /// `bind` (default), `cache`, `secret`, `ssh` or `tmpfs` (lower-cased).
    pub kind: String,
    /// `target`/`dst`/`destination`.
    pub target: Option<String>,
    pub id: Option<String>,
    /// `source`/`src`.
    pub source: Option<String>,
    pub from: Option<String>,
    /// Every other field in order, keys lower-cased; bare flags such as `ro`
    /// or `required` have an empty value.
    pub options: Vec<(String, String)>,
}

/// A heredoc body attached to RUN/COPY/ADD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heredoc {
    /// The terminator word, quotes removed.
    pub name: String,
    /// The body as written (every line with its newline), before `<<-` tab
    /// stripping; see [`Heredoc::data`].
    pub content: String,
    /// False when the delimiter was (partly) quoted: no variable expansion.
    pub expand: bool,
    /// `<<-`: leading tabs are stripped.
    pub chomp: bool,
}

impl Heredoc {
    /// The content with leading tabs stripped when `chomp` is set
    /// (BuildKit's `ChompHeredocContent`).
    pub fn data(&self) -> String {
        if self.chomp {
            parser::chomp_heredoc_content(&self.content)
        } else {
            self.content.clone()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Healthcheck {
    /// `["CMD", arg...]` (exec form) or `["CMD-SHELL", "command"]`.
    pub test: Vec<String>,
    /// Nanoseconds; `None` when not given or zero (= inherit/default).
    pub interval: Option<u64>,
    pub timeout: Option<u64>,
    pub start_period: Option<u64>,
    pub start_interval: Option<u64>,
    pub retries: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based.
    pub line: usize,
    /// 1-based (BuildKit locations are line-granular: usually 1).
    pub column: usize,
    pub severity: Severity,
    /// BuildKit check name for warnings (e.g. `JSONArgsRecommended`).
    pub code: Option<&'static str>,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[cfg(test)]
mod tests;
