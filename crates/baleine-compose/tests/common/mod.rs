#![allow(dead_code)]
//! Helpers shared by the integration tests: an in-memory project directory.

pub use baleine_compose::*;

pub const DIR: &str = "/home/learner/projet/myapp";

pub fn opts(dir: &str) -> LoadOptions {
    LoadOptions {
        working_dir: dir.to_string(),
        env: vec![("HOME".into(), "/home/learner".into())],
        ..Default::default()
    }
}

/// Loads `compose.yaml` (plus extra files) from `DIR`.
pub fn load_files(files: &[(&str, &str)]) -> Loaded {
    load_with(files, opts(DIR))
}

pub fn load_with(files: &[(&str, &str)], o: LoadOptions) -> Loaded {
    let mut fs = MemoryFiles::new();
    for (p, c) in files {
        let path = if p.starts_with('/') {
            p.to_string()
        } else {
            format!("{}/{}", o.working_dir, p)
        };
        fs.insert(&path, c);
    }
    load(&o, &fs)
}

pub fn project(yaml: &str) -> Project {
    project_files(&[("compose.yaml", yaml)])
}

pub fn project_files(files: &[(&str, &str)]) -> Project {
    let l = load_files(files);
    match l.project {
        Some(p) => p,
        None => panic!("load failed: {:?}", l.error),
    }
}

pub fn error(yaml: &str) -> String {
    error_files(&[("compose.yaml", yaml)])
}

pub fn error_files(files: &[(&str, &str)]) -> String {
    let l = load_files(files);
    l.error
        .unwrap_or_else(|| panic!("expected an error, got {:?}", l.project))
}

/// Renders the project, loads the rendered YAML again and checks both models
/// are equal (the `config` output is a fixed point).
pub fn roundtrip(p: &Project) {
    let rendered = config_yaml::render(p);
    let unescaped = rendered.clone();
    let mut fs = MemoryFiles::new();
    fs.insert(&format!("{}/compose.yaml", p.working_dir), &unescaped);
    let mut o = opts(&p.working_dir);
    o.profiles = p.profiles.clone();
    let l = load(&o, &fs);
    let again = match l.project {
        Some(p) => p,
        None => panic!(
            "reloading the rendered config failed: {:?}\n{}",
            l.error, rendered
        ),
    };
    let rendered2 = config_yaml::render(&again);
    assert_eq!(rendered, rendered2, "render is not a fixed point");
    let strip = |p: &Project| {
        let mut p = p.clone();
        p.environment.clear();
        p.compose_files.clear();
        for s in p.services.values_mut() {
            s.env_files.clear();
        }
        p
    };
    assert_eq!(
        strip(p).services,
        strip(&again).services,
        "services differ after round-trip\n{}",
        rendered
    );
    assert_eq!(p.networks, again.networks);
    assert_eq!(p.volumes, again.volumes);
}
