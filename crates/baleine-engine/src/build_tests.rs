//! Tests of `docker build` in the engine.

use super::*;

fn world() -> World {
    World::new(7, 1_764_057_600)
}

fn write(w: &mut World, path: &str, text: &str) {
    let host = w.host_tree;
    w.forest.get_mut(host).unwrap().write_text(path, text).unwrap();
}

fn req(dir: &str, tags: &[&str]) -> BuildRequest {
    BuildRequest { context_dir: dir.into(), tags: tags.iter().map(|t| t.to_string()).collect(), network: "default".into(), ..Default::default() }
}

const NODE_DF: &str = "FROM node:18-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD [\"node\", \"server.js\"]\n";

fn node_app(w: &mut World) {
    write(w, "/p/node/package.json", "{\"name\": \"nodeapp\", \"version\": \"1.0.0\", \"dependencies\": {\"express\": \"^4.18.2\"}}\n");
    write(w, "/p/node/server.js", "console.log(\"v1\");\n");
    write(w, "/p/node/Dockerfile", NODE_DF);
}

fn steps(out: &BuildOutput) -> Vec<(String, bool, String)> {
    out.explain.iter().filter(|e| !e.name.contains("FROM ")).map(|e| (e.name.clone(), e.cached, e.reason.clone())).collect()
}

#[test]
fn node_app_cache_follows_copy_order() {
    let mut w = world();
    node_app(&mut w);
    let first = w.build(&req("/p/node", &["nodeapp"]));
    assert!(first.failure.is_none(), "{:?}", first.failure);
    let names: Vec<String> = steps(&first).into_iter().map(|s| s.0).collect();
    assert_eq!(names, vec!["[2/5] WORKDIR /app", "[3/5] COPY package*.json ./", "[4/5] RUN npm install", "[5/5] COPY . ."]);
    assert!(steps(&first).iter().all(|s| !s.1 && s.2 == "no previous build of this step"));
    let id1 = first.image_id.clone().unwrap();

    // Unchanged: everything cached, same image.
    let again = w.build(&req("/p/node", &["nodeapp"]));
    assert!(steps(&again).iter().all(|s| s.1));
    assert_eq!(again.image_id.as_deref(), Some(id1.as_str()));

    // Changing server.js re-runs only COPY . .
    write(&mut w, "/p/node/server.js", "console.log(\"v2\");\n");
    let third = w.build(&req("/p/node", &["nodeapp"]));
    let s = steps(&third);
    assert!(s[0].1 && s[1].1 && s[2].1, "{s:?}");
    assert!(!s[3].1);
    assert_eq!(s[3].2, "file changed: server.js");
    let img = w.image("nodeapp").unwrap();
    assert!(img.rootfs.exists("/app/node_modules/express/index.js"));
    assert_eq!(img.config.cmd, Some(vec!["node".to_string(), "server.js".to_string()]));
    assert_eq!(img.config.workdir, "/app");

    // --no-cache rebuilds everything, with that reason.
    let mut r = req("/p/node", &["nodeapp"]);
    r.no_cache = true;
    let nc = w.build(&r);
    assert!(steps(&nc).iter().all(|s| !s.1 && s.2 == "--no-cache"));

    // Changing the instruction is explained.
    write(&mut w, "/p/node/Dockerfile", &NODE_DF.replace("npm install", "npm install --omit=dev"));
    let changed = w.build(&req("/p/node", &["nodeapp"]));
    let s = steps(&changed);
    assert!(s[2].2.starts_with("instruction changed: was `RUN npm install`, now `RUN npm install --omit=dev`"), "{s:?}");
    assert_eq!(s[3].2, "parent step was rebuilt");

    // History as BuildKit writes it.
    let img = w.image("nodeapp").unwrap();
    let created: Vec<&str> = img.history.iter().map(|h| h.created_by.as_str()).collect();
    assert!(created.contains(&"RUN /bin/sh -c npm install --omit=dev # buildkit"));
    assert!(created.contains(&"COPY package*.json ./ # buildkit"));
    assert!(created.contains(&"WORKDIR /app"));
    assert!(created.contains(&"CMD [\"node\" \"server.js\"]"));
    // The web panel's record.
    let rec = w.build.view().unwrap();
    assert!(rec.ok);
    assert_eq!(rec.tags, vec!["nodeapp:latest"]);
    assert!(rec.steps.iter().any(|s| s.name == "[4/5] RUN npm install --omit=dev" && !s.cached));
}

