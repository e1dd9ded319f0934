//! Light syntax colouring for the editor: one line at a time, no state
//! between lines (enough for Dockerfiles, YAML, .env, .dockerignore, JSON,
//! JavaScript, Python and Go as learners write them).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Dockerfile,
    Yaml,
    Env,
    Ignore,
    Json,
    Js,
    Python,
    Go,
    Plain,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Keyword,
    String,
    Comment,
    Number,
    Key,
    Variable,
    Flag,
    Punct,
}

impl Kind {
    /// CSS class of the token (`None` for plain text).
    pub fn class(self) -> Option<&'static str> {
        Some(match self {
            Kind::Text => return None,
            Kind::Keyword => "tk-kw",
            Kind::String => "tk-str",
            Kind::Comment => "tk-com",
            Kind::Number => "tk-num",
            Kind::Key => "tk-key",
            Kind::Variable => "tk-var",
            Kind::Flag => "tk-flag",
            Kind::Punct => "tk-punct",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub text: String,
}

/// Picks the language from a file name (the last path component).
pub fn lang_for(path: &str) -> Lang {
    let name = path.rsplit('/').next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if lower == "dockerfile" || lower.starts_with("dockerfile.") || lower.ends_with(".dockerfile") || lower == "containerfile" {
        Lang::Dockerfile
    } else if lower == ".dockerignore" || lower == ".gitignore" {
        Lang::Ignore
    } else if lower == ".env" || lower.starts_with(".env.") || ext == "env" {
        Lang::Env
    } else {
        match ext {
            "yml" | "yaml" => Lang::Yaml,
            "json" => Lang::Json,
            "js" | "mjs" | "cjs" | "ts" => Lang::Js,
            "py" => Lang::Python,
            "go" => Lang::Go,
            _ => Lang::Plain,
        }
    }
}

const DOCKERFILE_KW: &[&str] = &[
    "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG",
    "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "AS",
];
const JS_KW: &[&str] = &[
    "const", "let", "var", "function", "return", "if", "else", "for", "while", "import", "from", "export", "default", "async", "await",
    "new", "class", "require", "true", "false", "null", "undefined", "try", "catch", "throw", "of", "in",
];
const PY_KW: &[&str] = &[
    "def", "class", "return", "if", "elif", "else", "for", "while", "import", "from", "as", "with", "try", "except", "finally", "raise",
    "True", "False", "None", "and", "or", "not", "in", "is", "lambda", "pass", "print", "async", "await",
];
const GO_KW: &[&str] = &[
    "package", "import", "func", "return", "if", "else", "for", "range", "var", "const", "type", "struct", "interface", "map", "go",
    "defer", "nil", "true", "false", "err", "chan", "select", "switch", "case",
];

/// Tokens of every line of `text`.
pub fn highlight(text: &str, lang: Lang) -> Vec<Vec<Token>> {
    text.split('\n').map(|line| highlight_line(line, lang)).collect()
}

/// Tokens of one line.
pub fn highlight_line(line: &str, lang: Lang) -> Vec<Token> {
    let mut out = Tokens::default();
    match lang {
        Lang::Plain => out.push(Kind::Text, line),
        Lang::Ignore => {
            if line.trim_start().starts_with('#') {
                out.push(Kind::Comment, line);
            } else if let Some(rest) = line.strip_prefix('!') {
                out.push(Kind::Keyword, "!");
                out.push(Kind::String, rest);
            } else {
                out.push(Kind::String, line);
            }
        }
        Lang::Env => {
            let trimmed = line.trim_start();
            if trimmed.starts_with('#') {
                out.push(Kind::Comment, line);
            } else if let Some((k, v)) = line.split_once('=') {
                out.push(Kind::Key, k);
                out.push(Kind::Punct, "=");
                generic(&mut out, v, &[], None, Kind::String);
            } else {
                out.push(Kind::Text, line);
            }
        }
        Lang::Dockerfile => dockerfile(&mut out, line),
        Lang::Yaml => yaml(&mut out, line),
        Lang::Json => generic(&mut out, line, &["true", "false", "null"], None, Kind::Text),
        Lang::Js => generic(&mut out, line, JS_KW, Some("//"), Kind::Text),
        Lang::Python => generic(&mut out, line, PY_KW, Some("#"), Kind::Text),
        Lang::Go => generic(&mut out, line, GO_KW, Some("//"), Kind::Text),
    }
    if lang == Lang::Json {
        // A string followed by ':' is a key.
        let toks = &mut out.0;
        for i in 0..toks.len() {
            if toks[i].kind == Kind::String {
                let next = toks[i + 1..].iter().find(|t| !t.text.trim().is_empty());
                if next.is_some_and(|t| t.text.starts_with(':')) {
                    toks[i].kind = Kind::Key;
                }
            }
        }
    }
    out.0
}

#[derive(Default)]
struct Tokens(Vec<Token>);

impl Tokens {
    fn push(&mut self, kind: Kind, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => self.0.push(Token { kind, text: text.to_string() }),
        }
    }
}

fn dockerfile(out: &mut Tokens, line: &str) {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    out.push(Kind::Text, indent);
    if trimmed.starts_with('#') {
        out.push(Kind::Comment, trimmed);
        return;
    }
    let word_end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
    let word = &trimmed[..word_end];
    let rest = if DOCKERFILE_KW.contains(&word.to_ascii_uppercase().as_str()) {
        out.push(Kind::Keyword, word);
        &trimmed[word_end..]
    } else {
        trimmed
    };
    // Flags (--from=builder), "AS name", variables and strings.
    let mut chars = rest.char_indices().peekable();
    let mut plain_start = 0;
    while let Some((i, c)) = chars.next() {
        let at_word_start = i == 0 || rest[..i].ends_with(char::is_whitespace);
        if c == '-' && at_word_start && rest[i..].starts_with("--") {
            out.push(Kind::Text, &rest[plain_start..i]);
            let end = rest[i..].find(char::is_whitespace).map(|e| i + e).unwrap_or(rest.len());
            out.push(Kind::Flag, &rest[i..end]);
            while chars.peek().is_some_and(|(j, _)| *j < end) {
                chars.next();
            }
            plain_start = end;
        } else if at_word_start && (rest[i..].starts_with("AS ") || rest[i..].starts_with("as ")) && word.eq_ignore_ascii_case("FROM") {
            out.push(Kind::Text, &rest[plain_start..i]);
            out.push(Kind::Keyword, &rest[i..i + 2]);
            chars.next();
            plain_start = i + 2;
        } else if c == '$' {
            out.push(Kind::Text, &rest[plain_start..i]);
            let end = var_end(rest, i);
            out.push(Kind::Variable, &rest[i..end]);
            while chars.peek().is_some_and(|(j, _)| *j < end) {
                chars.next();
            }
            plain_start = end;
        } else if c == '"' || c == '\'' {
            out.push(Kind::Text, &rest[plain_start..i]);
            let end = string_end(rest, i, c);
            out.push(Kind::String, &rest[i..end]);
            while chars.peek().is_some_and(|(j, _)| *j < end) {
                chars.next();
            }
            plain_start = end;
        }
    }
    out.push(Kind::Text, &rest[plain_start..]);
}

fn var_end(s: &str, start: usize) -> usize {
    let b = s.as_bytes();
    if b.get(start + 1) == Some(&b'{') {
        return s[start..].find('}').map(|e| start + e + 1).unwrap_or(s.len());
    }
    let mut end = start + 1;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
        end += 1;
    }
    end
}

