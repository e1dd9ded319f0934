docker pull alpine
docker pull alpine
docker pull nginx:alpine
docker tag alpine myalpine:v1
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'
docker rmi myalpine:v1
docker pull nosuchimage
echo "exit=$?"
docker history alpine --format '{{.CreatedBy}}'
