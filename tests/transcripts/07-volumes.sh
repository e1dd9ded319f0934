docker volume create data
docker run --rm -v data:/data alpine sh -c 'echo persisted > /data/note.txt'
docker run --rm -v data:/data alpine cat /data/note.txt
docker volume ls
docker run --rm -v data:/data:ro alpine touch /data/x
echo "exit=$?"
mkdir -p site && echo 'hello from the host' > site/index.html
docker run -d --name static -p 8081:80 -v $(pwd)/site:/usr/share/nginx/html:ro nginx:alpine
sleep 1
curl -s localhost:8081
docker run --rm -v data:/data -v $(pwd):/backup alpine tar czf /backup/backup.tar.gz -C /data .
ls
