//! Deterministic ids, names, sizes and durations.

/// A small deterministic generator (splitmix64). The engine's only source of
/// randomness; seeded from the host configuration.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed ^ 0x9e37_79b9_7f4a_7c15 }
    }
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    /// 64 hex digits, like a container or network id.
    pub fn hex64(&mut self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(64);
        for _ in 0..4 {
            let v = self.next_u64();
            for i in (0..16).rev() {
                s.push(char::from(HEX[((v >> (i * 4)) & 0xf) as usize]));
            }
        }
        s
    }
}

/// sha256 hex of a string: image ids and digests that must be stable
/// whatever the seed (catalog content is the same on every machine).
pub fn sha256_hex(data: &str) -> String {
    baleine_shell::sha256::hex(data.as_bytes())
}

/// Docker's go-units HumanDuration (used in "Up 2 minutes", "5 seconds ago").
pub fn human_duration(ms: u64) -> String {
    let seconds = ms / 1000;
    let minutes = seconds / 60;
    let hours_rounded = (seconds as f64 / 3600.0 + 0.5) as u64;
    if seconds < 1 {
        "Less than a second".into()
    } else if seconds == 1 {
        "1 second".into()
    } else if seconds < 60 {
        format!("{seconds} seconds")
    } else if minutes == 1 {
        "About a minute".into()
    } else if minutes < 60 {
        format!("{minutes} minutes")
    } else if hours_rounded == 1 {
        "About an hour".into()
    } else if hours_rounded < 48 {
        format!("{hours_rounded} hours")
    } else if hours_rounded < 24 * 7 * 2 {
        format!("{} days", hours_rounded / 24)
    } else if hours_rounded < 24 * 30 * 2 {
        format!("{} weeks", hours_rounded / 24 / 7)
    } else if hours_rounded < 24 * 365 * 2 {
        format!("{} months", hours_rounded / 24 / 30)
    } else {
        format!("{} years", seconds / 3600 / 24 / 365)
    }
}

/// Docker's go-units HumanSizeWithPrecision(size, 3) (decimal units): "7.38MB", "1.09GB", "13.3kB".
pub fn human_size(size: u64) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    let mut value = size as f64;
    let mut i = 0;
    while value >= 1000.0 && i < UNITS.len() - 1 {
        value /= 1000.0;
        i += 1;
    }
    format!("{}{}", format_g3(value), UNITS[i])
}

/// go-units `HumanSize`: four significant digits, decimal units ("7.378MB";
/// `docker load`, BuildKit's prune).
pub fn human_size4(size: u64) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    let mut v = size as f64;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    let digits = if v >= 1000.0 {
        0
    } else if v >= 100.0 {
        1
    } else if v >= 10.0 {
        2
    } else {
        3
    };
    let mut s = format!("{v:.digits$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    format!("{s}{}", UNITS[i])
}

/// Go's `%.4g` as used by HumanSizeWithPrecision(size, 4)? Docker uses
/// precision 3 for `docker images` via units.HumanSizeWithPrecision(.., 3):
/// three significant digits, trailing zeros removed.
pub fn format_g3(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let digits = if v >= 100.0 {
        0
    } else if v >= 10.0 {
        1
    } else {
        2
    };
    let mut s = format!("{:.*}", digits, v);
    // %g rounding can carry to 1000 -> keep as is (e.g. "1e+03" in Go; rare).
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// Binary sizes for `docker stats` / memory: "7.5MiB", "1.944GiB".
pub fn bytes_size(size: u64) -> String {
    const UNITS: [&str; 7] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut value = size as f64;
    let mut i = 0;
    while value >= 1024.0 && i < UNITS.len() - 1 {
        value /= 1024.0;
        i += 1;
    }
    format!("{}{}", format_g4(value), UNITS[i])
}

fn format_g4(v: f64) -> String {
    let digits = if v >= 1000.0 {
        0
    } else if v >= 100.0 {
        1
    } else if v >= 10.0 {
        2
    } else {
        3
    };
    let mut s = format!("{:.*}", digits, v);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// Parses a size such as "512m", "1g", "256M", "1024" (bytes).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let (num, mult) = if let Some(n) = lower.strip_suffix("kb").or_else(|| lower.strip_suffix('k')) {
        (n, 1024u64)
    } else if let Some(n) = lower.strip_suffix("mb").or_else(|| lower.strip_suffix('m')) {
        (n, 1024 * 1024)
    } else if let Some(n) = lower.strip_suffix("gb").or_else(|| lower.strip_suffix('g')) {
        (n, 1024 * 1024 * 1024)
    } else if let Some(n) = lower.strip_suffix('b') {
        (n, 1)
    } else {
        (lower.as_str(), 1)
    };
    let v: f64 = num.trim().parse().ok()?;
    if v < 0.0 || !v.is_finite() {
        return None;
    }
    Some((v * mult as f64) as u64)
}

