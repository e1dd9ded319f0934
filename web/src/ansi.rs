//! A small terminal screen model: it interprets the text the host prints
//! (UTF-8 with ANSI escape sequences) into styled lines of scrollback.
//!
//! Supported: SGR (bold, dim, italic, underline, inverse, 16 colours, 256
//! colours, truecolor, resets), `\r` (overwrite from column 0), `\n`, `\t`,
//! backspace, erase in line (`ESC[K`, `ESC[1K`, `ESC[2K`), cursor up / down /
//! forward / back / column (`A B C D G`), cursor position `H`, erase in display
//! (`ESC[J`, `ESC[2J`, `ESC[3J`: `ESC[H ESC[2J` clears the screen). Other
//! sequences (OSC titles, private modes) are swallowed. Pure: no DOM here.

use std::rc::Rc;

/// A colour: the terminal default, one of the 256 indexed colours, or RGB.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Color {
    #[default]
    Default,
    Indexed(u8),
    Rgb(u8, u8, u8),
}

impl Color {
    /// CSS for a non-default colour. Indexes 0–15 map to theme variables so
    /// that light and dark themes keep AA contrast.
    pub fn css(self) -> Option<String> {
        match self {
            Color::Default => None,
            Color::Indexed(i) if i < 16 => Some(format!("var(--ansi-{i})")),
            Color::Indexed(i) => {
                let (r, g, b) = xterm_rgb(i);
                Some(format!("#{r:02x}{g:02x}{b:02x}"))
            }
            Color::Rgb(r, g, b) => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        }
    }
}

/// RGB of xterm's 256-colour palette entries 16–255.
pub fn xterm_rgb(i: u8) -> (u8, u8, u8) {
    if i >= 232 {
        let v = 8 + (i - 232) * 10;
        return (v, v, v);
    }
    let i = i.saturating_sub(16);
    let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
    (level(i / 36), level((i / 6) % 6), level(i % 6))
}

/// Graphic rendition of a cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Style {
    pub fg: Color,
    pub bg: Color,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub inverse: bool,
}

impl Style {
    pub fn is_plain(&self) -> bool {
        *self == Style::default()
    }

    /// Inline CSS for this style (empty for the plain style).
    pub fn css(&self) -> String {
        let (mut fg, mut bg) = (self.fg, self.bg);
        // Bold with a basic colour shows the bright variant, as most terminals do.
        if self.bold {
            if let Color::Indexed(i) = fg {
                if i < 8 {
                    fg = Color::Indexed(i + 8);
                }
            }
        }
        let mut css = String::new();
        if self.inverse {
            let f = fg.css().unwrap_or_else(|| "var(--term-fg)".into());
            let b = bg.css().unwrap_or_else(|| "var(--term-bg)".into());
            css.push_str(&format!("color:{b};background:{f};"));
            fg = Color::Default;
            bg = Color::Default;
        }
        if let Some(c) = fg.css() {
            css.push_str(&format!("color:{c};"));
        }
        if let Some(c) = bg.css() {
            css.push_str(&format!("background:{c};"));
        }
        if self.bold {
            css.push_str("font-weight:bold;");
        }
        if self.dim {
            css.push_str("opacity:.75;");
        }
        if self.italic {
            css.push_str("font-style:italic;");
        }
        if self.underline {
            css.push_str("text-decoration:underline;");
        }
        css
    }
}

/// A run of characters with the same style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

/// One line of scrollback. `id` is unique per screen and stable while the
/// line lives, so the UI can use it as a list key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub id: u64,
    cells: Vec<(char, Style)>,
}

