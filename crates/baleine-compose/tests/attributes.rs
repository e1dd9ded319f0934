//! One module per attribute family, compose-go style: load a YAML string from
//! an in-memory file system, assert on the model, round-trip through
//! `config_yaml::render`.
mod common;
use common::*;

mod ports {
    use super::*;

    #[test]
    fn short_syntax() {
        let p = project("services:\n  web:\n    image: nginx\n    ports:\n      - \"127.0.0.1:8080:80\"\n      - \"80\"\n      - \"53:53/udp\"\n      - 9000\n");
        let ports = &p.services["web"].ports;
        assert_eq!(ports.len(), 4);
        assert_eq!(ports[0].host_ip.as_deref(), Some("127.0.0.1"));
        assert_eq!(ports[0].published.as_deref(), Some("8080"));
        assert_eq!(ports[0].target, 80);
        assert_eq!(ports[1].published, None);
        assert_eq!(ports[2].protocol, "udp");
        assert_eq!(ports[3].target, 9000);
        assert!(ports.iter().all(|p| p.mode == "ingress"));
        roundtrip(&p);
    }

    #[test]
    fn ranges() {
        let p = project("services:\n  web:\n    image: nginx\n    ports:\n      - \"8000-8005:8000-8005\"\n      - \"9090-9091:80\"\n");
        let ports = &p.services["web"].ports;
        assert_eq!(ports.len(), 7);
        assert_eq!(ports[5].target, 8005);
        assert_eq!(ports[6].published.as_deref(), Some("9090-9091"));
        roundtrip(&p);
    }

    #[test]
    fn long_syntax() {
        let p = project("services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 0.0.0.0\n        protocol: udp\n        mode: host\n");
        let port = &p.services["web"].ports[0];
        assert_eq!(port.published.as_deref(), Some("8080"));
        assert_eq!(port.mode, "host");
        assert_eq!(port.protocol, "udp");
        roundtrip(&p);
    }

    #[test]
    fn errors() {
        assert_eq!(error("services:\n  web:\n    image: nginx\n    ports: \"80:80\"\n"),
            "validating /home/learner/projet/myapp/compose.yaml: services.web.ports must be a list");
        assert_eq!(
            error("services:\n  web:\n    image: nginx\n    ports:\n      - \"80:abc\"\n"),
            "invalid containerPort: abc"
        );
    }

    #[test]
    fn duplicates_removed() {
        let p = project(
            "services:\n  web:\n    image: nginx\n    ports:\n      - 80:80\n      - 80:80\n",
        );
        assert_eq!(p.services["web"].ports.len(), 1);
    }
}

mod volumes {
    use super::*;

    #[test]
    fn short_syntax() {
        let p = project("services:\n  db:\n    image: postgres\n    volumes:\n      - ./config:/app/config:ro\n      - db-data:/var/lib/db\n      - /tmp\n      - ~/cache:/cache\nvolumes:\n  db-data:\n");
        let v = &p.services["db"].volumes;
        assert_eq!(v[0].kind, VolumeType::Bind);
        assert_eq!(
            v[0].source.as_deref(),
            Some("/home/learner/projet/myapp/config")
        );
        assert!(v[0].read_only);
        assert!(v[0].bind.as_ref().unwrap().create_host_path);
        assert_eq!(v[1].kind, VolumeType::Volume);
        assert_eq!(v[1].source.as_deref(), Some("db-data"));
        assert_eq!(v[2].source, None);
        assert_eq!(v[2].target, "/tmp");
        assert_eq!(v[3].source.as_deref(), Some("/home/learner/cache"));
        assert_eq!(p.volumes["db-data"].name, "myapp_db-data");
        roundtrip(&p);
    }