fn string_end(s: &str, start: usize, quote: char) -> usize {
    let mut escaped = false;
    for (j, c) in s[start + 1..].char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == quote {
            return start + 1 + j + 1;
        }
    }
    s.len()
}

fn yaml(out: &mut Tokens, line: &str) {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    out.push(Kind::Text, indent);
    if trimmed.starts_with('#') {
        out.push(Kind::Comment, trimmed);
        return;
    }
    let mut rest = trimmed;
    if let Some(r) = rest.strip_prefix("- ") {
        out.push(Kind::Punct, "- ");
        rest = r;
    } else if rest == "-" {
        out.push(Kind::Punct, "-");
        return;
    }
    // key: value (the key cannot start with a quote or a flow bracket here)
    if let Some(colon) = find_key_colon(rest) {
        out.push(Kind::Key, &rest[..colon]);
        out.push(Kind::Punct, ":");
        rest = &rest[colon + 1..];
    }
    yaml_value(out, rest);
}

fn find_key_colon(s: &str) -> Option<usize> {
    if s.starts_with(['"', '\'', '[', '{']) {
        // "quoted key": value
        if let Some(q) = s.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let end = string_end(s, 0, q);
            if s[end..].starts_with(':') {
                return Some(end);
            }
        }
        return None;
    }
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'#' && i > 0 && b[i - 1] == b' ' {
            return None;
        }
        if c == b':' && (i + 1 == b.len() || b[i + 1] == b' ') {
            return Some(i);
        }
    }
    None
}

