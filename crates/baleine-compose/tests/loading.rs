//! Interpolation, warnings, errors, project name.
mod common;
use common::*;

mod interpolation {
    use super::*;

    fn with_env(src: &str, env: &[(&str, &str)]) -> Loaded {
        let mut o = opts(DIR);
        for (k, v) in env {
            o.env.push((k.to_string(), v.to_string()));
        }
        load_with(&[("compose.yaml", src)], o)
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str)] = &[
            ("${TAG}", "1.0"),
            ("$TAG", "1.0"),
            ("${TAG:-x}", "1.0"),
            ("${MISSING:-default}", "default"),
            ("${EMPTY:-default}", "default"),
            ("${EMPTY-default}", ""),
            ("${MISSING-default}", "default"),
            ("${TAG:+alt}", "alt"),
            ("${EMPTY:+alt}", ""),
            ("${EMPTY+alt}", "alt"),
            ("${MISSING:-${TAG}}", "1.0"),
            ("${MISSING:-${ALSO_MISSING:-x}}", "x"),
            ("$$TAG", "$TAG"),
            ("a-${TAG}-b", "a-1.0-b"),
        ];
        for (tpl, want) in cases {
            let src = format!(
                "services:\n  web:\n    image: x\n    labels:\n      v: \"{}\"\n",
                tpl
            );
            let l = with_env(&src, &[("TAG", "1.0"), ("EMPTY", "")]);
            let p = l
                .project
                .unwrap_or_else(|| panic!("{}: {:?}", tpl, l.error));
            assert_eq!(p.services["web"].labels["v"], *want, "template {}", tpl);
        }
    }

    #[test]
    fn shell_env_wins_over_dotenv() {
        let mut o = opts(DIR);
        o.env.push(("TAG".into(), "shell".into()));
        let l = load_with(
            &[
                (
                    "compose.yaml",
                    "services:\n  web:\n    image: nginx:${TAG}\n",
                ),
                (".env", "TAG=dotenv\n"),
            ],
            o,
        );
        assert_eq!(
            l.project.unwrap().services["web"].image.as_deref(),
            Some("nginx:shell")
        );
        let l = load_with(
            &[
                (
                    "compose.yaml",
                    "services:\n  web:\n    image: nginx:${TAG}\n",
                ),
                (".env", "TAG=dotenv\n"),
            ],
            opts(DIR),
        );
        assert_eq!(
            l.project.unwrap().services["web"].image.as_deref(),
            Some("nginx:dotenv")
        );
    }

    #[test]
    fn env_file_option() {
        let mut o = opts(DIR);
        o.env_files = vec!["prod.env".into()];
        let l = load_with(
            &[
                (
                    "compose.yaml",
                    "services:\n  web:\n    image: nginx:${TAG}\n",
                ),
                (".env", "TAG=dotenv\n"),
                ("prod.env", "TAG=prod\n"),
            ],
            o,
        );
        assert_eq!(
            l.project.unwrap().services["web"].image.as_deref(),
            Some("nginx:prod")
        );
        let mut o = opts(DIR);
        o.env_files = vec!["nope.env".into()];
        let l = load_with(&[("compose.yaml", "services:\n  web:\n    image: x\n")], o);
        assert_eq!(
            l.error.unwrap(),
            "couldn't find env file: /home/learner/projet/myapp/nope.env"
        );
    }

    #[test]
    fn unset_variable_warning() {
        let l = with_env("services:\n  web:\n    image: \"nginx:${NOPE}\"\n", &[]);
        assert_eq!(
            l.warnings,
            vec!["The \"NOPE\" variable is not set. Defaulting to a blank string."]
        );
        assert_eq!(
            l.project.unwrap().services["web"].image.as_deref(),
            Some("nginx:")
        );
    }

    #[test]
    fn required_variable_error() {
        let l = with_env(
            "services:\n  web:\n    image: \"nginx:${TAG:?TAG must be set}\"\n",
            &[],
        );
        assert_eq!(l.error.unwrap(), "error while interpolating services.web.image: required variable TAG is missing a value: TAG must be set");
        let l = with_env(
            "services:\n  web:\n    image: \"nginx:${TAG?}\"\n",
            &[("TAG", "")],
        );
        assert_eq!(
            l.project.unwrap().services["web"].image.as_deref(),
            Some("nginx:")
        );
    }

    #[test]
    fn invalid_template() {
        let l = with_env("services:\n  web:\n    image: \"nginx:${TAG\"\n", &[]);
        assert_eq!(l.error.unwrap(), "invalid interpolation format for services.web.image.\nYou may need to escape any $ with another $.\nnginx:${TAG");
    }

    #[test]
    fn keys_are_not_interpolated_and_dollar_is_escaped_in_output() {
        let p = with_env("services:\n  web:\n    image: x\n    command: echo $$HOME\n    environment:\n      ${KEY}: v\n", &[("KEY", "k")]).project.unwrap();
        assert!(p.services["web"].environment.contains_key("${KEY}"));
        assert_eq!(
            p.services["web"].command.as_deref().unwrap(),
            ["echo", "$HOME"]
        );
        let out = config_yaml::render(&p);
        assert!(out.contains("      - $$HOME\n"), "{}", out);
        assert!(out.contains("      $${KEY}: v\n"), "{}", out);
    }

    #[test]
    fn typed_values_are_cast() {
        let p = with_env("services:\n  web:\n    image: x\n    tty: ${TTY}\n    scale: ${N}\n    ports:\n      - target: ${PORT}\n        published: ${PORT}\n", &[("TTY", "true"), ("N", "2"), ("PORT", "80")]).project.unwrap();
        let w = &p.services["web"];
        assert!(w.tty);
        assert_eq!(w.scale, Some(2));
        assert_eq!(w.ports[0].target, 80);
        assert_eq!(w.ports[0].published.as_deref(), Some("80"));
    }

    #[test]
    fn dotenv_syntax() {
        let files = [
            ("compose.yaml", "services:\n  web:\n    image: x\n    labels:\n      a: ${A}\n      b: ${B}\n      c: ${C}\n      d: ${D}\n      e: ${E}\n"),
            (".env", "# comment\n\nexport A=plain\nB=\"double ${A}\"\nC='single ${A}'\nD=\nE=value # inline comment\n"),
        ];
        let p = load_with(&files, opts(DIR)).project.unwrap();
        let l = &p.services["web"].labels;
        assert_eq!(l["a"], "plain");
        assert_eq!(l["b"], "double plain");
        assert_eq!(l["c"], "single ${A}");
        assert_eq!(l["d"], "");
        assert_eq!(l["e"], "value");
    }
}

