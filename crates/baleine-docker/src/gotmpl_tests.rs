use super::*;
use serde_json::json;

fn inspect() -> Value {
    json!({
        "Id": "abc123",
        "Name": "/web",
        "State": {"Status": "exited", "Running": false, "ExitCode": 137, "Pid": 0, "Health": null},
        "Config": {
            "Env": ["A=1", "B=2"],
            "Labels": {"com.docker.compose.project": "demo", "maintainer": "me"},
            "Image": "nginx:latest"
        },
        "Mounts": [
            {"Source": "/src/a", "Destination": "/a"},
            {"Source": "/src/b", "Destination": "/b"}
        ],
        "NetworkSettings": {"Networks": {
            "frontend": {"IPAddress": "172.18.0.2"},
            "backend": {"IPAddress": "172.19.0.3"}
        }},
        "Size": 1.5, "Big": 1000000.0, "Ratio": 0.00001, "Neg": -2,
        "Empty": "", "Zero": 0, "List": [], "Obj": {}, "Html": "<a&b>"
    })
}

fn run(t: &str, data: &Value) -> Result<String, String> {
    parse(t)?.execute(data)
}

/// Runs a table of (template, expected) over `data`; an expected value
/// starting with `ERR ` is an exact error message.
fn check_table(data: &Value, cases: &[(&str, &str)]) {
    check_cases(cases, |t| run(t, data));
}

