//! Asks: sentences that request an action, answer, decision or review from the reader.
//!
//! What a sentence does comes from the language layer's reading of it
//! ([`crate::language`]): a question to the reader, a request ("please…", "could you…",
//! "I need someone to…", "let me know"), an imperative to the reader, or a proposal
//! ("let's…"). This module adds what only the document knows: headings do not ask, a
//! short question standing over its own answer is rhetorical, a question in brackets is
//! an aside, and in a standup update or under a plan label ("Next week:") a bare
//! imperative is the writer's own plan ("Fix the login bug"). A user's own `[[ask]]`
//! entries still make a sentence an ask.

use super::Context;
use crate::Profile;
use crate::document::{BlockKind, Document, Sentence};
use crate::input::FileKind;
use crate::language::{Mood, SentenceReading, Upos};
use crate::lexicon::List;
use crate::span::Span;

/// How a sentence asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AskKind {
    /// A question to the reader.
    Question,
    /// A request, or a proposal: "please…", "I need someone to…", "let's…".
    Request,
    /// An imperative addressed to the reader: "Review the draft."
    Imperative,
}

/// A sentence that asks something of the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ask {
    /// Index into the document's sentences.
    pub sentence: usize,
    /// The sentence's span.
    pub span: Span,
    /// How it asks.
    pub kind: AskKind,
    /// Whether its grammar asks; false when only a team's own `[[ask]]` or
    /// `[[imperative]]` entry makes it one.
    pub grammar: bool,
}

/// Finds every ask in the document.
pub fn find(cx: &Context<'_>) -> Vec<Ask> {
    let doc = cx.doc;
    let user_asks = cx.phrases();
    let entries = cx.lexicon().entries(List::Ask);
    let mut asks = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if matches!(doc.blocks[sentence.block].kind, BlockKind::Heading(_)) {
            continue;
        }
        let reading = cx.language().sentence(index);
        let listed = user_asks.within(List::Ask, sentence.span).iter().any(|m| {
            !reading.is_reported(m.span.start) && (!entries[m.entry].sentence_start || reading.opens_at(m.span.start))
        });
        let kind = if reading.asks() {
            match reading.mood {
                Mood::Question if is_question(doc, sentence) && is_heading_like(doc, sentence, reading) => None,
                Mood::Question => Some(AskKind::Question),
                // A commit message's imperatives say what the change does ("Add the
                // importer"), as git's convention asks; they are not addressed to the reader.
                Mood::Imperative
                    if cx.profile == Profile::Standup || doc.kind == FileKind::Commit || in_plan_list(cx, sentence) =>
                {
                    None
                }
                Mood::Imperative => Some(AskKind::Imperative),
                Mood::Statement | Mood::Fragment => Some(AskKind::Request),
            }
        } else {
            None
        };
        // A team's own [[imperative]] verbs ask when they open a sentence.
        let imperative = cx.profile != Profile::Standup
            && doc.kind != FileKind::Commit
            && !in_plan_list(cx, sentence)
            && user_asks
                .within(List::Imperative, sentence.span)
                .iter()
                .any(|m| !reading.is_reported(m.span.start) && reading.opens_at(m.span.start));
        let listed = if listed { Some(AskKind::Request) } else { imperative.then_some(AskKind::Imperative) };
        if let Some(ask_kind) = kind.or(listed) {
            asks.push(Ask {
                sentence: index,
                span: asking_span(cx, index, ask_kind),
                kind: ask_kind,
                grammar: kind.is_some(),
            });
        }
    }
    asks
}

