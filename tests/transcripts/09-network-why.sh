docker network create front
docker network create back
docker run -d --name web --network front nginx:alpine
docker run -d --name db --network back -e POSTGRES_PASSWORD=x postgres:15-alpine
docker run -d --name lonely alpine sleep 1000
docker run -d --name other alpine sleep 1000
sleep 3
baleine why web db
baleine why lonely other
baleine why web nosuchname
docker network connect back web
baleine why web db
docker exec web nc -z -v db 5432
docker exec web nc -z -v db 80
docker network create --internal closed
docker run -d --name shut --network closed alpine sleep 1000
baleine why shut example.com
docker stop db
baleine why web db
