//! Syntax tree of a shell script, as produced by [`crate::parse`].

/// A list of commands (a whole script, a `{ … }` body, a loop body…).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    pub items: Vec<AndOr>,
}

impl Script {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// `a && b || c`, optionally run "in the background" (`&`; run in order here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(Connector, Pipeline)>,
    pub background: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connector {
    And,
    Or,
}

/// `[!] a | b | c`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pipeline {
    pub negated: bool,
    pub commands: Vec<Command>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Simple(SimpleCommand),
    Compound(Box<Compound>, Vec<Redirect>),
    /// `name() { … }`
    FunctionDef { name: String, body: Box<Command> },
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimpleCommand {
    pub assigns: Vec<Assign>,
    pub words: Vec<Word>,
    pub redirects: Vec<Redirect>,
    /// 1-based line of the first token.
    pub line: u32,
}

/// `NAME=value` (or `NAME+=value`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assign {
    pub name: String,
    pub value: Word,
    pub append: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Compound {
    /// `{ …; }`
    Group(Script),
    /// `( … )`
    Subshell(Script),
    If { branches: Vec<(Script, Script)>, else_body: Option<Script> },
    /// `for var [in words]; do body; done` (`words` None: iterate "$@").
    For { var: String, words: Option<Vec<Word>>, body: Script },
    /// `for ((init; cond; step)); do body; done`
    ArithFor { init: Word, cond: Word, step: Word, body: Script },
    While { cond: Script, body: Script, until: bool },
    Case { word: Word, arms: Vec<CaseArm> },
    /// `[[ … ]]`
    Cond(Vec<CondToken>),
    /// `(( … ))`
    Arith(Word),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseArm {
    pub patterns: Vec<Word>,
    pub body: Script,
    pub term: CaseTerm,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseTerm {
    /// `;;`
    Break,
    /// `;&`
    FallThrough,
    /// `;;&`
    Continue,
}

/// A token inside `[[ … ]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CondToken {
    Word(Word),
    /// `&&`, `||`, `(`, `)`, `<`, `>`.
    Op(String),
}

/// A word: a sequence of literal and expanding parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    pub parts: Vec<WordPart>,
}

impl Word {
    pub fn lit(s: &str) -> Word {
        Word { parts: vec![WordPart::Lit(s.to_string())] }
    }
    /// The text when the word is a single unquoted literal.
    pub fn as_literal(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [WordPart::Lit(s)] => Some(s),
            _ => None,
        }
    }
    /// Whether any part is quoted (`'a'`, `"a"`, `\a`).
    pub fn has_quotes(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, WordPart::Quoted(_) | WordPart::Double(_)))
    }
    /// The text after quote removal, ignoring expansions (heredoc delimiters).
    pub fn unquoted_text(&self) -> String {
        let mut s = String::new();
        for p in &self.parts {
            p.raw_into(&mut s);
        }
        s
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordPart {
    /// Unquoted text (subject to globbing).
    Lit(String),
    /// Quoted literal text (`'…'`, `\x`, `$'…'`, text inside `"…"`).
    Quoted(String),
    /// `"…"`: inner parts are `Quoted`, `Param`, `Command` and `Arith`.
    Double(Vec<WordPart>),
    Param(Box<Param>),
    /// `$(…)` or `` `…` ``.
    Command(Script),
    /// `$((…))`: the expression text (itself expanded first).
    Arith(Word),
    /// `~` or `~user` at the start of a word.
    Tilde(String),
}

impl WordPart {
    fn raw_into(&self, s: &mut String) {
        match self {
            WordPart::Lit(t) | WordPart::Quoted(t) => s.push_str(t),
            WordPart::Double(parts) => {
                for p in parts {
                    p.raw_into(s);
                }
            }
            WordPart::Param(p) => {
                s.push('$');
                s.push_str(&p.name);
            }
            WordPart::Command(_) => s.push_str("$(…)"),
            WordPart::Arith(_) => s.push_str("$((…))"),
            WordPart::Tilde(u) => {
                s.push('~');
                s.push_str(u);
            }
        }
    }
}

/// `$name` / `${name…}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub op: ParamOp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamOp {
    Plain,
    /// `${#name}`
    Length,
    /// `${!name}`
    Indirect,
    /// `${name-w}` / `${name:-w}`
    Default { colon: bool, word: Word },
    /// `${name=w}` / `${name:=w}`
    Assign { colon: bool, word: Word },
    /// `${name?w}` / `${name:?w}`
    Error { colon: bool, word: Word },
    /// `${name+w}` / `${name:+w}`
    Alt { colon: bool, word: Word },
    /// `${name#p}` / `${name##p}`
    TrimPrefix { longest: bool, pat: Word },
    /// `${name%p}` / `${name%%p}`
    TrimSuffix { longest: bool, pat: Word },
    /// `${name/p/r}`, `${name//p/r}`, `${name/#p/r}`, `${name/%p/r}`
    Replace { all: bool, anchor: Anchor, pat: Word, rep: Word },
    /// `${name:off}` / `${name:off:len}`
    Substr { offset: Word, len: Option<Word> },
    /// `${name^^}` (upper, all), `${name^}`, `${name,,}`, `${name,}`
    Case { upper: bool, all: bool },
    /// Something that is not a valid expansion: the text between `${` and `}`.
    Bad(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    None,
    Start,
    End,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    /// Explicit file descriptor number (`2>`), if any.
    pub fd: Option<u32>,
    pub op: RedirOp,
    pub target: RedirTarget,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirOp {
    /// `<`
    In,
    /// `>`
    Out,
    /// `>>`
    Append,
    /// `>|`
    Clobber,
    /// `<&`
    DupIn,
    /// `>&`
    DupOut,
    /// `<>`
    ReadWrite,
    /// `&>`
    OutErr,
    /// `&>>`
    AppendErr,
    /// `<<` / `<<-`
    HereDoc,
    /// `<<<`
    HereString,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RedirTarget {
    Word(Word),
    HereDoc(HereDoc),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HereDoc {
    pub delimiter: String,
    /// Whether `$…` expansions apply (unquoted delimiter).
    pub expand: bool,
    pub strip_tabs: bool,
    /// The body; for an expanding heredoc, parts as inside double quotes.
    pub body: Word,
    /// Internal: which pending heredoc this is while parsing.
    #[doc(hidden)]
    pub slot: usize,
}
