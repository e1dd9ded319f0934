use super::*;

fn dump_of(src: &str) -> String {
    let p = parse_nodes(src);
    assert!(
        p.errors.is_empty(),
        "unexpected errors {:?} for {src:?}",
        p.errors
    );
    dump(&p.nodes)
}

/// buildkit testfiles/continueIndent
#[test]
fn continue_indent() {
    let src = "FROM ubuntu:14.04\n\nRUN echo hello\\\n  world\\\n  goodnight  \\\n  moon\\\n  light\\\nning\nRUN echo hello  \\\n  world\nRUN echo hello  \\\nworld\nRUN echo hello \\\ngoodbye\\\nfrog\nRUN echo hello  \\  \nworld\nRUN echo hi \\\n \\\n world \\\n\\\n good\\\n\\\nnight\nRUN echo goodbye\\\nfrog\nRUN echo good\\\nbye\\\nfrog\n\nRUN echo hello \\\n# this is a comment\n\n# this is a comment with a blank line surrounding it\n\nthis is some more useful stuff\n";
    assert_eq!(
        dump_of(src),
        "(from \"ubuntu:14.04\")\n(run \"echo hello  world  goodnight    moon  lightning\")\n(run \"echo hello    world\")\n(run \"echo hello  world\")\n(run \"echo hello goodbyefrog\")\n(run \"echo hello  world\")\n(run \"echo hi   world  goodnight\")\n(run \"echo goodbyefrog\")\n(run \"echo goodbyefrog\")\n(run \"echo hello this is some more useful stuff\")\n"
    );
}

/// buildkit testfiles/continue-at-eof and trailing-backslash
#[test]
fn continuation_edge_cases() {
    assert_eq!(
        dump_of("FROM alpine:3.5\n\nRUN something \\"),
        "(from \"alpine:3.5\")\n(run \"something\")\n"
    );
    let src = "FROM hello-world\n\nENV A path\nENV B another\\\\path\nENV C trailing\\\\backslash\\\\\nENV D This should not be appended to C\nENV E hello\\\n\\\nworld\nENV F hello\\\n \\\nworld\nENV G hello \\\n\\\nworld\n";
    assert_eq!(
        dump_of(src),
        "(from \"hello-world\")\n(env \"A\" \"path\" \"\")\n(env \"B\" \"another\\\\\\\\path\" \"\")\n(env \"C\" \"trailing\\\\\\\\backslash\\\\\\\\\" \"\")\n(env \"D\" \"This should not be appended to C\" \"\")\n(env \"E\" \"helloworld\" \"\")\n(env \"F\" \"hello world\" \"\")\n(env \"G\" \"hello world\" \"\")\n"
    );
}

/// buildkit testfiles/escape, escape-after-comment, escape-nonewline, escape-with-syntax
#[test]
fn escape_directive() {
    let expected = "(from \"image\")\n(label \"maintainer\" \"foo@bar.com\" \"\")\n(env \"GOPATH\" \"\\\\go\" \"\")\n";
    let p =
        parse_nodes("#escape = `\n\nFROM image\nLABEL maintainer foo@bar.com\nENV GOPATH `\n\\go");
    assert_eq!(p.escape, '`');
    assert_eq!(dump(&p.nodes), expected);
    let p = parse_nodes("# Comment here.\n# escape = `\n\nFROM image\nLABEL maintainer foo@bar.com\nENV GOPATH \\\n\\go");
    assert_eq!(p.escape, '\\');
    assert_eq!(dump(&p.nodes), expected);
    let p = parse_nodes("# escape = `\n# There is no white space line after the directives.\nFROM image\nLABEL maintainer foo@bar.com\nENV GOPATH `\n\\go\n");
    assert_eq!(dump(&p.nodes), expected);
    let p = parse_nodes("# syntax = docker/dockerfile\n# escape = `\n\nFROM `\n    image\n");
    assert_eq!(p.syntax.as_deref(), Some("docker/dockerfile"));
    assert_eq!(dump(&p.nodes), "(from \"image\")\n");
    // Case-insensitive key, leading whitespace, not after an empty line.
    assert_eq!(parse_nodes("  # ESCAPE=`\nFROM a").escape, '`');
    assert_eq!(parse_nodes("\n# escape=`\nFROM a").escape, '\\');
    assert_eq!(parse_nodes("# foo=bar\n# escape=`\nFROM a").escape, '\\');
}