mod warnings_and_errors {
    use super::*;

    #[test]
    fn obsolete_version() {
        let l = load_files(&[(
            "compose.yaml",
            "version: \"3.8\"\nservices:\n  web:\n    image: x\n",
        )]);
        assert_eq!(l.warnings, vec!["/home/learner/projet/myapp/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"]);
        assert!(l.project.is_some());
    }

    #[test]
    fn yaml_syntax_errors() {
        let e = error("services:\n  web:\n    image: nginx\n      ports: x\n");
        assert_eq!(
            e,
            "yaml: line 4: mapping values are not allowed in this context"
        );
        let e = error("services:\n  web:\n    image: nginx\n\tbuild: .\n");
        assert!(e.starts_with("yaml: line "), "{}", e);
        let mut o = opts(DIR);
        o.project_name = Some("demo".into());
        let l = load_with(
            &[(
                "compose.yaml",
                "services:\n  web:\n    image: nginx\n      ports: x\n",
            )],
            o,
        );
        assert_eq!(l.error.unwrap(), "failed to parse /home/learner/projet/myapp/compose.yaml: yaml: line 4: mapping values are not allowed in this context");
    }

    #[test]
    fn duplicate_keys() {
        let e = error("services:\n  web:\n    image: nginx\n    image: httpd\n");
        assert_eq!(e, "failed to parse /home/learner/projet/myapp/compose.yaml: line 4: mapping key \"image\" already defined at line 3");
    }

