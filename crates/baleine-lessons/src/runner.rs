//! Running lessons on a machine: the setup, solutions, and the learner's
//! progress. Everything goes through `Host::execute`, as typed lines and
//! editor saves would.

use baleine_host::{Host, HostCommand, HostConfig};
use serde::{Deserialize, Serialize};

use crate::checks::check_step;
use crate::model::*;
use crate::parse::kind_name;

/// What one action did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionOutcome {
    /// Exit status (None: the command did not return to the prompt).
    pub status: Option<i32>,
    /// What the terminal showed.
    pub output: String,
}

/// Runs one action on the machine: a typed command (to completion, with
/// simulated time running while it follows output) or an editor save.
pub fn run_action(host: &mut Host, action: &Action) -> ActionOutcome {
    match action {
        Action::WriteFile { path, content, .. } => {
            // The editor creates missing folders as it saves.
            if let Some((dir, _)) = path.rsplit_once('/') {
                if !dir.is_empty() {
                    host.execute(HostCommand::Mkdir { path: dir.to_string() });
                }
            }
            host.execute(HostCommand::WriteFile { path: path.clone(), text: content.clone() });
            ActionOutcome { status: Some(0), output: String::new() }
        }
        Action::Run { text, .. } => {
            let o = host.execute(HostCommand::Line(text.trim_end_matches('\n').to_string()));
            let mut output = o.text;
            output.push_str(&host.settle());
            let status = match o.status {
                Some(s) => Some(s),
                None if !host.busy() && host.prompt().contains("@baleine") => Some(host.shell().last_status),
                None => None,
            };
            if status.is_none() {
                // An unfinished line, a prompt or an interactive shell: give
                // the terminal back as Ctrl+C (then `exit`) would.
                output.push_str(&host.execute(HostCommand::Interrupt).text);
                if !host.prompt().contains("@baleine") {
                    output.push_str(&host.execute(HostCommand::Line("exit".into())).text);
                }
            }
            ActionOutcome { status, output }
        }
    }
}

/// A fresh machine for a lesson (the course's default machine).
pub fn new_host() -> Host {
    Host::new(HostConfig::default())
}

/// Writes the lesson's starting files and runs its setup commands. Returns
/// problems (a command that failed), with the line of the lesson file.
pub fn apply_setup(host: &mut Host, lesson: &Lesson) -> Vec<LessonError> {
    let mut errors = Vec::new();
    for f in &lesson.setup.files {
        run_action(host, &Action::WriteFile { path: f.path.clone(), content: f.content.clone(), line: f.line });
    }
    for a in &lesson.setup.commands {
        let o = run_action(host, a);
        if o.status != Some(0) {
            errors.push(LessonError { file: lesson.file.clone(), line: a.line(), message: format!("setup command `{}` {}", first_line(&a.display()), status_text(&o)) });
        }
    }
    errors
}

/// A fresh machine with the lesson's setup applied (what the web app shows
/// when the learner opens a lesson).
pub fn start(lesson: &Lesson) -> (Host, Vec<LessonError>) {
    let mut host = new_host();
    let errors = apply_setup(&mut host, lesson);
    (host, errors)
}

fn first_line(s: &str) -> String {
    let mut l = s.lines().next().unwrap_or("").to_string();
    if s.lines().nth(1).is_some() {
        l.push_str(" …");
    }
    l
}

