//! extends, include, override files, anchors/merge keys, !reset/!override.
mod common;
use common::*;

mod extends {
    use super::*;

    #[test]
    fn same_file() {
        let p = project("services:\n  base:\n    image: busybox\n    environment:\n      A: 1\n    ports: [\"80:80\"]\n  web:\n    extends: base\n    environment:\n      B: 2\n    ports: [\"443:443\"]\n");
        let web = &p.services["web"];
        assert_eq!(web.image.as_deref(), Some("busybox"));
        assert_eq!(web.environment["A"], Some("1".into()));
        assert_eq!(web.environment["B"], Some("2".into()));
        assert_eq!(web.ports.len(), 2);
        roundtrip(&p);
    }

    #[test]
    fn other_file_with_relative_paths() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: app\n    command: run\n"),
            ("common/base.yaml", "services:\n  app:\n    build: ./app\n    command: [\"x\"]\n    volumes:\n      - ./data:/data\n"),
        ]);
        let web = &p.services["web"];
        assert_eq!(
            web.build.as_ref().unwrap().context,
            format!("{}/common/app", DIR)
        );
        assert_eq!(
            web.volumes[0].source.as_deref(),
            Some(&*format!("{}/common/data", DIR))
        );
        assert_eq!(web.command.as_deref().unwrap(), ["run"]);
    }

    #[test]
    fn nested_chain() {
        let p = project("services:\n  a:\n    image: a\n    labels: {a: \"1\"}\n  b:\n    extends: a\n    labels: {b: \"1\"}\n  c:\n    extends: b\n    labels: {c: \"1\"}\n");
        assert_eq!(p.services["c"].labels.len(), 3);
        assert_eq!(p.services["c"].image.as_deref(), Some("a"));
    }

    #[test]
    fn cycles_and_missing() {
        let e = error(
            "services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: x\n    extends: a\n",
        );
        assert!(e.starts_with("Circular reference:\n"), "{}", e);
        assert!(e.contains("extends"), "{}", e);
        let e = error("services:\n  a:\n    extends: nope\n");
        assert_eq!(e, "cannot extend service \"a\" in /home/learner/projet/myapp/compose.yaml: service \"nope\" not found");
        let e = error("services:\n  a:\n    extends: a\n");
        assert!(e.starts_with("Circular reference:"), "{}", e);
    }

    #[test]
    fn reset_applies_to_base() {
        let p = project("services:\n  base:\n    image: x\n    ports: [\"80:80\"]\n  web:\n    extends: base\n    ports: !reset []\n");
        assert!(p.services["web"].ports.is_empty());
        assert_eq!(p.services["base"].ports.len(), 1);
    }
}

mod include {
    use super::*;

    #[test]
    fn imports_resources() {
        let p = project_files(&[
            ("compose.yaml", "include:\n  - db/compose.yaml\nservices:\n  web:\n    image: nginx\n    depends_on: [db]\n"),
            ("db/compose.yaml", "services:\n  db:\n    image: postgres:${PG_TAG}\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d\n      - data:/var/lib/postgresql/data\nvolumes:\n  data:\n"),
            ("db/.env", "PG_TAG=16\n"),
        ]);
        let db = &p.services["db"];
        assert_eq!(db.image.as_deref(), Some("postgres:16"));
        assert_eq!(
            db.volumes[0].source.as_deref(),
            Some(&*format!("{}/db/init", DIR))
        );
        assert_eq!(p.volumes["data"].name, "myapp_data");
        assert_eq!(graph::start_order(&p, &[]).unwrap(), vec!["db", "web"]);
        roundtrip(&p);
    }

    #[test]
    fn long_form_and_conflicts() {
        let p = project_files(&[
            ("compose.yaml", "include:\n  - path: [sub/a.yaml, sub/b.yaml]\n    project_directory: sub\nservices:\n  web:\n    image: nginx\n"),
            ("sub/a.yaml", "services:\n  x:\n    image: a\n"),
            ("sub/b.yaml", "services:\n  x:\n    environment: [B=1]\n"),
        ]);
        assert_eq!(p.services["x"].environment["B"], Some("1".into()));
        let e = error_files(&[
            (
                "compose.yaml",
                "include: [other.yaml]\nservices:\n  web:\n    image: nginx\n",
            ),
            ("other.yaml", "services:\n  web:\n    image: httpd\n"),
        ]);
        assert_eq!(e, "services.web conflicts with imported resource");
    }

    #[test]
    fn cycle() {
        let e = error_files(&[
            (
                "compose.yaml",
                "include: [a.yaml]\nservices:\n  web:\n    image: nginx\n",
            ),
            (
                "a.yaml",
                "include: [compose.yaml]\nservices:\n  a:\n    image: a\n",
            ),
        ]);
        assert!(e.starts_with("include cycle detected:\n"), "{}", e);
    }
}

mod override_files {
    use super::*;

