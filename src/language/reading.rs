//! A reading of one sentence: its mood, whom it addresses, and what it does.
//!
//! The reading works on tagged tokens, the way LanguageTool's and Harper's rules match on
//! parts of speech rather than strings. It first takes off the sentence's *opening*
//! (greetings, vocatives such as "Sam," or "@sam", connectives such as "also" or "btw"),
//! then reads the *core* that follows:
//!
//! - **mood**: a question ends in `?` or inverts its auxiliary ("can you…", "could
//!   someone…"); an imperative opens with a bare verb and no subject ("Review the draft",
//!   "Please send…", "Don't merge"); a fragment has no verb ("Thanks!", "Quick question");
//!   anything else is a statement.
//! - **addressee**: the reader as "you", a vocative name or @mention, or a group ("team",
//!   "folks", "anyone").
//! - **acts**, where the grammar says so: it *asks* (a question to the reader, a request
//!   such as "please…", "could you…", "I need someone to…", "let me know", or an
//!   imperative to the reader), *proposes* ("let's…", "shall we…", "how about…"), asks for
//!   a *meeting* (a meeting noun as what is requested or proposed, "hop on a call", or a
//!   meeting verb with "we" or "you" as its subject, "can we talk today?"), *greets*,
//!   *checks presence* ("are you there?", "got a sec?"), says *FYI*, *thanks*, or
//!   *commits* the writer ("I'll send it Friday").
//!
//! Words in quotation marks are reported, not the writer's own: "a customer keeps asking
//! “can you hop on a call?”" asks nothing and proposes no meeting. The word lists below
//! hold closed-class vocabulary (greeting words, words for a group of people, meeting
//! nouns); what a sentence does comes from where those words stand in it.

use super::tagger::{Tag, Upos};
use super::tokens::{Token, TokenKind};
use crate::span::Span;

/// The grammatical mood of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mood {
    /// Ends in `?`, or opens with an inverted auxiliary ("Could you send it.").
    Question,
    /// Opens with a bare verb and no subject ("Send it today.", "Please review.").
    Imperative,
    /// Has a finite verb and a subject.
    Statement,
    /// Has no verb ("Thanks!", "Hi team", "Update on the launch").
    Fragment,
}

impl Mood {
    /// The name `plainly analyze` shows.
    pub fn name(self) -> &'static str {
        match self {
            Mood::Question => "question",
            Mood::Imperative => "imperative",
            Mood::Statement => "statement",
            Mood::Fragment => "fragment",
        }
    }
}

/// Whom a sentence addresses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Addressee {
    /// The reader, as "you" or "your".
    pub you: bool,
    /// A name or @mention said to the reader ("Sam, can you…", "@sam", "thanks, Priya").
    pub vocative: Option<Span>,
    /// A group: "team", "folks", "all", "anyone", "someone".
    pub group: Option<Span>,
}

impl Addressee {
    /// Whether the sentence addresses anyone.
    pub fn any(&self) -> bool {
        self.you || self.vocative.is_some() || self.group.is_some()
    }
}

/// What a sentence does; several at once ("Hi Sam, can we talk today?" greets, asks and
/// asks for a meeting).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Acts(u16);

impl Acts {
    /// Asks the reader for an action, an answer, a decision or a review.
    pub const ASK: Acts = Acts(1);
    /// Proposes doing something together ("let's…", "shall we…").
    pub const PROPOSE: Acts = Acts(1 << 1);
    /// Asks for a synchronous call or meeting.
    pub const MEETING: Acts = Acts(1 << 2);
    /// Greets ("Hi team", "Good morning").
    pub const GREET: Acts = Acts(1 << 3);
    /// Checks whether the reader is there or free ("you around?", "got a sec?").
    pub const PRESENCE: Acts = Acts(1 << 4);
    /// Says no action is needed ("FYI", "no action needed").
    pub const FYI: Acts = Acts(1 << 5);
    /// Commits the writer to something ("I'll send it Friday").
    pub const COMMIT: Acts = Acts(1 << 6);
    /// Thanks the reader.
    pub const THANK: Acts = Acts(1 << 7);

    const NAMES: [(Acts, &'static str); 8] = [
        (Acts::ASK, "ask"),
        (Acts::PROPOSE, "propose"),
        (Acts::MEETING, "meeting"),
        (Acts::GREET, "greet"),
        (Acts::PRESENCE, "presence"),
        (Acts::FYI, "fyi"),
        (Acts::COMMIT, "commit"),
        (Acts::THANK, "thank"),
    ];

    /// Whether every act in `other` is in `self`.
    pub fn contains(self, other: Acts) -> bool {
        self.0 & other.0 == other.0
    }

    /// Adds `other`.
    pub fn insert(&mut self, other: Acts) {
        self.0 |= other.0;
    }

    /// Takes `other` away.
    pub fn remove(&mut self, other: Acts) {
        self.0 &= !other.0;
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The acts' names, in a fixed order.
    pub fn names(self) -> Vec<&'static str> {
        Acts::NAMES.iter().filter(|(act, _)| self.contains(*act)).map(|(_, name)| *name).collect()
    }
}

/// The reading of one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceReading {
    /// The sentence's tokens.
    pub tokens: Vec<Token>,
    /// Their tags, one per token.
    pub tags: Vec<Tag>,
    /// The first token of the core: after greetings, vocatives and connectives.
    pub core: usize,
    /// Its mood.
    pub mood: Mood,
    /// Whom it addresses.
    pub addressee: Addressee,
    /// What it does.
    pub acts: Acts,
    /// The words that ask for a meeting, when it does ("hop on a call", "talk").
    pub meeting: Option<Span>,
    /// Spans of reported words: text in quotation marks.
    pub reported: Vec<Span>,
    /// Noun phrases that point at an artifact the reader may not have: a definite noun
    /// phrase headed by a document noun ("the Q4 roadmap doc", "this PR", "the attached
    /// draft"), or an attachment ("Proposed patch attached", "Attached is…", "see attached").
    pub references: Vec<Span>,
    /// Greetings, names, mentions, presence checks, bumps and thanks, and nothing else.
    only_opening: bool,
}

/// The part a phrase plays in its sentence. Some words are jargon or hedges in one part
/// only: "leverage" as a verb ("leverage the API", not "more leverage"), "kind of" as an
/// adverb ("it's kind of broken", not "a kind of error").
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Its first word is a verb.
    Verb,
    /// It modifies what follows it ("kind of broken"): its first word, a singular noun,
    /// stands with no determiner, which as a noun it would need ("a kind of error").
    Adverb,
}

impl SentenceReading {
    /// Whether the phrase at `span` plays `role` here.
    pub fn plays(&self, role: Role, span: Span) -> bool {
        let Some(first) = self.tokens.iter().position(|t| t.span.start >= span.start) else { return true };
        match role {
            Role::Verb => self.tags[first].upos == Upos::Verb,
            // Not "a kind of error", "what kind of request", "the sort of thing", "a cloth
            // napkin kind of place" (a noun before it makes a compound); the tagger reads
            // the word after "of" as a noun either way, so only what comes before decides.
            Role::Adverb if self.tags[first].upos == Upos::Adv => true,
            Role::Adverb => {
                let before = (0..first).rev().find(|&b| !matches!(self.tags[b].xpos, "``" | "''"));
                !before.is_some_and(|b| {
                    matches!(self.tags[b].upos, Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn)
                        || matches!(self.tags[b].xpos, "WP" | "WDT" | "PRP$" | "POS")
                })
            }
        }
    }

    /// Whether the sentence asks something of the reader.
    pub fn asks(&self) -> bool {
        self.acts.contains(Acts::ASK)
    }

    /// Whether `offset` lies in reported words.
    pub fn is_reported(&self, offset: usize) -> bool {
        self.reported.iter().any(|span| span.contains(offset))
    }

    /// Whether the sentence is only an opening: greetings, names, mentions, presence
    /// checks, bumps and thanks, with nothing else said.
    pub fn is_only_opening(&self) -> bool {
        self.only_opening
    }
}

// --- Vocabulary: closed classes of words whose role the grammar below decides. ---

/// Words that greet when they open a sentence.
const GREETING_WORDS: &[&str] =
    &["hi", "hey", "hello", "hiya", "heya", "howdy", "yo", "hola", "greetings", "dear", "gm", "morning", "evening"];

/// The second word of a two-word greeting: "good morning".
const GOOD_TIMES: &[&str] = &["morning", "afternoon", "evening", "day"];

/// Words for a group of readers ("Hi team", "can anyone…").
#[rustfmt::skip]
const GROUP_WORDS: &[&str] = &[
    "team", "all", "everyone", "everybody", "folks", "guys", "y'all", "yall", "people", "gang", "crew", "friends",
    "colleagues", "anyone", "anybody", "someone", "somebody", "team-mates", "teammates",
];

/// Pronouns that stand for some reader, any reader ("could someone…").
const SOMEONE: &[&str] = &["someone", "somebody", "anyone", "anybody", "everyone", "everybody", "y'all", "yall"];

