//! Tests of the public API: instructions, BuildKit error and warning texts,
//! ordering, and robustness (proptest).

use crate::*;

fn errors(src: &str) -> Vec<String> {
    parse(src).errors().map(|d| d.message.clone()).collect()
}

fn first_error(src: &str) -> String {
    errors(src).into_iter().next().unwrap_or_default()
}

fn warnings(src: &str) -> Vec<(usize, &'static str, String)> {
    parse(src)
        .warnings()
        .map(|d| (d.line, d.code.unwrap_or(""), d.message.clone()))
        .collect()
}

fn kinds(src: &str) -> Vec<Instruction> {
    let df = parse(src);
    assert!(!df.has_errors(), "{:?}", df.diagnostics);
    df.stages
        .into_iter()
        .flat_map(|s| s.instructions)
        .map(|i| i.kind)
        .collect()
}

fn s(v: &str) -> String {
    v.to_string()
}

#[test]
fn stages_and_text() {
    let src = "# syntax=docker/dockerfile:1\nARG NODE=18\nFROM --platform=$BUILDPLATFORM node:${NODE} AS Builder\nWORKDIR /app\nCOPY package*.json ./\nRUN apt-get update && \\\n    apt-get install -y curl\nrun npm install\n\nFROM nginx:alpine\nCOPY --from=builder /app/dist /usr/share/nginx/html\n";
    let df = parse(src);
    assert_eq!(df.syntax.as_deref(), Some("docker/dockerfile:1"));
    assert_eq!(df.escape, '\\');
    assert_eq!(
        df.global_args,
        vec![ArgDecl {
            name: s("NODE"),
            default: Some(s("18"))
        }]
    );
    assert_eq!(df.stages.len(), 2);
    let st = &df.stages[0];
    assert_eq!(st.index, 0);
    assert_eq!(st.name.as_deref(), Some("builder"));
    assert_eq!(st.base, "node:${NODE}");
    assert_eq!(st.platform.as_deref(), Some("$BUILDPLATFORM"));
    assert_eq!(st.line, 3);
    assert_eq!(
        st.from_text,
        "FROM --platform=$BUILDPLATFORM node:${NODE} AS Builder"
    );
    let texts: Vec<&str> = st.instructions.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "WORKDIR /app",
            "COPY package*.json ./",
            "RUN apt-get update &&     apt-get install -y curl",
            "RUN npm install",
        ]
    );
    assert_eq!(
        (st.instructions[2].line, st.instructions[2].end_line),
        (6, 7)
    );
    assert_eq!(df.stages[1].name, None);
    assert_eq!(df.stage_index("BUILDER"), Some(0));
    assert_eq!(df.stage_index("1"), Some(1));
    assert_eq!(df.stage_index("2"), None);
    assert_eq!(df.stage_index("nope"), None);
    // Warnings: stage name casing.
    assert!(warnings(src)
        .iter()
        .any(|w| w.1 == "StageNameCasing" && w.2 == "Stage name 'Builder' should be lowercase"));
    // Mixed keyword casing (run vs majority upper-case).
    assert!(warnings(src)
        .iter()
        .any(|w| w.1 == "ConsistentInstructionCasing"
            && w.2 == "Command 'run' should match the case of the command majority (uppercase)"));
}