#[test]
fn build_args_and_reasons() {
    let mut w = world();
    write(&mut w, "/p/a/Dockerfile", "ARG BASE_TAG=latest\nFROM alpine:${BASE_TAG}\nARG VERSION=1.0\nENV APP_VERSION=$VERSION\nRUN echo \"build-version=$VERSION\" > /build.txt\nCMD [\"sh\"]\n");
    let mut r = req("/p/a", &["argenv"]);
    r.build_args = vec![("VERSION".into(), "2.0".into())];
    let out = w.build(&r);
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let img = w.image("argenv").unwrap();
    assert!(img.config.env.contains(&"APP_VERSION=2.0".to_string()));
    assert!(!img.config.env.iter().any(|e| e.starts_with("VERSION=")));
    assert!(img.history.iter().any(|h| h.created_by == "RUN |1 VERSION=2.0 /bin/sh -c echo \"build-version=$VERSION\" > /build.txt # buildkit"));
    match img.rootfs.get("/build.txt") {
        Some(baleine_vfs::Node::File(f)) => assert_eq!(f.content, Content::text("build-version=2.0\n")),
        other => panic!("{other:?}"),
    }
    r.build_args = vec![("VERSION".into(), "3.0".into())];
    let out = w.build(&r);
    let s = steps(&out);
    assert_eq!(s[0].2, "build-arg VERSION changed: 2.0 → 3.0");
}

