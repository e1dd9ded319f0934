//! Elastic-tabstop column alignment, reproducing the `tabwriter` that
//! docker/cli uses for its tables (a fork of Go's `text/tabwriter` whose only
//! behavioural change is that cell widths are *display* widths as computed by
//! go-runewidth instead of rune counts).
//!
//! Semantics (same as Go):
//! * text is split into cells terminated by `\t` (hard tab), `\v` (soft tab),
//!   `\n` or `\f`; the text after the last tab of a line is a cell that is not
//!   part of any column and is never padded;
//! * a *column block* is a run of consecutive lines that all have a
//!   tab-terminated cell in that column; the width of the column inside the
//!   block is `max(cell width) + padding`, at least `minwidth`; blocks are
//!   formatted recursively (column 0 first, then column 1 inside each
//!   column-0 block, …) — implemented here with an explicit stack so that a
//!   line with thousands of cells cannot overflow the call stack;
//! * a line without any tab (in particular an empty line) ends every block,
//!   and `\f` does the same (it is written out as `\n`).
//!
//! Everything is pure and infallible: no I/O, no panics on any input.

/// One cell: its byte length inside the line buffer, its display width and
/// whether a hard tab terminated it.
#[derive(Clone, Copy, Debug, Default)]
struct Cell {
    size: usize,
    width: usize,
    htab: bool,
}

/// The docker/cli table writer: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`.
pub fn docker_table(text: &str) -> String {
    tabwrite(text, 10, 1, 3, ' ', false)
}

/// Align `text` like Go's `tabwriter.NewWriter(out, minwidth, tabwidth,
/// padding, padchar, flags)` followed by `Write(text)` and `Flush()`, where
/// `flags` is `AlignRight` when `align_right` is set and 0 otherwise.
pub fn tabwrite(
    text: &str,
    minwidth: usize,
    tabwidth: usize,
    padding: usize,
    padchar: char,
    align_right: bool,
) -> String {
    let mut w = Writer {
        minwidth,
        tabwidth,
        padding,
        padchar,
        // Go: tab padding enforces left alignment.
        align_right: align_right && padchar != '\t',
        buf: String::new(),
        cell: Cell::default(),
        lines: vec![Vec::new()],
        widths: Vec::new(),
        out: String::with_capacity(text.len() + text.len() / 2),
    };
    let mut seg_start = 0;
    for (i, ch) in text.char_indices() {
        match ch {
            '\t' | '\u{0b}' | '\n' | '\u{0c}' => {
                w.append(&text[seg_start..i]);
                seg_start = i + ch.len_utf8();
                let ncells = w.terminate_cell(ch == '\t');
                if ch == '\n' || ch == '\u{0c}' {
                    w.lines.push(Vec::new());
                    // A line with a single cell cannot influence the formatting
                    // of what follows, and '\f' always flushes.
                    if ch == '\u{0c}' || ncells == 1 {
                        w.flush();
                    }
                }
            }
            _ => {}
        }
    }
    w.append(&text[seg_start..]);
    if w.cell.size > 0 {
        w.terminate_cell(false);
    }
    w.flush();
    w.out
}

struct Writer {
    minwidth: usize,
    tabwidth: usize,
    padding: usize,
    padchar: char,
    align_right: bool,
    /// Text of all buffered cells, tabs and line breaks removed.
    buf: String,
    /// The current, not yet terminated, cell.
    cell: Cell,
    lines: Vec<Vec<Cell>>,
    widths: Vec<usize>,
    out: String,
}

impl Writer {
    fn append(&mut self, s: &str) {
        self.buf.push_str(s);
        self.cell.size += s.len();
        self.cell.width += str_width(s);
    }

    fn terminate_cell(&mut self, htab: bool) -> usize {
        self.cell.htab = htab;
        let cell = std::mem::take(&mut self.cell);
        // `lines` always holds at least one line.
        match self.lines.last_mut() {
            Some(line) => {
                line.push(cell);
                line.len()
            }
            None => {
                self.lines.push(vec![cell]);
                1
            }
        }
    }

    /// Format everything buffered and reset the state.
    fn flush(&mut self) {
        let n = self.lines.len();
        self.format(n);
        self.buf.clear();
        self.cell = Cell::default();
        self.lines.clear();
        self.lines.push(Vec::new());
        self.widths.clear();
    }

