//! The parser: shell text to [`ast::Script`]. Never panics; nesting is
//! limited to [`MAX_DEPTH`] levels; linear in the input size.

use crate::ast::*;

/// Deepest nesting of commands, substitutions and quotes the parser accepts.
pub const MAX_DEPTH: usize = 64;

/// The result of [`parse`]: always a script (the complete lines before any
/// error), plus what went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub script: Script,
    /// bash's message for a syntax error, e.g.
    /// ``bash: syntax error near unexpected token `;;'``.
    pub error: Option<String>,
    /// The text ends inside an unfinished construct (quote, heredoc, `\`
    /// continuation, `&&`, `|`, `$(`, `if`…): a terminal should read more
    /// lines.
    pub incomplete: bool,
}

/// Parses shell text. Never fails: see [`Parsed`].
pub fn parse(src: &str) -> Parsed {
    parse_full(src, 0).parsed
}

/// A syntax error, before it is worded for one shell flavour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PErr {
    /// `syntax error near unexpected token `x'`
    Unexpected(String),
    /// `syntax error: unexpected end of file`
    Eof,
    /// `unexpected EOF while looking for matching `c'`
    Matching(char),
    TooDeep,
    /// Some other message (without the shell name).
    Other(String),
}

impl PErr {
    pub(crate) fn is_eof(&self) -> bool {
        matches!(self, PErr::Eof | PErr::Matching(_))
    }
    /// The message as bash prints it (after `bash: `).
    pub(crate) fn bash_text(&self) -> String {
        match self {
            PErr::Unexpected(t) => format!("syntax error near unexpected token `{t}'"),
            PErr::Eof => "syntax error: unexpected end of file".into(),
            PErr::Matching(c) => format!("unexpected EOF while looking for matching `{c}'"),
            PErr::TooDeep => "syntax error: nesting too deep".into(),
            PErr::Other(m) => m.clone(),
        }
    }
    /// The message as busybox ash prints it (after `sh: `).
    pub(crate) fn ash_text(&self) -> String {
        match self {
            PErr::Unexpected(t) if t == "newline" => "syntax error: unexpected newline".into(),
            PErr::Unexpected(t) => format!("syntax error: unexpected \"{t}\""),
            PErr::Eof => "syntax error: unexpected end of file".into(),
            PErr::Matching('\'') | PErr::Matching('"') => "syntax error: unterminated quoted string".into(),
            PErr::Matching(c) => format!("syntax error: missing '{c}'"),
            PErr::TooDeep => "syntax error: nesting too deep".into(),
            PErr::Other(m) => m.clone(),
        }
    }
}

/// Everything the interpreter wants to know about a parse.
pub(crate) struct FullParse {
    pub parsed: Parsed,
    pub err: Option<PErr>,
    /// A heredoc ended by the end of the text: (line, delimiter).
    pub heredoc_eof: Option<(u32, String)>,
}

pub(crate) fn parse_full(src: &str, depth: usize) -> FullParse {
    let mut p = Parser::new(src, depth);
    let (mut script, err) = p.parse_program();
    if let Some(first) = p.pending.first() {
        if p.heredoc_eof.is_none() {
            p.heredoc_eof = Some((p.line, first.delim.clone()));
        }
        p.pending.clear();
    }
    if !p.bodies.is_empty() {
        fill_script(&mut script, &mut p.bodies);
    }
    let incomplete = err.as_ref().is_some_and(PErr::is_eof) || p.trailing_backslash || p.heredoc_eof.is_some();
    FullParse {
        parsed: Parsed { script, error: err.as_ref().map(|e| format!("bash: {}", e.bash_text())), incomplete },
        err,
        heredoc_eof: p.heredoc_eof,
    }
}

type R<T> = Result<T, PErr>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    AndAnd,
    OrOr,
    Pipe,
    PipeAmp,
    Amp,
    Semi,
    DSemi,
    SemiAmp,
    DSemiAmp,
    LParen,
    RParen,
    Redir(Option<u32>, RedirOp, bool),
}

fn op_text(op: Op) -> &'static str {
    match op {
        Op::AndAnd => "&&",
        Op::OrOr => "||",
        Op::Pipe => "|",
        Op::PipeAmp => "|&",
        Op::Amp => "&",
        Op::Semi => ";",
        Op::DSemi => ";;",
        Op::SemiAmp => ";&",
        Op::DSemiAmp => ";;&",
        Op::LParen => "(",
        Op::RParen => ")",
        Op::Redir(_, r, strip) => match r {
            RedirOp::In => "<",
            RedirOp::Out => ">",
            RedirOp::Append => ">>",
            RedirOp::Clobber => ">|",
            RedirOp::DupIn => "<&",
            RedirOp::DupOut => ">&",
            RedirOp::ReadWrite => "<>",
            RedirOp::OutErr => "&>",
            RedirOp::AppendErr => "&>>",
            RedirOp::HereDoc if strip => "<<-",
            RedirOp::HereDoc => "<<",
            RedirOp::HereString => "<<<",
        },
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Word(Word),
    Op(Op),
    Newline,
    Eof,
}

fn tok_text(t: &Tok) -> String {
    match t {
        Tok::Word(w) => w.unquoted_text(),
        Tok::Op(o) => op_text(*o).to_string(),
        Tok::Newline => "newline".into(),
        Tok::Eof => "end of file".into(),
    }
}

fn is_lit(t: &Tok, s: &str) -> bool {
    matches!(t, Tok::Word(w) if w.as_literal() == Some(s))
}

pub(crate) fn is_name(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => cs.all(|c| c.is_ascii_alphanumeric() || c == '_'),
        _ => false,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    Brace,
    Slash,
    Colon,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Normal,
    Regex,
    Dq,
    Heredoc,
    Param { stop: Stop, dq: bool },
}

struct Pending {
    slot: usize,
    delim: String,
    strip: bool,
    expand: bool,
}

struct Parser {
    s: Vec<char>,
    pos: usize,
    line: u32,
    depth: usize,
    peeked: Option<(Tok, usize)>,
    pending: Vec<Pending>,
    bodies: Vec<Option<Word>>,
    trailing_backslash: bool,
    heredoc_eof: Option<(u32, String)>,
    next_regex: bool,
}

fn is_meta(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | ';' | '&' | '|' | '(' | ')' | '<' | '>')
}

