docker run --rm -w /tmp alpine pwd
docker run --rm --user nobody alpine whoami
docker run --rm -e GREETING=hello alpine sh -c 'echo "$GREETING world"'
docker run --rm --entrypoint echo alpine overridden
docker run --rm alpine sh -c 'exit 3'
echo "exit=$?"
docker run --rm alpine bash
echo "exit=$?"
docker run --frobnicate alpine
echo "exit=$?"
docker run
echo "exit=$?"