#[test]
fn instruction_kinds() {
    // The labs frontend: COPY --parents / --exclude exist there only.
    let src = r#"# syntax=docker/dockerfile:1-labs
FROM alpine:3.19
RUN --mount=type=cache,target=/root/.cache,id=pip,sharing=locked --network=none pip install x
RUN ["echo", "hi"]
CMD ["node", "server.js"]
CMD echo hi
CMD
ENTRYPOINT []
LABEL a=b "c d"="e f" version=$V
LABEL legacy value with spaces
EXPOSE 8080 53/udp 80
ENV A=1 B="two words"
ENV PATH /usr/local/bin:$PATH
ADD --chown=1000:1000 --chmod=755 --link --checksum=sha256:abc https://x/y.tgz /opt/
COPY --from=build --chown=app --parents --exclude=*.md --exclude=tmp a b /dst/
VOLUME ["/data", "/logs"]
VOLUME /a /b
USER app:app
WORKDIR /srv
ARG X Y=1 Z="q r"
STOPSIGNAL SIGTERM
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=1m --start-interval=500ms --retries=3 CMD curl -f http://localhost/ || exit 1
HEALTHCHECK CMD ["true"]
HEALTHCHECK NONE
MAINTAINER someone
ONBUILD RUN echo triggered
"#;
    let k = kinds(src);
    assert_eq!(
        k[0],
        Instruction::Run {
            cmd: ShellOrExec::Shell(s("pip install x")),
            mounts: vec![RunMount {
                kind: s("cache"),
                target: Some(s("/root/.cache")),
                id: Some(s("pip")),
                source: None,
                from: None,
                options: vec![(s("sharing"), s("locked"))],
            }],
            network: Some(s("none")),
            heredocs: vec![],
        }
    );
    assert_eq!(
        k[1],
        Instruction::Run {
            cmd: ShellOrExec::Exec(vec![s("echo"), s("hi")]),
            mounts: vec![],
            network: None,
            heredocs: vec![]
        }
    );
    assert_eq!(
        k[2],
        Instruction::Cmd(ShellOrExec::Exec(vec![s("node"), s("server.js")]))
    );
    assert_eq!(k[3], Instruction::Cmd(ShellOrExec::Shell(s("echo hi"))));
    assert_eq!(k[4], Instruction::Cmd(ShellOrExec::Shell(s(""))));
    assert_eq!(k[5], Instruction::Entrypoint(ShellOrExec::Exec(vec![])));
    assert_eq!(
        k[6],
        Instruction::Label(vec![
            (s("a"), s("b")),
            (s("\"c d\""), s("\"e f\"")),
            (s("version"), s("$V"))
        ])
    );
    assert_eq!(
        k[7],
        Instruction::Label(vec![(s("legacy"), s("value with spaces"))])
    );
    assert_eq!(
        k[8],
        Instruction::Expose(vec![s("53/udp"), s("80"), s("8080")])
    );
    assert_eq!(
        k[9],
        Instruction::Env(vec![(s("A"), s("1")), (s("B"), s("\"two words\""))])
    );
    assert_eq!(
        k[10],
        Instruction::Env(vec![(s("PATH"), s("/usr/local/bin:$PATH"))])
    );
    assert_eq!(
        k[11],
        Instruction::Add {
            srcs: vec![s("https://x/y.tgz")],
            dest: s("/opt/"),
            chown: Some(s("1000:1000")),
            chmod: Some(s("755")),
            link: true,
            checksum: Some(s("sha256:abc")),
            heredocs: vec![],
        }
    );
    assert_eq!(
        k[12],
        Instruction::Copy {
            srcs: vec![s("a"), s("b")],
            dest: s("/dst/"),
            from: Some(s("build")),
            chown: Some(s("app")),
            chmod: None,
            link: false,
            parents: true,
            excludes: vec![s("*.md"), s("tmp")],
            heredocs: vec![],
        }
    );
    assert_eq!(k[13], Instruction::Volume(vec![s("/data"), s("/logs")]));
    assert_eq!(k[14], Instruction::Volume(vec![s("/a"), s("/b")]));
    assert_eq!(k[15], Instruction::User(s("app:app")));
    assert_eq!(k[16], Instruction::Workdir(s("/srv")));
    assert_eq!(
        k[17],
        Instruction::Arg(vec![
            ArgDecl {
                name: s("X"),
                default: None
            },
            ArgDecl {
                name: s("Y"),
                default: Some(s("1"))
            },
            ArgDecl {
                name: s("Z"),
                default: Some(s("\"q r\""))
            },
        ])
    );
    assert_eq!(k[18], Instruction::Stopsignal(s("SIGTERM")));
    assert_eq!(
        k[19],
        Instruction::Shell(vec![s("/bin/bash"), s("-o"), s("pipefail"), s("-c")])
    );
    assert_eq!(
        k[20],
        Instruction::Healthcheck(Some(Healthcheck {
            test: vec![s("CMD-SHELL"), s("curl -f http://localhost/ || exit 1")],
            interval: Some(30_000_000_000),
            timeout: Some(3_000_000_000),
            start_period: Some(60_000_000_000),
            start_interval: Some(500_000_000),
            retries: Some(3),
        }))
    );
    assert_eq!(
        k[21],
        Instruction::Healthcheck(Some(Healthcheck {
            test: vec![s("CMD"), s("true")],
            interval: None,
            timeout: None,
            start_period: None,
            start_interval: None,
            retries: None,
        }))
    );
    assert_eq!(k[22], Instruction::Healthcheck(None));
    assert_eq!(k[23], Instruction::Maintainer(s("someone")));
    match &k[24] {
        Instruction::Onbuild(inner) => {
            assert_eq!(inner.text, "RUN echo triggered");
            assert_eq!(
                inner.kind,
                Instruction::Run {
                    cmd: ShellOrExec::Shell(s("echo triggered")),
                    mounts: vec![],
                    network: None,
                    heredocs: vec![]
                }
            );
        }
        other => panic!("{other:?}"),
    }
    let df = parse(src);
    let onb = df.stages[0].instructions.last().unwrap();
    assert_eq!(onb.text, "ONBUILD RUN echo triggered");
    assert_eq!(
        onb.onbuild_expression().as_deref(),
        Some("RUN echo triggered")
    );
}

