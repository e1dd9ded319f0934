//! A best-practice linter in the spirit of hadolint and BuildKit's build
//! checks. Every finding carries a short explanation in English and French
//! and, where one exists, a documentation URL.

use crate::instructions::secret_key_message;
use crate::parser::split_command;
use crate::util::split_re_ws;
use crate::{Dockerfile, Instr, Instruction, ShellOrExec, Stage};

/// What the linter knows about the build context.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LintContext {
    /// Relative paths of the files in the build context.
    pub context_files: Vec<String>,
    pub has_dockerignore: bool,
}

/// One lint finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Rule id, e.g. `AptNoInstallRecommends`.
    pub rule: &'static str,
    /// 1-based line (file-level findings use line 1).
    pub line: usize,
    pub message: String,
    pub explain_en: &'static str,
    pub explain_fr: &'static str,
    pub url: Option<&'static str>,
}

struct Rule {
    id: &'static str,
    en: &'static str,
    fr: &'static str,
    url: Option<&'static str>,
}

/// All rules, in a stable order (also used to order findings on one line).
const RULES: &[Rule] = &[
    Rule {
        id: "RootUser",
        en: "The image runs as root. Add a USER instruction with an unprivileged user to the final stage to limit the damage a compromised process can do.",
        fr: "L'image s'exécute en root. Ajoutez une instruction USER avec un utilisateur non privilégié dans l'étape finale pour limiter les dégâts d'un processus compromis.",
        url: Some("https://github.com/hadolint/hadolint/wiki/DL3002"),
    },
    Rule {
        id: "AptNoInstallRecommends",
        en: "apt-get install pulls in \"recommended\" packages by default. Use --no-install-recommends to keep the image small and predictable.",
        fr: "apt-get install ajoute par défaut les paquets « recommandés ». Utilisez --no-install-recommends pour garder une image petite et prévisible.",
        url: Some("https://github.com/hadolint/hadolint/wiki/DL3015"),
    },
    Rule {
        id: "AptListsNotCleaned",
        en: "The apt package lists stay in the layer unless they are removed in the same RUN. Finish with `rm -rf /var/lib/apt/lists/*` (or use a cache mount).",
        fr: "Les listes de paquets apt restent dans la couche si elles ne sont pas supprimées dans le même RUN. Terminez par `rm -rf /var/lib/apt/lists/*` (ou utilisez un montage de cache).",
        url: Some("https://github.com/hadolint/hadolint/wiki/DL3009"),
    },
    Rule {
        id: "ConsecutiveRun",
        en: "Each RUN creates a layer. Consecutive RUN instructions can often be merged with `&&` to reduce layers and image size.",
        fr: "Chaque RUN crée une couche. Des RUN consécutifs peuvent souvent être fusionnés avec `&&` pour réduire le nombre de couches et la taille de l'image.",
        url: Some("https://github.com/hadolint/hadolint/wiki/DL3059"),
    },
    Rule {
        id: "LatestTag",
        en: "Without an explicit tag (or with :latest) the base image can change at any time, making builds unreproducible. Pin a version tag or a digest.",
        fr: "Sans tag explicite (ou avec :latest), l'image de base peut changer à tout moment et les builds ne sont plus reproductibles. Fixez un tag de version ou un digest.",
        url: Some("https://github.com/hadolint/hadolint/wiki/DL3007"),
    },
    Rule {
        id: "AddInsteadOfCopy",
        en: "ADD has extra magic (URLs, archive extraction). For plain local files and directories, COPY is clearer and safer.",
        fr: "ADD a des comportements implicites (URL, extraction d'archives). Pour de simples fichiers ou dossiers locaux, COPY est plus clair et plus sûr.",
        url: Some("https://github.com/hadolint/hadolint/wiki/DL3020"),
    },
    Rule {
        id: "CopyAllBeforeInstall",
        en: "Copying the whole context before installing dependencies invalidates the dependency layer on every source change. Copy the manifest files first, install, then copy the rest.",
        fr: "Copier tout le contexte avant d'installer les dépendances invalide la couche des dépendances à chaque modification du code. Copiez d'abord les manifestes, installez, puis copiez le reste.",
        url: Some("https://docs.docker.com/build/cache/optimize/"),
    },
    Rule {
        id: "JSONArgsRecommended",
        en: "In shell form the command runs under /bin/sh -c, which does not forward signals such as SIGTERM. Use the JSON (exec) form so the process receives them.",
        fr: "En forme shell, la commande s'exécute via /bin/sh -c, qui ne transmet pas les signaux comme SIGTERM. Utilisez la forme JSON (exec) pour que le processus les reçoive.",
        url: Some("https://docs.docker.com/go/dockerfile/rule/json-args-recommended/"),
    },
    Rule {
        id: "SecretsUsedInArgOrEnv",
        en: "ARG and ENV values are stored in the image metadata and history. Pass secrets with RUN --mount=type=secret instead.",
        fr: "Les valeurs ARG et ENV sont conservées dans les métadonnées et l'historique de l'image. Transmettez les secrets avec RUN --mount=type=secret.",
        url: Some("https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/"),
    },
    Rule {
        id: "FromAsCasing",
        en: "The AS keyword should use the same casing as FROM, for consistency and readability.",
        fr: "Le mot-clé AS devrait avoir la même casse que FROM, par cohérence et lisibilité.",
        url: Some("https://docs.docker.com/go/dockerfile/rule/from-as-casing/"),
    },
    Rule {
        id: "NoDockerignore",
        en: "Without a .dockerignore, large or sensitive directories such as node_modules/ or .git/ are sent to the builder and may end up in the image.",
        fr: "Sans .dockerignore, des dossiers volumineux ou sensibles comme node_modules/ ou .git/ sont envoyés au builder et peuvent se retrouver dans l'image.",
        url: Some("https://docs.docker.com/build/concepts/context/#dockerignore-files"),
    },
    Rule {
        id: "MaintainerDeprecated",
        en: "MAINTAINER is deprecated. Use LABEL org.opencontainers.image.authors=\"...\" instead.",
        fr: "MAINTAINER est obsolète. Utilisez plutôt LABEL org.opencontainers.image.authors=\"...\".",
        url: Some("https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/"),
    },
    Rule {
        id: "WorkdirRelativePath",
        en: "A relative WORKDIR depends on the working directory of the base image, which may change. Use an absolute path.",
        fr: "Un WORKDIR relatif dépend du répertoire de travail de l'image de base, qui peut changer. Utilisez un chemin absolu.",
        url: Some("https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/"),
    },
    Rule {
        id: "MultipleCmd",
        en: "Only the last CMD (or ENTRYPOINT) of a stage takes effect; the earlier ones are silently ignored.",
        fr: "Seul le dernier CMD (ou ENTRYPOINT) d'une étape est pris en compte ; les précédents sont ignorés sans avertissement.",
        url: Some("https://docs.docker.com/go/dockerfile/rule/multiple-instructions-disallowed/"),
    },
];

