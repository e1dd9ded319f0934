//! `docker build`, `docker commit`, `docker builder prune`.

use baleine_engine::EngineError;

use crate::Cli;

pub fn build(cli: &mut Cli<'_>, argv: &[String], path: &str) -> i32 {
    let _ = (argv, path);
    cli.err("baleine: docker build is being written\n");
    1
}

pub fn prune(cli: &mut Cli<'_>, argv: &[String]) -> i32 {
    let _ = argv;
    let (ids, r) = cli.world.build.prune(true);
    for id in &ids {
        cli.print(format!("ID: {id}\n"));
    }
    cli.print(format!("Total:\t{}\n", baleine_engine::util::human_size(r)));
    0
}

/// `docker commit`: a new image from a container's file system.
pub fn commit(cli: &mut Cli<'_>, container: &str, reference: Option<&str>, message: &str, changes: &[String]) -> Result<String, EngineError> {
    let _ = changes;
    cli.world.commit_container(container, reference, message)
}
