//! Lessons with automatic checking.
//!
//! A lesson is a TOML file (see `docs/lessons.md`): a title and an
//! introduction in French and English, a starting state (files and
//! commands, e.g. an injected fault), and ordered steps, each with an
//! objective, hints revealed one by one, a solution and *checks*.
//!
//! Checks are declarative predicates over the simulated machine's state and
//! history ([`Check`]), never over what was typed: "container `web` runs and
//! publishes 8080:80", "`api` resolves `db`", "the last build took
//! `npm install` from the cache", "`backend` started after `database` was
//! healthy". [`check`] evaluates one on a [`baleine_host::Host`] without
//! changing it.
//!
//! - [`parse_lesson`]: text → [`Lesson`] plus errors with file and line;
//!   never panics.
//! - [`run_solution`]: what `baleine lesson check` does: a fresh machine,
//!   the setup, and for every step: checks fail before, solution, checks
//!   pass after.
//! - [`LessonProgress`]: the learner's position (step, hints shown), plain
//!   serialisable data for the web app.
//! - [`BUILTIN`]: the course's lessons (`public/lessons/*.toml`).
//!
//! Architecture invariants: no I/O (callers pass file texts in); every
//! change to the machine goes through `Host::execute`; builds for
//! `wasm32-unknown-unknown`.

mod checks;
mod model;
mod parse;
mod runner;

pub use checks::{check, check_step, describe};
pub use model::*;
pub use parse::{kind_name, parse_lesson, parse_published, parse_size, CHECK_KINDS, MAX_LESSON_BYTES};
pub use runner::{apply_setup, evaluate, new_host, run_action, run_solution, start, step_passes, ActionOutcome, LessonProgress, Report};

/// The built-in lessons: (file name, text), in course order.
pub const BUILTIN: &[(&str, &str)] = &[
    ("01-images-dockerfile.toml", include_str!("../../../public/lessons/01-images-dockerfile.toml")),
    ("02-cycle-de-vie.toml", include_str!("../../../public/lessons/02-cycle-de-vie.toml")),
    ("03-volumes.toml", include_str!("../../../public/lessons/03-volumes.toml")),
    ("04-reseaux.toml", include_str!("../../../public/lessons/04-reseaux.toml")),
    ("05-variables-environnement.toml", include_str!("../../../public/lessons/05-variables-environnement.toml")),
    ("06-multi-stage.toml", include_str!("../../../public/lessons/06-multi-stage.toml")),
    ("07-optimisation.toml", include_str!("../../../public/lessons/07-optimisation.toml")),
    ("08-compose.toml", include_str!("../../../public/lessons/08-compose.toml")),
    ("09-healthchecks.toml", include_str!("../../../public/lessons/09-healthchecks.toml")),
    ("10-redemarrage.toml", include_str!("../../../public/lessons/10-redemarrage.toml")),
    ("11-limites-ressources.toml", include_str!("../../../public/lessons/11-limites-ressources.toml")),
    ("12-journalisation.toml", include_str!("../../../public/lessons/12-journalisation.toml")),
    ("13-secrets.toml", include_str!("../../../public/lessons/13-secrets.toml")),
    ("14-sauvegarde.toml", include_str!("../../../public/lessons/14-sauvegarde.toml")),
    ("20-exercice-1-multi-stage.toml", include_str!("../../../public/lessons/20-exercice-1-multi-stage.toml")),
    ("21-exercice-2-reseau.toml", include_str!("../../../public/lessons/21-exercice-2-reseau.toml")),
    ("22-exercice-3-compose-healthchecks.toml", include_str!("../../../public/lessons/22-exercice-3-compose-healthchecks.toml")),
    ("30-depannage-crash-loop.toml", include_str!("../../../public/lessons/30-depannage-crash-loop.toml")),
    ("31-depannage-healthcheck.toml", include_str!("../../../public/lessons/31-depannage-healthcheck.toml")),
    ("32-depannage-conflit-port.toml", include_str!("../../../public/lessons/32-depannage-conflit-port.toml")),
    ("33-depannage-volume-masque.toml", include_str!("../../../public/lessons/33-depannage-volume-masque.toml")),
];

/// Parses every built-in lesson (they are checked in CI, so errors here
/// would be a bug) and sorts them by `order`.
pub fn builtin_lessons() -> Vec<Lesson> {
    let mut v: Vec<Lesson> = BUILTIN.iter().filter_map(|(f, t)| parse_lesson(t, &format!("public/lessons/{f}")).0).collect();
    baleine_util::sort_by(&mut v, |a, b| a.order.cmp(&b.order).then(a.id.cmp(&b.id)));
    v
}

/// The commented template `baleine lesson new` writes.
pub const TEMPLATE: &str = include_str!("template.toml");