fn flush(parts: &mut Vec<WordPart>, lit: &mut String, quoted: bool) {
    if lit.is_empty() {
        return;
    }
    let text = std::mem::take(lit);
    if quoted {
        if let Some(WordPart::Quoted(prev)) = parts.last_mut() {
            prev.push_str(&text);
            return;
        }
        parts.push(WordPart::Quoted(text));
    } else {
        if let Some(WordPart::Lit(prev)) = parts.last_mut() {
            prev.push_str(&text);
            return;
        }
        parts.push(WordPart::Lit(text));
    }
}

impl Parser {
    fn new(src: &str, depth: usize) -> Parser {
        Parser {
            s: src.chars().collect(),
            pos: 0,
            line: 1,
            depth,
            peeked: None,
            pending: Vec::new(),
            bodies: Vec::new(),
            trailing_backslash: false,
            heredoc_eof: None,
            next_regex: false,
        }
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PErr::TooDeep);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn ch(&self) -> Option<char> {
        self.s.get(self.pos).copied()
    }

    fn ch_at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.ch()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.s.get(from..to.min(self.s.len())).map(|cs| cs.iter().collect()).unwrap_or_default()
    }

    // ---------------------------------------------------------------- lexer

    fn skip_blanks(&mut self) {
        loop {
            match self.ch() {
                Some(' ') | Some('\t') => {
                    self.pos += 1;
                }
                Some('\\') if self.ch_at(self.pos + 1) == Some('\n') => {
                    self.bump();
                    self.bump();
                }
                Some('#') => {
                    while let Some(c) = self.ch() {
                        if c == '\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
    }

    fn peek(&mut self) -> R<&Tok> {
        if self.peeked.is_none() {
            let t = self.lex()?;
            self.peeked = Some(t);
        }
        match &self.peeked {
            Some((t, _)) => Ok(t),
            None => Ok(&Tok::Eof),
        }
    }

    /// Start offset of the peeked token.
    fn peek_start(&mut self) -> R<usize> {
        self.peek()?;
        Ok(self.peeked.as_ref().map(|(_, s)| *s).unwrap_or(self.pos))
    }

    fn next(&mut self) -> R<Tok> {
        match self.peeked.take() {
            Some((t, _)) => Ok(t),
            None => Ok(self.lex()?.0),
        }
    }

    fn lex(&mut self) -> R<(Tok, usize)> {
        self.skip_blanks();
        let start = self.pos;
        let regex = std::mem::take(&mut self.next_regex);
        let Some(c) = self.ch() else {
            return Ok((Tok::Eof, start));
        };
        if regex && !matches!(c, '\n' | ';' | '&') {
            return Ok((self.lex_word(Mode::Regex)?, start));
        }
        let tok = match c {
            '\n' => {
                self.bump();
                self.read_heredocs()?;
                Tok::Newline
            }
            ';' => {
                self.bump();
                match self.ch() {
                    Some(';') => {
                        self.bump();
                        if self.ch() == Some('&') {
                            self.bump();
                            Tok::Op(Op::DSemiAmp)
                        } else {
                            Tok::Op(Op::DSemi)
                        }
                    }
                    Some('&') => {
                        self.bump();
                        Tok::Op(Op::SemiAmp)
                    }
                    _ => Tok::Op(Op::Semi),
                }
            }
            '&' => {
                self.bump();
                match self.ch() {
                    Some('&') => {
                        self.bump();
                        Tok::Op(Op::AndAnd)
                    }
                    Some('>') => {
                        self.bump();
                        if self.ch() == Some('>') {
                            self.bump();
                            Tok::Op(Op::Redir(None, RedirOp::AppendErr, false))
                        } else {
                            Tok::Op(Op::Redir(None, RedirOp::OutErr, false))
                        }
                    }
                    _ => Tok::Op(Op::Amp),
                }
            }
            '|' => {
                self.bump();
                match self.ch() {
                    Some('|') => {
                        self.bump();
                        Tok::Op(Op::OrOr)
                    }
                    Some('&') => {
                        self.bump();
                        Tok::Op(Op::PipeAmp)
                    }
                    _ => Tok::Op(Op::Pipe),
                }
            }
            '(' => {
                self.bump();
                Tok::Op(Op::LParen)
            }
            ')' => {
                self.bump();
                Tok::Op(Op::RParen)
            }
            '<' | '>' => self.lex_redir(None),
            '0'..='9' => {
                let mut j = self.pos;
                while matches!(self.ch_at(j), Some('0'..='9')) {
                    j += 1;
                }
                if matches!(self.ch_at(j), Some('<') | Some('>')) && j - self.pos <= 9 {
                    let fd = self.text(self.pos, j).parse::<u32>().ok();
                    self.pos = j;
                    self.lex_redir(fd)
                } else {
                    self.lex_word(Mode::Normal)?
                }
            }
            _ => self.lex_word(Mode::Normal)?,
        };
        Ok((tok, start))
    }

    fn lex_redir(&mut self, fd: Option<u32>) -> Tok {
        let c = self.bump();
        let (op, strip) = if c == Some('<') {
            match self.ch() {
                Some('<') => {
                    self.bump();
                    match self.ch() {
                        Some('<') => {
                            self.bump();
                            (RedirOp::HereString, false)
                        }
                        Some('-') => {
                            self.bump();
                            (RedirOp::HereDoc, true)
                        }
                        _ => (RedirOp::HereDoc, false),
                    }
                }
                Some('&') => {
                    self.bump();
                    (RedirOp::DupIn, false)
                }
                Some('>') => {
                    self.bump();
                    (RedirOp::ReadWrite, false)
                }
                _ => (RedirOp::In, false),
            }
        } else {
            match self.ch() {
                Some('>') => {
                    self.bump();
                    (RedirOp::Append, false)
                }
                Some('&') => {
                    self.bump();
                    (RedirOp::DupOut, false)
                }
                Some('|') => {
                    self.bump();
                    (RedirOp::Clobber, false)
                }
                _ => (RedirOp::Out, false),
            }
        };
        Tok::Op(Op::Redir(fd, op, strip))
    }

    fn lex_word(&mut self, mode: Mode) -> R<Tok> {
        let start = self.pos;
        let parts = self.parse_parts(mode)?;
        if self.pos == start {
            // Cannot happen for a word-starting character; make progress anyway.
            let c = self.bump().unwrap_or(' ');
            return Ok(Tok::Word(Word { parts: vec![WordPart::Lit(c.to_string())] }));
        }
        Ok(Tok::Word(Word { parts }))
    }

    fn read_heredocs(&mut self) -> R<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        for p in pending {
            let mut body = String::new();
            let mut closed = false;
            while self.pos < self.s.len() {
                let ls = self.pos;
                let mut le = ls;
                while le < self.s.len() && self.s[le] != '\n' {
                    le += 1;
                }
                let line = self.text(ls, le);
                self.pos = (le + 1).min(self.s.len());
                if le < self.s.len() {
                    self.line += 1;
                }
                let cmp = if p.strip { line.trim_start_matches('\t') } else { line.as_str() };
                if cmp == p.delim {
                    closed = true;
                    break;
                }
                body.push_str(cmp);
                body.push('\n');
            }
            if !closed && self.heredoc_eof.is_none() {
                self.heredoc_eof = Some((self.line, p.delim.clone()));
            }
            let word = if p.expand {
                let mut sub = Parser::new(&body, self.depth + 1);
                if sub.depth > MAX_DEPTH {
                    return Err(PErr::TooDeep);
                }
                let parts = sub.parse_parts(Mode::Heredoc)?;
                Word { parts }
            } else {
                Word { parts: vec![WordPart::Quoted(body)] }
            };
            if let Some(slot) = self.bodies.get_mut(p.slot) {
                *slot = Some(word);
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------- words

    fn parse_parts(&mut self, mode: Mode) -> R<Vec<WordPart>> {
        let mut parts: Vec<WordPart> = Vec::new();
        let mut lit = String::new();
        let quoted = matches!(mode, Mode::Dq | Mode::Heredoc | Mode::Param { dq: true, .. });
        let unquoted_ctx = matches!(mode, Mode::Normal | Mode::Regex | Mode::Param { dq: false, .. });
        let mut pdepth = 0usize;
        let start = self.pos;
        if mode == Mode::Normal && self.ch() == Some('~') {
            let mut j = self.pos + 1;
            while let Some(c) = self.ch_at(j) {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' {
                    j += 1;
                } else {
                    break;
                }
            }
            if self.ch_at(j).is_none_or(|c| c == '/' || is_meta(c)) {
                let user = self.text(self.pos + 1, j);
                self.pos = j;
                parts.push(WordPart::Tilde(user));
            }
        }
        loop {
            let Some(c) = self.ch() else {
                match mode {
                    Mode::Dq => return Err(PErr::Matching('"')),
                    Mode::Param { .. } => return Err(PErr::Matching('}')),
                    _ => break,
                }
            };
            match mode {
                Mode::Normal if is_meta(c) => break,
                Mode::Regex => match c {
                    ' ' | '\t' | '\n' | ';' | '&' => break,
                    '(' => pdepth += 1,
                    ')' if pdepth == 0 => break,
                    ')' => pdepth -= 1,
                    _ => {}
                },
                Mode::Dq if c == '"' => break,
                Mode::Param { stop, .. } if c == '}' || (stop == Stop::Slash && c == '/') || (stop == Stop::Colon && c == ':') => break,
                _ => {}
            }
            match c {
                '\\' => {
                    let next = self.ch_at(self.pos + 1);
                    match next {
                        None => {
                            self.pos += 1;
                            lit.push('\\');
                            if unquoted_ctx || mode == Mode::Heredoc {
                                self.trailing_backslash = true;
                            }
                        }
                        Some('\n') => {
                            self.bump();
                            self.bump();
                        }
                        Some(n) => {
                            let escapes = if unquoted_ctx {
                                true
                            } else {
                                match mode {
                                    Mode::Dq => matches!(n, '$' | '`' | '"' | '\\'),
                                    Mode::Param { .. } => matches!(n, '$' | '`' | '"' | '\\' | '}'),
                                    _ => matches!(n, '$' | '`' | '\\'),
                                }
                            };
                            self.bump();
                            self.bump();
                            if escapes {
                                if unquoted_ctx {
                                    flush(&mut parts, &mut lit, false);
                                    flush(&mut parts, &mut n.to_string(), true);
                                } else {
                                    lit.push(n);
                                }
                            } else {
                                lit.push('\\');
                                lit.push(n);
                            }
                        }
                    }
                }
                '\'' if unquoted_ctx => {
                    self.bump();
                    let s0 = self.pos;
                    loop {
                        match self.bump() {
                            None => return Err(PErr::Matching('\'')),
                            Some('\'') => break,
                            Some(_) => {}
                        }
                    }
                    let text = self.text(s0, self.pos - 1);
                    flush(&mut parts, &mut lit, false);
                    parts.push(WordPart::Quoted(text));
                }
                '"' if unquoted_ctx || matches!(mode, Mode::Param { dq: true, .. }) => {
                    self.bump();
                    self.enter()?;
                    let inner = self.parse_parts(Mode::Dq)?;
                    self.leave();
                    self.bump(); // the closing quote
                    flush(&mut parts, &mut lit, quoted);
                    parts.push(WordPart::Double(inner));
                }
                '$' => {
                    let in_dq = !unquoted_ctx;
                    match self.parse_dollar(in_dq)? {
                        Some(part) => {
                            flush(&mut parts, &mut lit, quoted);
                            parts.push(part);
                        }
                        None => lit.push('$'),
                    }
                }
                '`' => {
                    let part = self.parse_backtick(!unquoted_ctx)?;
                    flush(&mut parts, &mut lit, quoted);
                    parts.push(part);
                }
                _ => {
                    self.bump();
                    lit.push(c);
                }
            }
        }
        flush(&mut parts, &mut lit, quoted);
        if parts.is_empty() && self.pos > start && unquoted_ctx {
            // e.g. a lone line continuation: nothing.
        }
        Ok(parts)
    }

    fn parse_backtick(&mut self, in_dq: bool) -> R<WordPart> {
        self.bump();
        let mut raw = String::new();
        loop {
            match self.bump() {
                None => return Err(PErr::Matching('`')),
                Some('`') => break,
                Some('\\') => match self.ch() {
                    Some(n) if n == '`' || n == '\\' || n == '$' || (in_dq && n == '"') => {
                        self.bump();
                        raw.push(n);
                    }
                    _ => raw.push('\\'),
                },
                Some(c) => raw.push(c),
            }
        }
        if self.depth + 1 > MAX_DEPTH {
            return Err(PErr::TooDeep);
        }
        let full = parse_full(&raw, self.depth + 1);
        if let Some(e) = full.err {
            return Err(e);
        }
        Ok(WordPart::Command(full.parsed.script))
    }

    /// After a `$`: the expansion, or None when the `$` is literal.
    fn parse_dollar(&mut self, in_dq: bool) -> R<Option<WordPart>> {
        let next = self.ch_at(self.pos + 1);
        match next {
            Some('(') => {
                if self.ch_at(self.pos + 2) == Some('(') {
                    if let Some(end) = self.scan_arith(self.pos + 3)? {
                        let inner = self.text(self.pos + 3, end);
                        while self.pos < end + 2 {
                            self.bump();
                        }
                        return Ok(Some(WordPart::Arith(self.sub_heredoc_word(&inner)?)));
                    }
                }
                self.bump();
                self.bump();
                self.enter()?;
                let saved = self.peeked.take();
                let script = self.parse_list()?;
                match self.next()? {
                    Tok::Op(Op::RParen) => {}
                    Tok::Eof => return Err(PErr::Matching(')')),
                    t => return Err(PErr::Unexpected(tok_text(&t))),
                }
                self.peeked = saved;
                self.leave();
                Ok(Some(WordPart::Command(script)))
            }
            Some('{') => {
                self.bump();
                self.bump();
                self.enter()?;
                let p = self.parse_brace_param(in_dq)?;
                self.leave();
                Ok(Some(WordPart::Param(Box::new(p))))
            }
            Some('\'') if !in_dq => {
                self.bump();
                self.bump();
                let mut out = String::new();
                loop {
                    match self.bump() {
                        None => return Err(PErr::Matching('\'')),
                        Some('\'') => break,
                        Some('\\') => self.ansi_escape(&mut out),
                        Some(c) => out.push(c),
                    }
                }
                Ok(Some(WordPart::Quoted(out)))
            }
            Some('"') if !in_dq => {
                self.bump();
                self.bump();
                self.enter()?;
                let inner = self.parse_parts(Mode::Dq)?;
                self.leave();
                self.bump();
                Ok(Some(WordPart::Double(inner)))
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                self.bump();
                let s0 = self.pos;
                while self.ch().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.pos += 1;
                }
                let name = self.text(s0, self.pos);
                Ok(Some(WordPart::Param(Box::new(Param { name, op: ParamOp::Plain }))))
            }
            Some(c) if c.is_ascii_digit() || matches!(c, '?' | '$' | '#' | '@' | '*' | '!' | '-') => {
                self.bump();
                self.bump();
                Ok(Some(WordPart::Param(Box::new(Param { name: c.to_string(), op: ParamOp::Plain }))))
            }
            _ => {
                self.bump();
                Ok(None)
            }
        }
    }

    fn ansi_escape(&mut self, out: &mut String) {
        let Some(c) = self.bump() else {
            out.push('\\');
            return;
        };
        match c {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'e' | 'E' => out.push('\x1b'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            '?' => out.push('?'),
            '0'..='7' => {
                let mut v = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.ch().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v & 0xff).unwrap_or('?'));
            }
            'x' | 'u' | 'U' => {
                let max = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v: u32 = 0;
                let mut n = 0;
                while n < max {
                    match self.ch().and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            v = v.saturating_mul(16).saturating_add(d);
                            self.pos += 1;
                            n += 1;
                        }
                        None => break,
                    }
                }
                if n == 0 {
                    out.push('\\');
                    out.push(c);
                } else {
                    out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }

    /// From just after `$((` (or `((`): the index of the first `)` of the
    /// closing `))`, None when the parentheses do not close as arithmetic.
    fn scan_arith(&self, from: usize) -> R<Option<usize>> {
        // bash: count parentheses from 1; the one closing to 0 must be
        // followed by a second `)`.
        let mut depth = 1usize;
        let mut i = from;
        while let Some(c) = self.ch_at(i) {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(if self.ch_at(i + 1) == Some(')') { Some(i) } else { None });
                    }
                }
                _ => {}
            }
            i += 1;
        }
        Err(PErr::Matching(')'))
    }

    fn sub_heredoc_word(&mut self, text: &str) -> R<Word> {
        if self.depth + 1 > MAX_DEPTH {
            return Err(PErr::TooDeep);
        }
        let mut sub = Parser::new(text, self.depth + 1);
        let parts = sub.parse_parts(Mode::Heredoc)?;
        Ok(Word { parts })
    }

    /// After `${`.
    fn parse_brace_param(&mut self, dq: bool) -> R<Param> {
        let s0 = self.pos;
        // ${#...}
        if self.ch() == Some('#') && self.ch_at(self.pos + 1) != Some('}') {
            self.bump();
            let name = self.read_param_name();
            if name.is_empty() || self.ch() != Some('}') {
                return self.bad_param(s0);
            }
            self.bump();
            return Ok(Param { name, op: ParamOp::Length });
        }
        if self.ch() == Some('!') && self.ch_at(self.pos + 1).is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            self.bump();
            let name = self.read_param_name();
            if name.is_empty() || self.ch() != Some('}') {
                return self.bad_param(s0);
            }
            self.bump();
            return Ok(Param { name, op: ParamOp::Indirect });
        }
        let name = self.read_param_name();
        if name.is_empty() {
            return self.bad_param(s0);
        }
        let pm = Mode::Param { stop: Stop::Brace, dq };
        let op = match self.ch() {
            None => return Err(PErr::Matching('}')),
            Some('}') => ParamOp::Plain,
            Some(':') => {
                self.bump();
                match self.ch() {
                    Some(c @ ('-' | '=' | '?' | '+')) => {
                        self.bump();
                        let word = Word { parts: self.parse_parts(pm)? };
                        mk_op(c, true, word)
                    }
                    _ => {
                        let offset = Word { parts: self.parse_parts(Mode::Param { stop: Stop::Colon, dq })? };
                        let len = if self.ch() == Some(':') {
                            self.bump();
                            Some(Word { parts: self.parse_parts(pm)? })
                        } else {
                            None
                        };
                        ParamOp::Substr { offset, len }
                    }
                }
            }
            Some(c @ ('-' | '=' | '?' | '+')) => {
                self.bump();
                let word = Word { parts: self.parse_parts(pm)? };
                mk_op(c, false, word)
            }
            Some(c @ ('#' | '%')) => {
                self.bump();
                let longest = self.ch() == Some(c);
                if longest {
                    self.bump();
                }
                let pat = Word { parts: self.parse_parts(pm)? };
                if c == '#' {
                    ParamOp::TrimPrefix { longest, pat }
                } else {
                    ParamOp::TrimSuffix { longest, pat }
                }
            }
            Some('/') => {
                self.bump();
                let mut all = false;
                let mut anchor = Anchor::None;
                match self.ch() {
                    Some('/') => {
                        self.bump();
                        all = true;
                    }
                    Some('#') => {
                        self.bump();
                        anchor = Anchor::Start;
                    }
                    Some('%') => {
                        self.bump();
                        anchor = Anchor::End;
                    }
                    _ => {}
                }
                let pat = Word { parts: self.parse_parts(Mode::Param { stop: Stop::Slash, dq })? };
                let rep = if self.ch() == Some('/') {
                    self.bump();
                    Word { parts: self.parse_parts(pm)? }
                } else {
                    Word::default()
                };
                ParamOp::Replace { all, anchor, pat, rep }
            }
            Some(c @ ('^' | ',')) => {
                self.bump();
                let all = self.ch() == Some(c);
                if all {
                    self.bump();
                }
                ParamOp::Case { upper: c == '^', all }
            }
            Some(_) => return self.bad_param(s0),
        };
        match self.ch() {
            Some('}') => {
                self.bump();
            }
            None => return Err(PErr::Matching('}')),
            Some(_) => return self.bad_param(s0),
        }
        Ok(Param { name, op })
    }

    fn bad_param(&mut self, s0: usize) -> R<Param> {
        let mut depth = 0usize;
        loop {
            match self.bump() {
                None => return Err(PErr::Matching('}')),
                Some('{') => depth += 1,
                Some('}') if depth == 0 => break,
                Some('}') => depth -= 1,
                Some(_) => {}
            }
        }
        let text = self.text(s0, self.pos.saturating_sub(1));
        Ok(Param { name: String::new(), op: ParamOp::Bad(text) })
    }

    fn read_param_name(&mut self) -> String {
        let s0 = self.pos;
        match self.ch() {
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                while self.ch().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.pos += 1;
                }
            }
            Some(c) if c.is_ascii_digit() => {
                while self.ch().is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
            }
            Some('?' | '$' | '#' | '@' | '*' | '!' | '-') => self.pos += 1,
            _ => {}
        }
        self.text(s0, self.pos)
    }

    // ---------------------------------------------------------------- grammar

    fn parse_program(&mut self) -> (Script, Option<PErr>) {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                Err(e) => return (Script { items }, Some(e)),
                Ok(Tok::Newline) => {
                    if let Err(e) = self.next() {
                        return (Script { items }, Some(e));
                    }
                    continue;
                }
                Ok(Tok::Eof) => break,
                Ok(_) => {}
            }
            match self.parse_line() {
                Ok(line) => items.extend(line),
                Err(e) => return (Script { items }, Some(e)),
            }
        }
        (Script { items }, None)
    }

    /// One line of and-or lists (up to a newline or the end).
    fn parse_line(&mut self) -> R<Vec<AndOr>> {
        let mut out = Vec::new();
        loop {
            let mut ao = self.parse_andor()?;
            match self.peek()? {
                Tok::Op(Op::Semi) | Tok::Op(Op::Amp) => {
                    let t = self.next()?;
                    ao.background = t == Tok::Op(Op::Amp);
                    out.push(ao);
                    match self.peek()? {
                        Tok::Newline => {
                            self.next()?;
                            break;
                        }
                        Tok::Eof => break,
                        _ => {}
                    }
                }
                Tok::Newline => {
                    self.next()?;
                    out.push(ao);
                    break;
                }
                Tok::Eof => {
                    out.push(ao);
                    break;
                }
                t => return Err(PErr::Unexpected(tok_text(t))),
            }
        }
        Ok(out)
    }

    fn skip_newlines(&mut self) -> R<()> {
        while *self.peek()? == Tok::Newline {
            self.next()?;
        }
        Ok(())
    }

    fn at_list_end(&mut self) -> R<bool> {
        Ok(match self.peek()? {
            Tok::Eof => true,
            Tok::Op(Op::RParen | Op::DSemi | Op::SemiAmp | Op::DSemiAmp) => true,
            Tok::Word(w) => matches!(w.as_literal(), Some("then" | "elif" | "else" | "fi" | "do" | "done" | "esac" | "}")),
            _ => false,
        })
    }

    fn parse_list(&mut self) -> R<Script> {
        let mut items = Vec::new();
        loop {
            self.skip_newlines()?;
            if self.at_list_end()? {
                break;
            }
            let mut ao = self.parse_andor()?;
            match self.peek()? {
                Tok::Op(Op::Semi) | Tok::Newline => {
                    self.next()?;
                }
                Tok::Op(Op::Amp) => {
                    self.next()?;
                    ao.background = true;
                }
                _ => {
                    items.push(ao);
                    break;
                }
            }
            items.push(ao);
        }
        Ok(Script { items })
    }

    fn require_nonempty(&mut self, s: &Script) -> R<()> {
        if s.items.is_empty() {
            return Err(match self.peek()? {
                Tok::Eof => PErr::Eof,
                t => PErr::Unexpected(tok_text(t)),
            });
        }
        Ok(())
    }

    fn expect_word(&mut self, kw: &str) -> R<()> {
        match self.next()? {
            t if is_lit(&t, kw) => Ok(()),
            Tok::Eof => Err(PErr::Eof),
            t => Err(PErr::Unexpected(tok_text(&t))),
        }
    }

    fn parse_andor(&mut self) -> R<AndOr> {
        let first = self.parse_pipeline()?;
        let mut rest = Vec::new();
        loop {
            let conn = match self.peek()? {
                Tok::Op(Op::AndAnd) => Connector::And,
                Tok::Op(Op::OrOr) => Connector::Or,
                _ => break,
            };
            self.next()?;
            self.skip_newlines()?;
            rest.push((conn, self.parse_pipeline()?));
        }
        Ok(AndOr { first, rest, background: false })
    }

    fn parse_pipeline(&mut self) -> R<Pipeline> {
        let mut negated = false;
        while is_lit(self.peek()?, "!") {
            self.next()?;
            negated = !negated;
        }
        let mut commands = vec![self.parse_command()?];
        loop {
            let both = match self.peek()? {
                Tok::Op(Op::Pipe) => false,
                Tok::Op(Op::PipeAmp) => true,
                _ => break,
            };
            self.next()?;
            if both {
                let r = Redirect { fd: Some(2), op: RedirOp::DupOut, target: RedirTarget::Word(Word::lit("1")) };
                match commands.last_mut() {
                    Some(Command::Simple(s)) => s.redirects.push(r),
                    Some(Command::Compound(_, rs)) => rs.push(r),
                    _ => {}
                }
            }
            self.skip_newlines()?;
            commands.push(self.parse_command()?);
        }
        Ok(Pipeline { negated, commands })
    }

    fn parse_command(&mut self) -> R<Command> {
        self.enter()?;
        let r = self.parse_command_inner();
        self.leave();
        r
    }

    fn parse_command_inner(&mut self) -> R<Command> {
        let compound = match self.peek()? {
            Tok::Word(w) => match w.as_literal() {
                Some("if") => self.parse_if()?,
                Some("while") => self.parse_while(false)?,
                Some("until") => self.parse_while(true)?,
                Some("for") => self.parse_for()?,
                Some("case") => self.parse_case()?,
                Some("{") => {
                    self.next()?;
                    let body = self.parse_list()?;
                    self.require_nonempty(&body)?;
                    self.expect_word("}")?;
                    Compound::Group(body)
                }
                Some("[[") => self.parse_cond()?,
                Some("function") => return self.parse_function_kw(),
                Some(kw @ ("then" | "elif" | "else" | "fi" | "do" | "done" | "esac" | "}")) => {
                    return Err(PErr::Unexpected(kw.to_string()));
                }
                _ => return self.parse_simple(),
            },
            Tok::Op(Op::LParen) => {
                let start = self.peek_start()?;
                if self.ch_at(start + 1) == Some('(') {
                    if let Some(end) = self.scan_arith(start + 2)? {
                        let inner = self.text(start + 2, end);
                        self.peeked = None;
                        self.pos = start + 1;
                        while self.pos < end + 2 {
                            self.bump();
                        }
                        let w = self.sub_heredoc_word(&inner)?;
                        let redirects = self.parse_redirects()?;
                        return Ok(Command::Compound(Box::new(Compound::Arith(w)), redirects));
                    }
                }
                self.next()?;
                let body = self.parse_list()?;
                self.require_nonempty(&body)?;
                match self.next()? {
                    Tok::Op(Op::RParen) => {}
                    Tok::Eof => return Err(PErr::Eof),
                    t => return Err(PErr::Unexpected(tok_text(&t))),
                }
                Compound::Subshell(body)
            }
            Tok::Op(Op::Redir(..)) => return self.parse_simple(),
            Tok::Eof => return Err(PErr::Eof),
            t => return Err(PErr::Unexpected(tok_text(t))),
        };
        let redirects = self.parse_redirects()?;
        Ok(Command::Compound(Box::new(compound), redirects))
    }

    fn parse_redirects(&mut self) -> R<Vec<Redirect>> {
        let mut out = Vec::new();
        while let Tok::Op(Op::Redir(fd, op, strip)) = *self.peek()? {
            self.next()?;
            out.push(self.parse_redirect_target(fd, op, strip)?);
        }
        Ok(out)
    }

    fn parse_redirect_target(&mut self, fd: Option<u32>, op: RedirOp, strip: bool) -> R<Redirect> {
        match self.next()? {
            Tok::Word(w) => {
                if op == RedirOp::HereDoc {
                    let delim = w.unquoted_text();
                    let expand = !w.has_quotes();
                    let slot = self.bodies.len();
                    self.bodies.push(None);
                    self.pending.push(Pending { slot, delim: delim.clone(), strip, expand });
                    Ok(Redirect { fd, op, target: RedirTarget::HereDoc(HereDoc { delimiter: delim, expand, strip_tabs: strip, body: Word::default(), slot }) })
                } else {
                    Ok(Redirect { fd, op, target: RedirTarget::Word(w) })
                }
            }
            Tok::Eof | Tok::Newline => Err(PErr::Unexpected("newline".into())),
            t => Err(PErr::Unexpected(tok_text(&t))),
        }
    }

    fn parse_simple(&mut self) -> R<Command> {
        let mut cmd = SimpleCommand { line: self.line, ..Default::default() };
        loop {
            match self.peek()? {
                Tok::Word(_) => {
                    let Tok::Word(w) = self.next()? else { break };
                    if cmd.words.is_empty() {
                        if let Some(a) = split_assignment(&w) {
                            cmd.assigns.push(a);
                            continue;
                        }
                        if cmd.assigns.is_empty() && cmd.redirects.is_empty() && *self.peek()? == Tok::Op(Op::LParen) {
                            if let Some(name) = w.as_literal().filter(|n| is_fn_name(n)) {
                                let name = name.to_string();
                                self.next()?;
                                match self.next()? {
                                    Tok::Op(Op::RParen) => {}
                                    Tok::Eof => return Err(PErr::Eof),
                                    t => return Err(PErr::Unexpected(tok_text(&t))),
                                }
                                return self.parse_function_body(name);
                            }
                        }
                    }
                    cmd.words.push(w);
                }
                Tok::Op(Op::Redir(fd, op, strip)) => {
                    let (fd, op, strip) = (*fd, *op, *strip);
                    self.next()?;
                    let r = self.parse_redirect_target(fd, op, strip)?;
                    cmd.redirects.push(r);
                }
                _ => break,
            }
        }
        Ok(Command::Simple(cmd))
    }

    fn parse_function_body(&mut self, name: String) -> R<Command> {
        self.skip_newlines()?;
        let body = self.parse_command()?;
        match &body {
            Command::Compound(..) => Ok(Command::FunctionDef { name, body: Box::new(body) }),
            Command::Simple(s) => Err(PErr::Unexpected(s.words.first().map(|w| w.unquoted_text()).unwrap_or_else(|| "newline".into()))),
            Command::FunctionDef { name, .. } => Err(PErr::Unexpected(name.clone())),
        }
    }

    fn parse_function_kw(&mut self) -> R<Command> {
        self.next()?;
        let name = match self.next()? {
            Tok::Word(w) => w.unquoted_text(),
            Tok::Eof => return Err(PErr::Eof),
            t => return Err(PErr::Unexpected(tok_text(&t))),
        };
        if *self.peek()? == Tok::Op(Op::LParen) {
            self.next()?;
            match self.next()? {
                Tok::Op(Op::RParen) => {}
                Tok::Eof => return Err(PErr::Eof),
                t => return Err(PErr::Unexpected(tok_text(&t))),
            }
        }
        self.parse_function_body(name)
    }

    fn parse_if(&mut self) -> R<Compound> {
        self.next()?;
        let mut branches = Vec::new();
        let mut else_body = None;
        loop {
            let cond = self.parse_list()?;
            self.require_nonempty(&cond)?;
            self.expect_word("then")?;
            let body = self.parse_list()?;
            self.require_nonempty(&body)?;
            branches.push((cond, body));
            match self.next()? {
                t if is_lit(&t, "elif") => continue,
                t if is_lit(&t, "else") => {
                    let b = self.parse_list()?;
                    self.require_nonempty(&b)?;
                    self.expect_word("fi")?;
                    else_body = Some(b);
                    break;
                }
                t if is_lit(&t, "fi") => break,
                Tok::Eof => return Err(PErr::Eof),
                t => return Err(PErr::Unexpected(tok_text(&t))),
            }
        }
        Ok(Compound::If { branches, else_body })
    }

    fn parse_while(&mut self, until: bool) -> R<Compound> {
        self.next()?;
        let cond = self.parse_list()?;
        self.require_nonempty(&cond)?;
        self.expect_word("do")?;
        let body = self.parse_list()?;
        self.require_nonempty(&body)?;
        self.expect_word("done")?;
        Ok(Compound::While { cond, body, until })
    }

    fn parse_do_done(&mut self) -> R<Script> {
        self.skip_newlines()?;
        self.expect_word("do")?;
        let body = self.parse_list()?;
        self.require_nonempty(&body)?;
        self.expect_word("done")?;
        Ok(body)
    }

    fn parse_for(&mut self) -> R<Compound> {
        self.next()?;
        if *self.peek()? == Tok::Op(Op::LParen) {
            let start = self.peek_start()?;
            if self.ch_at(start + 1) == Some('(') {
                if let Some(end) = self.scan_arith(start + 2)? {
                    let inner = self.text(start + 2, end);
                    self.peeked = None;
                    self.pos = start + 1;
                    while self.pos < end + 2 {
                        self.bump();
                    }
                    let pieces: Vec<&str> = inner.split(';').collect();
                    if pieces.len() != 3 {
                        return Err(PErr::Other(format!("syntax error: arithmetic expression required: `(({inner}))'")));
                    }
                    let init = self.sub_heredoc_word(pieces[0])?;
                    let cond = self.sub_heredoc_word(pieces[1])?;
                    let step = self.sub_heredoc_word(pieces[2])?;
                    if *self.peek()? == Tok::Op(Op::Semi) {
                        self.next()?;
                    }
                    let body = self.parse_do_done()?;
                    return Ok(Compound::ArithFor { init, cond, step, body });
                }
            }
            return Err(PErr::Unexpected("(".into()));
        }
        let var = match self.next()? {
            Tok::Word(w) => match w.as_literal() {
                Some(n) if is_name(n) => n.to_string(),
                _ => return Err(PErr::Other(format!("`{}': not a valid identifier", w.unquoted_text()))),
            },
            Tok::Eof => return Err(PErr::Eof),
            t => return Err(PErr::Unexpected(tok_text(&t))),
        };
        self.skip_newlines()?;
        let mut words = None;
        match self.peek()? {
            t if is_lit(t, "in") => {
                self.next()?;
                let mut ws = Vec::new();
                loop {
                    match self.next()? {
                        Tok::Word(w) => ws.push(w),
                        Tok::Op(Op::Semi) | Tok::Newline => break,
                        Tok::Eof => return Err(PErr::Eof),
                        t => return Err(PErr::Unexpected(tok_text(&t))),
                    }
                }
                words = Some(ws);
            }
            Tok::Op(Op::Semi) => {
                self.next()?;
            }
            _ => {}
        }
        let body = self.parse_do_done()?;
        Ok(Compound::For { var, words, body })
    }

    fn parse_case(&mut self) -> R<Compound> {
        self.next()?;
        let word = match self.next()? {
            Tok::Word(w) => w,
            Tok::Eof => return Err(PErr::Eof),
            t => return Err(PErr::Unexpected(tok_text(&t))),
        };
        self.skip_newlines()?;
        self.expect_word("in")?;
        let mut arms = Vec::new();
        loop {
            self.skip_newlines()?;
            match self.peek()? {
                t if is_lit(t, "esac") => {
                    self.next()?;
                    break;
                }
                Tok::Eof => return Err(PErr::Eof),
                Tok::Op(Op::LParen) => {
                    self.next()?;
                }
                _ => {}
            }
            let mut patterns = Vec::new();
            loop {
                match self.next()? {
                    Tok::Word(w) => patterns.push(w),
                    Tok::Eof => return Err(PErr::Eof),
                    t => return Err(PErr::Unexpected(tok_text(&t))),
                }
                match self.next()? {
                    Tok::Op(Op::Pipe) => continue,
                    Tok::Op(Op::RParen) => break,
                    Tok::Eof => return Err(PErr::Eof),
                    t => return Err(PErr::Unexpected(tok_text(&t))),
                }
            }
            let body = self.parse_list()?;
            let term = match self.peek()? {
                Tok::Op(Op::DSemi) => CaseTerm::Break,
                Tok::Op(Op::SemiAmp) => CaseTerm::FallThrough,
                Tok::Op(Op::DSemiAmp) => CaseTerm::Continue,
                t if is_lit(t, "esac") => {
                    arms.push(CaseArm { patterns, body, term: CaseTerm::Break });
                    continue;
                }
                Tok::Eof => return Err(PErr::Eof),
                t => return Err(PErr::Unexpected(tok_text(t))),
            };
            self.next()?;
            arms.push(CaseArm { patterns, body, term });
        }
        Ok(Compound::Case { word, arms })
    }

    fn parse_cond(&mut self) -> R<Compound> {
        self.next()?;
        let mut toks = Vec::new();
        loop {
            if let Some(CondToken::Word(w)) = toks.last() {
                if w.as_literal() == Some("=~") {
                    self.next_regex = true;
                }
            }
            let t = self.next()?;
            match t {
                ref w if is_lit(w, "]]") => break,
                Tok::Word(w) => toks.push(CondToken::Word(w)),
                Tok::Op(Op::AndAnd) => toks.push(CondToken::Op("&&".into())),
                Tok::Op(Op::OrOr) => toks.push(CondToken::Op("||".into())),
                Tok::Op(Op::LParen) => toks.push(CondToken::Op("(".into())),
                Tok::Op(Op::RParen) => toks.push(CondToken::Op(")".into())),
                Tok::Op(Op::Redir(None, RedirOp::In, _)) => toks.push(CondToken::Op("<".into())),
                Tok::Op(Op::Redir(None, RedirOp::Out, _)) => toks.push(CondToken::Op(">".into())),
                Tok::Newline => {}
                Tok::Eof => return Err(PErr::Eof),
                t => return Err(PErr::Unexpected(tok_text(&t))),
            }
        }
        if toks.is_empty() {
            return Err(PErr::Unexpected("]]".into()));
        }
        Ok(Compound::Cond(toks))
    }
}

