use super::*;
use std::collections::BTreeMap;

fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let m: BTreeMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k: &str| m.get(k).cloned()
}

/// Modeled on buildkit's shell/envVarTest (Unix rows).
#[test]
fn env_var_table() {
    let env = env_of(&[
        ("PWD", "/home"),
        ("SHELL", "bash"),
        ("KOREAN", "한국어"),
        ("NULL", ""),
    ]);
    let table: &[(&str, Option<&str>)] = &[
        ("hello", Some("hello")),
        ("he'll'o", Some("hello")),
        ("he'llo", None),
        ("he\\'llo", Some("he'llo")),
        ("he\\\\'llo", None),
        ("abc\\tdef", Some("abctdef")),
        ("\"abc\\tdef\"", Some("abc\\tdef")),
        ("\"abc\\\\tdef\"", Some("abc\\tdef")),
        ("'abc\\tdef'", Some("abc\\tdef")),
        ("hello\\", Some("hello")),
        ("hello\\\\", Some("hello\\")),
        ("\"hello", None),
        ("\"hello\\\"", None),
        ("\"hel'lo\"", Some("hel'lo")),
        ("'hello", None),
        ("'hello\\'", Some("hello\\")),
        ("'hello\\there'", Some("hello\\there")),
        ("'hello\\\\there'", Some("hello\\\\there")),
        ("\"''\"", Some("''")),
        ("$.", Some("$.")),
        ("he$1x", Some("hex")),
        ("he$.x", Some("he$.x")),
        ("he$pwd.", Some("he.")),
        ("he$PWD", Some("he/home")),
        ("he\\$PWD", Some("he$PWD")),
        ("he\\\\$PWD", Some("he\\/home")),
        ("\"he\\$PWD\"", Some("he$PWD")),
        ("\"he\\\\$PWD\"", Some("he\\/home")),
        ("\\${}", Some("${}")),
        ("\\${}aaa", Some("${}aaa")),
        ("he\\${}", Some("he${}")),
        ("${}", None),
        ("${}aaa", None),
        ("he${}xx", None),
        ("he${hi}", Some("he")),
        ("he${hi}xx", Some("hexx")),
        ("he${PWD}", Some("he/home")),
        ("he${.}", None),
        ("he${XXX:-000}xx", Some("he000xx")),
        ("he${PWD:-000}xx", Some("he/homexx")),
        ("he${XXX:-$PWD}xx", Some("he/homexx")),
        ("he${XXX:-${PWD:-yyy}}xx", Some("he/homexx")),
        ("he${XXX:-${YYY:-yyy}}xx", Some("heyyyxx")),
        ("he${XXX:YYY}", None),
        ("he${XXX?}", None),
        ("he${XXX:?}", None),
        ("he${PWD?}", Some("he/home")),
        ("he${PWD:?}", Some("he/home")),
        ("he${NULL?}", Some("he")),
        ("he${NULL:?}", None),
        ("he${XXX:+${PWD}}xx", Some("hexx")),
        ("he${PWD:+${XXX}}xx", Some("hexx")),
        ("he${PWD:+${SHELL}}xx", Some("hebashxx")),
        ("he${XXX:+000}xx", Some("hexx")),
        ("he${PWD:+000}xx", Some("he000xx")),
        ("'he${XX}'", Some("he${XX}")),
        ("\"he${PWD}\"", Some("he/home")),
        ("\"he'$PWD'\"", Some("he'/home'")),
        ("\"$PWD\"", Some("/home")),
        ("'$PWD'", Some("$PWD")),
        ("'\\$PWD'", Some("\\$PWD")),
        ("'\"hello\"'", Some("\"hello\"")),
        ("he${PWD", None),
        ("he${PWD:=000}xx", None),
        ("he${PWD:+${PWD}:}xx", Some("he/home:xx")),
        ("he${XXX:-\\$PWD:}xx", Some("he$PWD:xx")),
        ("he${XXX:-\\${PWD}z}xx", Some("he${PWDz}xx")),
        ("안녕하세요", Some("안녕하세요")),
        ("안'녕'하세요", Some("안녕하세요")),
        ("안녕\\t하세요", Some("안녕t하세요")),
        ("$KOREAN", Some("한국어")),
        ("안녕$KOREAN", Some("안녕한국어")),
        ("${{aaa}", None),
        ("${aaa}}", Some("}")),
        ("${aaa", None),
        ("${{aaa:-bbb}", None),
        ("${aaa:-bbb}}", Some("bbb}")),
        ("${aaa:-bbb", None),
        ("${aaa:-bbb}", Some("bbb")),
        ("${aaa:-${bbb:-ccc}}", Some("ccc")),
        ("${aaa:-bbb ${foo}", None),
        ("${aaa:-bbb {foo}", Some("bbb {foo")),
        ("${:}", None),
        ("${:-bbb}", None),
        ("${:+bbb}", None),
        ("$1", Some("")),
        ("${1:-bbb}", Some("bbb")),
        ("$999aaa", Some("aaa")),
        ("${999:-bbb}aaa", Some("bbbaaa")),
        ("$001aaa", Some("aaa")),
        ("$@", Some("")),
        ("$@@@", Some("@@")),
        ("${@:-bbb}aaa", Some("bbbaaa")),
        ("${*:+bbb}", Some("")),
        ("${#:-bbb}", Some("bbb")),
        ("${?}", Some("")),
        ("${-:-bbb}", Some("bbb")),
        ("$$", Some("")),
        ("${!:-bbb}", Some("bbb")),
        ("$0", Some("")),
    ];
    for (src, want) in table {
        let got = expand_word(src, &env, '\\');
        match want {
            Some(w) => assert_eq!(got.as_deref(), Ok(*w), "input {src:?}"),
            None => assert!(got.is_err(), "input {src:?} should fail, got {got:?}"),
        }
    }
}

