//! The terminal's line editor as a pure reducer: `(editor, action) ->
//! (editor, effect)`. It knows nothing of the DOM or of the host; the
//! terminal component turns keys into [`EditAction`]s and carries out the
//! returned [`EditEffect`].

use std::rc::Rc;

/// How many history entries are kept.
pub const HISTORY_MAX: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditAction {
    /// Typed or pasted text without newlines.
    Insert(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    /// Ctrl+W: delete the word before the cursor.
    DeleteWordBack,
    /// Ctrl+U: delete from the start of the line to the cursor.
    KillToStart,
    /// Ctrl+K: delete from the cursor to the end of the line.
    KillToEnd,
    HistoryPrev,
    HistoryNext,
    /// Tab, with the candidates the host proposed for the last word.
    Complete(Vec<String>),
    /// Enter.
    Submit,
    /// Ctrl+C: abandon the line.
    Cancel,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditEffect {
    None,
    /// Run this line.
    Submit(String),
    /// Several completions and no common prefix to add: list them.
    ShowCandidates(Vec<String>),
    /// Nothing to do (no completion, no more history).
    Bell,
    /// The line was abandoned (Ctrl+C): echo it with `^C`.
    Cancelled(String),
}

/// Line being edited, cursor (in chars) and history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineEditor {
    chars: Vec<char>,
    cursor: usize,
    history: Rc<Vec<String>>,
    /// Index into `history` while browsing it.
    browsing: Option<usize>,
    /// The line being typed before browsing started.
    draft: String,
}

impl LineEditor {
    pub fn new(history: Vec<String>) -> LineEditor {
        LineEditor { history: Rc::new(history), ..Default::default() }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (String, String) {
        (self.chars[..self.cursor].iter().collect(), self.chars[self.cursor..].iter().collect())
    }

    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// The history, shared (cheap to clone).
    pub fn history_rc(&self) -> Rc<Vec<String>> {
        self.history.clone()
    }

    /// Text up to the cursor: what completion looks at.
    pub fn before_cursor(&self) -> String {
        self.chars[..self.cursor].iter().collect()
    }

    fn set_text(&mut self, text: &str) {
        self.chars = text.chars().collect();
        self.cursor = self.chars.len();
    }

    fn word_start(&self, from: usize) -> usize {
        let mut i = from;
        while i > 0 && self.chars[i - 1] == ' ' {
            i -= 1;
        }
        while i > 0 && self.chars[i - 1] != ' ' {
            i -= 1;
        }
        i
    }

    fn word_end(&self, from: usize) -> usize {
        let mut i = from;
        let n = self.chars.len();
        while i < n && self.chars[i] == ' ' {
            i += 1;
        }
        while i < n && self.chars[i] != ' ' {
            i += 1;
        }
        i
    }

    /// The reducer.
    pub fn reduce(mut self, action: EditAction) -> (LineEditor, EditEffect) {
        let mut effect = EditEffect::None;
        match action {
            EditAction::Insert(text) => {
                let ins: Vec<char> = text.chars().filter(|c| *c != '\n' && *c != '\r').map(|c| if c == '\t' { ' ' } else { c }).collect();
                let n = ins.len();
                self.chars.splice(self.cursor..self.cursor, ins);
                self.cursor += n;
            }
            EditAction::Backspace => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    self.chars.remove(self.cursor);
                } else {
                    effect = EditEffect::Bell;
                }
            }
            EditAction::Delete => {
                if self.cursor < self.chars.len() {
                    self.chars.remove(self.cursor);
                }
            }
            EditAction::Left => self.cursor = self.cursor.saturating_sub(1),
            EditAction::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            EditAction::Home => self.cursor = 0,
            EditAction::End => self.cursor = self.chars.len(),
            EditAction::WordLeft => self.cursor = self.word_start(self.cursor),
            EditAction::WordRight => self.cursor = self.word_end(self.cursor),
            EditAction::DeleteWordBack => {
                let start = self.word_start(self.cursor);
                self.chars.drain(start..self.cursor);
                self.cursor = start;
            }
            EditAction::KillToStart => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            EditAction::KillToEnd => self.chars.truncate(self.cursor),
            EditAction::HistoryPrev => {
                let len = self.history.len();
                let next = match self.browsing {
                    None if len > 0 => {
                        self.draft = self.text();
                        Some(len - 1)
                    }
                    Some(i) if i > 0 => Some(i - 1),
                    _ => None,
                };
                match next {
                    Some(i) => {
                        self.browsing = Some(i);
                        let line = self.history[i].clone();
                        self.set_text(&line);
                    }
                    None => effect = EditEffect::Bell,
                }
            }
            EditAction::HistoryNext => match self.browsing {
                Some(i) if i + 1 < self.history.len() => {
                    self.browsing = Some(i + 1);
                    let line = self.history[i + 1].clone();
                    self.set_text(&line);
                }
                Some(_) => {
                    self.browsing = None;
                    let draft = std::mem::take(&mut self.draft);
                    self.set_text(&draft);
                }
                None => effect = EditEffect::Bell,
            },
            EditAction::Complete(candidates) => effect = self.complete(candidates),
            EditAction::Submit => {
                let line = self.text();
                if !line.trim().is_empty() && self.history.last() != Some(&line) {
                    let h = Rc::make_mut(&mut self.history);
                    h.push(line.clone());
                    if h.len() > HISTORY_MAX {
                        let drop = h.len() - HISTORY_MAX;
                        h.drain(..drop);
                    }
                }
                self.chars.clear();
                self.cursor = 0;
                self.browsing = None;
                self.draft.clear();
                effect = EditEffect::Submit(line);
            }
            EditAction::Cancel => {
                let line = self.text();
                self.chars.clear();
                self.cursor = 0;
                self.browsing = None;
                self.draft.clear();
                effect = EditEffect::Cancelled(line);
            }
        }
        (self, effect)
    }

    fn complete(&mut self, mut candidates: Vec<String>) -> EditEffect {
        let start = {
            let mut i = self.cursor;
            while i > 0 && self.chars[i - 1] != ' ' {
                i -= 1;
            }
            i
        };
        let word: String = self.chars[start..self.cursor].iter().collect();
        baleine_util::sort(&mut candidates);
        candidates.dedup();
        // Candidates are whole words for the last word; keep the ones that fit.
        candidates.retain(|c| c.starts_with(&word));
        let replacement = match candidates.len() {
            0 => return EditEffect::Bell,
            1 => {
                let c = &candidates[0];
                if c.ends_with('/') || c.ends_with('=') {
                    c.clone()
                } else {
                    format!("{c} ")
                }
            }
            _ => common_prefix(&candidates),
        };
        if replacement.chars().count() <= word.chars().count() && candidates.len() > 1 {
            return EditEffect::ShowCandidates(candidates);
        }
        let ins: Vec<char> = replacement.chars().collect();
        let n = ins.len();
        self.chars.splice(start..self.cursor, ins);
        self.cursor = start + n;
        EditEffect::None
    }
}