#[test]
fn heredoc_instructions() {
    let src = "FROM alpine\nRUN <<EOF\napt-get update\napt-get install -y vim\nEOF\nCOPY <<-\"CONF\" /etc/app.conf\n\tkey=$value\n\tCONF\nRUN <<EOF python3\nprint(1)\nEOF\n";
    let df = parse(src);
    assert!(!df.has_errors(), "{:?}", df.diagnostics);
    let ins = &df.stages[0].instructions;
    assert_eq!(ins[0].text, "RUN <<EOF (apt-get update...)");
    assert_eq!((ins[0].line, ins[0].end_line), (2, 5));
    match &ins[0].kind {
        Instruction::Run { cmd, heredocs, .. } => {
            assert_eq!(cmd, &ShellOrExec::Shell(s("<<EOF")));
            assert_eq!(
                heredocs[0].content,
                "apt-get update\napt-get install -y vim\n"
            );
        }
        k => panic!("{k:?}"),
    }
    match &ins[1].kind {
        Instruction::Copy {
            srcs,
            dest,
            heredocs,
            ..
        } => {
            assert!(srcs.is_empty());
            assert_eq!(dest, "/etc/app.conf");
            assert_eq!(heredocs.len(), 1);
            assert_eq!(heredocs[0].name, "CONF");
            assert!(!heredocs[0].expand);
            assert!(heredocs[0].chomp);
            assert_eq!(heredocs[0].content, "\tkey=$value\n");
            assert_eq!(heredocs[0].data(), "key=$value\n");
        }
        k => panic!("{k:?}"),
    }
    assert_eq!(ins[2].text, "RUN <<EOF python3");
    assert_eq!(ins[2].line, 9);
}

#[test]
fn progress_names() {
    let df = parse("FROM a\nENV X=1\nrun echo \"$X\" $UNSET\nCOPY \"a b\" $X /d\n");
    let env = |k: &str| (k == "X").then(|| s("1"));
    let ins = &df.stages[0].instructions;
    assert_eq!(ins[1].progress_name(&env, '\\'), "RUN echo \"1\" $UNSET");
    assert_eq!(ins[2].progress_name(&env, '\\'), "COPY a b 1 /d");
}

