docker run hello-world
docker ps -a --format '{{.Image}} {{.Command}} {{.Status}}'
docker run -d --name web nginx:alpine
docker ps --format '{{.Names}} {{.Status}} {{.Ports}}'
docker stop web
docker ps -a --filter name=web --format '{{.Names}}: {{.Status}}'
docker start web
docker pause web
docker ps --format '{{.Names}}: {{.Status}}'
docker unpause web
docker kill web
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web
docker rm web
docker rm ghost
echo "exit=$?"
