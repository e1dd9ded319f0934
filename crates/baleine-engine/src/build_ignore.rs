//! `.dockerignore` as BuildKit reads it (moby/patternmatcher `ignorefile`
//! and `PatternMatcher`), and Go's `filepath.Match` globs (COPY sources).
//!
//! Patterns are compiled to a tiny token language equivalent to the regular
//! expressions patternmatcher builds (`*` → `[^/]*`, `?` → `[^/]`, `**/` →
//! `(.*/)?`, trailing `**` → `.*`) and matched with a bounded dynamic
//! programme: no backtracking blow-up, no panics.

/// Go's `path.Clean` (Unix separators).
pub fn go_clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|l| *l != "..") {
                    out.pop();
                } else if !rooted {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    let body = out.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}

/// `ignorefile.ReadAll`: the patterns of a `.dockerignore` file.
pub fn read_ignore_file(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let mut line = raw.strip_suffix('\r').unwrap_or(raw);
        if i == 0 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        if line.starts_with('#') {
            continue;
        }
        let mut pattern = line.trim().to_string();
        if pattern.is_empty() {
            continue;
        }
        let invert = pattern.starts_with('!');
        if invert {
            pattern = pattern[1..].trim().to_string();
        }
        if !pattern.is_empty() {
            pattern = go_clean(&pattern);
            if pattern.len() > 1 && pattern.starts_with('/') {
                pattern = pattern[1..].to_string();
            }
        }
        if invert {
            pattern.insert(0, '!');
        }
        out.push(pattern);
        if out.len() >= 10_000 {
            break;
        }
    }
    out
}

/// One element of a compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Lit(char),
    /// `[^/]*`
    StarNoSlash,
    /// `[^/]`
    OneNoSlash,
    /// `(.*/)?`
    AnyThenSlash,
    /// `.*`
    AnyStar,
    /// Any single character (`?` in `filepath.Match`, separators excluded by the caller).
    Class { neg: bool, ranges: Vec<(char, char)> },
}

/// Parses a bracket expression starting after `[`; returns the class and the
/// index after `]`.
fn parse_class(chars: &[char], mut i: usize) -> Option<(Tok, usize)> {
    let mut neg = false;
    if chars.get(i) == Some(&'^') {
        neg = true;
        i += 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    loop {
        let c = *chars.get(i)?;
        if c == ']' && !first {
            return Some((Tok::Class { neg, ranges }, i + 1));
        }
        first = false;
        let lo = if c == '\\' {
            i += 1;
            *chars.get(i)?
        } else {
            c
        };
        i += 1;
        let mut hi = lo;
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|c| *c != ']') {
            i += 1;
            let c2 = *chars.get(i)?;
            hi = if c2 == '\\' {
                i += 1;
                *chars.get(i)?
            } else {
                c2
            };
            i += 1;
            if hi < lo {
                return None;
            }
        }
        ranges.push((lo, hi));
    }
}

fn class_matches(neg: bool, ranges: &[(char, char)], c: char) -> bool {
    let inside = ranges.iter().any(|(lo, hi)| *lo <= c && c <= *hi);
    inside != neg
}

/// Runs the token programme over `s` (anchored at both ends).
fn run(toks: &[Tok], s: &[char]) -> bool {
    let n = s.len();
    let mut cur = vec![false; n + 1];
    cur[0] = true;
    for t in toks {
        let mut next = vec![false; n + 1];
        let mut any = false;
        match t {
            Tok::Lit(c) => {
                for j in 0..n {
                    if cur[j] && s[j] == *c {
                        next[j + 1] = true;
                        any = true;
                    }
                }
            }
            Tok::OneNoSlash => {
                for j in 0..n {
                    if cur[j] && s[j] != '/' {
                        next[j + 1] = true;
                        any = true;
                    }
                }
            }
            Tok::Class { neg, ranges } => {
                for j in 0..n {
                    if cur[j] && s[j] != '/' && class_matches(*neg, ranges, s[j]) {
                        next[j + 1] = true;
                        any = true;
                    }
                }
            }
            Tok::StarNoSlash => {
                let mut on = false;
                for j in 0..=n {
                    if cur[j] {
                        on = true;
                    }
                    if on {
                        next[j] = true;
                        any = true;
                    }
                    if j < n && s[j] == '/' {
                        on = false;
                    }
                }
            }
            Tok::AnyStar => {
                let mut on = false;
                for j in 0..=n {
                    on |= cur[j];
                    if on {
                        next[j] = true;
                        any = true;
                    }
                }
            }
            Tok::AnyThenSlash => {
                let mut seen = false;
                for j in 0..=n {
                    if cur[j] {
                        next[j] = true;
                        any = true;
                    }
                    if seen && j > 0 && s[j - 1] == '/' {
                        next[j] = true;
                        any = true;
                    }
                    seen |= cur[j];
                }
            }
        }
        if !any {
            return false;
        }
        cur = next;
    }
    cur[n]
}