    fn write_padding(&mut self, textw: usize, cellw: usize, use_tabs: bool) {
        if self.padchar == '\t' || use_tabs {
            if self.tabwidth == 0 {
                return; // tabs have no width: no padding possible
            }
            let cellw = cellw.div_ceil(self.tabwidth).saturating_mul(self.tabwidth);
            let n = cellw.saturating_sub(textw);
            for _ in 0..n.div_ceil(self.tabwidth) {
                self.out.push('\t');
            }
            return;
        }
        for _ in 0..cellw.saturating_sub(textw) {
            self.out.push(self.padchar);
        }
    }

    /// Write lines `line0..line1` with the current column widths; `pos` is the
    /// byte offset in `buf` of the start of `line0`. Returns the offset of
    /// the start of `line1`.
    fn write_lines(&mut self, buf: &str, mut pos: usize, line0: usize, line1: usize) -> usize {
        for i in line0..line1 {
            let ncells = self.lines[i].len();
            for j in 0..ncells {
                let c = self.lines[i][j];
                let width = self.widths.get(j).copied();
                if c.size == 0 {
                    if let Some(cw) = width {
                        self.write_padding(c.width, cw, false);
                    }
                } else if !self.align_right {
                    let end = (pos + c.size).min(buf.len());
                    self.out.push_str(buf.get(pos..end).unwrap_or(""));
                    pos = end;
                    if let Some(cw) = width {
                        self.write_padding(c.width, cw, false);
                    }
                } else {
                    if let Some(cw) = width {
                        self.write_padding(c.width, cw, false);
                    }
                    let end = (pos + c.size).min(buf.len());
                    self.out.push_str(buf.get(pos..end).unwrap_or(""));
                    pos = end;
                }
            }
            if i + 1 == self.lines.len() {
                // Last buffered line: no newline, just the pending cell text.
                let end = (pos + self.cell.size).min(buf.len());
                self.out.push_str(buf.get(pos..end).unwrap_or(""));
                pos = end;
            } else {
                self.out.push('\n');
            }
        }
        pos
    }

    /// Go's recursive `format(pos, 0, nlines)`, run with an explicit stack.
    /// Frame `k` of the stack formats column `k` over its line range; the
    /// width of column `k-1`'s current block is `widths[k-1]`.
    fn format(&mut self, nlines: usize) {
        struct Frame {
            line0: usize,
            line1: usize,
            this: usize,
        }
        let buf = std::mem::take(&mut self.buf);
        let mut pos = 0usize;
        let mut stack = vec![Frame { line0: 0, line1: nlines, this: 0 }];
        while let Some(top) = stack.last_mut() {
            let column = self.widths.len();
            let (line0, line1) = (top.line0, top.line1);
            let mut this = top.this;
            // Skip lines that have no cell in this column.
            while this < line1 && column + 1 >= self.lines[this].len() {
                this += 1;
            }
            if this < line1 {
                // Print the lines before the block with the current widths.
                pos = self.write_lines(&buf, pos, line0, this);
                let start = this;
                let mut width = self.minwidth;
                while this < line1 {
                    let line = &self.lines[this];
                    if column + 1 >= line.len() {
                        break;
                    }
                    width = width.max(line[column].width + self.padding);
                    this += 1;
                }
                // The parent continues after the block once the child is done.
                top.line0 = this;
                top.this = this;
                self.widths.push(width);
                stack.push(Frame { line0: start, line1: this, this: start });
            } else {
                pos = self.write_lines(&buf, pos, line0, line1);
                stack.pop();
                if !stack.is_empty() {
                    self.widths.pop();
                }
            }
        }
        self.buf = buf;
    }
}

/// Display width of a string as go-runewidth computes it for a non East-Asian
/// locale: most characters are 1 column wide (ambiguous ones such as `…`
/// included), East-Asian wide/fullwidth characters and emoji 2, combining
/// marks, zero-width characters and control characters 0.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Display width of one character (see [`str_width`]).
pub fn char_width(c: char) -> usize {
    let u = c as u32;
    if u < 0x20 || (0x7f..0xa0).contains(&u) {
        return 0;
    }
    if u < 0x300 {
        return 1;
    }
    if in_ranges(u, ZERO_WIDTH) {
        return 0;
    }
    if in_ranges(u, WIDE) {
        return 2;
    }
    1
}

