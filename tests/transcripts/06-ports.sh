docker run -d --name web -p 8080:80 nginx
sleep 1
curl -s http://localhost:8080 | grep title
docker port web
docker run -d --name web2 -p 8080:80 nginx
echo "exit=$?"
curl -s http://localhost:9999
echo "exit=$?"
