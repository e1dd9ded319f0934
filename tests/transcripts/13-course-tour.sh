# Chapitres 2-3 : images et conteneurs
cp -r ~/exemples/node-app ~/projet/mon-app && cd ~/projet/mon-app
docker build -t mon-app:v1.0 . 2>/dev/null
docker images mon-app
docker tag mon-app:v1.0 username/mon-app:v1.0
docker push username/mon-app:v1.0
docker login -u username --password-stdin <<< secret
docker push username/mon-app:v1.0 | tail -1
docker rmi username/mon-app:v1.0
docker pull username/mon-app:v1.0 | tail -1
docker create --name mon-conteneur mon-app:v1.0
docker start mon-conteneur
docker exec mon-conteneur ls /app
docker logs mon-conteneur
docker cp mon-conteneur:/app/server.js ./copie.js && head -1 copie.js
docker top mon-conteneur | head -1
docker rm -f mon-conteneur
# Chapitre 4 : volumes
docker volume create mon-volume
docker run --rm -v mon-volume:/data alpine sh -c 'echo sauvegarde > /data/note.txt'
docker run --rm -v mon-volume:/data -v $(pwd):/backup alpine tar czf /backup/backup.tar.gz -C /data .
docker volume rm mon-volume && docker volume create mon-volume
docker run --rm -v mon-volume:/data -v $(pwd):/backup alpine tar xzf /backup/backup.tar.gz -C /data
docker run --rm -v mon-volume:/data alpine cat /data/note.txt
# Chapitre 5 : réseaux (exemple multi-conteneurs)
docker network create app-net
docker run -d --name postgres --network app-net -v pgdata:/var/lib/postgresql/data -e POSTGRES_PASSWORD=secret postgres:15
docker run -d --name api --network app-net -e DATABASE_URL=postgres://postgres:secret@postgres:5432/mydb mon-app:v1.0
sleep 3
docker exec api sh -c 'nc -z -v postgres 5432'
# Chapitre 6 : variables d'environnement
docker run --rm -e NODE_ENV=production -e "CONNECTION_STRING=Server=db;Port=5432" alpine sh -c 'echo $NODE_ENV $CONNECTION_STRING'
docker exec api env | grep -c DATABASE_URL
# Chapitre 10 : production
docker build --target production -t prod-test ~/exemples/stack/backend 2>/dev/null
docker images prod-test --format '{{.Repository}} {{.Size}}'
docker system df
