//! The simulated Docker daemon.
//!
//! [`World`] holds every object of one simulated machine — images and their
//! layers, containers and their processes, networks, volumes, the host's
//! files — and a simulated clock. Everything that happens goes through a
//! method of `World`; time passes only through [`World::advance`].
//!
//! Architecture invariants: no real I/O, no wall clock, no OS randomness
//! (ids come from a seeded generator); no knowledge of Docker's CLI output
//! format (the `baleine-docker` crate owns that). Error texts are the
//! daemon's own messages.
//!
//! Code map: `world.rs` (state, clock, lookups), `images.rs` (references,
//! pull, tag, rmi), `containers.rs` (lifecycle, restart policies),
//! `network.rs` (IPAM, DNS, reachability), `volumes.rs`, `sys.rs` (processes:
//! main process, exec, healthchecks), `programs.rs` (what runs inside),
//! `http.rs` (what servers answer), `build.rs` (docker build), `catalog*.rs`,
//! `baseos.rs` and `packages_data.rs` (built-in data).

pub mod baseos;
pub mod build;
pub mod build_context;
pub mod build_exec;
pub mod build_ignore;
pub mod catalog;
pub mod catalog_data;
pub mod clients;
pub mod containers;
pub mod error;
pub mod http;
pub mod images;
pub mod model;
pub mod network;
pub mod packages_data;
pub mod programs;
pub mod sys;
pub mod util;
pub mod volumes;
pub mod world;

pub use error::{EngineError, EngineResult, ErrorKind};
pub use world::World;

/// The simulated machine's host name: the daemon's `Name` in `docker info`,
/// the host shell's prompt, and the hostname of `--network host` containers.
pub const HOST_NAME: &str = "baleine";