fn is_fn_name(s: &str) -> bool {
    !s.is_empty()
        && !s.contains(['$', '=', '\'', '"', '`', '\\', '/'])
        && !matches!(s, "if" | "then" | "else" | "elif" | "fi" | "do" | "done" | "case" | "esac" | "while" | "until" | "for" | "{" | "}" | "!" | "[[" | "]]" | "function" | "in")
}

fn mk_op(c: char, colon: bool, word: Word) -> ParamOp {
    match c {
        '-' => ParamOp::Default { colon, word },
        '=' => ParamOp::Assign { colon, word },
        '?' => ParamOp::Error { colon, word },
        _ => ParamOp::Alt { colon, word },
    }
}

/// `NAME=value` / `NAME+=value` at the start of a word.
fn split_assignment(w: &Word) -> Option<Assign> {
    let Some(WordPart::Lit(first)) = w.parts.first() else {
        return None;
    };
    let eq = first.find('=')?;
    let (mut name, append) = (&first[..eq], false);
    let append = if let Some(n) = name.strip_suffix('+') {
        name = n;
        true
    } else {
        append
    };
    if !is_name(name) {
        return None;
    }
    let mut parts = Vec::new();
    let rest = &first[eq + 1..];
    if let Some(after) = rest.strip_prefix('~') {
        let end = after.find('/').unwrap_or(after.len());
        let user = &after[..end];
        if user.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && (end < after.len() || w.parts.len() == 1) {
            parts.push(WordPart::Tilde(user.to_string()));
            if end < after.len() {
                parts.push(WordPart::Lit(after[end..].to_string()));
            }
        } else {
            parts.push(WordPart::Lit(rest.to_string()));
        }
    } else if !rest.is_empty() {
        parts.push(WordPart::Lit(rest.to_string()));
    }
    parts.extend(w.parts.iter().skip(1).cloned());
    Some(Assign { name: name.to_string(), value: Word { parts }, append })
}