    #[test]
    fn long_syntax_and_top_level() {
        let p = project("services:\n  app:\n    image: x\n    volumes:\n      - type: bind\n        source: ./src\n        target: /src/\n      - type: tmpfs\n        target: /run\n        tmpfs:\n          size: 64m\nvolumes:\n  ext:\n    external: true\n  named:\n    name: custom\n    driver: local\n    labels: [a=b]\n");
        let v = &p.services["app"].volumes;
        assert_eq!(
            v[0].source.as_deref(),
            Some("/home/learner/projet/myapp/src")
        );
        assert_eq!(v[0].target, "/src");
        assert_eq!(v[1].tmpfs.as_ref().unwrap().size, Some(67_108_864));
        assert_eq!(p.volumes["ext"].name, "ext");
        assert!(p.volumes["ext"].external);
        assert_eq!(p.volumes["named"].name, "custom");
        assert_eq!(p.volumes["named"].labels["a"], "b");
        roundtrip(&p);
    }

    #[test]
    fn undefined_volume() {
        assert_eq!(
            error("services:\n  db:\n    image: x\n    volumes:\n      - data:/data\n"),
            "service \"db\" refers to undefined volume data: invalid compose project"
        );
    }

    #[test]
    fn external_conflict() {
        assert_eq!(error("services:\n  db:\n    image: x\nvolumes:\n  v:\n    external: true\n    driver: foo\n"),
            "volumes.v: conflicting parameters \"external\" and \"driver\" specified");
    }
}

mod environment {
    use super::*;

    #[test]
    fn list_and_map_forms() {
        let mut o = opts(DIR);
        o.env.push(("FROM_SHELL".into(), "shell".into()));
        let l = load_with(&[("compose.yaml", "services:\n  a:\n    image: x\n    environment:\n      - A=1\n      - FROM_SHELL\n      - UNSET\n  b:\n    image: x\n    environment:\n      B: 2\n      C: true\n      D:\n      FROM_SHELL:\n")], o);
        let p = l.project.unwrap();
        let a = &p.services["a"].environment;
        assert_eq!(a["A"], Some("1".into()));
        assert_eq!(a["FROM_SHELL"], Some("shell".into()));
        assert_eq!(a["UNSET"], None);
        let b = &p.services["b"].environment;
        assert_eq!(b["B"], Some("2".into()));
        assert_eq!(b["C"], Some("true".into()));
        assert_eq!(b["D"], None);
        assert_eq!(b["FROM_SHELL"], Some("shell".into()));
        roundtrip(&p);
    }

    #[test]
    fn env_file_forms() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  a:\n    image: x\n    env_file:\n      - a.env\n      - path: missing.env\n        required: false\n      - b.env\n    environment:\n      WIN: env\n"),
            ("a.env", "# comment\nexport X=1\nWIN=file\nQ=\"quoted value\"\n"),
            ("b.env", "X=2\nY=${X}\n"),
        ]);
        let env = &p.services["a"].environment;
        assert_eq!(env["X"], Some("2".into()));
        assert_eq!(env["Y"], Some("2".into()));
        assert_eq!(env["WIN"], Some("env".into()));
        assert_eq!(env["Q"], Some("quoted value".into()));
        assert_eq!(p.services["a"].env_files.len(), 3);
        assert!(!p.services["a"].env_files[1].required);
        roundtrip(&p);
    }

    #[test]
    fn env_file_string_form_and_missing() {
        let e = error("services:\n  a:\n    image: x\n    env_file: nope.env\n");
        assert_eq!(e, "env file /home/learner/projet/myapp/nope.env not found: stat /home/learner/projet/myapp/nope.env: no such file or directory");
    }

    #[test]
    fn trailing_space_in_key() {
        assert_eq!(
            error("services:\n  a:\n    image: x\n    environment:\n      - \"A =1\"\n"),
            "environment variable A  is declared with a trailing space"
        );
    }

    #[test]
    fn wrong_value_type() {
        assert_eq!(error("services:\n  a:\n    image: x\n    environment:\n      FOO: [1]\n"),
            "validating /home/learner/projet/myapp/compose.yaml: services.a.environment.FOO must be a string, number, boolean or null");
    }
}

