//! Compose's progress writer (docker/compose `pkg/progress`): events keyed
//! by an id ("Container myapp-web-1", "Network myapp_default", a service
//! name for pulls/builds), each Working/Done/Warning/Error with a status
//! text, rendered
//!
//! * `tty` (the default on a terminal): the frame compose leaves on screen
//!   once done: `[+] Running N/M` then one line per event, the status text
//!   aligned after the longest id, the elapsed time right-aligned on an
//!   80-column terminal;
//! * `plain`: one line per event as it happens (`fmt.Println(prefix, id, text, status)`);
//! * `quiet`: nothing; `json`: one JSON object per event.
//!
//! Times are simulated milliseconds of the world clock.

use baleine_shell::Output;
use indexmap::IndexMap;

/// Columns of the simulated terminal (unless `COLUMNS` says otherwise).
pub const TERM_WIDTH: usize = 80;
/// Rows of the simulated terminal (child events are hidden past this).
pub const TERM_HEIGHT: usize = 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Tty { color: bool, width: usize },
    Plain,
    Quiet,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum St {
    Working,
    Done,
    Warning,
    Error,
}

#[derive(Clone, Debug)]
struct Ev {
    parent: Option<String>,
    text: String,
    status: St,
    status_text: String,
    start_ms: u64,
    end_ms: Option<u64>,
}

/// One progress block (one `progress.Run`).
pub struct Progress {
    title: String,
    mode: Mode,
    /// By id, in the order the ids first appeared (the order of the lines).
    events: IndexMap<String, Ev>,
    finished: bool,
}

const GREEN: &str = "\x1b[32m";
const BLUE: &str = "\x1b[34m";
const YELLOW_BOLD: &str = "\x1b[33;1m";
const YELLOW: &str = "\x1b[33m";
const RED_BOLD: &str = "\x1b[31;1m";
const RESET: &str = "\x1b[0m";