/// Go's `filepath.Match` pattern syntax, compiled. Err = `syntax error in pattern`.
fn compile_glob(pattern: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' => {
                if toks.last() != Some(&Tok::StarNoSlash) {
                    toks.push(Tok::StarNoSlash);
                }
                i += 1;
            }
            '?' => {
                toks.push(Tok::OneNoSlash);
                i += 1;
            }
            '[' => {
                let (t, next) = parse_class(&chars, i + 1).ok_or_else(|| "syntax error in pattern".to_string())?;
                toks.push(t);
                i = next;
            }
            '\\' => {
                let n = chars.get(i + 1).ok_or_else(|| "syntax error in pattern".to_string())?;
                toks.push(Tok::Lit(*n));
                i += 2;
            }
            c => {
                toks.push(Tok::Lit(c));
                i += 1;
            }
        }
    }
    Ok(toks)
}

/// Go's `filepath.Match(pattern, name)`.
pub fn glob_match(pattern: &str, name: &str) -> Result<bool, String> {
    let toks = compile_glob(pattern)?;
    let s: Vec<char> = name.chars().collect();
    Ok(run(&toks, &s))
}

/// Whether a path holds glob metacharacters (`*`, `?`, `[`, `\`).
pub fn has_glob_meta(s: &str) -> bool {
    s.contains(['*', '?', '[', '\\'])
}

#[derive(Clone, Debug)]
enum Kind {
    Exact,
    Prefix,
    Suffix,
    Regexp(Vec<Tok>),
}

#[derive(Clone, Debug)]
struct Pattern {
    cleaned: String,
    exclusion: bool,
    kind: Kind,
}

impl Pattern {
    fn compile(cleaned: &str) -> Result<Kind, String> {
        let chars: Vec<char> = cleaned.chars().collect();
        let mut toks = Vec::new();
        let mut detected = Kind::Exact;
        let mut i = 0;
        let mut idx = 0;
        while i < chars.len() {
            let ch = chars[i];
            i += 1;
            if ch == '*' {
                if chars.get(i) == Some(&'*') {
                    i += 1;
                    if chars.get(i) == Some(&'/') {
                        i += 1;
                    }
                    if i >= chars.len() {
                        if matches!(detected, Kind::Exact) {
                            detected = Kind::Prefix;
                        } else {
                            toks.push(Tok::AnyStar);
                            detected = Kind::Regexp(Vec::new());
                        }
                    } else {
                        toks.push(Tok::AnyThenSlash);
                        detected = Kind::Regexp(Vec::new());
                    }
                    if idx == 0 {
                        detected = Kind::Suffix;
                    }
                } else {
                    toks.push(Tok::StarNoSlash);
                    detected = Kind::Regexp(Vec::new());
                }
            } else if ch == '?' {
                toks.push(Tok::OneNoSlash);
                detected = Kind::Regexp(Vec::new());
            } else if ch == '\\' {
                if let Some(n) = chars.get(i) {
                    toks.push(Tok::Lit(*n));
                    i += 1;
                    detected = Kind::Regexp(Vec::new());
                } else {
                    toks.push(Tok::Lit('\\'));
                }
            } else if ch == '[' {
                let (t, next) = parse_class(&chars, i).ok_or_else(|| "syntax error in pattern".to_string())?;
                toks.push(t);
                i = next;
                detected = Kind::Regexp(Vec::new());
            } else {
                toks.push(Tok::Lit(ch));
            }
            idx += 1;
        }
        Ok(match detected {
            Kind::Regexp(_) => Kind::Regexp(toks),
            k => k,
        })
    }

    fn matches(&self, path: &str) -> bool {
        match &self.kind {
            Kind::Exact => path == self.cleaned,
            Kind::Prefix => path.starts_with(&self.cleaned[..self.cleaned.len().saturating_sub(2)]),
            Kind::Suffix => {
                let suffix = self.cleaned.get(2..).unwrap_or("");
                if path.ends_with(suffix) {
                    return true;
                }
                suffix.starts_with('/') && path == &suffix[1..]
            }
            Kind::Regexp(toks) => {
                let s: Vec<char> = path.chars().collect();
                run(toks, &s)
            }
        }
    }
}

/// moby/patternmatcher's `PatternMatcher`.
#[derive(Clone, Debug, Default)]
pub struct PatternMatcher {
    patterns: Vec<Pattern>,
    exclusions: bool,
}

