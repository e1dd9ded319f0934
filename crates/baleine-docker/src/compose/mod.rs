//! `docker compose` (Docker Compose v2.32.4) on the simulated engine.
//!
//! Code map: `cli.rs` (root and sub-command flags, help, dispatch),
//! `files.rs` (loading the project from the host's files, service
//! selection, the editor's check), `convert.rs` (a service as the engine's
//! container spec, labels, config hash), `ops.rs` (images, networks,
//! volumes, convergence, the dependency-ordered start on the simulated
//! clock, stop/remove), `progress.rs` (compose's progress output),
//! `cmd_up.rs` (lifecycle commands), `cmd_more.rs` (the others),
//! `follow.rs` (attached `up`, `logs -f`, `events`), `views.rs` (the web
//! app's compose panel).
//!
//! Output decisions: progress is rendered as the last frame compose's TTY
//! writer leaves on an 80-column terminal (or plain/quiet/json with
//! `--progress`), on stderr; durations come from the simulated clock.

mod cli;
mod cmd_more;
mod cmd_up;
mod convert;
mod files;
mod follow;
mod ops;
mod progress;
mod views;

#[cfg(test)]
mod tests;

use baleine_engine::World;
use baleine_shell::Output;

use crate::Cli;

pub use follow::ComposeFollow;

/// The Compose version the simulator reproduces.
pub const COMPOSE_VERSION: &str = "2.32.4";

/// `docker compose ARGS...` (argv after "compose").
pub fn run(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    cli::dispatch(cli, argv)
}

pub fn follow_tick(world: &mut World, f: &mut ComposeFollow, out: &mut Output) -> Option<i32> {
    follow::tick(world, f, out)
}

pub fn follow_interrupt(world: &mut World, f: ComposeFollow, out: &mut Output) -> i32 {
    follow::interrupt(world, f, out)
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
    views::views(world)
}

/// Loads a compose file's text to report its first error: (line, message).
pub fn check_text(world: &World, path: &str, text: &str) -> Option<(usize, String)> {
    files::check_text(world, path, text)
}
