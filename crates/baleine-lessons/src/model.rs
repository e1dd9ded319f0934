//! The lesson data model: plain, owned, serialisable data (the web app
//! receives it as is). Everything here comes out of [`crate::parse_lesson`],
//! which has already validated it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A text in both languages of the course.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text { fr: fr.into(), en: en.into() }
    }
    /// The text in `lang` ("fr" or "en"; anything else gives French).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.fr
        }
    }
}

/// What kind of lesson this is (the web panel groups them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonKind {
    /// A chapter of the course.
    #[default]
    Lesson,
    /// One of the course's exercises.
    Exercise,
    /// Something is broken (a fault injected by the setup): diagnose and fix.
    Troubleshooting,
}

impl LessonKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            LessonKind::Lesson => "lesson",
            LessonKind::Exercise => "exercise",
            LessonKind::Troubleshooting => "troubleshooting",
        }
    }
}

/// A lesson, as read from a lesson file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// Stable identifier (lowercase letters, digits, `-`), used by the web
    /// app to remember progress.
    pub id: String,
    /// The file it was read from (for messages).
    pub file: String,
    pub kind: LessonKind,
    /// Which chapter of the course it belongs to (free text, e.g. "volumes").
    pub chapter: String,
    /// Sort key in the lesson list (smaller first).
    pub order: i64,
    pub title: Text,
    pub intro: Text,
    pub setup: Setup,
    pub steps: Vec<Step>,
}

/// What the learner's machine looks like when the lesson starts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    /// Files written into the host before anything else (paths relative to
    /// the project folder `~/projet`, or absolute).
    pub files: Vec<SetupFile>,
    /// Run in order after the files are written, e.g. to inject a fault.
    pub commands: Vec<Action>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupFile {
    pub path: String,
    pub content: String,
    /// Line of the file's entry in the lesson file.
    pub line: usize,
}

/// One thing a solution (or the setup) does to the machine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// Typed in the terminal (may span several lines: a heredoc, a `\`).
    Run { text: String, line: usize },
    /// Saved from the editor.
    WriteFile { path: String, content: String, line: usize },
}

impl Action {
    pub fn line(&self) -> usize {
        match self {
            Action::Run { line, .. } | Action::WriteFile { line, .. } => *line,
        }
    }
    /// What the learner would see of it in the solution panel.
    pub fn display(&self) -> String {
        match self {
            Action::Run { text, .. } => text.clone(),
            Action::WriteFile { path, content, .. } => format!("# {path}\n{content}"),
        }
    }
}

/// One step of a lesson.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub line: usize,
    pub objective: Text,
    /// Revealed one at a time.
    pub hints: Vec<Text>,
    /// Shown once the step is done (optional).
    pub explanation: Option<Text>,
    pub solution: Vec<Action>,
    pub checks: Vec<StepCheck>,
    /// The checks may already pass before the step's solution runs (e.g. a
    /// step that only asks to observe something).
    pub precondition_may_pass: bool,
}

/// A check of a step, with where it is written and its modifiers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepCheck {
    pub line: usize,
    /// Passes when the predicate does *not* hold.
    pub not: bool,
    /// This check may already pass before the step's solution runs.
    pub may_pass_before: bool,
    /// What the web panel shows for this check (default: [`crate::describe`]).
    pub label: Option<Text>,
    pub check: Check,
}