#[test]
fn multi_stage_sizes_and_skipped_stages() {
    let mut w = world();
    write(&mut w, "/p/site/Dockerfile", "FROM node:18-alpine AS builder\nWORKDIR /build\nRUN mkdir -p dist && echo \"built by the builder stage\" > dist/index.html\n\nFROM alpine AS unused\nRUN echo never\n\nFROM nginx:alpine\nCOPY --from=builder /build/dist/index.html /usr/share/nginx/html/index.html\n");
    let out = w.build(&req("/p/site", &["site"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let names: Vec<&str> = out.vertices.iter().map(|v| v.name.as_str()).collect();
    assert!(names.contains(&"[builder 3/3] RUN mkdir -p dist && echo \"built by the builder stage\" > dist/index.html"), "{names:?}");
    assert!(names.contains(&"[stage-2 2/2] COPY --from=builder /build/dist/index.html /usr/share/nginx/html/index.html"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("unused")));
    let rec = w.build.view().unwrap();
    assert!(rec.stages.iter().any(|s| s.name == "unused" && s.skipped));
    assert!(rec.stages.iter().any(|s| s.name == "stage-2" && s.from_stages == vec!["builder".to_string()]));
    let site = w.image("site").unwrap().clone();
    let site_size = w.image_size(&site);
    let mut r = req("/p/site", &["site-builder"]);
    r.target = Some("builder".into());
    let out = w.build(&r);
    assert!(out.vertices.iter().all(|v| !v.name.contains("stage-2")));
    let b = w.image("site-builder").unwrap().clone();
    let builder_size = w.image_size(&b);
    assert!(site_size < 100_000_000, "{site_size}");
    assert!(builder_size > 100_000_000, "{builder_size}");
    assert!(site.rootfs.exists("/usr/share/nginx/html/index.html"));
}

#[test]
fn go_multi_stage_is_small() {
    let mut w = world();
    write(&mut w, "/p/go/go.mod", "module example.com/app\n\ngo 1.21\n");
    write(&mut w, "/p/go/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n");
    write(&mut w, "/p/go/Dockerfile", "FROM golang:1.21 AS builder\nWORKDIR /app\nCOPY go.* ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 GOOS=linux go build -o main .\n\nFROM alpine:3.19\nRUN apk --no-cache add ca-certificates\nWORKDIR /root/\nCOPY --from=builder /app/main .\nCMD [\"./main\"]\n");
    let out = w.build(&req("/p/go", &["goapp"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let img = w.image("goapp").unwrap().clone();
    let size = w.image_size(&img);
    assert!((12_000_000..25_000_000).contains(&size), "{size}");
    assert!(img.rootfs.exists("/root/main"));
}

#[test]
fn failing_run_fails_the_build_and_keeps_the_cache() {
    let mut w = world();
    node_app(&mut w);
    write(&mut w, "/p/node/Dockerfile", &NODE_DF.replace("npm install", "npm instal"));
    let out = w.build(&req("/p/node", &["broken"]));
    let f = out.failure.clone().unwrap();
    assert_eq!(f.message, "failed to solve: process \"/bin/sh -c npm instal\" did not complete successfully: exit code: 1");
    assert_eq!(f.lines, Some((4, 4)));
    assert!(w.image("broken").is_err());
    let failed = out.vertices.iter().find(|v| v.error.is_some()).unwrap();
    assert_eq!(failed.name, "[4/5] RUN npm instal");
    assert!(!failed.logs.is_empty());
    // 8 vertices ran, 1 never started.
    assert_eq!(out.vertices.iter().filter(|v| v.started).count(), 8);
    assert_eq!(out.vertices.len(), 9);
    assert!(!w.build.view().unwrap().ok);
    // The steps before it are cached now.
    let again = w.build(&req("/p/node", &["broken"]));
    let s = steps(&again);
    assert!(s[0].1 && s[1].1);
}

#[test]
fn missing_source_and_parse_errors() {
    let mut w = world();
    write(&mut w, "/p/b/Dockerfile", "FROM alpine\nWORKDIR /app\nCOPY nothere.txt .\n");
    let out = w.build(&req("/p/b", &["broken"]));
    let m = out.failure.unwrap().message;
    assert!(m.starts_with("failed to solve: failed to compute cache key: failed to calculate checksum of ref "), "{m}");
    assert!(m.ends_with(": \"/nothere.txt\": not found"), "{m}");

    write(&mut w, "/p/b/Dockerfile", "FROM alpine\nRUNN echo hi\n");
    let out = w.build(&req("/p/b", &["x"]));
    let f = out.failure.unwrap();
    assert_eq!(f.message, "failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)");
    assert_eq!(f.lines, Some((2, 2)));

    let out = w.build(&req("/p/nothing", &["x"]));
    assert_eq!(out.failure.unwrap().message, "failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory");

    write(&mut w, "/p/b/Dockerfile", "FROM nosuchimage\n");
    let out = w.build(&req("/p/b", &["x"]));
    assert_eq!(out.failure.unwrap().message, "failed to solve: nosuchimage: failed to resolve source metadata for docker.io/library/nosuchimage:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed");

    write(&mut w, "/p/b/Dockerfile", "FROM alpine AS a\nFROM a\n");
    let mut r = req("/p/b", &["x"]);
    r.target = Some("nope".into());
    assert_eq!(w.build(&r).failure.unwrap().message, "failed to solve: target stage \"nope\" could not be found");
}

#[test]
fn dockerignore_shapes_the_context() {
    let mut w = world();
    node_app(&mut w);
    write(&mut w, "/p/node/node_modules/junk/index.js", "junk");
    write(&mut w, "/p/node/.dockerignore", "node_modules\n*.md\n");
    write(&mut w, "/p/node/README.md", "doc");
    let out = w.build(&req("/p/node", &["n"]));
    assert!(out.failure.is_none());
    let img = w.image("n").unwrap();
    assert!(!img.rootfs.exists("/app/README.md"));
    assert!(!img.rootfs.exists("/app/node_modules/junk"));
    // Changing an ignored file changes nothing.
    write(&mut w, "/p/node/README.md", "doc v2");
    let again = w.build(&req("/p/node", &["n"]));
    assert!(steps(&again).iter().all(|s| s.1));
}

#[test]
fn user_must_exist_and_chown_works() {
    let mut w = world();
    write(&mut w, "/p/u/app.txt", "x");
    write(&mut w, "/p/u/Dockerfile", "FROM alpine\nRUN addgroup -S appgroup && adduser -S appuser -G appgroup\nCOPY --chown=appuser:appgroup app.txt /app/\nUSER appuser\nRUN whoami > /tmp/who\n");
    let out = w.build(&req("/p/u", &["u"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let img = w.image("u").unwrap();
    match img.rootfs.get("/app/app.txt") {
        Some(baleine_vfs::Node::File(f)) => assert_ne!(f.meta.uid, 0),
        other => panic!("{other:?}"),
    }
    write(&mut w, "/p/u/Dockerfile", "FROM alpine\nUSER ghost\nRUN echo hi\n");
    let out = w.build(&req("/p/u", &["u2"]));
    assert_eq!(out.failure.unwrap().message, "failed to solve: process \"/bin/sh -c echo hi\" did not complete successfully: unable to find user ghost: no matching entries in passwd file");
}

#[test]
fn cache_mounts_stay_out_of_the_layer() {
    let mut w = world();
    node_app(&mut w);
    write(&mut w, "/p/node/Dockerfile", "FROM node:18-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN --mount=type=cache,target=/root/.npm npm install\n");
    let out = w.build(&req("/p/node", &["m"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let img = w.image("m").unwrap();
    assert!(!img.rootfs.exists("/root/.npm/_cacache"));
    assert!(img.rootfs.exists("/app/node_modules"));
    assert!(w.build.cache_mounts.get("/root/.npm").is_some_and(|t| t.exists("/_cacache")));
    let (ids, bytes) = w.build.prune(true);
    assert!(!ids.is_empty() && bytes > 0);
    assert_eq!(w.build.cache_entries(), 0);
}

#[test]
fn check_only_lints() {
    let mut w = world();
    write(&mut w, "/p/c/Dockerfile", "FROM alpine\nCMD echo hi\n");
    let mut r = req("/p/c", &[]);
    r.check_only = true;
    let out = w.build(&r);
    assert!(out.failure.is_none());
    assert_eq!(out.warnings.len(), 1);
    assert_eq!(out.warnings[0].short(), "JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)");
    assert_eq!(out.warnings[0].url, "https://docs.docker.com/go/dockerfile/rule/json-args-recommended/");
    assert!(out.image_id.is_none());
}

#[test]
fn big_dockerfile_over_big_context() {
    let mut w = world();
    for i in 0..1000 {
        write(&mut w, &format!("/p/big/src/d{}/f{i}.txt", i % 37), &format!("file {i}\n"));
    }
    let mut df = String::from("FROM alpine\nWORKDIR /app\n");
    for i in 0..198 {
        match i % 4 {
            0 => df.push_str(&format!("RUN echo {i} > /app/r{i}\n")),
            1 => df.push_str(&format!("ENV V{i}={i}\n")),
            2 => df.push_str("COPY src/ /app/src/\n"),
            _ => df.push_str(&format!("LABEL l{i}=x\n")),
        }
    }
    write(&mut w, "/p/big/Dockerfile", &df);
    let t = std::time::Instant::now();
    let out = w.build(&req("/p/big", &["big"]));
    let first = t.elapsed();
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let t = std::time::Instant::now();
    let again = w.build(&req("/p/big", &["big"]));
    let second = t.elapsed();
    assert!(steps(&again).iter().all(|s| s.1));
    eprintln!("200 instructions x 1000 files: first build {first:?}, cached rebuild {second:?}");
    let img = w.image("big").unwrap();
    assert!(img.rootfs.exists("/app/src/d0/f0.txt"));
}

#[test]
fn never_panics_on_odd_dockerfiles() {
    let mut w = world();
    let cases = [
        "",
        "FROM",
        "FROM scratch\nCOPY . .\nRUN echo hi\n",
        "FROM alpine\nRUN --mount=type=secret,id=x,required cat /run/secrets/x\n",
        "FROM alpine\nCOPY --from=nosuchstage /x /y\n",
        "FROM alpine\nCOPY --from=1 /x /y\nFROM alpine\n",
        "FROM alpine\nWORKDIR ${X:?missing}\n",
        "FROM alpine\nEXPOSE abc\n",
        "FROM alpine\nADD https://example.com/file.txt /tmp/\n",
        "FROM alpine\nONBUILD RUN echo hi\nFROM 0\n",
        "FROM alpine AS a\nFROM a AS b\nFROM b\nRUN ls\n",
        "FROM alpine\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo hi\n",
        "FROM alpine\nRUN <<EOF\necho one\necho two > /x\nEOF\n",
        "FROM alpine\nCOPY <<EOF /greet.txt\nhello $HOME\nEOF\n",
        "FROM gcr.io/distroless/static-debian12\nRUN echo hi\n",
        "FROM alpine\nHEALTHCHECK --interval=5s CMD wget -q -O- http://localhost/ || exit 1\nSTOPSIGNAL SIGINT\nVOLUME /data\n",
    ];
    write(&mut w, "/p/o/file.txt", "x");
    for (i, c) in cases.iter().enumerate() {
        write(&mut w, "/p/o/Dockerfile", c);
        let out = w.build(&req("/p/o", &[&format!("odd{i}")]));
        assert!(out.failure.is_some() || out.image_id.is_some(), "case {i}: {c:?}");
    }
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("FROM alpine".to_string()),
            Just("FROM scratch".to_string()),
            Just("FROM alpine AS b".to_string()),
            Just("FROM b".to_string()),
            Just("ARG V=1".to_string()),
            Just("ENV E=$V".to_string()),
            Just("WORKDIR /w/$E".to_string()),
            Just("WORKDIR rel".to_string()),
            Just("COPY . .".to_string()),
            Just("COPY *.txt /d/".to_string()),
            Just("COPY --from=b / /copy".to_string()),
            Just("COPY --from=0 /etc/os-release /x".to_string()),
            Just("COPY --chown=1:1 --chmod=600 a.txt /a".to_string()),
            Just("ADD a.txt /".to_string()),
            Just("RUN echo hi > f && ls".to_string()),
            Just("RUN exit 3".to_string()),
            Just("RUN [\"/bin/sh\", \"-c\", \"echo x\"]".to_string()),
            Just("USER nobody".to_string()),
            Just("USER 1000:1000".to_string()),
            Just("EXPOSE 80 53/udp".to_string()),
            Just("VOLUME /data".to_string()),
            Just("CMD echo hi".to_string()),
            Just("ENTRYPOINT [\"sh\"]".to_string()),
            Just("ONBUILD RUN echo on".to_string()),
            Just("SHELL [\"/bin/sh\", \"-c\"]".to_string()),
            "[ -~]{0,30}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]
        #[test]
        fn builds_never_panic(lines in proptest::collection::vec(line(), 0..12), no_cache in any::<bool>()) {
            let mut w = world();
            write(&mut w, "/p/r/a.txt", "a");
            write(&mut w, "/p/r/Dockerfile", &format!("FROM alpine AS first\n{}\n", lines.join("\n")));
            let mut r = req("/p/r", &["r"]);
            r.no_cache = no_cache;
            let out = w.build(&r);
            prop_assert!(out.failure.is_some() || out.image_id.is_some());
            let again = w.build(&r);
            prop_assert!(again.failure.is_some() == out.failure.is_some() || no_cache);
        }
    }
}

#[test]
fn env_pairs_see_the_environment_before_the_instruction() {
    let mut w = world();
    write(&mut w, "/p/e/Dockerfile", "FROM alpine\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\n");
    let out = w.build(&req("/p/e", &["envx"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let env = w.image("envx").unwrap().config.env.clone();
    assert!(env.contains(&"abc=bye".to_string()), "{env:?}");
    assert!(env.contains(&"def=hello".to_string()), "{env:?}");
    assert!(env.contains(&"ghi=bye".to_string()), "{env:?}");
}

#[test]
fn undefined_variables_are_reported_at_dispatch() {
    let mut w = world();
    write(&mut w, "/p/u/Dockerfile", "FROM alpine\nARG DECLARED\nENV A=$DECLARED B=$PATH C=/srv/$APP_NAME APP_HOME=/app\nCOPY . $APP_HOM\nRUN echo $NOT_CHECKED\n");
    let out = w.build(&req("/p/u", &["u"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let shorts: Vec<String> = out.warnings.iter().map(|w| w.short()).collect();
    assert_eq!(
        shorts,
        vec![
            "UndefinedVar: Usage of undefined variable '$APP_NAME' (line 3)".to_string(),
            "UndefinedVar: Usage of undefined variable '$APP_HOM' (did you mean $APP_HOME?) (line 4)".to_string(),
        ]
    );
    // Also on the definition vertex, and with --check.
    assert_eq!(out.vertices[0].warnings, shorts);
    let mut r = req("/p/u", &[]);
    r.check_only = true;
    let checked = w.build(&r);
    assert_eq!(checked.warnings.iter().map(|w| w.short()).collect::<Vec<_>>(), shorts);
    // `# check=skip=UndefinedVar` disables it.
    write(&mut w, "/p/u/Dockerfile", "# check=skip=UndefinedVar\nFROM alpine\nENV C=/srv/$APP_NAME\n");
    assert!(w.build(&req("/p/u", &["u"])).warnings.is_empty());
}

#[test]
fn naming_to_keeps_the_tag_as_given() {
    let mut w = world();
    write(&mut w, "/p/n/Dockerfile", "FROM alpine\n");
    let out = w.build(&req("/p/n", &["plain", "user/app:1.0"]));
    let export = out.vertices.iter().find(|v| v.name == "exporting to image").unwrap();
    let names: Vec<&str> = export.statuses.iter().filter(|s| s.id.starts_with("naming to ")).map(|s| s.id.as_str()).collect();
    assert_eq!(names, vec!["naming to docker.io/library/plain", "naming to docker.io/user/app:1.0"]);
    assert!(w.image("plain:latest").is_ok());
}

#[test]
fn onbuild_triggers_are_prefixed() {
    let mut w = world();
    write(&mut w, "/p/o/Dockerfile", "FROM alpine\nONBUILD RUN echo hi > /ob.txt\n");
    assert!(w.build(&req("/p/o", &["obase"])).failure.is_none());
    write(&mut w, "/p/o2/Dockerfile", "FROM obase\nRUN echo child\n");
    let out = w.build(&req("/p/o2", &["ochild"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let names: Vec<String> = out.vertices.iter().map(|v| v.name.clone()).filter(|n| n.starts_with('[') && !n.starts_with("[internal")).collect();
    assert!(names.iter().any(|n| n.starts_with("[1/2] FROM ")), "{names:?}");
    assert!(names.contains(&"[2/3] ONBUILD RUN echo hi > /ob.txt".to_string()), "{names:?}");
    assert!(names.contains(&"[3/3] RUN echo child".to_string()), "{names:?}");
}

#[test]
fn invalid_default_arg_in_from() {
    let mut w = world();
    write(&mut w, "/p/d/Dockerfile", "ARG TAG\nFROM alpine:${TAG}\n");
    let mut r = req("/p/d", &["d"]);
    r.build_args.push(("TAG".into(), "latest".into()));
    let out = w.build(&r);
    assert!(out.failure.is_none(), "{:?}", out.failure);
    assert_eq!(out.warnings.iter().map(|w| w.short()).collect::<Vec<_>>(), vec!["InvalidDefaultArgInFrom: Default value for ARG alpine:${TAG} results in empty or invalid base image name (line 2)".to_string()]);
    write(&mut w, "/p/d/Dockerfile", "ARG TAG=latest\nFROM alpine:${TAG}\n");
    assert!(w.build(&req("/p/d", &["d"])).warnings.is_empty());
}

#[test]
fn maintainer_sets_the_author() {
    let mut w = world();
    write(&mut w, "/p/m/Dockerfile", "FROM alpine\nMAINTAINER learner@example.com\n");
    assert!(w.build(&req("/p/m", &["m"])).failure.is_none());
    assert_eq!(w.image("m").unwrap().config.author, "learner@example.com");
}

#[test]
fn base_image_pulled_by_the_builder_is_not_in_the_image_store() {
    let mut w = world();
    write(&mut w, "/p/b/Dockerfile", "FROM alpine\nRUN echo hi > /x\n");
    let out = w.build(&req("/p/b", &["mine"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    assert!(w.image_id("alpine").is_none());
    let id = w.image_id("mine").unwrap();
    assert_eq!(w.images[&id].parent, None);
    // The second build finds the base in the builder's own store.
    let again = w.build(&req("/p/b", &["mine"]));
    assert!(again.failure.is_none(), "{:?}", again.failure);
    assert_eq!(again.image_id.as_deref(), Some(id.as_str()));
    // Its layers are known: a later pull downloads nothing.
    let report = w.pull("alpine").unwrap();
    assert!(report.layers.iter().all(|l| l.1));
}

#[test]
fn rmi_prunes_untagged_parents_of_a_commit() {
    let mut w = world();
    w.pull("alpine").unwrap();
    let base = w.image_id("alpine").unwrap();
    let mut child = w.images[&base].clone();
    child.id = "c".repeat(64);
    child.parent = Some(base.clone());
    child.repo_digests.clear();
    w.add_image(child, &["snap:latest".to_string()], &[]);
    // The parent's tag goes; the child keeps the image (quietly).
    let lines = w.remove_image_pruning("alpine", false, true).unwrap();
    assert!(lines.iter().all(|l| l.starts_with("Untagged: ")), "{lines:?}");
    assert!(w.images.contains_key(&base));
    let lines = w.remove_image_pruning("snap", false, true).unwrap();
    assert!(lines.contains(&format!("Deleted: sha256:{base}")), "{lines:?}");
    assert!(w.images.is_empty());
}

#[test]
fn cache_entries_track_times_and_usage() {
    let mut w = world();
    node_app(&mut w);
    write(&mut w, "/p/node/Dockerfile", "FROM node:18-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN --mount=type=cache,target=/root/.npm npm install\n");
    assert!(w.build(&req("/p/node", &["m"])).failure.is_none());
    let first = w.build.entries();
    assert!(first.iter().all(|e| e.usage_count == 1 && e.last_used_ms >= e.created_ms), "{first:?}");
    assert!(first.iter().any(|e| e.mutable) && first.iter().any(|e| !e.mutable));
    let t_mid = w.now_ms + 1;
    w.advance(3_600_000);
    assert!(w.build(&req("/p/node", &["m"])).failure.is_none());
    let again = w.build.entries();
    let regular: Vec<&CacheEntry> = again.iter().filter(|e| !e.mutable).collect();
    assert!(regular.iter().all(|e| e.usage_count == 2 && e.last_used_ms > t_mid && e.created_ms < t_mid), "{again:?}");
    // Sorted by last use: nothing used before a later entry.
    assert!(again.windows(2).all(|p| p[0].last_used_ms <= p[1].last_used_ms));
    // An `until` before the second build prunes only the cache mount (the
    // cached RUN did not mount it again); `all` then prunes everything.
    let early = w.build.prune_where(true, &|e| e.last_used_ms <= t_mid);
    assert!(early.len() == 1 && early[0].mutable, "{early:?}");
    let again: Vec<CacheEntry> = again.into_iter().filter(|e| !e.mutable).collect();
    let gone = w.build.prune_where(true, &|_| true);
    assert_eq!(gone.len(), again.len());
    assert_eq!(w.build.cache_entries(), 0);
}

#[test]
fn identical_ops_of_two_stages_are_one_vertex() {
    let mut w = world();
    write(&mut w, "/p/m/a.txt", "a\n");
    write(&mut w, "/p/m/Dockerfile", "FROM alpine AS deps\nWORKDIR /app\nRUN echo hi > /x\nFROM alpine AS runner\nWORKDIR /app\nCOPY --from=deps /x /y\nCOPY a.txt .\n");
    let out = w.build(&req("/p/m", &["m"]));
    assert!(out.failure.is_none(), "{:?}", out.failure);
    let names: Vec<&str> = out.vertices.iter().map(|v| v.name.as_str()).filter(|n| n.starts_with('[') && !n.starts_with("[internal]")).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names[0].starts_with("[deps 1/3] FROM docker.io/library/alpine:latest@sha256:"), "{names:?}");
    assert_eq!(&names[1..], &["[deps 2/3] WORKDIR /app", "[deps 3/3] RUN echo hi > /x", "[runner 3/4] COPY --from=deps /x /y", "[runner 4/4] COPY a.txt ."]);
    let img = w.image("m").unwrap();
    assert!(img.rootfs.exists("/y") && img.rootfs.exists("/app/a.txt") && !img.rootfs.exists("/x"));
}