#[test]
fn buildkit_error_messages() {
    assert_eq!(first_error(""), "the Dockerfile cannot be empty");
    assert_eq!(
        first_error("# just a comment\n\n"),
        "file with no instructions"
    );
    assert_eq!(
        first_error("FROM alpine\nRUNN echo hi\n"),
        "dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)"
    );
    assert_eq!(
        first_error("FROM alpine\nrunn echo hi\n"),
        "dockerfile parse error on line 2: unknown instruction: runn (did you mean run?)"
    );
    assert_eq!(
        first_error("FROM alpine\nCOPPY a b\n"),
        "dockerfile parse error on line 2: unknown instruction: COPPY (did you mean COPY?)"
    );
    assert_eq!(
        first_error("FROM alpine\n\n\nBADCMD\n"),
        "dockerfile parse error on line 4: unknown instruction: BADCMD"
    );
    assert_eq!(
        first_error("FROM a b\n"),
        "dockerfile parse error on line 1: FROM requires either one or three arguments"
    );
    assert_eq!(
        first_error("FROM\n"),
        "dockerfile parse error on line 1: FROM requires either one or three arguments"
    );
    assert_eq!(
        first_error("FROM a AS 1x\n"),
        "dockerfile parse error on line 1: invalid name for build stage: \"1x\", name can't start with a number or contain symbols"
    );
    assert_eq!(
        first_error("FROM busybox\n\nENV PATH\n"),
        "ENV must have two arguments"
    );
    assert_eq!(
        first_error("FROM busybox\nCMD [ \"echo\", [ \"nested json\" ] ]\n"),
        "when using JSON array syntax, arrays must be comprised of strings only"
    );
    assert_eq!(
        first_error("FROM a\nCOPY --bogus=1 a b\n"),
        "dockerfile parse error on line 2: unknown flag: --bogus"
    );
    assert_eq!(
        first_error("FROM a\nCOPY --foo=1 a b\n"),
        "dockerfile parse error on line 2: unknown flag: --foo (did you mean from?)"
    );
    assert_eq!(
        first_error("FROM a\nCOPY --chwon=1 a b\n"),
        "dockerfile parse error on line 2: unknown flag: --chwon (did you mean chown?)"
    );
    assert_eq!(
        first_error("FROM a\nCOPY --from a b\n"),
        "dockerfile parse error on line 2: missing a value on flag: --from"
    );
    assert_eq!(
        first_error("FROM a\nCOPY --link=maybe a b\n"),
        "dockerfile parse error on line 2: expecting boolean value for flag --link, not: maybe"
    );
    assert_eq!(
        first_error("FROM a\nCOPY --from=x --from=y a b\n"),
        "dockerfile parse error on line 2: duplicate flag specified: --from"
    );
    assert_eq!(
        first_error("FROM a\nCOPY onlyone\n"),
        "dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined"
    );
    assert_eq!(
        first_error("FROM a\nCOPY a <<EOF\nx\nEOF\n"),
        "dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination"
    );
    assert_eq!(
        first_error("RUN echo hi\nFROM a\n"),
        "no build stage in current context"
    );
    assert_eq!(
        first_error("ARG A=1\n"),
        "dockerfile contains no stages to build"
    );
    assert_eq!(
        first_error("FROM a\nUSER\n"),
        "dockerfile parse error on line 2: USER requires exactly one argument"
    );
    assert_eq!(
        first_error("FROM a\nEXPOSE\n"),
        "dockerfile parse error on line 2: EXPOSE requires at least one argument"
    );
    assert_eq!(
        first_error("FROM a\nENV =x\n"),
        "dockerfile parse error on line 2: ENV names can not be blank"
    );
    assert_eq!(
        first_error("FROM a\nARG =x\n"),
        "dockerfile parse error on line 2: ARG names can not be blank"
    );
    assert_eq!(
        first_error("FROM a\nSHELL /bin/sh -c\n"),
        "dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form"
    );
    assert_eq!(
        first_error("FROM a\nVOLUME [\"\"]\n"),
        "dockerfile parse error on line 2: VOLUME specified can not be an empty string"
    );
    assert_eq!(
        first_error("FROM a\nONBUILD ONBUILD RUN x\n"),
        "dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
    );
    assert_eq!(
        first_error("FROM a\nONBUILD FROM x\n"),
        "dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger"
    );
    assert_eq!(
        first_error("FROM a\nHEALTHCHECK CMD\n"),
        "dockerfile parse error on line 2: Missing command after HEALTHCHECK CMD"
    );
    assert_eq!(
        first_error("FROM a\nHEALTHCHECK NONE x\n"),
        "dockerfile parse error on line 2: HEALTHCHECK NONE takes no arguments"
    );
    assert_eq!(
        first_error("FROM a\nHEALTHCHECK CONNECT TCP 7000\n"),
        "dockerfile parse error on line 2: Unknown type \"CONNECT\" in HEALTHCHECK (try CMD)"
    );
    assert_eq!(
        first_error("FROM a\nHEALTHCHECK --interval=1us CMD x\n"),
        "dockerfile parse error on line 2: Interval \"interval\" cannot be less than 1ms"
    );
    assert_eq!(
        first_error("FROM a\nHEALTHCHECK --timeout=3 CMD x\n"),
        "dockerfile parse error on line 2: time: missing unit in duration \"3\""
    );
    assert_eq!(
        first_error("FROM a\nHEALTHCHECK --retries=-1 CMD x\n"),
        "dockerfile parse error on line 2: --retries cannot be negative (-1)"
    );
    assert_eq!(
        first_error("FROM a\nRUN --network=bridge x\n"),
        "dockerfile parse error on line 2: invalid network mode \"bridge\""
    );
    assert_eq!(
        first_error("FROM a\nRUN --mount=type=bind,from=$X,target=/x x\n"),
        "dockerfile parse error on line 2: 'from' doesn't support variable expansion, define alias stage instead"
    );
    assert_eq!(
        first_error("FROM a\nRUN --mount=type=cach,target=/x x\n"),
        "unsupported mount type \"cach\" (did you mean cache?)"
    );
    assert_eq!(
        first_error("FROM a\nRUN --mount=type=secret x\n"),
        "invalid secret mount. one of source, target required"
    );
    assert_eq!(
        first_error("FROM a\nRUN --mount=type=bind,bogus=1 x\n"),
        "unexpected key 'bogus' in 'bogus=1'"
    );
    assert_eq!(
        first_error("FROM a\nRUN --mount=type=bind,foo=1 x\n"),
        "unexpected key 'foo' in 'foo=1' (did you mean from?)"
    );
    assert_eq!(
        first_error("FROM a\nCOPY --from=$STAGE /a /b\n"),
        "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround"
    );
    assert_eq!(
        first_error("FROM a\nRUN <<EOF\necho\n"),
        "unterminated heredoc"
    );
    assert_eq!(
        first_error("# escape=x\nFROM a\n"),
        "invalid escape token 'x' does not match ` or \\"
    );
    let long = "a".repeat(70_000);
    assert_eq!(
        first_error(&format!("FROM a\nLABEL x={long}\n")),
        "dockerfile line greater than max allowed size of 65535"
    );
}