    #[test]
    fn default_override_file_is_merged() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  web:\n    image: nginx\n    command: [a, b]\n    entrypoint: /x\n    ports: [\"80:80\"]\n    expose: [\"1\"]\n    dns: [1.1.1.1]\n    environment: [A=1, B=1]\n    labels: {l1: a}\n    volumes: [\"./a:/data\", \"/cache\"]\n    secrets: [s]\n    extra_hosts: [\"h:1.1.1.1\"]\n    env_file: [a.env]\nsecrets:\n  s:\n    file: s.txt\n"),
            ("compose.override.yaml", "services:\n  web:\n    image: nginx:alpine\n    command: c\n    ports: [\"80:80\", \"443:443\"]\n    expose: [\"1\", \"2\"]\n    dns: 8.8.8.8\n    environment:\n      B: 2\n    labels: [l2=b]\n    volumes: [\"./b:/data\"]\n    secrets:\n      - source: s\n        target: /run/secrets/s\n        mode: 0400\n    extra_hosts: [\"h:1.1.1.1\", \"h2:2.2.2.2\"]\n    env_file: [a.env, b.env]\n"),
            ("a.env", "FA=1\n"),
            ("b.env", "FB=1\n"),
        ]);
        let w = &p.services["web"];
        assert_eq!(w.image.as_deref(), Some("nginx:alpine"));
        assert_eq!(w.command.as_deref().unwrap(), ["c"]);
        assert_eq!(w.entrypoint.as_deref().unwrap(), ["/x"]);
        assert_eq!(w.ports.len(), 2);
        assert_eq!(w.expose, vec!["1", "2"]);
        assert_eq!(w.dns, vec!["1.1.1.1", "8.8.8.8"]);
        assert_eq!(w.environment["A"], Some("1".into()));
        assert_eq!(w.environment["B"], Some("2".into()));
        assert_eq!(w.environment["FB"], Some("1".into()));
        assert_eq!(w.labels.len(), 2);
        assert_eq!(w.volumes.len(), 2);
        assert_eq!(w.volumes[0].source.as_deref(), Some(&*format!("{}/b", DIR)));
        assert_eq!(w.secrets.len(), 1);
        assert_eq!(w.secrets[0].mode, Some(0o400));
        assert_eq!(w.extra_hosts.len(), 2);
        assert_eq!(w.env_files.len(), 2);
        assert_eq!(p.compose_files.len(), 2);
        roundtrip(&p);
    }

    #[test]
    fn explicit_files_and_compose_file_env() {
        let files = [
            ("base.yml", "services:\n  web:\n    image: a\n"),
            ("prod.yml", "services:\n  web:\n    image: b\n"),
        ];
        let mut o = opts(DIR);
        o.files = vec!["base.yml".into(), "prod.yml".into()];
        assert_eq!(
            load_with(&files, o).project.unwrap().services["web"]
                .image
                .as_deref(),
            Some("b")
        );
        let mut o = opts(DIR);
        o.env
            .push(("COMPOSE_FILE".into(), "prod.yml:base.yml".into()));
        assert_eq!(
            load_with(&files, o).project.unwrap().services["web"]
                .image
                .as_deref(),
            Some("a")
        );
        let e = load_with(&files, opts(DIR)).error.unwrap();
        assert_eq!(e, "no configuration file provided: not found");
    }

    #[test]
    fn lookup_in_parent_directories() {
        let mut o = opts("/home/learner/projet/myapp/src/deep");
        o.env.clear();
        let l = load_with(
            &[(
                "/home/learner/projet/myapp/docker-compose.yml",
                "services:\n  web:\n    image: a\n",
            )],
            o,
        );
        let p = l.project.unwrap();
        assert_eq!(p.name, "myapp");
        assert_eq!(p.working_dir, DIR);
    }

    #[test]
    fn networks_and_depends_on_merge() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  web:\n    image: a\n    networks: [front]\n    depends_on: [db]\n  db:\n    image: b\n  cache:\n    image: c\nnetworks:\n  front:\n  back:\n"),
            ("compose.override.yaml", "services:\n  web:\n    networks:\n      back:\n        aliases: [w]\n    depends_on:\n      cache:\n        condition: service_healthy\n"),
        ]);
        let w = &p.services["web"];
        assert_eq!(w.networks.len(), 2);
        assert_eq!(w.depends_on.len(), 2);
        assert_eq!(
            w.depends_on["cache"].condition,
            DependencyCondition::ServiceHealthy
        );
    }
}

mod anchors {
    use super::*;

    #[test]
    fn merge_keys_and_aliases() {
        let p = project("x-env: &env\n  A: 1\nx-base: &base\n  image: busybox\n  restart: always\n  environment: *env\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n    restart: \"no\"\n  c:\n    <<: [*base]\n    image: other\n");
        assert_eq!(p.services["a"].restart.as_deref(), Some("always"));
        assert_eq!(p.services["a"].environment["A"], Some("1".into()));
        assert_eq!(p.services["b"].restart.as_deref(), Some("no"));
        assert_eq!(p.services["c"].image.as_deref(), Some("other"));
        roundtrip(&p);
    }

    #[test]
    fn alias_bomb_is_an_error() {
        let src = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\nservices: {}\n";
        let l = load_files(&[("compose.yaml", src)]);
        assert!(l.error.is_some());
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let src = format!(
            "services:\n  a:\n    image: x\n    x-deep: {}{}\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let l = load_files(&[("compose.yaml", &src)]);
        assert!(l.error.is_some());
    }
}

mod reset_override {
    use super::*;

    #[test]
    fn reset_removes_inherited_values() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  web:\n    image: a\n    ports: [\"80:80\"]\n    environment:\n      A: 1\n    command: [x]\n"),
            ("compose.override.yaml", "services:\n  web:\n    ports: !reset []\n    environment: !reset {}\n    command: !reset null\n"),
        ]);
        let w = &p.services["web"];
        assert!(w.ports.is_empty());
        assert!(w.environment.is_empty());
        assert_eq!(w.command, None);
        roundtrip(&p);
    }

    #[test]
    fn override_replaces_instead_of_merging() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  web:\n    image: a\n    ports: [\"80:80\"]\n    environment:\n      A: 1\n"),
            ("compose.override.yaml", "services:\n  web:\n    ports: !override [\"8080:80\"]\n    environment: !override\n      B: 2\n"),
        ]);
        let w = &p.services["web"];
        assert_eq!(w.ports.len(), 1);
        assert_eq!(w.ports[0].published.as_deref(), Some("8080"));
        assert!(!w.environment.contains_key("A"));
        assert_eq!(w.environment["B"], Some("2".into()));
    }
}