/// Words that open a sentence without being part of its clause ("Also, can you…", "btw
/// can you…").
const CONNECTIVES: &[&str] = &["also", "btw", "so", "and", "but", "oh", "plus", "anyway", "ps", "p.s.", "fwiw"];

/// Words that open a sentence without being part of its clause only when a comma follows
/// them ("Right, can you…", "OK, send it"; but "Right now expiry runs…").
#[rustfmt::skip]
const SEPARATED_CONNECTIVES: &[&str] = &[
    "ok", "okay", "well", "now", "then", "again", "finally", "lastly", "yes", "yeah", "sure", "great", "cool",
    "right", "hmm", "ah", "alright", "first", "second", "third", "next", "additionally", "meanwhile", "separately",
    "update", "anyway", "anyways", "actually", "honestly", "basically",
];

/// Words that make a request polite.
const PLEASE: &[&str] = &["please", "pls", "plz", "kindly", "pleaase", "plase"];

/// Adverbs that may come before an imperative verb ("just send it", "please do review").
const BEFORE_IMPERATIVE: &[&str] = &["please", "pls", "plz", "kindly", "just", "also", "then", "now", "simply"];

/// Words that describe whether the reader is there or free ("are you around?").
const AVAILABLE: &[&str] =
    &["there", "around", "free", "available", "online", "here", "awake", "busy", "about", "up", "in", "back", "on"];

/// Words for nudging a reader about an earlier message ("ping", "gentle reminder").
const BUMP_WORDS: &[&str] =
    &["ping", "pinging", "bump", "bumping", "nudge", "nudging", "poke", "reminder", "follow-up", "followup"];

/// What may stand before a bump word ("just a gentle ping").
#[rustfmt::skip]
const BUMP_MODIFIERS: &[&str] = &[
    "just", "a", "another", "polite", "gentle", "friendly", "kind", "kindly", "quick", "small", "little", "soft",
    "re", "second", "final", "last",
];

/// Short stretches of time asked for to check presence ("got a sec?").
const MOMENTS: &[&str] =
    &["sec", "secs", "second", "seconds", "minute", "minutes", "min", "mins", "moment", "moments", "time", "tick"];

/// Nouns that name a synchronous call or meeting.
#[rustfmt::skip]
const MEETING_NOUNS: &[&str] = &[
    "call", "calls", "meeting", "meetings", "sync", "syncs", "chat", "huddle", "zoom", "hangout", "catchup",
    "catch-up", "1:1", "1on1", "one-on-one", "videocall", "facetime", "meet", "sync-up", "syncup", "standup",
    "conference", "get-together", "powwow", "tête-à-tête",
];

/// Days named relative to today or by the week, which say when, not what kind of meeting
/// ("a call tomorrow" is no "call tomorrow" the way "a call center" is a center).
#[rustfmt::skip]
const DAYS: &[&str] = &[
    "today", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "morning", "afternoon", "evening", "mon", "tue", "wed", "thu", "fri",
];

/// Verbs that ask for a meeting when "we" or "you" is their subject ("can we talk?").
const MEETING_VERBS: &[&str] =
    &["meet", "talk", "sync", "chat", "call", "huddle", "speak", "connect", "phone", "ring", "zoom"];

/// Verbs that take a meeting noun as their object ("hop on a call", "set up a meeting").
const MEETING_SETUP_VERBS: &[&str] = &[
    "have", "do", "schedule", "set", "setup", "book", "arrange", "organize", "organise", "hop", "jump", "get", "grab",
    "plan", "hold", "join", "start", "find", "make", "take", "want", "need", "like", "fit", "squeeze", "add", "send",
    "hold", "throw", "put",
];

/// Nouns for people, who may be asked to do something ("we need someone from the DB team
/// to look at this").
#[rustfmt::skip]
const PERSON_NOUNS: &[&str] = &[
    "team", "folks", "person", "people", "volunteer", "volunteers", "reviewer", "reviewers", "expert", "experts",
    "engineer", "engineers", "dev", "devs", "developer", "developers", "owner", "owners", "maintainer", "maintainers",
    "admin", "admins", "eyes", "help", "hand", "someone", "somebody", "anyone", "anybody", "you", "u", "one", "lead",
    "manager", "member", "members",
];

/// What a reader may be asked for ("need your input", "need help").
#[rustfmt::skip]
const ASSISTANCE_NOUNS: &[&str] = &[
    "help", "input", "feedback", "review", "reviews", "approval", "sign-off", "signoff", "thoughts", "opinion",
    "opinions", "advice", "eyes", "answer", "answers", "decision", "confirmation", "go-ahead", "ok", "okay", "okay",
    "comments", "guidance", "support", "assistance", "insight", "insights", "vote", "votes", "ack", "lgtm", "reply",
    "response", "suggestions", "ideas", "objections", "concerns", "updates", "update", "news", "questions",
];

/// Nouns for the shared artifacts a message points at and a reader may not have ("the
/// doc", "that PR", "the deck"). Nouns that usually name something the reader already
/// has in front of them ("the diff" in a review, "this thread", "the bug") are not here.
#[rustfmt::skip]
const ARTIFACT_NOUNS: &[&str] = &[
    "doc", "docs", "spec", "specs", "specification", "pr", "prs", "pull", "mr", "ticket", "tickets",
    "deck", "slides", "dashboard", "dashboards", "spreadsheet", "spreadsheets", "rfc", "writeup", "write-up",
    "one-pager", "memo", "link", "attachment", "attachments", "screenshot", "screenshots", "recording",
];

/// Artifacts that are, after "this", the place a comment is posted ("this PR", "this
/// ticket"): the spec's hard case "the thread itself is not missing context".
const THREAD_NOUNS: &[&str] = &["pr", "pull", "mr", "ticket"];

/// Determiners that make a noun phrase point at one particular thing.
const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "our", "my", "your", "his", "her", "their"];

/// Words that mark an attachment ("the attached draft", "Attached is…").
const ATTACHED: &[&str] = &["attached", "enclosed", "attaching", "enclosing"];

/// Imperatives that wish the reader well or take leave, and ask nothing ("Have a great
/// weekend", "Take care", "See you tomorrow", "Enjoy!").
const WELL_WISH_VERBS: &[&str] =
    &["have", "enjoy", "take", "stay", "see", "talk", "speak", "keep", "be", "get", "rest", "cheer"];

/// Objects of a well-wishing "have" ("have a good weekend").
#[rustfmt::skip]
const GOOD_TIMES_NOUNS: &[&str] = &[
    "day", "weekend", "week", "time", "one", "evening", "night", "holiday", "holidays", "trip", "vacation", "break",
    "flight", "afternoon", "morning", "friday", "monday", "summer", "christmas", "thanksgiving", "new", "rest", "fun",
    "blast", "birthday",
];

/// Words that say a message needs no action: FYI markers.
const FYI_WORDS: &[&str] = &["fyi", "psa", "fwiw", "nfa", "heads-up", "headsup"];

/// The sentence's words, as the grammar below reads them: quoted stretches are folded
/// into one stand-in word, punctuation other than `?`, `,`, `:` and `;` is left out.
struct View<'a> {
    words: Vec<W<'a>>,
}

#[derive(Clone, Copy, Debug)]
struct W<'a> {
    /// Index of the token in the sentence.
    token: usize,
    /// Lowercase text, apostrophes straight.
    lower: &'a str,
    tag: Tag,
    kind: TokenKind,
    /// A stand-in for quoted words.
    quote: bool,
    /// Inside brackets: an aside ("(today hopefully?)").
    bracketed: bool,
    /// Joined by a hyphen to the next word ("save" in "Save-the-Date", "follow" in "follow-up").
    joined: bool,
}

impl W<'_> {
    fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    fn any(&self, words: &[&str]) -> bool {
        words.contains(&self.lower)
    }

    fn upos(&self) -> Upos {
        self.tag.upos
    }

    fn is_punct(&self) -> bool {
        self.kind == TokenKind::Punct || self.kind == TokenKind::Emoji
    }

    fn is_verb(&self) -> bool {
        matches!(self.tag.upos, Upos::Verb | Upos::Aux)
    }

    fn is_you(&self) -> bool {
        matches!(self.lower, "you" | "u" | "ya" | "y'all" | "yall" | "you'll" | "youre")
    }
}

/// Reads a sentence from its tokens and their tags; `text_of` gives a token's text.
pub fn read<'a>(tokens: Vec<Token>, tags: Vec<Tag>, text_of: impl Fn(Span) -> &'a str) -> SentenceReading {
    let lowered: Vec<String> =
        tokens.iter().map(|t| text_of(t.span).to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")).collect();
    let reported = reported_spans(&tokens, &lowered);
    let view = build_view(&tokens, &tags, &lowered, &reported);
    let mut reading = SentenceReading {
        tokens,
        tags,
        core: 0,
        mood: Mood::Fragment,
        addressee: Addressee::default(),
        acts: Acts::default(),
        meeting: None,
        reported,
        references: Vec::new(),
        only_opening: false,
    };
    read_view(&view, &mut reading);
    reading
}

/// Stretches in double quotation marks, or curly single ones, that open and close in the
/// sentence.
fn reported_spans(tokens: &[Token], lowered: &[String]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Punct {
            continue;
        }
        let mark = lowered[i].as_str();
        match open {
            None if matches!(mark, "\"" | "\u{201c}" | "''" | "``") => open = Some((i, mark)),
            Some((start, opened)) => {
                let closes = match opened {
                    "\u{201c}" => mark == "\u{201d}" || mark == "\"",
                    "``" => mark == "''",
                    _ => mark == "\"" || mark == "\u{201d}" || mark == "''",
                };
                if closes {
                    spans.push(Span::new(tokens[start].span.start, token.span.end));
                    open = None;
                }
            }
            None => {}
        }
    }
    spans
}