#[test]
fn error_order_and_locations() {
    // A parser (phase 1) error on a later line wins over an instruction
    // error on an earlier line, as in BuildKit.
    let df = parse("FROM a\nRUNN x\nENV PATH\n");
    let e: Vec<(usize, String)> = df.errors().map(|d| (d.line, d.message.clone())).collect();
    assert_eq!(
        e,
        vec![
            (3, s("ENV must have two arguments")),
            (2, s("dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)")),
        ]
    );
    assert!(df.diagnostics.iter().all(|d| d.line >= 1 && d.column >= 1));
    // Parsing continues after errors.
    assert_eq!(df.stages.len(), 1);
}

#[test]
fn buildkit_warnings() {
    let w = warnings("FROM alpine as base\nMAINTAINER me\n");
    assert!(w.contains(&(
        1,
        "FromAsCasing",
        s("'as' and 'FROM' keywords' casing do not match")
    )));
    assert!(w.contains(&(
        2,
        "MaintainerDeprecated",
        s("Maintainer instruction is deprecated in favor of using label")
    )));

    let w = warnings("FROM a\nRUN a \\\n\n  b\n");
    assert!(w.contains(&(4, "NoEmptyContinuation", s("Empty continuation line"))));

    let w = warnings("FROM a AS x\nFROM b AS x\nFROM c AS scratch\n");
    assert!(w.contains(&(
        2,
        "DuplicateStageName",
        s("Duplicate stage name \"x\", stage names should be unique")
    )));
    assert!(w.contains(&(
        3,
        "ReservedStageName",
        s("Stage name should not use the same name as reserved stage \"scratch\"")
    )));

    let w = warnings("FROM a\nCMD echo 1\nCMD [\"b\"]\nENTRYPOINT x\n");
    assert!(w.contains(&(2, "JSONArgsRecommended", s("JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"))));
    assert!(w.contains(&(4, "JSONArgsRecommended", s("JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals"))));
    assert!(w.contains(&(
        2,
        "MultipleInstructionsDisallowed",
        s("Multiple CMD instructions should not be used in the same stage because only the last one will be used")
    )));
    assert!(!warnings("FROM a\nSHELL [\"bash\",\"-c\"]\nCMD echo\n")
        .iter()
        .any(|w| w.1 == "JSONArgsRecommended"));

    let w = warnings("FROM a\nWORKDIR app\nWORKDIR more\n");
    assert_eq!(
        w.iter()
            .filter(|w| w.1 == "WorkdirRelativePath")
            .collect::<Vec<_>>(),
        vec![&(
            2,
            "WorkdirRelativePath",
            s("Relative workdir \"app\" can have unexpected results if the base image changes")
        )]
    );

    let w = warnings("FROM a\nENV AWS_SECRET_ACCESS_KEY x\nARG API_TOKEN\n");
    assert!(w.contains(&(
        2,
        "LegacyKeyValueFormat",
        s("\"ENV key=value\" should be used instead of legacy \"ENV key value\" format")
    )));
    assert!(w.contains(&(
        2,
        "SecretsUsedInArgOrEnv",
        s("Do not use ARG or ENV instructions for sensitive data (ENV \"AWS_SECRET_ACCESS_KEY\")")
    )));
    assert!(w.contains(&(
        3,
        "SecretsUsedInArgOrEnv",
        s("Do not use ARG or ENV instructions for sensitive data (ARG \"API_TOKEN\")")
    )));

    let w = warnings("FROM a\nlabel k v\n");
    assert!(w.contains(&(
        2,
        "LegacyKeyValueFormat",
        s("\"label key=value\" should be used instead of legacy \"label key value\" format")
    )));

    // Sorted by line.
    let all = warnings("FROM a\nWORKDIR x\nMAINTAINER m\nCMD y\nFROM b as c\n");
    assert!(all.windows(2).all(|p| p[0].0 <= p[1].0));
}