#[test]
fn directive_errors() {
    let p = parse_nodes("# escape=x\nFROM a");
    assert_eq!(
        p.errors,
        vec![(
            1,
            "invalid escape token 'x' does not match ` or \\".to_string()
        )]
    );
    let p = parse_nodes("# escape=\\\n# escape=`\nFROM a");
    assert_eq!(
        p.errors,
        vec![(
            2,
            "only one escape parser directive can be used".to_string()
        )]
    );
}

/// buildkit testfiles/escapes
#[test]
fn escapes() {
    let src = "FROM ubuntu:14.04\nLABEL maintainer Erik \\\\Hollensbe <erik@hollensbe.org>\\\"\n\nRUN apt-get \\update && \\\n  apt-get \\\"install znc -y\nADD \\conf\\\\\" /.znc\n\nRUN foo \\\n\nbar \\\n\nbaz\n\nCMD [ \"\\/usr\\\\\\\"/bin/znc\", \"-f\", \"-r\" ]\n";
    let p = parse_nodes(src);
    assert_eq!(
        dump(&p.nodes),
        "(from \"ubuntu:14.04\")\n(label \"maintainer\" \"Erik \\\\\\\\Hollensbe <erik@hollensbe.org>\\\\\\\"\" \"\")\n(run \"apt-get \\\\update &&   apt-get \\\\\\\"install znc -y\")\n(add \"\\\\conf\\\\\\\\\\\"\" \"/.znc\")\n(run \"foo bar baz\")\n(cmd \"/usr\\\\\\\"/bin/znc\" \"-f\" \"-r\")\n"
    );
    assert_eq!(p.empty_continuations, vec![12]);
}

/// buildkit testfiles/env
#[test]
fn env_forms() {
    let src = "FROM ubuntu\nENV name value\nENV name=value\nENV name=value name2=value2\nENV name=\"value value1\"\nENV name=value\\ value2\nENV name=\"value'quote space'value2\"\nENV name='value\"double quote\"value2'\nENV name=value\\ value2 name2=value2\\ value3\nENV name=\"a\\\"b\"\nENV name=\"a\\'b\"\nENV name='a\\'b'\nENV name='a\\'b''\nENV name='a\\\"b'\nENV name=\"''\"\nENV name=value \\\n    name1=value1 \\\n    name2=\"value2a \\\n           value2b\" \\\n    name3=\"value3a\\n\\\"value3b\\\"\" \\\n\tname4=\"value4a\\\\nvalue4b\" \\\n";
    assert_eq!(
        dump_of(src),
        concat!(
            "(from \"ubuntu\")\n",
            "(env \"name\" \"value\" \"\")\n",
            "(env \"name\" \"value\" \"=\")\n",
            "(env \"name\" \"value\" \"=\" \"name2\" \"value2\" \"=\")\n",
            "(env \"name\" \"\\\"value value1\\\"\" \"=\")\n",
            "(env \"name\" \"value\\\\ value2\" \"=\")\n",
            "(env \"name\" \"\\\"value'quote space'value2\\\"\" \"=\")\n",
            "(env \"name\" \"'value\\\"double quote\\\"value2'\" \"=\")\n",
            "(env \"name\" \"value\\\\ value2\" \"=\" \"name2\" \"value2\\\\ value3\" \"=\")\n",
            "(env \"name\" \"\\\"a\\\\\\\"b\\\"\" \"=\")\n",
            "(env \"name\" \"\\\"a\\\\'b\\\"\" \"=\")\n",
            "(env \"name\" \"'a\\\\'b'\" \"=\")\n",
            "(env \"name\" \"'a\\\\'b''\" \"=\")\n",
            "(env \"name\" \"'a\\\\\\\"b'\" \"=\")\n",
            "(env \"name\" \"\\\"''\\\"\" \"=\")\n",
            "(env \"name\" \"value\" \"=\" \"name1\" \"value1\" \"=\" \"name2\" \"\\\"value2a            value2b\\\"\" \"=\" \"name3\" \"\\\"value3a\\\\n\\\\\\\"value3b\\\\\\\"\\\"\" \"=\" \"name4\" \"\\\"value4a\\\\\\\\nvalue4b\\\"\" \"=\")\n",
        )
    );
}