struct Out(Vec<Finding>);

impl Out {
    fn add(&mut self, id: &'static str, line: usize, message: String) {
        if let Some(r) = RULES.iter().find(|r| r.id == id) {
            self.0.push(Finding {
                rule: r.id,
                line: line.max(1),
                message,
                explain_en: r.en,
                explain_fr: r.fr,
                url: r.url,
            });
        }
    }
}

/// Runs every rule. Findings are sorted by line (then by rule order).
pub fn lint(df: &Dockerfile, ctx: &LintContext) -> Vec<Finding> {
    let mut out = Out(Vec::new());
    root_user(df, &mut out);
    for stage in &df.stages {
        for instr in &stage.instructions {
            apt_rules(instr, &mut out);
            add_instead_of_copy(instr, &mut out);
            if matches!(instr.kind, Instruction::Maintainer(_)) {
                out.add(
                    "MaintainerDeprecated",
                    instr.line,
                    "MAINTAINER is deprecated, use a LABEL instead".into(),
                );
            }
        }
        consecutive_run(stage, &mut out);
        copy_all_before_install(stage, &mut out);
        json_args(stage, &mut out);
        multiple_cmd(stage, &mut out);
        from_as_casing(stage, df.escape, &mut out);
    }
    latest_tag(df, &mut out);
    secrets(df, &mut out);
    workdir_relative(df, &mut out);
    no_dockerignore(ctx, &mut out);

    let order = |id: &str| RULES.iter().position(|r| r.id == id).unwrap_or(usize::MAX);
    baleine_util::sort_by(&mut out.0, |a, b| a.line.cmp(&b.line).then(order(a.rule).cmp(&order(b.rule))));
    out.0
}

