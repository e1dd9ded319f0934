//! `docker compose`: filled in by the compose front.

use baleine_engine::World;
use baleine_shell::Output;

use crate::Cli;

/// State of an attached `compose up` / `compose logs -f`.
pub struct ComposeFollow {}

pub fn run(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let _ = argv;
    cli.err("baleine: docker compose is being written\n");
    1
}

pub fn follow_tick(world: &mut World, f: &mut ComposeFollow, out: &mut Output) -> Option<i32> {
    let _ = (world, f, out);
    Some(0)
}

pub fn follow_interrupt(world: &mut World, f: ComposeFollow, out: &mut Output) -> i32 {
    let _ = (world, f, out);
    130
}

/// A compose project as the web app's compose panel shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectView {
    pub project: String,
    pub services: Vec<ServiceView>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceView {
    pub name: String,
    pub depends_on: Vec<(String, String)>,
    pub created_ms: Option<u64>,
    pub started_ms: Option<u64>,
    pub healthy_ms: Option<u64>,
    pub waited_on: Vec<String>,
    pub state: String,
}

/// Every compose project known to the engine.
pub fn views(world: &World) -> Vec<ProjectView> {
    let _ = world;
    Vec::new()
}

/// Loads a compose file's text to report its first error: (line, message).
pub fn check_text(world: &World, path: &str, text: &str) -> Option<(usize, String)> {
    let _ = (world, path, text);
    None
}