#[test]
fn mandatory_messages() {
    let unset = env_of(&[("ARG", "x")]);
    assert_eq!(
        expand_word("${V:?msg}", &unset, '\\'),
        Err("V: msg".to_string())
    );
    assert_eq!(
        expand_word("${VAR?message here$ARG}", &unset, '\\'),
        Err("VAR: message herex".to_string())
    );
    assert_eq!(
        expand_word("${V?}", &unset, '\\'),
        Err("V: is not allowed to be unset".to_string())
    );
    let empty = env_of(&[("V", "")]);
    assert_eq!(
        expand_word("${V:?}", &empty, '\\'),
        Err("V: is not allowed to be empty".to_string())
    );
    assert_eq!(expand_word("${V?}", &empty, '\\'), Ok(String::new()));
    assert_eq!(
        process_error("${V:?msg}", "V: msg"),
        "failed to process \"${V:?msg}\": V: msg"
    );
}

#[test]
fn defaults_and_alternatives() {
    let env = env_of(&[("FOO", "xxx"), ("BAR", "")]);
    let e = |s: &str| expand_word(s, &env, '\\').unwrap();
    assert_eq!(e("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}"), "xxx  ccc");
    assert_eq!(e("${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}"), "xxx bbb ccc");
    assert_eq!(e("${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}"), "aaa bbb ");
    assert_eq!(e("${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}"), "aaa  ");
    assert!(expand_word("${FOO=aaa}", &env, '\\').is_err());
    assert!(expand_word("${FOO:#}", &env, '\\').is_err());
    assert!(expand_word("${FOO:%%}", &env, '\\').is_err());
}

#[test]
fn patterns() {
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: &[Case] = &[
        (
            "${FOO#()[]{\\}^$.\\*\\?|\\\\}",
            &[("FOO", "()[]{}^$.*?|\\x")],
            "x",
        ),
        ("${FOO%%\\**}", &[("FOO", "xx**")], "xx"),
        ("${FOO#*x*y}", &[("FOO", "xxyy")], "y"),
        ("${FOO#*}", &[("FOO", "xxyy")], "xxyy"),
        ("${FOO#$BAR}", &[("FOO", "xxyy"), ("BAR", "x")], "xyy"),
        ("${FOO##*x}", &[("FOO", "xxyy")], "yy"),
        ("${FOO#?\\?}", &[("FOO", "???y")], "?y"),
        ("${ABC:-.}${FOO%x}${ABC:-.}", &[("FOO", "xxyy")], ".xxyy."),
        ("${FOO%%\\**\\*}", &[("FOO", "a***yy*")], "a"),
        ("${FOO%}", &[("FOO", "xxyy")], "xxyy"),
        ("${FOO%y*}", &[("FOO", "xxyy")], "xxy"),
        ("${FOO%%y*}", &[("FOO", "xxyy")], "xx"),
        (
            "${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}",
            &[("FOO", "/foo*/*/*.txt"), ("NEEDLE", "\\*/")],
            "/foo.*/*.txt - /foo..*.txt",
        ),
        (
            "${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}",
            &[("FOO", "/tmp/tmp/bar.txt"), ("NEEDLE", "/tmp")],
            "/tmp/bar.txt - /bar.txt",
        ),
        (
            "${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}",
            &[
                ("FOO", "/a/foo/b/c.txt"),
                ("NEEDLE", "/?/"),
                ("REPLACEMENT", "/"),
            ],
            "/foo/b/c.txt - /foo/c.txt",
        ),
        (
            "${FOO/$NEEDLE/$REPLACEMENT}",
            &[
                ("FOO", "http://google.de"),
                ("NEEDLE", "http://"),
                ("REPLACEMENT", "https://"),
            ],
            "https://google.de",
        ),
        (
            "${FOO//\\//\\/}",
            &[("FOO", "/tmp/foo.txt")],
            "\\/tmp\\/foo.txt",
        ),
        ("${FOO/$BAR/ww}", &[("FOO", "xxyy"), ("BAR", "")], "wwxxyy"),
        ("${FOO///}", &[("FOO", "xxyy")], "xxyy"),
        ("${FOO///}", &[], ""),
    ];
    for (src, env, want) in cases {
        let env = env_of(env);
        assert_eq!(
            expand_word(src, &env, '\\').as_deref(),
            Ok(*want),
            "input {src:?}"
        );
    }
    let env = env_of(&[("FOO", "xxyy")]);
    assert!(expand_word("${FOO//ww}", &env, '\\').is_err());
    assert!(expand_word("${FOO//}", &env, '\\').is_err());
    assert!(expand_word("${FOO#\\x}", &env, '\\').is_err());
}