fn yaml_value(out: &mut Tokens, s: &str) {
    let trimmed = s.trim_start();
    out.push(Kind::Text, &s[..s.len() - trimmed.len()]);
    let (value, comment) = match trimmed.find(" #") {
        Some(i) if !trimmed.starts_with(['"', '\'']) => (&trimmed[..i], &trimmed[i..]),
        _ if trimmed.starts_with('#') => ("", trimmed),
        _ => (trimmed, ""),
    };
    let v = value.trim_end();
    let kind = if v.starts_with(['"', '\'']) {
        Kind::String
    } else if matches!(v, "true" | "false" | "yes" | "no" | "null" | "~" | "on" | "off") {
        Kind::Keyword
    } else if !v.is_empty() && v.parse::<f64>().is_ok() {
        Kind::Number
    } else if v.starts_with(['&', '*', '|', '>']) {
        Kind::Flag
    } else if v.contains('$') {
        // "${VAR}" interpolation inside a plain scalar
        let mut start = 0;
        let mut i = 0;
        while let Some(p) = v[i..].find('$') {
            let at = i + p;
            out.push(Kind::String, &v[start..at]);
            let end = var_end(v, at);
            out.push(Kind::Variable, &v[at..end]);
            start = end;
            i = end.max(at + 1);
        }
        out.push(Kind::String, &v[start..]);
        out.push(Kind::Text, &value[v.len()..]);
        out.push(Kind::Comment, comment);
        return;
    } else {
        Kind::String
    };
    out.push(kind, v);
    out.push(Kind::Text, &value[v.len()..]);
    out.push(Kind::Comment, comment);
}

