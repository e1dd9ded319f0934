//! The host's files at start: a small Ubuntu-like system with the docker
//! client, the learner's home, and the course's example projects.

use std::sync::Arc;

use baleine_engine::World;
use baleine_vfs::{Content, Meta};

const COREUTILS: &[&str] = &[
    "ls", "cat", "echo", "mkdir", "rm", "rmdir", "touch", "cp", "mv", "ln", "head", "tail", "wc", "sort", "uniq", "cut", "tr", "tee", "env", "printenv", "basename", "dirname", "date", "sleep", "whoami", "id", "groups", "uname", "hostname", "df", "du", "stat", "seq", "yes", "md5sum", "sha256sum", "base64", "nproc", "true", "false", "grep", "sed", "awk", "find", "xargs", "tar", "gzip", "gunzip", "which", "clear", "free", "printf", "test", "chmod", "chown", "less", "more", "diff", "zcat", "realpath", "readlink",
];

/// (path, program kind) of the host's other programs.
const PROGRAMS: &[(&str, &str)] = &[
    ("/usr/bin/docker", "docker"),
    ("/usr/local/bin/baleine", "baleine"),
    ("/usr/local/bin/docker-compose", "docker-compose"),
    ("/usr/bin/curl", "curl"),
    ("/usr/bin/wget", "wget"),
    ("/usr/bin/ping", "ping-iputils"),
    ("/usr/bin/nslookup", "nslookup-bind"),
    ("/usr/bin/dig", "dig"),
    ("/usr/bin/nc", "nc"),
    ("/usr/sbin/ip", "ip"),
    ("/usr/bin/systemctl", "systemctl"),
    ("/usr/sbin/service", "systemctl"),
    ("/usr/bin/sudo", "sudo"),
    ("/usr/bin/git", "git"),
    ("/usr/bin/getent", "getent"),
    ("/usr/bin/ps", "ps"),
    ("/usr/bin/python3", "python"),
    ("/bin/bash", "bash"),
    ("/bin/sh", "dash"),
];

fn text(world: &mut World, path: &str, body: &str) {
    let host = world.host_tree;
    if let Some(t) = world.forest.get_mut(host) {
        let _ = t.write(path, Content::text(body), Meta { mode: 0o644, uid: 1000, gid: 1000, mtime: world.epoch_secs }, true);
    }
}

pub fn populate_host(world: &mut World, examples: bool) {
    let host = world.host_tree;
    let epoch = world.epoch_secs;
    if let Some(t) = world.forest.get_mut(host) {
        for u in COREUTILS {
            let _ = t.write(&format!("/usr/bin/{u}"), Content::Opaque { kind: Arc::from("coreutils"), size: 40_000 }, Meta::exec(), true);
        }
        for (p, k) in PROGRAMS {
            let _ = t.write(p, Content::Opaque { kind: Arc::from(*k), size: 1_000_000 }, Meta::exec(), true);
        }
        for d in ["/tmp", "/var/lib/docker", "/proc", "/sys", "/etc/docker", "/home/learner/projet"] {
            let _ = t.mkdir(d, true);
        }
        let _ = t.put("/tmp", baleine_vfs::Node::Dir(Arc::new(baleine_vfs::Dir { entries: Default::default(), meta: Some(Meta { mode: 0o1777, ..Meta::dir() }) })), true);
        let _ = t.write("/etc/os-release", Content::text("PRETTY_NAME=\"Ubuntu 24.04.1 LTS (baleine)\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nVERSION=\"24.04.1 LTS (Noble Numbat)\"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL=\"https://www.ubuntu.com/\"\n"), Meta::file(), true);
        let _ = t.write("/etc/hostname", Content::text("baleine\n"), Meta::file(), true);
        let _ = t.write("/etc/passwd", Content::text("root:x:0:0:root:/root:/bin/bash\nlearner:x:1000:1000:Learner,,,:/home/learner:/bin/bash\n"), Meta::file(), true);
        let _ = t.write("/etc/hosts", Content::text("127.0.0.1\tlocalhost\n127.0.1.1\tbaleine\n"), Meta::file(), true);
        // Ubuntu's adduser gives the learner a group of the same name; the
        // docker group lets them run docker without sudo.
        let _ = t.write("/etc/group", Content::text("root:x:0:\nadm:x:4:learner\nsudo:x:27:learner\nusers:x:100:\ndocker:x:999:learner\nlearner:x:1000:\n"), Meta::file(), true);
        let _ = t.write("/home/learner/.bashrc", Content::text("# ~/.bashrc\nalias ll='ls -alF'\n"), Meta { mode: 0o644, uid: 1000, gid: 1000, mtime: epoch }, true);
    }
    text(world, "/home/learner/LISEZMOI.txt", "Bienvenue dans baleine : un Docker simulé dans votre navigateur.\n\nVotre dossier de travail est ~/projet. Des projets d'exemple du cours sont dans ~/exemples :\n  node-app     une application Node.js (Dockerfile optimisé, multi-stage)\n  go-app       une application Go (multi-stage vers alpine et distroless)\n  python-app   une application Python (multi-stage)\n  stack        la pile Docker Compose du cours (postgres, redis, backend, frontend, nginx)\n  monitoring   Prometheus + Grafana\n\nEssayez : cd ~/exemples/node-app && docker build -t mon-app:v1.0 .\n");
    if examples {
        for (path, body) in EXAMPLES {
            text(world, &format!("/home/learner/exemples/{path}"), body);
        }
    }
    // The machine was installed before the session began; the learner owns
    // their home and everything in it.
    if let Some(t) = world.forest.get_mut(host) {
        *t = t.stamped(epoch, Some(("/home/learner", 1000, 1000)));
    }
}

