//! Tests of networks: static addresses (`--ip`) and IPAM configuration.

use super::*;

fn world() -> World {
    let mut w = World::new(7, 1_764_057_600);
    w.pull("alpine").unwrap();
    w.create_network(NetworkSpec { name: "auto".into(), ..Default::default() }).unwrap();
    w.create_network(NetworkSpec { name: "fixed".into(), subnet: Some("10.50.0.0/24".into()), ip_range: Some("10.50.0.128/25".into()), ..Default::default() }).unwrap();
    w
}

fn spec(name: &str, network: &str, ip: Option<&str>) -> ContainerSpec {
    ContainerSpec { image: "alpine".into(), name: Some(name.into()), network: Some(network.into()), ip: ip.map(str::to_string), cmd: Some(vec!["sleep".into(), "3600".into()]), ..Default::default() }
}

fn ip_on(w: &World, container: &str, network: &str) -> String {
    let nid = w.network_id(network).unwrap();
    ip_to_string(w.container(container).unwrap().endpoints[&nid].ip)
}

#[test]
fn configured_subnets_are_recorded() {
    let w = world();
    let net = |n: &str| w.networks.values().find(|x| x.name == n).unwrap().clone();
    assert_eq!((net("bridge").configured_subnet, net("bridge").configured_gateway), (true, true));
    assert_eq!((net("auto").configured_subnet, net("auto").configured_gateway), (false, false));
    assert_eq!((net("fixed").configured_subnet, net("fixed").configured_gateway), (true, false));
}

#[test]
fn endpoint_settings_as_moby_validates_them() {
    let w = world();
    let net = |n: &str| w.networks.values().find(|x| x.name == n).unwrap().clone();
    let check = |n: &str, aliases: bool, ip: Option<&str>| validate_endpoint_settings(&net(n), aliases, ip);
    assert_eq!(check("fixed", true, Some("10.50.0.200")), Ok(Some(0x0a32_00c8)));
    assert_eq!(check("auto", true, None), Ok(None));
    assert_eq!(check("auto", false, Some("172.18.0.99")), Err("invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets".into()));
    // In the subnet but not in its --ip-range: IpamConf.Contains looks at
    // the subnet (PreferredPool) only.
    assert_eq!(check("fixed", false, Some("10.50.0.5")), Ok(Some(0x0a32_0005)));
    assert_eq!(check("fixed", false, Some("10.51.0.5")), Err("invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.51.0.5".into()));
    assert_eq!(check("fixed", false, Some("10.50.0.300")), Err("invalid endpoint settings:\n* invalid IPv4 address: 10.50.0.300\n* no configured subnet or ip-range contain the IP address 10.50.0.300".into()));
    assert_eq!(check("bridge", true, Some("172.17.0.50")), Err("invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* network-scoped alias is supported only for containers in user defined networks".into()));
    assert_eq!(check("host", false, Some("1.2.3.4")), Err("invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets".into()));
}

#[test]
fn run_with_ip_is_checked_at_create() {
    let mut w = world();
    let e = w.create_container(spec("c1", "auto", Some("172.18.0.99"))).unwrap_err();
    assert_eq!(e.message, "invalid config for network auto: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets");
    assert!(w.container("c1").is_err(), "nothing is created");
    let e = w.create_container(spec("c2", "bridge", Some("172.17.0.50"))).unwrap_err();
    assert_eq!(e.message, "invalid config for network bridge: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only");
    // The address asked for is kept across restarts.
    w.create_container(spec("c3", "fixed", Some("10.50.0.200"))).unwrap();
    w.start_container("c3").unwrap();
    assert_eq!(ip_on(&w, "c3", "fixed"), "10.50.0.200");
    w.stop_container("c3", Some(0), None).unwrap();
    w.create_container(spec("c4", "fixed", None)).unwrap();
    w.start_container("c4").unwrap();
    w.start_container("c3").unwrap();
    assert_eq!(ip_on(&w, "c3", "fixed"), "10.50.0.200");
}

#[test]
fn connect_with_ip() {
    let mut w = world();
    w.create_container(spec("c1", "bridge", None)).unwrap();
    w.start_container("c1").unwrap();
    let e = w.network_connect("auto", "c1", Vec::new(), Some("172.18.0.99".into())).unwrap_err();
    assert_eq!(e.message, "invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets");
    assert!(!w.container("c1").unwrap().endpoints.contains_key(&w.network_id("auto").unwrap()));
    w.network_connect("fixed", "c1", Vec::new(), Some("10.50.0.130".into())).unwrap();
    assert_eq!(ip_on(&w, "c1", "fixed"), "10.50.0.130");
    // A created container gets the address when it starts.
    w.create_container(spec("c2", "bridge", None)).unwrap();
    w.network_connect("fixed", "c2", Vec::new(), Some("10.50.0.131".into())).unwrap();
    w.start_container("c2").unwrap();
    assert_eq!(ip_on(&w, "c2", "fixed"), "10.50.0.131");
}

#[test]
fn disconnect_from_a_network_not_joined() {
    let mut w = world();
    let up = w.create_container(spec("up", "auto", None)).unwrap();
    w.start_container(&up).unwrap();
    let down = w.create_container(spec("down", "auto", None)).unwrap();
    assert_eq!(w.network_disconnect("fixed", "up", false).unwrap_err().message, format!("container {up} is not connected to network fixed"));
    assert_eq!(w.network_disconnect("fixed", "down", false).unwrap_err().message, format!("container {down} is not connected to the network fixed"));
}

#[test]
fn link_env_follows_moby_to_env() {
    let env = link_env("/kid/my-db", "172.17.0.3", &["5432/tcp".into(), "9000-9002/tcp".into(), "53/udp".into()], &["PATH=/bin".into(), "HOME=/root".into(), "PGDATA=/d".into()]);
    assert_eq!(env[0], "MY_DB_PORT=udp://172.17.0.3:53");
    assert!(env.contains(&"MY_DB_PORT_9000_TCP_START=tcp://172.17.0.3:9000".to_string()));
    assert!(env.contains(&"MY_DB_PORT_9000_TCP_END=tcp://172.17.0.3:9002".to_string()));
    assert!(env.contains(&"MY_DB_PORT_5432_TCP_ADDR=172.17.0.3".to_string()));
    assert!(env.contains(&"MY_DB_NAME=/kid/my-db".to_string()));
    assert_eq!(env.last().map(String::as_str), Some("MY_DB_ENV_PGDATA=/d"));
    assert!(!env.iter().any(|e| e.contains("_ENV_PATH") || e.contains("_ENV_HOME")));
}

#[test]
fn container_mode_start_needs_a_running_target() {
    let mut w = world();
    let target = w.create_container(spec("target", "auto", None)).unwrap();
    let side = w.create_container(ContainerSpec { network: Some("container:target".into()), ..spec("side", "auto", None) }).unwrap();
    let e = w.start_container(&side).unwrap_err();
    assert_eq!(e.message, format!("cannot join network of a non running container: {target}"));
    w.start_container(&target).unwrap();
    w.start_container(&side).unwrap();
}