/// Civil date from Unix seconds (UTC): (year, month 1-12, day, hour, min, sec, weekday 0=Sunday).
pub fn civil(secs: u64) -> (i64, u32, u32, u32, u32, u32, u32) {
    let days = (secs / 86400) as i64;
    let rem = secs % 86400;
    let (h, m, s) = ((rem / 3600) as u32, ((rem % 3600) / 60) as u32, (rem % 60) as u32);
    let weekday = ((days + 4).rem_euclid(7)) as u32;
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if mo <= 2 { y + 1 } else { y }, mo, d, h, m, s, weekday)
}

/// RFC 3339 with nanoseconds as Docker prints in inspect: "2026-11-25T08:00:00.123456789Z".
pub fn rfc3339_nanos(ms: u64, epoch_secs: u64) -> String {
    let total_ms = epoch_secs * 1000 + ms;
    let (y, mo, d, h, mi, s, _) = civil(total_ms / 1000);
    let nanos = (total_ms % 1000) * 1_000_000 + (ms * 7919 % 1_000_000);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{nanos:09}Z")
}

/// Parses "2023-10-18T20:36:12Z"-like text to Unix seconds; the time of
/// day may be cut after the hour or the minutes, or left out ("2023-10-18").
pub fn parse_rfc3339(s: &str) -> Option<u64> {
    if s.len() < 10 || s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> { s.get(r)?.parse().ok() };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let time = s.get(10..).and_then(|t| t.strip_prefix('T')).unwrap_or("");
    let field = |i: usize| -> Option<i64> { time.get(i * 3..i * 3 + 2).map_or(Some(0), |x| x.parse().ok()) };
    let (h, mi, se) = (field(0)?, field(1)?, field(2)?);
    let y2 = if mo <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    let t = days * 86400 + h * 3600 + mi * 60 + se;
    u64::try_from(t).ok()
}

/// Parses Docker/Go durations: "30s", "1m30s", "500ms", "2h", "10" (seconds when `bare_secs`).
pub fn parse_duration_ms(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(v) = s.parse::<f64>() {
        return if v >= 0.0 { Some((v * 1000.0) as u64) } else { None };
    }
    let mut total = 0f64;
    let mut num = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || c == '.' {
            num.push(c);
            continue;
        }
        let mut unit = String::from(c);
        while let Some(&n) = chars.peek() {
            if n.is_ascii_alphabetic() || n == 'µ' {
                unit.push(n);
                chars.next();
            } else {
                break;
            }
        }
        let v: f64 = num.parse().ok()?;
        num.clear();
        let mult = match unit.as_str() {
            "ns" => 1e-6,
            "us" | "µs" => 1e-3,
            "ms" => 1.0,
            "s" => 1000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            _ => return None,
        };
        total += v * mult;
    }
    if !num.is_empty() {
        return None;
    }
    Some(total as u64)
}

/// Go's time.Duration String(): "30s", "1m30s", "1h0m0s", "500ms".
pub fn go_duration(ms: u64) -> String {
    if ms == 0 {
        return "0s".into();
    }
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let h = ms / 3_600_000;
    let m = (ms % 3_600_000) / 60_000;
    let s_ms = ms % 60_000;
    let secs = if s_ms % 1000 == 0 { format!("{}", s_ms / 1000) } else { format_g_trim(s_ms as f64 / 1000.0) };
    if h > 0 {
        format!("{h}h{m}m{secs}s")
    } else if m > 0 {
        format!("{m}m{secs}s")
    } else {
        format!("{secs}s")
    }
}