/// buildkit testfiles/flags, json, ADD-COPY-with-JSON, args, health
#[test]
fn flags_json_args_health() {
    let src = "FROM scratch\nCOPY foo /tmp/\nCOPY --user=me foo /tmp/\nCOPY --doit=true foo /tmp/\nCOPY --user=me --doit=true foo /tmp/\nCOPY --doit=true -- foo /tmp/\nCOPY -- foo /tmp/\nCMD --doit [ \"a\", \"b\" ]\nCMD --doit=true -- [ \"a\", \"b\" ]\nCMD --doit -- [ ]\n";
    assert_eq!(
        dump_of(src),
        "(from \"scratch\")\n(copy \"foo\" \"/tmp/\")\n(copy [\"--user=me\"] \"foo\" \"/tmp/\")\n(copy [\"--doit=true\"] \"foo\" \"/tmp/\")\n(copy [\"--user=me\" \"--doit=true\"] \"foo\" \"/tmp/\")\n(copy [\"--doit=true\"] \"foo\" \"/tmp/\")\n(copy \"foo\" \"/tmp/\")\n(cmd [\"--doit\"] \"a\" \"b\")\n(cmd [\"--doit=true\"] \"a\" \"b\")\n(cmd [\"--doit\"])\n"
    );
    let src = "CMD []\nCMD [\"\"]\nCMD [\"a\"]\nCMD [\"a\",\"b\"]\nCMD [ \"a\", \"b\" ]\nCMD [\t\"a\",\t\"b\"\t]\nCMD\t[\t\"a\",\t\"b\"\t]\t\nCMD [\"abc 123\", \"♥\", \"☃\", \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000\"]\n";
    assert_eq!(
        dump_of(src),
        "(cmd)\n(cmd \"\")\n(cmd \"a\")\n(cmd \"a\" \"b\")\n(cmd \"a\" \"b\")\n(cmd \"a\" \"b\")\n(cmd \"a\" \"b\")\n(cmd \"abc 123\" \"♥\" \"☃\" \"\\\" \\\\ / \\b \\f \\n \\r \\t \\x00\")\n"
    );
    let src = "FROM\tubuntu:14.04\nLABEL\tmaintainer\tSeongyeol Lim <seongyeol37@gmail.com>\n\nCOPY\t.\t/go/src/github.com/docker/docker\nADD\t\t.\t/\nADD\t\tnull /\nCOPY\tnullfile /tmp\nADD\t\t[ \"vimrc\", \"/tmp\" ]\nCOPY\t[ \"bashrc\", \"/tmp\" ]\nCOPY\t[ \"test file\", \"/tmp\" ]\nADD\t\t[ \"test file\", \"/tmp/test file\" ]\n";
    assert_eq!(
        dump_of(src),
        "(from \"ubuntu:14.04\")\n(label \"maintainer\" \"Seongyeol Lim <seongyeol37@gmail.com>\" \"\")\n(copy \".\" \"/go/src/github.com/docker/docker\")\n(add \".\" \"/\")\n(add \"null\" \"/\")\n(copy \"nullfile\" \"/tmp\")\n(add \"vimrc\" \"/tmp\")\n(copy \"bashrc\" \"/tmp\")\n(copy \"test file\" \"/tmp\")\n(add \"test file\" \"/tmp/test file\")\n"
    );
    assert_eq!(
        dump_of("ARG foo bar=baz\nFROM ubuntu\nARG abc=\"123 456\" def\n"),
        "(arg \"foo\" \"bar=baz\")\n(from \"ubuntu\")\n(arg \"abc=\\\"123 456\\\"\" \"def\")\n"
    );
    let src = "FROM debian\nADD check.sh main.sh /app/\nCMD /app/main.sh\nHEALTHCHECK\nHEALTHCHECK --interval=5s --timeout=3s --retries=3 \\\n  CMD /app/check.sh --quiet\nHEALTHCHECK CMD\nHEALTHCHECK   CMD   a b\nHEALTHCHECK --timeout=3s CMD [\"foo\"]\nHEALTHCHECK CONNECT TCP 7000\n";
    assert_eq!(
        dump_of(src),
        "(from \"debian\")\n(add \"check.sh\" \"main.sh\" \"/app/\")\n(cmd \"/app/main.sh\")\n(healthcheck)\n(healthcheck [\"--interval=5s\" \"--timeout=3s\" \"--retries=3\"] \"CMD\" \"/app/check.sh --quiet\")\n(healthcheck \"CMD\")\n(healthcheck \"CMD\" \"a b\")\n(healthcheck [\"--timeout=3s\"] \"CMD\" \"foo\")\n(healthcheck \"CONNECT\" \"TCP 7000\")\n"
    );
}

