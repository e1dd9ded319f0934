//! LZ-string compression (the algorithm of the `lz-string` JavaScript
//! library, `compressToEncodedURIComponent` / `decompressFromEncodedURIComponent`),
//! in a few lines of pure Rust: small in the wasm bundle, and compatible with
//! the JS library, so a course page can build a share link with
//! `LZString.compressToEncodedURIComponent(JSON.stringify(scenario))`.
//!
//! Output characters are URL-safe (`A-Za-z0-9+-$`): fit for a URL fragment
//! and for localStorage. Decompression never panics and refuses outputs
//! larger than [`MAX_OUTPUT`] (a hostile link cannot exhaust memory).

use std::collections::HashMap;

const URI_ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

/// The largest decompressed text accepted, in UTF-16 code units.
pub const MAX_OUTPUT: usize = 16 * 1024 * 1024;

struct BitWriter {
    out: String,
    val: u32,
    pos: u32,
}

impl BitWriter {
    fn bit(&mut self, b: u32) {
        self.val = (self.val << 1) | (b & 1);
        if self.pos == 5 {
            self.pos = 0;
            self.out.push(URI_ALPHABET[self.val as usize] as char);
            self.val = 0;
        } else {
            self.pos += 1;
        }
    }

    /// `n` bits of `value`, least significant first (as lz-string writes them).
    fn bits(&mut self, mut value: u32, n: u32) {
        for _ in 0..n {
            self.bit(value & 1);
            value >>= 1;
        }
    }
}

/// `LZString.compressToEncodedURIComponent(text)`.
pub fn compress_uri(text: &str) -> String {
    let input: Vec<u16> = text.encode_utf16().collect();
    let mut w = BitWriter { out: String::new(), val: 0, pos: 0 };
    // Dictionary as a trie: (code of w, next char) -> code of w+c.
    let mut chars: HashMap<u16, u32> = HashMap::new();
    let mut pairs: HashMap<(u32, u16), u32> = HashMap::new();
    let mut to_create: std::collections::HashSet<u16> = std::collections::HashSet::new();
    let mut enlarge_in: u64 = 2;
    let mut dict_size: u32 = 3;
    let mut num_bits: u32 = 2;
    // The current phrase w: its code, and its char if it is a single char.
    let mut cur: Option<(u32, Option<u16>)> = None;

    fn emit(w: &mut BitWriter, code: u32, single: Option<u16>, to_create: &mut std::collections::HashSet<u16>, enlarge_in: &mut u64, num_bits: &mut u32) {
        match single {
            Some(c) if to_create.contains(&c) => {
                if c < 256 {
                    w.bits(0, *num_bits);
                    w.bits(c as u32, 8);
                } else {
                    w.bits(1, *num_bits);
                    w.bits(c as u32, 16);
                }
                *enlarge_in -= 1;
                if *enlarge_in == 0 {
                    *enlarge_in = 1u64 << *num_bits;
                    *num_bits += 1;
                }
                to_create.remove(&c);
            }
            _ => w.bits(code, *num_bits),
        }
        *enlarge_in -= 1;
        if *enlarge_in == 0 {
            *enlarge_in = 1u64 << *num_bits;
            *num_bits += 1;
        }
    }

    for &c in &input {
        if let std::collections::hash_map::Entry::Vacant(e) = chars.entry(c) {
            e.insert(dict_size);
            dict_size += 1;
            to_create.insert(c);
        }
        match cur {
            None => cur = Some((chars[&c], Some(c))),
            Some((code, single)) => {
                if let Some(&next) = pairs.get(&(code, c)) {
                    cur = Some((next, None));
                } else {
                    emit(&mut w, code, single, &mut to_create, &mut enlarge_in, &mut num_bits);
                    pairs.insert((code, c), dict_size);
                    dict_size += 1;
                    cur = Some((chars[&c], Some(c)));
                }
            }
        }
    }
    if let Some((code, single)) = cur {
        emit(&mut w, code, single, &mut to_create, &mut enlarge_in, &mut num_bits);
    }
    // End of stream.
    w.bits(2, num_bits);
    // Flush the last character.
    loop {
        w.val <<= 1;
        if w.pos == 5 {
            w.out.push(URI_ALPHABET[w.val as usize] as char);
            break;
        }
        w.pos += 1;
    }
    w.out
}

struct BitReader<'a> {
    input: &'a [u8],
    val: u32,
    position: u32,
    index: usize,
}

fn base_value(c: u8) -> Option<u32> {
    // A space stands for '+' (a '+' decoded as a space by a form decoder).
    let c = if c == b' ' { b'+' } else { c };
    URI_ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

impl BitReader<'_> {
    fn bits(&mut self, n: u32) -> Option<u32> {
        if n > 31 {
            return None;
        }
        let mut bits = 0u32;
        for k in 0..n {
            let resb = self.val & self.position;
            self.position >>= 1;
            if self.position == 0 {
                self.position = 32;
                // Past the end, lz-string reads zeros (NaN & x).
                self.val = match self.input.get(self.index) {
                    Some(&c) => base_value(c)?,
                    None => 0,
                };
                self.index += 1;
            }
            if resb > 0 {
                bits |= 1 << k;
            }
        }
        Some(bits)
    }
}