mod depends_on {
    use super::*;

    #[test]
    fn list_and_map_forms() {
        let p = project("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on:\n      c:\n        condition: service_completed_successfully\n        restart: true\n        required: false\n  c:\n    image: x\n");
        let a = &p.services["a"].depends_on["b"];
        assert_eq!(a.condition, DependencyCondition::ServiceStarted);
        assert!(a.required);
        assert!(!a.restart);
        let b = &p.services["b"].depends_on["c"];
        assert_eq!(
            b.condition,
            DependencyCondition::ServiceCompletedSuccessfully
        );
        assert!(b.restart);
        assert!(!b.required);
        assert_eq!(graph::start_order(&p, &[]).unwrap(), vec!["c", "b", "a"]);
        roundtrip(&p);
    }

    #[test]
    fn undefined_and_cycles() {
        assert_eq!(
            error("services:\n  a:\n    image: x\n    depends_on: [nope]\n"),
            "service \"a\" depends on undefined service \"nope\": invalid compose project"
        );
        assert_eq!(error("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n"),
            "dependency cycle detected: a -> b -> a");
        assert_eq!(
            error("services:\n  a:\n    image: x\n    depends_on: [a]\n"),
            "dependency cycle detected: a -> a"
        );
        assert_eq!(error("services:\n  s1:\n    image: x\n    depends_on: [s2]\n  s2:\n    image: x\n    depends_on: [s3]\n  s3:\n    image: x\n    depends_on: [s1]\n"),
            "dependency cycle detected: s1 -> s2 -> s3 -> s1");
    }

    #[test]
    fn links_imply_dependencies() {
        let p = project(
            "services:\n  a:\n    image: x\n    links: [\"b:alias\"]\n  b:\n    image: x\n",
        );
        let d = &p.services["a"].depends_on["b"];
        assert!(d.restart && d.required);
    }
}

mod healthcheck {
    use super::*;

    #[test]
    fn string_and_list_forms() {
        let p = project("services:\n  a:\n    image: x\n    healthcheck:\n      test: curl -f http://localhost\n      interval: 1m30s\n      timeout: 500ms\n      start_period: 1h\n  b:\n    image: x\n    healthcheck:\n      test: [\"NONE\"]\n  c:\n    image: x\n    healthcheck:\n      disable: true\n");
        let h = p.services["a"].healthcheck.as_ref().unwrap();
        assert_eq!(h.test, vec!["CMD-SHELL", "curl -f http://localhost"]);
        assert_eq!(h.interval.unwrap().nanos(), 90_000_000_000);
        assert_eq!(h.timeout.unwrap().millis(), 500);
        assert_eq!(h.start_period.unwrap().to_string(), "1h0m0s");
        assert!(p.services["b"].healthcheck.as_ref().unwrap().is_disabled());
        assert!(p.services["c"].healthcheck.as_ref().unwrap().is_disabled());
        roundtrip(&p);
    }

    #[test]
    fn bad_test_and_duration() {
        assert_eq!(
            error(
                "services:\n  a:\n    image: x\n    healthcheck:\n      test: [\"CURL\", \"x\"]\n"
            ),
            "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\""
        );
        assert!(
            error("services:\n  a:\n    image: x\n    healthcheck:\n      interval: soon\n")
                .contains("invalid duration")
        );
    }

    #[test]
    fn test_is_replaced_by_override() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  a:\n    image: x\n    healthcheck:\n      test: [\"CMD\", \"a\", \"b\"]\n      retries: 3\n"),
            ("compose.override.yaml", "services:\n  a:\n    healthcheck:\n      test: [\"CMD\", \"c\"]\n"),
        ]);
        let h = p.services["a"].healthcheck.as_ref().unwrap();
        assert_eq!(h.test, vec!["CMD", "c"]);
        assert_eq!(h.retries, Some(3));
    }
}

mod networks {
    use super::*;

