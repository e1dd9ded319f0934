use super::*;
use crate::parse;

fn rules_for(src: &str, ctx: &LintContext) -> Vec<(&'static str, usize)> {
    let df = parse(src);
    lint(&df, ctx)
        .into_iter()
        .map(|f| (f.rule, f.line))
        .collect()
}

fn has(src: &str, rule: &str) -> bool {
    rules_for(src, &LintContext::default())
        .iter()
        .any(|(r, _)| *r == rule)
}

fn line_of(src: &str, rule: &str) -> Option<usize> {
    rules_for(src, &LintContext::default())
        .into_iter()
        .find(|(r, _)| *r == rule)
        .map(|(_, l)| l)
}

#[test]
fn root_user() {
    assert_eq!(line_of("FROM alpine:3\nRUN true\n", "RootUser"), Some(1));
    assert_eq!(
        line_of("FROM alpine:3\nUSER app\nUSER root\n", "RootUser"),
        Some(3)
    );
    assert_eq!(line_of("FROM alpine:3\nUSER 0:0\n", "RootUser"), Some(2));
    assert!(!has("FROM alpine:3\nUSER app\n", "RootUser"));
    assert!(!has("FROM alpine:3\nUSER 1000:1000\n", "RootUser"));
    // Inherited from a previous stage.
    assert!(!has(
        "FROM alpine:3 AS base\nUSER app\nFROM base\nRUN true\n",
        "RootUser"
    ));
    // Only the final stage matters.
    assert!(!has(
        "FROM alpine:3 AS build\nRUN true\nFROM alpine:3\nUSER nobody\n",
        "RootUser"
    ));
}

#[test]
fn apt_no_install_recommends() {
    let bad = "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n";
    assert_eq!(line_of(bad, "AptNoInstallRecommends"), Some(2));
    let good = "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n";
    assert!(!has(good, "AptNoInstallRecommends"));
    assert!(!has(
        "FROM debian:12\nRUN apt-cache search curl\n",
        "AptNoInstallRecommends"
    ));
    // Heredoc bodies are inspected too.
    let heredoc = "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n";
    assert!(has(heredoc, "AptNoInstallRecommends"));
}

#[test]
fn apt_lists_not_cleaned() {
    let bad = "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n";
    assert_eq!(line_of(bad, "AptListsNotCleaned"), Some(2));
    let good = "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n";
    assert!(!has(good, "AptListsNotCleaned"));
    let cached =
        "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n";
    assert!(!has(cached, "AptListsNotCleaned"));
    assert!(!has("FROM debian:12\nRUN echo hi\n", "AptListsNotCleaned"));
}

#[test]
fn consecutive_run() {
    let bad = "FROM alpine:3\nRUN a\nRUN b\nRUN c\nUSER x\n";
    let f: Vec<_> = lint(&parse(bad), &LintContext::default())
        .into_iter()
        .filter(|f| f.rule == "ConsecutiveRun")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].line, 2);
    assert!(
        f[0].message.contains("3 consecutive RUN"),
        "{}",
        f[0].message
    );
    assert!(!has(
        "FROM alpine:3\nRUN a\nENV X=1\nRUN b\n",
        "ConsecutiveRun"
    ));
    assert!(!has(
        "FROM alpine:3\nRUN a\nRUN --mount=type=cache,target=/c b\n",
        "ConsecutiveRun"
    ));
    assert!(!has(
        "FROM alpine:3\nRUN a\nFROM alpine:3\nRUN b\n",
        "ConsecutiveRun"
    ));
}

#[test]
fn latest_tag() {
    assert_eq!(line_of("FROM node\n", "LatestTag"), Some(1));
    assert_eq!(line_of("FROM node:latest\n", "LatestTag"), Some(1));
    assert!(has("FROM localhost:5000/img\n", "LatestTag"));
    assert!(!has("FROM node:18\n", "LatestTag"));
    assert!(!has("FROM localhost:5000/img:1.2\n", "LatestTag"));
    assert!(!has("FROM scratch\n", "LatestTag"));
    assert!(!has("FROM node@sha256:abcd\n", "LatestTag"));
    assert!(!has("ARG V=18\nFROM node:$V\n", "LatestTag"));
    assert!(!has("FROM node:18 AS build\nFROM build\n", "LatestTag"));
}

