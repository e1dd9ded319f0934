//! `.env` / `env_file` parsing, following compose-go's `dotenv` package:
//! blank lines and `#` comments, an optional `export ` prefix, `KEY=value`,
//! `KEY: value`, `KEY=` (empty), a bare `KEY` (inherited from the lookup),
//! single quotes (literal), double quotes (escapes `\n`, `\t`, `\"`, ... and
//! interpolation), inline ` #` comments on unquoted values, and `${VAR}`
//! interpolation of unquoted/double-quoted values.

use crate::template;
use indexmap::IndexMap;

/// Parses `src` into `out` (later keys override earlier ones). `lookup` resolves
/// variables that are not defined earlier in the same parse.
pub fn parse_into(
    src: &str,
    out: &mut IndexMap<String, String>,
    lookup: &dyn Fn(&str) -> Option<String>,
    warnings: &mut Vec<String>,
) -> Result<(), String> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut p = Parser { line: 1 };
    let mut cut: &str = src;
    loop {
        cut = p.statement_start(cut);
        if cut.is_empty() {
            break;
        }
        let (key, left, inherited) = p.locate_key(cut)?;
        if key.contains(' ') {
            return Err(format!("line {}: key cannot contain a space", p.line));
        }
        if inherited {
            if let Some(v) = lookup(&key) {
                out.insert(key, v);
            }
            cut = left;
            continue;
        }
        let (value, left) = p.extract_value(left, out, lookup, warnings)?;
        out.insert(key, value);
        cut = left;
    }
    Ok(())
}

/// Convenience: parses a whole file with no outside lookup.
#[cfg(test)]
pub fn parse(src: &str) -> Result<IndexMap<String, String>, String> {
    let mut out = IndexMap::new();
    let mut w = Vec::new();
    parse_into(src, &mut out, &|_| None, &mut w)?;
    Ok(out)
}

struct Parser {
    line: usize,
}

/// Non-line-break whitespace, as compose-go's `isSpace`.
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{0b}' | '\u{0c}' | '\r' | ' ' | '\u{85}' | '\u{a0}'
    )
}

impl Parser {
    fn statement_start<'a>(&mut self, src: &'a str) -> &'a str {
        let mut src = src;
        loop {
            let mut pos = None;
            for (i, c) in src.char_indices() {
                if c == '\n' {
                    self.line += 1;
                }
                if !c.is_whitespace() {
                    pos = Some(i);
                    break;
                }
            }
            let Some(pos) = pos else { return "" };
            src = &src[pos..];
            if !src.starts_with('#') {
                return src;
            }
            match src.find('\n') {
                None => return "",
                Some(nl) => src = &src[nl..],
            }
        }
    }

    fn locate_key<'a>(&mut self, src: &'a str) -> Result<(String, &'a str, bool), String> {
        let mut src = src;
        if let Some(rest) = src.strip_prefix("export") {
            if rest.starts_with(|c: char| c.is_whitespace()) {
                src = rest.trim_start_matches(is_space);
            }
        }
        let mut key = String::new();
        let mut offset = None;
        let mut inherited = false;
        for (i, c) in src.char_indices() {
            if is_space(c) {
                continue;
            }
            match c {
                '=' | ':' | '\n' => {
                    key = src[..i].to_string();
                    offset = Some(i + c.len_utf8());
                    inherited = c == '\n';
                    break;
                }
                '_' | '.' | '-' | '[' | ']' => {}
                c if c.is_alphabetic() || c.is_numeric() => {}
                c => {
                    let first_line = src.split('\n').next().unwrap_or("");
                    return Err(format!(
                        "line {}: unexpected character {} in variable name {}",
                        self.line,
                        crate::util::go_quote(&c.to_string()),
                        crate::util::go_quote(first_line)
                    ));
                }
            }
        }
        if src.is_empty() {
            return Err("zero length string".into());
        }
        // compose-go quirk: a last line without `=` keeps an empty key and the
        // whole line becomes its value
        let offset = offset.unwrap_or(0);
        if inherited && !key.contains(' ') {
            self.line += 1;
        }
        let key = key.trim_end().to_string();
        let rest = src[offset..].trim_start_matches(is_space);
        Ok((key, rest, inherited))
    }

    fn extract_value<'a>(
        &mut self,
        src: &'a str,
        env: &IndexMap<String, String>,
        lookup: &dyn Fn(&str) -> Option<String>,
        warnings: &mut Vec<String>,
    ) -> Result<(String, &'a str), String> {
        let quote = src.chars().next().filter(|c| *c == '"' || *c == '\'');
        let Some(quote) = quote else {
            let (value, rest) = match src.find('\n') {
                Some(nl) => (&src[..nl], &src[nl + 1..]),
                None => (src, ""),
            };
            self.line += 1;
            let value = match value.find(" #") {
                Some(i) => &value[..i],
                None => value,
            };
            let value = value.trim_end();
            let v = expand(value, env, lookup, warnings)?;
            return Ok((v, rest));
        };
        let bytes = src.as_bytes();
        let mut prev_escape = false;
        let mut chars: Vec<u8> = Vec::new();
        let q = quote as u8;
        let mut i = 1;
        while i < bytes.len() {
            let c = bytes[i];
            if c == b'\n' {
                self.line += 1;
            }
            if c != q {
                if !prev_escape && c == b'\\' {
                    prev_escape = true;
                    i += 1;
                    continue;
                }
                if prev_escape {
                    prev_escape = false;
                    chars.push(b'\\');
                }
                chars.push(c);
                i += 1;
                continue;
            }
            if prev_escape {
                prev_escape = false;
                chars.push(c);
                i += 1;
                continue;
            }
            let mut value = String::from_utf8_lossy(&chars).into_owned();
            if quote == '"' {
                value = expand(&expand_escapes(&value), env, lookup, warnings)?;
            }
            return Ok((value, &src[i + 1..]));
        }
        let end = src.find('\n').unwrap_or(src.len());
        Err(format!(
            "line {}: unterminated quoted value {}",
            self.line,
            &src[..end]
        ))
    }
}

