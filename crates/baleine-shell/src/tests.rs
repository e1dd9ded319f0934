//! Integration-style tests of the interpreter and utilities against an
//! in-memory test double of [`System`].

use std::sync::Arc;

use baleine_vfs::{view_list, view_node, view_stat, Content, Forest, Fs, FsResult, FsView, Meta, Mount, Node, Stat, Tree};

use crate::{parse, Flavor, Invocation, Output, Shell, Stream, System};

/// Test double: a forest + view, a clock advanced by `sleep`, and a few
/// "system programs" (`docker`, `nginx`).
/// One call of `run_program`: argv, path, kind, stdin.
pub(crate) type Call = (Vec<String>, Option<String>, Option<String>, Option<Vec<u8>>);

pub(crate) struct TestSys {
    pub forest: Forest,
    pub view: FsView,
    pub time: f64,
    pub all_utilities: bool,
    pub calls: Vec<Call>,
}

pub(crate) const NOW: u64 = 1_795_594_299; // Wed Nov 25 08:11:39 UTC 2026

impl TestSys {
    /// A host-like machine: every utility available, /home/learner.
    pub(crate) fn host() -> TestSys {
        let mut forest = Forest::new();
        let mut t = Tree::new();
        for d in ["/home/learner", "/tmp", "/etc", "/usr/bin", "/bin"] {
            let _ = t.mkdir(d, true);
        }
        let _ = t.write_text("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nlearner:x:1000:1000::/home/learner:/bin/bash\n");
        let root = forest.add(t);
        TestSys { forest, view: FsView::plain(root), time: 0.0, all_utilities: true, calls: Vec::new() }
    }

    /// A busybox container: /bin/busybox and applet files on PATH.
    pub(crate) fn busybox() -> TestSys {
        let mut forest = Forest::new();
        let mut t = Tree::new();
        for d in ["/bin", "/usr/bin", "/tmp", "/root", "/etc"] {
            let _ = t.mkdir(d, true);
        }
        let bb = Content::Opaque { kind: Arc::from("busybox"), size: 1_000_000 };
        let _ = t.write("/bin/busybox", bb.clone(), Meta::exec(), true);
        for a in ["sh", "ls", "cat", "echo", "grep", "mkdir", "rm", "touch", "tar", "wc", "head", "sed", "sleep", "date", "env", "cp", "mv"] {
            let _ = t.put(&format!("/bin/{a}"), Node::Symlink(Arc::from("/bin/busybox")), true);
        }
        let _ = t.write("/usr/bin/nginx", Content::Opaque { kind: Arc::from("nginx"), size: 1_000 }, Meta::exec(), true);
        let root = forest.add(t);
        TestSys { forest, view: FsView::plain(root), time: 0.0, all_utilities: false, calls: Vec::new() }
    }
}

impl Fs for TestSys {
    fn stat(&self, path: &str) -> FsResult<Stat> {
        view_stat(&self.forest, &self.view, path)
    }
    fn read(&self, path: &str) -> FsResult<Content> {
        match view_node(&self.forest, &self.view, path)? {
            Node::File(f) => Ok(f.content.clone()),
            Node::Dir(_) => Err(baleine_vfs::FsError::IsADirectory),
            Node::Symlink(_) => Err(baleine_vfs::FsError::NotFound),
        }
    }
    fn write(&mut self, path: &str, content: Content, meta: Option<Meta>) -> FsResult<()> {
        self.forest.mounted(&self.view).write(path, content, meta)
    }
    fn mkdir(&mut self, path: &str, parents: bool) -> FsResult<()> {
        self.forest.mounted(&self.view).mkdir(path, parents)
    }
    fn remove(&mut self, path: &str, recursive: bool) -> FsResult<()> {
        self.forest.mounted(&self.view).remove(path, recursive)
    }
    fn list(&self, path: &str) -> FsResult<Vec<String>> {
        view_list(&self.forest, &self.view, path)
    }
    fn node(&self, path: &str) -> FsResult<Node> {
        view_node(&self.forest, &self.view, path)
    }
    fn put_node(&mut self, path: &str, node: Node) -> FsResult<()> {
        self.forest.mounted(&self.view).put_node(path, node)
    }
    fn set_meta(&mut self, path: &str, meta: Meta) -> FsResult<()> {
        self.forest.mounted(&self.view).set_meta(path, meta)
    }
}

impl System for TestSys {
    fn run_program(&mut self, _shell: &mut Shell, inv: &Invocation<'_>, out: &mut Output) -> Option<i32> {
        self.calls.push((inv.argv.to_vec(), inv.path.map(str::to_string), inv.kind.map(str::to_string), inv.stdin.map(<[u8]>::to_vec)));
        match inv.argv.first().map(String::as_str) {
            Some("docker") => {
                out.out(format!("docker {}\n", inv.argv[1..].join(" ")));
                Some(0)
            }
            Some(_) if inv.kind == Some("nginx") => {
                out.out("nginx ran\n");
                Some(0)
            }
            _ => None,
        }
    }
    fn sleep(&mut self, secs: f64, _out: &mut Output) {
        self.time += secs;
    }
    fn now(&self) -> u64 {
        NOW + self.time as u64
    }
    fn has_utility(&self, shell: &Shell, name: &str) -> bool {
        self.all_utilities || crate::lookup_path(self, shell, name).is_some()
    }
    fn user(&self) -> (String, u32, u32) {
        ("root".into(), 0, 0)
    }
    fn hostname(&self) -> String {
        "baleine".into()
    }
}

pub(crate) struct Session {
    pub sh: Shell,
    pub sys: TestSys,
}