    #[test]
    fn structural_errors() {
        assert_eq!(error("- a\n- b\n"), "top-level object must be a mapping");
        assert_eq!(error("# nothing\n"), "empty compose file");
        // compose-go's `extends` phase reports these before schema validation
        assert_eq!(error("services: []\n"), "services must be a mapping");
        assert_eq!(
            error("services:\n  web: nginx\n"),
            "services.web must be a mapping"
        );
        assert_eq!(
            error("networks: []\nservices: {}\n"),
            "validating /home/learner/projet/myapp/compose.yaml: networks must be a mapping"
        );
        assert_eq!(error("services:\n  1: {}\n"), "failed to parse /home/learner/projet/myapp/compose.yaml: non-string key in services: 1");
    }
}

mod project_name {
    use super::*;

    #[test]
    fn precedence() {
        let files = [(
            "compose.yaml",
            "name: From-Yaml\nservices:\n  web:\n    image: x\n",
        )];
        assert_eq!(
            load_with(&files, opts(DIR)).project.unwrap().name,
            "from-yaml"
        );
        let mut o = opts(DIR);
        o.env
            .push(("COMPOSE_PROJECT_NAME".into(), "fromenv".into()));
        assert_eq!(load_with(&files, o).project.unwrap().name, "fromenv");
        let mut o = opts(DIR);
        o.project_name = Some("flag".into());
        o.env
            .push(("COMPOSE_PROJECT_NAME".into(), "fromenv".into()));
        assert_eq!(load_with(&files, o).project.unwrap().name, "flag");
        let plain = [("compose.yaml", "services:\n  web:\n    image: x\n")];
        let l = load_with(&plain, opts("/home/learner/projet/My App.v2"));
        assert_eq!(l.project.unwrap().name, "myappv2");
    }

    #[test]
    fn invalid_names() {
        let mut o = opts(DIR);
        o.project_name = Some("Bad Name".into());
        let l = load_with(&[("compose.yaml", "services:\n  web:\n    image: x\n")], o);
        assert_eq!(l.error.unwrap(), "invalid project name \"Bad Name\": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number");
        assert_eq!(normalize_project_name("_My-App_"), "my-app_");
    }

    #[test]
    fn name_is_interpolated_and_available() {
        let l = load_files(&[("compose.yaml", "name: app-${ENVNAME:-dev}\nservices:\n  web:\n    image: x\n    labels:\n      p: ${COMPOSE_PROJECT_NAME}\n")]);
        let p = l.project.unwrap();
        assert_eq!(p.name, "app-dev");
        assert_eq!(p.services["web"].labels["p"], "app-dev");
    }
}

mod graph_api {
    use super::*;

    #[test]
    fn orders_and_errors() {
        let p = project("services:\n  web:\n    image: x\n    depends_on: [api]\n  api:\n    image: x\n    depends_on: [db, cache]\n  db:\n    image: x\n  cache:\n    image: x\n  other:\n    image: x\n");
        assert_eq!(
            graph::start_order(&p, &[]).unwrap(),
            vec!["cache", "db", "api", "other", "web"]
        );
        assert_eq!(
            graph::start_order(&p, &["web".into()]).unwrap(),
            vec!["cache", "db", "api", "web"]
        );
        assert_eq!(
            graph::stop_order(&p, &["api".into()]).unwrap(),
            vec!["api", "db", "cache"]
        );
        assert_eq!(
            graph::start_order(&p, &["nope".into()]).unwrap_err(),
            "no such service: nope"
        );
        assert_eq!(graph::dependents(&p, "db"), vec!["api", "web"]);
        assert_eq!(
            config_yaml::render_services(&p),
            "cache\ndb\napi\nother\nweb\n"
        );
    }
}