#[test]
fn check_directive() {
    let src =
        "# check=skip=JSONArgsRecommended,MaintainerDeprecated\nFROM a\nMAINTAINER me\nCMD echo\n";
    assert!(warnings(src).is_empty(), "{:?}", warnings(src));
    assert!(warnings("# check=skip=all\nFROM a\nCMD echo\n").is_empty());
    assert_eq!(
        first_error("# check=error=true\nFROM a\nMAINTAINER me\nCMD echo\n"),
        "lint violation found for rules: JSONArgsRecommended, MaintainerDeprecated"
    );
    assert_eq!(
        first_error("# check=nope\nFROM a\n"),
        "failed to parse check options: invalid check option \"nope\""
    );
}

#[test]
fn escape_directive_changes_continuation() {
    let df = parse("# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ `\n    && echo ok\n");
    assert_eq!(df.escape, '`');
    assert_eq!(
        df.stages[0].instructions[0].text,
        "RUN dir C:\\     && echo ok"
    );
}

#[test]
fn bom_and_crlf() {
    let df = parse("\u{feff}FROM a\r\nRUN echo hi \\\r\n  there\r\n");
    assert!(!df.has_errors());
    assert_eq!(df.stages[0].instructions[0].text, "RUN echo hi   there");
}

#[test]
fn deterministic() {
    let src = "FROM a AS b\nRUNN x\nCOPY --chwon=1 a b\nFROM c as d\nCMD e\n";
    assert_eq!(parse(src), parse(src));
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(s("FROM alpine AS b\n")),
            Just(s("RUN echo $A ${B:-c} \"q\" 'r' \\\n")),
            Just(s("RUN <<EOF\n")),
            Just(s("EOF\n")),
            Just(s("COPY <<-A <<B /x\n")),
            Just(s("CMD [\"a\", [1]]\n")),
            Just(s("ENV a b\n")),
            Just(s("# escape=`\n")),
            Just(s("ONBUILD ")),
            Just(s("HEALTHCHECK --interval=1s CMD x\n")),
            Just(s("RUN --mount=type=secret,id=x,required cat\n")),
            Just(s("\\\n")),
            Just(s("`\n")),
            Just(s("\n\n")),
            Just(s("ARG X=1\n")),
            "[ -~\t\n\\\\`$\"'{}\\[\\]<>#=:,]{0,40}",
            any::<String>(),
        ]
    }

    fn check(src: &str) {
        let df = parse(src);
        for d in &df.diagnostics {
            assert!(d.line >= 1 && d.column >= 1);
        }
        let _ = crate::lint::lint(
            &df,
            &crate::lint::LintContext {
                context_files: vec![s("node_modules/x")],
                has_dockerignore: false,
            },
        );
        for st in &df.stages {
            for i in &st.instructions {
                let _ = i.progress_name(&|_| None, df.escape);
                let _ = i.onbuild_expression();
            }
        }
        let _ = df.stage_index(src.get(..3).unwrap_or(""));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_on_fragments(parts in proptest::collection::vec(fragment(), 0..40)) {
            check(&parts.concat());
        }

        #[test]
        fn never_panics_on_binary(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            check(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn expansion_never_panics(word in "[ -~]{0,60}") {
            let env = |k: &str| (k.len() & 1 == 0).then(|| k.repeat(2));
            let _ = crate::expand::expand_word(&word, &env, '\\');
            let _ = crate::expand::expand_words(&word, &env, '`');
        }
    }

    #[test]
    fn huge_and_deep_inputs() {
        let long_line = format!("FROM a\nRUN {}\n", "x".repeat(100 * 1024));
        check(&long_line);
        let long_ok = format!("FROM a\nRUN {}\n", "y ".repeat(30_000));
        check(&long_ok);
        check(&format!(
            "FROM a\nCMD {}{}\n",
            "[".repeat(20_000),
            "]".repeat(20_000)
        ));
        check(&format!(
            "FROM a\nCMD [{}\"x\"{}]\n",
            "[".repeat(9_000),
            "]".repeat(9_000)
        ));
        check(&format!(
            "FROM a\nRUN echo {}x{}\n",
            "${A:-".repeat(10_000),
            "}".repeat(10_000)
        ));
        check(&format!("FROM a\nRUN <<{}\n", "${A:-".repeat(10_000)));
        check(&format!("FROM a\n{}RUN x\n", "ONBUILD ".repeat(8_000)));
        check(&format!("FROM a\nRUN x {}\n", "\\\n".repeat(50_000)));
        check(&format!("FROM a\nENV {}\n", "\"".repeat(60_000)));
        check(&"\n".repeat(200_000));
        check(&format!("FROM a\nRUN {}\n", "<<A ".repeat(10_000)));
        check(&format!("FROM a\nRUN --mount={}\n", "\"".repeat(5_000)));
    }
}

#[test]
fn undefined_arg_in_from() {
    assert_eq!(
        warnings("ARG TAG=latest\nFROM alpine:${TAGG:-latest}\nFROM --platform=$BUILDPLATFORM alpine:$TAG\n"),
        vec![(2, "UndefinedArgInFrom", "FROM argument 'TAGG' is not declared (did you mean TAG?)".to_string())]
    );
    assert_eq!(
        warnings("FROM alpine:$VERSION_X\n"),
        vec![(1, "UndefinedArgInFrom", "FROM argument 'VERSION_X' is not declared".to_string())]
    );
    assert!(warnings("# check=skip=UndefinedArgInFrom\nFROM alpine:$V\n").is_empty());
    assert!(parse("# check=skip=UndefinedVar\nFROM alpine\n").check_skipped("UndefinedVar"));
}

#[test]
fn builtin_frontend_has_no_labs_copy_flags() {
    let df = parse("FROM alpine\nCOPY --parents a /b/\n");
    assert_eq!(df.diagnostics.first().map(|d| d.message.as_str()), Some("dockerfile parse error on line 2: unknown flag: --parents"));
    let df = parse("FROM alpine\nADD --exclude=*.md a /b/\n");
    assert_eq!(df.diagnostics.first().map(|d| d.message.as_str()), Some("dockerfile parse error on line 2: unknown flag: --exclude"));
    assert!(!parse("# syntax=docker/dockerfile:1-labs\nFROM alpine\nCOPY --parents --exclude=x a /b/\n").has_errors());
}

#[test]
fn from_platform_checks() {
    let w = warnings("FROM --platform=linux/amd64 alpine AS base\nFROM --platform=linux/amd64 alpine AS build-amd64\nFROM --platform=$TARGETPLATFORM alpine AS c\nFROM --platform=$BUILDPLATFORM alpine AS d\n");
    let codes: Vec<(usize, &str)> = w.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(codes, vec![(1, "FromPlatformFlagConstDisallowed"), (3, "RedundantTargetPlatform")]);
    assert_eq!(w[0].2, "FROM --platform flag should not use constant value \"linux/amd64\"");
    assert_eq!(w[1].2, "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior");
}
