mkdir -p ~/projet/shop && cd ~/projet/shop
cat > compose.yaml <<'X'
services:
  db:
    image: postgres:15-alpine
    environment:
      POSTGRES_PASSWORD: secret
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 2s
      retries: 5
  web:
    image: nginx:alpine
    ports:
      - "8080:80"
    depends_on:
      db:
        condition: service_healthy
X
docker compose config --services
docker compose up -d 2>&1 | grep -v Pulled
docker compose ps --format '{{.Service}} {{.State}}'
docker compose exec -T db psql -U postgres -c 'SELECT 1'
docker compose exec web ping -c 1 db | head -2
docker compose logs --tail 1 db
docker compose down
docker compose ps -a