    #[test]
    fn default_network_added() {
        let p = project("services:\n  a:\n    image: x\n");
        assert!(p.services["a"].networks.contains_key("default"));
        assert_eq!(p.networks["default"].name, "myapp_default");
        roundtrip(&p);
    }

    #[test]
    fn service_network_options() {
        let p = project("services:\n  a:\n    image: x\n    networks:\n      back:\n        aliases: [db]\n        ipv4_address: 172.16.238.10\n        priority: 100\n      front:\nnetworks:\n  back:\n    driver: bridge\n    ipam:\n      config:\n        - subnet: 172.16.238.0/24\n  front:\n    external: true\n    name: real-front\n");
        let n = p.services["a"].networks["back"].as_ref().unwrap();
        assert_eq!(n.aliases, vec!["db"]);
        assert_eq!(n.ipv4_address.as_deref(), Some("172.16.238.10"));
        assert_eq!(n.priority, 100);
        assert!(p.services["a"].networks["front"].is_none());
        assert_eq!(
            p.networks["back"].ipam.as_ref().unwrap().config[0]
                .subnet
                .as_deref(),
            Some("172.16.238.0/24")
        );
        assert_eq!(p.networks["front"].name, "real-front");
        assert!(!p.networks.contains_key("default"));
        roundtrip(&p);
    }

    #[test]
    fn undefined_network() {
        assert_eq!(
            error("services:\n  web:\n    image: x\n    networks: [backend]\n"),
            "service \"web\" refers to undefined network backend: invalid compose project"
        );
    }

    #[test]
    fn network_mode() {
        let p = project("services:\n  a:\n    image: x\n    network_mode: host\n");
        assert!(p.services["a"].networks.is_empty());
        assert!(p.networks.is_empty());
        assert_eq!(error("services:\n  a:\n    image: x\n    network_mode: host\n    networks: [n]\nnetworks:\n  n:\n"),
            "service a declares mutually exclusive `network_mode` and `networks`: invalid compose project");
    }
}

mod build {
    use super::*;

    #[test]
    fn string_and_long_forms() {
        let p = project("services:\n  a:\n    build: .\n  b:\n    build:\n      context: ./b\n      dockerfile: Dockerfile.dev\n      target: dev\n      args:\n        - VERSION=1\n        - FROM_ENV\n      cache_from: [x]\n      labels:\n        l: v\n");
        let a = p.services["a"].build.as_ref().unwrap();
        assert_eq!(a.context, DIR);
        assert_eq!(a.dockerfile.as_deref(), Some("Dockerfile"));
        let b = p.services["b"].build.as_ref().unwrap();
        assert_eq!(b.context, format!("{}/b", DIR));
        assert_eq!(b.args["VERSION"], Some("1".into()));
        assert!(!b.args.contains_key("FROM_ENV"));
        assert_eq!(b.cache_from, vec!["x"]);
        assert_eq!(b.labels["l"], "v");
        assert_eq!(config_yaml::render_images(&p), "myapp-a\nmyapp-b\n");
        roundtrip(&p);
    }

    #[test]
    fn args_merged_by_key() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  a:\n    build:\n      context: .\n      args:\n        A: 1\n        B: 2\n"),
            ("compose.override.yaml", "services:\n  a:\n    build:\n      args:\n        - B=3\n        - C=4\n"),
        ]);
        let args = &p.services["a"].build.as_ref().unwrap().args;
        assert_eq!(args["A"], Some("1".into()));
        assert_eq!(args["B"], Some("3".into()));
        assert_eq!(args["C"], Some("4".into()));
    }

    #[test]
    fn neither_image_nor_build() {
        assert_eq!(error("services:\n  a:\n    command: x\n"),
            "service \"a\" has neither an image nor a build context specified: invalid compose project");
    }
}

mod deploy {
    use super::*;

