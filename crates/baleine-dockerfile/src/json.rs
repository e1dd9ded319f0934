//! The subset of Go's `encoding/json` that BuildKit's `parseJSON` relies on:
//! decide whether a string is a syntactically valid JSON document, and if it
//! is a top-level array, whether all of its elements are strings.
//!
//! The validator is iterative (no recursion) and applies Go's maximum nesting
//! depth of 10000, so hostile input cannot overflow the stack.

/// Outcome of `parseJSON` for an instruction's arguments.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum JsonArgs {
    /// Not a JSON array at all (does not start with `[`, or is invalid JSON):
    /// BuildKit falls back to the shell / whitespace form.
    NotJson,
    /// Valid JSON array with a non-string element: a hard error.
    NotStringArray,
    /// Valid array of strings.
    Strings(Vec<String>),
}

const MAX_DEPTH: usize = 10_000;

pub(crate) fn parse_json_args(rest: &str) -> JsonArgs {
    let rest = rest.trim_start_matches(crate::util::is_space);
    if !rest.starts_with('[') {
        return JsonArgs::NotJson;
    }
    match validate_and_collect(rest) {
        None => JsonArgs::NotJson,
        Some(Top::Array {
            strings,
            all_strings,
        }) => {
            if all_strings {
                JsonArgs::Strings(strings)
            } else {
                JsonArgs::NotStringArray
            }
        }
    }
}

enum Top {
    Array {
        strings: Vec<String>,
        all_strings: bool,
    },
}

#[derive(Clone, Copy, PartialEq)]
enum Container {
    Array,
    Object,
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            } else {
                break;
            }
        }
    }
    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn literal(&mut self, lit: &[u8]) -> bool {
        if self.s.len() >= self.i + lit.len() && &self.s[self.i..self.i + lit.len()] == lit {
            self.i += lit.len();
            true
        } else {
            false
        }
    }
    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }
    fn number(&mut self) -> bool {
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return false,
        }
        if self.eat(b'.') && self.digits() == 0 {
            return false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return false;
            }
        }
        true
    }
    fn hex4(&mut self) -> Option<u32> {
        let h = self.s.get(self.i..self.i + 4)?;
        let mut v = 0u32;
        for &b in h {
            v = v * 16 + (b as char).to_digit(16)?;
        }
        self.i += 4;
        Some(v)
    }
    /// Parses a string starting at the opening quote; returns its decoded value.
    fn string(&mut self) -> Option<String> {
        if !self.eat(b'"') {
            return None;
        }
        let mut out: Vec<u8> = Vec::new();
        loop {
            let b = self.peek()?;
            match b {
                b'"' => {
                    self.i += 1;
                    return Some(String::from_utf8_lossy(&out).into_owned());
                }
                b'\\' => {
                    self.i += 1;
                    let e = self.peek()?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\x08',
                        b'f' => '\x0c',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let r = self.hex4()?;
                            decode_u(self, r)
                        }
                        _ => return None,
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return None,
                _ => {
                    out.push(b);
                    self.i += 1;
                }
            }
        }
    }
}

/// Go's handling of `\uXXXX`: surrogate pairs are combined when the next
/// escape completes them; lone surrogates become U+FFFD.
fn decode_u(cur: &mut Cursor<'_>, r: u32) -> char {
    if (0xD800..0xE000).contains(&r) {
        if (0xD800..0xDC00).contains(&r) {
            let save = cur.i;
            if cur.eat(b'\\') && cur.eat(b'u') {
                if let Some(r2) = cur.hex4() {
                    if (0xDC00..0xE000).contains(&r2) {
                        let c = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
                        return char::from_u32(c).unwrap_or('\u{FFFD}');
                    }
                }
            }
            cur.i = save;
        }
        return '\u{FFFD}';
    }
    char::from_u32(r).unwrap_or('\u{FFFD}')
}

