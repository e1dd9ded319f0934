//! Garbage in, no panic out.
mod common;
use common::*;
use proptest::prelude::*;

fn load_text(text: &str) -> Loaded {
    let mut fs = MemoryFiles::new();
    fs.insert(&format!("{}/compose.yaml", DIR), text);
    fs.insert(&format!("{}/.env", DIR), text);
    let l = load(&opts(DIR), &fs);
    if let Some(p) = &l.project {
        let _ = config_yaml::render(p);
        let _ = graph::start_order(p, &[]);
    }
    l
}

fn yaml_fragment() -> impl Strategy<Value = String> {
    let atoms = prop_oneof![
        Just("services:".to_string()),
        Just("  web:".to_string()),
        Just("    image: nginx".to_string()),
        Just("    ports: [\"80:80\", 8080, {target: 1}]".to_string()),
        Just("    volumes: [\"./a:/b:ro\", x:/y]".to_string()),
        Just("    depends_on: [web, db]".to_string()),
        Just("    extends: web".to_string()),
        Just("    environment: {A: ${B:-c}, D: null}".to_string()),
        Just("    command: !reset".to_string()),
        Just("    <<: *a".to_string()),
        Just("x-a: &a {image: x}".to_string()),
        Just("include: [compose.yaml]".to_string()),
        Just("networks: {n: {external: true}}".to_string()),
        Just("    healthcheck: {test: x, interval: 1s}".to_string()),
        Just("---".to_string()),
        "[ -~]{0,20}".prop_map(|s| s),
    ];
    prop::collection::vec(atoms, 0..12).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        let _ = load_text(&text);
    }

    #[test]
    fn random_yaml_never_panics(text in yaml_fragment()) {
        let _ = load_text(&text);
    }

    #[test]
    fn templates_never_panic(t in "[$a-zA-Z_{}:?+\\-]{0,40}") {
        let mut w = Vec::new();
        let _ = template::substitute(&t, &|_| Some("v".to_string()), &mut w);
        let _ = template::substitute(&t, &|_| None, &mut w);
    }

    #[test]
    fn helpers_never_panic(s in "\\PC{0,30}") {
        let _ = parse_duration(&s);
        let _ = parse_memory(&s);
        let _ = split_command(&s);
        let _ = normalize_project_name(&s);
    }
}

#[test]
fn pathological_inputs() {
    for text in [
        "services:\n  a:\n    extends: b\n  b:\n    extends: c\n  c:\n    extends: a\n",
        "services:\n  a:\n    image: ${A:-${A:-${A:-${A:-${A:-${A:-x}}}}}}\n",
        &format!(
            "services:\n  a:\n    image: {}x{}\n",
            "${A:-".repeat(300),
            "}".repeat(300)
        ),
        "a: &a [*a]\n",
        "services: &s\n  a: *s\n",
        "services:\n  a:\n    image: x\n    ports: [\"99999:80\", \"1-65535:1-65535\"]\n",
        "services:\n  a:\n    image: x\n    ports:\n      - target: 70000\n",
        "\u{feff}services: {}\n",
        "services:\n  a:\n    image: x\n    volumes: [\"\", \":\", \"::\"]\n",
    ] {
        let _ = load_text(text);
    }
}