    #[test]
    fn resources_and_policy() {
        let p = project("services:\n  a:\n    image: x\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          cpus: '0.5'\n          memory: 512M\n        reservations:\n          memory: 1g\n      restart_policy:\n        condition: on-failure\n        delay: 5s\n        max_attempts: 3\n");
        let d = p.services["a"].deploy.as_ref().unwrap();
        assert_eq!(d.replicas, Some(3));
        let lim = d.resources.limits.as_ref().unwrap();
        assert_eq!(lim.cpus, Some(0.5));
        assert_eq!(lim.memory, Some(536_870_912));
        assert_eq!(
            d.resources.reservations.as_ref().unwrap().memory,
            Some(1_073_741_824)
        );
        let rp = d.restart_policy.as_ref().unwrap();
        assert_eq!(rp.condition.as_deref(), Some("on-failure"));
        assert_eq!(rp.max_attempts, Some(3));
        assert_eq!(p.services["a"].get_scale(), 3);
        let out = config_yaml::render(&p);
        assert!(out.contains("          memory: \"536870912\"\n"), "{}", out);
        roundtrip(&p);
    }

    #[test]
    fn container_name_with_replicas() {
        assert_eq!(error("services:\n  web:\n    image: x\n    container_name: web\n    deploy:\n      replicas: 2\n"),
            "services.deploy.replicas: can't set container_name and web as container name must be unique: invalid compose project");
        assert_eq!(error("services:\n  web:\n    image: x\n    container_name: web\n    scale: 2\n"),
            "services.scale: can't set container_name and web as container name must be unique: invalid compose project");
    }

    #[test]
    fn scale_and_replicas_conflict() {
        assert_eq!(error("services:\n  web:\n    image: x\n    scale: 2\n    deploy:\n      replicas: 3\n"),
            "services.web: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project");
    }
}

mod profiles {
    use super::*;

    const SRC: &str = "services:\n  web:\n    image: x\n  debug:\n    image: x\n    profiles: [debug]\n  tools:\n    image: x\n    profiles: [tools, debug]\n";

    #[test]
    fn disabled_without_profile() {
        let p = project(SRC);
        assert_eq!(p.service_names(), vec!["web"]);
        assert_eq!(
            p.disabled_services.keys().collect::<Vec<_>>(),
            vec!["debug", "tools"]
        );
        assert_eq!(config_yaml::render_profiles(&p), "debug\ntools\n");
    }

    #[test]
    fn enabled_by_flag_and_env() {
        let mut o = opts(DIR);
        o.profiles = vec!["tools".into()];
        let p = load_with(&[("compose.yaml", SRC)], o).project.unwrap();
        assert_eq!(p.service_names(), vec!["tools", "web"]);
        let mut o = opts(DIR);
        o.env.push(("COMPOSE_PROFILES".into(), "debug".into()));
        let p = load_with(&[("compose.yaml", SRC)], o).project.unwrap();
        assert_eq!(p.service_names(), vec!["debug", "tools", "web"]);
        let p2 = load_with(
            &[("compose.yaml", SRC), (".env", "COMPOSE_PROFILES=*\n")],
            opts(DIR),
        )
        .project
        .unwrap();
        assert_eq!(p2.service_names().len(), 3);
        roundtrip(&p);
    }

    #[test]
    fn dependency_on_disabled_service() {
        let src = "services:\n  web:\n    image: x\n    depends_on: [debug]\n  debug:\n    image: x\n    profiles: [debug]\n";
        assert_eq!(
            error(src),
            "service \"web\" depends on undefined service \"debug\": invalid compose project"
        );
        let src = "services:\n  web:\n    image: x\n    depends_on:\n      debug:\n        condition: service_started\n        required: false\n  debug:\n    image: x\n    profiles: [debug]\n";
        let p = project(src);
        assert_eq!(graph::start_order(&p, &[]).unwrap(), vec!["web"]);
    }
}

mod misc_service_attributes {
    use super::*;