// ------------------------------------------------------------ shell helpers

/// The shell text a RUN executes (command line plus heredoc bodies).
fn run_text(instr: &Instr) -> Option<String> {
    let Instruction::Run { cmd, heredocs, .. } = &instr.kind else {
        return None;
    };
    let mut s = match cmd {
        ShellOrExec::Shell(s) => s.clone(),
        ShellOrExec::Exec(v) => v.join(" "),
    };
    for h in heredocs {
        s.push('\n');
        s.push_str(&h.content);
    }
    Some(s)
}

/// Splits a shell text into simple commands (on `&&`, `||`, `;`, `|`,
/// newlines) and each command into unquoted words. Good enough for
/// recognising package-manager invocations.
fn simple_commands(text: &str) -> Vec<Vec<String>> {
    let mut cmds = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut chars = text.chars().peekable();
    let flush_word = |word: &mut String, cur: &mut Vec<String>| {
        if !word.is_empty() {
            cur.push(std::mem::take(word));
        }
    };
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            } else {
                word.push(c);
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '\\' => {
                // Line continuation or escaped character.
                match chars.next() {
                    Some('\n') | None => flush_word(&mut word, &mut cur),
                    Some(n) => word.push(n),
                }
            }
            ';' | '|' | '&' | '\n' | '(' | ')' => {
                flush_word(&mut word, &mut cur);
                if !cur.is_empty() {
                    cmds.push(std::mem::take(&mut cur));
                }
            }
            c if c.is_whitespace() => flush_word(&mut word, &mut cur),
            c => word.push(c),
        }
    }
    flush_word(&mut word, &mut cur);
    if !cur.is_empty() {
        cmds.push(cur);
    }
    cmds
}