fn expand_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('a') => {
                chars.next();
                out.push('\u{07}')
            }
            Some('b') => {
                chars.next();
                out.push('\u{08}')
            }
            Some('c') => {
                // `\c` is matched by compose-go's regex but is no Go escape: kept as is
                chars.next();
                out.push_str("\\c")
            }
            Some('f') => {
                chars.next();
                out.push('\u{0c}')
            }
            Some('n') => {
                chars.next();
                out.push('\n')
            }
            Some('r') => {
                chars.next();
                out.push('\r')
            }
            Some('t') => {
                chars.next();
                out.push('\t')
            }
            Some('v') => {
                chars.next();
                out.push('\u{0b}')
            }
            Some('$') => {
                chars.next();
                out.push_str("$$")
            }
            Some('"') => {
                chars.next();
                out.push('"')
            }
            Some('\\') => {
                chars.next();
                out.push('\\')
            }
            Some('0') => {
                chars.next();
                let mut digits = String::new();
                while digits.len() < 3 {
                    match chars.peek() {
                        Some(d) if d.is_ascii_digit() => {
                            digits.push(*d);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                match u32::from_str_radix(&digits, 8)
                    .ok()
                    .and_then(char::from_u32)
                {
                    Some(ch) if digits.len() == 3 => out.push(ch),
                    _ => {
                        out.push_str("\\0");
                        out.push_str(&digits);
                    }
                }
            }
            _ => out.push('\\'),
        }
    }
    out
}

fn expand(
    value: &str,
    env: &IndexMap<String, String>,
    lookup: &dyn Fn(&str) -> Option<String>,
    warnings: &mut Vec<String>,
) -> Result<String, String> {
    let l = |k: &str| lookup(k).or_else(|| env.get(k).cloned());
    template::substitute(value, &l, warnings).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> IndexMap<String, String> {
        parse(s).unwrap()
    }

    #[test]
    fn basics() {
        let m = p("# comment\n\nA=1\nexport B=two\nC=\nD = spaced \nE=\"quoted # not comment\"\nF='single $A'\nG=val # comment\nH=\"line\\nbreak\"\nI: yaml\nJ=${A}x\n");
        assert_eq!(m["A"], "1");
        assert_eq!(m["B"], "two");
        assert_eq!(m["C"], "");
        assert_eq!(m["D"], "spaced");
        assert_eq!(m["E"], "quoted # not comment");
        assert_eq!(m["F"], "single $A");
        assert_eq!(m["G"], "val");
        assert_eq!(m["H"], "line\nbreak");
        assert_eq!(m["I"], "yaml");
        assert_eq!(m["J"], "1x");
    }

    #[test]
    fn inherited_and_errors() {
        let mut out = IndexMap::new();
        let mut w = Vec::new();
        parse_into(
            "FROM_ENV\nX=1",
            &mut out,
            &|k| (k == "FROM_ENV").then(|| "v".to_string()),
            &mut w,
        )
        .unwrap();
        assert_eq!(out["FROM_ENV"], "v");
        assert_eq!(
            parse("A B=1").unwrap_err(),
            "line 1: key cannot contain a space"
        );
        assert!(parse("A=\"open")
            .unwrap_err()
            .contains("unterminated quoted value"));
        assert!(parse("A$=1")
            .unwrap_err()
            .contains("unexpected character \"$\""));
    }

    #[test]
    fn multiline_quoted() {
        let m = p("A=\"a\nb\"\nB=2\n");
        assert_eq!(m["A"], "a\nb");
        assert_eq!(m["B"], "2");
    }
}