// -------------------------------------------------------------- heredoc fill

type Bodies = Vec<Option<Word>>;

fn fill_script(s: &mut Script, b: &mut Bodies) {
    for ao in &mut s.items {
        fill_pipeline(&mut ao.first, b);
        for (_, p) in &mut ao.rest {
            fill_pipeline(p, b);
        }
    }
}

fn fill_pipeline(p: &mut Pipeline, b: &mut Bodies) {
    for c in &mut p.commands {
        fill_command(c, b);
    }
}

fn fill_command(c: &mut Command, b: &mut Bodies) {
    match c {
        Command::Simple(s) => {
            for a in &mut s.assigns {
                fill_word(&mut a.value, b);
            }
            for w in &mut s.words {
                fill_word(w, b);
            }
            fill_redirects(&mut s.redirects, b);
        }
        Command::Compound(comp, rs) => {
            fill_compound(comp, b);
            fill_redirects(rs, b);
        }
        Command::FunctionDef { body, .. } => fill_command(body, b),
    }
}

fn fill_redirects(rs: &mut [Redirect], b: &mut Bodies) {
    for r in rs {
        match &mut r.target {
            RedirTarget::HereDoc(h) => {
                if let Some(body) = b.get_mut(h.slot).and_then(Option::take) {
                    h.body = body;
                }
                fill_word(&mut h.body, b);
            }
            RedirTarget::Word(w) => fill_word(w, b),
        }
    }
}

