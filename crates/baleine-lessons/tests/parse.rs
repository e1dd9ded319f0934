//! Lesson files: valid ones, and bad ones with their messages and lines.

use baleine_lessons::{parse_lesson, parse_published, parse_size, Action, Check, LessonKind, TEMPLATE};

const GOOD: &str = r#"
id = "demo"
kind = "troubleshooting"
chapter = "volumes"
order = 5
title = { fr = "Titre", en = "Title" }
intro = { fr = "Intro", en = "Intro" }

[setup]
commands = ["docker volume create vieux", "docker run -d --name web nginx:alpine"]

[[setup.files]]
path = "site/index.html"
content = "<h1>Bonjour</h1>"

[[steps]]
id = "un"
objective = { fr = "Objectif", en = "Goal" }
hints = [{ fr = "Indice", en = "Hint" }]
solution = ["docker volume create data", { file = "notes.txt", content = "x" }]

[[steps.checks]]
kind = "volume_exists"
name = "data"

[[steps.checks]]
kind = "container_running"
name = "web"
published = "8080:80"
not = true
may_pass_before = true
label = { fr = "web ne tourne pas", en = "web is not running" }

[[steps.checks]]
kind = "memory_limit"
container = "web"
bytes = "256m"
not = true
may_pass_before = true

[[steps.checks]]
kind = "log_config"
container = "web"
options = { max-size = "10m" }
not = true
may_pass_before = true
"#;

/// Errors of `text` as "line: message".
fn errors(text: &str) -> Vec<(usize, String)> {
    let (lesson, errs) = parse_lesson(text, "x.toml");
    assert!(lesson.is_none() || errs.is_empty());
    assert!(errs.iter().all(|e| e.file == "x.toml"));
    errs.into_iter().map(|e| (e.line, e.message)).collect()
}

fn has(errs: &[(usize, String)], line: usize, needle: &str) {
    assert!(errs.iter().any(|(l, m)| *l == line && m.contains(needle)), "no error at line {line} containing {needle:?} in {errs:#?}");
}

#[test]
fn a_good_lesson() {
    let (lesson, errs) = parse_lesson(GOOD, "good.toml");
    assert!(errs.is_empty(), "{errs:?}");
    let l = lesson.unwrap();
    assert_eq!(l.id, "demo");
    assert_eq!(l.kind, LessonKind::Troubleshooting);
    assert_eq!(l.order, 5);
    assert_eq!(l.title.en, "Title");
    assert_eq!(l.setup.files.len(), 1);
    assert_eq!(l.setup.files[0].line, 12);
    assert_eq!(l.setup.commands.len(), 2);
    let s = &l.steps[0];
    assert_eq!(s.line, 16);
    assert_eq!(s.hints.len(), 1);
    assert!(matches!(&s.solution[1], Action::WriteFile { path, .. } if path == "notes.txt"));
    assert_eq!(s.checks.len(), 4);
    assert_eq!(s.checks[0].line, 22);
    assert!(matches!(&s.checks[0].check, Check::VolumeExists { name } if name == "data"));
    assert!(s.checks[1].not && s.checks[1].may_pass_before);
    assert_eq!(s.checks[1].label.as_ref().unwrap().fr, "web ne tourne pas");
    assert!(matches!(s.checks[2].check, Check::MemoryLimit { bytes, .. } if bytes == 256 << 20));
    assert!(matches!(&s.checks[3].check, Check::LogConfig { options, .. } if options["max-size"] == "10m"));
}

#[test]
fn the_template_is_a_valid_lesson() {
    let (lesson, errs) = parse_lesson(TEMPLATE, "template.toml");
    assert!(errs.is_empty(), "{errs:?}");
    let report = baleine_lessons::run_solution(&lesson.unwrap());
    assert!(report.ok(), "{:#?}", report.failures);
}

#[test]
fn syntax_errors_have_lines() {
    let e = errors("id = \"x\"\n\n[[steps]\n");
    has(&e, 3, "TOML syntax error");
    let e = errors("id = \"x\"\ntitle = { fr = \"a\", en = }\n");
    has(&e, 2, "TOML syntax error");
}

#[test]
fn unknown_check_kind_suggests() {
    let text = GOOD.replace("kind = \"volume_exists\"", "kind = \"volume_exist\"");
    let e = errors(&text);
    has(&e, 23, "unknown check kind \"volume_exist\" (did you mean \"volume_exists\"?)");
    let text = GOOD.replace("kind = \"volume_exists\"", "kind = \"zzz\"");
    has(&errors(&text), 23, "known kinds: image_exists");
}

#[test]
fn wrong_types() {
    let text = GOOD.replace("published = \"8080:80\"", "published = 8080");
    has(&errors(&text), 29, "\"published\" must be a string, found an integer");
    let text = GOOD.replace("not = true\nmay_pass_before = true\nlabel", "not = \"yes\"\nmay_pass_before = true\nlabel");
    has(&errors(&text), 30, "\"not\" must be true or false, found a string");
    let text = GOOD.replace("order = 5", "order = \"5\"");
    has(&errors(&text), 5, "\"order\" must be an integer");
    let text = GOOD.replace("bytes = \"256m\"", "bytes = \"lots\"");
    has(&errors(&text), 37, "size such as \"512m\"");
    let text = GOOD.replace("hints = [{ fr = \"Indice\", en = \"Hint\" }]", "hints = \"Indice\"");
    has(&errors(&text), 19, "\"hints\" must be an array");
    let text = GOOD.replace("title = { fr = \"Titre\", en = \"Title\" }", "title = \"Titre\"");
    has(&errors(&text), 6, "\"title\" must be a table");
}