#[test]
fn add_instead_of_copy() {
    assert_eq!(
        line_of("FROM alpine:3\nADD app.py /app/\n", "AddInsteadOfCopy"),
        Some(2)
    );
    assert!(!has(
        "FROM alpine:3\nADD rootfs.tar.gz /\n",
        "AddInsteadOfCopy"
    ));
    assert!(!has(
        "FROM alpine:3\nADD https://example.com/x /x\n",
        "AddInsteadOfCopy"
    ));
    assert!(!has(
        "FROM alpine:3\nCOPY app.py /app/\n",
        "AddInsteadOfCopy"
    ));
}

#[test]
fn copy_all_before_install() {
    let bad = "FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci\n";
    assert_eq!(line_of(bad, "CopyAllBeforeInstall"), Some(3));
    assert!(has(
        "FROM golang:1.22\nCOPY . .\nRUN go mod download\n",
        "CopyAllBeforeInstall"
    ));
    assert!(has(
        "FROM python:3\nCOPY . /src\nRUN pip install -r /src/requirements.txt\n",
        "CopyAllBeforeInstall"
    ));
    let good = "FROM node:18\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n";
    assert!(!has(good, "CopyAllBeforeInstall"));
    assert!(!has(
        "FROM node:18\nCOPY --from=deps . .\nRUN npm ci\n",
        "CopyAllBeforeInstall"
    ));
}

#[test]
fn json_args_recommended() {
    assert_eq!(
        line_of("FROM alpine:3\nCMD node server.js\n", "JSONArgsRecommended"),
        Some(2)
    );
    assert!(has(
        "FROM alpine:3\nENTRYPOINT ./run.sh\n",
        "JSONArgsRecommended"
    ));
    assert!(!has(
        "FROM alpine:3\nCMD [\"node\", \"server.js\"]\n",
        "JSONArgsRecommended"
    ));
    assert!(!has(
        "FROM alpine:3\nSHELL [\"/bin/bash\", \"-c\"]\nCMD node server.js\n",
        "JSONArgsRecommended"
    ));
}

#[test]
fn secrets_used_in_arg_or_env() {
    assert_eq!(
        line_of(
            "FROM alpine:3\nENV DB_PASSWORD=x\n",
            "SecretsUsedInArgOrEnv"
        ),
        Some(2)
    );
    assert!(has(
        "FROM alpine:3\nARG GITHUB_TOKEN\n",
        "SecretsUsedInArgOrEnv"
    ));
    assert!(has("FROM alpine:3\nARG apikey\n", "SecretsUsedInArgOrEnv"));
    assert!(has(
        "ARG NPM_TOKEN\nFROM alpine:3\n",
        "SecretsUsedInArgOrEnv"
    ));
    assert!(!has(
        "FROM alpine:3\nARG PUBLIC_KEY\n",
        "SecretsUsedInArgOrEnv"
    ));
    assert!(!has(
        "FROM alpine:3\nENV KEYBOARD=us TOKENIZER=x\n",
        "SecretsUsedInArgOrEnv"
    ));
}

#[test]
fn from_as_casing() {
    assert_eq!(line_of("FROM alpine:3 as build\n", "FromAsCasing"), Some(1));
    assert!(has("from alpine:3 AS build\n", "FromAsCasing"));
    assert!(!has("FROM alpine:3 AS build\n", "FromAsCasing"));
    assert!(!has("from alpine:3 as build\n", "FromAsCasing"));
    assert!(!has("From alpine:3 as build\n", "FromAsCasing"));
}

