//! Tests of `docker build` in the engine.

use super::*;
