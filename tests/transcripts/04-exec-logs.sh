docker run -d --name box alpine sleep 3600
docker exec box cat /etc/os-release
docker exec box sh -c 'echo hi > /tmp/x; cat /tmp/x'
docker exec box bash
echo "exit=$?"
docker run --name talker alpine sh -c 'echo one; echo two; echo three'
docker logs --tail 2 talker
docker diff box
