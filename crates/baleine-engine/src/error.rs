//! Daemon errors. Their `Display` is the daemon's message text, exactly as
//! Docker Engine 27 returns it; the CLI front adds `Error response from
//! daemon: ` and decides the exit code.

use std::fmt;

/// The class of a daemon error (moby's errdefs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    Conflict,
    InvalidParameter,
    Forbidden,
    Unavailable,
    System,
    /// The container's command could not be found (exit 127 for `docker run`).
    CommandNotFound,
    /// The container's command could not be invoked (exit 126).
    CommandNotInvokable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineError {
    pub kind: ErrorKind,
    pub message: String,
}

impl EngineError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> EngineError {
        EngineError { kind, message: message.into() }
    }
    pub fn not_found(message: impl Into<String>) -> EngineError {
        EngineError::new(ErrorKind::NotFound, message)
    }
    pub fn conflict(message: impl Into<String>) -> EngineError {
        EngineError::new(ErrorKind::Conflict, message)
    }
    pub fn invalid(message: impl Into<String>) -> EngineError {
        EngineError::new(ErrorKind::InvalidParameter, message)
    }
    pub fn no_such_container(name: &str) -> EngineError {
        EngineError::not_found(format!("No such container: {name}"))
    }
    pub fn no_such_image(name: &str) -> EngineError {
        EngineError::not_found(format!("No such image: {name}"))
    }
    pub fn not_running(id: &str) -> EngineError {
        EngineError::conflict(format!("container {id} is not running"))
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EngineError {}

pub type EngineResult<T> = Result<T, EngineError>;