#[test]
fn pattern_helpers() {
    assert_eq!(reverse_pattern("a\\*c"), "c\\*a");
    assert_eq!(reverse_pattern("\\\\\\ab"), "b\\a\\\\");
    assert_eq!(reverse_pattern("ab\\"), "\\ba");
    assert_eq!(reverse_pattern("\\\\b"), "b\\\\");
    assert!(compile_pattern("\\").is_err());
    assert!(compile_pattern("\\x").is_err());
    assert!(compile_pattern("\\\\\\").is_err());
}

/// Modeled on buildkit's shell/wordsTest, in both of its modes.
#[test]
fn words_table() {
    let env = env_of(&[
        ("hi", "hi"),
        ("space", "abc  def"),
        ("leading", "  ab c"),
        ("trailing", "ab c   "),
    ]);
    let table: &[(&str, Option<&[&str]>)] = &[
        ("hello", Some(&["hello"])),
        ("hello${hi}bye", Some(&["hellohibye"])),
        ("hello${space}bye", Some(&["helloabc", "defbye"])),
        ("hello\"${space}\"bye", Some(&["helloabc  defbye"])),
        ("hello \"${space}\"bye", Some(&["hello", "abc  defbye"])),
        ("hello${leading}def", Some(&["hello", "ab", "cdef"])),
        ("hello\"${leading}\" def", Some(&["hello  ab c", "def"])),
        ("hello\"${leading}\"", Some(&["hello  ab c"])),
        ("hello${leading}", Some(&["hello", "ab", "c"])),
        ("hello${trailing}", Some(&["helloab", "c"])),
        ("hello${trailing}d", Some(&["helloab", "c", "d"])),
        ("hello\"${trailing}\"d", Some(&["helloab c   d"])),
        ("hel\"lo${trailing}\"", Some(&["helloab c   "])),
        ("hello\" there  \"", Some(&["hello there  "])),
        ("hello there     ", Some(&["hello", "there"])),
        ("hello\\ there", Some(&["hello there"])),
        ("hello\" there", None),
        ("hello\\\" there", Some(&["hello\"", "there"])),
        ("hello\"\\\\there\"", Some(&["hello\\there"])),
        ("hello\"\\there\"", Some(&["hello\\there"])),
        ("hello'\\\\there'", Some(&["hello\\\\there"])),
        ("hello'\\there'", Some(&["hello\\there"])),
        ("hello'$there'", Some(&["hello$there"])),
        ("a << b", Some(&["a", "<< b"])),
        ("a\"\"b \"\"", Some(&["ab"])),
    ];
    for (src, want) in table {
        let got = expand_words(src, &env, '\\');
        match want {
            Some(w) => assert_eq!(
                got,
                Ok(w.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
                "input {src:?}"
            ),
            None => assert!(got.is_err(), "input {src:?}"),
        }
    }
    // Raw-quotes + skip-unset mode: the quotes stay, unknown vars stay.
    let mut lex = Lex::new('\\');
    lex.raw_quotes = true;
    lex.skip_unset_env = true;
    let r = lex
        .process("hello\"${space}\"bye $nope ${nope:-x}", &env)
        .unwrap();
    assert_eq!(r.result, "hello\"abc  def\"bye $nope ${nope:-x}");
    assert!(r.unmatched.contains("nope"));
    assert!(r.matched.contains("space"));
}

#[test]
fn backtick_escape() {
    let env = env_of(&[("A", "1")]);
    assert_eq!(expand_word("a`$A\\b", &env, '`').as_deref(), Ok("a$A\\b"));
    assert_eq!(expand_word("\"`\"x\"", &env, '`').as_deref(), Ok("\"x"));
}

#[test]
fn deep_nesting_is_bounded() {
    let mut s = String::new();
    for _ in 0..10_000 {
        s.push_str("${A:-");
    }
    s.push('x');
    for _ in 0..10_000 {
        s.push('}');
    }
    let env = env_of(&[]);
    assert!(expand_word(&s, &env, '\\').is_err());
    let mut ok = String::new();
    for _ in 0..MAX_NESTING - 1 {
        ok.push_str("${A:-");
    }
    ok.push('x');
    for _ in 0..MAX_NESTING - 1 {
        ok.push('}');
    }
    assert_eq!(expand_word(&ok, &env, '\\').as_deref(), Ok("x"));
}
