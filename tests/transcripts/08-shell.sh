echo "home is $HOME"
cd /tmp && pwd
cd - > /dev/null
mkdir -p a/b && touch a/b/c.txt && ls a/b
cat > f.txt <<'END'
line $ONE
line two
END
cat f.txt | grep -c line
printf '%s-%s\n' x y
false || echo "status $?"
X=1 && echo ${X:-none} ${Y:-none}
nosuchcommand
echo "exit=$?"
echo 'unclosed
