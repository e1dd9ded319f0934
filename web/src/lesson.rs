//! Lessons in the web app: the built-in catalogue, the learner's run of one
//! lesson (its progress and the last check results), what of it is saved
//! with the session, and the set of completed lessons.
//!
//! The lesson model and the checks are `baleine-lessons`'; checks read the
//! machine through [`crate::host::HostHandle::check_lesson`] and never
//! change it.

use baleine_lessons::{builtin_lessons, parse_lesson, CheckResult, Lesson, LessonError, LessonProgress};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

thread_local! {
    static CATALOGUE: Rc<Vec<Rc<Lesson>>> = Rc::new(builtin_lessons().into_iter().map(Rc::new).collect());
}

/// The built-in lessons, in course order (parsed once).
pub fn catalogue() -> Rc<Vec<Rc<Lesson>>> {
    CATALOGUE.with(Rc::clone)
}

/// A built-in lesson by id (`cycle-de-vie`) or file name, with or without
/// its extension (`02-cycle-de-vie`, `02-cycle-de-vie.toml`).
pub fn find(key: &str) -> Option<Rc<Lesson>> {
    let key = key.trim();
    let stem = key.strip_suffix(".toml").unwrap_or(key);
    let stem = stem.rsplit('/').next().unwrap_or(stem);
    catalogue().iter().find(|l| l.id == stem || file_stem(&l.file) == stem).cloned()
}

fn file_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// The lesson after this one in the catalogue.
pub fn next_after(id: &str) -> Option<Rc<Lesson>> {
    let all = catalogue();
    let i = all.iter().position(|l| l.id == id)?;
    all.get(i + 1).cloned()
}

/// Whether a `?lesson=` value names a file to fetch rather than a built-in lesson.
pub fn is_url(key: &str) -> bool {
    key.contains('/') || (key.ends_with(".toml") && find(key).is_none())
}

/// A lesson file fetched by a teacher's link: a run of it, or its errors as
/// one message (file and line each).
pub fn parse_fetched(text: &str, url: &str) -> Result<LessonRun, String> {
    let (lesson, errors) = parse_lesson(text, url);
    match lesson {
        Some(l) if errors.is_empty() => Ok(LessonRun::new(Rc::new(l), Some(Rc::new(Source { url: url.to_string(), text: text.to_string() })))),
        _ => Err(errors.iter().take(5).map(LessonError::to_string).collect::<Vec<_>>().join("; ")),
    }
}

/// Where a lesson that is not built in came from: saved with the session
/// and parsed again on restore (the lesson file is the saved form).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub url: String,
    pub text: String,
}

/// The session a lesson runs in.
pub fn session_name(id: &str) -> String {
    format!("lesson-{id}")
}

/// A lesson being followed.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonRun {
    pub lesson: Rc<Lesson>,
    pub progress: LessonProgress,
    /// The checks of the current step, as last evaluated.
    pub results: Vec<CheckResult>,
    /// Not one of the built-in lessons: the file it was read from (by URL).
    pub source: Option<Rc<Source>>,
}

/// What the session keeps of a run (in `Envelope::lesson`).
#[derive(Serialize, Deserialize)]
struct Saved {
    id: String,
    progress: LessonProgress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<Source>,
}

impl LessonRun {
    pub fn new(lesson: Rc<Lesson>, source: Option<Rc<Source>>) -> LessonRun {
        let progress = LessonProgress::new(&lesson);
        LessonRun { lesson, progress, results: Vec::new(), source }
    }

    pub fn done(&self) -> bool {
        self.progress.done(&self.lesson)
    }

    /// What the embedding page reads of it.
    pub fn summary(&self) -> LessonSummary {
        let p = &self.progress;
        LessonSummary { id: self.lesson.id.clone(), step: p.step, steps: self.lesson.steps.len(), completed: p.completed.clone(), done: self.done() }
    }

