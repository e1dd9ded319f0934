//! Port specs as go-connections' `nat` package reads them (used by moby,
//! BuildKit's EXPOSE and compose-go's ports).

/// `nat.SplitProtoPort`: "80/udp" -> ("udp", "80"); no protocol is "tcp";
/// an empty port gives two empty strings.
pub fn split_proto_port(raw: &str) -> (String, String) {
    let parts: Vec<&str> = raw.split('/').collect();
    if raw.is_empty() || parts[0].is_empty() {
        return (String::new(), String::new());
    }
    if parts.len() == 1 {
        return ("tcp".into(), raw.to_string());
    }
    if parts[1].is_empty() {
        return ("tcp".into(), parts[0].to_string());
    }
    (parts[1].to_string(), parts[0].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proto_and_port() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(split_proto_port("80"), s("tcp", "80"));
        assert_eq!(split_proto_port("80/"), s("tcp", "80"));
        assert_eq!(split_proto_port("53/udp"), s("udp", "53"));
        assert_eq!(split_proto_port("53/udp/x"), s("udp", "53"));
        assert_eq!(split_proto_port("/tcp"), s("", ""));
        assert_eq!(split_proto_port(""), s("", ""));
    }
}