#[test]
fn no_dockerignore() {
    let src = "FROM node:18\nCOPY . .\n";
    let ctx = LintContext {
        context_files: vec![
            "package.json".into(),
            "node_modules/left-pad/index.js".into(),
        ],
        has_dockerignore: false,
    };
    let f = lint(&parse(src), &ctx);
    let hit = f
        .iter()
        .find(|f| f.rule == "NoDockerignore")
        .expect("finding");
    assert_eq!(hit.line, 1);
    assert!(hit.message.contains("node_modules/"));
    let ctx2 = LintContext {
        context_files: vec![".git/HEAD".into()],
        has_dockerignore: true,
    };
    assert!(!lint(&parse(src), &ctx2)
        .iter()
        .any(|f| f.rule == "NoDockerignore"));
    let ctx3 = LintContext {
        context_files: vec!["src/main.rs".into()],
        has_dockerignore: false,
    };
    assert!(!lint(&parse(src), &ctx3)
        .iter()
        .any(|f| f.rule == "NoDockerignore"));
}

#[test]
fn maintainer_deprecated() {
    assert_eq!(
        line_of(
            "FROM alpine:3\nMAINTAINER me@example.com\n",
            "MaintainerDeprecated"
        ),
        Some(2)
    );
    assert!(!has(
        "FROM alpine:3\nLABEL org.opencontainers.image.authors=me\n",
        "MaintainerDeprecated"
    ));
}

#[test]
fn workdir_relative_path() {
    assert_eq!(
        line_of("FROM alpine:3\nWORKDIR app\n", "WorkdirRelativePath"),
        Some(2)
    );
    assert!(!has(
        "FROM alpine:3\nWORKDIR /app\nWORKDIR sub\n",
        "WorkdirRelativePath"
    ));
    assert!(!has(
        "FROM alpine:3\nWORKDIR $HOME/app\n",
        "WorkdirRelativePath"
    ));
    assert!(!has(
        "FROM alpine:3 AS base\nWORKDIR /app\nFROM base\nWORKDIR sub\n",
        "WorkdirRelativePath"
    ));
}

#[test]
fn multiple_cmd() {
    let src = "FROM alpine:3\nCMD [\"a\"]\nCMD [\"b\"]\n";
    assert_eq!(line_of(src, "MultipleCmd"), Some(2));
    assert!(has(
        "FROM alpine:3\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n",
        "MultipleCmd"
    ));
    assert!(!has(
        "FROM alpine:3\nCMD [\"a\"]\nFROM alpine:3\nCMD [\"b\"]\n",
        "MultipleCmd"
    ));
}

#[test]
fn findings_are_sorted_and_explained() {
    let src = "FROM node\nMAINTAINER x\nWORKDIR app\nCOPY . .\nRUN npm install\nRUN npm run build\nCMD npm start\n";
    let f = lint(&parse(src), &LintContext::default());
    assert!(f.windows(2).all(|w| w[0].line <= w[1].line));
    for x in &f {
        assert!(
            !x.explain_en.is_empty() && !x.explain_fr.is_empty(),
            "{}",
            x.rule
        );
    }
    let ids: Vec<&str> = f.iter().map(|x| x.rule).collect();
    for r in [
        "LatestTag",
        "RootUser",
        "MaintainerDeprecated",
        "WorkdirRelativePath",
        "CopyAllBeforeInstall",
        "ConsecutiveRun",
        "JSONArgsRecommended",
    ] {
        assert!(ids.contains(&r), "missing {r} in {ids:?}");
    }
}

#[test]
fn shell_splitting() {
    let c =
        simple_commands("apt-get update && apt-get install -y 'a b' ; echo \"x|y\" | wc\\\n -l");
    assert_eq!(
        c,
        vec![
            vec!["apt-get", "update"],
            vec!["apt-get", "install", "-y", "a b"],
            vec!["echo", "x|y"],
            vec!["wc", "-l"],
        ]
    );
}