/// buildkit testfiles/jeztah-invalid-json-*: invalid JSON falls back to the shell form.
#[test]
fn json_fallbacks() {
    assert_eq!(
        dump_of("CMD ['echo','single quotes are invalid JSON']\n"),
        "(cmd \"['echo','single quotes are invalid JSON']\")\n"
    );
    assert_eq!(
        dump_of("CMD [\"echo\", \"Please, close the brackets when you're done\"\n"),
        "(cmd \"[\\\"echo\\\", \\\"Please, close the brackets when you're done\\\"\")\n"
    );
    assert_eq!(
        dump_of("CMD [\"echo\", \"look ma, no quote!]\n"),
        "(cmd \"[\\\"echo\\\", \\\"look ma, no quote!]\")\n"
    );
    assert_eq!(
        dump_of("CMD [\"echo\", \"{\\\"key\\\": \\\"value\\\"}\"]\n"),
        "(cmd \"echo\" \"{\\\"key\\\": \\\"value\\\"}\")\n"
    );
    assert_eq!(
        dump_of("COPY [\"a\" /b\n"),
        "(copy \"[\\\"a\\\"\" \"/b\")\n"
    );
}

/// buildkit testfiles-negative
#[test]
fn negative_cases() {
    let p = parse_nodes("FROM busybox\n\nENV PATH\n");
    assert_eq!(
        p.errors,
        vec![(3, "ENV must have two arguments".to_string())]
    );
    let p = parse_nodes("CMD [ \"echo\", [ \"nested json\" ] ]\n");
    assert_eq!(p.errors, vec![(1, ERR_NOT_STRING_ARRAY.to_string())]);
    let p = parse_nodes("# Hello\n# These are just comments\n");
    assert_eq!(p.errors, vec![(2, "file with no instructions".to_string())]);
    let p = parse_nodes("   \n\n");
    assert_eq!(p.errors, vec![(2, "file with no instructions".to_string())]);
    let p = parse_nodes("LABEL a\n");
    assert_eq!(
        p.errors,
        vec![(1, "LABEL must have two arguments".to_string())]
    );
    let p = parse_nodes("ENV a=b c\n");
    assert_eq!(
        p.errors,
        vec![(
            1,
            "Syntax error - can't find = in \"c\". Must be of the form: name=value".to_string()
        )]
    );
}

#[test]
fn line_numbers() {
    let src = "# ESCAPE=\\\n\n\n\nFROM brimstone/ubuntu:14.04\n\n\n# TORUN -v /var/run/docker.sock:/var/run/docker.sock\n\n\nENV GOPATH \\\n/go\n\n\n\n# Install the packages we need\nRUN apt-get update \\\n\t&& dpkg -l \\\n\n\n    && apt-get clean \\\n    # comment\n\t&& rm -rf $GOPATH\n\n\n";
    let p = parse_nodes(src);
    let lines: Vec<(usize, usize)> = p.nodes.iter().map(|n| (n.start_line, n.end_line)).collect();
    assert_eq!(lines, vec![(5, 5), (11, 12), (17, 23)]);
    assert_eq!(p.empty_continuations, vec![23]);
}

#[test]
fn empty_continuation_warnings() {
    let src = "\nFROM alpine:3.6\n\nRUN valid \\\n    continuation\n\nRUN something \\\n\n    following \\\n\n    more\n\nRUN another \\\n\n    thing\n\nRUN non-indented \\\n# this is a comment\n   after-comment\n\nRUN indented \\\n    # this is an indented comment\n    comment\n\t";
    let p = parse_nodes(src);
    assert_eq!(p.empty_continuations, vec![11, 15]);
    assert_eq!(p.nodes[2].original, "RUN something     following     more");
    assert_eq!(p.nodes[3].original, "RUN another     thing");
    assert_eq!(p.nodes[4].original, "RUN non-indented    after-comment");
}

