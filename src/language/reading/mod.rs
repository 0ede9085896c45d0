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
//! “can you hop on a call?”" asks nothing and proposes no meeting. A quotation that runs
//! over several sentences is paired over its block (`language::quotations`), and each
//! sentence is given its part.
//!
//! Each construction is a module of its own, with the closed-class vocabulary it reads
//! (greeting words, meeting nouns, words for people); what a sentence does comes from
//! where those words stand in it. Vocabulary that several constructions read is here.
//!
//! - `opening.rs`: greetings, vocatives and connectives before the core;
//! - `mood.rs`: question, imperative, fragment or statement;
//! - `request.rs`: requests that are neither a question nor an imperative;
//! - `proposal.rs`: "let's…", "shall we…", "how about…";
//! - `meeting.rs`: asking for a call or a meeting;
//! - `references.rs`: the shared artifacts a sentence points at;
//! - `social.rs`: small talk, thanks, presence checks, bumps, well-wishes;
//! - `commitment.rs`: the writer's own next step.
//!
//! The trained act model (`language::acts`) reads these constructions as named features;
//! the readings themselves are hand-written grammar, tested in `tests.rs` and snapshotted
//! per message by `tests/readings.rs`.

mod commitment;
mod meeting;
mod mood;
mod opening;
mod proposal;
mod references;
mod request;
mod social;

use super::tagger::{Tag, Upos};
use super::tokens::{Token, TokenKind};
use crate::span::Span;