    /// The JSON saved with the session.
    pub fn to_saved(&self) -> serde_json::Value {
        let saved = Saved { id: self.lesson.id.clone(), progress: self.progress.clone(), source: self.source.as_deref().cloned() };
        serde_json::to_value(saved).unwrap_or(serde_json::Value::Null)
    }

    /// The run a session saved (None: no lesson, or one this version does
    /// not know any more).
    pub fn from_saved(v: &serde_json::Value) -> Option<LessonRun> {
        let saved: Saved = serde_json::from_value(v.clone()).ok()?;
        let (lesson, source) = match saved.source {
            Some(src) => (Rc::new(parse_lesson(&src.text, &src.url).0?), Some(Rc::new(src))),
            None => (find(&saved.id)?, None),
        };
        let mut progress = saved.progress;
        // A built-in lesson may have lost steps since the save.
        progress.step = progress.step.min(lesson.steps.len());
        Some(LessonRun { lesson, progress, results: Vec::new(), source })
    }
}

/// Where the learner is in the lesson, for the embedding page
/// (`baleine:state`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LessonSummary {
    pub id: String,
    /// Index of the current step (== `steps` when done).
    pub step: usize,
    pub steps: usize,
    /// Ids of the completed steps, in order.
    pub completed: Vec<String>,
    pub done: bool,
}

/// Ids of completed lessons, one per line in storage.
pub fn decode_done(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    baleine_util::sort(&mut v);
    v.dedup();
    v
}

/// One piece of a lesson text: plain, `code`, **strong** or *emphasis*.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Code(String),
    Strong(String),
    Em(String),
}

/// A block of a lesson text: a paragraph, a list or a fenced code block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(Vec<Span>),
    List(Vec<Vec<Span>>),
    Code(String),
}

/// The small Markdown subset lesson texts use: paragraphs separated by blank
/// lines, `- ` lists, ``` fences, and inline `code`, **strong**, *em*.
/// Anything else stays text (rendered as text, never as HTML).
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut fence: Option<Vec<&str>> = None;
    let flush = |para: &mut Vec<&str>, list: &mut Vec<String>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block::Para(spans(&para.join(" "))));
            para.clear();
        }
        if !list.is_empty() {
            out.push(Block::List(list.iter().map(|i| spans(i)).collect()));
            list.clear();
        }
    };
    for line in text.lines() {
        if let Some(code) = fence.as_mut() {
            if line.trim_start().starts_with("```") {
                out.push(Block::Code(code.join("\n")));
                fence = None;
            } else {
                code.push(line);
            }
            continue;
        }
        let t = line.trim();
        if t.starts_with("```") {
            flush(&mut para, &mut list, &mut out);
            fence = Some(Vec::new());
        } else if t.is_empty() {
            flush(&mut para, &mut list, &mut out);
        } else if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
            if !para.is_empty() {
                out.push(Block::Para(spans(&para.join(" "))));
                para.clear();
            }
            list.push(item.to_string());
        } else if !list.is_empty() && line.starts_with("  ") {
            // The continuation of a list item.
            if let Some(last) = list.last_mut() {
                last.push(' ');
                last.push_str(t);
            }
        } else {
            if !list.is_empty() {
                out.push(Block::List(list.iter().map(|i| spans(i)).collect()));
                list.clear();
            }
            para.push(t);
        }
    }
    if let Some(code) = fence {
        out.push(Block::Code(code.join("\n")));
    }
    flush(&mut para, &mut list, &mut out);
    out
}

