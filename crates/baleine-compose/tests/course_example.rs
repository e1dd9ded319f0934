mod common;
use common::*;

pub const COURSE: &str = r#"
services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: secret
      POSTGRES_DB: appdb
    volumes:
      - pgdata:/var/lib/postgresql/data
    networks:
      - backend
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app -d appdb"]
      interval: 10s
      timeout: 5s
      retries: 5
      start_period: 30s
    restart: unless-stopped

  redis:
    image: redis:7-alpine
    command: redis-server --appendonly yes
    volumes:
      - redisdata:/data
    networks:
      - backend
    restart: unless-stopped

  backend:
    build:
      context: ./backend
      target: production
    env_file: ./backend/.env
    environment:
      DATABASE_URL: postgres://app:secret@db:5432/appdb
      REDIS_URL: redis://redis:6379
    depends_on:
      db:
        condition: service_healthy
      redis:
        condition: service_started
    networks:
      - backend
      - frontend
    restart: unless-stopped

  frontend:
    build: ./frontend
    depends_on:
      - backend
    networks:
      - frontend

  nginx:
    image: nginx:1.27-alpine
    ports:
      - "80:80"
    volumes:
      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro
    depends_on:
      - frontend
      - backend
    networks:
      - frontend

networks:
  frontend:
  backend:

volumes:
  pgdata:
  redisdata:
"#;

fn course() -> Loaded {
    load_files(&[
        ("compose.yaml", COURSE),
        (
            "backend/.env",
            "NODE_ENV=production\nPORT=3000\nREDIS_URL=overridden-by-environment\n",
        ),
    ])
}

#[test]
fn course_example_loads_without_errors() {
    let l = course();
    assert_eq!(l.error, None);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    let p = l.project.unwrap();
    assert_eq!(p.name, "myapp");
    assert_eq!(
        p.service_names(),
        vec!["backend", "db", "frontend", "nginx", "redis"]
    );
    let backend = &p.services["backend"];
    let build = backend.build.as_ref().unwrap();
    assert_eq!(build.context, "/home/learner/projet/myapp/backend");
    assert_eq!(build.target.as_deref(), Some("production"));
    assert_eq!(build.dockerfile.as_deref(), Some("Dockerfile"));
    assert_eq!(backend.environment["NODE_ENV"], Some("production".into()));
    assert_eq!(
        backend.environment["REDIS_URL"],
        Some("redis://redis:6379".into())
    );
    assert_eq!(
        backend.depends_on["db"].condition,
        DependencyCondition::ServiceHealthy
    );
    let db = &p.services["db"];
    let hc = db.healthcheck.as_ref().unwrap();
    assert_eq!(hc.test, vec!["CMD-SHELL", "pg_isready -U app -d appdb"]);
    assert_eq!(hc.interval, Some(Duration(10_000_000_000)));
    assert_eq!(hc.retries, Some(5));
    assert_eq!(
        p.services["redis"].command.as_deref().unwrap(),
        ["redis-server", "--appendonly", "yes"]
    );
    assert_eq!(p.networks["backend"].name, "myapp_backend");
    assert_eq!(p.volumes["pgdata"].name, "myapp_pgdata");
    assert!(!p.networks.contains_key("default"));
    let nginx = &p.services["nginx"];
    assert_eq!(
        nginx.volumes[0].source.as_deref(),
        Some("/home/learner/projet/myapp/nginx/nginx.conf")
    );
    assert!(nginx.volumes[0].read_only);
    assert_eq!(
        graph::start_order(&p, &[]).unwrap(),
        vec!["db", "redis", "backend", "frontend", "nginx"]
    );
    assert_eq!(
        graph::start_order(&p, &["frontend".into()]).unwrap(),
        vec!["db", "redis", "backend", "frontend"]
    );
    assert_eq!(
        graph::stop_order(&p, &[]).unwrap(),
        vec!["nginx", "frontend", "backend", "redis", "db"]
    );
    roundtrip(&p);
}

#[test]
fn course_example_config_listing() {
    let p = course().project.unwrap();
    assert_eq!(
        config_yaml::render_services(&p),
        "db\nredis\nbackend\nfrontend\nnginx\n"
    );
    assert_eq!(config_yaml::render_volumes(&p), "pgdata\nredisdata\n");
    assert_eq!(
        config_yaml::render_images(&p),
        "myapp-backend\npostgres:16-alpine\nmyapp-frontend\nnginx:1.27-alpine\nredis:7-alpine\n"
    );
    assert_eq!(config_yaml::render_profiles(&p), "");
    println!("{}", config_yaml::render(&p));
}