fn basename(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

/// For an `apt`/`apt-get` command: (subcommand, remaining words).
fn apt_subcommand(cmd: &[String]) -> Option<(&str, &[String])> {
    let pos = cmd
        .iter()
        .position(|w| matches!(basename(w), "apt-get" | "apt"))?;
    let mut i = pos + 1;
    while let Some(w) = cmd.get(i) {
        if matches!(
            w.as_str(),
            "-o" | "-c" | "-t" | "--option" | "--config-file" | "--target-release"
        ) {
            i += 2;
            continue;
        }
        if w.starts_with('-') {
            i += 1;
            continue;
        }
        return Some((w.as_str(), &cmd[pos + 1..]));
    }
    None
}

fn apt_rules(instr: &Instr, out: &mut Out) {
    let Some(text) = run_text(instr) else { return };
    let cmds = simple_commands(&text);
    let mut uses_apt = false;
    let mut missing_recommends = false;
    for c in &cmds {
        if let Some((sub, words)) = apt_subcommand(c) {
            if sub == "install" {
                uses_apt = true;
                let ok = words.iter().any(|w| {
                    w == "--no-install-recommends"
                        || w.eq_ignore_ascii_case("APT::Install-Recommends=false")
                        || w.eq_ignore_ascii_case("APT::Install-Recommends=0")
                });
                missing_recommends |= !ok;
            } else if sub == "update" {
                uses_apt = true;
            }
        }
    }
    if missing_recommends {
        out.add(
            "AptNoInstallRecommends",
            instr.line,
            "apt-get install without --no-install-recommends".into(),
        );
    }
    if !uses_apt {
        return;
    }
    let cleaned = cmds.iter().any(|c| {
        c.first().is_some_and(|w| basename(w) == "rm")
            && c.iter().any(|w| w.starts_with("/var/lib/apt/lists"))
    });
    let cache_mount = match &instr.kind {
        Instruction::Run { mounts, .. } => mounts.iter().any(|m| {
            m.kind == "cache"
                && m.target
                    .as_deref()
                    .is_some_and(|t| t.starts_with("/var/lib/apt"))
        }),
        _ => false,
    };
    if !cleaned && !cache_mount {
        out.add(
            "AptListsNotCleaned",
            instr.line,
            "apt lists are not removed in the same RUN (rm -rf /var/lib/apt/lists/*)".into(),
        );
    }
}

// ------------------------------------------------------------ rules

fn final_user(df: &Dockerfile) -> (Option<(usize, String)>, usize) {
    let Some(last) = df.stages.last() else {
        return (None, 0);
    };
    let mut idx = last.index.min(df.stages.len() - 1);
    // Follow `FROM <previous stage>` chains (bounded by the stage count).
    for _ in 0..df.stages.len() {
        let Some(stage) = df.stages.get(idx) else {
            break;
        };
        if let Some((line, u)) = stage.instructions.iter().rev().find_map(|i| match &i.kind {
            Instruction::User(u) => Some((i.line, u.clone())),
            _ => None,
        }) {
            return (Some((line, u)), last.line);
        }
        match df.stages[..idx].iter().rposition(|s| {
            s.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(&stage.base))
        }) {
            Some(j) => idx = j,
            None => break,
        }
    }
    (None, last.line)
}

fn root_user(df: &Dockerfile, out: &mut Out) {
    if df.stages.is_empty() {
        return;
    }
    match final_user(df) {
        (None, from_line) => out.add(
            "RootUser",
            from_line,
            "The final stage has no USER instruction, so the container runs as root".into(),
        ),
        (Some((line, user)), _) => {
            let u = crate::expand::expand_word(&user, &|_| None, df.escape).unwrap_or(user);
            let name = u.split(':').next().unwrap_or_default();
            if name == "root" || name == "0" {
                out.add(
                    "RootUser",
                    line,
                    format!("The final stage switches to USER {u}"),
                );
            }
        }
    }
}

fn consecutive_run(stage: &Stage, out: &mut Out) {
    let mut group: Vec<&Instr> = Vec::new();
    let mut flush = |group: &mut Vec<&Instr>| {
        if group.len() >= 2 {
            let (first, last) = (group[0].line, group[group.len() - 1].line);
            out.add(
                "ConsecutiveRun",
                first,
                format!(
                    "{} consecutive RUN instructions (lines {first}-{last}) could be merged",
                    group.len()
                ),
            );
        }
        group.clear();
    };
    for instr in &stage.instructions {
        match &instr.kind {
            Instruction::Run {
                mounts, network, ..
            } if mounts.is_empty() && network.is_none() => group.push(instr),
            _ => flush(&mut group),
        }
    }
    flush(&mut group);
}

fn is_latest(base: &str) -> Option<&'static str> {
    let last = base.rsplit('/').next().unwrap_or(base);
    match last.split_once(':') {
        Some((_, "latest")) => Some("uses the 'latest' tag"),
        Some(_) => None,
        None => Some("has no tag (defaults to 'latest')"),
    }
}