/// Inline spans of one line of text. An unclosed marker is text.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let (marker, make): (&str, fn(String) -> Span) = if rest.starts_with('`') {
            ("`", Span::Code)
        } else if rest.starts_with("**") {
            ("**", Span::Strong)
        } else if c == '*' && rest[1..].starts_with(|n: char| !n.is_whitespace()) {
            ("*", Span::Em)
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let body = &rest[marker.len()..];
        match body.find(marker).filter(|&end| end > 0) {
            Some(end) => {
                if !plain.is_empty() {
                    out.push(Span::Text(std::mem::take(&mut plain)));
                }
                out.push(make(body[..end].to_string()));
                rest = &body[end + marker.len()..];
            }
            None => {
                plain.push_str(marker);
                rest = body;
            }
        }
    }
    if !plain.is_empty() {
        out.push(Span::Text(plain));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_every_builtin_lesson_and_finds_them_by_id_or_file() {
        assert_eq!(catalogue().len(), baleine_lessons::BUILTIN.len());
        let l = find("cycle-de-vie").unwrap();
        assert_eq!(find("02-cycle-de-vie").unwrap().id, l.id);
        assert_eq!(find("lessons/02-cycle-de-vie.toml").unwrap().id, l.id);
        assert!(find("nope").is_none());
        assert!(is_url("https://example.org/my.toml") && is_url("my-own.toml") && !is_url("02-cycle-de-vie.toml"));
        assert!(next_after(&l.id).is_some());
    }

    #[test]
    fn a_run_survives_its_saved_form() {
        let l = find("cycle-de-vie").unwrap();
        let mut run = LessonRun::new(l.clone(), None);
        run.progress.step = 2;
        run.progress.hints_revealed = 1;
        run.progress.completed = vec!["run".into(), "note".into()];
        let back = LessonRun::from_saved(&run.to_saved()).unwrap();
        assert_eq!(back.progress, run.progress);
        let sum = serde_json::to_value(back.summary()).unwrap();
        assert_eq!(sum, serde_json::json!({"id": "cycle-de-vie", "step": 2, "steps": l.steps.len(), "completed": ["run", "note"], "done": false}));
        assert!(back.source.is_none() && back.lesson.id == l.id);
        assert!(run.to_saved().get("source").is_none(), "a built-in lesson is saved by id");
        let text = baleine_lessons::BUILTIN[1].1.replacen("id = \"cycle-de-vie\"", "id = \"mine\"", 1);
        let run = parse_fetched(&text, "https://t.example/mine.toml").unwrap();
        let back = LessonRun::from_saved(&run.to_saved()).unwrap();
        assert!(back.source.is_some() && back.lesson.id == "mine" && back.lesson.file == "https://t.example/mine.toml");
        assert!(LessonRun::from_saved(&serde_json::json!({"id": "gone", "progress": {"lesson": "gone", "step": 0, "hints_revealed": 0, "solution_shown": false, "completed": []}})).is_none());
        assert!(LessonRun::from_saved(&serde_json::json!(42)).is_none());
    }

    #[test]
    fn bad_lesson_files_get_file_and_line() {
        let e = parse_fetched("id = \"x\"\n[[steps]]\nid = 3\n", "https://t.example/x.toml").unwrap_err();
        assert!(e.contains("https://t.example/x.toml:"), "{e}");
    }

    #[test]
    fn markdown_subset() {
        assert_eq!(
            spans("Run `docker ps` then **stop** it, *now*; 2 * 3 and a `lone"),
            vec![
                Span::Text("Run ".into()),
                Span::Code("docker ps".into()),
                Span::Text(" then ".into()),
                Span::Strong("stop".into()),
                Span::Text(" it, ".into()),
                Span::Em("now".into()),
                Span::Text("; 2 * 3 and a `lone".into()),
            ]
        );
        let b = blocks("One\nline.\n\n- a `x`\n- b\n  more\n\n```\ndocker run \\\n  nginx\n```\nEnd");
        assert_eq!(b.len(), 4, "{b:?}");
        assert_eq!(b[0], Block::Para(vec![Span::Text("One line.".into())]));
        assert_eq!(b[1], Block::List(vec![vec![Span::Text("a ".into()), Span::Code("x".into())], vec![Span::Text("b more".into())]]));
        assert_eq!(b[2], Block::Code("docker run \\\n  nginx".into()));
        assert_eq!(spans("<img src=x onerror=alert(1)>"), vec![Span::Text("<img src=x onerror=alert(1)>".into())]);
        // Never panics on odd input.
        for s in ["*", "**", "`", "***", "* *", "é*è*", "``"] {
            let _ = spans(s);
        }
    }
}
