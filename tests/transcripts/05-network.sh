docker network create appnet
docker run -d --name db --network appnet --network-alias database alpine sleep 3600
docker run --rm --network appnet alpine ping -c 1 db
docker run --rm --network appnet alpine nslookup database
docker run --rm alpine ping -c 1 db
echo "exit=$?"
docker run -d --name target alpine sleep 3600
docker inspect -f '{{.NetworkSettings.IPAddress}}' target
docker network ls
docker network rm appnet
echo "exit=$?"
