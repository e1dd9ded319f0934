cp -r ~/exemples/node-app ~/projet/app && cd ~/projet/app
docker build -t mon-app:v1.0 . 2>&1 | grep -E 'CACHED|RUN|COPY|naming'
echo 'console.log("v2");' >> server.js
docker build --progress=plain -t mon-app:v1.1 . 2>&1 | grep -E '^#[0-9]+ (\[|CACHED)'
docker build --explain -t mon-app:v1.1 . 2>/dev/null
docker images mon-app --format '{{.Tag}} {{.Size}}'
docker history mon-app:v1.1 --format '{{.CreatedBy}} {{.Size}}' | head -6
docker run -d --name app -p 3000:3000 mon-app:v1.1
sleep 1
curl -s localhost:3000
echo
cat > Dockerfile.bad <<'X'
FROM node:18-alpine
RUNN echo nope
X
docker build -f Dockerfile.bad -t bad .
echo "exit=$?"
