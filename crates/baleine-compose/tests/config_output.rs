mod common;
use common::*;

#[test]
fn interp_example_renders_exactly() {
    let dir = "/home/learner/projet/interp";
    let files = [
        ("compose.yaml", "services:\n  web:\n    image: \"nginx:${NGINX_TAG}\"\n    ports:\n      - \"${HOST_PORT:-8080}:80\"\n"),
        (".env", "NGINX_TAG=alpine\n"),
    ];
    let l = load_with(&files, opts(dir));
    assert_eq!(l.error, None);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    let p = l.project.unwrap();
    assert_eq!(
        config_yaml::render(&p),
        "name: interp
services:
  web:
    image: nginx:alpine
    networks:
      default: null
    ports:
      - mode: ingress
        target: 80
        published: \"8080\"
        protocol: tcp
networks:
  default:
    name: interp_default
"
    );
    roundtrip(&p);
}