    #[test]
    fn scalars_and_lists() {
        let p = project("services:\n  a:\n    image: x\n    container_name: my-a\n    hostname: host\n    user: \"1000:1000\"\n    working_dir: /app\n    init: true\n    tty: true\n    stdin_open: true\n    privileged: true\n    read_only: true\n    restart: always\n    stop_grace_period: 1m30s\n    stop_signal: SIGTERM\n    entrypoint: [\"/bin/sh\", \"-c\"]\n    command: echo \"hello world\" 'single' && ignored\n    extra_hosts:\n      - \"somehost:162.242.195.82\"\n      - \"other=10.0.0.1\"\n    dns: 8.8.8.8\n    dns_search: [example.com]\n    tmpfs: /run\n    cap_add: [NET_ADMIN]\n    labels:\n      - com.example=1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n    expose: [\"3000\", 4000]\n    mem_limit: 1g\n    ulimits:\n      nofile:\n        soft: 1024\n        hard: 2048\n      nproc: 65535\n");
        let a = &p.services["a"];
        assert_eq!(a.container_name.as_deref(), Some("my-a"));
        assert_eq!(a.user.as_deref(), Some("1000:1000"));
        assert_eq!(a.init, Some(true));
        assert!(a.tty && a.stdin_open && a.privileged && a.read_only);
        assert_eq!(a.stop_grace_period, Some(Duration(90_000_000_000)));
        assert_eq!(
            a.command.as_deref().unwrap(),
            ["echo", "hello world", "single"]
        );
        assert_eq!(a.entrypoint.as_deref().unwrap(), ["/bin/sh", "-c"]);
        assert_eq!(a.extra_hosts["somehost"], vec!["162.242.195.82"]);
        assert_eq!(a.dns, vec!["8.8.8.8"]);
        assert_eq!(a.tmpfs, vec!["/run"]);
        assert_eq!(a.labels["com.example"], "1");
        assert_eq!(a.logging.as_ref().unwrap().options["max-size"], "10m");
        assert_eq!(a.expose, vec!["3000", "4000"]);
        assert_eq!(a.mem_limit, Some(1_073_741_824));
        assert_eq!(a.ulimits["nofile"].soft, Some(1024));
        assert_eq!(a.ulimits["nproc"].single, Some(65535));
        roundtrip(&p);
    }

    #[test]
    fn secrets_and_configs() {
        let p = project_files(&[
            ("compose.yaml", "services:\n  a:\n    image: x\n    secrets:\n      - db_pass\n      - source: api\n        target: /etc/api\n        mode: 0400\n    configs: [conf]\nsecrets:\n  db_pass:\n    file: ./db_pass.txt\n  api:\n    environment: API_KEY\nconfigs:\n  conf:\n    content: hello\n"),
        ]);
        let a = &p.services["a"];
        assert_eq!(a.secrets[0].target.as_deref(), Some("/run/secrets/db_pass"));
        assert_eq!(a.secrets[1].mode, Some(0o400));
        assert_eq!(
            p.secrets["db_pass"].file.as_deref(),
            Some("/home/learner/projet/myapp/db_pass.txt")
        );
        assert_eq!(p.configs["conf"].content.as_deref(), Some("hello"));
        assert_eq!(
            error("services:\n  a:\n    image: x\n    secrets: [nope]\n"),
            "service \"a\" refers to undefined secret nope: invalid compose project"
        );
        roundtrip(&p);
    }

    #[test]
    fn unknown_attribute() {
        assert_eq!(error("services:\n  web:\n    image: nginx\n    foo: bar\n"),
            "validating /home/learner/projet/myapp/compose.yaml: services.web Additional property foo is not allowed");
    }

    #[test]
    fn extensions_are_kept() {
        let p = project(
            "x-common: &c\n  image: busybox\nservices:\n  a:\n    <<: *c\n    x-note: hi\n",
        );
        assert_eq!(p.services["a"].image.as_deref(), Some("busybox"));
        assert!(p.services["a"].extensions.contains_key("x-note"));
        assert!(p.extensions.contains_key("x-common"));
        roundtrip(&p);
    }
}