fn build_view<'a>(tokens: &[Token], tags: &[Tag], lowered: &'a [String], reported: &[Span]) -> View<'a> {
    let mut words = Vec::with_capacity(tokens.len());
    let mut i = 0;
    let mut depth = 0usize;
    while i < tokens.len() {
        let token = tokens[i];
        if token.kind == TokenKind::Punct {
            match lowered[i].as_str() {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if let Some(quote) = reported.iter().find(|s| s.start == token.span.start) {
            let end = (i..tokens.len()).find(|&k| tokens[k].span.end >= quote.end).unwrap_or(tokens.len() - 1);
            let stand_in = Tag { upos: Upos::Noun, xpos: "NN", imperative: false };
            words.push(W {
                token: i,
                lower: "\"…\"",
                tag: stand_in,
                kind: TokenKind::Word,
                quote: true,
                bracketed: depth > 0,
                joined: false,
            });
            i = end + 1;
            continue;
        }
        let lower = lowered[i].as_str();
        // A hyphen inside a word ("follow-up") joins; only a spaced one is a dash.
        let touches = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
        if matches!(lower, "-" | "/") && i > 0 && i + 1 < tokens.len() && touches(i - 1, i) && touches(i, i + 1) {
            if let Some(previous) = words.last_mut() {
                previous.joined = true;
            }
            i += 1;
            continue;
        }
        // Emoji and other symbols the language layer tags "NFP" say nothing of the grammar.
        let keep = token.kind != TokenKind::Punct && tags[i].xpos != "NFP"
            || matches!(lower, "?" | "," | ":" | ";" | "!" | "?!" | "-" | "\u{2014}" | "\u{2013}")
            || lower.starts_with('?')
            || lower.starts_with('!');
        if keep {
            words.push(W {
                token: i,
                lower,
                tag: tags[i],
                kind: token.kind,
                quote: false,
                bracketed: depth > 0,
                joined: false,
            });
        }
        i += 1;
    }
    View { words }
}

/// Whether `w` ends a clause's opening: a comma, colon, dash or exclamation mark.
fn is_separator(w: &W<'_>) -> bool {
    w.is_punct() && (matches!(w.lower, "," | ":" | ";" | "-" | "\u{2014}" | "\u{2013}") || w.lower.starts_with('!'))
}

fn read_view(view: &View<'_>, reading: &mut SentenceReading) {
    let words = &view.words;
    let core = read_opening(words, reading);
    reading.core = words.get(core).map_or(reading.tokens.len(), |w| w.token);
    let rest = &words[core..];
    read_closing_vocative(words, reading);
    if rest.iter().any(|w| !w.quote && w.is_you())
        || words.iter().any(|w| !w.quote && w.any(&["your", "yours", "yourself", "ur"]))
    {
        reading.addressee.you = true;
    }
    if reading.addressee.group.is_none() {
        if let Some(w) = rest.iter().find(|w| w.any(SOMEONE) && !w.quote) {
            reading.addressee.group = Some(reading.tokens[w.token].span);
        }
    }
    reading.mood = mood(rest);
    if rest.iter().any(|w| w.any(FYI_WORDS)) || is_no_action_needed(rest) {
        reading.acts.insert(Acts::FYI);
    }
    if is_thanks(rest) {
        reading.acts.insert(Acts::THANK);
    }
    if is_presence_check(rest) {
        reading.acts.insert(Acts::PRESENCE);
    }
    if is_commitment(rest) {
        reading.acts.insert(Acts::COMMIT);
    }
    let proposes = is_proposal(rest);
    if proposes {
        reading.acts.insert(Acts::PROPOSE);
    }
    // A proposal ("let's…", "we should…", "it would be nice to…") is not an ask by itself:
    // the writer may be the one who acts. Asked as a question ("shall we…?") it asks.
    let asks = !reading.acts.contains(Acts::PRESENCE)
        && (is_request(rest)
            || match reading.mood {
                Mood::Question => !is_pleasantry(rest) && !rest.is_empty(),
                Mood::Imperative => !is_well_wish(rest) && !is_own_step(rest),
                Mood::Statement | Mood::Fragment => false,
            });
    if asks {
        reading.acts.insert(Acts::ASK);
        reading.acts.remove(Acts::COMMIT);
    }
    reading.references = artifact_references(words)
        .into_iter()
        .map(|(from, to)| {
            Span::new(reading.tokens[words[from].token].span.start, reading.tokens[words[to].token].span.end)
        })
        .collect();
    let content = Acts::ASK.0 | Acts::PROPOSE.0 | Acts::FYI.0 | Acts::COMMIT.0;
    let words_left = rest.iter().any(|w| !w.is_punct());
    reading.only_opening =
        reading.acts.0 & content == 0 && (!words_left || is_thanks_only(rest)) || reading.acts.contains(Acts::PRESENCE);
    // A meeting asked for, proposed, or offered by the writer ("I'll set up a call for
    // next week"): whether it is a request then depends on the message around it.
    if asks || proposes || reading.acts.contains(Acts::PRESENCE) || reading.acts.contains(Acts::COMMIT) {
        if let Some((from, to)) = meeting_request(rest) {
            reading.acts.insert(Acts::MEETING);
            reading.meeting =
                Some(Span::new(reading.tokens[rest[from].token].span.start, reading.tokens[rest[to].token].span.end));
        }
    }
}

/// Reads the opening (greetings, vocatives, connectives) and returns where the core starts.
fn read_opening(words: &[W<'_>], reading: &mut SentenceReading) -> usize {
    let mut i = 0;
    let mut greeted = false;
    while i < words.len() {
        let w = &words[i];
        let next = words.get(i + 1);
        let span = reading.tokens[w.token].span;
        if is_separator(w) {
            i += 1;
        } else if w.kind == TokenKind::Mention {
            reading.addressee.vocative.get_or_insert(span);
            i += 1;
        } else if w.any(GREETING_WORDS) || (w.is("good") && next.is_some_and(|n| n.any(GOOD_TIMES))) {
            reading.acts.insert(Acts::GREET);
            greeted = true;
            i += if w.is("good") { 2 } else { 1 };
            if words.get(i).is_some_and(|n| n.is("there")) {
                i += 1;
            }
        } else if (greeted || next.is_some_and(is_separator) || next.is_none())
            && w.any(GROUP_WORDS)
            && i + 1 >= words.len().min(i + 1)
            && (greeted || next.is_some_and(is_separator))
        {
            reading.addressee.group.get_or_insert(span);
            i += 1;
        } else if (greeted || next.is_some_and(is_separator)) && is_name(w) && !starts_clause(words, i) {
            reading.addressee.vocative.get_or_insert(span);
            i += 1;
        } else if (w.any(CONNECTIVES) && next.is_some_and(|n| is_separator(n) || !n.is_punct())
            || w.any(SEPARATED_CONNECTIVES) && next.is_some_and(is_separator))
            && !starts_clause(words, i)
        {
            i += 1;
        } else if is_thanks(&words[i..])
            && thanks_len(&words[i..]) < words.len() - i
            && words.get(i + thanks_len(&words[i..])).is_some_and(is_separator)
        {
            // "Thanks, can you…": the thanks is an opening.
            reading.acts.insert(Acts::THANK);
            i += thanks_len(&words[i..]);
        } else {
            break;
        }
    }
    i
}

/// Whether a word is a name said to the reader: a proper noun or a capitalized word.
fn is_name(w: &W<'_>) -> bool {
    w.kind == TokenKind::Word && (w.upos() == Upos::Propn || w.tag.xpos == "NNP")
}

/// Whether the words from `i` start a clause ("Sam is out" rather than "Sam, …").
fn starts_clause(words: &[W<'_>], i: usize) -> bool {
    words.get(i + 1).is_some_and(|n| n.is_verb() && !is_separator(n))
}

/// "…, Sam." / "Thanks, team!": a name or group after the sentence's last comma.
fn read_closing_vocative(words: &[W<'_>], reading: &mut SentenceReading) {
    let end = words.iter().rposition(|w| !w.is_punct()).map_or(0, |at| at + 1);
    if end < 2 {
        return;
    }
    let last = &words[end - 1];
    if !is_separator(&words[end - 2]) || end - 2 < reading_core_index(words, reading) {
        return;
    }
    let span = reading.tokens[last.token].span;
    if last.kind == TokenKind::Mention || is_name(last) {
        reading.addressee.vocative.get_or_insert(span);
    } else if last.any(GROUP_WORDS) {
        reading.addressee.group.get_or_insert(span);
    }
}

fn reading_core_index(words: &[W<'_>], reading: &SentenceReading) -> usize {
    words.iter().position(|w| w.token >= reading.core).unwrap_or(words.len())
}

/// The mood of a sentence's core.
fn mood(core: &[W<'_>]) -> Mood {
    let Some(first) = core.iter().position(|w| !w.is_punct()) else { return Mood::Fragment };
    // A question mark makes a question unless it is inside brackets, an aside ("(today
    // hopefully?)"), or in reported words.
    if core.iter().any(|w| w.lower.starts_with('?') && w.is_punct() && !w.quote && !w.bracketed) {
        return Mood::Question;
    }
    if is_inverted_question(&core[first..]) {
        return Mood::Question;
    }
    if imperative_at(core).is_some() {
        return Mood::Imperative;
    }
    if core.iter().any(|w| w.is_verb() && !w.quote) { Mood::Statement } else { Mood::Fragment }
}

/// "Can you…", "Could someone…", "Would it be possible…", "Do we…": an auxiliary before
/// its subject, which makes a question even without a question mark.
fn is_inverted_question(core: &[W<'_>]) -> bool {
    let [aux, subject, ..] = core else { return false };
    let inverting = aux.upos() == Upos::Aux && matches!(aux.tag.xpos, "MD" | "VBP" | "VBZ" | "VBD")
        || aux.any(&["can", "could", "would", "will", "shall", "should", "do", "does", "did", "may", "might"]);
    inverting
        && !aux.tag.imperative
        && (subject.upos() == Upos::Pron && !subject.any(&["that", "this", "it"])
            || subject.any(SOMEONE)
            || subject.is_you())
}

/// The index (in `core`) of an imperative verb that opens a clause, if any: at the start of
/// the core, after "please"/"just", after a comma that ends an opening clause ("If you
/// have time, send it"), or after a colon that ends a label ("Action needed: send it"),
/// but not after one that ends a statement ("The runbook has a new first step: compare
/// error rates"), where the verb explains rather than asks. After "and", "or" or "but" a
/// verb is imperative only when no clause before it had a subject ("Both have shipped
/// and join the rotation" shares "Both"). Nothing in a subordinate clause ("if I take it
/// and paste it") is an imperative.
fn imperative_at(core: &[W<'_>]) -> Option<usize> {
    #[derive(PartialEq)]
    enum Start {
        Clause,
        Coordinated,
        No,
    }
    let mut start = Start::Clause;
    let mut subordinate = false;
    // Whether the current stretch, and any stretch before it, has a finite verb.
    let (mut finite_here, mut finite_before) = (false, false);
    // A subject still waiting for its verb: "All twelve pipelines, which finish by 05:30,
    // now write…" is a statement, not "write…" said to the reader.
    let mut pending_subject = false;
    let mut stretch_start = 0;
    for (i, w) in core.iter().enumerate() {
        if w.quote {
            start = Start::No;
            continue;
        }
        if is_separator(w) {
            let stretch = &core[stretch_start..i];
            let relative = stretch.first().is_some_and(|f| {
                matches!(f.tag.xpos, "WDT" | "WP") && !f.lower.starts_with("wh")
                    || f.any(&["which", "who", "whom", "whose"])
            });
            let noun_phrase = stretch
                .first()
                .is_some_and(|f| matches!(f.upos(), Upos::Det | Upos::Num | Upos::Noun | Upos::Propn | Upos::Adj))
                && stretch.iter().any(|n| matches!(n.upos(), Upos::Noun | Upos::Propn))
                && !stretch.iter().any(W::is_verb);
            pending_subject = noun_phrase || relative && pending_subject;
            start = if w.lower == ":" && finite_here || pending_subject { Start::No } else { Start::Clause };
            finite_before |= finite_here && !subordinate;
            finite_here = false;
            subordinate = false;
            stretch_start = i + 1;
            continue;
        }
        if w.is_verb() && matches!(w.tag.xpos, "VBZ" | "VBD" | "VBP" | "MD") {
            finite_here = true;
        }
        if start == Start::Clause && w.any(BEFORE_IMPERATIVE) && w.upos() != Upos::Verb {
            continue;
        }
        if start == Start::Clause
            && (w.upos() == Upos::Sconj
                || w.any(&["if", "when", "unless", "once", "whether", "because", "since", "while", "as"]))
        {
            subordinate = true;
        }
        // After a finished statement ("We have started on the graphs, and the Risk - Return
        // ones…") a bare verb is an imperative only if the tagger reads it as one.
        let clause_ok = start == Start::Clause && (!finite_before || w.tag.imperative);
        let coordinated_ok = start == Start::Coordinated && w.tag.imperative && !finite_here && !finite_before;
        if !subordinate && (clause_ok || coordinated_ok) && is_imperative_verb(core, i) {
            return Some(i);
        }
        start = if w.any(&["please", "pls", "plz", "kindly"]) {
            Start::Clause
        } else if w.any(&["and", "then", "but", "so", "or"]) {
            Start::Coordinated
        } else {
            Start::No
        };
    }
    None
}

/// Whether the word at `i` is an imperative verb: tagged so, or a base-form verb with
/// nothing before it in its clause.
fn is_imperative_verb(core: &[W<'_>], i: usize) -> bool {
    let w = &core[i];
    // "Save-the-Date", "follow-up", "check-in": a verb joined to the next word makes a noun.
    if !(w.is_verb() || verb_before_object(core, i)) || w.quote || w.joined {
        return false;
    }
    if w.tag.imperative {
        return !is_mistagged_subject(core, i);
    }
    // "don't merge", "do not merge", "let's": the tagger may read these as auxiliaries.
    if w.any(&["do", "don't"]) {
        let next = core.get(i + 1);
        let after = core.get(i + 2);
        return next.is_some_and(|n| n.any(&["n't", "not"])) && after.is_some_and(|a| a.tag.xpos == "VB")
            || next.is_some_and(|n| n.tag.xpos == "VB" && n.upos() == Upos::Verb);
    }
    (w.tag.xpos == "VB" && w.upos() == Upos::Verb || verb_before_object(core, i)) && !is_mistagged_subject(core, i)
}

/// "Ping me if it breaks", "Slack us the link": before an object pronoun, a word the
/// tagger took for a noun, or for a gerund when no vowel comes before its "ing" ("Ping",
/// "Bring" are no gerunds), is a verb: a chat verb the treebank rarely shows.
fn verb_before_object(core: &[W<'_>], i: usize) -> bool {
    let w = &core[i];
    let stem_has_vowel =
        |word: &str| word.strip_suffix("ing").is_some_and(|stem| stem.contains(['a', 'e', 'i', 'o', 'u', 'y']));
    core.get(i + 1).is_some_and(|n| n.any(&["me", "us"]))
        && (matches!(w.tag.xpos, "NN" | "NNP") || w.tag.xpos == "VBG" && !stem_has_vowel(w.lower))
}

/// "Expiry runs…", "heap usage stayed…": a "verb" followed, after at most two nouns, by a
/// finite verb is the subject of that verb, which the tagger took for an imperative.
fn is_mistagged_subject(core: &[W<'_>], i: usize) -> bool {
    let after = core[i + 1..].iter().find(|n| !matches!(n.upos(), Upos::Noun | Upos::Propn));
    let nouns = core[i + 1..].iter().take_while(|n| matches!(n.upos(), Upos::Noun | Upos::Propn)).count();
    nouns <= 2 && after.is_some_and(|n| n.is_verb() && matches!(n.tag.xpos, "VBZ" | "VBD" | "VBP"))
}

/// A question that is small talk ("How are you?", "How was your weekend?").
fn is_pleasantry(core: &[W<'_>]) -> bool {
    let words: Vec<&str> = core.iter().filter(|w| !w.is_punct()).map(|w| w.lower).collect();
    match words.as_slice() {
        ["how", "are", "you", ..] | ["how", "r", "u", ..] | ["how", "'s", "it", "going", ..] => words.len() <= 5,
        ["how", "was", "your", _, ..] => words.len() <= 5,
        ["how", "is", "everyone", ..] | ["how", "are", "things", ..] | ["how", "'s", "everyone", ..] => {
            words.len() <= 5
        }
        ["hope", "you", ..] | ["hope", "all", ..] | ["hope", "everyone", ..] => true,
        _ => false,
    }
}

/// "Thanks", "Thank you (so much)", "Many thanks", "Much appreciated", "Cheers".
fn is_thanks(core: &[W<'_>]) -> bool {
    thanks_len(core) > 0
}

fn thanks_len(core: &[W<'_>]) -> usize {
    let lower: Vec<&str> = core.iter().take(3).map(|w| w.lower).collect();
    match lower.as_slice() {
        ["thank", "you", ..] | ["thank", "u", ..] | ["many", "thanks", ..] | ["much", "appreciated", ..] => 2,
        ["thanks", ..] | ["thx", ..] | ["ty", ..] | ["cheers", ..] | ["thanx", ..] | ["tks", ..] | ["tia", ..] => 1,
        _ => 0,
    }
}

/// "Thanks!", "Thank you so much", "Thanks in advance", "Many thanks again, all".
fn is_thanks_only(core: &[W<'_>]) -> bool {
    let len = thanks_len(core);
    len > 0
        && core[len..].iter().filter(|w| !w.is_punct()).all(|w| {
            w.any(&[
                "so", "very", "much", "a", "lot", "in", "advance", "again", "all", "everyone", "team", "guys", "folks",
                "a", "ton", "bunch",
            ]) || is_name(w)
                || w.kind == TokenKind::Mention
        })
}

/// "No action needed", "nothing needed from you", "no need to reply", "for awareness".
fn is_no_action_needed(core: &[W<'_>]) -> bool {
    let lower: Vec<&str> = core.iter().filter(|w| !w.is_punct()).map(|w| w.lower).collect();
    lower.windows(2).any(|pair| {
        matches!(
            pair,
            ["no", "action"]
                | ["nothing", "needed"]
                | ["nothing", "required"]
                | ["no", "response"]
                | ["no", "reply"]
                | ["for", "awareness"]
                | ["for", "visibility"]
                | ["your", "information"]
                | ["nothing", "to"]
        )
    }) || lower
        .windows(3)
        .any(|t| matches!(t, ["no", "need", "to"] | ["just", "so", "you"] | ["just", "letting", "you"]))
}

/// "Are you there?", "Anyone around?", "Got a sec?", "Do you have a minute?", "ping":
/// a question about whether the reader is there or free, with nothing else in it.
fn is_presence_check(core: &[W<'_>]) -> bool {
    // Mentions are vocatives wherever they stand ("ping @okafor").
    let words: Vec<&W<'_>> = core.iter().filter(|w| !w.is_punct() && w.kind != TokenKind::Mention).collect();
    let lower: Vec<&str> = words.iter().map(|w| w.lower).collect();
    if is_bump(&lower) {
        return true;
    }
    match lower.as_slice() {
        ["knock", "knock"] => return true,
        // "Is there anyone (around)?", "Anybody here?"
        ["is" | "are", "there", "anyone" | "anybody" | "someone" | "somebody", rest @ ..]
        | ["anyone" | "anybody", rest @ ..] => {
            return rest.iter().all(|w| AVAILABLE.contains(w) || matches!(*w, "home" | "awake" | "alive" | "now"));
        }
        ["quick", "question"]
        | ["quick", "q"]
        | ["question"]
        | ["a", "quick", "question"]
        | ["question", "for", "you"]
        | ["one", "question"]
        | ["quick", "one"] => return true,
        ["can", "i", "ask", "you", ..] | ["can", "i", "ask", "a", "question"] | ["may", "i", "ask", "you", ..] => {
            return lower.len() <= 6
                && lower.last().is_some_and(|l| matches!(*l, "something" | "question" | "thing" | "you"));
        }
        _ => {}
    }
    // (be) (you|anyone|someone) AVAILABLE [now|today], with or without the verb.
    let i = usize::from(words.len() > 1 && words[0].any(&["are", "is", "r"]));
    if words.get(i).is_some_and(|w| w.is_you() || w.any(SOMEONE) || w.any(&["there", "anybody", "anyone"])) {
        let mut j = i + 1;
        if words.get(j).is_some_and(|w| w.any(&["still", "currently", "by", "any", "chance"])) {
            j += 1;
        }
        if words.get(j).is_some_and(|w| w.any(AVAILABLE)) {
            let rest = &lower[j + 1..];
            return rest.iter().all(|w| {
                matches!(
                    *w,
                    "now"
                        | "right"
                        | "today"
                        | "atm"
                        | "rn"
                        | "still"
                        | "there"
                        | "here"
                        | "at"
                        | "all"
                        | "by"
                        | "any"
                        | "chance"
                        | "around"
                        | "online"
                )
            });
        }
    }
    // (do you have|have you got|got|you got|have) [a|one|5|a few] MOMENT
    let start = match lower.as_slice() {
        ["do", "you", "have", ..]
        | ["have", "you", "got", ..]
        | ["do", "u", "have", ..]
        | ["did", "you", "get", ..] => 3,
        ["you", "got", ..] | ["u", "got", ..] | ["you", "have", ..] => 2,
        ["got", ..] | ["have", ..] => 1,
        _ => return false,
    };
    let mut j = start;
    while words
        .get(j)
        .is_some_and(|w| w.any(&["a", "one", "few", "couple", "of", "quick", "spare", "some"]) || w.upos() == Upos::Num)
    {
        j += 1;
    }
    if !words.get(j).is_some_and(|w| w.any(MOMENTS)) {
        return false;
    }
    let rest = &lower[j + 1..];
    // "Got a sec for a quick question?" checks presence; "…for a quick call later today?"
    // asks for a meeting.
    rest.iter().all(|w| {
        matches!(*w, "now" | "today" | "right" | "for" | "a" | "quick" | "question" | "this" | "afternoon" | "morning")
    })
}

/// A bump: "ping", "Ping?", "polite ping", "kindly reminder", "gentle nudge", "bumping
/// this", "just a friendly reminder": a word for nudging with its modifiers and nothing
/// else. What it is about would be content.
fn is_bump(lower: &[&str]) -> bool {
    let Some(at) = lower.iter().position(|w| BUMP_WORDS.contains(w)) else { return false };
    lower[..at].iter().all(|w| BUMP_MODIFIERS.contains(w))
        && lower[at + 1..]
            .iter()
            .all(|w| matches!(*w, "this" | "again" | "on" | "up" | "thread" | "here" | "please" | "pls"))
}

/// "I'll send it Friday", "We will deploy tomorrow", "I'm going to fix it".
fn is_commitment(core: &[W<'_>]) -> bool {
    let words: Vec<&W<'_>> = core.iter().filter(|w| !w.is_punct()).collect();
    // "Let me check and get back to you": the writer's own next step.
    if matches!(words.as_slice(), [l, m, v, ..] if l.is("let") && m.is("me") && !v.is("know") && v.is_verb()) {
        return true;
    }
    let Some(subject) = words.iter().position(|w| w.any(&["i", "we"])) else { return false };
    let after: Vec<&str> = words[subject + 1..].iter().take(4).map(|w| w.lower).collect();
    let promises = matches!(
        after.as_slice(),
        ["will", ..]
            | ["'ll", ..]
            | ["shall", ..]
            | ["am", "going", "to", ..]
            | ["'m", "going", "to", ..]
            | ["are", "going", "to", ..]
            | ["'re", "going", "to", ..]
            | ["plan", "to", ..]
            | ["intend", "to", ..]
            | ["'m", "planning", "to", ..]
            | ["am", "planning", "to", ..]
    );
    // Only the main clause: "if we will…" or "when I'll…" is not a promise.
    promises && !words[..subject].iter().any(|w| w.upos() == Upos::Sconj || w.any(&["if", "when", "whether", "unless"]))
}

/// The indices (in `lower`) where a main clause may start: the start, and after a comma,
/// colon, semicolon or dash that ends a clause before it.
fn clause_starts(lower: &[&str]) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(
        lower
            .iter()
            .enumerate()
            .filter(|(_, w)| matches!(**w, "," | ":" | ";" | "-" | "\u{2014}" | "\u{2013}" | "but" | "so" | "and"))
            .map(|(i, _)| i + 1),
    );
    starts
}

/// "Let's…", "Shall we…", "How about…", "What about…", "Why don't we…", "Should we…",
/// "We could…", "We should…", "I suggest/propose we…", "Maybe we should…", "It would be
/// great if we could…", "I'd like to meet/discuss…", at the start of a main clause
/// ("Now that it's out, let's plan the next step").
fn is_proposal(core: &[W<'_>]) -> bool {
    let words: Vec<&W<'_>> = core.iter().filter(|w| !w.quote && (!w.is_punct() || is_separator(w))).collect();
    let lower: Vec<&str> = words.iter().map(|w| w.lower).collect();
    clause_starts(&lower).into_iter().any(|at| {
        // Adverbs may come first ("Initially I propose…", "Maybe we should…"), and so may
        // "I think (that)" ("I think we should discuss the name").
        // So may a conjunction and a fronted time or place ("but at some point we should
        // drop…", "In the meantime, we could…").
        let mut k = at;
        while k + 1 < lower.len()
            && (matches!(words[k].upos(), Upos::Adv | Upos::Cconj) || matches!(lower[k], "so" | "ok" | "okay"))
        {
            k += 1;
        }
        if k < words.len() && words[k].upos() == Upos::Adp {
            let phrase = (k + 1..lower.len().min(k + 5))
                .take_while(|&j| matches!(words[j].upos(), Upos::Det | Upos::Adj | Upos::Noun | Upos::Num | Upos::Pron))
                .find(|&j| matches!(lower[j], "we" | "i"));
            if let Some(subject) = phrase {
                k = subject;
            }
        }
        if matches!(lower.get(k..k + 2), Some(["i", "think" | "guess" | "believe" | "feel"])) {
            k += 2;
            if lower.get(k) == Some(&"that") {
                k += 1;
            }
        }
        k < lower.len() && proposal_at(&lower[k..], &words[k..])
    })
}

fn proposal_at(start: &[&str], words: &[&W<'_>]) -> bool {
    match start {
        ["let", "'s", ..] | ["lets", ..] => true,
        // "Let us know" asks; "let us give you…" offers; "let us meet" proposes.
        ["let", "us", verb, rest @ ..] => {
            *verb != "know" && !rest.first().is_some_and(|w| matches!(*w, "you" | "your"))
        }
        ["shall", "we", ..] | ["should", "we", ..] | ["how", "about", ..] | ["what", "about", ..] => true,
        ["why", "do", "n't", "we", ..] | ["why", "not", ..] => true,
        // "We should meet", "we could ask Sam"; not "we should have an MVP by Friday" or
        // "we could be done", which expect rather than propose.
        ["we", "could" | "should", verb, rest @ ..] => {
            let expects = matches!(*verb, "be" | "have" | "get" | "see" | "know" | "probably")
                && !rest.iter().take(4).any(|w| MEETING_NOUNS.contains(w) || *w == "together");
            words.get(2).is_some_and(|w| w.is_verb()) && !expects
        }
        ["we", "might", "want", "to", ..] | ["we", "may", "want", "to", ..] => true,
        ["i", "suggest", ..]
        | ["i", "propose", ..]
        | ["i", "'d", "suggest", ..]
        | ["i", "would", "suggest", ..]
        | ["i", "recommend", ..]
        | ["i", "'d", "propose", ..]
        | ["my", "suggestion", ..]
        | ["my", "proposal", ..] => true,
        ["i", "'d" | "would", "like" | "love", "to", verb, rest @ ..]
        | ["we", "'d" | "would", "like" | "love", "to", verb, rest @ ..] => {
            MEETING_VERBS.contains(verb)
                || matches!(*verb, "discuss" | "propose" | "suggest" | "schedule" | "invite" | "move" | "reschedule")
                || matches!(*verb, "set" | "get" | "have")
                    && rest.iter().take(4).any(|w| MEETING_NOUNS.contains(w) || *w == "together")
        }
        // "It would be great if we could…", "Would be ideal if we can…"
        ["it", "would" | "'d", "be", _, "if", "we" | "you", "could" | "can" | "would", ..]
        | ["would", "be", _, "if", "we" | "you", "could" | "can" | "would", ..] => true,
        // "It may be worthwhile for us to have a quick call", "it would be good to meet",
        // "I think it may be appropriate for both of you to join us": an evaluation of
        // something the reader and writer could do.
        ["it", "may" | "might" | "would" | "'d" | "could", "be", adjective, "to" | "for", ..] => {
            matches!(
                *adjective,
                "good"
                    | "great"
                    | "worthwhile"
                    | "worth"
                    | "nice"
                    | "helpful"
                    | "useful"
                    | "appropriate"
                    | "best"
                    | "better"
                    | "wise"
                    | "ideal"
                    | "smart"
                    | "important"
                    | "quicker"
                    | "easier"
                    | "faster"
            )
        }
        // "My recommendation is to call Mark first."
        ["my", "recommendation" | "advice", "is", "to" | "that", ..] => true,
        _ => false,
    }
}

/// Request constructions that ask without being a question or an imperative:
/// "please…", "could you…" without `?`, "I need someone to…", "need your input",
/// "let me know", "I'd appreciate it if you…", "you need to…", "looking forward to your reply".
fn is_request(core: &[W<'_>]) -> bool {
    let words: Vec<&W<'_>> = core.iter().filter(|w| !w.quote && (!w.is_punct() || is_separator(w))).collect();
    let lower: Vec<&str> = words.iter().map(|w| w.lower).collect();
    for (i, w) in words.iter().enumerate() {
        let next = lower.get(i + 1).copied().unwrap_or("");
        let rest = &lower[i + 1..];
        // "please review", "…, please": unless "please" is a verb ("to please the client")
        // or points at information ("please find attached").
        if w.any(PLEASE) && w.upos() != Upos::Verb {
            // "Please see attached" and "please note…" ask too: the reader is asked to
            // look, and writers and labellers count them as requests.
            return true;
        }
        // "can/could/would/will you (please) VERB", "can someone…"
        if w.any(&["can", "could", "would", "will", "wo"])
            && (words.get(i + 1).is_some_and(|n| n.is_you() || n.any(SOMEONE)))
        {
            let verb = words.get(i + 2).filter(|n| !n.any(PLEASE)).or(words.get(i + 3));
            if verb.is_some_and(|v| v.is_verb() || v.any(&["mind", "be"])) {
                return true;
            }
        }
        // "need/want/would like someone (from the DB team) to look", "need your input", "need help"
        if w.any(&["need", "needs", "want", "wants", "like", "require", "requires", "expect", "needed", "required"])
            && w.upos() != Upos::Noun
        {
            if i > 0 && lower[..i].iter().rev().take(3).any(|p| matches!(*p, "if" | "when" | "whether" | "you")) {
                continue;
            }
            if needs_person(&words[i + 1..]) {
                return true;
            }
        }
        // "let me/us know", "keep me posted", "get back to me"
        match (w.lower, rest) {
            ("let", ["me" | "us", "know", ..]) | ("lmk", _) => return true,
            ("keep", ["me" | "us", "posted" | "updated" | "informed" | "in", ..]) => return true,
            ("get", ["back", "to", "me" | "us", ..]) => return true,
            ("appreciate", _) | ("grateful", _)
                if lower[..i].iter().any(|p| matches!(*p, "would" | "'d" | "i" | "we"))
                    && !lower[..i].contains(&"for") =>
            {
                return true;
            }
            (
                "if",
                [
                    "you" | "u" | "someone" | "somebody" | "anyone" | "anybody",
                    "could" | "can" | "would" | "have" | "get",
                    ..,
                ],
            ) if lower[..i].iter().any(|p| {
                matches!(
                    *p,
                    "great"
                        | "helpful"
                        | "nice"
                        | "awesome"
                        | "appreciate"
                        | "grateful"
                        | "good"
                        | "ideal"
                        | "wonderful"
                        | "appreciated"
                )
            }) || i == 0 && rest.len() > 3 && !rest.contains(&",") =>
            {
                return true;
            }
            ("wondering" | "wonder", ["if" | "whether", ..]) => return true,
            // "I am writing to request a meeting", "I'd like to invite you to…", "I want to
            // ask you…": the writer says they are asking.
            ("to", ["request" | "ask" | "invite" | "remind", ..])
                if lower[..i]
                    .iter()
                    .any(|p| matches!(*p, "writing" | "like" | "love" | "want" | "wanted" | "wanting" | "need")) =>
            {
                return true;
            }
            // "I wanted to see if you…", "Ben wants to know whether…", "I'd love to hear
            // what you think": asking for an answer in the form of a statement, when the
            // one who wants to know is the writer or someone they speak for, not people
            // in general ("whatever others might like to know about").
            (
                "want" | "wants" | "wanted" | "wanting" | "like" | "love",
                ["to", "see" | "check" | "ask" | "know" | "find" | "hear" | "learn" | "confirm", next, ..],
            ) if wanted_by_writer(&words[..i])
                && matches!(
                    *next,
                    "if" | "whether"
                        | "what"
                        | "when"
                        | "how"
                        | "where"
                        | "who"
                        | "why"
                        | "which"
                        | "from"
                        | "your"
                        | "back"
                        | "out"
                        | "about"
                ) =>
            {
                return true;
            }
            ("hope" | "hoping", ["you" | "u" | "someone" | "we", "can" | "could" | "will" | "'ll" | "would", ..]) => {
                return true;
            }
            // "I also want to receive written confirmation from Accounting", "we need to
            // see the numbers": the writer asks to be given something.
            ("want" | "need" | "like", ["to", "receive" | "get" | "see" | "hear" | "have", ..])
                if i > 0 && matches!(lower[i - 1], "i" | "we" | "'d" | "would" | "also" | "really" | "still") =>
            {
                return true;
            }
            ("looking" | "look", ["forward", "to", "your" | "hearing", ..]) => return true,
            _ => {}
        }
        // "If anyone has comments, they need to be in before noon": a condition on the
        // reader, then what must happen.
        if i > 0
            && matches!(
                rest,
                ["need", "to", ..] | ["needs", "to", ..] | ["must", ..] | ["should", ..] | ["have", "to", ..]
            )
            && lower[..i].iter().position(|p| *p == "if").is_some_and(|at| {
                lower
                    .get(at + 1)
                    .is_some_and(|r| matches!(*r, "you" | "u" | "anyone" | "anybody" | "someone" | "somebody"))
                    && lower[at..i].contains(&",")
            })
        {
            return true;
        }
        // "You need to / have to / must / should VERB" as the main clause.
        if w.is_you()
            && i + 1 < words.len()
            && !lower[..i]
                .iter()
                .any(|p| matches!(*p, "if" | "when" | "whether" | "unless" | "as" | "that" | "what" | "how"))
        {
            // Obligations and suggestions put to the reader: "you need to", "you should",
            // "you may want to", "you could", "you'd better".
            let obligation = matches!(
                rest,
                ["need", "to", ..]
                    | ["have", "to", ..]
                    | ["must", ..]
                    | ["should", ..]
                    | ["'ll" | "will" | "'d" | "would" | "may" | "might", "need" | "want", "to", ..]
                    | ["could", _, ..]
                    | ["'d", "better", ..]
                    | ["had", "better", ..]
            );
            if obligation && i <= 2 {
                return true;
            }
        }
        // "Any thoughts", "Thoughts welcome", "Feedback appreciated"
        if i == 0
            && (w.is("action") && matches!(next, "needed" | "required" | "requested")
                || w.is("any") && words.get(1).is_some_and(|n| n.any(ASSISTANCE_NOUNS))
                || w.any(ASSISTANCE_NOUNS)
                    && matches!(
                        next,
                        "welcome" | "appreciated" | "welcomed" | "needed" | "wanted" | "please" | "requested"
                    ))
        {
            return true;
        }
        let _ = next;
    }
    false
}

/// Whether the words before a verb of wanting make its subject the writer ("I", "we",
/// "I'd", "I really") or a named person ("Ben wants to know…"), skipping auxiliaries and
/// adverbs.
fn wanted_by_writer(before: &[&W<'_>]) -> bool {
    let subject = before.iter().rev().find(|w| !matches!(w.upos(), Upos::Aux | Upos::Adv | Upos::Part));
    subject.is_some_and(|w| w.any(&["i", "we", "me", "us"]) || w.kind == TokenKind::Word && w.tag.xpos == "NNP")
}

/// After a verb of needing: a person (with what qualifies them) and "to" + verb, or "your"
/// + an assistance noun, or an assistance noun itself ("need help with…").
fn needs_person(after: &[&W<'_>]) -> bool {
    let Some(first) = after.first() else { return false };
    if first.any(&["your", "ur"]) && after.get(1).is_some_and(|n| n.any(ASSISTANCE_NOUNS) || n.upos() == Upos::Noun) {
        return true;
    }
    if first.any(&[
        "help",
        "input",
        "feedback",
        "assistance",
        "guidance",
        "advice",
        "eyes",
        "reviewers",
        "volunteers",
        "a",
        "an",
        "some",
        "more",
    ]) {
        if first.any(&["a", "an", "some", "more"]) {
            // "need a hand", "need an answer", "need some more feedback"; not "need some time".
            let noun = after[1..]
                .iter()
                .find(|n| !n.any(&["more", "quick", "second", "final", "clear", "pair", "set", "of", "fresh"]));
            return noun.is_some_and(|n| n.any(&["hand", "volunteer", "reviewer"]) || n.any(ASSISTANCE_NOUNS));
        }
        return true;
    }
    // A person, then (within a few words that qualify them) "to" + verb.
    let is_person = first.is_you()
        || first.any(SOMEONE)
        || first.any(&["someone", "somebody", "one", "people", "folks", "more"])
        || first.upos() == Upos::Det && after.get(1).is_some_and(|n| n.any(PERSON_NOUNS));
    if !is_person {
        return false;
    }
    after.iter().take(8).enumerate().any(|(k, w)| w.is("to") && after.get(k + 1).is_some_and(|v| v.is_verb()))
}

/// An imperative that wishes the reader well ("Have a great weekend", "Take care",
/// "See you soon", "Enjoy!", "Talk soon").
fn is_well_wish(core: &[W<'_>]) -> bool {
    let Some(at) = imperative_at(core) else { return false };
    let verb = &core[at];
    if !verb.any(WELL_WISH_VERBS) {
        return false;
    }
    let after: Vec<&str> = core[at + 1..].iter().filter(|w| !w.is_punct()).map(|w| w.lower).collect();
    match (verb.lower, after.as_slice()) {
        ("have", [..]) => after.iter().take(5).any(|w| GOOD_TIMES_NOUNS.contains(w)) && after.len() <= 6,
        ("enjoy", rest) => rest.len() <= 4,
        ("take", ["care", ..]) | ("stay", ["safe" | "tuned" | "well" | "warm" | "cool" | "healthy", ..]) => true,
        ("see", ["you" | "ya" | "u" | "everyone" | "y'all", ..]) => true,
        ("talk" | "speak", ["soon" | "later" | "tomorrow" | "then", ..])
        | ("talk" | "speak", ["to", "you", "soon" | "later" | "tomorrow", ..]) => true,
        ("talk" | "speak", ["to", "you", group, "soon" | "later" | "tomorrow", ..]) => GROUP_WORDS.contains(group),
        // Encouragement to go on with what the reader already does: "Keep up the good
        // work", "Keep it up", "Keep on hacking".
        ("keep", ["up", ..] | ["it", "up", ..]) => true,
        ("keep", ["on", ..]) => core.get(at + 2).is_some_and(|w| w.tag.xpos == "VBG"),
        ("be", ["well" | "safe" | "good", ..]) | ("get", ["well", ..]) | ("rest", [..]) | ("cheer", ["up", ..]) => true,
        _ => false,
    }
}

/// An imperative that announces the writer's own next step ("Let me check"), asking
/// nothing. ("Feel free to call me" and "if you have questions, let me know" do ask:
/// they invite the reader to act, and writers and labellers count them as requests.)
fn is_own_step(core: &[W<'_>]) -> bool {
    let Some(at) = imperative_at(core) else { return false };
    let after: Vec<&str> = core[at..].iter().filter(|w| !w.is_punct()).map(|w| w.lower).take(3).collect();
    matches!(after.as_slice(), ["let", "me", verb, ..] if *verb != "know")
}

/// The noun phrases (as ranges of `words`) that point at an artifact: a definite
/// determiner, up to four modifiers, and a document noun as the head (the last noun, so
/// "the docs team" is about a team); or an attachment word with the noun phrase beside it.
fn artifact_references(words: &[W<'_>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if w.quote {
            i += 1;
            continue;
        }
        if w.any(DEFINITE) && !w.bracketed {
            // The noun phrase's head: the last of a run of modifiers and nouns.
            let mut end = i;
            let mut k = i + 1;
            while k < words.len() && k <= i + 5 {
                let n = &words[k];
                let modifier = matches!(n.upos(), Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num | Upos::X)
                    || n.any(ATTACHED)
                    || n.tag.xpos == "VBN" && !n.is_punct()
                    || n.lower == "'s";
                if !modifier || n.quote {
                    break;
                }
                if matches!(n.upos(), Upos::Noun | Upos::Propn | Upos::X) || n.any(ARTIFACT_NOUNS) {
                    end = k;
                }
                k += 1;
            }
            // "the second doc", "the only spec left", "the same link": one of several the
            // message itself describes, not a pointer.
            let enumerated = words[i + 1..end.max(i + 1)].iter().any(|n| {
                n.tag.xpos == "JJS"
                    || n.any(&[
                        "only", "same", "other", "second", "first", "third", "last", "next", "previous", "former",
                        "latter",
                    ])
            });
            let thread = w.is("this") && end == i + 1 && words[end].any(THREAD_NOUNS);
            if thread {
                i = end + 1 + usize::from(words.get(end + 1).is_some_and(|n| n.is("request")));
                continue;
            }
            if end > i && words[end].any(ARTIFACT_NOUNS) && !enumerated {
                // "pull request": the head is "request".
                let end = if words[end].is("pull") && words.get(end + 1).is_some_and(|n| n.is("request")) {
                    end + 1
                } else {
                    end
                };
                found.push((i, end));
                i = end + 1;
                continue;
            }
        }
        if w.any(ATTACHED) && !w.quote {
            // "Attached is a summary", "Proposed patch attached", "see attached".
            let before =
                (i.saturating_sub(3)..i).find(|&k| words[k].any(ARTIFACT_NOUNS) || words[k].any(&["see", "find"]));
            let from = before.unwrap_or(i);
            found.push((from, i));
            i += 1;
            continue;
        }
        i += 1;
    }
    found
}

/// Where a sentence that asks or proposes asks for a meeting: the meeting words, as a range
/// of `core` indices.
fn meeting_request(core: &[W<'_>]) -> Option<(usize, usize)> {
    for (i, w) in core.iter().enumerate() {
        if w.quote || w.is_punct() {
            continue;
        }
        if w.any(MEETING_VERBS) && (w.is_verb() || in_verb_slot(core, i)) {
            if let Some(range) = meeting_verb(core, i) {
                return Some(range);
            }
            continue;
        }
        // A meeting noun that is a common noun (not "Sync" or "Meet" the product), not the
        // first half of a compound ("the meeting notes"), not "make the call" (decide) or
        // "a call to the API", and not a meeting that already happened ("after the call").
        if w.any(MEETING_NOUNS) && matches!(w.upos(), Upos::Noun | Upos::X | Upos::Adj | Upos::Intj | Upos::Verb) {
            let compound = core
                .get(i + 1)
                .is_some_and(|n| n.upos() == Upos::Noun && !n.any(MEETING_NOUNS) && !n.any(DAYS) && !n.is_punct());
            let deciding = core[..i].iter().rev().take(3).any(|p| {
                p.any(&[
                    "make",
                    "makes",
                    "made",
                    "making",
                    "judgment",
                    "judgement",
                    "tough",
                    "good",
                    "close",
                    "your",
                    "my",
                    "final",
                    "right",
                ])
            });
            // "Do we have any meetings arranged?" asks whether there are any.
            let existing = core[..i].iter().rev().take(2).any(|p| p.is("any"));
            let api = w.any(&["call", "calls"])
                && core.get(i + 1).is_some_and(|n| n.is("to"))
                && core.get(i + 2).is_some_and(|n| !n.is_verb());
            // A meeting that is already set ("before the 10am call", "for the next
            // meeting") is an event, unless the sentence asks to set it up or join it.
            let start = meeting_phrase_start(core, i);
            let governed = start < i && core[start].any(MEETING_SETUP_VERBS)
                || start
                    .checked_sub(1)
                    .is_some_and(|p| core[p].any(MEETING_SETUP_VERBS) || core[p].any(&["join", "attend"]));
            let reported_event = !governed
                && core[..i].iter().rev().take(4).take_while(|p| !p.is_verb()).any(|p| {
                    // "Friday's call", "the team's sync"
                    p.tag.xpos == "POS"
                        || p.any(&[
                            "the",
                            "this",
                            "that",
                            "our",
                            "yesterday's",
                            "last",
                            "today's",
                            "after",
                            "before",
                            "in",
                            "during",
                            "from",
                            "next",
                        ])
                });
            if !compound && !deciding && !api && !existing && !reported_event && !call_for_no_meeting(core, i) {
                return Some((start, i));
            }
            continue;
        }
        // "catch up", "hop on", "jump on" + meeting noun handled by the noun; "catch up"
        // alone is a meeting verb.
        if w.any(&["catch"]) && core.get(i + 1).is_some_and(|n| n.is("up")) && has_meeting_subject(core, i) {
            return Some((i, i + 1));
        }
    }
    None
}

/// The start of the phrase around a meeting noun: its setup verb and determiners ("hop on
/// a quick call", "a meeting").
fn meeting_phrase_start(core: &[W<'_>], noun: usize) -> usize {
    let mut from = noun;
    while from > 0 {
        let p = &core[from - 1];
        let modifier = matches!(p.upos(), Upos::Det | Upos::Adj | Upos::Num)
            || p.any(&[
                "quick", "short", "brief", "video", "phone", "zoom", "teams", "slack", "a", "an", "1", "15", "30",
                "min", "minute", "-", "on", "up",
            ]);
        let verb = p.any(MEETING_SETUP_VERBS) || p.is_verb() && !p.any(&["is", "are", "was", "be", "been"]);
        if modifier || verb {
            from -= 1;
            if verb && !p.any(&["on", "up"]) {
                break;
            }
        } else {
            break;
        }
    }
    from
}

/// Whether the word at `i` stands where only a verb can: after "let's", a subject
/// pronoun, a modal or "to", or at the start of the core. The tagger, trained on little
/// chat, often reads a rare verb such as "sync" as an adjective or a noun there.
fn in_verb_slot(core: &[W<'_>], i: usize) -> bool {
    let previous = core[..i].iter().rev().find(|w| !w.is_punct() && !matches!(w.upos(), Upos::Adv) && !w.any(PLEASE));
    match previous {
        None => true,
        // "Friday's call" is a possessive, "let's call" a proposal.
        Some(p) if p.tag.xpos == "POS" => false,
        Some(p) => p.any(&[
            "'s", "us", "we", "you", "u", "i", "to", "can", "could", "will", "would", "shall", "should", "must",
            "wanna", "gonna", "lets", "'ll", "'d", "might", "may",
        ]),
    }
}

/// A "call" that is no meeting: a duty ("who should be on call?", "Can you be on call this
/// weekend?"; "on a call" is a meeting), or "call for" + a thing, which demands or fetches
/// it ("Call for papers", "a call for comments", "Call for a catalog"). A call *for*
/// people or a time is a meeting ("organize a call for Mike and me", "a call for 15
/// minutes", "set up a call for next week").
fn call_for_no_meeting(core: &[W<'_>], i: usize) -> bool {
    core[i].is("call") && i > 0 && core[i - 1].is("on") || calls_for_something(core, i)
}

/// "call for" + a thing (see [`call_for_no_meeting`]).
fn calls_for_something(core: &[W<'_>], i: usize) -> bool {
    if !core[i].any(&["call", "calls"]) || !core.get(i + 1).is_some_and(|n| n.is("for")) {
        return false;
    }
    let Some(object) = core[i + 2..].iter().find(|w| !w.any(&["a", "an", "the", "some", "more"])) else {
        return false;
    };
    object.upos() == Upos::Noun
        && !object.any(MOMENTS)
        && !object.any(&["tomorrow", "today", "tonight", "hour", "hours", "week", "morning", "afternoon", "evening"])
}

/// A meeting verb whose subject is "we" or "you" (or an imperative to the reader): "can we
/// talk today?", "let's sync", "could you call me?". Not "meet the deadline", "sync the
/// repo", "call the API", and not a contact instruction ("call me at 555-0100").
fn meeting_verb(core: &[W<'_>], i: usize) -> Option<(usize, usize)> {
    let w = &core[i];
    if !has_meeting_subject(core, i) {
        return None;
    }
    if call_for_no_meeting(core, i) {
        return None;
    }
    let object = core.get(i + 1);
    // "I will sync with him": the writer meeting someone else asks nothing of the reader.
    let writer_alone = core[..i].iter().rev().take(4).any(|p| p.is("i"))
        && object.is_some_and(|o| o.is("with"))
        && core.get(i + 2).is_some_and(|p| p.any(&["him", "her", "them"]) || p.upos() == Upos::Propn);
    if writer_alone {
        return None;
    }
    // "who would handle this that we can speak to?": a preposition left at the end of a
    // relative clause; the meeting verb describes someone, it asks for nothing.
    let stranded = object.is_some_and(|o| o.upos() == Upos::Adp && !o.is("up"))
        && core.get(i + 2).is_none_or(|n| n.is_punct() && !is_separator(n));
    if stranded {
        return None;
    }
    match object {
        // "meet up", "sync up"
        Some(o) if o.is("up") => Some((i, i + 1)),
        Some(o) if o.any(&["me", "us", "you", "u", "him", "her", "them"]) => {
            if w.any(&["call", "phone", "ring"]) {
                // "call me at 555-0100", "call me on my cell": contact details.
                let contact = core[i + 2..].iter().take(4).any(|n| {
                    is_phone_number(n.lower)
                        || n.any(&["cell", "mobile", "number", "phone", "landline", "anytime", "whenever", "if", "any"])
                });
                return (!contact).then_some((i, i + 1));
            }
            Some((i, i + 1))
        }
        // "meet the deadline", "sync the repo", "call the function": a thing as object.
        Some(o)
            if matches!(o.upos(), Upos::Det | Upos::Noun | Upos::Propn)
                && !o.any(&[
                    "today", "tomorrow", "tonight", "later", "sometime", "now", "soon", "this", "next", "quickly",
                    "briefly", "live", "online", "offline", "in", "on", "at", "for", "about", "with", "over", "up",
                    "real",
                ]) =>
        {
            None
        }
        _ => Some((i, i)),
    }
}

/// A phone number or extension: "555-0100", "713.853.3989", "x34703", "x3-9890".
pub fn is_phone_number(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let shaped = word.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '(' | ')' | '+' | '/' | 'x'));
    shaped && (digits >= 6 || word.starts_with('x') && digits >= 4)
}

/// Whether a meeting verb at `i` has "we" or "you" as its subject, or is an imperative or
/// proposal addressed to the reader ("let's sync", "Call me").
fn has_meeting_subject(core: &[W<'_>], i: usize) -> bool {
    let before: Vec<&W<'_>> = core[..i].iter().filter(|w| !w.is_punct() || is_separator(w)).collect();
    // The nearest person in the verb's clause: "I'd like to talk", "can we talk", "let's
    // sync", "I'll propose some slots to meet", but not "they want to meet".
    let clause = before.iter().rev().take_while(|w| !is_separator(w)).map(|w| w.lower);
    let person = clause.clone().position(|w| matches!(w, "we" | "'s" | "us" | "you" | "u" | "y'all" | "i"));
    if let Some(person) = person {
        return !clause.take(person.min(3)).any(|w| matches!(w, "they" | "he" | "she" | "it"));
    }
    // "Talk tomorrow?", "Sync at 3?", "Call me": the verb opens the core.
    before.iter().all(|w| {
        w.any(PLEASE)
            || w.any(&["just", "maybe", "quickly", "so", "also", "want", "to", "wanna", "free", "able", "time"])
            || is_separator(w)
    })
}

#[cfg(test)]
mod tests;