impl Line {
    fn new(id: u64) -> Line {
        Line { id, cells: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The plain text of the line, without trailing spaces.
    pub fn text(&self) -> String {
        let s: String = self.cells.iter().map(|c| c.0).collect();
        s.trim_end().to_string()
    }

    /// The line as styled runs.
    pub fn spans(&self) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        for &(ch, style) in &self.cells {
            match out.last_mut() {
                Some(last) if last.style == style => last.text.push(ch),
                _ => out.push(Span { text: ch.to_string(), style }),
            }
        }
        out
    }

    fn put(&mut self, col: usize, ch: char, style: Style) {
        while self.cells.len() < col {
            self.cells.push((' ', Style::default()));
        }
        if col < self.cells.len() {
            self.cells[col] = (ch, style);
        } else {
            self.cells.push((ch, style));
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Pending {
    #[default]
    None,
    /// Saw ESC.
    Esc,
    /// Inside `ESC [`, with the parameter bytes so far.
    Csi(String),
    /// Inside `ESC ]` (OSC) until BEL or `ESC \`.
    Osc { saw_esc: bool },
}

/// The scrollback and cursor of the terminal.
#[derive(Clone, Debug, PartialEq)]
pub struct Screen {
    lines: Vec<Rc<Line>>,
    row: usize,
    col: usize,
    style: Style,
    pending: Pending,
    next_id: u64,
    max_lines: usize,
    /// Rows addressed by `ESC[H` (cursor position), counted from the bottom.
    pub rows: usize,
}

impl Default for Screen {
    fn default() -> Self {
        Screen::new(5000)
    }
}

impl Screen {
    /// A screen that keeps at most `max_lines` lines of scrollback.
    pub fn new(max_lines: usize) -> Screen {
        Screen {
            lines: vec![Rc::new(Line::new(0))],
            row: 0,
            col: 0,
            style: Style::default(),
            pending: Pending::None,
            next_id: 1,
            max_lines: max_lines.max(2),
            rows: 24,
        }
    }

    pub fn lines(&self) -> &[Rc<Line>] {
        &self.lines
    }

    /// Cursor (row index into [`Screen::lines`], column).
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    /// Lines that are finished, i.e. everything except a trailing empty line
    /// where the cursor sits at column 0.
    pub fn finished_lines(&self) -> &[Rc<Line>] {
        let n = self.lines.len();
        if self.row == n - 1 && self.lines[n - 1].is_empty() {
            &self.lines[..n - 1]
        } else if self.row == n - 1 && self.col > 0 {
            // The cursor line is "open": the prompt continues it.
            &self.lines[..n - 1]
        } else {
            &self.lines
        }
    }

    /// The unfinished line the cursor is on (text printed without a final
    /// newline, such as `printf hi`), which the prompt continues.
    pub fn open_line(&self) -> Option<&Rc<Line>> {
        let n = self.lines.len();
        if self.row == n - 1 && self.col > 0 && !self.lines[n - 1].is_empty() {
            Some(&self.lines[n - 1])
        } else {
            None
        }
    }

    /// All text, one `\n` per line, without styles (for tests and copy).
    pub fn text(&self) -> String {
        let mut s: Vec<String> = self.lines.iter().map(|l| l.text()).collect();
        while s.last().is_some_and(|l| l.is_empty()) {
            s.pop();
        }
        s.join("\n")
    }

    /// Forgets everything (Ctrl+L, `clear`, `ESC[2J`).
    pub fn clear(&mut self) {
        let id = self.bump_id();
        self.lines = vec![Rc::new(Line::new(id))];
        self.row = 0;
        self.col = 0;
    }

    fn bump_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn line_mut(&mut self, row: usize) -> &mut Line {
        Rc::make_mut(&mut self.lines[row])
    }

    fn newline(&mut self) {
        self.row += 1;
        self.col = 0;
        self.ensure_row();
    }

    fn ensure_row(&mut self) {
        while self.lines.len() <= self.row {
            let id = self.bump_id();
            self.lines.push(Rc::new(Line::new(id)));
        }
        if self.lines.len() > self.max_lines {
            let drop = self.lines.len() - self.max_lines;
            self.lines.drain(..drop);
            self.row = self.row.saturating_sub(drop);
        }
    }

    fn print(&mut self, ch: char) {
        let (row, col, style) = (self.row, self.col, self.style);
        self.line_mut(row).put(col, ch, style);
        self.col += 1;
    }

    /// Interprets `text` (may end in the middle of an escape sequence: the
    /// rest is kept for the next call).
    pub fn feed(&mut self, text: &str) {
        for ch in text.chars() {
            match std::mem::take(&mut self.pending) {
                Pending::None => self.plain(ch),
                Pending::Esc => match ch {
                    '[' => self.pending = Pending::Csi(String::new()),
                    ']' => self.pending = Pending::Osc { saw_esc: false },
                    // `ESC c` full reset.
                    'c' => {
                        self.clear();
                        self.style = Style::default();
                    }
                    _ => {} // other two-byte sequences: ignored
                },
                Pending::Csi(mut params) => {
                    if ('\u{40}'..='\u{7e}').contains(&ch) {
                        self.csi(&params, ch);
                    } else if params.len() < 64 {
                        params.push(ch);
                        self.pending = Pending::Csi(params);
                    }
                }
                Pending::Osc { saw_esc } => {
                    if ch == '\u{7}' || (saw_esc && ch == '\\') {
                        // end of OSC
                    } else {
                        self.pending = Pending::Osc { saw_esc: ch == '\u{1b}' };
                    }
                }
            }
        }
    }

    fn plain(&mut self, ch: char) {
        match ch {
            '\u{1b}' => self.pending = Pending::Esc,
            '\r' => self.col = 0,
            '\n' => self.newline(),
            '\t' => {
                let next = (self.col / 8 + 1) * 8;
                while self.col < next {
                    self.print(' ');
                }
            }
            '\u{8}' => self.col = self.col.saturating_sub(1),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {} // bell and other controls
            c => self.print(c),
        }
    }

    fn csi(&mut self, params: &str, fin: char) {
        let private = params.starts_with(['?', '>', '=']);
        let nums: Vec<u32> = params
            .trim_start_matches(['?', '>', '='])
            .split(';')
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let n = |i: usize| nums.get(i).copied().filter(|&v| v > 0).unwrap_or(1) as usize;
        let raw = |i: usize| nums.get(i).copied().unwrap_or(0);
        if private {
            return; // cursor visibility, bracketed paste, ...
        }
        match fin {
            'm' => self.sgr(&nums),
            'K' => {
                let (row, col) = (self.row, self.col);
                let line = self.line_mut(row);
                match raw(0) {
                    0 => line.cells.truncate(col),
                    1 => {
                        for c in line.cells.iter_mut().take(col + 1) {
                            *c = (' ', Style::default());
                        }
                    }
                    _ => line.cells.clear(),
                }
            }
            'A' | 'F' => {
                self.row = self.row.saturating_sub(n(0));
                if fin == 'F' {
                    self.col = 0;
                }
            }
            'B' | 'E' => {
                self.row += n(0);
                self.ensure_row();
                if fin == 'E' {
                    self.col = 0;
                }
            }
            'C' => self.col += n(0),
            'D' => self.col = self.col.saturating_sub(n(0)),
            'G' => self.col = n(0) - 1,
            'H' | 'f' => {
                let top = self.lines.len().saturating_sub(self.rows);
                self.row = top + n(0) - 1;
                self.ensure_row();
                self.col = n(1) - 1;
            }
            'J' => match raw(0) {
                2 | 3 => self.clear(),
                0 => {
                    let (row, col) = (self.row, self.col);
                    self.line_mut(row).cells.truncate(col);
                    self.lines.truncate(row + 1);
                }
                _ => {}
            },
            _ => {}
        }
    }

    fn sgr(&mut self, nums: &[u32]) {
        let mut i = 0;
        if nums.is_empty() {
            self.style = Style::default();
        }
        while i < nums.len() {
            let s = &mut self.style;
            match nums[i] {
                0 => *s = Style::default(),
                1 => s.bold = true,
                2 => s.dim = true,
                3 => s.italic = true,
                4 => s.underline = true,
                7 => s.inverse = true,
                21 | 22 => {
                    s.bold = false;
                    s.dim = false
                }
                23 => s.italic = false,
                24 => s.underline = false,
                27 => s.inverse = false,
                c @ 30..=37 => s.fg = Color::Indexed((c - 30) as u8),
                39 => s.fg = Color::Default,
                c @ 40..=47 => s.bg = Color::Indexed((c - 40) as u8),
                49 => s.bg = Color::Default,
                c @ 90..=97 => s.fg = Color::Indexed((c - 90 + 8) as u8),
                c @ 100..=107 => s.bg = Color::Indexed((c - 100 + 8) as u8),
                c @ (38 | 48) => {
                    let color = match nums.get(i + 1) {
                        Some(5) => {
                            let v = nums.get(i + 2).copied().unwrap_or(0).min(255) as u8;
                            i += 2;
                            Some(Color::Indexed(v))
                        }
                        Some(2) => {
                            let g = |k: usize| nums.get(i + k).copied().unwrap_or(0).min(255) as u8;
                            let c = Color::Rgb(g(2), g(3), g(4));
                            i += 4;
                            Some(c)
                        }
                        _ => None,
                    };
                    if let Some(color) = color {
                        if c == 38 {
                            s.fg = color
                        } else {
                            s.bg = color
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// Styled runs of a short text such as a prompt (lines joined).
pub fn styled(text: &str) -> Vec<Span> {
    let mut screen = Screen::new(64);
    screen.feed(text);
    screen.lines().iter().flat_map(|l| l.spans()).collect()
}

/// Removes escape sequences from `text` (for plain-text uses).
pub fn strip(text: &str) -> String {
    let mut screen = Screen::new(100_000);
    screen.feed(text);
    screen.text()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(text: &str) -> Screen {
        let mut s = Screen::new(100);
        s.feed(text);
        s
    }

    #[test]
    fn plain_lines() {
        assert_eq!(screen("a\r\nb\nc").text(), "a\nb\nc");
    }

    #[test]
    fn sgr_colours_and_reset() {
        let s = screen("x\x1b[1;31mred\x1b[0m y");
        let spans = s.lines()[0].spans();
        assert_eq!(spans.len(), 3);
        assert_eq!(spans[1].text, "red");
        assert!(spans[1].style.bold);
        assert_eq!(spans[1].style.fg, Color::Indexed(1));
        assert!(spans[2].style.is_plain());
        assert!(spans[1].style.css().contains("var(--ansi-9)"), "bold red is bright red");
    }

    #[test]
    fn bright_256_and_truecolor() {
        let s = screen("\x1b[92ma\x1b[38;5;208mb\x1b[48;2;1;2;3mc\x1b[39;49md");
        let sp = s.lines()[0].spans();
        assert_eq!(sp[0].style.fg, Color::Indexed(10));
        assert_eq!(sp[1].style.fg, Color::Indexed(208));
        assert_eq!(sp[2].style.bg, Color::Rgb(1, 2, 3));
        assert!(sp[3].style.is_plain());
        assert_eq!(Color::Indexed(196).css().unwrap(), "#ff0000");
        assert_eq!(Color::Indexed(232).css().unwrap(), "#080808");
    }

    #[test]
    fn carriage_return_overwrites() {
        assert_eq!(screen("50%\r100%\n").text(), "100%");
        assert_eq!(screen("abcdef\rxy").text(), "xycdef");
    }

    #[test]
    fn erase_line_and_cursor_up_progress_redraw() {
        let text = "layer1: Waiting\nlayer2: Waiting\n\x1b[2A\x1b[2Klayer1: Done\n\x1b[2Klayer2: Done\n";
        let s = screen(text);
        assert_eq!(s.text(), "layer1: Done\nlayer2: Done");
        assert_eq!(s.cursor(), (2, 0));
        assert_eq!(screen("abc\x1b[2D\x1b[K").text(), "a");
    }

    #[test]
    fn clear_screen_sequence() {
        let s = screen("old\nstuff\n\x1b[H\x1b[2Jnew");
        assert_eq!(s.text(), "new");
    }

    #[test]
    fn split_escape_across_feeds() {
        let mut s = Screen::new(10);
        s.feed("a\x1b[3");
        s.feed("2mb");
        assert_eq!(s.text(), "ab");
        assert_eq!(s.lines()[0].spans()[1].style.fg, Color::Indexed(2));
    }

    #[test]
    fn osc_and_private_modes_are_swallowed() {
        assert_eq!(screen("\x1b]0;title\x07\x1b[?25lok\x1b[?25h").text(), "ok");
    }

    #[test]
    fn tabs_and_scrollback_limit() {
        assert_eq!(screen("a\tb").text(), "a       b");
        let mut s = Screen::new(3);
        s.feed("1\n2\n3\n4\n5");
        assert_eq!(s.text(), "3\n4\n5");
        let ids: Vec<u64> = s.lines().iter().map(|l| l.id).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids stay unique and ordered");
    }

    #[test]
    fn open_line_when_no_trailing_newline() {
        let s = screen("done\nhi");
        assert_eq!(s.open_line().unwrap().text(), "hi");
        assert_eq!(s.finished_lines().len(), 1);
        let s = screen("done\n");
        assert!(s.open_line().is_none());
        assert_eq!(s.finished_lines().len(), 1);
    }

    #[test]
    fn styled_prompt() {
        let sp = styled("\x1b[1;32mlearner@baleine\x1b[0m:\x1b[1;34m~/projet\x1b[0m$ ");
        let text: String = sp.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "learner@baleine:~/projet$ ");
        assert_eq!(sp[0].style.fg, Color::Indexed(2));
    }

    #[test]
    fn strip_removes_codes() {
        assert_eq!(strip("\x1b[32m✔\x1b[0m ok"), "✔ ok");
    }
}
