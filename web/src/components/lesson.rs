//! The lesson panel: the catalogue of lessons when none is open; else the
//! lesson's objective, its steps (done, current, to do), the current step's
//! checks as last evaluated on the machine, hints one by one, the solution
//! on request, and the end of the lesson.

use crate::i18n::{tr, Lang};
use crate::lesson::{self, blocks, Block, LessonRun, Span};
use crate::state::{AppAction, Cmd};
use baleine_lessons::{describe, Action, LessonKind, Text};
use std::rc::Rc;
use yew::prelude::*;

/// What the lesson panel asks of the app (see `Ctl::lesson_op`).
#[derive(Clone, Debug, PartialEq)]
pub enum LessonOp {
    /// Open a built-in lesson by id (resumes its saved session if any).
    Open(String),
    /// Back to the list (the machine stays as it is).
    Close,
    /// Show one more hint of the current step.
    Hint,
    /// Show the current step's solution.
    Solution,
    /// Back to the lesson's starting machine, progress cleared.
    Restart,
}

#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    pub run: Option<Rc<LessonRun>>,
    pub done: Rc<Vec<String>>,
    pub on_lesson: Callback<LessonOp>,
    pub on_action: Callback<AppAction>,
}

#[function_component(LessonPanel)]
pub fn lesson_panel(props: &LessonPanelProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    match &props.run {
        None => catalogue(lang, &props.done, &props.on_lesson),
        Some(run) => lesson_view(lang, run, &props.on_lesson, &props.on_action),
    }
}

fn text(lang: Lang, t: &Text) -> Html {
    rich(t.get(lang.code()))
}

/// A lesson text as HTML elements (never as raw HTML).
fn rich(s: &str) -> Html {
    let inline = |spans: &[Span]| -> Html {
        spans
            .iter()
            .map(|s| match s {
                Span::Text(t) => html! { { t } },
                Span::Code(t) => html! { <code>{ t }</code> },
                Span::Strong(t) => html! { <strong>{ t }</strong> },
                Span::Em(t) => html! { <em>{ t }</em> },
            })
            .collect()
    };
    blocks(s)
        .iter()
        .map(|b| match b {
            Block::Para(spans) => html! { <p>{ inline(spans) }</p> },
            Block::List(items) => html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> },
            Block::Code(code) => html! { <pre class="lesson-code"><code>{ code }</code></pre> },
        })
        .collect()
}

/// The badge of one lesson.
fn kind_badge(k: LessonKind) -> &'static str {
    match k {
        LessonKind::Lesson => "Lesson",
        LessonKind::Exercise => "Exercise",
        LessonKind::Troubleshooting => "Troubleshooting",
    }
}

/// The heading of a group of lessons in the catalogue.
fn kind_label(k: LessonKind) -> &'static str {
    match k {
        LessonKind::Lesson => "Lessons",
        LessonKind::Exercise => "Exercises",
        LessonKind::Troubleshooting => "Troubleshooting",
    }
}