impl Session {
    pub(crate) fn bash() -> Session {
        let env = vec![("HOME".to_string(), "/home/learner".to_string()), ("PATH".to_string(), "/usr/local/bin:/usr/bin:/bin".to_string()), ("USER".to_string(), "learner".to_string())];
        Session { sh: Shell::new(Flavor::Bash, &env, "/home/learner"), sys: TestSys::host() }
    }
    pub(crate) fn ash() -> Session {
        let env = vec![("HOME".to_string(), "/root".to_string()), ("PATH".to_string(), "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string())];
        Session { sh: Shell::new(Flavor::Ash, &env, "/"), sys: TestSys::busybox() }
    }
    /// Runs text: (stdout, stderr, status).
    pub(crate) fn run(&mut self, src: &str) -> (String, String, i32) {
        let mut out = Output::new();
        let r = self.sh.run_str(&mut self.sys, src, &mut out);
        (out.stream(Stream::Out), out.stream(Stream::Err), r.status)
    }
    pub(crate) fn out(&mut self, src: &str) -> String {
        self.run(src).0
    }
    pub(crate) fn all(&mut self, src: &str) -> String {
        let mut out = Output::new();
        self.sh.run_str(&mut self.sys, src, &mut out);
        out.text()
    }
    pub(crate) fn file(&self, path: &str) -> Option<String> {
        self.sys.read_text(path).ok()
    }
}

fn bash(src: &str) -> (String, String, i32) {
    Session::bash().run(src)
}

fn out(src: &str) -> String {
    bash(src).0
}

// ------------------------------------------------------------------ parsing

#[test]
fn incomplete_detection() {
    for src in [
        "echo 'abc",
        "echo \"abc",
        "cat <<EOF\nhello",
        "echo a \\",
        "true &&",
        "false ||",
        "ls |",
        "echo $(pwd",
        "(echo a",
        "{ echo a",
        "if true; then echo a",
        "for x in a b; do echo $x",
        "while true; do",
        "case x in",
        "echo ${x",
        "echo `pwd",
        "f() {",
        "if true",
    ] {
        let p = parse(src);
        assert!(p.incomplete, "{src:?} should be incomplete: {p:?}");
    }
    for src in ["echo a", "echo 'a'", "cat <<EOF\nx\nEOF", "if true; then echo; fi", "echo a # comment '", "echo \\\\", ""] {
        let p = parse(src);
        assert!(!p.incomplete, "{src:?} should be complete: {p:?}");
        assert_eq!(p.error, None, "{src:?}");
    }
}

#[test]
fn syntax_errors() {
    assert_eq!(parse(";;").error.as_deref(), Some("bash: syntax error near unexpected token `;;'"));
    assert_eq!(parse("fi").error.as_deref(), Some("bash: syntax error near unexpected token `fi'"));
    assert_eq!(parse("echo >").error.as_deref(), Some("bash: syntax error near unexpected token `newline'"));
    assert_eq!(parse("| ls").error.as_deref(), Some("bash: syntax error near unexpected token `|'"));
    assert_eq!(parse("echo 'a").error.as_deref(), Some("bash: unexpected EOF while looking for matching `''"));
    assert_eq!(parse("if true; then").error.as_deref(), Some("bash: syntax error: unexpected end of file"));
    assert!(!parse(";;").incomplete);
    let (o, e, st) = bash("echo before\nfi\necho after");
    assert_eq!(o, "before\n");
    assert_eq!(e, "bash: syntax error near unexpected token `fi'\n");
    assert_eq!(st, 2);
    let mut s = Session::ash();
    let (_, e, st) = s.run("echo a; ;; b");
    assert_eq!(e, "sh: syntax error: unexpected \";;\"\n");
    assert_eq!(st, 2);
}

#[test]
fn garbage_and_huge_inputs_parse_quickly() {
    let big = "echo ".to_string() + &"a".repeat(1_000_000);
    let t = std::time::Instant::now();
    let p = parse(&big);
    assert!(p.error.is_none());
    let garbage: String = (0..200_000u32).map(|i| char::from_u32((i * 7919) % 0x2000).unwrap_or('x')).collect();
    let _ = parse(&garbage);
    let nested = "(".repeat(100_000);
    let p = parse(&nested);
    assert!(p.error.is_some());
    let subst = "$(".repeat(50_000);
    assert!(parse(&format!("echo {subst}")).error.is_some());
    let quotes = "\"$(\"".repeat(10_000);
    let _ = parse(&quotes);
    let params = "${a:-".repeat(10_000);
    assert!(parse(&format!("echo {params}")).error.is_some());
    assert!(t.elapsed().as_secs() < 10);
}

// ------------------------------------------------------------------ quoting & expansion

#[test]
fn quoting() {
    assert_eq!(out("echo 'a  b' \"c  d\" e\\ f"), "a  b c  d e f\n");
    assert_eq!(out("echo \"a\\\"b\" 'c\\d' \\$x"), "a\"b c\\d $x\n");
    assert_eq!(out("x=world; echo \"hello $x\" 'hello $x'"), "hello world hello $x\n");
    assert_eq!(out("echo a\\\nb"), "ab\n");
    assert_eq!(out("echo $'a\\tb'"), "a\tb\n");
    assert_eq!(out("echo \"\" '' | wc -c"), "2\n");
    assert_eq!(out("echo a#b #comment"), "a#b\n");
    assert_eq!(out("echo ~ ~/x"), "/home/learner /home/learner/x\n");
}

#[test]
fn parameters() {
    assert_eq!(out("A=1; echo ${A} ${B:-dflt} ${B-d2} ${A:+alt} ${#A}"), "1 dflt d2 alt 1\n");
    assert_eq!(out("echo ${C:=set}; echo $C"), "set\nset\n");
    let (_, e, st) = bash("echo ${Z:?missing value}");
    assert_eq!(e, "bash: Z: missing value\n");
    assert_eq!(st, 1);
    assert_eq!(out("f=archive.tar.gz; echo ${f%.gz} ${f%%.*} ${f#*.} ${f##*.} ${f/tar/zip}"), "archive.tar archive tar.gz gz archive.zip.gz\n");
    assert_eq!(out("s=hello; echo ${s:1:3} ${s^^} ${s: -2}"), "ell HELLO lo\n");
    assert_eq!(out("set -- a 'b c' d; echo $#; for x in \"$@\"; do echo \"[$x]\"; done"), "3\n[a]\n[b c]\n[d]\n");
    assert_eq!(out("set -- a b; echo \"$*\" $0"), "a b bash\n");
    assert_eq!(out("echo $$"), "1\n");
    assert_eq!(out("x='a   b'; for w in $x; do echo $w; done"), "a\nb\n");
    assert_eq!(out("x='a   b'; echo \"$x\""), "a   b\n");
    assert_eq!(out("e=; for w in $e; do echo no; done; echo ok"), "ok\n");
    assert_eq!(out("echo {a,b}{1,2} x{1..3}"), "a1 a2 b1 b2 x1 x2 x3\n");
    let (_, e, _) = bash("echo ${x y}");
    assert!(e.contains("bad substitution"), "{e}");
}

#[test]
fn status_and_lists() {
    assert_eq!(out("false; echo $?; true; echo $?"), "1\n0\n");
    assert_eq!(out("true && echo yes || echo no"), "yes\n");
    assert_eq!(out("false && echo yes || echo no"), "no\n");
    assert_eq!(out("! false && echo negated"), "negated\n");
    assert_eq!(out("echo a; echo b & echo c"), "a\nb\nc\n");
    assert_eq!(out("x=$(false); echo $?"), "1\n");
    let (_, e, st) = bash("nosuchcmd");
    assert_eq!(e, "bash: nosuchcmd: command not found\n");
    assert_eq!(st, 127);
    assert_eq!(out("nosuchcmd 2>/dev/null; echo $?"), "127\n");
}

#[test]
fn command_substitution_and_arith() {
    assert_eq!(out("echo $(pwd) `echo hi`"), "/home/learner hi\n");
    assert_eq!(out("cd /tmp && echo \"now in $(pwd)\""), "now in /tmp\n");
    assert_eq!(out("echo $(echo a; echo b)"), "a b\n");
    assert_eq!(out("echo \"$(printf 'x\\n\\n\\n')\""), "x\n");
    assert_eq!(out("echo $((1 + 2 * 3)) $(( (7 - 1) / 2 )) $((10 % 3)) $((2 > 1))"), "7 3 1 1\n");
    assert_eq!(out("i=5; echo $((i * 2)); ((i++)); echo $i"), "10\n6\n");
    assert_eq!(out("echo $(( (1)+(2) ))"), "3\n");
    let (_, e, st) = bash("echo $((1/0))");
    assert!(e.contains("division by 0"), "{e}");
    assert_eq!(st, 1);
}

// ------------------------------------------------------------------ heredocs

#[test]
fn heredocs() {
    let mut s = Session::bash();
    let (o, e, st) = s.run("cat > Dockerfile <<'EOF'\nFROM alpine\nENV A=$HOME\nRUN echo `x`\nEOF\ncat Dockerfile");
    assert_eq!(e, "");
    assert_eq!(st, 0);
    assert_eq!(o, "FROM alpine\nENV A=$HOME\nRUN echo `x`\n");
    assert_eq!(s.file("/home/learner/Dockerfile").as_deref(), Some("FROM alpine\nENV A=$HOME\nRUN echo `x`\n"));
    assert_eq!(s.out("X=5; cat <<EOF\nx is $X and $(echo sub)\n\\$X\nEOF"), "x is 5 and sub\n$X\n");
    assert_eq!(s.out("cat <<\"END\"\n$HOME\nEND"), "$HOME\n");
    assert_eq!(s.out("cat <<-EOF\n\t\tindented\n\tEOF\necho after"), "indented\nafter\n");
    assert_eq!(s.out("cat <<A; cat <<B\n1\nA\n2\nB"), "1\n2\n");
    assert_eq!(s.out("if true; then\ncat <<EOF\ninside\nEOF\nfi"), "inside\n");
    assert_eq!(s.out("x=$(cat <<EOF\nsub\nEOF\n); echo $x"), "sub\n");
    assert_eq!(s.out("grep b <<< 'a b c'"), "a b c\n");
    let (o, e, _) = s.run("cat <<EOF\nunterminated");
    assert_eq!(o, "unterminated\n");
    assert!(e.contains("here-document at line"), "{e}");
}

// ------------------------------------------------------------------ pipes & redirections

#[test]
fn pipes() {
    assert_eq!(out("printf 'a\\nb\\nc\\n' | grep b"), "b\n");
    assert_eq!(out("printf 'a\\nb\\nc\\n' | head -n 2"), "a\nb\n");
    assert_eq!(out("printf 'a\\nb\\nc\\n' | tail -n 1"), "c\n");
    assert_eq!(out("printf 'a\\nb\\nc\\n' | wc -l"), "3\n");
    assert_eq!(out("seq 10 | head -3 | tail -1"), "3\n");
    assert_eq!(out("echo hello | tr a-z A-Z | rev"), "OLLEH\n");
    assert_eq!(out("printf 'b\\na\\nb\\n' | sort | uniq -c"), "      1 a\n      2 b\n");
    assert_eq!(out("echo x | { read v; echo got $v; }"), "got x\n");
    assert_eq!(out("false | true; echo $?"), "0\n");
    assert_eq!(out("set -o pipefail; false | true; echo $?"), "1\n");
    assert_eq!(out("printf '1\\n2\\n3\\n' | while read n; do echo \"n=$n\"; done"), "n=1\nn=2\nn=3\n");
    assert_eq!(out("cd /tmp | true; pwd"), "/home/learner\n");
    assert_eq!(out("yes | head -n 2"), "y\ny\n");
}

#[test]
fn redirections() {
    let mut s = Session::bash();
    assert_eq!(s.all("echo one > f.txt; echo two >> f.txt; cat < f.txt"), "one\ntwo\n");
    assert_eq!(s.file("/home/learner/f.txt").as_deref(), Some("one\ntwo\n"));
    assert_eq!(s.all("ls nothere 2> err.txt; cat err.txt"), "ls: cannot access 'nothere': No such file or directory\n");
    assert_eq!(s.out("ls nothere 2>&1 | wc -l"), "1\n");
    assert_eq!(s.all("ls nothere > /dev/null 2>&1; echo $?"), "2\n");
    assert_eq!(s.all("ls nothere &> /dev/null; echo $?"), "2\n");
    assert_eq!(s.all("echo err >&2 2>/dev/null"), "err\n");
    assert_eq!(s.run("echo err 1>&2").1, "err\n");
    assert_eq!(s.run("{ echo a; echo b >&2; } 2>&1 >/dev/null").0, "b\n");
    let (_, e, st) = s.run("echo x > nothere/x");
    assert_eq!(e, "bash: nothere/x: No such file or directory\n");
    assert_eq!(st, 1);
    let (_, e, _) = s.run("cat < missing");
    assert_eq!(e, "bash: missing: No such file or directory\n");
    s.run("for i in 1 2 3; do echo $i; done > loop.txt");
    assert_eq!(s.file("/home/learner/loop.txt").as_deref(), Some("1\n2\n3\n"));
    let mut a = Session::ash();
    let (_, e, _) = a.run("echo x > nothere/x");
    assert_eq!(e, "sh: can't create nothere/x: nonexistent directory\n");
}

#[test]
fn readonly_mount_errors() {
    for flavor in [Flavor::Bash, Flavor::Ash] {
        let mut s = if flavor == Flavor::Bash { Session::bash() } else { Session::ash() };
        let vol = s.sys.forest.add(Tree::new());
        s.sys.view.mounts.push(Mount { target: "/data".into(), tree: vol, source: "/".into(), readonly: true });
        let (_, e, st) = s.run("touch /data/x");
        assert!(e.contains("Read-only file system"), "{e}");
        assert_eq!(st, 1);
        if flavor == Flavor::Bash {
            assert_eq!(e, "touch: cannot touch '/data/x': Read-only file system\n");
        } else {
            assert_eq!(e, "touch: /data/x: Read-only file system\n");
        }
        let (_, e, _) = s.run("echo hi > /data/y");
        assert!(e.contains("Read-only file system"), "{e}");
    }
}

#[test]
fn globbing() {
    let mut s = Session::bash();
    s.run("mkdir -p proj && cd proj && touch a.json b.json c.txt .hidden.json");
    assert_eq!(s.out("echo *.json"), "a.json b.json\n");
    assert_eq!(s.out("echo ?.txt"), "c.txt\n");
    assert_eq!(s.out("echo [ab].json"), "a.json b.json\n");
    assert_eq!(s.out("echo *.none"), "*.none\n");
    assert_eq!(s.out("echo '*.json' \"*\""), "*.json *\n");
    assert_eq!(s.out("echo .*.json"), ".hidden.json\n");
    assert_eq!(s.out("cd ..; echo proj/*.txt"), "proj/c.txt\n");
    assert_eq!(s.out("cd /home/learner/proj; x='*.json'; echo $x"), "a.json b.json\n");
    assert_eq!(s.out("for f in *.json; do echo \"file: $f\"; done"), "file: a.json\nfile: b.json\n");
    assert_eq!(s.out("ls *.json"), "a.json  b.json\n");
}

// ------------------------------------------------------------------ control flow

#[test]
fn control_flow() {
    assert_eq!(out("if [ 1 -eq 2 ]; then echo a; elif [ -d /tmp ]; then echo b; else echo c; fi"), "b\n");
    assert_eq!(out("for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done"), "1\n3\n");
    assert_eq!(out("i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done"), "1\n2\n3\n");
    assert_eq!(out("i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i"), "2\n");
    assert_eq!(out("for i in 1 2 3; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done"), "1a\n");
    assert_eq!(out("case hello.txt in *.md) echo md;; *.txt|*.text) echo txt;; *) echo other;; esac"), "txt\n");
    assert_eq!(out("case x in y) echo y;; esac; echo $?"), "0\n");
    assert_eq!(out("greet() { echo \"hi $1\"; return 3; }; greet bob; echo $?"), "hi bob\n3\n");
    assert_eq!(out("f() { local x=in; echo $x; }; x=out; f; echo $x"), "in\nout\n");
    assert_eq!(out("function g { echo g$#; }; g a b"), "g2\n");
    assert_eq!(out("(cd /tmp; x=1); pwd; echo ${x:-unset}"), "/home/learner\nunset\n");
    assert_eq!(out("for ((i=0; i<3; i++)); do echo $i; done"), "0\n1\n2\n");
    assert_eq!(out("[[ abc == a* ]] && echo glob; [[ -n x && ! -z x ]] && echo both; [[ 5 -gt 3 ]] && echo num"), "glob\nboth\nnum\n");
    assert_eq!(out("[[ v1.2 =~ ^v[0-9]+\\.[0-9]+$ ]] && echo semver"), "semver\n");
    assert_eq!(out("test -f /etc/passwd && echo file; [ -z \"\" ] && echo empty; [ a != b -a 1 -lt 2 ] && echo and"), "file\nempty\nand\n");
    let (_, e, st) = bash("[ 1 -eq");
    assert_eq!(st, 2);
    assert!(e.contains("missing `]'"), "{e}");
}

#[test]
fn errexit_and_exit() {
    let (o, _, st) = bash("set -e; echo a; false; echo b");
    assert_eq!(o, "a\n");
    assert_eq!(st, 1);
    assert_eq!(out("set -e; false || true; if false; then :; fi; echo survived"), "survived\n");
    let mut s = Session::bash();
    let mut o = Output::new();
    let r = s.sh.run_str(&mut s.sys, "echo bye; exit 3; echo never", &mut o);
    assert_eq!(o.text(), "bye\n");
    assert_eq!(r, crate::RunOutcome { status: 3, exited: true });
    assert_eq!(s.sh.exited, Some(3));
    assert_eq!(s.sh.last_status, 3);
    assert_eq!(out("(exit 4); echo $?"), "4\n");
    let (o, e, _) = bash("set -x; echo hi");
    assert_eq!((o.as_str(), e.as_str()), ("hi\n", "+ echo hi\n"));
}

// ------------------------------------------------------------------ builtins

#[test]
fn builtins() {
    let mut s = Session::bash();
    assert_eq!(s.out("cd /tmp; pwd; cd -; cd; pwd"), "/tmp\n/home/learner\n/home/learner\n");
    let (_, e, st) = s.run("cd nothere");
    assert_eq!((e.as_str(), st), ("bash: cd: nothere: No such file or directory\n", 1));
    assert_eq!(s.out("echo -n a; echo -e 'b\\tc'; echo 'd\\te'"), "ab\tc\nd\\te\n");
    assert_eq!(s.out("printf '%s=%d\\n' a 1 b 2; printf '%5s|%-3s|%03d|%%\\n' x y 7"), "a=1\nb=2\n    x|y  |007|%\n");
    assert_eq!(s.out("export FOO=bar; env | grep FOO"), "FOO=bar\n");
    assert_eq!(s.out("export -p | grep FOO"), "declare -x FOO=\"bar\"\n");
    assert_eq!(s.out("unset FOO; echo ${FOO:-gone}"), "gone\n");
    assert_eq!(s.out("A=1 B=2 env | grep -E '^(A|B)='; echo ${A:-none}"), "A=1\nB=2\nnone\n");
    assert_eq!(s.out("type cd; type -t ls; command -v ls"), "cd is a shell builtin\nfile\n/usr/bin/ls\n");
    assert_eq!(s.out("alias ll='ls -l'; alias"), "alias ll='ls -l'\n");
    assert_eq!(s.out("set -- 1 2 3; shift; echo $@"), "2 3\n");
    assert_eq!(s.out("eval 'x=5; echo $x'"), "5\n");
    assert_eq!(s.out("echo 'echo sourced $1' > lib.sh; . ./lib.sh arg"), "sourced arg\n");
    assert_eq!(s.out("read a b <<< 'one two three'; echo \"$a|$b\""), "one|two three\n");
    assert_eq!(s.out("let 'z = 3 * 4'; echo $z"), "12\n");
    s.sh.add_history("ls");
    s.sh.add_history("echo hi");
    assert_eq!(s.out("history"), "    1  ls\n    2  echo hi\n");
    let (o, _, st) = s.run("exec echo replaced; echo no");
    assert_eq!((o.as_str(), st), ("replaced\n", 0));
    assert!(s.sh.exited.is_some());
}

#[test]
fn external_programs() {
    let mut s = Session::bash();
    assert_eq!(s.out("docker ps -a"), "docker ps -a\n");
    assert_eq!(s.sys.calls[0].1, None);
    let mut a = Session::ash();
    assert_eq!(a.out("nginx -g 'daemon off;'"), "nginx ran\n");
    let call = a.sys.calls.last().cloned().unwrap_or_default();
    assert_eq!(call.0, vec!["nginx".to_string(), "-g".into(), "daemon off;".into()]);
    assert_eq!(call.1.as_deref(), Some("/usr/bin/nginx"));
    assert_eq!(call.2.as_deref(), Some("nginx"));
    assert_eq!(a.out("echo piped | nginx"), "nginx ran\n");
    assert_eq!(a.sys.calls.last().and_then(|c| c.3.clone()), Some(b"piped\n".to_vec()));
    let (_, e, st) = a.run("curl x");
    assert_eq!((e.as_str(), st), ("sh: curl: not found\n", 127));
    // busybox applets found on PATH run our utilities
    assert_eq!(a.out("echo hello > /tmp/h; cat /tmp/h; ls /tmp"), "hello\nh\n");
    // a utility not installed in the image is not found
    let (_, e, st) = a.run("sort /tmp/h");
    assert_eq!((e.as_str(), st), ("sh: sort: not found\n", 127));
    let (_, e, st) = a.run("./x");
    assert_eq!((e.as_str(), st), ("sh: ./x: not found\n", 127));
    let (_, e, st) = s.run("./x");
    assert_eq!((e.as_str(), st), ("bash: ./x: No such file or directory\n", 127));
    s.run("echo 'echo script' > s.sh");
    let (_, e, st) = s.run("./s.sh");
    assert_eq!((e.as_str(), st), ("bash: ./s.sh: Permission denied\n", 126));
    s.run("printf '#!/bin/sh\\necho \"args: $# $1 $0\"\\nexit 7\\n' > run.sh; chmod +x run.sh");
    assert_eq!(s.run("./run.sh a b"), ("args: 2 a ./run.sh\n".into(), String::new(), 7));
    assert_eq!(s.out("sh -c 'echo $0 $1' zero one"), "zero one\n");
    assert_eq!(s.out("bash -c 'exit 5'; echo $?"), "5\n");
    assert_eq!(s.out("echo 'echo from stdin' | sh"), "from stdin\n");
    assert_eq!(a.out("/bin/sh -c 'echo $((2+2))'"), "4\n");
    assert_eq!(a.out("busybox echo bb"), "bb\n");
}

/// The stack the deepest scripts must fit in: 2 MiB unoptimized (the
/// default of test threads), 1 MiB optimized (wasm's default).
const STACK: usize = if cfg!(debug_assertions) { 2 << 20 } else { 1 << 20 };

#[test]
fn deep_recursion_is_refused() {
    let h = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(|| {
            let (_, e, st) = bash("f() { f; }; f");
            assert!(e.contains("maximum"), "{e}");
            assert_ne!(st, 0);
            let (_, e, _) = bash("x() { echo $(x); }; x");
            assert!(e.contains("maximum"), "{e}");
            let (_, e, _) = bash("echo 'sh ./self.sh' > self.sh; sh ./self.sh");
            assert!(e.contains("maximum"), "{e}");
            let nested = "( ".repeat(60) + "echo deep" + &" )".repeat(60);
            assert_eq!(bash(&nested), ("deep\n".to_string(), String::new(), 0));
            let deep = "f() { if [ $1 -gt 0 ]; then f $(($1 - 1)) | cat; else echo bottom; fi; }; f 200";
            let (o, e, _) = bash(deep);
            assert!(o == "bottom\n" || e.contains("maximum"), "{o} {e}");
            let (_, e, _) = bash("a() { b; }; b() { eval a; }; a");
            assert!(e.contains("maximum"), "{e}");
            let (_, e, _) = bash("f() { for i in 1; do while true; do case x in x) { ( f ); };; esac; break; done; done; }; f");
            assert!(e.contains("maximum"), "{e}");
            let (_, e, _) = bash("echo 'source ./s.sh' > s.sh; source ./s.sh");
            assert!(e.contains("maximum"), "{e}");
            let (_, e, _) = bash("echo 'x $(cat self)' > self; f() { eval \"$(cat self)\"; }; x() { f; }; f");
            assert!(!e.is_empty());
            let chain = vec!["1"; 490].join("+");
            assert_eq!(out(&format!("f() {{ if [ $1 -gt 0 ]; then f $(($1 - 1)); else echo $(({chain})); fi; }}; f 40")), "490\n");
            let awk_chain = vec!["1"; 200].join("+");
            assert_eq!(out(&format!("echo | awk '{{ print {awk_chain} }}'")), "200\n");
            let (_, e, _) = bash(&format!("echo | awk '{{ print {} }}'", vec!["1"; 300].join("+")));
            assert!(e.contains("too long"), "{e}");
            let (_, e, _) = bash(&format!("echo | awk '{{ print {}1{} }}'", "(".repeat(200), ")".repeat(200)));
            assert!(!e.is_empty());
            let re = "(".repeat(60) + "a" + &")".repeat(60);
            assert_eq!(out(&format!("echo a | grep -E '{re}'")), "a\n");
            let (_, e, _) = bash("while true; do :; done");
            assert!(e.contains("loop stopped"), "{e}");
        })
        .unwrap();
    assert!(h.join().is_ok());
}

// ------------------------------------------------------------------ utilities

#[test]
fn ls_formats() {
    let mut s = Session::bash();
    s.run("mkdir d; touch b.txt a.txt; echo hello > c.txt");
    s.sh.state.stdout_tty = true;
    assert_eq!(s.out("ls"), "a.txt  b.txt  c.txt  d\n");
    assert_eq!(s.out("ls | cat"), "a.txt\nb.txt\nc.txt\nd\n");
    assert_eq!(s.out("ls -1 d"), "");
    let l = s.out("ls -l");
    assert!(l.starts_with("total 8\n"), "{l}");
    assert!(l.contains("-rw-r--r-- 1 root root    6 Nov 25 08:11 c.txt\n"), "{l}");
    assert!(l.contains("drwxr-xr-x 2 root root 4096 Nov 25 08:11 d\n"), "{l}");
    let la = s.out("ls -a");
    assert!(la.starts_with(".  ..  a.txt"), "{la}");
    let (_, e, st) = s.run("ls nothere");
    assert_eq!((e.as_str(), st), ("ls: cannot access 'nothere': No such file or directory\n", 2));
    let mut a = Session::ash();
    a.run("mkdir /d; echo hi > /d/f");
    let l = a.out("ls -l /d");
    assert_eq!(l, "total 4\n-rw-r--r--    1 root     root             3 Nov 25 08:11 f\n");
    let (_, e, st) = a.run("ls /nothere");
    assert_eq!((e.as_str(), st), ("ls: /nothere: No such file or directory\n", 1));
    let many: Vec<String> = (0..30).map(|i| format!("file{i:02}.txt")).collect();
    let cols = crate::utils::run_utility("ls", &mut Shell::new(Flavor::Bash, &[], "/"), &mut TestSys::host(), &[], None, &mut Output::new());
    assert!(cols.is_some());
    let text = crate::utils::files_columns_for_test(&many);
    assert!(text.lines().all(|l| l.len() <= 80), "{text}");
    assert!(text.lines().count() < 30);
}

#[test]
fn file_utilities() {
    let mut s = Session::bash();
    assert_eq!(s.run("mkdir a/b"), (String::new(), "mkdir: cannot create directory 'a/b': No such file or directory\n".into(), 1));
    s.run("mkdir -p a/b/c && echo x > a/b/c/f && cp -r a a2 && mv a2 a3");
    assert_eq!(s.file("/home/learner/a3/b/c/f").as_deref(), Some("x\n"));
    assert_eq!(s.run("rm a"), (String::new(), "rm: cannot remove 'a': Is a directory\n".into(), 1));
    assert_eq!(s.run("rm nothere"), (String::new(), "rm: cannot remove 'nothere': No such file or directory\n".into(), 1));
    assert_eq!(s.run("rm -f nothere").2, 0);
    s.run("rm -rf a");
    assert!(s.file("/home/learner/a/b/c/f").is_none());
    assert_eq!(s.run("cat nothere"), (String::new(), "cat: nothere: No such file or directory\n".into(), 1));
    s.run("echo data > src.txt; cp src.txt a3/; ln -s src.txt link");
    assert_eq!(s.out("cat a3/src.txt link"), "data\ndata\n");
    assert_eq!(s.out("find a3 -type f | sort"), "a3/b/c/f\na3/src.txt\n");
    assert_eq!(s.out("find . -name '*.txt' -maxdepth 1"), "./src.txt\n");
    assert_eq!(s.out("du -sh a3"), "20K\ta3\n");
    assert_eq!(s.out("basename /a/b/c.txt .txt; dirname /a/b/c.txt"), "c\n/a/b\n");
    assert_eq!(s.out("stat -c '%s %a %F' src.txt"), "5 644 regular file\n");
    s.run("chmod 755 src.txt");
    assert_eq!(s.out("stat -c %A src.txt"), "-rwxr-xr-x\n");
    assert_eq!(s.out("echo a b c | xargs -n 1 echo item"), "item a\nitem b\nitem c\n");
    assert_eq!(s.out("which ls sh; which nothing; echo $?"), "/usr/bin/ls\n/usr/bin/sh\n1\n");
}

#[test]
fn text_utilities() {
    let mut s = Session::bash();
    s.run("printf 'apple 3\\nbanana 1\\ncherry 2\\nApple 5\\n' > f");
    assert_eq!(s.out("grep -i apple f"), "apple 3\nApple 5\n");
    assert_eq!(s.out("grep -c a f"), "2\n");
    assert_eq!(s.out("grep -v an f | grep -n e"), "1:apple 3\n2:cherry 2\n3:Apple 5\n");
    assert_eq!(s.out("grep -o 'an' f"), "an\nan\n");
    assert_eq!(s.out("grep -E 'a(p|n)' f"), "apple 3\nbanana 1\n");
    assert_eq!(s.out("grep -w 3 f"), "apple 3\n");
    assert_eq!(s.out("grep -q cherry f && echo found"), "found\n");
    assert_eq!(s.out("grep -A1 banana f"), "banana 1\ncherry 2\n");
    assert_eq!(s.out("grep -l apple f nothere 2>/dev/null"), "f\n");
    assert_eq!(s.run("grep zzz f").2, 1);
    assert_eq!(s.out("sort -k2 -n f"), "banana 1\ncherry 2\napple 3\nApple 5\n");
    assert_eq!(s.out("sort f | head -1"), "Apple 5\n");
    assert_eq!(s.out("sort -r f | head -1"), "cherry 2\n");
    assert_eq!(s.out("cut -d' ' -f2 f | tr '\\n' ,"), "3,1,2,5,");
    assert_eq!(s.out("wc -l f; wc -l < f; wc f"), "4 f\n4\n 4  8 34 f\n");
    assert_eq!(s.out("head -c 5 f; echo; tail -n +3 f"), "apple\ncherry 2\nApple 5\n");
    assert_eq!(s.out("sed 's/a/A/g' f | head -2"), "Apple 3\nbAnAnA 1\n");
    assert_eq!(s.out("sed -n '2p' f"), "banana 1\n");
    s.run("sed -i 's/cherry/berry/' f");
    assert_eq!(s.out("grep berry f"), "berry 2\n");
    assert_eq!(s.out("awk '{print $2}' f | tr -d '\\n'"), "3125");
    assert_eq!(s.out("awk -F' ' '$2 > 2 {print $1}' f"), "apple\nApple\n");
    assert_eq!(s.out("awk '{s += $2} END {print s}' f"), "11\n");
    assert_eq!(s.out("echo a:b:c | awk -F: '{print NF, $NF}'"), "3 c\n");
    assert_eq!(s.out("printf 'x 1\\ny 2\\nx 3\\n' | awk '{c[$1]+=$2} END {for (k in c) print k, c[k]}'"), "x 4\ny 2\n");
    assert_eq!(s.out("echo hello | tee t1 | wc -c; cat t1"), "6\nhello\n");
    assert_eq!(s.out("seq 3; seq -s, 2 4"), "1\n2\n3\n2,3,4\n");
    assert_eq!(s.out("echo aabbcc | tr -d b; echo aaa | tr -s a"), "aacc\na\n");
    assert_eq!(s.out("echo hi | base64; echo aGkK | base64 -d"), "aGkK\nhi\n");
    assert_eq!(s.out("echo -n abc | sha256sum"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n");
    assert_eq!(s.out("echo -n '' | md5sum"), "d41d8cd98f00b204e9800998ecf8427e  -\n");
    assert_eq!(s.out("expr 2 + 3; expr length hello"), "5\n5\n");
}

#[test]
fn system_utilities() {
    let mut s = Session::bash();
    assert_eq!(s.out("date"), "Wed Nov 25 08:11:39 UTC 2026\n");
    assert_eq!(s.out("date +%s"), format!("{NOW}\n"));
    assert_eq!(s.out("date '+%Y-%m-%d %H:%M:%S'"), "2026-11-25 08:11:39\n");
    s.run("sleep 1.5; sleep 2m");
    assert!((s.sys.time - 121.5).abs() < 1e-9);
    assert_eq!(s.out("date +%M"), "13\n");
    s.run("sleep infinity");
    assert!(s.sys.time >= 1e9);
    assert_eq!(s.run("sleep abc").1, "sleep: invalid time interval 'abc'\nTry 'sleep --help' for more information.\n");
    assert_eq!(s.out("whoami; id; hostname"), "root\nuid=0(root) gid=0(root) groups=0(root)\nbaleine\n");
    assert_eq!(s.out("uname; uname -r; uname -m; uname -s"), "Linux\n6.8.0-baleine\nx86_64\nLinux\n");
    assert_eq!(s.out("nproc"), "2\n");
    assert_eq!(s.out("clear"), "\x1b[H\x1b[2J");
    assert_eq!(s.out("printenv HOME; env -i A=1 env"), "/home/learner\nA=1\n");
    assert_eq!(s.out("env X=42 sh -c 'echo $X'"), "42\n");
    assert!(s.out("df -h").starts_with("Filesystem      Size  Used Avail Use% Mounted on\n"));
    assert!(s.out("free").contains("Mem:"));
}

#[test]
fn tar_round_trip() {
    let mut s = Session::bash();
    let vol = s.sys.forest.add(Tree::new());
    s.sys.view.mounts.push(Mount { target: "/data".into(), tree: vol, source: "/".into(), readonly: false });
    let bk = s.sys.forest.add(Tree::new());
    s.sys.view.mounts.push(Mount { target: "/backup".into(), tree: bk, source: "/".into(), readonly: false });
    s.run("cd /data && mkdir -p sub/deep && echo one > a.txt && printf 'two\\n\\0three' > sub/deep/b.bin && chmod 600 a.txt && ln -s a.txt link");
    let _ = s.sys.write("/data/app", Content::Opaque { kind: Arc::from("go-binary"), size: 4242 }, Some(Meta::exec()));
    let before = s.sys.forest.tree(vol).clone();
    let (o, e, st) = s.run("tar czf /backup/backup.tar.gz -C /data .");
    assert_eq!((o.as_str(), e.as_str(), st), ("", "", 0));
    assert_eq!(s.out("tar tzf /backup/backup.tar.gz"), "./\n./a.txt\n./app\n./link\n./sub/\n./sub/deep/\n./sub/deep/b.bin\n");
    s.run("rm -rf /data/* && ls /data");
    assert_eq!(s.out("ls /data"), "");
    let (_, e, st) = s.run("tar xzf /backup/backup.tar.gz -C /data");
    assert_eq!((e.as_str(), st), ("", 0));
    let after = s.sys.forest.tree(vol).clone();
    assert!(after.diff(&before).is_empty(), "{:?}", after.diff(&before));
    assert_eq!(after.get("/a.txt"), before.get("/a.txt"));
    assert_eq!(s.out("cat /data/link"), "one\n");
    // extract elsewhere, with a member filter and verbose listing
    assert_eq!(s.out("mkdir /tmp/x && tar -xvzf /backup/backup.tar.gz -C /tmp/x ./a.txt"), "./a.txt\n");
    assert_eq!(s.run("tar xf /backup/nothere.tar").1, "tar: /backup/nothere.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n");
    assert_eq!(s.out("cd /tmp && echo z > z.txt && gzip z.txt && ls z* && gunzip z.txt.gz && cat z.txt"), "z.txt.gz\nz\n");
}

#[test]
fn tar_absolute_names_and_strip_components() {
    // GNU tar: the warning names the prefix, -v lists the names as given.
    let mut s = Session::bash();
    s.run("mkdir -p /tmp/d/sub && echo hi > /tmp/d/sub/f");
    let (o, e, st) = s.run("tar cvf /tmp/a.tar /tmp/d");
    assert_eq!((o.as_str(), e.as_str(), st), ("/tmp/d/\n/tmp/d/sub/\n/tmp/d/sub/f\n", "tar: Removing leading `/' from member names\n", 0));
    assert_eq!(s.out("tar tf /tmp/a.tar"), "tmp/d/\ntmp/d/sub/\ntmp/d/sub/f\n");
    // `--strip N` (an abbreviation, its value apart); -v lists the members.
    let (o, e, st) = s.run("mkdir /tmp/out && cd /tmp/out && tar xvf /tmp/a.tar --strip 2");
    assert_eq!((o.as_str(), e.as_str(), st), ("tmp/d/sub/\ntmp/d/sub/f\n", "", 0));
    assert_eq!(s.file("/tmp/out/sub/f").as_deref(), Some("hi\n"));
    s.run("mkdir /tmp/out2 && tar xf /tmp/a.tar -C /tmp/out2 --strip-components=3");
    assert_eq!(s.file("/tmp/out2/f").as_deref(), Some("hi\n"));
    // busybox tar: its own wording, once, and -v lists the stored names.
    let mut s = Session::ash();
    s.run("mkdir -p /tmp/d && echo hi > /tmp/d/f");
    let (o, e, st) = s.run("tar cvf /tmp/b.tar //tmp/d /tmp/d/f");
    assert_eq!((o.as_str(), e.as_str(), st), ("tmp/d/\ntmp/d/f\ntmp/d/f\n", "tar: removing leading '/' from member names\n", 0));
}

#[test]
fn performance_500_lines() {
    let script: String = (0..500).map(|i| format!("X{i}=value{i}; echo \"$X{i}\" > /dev/null\n")).collect();
    let mut s = Session::bash();
    let t = std::time::Instant::now();
    let (_, e, st) = s.run(&script);
    let took = t.elapsed();
    assert_eq!((e.as_str(), st), ("", 0));
    // debug builds are slow; release must be far below 20 ms
    eprintln!("500-line script: {took:?}");
    assert!(took.as_millis() < if cfg!(debug_assertions) { 2000 } else { 20 }, "{took:?}");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn shellish() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "echo", " ", "'", "\"", "$", "(", ")", "{", "}", "|", "&", ";", "<", ">", "<<", "EOF", "\n", "\\", "`", "$(", "${", "}", "#", "*", "?", "[", "]", "if", "then", "fi", "for", "in", "do", "done", "case", "esac", ";;", "!", "a", "x=1", "$((", "))", "\t", "\0", "\u{7f}", "é",
            "ls", "cat", "grep", "sed", "awk", "tar", "2>&1", "&&", "||", "[[", "]]", "while", "true", "false", "exit", "f()",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

        #[test]
        fn parse_never_panics(s in "\\PC{0,200}") {
            let _ = parse(&s);
        }

        #[test]
        fn parse_shellish_never_panics(s in shellish()) {
            let _ = parse(&s);
        }

        #[test]
        fn run_never_panics(s in shellish()) {
            let mut sess = Session::bash();
            sess.sh.state.max_loop_iterations = 50;
            let mut o = Output::new();
            let _ = sess.sh.run_str(&mut sess.sys, &s, &mut o);
            let mut a = Session::ash();
            a.sh.state.max_loop_iterations = 50;
            let _ = a.sh.run_str(&mut a.sys, &s, &mut o);
        }

        #[test]
        fn utilities_never_panic(
            name in prop::sample::select(crate::utils::UTILITIES.to_vec()),
            args in prop::collection::vec(prop::sample::select(vec![
                "-", "--", "-n", "-1", "-5", "+2", "-c", "-e", "-f", "-r", "-i", "-l", "-a", "-s", "-d", "-k2", "-t:", "-F:", "-z", "-x", "-w", "-o", "-E", "-A1", "-B2", "-C", "-h", "-p", "-v", "-u", "-I{}",
                "a", "f", "d", "/", ".", "..", "*", "x.tar", "-czf", "czf", "xzf", "-C", "/tmp", "s/a/b/g", "s/(/x/", "{print $1}", "$", "^", "[", "]", "\\", "é", "%d", "%s%b%q", "1,2", "2-", "0", "999999999999999999999",
                "-ééé", "+", "NR>1", "'", "\"", "\n", "a\nb", "[:upper:]", "a-z", "@1", "-d@0", "--date=x", "=", "x=1", "-exec", "{}", ";", "-name", "-type", "-maxdepth", "(", ")", "!",
            ]), 0..8),
            input in "[a-z \n:,0-9]{0,40}",
        ) {
            let mut sess = Session::bash();
            sess.run("mkdir -p d/e; echo 'hello world' > f; echo x > d/e/g; tar czf x.tar d");
            let mut o = Output::new();
            let argv: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            let _ = crate::utils::run_utility(name, &mut sess.sh, &mut sess.sys, &argv, Some(input.as_bytes()), &mut o);
            let mut a = Session::ash();
            let _ = crate::utils::run_utility(name, &mut a.sh, &mut a.sys, &argv, None, &mut o);
        }

        #[test]
        fn run_random_bytes_never_panics(s in "[ -~\\n\\t]{0,120}") {
            let mut sess = Session::bash();
            sess.sh.state.max_loop_iterations = 50;
            let mut o = Output::new();
            let _ = sess.sh.run_str(&mut sess.sys, &s, &mut o);
        }
    }
}

/// Manual exploration: `SCRATCH='ls -l' cargo test -p baleine-shell scratch -- --ignored --nocapture`.
#[test]
#[ignore]
fn scratch() {
    let src = std::env::var("SCRATCH").unwrap_or_default();
    let mut s = if std::env::var("ASH").is_ok() { Session::ash() } else { Session::bash() };
    for part in src.split("\n---\n") {
        let mut o = Output::new();
        let r = s.sh.run_str(&mut s.sys, part, &mut o);
        for (st, t) in &o.chunks {
            let tag = if *st == Stream::Out { "OUT" } else { "ERR" };
            for l in t.split_inclusive('\n') {
                eprint!("{tag}| {l}");
            }
            if !t.ends_with('\n') {
                eprintln!("⏎(no newline)");
            }
        }
        eprintln!("-> {r:?}");
    }
}