/// `LZString.decompressFromEncodedURIComponent(text)`; `None` when the
/// text is not a valid compressed stream (or too large once decompressed).
pub fn decompress_uri(text: &str) -> Option<String> {
    let input = text.trim().as_bytes();
    if input.is_empty() {
        return None;
    }
    let mut r = BitReader { input, val: base_value(input[0])?, position: 32, index: 1 };
    let mut result: Vec<u16> = Vec::new();
    // Dictionary entries as (start, len) into `result` (every entry is a
    // substring of the output); codes 0..3 are the control codes.
    let mut dict: Vec<(usize, usize)> = vec![(0, 0); 3];
    let mut enlarge_in: u64 = 4;
    let mut num_bits: u32 = 3;

    let first = r.bits(2)?;
    let c = match first {
        0 => r.bits(8)?,
        1 => r.bits(16)?,
        _ => return if first == 2 { Some(String::new()) } else { None },
    };
    dict.push((0, 1));
    result.push(c as u16);
    let mut w: (usize, usize) = (0, 1);
    loop {
        if r.index > input.len() {
            // Ran out of input without the end marker.
            return None;
        }
        let code = r.bits(num_bits)? as usize;
        let entry_pos = match code {
            2 => return String::from_utf16(&result).ok(),
            0 | 1 => {
                let lit = r.bits(if code == 0 { 8 } else { 16 })?;
                let at = result.len();
                if at + 1 > MAX_OUTPUT {
                    return None;
                }
                result.push(lit as u16);
                dict.push((at, 1));
                enlarge_in -= 1;
                if enlarge_in == 0 {
                    enlarge_in = 1u64 << num_bits;
                    num_bits += 1;
                }
                (at, 1)
            }
            c => {
                let entry = if c < dict.len() {
                    dict[c]
                } else if c == dict.len() {
                    (w.0, w.1 + 1)
                } else {
                    return None;
                };
                let start = result.len();
                if start + entry.1 > MAX_OUTPUT {
                    return None;
                }
                for k in 0..entry.1 {
                    let ch = *result.get(entry.0 + k)?;
                    result.push(ch);
                }
                (start, entry.1)
            }
        };
        // Add w + entry[0]: contiguous in the output, since entry follows w.
        dict.push((w.0, w.1 + 1));
        enlarge_in -= 1;
        w = entry_pos;
        if enlarge_in == 0 {
            enlarge_in = 1u64 << num_bits;
            num_bits += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors_of_the_js_library() {
        // LZString.compressToEncodedURIComponent("hello") etc., from lz-string 1.5.0.
        assert_eq!(compress_uri("hello"), "BYUwNmD2Q");
        assert_eq!(decompress_uri("BYUwNmD2Q").as_deref(), Some("hello"));
        assert_eq!(compress_uri(""), "Q");
        assert_eq!(compress_uri("aaaaaaaaaaaaaaaaaaaa"), "IY1-kA");
        assert_eq!(compress_uri("éàü — 🐳 naïve"), "JcA4PwBIKAQYvBuMw7EB2BDA9wNwKZA");
        assert_eq!(decompress_uri("JcA4PwBIKAQYvBuMw7EB2BDA9wNwKZA").as_deref(), Some("éàü — 🐳 naïve"));
        assert_eq!(decompress_uri("Q").as_deref(), Some(""));
    }

    #[test]
    fn round_trips() {
        let samples = [
            "a",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "abababababababab",
            "docker run -d --name web -p 8080:80 nginx\ndocker ps\n",
            "éàü — 🐳 naïve café ☕ 日本語",
            "{\"format\":\"baleine-session\",\"version\":1,\"journal\":[{\"line\":\"docker ps\"},{\"tick\":250},{\"tick\":250}]}",
        ];
        for s in samples {
            let c = compress_uri(s);
            assert!(c.bytes().all(|b| URI_ALPHABET.contains(&b)), "{c}");
            assert_eq!(decompress_uri(&c).as_deref(), Some(s), "{s}");
        }
        let big: String = (0..20_000).map(|i| format!("line {} {}\n", i % 97, i % 13)).collect();
        let c = compress_uri(&big);
        assert!(c.len() < big.len() / 3, "{} vs {}", c.len(), big.len());
        assert_eq!(decompress_uri(&c).as_deref(), Some(big.as_str()));
    }

    #[test]
    fn garbage_is_refused_without_panic() {
        for s in ["", "!!!", "%%%", "AAAA", "////", "zzzzzzzzzzzzzzzzzzzzzzzz", "BYUwNmD2", "<img src=x onerror=alert(1)>"] {
            let _ = decompress_uri(s);
        }
        // Every prefix of a valid stream and every one-character change.
        let c = compress_uri("docker compose up -d && docker ps");
        for i in 0..c.len() {
            let _ = decompress_uri(&c[..i]);
            for alt in ["A", "$", "z"] {
                let mut m = c.clone();
                m.replace_range(i..i + 1, alt);
                let _ = decompress_uri(&m);
            }
        }
    }
}