fn fill_compound(c: &mut Compound, b: &mut Bodies) {
    match c {
        Compound::Group(s) | Compound::Subshell(s) => fill_script(s, b),
        Compound::If { branches, else_body } => {
            for (c, body) in branches {
                fill_script(c, b);
                fill_script(body, b);
            }
            if let Some(e) = else_body {
                fill_script(e, b);
            }
        }
        Compound::For { words, body, .. } => {
            for w in words.iter_mut().flatten() {
                fill_word(w, b);
            }
            fill_script(body, b);
        }
        Compound::ArithFor { body, .. } => fill_script(body, b),
        Compound::While { cond, body, .. } => {
            fill_script(cond, b);
            fill_script(body, b);
        }
        Compound::Case { word, arms } => {
            fill_word(word, b);
            for a in arms {
                for p in &mut a.patterns {
                    fill_word(p, b);
                }
                fill_script(&mut a.body, b);
            }
        }
        Compound::Cond(toks) => {
            for t in toks {
                if let CondToken::Word(w) = t {
                    fill_word(w, b);
                }
            }
        }
        Compound::Arith(w) => fill_word(w, b),
    }
}

fn fill_word(w: &mut Word, b: &mut Bodies) {
    for p in &mut w.parts {
        fill_part(p, b);
    }
}

fn fill_part(p: &mut WordPart, b: &mut Bodies) {
    match p {
        WordPart::Double(parts) => {
            for q in parts {
                fill_part(q, b);
            }
        }
        WordPart::Command(s) => fill_script(s, b),
        WordPart::Param(param) => match &mut param.op {
            ParamOp::Default { word, .. } | ParamOp::Assign { word, .. } | ParamOp::Error { word, .. } | ParamOp::Alt { word, .. } => fill_word(word, b),
            ParamOp::TrimPrefix { pat, .. } | ParamOp::TrimSuffix { pat, .. } => fill_word(pat, b),
            ParamOp::Replace { pat, rep, .. } => {
                fill_word(pat, b);
                fill_word(rep, b);
            }
            ParamOp::Substr { offset, len } => {
                fill_word(offset, b);
                if let Some(l) = len {
                    fill_word(l, b);
                }
            }
            _ => {}
        },
        WordPart::Arith(w) => fill_word(w, b),
        _ => {}
    }
}
