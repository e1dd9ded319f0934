docker run -d --name crash --restart on-failure:2 alpine sh -c 'echo starting; exit 1'
sleep 5
docker ps -a --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.RestartCount}} {{.State.ExitCode}}' crash
docker logs crash
docker run -d --name always --restart always alpine sh -c 'sleep 2; exit 3'
sleep 1
docker ps --format '{{.Names}} {{.Status}}'
docker run -d --name sick --health-cmd 'false' --health-interval 1s --health-retries 2 alpine sleep 1000
sleep 3
docker ps --format '{{.Names}} {{.Status}}' --filter name=sick
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' sick
docker run -d --name web --health-cmd 'wget -qO- localhost || exit 1' --health-interval 2s nginx:alpine
sleep 3
docker ps --format '{{.Names}} {{.Status}}' --filter name=web
docker stop -t 2 always
docker stop web
docker ps -a --format '{{.Names}} {{.Status}}' --filter name=web