/// Longest common prefix of non-empty `words` (by chars).
pub fn common_prefix(words: &[String]) -> String {
    let first: Vec<char> = words[0].chars().collect();
    let mut len = first.len();
    for w in &words[1..] {
        len = len.min(w.chars().zip(first.iter()).take_while(|(a, b)| a == *b).count());
    }
    first[..len].iter().collect()
}

/// Formats completion candidates in columns for a terminal `width` chars wide.
pub fn columns(candidates: &[String], width: usize) -> String {
    let col = candidates.iter().map(|c| c.chars().count()).max().unwrap_or(0) + 2;
    let per_row = (width / col.max(1)).max(1);
    let mut out = String::new();
    for row in candidates.chunks(per_row) {
        let line: Vec<String> = row.iter().map(|c| format!("{c:<col$}")).collect();
        out.push_str(line.concat().trim_end());
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EditAction::*;

    fn run(ed: LineEditor, actions: Vec<EditAction>) -> (LineEditor, EditEffect) {
        let mut eff = EditEffect::None;
        let mut ed = ed;
        for a in actions {
            let (e, f) = ed.reduce(a);
            ed = e;
            eff = f;
        }
        (ed, eff)
    }

    fn typed(s: &str) -> LineEditor {
        run(LineEditor::default(), vec![Insert(s.into())]).0
    }

    #[test]
    fn insert_and_cursor_moves() {
        let (ed, _) = run(typed("docker ps"), vec![Home, Right, Insert("X".into()), End, Insert("!".into())]);
        assert_eq!(ed.text(), "dXocker ps!");
        assert_eq!(ed.cursor(), 11);
        let (ed, _) = run(typed("ab"), vec![Left, Left, Left, Right, Right, Right]);
        assert_eq!(ed.cursor(), 2);
    }

    #[test]
    fn backspace_and_delete() {
        let (ed, _) = run(typed("héllo"), vec![Backspace, Home, Delete]);
        assert_eq!(ed.text(), "éll");
        let (_, eff) = LineEditor::default().reduce(Backspace);
        assert_eq!(eff, EditEffect::Bell);
        let (ed, _) = run(typed("ab"), vec![Delete]);
        assert_eq!(ed.text(), "ab");
    }

    #[test]
    fn word_and_kill_commands() {
        let (ed, _) = run(typed("docker run nginx"), vec![DeleteWordBack]);
        assert_eq!(ed.text(), "docker run ");
        let (ed, _) = run(typed("docker run nginx"), vec![WordLeft, KillToEnd]);
        assert_eq!(ed.text(), "docker run ");
        let (ed, _) = run(typed("docker run nginx"), vec![WordLeft, WordLeft, KillToStart]);
        assert_eq!(ed.text(), "run nginx");
        let (ed, _) = run(typed("a b"), vec![Home, WordRight]);
        assert_eq!(ed.cursor(), 1);
    }

    #[test]
    fn submit_records_history_without_duplicates() {
        let (ed, eff) = run(typed("ls"), vec![Submit]);
        assert_eq!(eff, EditEffect::Submit("ls".into()));
        assert_eq!(ed.text(), "");
        let (ed, _) = run(ed, vec![Insert("ls".into()), Submit, Insert("   ".into()), Submit]);
        assert_eq!(ed.history(), &["ls".to_string()]);
    }

    #[test]
    fn history_prev_next_keeps_draft() {
        let ed = LineEditor::new(vec!["one".into(), "two".into()]);
        let (ed, _) = run(ed, vec![Insert("dra".into()), HistoryPrev]);
        assert_eq!(ed.text(), "two");
        let (ed, _) = run(ed, vec![HistoryPrev]);
        assert_eq!(ed.text(), "one");
        let (ed2, eff) = ed.clone().reduce(HistoryPrev);
        assert_eq!((ed2.text().as_str(), eff), ("one", EditEffect::Bell));
        let (ed, _) = run(ed, vec![HistoryNext, HistoryNext]);
        assert_eq!(ed.text(), "dra");
        let (_, eff) = ed.reduce(HistoryNext);
        assert_eq!(eff, EditEffect::Bell);
    }

    #[test]
    fn history_is_capped() {
        let mut ed = LineEditor::default();
        for i in 0..HISTORY_MAX + 5 {
            ed = run(ed, vec![Insert(format!("c{i}")), Submit]).0;
        }
        assert_eq!(ed.history().len(), HISTORY_MAX);
        assert_eq!(ed.history()[0], "c5");
    }

    #[test]
    fn completion_single_multiple_none() {
        let (ed, eff) = run(typed("docker ru"), vec![Complete(vec!["run".into()])]);
        assert_eq!((ed.text().as_str(), eff), ("docker run ", EditEffect::None));
        let (ed, _) = run(typed("cat ap"), vec![Complete(vec!["app/".into()])]);
        assert_eq!(ed.text(), "cat app/");
        let (ed, eff) = run(typed("docker co"), vec![Complete(vec!["compose".into(), "container".into(), "commit".into()])]);
        assert_eq!(ed.text(), "docker co");
        assert_eq!(eff, EditEffect::ShowCandidates(vec!["commit".into(), "compose".into(), "container".into()]));
        let (ed, eff) = run(typed("docker net"), vec![Complete(vec!["network".into(), "networks".into()])]);
        assert_eq!((ed.text().as_str(), eff), ("docker network", EditEffect::None));
        let (_, eff) = run(typed("zz"), vec![Complete(vec![])]);
        assert_eq!(eff, EditEffect::Bell);
    }

    #[test]
    fn completion_in_the_middle_of_the_line() {
        let (ed, _) = run(typed("docker ru nginx"), vec![WordLeft, Left, Complete(vec!["run".into()])]);
        assert_eq!(ed.text(), "docker run  nginx");
        assert_eq!(ed.cursor(), 11);
    }

    #[test]
    fn cancel_returns_line() {
        let (ed, eff) = run(typed("sleep 10"), vec![Cancel]);
        assert_eq!(eff, EditEffect::Cancelled("sleep 10".into()));
        assert_eq!(ed.text(), "");
    }

    #[test]
    fn insert_strips_newlines() {
        assert_eq!(typed("a\r\nb\tc").text(), "ab c");
    }

    #[test]
    fn columns_layout() {
        let c = columns(&["a".into(), "bb".into(), "ccc".into()], 10);
        assert_eq!(c, "a    bb\r\nccc\r\n");
    }
}