impl Progress {
    pub fn new(title: &str, mode: Mode) -> Progress {
        Progress { title: title.to_string(), mode, events: IndexMap::new(), finished: false }
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// An event with a status text (containers, networks, volumes).
    pub fn ev(&mut self, out: &mut Output, now: u64, id: &str, status: St, status_text: &str) {
        self.event(out, now, id, None, "", status, status_text);
    }

    /// The general form (pull/build events carry a `text` and a parent).
    #[allow(clippy::too_many_arguments)]
    pub fn event(&mut self, out: &mut Output, now: u64, id: &str, parent: Option<&str>, text: &str, status: St, status_text: &str) {
        match self.mode {
            Mode::Plain => {
                // fmt.Fprintln(out, prefix, e.ID, e.Text, e.StatusText)
                out.err(format!(" {} {} {}\n", id, text, status_text));
            }
            Mode::Json => {
                let mut m = serde_json::Map::new();
                m.insert("id".into(), id.into());
                if let Some(p) = parent {
                    m.insert("parent_id".into(), p.into());
                }
                if !text.is_empty() {
                    m.insert("text".into(), text.into());
                }
                if !status_text.is_empty() {
                    m.insert("status".into(), status_text.into());
                }
                out.err(format!("{}\n", serde_json::Value::Object(m)));
            }
            _ => {}
        }
        match self.events.get_mut(id) {
            Some(last) => {
                match status {
                    St::Done | St::Error | St::Warning => {
                        if last.status != status {
                            last.end_ms = Some(now);
                        }
                    }
                    St::Working => {}
                }
                last.status = status;
                last.text = text.to_string();
                last.status_text = status_text.to_string();
                if last.parent.is_none() || parent.is_none() {
                    last.parent = parent.map(str::to_string);
                }
            }
            None => {
                let end_ms = if matches!(status, St::Done | St::Error) { Some(now) } else { None };
                self.events.insert(id.to_string(), Ev { parent: parent.map(str::to_string), text: text.to_string(), status, status_text: status_text.to_string(), start_ms: now, end_ms });
            }
        }
    }

    /// Sets when an event started (pull layers that ran in parallel).
    pub fn set_start(&mut self, id: &str, ms: u64) {
        if let Some(e) = self.events.get_mut(id) {
            e.start_ms = ms;
        }
    }

    /// The last status text of an event.
    pub fn status_of(&self, id: &str) -> Option<&str> {
        self.events.get(id).map(|e| e.status_text.as_str())
    }

    /// Prints what stays on screen once the block is done (tty mode).
    pub fn finish(&mut self, out: &mut Output, now: u64) {
        if self.finished {
            return;
        }
        self.finished = true;
        if let Mode::Tty { color, width } = self.mode {
            let text = self.render(now, color, width);
            if !text.is_empty() {
                out.err(text);
            }
        }
    }

    fn num_done(&self) -> usize {
        self.events.values().filter(|e| e.status != St::Working).count()
    }

    /// The last frame of compose's tty writer.
    pub fn render(&self, now: u64, color: bool, width: usize) -> String {
        if self.events.is_empty() {
            return String::new();
        }
        let paint = |code: &str, s: &str| if color { format!("{code}{s}{RESET}") } else { s.to_string() };
        let mut s = String::new();
        let done = self.num_done();
        let first = format!("[+] {} {}/{}", self.title, done, self.events.len());
        // The first line turns blue once every line is done.
        if done == self.events.len() {
            s.push_str(&paint(BLUE, &first));
        } else {
            s.push_str(&first);
        }
        s.push('\n');
        let mut status_padding: i64 = 0;
        for (id, e) in &self.events {
            let l = (id.len() + 1 + e.text.len()) as i64;
            if status_padding < l {
                status_padding = l;
            }
            if e.parent.is_some() {
                status_padding -= 2;
            }
        }
        let skip_children = self.events.len() > TERM_HEIGHT - 2;
        for (id, e) in &self.events {
            if e.parent.is_some() {
                continue;
            }
            s.push_str(&self.line(id, e, "", status_padding, now, color, width));
            if skip_children {
                continue;
            }
            for (cid, c) in &self.events {
                if c.parent.as_deref() == Some(id.as_str()) {
                    s.push_str(&self.line(cid, c, "  ", status_padding, now, color, width));
                }
            }
        }
        s
    }

    #[allow(clippy::too_many_arguments)]
    fn line(&self, id: &str, e: &Ev, pad: &str, status_padding: i64, now: u64, color: bool, width: usize) -> String {
        let paint = |code: &str, s: &str| if color { format!("{code}{s}{RESET}") } else { s.to_string() };
        let end = if e.status == St::Working { now } else { e.end_ms.unwrap_or(e.start_ms) };
        let elapsed = end.saturating_sub(e.start_ms) as f64 / 1000.0;
        let txt = format!("{} {}", id, e.text);
        let padding = (status_padding - txt.len() as i64).max(0) as usize;
        let spinner = match e.status {
            St::Done => paint(GREEN, "✔"),
            St::Warning => paint(YELLOW_BOLD, "!"),
            St::Error => paint(RED_BOLD, "✘"),
            St::Working => paint(YELLOW, "⠿"),
        };
        let mut status = e.status_text.clone();
        let max_status = width as i64 - txt.len() as i64 - status_padding - 15;
        if max_status > 0 && status.len() as i64 > max_status {
            let mut cut = max_status as usize;
            while cut > 0 && !status.is_char_boundary(cut) {
                cut -= 1;
            }
            status = format!("{}...", &status[..cut]);
        }
        let status = match e.status {
            _ if status.is_empty() => status,
            St::Done => paint(GREEN, &status),
            St::Warning => paint(YELLOW_BOLD, &status),
            St::Error => paint(RED_BOLD, &status),
            St::Working => status,
        };
        let text = format!("{pad} {spinner} {txt}{} {status}", " ".repeat(padding));
        let timer = paint(BLUE, &format!("{elapsed:.1}s "));
        align(&text, &timer, width)
    }
}

fn align(l: &str, r: &str, w: usize) -> String {
    let count = w as i64 - len_ansi(l) as i64 - len_ansi(r) as i64;
    let pad = if count > 0 { " ".repeat(count as usize) } else { String::new() };
    format!("{l}{pad}{r}\n")
}

/// User-perceived characters of a string with ANSI colour codes.
pub fn len_ansi(s: &str) -> usize {
    let mut n = 0;
    let mut code = false;
    for c in s.chars() {
        if c == '\x1b' {
            code = true;
            continue;
        }
        if code && c == 'm' {
            code = false;
            continue;
        }
        if !code {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tty_frame_layout() {
        let mut out = Output::new();
        let mut p = Progress::new("Running", Mode::Tty { color: false, width: TERM_WIDTH });
        p.ev(&mut out, 0, "Network hc_default", St::Working, "Creating");
        p.ev(&mut out, 100, "Network hc_default", St::Done, "Created");
        p.ev(&mut out, 100, "Container hc-db-1", St::Working, "Creating");
        p.ev(&mut out, 200, "Container hc-db-1", St::Done, "Created");
        p.ev(&mut out, 300, "Container hc-db-1", St::Working, "Starting");
        p.ev(&mut out, 500, "Container hc-db-1", St::Done, "Started");
        p.ev(&mut out, 600, "Container hc-db-1", St::Working, "Waiting");
        p.ev(&mut out, 5700, "Container hc-db-1", St::Done, "Healthy");
        p.finish(&mut out, 6000);
        let t = out.text();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "[+] Running 2/2");
        assert!(lines[1].starts_with(" ✔ Network hc_default  Created"), "{t}");
        assert!(lines[2].starts_with(" ✔ Container hc-db-1   Healthy"), "{t}");
        assert!(lines[2].ends_with("5.6s "), "{t}");
        assert_eq!(len_ansi(lines[1]), TERM_WIDTH);
    }
}