#[test]
fn bad_values() {
    let text = GOOD.replace("published = \"8080:80\"", "published = \"8080\"");
    has(&errors(&text), 29, "expected HOST:CONTAINER");
    let text = GOOD.replace("kind = \"troubleshooting\"", "kind = \"tuto\"");
    has(&errors(&text), 3, "expected one of \"lesson\", \"exercise\", \"troubleshooting\"");
    let text = GOOD.replace("id = \"demo\"", "id = \"Démo 1\"");
    has(&errors(&text), 2, "lowercase letters");
    let text = GOOD.replace("kind = \"volume_exists\"\nname = \"data\"", "kind = \"file_in_image\"\nimage = \"data\"\npath = \"etc/passwd\"");
    has(&errors(&text), 25, "must be an absolute path");
    let text = GOOD.replace("kind = \"volume_exists\"\nname = \"data\"", "kind = \"container_state\"\nname = \"web\"\nstate = \"up\"");
    has(&errors(&text), 25, "\"state\" is \"up\", expected one of \"created\", \"running\"");
}

#[test]
fn missing_and_unknown_keys() {
    let text = GOOD.replace("kind = \"volume_exists\"\nname = \"data\"", "kind = \"volume_exists\"\nnom = \"data\"");
    let e = errors(&text);
    has(&e, 22, "check \"volume_exists\": missing \"name\"");
    has(&e, 24, "unknown key \"nom\"");
    let text = GOOD.replace("objective = { fr = \"Objectif\", en = \"Goal\" }", "objective = { fr = \"Objectif\" }");
    has(&errors(&text), 18, "missing \"en\"");
    let text = GOOD.replace("order = 5", "ordre = 5");
    has(&errors(&text), 5, "unknown key \"ordre\" (did you mean \"order\"?)");
    let text = GOOD.replace("[[steps.checks]]\nkind = \"volume_exists\"", "[[steps.checks]]\nkin = \"volume_exists\"");
    has(&errors(&text), 22, "check without \"kind\"");
    let e = errors("id = \"x\"\ntitle = { fr = \"a\", en = \"b\" }\nintro = { fr = \"a\", en = \"b\" }\n");
    has(&e, 1, "missing \"steps\"");
    let no_checks = "id = \"x\"\ntitle = { fr = \"a\", en = \"b\" }\nintro = { fr = \"a\", en = \"b\" }\n[[steps]]\nobjective = { fr = \"a\", en = \"b\" }\nsolution = [\"ls\"]\n";
    has(&errors(no_checks), 4, "at least one check");
}

#[test]
fn references_and_duplicates() {
    let text = GOOD.replace("name = \"data\"", "name = \"dtaa\"");
    has(&errors(&text), 22, "refers to volume \"dtaa\", which neither the setup nor any solution mentions");
    let text =
        format!("{GOOD}\n[[steps]]\nid = \"un\"\nobjective = {{ fr = \"a\", en = \"b\" }}\nsolution = [\"docker volume create data\"]\n[[steps.checks]]\nkind = \"volume_exists\"\nname = \"data\"\n");
    let e = errors(&text);
    assert!(e.iter().any(|(l, m)| *l > 40 && m.contains("another step has the same id")), "{e:?}");
}

#[test]
fn odd_inputs_do_not_panic() {
    for t in [
        "",
        "\u{0}",
        "=",
        "[[steps]]\n[[steps.checks]]\nkind = 3",
        "steps = 3",
        "steps = [1, 2]",
        "[setup]\nfiles = [3]\ncommands = [{}]",
        "id = 1979-05-27T07:32:00Z",
        "[[steps]]\nhints = [[1]]\nchecks = [{ kind = \"http\", url = \"::\" }]",
        &"[".repeat(10_000),
        &"a.".repeat(5000),
    ] {
        let (l, e) = parse_lesson(t, "odd.toml");
        assert!(l.is_none());
        assert!(!e.is_empty());
    }
    let huge = "#".repeat(baleine_lessons::MAX_LESSON_BYTES + 1);
    assert!(errors(&huge)[0].1.contains("too large"));
}

#[test]
fn published_and_sizes() {
    assert_eq!(parse_published("8080:80"), Some((None, 8080, 80, "tcp".into())));
    assert_eq!(parse_published("127.0.0.1:8080:80/udp"), Some((Some("127.0.0.1".into()), 8080, 80, "udp".into())));
    assert_eq!(parse_published("80"), None);
    assert_eq!(parse_published("a:b"), None);
    assert_eq!(parse_size("512m"), Some(512 << 20));
    assert_eq!(parse_size("1g"), Some(1 << 30));
    assert_eq!(parse_size("256MB"), Some(256 << 20));
    assert_eq!(parse_size("1024"), Some(1024));
    assert_eq!(parse_size("lots"), None);
    assert_eq!(parse_size("-1m"), None);
}
