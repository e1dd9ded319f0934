//! A small POSIX regular-expression engine (BRE and ERE with GNU extensions)
//! for grep, sed, awk and `[[ =~ ]]`. Compiled to a Pike VM: linear in the
//! text, no recursion while matching, leftmost-longest matches.

use crate::glob::named_class;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    Basic,
    Extended,
}

const MAX_PROG: usize = 200_000;
const MAX_DEPTH: usize = 64;
const MAX_COMPILE_DEPTH: usize = 256;

#[derive(Clone, Debug)]
struct Class {
    neg: bool,
    ranges: Vec<(char, char)>,
    named: Vec<String>,
}

impl Class {
    fn matches(&self, c: char, icase: bool) -> bool {
        let test = |c: char| self.ranges.iter().any(|&(a, b)| a <= c && c <= b) || self.named.iter().any(|n| named_class(n, c));
        let mut hit = test(c);
        if !hit && icase {
            hit = c.to_lowercase().any(test) || c.to_uppercase().any(test);
        }
        hit != self.neg
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Assert {
    Start,
    End,
    WordB,
    NotWordB,
    WordStart,
    WordEnd,
    NotWordBefore,
    NotWordAfter,
}

#[derive(Clone, Debug)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(usize),
    Assert(Assert),
    Group(Box<Node>, Option<usize>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

#[derive(Clone, Copy, Debug)]
enum Inst {
    Char(char),
    Any,
    Class(usize),
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    Assert(Assert),
    Match,
}

/// A compiled regular expression.
#[derive(Clone, Debug)]
pub(crate) struct Regex {
    prog: Vec<Inst>,
    classes: Vec<Class>,
    icase: bool,
    ngroups: usize,
}

struct Parser<'a> {
    cs: &'a [char],
    i: usize,
    syntax: Syntax,
    classes: Vec<Class>,
    groups: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.cs.get(self.i).copied()
    }
    fn peek2(&self) -> Option<char> {
        self.cs.get(self.i + 1).copied()
    }
    fn ere(&self) -> bool {
        self.syntax == Syntax::Extended
    }
    fn at_alt(&self) -> bool {
        if self.ere() {
            self.peek() == Some('|')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some('|')
        }
    }
    fn at_close(&self) -> bool {
        if self.ere() {
            self.peek() == Some(')')
        } else {
            self.peek() == Some('\\') && self.peek2() == Some(')')
        }
    }

    fn alt(&mut self) -> Result<Node, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("regular expression too big".into());
        }
        let mut alts = vec![self.concat()?];
        while self.at_alt() {
            self.i += if self.ere() { 1 } else { 2 };
            alts.push(self.concat()?);
        }
        self.depth -= 1;
        Ok(if alts.len() == 1 { alts.pop().unwrap_or(Node::Empty) } else { Node::Alt(alts) })
    }

    fn concat(&mut self) -> Result<Node, String> {
        let mut items = Vec::new();
        let start = self.i;
        loop {
            if self.peek().is_none() || self.at_alt() || (self.at_close() && self.depth > 1) {
                break;
            }
            let at_start = self.i == start;
            let atom = self.atom(at_start)?;
            let atom = self.postfix(atom)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn interval(&mut self) -> Option<(u32, Option<u32>)> {
        // at '{' (ERE) or after "\{" (BRE): parse n[,[m]] then '}' / '\}'
        let save = self.i;
        let mut j = self.i;
        let num = |j: &mut usize, cs: &[char]| -> Option<u32> {
            let s = *j;
            while cs.get(*j).is_some_and(|c| c.is_ascii_digit()) {
                *j += 1;
            }
            if *j == s {
                None
            } else {
                cs[s..*j].iter().collect::<String>().parse().ok()
            }
        };
        let min = num(&mut j, self.cs);
        let mut max = min;
        if self.cs.get(j) == Some(&',') {
            j += 1;
            max = num(&mut j, self.cs);
        }
        let close_ok = if self.ere() {
            if self.cs.get(j) == Some(&'}') {
                j += 1;
                true
            } else {
                false
            }
        } else if self.cs.get(j) == Some(&'\\') && self.cs.get(j + 1) == Some(&'}') {
            j += 2;
            true
        } else {
            false
        };
        if !close_ok || (min.is_none() && max.is_none()) {
            self.i = save;
            return None;
        }
        self.i = j;
        Some((min.unwrap_or(0).min(1000), max.map(|m| m.min(1000))))
    }

    fn postfix(&mut self, mut atom: Node) -> Result<Node, String> {
        loop {
            let (min, max) = match (self.peek(), self.peek2()) {
                (Some('*'), _) => {
                    self.i += 1;
                    (0, None)
                }
                (Some('+'), _) if self.ere() => {
                    self.i += 1;
                    (1, None)
                }
                (Some('?'), _) if self.ere() => {
                    self.i += 1;
                    (0, Some(1))
                }
                (Some('\\'), Some('+')) if !self.ere() => {
                    self.i += 2;
                    (1, None)
                }
                (Some('\\'), Some('?')) if !self.ere() => {
                    self.i += 2;
                    (0, Some(1))
                }
                (Some('{'), _) if self.ere() => {
                    self.i += 1;
                    match self.interval() {
                        Some(r) => r,
                        None => {
                            self.i -= 1;
                            return Ok(atom);
                        }
                    }
                }
                (Some('\\'), Some('{')) if !self.ere() => {
                    self.i += 2;
                    match self.interval() {
                        Some(r) => r,
                        None => return Err("Invalid content of \\{\\}".into()),
                    }
                }
                _ => return Ok(atom),
            };
            if let Some(m) = max {
                if m < min {
                    return Err("Invalid content of \\{\\}".into());
                }
            }
            atom = Node::Repeat(Box::new(atom), min, max);
        }
    }

    fn atom(&mut self, at_start: bool) -> Result<Node, String> {
        let Some(c) = self.peek() else { return Ok(Node::Empty) };
        self.i += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' if self.ere() || at_start => Node::Assert(Assert::Start),
            '$' if self.ere() || self.peek().is_none() || self.at_close() || self.at_alt() => Node::Assert(Assert::End),
            '*' if at_start => Node::Char('*'),
            '(' if self.ere() => self.group()?,
            ')' if self.ere() => Node::Char(')'),
            '[' => self.bracket()?,
            '\\' => {
                let Some(n) = self.peek() else { return Err("Trailing backslash".into()) };
                self.i += 1;
                match n {
                    '(' if !self.ere() => self.group()?,
                    'w' => Node::Class(self.add_class(false, vec![('_', '_')], vec!["alnum".into()])),
                    'W' => Node::Class(self.add_class(true, vec![('_', '_')], vec!["alnum".into()])),
                    's' => Node::Class(self.add_class(false, vec![], vec!["space".into()])),
                    'S' => Node::Class(self.add_class(true, vec![], vec!["space".into()])),
                    'd' => Node::Class(self.add_class(false, vec![('0', '9')], vec![])),
                    'D' => Node::Class(self.add_class(true, vec![('0', '9')], vec![])),
                    'b' => Node::Assert(Assert::WordB),
                    'B' => Node::Assert(Assert::NotWordB),
                    '<' => Node::Assert(Assert::WordStart),
                    '>' => Node::Assert(Assert::WordEnd),
                    '`' => Node::Assert(Assert::Start),
                    '\'' => Node::Assert(Assert::End),
                    'n' => Node::Char('\n'),
                    't' => Node::Char('\t'),
                    other => Node::Char(other),
                }
            }
            other => Node::Char(other),
        })
    }

    fn add_class(&mut self, neg: bool, ranges: Vec<(char, char)>, named: Vec<String>) -> usize {
        self.classes.push(Class { neg, ranges, named });
        self.classes.len() - 1
    }

    fn group(&mut self) -> Result<Node, String> {
        self.groups += 1;
        let idx = self.groups;
        let inner = self.alt()?;
        if !self.at_close() {
            return Err("Unmatched ( or \\(".into());
        }
        self.i += if self.ere() { 1 } else { 2 };
        Ok(Node::Group(Box::new(inner), Some(idx)))
    }

    fn bracket(&mut self) -> Result<Node, String> {
        // self.i is after '['
        let start = self.i - 1;
        match crate::glob::parse_bracket_re(self.cs, start) {
            Some((neg, ranges, named, next)) => {
                self.i = next;
                Ok(Node::Class(self.add_class(neg, ranges, named)))
            }
            None => Err("Unmatched [, [^, [:, [., or [=".into()),
        }
    }
}