/// C-like lexer: strings, numbers, keywords, line comments, punctuation.
fn generic(out: &mut Tokens, line: &str, keywords: &[&str], comment: Option<&str>, default: Kind) {
    let mut i = 0;
    let b = line.as_bytes();
    while i < line.len() {
        let rest = &line[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if let Some(cm) = comment {
            if rest.starts_with(cm) {
                out.push(Kind::Comment, rest);
                return;
            }
        }
        if c == '"' || c == '\'' || c == '`' {
            let end = string_end(line, i, c);
            out.push(Kind::String, &line[i..end]);
            i = end;
        } else if c.is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) {
            let end = rest.find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '_')).map(|e| i + e).unwrap_or(line.len());
            out.push(Kind::Number, &line[i..end]);
            i = end;
        } else if c.is_alphabetic() || c == '_' {
            let end = rest.find(|ch: char| !(ch.is_alphanumeric() || ch == '_')).map(|e| i + e).unwrap_or(line.len());
            let word = &line[i..end];
            out.push(if keywords.contains(&word) { Kind::Keyword } else { default }, word);
            i = end;
        } else if c == '$' && default == Kind::String {
            let end = var_end(line, i);
            out.push(Kind::Variable, &line[i..end]);
            i = end;
        } else if "{}[]():,;=".contains(c) && default != Kind::String {
            out.push(Kind::Punct, &rest[..c.len_utf8()]);
            i += c.len_utf8();
        } else {
            out.push(default, &rest[..c.len_utf8()]);
            i += c.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str, lang: Lang) -> Vec<(Kind, String)> {
        highlight_line(line, lang).into_iter().map(|t| (t.kind, t.text)).collect()
    }

    fn joined(line: &str, lang: Lang) -> String {
        highlight_line(line, lang).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn languages_by_name() {
        assert_eq!(lang_for("Dockerfile"), Lang::Dockerfile);
        assert_eq!(lang_for("app/Dockerfile.dev"), Lang::Dockerfile);
        assert_eq!(lang_for("compose.yaml"), Lang::Yaml);
        assert_eq!(lang_for("docker-compose.yml"), Lang::Yaml);
        assert_eq!(lang_for(".env"), Lang::Env);
        assert_eq!(lang_for(".dockerignore"), Lang::Ignore);
        assert_eq!(lang_for("package.json"), Lang::Json);
        assert_eq!(lang_for("server.js"), Lang::Js);
        assert_eq!(lang_for("app.py"), Lang::Python);
        assert_eq!(lang_for("main.go"), Lang::Go);
        assert_eq!(lang_for("README"), Lang::Plain);
    }

    #[test]
    fn text_is_preserved_exactly() {
        for (line, lang) in [
            ("FROM node:20 AS build", Lang::Dockerfile),
            ("COPY --from=build /app /srv  # x", Lang::Dockerfile),
            ("RUN echo \"$HOME\" ${X:-y} 'q'", Lang::Dockerfile),
            ("  - \"8080:80\"  # web", Lang::Yaml),
            ("    image: postgres:16", Lang::Yaml),
            ("{\"a\": [1, true, null]}", Lang::Json),
            ("const x = require('http'); // c", Lang::Js),
            ("déjà vu", Lang::Python),
            ("", Lang::Go),
        ] {
            assert_eq!(joined(line, lang), line, "{lang:?}");
        }
    }

    #[test]
    fn dockerfile_tokens() {
        let k = kinds("FROM node:20 AS build", Lang::Dockerfile);
        assert_eq!(k[0], (Kind::Keyword, "FROM".into()));
        assert!(k.contains(&(Kind::Keyword, "AS".into())));
        let k = kinds("COPY --from=build /app .", Lang::Dockerfile);
        assert!(k.contains(&(Kind::Flag, "--from=build".into())));
        let k = kinds("ENV PATH=$PATH:/x", Lang::Dockerfile);
        assert!(k.contains(&(Kind::Variable, "$PATH".into())));
        let k = kinds("# syntax=docker/dockerfile:1", Lang::Dockerfile);
        assert_eq!(k, vec![(Kind::Comment, "# syntax=docker/dockerfile:1".into())]);
    }

    #[test]
    fn yaml_tokens() {
        let k = kinds("    image: postgres:16", Lang::Yaml);
        assert_eq!(k[1], (Kind::Key, "image".into()));
        assert_eq!(k.last().unwrap(), &(Kind::String, "postgres:16".into()));
        let k = kinds("  restart: true # x", Lang::Yaml);
        assert!(k.contains(&(Kind::Keyword, "true".into())));
        assert!(k.contains(&(Kind::Comment, " # x".into())));
        let k = kinds("      - DB_URL=${DB_URL}", Lang::Yaml);
        assert!(k.contains(&(Kind::Variable, "${DB_URL}".into())));
        assert_eq!(kinds("replicas: 3", Lang::Yaml)[3], (Kind::Number, "3".into()));
    }

    #[test]
    fn json_keys_and_env() {
        let k = kinds("{\"name\": \"app\"}", Lang::Json);
        assert!(k.contains(&(Kind::Key, "\"name\"".into())));
        assert!(k.contains(&(Kind::String, "\"app\"".into())));
        let k = kinds("DB_PASSWORD=s3cret", Lang::Env);
        assert_eq!(k[0], (Kind::Key, "DB_PASSWORD".into()));
        assert_eq!(kinds("!keep.txt", Lang::Ignore)[0], (Kind::Keyword, "!".into()));
    }

    #[test]
    fn code_tokens() {
        let k = kinds("def main(): # hi", Lang::Python);
        assert_eq!(k[0], (Kind::Keyword, "def".into()));
        assert_eq!(k.last().unwrap(), &(Kind::Comment, "# hi".into()));
        let k = kinds("x := 42", Lang::Go);
        assert!(k.contains(&(Kind::Number, "42".into())));
    }
}