fn latest_tag(df: &Dockerfile, out: &mut Out) {
    for (i, st) in df.stages.iter().enumerate() {
        let base = st.base.as_str();
        if base.contains('$') || base.contains('@') || base.eq_ignore_ascii_case("scratch") {
            continue;
        }
        let is_stage = df.stages[..i].iter().any(|p| {
            p.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(base))
        });
        if is_stage {
            continue;
        }
        if let Some(why) = is_latest(base) {
            out.add("LatestTag", st.line, format!("Base image '{base}' {why}"));
        }
    }
}

const ARCHIVE_EXTS: &[&str] = &[
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst",
    ".gz", ".bz2", ".xz", ".zst",
];

fn is_remote_or_archive(src: &str) -> bool {
    let l = src.to_lowercase();
    l.contains("://")
        || l.starts_with("git@")
        || ARCHIVE_EXTS.iter().any(|e| l.ends_with(e))
        || l.contains('$')
}

fn add_instead_of_copy(instr: &Instr, out: &mut Out) {
    let Instruction::Add { srcs, .. } = &instr.kind else {
        return;
    };
    if srcs.iter().any(|s| is_remote_or_archive(s)) {
        return;
    }
    out.add(
        "AddInsteadOfCopy",
        instr.line,
        "ADD used for local files; COPY is preferred".into(),
    );
}

/// Recognises dependency-install commands; returns a display name.
fn install_command(cmd: &[String]) -> Option<String> {
    let w: Vec<&str> = cmd.iter().map(|s| basename(s)).collect();
    for (i, tool) in w.iter().enumerate() {
        let next = w.get(i + 1).copied();
        let hit = match *tool {
            "npm" => matches!(next, Some("install" | "ci" | "i")),
            "yarn" => matches!(next, None | Some("install")),
            "pnpm" | "bundle" | "composer" | "poetry" => next == Some("install"),
            "pip" | "pip3" => next == Some("install"),
            "go" => next == Some("mod") && w.get(i + 2) == Some(&"download"),
            _ => false,
        };
        if hit {
            return Some(w[i..].iter().take(3).copied().collect::<Vec<_>>().join(" "));
        }
    }
    None
}

fn copy_all_before_install(stage: &Stage, out: &mut Out) {
    for (i, instr) in stage.instructions.iter().enumerate() {
        let Instruction::Copy {
            srcs, from: None, ..
        } = &instr.kind
        else {
            continue;
        };
        if !srcs
            .iter()
            .any(|s| matches!(s.as_str(), "." | "./" | "*" | "./*"))
        {
            continue;
        }
        let later = stage.instructions[i + 1..].iter().find_map(|r| {
            let text = run_text(r)?;
            simple_commands(&text)
                .iter()
                .find_map(|c| install_command(c))
                .map(|c| (r.line, c))
        });
        if let Some((line, cmd)) = later {
            out.add(
                "CopyAllBeforeInstall",
                instr.line,
                format!("The whole context is copied before `{cmd}` (line {line}), which busts the dependency cache"),
            );
        }
    }
}

fn json_args(stage: &Stage, out: &mut Out) {
    let mut shell_set = false;
    for instr in &stage.instructions {
        match &instr.kind {
            Instruction::Shell(_) => shell_set = true,
            Instruction::Cmd(ShellOrExec::Shell(s))
            | Instruction::Entrypoint(ShellOrExec::Shell(s))
                if !shell_set && !s.trim().is_empty() =>
            {
                let name = if matches!(instr.kind, Instruction::Cmd(_)) {
                    "CMD"
                } else {
                    "ENTRYPOINT"
                };
                out.add(
                    "JSONArgsRecommended",
                    instr.line,
                    format!("JSON arguments recommended for {name} to prevent unintended behavior related to OS signals"),
                );
            }
            _ => {}
        }
    }
}