fn in_ranges(u: u32, table: &[(u32, u32)]) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < u {
                std::cmp::Ordering::Less
            } else if lo > u {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Combining marks and zero-width format characters (sorted, inclusive).
const ZERO_WIDTH: &[(u32, u32)] = &[
    (0x0300, 0x036f),
    (0x0483, 0x0489),
    (0x0591, 0x05bd),
    (0x05bf, 0x05bf),
    (0x05c1, 0x05c2),
    (0x05c4, 0x05c5),
    (0x05c7, 0x05c7),
    (0x0610, 0x061a),
    (0x064b, 0x065f),
    (0x0670, 0x0670),
    (0x06d6, 0x06dc),
    (0x06df, 0x06e4),
    (0x06e7, 0x06e8),
    (0x06ea, 0x06ed),
    (0x0900, 0x0902),
    (0x093a, 0x093a),
    (0x093c, 0x093c),
    (0x0941, 0x0948),
    (0x094d, 0x094d),
    (0x0951, 0x0957),
    (0x0e31, 0x0e31),
    (0x0e34, 0x0e3a),
    (0x0e47, 0x0e4e),
    (0x1ab0, 0x1aff),
    (0x1dc0, 0x1dff),
    (0x200b, 0x200f),
    (0x2028, 0x202e),
    (0x2060, 0x2064),
    (0x20d0, 0x20ff),
    (0xfe00, 0xfe0f),
    (0xfe20, 0xfe2f),
    (0xfeff, 0xfeff),
    (0xe0100, 0xe01ef),
];

/// East-Asian Wide / Fullwidth ranges and emoji (sorted, inclusive).
const WIDE: &[(u32, u32)] = &[
    (0x1100, 0x115f),
    (0x231a, 0x231b),
    (0x2329, 0x232a),
    (0x23e9, 0x23ec),
    (0x23f0, 0x23f0),
    (0x23f3, 0x23f3),
    (0x25fd, 0x25fe),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267f, 0x267f),
    (0x2693, 0x2693),
    (0x26a1, 0x26a1),
    (0x26aa, 0x26ab),
    (0x26bd, 0x26be),
    (0x26c4, 0x26c5),
    (0x26ce, 0x26ce),
    (0x26d4, 0x26d4),
    (0x26ea, 0x26ea),
    (0x26f2, 0x26f3),
    (0x26f5, 0x26f5),
    (0x26fa, 0x26fa),
    (0x26fd, 0x26fd),
    (0x2705, 0x2705),
    (0x270a, 0x270b),
    (0x2728, 0x2728),
    (0x274c, 0x274c),
    (0x274e, 0x274e),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27b0, 0x27b0),
    (0x27bf, 0x27bf),
    (0x2b1b, 0x2b1c),
    (0x2b50, 0x2b50),
    (0x2b55, 0x2b55),
    (0x2e80, 0x303e),
    (0x3041, 0x33ff),
    (0x3400, 0x4dbf),
    (0x4e00, 0x9fff),
    (0xa000, 0xa4cf),
    (0xa960, 0xa97f),
    (0xac00, 0xd7a3),
    (0xf900, 0xfaff),
    (0xfe10, 0xfe19),
    (0xfe30, 0xfe6f),
    (0xff00, 0xff60),
    (0xffe0, 0xffe6),
    (0x16fe0, 0x16fe4),
    (0x17000, 0x18cff),
    (0x1b000, 0x1b2ff),
    (0x1f004, 0x1f004),
    (0x1f0cf, 0x1f0cf),
    (0x1f18e, 0x1f18e),
    (0x1f191, 0x1f19a),
    (0x1f200, 0x1f251),
    (0x1f300, 0x1f320),
    (0x1f32d, 0x1f335),
    (0x1f337, 0x1f37c),
    (0x1f37e, 0x1f393),
    (0x1f3a0, 0x1f3ca),
    (0x1f3cf, 0x1f3d3),
    (0x1f3e0, 0x1f3f0),
    (0x1f3f4, 0x1f3f4),
    (0x1f3f8, 0x1f43e),
    (0x1f440, 0x1f440),
    (0x1f442, 0x1f4fc),
    (0x1f4ff, 0x1f53d),
    (0x1f54b, 0x1f54e),
    (0x1f550, 0x1f567),
    (0x1f57a, 0x1f57a),
    (0x1f595, 0x1f596),
    (0x1f5a4, 0x1f5a4),
    (0x1f5fb, 0x1f64f),
    (0x1f680, 0x1f6c5),
    (0x1f6cc, 0x1f6cc),
    (0x1f6d0, 0x1f6d2),
    (0x1f6d5, 0x1f6d7),
    (0x1f6eb, 0x1f6ec),
    (0x1f6f4, 0x1f6fc),
    (0x1f7e0, 0x1f7eb),
    (0x1f90c, 0x1f93a),
    (0x1f93c, 0x1f945),
    (0x1f947, 0x1f9ff),
    (0x1fa70, 0x1faff),
    (0x20000, 0x2fffd),
    (0x30000, 0x3fffd),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_ps_like_table() {
        let text = "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n\
                    4c01db0b339c\tubuntu:12.04\t\"bash\"\t17 seconds ago\tUp 16 seconds\t3300-3310/tcp\twebapp\n\
                    d7886598dbe2\tcrosbymichael/redis:latest\t\"/redis-server --d…\"\t33 minutes ago\tUp 33 minutes\t6379/tcp\tredis,webapp/db\n";
        let want = "CONTAINER ID   IMAGE                        COMMAND                CREATED          STATUS          PORTS           NAMES\n\
                    4c01db0b339c   ubuntu:12.04                 \"bash\"                 17 seconds ago   Up 16 seconds   3300-3310/tcp   webapp\n\
                    d7886598dbe2   crosbymichael/redis:latest   \"/redis-server --d…\"   33 minutes ago   Up 33 minutes   6379/tcp        redis,webapp/db\n";
        assert_eq!(docker_table(text), want);
    }

    #[test]
    fn minwidth_applies() {
        // Column narrower than minwidth 10 is padded to 10.
        assert_eq!(docker_table("a\tb\nccc\td\n"), "a         b\nccc       d\n");
        // minwidth 20 variant.
        assert_eq!(tabwrite("ID\tNAME\n", 20, 1, 3, ' ', false), "ID                  NAME\n");
    }

    #[test]
    fn ellipsis_counts_as_one_column() {
        let out = docker_table("ab…\tx\nabcdefghijkl\ty\n");
        assert_eq!(out, "ab…            x\nabcdefghijkl   y\n");
    }

    #[test]
    fn wide_chars_count_double() {
        assert_eq!(str_width("日本"), 4);
        assert_eq!(str_width("e\u{301}"), 1);
        let out = tabwrite("日本\tx\nabcde\ty\n", 0, 1, 1, ' ', false);
        assert_eq!(out, "日本  x\nabcde y\n");
    }

    #[test]
    fn line_with_fewer_cells_breaks_block() {
        // Go's doc example: the b and c columns are distinct blocks.
        let text = "aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n";
        let out = tabwrite(text, 0, 1, 1, '.', false);
        assert_eq!(out, "aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n");
    }

    #[test]
    fn tabless_line_resets_columns() {
        let text = "a\tb\nlong-long-long\tc\nplain line\nx\ty\n";
        let out = tabwrite(text, 0, 1, 1, ' ', false);
        assert_eq!(out, "a              b\nlong-long-long c\nplain line\nx y\n");
        // Empty line resets too.
        let out = tabwrite("a\tb\nlong-long\tc\n\nx\ty\n", 0, 1, 1, ' ', false);
        assert_eq!(out, "a         b\nlong-long c\n\nx y\n");
    }

    #[test]
    fn trailing_cell_not_padded_and_no_final_newline() {
        assert_eq!(tabwrite("a\tb", 0, 1, 2, ' ', false), "a  b");
        // A tab-terminated last cell is padded.
        assert_eq!(tabwrite("a\tb\t\nccc\td\t\n", 0, 1, 1, ' ', false), "a   b \nccc d \n");
    }

    #[test]
    fn align_right_and_tab_padding() {
        assert_eq!(tabwrite("a\tbbb\t\ncc\td\t\n", 0, 1, 1, ' ', true), "  a bbb\n cc   d\n");
        // Tab padding ignores AlignRight and pads to multiples of tabwidth.
        assert_eq!(tabwrite("a\tb\nabcdefghi\tc\n", 0, 8, 1, '\t', true), "a\t\tb\nabcdefghi\tc\n");
    }

    #[test]
    fn formfeed_flushes_and_prints_newline() {
        assert_eq!(tabwrite("a\tb\n\u{0c}long\tc\n", 0, 1, 1, ' ', false), "a b\n\nlong c\n");
    }

    #[test]
    fn empty_and_degenerate_inputs() {
        assert_eq!(docker_table(""), "");
        assert_eq!(docker_table("\n\n"), "\n\n");
        // The last cell of a line is never part of a column, even tab-terminated.
        assert_eq!(docker_table("\t\t\t"), " ".repeat(20));
        assert_eq!(tabwrite("a\tb", 0, 0, 0, '\t', false), "ab");
    }

    #[test]
    fn many_columns_do_not_overflow_the_stack() {
        let line = "x\t".repeat(200_000);
        let out = docker_table(&format!("{line}\n{line}\n"));
        assert_eq!(out.len(), 2 * (200_000 * 10 + 1));
    }
}