impl PatternMatcher {
    /// `patternmatcher.New`. Err carries Go's message.
    pub fn new(patterns: &[String]) -> Result<PatternMatcher, String> {
        let mut pm = PatternMatcher::default();
        for p in patterns {
            let p = p.trim();
            if p.is_empty() {
                continue;
            }
            let mut p = go_clean(p);
            let mut exclusion = false;
            if let Some(rest) = p.strip_prefix('!') {
                if rest.is_empty() {
                    return Err("illegal exclusion pattern: \"!\"".into());
                }
                exclusion = true;
                p = rest.to_string();
                pm.exclusions = true;
            }
            compile_glob(&p)?;
            let kind = Pattern::compile(&p)?;
            pm.patterns.push(Pattern { cleaned: p, exclusion, kind });
        }
        Ok(pm)
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Whether some pattern starts with `!`.
    pub fn exclusions(&self) -> bool {
        self.exclusions
    }

    /// `MatchesUsingParentResults`: `parent` is the result for the parent
    /// folder (empty for a top-level entry).
    pub fn matches_using_parent(&self, file: &str, parent: &[bool]) -> (bool, Vec<bool>) {
        let mut matched = false;
        let mut info = vec![false; self.patterns.len()];
        for (i, p) in self.patterns.iter().enumerate() {
            let mut m = parent.get(i).copied().unwrap_or(false);
            if !m {
                if p.exclusion != matched {
                    continue;
                }
                m = p.matches(file);
                if !m && parent.is_empty() {
                    if let Some((dir, _)) = file.rsplit_once('/') {
                        let parts: Vec<&str> = dir.split('/').collect();
                        for k in 0..parts.len() {
                            if p.matches(&parts[..=k].join("/")) {
                                m = true;
                                break;
                            }
                        }
                    }
                }
            }
            info[i] = m;
            if m {
                matched = !p.exclusion;
            }
        }
        (matched, info)
    }

    /// `MatchesOrParentMatches` for a relative path.
    pub fn matches(&self, file: &str) -> bool {
        let file = go_clean(file);
        if file == "." {
            return false;
        }
        self.matches_using_parent(&file, &[]).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pm(p: &[&str]) -> PatternMatcher {
        PatternMatcher::new(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn clean_like_go() {
        assert_eq!(go_clean("a//b/./c/.."), "a/b");
        assert_eq!(go_clean("/../x"), "/x");
        assert_eq!(go_clean("../x"), "../x");
        assert_eq!(go_clean("./"), ".");
        assert_eq!(go_clean(""), ".");
    }

    #[test]
    fn ignore_file_reading() {
        let p = read_ignore_file("\u{feff}# comment\n node_modules \n\n/.git\n!keep.md\n*.log\r\n  # not a comment?\n");
        assert_eq!(p, vec!["node_modules", ".git", "!keep.md", "*.log", "# not a comment?"]);
    }

    #[test]
    fn dockerignore_table() {
        // (patterns, path, excluded)
        let table: &[(&[&str], &str, bool)] = &[
            (&["node_modules"], "node_modules", true),
            (&["node_modules"], "node_modules/x/index.js", true),
            (&["node_modules"], "src/node_modules", false),
            (&["*.md"], "README.md", true),
            (&["*.md"], "docs/README.md", false),
            (&["**/*.md"], "docs/README.md", true),
            (&["**/*.md"], "README.md", true),
            (&["*.md", "!README.md"], "README.md", false),
            (&["*.md", "!README.md"], "CHANGELOG.md", true),
            (&["docs/**"], "docs/a/b.txt", true),
            (&["docs/**"], "docsx", false),
            (&["**/test"], "test", true),
            (&["**/test"], "a/b/test", true),
            (&["**/test"], "a/b/test/x.js", true),
            (&["a?c"], "abc", true),
            (&["a?c"], "a/c", false),
            (&["[a-c]x"], "bx", true),
            (&["[^a-c]x"], "bx", false),
            (&["[^a-c]x"], "dx", true),
            (&["Dockerfile*"], "Dockerfile.dev", true),
            (&["docker-compose*.yml"], "docker-compose.prod.yml", true),
            (&[".env"], ".env", true),
            (&[".env"], ".envrc", false),
            (&["*", "!src"], "src/main.go", false),
            (&["*", "!src"], "go.mod", true),
            (&["a/**/b"], "a/b", true),
            (&["a/**/b"], "a/x/y/b", true),
            (&["a.b"], "axb", false),
            (&["tests", "!tests/keep.txt"], "tests/keep.txt", false),
            (&["tests", "!tests/keep.txt"], "tests/other.txt", true),
        ];
        for (pats, path, want) in table {
            assert_eq!(pm(pats).matches(path), *want, "{pats:?} vs {path}");
        }
    }

    #[test]
    fn bad_patterns() {
        assert!(PatternMatcher::new(&["!".into()]).is_err());
        assert!(PatternMatcher::new(&["[a".into()]).is_err());
        assert!(PatternMatcher::new(&["a\\".into()]).is_err());
    }

    #[test]
    fn go_globs() {
        assert_eq!(glob_match("package*.json", "package.json"), Ok(true));
        assert_eq!(glob_match("package*.json", "package-lock.json"), Ok(true));
        assert_eq!(glob_match("package*.json", "pkg.json"), Ok(false));
        assert_eq!(glob_match("go.*", "go.mod"), Ok(true));
        assert_eq!(glob_match("*.go", "a/b.go"), Ok(false));
        assert_eq!(glob_match("\\*", "*"), Ok(true));
        assert!(glob_match("[", "x").is_err());
        assert!(has_glob_meta("a*"));
        assert!(!has_glob_meta("abc"));
    }

    #[test]
    fn no_blowup() {
        let p = "*a*a*a*a*a*a*a*a*a*a*a*a*b";
        let s = "a".repeat(2000);
        assert_eq!(glob_match(p, &s), Ok(false));
        let m = pm(&["**/**/**/**/**/**/x"]);
        assert!(!m.matches(&"a/".repeat(500)));
    }
}