fn status_text(o: &ActionOutcome) -> String {
    let tail: Vec<&str> = o.output.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = tail[tail.len().saturating_sub(3)..].join(" | ");
    let tail = strip_ansi(&tail);
    match o.status {
        Some(s) => format!("exited with status {s}: {tail}"),
        None => format!("did not return to the prompt (an unfinished quote or heredoc, or an interactive session): {tail}"),
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// The results of a step's checks on the machine, in order.
pub fn evaluate(host: &Host, step: &Step) -> Vec<CheckResult> {
    step.checks.iter().map(|c| check_step(host, c)).collect()
}

/// Whether every check of the step passes.
pub fn step_passes(host: &Host, step: &Step) -> bool {
    step.checks.iter().all(|c| check_step(host, c).pass)
}

/// What `baleine lesson check` found for one lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub id: String,
    pub file: String,
    pub steps: usize,
    pub failures: Vec<LessonError>,
    /// The whole terminal session (setup and solutions), for debugging.
    pub transcript: String,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Runs a lesson's solution on a fresh machine: the setup, then for each
/// step, its checks must fail before its solution (unless the step or the
/// check allows otherwise) and all pass after it.
pub fn run_solution(lesson: &Lesson) -> Report {
    let mut host = new_host();
    let mut report = Report { id: lesson.id.clone(), file: lesson.file.clone(), steps: lesson.steps.len(), ..Default::default() };
    let err = |line: usize, message: String| LessonError { file: lesson.file.clone(), line, message };
    for f in &lesson.setup.files {
        run_action(&mut host, &Action::WriteFile { path: f.path.clone(), content: f.content.clone(), line: f.line });
    }
    for a in &lesson.setup.commands {
        let o = run_action(&mut host, a);
        report.transcript.push_str(&format!("$ {}\n{}", a.display(), o.output));
        if o.status != Some(0) {
            report.failures.push(err(a.line(), format!("setup command `{}` {}", first_line(&a.display()), status_text(&o))));
        }
    }
    for step in &lesson.steps {
        for (c, r) in step.checks.iter().zip(evaluate(&host, step)) {
            if r.pass && !step.precondition_may_pass && !c.may_pass_before {
                report.failures.push(err(
                    c.line,
                    format!(
                        "step \"{}\": check \"{}\" already passes before the step's solution runs ({}); make the check more specific, or set may_pass_before = true on it (or precondition_may_pass = true on the step)",
                        step.id,
                        kind_name(&c.check),
                        r.detail.en
                    ),
                ));
            }
        }
        for a in &step.solution {
            let o = run_action(&mut host, a);
            report.transcript.push_str(&format!("$ {}\n{}", a.display(), o.output));
            if o.status != Some(0) {
                report.failures.push(err(a.line(), format!("step \"{}\": solution command `{}` {}", step.id, first_line(&a.display()), status_text(&o))));
            }
        }
        for (c, r) in step.checks.iter().zip(evaluate(&host, step)) {
            if !r.pass {
                let neg = if c.not { " (with not = true)" } else { "" };
                report.failures.push(err(c.line, format!("step \"{}\": check \"{}\"{neg} does not pass after the step's solution: {}", step.id, kind_name(&c.check), r.detail.en)));
            }
        }
    }
    report
}

/// Where a learner is in a lesson. Holds no machine: the web app keeps it
/// (and may store it as JSON) and calls [`LessonProgress::update`] after
/// each command.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    pub lesson: String,
    /// Index of the current step (== number of steps when done).
    pub step: usize,
    /// How many hints of the current step are shown.
    pub hints_revealed: usize,
    /// Whether the current step's solution is shown.
    pub solution_shown: bool,
    /// Ids of the completed steps, in order.
    pub completed: Vec<String>,
}

impl LessonProgress {
    pub fn new(lesson: &Lesson) -> LessonProgress {
        LessonProgress { lesson: lesson.id.clone(), ..Default::default() }
    }

    pub fn done(&self, lesson: &Lesson) -> bool {
        self.step >= lesson.steps.len()
    }

    pub fn current<'a>(&self, lesson: &'a Lesson) -> Option<&'a Step> {
        lesson.steps.get(self.step)
    }

    /// Shows one more hint of the current step; returns it (None: no more).
    pub fn reveal_hint<'a>(&mut self, lesson: &'a Lesson) -> Option<&'a Text> {
        let step = self.current(lesson)?;
        let h = step.hints.get(self.hints_revealed)?;
        self.hints_revealed += 1;
        Some(h)
    }

    /// The hints shown so far.
    pub fn hints<'a>(&self, lesson: &'a Lesson) -> &'a [Text] {
        match self.current(lesson) {
            Some(s) => &s.hints[..self.hints_revealed.min(s.hints.len())],
            None => &[],
        }
    }

    pub fn show_solution(&mut self) {
        self.solution_shown = true;
    }

    /// Evaluates the current step on the machine; moves on while steps pass.
    /// Returns the results of the step that is current afterwards (empty
    /// when the lesson is done) and whether any step was completed.
    pub fn update(&mut self, lesson: &Lesson, host: &Host) -> (Vec<CheckResult>, bool) {
        let mut advanced = false;
        while let Some(step) = self.current(lesson) {
            let results = evaluate(host, step);
            if results.iter().all(|r| r.pass) {
                self.completed.push(step.id.clone());
                self.step += 1;
                self.hints_revealed = 0;
                self.solution_shown = false;
                advanced = true;
            } else {
                return (results, advanced);
            }
        }
        (Vec::new(), advanced)
    }
}