fn catalogue(lang: Lang, done: &[String], on_lesson: &Callback<LessonOp>) -> Html {
    let all = lesson::catalogue();
    let group = |kind: LessonKind| {
        let items: Vec<_> = all.iter().filter(|l| l.kind == kind).collect();
        html! {
            <section class="lesson-group">
                <h3>{ tr(lang, kind_label(kind)) }</h3>
                <ol class="lesson-list">
                    { for items.into_iter().map(|l| {
                        let finished = done.contains(&l.id);
                        let id = l.id.clone();
                        let on_lesson = on_lesson.clone();
                        html! {
                            <li>
                                <button class="lesson-open" data-testid={format!("lesson-open-{}", l.id)} data-done={finished.to_string()}
                                    onclick={Callback::from(move |_: MouseEvent| on_lesson.emit(LessonOp::Open(id.clone())))}>
                                    <span class="lesson-mark" aria-hidden="true">{ if finished { "✓" } else { "○" } }</span>
                                    { l.title.get(lang.code()) }
                                    if finished { <span class="visually-hidden">{ tr(lang, " (completed)") }</span> }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            </section>
        }
    };
    html! {
        <div class="lessons" data-testid="lesson-list">
            <p class="muted">{ tr(lang, "Each lesson sets up a machine and checks what you do in the terminal, whatever way you do it.") }</p>
            { group(LessonKind::Lesson) }
            { group(LessonKind::Exercise) }
            { group(LessonKind::Troubleshooting) }
        </div>
    }
}

fn lesson_view(lang: Lang, run: &LessonRun, on_lesson: &Callback<LessonOp>, on_action: &Callback<AppAction>) -> Html {
    let l = &run.lesson;
    let p = &run.progress;
    let emit = |op: LessonOp| {
        let on_lesson = on_lesson.clone();
        Callback::from(move |_: MouseEvent| on_lesson.emit(op.clone()))
    };
    let total = l.steps.len();
    let shown = p.step.min(total);
    let step_html = |(i, step): (usize, &baleine_lessons::Step)| {
        let state = if i < p.step { "done" } else if i == p.step { "current" } else { "todo" };
        let body = if i == p.step {
            let hints = p.hints(l);
            let more_hints = hints.len() < step.hints.len();
            html! {
                <>
                    <ul class="lesson-checks" data-testid="lesson-checks" aria-live="polite">
                        { for step.checks.iter().enumerate().map(|(k, c)| {
                            let r = run.results.get(k);
                            let pass = r.is_some_and(|r| r.pass);
                            html! {
                                <li class={classes!("lesson-check", pass.then_some("pass"))} data-testid="lesson-check" data-pass={pass.to_string()}>
                                    <span class="lesson-mark" aria-hidden="true">{ if pass { "✓" } else { "·" } }</span>
                                    <span>{ text(lang, &describe(c)) }</span>
                                    if let Some(r) = r.filter(|r| !r.pass && !r.detail.get(lang.code()).is_empty()) {
                                        <span class="lesson-detail muted">{ text(lang, &r.detail) }</span>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                    if !hints.is_empty() {
                        <ol class="lesson-hints" data-testid="lesson-hints">
                            { for hints.iter().map(|h| html! { <li data-testid="lesson-hint">{ text(lang, h) }</li> }) }
                        </ol>
                    }
                    <div class="lesson-actions">
                        if more_hints {
                            <button data-testid="lesson-hint-button" onclick={emit(LessonOp::Hint)}>
                                { format!("{} ({}/{})", tr(lang, "Show a hint"), hints.len() + 1, step.hints.len()) }
                            </button>
                        }
                        if !p.solution_shown && !step.solution.is_empty() {
                            <button data-testid="lesson-solution-button" onclick={emit(LessonOp::Solution)}>{ tr(lang, "Show the solution") }</button>
                        }
                    </div>
                    if p.solution_shown {
                        <div class="lesson-solution" data-testid="lesson-solution">
                            { for step.solution.iter().map(|a| solution_action(lang, a, on_action)) }
                        </div>
                    }
                </>
            }
        } else if i < p.step {
            match &step.explanation {
                Some(e) => html! { <div class="lesson-explanation">{ text(lang, e) }</div> },
                None => html! {},
            }
        } else {
            html! {}
        };
        html! {
            <li class={classes!("lesson-step", state)} data-testid={format!("lesson-step-{}", step.id)} data-state={state}
                aria-current={(state == "current").then_some("step")}>
                <div class="lesson-objective">
                    <span class="lesson-mark" aria-hidden="true">{ match state { "done" => "✓", "current" => "▶", _ => "○" } }</span>
                    <div>{ text(lang, &step.objective) }</div>
                </div>
                { body }
            </li>
        }
    };
    let next = lesson::next_after(&l.id).filter(|_| run.source.is_none());
    html! {
        <div class="lesson" data-testid="lesson" data-lesson={l.id.clone()} data-step={shown.to_string()}>
            <header class="lesson-head">
                <button class="link" data-testid="lesson-close" onclick={emit(LessonOp::Close)}>{ tr(lang, "← All lessons") }</button>
                <h3 data-testid="lesson-title">{ l.title.get(lang.code()) }</h3>
                <span class="badge">{ tr(lang, kind_badge(l.kind)) }</span>
                <button data-testid="lesson-restart" onclick={emit(LessonOp::Restart)} title={tr(lang, "Back to the lesson's starting machine")}>{ tr(lang, "Start again") }</button>
            </header>
            <progress max={total.to_string()} value={shown.to_string()} data-testid="lesson-progress"
                aria-label={format!("{} {shown}/{total}", tr(lang, "Steps completed:"))}></progress>
            <details class="lesson-intro" open={p.step == 0}>
                <summary>{ tr(lang, "Introduction") }</summary>
                { text(lang, &l.intro) }
            </details>
            <ol class="lesson-steps" data-testid="lesson-steps">
                { for l.steps.iter().enumerate().map(step_html) }
            </ol>
            if run.done() {
                <div class="lesson-complete" data-testid="lesson-complete" role="status">
                    <strong>{ tr(lang, "Lesson complete!") }</strong>
                    if let Some(n) = next {
                        <button data-testid="lesson-next" onclick={emit(LessonOp::Open(n.id.clone()))}>
                            { format!("{} {}", tr(lang, "Next:"), n.title.get(lang.code())) }
                        </button>
                    }
                </div>
            }
        </div>
    }
}

/// One action of a solution, with a button that does it (types the command
/// into the terminal, or saves the file as the editor would).
fn solution_action(lang: Lang, a: &Action, on_action: &Callback<AppAction>) -> Html {
    let on_action = on_action.clone();
    let (label, action) = match a {
        Action::Run { text, .. } => (tr(lang, "Run"), AppAction::TypeCommand(text.trim_end_matches('\n').to_string())),
        Action::WriteFile { path, content, .. } => (tr(lang, "Save the file"), AppAction::Host(Cmd::WriteFile { path: path.clone(), text: content.clone() })),
    };
    html! {
        <div class="lesson-solution-item">
            <pre class="lesson-code"><code>{ a.display() }</code></pre>
            <button onclick={Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))}>{ label }</button>
        </div>
    }
}