fn format_g_trim(v: f64) -> String {
    let mut s = format!("{v:.3}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// Adjectives and surnames of moby's namesgenerator (a subset).
const LEFT: &[&str] = &[
    "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful", "blissful", "bold", "boring", "brave", "busy",
    "charming", "clever", "compassionate", "competent", "condescending", "confident", "cool", "cranky", "crazy", "dazzling", "determined",
    "distracted", "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "exciting", "fervent", "festive",
    "flamboyant", "focused", "friendly", "frosty", "funny", "gallant", "gifted", "goofy", "gracious", "great", "happy", "hardcore",
    "heuristic", "hopeful", "hungry", "infallible", "inspiring", "intelligent", "interesting", "jolly", "jovial", "keen", "kind", "laughing",
    "loving", "lucid", "magical", "modest", "musing", "mystifying", "naughty", "nervous", "nice", "nifty", "nostalgic", "objective",
    "optimistic", "peaceful", "pedantic", "pensive", "practical", "priceless", "quirky", "quizzical", "recursing", "relaxed", "reverent",
    "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet", "tender", "thirsty",
    "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful", "xenodochial", "youthful", "zealous", "zen",
];
const RIGHT: &[&str] = &[
    "agnesi", "albattani", "allen", "almeida", "antonelli", "archimedes", "ardinghelli", "aryabhata", "austin", "babbage", "banach",
    "bardeen", "bartik", "bassi", "beaver", "bell", "benz", "bhabha", "bhaskara", "black", "blackburn", "blackwell", "bohr", "booth",
    "borg", "bose", "bouman", "boyd", "brahmagupta", "brattain", "brown", "buck", "burnell", "cannon", "carson", "cartwright", "carver",
    "cerf", "chandrasekhar", "chaplygin", "chatelet", "chatterjee", "chaum", "chebyshev", "clarke", "cohen", "colden", "cori", "cray",
    "curie", "darwin", "davinci", "dewdney", "dhawan", "diffie", "dijkstra", "dirac", "driscoll", "dubinsky", "easley", "edison",
    "einstein", "elbakyan", "elgamal", "elion", "ellis", "engelbart", "euclid", "euler", "faraday", "feistel", "fermat", "fermi",
    "feynman", "franklin", "gagarin", "galileo", "galois", "ganguly", "gates", "gauss", "germain", "goldberg", "goldstine", "goldwasser",
    "golick", "goodall", "gould", "greider", "grothendieck", "haibt", "hamilton", "haslett", "hawking", "heisenberg", "hellman",
    "hermann", "herschel", "hertz", "heyrovsky", "hodgkin", "hofstadter", "hoover", "hopper", "hugle", "hypatia", "ishizaka",
    "jackson", "jang", "jemison", "jennings", "jepsen", "johnson", "joliot", "jones", "kalam", "kapitsa", "kare", "keldysh", "keller",
    "kepler", "khayyam", "khorana", "kilby", "kirch", "knuth", "kowalevski", "lalande", "lamarr", "lamport", "leakey", "leavitt",
    "lederberg", "lehmann", "lewin", "lichterman", "liskov", "lovelace", "lumiere", "mahavira", "margulis", "matsumoto", "maxwell",
    "mayer", "mccarthy", "mcclintock", "mclaren", "mclean", "mcnulty", "meitner", "mendel", "mendeleev", "meninsky", "merkle",
    "mestorf", "mirzakhani", "montalcini", "moore", "morse", "moser", "murdock", "napier", "nash", "neumann", "newton", "nightingale",
    "nobel", "noether", "northcutt", "noyce", "panini", "pare", "pascal", "pasteur", "payne", "perlman", "pike", "poincare", "poitras",
    "proskuriakova", "ptolemy", "raman", "ramanujan", "rhodes", "ride", "ritchie", "robinson", "roentgen", "rosalind", "rubin", "saha",
    "sammet", "sanderson", "satoshi", "shamir", "shannon", "shaw", "shirley", "shockley", "shtern", "sinoussi", "snyder", "solomon",
    "spence", "stonebraker", "sutherland", "swanson", "swartz", "swirles", "taussig", "tesla", "tharp", "thompson", "torvalds", "tu",
    "turing", "varahamihira", "vaughan", "villani", "visvesvaraya", "volhard", "wescoff", "wilbur", "wiles", "williams", "williamson",
    "wilson", "wing", "wozniak", "wright", "wu", "yalow", "yonath", "zhukovsky",
];

/// A random container name as moby's namesgenerator makes them
/// ("boring_wozniak" is never generated, as in moby).
pub fn random_name(rng: &mut Rng) -> String {
    loop {
        let l = LEFT[rng.below(LEFT.len() as u64) as usize];
        let r = RIGHT[rng.below(RIGHT.len() as u64) as usize];
        if l == "boring" && r == "wozniak" {
            continue;
        }
        return format!("{l}_{r}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_sizes() {
        assert_eq!(human_duration(500), "Less than a second");
        assert_eq!(human_duration(5_000), "5 seconds");
        assert_eq!(human_duration(61_000), "About a minute");
        assert_eq!(human_duration(3 * 60_000), "3 minutes");
        assert_eq!(human_duration(3_600_000), "About an hour");
        assert_eq!(human_size(7_380_000), "7.38MB");
        assert_eq!(human_size(1_090_000_000), "1.09GB");
        assert_eq!(human_size(13_256), "13.3kB");
        assert_eq!(human_size(187_000_000), "187MB");
        assert_eq!(parse_duration_ms("1m30s"), Some(90_000));
        assert_eq!(parse_duration_ms("500ms"), Some(500));
        assert_eq!(go_duration(30_000), "30s");
        assert_eq!(go_duration(90_000), "1m30s");
        assert_eq!(parse_size("512m"), Some(512 * 1024 * 1024));
        assert_eq!(parse_rfc3339("1970-01-02T00:00:00Z"), Some(86400));
        assert_eq!(parse_rfc3339("1970-01-02"), Some(86400));
        assert_eq!(parse_rfc3339("1970-01-02T01:30"), Some(86400 + 5400));
        assert_eq!(parse_rfc3339("1970-01"), None);
        let (y, mo, d, ..) = civil(parse_rfc3339("2026-11-25T08:00:00Z").unwrap());
        assert_eq!((y, mo, d), (2026, 11, 25));
    }
}