use commitment::{is_commitment, is_own_step};
pub use meeting::is_phone_number;
use meeting::meeting_request;
use mood::mood;
use opening::{read_closing_vocative, read_opening};
use proposal::is_proposal;
use references::artifact_references;
use request::is_request;
use social::{
    is_announcement, is_late_answer_apology, is_no_action_needed, is_pleasantry, is_presence_check, is_thanks,
    is_thanks_only, is_well_wish, is_wish_only,
};

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
    /// Apologizes for answering late ("Sorry for the delay"), which only an answer does.
    pub const LATE_ANSWER: Acts = Acts(1 << 8);
    /// Announces news to the readers ("We're pleased to announce…"): an FYI marker.
    pub const ANNOUNCE: Acts = Acts(1 << 9);

    const NAMES: [(Acts, &'static str); 10] = [
        (Acts::ASK, "ask"),
        (Acts::PROPOSE, "propose"),
        (Acts::MEETING, "meeting"),
        (Acts::GREET, "greet"),
        (Acts::PRESENCE, "presence"),
        (Acts::FYI, "fyi"),
        (Acts::COMMIT, "commit"),
        (Acts::THANK, "thank"),
        (Acts::LATE_ANSWER, "late-answer"),
        (Acts::ANNOUNCE, "announce"),
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
    /// Whether the writer speaks of themselves ("I", "me", "we", "us"), outside quotations.
    pub writer: bool,
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
    /// It stands beside its clause rather than being its verb ("Moving forward, we will
    /// use…", "…the template going forward"): no auxiliary comes before it, adverbs
    /// aside ("the project is still actively moving forward" is the project's progress).
    Adjunct,
    /// It takes no object ("Just checking, is the build green?"): no noun phrase follows
    /// it, as one does where its verb is meant literally ("just checking the read index").
    Alone,
}

impl SentenceReading {
    /// Whether the phrase at `span` plays `role` here.
    pub fn plays(&self, role: Role, span: Span) -> bool {
        let Some(first) = self.tokens.iter().position(|t| t.span.start >= span.start) else { return true };
        match role {
            Role::Verb => self.tags[first].upos == Upos::Verb,
            // The word before it, adverbs aside, up to a comma or colon.
            Role::Adjunct => {
                let before = (0..first).rev().find(|&b| {
                    !matches!(self.tags[b].upos, Upos::Adv | Upos::Punct) || matches!(self.tags[b].xpos, "," | ":")
                });
                before.is_none_or(|b| self.tags[b].upos != Upos::Aux)
            }
            Role::Alone => {
                let after = self.tokens.iter().position(|t| t.span.start >= span.end);
                !after.is_some_and(|a| {
                    matches!(self.tags[a].upos, Upos::Det | Upos::Noun | Upos::Propn | Upos::Num | Upos::Adj)
                        || self.tags[a].xpos == "PRP$"
                })
            }
            // Not "a kind of error", "what kind of request", "the sort of thing", "a cloth
            // napkin kind of place" (a noun before it makes a compound); the tagger reads
            // the word after "of" as a noun either way, so only what comes before decides.
            Role::Adverb if self.tags[first].upos == Upos::Adv => true,
            Role::Adverb => {
                let before = (0..first).rev().find(|&b| !matches!(self.tags[b].xpos, "``" | "''"));
                let is_noun = |b: usize| matches!(self.tags[b].upos, Upos::Noun | Upos::Propn);
                !before.is_some_and(|b| {
                    matches!(self.tags[b].upos, Upos::Det | Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn)
                        || matches!(self.tags[b].xpos, "WP" | "WDT" | "PRP$" | "POS")
                        // Conjuncts share their part: "the resource and kind of the
                        // request" joins two nouns; "slow and kind of broken" an adverb.
                        || (self.tags[b].upos == Upos::Cconj && b > 0 && is_noun(b - 1))
                })
            }
        }
    }

    /// Whether the sentence asks something of the reader.
    pub fn asks(&self) -> bool {
        self.acts.contains(Acts::ASK)
    }

    /// Whether the text before `offset` in the sentence is only its opening: greetings,
    /// names and mentions said to the reader, and connectives ("Hi Sam, any thoughts?",
    /// "Also, reminder: …"), so that a phrase at `offset` opens the sentence.
    pub fn opens_at(&self, offset: usize) -> bool {
        self.tokens.get(self.core).is_none_or(|core| offset <= core.span.start)
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

// Vocabulary that several constructions read.

/// Words for a group of readers ("Hi team", "can anyone…").
#[rustfmt::skip]
const GROUP_WORDS: &[&str] = &[
    "team", "all", "everyone", "everybody", "folks", "guys", "y'all", "yall", "people", "gang", "crew", "friends",
    "colleagues", "anyone", "anybody", "someone", "somebody", "team-mates", "teammates",
];

/// Pronouns that stand for the writer ("we need…", "can you send me…").
const WRITER: &[&str] = &["i", "me", "we", "us"];

/// Pronouns that stand for some reader, any reader ("could someone…").
const SOMEONE: &[&str] = &["someone", "somebody", "anyone", "anybody", "everyone", "everybody", "y'all", "yall"];

/// Words that make a request polite.
const PLEASE: &[&str] = &["please", "pls", "plz", "kindly", "pleaase", "plase"];

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

/// Verbs that ask for a meeting when "we" or "you" is their subject ("can we talk?").
const MEETING_VERBS: &[&str] =
    &["meet", "talk", "sync", "chat", "call", "huddle", "speak", "connect", "phone", "ring", "zoom"];

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

/// Reads a sentence from its tokens and their tags; `text_of` gives a token's text, and
/// `quoted` the parts of quotations that open or close in another sentence.
pub fn read<'a>(
    tokens: Vec<Token>,
    tags: Vec<Tag>,
    text_of: impl Fn(Span) -> &'a str,
    quoted: &[Span],
) -> SentenceReading {
    let lowered: Vec<String> =
        tokens.iter().map(|t| text_of(t.span).to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")).collect();
    let mut reported = reported_spans(&tokens, &lowered);
    reported.extend(quoted.iter().filter_map(|&part| words_within(&tokens, part)));
    reported.sort_unstable_by_key(|span| span.start);
    let view = build_view(&tokens, &tags, &lowered, &reported);
    let mut reading = SentenceReading {
        tokens,
        tags,
        core: 0,
        mood: Mood::Fragment,
        addressee: Addressee::default(),
        writer: false,
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

/// The tokens inside `part`, from the first to the last, if any of them is a word: a
/// closing mark alone at a sentence's start reports nothing.
fn words_within(tokens: &[Token], part: Span) -> Option<Span> {
    let inside: Vec<&Token> = tokens.iter().filter(|t| t.span.start >= part.start && t.span.end <= part.end).collect();
    let (first, last) = (inside.first()?, inside.last()?);
    inside.iter().any(|t| t.kind != TokenKind::Punct).then(|| Span::new(first.span.start, last.span.end))
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
    reading.writer = words.iter().any(|w| !w.quote && w.any(WRITER));
    if reading.addressee.group.is_none() {
        if let Some(w) = rest.iter().find(|w| w.any(SOMEONE) && !w.quote) {
            reading.addressee.group = Some(reading.tokens[w.token].span);
        }
    }
    reading.mood = mood(rest);
    if rest.iter().any(|w| w.any(FYI_WORDS)) || is_no_action_needed(rest) {
        reading.acts.insert(Acts::FYI);
    }
    if reading.mood == Mood::Statement && is_announcement(rest) {
        reading.acts.insert(Acts::ANNOUNCE);
    }
    if is_thanks(rest) {
        reading.acts.insert(Acts::THANK);
    }
    if is_late_answer_apology(rest) {
        reading.acts.insert(Acts::LATE_ANSWER);
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
    reading.only_opening = reading.acts.0 & content == 0 && (!words_left || is_thanks_only(rest) || is_wish_only(rest))
        || reading.acts.contains(Acts::PRESENCE);
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

#[cfg(test)]
mod tests;