/// Where a reader finds the ask of sentence `index`: a question that a chat writer put
/// on the last of several lines left without a full stop ("so to apply I guess people
/// would email the list \n would any of y'all be interested in helping?") is that line,
/// read apart as [`Document::seen_parts`] reads such lines; any other ask is its whole
/// sentence. The sentence splitter joins such lines, and the act model reads them
/// together; a finding points at the line that asks. A line that ends on a word that
/// needs the next ("can someone talk about \n Skip's work?": a preposition, determiner,
/// conjunction, auxiliary or particle) was broken inside the question, and the question
/// takes that line in.
pub fn asking_span(cx: &Context<'_>, index: usize, kind: AskKind) -> Span {
    let doc = cx.doc;
    let sentence = &doc.sentences[index];
    if kind != AskKind::Question {
        return sentence.span;
    }
    let parts = doc.seen_parts(sentence, &mut Default::default());
    let Some((last, _)) = parts.last() else { return sentence.span };
    if parts.len() < 2 || final_question_mark(doc.prose_of(*last)).is_none() {
        return sentence.span;
    }
    let reading = cx.language().sentence(index);
    let ends_dangling = |line: Span| {
        let end = (0..reading.tokens.len())
            .rev()
            .find(|&at| reading.tokens[at].span.end <= line.end && reading.tags[at].upos != Upos::Punct);
        end.is_some_and(|at| {
            matches!(reading.tags[at].upos, Upos::Adp | Upos::Det | Upos::Cconj | Upos::Sconj | Upos::Aux | Upos::Part)
        })
    };
    // The question starts after the last line that ends where a clause may end.
    let first = parts[..parts.len() - 1].iter().rposition(|(line, _)| !ends_dangling(*line)).map_or(0, |at| at + 1);
    Span::new(parts[first].0.start, last.end)
}

/// Where `text` ends in `?`, before closing quotes, brackets, emphasis or emoji.
fn final_question_mark(text: &str) -> Option<usize> {
    text.rfind('?').filter(|&mark| !text[mark + 1..].chars().any(char::is_alphanumeric))
}

/// Whether a sentence is a question: it ends in `?` (before closing quotes, brackets,
/// emphasis or emoji), and that `?` is not inside brackets.
pub fn is_question(doc: &Document<'_>, sentence: &Sentence) -> bool {
    let text = doc.prose_of(sentence.span);
    let Some(mark) = final_question_mark(text) else { return false };
    let before = &text[..mark];
    let open = before.matches(['(', '[']).count();
    let close = before.matches([')', ']']).count();
    open <= close
}

/// Whether a sentence is a list item under a plan label or heading ("Next week",
/// "## Plan", "Todo:"): there, "Start the upgrade" is the writer's own plan.
fn in_plan_list(cx: &Context<'_>, sentence: &Sentence) -> bool {
    let doc = cx.doc;
    if doc.blocks[sentence.block].kind != BlockKind::ListItem {
        return false;
    }
    let Some(label) = doc.blocks[..sentence.block].iter().rev().find(|b| b.kind != BlockKind::ListItem) else {
        return false;
    };
    let short = cx.doc.count_words(label.words.clone()) <= 5 || matches!(label.kind, BlockKind::Heading(_));
    short && !cx.phrases().within(List::StandupNext, label.span).is_empty()
}

/// Whether a question stands like a heading over its own answer: alone on the first
/// line of a paragraph that goes on, short, and neither addressed to anyone nor about the
/// writer ("What is TensorFrames?\nTensorFrames lets you…"). Such questions are rhetorical.
fn is_heading_like(doc: &Document<'_>, sentence: &Sentence, reading: &SentenceReading) -> bool {
    let block = &doc.blocks[sentence.block];
    // Only a block's first sentence can be one, so the rest of its line is read once per
    // block: a message that is one long line stays linear.
    if sentence.span.start != block.span.start || doc.count_words(sentence.words.clone()) > 8 {
        return false;
    }
    let line_end = doc.prose[sentence.span.end..].find('\n').map_or(doc.prose.len(), |at| sentence.span.end + at);
    let alone_on_first_line =
        !doc.prose[sentence.span.end..line_end].chars().any(char::is_alphanumeric) && line_end < block.span.end;
    if !alone_on_first_line {
        return false;
    }
    !(reading.addressee.any() || reading.writer)
}