fn multiple_cmd(stage: &Stage, out: &mut Out) {
    for (name, is) in [
        (
            "CMD",
            (|k: &Instruction| matches!(k, Instruction::Cmd(_))) as fn(&Instruction) -> bool,
        ),
        ("ENTRYPOINT", |k: &Instruction| {
            matches!(k, Instruction::Entrypoint(_))
        }),
    ] {
        let lines: Vec<usize> = stage
            .instructions
            .iter()
            .filter(|i| is(&i.kind))
            .map(|i| i.line)
            .collect();
        if let Some((_, earlier)) = lines.split_last() {
            for &l in earlier {
                out.add(
                    "MultipleCmd",
                    l,
                    format!(
                        "Multiple {name} instructions in the same stage: only the last one is used"
                    ),
                );
            }
        }
    }
}

fn from_as_casing(stage: &Stage, escape: char, out: &mut Out) {
    let (cmd, _, args) = split_command(&stage.from_text, escape);
    let words = split_re_ws(args, 0);
    if words.len() < 3 {
        return;
    }
    let as_kw = &words[1];
    let ok = if cmd == cmd.to_lowercase() {
        *as_kw == as_kw.to_lowercase()
    } else if cmd == cmd.to_uppercase() {
        *as_kw == as_kw.to_uppercase()
    } else {
        true
    };
    if !ok {
        out.add(
            "FromAsCasing",
            stage.line,
            format!("'{as_kw}' and '{cmd}' keywords' casing do not match"),
        );
    }
}

fn secrets(df: &Dockerfile, out: &mut Out) {
    // Global ARGs carry no line of their own in the model; report them on
    // the first line, BuildKit itself only checks ARGs inside stages.
    for a in &df.global_args {
        if let Some(m) = secret_key_message("ARG", &a.name) {
            out.add("SecretsUsedInArgOrEnv", 1, m);
        }
    }
    for st in &df.stages {
        for instr in &st.instructions {
            let (what, keys): (&str, Vec<&str>) = match &instr.kind {
                Instruction::Arg(d) => ("ARG", d.iter().map(|a| a.name.as_str()).collect()),
                Instruction::Env(p) => ("ENV", p.iter().map(|(k, _)| k.as_str()).collect()),
                _ => continue,
            };
            for k in keys {
                if let Some(m) = secret_key_message(what, k) {
                    out.add("SecretsUsedInArgOrEnv", instr.line, m);
                }
            }
        }
    }
}

fn workdir_relative(df: &Dockerfile, out: &mut Out) {
    let mut set: Vec<bool> = Vec::with_capacity(df.stages.len());
    for (i, st) in df.stages.iter().enumerate() {
        let mut wd = df.stages[..i]
            .iter()
            .rposition(|p| p.name.as_deref() == Some(st.base.as_str()))
            .and_then(|j| set.get(j).copied())
            .unwrap_or(false);
        for instr in &st.instructions {
            if let Instruction::Workdir(p) = &instr.kind {
                if !wd {
                    let path = crate::expand::expand_word(p, &|_| None, df.escape)
                        .unwrap_or_else(|_| p.clone());
                    if !p.contains('$') && !path.starts_with('/') {
                        out.add(
                            "WorkdirRelativePath",
                            instr.line,
                            format!("Relative workdir \"{path}\" can have unexpected results if the base image changes"),
                        );
                    }
                }
                wd = true;
            }
        }
        set.push(wd);
    }
}

fn no_dockerignore(ctx: &LintContext, out: &mut Out) {
    if ctx.has_dockerignore {
        return;
    }
    let has = |dir: &str| {
        ctx.context_files.iter().any(|p| {
            let p = p.trim_start_matches("./");
            p == dir || p.starts_with(&format!("{dir}/")) || p.contains(&format!("/{dir}/"))
        })
    };
    let found: Vec<&str> = ["node_modules", ".git"]
        .into_iter()
        .filter(|d| has(d))
        .collect();
    if !found.is_empty() {
        let list: Vec<String> = found.iter().map(|d| format!("{d}/")).collect();
        out.add(
            "NoDockerignore",
            1,
            format!(
                "No .dockerignore, but the build context contains {}",
                list.join(" and ")
            ),
        );
    }
}

#[cfg(test)]
#[path = "lint_tests.rs"]
mod tests;