/// Runs a table of (template, expected) through `run`; an expected value
/// starting with `ERR ` is an exact error message.
pub(super) fn check_cases(cases: &[(&str, &str)], run: impl Fn(&str) -> Result<String, String>) {
    let mut failures = Vec::new();
    for (t, want) in cases {
        let got = run(t);
        let ok = match want.strip_prefix("ERR ") {
            Some(e) => got.as_ref().err().map(String::as_str) == Some(e),
            None => got.as_deref() == Ok(*want),
        };
        if !ok {
            failures.push(format!("template {t:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn fields_and_printing() {
    check_table(
        &inspect(),
        &[
            ("hello", "hello"),
            ("", ""),
            ("{{.Name}}", "/web"),
            ("{{.State.Status}} {{.State.ExitCode}}", "exited 137"),
            ("{{.Missing}}", "<no value>"),
            ("{{.Missing.Deeper}}", "<no value>"),
            ("{{.State.Health}}", "<nil>"),
            ("{{.State.Running}}", "false"),
            ("{{.Size}} {{.Big}} {{.Ratio}} {{.Neg}}", "1.5 1e+06 1e-05 -2"),
            ("{{.Config.Env}}", "[A=1 B=2]"),
            ("{{.Config.Labels}}", "map[com.docker.compose.project:demo maintainer:me]"),
            ("{{.Mounts}}", "[map[Destination:/a Source:/src/a] map[Destination:/b Source:/src/b]]"),
            ("{{.List}} {{.Obj}}", "[] map[]"),
            ("{{ .Name }}", "/web"),
            ("{{.}}", "map[Big:1e+06 Config:map[Env:[A=1 B=2] Image:nginx:latest Labels:map[com.docker.compose.project:demo maintainer:me]] Empty: Html:<a&b> Id:abc123 List:[] Mounts:[map[Destination:/a Source:/src/a] map[Destination:/b Source:/src/b]] Name:/web Neg:-2 NetworkSettings:map[Networks:map[backend:map[IPAddress:172.19.0.3] frontend:map[IPAddress:172.18.0.2]]] Obj:map[] Ratio:1e-05 Size:1.5 State:map[ExitCode:137 Health:<nil> Pid:0 Running:false Status:exited] Zero:0]"),
            ("line1\n{{.Name}}\n", "line1\n/web\n"),
            (
                "{{.State.Status.Foo}}",
                "ERR template: :1:8: executing \"\" at <.State.Status.Foo>: can't evaluate field Foo in type string",
            ),
            ("{{.Name.Foo}}", "ERR template: :1:7: executing \"\" at <.Name.Foo>: can't evaluate field Foo in type string"),
            ("a\n{{.State.Status.X}}", "ERR template: :2:8: executing \"\" at <.State.Status.X>: can't evaluate field X in type string"),
            ("{{.State.ExitCode.X}}", "ERR template: :1:8: executing \"\" at <.State.ExitCode.X>: can't evaluate field X in type int"),
            ("{{.Config.Env.X}}", "ERR template: :1:9: executing \"\" at <.Config.Env.X>: can't evaluate field X in type []string"),
            ("{{.State.Health.Status}}", "ERR template: :1:8: executing \"\" at <.State.Health.Status>: nil pointer evaluating interface {}.Status"),
            ("{{.Name 1}}", "ERR template: :1:2: executing \"\" at <.Name>: Name is not a method but has arguments"),
            ("{{\"x\" | .Name}}", "ERR template: :1:8: executing \"\" at <.Name>: Name is not a method but has arguments"),
        ],
    );
}

#[test]
fn text_trim_and_comments() {
    check_table(
        &inspect(),
        &[
            ("a  {{- .Name -}}  b", "a/webb"),
            ("a \n\t{{- .Name}} b", "a/web b"),
            ("{{.Name -}}\n\n  x", "/webx"),
            ("x {{/* comment */}} y", "x  y"),
            ("x {{- /* comment */ -}} y", "xy"),
            ("x{{/* multi\nline */}}y", "xy"),
            ("{{-3}}", "-3"),
            ("{{- 3}}", "3"),
            ("{{.Name}}{{\"}}\"}}", "/web}}"),
        ],
    );
}

#[test]
fn variables() {
    check_table(
        &inspect(),
        &[
            ("{{$x := .Name}}{{$x}}", "/web"),
            ("{{$x := 1}}{{$x = 2}}{{$x}}", "2"),
            ("{{$}}", "ERR "),
            ("{{$.Name}}", "/web"),
            ("{{range .Mounts}}{{$.Name}}{{end}}", "/web/web"),
            ("{{$s := .State}}{{$s.Status}}", "exited"),
            ("{{with $x := .State}}{{$x.ExitCode}}{{end}}", "137"),
            ("{{if $x := .Name}}{{$x}}{{end}}", "/web"),
            ("{{$x := 1}}{{if true}}{{$x = 5}}{{end}}{{$x}}", "5"),
            ("{{if true}}{{$y := 1}}{{end}}{{$y}}", "ERR template: :1: undefined variable \"$y\""),
            ("{{$x}}", "ERR template: :1: undefined variable \"$x\""),
            ("{{$x = 1}}", "ERR template: :1:7: executing \"\" at <1>: undefined variable: $x"),
        ]
        .into_iter()
        .filter(|(t, _)| *t != "{{$}}")
        .collect::<Vec<_>>(),
    );
    // `$` alone prints the whole data.
    assert_eq!(run("{{$}}", &json!("top")).unwrap(), "top");
}

#[test]
fn range_forms() {
    check_table(
        &inspect(),
        &[
            ("{{range .Mounts}}{{.Source}} {{end}}", "/src/a /src/b "),
            ("{{range $i, $m := .Mounts}}{{$i}}:{{$m.Destination}} {{end}}", "0:/a 1:/b "),
            ("{{range $k,$v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}", "backend=172.19.0.3 frontend=172.18.0.2 "),
            ("{{range $v := .Config.Env}}{{$v}},{{end}}", "A=1,B=2,"),
            ("{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", "172.19.0.3 172.18.0.2 "),
            ("{{range .List}}x{{else}}empty{{end}}", "empty"),
            ("{{range .Obj}}x{{else}}empty{{end}}", "empty"),
            ("{{range .Nope}}x{{else}}none{{end}}", "none"),
            ("{{range .State.Health}}x{{else}}nil{{end}}", "nil"),
            ("{{range 3}}{{.}}{{end}}", "012"),
            ("{{range $i := 2}}[{{$i}}]{{end}}", "[0][1]"),
            ("{{range 0}}x{{else}}zero{{end}}", "zero"),
            ("{{range split \"a,b\" \",\"}}<{{.}}>{{end}}", "<a><b>"),
            ("{{range $i, $e := split \"a,b\" \",\"}}{{$i}}{{$e}}{{end}}", "0a1b"),
            ("{{range .Config.Env}}{{if eq . \"B=2\"}}{{break}}{{end}}{{.}}{{end}}", "A=1"),
            ("{{range .Config.Env}}{{if eq . \"A=1\"}}{{continue}}{{end}}{{.}}{{end}}", "B=2"),
            ("{{range .Mounts}}{{range $.Config.Env}}{{.}}{{end}};{{end}}", "A=1B=2;A=1B=2;"),
            ("{{$i := 0}}{{range .Mounts}}{{$i = 1}}{{end}}{{$i}}", "1"),
            ("{{range $i, $v := .Config.Env}}{{end}}{{$i}}", "ERR template: :1: undefined variable \"$i\""),
            ("{{range .Name}}x{{end}}", "ERR template: :1:8: executing \"\" at <.Name>: range can't iterate over /web"),
            ("{{range $a, $b := 3}}{{end}}", "ERR template: :1:18: executing \"\" at <3>: can't use 3 to iterate over more than one variable"),
            ("{{range $i, $v, $w := .X}}{{end}}", "ERR template: :1: too many declarations in range"),
            ("{{break}}", "ERR template: :1: {{break}} outside {{range}}"),
            ("{{if true}}{{continue}}{{end}}", "ERR template: :1: {{continue}} outside {{range}}"),
        ],
    );
}

#[test]
fn conditionals() {
    check_table(
        &inspect(),
        &[
            ("{{if .State.Running}}up{{else}}down{{end}}", "down"),
            ("{{if eq .State.Status \"running\"}}R{{else if eq .State.Status \"exited\"}}E{{else}}?{{end}}", "E"),
            ("{{if false}}a{{else if false}}b{{else}}c{{end}}", "c"),
            ("{{if .Empty}}t{{else}}f{{end}}", "f"),
            ("{{if .Zero}}t{{else}}f{{end}}", "f"),
            ("{{if .List}}t{{else}}f{{end}}", "f"),
            ("{{if .Obj}}t{{else}}f{{end}}", "f"),
            ("{{if .Missing}}t{{else}}f{{end}}", "f"),
            ("{{if .State.Health}}t{{else}}f{{end}}", "f"),
            ("{{if .Name}}t{{else}}f{{end}}", "t"),
            ("{{if .Size}}t{{else}}f{{end}}", "t"),
            ("{{if .Config.Env}}t{{else}}f{{end}}", "t"),
            ("{{with .State}}{{.Status}}{{end}}", "exited"),
            ("{{with .Missing}}x{{else}}no{{end}}", "no"),
            ("{{with .Missing}}a{{else with .Name}}{{.}}{{end}}", "/web"),
            ("{{if .X}}", "ERR template: :1: unexpected EOF"),
            ("{{if 1}}{{else}}{{else}}{{end}}", "ERR template: :1: expected end; found {{else}}"),
            ("{{range}}{{end}}", "ERR template: :1: missing value for range"),
            ("{{if}}{{end}}", "ERR template: :1: missing value for if"),
        ],
    );
}

#[test]
fn pipelines_and_functions() {
    check_table(
        &inspect(),
        &[
            ("{{.Config.Env | json}}", r#"["A=1","B=2"]"#),
            ("{{json .Config.Env}}", r#"["A=1","B=2"]"#),
            ("{{json .Html}}", r#""<a&b>""#),
            ("{{json .State}}", r#"{"Status":"exited","Running":false,"ExitCode":137,"Pid":0,"Health":null}"#),
            ("{{json .Size}} {{json .Big}} {{json .Missing}}", "1.5 1000000 null"),
            ("{{json \"a\\\"b\\n\\u2028\"}}", r#""a\"b\n\u2028""#),
            ("{{.Name | printf \"%s!\"}}", "/web!"),
            ("{{.Name | printf \"%s-%s\" \"x\"}}", "x-/web"),
            ("{{.Name | upper | lower}}", "/web"),
            ("{{eq 1 1}} {{eq 1 2}}", "true false"),
            ("{{eq .State.Status \"a\" \"exited\"}}", "true"),
            ("{{eq .State.ExitCode 137}}", "true"),
            ("{{eq .Missing \"x\"}}", "false"),
            ("{{ne 1 2}} {{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1 2}}", "true true true true false"),
            ("{{lt 1.5 2.5}}", "true"),
            ("{{eq 1 \"a\"}}", "ERR template: :1:2: executing \"\" at <eq 1 \"a\">: error calling eq: incompatible types for comparison"),
            ("{{lt true false}}", "ERR template: :1:2: executing \"\" at <lt true false>: error calling lt: invalid type for comparison"),
            ("{{lt 1 1.5}}", "ERR template: :1:2: executing \"\" at <lt 1 1.5>: error calling lt: incompatible types for comparison"),
            ("{{eq 1}}", "ERR template: :1:2: executing \"\" at <eq 1>: error calling eq: missing argument for comparison"),
            ("{{and 1 0}} {{and 1 2}} {{or 0 \"\" \"x\"}} [{{or 0 \"\"}}]", "0 2 x []"),
            ("{{and .Missing .Crash.X}}", "<no value>"),
            ("{{or .Name .Name.X}}", "/web"),
            ("{{not .Empty}} {{not 1}}", "true false"),
            ("{{len .Config.Env}} {{len .Name}} {{len .Config.Labels}}", "2 4 2"),
            ("{{len 3}}", "ERR template: :1:2: executing \"\" at <len 3>: error calling len: len of type int"),
            ("{{len .State.Health}}", "ERR template: :1:2: executing \"\" at <len .State.Health>: error calling len: len of nil pointer"),
            ("{{index .Config.Labels \"com.docker.compose.project\"}}", "demo"),
            ("{{index .Config.Env 1}}", "B=2"),
            ("[{{index .Config.Labels \"nope\"}}]", "[]"),
            ("{{index .NetworkSettings.Networks \"frontend\" \"IPAddress\"}}", "172.18.0.2"),
            ("{{(index .Mounts 1).Source}}", "/src/b"),
            ("{{index .Name 1}}", "119"),
            ("{{index .Config.Env 5}}", "ERR template: :1:2: executing \"\" at <index .Config.Env 5>: error calling index: index out of range: 5"),
            ("{{index .Config.Env \"a\"}}", "ERR template: :1:2: executing \"\" at <index .Config.Env \"a\">: error calling index: cannot index slice/array with type string"),
            ("{{index .Missing 1}}", "ERR template: :1:2: executing \"\" at <index .Missing 1>: error calling index: index of untyped nil"),
            ("{{slice .Name 1 3}} {{slice .Config.Env 1}} {{slice .Name}}", "we [B=2] /web"),
            ("{{slice .Name 3 1}}", "ERR template: :1:2: executing \"\" at <slice .Name 3 1>: error calling slice: invalid slice index: 3 > 1"),
            ("{{print \"a\" \"b\" 1 2 \"c\"}}", "ab1 2c"),
            ("{{println \"a\" 1}}", "a 1\n"),
            ("{{print .Missing}}", "<nil>"),
            ("{{html \"<a href='x'>\"}}", "&lt;a href=&#39;x&#39;&gt;"),
            ("{{html .Missing}}", "&lt;no value&gt;"),
            ("{{urlquery \"a b&c/d\"}}", "a+b%26c%2Fd"),
            ("{{js \"a'b\\\"<>\"}}", "a\\'b\\\"\\u003C\\u003E"),
            ("{{split \"a:b:c\" \":\"}}", "[a b c]"),
            ("{{split \"abc\" \"\"}}", "[a b c]"),
            ("{{len (split \"a,b,c\" \",\")}}", "3"),
            ("{{join .Config.Env \",\"}}", "A=1,B=2"),
            ("{{join (split \"a b\" \" \") \"+\"}}", "a+b"),
            ("{{title \"hello world-foo_bar\"}}", "Hello World-Foo_bar"),
            ("{{lower \"ABC\"}} {{upper \"abc\"}}", "abc ABC"),
            ("[{{pad \"x\" 2 1}}] [{{pad \"\" 2 1}}]", "[  x ] []"),
            ("{{truncate \"abcdef\" 3}} {{truncate \"ab\" 5}} {{truncate .Name 0}}.", "abc ab ."),
            ("{{.Name | upper}}", "/WEB"),
            ("{{.Name | truncate 2}}", "ERR template: :1:19: executing \"\" at <2>: expected string; found 2"),
            ("{{join .Config.Labels \",\"}}", "ERR template: :1:14: executing \"\" at <.Config.Labels>: wrong type for value; expected []string; got map[string]string"),
            ("{{upper 1}}", "ERR template: :1:8: executing \"\" at <1>: expected string; found 1"),
            ("{{upper .State.ExitCode}}", "ERR template: :1:14: executing \"\" at <.State.ExitCode>: wrong type for value; expected string; got int"),
            ("{{.State.ExitCode | upper}}", "ERR template: :1:20: executing \"\" at <upper>: wrong type for value; expected string; got int"),
            ("{{upper .Missing}}", "ERR template: :1:8: executing \"\" at <.Missing>: invalid value; expected string"),
            ("{{upper}}", "ERR template: :1:2: executing \"\" at <upper>: wrong number of args for upper: want 1 got 0"),
            ("{{printf}}", "ERR template: :1:2: executing \"\" at <printf>: wrong number of args for printf: want at least 1 got 0"),
            ("{{pad \"x\" -1 0}}", "ERR template: :1:2: executing \"\" at <pad \"x\" -1 0>: error calling pad: strings: negative Repeat count"),
            ("{{truncate \"x\" -1}}", "ERR template: :1:2: executing \"\" at <truncate \"x\" -1>: error calling truncate: runtime error: slice bounds out of range [:-1]"),
            ("{{upper nil}}", "ERR template: :1:8: executing \"\" at <nil>: cannot assign nil to string"),
            ("{{json nil}}", "null"),
            ("{{call .Name}}", "ERR template: :1:2: executing \"\" at <call .Name>: error calling call: non-function .Name of type string"),
        ],
    );
}

#[test]
fn printf_verbs() {
    check_table(
        &inspect(),
        &[
            ("{{printf \"%s-%d\" .Name 5}}", "/web-5"),
            ("{{printf \"%v\" .Config.Env}}", "[A=1 B=2]"),
            ("{{printf \"%q\" .Name}}", "\"/web\""),
            ("{{printf \"%q\" .Config.Env}}", "[\"A=1\" \"B=2\"]"),
            ("{{printf \"%t %v\" true false}}", "true false"),
            ("{{printf \"%5s|%-10s|\" \"ab\" \"cd\"}}", "   ab|cd        |"),
            ("{{printf \"%.2s\" \"abcdef\"}}", "ab"),
            ("{{printf \"%.2f %f %5.1f\" 3.14159 1.5 3.14159}}", "3.14 1.500000   3.1"),
            ("{{printf \"%d\" \"x\"}}", "%!d(string=x)"),
            ("{{printf \"%s\" 5}}", "%!s(int=5)"),
            ("{{printf \"%d\"}}", "%!d(MISSING)"),
            ("{{printf \"%d\" 1 2}}", "1%!(EXTRA int=2)"),
            ("{{printf \"%x|%X|%o|%b|%c|%U|%#x\" 255 255 8 5 65 65 255}}", "ff|FF|10|101|A|U+0041|0xff"),
            ("{{printf \"%05d|%+d|%3d|%-3d|\" -42 5 7 7}}", "-0042|+5|  7|7  |"),
            ("{{printf \"%e %g %g %g\" 123456.0 0.000012 100000.0 1000000.0}}", "1.234560e+05 1.2e-05 100000 1e+06"),
            ("{{printf \"%.3g %.3e %08.3f\" 1234.5678 1234.5678 -3.14159}}", "1.23e+03 1.235e+03 -003.142"),
            ("{{printf \"%v %v\" .Missing .State.Health}}", "<nil> <nil>"),
            ("{{printf \"%d\" .State.Health}}", "%!d(<nil>)"),
            ("{{printf \"%%|%5%|\"}}", "%|%|"),
            ("{{printf \"%v\" .Config.Labels}}", "map[com.docker.compose.project:demo maintainer:me]"),
            ("{{printf \"%x\" \"hi\"}}", "6869"),
            ("{{printf \"%T %T\" 1 \"a\"}}", "int string"),
            ("{{printf \"%\"}}", "%!(NOVERB)"),
            ("{{printf \"%z\" 1}}", "%!z(int=1)"),
            ("{{printf \"%*d|\" 4 7}}", "   7|"),
            ("{{printf \"%6.2v\" 3.14159}}", "   3.1"),
            ("{{printf \"%v\" 1e21}}", "1e+21"),
            ("{{printf \"%v %v\" 0.5 123456.0}}", "0.5 123456"),
        ],
    );
}

#[test]
fn literals_and_parens() {
    check_table(
        &inspect(),
        &[
            ("{{\"a\\tb\\u00e9\\x41\\101\"}}", "a\tbéAA"),
            ("{{`a\\tb`}}", "a\\tb"),
            ("{{`multi\nline`}}", "multi\nline"),
            ("{{1.5}} {{1e3}} {{0x1F}} {{'a'}} {{-7}} {{1_000}} {{0o17}} {{0b101}} {{017}}", "1.5 1000 31 97 -7 1000 15 5 15"),
            ("{{1.0}} {{.5}} {{0x1p-2}}", "1 0.5 0.25"),
            ("{{true}} {{false}}", "true false"),
            ("{{nil}}", "ERR template: :1:2: executing \"\" at <nil>: nil is not a command"),
            ("{{(index .Config.Env 0)}}", "A=1"),
            ("{{(.State).Status}}", "exited"),
            ("{{((.State)).ExitCode}}", "137"),
            ("{{printf \"%s\" (printf \"%d\" (len .Name))}}", "4"),
            ("{{9223372036854775807}}", "9223372036854775807"),
            ("{{18446744073709551615}}", "ERR template: :1:2: executing \"\" at <18446744073709551615>: 18446744073709551615 overflows int"),
            ("{{99999999999999999999}}", "ERR template: :1: integer overflow: \"99999999999999999999\""),
            ("{{1e999}}", "ERR template: :1: illegal number syntax: \"1e999\""),
            ("{{3x}}", "ERR template: :1: bad number syntax: \"3x\""),
            ("{{'ab'}}", "ERR template: :1: malformed character constant: 'ab'"),
            ("{{\"\\q\"}}", "ERR template: :1: invalid syntax"),
            ("{{\"a\".X}}", "ERR template: :1: unexpected . after term \"\\\"a\\\"\""),
            ("{{(1).X}}", "ERR template: :1:3: executing \"\" at <1>: can't evaluate field X in type int"),
        ],
    );
}

#[test]
fn parse_errors() {
    let cases: &[(&str, &str)] = &[
        ("{{.Foo", "template: :1: unclosed action"),
        ("{{.Foo\n", "template: :2: unclosed action started at :1"),
        ("{{foo}}", "template: :1: function \"foo\" not defined"),
        ("x\n{{.A | foo}}", "template: :2: function \"foo\" not defined"),
        ("{{end}}", "template: :1: unexpected {{end}}"),
        ("{{else}}", "template: :1: unexpected {{else}}"),
        ("{{}}", "template: :1: missing value for command"),
        ("{{ -}}", "template: :1: missing value for command"),
        ("{{.X | 1}}", "template: :1: non executable command in pipeline stage 2"),
        ("{{\"abc}}", "template: :1: unterminated quoted string"),
        ("{{`abc}}", "template: :1: unterminated raw quoted string"),
        ("{{'a}}", "template: :1: unterminated character constant"),
        ("{{)}}", "template: :1: unexpected right paren"),
        ("{{(.X}}", "template: :1: unclosed left paren"),
        ("{{/* x", "template: :1: unclosed comment"),
        ("{{/* x */ }}", "template: :1: comment ends before closing delimiter"),
        ("{{.X,}}", "template: :1: unexpected \",\" in operand"),
        ("{{.X.}}", "template: :1: unexpected <.> in operand"),
        ("{{.X:}}", "template: :1: expected :="),
        ("{{.X}x}}", "template: :1: unexpected \"}\" in operand"),
        ("{{.X!}}", "template: :1: bad character U+0021 '!'"),
        ("{{.X | | .Y}}", "template: :1: unexpected \"|\" in command"),
        ("{{range $i, 1}}{{end}}", "template: :1: range can only initialize variables"),
        ("{{$x, $y := 1}}", "template: :1: too many declarations in command"),
        ("{{if 1}}{{end}}{{end}}", "template: :1: unexpected {{end}}"),
        ("{{else if 1}}", "template: :1: unexpected {{else}}"),
        ("{{end 1}}", "template: :1: unexpected \"1\" in end"),
        ("{{\u{1}}}", "template: :1: unrecognized character in action: U+0001"),
        ("{{template \"x\"}}", "template: :1: {{template}} is not supported"),
        ("{{define \"x\"}}{{end}}", "template: :1: {{define}} is not supported"),
        ("{{abcdefghijklmnop 1}}", "template: :1: function \"abcdefghijklmnop\" not defined"),
        ("{{.X \"a very long string here\" |}}", ""),
    ];
    let mut failures = Vec::new();
    for (t, want) in cases {
        let got = parse(t).map(|_| ());
        let ok = if want.is_empty() { got.is_ok() } else { got.as_ref().err().map(String::as_str) == Some(*want) };
        if !ok {
            failures.push(format!("template {t:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn strict_missing_key() {
    let t = parse("{{.Foo}}").unwrap();
    assert_eq!(t.execute_strict(&inspect()).unwrap_err(), "template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\"");
    assert_eq!(t.execute(&inspect()).unwrap(), "<no value>");
    let t = parse("{{.State.Status}}").unwrap();
    assert_eq!(t.execute_strict(&inspect()).unwrap(), "exited");
}

#[test]
fn table_helpers() {
    assert!(is_table("table {{.ID}}"));
    assert!(is_table("table"));
    assert!(!is_table("{{.ID}}"));
    assert_eq!(strip_table("table {{.ID}}"), "{{.ID}}");
    assert_eq!(strip_table("table   {{.ID}}  "), "{{.ID}}");
    assert_eq!(strip_table("table"), "");
    assert_eq!(strip_table("{{.ID}}"), "{{.ID}}");
    assert_eq!(strip_table("table\t{{.ID}}"), "\t{{.ID}}");
    assert_eq!(unescape_format(r"{{.Names}}\t{{.Status}}\n"), "{{.Names}}\t{{.Status}}\n");
    assert_eq!(unescape_format(r"a\\tb"), "a\\\tb");
    assert_eq!(unescape_format("plain"), "plain");

    let row = json!({"ID": "0123456789ab", "Names": "web", "Status": "Up 2 minutes", "Labels": "a=b"});
    let f = unescape_format(r"{{.Names}}\t{{.Status}}");
    assert_eq!(run(&f, &row).unwrap(), "web\tUp 2 minutes");

    let headers = |f: &str| -> Option<String> {
        Some(
            match f {
                "ID" => "CONTAINER ID",
                "Names" => "NAMES",
                "Status" => "STATUS",
                "Labels" => "LABELS",
                _ => return None,
            }
            .to_string(),
        )
    };
    assert_eq!(header_for("{{.ID}}\t{{.Names}}", &headers), "CONTAINER ID\tNAMES");
    assert_eq!(header_for(strip_table(&unescape_format(r"table {{.ID}}\t{{.Status}}")), &headers), "CONTAINER ID\tSTATUS");
    assert_eq!(header_for("{{.ID}} {{.Unknown}}|", &headers), "CONTAINER ID |");
    assert_eq!(
        header_for("{{json .Labels}}\t{{.Names | upper}}\t{{truncate .ID 3}}\t[{{pad .Names 1 1}}]\t{{lower .Status}}", &headers),
        "LABELS\tNAMES\tCONTAINER ID\t[ NAMES ]\tSTATUS"
    );
    assert_eq!(header_for("id: {{.ID}}", &headers), "id: CONTAINER ID");
    assert_eq!(header_for("{{.Foo", &headers), "");
    assert_eq!(header_for("", &headers), "");
    // An execution error stops the header there, as in docker.
    assert_eq!(header_for("{{.ID}} {{.ID.X}} {{.Names}}", &headers), "CONTAINER ID ");
}

#[test]
fn limits() {
    let deep_parens = format!("{{{{{}1{}}}}}", "(".repeat(500), ")".repeat(500));
    assert!(parse(&deep_parens).unwrap_err().contains("max expression depth exceeded"));
    let deep_ifs = format!("{}x{}", "{{if 1}}".repeat(500), "{{end}}".repeat(500));
    assert!(parse(&deep_ifs).unwrap_err().contains("max expression depth exceeded"));
    let ok_ifs = format!("{}x{}", "{{if 1}}".repeat(50), "{{end}}".repeat(50));
    assert_eq!(run(&ok_ifs, &Value::Null).unwrap(), "x");
    let err = run("{{range 100000000}}{{end}}", &Value::Null).unwrap_err();
    assert!(err.contains("step limit"), "{err}");
    let err = run("{{range 100000}}{{pad \"x\" 1000 0}}{{end}}", &Value::Null).unwrap_err();
    assert!(err.contains("output too large"), "{err}");
    let err = run("{{pad \"x\" 9000000000000 0}}", &Value::Null).unwrap_err();
    assert!(err.contains("error calling pad"), "{err}");
    // Deeply nested data prints or fails cleanly.
    let mut v = json!(1);
    for _ in 0..300 {
        v = json!([v]);
    }
    let err = run("{{.}}", &v).unwrap_err();
    assert!(err.contains("nested too deeply"), "{err}");
    assert!(run("{{json .}}", &v).is_err());
    assert!(run("{{printf \"%v\" .}}", &v).is_err());
}

/// xorshift64*, deterministic.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn junk_templates_never_panic() {
    const PIECES: &[&str] = &[
        "{{", "}}", "{{-", "-}}", " -}}", "{{- ", ".", ".Name", ".State.Status", ".Config.Env", "$", "$x", "$x :=", "$i, $v :=", "(", ")", "|", "\"", "\"a\"", "`", "'", "'a'", " ",
        "\n", "\t", "range", "if", "else", "end", "with", "break", "continue", "define", "template", ":=", "=", ",", "1", "-", "0x", "1e", "2.5", "/*", "*/", "printf", "\"%v %d %s %5.2f %q %x %!\"",
        "index", "json", "len", "slice", "eq", "lt", "and", "or", "not", "split", "join", "pad", "truncate", "title", "upper", "nil", "true", "é", "\\", "}", "{", "%", "\u{0}",
        "print", "println", "html", "js", "urlquery", "call", "-1", "99999999999999999999", "3", "\"\\x", "\\u",
    ];
    let data = inspect();
    let headers = |f: &str| -> Option<String> { if f.len() & 1 == 0 { Some(f.to_uppercase()) } else { None } };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut parsed = 0;
    for i in 0..2000 {
        let t = if i % 4 == 3 {
            // Raw random bytes, with braces sprinkled in.
            let n = rng.below(40);
            let bytes: Vec<u8> = (0..n)
                .map(|_| match rng.below(6) {
                    0 => b'{',
                    1 => b'}',
                    _ => (rng.next() & 0xff) as u8,
                })
                .collect();
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            let n = 1 + rng.below(16);
            let mut s = String::new();
            if rng.below(2) == 0 {
                s.push_str("{{");
            }
            for _ in 0..n {
                s.push_str(PIECES[rng.below(PIECES.len())]);
            }
            if rng.below(2) == 0 {
                s.push_str("}}");
            }
            s
        };
        if let Ok(tm) = parse(&t) {
            parsed += 1;
            let _ = tm.execute(&data);
            let _ = tm.execute(&Value::Null);
            let _ = tm.execute_strict(&json!([1, "a", {"b": null}]));
        }
        let _ = header_for(&t, &headers);
        let _ = header_for(strip_table(&unescape_format(&t)), &headers);
    }
    assert!(parsed > 50, "only {parsed} junk templates parsed");
}

#[test]
fn valid_templates_from_pieces_never_panic() {
    // Structured generation: well-formed actions with random operands,
    // so that execution paths are exercised too.
    const OPERANDS: &[&str] = &[
        ".", ".Name", ".Missing", ".State", ".State.Health", ".Config.Env", ".Config.Labels", ".Mounts", ".Size", ".Big", ".Neg", ".List", ".Obj", "$", "1", "-1", "0",
        "2.5", "\"a\"", "\"\"", "true", "nil", "(len .Name)", "(index .Mounts 0)", "(split .Name \"/\")",
    ];
    const FUNCS_: &[&str] = &[
        "json", "len", "index", "slice", "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not", "print", "println", "printf", "html", "js", "urlquery", "split", "join", "title",
        "lower", "upper", "pad", "truncate", "call",
    ];
    let data = inspect();
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let mut t = String::new();
        for _ in 0..1 + rng.below(3) {
            let f = FUNCS_[rng.below(FUNCS_.len())];
            let mut args = String::new();
            for _ in 0..rng.below(4) {
                args.push(' ');
                args.push_str(OPERANDS[rng.below(OPERANDS.len())]);
            }
            match rng.below(5) {
                0 => t.push_str(&format!("{{{{range {}}}}}{{{{{f}{args}}}}}{{{{end}}}}", OPERANDS[rng.below(OPERANDS.len())])),
                1 => t.push_str(&format!("{{{{if {f}{args}}}}}y{{{{else}}}}n{{{{end}}}}")),
                2 => t.push_str(&format!("{{{{with {}}}}}{{{{{f}{args}}}}}{{{{end}}}}", OPERANDS[rng.below(OPERANDS.len())])),
                3 => t.push_str(&format!("{{{{{} | {f}{args}}}}}", OPERANDS[rng.below(OPERANDS.len())])),
                _ => t.push_str(&format!("{{{{{f}{args}}}}}")),
            }
        }
        if let Ok(tm) = parse(&t) {
            let _ = tm.execute(&data);
            let _ = tm.execute_as(&data, &TYPED);
        }
    }
}

const POINT: GoType = GoType::Struct("types.MountPoint", &[("Type", GoType::Str), ("Source", GoType::Str), ("Destination", GoType::Str), ("RW", GoType::Bool), ("Pid", GoType::Int)]);

/// `inspect()` as docker/cli's typed data: Mounts are structs, the rest is
/// not modelled.
static TYPED: GoType = GoType::Partial(&[
    ("Mounts", GoType::Slice(&POINT)),
    ("List", GoType::Slice(&POINT)),
    ("Empty", GoType::Slice(&POINT)),
    ("Obj", GoType::Map(&UNIT)),
    ("NetworkSettings", GoType::Partial(&[("Networks", GoType::Map(&ADDR))])),
]);
const UNIT: GoType = GoType::Struct("struct {}", &[]);
const ADDR: GoType = GoType::Struct("x.Addr", &[("IPAddress", GoType::Str)]);

#[test]
fn typed_values_print_and_behave_as_go() {
    let mut data = inspect();
    data["Empty"] = Value::Null;
    let cases: &[(&str, &str)] = &[
        // A struct prints its fields in declaration order, with the zero
        // value of those its JSON omits; a nil slice prints [].
        ("{{.Mounts}}", "[{ /src/a /a false 0} { /src/b /b false 0}]"),
        ("{{.Empty}} {{.List}}", "[] []"),
        ("{{index .Mounts 1}}", "{ /src/b /b false 0}"),
        ("{{range .Mounts}}<{{.Type}}|{{.Pid}}>{{end}}", "<|0><|0>"),
        ("{{with $m := index .Mounts 0}}{{$m}}{{end}}", "{ /src/a /a false 0}"),
        ("{{slice .Mounts 1}}", "[{ /src/b /b false 0}]"),
        // A struct has only the fields it declares (docker inspect then
        // retries on the raw JSON: see print_inspect).
        ("{{(index .Mounts 0).Other}}", "ERR: template: :1:17: executing \"\" at <0>: can't evaluate field Other in type types.MountPoint"),
        // fmt: %+v names the fields, %#v is Go syntax, %T the type.
        ("{{printf \"%+v\" (index .Mounts 0)}}", "{Type: Source:/src/a Destination:/a RW:false Pid:0}"),
        ("{{printf \"%#v\" (slice .Mounts 1)}}", "[]types.MountPoint{types.MountPoint{Type:\"\", Source:\"/src/b\", Destination:\"/b\", RW:false, Pid:0}}"),
        ("{{printf \"%#v\" .Empty}}", "[]types.MountPoint(nil)"),
        ("{{printf \"%T %T\" .Mounts (index .Mounts 0)}}", "[]types.MountPoint types.MountPoint"),
        ("{{print .Empty .Mounts}}", "[] [{ /src/a /a false 0} { /src/b /b false 0}]"),
        ("{{printf \"%v %+v %+d\" .Empty -2 -2}}", "[] -2 -2"),
        ("{{printf \"%+v\" 5}}", "5"),
        // Unmodelled values keep the JSON shape; json prints the JSON.
        ("{{.State}}", "map[ExitCode:137 Health:<nil> Pid:0 Running:false Status:exited]"),
        ("{{json (index .Mounts 0)}}", "{\"Source\":\"/src/a\",\"Destination\":\"/a\"}"),
        // A typed map: sorted keys, values of the element type, nil is map[].
        ("{{.NetworkSettings.Networks}}", "map[backend:{172.19.0.3} frontend:{172.18.0.2}]"),
        ("{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v}};{{end}}", "backend={172.19.0.3};frontend={172.18.0.2};"),
        ("{{.NetworkSettings.Networks.frontend.IPAddress}}", "172.18.0.2"),
        // index keeps a typed map's element type; a missing key is the
        // element type's zero value.
        ("{{index .NetworkSettings.Networks \"backend\"}}", "{172.19.0.3}"),
        ("{{printf \"%T\" (index .NetworkSettings.Networks \"backend\")}}", "x.Addr"),
        ("{{index .NetworkSettings.Networks \"none\"}}", "{}"),
        ("{{(index .NetworkSettings.Networks \"none\").IPAddress}}|", "|"),
        ("{{.Obj}} {{printf \"%#v\" .Obj}}", "map[] map[string]struct {}{}"),
    ];
    let mut failures = Vec::new();
    for (t, want) in cases {
        let got = parse(t).and_then(|tm| tm.execute_as(&data, &TYPED)).unwrap_or_else(|e| format!("ERR: {e}"));
        if got != *want {
            failures.push(format!("template {t:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn durations_print_as_go() {
    for (ns, want) in [(0, "0s"), (1, "1ns"), (1_500, "1.5µs"), (500_000_000, "500ms"), (1_000_000_000, "1s"), (90_000_000_000, "1m30s"), (3_600_000_000_000, "1h0m0s"), (5_400_500_000_000, "1h30m0.5s"), (-2_000_000_000, "-2s")] {
        assert_eq!(go_duration(ns), want, "{ns}");
    }
}