/// The closed set of declarative predicates over the simulated machine's
/// state and history. Names are Docker object names as the learner types
/// them (container names, image references, volume and network names).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Check {
    // ---- images
    /// An image with this reference exists, optionally with limits.
    ImageExists {
        name: String,
        max_size_mb: Option<f64>,
        min_size_mb: Option<f64>,
        max_layers: Option<u32>,
        /// The last build produced it from at least this many stages.
        min_stages: Option<u32>,
        /// Its configured user is not root.
        non_root_user: Option<bool>,
        /// Its configured user is exactly this.
        user: Option<String>,
    },
    /// `image` is at least `factor` times smaller than `other`.
    ImageSmallerThan {
        image: String,
        other: String,
        factor: f64,
    },
    /// A path exists (or not) in an image's file system.
    FileInImage {
        image: String,
        path: String,
        contains: Option<String>,
        absent: bool,
    },
    /// No file of the build context that `.dockerignore` excludes reached the image.
    DockerignoreRespected {
        image: String,
        context: String,
    },
    /// The last `docker build`.
    LastBuild {
        /// It produced this image.
        image: Option<String>,
        /// It succeeded (default) or failed.
        ok: bool,
        /// A step whose name contains this text came from the cache.
        cache_hit_step_contains: Option<String>,
        /// A step whose name contains this text ran (cache miss).
        cache_miss_step_contains: Option<String>,
        min_stages: Option<u32>,
    },
    // ---- containers
    ContainerExists {
        name: String,
    },
    ContainerRunning {
        name: String,
        /// "8080:80", "127.0.0.1:8080:80", "8080:80/udp".
        published: Option<String>,
        /// "starting", "healthy", "unhealthy".
        health: Option<String>,
        image: Option<String>,
    },
    /// created, running, paused, restarting, exited, dead.
    ContainerState {
        name: String,
        state: String,
    },
    ContainerExitCode {
        name: String,
        code: i32,
    },
    ContainerHealth {
        name: String,
        status: String,
    },
    /// The user the container's process runs as.
    ContainerUser {
        name: String,
        user: Option<String>,
        non_root: Option<bool>,
    },
    RestartPolicy {
        container: String,
        policy: String,
        max_retries: Option<u32>,
    },
    /// The restart manager restarted it at least `min` times.
    RestartCount {
        container: String,
        min: u32,
    },
    MemoryLimit {
        container: String,
        bytes: u64,
    },
    CpuLimit {
        container: String,
        cpus: f64,
    },
    Env {
        container: String,
        key: String,
        value: Option<String>,
    },
    LogConfig {
        container: String,
        driver: Option<String>,
        options: BTreeMap<String, String>,
    },
    LogsContain {
        container: String,
        text: String,
    },
    FileInContainer {
        container: String,
        path: String,
        contains: Option<String>,
        absent: bool,
    },
    /// `mount_type` is written `type` in lesson files.
    Mount {
        container: String,
        target: String,
        mount_type: Option<String>,
        source: Option<String>,
        read_only: Option<bool>,
    },
    // ---- networks
    NetworkExists {
        name: String,
        driver: Option<String>,
    },
    /// `a` and `b` share a network (a user-defined one unless told otherwise).
    SameNetwork {
        a: String,
        b: String,
        user_defined: bool,
        network: Option<String>,
    },
    /// Container `from` resolves `name` through Docker's DNS or its /etc/hosts.
    Resolves {
        from: String,
        name: String,
    },
    /// Container `from` connects to `to` (on `port`: something listens there).
    Reaches {
        from: String,
        to: String,
        port: Option<u16>,
    },
    /// An HTTP GET from the host (or container `from`) answers.
    Http {
        from: Option<String>,
        url: String,
        status: u16,
        body_contains: Option<String>,
    },
    // ---- volumes
    VolumeExists {
        name: String,
    },
    VolumeContains {
        name: String,
        path: String,
        contains: Option<String>,
    },
    /// The volume still holds data after container `container` was removed.
    VolumeSurvives {
        volume: String,
        container: String,
    },
    // ---- compose
    ComposeService {
        service: String,
        project: Option<String>,
        state: String,
        health: Option<String>,
    },
    /// `service` started after `dependency` was healthy.
    ComposeStartedAfterHealthy {
        service: String,
        dependency: String,
        project: Option<String>,
    },
    // ---- host and history
    HostFile {
        path: String,
        contains: Option<String>,
        absent: bool,
    },
    /// The daemon's history has such an event (`docker events`).
    Event {
        object: Option<String>,
        action: String,
        actor: Option<String>,
    },
}

/// The outcome of one check, with a plain explanation in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    pub pass: bool,
    pub detail: Text,
}

/// A problem with a lesson file, or a failure of its solution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonError {
    pub file: String,
    /// 1-based; 0 when no line applies.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LessonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}
