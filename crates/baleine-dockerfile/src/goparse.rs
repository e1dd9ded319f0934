//! Go's `strconv.ParseInt(s, 10, 32)`, with its error messages, as used by
//! HEALTHCHECK flags (durations: `baleine_util::go::parse_duration`).

use crate::util::go_quote;

/// `strconv.ParseInt(s, 10, 32)`.
pub(crate) fn parse_int32(s: &str) -> Result<i64, String> {
    let syntax = || format!("strconv.ParseInt: parsing {}: invalid syntax", go_quote(s));
    let range = || {
        format!(
            "strconv.ParseInt: parsing {}: value out of range",
            go_quote(s)
        )
    };
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(syntax());
    }
    let mut v: i128 = 0;
    for c in digits.bytes() {
        v = v * 10 + i128::from(c - b'0');
        if v > (1i128 << 40) {
            return Err(range());
        }
    }
    let v = if neg { -v } else { v };
    if v < i128::from(i32::MIN) || v > i128::from(i32::MAX) {
        return Err(range());
    }
    Ok(v as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        assert_eq!(parse_int32("3"), Ok(3));
        assert_eq!(parse_int32("-1"), Ok(-1));
        assert_eq!(
            parse_int32("x"),
            Err("strconv.ParseInt: parsing \"x\": invalid syntax".into())
        );
        assert_eq!(
            parse_int32("99999999999"),
            Err("strconv.ParseInt: parsing \"99999999999\": value out of range".into())
        );
    }
}