/// The course's example projects (paths relative to ~/exemples).
pub const EXAMPLES: &[(&str, &str)] = &[
    ("node-app/package.json", "{\n  \"name\": \"mon-app\",\n  \"version\": \"1.0.0\",\n  \"main\": \"server.js\",\n  \"scripts\": {\n    \"start\": \"node server.js\",\n    \"build\": \"mkdir -p dist && cp server.js dist/server.js\",\n    \"dev\": \"node server.js\",\n    \"test\": \"node -e \\\"console.log('tests ok')\\\"\"\n  },\n  \"dependencies\": {\n    \"express\": \"^4.21.1\"\n  },\n  \"devDependencies\": {\n    \"nodemon\": \"^3.1.7\"\n  }\n}\n"),
    ("node-app/package-lock.json", "{\n  \"name\": \"mon-app\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true\n}\n"),
    ("node-app/server.js", "const express = require('express');\nconst app = express();\nconst PORT = process.env.PORT || 3000;\n\napp.get('/', (req, res) => res.send('Bonjour depuis mon-app !'));\napp.get('/health', (req, res) => res.json({ status: 'ok' }));\n\napp.listen(PORT, () => console.log(`Serveur démarré sur le port ${PORT}`));\n"),
    ("node-app/.dockerignore", "node_modules\nnpm-debug.log\n.git\n.env\n*.log\n"),
    ("node-app/Dockerfile", "FROM node:18-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]\n"),
    ("go-app/go.mod", "module example.com/app\n\ngo 1.21\n"),
    ("go-app/main.go", "package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"net/http\"\n)\n\nfunc main() {\n\thttp.HandleFunc(\"/\", func(w http.ResponseWriter, r *http.Request) {\n\t\tfmt.Fprint(w, \"Bonjour depuis Go !\")\n\t})\n\tlog.Println(\"listening on :8080\")\n\tlog.Fatal(http.ListenAndServe(\":8080\", nil))\n}\n"),
    ("go-app/Dockerfile", "# Build stage\nFROM golang:1.21 AS builder\nWORKDIR /app\nCOPY go.* ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 GOOS=linux go build -o main .\n\n# Production stage\nFROM alpine:3.19\nRUN apk --no-cache add ca-certificates\nWORKDIR /root/\nCOPY --from=builder /app/main .\nCMD [\"./main\"]\n"),
    ("python-app/requirements.txt", "flask==3.0.3\n"),
    ("python-app/app.py", "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route(\"/\")\ndef hello():\n    return \"Bonjour depuis Flask !\"\n\nif __name__ == \"__main__\":\n    app.run(host=\"0.0.0.0\", port=5000)\n"),
    ("python-app/Dockerfile", "# Build stage\nFROM python:3.11 AS builder\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --user --no-cache-dir -r requirements.txt\n\n# Production stage\nFROM python:3.11-slim\nWORKDIR /app\nCOPY --from=builder /root/.local /root/.local\nCOPY . .\nENV PATH=/root/.local/bin:$PATH\nCMD [\"python\", \"app.py\"]\n"),
    ("stack/docker-compose.yml", "services:\n  database:\n    image: postgres:15-alpine\n    container_name: my-postgres\n    environment:\n      POSTGRES_DB: myapp\n      POSTGRES_USER: admin\n      POSTGRES_PASSWORD: secret\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro\n    networks:\n      - backend\n    ports:\n      - \"5432:5432\"\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U admin\"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n\n  redis:\n    image: redis:7-alpine\n    container_name: my-redis\n    command: redis-server --appendonly yes\n    volumes:\n      - redisdata:/data\n    networks:\n      - backend\n    ports:\n      - \"6379:6379\"\n\n  backend:\n    build:\n      context: ./backend\n      dockerfile: Dockerfile\n      target: production\n    container_name: my-backend\n    environment:\n      DATABASE_URL: postgres://admin:secret@database:5432/myapp\n      REDIS_URL: redis://redis:6379\n      NODE_ENV: production\n    env_file:\n      - ./backend/.env\n    depends_on:\n      database:\n        condition: service_healthy\n      redis:\n        condition: service_started\n    networks:\n      - backend\n      - frontend\n    ports:\n      - \"8000:8000\"\n    volumes:\n      - ./backend/logs:/app/logs\n    restart: unless-stopped\n\n  frontend:\n    build:\n      context: ./frontend\n      dockerfile: Dockerfile\n    container_name: my-frontend\n    environment:\n      API_URL: http://backend:8000\n    depends_on:\n      - backend\n    networks:\n      - frontend\n    ports:\n      - \"3000:3000\"\n    restart: unless-stopped\n\n  nginx:\n    image: nginx:alpine\n    container_name: my-nginx\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./nginx/ssl:/etc/nginx/ssl:ro\n    depends_on:\n      - frontend\n      - backend\n    networks:\n      - frontend\n    ports:\n      - \"80:80\"\n      - \"443:443\"\n    restart: unless-stopped\n\nvolumes:\n  pgdata:\n    driver: local\n  redisdata:\n    driver: local\n\nnetworks:\n  frontend:\n    driver: bridge\n  backend:\n    driver: bridge\n"),
    ("stack/init.sql", "CREATE TABLE IF NOT EXISTS visites (id SERIAL PRIMARY KEY, vu_le TIMESTAMP DEFAULT now());\n"),
    ("stack/backend/.env", "LOG_LEVEL=info\n"),
    ("stack/backend/package.json", "{\n  \"name\": \"backend\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {\n    \"build\": \"mkdir -p dist && cp server.js dist/server.js\",\n    \"start\": \"node dist/server.js\",\n    \"test\": \"node -e \\\"console.log('tests ok')\\\"\"\n  },\n  \"dependencies\": {\n    \"express\": \"^4.21.1\",\n    \"pg\": \"^8.13.1\",\n    \"redis\": \"^4.7.0\"\n  }\n}\n"),
    ("stack/backend/package-lock.json", "{\n  \"name\": \"backend\",\n  \"lockfileVersion\": 3,\n  \"requires\": true\n}\n"),
    ("stack/backend/server.js", "const express = require('express');\nconst app = express();\napp.get('/api', (req, res) => res.json({ message: 'API backend' }));\napp.get('/health', (req, res) => res.json({ status: 'ok' }));\napp.listen(8000, () => console.log('API sur le port 8000'));\n"),
    ("stack/backend/Dockerfile", "FROM node:18-alpine AS base\nWORKDIR /app\nCOPY package*.json ./\n\nFROM base AS development\nRUN npm install\nCOPY . .\nCMD [\"npm\", \"run\", \"dev\"]\n\nFROM base AS builder\nRUN npm install\nCOPY . .\nRUN npm run build\n\nFROM node:18-alpine AS production\nWORKDIR /app\nCOPY --from=builder /app/dist ./dist\nCOPY --from=builder /app/node_modules ./node_modules\nEXPOSE 8000\nCMD [\"node\", \"dist/server.js\"]\n"),
    ("stack/frontend/package.json", "{\n  \"name\": \"frontend\",\n  \"version\": \"1.0.0\",\n  \"scripts\": { \"start\": \"node server.js\" },\n  \"dependencies\": { \"express\": \"^4.21.1\" }\n}\n"),
    ("stack/frontend/server.js", "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('<h1>Frontend</h1>'));\napp.listen(3000, () => console.log('Frontend sur le port 3000'));\n"),
    ("stack/frontend/Dockerfile", "FROM node:18-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]\n"),
    ("stack/nginx/nginx.conf", "events {}\n\nhttp {\n  server {\n    listen 80;\n    location /api {\n      proxy_pass http://backend:8000;\n    }\n    location / {\n      proxy_pass http://frontend:3000;\n    }\n  }\n}\n"),
    ("stack/nginx/ssl/README", "Placez ici cert.pem et key.pem.\n"),
    ("monitoring/docker-compose.yml", "services:\n  prometheus:\n    image: prom/prometheus\n    volumes:\n      - ./prometheus.yml:/etc/prometheus/prometheus.yml\n      - prometheus-data:/prometheus\n    ports:\n      - \"9090:9090\"\n\n  grafana:\n    image: grafana/grafana\n    volumes:\n      - grafana-data:/var/lib/grafana\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=secret\n    ports:\n      - \"3000:3000\"\n    depends_on:\n      - prometheus\n\nvolumes:\n  prometheus-data:\n  grafana-data:\n"),
    ("monitoring/prometheus.yml", "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: ['localhost:9090']\n"),
];