struct Compiler {
    prog: Vec<Inst>,
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> Result<usize, String> {
        if self.prog.len() >= MAX_PROG {
            return Err("regular expression too big".into());
        }
        self.prog.push(i);
        Ok(self.prog.len() - 1)
    }

    fn patch_split(&mut self, at: usize, a: usize, b: usize) {
        if let Some(slot) = self.prog.get_mut(at) {
            *slot = Inst::Split(a, b);
        }
    }

    fn patch_jmp(&mut self, at: usize, to: usize) {
        if let Some(slot) = self.prog.get_mut(at) {
            *slot = Inst::Jmp(to);
        }
    }

    fn node(&mut self, n: &Node, depth: usize) -> Result<(), String> {
        if depth > MAX_COMPILE_DEPTH {
            return Err("regular expression too big".into());
        }
        match n {
            Node::Empty => {}
            Node::Char(c) => {
                self.emit(Inst::Char(*c))?;
            }
            Node::Any => {
                self.emit(Inst::Any)?;
            }
            Node::Class(i) => {
                self.emit(Inst::Class(*i))?;
            }
            Node::Assert(a) => {
                self.emit(Inst::Assert(*a))?;
            }
            Node::Group(inner, idx) => {
                if let Some(g) = idx {
                    self.emit(Inst::Save(2 * g))?;
                    self.node(inner, depth + 1)?;
                    self.emit(Inst::Save(2 * g + 1))?;
                } else {
                    self.node(inner, depth + 1)?;
                }
            }
            Node::Concat(items) => {
                for it in items {
                    self.node(it, depth + 1)?;
                }
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (k, a) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.node(a, depth + 1)?;
                        jumps.push(self.emit(Inst::Jmp(0))?);
                        let next = self.prog.len();
                        self.patch_split(split, split + 1, next);
                    } else {
                        self.node(a, depth + 1)?;
                    }
                }
                let end = self.prog.len();
                for j in jumps {
                    self.patch_jmp(j, end);
                }
            }
            Node::Repeat(inner, min, max) => {
                for _ in 0..*min {
                    self.node(inner, depth + 1)?;
                }
                match max {
                    None => {
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.node(inner, depth + 1)?;
                        self.emit(Inst::Jmp(split))?;
                        let end = self.prog.len();
                        self.patch_split(split, split + 1, end);
                    }
                    Some(m) => {
                        let mut splits = Vec::new();
                        for _ in *min..*m {
                            splits.push(self.emit(Inst::Split(0, 0))?);
                            self.node(inner, depth + 1)?;
                        }
                        let end = self.prog.len();
                        for s in splits {
                            self.patch_split(s, s + 1, end);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

struct Threads {
    dense: Vec<(usize, Vec<Option<usize>>)>,
    seen: Vec<u32>,
    gen: u32,
}

impl Threads {
    fn new(n: usize) -> Threads {
        Threads { dense: Vec::new(), seen: vec![0; n], gen: 1 }
    }
    fn clear(&mut self) {
        self.dense.clear();
        self.gen = self.gen.wrapping_add(1);
        if self.gen == 0 {
            self.seen.iter_mut().for_each(|s| *s = 0);
            self.gen = 1;
        }
    }
}

impl Regex {
    pub(crate) fn new(pat: &str, syntax: Syntax, icase: bool) -> Result<Regex, String> {
        let cs: Vec<char> = pat.chars().collect();
        let mut p = Parser { cs: &cs, i: 0, syntax, classes: Vec::new(), groups: 0, depth: 0 };
        let mut node = p.alt()?;
        while p.i < cs.len() {
            // an unmatched ')' in ERE is literal; in BRE "\)" is an error
            if p.at_close() {
                if p.ere() {
                    p.i += 1;
                    let rest = p.alt()?;
                    node = Node::Concat(vec![node, Node::Char(')'), rest]);
                    continue;
                }
                return Err("Unmatched ) or \\)".into());
            }
            break;
        }
        let ngroups = p.groups;
        let classes = p.classes;
        let mut c = Compiler { prog: Vec::new() };
        c.emit(Inst::Save(0))?;
        c.node(&node, 0)?;
        c.emit(Inst::Save(1))?;
        c.emit(Inst::Match)?;
        Ok(Regex { prog: c.prog, classes, icase, ngroups })
    }

    /// A regex for `grep -w`: the match must not touch word characters.
    pub(crate) fn new_word(pat: &str, syntax: Syntax, icase: bool) -> Result<Regex, String> {
        let mut re = Regex::new(pat, syntax, icase)?;
        // wrap: Save(0) NotWordBefore … NotWordAfter Save(1) Match
        let mut prog = Vec::with_capacity(re.prog.len() + 2);
        prog.push(Inst::Save(0));
        prog.push(Inst::Assert(Assert::NotWordBefore));
        for inst in re.prog.iter().skip(1) {
            let shifted = match *inst {
                Inst::Split(a, b) => Inst::Split(a + 1, b + 1),
                Inst::Jmp(a) => Inst::Jmp(a + 1),
                other => other,
            };
            prog.push(shifted);
        }
        // insert NotWordAfter before the final Save(1)
        let n = prog.len();
        if n >= 2 {
            prog.insert(n - 2, Inst::Assert(Assert::NotWordAfter));
        }
        re.prog = prog;
        Ok(re)
    }

    pub(crate) fn groups(&self) -> usize {
        self.ngroups
    }

    fn char_eq(&self, p: char, c: char) -> bool {
        p == c || (self.icase && p.to_lowercase().eq(c.to_lowercase()))
    }

    #[allow(clippy::too_many_arguments)]
    fn add(&self, list: &mut Threads, pc0: usize, caps0: Vec<Option<usize>>, pos: usize, byte: usize, prev: Option<char>, next: Option<char>, at_end: bool) {
        let mut stack: Vec<(usize, Vec<Option<usize>>)> = vec![(pc0, caps0)];
        while let Some((pc, mut caps)) = stack.pop() {
            let Some(seen) = list.seen.get_mut(pc) else { continue };
            if *seen == list.gen {
                continue;
            }
            *seen = list.gen;
            match self.prog.get(pc) {
                Some(Inst::Jmp(t)) => stack.push((*t, caps)),
                Some(Inst::Split(a, b)) => {
                    stack.push((*b, caps.clone()));
                    stack.push((*a, caps));
                }
                Some(Inst::Save(slot)) => {
                    if let Some(s) = caps.get_mut(*slot) {
                        *s = Some(byte);
                    }
                    stack.push((pc + 1, caps));
                }
                Some(Inst::Assert(a)) => {
                    let ok = match a {
                        Assert::Start => pos == 0,
                        Assert::End => at_end,
                        Assert::WordB => is_word(prev) != is_word(next),
                        Assert::NotWordB => is_word(prev) == is_word(next),
                        Assert::WordStart => !is_word(prev) && is_word(next),
                        Assert::WordEnd => is_word(prev) && !is_word(next),
                        Assert::NotWordBefore => !is_word(prev),
                        Assert::NotWordAfter => !is_word(next),
                    };
                    if ok {
                        stack.push((pc + 1, caps));
                    }
                }
                Some(_) => list.dense.push((pc, caps)),
                None => {}
            }
        }
    }

    /// The leftmost-longest match at or after byte offset `start`: byte
    /// range of the match and of each group.
    pub(crate) fn captures_at(&self, text: &str, start: usize) -> Option<Vec<Option<(usize, usize)>>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let n = chars.len();
        let start_idx = chars.iter().position(|(b, _)| *b >= start).unwrap_or(n);
        if start > text.len() {
            return None;
        }
        let nslots = 2 * (self.ngroups + 1);
        let mut clist = Threads::new(self.prog.len());
        let mut nlist = Threads::new(self.prog.len());
        let mut best: Option<Vec<Option<usize>>> = None;
        let byte_at = |i: usize| chars.get(i).map(|(b, _)| *b).unwrap_or(text.len());
        let char_at = |i: usize| chars.get(i).map(|(_, c)| *c);
        let mut i = start_idx;
        loop {
            let prev = if i == 0 { None } else { char_at(i - 1) };
            let next = char_at(i);
            if best.is_none() {
                self.add(&mut clist, 0, vec![None; nslots], i, byte_at(i), prev, next, i == n);
            }
            if clist.dense.is_empty() {
                if best.is_some() || i >= n {
                    break;
                }
                clist.clear();
                i += 1;
                continue;
            }
            nlist.clear();
            let threads = std::mem::take(&mut clist.dense);
            for (pc, caps) in threads {
                if let (Some(b), Some(Some(s))) = (&best, caps.first()) {
                    if let Some(Some(bs)) = b.first() {
                        if s > bs {
                            continue;
                        }
                    }
                }
                match self.prog.get(pc) {
                    Some(Inst::Match) => {
                        let better = match &best {
                            None => true,
                            Some(b) => {
                                let (bs, be) = (b[0].unwrap_or(0), b[1].unwrap_or(0));
                                let (s, e) = (caps[0].unwrap_or(0), caps[1].unwrap_or(0));
                                s < bs || (s == bs && e > be)
                            }
                        };
                        if better {
                            best = Some(caps);
                        }
                    }
                    Some(Inst::Char(p)) => {
                        if let Some(c) = next {
                            if self.char_eq(*p, c) {
                                self.add(&mut nlist, pc + 1, caps, i + 1, byte_at(i + 1), next, char_at(i + 1), i + 1 == n);
                            }
                        }
                    }
                    Some(Inst::Any) if next.is_some_and(|c| c != '\n') => {
                        self.add(&mut nlist, pc + 1, caps, i + 1, byte_at(i + 1), next, char_at(i + 1), i + 1 == n);
                    }
                    Some(Inst::Class(k)) => {
                        if let (Some(c), Some(cl)) = (next, self.classes.get(*k)) {
                            if cl.matches(c, self.icase) {
                                self.add(&mut nlist, pc + 1, caps, i + 1, byte_at(i + 1), next, char_at(i + 1), i + 1 == n);
                            }
                        }
                    }
                    _ => {}
                }
            }
            std::mem::swap(&mut clist, &mut nlist);
            if i >= n {
                // process the final list once more for Match states
                let threads = std::mem::take(&mut clist.dense);
                for (pc, caps) in threads {
                    if let Some(Inst::Match) = self.prog.get(pc) {
                        let better = match &best {
                            None => true,
                            Some(b) => {
                                let (bs, be) = (b[0].unwrap_or(0), b[1].unwrap_or(0));
                                let (s, e) = (caps[0].unwrap_or(0), caps[1].unwrap_or(0));
                                s < bs || (s == bs && e > be)
                            }
                        };
                        if better {
                            best = Some(caps);
                        }
                    }
                }
                break;
            }
            i += 1;
        }
        let b = best?;
        let mut out = Vec::with_capacity(self.ngroups + 1);
        for g in 0..=self.ngroups {
            match (b.get(2 * g).copied().flatten(), b.get(2 * g + 1).copied().flatten()) {
                (Some(s), Some(e)) if s <= e => out.push(Some((s, e))),
                _ => out.push(None),
            }
        }
        out.first().copied().flatten()?;
        Some(out)
    }

    pub(crate) fn find_at(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        self.captures_at(text, start).and_then(|c| c.first().copied().flatten())
    }

    pub(crate) fn find(&self, text: &str) -> Option<(usize, usize)> {
        self.find_at(text, 0)
    }

    #[cfg(test)]
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, s: &str) -> Option<(usize, usize)> {
        Regex::new(p, Syntax::Extended, false).ok()?.find(s)
    }

    #[test]
    fn ere() {
        assert_eq!(m("b+", "abbbc"), Some((1, 4)));
        assert_eq!(m("^a", "ba"), None);
        assert_eq!(m("a$", "ba"), Some((1, 2)));
        assert_eq!(m("(foo|foobar)", "xfoobar"), Some((1, 7)));
        assert_eq!(m("[0-9]{2,3}", "a12345"), Some((1, 4)));
        assert_eq!(m("x*", "abc"), Some((0, 0)));
        assert_eq!(m("[[:digit:]]+", "ab42"), Some((2, 4)));
        assert_eq!(m("a.c", "xabcx"), Some((1, 4)));
        assert_eq!(m("(a*)*b", "aaab"), Some((0, 4)));
        assert_eq!(m("é+", "aééb"), Some((1, 5)));
        assert!(Regex::new("(", Syntax::Extended, false).is_err());
        assert!(Regex::new("[a", Syntax::Extended, false).is_err());
        let deep = "(".repeat(1000);
        assert!(Regex::new(&deep, Syntax::Extended, false).is_err());
    }

    #[test]
    fn bre_and_flags() {
        let r = Regex::new("a\\(b\\)*c", Syntax::Basic, false).unwrap();
        assert_eq!(r.find("xabbc"), Some((1, 5)));
        let r = Regex::new("a+", Syntax::Basic, false).unwrap();
        assert_eq!(r.find("aa+"), Some((1, 3)));
        let r = Regex::new("hello", Syntax::Basic, true).unwrap();
        assert!(r.is_match("HeLLo"));
        let r = Regex::new_word("foo", Syntax::Basic, false).unwrap();
        assert!(!r.is_match("foobar"));
        assert!(r.is_match("a foo b"));
        let r = Regex::new("a\\|b", Syntax::Basic, false).unwrap();
        assert_eq!(r.find("xxb"), Some((2, 3)));
        let r = Regex::new("\\(a\\)\\(b\\)", Syntax::Basic, false).unwrap();
        let c = r.captures_at("zab", 0).unwrap();
        assert_eq!(c, vec![Some((1, 3)), Some((1, 2)), Some((2, 3))]);
    }
}
