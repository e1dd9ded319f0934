//! The lesson parser never panics, whatever the text.

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_text(text in "\\PC{0,400}") {
        let _ = baleine_lessons::parse_lesson(&text, "random.toml");
    }

    #[test]
    fn toml_like_text(text in "(\\[\\[?(steps|setup|steps\\.checks|setup\\.files)\\]\\]?\n|(id|kind|name|not|title|fr|en|solution|checks|hints|published|bytes|port|path|content) = (\"[a-z0-9:_ ]{0,8}\"|[0-9]{1,4}|true|\\[\\]|\\{ *fr = \"a\" *\\})\n|# x\n){0,40}") {
        let _ = baleine_lessons::parse_lesson(&text, "random.toml");
    }

    /// The template with a random cut and a random insertion.
    #[test]
    fn mutated_template(cut in 0usize..4000, len in 0usize..200, insert in "\\PC{0,20}") {
        let t = baleine_lessons::TEMPLATE;
        let mut cut = cut.min(t.len());
        while !t.is_char_boundary(cut) { cut -= 1; }
        let mut end = (cut + len).min(t.len());
        while !t.is_char_boundary(end) { end -= 1; }
        let text = format!("{}{}{}", &t[..cut], insert, &t[end..]);
        let (lesson, errors) = baleine_lessons::parse_lesson(&text, "mutated.toml");
        prop_assert!(lesson.is_some() || !errors.is_empty());
        for e in &errors {
            prop_assert!(e.line <= text.lines().count() + 1);
        }
    }
}