#[test]
fn line_too_long() {
    let long = "a".repeat(MAX_LINE + 1);
    let p = parse_nodes(&format!("FROM image\nLABEL test={long}\n"));
    assert_eq!(
        p.errors,
        vec![(
            2,
            "dockerfile line greater than max allowed size of 65535".to_string()
        )]
    );
    assert_eq!(p.nodes.len(), 1);
    let ok = "a".repeat(MAX_LINE - "LABEL t=".len());
    let p = parse_nodes(&format!("FROM image\nLABEL t={ok}"));
    assert!(p.errors.is_empty());
}

#[test]
fn parse_words_cases() {
    let cases: &[(&str, &[&str])] = &[
        ("foo", &["foo"]),
        ("foo bar", &["foo", "bar"]),
        ("foo\\ bar", &["foo\\ bar"]),
        ("foo=bar", &["foo=bar"]),
        ("foo bar 'abc xyz'", &["foo", "bar", "'abc xyz'"]),
        ("foo bar \"abc xyz\"", &["foo", "bar", "\"abc xyz\""]),
        ("àöû", &["àöû"]),
        ("föo bàr \"âbc xÿz\"", &["föo", "bàr", "\"âbc xÿz\""]),
        ("a=\"\"", &["a=\"\""]),
        ("''", &["''"]),
    ];
    for (input, want) in cases {
        assert_eq!(
            parse_words(input, '\\'),
            want.iter().map(|s| s.to_string()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn builder_flags() {
    assert_eq!(
        extract_builder_flags("--a=1 --b x y", '\\'),
        ("x y", vec!["--a=1".into(), "--b".into()])
    );
    assert_eq!(
        extract_builder_flags("--a=\"x y\" z", '\\'),
        ("z", vec!["--a=x y".into()])
    );
    assert_eq!(
        extract_builder_flags("--a -- --b", '\\'),
        (" --b", vec!["--a".into()])
    );
    assert_eq!(extract_builder_flags("-a", '\\'), ("-a", vec![]));
    assert_eq!(extract_builder_flags("--a", '\\'), ("", vec!["--a".into()]));
    assert_eq!(
        extract_builder_flags("--é=ü x", '\\'),
        ("x", vec!["--é=ü".into()])
    );
}

/// buildkit parser_heredoc_test.go: TestParseExtractsHeredoc
#[test]
fn heredocs() {
    let src = "\nFROM alpine:3.6\n\nENV NAME=me\n\nRUN ls\n\nUSER <<INVALID\nINVALID\n\nRUN <<EMPTY\nEMPTY\n\nRUN 3<<EMPTY2\nEMPTY2\n\nRUN \"<<NOHEREDOC\"\n\nRUN <<INDENT\n\tfoo\n\tbar\nINDENT\n\nRUN <<-UNINDENT\n\tbaz\n\tquux\nUNINDENT\n\nRUN <<-UNINDENT2\n\tbaz\n\tquux\n\tUNINDENT2\n\nRUN <<-'NOEXPAND'\n\tdon't expand $NAME\nNOEXPAND\n\nRUN <<COMMENT\n# internal comment\necho hello world\nCOMMENT\n\nRUN --mount=type=cache,target=/foo <<MOUNT\necho hello\nMOUNT\n\nCOPY <<FILE1 <<FILE2 /dest\ncontent 1\nFILE1\ncontent 2\nFILE2\n\nCOPY <<X <<Y /dest\nY\nX\nX\nY\n\nRUN <<COMPLEX python3\nprint('hello world')\nCOMPLEX\n\nRUN <<eo'f'\necho foo\neof\n\nRUN <<eo\\'f\necho foo\neo'f\n\nRUN <<'e'o\\'f\necho foo\neo'f\n\nRUN <<'one two'\necho bar\none two\n\nRUN <<$EOF\n$EOF\n\nRUN <<  EOF\nEOF\n\nRUN <<  EOF  > foo\nEOF\n\t";
    let p = parse_nodes(src);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    let h = |name: &str, content: &str, expand: bool, chomp: bool| Heredoc {
        name: name.into(),
        content: content.into(),
        expand,
        chomp,
    };
    let expected: Vec<Vec<Heredoc>> = vec![
        vec![],
        vec![],
        vec![],
        vec![],
        vec![h("EMPTY", "", true, false)],
        vec![h("EMPTY2", "", true, false)],
        vec![],
        vec![h("INDENT", "\tfoo\n\tbar\n", true, false)],
        vec![h("UNINDENT", "\tbaz\n\tquux\n", true, true)],
        vec![h("UNINDENT2", "\tbaz\n\tquux\n", true, true)],
        vec![h("NOEXPAND", "\tdon't expand $NAME\n", false, true)],
        vec![h(
            "COMMENT",
            "# internal comment\necho hello world\n",
            true,
            false,
        )],
        vec![h("MOUNT", "echo hello\n", true, false)],
        vec![
            h("FILE1", "content 1\n", true, false),
            h("FILE2", "content 2\n", true, false),
        ],
        vec![h("X", "Y\n", true, false), h("Y", "X\n", true, false)],
        vec![h("COMPLEX", "print('hello world')\n", true, false)],
        vec![h("eof", "echo foo\n", false, false)],
        vec![h("eo'f", "echo foo\n", true, false)],
        vec![h("eo'f", "echo foo\n", false, false)],
        vec![h("one two", "echo bar\n", false, false)],
        vec![h("$EOF", "", true, false)],
        vec![h("EOF", "", true, false)],
        vec![h("EOF", "", true, false)],
    ];
    let got: Vec<Vec<Heredoc>> = p.nodes.iter().skip(1).map(|n| n.heredocs.clone()).collect();
    assert_eq!(got, expected);
    // JSON forms never carry heredocs.
    let p = parse_nodes("FROM a\nRUN [\"<<EOF\"]\nRUN [\"<<'EOF'\"]\n");
    assert!(p.nodes.iter().all(|n| n.heredocs.is_empty()));
    // Unterminated.
    let p = parse_nodes("FROM a\nRUN <<EOF\necho\n");
    assert_eq!(p.errors, vec![(2, "unterminated heredoc".to_string())]);
}

#[test]
fn heredoc_helpers() {
    for src in [
        "<<EOF",
        "<<'EOF'",
        "<<\"EOF\"",
        "<<-EOF",
        "<<-'EOF'",
        "<<-\"EOF\"",
        "<<EO\"F\"",
        "<< EOF",
        "<<- EOF",
    ] {
        assert_eq!(
            parse_heredoc(src).unwrap().map(|h| h.name),
            Some("EOF".to_string()),
            "{src}"
        );
    }
    for src in ["<<'EOF", "<<\"EOF", "<<EOF'", "<<EOF\""] {
        assert!(parse_heredoc(src).is_err(), "{src}");
    }
    for src in ["", "EOF", "<<", "<<-", "<EOF", "<<<EOF", "<<EOF sh"] {
        assert_eq!(parse_heredoc(src).unwrap(), None, "{src}");
    }
    assert_eq!(
        chomp_heredoc_content("\thello\n\tworld\n"),
        "hello\nworld\n"
    );
    let names = |l: &str| {
        heredocs_from_line(l)
            .unwrap()
            .into_iter()
            .map(|h| h.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(names("RUN <<EOF <<EOF2"), vec!["EOF", "EOF2"]);
    assert_eq!(names("RUN << -EOF"), vec!["-EOF"]);
    assert_eq!(names("RUN 4<<EOF"), vec!["EOF"]);
    assert!(names("RUN '<<EOF'").is_empty());
    assert!(names("RUN \"<<EOF\"").is_empty());
}

#[test]
fn onbuild_nesting() {
    let p =
        parse_nodes("ONBUILD RUN [\"echo\", \"test\"]\nONBUILD RUN echo test\nONBUILD COPY . /\n");
    assert_eq!(dump(&p.nodes), "(onbuild (run \"echo\" \"test\"))\n(onbuild (run \"echo test\"))\n(onbuild (copy \".\" \"/\"))\n");
    let deep = format!("{}CMD [1]", "ONBUILD ".repeat(8_000));
    let p = parse_nodes(&deep);
    assert_eq!(p.errors, vec![(1, ERR_NOT_STRING_ARRAY.to_string())]);
    let p = parse_nodes("ONBUILD RUN <<EOF\nhi\nEOF\n");
    assert_eq!(p.nodes.len(), 1);
    assert_eq!(p.nodes[0].heredocs.len(), 1);
}