/// Validates the whole document; returns the top-level array's string
/// elements (and whether every element was a string).
fn validate_and_collect(doc: &str) -> Option<Top> {
    let mut cur = Cursor {
        s: doc.as_bytes(),
        i: 0,
    };
    let mut stack: Vec<Container> = Vec::new();
    let mut strings = Vec::new();
    let mut all_strings = true;

    cur.skip_ws();
    if !cur.eat(b'[') {
        return None;
    }
    stack.push(Container::Array);
    // State: we are just after an opening bracket/brace (allow close), or
    // after a comma (require a value / key).
    let mut just_opened = true;
    loop {
        cur.skip_ws();
        let top = *stack.last()?;
        if just_opened {
            let close = if top == Container::Array { b']' } else { b'}' };
            if cur.eat(close) {
                stack.pop();
                if !after_value(&mut cur, &mut stack)? {
                    break;
                }
                just_opened = false;
                continue;
            }
        }
        // Expect a value (arrays) or a "key": value (objects).
        if top == Container::Object {
            cur.string()?;
            cur.skip_ws();
            if !cur.eat(b':') {
                return None;
            }
            cur.skip_ws();
        }
        let depth = stack.len();
        match cur.peek()? {
            b'[' | b'{' => {
                if depth == 1 {
                    all_strings = false;
                }
                let c = if cur.peek()? == b'[' {
                    Container::Array
                } else {
                    Container::Object
                };
                cur.i += 1;
                stack.push(c);
                if stack.len() > MAX_DEPTH {
                    return None;
                }
                just_opened = true;
                continue;
            }
            b'"' => {
                let s = cur.string()?;
                if depth == 1 {
                    strings.push(s);
                }
            }
            b't' => {
                if !cur.literal(b"true") {
                    return None;
                }
                if depth == 1 {
                    all_strings = false;
                }
            }
            b'f' => {
                if !cur.literal(b"false") {
                    return None;
                }
                if depth == 1 {
                    all_strings = false;
                }
            }
            b'n' => {
                if !cur.literal(b"null") {
                    return None;
                }
                if depth == 1 {
                    all_strings = false;
                }
            }
            b'-' | b'0'..=b'9' => {
                if !cur.number() {
                    return None;
                }
                if depth == 1 {
                    all_strings = false;
                }
            }
            _ => return None,
        }
        if !after_value(&mut cur, &mut stack)? {
            break;
        }
        just_opened = false;
    }
    // Only whitespace may follow the top-level value.
    cur.skip_ws();
    if cur.i != cur.s.len() {
        return None;
    }
    Some(Top::Array {
        strings,
        all_strings,
    })
}

/// After a value: consume `,` (continue in the same container) or closing
/// brackets (possibly several). Returns `Some(false)` when the top-level
/// container was closed, `Some(true)` to parse the next element, `None` on
/// a syntax error.
fn after_value(cur: &mut Cursor<'_>, stack: &mut Vec<Container>) -> Option<bool> {
    loop {
        let Some(&top) = stack.last() else {
            return Some(false);
        };
        cur.skip_ws();
        if cur.eat(b',') {
            return Some(true);
        }
        let close = if top == Container::Array { b']' } else { b'}' };
        if cur.eat(close) {
            stack.pop();
            if stack.is_empty() {
                return Some(false);
            }
            continue;
        }
        return None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> JsonArgs {
        JsonArgs::Strings(v.iter().map(|x| x.to_string()).collect())
    }

    #[test]
    fn valid_arrays() {
        assert_eq!(parse_json_args("[]"), s(&[]));
        assert_eq!(parse_json_args("[\"\"]"), s(&[""]));
        assert_eq!(parse_json_args(" [ \"a\" , \"b\" ] "), s(&["a", "b"]));
        assert_eq!(parse_json_args("[\t\"a\",\t\"b\"\t]\t"), s(&["a", "b"]));
        assert_eq!(
            parse_json_args(r#"["abc 123", "♥", "☃", "\" \\ \/ \b \f \n \r \t \u0000"]"#),
            s(&["abc 123", "♥", "☃", "\" \\ / \u{8} \u{c} \n \r \t \u{0}"])
        );
        assert_eq!(
            parse_json_args(r#"["\ud83d\ude00", "\ud800x"]"#),
            s(&["😀", "\u{FFFD}x"])
        );
    }

    #[test]
    fn not_string_array() {
        assert_eq!(
            parse_json_args(r#"[ "echo", [ "nested json" ] ]"#),
            JsonArgs::NotStringArray
        );
        assert_eq!(parse_json_args("[1]"), JsonArgs::NotStringArray);
        assert_eq!(parse_json_args("[null]"), JsonArgs::NotStringArray);
        assert_eq!(
            parse_json_args(r#"["a", {"k": [1, {"x": null}]}]"#),
            JsonArgs::NotStringArray
        );
    }

    #[test]
    fn invalid_json_falls_back() {
        for bad in [
            "['echo','single quotes are invalid JSON']",
            "[\"echo\", \"Please, close the brackets when you're done\"",
            "[\"echo\", \"Please, close the brackets when you're done]",
            "[\"a\"] x",
            "[\"a\",]",
            "[,]",
            "[01]",
            "[\"a\tb\"]",
            "[\"\\x\"]",
            "[1.]",
            "[tru]",
            "{}",
            "echo hi",
        ] {
            assert_eq!(parse_json_args(bad), JsonArgs::NotJson, "{bad}");
        }
    }

    #[test]
    fn depth_limit() {
        let deep = format!(
            "[{}{}]",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        assert_eq!(parse_json_args(&deep), JsonArgs::NotStringArray);
        let too_deep = format!("[{}{}]", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(parse_json_args(&too_deep), JsonArgs::NotJson);
    }
}
