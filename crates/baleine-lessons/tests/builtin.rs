//! The built-in lessons (public/lessons/*.toml): valid, complete, and their
//! solutions pass their checks on a fresh machine (what CI's
//! `baleine lesson check public/lessons/*` also verifies).

use baleine_lessons::{builtin_lessons, parse_lesson, run_solution, LessonKind, LessonProgress, BUILTIN};

#[test]
fn every_builtin_lesson_parses() {
    for (file, text) in BUILTIN {
        let (lesson, errors) = parse_lesson(text, file);
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        let l = lesson.unwrap();
        assert!((1..=5).contains(&l.steps.len()), "{file}: {} steps", l.steps.len());
        for s in &l.steps {
            assert!(!s.hints.is_empty(), "{file}: step {} has no hint", s.id);
        }
    }
    let lessons = builtin_lessons();
    assert_eq!(lessons.len(), BUILTIN.len());
    let mut ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), lessons.len(), "duplicate ids");
}

#[test]
fn the_course_is_covered() {
    let lessons = builtin_lessons();
    let chapters: Vec<&str> = lessons.iter().map(|l| l.chapter.as_str()).collect();
    for c in ["images", "conteneurs", "volumes", "reseaux", "environnement", "multi-stage", "optimisation", "compose", "production"] {
        assert!(chapters.contains(&c), "no lesson for chapter {c}");
    }
    assert_eq!(lessons.iter().filter(|l| l.kind == LessonKind::Exercise).count(), 3);
    assert!(lessons.iter().filter(|l| l.kind == LessonKind::Troubleshooting).count() >= 3);
}

#[test]
fn every_builtin_solution_passes() {
    let mut failures = Vec::new();
    for l in builtin_lessons() {
        let r = run_solution(&l);
        failures.extend(r.failures.iter().map(|f| f.to_string()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn progress_follows_the_learner() {
    let lesson = builtin_lessons().into_iter().find(|l| l.id == "cycle-de-vie").unwrap();
    let (mut host, errors) = baleine_lessons::start(&lesson);
    assert!(errors.is_empty());
    let mut p = LessonProgress::new(&lesson);
    let (results, advanced) = p.update(&lesson, &host);
    assert!(!advanced && !results.is_empty() && results.iter().any(|r| !r.pass));
    assert_eq!(p.reveal_hint(&lesson).map(|h| h.fr.clone()), Some(lesson.steps[0].hints[0].fr.clone()));
    assert_eq!(p.hints(&lesson).len(), 1);
    assert!(p.reveal_hint(&lesson).is_none(), "only one hint in step 1");
    // The learner does steps 1 and 2 at once: both complete.
    host.run_line("docker run -d --name serveur nginx:alpine");
    host.run_line("docker exec serveur sh -c 'echo bonjour > /tmp/note.txt'");
    let (_, advanced) = p.update(&lesson, &host);
    assert!(advanced);
    assert_eq!(p.completed, vec!["run".to_string(), "note".to_string()]);
    assert_eq!(p.step, 2);
    assert_eq!(p.hints_revealed, 0);
    // Plain data: it round-trips through JSON.
    let json = serde_json::to_string(&p).unwrap();
    let back: LessonProgress = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
    // The web app calls update after every command.
    for s in &lesson.steps[2..] {
        for a in &s.solution {
            baleine_lessons::run_action(&mut host, a);
            p.update(&lesson, &host);
        }
    }
    assert!(p.done(&lesson));
    assert!(p.current(&lesson).is_none());
}

#[test]
fn a_lesson_serialises_for_the_web_app() {
    let lesson = &builtin_lessons()[0];
    let json = serde_json::to_string(lesson).unwrap();
    let back: baleine_lessons::Lesson = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, lesson);
}
